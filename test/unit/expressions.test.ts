// The step counter first: it counts only what is compiled after it starts.
import { notLinear } from './steps';
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { parseYaml as parseYamlTree } from '../../server/src/service/yaml/parseYaml';
import { readsAs, stringSource } from '../../server/src/service/core/stringSource';
import { checkDynamicValue, checkJsonata, checkJsonPath, isJsonata, jsonataConstant, knownStringOf, looksLikePath, sourceOffset, type KnownContext, type KnownString } from '../../server/src/service/expressions/index';
import { formatSegments } from '../../server/src/service/expressions/functions';
import { parseJsonPath } from '../../server/src/service/expressions/jsonpath';
import { JSONATA_FUNCTIONS, JSONATA_SIGNATURES } from '../../server/src/service/expressions/jsonata';
import { isExpressionError } from '../../server/src/service/expressions/types';

// A `.$` value as written: what knownStringOf knows of it, nothing when it does not parse.
const bounds = (value: string, known?: KnownContext): KnownString => knownStringOf(value, true, known) ?? {};
const staticMaxLength = (value: string, known?: KnownContext) => bounds(value, known).max;
const staticShownLength = (value: string, known?: KnownContext) => bounds(value, known).shown;

/** The error as [message, the text it covers]. */
const at = (value: string, e: ReturnType<typeof checkDynamicValue>) => e && [e.message, value.slice(e.start, e.end)];

describe('JSONPath', () => {
  test('valid paths', () => {
    for (const p of ['$', '$$', '$.a', '$.a.b[0]', "$['a b'].c", '$["x"]', '$.items[*].id', '$..name', '$.a[-1:]', '$.a[0:2]', '$.a[?(@.x == 1)]', '$$.Execution.Name', '$$.Map.Item.Value', '$myVar.field', '$.a.length()', '$.detail-type']) {
      assert.equal(checkJsonPath(p, 'path'), undefined, p);
    }
  });
  test('reference paths allow only names and indexes', () => {
    assert.equal(checkJsonPath('$.result.items[0]', 'reference'), undefined);
    assert.deepEqual(at('$..x', checkJsonPath('$..x', 'reference')), ['A reference path cannot use the deep scan ..', '..']);
    assert.deepEqual(at('$.a[*]', checkJsonPath('$.a[*]', 'reference')), ['A reference path cannot use filters, wildcards, slices or unions: [*]', '[*]']);
  });
  test('malformed paths, with the position of the mistake', () => {
    assert.deepEqual(at('$.a.', checkJsonPath('$.a.', 'path')), ['A name is missing after "." in "$.a."', '.']);
    assert.deepEqual(at("$['a'", checkJsonPath("$['a'", 'path')), ['Unterminated bracket: "[\'a\'" needs a closing ]', "['a'"]);
    assert.deepEqual(at('input.x', checkJsonPath('input.x', 'path')), ['"input.x" is not a path: a path starts with $ (the input), $$ (the context object) or $name (a variable)', 'input.x']);
    const call = "$.States.Format('{}', $.x)";
    // The call is read to its closing parenthesis, a path argument included.
    assert.deepEqual(at(call, checkJsonPath(call, 'path'))?.[1], "Format('{}', $.x)");
    assert.equal(checkJsonPath(' $$.Execution.Name ', 'path'), undefined, 'surrounding whitespace is ignored');
  });
});

describe('intrinsic functions', () => {
  test('every function, nested, with paths and literals', () => {
    for (const v of [
      "States.Format('{}-{}', $.a, $$.Execution.Name)",
      "States.Format('literal \\{\\} braces')",
      'States.StringToJson($.s)',
      'States.JsonToString($.o)',
      'States.Array(1, \'two\', $.three, States.UUID())',
      'States.Array()',
      'States.ArrayPartition($.a, 2)',
      'States.ArrayContains($.a, $.b)',
      'States.ArrayRange(1, 9, 2)',
      'States.ArrayGetItem($.a, $.i)',
      'States.ArrayLength($.a)',
      'States.ArrayUnique($.a)',
      'States.Base64Encode($.s)',
      'States.Base64Decode($.s)',
      "States.Hash($.s, 'SHA-256')",
      'States.JsonMerge($.a, $.b, false)',
      'States.MathRandom(1, 999)',
      'States.MathRandom(1, 999, $.seed)',
      'States.MathAdd($.n, -1)',
      "States.StringSplit($.csv, ',')",
      'States.UUID()',
      "States.Format('{}', States.ArrayGetItem(States.StringSplit($.s, ','), 0))",
      "States.ArrayGetItem($.a['x,y'], 0)",
    ]) {
      assert.equal(checkDynamicValue(v), undefined, v);
    }
  });
  test('arity', () => {
    const v = 'States.ArrayGetItem($.a)';
    assert.deepEqual(at(v, checkDynamicValue(v)), ['States.ArrayGetItem takes 2 arguments, got 1', v]);
    assert.equal(checkDynamicValue('States.UUID(1)')?.message, 'States.UUID takes 0 arguments, got 1');
    assert.equal(checkDynamicValue('States.MathRandom(1)')?.message, 'States.MathRandom takes 2 or 3 arguments, got 1');
  });
  test('unknown functions suggest the closest one', () => {
    const v = "States.Formatt('{}', $.a)";
    assert.deepEqual(at(v, checkDynamicValue(v)), ['Unknown intrinsic function States.Formatt; did you mean States.Format?', 'States.Formatt']);
  });
  test('States.Format placeholders must match the values', () => {
    const v = "States.Format('{}-{}', $.a)";
    assert.deepEqual(at(v, checkDynamicValue(v)), ["States.Format's template has 2 {} placeholders but 1 value follows", "'{}-{}'"]);
  });
  test('syntax mistakes, placed', () => {
    assert.deepEqual(at("States.Format('x", checkDynamicValue("States.Format('x")), ["Unterminated string: a closing ' is missing", "'x"]);
    assert.equal(checkDynamicValue("States.Format('{}', $.a")?.message, 'States.Format( is not closed: a ) is missing');
    assert.equal(checkDynamicValue('States.Format("{}", $.a)')?.message, "Strings in intrinsic functions use single quotes: 'text'");
    const v = "States.Format('{}', $.a.)";
    assert.deepEqual(at(v, checkDynamicValue(v)), ['A name is missing after "." in "$.a."', '.']);
  });
  test('a path passed to an intrinsic function names a field of other characters than letters, digits and _ in brackets (the developer guide)', () => {
    const v = "States.Format('Hello {}', $.first-name)";
    const e = checkDynamicValue(v);
    assert.deepEqual(at(v, e), ['"first-name" holds "-": a path passed to an intrinsic function names such a field in brackets, [\'first-name\'] (only letters, digits and _ may follow a ".")', '.first-name']);
    assert.equal(e?.replacement, "['first-name']");
    for (const ok of ["States.Format('{}', $['first-name'])", "States.Format('{}', $.abc.['def ghi'])", "States.ArrayLength($.order_lines[0].x1)", "States.Format('{}', $$.Execution.Name)", "States.Format('{}', $.café)"]) assert.equal(checkDynamicValue(ok), undefined, ok);
    // A plain path reads such a name as Jayway JsonPath does.
    assert.equal(checkDynamicValue('$.first-name'), undefined);
  });
  test('not a path or a function', () => {
    assert.match(checkDynamicValue('not a path')!.message, /is not a JSONPath \(\$…, \$\$…\) or an intrinsic function/);
  });
  test('deep nesting is refused, not a stack overflow', () => {
    const v = 'States.Array('.repeat(5000) + ')'.repeat(5000);
    assert.match(checkDynamicValue(v)!.message, /nested too deeply/);
  });
});

describe('intrinsic function details', () => {
  test('a States.Hash algorithm given as a literal must be one Step Functions knows', () => {
    const v = "States.Hash($.x, 'SHA256')";
    assert.deepEqual(at(v, checkDynamicValue(v)), ['States.Hash algorithm "SHA256" is not one of MD5, SHA-1, SHA-256, SHA-384, SHA-512', "'SHA256'"]);
    assert.equal(checkDynamicValue('States.Hash($.x, $.algorithm)'), undefined, 'a path is not checked');
  });
  test('an escaped backslash before {} leaves a real placeholder', () => {
    assert.equal(checkDynamicValue("States.Format('a\\\\{}', $.x)"), undefined);
    assert.equal(checkDynamicValue("States.Format('\\{}', $.x)")?.message, "States.Format's template has 0 {} placeholders but 1 value follows");
  });
  test('whitespace around and between the parts of a call', () => {
    assert.equal(checkDynamicValue("  States.Format( '{}' ,  $.x )  "), undefined);
    assert.equal(checkDynamicValue('States.Array(\n  1,\n  2\n)'), undefined);
  });
  test('each mistake covers the text it is about', () => {
    const cases: [string, string, string][] = [
      ['States.Format(', 'States.Format( is not closed: a ) is missing', 'States.Format('],
      ['States.Format', 'States.Format must be called: States.Format(…)', 'States.Format'],
      ['States.', 'Expected an intrinsic function name after "States.", such as States.Format(…)', 'States.'],
      ["States.Format('a', )", `Unexpected ")": an argument is a 'string', a number, a path ($…) or an intrinsic function`, ')'],
      ["States.Format('{}', $.a) extra", 'Unexpected text after the intrinsic function: "extra"', 'extra'],
      ['States.Array(1 2)', 'Expected , or ) after an argument of States.Array, found "2"', '2'],
      ['States.Array(@)', `Unexpected "@": an argument is a 'string', a number, a path ($…) or an intrinsic function`, '@'],
      ['States.JsonMerge($.a, $.b)', 'States.JsonMerge takes 3 arguments, got 2', 'States.JsonMerge($.a, $.b)'],
      ['States.Format()', 'States.Format takes at least 1 argument, got 0', 'States.Format()'],
      ['States.Array(States.Uuid())', 'Unknown intrinsic function States.Uuid; did you mean States.UUID?', 'States.Uuid'],
      ['States.Nonsense()', 'Unknown intrinsic function States.Nonsense', 'States.Nonsense'],
    ];
    for (const [v, message, covered] of cases) assert.deepEqual(at(v, checkDynamicValue(v)), [message, covered], v);
  });
  test('every error code is invalid-intrinsic inside a call, invalid-path for a path', () => {
    assert.equal(checkDynamicValue('States.UUID(1)')?.code, 'invalid-intrinsic');
    assert.equal(checkDynamicValue('$.a.')?.code, 'invalid-path');
  });
});

describe('paths as Step Functions accepts them', () => {
  test('forms from the AWS documentation and real definitions', () => {
    for (const p of [
      '$.store.book[*].author', '$..author', '$.store.*', '$..book[2]', '$..book[-1:]', '$..book[0,1]', '$..book[:2]',
      '$..book[?(@.isbn)]', "$..book[?(@.price < 10)]", "$.a[?(@.name == 'x]y')]", '$.a[(@.length-1)]',
      '$$.Map.Item.Value.id', '$$.Execution.Input.run', '$$.Task.Token', '$.detail-type', '$.Payload.body.étape',
      "$['key with spaces']['and.dots']", '$["double"]', '$[0][1]', '$.items[0:10:2]', '$myVariable', '$var_1.a[0]',
    ]) {
      assert.equal(checkJsonPath(p, 'path'), undefined, p);
    }
  });
  test('reference paths (ResultPath)', () => {
    for (const p of ['$', '$.result', '$.a.b[0]', "$['x y']"]) assert.equal(checkJsonPath(p, 'reference'), undefined, p);
    assert.deepEqual(at('$.a[?(@.x)]', checkJsonPath('$.a[?(@.x)]', 'reference')), ['A reference path cannot use filters, wildcards, slices or unions: [?(@.x)]', '[?(@.x)]']);
    assert.deepEqual(at('$.*', checkJsonPath('$.*', 'reference')), ['A reference path cannot use the wildcard *', '*']);
  });
  test('mistakes, placed', () => {
    assert.deepEqual(at('$[', checkJsonPath('$[', 'path')), ['Unterminated bracket: "[" needs a closing ]', '[']);
    assert.deepEqual(at('$.a[]', checkJsonPath('$.a[]', 'path')), ['Empty brackets []: write an index, a quoted name, * or a filter', '[]']);
    assert.deepEqual(at("$['a']['b", checkJsonPath("$['a']['b", 'path')), ["Unterminated string in ['b", "['b"]);
    assert.deepEqual(at('$.a..', checkJsonPath('$.a..', 'path')), ['A name is missing after "." in "$.a.."', '.']);
    assert.deepEqual(at('$ .a', checkJsonPath('$ .a', 'path')), ['Unexpected " " in path "$ .a": segments are .name or [...]', ' ']);
  });
  test('the specification\'s acceptable reference paths, backslash escapes included', () => {
    // states-language.net, "Reference Paths": "Here are some examples of acceptable Reference Path syntax".
    for (const p of ['$.store.book', '$.store\\.book', '$.\\stor\\e.boo\\k', '$.store.book.title', '$.foo.\\.bar', '$.foo\\@bar.baz\\[\\[.\\?pretty', '$.&Ж中.\\uD800\\uDF46', '$.ledgers.branch[0].pending.count', '$.ledgers.branch[0]', '$.ledgers[0][22][315].foo', "$['store']['book']", "$['store'][0]['book']"]) {
      assert.equal(checkJsonPath(p, 'reference'), undefined, p);
    }
    const path = parseJsonPath('$.foo\\@bar.baz\\[\\[.\\?pretty');
    assert.ok(!isExpressionError(path));
    assert.deepEqual(path.segments.map((s) => s.kind === 'name' && s.name), ['foo@bar', 'baz[[', '?pretty']);
  });
  test('a name right after a bracket reads as .name, as Jayway JsonPath reads it (clean38: a released Terraform module runs $.Reservations[0].Instances[0]InstanceId)', () => {
    for (const kind of ['path', 'reference'] as const) for (const p of ['$.a[0]b', "$['a']b.c", '$.a[*]b']) assert.equal(checkJsonPath(p, kind === 'reference' && p.includes('*') ? 'path' : kind), undefined, p);
    const path = parseJsonPath('$.Reservations[0].Instances[0]InstanceId');
    assert.ok(!isExpressionError(path));
    assert.deepEqual(path.segments.map((s) => (s.kind === 'name' ? s.name : s.kind === 'index' ? s.index : s.kind)), ['Reservations', 0, 'Instances', 0, 'InstanceId']);
    assert.equal(at('$.a[0] b', checkJsonPath('$.a[0] b', 'path'))?.[1], ' ');
  });
  test('variables are Unicode identifiers: $café, $größe, $日本', () => {
    for (const p of ['$café.prix', '$größe', '$日本[0]', "States.Format('{}', $größe)"]) assert.equal(checkDynamicValue(p), undefined, p);
    const path = parseJsonPath('$café.prix');
    assert.ok(!isExpressionError(path));
    assert.equal(path.root, '$café');
    assert.equal(looksLikePath('$größe.wert'), true);
  });
  test('a variable name starts with ID_Start: $1abc and $_x name no variable and are no path (an error on the character)', () => {
    assert.deepEqual(at('$1abc', checkJsonPath('$1abc')), ['Unexpected "1" in path "$1abc": a variable\'s name starts with a letter (Unicode ID_Start), and a path\'s segments are .name or [...]', '1']);
    assert.equal(at('$_x.y', checkJsonPath('$_x.y'))?.[1], '_');
    assert.equal(checkJsonPath('$x1_y.z'), undefined);
  });
  test('a .$ value that is neither a path nor a call', () => {
    assert.deepEqual(at('arn:aws:x', checkDynamicValue('arn:aws:x')), ['"arn:aws:x" is not a JSONPath ($…, $$…) or an intrinsic function (States.…); a key ending in .$ takes one of those', 'arn:aws:x']);
  });
});

test('looksLikePath: values probably meant as expressions', () => {
  for (const v of ['$', '$.a', '$$.Execution.Name', '$[0]', '$myVar.x', "States.Format('{}', $.a)", ' $.a ']) assert.equal(looksLikePath(v), true, v);
  for (const v of ['my-job', '$5 per hour', 'States.Format', 'arn:aws:states:::sagemaker:createTrainingJob.sync', '{% $x %}', '']) assert.equal(looksLikePath(v), false, v);
});

test('isJsonata: the whole string is one {% … %}', () => {
  assert.equal(isJsonata('{% $x %}'), true);
  assert.equal(isJsonata('  {% $x %}\n'), false);
  assert.equal(isJsonata('a {% $x %}'), false);
  assert.equal(isJsonata('{% $x'), false);
});

describe('documented limits of intrinsic functions: well formed, so warnings (they fail when they run)', () => {
  // The developer guide's intrinsic-functions page.
  const warn = (v: string) => {
    const e = checkDynamicValue(v);
    assert.equal(e?.severity, 'warning', `${v}: ${e?.message}`);
    return [e!.message, v.slice(e!.start, e!.end)];
  };
  test('"If you specify a non-integer value …, Step Functions will round it off to the nearest integer."', () => {
    for (const v of ['States.ArrayRange(1.5, 10, 1)', 'States.ArrayPartition($.a, 1.5)', 'States.MathAdd(1.5, 2)', 'States.MathRandom(1.2, 9.7)', 'States.MathRandom(1, 9, 0.5)']) assert.equal(checkDynamicValue(v), undefined, v);
    assert.equal(checkDynamicValue('States.ArrayRange(1, 10, \'a\')')?.severity, undefined, 'a string is still malformed');
  });
  test('States.ArrayRange: a step of 0, more than 1000 items', () => {
    assert.deepEqual(warn('States.ArrayRange(1, 10, 0)'), ['States.ArrayRange: the step must not be 0 (after rounding)', '0']);
    assert.deepEqual(warn('States.ArrayRange(1, 10, 0.4)')[1], '0.4');
    assert.deepEqual(warn('States.ArrayRange(0, 2000, 1)'), ['States.ArrayRange makes at most 1000 items; from 0 to 2000 by 1 is 2001', '2000']);
    assert.equal(checkDynamicValue('States.ArrayRange(1, 1000, 1)'), undefined);
    assert.equal(checkDynamicValue('States.ArrayRange(10, 1, 1)'), undefined, 'an empty range');
    assert.equal(checkDynamicValue('States.ArrayRange($.a, 5000, 1)'), undefined, 'a path: not known');
  });
  test('the other limits', () => {
    assert.deepEqual(warn('States.ArrayPartition($.a, 0)'), ['States.ArrayPartition: the chunk size must be a positive integer, not 0', '0']);
    assert.deepEqual(warn('States.ArrayGetItem($.a, -1)'), ['States.ArrayGetItem: the index counts from 0, and -1 names no item of any array: the state fails when it runs', '-1']);
    assert.equal(checkDynamicValue('States.ArrayGetItem($.a, 0)'), undefined);
    assert.deepEqual(warn('States.JsonMerge($.a, $.b, true)'), ['States.JsonMerge: the third argument must be false (only shallow merges are supported)', 'true']);
    assert.match(warn(`States.Base64Encode('${'a'.repeat(10_001)}')`)[0], /^States.Base64Encode takes up to 10,000 characters; this one has 10001$/);
    assert.equal(checkDynamicValue(`States.Hash('${'a'.repeat(10_000)}', 'MD5')`), undefined);
    assert.deepEqual(warn('States.MathAdd(3000000000, 1)'), ['States.MathAdd takes integers from -2147483648 to 2147483647, not 3000000000', '3000000000']);
    assert.deepEqual(warn("States.JsonToString('abc')"), ['States.JsonToString takes a path to the JSON data, not a literal', "'abc'"]);
    const nested = (n: number): string => (n === 0 ? '$.a' : `States.Array(${nested(n - 1)})`);
    assert.equal(checkDynamicValue(nested(10)), undefined);
    assert.match(warn(nested(11))[0], /^Intrinsic functions nest at most 10 deep; this call is at depth 11$/);
  });
  test('Step Functions\' own JSONata functions: their arguments', () => {
    const jw = (v: string) => {
      const e = checkJsonata(v);
      assert.equal(e?.severity, 'warning', `${v}: ${e?.message}`);
      return e!.message;
    };
    assert.equal(jw("{% $hash('x') %}"), '$hash takes 2 arguments ($hash(data, algorithm)), not 1: the call fails when the state runs');
    assert.equal(jw("{% $hash('x', 'SHA-999') %}"), '$hash algorithm "SHA-999" is not one of MD5, SHA-1, SHA-256, SHA-384, SHA-512');
    // A name the table's object has by inheritance is no algorithm either.
    assert.equal(jw("{% $hash('x', 'toString') %}"), '$hash algorithm "toString" is not one of MD5, SHA-1, SHA-256, SHA-384, SHA-512');
    assert.equal(jw('{% $partition([1, 2, 3], 0) %}'), "$partition's chunk size must be positive, not 0");
    // A literal of another type where the call refuses it when it runs (x33b); a computed one is not judged.
    assert.equal(jw("{% $partition([1, 2, 3], '2') %}"), "$partition's chunk size is a number, not a string: the call fails when it runs");
    assert.equal(jw("{% $hash('x', 256) %}"), "$hash's algorithm is a string, not a number: the call fails when it runs");
    assert.equal(checkJsonata('{% $partition([1, 2, 3], $states.input.size) %}'), undefined);
    assert.equal(jw('{% $range(1, 5, 0) %}'), "$range's step must not be 0");
    assert.equal(jw('{% $uuid(1) %}'), '$uuid takes 0 arguments ($uuid()), not 1: the call fails when the state runs');
    assert.match(jw(`{% $parse('{"a": 1,}') %}`), /^\$parse of "\{\\"a\\": 1,\}" always fails: it is not JSON \(/);
    assert.equal(checkJsonata(`{% $parse('{"a": 1}') %}`), undefined);
    for (const v of ["{% $hash($states.input.x, 'SHA-256') %}", '{% $partition($states.input.items, 2) %}', '{% $random() %}', '{% $random(7) %}', '{% ($hash := function($a) { $a }; $hash(1)) %}'])
      assert.equal(checkJsonata(v), undefined, v);
    // `x ~> $f(a)` is `$f(x, a)`: the piped value is the first argument (an outside tester's false warning).
    for (const v of ["{% $states.input.s ~> $hash('SHA-256') %}", '{% $states.input.items ~> $partition(2) %}', "{% $states.input.body ~> $parse() %}", "{% $states.input.n ~> $string() ~> $hash('MD5') %}"])
      assert.equal(checkJsonata(v), undefined, v);
    assert.equal(jw("{% $states.input.s ~> $hash('SHA-999') %}"), '$hash algorithm "SHA-999" is not one of MD5, SHA-1, SHA-256, SHA-384, SHA-512');
    assert.equal(jw("{% $states.input.s ~> $hash('x', 'MD5') %}"), '$hash takes 2 arguments ($hash(data, algorithm)), not 3: the call fails when the state runs');
    assert.equal(jw('{% $states.input.items ~> $partition(0) %}'), "$partition's chunk size must be positive, not 0");
    // Underlined from the name to the end of the argument at fault (an outside tester marked the argument).
    const span = (v: string) => { const e = checkJsonata(v)!; return v.slice(e.start, e.end); };
    assert.equal(span("{% $hash($states.input.body, 'SHA-224') %}"), "$hash($states.input.body, 'SHA-224'");
    assert.equal(span('{% $partition($states.input.lines, 0) %}'), '$partition($states.input.lines, 0');
    assert.equal(span('{% $states.input.items ~> $partition(0) %}'), '$partition(0');
  });
  test("$number of a literal string it cannot read: a warning, held to the jsonata package's own evaluation (asl39)", async () => {
    const jsonata = require('jsonata') as (e: string) => { evaluate(input: unknown): Promise<unknown> };
    const texts = ['abc', '', ' 1', '1.', '.5', '1e999', '0x1G', 'Infinity', '12', '-3.5', '1E+3', '0x1F', '0o17', '0b101', 'x0o7'];
    for (const text of texts) {
      const v = `{% $number(${JSON.stringify(text).replace(/^"|"$/g, "'")}) %}`;
      const refused = await jsonata(`$number(${JSON.stringify(text)})`).evaluate({}).then(() => false, (e: { code?: string }) => e.code === 'D3030');
      const e = checkJsonata(v);
      assert.equal(!!e, refused, `${v}: ${e?.message}`);
      if (e) assert.equal(e.severity, 'warning');
    }
    assert.equal(checkJsonata("{% $number('abc') %}")!.message, '$number of "abc" always fails: it is no number JSONata can read (D3030, "Unable to cast value to a number"), so the state fails when it runs (States.QueryEvaluationError)');
    for (const v of ['{% $number($states.input.n) %}', "{% $states.input.s ~> $number() %}", '{% $number(true) %}']) assert.equal(checkJsonata(v), undefined, v);
  });
  test('an intrinsic call of literals only that always fails when it runs: a warning with the reason; one that reads a path or works: none', () => {
    const e = checkDynamicValue("States.StringToJson('{\"retries\": 3')");
    assert.equal(e?.severity, 'warning');
    assert.match(e!.message, /^This call always fails when it runs \(States\.Runtime\): States\.StringToJson: .* is not JSON$/);
    assert.match(checkDynamicValue("States.Base64Decode('not base64!!')")?.message ?? '', /must be a base64 string/);
    for (const v of ["States.StringToJson('{\"a\": 1}')", 'States.StringToJson($.body)', "States.Base64Decode('aGk=')", 'States.MathRandom(1, 5)', "States.Format('{}', States.UUID())"])
      assert.equal(checkDynamicValue(v), undefined, v);
  });
  test('a nested call whose result is never what its argument must be (asl46: States.ArrayLength(States.Format(…))): a warning on the inner call; a result that may fit, none', () => {
    const value = "States.ArrayLength(States.Format('x{}', $.v))";
    const e = checkDynamicValue(value);
    assert.deepEqual([e?.severity, e?.message, value.slice(e!.start, e!.end)], ['warning', 'This call always fails when it runs (States.Runtime): States.ArrayLength: the argument must be an array, and States.Format gives a string', "States.Format('x{}', $.v)"]);
    assert.match(checkDynamicValue('States.JsonMerge(States.Array($.a), $.b, false)')?.message ?? '', /both arguments must be objects, and States\.Array gives an array$/);
    assert.match(checkDynamicValue("States.Format('{}', States.Array($.a))")?.message ?? '', /States\.Array gives an array$/);
    for (const v of ['States.MathAdd(States.ArrayLength($.a), 1)', "States.ArrayGetItem(States.StringSplit($.s, ','), States.MathAdd($.i, 1))", 'States.JsonMerge(States.StringToJson($.a), $.b, false)', "States.Base64Encode(States.Format('{}', $.x))"])
      assert.equal(checkDynamicValue(v), undefined, v);
  });
  test('the JSONata functions known are the jsonata package\'s own (2.0.6, what Step Functions runs) and Step Functions\' additions', () => {
    const source = readFileSync(join(__dirname, '..', '..', '..', 'node_modules', 'jsonata', 'jsonata.js'), 'utf8');
    const packaged = new Set([...source.matchAll(/\.bind\('([A-Za-z0-9]+)'/g)].map((m) => m[1]));
    const stepFunctions = ['partition', 'range', 'hash', 'random', 'uuid', 'parse'];
    assert.deepEqual([...JSONATA_FUNCTIONS].sort(), [...new Set([...packaged, ...stepFunctions])].sort());
    assert.equal(checkJsonata('{% $reduce([1, 2], function($a, $b) { $a + $b }) %}'), undefined);
  });
  test('the signatures of JSONata\'s functions are the jsonata package\'s own', () => {
    const source = readFileSync(join(__dirname, '..', '..', '..', 'node_modules', 'jsonata', 'jsonata.js'), 'utf8');
    const packaged: Record<string, string> = {};
    for (const m of source.matchAll(/\.bind\('([A-Za-z0-9]+)', defineFunction\(/g)) packaged[m[1]] = /'(<[^']*>)'\)/.exec(source.slice(m.index))![1];
    assert.deepEqual(JSONATA_SIGNATURES, packaged);
  });
  test('a call of JSONata\'s own functions that its signature refuses: a warning exactly where the jsonata package throws T0410 or T0412', async () => {
    const jsonata = require('jsonata') as (e: string) => { evaluate(input: unknown): Promise<unknown> };
    const literals = ["'s'", '1', 'true', 'null', '[1, 2]', "['a']", '{"a": 1}', 'function($x) { $x }'];
    // Values the text does not show as one literal (indexed, filtered): any type, so never a warning the package would not give.
    const unknown = ['[1, 2][0]', "['a', 'b'][$i]", "'abc'[0]", '$states.input.x'];
    const lists: string[][] = [[]];
    for (const a of literals) lists.push([a]);
    for (const a of literals) for (const b of literals) lists.push([a, b]);
    for (let k = 0; k < 40; k++) lists.push([0, 1, 2].map((i) => literals[(k * 7 + i * 3 + k * i) % literals.length]));
    const partly: string[][] = [];
    for (const u of unknown) for (const a of literals) partly.push([u], [u, a], [a, u]);
    // $error and $assert throw by design, $eval is refused, $random is Step Functions' own (a seed).
    const names = Object.keys(JSONATA_SIGNATURES).filter((n) => !['error', 'assert', 'eval', 'random'].includes(n));
    let flagged = 0;
    for (const name of names) {
      for (const [args, exact] of [...lists.map((l) => [l, true] as const), ...partly.map((l) => [l, false] as const)]) {
        const expression = `$${name}(${args.join(', ')})`;
        const warning = checkJsonata(`{% ${expression} %}`);
        let code: string | undefined;
        try {
          await jsonata(expression).evaluate({ x: 1 });
        } catch (e) {
          code = (e as { code?: string }).code;
        }
        // And $number of a string it cannot read (D3030), a test of its own above.
        const refused = code === 'T0410' || code === 'T0412' || (name === 'number' && code === 'D3030');
        if (warning) {
          flagged++;
          assert.equal(warning.severity, 'warning', expression);
          assert.ok(refused, `${expression}: flagged (${warning.message}) but jsonata says ${code ?? 'nothing'}`);
        } else if (exact) assert.ok(!refused, `${expression}: jsonata throws ${code}, not flagged`);
      }
    }
    assert.ok(flagged > 1000, `${flagged} calls flagged`);
  });
  test('a JSONata constant may call JSONata\'s plain functions: folded exactly as the jsonata package computes them', async () => {
    const jsonata = require('jsonata') as (e: string) => { evaluate(input: unknown): Promise<unknown> };
    const args: Record<string, string[][]> = {
      uppercase: [["'bayesian'"], ["'ml.m5.Large'"], ["'straße'"], ['1']],
      lowercase: [["'BAYESIAN'"], ["'İ'"]],
      trim: [["'  a \\t\\n b  '"], ["' x'"], ["''"], ["'   '"]],
      length: [["'abc'"], ["'😀a'"], ["''"]],
      substringBefore: [["'a-b-c'", "'-'"], ["'abc'", "'x'"], ["'abc'", "''"], ["'abc'"]],
      substringAfter: [["'a-b-c'", "'-'"], ["'abc'", "'x'"], ["'abc'", "''"]],
      join: [["['a', 'b']", "'-'"], ["['a', 'b']"], ['[]'], ["'a'"], ['[1, 2]']],
      abs: [['-2.5'], ['3']], floor: [['-2.5'], ['2.5']], ceil: [['-2.5'], ['2.5']],
      count: [['[1, 2, 3]'], ['[]'], ['5']],
      sum: [['[50, 51]'], ['[]'], ['[0.1, 0.2]'], ["['a']"]],
      max: [['[3, 1, 2]'], ['[]']], min: [['[3, 1, 2]'], ['[-1]']], average: [['[1, 2]'], ['[]']],
    };
    const expressions = Object.entries(args).flatMap(([name, lists]) => lists.map((l) => `$${name}(${l.join(', ')})`));
    expressions.push("$uppercase($trim('  bayesian  '))", "$sum([1, 2]) * 3600", "$length($join(['a', 'b'], '--'))", '$max([])');
    let folded = 0;
    for (const e of expressions) {
      const c = jsonataConstant(`{% ${e} %}`);
      let expected: unknown;
      let threw = false;
      try {
        expected = await jsonata(e).evaluate(undefined);
      } catch {
        threw = true;
      }
      if (c === undefined) continue;
      folded++;
      assert.ok(!threw, `${e}: folded to ${JSON.stringify(c.value)} but the package throws`);
      assert.deepEqual(c.value, JSON.parse(JSON.stringify(expected)), e);
    }
    assert.ok(folded >= 30, `${folded} folded`);
    // What reads data, or calls another function, is no constant.
    for (const e of ['{% $uppercase($states.input.s) %}', "{% $string(1) %}", "{% $uppercase('a')[0] %}"]) assert.equal(jsonataConstant(e), undefined, e);
  });
  test('JSONata signature warnings say what the function takes', () => {
    assert.equal(checkJsonata("{% $join(['a', 'b'], ',', 'x') %}")?.message, '$join takes 1 or 2 arguments ($join(an array of strings, a string?)), not 3: the call fails when the state runs');
    assert.equal(checkJsonata('{% $uppercase(42) %}')?.message, '$uppercase takes a string as its first argument ($uppercase(a string (else the context))), not a number: the call fails when the state runs');
    assert.equal(checkJsonata("{% $sum([50, 'x']) %}")?.message, '$sum takes an array of numbers as its first argument ($sum(an array of numbers)), and this one holds a string: the call fails when the state runs');
    assert.equal(checkJsonata('{% $zip() %}')?.message, '$zip takes at least 1 argument ($zip(an array, …)), not 0: the call fails when the state runs');
    // The separator left out: the array is still read against its items' type.
    assert.equal(checkJsonata('{% $join([1, 2]) %}')?.message, '$join takes an array of strings as its first argument ($join(an array of strings, a string?)), and this one holds a number: the call fails when the state runs');
    assert.equal(checkJsonata("{% $uppercase(['ml.m5.large', 'ml.c5.xlarge'][$states.input.i]) %}"), undefined);
    // Nor is an indexed literal the literal when it is folded: `[1, 2][0]` is 1, not the list.
    assert.deepEqual(jsonataConstant('{% [1, 2] %}'), { value: [1, 2] });
    assert.equal(jsonataConstant('{% [1, 2][0] %}'), undefined);
    // What the text does not show may be anything; a piped value is the first argument; left out, the context stands in.
    for (const v of ['{% $substring($states.input.s, 0, 5) %}', '{% $states.input.s ~> $substring(0, 5) %}', '{% $uppercase() %}', '{% $sum(5) %}', '{% $join($states.input.names) %}', "{% $map([1], function($v) { $v }) %}", '{% ($join := function($x) { $x }; $join(1, 2, 3)) %}'])
      assert.equal(checkJsonata(v), undefined, v);
  });
  test('a function neither JSONata nor Step Functions has: a warning naming the closest (the call fails when the state runs)', () => {
    const e = checkJsonata("{% $formatDate($now(), 'yyyy') %}");
    assert.equal(e?.severity, 'warning');
    assert.match(e!.message, /^JSONata has no function \$formatDate; did you mean \$formatBase\? \(Step Functions runs JSONata 2\.0\.6 with its own \$partition, .*\): the call fails when the state runs$/);
    assert.equal(checkJsonata('{% $uppercas($states.input.s) %}')?.message.startsWith('JSONata has no function $uppercas; did you mean $uppercase?'), true);
    // Bound by the expression, a function's parameter, a template placeholder, a built-in: no finding.
    for (const v of ['{% ($f := function($x) { $x + 1 }; $f(1)) %}', '{% $map([1], function($v, $i, $a) { $v }) %}', '{% (function($g) { $g(1) })($string) %}', '{% ${Fn}(1) %}', '{% $${Fn}(1) %}', '{% $fromMillis($millis()) %}', '{% $uuid() %}'])
      assert.equal(checkJsonata(v), undefined, v);
  });
});

describe('static length bounds', () => {
  test('context values and formats of them', () => {
    assert.equal(staticMaxLength('$$.Execution.Name'), 80);
    assert.equal(staticMaxLength('$$.StateMachine.Name'), 80);
    assert.equal(staticMaxLength('$$.State.Name'), 80);
    assert.equal(staticMaxLength('$$.Execution.StartTime'), 24);
    assert.equal(staticMaxLength(' $$.Execution.Name '), 80);
    assert.equal(staticMaxLength('States.UUID()'), 36);
    assert.equal(staticMaxLength("States.Format('job-{}', $$.Execution.Name)"), 84);
    assert.equal(staticMaxLength("States.Format('{}-{}', $$.State.Name, $$.State.RetryCount)"), 92);
    assert.equal(staticMaxLength("States.Format('{}', States.Hash($$.Execution.Name, 'SHA-256'))"), 64);
    assert.equal(staticMaxLength("States.Format('t-{}', States.UUID())"), 38);
    assert.equal(staticMaxLength("States.Format('no placeholders \\{\\}')"), 18);
    assert.equal(staticMaxLength('States.Base64Encode($$.Execution.Name)'), 320);
    assert.equal(staticMaxLength('States.MathAdd($.a, 1)'), 11);
  });
  test('the length the text shows: an execution named by a UUID (36), other names one character, the rest as bounded', () => {
    assert.equal(staticShownLength('$$.Execution.Name'), 36);
    assert.equal(staticShownLength("States.Format('job-{}', $$.Execution.Name)"), 40);
    assert.equal(staticShownLength("States.Format('{}-{}', $$.StateMachine.Name, $$.Execution.Name)"), 38);
    assert.equal(staticShownLength("States.Format('{}', States.Hash($$.Execution.Name, 'SHA-256'))"), 64);
    assert.equal(staticShownLength('$$.Execution.StartTime'), 24);
    assert.equal(staticShownLength("States.Format('job-{}', $.name)"), undefined);
  });
  test('unbounded: input values, unknown context fields, malformed calls', () => {
    assert.equal(staticMaxLength("States.Format('job-{}', $.name)"), undefined);
    assert.equal(staticMaxLength('$.name'), undefined);
    assert.equal(staticMaxLength('$$.Execution.Id'), undefined);
    assert.equal(staticMaxLength("States.Format($.template, 'x')"), undefined);
    assert.equal(staticMaxLength('States.Format('), undefined);
    assert.equal(staticMaxLength('States.ArrayGetItem($.a, 0)'), undefined);
  });
});

describe('what a computed string is known to be: the text it always holds, begins and ends with, or is', () => {
  const dynamic = (value: string, stateName?: string): KnownString => {
    const known = knownStringOf(value, true, stateName === undefined ? undefined : { stateName });
    assert.ok(known, value);
    return known;
  };
  const jsonataStringBounds = (value: string, known?: KnownContext): KnownString => knownStringOf(value, false, known) ?? {};
  const text = ({ always, prefix, suffix, exact }: KnownString) => ({ always, prefix, suffix, exact });
  test('a States.Format template: the text before its first {} and after its last, with its escapes read', () => {
    assert.deepEqual(text(dynamic("States.Format('s3//{}/models/', $.bucket)")), { always: 's3///models/', prefix: 's3//', suffix: '/models/', exact: undefined });
    assert.deepEqual(text(dynamic("States.Format('{}-{}', $.a, $.b)")), { always: '-', prefix: undefined, suffix: undefined, exact: undefined });
    // The known text in order, one stand-in for each value read when it runs.
    assert.deepEqual(dynamic("States.Format('a{}b{}', $.x, $.y)").layout, { value: 'a\0b\0', parts: [{ start: 0, end: 1 }, { start: 2, end: 3 }] });
    // \{ and \} are braces, \' a quote, \\ one backslash: the text the service writes.
    assert.deepEqual(text(dynamic("States.Format('a\\\\b\\{\\}{}\\'', $.x)")), { always: 'a\\b{}\'', prefix: 'a\\b{}', suffix: "'", exact: undefined });
    assert.deepEqual(formatSegments("a\\\\b\\{\\}{}x{}"), ['a\\b{}', 'x', '']);
    // A literal argument fills its {}; a nested States.Format is read in place.
    assert.deepEqual(text(dynamic("States.Format('{}://{}', 's3', States.Format('{}/m', $.b))")), { always: 's3:///m', prefix: 's3://', suffix: '/m', exact: undefined });
    // A template read from a path puts its values anywhere: nothing begins or ends it.
    assert.deepEqual(text(dynamic("States.Format($.t, 'x_y')")), { always: 'x_y', prefix: undefined, suffix: undefined, exact: undefined });
    // Other calls, numbers and input paths are values not known from the text.
    assert.deepEqual(text(dynamic("States.Format('{}{}', States.UUID(), 3)")), { always: undefined, prefix: undefined, suffix: undefined, exact: undefined });
    assert.deepEqual(text(dynamic('$.name')), { always: undefined, prefix: undefined, suffix: undefined, exact: undefined });
    // A call of literals only gives one string every time: all of it is known, as the service computes it.
    assert.deepEqual(dynamic("States.Base64Encode('churn model')"), { always: 'Y2h1cm4gbW9kZWw=', exact: 'Y2h1cm4gbW9kZWw=', max: 16, shown: 16 });
    // A placeholder stands for text not known here, and a plain string is no computed one.
    assert.equal(knownStringOf("States.Format('${Prefix}-{}', $.x)", true), undefined);
    assert.equal(knownStringOf('train', false), undefined);
  });
  test('the state\'s name is $$.State.Name where it is known: text like a literal, with its length; other names never', () => {
    assert.deepEqual(dynamic('$$.State.Name', 'Train model'), { always: 'Train model', exact: 'Train model', max: 11, shown: 11, stateName: 'Train model' });
    assert.deepEqual(dynamic("States.Format('{}-{}', $$.State.Name, $$.Execution.Name)", 'Train (nightly)'), { always: 'Train (nightly)-', prefix: 'Train (nightly)-', max: 96, shown: 52, stateName: 'Train (nightly)', layout: { value: 'Train (nightly)-\0', parts: [{ start: 0, end: 16 }] } });
    assert.deepEqual(dynamic('$$.State.Name'), { max: 80, shown: 1 });
    assert.deepEqual(text(dynamic('$$.StateMachine.Name', 'Train')), { always: undefined, prefix: undefined, suffix: undefined, exact: undefined });
    assert.equal(staticMaxLength("States.Format('{}-x', $$.State.Name)", { stateName: 'abc' }), 5);
    assert.equal(staticShownLength('$$.State.Name', { stateName: 'abc' }), 3);
  });
  test('a JSONata concatenation: its literals in order, the state\'s name where known', () => {
    assert.deepEqual(text(jsonataStringBounds("{% 'S3://' & $states.input.bucket & '/models/' %}")), { always: 'S3:///models/', prefix: 'S3://', suffix: '/models/', exact: undefined });
    assert.deepEqual(text(jsonataStringBounds("{% 'a' & 'b' & $x & 'c' & 'd' %}")), { always: 'abcd', prefix: 'ab', suffix: 'cd', exact: undefined });
    assert.deepEqual(jsonataStringBounds('{% $states.context.State.Name %}', { stateName: 'Train model' }), { always: 'Train model', exact: 'Train model', max: 11, shown: 11, stateName: 'Train model' });
    assert.deepEqual(text(jsonataStringBounds("{% $states.context.State.Name & '-' & $uuid() %}", { stateName: 'T' })), { always: 'T-', prefix: 'T-', suffix: undefined, exact: undefined });
    assert.deepEqual(text(jsonataStringBounds('{% $states.context.State.Name %}')), { always: undefined, prefix: undefined, suffix: undefined, exact: undefined });
    // Literals only are a constant, judged as one elsewhere; what does not parse, nothing.
    assert.deepEqual(jsonataStringBounds("{% 'a' & 'b' %}"), {});
    assert.deepEqual(jsonataStringBounds("{% 'a' & %}"), {});
  });
});

describe('JSONata', () => {
  test('valid expressions', () => {
    for (const v of [
      '{% $states.input.name %}',
      "{% 'job-' & $states.context.Execution.Name %}",
      '{% $count($states.input.items) > 0 ? "a" : "b" %}',
      '{% $states.input.items[price > 10].{"n": name} %}',
      '{% ( $x := 1; $x + 1 ) %}',
      '{% /* a comment */ $uuid() %}',
      "{% $states.input.s ~> $uppercase() %}",
      "{% '%}' & 'x' %}",
    ]) {
      assert.equal(checkJsonata(v), undefined, v);
    }
  });
  test('syntax errors, placed at the token or at the %} where more was expected', () => {
    const cases: [string, string, string][] = [
      ['{% $states.input.id( %}', 'JSONata syntax error: Expected ")" before end of expression', '%}'],
      ['{% 1 + %}', 'JSONata syntax error: Unexpected end of expression', '%}'],
      ['{% $x := ) %}', 'JSONata syntax error: The symbol ")" cannot be used as a unary operator', ')'],
      ['{% a.b]. %}', 'JSONata syntax error: "]" is not expected here', ']'],
      ['{% a b %}', 'JSONata syntax error: "b" is not expected here', 'b'],
      ['{% "abc %}', 'JSONata syntax error: String literal must be terminated by a matching quote', '"abc '],
      ['{% 1 /* note %}', 'JSONata syntax error: Comment has no closing tag', '/* note '],
      ['{%  %}', 'Empty JSONata expression: write an expression between {% and %}', '{%  %}'],
      ['{% a ?? b %}', '?? is JSONata 2.1 syntax; Step Functions uses JSONata 2.0.6, which does not have it: write $exists(x) ? x : y', '??'],
      ['{% a ?: b %}', '?: is JSONata 2.1 syntax; Step Functions uses JSONata 2.0.6, which does not have it: write x ? x : y', '?:'],
      ['{% a ?\n? b %}', 'JSONata syntax error: The symbol "?" cannot be used as a unary operator', '?'],
    ];
    for (const [v, message, covered] of cases) {
      const e = checkJsonata(v);
      assert.equal(e?.code, 'invalid-jsonata', v);
      assert.deepEqual(at(v, e), [message, covered], v);
    }
  });
  test('not JSONata at all: nothing to report', () => {
    assert.equal(checkJsonata('plain'), undefined);
  });
});

describe('positions map from the decoded value into the source text', () => {
  test('JSON strings', () => {
    assert.equal(sourceOffset('"abc"', 0), 1);
    assert.equal(sourceOffset('"abc"', 1), 2);
    assert.equal(sourceOffset('"abc"', 3), 4, 'the end of the value is the closing quote');
    assert.equal(sourceOffset('"a\\"bc"', 2), 4);
    assert.equal(sourceOffset('"a\\\\b"', 2), 4);
    assert.equal(sourceOffset('"\\u0041bc"', 1), 7);
    assert.equal(sourceOffset('"\\ud83d\\ude00x"', 2), 13, 'a surrogate pair is two escapes and two units');
  });
  test('YAML scalars', () => {
    assert.equal(sourceOffset("'it''s'", 3), 5);
    assert.equal(sourceOffset('"\\x41b"', 1), 5);
    assert.equal(sourceOffset('"\\U0001F600x"', 2), 11, 'one escape, two UTF-16 units');
    assert.equal(sourceOffset('plain', 3), 3);
  });
  test('YAML scalars of every style, over one line or several: the value read as the parser reads it, each of its characters at its place (escapes, indentation, folding, empty lines, chomping)', () => {
    const samples = [
      'a: |-\n  {%\n    {\n      "a": $states.input.a,\n      "b": $nope\n    }\n  %}\nb: 1\n',
      "a: >-\n  {% {'a': $states.input.a,\n      'b': $nope3} %}\nb: 1\n",
      'a: >\n  one\n  two\n\n  three\n\n\n  four\nb: 1\n',
      'a: |\n  one\n    two\n\n  three\n      \n  four\nb: 1\n',
      'a: plain one\n  continues here\n\n  and after a blank\nb: 1\n',
      'a: |2-\n    indented\n  x\nb: 1\n',
      'k:\n  p: |2-\n      more\n    x\n  q: >1\n    one\n   two\n',
      'a: >-\n  x\n    more\n  y\nb: 1\n',
      "k:\n  - >-\n    States.Format('{}',\n    $.cfg.buckett)\n",
      'a: |-\r\n  line1\r\n  line2\r\nb: 1\r\n',
      'a: "one  \n   two\n\n   three \\\n   four\\x41\\t\\U0001F600"\nb: 1\n',
      "a: 'it''s\n   folded\n\n\n   twice'\nb: 1\n",
      'a: >+\n  kept\n  folded\nb: 1\n',
      'a: |\n  clipped\n\n\nb: 1\n',
      'a: "x\r  y z"\nb: \'  \r\r\n   w\'\nc: "a \r  b"\n', // a lone CR is a line break (YAML 1.2, as PyYAML and SnakeYAML read it), in a quoted scalar too
    ];
    const corpus = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'templates', 'corpus');
    for (const f of readdirSync(corpus).filter((n) => /ya?ml$/.test(n))) samples.push(readFileSync(join(corpus, f), 'utf8'));
    let checked = 0;
    for (const text of samples) {
      const stack = [parseYamlTree(text).root].filter((n) => n !== undefined);
      while (stack.length) {
        const n = stack.pop()!;
        stack.push(...(n.children ?? []));
        const raw = text.slice(n.offset, n.offset + n.length);
        if (n.type !== 'string') continue;
        const v = n.value as string;
        // The source's reading is the parser's value, character for character (but for a block's last blank lines,
        // which the parser's span of it leaves out).
        if (/[\n"']/.test(raw)) assert.ok(readsAs(stringSource(raw), v), `${JSON.stringify(raw.slice(0, 60))} reads ${JSON.stringify(stringSource(raw).value.slice(0, 60))}`);
        for (let k = 0; k < v.length; k++) {
          if (raw[0] === '"' && raw[sourceOffset(raw, k)] === '\\') continue; // an escape
          if (v[k] === ' ' || v[k] === '\n') continue;
          checked++;
          assert.equal(text[n.offset + sourceOffset(raw, k)], v[k], `${JSON.stringify(raw.slice(0, 60))} at ${k}`);
        }
      }
    }
    assert.ok(checked > 1000, String(checked));
  });
  test('a block with an indentation indicator and 200,000 lines is read (no argument spread over its lines)', () => {
    const raw = '|2\n' + '  x\n'.repeat(200000);
    assert.equal(stringSource(raw).value.length, 400000);
  });
  test('a position of a real error lands on the same text in the source', () => {
    const value = 'States.Format(\'{}\', $.a["x"].)';
    const raw = JSON.stringify(value);
    const e = checkDynamicValue(value)!;
    assert.equal(raw.slice(sourceOffset(raw, e.start), sourceOffset(raw, e.end)), JSON.stringify(value.slice(e.start, e.end)).slice(1, -1));
  });
});

describe('robustness', () => {
  test('never throws, on any input', () => {
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const alphabet = ["States.", "Format", "Array", "(", ")", "'", "\\", ",", " ", "$", "$$", ".", "..", "[", "]", "?", "@", "*", ":", "{}", "{%", "%}", '"', "1", "-", "a", "\n"];
    for (let n = 0; n < 5000; n++) {
      let v = '';
      for (let k = rnd(14); k > 0; k--) v += alphabet[rnd(alphabet.length)];
      for (const f of [checkDynamicValue, (x: string) => checkJsonPath(x, 'path'), (x: string) => checkJsonPath(x, 'reference'), checkJsonata, staticMaxLength, looksLikePath]) {
        const e = f(v);
        if (e && typeof e === 'object') assert.ok(e.start >= 0 && e.start <= e.end && e.end <= v.length, `${JSON.stringify(v)} ${JSON.stringify(e)}`);
      }
    }
  });
  test('linear time on long values: the scanners\' steps double when the value doubles', () => {
    // Each value at n/4, n/2 and n (40,000 repeats: quadratic work would stay below the counters' 2^31); building
    // it is not counted, only the checks.
    const n = 40_000;
    const long: [string, (n: number) => string][] = [
      ['a long path', (n) => '$' + '.a'.repeat(n)],
      ['unclosed brackets and quotes', (n) => '$' + "['x".repeat(n)],
      ['States.Format with many holes and arguments', (n) => "States.Format('" + '{}'.repeat(n) + "'" + ', $.a'.repeat(n) + ')'],
      ['States.Array with many arguments', (n) => 'States.Array(' + '1,'.repeat(n) + '1)'],
      ['nested brackets', (n) => '$' + '['.repeat(n)],
    ];
    for (const [what, make] of long) {
      const why = notLinear((k) => {
        const v = make(k);
        return () => (checkDynamicValue(v), staticMaxLength(v));
      }, n);
      assert.equal(why, undefined, what);
    }
  });

  test('the step count tells a rescanning scanner from a linear one', () => {
    const rescan = (s: string) => {
      let found = 0;
      for (let i = 0; i < s.length; i++) for (let j = i; j < s.length && s[j] !== ']'; j++) found++;
      return found;
    };
    assert.match(notLinear((k) => () => rescan('['.repeat(k)), 4_000) ?? '', /more than doubles/);
    assert.equal(notLinear((k) => () => rescan('[]'.repeat(k)), 4_000), undefined);
  });
});

describe('the real corpus is accepted', () => {
  const dir = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'corpus');
  const PATH_FIELDS: Record<string, 'path' | 'reference'> = { InputPath: 'path', OutputPath: 'path', ItemsPath: 'path', ResultPath: 'reference', Variable: 'path' };
  /** Every .$ value, path field and JSONata expression of every corpus definition (JSON and YAML), checked. */
  function checkCorpus() {
    const counts = { dynamic: 0, paths: 0, jsonata: 0, files: 0 };
    const bad: string[] = [];
    const visit = (v: unknown, jsonataState: boolean, file: string) => {
      if (Array.isArray(v)) return v.forEach((x) => visit(x, jsonataState, file));
      if (!v || typeof v !== 'object') return;
      const o = v as Record<string, unknown>;
      const inJsonata = o.QueryLanguage === 'JSONata' ? true : o.QueryLanguage === 'JSONPath' ? false : jsonataState;
      for (const [k, x] of Object.entries(o)) {
        // ${…} are deploy-time substitutions (SAM, CDK, Terraform): the real value is not known here.
        if (typeof x === 'string' && !/\$\{/.test(x)) {
          let e;
          if (k.endsWith('.$')) {
            counts.dynamic++;
            e = checkDynamicValue(x);
          } else if (isJsonata(x)) {
            counts.jsonata++;
            e = checkJsonata(x);
          } else if (!inJsonata && PATH_FIELDS[k] && x.startsWith('$')) {
            counts.paths++;
            e = checkJsonPath(x, PATH_FIELDS[k]);
          }
          if (e) bad.push(`${file}: ${k}: ${x} — ${e.message}`);
        }
        visit(x, inJsonata, file);
      }
    };
    for (const f of readdirSync(dir).filter((f) => /\.(json|ya?ml)$/.test(f))) {
      const text = readFileSync(join(dir, f), 'utf8');
      let doc: unknown;
      try {
        doc = f.endsWith('.json') ? JSON.parse(text) : parseYaml(text, { logLevel: 'silent' });
      } catch {
        continue;
      }
      counts.files++;
      visit(doc, false, f);
    }
    return { counts, bad };
  }
  test('every .$ value, path field and JSONata expression: no error', () => {
    const { counts, bad } = checkCorpus();
    assert.deepEqual(bad, []);
    assert.ok(counts.files > 300 && counts.dynamic > 300 && counts.paths > 100 && counts.jsonata > 20, JSON.stringify(counts));
  });
});

test('a Jayway JsonPath function as a path\'s step (.sum(), .min()…): Step Functions deploys it and fails when it runs, a warning; an error in a reference path, and any other call', () => {
  for (const v of ['$.Jobs.sum()', '$.scores.min()', '$.a.keys()']) {
    assert.equal(checkDynamicValue(v)?.severity, 'warning', v);
    assert.equal(checkJsonPath(v, 'path')?.severity, 'warning', v);
    assert.match(checkJsonPath(v, 'path')!.message, /is a JsonPath function Step Functions does not run \(only \.length\(\) is\)/);
    const ref = checkJsonPath(v, 'reference');
    assert.ok(ref && ref.severity === undefined, v);
    assert.match(ref.message, /^A reference path cannot call functions such as \.\w+\(\)/);
  }
  assert.equal(checkDynamicValue('$.items.length()'), undefined);
  // A function whose argument is a path: its name is read to the matching parenthesis.
  assert.equal(checkDynamicValue('$.a.concat($.b)')?.severity, 'warning');
  assert.match(checkDynamicValue('$.a.concat($.b[0])')!.message, /^\.concat\(\) is a JsonPath function/);
  assert.ok(checkDynamicValue('$.a.Format()') && checkDynamicValue('$.a.Format()')!.severity === undefined);
});

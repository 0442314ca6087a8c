// The expressions module as both sides use it: the parse trees (with offsets), the one table of intrinsic functions,
// evaluation, JSONata detection and ${…} placeholders. Checks of the server's messages are in expressions.test.ts.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  checkDynamicValue,
  checkJsonata,
  evaluateDynamicValue,
  evaluateIntrinsic,
  hasPlaceholder,
  INTRINSIC_FUNCTIONS,
  INTRINSICS,
  isExpressionError,
  isJsonata,
  jsonataBody,
  jsonataVariables,
  parseDynamicValue,
  parseIntrinsic,
  parseJsonPath,
  scanPlaceholders,
  spacedCall,
  type Call,
  stepFunctionsJsonataBindings,
  substitutePlaceholders,
  type PathNode,
} from '../../server/src/service/expressions/index';

const roots = { input: { a: { b: [10, 20] }, 'odd key': 'x', s: 'abc', t: 'a\\{\\} {} \\n' }, context: { Execution: { Name: 'exec-1' } } };

describe('JSONPath parse tree', () => {
  test('segments with the offsets of what they cover', () => {
    const v = " $.a['b c'][0]..d.*[?(@.x)] ";
    const p = parseJsonPath(v) as PathNode;
    assert.equal(p.text, "$.a['b c'][0]..d.*[?(@.x)]");
    assert.deepEqual([p.start, p.end], [1, v.length - 1]);
    assert.deepEqual(
      p.segments.map((s) => [s.kind, v.slice(s.start, s.end)]),
      [['name', '.a'], ['member', "['b c']"], ['index', '[0]'], ['descendants', '..'], ['name', 'd'], ['wildcard', '.*'], ['selector', '[?(@.x)]']],
    );
  });
  test('roots: the input, the context object, a variable', () => {
    assert.equal((parseJsonPath('$.a') as PathNode).root, '$');
    assert.equal((parseJsonPath('$$.Execution.Name') as PathNode).root, '$$');
    assert.equal((parseJsonPath('$my_var.x') as PathNode).root, '$my_var');
  });
  test('quoted names are decoded; unions stay selectors', () => {
    const p = parseJsonPath(`$["a\\"b"]['x','y']`) as PathNode;
    assert.deepEqual(p.segments.map((s) => (s.kind === 'member' ? s.name : s.kind)), ['a"b', 'selector']);
  });
});

describe('intrinsic parse tree', () => {
  test('nested calls, strings, numbers, literals and paths, each with its offsets', () => {
    const v = "States.Format('{}-{}', $.a, States.ArrayGetItem($$.x, -1.5e2), true)";
    const c = parseIntrinsic(v, { check: false });
    assert.ok(!isExpressionError(c));
    const flat = (a: { kind: string; start: number; end: number; args?: unknown[] }): unknown => [a.kind, v.slice(a.start, a.end), ...(a.args ? [(a.args as never[]).map(flat)] : [])];
    assert.deepEqual(flat(c), [
      'call',
      v,
      [
        ['string', "'{}-{}'"],
        ['path', '$.a'],
        ['call', 'States.ArrayGetItem($$.x, -1.5e2)', [['path', '$$.x'], ['number', '-1.5e2']]],
        ['literal', 'true'],
      ],
    ]);
  });
  test('a non-integer where an integer is taken is rounded, as Step Functions rounds it', () => {
    assert.equal(evaluateIntrinsic('States.MathAdd(1.5, 2)', roots), 4);
    assert.deepEqual(evaluateIntrinsic('States.ArrayRange(0.6, 3.4, 1)', roots), [1, 2, 3]);
    assert.deepEqual(evaluateIntrinsic("States.ArrayPartition(States.Array(1, 2, 3), 1.6)", roots), [[1, 2], [3]]);
  });
  test('a string keeps its escapes in raw and decodes them in value', () => {
    const c = parseIntrinsic("States.Format('it\\'s \\{\\} \\\\{}', 1)");
    assert.ok(!isExpressionError(c) && c.args[0].kind === 'string');
    assert.deepEqual([c.args[0].value, c.args[0].raw], ["it's {} \\{}", "it\\'s \\{\\} \\\\{}"]);
  });
  test('a path argument ends at whitespace, as in Step Functions\' grammar: both sides say so', () => {
    const v = "States.Format('{}', $.a b)";
    const e = checkDynamicValue(v)!;
    assert.deepEqual([e.message, v.slice(e.start, e.end)], ['Expected , or ) after an argument of States.Format, found "b"', 'b']);
    assert.throws(() => evaluateIntrinsic(v, roots), { message: `Expected , or ) after an argument of States.Format, found "b" (at position 24 of "${v}")` });
    // Whitespace between the parts is fine, and a path's brackets and quotes may hold spaces.
    for (const ok of ["States.Format( '{}' ,  $.a.b[0] )", "States.Format('{}', $['odd key'])", 'States.ArrayLength($.a.b[?(@ > 1)])', 'States.UUID ()']) {
      assert.equal(checkDynamicValue(ok), undefined, ok);
    }
    assert.equal(evaluateIntrinsic("States.Format( '{}' ,  $.a.b[0] )", roots), '10');
    assert.equal(evaluateIntrinsic("States.Format('{}', $['odd key'])", roots), 'x');
    // But for one place, a finding of its own beside the others: the specification wants a name "followed
    // immediately" by its "(" (a warning on the first space; Step Functions evaluates it).
    const spacedValue = "States.Format('{}', States.UUID  ())";
    const spaced = spacedCall(spacedValue, parseDynamicValue(spacedValue) as Call)!;
    assert.deepEqual([spaced.severity, spacedValue.slice(spaced.start, spaced.end), spaced.replacement], ['warning', '  ', '']);
    assert.equal(spacedCall("States.Format( '{}' , $.a)", parseDynamicValue("States.Format( '{}' , $.a)") as Call), undefined);
    assert.match(evaluateIntrinsic('States.UUID ()', roots) as string, /^[0-9a-f-]{36}$/);
  });
});

describe('one table of intrinsic functions', () => {
  test('every function has an arity, argument specs and an evaluation; the checks read the same table', () => {
    assert.equal(INTRINSIC_FUNCTIONS.size, 18);
    for (const f of INTRINSIC_FUNCTIONS.values()) {
      assert.ok(f.min <= f.max && typeof f.evaluate === 'function', f.name);
      assert.ok(f.max === 0 || f.args.length > 0, f.name);
      assert.deepEqual(INTRINSICS[f.name], [f.min, f.max]);
    }
  });
  test('the checker and the evaluator name the same functions', () => {
    assert.equal(checkDynamicValue('States.Nope()')?.message, 'Unknown intrinsic function States.Nope');
    assert.throws(() => evaluateIntrinsic('States.Nope()', roots), /^Error: States\.Nope is not an intrinsic function; known: States\.Format, /);
  });
  test('argument types are checked at run time with the function\'s own words', () => {
    assert.throws(() => evaluateIntrinsic('States.MathAdd($.s, 1)', roots), { message: 'States.MathAdd: both arguments must be numbers, got "abc"' });
    assert.throws(() => evaluateIntrinsic('States.ArrayLength($.s)', roots), { message: 'States.ArrayLength: the argument must be an array, got "abc"' });
    assert.throws(() => evaluateIntrinsic("States.Format('{}', States.Array(1))", roots), { message: 'States.Format: arguments must be strings, numbers, booleans or null, got [1]' });
  });
});

describe('evaluation', () => {
  test('paths: surrounding whitespace is ignored, as Step Functions does', () => {
    assert.equal(evaluateDynamicValue(' $$.Execution.Name ', roots), 'exec-1');
    assert.equal(evaluateDynamicValue('$.a.b.length()', roots), 2);
  });
  test('paths the editor cannot read say why', () => {
    assert.throws(() => evaluateDynamicValue('$.a.b[*]', roots), /only \['name'\] and \[index\] are supported inside brackets/);
    assert.throws(() => evaluateDynamicValue('$..b', roots), /the deep scan \.\. is not supported/);
    assert.throws(() => evaluateDynamicValue('$v.x', roots), { message: '$v is a variable (set by Assign in an earlier state), and no value is known for it here' });
    assert.equal(evaluateDynamicValue('$v.x', { ...roots, variables: { v: { x: 1 } } }), 1);
  });
  test('string escapes and States.Format templates, as written', () => {
    assert.deepEqual(evaluateIntrinsic("States.Array('a\\{b', 'it\\'s')", roots), ['a{b', "it's"]);
    assert.equal(evaluateIntrinsic("States.Format('a\\\\{} \\{\\}', 'x')", roots), 'a\\x {}');
    // A template read from the input is a value: only \{ and \} stand for braces.
    assert.equal(evaluateIntrinsic("States.Format($.t, 'x')", roots), 'a{} x \\n');
  });
  test('a States. value that is not called is a call that says so', () => {
    assert.throws(() => evaluateDynamicValue('States.UUID', roots), { message: 'States.UUID must be called: States.UUID(…)' });
    assert.equal(isExpressionError(parseDynamicValue('States.UUID')), true);
  });
});

describe('JSONata detection', () => {
  test('the whole string is one {% … %}; its body', () => {
    assert.equal(jsonataBody('{% $x %}'), ' $x ');
    assert.equal(jsonataBody('{%%}'), '');
    // Anything before {% or after %}, even a space or a YAML block's last line break, makes it a string as written.
    for (const v of ['{%}', 'a {% $x %}', '{% $x', '', '  {% $x %}\n', ' {% states.input %} ', '{% $x %}\n']) {
      assert.equal(jsonataBody(v), undefined, v);
      assert.equal(isJsonata(v), false, v);
    }
  });
});

describe('one table of Step Functions\' JSONata functions', () => {
  const sf = stepFunctionsJsonataBindings();
  test('the functions the client binds are the ones the server checks, and none of them reads as a variable', () => {
    assert.deepEqual(Object.keys(sf), ['partition', 'range', 'hash', 'random', 'uuid', 'parse']);
    for (const name of Object.keys(sf)) {
      assert.match(checkJsonata(`{% $${name}(1, 2, 3, 4) %}`)?.message ?? '', new RegExp(`^\\$${name} takes `), name);
      // Passed as a value (not called), a function is still not a variable the state must have.
      assert.deepEqual(jsonataVariables(`{% $map($states.input.xs, $${name}) %}`)?.map((v) => v.name), ['states'], name);
    }
  });
  test('$range and $partition evaluate as States.ArrayRange and States.ArrayPartition, without rounding', () => {
    assert.deepEqual(sf.range(1, 9, 2), [1, 3, 5, 7, 9]);
    assert.deepEqual(sf.range(5, 0, -2), [5, 3, 1]);
    assert.deepEqual(sf.range(0, 1, 0.25), [0, 0.25, 0.5, 0.75, 1]);
    assert.deepEqual(sf.range(10, 1, 1), []);
    assert.equal((sf.range(1, 1000, 1) as number[]).length, 1000);
    assert.deepEqual(sf.partition([1, 2, 3, 4, 5], 2), [[1, 2], [3, 4], [5]]);
    assert.deepEqual(sf.partition([1, 2, 3], 2.5), [[1, 2], [3]]);
  });
  test('and refuse what those refuse, with the function\'s own words, instead of looping', () => {
    assert.throws(() => sf.range(5, 0, 0), { message: '$range: step must not be 0, got 0' });
    assert.throws(() => sf.range(0, 1000, 1), { message: '$range: the range has more than 1000 items' });
    assert.throws(() => sf.range(0, 1, 1e-9), { message: '$range: the range has more than 1000 items' });
    assert.throws(() => sf.range(5, 0, []), { message: '$range: start, end and step must be numbers, got []' });
    assert.throws(() => sf.partition([1, 2, 3], 0), { message: '$partition: the chunk size must be a positive integer, got 0' });
    assert.throws(() => sf.partition([1, 2, 3], 0.5), { message: '$partition: the chunk size must be a positive integer, got 0.5' });
    assert.throws(() => sf.partition([1, 2, 3], '2'), { message: '$partition: the chunk size must be a positive integer, got "2"' });
    assert.throws(() => sf.hash('x', 'CRC32'), { message: '$hash: the algorithm must be one of MD5, SHA-1, SHA-256, SHA-384, SHA-512, got "CRC32"' });
    // The intrinsic functions keep their own names in the same messages.
    assert.throws(() => evaluateIntrinsic('States.ArrayRange(5, 0, 0)', roots), { message: 'States.ArrayRange: step must not be 0, got 0' });
    assert.throws(() => evaluateIntrinsic('States.ArrayRange(0, 1000, 1)', roots), { message: 'States.ArrayRange: the range has more than 1000 items' });
    assert.throws(() => evaluateIntrinsic('States.ArrayPartition(States.Array(1, 2), 0.4)', roots), { message: 'States.ArrayPartition: the chunk size must be a positive integer, got 0.4' });
  });
});

describe('${…} placeholders', () => {
  test('what /\\$\\{([^}]+)\\}/g finds, with offsets', () => {
    const regex = (s: string) => [...s.matchAll(/\$\{([^}]+)\}/g)].map((m) => ({ name: m[1], start: m.index!, end: m.index! + m[0].length }));
    let seed = 11;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const alphabet = ['${', '}', '$', '{', 'a', 'B', ' '];
    for (let n = 0; n < 3000; n++) {
      let s = '';
      for (let k = rnd(12); k > 0; k--) s += alphabet[rnd(alphabet.length)];
      assert.deepEqual(scanPlaceholders(s), regex(s), JSON.stringify(s));
    }
    assert.deepEqual(scanPlaceholders('s3://${Bucket}/x/${Env}'), [{ name: 'Bucket', start: 5, end: 14 }, { name: 'Env', start: 17, end: 23 }]);
  });
  test('filled in; the server\'s test for a template value', () => {
    assert.equal(substitutePlaceholders('${A}-${B}-${}', (n) => n.toLowerCase()), 'a-b-${}');
    assert.equal(hasPlaceholder('x ${'), false);
    assert.equal(hasPlaceholder('x ${} y'), true);
  });
  test('no backtracking on hostile input: "${" repeated without a }', () => {
    assert.deepEqual(scanPlaceholders('${'.repeat(200_000)), []);
    assert.deepEqual(scanPlaceholders('${'.repeat(200_000) + '}'), [{ name: '${'.repeat(199_999), start: 0, end: 400_001 }]);
  });
});

describe('JSONata $substring of a value of one known length', () => {
  test('its length is the one jsonata computes ($substring($uuid(), 0, 8) is 8 characters)', async () => {
    const { default: jsonata } = await import('jsonata');
    const { jsonataConcatenation } = await import('../../server/src/service/expressions/jsonata');
    const cases: [number, number | undefined][] = [[0, 8], [4, 8], [30, 10], [-6, 3], [-40, 5], [0, -2], [10, undefined], [40, 3], [-3, undefined]];
    for (const [start, length] of cases) {
      const expr = `$substring($uuid(), ${start}${length === undefined ? '' : `, ${length}`})`;
      const real = String(await jsonata(expr).evaluate({}, stepFunctionsJsonataBindings())).length;
      assert.deepEqual(jsonataConcatenation(`{% ${expr} %}`), [{ length: real }], expr);
    }
    // Not a literal start or length, or not a value of one length: unknown.
    assert.deepEqual(jsonataConcatenation('{% $substring($uuid(), $states.input.n, 8) %}'), [{ other: true }]);
    assert.deepEqual(jsonataConcatenation("{% 'a' & $substring($states.input.id, 0, 8) %}"), [{ text: 'a' }, { other: true }]);
  });
});

describe('JSONata operators given literals they refuse', () => {
  test('a warning exactly where the jsonata package fails (T2001, T2002, T2009, T2010)', async () => {
    const { default: jsonata } = await import('jsonata');
    const exprs = ["'a' + 1", '1 - true', "'abc' > 1", "{'a': 1} * 2", '[1] + 1', 'null + 1', "1 + 'a'", '1 + 2', "'a' < 'b'", 'true > 1', "'a' = 1", '-1', '$states.input.x + 1', "'a' & 1", '2 >= 1.5', "[1, 2] < 3"];
    for (const expr of exprs) {
      let code: string | undefined;
      try {
        await jsonata(expr).evaluate({}, { states: { input: { x: 1 } } });
      } catch (e) {
        code = (e as { code?: string }).code;
      }
      const found = checkJsonata(`{% ${expr} %}`);
      const ours = found?.message.match(/\(JSONata (T\d+)\)$/)?.[1];
      assert.equal(ours, code, `${expr}: ${found?.message}`);
      if (ours) assert.equal(found!.severity, 'warning');
    }
  });
});

test('a literal nested deeper than our own evaluation can go is not judged: no "Maximum call stack" warning (hostile23)', () => {
  const deep = '['.repeat(20_000) + ']'.repeat(20_000);
  assert.equal(checkDynamicValue(`States.JsonToString(States.StringToJson('${deep}'))`), undefined);
});

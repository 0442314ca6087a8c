import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkDynamicValue, checkJsonata, checkPath, sourceOffset, staticMaxLength } from '../../server/src/service/expressions/index';

/** The error as [message, the text it covers]. */
const at = (value: string, e: ReturnType<typeof checkDynamicValue>) => e && [e.message, value.slice(e.start, e.end)];

describe('JSONPath', () => {
  test('valid paths', () => {
    for (const p of ['$', '$$', '$.a', '$.a.b[0]', "$['a b'].c", '$["x"]', '$.items[*].id', '$..name', '$.a[-1:]', '$.a[0:2]', '$.a[?(@.x == 1)]', '$$.Execution.Name', '$$.Map.Item.Value', '$myVar.field', '$.a.length()', '$.detail-type']) {
      assert.equal(checkPath(p, 'path'), undefined, p);
    }
  });
  test('reference paths allow only names and indexes', () => {
    assert.equal(checkPath('$.result.items[0]', 'reference'), undefined);
    assert.deepEqual(at('$..x', checkPath('$..x', 'reference')), ['A reference path cannot use the deep scan ..', '..']);
    assert.deepEqual(at('$.a[*]', checkPath('$.a[*]', 'reference')), ['A reference path cannot use filters, wildcards, slices or unions: [*]', '[*]']);
  });
  test('malformed paths, with the position of the mistake', () => {
    assert.deepEqual(at('$.a.', checkPath('$.a.', 'path')), ['A name is missing after "." in "$.a."', '.']);
    assert.deepEqual(at("$['a'", checkPath("$['a'", 'path')), ['Unterminated bracket: "[\'a\'" needs a closing ]', "['a'"]);
    assert.deepEqual(at('input.x', checkPath('input.x', 'path')), ['"input.x" is not a path: a path starts with $ (the input), $$ (the context object) or $name (a variable)', 'i']);
    const call = "$.States.Format('{}', $.x)";
    assert.deepEqual(at(call, checkPath(call, 'path'))?.[1], "Format('{}', $");
    assert.equal(checkPath(' $$.Execution.Name ', 'path'), undefined, 'surrounding whitespace is ignored');
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
  test('not a path or a function', () => {
    assert.match(checkDynamicValue('not a path')!.message, /is not a JSONPath \(\$…, \$\$…\) or an intrinsic function/);
  });
  test('deep nesting is refused, not a stack overflow', () => {
    const v = 'States.Array('.repeat(5000) + ')'.repeat(5000);
    assert.match(checkDynamicValue(v)!.message, /nested too deeply/);
  });
});

describe('static length bounds', () => {
  test('context values and formats of them', () => {
    assert.equal(staticMaxLength('$$.Execution.Name'), 80);
    assert.equal(staticMaxLength('States.UUID()'), 36);
    assert.equal(staticMaxLength("States.Format('job-{}', $$.Execution.Name)"), 84);
    assert.equal(staticMaxLength("States.Format('job-{}', $.name)"), undefined);
    assert.equal(staticMaxLength('$.name'), undefined);
  });
});

describe('JSONata', () => {
  test('valid expressions', () => {
    for (const v of ['{% $states.input.name %}', "{% 'job-' & $states.context.Execution.Name %}", '{% $count($states.input.items) > 0 ? "a" : "b" %}']) assert.equal(checkJsonata(v), undefined, v);
  });
  test('a syntax error at its position', () => {
    const v = '{% $states.input.id( %}';
    const e = checkJsonata(v)!;
    assert.equal(e.code, 'invalid-jsonata');
    assert.match(e.message, /^JSONata syntax error: /);
    assert.ok(e.start >= 2 && e.end <= v.length - 2, `${e.start}-${e.end}`);
  });
});

test('positions map from the decoded value into the source text', () => {
  assert.equal(sourceOffset('"abc"', 1), 2);
  assert.equal(sourceOffset('"a\\"bc"', 2), 4);
  assert.equal(sourceOffset('"\\u0041bc"', 1), 7);
  assert.equal(sourceOffset("'it''s'", 3), 5);
  assert.equal(sourceOffset('plain', 3), 3);
});

test('every .$ value and every JSONata expression of the real corpus is accepted', () => {
  const dir = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'corpus');
  let dynamic = 0, jsonataCount = 0;
  const bad: string[] = [];
  const visit = (v: unknown, jsonataState: boolean, file: string) => {
    if (Array.isArray(v)) return v.forEach((x) => visit(x, jsonataState, file));
    if (!v || typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    const isJsonataHere = o.QueryLanguage === 'JSONata' ? true : o.QueryLanguage === 'JSONPath' ? false : jsonataState;
    for (const [k, x] of Object.entries(o)) {
      if (k.endsWith('.$') && typeof x === 'string' && !/\$\{/.test(x)) {
        dynamic++;
        const e = checkDynamicValue(x);
        if (e) bad.push(`${file}: ${k}: ${x} — ${e.message}`);
      } else if (isJsonataHere && typeof x === 'string' && /^\s*\{%/.test(x)) {
        jsonataCount++;
        const e = checkJsonata(x);
        if (e) bad.push(`${file}: ${k}: ${x} — ${e.message}`);
      }
      visit(x, isJsonataHere, file);
    }
  };
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    let doc: unknown;
    try {
      doc = JSON.parse(readFileSync(join(dir, f), 'utf8'));
    } catch {
      continue;
    }
    visit(doc, false, f);
  }
  assert.deepEqual(bad, []);
  assert.ok(dynamic > 300 && jsonataCount > 20, `${dynamic} .$ values, ${jsonataCount} JSONata expressions`);
});

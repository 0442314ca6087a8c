import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkParents, plain } from './trees';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTree } from 'jsonc-parser';
import { parseStrictJson } from '../../server/src/service/json/fastJson';
import type { AstNode } from '../../server/src/service/core/types';
import { jsonNestingDepth, MAX_DEPTH, parseJson } from '../../server/src/service/json/parse';

const same = (text: string) => {
  const fast = parseStrictJson(text);
  assert.ok(fast, `parsed: ${text.slice(0, 60)}`);
  assert.deepEqual(plain(fast), plain(parseTree(text)));
  checkParents(fast!);
};

test('builds the same tree as jsonc-parser on small documents', () => {
  for (const t of ['{}', '[]', '1', '"a"', 'null', '{"a":1}', ' { "a" : [ 1 , -2.5e3 , true , false , null , "x\\"y\\u0041" , { } , [ ] ] } ', '{"a":{"b":{"c":[{"d":"e"}]}},"f":0}']) same(t);
});

test('builds the same tree as jsonc-parser on every JSON file of the corpus', () => {
  const dir = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'corpus');
  let n = 0;
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const text = readFileSync(join(dir, f), 'utf8');
    if (parseStrictJson(text)) {
      same(text);
      n++;
    }
  }
  assert.ok(n > 300);
});

test('gives up on anything that is not strict JSON, so the tolerant parser can report it', () => {
  for (const t of ['', '{', '{"a":1,}', '[1,]', '{"a" 1}', '// c\n{}', '{"a":01}', '{"a":tru}', '"\n"', '{} {}', '{"a":1}}', "{'a':1}", '[1 2]']) {
    assert.equal(parseStrictJson(t), undefined, t);
  }
});

test('strings, escapes and numbers: accepts exactly what JSON.parse accepts, with the same values', () => {
  const valid = ['"\\\\"', '"\\/"', '"a\\"b"', '"\\u0041\\n\\t"', '"é\u2028x"', '"\ud800"', '-0', '0.5e-3', '1E+2', '[1.25,-3e2,0]', '{"a\\u0022":"\\""}'];
  for (const t of valid) {
    same(t);
    const v = JSON.parse(t);
    if (v === null || typeof v !== 'object') assert.deepEqual(parseStrictJson(t)!.value, v, t);
  }
  const invalid = ['"a\\"', '"\\u00"', '"\\x"', '"a\tb"', '"\u001f"', '"a\\\nb"', '"abc', '1.', '-', '01', '1e', '1e+', '.5', '+1', '1-2', '[1,2.]', '{"a":-}', '0x1'];
  for (const t of invalid) {
    assert.throws(() => JSON.parse(t), SyntaxError, `JSON.parse accepts ${t}`);
    assert.equal(parseStrictJson(t), undefined, t);
  }
});

test('deep nesting does not use the call stack', () => {
  const depth = 50_000;
  const tree = parseStrictJson('['.repeat(depth) + ']'.repeat(depth));
  assert.equal(tree?.type, 'array');
});

test('measures the nesting as it parses: 2,000 levels parse, 2,001 are too deep, as a scan of the text says', () => {
  const nested = (n: number) => '['.repeat(n) + ']'.repeat(n);
  assert.equal(jsonNestingDepth(nested(MAX_DEPTH)), MAX_DEPTH);
  assert.ok(parseJson(nested(MAX_DEPTH), false).root);
  assert.equal(parseStrictJson(nested(MAX_DEPTH + 1), MAX_DEPTH), 'too deep');
  const deep = parseJson(nested(MAX_DEPTH + 1), false);
  assert.equal(deep.root, undefined);
  assert.match(deep.syntaxErrors[0].message, /nests 2001 levels deep/);
  // Not strict JSON (a comment): the scan decides before the recursive parser runs.
  assert.match(parseJson(`// c\n${nested(MAX_DEPTH + 1)}`, true).syntaxErrors[0].message, /nests 2001 levels deep/);
});

test('a string of millions of escapes (more than the regular expression can backtrack over) is read by hand, and judged the same', () => {
  const escaped = '\\n'.repeat(3_000_000);
  const tree = parseStrictJson(`{"a": "${escaped}x", "b": 1}`) as AstNode;
  assert.equal(tree.children![0].children![1].value.length, 3_000_001);
  assert.equal(tree.children![1].children![1].value, 1);
  // A control character inside it is still no JSON string.
  assert.equal(parseStrictJson(`{"a": "${escaped}\u0001"}`), undefined);
});

test('a byte order mark is read as a blank: no syntax error, offsets into the text as it is, the text kept', () => {
  const text = '\ufeff{"StartAt": "A"}';
  const parsed = parseJson(text, false);
  assert.deepEqual(parsed.syntaxErrors, []);
  assert.equal(parsed.text, text);
  const key = parsed.root!.children![0].children![0];
  assert.equal(text.slice(key.offset, key.offset + key.length), '"StartAt"');
  assert.deepEqual(parseJson('\ufeff{"a": 1,}', true).syntaxErrors, []);
});

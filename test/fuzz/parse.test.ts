// The strict JSON parser (json/fastJson.ts) against JSON.parse and jsonc-parser on generated JSON, pretty-printed
// or not, then damaged by one edit (a character removed, doubled, or another put in): it gives a tree exactly when
// JSON.parse accepts the text, and then the tree jsonc-parser builds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseTree } from 'jsonc-parser';
import { parseStrictJson } from '../../server/src/service/json/fastJson';
import { checkParents, plain } from '../unit/trees';
import { check, fuzzParams } from './generators';

const DAMAGE = ['', '"', '\\', '\\u', ',', ':', '}', ']', '\u0001', '\n', '\t', '0', '-', '.', 'e', '+', ' '];

test('parses exactly what JSON.parse parses, into the tree jsonc-parser builds', (t) => {
  const params = fuzzParams('strict json parse', 3000);
  t.diagnostic(`seed ${params.seed}, ${params.numRuns} runs (FUZZ_SEED / FUZZ_RUNS to change)`);
  let trees = 0;
  check(
    fc.property(fc.jsonValue(), fc.boolean(), fc.option(fc.tuple(fc.nat(), fc.constantFrom(...DAMAGE), fc.nat(2))), (value, pretty, damage) => {
      let text = JSON.stringify(value, null, pretty ? 2 : undefined) ?? 'null';
      if (damage) {
        const [at, put, cut] = damage;
        const i = at % (text.length + 1);
        text = text.slice(0, i) + put + text.slice(i + cut);
      }
      let strict = true;
      try {
        JSON.parse(text);
      } catch {
        strict = false;
      }
      const tree = parseStrictJson(text);
      assert.equal(tree !== undefined, strict, JSON.stringify(text));
      if (!tree) return;
      trees++;
      assert.deepEqual(plain(tree), plain(parseTree(text)));
      checkParents(tree);
    }),
    params,
  );
  assert.ok(trees > params.numRuns! / 3, `${trees} trees`);
});

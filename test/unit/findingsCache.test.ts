// core/findingsCache.ts: findings kept by a part's node, and by its text across parses (a reopen, a parse after a
// syntax error); a process's first parse is keyed only when another parse asks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTree } from 'jsonc-parser';
import { createFindingsCache } from '../../server/src/service/core/findingsCache';
import type { AstNode, Problem } from '../../server/src/service/core/types';

const states = (text: string) => (parseTree(text) as AstNode).children![0].children![1].children!;
const finding = (part: AstNode): Problem => ({ offset: part.offset + 1, length: 1, message: 'm', severity: 'error', source: 'asl', code: 'c' });

test('a part\'s findings: checked once per node, then by text in a later parse, moved to where the part now is', () => {
  const cache = createFindingsCache();
  const checked: string[] = [];
  const run = (text: string) =>
    states(text).map((part) =>
      cache(part, '', text, () => {
        checked.push(text.slice(part.offset, part.offset + part.length));
        return [finding(part)];
      }),
    );
  const first = '{ "States": { "A": 1, "B": 2 } }';
  const parts = states(first);
  const check = (part: AstNode) => cache(part, '', first, () => (checked.push(first.slice(part.offset, part.offset + part.length)), [finding(part)]));
  const found = parts.map(check);
  assert.deepEqual(checked, ['"A": 1', '"B": 2']);
  // The same nodes again: nothing checked.
  parts.map(check);
  assert.equal(checked.length, 2);
  // Another parse: the parts whose text is known are not checked again; their findings move with them.
  const second = '{ "States": {   "B": 2, "A": 1, "C": 3 } }';
  const again = run(second);
  assert.deepEqual(checked, ['"A": 1', '"B": 2', '"C": 3']);
  assert.deepEqual(again.map((f) => f[0].offset - 1), states(second).map((p) => p.offset));
  assert.deepEqual(found.map((f) => f[0].offset - 1), parts.map((p) => p.offset));
  // And the first parse's parts are known from then on, as the second's are.
  run('{"States":{"C": 3,"A": 1}}');
  assert.equal(checked.length, 3);
});

test('a stamped part (changed in place by an incremental parse) is checked, not keyed by its text', () => {
  const cache = createFindingsCache();
  let count = 0;
  const text = '{ "States": { "A": 1 } }';
  const [part] = states(text);
  cache(part, '', text, () => (count++, []));
  const [stamped] = states(text);
  stamped.stamp = 1;
  cache(stamped, '', text, () => (count++, []));
  const [later] = states(text);
  later.stamp = 2;
  cache(later, '', text, () => (count++, []));
  assert.equal(count, 3);
});

test('the first parse\'s parts, keyed on the next turn of the event loop, are found by text in a later parse', async () => {
  const cache = createFindingsCache();
  let count = 0;
  const text = '{ "States": { "A": 1 } }';
  cache(states(text)[0], '', text, () => (count++, []));
  await new Promise((resolve) => setTimeout(resolve, 5));
  cache(states(text)[0], '', text, () => (count++, []));
  assert.equal(count, 1);
});

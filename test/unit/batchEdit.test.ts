// Which didChange is a batch edit, checked without the 30 ms pause in typing (server.ts): a Replace All or a paste,
// never a keystroke, a multi-cursor keystroke or a client that sends the whole text each time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isBatchEdit } from '../../server/src/textSync';

const at = (line: number, text: string) => ({ range: { start: { line, character: 0 }, end: { line, character: 1 } }, text });

test('typing is not a batch edit', () => {
  assert.equal(isBatchEdit([at(3, 'a')]), false);
  assert.equal(isBatchEdit(Array.from({ length: 16 }, (_, i) => at(i, 'x'))), false, 'sixteen cursors typing');
  assert.equal(isBatchEdit([{ text: 'y'.repeat(100_000) }]), false, 'the whole text, as a full-sync client sends every keystroke');
  assert.equal(isBatchEdit([at(1, 'z'.repeat(256))]), false);
});

test('a Replace All or a paste is a batch edit', () => {
  assert.equal(isBatchEdit(Array.from({ length: 17 }, (_, i) => at(i, '2'))), true, 'a Replace All of 17 places');
  assert.equal(isBatchEdit([at(1, 'p'.repeat(257))]), true, 'a paste of 257 characters');
});

test('whatever a hostile client sends is no batch edit and no crash', () => {
  for (const changes of [undefined, null, 'text', 42, {}, [null, 7, 'x', { range: 1 }], [{ range: {}, text: 5 }]]) assert.equal(isBatchEdit(changes), false);
});

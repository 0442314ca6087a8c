import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyOffsetEdits, closest, editDistance, lineStart, thousands, visibleText } from '../../server/src/service/core/text';

test('thousands writes integers as toLocaleString(\'en-US\') does', () => {
  for (const n of [0, 7, 999, 1000, 12345, 999999, 1_048_576, 123456789, 1e15, -1234567]) assert.equal(thousands(n), n.toLocaleString('en-US'));
});

test('closest counts two swapped neighbours as one typo: "Taks" is "Task", not "Pass"', () => {
  assert.equal(closest('Taks', ['Pass', 'Task', 'Wait', 'Map'])[0], 'Task');
  assert.equal(editDistance('Taks', 'Task'), 1);
  assert.equal(editDistance('InstnaceType', 'InstanceType'), 1);
  assert.equal(editDistance('abc', 'abc'), 0);
  assert.equal(editDistance('ABC', 'abc'), 0.5);
  assert.equal(editDistance('kitten', 'sitting'), 3);
});

test('lineStart at the very start of a text that begins with a line break is 0 (lastIndexOf with -1 reads position 0)', () => {
  assert.equal(lineStart('\nStartAt: A\n', 0), 0);
  assert.equal(lineStart('\nStartAt: A\n', 1), 1);
  assert.equal(lineStart('ab\ncd', 4), 3);
});

test('visibleText shows what hides or reorders text as \\uXXXX (\\u{…} past the BMP), line breaks as JSON writes them, and leaves the rest', () => {
  assert.equal(visibleText('a\nb\r\tc'), 'a\\nb\\r\\tc');
  for (const c of ['\u0000', '\u0085', '\u00ad', '\u034f', '\u061c', '\u115f', '\u1160', '\u180e', '\u200b', '\u200e', '\u2028', '\u202e', '\u2066', '\u3164', '\ufeff', '\uffa0']) {
    assert.equal(visibleText(`Approve${c}`), `Approve\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  }
  assert.equal(visibleText('tag\u{e0041}'), 'tag\\u{e0041}');
  // What draws itself stays: accents, CJK, emoji with their variation selector.
  for (const shown of ['Étape', '訓練', 'Deploy 🚀', 'Warn ⚠️', 'x'.repeat(3)]) assert.equal(visibleText(shown), shown);
  assert.equal(visibleText(visibleText('a\u200bb')), visibleText('a\u200bb'), 'applied twice: the same');
});

test('applyOffsetEdits makes edits sorted by offset, insertions at one offset in their order, and refuses overlapping ones as TextDocument.applyEdits does', () => {
  assert.equal(applyOffsetEdits('abcdef', [{ offset: 0, length: 1, newText: 'A' }, { offset: 3, length: 0, newText: '1' }, { offset: 3, length: 0, newText: '2' }, { offset: 5, length: 1, newText: '' }]), 'Abc12de');
  assert.throws(() => applyOffsetEdits('abcdefghij', [{ offset: 0, length: 5, newText: 'X' }, { offset: 3, length: 1, newText: 'Z' }]), /Overlapping edit/);
});

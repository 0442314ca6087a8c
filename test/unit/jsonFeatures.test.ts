import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { doc, service } from './helpers';

const MINIFIED = '{"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}}';

test('formatting a JSON state machine', () => {
  const d = doc(MINIFIED);
  const edits = service.format(d, undefined, { tabSize: 2, insertSpaces: true });
  assert.equal(TextDocument.applyEdits(d, edits), '{\n  "StartAt": "A",\n  "States": {\n    "A": {\n      "Type": "Pass",\n      "End": true\n    }\n  }\n}');
});

test('folding ranges of each object', () => {
  const d = doc('{\n  "StartAt": "A",\n  "States": {\n    "A": {\n      "Type": "Pass",\n      "End": true\n    }\n  }\n}');
  assert.deepEqual(service.getFoldingRanges(d).map((r) => [r.startLine, r.endLine]), [[3, 5], [2, 6], [0, 7]]);
});

test('no JSON features for files that are not state machines', () => {
  const d = doc('{"name":"x"}', 'json');
  assert.deepEqual(service.format(d, undefined, { tabSize: 2, insertSpaces: true }), []);
});

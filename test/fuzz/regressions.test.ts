// The counterexamples the fuzz tests found, minimized, kept as plain tests: each one is a document, the
// request, and what the answer must be.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../../server/src/service/languageService';
import { checkEverything } from './checks';

const service = getLanguageService();
let n = 0;
const doc = (text: string, languageId = 'asl') => TextDocument.create(`file:///regression/${n++}`, languageId, 1, text);

test('an empty asl document: the syntax error is an empty range at 0, not one character past the end', () => {
  assert.deepEqual(service.validate(doc('')).map((p) => [p.code, p.offset, p.length]), [['syntax', 0, 0]]);
});

test('a document cut short: the syntax error ends at the end of the text', () => {
  const text = '{"StartAt": "A", "States": {';
  for (const p of service.validate(doc(text))) assert.ok(p.offset + p.length <= text.length, JSON.stringify(p));
});

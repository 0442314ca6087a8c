// The counterexamples the fuzz tests found, minimized, kept as plain tests: each one is a document, the
// request, and what the answer must be.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../../server/src/service/languageService';
import { hasPlaceholder } from '../../server/src/service/sagemakerValidation';
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

test('placeholders: "${" with a "}" after it, found in one pass (the regex was quadratic on 100 kB of "${${…")', () => {
  assert.equal(hasPlaceholder('${'.repeat(50_000)), false);
  assert.equal(hasPlaceholder('${'.repeat(50_000) + '}'), true);
  assert.equal(hasPlaceholder('a${b}c'), true);
  assert.equal(hasPlaceholder('${}'), true);
  assert.equal(hasPlaceholder('}${'), false);
  assert.equal(hasPlaceholder('$}{'), false);
  // The check path the fuzz found it on: a long name that is not a placeholder is still reported as too long.
  const value = '${'.repeat(50_000);
  const text = JSON.stringify({ StartAt: 'S', States: { S: { Type: 'Task', Resource: 'arn:aws:states:::sagemaker:createTrainingJob.sync', Parameters: { TrainingJobName: value } } } });
  assert.ok(service.validate(doc(text)).some((p) => p.code === 'too-long' && p.length === value.length + 2));
});

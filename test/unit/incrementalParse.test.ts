import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkParents, plain } from './trees';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { reparse } from '../../server/src/service/json/incrementalParse';
import { parseDocument } from '../../server/src/service/documentStore';


const base = readFileSync(join(__dirname, '..', '..', '..', 'test', 'fixtures', 'cases', 'seed-training-valid.asl.json'), 'utf8');

test('an edit inside one object re-parses to the same tree as a fresh parse', () => {
  const edits: [string, string][] = [
    ['"ml.c5.2xlarge"', '"ml.c5.4xlarge"'],
    ['"InstanceCount": 2', '"InstanceCount": 20000'],
    ['"search-model"', '"s"'],
    ['{ "MaxRuntimeInSeconds": 7200 }', '{ "MaxRuntimeInSeconds": 7200, "MaxWaitTimeInSeconds": 9000 }'],
    ['"End": true', '"End": true, "Comment": "x"'],
    ['"Pipe"', '"File"'],
  ];
  let prev = parseDocument(base, 'asl');
  let text = base;
  for (const [from, to] of edits) {
    text = text.replace(from, to);
    const root = reparse(prev, text);
    assert.ok(root, `incremental for ${to}`);
    assert.deepEqual(plain(root), plain(parseDocument(text, 'asl').root), to);
    checkParents(root!);
    prev = { text, language: 'json', root, syntaxErrors: [] };
  }
});

test('an edit that breaks the JSON falls back to the full parse', () => {
  const prev = parseDocument(base, 'asl');
  assert.equal(reparse(prev, base.replace('"Pipe"', '"Pipe')), undefined);
});

test('an edit of the outermost brackets falls back to the full parse', () => {
  const prev = parseDocument(base, 'asl');
  assert.equal(reparse(prev, '[' + base + ']'), undefined);
});

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

test('a change across many members of a big object (a Replace All) re-parses only the members it changed', () => {
  const states: Record<string, unknown> = {};
  for (let i = 0; i < 40; i++) states[`S${i}`] = i % 3 === 0 ? { Type: 'Pass', Result: { n: 1, s: 'a, "b" {c}' }, Next: `S${i + 1}` } : { Type: 'Pass', Next: `S${i + 1}` };
  states.S40 = { Type: 'Succeed' };
  const before = JSON.stringify({ StartAt: 'S0', States: states }, null, 2);
  for (const [from, to] of [['"n": 1', '"n": 22'], ['"n": 22', '"n": 3'], ['"Type": "Succeed"', '"Type": "Fail"']] as const) {
    const prev = parseDocument(before.replaceAll('"n": 1', from === '"n": 1' ? '"n": 1' : '"n": 22'), 'asl');
    const statesNode = prev.root!.children![1].children![1];
    const kept = statesNode.children![1];
    const text = prev.text.replaceAll(from, to);
    const root = reparse(prev, text);
    assert.ok(root, `incremental for ${to}`);
    assert.deepEqual(plain(root), plain(parseDocument(text, 'asl').root), to);
    checkParents(root!);
    // S1 has no Result: unchanged, the same node (moved), with its stamp; S0 changed (when its Result did).
    assert.equal(statesNode.children![1], kept, 'an unchanged member keeps its node');
  }
  // A member deleted: the members no longer match one to one, so the whole object is parsed (still right).
  const prev = parseDocument(before, 'asl');
  const text = before.replace(/,\s*"S40": \{\s*"Type": "Succeed"\s*\}/, '').replaceAll('"n": 1', '"n": 2');
  const root = reparse(prev, text);
  assert.ok(root);
  assert.deepEqual(plain(root), plain(parseDocument(text, 'asl').root));
  checkParents(root!);
});

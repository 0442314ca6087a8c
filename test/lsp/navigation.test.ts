// ASL structure diagnostics and navigation over stdio, as an editor asks for them: the outline, go to definition,
// references, and rename (prepareRename first, then the edit), in JSON and in YAML.
import { test } from 'node:test';
import assert from 'node:assert/strict';
// @ts-expect-error: a plain ES module without types, vendored from the shared tools
import { offsetAt, positionAt } from './lsp-client.mjs';
import { useServer } from './setup';
import { applyEdits } from './edits';

const client = useServer();

const json = `{
  "StartAt": "Prepare",
  "States": {
    "Prepare": { "Type": "Pass", "Next": "Train" },
    "Train": {
      "Type": "Task",
      "Resource": "arn:aws:states:::sagemaker:createTrainingJob.sync",
      "Parameters": { "TrainingJobName.$": "$.name", "AlgorithmSpecification": { "TrainingImage": "382416733822.dkr.ecr.us-east-1.amazonaws.com/linear-learner:1", "TrainingInputMode": "File" }, "ResourceConfig": { "InstanceCount": 1, "InstanceType": "ml.m5.xlarge", "VolumeSizeInGB": 10 } },
      "Catch": [{ "ErrorEquals": ["States.ALL"], "Next": "Failed" }],
      "Next": "Fan"
    },
    "Fan": {
      "Type": "Parallel",
      "Branches": [{ "StartAt": "Train", "States": { "Train": { "Type": "Succeed" } } }],
      "Next": "Done"
    },
    "Done": { "Type": "Succeed" },
    "Failed": { "Type": "Fail" }
  }
}`;

// The same machine with a branch state of its own name: the service refuses a state name used twice anywhere.
const valid = json.replace('"StartAt": "Train", "States": { "Train"', '"StartAt": "Fit", "States": { "Fit"');

const yaml = `StartAt: Prepare
States:
  Prepare:
    Type: Pass
    Next: Train
  Train:
    Type: Pass
    Next: "Done"
  Done: { Type: Succeed }
`;

const pos = (text: string, needle: string, delta = 1) => positionAt(text, text.indexOf(needle) + delta);
const cover = (text: string, r: any) => text.slice(offsetAt(text, r.start), offsetAt(text, r.end));

test('the server says it offers outline, definition, references and rename with prepare', () => {
  const c = client.capabilities;
  assert.ok(c.documentSymbolProvider && c.definitionProvider && c.referencesProvider);
  assert.deepEqual(c.renameProvider, { prepareProvider: true });
});

test('structure findings come with the SageMaker ones: a Next naming no state is an asl error', async () => {
  const uri = 'file:///w/structure.asl.json';
  const diags = await client.open(uri, 'asl', valid.replace('"Next": "Done"', '"Next": "Dome"'));
  assert.deepEqual(diags.map((d: any) => [d.source, d.code, d.severity]), [
    ['sagemaker', 'missing-required', 1],
    ['asl', 'asl-unknown-state', 1],
  ]);
  assert.match(diags[1].message, /Next "Dome" is not a state; did you mean "Done"\?/);
  // A half-typed document: the structure is not judged, the syntax error is the one finding about it.
  const typing = await client.change(uri, valid.replace('"Next": "Done"', '"Next": "Do'));
  assert.ok(!typing.some((d: any) => d.source === 'asl'), JSON.stringify(typing));
  client.close(uri);
});

test('the outline: states with their types, a Parallel by branch', async () => {
  const uri = 'file:///w/outline.asl.json';
  await client.open(uri, 'asl', json);
  const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri } });
  const tree = (list: any[]): unknown[] => list.map((s) => (s.children?.length ? [s.name, s.detail, tree(s.children)] : [s.name, s.detail]));
  assert.deepEqual(tree(symbols), [
    ['Prepare', 'Pass'], ['Train', 'Task'], ['Fan', 'Parallel', [['Branch 1', 'Branch 1', [['Train', 'Succeed']]]]], ['Done', 'Succeed'], ['Failed', 'Fail'],
  ]);
  assert.equal(cover(json, symbols[1].selectionRange), '"Train"');
  client.close(uri);
});

test('definition and references stay in their machine (the branch has a Train of its own)', async () => {
  const uri = 'file:///w/refs.asl.json';
  await client.open(uri, 'asl', json);
  const def = await client.request('textDocument/definition', { textDocument: { uri }, position: pos(json, '"Next": "Train"', 10) });
  assert.equal(offsetAt(json, def.range.start), json.indexOf('"Train": {'));
  const refs = await client.request('textDocument/references', { textDocument: { uri }, position: pos(json, '"Train": {'), context: { includeDeclaration: true } });
  assert.deepEqual(refs.map((r: any) => [r.range.start.line, cover(json, r.range)]), [[4, '"Train"'], [3, '"Train"']]);
  const none = await client.request('textDocument/definition', { textDocument: { uri }, position: pos(json, '"Type": "Pass"', 10) });
  assert.equal(none, null);
  client.close(uri);
});

test('rename in JSON: the name inside its quotes is offered, every place is renamed, the result is clean', async () => {
  const uri = 'file:///w/rename.asl.json';
  await client.open(uri, 'asl', valid);
  const at = pos(valid, '"Next": "Failed"', 10);
  const prep = await client.request('textDocument/prepareRename', { textDocument: { uri }, position: at });
  assert.equal(prep.placeholder, 'Failed');
  assert.equal(cover(valid, prep.range), 'Failed');
  const edit = await client.request('textDocument/rename', { textDocument: { uri }, position: at, newName: 'Training "failed"' });
  const renamed = applyEdits(valid, edit.changes[uri]);
  assert.match(renamed, /"Next": "Training \\"failed\\""/);
  assert.match(renamed, /"Training \\"failed\\"": \{ "Type": "Fail" \}/);
  const diags = await client.change(uri, renamed);
  assert.ok(!diags.some((d: any) => d.source === 'asl'), JSON.stringify(diags));
  // The name offered is the name itself, its escapes read.
  const again = await client.request('textDocument/prepareRename', { textDocument: { uri }, position: pos(renamed, '"Next": "Training', 10) });
  assert.equal(again.placeholder, 'Training "failed"');
  client.close(uri);
});

test('rename refused with a reason: a name taken, or no state under the cursor', async () => {
  const uri = 'file:///w/refuse.asl.json';
  await client.open(uri, 'asl', json);
  await assert.rejects(
    client.request('textDocument/rename', { textDocument: { uri }, position: pos(json, '"Done": {'), newName: 'Failed' }),
    /already a state named "Failed"/,
  );
  assert.equal(await client.request('textDocument/prepareRename', { textDocument: { uri }, position: pos(json, '"Type": "Pass"', 10) }), null);
  client.close(uri);
});

test('YAML: outline, definition and a rename written as YAML (quoted only where it must be)', async () => {
  const uri = 'file:///w/nav.asl.yaml';
  assert.deepEqual(await client.open(uri, 'asl-yaml', yaml), []);
  const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri } });
  assert.deepEqual(symbols.map((s: any) => [s.name, s.detail]), [['Prepare', 'Pass'], ['Train', 'Pass'], ['Done', 'Succeed']]);
  const def = await client.request('textDocument/definition', { textDocument: { uri }, position: pos(yaml, 'Next: Train', 7) });
  assert.equal(cover(yaml, def.range), 'Train');
  const prep = await client.request('textDocument/prepareRename', { textDocument: { uri }, position: pos(yaml, 'Next: "Done"', 8) });
  assert.equal(prep.placeholder, 'Done');
  const yes = await client.request('textDocument/rename', { textDocument: { uri }, position: pos(yaml, 'Next: Train', 7), newName: 'Fit model' });
  assert.equal(applyEdits(yaml, yes.changes[uri]), yaml.replace(/Train/g, 'Fit model'));
  // Yes is a boolean to YAML 1.1 readers (and a: b a mapping to all): quoted; a name that reads back as itself is not.
  const edit = await client.request('textDocument/rename', { textDocument: { uri }, position: pos(yaml, 'Done: {', 0), newName: 'Yes' });
  const renamed = applyEdits(yaml, edit.changes[uri]);
  assert.match(renamed, /Next: "Yes"\n/);
  assert.match(renamed, /\n {2}"Yes": \{ Type: Succeed \}/);
  assert.deepEqual(await client.change(uri, renamed), []);
  client.close(uri);
});

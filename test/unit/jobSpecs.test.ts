// Standalone SageMaker job specs (issue 18): a .json/.yaml whose top level is a request, recognised from its
// members or its name, is checked against that request, with completion, hover, quick fixes and the job
// CodeLens; the AWS CLI's --generate-cli-skeleton output gets information, not errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../../server/src/service/languageService';
import { service } from './helpers';

const DIR = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'jobspecs');
let n = 0;
function open(name: string, text = readFileSync(join(DIR, name), 'utf8')) {
  return TextDocument.create(`file:///specs/${n++}/${name}`, name.endsWith('.json') ? 'json' : 'yaml', 1, text);
}
const errors = (d: TextDocument) =>
  service.validate(d).filter((p) => p.severity === 'error').map((p) => [p.code, d.getText().slice(p.offset, p.offset + p.length)]);

test('a CreateTrainingJob request file (YAML, recognised by name and members) is checked against the request', () => {
  const d = open('churn.training-job.yaml');
  assert.deepEqual(errors(d), [['pattern', 'churn_xgb'], ['wrong-type', '100'], ['enum-value', 'ml.m5.xlarg']]);
});

test('the AWS CLI skeletons (create-training-job, create-transform-job --generate-cli-skeleton) get information on the blanks, and an error only where the written values are refused', () => {
  // The transform skeleton writes the first value of each enum: S3DataType AugmentedManifestFile, which a batch
  // transform does not take, and BatchStrategy MultiRecord with SplitType None, both refused as written (documented
  // rules); a blank is never an error.
  const refused: Record<string, string[]> = { 'create-training-job.skeleton.json': [], 'create-transform-job.skeleton.json': ['transform-s3-data-type-compatible', 'batch-strategy-needs-split-type'] };
  for (const [name, rules] of Object.entries(refused)) {
    const d = open(name);
    assert.equal(service.isStateMachineDocument(d), true, name);
    const found = service.validate(d);
    assert.deepEqual(found.filter((p) => p.severity === 'error').map((p) => p.data?.rule), rules, name);
    assert.ok(found.some((p) => p.severity === 'information' && /empty placeholder/.test(p.message)), name);
  }
});

test('a job spec gets the Start Training Job CodeLens on its first line, a standalone task with the whole document as payload', () => {
  const d = open('job.json');
  const [task] = service.findTasks(d);
  assert.equal(task.api, 'createTrainingJob');
  assert.equal(task.standalone, true);
  assert.equal((task.payload as Record<string, unknown>).TrainingJobName, 'churn-xgb-2024-06-01');
  assert.deepEqual(task.range.start, { line: 0, character: 0 });
  assert.deepEqual(service.getCodeLenses(d).map((l) => [l.command?.title, l.range.start.line]), [['$(play) Start Training Job', 0]]);
});

test('completion, hover and a quick fix in a job spec', () => {
  const d = open('job.json');
  const text = d.getText();
  const items = service.doComplete(d, d.positionAt(text.indexOf('"file"') + 1)).map((i) => i.label);
  assert.ok(items.includes('File') && items.includes('Pipe'), items.join());
  const hover = service.doHover(d, d.positionAt(text.indexOf('VolumeSizeInGB') + 2));
  assert.match(JSON.stringify(hover?.contents), /VolumeSizeInGB/);
  const at = d.positionAt(text.indexOf('"file"'));
  const [fix] = service.getCodeActions(d, { start: at, end: at }, ['quickfix']);
  assert.match(TextDocument.applyEdits(d, fix.edit!.changes![d.uri]), /"TrainingInputMode": "File"/);
  assert.deepEqual(errors(open('job.json', TextDocument.applyEdits(d, service.fixAll(d)))), []);
  // YAML too.
  const y = open('churn.training-job.yaml');
  const keys = service.doComplete(y, y.positionAt(y.getText().indexOf('  VolumeSizeInGB') + 2)).map((i) => i.label);
  assert.ok(keys.includes('VolumeKmsKeyId'), keys.join());
});

test('a new job spec starts from completion and a quick fix (walk38: an empty file offered only the editor\'s "Empty object", and {} no fix)', () => {
  // Empty, named as a request: the request to start from, JSON or YAML as the file is; it is valid as inserted.
  // A tuning job's: the example training job tuned (ux43: an empty name, an error at once, and no training job).
  for (const name of ['new.training-job.json', 'new.transform-job.yaml', 'new.hyper-parameter-tuning-job.json']) {
    const d = open(name, '');
    const [item, ...more] = service.doComplete(d, d.positionAt(0));
    assert.deepEqual(more, [], name);
    assert.match(item.label, /^New Create(Training|Transform|HyperParameterTuning)Job request$/);
    const filled = open(name, TextDocument.applyEdits(d, [item.textEdit as { range: never; newText: string }]));
    assert.deepEqual(service.validate(filled).filter((p) => p.severity === 'error' || p.severity === 'warning').map((p) => p.message), [], name);
  }
  // A request without an example: its required members.
  const model = open('m.model.json', '');
  assert.deepEqual(JSON.parse((service.doComplete(model, model.positionAt(0))[0].textEdit as { newText: string }).newText), { ModelName: '' });
  // Not for a file whose name says no request, nor for a state machine.
  assert.deepEqual(service.doComplete(open('notes.json', ''), { line: 0, character: 0 }), []);
  // {} (or a part of a request): the missing members, from the opening brace where they are said.
  for (const [name, text] of [['p.processing-job.json', '{}'], ['p.processing-job.yaml', 'ProcessingJobName: x\n']]) {
    const d = open(name, text);
    const missing = service.validate(d).find((p) => p.code === 'missing-required')!;
    const at = d.positionAt(missing.offset);
    const [fix] = service.getCodeActions(d, { start: at, end: d.positionAt(missing.offset + missing.length) }, ['quickfix']);
    assert.equal(fix?.title, 'Add missing required parameters', name);
    const after = open(name, TextDocument.applyEdits(d, fix.edit!.changes![d.uri]));
    assert.equal(service.validate(after).some((p) => p.code === 'missing-required' && p.offset === 0), false, name);
  }
});

test('files that are not requests are left alone: a stray name member, foreign members, package.json', () => {
  for (const [name, text] of [
    ['settings.json', '{ "TrainingJobName": "x", "notify": true }'],
    ['only-name.json', '{ "TrainingJobName": "x" }'],
    ['package.json', '{ "name": "x", "version": "1.0.0" }'],
    ['values.yaml', 'ModelName: churn\nreplicas: 2\n'],
    // Named as a request, holding none of its members (a LoopBack model, an API route).
    ['user.model.json', '{ "name": "user", "base": "PersistedModel", "properties": {} }'],
    ['orders.endpoint.json', '{ "path": "/orders", "method": "GET" }'],
    // …or holding one of its members among more that are not (an LLM's settings: tpl45).
    ['llm.model.json', '{ "ModelName": "claude", "Temperature": 0.2, "MaxTokens": 1024, "SystemPrompt": "Be brief." }'],
    // A name and a role: a launcher's settings as much as a request.
    ['launcher.json', '{ "TrainingJobName": "nightly", "RoleArn": "arn:aws:iam::111122223333:role/R" }'],
  ]) {
    const d = open(name, text);
    assert.equal(service.isStateMachineDocument(d), false, name);
    assert.deepEqual(service.validate(d), [], name);
  }
});

test('a file named as a request whose members are half the request\'s is one, its misspelt member said (tpl45: the rule that keeps an LLM\'s llm.model.json out)', () => {
  const d = open('churn.model.json', '{ "ModelName": "m", "ExecutionRoleArm": "arn:aws:iam::111122223333:role/R" }');
  assert.deepEqual(service.validate(d).map((p) => [p.code, p.message]), [['unknown-key', 'Unknown parameter "ExecutionRoleArm" in CreateModel request. Did you mean "ExecutionRoleArn"?']]);
});

test('a job spec is one request: members without .$ (a .$ key is an unknown parameter), no state machine fields, completion at the end of the file; a blank in a spec written out is an error', () => {
  const d = open('job.json');
  const text = d.getText();
  const top = service.doComplete(d, d.positionAt(text.indexOf('"TrainingJobName"'))).map((i) => i.label);
  assert.ok(top.includes('HyperParameters') && !top.includes('StartAt') && !top.some((l) => l.endsWith('.$')), top.join());
  const dollar = open('dollar.training-job.json', text.replace('"TrainingJobName"', '"TrainingJobName.$"'));
  assert.deepEqual(errors(dollar).filter(([code]) => code === 'unknown-key'), [['unknown-key', '"TrainingJobName.$"']]);
  const y = open('end.training-job.yaml', 'TrainingJobName: churn\nResourceConfig:\n  InstanceType: ml.m5.xlarge\n  ');
  const keys = service.doComplete(y, y.positionAt(y.getText().length)).map((i) => i.label);
  assert.ok(keys.includes('InstanceCount'), keys.join());
  // CreateModel, whose only required member is its name: recognised with two more of its members.
  const model = open('model-request.json', '{ "ModelName": "churn", "ExecutionRoleArn": "arn:aws:iam::111122223333:role/R", "PrimaryContainer": { "Image": "i", "Mode": "Single" } }');
  assert.deepEqual(errors(model), [['enum-value', '"Single"']]);
  const zero = open('zero.json', text.replace(/"MaxRuntimeInSeconds": \d+/, '"MaxRuntimeInSeconds": 0'));
  assert.ok(errors(zero).some(([, at]) => at === '0'), JSON.stringify(errors(zero)));
});

test('job-spec detection can be turned off', () => {
  const off = getLanguageService({ jobSpecs: false });
  const d = open('job.json');
  assert.equal(off.isStateMachineDocument(d), false);
  assert.deepEqual(off.getCodeLenses(d), []);
});

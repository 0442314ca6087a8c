// The counterexamples the fuzz tests found, minimized, kept as plain tests: each one is a document, the
// request, and what the answer must be.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../../server/src/service/languageService';
import { hasPlaceholder } from '../../server/src/service/expressions/placeholders';
import { checkJsonata } from '../../server/src/service/expressions/index';
import { checkEverything } from './checks';

const service = getLanguageService();
let n = 0;
const doc = (text: string, languageId = 'asl') => TextDocument.create(`file:///regression/${n++}`, languageId, 1, text);
const machineWith = (parameters: unknown) =>
  JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Task', Resource: 'arn:aws:states:::sagemaker:createTrainingJob', Parameters: parameters, End: true } } });

test('"${${…" without a closing brace is read in one pass by the template parameters and the IAM policy too (each had the quadratic regex again)', () => {
  const value = '${'.repeat(100_000);
  const template = `Parameters:\n  Odd:\n    Type: String\n    Default: "${value}"\nResources:\n  M:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n      Definition:\n        StartAt: A\n        States:\n          A:\n            Type: Pass\n            End: true\n`;
  assert.deepEqual(service.validate(doc(template, 'yaml')).filter((p) => p.severity === 'error'), []);
  const policy = service.iamPolicy(doc(machineWith({ TrainingJobName: value, RoleArn: value })));
  assert.ok(policy?.Statement.some((s) => s.Resource.some((r) => r.endsWith(value.toLowerCase() + '*'))), JSON.stringify(policy).slice(0, 300));
});

test('"did you mean" on thousand-character names works in a band of the plausible typo (it compared every pair in full: 28 s on a 93 kB file)', () => {
  const name = (p: string, i: number) => p + 'x'.repeat(1000) + String(i).padStart(4, '0');
  const states: Record<string, unknown> = {};
  for (let i = 0; i < 45; i++) states[name('S', i)] = { Type: 'Pass', Next: name('T', i) };
  const found = service.validate(doc(JSON.stringify({ StartAt: name('S', 0), States: states })));
  assert.equal(found.filter((p) => p.code === 'asl-unknown-state').length, 45);
  // Still a suggestion where one is plausible: a name one letter off.
  const near = service.validate(doc(JSON.stringify({ StartAt: name('S', 0), States: { [name('S', 0)]: { Type: 'Pass', Next: name('S', 0).replace('S', 's').slice(0, -1) + '1' }, [name('S', 1)]: { Type: 'Succeed' } } })));
  assert.ok(near.some((p) => p.code === 'asl-unknown-state' && p.message.includes('did you mean')), near.map((p) => p.message.slice(-80)).join('\n'));
});

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

test('100,000 nested brackets in an asl document: one "too deep" warning, and every feature answers without overflowing the stack', () => {
  for (const text of ['['.repeat(100_000), '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000)]) {
    const d = doc(text);
    assert.deepEqual(service.validate(d).map((p) => [p.code, p.severity, p.offset, p.length]), [['too-large', 'warning', 0, 1]]);
    assert.deepEqual(service.doComplete(d, d.positionAt(text.length)), []);
    assert.deepEqual(service.getSelectionRanges(d, [d.positionAt(50_000)]), []);
    // jsonc-parser's formatter indents each level: 100,000 levels ran the server out of memory.
    assert.deepEqual(service.format(d, undefined, { tabSize: 2, insertSpaces: true }), []);
    checkEverything(service, d, [0, 1, text.length >> 1, text.length]);
  }
});

test('an edit that nests a value past the depth limit gives the "too deep" warning of a fresh open', () => {
  const uri = `file:///regression/${n++}`;
  const before = '{"StartAt":"A","States":{"A":{"Type":"Pass","Result":[],"End":true}}}';
  let d = TextDocument.create(uri, 'asl', 1, before);
  assert.deepEqual(service.validate(d), []);
  const at = before.indexOf('[]') + 1;
  const deep = '['.repeat(3000) + ']'.repeat(3000);
  d = TextDocument.update(d, [{ range: { start: d.positionAt(at), end: d.positionAt(at) }, text: deep }], 2);
  const fresh = doc(d.getText());
  assert.deepEqual(service.validate(d), service.validate(fresh));
  assert.equal(service.validate(d)[0]?.code, 'too-large');
});

test('a document closed and opened again at version 1 with other text of the same length: the findings of the new text', () => {
  // Editors start versions at 1 on every open; a file changed on disk while closed comes back as version 1.
  const before = '{"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "arn:aws:states:::sagemaker:createTrainingJob.sync", "Parameters": {"TrainingJobName": "bad_name", "AlgorithmSpecification": {"TrainingImage": "382416733822.dkr.ecr.us-east-1.amazonaws.com/linear-learner:1", "TrainingInputMode": "File"}, "ResourceConfig": {"InstanceCount": 1, "InstanceType": "ml.m5.xlarge", "VolumeSizeInGB": 10}}, "End": true}}}';
  const after = before.replace('bad_name', 'good-nam');
  const uri = `file:///regression/${n++}`;
  assert.deepEqual(service.validate(TextDocument.create(uri, 'asl', 1, before)).map((p) => p.code), ['pattern', 'missing-required']);
  assert.deepEqual(service.validate(TextDocument.create(uri, 'asl', 1, after)).map((p) => p.code), ['missing-required']);
});

test('a document opened again under another language at the same version: parsed as that language', () => {
  const text = '{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true},}}';
  const uri = `file:///regression/${n++}`;
  assert.deepEqual(service.validate(TextDocument.create(uri, 'asl', 1, text)).map((p) => p.code), ['syntax']);
  // jsonc allows the trailing comma.
  assert.deepEqual(service.validate(TextDocument.create(uri, 'jsonc', 1, text)).map((p) => p.code), []);
});

test('a valid JSONata expression too deep for the jsonata parser is not reported as a syntax error', () => {
  // 1+1+…+1 (50,000 terms) is valid; the parser recurses once per operator and overflows the stack.
  const valid = '{% ' + '1+'.repeat(50_000) + '1 %}';
  assert.equal(checkJsonata(valid), undefined);
  const nested = '{% ' + '('.repeat(100_000) + '1' + ')'.repeat(100_000) + ' %}';
  assert.equal(checkJsonata(nested), undefined);
  // Real syntax errors still are.
  assert.equal(checkJsonata('{% ( %}')?.code, 'invalid-jsonata');
});

test('YAML: fixing the anchor a task aliases clears the finding (the per-task cache keyed on the task text kept it)', () => {
  const yaml = (name: string) =>
    `Comment: &params\n  TrainingJobName: ${name}\n  AlgorithmSpecification: {TrainingImage: 382416733822.dkr.ecr.us-east-1.amazonaws.com/linear-learner:1, TrainingInputMode: File}\n  ResourceConfig: {InstanceCount: 1, InstanceType: ml.m5.xlarge, VolumeSizeInGB: 10}\nStartAt: T\nStates:\n  T:\n    Type: Task\n    Resource: arn:aws:states:::sagemaker:createTrainingJob.sync\n    Parameters: *params\n    End: true\n`;
  const uri = `file:///regression/${n++}.asl.yaml`;
  // (Comment holding a mapping is the structure check's own finding; only the SageMaker ones matter here.)
  const sagemaker = (doc: TextDocument) => service.validate(doc).filter((p) => p.source === 'sagemaker').map((p) => p.code);
  let d = TextDocument.create(uri, 'asl-yaml', 1, yaml('bad_name'));
  assert.deepEqual(sagemaker(d), ['pattern', 'missing-required']);
  const at = yaml('bad_name').indexOf('bad_name');
  d = TextDocument.update(d, [{ range: { start: d.positionAt(at), end: d.positionAt(at + 8) }, text: 'good-nam' }], 2);
  assert.deepEqual(sagemaker(d), ['missing-required']);
});

test('the same task text in a YAML and a JSON document: each gets the findings of its own language', () => {
  // Valid YAML (a flow mapping with a plain key), a syntax error in JSON.
  const text = '{"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::sagemaker:createTrainingJob.sync", "Parameters": {TrainingJobName: "bad_name2", "AlgorithmSpecification": {"TrainingImage": "382416733822.dkr.ecr.us-east-1.amazonaws.com/linear-learner:1", "TrainingInputMode": "File"}, "ResourceConfig": {"InstanceCount": 1, "InstanceType": "ml.m5.xlarge", "VolumeSizeInGB": 10}}, "End": true}}}';
  assert.deepEqual(service.validate(doc(text, 'asl-yaml')).map((p) => p.code), ['pattern', 'missing-required']);
  assert.deepEqual(service.validate(doc(text, 'asl')).map((p) => p.code), ['syntax']);
});

test('YAML: a mistake at the end of an unquoted expression at the end of the file is underlined inside the value', () => {
  // "An argument is missing" is at the end of the value; for a plain scalar that was one past it (and past the text).
  const text = 'StartAt: A\nStates:\n  A:\n    Type: Task\n    End: true\n    Resource: arn:aws:states:::sagemaker:createTrainingJob\n    Parameters:\n      TrainingJobName.$: States.Format(';
  const p = service.validate(doc(text, 'asl-yaml')).find((p) => p.code === 'invalid-intrinsic');
  assert.ok(p && p.length > 0);
  const value = text.indexOf('States.Format(');
  assert.ok(p.offset >= value && p.offset + p.length <= text.length, JSON.stringify(p));
  // In JSON the same mistake stays inside the string, quotes included.
  const json = machineWith({ 'TrainingJobName.$': 'States.Format(' });
  const q = service.validate(doc(json)).find((p) => p.code === 'invalid-intrinsic')!;
  const string = json.indexOf('"States.Format("');
  assert.ok(q.offset >= string && q.offset + q.length <= string + '"States.Format("'.length, JSON.stringify(q));
});

test('YAML: fix-all does not edit inside an alias (it inserted members under `Parameters: *a1`, breaking the YAML)', () => {
  const text = 'Comment: &a1\n  EndpointConfigName: x\nStartAt: A\nStates:\n  A:\n    Type: Task\n    Resource: arn:aws:states:::sagemaker:createEndpoint\n    Parameters: *a1\n    End: true\n';
  const d = doc(text, 'asl-yaml');
  assert.deepEqual(service.fixAll(d), []);
  const fixed = TextDocument.applyEdits(d, service.fixAll(d));
  assert.deepEqual(service.validate(doc(fixed, 'asl-yaml')).filter((p) => p.code === 'syntax'), [], fixed);
});

test('YAML completion of a key beside a line holding \u2028 (a line separator to JS, not to YAML) answers instead of throwing', () => {
  const text = 'StartAt: T\nStates:\n  T:\n    Type: Task\n    Resource: arn:aws:states:::sagemaker:createTrainingJob.sync\n    Parameters:\n      RoleArn: "a\u2028b"\n      Trai\n    End: true\n';
  const d = doc(text, 'asl-yaml');
  const items = service.doComplete(d, d.positionAt(text.indexOf('Trai\n') + 4));
  assert.ok(items.some((i) => i.label === 'TrainingJobName'), items.map((i) => i.label).join());
});

test('YAML: fixing an anchor another state aliases clears that state\'s structure finding too (the per-state cache is keyed on its text)', () => {
  const yaml = (field: string) =>
    `StartAt: A\nStates:\n  A:\n    Type: Task\n    Resource: arn:aws:states:::lambda:invoke\n    Retry: &r\n      - ErrorEquals: [States.ALL]\n        ${field}: 1\n    Next: B\n  B:\n    Type: Task\n    Resource: arn:aws:states:::lambda:invoke\n    Retry: *r\n    End: true\n`;
  const uri = `file:///regression/${n++}.asl.yaml`;
  const structure = (d: TextDocument) => service.validate(d).filter((p) => p.source === 'asl').map((p) => `${p.code}@${d.positionAt(p.offset).line}`);
  let d = TextDocument.create(uri, 'asl-yaml', 1, yaml('IntervalSecondz'));
  assert.equal(structure(d).length, 2, structure(d).join());
  const at = yaml('IntervalSecondz').indexOf('IntervalSecondz');
  d = TextDocument.update(d, [{ range: { start: d.positionAt(at), end: d.positionAt(at + 15) }, text: 'IntervalSeconds' }], 2);
  assert.deepEqual(structure(d), []);
});

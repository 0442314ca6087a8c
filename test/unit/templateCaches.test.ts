// The findings of a state are cached by its text (core/findingsCache.ts), shared by every document of the process.
// In a template the tree is not what the state's text reads as on its own: an intrinsic (`{ "Fn::GetAtt": … }`,
// `{ "Ref": … }`) is a value known at deployment (templates/intrinsics.ts), while in an .asl.json it is an object
// where a string or a number belongs. The same state text must be judged by where it is, whichever was opened first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../../server/src/service/languageService';

const state = (name: string) => ({
  Type: 'Task',
  Resource: 'arn:aws:states:::sagemaker:createTrainingJob.sync',
  Parameters: {
    TrainingJobName: name,
    RoleArn: { 'Fn::GetAtt': ['TrainingRole', 'Arn'] },
    AlgorithmSpecification: { TrainingImage: '382416733822.dkr.ecr.us-east-1.amazonaws.com/xgboost:1', TrainingInputMode: 'File' },
    OutputDataConfig: { S3OutputPath: 's3://bucket/output' },
    ResourceConfig: { InstanceCount: 1, InstanceType: 'ml.m5.large', VolumeSizeInGB: 10 },
    StoppingCondition: { MaxRuntimeInSeconds: 3600 },
  },
  TimeoutSeconds: { Ref: 'TrainingTimeout' },
  End: true,
});
const machine = (name: string) => ({ StartAt: 'Train', States: { Train: state(name) } });
const template = (name: string) => ({ Resources: { Pipeline: { Type: 'AWS::StepFunctions::StateMachine', Properties: { Definition: machine(name) } } } });
// The template's text with the state indented as in the machine's: the state's text is the same in both.
const templateText = (name: string) => JSON.stringify(template(name), null, 2).replace(/\n {8}/g, '\n');

let n = 0;
const open = (languageId: string, text: string) => TextDocument.create(`file:///cache-contexts/${n++}.json`, languageId, 1, text);
const found = (d: TextDocument) => getLanguageService().validate(d).map((p) => `${p.code} ${d.getText().slice(p.offset, p.offset + p.length).split('\n')[0]}`);

const inMachine = ['wrong-type {', 'asl-invalid-value {'];

test('a state with intrinsics: an error in an .asl.json, none in a template, the .asl.json opened first', () => {
  const asl = open('asl', JSON.stringify(machine('asl-first'), null, 2));
  const tpl = open('json', templateText('asl-first'));
  assert.ok(tpl.getText().includes(JSON.stringify(state('asl-first'), null, 2).replace(/\n/g, '\n    ')), 'the same state text');
  assert.deepEqual(found(asl), inMachine);
  assert.deepEqual(found(tpl), []);
});

test('a state with intrinsics: none in a template, an error in an .asl.json, the template opened first', () => {
  const tpl = open('json', templateText('template-first'));
  const asl = open('asl', JSON.stringify(machine('template-first'), null, 2));
  assert.deepEqual(found(tpl), []);
  assert.deepEqual(found(asl), inMachine);
});

test('a closed document keeps nothing: its parse and findings are made afresh on the next open, the same', () => {
  const service = getLanguageService();
  const d = TextDocument.create('file:///cache-contexts/closed.asl.json', 'asl', 1, JSON.stringify(machine('train_1'), null, 2));
  const parsed = service.parse(d);
  const findings = service.validate(d);
  assert.equal(service.parse(d), parsed);
  service.close(d.uri);
  assert.notEqual(service.parse(d), parsed);
  assert.deepEqual(service.validate(d), findings);
});

test('a DefinitionSubstitutions key renamed and back: the value it gives the definition is judged again (tpl34)', () => {
  const service = getLanguageService();
  const definition = { StartAt: 'T', States: { T: { Type: 'Task', Resource: 'arn:aws:states:::sagemaker:createEndpointConfig', Parameters: { 'EndpointConfigName.$': '$.name', ProductionVariants: [{ VariantName: 'AllTraffic', 'ModelName.$': '$.model', InitialInstanceCount: 1, InstanceType: '${EndpointType}' }] }, End: true } } };
  const text = JSON.stringify({ Resources: { M: { Type: 'AWS::StepFunctions::StateMachine', Properties: { Definition: definition, DefinitionSubstitutions: { EndpointType: 'ml.m5.huge' } } } } }, null, 2);
  const codes = (d: TextDocument) => service.validate(d).map((p) => p.code);
  const edit = (d: TextDocument, from: string, to: string, version: number) => {
    const at = d.getText().indexOf(from);
    return TextDocument.update(d, [{ range: { start: d.positionAt(at), end: d.positionAt(at + from.length) }, text: to }], version);
  };
  const v1 = TextDocument.create('file:///cache-contexts/substitution-key.json', 'json', 1, text);
  assert.deepEqual(codes(v1), ['enum-value']);
  const v2 = edit(v1, '"EndpointType": "ml', '"EndpointTyp": "ml', 2);
  assert.deepEqual(codes(v2), ['unmatched-placeholder']);
  const v3 = edit(v2, '"EndpointTyp": "ml', '"EndpointType": "ml', 3);
  assert.equal(v3.getText(), text);
  assert.deepEqual(codes(v3), ['enum-value']);
  service.close(v3.uri);
});

test('a DefinitionString that is one JSON string: its ${…} take the DefinitionSubstitutions, and one no key names is said (tpl34)', () => {
  const definition = { StartAt: 'T', States: { T: { Type: 'Task', Resource: 'arn:aws:states:::sagemaker:createTransformJob', Parameters: { TransformJobName: 'j', ModelName: 'm', TransformInput: { DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: 's3://b/in' } } }, TransformOutput: { S3OutputPath: 's3://b/out' }, TransformResources: { InstanceType: '${Type}', InstanceCount: 1 } }, End: true } } };
  const text = (subs?: Record<string, string>) => JSON.stringify({ Resources: { M: { Type: 'AWS::StepFunctions::StateMachine', Properties: { DefinitionString: JSON.stringify(definition), ...(subs ? { DefinitionSubstitutions: subs } : {}) } } } }, null, 2);
  assert.deepEqual(found(open('json', text({ Type: 'ml.m5.huge' }))), ['enum-value "ml.m5.huge"']);
  assert.deepEqual(found(open('json', text({ Type: 'ml.m5.large' }))), []);
  // The finding spans the string value that holds the placeholder, written with its escapes.
  assert.deepEqual(found(open('json', text({ Other: 'x' }))), ['unmatched-placeholder \\"${Type}\\"']);
});

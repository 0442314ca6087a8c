import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver-types';
import { cursor, doc, machine, service, VALID_TRAINING, VALID_TRANSFORM } from './helpers';

function complete(marked: string) {
  const [text, offset] = cursor(marked);
  const d = doc(text);
  return service.doComplete(d, d.positionAt(offset));
}
const labels = (marked: string) => complete(marked).map((i) => i.label);

const TASK = (params: string) => `{
  "StartAt": "Train",
  "States": {
    "Train": {
      "Type": "Task",
      "Resource": "arn:aws:states:::sagemaker:createTrainingJob.sync",
      "Parameters": ${params},
      "End": true
    }
  }
}`;

describe('member keys', () => {
  test('a key typed in a string not closed yet replaces only what is typed, not the rest of the line (editors without auto-closed quotes)', () => {
    const marked = TASK('{ "TrainingJobName": "x", "ResourceConfig": { "InstanceType": "ml.m5.large", "InstanceCount": 1, "VolumeSizeInGB": 30, "Keep‸ } }');
    const [text, offset] = cursor(marked);
    const d = doc(text);
    const item = service.doComplete(d, d.positionAt(offset)).find((i) => i.label === 'KeepAlivePeriodInSeconds')!;
    const e = item.textEdit as { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string };
    const after = text.slice(0, d.offsetAt(e.range.start)) + e.newText.replace(/\$\{\d+:([^}]*)\}/g, '$1') + text.slice(d.offsetAt(e.range.end));
    assert.deepEqual(JSON.parse(after).States.Train.Parameters.ResourceConfig, { InstanceType: 'ml.m5.large', InstanceCount: 1, VolumeSizeInGB: 30, KeepAlivePeriodInSeconds: 0 });
  });
  test('a half-typed key on a line of its own (") does not bring back a key written below it, which the parser lost (walk37: RoleArn offered twice)', () => {
    const params = '{\n        "TrainingJobName": "a",\n        "‸\n        "RoleArn": "arn:aws:iam::123456789012:role/r",\n        "OutputDataConfig": { "S3OutputPath": "s3://b/o" }\n      }';
    const offered = labels(TASK(params));
    assert.ok(!offered.includes('RoleArn') && !offered.includes('OutputDataConfig') && !offered.includes('TrainingJobName'), offered.join());
    assert.ok(offered.includes('AlgorithmSpecification'));
  });
  test('instance types in size order within their family (the model lists ml.g5.16xlarge before ml.g5.12xlarge), families as the model first names them (walk36)', () => {
    const items = complete(TASK('{ "ResourceConfig": { "InstanceType": "‸" } }')).sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? '')).map((i) => i.label);
    const g5 = items.filter((l) => l.startsWith('ml.g5.'));
    assert.deepEqual(g5, ['ml.g5.xlarge', 'ml.g5.2xlarge', 'ml.g5.4xlarge', 'ml.g5.8xlarge', 'ml.g5.12xlarge', 'ml.g5.16xlarge', 'ml.g5.24xlarge', 'ml.g5.48xlarge']);
    // Each family's types together, the smallest first.
    const families = items.map((l) => l.split('.')[1]);
    for (const f of new Set(families)) assert.equal(families.lastIndexOf(f) - families.indexOf(f) + 1, families.filter((x) => x === f).length, `${f} together`);
    assert.ok(items.indexOf('ml.m5.large') < items.indexOf('ml.m5.xlarge'));
  });
  test('required members first, present ones left out, .$ variants offered', () => {
    const items = complete(TASK('{ "TrainingJobName": "x", ‸ }'));
    const names = items.map((i) => i.label);
    assert.ok(!names.includes('TrainingJobName'));
    assert.ok(names.includes('TrainingJobName.$') === false, 'the .$ form of a present member is left out too');
    const sorted = [...items].sort((a, b) => a.sortText!.localeCompare(b.sortText!)).map((i) => i.label);
    assert.deepEqual(sorted.slice(0, 4), ['OutputDataConfig', 'OutputDataConfig.$', 'RoleArn', 'RoleArn.$']);
    assert.ok(names.includes('HyperParameters.$'));
  });
  test('inside a nested object, before an existing key', () => {
    const names = labels(TASK('{ "ResourceConfig": { ‸"InstanceCount": 2, "InstanceType": "ml.c5.2xlarge" } }'));
    for (const want of ['VolumeKmsKeyId', 'KeepAlivePeriodInSeconds', 'InstanceGroups', 'VolumeSizeInGB']) assert.ok(names.includes(want), want);
    assert.ok(!names.includes('InstanceType'));
    // What SageMaker refuses beside InstanceType and InstanceCount is the other form: offered last, saying so (ux40).
    const [text, offset] = cursor(TASK('{ "ResourceConfig": { ‸"InstanceCount": 2, "InstanceType": "ml.c5.2xlarge" } }'));
    const d = doc(text);
    const items = service.doComplete(d, d.positionAt(offset));
    const groups = items.find((i) => i.label === 'InstanceGroups')!;
    assert.match(groups.detail!, /\(instead of InstanceType and InstanceCount: not with them\)$/);
    assert.ok(items.filter((i) => i.label !== 'InstanceGroups' && i.label !== 'InstancePreferences' && !String(i.label).endsWith('.$')).every((i) => i.sortText! < groups.sortText!));
  });
  test('beside a union member already set, the other members are offered last, saying a union holds one (ux44)', () => {
    const marked = `{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:sagemaker:createAutoMLJobV2","Parameters":{"AutoMLJobName":"a","AutoMLProblemTypeConfig":{ "TabularJobConfig": { "TargetAttributeName": "churn" }, ‸ }},"End":true}}}`;
    const items = complete(marked);
    const image = items.find((i) => i.label === 'ImageClassificationJobConfig')!;
    assert.match(image.detail!, /\(instead of TabularJobConfig: not with it, a union holds exactly one member\)$/);
    assert.ok(image.sortText!.startsWith('2'), image.sortText);
    assert.ok(!items.some((i) => i.label === 'TabularJobConfig'));
    const empty = complete(marked.replace('"TabularJobConfig": { "TargetAttributeName": "churn" }, ', '')).find((i) => i.label === 'ImageClassificationJobConfig')!;
    assert.doesNotMatch(empty.detail!, /instead of/);
    assert.ok(!empty.sortText!.startsWith('2'), empty.sortText);
  });
  test('a new item of a list of objects: an object of the item shape with its required members (ux44: JSON offered nothing)', () => {
    const insert = (marked: string) => {
      const [text, offset] = cursor(marked);
      const d = doc(text);
      const items = service.doComplete(d, d.positionAt(offset));
      const item = items.find((i) => i.label === '{ } (new item)');
      if (!item) return undefined;
      const edit = item.textEdit as TextEdit;
      return { item, after: TextDocument.applyEdits(d, [{ ...edit, newText: edit.newText.replace(/\$\{\d+(?::([^}]*))?\}|\$\d+/g, '$1') }, ...(item.additionalTextEdits ?? [])]) };
    };
    const channel = '{ "ChannelName": "train", "DataSource": { "S3DataSource": { "S3DataType": "S3Prefix", "S3Uri": "s3://b/t/" } } }';
    const next = insert(TASK(`{ "InputDataConfig": [ ${channel}, ‸ ] }`))!;
    assert.equal(next.item.detail, 'object (Channel)');
    assert.match(next.after, /"InputDataConfig": \[ \{ "ChannelName".*\}, \{ "ChannelName": "", "DataSource": \{[^}]*\} \} \]/);
    assert.doesNotThrow(() => JSON.parse(next.after));
    const empty = insert(TASK('{ "InputDataConfig": [ ‸ ] }'))!;
    assert.doesNotThrow(() => JSON.parse(empty.after));
    // On a line of its own after an item, no comma yet (the review of the day: nothing was offered there).
    const line = insert(TASK(`{ "InputDataConfig": [\n  ${channel}\n  ‸\n] }`))!;
    assert.doesNotThrow(() => JSON.parse(line.after));
    // Before an item: the comma after it.
    assert.doesNotThrow(() => JSON.parse(insert(TASK(`{ "InputDataConfig": [ ‸${channel} ] }`))!.after));
    // After an item with no comma yet: the comma too.
    for (const gap of [' ', '']) assert.doesNotThrow(() => JSON.parse(insert(TASK(`{ "InputDataConfig": [ ${channel}${gap}‸ ] }`))!.after));
    // Not where an item is being written, nor in a list of strings.
    assert.equal(insert(TASK('{ "InputDataConfig": [ { "ChannelName": "‸" } ] }')), undefined);
    assert.equal(insert(TASK('{ "EnableManagedSpotTraining": true, "CheckpointConfig": { "S3Uri": "s3://b/c" }, "VpcConfig": { "Subnets": [ ‸ ] } }')), undefined);
  });
  test('a member a rule refuses as the request stands is offered last, naming the rule (ux41: MaxWaitTimeInSeconds without Spot training)', () => {
    const detailOf = (marked: string, label: string) => {
      const [text, offset] = cursor(marked);
      const d = doc(text);
      const items = service.doComplete(d, d.positionAt(offset));
      const item = items.find((i) => i.label === label)!;
      return { item, last: items.filter((i) => i.label !== label && !String(i.label).startsWith(`${label}.`)).every((i) => i.sortText! < item.sortText! || i.sortText!.startsWith('2')) };
    };
    const plain = detailOf(TASK('{ "StoppingCondition": { "MaxRuntimeInSeconds": 3600, ‸ } }'), 'MaxWaitTimeInSeconds');
    assert.match(plain.item.detail!, /\(refused here: no StoppingCondition\.MaxWaitTimeInSeconds when EnableManagedSpotTraining ∉ \{true\}\)$/);
    assert.ok(plain.last);
    const spot = detailOf(TASK('{ "EnableManagedSpotTraining": true, "StoppingCondition": { "MaxRuntimeInSeconds": 3600, ‸ } }'), 'MaxWaitTimeInSeconds');
    assert.doesNotMatch(spot.item.detail!, /refused/);
  });
  test('a member SageMaker refuses in every request (read-only, no longer supported) is not offered', () => {
    const names = labels(TASK('{ "ResourceConfig": { ‸ } }'));
    assert.ok(names.includes('InstanceType') && !names.includes('SelectedInstanceType') && !names.includes('SelectedInstanceCount.$'), names.join());
    const variant = labels(`{"StartAt":"E","States":{"E":{"Type":"Task","Resource":"arn:aws:states:::sagemaker:createEndpointConfig","Parameters":{"EndpointConfigName":"e","ProductionVariants":[{ ‸ }]},"End":true}}}`);
    assert.ok(variant.includes('InstanceType') && !variant.includes('AcceleratorType'), variant.join());
    const [text, offset] = cursor('StartAt: T\nStates:\n  T:\n    Type: Task\n    Resource: arn:aws:states:::sagemaker:createProcessingJob\n    Parameters:\n      ProcessingResources:\n        ClusterConfig:\n          ‸\n    End: true\n');
    const d = doc(text, 'asl-yaml');
    const yamlNames = service.doComplete(d, d.positionAt(offset)).map((i) => i.label);
    assert.ok(yamlNames.includes('InstanceType') && !yamlNames.includes('SelectedInstanceType'), yamlNames.join());
  });
  test('a new key inserts a snippet with a value of the right type and a comma when a key follows', () => {
    const item = complete(TASK('{ "ResourceConfig": { ‸"InstanceCount": 2 } }')).find((i) => i.label === 'VolumeSizeInGB')!;
    assert.equal((item.textEdit as any).newText, '"VolumeSizeInGB": ${1:0}, ');
    const s = complete(TASK('{ ‸ }')).find((i) => i.label === 'StoppingCondition')!;
    assert.equal((s.textEdit as any).newText, '"StoppingCondition": { $1 }');
    const o = complete(TASK('{ ‸ }')).find((i) => i.label === 'OutputDataConfig')!;
    assert.equal((o.textEdit as any).newText, '"OutputDataConfig": { "S3OutputPath": "${1}" }');
  });
  test('a new member on a line after the last one, no comma yet: the comma is added after that member (new-user walk)', () => {
    for (const marked of [
      TASK('{\n  "TrainingJobName": "a",\n  "HyperParameters": {}\n  ‸\n}'),
      TASK('{\n  "TrainingJobName": "a",\n  "HyperParameters": {}\n  "Ro‸\n}'),
      // The last member's value an object with members, or a string (the scanner reads the line as still that value).
      TASK('{\n  "TrainingJobName": "a",\n  "HyperParameters": { "eta": "0.2" }\n  ‸\n}').replace('"eta": "0.2" }', '"eta": "0.2" }'),
      TASK('{\n  "TrainingJobName": "a",\n  "HyperParameters": { "eta": "0.2" }\n  "‸\n}'),
    ]) {
      const [text, offset] = cursor(marked);
      const d = doc(text);
      const item = service.doComplete(d, d.positionAt(offset)).find((i) => i.label === 'RoleArn')!;
      const applied = TextDocument.applyEdits(d, [item.textEdit as TextEdit, ...(item.additionalTextEdits ?? [])]).replace('${1}', 'arn');
      assert.match(applied, /"HyperParameters": \{[^}]*\},\n\s*"RoleArn": "arn"\n/, applied);
    }
    // Inside a nested object after its last member, and after a string value.
    for (const marked of [TASK('{\n  "ResourceConfig": {\n    "InstanceCount": 1\n    ‸\n  }\n}'), TASK('{\n  "TrainingJobName": "a"\n  ‸\n}')]) {
      const [text, offset] = cursor(marked);
      const d = doc(text);
      const items = service.doComplete(d, d.positionAt(offset));
      assert.ok(items.length > 0 && items.every((i) => i.additionalTextEdits?.[0]?.newText === ','), marked);
    }
    // A comma already there: none added.
    const [text, offset] = cursor(TASK('{\n  "TrainingJobName": "a",\n  ‸\n}'));
    const d = doc(text);
    assert.equal(service.doComplete(d, d.positionAt(offset)).find((i) => i.label === 'RoleArn')!.additionalTextEdits, undefined);
  });
  test('before a key at the start of its line, the new member ends with a line break to that indentation; after `{ ` with a space', () => {
    const [text, offset] = cursor(TASK('{\n        "ResourceConfig": {\n          ‸"InstanceCount": 2\n        }\n      }'));
    const d = doc(text);
    const item = service.doComplete(d, d.positionAt(offset)).find((i) => i.label === 'VolumeSizeInGB')!;
    assert.equal((item.textEdit as TextEdit).newText, '"VolumeSizeInGB": ${1:0},\n          ');
    assert.equal(item.insertTextMode, 1, 'asIs: the text carries its indentation');
    const applied = TextDocument.applyEdits(d, [item.textEdit as TextEdit]).replace('${1:0}', '1');
    assert.deepEqual(JSON.parse(applied).States.Train.Parameters.ResourceConfig, { VolumeSizeInGB: 1, InstanceCount: 2 });
    assert.match(applied, /"VolumeSizeInGB": 1,\n {10}"InstanceCount": 2/);
  });
  test('a structure is written with its required members, and theirs (BlueGreenUpdatePolicy, RollingUpdatePolicy)', () => {
    const text = machine({ EndpointName: 'e', EndpointConfigName: 'c', DeploymentConfig: {} }, { resource: 'arn:aws:states:::sagemaker:updateEndpoint' }).replace('"DeploymentConfig": {}', '"DeploymentConfig": { ‸ }');
    const items = complete(text);
    assert.equal((items.find((i) => i.label === 'BlueGreenUpdatePolicy')!.textEdit as TextEdit).newText, '"BlueGreenUpdatePolicy": { "TrafficRoutingConfiguration": { "Type": "${1|ALL_AT_ONCE,CANARY,LINEAR|}", "WaitIntervalInSeconds": ${2:0} } }');
    assert.equal((items.find((i) => i.label === 'RollingUpdatePolicy')!.textEdit as TextEdit).newText, '"RollingUpdatePolicy": { "MaximumBatchSize": { "Type": "${1|INSTANCE_COUNT,CAPACITY_PERCENT|}", "Value": ${2:1} }, "WaitIntervalInSeconds": ${3:0} }');
  });
  test('editing a half-typed key replaces it and keeps the existing colon', () => {
    const item = complete(TASK('{ "ResourceConfig": { "Inst‸anceCount": 2 } }')).find((i) => i.label === 'InstanceType')!;
    assert.equal((item.textEdit as any).newText, '"InstanceType"');
  });
  test('works in a half-typed document', () => {
    const names = labels(`{"StartAt":"Train","States":{"Train":{"Type":"Task","Resource":"arn:aws:states:::sagemaker:createTransformJob","Parameters":{"TransformResources":{"Inst‸`);
    assert.deepEqual(names.filter((n) => !n.endsWith('.$')).sort(), ['InstanceCount', 'InstanceType', 'TransformAmiVersion', 'VolumeKmsKeyId']);
  });
  test('documentation is Markdown with type, required and constraints', () => {
    const item = complete(TASK('{ ‸ }')).find((i) => i.label === 'TrainingJobName')!;
    const md = (item.documentation as any).value as string;
    assert.match(md, /^\*\*TrainingJobName\*\* — string, \*\*required\*\*/);
    assert.match(md, /Length 1–63 · Pattern: `\[a-zA-Z0-9\]\(-\*\[a-zA-Z0-9\]\)\{0,62\}`/);
  });
  test('no .$ variants in JSONata states', () => {
    const text = TASK('{ ‸ }').replace('"Type": "Task",', '"Type": "Task", "QueryLanguage": "JSONata",').replace('"Parameters"', '"Arguments"');
    assert.ok(!labels(text).some((l) => l.endsWith('.$')));
  });
  test('nothing outside SageMaker payloads', () => {
    assert.deepEqual(labels(`{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{‸}}}}`), []);
  });
});

describe('values', () => {
  test('every instance type is offered', () => {
    const items = complete(TASK('{ "ResourceConfig": { "InstanceType": "‸" } }'));
    assert.ok(items.length > 200);
    assert.ok(items.some((i) => i.label === 'ml.p4d.24xlarge'));
    assert.equal((items[0].textEdit as any).newText, JSON.stringify(items[0].label));
  });
  test('enum values of a small enum', () => {
    assert.deepEqual(labels(TASK('{ "AlgorithmSpecification": { "TrainingInputMode": ‸ } }')), ['Pipe', 'File', 'FastFile']);
  });
  test('booleans', () => {
    assert.deepEqual(labels(TASK('{ "EnableNetworkIsolation": ‸ }')), ['true', 'false']);
  });
});

describe('what a completion writes passes the server\'s own documented rules', () => {
  const newMember = (payload: unknown, resource: string | undefined, object: string, label: string) => {
    const text = machine(payload, resource ? { resource } : {}).replace(`"${object}": {`, `"${object}": {‸`);
    return (complete(text).find((i) => i.label === label)!.textEdit as TextEdit).newText;
  };
  test('MaxWaitTimeInSeconds: at least the MaxRuntimeInSeconds written beside it, else its documented default of 1 day', () => {
    assert.equal(newMember({ ...VALID_TRAINING, StoppingCondition: { MaxRuntimeInSeconds: 7200 } }, undefined, 'StoppingCondition', 'MaxWaitTimeInSeconds'), '"MaxWaitTimeInSeconds": ${1:7200},');
    assert.equal(newMember({ ...VALID_TRAINING, StoppingCondition: { MaxPendingTimeInSeconds: 7200 } }, undefined, 'StoppingCondition', 'MaxWaitTimeInSeconds'), '"MaxWaitTimeInSeconds": ${1:86400},');
  });
  test('EnableManagedSpotTraining: false first without a MaxWaitTimeInSeconds, true first with one', () => {
    const top = (payload: unknown) => {
      const text = machine(payload).replace('"TrainingJobName"', '‸"TrainingJobName"');
      return (complete(text).find((i) => i.label === 'EnableManagedSpotTraining')!.textEdit as TextEdit).newText;
    };
    assert.equal(top(VALID_TRAINING), '"EnableManagedSpotTraining": ${1|false,true|},\n        ');
    assert.equal(top({ ...VALID_TRAINING, StoppingCondition: { MaxRuntimeInSeconds: 3600, MaxWaitTimeInSeconds: 7200 } }), '"EnableManagedSpotTraining": ${1|true,false|},\n        ');
  });
  test('BatchStrategy: SingleRecord first while SplitType is None, MultiRecord first (the model\'s order) with a SplitType', () => {
    const transform = 'arn:aws:states:::sagemaker:createTransformJob.sync';
    const top = (payload: unknown) => {
      const text = machine(payload, { resource: transform }).replace('"TransformJobName"', '‸"TransformJobName"');
      return (complete(text).find((i) => i.label === 'BatchStrategy')!.textEdit as TextEdit).newText;
    };
    assert.equal(top(VALID_TRANSFORM), '"BatchStrategy": "${1|SingleRecord,MultiRecord|}",\n        ');
    assert.equal(top({ ...VALID_TRANSFORM, TransformInput: { ...VALID_TRANSFORM.TransformInput, SplitType: 'Line' } }), '"BatchStrategy": "${1|MultiRecord,SingleRecord|}",\n        ');
  });
  test('the same in YAML', () => {
    const [text, offset] = cursor('StartAt: T\nStates:\n  T:\n    Type: Task\n    Resource: arn:aws:states:::sagemaker:createTrainingJob.sync\n    Parameters:\n      StoppingCondition:\n        MaxRuntimeInSeconds: 7200\n        ‸\n    End: true\n');
    const d = doc(text, 'asl-yaml');
    assert.equal((service.doComplete(d, d.positionAt(offset)).find((i) => i.label === 'MaxWaitTimeInSeconds')!.textEdit as TextEdit).newText, 'MaxWaitTimeInSeconds: ${1:7200}');
  });
  test('every member offered in valid requests, inserted with its snippet\'s defaults, adds no error but its placeholders\' (and the members that exclude one already there, offered last)', () => {
    const TUNING = { HyperParameterTuningJobName: 'xgb-tuning', HyperParameterTuningJobConfig: { Strategy: 'Bayesian', HyperParameterTuningJobObjective: { Type: 'Maximize', MetricName: 'validation:auc' }, ResourceLimits: { MaxNumberOfTrainingJobs: 20, MaxParallelTrainingJobs: 2 }, ParameterRanges: { IntegerParameterRanges: [{ Name: 'max_depth', MinValue: '3', MaxValue: '10', ScalingType: 'Linear' }] } }, TrainingJobDefinition: { StaticHyperParameters: { num_round: '100' }, AlgorithmSpecification: { TrainingImage: '123456789012.dkr.ecr.us-east-1.amazonaws.com/xgboost:1', TrainingInputMode: 'File' }, RoleArn: 'arn:aws:iam::123456789012:role/SageMakerExecutionRole', OutputDataConfig: { S3OutputPath: 's3://example-bucket/tuning' }, ResourceConfig: { InstanceCount: 1, InstanceType: 'ml.m5.xlarge', VolumeSizeInGB: 10 }, StoppingCondition: { MaxRuntimeInSeconds: 3600 } } };
    const PROCESSING = { ProcessingJobName: 'prep', RoleArn: 'arn:aws:iam::123456789012:role/SageMakerExecutionRole', AppSpecification: { ImageUri: '123456789012.dkr.ecr.us-east-1.amazonaws.com/xgboost:1' }, ProcessingResources: { ClusterConfig: { InstanceCount: 1, InstanceType: 'ml.m5.xlarge', VolumeSizeInGB: 30 } }, ProcessingInputs: [{ InputName: 'raw', S3Input: { S3Uri: 's3://example-bucket/raw/', LocalPath: '/opt/ml/processing/input', S3DataType: 'S3Prefix', S3InputMode: 'File' } }], ProcessingOutputConfig: { Outputs: [{ OutputName: 'features', S3Output: { S3Uri: 's3://example-bucket/features/', LocalPath: '/opt/ml/processing/output', S3UploadMode: 'EndOfJob' } }] }, StoppingCondition: { MaxRuntimeInSeconds: 3600 } };
    const UPDATE = { EndpointName: 'churn-endpoint', EndpointConfigName: 'churn-config-v2', DeploymentConfig: { AutoRollbackConfiguration: { Alarms: [{ AlarmName: 'endpoint-5xx' }] } } };
    const CONFIG = { EndpointConfigName: 'churn-config', ProductionVariants: [{ VariantName: 'AllTraffic', ModelName: 'churn-model', InitialInstanceCount: 1, InstanceType: 'ml.m5.large', InitialVariantWeight: 1 }] };
    const MODEL = { ModelName: 'churn-model', ExecutionRoleArn: 'arn:aws:iam::123456789012:role/SageMakerExecutionRole', PrimaryContainer: { Image: '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1', ModelDataUrl: 's3://example-bucket/churn/model.tar.gz' } };
    const requests: [unknown, string][] = [
      [VALID_TRAINING, 'createTrainingJob.sync'], [VALID_TRANSFORM, 'createTransformJob.sync'], [TUNING, 'createHyperParameterTuningJob.sync'],
      [PROCESSING, 'createProcessingJob.sync'], [UPDATE, 'updateEndpoint'], [CONFIG, 'createEndpointConfig'], [MODEL, 'createModel'],
    ];
    const defaults = (s: string) => s.replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1').replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\{\d+\}|\$\d+/g, '');
    const errors = (text: string) => service.validate(doc(text)).filter((p) => p.severity === 'error').map((p) => `${p.code} ${p.message}`);
    // What the user fills in at a tab stop: an empty string, an empty list.
    const placeholder = /^(too-short|pattern|too-few-items) |^enum-value \S+ "" /;
    const refused = new Set<string>();
    let tried = 0;
    for (const [payload, action] of requests) {
      const text = machine(payload, { resource: `arn:aws:states:::sagemaker:${action}` });
      const before = new Set(errors(text));
      // In every object of the request: a new line before its closing brace.
      for (let close = text.indexOf('}', text.indexOf('"Parameters"')); close > 0 && close < text.lastIndexOf('"End"'); close = text.indexOf('}', close + 1)) {
        const at = text.lastIndexOf('\n', close) + 1;
        const d = doc(`${text.slice(0, at)}  \n${text.slice(at)}`);
        for (const item of service.doComplete(d, d.positionAt(at + 1))) {
          if (String(item.label).endsWith('.$')) continue;
          tried++;
          const fresh = errors(defaults(TextDocument.applyEdits(d, [item.textEdit as TextEdit, ...(item.additionalTextEdits ?? [])]))).filter((e) => !before.has(e) && !placeholder.test(e));
          if (fresh.length) refused.add(`${action} ${item.label}: ${fresh.map((e) => e.split(' ')[0]).join(', ')}`);
        }
      }
    }
    assert.ok(tried > 100, String(tried));
    // The members SageMaker refuses beside one the request already has, whatever their value (offered last, saying so).
    // A member another field's value refuses (MaxWaitTimeInSeconds while managed Spot is off, sm41): offered, for the
    // user who turns Spot on; the finding says so.
    const spotOff = ['createHyperParameterTuningJob.sync MaxWaitTimeInSeconds: documented-rule', 'createTrainingJob.sync MaxWaitTimeInSeconds: documented-rule'];
    assert.deepEqual([...refused].sort(), [
      // InstanceType is there already: a cluster of one type or of instance groups.
      'createHyperParameterTuningJob.sync InstanceGroups: documented-rule',
      'createHyperParameterTuningJob.sync InstancePreferences: documented-rule',
      // TrainingJobDefinition is there already: one or the other.
      'createHyperParameterTuningJob.sync TrainingJobDefinitions: documented-rule',
      // A variant that names a model is no inference component's: no managed instance scaling (sm41).
      'createEndpointConfig ManagedInstanceScaling: documented-rule',
      // PrimaryContainer is there already: one container or a list of them.
      'createModel Containers: documented-rule',
      // An empty union: its one data source (S3DataSource) is for the user to add.
      'createModel ModelDataSource: documented-rule',
      'createProcessingJob.sync DatasetDefinition: documented-rule, documented-rule, documented-rule',
      'createProcessingJob.sync FeatureStoreOutput: documented-rule, documented-rule',
      'createProcessingJob.sync InstancePreferences: documented-rule',
      'createTrainingJob.sync InstanceGroups: documented-rule',
      'createTrainingJob.sync InstancePreferences: documented-rule',
      ...spotOff,
    ].sort());
  });
});

describe('values SageMaker refuses at that place are not offered', () => {
  test('ReverseLogarithmic is a ScalingType of continuous ranges only', () => {
    const ranges = (kind: string, extra: Record<string, string>) => labels(machine({ HyperParameterTuningJobConfig: { ParameterRanges: { [kind]: [{ Name: 'eta', MinValue: '0.1', MaxValue: '0.5', ...extra, ScalingType: 'Auto' }] } } }, { resource: 'arn:aws:states:::sagemaker:createHyperParameterTuningJob.sync' }).replace('"ScalingType": "Auto"', '"ScalingType": ‸"Auto"'));
    assert.deepEqual(ranges('IntegerParameterRanges', {}), ['Auto', 'Linear', 'Logarithmic']);
    assert.deepEqual(ranges('ContinuousParameterRanges', {}), ['Auto', 'Linear', 'Logarithmic', 'ReverseLogarithmic']);
    const [text, offset] = cursor('StartAt: T\nStates:\n  T:\n    Type: Task\n    Resource: arn:aws:states:::sagemaker:createHyperParameterTuningJob.sync\n    Parameters:\n      HyperParameterTuningJobConfig:\n        ParameterRanges:\n          IntegerParameterRanges:\n            - Name: depth\n              ScalingType: ‸\n    End: true\n');
    const d = doc(text, 'asl-yaml');
    assert.deepEqual(service.doComplete(d, d.positionAt(offset)).map((i) => i.label), ['Auto', 'Linear', 'Logarithmic']);
  });
});

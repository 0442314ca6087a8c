// Quick fixes: for each kind of finding, a small document, the actions offered on it, the text after applying
// one, and the same document validated again (the finding gone, no new error).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, TextEdit } from 'vscode-languageserver-types';
import { doc, machine, service, training } from './helpers';

function apply(text: string, edits: TextEdit[]): string {
  const d = TextDocument.create('file:///x', 'asl', 1, text);
  return TextDocument.applyEdits(d, edits);
}

const errors = (text: string, languageId: string) =>
  service.validate(doc(text, languageId)).filter((p) => p.severity === 'error').map((p) => `${p.code} ${text.slice(p.offset, p.offset + p.length)}`);

/**
 * The quick fixes offered on the finding `code` covering `at`: their titles (preferred marked with *), and the
 * text after applying the one titled `pick` (the preferred one by default).
 */
function quickFix(text: string, code: string, at: string, { languageId = 'asl', pick }: { languageId?: string; pick?: string } = {}) {
  const d = doc(text, languageId);
  const p = service.validate(d).find((x) => x.code === code && text.slice(x.offset, x.offset + x.length) === at);
  assert.ok(p, `no ${code} on ${at}: ${JSON.stringify(service.validate(d).map((x) => [x.code, text.slice(x.offset, x.offset + x.length)]))}`);
  const range = { start: d.positionAt(p.offset), end: d.positionAt(p.offset + p.length) };
  const actions = service.getCodeActions(d, range, ['quickfix']).filter((a: CodeAction) => a.diagnostics?.[0]?.code === code);
  for (const a of actions) assert.equal(a.kind, 'quickfix');
  const titles = actions.map((a) => (a.isPreferred ? '* ' : '') + a.title);
  const chosen = pick ? actions.find((a) => a.title === pick) : actions.find((a) => a.isPreferred);
  const result = chosen ? apply(text, chosen.edit!.changes![d.uri]) : text;
  return { titles, result, before: errors(text, languageId), after: errors(result, languageId) };
}

/** The fix cleared its finding and added no error. */
function assertCleared(r: { before: string[]; after: string[] }, finding: string) {
  assert.ok(r.before.includes(finding), `${finding} not in ${r.before}`);
  assert.deepEqual(r.after, r.before.filter((f) => f !== finding));
}

describe('paths', () => {
  test('a .$ value written without its $ (inputs.score, .score, [0].uri): offered as the path it means (new-user walk)', () => {
    for (const [written, meant] of [['inputs.score', '$.inputs.score'], ['.score', '$.score'], ['[0].uri', '$[0].uri']]) {
      const r = quickFix(machine(training({ 'TrainingJobName.$': written })), 'invalid-path', written, { pick: `Change to ${meant}` });
      // (No rename: the helper's request has a TrainingJobName already.)
      assert.deepEqual(r.titles, [`Change to ${meant}`]);
      assert.match(r.result, new RegExp(`"TrainingJobName\\.\\$": "${meant.replace(/[$.[\]]/g, '\\$&')}"`));
      assertCleared(r, `invalid-path ${written}`);
    }
    // Not a path of names: no path guessed (and no rename: the helper's request has a TrainingJobName already).
    assert.deepEqual(quickFix(machine(training({ 'TrainingJobName.$': 'my job' })), 'invalid-path', 'my job').titles, []);
    // A name that may be either (ux39: only the path was offered, a read of the input): the value as written first.
    const either = quickFix(machine(training({ TrainingJobName: undefined, 'TrainingJobName.$': 'churn-model' })), 'invalid-path', 'churn-model', { pick: 'Rename to "TrainingJobName": pass the value as written' });
    assert.deepEqual(either.titles, ['Rename to "TrainingJobName": pass the value as written', 'Change to $.churn-model']);
    assert.match(either.result, /"TrainingJobName": "churn-model"/);
    assert.deepEqual(either.after, []);
  });
  test('a value meant as written under a .$ key (an S3 URI): the key loses its .$ (walk37)', () => {
    const uri = 's3://bucket/train/';
    const r = quickFix(machine(training({ InputDataConfig: [{ ChannelName: 'train', DataSource: { S3DataSource: { S3DataType: 'S3Prefix', 'S3Uri.$': uri } } }] })), 'invalid-path', uri, { pick: 'Rename to "S3Uri": pass the value as written' });
    assert.match(r.result, /"S3Uri": "s3:\/\/bucket\/train\/"/);
    assertCleared(r, `invalid-path ${uri}`);
    // A path or an intrinsic call that does not parse keeps its key: the mistake is in the expression.
    assert.deepEqual(quickFix(machine(training({ 'TrainingJobName.$': 'States.Format(' })), 'invalid-intrinsic', 'States.Format(').titles.filter((t) => t.startsWith('Rename')), []);
  });
});

describe('names', () => {
  test('a job name with spaces and underscores: runs of other characters become one hyphen', () => {
    const r = quickFix(machine(training({ TrainingJobName: ' churn__xgb model!' })), 'pattern', '" churn__xgb model!"');
    assert.deepEqual(r.titles, ['* Change to "churn-xgb-model"']);
    assert.match(r.result, /"TrainingJobName": "churn-xgb-model",/);
    assertCleared(r, 'pattern " churn__xgb model!"');
  });
  test('a name holding template placeholders: the same repair in the written parts, the placeholders kept (ux44)', () => {
    const template = (name: string) => `Resources:\n  M:\n    Type: AWS::StepFunctions::StateMachine\n    Properties:\n      DefinitionString: !Sub |\n        {"StartAt": "S", "States": {"S": {"Type": "Task", "Resource": "arn:aws:states:::sagemaker:createTransformJob.sync", "Parameters": {
          "TransformJobName": "${name}", "ModelName": "m", "TransformInput": {"DataSource": {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": "s3://b/in"}}}, "TransformOutput": {"S3OutputPath": "s3://b/out"}, "TransformResources": {"InstanceCount": 1, "InstanceType": "ml.m5.large"}}, "End": true}}}\n`;
    const r = quickFix(template('score_${AWS::StackName}_v2'), 'pattern', 'score_', { languageId: 'yaml' });
    assert.deepEqual(r.titles, ['* Change to "score-${AWS::StackName}-v2"']);
    assert.match(r.result, /"TransformJobName": "score-\$\{AWS::StackName\}-v2"/);
    assertCleared(r, 'pattern score_');
    // No hyphen left at either end of the name; one between placeholders stays.
    const ends = quickFix(template('_${AWS::StackName}__${AWS::Region}!'), 'pattern', '_', { languageId: 'yaml' });
    assert.match(ends.result, /"TransformJobName": "\$\{AWS::StackName\}-\$\{AWS::Region\}"/);
  });
  test('a name pattern elsewhere in the request (ModelName of a transform job) is fixed the same way', () => {
    const text = machine({ TransformJobName: 'batch', ModelName: 'my_model', TransformInput: { DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: 's3://b/in' } } }, TransformOutput: { S3OutputPath: 's3://b/out' }, TransformResources: { InstanceCount: 1, InstanceType: 'ml.m5.large' } }, { resource: 'arn:aws:states:::sagemaker:createTransformJob.sync' });
    const r = quickFix(text, 'pattern', '"my_model"');
    assert.deepEqual(r.titles, ['* Change to "my-model"']);
    assertCleared(r, 'pattern "my_model"');
  });
  test('a name that is too long is offered cut to the maximum the API allows, without a hyphen at the end', () => {
    const long = 'a'.repeat(62) + '-bcdef';
    // Offered, not preferred: a shorter name is another name (ux40), so fix-all leaves it.
    const r = quickFix(machine(training({ TrainingJobName: long })), 'too-long', JSON.stringify(long), { pick: `Shorten to 63 characters: "${'a'.repeat(62)}"` });
    assert.deepEqual(r.titles, [`Shorten to 63 characters: "${'a'.repeat(62)}"`]);
    assert.match(r.result, new RegExp(`"TrainingJobName": "a{62}",`));
    assertCleared(r, `too-long ${JSON.stringify(long)}`);
  });
});

test('a number out of the model\'s range is offered the bound it passes, not preferred (ux44: MaxParallelExecutionSteps 0 had no fix)', () => {
  const r = quickFix(machine(training({ StoppingCondition: { MaxRuntimeInSeconds: 0 } })), 'out-of-range', '0', { pick: 'Change to 1, the least allowed' });
  assert.deepEqual(r.titles, ['Change to 1, the least allowed']);
  assert.match(r.result, /"MaxRuntimeInSeconds": 1\b/);
  assertCleared(r, 'out-of-range 0');
  const high = quickFix(machine(training({ ResourceConfig: { InstanceType: 'ml.m5.large', InstanceCount: 1, VolumeSizeInGB: 30, KeepAlivePeriodInSeconds: 99999 } })), 'out-of-range', '99999', { pick: 'Change to 21600, the most allowed' });
  assert.deepEqual(high.titles, ['Change to 21600, the most allowed']);
  assertCleared(high, 'out-of-range 99999');
});

test('too long text that is not a name: shortening is offered, not preferred (fix-all leaves it)', () => {
  const long = 's3://bucket/' + 'a'.repeat(1100);
  const text = machine(training({ OutputDataConfig: { S3OutputPath: long } }));
  const r = quickFix(text, 'too-long', JSON.stringify(long), { pick: `Shorten to 1024 characters: ${JSON.stringify(long.slice(0, 1024))}` });
  assert.deepEqual(r.titles, [`Shorten to 1024 characters: ${JSON.stringify(long.slice(0, 1024))}`]);
  assertCleared(r, `too-long ${JSON.stringify(long)}`);
  assert.deepEqual(service.fixAll(doc(text)), []);
});

test('shortening counts characters as the length trait does and never splits a surrogate pair', () => {
  const long = 's3://bucket/' + '\u{1F600}'.repeat(1100);
  const short = 's3://bucket/' + '\u{1F600}'.repeat(1012);
  const r = quickFix(machine(training({ OutputDataConfig: { S3OutputPath: long } })), 'too-long', JSON.stringify(long), { pick: `Shorten to 1024 characters: ${JSON.stringify(short)}` });
  assert.deepEqual(r.titles, [`Shorten to 1024 characters: ${JSON.stringify(short)}`]);
  assertCleared(r, `too-long ${JSON.stringify(long)}`);
});

describe('enums', () => {
  test('a value that differs only in case: that value, preferred', () => {
    const r = quickFix(machine(training({ AlgorithmSpecification: { TrainingImage: 'img', TrainingInputMode: 'file' } })), 'enum-value', '"file"');
    assert.deepEqual(r.titles, ['* Change to "File"']);
    assert.match(r.result, /"TrainingInputMode": "File"/);
    assertCleared(r, 'enum-value "file"');
  });
  test('a value without its "ml." (the one value it ends), preferred, and said so in the message (ux39)', () => {
    const r = quickFix(machine(training({ ResourceConfig: { InstanceCount: 1, InstanceType: 'm5.xlarge', VolumeSizeInGB: 10 } })), 'enum-value', '"m5.xlarge"');
    assert.deepEqual(r.titles, ['* Change to "ml.m5.xlarge"']);
    assertCleared(r, 'enum-value "m5.xlarge"');
    // An ending many values have is no answer.
    assert.ok(!quickFix(machine(training({ ResourceConfig: { InstanceCount: 1, InstanceType: 'xlarge', VolumeSizeInGB: 10 } })), 'enum-value', '"xlarge"').titles.some((t) => t.startsWith('*')));
  });
  test('two findings with the same fix (the value in another case, and the rule that wants that value): one action naming both (ux39)', () => {
    const t = { TransformJobName: 't', ModelName: 'm', BatchStrategy: 'MultiRecord', TransformInput: { DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: 's3://b/i' } }, SplitType: 'line' }, TransformOutput: { S3OutputPath: 's3://b/o' }, TransformResources: { InstanceType: 'ml.m5.large', InstanceCount: 1 } };
    const text = machine(t, { resource: 'arn:aws:states:::sagemaker:createTransformJob.sync' });
    const d = doc(text, 'asl');
    const at = text.indexOf('"line"');
    const actions = service.getCodeActions(d, { start: d.positionAt(at), end: d.positionAt(at + 6) }, ['quickfix']);
    assert.deepEqual(actions.map((a: CodeAction) => [a.title, a.isPreferred, a.diagnostics!.map((x) => x.code)]), [['Change to "Line"', true, ['enum-value', 'documented-rule']]]);
  });
  test('a typo: up to three "Did you mean", none preferred', () => {
    const text = machine(training({ ResourceConfig: { InstanceCount: 1, InstanceType: 'ml.m5.larg', VolumeSizeInGB: 10 } }));
    const r = quickFix(text, 'enum-value', '"ml.m5.larg"', { pick: 'Did you mean "ml.m5.large"?' });
    assert.deepEqual(r.titles, ['Did you mean "ml.m5.large"?', 'Did you mean "ml.m5.xlarge"?', 'Did you mean "ml.r5.large"?']);
    assertCleared(r, 'enum-value "ml.m5.larg"');
  });
});

describe('keys', () => {
  test('an unknown key is renamed to the closest member, keeping its value', () => {
    const text = machine(training({ RoleArn: undefined, RoleARN: 'arn:aws:iam::111122223333:role/TrainRole' }));
    const r = quickFix(text, 'unknown-key', '"RoleARN"');
    assert.deepEqual(r.titles, ['* Rename to "RoleArn"']);
    assert.match(r.result, /"RoleArn": "arn:aws:iam::111122223333:role\/TrainRole"/);
    assert.deepEqual(r.after, []);
  });
  test('several candidates at the same distance: one action each, none preferred', () => {
    const text = machine(training({ ResourceConfig: { InstanceCount: 1, InstanceType: 'ml.m5.large', VolumeSizeInGB: 10, KeepAliveSeconds: 1, VolumeKmsKeyIdd: 'k' } }));
    const r = quickFix(text, 'unknown-key', '"VolumeKmsKeyIdd"');
    assert.deepEqual(r.titles, ['* Rename to "VolumeKmsKeyId"']);
    const t2 = machine(training({ ResourceConfig: { InstanceCount: 1, InstanceType: 'ml.m5.large', VolumeSizeInGB: 10, InstanceCounts: 1 } }));
    const r2 = quickFix(t2, 'unknown-key', '"InstanceCounts"');
    // InstanceCount is already there: renaming to it would duplicate the key, so it is not offered.
    assert.ok(!r2.titles.some((t) => t.includes('"InstanceCount"')), r2.titles.join());
  });
  test('a literal JSONPath under a key without .$: the key becomes X.$', () => {
    const r = quickFix(machine(training({ TrainingJobName: '$.jobName' })), 'path-without-dollar-suffix', '"$.jobName"');
    assert.deepEqual(r.titles, ['* Rename to "TrainingJobName.$"']);
    assert.match(r.result, /"TrainingJobName\.\$": "\$\.jobName",/);
    assert.deepEqual(r.after, []);
  });
  test('in a JSONata state: a JSONPath as a value is written as JSONata, and a .$ key becomes the member with it (ux39)', () => {
    const path = quickFix(machine(training({ OutputDataConfig: { S3OutputPath: '$.output' } }), { jsonata: true }), 'path-without-dollar-suffix', '"$.output"');
    assert.deepEqual(path.titles, ['* Write "{% $states.input.output %}"']);
    assert.match(path.result, /"S3OutputPath": "\{% \$states\.input\.output %\}"/);
    assert.deepEqual(path.after, []);
    const key = quickFix(machine(training({ TrainingJobName: undefined, 'TrainingJobName.$': '$.jobName' }), { jsonata: true }), 'unknown-key', '"TrainingJobName.$"');
    assert.deepEqual(key.titles, ['* Write "TrainingJobName": "{% $states.input.jobName %}"']);
    assert.match(key.result, /"TrainingJobName": "\{% \$states\.input\.jobName %\}"/);
    assert.deepEqual(key.after, []);
    // One finding on the key: not "TrainingJobName is required" besides.
    assert.deepEqual(key.before.filter((e) => /TrainingJobName/.test(e)).length, 1, key.before.join('\n'));
    // YAML too.
    const yaml = 'QueryLanguage: JSONata\nStartAt: T\nStates:\n  T:\n    Type: Task\n    Resource: arn:aws:states:::sagemaker:createTrainingJob.sync\n    Arguments:\n      TrainingJobName.$: $.jobName\n    End: true\n';
    const y = quickFix(yaml, 'unknown-key', 'TrainingJobName.$', { languageId: 'asl-yaml' });
    assert.match(y.result, /TrainingJobName: "?\{% \$states\.input\.jobName %\}"?\n/);
  });
});

describe('the Resource', () => {
  const MODEL = { ModelName: 'm', ExecutionRoleArn: 'arn:aws:iam::111122223333:role/R' };
  test('a pattern the API does not have: the resource it has, preferred when there is one answer', () => {
    const r = quickFix(machine(MODEL, { resource: 'arn:aws:states:::sagemaker:createModel.sync' }), 'unsupported-integration-pattern', '"arn:aws:states:::sagemaker:createModel.sync"');
    assert.deepEqual(r.titles, ['* Change to "arn:aws:states:::sagemaker:createModel"']);
    assert.match(r.result, /"Resource": "arn:aws:states:::sagemaker:createModel",/);
    assertCleared(r, 'unsupported-integration-pattern "arn:aws:states:::sagemaker:createModel.sync"');
    const v2 = quickFix(machine(training({}), { resource: 'arn:aws:states:::sagemaker:createTrainingJob.sync:2' }), 'unsupported-integration-pattern', '"arn:aws:states:::sagemaker:createTrainingJob.sync:2"');
    assert.deepEqual(v2.titles, ['* Change to "arn:aws:states:::sagemaker:createTrainingJob.sync"', 'Change to "arn:aws:states:::sagemaker:createTrainingJob"']);
    assertCleared(v2, 'unsupported-integration-pattern "arn:aws:states:::sagemaker:createTrainingJob.sync:2"');
  });
  test('.waitForTaskToken: .sync or request-response, the user\'s choice', () => {
    const r = quickFix(machine(training({}), { resource: 'arn:aws:states:::sagemaker:createTrainingJob.waitForTaskToken' }), 'unsupported-integration-pattern', '"arn:aws:states:::sagemaker:createTrainingJob.waitForTaskToken"');
    assert.deepEqual(r.titles, ['Change to "arn:aws:states:::sagemaker:createTrainingJob.sync"', 'Change to "arn:aws:states:::sagemaker:createTrainingJob"']);
  });
  test('a misspelt API: the one close API, preferred, keeping the partition and .sync; the SDK integration offered', () => {
    const resource = 'arn:aws-cn:states:::sagemaker:createTraningJob.sync';
    const r = quickFix(machine(training({}), { resource }), 'unknown-integration', JSON.stringify(resource));
    // (The SDK integration has no createTraningJob either: not offered.)
    assert.deepEqual(r.titles, ['* Change to "arn:aws-cn:states:::sagemaker:createTrainingJob.sync"']);
    assertCleared(r, `unknown-integration ${JSON.stringify(resource)}`);
  });
  test('an API with no direct integration: the SDK integration, offered, not preferred', () => {
    const r = quickFix(machine({ TrainingJobName: 'j' }, { resource: 'arn:aws:states:::sagemaker:stopTrainingJob' }), 'unknown-integration', '"arn:aws:states:::sagemaker:stopTrainingJob"', { pick: 'Change to "arn:aws:states:::aws-sdk:sagemaker:stopTrainingJob"' });
    assert.deepEqual(r.titles, ['Change to "arn:aws:states:::aws-sdk:sagemaker:stopTrainingJob"']);
    assert.deepEqual(r.after, []);
  });
  test('YAML: the resource written as YAML', () => {
    const text = ['StartAt: M', 'States:', '  M:', '    Type: Task', '    Resource: arn:aws:states:::sagemaker:createModel.sync', '    Parameters: { ModelName: m, ExecutionRoleArn: "arn:aws:iam::111122223333:role/R" }', '    End: true', ''].join('\n');
    const r = quickFix(text, 'unsupported-integration-pattern', 'arn:aws:states:::sagemaker:createModel.sync', { languageId: 'asl-yaml' });
    assert.match(r.result, /\n {4}Resource: arn:aws:states:::sagemaker:createModel\n/);
    assert.deepEqual(r.after, []);
  });
});

describe('types', () => {
  test('a number in quotes where an integer is expected', () => {
    const r = quickFix(machine(training({ ResourceConfig: { InstanceCount: '2', InstanceType: 'ml.m5.large', VolumeSizeInGB: 10 } })), 'wrong-type', '"2"');
    assert.deepEqual(r.titles, ['* Change to 2']);
    assert.match(r.result, /"InstanceCount": 2,/);
    assertCleared(r, 'wrong-type "2"');
  });
  test('a number where a string is expected (HyperParameters values) keeps its digits as written', () => {
    const text = machine(training({ HyperParameters: { eta: 0.2 } })).replace('0.2', '0.20');
    const r = quickFix(text, 'wrong-type', '0.20');
    assert.deepEqual(r.titles, ['* Change to "0.20"']);
    assert.match(r.result, /"eta": "0.20"/);
    assertCleared(r, 'wrong-type 0.20');
  });
  test('"true" in quotes where a boolean is expected', () => {
    const r = quickFix(machine(training({ EnableNetworkIsolation: 'true' })), 'wrong-type', '"true"');
    assert.deepEqual(r.titles, ['* Change to true']);
    assert.match(r.result, /"EnableNetworkIsolation": true/);
    assertCleared(r, 'wrong-type "true"');
  });
  /** The wrong-type finding on `at` and its preferred fix: the message's advice is what the fix writes. */
  function adviceAndFix(text: string, at: string, languageId = 'asl') {
    const p = service.validate(doc(text, languageId)).find((x) => x.code === 'wrong-type' && text.slice(x.offset, x.offset + x.length) === at)!;
    return { message: p.message, ...quickFix(text, 'wrong-type', at, { languageId }) };
  }
  test('the message advises what the fix writes: a number as typed (0.10 stays "0.10", not "0.1")', () => {
    const text = machine(training({ TrainingJobName: 0.1 })).replace('0.1', '0.10');
    const r = adviceAndFix(text, '0.10');
    assert.equal(r.message, 'TrainingJobName must be a string, not a number: write "0.10"');
    assert.deepEqual(r.titles, ['* Change to "0.10"']);
    assert.match(r.result, /"TrainingJobName": "0.10",/);
  });
  test('the same in YAML, where the string is quoted so that it stays a string', () => {
    const yaml = 'StartAt: T\nStates:\n  T:\n    Type: Task\n    Resource: arn:aws:states:::sagemaker:createTrainingJob.sync\n    Parameters:\n      TrainingJobName: x\n      HyperParameters:\n        eta: 0.10\n    End: true\n';
    const r = adviceAndFix(yaml, '0.10', 'asl-yaml');
    assert.equal(r.message, 'HyperParameters value of "eta" must be a string, not a number: write "0.10"');
    assert.deepEqual(r.titles, ['* Change to "0.10"']);
    assert.match(r.result, /\n {8}eta: "0\.10"\n/);
  });
  test('a number in quotes is advised and fixed as the number: "1e3" becomes 1000', () => {
    const r = adviceAndFix(machine(training({ StoppingCondition: { MaxRuntimeInSeconds: '1e3' } })), '"1e3"');
    assert.equal(r.message, 'MaxRuntimeInSeconds must be an integer, not a string: write 1000 without quotes');
    assert.deepEqual(r.titles, ['* Change to 1000']);
    assertCleared(r, 'wrong-type "1e3"');
  });
  test('a fraction in quotes where an integer belongs: neither advice nor fix (1.5 without quotes is still wrong)', () => {
    const r = adviceAndFix(machine(training({ StoppingCondition: { MaxRuntimeInSeconds: '1.5' } })), '"1.5"');
    assert.equal(r.message, 'MaxRuntimeInSeconds must be an integer, not a string');
    assert.deepEqual(r.titles, []);
  });
  test('a number as the value of a ".$" key: no quoting fix (in quotes it would be a string, still no JSONPath); the key without .$, offered (a job name is no number)', () => {
    const r = adviceAndFix(machine(training({ TrainingJobName: undefined, 'TrainingJobName.$': 5 })), '5');
    assert.equal(r.message, 'TrainingJobName.$ must be a string holding a JSONPath or an intrinsic function, not a number');
    assert.deepEqual(r.titles, ['Rename to "TrainingJobName": pass the value as written']);
  });
  test('a number too large for a number in quotes: neither advice nor fix (it would be written as null or .inf)', () => {
    const r = adviceAndFix(machine(training({ StoppingCondition: { MaxRuntimeInSeconds: '1e999' } })), '"1e999"');
    assert.equal(r.message, 'MaxRuntimeInSeconds must be an integer, not a string');
    assert.deepEqual(r.titles, []);
  });
});

describe('missing required members', () => {
  test('multi-line object: after the last member, at its indentation, with values of the right type', () => {
    const r = quickFix(machine(training({ RoleArn: undefined, OutputDataConfig: undefined })), 'missing-required', '"Parameters"', { pick: 'Add missing required parameters' });
    assert.deepEqual(r.titles, ['Add missing required parameters']);
    assert.ok(
      r.result.includes(
        [
          '          "MaxRuntimeInSeconds": 3600',
          '        },',
          '        "RoleArn": "",',
          '        "OutputDataConfig": {',
          '          "S3OutputPath": ""',
          '        }',
          '      },',
        ].join('\n'),
      ),
      r.result,
    );
    // The placeholders are for the user to fill in: empty, so flagged as such, but nothing is missing any more.
    assert.deepEqual(r.after, ['too-short ""', 'pattern ""']);
  });
  test('single-line object: stays on one line', () => {
    const text = machine(training({})).replace(/"OutputDataConfig": \{[^}]*\}/, '"OutputDataConfig": { "KmsKeyId": "alias/k" }');
    const r = quickFix(text, 'missing-required', '"OutputDataConfig"', { pick: 'Add missing required parameters' });
    assert.deepEqual(r.titles, ['Add missing required parameters']);
    assert.match(r.result, /"OutputDataConfig": \{ "KmsKeyId": "alias\/k", "S3OutputPath": "" \},/);
    assert.deepEqual(r.after, ['pattern ""']);
  });
  test('empty object {}: the members on their own lines, one step deeper; nested required members too', () => {
    const text = machine(training({ InputDataConfig: [{}] })).replace(/"InputDataConfig": \[\s*\{\s*\}\s*\]/, '"InputDataConfig": [{}]');
    const r = quickFix(text, 'missing-required', '{}', { pick: 'Add missing required parameters' });
    assert.deepEqual(r.titles, ['Add missing required parameters']);
    assert.match(r.result, /"InputDataConfig": \[\{\n {10}"ChannelName": "",\n {10}"DataSource": \{\}\n {8}\}\]/);
    assert.ok(!r.after.some((e) => e.startsWith('missing-required')), r.after.join('\n'));
  });
  test('a request left null (YAML `Parameters:` with nothing under it, as a new state leaves it) becomes one with its required members (walk32)', () => {
    const yaml = 'StartAt: Score\nStates:\n  Score:\n    Type: Task\n    Resource: arn:aws:states:::sagemaker:createTransformJob.sync\n    Parameters:\n    End: true\n';
    const p = service.validate(doc(yaml, 'asl-yaml')).find((x) => x.code === 'wrong-type')!;
    assert.equal(yaml.slice(p.offset, p.offset + p.length), 'Parameters');
    const r = quickFix(yaml, 'wrong-type', 'Parameters', { languageId: 'asl-yaml', pick: 'Add missing required parameters' });
    assert.deepEqual(r.titles, ['Add missing required parameters']);
    assert.match(r.result, /\n {4}Parameters:\n {6}TransformJobName: ""\n {6}ModelName: ""\n/);
    assert.ok(!r.after.some((e) => e.startsWith('wrong-type') || e.startsWith('missing-required')), r.after.join('\n'));
    // A structure with no required member, a comment after the colon, an empty value in a flow mapping: written so
    // the file still reads (review of the day: fix-all wrote `DataProcessing:{}`), each fix clearing its finding.
    const transform = (lines: string) => `StartAt: Score\nStates:\n  Score:\n    Type: Task\n    Resource: arn:aws:states:::sagemaker:createTransformJob\n    Parameters:\n      TransformJobName: j\n      ModelName: m\n      TransformInput: { DataSource: { S3DataSource: { S3DataType: S3Prefix, S3Uri: "s3://b/i" } } }\n      TransformOutput: { S3OutputPath: "s3://b/o" }\n      TransformResources: { InstanceType: ml.m5.large, InstanceCount: 1 }\n${lines}    End: true\n`;
    for (const [lines, written] of [
      ['      DataProcessing:\n      BatchStrategy: MultiRecord\n', 'DataProcessing: {}\n'],
      ['      DataProcessing: # later\n', 'DataProcessing: {} # later\n'],
      ['      DataCaptureConfig: {}\n      ModelClientConfig: { InvocationsTimeoutInSeconds: 60 }\n      Environment: {}\n      DataProcessing: null\n', 'DataProcessing: {}\n'],
    ]) {
      const text = transform(lines);
      const f = service.validate(doc(text, 'asl-yaml')).find((x) => x.code === 'wrong-type');
      assert.ok(f, text);
      const fixed = quickFix(text, 'wrong-type', text.slice(f.offset, f.offset + f.length), { languageId: 'asl-yaml' });
      assert.ok(fixed.result.includes(written), fixed.result);
      assert.deepEqual(fixed.after, fixed.before.filter((e) => !e.startsWith('wrong-type')), fixed.result);
    }
    const flow = 'StartAt: Score\nStates:\n  Score:\n    Type: Task\n    Resource: arn:aws:states:::sagemaker:createTransformJob\n    Parameters: { TransformJobName: j, ModelName: m, TransformInput: { DataSource: }, TransformOutput: { S3OutputPath: "s3://b/o" }, TransformResources: { InstanceType: ml.m5.large, InstanceCount: 1 } }\n    End: true\n';
    const inFlow = service.validate(doc(flow, 'asl-yaml')).find((x) => x.code === 'wrong-type')!;
    const f2 = quickFix(flow, 'wrong-type', flow.slice(inFlow.offset, inFlow.offset + inFlow.length), { languageId: 'asl-yaml', pick: 'Add missing required parameters' });
    // An enum gets its first value (ux40: "" was an error at once), a string "" to fill in.
    assert.match(f2.result, /DataSource: \{ S3DataSource: \{ S3DataType: ManifestFile, S3Uri: "" \} \}/);
    assert.ok(!f2.after.some((e) => e.startsWith('yaml') || e.startsWith('syntax')), f2.after.join('\n'));
    const json = machine(training({})).replace(/"Parameters": \{[\s\S]*?\n {6}\}/, '"Parameters": null');
    const j = quickFix(json, 'wrong-type', 'null', { pick: 'Add missing required parameters' });
    assert.deepEqual(j.titles, ['Add missing required parameters']);
    assert.ok(!j.after.some((e) => e.startsWith('wrong-type') || e.startsWith('missing-required')), j.after.join('\n'));
  });
  test('a missing enum member gets the first value the documented rules accept beside the request (ux41: Hyperband beside its config)', () => {
    const text = JSON.stringify({ StartAt: 'T', States: { T: { Type: 'Task', Resource: 'arn:aws:states:::sagemaker:createHyperParameterTuningJob.sync', Parameters: {
      HyperParameterTuningJobName: 'tune',
      HyperParameterTuningJobConfig: { StrategyConfig: { HyperbandStrategyConfig: { MinResource: 1, MaxResource: 10 } }, ResourceLimits: { MaxParallelTrainingJobs: 1 } },
    }, End: true } } }, null, 2);
    const r = quickFix(text, 'missing-required', '"HyperParameterTuningJobConfig"', { pick: 'Add missing required parameters' });
    assert.match(r.result, /"Strategy": "Hyperband"/);
  });
  test('a task without Parameters gets them, with the request\'s required members', () => {
    const text = machine(training({})).replace(/ {6}"Parameters": \{[\s\S]*?\n {6}\},\n/, '');
    const r = quickFix(text, 'missing-required', '"Train"', { pick: 'Add missing required parameters' });
    assert.deepEqual(r.titles, ['Add missing required parameters']);
    assert.match(r.result, /"End": true,\n {6}"Parameters": \{\n {8}"TrainingJobName": "",\n {8}"RoleArn": "",\n {8}"OutputDataConfig": \{\n {10}"S3OutputPath": ""\n {8}\}\n {6}\}\n/);
    assert.ok(!r.after.some((e) => e.startsWith('missing-required')), r.after.join('\n'));
  });
});

describe('YAML', () => {
  const yaml = [
    'StartAt: Train',
    'States:',
    '  Train:',
    '    Type: Task',
    '    Resource: arn:aws:states:::sagemaker:createTrainingJob.sync',
    '    Parameters:',
    '      TrainingJobName: churn_xgb',
    '      AlgorithmSpecification: { TrainingImage: img, TrainingInputMode: file }',
    '      OutputDataConfig:',
    '        S3OutputPath: s3://bucket/out',
    '      ResourceConfig:',
    '        InstanceCount: "2"',
    '        InstanceType: ml.m5.large',
    '        VolumeSizeInGB: 10',
    '      StoppingCondition:',
    '        MaxRuntimeInSeconds: 3600',
    '    End: true',
    '',
  ].join('\n');
  test('a name, an enum in a flow mapping and a quoted number, written as YAML', () => {
    const name = quickFix(yaml, 'pattern', 'churn_xgb', { languageId: 'asl-yaml' });
    assert.deepEqual(name.titles, ['* Change to "churn-xgb"']);
    assert.match(name.result, /\n {6}TrainingJobName: churn-xgb\n/);
    const mode = quickFix(yaml, 'enum-value', 'file', { languageId: 'asl-yaml' });
    assert.match(mode.result, /TrainingInputMode: File \}/);
    const count = quickFix(yaml, 'wrong-type', '"2"', { languageId: 'asl-yaml' });
    assert.match(count.result, /\n {8}InstanceCount: 2\n/);
  });
  test('nothing is fixed through an alias (Parameters: *a1): an edit there would break the YAML or change the anchor', () => {
    const text = 'Comment: &a1\n  EndpointConfigName: x\nStartAt: A\nStates:\n  A:\n    Type: Task\n    Resource: arn:aws:states:::sagemaker:createEndpoint\n    Parameters: *a1\n    End: true\n';
    const d = doc(text, 'asl-yaml');
    // (Comment holding a mapping is the structure check's finding: Comment must be a string.)
    assert.deepEqual(service.validate(d).filter((p) => p.source === 'sagemaker').map((p) => p.code), ['missing-required']);
    assert.deepEqual(service.fixAll(d), []);
    assert.deepEqual(service.getCodeActions(d, { start: d.positionAt(0), end: d.positionAt(text.length) }, ['quickfix']), []);
  });
  test('nothing is fixed in members a merge key brings (<<: …): the parser places them at the `<<` entry, which a fix would overwrite', () => {
    const text = yaml.replace('        InstanceCount: "2"\n', '        <<: { InstanceCount: "2", VolumeSizeInGB: "10" }\n').replace('        VolumeSizeInGB: 10\n', '');
    const d = doc(text, 'asl-yaml');
    assert.deepEqual(service.validate(d).filter((p) => p.code === 'wrong-type').map((p) => text.slice(p.offset, p.offset + p.length)), ['<<: { InstanceCount: "2", VolumeSizeInGB: "10" }', '<<: { InstanceCount: "2", VolumeSizeInGB: "10" }']);
    assert.deepEqual(service.getCodeActions(d, { start: d.positionAt(0), end: d.positionAt(text.length) }, ['quickfix']).filter((a: CodeAction) => a.diagnostics?.[0]?.code === 'wrong-type'), []);
    assert.equal(service.fixAll(d).some((e) => d.getText(e.range).startsWith('<<')), false);
  });
  test('missing required members are added as key: value lines', () => {
    const r = quickFix(yaml, 'missing-required', 'Parameters', { languageId: 'asl-yaml', pick: 'Add missing required parameters' });
    assert.deepEqual(r.titles, ['Add missing required parameters']);
    assert.match(r.result, /\n {8}MaxRuntimeInSeconds: 3600\n {6}RoleArn: ""\n {4}End: true/);
    assert.ok(!r.after.some((e) => e.startsWith('missing-required')), r.after.join('\n'));
  });
  test('a mapping that is an item of a block list (`- Key: team`) gets its missing members too, aligned under its first key', () => {
    const text = yaml.replace('    End: true\n', '      RoleArn: arn:aws:iam::111122223333:role/R\n      Tags:\n        - Key: team\n    End: true\n');
    const r = quickFix(text, 'missing-required', 'Key: team', { languageId: 'asl-yaml', pick: 'Add missing required parameters' });
    assert.deepEqual(r.titles, ['Add missing required parameters']);
    assert.match(r.result, /\n {6}Tags:\n {8}- Key: team\n {10}Value: ""\n {4}End: true/);
    assert.ok(!r.after.some((e) => e.startsWith('missing-required')), r.after.join('\n'));
    // The same in flow style, as before.
    const flow = quickFix(text.replace('\n        - Key: team', ' [{Key: team}]'), 'missing-required', '{Key: team}', { languageId: 'asl-yaml', pick: 'Add missing required parameters' });
    assert.match(flow.result, /Tags: \[\{Key: team, Value: ""\}\]/);
  });
});

describe('fix all', () => {
  test('every preferred fix at once, none of the ambiguous ones', () => {
    const text = machine(training({ TrainingJobName: 'churn xgb', RoleArn: undefined, AlgorithmSpecification: { TrainingImage: 'img', TrainingInputMode: 'pipe' }, ResourceConfig: { InstanceCount: '2', InstanceType: 'ml.m5.larg', VolumeSizeInGB: 10 } }));
    const d = doc(text);
    const actions = service.getCodeActions(d, { start: d.positionAt(0), end: d.positionAt(0) }, ['source.fixAll']);
    assert.deepEqual(actions.map((a) => [a.kind, a.title]), [['source.fixAll.sagemaker', 'Fix all SageMaker problems']]);
    const result = apply(text, actions[0].edit!.changes![d.uri]);
    // The missing RoleArn is the user's to write: its insertion is offered, not in fix-all (ux40).
    assert.deepEqual(errors(result, 'asl'), ['enum-value "ml.m5.larg"', 'missing-required "Parameters"']);
    assert.match(result, /"TrainingJobName": "churn-xgb"/);
    assert.match(result, /"TrainingInputMode": "Pipe"/);
    assert.match(result, /"InstanceCount": 2/);
    assert.doesNotMatch(result, /"RoleArn"/);
  });
  test('an AWS SDK integration with .sync: the request-response call, and the optimized integration\'s .sync where it has one; neither preferred (ux44)', () => {
    const task = (resource: string) => JSON.stringify({ StartAt: 'T', States: { T: { Type: 'Task', Resource: resource, Parameters: {}, End: true } } }, null, 2);
    const training = quickFix(task('arn:aws:states:::aws-sdk:sagemaker:createTrainingJob.sync'), 'asl-invalid-resource', '"arn:aws:states:::aws-sdk:sagemaker:createTrainingJob.sync"', { pick: 'Change to "arn:aws:states:::sagemaker:createTrainingJob.sync"' });
    assert.deepEqual(training.titles, ['Change to "arn:aws:states:::sagemaker:createTrainingJob.sync"', 'Change to "arn:aws:states:::aws-sdk:sagemaker:createTrainingJob"']);
    const pkg = quickFix(task('arn:aws:states:::aws-sdk:sagemaker:createModelPackage.sync'), 'asl-invalid-resource', '"arn:aws:states:::aws-sdk:sagemaker:createModelPackage.sync"', { pick: 'Change to "arn:aws:states:::aws-sdk:sagemaker:createModelPackage"' });
    assert.deepEqual(pkg.titles, ['Change to "arn:aws:states:::aws-sdk:sagemaker:createModelPackage"']);
    assert.match(pkg.result, /"Resource": "arn:aws:states:::aws-sdk:sagemaker:createModelPackage"/);
    assert.deepEqual(service.fixAll(doc(task('arn:aws:states:::aws-sdk:sagemaker:createModelPackage.sync'))), []);
  });
  test('what a fix brings to light is fixed in the same fix-all (ux44: a misspelt Resource or Type: task hid the request\'s checks), in JSON and YAML; the scratch text is forgotten', () => {
    const state = (resource: string, type = 'Task') => ({ Type: type, Resource: resource, Parameters: { ProcessingJobName: 'churn_prep 2024', RoleArn: 'arn:aws:iam::111122223333:role/R', AppSpecification: { ImageUri: '111122223333.dkr.ecr.us-east-1.amazonaws.com/p:1' }, ProcessingResources: { ClusterConfig: { InstanceCount: '2', InstanceType: 'ML.M5.XLARGE', VolumeSizeInGB: 30 } } }, End: true });
    for (const [s, languageId] of [[state('arn:aws:states:::sagemaker:createProcesingJob.sync'), 'asl'], [state('arn:aws:states:::sagemaker:createProcessingJob.sync', 'task'), 'asl']] as const) {
      const text = JSON.stringify({ StartAt: 'P', States: { P: s } }, null, 2);
      const d = doc(text);
      const result = apply(text, service.getCodeActions(d, { start: d.positionAt(0), end: d.positionAt(0) }, ['source.fixAll.sagemaker'])[0].edit!.changes![d.uri]);
      assert.deepEqual(errors(result, languageId), [], result);
      assert.match(result, /"ProcessingJobName": "churn-prep-2024"/);
      assert.match(result, /"InstanceCount": 2,/);
      assert.match(result, /"InstanceType": "ml\.m5\.xlarge"/);
    }
    const yaml = 'StartAt: P\nStates:\n  P:\n    Type: task\n    Resource: arn:aws:states:::sagemaker:createProcessingJob.sync\n    Parameters:\n      ProcessingJobName: churn_prep\n      RoleArn: arn:aws:iam::111122223333:role/R\n      AppSpecification:\n        ImageUri: 111122223333.dkr.ecr.us-east-1.amazonaws.com/p:1\n      ProcessingResources:\n        ClusterConfig:\n          InstanceCount: 1\n          InstanceType: ML.M5.XLARGE\n          VolumeSizeInGB: 30\n    End: true\n';
    const y = apply(yaml, service.fixAll(doc(yaml, 'asl-yaml')));
    assert.equal(y, yaml.replace('task', 'Task').replace('churn_prep', 'churn-prep').replace('ML.M5.XLARGE', 'ml.m5.xlarge'));
  });
  test('a misspelt key of a missing member is renamed, not added again; two misspellings of one member: one rename', () => {
    const text = machine(training({ RoleArn: undefined, RoleARN: 'arn:aws:iam::111122223333:role/R', Rolearn: 'x' }));
    const result = apply(text, service.fixAll(doc(text)));
    assert.match(result, /"RoleArn": "arn:aws:iam::111122223333:role\/R",\n {8}"Rolearn": "x"/);
    assert.deepEqual(errors(result, 'asl'), ['unknown-key "Rolearn"']);
  });
  test('its own kind, source.fixAll.sagemaker: offered for it and for the kinds that include it, not for another fix-all', () => {
    const text = machine(training({ TrainingJobName: 'churn xgb' }));
    const d = doc(text);
    const kinds = (only: string[]) => service.getCodeActions(d, { start: d.positionAt(0), end: d.positionAt(0) }, only).map((a) => a.kind);
    for (const only of [['source.fixAll.sagemaker'], ['source.fixAll'], ['source']]) assert.deepEqual(kinds(only), ['source.fixAll.sagemaker'], only[0]);
    for (const only of [['source.fixAll.eslint'], ['source.organizeImports'], ['quickfix']]) assert.deepEqual(kinds(only), [], only[0]);
  });
  test('fixAll returns the same edits for the CLI', () => {
    const text = machine(training({ TrainingJobName: 'churn xgb' }));
    assert.equal(apply(text, service.fixAll(doc(text))), text.replace('churn xgb', 'churn-xgb'));
  });
  test('nothing to fix: no action', () => {
    const text = machine(training({}));
    const d = doc(text);
    assert.deepEqual(service.getCodeActions(d, { start: d.positionAt(0), end: d.positionAt(text.length) }, ['source.fixAll', 'quickfix']), []);
  });
});

describe('ASL fixes', () => {
  test('a state with neither Next nor End: "End": true added (offered), in JSON and YAML', () => {
    const text = JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Pass', Next: 'B' }, B: { Type: 'Pass' } } }, null, 2);
    const r = quickFix(text, 'asl-missing-field', '"B"', { pick: 'Add "End": true' });
    assert.deepEqual(r.titles, ['Add "End": true']);
    assert.match(r.result, /"B": \{\s*"Type": "Pass",\s*"End": true\s*\}/);
    // The machine had no terminal state either: that goes too.
    assert.deepEqual(r.before, ['asl-no-terminal-state "States"', 'asl-missing-field "B"']);
    assert.deepEqual(r.after, []);
    const yaml = 'StartAt: A\nStates:\n  A:\n    Type: Pass\n    Next: B\n  B:\n    Type: Pass\n';
    const y = quickFix(yaml, 'asl-missing-field', 'B', { languageId: 'asl-yaml', pick: 'Add "End": true' });
    assert.equal(y.result, 'StartAt: A\nStates:\n  A:\n    Type: Pass\n    Next: B\n  B:\n    Type: Pass\n    End: true\n');
    // "End": false is the user's to change: no second End.
    const no = quickFix(JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Pass', End: false } } }), 'asl-missing-field', '"A"');
    assert.deepEqual(no.titles, []);
  });
  test('a {% $states… %} string in a JSONPath state is passed on as text: a warning, and the JSONPath it means under X.$ (ux41)', () => {
    const pass = JSON.stringify({ StartAt: 'P', States: { P: { Type: 'Pass', Parameters: { 'job': '{% $states.input.jobName %}', template: '{% if ready %}go{% endif %}' }, End: true } } }, null, 2);
    const r = quickFix(pass, 'asl-jsonata-in-jsonpath-state', '"{% $states.input.jobName %}"', { pick: 'Write "job.$": "$.jobName"' });
    assert.deepEqual(r.titles, ['Write "job.$": "$.jobName"']);
    assert.match(r.result, /"job\.\$": "\$\.jobName"/);
    // A Jinja template for a later step is text meant as text.
    assert.deepEqual(r.before, []);
    assert.equal(service.validate(doc(pass)).filter((p) => p.code === 'asl-jsonata-in-jsonpath-state').length, 1);
    // In a ResultSelector `$` is the result; $states.input there has no JSONPath, so no fix.
    const task = (selector: object) => JSON.stringify({ StartAt: 'T', States: { T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: 'f' }, ResultSelector: selector, End: true } } }, null, 2);
    assert.match(quickFix(task({ arn: '{% $states.result.Payload.arn %}' }), 'asl-jsonata-in-jsonpath-state', '"{% $states.result.Payload.arn %}"', { pick: 'Write "arn.$": "$.Payload.arn"' }).result, /"arn\.\$": "\$\.Payload\.arn"/);
    assert.deepEqual(quickFix(task({ id: '{% $states.input.id %}' }), 'asl-jsonata-in-jsonpath-state', '"{% $states.input.id %}"').titles, []);
    // A state's own field takes the path through its …Path twin, not .$ (ux44: "Seconds.$" is no field of a Wait).
    const wait = JSON.stringify({ StartAt: 'W', States: { W: { Type: 'Wait', Seconds: '{% $states.input.delay %}', End: true } } }, null, 2);
    const w = quickFix(wait, 'asl-jsonata-in-jsonpath-state', '"{% $states.input.delay %}"', { pick: 'Write "SecondsPath": "$.delay"' });
    assert.match(w.result, /"SecondsPath": "\$\.delay"/);
    assert.deepEqual(w.after, []);
    const fail = JSON.stringify({ StartAt: 'F', States: { F: { Type: 'Fail', Error: '{% $states.input.code %}' } } }, null, 2);
    assert.match(quickFix(fail, 'asl-jsonata-in-jsonpath-state', '"{% $states.input.code %}"', { pick: 'Write "ErrorPath": "$.code"' }).result, /"ErrorPath": "\$\.code"/);
    // A field with no path twin: no fix.
    const comment = JSON.stringify({ StartAt: 'P', States: { P: { Type: 'Pass', InputPath: '$', Parameters: '{% $states.input %}', End: true } } }, null, 2);
    assert.deepEqual(quickFix(comment, 'asl-jsonata-in-jsonpath-state', '"{% $states.input %}"').titles, []);
  });
  test('a JSONPath-only field of a plain path in a JSONata state: its twin with the expression reading the same, offered (ux44)', () => {
    const state = (fields: object, type = 'Wait') => JSON.stringify({ QueryLanguage: 'JSONata', StartAt: 'S', States: { S: { Type: type, ...fields, End: true } } }, null, 2);
    const w = quickFix(state({ SecondsPath: '$.delay' }), 'asl-wrong-query-language', '"SecondsPath"', { pick: 'Write "Seconds": "{% $states.input.delay %}"' });
    assert.deepEqual(w.titles, ['Write "Seconds": "{% $states.input.delay %}"']);
    assert.match(w.result, /"Seconds": "\{% \$states\.input\.delay %\}"/);
    assert.deepEqual(w.after, []);
    assert.match(service.validate(doc(state({ SecondsPath: '$.delay' }))).find((p) => p.code === 'asl-wrong-query-language')!.message, /^SecondsPath is a JSONPath field; this state uses JSONata: use "Seconds": "\{% \$states\.input\.delay %\}"/);
    const ts = quickFix(state({ TimestampPath: "$.at['due date']" }), 'asl-wrong-query-language', '"TimestampPath"', { pick: 'Write "Timestamp": "{% $states.input.at.`due date` %}"' });
    assert.deepEqual(ts.after, []);
    const map = (fields: object) => state({ ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }, ...fields }, 'Map');
    const items = quickFix(map({ ItemsPath: '$$.Execution.Input.items' }), 'asl-wrong-query-language', '"ItemsPath"', { pick: 'Write "Items": "{% $states.context.Execution.Input.items %}"' });
    assert.deepEqual(items.after, []);
    for (const f of ['MaxConcurrency', 'ToleratedFailureCount', 'ToleratedFailurePercentage'])
      assert.deepEqual(quickFix(map({ [`${f}Path`]: '$.n' }), 'asl-wrong-query-language', `"${f}Path"`).titles, [`Write "${f}": "{% $states.input.n %}"`]);
    const task = (fields: object) => state({ Resource: 'arn:aws:states:::lambda:invoke', Arguments: { FunctionName: 'f' }, ...fields }, 'Task');
    for (const f of ['TimeoutSeconds', 'HeartbeatSeconds']) assert.deepEqual(quickFix(task({ [`${f}Path`]: '$.t' }), 'asl-wrong-query-language', `"${f}Path"`).titles, [`Write "${f}": "{% $states.input.t %}"`]);
    const fail = JSON.stringify({ QueryLanguage: 'JSONata', StartAt: 'F', States: { F: { Type: 'Fail', ErrorPath: '$.code' } } }, null, 2);
    assert.deepEqual(quickFix(fail, 'asl-wrong-query-language', '"ErrorPath"', { pick: 'Write "Error": "{% $states.input.code %}"' }).after, []);
    // A path JSONata has no one rewriting of (a wildcard, an intrinsic), or a twin already there: no fix.
    assert.deepEqual(quickFix(map({ ItemsPath: '$.orders[*].lines' }), 'asl-wrong-query-language', '"ItemsPath"').titles, []);
    assert.deepEqual(quickFix(fail.replace('"$.code"', '"States.Format(\'E{}\', $.c)"'), 'asl-wrong-query-language', '"ErrorPath"').titles, []);
    assert.deepEqual(quickFix(state({ Seconds: 5, SecondsPath: '$.delay' }), 'asl-wrong-query-language', '"SecondsPath"').titles, []);
    // In YAML, and a reader's MaxItemsPath.
    const yaml = 'QueryLanguage: JSONata\nStartAt: W\nStates:\n  W:\n    Type: Wait\n    SecondsPath: $.delay\n    End: true\n';
    const y = quickFix(yaml, 'asl-wrong-query-language', 'SecondsPath', { languageId: 'asl-yaml', pick: 'Write "Seconds": "{% $states.input.delay %}"' });
    assert.equal(y.result, yaml.replace('SecondsPath: $.delay', 'Seconds: "{% $states.input.delay %}"'));
    const reader = map({ ItemReader: { Resource: 'arn:aws:states:::s3:getObject', ReaderConfig: { InputType: 'JSON', MaxItemsPath: '$.max' }, Arguments: { Bucket: 'b', Key: 'k' } } }).replace('"ItemProcessor": {', '"ItemProcessor": { "ProcessorConfig": { "Mode": "DISTRIBUTED", "ExecutionType": "STANDARD" },');
    assert.deepEqual(quickFix(reader, 'asl-wrong-query-language', '"MaxItemsPath"', { pick: 'Write "MaxItems": "{% $states.input.max %}"' }).after, []);
  });
  test('a JSONPath Choice rule in a JSONata state, one Variable and a literal: the Condition it means, offered on either key (ux44)', () => {
    const choice = (rule: object) => JSON.stringify({ QueryLanguage: 'JSONata', StartAt: 'C', States: { C: { Type: 'Choice', Choices: [{ ...rule, Next: 'D' }], Default: 'D' }, D: { Type: 'Succeed' } } }, null, 2);
    const condition = (rule: object) => quickFix(choice(rule), 'asl-wrong-query-language', '"Variable"').titles;
    const r = quickFix(choice({ Variable: '$.ok', BooleanEquals: true }), 'asl-wrong-query-language', '"Variable"', { pick: 'Write "Condition": "{% $states.input.ok = true %}"' });
    assert.deepEqual(r.titles, ['Write "Condition": "{% $states.input.ok = true %}"']);
    assert.deepEqual(r.after, []);
    assert.doesNotMatch(r.result, /BooleanEquals/);
    assert.deepEqual(quickFix(choice({ Variable: '$.ok', BooleanEquals: true }), 'asl-wrong-query-language', '"BooleanEquals"').titles, ['Write "Condition": "{% $states.input.ok = true %}"']);
    // The comparison before the Variable, and last.
    assert.deepEqual(quickFix(choice({ NumericLessThan: 5, Variable: '$.n' }), 'asl-wrong-query-language', '"Variable"', { pick: 'Write "Condition": "{% $states.input.n < 5 %}"' }).after, []);
    const cases: [object, string][] = [
      [{ Variable: '$.s', StringEquals: 'a "b"' }, '{% $states.input.s = "a \\"b\\"" %}'],
      [{ Variable: '$.s', StringGreaterThanEquals: 'm' }, '{% $states.input.s >= "m" %}'],
      [{ Variable: '$.n', NumericEquals: 1.5 }, '{% $states.input.n = 1.5 %}'],
      [{ Variable: '$.n', NumericGreaterThan: -2 }, '{% $states.input.n > -2 %}'],
      [{ Variable: '$.a[0].b', IsPresent: true }, '{% $exists($states.input.a[0].b) %}'],
      [{ Variable: '$.a', IsPresent: false }, '{% $not($exists($states.input.a)) %}'],
      [{ Variable: '$.a', IsNull: true }, '{% $states.input.a = null %}'],
      [{ Variable: '$.a', IsString: true }, '{% $type($states.input.a) = "string" %}'],
      [{ Variable: '$.a', IsNumeric: false }, '{% $not($type($states.input.a) = "number") %}'],
      [{ Variable: '$x', BooleanEquals: false }, '{% $x = false %}'],
    ];
    for (const [rule, want] of cases) {
      assert.deepEqual(condition(rule), [`Write "Condition": "${want}"`], JSON.stringify(rule));
      const fixed = quickFix(choice(rule), 'asl-wrong-query-language', '"Variable"', { pick: `Write "Condition": "${want}"` });
      assert.equal(JSON.parse(fixed.result).States.C.Choices[0].Condition, want);
      assert.deepEqual(fixed.after, [], JSON.stringify(rule));
    }
    // What has no one exact Condition: a pattern, a timestamp, a …Path comparison, a path with a wildcard, a literal of another type.
    for (const rule of [{ Variable: '$.s', StringMatches: 'a*' }, { Variable: '$.t', TimestampEquals: '2024-01-01T00:00:00Z' }, { Variable: '$.a', NumericEqualsPath: '$.b' }, { Variable: '$.a[*]', IsPresent: true }, { Variable: '$.a', NumericEquals: '1' }, { Variable: '$.t', IsTimestamp: true }])
      assert.deepEqual(condition(rule), [], JSON.stringify(rule));
    // In YAML, the comparison's line goes.
    const yaml = 'QueryLanguage: JSONata\nStartAt: C\nStates:\n  C:\n    Type: Choice\n    Choices:\n      - Variable: $.ok\n        BooleanEquals: true\n        Next: D\n    Default: D\n  D:\n    Type: Succeed\n';
    const y = quickFix(yaml, 'asl-wrong-query-language', 'Variable', { languageId: 'asl-yaml', pick: 'Write "Condition": "{% $states.input.ok = true %}"' });
    assert.equal(y.result, yaml.replace('Variable: $.ok\n        BooleanEquals: true\n', 'Condition: "{% $states.input.ok = true %}"\n'));
    assert.deepEqual(y.after, []);
  });
  test('{% %} in a JSONPath SageMaker request: a variable read as one, and an integer member\'s type finding with the same way out (ux41)', () => {
    const training = (params: Record<string, unknown>) => JSON.stringify({ StartAt: 'T', States: { T: { Type: 'Task', Resource: 'arn:aws:states:::sagemaker:createTrainingJob.sync', Parameters: { TrainingJobName: 'j', RoleArn: 'arn:aws:iam::111122223333:role/R', AlgorithmSpecification: { TrainingImage: '382416733822.dkr.ecr.us-east-1.amazonaws.com/xgboost:1', TrainingInputMode: 'File' }, OutputDataConfig: { S3OutputPath: 's3://b/o' }, ResourceConfig: { InstanceCount: 1, InstanceType: 'ml.m5.xlarge', VolumeSizeInGB: 30 }, StoppingCondition: { MaxRuntimeInSeconds: 3600 }, ...params }, End: true } } }, null, 2);
    const v = quickFix(training({ HyperParameters: { max_depth: '{% $depth %}' } }), 'jsonata-in-jsonpath-state', '"{% $depth %}"', { pick: 'Write "max_depth.$": "$depth"' });
    assert.match(v.result, /"max_depth\.\$": "\$depth"/);
    // A JSONata function is no variable.
    assert.deepEqual(quickFix(training({ HyperParameters: { seed: '{% $now %}' } }), 'jsonata-in-jsonpath-state', '"{% $now %}"').titles, []);
    const n = training({}).replace('"InstanceCount": 1', '"InstanceCount": "{% $states.input.count %}"');
    const d = doc(n);
    assert.match(service.validate(d).find((p) => p.code === 'wrong-type')!.message, /^InstanceCount must be an integer, not a string: "\{% \$states\.input\.count %\}" is a JSONata expression, which only a JSONata state evaluates, and this JSONPath state sends it as text \(set "QueryLanguage": "JSONata" on the state, or write "InstanceCount\.\$": "\$\.count"\)$/);
    const r = quickFix(n, 'wrong-type', '"{% $states.input.count %}"', { pick: 'Write "InstanceCount.$": "$.count"' });
    assert.deepEqual(r.titles, ['Write "InstanceCount.$": "$.count"']);
    assert.match(r.result, /"InstanceCount\.\$": "\$\.count"/);
  });
  test('a JSONPath x.$ in a JSONata Assign: the variable, with the JSONata of what its path read (a Task\'s result, a catcher\'s error output; ux41)', () => {
    const text = JSON.stringify({ QueryLanguage: 'JSONata', StartAt: 'T', States: { T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Arguments: { FunctionName: 'f' }, Assign: { 'lastArn.$': '$.Payload.arn' }, Catch: [{ ErrorEquals: ['States.ALL'], Assign: { 'why.$': '$.Cause' }, Next: 'F' }], End: true }, F: { Type: 'Fail' } } }, null, 2);
    const own = quickFix(text, 'asl-invalid-variable-name', '"lastArn.$"', { pick: 'Write "lastArn": "{% $states.result.Payload.arn %}"' });
    assert.deepEqual(own.titles, ['Write "lastArn": "{% $states.result.Payload.arn %}"']);
    assert.match(own.result, /"lastArn": "\{% \$states\.result\.Payload\.arn %\}"/);
    assert.match(quickFix(text, 'asl-invalid-variable-name', '"why.$"', { pick: 'Write "why": "{% $states.errorOutput.Cause %}"' }).result, /"why": "\{% \$states\.errorOutput\.Cause %\}"/);
  });
  test('an integration ARN a colon short: the message and the fix name the integration its service and action mean (walk40)', () => {
    const text = JSON.stringify({ StartAt: 'T', States: { T: { Type: 'Task', Resource: 'arn:aws:states::sagemaker:createTrainingJob.sync', End: true } } }, null, 2);
    const r = quickFix(text, 'asl-invalid-resource', '"arn:aws:states::sagemaker:createTrainingJob.sync"', { pick: 'Change to "arn:aws:states:::sagemaker:createTrainingJob.sync"' });
    assert.deepEqual(r.titles, ['Change to "arn:aws:states:::sagemaker:createTrainingJob.sync"']);
    assert.match(r.result, /"Resource": "arn:aws:states:::sagemaker:createTrainingJob\.sync"/);
    assert.ok(!r.after.some((e) => e.startsWith('asl-invalid-resource')), r.after.join());
    const d = doc(text);
    assert.match(service.validate(d).find((p) => p.code === 'asl-invalid-resource')!.message, /names no integration: write arn:aws:states:::service:action, as arn:aws:states:::sagemaker:createTrainingJob\.sync\? \(INVALID_RESOURCE\)$/);
    // Two colons short (ux41): the same.
    const two = text.replace('arn:aws:states::sagemaker', 'arn:aws:states:sagemaker');
    assert.deepEqual(quickFix(two, 'asl-invalid-resource', '"arn:aws:states:sagemaker:createTrainingJob.sync"').titles, ['Change to "arn:aws:states:::sagemaker:createTrainingJob.sync"']);
    // A region where none goes is left out of the suggestion; what names no service gets none (review of the day).
    const region = text.replace('arn:aws:states::sagemaker', 'arn:aws:states:us-east-1:sagemaker');
    assert.deepEqual(quickFix(region, 'asl-invalid-resource', '"arn:aws:states:us-east-1:sagemaker:createTrainingJob.sync"').titles, ['Change to "arn:aws:states:::sagemaker:createTrainingJob.sync"']);
    const account = text.replace('arn:aws:states::sagemaker:createTrainingJob.sync', 'arn:aws:states:us-east-1:123456789012:lambda');
    assert.deepEqual(quickFix(account, 'asl-invalid-resource', '"arn:aws:states:us-east-1:123456789012:lambda"').titles, []);
  });
  test('an error name where ErrorEquals lists them: the list of it (preferred); a .$ key holding a number: the key without .$ (ux40)', () => {
    const text = JSON.stringify({ StartAt: 'T', States: { T: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:111122223333:function:f', Retry: [{ ErrorEquals: 'States.ALL' }], End: true } } }, null, 2);
    const r = quickFix(text, 'asl-invalid-value', '"States.ALL"');
    assert.deepEqual(r.titles, ['* Change to ["States.ALL"]']);
    assert.match(r.result, /"ErrorEquals": \[\s*"States\.ALL"\s*\]/);
    assertCleared(r, 'asl-invalid-value "States.ALL"');
    // Names written with commas apart, a predefined one in another case (ux41); an empty string has no list.
    const retry = (errors: string) => JSON.stringify({ StartAt: 'T', States: { T: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:111122223333:function:f', Retry: [{ ErrorEquals: errors }], End: true } } }, null, 2);
    assert.match(quickFix(retry('States.TaskFailed, states.timeout'), 'asl-invalid-value', '"States.TaskFailed, states.timeout"').result, /"ErrorEquals": \[\s*"States\.TaskFailed",\s*"States\.Timeout"\s*\]/);
    assert.deepEqual(quickFix(retry(''), 'asl-invalid-value', '""').titles, []);
    // Fix-all applies it, as every preferred fix.
    assert.match(apply(retry('States.ALL'), service.fixAll(doc(retry('States.ALL')))), /"ErrorEquals": \[\s*"States\.ALL"\s*\]/);
    const count = quickFix(machine(training({ ResourceConfig: { InstanceType: 'ml.m5.xlarge', 'InstanceCount.$': 1, VolumeSizeInGB: 30 } })), 'wrong-type', '1');
    assert.deepEqual(count.titles, ['* Rename to "InstanceCount": pass the value as written']);
    assertCleared(count, 'wrong-type 1');
    // In quotes, the value as the number it plainly is (ux41: the key lost its .$ and kept the quotes, a wrong type).
    const quoted = quickFix(machine(training({ ResourceConfig: { InstanceType: 'ml.m5.xlarge', 'InstanceCount.$': '1', VolumeSizeInGB: 30 } })), 'invalid-path', '1');
    assert.equal(quoted.titles[0], '* Write "InstanceCount": 1');
    assert.match(quoted.result, /"InstanceCount": 1,/);
    assert.deepEqual(quoted.after, []);
    // Where the member takes no number, offered only: 'a number as the value of a ".$" key' below.
  });
  test('a flag or count written in quotes ("End": "true", "TimeoutSeconds": "30", "BooleanEquals": "false"): the value without them (preferred), in JSON and YAML', () => {
    const text = JSON.stringify({ StartAt: 'S', States: { S: { Type: 'Pass', End: 'true' } } }, null, 2);
    const r = quickFix(text, 'asl-invalid-value', '"true"');
    assert.deepEqual(r.titles, ['* Change to true']);
    assert.match(r.result, /"End": true/);
    // One finding: the value plainly means true, so the state is no state without an end besides (ux39).
    assert.deepEqual(r.before, ['asl-invalid-value "true"']);
    assert.deepEqual(r.after, []);
    const yaml = 'StartAt: S\nStates:\n  S:\n    Type: Pass\n    End: "true"\n';
    assert.equal(quickFix(yaml, 'asl-invalid-value', '"true"', { languageId: 'asl-yaml' }).result, 'StartAt: S\nStates:\n  S:\n    Type: Pass\n    End: true\n');
    const task = (fields: object) => JSON.stringify({ StartAt: 'T', States: { T: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:111122223333:function:f', ...fields, End: true } } }, null, 2);
    const timeout = quickFix(task({ TimeoutSeconds: '30' }), 'asl-invalid-value', '"30"');
    assert.deepEqual(timeout.titles, ['* Change to 30']);
    assertCleared(timeout, 'asl-invalid-value "30"');
    const choice = JSON.stringify({ StartAt: 'C', States: { C: { Type: 'Choice', Choices: [{ Variable: '$.ok', BooleanEquals: 'false', Next: 'D' }], Default: 'D' }, D: { Type: 'Succeed' } } }, null, 2);
    assertCleared(quickFix(choice, 'asl-invalid-value', '"false"'), 'asl-invalid-value "false"');
    // Only what plainly reads as the value, and stays allowed: no guess for "yes", "0x1E", "1.5" seconds, a
    // TimeoutSeconds of "0" (at least 1) or "End": "false" (End must be true).
    assert.deepEqual(quickFix(text.replace('"true"', '"yes"'), 'asl-invalid-value', '"yes"').titles, []);
    for (const v of ['0x1E', '1.5', '0']) assert.deepEqual(quickFix(task({ TimeoutSeconds: v }), 'asl-invalid-value', `"${v}"`).titles, [], v);
    assert.deepEqual(quickFix(text.replace('"true"', '"false"'), 'asl-invalid-value', '"false"').titles, []);
    // YAML 1.1's plain yes/on (a string in YAML 1.2) plainly means true (ux42); a quoted 'yes' is meant as text.
    assert.equal(quickFix(yaml.replace('"true"', 'yes'), 'asl-invalid-value', 'yes', { languageId: 'asl-yaml' }).result, 'StartAt: S\nStates:\n  S:\n    Type: Pass\n    End: true\n');
    assert.deepEqual(quickFix(yaml.replace('"true"', "'yes'"), 'asl-invalid-value', "'yes'", { languageId: 'asl-yaml' }).titles, []);
  });
  test('a {% %} string with a space or a line break around it (a warning): the expression without them (preferred), in JSON and YAML', () => {
    const text = JSON.stringify({ QueryLanguage: 'JSONata', StartAt: 'P', States: { P: { Type: 'Pass', Output: { a: ' {% $states.input.a %} ' }, End: true } } }, null, 2);
    const r = quickFix(text, 'asl-invalid-jsonata', '" {% $states.input.a %} "');
    assert.deepEqual(r.titles, ['* Remove the space around {% … %}']);
    assert.equal(JSON.parse(r.result).States.P.Output.a, '{% $states.input.a %}');
    assert.deepEqual(service.validate(doc(r.result)).filter((x) => x.code === 'asl-invalid-jsonata'), []);
    // A YAML block scalar's last line break.
    const yaml = 'QueryLanguage: JSONata\nStartAt: P\nStates:\n  P:\n    Type: Pass\n    Output:\n      a: |\n        {% $states.input.a %}\n    End: true\n';
    const y = quickFix(yaml, 'asl-invalid-jsonata', '|\n        {% $states.input.a %}', { languageId: 'asl-yaml' });
    assert.deepEqual(service.validate(doc(y.result, 'asl-yaml')).filter((x) => x.code === 'asl-invalid-jsonata'), []);
    assert.match(y.result, /a: "?\{% \$states\.input\.a %\}"?\n/);
  });
  test("a space between an intrinsic's name and its \"(\" (a warning): removed (preferred), in a Pass state and a SageMaker request", () => {
    const text = JSON.stringify({ StartAt: 'P', States: { P: { Type: 'Pass', Parameters: { 'id.$': "States.Format('run-{}', States.UUID ())" }, End: true } } }, null, 2);
    const r = quickFix(text, 'invalid-intrinsic', ' ');
    assert.deepEqual(r.titles, ['* Remove the space before "("']);
    assert.equal(JSON.parse(r.result).States.P.Parameters['id.$'], "States.Format('run-{}', States.UUID())");
    assert.deepEqual(service.validate(doc(r.result)).filter((x) => x.code === 'invalid-intrinsic'), []);
    const yaml = `StartAt: T\nStates:\n  T:\n    Type: Task\n    Resource: arn:aws:states:::sagemaker:createModel\n    Parameters:\n      ModelName.$: States.Format\t('m-{}', $.id)\n      ExecutionRoleArn: arn:aws:iam::123456789012:role/r\n    End: true\n`;
    const y = quickFix(yaml, 'invalid-intrinsic', '\t', { languageId: 'asl-yaml' });
    assert.match(y.result, /ModelName\.\$: States\.Format\('m-\{\}', \$\.id\)\n/);
  });
  test('a Distributed Map field on an inline Map: the Map made distributed, or the field removed (both offered), in JSON and YAML', () => {
    const body = { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } };
    const reader = { Resource: 'arn:aws:states:::s3:getObject', ReaderConfig: { InputType: 'JSON' }, Parameters: { Bucket: 'b', Key: 'k' } };
    const text = JSON.stringify({ StartAt: 'M', States: { M: { Type: 'Map', ItemProcessor: body, ItemReader: reader, End: true } } }, null, 2);
    const r = quickFix(text, 'asl-distributed-only-field', '"ItemReader"', { pick: 'Run this Map distributed ("Mode": "DISTRIBUTED")' });
    assert.deepEqual(r.titles, ['Run this Map distributed ("Mode": "DISTRIBUTED")', 'Remove ItemReader']);
    assert.deepEqual(JSON.parse(r.result).States.M.ItemProcessor.ProcessorConfig, { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' });
    assert.deepEqual(r.after, []);
    const removed = quickFix(text, 'asl-distributed-only-field', '"ItemReader"', { pick: 'Remove ItemReader' });
    assert.equal(JSON.parse(removed.result).States.M.ItemReader, undefined);
    // "Mode": "INLINE" becomes DISTRIBUTED; an ExecutionType already there is kept.
    const inline = JSON.stringify({ StartAt: 'M', States: { M: { Type: 'Map', ItemProcessor: { ProcessorConfig: { Mode: 'INLINE', ExecutionType: 'EXPRESS' }, ...body }, Label: 'L', End: true } } }, null, 2);
    const i = quickFix(inline, 'asl-distributed-only-field', '"Label"', { pick: 'Run this Map distributed ("Mode": "DISTRIBUTED")' });
    assert.deepEqual(JSON.parse(i.result).States.M.ItemProcessor.ProcessorConfig, { Mode: 'DISTRIBUTED', ExecutionType: 'EXPRESS' });
    const yaml = 'StartAt: M\nStates:\n  M:\n    Type: Map\n    ItemProcessor:\n      ProcessorConfig:\n        Mode: INLINE\n      StartAt: P\n      States:\n        P:\n          Type: Pass\n          End: true\n    ToleratedFailurePercentage: 5\n    End: true\n';
    const y = quickFix(yaml, 'asl-distributed-only-field', 'ToleratedFailurePercentage', { languageId: 'asl-yaml', pick: 'Run this Map distributed ("Mode": "DISTRIBUTED")' });
    assert.equal(y.result, yaml.replace('        Mode: INLINE\n', '        Mode: DISTRIBUTED\n        ExecutionType: STANDARD\n'));
    assert.deepEqual(y.after, []);
    // Under Iterator, ItemProcessor's older name: its ProcessorConfig, where AWS reads it.
    const legacy = JSON.stringify({ StartAt: 'M', States: { M: { Type: 'Map', Iterator: body, Label: 'L', End: true } } }, null, 2);
    const l = quickFix(legacy, 'asl-distributed-only-field', '"Label"', { pick: 'Run this Map distributed ("Mode": "DISTRIBUTED")' });
    assert.deepEqual(JSON.parse(l.result).States.M.Iterator.ProcessorConfig, { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' });
    assert.deepEqual(l.after, []);
  });
  test('a JSONPath key in a JSONata state: "X": "{% … %}" of the same path (offered) where the path has names and indexes only, in JSON and YAML', () => {
    const pass = (output: Record<string, unknown>) => JSON.stringify({ QueryLanguage: 'JSONata', StartAt: 'P', States: { P: { Type: 'Pass', End: true, Output: output } } }, null, 2);
    const r = quickFix(pass({ 'title.$': "$.book['first title'].and[2]" }), 'asl-jsonpath-key', '"title.$"', { pick: 'Write "title": "{% $states.input.book.`first title`.`and`[2] %}"' });
    assert.deepEqual(r.titles, ['Write "title": "{% $states.input.book.`first title`.`and`[2] %}"']);
    assert.deepEqual(JSON.parse(r.result).States.P.Output, { title: '{% $states.input.book.`first title`.`and`[2] %}' });
    assert.deepEqual(r.after, []);
    // The context object and a variable; a filter, a wildcard or an intrinsic have no one rewriting.
    assert.deepEqual(JSON.parse(quickFix(pass({ 'id.$': '$$.Execution.Id' }), 'asl-jsonpath-key', '"id.$"', { pick: 'Write "id": "{% $states.context.Execution.Id %}"' }).result).States.P.Output, { id: '{% $states.context.Execution.Id %}' });
    for (const [key, value] of [['a.$', '$.items[?(@.n > 1)]'], ['b.$', '$.items[*]'], ['c.$', "States.Format('{}', $.x)"]]) assert.deepEqual(quickFix(pass({ [key]: value }), 'asl-jsonpath-key', JSON.stringify(key)).titles, []);
    const yaml = 'QueryLanguage: JSONata\nStartAt: P\nStates:\n  P:\n    Type: Pass\n    Output:\n      total.$: $sum\n    End: true\n';
    const y = quickFix(yaml, 'asl-jsonpath-key', 'total.$', { languageId: 'asl-yaml', pick: 'Write "total": "{% $sum %}"' });
    assert.equal(y.result, yaml.replace('total.$: $sum', 'total: "{% $sum %}"'));
  });
  test('a misspelt function in an expression: changed to the one its message names (an intrinsic, a JSONata function)', () => {
    const intrinsic = machine(training({ TrainingJobName: undefined, 'TrainingJobName.$': "States.Formatt('churn-{}', $$.Execution.Name)" }));
    const r = quickFix(intrinsic, 'invalid-intrinsic', 'States.Formatt', { pick: 'Change to States.Format' });
    assert.deepEqual(r.titles, ['Change to States.Format']);
    assert.match(r.result, /"TrainingJobName\.\$": "States\.Format\('churn-\{\}', \$\$\.Execution\.Name\)"/);
    assertCleared(r, 'invalid-intrinsic States.Formatt');
    const jsonata = machine(training({ TrainingJobName: "{% 'churn-' & $uuidd() %}" }), { jsonata: true });
    const j = quickFix(jsonata, 'invalid-jsonata', '$uuidd', { pick: 'Change to $uuid' });
    assert.deepEqual(j.titles, ['Change to $uuid']);
    assert.match(j.result, /"TrainingJobName": "\{% 'churn-' & \$uuid\(\) %\}"/);
    assert.deepEqual(service.validate(doc(j.result)).filter((p) => p.code === 'invalid-jsonata'), []);
  });
  test('a state name in another case is the preferred fix only when one state has it; else each is offered (ux41: Prep and PREP for "prep")', () => {
    const text = (states: Record<string, unknown>) => JSON.stringify({ StartAt: 'prep', States: states }, null, 2);
    assert.deepEqual(quickFix(text({ Prep: { Type: 'Succeed' } }), 'asl-unknown-state', '"prep"').titles, ['* Change to "Prep"']);
    const two = quickFix(text({ Prep: { Type: 'Pass', Next: 'PREP' }, PREP: { Type: 'Succeed' } }), 'asl-unknown-state', '"prep"');
    assert.deepEqual(two.titles, ['Change to "Prep"', 'Change to "PREP"']);
    const d = doc(text({ Prep: { Type: 'Pass', Next: 'PREP' }, PREP: { Type: 'Succeed' } }));
    assert.match(service.validate(d).find((p) => p.code === 'asl-unknown-state')!.message, /did you mean "Prep" or "PREP"\?/);
  });
  test('a predefined error name in the wrong case: a warning, changed to the name (preferred: the same name in another case)', () => {
    const text = JSON.stringify({ StartAt: 'T', States: { T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Catch: [{ ErrorEquals: ['States.Taskfailed'], Next: 'E' }], End: true }, E: { Type: 'Succeed' } } }, null, 2);
    const d = doc(text);
    const p = service.validate(d).find((x) => x.code === 'asl-unknown-error-name')!;
    assert.equal(p.severity, 'warning');
    assert.match(p.message, /"States\.Taskfailed" is not a predefined error name \(they are case-sensitive\), so it never matches; did you mean "States\.TaskFailed"\?/);
    const r = quickFix(text, 'asl-unknown-error-name', '"States.Taskfailed"', { pick: 'Change to "States.TaskFailed"' });
    assert.deepEqual(r.titles, ['* Change to "States.TaskFailed"']);
    assert.match(r.result, /"ErrorEquals": \[\s*"States\.TaskFailed"\s*\]/);
    // A name of the machine's own, even with the prefix, is left alone (machines raise them from Fail states).
    assert.equal(service.validate(doc(text.replace('States.Taskfailed', 'States.FauxFailure1'))).filter((x) => x.code === 'asl-unknown-error-name').length, 0);
  });

  test('a typo of a predefined error name no Fail state raises: a warning, changed to the name; one a Fail state raises, or any when a Fail state\'s error is known only at run time, is left alone', () => {
    const states = (errors: string[], fail: Record<string, unknown> = { Type: 'Fail', Error: 'Custom' }) => JSON.stringify({ StartAt: 'T', States: {
      T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Retry: [{ ErrorEquals: errors }], Catch: [{ ErrorEquals: ['States.ALL'], Next: 'F' }], End: true },
      F: fail,
    } }, null, 2);
    const names = (text: string) => service.validate(doc(text)).filter((x) => x.code === 'asl-unknown-error-name').map((x) => x.message);
    // An HTTP Task's errors: States.Http.Socket is predefined (the developer guide's list); the status code ones are its own.
    assert.deepEqual(names(states(['States.Timout', 'States.TaskFaild', 'States.AL', 'States.FauxFailure1', 'States.Foo', 'MyError', 'States.Http.Socket', 'States.Http.StatusCode.404', 'States.Http.Sockets'])), [
      '"States.Timout" is not a predefined error name and no Fail state raises it, so it never matches; did you mean "States.Timeout"?',
      '"States.TaskFaild" is not a predefined error name and no Fail state raises it, so it never matches; did you mean "States.TaskFailed"?',
      '"States.AL" is not a predefined error name and no Fail state raises it, so it never matches; did you mean "States.ALL"?',
      '"States.Http.Sockets" is not a predefined error name and no Fail state raises it, so it never matches; did you mean "States.Http.Socket"?',
    ]);
    const r = quickFix(states(['States.Timout']), 'asl-unknown-error-name', '"States.Timout"', { pick: 'Change to "States.Timeout"' });
    assert.match(r.result, /"ErrorEquals": \[\s*"States\.Timeout"\s*\]/);
    assert.deepEqual(names(states(['States.Timout'], { Type: 'Fail', Error: 'States.Timout' })), []);
    assert.deepEqual(names(states(['States.Timout'], { Type: 'Fail', ErrorPath: '$.error' })), []);
    assert.deepEqual(names(states(['States.Timout'], { Type: 'Fail', QueryLanguage: 'JSONata', Error: '{% $states.input.e %}' })), []);
  });

  test('an ASL enum value in another case: did you mean, and a fix; the name in ErrorEquals whatever its case', () => {
    const retry = (strategy: string, error: string) => JSON.stringify({ StartAt: 'T', States: { T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Retry: [{ ErrorEquals: [error], JitterStrategy: strategy }], End: true } } }, null, 2);
    const r = quickFix(retry('full', 'States.ALL'), 'asl-invalid-value', '"full"', { pick: 'Change to "FULL"' });
    assert.deepEqual(r.after, []);
    const machine = JSON.stringify({ QueryLanguage: 'jsonata', StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }, null, 2);
    assert.deepEqual(quickFix(machine, 'asl-invalid-value', '"jsonata"', { pick: 'Change to "JSONata"' }).after, []);
    const lower = quickFix(retry('FULL', 'states.timeout'), 'asl-unknown-error-name', '"states.timeout"', { pick: 'Change to "States.Timeout"' });
    assert.match(lower.result, /"States\.Timeout"/);
  });

  test('ProcessorConfig takes Mode and ExecutionType only: a misspelt one is an error with its fix', () => {
    const text = ['StartAt: M', 'States:', '  M:', '    Type: Map', '    ItemProcessor:', '      ProcessorConfig:', '        Mod: INLINE', '      StartAt: I', '      States:', '        I: { Type: Succeed }', '    End: true', ''].join('\n');
    const r = quickFix(text, 'asl-unknown-field', 'Mod', { languageId: 'asl-yaml', pick: 'Rename to "Mode"' });
    assert.deepEqual(r.after, []);
  });

  test('a misspelt field of ReaderConfig or WriterConfig: the rename to the close one leaves no error (asl43 m08)', () => {
    const dist = { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, StartAt: 'I', States: { I: { Type: 'Succeed' } } };
    const reader = (ReaderConfig: object, WriterConfig: object) => JSON.stringify({ StartAt: 'M', States: { M: { Type: 'Map', ItemReader: { Resource: 'arn:aws:states:::s3:getObject', ReaderConfig, Parameters: { Bucket: 'b', Key: 'k' } }, ResultWriter: { WriterConfig }, ItemProcessor: dist, End: true } } }, null, 2);
    const r = quickFix(reader({ InputType: 'JSON', MaxItem: 100 }, { OutputType: 'JSON' }), 'asl-unknown-field', '"MaxItem"', { pick: 'Rename to "MaxItems"' });
    assert.deepEqual(r.titles, ['Rename to "MaxItems"']);
    assert.deepEqual(r.after, []);
    const w = quickFix(reader({ InputType: 'JSON' }, { Transformaton: 'NONE' }), 'asl-unknown-field', '"Transformaton"', { pick: 'Rename to "Transformation"' });
    assert.deepEqual(w.after, []);
  });

  test('a misspelt StartAt or States: did you mean, and the rename leaves no finding (in a plain .json file too)', () => {
    const text = JSON.stringify({ Startat: 'P', States: { P: { Type: 'Pass', End: true } } }, null, 2);
    const r = quickFix(text, 'asl-unknown-field', '"Startat"', { languageId: 'json', pick: 'Rename to "StartAt"' });
    assert.deepEqual(r.after, []);
    assert.ok(service.validate(doc(text, 'json')).some((p) => p.message.startsWith('"Startat" is not a field of a state machine; did you mean "StartAt"?')));
  });

  test('Parameters in a JSONata Map becomes ItemSelector, in a JSONata Pass Output', () => {
    const state = (type: string, extra: object) => JSON.stringify({ QueryLanguage: 'JSONata', StartAt: 'S', States: { S: { Type: type, Parameters: { a: 1 }, ...extra, End: true } } }, null, 2);
    const map = quickFix(state('Map', { ItemProcessor: { StartAt: 'I', States: { I: { Type: 'Succeed' } } } }), 'asl-wrong-query-language', '"Parameters"', { pick: 'Rename to "ItemSelector"' });
    assert.deepEqual(map.after, []);
    const pass = quickFix(state('Pass', {}), 'asl-wrong-query-language', '"Parameters"', { pick: 'Rename to "Output"' });
    assert.deepEqual(pass.after, []);
  });

  test('Arguments in a JSONPath state is renamed to Parameters, and Parameters in a JSONata state to Arguments', () => {
    const path = JSON.stringify({ StartAt: 'T', States: { T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Arguments: { FunctionName: 'f' }, End: true } } }, null, 2);
    const r = quickFix(path, 'asl-wrong-query-language', '"Arguments"', { pick: 'Rename to "Parameters"' });
    assert.deepEqual(r.titles, ['Rename to "Parameters"']);
    assert.deepEqual(r.after, []);
    const ata = path.replace('"Arguments"', '"Parameters"').replace('"Type": "Task",', '"Type": "Task", "QueryLanguage": "JSONata",');
    const back = quickFix(ata, 'asl-wrong-query-language', '"Parameters"', { pick: 'Rename to "Arguments"' });
    assert.deepEqual(back.after, []);
  });
  test('a Pass state\'s Result in a JSONata state is renamed to Output', () => {
    const text = JSON.stringify({ QueryLanguage: 'JSONata', StartAt: 'P', States: { P: { Type: 'Pass', Result: { a: 1 }, End: true } } }, null, 2);
    const r = quickFix(text, 'asl-wrong-query-language', '"Result"', { pick: 'Rename to "Output"' });
    assert.deepEqual(r.titles, ['Rename to "Output"']);
    assert.deepEqual(r.after, []);
  });
});

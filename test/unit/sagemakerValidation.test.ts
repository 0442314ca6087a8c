import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../../server/src/service/languageService';
import { doc, findings, machine, service, training, VALID_TRAINING, VALID_TRANSFORM } from './helpers';

const TRANSFORM = 'arn:aws:states:::sagemaker:createTransformJob.sync';

describe('valid requests', () => {
  test('a complete training job has no findings', () => {
    assert.deepEqual(findings(machine(VALID_TRAINING)), []);
  });
  test('a complete transform job has no findings', () => {
    assert.deepEqual(findings(machine(VALID_TRANSFORM, { resource: TRANSFORM })), []);
  });
  test('only TrainingJobName, RoleArn and OutputDataConfig are required by the current model', () => {
    const { TrainingJobName, RoleArn, OutputDataConfig } = VALID_TRAINING;
    // The model asks for nothing more; the API reference's AlgorithmSpecification and ResourceConfig (Required: Yes)
    // are documented rules of a job that is not serverless, and a serverless job needs neither.
    const f = findings(machine({ TrainingJobName, RoleArn, OutputDataConfig }));
    assert.deepEqual(f.filter((x) => x.code !== 'documented-rule'), []);
    assert.deepEqual(f.map((x) => [x.code, x.message.split(' when ')[0]]), [['documented-rule', 'AlgorithmSpecification is required'], ['documented-rule', 'ResourceConfig is required']]);
    const ServerlessJobConfig = { BaseModelArn: 'arn:aws:sagemaker:us-east-1:aws:hub-content/SageMakerPublicHub/Model/meta-textgeneration-llama-3-2-1b/1.0.0', JobType: 'FineTuning' };
    assert.deepEqual(findings(machine({ TrainingJobName, RoleArn, OutputDataConfig, ServerlessJobConfig })), []);
  });
  test('VolumeSizeInGB 0 is allowed by the current model (the older API reference said 1)', () => {
    assert.deepEqual(findings(machine(training({ ResourceConfig: { InstanceCount: 1, InstanceType: 'ml.m5.large', VolumeSizeInGB: 0 } }))), []);
  });
});

describe('unknown keys', () => {
  test('name the closest member, on the key', () => {
    const f = findings(machine(training({ ResourceConfig: { InstanceCount: 1, InstanceTyp: 'ml.m5.large', VolumeSizeInGB: 10 } })));
    assert.deepEqual(f, [{ code: 'unknown-key', severity: 'error', at: '"InstanceTyp"', message: 'Unknown parameter "InstanceTyp" in ResourceConfig. Did you mean "InstanceType"?' }]);
  });
  test('at the top level', () => {
    const f = findings(machine(training({ HyperParameter: {} })));
    assert.equal(f[0].message, 'Unknown parameter "HyperParameter" in CreateTrainingJob request. Did you mean "HyperParameters"?');
  });
  test('a key far from every member lists the allowed ones', () => {
    const f = findings(machine(training({ StoppingCondition: { Zzzzzzzzzzzzz: 1 } })));
    assert.match(f[0].message, /^Unknown parameter "Zzzzzzzzzzzzz" in StoppingCondition\. Allowed: MaxRuntimeInSeconds, MaxWaitTimeInSeconds, MaxPendingTimeInSeconds$/);
  });
  test('an unknown ".$" key suggests the ".$" form of the closest member', () => {
    const f = findings(machine(training({ 'TrainingJobNam.$': '$.name', TrainingJobName: undefined })));
    assert.equal(f.find((x) => x.code === 'unknown-key')?.message, 'Unknown parameter "TrainingJobNam.$" in CreateTrainingJob request. Did you mean "TrainingJobName.$" (required)?');
  });
  test('a misspelt required member is one finding, the key, not also "missing the required" (new-user walk)', () => {
    const f = findings(machine(training({ AlgorithmSpecification: { TrainingImage: 'img', TrainingInputMod: 'File' } })));
    assert.deepEqual(f.map((x) => [x.code, x.at]), [['unknown-key', '"TrainingInputMod"']]);
    // A key close to no required member leaves the missing one said.
    const g = findings(machine(training({ AlgorithmSpecification: { TrainingImage: 'img', Foo: 'File' } })));
    assert.deepEqual(g.map((x) => x.code).sort(), ['missing-required', 'unknown-key']);
  });
});

describe('missing required keys', () => {
  test('on the key of the enclosing object', () => {
    const f = findings(machine(training({ RoleArn: undefined })));
    assert.deepEqual(f, [{ code: 'missing-required', severity: 'error', at: '"Parameters"', message: 'CreateTrainingJob request is missing the required parameter RoleArn' }]);
  });
  test('nested, several at once', () => {
    const f = findings(machine(VALID_TRANSFORM && { ...VALID_TRANSFORM, TransformResources: {} }, { resource: TRANSFORM }));
    assert.deepEqual(f, [{ code: 'missing-required', severity: 'error', at: '"TransformResources"', message: 'TransformResources is missing the required parameters InstanceType and InstanceCount' }]);
  });
  test('inside list items, on the item', () => {
    const f = findings(machine(training({ InputDataConfig: [{ DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: 's3://b/k' } } }] })));
    assert.equal(f.length, 1);
    assert.equal(f[0].code, 'missing-required');
    assert.match(f[0].at, /^\{/);
    assert.equal(f[0].message, 'InputDataConfig[0] is missing the required parameter ChannelName');
  });
  test('a ".$" member satisfies required', () => {
    assert.deepEqual(findings(machine(training({ TrainingJobName: undefined, 'TrainingJobName.$': '$.name' }))), []);
  });
  test('a whole-object ".$" member satisfies required and switches off checks inside', () => {
    assert.deepEqual(findings(machine(training({ OutputDataConfig: undefined, 'OutputDataConfig.$': '$.output' }))), []);
  });
  test('a task without Parameters: valid ASL (the request is the state input, which the text does not show), so information that it must carry the request', () => {
    const text = JSON.stringify({ StartAt: 'T', States: { T: { Type: 'Task', Resource: 'arn:aws:states:::sagemaker:createTrainingJob', InputPath: '$.request', End: true } } });
    assert.deepEqual(findings(text), [{ code: 'missing-required', severity: 'information', at: '"T"', message: 'Task "T" calls CreateTrainingJob without Parameters: the request is then the state\'s input (after InputPath), which must carry TrainingJobName, RoleArn and OutputDataConfig; write the request in Parameters to have it checked here' }]);
    const jsonata = JSON.stringify({ QueryLanguage: 'JSONata', StartAt: 'T', States: { T: { Type: 'Task', Resource: 'arn:aws:states:::sagemaker:createTrainingJob', End: true } } });
    assert.deepEqual(findings(jsonata).map((f) => [f.severity, f.message]), [['information', 'Task "T" calls CreateTrainingJob without Arguments: the request is then the state\'s input, which must carry TrainingJobName, RoleArn and OutputDataConfig; write the request in Arguments to have it checked here']]);
    // Its request written in the other language's field (Arguments in a JSONPath state): that is the structure
    // check's error, whose fix is the one to take, not this information's insertion of an empty Parameters (ux40).
    const other = JSON.stringify({ StartAt: 'T', States: { T: { Type: 'Task', Resource: 'arn:aws:states:::sagemaker:createTrainingJob', Arguments: { TrainingJobName: 'j' }, End: true } } });
    assert.deepEqual(findings(other).filter((f) => f.code === 'missing-required'), []);
  });
});

describe('types', () => {
  test('an integer written as a string', () => {
    const f = findings(machine(training({ ResourceConfig: { InstanceCount: '1', InstanceType: 'ml.m5.large', VolumeSizeInGB: 10 } })));
    assert.deepEqual(f, [{ code: 'wrong-type', severity: 'error', at: '"1"', message: 'InstanceCount must be an integer, not a string: write 1 without quotes' }]);
  });
  test('HyperParameters values are strings', () => {
    const f = findings(machine(training({ HyperParameters: { max_depth: 5 } })));
    assert.deepEqual(f, [{ code: 'wrong-type', severity: 'error', at: '5', message: 'HyperParameters value of "max_depth" must be a string, not an integer: write "5"' }]);
  });
  test('a boolean written as a string', () => {
    const f = findings(machine(training({ EnableNetworkIsolation: 'true' })));
    assert.equal(f[0].message, 'EnableNetworkIsolation must be a boolean, not a string: write true without quotes');
  });
  test('an object where a list belongs', () => {
    const f = findings(machine(training({ InputDataConfig: { ChannelName: 'train' } })));
    assert.equal(f[0].message, 'InputDataConfig must be a list of Channel, not an object');
  });
  test('training InstanceCount may be 0 in the current model (instance groups)', () => {
    assert.deepEqual(findings(machine(training({ ResourceConfig: { InstanceCount: 0, InstanceType: 'ml.m5.large' } }))), []);
  });
  test('a fraction where an integer belongs', () => {
    const f = findings(machine(training({ StoppingCondition: { MaxRuntimeInSeconds: 1.5 } })));
    assert.equal(f[0].message, 'MaxRuntimeInSeconds must be an integer, not a number');
  });
  test('an array as Parameters', () => {
    const f = findings(machine([1, 2]));
    assert.equal(f[0].code, 'wrong-type');
    assert.equal(f[0].message, 'CreateTrainingJob request must be an object (CreateTrainingJobRequest), not an array');
  });
});

describe('enums', () => {
  test('a case-only difference names the right value', () => {
    const f = findings(machine(training({ AlgorithmSpecification: { TrainingImage: 'img', TrainingInputMode: 'file' } })));
    assert.deepEqual(f, [{ code: 'enum-value', severity: 'error', at: '"file"', message: 'TrainingInputMode "file" is not a valid TrainingInputMode. Did you mean "File"? Allowed: Pipe, File, FastFile' }]);
  });
  test('large enums are summarised, with the closest values; once near ones are suggested, the first values of the list are not', () => {
    const f = findings(machine(training({ ResourceConfig: { InstanceCount: 1, InstanceType: 'ml.m5.larg', VolumeSizeInGB: 10 } })));
    assert.equal(f.length, 1);
    assert.equal(f[0].message, 'InstanceType "ml.m5.larg" is not a valid TrainingInstanceType. Did you mean "ml.m5.large" or "ml.m5.xlarge" or "ml.r5.large"?');
    const far = findings(machine(training({ ResourceConfig: { InstanceCount: 1, InstanceType: 'a-machine-with-gpus', VolumeSizeInGB: 10 } })));
    assert.match(far[0].message, /Allowed: \d+ values of TrainingInstanceType, e\.g\. /);
  });
  test('CompressionType of a transform input', () => {
    const payload = { ...VALID_TRANSFORM, TransformInput: { ...VALID_TRANSFORM.TransformInput, CompressionType: 'zip' } };
    const f = findings(machine(payload, { resource: TRANSFORM }));
    assert.deepEqual(f.map((x) => [x.code, x.at]), [['enum-value', '"zip"']]);
  });
});

describe('patterns and lengths', () => {
  test('a job name with spaces fails the model pattern, matched against the whole value', () => {
    const f = findings(machine(training({ TrainingJobName: 'search model v2' })));
    assert.deepEqual(f, [{ code: 'pattern', severity: 'error', at: '"search model v2"', message: 'TrainingJobName "search model v2" must match [a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}: letters, digits and hyphens' }]);
  });
  test('a role ARN with a short account id', () => {
    const f = findings(machine(training({ RoleArn: 'arn:aws:iam::1111:role/TrainRole' })));
    assert.equal(f[0].code, 'pattern');
  });
  test('too long: the length, not the pattern', () => {
    const f = findings(machine(training({ TrainingJobName: 'a'.repeat(70) })));
    assert.deepEqual(f.map((x) => [x.code, x.message]), [['too-long', 'TrainingJobName is 70 characters long; at most 63 are allowed']]);
  });
  test('lengths count characters (Unicode code points, as the length trait does), not UTF-16 units', () => {
    // U+20000 and U+1D400 are letters outside the BMP: one character each, two UTF-16 units.
    assert.deepEqual(findings(machine(training({ Tags: [{ Key: '\u{20000}'.repeat(70), Value: '\u{1D400}'.repeat(256) }] }))), []);
    const f = findings(machine(training({ Tags: [{ Key: '\u{1D400}'.repeat(129), Value: 'v' }] })));
    assert.deepEqual(f.map((x) => [x.code, x.message]), [['too-long', 'Key is 129 characters long; at most 128 are allowed']]);
  });
  test('too short; of the wrong form as well, the pattern said too (a role\'s name where its ARN belongs)', () => {
    const f = findings(machine(training({ RoleArn: 'arn:aws:iam::1' })));
    assert.deepEqual(f.map((x) => [x.code, x.message]), [['too-short', 'RoleArn is 14 characters long; at least 20 are required, and it must match arn:aws[a-z\\-]*:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+']]);
    // Of the right form, only short: the length alone.
    const s = findings(machine(training({ OutputDataConfig: { S3OutputPath: 's3://b', KmsKeyId: 'k' } })));
    assert.ok(s.every((x) => !/must match/.test(x.message)), JSON.stringify(s));
  });
  test('a literal path in a key without ".$" says the suffix is probably missing', () => {
    const f = findings(machine(training({ TrainingJobName: '$.name' })));
    assert.equal(f[0].code, 'path-without-dollar-suffix');
    // The way out first (Problems cuts a long message), then what the value breaks as written.
    assert.match(f[0].message, /^TrainingJobName "\$\.name" looks like a JSONPath: to use the value at that path, write the key as "TrainingJobName\.\$"\. As written, TrainingJobName "\$\.name" must match /);
  });
  test('in a map, the key to suffix is the value\'s own key, not its label', () => {
    const f = findings(machine(training({ Environment: { JQ_FILTER: '$.items' } })));
    assert.deepEqual(f.map((x) => [x.code, x.severity]), [['path-without-dollar-suffix', 'warning']]);
    assert.match(f[0].message, /write the key as "JQ_FILTER\.\$"$/);
  });
  test('no ".$" advice where no key can take it: an array item, or any value of a JSONata state', () => {
    const spec = { TrainingImage: 'img', TrainingInputMode: 'File', ContainerArguments: ['--filter', '$.records[*]'] };
    assert.deepEqual(findings(machine(training({ AlgorithmSpecification: spec }))), []);
    assert.deepEqual(findings(machine(training({ Environment: { JQ_FILTER: '$.items' } }), { jsonata: true })), []);
  });
  test('a JSONata expression in a JSONPath state is text: a warning, or the error its text breaks, under its own code (no fix rewrites it: ux40)', () => {
    const f = findings(machine(training({ TrainingJobName: '{% $states.input.jobName %}', HyperParameters: { max_depth: '{% $string($states.input.depth) %}' } })));
    assert.deepEqual(f.map((x) => [x.code, x.severity, x.at]), [
      ['jsonata-in-jsonpath-state', 'error', '"{% $states.input.jobName %}"'],
      ['jsonata-in-jsonpath-state', 'warning', '"{% $string($states.input.depth) %}"'],
    ]);
    assert.match(f[0].message, /^TrainingJobName "\{% \$states\.input\.jobName %\}" is a JSONata expression, which only a JSONata state evaluates: this JSONPath state sends it as text \(set "QueryLanguage": "JSONata" on the state, or write "TrainingJobName\.\$": "\$\.jobName"\)\. As written, /);
    assert.match(f[1].message, /or write a JSONPath under "max_depth\.\$"\)$/);
    // The one fix: the path as JSONPath under X.$ (offered; the other way out is the state's QueryLanguage), never a
    // name made of the expression's text.
    const d = doc(machine(training({ TrainingJobName: '{% $states.input.jobName %}' })));
    const p = service.validate(d).find((x) => x.code === 'jsonata-in-jsonpath-state')!;
    const actions = service.getCodeActions(d, { start: d.positionAt(p.offset), end: d.positionAt(p.offset + p.length) }, ['quickfix']).filter((a) => a.diagnostics?.[0]?.code === p.code);
    assert.deepEqual(actions.map((a) => [a.title, a.isPreferred ?? false]), [['Write "TrainingJobName.$": "$.jobName"', false]]);
    const fixed = TextDocument.applyEdits(d, actions[0].edit!.changes![d.uri]);
    assert.match(fixed, /"TrainingJobName\.\$": "\$\.jobName"/);
    assert.deepEqual(findings(fixed), []);
    // In a JSONata state it is what it means.
    assert.deepEqual(findings(machine(training({ TrainingJobName: '{% $states.input.jobName %}' }), { jsonata: true })), []);
  });
  test('unicode tag values need the u flag (\\p{L})', () => {
    assert.deepEqual(findings(machine(training({ Tags: [{ Key: 'équipe', Value: 'données ML' }] }))), []);
  });
  test('a tag key with a forbidden character', () => {
    const f = findings(machine(training({ Tags: [{ Key: 'team!', Value: 'ml' }] })));
    assert.deepEqual(f.map((x) => [x.code, x.at]), [['pattern', '"team!"']]);
  });
  test('a Java \\p{Alnum} pattern is translated', () => {
    const config = { TrainingRepositoryAccessMode: 'Vpc', TrainingRepositoryAuthConfig: { TrainingRepositoryCredentialsProviderArn: 'arn:aws:lambda:us-east-1:111122223333:function:creds' } };
    const f = findings(machine(training({ AlgorithmSpecification: { TrainingImage: 'img', TrainingInputMode: 'File', TrainingImageConfig: config } })));
    assert.deepEqual(f, []);
  });
});

describe('ranges and sizes', () => {
  test('a number below the minimum', () => {
    const payload = { ...VALID_TRANSFORM, TransformResources: { InstanceCount: 0, InstanceType: 'ml.m5.large' } };
    const f = findings(machine(payload, { resource: TRANSFORM }));
    assert.deepEqual(f, [{ code: 'out-of-range', severity: 'error', at: '0', message: 'InstanceCount must be at least 1, not 0' }]);
  });
  test('an integer member above what a 32-bit integer holds (Smithy\'s integer; a long takes more)', () => {
    const payload = { ...VALID_TRANSFORM, MaxConcurrentTransforms: 3000000000, TransformResources: { InstanceCount: 2147483648, InstanceType: 'ml.m5.large' } };
    const f = findings(machine(payload, { resource: TRANSFORM })).filter((x) => x.code === 'out-of-range');
    assert.deepEqual(f.map((x) => [x.at, x.message]), [
      ['2147483648', 'InstanceCount must be at most 2,147,483,647, not 2147483648: SageMaker\'s model makes it a 32-bit integer'],
      ['3000000000', 'MaxConcurrentTransforms must be at most 2,147,483,647, not 3000000000: SageMaker\'s model makes it a 32-bit integer'],
    ]);
    assert.deepEqual(findings(machine({ ...VALID_TRANSFORM, MaxConcurrentTransforms: 2147483647 }, { resource: TRANSFORM })).filter((x) => x.code === 'out-of-range'), []);
  });
  test('a long member beyond what a 64-bit integer holds, judged as written: 2^63 - 1 and 2^63 are one double', () => {
    const channel = { ChannelName: 'train', ShuffleConfig: { Seed: 7 }, DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: 's3://b/train' } } };
    const seed = (written: string) => findings(machine(training({ InputDataConfig: [channel] })).replace('"Seed": 7', `"Seed": ${written}`)).filter((x) => x.code === 'out-of-range').map((x) => x.message);
    const over = ['Seed must be at most 9223372036854775807: SageMaker\'s model makes it a 64-bit integer'];
    assert.deepEqual(seed('18446744073709551615'), over);
    assert.deepEqual(seed('9223372036854775808'), over);
    assert.deepEqual(seed('9223372036854775807'), []);
    assert.deepEqual(seed('-9223372036854775808'), []);
    assert.deepEqual(seed('-9223372036854775809'), ['Seed must be at least -9223372036854775808: SageMaker\'s model makes it a 64-bit integer']);
  });
  test('an empty list where at least one item is required', () => {
    const f = findings(machine(training({ InputDataConfig: [] })));
    assert.deepEqual(f.map((x) => [x.code, x.at, x.message]), [['too-few-items', '"InputDataConfig": []', 'InputDataConfig has 0 items; at least 1 is required']]);
  });
  test('a map with too many entries', () => {
    const hp: Record<string, string> = {};
    for (let i = 0; i < 101; i++) hp[`p${i}`] = '1';
    const f = findings(machine(training({ HyperParameters: hp })));
    assert.deepEqual(f.map((x) => [x.code, x.message]), [['too-many-entries', 'HyperParameters has 101 entries; at most 100 are allowed']]);
  });
  test('map keys are checked against the key shape', () => {
    const f = findings(machine(training({ Environment: { '1BAD': 'x' } })));
    assert.deepEqual(f.map((x) => [x.code, x.at]), [['pattern', '"1BAD"']]);
  });
  test('HyperParameter values may be 2500 characters in the current model', () => {
    assert.deepEqual(findings(machine(training({ HyperParameters: { long: 'x'.repeat(2500) } }))), []);
  });
});

describe('dynamic values', () => {
  test('".$" values are paths, not checked against the member pattern', () => {
    assert.deepEqual(findings(machine(training({ TrainingJobName: undefined, 'TrainingJobName.$': "States.Format('job-{}', $.id)" }))), []);
  });
  test('a ".$" value that is not a path', () => {
    const f = findings(machine(training({ TrainingJobName: undefined, 'TrainingJobName.$': 'not a path' })));
    assert.equal(f.length, 1);
    assert.equal(f[0].severity, 'error');
  });
  test('".$" keys inside maps', () => {
    assert.deepEqual(findings(machine(training({ HyperParameters: { 'epochs.$': '$.epochs' } }))), []);
  });
  test('placeholders are not checked against patterns, lengths, enums or types', () => {
    const f = findings(
      machine(training({ TrainingJobName: '${JobName}', RoleArn: '${RoleArn}', ResourceConfig: { InstanceCount: '${Count}', InstanceType: '${Type}', VolumeSizeInGB: 10 } })),
    );
    assert.deepEqual(f, []);
  });
  test('a ${AWS::Partition} resource is recognised', () => {
    const f = findings(machine(training({ TrainingJobName: 'bad name' }), { resource: 'arn:${AWS::Partition}:states:::sagemaker:createTrainingJob.sync' }));
    assert.deepEqual(f.map((x) => x.code), ['pattern']);
  });
  test('other partitions are recognised', () => {
    for (const p of ['aws-cn', 'aws-us-gov']) {
      const f = findings(machine(training({ TrainingJobName: 'bad name' }), { resource: `arn:${p}:states:::sagemaker:createTrainingJob` }));
      assert.deepEqual(f.map((x) => x.code), ['pattern'], p);
    }
  });
});

describe('JSONata', () => {
  test('Arguments are checked in JSONata states', () => {
    const f = findings(machine(training({ TrainingJobName: 'bad name' }), { jsonata: true }));
    assert.deepEqual(f.map((x) => [x.code, x.at]), [['pattern', '"bad name"']]);
  });
  test('{% %} values are dynamic', () => {
    const f = findings(machine(training({ TrainingJobName: '{% $states.input.name %}', ResourceConfig: '{% $states.input.rc %}' }), { jsonata: true }));
    assert.deepEqual(f, []);
  });
  test('whole Arguments as one expression', () => {
    assert.deepEqual(findings(machine('{% $states.input.request %}', { jsonata: true })), []);
  });
  test('a top-level QueryLanguage applies to every state', () => {
    const text = JSON.stringify({
      QueryLanguage: 'JSONata',
      StartAt: 'T',
      States: { T: { Type: 'Task', Resource: 'arn:aws:states:::sagemaker:createTrainingJob', Arguments: training({ TrainingJobName: 'bad name' }), End: true } },
    });
    assert.deepEqual(findings(text).map((x) => x.code), ['pattern']);
  });
});

describe('resources', () => {
  test('.waitForTaskToken is an error on the Resource', () => {
    const f = findings(machine(VALID_TRAINING, { resource: 'arn:aws:states:::sagemaker:createTrainingJob.waitForTaskToken' }));
    assert.deepEqual(f.map((x) => [x.code, x.severity]), [['unsupported-integration-pattern', 'error']]);
    // Nothing else on it: waiting for a token the request never sends (a structure warning) is moot where there is no waiting.
    const text = machine(VALID_TRAINING, { resource: 'arn:aws:states:::sagemaker:createTrainingJob.waitForTaskToken' });
    assert.deepEqual(findings(text, { source: 'asl' }), []);
    // Only that one: an Express Map's warning on the same Resource stays (review of the day's diff).
    const express = JSON.stringify({ StartAt: 'M', States: { M: { Type: 'Map', End: true, ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'EXPRESS' }, StartAt: 'T', States: { T: { Type: 'Task', Resource: 'arn:aws:states:::sagemaker:createTrainingJob.waitForTaskToken', Parameters: VALID_TRAINING, End: true } } } } } });
    assert.deepEqual(findings(express, { source: 'asl' }).map((x) => x.code), ['asl-execution-limit']);
    assert.match(findings(express, { source: 'asl' })[0].message, /runs its items as Express child workflows/);
    // Where the pattern exists (the AWS SDK integration), the warning stays.
    const sdk = machine({ TrainingJobName: 'churn' }, { resource: 'arn:aws:states:::aws-sdk:sagemaker:describeTrainingJob.waitForTaskToken' });
    assert.deepEqual(findings(sdk, { source: 'asl' }).map((x) => [x.code, x.severity]), [['asl-execution-limit', 'warning']]);
  });
  test('an API with no direct integration is an error (Step Functions refuses the resource): the SDK integration instead', () => {
    const f = findings(machine({}, { resource: 'arn:aws:states:::sagemaker:stopTrainingJob' }));
    assert.deepEqual(f, [{
      code: 'unknown-integration', severity: 'error', at: '"arn:aws:states:::sagemaker:stopTrainingJob"',
      message: 'sagemaker:stopTrainingJob is not one of the SageMaker APIs Step Functions integrates directly, so it refuses this resource when the state machine is created. ' +
        'Any other SageMaker API is called through the AWS SDK integration (arn:aws:states:::aws-sdk:sagemaker:stopTrainingJob). ' +
        'Direct integrations: createEndpoint, createEndpointConfig, createHyperParameterTuningJob, createLabelingJob, createModel, createProcessingJob, createTrainingJob, createTransformJob, updateEndpoint',
    }]);
  });
  test('a misspelt API: an error with the one it is closest to, keeping .sync', () => {
    const f = findings(machine(VALID_TRAINING, { resource: 'arn:aws:states:::sagemaker:createTraningJob.sync' }));
    assert.deepEqual(f.map((x) => [x.code, x.severity]), [['unknown-integration', 'error']]);
    assert.match(f[0].message, /^sagemaker:createTraningJob is not one of the SageMaker APIs Step Functions integrates directly, so it refuses this resource when the state machine is created\. Did you mean sagemaker:createTrainingJob\.sync\? /);
  });
  test('.sync:2 is no pattern of SageMaker: an error naming the ones there are', () => {
    const f = findings(machine(VALID_TRAINING, { resource: 'arn:aws:states:::sagemaker:createTrainingJob.sync:2' }));
    assert.deepEqual(f, [{
      code: 'unsupported-integration-pattern', severity: 'error', at: '"arn:aws:states:::sagemaker:createTrainingJob.sync:2"',
      message: 'sagemaker:createTrainingJob.sync:2 is not an integration pattern SageMaker supports (Step Functions offers request-response and .sync for createTrainingJob, nothing else); use sagemaker:createTrainingJob.sync to wait for the job, or sagemaker:createTrainingJob (request-response)',
    }]);
    const model = findings(machine({ ModelName: 'm', ExecutionRoleArn: 'arn:aws:iam::111122223333:role/R' }, { resource: 'arn:aws:states:::sagemaker:createModel:2' }));
    assert.deepEqual(model.map((x) => x.message), ['sagemaker:createModel:2 is not an integration pattern SageMaker supports (Step Functions offers request-response for createModel, nothing else); use sagemaker:createModel (request-response)']);
  });
  test('a placeholder or another service is not judged: ${…} after the API or the action, another service\'s SDK integration', () => {
    for (const resource of ['arn:aws:states:::sagemaker:createTrainingJob${Pattern}', 'arn:aws:states:::sagemaker:createTrainingJob.${Pattern}', 'arn:aws:states:::sagemaker:${Api}', 'arn:aws:states:::aws-sdk:sagemaker:${Action}', 'arn:aws:states:::aws-sdk:s3:createTrainingJob']) {
      assert.deepEqual(findings(machine({ Bogus: 1 }, { resource })), [], resource);
    }
    assert.deepEqual(findings(machine(VALID_TRAINING, { resource: 'arn:${AWS::Partition}:states:::sagemaker:createTrainingJob.sync' })), []);
  });
  test('a SageMaker API called through the AWS SDK integration: its request checked against the operation\'s, its action against the API\'s', () => {
    const sdk = (action: string, payload: unknown) => findings(machine(payload, { resource: `arn:aws:states:::aws-sdk:sagemaker:${action}` })).map((x) => [x.code, x.severity, x.at]);
    assert.deepEqual(sdk('stopTrainingJob', { Bogus: 1 }), [['unknown-key', 'error', '"Bogus"'], ['missing-required', 'error', '"Parameters"']]);
    assert.deepEqual(sdk('updateEndpointWeightsAndCapacities', { EndpointName: 'e', DesiredWeightsAndCapacities: [{ VariantName: 'v', DesiredInstanceCount: -1 }] }), [['out-of-range', 'error', '-1']]);
    assert.deepEqual(sdk('addTags', { ResourceArn: 'arn:aws:s3:::bucket/key', Tags: [] }), [['pattern', 'error', '"arn:aws:s3:::bucket/key"']]);
    // Patterns V8 would backtrack on for seconds (each more character doubling it) are matched in linear time.
    const spaces = ' '.repeat(40) + '\u0085';
    assert.deepEqual(sdk('createPipeline', { PipelineName: 'p', ClientRequestToken: 'a'.repeat(32), RoleArn: 'arn:aws:iam::123456789012:role/r', PipelineDefinition: spaces }).filter(([code]) => code !== 'documented-rule'), [['pattern', 'error', JSON.stringify(spaces)]]);
    const team = 'a'.repeat(40) + '!';
    assert.deepEqual(sdk('createComputeQuota', { Name: 'q', ClusterArn: 'arn:aws:sagemaker:us-east-1:123456789012:cluster/abcdefghijkl', ComputeQuotaConfig: {}, ComputeQuotaTarget: { TeamName: team } }).filter(([, , at]) => at === JSON.stringify(team)), [['pattern', 'error', JSON.stringify(team)]]);
    // A timestamp is an ISO 8601 date or epoch seconds; "yesterday" fails when the state runs.
    assert.deepEqual(sdk('listTrainingJobs', { CreationTimeAfter: 'yesterday' }), [['likely-runtime-failure', 'warning', '"yesterday"']]);
    for (const t of ['2024-01-31', '2024-01-31T00:00:00Z', '2024-01-31T00:00:00.123+02:00', '1706659200', 1706659200, '${Since}']) assert.deepEqual(sdk('listTrainingJobs', { CreationTimeAfter: t }), [], String(t));
    // Nothing required: no Parameters is no finding.
    assert.deepEqual(findings(machine(undefined, { resource: 'arn:aws:states:::aws-sdk:sagemaker:listEndpoints' })), []);
    // An idempotency token the model requires is the SDK's to fill in (StartPipelineExecution's ClientRequestToken).
    assert.deepEqual(sdk('startPipelineExecution', { PipelineName: 'churn' }), []);
    // The same request as the optimized integration's: its documented rules too.
    assert.deepEqual(sdk('createTrainingJob', VALID_TRAINING), []);
    assert.deepEqual(sdk('createTrainingJob', { ...VALID_TRAINING, EnableManagedSpotTraining: true }).map(([code]) => code), ['documented-rule']);
    // A union (the model's `union: true`: "There must be one and only one config"): exactly one member.
    const automl = (config: unknown) => sdk('createAutoMLJobV2', { AutoMLJobName: 'churn', RoleArn: 'arn:aws:iam::111122223333:role/R', OutputDataConfig: { S3OutputPath: 's3://b/o' }, AutoMLJobInputDataConfig: [{ ChannelType: 'training', ContentType: 'text/csv;header=present', DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: 's3://b/in' } } }], AutoMLProblemTypeConfig: config });
    assert.deepEqual(automl({ TabularJobConfig: { TargetAttributeName: 'y' } }), []);
    assert.deepEqual(automl({ TabularJobConfig: { TargetAttributeName: 'y' }, TextClassificationJobConfig: { ContentColumn: 'c', TargetLabelColumn: 'l' } }), [['union-members', 'error', '"TextClassificationJobConfig": {\n            "ContentColumn": "c",\n            "TargetLabelColumn": "l"\n          }']]);
    assert.deepEqual(automl({}), [['union-members', 'error', '"AutoMLProblemTypeConfig"']]);
    assert.deepEqual(automl({ '${Kind}': {} }), []);
    const wrong = findings(machine({}, { resource: 'arn:aws:states:::aws-sdk:sagemaker:CreateModel.waitForTaskToken' }));
    assert.deepEqual(wrong.map((x) => [x.code, x.severity]), [['unknown-integration', 'error']]);
    assert.match(wrong[0].message, /^aws-sdk:sagemaker:CreateModel is not an action of SageMaker's API, so Step Functions refuses this resource when the state machine is created \(INVALID_RESOURCE\)\. Did you mean aws-sdk:sagemaker:createModel\?/);
  });
  test('every Step Functions-optimized SageMaker integration is checked', () => {
    for (const api of ['createEndpoint', 'createEndpointConfig', 'createHyperParameterTuningJob', 'createLabelingJob', 'createModel', 'createProcessingJob', 'updateEndpoint']) {
      const f = findings(machine({ Bogus: 1 }, { resource: `arn:aws:states:::sagemaker:${api}` }));
      assert.ok(f.some((x) => x.code === 'unknown-key'), api);
      assert.ok(f.some((x) => x.code === 'missing-required'), api);
    }
  });
});

describe('depth and files', () => {
  test('tasks inside Parallel branches and Map processors', () => {
    const inner = JSON.parse(machine(training({ TrainingJobName: 'bad name' })));
    const text = JSON.stringify({
      StartAt: 'P',
      States: {
        P: { Type: 'Parallel', Branches: [inner], Next: 'M' },
        M: { Type: 'Map', ItemProcessor: { ...inner, States: { Train2: inner.States.Train } }, Iterator: undefined, End: true },
      },
    });
    assert.deepEqual(findings(text).map((x) => x.code), ['pattern', 'pattern', 'repeated-job-name']);
  });
  test('plain JSON files are checked only when they are state machines', () => {
    assert.deepEqual(findings(machine(training({ TrainingJobName: 'bad name' })), { languageId: 'json' }).map((x) => x.code), ['pattern']);
    assert.deepEqual(findings(JSON.stringify({ Parameters: { TrainingJobName: 'bad name' } }), { languageId: 'json' }), []);
  });
  test('a JSON syntax error gives one diagnostic, not a cascade', () => {
    const text = machine(VALID_TRAINING).replace('"RoleArn"', '"RoleArn" "oops",,');
    const f = findings(text, { source: 'json' });
    assert.equal(f.length, 1);
    assert.equal(f[0].code, 'syntax');
  });
  test('a deleted } (or ") leaves an object open: the members the parser then reads into it are not judged, the indentation says where they belong (new-user walk, session 33); a real mistake elsewhere stands', () => {
    const text = machine(training({ ResourceConfig: { InstanceCount: 1, InstanceType: 'ml.m5.xlarge', VolumeSizeInGB: 30 } }));
    const lines = text.split('\n');
    // The } that closes ResourceConfig (pretty-printed: a line of its own), and the " before a key.
    const close = lines.findIndex((l, i) => i > lines.findIndex((x) => x.includes('"ResourceConfig"')) && l.trim().startsWith('}'));
    const unclosed = lines.filter((_, i) => i !== close).join('\n');
    const unquoted = text.replace('"VolumeSizeInGB"', 'VolumeSizeInGB"');
    const all = (t: string) => service.validate(doc(t)).map((p) => p.code).sort();
    for (const broken of [unclosed, unquoted]) assert.deepEqual(all(broken), ['syntax'], broken);
    // A typo that the indentation keeps where it is, with a syntax error elsewhere: both.
    const both = unquoted.replace('"TrainingInputMode"', '"TrainingInputMod"');
    assert.deepEqual(all(both), ['syntax', 'unknown-key']);
    // Not after an error that moves no member (a comment, a trailing comma), nor where the indentation says nothing
    // (unindented JSON), nor past a line indented with a tab among spaces (review of the day: each hid real findings).
    const typos = text.replace('"TrainingInputMode": "File"', '"TrainingInputMode": "Filez"').replace('"VolumeSizeInGB"', '"Bogus": 1, "VolumeSizeInGB"');
    const flat = typos.split('\n').map((l) => l.trimStart()).join('\n');
    const tabbed = typos.replace(/\n\s*"RoleArn"/, '\n\t"RoleArn"');
    for (const t of [flat.replace('"StartAt"', '// c\n"StartAt"'), typos.replace('"MaxRuntimeInSeconds": 3600', '"MaxRuntimeInSeconds": 3600,'), tabbed.replace('"MaxRuntimeInSeconds": 3600', '"MaxRuntimeInSeconds": 3600,'), flat.replace('"End": true', '"End": true,')])
      assert.deepEqual(all(t), ['enum-value', 'syntax', 'unknown-key'], t);
    assert.deepEqual(all(flat.replace('"Type": "Task",', '"Type": "Task"')), ['enum-value', 'syntax', 'unknown-key'], 'a missing comma in unindented JSON');
  });
  test('100k-deep nesting is refused with one clear message', () => {
    const text = '['.repeat(100000) + ']'.repeat(100000);
    const f = findings(text, { source: 'json' });
    assert.equal(f.length, 1);
    assert.equal(f[0].code, 'too-large');
  });
});

describe('an intrinsic function whose result can never be the member\'s kind of value', () => {
  test('a string for a map, a list for a map, a string for a list, a list for a string: warnings; the right kind, or a function that gives what its argument holds: none', () => {
    const f = findings(machine(training({
      HyperParameters: undefined, 'HyperParameters.$': 'States.JsonToString($.hp)',
      Environment: undefined, 'Environment.$': 'States.Array($.a, $.b)',
      TrainingJobName: undefined, 'TrainingJobName.$': 'States.Array($.a)',
      VpcConfig: { SecurityGroupIds: ['sg-0123456789abcdef0'], 'Subnets.$': "States.Format('subnet-{}', $.s)" },
    })));
    assert.deepEqual(f.map((x) => [x.code, x.severity, x.at]).sort(), [
      ['likely-runtime-failure', 'warning', '"States.JsonToString($.hp)"'],
      ['likely-runtime-failure', 'warning', '"States.Array($.a, $.b)"'],
      ['likely-runtime-failure', 'warning', '"States.Array($.a)"'],
      ['likely-runtime-failure', 'warning', `"States.Format('subnet-{}', $.s)"`],
    ].sort());
    assert.match(f.find((x) => x.at.includes('JsonToString'))!.message, /^HyperParameters\.\$ = "States\.JsonToString\(\$\.hp\)": States\.JsonToString gives a string, and HyperParameters is an object \(map of string to string\): SageMaker refuses the request when the state runs$/);
    const fine = findings(machine(training({
      HyperParameters: undefined, 'HyperParameters.$': 'States.StringToJson($.hp)',
      Environment: undefined, 'Environment.$': 'States.JsonMerge($.a, $.b, false)',
      TrainingJobName: undefined, 'TrainingJobName.$': 'States.UUID()',
      VpcConfig: { SecurityGroupIds: ['sg-0123456789abcdef0'], 'Subnets.$': "States.StringSplit($.s, ',')" },
    })));
    assert.deepEqual(fine.filter((x) => x.severity !== 'information'), []);
    // A call of literals only is what it always gives: States.StringToJson of an object where a list goes, a string
    // with a character the pattern allows nowhere.
    const literal = findings(machine(training({
      'Tags.$': `States.StringToJson('{"team":"ml"}')`,
      TrainingJobName: undefined, 'TrainingJobName.$': "States.Base64Encode('churn model')",
    })));
    assert.deepEqual(literal.map((x) => [x.code, x.severity, x.message]), [
      ['likely-runtime-failure', 'warning', 'Tags.$ = "States.StringToJson(\'{\\"team\\":\\"ml\\"}\')": States.StringToJson gives an object, and Tags is a list of Tag: SageMaker refuses the request when the state runs'],
      ['likely-runtime-failure', 'warning', 'TrainingJobName.$ = "States.Base64Encode(\'churn model\')" always holds "=", which TrainingJobName allows nowhere (it must match [a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}: letters, digits and hyphens): SageMaker refuses the request when the state runs'],
    ]);
    assert.deepEqual(findings(machine(training({ 'Tags.$': `States.StringToJson('[{"Key":"team","Value":"ml"}]')`, TrainingJobName: undefined, 'TrainingJobName.$': "States.Base64Encode('abc')" }))), []);
  });
});

describe('a single value of the wrong kind, computed', () => {
  test('States.Format (a string) for an integer, States.MathRandom (a number) for a name, $string for a number, a comparison for a string: warnings; a number for a timestamp or an integer: none', () => {
    const f = findings(machine(training({
      TrainingJobName: undefined, 'TrainingJobName.$': 'States.MathRandom(1, 999)',
      ResourceConfig: { InstanceCount: 1, InstanceType: 'ml.m5.large', VolumeSizeInGB: 10, 'KeepAlivePeriodInSeconds.$': "States.Format('{}', $.keepAlive)" },
    })));
    assert.deepEqual(f.map((x) => [x.code, x.severity, x.message]).sort(), [
      ['likely-runtime-failure', 'warning', 'KeepAlivePeriodInSeconds.$ = "States.Format(\'{}\', $.keepAlive)": States.Format gives a string, and KeepAlivePeriodInSeconds is an integer: SageMaker refuses the request when the state runs'],
      ['likely-runtime-failure', 'warning', 'TrainingJobName.$ = "States.MathRandom(1, 999)": States.MathRandom gives a number, and TrainingJobName is a string: SageMaker refuses the request when the state runs'],
    ].sort());
    const j = findings(machine(training({
      ResourceConfig: { InstanceCount: '{% $string($states.input.n) %}', InstanceType: 'ml.m5.large', VolumeSizeInGB: '{% $states.input.size * 2 %}' },
      TrainingJobName: "{% $states.input.a = 'b' %}",
    }), { jsonata: true })).filter((x) => x.severity !== 'information');
    assert.deepEqual(j.map((x) => x.at).sort(), ['"{% $string($states.input.n) %}"', `"{% $states.input.a = 'b' %}"`].sort());
    assert.deepEqual(findings(machine(training({ StoppingCondition: { 'MaxRuntimeInSeconds.$': 'States.MathAdd($.a, 60)' } }))), []);
  });
});

describe('a JSONata value whose result can never be the member\'s kind of value', () => {
  const jsonata = (patch: Record<string, unknown>) => findings(machine(training(patch), { jsonata: true })).filter((x) => x.severity !== 'information');
  test('a string, number or boolean built-in, &, arithmetic or a comparison where a list or a map goes: a warning on the value, as for the .$ intrinsic', () => {
    const f = jsonata({
      InputDataConfig: '{% $string($states.input.channels) %}',
      HyperParameters: '{% $join($states.input.hp, ",") %}',
      Environment: "{% 'A=' & $states.input.a %}",
      VpcConfig: { SecurityGroupIds: '{% $count($states.input.groups) %}', Subnets: '{% $states.input.subnets = [] %}' },
    });
    assert.deepEqual(f.map((x) => [x.code, x.severity, x.at]).sort(), [
      ['likely-runtime-failure', 'warning', '"{% $string($states.input.channels) %}"'],
      ['likely-runtime-failure', 'warning', '"{% $join($states.input.hp, \\",\\") %}"'],
      ['likely-runtime-failure', 'warning', `"{% 'A=' & $states.input.a %}"`],
      ['likely-runtime-failure', 'warning', '"{% $count($states.input.groups) %}"'],
      ['likely-runtime-failure', 'warning', '"{% $states.input.subnets = [] %}"'],
    ].sort());
    assert.equal(
      f.find((x) => x.at.includes('$string'))!.message,
      'InputDataConfig = "{% $string($states.input.channels) %}": $string gives a string, and InputDataConfig is a list of Channel: SageMaker refuses the request when the state runs',
    );
    assert.match(f.find((x) => x.at.includes("'A='"))!.message, /: the & operator gives a string, and Environment is an object \(map of string to string\): SageMaker refuses/);
    assert.match(f.find((x) => x.at.includes('$count'))!.message, /: \$count gives a number, and SecurityGroupIds is a list of string: SageMaker refuses/);
  });
  test('anything else is not judged: a path, a conditional, a block, $lookup, a filtered or piped call, a function the expression binds, a list built-in; nor a single value where a single value goes', () => {
    for (const value of [
      '{% $states.input.channels %}',
      "{% $states.input.csv ? $states.input.a : 'x' %}",
      '{% ($f := function($x) { $x }; $f($states.input.channels)) %}',
      '{% ($string := function($x) { [$x] }; $string($states.input.channels)) %}',
      "{% $lookup($states.input, 'channels') %}",
      '{% $string($states.input.channels)[0] %}',
      '{% $states.input.channels ~> $string() %}',
      "{% $split($states.input.csv, ',') %}",
      '{% $states.input.channels.$string() %}',
    ]) assert.deepEqual(jsonata({ InputDataConfig: value }), [], value);
    assert.deepEqual(jsonata({ TrainingJobName: '{% $string($states.input.n) %}', ResourceConfig: { InstanceCount: '{% $count($states.input.c) %}', InstanceType: 'ml.m5.large', VolumeSizeInGB: 10 } }), []);
    // A string literal is a constant, judged as that value (once).
    assert.deepEqual(jsonata({ InputDataConfig: "{% 'channels' %}" }).map((x) => x.message.slice(0, 40)), ['This expression is always "channels": In']);
  });
});

describe('a value whose result always holds a character the member\'s pattern allows nowhere', () => {
  test('a States.Format template or literal argument, a context ARN, a JSONata concatenation of a literal: warnings', () => {
    const name = (value: string) => findings(machine(training({ TrainingJobName: undefined, 'TrainingJobName.$': value })));
    assert.deepEqual(name("States.Format('train_{}', $$.Execution.Name)").map((x) => [x.code, x.severity, x.message]), [[
      'likely-runtime-failure', 'warning',
      `TrainingJobName.$ = "States.Format('train_{}', $$.Execution.Name)" always holds "_", which TrainingJobName allows nowhere (it must match [a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}: letters, digits and hyphens): SageMaker refuses the request when the state runs`,
    ]]);
    assert.deepEqual(name("States.Format('churn-{}', 'xgb_v2')").map((x) => x.severity), ['warning']);
    assert.deepEqual(name('$$.Execution.Id').map((x) => x.severity), ['warning']);
    // A member deeper in the request.
    const key = findings(machine(training({ OutputDataConfig: { S3OutputPath: 's3://b/o', 'KmsKeyId.$': "States.Format('my key {}', $.k)" } })));
    assert.match(key[0]?.message ?? '', /^KmsKeyId\.\$ = .* always holds " ", which KmsKeyId allows nowhere \(it must match/);
    const jsonata = findings(machine(training({ TrainingJobName: "{% 'churn_' & $uuid() %}" }), { jsonata: true }));
    assert.deepEqual(jsonata.map((x) => [x.severity, x.message.slice(0, 70)]), [['warning', `TrainingJobName = "{% 'churn_' & $uuid() %}" always holds "_", which T`]]);
    // What the pattern allows somewhere, or text not known: nothing (a hyphen, the execution's name, a path).
    for (const fine of ["States.Format('churn-{}', $$.Execution.Name)", "States.Format('{}', $.name)", '$.name', '$$.Execution.Name']) {
      assert.deepEqual(name(fine).filter((x) => x.severity !== 'information'), [], fine);
    }
    assert.deepEqual(findings(machine(training({ TrainingJobName: "{% 'churn-' & $uuid() %}" }), { jsonata: true })), []);
  });
});

describe('a job name built from the execution name (up to 80 characters; the job name allows 63)', () => {
  test('"$$.Execution.Name": information, since unnamed executions get a 36-character UUID that fits', () => {
    const f = findings(machine(training({ TrainingJobName: undefined, 'TrainingJobName.$': '$$.Execution.Name' })));
    assert.deepEqual(f, [{
      code: 'likely-runtime-failure',
      severity: 'information',
      at: '"$$.Execution.Name"',
      message: 'TrainingJobName.$ = "$$.Execution.Name" can be up to 80 characters long and TrainingJobName allows at most 63: it fits when the names it is made of are short enough (an execution started without a name gets a 36-character UUID: 36 characters here)',
    }]);
  });
  test('a short literal prefix: still information', () => {
    const f = findings(machine(training({ TrainingJobName: undefined, 'TrainingJobName.$': "States.Format('churn-{}', $$.Execution.Name)" })));
    assert.deepEqual(f.map((x) => [x.code, x.severity]), [['likely-runtime-failure', 'information']]);
  });
  test('a literal prefix so long that even a UUID-named execution overflows: a warning', () => {
    const value = "States.Format('customer-churn-xgboost-training-{}', $$.Execution.Name)";
    const f = findings(machine(training({ TrainingJobName: undefined, 'TrainingJobName.$': value })));
    assert.deepEqual(f.map((x) => [x.code, x.severity, x.message]), [[
      'likely-runtime-failure',
      'warning',
      `TrainingJobName.$ = "States.Format('customer-churn-xgboost-training-{}', $$.Ex…" can be 112 characters long (68 with the 36-character UUID of an execution started without a name); TrainingJobName allows at most 63, so the job may fail to start`,
    ]]);
  });
  test('the boundary: a prefix that leaves exactly 63 with a UUID is information', () => {
    const value = `States.Format('${'a'.repeat(27)}{}', $$.Execution.Name)`;
    const f = findings(machine(training({ TrainingJobName: undefined, 'TrainingJobName.$': value })));
    assert.deepEqual(f.map((x) => [x.code, x.severity]), [['likely-runtime-failure', 'information']]);
  });
  test('the same in JSONata: $uuid(), a literal prefix, $states.context.Execution.Name', () => {
    const tuning = (value: string) => findings(machine(training({ TrainingJobName: value }), { jsonata: true })).map((x) => [x.severity, x.message]);
    assert.deepEqual(tuning("{% 'customer-churn-xgboost-training-' & $states.context.Execution.Name %}"), [[
      'warning',
      `TrainingJobName = "{% 'customer-churn-xgboost-training-' & $states.context.E…" can be 112 characters long (68 with the 36-character UUID of an execution started without a name); TrainingJobName allows at most 63, so the job may fail to start`,
    ]]);
    assert.deepEqual(tuning('{% $states.context.Execution.Name %}').map(([s]) => s), ['information']);
    assert.deepEqual(tuning("{% 'job-' & $uuid() %}"), []);
    assert.deepEqual(tuning(`{% '${'a'.repeat(30)}' & $uuid() %}`).map(([s]) => s), ['warning']);
  });
  test('a JSONata value always shorter than the member\'s least: $substring of a UUID', () => {
    const name = (value: string) => findings(machine(training({ TrainingJobName: value }), { jsonata: true })).map((x) => [x.severity, x.message]);
    assert.deepEqual(name('{% $substring($uuid(), 40, 5) %}'), [['warning', 'TrainingJobName = "{% $substring($uuid(), 40, 5) %}" is at most 0 characters long; TrainingJobName needs at least 1: SageMaker refuses the request when the state runs']]);
    assert.deepEqual(name("{% 'job-' & $substring($uuid(), 0, 8) %}"), []);
  });
  test('a value whose text alone is longer than the member allows, whatever it reads; a $hash digest of a known length', () => {
    const f = findings(machine(training({ TrainingJobName: undefined, 'TrainingJobName.$': `States.Format('${'a'.repeat(64)}{}', $.id)` })));
    assert.deepEqual(f.map((x) => [x.severity, x.message.replace(/^.*" is/, '')]), [['warning', ' always at least 64 characters long, the text it always holds; TrainingJobName allows at most 63: SageMaker refuses the request when the state runs']]);
    const jsonata = (value: string) => findings(machine(training({ TrainingJobName: value }), { jsonata: true })).map((x) => x.severity);
    assert.deepEqual(jsonata(`{% '${'a'.repeat(64)}' & $states.input.id %}`), ['warning']);
    assert.deepEqual(jsonata(`{% '${'a'.repeat(63)}' & $states.input.id %}`), []);
    assert.deepEqual(jsonata("{% $hash($states.input.id, 'SHA-256') %}"), ['warning']);
    assert.deepEqual(jsonata("{% 'h' & $hash($states.input.id, 'MD5') %}"), []);
    // The UUIDs it holds count (36 characters each) beside what else it reads, whose length is not known.
    const uuids = findings(machine(training({ TrainingJobName: undefined, 'TrainingJobName.$': "States.Format('{}-{}-{}', States.UUID(), States.UUID(), $.x)" })));
    assert.deepEqual(uuids.map((x) => [x.severity, x.message.replace(/^.*" is/, '')]), [['warning', ' always at least 74 characters long, the text it always holds with its parts of fixed length (a UUID is 36 characters); TrainingJobName allows at most 63: SageMaker refuses the request when the state runs']]);
    assert.deepEqual(findings(machine(training({ TrainingJobName: undefined, 'TrainingJobName.$': "States.Format('{}-{}', States.UUID(), $.x)" }))), []);
    assert.deepEqual(jsonata("{% $uuid() & '-' & $uuid() & $states.input.x %}"), ['warning']);
  });
  test('a value that fits whatever the names (a hash of the name): no finding', () => {
    const f = findings(machine(training({ TrainingJobName: undefined, 'TrainingJobName.$': "States.Format('j{}', States.Hash($$.Execution.Name, 'MD5'))" })));
    assert.deepEqual(f, []);
  });
});

describe('values with ${…} placeholders (template text around them)', () => {
  const at = (request: Record<string, unknown>) => findings(machine(training(request))).map((f) => [f.code, f.at]);
  test('a character the pattern allows nowhere is flagged on the written part; a placeholder may stand for anything else', () => {
    assert.deepEqual(at({ TrainingJobName: 'churn model ${Stage}' }), [['pattern', 'churn model ']]);
    assert.deepEqual(at({ TrainingJobName: '${Stage}_churn' }), [['pattern', '_churn']]);
    // Escaped in JSON: the whole value (the written part does not read as written there).
    assert.deepEqual(at({ TrainingJobName: 'churn\tmodel-${Stage}' }), [['pattern', '"churn\\tmodel-${Stage}"']]);
  });
  test('no finding where some value of the placeholders could make it valid', () => {
    for (const name of ['${Stage}', 'churn-${Stage}', '${A}-${B}', 'churn-${self:custom.${opt:stage}}', 'x%{ if a }_${B}%{ endif }', '${A}${B}']) {
      assert.deepEqual(at({ TrainingJobName: name }), [], name);
    }
    // A name never begins with a hyphen, whatever follows it.
    assert.deepEqual(at({ TrainingJobName: '-${Stage}' }), [['pattern', '-']]);
    // Anything is allowed in an S3 URI's key; an instance type is an enum, judged only as a whole.
    assert.deepEqual(at({ OutputDataConfig: { S3OutputPath: 's3://${Bucket}/a b' }, ResourceConfig: { InstanceCount: 1, InstanceType: 'ml.${Size} x', VolumeSizeInGB: 10 } }), []);
  });
  test('written text alone longer than the maximum is too long; the placeholders may be empty, never negative', () => {
    assert.deepEqual(at({ TrainingJobName: `${'a'.repeat(64)}\${Stage}` }), [['too-long', `"${'a'.repeat(64)}\${Stage}"`]]);
    assert.deepEqual(at({ TrainingJobName: `${'a'.repeat(63)}\${Stage}` }), []);
  });
});

describe('a JSONata expression of literals only in Arguments', () => {
  test('is checked as the value it always has, a warning (it deploys, and fails when it runs)', () => {
    const f = findings(machine(training({ TrainingJobName: "{% 'churn_train' %}", AlgorithmSpecification: { TrainingImage: 'img', TrainingInputMode: "{% 'file' %}" } }), { jsonata: true }));
    assert.deepEqual(f.map((x) => [x.code, x.severity, x.at]).sort(), [
      ['likely-runtime-failure', 'warning', `"{% 'churn_train' %}"`],
      ['likely-runtime-failure', 'warning', `"{% 'file' %}"`],
    ]);
    assert.match(f[1].message, /^This expression is always "file": .*TrainingInputMode/);
  });
  test('a conditional of two literal branches the member refuses both or one of is a warning', () => {
    const mode = (value: string) => findings(machine(training({ AlgorithmSpecification: { TrainingImage: 'img', TrainingInputMode: value } }), { jsonata: true }));
    const [f, ...rest] = mode("{% $states.input.fast ? 'pipe' : 'file' %}");
    assert.deepEqual(rest, []);
    assert.deepEqual([f.code, f.severity, f.at], ['likely-runtime-failure', 'warning', `"{% $states.input.fast ? 'pipe' : 'file' %}"`]);
    assert.match(f.message, /^This expression is always "pipe" or "file", and neither is accepted: .*TrainingInputMode.*; the state fails when it runs$/);
    // A typo in one branch fails each time the condition picks it (walk37: found only at launch).
    const [typo, ...none] = mode("{% $states.input.fast ? 'Pipe' : 'file' %}");
    assert.deepEqual(none, []);
    assert.deepEqual([typo.code, typo.severity], ['likely-runtime-failure', 'warning']);
    assert.match(typo.message, /^When its condition is false, this expression is "file": .*TrainingInputMode.*; the state fails each time it is$/);
    assert.deepEqual(mode("{% $states.input.fast ? 'Pipe' : 'File' %}"), []);
    assert.deepEqual(mode("{% $states.input.fast ? 'pipe' : $states.input.mode %}"), []);
    assert.deepEqual(mode("{% $states.input.fast ? 'pipe' %}"), []);
    const volume = (value: string) => findings(machine(training({ ResourceConfig: { InstanceType: 'ml.m5.large', InstanceCount: 1, VolumeSizeInGB: value } }), { jsonata: true })).map((x) => x.code);
    assert.deepEqual(volume('{% $states.input.big ? -2 : -1 %}'), ['likely-runtime-failure']);
    assert.deepEqual(volume('{% $states.input.big ? -1 : 0 %}'), ['likely-runtime-failure']);
    assert.deepEqual(volume('{% $states.input.big ? 100 : 30 %}'), []);
  });
  test('a constant object or list is checked as the value it always is: its members, types and sizes (a warning)', () => {
    const channels = (value: string) => findings(machine(training({ InputDataConfig: value }), { jsonata: true })).map((x) => [x.code, x.severity, x.message.replace(/^(This expression is always the same list: [^;]*).*$/s, '$1')]);
    const channel = "{'ChannelName': 'train', 'DataSource': {'S3DataSource': {'S3DataType': 'S3Prefix', 'S3Uri': 's3://b/train'}}}";
    assert.deepEqual(channels(`{% [${channel}] %}`), []);
    assert.deepEqual(channels(`{% [${channel.replace("'ChannelName'", "'ChannelNam'")}] %}`), [
      ['likely-runtime-failure', 'warning', 'This expression is always the same list: Unknown parameter "ChannelNam" in InputDataConfig[0]. Did you mean "ChannelName" (required)?'],
    ]);
    assert.deepEqual(channels(`{% [${channel.replace("'S3Prefix'", "'s3prefix'")}] %}`).map(([code]) => code), ['likely-runtime-failure']);
    assert.deepEqual(channels('{% [] %}').map(([code]) => code), ['likely-runtime-failure']);
    assert.deepEqual(channels(`{% [${channel.replace("'ChannelName'", () => "'ChannelName.$'")}] %}`).map(([, , message]) => message), [
      'This expression is always the same list: Unknown parameter "ChannelName.$" in InputDataConfig[0]. Did you mean "ChannelName" (required)?',
    ]);
  });
  test('an intrinsic of literals only that gives a list or an object is checked as that value too (a warning)', () => {
    const tags = (value: string) => findings(machine(training({ 'Tags.$': value }))).map((x) => [x.code, x.severity, x.message]);
    assert.deepEqual(tags("States.Array('project', 'churn')"), [
      ['likely-runtime-failure', 'warning', 'This expression is always the same list: Tags[0] must be an object (Tag), not a string; the state fails when it runs'],
      ['likely-runtime-failure', 'warning', 'This expression is always the same list: Tags[1] must be an object (Tag), not a string; the state fails when it runs'],
    ]);
    assert.deepEqual(tags(`States.Array(States.StringToJson('{"Key": "project", "Value": "churn"}'))`), []);
    assert.deepEqual(tags('States.Array($.tag)'), []);
  });
  test('a valid constant, or one that reads data, is not judged', () => {
    assert.deepEqual(findings(machine(training({ TrainingJobName: "{% 'churn-train' %}", AlgorithmSpecification: { TrainingImage: 'img', TrainingInputMode: '{% $states.input.mode %}' } }), { jsonata: true })), []);
  });
});

describe('a literal job name one execution sends twice (names must be unique in the account and Region)', () => {
  const task = (payload: unknown, jsonata = false) => ({ Type: 'Task', Resource: 'arn:aws:states:::sagemaker:createTrainingJob.sync', ...(jsonata ? { Arguments: payload } : { Parameters: payload }), End: true });
  const inMap = (payload: unknown, jsonata = false) =>
    JSON.stringify({ StartAt: 'Each', ...(jsonata ? { QueryLanguage: 'JSONata' } : {}), States: { Each: { Type: 'Map', ItemProcessor: { StartAt: 'Train', States: { Train: task(payload, jsonata) } }, End: true } } }, null, 2);
  const inParallel = (a: unknown, b: unknown, kind = 'Parallel') =>
    JSON.stringify({ StartAt: 'Both', States: { Both: { Type: kind, Branches: [{ StartAt: 'A', States: { A: task(a) } }, { StartAt: 'B', States: { B: task(b) } }], End: true } } }, null, 2);
  const repeated = (text: string) => findings(text).filter((f) => f.code === 'repeated-job-name');

  test('in a Map\'s iteration: a warning on the name, quoting the model and suggesting a computed name', () => {
    const [f, ...rest] = repeated(inMap(VALID_TRAINING));
    assert.deepEqual(rest, []);
    assert.equal(f.severity, 'warning');
    assert.equal(f.at, '"search-model"');
    assert.match(f.message, /^Every item of Map "Each" runs "Train" with the same TrainingJobName "search-model", so the CreateTrainingJob of a second item fails: The name must be unique within an Amazon Web Services Region in an Amazon Web Services account\. .*States\.Format\('search-model-\{\}', States\.UUID\(\)\)/);
    assert.match(repeated(inMap(VALID_TRAINING, true))[0].message, /\{% 'search-model-' & \$uuid\(\) %\}/);
  });
  test('a name a template fills in when it deploys (tpl46: "seg-${AWS::StackName}") is the same for every item too: the same warning, saying so', () => {
    const [f, ...rest] = repeated(inMap(training({ TrainingJobName: 'x-${Suffix}' })));
    assert.deepEqual(rest, []);
    assert.match(f.message, /^Every item of Map "Each" runs "Train" with the same TrainingJobName "x-\$\{Suffix\}" \(its \$\{…\} are filled in once, when it is deployed\), so the CreateTrainingJob of a second item fails/);
    assert.equal(repeated(inMap(training({ TrainingJobName: 'x-${Suffix}' }), true)).length, 1);
  });
  test('an AWS SDK call whose name the model says must be unique in the account (CreateExperiment): the same', () => {
    const text = JSON.stringify({ StartAt: 'Each', States: { Each: { Type: 'Map', ItemProcessor: { StartAt: 'Create', States: { Create: { Type: 'Task', Resource: 'arn:aws:states:::aws-sdk:sagemaker:createExperiment', Parameters: { ExperimentName: 'churn' }, End: true } } }, End: true } } }, null, 2);
    const [f, ...rest] = repeated(text);
    assert.deepEqual(rest, []);
    assert.match(f.message, /^Every item of Map "Each" runs "Create" with the same ExperimentName "churn", so the CreateExperiment of a second item fails: The name must be unique in your Amazon Web Services account/);
  });
  test('in two branches of one Parallel: a warning on the second', () => {
    const f = repeated(inParallel(VALID_TRAINING, VALID_TRAINING));
    assert.equal(f.length, 1);
    assert.match(f[0].message, /^"B" and "A" run in two branches of Parallel "Both", both with TrainingJobName "search-model", so when both run/);
  });
  test('computed names, different names, one Parallel branch, or a name used once outside a Map: none', () => {
    assert.deepEqual(repeated(inMap(training({ TrainingJobName: undefined, 'TrainingJobName.$': "States.Format('x-{}', States.UUID())" }))), []);
    assert.deepEqual(repeated(inMap(training({ TrainingJobName: "{% 'x-' & $uuid() %}" }), true)), []);
    // A JSONata value that begins with a placeholder may be filled in with an expression.
    assert.deepEqual(repeated(inMap(training({ TrainingJobName: '${Name}' }), true)), []);
    assert.deepEqual(repeated(inParallel(VALID_TRAINING, training({ TrainingJobName: 'other' }))), []);
    assert.deepEqual(repeated(machine(VALID_TRAINING)), []);
  });
  test('a task that runs in another account (Credentials): in a Map over computed accounts, or two branches that may name different ones, none', () => {
    const withRole = (RoleArn: unknown) => ({ ...task(VALID_TRAINING), Credentials: { [typeof RoleArn === 'string' && RoleArn.startsWith('$') ? 'RoleArn.$' : 'RoleArn']: RoleArn } });
    const mapOf = (state: unknown) => JSON.stringify({ StartAt: 'Each', States: { Each: { Type: 'Map', ItemProcessor: { StartAt: 'Train', States: { Train: state } }, End: true } } });
    assert.deepEqual(repeated(mapOf(withRole('$.role'))), []);
    assert.equal(repeated(mapOf(withRole('arn:aws:iam::111122223333:role/Deploy'))).length, 1, 'one literal account: every item in it');
    const parallelOf = (a: unknown, b: unknown) => JSON.stringify({ StartAt: 'Both', States: { Both: { Type: 'Parallel', Branches: [{ StartAt: 'A', States: { A: a } }, { StartAt: 'B', States: { B: b } }], End: true } } });
    assert.deepEqual(repeated(parallelOf(withRole('arn:aws:iam::111122223333:role/Deploy'), withRole('arn:aws:iam::444455556666:role/Deploy'))), []);
    assert.deepEqual(repeated(parallelOf(task(VALID_TRAINING), withRole('arn:aws:iam::444455556666:role/Deploy'))), []);
    assert.equal(repeated(parallelOf(withRole('arn:aws:iam::111122223333:role/Deploy'), withRole('arn:aws:iam::111122223333:role/Deploy'))).length, 1);
  });
});

describe('a computed value that always begins or ends with text the member\'s pattern refuses there', () => {
  const output = (value: string, jsonata = false) =>
    findings(machine(training({ OutputDataConfig: jsonata ? { S3OutputPath: value } : { 'S3OutputPath.$': value } }), { jsonata }));
  test('an S3 URI that begins "s3//" or "S3://" (the pattern is case-sensitive): warnings naming the shortest part no URI begins with', () => {
    assert.deepEqual(output("States.Format('s3//{}/models/', $.bucket)").map((x) => [x.code, x.severity, x.at, x.message]), [[
      'likely-runtime-failure', 'warning', `"States.Format('s3//{}/models/', $.bucket)"`,
      `S3OutputPath.$ = "States.Format('s3//{}/models/', $.bucket)" always begins with "s3//", and no value of S3OutputPath can begin with "s3/" (it must match (https|s3)://([^/]+)/?(.*)): SageMaker refuses the request when the state runs`,
    ]]);
    assert.deepEqual(output("{% 'S3://' & $states.input.bucket & '/models/' %}", true).map((x) => [x.severity, x.message]), [[
      'warning',
      `S3OutputPath = "{% 'S3://' & $states.input.bucket & '/models/' %}" always begins with "S3://", and no value of S3OutputPath can begin with "S" (it must match (https|s3)://([^/]+)/?(.*)): SageMaker refuses the request when the state runs`,
    ]]);
    assert.deepEqual(output("States.Format('http://{}', $.host)").map((x) => x.severity), ['warning']);
  });
  test('a name that always ends with a hyphen: a warning', () => {
    const f = findings(machine(training({ TrainingJobName: undefined, 'TrainingJobName.$': "States.Format('{}-', $.name)" })));
    assert.deepEqual(f.map((x) => [x.severity, x.message.replace(/ \(it must.*/, '')]), [['warning', `TrainingJobName.$ = "States.Format('{}-', $.name)" always ends with "-", which no value of TrainingJobName can end with`]]);
  });
  test('text in the middle that no value can hold there (a user ARN for a role): a warning naming it', () => {
    const role = (value: string, jsonata = false) => findings(machine(training(jsonata ? { RoleArn: value } : { RoleArn: undefined, 'RoleArn.$': value }), { jsonata }));
    assert.deepEqual(role("States.Format('arn:aws:iam::{}:user/{}', $.account, $.name)").map((x) => [x.severity, x.message.replace(/ \(it must.*/, '')]), [
      ['warning', `RoleArn.$ = "States.Format('arn:aws:iam::{}:user/{}', $.account, $.name)" always holds ":u" (in ":user/") where no value of RoleArn can`],
    ]);
    assert.equal(role("{% 'arn:aws:iam::' & $states.input.a & ':user/' & $states.input.n %}", true).length, 1);
    // A literal JSONata filters out (':user/'[false] is nothing) or computes from is not known text.
    assert.deepEqual(role("{% 'arn:aws:iam::' & $states.input.a & ':user/'[false] & ':role/' & $states.input.n %}", true), []);
    assert.deepEqual(role("{% 'arn:aws:iam::' & $states.input.a & ':user/'{'k': 1} & ':role/' & $states.input.n %}", true), []);
    assert.deepEqual(role("States.Format('arn:aws:iam::{}:role/{}', $.account, $.name)"), []);
    assert.deepEqual(role("States.Format('arn:{}:iam::{}:{}', $.p, $.account, $.rest)"), []);
  });
  test('a beginning or ending some value may have: nothing', () => {
    for (const fine of ["States.Format('s3://{}/x', $.b)", "States.Format('https://{}', $.host)", "States.Format('{}://{}/m', $.scheme, $.b)", "States.Format('s3{}', $.rest)", '$.uri']) {
      assert.deepEqual(output(fine), [], fine);
    }
    for (const fine of ["{% 's3://' & $x %}", "{% 'https://' & $states.input.host & '/m' %}", "{% $states.input.scheme & '://b' %}"]) {
      assert.deepEqual(output(fine, true), [], fine);
    }
    // Anything may end a key; a name may end with a letter.
    assert.deepEqual(output("States.Format('s3://{}/ x', $.b)"), []);
    assert.deepEqual(findings(machine(training({ TrainingJobName: undefined, 'TrainingJobName.$': "States.Format('{}-train', $.name)" }))), []);
  });
});

describe('$$.State.Name is the name of the state whose request holds it, known from the text', () => {
  const named = (name: string, payload: Record<string, unknown>, jsonata = false) => machine(training(payload), { jsonata }).replaceAll('"Train"', JSON.stringify(name));
  const name = (state: string, value: string) => findings(named(state, { TrainingJobName: undefined, 'TrainingJobName.$': value }));
  test('a state name with characters the job name allows nowhere: a warning that says the name', () => {
    assert.deepEqual(name('Train model', '$$.State.Name').map((x) => [x.code, x.severity, x.at, x.message]), [[
      'likely-runtime-failure', 'warning', '"$$.State.Name"',
      `TrainingJobName.$ = "$$.State.Name" (the state's name is "Train model") always holds " ", which TrainingJobName allows nowhere (it must match [a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}: letters, digits and hyphens): SageMaker refuses the request when the state runs`,
    ]]);
    assert.match(name('Train (nightly)', "States.Format('{}-{}', $$.State.Name, $$.Execution.Name)")[0]?.message ?? '', /\(the state's name is "Train \(nightly\)"\) always holds " ", "\(" and "\)", which TrainingJobName allows nowhere/);
  });
  test('known whole, it is judged as a literal would be: the pattern, then the length', () => {
    assert.deepEqual(name('Train-', '$$.State.Name').map((x) => [x.severity, x.message]), [['warning', `TrainingJobName.$ = "$$.State.Name" (the state's name is "Train-"): TrainingJobName "Train-" must match [a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}: letters, digits and hyphens; SageMaker refuses the request when the state runs`]]);
    assert.deepEqual(name('Train', "States.Format('{}-', $$.State.Name)").map((x) => x.message.replace(/ must match .*/, '')), [`TrainingJobName.$ = "States.Format('{}-', $$.State.Name)" (the state's name is "Train") is always "Train-": TrainingJobName "Train-"`]);
    const long = 'a'.repeat(70);
    assert.deepEqual(name(long, "States.Format('{}1', $$.State.Name)").map((x) => [x.severity, x.message.replace(/^.*\) is always /, '')]), [['warning', `${JSON.stringify(long.slice(0, 57) + '…')}: TrainingJobName is 71 characters long; at most 63 are allowed; SageMaker refuses the request when the state runs`]]);
    assert.deepEqual(name(long, '$$.State.Name').map((x) => x.message.replace(/^.*\): /, '')), ['TrainingJobName is 70 characters long; at most 63 are allowed; SageMaker refuses the request when the state runs']);
  });
  test('an enum member: the name must be one of its values', () => {
    const mode = (state: string) => findings(named(state, { AlgorithmSpecification: { TrainingImage: 'img', 'TrainingInputMode.$': '$$.State.Name' } })).map((x) => [x.severity, x.message]);
    assert.deepEqual(mode('Train'), [['warning', 'TrainingInputMode.$ = "$$.State.Name" (the state\'s name is "Train"): TrainingInputMode "Train" is not a valid TrainingInputMode. Allowed: Pipe, File, FastFile; SageMaker refuses the request when the state runs']]);
    assert.deepEqual(mode('File'), []);
  });
  test('a name the job name takes: nothing, not even the 80-character bound of an unknown name', () => {
    assert.deepEqual(name('Train', '$$.State.Name'), []);
    assert.deepEqual(name('Train', "States.Format('{}-{}', $$.State.Name, States.UUID())"), []);
    assert.deepEqual(findings(named('Train', { TrainingJobName: "{% $states.context.State.Name & '-' & $uuid() %}" }, true)), []);
  });
  test('the same in JSONata: $states.context.State.Name', () => {
    const f = findings(named('Train model', { TrainingJobName: '{% $states.context.State.Name %}' }, true));
    assert.deepEqual(f.map((x) => [x.severity, x.message.slice(0, 110)]), [['warning', `TrainingJobName = "{% $states.context.State.Name %}" (the state's name is "Train model") always holds " ", whi`]]);
  });
  test('only the state\'s own name is known: not the machine\'s or the execution\'s, nor a name a template fills in', () => {
    assert.deepEqual(name('Train model', '$$.StateMachine.Name').map((x) => x.severity), ['information']);
    assert.deepEqual(name('Train model', '$$.Execution.Name').map((x) => x.severity), ['information']);
    assert.deepEqual(name('${Stage} train', '$$.State.Name').map((x) => x.severity), ['information']);
  });
  test('in a Map\'s or a Parallel\'s branch, the task state\'s own name, not the name of the state around it', () => {
    const nested = (outer: string, inner: string) => JSON.stringify({
      StartAt: outer,
      States: {
        [outer]: {
          Type: 'Parallel', End: true,
          Branches: [{ StartAt: 'Each', States: { Each: {
            Type: 'Map', End: true,
            ItemProcessor: { ProcessorConfig: { Mode: 'INLINE' }, StartAt: inner, States: { [inner]: {
              Type: 'Task', Resource: 'arn:aws:states:::sagemaker:createTrainingJob.sync', End: true,
              Parameters: training({ TrainingJobName: undefined, 'TrainingJobName.$': '$$.State.Name' }),
            } } },
          } } }],
        },
      },
    }, null, 2);
    assert.deepEqual(findings(nested('Fan out', 'Train')), []);
    assert.deepEqual(findings(nested('Fan', 'Train one')).map((x) => [x.severity, x.at]), [['warning', '"$$.State.Name"']]);
  });
  test('renaming the state re-judges its request', () => {
    const svc = getLanguageService();
    const text = named('Train', { TrainingJobName: undefined, 'TrainingJobName.$': '$$.State.Name' });
    let d = TextDocument.create('file:///renamed.asl.json', 'asl', 1, text);
    assert.deepEqual(svc.validate(d).filter((p) => p.source === 'sagemaker'), []);
    const at = text.indexOf('"Train": {') + 1;
    d = TextDocument.update(d, [{ range: { start: d.positionAt(at), end: d.positionAt(at + 5) }, text: 'Train it' }], 2);
    assert.deepEqual(svc.validate(d).filter((p) => p.source === 'sagemaker').map((p) => p.severity), ['warning']);
    d = TextDocument.update(d, [{ range: { start: d.positionAt(at), end: d.positionAt(at + 8) }, text: 'Train' }], 3);
    assert.deepEqual(svc.validate(d).filter((p) => p.source === 'sagemaker'), []);
  });
});

describe('an intrinsic function of literals only in a .$ value', () => {
  test('is judged as the number it always gives, a warning; one that reads a path is not', () => {
    const volume = (size: string) => findings(machine(training({ ResourceConfig: { InstanceCount: 1, InstanceType: 'ml.m5.large', 'VolumeSizeInGB.$': size } })));
    const [f, ...rest] = volume('States.MathAdd(-5, 1)');
    assert.deepEqual(rest, []);
    assert.deepEqual([f.code, f.severity, f.at], ['likely-runtime-failure', 'warning', '"States.MathAdd(-5, 1)"']);
    assert.match(f.message, /^This expression is always -4: .*; the state fails when it runs$/);
    assert.deepEqual(volume('States.MathAdd(5, 1)'), []);
    assert.deepEqual(volume('States.MathAdd($.n, -51)'), []);
  });
});

describe('a documented rule that reads outside the member it judges', () => {
  test("a channel's input mode is the request's TrainingInputMode when not set: an edit of that alone is followed (the member's findings are kept by node)", () => {
    const svc = getLanguageService();
    const request = (mode: string) =>
      machine(training({ AlgorithmSpecification: { TrainingImage: 'img', TrainingInputMode: mode }, InputDataConfig: [{ ChannelName: 'train', DataSource: { S3DataSource: { S3DataType: 'AugmentedManifestFile', S3Uri: 's3://b/m', AttributeNames: ['source-ref'] } } }] }));
    const rules = (version: number, mode: string) =>
      svc.validate(TextDocument.create('file:///amf.asl.json', 'asl', version, request(mode))).filter((p) => p.code === 'documented-rule').map((p) => p.data!.rule);
    assert.deepEqual(rules(1, 'File'), ['augmented-manifest-needs-pipe']);
    assert.deepEqual(rules(2, 'Pipe'), []);
    assert.deepEqual(rules(3, 'File'), ['augmented-manifest-needs-pipe']);
  });
});

test('a JSONata expression begun and not closed is said once, by the structure check: the request check does not judge it as text too (walk37)', () => {
  const text = JSON.stringify({ QueryLanguage: 'JSONata', StartAt: 'T', States: { T: { Type: 'Task', Resource: 'arn:aws:states:::sagemaker:createTrainingJob.sync', End: true, Arguments: { ...VALID_TRAINING, OutputDataConfig: { S3OutputPath: "{% 's3://' & $states.input.bucket & '/out' }" } } } } });
  const d = doc(text);
  assert.deepEqual(service.validate(d).map((p) => p.code), ['asl-invalid-jsonata']);
});

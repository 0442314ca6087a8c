// `sagemaker-asl policy FILE`: the IAM policy document the state machine's role needs, printed as JSON. (Each of
// the 9 integrations in both patterns is compared with the developer guide's policies in test/unit/iamPolicy.test.ts;
// here, the command itself.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { root, run, tempDir } from './helpers';

let dir: string;

const pipeline = {
  StartAt: 'Train',
  States: {
    Train: {
      Type: 'Task',
      Resource: 'arn:aws:states:::sagemaker:createTrainingJob.sync',
      Parameters: {
        'TrainingJobName.$': "States.Format('churn-{}', $$.Execution.Name)",
        RoleArn: 'arn:aws:iam::111122223333:role/SageMakerRole',
        AlgorithmSpecification: { TrainingImage: 'img', TrainingInputMode: 'File' },
        OutputDataConfig: { S3OutputPath: 's3://bucket/out' },
        ResourceConfig: { InstanceCount: 1, InstanceType: 'ml.m5.large', VolumeSizeInGB: 10 },
        StoppingCondition: { MaxRuntimeInSeconds: 3600 },
      },
      Next: 'Score',
    },
    Score: {
      Type: 'Task',
      Resource: 'arn:aws:states:::sagemaker:createTransformJob',
      Parameters: {
        TransformJobName: 'batch-scoring',
        ModelName: 'churn-model',
        TransformInput: { DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: 's3://bucket/in' } } },
        TransformOutput: { S3OutputPath: 's3://bucket/scored' },
        TransformResources: { InstanceCount: 1, InstanceType: 'ml.m5.large' },
      },
      End: true,
    },
  },
};

const expected = (region: string, account: string) => ({
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'TrainCreateTrainingJob',
      Effect: 'Allow',
      Action: ['sagemaker:CreateTrainingJob', 'sagemaker:DescribeTrainingJob', 'sagemaker:StopTrainingJob', 'sagemaker:AddTags'],
      Resource: [`arn:aws:sagemaker:${region}:${account}:training-job/churn-*`],
    },
    { Sid: 'ScoreCreateTransformJob', Effect: 'Allow', Action: ['sagemaker:CreateTransformJob'], Resource: [`arn:aws:sagemaker:${region}:${account}:transform-job/batch-scoring*`] },
    { Sid: 'SageMakerListTags', Effect: 'Allow', Action: ['sagemaker:ListTags'], Resource: ['*'] },
    {
      Sid: 'TrainPassRole',
      Effect: 'Allow',
      Action: ['iam:PassRole'],
      Resource: ['arn:aws:iam::111122223333:role/SageMakerRole'],
      Condition: { StringEquals: { 'iam:PassedToService': 'sagemaker.amazonaws.com' } },
    },
    {
      Sid: 'TrainTrainingJobsEvents',
      Effect: 'Allow',
      Action: ['events:PutTargets', 'events:PutRule', 'events:DescribeRule'],
      Resource: [`arn:aws:events:${region}:${account}:rule/StepFunctionsGetEventsForSageMakerTrainingJobsRule`],
    },
  ],
});

before(() => {
  dir = tempDir();
  writeFileSync(join(dir, 'pipeline.asl.json'), JSON.stringify(pipeline, null, 2));
  writeFileSync(join(dir, 'pipeline.asl.yaml'), `StartAt: Train\nStates:\n  Train:\n    Type: Task\n    Resource: arn:aws:states:::sagemaker:createTrainingJob\n    Parameters:\n      TrainingJobName: nightly\n      RoleArn: \${SageMakerRoleArn}\n    End: true\n`);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'x' }));
  writeFileSync(join(dir, 'lambda.asl.json'), JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Pass', End: true } } }));
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('prints the policy document: one statement per task named after its state, .sync and request-response apart', () => {
  const r = run(dir, ['policy', 'pipeline.asl.json']);
  assert.equal(r.status, 0, r.err);
  assert.equal(r.err, '');
  assert.deepEqual(JSON.parse(r.out), expected('*', '*'));
  assert.equal(r.out, JSON.stringify(expected('*', '*'), null, 2) + '\n');
});

test('--region and --account narrow the ARNs', () => {
  const r = run(dir, ['policy', '--region', 'us-east-1', '--account', '111122223333', 'pipeline.asl.json']);
  assert.equal(r.status, 0, r.err);
  assert.deepEqual(JSON.parse(r.out), expected('us-east-1', '111122223333'));
});

test('the partition the Tasks\' Resources name is the policy\'s unless --partition says another (new-user walk: an aws-cn machine got arn:aws:)', () => {
  writeFileSync(join(dir, 'china.asl.json'), JSON.stringify(pipeline).replace(/arn:aws:states:::/g, 'arn:aws-cn:states:::'));
  const cn = JSON.parse(run(dir, ['policy', 'china.asl.json']).out);
  assert.ok(cn.Statement.flatMap((st: { Resource: string[] }) => st.Resource).filter((r: string) => r.startsWith('arn:')).every((r: string) => r.startsWith('arn:aws-cn:') || r.startsWith('arn:aws:iam::')), JSON.stringify(cn));
  const given = JSON.parse(run(dir, ['policy', '--partition', 'aws-us-gov', 'china.asl.json']).out);
  assert.ok(JSON.stringify(given).includes('arn:aws-us-gov:sagemaker:'));
});

test('--partition, --region, --account and --state-machine-name must be what an ARN has there (hostile23: ":", "/" and "*" named other resources)', () => {
  for (const [flag, value] of [['--partition', 'aws:iam::*:role/*'], ['--region', 'us-east-1:123456789012:training-job/*'], ['--account', 'x/../y'], ['--account', '12345'], ['--state-machine-name', 'a/*']]) {
    const r = run(dir, ['policy', flag, value, 'pipeline.asl.json']);
    assert.equal(r.status, 2, `${flag} ${value}`);
    assert.equal(r.out, '');
    assert.match(r.err, new RegExp(`^sagemaker-asl: ${flag} ".*" is not a`));
  }
  assert.equal(run(dir, ['policy', '--partition', 'aws-us-gov', '--region', 'us-gov-west-1', '--account', '111122223333', '--state-machine-name', 'Churn_Pipeline-1', 'pipeline.asl.json']).status, 0);
});

test('YAML, with a template placeholder role kept as written', () => {
  const r = run(dir, ['policy', 'pipeline.asl.yaml']);
  assert.equal(r.status, 0, r.err);
  const doc = JSON.parse(r.out);
  assert.deepEqual(doc.Statement.map((s: { Sid: string }) => s.Sid), ['TrainCreateTrainingJob', 'SageMakerListTags', 'TrainPassRole']);
  assert.deepEqual(doc.Statement[0].Resource, ['arn:aws:sagemaker:*:*:training-job/nightly*']);
  assert.deepEqual(doc.Statement[2].Resource, ['${SageMakerRoleArn}']);
});

test('a SageMaker API called through the AWS SDK integration (JSONata too) is in the policy: its own action, and PassRole for the role it passes', () => {
  const sdk = {
    QueryLanguage: 'JSONata',
    StartAt: 'Pipeline',
    States: {
      Pipeline: { Type: 'Task', Resource: 'arn:aws:states:::aws-sdk:sagemaker:startPipelineExecution', Arguments: { PipelineName: 'churn' }, Next: 'Model' },
      Model: { Type: 'Task', Resource: 'arn:aws:states:::aws-sdk:sagemaker:createModel', Arguments: { ModelName: 'm', ExecutionRoleArn: '{% $states.input.role %}' }, Next: 'Lambda' },
      Lambda: { Type: 'Task', Resource: 'arn:aws:states:::aws-sdk:lambda:invoke', Arguments: { FunctionName: 'f' }, End: true },
    },
  };
  writeFileSync(join(dir, 'sdk.asl.json'), JSON.stringify(sdk));
  const r = run(dir, ['policy', '--account', '111122223333', 'sdk.asl.json']);
  assert.equal(r.status, 0, r.err);
  assert.deepEqual(JSON.parse(r.out).Statement.map((s: { Sid: string; Action: string[]; Resource: string[] }) => [s.Sid, s.Action.join(), s.Resource.join()]), [
    ['PipelineStartPipelineExecution', 'sagemaker:StartPipelineExecution', '*'],
    ['ModelCreateModel', 'sagemaker:CreateModel', '*'],
    ['ModelPassRole', 'iam:PassRole', 'arn:aws:iam::111122223333:role/*'],
  ]);
});

test('a state machine without SageMaker tasks: an empty policy, and a note', () => {
  const r = run(dir, ['policy', 'lambda.asl.json']);
  assert.equal(r.status, 0);
  assert.deepEqual(JSON.parse(r.out), { Version: '2012-10-17', Statement: [] });
  assert.equal(r.err, 'sagemaker-asl: lambda.asl.json has no SageMaker task and no Distributed Map: the policy is empty\n');
});

test('not a state machine, a missing file, no file: exit 2 with the reason', () => {
  assert.deepEqual(run(dir, ['policy', 'package.json']), { status: 2, out: '', err: 'sagemaker-asl: package.json is not a state machine (no StartAt and States)\n' });
  assert.deepEqual(run(dir, ['policy', 'missing.asl.json']), { status: 2, out: '', err: 'sagemaker-asl: cannot read missing.asl.json: no such file or directory\n' });
  const none = run(dir, ['policy']);
  assert.equal(none.status, 2);
  assert.match(none.err, /^sagemaker-asl: policy takes one file\n\nUsage: sagemaker-asl policy/);
});

test('a * or ? written in a name or a role is no wildcard in the policy (IAM\'s ${*} / ${?}); a file that does not parse, or is too deep to read, gets no policy: exit 2', () => {
  const train = pipeline.States.Train;
  const wild = { StartAt: 'Train', States: { Train: { ...train, Parameters: { ...train.Parameters, 'TrainingJobName.$': undefined, TrainingJobName: 'demo?job', RoleArn: 'arn:aws:iam::111122223333:role/*' } } } };
  writeFileSync(join(dir, 'wild.asl.json'), JSON.stringify(wild));
  const r = run(dir, ['policy', 'wild.asl.json']);
  assert.equal(r.status, 0, r.err);
  const resources = JSON.parse(r.out).Statement.flatMap((s: { Resource: string[] }) => s.Resource);
  assert.ok(resources.includes('arn:aws:sagemaker:*:*:training-job/demo${?}job*'), resources.join());
  assert.ok(resources.includes('arn:aws:iam::111122223333:role/${*}'), resources.join());
  writeFileSync(join(dir, 'broken.asl.json'), JSON.stringify(pipeline).slice(0, -1));
  const broken = run(dir, ['policy', 'broken.asl.json']);
  assert.equal(broken.status, 2);
  assert.match(broken.err, /^sagemaker-asl: broken\.asl\.json does not parse: /);
  writeFileSync(join(dir, 'deep.asl.json'), JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Pass', Result: '@', Next: 'Train' }, Train: train } }).replace('"@"', '['.repeat(3000) + ']'.repeat(3000)));
  const deep = run(dir, ['policy', 'deep.asl.json']);
  assert.equal(deep.status, 2);
  assert.match(deep.err, /^sagemaker-asl: deep\.asl\.json cannot be read in full: /);
  // A template whose own text parses, and a definition it holds as text does not.
  writeFileSync(join(dir, 'broken-definition.yaml'), ['Resources:', '  M:', '    Type: AWS::StepFunctions::StateMachine', '    Properties:', '      DefinitionString: |', '        {"StartAt": "T", "States": {"T": {"Type": "Pass" "End": true}}}', ''].join('\n'));
  const inner = run(dir, ['policy', 'broken-definition.yaml']);
  assert.equal(inner.status, 2);
  assert.match(inner.err, /^sagemaker-asl: broken-definition\.yaml does not parse: JSON syntax error/);
});

test('a template: the policy of every state machine it holds (as lint checks them), a job spec: of its request', () => {
  const sam = readFileSync(join(root, 'test/fixtures/templates/sam-training.yaml'), 'utf8');
  writeFileSync(join(dir, 'template.yaml'), sam);
  const r = run(dir, ['policy', 'template.yaml']);
  assert.equal(r.status, 0, r.err);
  const sids = (JSON.parse(r.out) as { Statement: { Sid: string }[] }).Statement.map((s) => s.Sid);
  assert.ok(sids.includes('TrainCreateTrainingJob') && sids.includes('ScoreCreateTransformJob'), sids.join(' '));
  writeFileSync(join(dir, 'job.json'), readFileSync(join(root, 'test/fixtures/jobspecs/job.json'), 'utf8'));
  const spec = run(dir, ['policy', 'job.json']);
  assert.equal(spec.status, 0, spec.err);
  assert.ok((JSON.parse(spec.out) as { Statement: { Action: string[] }[] }).Statement.some((s) => s.Action.includes('sagemaker:CreateTrainingJob')), spec.out);
});

test('--machine: in a template with several state machines, the policy of the one named (each resource has its own role)', () => {
  const machine = (state: string, api: string, name: string) => ({ Type: 'AWS::StepFunctions::StateMachine', Properties: { RoleArn: 'arn:aws:iam::111122223333:role/sfn', Definition: { StartAt: state, States: { [state]: { Type: 'Task', Resource: `arn:aws:states:::sagemaker:${api}`, Parameters: { ModelName: name, EndpointConfigName: name }, End: true } } } } });
  writeFileSync(join(dir, 'two.template.json'), JSON.stringify({ Resources: { Models: machine('Save', 'createModel', 'm'), Configs: machine('Configure', 'createEndpointConfig', 'c') } }, null, 2));
  const sids = (args: string[]) => (JSON.parse(run(dir, ['policy', ...args, 'two.template.json']).out) as { Statement: { Sid: string }[] }).Statement.map((s) => s.Sid);
  assert.deepEqual(sids([]).filter((s) => s !== 'SageMakerListTags'), ['SaveCreateModel', 'ConfigureCreateEndpointConfig']);
  assert.deepEqual(sids(['--machine', 'Configs']).filter((s) => s !== 'SageMakerListTags'), ['ConfigureCreateEndpointConfig']);
  assert.deepEqual(run(dir, ['policy', '--machine', 'Nope', 'two.template.json']), { status: 2, out: '', err: 'sagemaker-asl: two.template.json has no state machine named "Nope": it has "Models", "Configs"\n' });
  const plain = run(dir, ['policy', '--machine', 'Models', 'lambda.asl.json']);
  assert.deepEqual([plain.status, plain.err], [2, 'sagemaker-asl: --machine names a state machine of a template, and lambda.asl.json is no template\n']);
});

test('a Distributed Map: StartExecution and DescribeExecution on the state machine --state-machine-name names, and its dataset in S3', () => {
  const machine = {
    StartAt: 'Score',
    States: {
      Score: {
        Type: 'Map',
        ItemReader: { Resource: 'arn:aws:states:::s3:listObjectsV2', Parameters: { Bucket: 'data', Prefix: 'batches/' } },
        ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, StartAt: 'Done', States: { Done: { Type: 'Succeed' } } },
        ResultWriter: { Resource: 'arn:aws:states:::s3:putObject', Parameters: { Bucket: 'results', Prefix: 'runs' } },
        End: true,
      },
    },
  };
  writeFileSync(join(dir, 'distributed.asl.json'), JSON.stringify(machine));
  const r = run(dir, ['policy', '--region', 'us-east-1', '--account', '111122223333', '--state-machine-name', 'scoring', 'distributed.asl.json']);
  assert.equal(r.status, 0, r.err);
  assert.equal(r.err, '');
  assert.deepEqual(JSON.parse(r.out).Statement.map((s: { Sid: string; Action: string[]; Resource: string[] }) => [s.Sid, s.Action.join(), s.Resource.join()]), [
    ['ScoreStartExecution', 'states:StartExecution', 'arn:aws:states:us-east-1:111122223333:stateMachine:scoring'],
    ['ScoreDescribeExecution', 'states:DescribeExecution', 'arn:aws:states:us-east-1:111122223333:execution:scoring:*'],
    ['ScoreItemReaderList', 's3:ListBucket', 'arn:aws:s3:::data'],
    ['ScoreItemReader', 's3:GetObject', 'arn:aws:s3:::data/batches/*'],
    ['ScoreResultWriter', 's3:PutObject,s3:GetObject,s3:ListMultipartUploadParts,s3:AbortMultipartUpload', 'arn:aws:s3:::results/runs/*'],
  ]);
});

test('a Distributed Map in a template: the state machine its resource names (StateMachineName, SAM\'s Name) unless --state-machine-name says another; a computed or referenced name is none', () => {
  const map = 'StartAt: Fan\n        States:\n          Fan:\n            Type: Map\n            ItemProcessor:\n              ProcessorConfig: {Mode: DISTRIBUTED, ExecutionType: STANDARD}\n              StartAt: P\n              States:\n                P: {Type: Pass, End: true}\n            End: true\n';
  const resource = (logical: string, type: string, name: string) => `  ${logical}:\n    Type: ${type}\n    Properties:\n      ${name}\n      Definition:\n        ${map}`;
  writeFileSync(join(dir, 'fanout.yaml'), `Resources:\n${resource('Fanout', 'AWS::StepFunctions::StateMachine', 'StateMachineName: my-fanout')}${resource('Sam', 'AWS::Serverless::StateMachine', 'Name: sam-fanout')}${resource('Computed', 'AWS::StepFunctions::StateMachine', 'StateMachineName: !Sub "${AWS::StackName}-fanout"')}${resource('Referenced', 'AWS::StepFunctions::StateMachine', 'StateMachineName: !Ref NameParameter')}`);
  const starts = (args: string[]) => {
    const r = run(dir, ['policy', ...args, 'fanout.yaml']);
    assert.equal(r.status, 0, r.err);
    return JSON.parse(r.out).Statement.filter((s: { Action: string[] }) => s.Action.includes('states:StartExecution')).map((s: { Resource: string[] }) => s.Resource.join());
  };
  // A computed name (a Sub of a placeholder, a Ref to a Parameter) is any name; the two of them, one statement.
  assert.deepEqual(starts([]), ['arn:aws:states:*:*:stateMachine:my-fanout', 'arn:aws:states:*:*:stateMachine:sam-fanout', 'arn:aws:states:*:*:stateMachine:*']);
  assert.deepEqual(starts(['--machine', 'Sam']), ['arn:aws:states:*:*:stateMachine:sam-fanout']);
  // One name for all of them: one statement.
  assert.deepEqual(starts(['--state-machine-name', 'other']), ['arn:aws:states:*:*:stateMachine:other']);
});

test('a template\'s machine: the literal values its DefinitionSubstitutions give placeholders are put in, inside a string too; a Parameter\'s Default (a deployment may override it) and an intrinsic\'s value are not', () => {
  const task = (name: string) => `Type: Task\n            Resource: arn:aws:states:::sagemaker:createTransformJob\n            Parameters:\n              TransformJobName: ${name}\n              ModelName: m\n              TransformInput: {DataSource: {S3DataSource: {S3DataType: S3Prefix, S3Uri: s3://b/i}}}\n              TransformOutput: {S3OutputPath: s3://b/o}\n              TransformResources: {InstanceCount: 1, InstanceType: ml.m5.large}\n            End: true`;
  writeFileSync(
    join(dir, 'substituted.yaml'),
    `Parameters:\n  Stage:\n    Type: String\n    Default: prod\n  Team:\n    Type: String\nResources:\n  Score:\n    Type: AWS::StepFunctions::StateMachine\n    Properties:\n      DefinitionSubstitutions:\n        Prefix: churn\n      Definition:\n        StartAt: A\n        States:\n          A:\n            ${task('"${Prefix}-${Stage}-${Team}"')}\n`,
  );
  const r = run(dir, ['policy', 'substituted.yaml']);
  assert.equal(r.status, 0, r.err);
  const create = JSON.parse(r.out).Statement.find((s: { Action: string[] }) => s.Action.includes('sagemaker:CreateTransformJob'));
  // Stage's Default is only the default, Team has none: both stay placeholders, as a name with one always did.
  assert.deepEqual(create.Resource, ['arn:aws:sagemaker:*:*:transform-job/churn-${Stage}-${Team}*']);
  // The repository's SAM fixture: its role is !GetAtt SageMakerRole.Arn, any role (not the text "${SageMakerRole.Arn}").
  writeFileSync(join(dir, 'sam.yaml'), readFileSync(join(root, 'test/fixtures/templates/sam-training.yaml'), 'utf8'));
  const sam = run(dir, ['policy', 'sam.yaml']);
  assert.equal(sam.status, 0, sam.err);
  const passRole = JSON.parse(sam.out).Statement.find((s: { Action: string[] }) => s.Action.includes('iam:PassRole'));
  assert.ok(passRole.Resource.every((r: string) => !r.includes('${')), passRole.Resource.join());
});

test('a template\'s DefinitionSubstitutions that are a Parameter (its Default only a default) or an intrinsic name any value; a literal one its text (review)', () => {
  writeFileSync(join(dir, 'refs.yaml'), readFileSync(join(root, 'test/fixtures/templates/policy-substitutions.yaml'), 'utf8'));
  const r = run(dir, ['policy', 'refs.yaml']);
  assert.equal(r.status, 0, r.err);
  const statements = JSON.parse(r.out).Statement as { Action: string[]; Resource: string[] }[];
  const of = (action: string) => statements.find((s) => s.Action.includes(action))!.Resource;
  assert.deepEqual(of('sagemaker:CreateTrainingJob'), ['arn:aws:sagemaker:*:*:training-job/*']);
  assert.deepEqual(of('iam:PassRole'), ['arn:aws:iam::*:role/*']);
  // A Sub of a Parameter stays the placeholder it writes, as a name built from one always did.
  assert.deepEqual(of('sagemaker:CreateTransformJob'), ['arn:aws:sagemaker:*:*:transform-job/${PrefixParam}-t*']);
});

test('a policy IAM would refuse for its size is printed all the same, and stderr says so (walk39: 25 training tasks of literal names made 6,568 characters)', () => {
  const states: Record<string, unknown> = {};
  // (Statements of the same actions are one since iam45: 120 tasks of literal names and roles fit as an inline policy.)
  for (let i = 0; i < 300; i++)
    states[`Train model number ${i}`] = { Type: 'Task', Resource: 'arn:aws:states:::sagemaker:createTrainingJob.sync', Parameters: { TrainingJobName: `churn-model-number-${i}`, RoleArn: `arn:aws:iam::111122223333:role/Role${i}` }, ...(i < 299 ? { Next: `Train model number ${i + 1}` } : { End: true }) };
  writeFileSync(join(dir, 'many.asl.json'), JSON.stringify({ StartAt: 'Train model number 0', States: states }));
  const r = run(dir, ['policy', 'many.asl.json']);
  assert.equal(r.status, 0);
  const size = JSON.stringify(JSON.parse(r.out)).replace(/\s+/g, '').length;
  assert.ok(size > 10240, String(size));
  assert.equal(r.err, `sagemaker-asl: many.asl.json: the policy has ${size.toLocaleString('en-US')} characters without whitespace: IAM refuses a managed policy over 6,144, and more than the 10,240 all the inline policies of a role may hold too; split it, or name its resources with wildcards\n`);
  // The usual machine: nothing said.
  assert.equal(run(dir, ['policy', 'pipeline.asl.json']).err, '');
});

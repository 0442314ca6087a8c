// What a state machine's role needs for its Distributed Map states, compared with the Step Functions developer
// guide's "IAM policies for using Distributed Map states" (iam-policies-eg-dist-map): StartExecution on the state
// machine and DescribeExecution on its executions; GetObject on a CSV/JSON dataset; ListBucket narrowed to the
// prefix and GetObject under it for ListObjectsV2; an S3 inventory's manifest and its data files; PutObject,
// GetObject, ListMultipartUploadParts and AbortMultipartUpload under a ResultWriter's prefix.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { distributedMapStatements, withUniqueSids, type DistributedMapTask } from '../../server/src/service/asl/iamPolicy';
import { createDocumentStore } from '../../server/src/service/documentStore';
import { iamPolicy } from '../../server/src/service/iamPolicy';
import { TextDocument } from 'vscode-languageserver-textdocument';

const GUIDE = { region: 'us-east-1', account: '123456789012', stateMachineName: 'myStateMachineName' };
const map = (itemReader: unknown, resultWriter?: unknown, jsonata = false): DistributedMapTask => ({ stateName: 'Process items', itemReader, resultWriter, jsonata });
const strip = (statements: ReturnType<typeof distributedMapStatements>) => statements.map(({ Sid: _sid, ...s }) => s);

const run = [
  { Effect: 'Allow', Action: ['states:StartExecution'], Resource: ['arn:aws:states:us-east-1:123456789012:stateMachine:myStateMachineName'] },
  { Effect: 'Allow', Action: ['states:DescribeExecution'], Resource: ['arn:aws:states:us-east-1:123456789012:execution:myStateMachineName:*'] },
];

test("the guide's policy for running a Distributed Map state, whatever its items (an array from its input: nothing more)", () => {
  assert.deepEqual(strip(distributedMapStatements([map(undefined)], GUIDE)), run);
  // No name given: the state machine's name is not in its definition.
  assert.deepEqual(distributedMapStatements([map(undefined)], {}).map((s) => s.Resource[0]), ['arn:aws:states:*:*:stateMachine:*', 'arn:aws:states:*:*:execution:*:*']);
  assert.deepEqual(distributedMapStatements([], GUIDE), []);
});

test("a CSV file as the dataset: s3:GetObject on that object (the guide's example)", () => {
  const reader = { ReaderConfig: { InputType: 'CSV', CSVHeaderLocation: 'FIRST_ROW' }, Resource: 'arn:aws:states:::s3:getObject', Parameters: { Bucket: 'amzn-s3-demo-bucket', Key: 'csvDataset/ratings.csv' } };
  assert.deepEqual(strip(distributedMapStatements([map(reader)], GUIDE)).slice(2), [{ Effect: 'Allow', Action: ['s3:GetObject'], Resource: ['arn:aws:s3:::amzn-s3-demo-bucket/csvDataset/ratings.csv'] }]);
  // JSONata: Arguments; a computed key: any object of the bucket.
  const jsonata = { Resource: 'arn:aws:states:::s3:getObject', Arguments: { Bucket: 'amzn-s3-demo-bucket', Key: '{% $states.input.key %}' } };
  assert.deepEqual(distributedMapStatements([map(jsonata, undefined, true)], GUIDE)[2].Resource, ['arn:aws:s3:::amzn-s3-demo-bucket/*']);
  // A template's partition (`!Sub arn:${AWS::Partition}:…`; review of session 41: the statement was left out).
  const partition = { ...reader, Resource: 'arn:${AWS::Partition}:states:::s3:getObject' };
  assert.deepEqual(distributedMapStatements([map(partition)], GUIDE)[2].Action, ['s3:GetObject']);
  const path = { Resource: 'arn:aws:states:::s3:getObject', Parameters: { 'Bucket.$': '$.bucket', Key: 'data.json' } };
  assert.deepEqual(distributedMapStatements([map(path)], GUIDE)[2].Resource, ['arn:aws:s3:::*/data.json']);
});

test('ListObjectsV2 over a prefix: ListBucket on the bucket narrowed to the prefix, GetObject under it (the guide: two statements)', () => {
  const reader = { Resource: 'arn:aws:states:::s3:listObjectsV2', Parameters: { Bucket: 'amzn-s3-demo-bucket', Prefix: 'path/to/your/json/' } };
  const [list, get] = strip(distributedMapStatements([map(reader)], GUIDE)).slice(2);
  assert.deepEqual(list, { Effect: 'Allow', Action: ['s3:ListBucket'], Resource: ['arn:aws:s3:::amzn-s3-demo-bucket'], Condition: { StringLike: { 's3:prefix': ['path/to/your/json/*'] } } });
  assert.deepEqual(get, { Effect: 'Allow', Action: ['s3:GetObject'], Resource: ['arn:aws:s3:::amzn-s3-demo-bucket/path/to/your/json/*'] });
  // No prefix, or a computed one: the whole bucket, no condition.
  const whole = strip(distributedMapStatements([map({ Resource: 'arn:aws:states:::s3:listObjectsV2', Parameters: { Bucket: 'b', 'Prefix.$': '$.p' } })], GUIDE)).slice(2);
  assert.deepEqual(whole, [{ Effect: 'Allow', Action: ['s3:ListBucket'], Resource: ['arn:aws:s3:::b'] }, { Effect: 'Allow', Action: ['s3:GetObject'], Resource: ['arn:aws:s3:::b/*'] }]);
});

test("an S3 inventory: its manifest.json and the data files of its configuration (the guide's resources)", () => {
  const reader = { ReaderConfig: { InputType: 'MANIFEST' }, Resource: 'arn:aws:states:::s3:getObject', Parameters: { Bucket: 'inventory-bucket', Key: 'myPrefix/source-bucket/myConfig-id/2024-01-01T00-00Z/manifest.json' } };
  assert.deepEqual(distributedMapStatements([map(reader)], GUIDE)[2].Resource, [
    'arn:aws:s3:::inventory-bucket/myPrefix/source-bucket/myConfig-id/2024-01-01T00-00Z/manifest.json',
    'arn:aws:s3:::inventory-bucket/myPrefix/source-bucket/myConfig-id/data/*',
  ]);
});

test("a ResultWriter: the guide's four actions under its prefix", () => {
  const writer = { Resource: 'arn:aws:states:::s3:putObject', Parameters: { Bucket: 'amzn-s3-demo-destination-bucket', Prefix: 'csvJobs' } };
  assert.deepEqual(strip(distributedMapStatements([map(undefined, writer)], GUIDE)).slice(2), [
    { Effect: 'Allow', Action: ['s3:PutObject', 's3:GetObject', 's3:ListMultipartUploadParts', 's3:AbortMultipartUpload'], Resource: ['arn:aws:s3:::amzn-s3-demo-destination-bucket/csvJobs/*'] },
  ]);
  // A WriterConfig alone writes nothing to S3.
  assert.equal(distributedMapStatements([map(undefined, { WriterConfig: { OutputType: 'JSON', Transformation: 'NONE' } })], GUIDE).length, 2);
});

test('a * or ? written in a bucket or prefix is no wildcard; Sids name the states and are unique', () => {
  const reader = { Resource: 'arn:aws:states:::s3:getObject', Parameters: { Bucket: 'b*', Key: 'k?' } };
  assert.deepEqual(distributedMapStatements([map(reader)], GUIDE)[2].Resource, ['arn:aws:s3:::b${*}/k${?}']);
  const sids = withUniqueSids([...distributedMapStatements([map(reader), map(reader)], GUIDE)]).map((s) => s.Sid);
  assert.deepEqual(sids, ['ProcessItemsStartExecution', 'ProcessItemsDescribeExecution', 'ProcessItemsItemReader', 'ProcessItemsItemReader2']);
});

test('a document: SageMaker tasks inside a Distributed Map get their statements and the Map its own; an inline Map none', () => {
  const train = { Type: 'Task', Resource: 'arn:aws:states:::sagemaker:createTrainingJob.sync', Parameters: { TrainingJobName: 'fold', RoleArn: 'arn:aws:iam::111122223333:role/R' }, End: true };
  const machine = (mode: string) => ({
    StartAt: 'Folds',
    States: {
      Folds: {
        Type: 'Map',
        ItemReader: { Resource: 'arn:aws:states:::s3:getObject', ReaderConfig: { InputType: 'JSON' }, Parameters: { Bucket: 'data', Key: 'folds.json' } },
        ItemProcessor: { ProcessorConfig: { Mode: mode, ExecutionType: 'STANDARD' }, StartAt: 'Train', States: { Train: train } },
        End: true,
      },
    },
  });
  const sids = (mode: string) => iamPolicy(createDocumentStore(), TextDocument.create('file:///m.asl.json', 'asl', 1, JSON.stringify(machine(mode))))!.Statement.map((s) => s.Sid);
  assert.deepEqual(sids('DISTRIBUTED'), ['TrainCreateTrainingJob', 'SageMakerListTags', 'TrainPassRole', 'TrainTrainingJobsEvents', 'FoldsStartExecution', 'FoldsDescribeExecution', 'FoldsItemReader']);
  assert.deepEqual(sids('INLINE'), ['TrainCreateTrainingJob', 'SageMakerListTags', 'TrainPassRole', 'TrainTrainingJobsEvents']);
});

test('a task with Credentials runs as the role they name: this role needs sts:AssumeRole on it, not the task\'s own statements (iam45)', () => {
  const train = (extra: object) => ({ Type: 'Task', Resource: 'arn:aws:states:::sagemaker:createTrainingJob.sync', Parameters: { TrainingJobName: 'fold', RoleArn: 'arn:aws:iam::444455556666:role/SM' }, End: true, ...extra });
  const policy = (state: object) => iamPolicy(createDocumentStore(), TextDocument.create('file:///m.asl.json', 'asl', 1, JSON.stringify({ StartAt: 'Train', States: { Train: state } })))!.Statement;
  assert.deepEqual(policy(train({ Credentials: { RoleArn: 'arn:aws:iam::444455556666:role/Trainer' } })), [
    { Sid: 'TrainAssumeRole', Effect: 'Allow', Action: ['sts:AssumeRole'], Resource: ['arn:aws:iam::444455556666:role/Trainer'] },
  ]);
  // A computed role is any role, in any account.
  assert.deepEqual(policy(train({ Credentials: { 'RoleArn.$': '$.role' } })).map((s) => s.Resource), [['arn:aws:iam::*:role/*']]);
  // Without Credentials, the task's own statements.
  assert.deepEqual(policy(train({})).map((s) => s.Sid), ['TrainCreateTrainingJob', 'SageMakerListTags', 'TrainPassRole', 'TrainTrainingJobsEvents']);
});

test('a SageMaker Runtime call through the AWS SDK integration: sagemaker:InvokeEndpoint on the endpoint it names (iam45)', () => {
  const infer = (Parameters: object, action = 'invokeEndpoint') => ({ Type: 'Task', Resource: `arn:aws:states:::aws-sdk:sagemakerruntime:${action}`, Parameters, End: true });
  const policy = (state: object) => iamPolicy(createDocumentStore(), TextDocument.create('file:///m.asl.json', 'asl', 1, JSON.stringify({ StartAt: 'Infer', States: { Infer: state } })))!.Statement;
  assert.deepEqual(policy(infer({ EndpointName: 'Churn-Prod', Body: '1,2', ContentType: 'text/csv' })), [
    { Sid: 'InferInvokeEndpoint', Effect: 'Allow', Action: ['sagemaker:InvokeEndpoint'], Resource: ['arn:aws:sagemaker:*:*:endpoint/churn-prod'] },
  ]);
  assert.deepEqual(policy(infer({ 'EndpointName.$': '$.endpoint', InputLocation: 's3://b/k' }, 'invokeEndpointAsync')).map((s) => [s.Action, s.Resource]), [[['sagemaker:InvokeEndpointAsync'], ['arn:aws:sagemaker:*:*:endpoint/*']]]);
});

test('every Task\'s Credentials, a streaming call\'s action, the partition of what is not a SageMaker task (the review of the day)', () => {
  const policy = (states: Record<string, object>) => iamPolicy(createDocumentStore(), TextDocument.create('file:///m.asl.json', 'asl', 1, JSON.stringify({ StartAt: Object.keys(states)[0], States: states })))!.Statement;
  const runtime = (action: string, extra: object = {}) => ({ Type: 'Task', Resource: `arn:aws-cn:states:::aws-sdk:sagemakerruntime:${action}`, Parameters: { EndpointName: 'e', Body: 'x' }, End: true, ...extra });
  assert.deepEqual(policy({ A: runtime('invokeEndpointWithResponseStream') }).map((s) => [s.Action, s.Resource]), [[['sagemaker:InvokeEndpoint'], ['arn:aws-cn:sagemaker:*:*:endpoint/e']]]);
  assert.deepEqual(policy({ A: runtime('invokeEndpoint', { Credentials: { RoleArn: 'arn:aws-cn:iam::111122223333:role/X' } }) }), [
    { Sid: 'AAssumeRole', Effect: 'Allow', Action: ['sts:AssumeRole'], Resource: ['arn:aws-cn:iam::111122223333:role/X'] },
  ]);
  assert.deepEqual(policy({ L: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Arguments: { FunctionName: 'f' }, Credentials: { RoleArn: '{% $states.input.role %}' }, QueryLanguage: 'JSONata', End: true } }).map((s) => [s.Action, s.Resource]), [[['sts:AssumeRole'], ['arn:aws:iam::*:role/*']]]);
});

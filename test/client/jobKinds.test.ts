// The job-kind table is the one place a kind is described: the manifest, the protocol and the runner follow it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { JOB_KINDS, JOB_KIND_NAMES, TERMINAL_STATUSES, isTerminalStatus, jobKindOfApi } from '../../server/src/jobKinds';
import { JOB_APIS } from '../../client/src/jobs/jobApis';
import { TasksRequest } from '../../server/src/protocol';
import { SageMakerEmulator } from '../../emulator/src/sagemaker';

const manifest = JSON.parse(readFileSync('package.json', 'utf8'));

test('every kind has its start command contributed with the title its CodeLens shows, offered in the palette only where trusted', () => {
  for (const kind of JOB_KIND_NAMES) {
    const k = JOB_KINDS[kind];
    const command = manifest.contributes.commands.find((c: { command: string }) => c.command === k.command);
    assert.deepEqual([command?.title, command?.category], [k.title, 'SageMaker'], kind);
    const palette = manifest.contributes.menus.commandPalette.find((m: { command: string }) => m.command === k.command);
    assert.match(palette?.when ?? '', /^isWorkspaceTrusted && /, kind);
  }
});

test('a Task API names its kind; other integrations have none', () => {
  assert.equal(jobKindOfApi('createTrainingJob'), 'training');
  assert.equal(jobKindOfApi('createTransformJob'), 'transform');
  assert.equal(jobKindOfApi('createModel'), undefined);
});

test('terminal statuses', () => {
  assert.deepEqual([...TERMINAL_STATUSES], ['Completed', 'Failed', 'Stopped']);
  assert.deepEqual(['Completed', 'Failed', 'Stopped', 'Stopping', 'InProgress', undefined].map(isTerminalStatus), [true, true, true, false, false, false]);
});

test('the client has the SDK calls of every kind, and no other', () => {
  assert.deepEqual(Object.keys(JOB_APIS).sort(), [...JOB_KIND_NAMES].sort());
});

test('the typed request carries its method name', () => {
  assert.equal(TasksRequest.method, 'sagemaker/tasks');
});

test('the emulator serves every kind of the table: its Create, Describe and Stop by name, its log group, its terminal statuses', () => {
  let now = 0;
  const emulator = new SageMakerEmulator({ stepMs: 10, trainingSteps: 1, failNames: [], region: 'us-east-1', account: '123456789012', instanceLimit: 20 }, () => now);
  const requests = {
    training: { TrainingJobName: 'kinds-1', RoleArn: 'arn:aws:iam::123456789012:role/r', AlgorithmSpecification: { TrainingImage: 'img:1', TrainingInputMode: 'File' }, OutputDataConfig: { S3OutputPath: 's3://b/o' }, ResourceConfig: { InstanceType: 'ml.m5.xlarge', InstanceCount: 1, VolumeSizeInGB: 1 }, StoppingCondition: { MaxRuntimeInSeconds: 60 } },
    transform: { TransformJobName: 'kinds-1', ModelName: 'm', TransformInput: { DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: 's3://b/i' } } }, TransformOutput: { S3OutputPath: 's3://b/o' }, TransformResources: { InstanceType: 'ml.m5.xlarge', InstanceCount: 1 } },
    processing: { ProcessingJobName: 'kinds-1', RoleArn: 'arn:aws:iam::123456789012:role/r', AppSpecification: { ImageUri: 'img:1' }, ProcessingResources: { ClusterConfig: { InstanceType: 'ml.m5.xlarge', InstanceCount: 1, VolumeSizeInGB: 1 } } },
  };
  assert.deepEqual(Object.keys(requests).sort(), [...JOB_KIND_NAMES].sort());
  for (const kind of JOB_KIND_NAMES) {
    const k = JOB_KINDS[kind];
    const name = { [k.nameField]: 'kinds-1' };
    const created = emulator.handle(`SageMaker.${k.operations.create}`, requests[kind]);
    assert.match(String(Object.values(created)[0]), new RegExp(`:${kind}-job/kinds-1$`), kind);
    assert.equal(emulator.handle(`SageMaker.${k.operations.describe}`, name)[k.nameField], 'kinds-1', kind);
    assert.deepEqual(emulator.handle(`SageMaker.${k.operations.stop}`, name), {}, kind);
    now += 1000;
    const stopped = emulator.handle(`SageMaker.${k.operations.describe}`, name);
    assert.ok(Object.entries(stopped).some(([key, v]) => key.endsWith('JobStatus') && v === 'Stopped' && isTerminalStatus(v)), kind);
    const streams = emulator.handle('Logs_20140328.DescribeLogStreams', { logGroupName: k.logGroup, logStreamNamePrefix: 'kinds-1/' });
    assert.ok(streams.logStreams.length > 0, `${kind}: logs in ${k.logGroup}`);
  }
});

// The job-kind table is the one place a kind is described: the manifest, the protocol and the runner follow it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { JOB_KINDS, JOB_KIND_NAMES, TERMINAL_STATUSES, isTerminalStatus, jobKindOfApi, logStreamsOf } from '../../server/src/jobKinds';
import { SAGEMAKER_INTEGRATIONS } from '../../server/src/service/sagemaker/integrations';
import { JOB_APIS } from '../../client/src/jobs/jobApis';
import { TasksRequest } from '../../server/src/protocol';
import { SageMakerEmulator } from '../../emulator/src/sagemaker';
import { tuningRequest } from './emulator';

const manifest = JSON.parse(readFileSync('package.json', 'utf8'));

test('every kind has its start command contributed with the title its CodeLens shows, offered in the palette untrusted too (it says why it cannot launch; walk39: hidden, the palette ran Fix All instead), never on a preview', () => {
  for (const kind of JOB_KIND_NAMES) {
    const k = JOB_KINDS[kind];
    const command = manifest.contributes.commands.find((c: { command: string }) => c.command === k.command);
    assert.deepEqual([command?.title, command?.category], [k.title, 'SageMaker'], kind);
    const palette = manifest.contributes.menus.commandPalette.find((m: { command: string }) => m.command === k.command);
    assert.doesNotMatch(palette?.when ?? '', /isWorkspaceTrusted/, kind);
    assert.match(palette?.when ?? '', /resourceScheme != sagemaker-asl/, kind);
  }
});

test('a Task API names its kind; other integrations have none', () => {
  assert.equal(jobKindOfApi('createTrainingJob'), 'training');
  assert.equal(jobKindOfApi('createTransformJob'), 'transform');
  assert.equal(jobKindOfApi('createHyperParameterTuningJob'), 'tuning');
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
    tuning: tuningRequest('kinds-1', { total: 2, parallel: 1, objective: { Type: 'Minimize', MetricName: 'validation:rmse' } }),
  };
  assert.deepEqual(Object.keys(requests).sort(), [...JOB_KIND_NAMES].sort());
  for (const kind of JOB_KIND_NAMES) {
    const k = JOB_KINDS[kind];
    const name = { [k.nameField]: 'kinds-1' };
    const created = emulator.handle(`SageMaker.${k.operations.create}`, requests[kind]);
    assert.match(String(Object.values(created)[0]), new RegExp(`:${SAGEMAKER_INTEGRATIONS[k.api].policy.resources[0].type}/kinds-1$`), kind);
    now += 10; // a tuning job's first training job is launched a step after it is created
    assert.equal(emulator.handle(`SageMaker.${k.operations.describe}`, name)[k.nameField], 'kinds-1', kind);
    assert.deepEqual(emulator.handle(`SageMaker.${k.operations.stop}`, name), {}, kind);
    now += 1000;
    const stopped = emulator.handle(`SageMaker.${k.operations.describe}`, name);
    assert.ok(Object.entries(stopped).some(([key, v]) => key.endsWith('JobStatus') && v === 'Stopped' && isTerminalStatus(v)), kind);
    const { prefix, matches } = logStreamsOf(kind, 'kinds-1');
    const streams = emulator.handle('Logs_20140328.DescribeLogStreams', { logGroupName: k.logGroup, logStreamNamePrefix: prefix });
    assert.ok(streams.logStreams.filter((s: { logStreamName: string }) => matches(s.logStreamName)).length > 0, `${kind}: logs in ${k.logGroup}`);
  }
});

test("a tuning job's logs are its training jobs' streams (<name>-NNN-xxxxxxxx/…), not those of a job that only shares the name's start", () => {
  const { prefix, matches } = logStreamsOf('tuning', 'churn');
  assert.equal(prefix, 'churn-');
  assert.deepEqual(['churn-001-9a55f6b5/algo-1-1700000000', 'churn-baseline/algo-1-1700000000', 'churn-001-9a55f6b5', 'churn/algo-1'].map(matches), [true, false, false, false]);
  const own = logStreamsOf('training', 'churn');
  assert.deepEqual(['churn/algo-1-1700000000', 'churn-001-9a55f6b5/algo-1'].map(own.matches), [true, false]);
});

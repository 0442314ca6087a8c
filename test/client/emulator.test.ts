// The emulator on the wire: AWS JSON 1.1 requests, answers and errors as the real services send them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startEmulator, useEmulator, callJson, trainingRequest, tuningRequest, JSON_HEADERS } from './emulator';

const emu = useEmulator(['--step-ms', '20', '--training-steps', '1', '--quiet']);

test('CreateTrainingJob answers the ARN, and a job then goes Starting → Downloading → Training → Uploading → Completed', async () => {
  const created = await callJson(emu.url, 'SageMaker.CreateTrainingJob', trainingRequest('wire-1'));
  assert.equal(created.status, 200);
  assert.deepEqual(created.json, { TrainingJobArn: 'arn:aws:sagemaker:us-east-1:123456789012:training-job/wire-1' });
  await new Promise((r) => setTimeout(r, 150));
  const d = (await callJson(emu.url, 'SageMaker.DescribeTrainingJob', { TrainingJobName: 'wire-1' })).json;
  assert.equal(d.TrainingJobStatus, 'Completed');
  assert.deepEqual(d.SecondaryStatusTransitions.map((t: any) => t.Status), ['Starting', 'Downloading', 'Training', 'Uploading', 'Completed']);
  assert.equal(d.ModelArtifacts.S3ModelArtifacts, 's3://bucket/models/wire-1/output/model.tar.gz');
  assert.equal(typeof d.BillableTimeInSeconds, 'number');
});

test('a duplicate name is ResourceInUse, with the x-amzn-ErrorType header', async () => {
  await callJson(emu.url, 'SageMaker.CreateTrainingJob', trainingRequest('wire-dup'));
  const again = await callJson(emu.url, 'SageMaker.CreateTrainingJob', trainingRequest('wire-dup'));
  assert.equal(again.status, 400);
  assert.equal(again.json.__type, 'ResourceInUse');
  assert.equal(again.headers.get('x-amzn-errortype'), 'ResourceInUse');
  assert.match(again.json.Message, /a training job with this name already exists/);
});

test('invalid requests are ValidationException, with the constraints of the AWS model', async () => {
  const bad = await callJson(emu.url, 'SageMaker.CreateTrainingJob', {
    ...trainingRequest('churn_xgb'),
    RoleArn: undefined,
    ResourceConfig: { InstanceType: 'ml.nope.huge', InstanceCount: 1, VolumeSizeInGB: 30 },
  });
  assert.equal(bad.status, 400);
  assert.equal(bad.json.__type, 'ValidationException');
  assert.match(bad.json.Message, /^3 validation errors detected: /);
  assert.match(bad.json.Message, /Value 'churn_xgb' at 'trainingJobName' failed to satisfy constraint: Member must satisfy regular expression pattern: \[a-zA-Z0-9\]\(-\*\[a-zA-Z0-9\]\)\{0,62\}/);
  assert.match(bad.json.Message, /Value null at 'roleArn' failed to satisfy constraint: Member must not be null/);
  assert.match(bad.json.Message, /Value 'ml.nope.huge' at 'resourceConfig.instanceType' failed to satisfy constraint: Member must satisfy enum value set: \[ml.m4.xlarge, .*more\]/);
});

test('a transform job needs its required members', async () => {
  const bad = await callJson(emu.url, 'SageMaker.CreateTransformJob', { TransformJobName: 'batch-1', ModelName: 'm' });
  assert.equal(bad.json.__type, 'ValidationException');
  assert.match(bad.json.Message, /^3 validation errors detected: Value null at 'transformInput'.*'transformOutput'.*'transformResources'/);
});

test('Describe of an unknown job is ValidationException "Requested resource not found."; Stop is ResourceNotFound', async () => {
  const d = await callJson(emu.url, 'SageMaker.DescribeTrainingJob', { TrainingJobName: 'nope' });
  assert.deepEqual([d.status, d.json.__type, d.json.Message], [400, 'ValidationException', 'Requested resource not found.']);
  const s = await callJson(emu.url, 'SageMaker.StopTrainingJob', { TrainingJobName: 'nope' });
  assert.equal(s.json.__type, 'ResourceNotFound');
});

test('stopping a finished job is refused with its status', async () => {
  await callJson(emu.url, 'SageMaker.CreateTrainingJob', trainingRequest('wire-done'));
  await new Promise((r) => setTimeout(r, 150));
  const s = await callJson(emu.url, 'SageMaker.StopTrainingJob', { TrainingJobName: 'wire-done' });
  assert.equal(s.json.__type, 'ValidationException');
  assert.equal(s.json.Message, 'The request was rejected because the training job is in status Completed.');
});

test('CloudWatch Logs on the same port: streams of the job and events with forward tokens', async () => {
  await callJson(emu.url, 'SageMaker.CreateTrainingJob', trainingRequest('wire-logs'));
  await new Promise((r) => setTimeout(r, 150));
  const streams = (await callJson(emu.url, 'Logs_20140328.DescribeLogStreams', { logGroupName: '/aws/sagemaker/TrainingJobs', logStreamNamePrefix: 'wire-logs/' })).json;
  assert.equal(streams.logStreams.length, 1);
  assert.match(streams.logStreams[0].logStreamName, /^wire-logs\/algo-1-\d+$/);
  const first = (await callJson(emu.url, 'Logs_20140328.GetLogEvents', { logGroupName: '/aws/sagemaker/TrainingJobs', logStreamName: streams.logStreams[0].logStreamName, startFromHead: true })).json;
  assert.ok(first.events.length >= 4);
  assert.equal(first.events.at(-1).message, 'Training complete.');
  const again = (await callJson(emu.url, 'Logs_20140328.GetLogEvents', { logGroupName: '/aws/sagemaker/TrainingJobs', logStreamName: streams.logStreams[0].logStreamName, nextToken: first.nextForwardToken })).json;
  assert.deepEqual(again.events, []);
  assert.equal(again.nextForwardToken, first.nextForwardToken);
  const filtered = (await callJson(emu.url, 'Logs_20140328.FilterLogEvents', { logGroupName: '/aws/sagemaker/TrainingJobs', logStreamNamePrefix: 'wire-logs', filterPattern: 'Training complete' })).json;
  assert.equal(filtered.events.length, 1);
  const missing = await callJson(emu.url, 'Logs_20140328.DescribeLogStreams', { logGroupName: '/aws/nothing' });
  assert.equal(missing.json.__type, 'ResourceNotFoundException');
});

test('ListTrainingJobs filters by name and status, newest first', async () => {
  const out = (await callJson(emu.url, 'SageMaker.ListTrainingJobs', { NameContains: 'wire-d', StatusEquals: 'Completed' })).json;
  assert.deepEqual(out.TrainingJobSummaries.map((s: any) => s.TrainingJobName), ['wire-done', 'wire-dup']);
});

test('faults injected at runtime fire the given number of times on the given operation', async () => {
  await emu.faults([{ fault: 'throttle', target: 'ListTrainingJobs', count: 2 }, { fault: 'expiredToken', target: 'Logs_20140328.*' }]);
  const codes = [];
  for (let i = 0; i < 3; i++) codes.push((await callJson(emu.url, 'SageMaker.ListTrainingJobs', {})).json.__type);
  assert.deepEqual(codes, ['ThrottlingException', 'ThrottlingException', undefined]);
  const logs = await callJson(emu.url, 'Logs_20140328.DescribeLogStreams', { logGroupName: '/aws/sagemaker/TrainingJobs' });
  assert.deepEqual([logs.status, logs.json.__type], [400, 'ExpiredTokenException']);
  await assert.rejects(
    (async () => {
      await emu.faults([{ fault: 'drop', target: 'ListTrainingJobs' }]);
      await callJson(emu.url, 'SageMaker.ListTrainingJobs', {});
    })(),
    /fetch failed/,
  );
  await emu.clearFaults();
});

test('an unknown operation and a bad body are clear errors', async () => {
  assert.equal((await callJson(emu.url, 'SageMaker.CreateModel', {})).json.__type, 'UnknownOperationException');
  const res = await fetch(emu.url, { method: 'POST', headers: { 'X-Amz-Target': 'SageMaker.ListTrainingJobs' }, body: '{nope' });
  assert.equal(((await res.json()) as { __type: string }).__type, 'SerializationException');
});

test('--fault on the command line, and a job whose name contains "fail" fails with a reason', async () => {
  const other = await startEmulator(['--step-ms', '10', '--fault', 'error503:CreateTrainingJob:1', '--quiet']);
  try {
    const first = await callJson(other.url, 'SageMaker.CreateTrainingJob', trainingRequest('will-fail'));
    assert.deepEqual([first.status, first.json.__type], [503, 'ServiceUnavailable']);
    assert.equal((await callJson(other.url, 'SageMaker.CreateTrainingJob', trainingRequest('will-fail'))).status, 200);
    await new Promise((r) => setTimeout(r, 120));
    const d = (await callJson(other.url, 'SageMaker.DescribeTrainingJob', { TrainingJobName: 'will-fail' })).json;
    assert.equal(d.TrainingJobStatus, 'Failed');
    assert.match(d.FailureReason, /^AlgorithmError: ExecuteUserScriptError/);
    assert.equal(d.ModelArtifacts.S3ModelArtifacts, '');
  } finally {
    await other.stop();
  }
});

test('speed, failing names and limits change at runtime for the jobs created next', async () => {
  const res = await fetch(`${emu.url}/_emulator/config`, { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify({ failNames: ['broken'], instanceLimit: 2 }) });
  assert.equal(((await res.json()) as { instanceLimit: number }).instanceLimit, 2);
  const big = await callJson(emu.url, 'SageMaker.CreateTrainingJob', trainingRequest('wire-big', { ResourceConfig: { InstanceType: 'ml.m5.xlarge', InstanceCount: 3, VolumeSizeInGB: 30 } }));
  assert.equal(big.json.__type, 'ResourceLimitExceeded');
  assert.match(big.json.Message, /The account-level service limit 'ml.m5.xlarge for training job usage' is 2 Instances/);
  await callJson(emu.url, 'SageMaker.CreateTrainingJob', trainingRequest('wire-broken'));
  await new Promise((r) => setTimeout(r, 150));
  assert.equal((await callJson(emu.url, 'SageMaker.DescribeTrainingJob', { TrainingJobName: 'wire-broken' })).json.TrainingJobStatus, 'Failed');
  const bad = await fetch(`${emu.url}/_emulator/config`, { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify({ stepMs: 'fast' }) });
  assert.equal(bad.status, 400);
  await fetch(`${emu.url}/_emulator/config`, { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify({ failNames: ['fail'], instanceLimit: 20 }) });
});

test('transform jobs: InProgress → Completed, listed with ListTransformJobs, logs under /aws/sagemaker/TransformJobs', async () => {
  const request = { TransformJobName: 'wire-batch', ModelName: 'm', TransformInput: { DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: 's3://b/in/' } } }, TransformOutput: { S3OutputPath: 's3://b/out' }, TransformResources: { InstanceType: 'ml.m5.large', InstanceCount: 1 } };
  assert.equal((await callJson(emu.url, 'SageMaker.CreateTransformJob', request)).status, 200);
  assert.equal((await callJson(emu.url, 'SageMaker.DescribeTransformJob', { TransformJobName: 'wire-batch' })).json.TransformJobStatus, 'InProgress');
  await new Promise((r) => setTimeout(r, 150));
  const list = (await callJson(emu.url, 'SageMaker.ListTransformJobs', { NameContains: 'batch' })).json;
  assert.deepEqual(list.TransformJobSummaries.map((s: any) => [s.TransformJobName, s.TransformJobStatus]), [['wire-batch', 'Completed']]);
  const streams = (await callJson(emu.url, 'Logs_20140328.DescribeLogStreams', { logGroupName: '/aws/sagemaker/TransformJobs', logStreamNamePrefix: 'wire-batch/' })).json;
  assert.deepEqual(streams.logStreams.map((s: any) => s.logStreamName), ['wire-batch/i-0e5a1b2c3d4e5f600', 'wire-batch/i-0e5a1b2c3d4e5f600/data-log']);
});

test('tuning jobs: their training jobs run MaxParallelTrainingJobs at a time, each with its own log stream, to the best one; a failing name fails them all', async () => {
  const request = (name: string) => tuningRequest(name, { total: 3, parallel: 2, objective: { Type: 'Maximize', MetricName: 'validation:auc' }, instanceType: 'ml.m5.large' });
  const created = await callJson(emu.url, 'SageMaker.CreateHyperParameterTuningJob', request('wire-tune'));
  assert.deepEqual(created.json, { HyperParameterTuningJobArn: 'arn:aws:sagemaker:us-east-1:123456789012:hyper-parameter-tuning-job/wire-tune' });
  await callJson(emu.url, 'SageMaker.CreateHyperParameterTuningJob', request('wire-tune-fail'));
  await new Promise((r) => setTimeout(r, 200));
  const d = (await callJson(emu.url, 'SageMaker.DescribeHyperParameterTuningJob', { HyperParameterTuningJobName: 'wire-tune' })).json;
  assert.equal(d.HyperParameterTuningJobStatus, 'Completed');
  assert.deepEqual(d.TrainingJobStatusCounters, { Completed: 3, InProgress: 0, RetryableError: 0, NonRetryableError: 0, Stopped: 0 });
  // Maximize: the first training job's made-up metric is the highest.
  assert.match(d.BestTrainingJob.TrainingJobName, /^wire-tune-001-[0-9a-f]{8}$/);
  assert.deepEqual(d.BestTrainingJob.FinalHyperParameterTuningJobObjectiveMetric, { Type: 'Maximize', MetricName: 'validation:auc', Value: 0.5 });
  const streams = (await callJson(emu.url, 'Logs_20140328.DescribeLogStreams', { logGroupName: '/aws/sagemaker/TrainingJobs', logStreamNamePrefix: 'wire-tune-0' })).json;
  assert.deepEqual(streams.logStreams.map((s: any) => s.logStreamName.replace(/-[0-9a-f]{8}\//, '-x/').replace(/\d+$/, 'T')), ['wire-tune-001-x/algo-1-T', 'wire-tune-002-x/algo-1-T', 'wire-tune-003-x/algo-1-T']);
  const failed = (await callJson(emu.url, 'SageMaker.DescribeHyperParameterTuningJob', { HyperParameterTuningJobName: 'wire-tune-fail' })).json;
  assert.deepEqual([failed.HyperParameterTuningJobStatus, failed.TrainingJobStatusCounters.NonRetryableError, failed.BestTrainingJob], ['Failed', 3, undefined]);
  const list = (await callJson(emu.url, 'SageMaker.ListHyperParameterTuningJobs', { NameContains: 'wire-tune', SortBy: 'Name', SortOrder: 'Ascending' })).json;
  assert.deepEqual(list.HyperParameterTuningJobSummaries.map((s: any) => [s.HyperParameterTuningJobName, s.HyperParameterTuningJobStatus, s.TrainingJobStatusCounters.Completed]), [['wire-tune', 'Completed', 3], ['wire-tune-fail', 'Failed', 0]]);
});

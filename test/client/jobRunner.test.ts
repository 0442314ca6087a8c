// Launch → watch → stop with the real AWS SDK over HTTP against the emulator, including injected faults.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startEmulator, trainingRequest, transformRequest, tuningRequest, type RunningEmulator } from './emulator';
import { JobRunner, type StatusTransition, type LogLine, type JobRef } from '../../client/src/jobs/jobRunner';
import { explainError, JobError, type ExplainedError } from '../../client/src/jobs/awsErrors';

let emu: RunningEmulator;
const fast = { baseMs: 5, maxMs: 40, maxConsecutiveErrors: 10, createAttempts: 4 };
const credentials = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };
let runner: JobRunner;

before(async () => {
  emu = await startEmulator(['--step-ms', '30', '--training-steps', '2']);
  runner = new JobRunner({ region: 'us-east-1', endpoint: emu.url, credentials, requestTimeoutMs: 2000 }, fast);
});
after(async () => {
  runner.dispose();
  await emu.stop();
});

function recorder() {
  const transitions: StatusTransition[] = [];
  const logs: LogLine[] = [];
  const statuses: string[] = [];
  const retries: ExplainedError[] = [];
  let recovered = 0;
  return {
    transitions, logs, statuses, retries, recovered: () => recovered,
    handlers: {
      onTransition: (t: StatusTransition) => transitions.push(t),
      onLog: (l: LogLine) => logs.push(l),
      onStatus: (s: string) => statuses.push(s),
      onRetry: (x: ExplainedError) => retries.push(x),
      onRecovered: () => void recovered++,
    },
  };
}

const createCalls = async (op = 'SageMaker.CreateTrainingJob') => (await emu.stats()).requests[op] ?? 0;

test('launch → watch: every transition once, the log lines, and a summary', () => slowSteps(400, async () => {
  const started = await runner.start('training', trainingRequest('churn-1'));
  assert.deepEqual(started, { outcome: 'started', ref: { kind: 'training', name: 'churn-1' }, arn: 'arn:aws:sagemaker:us-east-1:123456789012:training-job/churn-1', recovered: undefined });
  const r = recorder();
  const summary = await runner.watch(started.ref, r.handlers, { pollMs: 10 });
  assert.deepEqual(r.transitions.map((t) => t.status), ['Starting', 'Downloading', 'Training', 'Uploading', 'Completed']);
  assert.equal(r.transitions[2].message, 'Training image download completed. Training in progress.');
  assert.deepEqual(r.statuses, ['InProgress', 'Completed']);
  assert.deepEqual(r.logs.map((l) => l.message).slice(-2), ['Saving model to /opt/ml/model', 'Training complete.']);
  assert.equal(new Set(r.logs.map((l) => l.message)).size, r.logs.length, 'each log line once');
  assert.equal(summary?.status, 'Completed');
  assert.equal(summary?.modelArtifacts, 's3://bucket/models/churn-1/output/model.tar.gz');
  assert.equal(typeof summary?.billableSeconds, 'number');
  assert.equal(typeof summary?.durationSeconds, 'number');
}));

/**
 * The emulator's steps made long for one test: a stop must arrive while the job runs, and a poll must see the job
 * in progress, even on a busy machine (with 30 ms steps a loaded machine polled only Completed).
 */
async function slowSteps<T>(stepMs: number, run: () => Promise<T>): Promise<T> {
  const config = (change: object) => fetch(`${emu.url}/_emulator/config`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(change) });
  await config({ stepMs });
  try {
    return await run();
  } finally {
    await config({ stepMs: 30 });
  }
}

test('stop: Stopping → Stopped', () => slowSteps(1500, async () => {
  const { ref } = await runner.start('training', trainingRequest('churn-stop'));
  const r = recorder();
  const watching = runner.watch(ref, r.handlers, { pollMs: 5 });
  await runner.stop(ref);
  const summary = await watching;
  assert.equal(summary?.status, 'Stopped');
  assert.deepEqual(r.transitions.map((t) => t.status).slice(-2), ['Stopping', 'Stopped']);
  await assert.rejects(runner.stop(ref), (e: JobError) => e.explained.kind === 'validation' && /in status Stopped/.test(e.message));
}));

test('a failing job ends Failed with its FailureReason', async () => {
  const { ref } = await runner.start('training', trainingRequest('churn-fail'));
  const r = recorder();
  const summary = await runner.watch(ref, r.handlers, { pollMs: 10 });
  assert.equal(summary?.status, 'Failed');
  assert.match(summary!.failureReason!, /^AlgorithmError: ExecuteUserScriptError/);
  assert.equal(r.transitions.at(-1)?.status, 'Failed');
  assert.ok(r.logs.some((l) => l.message === "KeyError: 'label'"));
});

test('a transform job: InProgress → Completed with its output path', async () => {
  const started = await runner.start('transform', transformRequest('batch-1'));
  const r = recorder();
  const summary = await runner.watch(started.ref, r.handlers, { pollMs: 10 });
  assert.deepEqual(r.transitions.map((t) => t.status), ['InProgress', 'Completed']);
  assert.equal(summary?.outputPath, 's3://bucket/predictions');
  assert.ok(r.logs.some((l) => l.message === 'Processed batch 2 of 2' && l.stream.endsWith('/data-log')));
});

test('a tuning job of 60 training jobs: the log lines of every one, past the first page of 50 streams (review of the day), and its best one', async () => {
  const started = await runner.start('tuning', tuningRequest('tune-many', { total: 60, parallel: 20, objective: { Type: 'Minimize', MetricName: 'loss' }, instanceType: 'ml.c5.xlarge' }));
  const r = recorder();
  const summary = await runner.watch(started.ref, r.handlers, { pollMs: 10 });
  assert.equal(summary?.status, 'Completed');
  assert.equal(new Set(r.logs.map((l) => l.stream.split('/')[0])).size, 60);
  assert.match(summary?.bestTrainingJob ?? '', /^tune-many-060-[0-9a-f]{8} \(loss 0\.205\)$/);
});

test('a double click creates one job; a second launch of the same name says it exists', async () => {
  const before = await createCalls();
  const [a, b] = await Promise.all([runner.start('training', trainingRequest('churn-twice')), runner.start('training', trainingRequest('churn-twice'))]);
  assert.equal(a.outcome, 'started');
  assert.equal(b.outcome, 'started');
  assert.equal(b.deduplicated, true);
  assert.equal((await createCalls()) - before, 1);
  const again = await runner.start('training', trainingRequest('churn-twice'));
  assert.equal(again.outcome, 'exists');
  assert.equal(again.outcome === 'exists' && again.explained.kind, 'resourceInUse');
});

test('invalid request, quota, access denied: clear errors, no retry', async () => {
  await assert.rejects(runner.start('training', trainingRequest('bad_name')), (e: JobError) => {
    assert.equal(e.explained.kind, 'validation');
    assert.match(e.message, /Value 'bad_name' at 'trainingJobName' failed to satisfy constraint/);
    return true;
  });
  await emu.faults([{ fault: 'resourceLimit', target: 'CreateTrainingJob' }]);
  await assert.rejects(runner.start('training', trainingRequest('churn-quota')), (e: JobError) => e.explained.kind === 'resourceLimit' && /Service Quotas/.test(e.message));
  await emu.faults([{ fault: 'accessDenied', target: 'CreateTrainingJob' }]);
  await assert.rejects(runner.start('training', trainingRequest('churn-denied')), (e: JobError) => e.explained.kind === 'accessDenied');
});

test('throttled or 503 on create: retried, one job', async () => {
  const before = await createCalls();
  await emu.faults([{ fault: 'throttle', target: 'CreateTrainingJob', count: 2 }]);
  const started = await runner.start('training', trainingRequest('churn-throttled'));
  assert.equal(started.outcome, 'started');
  assert.equal((await createCalls()) - before, 1);
  await emu.faults([{ fault: 'error503', target: 'CreateTrainingJob', count: 1 }, { fault: 'error500', target: 'CreateTrainingJob', count: 1 }]);
  const afterOutage = await runner.start('training', trainingRequest('churn-unavailable'));
  assert.equal(afterOutage.outcome, 'started');
  assert.equal((await createCalls()) - before, 2);
  await emu.clearFaults();
});

test('the response to create lost (connection dropped after the job was made): found, not created twice', async () => {
  await emu.faults([{ fault: 'dropResponse', target: 'CreateTrainingJob' }]);
  const started = await runner.start('training', trainingRequest('churn-lost'));
  assert.deepEqual([started.outcome, started.outcome === 'started' && started.recovered], ['started', true]);
  const jobs = await runner.describe({ kind: 'training', name: 'churn-lost' });
  assert.equal(jobs.CreationTime instanceof Date, true);
  // With this machine's clock 2 minutes ahead of the service's (SigV4 takes up to 5): the job's CreationTime is read
  // on the service's clock, from its answer's Date header, and the job the lost answer made is still this launch's.
  const real = Date.now;
  Date.now = () => real() + 120_000;
  try {
    await emu.faults([{ fault: 'dropResponse', target: 'CreateTrainingJob' }]);
    const skewed = await runner.start('training', trainingRequest('churn-lost-skewed'));
    assert.deepEqual([skewed.outcome, skewed.outcome === 'started' && skewed.recovered], ['started', true]);
  } finally {
    Date.now = real;
  }
});

test('watching survives throttling, 5xx, a dropped connection and expired credentials, and says so', async () => {
  const { ref } = await runner.start('training', trainingRequest('churn-faults'));
  await emu.faults([
    // Rules fire in order: the first two Describes are throttled, the third is a 500, the fourth is dropped…
    { fault: 'throttle', target: 'DescribeTrainingJob', count: 2 },
    { fault: 'error500', target: 'DescribeTrainingJob', count: 1 },
    { fault: 'drop', target: 'DescribeTrainingJob', count: 1 },
    { fault: 'expiredToken', target: 'DescribeTrainingJob', count: 2 },
    { fault: 'throttle', target: 'Logs_20140328.GetLogEvents', count: 1 },
  ]);
  const r = recorder();
  const summary = await runner.watch(ref, r.handlers, { pollMs: 5 });
  assert.equal(summary?.status, 'Completed');
  assert.deepEqual(r.transitions.map((t) => t.status), ['Starting', 'Downloading', 'Training', 'Uploading', 'Completed']);
  assert.deepEqual([...new Set(r.retries.map((x) => x.kind))].sort(), ['expiredCredentials', 'network', 'serverError', 'throttling']);
  assert.ok(r.recovered() >= 1);
  assert.match(r.retries.find((x) => x.kind === 'expiredCredentials')!.action, /watching resumes by itself/);
  assert.ok(r.logs.some((l) => l.message === 'Training complete.'), 'log lines caught up after the throttled GetLogEvents');
  assert.equal(new Set(r.logs.map((l) => l.message)).size, r.logs.length, 'no log line twice');
  await emu.clearFaults();
});

test('a request that hangs times out and is retried', async () => {
  const slow = new JobRunner({ region: 'us-east-1', endpoint: emu.url, credentials, requestTimeoutMs: 150 }, fast);
  const { ref } = await slow.start('training', trainingRequest('churn-slow'));
  await emu.faults([{ fault: 'delay', target: 'DescribeTrainingJob', delayMs: 1000, count: 1 }]);
  const r = recorder();
  const summary = await slow.watch(ref, r.handlers, { pollMs: 5 });
  slow.dispose();
  assert.equal(summary?.status, 'Completed');
  assert.equal(r.retries[0]?.kind, 'network');
});

test('watching gives up after too many failures in a row, with the reason; the job is not touched', async () => {
  const { ref } = await runner.start('training', trainingRequest('churn-expired'));
  await emu.faults([{ fault: 'expiredToken', target: 'DescribeTrainingJob', count: 0 }]);
  const r = recorder();
  await assert.rejects(runner.watch(ref, r.handlers, { pollMs: 1 }), (e: JobError) => e.explained.kind === 'expiredCredentials');
  assert.equal(r.retries.length, fast.maxConsecutiveErrors);
  await emu.clearFaults();
  assert.equal((await runner.describe(ref)).CreationTime instanceof Date, true);
});

test('cancelling a watch (window closing) leaves the job running; watching again resumes', async () => {
  const ref: JobRef = (await runner.start('training', trainingRequest('churn-resume'))).ref;
  const abort = new AbortController();
  const first = recorder();
  const watching = runner.watch(ref, { ...first.handlers, onTransition: (t) => (first.transitions.push(t), abort.abort()) }, { pollMs: 5, signal: abort.signal });
  assert.equal(await watching, undefined);
  const second = recorder();
  const summary = await runner.watch(ref, second.handlers, { pollMs: 5 });
  assert.equal(summary?.status, 'Completed');
  assert.equal(second.transitions.at(-1)?.status, 'Completed');
});

test('an endpoint that does not answer is a network error naming it', async () => {
  const offline = new JobRunner({ region: 'us-east-1', endpoint: 'http://127.0.0.1:9', credentials }, { ...fast, createAttempts: 2 });
  await assert.rejects(offline.start('training', trainingRequest('churn-offline')), (e: JobError) => {
    assert.equal(e.explained.kind, 'network');
    assert.match(e.explained.message, /Cannot reach http:\/\/127\.0\.0\.1:9/);
    return true;
  });
  offline.dispose();
});

test('no credentials anywhere: a clear message, nothing sent', async () => {
  const saved = { ...process.env };
  for (const k of Object.keys(process.env)) if (k.startsWith('AWS_')) delete process.env[k];
  process.env.AWS_CONFIG_FILE = '/nonexistent/config';
  process.env.AWS_SHARED_CREDENTIALS_FILE = '/nonexistent/credentials';
  process.env.AWS_EC2_METADATA_DISABLED = 'true';
  const before = await createCalls();
  const nobody = new JobRunner({ region: 'us-east-1', endpoint: emu.url, profile: 'nobody' }, fast);
  try {
    await assert.rejects(nobody.start('training', trainingRequest('churn-nocreds')), (e: JobError) => {
      assert.equal(e.explained.kind, 'missingCredentials');
      assert.match(e.explained.action, /aws sso login --profile nobody/);
      return true;
    });
    // Asked before a launch's confirmation (walk32): the same explanation, without a request.
    const problem = await nobody.credentialsProblem();
    assert.equal(problem?.kind, 'missingCredentials');
    assert.match(problem!.message, /profile "nobody"/);
    assert.equal(await createCalls(), before);
    // A local endpoint without a profile needs none.
    const local = new JobRunner({ region: 'us-east-1', endpoint: emu.url }, fast);
    assert.equal(await local.credentialsProblem(), undefined);
    local.dispose();
    // AWS's host of a region that does not exist does not resolve: the region is the first thing to check.
    const typo = explainError(Object.assign(new Error('getaddrinfo ENOTFOUND api.sagemaker.us-eest-1.amazonaws.com'), { code: 'ENOTFOUND' }), { region: 'us-eest-1', final: true });
    assert.equal(typo.kind, 'network');
    assert.match(typo.action, /^Check the region \(us-eest-1\) in sagemakerAsl\.aws\.region or the profile, then the network/);
  } finally {
    nobody.dispose();
    process.env = saved;
  }
});

test('a transform job can be stopped, and a failing one reports its reason', async () => {
  // A transform job has no status history: Stopping is seen only if a poll falls in it, so it lasts long here
  // (a poll cycle of a busy machine can outlast the 30 ms steps of this file).
  const r = recorder();
  await slowSteps(1500, async () => {
    const { ref } = await runner.start('transform', transformRequest('batch-stop'));
    const watching = runner.watch(ref, r.handlers, { pollMs: 5 });
    await runner.stop(ref);
    assert.equal((await watching)?.status, 'Stopped');
  });
  assert.deepEqual(r.transitions.map((t) => t.status), ['InProgress', 'Stopping', 'Stopped']);
  const failed = await runner.start('transform', transformRequest('batch-fail'));
  const summary = await runner.watch(failed.ref, {}, { pollMs: 10 });
  assert.deepEqual([summary?.status, summary?.failureReason], ['Failed', 'ClientError: See job logs for more information']);
});

test('a local endpoint without a profile works with no AWS credentials on the machine (and gets none)', async () => {
  const saved = { ...process.env };
  for (const k of Object.keys(process.env)) if (k.startsWith('AWS_')) delete process.env[k];
  process.env.AWS_CONFIG_FILE = '/nonexistent/config';
  process.env.AWS_SHARED_CREDENTIALS_FILE = '/nonexistent/credentials';
  const local = new JobRunner({ endpoint: emu.url }, fast);
  try {
    const started = await local.start('training', trainingRequest('churn-local'));
    assert.equal(started.outcome, 'started');
    assert.equal((await local.watch(started.ref, {}, { pollMs: 10 }))?.status, 'Completed');
  } finally {
    local.dispose();
    process.env = saved;
  }
});

test('whose the credentials are: STS GetCallerIdentity at the endpoint (the emulator answers with its account); credentials STS refuses, and one that STS cannot reach, are said, not thrown', async () => {
  assert.deepEqual(await runner.caller(), { account: '123456789012', arn: 'arn:aws:iam::123456789012:user/emulator' });
  assert.equal((await emu.stats()).requests['STS.GetCallerIdentity'], 1);
  await emu.faults([{ fault: 'expiredToken', target: 'GetCallerIdentity' }]);
  const expired = await runner.caller();
  assert.ok('problem' in expired && expired.problem.kind === 'expiredCredentials', JSON.stringify(expired));
  await emu.faults([{ fault: 'drop', target: 'GetCallerIdentity' }]);
  const dropped = await runner.caller();
  assert.ok('problem' in dropped && dropped.problem.kind === 'network', JSON.stringify(dropped));
  // Jobs that go to AWS: STS's own AWS endpoint, never the SageMaker endpoint set; one that the environment
  // points elsewhere (a local server) is refused by the destination guard, with the reason.
  const env = process.env.AWS_ENDPOINT_URL_STS;
  process.env.AWS_ENDPOINT_URL_STS = emu.url;
  try {
    const aws = new JobRunner({ region: 'us-east-1', endpoint: 'https://api.sagemaker.us-east-1.amazonaws.com', credentials, requestTimeoutMs: 2000 }, fast);
    const refused = await aws.caller();
    assert.ok('problem' in refused && /Refused to send your AWS credentials to 127\.0\.0\.1:\d+ \(a local server\): the environment \(AWS_ENDPOINT_URL_STS\)/.test(refused.problem.message), JSON.stringify(refused));
  } finally {
    if (env === undefined) delete process.env.AWS_ENDPOINT_URL_STS;
    else process.env.AWS_ENDPOINT_URL_STS = env;
  }
  assert.equal((await emu.stats()).requests['STS.GetCallerIdentity'], 1, 'nothing else reached the emulator');
});

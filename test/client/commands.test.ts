// The commands as a user drives them — launch, confirm, watch, cancel → stop, reload → resume — with VS Code's
// dialogs answered by the test and the real SDK talking to the emulator.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startEmulator, ROLE, type RunningEmulator } from './emulator';
import { installVscodeFake, type Dialog } from './vscodeFake';
import type { TaskInfo } from '../../server/src/protocol';

let emu: RunningEmulator;
let fake: ReturnType<typeof installVscodeFake>;
let registerJobCommands: (context: unknown, client: unknown) => void;
const settings: Record<string, unknown> = { 'aws.region': 'us-east-1', 'jobs.pollIntervalSeconds': 0.2 };
const saved = { ...process.env };

const URI = 'file:///work/pipelines/train.asl.json';
function task(stateName: string, payload: unknown, errors: string[] = []): TaskInfo {
  return {
    stateName, statePath: [stateName], resource: 'arn:aws:states:::sagemaker:createTrainingJob.sync', api: 'createTrainingJob', operation: 'CreateTrainingJob',
    integrationPattern: 'sync', queryLanguage: 'JSONPath', payloadKey: 'Parameters', payload, range: { start: { line: 3, character: 4 }, end: { line: 3, character: 11 } }, errors,
  };
}
const payload = (name: string) => ({
  'TrainingJobName.$': `States.Format('${name}-{}', $.run)`,
  RoleArn: ROLE,
  AlgorithmSpecification: { TrainingImage: 'img:1', TrainingInputMode: 'File' },
  OutputDataConfig: { S3OutputPath: 's3://${Bucket}/models' },
  ResourceConfig: { InstanceType: 'ml.m5.xlarge', InstanceCount: 2, VolumeSizeInGB: 30 },
  StoppingCondition: { MaxRuntimeInSeconds: 7200 },
  HyperParameters: { 'epochs.$': '$.epochs' },
  Environment: { API_KEY: 'sk-live-123', MODE: 'fast' },
});
let tasks: TaskInfo[] = [];
const client = { sendRequest: async (type: { method: string }) => (assert.equal(type.method, 'sagemaker/tasks'), tasks) };

async function until(what: string, ok: () => boolean, ms = 8000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; output:\n${fake.output.join('\n')}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Answers the launch dialogs: paste this input, this bucket, then the confirm button(s) in order. */
function user(input: string, confirm: string[], extra: (d: Dialog) => string | undefined = () => undefined) {
  const buttons = [...confirm];
  fake.respond((d) => {
    if (d.kind === 'quickPick' && d.message === 'Execution input for this run') return '$(edit) Paste JSON…';
    if (d.kind === 'inputBox' && d.message === 'Execution input (JSON)') return input;
    if (d.kind === 'inputBox' && d.message === 'Value of ${Bucket}') return 'ml-bucket';
    if (d.modal && d.message.startsWith('Start training job')) return buttons.shift();
    return extra(d);
  });
}

before(async () => {
  emu = await startEmulator(['--step-ms', '60', '--training-steps', '2', '--quiet']);
  settings['aws.endpoint'] = emu.url;
  Object.assign(process.env, { AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE', AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' });
  fake = installVscodeFake(settings);
  registerJobCommands = require('../../client/src/jobs/commands').registerJobCommands;
  registerJobCommands(fake.context, client);
});
after(async () => {
  for (const d of fake.context.subscriptions) d.dispose();
  fake.uninstall();
  process.env = saved;
  await emu.stop();
});

test('an untrusted workspace cannot launch', async () => {
  fake.vscode.workspace.isTrusted = false;
  fake.dialogs.length = 0;
  await fake.commands.get('sagemakerAsl.startTrainingJob')!(URI, 'Train');
  fake.vscode.workspace.isTrusted = true;
  assert.equal(fake.dialogs.length, 1);
  assert.match(fake.dialogs[0].message, /needs a trusted workspace/);
});

test('a Task with errors is refused, listing them', async () => {
  tasks = [task('Train', payload('x'), ['TrainingJobName "a_b" must match [a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}'])];
  fake.dialogs.length = 0;
  await fake.commands.get('sagemakerAsl.startTrainingJob')!(URI, 'Train');
  assert.equal(fake.dialogs.length, 1);
  assert.equal(fake.dialogs[0].message, '"Train" has 1 error(s); fix them before starting the job.');
  assert.equal(fake.dialogs[0].detail, '• TrainingJobName "a_b" must match [a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}');
});

test('from the palette: the Task under the cursor, else the user picks one (never the nearest one above)', async () => {
  const at = (line: number) => ({ start: { line, character: 4 }, end: { line, character: 11 } });
  tasks = [
    { ...task('Prepare', payload('a')), range: at(3), stateRange: { start: { line: 3, character: 4 }, end: { line: 20, character: 5 } } },
    { ...task('Train', payload('b')), range: at(30), stateRange: { start: { line: 30, character: 4 }, end: { line: 50, character: 5 } } },
  ];
  const asked = async (line: number) => {
    fake.dialogs.length = 0;
    fake.vscode.window.activeTextEditor = { document: { uri: { toString: () => URI } }, selection: { active: { line, character: 8 } } } as any;
    fake.respond(() => undefined); // every dialog cancelled: nothing is launched
    await fake.commands.get('sagemakerAsl.startTrainingJob')!(URI);
    fake.vscode.window.activeTextEditor = undefined;
    return fake.dialogs[0];
  };
  assert.equal((await asked(40)).message, 'Execution input for this run');
  const between = await asked(25);
  assert.deepEqual([between.kind, between.message, between.choices], ['quickPick', 'Start training job: which state?', ['Prepare', 'Train']]);
});

test('launch: input, placeholder, confirm with what costs money (secrets masked), then the watch to Completed', async () => {
  tasks = [task('Train', payload('churn'))];
  fake.dialogs.length = 0;
  user('{"run": "r1", "epochs": "5"}', ['Open Request as JSON', 'Start']);
  await fake.commands.get('sagemakerAsl.startTrainingJob')!(URI, 'Train');
  const confirm = fake.dialogs.find((d) => d.modal && d.message.startsWith('Start training job'))!;
  assert.equal(confirm.message, 'Start training job "churn-r1" from "Train"? It runs in your AWS account and costs money.');
  assert.equal(
    confirm.detail,
    `Job: churn-r1\nInstances: ml.m5.xlarge × 2\nMax runtime: 2 h\nOutput: s3://ml-bucket/models\nWhere: us-east-1 · default credentials · endpoint ${emu.url} · account 123456789012 (from the role ARN)\nEnvironment: API_KEY=********, MODE=fast`,
  );
  const opened = JSON.parse(fake.opened[0]);
  assert.deepEqual(opened.Environment, { API_KEY: '********', MODE: 'fast' });
  assert.deepEqual(opened.HyperParameters, { epochs: '5' });
  await until('the summary', () => fake.output.some((l) => l.includes('churn-r1: status Completed')));
  const lines = fake.output.join('\n');
  for (const status of ['Starting', 'Downloading', 'Training', 'Uploading', 'Completed']) assert.match(lines, new RegExp(`churn-r1: \\S+ \\S+ ${status} — `));
  assert.match(lines, /churn-r1 │ Training complete\./);
  assert.match(lines, /churn-r1: model artifacts s3:\/\/ml-bucket\/models\/churn-r1\/output\/model\.tar\.gz/);
  // The container prints its environment (the emulator does as script mode does): the secret value is blanked out.
  assert.match(lines, /churn-r1 │ API_KEY=\*{8}\n/);
  assert.match(lines, /churn-r1 │ MODE=fast\n/);
  assert.doesNotMatch(lines, /sk-live-123|wJalrXUtnFEMI/);
  await until('the final notification', () => fake.dialogs.some((d) => d.kind === 'info' && d.message.startsWith('SageMaker training job churn-r1: Completed')));
  const record = (fake.state.get('sagemakerAsl.jobs') as { name: string; status: string }[]).find((r) => r.name === 'churn-r1');
  assert.equal(record?.status, 'Completed');
  assert.equal(fake.state.get(`sagemakerAsl.input:${URI}`), '{"run": "r1", "epochs": "5"}');
});

test('launching the same job name again offers to watch the existing job', async () => {
  fake.dialogs.length = 0;
  user('{"run": "r1", "epochs": "5"}', ['Start']);
  await fake.commands.get('sagemakerAsl.startTrainingJob')!(URI, 'Train');
  const warning = fake.dialogs.find((d) => d.kind === 'warning');
  assert.equal(warning?.message, 'A training job named "churn-r1" already exists, so no new job was started.');
  assert.deepEqual(warning?.choices, ['Watch It']);
});

test('Show Jobs: the jobs of this workspace; a finished one offers its status and its request (masked)', async () => {
  fake.dialogs.length = 0;
  fake.opened.length = 0;
  fake.respond((d) => (d.message === 'SageMaker jobs of this workspace' ? 'churn-r1' : d.message === 'churn-r1' ? 'Open Request' : undefined));
  await fake.commands.get('sagemakerAsl.showJobs')!();
  const [list, actions] = fake.dialogs;
  assert.ok(list.choices.includes('churn-r1'), list.choices.join());
  assert.deepEqual(actions.choices, ['Show Status', 'Open Request', 'Copy ARN']);
  const request = JSON.parse(fake.opened[0]);
  assert.equal(request.TrainingJobName, 'churn-r1');
  assert.deepEqual(request.Environment, { API_KEY: '********', MODE: 'fast' });
});

test('an unresolvable path names the key', async () => {
  fake.dialogs.length = 0;
  user('{"run": "r2"}', ['Start']);
  await fake.commands.get('sagemakerAsl.startTrainingJob')!(URI, 'Train');
  const error = fake.dialogs.find((d) => d.kind === 'error');
  assert.equal(error?.message, 'Cannot build the request of "Train": HyperParameters.epochs.$: $.epochs is not in the execution input ($ is an object with "run")');
  assert.deepEqual(error?.choices, ['Choose Another Input']);
});

test('closing the progress notification asks, then stops the job', async () => {
  fake.dialogs.length = 0;
  fake.cancels.length = 0;
  user('{"run": "r3", "epochs": "1"}', ['Start'], (d) => (d.modal && d.message.startsWith('Stop SageMaker training job') ? 'Stop Job' : undefined));
  await fake.commands.get('sagemakerAsl.startTrainingJob')!(URI, 'Train');
  await until('the progress notification', () => fake.cancels.length > 0);
  assert.equal(fake.statusBar.visible, true);
  assert.match(fake.statusBar.text, /SageMaker: 1 job/);
  fake.cancels[0]();
  await until('Stopped', () => fake.output.some((l) => l.includes('churn-r3: status Stopped')));
  assert.ok(fake.output.some((l) => /churn-r3: \S+ \S+ Stopping — /.test(l)));
  await until('the status bar to hide', () => !fake.statusBar.visible);
});

test('after a window reload, running jobs are watched again', async () => {
  // A job recorded as running by a previous window.
  const started = await fetch(emu.url, {
    method: 'POST',
    headers: { 'X-Amz-Target': 'SageMaker.CreateTrainingJob', 'Content-Type': 'application/x-amz-json-1.1' },
    body: JSON.stringify({ TrainingJobName: 'churn-reload', RoleArn: ROLE, OutputDataConfig: { S3OutputPath: 's3://b/m' }, ResourceConfig: { InstanceType: 'ml.m5.xlarge', InstanceCount: 1, VolumeSizeInGB: 5 } }),
  });
  assert.equal(started.status, 200);
  const jobs = fake.state.get('sagemakerAsl.jobs') as object[];
  fake.state.set('sagemakerAsl.jobs', [{ kind: 'training', name: 'churn-reload', uri: URI, stateName: 'Train', startedAt: new Date().toISOString(), status: 'InProgress', region: 'us-east-1', endpoint: emu.url, maskedRequest: {} }, ...jobs]);
  for (const d of fake.context.subscriptions.splice(0)) d.dispose();
  registerJobCommands(fake.context, client);
  await until('the resumed watch to finish', () => fake.output.some((l) => l.includes('churn-reload: status Completed')));
  assert.ok(fake.output.some((l) => l.includes('Resuming the watch of churn-reload')));
});

// The commands as a user drives them — launch, confirm, watch, cancel → stop, reload → resume — with VS Code's
// dialogs answered by the test and the real SDK talking to the emulator.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startEmulator, ROLE, type RunningEmulator } from './emulator';
import { installVscodeFake, type Dialog } from './vscodeFake';
import type { TaskInfo } from '../../server/src/protocol';
import { getLanguageService } from '../../server/src/service/languageService';

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
// The language server's two answers a launch asks for: the tasks (as each test sets them), and the check of the
// resolved request, by the real language service.
const checker = getLanguageService();
/** Every request the extension sent the language server to check (what crosses the LSP connection). */
const checked: unknown[] = [];
const client = {
  sendRequest: async (type: { method: string }, params?: { api: string; request: Record<string, unknown>; name: string; suffix: string }) =>
    type.method === 'sagemaker/checkRequest' ? (checked.push(params!.request), checker.checkRequest(params!.api, params!.request))
    : type.method === 'sagemaker/newJobName' ? checker.newJobName(params!.api, params!.name, params!.suffix) ?? null
    : (assert.equal(type.method, 'sagemaker/tasks'), tasks),
};

async function until(what: string, ok: () => boolean, ms = 8000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; output:\n${fake.output.join('\n')}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * Answers the launch dialogs: paste `input`, give each placeholder its value from `values` (by name; by default
 * payload()'s ${Bucket}), press the `confirm` buttons in order, and leave any other dialog to `extra`.
 */
function user(input: string, confirm: string[], extra: (d: Dialog) => string | undefined | Promise<string | undefined> = () => undefined, values: Record<string, string> = { Bucket: 'ml-bucket' }) {
  const buttons = [...confirm];
  fake.respond((d) => {
    if (d.kind === 'quickPick' && d.message === 'Execution input for this run') return '$(edit) Paste JSON…';
    if (d.kind === 'inputBox' && d.message === 'Execution input (JSON)') return input;
    const placeholder = d.kind === 'inputBox' ? /^Value of \$\{(.+)\}$/.exec(d.message)?.[1] : undefined;
    if (placeholder !== undefined && Object.hasOwn(values, placeholder)) return values[placeholder];
    if (d.modal && d.message.startsWith('Start training job')) return buttons.shift();
    // After "Open Request as JSON": asked again without a modal, over the request's preview.
    if (!d.modal && d.message.startsWith('Review the request in request.json. Start training job')) return buttons.shift();
    return extra(d);
  });
}

/** Runs `body` while the server gives `list` as the machine's tasks, then the usual ones again. */
async function withTasks(list: TaskInfo[], body: () => Promise<void>): Promise<void> {
  const saved = tasks;
  tasks = list;
  try {
    await body();
  } finally {
    tasks = saved;
  }
}

before(async () => {
  emu = await startEmulator(['--step-ms', '60', '--training-steps', '2', '--quiet']);
  settings['aws.endpoint'] = emu.url;
  Object.assign(process.env, { AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE', AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' });
  fake = installVscodeFake(settings);
  registerJobCommands = require('../../client/src/jobs/commands').registerJobCommands;
  require('../../client/src/preview').registerPreviews(fake.context);
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

test("a preview of a request (its secrets masked) starts nothing: the lens's command refuses it (walk39: it sent the asterisks)", async () => {
  fake.dialogs.length = 0;
  const before = (await emu.stats()).requests;
  await fake.commands.get('sagemakerAsl.startTrainingJob')!('sagemaker-asl:/abc-1/request.json', 'Train');
  assert.deepEqual(fake.dialogs.map((d) => [d.kind, d.message]), [['error', 'This is a read-only preview, with its secrets masked: start the training job from the state machine or job spec it came from.']]);
  assert.deepEqual((await emu.stats()).requests, before);
});

test('the last input is shown with its secrets masked, and one that holds a secret is not put in the paste box (walk39: a dbPassword in clear text)', async () => {
  const key = `sagemakerAsl.input:${URI}`;
  await withTasks([task('Train', payload('last'))], async () => {
    fake.state.set(key, '{"run": "r9", "dbPassword": "hunter2-very-secret"}');
    fake.dialogs.length = 0;
    // Paste, then the box cancelled: back to the picker, which is cancelled.
    const pasteOnce = () => {
      let picked = 0;
      fake.respond((d) => (d.kind === 'quickPick' && picked++ === 0 ? '$(edit) Paste JSON…' : undefined));
    };
    pasteOnce();
    await fake.commands.get('sagemakerAsl.startTrainingJob')!(URI, 'Train');
    const picker = fake.dialogs.find((d) => d.kind === 'quickPick')!;
    const detail = picker.itemDetails![picker.choices.indexOf('$(history) Last input')]!;
    assert.ok(!detail.includes('hunter2'), detail);
    assert.match(detail, /"dbPassword":"\*{8}"/);
    const box = fake.dialogs.find((d) => d.kind === 'inputBox')!;
    assert.deepEqual([box.choices[0], box.detail], ['{}', 'The last input holds secrets, so it is not shown here: choose Last input to use it again.']);
    // One without a secret: shown and put in the box as written.
    fake.state.set(key, '{"run": "r9"}');
    fake.dialogs.length = 0;
    pasteOnce();
    await fake.commands.get('sagemakerAsl.startTrainingJob')!(URI, 'Train');
    const again = fake.dialogs.find((d) => d.kind === 'quickPick')!;
    assert.equal(again.itemDetails![again.choices.indexOf('$(history) Last input')], '{"run": "r9"}');
    assert.equal(fake.dialogs.find((d) => d.kind === 'inputBox')!.choices[0], '{"run": "r9"}');
  }).finally(() => fake.state.delete(key));
});

test('a Task with errors is refused, listing them', async () => {
  tasks = [task('Train', payload('x'), ['TrainingJobName "a_b" must match [a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}'])];
  fake.dialogs.length = 0;
  await fake.commands.get('sagemakerAsl.startTrainingJob')!(URI, 'Train');
  assert.equal(fake.dialogs.length, 1);
  assert.equal(fake.dialogs[0].message, '"Train" has 1 error; fix it before starting the job.');
  assert.equal(fake.dialogs[0].detail, '• TrainingJobName "a_b" must match [a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}');
  assert.deepEqual(fake.dialogs[0].choices, ['Show Problems']);
  fake.executed.length = 0;
  fake.respond((d) => (d.message.includes('1 error;') ? 'Show Problems' : undefined));
  await fake.commands.get('sagemakerAsl.startTrainingJob')!(URI, 'Train');
  assert.deepEqual(fake.executed, [['workbench.panel.markers.view.focus']]);
});

test('a 5,000-character state name is shortened in a dialog\'s title, which does not wrap it (walk39: it ran off the screen); the detail keeps the errors whole', async () => {
  const name = `Train${'x'.repeat(5000)}`;
  await withTasks([task(name, payload('x'), [`${'y'.repeat(3000)} is wrong`])], async () => {
    fake.dialogs.length = 0;
    await fake.commands.get('sagemakerAsl.startTrainingJob')!(URI, name);
    const [d] = fake.dialogs;
    assert.equal(d.message, `"Train${'x'.repeat(54)}…${'x'.repeat(19)}" has 1 error; fix it before starting the job.`);
    assert.equal(d.detail, `• ${'y'.repeat(3000)} is wrong`);
  });
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

test('a template with two machines that share a state name: the CodeLens launches its own state, the palette the one in the machine under the cursor', async () => {
  const TEMPLATE = 'file:///work/infra/template.yaml';
  const lines = (from: number, to: number) => ({ start: { line: from, character: 4 }, end: { line: to, character: 5 } });
  tasks = [
    { ...task('Train', payload('nightly')), range: lines(10, 10), stateRange: lines(10, 20), machine: 'NightlyPipeline', machineRange: lines(5, 30) },
    { ...task('Train', payload('weekly')), range: lines(40, 40), stateRange: lines(40, 50), machine: 'WeeklyPipeline', machineRange: lines(35, 60) },
  ];
  /** The job the launch would start (the confirmation is cancelled), or what was asked instead. */
  const launched = async (args: unknown[], cursorLine?: number, pick?: string) => {
    fake.dialogs.length = 0;
    if (cursorLine !== undefined) fake.vscode.window.activeTextEditor = { document: { uri: { toString: () => TEMPLATE } }, selection: { active: { line: cursorLine, character: 6 } } } as any;
    user('{"run": "r1", "epochs": "5"}', [], (d) => (d.kind === 'quickPick' && d.message === 'Start training job: which state?' ? pick : undefined));
    try {
      await fake.commands.get('sagemakerAsl.startTrainingJob')!(...args);
    } finally {
      fake.vscode.window.activeTextEditor = undefined;
    }
    const confirm = fake.dialogs.find((d) => d.modal && d.message.startsWith('Start training job'));
    return confirm ? /"([^"]+)"/.exec(confirm.message)![1] : fake.dialogs.map((d) => `${d.kind}: ${d.message}`).join(' | ');
  };
  // The CodeLens names its machine.
  assert.equal(await launched([TEMPLATE, 'Train', 'WeeklyPipeline']), 'weekly-r1');
  assert.equal(await launched([TEMPLATE, 'Train', 'NightlyPipeline']), 'nightly-r1');
  assert.equal(await launched([TEMPLATE, 'Train', 'MonthlyPipeline']), 'error: There is no createTrainingJob Task named "Train" in MonthlyPipeline in this file any more.');
  // From the palette: the state under the cursor; between the states of a machine, that machine's.
  assert.equal(await launched([TEMPLATE], 45), 'weekly-r1');
  assert.equal(await launched([TEMPLATE], 36), 'weekly-r1');
  assert.equal(await launched([TEMPLATE], 6), 'nightly-r1');
  // A lens without its machine (the name alone is ambiguous), the cursor outside both: the user picks, told which machine is which.
  assert.equal(await launched([TEMPLATE, 'Train'], 70, 'Train · WeeklyPipeline'), 'weekly-r1');
  const asked = fake.dialogs.find((d) => d.kind === 'quickPick' && d.message === 'Start training job: which state?')!;
  assert.deepEqual([asked.choices, asked.descriptions], [['Train', 'Train'], ['NightlyPipeline', 'WeeklyPipeline']]);
  // The cursor in a machine without a training Task: the one in the other machine is offered, not taken (walk32).
  tasks = [tasks[0], { ...task('Score', payload('x')), api: 'createTransformJob', range: lines(40, 40), stateRange: lines(40, 50), machine: 'ScoringPipeline', machineRange: lines(35, 60) }];
  assert.equal(await launched([TEMPLATE], 45, 'Train'), 'nightly-r1');
  const offered = fake.dialogs.find((d) => d.kind === 'quickPick' && d.message === 'Start training job: which state?')!;
  assert.deepEqual([offered.choices, offered.descriptions], [['Train'], ['NightlyPipeline']]);
  assert.equal(await launched([TEMPLATE], 45), 'quickPick: Start training job: which state?');
  // A machine with no SageMaker Task at all (none of its ranges known): the same (review of the day).
  tasks = [tasks[0]];
  assert.equal(await launched([TEMPLATE], 45), 'quickPick: Start training job: which state?');
});

test('launch: input, placeholder, a truthful confirmation for the local emulator (secrets masked), then the watch to Completed', async () => {
  tasks = [task('Train', payload('churn'))];
  fake.dialogs.length = 0;
  user('{"run": "r1", "epochs": "5"}', ['Open Request as JSON', 'Start']);
  await fake.commands.get('sagemakerAsl.startTrainingJob')!(URI, 'Train');
  const confirm = fake.dialogs.find((d) => d.modal && d.message.startsWith('Start training job'))!;
  // The request opened to be read, the question asked again without covering it, with the same words.
  assert.ok(fake.dialogs.some((d) => !d.modal && d.message === `Review the request in request.json. ${confirm.message}` && d.choices?.join() === 'Start'), JSON.stringify(fake.dialogs.map((d) => d.message)));
  // A local endpoint: no AWS account, no bill, placeholder credentials (not "default credentials").
  assert.equal(confirm.message, 'Start training job "churn-r1" from "Train"? It runs on the local emulator: no AWS account is used and nothing is billed.');
  assert.equal(
    confirm.detail,
    `Job: churn-r1\nImage: img:1\nInstances: ml.m5.xlarge × 2\nMax runtime: 2 h\nAt most: 2 instances × 2 h = 4 instance-hours\nOutput: s3://ml-bucket/models\nWhere: local emulator at ${emu.url} with placeholder credentials (none of yours are sent)\nRole: ${ROLE}\nEnvironment: API_KEY=********, MODE=fast\nHyperParameters: epochs=5`,
  );
  const opened = JSON.parse(fake.opened[0]);
  assert.deepEqual(opened.Environment, { API_KEY: '********', MODE: 'fast' });
  assert.deepEqual(opened.HyperParameters, { epochs: '5' });
  await until('the summary', () => fake.output.some((l) => l.includes('churn-r1: status Completed')));
  const lines = fake.output.join('\n');
  // One timestamp a line (the channel's), plain ASCII separators, CloudWatch's #011 shown as a tab.
  for (const status of ['Starting', 'Downloading', 'Training', 'Uploading', 'Completed']) assert.match(lines, new RegExp(`^info churn-r1: ${status} - \\S`, 'm'));
  assert.match(lines, /churn-r1 \| Training complete\./);
  assert.match(lines, /churn-r1 \| \[0\]\ttrain-rmse:0\.47312\tvalidation-rmse:0\.48177\n/);
  assert.doesNotMatch(lines, /[—│]|#011/);
  assert.match(lines, /churn-r1: model artifacts s3:\/\/ml-bucket\/models\/churn-r1\/output\/model\.tar\.gz/);
  // The container prints its environment (the emulator does as script mode does): the secret value is blanked out.
  assert.match(lines, /churn-r1 \| API_KEY=\*{8}\n/);
  assert.match(lines, /churn-r1 \| MODE=fast\n/);
  assert.doesNotMatch(lines, /sk-live-123|wJalrXUtnFEMI/);
  await until('the final notification', () => fake.dialogs.some((d) => d.kind === 'info' && d.message.startsWith('SageMaker training job churn-r1: Completed')));
  const record = (fake.state.get('sagemakerAsl.jobs') as { name: string; status: string }[]).find((r) => r.name === 'churn-r1');
  assert.equal(record?.status, 'Completed');
  assert.equal(fake.state.get(`sagemakerAsl.input:${URI}`), '{"run": "r1", "epochs": "5"}');
});

test('launching the same job name again says the job exists before any confirmation, and offers to watch it', async () => {
  fake.dialogs.length = 0;
  user('{"run": "r1", "epochs": "5"}', ['Start']);
  await fake.commands.get('sagemakerAsl.startTrainingJob')!(URI, 'Train');
  const warning = fake.dialogs.find((d) => d.kind === 'warning');
  assert.equal(warning?.message, 'A training job named "churn-r1" already exists (Completed), so SageMaker would refuse to start it again; nothing was started.');
  // It has ended: a new name first, its history rather than a watch; the name is made from the input, which says how to change it.
  assert.deepEqual(warning?.choices, ['Start With a New Name…', 'Show Its History']);
  assert.equal(warning?.detail, "It has ended: start this request under a new name, or see what it did in the output. The name is made from the input (States.Format('churn-{}', $.run)): another value there gives another name.");
  // The confirmation would have promised a start SageMaker refuses: it is not shown.
  assert.ok(!fake.dialogs.some((d) => d.modal && d.message.startsWith('Start training job')), fake.dialogs.map((d) => d.message).join('\n'));
});

test('a name that is taken: Start With a New Name offers the name with a time stamp, refuses one SageMaker would refuse, and starts under the one given', async () => {
  fake.dialogs.length = 0;
  const answers = ['churn_r1', undefined];
  user('{"run": "r1", "epochs": "5"}', ['Start'], (d) => {
    if (d.kind === 'warning' && d.message.includes('already exists')) return 'Start With a New Name…';
    if (d.kind === 'inputBox' && d.message === 'New training job name') return answers.shift() ?? d.choices[0];
    return undefined;
  });
  await fake.commands.get('sagemakerAsl.startTrainingJob')!(URI, 'Train');
  // The first name typed breaks the name's pattern: the box says so and keeps it open (the fake cancels)...
  await until('the refused name', () => fake.dialogs.some((d) => d.kind === 'inputBox' && d.refused));
  const refused = fake.dialogs.find((d) => d.kind === 'inputBox' && d.refused)!;
  assert.match(refused.refused!, /TrainingJobName "churn_r1" must match/);
  assert.match(refused.detail!, /"churn-r1" is taken\. Only this run uses the new name; the state machine keeps its own\./);
  // ...so a second launch, this time accepting the name offered.
  fake.dialogs.length = 0;
  await fake.commands.get('sagemakerAsl.startTrainingJob')!(URI, 'Train');
  await until('the confirmation of the new name', () => fake.dialogs.some((d) => d.modal && d.message.startsWith('Start training job "churn-r1-')));
  const offered = fake.dialogs.find((d) => d.kind === 'inputBox' && d.message === 'New training job name')!.choices[0];
  assert.match(offered, /^churn-r1-\d{8}-\d{6}$/);
  assert.ok(fake.dialogs.some((d) => d.modal && d.kind === 'warning' && d.message.startsWith('A training job named "churn-r1" already exists')), 'the name taken, in a modal');
  assert.ok(fake.dialogs.find((d) => d.modal && d.message.startsWith('Start training job'))!.message.startsWith(`Start training job "${offered}" from "Train"? `));
  await until('the job started under the new name', () => fake.output.some((l) => l.includes(`${offered}: started training job`)));
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

test('a request its values make invalid (a job name from the input with "_") is refused before the confirmation, with the reasons, nothing started', async () => {
  fake.dialogs.length = 0;
  user('{"run": "r_7", "epochs": "1"}', ['Start']);
  await fake.commands.get('sagemakerAsl.startTrainingJob')!(URI, 'Train');
  const error = fake.dialogs.find((d) => d.kind === 'error')!;
  assert.match(error.message, /^The request of "Train" would be refused by SageMaker once its values are filled in, so nothing was started: TrainingJobName "churn-r_7" must match /);
  assert.match(error.detail!, /^• TrainingJobName "churn-r_7" must match /);
  assert.deepEqual(error.choices, ['Open Request', 'Choose Another Input']);
  assert.ok(!fake.dialogs.some((d) => d.modal), 'no confirmation');
});

test('a Task inside a Map: its $ is one item of the Map, which the input picker and a missing path say (new-user walk)', async () => {
  await withTasks([{ ...task('Train', payload('item')), statePath: ['PerRegion', 'Train'], mapItemOf: 'PerRegion' }], async () => {
    fake.dialogs.length = 0;
    fake.respond((d) => {
      if (d.kind === 'quickPick' && d.message === 'One item of Map "PerRegion" for this run') return '$(edit) Paste JSON…';
      if (d.kind === 'inputBox' && d.message === 'One item of Map "PerRegion" (JSON)') return '{"run": "m1"}';
      if (d.kind === 'inputBox' && d.message === 'Value of ${Bucket}') return 'ml-bucket';
      return undefined;
    });
    await fake.commands.get('sagemakerAsl.startTrainingJob')!(URI, 'Train');
    const error = fake.dialogs.find((d) => d.kind === 'error');
    assert.equal(error?.message, 'Cannot build the request of "Train": HyperParameters.epochs.$: $.epochs is not in the item of Map "PerRegion" ($ is an object with "run")');
  });
});

test('a Task its machine does not start with: its $ is what the states before it pass on, which the input picker says; what is given is not shared as the execution input (walk32)', async () => {
  await withTasks([{ ...task('Train', payload('item')), inputFrom: ['Prepare'] }], async () => {
    fake.dialogs.length = 0;
    fake.respond((d) => {
      if (d.kind === 'quickPick' && d.message === 'The input of "Train" for this run') return '$(edit) Paste JSON…';
      if (d.kind === 'inputBox' && d.message === 'Input of "Train" (JSON)') return '{"run": "m1"}';
      if (d.kind === 'inputBox' && d.message === 'Value of ${Bucket}') return 'ml-bucket';
      return undefined;
    });
    await fake.commands.get('sagemakerAsl.startTrainingJob')!(URI, 'Train');
    const picker = fake.dialogs.find((d) => d.kind === 'quickPick')!;
    assert.equal(picker.detail, 'The JSON that $ reads in the Task\'s request: in an execution "Train" gets what "Prepare" passes on, not the execution input');
    const error = fake.dialogs.find((d) => d.kind === 'error');
    assert.equal(error?.message, 'Cannot build the request of "Train": HyperParameters.epochs.$: $.epochs is not in the input of "Train" ($ is an object with "run")');
  });
});

test('a later state whose request reads $$.Execution.Input: the execution input is asked for too, and each input is remembered as what it is (review of the day)', async () => {
  try {
    await withTasks([{ ...task('Train', { ...payload('late'), HyperParameters: { 'epochs.$': '$.epochs', 'source.$': '$$.Execution.Input.source' } }), inputFrom: ['Prepare'] }], async () => {
      fake.dialogs.length = 0;
      fake.respond((d) => {
        if (d.kind === 'quickPick') return '$(edit) Paste JSON…';
        if (d.kind === 'inputBox' && d.message === 'Input of "Train" (JSON)') return '{"run": "s1", "epochs": "3"}';
        if (d.kind === 'inputBox' && d.message === 'Execution input (JSON)') return '{"source": "s3://raw"}';
        if (d.kind === 'inputBox' && d.message === 'Value of ${Bucket}') return 'ml-bucket';
        return undefined; // the confirmation cancelled
      });
      await fake.commands.get('sagemakerAsl.startTrainingJob')!(URI, 'Train');
      assert.deepEqual(fake.dialogs.filter((d) => d.kind === 'quickPick').map((d) => d.message), ['The input of "Train" for this run', 'Execution input for this run']);
      const confirm = fake.dialogs.find((d) => d.modal && d.message.startsWith('Start training job'));
      assert.match(confirm?.detail ?? fake.dialogs.map((d) => `${d.kind}: ${d.message}`).join(' | '), /HyperParameters: epochs=3, source=s3:\/\/raw/);
      assert.equal(fake.state.get(`sagemakerAsl.input:${URI}`), '{"source": "s3://raw"}');
      assert.equal(fake.state.get(`sagemakerAsl.stateInput:${URI}##Train`), '{"run": "s1", "epochs": "3"}');
    });
  } finally {
    fake.state.delete(`sagemakerAsl.input:${URI}`);
  }
});

test('a review notification left open starts nothing once the state was launched again (review of the day: a forgotten Start could start a second job)', async () => {
  fake.dialogs.length = 0;
  let pressStart!: (v: string) => void;
  const pending = new Promise<string>((done) => (pressStart = done));
  let confirmations = 0;
  fake.respond((d) => {
    if (d.kind === 'quickPick' && d.message === 'Execution input for this run') return '$(edit) Paste JSON…';
    if (d.kind === 'inputBox' && d.message === 'Execution input (JSON)') return '{"run": "v1", "epochs": "1"}';
    if (d.kind === 'inputBox' && d.message === 'Value of ${Bucket}') return 'ml-bucket';
    if (d.modal && d.message.startsWith('Start training job')) return confirmations++ === 0 ? 'Open Request as JSON' : undefined;
    if (!d.modal && d.message.startsWith('Review the request')) return pending;
    return undefined;
  });
  await fake.commands.get('sagemakerAsl.startTrainingJob')!(URI, 'Train');
  await fake.commands.get('sagemakerAsl.startTrainingJob')!(URI, 'Train');
  pressStart('Start');
  await until('the notification to say it is stale', () => fake.dialogs.some((d) => /was launched again since this request was opened/.test(d.message)));
  assert.ok(!fake.output.some((l) => /churn-v1: started/.test(l)), fake.output.join('\n'));
});

test('an unresolvable path names the key', async () => {
  fake.dialogs.length = 0;
  user('{"run": "r2"}', ['Start']);
  await fake.commands.get('sagemakerAsl.startTrainingJob')!(URI, 'Train');
  const error = fake.dialogs.find((d) => d.kind === 'error');
  assert.equal(error?.message, 'Cannot build the request of "Train": HyperParameters.epochs.$: $.epochs is not in the execution input ($ is an object with "run")');
  assert.deepEqual(error?.choices, ['Choose Another Input']);
});

test('the values a template gives its placeholders are not asked for: the launch uses them', async () => {
  await withTasks([{ ...task('Train', payload('given')), placeholderValues: { Bucket: 'template-bucket' } }], async () => {
    fake.dialogs.length = 0;
    user('{"run": "p1", "epochs": "1"}', []); // the confirmation cancelled: nothing is started
    await fake.commands.get('sagemakerAsl.startTrainingJob')!(URI, 'Train');
    assert.ok(!fake.dialogs.some((d) => d.message === 'Value of ${Bucket}'), fake.dialogs.map((d) => d.message).join('\n'));
    assert.match(fake.dialogs.find((d) => d.modal)!.detail!, /^Output: s3:\/\/template-bucket\/models$/m);
  });
});

test('a placeholder left empty that empties a field SageMaker needs is refused before the confirmation, and a CloudFormation pseudo parameter is offered its value (new-user walk: an empty RoleArn was sent)', async () => {
  await withTasks([task('Train', { ...payload('pseudo'), RoleArn: 'arn:${AWS::Partition}:iam::111122223333:role/r' })], async () => {
    fake.dialogs.length = 0;
    // Each pseudo parameter's box is left with the value it offers.
    user('{"run": "q1", "epochs": "1"}', [], (d) => (d.kind === 'inputBox' ? d.choices[0] : undefined), { Bucket: '' });
    await fake.commands.get('sagemakerAsl.startTrainingJob')!(URI, 'Train');
    const boxes = fake.dialogs.filter((d) => d.kind === 'inputBox' && d.message.startsWith('Value of'));
    assert.deepEqual(boxes.map((d) => [d.message, d.choices[0]]), [['Value of ${AWS::Partition}', 'aws'], ['Value of ${Bucket}', 'ml-bucket']]);
    assert.match(boxes[0].detail!, /^CloudFormation's pseudo parameter AWS::Partition/);
    // "s3:///models" is no S3 URI: refused with the reason, no confirmation.
    const error = fake.dialogs.find((d) => d.kind === 'error')!;
    assert.match(error.message, /^The request of "Train" would be refused by SageMaker once its values are filled in, so nothing was started: S3OutputPath/);
    assert.match(error.detail!, /S3OutputPath "s3:\/\/\/models" must match/);
    assert.ok(!fake.dialogs.some((d) => d.modal), 'no confirmation');
  });
});

test('a placeholder whose name says it is a secret is typed masked and is not remembered; the others are offered again (sec40)', async () => {
  // Under members whose names say nothing (sec40 review: only a secret-named member was masked).
  const secretTask = task('Train', { ...payload('secret'), Environment: { DB: '${DbPassword}', MODE: '${Mode}' }, HyperParameters: { conn: 'postgres://app:${DbPassword}@db/x', 'epochs.$': '$.epochs' } });
  await withTasks([secretTask], async () => {
    for (const round of [1, 2]) {
      fake.dialogs.length = 0;
      user('{"run": "s1", "epochs": "1"}', [], () => undefined, { Bucket: 'ml-bucket', DbPassword: 'hunter2-hunter2', Mode: 'fast' });
      await fake.commands.get('sagemakerAsl.startTrainingJob')!(URI, 'Train');
      const box = (name: string) => fake.dialogs.find((d) => d.kind === 'inputBox' && d.message === `Value of \${${name}}`)!;
      assert.equal(box('DbPassword').password, true);
      assert.match(box('DbPassword').detail!, /Its name says it is a secret: it is not remembered\.$/);
      assert.equal(box('DbPassword').choices[0], '', `round ${round}: not offered again`);
      assert.equal(box('Mode').password, undefined);
      assert.equal(box('Mode').choices[0], round === 1 ? '' : 'fast', `round ${round}`);
      const detail = fake.dialogs.find((d) => d.modal && d.message.startsWith('Start training job'))!.detail!;
      assert.match(detail, /Environment: DB=\*{8}, MODE=fast\nHyperParameters: conn=postgres:\/\/app:\*{8}@db\/x, epochs=1/);
      assert.ok(!detail.includes('hunter2'), detail);
    }
    assert.ok(!JSON.stringify([...fake.state.entries()]).includes('hunter2'), 'not in the workspace state');
  });
});

test("${AWS::AccountId} is offered the account of the request's role and must be 12 digits (walk38: an empty one made s3://bucket-/… and went on to the confirmation)", async () => {
  await withTasks([task('Train', { ...payload('account'), RoleArn: 'arn:aws:iam::444455556666:role/r', OutputDataConfig: { S3OutputPath: 's3://models-${AWS::AccountId}/out' } })], async () => {
    fake.dialogs.length = 0;
    user('{"run": "q1", "epochs": "1"}', [], (d) => (d.kind === 'inputBox' ? d.choices[0] : undefined), { 'AWS::AccountId': '' });
    await fake.commands.get('sagemakerAsl.startTrainingJob')!(URI, 'Train');
    const box = fake.dialogs.find((d) => d.kind === 'inputBox' && d.message === 'Value of ${AWS::AccountId}')!;
    assert.equal(box.choices[0], '444455556666');
    assert.equal(box.refused, 'An AWS account ID is 12 digits, such as 111122223333');
    assert.ok(!fake.dialogs.some((d) => d.modal), 'no confirmation');
  });
});

test('"Choose Another Input" asks for the input again and launches with it (the first launch lets the state go first)', async () => {
  fake.dialogs.length = 0;
  const inputs = ['{"run": "r6"}', '{"run": "r6", "epochs": "2"}'];
  fake.respond((d) => {
    if (d.kind === 'quickPick' && d.message === 'Execution input for this run') return '$(edit) Paste JSON…';
    if (d.kind === 'inputBox' && d.message === 'Execution input (JSON)') return inputs.shift();
    if (d.kind === 'inputBox' && d.message === 'Value of ${Bucket}') return 'ml-bucket';
    if (d.kind === 'error' && d.message.startsWith('Cannot build the request')) return 'Choose Another Input';
    if (d.modal && d.message.startsWith('Start training job')) return 'Start';
    return undefined;
  });
  await fake.commands.get('sagemakerAsl.startTrainingJob')!(URI, 'Train');
  await until('the second launch to start its job', () => fake.output.some((l) => /churn-r6: started training job/.test(l)));
  assert.ok(!fake.dialogs.some((d) => /already waiting/.test(d.message)), fake.dialogs.map((d) => d.message).join('\n'));
});

test('a notification left unanswered (hidden with Esc) does not hold the state: the next launch goes ahead', async () => {
  fake.dialogs.length = 0;
  // "already exists … Watch It" never answered: the launch has returned all the same.
  user('{"run": "r6", "epochs": "2"}', ['Start', 'Start'], (d) => (d.kind === 'warning' && d.message.includes('already exists') ? new Promise<undefined>(() => {}) : undefined));
  await fake.commands.get('sagemakerAsl.startTrainingJob')!(URI, 'Train');
  await fake.commands.get('sagemakerAsl.startTrainingJob')!(URI, 'Train');
  assert.equal(fake.dialogs.filter((d) => d.kind === 'warning' && d.message.includes('already exists')).length, 2);
  assert.ok(!fake.dialogs.some((d) => /already waiting/.test(d.message)));
});

test('stopping a job that ended meanwhile says so, not that SageMaker refused', async () => {
  await until('churn-r6 to complete', () => fake.output.some((l) => l.includes('churn-r6: status Completed')), 15000);
  fake.dialogs.length = 0;
  fake.respond((d) => (d.modal && d.message.startsWith('Stop SageMaker training job') ? 'Stop Job' : undefined));
  await fake.commands.get('sagemakerAsl.stopJob')!({ kind: 'training', name: 'churn-r6' });
  const stop = fake.dialogs.find((d) => d.modal)!;
  assert.match(stop.detail!, /Stopping cannot be undone\. The algorithm gets 120 seconds to save its model artifacts/);
  assert.deepEqual(fake.dialogs.filter((d) => !d.modal).map((d) => [d.kind, d.message]), [['info', 'churn-r6 has already ended (Completed): there is nothing to stop.']]);
});

test('text from the document never becomes a command link in a notification (VS Code runs [label](command:…) when clicked)', async () => {
  const link = '[Open the input guide](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22echo%20pwned%5Cn%22%7D)';
  await withTasks([task(`Train ${link}`, { ...payload('churn'), HyperParameters: { [`${link}.$`]: '$.nope' } })], async () => {
    fake.dialogs.length = 0;
    user('{"run": "r3"}', ['Start']);
    await fake.commands.get('sagemakerAsl.startTrainingJob')!(URI, `Train ${link}`);
    const error = fake.dialogs.find((d) => d.kind === 'error');
    assert.match(error?.message ?? '', /^Cannot build the request of "Train \[Open the input guide\] \(command:/);
    // VS Code's own notification link pattern (NotificationViewItem's parseLinkedText) finds nothing.
    const vscodeLink = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/i;
    for (const d of fake.dialogs) assert.doesNotMatch(d.message, vscodeLink);
  });
  // A `](` that opens no link is left as written: a pattern in a message copies as the pattern (walk40).
  const { plainText } = require('../../client/src/notify');
  assert.equal(plainText('TrainingJobName "a_b" must match [a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}'), 'TrainingJobName "a_b" must match [a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}');
  assert.equal(plainText('[x](HTTPS://e.example) [y]( file:///etc/passwd) [z](vscode:extension/x)'), '[x] (HTTPS://e.example) [y] ( file:///etc/passwd) [z] (vscode:extension/x)');
});

/** The emulator's steps made long for one test: a stop must arrive while the job runs, even on a busy machine. */
async function slowSteps<T>(run: () => Promise<T>): Promise<T> {
  const config = (change: object) => fetch(`${emu.url}/_emulator/config`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(change) });
  await config({ stepMs: 1500 });
  try {
    return await run();
  } finally {
    await config({ stepMs: 60 });
  }
}

test('closing the progress notification asks, then stops the job', () => slowSteps(async () => {
  fake.dialogs.length = 0;
  fake.cancels.length = 0;
  user('{"run": "r3", "epochs": "1"}', ['Start'], (d) => (d.modal && d.message.startsWith('Stop SageMaker training job') ? 'Stop Job' : undefined));
  await fake.commands.get('sagemakerAsl.startTrainingJob')!(URI, 'Train');
  await until('the progress notification', () => fake.cancels.length > 0);
  assert.equal(fake.statusBar.visible, true);
  assert.match(fake.statusBar.text, /SageMaker: 1 job/);
  fake.cancels[0]();
  await until('Stopped', () => fake.output.some((l) => l.includes('churn-r3: status Stopped')));
  assert.ok(fake.output.some((l) => /churn-r3: Stopping - /.test(l)));
  await until('the status bar to hide', () => !fake.statusBar.visible);
}));

test('one job name at two endpoints is two jobs: each recorded and watched, and Stop from one\'s notification stops that one (the review of the day)', () => slowSteps(async () => {
  const other = await startEmulator(['--step-ms', '1500', '--quiet']);
  const status = async (url: string) => ((await (await fetch(url, { method: 'POST', headers: { 'X-Amz-Target': 'SageMaker.DescribeTrainingJob', 'Content-Type': 'application/x-amz-json-1.1' }, body: JSON.stringify({ TrainingJobName: 'nightly-twice' }) })).json()) as { TrainingJobStatus: string }).TrainingJobStatus;
  try {
    const { 'TrainingJobName.$': _, ...rest } = payload('x');
    tasks = [task('Train', { ...rest, TrainingJobName: 'nightly-twice' })];
    fake.cancels.length = 0;
    user('{"run": "r1", "epochs": "1"}', ['Start', 'Start'], (d) => (d.modal && d.message.startsWith('Stop SageMaker training job') ? 'Stop Job' : undefined));
    await fake.commands.get('sagemakerAsl.startTrainingJob')!(URI, 'Train');
    await until(`the first progress notification (${JSON.stringify(fake.dialogs.map((d) => d.message))})`, () => fake.cancels.length === 1);
    settings['aws.endpoint'] = other.url;
    await fake.commands.get('sagemakerAsl.startTrainingJob')!(URI, 'Train');
    await until('the second progress notification', () => fake.cancels.length === 2);
    const records = (fake.state.get('sagemakerAsl.jobs') as { name: string; endpoint: string }[]).filter((r) => r.name === 'nightly-twice');
    assert.deepEqual(records.map((r) => r.endpoint).sort(), [emu.url, other.url].sort());
    assert.match(fake.statusBar.text, /SageMaker: 2 jobs/);
    // The first job's notification closed, its Stop confirmed: the first job stops, the second runs on.
    fake.cancels[0]();
    await until('the first to stop', () => fake.output.some((l) => l.includes('nightly-twice: stop requested')));
    assert.deepEqual([await status(emu.url), await status(other.url)], ['Stopping', 'InProgress']);
    // And the second from its own: both end, and nothing is left watched.
    fake.cancels[1]();
    await until('both to end', () => !fake.statusBar.visible, 20000);
  } finally {
    settings['aws.endpoint'] = emu.url;
    await other.stop();
  }
}));

test('after a window reload, running jobs are watched again', async () => {
  // A job recorded as running by a previous window.
  const started = await fetch(emu.url, {
    method: 'POST',
    headers: { 'X-Amz-Target': 'SageMaker.CreateTrainingJob', 'Content-Type': 'application/x-amz-json-1.1' },
    body: JSON.stringify({ TrainingJobName: 'churn-reload', RoleArn: ROLE, AlgorithmSpecification: { TrainingImage: '382416733822.dkr.ecr.us-east-1.amazonaws.com/linear-learner:1', TrainingInputMode: 'File' }, OutputDataConfig: { S3OutputPath: 's3://b/m' }, ResourceConfig: { InstanceType: 'ml.m5.xlarge', InstanceCount: 1, VolumeSizeInGB: 5 } }),
  });
  assert.equal(started.status, 200);
  const jobs = fake.state.get('sagemakerAsl.jobs') as object[];
  fake.state.set('sagemakerAsl.jobs', [{ kind: 'training', name: 'churn-reload', uri: URI, stateName: 'Train', startedAt: new Date().toISOString(), status: 'InProgress', region: 'us-east-1', endpoint: emu.url, maskedRequest: {} }, ...jobs]);
  for (const d of fake.context.subscriptions.splice(0)) d.dispose();
  registerJobCommands(fake.context, client);
  await until('the resumed watch to finish', () => fake.output.some((l) => l.includes('churn-reload: status Completed')));
  assert.ok(fake.output.some((l) => l.includes('Resuming the watch of churn-reload')));
});

// ---- Issue 19 ----------------------------------------------------------------------------------------------------

const SECRETS = {
  env: { API_KEY: 'sk-live-env-5678', DB_PASSWD: 'hunter2hunter2', GITHUB_PAT: 'ghp_abcdefghijklmnopqrstuvwxyz0123456789', DATABASE_URL: 'postgres://admin:pg-s3cret-pw@db:5432/app', TOKENIZER_NAME: 'bert-base-uncased' },
  hyper: { wandb_api_key: '0123456789abcdef0123456789abcdef01234567', hf_token: 'hf_abcdefghijklmnopqrstuvwxyz0123456', epochs: '3' },
  args: ['--api-key', 'sk-live-arg-9999', '--epochs', '3'],
};
const CLEAR = ['sk-live-env-5678', 'hunter2hunter2', 'ghp_abcdefghijklmnopqrstuvwxyz0123456789', 'pg-s3cret-pw', '0123456789abcdef0123456789abcdef01234567', 'hf_abcdefghijklmnopqrstuvwxyz0123456', 'sk-live-arg-9999'];
const withSecrets = (name: string) => ({
  ...payload(name),
  Environment: SECRETS.env,
  HyperParameters: SECRETS.hyper,
  AlgorithmSpecification: { TrainingImage: 'img:1', TrainingInputMode: 'File', ContainerArguments: SECRETS.args },
});
/** Everything the user could see or that is kept: dialogs, documents opened, the output, the workspace state. */
const onScreen = () => JSON.stringify([fake.dialogs, fake.opened, fake.output, [...fake.state.entries()], [...fake.globalState.entries()]]);

test('a launch with secrets in Environment, HyperParameters and ContainerArguments shows none of them, and stores none', async () => {
  tasks = [task('Train', withSecrets('secret'))];
  fake.dialogs.length = 0;
  fake.opened.length = 0;
  user('{"run": "s1"}', ['Open Request as JSON', 'Start']);
  await fake.commands.get('sagemakerAsl.startTrainingJob')!(URI, 'Train');
  await until('the summary', () => fake.output.some((l) => l.includes('secret-s1: status Completed')));
  const confirm = fake.dialogs.find((d) => d.modal && d.message.startsWith('Start training job'))!;
  assert.match(confirm.detail!, /Environment: API_KEY=\*{8}, DB_PASSWD=\*{8}, GITHUB_PAT=\*{8}, DATABASE_URL=postgres:\/\/admin:\*{8}@db:5432\/app, TOKENIZER_NAME=bert-base-uncased/);
  const opened = JSON.parse(fake.opened[0]);
  assert.deepEqual(opened.HyperParameters, { wandb_api_key: '********', hf_token: '********', epochs: '3' });
  assert.deepEqual(opened.AlgorithmSpecification.ContainerArguments, ['--api-key', '********', '--epochs', '3']);
  // The container echoes its environment: the secrets are blanked out, the tokenizer's name is not.
  const lines = fake.output.join('\n');
  assert.match(lines, /secret-s1 \| DB_PASSWD=\*{8}\n/);
  assert.match(lines, /secret-s1 \| DATABASE_URL=postgres:\/\/admin:\*{8}@db:5432\/app\n/);
  assert.match(lines, /secret-s1 \| TOKENIZER_NAME=bert-base-uncased\n/);
  // It prints its hyperparameters as JSON: the secret ones are blanked out there too.
  assert.match(lines, /secret-s1 \| Hyperparameters: \{"wandb_api_key":"\*{8}","hf_token":"\*{8}","epochs":"3"\}\n/);
  const seen = onScreen();
  for (const secret of CLEAR) assert.ok(!seen.includes(secret), `${secret} is shown or stored`);
  // Nor sent to the language server (a verbose trace logs every message): stand-ins of the same length and kind.
  const sent = JSON.stringify(checked.at(-1));
  for (const secret of CLEAR) assert.ok(!sent.includes(secret), `${secret} is sent to the language server`);
  assert.match(sent, /"DB_PASSWD":"xxxxxx0xxxxxx0"/);
});

test('the status bar clears when the job completes, before its notification is answered; Show Jobs has no spinner for it', async () => {
  tasks = [task('Train', payload('bar'))];
  fake.dialogs.length = 0;
  let answered: (value: string | undefined) => void = () => {};
  const pending = new Promise<string | undefined>((resolve) => (answered = resolve));
  user('{"run": "b1", "epochs": "1"}', ['Start'], (d) => (d.kind === 'info' && d.message.startsWith('SageMaker training job bar-b1: Completed') ? pending : undefined));
  await fake.commands.get('sagemakerAsl.startTrainingJob')!(URI, 'Train');
  await until('the completion notification', () => fake.dialogs.some((d) => d.message.startsWith('SageMaker training job bar-b1: Completed')));
  await until('the status bar to clear by itself', () => !fake.statusBar.visible);
  fake.respond((d) => (d.message === 'SageMaker jobs of this workspace' ? undefined : undefined));
  fake.dialogs.length = 0;
  await fake.commands.get('sagemakerAsl.showJobs')!();
  const list = fake.dialogs.find((d) => d.message === 'SageMaker jobs of this workspace')!;
  assert.ok(list.choices.includes('bar-b1'), list.choices.join());
  assert.ok(list.choices.every((c) => !c.includes('$(sync~spin)')), list.choices.join());
  answered(undefined);
});

/** A training job created by someone else (another window, the console), with secrets in its request. */
async function createElsewhere(name: string): Promise<void> {
  const res = await fetch(emu.url, {
    method: 'POST',
    headers: { 'X-Amz-Target': 'SageMaker.CreateTrainingJob', 'Content-Type': 'application/x-amz-json-1.1' },
    body: JSON.stringify({
      TrainingJobName: name, RoleArn: ROLE, OutputDataConfig: { S3OutputPath: 's3://b/m' }, ResourceConfig: { InstanceType: 'ml.m5.xlarge', InstanceCount: 1, VolumeSizeInGB: 5 },
      AlgorithmSpecification: { TrainingImage: 'img:1', TrainingInputMode: 'File', ContainerArguments: SECRETS.args }, Environment: SECRETS.env, HyperParameters: SECRETS.hyper,
    }),
  });
  assert.equal(res.status, 200);
}

test('after a window reload the secrets are found again in the job description (nothing stored in clear)', async () => {
  await createElsewhere('secret-reload');
  const jobs = fake.state.get('sagemakerAsl.jobs') as object[];
  // Recorded by an older version, whose masking left HyperParameters in clear: masked again on resume.
  const old = { Environment: { API_KEY: '********' }, HyperParameters: SECRETS.hyper };
  fake.state.set('sagemakerAsl.jobs', [{ kind: 'training', name: 'secret-reload', uri: URI, stateName: 'Train', startedAt: new Date().toISOString(), status: 'InProgress', region: 'us-east-1', endpoint: emu.url, maskedRequest: old }, ...jobs]);
  fake.output.length = 0;
  for (const d of fake.context.subscriptions.splice(0)) d.dispose();
  registerJobCommands(fake.context, client);
  await until('the resumed watch to finish', () => fake.output.some((l) => l.includes('secret-reload: status Completed')));
  const lines = fake.output.join('\n');
  assert.match(lines, /secret-reload \| API_KEY=\*{8}\n/);
  for (const secret of CLEAR) assert.ok(!lines.includes(secret), `${secret} is in the output`);
  const stored = JSON.stringify([...fake.state.entries()]);
  for (const secret of CLEAR) assert.ok(!stored.includes(secret), `${secret} is stored`);
});

test('"Watch It" on an existing job masks the secrets it was started with', async () => {
  await createElsewhere('secret-existing');
  tasks = [task('Train', { ...withSecrets('x'), 'TrainingJobName.$': "States.Format('secret-{}', $.run)" })];
  fake.dialogs.length = 0;
  fake.output.length = 0;
  user('{"run": "existing"}', ['Start'], (d) => (d.kind === 'warning' && d.message.includes('already exists') ? d.choices?.find((c) => c === 'Watch It' || c === 'Show Its History') : undefined));
  await fake.commands.get('sagemakerAsl.startTrainingJob')!(URI, 'Train');
  await until('the watch to finish', () => fake.output.some((l) => l.includes('secret-existing: status Completed')));
  const lines = fake.output.join('\n');
  assert.match(lines, /secret-existing \| DB_PASSWD=\*{8}\n/);
  for (const secret of CLEAR) assert.ok(!lines.includes(secret), `${secret} is in the output`);
  // Started elsewhere: this launch's request is not its request, so none is on record (Show Jobs offers none).
  const record = (fake.state.get('sagemakerAsl.jobs') as { name: string; maskedRequest: unknown; arn?: string }[]).find((r) => r.name === 'secret-existing');
  assert.equal(record?.maskedRequest, null);
  assert.equal(record?.arn, undefined);
});

test('Retry of a failed start: the same request where the launch was confirmed; elsewhere (the settings changed since) a launch confirmed again; after a newer launch, none', async () => {
  tasks = [task('Train', payload('retry'))];
  const pressed: ((pick: string) => void)[] = [];
  const waitRetry = (d: Dialog) => (d.kind === 'error' && d.choices.includes('Retry') ? new Promise<string>((r) => pressed.push(r)) : undefined);
  const started = (name: string) => fake.output.some((l) => l.includes(`${name}: started training job`));
  // Where the launch was confirmed: started with no other question.
  await emu.faults([{ fault: 'accessDenied', target: 'CreateTrainingJob', count: 1 }]);
  user('{"run": "same", "epochs": "1"}', ['Start'], waitRetry);
  await fake.commands.get('sagemakerAsl.startTrainingJob')!(URI, 'Train');
  await until('the Retry offer', () => pressed.length === 1);
  fake.dialogs.length = 0;
  pressed[0]('Retry');
  await until('the retried start', () => started('retry-same'));
  assert.ok(!fake.dialogs.some((d) => d.message.startsWith('Start training job')), 'the same target: not asked again');
  // The region changed before Retry: the confirmation that named the old one does not cover it, so it is asked again.
  await emu.faults([{ fault: 'accessDenied', target: 'CreateTrainingJob', count: 1 }]);
  user('{"run": "moved", "epochs": "1"}', ['Start', 'Cancel'], waitRetry);
  await fake.commands.get('sagemakerAsl.startTrainingJob')!(URI, 'Train');
  await until('the Retry offer', () => pressed.length === 2);
  settings['aws.region'] = 'us-west-2';
  fake.dialogs.length = 0;
  try {
    pressed[1]('Retry');
    await until('the confirmation again', () => fake.dialogs.some((d) => d.modal && d.message.startsWith('Start training job')));
    assert.match(fake.dialogs.find((d) => d.modal && d.message.startsWith('Start training job'))!.detail!, /^Job: retry-moved\n/);
  } finally {
    settings['aws.region'] = 'us-east-1';
  }
  assert.ok(!started('retry-moved'), 'cancelled at the new confirmation: not started');
  // A newer launch of the state since: the old notification's Retry starts nothing.
  await emu.faults([{ fault: 'accessDenied', target: 'CreateTrainingJob', count: 1 }]);
  user('{"run": "old", "epochs": "1"}', ['Start'], waitRetry);
  await fake.commands.get('sagemakerAsl.startTrainingJob')!(URI, 'Train');
  await until('the Retry offer', () => pressed.length === 3);
  user('{"run": "new", "epochs": "1"}', ['Start']);
  await fake.commands.get('sagemakerAsl.startTrainingJob')!(URI, 'Train');
  await until('the newer start', () => started('retry-new'));
  fake.dialogs.length = 0;
  pressed[2]('Retry');
  await until('the refusal', () => fake.dialogs.some((d) => d.message.includes('was launched again since this notification was shown, so it was not retried')));
  assert.ok(!started('retry-old'));
});

test('an endpoint that is neither local nor AWS needs an explicit, remembered agreement naming the host and where the setting comes from', async () => {
  tasks = [task('Train', payload('remote'))];
  const saved = { ...fake.workspaceSettings };
  fake.workspaceSettings['aws.endpoint'] = 'http://192.0.2.10:4566';
  try {
    fake.dialogs.length = 0;
    user('{"run": "r1", "epochs": "1"}', []); // every other dialog cancelled: nothing is started
    await fake.commands.get('sagemakerAsl.startTrainingJob')!(URI, 'Train');
    const ask = fake.dialogs.find((d) => d.modal && d.message.startsWith('Send AWS credentials'))!;
    assert.equal(ask.message, 'Send AWS credentials to 192.0.2.10:4566?');
    assert.match(ask.detail!, /^The endpoint http:\/\/192\.0\.2\.10:4566 comes from your workspace settings \(sagemakerAsl\.aws\.endpoint\)\. It is not an AWS service host and plain http\./);
    assert.match(ask.detail!, /your AWS credentials \(the default credential chain\) and the job's request, secrets included/);
    // The default button (the first) sends nothing: it shows where the endpoint is set.
    assert.deepEqual(ask.choices, ['Open the Setting', 'Allow Once', 'Allow and Remember']);
    assert.ok(!fake.dialogs.some((d) => d.message.startsWith('Start training job')), 'declined: no confirmation, nothing sent');
    // The default button: the setting opened, nothing sent.
    fake.dialogs.length = 0;
    fake.executed.length = 0;
    user('{"run": "r1", "epochs": "1"}', [], (d) => (d.message.startsWith('Send AWS credentials') ? 'Open the Setting' : undefined));
    await fake.commands.get('sagemakerAsl.startTrainingJob')!(URI, 'Train');
    assert.deepEqual(fake.executed, [['workbench.action.openSettings', 'sagemakerAsl.aws.endpoint']]);
    assert.ok(!fake.dialogs.some((d) => d.message.startsWith('Start training job')), 'the setting opened: no confirmation, nothing sent');
    // Allowed once: this launch goes on, and the next one asks again.
    fake.dialogs.length = 0;
    user('{"run": "r1", "epochs": "1"}', [], (d) => (d.message.startsWith('Send AWS credentials') ? 'Allow Once' : undefined));
    await fake.commands.get('sagemakerAsl.startTrainingJob')!(URI, 'Train');
    assert.ok(fake.dialogs.some((d) => d.message.startsWith('Start training job')), 'allowed once: confirmed');
    fake.dialogs.length = 0;
    user('{"run": "r1", "epochs": "1"}', []);
    await fake.commands.get('sagemakerAsl.startTrainingJob')!(URI, 'Train');
    assert.ok(fake.dialogs.some((d) => d.message.startsWith('Send AWS credentials')), 'once is once: asked again');
    // Allowed and remembered for that host, and the confirmation says where it runs and with what.
    fake.dialogs.length = 0;
    user('{"run": "r1", "epochs": "1"}', [], (d) => (d.message.startsWith('Send AWS credentials') ? 'Allow and Remember' : undefined));
    await fake.commands.get('sagemakerAsl.startTrainingJob')!(URI, 'Train');
    const confirm = fake.dialogs.find((d) => d.message.startsWith('Start training job'))!;
    assert.equal(confirm.message, 'Start training job "remote-r1" from "Train"? It runs at 192.0.2.10:4566, which receives your credentials.');
    assert.match(confirm.detail!, /Where: endpoint http:\/\/192\.0\.2\.10:4566 \(not an AWS service host and plain http; from workspace settings\) with the default AWS credential chain, region us-east-1/);
    fake.dialogs.length = 0;
    await fake.commands.get('sagemakerAsl.startTrainingJob')!(URI, 'Train');
    assert.ok(!fake.dialogs.some((d) => d.message.startsWith('Send AWS credentials')), 'remembered: not asked again');
    assert.ok(fake.dialogs.some((d) => d.message.startsWith('Start training job')));
    // Remembered for those credentials (the default chain): another profile's are asked for again (the review of the
    // day: prod's keys went where dev's had been allowed).
    settings['aws.profile'] = 'prod';
    fake.dialogs.length = 0;
    user('{"run": "r1", "epochs": "1"}', []);
    await fake.commands.get('sagemakerAsl.startTrainingJob')!(URI, 'Train');
    const other = fake.dialogs.find((d) => d.message.startsWith('Send AWS credentials'));
    assert.match(other?.detail ?? '', /sends the credentials of profile "prod"/);
    assert.match(other?.detail ?? '', /Allow and Remember keeps the answer for this host and profile "prod"\.$/);
    delete settings['aws.profile'];
    // From the user's own settings, over https to a host that is not AWS: asked, saying so.
    delete fake.workspaceSettings['aws.endpoint'];
    const user0 = settings['aws.endpoint'];
    settings['aws.endpoint'] = 'https://sagemaker.example.com';
    fake.dialogs.length = 0;
    user('{"run": "r1", "epochs": "1"}', []);
    await fake.commands.get('sagemakerAsl.startTrainingJob')!(URI, 'Train');
    assert.match(fake.dialogs.find((d) => d.message.startsWith('Send AWS credentials'))!.detail!, /comes from your user settings \(sagemakerAsl\.aws\.endpoint\)\. It is not an AWS service host\./);
    // https to AWS: no question, and the confirmation says it costs money in the account. Which account, STS did
    // not say: the environment sends STS to a local server, which the destination guard refuses.
    settings['aws.endpoint'] = 'https://api.sagemaker.us-east-1.amazonaws.com';
    process.env.AWS_ENDPOINT_URL_STS = emu.url;
    fake.dialogs.length = 0;
    await fake.commands.get('sagemakerAsl.startTrainingJob')!(URI, 'Train');
    assert.ok(!fake.dialogs.some((d) => d.message.startsWith('Send AWS credentials')));
    const aws = fake.dialogs.find((d) => d.message.startsWith('Start training job'))!;
    assert.equal(aws.message, 'Start training job "remote-r1" from "Train"? It runs in your AWS account and costs money.');
    assert.match(aws.detail!, /Where: us-east-1, the default AWS credential chain, endpoint https:\/\/api\.sagemaker\.us-east-1\.amazonaws\.com\nAccount: not known \(Refused to send your AWS credentials to 127\.0\.0\.1:\d+ \(a local server\)/);
    settings['aws.endpoint'] = user0;
  } finally {
    Object.assign(fake.workspaceSettings, saved);
    delete process.env.AWS_ENDPOINT_URL_STS;
  }
});

test('Fix All SageMaker Problems asks for the server\'s own fix-all kind, says in the status bar when there is nothing to apply, and the palette finds it by that name', async () => {
  const { registerFixAll } = require('../../client/src/fixAll');
  registerFixAll(fake.context, { diagnostics: undefined }, () => ({ dispose() {} }));
  fake.executed.length = 0;
  fake.dialogs.length = 0;
  const editor = fake.vscode.window.activeTextEditor;
  (fake.vscode.window as { activeTextEditor: unknown }).activeTextEditor = { document: { uri: URI, lineCount: 3 } };
  try {
    await fake.commands.get('sagemakerAsl.fixAll')!();
  } finally {
    (fake.vscode.window as { activeTextEditor: unknown }).activeTextEditor = editor;
  }
  assert.deepEqual(fake.executed.map(([id, uri, , kind]) => [id, uri, kind]), [['vscode.executeCodeActionProvider', URI, 'source.fixAll.sagemaker']]);
  assert.deepEqual(fake.dialogs, []);
  assert.equal(fake.statusMessages.at(-1), '$(info) Fix All found nothing to fix in this file');
  const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
  assert.equal(manifest.contributes.commands.find((c: { command: string }) => c.command === 'sagemakerAsl.fixAll')?.title, 'Fix All SageMaker Problems');
});

test('a multi-line failure reason stays under its timestamp: continuation lines indented past the channel\'s "<time> [level] "', async () => {
  tasks = [task('Train', payload('fail'))];
  fake.dialogs.length = 0;
  fake.output.length = 0;
  user('{"run": "m1", "epochs": "1"}', ['Start']);
  await fake.commands.get('sagemakerAsl.startTrainingJob')!(URI, 'Train');
  await until('the summary', () => fake.output.some((l) => l.includes('fail-m1: status Failed')));
  await until('the failure reason', () => fake.output.some((l) => l.includes('fail-m1: failure reason:')));
  const reason = fake.output.find((l) => l.includes('fail-m1: failure reason:'))!;
  const indent = ' '.repeat('2026-11-22 10:01:02.345 [info] '.length);
  assert.equal(reason, `info fail-m1: failure reason: AlgorithmError: ExecuteUserScriptError:\n${indent}ExitCode 1\n${indent}ErrorMessage "KeyError: 'label'"\n${indent}Command "/usr/local/bin/python3.9 train.py", exit code: 1`);
});

test('a Task whose request reads nothing (no .$ key, no {% %}) launches without asking for an execution input', async () => {
  const written = { ...payload('lit'), TrainingJobName: 'churn-literal-1', HyperParameters: { epochs: '5' }, OutputDataConfig: { S3OutputPath: 's3://ml-bucket/models' } };
  delete (written as Record<string, unknown>)['TrainingJobName.$'];
  tasks = [task('Train', written)];
  fake.dialogs.length = 0;
  user('{}', ['Start']);
  await fake.commands.get('sagemakerAsl.startTrainingJob')!(URI, 'Train');
  assert.ok(!fake.dialogs.some((d) => d.message === 'Execution input for this run'), fake.dialogs.map((d) => d.message).join(' | '));
  assert.ok(fake.dialogs.some((d) => d.modal && d.message.startsWith('Start training job "churn-literal-1"')), fake.dialogs.map((d) => d.message).join(' | '));
  await until('the job started', () => fake.output.some((l) => l.includes('churn-literal-1: started training job')));
});

test('a Task whose request reads only the context object ($$.Execution.Name) launches without asking for an execution input (walk38)', async () => {
  const written = { ...payload('ctx'), 'TrainingJobName.$': "States.Format('churn-{}', $$.Execution.Name)", HyperParameters: { epochs: '5' }, OutputDataConfig: { S3OutputPath: 's3://ml-bucket/models' } };
  tasks = [task('Train', written)];
  fake.dialogs.length = 0;
  user('{}', ['Start']);
  await fake.commands.get('sagemakerAsl.startTrainingJob')!(URI, 'Train');
  assert.ok(!fake.dialogs.some((d) => d.message === 'Execution input for this run'), fake.dialogs.map((d) => d.message).join(' | '));
  assert.ok(fake.dialogs.some((d) => d.modal && d.message.startsWith('Start training job "churn-')), fake.dialogs.map((d) => d.message).join(' | '));
  await until('the job started', () => fake.output.some((l) => /churn-[^:]*: started training job/.test(l)));
});

test('a standalone job spec (a request file) launches without asking for an execution input', async () => {
  const spec = { ...payload('spec'), TrainingJobName: 'churn-spec-1', HyperParameters: { epochs: '5' }, OutputDataConfig: { S3OutputPath: 's3://ml-bucket/models' } };
  delete (spec as Record<string, unknown>)['TrainingJobName.$'];
  tasks = [{ ...task('churn-spec-1', spec), statePath: [], standalone: true }];
  fake.dialogs.length = 0;
  user('{}', ['Start']);
  await fake.commands.get('sagemakerAsl.startTrainingJob')!('file:///work/jobs/churn.training-job.json', 'churn-spec-1');
  assert.ok(!fake.dialogs.some((d) => d.message === 'Execution input for this run' || d.message === 'Execution input (JSON)'), 'no execution input asked for');
  const confirm = fake.dialogs.find((d) => d.modal && d.message.startsWith('Start training job'));
  assert.ok(confirm, `confirmed: ${fake.dialogs.map((d) => d.message).join(' | ')}`);
  // A file, not a state: named as one (walk37: 'from "CreateTrainingJob"').
  assert.ok(confirm.message.startsWith('Start training job "churn-spec-1" from the file churn.training-job.json? '), confirm.message);
  await until('the summary', () => fake.output.some((l) => l.includes('churn-spec-1: status Completed')));
});

test('the $$ context of a launch names the machine after its file without the machine extension (.jsonc, .asl, .asl.yml as .asl.json)', async () => {
  tasks = [task('Train', { ...payload('x'), 'TrainingJobName.$': "States.Format('{}-run', $$.StateMachine.Name)" })];
  for (const file of ['flow.asl.json', 'flow.jsonc', 'flow.asl', 'flow.asl.yml', 'flow.yaml']) {
    fake.dialogs.length = 0;
    user('{"run": "r1", "epochs": "1"}', []); // the confirmation cancelled: nothing is started
    await fake.commands.get('sagemakerAsl.startTrainingJob')!(`file:///work/pipelines/${file}`, 'Train');
    const confirm = fake.dialogs.find((d) => d.modal && d.message.startsWith('Start training job'));
    assert.match(confirm?.message ?? fake.dialogs.map((d) => d.message).join(' | '), /^Start training job "flow-run" from "Train"\?/, file);
  }
});

test('the confirmation names every image a training job runs and every place it writes: Debugger and profiler rules (counted beside the instance-hours), checkpoints, TensorBoard, a file system input (sec40)', async () => {
  const rule = (name: string, image: string) => ({ RuleConfigurationName: name, RuleEvaluatorImage: image, S3OutputPath: 's3://other-bucket/rules' });
  tasks = [task('Train', {
    ...payload('rules'),
    InputDataConfig: [{ ChannelName: 'train', DataSource: { FileSystemDataSource: { FileSystemId: 'fs-0123456789abcdef0', FileSystemType: 'EFS', FileSystemAccessMode: 'ro', DirectoryPath: '/data' } } }],
    CheckpointConfig: { S3Uri: 's3://ml-bucket/checkpoints' },
    TensorBoardOutputConfig: { S3OutputPath: 's3://ml-bucket/models' },
    DebugRuleConfigurations: [rule('LossNotDecreasing', 'rules:1'), rule('Overfit', 'rules:1')],
    ProfilerRuleConfigurations: [rule('ProfilerReport', 'profiler:2')],
  })];
  fake.dialogs.length = 0;
  user('{"run": "r1", "epochs": "5"}', []);
  await fake.commands.get('sagemakerAsl.startTrainingJob')!(URI, 'Train');
  const confirm = fake.dialogs.find((d) => d.modal && d.message.startsWith('Start training job'))!;
  assert.equal(
    confirm.detail,
    `Job: rules-r1\nImage: img:1\nDebugger rule images: rules:1\nProfiler rule images: profiler:2\nInstances: ml.m5.xlarge × 2\nMax runtime: 2 h\nAt most: 2 instances × 2 h = 4 instance-hours\n` +
      'Rule evaluations: 3, each on a processing instance of its own (not counted above)\nInput: file system fs-0123456789abcdef0\n' +
      `Output: s3://ml-bucket/models, s3://ml-bucket/checkpoints, s3://other-bucket/rules\nWhere: local emulator at ${emu.url} with placeholder credentials (none of yours are sent)\nRole: ${ROLE}\nEnvironment: API_KEY=********, MODE=fast\nHyperParameters: epochs=5`,
  );
});

test('the region of a launch\'s $$ ARNs is the one the SDK sends to: with no region setting and no AWS_REGION, the profile\'s', async () => {
  tasks = [task('Train', { ...payload('x'), RoleArn: 'arn:aws:iam::111122223333:role/Other', 'TrainingJobName.$': "States.Format('at-{}', States.ArrayGetItem(States.StringSplit($$.StateMachine.Id, ':'), 3))" })];
  const dir = mkdtempSync(join(tmpdir(), 'region-'));
  writeFileSync(join(dir, 'config'), '[profile work]\nregion = ap-northeast-2\n');
  // Credentials that resolve (made up): a launch says ones that do not before its confirmation.
  writeFileSync(join(dir, 'credentials'), '[work]\naws_access_key_id = AKIAEXAMPLEEXAMPLE00\naws_secret_access_key = example\n');
  const region = settings['aws.region'];
  delete settings['aws.region'];
  settings['aws.profile'] = 'work';
  const env = { ...process.env };
  delete process.env.AWS_REGION;
  Object.assign(process.env, { AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials') });
  try {
    fake.dialogs.length = 0;
    // A profile with the local emulator: its credentials would go there, so the launch asks first; then cancelled.
    user('{"run": "r1", "epochs": "1"}', [], (d) => (d.message.startsWith('Send AWS credentials') ? 'Allow and Remember' : undefined));
    await fake.commands.get('sagemakerAsl.startTrainingJob')!(URI, 'Train');
    const confirm = fake.dialogs.find((d) => d.modal && d.message.startsWith('Start training job'));
    assert.match(confirm?.message ?? fake.dialogs.map((d) => d.message).join(' | '), /^Start training job "at-ap-northeast-2" from "Train"\? It runs on a local server, not in AWS\.$/);
    // Whose the credentials are, as the endpoint's STS says (the emulator's account), and a role of another account.
    assert.match(confirm!.detail!, /\nAccount: 123456789012 \(arn:aws:iam::123456789012:user\/emulator\)\nRole: arn:aws:iam::111122223333:role\/Other \(account 111122223333, not the credentials' account 123456789012\)(\n|$)/);
  } finally {
    settings['aws.region'] = region;
    delete settings['aws.profile'];
    process.env = env;
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a profile whose credentials do not resolve is said before the confirmation, nothing asked to confirm (walk32)', async () => {
  tasks = [task('Train', payload('x'))];
  const dir = mkdtempSync(join(tmpdir(), 'nocreds-'));
  writeFileSync(join(dir, 'config'), '[profile other]\nregion = eu-west-1\n');
  settings['aws.profile'] = 'missing';
  const env = { ...process.env };
  for (const k of Object.keys(process.env)) if (k.startsWith('AWS_') && k !== 'AWS_REGION') delete process.env[k];
  Object.assign(process.env, { AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'), AWS_EC2_METADATA_DISABLED: 'true' });
  try {
    fake.dialogs.length = 0;
    user('{"run": "r1", "epochs": "1"}', ['Start'], (d) => (d.message.startsWith('Send AWS credentials') ? 'Allow and Remember' : undefined));
    await fake.commands.get('sagemakerAsl.startTrainingJob')!(URI, 'Train');
    assert.ok(!fake.dialogs.some((d) => d.modal && d.message.startsWith('Start training job')), 'no confirmation');
    const error = fake.dialogs.find((d) => d.kind === 'error');
    assert.match(error?.message ?? '', /^Cannot start "Train": No AWS credentials found \(profile "missing"\)/);
    assert.match(error?.detail ?? '', /aws sso login --profile missing/);
  } finally {
    delete settings['aws.profile'];
    process.env = env;
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the input picker offers the example input beside the machine (NAME.input.json), which the launch then uses (walk32)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'example-'));
  writeFileSync(join(dir, 'flow.input.json'), '{"run": "ex1", "epochs": "2"}');
  const uri = pathToFileURL(join(dir, 'flow.asl.json')).href;
  tasks = [task('Train', payload('x'))];
  try {
    fake.dialogs.length = 0;
    fake.respond((d) => {
      if (d.kind === 'quickPick' && d.message === 'Execution input for this run') return '$(file-code) flow.input.json';
      if (d.kind === 'inputBox' && d.message === 'Value of ${Bucket}') return 'ml-bucket';
      return undefined; // the confirmation cancelled
    });
    await fake.commands.get('sagemakerAsl.startTrainingJob')!(uri, 'Train');
    const picker = fake.dialogs.find((d) => d.kind === 'quickPick')!;
    assert.ok(picker.choices.includes('$(file-code) flow.input.json'), picker.choices.join());
    const confirm = fake.dialogs.find((d) => d.modal && d.message.startsWith('Start training job'));
    assert.match(confirm?.message ?? fake.dialogs.map((d) => d.message).join(' | '), /^Start training job "x-ex1"/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an example input that is a link out of the machine\'s folder is not offered (sec40: a cloned repository linked it to ~/.docker/config.json)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'example-link-'));
  mkdirSync(join(dir, 'flows'));
  writeFileSync(join(dir, 'config.json'), '{"auths": {"registry": {"auth": "c2VjcmV0"}}}');
  symlinkSync(join(dir, 'config.json'), join(dir, 'flows', 'flow.input.json'));
  const uri = pathToFileURL(join(dir, 'flows', 'flow.asl.json')).href;
  tasks = [task('Train', payload('x'))];
  try {
    fake.dialogs.length = 0;
    fake.respond(() => undefined);
    await fake.commands.get('sagemakerAsl.startTrainingJob')!(uri, 'Train');
    const picker = fake.dialogs.find((d) => d.kind === 'quickPick')!;
    assert.ok(!picker.choices.some((c) => c.includes('flow.input.json')), picker.choices.join());
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a processing job: launched from its Task, confirmed with its cluster and outputs, watched to Completed (walk32: only training and transform jobs could be started)', async () => {
  tasks = [{
    ...task('Prep', {
      'ProcessingJobName.$': "States.Format('prep-{}', $.run)",
      RoleArn: ROLE,
      AppSpecification: { ImageUri: '123456789012.dkr.ecr.us-east-1.amazonaws.com/prep:1' },
      ProcessingResources: { ClusterConfig: { InstanceType: 'ml.m5.xlarge', InstanceCount: 1, VolumeSizeInGB: 30 } },
      ProcessingInputs: [{ InputName: 'raw', S3Input: { S3Uri: 's3://${Bucket}/raw', LocalPath: '/opt/ml/processing/input', S3DataType: 'S3Prefix', S3InputMode: 'File' } }],
      ProcessingOutputConfig: { Outputs: [{ OutputName: 'train', S3Output: { S3Uri: 's3://${Bucket}/prep/train', LocalPath: '/opt/ml/processing/train', S3UploadMode: 'EndOfJob' } }, { OutputName: 'features', AppManaged: true, FeatureStoreOutput: { FeatureGroupName: 'churn-features' } }] },
    }),
    resource: 'arn:aws:states:::sagemaker:createProcessingJob.sync', api: 'createProcessingJob', operation: 'CreateProcessingJob',
  }];
  fake.dialogs.length = 0;
  user('{"run": "p1"}', [], (d) => (d.modal && d.message.startsWith('Start processing job') ? 'Start' : undefined));
  await fake.commands.get('sagemakerAsl.startProcessingJob')!(URI, 'Prep');
  const confirm = fake.dialogs.find((d) => d.modal && d.message.startsWith('Start processing job'))!;
  assert.equal(confirm?.message, 'Start processing job "prep-p1" from "Prep"? It runs on the local emulator: no AWS account is used and nothing is billed.');
  assert.equal(confirm.detail, `Job: prep-p1\nImage: 123456789012.dkr.ecr.us-east-1.amazonaws.com/prep:1\nInstances: ml.m5.xlarge × 1\nMax runtime: not set\nInput: s3://ml-bucket/raw\nOutput: s3://ml-bucket/prep/train, feature group churn-features\nWhere: local emulator at ${emu.url} with placeholder credentials (none of yours are sent)\nRole: ${ROLE}`);
  await until('the summary', () => fake.output.some((l) => l.includes('prep-p1: status Completed')));
  assert.match(fake.output.join('\n'), /prep-p1 \| Processing complete/);
  await until('the final notification', () => fake.dialogs.some((d) => d.kind === 'info' && d.message.startsWith('SageMaker processing job prep-p1: Completed')));
});

test('a tuning job: confirmed with how many training jobs it may run and what each runs on, watched through its training jobs (their counts and logs) to its best one', async () => {
  tasks = [{
    ...task('Tune', {
      'HyperParameterTuningJobName.$': "States.Format('tune-{}', $.run)",
      HyperParameterTuningJobConfig: {
        Strategy: 'Bayesian',
        HyperParameterTuningJobObjective: { Type: 'Minimize', MetricName: 'validation:rmse' },
        ResourceLimits: { MaxNumberOfTrainingJobs: 4, MaxParallelTrainingJobs: 2, MaxRuntimeInSeconds: 7200 },
        ParameterRanges: { ContinuousParameterRanges: [{ Name: 'eta', MinValue: '0.1', MaxValue: '0.5' }] },
      },
      TrainingJobDefinition: {
        RoleArn: ROLE,
        AlgorithmSpecification: { TrainingImage: 'img:1', TrainingInputMode: 'File' },
        InputDataConfig: [{ ChannelName: 'train', DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: 's3://${Bucket}/train' } } }],
        OutputDataConfig: { S3OutputPath: 's3://${Bucket}/tuning' },
        ResourceConfig: { InstanceType: 'ml.m5.xlarge', InstanceCount: 1, VolumeSizeInGB: 30 },
        StoppingCondition: { MaxRuntimeInSeconds: 3600 },
        StaticHyperParameters: { epochs: '10' },
        Environment: { API_KEY: 'sk-live-tune-4242' },
      },
    }),
    resource: 'arn:aws:states:::sagemaker:createHyperParameterTuningJob.sync', api: 'createHyperParameterTuningJob', operation: 'CreateHyperParameterTuningJob',
  }];
  fake.dialogs.length = 0;
  fake.output.length = 0;
  user('{"run": "t1"}', [], (d) => (d.modal && d.message.startsWith('Start tuning job') ? 'Start' : undefined));
  await fake.commands.get('sagemakerAsl.startTuningJob')!(URI, 'Tune');
  const confirm = fake.dialogs.find((d) => d.modal && d.message.startsWith('Start tuning job'))!;
  assert.equal(confirm?.message, 'Start tuning job "tune-t1" from "Tune"? It runs on the local emulator: no AWS account is used and nothing is billed.');
  assert.equal(confirm.detail, [
    'Job: tune-t1', 'Image: img:1', 'Training jobs: up to 4, 2 at a time', 'Instances: ml.m5.xlarge × 1 per training job', 'Max runtime: 1 h per training job; the tuning job: 2 h',
    'At most: 4 training jobs × 1 instance × 1 h = 4 instance-hours',
    'Input: s3://ml-bucket/train', 'Output: s3://ml-bucket/tuning', `Where: local emulator at ${emu.url} with placeholder credentials (none of yours are sent)`, `Role: ${ROLE}`,
    'Environment: API_KEY=********', 'StaticHyperParameters: epochs=10',
  ].join('\n'));
  await until('the summary', () => fake.output.some((l) => l.includes('tune-t1: status Completed')));
  const output = fake.output.join('\n');
  assert.match(output, /tune-t1: InProgress - \d of 4 training jobs completed/);
  // Each training job's log lines, under its own name; the secret it was given is not shown.
  assert.match(output, /tune-t1-00[1-4]-[0-9a-f]{8} \| Final validation:rmse: 0\.\d+\n/);
  // The best training job with the values it tried (walk33: the winning hyperparameters were never shown).
  assert.match(output, /tune-t1: best training job tune-t1-004-[0-9a-f]{8} \(validation:rmse 0\.275\): eta=0\.4416$/m);
  assert.match(output, /tune-t1-004-[0-9a-f]{8} \| Hyperparameters: \{"epochs":"10","eta":"0\.4416"\}/);
  assert.ok(!onScreen().includes('sk-live-tune-4242'));
  await until('the final notification', () => fake.dialogs.some((d) => d.kind === 'info' && /^SageMaker tuning job tune-t1: Completed after \d+ s; best training job tune-t1-004-[0-9a-f]{8} \(validation:rmse 0\.275\): eta=0\.4416$/.test(d.message)));
});

test('a tuning job with a list of training job definitions: the confirmation shows the first\'s figures and says so (review of the day: "Max runtime: not set")', async () => {
  const definition = (image: string, seconds: number) => ({
    DefinitionName: image, RoleArn: ROLE, AlgorithmSpecification: { TrainingImage: `${image}:1`, TrainingInputMode: 'File' },
    OutputDataConfig: { S3OutputPath: `s3://\${Bucket}/${image}` }, ResourceConfig: { InstanceType: 'ml.m5.large', InstanceCount: 2, VolumeSizeInGB: 30 },
    StoppingCondition: { MaxRuntimeInSeconds: seconds }, TuningObjective: { Type: 'Minimize', MetricName: 'loss' },
    HyperParameterRanges: { IntegerParameterRanges: [{ Name: 'depth', MinValue: '2', MaxValue: '8' }] },
  });
  tasks = [{
    ...task('Tune2', {
      HyperParameterTuningJobName: 'tune-two',
      HyperParameterTuningJobConfig: { Strategy: 'Random', ResourceLimits: { MaxNumberOfTrainingJobs: 4, MaxParallelTrainingJobs: 1 } },
      TrainingJobDefinitions: [definition('xgb', 1800), definition('lgbm', 3600)],
    }),
    resource: 'arn:aws:states:::sagemaker:createHyperParameterTuningJob.sync', api: 'createHyperParameterTuningJob', operation: 'CreateHyperParameterTuningJob',
  }];
  fake.dialogs.length = 0;
  user('{}', [], () => undefined);
  await fake.commands.get('sagemakerAsl.startTuningJob')!(URI, 'Tune2');
  const confirm = fake.dialogs.find((d) => d.modal && d.message.startsWith('Start tuning job'));
  assert.equal(confirm?.detail?.split('\n').slice(0, 5).join('\n'), [
    'Job: tune-two', 'Image: xgb:1 (the first of 2 definitions)', 'Training jobs: up to 4, 1 at a time', 'Instances: ml.m5.large × 2 per training job of the first of 2 definitions',
    'Max runtime: 30 min per training job of the first of 2 definitions; the tuning job: no limit set',
  ].join('\n'));
  assert.match(confirm!.detail!, /\nOutput: s3:\/\/ml-bucket\/xgb, s3:\/\/ml-bucket\/lgbm\n/);
  assert.match(confirm!.detail!, new RegExp(`\\nRole: ${ROLE.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`));
});

test('the confirmation says every instance of instance groups, and a value with a line break stays on its line (review sec37: "instance groups × 1", forged lines)', async () => {
  const groups = { InstanceGroups: [{ InstanceGroupName: 'a', InstanceType: 'ml.p4d.24xlarge', InstanceCount: 16 }, { InstanceGroupName: 'b', InstanceType: 'ml.p4d.24xlarge', InstanceCount: 16 }], VolumeSizeInGB: 30 };
  tasks = [task('Train', { ...payload('groups'), ResourceConfig: groups, Environment: { MODE: 'fast\nWhere: nowhere (nothing billed)' } })];
  fake.dialogs.length = 0;
  user('{"run": "g1", "epochs": "5"}', ['Cancel']);
  await fake.commands.get('sagemakerAsl.startTrainingJob')!(URI, 'Train');
  const confirm = fake.dialogs.find((d) => d.modal && d.message.startsWith('Start training job'))!;
  const lines = confirm.detail!.split('\n');
  assert.ok(lines.includes('Instances: ml.p4d.24xlarge × 16 (a), ml.p4d.24xlarge × 16 (b): 32 instances in all'), confirm.detail);
  assert.ok(lines.includes('Environment: MODE=fast\\nWhere: nowhere (nothing billed)'), confirm.detail);
  assert.equal(lines.filter((l) => l.startsWith('Where: ')).length, 1);
});

test('Show Its History on a job that has ended tells its history as history: a line that says so, each step with its time (walk37: it read as a second run)', async () => {
  tasks = [task('Train', payload('churn'))];
  fake.dialogs.length = 0;
  fake.output.length = 0;
  user('{"run": "r1", "epochs": "5"}', [], (d) => (d.kind === 'warning' && d.message.includes('already exists') ? 'Show Its History' : undefined));
  await fake.commands.get('sagemakerAsl.startTrainingJob')!(URI, 'Train');
  await until('the history to be told', () => fake.output.some((l) => l.includes('churn-r1: status Completed')));
  const lines = fake.output.join('\n');
  assert.match(lines, /churn-r1: this training job had already ended \(Completed\) when watching began; what it did, with the time of each step:/);
  assert.match(lines, /churn-r1: Starting - .* \(at \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC\)/);
  assert.ok(!fake.dialogs.some((d) => d.modal && d.message.startsWith('Start training job')), 'nothing started');
});

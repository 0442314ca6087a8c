// "Show IAM Policy for this State Machine" as a user drives it: the command asks the real language server
// (dist/server.js over stdio) for sagemaker/iamPolicy, opens the JSON beside the editor, and copies it on "Copy".
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
// @ts-expect-error: a plain ES module without types, vendored from the shared tools
import { LspClient } from '../lsp/lsp-client.mjs';
import { installVscodeFake } from './vscodeFake';

const root = join(__dirname, '..', '..', '..');
const URI = 'file:///work/pipelines/train.asl.json';
const TEXT = JSON.stringify({
  StartAt: 'Train',
  States: {
    Train: {
      Type: 'Task',
      Resource: 'arn:aws:states:::sagemaker:createTrainingJob.sync',
      Parameters: { TrainingJobName: 'churn', RoleArn: 'arn:aws:iam::111122223333:role/SageMakerRole', OutputDataConfig: { S3OutputPath: 's3://b/o' } },
      End: true,
    },
  },
}, null, 2);

// A template of two state machines, each with its own role: the policy of the one the cursor is in.
const TEMPLATE = 'file:///work/template.yaml';
const machine = (job: string) => JSON.stringify({ StartAt: 'T', States: { T: { Type: 'Task', Resource: 'arn:aws:states:::sagemaker:createTrainingJob', Parameters: { TrainingJobName: job, RoleArn: 'arn:aws:iam::111122223333:role/R', OutputDataConfig: { S3OutputPath: 's3://b/o' } }, End: true } } });
const TEMPLATE_TEXT = `Resources:
  First:
    Type: AWS::StepFunctions::StateMachine
    Properties:
      Definition: ${machine('first')}
  Second:
    Type: AWS::StepFunctions::StateMachine
    Properties:
      Definition: ${machine('second')}
`;

let lsp: any;
let fake: ReturnType<typeof installVscodeFake>;
const clipboard: string[] = [];
const shown: { viewColumn?: number; preview?: boolean }[] = [];
/** The language client's sendRequest, over the real server. */
const client = { sendRequest: (type: { method: string }, params: unknown) => lsp.request(type.method, params) };

before(async () => {
  lsp = await LspClient.start(['node', 'dist/server.js', '--stdio'], root);
  await lsp.open(URI, 'asl', TEXT);
  await lsp.open('file:///work/other.json', 'json', JSON.stringify({ name: 'not a state machine' }));
  await lsp.open('file:///work/lambda.asl.json', 'asl', JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Pass', End: true } } }));
  await lsp.open(TEMPLATE, 'yaml', TEMPLATE_TEXT);
  fake = installVscodeFake({});
  const vscode = fake.vscode as any;
  vscode.ViewColumn = { Beside: -2 };
  vscode.env.clipboard.writeText = async (t: string) => void clipboard.push(t);
  vscode.window.showTextDocument = async (_doc: unknown, options: { viewColumn?: number; preview?: boolean }) => void shown.push(options);
  require('../../client/src/preview').registerPreviews(fake.context);
  require('../../client/src/iamPolicy').registerIamPolicyCommands(fake.context, client);
});
after(async () => {
  fake.uninstall();
  await lsp.stop();
});

const expected = {
  Version: '2012-10-17',
  Statement: [
    { Sid: 'TrainCreateTrainingJob', Effect: 'Allow', Action: ['sagemaker:CreateTrainingJob', 'sagemaker:DescribeTrainingJob', 'sagemaker:StopTrainingJob', 'sagemaker:AddTags'], Resource: ['arn:aws:sagemaker:*:*:training-job/churn*'] },
    { Sid: 'SageMakerListTags', Effect: 'Allow', Action: ['sagemaker:ListTags'], Resource: ['*'] },
    { Sid: 'TrainPassRole', Effect: 'Allow', Action: ['iam:PassRole'], Resource: ['arn:aws:iam::111122223333:role/SageMakerRole'], Condition: { StringEquals: { 'iam:PassedToService': 'sagemaker.amazonaws.com' } } },
    { Sid: 'TrainTrainingJobsEvents', Effect: 'Allow', Action: ['events:PutTargets', 'events:PutRule', 'events:DescribeRule'], Resource: ['arn:aws:events:*:*:rule/StepFunctionsGetEventsForSageMakerTrainingJobsRule'] },
  ],
};

test('Show: the policy opens as JSON beside the editor, and "Copy" copies it', async () => {
  fake.respond((d) => (d.message.startsWith('IAM policy for this state machine') ? 'Copy' : undefined));
  await fake.commands.get('sagemakerAsl.showIamPolicy')!(URI);
  assert.equal(fake.opened.length, 1);
  assert.deepEqual(JSON.parse(fake.opened[0]), expected);
  assert.deepEqual(shown, [{ viewColumn: -2, preview: false }]);
  assert.deepEqual(fake.dialogs.map((d) => [d.message, d.choices]), [
    ['IAM policy for this state machine: 4 statements, one per permission and the tasks that need it.', ['Copy']],
    ['IAM policy for this state machine copied to the clipboard.', []],
  ]);
  assert.deepEqual(clipboard, [fake.opened[0]]);
});

test('a policy too large for IAM: the notification warns, and so does Copy (walk39)', async () => {
  const states: Record<string, unknown> = {};
  // (150 tasks: statements of the same actions are one since iam45, and 30 no longer pass the managed limit.)
  for (let i = 0; i < 150; i++)
    states[`Train model number ${i}`] = { Type: 'Task', Resource: 'arn:aws:states:::sagemaker:createTrainingJob.sync', Parameters: { TrainingJobName: `churn-model-number-${i}`, RoleArn: `arn:aws:iam::111122223333:role/Role${i}` }, ...(i < 149 ? { Next: `Train model number ${i + 1}` } : { End: true }) };
  const uri = 'file:///work/many.asl.json';
  await lsp.open(uri, 'asl', JSON.stringify({ StartAt: 'Train model number 0', States: states }));
  fake.dialogs.length = 0;
  fake.respond((d) => (d.message.startsWith('IAM policy for this state machine:') ? 'Copy' : undefined));
  await fake.commands.get('sagemakerAsl.showIamPolicy')!(uri);
  const [show, copied] = fake.dialogs;
  assert.equal(show.kind, 'warning');
  assert.match(show.message, /^IAM policy for this state machine: \d+ statements, one per permission and the tasks that need it\. But the policy has [\d,]+ characters without whitespace: IAM refuses a managed policy over 6,144, and /);
  assert.equal(copied.kind, 'warning');
  assert.match(copied.message, /^IAM policy for this state machine copied to the clipboard, but the policy has /);
});

test('a file that does not read in full: the policy of what it read, with a warning that says the rest is missing (ux43)', async () => {
  const uri = 'file:///work/broken.asl.json';
  await lsp.open(uri, 'asl', TEXT.replace('"End": true', '"End": true,,'));
  fake.dialogs.length = 0;
  fake.respond(() => undefined);
  await fake.commands.get('sagemakerAsl.showIamPolicy')!(uri);
  assert.equal(fake.dialogs[0].kind, 'warning');
  assert.match(fake.dialogs[0].message, /^IAM policy for this state machine: \d+ statements?, one per permission and the tasks that need it\. But the file does not read in full \(line \d+: [^)]*\), so the tasks past that point are not in it\.$/);
});

test('Copy: straight to the clipboard', async () => {
  clipboard.length = 0;
  await fake.commands.get('sagemakerAsl.copyIamPolicy')!(URI);
  assert.deepEqual(JSON.parse(clipboard[0]), expected);
});

test('not a state machine, or no SageMaker task: says so, opens nothing', async () => {
  fake.opened.length = 0;
  fake.dialogs.length = 0;
  await fake.commands.get('sagemakerAsl.showIamPolicy')!('file:///work/other.json');
  await fake.commands.get('sagemakerAsl.showIamPolicy')!('file:///work/lambda.asl.json');
  await fake.commands.get('sagemakerAsl.showIamPolicy')!();
  assert.deepEqual(fake.opened, []);
  assert.deepEqual(fake.dialogs.map((d) => [d.kind, d.message]), [
    ['warning', 'This document is not a state machine (no StartAt and States).'],
    ['info', 'This state machine has no SageMaker task and no Distributed Map: it needs none of these permissions.'],
    ['warning', 'Open a state machine to see the IAM policy it needs.'],
  ]);
});

/** Show IAM Policy from the palette, the template active with its cursor at `line`, `character`. */
async function showWithCursorAt(line: number, character: number) {
  fake.vscode.window.activeTextEditor = { document: { uri: { toString: () => TEMPLATE } }, selection: { active: { line, character } } } as any;
  try {
    await fake.commands.get('sagemakerAsl.showIamPolicy')!();
  } finally {
    fake.vscode.window.activeTextEditor = undefined;
  }
}

test('in a template of two state machines, the policy of the one the cursor is in (each has its own role; walk32)', async () => {
  fake.opened.length = 0;
  fake.dialogs.length = 0;
  await showWithCursorAt(8, 20);
  assert.deepEqual(JSON.parse(fake.opened[0]).Statement[0].Resource, ['arn:aws:sagemaker:*:*:training-job/second*']);
  assert.match(fake.dialogs[0].message, /^IAM policy for the state machine Second: 3 statements/);
  // On the resource's other properties (its role): the same machine's (review of the day).
  fake.dialogs.length = 0;
  await showWithCursorAt(6, 6);
  assert.match(fake.dialogs[0].message, /^IAM policy for the state machine Second: /);
  // With no cursor in the document (another editor active): every machine's, and the message says so.
  fake.opened.length = 0;
  fake.dialogs.length = 0;
  await fake.commands.get('sagemakerAsl.showIamPolicy')!(TEMPLATE);
  assert.match(fake.dialogs[0].message, /^IAM policy for every state machine of this template \(First, Second\): /);
  const resources = JSON.parse(fake.opened[0]).Statement.flatMap((x: { Resource: string[] }) => x.Resource);
  assert.ok(resources.includes('arn:aws:sagemaker:*:*:training-job/first*') && resources.includes('arn:aws:sagemaker:*:*:training-job/second*'), resources.join());
});

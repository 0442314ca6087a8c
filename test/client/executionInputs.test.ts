// The execution input the launch flow remembers goes to the language server (sagemaker/executionInput): when the
// user gives it, and every remembered one when the server is running again. A send that fails is dropped.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { installVscodeFake } from './vscodeFake';
import type { TaskInfo } from '../../server/src/protocol';

let fake: ReturnType<typeof installVscodeFake>;
let jobs: typeof import('../../client/src/jobs/executionInputs');
const sent: [string, unknown][] = [];
const recorder = { sendNotification: async (type: { method: string }, params: unknown) => void sent.push([type.method, params]) };

before(() => {
  fake = installVscodeFake({ 'aws.region': 'us-east-1' });
  jobs = require('../../client/src/jobs/executionInputs');
});
after(() => {
  for (const d of fake.context.subscriptions) d.dispose();
  fake.uninstall();
});

test('the launch flow sends the input it remembers for the machine', async () => {
  const uri = 'file:///w/train.asl.json';
  const task: TaskInfo = {
    stateName: 'Train', statePath: ['Train'], resource: 'arn:aws:states:::sagemaker:createTrainingJob.sync', api: 'createTrainingJob', operation: 'CreateTrainingJob',
    integrationPattern: 'sync', queryLanguage: 'JSONPath', payloadKey: 'Parameters', payload: { 'TrainingJobName.$': '$.run' },
    range: { start: { line: 3, character: 4 }, end: { line: 3, character: 11 } }, errors: [],
  };
  const client = { ...recorder, sendRequest: async () => [task] };
  require('../../client/src/jobs/commands').registerJobCommands(fake.context, client);
  // The input is pasted; the confirmation is cancelled: nothing starts.
  fake.respond((d) => (d.kind === 'quickPick' && d.message === 'Execution input for this run' ? '$(edit) Paste JSON…' : d.kind === 'inputBox' ? ' {"run": "r1"} ' : undefined));
  sent.length = 0;
  await fake.commands.get('sagemakerAsl.startTrainingJob')!(uri, 'Train');
  assert.deepEqual(sent, [['sagemaker/executionInput', { uri, input: '{"run": "r1"}' }]]);
  assert.equal(fake.state.get(`sagemakerAsl.input:${uri}`), '{"run": "r1"}');
});

test('every remembered input, for a server that (re)starts', () => {
  fake.state.set('sagemakerAsl.input:file:///w/a.asl.json', '{"a": 1}');
  fake.state.set('sagemakerAsl.input:file:///w/b.asl.yaml', '{"b": 2}');
  fake.state.set('sagemakerAsl.input:file:///w/broken.asl.json', 42);
  fake.state.set('sagemakerAsl.placeholders:file:///w/a.asl.json', { Bucket: 'b' });
  sent.length = 0;
  jobs.shareRememberedInputs(recorder as any, fake.context.workspaceState as any);
  assert.deepEqual(
    sent.filter(([, p]) => (p as { uri: string }).uri !== 'file:///w/train.asl.json'),
    [
      ['sagemaker/executionInput', { uri: 'file:///w/a.asl.json', input: '{"a": 1}' }],
      ['sagemaker/executionInput', { uri: 'file:///w/b.asl.yaml', input: '{"b": 2}' }],
    ],
  );
});

test('a server that is not running: the send is dropped, nothing thrown', async () => {
  const refused = { sendNotification: () => Promise.reject(new Error('Client is not running')) };
  const throwing = { sendNotification: () => { throw new Error('no connection'); } };
  jobs.shareExecutionInput(refused as any, 'file:///w/a.asl.json', '{}');
  jobs.shareExecutionInput(throwing as any, 'file:///w/a.asl.json', '{}');
  // The rejection is handled: an unhandled one would fail the test run.
  await new Promise((r) => setImmediate(r));
});

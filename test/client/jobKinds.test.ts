// The job-kind table is the one place a kind is described: the manifest, the protocol and the runner follow it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { JOB_KINDS, JOB_KIND_NAMES, TERMINAL_STATUSES, isTerminalStatus, jobKindOfApi } from '../../server/src/jobKinds';
import { JOB_APIS } from '../../client/src/jobs/jobApis';
import { TasksRequest } from '../../server/src/protocol';

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

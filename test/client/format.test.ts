// How a job reads in the output channel and the final notification.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeInstances, formatDuration, formatSummary, formatTransition, indentContinuation } from '../../client/src/jobs/format';

test('durations', () => {
  assert.equal(formatDuration(42), '42 s');
  assert.equal(formatDuration(3600), '1 h');
  assert.equal(formatDuration(3725), '1 h 2 min 5 s');
});

test('a transition: status and message, in ASCII, and no second timestamp (the output channel dates each line)', () => {
  assert.equal(
    formatTransition({ status: 'Training', startTime: new Date('2026-11-22T10:01:02.345Z'), message: 'Training image download completed. Training in progress.' }),
    'Training - Training image download completed. Training in progress.',
  );
  assert.equal(formatTransition({ status: 'InProgress', startTime: new Date(0), message: '' }), 'InProgress');
});

test('a multi-line message: continuation lines indented under the first line, past the channel\'s time and level', () => {
  assert.equal(indentContinuation('one line', 'info'), 'one line');
  // "2026-11-22 10:01:02.345 [info] " is 31 characters.
  assert.equal(indentContinuation('j: Failed - AlgorithmError\nTraceback:\r\n  line 3', 'info'), `j: Failed - AlgorithmError\n${' '.repeat(31)}Traceback:\n${' '.repeat(31)}  line 3`);
  // A line break of any kind (a lone \r, U+2028 as a state name may hold) starts an indented line, never a forged one.
  assert.equal(indentContinuation('Could not start "A\r2026-11-22 10:01:02.345 [info] done\u2028x"', 'error'), `Could not start "A\n${' '.repeat(32)}2026-11-22 10:01:02.345 [info] done\n${' '.repeat(32)}x"`);
  assert.equal(indentContinuation('a\nb', 'warning').split('\n')[1], `${' '.repeat(34)}b`);
  assert.equal(indentContinuation('a\nb', 'error').split('\n')[1], `${' '.repeat(32)}b`);
});

test('the summary of a completed and of a failed training job', () => {
  const ref = { kind: 'training' as const, name: 'j' };
  assert.deepEqual(formatSummary({ ref, status: 'Completed', secondaryStatus: 'Completed', durationSeconds: 754, billableSeconds: 610, modelArtifacts: 's3://b/j/output/model.tar.gz' }), [
    'status Completed',
    'duration 12 min 34 s',
    'billable 10 min 10 s',
    'model artifacts s3://b/j/output/model.tar.gz',
  ]);
  assert.deepEqual(formatSummary({ ref, status: 'Failed', secondaryStatus: 'Failed', durationSeconds: 30, failureReason: 'AlgorithmError: boom' }), ['status Failed', 'duration 30 s', 'failure reason: AlgorithmError: boom']);
});

test('instances as a confirmation says them: type and count, each group and their sum, the preferences in order; a count not given is ?', () => {
  assert.equal(describeInstances({ InstanceType: 'ml.m5.xlarge', InstanceCount: 2 }), 'ml.m5.xlarge × 2');
  assert.equal(describeInstances({ InstanceType: 'ml.m5.xlarge' }), 'ml.m5.xlarge × ?');
  assert.equal(describeInstances(undefined), '? × ?');
  assert.equal(describeInstances({ InstanceGroups: [{ InstanceGroupName: 'a', InstanceType: 'ml.p4d.24xlarge', InstanceCount: 16 }, { InstanceGroupName: 'b', InstanceType: 'ml.g5.xlarge', InstanceCount: 4 }] }),
    'ml.p4d.24xlarge × 16 (a), ml.g5.xlarge × 4 (b): 20 instances in all');
  assert.equal(describeInstances({ InstanceGroups: [{ InstanceType: 'ml.g5.xlarge', InstanceCount: 4 }, { InstanceType: 'ml.g5.xlarge' }] }), 'ml.g5.xlarge × 4, ml.g5.xlarge × ?: ? instances in all');
  // ResourceConfig.InstancePreferences (a count per preference, or the config's), a tuning job's InstanceConfigs.
  assert.equal(describeInstances({ InstanceCount: 2, InstancePreferences: [{ InstanceType: 'ml.p5.48xlarge' }, { InstanceType: 'ml.p4d.24xlarge', InstanceCount: 4 }] }), 'the first available of ml.p5.48xlarge × 2, ml.p4d.24xlarge × 4');
  assert.equal(describeInstances({ InstanceConfigs: [{ InstanceType: 'ml.m5.xlarge', InstanceCount: 1, VolumeSizeInGB: 30 }] }), 'the first available of ml.m5.xlarge × 1');
});

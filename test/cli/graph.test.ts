// `sagemaker-asl graph`: the editor's graph as SVG, Mermaid or DOT from the built CLI, and the usage errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { machine, run, tempDir } from './helpers';

const dir = tempDir();
writeFileSync(join(dir, 'm.asl.json'), machine('churn-1'));

test('graph prints Mermaid, DOT and (by default) SVG of the machine', () => {
  const mermaid = run(dir, ['graph', '--format', 'mermaid', 'm.asl.json']);
  assert.equal(mermaid.status, 0, mermaid.err);
  assert.match(mermaid.out, /^flowchart TD\n/);
  assert.match(mermaid.out, /SageMaker training/);
  const dot = run(dir, ['graph', '--format', 'dot', 'm.asl.json']);
  assert.equal(dot.status, 0, dot.err);
  assert.match(dot.out, /^digraph /);
  const svg = run(dir, ['graph', 'm.asl.json']);
  assert.equal(svg.status, 0, svg.err);
  assert.match(svg.out, /^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  assert.match(svg.out, /<\/svg>\n$/);
});

test('graph refuses, with exit 2 and a message, what it cannot draw', () => {
  writeFileSync(join(dir, 'broken.asl.json'), '{"StartAt": "A", "States": {');
  writeFileSync(join(dir, 'package.json'), '{"name": "x"}');
  // A standalone job spec is checked as a request, and has no states to draw.
  writeFileSync(join(dir, 'job.json'), JSON.stringify({ TrainingJobName: 'churn', RoleArn: 'arn:aws:iam::111122223333:role/R', AlgorithmSpecification: { TrainingImage: '111122223333.dkr.ecr.us-east-1.amazonaws.com/x:1', TrainingInputMode: 'File' }, OutputDataConfig: { S3OutputPath: 's3://b/o' }, ResourceConfig: { InstanceCount: 1, InstanceType: 'ml.m5.large', VolumeSizeInGB: 10 }, StoppingCondition: { MaxRuntimeInSeconds: 3600 } }));
  for (const [args, message] of [
    [['graph', 'job.json'], /job\.json: not a state machine/],
    [['graph', 'broken.asl.json'], /broken\.asl\.json: the file does not parse/],
    [['graph', 'package.json'], /package\.json: not a state machine/],
    [['graph', 'missing.asl.json'], /cannot read missing\.asl\.json/],
    [['graph', '--format', 'png', 'm.asl.json'], /unknown format "png"/],
    [['graph'], /graph takes one file/],
  ] as const) {
    const r = run(dir, [...args]);
    assert.equal(r.status, 2, `${args.join(' ')}: ${r.out}`);
    assert.match(r.err, message);
    assert.equal(r.out, '');
  }
});

test('a template: the graph of its first state machine, or of the one --machine names; which ones there are when it has several', () => {
  const definition = (state: string) => `      Definition:\n        StartAt: ${state}\n        States:\n          ${state}:\n            Type: Pass\n            End: true\n`;
  const resource = (name: string, state: string) => `  ${name}:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n${definition(state)}`;
  writeFileSync(join(dir, 'template.yaml'), `Transform: AWS::Serverless-2016-10-31\nResources:\n${resource('Nightly', 'Prepare')}${resource('Weekly', 'Retrain')}`);
  const first = run(dir, ['graph', '--format', 'mermaid', 'template.yaml']);
  assert.equal(first.status, 0, first.err);
  assert.match(first.out, /Prepare/);
  assert.doesNotMatch(first.out, /Retrain/);
  assert.equal(first.err, 'sagemaker-asl: template.yaml: the template has 2 state machines ("Nightly", "Weekly"): drawn is "Nightly"; --machine NAME draws another\n');
  const weekly = run(dir, ['graph', '--format', 'mermaid', '--machine', 'Weekly', 'template.yaml']);
  assert.deepEqual([weekly.status, weekly.err], [0, '']);
  assert.match(weekly.out, /Retrain/);
  const wrong = run(dir, ['graph', '--machine', 'Monthly', 'template.yaml']);
  assert.deepEqual([wrong.status, wrong.out, wrong.err], [2, '', 'sagemaker-asl: template.yaml: no state machine named "Monthly": the template has "Nightly", "Weekly"\n']);
  const plain = run(dir, ['graph', '--machine', 'Weekly', 'm.asl.json']);
  assert.deepEqual([plain.status, plain.err], [2, 'sagemaker-asl: m.asl.json: --machine names a state machine of a template, and this file is no template\n']);
});

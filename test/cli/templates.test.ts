// The CLI finds templates (issue 18): a directory search checks the state machines embedded in CloudFormation,
// SAM and Serverless templates (.yaml/.yml/.json), skips node_modules, .git, cdk.out and .aws-sam, and says
// nothing about YAML/JSON files that hold no state machine; a template named on the command line is a template.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { root, run, tempDir } from './helpers';

let dir: string;
before(() => {
  dir = tempDir();
});
after(() => rmSync(dir, { recursive: true, force: true }));

const fixture = (name: string) => join(root, 'test', 'fixtures', 'templates', name);

test('lint <dir> finds templates and leaves build output, dependencies and other YAML alone', () => {
  const base = join(dir, 'project');
  for (const d of ['.github/workflows', 'deploy', 'node_modules/pkg', '.aws-sam/build', 'cdk.out', 'k8s']) mkdirSync(join(base, d), { recursive: true });
  copyFileSync(fixture('sam-training.yaml'), join(base, 'template.yaml'));
  copyFileSync(fixture('serverless.yml'), join(base, 'serverless.yml'));
  copyFileSync(fixture('cfn-training.json'), join(base, 'deploy', 'pipeline.template.json'));
  copyFileSync(fixture('github-workflow.yml'), join(base, '.github', 'workflows', 'ci.yml'));
  copyFileSync(fixture('k8s-deployment.yaml'), join(base, 'k8s', 'deployment.yaml'));
  copyFileSync(fixture('package.json'), join(base, 'package.json'));
  // Copies a build leaves behind: never searched.
  copyFileSync(fixture('sam-training.yaml'), join(base, '.aws-sam', 'build', 'template.yaml'));
  copyFileSync(fixture('cfn-training.json'), join(base, 'cdk.out', 'Stack.template.json'));
  copyFileSync(fixture('sam-training.yaml'), join(base, 'node_modules', 'pkg', 'template.yaml'));
  const r = run(base, ['lint', '.']);
  assert.equal(r.err, '');
  const lines = r.out.trim().split('\n');
  const files = [...new Set(lines.slice(0, -1).map((l) => l.split(':')[0]))];
  assert.deepEqual(files, ['deploy/pipeline.template.json', 'serverless.yml', 'template.yaml']);
  assert.match(lines[lines.length - 1], /in 3 files \(3 checked\)$/);
  assert.ok(lines.some((l) => l.startsWith('template.yaml:53:31 error enum-value InstanceType "ml.m5.larg"')), r.out);
  assert.equal(r.status, 1);
});

test('a template named on the command line is read as a template, not as one state machine', () => {
  const base = join(dir, 'named');
  mkdirSync(base, { recursive: true });
  copyFileSync(fixture('cfn-definition-string.yaml'), join(base, 'template.yaml'));
  const r = run(base, ['lint', 'template.yaml']);
  assert.equal(r.err, '');
  assert.match(r.out, /^template\.yaml:\d+:\d+ error enum-value TrainingInputMode "Fil"/);
  assert.match(r.out, /1 error, 0 warnings in 1 file \(1 checked\)\n$/);
});

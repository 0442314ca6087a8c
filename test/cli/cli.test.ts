// The command-line linter as CI runs it: `node dist/cli.js` in a child process, on files in a temporary folder.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { machine, root, run as runCli, tempDir } from './helpers';

let dir: string;

// The shared helper, without its time limit: these runs never had one.
const run = (...args: string[]) => runCli(dir, args, { timeout: undefined });

before(() => {
  dir = tempDir();
  mkdirSync(join(dir, 'flows', 'nested'), { recursive: true });
  mkdirSync(join(dir, 'node_modules', 'x'), { recursive: true });
  mkdirSync(join(dir, 'tofix-sarif'), { recursive: true });
  writeFileSync(join(dir, 'flows', 'good.asl.json'), machine('churn-xgb'));
  writeFileSync(join(dir, 'flows', 'nested', 'bad.asl.json'), machine('churn xgb'));
  writeFileSync(join(dir, 'flows', 'plain.json'), machine('also bad'));
  writeFileSync(join(dir, 'flows', 'package.json'), JSON.stringify({ name: 'not a state machine', TrainingJobName: 'x y' }));
  writeFileSync(join(dir, 'node_modules', 'x', 'bad.asl.json'), machine('ignored dir'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('text: one line per finding, 1-based, and a summary; exit 1 on an error', () => {
  const r = run('lint', 'flows');
  assert.equal(r.status, 1);
  assert.equal(
    r.out,
    'flows/nested/bad.asl.json:8:28 error pattern TrainingJobName "churn xgb" must match [a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}: letters, digits and hyphens\n' +
      'flows/plain.json:8:28 error pattern TrainingJobName "also bad" must match [a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}: letters, digits and hyphens\n' +
      '2 errors, 0 warnings in 2 files (3 checked)\n',
  );
});

test('exit 0 when there is no error; the word lint is optional', () => {
  const r = run('flows/good.asl.json');
  assert.equal(r.status, 0);
  assert.equal(r.out, '0 errors, 0 warnings in 0 files (1 checked)\n');
});

test('information alone is counted as notes in the summary, exit 0 (walk38: "0 errors, 0 warnings in 1 file" read as a contradiction)', () => {
  writeFileSync(join(dir, 'create-training-job.skeleton.json'), readFileSync(join(root, 'test', 'fixtures', 'jobspecs', 'create-training-job.skeleton.json')));
  const r = run('create-training-job.skeleton.json');
  assert.equal(r.status, 0);
  assert.match(r.out, /\n0 errors, 0 warnings, \d+ notes in 1 file \(1 checked\)\n$/);
});

test('globs, with ** across folders', () => {
  assert.match(run('flows/**/*.asl.json').out, /\(2 checked\)\n$/);
  assert.match(run('flows/*.asl.json').out, /\(1 checked\)\n$/);
});

test('json: an array of findings with 1-based ranges', () => {
  const r = run('--format', 'json', 'flows/nested');
  assert.deepEqual(JSON.parse(r.out), [
    {
      file: 'flows/nested/bad.asl.json',
      line: 8,
      column: 28,
      endLine: 8,
      endColumn: 39,
      severity: 'error',
      code: 'pattern',
      message: 'TrainingJobName "churn xgb" must match [a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}: letters, digits and hyphens',
    },
  ]);
});

test('sarif: SARIF 2.1.0 with rules and located results', () => {
  const sarif = JSON.parse(run('--format=sarif', 'flows').out);
  assert.equal(sarif.version, '2.1.0');
  const [runLog] = sarif.runs;
  assert.equal(runLog.tool.driver.name, 'sagemaker-asl');
  assert.deepEqual(runLog.tool.driver.rules.map((r: any) => r.id), ['pattern']);
  assert.equal(runLog.results.length, 2);
  assert.deepEqual(runLog.results[0].locations[0].physicalLocation, {
    artifactLocation: { uri: 'flows/nested/bad.asl.json', uriBaseId: '%SRCROOT%' },
    region: { startLine: 8, startColumn: 28, endLine: 8, endColumn: 39 },
  });
  assert.equal(runLog.results[0].level, 'error');
  // Run from a subfolder on a file outside it: an absolute URI, not a ../ path under %SRCROOT%.
  const r = runCli(join(dir, 'tofix-sarif'), ['--format', 'sarif', '../flows/nested/bad.asl.json'], { timeout: undefined });
  const outside = JSON.parse(r.out).runs[0].results[0].locations[0].physicalLocation.artifactLocation;
  assert.deepEqual(outside, { uri: pathToFileURL(join(dir, 'flows', 'nested', 'bad.asl.json')).href });
});

test('usage and I/O errors exit 2 with a message on stderr', () => {
  // A glob that matches nothing is a mistyped path: checking nothing must not pass a pull request.
  for (const args of [[], ['--format', 'xml', 'flows'], ['--nope', 'flows'], ['missing.asl.json'], ['flows/**/*.asl.yml'], ['flwos/*.json']]) {
    const r = run(...args);
    assert.equal(r.status, 2, args.join(' '));
    assert.match(r.err, /^sagemaker-asl: /);
    assert.equal(r.out, '');
  }
});

test('--fix applies the unambiguous fixes in place, reports them, and lints the result', () => {
  mkdirSync(join(dir, 'tofix'), { recursive: true });
  const file = join(dir, 'tofix', 'a.asl.json');
  writeFileSync(file, machine('churn xgb').replace('"s3://b/o"', '"s3://b/o", "KmsKeyId": 3'));
  const r = run('lint', '--fix', 'tofix');
  assert.equal(r.status, 0, r.out + r.err);
  assert.equal(r.err, 'tofix/a.asl.json: applied 2 fixes (cleared: 1 pattern, 1 wrong-type)\n');
  assert.equal(r.out, '0 errors, 0 warnings in 0 files (1 checked)\n');
  assert.equal(readFileSync(file, 'utf8'), machine('churn-xgb').replace('"s3://b/o"', '"s3://b/o", "KmsKeyId": "3"'));
  // Nothing left to fix: the file is not written again.
  assert.equal(run('lint', '--fix', 'tofix').err, '');
});

test('every real state machine of the corpus: exit 0', () => {
  const r = runCli(process.cwd(), ['lint', join(root, 'test', 'fixtures', 'corpus')], { timeout: undefined });
  assert.equal(r.status, 0, r.out);
  // Warnings (e.g. a job name built from an 80-character execution name) do not fail the run.
  assert.match(r.out, /^0 errors, \d+ warnings?(, \d+ notes?)? in \d+ files? \(\d{3} checked\)\n$/m);
});

test('a file the checks could not read in full (YAML aliases past their budget, nesting past the parsers\' limit) fails the run: exit 2', () => {
  let bomb = 'x0: &a0 [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\n';
  for (let i = 1; i <= 6; i++) bomb += `x${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]\n`;
  writeFileSync(join(dir, 'bomb.asl.yaml'), `StartAt: A\nStates:\n  A:\n    Type: Pass\n    Next: Nope\n${bomb}`);
  writeFileSync(join(dir, 'deep.asl.json'), '{"StartAt":"A","States":{"A":{"Type":"Pass","End":true,"Result":' + '['.repeat(2100) + ']'.repeat(2100) + '}}}');
  const r = run('lint', 'bomb.asl.yaml', 'deep.asl.json');
  assert.equal(r.status, 2);
  assert.match(r.err, /^sagemaker-asl: bomb\.asl\.yaml: not checked in full: Aliases in this document expand to more than 100000 nodes/m);
  assert.match(r.err, /^sagemaker-asl: deep\.asl\.json: not checked in full: This document nests 2103 levels deep/m);
});

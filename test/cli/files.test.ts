// Which files the CLI checks (issue 20, items 4 and 5; issue 14, brace globs): symbolic links followed without
// looping, .asl files read, every unreadable path reported with exit 2 and no stack trace, special and oversized
// files refused after a stat instead of being read. Each test failed on the CLI before server/src/cli/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { machine, patternError, run, tempDir, unprivileged } from './helpers';

let dir: string;

before(() => {
  dir = tempDir();
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('a directory argument follows symbolic links to files and folders, never in a loop, and checks each file once', () => {
  const base = join(dir, 'links');
  mkdirSync(join(base, 'elsewhere', 'more'), { recursive: true });
  mkdirSync(join(base, 'flows', 'sub'), { recursive: true });
  writeFileSync(join(base, 'elsewhere', 'linked.asl.json'), machine('linked file'));
  writeFileSync(join(base, 'elsewhere', 'more', 'deep.asl.json'), machine('linked folder'));
  writeFileSync(join(base, 'flows', 'own.asl.json'), machine('own'));
  symlinkSync('../elsewhere/linked.asl.json', join(base, 'flows', 'link.asl.json'));
  symlinkSync('../elsewhere/more', join(base, 'flows', 'more'));
  // Loops: to the folder itself, to its parent, and a link to a link to a folder above.
  symlinkSync('..', join(base, 'flows', 'sub', 'up'));
  symlinkSync('.', join(base, 'flows', 'sub', 'here'));
  symlinkSync('../../flows', join(base, 'flows', 'sub', 'again'));
  const r = run(base, ['lint', 'flows']);
  assert.equal(r.err, '');
  assert.equal(r.out, patternError('flows/link.asl.json', 8, 28, 'linked file') + patternError('flows/more/deep.asl.json', 8, 28, 'linked folder') + '2 errors, 0 warnings in 2 files (3 checked)\n');
  assert.equal(r.status, 1);
});

test('a directory or a glob finds files and folders whose names hold a line break (\\n, \\r, U+2028, U+2029): none passes unchecked', () => {
  const base = join(dir, 'line-breaks');
  mkdirSync(join(base, 'flows', 'nested\u2028dir'), { recursive: true });
  writeFileSync(join(base, 'flows', 'deploy\n.asl.json'), machine('newline'));
  writeFileSync(join(base, 'flows', 'train\r\u2029.asl.json'), machine('carriage return'));
  writeFileSync(join(base, 'flows', 'nested\u2028dir', 'deep.asl.json'), machine('line separator'));
  for (const args of [['flows'], ['flows/**/*.json'], ['**/*.asl.json']]) {
    const r = run(base, ['lint', ...args]);
    assert.equal(r.err, '', args[0]);
    assert.match(r.out, /\(3 checked\)\n$/, args[0]);
    assert.equal(r.status, 1, args[0]);
  }
});

test('.asl files are state machines, named or found in a directory', () => {
  const base = join(dir, 'asl');
  mkdirSync(base);
  writeFileSync(join(base, 'flow.asl'), machine('asl file'));
  const named = run(base, ['flow.asl']);
  assert.equal(named.out, patternError('flow.asl', 8, 28, 'asl file') + '1 error, 0 warnings in 1 file (1 checked)\n');
  assert.equal(named.status, 1);
  assert.equal(run(dir, ['asl']).out, patternError('asl/flow.asl', 8, 28, 'asl file') + '1 error, 0 warnings in 1 file (1 checked)\n');
});

test('an unreadable folder or file is reported (exit 2, no stack trace), and every other file is still checked', () => {
  const base = join(dir, 'unreadable');
  mkdirSync(join(base, 'flows', 'a-locked'), { recursive: true });
  mkdirSync(join(base, 'flows', 'b-open'), { recursive: true });
  writeFileSync(join(base, 'flows', 'a-locked', 'hidden.asl.json'), machine('hidden'));
  writeFileSync(join(base, 'flows', 'b-open', 'bad.asl.json'), machine('churn xgb'));
  writeFileSync(join(base, 'flows', 'b-open', 'secret.asl.json'), machine('secret'));
  chmodSync(join(base, 'flows', 'a-locked'), 0o000);
  chmodSync(join(base, 'flows', 'b-open', 'secret.asl.json'), 0o000);
  try {
    const as = unprivileged(dir);
    for (const args of [['flows/*/*.asl.json'], ['flows']]) {
      const r = run(base, args, as);
      assert.equal(r.err, 'sagemaker-asl: cannot read flows/a-locked: permission denied\nsagemaker-asl: cannot read flows/b-open/secret.asl.json: permission denied\n', args[0]);
      assert.equal(r.out, patternError('flows/b-open/bad.asl.json', 8, 28, 'churn xgb') + '1 error, 0 warnings in 1 file (1 checked)\n');
      assert.equal(r.status, 2);
    }
    // Named itself: nothing else to check.
    const r = run(base, ['flows/a-locked'], as);
    assert.equal(r.err, 'sagemaker-asl: cannot read flows/a-locked: permission denied\n');
    assert.equal(r.status, 2);
  } finally {
    chmodSync(join(base, 'flows', 'a-locked'), 0o755);
  }
});

test('a broken symbolic link the search finds is reported, not skipped', () => {
  const base = join(dir, 'broken');
  mkdirSync(join(base, 'flows'), { recursive: true });
  writeFileSync(join(base, 'flows', 'good.asl.json'), machine('good'));
  symlinkSync('gone.asl.json', join(base, 'flows', 'dangling.asl.json'));
  symlinkSync('nowhere', join(base, 'flows', 'README')); // not a file the search looks for
  const r = run(base, ['flows']);
  assert.equal(r.err, 'sagemaker-asl: cannot read flows/dangling.asl.json: broken symbolic link\n');
  assert.equal(r.out, '0 errors, 0 warnings in 0 files (1 checked)\n');
  assert.equal(r.status, 2);
});

test('devices and FIFOs are refused after a stat, never opened or read', () => {
  const base = join(dir, 'special');
  mkdirSync(join(base, 'flows'), { recursive: true });
  writeFileSync(join(base, 'flows', 'good.asl.json'), machine('good'));
  assert.equal(spawnSync('mkfifo', [join(base, 'flows', 'pipe.asl.json')]).status, 0);
  for (const [arg, kind] of [
    ['/dev/zero', 'a character device'],
    ['flows/pipe.asl.json', 'a FIFO'],
  ]) {
    const r = run(base, ['lint', arg]);
    assert.equal(r.err, `sagemaker-asl: cannot read ${arg}: ${kind}, not a regular file\n`);
    assert.equal(r.out, '');
    assert.equal(r.status, 2);
  }
  // Found in a directory: reported, and the other files checked.
  const r = run(base, ['flows']);
  assert.equal(r.err, 'sagemaker-asl: cannot read flows/pipe.asl.json: a FIFO, not a regular file\n');
  assert.equal(r.out, '0 errors, 0 warnings in 0 files (1 checked)\n');
  assert.equal(r.status, 2);
});

test('a file above 64 MiB is refused with its size, not read', () => {
  const base = join(dir, 'huge');
  mkdirSync(base);
  // Sparse: no 65 MiB of disk needed.
  writeFileSync(join(base, 'big.asl.json'), '{}');
  truncateSync(join(base, 'big.asl.json'), 65 * 1024 * 1024);
  writeFileSync(join(base, 'small.asl.json'), machine('small'));
  const r = run(base, ['.']);
  assert.equal(r.err, 'sagemaker-asl: cannot read big.asl.json: 65 MiB, more than the limit of 64 MiB for one file\n');
  assert.equal(r.out, '0 errors, 0 warnings in 0 files (1 checked)\n');
  assert.equal(r.status, 2);
});

test('brace globs: lint flows/*.{json,yaml}', () => {
  const base = join(dir, 'brace');
  mkdirSync(join(base, 'flows'), { recursive: true });
  writeFileSync(join(base, 'flows', 'a.json'), machine('json one'));
  writeFileSync(
    join(base, 'flows', 'b.yaml'),
    'StartAt: Train\nStates:\n  Train:\n    Type: Task\n    Resource: arn:aws:states:::sagemaker:createTrainingJob.sync\n    Parameters:\n      TrainingJobName: yaml one\n      RoleArn: arn:aws:iam::111122223333:role/R\n      OutputDataConfig:\n        S3OutputPath: s3://b/o\n' +
      '      AlgorithmSpecification:\n        TrainingImage: 382416733822.dkr.ecr.us-east-1.amazonaws.com/linear-learner:1\n        TrainingInputMode: File\n' +
      '      ResourceConfig:\n        InstanceCount: 1\n        InstanceType: ml.m5.xlarge\n        VolumeSizeInGB: 10\n    End: true\n',
  );
  // Found by a glob, a plain YAML file counts only when it is a state machine, like a plain .json file.
  writeFileSync(join(base, 'flows', 'config.yaml'), 'name: not a state machine\n');
  writeFileSync(join(base, 'flows', 'notes.txt'), 'not matched');
  const r = run(base, ['lint', 'flows/*.{json,yaml}']);
  assert.equal(r.err, '');
  assert.equal(
    r.out,
    patternError('flows/a.json', 8, 28, 'json one') +
      'flows/b.yaml:7:24 error pattern TrainingJobName "yaml one" must match [a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}: letters, digits and hyphens\n' +
      '2 errors, 0 warnings in 2 files (2 checked)\n',
  );
  assert.equal(r.status, 1);
  // A name with glob characters that exists is that file, not a pattern.
  writeFileSync(join(base, 'flows', '[x].asl.json'), machine('bracket name'));
  assert.equal(run(base, ['flows/[x].asl.json']).out, patternError('flows/[x].asl.json', 8, 28, 'bracket name') + '1 error, 0 warnings in 1 file (1 checked)\n');
  // A brace group across folders, and one that names folders (their files count).
  mkdirSync(join(base, 'train'));
  writeFileSync(join(base, 'train', 'c.asl.json'), machine('in train'));
  assert.match(run(base, ['lint', '{flows,train}/*.asl.json']).out, /\(2 checked\)\n$/);
  assert.match(run(base, ['lint', '{flows/a,train/c}.*']).out, /\(2 checked\)\n$/);
  assert.match(run(base, ['lint', '{train,nothing}']).out, /in train[^]*\(1 checked\)\n$/);
  // Ending in `/`, a glob names folders only (a shell's `*/`): train's file, not the files directly in base.
  writeFileSync(join(base, 'top.asl.json'), machine('top level'));
  assert.match(run(base, ['lint', '*/']).out, /\(4 checked\)\n$/);
  assert.doesNotMatch(run(base, ['lint', '*/']).out, /top level/);
  assert.match(run(base, ['lint', '*']).out, /top level/);
  assert.doesNotMatch(run(base, ['lint', '**/']).out, /top level/);
  assert.match(run(base, ['lint', '**/']).out, /\(4 checked\)\n$/);
  // An extglob across folders is matched whole, not read part by part.
  assert.match(run(base, ['lint', '@(flows/a|train/c).*']).out, /\(2 checked\)\n$/);
});

test('a file named on the command line that is not checked is said to be skipped', () => {
  const base = join(dir, 'skipped');
  mkdirSync(base);
  writeFileSync(join(base, 'README.md'), '# hi');
  writeFileSync(join(base, 'package.json'), '{"name": "x"}');
  const r = run(base, ['README.md', 'package.json']);
  assert.equal(
    r.err,
    'sagemaker-asl: skipped README.md: not a state machine file (.asl.json, .asl, .asl.yaml, .asl.yml, .json, .jsonc, .yaml, .yml)\n' +
      'sagemaker-asl: skipped package.json: not a state machine (no StartAt and States)\n',
  );
  assert.equal(r.out, '0 errors, 0 warnings in 0 files (0 checked)\n');
  assert.equal(r.status, 0);
});

test('a glob part with more than three single stars is refused at once (exit 2): its regular expression backtracks for minutes on a long name', () => {
  const base = join(dir, 'stars');
  mkdirSync(base);
  writeFileSync(join(base, `${'a'.repeat(200)}.asl.json`), machine('stars'));
  const r = run(base, ['*a*a*a*b.asl.json']);
  assert.equal(r.status, 2);
  assert.match(r.err, /\*a\*a\*a\*b\.asl\.json: a part of a glob has more than 3 '\*'/);
  // Three are fine, and so is ** (any folders) beside them.
  const three = run(base, ['**/*a*a*.asl.json']);
  assert.deepEqual([three.status, three.out], [0, '0 errors, 0 warnings in 0 files (1 checked)\n']);
});

// `--fix` never loses a byte (issue 20, items 1, 2, 6 and 8): the file is replaced atomically (a full disk leaves
// the original whole), a save made while the fixes are computed is never overwritten, a UTF-8 BOM is kept, and
// the summary counts the findings the fixes cleared even when they bring new ones of the same code. Each test
// failed on the CLI before server/src/cli/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeSync, linkSync, lstatSync, mkdirSync, openSync, readFileSync, readdirSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync, writeSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { concurrentSavePreload, fullDiskPreload, machine, run, tempDir, unprivileged } from './helpers';

let dir: string;

before(() => {
  dir = tempDir();
});
after(() => rmSync(dir, { recursive: true, force: true }));

/** A file with two fixable findings: a job name with a space, and KmsKeyId a number instead of a string. */
const fixable = machine('churn xgb', { extra: ', "KmsKeyId": 3' });
const fixed = machine('churn-xgb', { extra: ', "KmsKeyId": "3"' });

function folderWith(name: string, text: string | Buffer): { base: string; file: string } {
  const base = join(dir, name);
  mkdirSync(base);
  const file = join(base, 'a.asl.json');
  writeFileSync(file, text);
  return { base, file };
}

test('a full disk while writing (injected ENOSPC) leaves the original file whole, and no temporary file behind', () => {
  const { base, file } = folderWith('enospc', fixable);
  const r = run(base, ['--fix', 'a.asl.json'], { preload: fullDiskPreload(dir) });
  assert.equal(r.err, 'sagemaker-asl: cannot write a.asl.json: no space left on device; the file is unchanged\n');
  assert.equal(r.status, 2);
  assert.equal(readFileSync(file, 'utf8'), fixable);
  assert.deepEqual(readdirSync(base), ['a.asl.json']);
});

test('a full disk for real (a tiny tmpfs): the original file stays whole', (t) => {
  const mnt = join(dir, 'tiny');
  mkdirSync(mnt);
  if (process.getuid?.() !== 0 || spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mnt]).status !== 0) {
    t.skip('mounting a tmpfs needs root (the injected ENOSPC above runs everywhere)');
    return;
  }
  try {
    // Just under one 4 KiB page; the fixes make it grow past it, and the disk has no page left.
    const original = machine('churn xgb', { output: false }).padEnd(4090, ' ') + '\n';
    const file = join(mnt, 'a.asl.json');
    writeFileSync(file, original);
    const fill = openSync(join(mnt, 'filler'), 'w');
    try {
      for (const page = Buffer.alloc(4096, 120); ; ) writeSync(fill, page);
    } catch (e) {
      assert.equal((e as NodeJS.ErrnoException).code, 'ENOSPC');
    } finally {
      closeSync(fill);
    }
    const r = run(mnt, ['--fix', 'a.asl.json']);
    assert.equal(r.err, 'sagemaker-asl: cannot write a.asl.json: no space left on device; the file is unchanged\n');
    assert.equal(r.status, 2);
    assert.equal(readFileSync(file, 'utf8'), original);
    assert.deepEqual(readdirSync(mnt).sort(), ['a.asl.json', 'filler']);
  } finally {
    spawnSync('umount', [mnt]);
  }
});

test('--fix keeps the file mode, and writes through a symbolic link to the file it names', () => {
  const { base, file } = folderWith('mode', fixable);
  chmodSync(file, 0o640);
  symlinkSync('a.asl.json', join(base, 'link.asl.json'));
  const r = run(base, ['--fix', 'link.asl.json']);
  assert.equal(r.err, 'link.asl.json: applied 2 fixes (cleared: 1 pattern, 1 wrong-type)\n');
  assert.equal(r.status, 0);
  assert.equal(readFileSync(file, 'utf8'), fixed);
  assert.equal(statSync(file).mode & 0o777, 0o640);
  assert.ok(lstatSync(join(base, 'link.asl.json')).isSymbolicLink());
  assert.equal(readlinkSync(join(base, 'link.asl.json')), 'a.asl.json');
});

test('--fix on a folder does not write through a link found there to a file outside it (a repository\'s link must not rewrite the user\'s files); a link inside it, or a file named, is fixed (security review, session 33)', () => {
  const { base } = folderWith('outside', fixable);
  const repo = join(base, 'repo');
  mkdirSync(join(repo, 'sub'), { recursive: true });
  writeFileSync(join(repo, 'sub', 'real.asl.json'), fixable);
  symlinkSync('../a.asl.json', join(repo, 'innocent.asl.json'));
  symlinkSync('sub/real.asl.json', join(repo, 'inside.asl.json'));
  // A folder whose name starts with .. is inside (review of the day: it was refused as outside).
  mkdirSync(join(repo, '..x'));
  for (const args of [['--fix', 'repo'], ['--fix', 'repo/*.json']]) {
    writeFileSync(join(repo, 'sub', 'real.asl.json'), fixable);
    writeFileSync(join(repo, '..x', 'dots.asl.json'), fixable);
    const r = run(base, args);
    assert.match(r.err, /^sagemaker-asl: not fixing repo\/innocent\.asl\.json: it is a symbolic link to a\.asl\.json, outside the folder searched; name it on the command line to fix it there$/m, args.join(' '));
    assert.match(r.err, /^repo\/inside\.asl\.json: applied 2 fixes/m, args.join(' '));
    assert.equal(r.status, 2);
    assert.equal(readFileSync(join(base, 'a.asl.json'), 'utf8'), fixable);
    assert.equal(readFileSync(join(repo, 'sub', 'real.asl.json'), 'utf8'), fixed);
    if (args[1] === 'repo') assert.equal(readFileSync(join(repo, '..x', 'dots.asl.json'), 'utf8'), fixed);
  }
  const named = run(base, ['--fix', 'repo/innocent.asl.json']);
  assert.equal(named.status, 0, named.err);
  assert.equal(readFileSync(join(base, 'a.asl.json'), 'utf8'), fixed);
});

test('--fix refuses a file with another hard link: a rename would leave the other name the old text', () => {
  const { base, file } = folderWith('hardlink', fixable);
  linkSync(file, join(base, 'b.asl.json'));
  const r = run(base, ['--fix', 'a.asl.json']);
  assert.equal(r.err, 'sagemaker-asl: not writing a.asl.json: it has 2 hard links, and replacing it would leave the other name with the old text; the file is unchanged (copy it to a file of its own to fix it)\n');
  assert.equal(r.status, 2);
  assert.equal(readFileSync(file, 'utf8'), fixable);
  assert.equal(statSync(file).nlink, 2);
  assert.deepEqual(readdirSync(base).sort(), ['a.asl.json', 'b.asl.json']);
});

test('a save made while --fix runs is kept: the file is left alone, exit 2', () => {
  const saved = fixable.replace('churn xgb', 'saved-xgb');
  // Longer, and then the same length (only the content hash and mtime tell).
  for (const [name, text] of [
    ['saved', saved + '\n'],
    ['same-size', fixable.replace('churn xgb', 'churn_xgb')],
  ]) {
    const { base, file } = folderWith(name, fixable);
    const r = run(base, ['--fix', 'a.asl.json'], { preload: concurrentSavePreload(dir, file, text) });
    assert.equal(r.err, 'sagemaker-asl: not writing a.asl.json: it changed since it was read; run again\n', name);
    assert.equal(r.status, 2);
    assert.equal(readFileSync(file, 'utf8'), text);
    assert.deepEqual(readdirSync(base), ['a.asl.json']);
  }
});

test('a UTF-8 byte order mark is no syntax error, and --fix keeps it', () => {
  const bom = Buffer.from([0xef, 0xbb, 0xbf]);
  const { base, file } = folderWith('bom', Buffer.concat([bom, Buffer.from(machine('churn-xgb'))]));
  const clean = run(base, ['a.asl.json']);
  assert.equal(clean.out, '0 errors, 0 warnings in 0 files (1 checked)\n');
  assert.equal(clean.status, 0);
  writeFileSync(file, Buffer.concat([bom, Buffer.from(fixable)]));
  const r = run(base, ['--fix', 'a.asl.json']);
  assert.equal(r.err, 'a.asl.json: applied 2 fixes (cleared: 1 pattern, 1 wrong-type)\n');
  assert.equal(r.out, '0 errors, 0 warnings in 0 files (1 checked)\n');
  assert.deepEqual(readFileSync(file), Buffer.concat([bom, Buffer.from(fixed)]));
  // YAML too.
  const yaml = join(base, 'b.asl.yaml');
  writeFileSync(yaml, '\uFEFFStartAt: A\nStates:\n  A:\n    Type: Pass\n    End: true\n');
  assert.equal(run(base, ['b.asl.yaml']).out, '0 errors, 0 warnings in 0 files (1 checked)\n');
});

test('a file that is not UTF-8 is not fixed (its other bytes would be lost), exit 2; nor is a YAML file whose lines end in a lone CR', () => {
  // A Latin-1 é in a Comment: read as U+FFFD, written back as EF BF BD.
  const latin1 = Buffer.concat([Buffer.from(fixable.replace('"StartAt"', '"Comment": "caf')), Buffer.from([0xe9]), Buffer.from('", "StartAt"')]);
  const { base, file } = folderWith('latin1', latin1);
  const r = run(base, ['--fix', 'a.asl.json']);
  assert.equal(r.status, 2);
  assert.match(r.err, /not fixing a\.asl\.json: it is not UTF-8 text/);
  assert.deepEqual(readFileSync(file), latin1);
  // CR-only line breaks: read and checked, never edited (an insertion would land on the wrong line).
  const cr = 'StartAt: A\rStates:\r  A:\r    Type: Task\r    Resource: arn:aws:states:::sagemaker:createModel\r    Parameters:\r      ModelName: m\r      ExecutionRoleArn: arn:aws:iam::123456789012:role/r\r      EnableNetworkIsolation: "true"\r    End: true\r';
  writeFileSync(join(base, 'b.asl.yaml'), cr);
  const y = run(base, ['--fix', 'b.asl.yaml']);
  assert.match(y.out, /wrong-type/);
  assert.equal(readFileSync(join(base, 'b.asl.yaml'), 'utf8'), cr);
  // Said, and exit 2, as for the encoding (ux43: nothing on stderr, exit 1).
  assert.equal(y.status, 2);
  assert.match(y.err, /not fixing b\.asl\.yaml: its lines end in a lone carriage return/);
});

test('a JSON file whose lines end in a lone CR is fixed with CR line breaks and its members\' indentation', () => {
  // The fix inserts the member spot training requires on a line of its own, after the last one.
  const lf = '{\n  "StartAt": "T",\n  "States": {\n    "T": {\n      "Type": "Task",\n      "Resource": "arn:aws:states:::sagemaker:createTrainingJob.sync",\n      "Parameters": {\n        "TrainingJobName": "job",\n        "RoleArn": "arn:aws:iam::123456789012:role/r",\n        "AlgorithmSpecification": { "TrainingImage": "i", "TrainingInputMode": "File" },\n        "OutputDataConfig": { "S3OutputPath": "s3://b/o" },\n        "ResourceConfig": { "InstanceCount": 1, "InstanceType": "ml.m5.large", "VolumeSizeInGB": 10 },\n        "EnableManagedSpotTraining": true,\n        "StoppingCondition": {\n          "MaxRuntimeInSeconds": 3600\n        }\n      },\n      "End": true\n    }\n  }\n}\n';
  const { base, file } = folderWith('cr-json', lf.replaceAll('\n', '\r'));
  run(base, ['--fix', 'a.asl.json']);
  const after = readFileSync(file, 'utf8');
  assert.ok(!after.includes('\n'), JSON.stringify(after));
  assert.match(after, /"MaxRuntimeInSeconds": 3600,\r {10}"MaxWaitTimeInSeconds": 3600\r {8}\}/);
});

test('the --fix summary counts cleared findings even when the fixes bring new ones of the same code', () => {
  // The fixes rename the job (clearing a pattern finding) and the misspelt RoleARN, whose value is then checked as a
  // RoleArn: a new pattern finding, which comparing codes alone would have hidden.
  const { base, file } = folderWith('summary', machine('churn xgb').replace('"RoleArn": "arn:aws:iam::111122223333:role/R"', '"RoleARN": "arn:aws:iam::12345:role/R"'));
  const r = run(base, ['--fix', 'a.asl.json']);
  assert.equal(r.err, 'a.asl.json: applied 2 fixes (cleared: 1 pattern, 1 unknown-key; new: 1 pattern)\n');
  assert.match(r.out, /^a\.asl\.json:\d+:\d+ error pattern RoleArn "arn:aws:iam::12345:role\/R" must match/);
  assert.equal(r.status, 1);
  assert.match(readFileSync(file, 'utf8'), /"churn-xgb"/);
});

test('--fix leaves a read-only file alone (the rename would be allowed by the folder alone)', () => {
  const { base, file } = folderWith('readonly', fixable);
  chmodSync(base, 0o777);
  chmodSync(file, 0o444);
  // Another user, and whoever runs the tests (root on CI, whom the access check lets write anything: the mode says it).
  for (const as of [unprivileged(dir), undefined]) {
    const r = run(base, ['--fix', 'a.asl.json'], as);
    assert.equal(r.err, 'sagemaker-asl: cannot write a.asl.json: it is read-only; the file is unchanged\n');
    assert.equal(r.status, 2);
    assert.equal(readFileSync(file, 'utf8'), fixable);
    assert.deepEqual(readdirSync(base), ['a.asl.json']);
  }
});

test('lint --fix leaves a JSONPath that SageMaker applies itself (DataProcessing.InputFilter "$[1:]") as written', () => {
  const text = JSON.stringify({
    StartAt: 'Score',
    States: {
      Score: {
        Type: 'Task',
        Resource: 'arn:aws:states:::sagemaker:createTransformJob.sync',
        Parameters: {
          TransformJobName: 'batch scoring',
          ModelName: 'my-model',
          TransformInput: { DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: 's3://bucket/in' } } },
          TransformOutput: { S3OutputPath: 's3://bucket/out' },
          TransformResources: { InstanceCount: 1, InstanceType: 'ml.m5.large' },
          DataProcessing: { InputFilter: '$[1:]', JoinSource: 'Input', OutputFilter: "$['id','SageMakerOutput']" },
        },
        End: true,
      },
    },
  }, null, 2);
  const { base, file } = folderWith('literal-paths', text);
  const r = run(base, ['--fix', 'a.asl.json']);
  assert.equal(r.status, 0, r.out + r.err);
  // The job name is fixed; the filters are not renamed to "InputFilter.$" / "OutputFilter.$".
  assert.equal(readFileSync(file, 'utf8'), text.replace('batch scoring', 'batch-scoring'));
});

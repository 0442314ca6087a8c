// What the CLI tests share: the built CLI run in a child process, a state machine to lint, and the Node
// preload scripts that stand in for what no test can produce on demand (a full disk mid-write, a save landing
// between the CLI's read and its write).
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { chmodSync, copyFileSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const root = join(__dirname, '..', '..', '..');
export const cli = join(root, 'dist', 'cli.js');

/** What a training job that is not serverless needs besides its name, role and output: the algorithm and the instances. */
export const job = {
  AlgorithmSpecification: { TrainingImage: '382416733822.dkr.ecr.us-east-1.amazonaws.com/linear-learner:1', TrainingInputMode: 'File' },
  ResourceConfig: { InstanceCount: 1, InstanceType: 'ml.m5.xlarge', VolumeSizeInGB: 10 },
};

/** A training job state machine; `extra` is appended to Parameters, `output` false leaves out OutputDataConfig. */
export const machine = (jobName: string, { output = true, extra = '' } = {}) =>
  JSON.stringify(
    {
      StartAt: 'Train',
      States: {
        Train: {
          Type: 'Task',
          Resource: 'arn:aws:states:::sagemaker:createTrainingJob.sync',
          Parameters: { TrainingJobName: jobName, RoleArn: 'arn:aws:iam::111122223333:role/R', ...(output ? { OutputDataConfig: { S3OutputPath: 's3://b/o' } } : {}), ...job },
          End: true,
        },
      },
    },
    null,
    2,
  ).replace('"s3://b/o"', `"s3://b/o"${extra}`);

export const patternError = (file: string, line: number, col: number, name: string) =>
  `${file}:${line}:${col} error pattern TrainingJobName "${name}" must match [a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}: letters, digits and hyphens\n`;

/** A fresh folder every test can read, also when the CLI runs as another user (see `unprivileged`). */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sagemaker-asl-cli-'));
  chmodSync(dir, 0o755);
  return dir;
}

export interface Run {
  status: number | null;
  out: string;
  err: string;
}

export function run(cwd: string, args: string[], options: SpawnSyncOptions & { preload?: string; program?: string; node?: string } = {}): Run {
  const node = options.preload ? ['--require', options.preload] : [];
  // The timeout only turns a hang (the old CLI on a FIFO) into a failure instead of a stuck suite; nothing is timed.
  const r = spawnSync(options.node ?? process.execPath, [...node, options.program ?? cli, ...args], { cwd, encoding: 'utf8', timeout: 120_000, ...options });
  return { status: r.status, out: String(r.stdout), err: String(r.stderr) };
}

/** Whether anyone may run `file`: it and every folder above it open to others. */
function openToOthers(file: string): boolean {
  if ((statSync(file).mode & 0o001) === 0) return false;
  for (let d = dirname(file); ; d = dirname(d)) {
    if ((statSync(d).mode & 0o001) === 0) return false;
    if (dirname(d) === d) return true;
  }
}

/**
 * How to run the CLI so that a mode-000 folder is unreadable to it: root reads everything, so as root the CLI
 * runs as `nobody`, from a copy in `dir` (the checkout may be private), with a copy of this Node when nobody may
 * run it where it is (a Node of the checkout's `.e2e/`, inside a private folder).
 */
export function unprivileged(dir: string): { program?: string; node?: string; uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  const program = join(dir, 'cli-copy.js');
  copyFileSync(cli, program);
  chmodSync(program, 0o644);
  let node: string | undefined;
  if (!openToOthers(process.execPath)) {
    node = join(dir, 'node-copy');
    copyFileSync(process.execPath, node);
    chmodSync(node, 0o755);
  }
  return { program, node, uid: 65534, gid: 65534 };
}

/** A preload that makes every file write fail with ENOSPC after half its bytes, as a full disk does. */
export function fullDiskPreload(dir: string): string {
  const path = join(dir, 'full-disk.cjs');
  writeFileSync(
    path,
    `const fs = require('fs');
const writeSync = fs.writeSync;
const full = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });
fs.writeSync = function (fd, buffer, ...rest) {
  if (fd <= 2) return writeSync.call(this, fd, buffer, ...rest);
  if (typeof buffer !== 'string' && buffer.length > 1) writeSync.call(this, fd, buffer, 0, buffer.length >> 1);
  throw full();
};
const writeFileSync = fs.writeFileSync;
fs.writeFileSync = function (file, data) {
  // What a full disk does to writeFileSync: the file is truncated, part of the data lands, then ENOSPC.
  writeFileSync(file, String(data).slice(0, String(data).length >> 1));
  throw full();
};
`,
  );
  return path;
}

/** A preload that writes `text` to `target` just before the CLI's first file write: a save landing mid-run. */
export function concurrentSavePreload(dir: string, target: string, text: string): string {
  const path = join(dir, 'concurrent-save.cjs');
  writeFileSync(
    path,
    `const fs = require('fs');
const writeSync = fs.writeSync, writeFileSync = fs.writeFileSync;
let saved = false;
const save = () => { if (!saved) { saved = true; writeFileSync(${JSON.stringify(target)}, ${JSON.stringify(text)}); } };
fs.writeSync = function (fd, ...rest) { if (fd > 2) save(); return writeSync.call(this, fd, ...rest); };
fs.writeFileSync = function (...args) { save(); return writeFileSync.apply(this, args); };
`,
  );
  return path;
}

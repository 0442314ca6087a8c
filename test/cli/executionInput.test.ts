// `lint` reads the example execution input beside each machine (NAME.input.json, the same code as the language
// server): a path reading a field the example lacks is a warning, one it has is none; a file that is not JSON is
// no input; a directory search takes the example files for what they are (no state machines), silently; one that
// cannot be read as an input (a folder, a FIFO, too large) is named on stderr with the reason.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run, tempDir } from './helpers';

let dir: string;
before(() => {
  dir = tempDir();
});
after(() => rmSync(dir, { recursive: true, force: true }));

const JSON_MACHINE = JSON.stringify(
  {
    StartAt: 'Prepare',
    States: {
      Prepare: { Type: 'Pass', Parameters: { 'name.$': '$.jobName', 'out.$': '$.outputS3Uri' }, End: true },
    },
  },
  null,
  2,
);
const YAML_MACHINE = `StartAt: Prepare
States:
  Prepare:
    Type: Pass
    Parameters:
      name.$: $.jobName
      out.$: $.outputS3Uri
    End: true
`;

test('lint checks paths against NAME.input.json beside each machine, JSON and YAML', () => {
  const base = join(dir, 'project');
  mkdirSync(base, { recursive: true });
  writeFileSync(join(base, 'train.asl.json'), JSON_MACHINE);
  writeFileSync(join(base, 'score.asl.yaml'), YAML_MACHINE);
  // No example: the input is unknown, nothing to say.
  let r = run(base, ['lint', '.']);
  assert.equal(r.err, '');
  assert.equal(r.out, '0 errors, 0 warnings in 0 files (2 checked)\n');
  writeFileSync(join(base, 'train.input.json'), JSON.stringify({ jobName: 'j', outputS3URI: 's3://b/o' }));
  writeFileSync(join(base, 'score.input.json'), JSON.stringify({ jobName: 'j', outputS3Uri: 's3://b/o' }));
  r = run(base, ['lint', '.']);
  assert.equal(r.err, '');
  assert.equal(
    r.out,
    'train.asl.json:8:19 warning path-not-in-input $.outputS3Uri: the state input (the execution input in train.input.json) has no field outputS3Uri; did you mean $.outputS3URI?\n' +
      '0 errors, 1 warning in 1 file (2 checked)\n',
  );
  assert.equal(r.status, 0);
  // The same for a machine named on the command line, in YAML.
  writeFileSync(join(base, 'score.input.json'), JSON.stringify({ jobNam: 'j', outputS3Uri: 's3://b/o' }));
  r = run(base, ['lint', 'score.asl.yaml']);
  assert.equal(
    r.out,
    'score.asl.yaml:6:15 warning path-not-in-input $.jobName: the state input (the execution input in score.input.json) has no field jobName; did you mean $.jobNam?\n' +
      '0 errors, 1 warning in 1 file (1 checked)\n',
  );
});

test('an example that is not JSON is no input: no warning, no failure', () => {
  const base = join(dir, 'bad');
  mkdirSync(base, { recursive: true });
  writeFileSync(join(base, 'train.asl.json'), JSON_MACHINE);
  writeFileSync(join(base, 'train.input.json'), '{"jobName": ');
  const r = run(base, ['lint', 'train.asl.json']);
  assert.equal(r.err, '');
  assert.equal(r.out, '0 errors, 0 warnings in 0 files (1 checked)\n');
  assert.equal(r.status, 0);
});

test('an example that is there but cannot be read (a folder, a FIFO, above 256 KiB) is no input, and lint says why', (t) => {
  const base = join(dir, 'unreadable');
  mkdirSync(base, { recursive: true });
  for (const name of ['folder', 'fifo', 'big']) writeFileSync(join(base, `${name}.asl.json`), JSON_MACHINE);
  mkdirSync(join(base, 'folder.input.json'));
  writeFileSync(join(base, 'big.input.json'), JSON.stringify({ jobName: 'j', pad: 'x'.repeat(256 * 1024) }));
  const fifo = spawnSync('mkfifo', [join(base, 'fifo.input.json')]).status === 0;
  const r = run(base, ['lint', 'big.asl.json', 'fifo.asl.json', 'folder.asl.json']);
  assert.equal(
    r.err,
    `sagemaker-asl: not reading big.input.json as the execution input of big.asl.json: it is 262168 bytes, more than the 262144 bytes (256 KiB) Step Functions accepts as an execution input\n` +
      (fifo ? 'sagemaker-asl: not reading fifo.input.json as the execution input of fifo.asl.json: it is not a regular file\n' : '') +
      'sagemaker-asl: not reading folder.input.json as the execution input of folder.asl.json: it is not a regular file\n',
  );
  assert.equal(r.out, '0 errors, 0 warnings in 0 files (3 checked)\n');
  assert.equal(r.status, 0);
  if (!fifo) t.diagnostic('mkfifo is missing: the FIFO was not tried');
});

test('an example input that is a link out of its folder is not read (sec40: a repository could link it to ~/.docker/config.json); a link inside the folder is', () => {
  const base = join(dir, 'links');
  mkdirSync(join(base, 'flows', 'inputs'), { recursive: true });
  writeFileSync(join(base, 'secret.json'), '{"auths": {"registry": {"auth": "c2VjcmV0"}}}');
  writeFileSync(join(base, 'flows', 'inputs', 'shared.json'), '{"jobName": "j"}');
  for (const name of ['out', 'in']) writeFileSync(join(base, 'flows', `${name}.asl.json`), JSON_MACHINE);
  symlinkSync(join(base, 'secret.json'), join(base, 'flows', 'out.input.json'));
  symlinkSync(join('inputs', 'shared.json'), join(base, 'flows', 'in.input.json'));
  const r = run(join(base, 'flows'), ['lint', 'out.asl.json', 'in.asl.json']);
  assert.equal(r.err, 'sagemaker-asl: not reading out.input.json as the execution input of out.asl.json: it is a symbolic link to a file outside its folder\n');
  assert.equal(r.status, 0);
});

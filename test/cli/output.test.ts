// The CLI's output and arguments (issue 20, items 7 and 8): SARIF URIs of names with `#`, `?`, `%` or `:` point
// at the file, a reader that goes away (`| head`) ends the run quietly, and `--` ends the options. Each test
// failed on the CLI before server/src/cli/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cli, machine, patternError, run, tempDir } from './helpers';

let dir: string;

before(() => {
  dir = tempDir();
  mkdirSync(join(dir, 'flows'));
  mkdirSync(join(dir, 'sub'));
  for (const name of ['a#1.asl.json', 'b?.asl.json', '100% c.asl.json', 'd:e.asl.json']) writeFileSync(join(dir, 'flows', name), machine('bad name'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('SARIF: # ? % and : in file names are percent-encoded, so each URI names its file', () => {
  const results = JSON.parse(run(dir, ['--format', 'sarif', 'flows']).out).runs[0].results;
  assert.deepEqual(
    results.map((r: any) => r.locations[0].physicalLocation.artifactLocation),
    ['flows/100%25%20c.asl.json', 'flows/a%231.asl.json', 'flows/b%3F.asl.json', 'flows/d%3Ae.asl.json'].map((uri) => ({ uri, uriBaseId: '%SRCROOT%' })),
  );
  // Each resolves, against the checkout, to the file it came from.
  const checkout = pathToFileURL(dir + '/');
  assert.deepEqual(
    results.map((r: any) => decodeURIComponent(new URL(r.locations[0].physicalLocation.artifactLocation.uri, checkout).pathname)),
    ['100% c.asl.json', 'a#1.asl.json', 'b?.asl.json', 'd:e.asl.json'].map((name) => join(dir, 'flows', name)),
  );
  // Outside the checkout: an absolute file URI, encoded the same way.
  const outside = JSON.parse(run(join(dir, 'sub'), ['--format', 'sarif', '../flows/a#1.asl.json']).out).runs[0].results[0];
  assert.deepEqual(outside.locations[0].physicalLocation.artifactLocation, { uri: pathToFileURL(join(dir, 'flows', 'a#1.asl.json')).href });
  assert.match(outside.locations[0].physicalLocation.artifactLocation.uri, /a%231\.asl\.json$/);
});

test('text: one line a finding, whatever a key or a file name holds (no line a CI runner would read as a workflow command)', () => {
  mkdirSync(join(dir, 'inject'));
  const evil = 'x\n::error file=README.md::Leaked key\n::add-mask::0\u2028::stop-commands::zz';
  writeFileSync(join(dir, 'inject', '::warning::a.asl.json'), JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Pass', Next: evil } } }));
  const r = run(join(dir, 'inject'), ['lint', '.']);
  assert.equal(r.status, 1);
  const lines = r.out.split('\n');
  assert.ok(lines.every((l) => !l.startsWith('::')), r.out);
  assert.match(r.out, /^\.\/::warning::a\.asl\.json:1:\d+ error asl-unknown-state Next "x\\n::error file=README\.md::Leaked key\\n::add-mask::0\\u2028::stop/m);
});

test('stderr: a file name says itself on one line too (a broken link, a device, a skipped file), and no name reorders the text', () => {
  const base = join(dir, 'forge');
  mkdirSync(base);
  symlinkSync('/nonexistent', join(base, 'a\n::error file=README.md,line=1::forged\n.asl.json'));
  symlinkSync('/dev/null', join(base, 'b\r::warning::forged\u2028.asl.json'));
  const skipped = 'c\n::error::forged\u202e.txt';
  writeFileSync(join(base, skipped), '{}');
  const r = run(dir, ['lint', 'forge', `forge/${skipped}`]);
  assert.equal(r.status, 2);
  const lines = r.err.trimEnd().split('\n');
  assert.equal(lines.length, 3, r.err);
  for (const l of lines) assert.match(l, /^sagemaker-asl: (cannot read|skipped) forge\/[abc]\\[nr]::/, r.err);
  assert.ok(r.err.includes('forged\\u202e.txt') && r.err.includes('forged\\u2028.asl.json'), r.err);
});

test('a reader that goes away (| head) ends the run quietly, with the run\'s exit status', async () => {
  const child = spawn(process.execPath, [cli, 'lint', 'flows'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  // Closed before the CLI has started: its first write gets EPIPE.
  child.stdout.destroy();
  let err = '';
  child.stderr.setEncoding('utf8').on('data', (d) => (err += d));
  const status = await new Promise((resolve) => child.on('close', resolve));
  assert.equal(err, '');
  assert.equal(status, 1);
});

test('text: a file\'s findings in the order of its lines, whichever check found them first (walk39: line 25 before line 4)', () => {
  const text = JSON.stringify({
    StartAt: 'Train',
    States: {
      Train: { Type: 'Task', Resource: 'arn:aws:states:::sagemaker:createTrainingJob', Parameters: { TrainingJobName: 'bad_name' }, Next: 'Nowhere' },
    },
  }, null, 2);
  writeFileSync(join(dir, 'order.asl.json'), text);
  const lines = run(dir, ['order.asl.json']).out.split('\n').filter((l) => l.startsWith('order.asl.json:')).map((l) => Number(l.split(':')[1]));
  assert.ok(lines.length > 1, String(lines));
  assert.deepEqual(lines, [...lines].sort((a, b) => a - b));
});

test('-- ends the options: a path may start with -', () => {
  writeFileSync(join(dir, '--fix.asl.json'), machine('dash name'));
  const r = run(dir, ['lint', '--', '--fix.asl.json']);
  assert.equal(r.err, '');
  assert.equal(r.out, patternError('--fix.asl.json', 8, 28, 'dash name') + '1 error, 0 warnings in 1 file (1 checked)\n');
  assert.equal(r.status, 1);
});

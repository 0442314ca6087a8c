// The emulator's command line (dist/emulator.js): its flags read by Node's util.parseArgs, as the CLI's are, and a
// mistake said in one line before the usage, exit code 2.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

function run(...args: string[]) {
  if (!existsSync('dist/emulator.js')) spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  const r = spawnSync(process.execPath, ['dist/emulator.js', ...args], { encoding: 'utf8', timeout: 10_000 });
  return { status: r.status, out: r.stdout, firstError: r.stderr.split('\n')[0] };
}

test('--help and -h print the usage, every flag in it', () => {
  for (const help of ['--help', '-h']) {
    const { status, out } = run(help);
    assert.equal(status, 0, help);
    for (const flag of ['--port', '--host', '--allow-host', '--step-ms', '--training-steps', '--fail-name', '--instance-limit', '--region', '--account', '--fault', '--quiet']) assert.ok(out.includes(`  ${flag} `), `${help}: ${flag}`);
  }
});

test('a mistake in the flags: one line saying which, then the usage, exit code 2', () => {
  for (const [args, message] of [
    [['--port'], '--port needs a value'],
    [['--region', '--quiet'], '--region needs a value (one that starts with - is written --region=…)'],
    [['--bogus'], 'unknown option --bogus'],
    [['extra'], 'unknown option extra'],
    [['--step-ms', 'abc'], '--step-ms needs a non-negative number'],
    [['--port', '70000'], '--port needs an integer from 0 to 65535'],
    [['--fault', 'bogus'], '--fault bogus: the kind must be one of throttle, error500, error503, delay, drop, dropResponse, expiredToken, accessDenied, resourceLimit'],
  ] as const) {
    const { status, firstError } = run(...args);
    assert.deepEqual([status, firstError], [2, message], args.join(' '));
  }
});

// Activation stays fast: the code the extension loads at activation has no AWS SDK and no jsonata; those are
// in dist/jobs.js, required on the first launch.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

test('the commands bundle holds no AWS SDK and stays small', async () => {
  const { build } = await import('esbuild');
  // vscode-jsonrpc (the typed protocol's RequestType) is the language client's own, loaded at activation anyway.
  const out = await build({ entryPoints: ['client/src/jobs/commands.ts'], bundle: true, platform: 'node', format: 'cjs', external: ['vscode', 'vscode-jsonrpc'], write: false, logLevel: 'silent' });
  const text = out.outputFiles[0].text;
  assert.doesNotMatch(text, /@aws-sdk|SageMakerClient|CloudWatchLogsClient|jsonata/);
  assert.ok(text.length < 100_000, `commands bundle is ${text.length} bytes`);
});

test('dist/jobs.js loads on its own and has the runner', () => {
  if (!existsSync('dist/jobs.js')) spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  const runtime = require(path.resolve('dist/jobs.js'));
  for (const name of ['JobRunner', 'resolveRequest', 'findPlaceholders', 'redact', 'explainError', 'makeExecutionContext', 'validateDefinition']) assert.equal(typeof runtime[name], 'function', name);
});

// npm start: build and package the extension, start the local SageMaker emulator and VS Code in the browser
// (code-server from npm run setup, on its own pinned Node) with the VSIX installed, settings pointing at the
// emulator and examples/ open. Prints one "Open <url>" line, last, and runs until Ctrl-C, then stops everything
// it started.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { packageExtension } from './package.mjs';
import { codeServerInstall, E2E_DIR, ROOT, startCodeServer, startEmulator } from '../test/e2e/workbench.mjs';

process.chdir(ROOT);
const t0 = Date.now();
const log = (m) => console.log(`[start ${((Date.now() - t0) / 1000).toFixed(1)}s] ${m}`);
const running = [];
let stopping = false;
async function stopAll(code) {
  if (stopping) return;
  stopping = true;
  for (const r of running.reverse()) await r.stop().catch(() => {});
  process.exit(code);
}
process.on('SIGINT', () => (console.log(''), log('stopping…'), stopAll(0)));
process.on('SIGTERM', () => stopAll(0));
process.on('SIGHUP', () => stopAll(0));

try {
  const cs = codeServerInstall();
  if (!cs.installed) throw new Error(`VS Code in the browser (code-server ${cs.version}) is not installed: run npm run setup first`);
  const home = join(E2E_DIR, 'demo');
  // A fresh profile each time: no editors or unsaved buffers restored from an earlier run.
  rmSync(join(home, 'user-data'), { recursive: true, force: true });
  mkdirSync(home, { recursive: true });
  // dist/ for the emulator (and the debugger); the VSIX gets its own production build.
  const build = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('npm run build failed');
  const vsix = packageExtension({ out: join(E2E_DIR, 'sagemaker-asl.vsix') });
  log(`extension built and packaged: ${vsix}`);
  // The examples' account (their role ARNs name 111122223333), so the job ARNs name the same account.
  const emulator = await startEmulator({ stepMs: 2000, logFile: join(home, 'emulator.log'), account: '111122223333' });
  running.push(emulator);
  // Not its URL: the only URL printed is the one to open.
  log('local SageMaker emulator started (log: .e2e/demo/emulator.log)');
  const vscode = await startCodeServer({
    home,
    vsix,
    folder: join(ROOT, 'examples'),
    port: process.env.PORT ? Number(process.env.PORT) : undefined,
    settings: {
      'sagemakerAsl.aws.endpoint': emulator.url,
      'sagemakerAsl.aws.region': 'us-east-1',
      'sagemakerAsl.jobs.pollIntervalSeconds': 2,
    },
    // The emulator accepts any credentials; these keep the AWS SDK from looking for real ones.
    env: { AWS_ACCESS_KEY_ID: 'AKIDEMULATOR', AWS_SECRET_ACCESS_KEY: 'emulator-secret', AWS_REGION: 'us-east-1' },
  });
  running.push(vscode);
  log(`VS Code (code-server ${cs.version} on Node ${cs.nodeVersion}) ready, log: .e2e/demo/code-server.log`);
  console.log(`\n  examples/with-mistakes.asl.json shows diagnostics; training-pipeline.asl.json has a "Start Training Job"\n  CodeLens (its input: training-pipeline.input.json, offered first); tuning-pipeline.asl.json starts a processing\n  job and a tuning job (its input: tuning-pipeline.input.json). Ctrl-C stops everything.\n`);
  console.log(`Open ${vscode.url}`);
} catch (e) {
  console.error(`npm start failed: ${e.message}`);
  await stopAll(1);
}

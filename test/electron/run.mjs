// npm run test:electron: the extension tests inside a desktop VS Code (Electron) downloaded by
// @vscode/test-electron. Needs internet access (update.code.visualstudio.com) and a display (or xvfb-run),
// so it is not part of npm test or CI; the e2e suite covers the same ground offline in code-server.
import { runTests } from '@vscode/test-electron';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve('.');
const scratch = mkdtempSync(join(tmpdir(), 'sagemaker-asl-electron-'));
cpSync(join(root, 'examples'), join(scratch, 'workspace'), { recursive: true });
try {
  await runTests({
    version: process.env.VSCODE_VERSION ?? 'stable',
    extensionDevelopmentPath: root,
    extensionTestsPath: join(root, 'test/electron/suite.js'),
    launchArgs: [join(scratch, 'workspace'), '--disable-extensions', '--disable-workspace-trust', '--user-data-dir', join(scratch, 'user-data')],
  });
} catch (e) {
  console.error(`test:electron failed: ${e.message ?? e}`);
  process.exitCode = 1;
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

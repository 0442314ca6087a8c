// Starts what a user runs — the local SageMaker emulator and VS Code in the browser (code-server, installed
// into .e2e/ by scripts/setup.sh and run on its own pinned Node) with the packaged extension — for `npm start`
// and the e2e tests, and holds what the browser suites share (their folders, the workbench in Chromium, the
// screenshotted steps, opening a file).
// Each process is started in its own process group (code-server leaves file watchers behind otherwise) and
// stopped as a group; whatever is still running when Node exits is killed.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, openSync, closeSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { delimiter, dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { test } from 'node:test';
import { packageExtension } from '../../scripts/package.mjs';
import { startGuard } from './guard.mjs';

export const ROOT = process.cwd();
export const E2E_DIR = resolve(ROOT, '.e2e');
export const CHROMIUM = '/usr/bin/chromium';

/** The pinned code-servers: the newest (npm start, the e2e suite) and the oldest VS Code engines.vscode allows. */
const PINS = { current: 'test/e2e/code-server/package.json', oldest: 'test/e2e/code-server/oldest/package.json' };

/**
 * Where scripts/setup.sh put a pinned code-server and the Node runtime it runs on (its own, from the npm
 * registry, whatever Node runs this file). `installed` is false until setup finished that install.
 */
export function codeServerInstall(which = 'current') {
  const pin = JSON.parse(readFileSync(join(ROOT, PINS[which]), 'utf8'));
  const version = pin.dependencies['code-server'];
  const nodeVersion = pin.engines.node;
  const dir = join(E2E_DIR, `code-server-${version}`);
  return {
    which,
    version,
    nodeVersion,
    node: join(E2E_DIR, `node-${nodeVersion}`, 'bin', 'node'),
    entry: join(dir, 'node_modules/code-server/out/node/entry.js'),
    installed: existsSync(join(dir, `.installed-node-${nodeVersion}`)) && existsSync(join(E2E_DIR, `node-${nodeVersion}`, 'bin', 'node')),
  };
}

/** Settings that keep the workbench quiet and offline: no welcome page, tips, update checks, trust prompt. */
export const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'chat.disableAIFeatures': true,
  // Newer VS Code opens an (empty, with AI features off) secondary side bar, which narrows the editor and panel.
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  // One Output line per log line (the Output view wraps by default): tests read the lines one by one.
  '[Log]': { 'editor.wordWrap': 'off' },
  'git.enabled': false,
  'files.autoSave': 'off',
};

const groups = new Set();
process.on('exit', () => {
  for (const pid of groups) killGroup(pid, 'SIGKILL');
});
// A signal ends Node without 'exit': stop the groups then, unless the program has its own handler (npm start).
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (process.listenerCount(signal) > 1) return;
    process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1));
  });
}

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false; // no process left in the group
  }
}

/** SIGTERM to the whole group, then SIGKILL after `graceMs`; resolves when no process of it is left. */
export async function stopGroup(pid, graceMs = 5000) {
  if (!groups.has(pid)) return;
  killGroup(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (killGroup(pid, 0) && Date.now() < deadline) await sleep(100);
  if (killGroup(pid, 'SIGKILL')) while (killGroup(pid, 0)) await sleep(50);
  groups.delete(pid);
}

function startGroup(command, args, { env, logFile, stdout = 'file' } = {}) {
  const fd = logFile ? openSync(logFile, 'a') : 'ignore';
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    detached: true, // setsid: the child leads a new process group
    stdio: ['ignore', stdout === 'pipe' ? 'pipe' : fd, fd],
  });
  if (typeof fd === 'number') closeSync(fd);
  groups.add(child.pid);
  return child;
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * node dist/emulator.js on a free port; `stepMs` is the time between two job status changes, `account` the
 * account in the ARNs it makes (the emulator's default otherwise).
 */
export async function startEmulator({ stepMs = 1000, logFile, account } = {}) {
  if (!existsSync(join(ROOT, 'dist/emulator.js'))) throw new Error('dist/emulator.js is missing: run npm run build');
  const args = ['dist/emulator.js', '--port', '0', '--step-ms', String(stepMs), ...(account ? ['--account', account] : [])];
  const child = startGroup(process.execPath, args, { logFile, stdout: 'pipe' });
  const url = await new Promise((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error('the emulator did not start within 15 s')), 15_000);
    createInterface({ input: child.stdout }).on('line', (line) => {
      const m = /SageMaker emulator listening on (http:\/\/\S+)/.exec(line);
      if (m) {
        clearTimeout(timer);
        resolveUrl(m[1]);
      }
    });
    child.on('exit', (code) => (clearTimeout(timer), reject(new Error(`the emulator exited (${code})${logFile ? `, see ${logFile}` : ''}`))));
  });
  return { url, pid: child.pid, stop: () => stopGroup(child.pid) };
}

/** Whether code-server answers /healthz on its socket. */
const healthy = (socketPath) =>
  new Promise((resolve) => {
    const req = get({ socketPath, path: '/healthz', timeout: 2000 }, (res) => (res.resume(), resolve(res.statusCode === 200)));
    req.on('error', () => resolve(false));
    req.on('timeout', () => (req.destroy(), resolve(false)));
  });

/**
 * code-server with its state under `home` (settings, extensions, XDG dirs), `vsix` installed, serving `folder`.
 * Returns the workbench URL of the folder and `stop()`.
 */
export async function startCodeServer({ home, vsix, folder, settings = {}, env = {}, port, codeServer = 'current' }) {
  const cs = codeServerInstall(codeServer);
  if (!cs.installed) throw new Error(`code-server ${cs.version} on Node ${cs.nodeVersion} is not installed (.e2e/code-server-${cs.version}): run npm run setup`);
  const dirs = {
    userData: join(home, 'user-data'),
    extensions: join(home, 'extensions'),
    xdg: join(home, 'xdg'),
    tmp: join(home, 'tmp'),
  };
  for (const d of [join(dirs.userData, 'User'), join(dirs.userData, 'Machine'), dirs.extensions, join(dirs.xdg, 'config'), join(dirs.xdg, 'data'), join(dirs.xdg, 'cache'), dirs.tmp])
    mkdirSync(d, { recursive: true });
  // Both files: the workbench is a remote window, and newer VS Code (seen with 1.139) applies settings of
  // scope machine/machine-overridable (sagemakerAsl.aws.*) only from the remote machine's settings, ignoring
  // them in User settings — the extension then went to real AWS instead of the emulator.
  const json = JSON.stringify({ ...QUIET_SETTINGS, ...settings }, null, 2);
  writeFileSync(join(dirs.userData, 'User/settings.json'), json);
  writeFileSync(join(dirs.userData, 'Machine/settings.json'), json);
  const config = join(home, 'config.yaml');
  writeFileSync(config, 'auth: none\ncert: false\n');
  // XDG and TMPDIR keep code-server's config, logs, IPC sockets and device id out of $HOME and /tmp.
  // Its runtime first on PATH too, for anything it starts by name rather than by its own path.
  const childEnv = {
    PATH: `${dirname(cs.node)}${delimiter}${process.env.PATH ?? ''}`,
    XDG_CONFIG_HOME: join(dirs.xdg, 'config'),
    XDG_DATA_HOME: join(dirs.xdg, 'data'),
    XDG_CACHE_HOME: join(dirs.xdg, 'cache'),
    TMPDIR: dirs.tmp,
    ...env,
  };
  const common = ['--config', config, '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions];
  if (vsix) {
    rmSync(dirs.extensions, { recursive: true, force: true });
    mkdirSync(dirs.extensions, { recursive: true });
    const r = spawnSync(cs.node, [cs.entry, ...common, '--install-extension', vsix, '--force'], {
      env: { ...process.env, ...childEnv }, encoding: 'utf8', timeout: 120_000,
    });
    if (r.status !== 0) throw new Error(`code-server --install-extension ${vsix} failed:\n${r.stdout}${r.stderr}`);
  }
  const logFile = join(home, 'code-server.log');
  writeFileSync(logFile, '');
  // On a socket only this user can open, behind guard.mjs's door (Host, token, cookie): --auth none is no open IDE.
  const socketPath = join(dirs.tmp, 'code-server.sock');
  rmSync(socketPath, { force: true });
  const child = startGroup(cs.node, [cs.entry, ...common, '--auth', 'none', '--socket', socketPath, '--socket-mode', '600',
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override', folder], { env: childEnv, logFile });
  let exited = false;
  child.on('exit', () => (exited = true));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new Error(`code-server exited at start:\n${readFileSync(logFile, 'utf8')}`);
    if (Date.now() > deadline) throw new Error(`code-server did not answer on ${socketPath} (/healthz) within 60 s`);
    if (await healthy(socketPath)) break;
    await sleep(150);
  }
  let guard;
  try {
    guard = await startGuard({ socketPath, port: port ?? 0 });
  } catch (e) {
    stopGroup(child.pid);
    throw e;
  }
  const base = `http://127.0.0.1:${guard.port}`;
  return {
    base,
    url: `${base}/?folder=${encodeURIComponent(folder)}&${guard.query}`,
    pid: child.pid,
    logFile,
    stop: async () => {
      await guard.stop();
      return stopGroup(child.pid);
    },
  };
}

// ---- The browser suites (test/e2e/*.test.ts) ----

/** Under CI a browser suite fails when Chromium or code-server is missing; elsewhere it is skipped. */
export const CI = !!process.env.CI && !['0', 'false'].includes(process.env.CI.toLowerCase());

/**
 * A browser suite called `name`: its state (code-server's, Chromium's, the workspace, the VSIX) under
 * .e2e/<name>/, its screenshots in test-results/<name>/, and what it lacks of Chromium and the `codeServer` pin.
 * `skip` is the message it is skipped with (logged here) when something is missing outside CI, false otherwise.
 */
export function browserSuite({ name, codeServer = 'current', what }) {
  const cs = codeServerInstall(codeServer);
  const missing = [
    existsSync(CHROMIUM) ? undefined : CHROMIUM,
    cs.installed ? undefined : `code-server ${cs.version} (.e2e/code-server-${cs.version})`,
  ].filter(Boolean);
  const skip = missing.length && !CI ? `${what} skipped: ${missing.join(' and ')} not installed; run npm run setup` : false;
  if (skip) console.log(skip);
  const home = join(E2E_DIR, name);
  return { name, codeServer, cs, home, workspace: join(home, 'workspace'), shots: join(ROOT, 'test-results', name), missing, skip };
}

/**
 * The start of a suite's before(): fails (under CI) when something is missing, empties its state and screenshot
 * folders and copies examples/ into its workspace — a copy, because the steps edit files.
 */
export function freshWorkspace(suite) {
  if (suite.missing.length) throw new Error(`CI needs ${suite.missing.join(' and ')}: run scripts/setup.sh`);
  rmSync(suite.home, { recursive: true, force: true });
  rmSync(suite.shots, { recursive: true, force: true });
  mkdirSync(suite.shots, { recursive: true });
  cpSync(join(ROOT, 'examples'), suite.workspace, { recursive: true });
}

/**
 * The packaged extension installed in the suite's code-server (`settings` and `env` added) serving its workspace,
 * and Debian's Chromium with one page, not yet on the workbench (a step goes to `vscode.url`: the first load is
 * part of what is tested). `close()` closes the browser and stops code-server; whatever started before a failure
 * here is stopped before the error is thrown.
 */
export async function openWorkbench(suite, { settings, env } = {}) {
  const vsix = packageExtension({ out: join(suite.home, 'sagemaker-asl.vsix') });
  const vscode = await startCodeServer({ home: suite.home, vsix, folder: suite.workspace, settings, env, codeServer: suite.codeServer });
  let browser;
  try {
    // Loaded here: npm start, which imports this file too, drives no browser.
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      // Chromium's profile, crash reports and caches go under .e2e, not $HOME.
      env: { ...process.env, HOME: join(suite.home, 'chromium-home'), XDG_CONFIG_HOME: join(suite.home, 'xdg/config'), XDG_CACHE_HOME: join(suite.home, 'xdg/cache') },
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, colorScheme: 'dark' });
    page.setDefaultTimeout(30_000);
    const close = async () => {
      await browser.close().catch(() => {});
      await vscode.stop();
    };
    return { vscode, browser, page, close };
  } catch (e) {
    await browser?.close().catch(() => {});
    await vscode.stop();
    throw e;
  }
}

/**
 * `step(name, fn, timeout)`: one user-visible step, a test that leaves a numbered screenshot in the suite's
 * folder after it, or after its failure (-FAILED). `page()` is the suite's page, which exists once before() ran.
 */
export function stepper(suite, page) {
  let shot = 0;
  return (name, fn, timeout = 60_000) =>
    test(name, { timeout }, async () => {
      const file = join(suite.shots, `${String(++shot).padStart(2, '0')}-${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`);
      try {
        await fn();
        await page().screenshot({ path: `${file}.png` });
      } catch (e) {
        await page()?.screenshot({ path: `${file}-FAILED.png` }).catch(() => {});
        // Close whatever the step left open (widget, quick input, dialog), so the next step starts clean.
        for (let i = 0; i < 3; i++) await page()?.keyboard.press('Escape').catch(() => {});
        throw e;
      }
    });
}

/** The input of the open quick input (Quick Open, the Command Palette, a quick pick). */
export const quickInput = (page) => page.locator('.quick-input-widget input');

/** Opens `name` with Quick Open (Ctrl+P) and waits for its editor. */
export async function openFile(page, name) {
  await page.keyboard.press('Control+P');
  await quickInput(page).fill(name);
  // Click the row rather than Enter: Enter can still hit the unfiltered list of recently opened files.
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().click();
  await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor();
  await page.locator('.editor-group-container .monaco-editor .view-lines').first().waitFor();
}

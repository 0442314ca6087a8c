// The oldest VS Code the extension claims (package.json engines.vscode ^1.100.0): code-server 4.100.3 = VS Code
// 1.100.3, on its own Node 20, with the same packaged VSIX. A smoke test only — the extension activates, one
// diagnostic, one completion; the whole user journey runs in the newest VS Code (workbench.test.ts).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { packageExtension } from '../../scripts/package.mjs';
import { CHROMIUM, E2E_DIR, ROOT, codeServerInstall, startCodeServer, type Running } from './workbench.mjs';

const SHOTS = join(ROOT, 'test-results/e2e-oldest');
const HOME = join(E2E_DIR, 'e2e-oldest');
const WORKSPACE = join(HOME, 'workspace');
const CI = !!process.env.CI && !['0', 'false'].includes(process.env.CI.toLowerCase());
const cs = codeServerInstall('oldest');

const missing = [
  existsSync(CHROMIUM) ? undefined : CHROMIUM,
  cs.installed ? undefined : `code-server ${cs.version} (.e2e/code-server-${cs.version})`,
].filter(Boolean);
const skip = missing.length && !CI ? `oldest-VS Code smoke test skipped: ${missing.join(' and ')} not installed; run npm run setup` : false;
if (skip) console.log(skip);
const norm = (s: string) => s.replace(/\u00a0/g, ' ').replace(/\s+/g, ' ');

describe(`in the oldest supported VS Code (code-server ${cs.version})`, { skip }, () => {
  let vscode: Running & { url: string; logFile: string };
  let browser: Browser;
  let page: Page;

  const step = (name: string, fn: () => Promise<void>, timeout = 60_000) =>
    test(name, { timeout }, async () => {
      const file = join(SHOTS, name.replace(/[^a-z0-9]+/gi, '-').toLowerCase());
      try {
        await fn();
        await page.screenshot({ path: `${file}.png` });
      } catch (e) {
        await page?.screenshot({ path: `${file}-FAILED.png` }).catch(() => {});
        for (let i = 0; i < 3; i++) await page?.keyboard.press('Escape').catch(() => {});
        throw e;
      }
    });

  before(async () => {
    assert.deepEqual(missing, [], `CI needs ${missing.join(' and ')}: run scripts/setup.sh`);
    rmSync(HOME, { recursive: true, force: true });
    rmSync(SHOTS, { recursive: true, force: true });
    mkdirSync(SHOTS, { recursive: true });
    cpSync(join(ROOT, 'examples'), WORKSPACE, { recursive: true });
    const vsix = packageExtension({ out: join(HOME, 'sagemaker-asl.vsix') });
    // The VSIX states the minimum this test stands for.
    const { engines } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    assert.equal(engines.vscode.replace(/^\^/, '').split('.').slice(0, 2).join('.'), cs.version.replace(/^4\./, '1.').split('.').slice(0, 2).join('.'),
      `engines.vscode ${engines.vscode} and the oldest code-server ${cs.version} (test/e2e/code-server/oldest) must move together`);
    vscode = await startCodeServer({ home: HOME, vsix, folder: WORKSPACE, codeServer: 'oldest' });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      env: { ...process.env, HOME: join(HOME, 'chromium-home'), XDG_CONFIG_HOME: join(HOME, 'xdg/config'), XDG_CACHE_HOME: join(HOME, 'xdg/cache') },
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    });
    page = await browser.newPage({ viewport: { width: 1400, height: 900 }, colorScheme: 'dark' });
    page.setDefaultTimeout(30_000);
  }, { timeout: 240_000 });

  after(async () => {
    await browser?.close().catch(() => {});
    await vscode?.stop();
  });

  const quickInput = () => page.locator('.quick-input-widget input');
  async function openFile(name: string) {
    await page.keyboard.press('Control+P');
    await quickInput().fill(name);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().click();
    await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor();
    await page.locator('.editor-group-container .monaco-editor .view-lines').first().waitFor();
  }

  step('the extension activates and its diagnostic shows in Problems', async () => {
    await page.goto(vscode.url);
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'with-mistakes.asl.json' }).waitFor({ timeout: 60_000 });
    await openFile('with-mistakes.asl.json');
    await page.keyboard.press('Control+Shift+M');
    // Only the extension's language server produces this message: it shows once the extension has activated.
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'TrainingJobName "churn_xgb" must match' });
    await row.waitFor();
    assert.match(norm(await row.innerText()), /\[Ln 9, Col 28\]/);
  }, 180_000); // the first load of the workbench and the extension: slow on a busy machine

  step('completion offers an instance type', async () => {
    await openFile('batch-transform.asl.json');
    await page.keyboard.press('Control+F');
    await page.locator('.find-widget.visible textarea').first().fill('ml.c5.xlarge');
    await page.locator('.find-widget .matchesCount', { hasText: /^1 of/ }).waitFor();
    await page.keyboard.press('Escape');
    await page.keyboard.press('Delete'); // the cursor is now between the quotes of "InstanceType": ""
    await page.keyboard.press('Control+Space');
    await page.locator('.suggest-widget .monaco-list-row', { hasText: 'ml.m4.xlarge' }).first().waitFor();
    await page.keyboard.type('g5.2x');
    await page.locator('.suggest-widget .monaco-list-row.focused', { hasText: 'ml.g5.2xlarge' }).waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.suggest-widget.visible').waitFor({ state: 'hidden' });
    const line = page.locator('.editor-group-container .monaco-editor .view-line', { hasText: 'TransformResources' }).last();
    assert.match(norm(await line.innerText()), /"InstanceType": "ml\.g5\.2xlarge" \}/);
  });
});

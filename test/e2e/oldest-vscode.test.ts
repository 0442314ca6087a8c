// The oldest VS Code the extension claims (package.json engines.vscode ^1.100.0): code-server 4.100.3 = VS Code
// 1.100.3, on its own Node 20, with the same packaged VSIX. A smoke test only — the extension activates, one
// diagnostic, one completion; the whole user journey runs in the newest VS Code (workbench.test.ts).
import { after, before, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT, browserSuite, freshWorkspace, openFile, openWorkbench, stepper, type Workbench } from './workbench.mjs';

const suite = browserSuite({ name: 'e2e-oldest', codeServer: 'oldest', what: 'oldest-VS Code smoke test' });
const { cs, skip } = suite;
const norm = (s: string) => s.replace(/\u00a0/g, ' ').replace(/\s+/g, ' ');

describe(`in the oldest supported VS Code (code-server ${cs.version})`, { skip }, () => {
  let workbench: Workbench;
  let page: Page;
  const step = stepper(suite, () => page);

  before(async () => {
    freshWorkspace(suite);
    // The VSIX states the minimum this test stands for.
    const { engines } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    assert.equal(engines.vscode.replace(/^\^/, '').split('.').slice(0, 2).join('.'), cs.version.replace(/^4\./, '1.').split('.').slice(0, 2).join('.'),
      `engines.vscode ${engines.vscode} and the oldest code-server ${cs.version} (test/e2e/code-server/oldest) must move together`);
    workbench = await openWorkbench(suite);
    page = workbench.page;
  }, { timeout: 240_000 });

  after(async () => {
    await workbench?.close();
  });

  step('the extension activates and its diagnostic shows in Problems', async () => {
    await page.goto(workbench.vscode.url);
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'with-mistakes.asl.json' }).waitFor({ timeout: 60_000 });
    await openFile(page, 'with-mistakes.asl.json');
    await page.keyboard.press('Control+Shift+M');
    // Only the extension's language server produces this message: it shows once the extension has activated.
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'TrainingJobName "churn_xgb" must match' });
    await row.waitFor();
    assert.match(norm(await row.innerText()), /\[Ln 9, Col 28\]/);
  }, 180_000); // the first load of the workbench and the extension: slow on a busy machine

  step('completion offers an instance type', async () => {
    await openFile(page, 'batch-transform.asl.json');
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
    // The widget hides a frame before the editor renders the accepted text (workbench.test.ts says more).
    await page.locator('.editor-group-container .monaco-editor .view-line', { hasText: 'ml.g5.2xlarge' }).waitFor();
    const line = page.locator('.editor-group-container .monaco-editor .view-line', { hasText: 'TransformResources' }).last();
    assert.match(norm(await line.innerText()), /"InstanceType": "ml\.g5\.2xlarge" \}/);
  });
});

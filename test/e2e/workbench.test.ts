// The extension as a user meets it: the packaged VSIX installed in a real VS Code (code-server) in Debian's
// Chromium, driven with the keyboard and mouse, against the local SageMaker emulator. One workbench for the
// whole file; the steps run in order and each leaves a screenshot in test-results/e2e/.
import { after, before, describe } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT, browserSuite, freshWorkspace, openFile, openWorkbench, quickInput, startEmulator, stepper, type Running, type Workbench } from './workbench.mjs';

const suite = browserSuite({ name: 'e2e', what: 'e2e' });
const { shots: SHOTS, workspace: WORKSPACE, home: HOME, skip } = suite;

// README_IMAGES=1 also refreshes the README's screenshots in images/.
const README_IMAGES = process.env.README_IMAGES === '1';
const norm = (s: string) => s.replace(/\u00a0/g, ' ').replace(/[ \t]+/g, ' ');

describe('in VS Code (code-server) with the packaged extension', { skip }, () => {
  let emulator: Running & { url: string };
  let workbench: Workbench;
  let page: Page;
  const step = stepper(suite, () => page);

  const readmeShot = async (name: string) => {
    if (README_IMAGES) await page.screenshot({ path: join(ROOT, 'images', `${name}.png`) });
  };

  before(async () => {
    freshWorkspace(suite);
    // A SAM template and a standalone job spec, where such files live in a project (issue 18).
    mkdirSync(join(WORKSPACE, 'infra'));
    cpSync(join(ROOT, 'test/fixtures/templates/sam-training.yaml'), join(WORKSPACE, 'infra/template.yaml'));
    cpSync(join(ROOT, 'test/fixtures/jobspecs/churn.training-job.yaml'), join(WORKSPACE, 'infra/churn.training-job.yaml'));
    cpSync(join(ROOT, 'test/fixtures/templates/sam-two-machines.yaml'), join(WORKSPACE, 'infra/pipelines.yaml'));
    emulator = await startEmulator({ stepMs: 400, logFile: join(HOME, 'emulator.log') });
    workbench = await openWorkbench(suite, {
      settings: {
        'sagemakerAsl.aws.endpoint': emulator.url,
        'sagemakerAsl.aws.region': 'us-east-1',
        'sagemakerAsl.jobs.pollIntervalSeconds': 0.3,
      },
      env: { AWS_ACCESS_KEY_ID: 'AKIDEMULATOR', AWS_SECRET_ACCESS_KEY: 'emulator-secret', AWS_REGION: 'us-east-1' },
    });
    page = workbench.page;
  }, { timeout: 240_000 });

  after(async () => {
    await workbench?.close();
    await emulator?.stop();
  });

  const editorLine = (text: string) => page.locator('.editor-group-container .monaco-editor .view-line', { hasText: text });

  /** Puts the selection on the first occurrence of `text` in the editor (Find, then back to the editor). */
  async function select(text: string) {
    await page.keyboard.press('Control+F');
    await page.locator('.find-widget.visible textarea').first().fill(text);
    await page.locator('.find-widget .matchesCount', { hasText: /^1 of/ }).waitFor();
    // Enter (Find Next) selects the match even when the text was already in the Find input (seeded from the
    // word at the cursor, so filling it changed nothing and found nothing anew).
    await page.keyboard.press('Enter');
    // The keys that follow go to the editor only once the Find widget has closed and handed the focus back: a run
    // lost the Escape (the widget stayed open) and typed into nothing. Escape again until it is closed.
    for (let tries = 0; ; tries++) {
      await page.keyboard.press('Escape');
      try {
        await page.locator('.find-widget.visible').waitFor({ state: 'detached', timeout: 3000 });
        return;
      } catch (e) {
        if (tries === 4) throw e;
      }
    }
  }

  async function runCommand(title: string) {
    await page.keyboard.press('F1');
    await quickInput(page).fill(`>${title}`);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
    await page.keyboard.press('Enter');
  }

  async function outputContains(pattern: RegExp, timeout = 60_000) {
    await page.waitForFunction(
      // Runs in the page (the project's TypeScript has no DOM types).
      (source) => [...(globalThis as any).document.querySelectorAll('.output-view .view-lines')].some((e: any) => new RegExp(source).test((e.textContent ?? '').replace(/\u00a0/g, ' '))),
      pattern.source,
      { timeout },
    );
    return norm(await page.locator('.output-view .view-lines').first().innerText());
  }

  /**
   * Ctrl+. (Quick Fix…) until the action menu lists `title`. Under load the first keystroke sometimes opens no
   * menu at all although the light bulb shows (the request raced the editor's own code action update); the
   * keystroke is then repeated, as a user would.
   */
  async function quickFixMenu(title: string) {
    const row = page.locator('.action-widget .monaco-list-row', { hasText: title }).first();
    for (let attempt = 1; ; attempt++) {
      await page.keyboard.press('Control+.');
      try {
        await row.waitFor({ timeout: 10_000 });
        return;
      } catch (e) {
        if (attempt === 3) throw e;
      }
    }
  }

  /**
   * Waits until the Output view shows a line matching `present` and none containing `absent`: a filter applies
   * asynchronously, so this is how a step knows it did.
   */
  async function outputFiltered(present: RegExp, absent: string, timeout = 30_000) {
    await page.waitForFunction(
      ([source, gone]) => {
        const lines = [...(globalThis as any).document.querySelectorAll('.output-view .view-lines .view-line')].map((e: any) => (e.textContent ?? '').replace(/\u00a0/g, ' '));
        return lines.some((l: string) => new RegExp(source).test(l)) && !lines.some((l: string) => l.includes(gone));
      },
      [present.source, absent] as const,
      { timeout },
    );
  }

  step('the workbench opens the examples', async () => {
    await page.goto(workbench.vscode.url);
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'training-pipeline.asl.json' }).waitFor({ timeout: 60_000 });
  });

  step('a mistake shows in Problems with its message', async () => {
    await openFile(page, 'with-mistakes.asl.json');
    await page.keyboard.press('Control+Shift+M');
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'TrainingJobName "churn_xgb" must match' });
    await row.waitFor();
    const text = norm(await row.innerText()).replace(/\s+/g, ' ');
    assert.match(text, /TrainingJobName "churn_xgb" must match \[a-zA-Z0-9\]\(-\*\[a-zA-Z0-9\]\)\{0,62\}: letters, digits and hyphens/);
    assert.match(text, /\[Ln 9, Col 28\]/);
    const typo = page.locator('.markers-panel .monaco-list-row', { hasText: 'Unknown parameter "VolumeSizeInGb" in ResourceConfig. Did you mean "VolumeSizeInGB"?' });
    await typo.waitFor();
    await readmeShot('diagnostics');
  });

  step('completion offers and inserts an instance type', async () => {
    await openFile(page, 'batch-transform.asl.json');
    await select('ml.c5.xlarge');
    await page.keyboard.press('Delete'); // the cursor is now between the quotes of "InstanceType": ""
    await page.keyboard.press('Control+Space');
    await page.locator('.suggest-widget .monaco-list-row', { hasText: 'ml.m4.xlarge' }).first().waitFor();
    await page.keyboard.type('g5.2x');
    const item = page.locator('.suggest-widget .monaco-list-row.focused', { hasText: 'ml.g5.2xlarge' });
    await item.waitFor();
    await readmeShot('completion');
    await page.keyboard.press('Enter');
    await page.locator('.suggest-widget.visible').waitFor({ state: 'hidden' });
    // The widget hides when the item is accepted, a frame before the editor renders the new text: read the line
    // once it shows the inserted value (a run read it in between, with the typed "g5.2x" still on screen).
    await editorLine('ml.g5.2xlarge').waitFor();
    assert.match(norm(await editorLine('TransformResources').last().innerText()), /"InstanceType": "ml\.g5\.2xlarge" \}/);
  });

  step('hover shows the documentation', async () => {
    await select('MaxPayloadInMB');
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I'); // Show Hover
    const hover = page.locator('.monaco-hover', { hasText: 'MaxPayloadInMB' }).first();
    await hover.waitFor({ state: 'visible' });
    const text = norm(await hover.innerText());
    assert.match(text, /MaxPayloadInMB — integer, optional/);
    assert.match(text, /The maximum allowed size of the payload, in MB/);
    assert.match(text, /CreateTransformJob API reference/);
    await page.keyboard.press('Escape');
  });

  step('a quick fix clears an error', async () => {
    await openFile(page, 'with-mistakes.asl.json');
    // The fix is offered for the diagnostic, so first the diagnostic, then the selection on it.
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'TrainingJobName "churn_xgb"' }).waitFor();
    await select('churn_xgb');
    await quickFixMenu('Change to "churn-xgb"');
    await page.keyboard.press('Enter'); // the only fix here, focused (a click waits forever for the row to be "stable")
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'TrainingJobName "churn_xgb"' }).waitFor({ state: 'detached' });
    assert.match(norm(await editorLine('TrainingJobName').first().innerText()), /"TrainingJobName": "churn-xgb",/);
  });

  step('Fix All from the palette fixes the rest and says what it did', async () => {
    await runCommand('SageMaker: Fix All SageMaker Problems');
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'VolumeSizeInGb' }).waitFor({ state: 'detached' });
    assert.match(norm(await editorLine('ResourceConfig').first().innerText()), /"VolumeSizeInGB": 30 \}/);
    await page.locator('.statusbar-item', { hasText: 'Fix All made 1 change; no problems left' }).waitFor();
    // Again, with nothing left: it says so, in place of the first answer, instead of doing nothing in silence.
    await runCommand('SageMaker: Fix All SageMaker Problems');
    await page.locator('.statusbar-item', { hasText: 'Fix All found nothing to fix in this file' }).waitFor();
    await page.locator('.statusbar-item', { hasText: 'Fix All made 1 change' }).waitFor({ state: 'detached' });
    await page.screenshot({ path: join(SHOTS, 'fix-all.png') });
  });

  step('the Start Training Job CodeLens starts the job and the output follows it to Completed', async () => {
    await openFile(page, 'training-pipeline.asl.json');
    await page.locator('.codelens-decoration a', { hasText: 'Start Training Job' }).click();
    await page.locator('.quick-input-widget', { hasText: 'Execution input for this run' }).waitFor();
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Paste JSON' }).click();
    await page.locator('.quick-input-widget', { hasText: 'Execution input (JSON)' }).waitFor();
    await quickInput(page).fill(readFileSync(join(WORKSPACE, 'training-pipeline.input.json'), 'utf8').replace(/\s*\n\s*/g, ' '));
    await page.keyboard.press('Enter');
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor();
    const details = norm(await dialog.innerText());
    assert.match(details, /Start training job "churn-xgb-2026-11-22" from "Train model"\?/);
    assert.match(details, /Instances: ml\.m5\.xlarge × 1/);
    // The emulator is local: placeholder credentials, no AWS account, no bill (issue 19).
    assert.ok(details.includes(`local emulator at ${emulator.url} with placeholder credentials`), details);
    assert.doesNotMatch(details, /costs money|default credentials/);
    await page.screenshot({ path: join(SHOTS, 'confirm-training-job.png') });
    await dialog.locator('.monaco-button', { hasText: /^Start$/ }).click();
    await outputContains(/churn-xgb-2026-11-22: .*Completed/);
    const channel = await page.locator('.part.panel select.monaco-select-box').first().evaluate((el: any) => el.options[el.selectedIndex].text);
    assert.equal(channel, 'SageMaker Jobs');
    // The transitions, in order. The Output view only renders the lines in sight, so filter it down to the
    // status lines ("<name>: <Status> - <message>") first, as a user would.
    // VS Code trims each comma-separated filter term, so the filter is the job's own prefix ("<name>:"), which
    // the container's lines ("<name> | …") do not carry; the filter applies once those lines are gone.
    const filter = page.locator('.part.panel .viewpane-filter input');
    await filter.fill('churn-xgb-2026-11-22:');
    await outputFiltered(/churn-xgb-2026-11-22: Starting - /, 'churn-xgb-2026-11-22 |');
    const output = await outputContains(/churn-xgb-2026-11-22: .*Completed/);
    await page.screenshot({ path: join(SHOTS, 'training-job-transitions.png') });
    await readmeShot('training-job');
    await filter.fill('');
    const statuses = [...output.matchAll(/churn-xgb-2026-11-22: (\w+) - /g)].map((m) => m[1]);
    assert.deepEqual(statuses.filter((s, i) => s !== statuses[i - 1]), ['Starting', 'Downloading', 'Training', 'Uploading', 'Completed']);
  }, 120_000);

  step('a job launched with secrets shows none of them, and the status bar clears by itself when it completes', async () => {
    const secrets = ['sk-live-e2e-0123456789', 'hunter2-e2e-pw', 'hf_e2eabcdefghijklmnopqrstuvwxyz012345', 'wandb-e2e-0123456789abcdef'];
    writeFileSync(join(WORKSPACE, 'with-secrets.asl.json'), JSON.stringify({
      StartAt: 'Train with secrets',
      States: {
        'Train with secrets': {
          Type: 'Task',
          Resource: 'arn:aws:states:::sagemaker:createTrainingJob.sync',
          Parameters: {
            TrainingJobName: 'secrets-e2e',
            RoleArn: 'arn:aws:iam::111122223333:role/SageMakerExecutionRole',
            AlgorithmSpecification: { TrainingImage: '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1', TrainingInputMode: 'File' },
            HyperParameters: { hf_token: secrets[2], wandb_api_key: secrets[3], max_depth: '5' },
            Environment: { OPENAI_API_KEY: secrets[0], DB_PASSWD: secrets[1], TOKENIZER_NAME: 'bert-base-uncased' },
            OutputDataConfig: { S3OutputPath: 's3://ml-bucket/models' },
            ResourceConfig: { InstanceCount: 1, InstanceType: 'ml.m5.xlarge', VolumeSizeInGB: 30 },
            StoppingCondition: { MaxRuntimeInSeconds: 3600 },
          },
          End: true,
        },
      },
    }, null, 2));
    const shown = async () => norm(await page.locator('body').innerText());
    const noSecret = async (where: string) => {
      const text = await shown();
      for (const secret of secrets) assert.ok(!text.includes(secret), `${secret} is on screen (${where})`);
    };
    // The file itself shows its secrets in the editor; what the extension shows is checked once it is closed.
    // Opened from the Explorer: Quick Open's file list was cached before the file existed.
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'with-secrets.asl.json' }).click();
    await page.locator('.tabs-container .tab.active', { hasText: 'with-secrets.asl.json' }).waitFor();
    // Slow steps, so that the job is surely still running when the status bar is looked at.
    await fetch(`${emulator.url}/_emulator/config`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ stepMs: 3000 }) });
    // Every value of its request is written out: no execution input is asked for, the confirmation comes first.
    await page.locator('.codelens-decoration a', { hasText: 'Start Training Job' }).click();
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor();
    const details = norm(await dialog.innerText());
    assert.match(details, /Environment: OPENAI_API_KEY=\*{8}, DB_PASSWD=\*{8}, TOKENIZER_NAME=bert-base-uncased/);
    for (const secret of secrets) assert.ok(!details.includes(secret), `${secret} in the confirmation`);
    await dialog.locator('.monaco-button', { hasText: /^Start$/ }).click();
    const statusBar = page.locator('.statusbar-item', { hasText: 'SageMaker: 1 job' });
    await statusBar.waitFor();
    // From here on, what is on screen is the extension's. The tab's own close button: the palette's first
    // match for "View: Close Editor" can be another close command.
    const tab = page.locator('.tabs-container .tab', { hasText: 'with-secrets.asl.json' });
    await tab.locator('.tab-actions .action-label').click();
    await tab.waitFor({ state: 'detached' });
    const done = page.locator('.notification-toast', { hasText: 'SageMaker training job secrets-e2e: Completed' });
    await done.waitFor({ timeout: 60_000 });
    // Nobody has answered the completion notification, and the status bar no longer claims a running job.
    await statusBar.waitFor({ state: 'hidden', timeout: 10_000 });
    await noSecret('the output and the notification');
    // The container echoed its environment: show those lines, masked.
    const filter = page.locator('.part.panel .viewpane-filter input');
    await filter.fill('secrets-e2e |');
    await outputContains(/secrets-e2e \| DB_PASSWD=\*{8}/);
    await noSecret('the echoed environment');
    await filter.fill('');
    await done.locator('.codicon-notifications-clear').click().catch(() => page.keyboard.press('Escape'));
    // The secrets leave the workspace (and the Explorer of the later screenshots).
    rmSync(join(WORKSPACE, 'with-secrets.asl.json'));
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'with-secrets.asl.json' }).waitFor({ state: 'detached' });
  }, 120_000);

  step('Stop Job stops a running job', async () => {
    // Slow the emulator down so that the job is still running when the stop arrives.
    await fetch(`${emulator.url}/_emulator/config`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ stepMs: 4000 }) });
    await openFile(page, 'batch-transform.asl.json');
    await page.locator('.codelens-decoration a', { hasText: 'Start Transform Job' }).click();
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor();
    await dialog.locator('.monaco-button', { hasText: /^Start$/ }).click();
    await outputContains(/nightly-churn-scores: started/);
    await runCommand('SageMaker: Stop Job');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'nightly-churn-scores' }).click();
    const confirm = page.locator('.monaco-dialog-box', { hasText: 'Stop SageMaker transform job "nightly-churn-scores"?' });
    await confirm.waitFor();
    await confirm.locator('.monaco-button', { hasText: /^Stop Job$/ }).click();
    await outputContains(/nightly-churn-scores: .*Stopped/);
    const filter = page.locator('.part.panel .viewpane-filter input');
    await filter.fill('nightly-churn-scores: stop requested');
    await outputContains(/nightly-churn-scores: stop requested/, 10_000);
    await filter.fill('');
  }, 120_000);

  // The graph view (issue 17). A webview in code-server is an iframe (the host page) holding another (the
  // view's own page, #active-frame); frame locators wait for both.
  const graphView = () => page.frameLocator('iframe.webview').frameLocator('#active-frame');
  const graphNode = (id: string) => graphView().locator(`.node[data-id="${id}"]`);
  const graphEdge = (from: string, to: string) => graphView().locator(`.edge[data-from="${from}"][data-to="${to}"]`);
  /** The node ids on the graph, once there are `count` of them. */
  async function graphNodeIds(count: number): Promise<string[]> {
    const nodes = graphView().locator('.node[data-id]');
    await nodes.nth(count - 1).waitFor();
    await nodes.nth(count).waitFor({ state: 'detached' });
    return (await nodes.evaluateAll((els: any[]) => els.map((e) => e.getAttribute('data-id')))).sort();
  }

  step('Show Graph opens beside the editor with one node per state', async () => {
    // The Output panel would leave the graph a strip; a user reading a graph gives it the room.
    if (await page.locator('.part.panel').isVisible()) {
      await page.keyboard.press('Control+J');
      await page.locator('.part.panel').waitFor({ state: 'hidden' });
    }
    await openFile(page, 'training-pipeline.asl.json');
    await page.locator('.editor-actions .action-label[aria-label*="Show Graph"]').first().waitFor();
    await runCommand('SageMaker: Show Graph');
    await page.locator('.tabs-container .tab', { hasText: 'Graph: training-pipeline.asl.json' }).waitFor();
    // Beside: a second editor group, the text still in the first.
    assert.equal(await page.locator('.editor-group-container').count(), 2);
    assert.deepEqual(await graphNodeIds(3), ['/Register model', '/Score customers', '/Train model']);
    await graphEdge('/Train model', '/Register model').waitFor({ state: 'attached' });
    await graphEdge('/Register model', '/Score customers').waitFor({ state: 'attached' });
    assert.match(norm(await graphView().locator('#status').innerText()), /^3 states$/);
    assert.match(norm(await graphNode('/Train model').textContent() ?? ''), /Train model/);
  });

  step('clicking a node moves the editor cursor to its state', async () => {
    await graphNode('/Score customers').click();
    await graphView().locator('.node.selected[data-id="/Score customers"]').waitFor();
    // "Score customers": { is line 54 of the example.
    await page.locator('.statusbar-item', { hasText: /^Ln 54, Col \d+/ }).waitFor();
    await readmeShot('graph');
  });

  step('editing a Next in the text changes the edge', async () => {
    // The click on a node (the step before) moved the cursor from inside the graph's frame: put the keyboard back
    // in the text editor before typing.
    await page.locator('.monaco-editor .view-line', { hasText: '"ResultPath": null' }).first().click();
    await select('Next": "Score customers');
    // Only the name, without typing quotes (the editor would pair them): to the end of the match, then back
    // over the two words.
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Control+Shift+ArrowLeft');
    await page.keyboard.press('Control+Shift+ArrowLeft');
    await page.keyboard.type('Publish scores');
    await page.keyboard.press('Escape'); // whatever completion offered while typing
    await graphEdge('/Register model', '/?Publish scores').waitFor({ state: 'attached' });
    await graphEdge('/Register model', '/Score customers').waitFor({ state: 'detached' });
    assert.deepEqual(await graphNodeIds(4), ['/?Publish scores', '/Register model', '/Score customers', '/Train model']);
    assert.match(await graphNode('/?Publish scores').getAttribute('class') ?? '', /\bk-Missing\b/);
    // And back.
    await select('Publish scores');
    await page.keyboard.type('Score customers');
    await page.keyboard.press('Escape');
    await graphEdge('/Register model', '/Score customers').waitFor({ state: 'attached' });
    assert.deepEqual(await graphNodeIds(3), ['/Register model', '/Score customers', '/Train model']);
  });

  step('an error in a SageMaker task shows its badge on the graph', async () => {
    await graphNode('/Train model').locator('.badge').waitFor({ state: 'detached' });
    await select('VolumeSizeInGB');
    await page.keyboard.type('VolumeSizeInGb');
    await page.keyboard.press('Escape');
    const badge = graphNode('/Train model').locator('.badge.error');
    // The graph shows every version the server checks: on a busy machine a pause inside the typing gets its own
    // (`Unknown parameter "Volu"`). Wait for the whole word's.
    await badge.filter({ has: page.locator('title', { hasText: 'Unknown parameter "VolumeSizeInGb"' }) }).waitFor();
    assert.equal(norm(await badge.locator('text').textContent() ?? ''), '1');
    assert.match(await badge.locator('title').textContent() ?? '', /Unknown parameter "VolumeSizeInGb" in ResourceConfig/);
    assert.match(norm(await graphView().locator('#status').innerText()), /^3 states · 1 problem$/);
    await select('VolumeSizeInGb');
    await page.keyboard.type('VolumeSizeInGB');
    await page.keyboard.press('Escape');
    await badge.waitFor({ state: 'detached' });
  });

  step('the graph comes back after the window reloads, beside its document', async () => {
    // The edits above are undone but unsaved: VS Code's hot exit would restore the document from a backup it writes
    // a moment after the last keystroke (rehearsal: a reload that came first restored a version with the typo). The
    // text is the file's again: revert it, so the reload has nothing to restore.
    await runCommand('File: Revert File');
    await page.locator('.tabs-container .tab.active.dirty').waitFor({ state: 'detached' });
    await page.reload();
    // VS Code restores the panel (the extension's serializer) and the webview draws the document its state names.
    assert.deepEqual(await graphNodeIds(3), ['/Register model', '/Score customers', '/Train model']);
    await graphView().locator('#status', { hasText: /^\s*3 states\s*$/ }).waitFor();
  }, 120_000);

  /**
   * The Problems row with `message` at `position` ("Ln 63, Col 38"), its text. The view only renders the rows in
   * sight, so it is filtered down to the message first, as a user would.
   */
  async function problem(message: string, position: string) {
    if (!(await page.locator('.markers-panel').isVisible())) await page.keyboard.press('Control+Shift+M');
    const filter = page.locator('.part.panel .viewpane-filter input');
    await filter.fill(message);
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: message }).filter({ hasText: `[${position}]` });
    await row.waitFor();
    const text = norm(await row.innerText()).replace(/\s+/g, ' ');
    await filter.fill('');
    return text;
  }
  const activeLens = (title: string) => page.locator('.editor-group-container.active .codelens-decoration a', { hasText: title });

  step('a SAM template: its state machine is checked at the template\'s own lines, with the job lenses', async () => {
    await openFile(page, 'template.yaml');
    // In a !Sub string, the written text around ${Stage} is judged: a space is allowed nowhere in a job name.
    assert.match(await problem('TransformJobName "churn model ${Stage}" must match', 'Ln 63, Col 38'), /" " is allowed nowhere in it, whatever its placeholders stand for/);
    await problem('InstanceType "ml.m5.larg" is not a valid TrainingInstanceType', 'Ln 53, Col 31');
    // A DefinitionSubstitutions entry is checked where it is written.
    await problem('InstanceType "ml.c5.xlarg" is not a valid TransformInstanceType', 'Ln 34, Col 30');
    // Each Task's lens, above its state (scrolled to: the lenses out of sight are not shown).
    await select('Train:');
    await activeLens('Start Training Job').waitFor();
    await select('Score:');
    await activeLens('Start Transform Job').waitFor();
  });

  step('a standalone job spec: its request is checked, with a Start Training Job lens at the top', async () => {
    await openFile(page, 'churn.training-job.yaml');
    await activeLens('Start Training Job').waitFor();
    // One lens: counted until it holds (VS Code redraws the lenses when they are resolved again, and a count taken
    // in between read 0), then asserted.
    const lenses = page.locator('.editor-group-container.active .codelens-decoration a');
    for (let end = Date.now() + 10_000; (await lenses.count()) !== 1 && Date.now() < end; ) await page.waitForTimeout(200);
    assert.equal(await lenses.count(), 1);
    await problem('InstanceType "ml.m5.xlarg" is not a valid TrainingInstanceType', 'Ln 14, Col 17');
    await problem('HyperParameters value of "num_round" must be a string', 'Ln 9, Col 14');
  });

  step('a template with two state machines: the graph draws the one the cursor is in', async () => {
    await openFile(page, 'pipelines.yaml');
    // The command is offered once the server has said the YAML file holds state machines (the editor title button).
    await page.locator('.editor-group-container.active .editor-actions .action-label[aria-label*="Show Graph"]').first().waitFor();
    await runCommand('SageMaker: Show Graph');
    await page.locator('.tabs-container .tab', { hasText: 'Graph: pipelines.yaml (Nightly)' }).waitFor();
    // The graph opened beside, the keyboard still in the text: into the second machine.
    await select('Score:');
    await page.locator('.tabs-container .tab', { hasText: 'Graph: pipelines.yaml (Scoring)' }).waitFor();
    await select('Prepare:');
    await page.locator('.tabs-container .tab', { hasText: 'Graph: pipelines.yaml (Nightly)' }).waitFor();
  });

  // Last: the policy's editor group changes the layout the steps before rely on.
  step('Show IAM Policy opens the policy beside the machine, and another machine\'s in place of the one open (walk38: one more editor group each time)', async () => {
    const policies = page.locator('.tabs-container .tab', { hasText: 'iam-policy.json' });
    // An action of each machine's own job, as the policy writes it (case-sensitive: the machine's Resource has
    // sagemaker:createTransformJob.sync), so each wait is met only once that policy is on screen.
    const policyAction = (action: string) => page.locator('.editor-group-container .monaco-editor .view-line', { hasText: new RegExp(`"sagemaker:${action}"`) });
    await openFile(page, 'batch-transform.asl.json');
    await runCommand('SageMaker: Show IAM Policy for this State Machine');
    await policyAction('CreateTransformJob').first().waitFor();
    // Back to the machine's group (the policy took the focus), a second machine there, and the command again.
    await page.locator('.tabs-container .tab', { hasText: 'batch-transform.asl.json' }).first().click();
    await openFile(page, 'tuning-pipeline.asl.json');
    await runCommand('SageMaker: Show IAM Policy for this State Machine');
    await policyAction('CreateHyperParameterTuningJob').first().waitFor();
    for (let end = Date.now() + 10_000; (await policies.count()) !== 1 && Date.now() < end; ) await page.waitForTimeout(200);
    assert.equal(await policies.count(), 1);
    assert.equal(await policyAction('CreateTransformJob').count(), 0, 'the first machine\'s policy is still on screen');
  });
});

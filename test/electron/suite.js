// Runs inside VS Code's extension host (extensionTestsPath): the language features through VS Code's own
// commands, on the example workspace. Dependency-free: each check is an async function; run() rejects if any fails.
const assert = require('node:assert/strict');
const vscode = require('vscode');

const open = async (name) => {
  const uri = vscode.Uri.joinPath(vscode.workspace.workspaceFolders[0].uri, name);
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc);
  return doc;
};
const until = async (what, fn, ms = 20000) => {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 100))) {
    const value = await fn();
    if (value) return value;
  }
  throw new Error(`timed out waiting for ${what}`);
};
const positionOf = (doc, text, offset = 0) => doc.positionAt(doc.getText().indexOf(text) + offset);

const checks = {
  async 'the extension activates on a state machine'() {
    await open('batch-transform.asl.json');
    const ext = vscode.extensions.getExtension('sagemaker-asl.sagemaker-asl');
    assert.ok(ext, 'extension sagemaker-asl.sagemaker-asl is loaded');
    await until('activation', () => ext.isActive);
  },
  async 'a mistake gives a diagnostic with its message'() {
    const doc = await open('with-mistakes.asl.json');
    const diags = await until('diagnostics', () => vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'sagemaker').length && vscode.languages.getDiagnostics(doc.uri));
    const pattern = diags.find((d) => d.message.startsWith('TrainingJobName "churn_xgb" must match'));
    assert.ok(pattern, diags.map((d) => d.message).join('\n'));
    assert.equal(pattern.range.start.line, 8);
  },
  async 'completion offers the instance types'() {
    const doc = await open('batch-transform.asl.json');
    const list = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', doc.uri, positionOf(doc, '"ml.c5.xlarge"', 1));
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(labels.some((l) => l.includes('ml.g5.2xlarge')), labels.slice(0, 10).join(', '));
  },
  async 'hover shows the documentation'() {
    const doc = await open('batch-transform.asl.json');
    const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, positionOf(doc, 'MaxPayloadInMB', 2));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /maximum allowed size of the payload/);
  },
  async 'a CodeLens offers Start Training Job'() {
    const doc = await open('training-pipeline.asl.json');
    const lenses = await until('code lenses', () => vscode.commands.executeCommand('vscode.executeCodeLensProvider', doc.uri).then((l) => l?.length && l));
    assert.ok(lenses.some((l) => l.command?.command === 'sagemakerAsl.startTrainingJob'));
  },
};

exports.run = async () => {
  let failed = 0;
  for (const [name, check] of Object.entries(checks)) {
    try {
      await check();
      console.log(`ok - ${name}`);
    } catch (e) {
      failed++;
      console.error(`not ok - ${name}\n${e.stack}`);
    }
  }
  if (failed) throw new Error(`${failed} of ${Object.keys(checks).length} checks failed`);
};

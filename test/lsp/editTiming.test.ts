// The server checks a batch edit (a Replace All, a paste) without the pause in typing, skips the content event
// that follows a didOpen, and re-parses as each change arrives (server.ts, documentStore.ts prepare). Whatever the
// timing, the diagnostics it publishes for a version, and the quick fixes it offers on them, are those of a fresh
// open of the same text: compared by what the fixes write, not by offsets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { useServer } from './setup';
import { VALID_TRAINING } from '../unit/helpers';

const client = useServer();

const training = (i: number) => ({
  Type: 'Task',
  Resource: 'arn:aws:states:::sagemaker:createTrainingJob.sync',
  Parameters: { ...VALID_TRAINING, TrainingJobName: `train-${i}`, EnableManagedSpotTraining: i % 2 === 0 },
  ...(i < 19 ? { Next: `S${i + 1}` } : { End: true }),
});
const machine = JSON.stringify({ StartAt: 'S0', States: Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`S${i}`, training(i)])) }, null, 2);

let n = 0;
const uri = () => `file:///edit-timing/${n++}.asl.json`;

/**
 * The publish for exactly this version (the client's own wait accepts an unversioned one, as didClose sends). Never
 * published: fails after 15 s, as the client's own wait does (a liveness bound, not a speed one).
 */
async function diagnosticsOf(u: string, version: number): Promise<any[]> {
  for (let waited = 0; waited < 15_000; waited += 5) {
    const d = client.diagnostics.get(u);
    if (d && d.version === version) return d.diagnostics;
    await new Promise((res) => setTimeout(res, 5));
  }
  throw new Error(`no diagnostics for version ${version} of ${u}`);
}

/** Each diagnostic's message and range text, and the text each quick fix on it writes. */
async function fixesOf(u: string, text: string, diagnostics: any[]) {
  const doc = TextDocument.create(u, 'asl', 1, text);
  const out: string[] = [];
  for (const d of diagnostics) {
    out.push(`${d.code} ${JSON.stringify(text.slice(doc.offsetAt(d.range.start), doc.offsetAt(d.range.end)))} ${d.message}`);
    const actions = (await client.codeActions(u, d.range, [d])) ?? [];
    for (const a of actions) out.push(`  ${a.isPreferred ? '* ' : ''}${a.title}\n${TextDocument.applyEdits(doc, a.edit?.changes?.[u] ?? [])}`);
  }
  return out;
}

async function fresh(text: string) {
  const u = uri();
  const diagnostics = await client.open(u, 'asl', text);
  const fixes = await fixesOf(u, text, diagnostics);
  client.close(u);
  return fixes;
}

/** A Replace All as VS Code sends it: one didChange, every place, the last first. */
function replaceAll(doc: TextDocument, from: string, to: string) {
  const text = doc.getText();
  const changes: { range: any; text: string }[] = [];
  for (let i = text.indexOf(from); i >= 0; i = text.indexOf(from, i + from.length)) changes.push({ range: { start: doc.positionAt(i), end: doc.positionAt(i + from.length) }, text: to });
  return changes.reverse();
}

function send(doc: TextDocument, changes: { range: any; text: string }[]): TextDocument {
  const next = TextDocument.create(doc.uri, doc.languageId, doc.version + 1, TextDocument.applyEdits(doc, changes.map((c) => ({ range: c.range, newText: c.text }))));
  client.versions.set(doc.uri, next.version);
  client.notify('textDocument/didChange', { textDocument: { uri: doc.uri, version: next.version }, contentChanges: changes });
  return next;
}

test('a didChange right after didOpen, then Replace Alls of 20 places: each version checked as a fresh open', async () => {
  const u = uri();
  let doc = TextDocument.create(u, 'asl', 1, machine);
  client.versions.set(u, 1);
  client.notify('textDocument/didOpen', { textDocument: { uri: u, languageId: 'asl', version: 1, text: machine } });
  // Typing at once, before the open's check: an edit above every task moves them all.
  doc = send(doc, [{ range: { start: doc.positionAt(1), end: doc.positionAt(1) }, text: '"Comment": "moved",' }]);
  for (const [from, to] of [['3600', '7200'], ['"ml.m5.large"', '"ml.m5.larg"'], ['7200', '3600'], ['"ml.m5.larg"', '"ml.m5.large"'], ['false', 'true']]) {
    const changes = replaceAll(doc, from, to);
    assert.ok(changes.length >= 10, `${from}: ${changes.length} places`);
    doc = send(doc, changes);
    const edited = await fixesOf(u, doc.getText(), await diagnosticsOf(u, doc.version));
    assert.deepEqual(edited, await fresh(doc.getText()), `after replacing ${from} with ${to}`);
  }
  client.close(u);
});

test('closed and opened again at once with another text, then pasted into: checked as a fresh open', async () => {
  const u = uri();
  await client.open(u, 'asl', machine);
  client.close(u);
  const other = machine.replace(/"train-(\d+)"/g, '"train_$1"');
  client.versions.set(u, 1);
  client.notify('textDocument/didOpen', { textDocument: { uri: u, languageId: 'asl', version: 1, text: other } });
  let doc = TextDocument.create(u, 'asl', 1, other);
  assert.deepEqual(await fixesOf(u, other, await diagnosticsOf(u, 1)), await fresh(other));
  // A paste of more than 256 characters: a state's payload written again, with a mistake.
  const at = doc.getText().indexOf('"ResourceConfig"');
  const paste = `"ResourceConfig": ${JSON.stringify({ InstanceCount: 0, InstanceType: 'ml.m5.xlarge', VolumeSizeInGB: 10, VolumeKmsKeyId: 'k'.repeat(300) })}, "Unused": 1,`;
  doc = send(doc, [{ range: { start: doc.positionAt(at), end: doc.positionAt(at) }, text: paste }]);
  assert.deepEqual(await fixesOf(u, doc.getText(), await diagnosticsOf(u, doc.version)), await fresh(doc.getText()));
  client.close(u);
});

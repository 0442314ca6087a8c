// The built server (dist/server.js) over stdio, driven by random edit sequences with incremental sync: it never
// exits, answers requests in between, and the diagnostics it publishes for the final version of a document equal
// those of a fresh didOpen of the same text under a second URI.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
// @ts-expect-error: a plain ES module without types, vendored from the shared tools
import { LspClient } from '../lsp/lsp-client.mjs';
import { assertRange } from './checks';
import { checkAsync, fuzzParams, mutation, serialize, stateMachine, Tally, type Format } from './generators';

const root = join(__dirname, '..', '..', '..');
let client: any;
let uris = 0;

before(async () => {
  client = await LspClient.start(['node', 'dist/server.js', '--stdio'], root);
});
after(async () => {
  await client.stop();
});

/**
 * One change applied as the server must: both ends clamped into the document (offsetAt clamps a line past the end
 * to the end of the text), start and end in either order. TextDocument.update itself corrupts its line table on a
 * start past the last line, so it is not the reference.
 */
function applyClamped(doc: TextDocument, range: { start: any; end: any }, text: string): TextDocument {
  const a = doc.offsetAt(range.start);
  const b = doc.offsetAt(range.end);
  const old = doc.getText();
  return TextDocument.create(doc.uri, doc.languageId, doc.version, old.slice(0, Math.min(a, b)) + text + old.slice(Math.max(a, b)));
}

/** Sends one didChange with these content changes (applied in order, as LSP says) and returns the new document. */
function change(doc: TextDocument, changes: { range: any; text: string }[]): TextDocument {
  let next = doc;
  for (const c of changes) next = applyClamped(next, c.range, c.text);
  next = TextDocument.create(doc.uri, doc.languageId, doc.version + 1, next.getText());
  client.versions.set(doc.uri, next.version);
  client.notify('textDocument/didChange', { textDocument: { uri: doc.uri, version: next.version }, contentChanges: changes });
  return next;
}

const stripVolatile = (diagnostics: any[]) => diagnostics.map(({ range, severity, code, source, message }: any) => ({ range, severity, code, source, message }));

async function editsThenFreshOpen(format: Format, runs: number, t: import('node:test').TestContext) {
  const tally = new Tally();
  const params = fuzzParams(`lsp ${format}`, runs);
  t.diagnostic(`seed ${params.seed}, ${params.numRuns} runs (FUZZ_SEED / FUZZ_RUNS to change)`);
  await checkAsync(
    fc.asyncProperty(fc.gen(), async (g) => {
      const languageId = g(fc.constantFrom, ...(format === 'json' ? ['asl', 'json'] : ['asl-yaml', 'yaml']));
      const ext = format === 'json' ? 'asl.json' : 'asl.yaml';
      const uri = `file:///fuzz/edited-${uris++}.${ext}`;
      let doc = TextDocument.create(uri, languageId, 1, serialize(g, stateMachine(g), format));
      await client.open(uri, languageId, doc.getText());
      tally.add('documents');
      const log: unknown[] = [doc.getText()];
      const batches = g(fc.integer, { min: 1, max: 8 });
      for (let b = 0; b < batches; b++) {
        // One didChange may carry several changes; each range is of the text after the previous one.
        const changes: { range: any; text: string }[] = [];
        let text = doc.getText();
        // A copy: TextDocument.update changes the document it is given.
        let scratch = TextDocument.create(uri, languageId, doc.version, text);
        for (let i = g(fc.integer, { min: 1, max: 3 }); i > 0; i--) {
          const m = mutation(g, text, { huge: false });
          let range = { start: scratch.positionAt(m.at), end: scratch.positionAt(m.at + m.deleteCount) };
          // Now and then a client sends a position past the end of its line or of the document (the end, or both
          // ends: a start past the last line once corrupted the server's line table): both sides clamp it.
          const outside = g(fc.integer, { min: 0, max: 19 });
          if (outside === 0) range = { start: { line: range.start.line, character: range.start.character + 50 }, end: { line: range.end.line + 3, character: 0 } };
          if (outside === 1) range = { start: { line: scratch.lineCount + g(fc.integer, { min: 0, max: 5 }), character: g(fc.integer, { min: 0, max: 9 }) }, end: { line: range.end.line + 3, character: 0 } };
          if (outside === 2) range = { start: { line: scratch.lineCount + 998, character: 0 }, end: range.start };
          changes.push({ range, text: m.insert });
          scratch = applyClamped(scratch, range, m.insert);
          text = scratch.getText();
          tally.add('edits');
        }
        doc = change(doc, changes);
        log.push(changes);
        // Requests between edits, as an editor sends them while typing; they must be answered.
        const pick = g(fc.integer, { min: 0, max: 3 });
        if (pick > 0) {
          const position = doc.positionAt(g(fc.integer, { min: 0, max: doc.getText().length }));
          const method = ['textDocument/completion', 'textDocument/hover', 'textDocument/codeLens'][pick - 1];
          await client.request(method, { textDocument: { uri }, position });
          tally.add('requests');
        }
        if (g(fc.boolean)) {
          await client.diagnosticsFor(uri, 0);
          tally.add('waited-for-diagnostics');
        }
      }
      const edited = await client.diagnosticsFor(uri, 0);
      const freshUri = `file:///fuzz/fresh-${uris++}.${ext}`;
      const fresh = await client.open(freshUri, languageId, doc.getText());
      // Closed and opened again (versions start at 1 again), now and then with the text before the edits.
      let reopened = edited;
      /** didClose, and the empty diagnostics the server publishes for it received (else they pass for the reopen's). */
      const closeAndSettle = async () => {
        client.close(uri);
        await client.request('textDocument/hover', { textDocument: { uri: freshUri }, position: { line: 0, character: 0 } });
        client.diagnostics.delete(uri);
      };
      if (g(fc.boolean)) {
        await closeAndSettle();
        if (g(fc.boolean)) {
          await client.open(uri, languageId, log[0] as string);
          await closeAndSettle();
        }
        reopened = await client.open(uri, languageId, doc.getText());
        tally.add('reopened');
      }
      client.close(uri);
      client.close(freshUri);
      tally.add(edited.length ? 'with-diagnostics' : 'clean');
      assert.equal(client.proc.exitCode, null, 'the server is running');
      for (const d of edited) assertRange(doc, d.range, `diagnostic ${d.code}`);
      assert.deepEqual(stripVolatile(reopened), stripVolatile(fresh), 'diagnostics after closing and opening again equal those of a fresh open');
      assert.deepEqual(stripVolatile(edited), stripVolatile(fresh), `diagnostics after these edits equal a fresh open of the final text:\n${JSON.stringify(log).slice(0, 4000)}\nfinal text:\n${doc.getText().slice(0, 2000)}`);
    }),
    params,
  );
  t.diagnostic(`${format}: ${tally}`);
}

test('JSON over stdio: random incremental edits, then the diagnostics equal those of a fresh open', async (t) => {
  await editsThenFreshOpen('json', 60, t);
});

test('YAML over stdio: random incremental edits, then the diagnostics equal those of a fresh open', async (t) => {
  await editsThenFreshOpen('yaml', 30, t);
});

test('the server is still running and answers after the edit sequences', async () => {
  assert.equal(client.proc.exitCode, null);
  const uri = 'file:///fuzz/after.asl.json';
  const diags = await client.open(uri, 'asl', '{"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "arn:aws:states:::sagemaker:createTrainingJob.sync", "Parameters": {}, "End": true}}}');
  assert.ok(diags.some((d: any) => d.code === 'missing-required'));
  assert.doesNotMatch(client.stderr, /uncaught/);
});

// Property-based tests of the language service: generated state machines (JSON and YAML), broken by random
// edits, never make a feature throw, and every offset and range it answers lies inside the document. After a
// sequence of incremental edits the findings equal those of a fresh parse of the final text.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { Worker, isMainThread, parentPort } from 'node:worker_threads';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { findNodeAtOffset } from 'jsonc-parser';
import { getLanguageService } from '../../server/src/service/languageService';
import { apply, check, checkAsync, fuzzParams, mutation, serialize, stateMachine, Tally, type Format } from './generators';
import { answered, checkEverything } from './checks';

let uris = 0;
const EXPRESSION_CODES = new Set(['invalid-path', 'invalid-intrinsic', 'invalid-jsonata']);
const LANGUAGES: Record<Format, string[]> = { json: ['asl', 'json', 'jsonc'], yaml: ['asl-yaml', 'yaml'] };

function mutatedDocuments(format: Format, t: import('node:test').TestContext, runs: number) {
  const service = getLanguageService();
  const tally = new Tally();
  const params = fuzzParams(`service ${format}`, runs);
  const before = { ...answered };
  t.diagnostic(`seed ${params.seed}, ${params.numRuns} runs (FUZZ_SEED / FUZZ_RUNS to change)`);
  check(
    fc.property(fc.gen(), (g) => {
      let text = serialize(g, stateMachine(g), format);
      const edits = g(fc.integer, { min: 0, max: 4 });
      for (let i = 0; i < edits; i++) {
        const m = mutation(g, text);
        tally.add(`mutation:${m.kind}`);
        text = apply(text, m);
      }
      const languageId = g(fc.constantFrom, ...LANGUAGES[format]);
      // Random places, and places inside a payload where completion and hover have something to say.
      const offsets = Array.from({ length: 3 }, () => g(fc.integer, { min: 0, max: text.length }));
      const payload = Math.max(text.indexOf('Parameters'), text.indexOf('Arguments'));
      if (payload >= 0) {
        const marks = [...text.slice(payload).matchAll(/["{,:\n]/g)].map((m) => payload + m.index! + g(fc.integer, { min: 0, max: 2 }));
        for (let i = 0; i < 4 && marks.length; i++) offsets.push(Math.min(text.length, marks[g(fc.integer, { min: 0, max: marks.length - 1 })]));
      }
      const doc = TextDocument.create(`file:///fuzz/${uris++}`, languageId, 1, text);
      tally.add('documents');
      tally.add('requests', checkEverything(service, doc, offsets));
      const problems = service.validate(doc);
      tally.add(problems.length ? 'with-findings' : 'clean');
      // A finding in an expression (JSONPath, intrinsic, JSONata) lies inside the string that holds it.
      const root = service.parse(doc).root;
      for (const p of problems.filter((p) => EXPRESSION_CODES.has(p.code))) {
        tally.add('expression-findings');
        const node = root && findNodeAtOffset(root as any, p.offset, true);
        assert.ok(node && node.type === 'string', `${p.code} at ${p.offset} is on a string: ${JSON.stringify(text.slice(p.offset - 20, p.offset + 20))}`);
        assert.ok(p.offset >= node.offset && p.offset + p.length <= node.offset + node.length, `${p.code} [${p.offset}, +${p.length}] inside its string [${node.offset}, +${node.length}]: ${JSON.stringify(text.slice(node.offset - 40, node.offset + node.length + 10))} (${p.message})`);
      }
      if (problems.some((p) => p.code === 'syntax')) tally.add('syntax-error');
      if (problems.some((p) => p.code === 'too-large')) tally.add('too-deep');
      if (service.findTasks(doc).length) tally.add('with-sagemaker-tasks');
    }),
    params,
  );
  t.diagnostic(`${format}: ${tally} completion-items=${answered.completionItems - before.completionItems} hovers=${answered.hovers - before.hovers} diagnostics=${answered.diagnostics - before.diagnostics}`);
}

if (isMainThread) {
  test('JSON: random and mutated state machines — every feature answers, every range inside the document', (t) => mutatedDocuments('json', t, 200));
  test('YAML: random and mutated state machines — every feature answers, every range inside the document', (t) => mutatedDocuments('yaml', t, 150));
}

/** An edit as the editor sends it: a range of the current text and its replacement. */
function asChange(doc: TextDocument, at: number, deleteCount: number, insert: string) {
  return { range: { start: doc.positionAt(at), end: doc.positionAt(at + deleteCount) }, text: insert };
}

/**
 * The reference: a fresh open validated in a worker, i.e. by a separate instance of the service's modules. Caches
 * shared by every document of a process (findings per task text) cannot hide a stale answer there.
 */
let reference: Worker | undefined;
let requests = 0;
function freshInWorker(languageId: string, text: string): Promise<{ problems: unknown[]; tasks: unknown[] }> {
  reference ??= new Worker(__filename);
  const id = requests++;
  return new Promise((resolve, reject) => {
    const onMessage = (m: { id: number; problems: unknown[]; tasks: unknown[] }) => {
      if (m.id !== id) return;
      reference!.off('message', onMessage);
      resolve(m);
    };
    reference!.on('message', onMessage);
    reference!.once('error', reject);
    reference!.postMessage({ id, languageId, text });
  });
}
after(() => reference?.terminate());

if (!isMainThread) {
  const service = getLanguageService();
  let n = 0;
  parentPort!.on('message', ({ id, languageId, text }: { id: number; languageId: string; text: string }) => {
    const doc = TextDocument.create(`file:///reference/${n++}`, languageId, 1, text);
    parentPort!.postMessage({ id, problems: service.validate(doc), tasks: service.findTasks(doc) });
  });
}

function incrementalEqualsFresh(format: Format, t: import('node:test').TestContext, runs: number) {
  const service = getLanguageService();
  const tally = new Tally();
  const params = fuzzParams(`incremental ${format}`, runs);
  t.diagnostic(`seed ${params.seed}, ${params.numRuns} runs`);
  return checkAsync(
    fc.asyncProperty(fc.gen(), async (g) => {
      const languageId = g(fc.constantFrom, ...LANGUAGES[format]);
      let doc = TextDocument.create(`file:///fuzz/${uris++}`, languageId, 1, serialize(g, stateMachine(g), format));
      service.validate(doc);
      const edits = g(fc.integer, { min: 1, max: 12 });
      for (let i = 0; i < edits; i++) {
        const text = doc.getText();
        // Mostly typing (one character in or out, as keystrokes do), sometimes a bigger edit.
        let change;
        if (g(fc.boolean)) {
          const at = g(fc.integer, { min: 0, max: text.length });
          change = g(fc.boolean) || at === text.length
            ? asChange(doc, at, 0, g(fc.constantFrom, 'a', '1', '"', ',', '{', '}', '[', ']', ':', ' ', '\n', '-', '.', '$', 'é'))
            : asChange(doc, at, 1, '');
        } else {
          const m = mutation(g, text, { huge: false });
          change = asChange(doc, m.at, m.deleteCount, m.insert);
        }
        doc = TextDocument.update(doc, [change], doc.version + 1);
        tally.add('edits');
        // The server validates after a pause in typing: some versions are never looked at.
        if (g(fc.boolean)) service.validate(doc);
      }
      tally.add('documents');
      const fresh = await freshInWorker(languageId, doc.getText());
      // Through structured cloning, as the worker's answer came: undefined members dropped alike.
      const here = structuredClone({ problems: service.validate(doc), tasks: service.findTasks(doc) });
      assert.deepEqual(here.problems, fresh.problems, 'findings after the edits equal those of a fresh open');
      assert.deepEqual(here.tasks, fresh.tasks, 'tasks after the edits equal those of a fresh open');
    }),
    params,
  ).then(() => t.diagnostic(`${format}: ${tally}`));
}

if (isMainThread) {
  test('JSON: incremental edits give the findings of a fresh open of the final text', (t) => incrementalEqualsFresh('json', t, 200));
  test('YAML: incremental edits give the findings of a fresh open of the final text', (t) => incrementalEqualsFresh('yaml', t, 100));
}

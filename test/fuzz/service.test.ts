// Property-based tests of the language service: generated state machines (JSON and YAML), broken by random
// edits, never make a feature throw, and every offset and range it answers lies inside the document. After a
// sequence of incremental edits the findings equal those of a fresh parse of the final text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../../server/src/service/languageService';
import { apply, check, fuzzParams, mutation, serialize, stateMachine, Tally, type Format } from './generators';
import { checkEverything } from './checks';

let uris = 0;
const LANGUAGES: Record<Format, string[]> = { json: ['asl', 'json', 'jsonc'], yaml: ['asl-yaml', 'yaml'] };

function mutatedDocuments(format: Format, t: import('node:test').TestContext, runs: number) {
  const service = getLanguageService();
  const tally = new Tally();
  const params = fuzzParams(`service ${format}`, runs);
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
      const offsets = Array.from({ length: 3 }, () => g(fc.integer, { min: 0, max: text.length }));
      const doc = TextDocument.create(`file:///fuzz/${uris++}`, languageId, 1, text);
      tally.add('documents');
      tally.add('requests', checkEverything(service, doc, offsets));
      const problems = service.validate(doc);
      tally.add(problems.length ? 'with-findings' : 'clean');
      if (problems.some((p) => p.code === 'syntax')) tally.add('syntax-error');
      if (problems.some((p) => p.code === 'too-large')) tally.add('too-deep');
      if (service.findTasks(doc).length) tally.add('with-sagemaker-tasks');
    }),
    params,
  );
  t.diagnostic(`${format}: ${tally}`);
}

test('JSON: random and mutated state machines — every feature answers, every range inside the document', (t) => {
  mutatedDocuments('json', t, 300);
});

test('YAML: random and mutated state machines — every feature answers, every range inside the document', (t) => {
  mutatedDocuments('yaml', t, 150);
});

/** An edit as the editor sends it: a range of the current text and its replacement. */
function asChange(doc: TextDocument, at: number, deleteCount: number, insert: string) {
  return { range: { start: doc.positionAt(at), end: doc.positionAt(at + deleteCount) }, text: insert };
}

function incrementalEqualsFresh(format: Format, t: import('node:test').TestContext, runs: number) {
  const service = getLanguageService();
  const fresh = getLanguageService();
  const tally = new Tally();
  const params = fuzzParams(`incremental ${format}`, runs);
  t.diagnostic(`seed ${params.seed}, ${params.numRuns} runs`);
  check(
    fc.property(fc.gen(), (g) => {
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
      const final = doc.getText();
      const reference = TextDocument.create(`file:///fuzz/${uris++}`, languageId, 1, final);
      tally.add('documents');
      assert.deepEqual(service.validate(doc), fresh.validate(reference), 'findings after the edits equal those of a fresh open');
      const strip = (tasks: ReturnType<typeof service.findTasks>) => tasks.map((x) => ({ ...x }));
      assert.deepEqual(strip(service.findTasks(doc)), strip(fresh.findTasks(reference)), 'tasks after the edits equal those of a fresh open');
    }),
    params,
  );
  t.diagnostic(`${format}: ${tally}`);
}

test('JSON: incremental edits give the findings of a fresh open of the final text', (t) => {
  incrementalEqualsFresh('json', t, 300);
});

test('YAML: incremental edits give the findings of a fresh open of the final text', (t) => {
  incrementalEqualsFresh('yaml', t, 100);
});

// The server's open documents (textSync.ts SyncedDocument) answer as vscode-languageserver-textdocument's
// TextDocument does: after every random edit (single changes in and out of range, whole texts, Replace All batches
// across CR LF pairs, touching spans, inserted line breaks), its text, line count, positions, offsets and line
// ranges equal those of the library's document made afresh from the same text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { LineBlocks, SyncedDocument, updateDocument } from '../../server/src/textSync';

/** A seeded generator (mulberry32: the same sequence on every run): an integer in [0, n). */
function random(seed: number) {
  return (n: number) => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}
const PIECES = ['a', 'bc', ' ', '"k": 1,', '\n', '\r\n', '\r', '\r\r\n', '\n\r', 'é', '😀'];
/** A seeded generator and texts of n random pieces from it. */
function texts(seed: number) {
  const r = random(seed);
  return { r, text: (n: number) => Array.from({ length: n }, () => PIECES[r(PIECES.length)]).join('') };
}

function sameAsFresh(doc: SyncedDocument, what: string) {
  const text = doc.getText();
  const fresh = TextDocument.create('file:///fresh', 'json', 1, text);
  assert.equal(doc.lineCount, fresh.lineCount, `${what}: lineCount`);
  for (let o = -1; o <= text.length + 1; o++) assert.deepEqual(doc.positionAt(o), fresh.positionAt(o), `${what}: positionAt(${o}) of ${JSON.stringify(text)}`);
  for (let line = -1; line <= fresh.lineCount; line++) {
    for (let character = -1; character <= 6; character++) assert.equal(doc.offsetAt({ line, character }), fresh.offsetAt({ line, character }), `${what}: offsetAt(${line}:${character})`);
    assert.deepEqual(doc.getLineRange(line), fresh.getLineRange(line), `${what}: getLineRange(${line})`);
    assert.equal(doc.getEOLCharacters(line), fresh.getEOLCharacters(line), `${what}: getEOLCharacters(${line})`);
  }
}

test('after random edits, a SyncedDocument answers as a fresh TextDocument of the same text', () => {
  const { r, text } = texts(7);
  for (let run = 0; run < 60; run++) {
    let expected = text(r(30));
    const doc = SyncedDocument.create('file:///synced', 'json', 1, expected);
    for (let step = 0; step < 25; step++) {
      // Ask for the line table often, so that most edits update one rather than start from none.
      if (r(3)) void doc.lineCount;
      const fresh = TextDocument.create('file:///before', 'json', 1, expected);
      const kind = r(4);
      if (kind === 0) {
        // Whole text.
        expected = text(r(30));
        updateDocument(doc, [{ text: expected }], doc.version + 1);
      } else if (kind === 1) {
        // One change, its positions anywhere (past the end, negative, reversed).
        const pos = () => ({ line: r(fresh.lineCount + 2) - 1, character: r(8) - 1 });
        const start = pos(), end = pos();
        const inserted = text(r(3));
        const [a, b] = [fresh.offsetAt(start), fresh.offsetAt(end)].sort((x, y) => x - y);
        expected = expected.slice(0, a) + inserted + expected.slice(b);
        updateDocument(doc, [{ range: { start, end }, text: inserted }], doc.version + 1);
      } else {
        // A Replace All: non-overlapping spans, last to first (some touching, some empty, some around a CR LF).
        const cuts = Array.from({ length: 2 + 2 * r(4) }, () => r(expected.length + 1)).sort((x, y) => x - y);
        const spans: { start: number; end: number; text: string }[] = [];
        for (let i = 0; i + 1 < cuts.length; i += 2) spans.push({ start: cuts[i], end: cuts[i + 1], text: kind === 2 ? text(r(2)) : ['', 'x', 'yy'][r(3)] });
        spans.reverse();
        const changes = spans.map((s) => ({ range: { start: fresh.positionAt(s.start), end: fresh.positionAt(s.end) }, text: s.text }));
        // Positions inside a CR LF pair read back elsewhere; the batch is then applied change by change.
        const exact = spans.every((s) => fresh.offsetAt(fresh.positionAt(s.start)) === s.start && fresh.offsetAt(fresh.positionAt(s.end)) === s.end);
        if (!exact) continue;
        for (const s of spans) expected = expected.slice(0, s.start) + s.text + expected.slice(s.end);
        updateDocument(doc, changes, doc.version + 1);
      }
      assert.equal(doc.getText(), expected, `run ${run} step ${step}`);
      sameAsFresh(doc, `run ${run} step ${step}`);
    }
  }
});

test('a Replace All that keeps every line carries the line table over, moved by each span', () => {
  const lines = Array.from({ length: 50 }, (_, i) => `  "InstanceCount": ${i % 3},\r\n`).join('');
  const doc = SyncedDocument.create('file:///replace', 'json', 1, lines);
  void doc.lineCount;
  const fresh = TextDocument.create('file:///f', 'json', 1, lines);
  const changes = [];
  for (let i = lines.lastIndexOf('": 1,'); i >= 0; i = lines.lastIndexOf('": 1,', i - 1)) changes.push({ range: { start: fresh.positionAt(i + 3), end: fresh.positionAt(i + 4) }, text: '100' });
  updateDocument(doc, changes, 2);
  assert.equal(doc.getText(), lines.replaceAll('": 1,', '": 100,'));
  sameAsFresh(doc, 'replace all');
});

test('a batch sent first to last (each range in the text the change before left) is applied as the protocol applies it, one change after another', () => {
  const { r, text } = texts(11);
  // Without carriage returns in what is written, the batch goes the one-pass way; with them, change by change: both
  // must give what the library's document gives applying the changes in order.
  const written = ['', 'x', 'yy', '\n', 'a\nb', '\n\n', 'é😀', '\r\n', 'z\r'];
  for (let run = 0; run < 400; run++) {
    const original = text(r(40));
    const reference = TextDocument.create('file:///ref', 'json', 1, original);
    const doc = SyncedDocument.create('file:///synced', 'json', 1, original);
    if (r(2)) void doc.lineCount;
    const changes: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string }[] = [];
    let from = 0;
    for (let k = 0; k < 1 + r(6); k++) {
      const current = reference.getText();
      if (from > current.length) break;
      const a = from + r(current.length - from + 1);
      const b = a + r(current.length - a + 1);
      const change = { range: { start: reference.positionAt(a), end: reference.positionAt(b) }, text: written[r(written.length)] };
      changes.push(change);
      TextDocument.update(reference, [change], reference.version + 1);
      from = a + change.text.length;
    }
    updateDocument(doc, changes, 2);
    assert.equal(doc.getText(), reference.getText(), `run ${run}: ${JSON.stringify({ original, changes })}`);
    sameAsFresh(doc, `run ${run}`);
  }
});


/**
 * `original` as a SyncedDocument and as the library's document; `count` changes, each made by `change` (given a
 * position anywhere in the library's text as it then stands, or past it), applied to the library's document one
 * after another and to ours as one batch.
 */
function batchInAnyOrder(original: string, r: (n: number) => number, count: number, change: (pos: () => { line: number; character: number }) => TextDocumentContentChangeEvent) {
  const reference = TextDocument.create('file:///ref', 'json', 1, original);
  const doc = SyncedDocument.create('file:///synced', 'json', 1, original);
  if (r(2)) void doc.lineCount;
  const changes: TextDocumentContentChangeEvent[] = [];
  for (let k = 0; k < count; k++) {
    const next = change(() => ({ line: r(reference.lineCount + 2) - 1, character: r(8) - 1 }));
    changes.push(next);
    TextDocument.update(reference, [next], reference.version + 1);
  }
  updateDocument(doc, changes, 2);
  return { doc, reference, changes };
}

test('a batch in any order, its positions anywhere (past a line end, past the text, reversed), is applied as the library applies it, one change after another', () => {
  const { r, text } = texts(13);
  for (let run = 0; run < 600; run++) {
    const original = text(r(40));
    const { doc, reference, changes } = batchInAnyOrder(original, r, 2 + r(8), (pos) => (r(12) ? { range: { start: pos(), end: pos() }, text: text(r(3)) } : { text: text(r(10)) }));
    assert.equal(doc.getText(), reference.getText(), `run ${run}: ${JSON.stringify({ original, changes })}`);
    assert.equal(doc.version, 2);
    sameAsFresh(doc, `run ${run}`);
  }
});

test('a batch in any order over thousands of lines (the lines kept in blocks): applied as the library applies it', () => {
  const { r, text } = texts(17);
  const many = (n: number) => Array.from({ length: n }, (_, i) => (i % 7 ? `l${i}\n` : `m${i}\r\n`)).join('');
  for (let run = 0; run < 40; run++) {
    const original = many(1000 + r(4000)) + text(r(40));
    const { doc, reference } = batchInAnyOrder(original, r, 2 + r(40), (pos) => {
      // Some changes insert or remove more than a block of lines (1,024).
      const inserted = [text(r(3)), many(r(3000)), '\n'.repeat(r(1500)), ''][r(4)];
      const start = pos();
      const end = r(4) ? pos() : { line: start.line + r(2500), character: 0 };
      return r(30) ? { range: { start, end }, text: inserted } : { text: many(r(3000)) };
    });
    assert.equal(doc.getText(), reference.getText(), `run ${run}`);
    assert.equal(doc.lineCount, reference.lineCount);
    for (let k = 0; k < 50; k++) {
      const o = r(reference.getText().length + 1);
      assert.deepEqual(doc.positionAt(o), reference.positionAt(o));
    }
  }
});

test('the lines in blocks (blocks of 3 here, so every replacement crosses some): the same lines as one plain list', () => {
  const r = random(23);
  for (let run = 0; run < 200; run++) {
    let plain = Array.from({ length: 1 + r(60) }, (_, i) => `${run}.${i}`);
    const blocks = new LineBlocks(plain.slice(), 3);
    for (let step = 0; step < 40; step++) {
      const first = r(plain.length), last = first + r(Math.min(plain.length - first, 12));
      const pieces = Array.from({ length: r(2) ? r(4) : r(40) }, (_, i) => `${step}:${i}`);
      // The text always has a line: a replacement of every line by none is not made (inTurn never asks it).
      if (!pieces.length && last - first + 1 === plain.length) continue;
      plain = plain.slice(0, first).concat(pieces, plain.slice(last + 1));
      blocks.replace(first, last, pieces);
      assert.equal(blocks.length, plain.length);
      for (let i = 0; i < plain.length; i++) assert.equal(blocks.get(i), plain[i], `run ${run} step ${step} line ${i}`);
    }
    assert.deepEqual(blocks.all(), plain);
  }
});

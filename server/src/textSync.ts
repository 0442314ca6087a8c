// Text synchronisation for the server's TextDocuments manager: the open documents (SyncedDocument, the LSP's
// TextDocument with its line table), a didChange's changes applied to one (its ranges clamped, a Replace All in one
// pass), and whether a didChange is a batch edit rather than typing. The LSP wiring's, not the language service's:
// the service is handed whole documents.
import type { Position, Range, TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';

const CR = 13, LF = 10;
const isEOL = (c: number) => c === CR || c === LF;
const LINE_BREAK = /\r\n?|\n/g;

/** Where each line after the first of `text` starts, plus `base` ("\r\n", "\r" and "\n" end a line, as in the LSP). */
function lineBreaks(text: string, base: number, into: number[]): number[] {
  LINE_BREAK.lastIndex = 0;
  for (let m = LINE_BREAK.exec(text); m; m = LINE_BREAK.exec(text)) into.push(base + m.index + m[0].length);
  return into;
}

function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (isEOL(text.charCodeAt(i))) return true;
  return false;
}

/**
 * An open document: vscode-languageserver-textdocument's TextDocument (the same answers: test/unit/textSync.test.ts
 * holds it to that library on random edits), whose line table a Replace All carries over instead of reading the
 * whole text again, and which finds line breaks with a native regular expression instead of a character loop (on a
 * 2,000-state machine, 1.1 MB, each was about 7 ms of a Replace All's and of a first open's time: the bench's
 * Replace All row).
 */
export class SyncedDocument implements TextDocument {
  private lines: number[] | undefined;
  private constructor(readonly uri: string, readonly languageId: string, public version: number, private text: string) {}

  static create(uri: string, languageId: string, version: number, text: string): SyncedDocument {
    return new SyncedDocument(uri, languageId, version, text);
  }

  getText(range?: Range): string {
    return range ? this.text.substring(this.offsetAt(range.start), this.offsetAt(range.end)) : this.text;
  }

  get lineCount(): number {
    return this.lineStarts().length;
  }

  private lineStarts(): number[] {
    return (this.lines ??= lineBreaks(this.text, 0, [0]));
  }

  /** Before the line break that ends a line, if `offset` is inside or after it. */
  private beforeEOL(offset: number, lineStart: number): number {
    while (offset > lineStart && isEOL(this.text.charCodeAt(offset - 1))) offset--;
    return offset;
  }

  positionAt(offset: number): Position {
    offset = Math.max(Math.min(offset, this.text.length), 0);
    const lines = this.lineStarts();
    let low = 0, high = lines.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (lines[mid] > offset) high = mid;
      else low = mid + 1;
    }
    const line = low - 1;
    return { line, character: this.beforeEOL(offset, lines[line]) - lines[line] };
  }

  offsetAt(position: Position): number {
    const lines = this.lineStarts();
    if (position.line >= lines.length) return this.text.length;
    if (position.line < 0) return 0;
    const start = lines[position.line];
    if (position.character <= 0) return start;
    const next = position.line + 1 < lines.length ? lines[position.line + 1] : this.text.length;
    return this.beforeEOL(Math.min(start + position.character, next), start);
  }

  /** The range of line `line`, without its line break (clamped to the first and last line). */
  getLineRange(line: number): Range {
    const lines = this.lineStarts();
    if (line >= lines.length) {
      const last = lines.length - 1;
      return { start: { line: last, character: 0 }, end: { line: last, character: this.text.length - lines[last] } };
    }
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const start = lines[line];
    const next = line + 1 < lines.length ? lines[line + 1] : this.text.length;
    return { start: { line, character: 0 }, end: { line, character: this.beforeEOL(next, start) - start } };
  }

  /** The line break that ends line `line` ('' for the last line and outside the document). */
  getEOLCharacters(line: number): string {
    const lines = this.lineStarts();
    if (line < 0 || line >= lines.length) return '';
    const next = line + 1 < lines.length ? lines[line + 1] : this.text.length;
    return this.text.substring(this.beforeEOL(next, lines[line]), next);
  }

  /** The whole text replaced; `lines`, when the caller knows the new line table. */
  replaceAll(text: string, version: number, lines?: number[]) {
    this.text = text;
    this.lines = lines;
    this.version = version;
  }

  /** One change applied to the text between two offsets, the line table kept up to date (as the library does). */
  replaceRange(start: number, end: number, inserted: string) {
    const old = this.lines;
    const startLine = old && this.positionAt(start).line;
    const endLine = old && this.positionAt(end).line;
    this.text = this.text.substring(0, start) + inserted + this.text.substring(end);
    if (!old) return;
    const insertedEnd = start + inserted.length;
    // A CR LF pair made across the change's edge is one line break where the table had two (or none): read again.
    if ((this.text.charCodeAt(start - 1) === CR && this.text.charCodeAt(start) === LF) || (this.text.charCodeAt(insertedEnd - 1) === CR && this.text.charCodeAt(insertedEnd) === LF)) {
      this.lines = undefined;
      return;
    }
    const lines = lineBreaks(inserted, start, old.slice(0, startLine! + 1));
    const diff = inserted.length - (end - start);
    for (let i = endLine! + 1; i < old.length; i++) lines.push(old[i] + diff);
    this.lines = lines;
  }

  /**
   * Non-overlapping spans (in descending order, as a Replace All sends them) replaced in one pass. When no replaced
   * or inserted text holds a line break, no span sits between the CR and the LF of a pair (they would part or meet)
   * and no two spans touch, every line keeps its start, moved by what the spans before it added or removed: the
   * line table is carried over.
   */
  replaceSpans(spans: { start: number; end: number; text: string }[], version: number) {
    const old = this.text;
    const parts: string[] = [];
    let tail = old.length;
    let keepsLines = !!this.lines;
    for (const s of spans) {
      if (keepsLines && (s.end === tail || (old.charCodeAt(s.start - 1) === CR && old.charCodeAt(s.end) === LF) || hasLineBreak(old, s.start, s.end) || hasLineBreak(s.text, 0, s.text.length))) keepsLines = false;
      parts.push(old.slice(s.end, tail), s.text);
      tail = s.start;
    }
    parts.push(old.slice(0, tail));
    const text = parts.reverse().join('');
    if (!keepsLines) return this.replaceAll(text, version);
    const lines = this.lines!.slice();
    // Spans ascending; a line start after a span moves by that span's change. (A span cannot end at a line start,
    // which follows a line break, unless it is empty: text inserted there begins the line, which stays where it was.)
    let delta = 0;
    let k = spans.length - 1;
    for (let i = 0; i < lines.length; i++) {
      while (k >= 0 && spans[k].end < lines[i]) {
        delta += spans[k].text.length - (spans[k].end - spans[k].start);
        k--;
      }
      lines[i] += delta;
    }
    this.replaceAll(text, version, lines);
  }
}

/** A position a client sent as whole numbers (0 for what is not a number); not yet clamped into a text. */
function wholePosition(p: Position | undefined): [number, number] {
  return [Number.isFinite(p?.line) ? Math.trunc(p!.line) : 0, Number.isFinite(p?.character) ? Math.trunc(p!.character) : 0];
}

/** The offset of a position a client sent, clamped into the document (past the end, negative or not a number). */
function clampedOffset(doc: SyncedDocument, p: Position | undefined): number {
  const [line, character] = wholePosition(p);
  if (line < 0) return 0;
  if (line >= doc.lineCount) return doc.getText().length;
  return doc.offsetAt({ line, character: Math.max(0, character) });
}

const samePosition = (p: Position, q: Position) => p.line === q.line && p.character === q.character;

/**
 * Applies a didChange's changes to a document (the `update` of TextDocuments). Each range is clamped into the
 * document first: TextDocument.update keeps its line table right only for ranges inside the text, and a client may
 * send any. A batch whose ranges come last-to-first without overlapping (how editors send a Replace All) is applied
 * in one pass, as one new text; applied one by one, each change copied the whole text, 800 changes on 2,000 states
 * took a second. Any other batch is applied change by change, as the protocol says.
 */
export function updateDocument(doc: SyncedDocument, changes: TextDocumentContentChangeEvent[], version: number): SyncedDocument {
  const spans: { start: number; end: number; text: string }[] = [];
  let descending = changes.length > 1;
  for (const c of changes) {
    if (!descending) break;
    if (typeof c.text !== 'string' || !('range' in c) || !c.range) {
      descending = false;
      break;
    }
    const a = clampedOffset(doc, c.range.start);
    const b = clampedOffset(doc, c.range.end);
    // Read against the text before the batch, a range is right only if it needed no clamping there: clamped to a
    // line's end, it may have meant a place in the text an earlier change of the batch inserted.
    if (!samePosition(doc.positionAt(a), c.range.start) || !samePosition(doc.positionAt(b), c.range.end)) {
      descending = false;
      break;
    }
    const [start, end] = a <= b ? [a, b] : [b, a];
    if (spans.length && end > spans[spans.length - 1].start) descending = false;
    spans.push({ start, end, text: c.text });
  }
  if (descending) {
    doc.replaceSpans(spans, version);
    return doc;
  }
  const ascending = ascendingSpans(doc, changes);
  if (ascending) {
    doc.replaceSpans(ascending.reverse(), version);
    return doc;
  }
  if (changes.length > 1) {
    const [text, lines] = inTurn(doc, changes);
    doc.replaceAll(text, version, lines);
    return doc;
  }
  for (const c of changes) {
    if (typeof c?.text !== 'string') continue; // not a change: nothing to apply
    if (!('range' in c) || !c.range) {
      doc.replaceAll(c.text, version);
      continue;
    }
    const a = clampedOffset(doc, c.range.start);
    const b = clampedOffset(doc, c.range.end);
    doc.replaceRange(Math.min(a, b), Math.max(a, b), c.text);
  }
  doc.version = version;
  return doc;
}

/** A text cut into its lines, each with its line break (the last line has none and may be empty). */
function linesOf(text: string): string[] {
  const starts = lineBreaks(text, 0, [0]);
  return starts.map((start, i) => text.slice(start, i + 1 < starts.length ? starts[i + 1] : text.length));
}

/** A line's length without its line break. */
function contentLength(line: string): number {
  let n = line.length;
  while (n > 0 && isEOL(line.charCodeAt(n - 1))) n--;
  return n;
}

/**
 * A batch applied change by change, as the protocol says (each range read in the text the change before left,
 * clamped as `clampedOffset` clamps), over the text's lines rather than the whole text: each change rewrites only the
 * lines it touches. A copy of the whole text and of its line table per change took 8 s for 1,000 changes on 1.6 MB
 * (a client's batch in no order, or clamped past a line's end); this takes milliseconds. The new text and its line
 * table.
 */
function inTurn(doc: SyncedDocument, changes: readonly TextDocumentContentChangeEvent[]): [string, number[]] {
  let lines = new LineBlocks(linesOf(doc.getText()));
  // A position as a line and a column inside it, clamped into the text.
  const at = (p: Position | undefined): [number, number] => {
    const [line, character] = wholePosition(p);
    if (line < 0) return [0, 0];
    if (line >= lines.length) return [lines.length - 1, lines.get(lines.length - 1).length];
    return [line, Math.max(0, Math.min(character, contentLength(lines.get(line))))];
  };
  for (const c of changes) {
    if (typeof c?.text !== 'string') continue; // not a change: nothing to apply
    if (!('range' in c) || !c.range) {
      lines = new LineBlocks(linesOf(c.text));
      continue;
    }
    let [[l0, c0], [l1, c1]] = [at(c.range.start), at(c.range.end)];
    if (l1 < l0 || (l1 === l0 && c1 < c0)) [l0, c0, l1, c1] = [l1, c1, l0, c0];
    let region = lines.get(l0).slice(0, c0) + c.text + lines.get(l1).slice(c1);
    // A CR ending the line before and an LF beginning the change are one line break now. (The region's end keeps the
    // line break that ended line l1, which the next line followed before: nothing can join there.)
    if (l0 > 0 && region.charCodeAt(0) === LF) {
      const previous = lines.get(l0 - 1);
      if (previous.charCodeAt(previous.length - 1) === CR) region = lines.get(--l0) + region;
    }
    const pieces = linesOf(region);
    // The region ends with its last line's break unless that line is the text's last: no empty line after it then.
    if (l1 + 1 < lines.length) pieces.pop();
    lines.replace(l0, l1, pieces);
  }
  const all = lines.all();
  const starts: number[] = [0];
  let offset = 0;
  for (let i = 0; i + 1 < all.length; i++) starts.push((offset += all[i].length));
  return [all.join(''), starts];
}

/**
 * A list of lines kept in blocks of at most BLOCK_LINES, so replacing lines costs the blocks it touches and a walk
 * over the blocks, not a shift of every line after them: one array of every line made a batch of 200 changes, each
 * inserting 10,000 lines in no order, take 18 s.
 */
const BLOCK_LINES = 1024;
export class LineBlocks {
  private blocks: string[][] = [];
  length = 0;

  /** `blockLines`: tests pass a small one, so that every change crosses blocks. */
  constructor(lines: string[], private readonly blockLines = BLOCK_LINES) {
    this.blocks = this.cut(lines);
    this.length = lines.length;
  }

  private cut(lines: string[]): string[][] {
    const blocks: string[][] = [];
    for (let i = 0; i < lines.length; i += this.blockLines) blocks.push(lines.slice(i, i + this.blockLines));
    return blocks;
  }

  /** The block holding line `line` and the line's index in it. */
  private locate(line: number): [number, number] {
    let b = 0;
    for (; b < this.blocks.length - 1 && line >= this.blocks[b].length; b++) line -= this.blocks[b].length;
    return [b, line];
  }

  get(line: number): string {
    const [b, i] = this.locate(line);
    return this.blocks[b][i];
  }

  /** Lines `first` to `last` (both included) replaced by `pieces`. */
  replace(first: number, last: number, pieces: string[]) {
    const [b0, i0] = this.locate(first);
    const [b1, i1] = this.locate(last);
    const merged = this.blocks[b0].slice(0, i0).concat(pieces, this.blocks[b1].slice(i1 + 1));
    const cut = this.cut(merged);
    // Never without a block: the text's one (empty) line is a line.
    this.blocks = this.blocks.slice(0, b0).concat(cut.length ? cut : [[]], this.blocks.slice(b1 + 1));
    this.length += pieces.length - (last - first + 1);
    // Many small changes leave many small blocks, and every look-up walks them: cut again when they are over twice
    // as many as full blocks would be (at most once per that many changes).
    if (this.blocks.length > 2 * Math.ceil(this.length / this.blockLines) + 16) this.blocks = this.cut(this.all());
  }

  all(): string[] {
    const lines: string[] = [];
    for (const block of this.blocks) for (const line of block) lines.push(line);
    return lines;
  }
}

/**
 * A batch whose changes come first-to-last (each range after where the one before ended, in the text as that one left
 * it, as a client may send a Replace All), read back into the text before the batch: one pass instead of one copy
 * of the whole text per change (5,000 changes on 1.5 MB took 13 s). Each position is moved back by what the changes
 * before it did: the lines they added or removed, and on the line where the last one ended, the columns. Undefined
 * (change by change, as the protocol says) where that is not exact: a whole-text change, a position the text before
 * the batch does not have as written, a carriage return written or a boundary beside one.
 */
function ascendingSpans(doc: SyncedDocument, changes: readonly TextDocumentContentChangeEvent[]): { start: number; end: number; text: string }[] | undefined {
  if (changes.length < 2) return undefined;
  const text = doc.getText();
  const spans: { start: number; end: number; text: string }[] = [];
  // Where the last change ended, now (line, column) and before the batch (line); past it, lines moved by lineDelta.
  let endLine = -1, endColumn = 0, endLineBefore = 0, columnDelta = 0, lineDelta = 0, lastEnd = 0;
  const before = (p: Position): Position | undefined => {
    if (!Number.isInteger(p?.line) || !Number.isInteger(p?.character) || p.line < endLine || (p.line === endLine && p.character < endColumn)) return undefined;
    return p.line === endLine ? { line: endLineBefore, character: p.character - columnDelta } : { line: p.line - lineDelta, character: p.character };
  };
  for (const c of changes) {
    if (typeof c?.text !== 'string' || !('range' in c) || !c.range || c.text.includes('\r')) return undefined;
    const { start, end } = c.range;
    if (end.line < start.line || (end.line === start.line && end.character < start.character)) return undefined;
    const s = before(start), e = before(end);
    if (!s || !e) return undefined;
    const a = doc.offsetAt(s), b = doc.offsetAt(e);
    if (a < lastEnd || !samePosition(doc.positionAt(a), s) || !samePosition(doc.positionAt(b), e)) return undefined;
    // A boundary right after a carriage return could part a CR LF pair or make one (nothing written holds a CR).
    if (text.charCodeAt(a - 1) === CR || text.charCodeAt(b - 1) === CR) return undefined;
    spans.push({ start: a, end: b, text: c.text });
    lastEnd = b;
    const breaks = c.text.split('\n').length - 1;
    endLine = start.line + breaks;
    endColumn = breaks ? c.text.length - c.text.lastIndexOf('\n') - 1 : start.character + c.text.length;
    endLineBefore = e.line;
    columnDelta = endColumn - e.character;
    lineDelta = endLine - e.line;
  }
  return spans;
}

/**
 * Whether a didChange is a batch edit rather than typing: more than 16 changes (a Replace All), or more than 256
 * characters written into ranges (a paste, a refactoring). Typing sends one change per cursor of a few characters;
 * a client that sends the whole text each time (no range) is typing too.
 */
export function isBatchEdit(changes: unknown): boolean {
  if (!Array.isArray(changes)) return false;
  if (changes.length > 16) return true;
  let written = 0;
  for (const c of changes) if (c && typeof c === 'object' && c.range && typeof c.text === 'string') written += c.text.length;
  return written > 256;
}

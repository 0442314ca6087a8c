// Text synchronisation for the server's TextDocuments manager: a didChange's changes applied to a document (its
// ranges clamped, a Replace All in one pass), and whether a didChange is a batch edit rather than typing. The LSP
// wiring's, not the language service's: the service is handed whole documents.
import { TextDocument, type Position, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';

/** The offset of a position a client sent, clamped into the document (past the end, negative or not a number). */
function clampedOffset(doc: TextDocument, p: Position | undefined): number {
  const line = Number.isFinite(p?.line) ? Math.trunc(p!.line) : 0;
  const character = Number.isFinite(p?.character) ? Math.trunc(p!.character) : 0;
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
export function updateDocument(doc: TextDocument, changes: TextDocumentContentChangeEvent[], version: number): TextDocument {
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
    const old = doc.getText();
    const parts: string[] = [];
    let tail = old.length;
    for (const s of spans) {
      parts.push(old.slice(s.end, tail), s.text);
      tail = s.start;
    }
    parts.push(old.slice(0, tail));
    return TextDocument.update(doc, [{ text: parts.reverse().join('') }], version);
  }
  for (const c of changes) {
    if (typeof c?.text !== 'string') continue; // not a change: nothing to apply
    if (!('range' in c) || !c.range) {
      TextDocument.update(doc, [{ text: c.text }], version);
      continue;
    }
    const a = clampedOffset(doc, c.range.start);
    const b = clampedOffset(doc, c.range.end);
    const range = { start: doc.positionAt(Math.min(a, b)), end: doc.positionAt(Math.max(a, b)) };
    TextDocument.update(doc, [{ range, text: c.text }], version);
  }
  return TextDocument.update(doc, [], version);
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

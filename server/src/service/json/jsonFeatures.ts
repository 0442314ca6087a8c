// The generic JSON features users expect in any JSON editor — formatting, folding, smart selection — come from
// vscode-json-languageservice rather than a second implementation. They apply to JSON state machines only.
import type { FormattingOptions, LanguageService } from 'vscode-json-languageservice';
import type { TextDocument, Position } from 'vscode-languageserver-textdocument';
import type { FoldingRange, Range, SelectionRange, TextEdit } from 'vscode-languageserver-types';

let service: LanguageService | undefined;
/**
 * Loaded on the first request, not at server start (keeps the time to first diagnostics short): a synchronous
 * require, because the features are synchronous and esbuild bundles it like an import.
 */
function jsonService(): LanguageService {
  service ??= (require('vscode-json-languageservice') as typeof import('vscode-json-languageservice')).getLanguageService({});
  return service;
}

/** The widest indentation a formatting request gets: a workspace setting reaches here unchecked (tabSize 1e8 ran out of memory). */
const MAX_TAB_SIZE = 32;

/** Formatting options as a client may send them, made safe: a tab size in 1..MAX_TAB_SIZE, booleans that are booleans. */
function safeFormattingOptions(options: Partial<FormattingOptions> | undefined): FormattingOptions {
  const o = options ?? {};
  const size = Number(o.tabSize);
  const flag = (v: unknown) => (typeof v === 'boolean' ? v : undefined);
  return {
    tabSize: Number.isFinite(size) ? Math.min(MAX_TAB_SIZE, Math.max(1, Math.trunc(size))) : 2,
    insertSpaces: flag(o.insertSpaces) ?? true,
    insertFinalNewline: flag(o.insertFinalNewline),
    trimFinalNewlines: flag(o.trimFinalNewlines),
    keepLines: flag(o.keepLines),
  };
}

/**
 * The indentation the formatter would write for `text`: the nesting depth at every bracket and comma, times the tab
 * size. Nesting 2,000 deep in 4 kB writes millions of spaces (minutes at tab size 32, with the server blocked).
 */
function indentationWritten(text: string, tabSize: number): number {
  let depth = 0, total = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      for (i++; i < text.length && text.charCodeAt(i) !== 34; i++) if (text.charCodeAt(i) === 92) i++;
    } else if (c === 123 || c === 91) total += ++depth * tabSize;
    else if (c === 125 || c === 93) total += Math.max(0, --depth) * tabSize;
    else if (c === 44) total += depth * tabSize;
  }
  return total;
}

/** Above this much indentation (and 8 characters of it per character of the text), formatting is declined. */
const MAX_INDENTATION = 4_000_000;

export function format(doc: TextDocument, range: Range | undefined, options: FormattingOptions): TextEdit[] {
  const safe = safeFormattingOptions(options);
  const text = doc.getText();
  if (indentationWritten(text, safe.tabSize) > Math.max(MAX_INDENTATION, 8 * text.length)) return [];
  return coalesced(doc, jsonService().format(doc, range, safe));
}

/** More edits than this answer a formatting request as one (a minified 680 kB machine gives 68,000). */
const MAX_FORMAT_EDITS = 1_000;

/**
 * The formatter's edits, or, when there are very many, one edit from the first to the end of the last carrying the
 * text between them formatted, built in one pass: sending and applying tens of thousands of edits took the editor
 * over a second for what takes the formatter 50 ms.
 */
function coalesced(doc: TextDocument, edits: TextEdit[]): TextEdit[] {
  if (edits.length <= MAX_FORMAT_EDITS) return edits;
  const text = doc.getText();
  const spans = edits.map((e) => ({ start: doc.offsetAt(e.range.start), end: doc.offsetAt(e.range.end), newText: e.newText })).sort((a, b) => a.start - b.start);
  const parts: string[] = [];
  let at = spans[0].start;
  for (const e of spans) {
    parts.push(text.slice(at, e.start), e.newText);
    at = e.end;
  }
  return [{ range: { start: doc.positionAt(spans[0].start), end: doc.positionAt(at) }, newText: parts.join('') }];
}

export function getFoldingRanges(doc: TextDocument): FoldingRange[] {
  return jsonService().getFoldingRanges(doc, { rangeLimit: 20_000 });
}

/**
 * How many ranges one selection expands through. Each is an object nested in the one before it, which the
 * answer's serialisation walks recursively: 1,500 levels of JSON overflowed its stack, and the request failed.
 */
const MAX_SELECTION_DEPTH = 500;

export function getSelectionRanges(doc: TextDocument, positions: Position[]): SelectionRange[] {
  const json = jsonService();
  const ranges = json.getSelectionRanges(doc, positions, json.parseJSONDocument(doc));
  // The innermost ranges are kept: they are the ones a user expands through first.
  for (const r of ranges) {
    let at: SelectionRange | undefined = r;
    for (let depth = 1; at && depth < MAX_SELECTION_DEPTH; depth++) at = at.parent;
    if (at) at.parent = undefined;
  }
  return ranges;
}

// The generic JSON features users expect in any JSON editor — formatting, folding — come from
// vscode-json-languageservice rather than a second implementation; smart selection is its algorithm over the
// store's tree (below: why). They apply to JSON state machines only.
import type { FormattingOptions, LanguageService } from 'vscode-json-languageservice';
import type { TextDocument, Position } from 'vscode-languageserver-textdocument';
import type { FoldingRange, Range, SelectionRange, TextEdit } from 'vscode-languageserver-types';
import { createScanner, SyntaxKind } from 'jsonc-parser';
import { nodeAt } from '../core/tree';
import { lineStart } from '../core/text';
import type { AstNode, OffsetRange } from '../core/types';

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

/**
 * Smart selection by vscode-json-languageservice, for a JSON text without a tree of its own (a template's holds what
 * its substitutions were followed to): the library parses the whole document again for each request (30 to 300 ms
 * on a 1 MB machine of 2,000 states, 2.5 s on 20 MB, measured with a throwaway script), which Expand Selection asks
 * again at every step, so a state machine's selection is jsonSelectionSpans below, over the tree the store has.
 */
export function librarySelectionRanges(doc: TextDocument, positions: Position[]): SelectionRange[] {
  const json = jsonService();
  return trimmed(json.getSelectionRanges(doc, positions, json.parseJSONDocument(doc)));
}

/**
 * The spans smart selection expands through at `offset` in the JSON tree `root`, as the library computes them (a
 * string's, object's or array's inside, then the node; a member or item with the comma after it; up through the
 * parents), the innermost MAX_SELECTION_DEPTH, innermost first. `root` may be a JSON text inside another document (a template's
 * DefinitionString written in a YAML block): its nodes' offsets are that document's, and the chain stops at it.
 */
export function jsonSelectionSpans(root: AstNode, text: string, offset: number): OffsetRange[] {
  const scanner = createScanner(text, true);
  /** Where the comma right after `offset` ends (comments and spaces skipped), or -1. */
  const afterComma = (at: number) => {
    scanner.setPosition(at);
    return scanner.scan() === SyntaxKind.CommaToken ? scanner.getTokenOffset() + scanner.getTokenLength() : -1;
  };
  const spans: OffsetRange[] = [];
  const span = (start: number, end: number) => spans.push({ offset: start, length: end - start });
  for (let node = nodeAt(root, offset); node && spans.length < MAX_SELECTION_DEPTH; node = node === root ? undefined : node.parent) {
    if (node.type === 'string' || node.type === 'object' || node.type === 'array') {
      const inner = [node.offset + 1, node.offset + node.length - 1];
      if (inner[0] < inner[1] && offset >= inner[0] && offset <= inner[1]) span(inner[0], inner[1]);
    }
    span(node.offset, node.offset + node.length);
    if (node.type === 'property' || node.parent?.type === 'array') {
      const comma = afterComma(node.offset + node.length);
      if (comma !== -1) span(node.offset, comma);
    }
  }
  return spans.slice(0, MAX_SELECTION_DEPTH);
}

/**
 * The folds of the JSON tree `root` as the library's getFoldingRanges makes them from the text (an object or array
 * from the line of its bracket to the line before its closing one, when that is a later line; of those starting on
 * one line, the innermost), over the tree: for a JSON text inside another document (a template's DefinitionString
 * written in a YAML block scalar), whose nodes' offsets are that document's. A node written elsewhere (a
 * substitution followed in place: templates/substitutions.ts) is not the text's and is left out, with what it holds.
 */
export function jsonFoldingSpans(root: AstNode, text: string, limit = 20_000): OffsetRange[] {
  const byLine = new Map<number, OffsetRange>();
  // The starts of the lines the value spans, read once: looking back from each node was quadratic on JSON written on
  // one long line (the review of the day: 20 s for a minified 8,000-state definition in a template's block).
  const starts = [lineStart(text, root.offset)];
  for (let i = root.offset, end = root.offset + root.length; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  const lineStartOf = (offset: number): number => {
    let lo = 0, hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return starts[lo];
  };
  const stack: AstNode[] = [root];
  while (stack.length && byLine.size < limit) {
    const node = stack.pop()!;
    const end = node.offset + node.length;
    if (node.type === 'object' || node.type === 'array') {
      const closing = text[end - 1];
      // The line break before the closing bracket's line: the fold's last line.
      const last = lineStartOf(end - 1) - 1;
      const first = lineStartOf(node.offset);
      if ((closing === '}' || closing === ']') && last > first && lineStartOf(last) > first) {
        const known = byLine.get(first);
        if (!known || known.offset + known.length > last) byLine.set(first, { offset: node.offset, length: last - node.offset });
      }
    }
    for (const c of node.children ?? []) if (c.offset >= node.offset && c.offset + c.length <= end) stack.push(c);
  }
  return [...byLine.values()];
}

/** The library's chains cut to their innermost MAX_SELECTION_DEPTH ranges. */
function trimmed(ranges: SelectionRange[]): SelectionRange[] {
  for (const r of ranges) {
    let at: SelectionRange | undefined = r;
    for (let depth = 1; at && depth < MAX_SELECTION_DEPTH; depth++) at = at.parent;
    if (at) at.parent = undefined;
  }
  return ranges;
}

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

export function format(doc: TextDocument, range: Range | undefined, options: FormattingOptions): TextEdit[] {
  return jsonService().format(doc, range, safeFormattingOptions(options));
}

export function getFoldingRanges(doc: TextDocument): FoldingRange[] {
  return jsonService().getFoldingRanges(doc, { rangeLimit: 20_000 });
}

export function getSelectionRanges(doc: TextDocument, positions: Position[]): SelectionRange[] {
  const json = jsonService();
  return json.getSelectionRanges(doc, positions, json.parseJSONDocument(doc));
}

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

export function format(doc: TextDocument, range: Range | undefined, options: FormattingOptions): TextEdit[] {
  return jsonService().format(doc, range, options);
}

export function getFoldingRanges(doc: TextDocument): FoldingRange[] {
  return jsonService().getFoldingRanges(doc, { rangeLimit: 20_000 });
}

export function getSelectionRanges(doc: TextDocument, positions: Position[]): SelectionRange[] {
  const json = jsonService();
  return json.getSelectionRanges(doc, positions, json.parseJSONDocument(doc));
}

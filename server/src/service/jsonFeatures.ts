// The generic JSON features users expect in any JSON editor — formatting, folding, smart selection — come from
// vscode-json-languageservice rather than a second implementation. They apply to JSON state machines only.
import { getLanguageService as getJsonLanguageService, type FormattingOptions } from 'vscode-json-languageservice';
import type { TextDocument, Position } from 'vscode-languageserver-textdocument';
import type { FoldingRange, Range, SelectionRange, TextEdit } from 'vscode-languageserver-types';

const json = getJsonLanguageService({});

export function format(doc: TextDocument, range: Range | undefined, options: FormattingOptions): TextEdit[] {
  return json.format(doc, range, options);
}

export function getFoldingRanges(doc: TextDocument): FoldingRange[] {
  return json.getFoldingRanges(doc, { rangeLimit: 20_000 });
}

export function getSelectionRanges(doc: TextDocument, positions: Position[]): SelectionRange[] {
  return json.getSelectionRanges(doc, positions, json.parseJSONDocument(doc));
}

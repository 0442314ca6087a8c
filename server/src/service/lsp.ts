// THE conversions between the service's offsets and LSP's line/character types. Inside the service everything is
// an offset into the document's text (findings, edits, spans); the feature files at the service root turn their
// answers into LSP types here, and nowhere else.
import type { Position, TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic, type FoldingRange, type Range, type SelectionRange, type TextEdit } from 'vscode-languageserver-types';
import type { OffsetEdit, OffsetRange, Problem } from './core/types';

const SEVERITY: Record<Problem['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** An LSP position as an offset into the document's text. */
export function toOffset(doc: TextDocument, position: Position): number {
  return doc.offsetAt(position);
}

/** The line (0-based) an offset is on, for messages that name it (1-based there: the caller's). */
export function lineOf(doc: TextDocument, offset: number): number {
  return doc.positionAt(offset).line;
}

/** An offset span as an LSP range. */
export function toRange(doc: TextDocument, r: OffsetRange): Range {
  return { start: doc.positionAt(r.offset), end: doc.positionAt(r.offset + r.length) };
}

/** An LSP range as an offset span. */
export function toOffsetRange(doc: TextDocument, r: Range): OffsetRange {
  const offset = doc.offsetAt(r.start);
  return { offset, length: doc.offsetAt(r.end) - offset };
}

export function toDiagnostic(doc: TextDocument, p: Problem): Diagnostic {
  return { range: toRange(doc, p), severity: SEVERITY[p.severity], source: p.source, code: p.code, message: p.message, data: p.data };
}

export function toTextEdit(doc: TextDocument, e: OffsetEdit): TextEdit {
  return { range: toRange(doc, e), newText: e.newText };
}

/** A span that folds, as the lines it starts and ends on (one that ends on its first line folds nothing: the caller's). */
export function toFoldingRange(doc: TextDocument, r: OffsetRange): FoldingRange {
  return { startLine: doc.positionAt(r.offset).line, endLine: doc.positionAt(r.offset + r.length).line };
}

/** Smart selection's answer at `position`: the spans, innermost first, each range inside its parent's (the position itself where there is none). */
export function toSelectionRange(doc: TextDocument, spans: readonly OffsetRange[], position: Position): SelectionRange {
  let selection: SelectionRange | undefined;
  for (let i = spans.length - 1; i >= 0; i--) selection = { range: toRange(doc, spans[i]), parent: selection };
  return selection ?? { range: { start: position, end: position } };
}

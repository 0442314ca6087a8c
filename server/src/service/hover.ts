// Hover: what the SageMaker API says about the key, value or Resource under the cursor (sagemaker/hover.ts).
import type { Position, TextDocument } from 'vscode-languageserver-textdocument';
import { MarkupKind, type Hover } from 'vscode-languageserver-types';
import type { DocumentStore } from './documentStore';
import { toRange } from './lsp';
import { sageMakerHover } from './sagemaker/hover';

export function doHover(store: DocumentStore, doc: TextDocument, position: Position): Hover | null {
  const offset = doc.offsetAt(position);
  const parsed = store.isStateMachineDocument(doc) ? store.machineAt(doc, offset) : undefined;
  const hover = parsed?.root ? sageMakerHover(parsed, offset) : null;
  return hover && { contents: { kind: MarkupKind.Markdown, value: hover.markdown }, range: toRange(doc, hover.range) };
}

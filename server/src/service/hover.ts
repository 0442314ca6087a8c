// Hover: what the SageMaker API says about the key, value or Resource under the cursor (sagemaker/hover.ts), and
// what a path reads at that point (dataflow/hover.ts).
import type { Position, TextDocument } from 'vscode-languageserver-textdocument';
import { MarkupKind, type Hover } from 'vscode-languageserver-types';
import { nodeAt } from './core/tree';
import { dataflowHover } from './dataflow/hover';
import type { DocumentStore } from './documentStore';
import { toRange } from './lsp';
import { sageMakerHover } from './sagemaker/hover';

export function doHover(store: DocumentStore, doc: TextDocument, position: Position): Hover | null {
  const offset = doc.offsetAt(position);
  const parsed = store.machineAt(doc, offset);
  if (!parsed?.root) return null;
  const sagemaker = sageMakerHover(parsed, offset);
  const path = dataflowHover(parsed, offset, nodeAt(parsed.root, offset), store.executionInput(doc.uri));
  const hover = path && sagemaker ? { markdown: `${path.markdown}\n\n---\n\n${sagemaker.markdown}`, range: path.range } : (path ?? sagemaker);
  return hover && { contents: { kind: MarkupKind.Markdown, value: hover.markdown }, range: toRange(doc, hover.range) };
}

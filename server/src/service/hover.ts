// Hover: what a function called under the cursor does (asl/hover.ts functionHover), else what the SageMaker API says
// about the key, value or Resource there (sagemaker/hover.ts), else what the States Language says about its own
// keyword there (asl/hover.ts), else the state a name names (asl/navigation.ts); and what a path reads at that point
// (dataflow/hover.ts).
import type { Position, TextDocument } from 'vscode-languageserver-textdocument';
import { MarkupKind, type Hover } from 'vscode-languageserver-types';
import { aslHover, functionHover } from './asl/hover';
import { stateHover } from './asl/navigation';
import { nodeAt } from './core/tree';
import { dataflowHover } from './dataflow/hover';
import type { DocumentStore } from './documentStore';
import { toRange } from './lsp';
import { sageMakerHover } from './sagemaker/hover';

export function doHover(store: DocumentStore, doc: TextDocument, position: Position): Hover | null {
  const offset = doc.offsetAt(position);
  const parsed = store.machineAt(doc, offset);
  if (!parsed?.root) return null;
  // A function a value calls is the function's; a SageMaker request's own keys are the request's (a member named Type
  // or Comment there is no ASL field).
  const words = functionHover(parsed, offset) ?? sageMakerHover(parsed, offset) ?? aslHover(parsed, offset) ?? stateHover(parsed, offset, store.model(parsed));
  const path = dataflowHover(parsed, offset, nodeAt(parsed.root, offset), store.executionInput(doc.uri));
  const hover = path && words ? { markdown: `${path.markdown}\n\n---\n\n${words.markdown}`, range: path.range } : (path ?? words);
  return hover && { contents: { kind: MarkupKind.Markdown, value: hover.markdown }, range: toRange(doc, hover.range) };
}

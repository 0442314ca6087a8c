// Hover: what a function called under the cursor does (asl/hover.ts functionHover), else what the SageMaker API says
// about the key, value or Resource there (sagemaker/hover.ts), else what the States Language says about its own
// keyword there (asl/hover.ts), else the state a name names (asl/navigation.ts); and what a path reads at that point
// (dataflow/hover.ts).
import type { Position, TextDocument } from 'vscode-languageserver-textdocument';
import { MarkupKind, type Hover } from 'vscode-languageserver-types';
import { aslHover, functionHover } from './asl/hover';
import { stateHover } from './asl/navigation';
import { nodeAt } from './core/tree';
import { codeSpan } from './core/text';
import type { AstNode } from './core/types';
import { dataflowHover } from './dataflow/hover';
import type { DocumentStore } from './documentStore';
import { lineOf, toOffset, toRange } from './lsp';
import { sageMakerHover } from './sagemaker/hover';

export function doHover(store: DocumentStore, doc: TextDocument, position: Position): Hover | null {
  const offset = toOffset(doc, position);
  const parsed = store.machineAt(doc, offset);
  if (!parsed?.root) return null;
  // A function a value calls is the function's; a SageMaker request's own keys are the request's (a member named Type
  // or Comment there is no ASL field).
  // A placeholder a template gives a value (`InstanceType: ${InstanceType}`): the tree holds the value where it is
  // written (a Parameter's Default); the hover is the member's, and says the value (walk38: it was the parent's).
  const given = substitutedAt(parsed.root, offset);
  if (given) {
    const member = sageMakerHover(parsed, offset, given.value);
    const line = lineOf(doc, given.value.offset);
    const note = `The template gives this placeholder ${typeof given.value.value === 'string' ? codeSpan(given.value.value) : 'its value'} (line ${line + 1}).`;
    return member && { contents: { kind: MarkupKind.Markdown, value: `${member.markdown}\n\n${note}` }, range: toRange(doc, given.written) };
  }
  const words = functionHover(parsed, offset) ?? sageMakerHover(parsed, offset) ?? aslHover(parsed, offset) ?? stateHover(parsed, offset, store.model(parsed));
  const path = dataflowHover(parsed, offset, nodeAt(parsed.root, offset), store.executionInput(doc.uri));
  const hover = path && words ? { markdown: `${path.markdown}\n\n---\n\n${words.markdown}`, range: path.range } : (path ?? words);
  return hover && { contents: { kind: MarkupKind.Markdown, value: hover.markdown }, range: toRange(doc, hover.range) };
}

/**
 * The value a template gives the placeholder written at `offset`, when the tree holds it where it is written (its
 * offsets outside the member's): the value node and the member's own text after its key.
 */
function substitutedAt(root: AstNode, offset: number): { value: AstNode; written: { offset: number; length: number } } | undefined {
  const property = nodeAt(root, offset);
  const [key, value] = property?.type === 'property' ? (property.children ?? []) : [];
  if (!key || !value || offset < key.offset + key.length) return undefined;
  const end = property!.offset + property!.length;
  if (value.offset >= property!.offset && value.offset + value.length <= end) return undefined;
  const from = (property!.colonOffset ?? key.offset + key.length) + 1;
  return { value, written: { offset: from, length: Math.max(0, end - from) } };
}

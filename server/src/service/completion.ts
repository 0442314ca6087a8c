// Completion: the state machine's own fields and values (asl/completion.ts), SageMaker request members and values
// inside a task's payload (sagemaker/completion.ts), and the fields a path can read at that point
// (dataflow/completion.ts).
import type { Position, TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionItem } from 'vscode-languageserver-types';
import { aslCompletions } from './asl/completion';
import { nodeAt } from './core/tree';
import { dataflowCompletions } from './dataflow/completion';
import type { DocumentStore } from './documentStore';
import { toTextEdit } from './lsp';
import { exampleRequest, sageMakerCompletions, sageMakerResources } from './sagemaker/completion';
import { isJobSpec } from './sagemaker/jobSpecs';

export function doComplete(store: DocumentStore, doc: TextDocument, position: Position): CompletionItem[] {
  const offset = doc.offsetAt(position);
  const parsed = store.machineAt(doc, offset);
  // A definition written inside a string (templates/encodedDefinition.ts) is not edited: nothing to insert there.
  if (!parsed || parsed.encoded) return [];
  // A job spec is one request: no state machine fields, no paths (sagemaker/jobSpecs.ts).
  const items = isJobSpec(parsed)
    ? sageMakerCompletions(parsed, offset)
    : [...aslCompletions(parsed, offset, { resources: sageMakerResources, exampleRequest }), ...sageMakerCompletions(parsed, offset), ...dataflowCompletions(parsed, offset, nodeAt(parsed.root, offset), store.executionInput(doc.uri))];
  return items.map(({ edit, more, ...item }) => ({ ...item, textEdit: toTextEdit(doc, edit), ...(more ? { additionalTextEdits: more.map((e) => toTextEdit(doc, e)) } : {}) }));
}

// Completion: the state machine's own fields and values (asl/completion.ts), SageMaker request members and values
// inside a task's payload (sagemaker/completion.ts), and the fields a path can read at that point
// (dataflow/completion.ts).
import type { Position, TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionItem } from 'vscode-languageserver-types';
import { aslCompletions } from './asl/completion';
import { eolOf } from './core/edits';
import { nodeAt } from './core/tree';
import { dataflowCompletions } from './dataflow/completion';
import type { DocumentStore } from './documentStore';
import { toOffset, toRange, toTextEdit } from './lsp';
import { exampleJobSpec, newSageMakerTasks, sageMakerCompletions, sageMakerResources } from './sagemaker/completion';
import { getIntegration } from './sagemaker/shapes';
import { CompletionItemKind } from 'vscode-languageserver-types';
import { isJobSpec } from './sagemaker/jobSpecs';

export function doComplete(store: DocumentStore, doc: TextDocument, position: Position): CompletionItem[] {
  const offset = toOffset(doc, position);
  // A new job spec, empty still (`churn.training-job.json`): a request to start from (walk38: only the editor's own
  // "Empty object" was offered).
  const api = store.emptyJobSpecApi(doc);
  if (api) return newJobSpecItems(doc, api);
  const parsed = store.machineAt(doc, offset);
  // A definition written inside a string (templates/encodedDefinition.ts) is not edited: nothing to insert there.
  if (!parsed || parsed.encoded) return [];
  // A job spec is one request: no state machine fields, no paths (sagemaker/jobSpecs.ts).
  const items = isJobSpec(parsed)
    ? sageMakerCompletions(parsed, offset)
    : [...aslCompletions(parsed, offset, { resources: sageMakerResources, newTasks: newSageMakerTasks, newMachineTask: newSageMakerTasks[0] }), ...sageMakerCompletions(parsed, offset), ...dataflowCompletions(parsed, offset, nodeAt(parsed.root, offset), store.executionInput(doc.uri))];
  return items.map(({ edit, more, ...item }) => ({ ...item, textEdit: toTextEdit(doc, edit), ...(more ? { additionalTextEdits: more.map((e) => toTextEdit(doc, e)) } : {}) }));
}

/** The request a new, empty job spec of `api` may start with, as JSON or YAML as the file is. */
function newJobSpecItems(doc: TextDocument, api: string): CompletionItem[] {
  const request = exampleJobSpec(api);
  const operation = getIntegration(api)?.operation ?? api;
  if (!request) return [];
  const yaml = doc.languageId === 'yaml';
  const eol = eolOf(doc.getText());
  const text = (yaml ? (require('yaml') as typeof import('yaml')).stringify(request) : `${JSON.stringify(request, null, 2)}\n`).replace(/\n/g, eol);
  const range = toRange(doc, { offset: 0, length: doc.getText().length });
  return [{ label: `New ${operation} request`, kind: CompletionItemKind.Snippet, detail: 'A request to start from: the members a job runs with, each to change', textEdit: { range, newText: text }, sortText: '0' }];
}

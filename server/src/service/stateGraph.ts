// The graph of a state machine document (graph/graphModel.ts) from the store's parse, model and findings: what the
// `sagemaker/graph` request answers and what the CLI's `graph` command draws.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentStore } from './documentStore';
import { buildGraphModel, type GraphModel } from './graph/graphModel';
import { validate } from './validation';

export interface DocumentGraph {
  graph: GraphModel;
  /** The first syntax error's message, while the text does not parse (the view keeps its last good graph). */
  syntaxError?: string;
  /** The document version the graph was computed from. */
  version: number;
}

export function graphOf(store: DocumentStore, doc: TextDocument): DocumentGraph | null {
  const parsed = store.workable(doc);
  if (!parsed) return null;
  const result: DocumentGraph = { graph: buildGraphModel(parsed.root, validate(store, doc), store.model(parsed)), version: doc.version };
  if (parsed.syntaxErrors.length) result.syntaxError = parsed.syntaxErrors[0].message;
  return result;
}

// The graph of an open document, from the language service's parse and findings: what the `sagemaker/graph`
// request answers and what the CLI's `graph` command draws. It takes the service's three functions it needs
// rather than importing the service (graph/ reads the model; the service root imports graph/, not the reverse).
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AslState } from '../asl/model';
import { buildGraphModel, type GraphFinding, type GraphModel } from './graphModel';

export interface DocumentGraph {
  graph: GraphModel;
  /** The first syntax error's message, while the text does not parse. */
  syntaxError?: string;
  version: number;
}

/** What the graph needs of the language service. */
export interface GraphSource {
  isStateMachineDocument(doc: TextDocument): boolean;
  parse(doc: TextDocument): { root: AslState['node'] | undefined; syntaxErrors: { message: string }[] };
  validate(doc: TextDocument): readonly GraphFinding[];
}

export function graphOfDocument(service: GraphSource, doc: TextDocument): DocumentGraph | null {
  if (!service.isStateMachineDocument(doc)) return null;
  const parsed = service.parse(doc);
  const graph = buildGraphModel(parsed.root, service.validate(doc));
  const result: DocumentGraph = { graph, version: doc.version };
  if (parsed.syntaxErrors.length) result.syntaxError = parsed.syntaxErrors[0].message;
  return result;
}

// The graph of an open document, from the language service's parse and findings: what the `sagemaker/graph`
// request answers and what the CLI's `graph` command draws.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LanguageService } from '../languageService';
import { buildGraphModel, type GraphModel } from './graphModel';

export interface DocumentGraph {
  graph: GraphModel;
  /** The first syntax error's message, while the text does not parse. */
  syntaxError?: string;
  version: number;
}

export function graphOfDocument(service: Pick<LanguageService, 'isStateMachineDocument' | 'parse' | 'validate'>, doc: TextDocument): DocumentGraph | null {
  if (!service.isStateMachineDocument(doc)) return null;
  const parsed = service.parse(doc);
  const graph = buildGraphModel(parsed.root, service.validate(doc));
  const result: DocumentGraph = { graph, version: doc.version };
  if (parsed.syntaxErrors.length) result.syntaxError = parsed.syntaxErrors[0].message;
  return result;
}

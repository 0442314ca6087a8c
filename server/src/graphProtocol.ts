// The graph view's custom request between the extension (client/) and the language server, declared once and
// imported by both sides (to be folded into protocol.ts). Types and the method name only: the client makes its
// RequestType from them with its own protocol package (the server's vscode-languageserver carries another copy,
// and importing the top-level one here would bundle a second protocol library into the server).
import type { GraphModel } from './service/graph/graphModel';

/** `sagemaker/graph`: GraphParams → GraphResult | null. */
export const GraphMethod = 'sagemaker/graph';

export interface GraphParams {
  uri: string;
}

/**
 * The graph of a state machine document. `syntaxError` is set while the text does not parse: the graph is then
 * what could be read, and the view keeps its last good graph, marked stale. Null: not a state machine.
 */
export interface GraphResult {
  graph: GraphModel;
  syntaxError?: string;
  /** The document version the graph was computed from. */
  version: number;
}

export type { GraphModel, GraphNode, GraphEdge, GraphGroup } from './service/graph/graphModel';

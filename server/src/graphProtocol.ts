// The graph view's custom request between the extension (client/) and the language server, declared once as a
// vscode-jsonrpc RequestType (the one copy both sides share) and imported by both (to be folded into protocol.ts).
import { RequestType } from 'vscode-jsonrpc';
import type { GraphModel } from './service/graph/graphModel';

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

/** `sagemaker/graph` */
export const GraphRequest = new RequestType<GraphParams, GraphResult | null, void>('sagemaker/graph');

export type { GraphModel, GraphNode, GraphEdge, GraphGroup } from './service/graph/graphModel';

// The messages between the graph panel (extension host) and its webview, declared once for both sides.
import type { GraphModel } from '../../../server/src/protocol';

export type ToWebview =
  /** A graph that parsed: drawn, and kept as the last good one. */
  | { type: 'graph'; graph: GraphModel; version: number; uri: string }
  /** The text does not parse now: the last good graph stays, marked stale with the reason. */
  | { type: 'stale'; message: string }
  /** The state (node id) under the editor's cursor, or none. */
  | { type: 'cursor'; id: string | undefined };

export type FromWebview =
  | { type: 'ready' }
  /** Show the state in the editor (a click, or Enter on a focused node). */
  | { type: 'reveal'; id: string }
  /** Save an export: SVG text, or a PNG as base64. */
  | { type: 'export'; format: 'svg' | 'png'; data: string };

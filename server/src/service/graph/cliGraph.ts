// `sagemaker-asl graph [--format svg|mermaid|dot] FILE`: the same graph as the editor's view, as text. The CLI
// (server/src/cli/) reads the file and prints what this returns.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../languageService';
import { graphOfDocument } from './documentGraph';
import { layoutGraph } from './layout';
import { renderDot } from './renderDot';
import { renderMermaid } from './renderMermaid';
import { renderSvg } from './renderSvg';

export type GraphFormat = 'svg' | 'mermaid' | 'dot';
export const GRAPH_FORMATS: readonly GraphFormat[] = ['svg', 'mermaid', 'dot'];

let service: ReturnType<typeof getLanguageService> | undefined;

/**
 * The graph of a state machine's text in `format`. Throws an Error whose message is for the user when the
 * text is not a state machine or does not parse (a graph of half a file would mislead in documentation).
 */
export function graphCommand(text: string, languageId: string, format: GraphFormat): string {
  service ??= getLanguageService();
  const doc = TextDocument.create('file:///graph', languageId, 1, text);
  const result = graphOfDocument(service, doc);
  if (!result) throw new Error('not a state machine: the top level needs StartAt and States');
  if (result.syntaxError) throw new Error(`the file does not parse: ${result.syntaxError}`);
  switch (format) {
    case 'mermaid':
      return renderMermaid(result.graph);
    case 'dot':
      return renderDot(result.graph);
    default:
      return renderSvg(result.graph, layoutGraph(result.graph), { standalone: true }) + '\n';
  }
}

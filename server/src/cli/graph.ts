// `sagemaker-asl graph [--format svg|mermaid|dot] FILE`: the same graph as the editor's view, as text, from the
// same language service.
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../service/languageService';
import { layoutGraph } from '../service/graph/layout';
import { renderDot } from '../service/graph/renderDot';
import { mermaidOverLimit, renderMermaid } from '../service/graph/renderMermaid';
import { renderSvg } from '../service/graph/renderSvg';
import { PathError, languageOf, readSource, saidPath } from './files';
import { oneLine } from './formats';
import { fail, usage, type Io } from './io';

const GRAPH_USAGE = `Usage: sagemaker-asl graph [--format svg|mermaid|dot] [--machine NAME] FILE

Prints the graph of a state machine, as the editor's Show Graph draws it: SVG (default) for documentation and CI
artifacts, Mermaid to paste into a README or pull request, DOT for Graphviz. In a template (CloudFormation, SAM,
Serverless), --machine names the state machine to draw (its resource's logical ID); without it, the first.
Exit status: 0 printed, 2 a usage error, an unreadable file, or a file that is not a state machine or does not parse.`;

/** A file the graph cannot be drawn for; the message is for the user. */
class NoGraph extends Error {}

export type GraphFormat = 'svg' | 'mermaid' | 'dot';
const GRAPH_FORMATS: readonly GraphFormat[] = ['svg', 'mermaid', 'dot'];

let service: ReturnType<typeof getLanguageService> | undefined;

/**
 * The graph of a state machine's text in `format`. Throws an Error whose message is for the user when the
 * text is not a state machine or does not parse (a graph of half a file would mislead in documentation).
 */
export function graphCommand(text: string, languageId: string, format: GraphFormat, machine?: string, note?: (message: string) => void): string {
  service ??= getLanguageService();
  const doc = TextDocument.create('file:///graph', languageId, 1, text);
  const result = service.graph(doc, machine !== undefined ? { name: machine } : {});
  if (!result) throw new NoGraph('not a state machine: the top level needs StartAt and States');
  const list = (names: string[]) => names.map((n) => JSON.stringify(n)).join(', ');
  if (machine !== undefined && result.machine !== machine) {
    throw new NoGraph(result.machines?.length ? `no state machine named ${JSON.stringify(machine)}: the template has ${list(result.machines)}` : '--machine names a state machine of a template, and this file is no template');
  }
  if (machine === undefined && result.machines && result.machines.length > 1) note?.(`the template has ${result.machines.length} state machines (${list(result.machines)}): drawn is ${JSON.stringify(result.machine)}; --machine NAME draws another`);
  if (result.syntaxError) throw new NoGraph(`the file does not parse: ${result.syntaxError}`);
  switch (format) {
    case 'mermaid':
      return renderMermaid(result.graph);
    case 'dot':
      return renderDot(result.graph);
    default:
      return renderSvg(result.graph, layoutGraph(result.graph), { standalone: true }) + '\n';
  }
}

/** Runs `graph` with the arguments after the command name; the exit status. */
export function graph(args: string[], cwd: string, io: Io): number {
  let values: { format?: string; machine?: string; help?: boolean }, positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args, options: { format: { type: 'string' }, machine: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true }));
  } catch (e) {
    return usage(io, GRAPH_USAGE, (e as Error).message.split('\n')[0]);
  }
  if (values.help) return io.out(GRAPH_USAGE + '\n'), 0;
  const format = (values.format ?? 'svg') as GraphFormat;
  if (!GRAPH_FORMATS.includes(format)) return fail(io, `unknown format "${format}" (svg, mermaid or dot)`);
  if (positionals.length !== 1) return usage(io, GRAPH_USAGE, 'graph takes one file');
  const path = resolve(cwd, positionals[0]);
  const shown = saidPath(path, cwd);
  try {
    const { text } = readSource(path, shown);
    const out = graphCommand(text, languageOf(path, true) ?? 'json', format, values.machine, (m) => io.err(`sagemaker-asl: ${shown}: ${oneLine(m)}\n`));
    io.out(out);
    // Still printed: it is valid, and a Mermaid set up with higher limits draws it.
    const over = format === 'mermaid' ? mermaidOverLimit(out) : undefined;
    if (over) io.err(`sagemaker-asl: warning: ${shown}: the flowchart has ${over}: Mermaid refuses to draw it unless set up with a higher one (--format svg draws any size)\n`);
    return 0;
  } catch (e) {
    if (e instanceof PathError) return fail(io, e.message);
    if (e instanceof NoGraph) return fail(io, `${shown}: ${e.message}`);
    throw e;
  }
}

// The graph as a Mermaid flowchart, to paste into a README or a pull request (GitHub renders it). Parallel and
// Map states are subgraphs holding one subgraph per branch; Mermaid lays it out itself.
import type { GraphModel, GraphNode } from './graphModel';
import { nodeLines } from './layout';
import { walkNesting } from './nesting';
import { append, listOf } from '../core/append';

/**
 * Label text inside "…": Mermaid reads #quot; / #lt; / #gt; / #35; / #96; / #37; as entity codes. Two more
 * characters are coded because Mermaid reads them before the quotes count: a backtick after the quote opens a
 * Markdown string, and `%%{…}%%` anywhere in the text is a directive (a state name could set the theme).
 */
function mermaidText(s: string): string {
  return s.replace(/#/g, '#35;').replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;').replace(/`/g, '#96;').replace(/%/g, '#37;').replace(/[\r\n]+/g, ' ');
}

/** Mermaid's default limits (a page that renders a README's diagram cannot raise them): more links than this and its parser refuses. */
export const MERMAID_MAX_LINKS = 500;
/** …and a longer text it replaces with "Maximum text size in diagram exceeded". */
export const MERMAID_MAX_TEXT = 50_000;

/**
 * Why Mermaid with its default settings will not draw `text` (a flowchart renderMermaid wrote), or undefined.
 * Labels hold no `>` (mermaidText codes it), so every line with `-->` or `-.->` is one link.
 */
export function mermaidOverLimit(text: string): string | undefined {
  const links = text.split('\n').filter((line) => /^\s*\S+ -\.?->/.test(line)).length;
  if (links > MERMAID_MAX_LINKS) return `${links} links, and Mermaid's default limit is ${MERMAID_MAX_LINKS} (maxEdges)`;
  if (text.length > MERMAID_MAX_TEXT) return `${text.length} characters, and Mermaid's default limit is ${MERMAID_MAX_TEXT} (maxTextSize)`;
  return undefined;
}

const SHAPES: Record<GraphNode['kind'], [string, string]> = {
  Task: ['["', '"]'],
  Pass: ['("', '")'],
  Choice: ['{{"', '"}}'],
  Wait: ['[/"', '"/]'],
  Succeed: ['(["', '"])'],
  Fail: ['(["', '"])'],
  Parallel: ['["', '"]'],
  Map: ['["', '"]'],
  Unknown: ['["', '"]'],
  Missing: ['>"', '"]'],
};

/** A state's text in its shape or subgraph title: its lines, the Retry marker, the findings badge. */
function label(node: GraphNode): string {
  // Each line escaped on its own, then joined: a name that holds `<br/>` shows it, not a line break.
  const text = nodeLines(node).join('\n').split(/\r?\n/).map(mermaidText).join('<br/>');
  const badge = node.findings.count ? `<br/>${node.findings.severity === 'error' ? '⛔' : '⚠️'} ${node.findings.count}` : '';
  return `${text}${node.retry ? ' ↻' : ''}${badge}`;
}

export function renderMermaid(graph: GraphModel): string {
  const ids = new Map<string, string>();
  graph.nodes.forEach((n, i) => ids.set(n.id, `s${i}`));
  graph.groups.forEach((g, i) => ids.set(g.id, `g${i}`));

  const out = ['flowchart TD'];
  const classes = new Map<string, string[]>();
  const classify = (node: GraphNode) => {
    const id = ids.get(node.id)!;
    const add = (cls: string) => listOf(classes, cls).push(id);
    if (node.sagemaker) add('sagemaker');
    else if (node.kind === 'Fail' || node.kind === 'Missing' || node.kind === 'Unknown') add(node.kind.toLowerCase());
    if (node.findings.severity === 'error') add('error');
  };
  const pad = (depth: number) => '  '.repeat(depth);
  walkNesting(graph, {
    node: (node, depth) => {
      const [open, close] = SHAPES[node.kind];
      out.push(`${pad(depth)}${ids.get(node.id)}${open}${label(node)}${close}`);
      classify(node);
    },
    openOwner: (node, depth) => {
      out.push(`${pad(depth)}subgraph ${ids.get(node.id)}["${label(node)}"]`, `${pad(depth + 1)}direction TB`);
      classify(node);
    },
    openGroup: (g, depth) => out.push(`${pad(depth)}subgraph ${ids.get(g.id)}["${mermaidText(g.label)}"]`),
    close: (depth) => out.push(`${pad(depth)}end`),
  });

  const top = graph.nodes.filter((n) => !n.group);
  const start = top.find((n) => n.start);
  const edgeLines: string[] = [];
  const catchLinks: number[] = [];
  // `end` is a keyword of the syntax: the terminals are named apart from it.
  if (start) edgeLines.push(`  begin_(("Start")) --> ${ids.get(start.id)}`);
  for (const e of graph.edges) {
    const from = ids.get(e.from)!;
    const to = ids.get(e.to)!;
    if (e.kind === 'next') edgeLines.push(`  ${from} --> ${to}`);
    else if (e.kind === 'choice') edgeLines.push(`  ${from} -->|"${mermaidText(e.label ?? '')}"| ${to}`);
    else if (e.kind === 'default') edgeLines.push(`  ${from} -.->|"default"| ${to}`);
    else {
      catchLinks.push(edgeLines.length);
      edgeLines.push(`  ${from} -.->|"catch ${mermaidText(e.label ?? '')}"| ${to}`);
    }
  }
  const ends = top.filter((n) => n.end);
  if (ends.length) for (const n of ends) edgeLines.push(`  ${ids.get(n.id)} --> finish_(("End"))`);
  append(out, edgeLines);
  out.push(
    '  classDef sagemaker fill:#fff1e5,stroke:#bc4c00',
    '  classDef fail fill:#ffebe9,stroke:#cf222e',
    '  classDef missing fill:#fff,stroke:#cf222e,stroke-dasharray:5 3',
    '  classDef unknown fill:#fff,stroke:#cf222e,stroke-dasharray:5 3',
    '  classDef error stroke:#cf222e,stroke-width:3px',
  );
  for (const [cls, list] of classes) out.push(`  class ${list.join(',')} ${cls}`);
  if (catchLinks.length) out.push(`  linkStyle ${catchLinks.join(',')} stroke:#cf222e`);
  return out.join('\n') + '\n';
}

// The graph in Graphviz DOT, for Graphviz users (`dot -Tsvg`). A Parallel or Map state is a cluster holding its
// header node and one cluster per branch; transitions to and from it attach to the header, clipped at the
// cluster's border (compound=true, lhead/ltail).
import type { GraphModel, GraphNode } from './graphModel';
import { nodeLines } from './layout';
import { walkNesting } from './nesting';

/** A DOT double-quoted string. */
function dotString(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, '\\n')}"`;
}

const STYLE: Record<GraphNode['kind'], string> = {
  Task: 'shape=box, style="rounded,filled", fillcolor="#ddf4ff", color="#0969da"',
  Pass: 'shape=box, style="rounded,filled", fillcolor="#f6f8fa", color="#818b98"',
  Choice: 'shape=hexagon, style=filled, fillcolor="#fbefff", color="#8250df"',
  Wait: 'shape=parallelogram, style=filled, fillcolor="#fff8c5", color="#9a6700"',
  Succeed: 'shape=box, style="rounded,filled", fillcolor="#dafbe1", color="#1a7f37"',
  Fail: 'shape=box, style="rounded,filled", fillcolor="#ffebe9", color="#cf222e"',
  Parallel: 'shape=box, style="rounded,filled", fillcolor="#f6f8fa", color="#818b98"',
  Map: 'shape=box, style="rounded,filled", fillcolor="#f6f8fa", color="#818b98"',
  Unknown: 'shape=box, style="dashed", color="#cf222e"',
  Missing: 'shape=box, style="dashed", color="#cf222e"',
};
const SAGEMAKER = 'shape=box, style="rounded,filled", fillcolor="#fff1e5", color="#bc4c00"';

/** `sN [label=…, shape…];`: the state's lines, its type's style (SageMaker's own; red when it has an error), its findings as the tooltip. */
function nodeStatement(node: GraphNode, ids: ReadonlyMap<string, string>): string {
  const lines = nodeLines(node);
  if (node.retry) lines.push(`↻ retry ×${node.retry.count}`);
  if (node.findings.count) lines.push(`${node.findings.severity === 'error' ? '⛔' : '⚠'} ${node.findings.count} problem${node.findings.count > 1 ? 's' : ''}`);
  let style = node.sagemaker ? SAGEMAKER : STYLE[node.kind];
  // An error outlines the state in red, whatever its type's colour.
  if (node.findings.severity === 'error') style = `${style.replace(/, color="[^"]*"/, '')}, color="#cf222e", penwidth=2.5`;
  const attrs = [`label=${dotString(lines.join('\n'))}`, style];
  if (node.findings.count) attrs.push(`tooltip=${dotString(node.findings.messages.join('\n'))}`);
  return `${ids.get(node.id)} [${attrs.join(', ')}];`;
}

export function renderDot(graph: GraphModel): string {
  const ids = new Map<string, string>();
  graph.nodes.forEach((n, i) => ids.set(n.id, `s${i}`));
  const clusterOf = new Map<string, string>(); // owner node id → its cluster
  for (const g of graph.groups) clusterOf.set(g.owner, `cluster_${ids.get(g.owner)}`);
  const groupIndex = new Map(graph.groups.map((g, i) => [g.id, i]));

  const out = ['digraph StateMachine {', '  compound=true;', '  node [fontname="Helvetica", fontsize=11];', '  edge [fontname="Helvetica", fontsize=10, color="#59636e"];'];
  const pad = (depth: number) => '  '.repeat(depth);
  walkNesting(graph, {
    node: (node, depth) => out.push(`${pad(depth)}${nodeStatement(node, ids)}`),
    openOwner: (node, depth) => out.push(`${pad(depth)}subgraph ${clusterOf.get(node.id)} {`, `${pad(depth + 1)}label=""; style="rounded"; color="#818b98";`, `${pad(depth + 1)}${nodeStatement(node, ids)}`),
    openGroup: (g, depth) => out.push(`${pad(depth)}subgraph cluster_g${groupIndex.get(g.id)} {`, `${pad(depth + 1)}label=${dotString(g.label)}; style="dashed,rounded"; color="#d1d9e0";`),
    close: (depth) => out.push(`${pad(depth)}}`),
  });

  const top = graph.nodes.filter((n) => !n.group);
  const start = top.find((n) => n.start);
  if (start) out.push('  start_ [shape=circle, label="", width=0.25, style=filled, fillcolor="#1f2328"];', `  start_ -> ${ids.get(start.id)}${clusterOf.has(start.id) ? ` [lhead=${clusterOf.get(start.id)}]` : ''};`);
  for (const e of graph.edges) {
    const attrs: string[] = [];
    if (clusterOf.has(e.from) && e.from !== e.to) attrs.push(`ltail=${clusterOf.get(e.from)}`);
    if (clusterOf.has(e.to) && e.from !== e.to) attrs.push(`lhead=${clusterOf.get(e.to)}`);
    if (e.kind === 'choice') attrs.push(`label=${dotString(e.label ?? '')}`);
    if (e.kind === 'default') attrs.push('label="default"', 'style=dashed');
    if (e.kind === 'catch') attrs.push(`label=${dotString(`catch ${e.label ?? ''}`)}`, 'style=dotted', 'color="#cf222e"', 'fontcolor="#cf222e"');
    out.push(`  ${ids.get(e.from)} -> ${ids.get(e.to)}${attrs.length ? ` [${attrs.join(', ')}]` : ''};`);
  }
  const ends = top.filter((n) => n.end);
  if (ends.length) {
    out.push('  end_ [shape=doublecircle, label="", width=0.2, style=filled, fillcolor="#1f2328"];');
    for (const n of ends) out.push(`  ${ids.get(n.id)} -> end_${clusterOf.has(n.id) ? ` [ltail=${clusterOf.get(n.id)}]` : ''};`);
  }
  out.push('}');
  return out.join('\n') + '\n';
}

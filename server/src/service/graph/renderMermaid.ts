// The graph as a Mermaid flowchart, to paste into a README or a pull request (GitHub renders it). Parallel and
// Map states are subgraphs holding one subgraph per branch; Mermaid lays it out itself.
import type { GraphModel, GraphNode } from './graphModel';
import { nodeLines } from './layout';

/**
 * Label text inside "…": Mermaid reads #quot; / #lt; / #gt; / #35; / #96; / #37; as entity codes. Two more
 * characters are coded because Mermaid reads them before the quotes count: a backtick after the quote opens a
 * Markdown string, and `%%{…}%%` anywhere in the text is a directive (a state name could set the theme).
 */
export function mermaidText(s: string): string {
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

export function renderMermaid(graph: GraphModel): string {
  const ids = new Map<string, string>();
  graph.nodes.forEach((n, i) => ids.set(n.id, `s${i}`));
  graph.groups.forEach((g, i) => ids.set(g.id, `g${i}`));
  const owners = new Set(graph.groups.map((g) => g.owner));
  const groupsOf = new Map<string, string[]>();
  for (const g of graph.groups) groupsOf.set(g.owner, [...(groupsOf.get(g.owner) ?? []), g.id]);
  const membersOf = new Map<string, GraphNode[]>();
  for (const n of graph.nodes) membersOf.set(n.group ?? '', [...(membersOf.get(n.group ?? '') ?? []), n]);
  const groupById = new Map(graph.groups.map((g) => [g.id, g]));

  const out = ['flowchart TD'];
  const classes = new Map<string, string[]>();
  const classify = (cls: string, id: string) => classes.set(cls, [...(classes.get(cls) ?? []), id]);
  // Iterative, outside in: each entry writes a node, or opens/closes a subgraph.
  const stack: ({ node: GraphNode; depth: number } | { close: number } | { group: string; depth: number })[] = [];
  const pushLevel = (level: string, depth: number) => {
    const members = membersOf.get(level) ?? [];
    for (let i = members.length - 1; i >= 0; i--) stack.push({ node: members[i], depth });
  };
  pushLevel('', 1);
  while (stack.length) {
    const item = stack.pop()!;
    if ('close' in item) {
      out.push(`${'  '.repeat(item.close)}end`);
      continue;
    }
    if ('group' in item) {
      const g = groupById.get(item.group)!;
      out.push(`${'  '.repeat(item.depth)}subgraph ${ids.get(g.id)}["${mermaidText(g.label)}"]`);
      stack.push({ close: item.depth });
      pushLevel(g.id, item.depth + 1);
      continue;
    }
    const { node, depth } = item;
    const id = ids.get(node.id)!;
    // Each line escaped on its own, then joined: a name that holds `<br/>` shows it, not a line break.
    const text = nodeLines(node).join('\n').split(/\r?\n/).map(mermaidText).join('<br/>');
    const badge = node.findings.count ? `<br/>${node.findings.severity === 'error' ? '⛔' : '⚠️'} ${node.findings.count}` : '';
    const retry = node.retry ? ` ↻` : '';
    if (owners.has(node.id)) {
      out.push(`${'  '.repeat(depth)}subgraph ${id}["${text}${retry}${badge}"]`);
      out.push(`${'  '.repeat(depth + 1)}direction TB`);
      stack.push({ close: depth });
      const groups = groupsOf.get(node.id)!;
      for (let i = groups.length - 1; i >= 0; i--) stack.push({ group: groups[i], depth: depth + 1 });
    } else {
      const [open, close] = SHAPES[node.kind];
      out.push(`${'  '.repeat(depth)}${id}${open}${text}${retry}${badge}${close}`);
    }
    if (node.sagemaker) classify('sagemaker', id);
    else if (node.kind === 'Fail' || node.kind === 'Missing' || node.kind === 'Unknown') classify(node.kind.toLowerCase(), id);
    if (node.findings.severity === 'error') classify('error', id);
  }

  const top = membersOf.get('') ?? [];
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
  out.push(...edgeLines);
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

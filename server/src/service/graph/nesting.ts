// The one walk over the graph's nesting that the text renderers share (Mermaid subgraphs, DOT clusters): each
// state in document order, a Parallel or Map state opening a container that holds its branches or processor,
// each group holding its states. Iterative, outside in, so a deeply nested machine cannot overflow the stack.
import type { GraphGroup, GraphModel, GraphNode } from './graphModel';
import { listOf } from '../core/append';

/** What a renderer writes at each step; `depth` is the nesting level, 1 at the top. */
export interface NestingEmitter {
  /** A state that holds no group. */
  node(node: GraphNode, depth: number): void;
  /** A Parallel or Map state with its groups: opens its container (closed by `close` at the same depth). */
  openOwner(node: GraphNode, depth: number): void;
  /** A branch or processor: opens it (closed by `close` at the same depth). */
  openGroup(group: GraphGroup, depth: number): void;
  close(depth: number): void;
}

export function walkNesting(graph: GraphModel, emit: NestingEmitter): void {
  // Appended in place: a copy per item made these quadratic (40,000 states: 140 s for Mermaid).
  const groupsOf = new Map<string, GraphGroup[]>();
  for (const g of graph.groups) listOf(groupsOf, g.owner).push(g);
  const membersOf = new Map<string, GraphNode[]>();
  for (const n of graph.nodes) listOf(membersOf, n.group ?? '').push(n);

  const stack: ({ node: GraphNode; depth: number } | { close: number } | { group: GraphGroup; depth: number })[] = [];
  const pushLevel = (level: string, depth: number) => {
    const members = membersOf.get(level) ?? [];
    for (let i = members.length - 1; i >= 0; i--) stack.push({ node: members[i], depth });
  };
  pushLevel('', 1);
  while (stack.length) {
    const item = stack.pop()!;
    if ('close' in item) emit.close(item.close);
    else if ('group' in item) {
      emit.openGroup(item.group, item.depth);
      stack.push({ close: item.depth });
      pushLevel(item.group.id, item.depth + 1);
    } else {
      const groups = groupsOf.get(item.node.id);
      if (!groups) {
        emit.node(item.node, item.depth);
        continue;
      }
      emit.openOwner(item.node, item.depth);
      stack.push({ close: item.depth });
      for (let i = groups.length - 1; i >= 0; i--) stack.push({ group: groups[i], depth: item.depth + 1 });
    }
  }
}

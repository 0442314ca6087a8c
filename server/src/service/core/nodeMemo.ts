// A value derived from a node's subtree, kept while the node keeps its identity and stamp: an incremental re-parse
// gives every node whose subtree it changed a new stamp (core/types.ts), and a full parse makes new nodes. So on a
// keystroke only what was derived from the nodes around the edit is derived again.
import type { AstNode } from './types';

export function nodeMemo<T>(derive: (node: AstNode) => T): (node: AstNode) => T {
  const memo = new WeakMap<AstNode, { stamp: number | undefined; value: T }>();
  return (node) => {
    const known = memo.get(node);
    if (known && known.stamp === node.stamp) return known.value;
    const value = derive(node);
    memo.set(node, { stamp: node.stamp, value });
    return value;
  };
}

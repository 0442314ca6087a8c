// Reading the tree every parser produces (core/types.ts's AstNode): members of objects, strings, the node at an
// offset, a node's JSON value. Iterative throughout: nesting depth is the user's.
import type { AstNode } from './types';

/** The `property` node (key + value) named `key` of an object node. */
export function propertyNode(node: AstNode | undefined, key: string): AstNode | undefined {
  if (node?.type !== 'object' || !node.children) return undefined;
  for (const p of node.children) if (p.children?.[0]?.value === key) return p;
  return undefined;
}

/** The value node of property `key` of an object node. */
export function property(node: AstNode | undefined, key: string): AstNode | undefined {
  return propertyNode(node, key)?.children?.[1];
}

export function stringValue(node: AstNode | undefined): string | undefined {
  return node?.type === 'string' ? (node.value as string) : undefined;
}

/** The innermost node of `root`'s tree whose span contains `offset` (ends inclusive). */
export function nodeAt(root: AstNode | undefined, offset: number): AstNode | undefined {
  if (!root || offset < root.offset || offset > root.offset + root.length) return undefined;
  let node: AstNode = root;
  for (;;) {
    const next: AstNode | undefined = node.children?.find((c) => offset >= c.offset && offset <= c.offset + c.length);
    if (!next) return node;
    node = next;
  }
}

/**
 * The JSON value of a tree node (jsonc-parser's getNodeValue), built with an explicit stack instead of recursion;
 * `scalar` reads each leaf (its value, unless given).
 */
export function toValue(node: AstNode, scalar: (n: AstNode) => unknown = (n) => n.value): unknown {
  const containerOf = (n: AstNode): unknown => (n.type === 'object' ? {} : n.type === 'array' ? [] : scalar(n));
  const root = containerOf(node);
  const stack: { node: AstNode; value: unknown }[] = [{ node, value: root }];
  while (stack.length) {
    const { node: n, value } = stack.pop()!;
    if (n.type === 'object') {
      const o = value as Record<string, unknown>;
      for (const p of n.children ?? []) {
        const k = p.children?.[0], v = p.children?.[1];
        if (!k) continue;
        const child = v ? containerOf(v) : null;
        o[k.value as string] = child;
        if (v && (v.type === 'object' || v.type === 'array')) stack.push({ node: v, value: child });
      }
    } else if (n.type === 'array') {
      const a = value as unknown[];
      for (const c of n.children ?? []) {
        const child = containerOf(c);
        a.push(child);
        if (c.type === 'object' || c.type === 'array') stack.push({ node: c, value: child });
      }
    }
  }
  return root;
}

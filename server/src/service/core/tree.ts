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

/**
 * The innermost node of `root`'s tree whose span contains `offset`, found by binary search over each node's children
 * (in text order; a scan of the 8,000 members of `States` for each finding made fix-all quadratic). Where two spans
 * touch, the first one containing `offset` wins, as with jsonc-parser's findNodeAtOffset.
 *
 * The end rule is the caller's, because the two questions differ. A cursor (`end: 'inclusive'`: completion, hover,
 * navigation) just after a token is still on it: `"Type"|:` is at the key. A node looked up by where it starts
 * (`end: 'exclusive'`: a finding's node, in codeActions) must not be taken for the sibling that ends there, as in
 * `{"a":1"b":2}` (a comma missing: the text still gets findings), where `1` ends where `"b"` starts.
 */
export function nodeAt(root: AstNode | undefined, offset: number, { end = 'inclusive' }: { end?: 'inclusive' | 'exclusive' } = {}): AstNode | undefined {
  const inclusive = end === 'inclusive';
  const contains = (n: AstNode) => offset >= n.offset && (inclusive ? offset <= n.offset + n.length : offset < n.offset + n.length);
  if (!root || !contains(root)) return undefined;
  let node = root;
  for (;;) {
    const children = node.children;
    if (!children?.length) return node;
    // The last child starting at or before `offset`, then back to the first that contains it: siblings touch (in
    // broken text), and the copies a YAML alias or merge key brings share one span.
    let lo = 0;
    let hi = children.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (children[mid].offset <= offset) lo = mid;
      else hi = mid - 1;
    }
    let i = lo;
    while (i > 0 && contains(children[i - 1])) i--;
    // Children out of text order (never in a parse of text, but cheap to honour): the first one containing it.
    const next = contains(children[i]) ? children[i] : children.find(contains);
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

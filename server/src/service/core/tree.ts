// Reading the tree every parser produces (core/types.ts's AstNode): members of objects, strings, the node at an
// offset and the nodes around it, a node's JSON value. Iterative throughout: nesting depth is the user's.
import type { AstNode } from './types';

/**
 * Moves every node of a tree by `delta`, its offset and its key's colon: a subtree after an edit before it, or the tree
 * of a slice of a text put where the slice stands.
 */
export function moveNodes(root: AstNode, delta: number): void {
  const stack = [root];
  while (stack.length) {
    const n = stack.pop()!;
    n.offset += delta;
    if (n.colonOffset !== undefined) n.colonOffset += delta;
    if (n.children) for (const c of n.children) stack.push(c);
  }
}

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

/** The key node of the member whose value is `node` (undefined for an array's item, a key, the root). */
export function keyOfValue(node: AstNode | undefined): AstNode | undefined {
  const members = node?.parent?.type === 'property' ? node.parent.children : undefined;
  return members && members[1] === node ? members[0] : undefined;
}

export function stringValue(node: AstNode | undefined): string | undefined {
  return node?.type === 'string' ? (node.value as string) : undefined;
}

/** How nodeAt reads spans: whether a node's end holds the offset, and which of two siblings holding it wins. */
export interface NodeAtOptions {
  end?: 'inclusive' | 'exclusive';
  tie?: 'first' | 'last';
}

/**
 * The innermost node of `root`'s tree whose span contains `offset`, found by binary search over each node's children
 * (in text order; a scan of the 8,000 members of `States` for each finding made fix-all quadratic).
 *
 * The end rule is the caller's, because the two questions differ. A cursor (`end: 'inclusive'`: completion, hover,
 * navigation) just after a token is still on it: `"Type"|:` is at the key. A node looked up by where it starts
 * (`end: 'exclusive'`: a finding's node, in codeActions) must not be taken for the sibling that ends there, as in
 * `{"a":1"b":2}` (a comma missing: the text still gets findings), where `1` ends where `"b"` starts.
 *
 * Where two siblings contain `offset`, the first wins (`tie: 'first'`), as with jsonc-parser's findNodeAtOffset, or
 * the last (`tie: 'last'`: YAML completion's value and key lookups). Spans touch in broken text (`1` and `"b"` above;
 * a YAML `{` left open runs to the next line's start), an empty YAML key ends where its value starts, and spans
 * coincide in YAML copies: every node an alias brings has the alias's span, every member a merge key brings the
 * `<<` entry's.
 */
export function nodeAt(root: AstNode | undefined, offset: number, { end = 'inclusive', tie = 'first' }: NodeAtOptions = {}): AstNode | undefined {
  const inclusive = end === 'inclusive';
  const contains = (n: AstNode) => offset >= n.offset && (inclusive ? offset <= n.offset + n.length : offset < n.offset + n.length);
  if (!root || !contains(root)) return undefined;
  let node = root;
  for (;;) {
    const children = node.children;
    if (!children?.length) return node;
    // The last child starting at or before `offset` (the last that can contain it), then, for the first, back
    // over the ones before it that contain it too.
    let lo = 0;
    let hi = children.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (children[mid].offset <= offset) lo = mid;
      else hi = mid - 1;
    }
    let i = lo;
    if (tie === 'first') while (i > 0 && contains(children[i - 1])) i--;
    // Children out of text order (never in a parse of text, but cheap to honour): the first (last) one containing it.
    const next = contains(children[i]) ? children[i] : tie === 'first' ? children.find(contains) : findLast(children, contains);
    if (!next) return node;
    node = next;
  }
}

/**
 * The nodes of `root`'s tree whose span holds `offset` on nodeAt's way down (same options): its answer, then that
 * node's parents up to `root`, innermost first. For a question about the nodes around an offset (the flow collection
 * the cursor is in), asked of the one descent rather than a walk of its own.
 */
export function nodesAt(root: AstNode | undefined, offset: number, options?: NodeAtOptions): AstNode[] {
  const nodes: AstNode[] = [];
  for (let n = nodeAt(root, offset, options); n; n = n === root ? undefined : n.parent) nodes.push(n);
  return nodes;
}

function findLast<T>(items: T[], test: (item: T) => boolean): T | undefined {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i])) return items[i];
  return undefined;
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

/**
 * The value a wrong-typed literal plainly stands for, of the type `want`: a number or boolean in quotes without them,
 * a number or boolean where a string belongs in quotes (a number as written: 0.10 becomes "0.10", not "0.1").
 * Undefined when there is none, or when it would still be wrong ("1.5" for an integer, "1e999" for any number).
 * The SageMaker request checks and the ASL structure checks offer it as their fix.
 */
export function intendedValue(text: string, node: AstNode, want: string): string | number | boolean | undefined {
  const v = node.value;
  if (want === 'string' && (node.type === 'number' || node.type === 'boolean')) {
    const raw = text.slice(node.offset, node.offset + node.length);
    return node.type === 'number' && /^-?[0-9.eE+-]+$/.test(raw) ? raw : String(v);
  }
  if (node.type !== 'string') return undefined;
  // Decimal notation only: Number() also reads "0x10" and "0b1", which no one writes for a count.
  if ((want === 'integer' || want === 'number') && /^\s*[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?\s*$/.test(v)) {
    const n = Number(v);
    return Number.isFinite(n) && (want === 'number' || Number.isInteger(n)) ? n : undefined;
  }
  if (want === 'boolean' && /^(true|false)$/i.test(v)) return v.toLowerCase() === 'true';
  // YAML 1.1's booleans, a string in YAML 1.2 (which the yaml package reads), written plain (ux42: `yes` had no fix);
  // only where the text says how it is written.
  if (want === 'boolean' && /^(yes|no|on|off|y|n)$/i.test(v) && /^[^"']/.test(text.slice(node.offset, node.offset + 1))) return /^(yes|on|y)$/i.test(v);
  return undefined;
}

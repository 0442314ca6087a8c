// Re-parsing a large document on every keystroke allocates its whole tree again; most of the cost is garbage
// collection. An edit usually stays inside one small object, so: find the smallest object or array of the
// previous tree that encloses the changed text, parse only its new text, splice it in and shift the offsets
// of what follows. Anything unusual (syntax errors, YAML, an edit that touches a container's brackets) takes
// the full parse.
import { parseStrictJson } from './fastJson';
import { jsonNestingDepth, MAX_DEPTH } from './parse';
import { diffSpan } from '../core/text';
import { moveNodes, nodesAt } from '../core/tree';
import { holdsForeign, nextStamp } from '../core/findingsCache';
import type { AstNode, ParsedDocument } from '../core/types';

// Every node whose subtree an edit changed gets a new stamp (core/types.ts, core/findingsCache.ts nextStamp): a
// per-node cache keeps what it derived from a node only while the node and its stamp are the same.

/**
 * The new parse of `text`, reusing `prev` (whose tree is updated in place and must not be used afterwards).
 * `onSplice` learns the nodes the change was confined to: the fresh nodes that replaced re-parsed containers
 * (several when a big container was re-parsed member by member); the rest of the tree is the old one.
 */
export function reparse(prev: ParsedDocument, text: string, onSplice?: (changed: AstNode[]) => void): AstNode | undefined {
  if (prev.language !== 'json' || prev.syntaxErrors.length || !prev.root || holdsForeign(prev.root)) return undefined;
  const { start, oldEnd, newEnd } = diffSpan(prev.text, text);
  const delta = newEnd - oldEnd;
  if (delta === 0 && start === oldEnd) return prev.root; // same text

  const container = enclosing(prev.root, start, oldEnd);
  if (!container) return undefined;
  const changed = (container.children?.length ?? 0) >= MEMBERWISE ? memberwise(container, prev.text, text, start, oldEnd, delta) : undefined;
  if (changed) {
    // The container keeps its place: only its changed members are new; everything after it moves by delta.
    container.stamp = nextStamp();
    container.length += delta;
    lengthen(container, delta, undefined);
    onSplice?.(changed);
    return prev.root;
  }
  const fresh = replace(container, text, delta, undefined);
  if (!fresh) return undefined;
  onSplice?.([fresh]);
  return fresh.parent ? prev.root : fresh;
}

/**
 * The deepest container under `top` (itself included) whose brackets lie strictly outside the changed span: of the
 * nodes at `start`, the innermost such (every one holding the span strictly holds `start`, so it is among them).
 */
function enclosing(top: AstNode, start: number, oldEnd: number): AstNode | undefined {
  return nodesAt(top, start).find((n) => (n.type === 'object' || n.type === 'array') && n.offset < start && oldEnd < n.offset + n.length);
}

/**
 * Parses the new text of `container` (its old length + delta) and puts the fresh node in its place; its ancestors
 * up to `top` (exclusive; undefined: the root) grow by delta. Undefined (nothing changed) when it does not parse.
 */
function replace(container: AstNode, text: string, delta: number, top: AstNode | undefined): AstNode | undefined {
  const slice = text.slice(container.offset, container.offset + container.length + delta);
  // Past the depth limit the full parse gives its "too deep" warning (and the tree would be too deep to walk).
  let depth = jsonNestingDepth(slice);
  for (let p = container.parent; p; p = p.parent) if (p.type === 'object' || p.type === 'array') depth++;
  if (depth > MAX_DEPTH) return undefined;
  const fresh = parseStrictJson(slice);
  if (!fresh || fresh.type !== container.type) return undefined;
  moveNodes(fresh, container.offset);
  // Splice: the fresh node takes the old one's place; everything after it moves by delta.
  const parent = container.parent;
  fresh.parent = parent;
  if (parent) parent.children![parent.children!.indexOf(container)] = fresh;
  lengthen(fresh, delta, top);
  return fresh;
}

/** The ancestors of a changed node up to `top` (exclusive) grow by delta and get a new stamp; what follows each moves. */
function lengthen(changed: AstNode, delta: number, top: AstNode | undefined) {
  let child = changed;
  for (let p = changed.parent; p && p !== top; child = p, p = p.parent) {
    p.length += delta;
    p.stamp = nextStamp();
    if (delta === 0) continue;
    const siblings = p.children!;
    for (let i = siblings.indexOf(child) + 1; i < siblings.length; i++) moveNodes(siblings[i], delta);
  }
}

/** Containers with at least this many members are re-parsed member by member when a change spans several. */
const MEMBERWISE = 16;

/**
 * The spans of a container's members (object members, array items) in `text`, between its brackets at `from`
 * and `to` (exclusive): split at the commas outside strings and brackets, trimmed. Undefined for an empty member.
 */
function memberSpans(text: string, from: number, to: number): [number, number][] | undefined {
  const spans: [number, number][] = [];
  let depth = 0, begin = from + 1;
  const push = (end: number) => {
    let a = begin, b = end;
    while (a < b && isSpace(text.charCodeAt(a))) a++;
    while (b > a && isSpace(text.charCodeAt(b - 1))) b--;
    if (a === b) return false;
    spans.push([a, b]);
    return true;
  };
  for (let i = from + 1; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // A string: to its closing quote (escapes skipped).
      for (i++; i < to && text.charCodeAt(i) !== 0x22; i++) if (text.charCodeAt(i) === 0x5c) i++;
    } else if (c === 0x7b || c === 0x5b) depth++;
    else if (c === 0x7d || c === 0x5d) depth--;
    else if (c === 0x2c && depth === 0) {
      if (!push(i)) return undefined;
      begin = i + 1;
    }
  }
  return push(to) ? spans : undefined;
}
const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/**
 * A change that spans several members of a big container (a Replace All across States): each member whose text
 * is unchanged keeps its node (moved), the others re-parse what encloses their change. In place; the fresh nodes,
 * or undefined when the members cannot be matched one to one or one does not parse: then the whole container is
 * parsed (what this changed in the old tree is dropped with it).
 */
function memberwise(container: AstNode, before: string, text: string, start: number, oldEnd: number, delta: number): AstNode[] | undefined {
  const old = container.children!;
  const spans = memberSpans(text, container.offset, container.offset + container.length + delta - 1);
  if (!spans || spans.length !== old.length) return undefined;
  const fresh: AstNode[] = [];
  let outer = 1;
  for (let p = container.parent; p; p = p.parent) if (p.type === 'object' || p.type === 'array') outer++;
  const next: AstNode[] = [];
  for (let i = 0; i < old.length; i++) {
    const c = old[i];
    const [a, b] = spans[i];
    const moved = c.offset + c.length <= start ? 0 : c.offset >= oldEnd ? delta : undefined;
    if (moved !== undefined ? a === c.offset + moved && b - a === c.length : b - a === c.length && before.slice(c.offset, c.offset + c.length) === text.slice(a, b)) {
      next.push(c);
      continue;
    }
    const member = text.slice(a, b);
    // The change inside the member: moved to its new start, the member re-parses only what encloses it.
    const was = before.slice(c.offset, c.offset + c.length);
    if (a !== c.offset) moveNodes(c, a - c.offset);
    const local = diffSpan(was, member);
    const inner = enclosing(c, a + local.start, a + local.oldEnd);
    const within = inner && inner !== c && replace(inner, text, local.newEnd - local.oldEnd, c.parent);
    if (within) {
      next.push(c); // grown, stamped and its later members moved by replace(), up to itself
      fresh.push(within);
      continue;
    }
    if (outer + jsonNestingDepth(member) > MAX_DEPTH) return undefined;
    // An object's member is parsed as the only member of an object; its offsets then start one before it.
    const parsed = container.type === 'object' ? parseStrictJson(`{${member}}`)?.children?.[0] : parseStrictJson(member);
    if (!parsed || parsed.length !== b - a || (container.type === 'object' && parsed.parent?.children?.length !== 1)) return undefined;
    moveNodes(parsed, container.type === 'object' ? a - 1 : a);
    next.push(parsed);
    fresh.push(parsed);
  }
  for (let i = 0; i < old.length; i++) {
    const c = next[i];
    if (c === old[i]) {
      const by = spans[i][0] - c.offset;
      if (by) moveNodes(c, by);
    } else {
      c.parent = container;
      old[i] = c;
    }
  }
  return fresh;
}

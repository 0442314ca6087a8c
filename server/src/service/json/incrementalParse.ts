// Re-parsing a large document on every keystroke allocates its whole tree again; most of the cost is garbage
// collection. An edit usually stays inside one small object, so: find the smallest object or array of the
// previous tree that encloses the changed text, parse only its new text, splice it in and shift the offsets
// of what follows. Anything unusual (syntax errors, YAML, an edit that touches a container's brackets) takes
// the full parse.
import { parseStrictJson } from './fastJson';
import { jsonNestingDepth, MAX_DEPTH } from './parse';
import type { AstNode, ParsedDocument } from '../core/types';

/** The changed span: old text [start, oldEnd) became new text [start, newEnd). */
function diffSpan(a: string, b: string): { start: number; oldEnd: number; newEnd: number } {
  const min = Math.min(a.length, b.length);
  let start = 0;
  // Compare in chunks first: native string comparison is much faster than a char loop.
  for (let step = 4096; step >= 1; step >>= 4) {
    while (start + step <= min && a.slice(start, start + step) === b.slice(start, start + step)) start += step;
  }
  let end = 0;
  const maxEnd = min - start;
  for (let step = 4096; step >= 1; step >>= 4) {
    while (end + step <= maxEnd && a.slice(a.length - end - step, a.length - end) === b.slice(b.length - end - step, b.length - end)) end += step;
  }
  return { start, oldEnd: a.length - end, newEnd: b.length - end };
}

function shift(node: AstNode, delta: number) {
  const stack = [node];
  while (stack.length) {
    const n = stack.pop()!;
    n.offset += delta;
    if (n.colonOffset !== undefined) n.colonOffset += delta;
    if (n.children) for (const c of n.children) stack.push(c);
  }
}

/** The new parse of `text`, reusing `prev` (whose tree is updated in place and must not be used afterwards). */
export function reparse(prev: ParsedDocument, text: string): AstNode | undefined {
  if (prev.language !== 'json' || prev.syntaxErrors.length || !prev.root) return undefined;
  const { start, oldEnd, newEnd } = diffSpan(prev.text, text);
  const delta = newEnd - oldEnd;
  if (delta === 0 && start === oldEnd) return prev.root; // same text

  // The deepest container whose brackets lie strictly outside the changed span.
  let container: AstNode | undefined;
  let node: AstNode | undefined = prev.root;
  while (node) {
    const inside = node.offset < start && oldEnd < node.offset + node.length;
    if (!inside) break;
    if (node.type === 'object' || node.type === 'array') container = node;
    node = node.children?.find((c) => c.offset <= start && oldEnd <= c.offset + c.length);
  }
  if (!container) return undefined;

  const slice = text.slice(container.offset, container.offset + container.length + delta);
  // Past the depth limit the full parse gives its "too deep" warning (and the tree would be too deep to walk).
  let depth = jsonNestingDepth(slice);
  for (let p = container.parent; p; p = p.parent) if (p.type === 'object' || p.type === 'array') depth++;
  if (depth > MAX_DEPTH) return undefined;
  const fresh = parseStrictJson(slice);
  if (!fresh || fresh.type !== container.type) return undefined;
  shift(fresh, container.offset);

  // Splice: the fresh node takes the old one's place; everything after it moves by delta.
  const parent = container.parent;
  fresh.parent = parent;
  if (parent) parent.children![parent.children!.indexOf(container)] = fresh;
  let child: AstNode = fresh;
  for (let p = parent; p; child = p, p = p.parent) {
    p.length += delta;
    const siblings = p.children!;
    for (let i = siblings.indexOf(child) + 1; i < siblings.length; i++) shift(siblings[i], delta);
  }
  return parent ? prev.root : fresh;
}

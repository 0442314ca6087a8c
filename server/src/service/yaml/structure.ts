// Folding and smart selection of a YAML state machine or template, over the tree the store has parsed, iteratively:
// each mapping member and list item whose value runs over more than one line folds from its first line to its last
// (ux42: the server answered [] for every YAML file, and VS Code, taking that for an answer, turned off its own
// indentation folding); a selection expands from a value through its member and the collections holding it.
import { nodeAt } from '../core/tree';
import type { AstNode, OffsetRange } from '../core/types';

/** At most this many ranges, as the JSON features' rangeLimit. */
const RANGE_LIMIT = 20_000;

/** The spans that fold, in offsets (lsp.ts makes lines of them): each member from its key, each list item that is a mapping or a list. */
export function yamlFoldingSpans(root: AstNode | undefined, text: string): OffsetRange[] {
  const out: OffsetRange[] = [];
  const stack: AstNode[] = root ? [root] : [];
  // The first line break at or after a node's start: nodes come in document order, so the one found is reused until
  // a node starts past it (the review of the day: a search from each node of a long flow line was quadratic).
  let newline = -1;
  const newlineFrom = (from: number) => {
    if (newline < from) newline = text.indexOf('\n', from) >>> 0; // -1 (none) as the largest offset
    return newline;
  };
  while (stack.length && out.length < RANGE_LIMIT) {
    const node = stack.pop()!;
    const folds = node.type === 'property' || ((node.type === 'object' || node.type === 'array') && node.parent?.type === 'array');
    if (folds) {
      const end = contentEnd(text, node);
      if (newlineFrom(node.offset) < end) out.push({ offset: node.offset, length: end - node.offset });
    }
    const children = node.children ?? [];
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return out;
}

/** Where a node's text ends, the line breaks and spaces its span may take in after it left out. */
function contentEnd(text: string, node: AstNode): number {
  let end = node.offset + node.length;
  while (end > node.offset && (text[end - 1] === '\n' || text[end - 1] === '\r' || text[end - 1] === ' ')) end--;
  return end;
}

/** At most this many ranges one selection expands through, as the JSON features'. */
const MAX_SELECTION_DEPTH = 500;

/**
 * Smart selection in YAML (ux42: none): from the node at `offset` out through its parents, a value, its member (key
 * and value), the mapping or list holding it; each span once, trailing line breaks and spaces left out.
 */
export function yamlSelectionSpans(root: AstNode | undefined, text: string, offset: number): OffsetRange[] {
  const spans: OffsetRange[] = [];
  for (let node = nodeAt(root, offset); node && spans.length < MAX_SELECTION_DEPTH; node = node.parent) {
    const end = contentEnd(text, node);
    const last = spans[spans.length - 1];
    if (end <= node.offset || (last && last.offset === node.offset && last.length === end - node.offset)) continue;
    if (last && (node.offset > last.offset || end < last.offset + last.length)) continue; // a span that does not hold the one before
    spans.push({ offset: node.offset, length: end - node.offset });
  }
  return spans;
}

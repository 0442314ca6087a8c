// Folding of a YAML state machine or template: each mapping member and list item whose value runs over more than one
// line folds from its first line to its last (ux42: the server answered [] for every YAML file, and VS Code, taking
// that for an answer, turned off its own indentation folding). Over the tree the store has parsed, iteratively.
import type { AstNode, OffsetRange } from '../core/types';

/** At most this many ranges, as the JSON features' rangeLimit. */
const RANGE_LIMIT = 20_000;

/** The spans that fold, in offsets (lsp.ts makes lines of them): each member from its key, each list item that is a mapping or a list. */
export function yamlFoldingSpans(root: AstNode | undefined, text: string): OffsetRange[] {
  const out: OffsetRange[] = [];
  const stack: AstNode[] = root ? [root] : [];
  while (stack.length && out.length < RANGE_LIMIT) {
    const node = stack.pop()!;
    const folds = node.type === 'property' || ((node.type === 'object' || node.type === 'array') && node.parent?.type === 'array');
    if (folds) {
      // A span may take in the line break and spaces after it.
      let end = node.offset + node.length;
      while (end > node.offset && (text[end - 1] === '\n' || text[end - 1] === '\r' || text[end - 1] === ' ')) end--;
      const newline = text.indexOf('\n', node.offset);
      if (newline >= 0 && newline < end) out.push({ offset: node.offset, length: end - node.offset });
    }
    const children = node.children ?? [];
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return out;
}

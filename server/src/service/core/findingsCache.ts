// Findings of one part of a document (a state), keyed by that part's own text, with offsets kept relative to the
// part: on a keystroke only the parts whose text changed are checked again, the others' findings are moved to
// where the part now is. Only for JSON: in YAML a part's findings also depend on the anchors its aliases point
// at (outside its text), and the same text may read differently as YAML and as JSON.
//
// Two layers. After an incremental re-parse the unchanged parts are the same nodes with the same stamp
// (core/types.ts): found by identity, without reading their text. After a full parse (every node new: a reopen, the
// first parse after a syntax error) the part's text is the key, so a part with a text already seen is not checked
// again. A part an incremental re-parse changed in place (a stamped node) is just checked: its text is new, and
// hashing it as a key cost more than the check (a Replace All of 800 states: 5 ms of 40).
//
// A part whose tree is not what its text reads as on its own is never keyed by its text: in a template an intrinsic
// (`{ "Ref": … }`) is rewritten in place into a value known at deployment (templates/intrinsics.ts), while the same
// text in an .asl.json is an object where a string belongs.
import type { AstNode, Problem } from './types';

const rewritten = new WeakSet<AstNode>();

// The stamps of core/types.ts AstNode.stamp: one counter for the incremental re-parse and the rewrites in place.
let stamps = 0;
/** A stamp no node has had yet. */
export const nextStamp = (): number => ++stamps;

/**
 * Marks `node` and its ancestors changed in place (a new stamp each): what a per-node cache derived from them is not
 * reused. For a rewrite an incremental re-parse cannot know of (templates/substitutions.ts: a placeholder that an
 * edit elsewhere, to a DefinitionSubstitutions key, now lets a literal replace).
 */
export function restamp(node: AstNode) {
  for (let n: AstNode | undefined = node; n; n = n.parent) n.stamp = nextStamp();
}

/** Marks `node` and its ancestors: a node under them was rewritten in place, so their text is not what they read as. */
export function markRewritten(node: AstNode) {
  for (let n: AstNode | undefined = node; n && !rewritten.has(n); n = n.parent) rewritten.add(n);
}

/**
 * Trees that hold a node standing for text elsewhere (a followed substitution: the literal a placeholder stands for,
 * placed where the literal is written): an incremental re-parse moves nodes by the edit around them, and would
 * misplace it, so such a tree is parsed again whole (json/incrementalParse.ts).
 */
const holdingForeign = new WeakSet<AstNode>();
export const markHoldsForeign = (root: AstNode): void => void holdingForeign.add(root);
export const holdsForeign = (root: AstNode): boolean => holdingForeign.has(root);

/** `part`: the node the findings belong to (a state's property node); `extra`: what else they depend on (e.g. the query language). */
export type FindingsCache<T extends { offset: number } = Problem> = (part: AstNode, extra: string, text: string, check: () => T[]) => T[];

export function createFindingsCache<T extends { offset: number } = Problem>(limit = 20_000): FindingsCache<T> {
  // By `extra`, then by the part's text: the text is a slice of the document, hashed without being copied.
  const byText = new Map<string, Map<string, T[]>>();
  let size = 0;
  const byNode = new WeakMap<AstNode, { stamp: number | undefined; extra: string; relative: T[] }>();
  const remember = (extra: string, key: string, relative: T[]) => {
    if (size >= limit) {
      byText.clear();
      size = 0;
    }
    let texts = byText.get(extra);
    if (!texts) byText.set(extra, (texts = new Map()));
    texts.set(key, relative);
    size++;
  };
  // While nothing is known by text (a process's first document), the parts of that parse are not hashed: nothing
  // could be found by them, and hashing every state's text is a few percent of the first check. They are kept here
  // and keyed once the check is over (the next turn of the event loop, after its findings are out), or before
  // another parse asks, whichever comes first; the parse's tree and text are not held longer.
  let pending: { root: AstNode; text: string; offset: number; length: number; extra: string; relative: T[] }[] = [];
  const flush = () => {
    for (const p of pending) remember(p.extra, p.text.slice(p.offset, p.offset + p.length), p.relative);
    pending = [];
  };
  return (part, extra, text, check) => {
    const base = part.offset;
    const known = byNode.get(part);
    let relative: T[] | undefined;
    if (known && known.stamp === part.stamp && known.extra === extra) relative = known.relative;
    else {
      // By text only a part of a full parse that reads as its text (not stamped, nothing in it rewritten).
      const keyed = part.stamp === undefined && !rewritten.has(part);
      const root = keyed ? rootOf(part) : undefined;
      if (pending.length && root && pending[0].root !== root) flush();
      const deferred = keyed && size === 0 && (!pending.length || pending[0].root === root);
      const key = keyed && !deferred ? text.slice(base, base + part.length) : undefined;
      relative = key === undefined ? undefined : byText.get(extra)?.get(key);
      if (!relative) {
        relative = check().map((p) => ({ ...p, offset: p.offset - base }));
        if (key !== undefined) remember(extra, key, relative);
        else if (deferred) {
          if (!pending.length) setTimeout(flush, 0).unref?.();
          pending.push({ root: root!, text, offset: base, length: part.length, extra, relative });
        }
      }
      byNode.set(part, { stamp: part.stamp, extra, relative });
    }
    return relative.length ? relative.map((p) => ({ ...p, offset: p.offset + base })) : [];
  };
}

const rootOf = (node: AstNode): AstNode => {
  let n = node;
  while (n.parent) n = n.parent;
  return n;
};

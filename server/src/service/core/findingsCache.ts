// Findings of one part of a document (a state), keyed by that part's own text, with offsets kept relative to the
// part: on a keystroke only the parts whose text changed are checked again, the others' findings are moved to
// where the part now is. Only for JSON: in YAML a part's findings also depend on the anchors its aliases point
// at (outside its text), and the same text may read differently as YAML and as JSON.
import type { Problem } from './types';

export type FindingsCache = (key: string, base: number, check: () => Problem[]) => Problem[];

export function createFindingsCache(limit = 20_000): FindingsCache {
  const cache = new Map<string, Problem[]>();
  return (key, base, check) => {
    let relative = cache.get(key);
    if (!relative) {
      relative = check().map((p) => ({ ...p, offset: p.offset - base }));
      if (cache.size >= limit) cache.clear();
      cache.set(key, relative);
    }
    return relative.map((p) => ({ ...p, offset: p.offset + base }));
  };
}

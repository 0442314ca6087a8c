// `target.push(...items)` passes each item as an argument, and V8 refuses a call with more than about 120,000 of
// them (RangeError: Maximum call stack size exceeded): a document with that many findings, members or array items
// got no diagnostics at all. Every list that grows with the document is appended to here, one item at a time.

/** Appends `items` to `target`; returns `target`. */
export function append<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}

/** The list `map` holds for `key`, created empty the first time: appended to in place (a copy per item is quadratic). */
export function listOf<K, V>(map: Map<K, V[]>, key: K): V[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
}

// The JSONPath subset Step Functions' Parameters use to pick values: `$`, `$.a.b`, `$['a b']`, `[0]`, and `$$.`
// for the context object. Filters, wildcards and slices are not supported here and say so.

export type PathSegment = string | number;

/** The segments of a reference path; throws a readable error when it is not one. */
export function parsePath(path: string): { root: '$' | '$$'; segments: PathSegment[] } {
  const root = path.startsWith('$$') ? '$$' : path.startsWith('$') ? '$' : undefined;
  if (!root) throw new Error(`"${path}" is not a path: it must start with $ or $$`);
  const segments: PathSegment[] = [];
  let i = root.length;
  while (i < path.length) {
    const c = path[i];
    if (c === '.') {
      const m = /^[^.[\]]+/.exec(path.slice(i + 1));
      if (!m) throw new Error(`"${path}": expected a name after "." at ${i}`);
      if (m[0] === '*' ) throw new Error(`"${path}": wildcards are not supported when launching from the editor`);
      segments.push(m[0]);
      i += 1 + m[0].length;
    } else if (c === '[') {
      const rest = path.slice(i);
      const quoted = /^\[\s*(['"])((?:\\.|(?!\1).)*)\1\s*\]/.exec(rest);
      const index = /^\[\s*(\d+)\s*\]/.exec(rest);
      if (quoted) {
        segments.push(quoted[2].replace(/\\(.)/g, '$1'));
        i += quoted[0].length;
      } else if (index) {
        segments.push(Number(index[1]));
        i += index[0].length;
      } else throw new Error(`"${path}": only ['name'] and [index] are supported inside brackets (at ${i})`);
    } else throw new Error(`"${path}": unexpected "${c}" at ${i}`);
  }
  return { root, segments };
}

/** The value at `path`, reading `$` from `input` and `$$` from `context`; throws naming the missing part. */
export function readPath(path: string, input: unknown, context: unknown): unknown {
  const { root, segments } = parsePath(path);
  let value: unknown = root === '$' ? input : context;
  let at: string = root;
  for (const segment of segments) {
    const next = typeof segment === 'number' ? `${at}[${segment}]` : /^[A-Za-z_][\w-]*$/.test(segment) ? `${at}.${segment}` : `${at}['${segment}']`;
    const container = value as Record<string | number, unknown>;
    const found =
      typeof segment === 'number'
        ? Array.isArray(value) && segment < value.length
        : value !== null && typeof value === 'object' && !Array.isArray(value) && Object.prototype.hasOwnProperty.call(value, segment);
    if (!found) {
      const where = root === '$' ? 'the execution input' : 'the context object';
      throw new Error(`${next} is not in ${where} (${at} is ${describe(value)})`);
    }
    value = container[segment];
    at = next;
  }
  return value;
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (value === null) return 'null';
  if (typeof value === 'object') return `an object with ${Object.keys(value as object).map((k) => `"${k}"`).join(', ') || 'no keys'}`;
  return `${typeof value} ${JSON.stringify(value)}`;
}

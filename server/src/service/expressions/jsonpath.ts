// Step Functions JSONPath, parsed by hand (linear, no regex backtracking). Lenient where Step Functions is:
// a false error costs users more than a missed one, so only what is certainly malformed is reported.
import type { ExpressionError } from './types';

export type PathKind = 'path' | 'reference';

const err = (start: number, end: number, message: string): ExpressionError => ({ start, end, message, code: 'invalid-path' });

/** Scans a bracket segment starting at `i` (at `[`); returns the index after `]`, or an error. */
function bracket(s: string, i: number, kind: PathKind): number | ExpressionError {
  const open = i;
  i++;
  let depth = 0;
  let sawFilter = false;
  let sawWildcardOrSlice = false;
  for (; i < s.length; i++) {
    const c = s[i];
    if (c === "'" || c === '"') {
      const q = c;
      for (i++; i < s.length && s[i] !== q; i++) if (s[i] === '\\') i++;
      if (i >= s.length) return err(open, s.length, `Unterminated string in ${s.slice(open, open + 20)}`);
    } else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '?' && depth === 0) sawFilter = true;
    else if ((c === '*' || c === ':' || c === ',') && depth === 0) sawWildcardOrSlice = true;
    else if (c === ']' && depth <= 0) break;
  }
  if (i >= s.length) return err(open, s.length, `Unterminated bracket: "${s.slice(open)}" needs a closing ]`);
  const inner = s.slice(open + 1, i).trim();
  if (!inner) return err(open, i + 1, 'Empty brackets []: write an index, a quoted name, * or a filter');
  if (kind === 'reference' && (sawFilter || sawWildcardOrSlice)) {
    return err(open, i + 1, `A reference path cannot use filters, wildcards, slices or unions: ${s.slice(open, i + 1)}`);
  }
  return i + 1;
}

/**
 * Checks a JSONPath: `$` (input), `$$` (context object) or `$name` (a variable), followed by `.name`, `..name`,
 * `.*`, `['name']`, `[0]`, `[*]`, slices, unions and filters. Reference paths (ResultPath) allow only names
 * and indexes.
 */
export function checkJsonPath(value: string, kind: PathKind = 'path'): ExpressionError | undefined {
  // Surrounding whitespace is ignored by Step Functions (real definitions have "$$.Execution.Name ").
  const lead = value.length - value.trimStart().length;
  const e = checkTrimmed(value.trim(), kind);
  return e && { ...e, start: e.start + lead, end: e.end + lead };
}

function checkTrimmed(s: string, kind: PathKind): ExpressionError | undefined {
  if (!s.startsWith('$')) return err(0, Math.min(s.length, 1) || 0, `${JSON.stringify(s.slice(0, 40))} is not a path: a path starts with $ (the input), $$ (the context object) or $name (a variable)`);
  let i = 1;
  if (s[i] === '$') i++;
  else while (i < s.length && /[A-Za-z0-9_]/.test(s[i])) i++; // a variable name
  while (i < s.length) {
    const c = s[i];
    if (c === '.') {
      if (s[i + 1] === '.') {
        if (kind === 'reference') return err(i, i + 2, 'A reference path cannot use the deep scan ..');
        i += 2;
      } else i++;
      if (s[i] === '*') {
        if (kind === 'reference') return err(i, i + 1, 'A reference path cannot use the wildcard *');
        i++;
        continue;
      }
      if (s[i] === '[') continue; // `..[0]`
      const start = i;
      while (i < s.length && s[i] !== '.' && s[i] !== '[') i++;
      if (i === start) return err(start - 1, Math.min(s.length, start + 1), `A name is missing after "." in ${JSON.stringify(s.slice(0, 60))}`);
      const name = s.slice(start, i);
      // Parentheses in a dotted name mean a call written where a name belongs (but `.length()` is JSONPath's own).
      if (/[()]/.test(name) && name !== 'length()') {
        return err(start, i, `${JSON.stringify(name)} cannot be written after "."; intrinsic functions are not path segments (use ['${name}'] for a name with parentheses)`);
      }
    } else if (c === '[') {
      const end = bracket(s, i, kind);
      if (typeof end !== 'number') return end;
      i = end;
    } else {
      return err(i, i + 1, `Unexpected ${JSON.stringify(c)} in path ${JSON.stringify(s.slice(0, 60))}: segments are .name or [...]`);
    }
  }
  return undefined;
}

// Intrinsic function calls (`States.Format('{}-x', $.id)`): one parser whose tree carries source offsets, used to
// check a call (server), to bound its result's length, and to evaluate it (client).
import { Code } from '../core/codes';
import { closest } from '../core/text';
import { argSpec, INTRINSIC_FUNCTIONS, type ArgType, type IntrinsicFunction } from './functions';
import { parseRange, type PathNode } from './jsonpath';
import { isExpressionError, type ExpressionError } from './types';
import { append } from '../core/append';

export type IntrinsicArg =
  | { kind: 'string'; value: string; raw: string; start: number; end: number }
  | { kind: 'number'; value: number; text: string; start: number; end: number }
  | { kind: 'literal'; value: boolean | null; text: string; start: number; end: number }
  | PathNode
  | Call;

export interface Call {
  kind: 'call';
  name: string;
  args: IntrinsicArg[];
  start: number;
  end: number;
}

/** Every intrinsic function with its number of arguments [min, max]. */
export const INTRINSICS: Record<string, [number, number]> = Object.fromEntries([...INTRINSIC_FUNCTIONS.values()].map((f) => [f.name, [f.min, f.max]]));

/** The function a misspelt or miscased name means, compared without the common `States.` prefix. */
function suggest(name: string): string | undefined {
  const known = [...INTRINSIC_FUNCTIONS.keys()];
  return known.find((k) => k.toLowerCase() === name.toLowerCase()) ?? closest(name.slice(7), known.map((k) => k.slice(7)), 1).map((k) => `States.${k}`)[0];
}

class Fail {
  constructor(readonly error: ExpressionError) {}
}
const fail = (start: number, end: number, message: string, replacement?: string): never => {
  throw new Fail({ start, end, message, code: Code.invalidIntrinsic, ...(replacement ? { replacement } : {}) });
};

// Between the parts of a call (as the Step Functions grammar skips them).
const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r';
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

export interface ParseOptions {
  /**
   * Also check the call against the function table as it is read: known names, arity, literal arguments
   * (`States.Hash` algorithms) and each function's own check (`States.Format`'s placeholders). The server checks;
   * the evaluator checks values at run time instead, with messages about the values.
   */
  check?: boolean;
}

/** Parses a whole intrinsic call; the error says where and why it is malformed. */
export function parseIntrinsic(s: string, options: ParseOptions = { check: true }): Call | ExpressionError {
  const check = options.check !== false;
  let i = 0;
  const ws = () => {
    while (isSpace(s[i])) i++;
  };

  let depth = 0;
  function call(): Call {
    const start = i;
    if (++depth > 64) fail(start, s.length, 'Intrinsic functions are nested too deeply (more than 64 levels)');
    let j = i + 7;
    if (s.startsWith('States.', i)) while (j < s.length && /[A-Za-z0-9]/.test(s[j])) j++;
    if (!s.startsWith('States.', i) || j === i + 7) fail(i, Math.min(s.length, i + 7), `Expected an intrinsic function name after "States.", such as States.Format(…)`);
    const name = s.slice(i, j);
    i = j;
    const f = INTRINSIC_FUNCTIONS.get(name);
    const guess = !f && check ? suggest(name) : undefined;
    if (!f && check) fail(start, i, `Unknown intrinsic function ${name}${guess ? `; did you mean ${guess}?` : ''}`, guess);
    const nameEnd = i;
    ws();
    if (s[i] !== '(') fail(start, nameEnd, `${name} must be called: ${name}(…)`);
    i++;
    const args: IntrinsicArg[] = [];
    ws();
    if (s[i] === ')') i++;
    else
      for (;;) {
        ws();
        if (i >= s.length) fail(start, s.length, `${name}( is not closed: a ) is missing`);
        args.push(arg());
        ws();
        if (s[i] === ',') {
          i++;
          continue;
        }
        if (s[i] === ')') {
          i++;
          break;
        }
        if (i >= s.length) fail(start, s.length, `${name}( is not closed: a ) is missing`);
        fail(i, i + 1, `Expected , or ) after an argument of ${name}, found ${JSON.stringify(s[i])}`);
      }
    const c: Call = { kind: 'call', name, args, start, end: i };
    if (check && f) checkCall(f, c);
    depth--;
    return c;
  }

  function arg(): IntrinsicArg {
    const start = i;
    const c = s[i];
    if (c === "'") {
      // \' \\ \{ \} and any other \x stand for x; `raw` keeps the escapes for States.Format's placeholders.
      let value = '';
      let run = ++i; // the start of the text since the last escape, appended as one slice
      for (; i < s.length && s[i] !== "'"; i++) {
        if (s[i] === '\\') {
          // The specification's escapes are \' \{ \} and \\; the service refuses any other.
          if (check && i + 1 < s.length && !"'{}\\".includes(s[i + 1])) fail(i, i + 2, `\\${s[i + 1]} is not an escape of an intrinsic function string: only \\', \\{, \\} and \\\\ are`);
          value += s.slice(run, i);
          run = ++i;
          if (i >= s.length) break;
        }
      }
      if (i >= s.length) fail(start, s.length, 'Unterminated string: a closing \' is missing');
      value += s.slice(run, i);
      i++;
      return { kind: 'string', value, raw: s.slice(start + 1, i - 1), start, end: i };
    }
    if (c === '$') {
      // A path runs to the first , ) or whitespace outside brackets, parentheses and quotes: Step Functions'
      // grammar reads a path as one token (`$.a b` is the path $.a followed by a stray b).
      let depth = 0;
      for (; i < s.length; i++) {
        const d = s[i];
        if (d === "'" || d === '"') {
          for (i++; i < s.length && s[i] !== d; i++) if (s[i] === '\\') i++;
        } else if (d === '[' || d === '(') depth++;
        else if (d === ']' || d === ')') {
          if (depth === 0) break;
          depth--;
        } else if (depth === 0 && (d === ',' || isSpace(d))) break;
      }
      const end = Math.min(i, s.length);
      const p = parseRange(s, start, end);
      if (isExpressionError(p)) throw new Fail(p);
      // "You must use square bracket notation for a Path passed as an argument to an Intrinsic Function if the field
      // name contains any character that is not included in the member-name-shorthand definition of the JsonPath
      // ABNF rule. If your Path contains non-alphanumeric characters, besides _, you must use square bracket
      // notation" (the developer guide's intrinsic functions page): `$.first-name` reads as `$.first`, then `-name`.
      if (check)
        for (const seg of p.segments) {
          if (seg.kind !== 'name' || s[seg.start] !== '.' || seg.name.endsWith(')')) continue;
          const bad = /[\x00-\x2f\x3a-\x40\x5b-\x5e\x60\x7b-\x7f]/.exec(s.slice(seg.start + 1, seg.end));
          if (bad) fail(seg.start, seg.end, `${JSON.stringify(s.slice(seg.start + 1, seg.end))} holds ${JSON.stringify(bad[0])}: a path passed to an intrinsic function names such a field in brackets, ['${seg.name.replace(/['\\]/g, '\\$&')}'] (only letters, digits and _ may follow a ".")`, `['${seg.name.replace(/['\\]/g, '\\$&')}']`);
        }
      return p;
    }
    if (s.startsWith('States.', i)) return call();
    const lit = literal(s, i);
    if (lit) {
      i += lit.length;
      if (lit === 'true' || lit === 'false' || lit === 'null') return { kind: 'literal', value: lit === 'null' ? null : lit === 'true', text: lit, start, end: i };
      return { kind: 'number', value: Number(lit), text: lit, start, end: i };
    }
    if (c === '"') return fail(start, start + 1, "Strings in intrinsic functions use single quotes: 'text'");
    return fail(start, Math.min(s.length, start + 1), i >= s.length ? 'An argument is missing' : `Unexpected ${JSON.stringify(c)}: an argument is a 'string', a number, a path ($…) or an intrinsic function`);
  }

  try {
    ws();
    const c = call();
    ws();
    if (i < s.length) fail(i, s.length, `Unexpected text after the intrinsic function: ${JSON.stringify(s.slice(i, i + 30))}`);
    return c;
  } catch (e) {
    if (e instanceof Fail) return e.error;
    throw e;
  }
}

/** A number (-1, 2.5, 1e3) or true, false, null at `i`; the text matched, or undefined. */
function literal(s: string, i: number): string | undefined {
  let j = i;
  if (s[j] === '-') j++;
  if (!isDigit(s[j])) return s.startsWith('true', i) ? 'true' : s.startsWith('false', i) ? 'false' : s.startsWith('null', i) ? 'null' : undefined;
  while (isDigit(s[j])) j++;
  if (s[j] === '.' && isDigit(s[j + 1])) for (j++; isDigit(s[j]); ) j++;
  if (s[j] === 'e' || s[j] === 'E') {
    let k = j + 1;
    if (s[k] === '+' || s[k] === '-') k++;
    if (isDigit(s[k])) for (j = k; isDigit(s[j]); ) j++;
  }
  return s.slice(i, j);
}

/** The table's checks of a call as written: arity, literal arguments, the function's own check. */
function checkCall(f: IntrinsicFunction, c: Call): void {
  const { name, args } = c;
  if (args.length < f.min || args.length > f.max) {
    const { min, max } = f;
    const want = min === max ? `${min}` : max === Infinity ? `at least ${min}` : `${min} or ${max}`;
    fail(c.start, c.end, `${name} takes ${want} argument${min === 1 && max !== 2 ? '' : 's'}, got ${args.length}`);
  }
  const own = f.check?.(c);
  if (own) throw new Fail(own);
  args.forEach((a, k) => {
    const spec = argSpec(f, k);
    if (spec && !literalFits(a, spec.type)) fail(a.start, a.end, `${name}: ${spec.what}, got ${a.kind === 'string' ? `the string '${a.value}'` : (a as { text: string }).text}`);
    if (a.kind === 'string' && spec?.oneOf && !spec.oneOf.includes(a.value)) {
      fail(a.start, a.end, `${name} ${spec.name ?? `argument ${k + 1}`} ${JSON.stringify(a.value)} is not one of ${spec.oneOf.join(', ')}`);
    }
  });
}

/** Whether a literal argument (a string, a number, true/false/null) can be what the function needs; paths and calls are known only at run time. */
function literalFits(a: IntrinsicArg, type: ArgType): boolean {
  if (a.kind !== 'string' && a.kind !== 'number' && a.kind !== 'literal') return true;
  switch (type) {
    case 'any':
    case 'scalar':
      return true;
    case 'string':
      return a.kind === 'string';
    case 'integer':
      return a.kind === 'number' && Number.isInteger(a.value);
    case 'number':
      return a.kind === 'number';
    case 'boolean':
      return a.kind === 'literal' && typeof a.value === 'boolean';
    default:
      return false; // arrays and objects are never written as literals
  }
}

/** The intrinsic function whose name covers index `at` of a whole call `s` (`States.Format(…, States.UUID())`), if any. */
export function intrinsicNameAt(s: string, at: number): { name: string; start: number; end: number } | undefined {
  const top = parseIntrinsic(s, { check: false });
  if (isExpressionError(top)) return undefined;
  const stack: IntrinsicArg[] = [top];
  while (stack.length) {
    const c = stack.pop()!;
    if (c.kind !== 'call') continue;
    if (at >= c.start && at <= c.start + c.name.length) return { name: c.name, start: c.start, end: c.start + c.name.length };
    append(stack, c.args);
  }
  return undefined;
}

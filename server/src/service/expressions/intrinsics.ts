// Intrinsic function calls (`States.Format('{}-x', $.id)`), parsed into a small tree so that both the checks
// and the static length bound can use them.
import { closest } from '../text';
import { checkJsonPath } from './jsonpath';
import type { ExpressionError } from './types';

/** Every intrinsic function with its number of arguments [min, max]. */
export const INTRINSICS: Record<string, [number, number]> = {
  'States.Format': [1, Infinity],
  'States.StringToJson': [1, 1],
  'States.JsonToString': [1, 1],
  'States.Array': [0, Infinity],
  'States.ArrayPartition': [2, 2],
  'States.ArrayContains': [2, 2],
  'States.ArrayRange': [3, 3],
  'States.ArrayGetItem': [2, 2],
  'States.ArrayLength': [1, 1],
  'States.ArrayUnique': [1, 1],
  'States.Base64Encode': [1, 1],
  'States.Base64Decode': [1, 1],
  'States.Hash': [2, 2],
  'States.JsonMerge': [3, 3],
  'States.MathRandom': [2, 3],
  'States.MathAdd': [2, 2],
  'States.StringSplit': [2, 2],
  'States.UUID': [0, 0],
};

export type Arg =
  | { kind: 'string'; value: string; raw: string; start: number; end: number }
  | { kind: 'number' | 'literal'; text: string; start: number; end: number }
  | { kind: 'path'; text: string; start: number; end: number }
  | Call;

export interface Call {
  kind: 'call';
  name: string;
  args: Arg[];
  start: number;
  end: number;
}

class Fail {
  constructor(readonly error: ExpressionError) {}
}
const fail = (start: number, end: number, message: string): never => {
  throw new Fail({ start, end, message, code: 'invalid-intrinsic' });
};

/** Parses a whole intrinsic call; the error says where and why it is malformed. */
export function parseIntrinsic(s: string): Call | ExpressionError {
  let i = 0;
  const ws = () => {
    while (s[i] === ' ' || s[i] === '\t' || s[i] === '\n') i++;
  };

  let depth = 0;
  function call(): Call {
    const start = i;
    if (++depth > 64) fail(start, s.length, 'Intrinsic functions are nested too deeply (more than 64 levels)');
    const m = /^States\.[A-Za-z0-9]+/.exec(s.slice(i, i + 40));
    if (!m) fail(i, Math.min(s.length, i + 1), `Expected an intrinsic function such as States.Format(…) at ${JSON.stringify(s.slice(i, i + 20))}`);
    const name = m![0];
    i += name.length;
    const arity = INTRINSICS[name];
    if (!arity) {
      const guess = closest(name, Object.keys(INTRINSICS), 1);
      fail(start, i, `Unknown intrinsic function ${name}${guess.length ? `; did you mean ${guess[0]}?` : ''}`);
    }
    if (s[i] !== '(') fail(start, i, `${name} must be called: ${name}(…)`);
    i++;
    const args: Arg[] = [];
    ws();
    if (s[i] === ')') i++;
    else
      for (;;) {
        ws();
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
        fail(i, Math.min(s.length, i + 1), i >= s.length ? `${name}( is not closed: a ) is missing` : `Expected , or ) after an argument of ${name}, found ${JSON.stringify(s[i])}`);
      }
    const [min, max] = arity!;
    if (args.length < min || args.length > max) {
      const want = min === max ? `${min}` : max === Infinity ? `at least ${min}` : `${min} or ${max}`;
      fail(start, i, `${name} takes ${want} argument${want === '1' ? '' : 's'}, got ${args.length}`);
    }
    if (name === 'States.Format' && args[0]?.kind === 'string') {
      const holes = (args[0].raw.match(/(?<!\\)\{\}/g) ?? []).length; // `\{\}` is an escaped, literal {}
      if (holes !== args.length - 1) fail(args[0].start, args[0].end, `States.Format's template has ${holes} {} placeholder${holes === 1 ? '' : 's'} but ${args.length - 1} value${args.length === 2 ? '' : 's'} follow${args.length === 2 ? 's' : ''}`);
    }
    depth--;
    return { kind: 'call', name, args, start, end: i };
  }

  function arg(): Arg {
    const start = i;
    const c = s[i];
    if (c === "'") {
      let value = '';
      for (i++; i < s.length && s[i] !== "'"; i++) {
        if (s[i] === '\\') {
          i++;
          if (i >= s.length) break;
        }
        value += s[i];
      }
      if (i >= s.length) fail(start, s.length, 'Unterminated string: a closing \' is missing');
      i++;
      return { kind: 'string', value, raw: s.slice(start + 1, i - 1), start, end: i };
    }
    if (c === '$') {
      // A path runs to the next , or ) outside brackets and quotes.
      let depth = 0;
      for (; i < s.length; i++) {
        const d = s[i];
        if (d === "'" || d === '"') {
          for (i++; i < s.length && s[i] !== d; i++) if (s[i] === '\\') i++;
        } else if (d === '[' || d === '(') depth++;
        else if (d === ']' || d === ')') {
          if (depth === 0) break;
          depth--;
        } else if (d === ',' && depth === 0) break;
      }
      const text = s.slice(start, i).trimEnd();
      const e = checkJsonPath(text);
      if (e) throw new Fail({ ...e, start: start + e.start, end: start + e.end });
      return { kind: 'path', text, start, end: start + text.length };
    }
    if (s.startsWith('States.', i)) return call();
    const lit = /^(-?\d+(\.\d+)?([eE][+-]?\d+)?|true|false|null)/.exec(s.slice(i, i + 40));
    if (lit) {
      i += lit[0].length;
      return { kind: /\d/.test(lit[0][0]) || lit[0][0] === '-' ? 'number' : 'literal', text: lit[0], start, end: i };
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

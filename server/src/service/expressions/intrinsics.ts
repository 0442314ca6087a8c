// Intrinsic function calls (`States.Format('{}-x', $.id)`), parsed into a small tree so that both the checks
// and the static length bound can use them.
import { closest } from '../core/text';
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

/** The algorithms States.Hash accepts, with the length of the hex digest it returns. */
export const HASH_LENGTHS: Record<string, number> = { MD5: 32, 'SHA-1': 40, 'SHA-256': 64, 'SHA-384': 96, 'SHA-512': 128 };
const HASH_ALGORITHMS = Object.keys(HASH_LENGTHS);

/** The {} placeholders of a States.Format template as written (raw): `\{` and `\}` are literal braces. */
export function placeholders(raw: string): number {
  let n = 0;
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] === '\\') i++;
    else if (raw[i] === '{' && raw[i + 1] === '}') {
      n++;
      i++;
    }
  }
  return n;
}

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

/** `; did you mean States.X?` for a misspelt or miscased name, compared without the common `States.` prefix. */
function suggest(name: string): string {
  const known = Object.keys(INTRINSICS);
  const guess = known.find((k) => k.toLowerCase() === name.toLowerCase()) ?? closest(name.slice(7), known.map((k) => k.slice(7)), 1).map((k) => `States.${k}`)[0];
  return guess ? `; did you mean ${guess}?` : '';
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
    if (!m) fail(i, Math.min(s.length, i + 7), `Expected an intrinsic function name after "States.", such as States.Format(…)`);
    const name = m![0];
    i += name.length;
    const arity = INTRINSICS[name];
    if (!arity) {
      fail(start, i, `Unknown intrinsic function ${name}${suggest(name)}`);
    }
    if (s[i] !== '(') fail(start, i, `${name} must be called: ${name}(…)`);
    i++;
    const args: Arg[] = [];
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
    const [min, max] = arity!;
    if (args.length < min || args.length > max) {
      const want = min === max ? `${min}` : max === Infinity ? `at least ${min}` : `${min} or ${max}`;
      fail(start, i, `${name} takes ${want} argument${min === 1 && max !== 2 ? '' : 's'}, got ${args.length}`);
    }
    if (name === 'States.Format' && args[0]?.kind === 'string') {
      const holes = placeholders(args[0].raw);
      if (holes !== args.length - 1) fail(args[0].start, args[0].end, `States.Format's template has ${holes} {} placeholder${holes === 1 ? '' : 's'} but ${args.length - 1} value${args.length === 2 ? '' : 's'} follow${args.length === 2 ? 's' : ''}`);
    }
    const algorithm = args[1];
    if (name === 'States.Hash' && algorithm?.kind === 'string' && !HASH_ALGORITHMS.includes(algorithm.value)) {
      fail(algorithm.start, algorithm.end, `States.Hash algorithm ${JSON.stringify(algorithm.value)} is not one of ${HASH_ALGORITHMS.join(', ')}`);
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

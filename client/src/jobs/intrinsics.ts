// Step Functions' intrinsic functions (States.Format, States.UUID, …): a parser for the call syntax and an
// evaluator, so a launch from the editor sends what the state machine would send.
import { createHash, randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { readPath } from './jsonPath';

type Arg = { literal: unknown } | { path: string } | { call: Call };
interface Call {
  name: string;
  args: Arg[];
}

/** Parses `States.Format('{}-x', $.a, States.UUID())`; throws saying where the syntax breaks. */
export function parseIntrinsic(text: string): Call {
  let i = 0;
  const src = text.trim();
  const fail = (what: string): never => {
    throw new Error(`${what} at position ${i} of "${src}"`);
  };
  const space = () => {
    while (/\s/.test(src[i] ?? '')) i++;
  };
  const call = (): Call => {
    const m = /^States\.[A-Za-z0-9]+/.exec(src.slice(i));
    if (!m) fail('expected an intrinsic function such as States.Format(...)');
    i += m![0].length;
    space();
    if (src[i] !== '(') fail(`expected "(" after ${m![0]}`);
    i++;
    const args: Arg[] = [];
    space();
    if (src[i] === ')') {
      i++;
      return { name: m![0], args };
    }
    for (;;) {
      space();
      args.push(arg());
      space();
      if (src[i] === ',') i++;
      else if (src[i] === ')') {
        i++;
        return { name: m![0], args };
      } else fail('expected "," or ")"');
    }
  };
  const arg = (): Arg => {
    const c = src[i];
    if (c === "'") {
      let s = '';
      i++;
      while (i < src.length && src[i] !== "'") {
        // \' \{ \} \\ keep the escaped character; States.Format sees the braces escaped.
        if (src[i] === '\\' && i + 1 < src.length) {
          s += src[i + 1] === '{' || src[i + 1] === '}' ? `\\${src[i + 1]}` : src[i + 1];
          i += 2;
        } else s += src[i++];
      }
      if (src[i] !== "'") fail('unterminated string');
      i++;
      return { literal: s };
    }
    if (c === '$') {
      const start = i;
      let depth = 0;
      let quote = '';
      while (i < src.length) {
        const d = src[i];
        if (quote) {
          if (d === '\\') i++;
          else if (d === quote) quote = '';
        } else if (d === "'" || d === '"') quote = d;
        else if (d === '[') depth++;
        else if (d === ']') depth--;
        else if (depth === 0 && (d === ',' || d === ')' || /\s/.test(d))) break;
        i++;
      }
      return { path: src.slice(start, i) };
    }
    if (src.startsWith('States.', i)) return { call: call() };
    const m = /^(-?\d+(\.\d+)?([eE][+-]?\d+)?|true|false|null)/.exec(src.slice(i));
    if (!m) return fail('expected a string, number, true, false, null, a path or a function');
    i += m[0].length;
    return { literal: JSON.parse(m[0]) };
  };
  const result = call();
  space();
  if (i < src.length) fail('unexpected text after the function call');
  return result;
}

export function isIntrinsic(text: string): boolean {
  return /^\s*States\.[A-Za-z0-9]+\s*\(/.test(text);
}

const HASHES: Record<string, string> = { MD5: 'md5', 'SHA-1': 'sha1', 'SHA-256': 'sha256', 'SHA-384': 'sha384', 'SHA-512': 'sha512' };

/** States.Hash and JSONata's $hash: hex digest of a string (other values as JSON). */
export function hashText(fn: string, data: unknown, algorithm: unknown): string {
  expect(HASHES[algorithm as string] !== undefined, fn, `the algorithm must be one of ${Object.keys(HASHES).join(', ')}`, algorithm);
  return createHash(HASHES[algorithm as string]).update(typeof data === 'string' ? data : JSON.stringify(data)).digest('hex');
}

function expect(ok: boolean, fn: string, what: string, value: unknown): asserts ok {
  if (!ok) throw new Error(`${fn}: ${what}, got ${JSON.stringify(value)}`);
}

const FUNCTIONS: Record<string, (fn: string, args: unknown[]) => unknown> = {
  'States.Format': (fn, [template, ...values]) => {
    expect(typeof template === 'string', fn, 'the first argument must be a string template', template);
    let next = 0;
    const out = (template as string).replace(/\\([{}])|\{\}/g, (match, escaped) => {
      if (escaped) return escaped;
      if (next >= values.length) throw new Error(`${fn}: the template has more {} than arguments (${values.length})`);
      const v = values[next++];
      expect(v === null || ['string', 'number', 'boolean'].includes(typeof v), fn, 'arguments must be strings, numbers, booleans or null', v);
      return String(v);
    });
    if (next !== values.length) throw new Error(`${fn}: ${values.length} arguments for ${next} {} in the template`);
    return out;
  },
  'States.StringToJson': (fn, [s]) => {
    expect(typeof s === 'string', fn, 'the argument must be a string', s);
    try {
      return JSON.parse(s as string);
    } catch {
      throw new Error(`${fn}: ${JSON.stringify(s)} is not JSON`);
    }
  },
  'States.JsonToString': (_fn, [v]) => JSON.stringify(v),
  'States.Array': (_fn, args) => args,
  'States.ArrayPartition': (fn, [arr, size]) => {
    expect(Array.isArray(arr), fn, 'the first argument must be an array', arr);
    expect(Number.isInteger(size) && (size as number) > 0, fn, 'the chunk size must be a positive integer', size);
    const out: unknown[][] = [];
    for (let i = 0; i < (arr as unknown[]).length; i += size as number) out.push((arr as unknown[]).slice(i, i + (size as number)));
    return out;
  },
  'States.ArrayContains': (fn, [arr, v]) => {
    expect(Array.isArray(arr), fn, 'the first argument must be an array', arr);
    return (arr as unknown[]).some((x) => isDeepStrictEqual(x, v));
  },
  'States.ArrayRange': (fn, [start, end, step]) => {
    for (const n of [start, end, step]) expect(Number.isInteger(n), fn, 'start, end and step must be integers', n);
    expect(step !== 0, fn, 'step must not be 0', step);
    const out: number[] = [];
    for (let n = start as number; (step as number) > 0 ? n <= (end as number) : n >= (end as number); n += step as number) {
      out.push(n);
      if (out.length > 1000) throw new Error(`${fn}: the range has more than 1000 items`);
    }
    return out;
  },
  'States.ArrayGetItem': (fn, [arr, index]) => {
    expect(Array.isArray(arr), fn, 'the first argument must be an array', arr);
    expect(Number.isInteger(index) && (index as number) >= 0 && (index as number) < (arr as unknown[]).length, fn, `the index must be an integer from 0 to ${(arr as unknown[]).length - 1}`, index);
    return (arr as unknown[])[index as number];
  },
  'States.ArrayLength': (fn, [arr]) => {
    expect(Array.isArray(arr), fn, 'the argument must be an array', arr);
    return (arr as unknown[]).length;
  },
  'States.ArrayUnique': (fn, [arr]) => {
    expect(Array.isArray(arr), fn, 'the argument must be an array', arr);
    return (arr as unknown[]).filter((x, i, all) => all.findIndex((y) => isDeepStrictEqual(x, y)) === i);
  },
  'States.Base64Encode': (fn, [s]) => {
    expect(typeof s === 'string', fn, 'the argument must be a string', s);
    return Buffer.from(s as string, 'utf8').toString('base64');
  },
  'States.Base64Decode': (fn, [s]) => {
    expect(typeof s === 'string' && /^[A-Za-z0-9+/]*={0,2}$/.test(s as string), fn, 'the argument must be a base64 string', s);
    return Buffer.from(s as string, 'base64').toString('utf8');
  },
  'States.Hash': (fn, [data, algorithm]) => hashText(fn, data, algorithm),
  'States.JsonMerge': (fn, [a, b, deep]) => {
    for (const o of [a, b]) expect(o !== null && typeof o === 'object' && !Array.isArray(o), fn, 'both arguments must be objects', o);
    expect(deep === false, fn, 'the third argument must be false (only shallow merges are supported)', deep);
    return { ...(a as object), ...(b as object) };
  },
  'States.MathRandom': (fn, [start, end]) => {
    for (const n of [start, end]) expect(Number.isInteger(n), fn, 'start and end must be integers', n);
    return (start as number) + Math.floor(Math.random() * ((end as number) - (start as number)));
  },
  'States.MathAdd': (fn, [a, b]) => {
    for (const n of [a, b]) expect(Number.isInteger(n), fn, 'both arguments must be integers', n);
    return (a as number) + (b as number);
  },
  'States.StringSplit': (fn, [s, delimiters]) => {
    expect(typeof s === 'string', fn, 'the first argument must be a string', s);
    expect(typeof delimiters === 'string' && delimiters.length > 0, fn, 'the delimiters must be a non-empty string', delimiters);
    const chars = [...(delimiters as string)].map((c) => c.replace(/[\\^\]-]/g, '\\$&')).join('');
    return (s as string).split(new RegExp(`[${chars}]`)).filter((part) => part !== '');
  },
  'States.UUID': () => randomUUID(),
};

export const INTRINSIC_FUNCTIONS = Object.keys(FUNCTIONS);

/** Evaluates an intrinsic function call with paths read from `input` ($) and `context` ($$). */
export function evaluateIntrinsic(text: string, input: unknown, context: unknown): unknown {
  const run = (c: Call): unknown => {
    const fn = FUNCTIONS[c.name];
    if (!fn) throw new Error(`${c.name} is not an intrinsic function; known: ${INTRINSIC_FUNCTIONS.join(', ')}`);
    const args = c.args.map((a) => ('literal' in a ? a.literal : 'path' in a ? readPath(a.path, input, context) : run(a.call)));
    return fn(c.name, args);
  };
  return run(parseIntrinsic(text));
}

// The intrinsic functions (States.Format, States.UUID, …), each once: its arity, the type of each argument, how it
// is evaluated and how long its result can be. The server's checks and the client's evaluation both read this table.
import { createHash, randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import type { Call, IntrinsicArg } from './intrinsics';
import type { ExpressionError } from './types';

/** What an argument must be at run time. */
export type ArgType = 'any' | 'string' | 'integer' | 'array' | 'object' | 'boolean' | 'scalar';

export interface ArgSpec {
  type: ArgType;
  /** How a message names the argument's rule: `${function}: ${what}, got ${value}`. */
  what: string;
  /** What a message calls the argument, when a literal is checked statically (`States.Hash algorithm "x" …`). */
  name?: string;
  /** The only values allowed. */
  oneOf?: readonly string[];
}

export interface IntrinsicFunction {
  name: string;
  min: number;
  max: number;
  /** One spec per argument; the last one repeats for the rest (States.Format's values, States.Array's items). */
  args: ArgSpec[];
  /** The result from the argument values (already checked against `args`); throws saying what is wrong. */
  evaluate(args: unknown[], call: Call): unknown;
  /** An upper bound on the length of the result as a string, when it can be known statically. */
  maxLength?(call: Call, argMax: (a: IntrinsicArg) => number | undefined): number | undefined;
  /** A check of the call as written, beyond arity and literal arguments. */
  check?(call: Call): ExpressionError | undefined;
}

/** The algorithms States.Hash accepts, with the length of the hex digest it returns. */
export const HASH_LENGTHS: Record<string, number> = { MD5: 32, 'SHA-1': 40, 'SHA-256': 64, 'SHA-384': 96, 'SHA-512': 128 };
const HASH_ALGORITHMS = Object.keys(HASH_LENGTHS);
const NODE_HASHES: Record<string, string> = { MD5: 'md5', 'SHA-1': 'sha1', 'SHA-256': 'sha256', 'SHA-384': 'sha384', 'SHA-512': 'sha512' };

// Integers (retry counts, Map indexes, MathAdd/MathRandom/ArrayLength results) are Java ints: at most 11 characters.
export const INT_MAX_LENGTH = 11;

const fail = (fn: string, what: string, value: unknown): never => {
  throw new Error(`${fn}: ${what}, got ${JSON.stringify(value)}`);
};

/** States.Hash and JSONata's $hash: hex digest of a string (other values as JSON). */
export function hashText(fn: string, data: unknown, algorithm: unknown): string {
  if (typeof algorithm !== 'string' || !NODE_HASHES[algorithm]) fail(fn, `the algorithm must be one of ${HASH_ALGORITHMS.join(', ')}`, algorithm);
  return createHash(NODE_HASHES[algorithm as string]).update(typeof data === 'string' ? data : JSON.stringify(data)).digest('hex');
}

/** The {} placeholders of a States.Format template as written (raw): `\{` and `\}` are literal braces. */
export function formatHoles(raw: string): number {
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

/**
 * Fills a States.Format template. A literal template is read as written (`raw`): every `\x` is x. A template that
 * comes from a path is a value: only `\{` and `\}` stand for braces there.
 */
function format(fn: string, template: string, literal: boolean, values: unknown[]): string {
  let out = '';
  let next = 0;
  for (let i = 0; i < template.length; i++) {
    const c = template[i];
    if (c === '\\' && i + 1 < template.length && (literal || template[i + 1] === '{' || template[i + 1] === '}')) out += template[++i];
    else if (c === '{' && template[i + 1] === '}') {
      if (next >= values.length) throw new Error(`${fn}: the template has more {} than arguments (${values.length})`);
      out += String(values[next++]);
      i++;
    } else out += c;
  }
  if (next !== values.length) throw new Error(`${fn}: ${values.length} arguments for ${next} {} in the template`);
  return out;
}

const array = (what: string): ArgSpec => ({ type: 'array', what });
const string = (what: string): ArgSpec => ({ type: 'string', what });
const integer = (what: string): ArgSpec => ({ type: 'integer', what });
const object = (what: string): ArgSpec => ({ type: 'object', what });
const any: ArgSpec = { type: 'any', what: 'any value' };

const FUNCTIONS: IntrinsicFunction[] = [
  {
    name: 'States.Format',
    min: 1,
    max: Infinity,
    args: [string('the first argument must be a string template'), { type: 'scalar', what: 'arguments must be strings, numbers, booleans or null' }],
    evaluate: ([template, ...values], call) => {
      const t = call.args[0];
      return t.kind === 'string' ? format(call.name, t.raw, true, values) : format(call.name, template as string, false, values);
    },
    check: (call) => {
      const t = call.args[0];
      if (t?.kind !== 'string') return undefined;
      const holes = formatHoles(t.raw);
      const n = call.args.length - 1;
      if (holes === n) return undefined;
      return { start: t.start, end: t.end, code: 'invalid-intrinsic', message: `States.Format's template has ${holes} {} placeholder${holes === 1 ? '' : 's'} but ${n} value${n === 1 ? '' : 's'} follow${n === 1 ? 's' : ''}` };
    },
    maxLength: (call, argMax) => {
      const t = call.args[0];
      if (t?.kind !== 'string') return undefined;
      let total = t.value.length - 2 * (call.args.length - 1); // each {} placeholder is replaced by a value
      for (const a of call.args.slice(1)) {
        const m = argMax(a);
        if (m === undefined) return undefined;
        total += m;
      }
      return total;
    },
  },
  {
    name: 'States.StringToJson',
    min: 1,
    max: 1,
    args: [string('the argument must be a string')],
    evaluate: ([s], call) => {
      try {
        return JSON.parse(s as string);
      } catch {
        throw new Error(`${call.name}: ${JSON.stringify(s)} is not JSON`);
      }
    },
  },
  { name: 'States.JsonToString', min: 1, max: 1, args: [any], evaluate: ([v]) => JSON.stringify(v) },
  { name: 'States.Array', min: 0, max: Infinity, args: [any], evaluate: (args) => args },
  {
    name: 'States.ArrayPartition',
    min: 2,
    max: 2,
    args: [array('the first argument must be an array'), integer('the chunk size must be a positive integer')],
    evaluate: ([arr, size], call) => {
      const a = arr as unknown[];
      const n = size as number;
      if (n <= 0) fail(call.name, 'the chunk size must be a positive integer', size);
      const out: unknown[][] = [];
      for (let i = 0; i < a.length; i += n) out.push(a.slice(i, i + n));
      return out;
    },
  },
  {
    name: 'States.ArrayContains',
    min: 2,
    max: 2,
    args: [array('the first argument must be an array'), any],
    evaluate: ([arr, v]) => (arr as unknown[]).some((x) => isDeepStrictEqual(x, v)),
  },
  {
    name: 'States.ArrayRange',
    min: 3,
    max: 3,
    args: [integer('start, end and step must be integers')],
    evaluate: ([start, end, step], call) => {
      if (step === 0) fail(call.name, 'step must not be 0', step);
      const [a, b, d] = [start, end, step] as number[];
      const out: number[] = [];
      for (let n = a; d > 0 ? n <= b : n >= b; n += d) {
        out.push(n);
        if (out.length > 1000) throw new Error(`${call.name}: the range has more than 1000 items`);
      }
      return out;
    },
  },
  {
    name: 'States.ArrayGetItem',
    min: 2,
    max: 2,
    args: [array('the first argument must be an array'), integer('the index must be an integer')],
    evaluate: ([arr, index], call) => {
      const a = arr as unknown[];
      if ((index as number) < 0 || (index as number) >= a.length) fail(call.name, `the index must be an integer from 0 to ${a.length - 1}`, index);
      return a[index as number];
    },
  },
  {
    name: 'States.ArrayLength',
    min: 1,
    max: 1,
    args: [array('the argument must be an array')],
    evaluate: ([arr]) => (arr as unknown[]).length,
    maxLength: () => INT_MAX_LENGTH,
  },
  {
    name: 'States.ArrayUnique',
    min: 1,
    max: 1,
    args: [array('the argument must be an array')],
    evaluate: ([arr]) => (arr as unknown[]).filter((x, i, all) => all.findIndex((y) => isDeepStrictEqual(x, y)) === i),
  },
  {
    name: 'States.Base64Encode',
    min: 1,
    max: 1,
    args: [string('the argument must be a string')],
    evaluate: ([s]) => Buffer.from(s as string, 'utf8').toString('base64'),
    maxLength: (call, argMax) => {
      // Base64 of n characters: at most 3n UTF-8 bytes (2 UTF-16 units make at most 4 bytes), so 4n characters.
      const n = call.args[0] && argMax(call.args[0]);
      return n === undefined ? undefined : 4 * n;
    },
  },
  {
    name: 'States.Base64Decode',
    min: 1,
    max: 1,
    args: [string('the argument must be a base64 string')],
    evaluate: ([s], call) => {
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(s as string)) fail(call.name, 'the argument must be a base64 string', s);
      return Buffer.from(s as string, 'base64').toString('utf8');
    },
  },
  {
    name: 'States.Hash',
    min: 2,
    max: 2,
    args: [any, { type: 'string', what: `the algorithm must be one of ${HASH_ALGORITHMS.join(', ')}`, name: 'algorithm', oneOf: HASH_ALGORITHMS }],
    evaluate: ([data, algorithm], call) => hashText(call.name, data, algorithm),
    maxLength: (call) => {
      const a = call.args[1];
      return a?.kind === 'string' ? HASH_LENGTHS[a.value] : undefined;
    },
  },
  {
    name: 'States.JsonMerge',
    min: 3,
    max: 3,
    args: [object('both arguments must be objects'), object('both arguments must be objects'), { type: 'boolean', what: 'the third argument must be false (only shallow merges are supported)' }],
    evaluate: ([a, b, deep], call) => {
      if (deep !== false) fail(call.name, 'the third argument must be false (only shallow merges are supported)', deep);
      return { ...(a as object), ...(b as object) };
    },
  },
  {
    name: 'States.MathRandom',
    min: 2,
    max: 3,
    args: [integer('start and end must be integers'), integer('start and end must be integers'), integer('the seed must be an integer')],
    evaluate: ([start, end]) => (start as number) + Math.floor(Math.random() * ((end as number) - (start as number))),
    maxLength: () => INT_MAX_LENGTH,
  },
  {
    name: 'States.MathAdd',
    min: 2,
    max: 2,
    args: [integer('both arguments must be integers')],
    evaluate: ([a, b]) => (a as number) + (b as number),
    maxLength: () => INT_MAX_LENGTH,
  },
  {
    name: 'States.StringSplit',
    min: 2,
    max: 2,
    args: [string('the first argument must be a string'), string('the delimiters must be a non-empty string')],
    evaluate: ([s, delimiters], call) => {
      if (delimiters === '') fail(call.name, 'the delimiters must be a non-empty string', delimiters);
      const set = new Set(delimiters as string);
      const parts: string[] = [];
      let part = '';
      for (const c of s as string) {
        if (!set.has(c)) part += c;
        else if (part) {
          parts.push(part);
          part = '';
        }
      }
      if (part) parts.push(part);
      return parts;
    },
  },
  { name: 'States.UUID', min: 0, max: 0, args: [], evaluate: () => randomUUID(), maxLength: () => 36 },
];

/** Every intrinsic function by name. */
export const INTRINSIC_FUNCTIONS: ReadonlyMap<string, IntrinsicFunction> = new Map(FUNCTIONS.map((f) => [f.name, f]));

/** The spec of argument `i` (the last spec repeats). */
export const argSpec = (f: IntrinsicFunction, i: number): ArgSpec | undefined => f.args[Math.min(i, f.args.length - 1)];

const TYPE_CHECKS: Record<ArgType, (v: unknown) => boolean> = {
  any: () => true,
  string: (v) => typeof v === 'string',
  integer: (v) => Number.isInteger(v),
  array: Array.isArray,
  object: (v) => v !== null && typeof v === 'object' && !Array.isArray(v),
  boolean: (v) => typeof v === 'boolean',
  scalar: (v) => v === null || ['string', 'number', 'boolean'].includes(typeof v),
};

/** Whether a value is what the spec asks for; throws `${fn}: ${what}, got …` if not. */
export function checkArgValue(f: IntrinsicFunction, i: number, value: unknown): void {
  const spec = argSpec(f, i);
  if (!spec) return;
  if (!TYPE_CHECKS[spec.type](value) || (spec.oneOf && !spec.oneOf.includes(value as string))) fail(f.name, spec.what, value);
}

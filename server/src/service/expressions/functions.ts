// The intrinsic functions (States.Format, States.UUID, …), each once: its arity, the type of each argument, how it
// is evaluated and how long its result can be. The server's checks and the client's evaluation both read this table.
import { Code } from '../core/codes';
import { createHash, randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import type { Call, IntrinsicArg } from './intrinsics';
import type { ExpressionError } from './types';

/** What an argument must be at run time. */
export type ArgType = 'any' | 'string' | 'integer' | 'number' | 'array' | 'object' | 'boolean' | 'scalar';

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
  /** What it gives (`any`: whatever its argument holds). */
  result: 'any' | 'string' | 'number' | 'boolean' | 'array' | 'object';
  /** One spec per argument; the last one repeats for the rest (States.Format's values, States.Array's items). */
  args: ArgSpec[];
  /** The result from the argument values (already checked against `args`); throws saying what is wrong. */
  evaluate(args: unknown[], call: Call): unknown;
  /** An upper bound on the length of the result as a string, when it can be known statically. */
  maxLength?(call: Call, argMax: (a: IntrinsicArg) => number | undefined): number | undefined;
  /** A check of the call as written, beyond arity and literal arguments. */
  check?(call: Call): ExpressionError | undefined;
  /** A documented limit its literal arguments break: the call fails when it runs (a warning, see ExpressionError). */
  limits?(call: Call): ExpressionError | undefined;
}

/** A documented limit (quoted from the developer guide's intrinsic-functions page where it is used) broken by literal argument `a`. */
const limit = (a: IntrinsicArg, message: string): ExpressionError => ({ start: a.start, end: a.end, code: Code.invalidIntrinsic, message, severity: 'warning' });
/** A literal number argument, rounded as Step Functions rounds a non-integer ("round it off to the nearest integer"). */
const literalInt = (a: IntrinsicArg | undefined): number | undefined => (a?.kind === 'number' ? Math.round(a.value) : undefined);
/**
 * A JSON value as text that two values share exactly when they are deep-equal as isDeepStrictEqual has it: object
 * keys sorted, -0 apart from 0. Built in one list of parts, so a deeply nested value costs its size, not size × depth.
 */
function canonical(value: unknown): string {
  const parts: string[] = [];
  const put = (v: unknown): void => {
    if (Array.isArray(v)) {
      parts.push('[');
      v.forEach((item, i) => (i && parts.push(','), put(item)));
      parts.push(']');
    } else if (v !== null && typeof v === 'object') {
      parts.push('{');
      Object.keys(v).sort().forEach((k, i) => (i && parts.push(','), parts.push(JSON.stringify(k), ':'), put((v as Record<string, unknown>)[k])));
      parts.push('}');
    } else parts.push(Object.is(v, -0) ? '-0' : JSON.stringify(v));
  };
  put(value);
  return parts.join('');
}

/** States.ArrayRange: "The newly generated array can't contain more than 1000 items." */
const MAX_RANGE = 1000;
/** How many items States.ArrayRange(a, b, d) makes (integers, d not 0). */
const rangeLength = (a: number, b: number, d: number) => ((b - a) / d < 0 ? 0 : Math.floor((b - a) / d) + 1);
/** Base64Encode/Decode and Hash take "up to 10,000 characters". */
const MAX_DATA = 10_000;
const dataLimit = (fn: string) => (call: Call) => {
  const a = call.args[0];
  return a?.kind === 'string' && a.value.length > MAX_DATA ? limit(a, `${fn} takes up to 10,000 characters; this one has ${a.value.length}`) : undefined;
};
/** "You must specify integer values in the range of -2147483648 and 2147483647." (States.MathAdd, States.MathRandom) */
const intRange = (fn: string) => (call: Call) => {
  for (const a of call.args) {
    const n = literalInt(a);
    if (n !== undefined && (n < -2147483648 || n > 2147483647)) return limit(a, `${fn} takes integers from -2147483648 to 2147483647, not ${(a as { text: string }).text}`);
  }
  return undefined;
};

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

/**
 * States.ArrayPartition and JSONata's $partition: `items` in chunks of `size`, the last one shorter. "You must specify
 * a non-zero, positive integer for the second argument representing the chunk size value": a size below 1 (or not a
 * number) is refused; `given` is the size as written, for the message (States.ArrayPartition rounds it first).
 */
export function arrayPartition(fn: string, items: unknown[], size: number, given: unknown = size): unknown[][] {
  if (!(size >= 1)) fail(fn, 'the chunk size must be a positive integer', given);
  const out: unknown[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * States.ArrayRange and JSONata's $range: start, start + step, … up to end. "You must specify a non-zero value for
 * the third argument." "The newly generated array can't contain more than 1000 items." Both are refused (so a step
 * of 0 cannot loop for ever); `given` is the step as written, for the message.
 */
export function arrayRange(fn: string, start: number, end: number, step: number, given: unknown = step): number[] {
  if (step === 0) fail(fn, 'step must not be 0', given);
  if (rangeLength(start, end, step) > MAX_RANGE) throw new Error(`${fn}: the range has more than ${MAX_RANGE} items`);
  const out: number[] = [];
  for (let n = start; step > 0 ? n <= end : n >= end; n += step) {
    // Counted too: beyond 2^53 adding the step may not move n, and fractional steps add rounding errors.
    if (out.length === MAX_RANGE) throw new Error(`${fn}: the range has more than ${MAX_RANGE} items`);
    out.push(n);
  }
  return out;
}

/**
 * The text of a States.Format template as written (raw) around its {} placeholders, one more than there are of them:
 * every `\x` is x (`\{` and `\}` are literal braces). `'s3://{}/m'` → ["s3://", "/m"].
 */
export function formatSegments(raw: string): string[] {
  const out = [''];
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] === '\\') {
      if (i + 1 < raw.length) out[out.length - 1] += raw[++i];
    } else if (raw[i] === '{' && raw[i + 1] === '}') {
      out.push('');
      i++;
    } else out[out.length - 1] += raw[i];
  }
  return out;
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
/** An integer argument Step Functions rounds when it is not one ("If you specify a non-integer value …, Step Functions will round it off to the nearest integer."). */
const rounded = (what: string): ArgSpec => ({ type: 'number', what });
const object = (what: string): ArgSpec => ({ type: 'object', what });
const any: ArgSpec = { type: 'any', what: 'any value' };

const FUNCTIONS: IntrinsicFunction[] = [
  {
    name: 'States.Format', result: 'string',
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
      const holes = formatSegments(t.raw).length - 1;
      const n = call.args.length - 1;
      if (holes === n) return undefined;
      return { start: t.start, end: t.end, code: Code.invalidIntrinsic, message: `States.Format's template has ${holes} {} placeholder${holes === 1 ? '' : 's'} but ${n} value${n === 1 ? '' : 's'} follow${n === 1 ? 's' : ''}` };
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
    name: 'States.StringToJson', result: 'any',
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
  {
    name: 'States.JsonToString', result: 'string',
    min: 1,
    max: 1,
    args: [any],
    evaluate: ([v]) => JSON.stringify(v),
    // "This function takes only one argument, which is the path containing the JSON data to return as an unescaped string."
    limits: (call) => {
      const a = call.args[0];
      return a && (a.kind === 'string' || a.kind === 'number' || a.kind === 'literal') ? limit(a, 'States.JsonToString takes a path to the JSON data, not a literal') : undefined;
    },
  },
  { name: 'States.Array', result: 'array', min: 0, max: Infinity, args: [any], evaluate: (args) => args },
  {
    name: 'States.ArrayPartition', result: 'array',
    min: 2,
    max: 2,
    args: [array('the first argument must be an array'), rounded('the chunk size must be a positive number')],
    evaluate: ([arr, size], call) => arrayPartition(call.name, arr as unknown[], Math.round(size as number), size),
    // "You must specify a non-zero, positive integer for the second argument representing the chunk size value."
    limits: (call) => {
      const n = literalInt(call.args[1]);
      return n !== undefined && n <= 0 ? limit(call.args[1], `States.ArrayPartition: the chunk size must be a positive integer, not ${(call.args[1] as { text: string }).text}`) : undefined;
    },
  },
  {
    name: 'States.ArrayContains', result: 'boolean',
    min: 2,
    max: 2,
    args: [array('the first argument must be an array'), any],
    evaluate: ([arr, v]) => (arr as unknown[]).some((x) => isDeepStrictEqual(x, v)),
  },
  {
    name: 'States.ArrayRange', result: 'array',
    min: 3,
    max: 3,
    args: [rounded('start, end and step must be numbers')],
    evaluate: (values, call) => {
      const [a, b, d] = (values as number[]).map(Math.round);
      return arrayRange(call.name, a, b, d, values[2]);
    },
    // "You must specify a non-zero value for the third argument." "The newly generated array can't contain more than 1000 items."
    limits: (call) => {
      const [a, b, d] = call.args.map(literalInt);
      if (d === 0) return limit(call.args[2], 'States.ArrayRange: the step must not be 0 (after rounding)');
      if (a === undefined || b === undefined || d === undefined) return undefined;
      const items = rangeLength(a, b, d);
      return items > MAX_RANGE ? limit(call.args[1], `States.ArrayRange makes at most ${MAX_RANGE} items; from ${a} to ${b} by ${d} is ${items}`) : undefined;
    },
  },
  {
    name: 'States.ArrayGetItem', result: 'any',
    min: 2,
    max: 2,
    args: [array('the first argument must be an array'), integer('the index must be an integer')],
    evaluate: ([arr, index], call) => {
      const a = arr as unknown[];
      if ((index as number) < 0 || (index as number) >= a.length) fail(call.name, `the index must be an integer from 0 to ${a.length - 1}`, index);
      return a[index as number];
    },
    // An index counts from 0 ("the array's index"); a negative one names no item, whatever the array.
    limits: (call) => {
      const a = call.args[1];
      return a?.kind === 'number' && a.value < 0 ? limit(a, `States.ArrayGetItem: the index counts from 0, and ${a.text} names no item of any array: the state fails when it runs`) : undefined;
    },
  },
  {
    name: 'States.ArrayLength', result: 'number',
    min: 1,
    max: 1,
    args: [array('the argument must be an array')],
    evaluate: ([arr]) => (arr as unknown[]).length,
    maxLength: () => INT_MAX_LENGTH,
  },
  {
    name: 'States.ArrayUnique', result: 'array',
    min: 1,
    max: 1,
    args: [array('the argument must be an array')],
    // One pass keyed by each item's canonical text: comparing each item with those before it took minutes on a
    // literal of a few thousand items, and the server evaluates literals while the user types.
    evaluate: ([arr]) => {
      const seen = new Set<string>();
      return (arr as unknown[]).filter((x) => {
        const key = canonical(x);
        return !seen.has(key) && Boolean(seen.add(key));
      });
    },
  },
  {
    name: 'States.Base64Encode', result: 'string',
    min: 1,
    max: 1,
    args: [string('the argument must be a string')],
    evaluate: ([s]) => Buffer.from(s as string, 'utf8').toString('base64'),
    limits: dataLimit('States.Base64Encode'),
    maxLength: (call, argMax) => {
      // Base64 of n characters: at most 3n UTF-8 bytes (2 UTF-16 units make at most 4 bytes), so 4n characters.
      const n = call.args[0] && argMax(call.args[0]);
      return n === undefined ? undefined : 4 * n;
    },
  },
  {
    name: 'States.Base64Decode', result: 'string',
    min: 1,
    max: 1,
    args: [string('the argument must be a base64 string')],
    evaluate: ([s], call) => {
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(s as string)) fail(call.name, 'the argument must be a base64 string', s);
      return Buffer.from(s as string, 'base64').toString('utf8');
    },
    limits: dataLimit('States.Base64Decode'),
  },
  {
    name: 'States.Hash', result: 'string',
    min: 2,
    max: 2,
    args: [any, { type: 'string', what: `the algorithm must be one of ${HASH_ALGORITHMS.join(', ')}`, name: 'algorithm', oneOf: HASH_ALGORITHMS }],
    evaluate: ([data, algorithm], call) => hashText(call.name, data, algorithm),
    limits: dataLimit('States.Hash'),
    maxLength: (call) => {
      const a = call.args[1];
      return a?.kind === 'string' ? HASH_LENGTHS[a.value] : undefined;
    },
  },
  {
    name: 'States.JsonMerge', result: 'object',
    min: 3,
    max: 3,
    args: [object('both arguments must be objects'), object('both arguments must be objects'), { type: 'boolean', what: 'the third argument must be false (only shallow merges are supported)' }],
    evaluate: ([a, b, deep], call) => {
      if (deep !== false) fail(call.name, 'the third argument must be false (only shallow merges are supported)', deep);
      return { ...(a as object), ...(b as object) };
    },
    // "Currently, Step Functions only supports the shallow merging mode; therefore, you must specify the boolean value as false."
    limits: (call) => {
      const deep = call.args[2];
      return deep?.kind === 'literal' && deep.value === true ? limit(deep, 'States.JsonMerge: the third argument must be false (only shallow merges are supported)') : undefined;
    },
  },
  {
    name: 'States.MathRandom', result: 'number',
    min: 2,
    max: 3,
    args: [rounded('start and end must be numbers'), rounded('start and end must be numbers'), rounded('the seed must be a number')],
    evaluate: ([start, end]) => Math.round(start as number) + Math.floor(Math.random() * (Math.round(end as number) - Math.round(start as number))),
    maxLength: () => INT_MAX_LENGTH,
    limits: intRange('States.MathRandom'),
  },
  {
    name: 'States.MathAdd', result: 'number',
    min: 2,
    max: 2,
    args: [rounded('both arguments must be numbers')],
    evaluate: ([a, b]) => Math.round(a as number) + Math.round(b as number),
    maxLength: () => INT_MAX_LENGTH,
    limits: intRange('States.MathAdd'),
  },
  {
    name: 'States.StringSplit', result: 'array',
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
  { name: 'States.UUID', result: 'string', min: 0, max: 0, args: [], evaluate: () => randomUUID(), maxLength: () => 36 },
];

/** Every intrinsic function by name. */
export const INTRINSIC_FUNCTIONS: ReadonlyMap<string, IntrinsicFunction> = new Map(FUNCTIONS.map((f) => [f.name, f]));

/** How many arguments an intrinsic function takes, in words: "2 arguments", "1 or more arguments", "2 to 3 arguments". */
export const argumentCount = (f: IntrinsicFunction): string =>
  `${f.min === f.max ? f.min : f.max === Infinity ? `${f.min} or more` : `${f.min} to ${f.max}`} argument${f.max === 1 ? '' : 's'}`;

/** The spec of argument `i` (the last spec repeats). */
export const argSpec = (f: IntrinsicFunction, i: number): ArgSpec | undefined => f.args[Math.min(i, f.args.length - 1)];

const TYPE_CHECKS: Record<ArgType, (v: unknown) => boolean> = {
  any: () => true,
  string: (v) => typeof v === 'string',
  integer: (v) => Number.isInteger(v),
  number: (v) => typeof v === 'number',
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

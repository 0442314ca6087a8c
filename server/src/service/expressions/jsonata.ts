// JSONata `{% … %}` expressions: detected here, once, for both sides; parsed with the jsonata package itself, so
// the syntax is exactly Step Functions'.
import { Code } from '../core/codes';
import { closest, codePointLength, list } from '../core/text';
import { randomUUID } from 'node:crypto';
import type Jsonata from 'jsonata';
import { scanPlaceholders } from './placeholders';
import { arrayPartition, arrayRange, HASH_LENGTHS, hashText } from './functions';
import type { ExpressionError } from './types';
import { append } from '../core/append';

/** The jsonata package, loaded with the first expression rather than at server start (scripts/build.mjs). */
let jsonataPackage: typeof Jsonata | undefined;
// The last expression parsed, kept: a value is read by several questions in a row (its syntax, then what it gives),
// each from the same parse. Only its AST is read here, never evaluated, so sharing it is safe.
let lastParsed: { expression: string; parsed: Jsonata.Expression } | undefined;
const jsonata = (expression: string): Jsonata.Expression =>
  lastParsed?.expression === expression
    ? lastParsed.parsed
    : (lastParsed = { expression, parsed: (jsonataPackage ??= require('jsonata') as typeof Jsonata)(expression) }).parsed;

/** What a JSONata value always gives when it gives anything: a string, a number or a boolean, and what says so. */
export interface JsonataResult {
  result: 'string' | 'number' | 'boolean';
  /** What gives it, in words: `$string`, `the & operator`. */
  by: string;
}

// JSONata 2.0.6's functions (and Step Functions' $uuid, $hash) whose result, when there is one, is always of one kind.
// Undefined arguments give undefined, and a field whose value is undefined fails the state: either way not another kind.
const RESULT_OF_FUNCTION: Record<string, JsonataResult['result']> = {
  ...Object.fromEntries(['string', 'substring', 'substringBefore', 'substringAfter', 'lowercase', 'uppercase', 'trim', 'pad', 'join', 'replace', 'formatNumber', 'formatBase', 'formatInteger', 'base64encode', 'base64decode', 'encodeUrlComponent', 'encodeUrl', 'decodeUrlComponent', 'decodeUrl', 'now', 'fromMillis', 'uuid', 'hash'].map((f) => [f, 'string'])),
  ...Object.fromEntries(['number', 'abs', 'floor', 'ceil', 'round', 'power', 'sqrt', 'random', 'millis', 'toMillis', 'count', 'length', 'sum', 'max', 'min', 'average', 'parseInteger'].map((f) => [f, 'number'])),
  ...Object.fromEntries(['boolean', 'not', 'exists', 'contains'].map((f) => [f, 'boolean'])),
};
const RESULT_OF_OPERATOR: Record<string, JsonataResult['result']> = {
  '&': 'string', '+': 'number', '-': 'number', '*': 'number', '/': 'number', '%': 'number',
  '=': 'boolean', '!=': 'boolean', '<': 'boolean', '<=': 'boolean', '>': 'boolean', '>=': 'boolean', and: 'boolean', or: 'boolean', in: 'boolean',
};
// What the parser puts on a node besides its own parts: a filter, a group, a focus or index binding makes it something else.
const PLAIN_KEYS = new Set(['type', 'value', 'position', 'procedure', 'arguments', 'lhs', 'rhs', 'expression']);

/**
 * The kind of value a whole-string `{% … %}` always gives, from the top of its expression: a call of a built-in
 * function that gives one kind (`$string(…)`, `$join(…)`, `$count(…)`), `&`, arithmetic, a comparison; undefined for
 * anything else (a path, a conditional, a block, `$lookup`, a function the expression binds itself). Read from the
 * parse its syntax check made (the last one, kept).
 */
export function jsonataResult(value: string): JsonataResult | undefined {
  const body = jsonataBody(value);
  if (body === undefined || body.includes('${')) return undefined;
  const ast = astOf(body);
  if (!ast) return undefined;
  if (Object.entries(ast).some(([k, v]) => v !== undefined && !PLAIN_KEYS.has(k))) return undefined;
  const procedure = ast.procedure as JsonataNode | undefined;
  if (ast.type === 'function' && procedure?.type === 'variable' && typeof procedure.value === 'string' && Object.hasOwn(RESULT_OF_FUNCTION, procedure.value)) {
    const name = procedure.value;
    if ([...nodesOf(ast)].some((n) => n.type === 'bind' && (n.lhs as JsonataNode | undefined)?.value === name)) return undefined;
    return { result: RESULT_OF_FUNCTION[name], by: `$${name}` };
  }
  if (ast.type === 'binary' && typeof ast.value === 'string' && Object.hasOwn(RESULT_OF_OPERATOR, ast.value)) return { result: RESULT_OF_OPERATOR[ast.value], by: `the ${ast.value} operator` };
  if (ast.type === 'unary' && ast.value === '-') return { result: 'number', by: 'the - operator' };
  return undefined;
}

/**
 * Where the expression of a whole-string `{% … %}` lies: [from, to) of its body. The string is the expression
 * only when it starts with `{%` and ends with `%}`: Step Functions passes `" {% states.input %} "` on as the
 * string it is (an execution recorded against AWS in LocalStack's tests/aws/services/stepfunctions/v2/arguments,
 * `constant_not_jsonata`), and so a YAML block scalar that keeps its final line break (`|`, `>`; not `|-`).
 */
function jsonataRange(s: string): { from: number; to: number } | undefined {
  if (s.length < 4 || !s.startsWith('{%') || !s.endsWith('%}')) return undefined;
  return { from: 2, to: s.length - 2 };
}

/** A whole-string JSONata expression: `{% … %}`, nothing before or after. */
export const isJsonata = (s: string): boolean => jsonataRange(s) !== undefined;

/** The expression between `{%` and `%}` of a whole-string JSONata value, or undefined when it is not one. */
export function jsonataBody(s: string): string | undefined {
  const r = jsonataRange(s);
  return r && s.slice(r.from, r.to);
}

interface JsonataError {
  code?: string;
  position?: number;
  token?: string;
  message?: string;
}

// Errors about something never closed: the jsonata parser reports them at the end; the opener is the useful place.
const UNCLOSED: Record<string, string> = { S0101: `"'`, S0105: '`', S0106: '/*' };

function maskPlaceholders(body: string): string {
  const found = scanPlaceholders(body);
  if (!found.length) return body;
  let out = '';
  let at = 0;
  for (const p of found) {
    out += body.slice(at, p.start) + '$' + '_'.repeat(p.end - p.start - 1);
    at = p.end;
  }
  return out + body.slice(at);
}

/** Parses the expression between `{%` and `%}`; a syntax error is placed at its position in the string. */
export function checkJsonata(value: string): ExpressionError | undefined {
  const open = value.indexOf('{%');
  const close = value.lastIndexOf('%}');
  if (open < 0 || close < open + 2) return undefined;
  const from = open + 2;
  // A template placeholder inside the expression (`{% ${IsEnabled} = true %}`) is replaced as text before Step
  // Functions sees it: read as a variable of the same length, so the rest is still checked in place.
  const body = maskPlaceholders(value.slice(from, close));
  const error = (start: number, end: number, message: string): ExpressionError => ({ start, end, message, code: Code.invalidJsonata });
  if (!body.trim()) return error(open, close + 2, 'Empty JSONata expression: write an expression between {% and %}');
  try {
    // One walk of the tree for both checks.
    const nodes = [...nodesOf(jsonata(body).ast() as unknown as JsonataNode)];
    const unsupported = unsupportedIn(nodes);
    if (unsupported) return error(from + unsupported.start, from + unsupported.end, unsupported.message);
    const call = stepFunctionsCallIn(nodes) ?? operandTypeIn(nodes);
    return call && { ...error(from + call.start, from + call.end, call.message), severity: 'warning', ...(call.replacement ? { replacement: call.replacement } : {}) };
  } catch (e) {
    // Nested deeper than the jsonata parser's recursion can go: not a syntax error, just not checkable here.
    if (e instanceof RangeError || !e || typeof e !== 'object') return undefined;
    const { code = '', position, token, message = 'invalid expression' } = e as JsonataError;
    const newer = typeof position === 'number' ? newerSyntaxAt(body, position) : undefined;
    if (newer) return error(from + newer.start, from + newer.start + 2, newer.message);
    const text = `JSONata syntax error: ${message.replace(/^Syntax error: (.*)$/, '$1 is not expected here')}`;
    if (UNCLOSED[code]) {
      const opener = UNCLOSED[code] === '/*' ? body.lastIndexOf('/*') : Math.max(...[...UNCLOSED[code]].map((q) => body.lastIndexOf(q)));
      return opener >= 0 ? error(from + opener, close, text) : error(close, close + 2, text);
    }
    // The expression ended too early: point at the %} where more was expected.
    if (token === '(end)' || typeof position !== 'number') return error(close, close + 2, text);
    // Otherwise position is just after the offending token.
    const length = Math.max(1, token?.length ?? 1);
    const start = Math.max(0, Math.min(body.length - 1, position - length));
    return error(from + start, Math.min(close, from + start + length), text);
  }
}

// Step Functions' docs: "Step Functions implements JSONata based on the 2.0.6 specification". JSONata 2.1 added
// two operators that 2.0.6 reads as a conditional's `?` followed by a `?` or `:` that cannot start an operand;
// the jsonata package here is 2.0.6 too, so they fail to parse, and the user is told why, not just "unexpected".
const NEWER_OPERATORS: Record<string, string> = {
  '??': 'write $exists(x) ? x : y',
  '?:': 'write x ? x : y',
};

/** A 2.1 operator (`??`, `?:`) whose second character is the token the 2.0.6 parser stopped at (it ends at `position`). */
function newerSyntaxAt(body: string, position: number): { start: number; message: string } | undefined {
  const start = position - 2;
  const op = body.slice(start, position);
  const fix = NEWER_OPERATORS[op];
  return start >= 0 && fix ? { start, message: `${op} is JSONata 2.1 syntax; Step Functions uses JSONata 2.0.6, which does not have it: ${fix}` } : undefined;
}

/** The jsonata package's tree of an expression (the last parse kept, see jsonata()), or undefined when it does not parse. */
function astOf(body: string): JsonataNode | undefined {
  try {
    return jsonata(body).ast() as unknown as JsonataNode;
  } catch {
    return undefined;
  }
}

/** A node of the jsonata package's AST (what `ast()` returns): positions are the offset just after the token. */
interface JsonataNode {
  type?: string;
  value?: unknown;
  position?: number;
  [key: string]: unknown;
}

/** Every node of a JSONata AST, iteratively (an expression may nest deeper than the JS stack). */
function* nodesOf(ast: JsonataNode): Generator<JsonataNode> {
  const stack: unknown[] = [ast];
  while (stack.length) {
    const n = stack.pop();
    if (Array.isArray(n)) for (let i = n.length - 1; i >= 0; i--) stack.push(n[i]);
    else if (n && typeof n === 'object') {
      yield n as JsonataNode;
      for (const v of Object.values(n)) if (v && typeof v === 'object') stack.push(v);
    }
  }
}

/** What a literal operand is, in words (`a string 'a'`), or undefined where it is no literal. */
function literalKind(n: JsonataNode | undefined): { type: string; words: string } | undefined {
  if (!n || !plainLiteral(n)) return undefined;
  if (n.type === 'string') return { type: 'string', words: `a string ${JSON.stringify(String(n.value).length > 20 ? `${String(n.value).slice(0, 20)}…` : n.value)}` };
  if (n.type === 'number') return { type: 'number', words: `the number ${n.value}` };
  if (n.type === 'value') return { type: n.value === null ? 'null' : 'boolean', words: String(n.value) };
  if (n.type === 'unary' && n.value === '{') return { type: 'object', words: 'an object' };
  if (n.type === 'unary' && n.value === '[') return { type: 'array', words: 'an array' };
  return undefined;
}
/** A literal JSONata computes as written: no predicate, stages, grouping or binding after it. */
const plainLiteral = (n: JsonataNode) => !n.predicate && !n.stages && !n.group && !n.focus && !n.index && !n.tuple && !n.keepArray;

const ARITHMETIC_OPERATORS = new Set(['+', '-', '*', '/', '%']);
const ORDERING_OPERATORS = new Set(['<', '<=', '>', '>=']);

/**
 * An operator given a literal it always refuses, as the jsonata package (2.0.6) evaluates it: arithmetic on a literal
 * that is no number (`'a' + 1`: T2001, T2002), an ordering of a literal that is neither a number nor a string, or of a
 * number and a string (`'abc' > 1`: T2010, T2009). The state fails when it runs (States.QueryEvaluationError).
 */
function operandTypeIn(nodes: readonly JsonataNode[]): { start: number; end: number; message: string; replacement?: string } | undefined {
  const fails = 'the expression fails when the state runs (States.QueryEvaluationError)';
  for (const n of nodes) {
    if (n.type !== 'binary' || typeof n.value !== 'string') continue;
    const op = n.value;
    const span = spanOf(n.position, op.length);
    const lhs = literalKind(n.lhs as JsonataNode | undefined), rhs = literalKind(n.rhs as JsonataNode | undefined);
    if (ARITHMETIC_OPERATORS.has(op)) {
      if (lhs && lhs.type !== 'number') return { ...span, message: `The left side of ${op} is ${lhs.words}, not a number: ${fails} (JSONata T2001)` };
      if (rhs && rhs.type !== 'number') return { ...span, message: `The right side of ${op} is ${rhs.words}, not a number: ${fails} (JSONata T2002)` };
    } else if (ORDERING_OPERATORS.has(op)) {
      const odd = [lhs, rhs].find((k) => k && k.type !== 'number' && k.type !== 'string');
      if (odd) return { ...span, message: `${op} compares numbers or strings, and one side is ${odd.words}: ${fails} (JSONata T2010)` };
      if (lhs && rhs && lhs.type !== rhs.type) return { ...span, message: `${op} compares ${lhs.words} with ${rhs.words}: both sides must be numbers or both strings, so ${fails} (JSONata T2009)` };
    }
  }
  return undefined;
}

/** Where a node's text ends: the furthest position in it (JSONata's positions are where each token ends). */
function endOf(node: JsonataNode | undefined): number {
  let end = 0;
  for (const n of node ? nodesOf(node) : []) if (typeof n.position === 'number' && n.position > end) end = n.position;
  return end;
}

/** Where a token that ends at `position` and is `length` long starts. */
const spanOf = (position: number | undefined, length: number) => ({ start: Math.max(0, (position ?? length) - length), end: position ?? length });

/**
 * What Step Functions does not run in a JSONata expression: `$eval` (removed from its JSONata) and the JSONPath
 * intrinsic functions (`States.Format(…)`), which JSONata reads as a path and a call of nothing.
 */
function unsupportedIn(nodes: readonly JsonataNode[]): { start: number; end: number; message: string } | undefined {
  for (const n of nodes) {
    const proc = n.procedure as JsonataNode | undefined;
    if (n.type === 'function' && proc?.type === 'variable' && proc.value === 'eval')
      return { ...spanOf(proc.position, 5), message: '$eval is not available in Step Functions\' JSONata' };
    const steps = n.steps as JsonataNode[] | undefined;
    if (n.type === 'path' && steps?.[0]?.type === 'name' && steps[0].value === 'States' && steps[1]?.type === 'function') {
      const name = ((steps[1].procedure as JsonataNode | undefined)?.steps as JsonataNode[] | undefined)?.[0]?.value;
      const start = spanOf(steps[0].position, 6).start;
      return { start, end: (steps[1].position as number | undefined) ?? start + 6, message: `States.${typeof name === 'string' ? name : '…'} is an intrinsic function of JSONPath states; in JSONata use its functions (e.g. $string, $join, $uuid(), $partition)` };
    }
  }
  return undefined;
}

/** One of the functions Step Functions adds to JSONata: how a call is written (the server checks it) and what it does (the client evaluates with it). */
interface StepFunctionsFunction {
  min: number;
  max: number;
  shape: string;
  /** A literal argument that makes the call fail when it runs: the warning's message and which argument it is. */
  check?(args: readonly JsonataNode[]): { message: string; arg: number } | undefined;
  /** What `$name(…)` gives. Throws saying what is wrong where Step Functions fails the state (States.QueryEvaluationError). */
  evaluate(...args: unknown[]): unknown;
}

/**
 * The functions Step Functions adds to JSONata, with the arguments each takes (the developer guide's "Transforming
 * data with JSONata in Step Functions"): a call with another number, or $hash with an algorithm it does not have,
 * fails when it runs (a warning). Not when the expression binds the name itself (`$hash := function…`). $partition
 * and $range are the JSONata forms of States.ArrayPartition and States.ArrayRange and keep their limits (a chunk
 * size of at least 1; a step other than 0, at most 1000 items), so a step of 0 that comes from the input is refused
 * rather than looped on.
 */
const STEP_FUNCTIONS_FUNCTIONS: Record<string, StepFunctionsFunction> = {
  partition: {
    min: 2,
    max: 2,
    shape: '$partition(array, chunkSize)',
    check: ([, chunk]) => {
      const size = literalNumber(chunk);
      if (size !== undefined && size <= 0) return { message: `$partition's chunk size must be positive, not ${size}`, arg: 1 };
      // A size that is not a number is refused when it runs (evaluate below), like 0.
      return notA('number', chunk, "$partition's chunk size", 1);
    },
    // A size that is not a number (a string, a missing field) is refused like 0, not coerced.
    evaluate: (items, size) => arrayPartition('$partition', items as unknown[], typeof size === 'number' ? size : NaN, size),
  },
  range: {
    min: 3,
    max: 3,
    shape: '$range(start, end, step)',
    check: ([, , step]) => (literalNumber(step) === 0 ? { message: "$range's step must not be 0", arg: 2 } : undefined),
    evaluate: (start, end, step) => {
      for (const v of [start, end, step]) if (typeof v !== 'number') throw new Error(`$range: start, end and step must be numbers, got ${JSON.stringify(v)}`);
      return arrayRange('$range', start as number, end as number, step as number);
    },
  },
  hash: {
    min: 2,
    max: 2,
    shape: '$hash(data, algorithm)',
    check: ([, algorithm]) =>
      algorithm?.type === 'string' && typeof algorithm.value === 'string' && digestLength(algorithm) === undefined
        ? { message: `$hash algorithm ${JSON.stringify(algorithm.value)} is not one of ${Object.keys(HASH_LENGTHS).join(', ')}`, arg: 1 }
        : notA('string', algorithm, "$hash's algorithm", 1),
    evaluate: (data, algorithm) => hashText('$hash', data, algorithm),
  },
  random: { min: 0, max: 1, shape: '$random() or $random(seed)', evaluate: (seed) => (seed === undefined ? Math.random() : mulberry32(seed as number)) },
  uuid: { min: 0, max: 0, shape: '$uuid()', evaluate: () => randomUUID() },
  parse: {
    min: 1,
    max: 1,
    shape: '$parse(jsonString)',
    // A literal that is no JSON fails whenever the state runs.
    check: ([text]) => {
      if (text?.type !== 'string' || typeof text.value !== 'string') return undefined;
      try {
        JSON.parse(text.value);
        return undefined;
      } catch (e) {
        return { message: `$parse of ${JSON.stringify(text.value.length > 40 ? `${text.value.slice(0, 40)}…` : text.value)} always fails: it is not JSON (${(e as Error).message})`, arg: 0 };
      }
    },
    evaluate: (s) => JSON.parse(s as string),
  },
};

/**
 * A literal argument of another JSON type than the parameter takes, where the call then fails when it runs (as
 * `evaluate` refuses it: $partition's chunk size, $hash's algorithm). Only literals are judged: anything computed
 * may be of the right type.
 */
function notA(want: 'array' | 'number' | 'string', n: JsonataNode | undefined, what: string, arg: number): { message: string; arg: number } | undefined {
  const kind =
    n?.type === 'string' ? 'a string'
    : n?.type === 'number' || literalNumber(n) !== undefined ? 'a number'
    : n?.type === 'value' ? (n.value === null ? 'null' : 'a boolean')
    : n?.type === 'unary' && n.value === '{' ? 'an object'
    : n?.type === 'unary' && n.value === '[' ? 'an array'
    : undefined;
  if (!kind || kind === `a ${want}` || kind === `an ${want}`) return undefined;
  return { message: `${what} is ${want === 'array' ? 'an array' : `a ${want}`}, not ${kind}: the call fails when it runs`, arg };
}

/** $random(seed): the same number for the same seed. */
function mulberry32(seed: number): number {
  let t = (seed + 0x6d2b79f5) | 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/** The functions a JSONata expression in Step Functions can call, with how each is written ($eval is refused). */
export function jsonataFunctions(): { name: string; shape: string; stepFunctions: boolean; arity: number }[] {
  return [...JSONATA_FUNCTIONS]
    .filter((name) => name !== 'eval')
    .map((name) => {
      const own = Object.hasOwn(STEP_FUNCTIONS_FUNCTIONS, name) ? STEP_FUNCTIONS_FUNCTIONS[name] : undefined;
      return own ? { name, shape: own.shape, stepFunctions: true, arity: own.max } : { name, shape: signatureShape(name, JSONATA_SIGNATURES[name]), stepFunctions: false, arity: paramsOf(JSONATA_SIGNATURES[name]).length };
    });
}

/** Step Functions' own functions, as bindings for the jsonata package's `evaluate(input, bindings)`. */
export function stepFunctionsJsonataBindings(): Record<string, (...args: unknown[]) => unknown> {
  return Object.fromEntries(Object.entries(STEP_FUNCTIONS_FUNCTIONS).map(([name, f]) => [name, f.evaluate]));
}

/**
 * An operand of a JSONata value's top-level `&`: a string literal, a value of one known length (`$uuid()`, 36;
 * `$hash(x, 'SHA-256')`, 64 hex digits), a `$states.context…` path (as `$$.…`), or anything else.
 */
export type ConcatPart = { text: string } | { length: number } | { context: string } | { other: true };

/** A term JSONata evaluates as written: no predicate, stages, grouping, focus or index binding, array keeping. */
const plainTerm = (n: JsonataNode) => !n.predicate && !n.stages && !n.group && !n.focus && !n.index && !n.tuple && !n.keepArray;

/**
 * The operands of a JSONata value's top-level `&` concatenation (the value itself when it is none), in order;
 * undefined when it does not parse or cannot hold a string literal, `$uuid()` or `$states.context` to know it by.
 */
export function jsonataConcatenation(value: string): ConcatPart[] | undefined {
  const body = jsonataBody(value);
  if (body === undefined || body.includes('${') || !/&|\$uuid|\$hash|\$states\.context/.test(body)) return undefined;
  const ast = astOf(body);
  if (!ast) return undefined;
  const parts: ConcatPart[] = [];
  const stack = [ast];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'binary' && n.value === '&') {
      stack.push(n.rhs as JsonataNode, n.lhs as JsonataNode); // the left operand first
      continue;
    }
    const steps = n.steps as JsonataNode[] | undefined;
    const length = fixedLength(n);
    // A literal, call or path with a predicate, a grouping or a binding ('a'[false], 'a'{…}, 'a'@$x) computes
    // something else (JSONata drops a literal its predicate filters out): unknown.
    if (!plainTerm(n)) parts.push({ other: true });
    else if (n.type === 'string' && typeof n.value === 'string') parts.push({ text: n.value });
    else if (length !== undefined) parts.push({ length });
    else if (n.type === 'path' && steps?.[0]?.type === 'variable' && steps[0].value === 'states' && steps[1]?.value === 'context' && steps.slice(1).every((st) => st.type === 'name' && !(st.stages as unknown[] | undefined)?.length)) {
      parts.push({ context: `$$.${steps.slice(2).map((st) => st.value).join('.')}` });
    } else parts.push({ other: true });
  }
  return parts;
}

/** The hex digest's length of a literal algorithm `$hash` has ('SHA-256': 64); undefined for any other node. */
function digestLength(algorithm: JsonataNode | undefined): number | undefined {
  return algorithm?.type === 'string' && typeof algorithm.value === 'string' && Object.hasOwn(HASH_LENGTHS, algorithm.value) ? HASH_LENGTHS[algorithm.value] : undefined;
}

/** The one length a call's string always has: `$uuid()` 36, `$hash(data, 'SHA-256')` its digest's; else undefined. */
function fixedLength(n: JsonataNode): number | undefined {
  const procedure = n.procedure as JsonataNode | undefined;
  if (n.type !== 'function' || procedure?.type !== 'variable') return undefined;
  const args = (n.arguments as JsonataNode[] | undefined) ?? [];
  if (procedure.value === 'uuid') return args.length ? undefined : 36;
  if (procedure.value === 'substring') return substringLength(args);
  return procedure.value === 'hash' && args.length === 2 ? digestLength(args[1]) : undefined;
}

/** A number literal's value (`-3` parses as a negation of 3), else undefined. */
function numberLiteral(n: JsonataNode | undefined): number | undefined {
  if (n?.type === 'number' && typeof n.value === 'number') return n.value;
  if (n?.type === 'unary' && n.value === '-') {
    const x = numberLiteral(n.expression as JsonataNode | undefined);
    return x === undefined ? undefined : -x;
  }
  return undefined;
}

/**
 * `$substring(s, start[, length])` of a string of one known length with literal integers: JSONata's own arithmetic (a
 * negative start counts from the end, a negative length is none), so `$substring($uuid(), 0, 8)` is 8 characters.
 */
function substringLength(args: JsonataNode[]): number | undefined {
  if (args.length < 2 || args.length > 3 || !plainTerm(args[0])) return undefined;
  const of = fixedLength(args[0]);
  const start = numberLiteral(args[1]);
  const length = args.length === 3 ? numberLiteral(args[2]) : Infinity;
  if (of === undefined || start === undefined || length === undefined || !Number.isInteger(start) || !(Number.isInteger(length) || length === Infinity)) return undefined;
  const from = start < 0 ? Math.max(0, of + start) : Math.min(of, start);
  return Math.max(0, Math.min(of - from, length));
}

/** The operators a constant expression may compute with (JSONata's arithmetic; `&` joins two strings). */
const ARITHMETIC: ReadonlyMap<string, (a: number, b: number) => number> = new Map([
  ['+', (a, b) => a + b], ['-', (a, b) => a - b], ['*', (a, b) => a * b], ['/', (a, b) => a / b], ['%', (a, b) => a % b], ['&', () => NaN],
]);

const isNumbers = (v: unknown): v is number[] => Array.isArray(v) && v.every((x) => typeof x === 'number');
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
const total = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
/**
 * JSONata's own functions a constant may call, computed as the jsonata package computes them (a test holds each to
 * the package's evaluation on literals): plain functions of strings, numbers and lists of them, no formatting or
 * casting rules. Undefined where the arguments are not of the kinds handled here (then no constant is claimed).
 */
const FOLDABLE: Readonly<Record<string, (...args: unknown[]) => unknown>> = {
  uppercase: (s) => (typeof s === 'string' ? s.toUpperCase() : undefined),
  lowercase: (s) => (typeof s === 'string' ? s.toLowerCase() : undefined),
  trim: (s) => (typeof s === 'string' ? s.replace(/[ \t\n\r]+/gm, ' ').replace(/^ /, '').replace(/ $/, '') : undefined),
  length: (s) => (typeof s === 'string' ? codePointLength(s) : undefined),
  substringBefore: (s, c) => (typeof s === 'string' && typeof c === 'string' ? (s.indexOf(c) > -1 ? s.slice(0, s.indexOf(c)) : s) : undefined),
  substringAfter: (s, c) => (typeof s === 'string' && typeof c === 'string' ? (s.indexOf(c) > -1 ? s.slice(s.indexOf(c) + c.length) : s) : undefined),
  join: (xs, sep = '') => (isStrings(xs) && typeof sep === 'string' ? xs.join(sep) : undefined),
  abs: (n) => (typeof n === 'number' ? Math.abs(n) : undefined),
  floor: (n) => (typeof n === 'number' ? Math.floor(n) : undefined),
  ceil: (n) => (typeof n === 'number' ? Math.ceil(n) : undefined),
  count: (xs) => (Array.isArray(xs) ? xs.length : undefined),
  sum: (xs) => (isNumbers(xs) ? total(xs) : undefined),
  max: (xs) => (isNumbers(xs) && xs.length ? xs.reduce((a, b) => Math.max(a, b)) : undefined),
  min: (xs) => (isNumbers(xs) && xs.length ? xs.reduce((a, b) => Math.min(a, b)) : undefined),
  average: (xs) => (isNumbers(xs) && xs.length ? total(xs) / xs.length : undefined),
};
const FOLDABLE_CALL = new RegExp(`\\$(?:${Object.keys(FOLDABLE).join('|')})\\s*(?=\\()`, 'g');

/**
 * An expression's text with each string literal and comment made one space, in one pass; undefined when one is not
 * closed (no constant then: the parse fails). By hand: a pattern for them rescans to the end from every unclosed one.
 */
function withoutStringsAndComments(body: string): string | undefined {
  let out = '';
  let last = 0;
  for (let i = 0; i < body.length; ) {
    const c = body[i];
    let end: number;
    if (c === '"' || c === "'") {
      end = i + 1;
      while (end < body.length && body[end] !== c) end += body[end] === '\\' ? 2 : 1;
      if (end >= body.length) return undefined;
      end++;
    } else if (c === '/' && body[i + 1] === '*') {
      end = body.indexOf('*/', i + 2);
      if (end < 0) return undefined;
      end += 2;
    } else {
      i++;
      continue;
    }
    out += body.slice(last, i) + ' ';
    i = last = end;
  }
  return out + body.slice(last);
}

/**
 * Whether a JSONata string gives a function (`{% function($x){$x} %}`, `{% $f := λ($x){$x} %}`, or a block that ends
 * with one): no field takes one, Step Functions fails the state ("returned an unsupported result type", recorded
 * against AWS in LocalStack's test_map_state_items_eval_jsonata_fail).
 */
export function jsonataGivesFunction(value: string): boolean {
  const body = jsonataBody(value);
  if (body === undefined || body.includes('${') || !/function|λ/.test(body)) return false;
  let n = astOf(body);
  // A bind gives its value, a block its last expression; both nest as deep as written, walked without recursion.
  for (let depth = 0; n && depth < 1000; depth++) {
    if (n.type === 'lambda') return true;
    if (n.type === 'bind') n = n.rhs as JsonataNode | undefined;
    else if (n.type === 'block') n = (n.expressions as JsonataNode[] | undefined)?.at(-1);
    else return false;
  }
  return false;
}

/**
 * The value a JSONata string always has, when its expression is written of literals only (`{% 0 %}`, `{% 'ten' %}`,
 * `{% [1, 2] %}`, `{% {'a': -1} %}`, `{% 3600 * 24 %}`, `{% $uppercase('file') %}` with the functions in FOLDABLE);
 * undefined for anything that reads data or calls another function, and for a malformed expression. What a field
 * does with it is the caller's (a constant a field cannot take fails when it runs).
 */
export function jsonataConstant(value: string): { value: unknown } | undefined {
  const body = jsonataBody(value);
  if (body === undefined || body.includes('${')) return undefined;
  // Literals only leave, outside strings and comments, nothing but numbers, true/false/null, [ ] { } , : and the
  // arithmetic operators (+ - * / % &, `{% 3600 * 24 * 30 %}` is a constant too), and the names of FOLDABLE's calls.
  // Anything else (a $variable, a path, another call) is no constant: told without a second parse of the expression,
  // which the syntax check has parsed already.
  const code = withoutStringsAndComments(body);
  if (code === undefined) return undefined;
  const rest = code.replace(/\b(?:true|false|null)\b/g, ' ').replace(FOLDABLE_CALL, ' ');
  if (!/^[\s\d.eE+\-*/%&()[\]{},:]*$/.test(rest)) return undefined;
  const ast = astOf(body);
  if (!ast) return undefined;
  // Folded with an explicit stack of pending results: literals nest as deep as the user writes them.
  const NONE = Symbol('not constant');
  const fold = (root: JsonataNode): unknown => {
    const stack: { node: JsonataNode; from?: number }[] = [{ node: root }];
    const results: unknown[] = [];
    while (stack.length) {
      const top = stack[stack.length - 1];
      const n = top.node;
      if (!plain(n)) return NONE;
      if (n.type === 'number' || n.type === 'string' || (n.type === 'value' && (n.value === true || n.value === false || n.value === null))) {
        stack.pop();
        results.push(n.value);
        continue;
      }
      const binary = n.type === 'binary' && typeof n.value === 'string' && ARITHMETIC.has(n.value);
      const proc = n.type === 'function' ? (n.procedure as JsonataNode | undefined) : undefined;
      const call = proc?.type === 'variable' && typeof proc.value === 'string' && Object.hasOwn(FOLDABLE, proc.value) ? FOLDABLE[proc.value] : undefined;
      if (!binary && !call && (n.type !== 'unary' || !(n.value === '-' || n.value === '[' || n.value === '{'))) return NONE;
      const children: JsonataNode[] = call ? ((n.arguments as JsonataNode[]) ?? []) : binary ? [n.lhs as JsonataNode, n.rhs as JsonataNode] : n.value === '-' ? [n.expression as JsonataNode] : n.value === '[' ? ((n.expressions as JsonataNode[]) ?? []) : ((n.lhs as JsonataNode[][]) ?? []).flat();
      if (top.from === undefined) {
        // First visit: fold the operands; their values land on `results` from here.
        top.from = results.length;
        for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i] });
        continue;
      }
      stack.pop();
      const got = results.splice(top.from);
      if (call) {
        // Only where the signature takes the arguments as written: a call it refuses fails (its own warning).
        if (signatureProblem(proc!.value as string, children)) return NONE;
        const r = call(...got);
        if (r === undefined || (typeof r === 'number' && !Number.isFinite(r))) return NONE;
        results.push(r);
      } else if (binary) {
        // Numbers computed as JSONata computes them; `&` joins strings. Anything else (a string in arithmetic, which
        // fails when it runs) is no constant here.
        const [a, b] = got;
        const r = n.value === '&' ? (typeof a === 'string' && typeof b === 'string' ? a + b : NONE) : typeof a === 'number' && typeof b === 'number' ? ARITHMETIC.get(n.value as string)!(a, b) : NONE;
        if (r === NONE || (typeof r === 'number' && !Number.isFinite(r))) return NONE;
        results.push(r);
      } else if (n.value === '-') {
        if (typeof got[0] !== 'number') return NONE;
        results.push(-got[0]);
      } else if (n.value === '[') results.push(got);
      else {
        const obj: Record<string, unknown> = {};
        for (let i = 0; i < got.length; i += 2) {
          if (typeof got[i] !== 'string') return NONE;
          obj[got[i] as string] = got[i + 1];
        }
        results.push(obj);
      }
    }
    return results[0];
  };
  const v = fold(ast);
  return v === NONE ? undefined : { value: v };
}

/**
 * The names an object constructor written as the whole expression gives (`{% {'model': $m, 'job': $states.input.j} %}`),
 * when every name is a literal: what it evaluates to has no other field (one whose value is undefined is left out,
 * so it may have fewer). Undefined for anything else.
 */
export function jsonataObjectKeys(value: string): string[] | undefined {
  const body = jsonataBody(value);
  if (body === undefined || !body.trimStart().startsWith('{') || body.includes('${')) return undefined;
  const ast = astOf(body);
  if (ast?.type !== 'unary' || ast.value !== '{' || ast.group || ast.stages || ast.predicate) return undefined;
  const keys: string[] = [];
  for (const pair of (ast.lhs as JsonataNode[][] | undefined) ?? []) {
    const key = pair[0];
    if (key?.type !== 'string' || typeof key.value !== 'string') return undefined;
    keys.push(key.value);
  }
  return keys;
}

/**
 * The literal values a whole-string `{% cond ? a : b %}` gives, when both of its branches are literal strings,
 * numbers or booleans (the condition may read anything): one of them is always the result. Undefined otherwise,
 * and for a conditional without an else (undefined when false).
 */
export function jsonataAlternatives(value: string): (string | number | boolean)[] | undefined {
  const body = jsonataBody(value);
  if (body === undefined || body.includes('${') || !body.includes('?')) return undefined;
  const ast = astOf(body);
  if (ast?.type !== 'condition' || !plain(ast)) return undefined;
  const branches = [ast.then as JsonataNode | undefined, ast.else as JsonataNode | undefined];
  const values = branches.map((b) => (b && plain(b) && (b.type === 'string' || b.type === 'number' || (b.type === 'value' && typeof b.value === 'boolean')) ? (b.value as string | number | boolean) : literalNumber(b)));
  return values.every((v) => v !== undefined) ? (values as (string | number | boolean)[]) : undefined;
}

/**
 * Whether a literal node is just that literal: not indexed or filtered (`[1, 2][0]`, `'abc'[0]`), grouped, bound
 * (`@$x`, `#$i`) or sorted, which the parser writes onto the literal's own node.
 */
const plain = (n: JsonataNode): boolean => !('predicate' in n || 'group' in n || 'focus' in n || 'index' in n || 'tuple' in n || 'stages' in n || 'keepArray' in n);

/** A number written as such (`2`, `-2`), else undefined. */
function literalNumber(n: JsonataNode | undefined): number | undefined {
  if (n?.type === 'number' && typeof n.value === 'number') return n.value;
  const inner = n?.type === 'unary' && n.value === '-' ? (n.expression as JsonataNode | undefined) : undefined;
  return inner?.type === 'number' && typeof inner.value === 'number' ? -inner.value : undefined;
}

/**
 * The names an expression binds itself: by `:=`, and as a function's parameters (which may be functions too,
 * `function($f) { $f(1) }`). A call of one of these is not a call of the built-in of that name.
 */
function boundNames(nodes: readonly JsonataNode[]): Set<unknown> {
  const bound = new Set(nodes.filter((n) => n.type === 'bind').map((n) => (n.lhs as JsonataNode | undefined)?.value));
  for (const n of nodes) if (n.type === 'lambda') for (const a of (n.arguments as JsonataNode[] | undefined) ?? []) bound.add(a.value);
  return bound;
}

/**
 * JSONata's own functions that refuse a literal of the type their signature takes, as the jsonata package (2.0.6)
 * evaluates them: `$number('abc')` throws D3030 ("Unable to cast value to a number"), so the state fails when it
 * runs (States.QueryEvaluationError). The package's own tests of a string, its patterns as written.
 */
const LITERAL_REFUSED: Readonly<Record<string, (args: readonly JsonataNode[]) => { message: string; arg: number } | undefined>> = {
  number: ([arg]) => {
    if (arg?.type !== 'string' || typeof arg.value !== 'string') return undefined;
    const text = arg.value;
    if (/^-?[0-9]+(\.[0-9]+)?([Ee][-+]?[0-9]+)?$/.test(text) && !isNaN(parseFloat(text)) && isFinite(Number(text))) return undefined;
    if (/^(0[xX][0-9A-Fa-f]+)|(0[oO][0-7]+)|(0[bB][0-1]+)$/.test(text)) return undefined;
    const shown = JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
    return { message: `$number of ${shown} always fails: it is no number JSONata can read (D3030, "Unable to cast value to a number"), so the state fails when it runs (States.QueryEvaluationError)`, arg: 0 };
  },
};

/** A piped value (`x ~> $f(a)` calls `$f(x, a)`): an argument the call does not write, whose value is not known here. */
const PIPED: JsonataNode = { type: 'piped' };

function stepFunctionsCallIn(nodes: readonly JsonataNode[]): { start: number; end: number; message: string; replacement?: string } | undefined {
  const bound = boundNames(nodes);
  // The calls on the right of `~>`, which take the left side as their first argument.
  const piped = new Set(nodes.filter((n) => n.type === 'apply' && n.value === '~>').map((n) => n.rhs));
  for (const n of nodes) {
    const proc = n.procedure as JsonataNode | undefined;
    if (n.type !== 'function' || proc?.type !== 'variable' || typeof proc.value !== 'string' || bound.has(proc.value)) continue;
    const f = Object.hasOwn(STEP_FUNCTIONS_FUNCTIONS, proc.value) ? STEP_FUNCTIONS_FUNCTIONS[proc.value] : undefined;
    if (!f) {
      // Nothing else can be called: Step Functions' variables hold JSON, never a function, so the call fails when the
      // state runs (T1006). A masked template placeholder (`$___`) may stand for any name.
      if (/^\$?_+$/.test(proc.value)) continue;
      if (JSONATA_FUNCTIONS.has(proc.value)) {
        const written = (n.arguments as JsonataNode[] | undefined) ?? [];
        const args = piped.has(n) ? [PIPED, ...written] : written;
        const message = signatureProblem(proc.value, args);
        if (message) return { ...spanOf(proc.position, proc.value.length + 1), message };
        const found = Object.hasOwn(LITERAL_REFUSED, proc.value) ? LITERAL_REFUSED[proc.value](args) : undefined;
        if (found) return { start: spanOf(proc.position, proc.value.length + 1).start, end: endOf(args[found.arg]), message: found.message };
        continue;
      }
      const near = closest(proc.value, JSONATA_FUNCTIONS, 1)[0];
      return { ...spanOf(proc.position, proc.value.length + 1), message: `JSONata has no function $${proc.value}${near ? `; did you mean $${near}?` : ''} (Step Functions runs JSONata 2.0.6 with its own ${list(Object.keys(STEP_FUNCTIONS_FUNCTIONS).map((n) => `$${n}`))}): the call fails when the state runs`, ...(near ? { replacement: `$${near}` } : {}) };
    }
    const written = (n.arguments as JsonataNode[] | undefined) ?? [];
    const args = piped.has(n) ? [PIPED, ...written] : written;
    const span = spanOf(proc.position, proc.value.length + 1);
    if (args.length < f.min || args.length > f.max) return { ...span, message: arityMessage(proc.value, f.min, f.max, f.shape, args.length) };
    const found = f.check?.(args);
    // From the name to the end of the argument at fault: the call and the value that breaks it.
    if (found) return { start: span.start, end: Math.max(span.end, endOf(args[found.arg])), message: found.message };
  }
  return undefined;
}

/**
 * The function whose name covers index `at` of a whole-string `{% … %}` value: one Step Functions adds to JSONata
 * (`$partition`, `$uuid`…), called or passed as a value, or one of JSONata's own where it is called; its name without
 * `$`, whether it is Step Functions' own, and the offsets of `$name` in the value. Not where the expression binds the
 * name itself.
 */
export function jsonataFunctionAt(value: string, at: number): { name: string; stepFunctions: boolean; start: number; end: number } | undefined {
  const r = jsonataRange(value);
  if (!r || at < r.from || at > r.to) return undefined;
  const ast = astOf(maskPlaceholders(value.slice(r.from, r.to)));
  if (!ast) return undefined;
  const nodes = [...nodesOf(ast)];
  const bound = boundNames(nodes);
  // A call's procedure, or the function passed as a value (`$map(xs, $parse)`, `~> $parse`): either is a variable
  // node. JSONata's own only called: a variable of the same name (Step Functions' Assign) may be read as a value.
  const called = new Set(nodes.filter((n) => n.type === 'function').map((n) => n.procedure));
  for (const n of nodes) {
    if (n.type !== 'variable' || typeof n.value !== 'string' || bound.has(n.value)) continue;
    const stepFunctions = Object.hasOwn(STEP_FUNCTIONS_FUNCTIONS, n.value);
    if (!stepFunctions && !(called.has(n) && Object.hasOwn(JSONATA_SIGNATURES, n.value))) continue;
    const { start, end } = spanOf(n.position, n.value.length + 1);
    if (at >= r.from + start && at <= r.from + end) return { name: n.value, stepFunctions, start: r.from + start, end: r.from + end };
  }
  return undefined;
}

/**
 * The paths a whole-string `{% … %}` value reads from the context object, `$states.context.Map.Item.Value`: the names
 * after `context` (plain name steps up to the first other step) and the offsets of the path in the value.
 */
export function statesContextReads(value: string): { steps: { name: string; start: number; end: number }[]; start: number; end: number }[] {
  const r = jsonataRange(value);
  if (!r || !value.includes('context', r.from)) return [];
  const ast = astOf(maskPlaceholders(value.slice(r.from, r.to)));
  if (!ast) return [];
  const out: { steps: { name: string; start: number; end: number }[]; start: number; end: number }[] = [];
  for (const n of nodesOf(ast)) {
    const steps = n.steps as JsonataNode[] | undefined;
    if (n.type !== 'path' || steps?.[0]?.type !== 'variable' || steps[0].value !== 'states' || steps[1]?.type !== 'name' || steps[1].value !== 'context') continue;
    const read: { name: string; start: number; end: number }[] = [];
    let last = steps[1];
    for (const step of steps.slice(2)) {
      if (step.type !== 'name' || typeof step.value !== 'string' || (step.stages as unknown[] | undefined)?.length) break;
      // A name's position is where it ends; a `quoted name` has its backticks around it.
      const end = r.from + (step.position ?? 0);
      const quoted = value[end - 1] === '`' ? 1 : 0;
      read.push({ name: step.value, start: end - step.value.length - 2 * quoted, end });
      last = step;
    }
    out.push({ steps: read, start: r.from + spanOf(steps[0].position, 7).start, end: r.from + (last.position ?? 0) });
  }
  return out;
}

/** A variable read by a JSONata expression: its name (without $) and offsets in the whole string value. */
export interface JsonataVariable {
  name: string;
  start: number;
  end: number;
  /** The name read from it right after, when there is one (`result` in `$states.result.Payload`). */
  member?: string;
  /**
   * Not a variable: the expression reads the input document, which Step Functions does not give JSONata (`$` or
   * a field name at its top level, or `$$` anywhere); `name` is then the text read (`$`, `$$`, `total`).
   */
  input?: true;
  /**
   * A JSONata or Step Functions function's name, not called, joined into text with `&` (`'arn:' & $partition`): a
   * variable of that name if a state assigns one, else the function itself, which `&` makes empty text.
   */
  functionValue?: true;
}

/**
 * Where an expression reads JSONata's input document. The specification, "JSONata Restrictions": "The States
 * Language does not implicitly provide an input document ... a JSONata expression MUST NOT reference "$" or
 * unqualified field names at the top level, but MAY reference "$" or unqualified field names nested inside an
 * expression" and "a JSONata expression MUST NOT reference "$$"". The top level is what is evaluated against the
 * input: operands, conditions, blocks, constructors, function arguments and a path's first step; a path's later
 * steps, filters and lambda bodies have a context of their own and are not entered.
 */
function inputReads(ast: JsonataNode): { node: JsonataNode; text: string }[] {
  const out: { node: JsonataNode; text: string }[] = [];
  for (const n of nodesOf(ast)) if (n.type === 'variable' && n.value === '$') out.push({ node: n, text: '$$' });
  const stack: unknown[] = [ast];
  while (stack.length) {
    const n = stack.pop() as JsonataNode | undefined;
    if (!n || typeof n !== 'object') continue;
    switch (n.type) {
      case 'variable':
        if (n.value === '') out.push({ node: n, text: '$' });
        break;
      case 'name':
        if (typeof n.value === 'string') out.push({ node: n, text: n.value });
        break;
      case 'path': {
        const steps = n.steps as JsonataNode[] | undefined;
        // `States.Format(…)`: an intrinsic function, refused as such (unsupportedIn), not a field read.
        if (!(steps?.[0]?.type === 'name' && steps[0].value === 'States' && steps[1]?.type === 'function')) stack.push(steps?.[0]);
        break;
      }
      case 'binary':
      case 'apply':
        stack.push(n.lhs, n.rhs);
        break;
      case 'condition':
        stack.push(n.condition, n.then, n.else);
        break;
      case 'bind':
        stack.push(n.rhs);
        break;
      case 'block':
        append(stack, (n.expressions as unknown[] | undefined) ?? []);
        break;
      case 'function':
      case 'partial':
        append(stack, (n.arguments as unknown[] | undefined) ?? []);
        break;
      case 'unary':
        if (n.value === '-') stack.push(n.expression);
        else if (n.value === '[') append(stack, (n.expressions as unknown[] | undefined) ?? []);
        else if (n.value === '{') for (const pair of (n.lhs as unknown[][] | undefined) ?? []) append(stack, pair);
        break;
    }
  }
  return out;
}

/**
 * The variables a whole-string `{% … %}` expression reads from outside itself: `$name` references that are not
 * bound inside it (by `:=`, a function's parameters or `@$`/`#$`), nor functions. `$states` is included as
 * `states`; reads of the input document (`$`, `$$`, a field name at the top level) are marked `input`. Undefined
 * when the value is not a JSONata expression or does not parse.
 */
export function jsonataVariables(value: string): JsonataVariable[] | undefined {
  const r = jsonataRange(value);
  if (!r) return undefined;
  const body = value.slice(r.from, r.to);
  const ast = astOf(body);
  if (!ast) return undefined;
  const bound = new Set<string>();
  const called = new Set<JsonataNode>();
  const refs: JsonataNode[] = [];
  const members = new Map<JsonataNode, string>();
  const joined = new Set<JsonataNode>();
  for (const n of nodesOf(ast)) {
    if (n.type === 'binary' && n.value === '&') for (const side of [n.lhs, n.rhs] as (JsonataNode | undefined)[]) if (side) joined.add(side);
    const steps = n.steps as JsonataNode[] | undefined;
    if (n.type === 'path' && steps?.[0]?.type === 'variable' && steps[1]?.type === 'name' && typeof steps[1].value === 'string') members.set(steps[0], steps[1].value);
    if (n.type === 'bind' && (n.lhs as JsonataNode | undefined)?.type === 'variable') bound.add(String((n.lhs as JsonataNode).value));
    if (n.type === 'lambda') for (const a of (n.arguments as JsonataNode[] | undefined) ?? []) bound.add(String(a.value));
    for (const k of ['focus', 'index']) if (typeof n[k] === 'string') bound.add(n[k] as string);
    if ((n.type === 'function' || n.type === 'partial') && (n.procedure as JsonataNode | undefined)?.type === 'variable') called.add(n.procedure as JsonataNode);
    if (n.type === 'variable' && typeof n.value === 'string' && n.value !== '' && n.value !== '$') refs.push(n);
  }
  const out: JsonataVariable[] = [];
  for (const { node, text } of inputReads(ast)) {
    // A name may be written in backticks (`odd name`): the span covers them.
    const quoted = node.type === 'name' && typeof node.position === 'number' && body[node.position - 1] === '`';
    const { start, end } = spanOf(node.position, text.length + (quoted ? 2 : 0));
    out.push({ name: text, start: r.from + start, end: r.from + end, input: true });
  }
  for (const n of refs) {
    const name = n.value as string;
    if (bound.has(name) || called.has(n)) continue;
    const { start, end } = spanOf(n.position, name.length + 1);
    if (JSONATA_FUNCTIONS.has(name)) {
      if (joined.has(n)) out.push({ name, start: r.from + start, end: r.from + end, functionValue: true });
      continue;
    }
    const member = members.get(n);
    out.push({ name, start: r.from + start, end: r.from + end, ...(member !== undefined ? { member } : {}) });
  }
  return out;
}

// The functions of JSONata 2.0.6 with their signatures as the jsonata package declares them (a test holds this table
// to the package's source): each argument's type (s string, n number, b boolean, l null, o object, a array, a<n> an
// array of numbers, f function, j any JSON value, x anything, (sf) either), then `?` optional, `+` one or more, `-`
// the context when left out; after `:` the result. With the functions Step Functions adds (its table above): a `$name`
// that is one of these is not a variable, and no other can be called.
export const JSONATA_SIGNATURES: Readonly<Record<string, string>> = {
  sum: '<a<n>:n>', count: '<a:n>', max: '<a<n>:n>', min: '<a<n>:n>', average: '<a<n>:n>', string: '<x-b?:s>', substring: '<s-nn?:s>',
  substringBefore: '<s-s:s>', substringAfter: '<s-s:s>', lowercase: '<s-:s>', uppercase: '<s-:s>', length: '<s-:n>', trim: '<s-:s>',
  pad: '<s-ns?:s>', match: '<s-f<s:o>n?:a<o>>', contains: '<s-(sf):b>', replace: '<s-(sf)(sf)n?:s>', split: '<s-(sf)n?:a<s>>',
  join: '<a<s>s?:s>', formatNumber: '<n-so?:s>', formatBase: '<n-n?:s>', formatInteger: '<n-s:s>', parseInteger: '<s-s:n>',
  number: '<(nsb)-:n>', floor: '<n-:n>', ceil: '<n-:n>', round: '<n-n?:n>', abs: '<n-:n>', sqrt: '<n-:n>', power: '<n-n:n>', random: '<:n>',
  boolean: '<x-:b>', not: '<x-:b>', map: '<af>', zip: '<a+>', filter: '<af>', single: '<af?>', reduce: '<afj?:j>', sift: '<o-f?:o>',
  keys: '<x-:a<s>>', lookup: '<x-s:x>', append: '<xx:a>', exists: '<x:b>', spread: '<x-:a<o>>', merge: '<a<o>:o>', reverse: '<a:a>',
  each: '<o-f:a>', error: '<s?:x>', assert: '<bs?:x>', type: '<x:s>', sort: '<af?:a>', shuffle: '<a:a>', distinct: '<x:x>',
  base64encode: '<s-:s>', base64decode: '<s-:s>', encodeUrlComponent: '<s-:s>', encodeUrl: '<s-:s>', decodeUrlComponent: '<s-:s>',
  decodeUrl: '<s-:s>', eval: '<sx?:x>', toMillis: '<s-s?:n>', fromMillis: '<n-s?s?:s>', clone: '<(oa)-:o>', now: '<s?s?:s>', millis: '<:n>',
};
export const JSONATA_FUNCTIONS: ReadonlySet<string> = new Set([...Object.keys(STEP_FUNCTIONS_FUNCTIONS), ...Object.keys(JSONATA_SIGNATURES)]);

/** One parameter of a signature, read as the jsonata package reads it (its `types` are the argument symbols it takes, `m` for missing). */
interface SignatureParam {
  type: string;
  types: string;
  subtype?: string;
  optional: boolean;
  many: boolean;
  /** Left out, the context stands for it (`-`). */
  context?: boolean;
}

const signatureParams = new Map<string, SignatureParam[]>();
function paramsOf(signature: string): SignatureParam[] {
  let params = signatureParams.get(signature);
  if (params) return params;
  params = [];
  const closing = (from: number, open: string, close: string) => {
    let depth = 0;
    for (let i = from; i < signature.length; i++) {
      if (signature[i] === open) depth++;
      else if (signature[i] === close && --depth === 0) return i;
    }
    return signature.length;
  };
  const last = () => params![params!.length - 1];
  for (let i = 1; i < signature.length && signature[i] !== ':'; i++) {
    const c = signature[i];
    if ('snblo'.includes(c)) params.push({ type: c, types: `${c}m`, optional: false, many: false });
    else if (c === 'a' || c === 'x') params.push({ type: c, types: 'asnblfom', optional: false, many: false });
    else if (c === 'f') params.push({ type: c, types: 'f', optional: false, many: false });
    else if (c === 'j') params.push({ type: c, types: 'asnblom', optional: false, many: false });
    else if (c === '-') Object.assign(last(), { optional: true, context: true });
    else if (c === '?') last().optional = true;
    else if (c === '+') last().many = true;
    else if (c === '(') {
      const end = closing(i, '(', ')');
      const choice = signature.slice(i + 1, end);
      params.push({ type: `(${choice})`, types: `${choice}m`, optional: false, many: false });
      i = end;
    } else if (c === '<') {
      const end = closing(i, '<', '>');
      last().subtype = signature.slice(i + 1, end);
      i = end;
    }
  }
  signatureParams.set(signature, params);
  return params;
}

const TYPE_WORDS: Record<string, [string, string]> = {
  s: ['a string', 'strings'], n: ['a number', 'numbers'], b: ['a boolean', 'booleans'], l: ['null', 'nulls'], o: ['an object', 'objects'],
  a: ['an array', 'arrays'], f: ['a function', 'functions'], j: ['a JSON value', 'JSON values'], x: ['any value', 'values'],
};
const typeWords = (p: SignatureParam): string =>
  p.type.startsWith('(') ? [...p.type.slice(1, -1)].map((t) => TYPE_WORDS[t][0]).join(' or ')
  : p.type === 'a' && p.subtype && TYPE_WORDS[p.subtype[0]] ? `an array of ${TYPE_WORDS[p.subtype[0]][1]}`
  : TYPE_WORDS[p.type][0];
/** `$substring(a string, a number, a number?)`: how a JSONata function is called, in words. */
const signatureShape = (name: string, signature: string) =>
  `$${name}(${paramsOf(signature).map((p) => `${typeWords(p)}${p.many ? ', …' : p.context ? ' (else the context)' : p.optional ? '?' : ''}`).join(', ')})`;

/** A call of `$name` with `got` arguments where it takes `min` to `max` (`shape` says how it is called). */
function arityMessage(name: string, min: number, max: number, shape: string, got: number): string {
  const count = max === Infinity ? `at least ${min}` : min === max ? String(min) : max - min === 1 ? `${min} or ${max}` : `${min} to ${max}`;
  return `$${name} takes ${count} argument${/(^| )1$/.test(count) ? '' : 's'} (${shape}), not ${got}: the call fails when the state runs`;
}

/** The argument symbol the jsonata package gives a literal (s, n, b, l, a, o, f), or `*` for a value not known here. */
function literalSymbol(n: JsonataNode): string {
  if (!plain(n)) return '*';
  if (n.type === 'string') return 's';
  if (n.type === 'number') return 'n';
  if (n.type === 'value') return n.value === null ? 'l' : typeof n.value === 'boolean' ? 'b' : '*';
  if (n.type === 'unary') return n.value === '[' ? 'a' : n.value === '{' ? 'o' : '*';
  if (n.type === 'lambda') return 'f';
  return '*';
}

/** Whether some reading of the arguments fits the parameters (the package matches a regular expression; `*` fits any type). */
function fits(params: readonly SignatureParam[], symbols: readonly string[]): boolean {
  // Reachable (parameter, argument) pairs; `taken`: the parameter at `i` has had an argument (for `+`).
  const seen = new Set<string>();
  const stack: [number, number, boolean][] = [[0, 0, false]];
  while (stack.length) {
    const [i, k, taken] = stack.pop()!;
    const key = `${i},${k},${taken}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (i === params.length) {
      if (k === symbols.length) return true;
      continue;
    }
    const p = params[i];
    if (p.optional || taken) stack.push([i + 1, k, false]);
    if (k < symbols.length && (symbols[k] === '*' || p.types.includes(symbols[k]))) {
      stack.push([i + 1, k + 1, false]);
      if (p.many) stack.push([i, k + 1, true]);
    }
  }
  return false;
}

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth'];
const nth = (i: number) => ORDINALS[i] ?? `${i + 1}th`;

/**
 * What makes a call of one of JSONata's own functions fail whenever it runs, read from its signature as the jsonata
 * package checks it (T0410, T0412): too many or too few arguments, or a literal argument of a type the function does
 * not take. Arguments the text does not show (paths, variables, calls) may be anything.
 */
function signatureProblem(name: string, args: readonly JsonataNode[]): string | undefined {
  const signature = JSONATA_SIGNATURES[name];
  const params = paramsOf(signature);
  const symbols = args.map(literalSymbol);
  // How the function is called, for a message only (most calls are fine).
  const shape = () => signatureShape(name, signature);
  const fails = 'the call fails when the state runs';
  if (!fits(params, symbols)) {
    const min = params.filter((p) => !p.optional).length;
    const max = params.some((p) => p.many) ? Infinity : params.length;
    if (args.length < min || args.length > max) return arityMessage(name, min, max, shape(), args.length);
    // One argument a parameter: the first literal of a type its parameter does not take.
    const i = args.length === params.length && !params.some((p) => p.many) ? symbols.findIndex((s, k) => s !== '*' && !params[k].types.includes(s)) : -1;
    if (i >= 0) return `$${name} takes ${typeWords(params[i])} as its ${nth(i)} argument (${shape()}), not ${TYPE_WORDS[symbols[i]][0]}: ${fails}`;
    return `$${name} cannot take these arguments (${shape()}): ${fails}`;
  }
  // An array parameter with a type for its items (a<n>): a literal array's items, or a literal given for it, must be
  // of that type. Which parameter takes which argument: as the package's own regular expression reads them when every
  // argument is a literal, else only where each parameter takes one argument (none left out, none repeated).
  const taken = alignment(params, symbols);
  if (!taken) return undefined;
  for (let k = 0; k < args.length; k++) {
    const p = params[taken[k]];
    if (p.type !== 'a' || !p.subtype || symbols[k] === '*') continue;
    const items = symbols[k] === 'a' ? ((args[k].expressions as JsonataNode[] | undefined) ?? []).map(literalSymbol) : [symbols[k]];
    if (!items.length || items.includes('*')) continue;
    const wrong = items.find((t) => t !== p.subtype![0]);
    if (wrong) return `$${name} takes ${typeWords(p)} as its ${nth(k)} argument (${shape()}), ${symbols[k] === 'a' ? 'and this one holds' : 'not'} ${TYPE_WORDS[wrong][0]}: ${fails}`;
  }
  return undefined;
}

/** The parameter each argument goes to (indexes into `params`), where that is known; see signatureProblem. */
function alignment(params: readonly SignatureParam[], symbols: readonly string[]): number[] | undefined {
  if (symbols.includes('*')) return symbols.length === params.length && !params.some((p) => p.many) ? symbols.map((_, k) => k) : undefined;
  const m = new RegExp(`^${params.map((p) => `([${p.types}]${p.many ? '+' : p.optional ? '?' : ''})`).join('')}$`).exec(symbols.join(''));
  return m ? params.flatMap((_, i) => [...m[i + 1]].map(() => i)) : undefined;
}

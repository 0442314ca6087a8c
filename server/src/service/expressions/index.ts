// Expressions inside ASL strings, written once for both sides: JSONPath, intrinsic functions, JSONata and ${…}
// template placeholders. Parsers give trees with offsets into the string value (callers map them into the
// document with sourceOffset); the server checks with them, the client evaluates with them. Pure: no editor,
// no LSP, no I/O.
import { Code } from '../core/codes';
import { stringSource } from '../core/stringSource';
import { codePointLength, jsonEscapeAt } from '../core/text';
import { contextAlways, contextMax, contextShown, contextValue, type KnownContext } from './context';
import { parseDynamicValue } from './dynamic';
import { evaluateIntrinsic } from './evaluate';
import { isJsonata, jsonataConcatenation, jsonataConstant } from './jsonata';
import { hasPlaceholder } from './placeholders';
import { argSpec, formatSegments, INTRINSIC_FUNCTIONS, type ArgType } from './functions';
import { parseIntrinsic, type Call, type IntrinsicArg } from './intrinsics';
import type { PathNode } from './jsonpath';
import { isExpressionError, type ExpressionError } from './types';
import { append } from '../core/append';

export { isExpressionError, type ExpressionError } from './types';
export { checkJsonata, isJsonata, jsonataAlternatives, jsonataBody, jsonataConstant, jsonataGivesFunction, jsonataFunctions, jsonataObjectKeys, jsonataVariables, statesContextReads, jsonataFunctionAt, stepFunctionsJsonataBindings } from './jsonata';
export { INTRINSICS, intrinsicNameAt, parseIntrinsic, type Call, type IntrinsicArg } from './intrinsics';
export { argSpec, argumentCount, INTRINSIC_FUNCTIONS, type ArgType } from './functions';
export type { KnownContext } from './context';
export { JSONATA_KEYWORDS, jsonataStep } from './jsonataNames';
export { checkJsonPath, jsonataAsJsonPath, jsonataForPathKey, jsonPathAsJsonata, parseJsonPath, type PathKind, type PathNode, type PathSegment } from './jsonpath';
export { parseDynamicValue } from './dynamic';
export { evaluateDynamicValue, evaluateIntrinsic } from './evaluate';
export { deploysAsString, deploysAsStringText, hasPlaceholder, literalParts, scanPlaceholders, substitutePlaceholders } from './placeholders';

/**
 * The value of a `"X.$"` key: a JSONPath (`$…`), a context path (`$$…`), a variable, or an intrinsic function call.
 * A malformed one is an error; a well-formed call that breaks a documented limit with its literal arguments a
 * warning (`severity`), as it fails only when it runs.
 */
export function checkDynamicValue(value: string): ExpressionError | undefined {
  const r = parseDynamicValue(value);
  return isExpressionError(r) ? r : judgeDynamicValue(value, r).error;
}

/**
 * A parsed `.$` value (`r`, parsed from `value`) judged: what is wrong with it (`checkDynamicValue`'s warnings), and
 * for a call of literals only the value it always gives (`States.MathAdd(2419200, 3600)` → 2422800), from one run.
 */
export function judgeDynamicValue(value: string, r: Call | PathNode): { error?: ExpressionError; constant?: { value: unknown } } {
  if (r.kind !== 'call') return {};
  const limits = callLimits(r, 1);
  if (limits) return { error: limits };
  const run = runLiterals(value, r);
  if (run && 'error' in run) return { error: { start: r.start, end: r.end, code: Code.invalidIntrinsic, severity: 'warning', message: `This call always fails when it runs (States.Runtime): ${run.error.message}` } };
  return run ? { constant: run } : {};
}

/**
 * A call whose name is not followed immediately by its "(" (`States.UUID ()`): the specification says "The Intrinsic
 * Function name MUST be followed immediately by a list of zero or more arguments, enclosed by ( and )", while Step
 * Functions' grammar reads past the space. A warning on the first such space, apart from every other finding.
 */
export function spacedCall(value: string, r: Call | PathNode): ExpressionError | undefined {
  const stack: IntrinsicArg[] = [r];
  let first: ExpressionError | undefined;
  while (stack.length) {
    const a = stack.pop()!;
    if (a.kind !== 'call') continue;
    const nameEnd = a.start + a.name.length;
    if (value[nameEnd] !== '(' && (!first || nameEnd < first.start)) {
      let end = nameEnd;
      while (end < value.length && value[end] !== '(') end++;
      first = { start: nameEnd, end, code: Code.invalidIntrinsic, severity: 'warning', message: `The specification wants ${a.name}'s "(" right after its name ("The Intrinsic Function name MUST be followed immediately by a list of zero or more arguments, enclosed by ( and )"): write ${a.name}(…)`, replacement: '' };
    }
    append(stack, a.args);
  }
  return first;
}

/** What a call of literals only does every time it runs: gives `value` or fails (`States.StringToJson('{bad')`); undefined for a call that reads or varies. */
function runLiterals(value: string, call: Call): { value: unknown } | { error: Error } | undefined {
  if (!literalsOnly(call)) return undefined;
  try {
    return { value: evaluateIntrinsic(value, {} as never) };
  } catch (e) {
    // Our own evaluation running out of stack (a literal nested thousands deep) says nothing of how Step Functions
    // runs it: no judgement.
    if (e instanceof RangeError) return undefined;
    return { error: e as Error };
  }
}

/** Whether a call reads nothing and gives the same every time: no path, no varying function, at any depth. */
function literalsOnly(call: Call): boolean {
  const stack: IntrinsicArg[] = [call];
  while (stack.length) {
    const a = stack.pop()!;
    if (a.kind === 'path' || (a.kind === 'call' && VARYING.has(a.name))) return false;
    if (a.kind === 'call') append(stack, a.args);
  }
  return true;
}

/** "You can nest up to 10 intrinsic functions within a field in your workflows." */
const MAX_NESTING = 10;

function callLimits(call: Call, depth: number): ExpressionError | undefined {
  if (depth > MAX_NESTING) return { start: call.start, end: call.end, code: Code.invalidIntrinsic, severity: 'warning', message: `Intrinsic functions nest at most ${MAX_NESTING} deep; this call is at depth ${depth}` };
  const f = INTRINSIC_FUNCTIONS.get(call.name);
  const own = f?.limits?.(call);
  if (own) return own;
  for (const [k, a] of call.args.entries()) {
    if (a.kind !== 'call') continue;
    const inner = callLimits(a, depth + 1);
    if (inner) return inner;
    // A call whose result is never what the argument must be (States.ArrayLength(States.Format(…)): a string).
    const spec = f && argSpec(f, k);
    const gives = INTRINSIC_FUNCTIONS.get(a.name)?.result;
    if (spec && gives && !resultFits(gives, spec.type))
      return { start: a.start, end: a.end, code: Code.invalidIntrinsic, severity: 'warning', message: `This call always fails when it runs (States.Runtime): ${call.name}: ${spec.what}, and ${a.name} gives ${gives === 'array' || gives === 'object' ? 'an' : 'a'} ${gives}` };
  }
  return undefined;
}

/** Whether a function's result of type `gives` can be an argument of type `type` (an integer is a number that may be whole). */
function resultFits(gives: string, type: ArgType): boolean {
  if (gives === 'any' || type === 'any') return true;
  if (type === 'scalar') return gives !== 'array' && gives !== 'object';
  return gives === type || (type === 'integer' && gives === 'number');
}

/** Functions whose result differs from call to call: never a constant. */
const VARYING = new Set(['States.UUID', 'States.MathRandom']);

/**
 * The value a `.$` intrinsic call of literals only always gives (`States.MathAdd(2419200, 3600)` → 2422800), or a
 * JSONata expression of literals only (`{% 3600 * 24 * 30 %}`, with `jsonata`); undefined for anything that reads
 * a path, a variable or varies, and for a call that fails.
 */
export function literalConstant(value: string, dynamic: boolean, jsonata: boolean): { value: unknown } | undefined {
  if (jsonata && !dynamic) return isJsonata(value) ? jsonataConstant(value) : undefined;
  if (!dynamic || !value.trimStart().startsWith('States.')) return undefined;
  const call = parseIntrinsic(value, { check: false });
  const run = isExpressionError(call) ? undefined : runLiterals(value, call);
  return run && 'value' in run ? run : undefined;
}

/** The paths a parsed dynamic value reads: itself, or the path arguments of its intrinsic calls at any depth. */
export function pathsIn(r: Call | PathNode): PathNode[] {
  if (r.kind === 'path') return [r];
  const out: PathNode[] = [];
  const stack: IntrinsicArg[] = [...r.args];
  while (stack.length) {
    const a = stack.pop()!;
    if (a.kind === 'path') out.push(a);
    else if (a.kind === 'call') append(stack, a.args);
  }
  return out;
}

/**
 * Whether a string stands for a value not known from the text: a template placeholder (`${…}`), or in JSONata a
 * `{% %}` expression. Such a value is not judged against the field's or member's constraints.
 */
export const standsForValue = (s: string, jsonata: boolean): boolean => hasPlaceholder(s) || (jsonata && isJsonata(s));

/** Whether a plain value was probably meant as an expression (a path or an intrinsic call), e.g. to suggest a `.$` key. */
export const looksLikePath = (value: string): boolean => /^\s*(\$\$?([.[]|\s*$)|\$[\p{ID_Start}_]\p{ID_Continue}*[.[]|States\.[A-Za-z0-9]+\s*\()/u.test(value);

/** The bound of a parsed dynamic value, with `context` bounding each context path. */
function boundOf(r: Call | PathNode, context: (path: string) => number | undefined): number | undefined {
  const argMax = (a: IntrinsicArg): number | undefined => {
    switch (a.kind) {
      case 'string':
        return a.value.length;
      case 'number':
      case 'literal':
        return a.text.length;
      case 'path':
        return context(a.text);
      case 'call':
        return callMax(a);
    }
  };
  const callMax = (c: Call): number | undefined => INTRINSIC_FUNCTIONS.get(c.name)?.maxLength?.(c, argMax);
  return argMax(r);
}

/**
 * What the text tells of a computed string (a `.$` value, a JSONata `{% %}` string): characters it always holds
 * (a member's pattern must allow each somewhere), text it always begins and ends with (a pattern anchored at that
 * end must admit it there), the whole value when every part of it is known, and bounds on its length (`max`: the
 * longest it can be; `shown`: with the names of the context as short as the text allows, an unnamed execution's
 * name a 36-character UUID).
 */
export interface KnownString {
  always?: string;
  prefix?: string;
  suffix?: string;
  exact?: string;
  max?: number;
  shown?: number;
  /** The least length it can have (characters), where more than `always`'s: with the parts of a fixed length (a UUID's 36). */
  min?: number;
  /** The state's name, when the value reads it from the context (KnownContext) and its text is known. */
  stateName?: string;
  /**
   * The known text in order, where not all of it is known: `value` holds each known stretch at its `parts` entry
   * and one stand-in character for each value read when it runs (what lies between parts stands for any text).
   */
  layout?: { value: string; parts: { start: number; end: number }[] };
}

/** A stretch of a computed string, in order: text known from the expression, or a value read when it runs, which always holds `always`. */
type Piece = { text: string; context?: true } | { always: string; least?: number };

/** The text a computed string's pieces show, as KnownString says it. */
function knownText(pieces: readonly Piece[], known: KnownContext | undefined): Pick<KnownString, 'always' | 'prefix' | 'suffix' | 'exact' | 'stateName' | 'layout' | 'min'> {
  const named = known?.stateName !== undefined && pieces.some((p) => 'context' in p) ? { stateName: known.stateName } : {};
  let always = '';
  let prefix = '';
  let suffix = '';
  let whole = true;
  let value = '';
  const parts: { start: number; end: number }[] = [];
  let min = 0;
  for (const p of pieces) {
    min += 'text' in p ? codePointLength(p.text) : Math.max(codePointLength(p.always), p.least ?? 0);
    if ('text' in p) {
      always += p.text;
      if (whole) prefix += p.text;
      suffix += p.text;
      const last = parts[parts.length - 1];
      if (last?.end === value.length) last.end += p.text.length;
      else if (p.text) parts.push({ start: value.length, end: value.length + p.text.length });
      value += p.text;
    } else {
      always += p.always;
      whole = false;
      suffix = '';
      value += '\0';
    }
  }
  if (whole) return { ...(always ? { always } : {}), exact: always, ...named };
  return { ...(always ? { always } : {}), ...(prefix ? { prefix } : {}), ...(suffix ? { suffix } : {}), ...(parts.length ? { layout: { value, parts } } : {}), ...(min > codePointLength(always) ? { min } : {}), ...named };
}

/** A context path's piece: its value where the text shows it, else what it always holds. */
const contextPiece = (path: string, known: KnownContext | undefined): Piece => {
  const value = contextValue(path, known);
  return value !== undefined ? { text: value, context: true } : { always: contextAlways(path) };
};

/**
 * The pieces of a dynamic value's result, in order: a States.Format template's text around its {}, with what fills
 * each; the literal strings it is given; a context path (known, or the characters it always holds, `$$.Execution.Id`
 * → "arn:"). Anything else is a value not known from the text. (The parser bounds the nesting.)
 */
function intrinsicPieces(a: IntrinsicArg, known: KnownContext | undefined, out: Piece[]): void {
  if (a.kind === 'string') out.push({ text: a.value });
  else if (a.kind === 'path') out.push(contextPiece(a.text, known));
  else if (a.kind === 'call' && a.name === 'States.Format') {
    const [template, ...values] = a.args;
    if (template?.kind === 'string') {
      formatSegments(template.raw).forEach((text, i) => {
        out.push({ text });
        if (values[i]) intrinsicPieces(values[i], known, out);
      });
    } else {
      // A template read from a path puts its values anywhere: only the characters they hold are known.
      const inner: Piece[] = [];
      for (const v of values) intrinsicPieces(v, known, inner);
      out.push({ always: inner.map((p) => ('text' in p ? p.text : p.always)).join('') });
    }
  } else out.push({ always: '', ...(a.kind === 'call' && a.name === 'States.UUID' ? { least: UUID_LENGTH } : {}) });
}

/** States.UUID's and $uuid()'s result: a version 4 UUID, 36 characters. */
const UUID_LENGTH = 36;

/**
 * What a parsed `.$` value's result is known to be (KnownString), read from its one parse: `States.Format('train_{}',
 * $$.Execution.Name)` always holds "train_" and begins with it; `$$.State.Name` is the state's name when `known` says it.
 */
function dynamicStringBounds(r: Call | PathNode, known?: KnownContext): KnownString {
  const pieces: Piece[] = [];
  intrinsicPieces(r, known, pieces);
  const max = boundOf(r, (path) => contextMax(path, known));
  const shown = boundOf(r, (path) => contextShown(path, known));
  return { ...knownText(pieces, known), ...(max !== undefined ? { max } : {}), ...(shown !== undefined ? { shown } : {}) };
}

/**
 * What a JSONata string value is known to be (KnownString), from one parse, as dynamicStringBounds knows a
 * States.Format: a concatenation's literals and what they hold (`{% 'churn_' & $uuid() %}` begins with "churn_"),
 * and bounds on its length where every operand has one (`{% 'hpo-' & $uuid() %}` → 40 and 40). A value of literals
 * only is a constant (jsonataConstant), not judged here.
 */
function jsonataStringBounds(value: string, known?: KnownContext): KnownString {
  const parts = jsonataConcatenation(value);
  if (!parts || parts.every((p) => 'text' in p)) return {};
  const pieces = parts.map((p): Piece => ('text' in p ? p : 'context' in p ? contextPiece(p.context, known) : { always: '', ...('length' in p ? { least: p.length } : {}) }));
  const bound = (context: (path: string) => number | undefined): number | undefined => {
    let total = 0;
    for (const p of parts) {
      const length = 'text' in p ? p.text.length : 'length' in p ? p.length : 'context' in p ? context(p.context) : undefined;
      if (length === undefined) return undefined;
      total += length;
    }
    return total;
  };
  const max = bound((path) => contextMax(path, known));
  const shown = bound((path) => contextShown(path, known));
  return { ...knownText(pieces, known), ...(max !== undefined ? { max } : {}), ...(shown !== undefined ? { shown } : {}) };
}

/**
 * What a parsed `.$` value's result is known to be, given its judgement (judgeDynamicValue): a call of literals only
 * gives one string every time (`States.Base64Encode('churn model')`), all of it known; else what its text shows.
 */
export function knownDynamicString(r: Call | PathNode, constant: { value: unknown } | undefined, known?: KnownContext): KnownString {
  if (typeof constant?.value !== 'string') return dynamicStringBounds(r, known);
  const s = constant.value;
  return { ...(s ? { always: s } : {}), exact: s, max: s.length, shown: s.length };
}

/**
 * What a computed string written as `value` is known to be: a `.$` value's result (`dynamic`), else a JSONata
 * expression's. Undefined where the text tells nothing: a `${…}` placeholder stands for text not known here, an
 * expression that does not parse is its own finding, and a plain string is no computed one.
 */
export function knownStringOf(value: string, dynamic: boolean, known?: KnownContext): KnownString | undefined {
  if (hasPlaceholder(value)) return undefined;
  if (!dynamic) return isJsonata(value) ? jsonataStringBounds(value, known) : undefined;
  const r = parseDynamicValue(value);
  return isExpressionError(r) ? undefined : knownDynamicString(r, judgeDynamicValue(value, r).constant, known);
}

/**
 * Where an expression's mistake is in the document: its span in the value of the string `node` (written in `text`)
 * mapped onto the source, at least one character and never past the string (a mistake at the very end, "an argument
 * is missing", keeps to the last character of an unquoted YAML value).
 */
export function expressionErrorSpan(text: string, node: { offset: number; length: number }, err: ExpressionError): { offset: number; length: number } {
  const end = node.offset + node.length;
  const raw = text.slice(node.offset, end);
  const start = Math.min(node.offset + sourceOffset(raw, err.start), Math.max(node.offset, end - 1));
  const stop = Math.min(node.offset + sourceOffset(raw, Math.max(err.end, err.start + 1)), end);
  return { offset: start, length: Math.max(1, stop - start) };
}

/**
 * Where `value[from, to)` of a string node lies in the document, and whether the text there is the value's own
 * (`exact`: a fix may write it; through a quoted string's escapes it is not). A quoted string maps through its
 * escapes; an unquoted one whose text does not map (a scalar sourceOffset cannot follow) is underlined whole.
 */
export function valueSpan(text: string, node: { offset: number; length: number; value?: unknown }, from: number, to: number): { offset: number; length: number; exact: boolean } {
  const raw = text.slice(node.offset, node.offset + node.length);
  const a = sourceOffset(raw, from);
  const b = sourceOffset(raw, to);
  const exact = raw.slice(a, b) === (node.value as string).slice(from, to);
  if (!exact && raw[0] !== '"' && raw[0] !== "'") return { offset: node.offset, length: node.length, exact };
  return { offset: node.offset + a, length: b - a, exact };
}

/** A JSON string's content with its escapes read once, and for each of its characters (and its end) the index in `raw`. */
function unescapeOnce(raw: string): { text: string; at: number[] } {
  let text = '';
  const at: number[] = [];
  for (let i = 0; i < raw.length; ) {
    at.push(i);
    if (raw[i] !== '\\' || i + 1 >= raw.length) {
      text += raw[i++];
      continue;
    }
    // An escape JSON does not have (not in valid text) stands for the character after the backslash.
    const escape = jsonEscapeAt(raw, i) ?? { char: raw[i + 1], width: 2 };
    text += escape.char;
    i += escape.width;
  }
  at.push(raw.length);
  return { text, at };
}

/** A JSON string written inside a JSON string: `\"…\"` (a template's escaped DefinitionString). */
export const isEscapedJsonString = (raw: string): boolean => raw.length >= 4 && raw.startsWith('\\"') && raw.endsWith('\\"');

/**
 * Whether a plain scalar's source is one line, the last answer kept: callers map every placeholder or step of one
 * value in a row (the review of the day: a `!Sub` of 100,000 `${X}` scanned its scalar for a line break each time).
 */
let lastLine: { raw: string; one: boolean } | undefined;
const isOneLine = (raw: string): boolean => (lastLine?.raw === raw ? lastLine.one : (lastLine = { raw, one: !raw.includes('\n') }).one);

/** The last string unescapeOnce read: callers map several positions of one value in a row (a hover's binary search). */
let lastUnescaped: { raw: string; inner: { text: string; at: number[] } } | undefined;

/**
 * The index into a string's value of the character at document offset `offset` (`raw`, its source, starting at
 * `start`; the source may hold escapes): the last whose source starts at or before it, by a binary search over
 * sourceOffset. Undefined when the offset is before the value (on an opening quote): the cursor is before it.
 */
export function valueIndexAt(raw: string, start: number, valueLength: number, offset: number): number | undefined {
  if (offset < start + sourceOffset(raw, 0)) return undefined;
  let lo = 0, hi = valueLength;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (start + sourceOffset(raw, mid) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Maps an index into a string's decoded value to an index into its source text: a JSON string literal (starting
 * with `"`, with escapes), any YAML scalar (core/stringSource.ts), or a plain scalar on one line (identity).
 */
export function sourceOffset(raw: string, valueIndex: number): number {
  // A JSON string written inside a JSON string (a template's escaped DefinitionString: `\"a\\nb\"`): unescaped
  // once, it is a JSON string literal; its index mapped there, then back onto the escaped source.
  if (isEscapedJsonString(raw)) {
    const inner = lastUnescaped?.raw === raw ? lastUnescaped.inner : (lastUnescaped = { raw, inner: unescapeOnce(raw) }).inner;
    return inner.at[Math.min(sourceOffset(inner.text, valueIndex), inner.text.length)];
  }
  const q = raw[0];
  if (q !== '"' && q !== "'" && q !== '|' && q !== '>' && isOneLine(raw)) return Math.max(0, Math.min(valueIndex, raw.length));
  const source = stringSource(raw);
  const k = Math.max(0, valueIndex);
  return k < source.value.length ? source.from[k] : source.end;
}

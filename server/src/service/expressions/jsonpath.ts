// Step Functions JSONPath: one parser (linear, no regex backtracking) whose tree carries source offsets, used to
// check a path (server) and to read a value with it (client). Lenient where Step Functions is: a false error costs
// users more than a missed one, so only what is certainly malformed is reported.
import { Code } from '../core/codes';
import { jsonataStep } from './jsonataNames';
import { JSONATA_FUNCTIONS } from './jsonata';
import { isExpressionError, type ExpressionError } from './types';

export type PathKind = 'path' | 'reference';

/** One step of a path; start/end are offsets into the string that was parsed. */
export type PathSegment =
  | { kind: 'name'; name: string; start: number; end: number } // .name (also `.length()`)
  | { kind: 'member'; name: string; start: number; end: number } // ['name'] or ["name"]
  | { kind: 'index'; index: number; start: number; end: number } // [0]
  | { kind: 'wildcard'; start: number; end: number } // .*
  | { kind: 'descendants'; start: number; end: number } // the `..` of a deep scan, before the segment it applies to
  | { kind: 'selector'; text: string; start: number; end: number }; // any other [...]: [*], slices, unions, filters, [-1]

/** A parsed path: `$` (the input), `$$` (the context object) or `$name` (a variable), then its segments. */
export interface PathNode {
  readonly kind: 'path';
  /** The path as written, without surrounding whitespace. */
  readonly text: string;
  readonly root: string;
  readonly segments: readonly PathSegment[];
  readonly start: number;
  readonly end: number;
}

const err = (start: number, end: number, message: string): ExpressionError => ({ start, end, message, code: Code.invalidPath });
/** The functions of Jayway JsonPath (the library Step Functions' paths follow) but length(), written as a path's last step. */
const JAYWAY_FUNCTION = /^(min|max|avg|stddev|sum|keys|first|last|concat|append|index)\(.*\)$/s;

/**
 * A variable's name after its `$`: a Unicode identifier (ASL, "State Machine Variables": the first character "MUST
 * be a Unicode ID_Start character", the others ID_Continue; `$café`, `$größe`). `$1abc` or `$_x` names no variable
 * any Assign can give, and is no path either.
 */
const VARIABLE_NAME = /(?:\p{ID_Start}\p{ID_Continue}*)?/uy;
const ID_CONTINUE = /\p{ID_Continue}/u;

/**
 * Scans a bracket segment starting at `open` (at `[`), up to `to`; returns the index after its `]`, or an error.
 * With a sink, the segment is classified and added to it.
 */
function bracket(s: string, open: number, to: number, kind: PathKind, sink?: PathSegment[]): number | ExpressionError {
  let i = open + 1;
  let depth = 0;
  let sawFilter = false;
  let sawWildcardOrSlice = false;
  for (; i < to; i++) {
    const c = s[i];
    if (c === "'" || c === '"') {
      const q = c;
      for (i++; i < to && s[i] !== q; i++) if (s[i] === '\\') i++;
      if (i >= to) return err(open, to, `Unterminated string in ${s.slice(open, Math.min(to, open + 20))}`);
    } else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '?' && depth === 0) sawFilter = true;
    else if ((c === '*' || c === ':' || c === ',') && depth === 0) sawWildcardOrSlice = true;
    else if (c === ']' && depth <= 0) break;
  }
  if (i >= to) return err(open, to, `Unterminated bracket: "${s.slice(open, to)}" needs a closing ]`);
  const end = i + 1;
  let a = open + 1;
  let b = i;
  while (a < b && isWhitespace(s[a])) a++;
  while (b > a && isWhitespace(s[b - 1])) b--;
  if (a === b) return err(open, end, 'Empty brackets []: write an index, a quoted name, * or a filter');
  if (kind === 'reference' && (sawFilter || sawWildcardOrSlice)) {
    return err(open, end, `A reference path cannot use filters, wildcards, slices or unions: ${s.slice(open, end)}`);
  }
  if (sink) sink.push(classify(s.slice(a, b), open, end));
  return end;
}

/** What a bracket holds: an index, one quoted name, or anything else (a selector). */
function classify(inner: string, start: number, end: number): PathSegment {
  if (/^\d+$/.test(inner)) return { kind: 'index', index: Number(inner), start, end };
  const q = inner[0];
  if ((q === "'" || q === '"') && inner.length >= 2 && inner.endsWith(q)) {
    // One quoted name (not a union 'a','b'): no unescaped quote of its kind inside.
    let name = '';
    for (let k = 1; k < inner.length - 1; k++) {
      if (inner[k] === '\\' && k + 1 < inner.length - 1) name += inner[++k];
      else if (inner[k] === q) return { kind: 'selector', text: inner, start, end };
      else name += inner[k];
    }
    return { kind: 'member', name, start, end };
  }
  return { kind: 'selector', text: inner, start, end };
}

const isWhitespace = (c: string) => c === ' ' || c === '\t' || c === '\n' || c === '\r' || /\s/.test(c);

/**
 * Parses a JSONPath: `$` (input), `$$` (context object) or `$name` (a variable), followed by `.name`, `..name`,
 * `.*`, `['name']`, `[0]`, `[*]`, slices, unions and filters. Reference paths (ResultPath) allow only names and
 * indexes. Surrounding whitespace is ignored, as Step Functions does (real definitions have "$$.Execution.Name ").
 */
export function parseJsonPath(value: string, kind: PathKind = 'path'): PathNode | ExpressionError {
  let from = 0;
  let to = value.length;
  while (from < to && isWhitespace(value[from])) from++;
  while (to > from && isWhitespace(value[to - 1])) to--;
  return parseRange(value, from, to, kind);
}

const quoted = (s: string, from: number, to: number) => JSON.stringify(s.slice(from, Math.min(to, from + 60)));

/**
 * A path that parsed. Its segments are built when first read: checking a path (the server, on every keystroke)
 * needs only to know that it parses, and a 200,000-segment path should not cost 200,000 objects for that.
 */
class ParsedPath implements PathNode {
  readonly kind = 'path';
  private built?: PathSegment[];
  constructor(
    private readonly source: string,
    readonly start: number,
    readonly end: number,
    readonly root: string,
    private readonly pathKind: PathKind,
  ) {}
  get text(): string {
    return this.source.slice(this.start, this.end);
  }
  get segments(): PathSegment[] {
    if (!this.built) {
      this.built = [];
      scan(this.source, this.start, this.end, this.pathKind, this.built);
    }
    return this.built;
  }
}

/** Parses s[from, to) as a path (an intrinsic's argument, or a whole value); offsets are into `s`. */
export function parseRange(s: string, from: number, to: number, kind: PathKind = 'path'): PathNode | ExpressionError {
  if (s[from] !== '$' || from >= to) return err(from, to, `${JSON.stringify(s.slice(from, Math.min(to, from + 40)))} is not a path: a path starts with $ (the input), $$ (the context object) or $name (a variable)`);
  const e = scan(s, from, to, kind);
  return e ?? new ParsedPath(s, from, to, s.slice(from, rootEnd(s, from, to)), kind);
}

/** The end of the root at `from`: `$`, `$$` or `$name` (a variable). */
function rootEnd(s: string, from: number, to: number): number {
  const i = from + 1;
  if (i < to && s[i] === '$') return i + 1;
  VARIABLE_NAME.lastIndex = i;
  VARIABLE_NAME.test(s);
  return Math.min(VARIABLE_NAME.lastIndex, to);
}

/** Scans the path s[from, to) after its root; with a sink, its segments are added to it. */
function scan(s: string, from: number, to: number, kind: PathKind, sink?: PathSegment[]): ExpressionError | undefined {
  let i = rootEnd(s, from, to);
  while (i < to) {
    const c = s[i];
    if (c === '.') {
      // A segment's offsets include its `.`, except after `..`, which is a segment of its own.
      let segmentStart = i;
      if (s[i + 1] === '.' && i + 1 < to) {
        if (kind === 'reference') return err(i, i + 2, 'A reference path cannot use the deep scan ..');
        sink?.push({ kind: 'descendants', start: i, end: i + 2 });
        i += 2;
        segmentStart = i;
      } else i++;
      if (i < to && s[i] === '*') {
        if (kind === 'reference') return err(i, i + 1, 'A reference path cannot use the wildcard *');
        sink?.push({ kind: 'wildcard', start: segmentStart, end: i + 1 });
        i++;
        continue;
      }
      if (i < to && s[i] === '[') continue; // `..[0]`
      const end = dottedName(s, i, segmentStart, from, to, kind, sink);
      if (typeof end !== 'number') return end;
      i = end;
    } else if (c === '[') {
      const end = bracket(s, i, to, kind, sink);
      if (typeof end !== 'number') return end;
      i = end;
    } else if (i === from + 1 && ID_CONTINUE.test(c)) {
      return err(i, i + 1, `Unexpected ${JSON.stringify(c)} in path ${quoted(s, from, to)}: a variable's name starts with a letter (Unicode ID_Start), and a path's segments are .name or [...]`);
    } else if (s[i - 1] === ']' && c !== ']' && c !== ' ') {
      // A name right after a bracket (`$.Reservations[0]InstanceId`): Jayway JsonPath reads it as `.InstanceId`
      // (PathCompiler's readNextToken), and Step Functions runs it so (clean38: a released Terraform module).
      const end = dottedName(s, i, i, from, to, kind, sink);
      if (typeof end !== 'number') return end;
      i = end;
    } else {
      return err(i, i + 1, `Unexpected ${JSON.stringify(c)} in path ${quoted(s, from, to)}: segments are .name or [...]`);
    }
  }
  return undefined;
}

/**
 * The name of a segment from s[i] (after its `.`, which starts at `segmentStart`) to the next `.` or `[` outside
 * parentheses; where it ends, or what is wrong with it.
 */
function dottedName(s: string, i: number, segmentStart: number, from: number, to: number, kind: PathKind, sink?: PathSegment[]): number | ExpressionError {
  const start = i;
  let parens = false;
  let escapes = false;
  // A backslash escapes the next character (the specification's "$.foo\@bar.baz\[\[.\?pretty" names foo@bar, baz[[, ?pretty).
  // Inside parentheses (a function's arguments: `.concat($.b)`) a `.` or `[` does not end the name.
  for (let depth = 0; i < to && (depth > 0 || (s[i] !== '.' && s[i] !== '[')); i++) {
    if (s[i] === '\\' && i + 1 < to) {
      escapes = true;
      i++;
    } else if (s[i] === '(') {
      parens = true;
      depth++;
    } else if (s[i] === ')') {
      parens = true;
      depth = Math.max(0, depth - 1);
    }
  }
  if (i === start) return err(start - 1, Math.min(to, start + 1), `A name is missing after "." in ${quoted(s, from, to)}`);
  // Parentheses in a dotted name mean a call written where a name belongs (but `.length()` is JSONPath's own).
  if (parens && !(i - start === 8 && s.startsWith('length()', start))) {
    const name = s.slice(start, i);
    // Jayway JsonPath's own functions parse, and Step Functions accepts them at deploy but does not run them
    // (re:Post: "$.Jobs.sum()" deploys, then every execution fails, the path "could not be found"): a warning in
    // a Path; a reference path allows none ("Functions such as length() aren't supported").
    const jayway = JAYWAY_FUNCTION.exec(name)?.[1];
    if (jayway && kind !== 'reference')
      return { ...err(start, i, `.${jayway}() is a JsonPath function Step Functions does not run (only .length() is): the path reads nothing and the state fails when it runs`), severity: 'warning' };
    if (jayway) return err(start, i, `A reference path cannot call functions such as .${jayway}(): it names one node, with .name and [index] steps only`);
    return err(start, i, `${JSON.stringify(name)} cannot be written after "."; intrinsic functions are not path segments (use ['${name}'] for a name with parentheses)`);
  }
  const written = s.slice(start, i);
  sink?.push({ kind: 'name', name: escapes ? written.replace(/\\(.)/gs, '$1') : written, start: segmentStart, end: i });
  return i;
}

/**
 * What a JSONata state writes for a JSONPath `X.$` key and its value (there no key is evaluated): the member `name`,
 * the path's JSONata where it has one (`jsonata`, what a fix writes), and `instead`, the member as the message advises it.
 */
export function jsonataForPathKey(key: string, value: unknown, reads = '$states.input'): { name: string; jsonata?: string; instead: string } {
  const name = key.slice(0, -2);
  const jsonata = typeof value === 'string' ? jsonPathAsJsonata(value, reads) : undefined;
  const what = reads === '$states.input' ? 'the state input' : reads === '$states.result' ? 'the result' : 'the error output';
  return { name, ...(jsonata ? { jsonata } : {}), instead: jsonata ? `"${name}": "${jsonata}"` : `"${name}": "{% … %}" (${what} is ${reads})` };
}

/**
 * The JSONata expression that reads what a JSONPath of names and indexes reads, as a JSONata state writes it: `$` is
 * `reads` (`$states.input`; in an Output, what it was meant to read: `$states.result`), `$$` `$states.context`, `$name` the variable; `.name`, `['name']` (backquoted where JSONata needs
 * it) and `[0]` steps. Undefined for any other path (wildcards, filters, slices, deep scans, functions), whose
 * JSONata is no one rewriting.
 */
export function jsonPathAsJsonata(text: string, reads = '$states.input'): string | undefined {
  const path = parseJsonPath(text.trim());
  if (isExpressionError(path)) return undefined;
  let out = path.root === '$' ? reads : path.root === '$$' ? '$states.context' : path.root;
  for (const s of path.segments) {
    if (s.kind === 'index') out += `[${s.index}]`;
    else if ((s.kind === 'name' && !s.name.endsWith(')')) || s.kind === 'member') {
      // A backquote cannot be written inside backquotes.
      if (s.name.includes('`')) return undefined;
      out += jsonataStep(s.name);
    } else return undefined;
  }
  return `{% ${out} %}`;
}

/**
 * The JSONPath that reads what a JSONata expression of `$states.context`'s names and indexes, or of what `$` reads
 * there (`reads`: `$states.input`; in a ResultSelector `$states.result`), reads, as a JSONPath state writes it
 * (jsonPathAsJsonata the other way): `{% $states.input.a[0] %}` → `$.a[0]`. Undefined for any other expression.
 */
export function jsonataAsJsonPath(text: string, reads = '$states.input'): string | undefined {
  const m = /^\{%\s*\$states\.(input|context|result)((?:\.[A-Za-z_][A-Za-z0-9_]*|\[\d+\])*)\s*%\}$/.exec(text.trim());
  if (m) return m[1] === 'context' ? `$$${m[2]}` : `$states.${m[1]}` === reads ? `$${m[2]}` : undefined;
  // A variable (`{% $depth %}`, ux41), read the same in both languages: `$depth`. A variable's name is an identifier
  // (asl/variables.ts); `$states` is none, and a name JSONata knows (`$now`) is its function, no path.
  const v = /^\{%\s*\$(\p{ID_Start}\p{ID_Continue}*)((?:\.[A-Za-z_][A-Za-z0-9_]*|\[\d+\])*)\s*%\}$/u.exec(text.trim());
  return v && v[1] !== 'states' && !JSONATA_FUNCTIONS.has(v[1]) ? `$${v[1]}${v[2]}` : undefined;
}

/** Checks a path; the error says where and why it is malformed. */
export function checkJsonPath(value: string, kind: PathKind = 'path'): ExpressionError | undefined {
  const r = parseJsonPath(value, kind);
  return isExpressionError(r) ? r : undefined;
}

/** The values a path reads: `$` the execution input, `$$` the context object, `$name` the variables. */
export interface PathRoots {
  input: unknown;
  context: unknown;
  variables?: Record<string, unknown>;
  /** What `$` is, in messages: "the execution input" unless said (a Map's item). */
  inputName?: string;
}

/** The value at a parsed path; throws naming the missing part (`$.a.b is not in the execution input (…)`). */
export function readPath(path: PathNode, roots: PathRoots): unknown {
  const where = path.root === '$' ? (roots.inputName ?? 'the execution input') : path.root === '$$' ? 'the context object' : `the variable ${path.root}`;
  let value: unknown;
  if (path.root === '$') value = roots.input;
  else if (path.root === '$$') value = roots.context;
  else {
    const name = path.root.slice(1);
    if (!roots.variables || !Object.prototype.hasOwnProperty.call(roots.variables, name)) throw new Error(`${path.root} is a variable (set by Assign in an earlier state), and no value is known for it here`);
    value = roots.variables[name];
  }
  // Offsets of the text written so far, for messages that quote the path as the user wrote it.
  const written = (end: number) => path.text.slice(0, end - path.start);
  let at = path.root;
  for (const segment of path.segments) {
    if (segment.kind === 'wildcard') throw new Error(`"${path.text}": wildcards are not supported when launching from the editor`);
    if (segment.kind === 'descendants') throw new Error(`"${path.text}": the deep scan .. is not supported when launching from the editor`);
    if (segment.kind === 'selector') throw new Error(`"${path.text}": only ['name'] and [index] are supported inside brackets (${written(segment.end).slice(at.length)})`);
    const next = written(segment.end);
    if (segment.kind === 'name' && segment.name === 'length()' && (Array.isArray(value) || typeof value === 'string')) {
      value = value.length;
    } else {
      const key = segment.kind === 'index' ? segment.index : segment.name;
      const found =
        typeof key === 'number'
          ? Array.isArray(value) && key < value.length
          : value !== null && typeof value === 'object' && !Array.isArray(value) && Object.prototype.hasOwnProperty.call(value, key);
      if (!found) throw new Error(`${next} is not in ${where} (${at} is ${describe(value)})`);
      value = (value as Record<string | number, unknown>)[key];
    }
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

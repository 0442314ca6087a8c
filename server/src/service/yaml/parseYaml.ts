// YAML text → the same tree of jsonc-parser nodes the JSON side builds, so every feature reads YAML unchanged.
// YAML 1.2 core schema: `Yes`, `No`, `on`, `off` are strings; `true`/`false` booleans; numbers numbers.
import type * as Yaml from 'yaml';
import type { CST, Document, Node as YamlNode } from 'yaml';
import { Code } from '../core/codes';
import type { AstNode, ParsedDocument, Problem } from '../core/types';
import { append } from '../core/append';

/**
 * Deeper than this, the document is not read. Lower than JSON's MAX_DEPTH: the yaml package composes
 * recursively and overflows the default stack near 1,000 levels; no real state machine comes close to 500.
 */
const MAX_YAML_DEPTH = 500;

/** The yaml package, loaded with the first YAML document rather than at server start (scripts/build.mjs). */
let yamlPackage: typeof Yaml | undefined;
const yaml = (): typeof Yaml => (yamlPackage ??= require('yaml'));

/**
 * Items of flow collections (`[a, b, …]`, `{a: 1, …}`) over the whole document, counted by their commas before
 * the parse: the yaml package holds a node and a token for each (1 MB of `[,,,…]` took 8 s and 1 GB); a real state
 * machine has a few hundred.
 */
const MAX_FLOW_ITEMS = 100_000;

/** Nodes an alias may expand to, over the whole document (a "billion laughs" document stops here). */
const MAX_ALIAS_NODES = 100_000;

export interface YamlParseResult {
  root: AstNode | undefined;
  /** At most one: the first syntax error, or a `too-large` warning. */
  syntaxErrors: Problem[];
  /** Warnings about how the document reads that leave its tree whole: a key given twice in a mapping. */
  readWarnings?: Problem[];
  /** An error on each document of the stream besides the one read (parseYaml's `otherDocuments`). */
  otherDocuments?: Problem[];
  /** Aliases past the expansion budget, read as null (ParsedDocument's `unread`). */
  unread?: { offset: number; length: number }[];
}

/**
 * Parses a YAML text into jsonc-parser-shaped nodes: its first document, or the first that holds anything when the
 * first is empty (`---` twice before the machine), so a machine written after an empty one is still read. Never throws.
 */
export function parseYamlDocument(text: string): YamlParseResult {
  // YAML 1.2 takes a lone carriage return for a line break (as editors do), the yaml package only LF and CR LF:
  // the same text with LF there, of the same length, so every offset holds.
  const lf = text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
  try {
    const { root, syntaxErrors, readWarnings, otherDocuments, unread } = parse(lf);
    return { root, syntaxErrors, ...(readWarnings?.length ? { readWarnings } : {}), ...(otherDocuments?.length ? { otherDocuments } : {}), ...(unread?.length ? { unread } : {}) };
  } catch (e) {
    // The yaml package should not throw on any input; if it does, the document is still answered. Out of stack (its
    // composer recurses: 50,000 lines of alternating indentation), it is not read in full, as a too deep one.
    if (e instanceof RangeError) return misreadSafely(lf) ?? tooLarge(text, 'This YAML document is too complex to be read in full (the YAML parser ran out of stack); it is not validated');
    return { root: undefined, syntaxErrors: [problem(text, 0, 1, `YAML could not be read: ${(e as Error).message}`)] };
  }
}

/** The ParsedDocument for the language service (the document store's parse). */
export function parseYaml(text: string): ParsedDocument {
  const { root, syntaxErrors, readWarnings, otherDocuments, unread } = parseYamlDocument(text);
  return { text, language: 'yaml', root, syntaxErrors, ...(readWarnings ? { readWarnings } : {}), ...(otherDocuments ? { otherDocuments } : {}), ...(unread ? { unread } : {}) };
}

/** A parse, and where the parser put its first error (before it is placed for the user), if any. */
type Parsed = YamlParseResult & { firstErrorAt?: number };

function parse(text: string, mends = 0): Parsed {
  let tokens: CST.Token[];
  // The yaml package composes recursively (and builds regexes per indentation level): measure first.
  const shape = estimateShape(text);
  if (shape.depth > MAX_YAML_DEPTH) return tooDeep(text);
  if (shape.flowItems > MAX_FLOW_ITEMS) return tooLarge(text, `This YAML document has more than ${MAX_FLOW_ITEMS.toLocaleString('en-US')} items in flow collections ([…] or {…}); it is not validated`);
  if (cstDepth((tokens = [...new (yaml().Parser)().parse(text)])) > MAX_YAML_DEPTH) return misread(text) ?? tooDeep(text);

  const docs: Document.Parsed[] = [];
  // Duplicate keys are found by the converter (one set per mapping): the yaml package's own check compares every
  // key with every earlier one, quadratic in a mapping of many keys (50 s for 80,000).
  const composer = new (yaml().Composer)({ version: '1.2', schema: 'core', prettyErrors: false, uniqueKeys: false });
  for (const doc of composer.compose(tokens, true, text.length)) docs.push(doc);
  // The document read: the first, or the first that holds anything after empty ones.
  const first = docs.find((d) => !isEmptyDocument(d)) ?? docs[0];
  if (!first) return { root: undefined, syntaxErrors: [] };
  const otherDocuments = docs.filter((d) => d !== first).map((d) => otherDocument(text, d));
  const mended = mends < MAX_MENDS ? mendFlowEnds(text, first.errors) : undefined;
  if (mended !== undefined) return parse(mended, mends + 1);
  const indented = mends < MAX_MENDS ? indentQuotedContinuations(text, first.errors) : undefined;
  if (indented) return shifted(parse(indented.text, mends + 1), indented.inserted);

  const converter = new Converter(text, first);
  const root = first.contents ? converter.convert(first.contents as YamlNode) : undefined;
  const errors: { pos: [number, number]; message: string }[] = [...first.errors, ...converter.unknownAliases].sort((a, b) => a.pos[0] - b.pos[0]);
  const syntaxErrors: Problem[] = [];
  if (errors.length) {
    const e = errors[0];
    // A flow collection never closed is reported where the parser gave up (the next key): underline its opening
    // bracket's line too, where the } or ] is missing.
    const open = /end with a [}\]]/.test(e.message) ? unclosedFlowBefore(tokens!, e.pos[0]) : undefined;
    if (open !== undefined) {
      const eol = text.indexOf('\n', open);
      const end = eol < 0 || eol > e.pos[0] ? e.pos[1] : eol;
      syntaxErrors.push(problem(text, open, end - open, `YAML syntax error: ${firstLine(e.message)}: the ${text[open]} here is not closed`));
    } else {
      // `{S3OutputPath: ${Out}}`: a template placeholder unquoted in a flow collection reads as `$` then a mapping
      // (tpl34: an easy slip, and the parser's words do not say it).
      const placeholder = text[e.pos[0]] === '{' && text[e.pos[0] - 1] === '$' ? /^\$\{[^{}\s]*\}/.exec(text.slice(e.pos[0] - 1)) : null;
      const hint = placeholder ? `: quote the placeholder, '${placeholder[0]}' (in { } or [ ] a bare \${ starts a mapping)` : '';
      syntaxErrors.push(problem(text, e.pos[0], e.pos[1] - e.pos[0], `YAML syntax error: ${firstLine(e.message)}${hint}`));
    }
  } else if (converter.aliasBudgetExceeded) {
    syntaxErrors.push({
      ...problem(text, 0, 1, `Aliases in this document expand to more than ${MAX_ALIAS_NODES} nodes; the rest are not read, nor checked`),
      severity: 'warning',
      code: Code.tooLarge,
    });
  }
  // A key given twice: YAML asks for each key once, yet CloudFormation and the SAM CLI (PyYAML) read the document,
  // the last value winning, and AWS's own templates ship such keys (a resource written out twice). The tree keeps
  // the last; a warning on the later key says so.
  const readWarnings = converter.repeatedKeys.map(({ pos, key }) => ({
    ...problem(text, pos[0], pos[1] - pos[0], key === '<<'
      ? 'A second merge key (<<) in this mapping: YAML wants each key once, and readers disagree on what it merges (here the first one\'s values win); merge a list instead: <<: [*a, *b]'
      : `${JSON.stringify(key)} appears twice in this mapping: YAML wants each key once. CloudFormation and the SAM CLI keep the last one, which is what is checked here; other YAML readers refuse the document`),
    severity: 'warning' as const,
    code: Code.duplicateKey,
  }));
  const unread = converter.unreadAliases.map(([start, end]) => ({ offset: start, length: end - start }));
  return { root, syntaxErrors, ...(readWarnings.length ? { readWarnings } : {}), ...(otherDocuments.length ? { otherDocuments } : {}), ...(unread.length ? { unread } : {}), firstErrorAt: errors[0]?.pos[0] };
}

/** A document with nothing in it (a `---` followed by nothing, or by comments only): its contents an empty null. */
function isEmptyDocument(doc: Document.Parsed): boolean {
  const c = doc.contents as YamlNode | null;
  if (!c) return true;
  return yaml().isScalar(c) && c.value === null && !c.tag && !c.anchor && (!c.range || c.range[0] === c.range[1]);
}

/**
 * A document of the stream besides the one read, as an error on its `---` (or, after a `...`, its first line): a
 * state machine file is one document, and the YAML readers that turn it into the JSON AWS is sent (js-yaml's load,
 * PyYAML's safe_load) refuse a stream of more, an empty one included.
 */
function otherDocument(text: string, doc: Document.Parsed): Problem {
  const start = doc.range[0];
  const marker = text.startsWith('---', start);
  const at = marker ? start : (doc.contents?.range?.[0] ?? start);
  const length = marker ? 3 : Math.max(1, text.indexOf('\n', at) < 0 ? text.length - at : text.indexOf('\n', at) - at);
  return {
    ...problem(text, at, length, `A state machine file holds one YAML document; this ${marker ? '---' : 'text'} starts another${isEmptyDocument(doc) ? ' (an empty one)' : ''}, which the YAML readers that turn the file into JSON for AWS refuse`),
    code: Code.multipleDocuments,
  };
}

/** The offset of the last flow collection's opening bracket before `at` that has no closing one (CST tokens, walked without recursion). */
function unclosedFlowBefore(tokens: readonly CST.Token[], at: number): number | undefined {
  let found: number | undefined;
  const stack: unknown[] = [...tokens];
  while (stack.length) {
    const t = stack.pop();
    if (!t || typeof t !== 'object') continue;
    const f = t as Partial<CST.FlowCollection>;
    if (f.type === 'flow-collection' && f.start && f.start.offset < at && !f.end?.some((x) => x.type === 'flow-map-end' || x.type === 'flow-seq-end') && (found === undefined || f.start.offset > found)) found = f.start.offset;
    for (const v of Object.values(t)) if (v && typeof v === 'object') stack.push(v);
  }
  return found;
}

/** How many times a document is read again with its flow collections' closing lines joined (mendFlowEnds). */
const MAX_MENDS = 16;

/**
 * A flow collection closed on a line left of where its content may start (`KeyPolicy: {` … with the `}` under the
 * key's parent; `VpcConfig: !If [UseVpc, {` … `}, !Ref AWS::NoValue]`, the rest of the collection after it) breaks
 * YAML 1.2's indentation rule; but CloudFormation and the SAM CLI (PyYAML) read it, and AWS's own templates ship
 * it. Inside a flow collection a line break is only a space: each such line is joined to the text before it (the
 * break and indentation between them made spaces, the text keeping its length), so every offset stays and the
 * document reads as they read it. Undefined where there is none to join (a comment at the end of the line before
 * would swallow the rest: left as it is).
 */
function mendFlowEnds(text: string, errors: readonly Yaml.YAMLError[]): string | undefined {
  let out = text;
  for (const e of errors) {
    const at = e.pos[0];
    // Only a line that starts by closing a collection: a key there (an unclosed `[` before it) is a real mistake.
    if (e.code !== 'BAD_INDENT' || !/^Flow (map|sequence) in block collection/.test(e.message) || (out[at] !== '}' && out[at] !== ']')) continue;
    const lineStart = out.lastIndexOf('\n', at - 1) + 1;
    if (lineStart === 0 || out.slice(lineStart, at).trim()) continue;
    let before = lineStart - 1;
    while (before >= 0 && /\s/.test(out[before])) before--;
    if (before < 0 || out.slice(out.lastIndexOf('\n', before) + 1, before + 1).includes('#')) continue;
    out = out.slice(0, before + 1) + ' '.repeat(at - before - 1) + out.slice(at);
  }
  return out === text ? undefined : out;
}

/**
 * A quoted string that goes on over lines indented no deeper than its key (`prompt: 'Given the transcript,` then
 * `Keep the language.'` under `prompt`) breaks YAML 1.2's indentation rule; but CloudFormation (SnakeYAML), the SAM
 * CLI (PyYAML) and js-yaml read it, folding the line break into a space (clean38: a deployed SAM machine). Each such
 * line is indented one space more, where the string closes at the end of a line before any line indented less (else
 * it is a quote not closed, left as it is). `inserted`: the offsets of the text before which a space went in.
 */
function indentQuotedContinuations(text: string, errors: readonly Yaml.YAMLError[]): { text: string; inserted: number[] } | undefined {
  const inserted: number[] = [];
  for (const e of errors) {
    const q = /^Missing closing (['"])quote/.exec(e.message)?.[1];
    if (!q) continue;
    const lineStart = text.lastIndexOf('\n', Math.max(0, e.pos[0] - 1)) + 1;
    const lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) continue;
    const line = text.slice(lineStart, lineEnd);
    const indent = /^ */.exec(line)![0].length;
    // The opening quote after a key, a dash, a comma or a bracket, tags and anchors between read as spaces (`!Sub "…`).
    // Only a token that starts with ! or &: a key with one inside (`Q&A:`) keeps its colon (the review of the day).
    const bare = line.replace(/(^|[\s:,[{-])([!&]\S*)/g, (_, before: string, t: string) => before + ' '.repeat(t.length));
    const open = bare.search(q === "'" ? /(?:^|[:\-,[{]\s+|^\s*)'/ : /(?:^|[:\-,[{]\s+|^\s*)"/);
    if (open < 0 || closingQuote(line, line.indexOf(q, open) + 1, q) >= 0) continue;
    const at: number[] = [];
    let start = lineEnd + 1, closed = false;
    for (let n = 0; n < 200 && start < text.length && !closed; n++) {
      const end = text.indexOf('\n', start) < 0 ? text.length : text.indexOf('\n', start);
      const next = text.slice(start, end);
      const k = /^ */.exec(next)![0].length;
      if (next.trim()) {
        if (k < indent || next[k] === '\t') break;
        if (k === indent) at.push(start);
        const c = closingQuote(next, k, q);
        if (c >= 0) {
          // Only a string that ends its line (a comment may follow): a quote further on is another string's.
          if (!/^\s*(?:#.*)?$/.test(next.slice(c + 1))) break;
          closed = true;
        }
      }
      start = end + 1;
    }
    if (closed) append(inserted, at);
  }
  if (!inserted.length) return undefined;
  inserted.sort((a, b) => a - b);
  let out = '', from = 0;
  for (const o of inserted) {
    out += `${text.slice(from, o)} `;
    from = o;
  }
  return { text: out + text.slice(from), inserted };
}

/** Where a quoted string that is open at `from` closes in `line` (`''` and `\"` do not close it), else -1. */
function closingQuote(line: string, from: number, q: string): number {
  for (let i = from; i < line.length; i++) {
    if (q === '"' && line[i] === '\\') i++;
    else if (line[i] === q) {
      if (q === "'" && line[i + 1] === "'") i++;
      else return i;
    }
  }
  return -1;
}

/** A parse of a text with a space put in before each of `inserted` (original offsets), in the original's offsets. */
function shifted(read: Parsed, inserted: readonly number[]): Parsed {
  // The text's offset of a mended one: less the spaces put in before it (a space put in is where it went in).
  const mended = inserted.map((o, i) => o + i);
  const back = (m: number) => {
    // k: how many spaces went in before m (binary search: the first mended offset not below m).
    let lo = 0, hi = mended.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (mended[mid] < m) lo = mid + 1;
      else hi = mid;
    }
    return lo < mended.length && mended[lo] === m ? inserted[lo] : m - lo;
  };
  const span = <T extends { offset: number; length: number }>(x: T) => {
    const end = back(x.offset + x.length);
    x.offset = back(x.offset);
    x.length = end - x.offset;
    return x;
  };
  const stack: AstNode[] = read.root ? [read.root] : [];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.colonOffset !== undefined) n.colonOffset = back(n.colonOffset);
    span(n);
    if (n.children) append(stack, n.children);
  }
  for (const p of [...read.syntaxErrors, ...(read.readWarnings ?? []), ...(read.otherDocuments ?? []), ...(read.unread ?? [])]) span(p);
  return { ...read, ...(read.firstErrorAt !== undefined ? { firstErrorAt: back(read.firstErrorAt) } : {}) };
}

function firstLine(message: string): string {
  // With prettyErrors off the message is one sentence; strip the package's own "at line" suffix if any.
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

function problem(text: string, offset: number, length: number, message: string): Problem {
  const at = Math.max(0, Math.min(offset, text.length));
  // At least one character to underline, but never past the end of the text.
  return { offset: at, length: Math.max(0, Math.min(Math.max(length, 1), text.length - at)), message, severity: 'error', source: 'yaml', code: Code.syntax };
}

/**
 * A text whose indentation nests less than MAX_YAML_DEPTH that the parser still reads deeper: lines misindented
 * (5 and 7 spaces in turn), each taken into the one before. Its first syntax error, found in the first lines (a
 * prefix the parser reads within the bound), is the finding; undefined when they hold none. An error where the
 * prefix ends is the cut's (a flow collection or a quoted string the next lines close), not the document's: the
 * document is then only too deep (review25). The prefix is read as the whole would be, its flow ends mended.
 */
function misread(text: string): YamlParseResult | undefined {
  for (const lines of [400, 100]) {
    let end = -1;
    for (let k = 0; k < lines && end < text.length; k++) {
      end = text.indexOf('\n', end + 1);
      if (end < 0) end = text.length;
    }
    if (end >= text.length) continue;
    const prefix = text.slice(0, end + 1);
    if (cstDepth([...new (yaml().Parser)().parse(prefix)]) > MAX_YAML_DEPTH) continue;
    const read = parse(prefix);
    const first = read.syntaxErrors.find((p) => p.severity === 'error');
    return first && read.firstErrorAt! < prefix.length ? { root: undefined, syntaxErrors: [first] } : undefined;
  }
  return undefined;
}

/** misread, for a text the parser ran out of stack on: its first lines may still show the mistake. */
function misreadSafely(text: string): YamlParseResult | undefined {
  try {
    return misread(text);
  } catch {
    return undefined;
  }
}

/** The one finding of a document not read: a too-large warning on its first character. */
function tooLarge(text: string, message: string): YamlParseResult {
  return { root: undefined, syntaxErrors: [{ offset: 0, length: Math.min(text.length, 1), message, severity: 'warning', source: 'yaml', code: Code.tooLarge }] };
}

function tooDeep(text: string): YamlParseResult {
  return tooLarge(text, `This document nests more than ${MAX_YAML_DEPTH} levels deep; deeper YAML documents are not validated`);
}

/**
 * An upper estimate of the nesting depth, from the text alone, in one pass: the indentation levels open at a
 * line, its `- `/`? `/`: ` indicators, and the flow brackets open. Stops once past MAX_YAML_DEPTH, so a
 * 100,000-deep document costs little; below it, cstDepth measures exactly. Also the commas inside flow brackets
 * (`flowItems`, up to where it stopped).
 *
 * What cannot nest is not counted, so a wide document is not taken for a deep one: in block context `- ` and
 * `? ` open a node only before any other text of their line (`Comment: 1 - 2 - 3` is one plain scalar), and a line
 * holds one implicit key at most; inside brackets a `: ` adds a level only once for a `[` (its single-pair
 * mappings, `[a: 1, b: 2]`), never for a `{` (`{A: 1, B: 2, …}` is one mapping).
 */
function estimateShape(text: string): { depth: number; flowItems: number } {
  const depth = (d: number) => ({ depth: d, flowItems });
  let flowItems = 0;
  const indents: number[] = [];
  // The open brackets, and for each `[` whether a `: ` inside it already counted its single-pair mappings' level.
  const brackets: { square: boolean; pairs: boolean }[] = [];
  let flow = 0, max = 0;
  let blockScalarIndent = -1;
  let i = 0;
  const n = text.length;
  while (i < n) {
    // One line.
    let indent = 0;
    while (i < n && text.charCodeAt(i) === 32) {
      indent++;
      i++;
    }
    const lineStart = i;
    let eol = text.indexOf('\n', i);
    if (eol < 0) eol = n;
    const blank = lineStart === eol || text.charCodeAt(lineStart) === 35 /* # */ || /^\s*$/.test(text.slice(lineStart, Math.min(eol, lineStart + 8)));
    if (blockScalarIndent >= 0) {
      if (blank || indent > blockScalarIndent) {
        i = eol + 1;
        continue;
      }
      blockScalarIndent = -1;
    }
    if (blank) {
      i = eol + 1;
      continue;
    }
    if (brackets.length === 0) {
      while (indents.length && indents[indents.length - 1] > indent) indents.pop();
      if (!indents.length || indents[indents.length - 1] < indent) indents.push(indent);
    }
    let compact = 0;
    let prev = 32;
    // Only indicators and spaces so far on this line (block context), and whether its implicit key was counted.
    let indicatorsOnly = true, keyed = false;
    // Block context: whether a node may start here (after `- `, `? `, `: `, a tag or an anchor). Elsewhere a bracket
    // is a character of a plain scalar (`Comment: see range [0, 1)`), which opens nothing.
    let nodeStart = true, property = false;
    for (let j = lineStart; j < eol; j++) {
      const c = text.charCodeAt(j);
      const tokenStart = prev === 32 || prev === 9 || prev === 91 || prev === 123 || prev === 44 || prev === 58;
      const spaceAfter = j + 1 === eol || text.charCodeAt(j + 1) === 32;
      const startsNode = nodeStart;
      if (c === 32 || c === 9) property = false;
      else if ((c === 33 || c === 38) /* ! & */ && tokenStart && nodeStart) property = true;
      else if (!property) nodeStart = false;
      if ((c === 45 || c === 63) /* - ? */ && tokenStart && spaceAfter && (brackets.length > 0 || indicatorsOnly)) {
        if (brackets.length === 0) compact++;
        nodeStart = true;
      } else if (c === 58 /* : */ && spaceAfter) {
        nodeStart = true;
        const open = brackets[brackets.length - 1];
        if (open ? open.square && !open.pairs : !keyed) {
          if (open) {
            open.pairs = true;
            flow++;
          } else {
            keyed = true;
            compact++;
          }
        }
        indicatorsOnly = false;
      } else if ((c === 91 || c === 123) && (brackets.length > 0 || startsNode)) {
        brackets.push({ square: c === 91, pairs: false });
        if (indents.length + compact + ++flow > MAX_YAML_DEPTH) return depth(indents.length + compact + flow);
        indicatorsOnly = false;
      } else if (c === 44 /* , */ && brackets.length > 0) {
        flowItems++;
      } else if ((c === 93 || c === 125) && brackets.length > 0) {
        flow -= brackets.pop()!.pairs ? 2 : 1;
      } else if (c === 35 && (prev === 32 || prev === 9)) break;
      else if ((c === 34 || c === 39) && tokenStart) {
        indicatorsOnly = false;
        // A quoted scalar (may span lines): skip to its closing quote.
        let k = j + 1;
        for (; k < n; k++) {
          const d = text.charCodeAt(k);
          if (c === 34 && d === 92) k++;
          else if (d === c) {
            if (c === 39 && text.charCodeAt(k + 1) === 39) k++;
            else break;
          }
        }
        if (k >= eol) {
          // The rest of the quoted scalar is on later lines: continue after it.
          const next = text.indexOf('\n', k);
          const d = indents.length + compact + flow;
          if (d > max) max = d;
          eol = next < 0 ? n : next;
          j = Math.min(k, n);
          prev = c;
          continue;
        }
        j = k;
      } else if ((c === 124 || c === 62) /* | > */ && tokenStart && /^[|>][0-9+-]*\s*(#.*)?$/.test(text.slice(j, eol))) {
        blockScalarIndent = indent;
        break;
      } else if (c !== 32 && c !== 9) indicatorsOnly = false;
      prev = c;
    }
    const d = indents.length + compact + flow;
    if (d > max) max = d;
    if (max > MAX_YAML_DEPTH) return depth(max);
    i = eol + 1;
  }
  return depth(max);
}

/** The nesting depth of the lexed document, without recursion. */
function cstDepth(tokens: CST.Token[]): number {
  let max = 0;
  const stack: [CST.Token, number][] = tokens.map((t) => [t, 0]);
  while (stack.length) {
    const [t, d] = stack.pop()!;
    if (d > max) max = d;
    if (d > MAX_YAML_DEPTH) return d;
    switch (t.type) {
      case 'document':
        if (t.value) stack.push([t.value, d]);
        break;
      case 'block-map':
      case 'block-seq':
      case 'flow-collection':
        for (const item of t.items as CST.CollectionItem[]) {
          if (item.key) stack.push([item.key, d + 1]);
          if (item.value) stack.push([item.value, d + 1]);
        }
        break;
    }
  }
  return max;
}

/** yaml's nodes → AstNodes. Recursion is bounded by MAX_YAML_DEPTH (checked before). */
class Converter {
  aliasBudgetExceeded = false;
  /** Where an alias past the budget stands (read as null): what it stands for was not read. */
  readonly unreadAliases: [number, number][] = [];
  /**
   * A key a mapping already has, at the second one (as the yaml package words it), and an alias with no anchor
   * before it; once per place, however often an alias expands it.
   */
  /** Aliases whose anchor is nowhere before them: the document does not load. */
  readonly unknownAliases: { pos: [number, number]; message: string }[] = [];
  /** Keys given a second time in their mapping (where, and the key as text): the tree keeps the last. */
  readonly repeatedKeys: { pos: [number, number]; key: string }[] = [];
  private readonly duplicateAt = new Set<number>();
  private aliasNodes = 0;
  private expanding = new Set<YamlNode>();
  /** What each alias names: the last node anchored so before it (built in one pass; the yaml package's
   * Alias.resolve walks the whole document per alias, quadratic in a file of many aliases). */
  private targets: Map<YamlNode, YamlNode> | undefined;

  constructor(private readonly text: string, private readonly doc: Document.Parsed) {}

  private targetOf(alias: YamlNode): YamlNode | undefined {
    if (!this.targets) {
      const targets = new Map<YamlNode, YamlNode>();
      const anchored = new Map<string, YamlNode>();
      yaml().visit(this.doc, {
        Node: (_key, node) => {
          if (yaml().isAlias(node)) {
            const target = anchored.get(node.source);
            if (target) targets.set(node as YamlNode, target);
          } else if (node.anchor) anchored.set(node.anchor, node as YamlNode);
        },
      });
      this.targets = targets;
    }
    return this.targets.get(alias);
  }

  convert(node: YamlNode, parent?: AstNode): AstNode {
    const out = this.convertNode(node, parent);
    // A local tag (CloudFormation's `!Ref`, `!Sub`, `!GetAtt` …) is kept for templates/ to read; the yaml
    // package only warns about it, and the value reads as written.
    const tag = (node as { tag?: string }).tag;
    if (tag && tag.startsWith('!') && !tag.startsWith('!!')) out.tag = tag;
    return out;
  }

  private convertNode(node: YamlNode, parent?: AstNode): AstNode {
    const [start, end] = node.range ?? [0, 0, 0];
    if (yaml().isScalar(node)) return this.scalar(node.value, start, this.scalarEnd(node.type, start, end), parent);
    if (yaml().isAlias(node)) return this.alias(node, start, end, parent);
    if (yaml().isMap(node)) {
      const obj: AstNode = { type: 'object', offset: start, length: end - start, parent, children: [] };
      const explicit = new Set(node.items.filter((p) => !isMergeKey(p.key)).map((p) => keyString(p.key as YamlNode | null, this.text)));
      const merged = new Set<string>();
      // The property each scalar key last gave, and the earlier ones a later one replaces (dropped in one pass).
      const seen = new Map<unknown, AstNode>();
      const replaced = new Set<AstNode>();
      for (const pair of node.items) {
        if (!yaml().isPair(pair)) continue;
        const mergeKey = isMergeKey(pair.key);
        const prop = mergeKey ? undefined : this.pair(pair.key as YamlNode | null, pair.value as YamlNode | null, obj);
        if (prop) obj.children!.push(prop);
        else this.merge(pair.key as YamlNode, pair.value as YamlNode | null, obj, explicit, merged);
        // The yaml package's rule: scalar keys of the same value (1 and "1" differ); NaN never equals NaN. A second
        // `<<` is said too, though there is no member of its own to replace.
        if (!yaml().isScalar(pair.key) || Number.isNaN(pair.key.value)) continue;
        const k = pair.key.value;
        const earlier = seen.get(k);
        seen.set(k, prop ?? obj);
        if (!earlier) continue;
        if (earlier !== obj) replaced.add(earlier);
        const at = pair.key.range?.[0] ?? start;
        if (this.duplicateAt.has(at)) continue;
        this.duplicateAt.add(at);
        const end = pair.key.range?.[1] ?? at;
        // An empty key (`: 2`) has no text of its own: its ":" stands for it.
        const colon = end > at ? -1 : this.text.indexOf(':', at);
        this.repeatedKeys.push({ pos: colon >= 0 ? [colon, colon + 1] : [at, end], key: keyString(pair.key as YamlNode, this.text) });
      }
      if (replaced.size) obj.children = obj.children!.filter((p) => !replaced.has(p));
      this.trimEnd(obj);
      return obj;
    }
    if (yaml().isSeq(node)) {
      const arr: AstNode = { type: 'array', offset: start, length: end - start, parent, children: [] };
      for (const item of node.items) {
        if (yaml().isPair(item)) {
          // `[a: 1]`: a flow sequence item that is a single-pair mapping.
          const key = item.key as YamlNode | null;
          const value = item.value as YamlNode | null;
          const s = key?.range?.[0] ?? value?.range?.[0] ?? start;
          const e = value?.range?.[1] ?? key?.range?.[1] ?? s;
          const obj: AstNode = { type: 'object', offset: s, length: e - s, parent: arr, children: [] };
          obj.children!.push(this.pair(key, value, obj));
          arr.children!.push(obj);
        } else if (item) arr.children!.push(this.convert(item as YamlNode, arr));
        else arr.children!.push(this.scalar(null, start, start, arr));
      }
      this.trimEnd(arr);
      return arr;
    }
    return this.scalar(null, start, start, parent);
  }

  /** A `property` node: key start … value end, children [key, value]; `key:` with nothing after has an empty null value. */
  private pair(key: YamlNode | null, value: YamlNode | null, parent: AstNode): AstNode {
    const keyStart = key?.range?.[0] ?? value?.range?.[0] ?? parent.offset;
    const keyEnd = key ? this.scalarEnd(yaml().isScalar(key) ? key.type : undefined, keyStart, key.range?.[1] ?? keyStart) : keyStart;
    const prop: AstNode = { type: 'property', offset: keyStart, length: 0, parent, children: [] };
    // An alias as a key (`*first :`) is its anchor's scalar, as every YAML reader loads it.
    const aliased = key && yaml().isAlias(key) ? this.targetOf(key) : undefined;
    const keyNode: AstNode = {
      type: 'string',
      value: aliased && yaml().isScalar(aliased) ? scalarKey(aliased.value) : keyString(key, this.text),
      offset: keyStart,
      length: keyEnd - keyStart,
      parent: prop,
    };
    prop.children!.push(keyNode);
    const colon = this.colonAfter(keyEnd);
    if (colon >= 0) prop.colonOffset = colon;
    let end = colon >= 0 ? colon + 1 : keyEnd;
    // An empty value (`key:`) is null in YAML: an empty null node right after the colon (where yaml places it, at
    // the next token, may be lines below). Features see the value YAML gives, and a payload being started
    // (`Parameters:` and a new line) still has a value to complete in.
    const empty = !value || (yaml().isScalar(value) && value.value === null && value.range && value.range[0] === value.range[1]);
    if (empty) {
      if (value || colon >= 0) prop.children!.push(this.scalar(null, end, end, prop));
    } else {
      const v = this.convert(value!, prop);
      prop.children!.push(v);
      end = Math.max(end, v.offset + v.length);
    }
    prop.length = end - keyStart;
    return prop;
  }

  /**
   * `<<: *base` (or `<<: [*a, *b]`): the members of the merged mappings that the mapping does not set itself, the
   * first source winning, each placed at the `<<` entry. YAML 1.1's merge key, which the 1.2 core schema leaves
   * out; state machines have no `<<` member, so it can only mean a merge (as SAM's YAML 1.1 reader treats it).
   */
  private merge(key: YamlNode, value: YamlNode | null, obj: AstNode, explicit: Set<string>, merged: Set<string>) {
    const start = key.range?.[0] ?? obj.offset;
    const end = value?.range?.[1] ?? key.range?.[1] ?? start;
    const sources = value && yaml().isSeq(value) ? (value.items as YamlNode[]) : value ? [value] : [];
    for (const source of sources) {
      const from = this.convert(source, obj);
      if (from.type !== 'object') continue;
      for (const prop of from.children ?? []) {
        const name = prop.children?.[0]?.value as string;
        if (explicit.has(name) || merged.has(name)) continue;
        merged.add(name);
        prop.parent = obj;
        relocate(prop, start, end - start);
        obj.children!.push(prop);
      }
    }
  }

  /** The `:` after a key: skipping spaces, line breaks and comments (explicit `? key` entries). */
  private colonAfter(from: number): number {
    const t = this.text;
    for (let i = from; i < t.length; i++) {
      const c = t[i];
      if (c === ':') return i;
      if (c === '#') {
        const nl = t.indexOf('\n', i);
        if (nl < 0) return -1;
        i = nl;
      } else if (c !== ' ' && c !== '\t' && c !== '\n' && c !== '\r') return -1;
    }
    return -1;
  }

  private scalar(value: unknown, start: number, end: number, parent?: AstNode): AstNode {
    if (value === null || value === undefined) return { type: 'null', value: null, offset: start, length: end - start, parent };
    switch (typeof value) {
      case 'string':
        return { type: 'string', value, offset: start, length: end - start, parent };
      case 'number':
        return { type: 'number', value, offset: start, length: end - start, parent };
      case 'bigint':
        return { type: 'number', value: Number(value), offset: start, length: end - start, parent };
      case 'boolean':
        return { type: 'boolean', value, offset: start, length: end - start, parent };
      default:
        // A tag that builds something else (e.g. !!binary): its source text.
        return { type: 'string', value: this.text.slice(start, end), offset: start, length: end - start, parent };
    }
  }

  /** Block scalars end at their last character, not after their final line break. */
  private scalarEnd(type: string | undefined, start: number, end: number): number {
    if (type !== 'BLOCK_LITERAL' && type !== 'BLOCK_FOLDED') return end;
    while (end > start && /\s/.test(this.text[end - 1])) end--;
    return end;
  }

  /** Collections end at their last child's end: no trailing line breaks or comments. */
  private trimEnd(node: AstNode) {
    const open = this.text[node.offset];
    if (open === '{' || open === '[') return; // flow: ends at the bracket
    const last = node.children?.[node.children.length - 1];
    if (last) node.length = Math.max(last.offset + last.length, node.offset) - node.offset;
  }

  /** An alias is the anchored node's value, placed at the alias (every node of the copy has its range). */
  private alias(node: YamlNode, start: number, end: number, parent?: AstNode): AstNode {
    const target = this.targetOf(node);
    // An alias whose anchor is nowhere before it: the document does not load (every YAML reader refuses it).
    if (!target && !this.duplicateAt.has(start)) {
      this.duplicateAt.add(start);
      this.unknownAliases.push({ pos: [start, end], message: `Aliased anchor not found: ${(node as { source?: string }).source ?? ''}` });
    }
    if (!target || this.expanding.has(target as YamlNode)) return this.scalar(null, start, end, parent);
    if (!this.aliasBudgetExceeded) {
      this.aliasNodes += countNodes(target as YamlNode, MAX_ALIAS_NODES - this.aliasNodes + 1);
      this.aliasBudgetExceeded = this.aliasNodes > MAX_ALIAS_NODES;
    }
    if (this.aliasBudgetExceeded) {
      this.unreadAliases.push([start, end]);
      return this.scalar(null, start, end, parent);
    }
    this.expanding.add(target as YamlNode);
    const copy = this.convert(target as YamlNode, parent);
    this.expanding.delete(target as YamlNode);
    relocate(copy, start, end - start);
    return copy;
  }
}

function isMergeKey(key: unknown): boolean {
  return yaml().isScalar(key) && key.value === '<<' && key.type === 'PLAIN';
}

/**
 * A scalar key as the name it is in JSON: its text for `true`, `1`, `1.5`; a null key (`null:`, `~:`, `? ` alone)
 * is "null", as js-yaml (the AWS Toolkit's reader) and PyYAML (the SAM CLI's, cfn-lint's) convert it with
 * JSON.stringify / json.dumps. The yaml package's toJSON alone writes "" there.
 */
function scalarKey(value: unknown): string {
  return value === null ? 'null' : String(value);
}

function keyString(key: YamlNode | null, text: string): string {
  if (!key) return '';
  if (yaml().isScalar(key)) return scalarKey(key.value);
  if (yaml().isAlias(key)) return String(key.source);
  const [s, e] = key.range ?? [0, 0];
  return text.slice(s, e);
}

function relocate(node: AstNode, offset: number, length: number) {
  const stack = [node];
  while (stack.length) {
    const n = stack.pop()!;
    n.offset = offset;
    n.length = length;
    if (n.colonOffset !== undefined) n.colonOffset = offset;
    if (n.children) append(stack, n.children);
  }
}

/** Nodes under `node` (aliases counted as their targets' size), stopping once past `limit`. */
function countNodes(node: YamlNode, limit: number): number {
  let count = 0;
  const stack: unknown[] = [node];
  const seen = new Set<unknown>();
  while (stack.length && count <= limit) {
    const n = stack.pop();
    count++;
    if (yaml().isMap(n)) for (const p of n.items) stack.push(p.key, p.value);
    else if (yaml().isSeq(n)) append(stack, n.items);
    else if (yaml().isPair(n)) stack.push(n.key, n.value);
    else if (yaml().isAlias(n)) {
      // Counted by the alias's own expansion when it is converted; a guard against cycles here.
      if (seen.has(n)) continue;
      seen.add(n);
    }
  }
  return count;
}

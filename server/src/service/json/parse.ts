// JSON text → tree: the first stage of every feature for JSON documents (yaml/ gives YAML the same tree shape).
import { parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { Code } from '../core/codes';
import { parseStrictJson } from './fastJson';
import type { AstNode, DocumentLanguage, ParsedDocument, Problem } from '../core/types';

/** Beyond this nesting the parsers would recurse too deep; no real state machine comes close. */
export const MAX_DEPTH = 2000;

/** The deepest bracket nesting in a JSON text, counted without parsing (strings skipped). Linear, no recursion. */
export function jsonNestingDepth(text: string): number {
  let depth = 0, max = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 92 /* \ */) i++;
        else if (d === 34 || d === 10) break;
      }
    } else if (c === 123 || c === 91) {
      if (++depth > max) max = depth;
    } else if (c === 125 || c === 93) depth--;
  }
  return max;
}

function tooDeep(text: string, language: DocumentLanguage, depth: number): ParsedDocument {
  const problem: Problem = {
    offset: 0,
    length: Math.min(text.length, 1),
    message: `This document nests ${depth} levels deep; documents deeper than ${MAX_DEPTH} levels are not validated`,
    severity: 'warning',
    source: language,
    code: Code.tooLarge,
  };
  return { text, language, root: undefined, syntaxErrors: [problem] };
}

/** Parses a JSON document (`allowComments`: JSONC, comments and trailing commas allowed). */
export function parseJson(original: string, allowComments: boolean): ParsedDocument {
  // A byte order mark (a file saved so, sent by a client that keeps it) is read as the blank it stands for: the same
  // length, so every offset is the document's. Results carry the document's own text.
  const text = original.charCodeAt(0) === 0xfeff ? ` ${original.slice(1)}` : original;
  const parsed = parseJsonText(text, allowComments);
  return text === original ? parsed : { ...parsed, text: original };
}

function parseJsonText(text: string, allowComments: boolean): ParsedDocument {
  // Well-formed JSON (the common case, and the one that matters for speed) takes the fast path, which measures
  // the nesting as it goes; the other parsers recurse, so their text is measured first.
  const fast = parseStrictJson(text, MAX_DEPTH);
  if (fast === 'too deep') return tooDeep(text, 'json', jsonNestingDepth(text));
  if (fast) return { text, language: 'json', root: fast, syntaxErrors: [] };
  const depth = jsonNestingDepth(text);
  if (depth > MAX_DEPTH) return tooDeep(text, 'json', depth);
  // A definition written for text substitution (`"TimeoutSeconds": ${timeout}`) is read with each bare
  // placeholder as a string value of the same span, whose value is the placeholder as written.
  const bare = maskBarePlaceholders(text, allowComments);
  const source = bare ? bare.text : text;
  const errors: ParseError[] = [];
  const root = (bare && parseStrictJson(source)) || parseTree(source, errors, { allowTrailingComma: allowComments, disallowComments: !allowComments });
  if (bare && root) restorePlaceholders(root, bare.placeholders);
  // Only the first error: the rest are usually consequences of it.
  const syntaxErrors: Problem[] = errors.slice(0, 1).map((e) => ({
    offset: e.offset,
    // At least one character to underline, but never past the end (an error at the end of a cut-short text).
    length: Math.min(Math.max(e.length, 1), text.length - e.offset),
    message: `JSON syntax error: ${describeParseError(printParseErrorCode(e.error))}`,
    severity: 'error',
    source: 'json',
    code: Code.syntax,
  }));
  return { text, language: 'json', root, syntaxErrors };
}

/**
 * Each `${…}` outside strings and comments (SAM DefinitionSubstitutions, CloudFormation and Terraform's
 * templatefile() replace them as text before the JSON is parsed) masked as a string literal of the same length,
 * so offsets stay the document's. Undefined when there is none. Linear: one pass, strings skipped.
 */
function maskBarePlaceholders(text: string, allowComments: boolean): { text: string; placeholders: Map<number, string> } | undefined {
  let placeholders: Map<number, string> | undefined;
  let out = '';
  let copied = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      for (i++; i < n; i++) {
        const d = text.charCodeAt(i);
        if (d === 92 /* \ */) i++;
        else if (d === 34 || d === 10) break;
      }
    } else if (c === 47 /* / */ && allowComments && text.charCodeAt(i + 1) === 47) {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? n : nl;
    } else if (c === 47 && allowComments && text.charCodeAt(i + 1) === 42 /* * */) {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? n : end + 1;
    } else if (c === 36 /* $ */ && text.charCodeAt(i + 1) === 123 /* { */) {
      let j = i + 2;
      for (; j < n; j++) {
        const d = text.charCodeAt(j);
        if (d === 125 /* } */ || d === 10 || d === 34 || d === 123) break;
      }
      if (text.charCodeAt(j) !== 125 || j === i + 2) continue;
      (placeholders ??= new Map()).set(i, text.slice(i, j + 1));
      out += text.slice(copied, i) + '"' + '_'.repeat(j - i - 1) + '"';
      copied = j + 1;
      i = j;
    }
  }
  return placeholders && { text: out + text.slice(copied), placeholders };
}

/** The masked placeholders' string nodes get their text as written (`${timeout}`), so every check reads a placeholder. */
function restorePlaceholders(root: AstNode, placeholders: Map<number, string>) {
  const stack = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'string') {
      const raw = placeholders.get(node.offset);
      if (raw !== undefined && raw.length === node.length) node.value = raw;
    }
    if (node.children) for (const c of node.children) stack.push(c);
  }
}

function describeParseError(code: string): string {
  const words: Record<string, string> = {
    InvalidSymbol: 'unexpected character',
    InvalidNumberFormat: 'invalid number',
    PropertyNameExpected: 'a property name in double quotes is expected',
    ValueExpected: 'a value is expected',
    ColonExpected: 'a colon is expected',
    CommaExpected: 'a comma is expected',
    CloseBraceExpected: 'a closing brace } is expected',
    CloseBracketExpected: 'a closing bracket ] is expected',
    EndOfFileExpected: 'nothing may follow the end of the document',
    InvalidCommentToken: 'comments are not allowed in JSON',
    UnexpectedEndOfComment: 'unterminated comment',
    UnexpectedEndOfString: 'unterminated string',
    UnexpectedEndOfNumber: 'unterminated number',
    InvalidUnicode: 'invalid unicode escape',
    InvalidEscapeCharacter: 'invalid escape character',
    InvalidCharacter: 'invalid character in a string',
  };
  return words[code] ?? code;
}

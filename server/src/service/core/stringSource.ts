// Where each character of a string's value is written in its source text: a JSON string literal (its escapes), a
// YAML scalar of any style (quoted with its escapes and line folding, a block with its indentation, folding and
// chomping, a plain scalar over several lines). One reading for every caller that maps a position in a value to the
// document: an expression's mistake, a path's span (expressions' sourceOffset), a DefinitionString decoded and its
// nodes placed back on the template (templates/encodedDefinition.ts).
import { jsonEscapeAt } from './text';

/**
 * A string as its source writes it: `value` is what the source reads as (the reader's own decoding, which a caller
 * compares with its parser's value before it trusts the spans), and its k-th character is written as
 * `raw[from[k], to[k])` (an escape spans the escape; a character the source writes otherwise, a folded line break,
 * spans the break). `end` is where the value ends in `raw` (a quoted string's closing quote).
 */
export interface StringSource {
  value: string;
  from: Int32Array;
  to: Int32Array;
  end: number;
}

/** YAML's escapes beyond JSON's (YAML 1.2, 5.7): the character each writes. `\x`, `\U` are read by length below. */
const YAML_ESCAPES: Record<string, string> = { '0': '\0', a: '\x07', v: '\v', e: '\x1b', ' ': ' ', '\t': '\t', N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029' };

/** The escape at `raw[i]` (a backslash) in a double-quoted string, JSON's or YAML's: what it writes and its width. */
function escapeAt(raw: string, i: number): { char: string; width: number } | undefined {
  const json = jsonEscapeAt(raw, i);
  if (json) return json;
  const e = raw[i + 1];
  if (e === 'x' || e === 'U') {
    const width = e === 'x' ? 4 : 10;
    const hex = raw.slice(i + 2, i + width);
    const code = /^[0-9a-fA-F]+$/.test(hex) && hex.length === width - 2 ? parseInt(hex, 16) : NaN;
    return code <= 0x10ffff ? { char: String.fromCodePoint(code), width } : undefined;
  }
  return e !== undefined && Object.hasOwn(YAML_ESCAPES, e) ? { char: YAML_ESCAPES[e], width: 2 } : undefined;
}

class Builder {
  private parts: string[] = [];
  from: Int32Array;
  to: Int32Array;
  length = 0;
  constructor(size: number) {
    this.from = new Int32Array(Math.max(16, size));
    this.to = new Int32Array(Math.max(16, size));
  }
  /** `s`, every character of it written as raw[start, end). */
  char(s: string, start: number, end: number) {
    for (let k = 0; k < s.length; k++) this.put(start, end);
    this.parts.push(s);
  }
  /** raw[start, end) as it is. */
  run(raw: string, start: number, end: number) {
    for (let i = start; i < end; i++) this.put(i, i + 1);
    if (end > start) this.parts.push(raw.slice(start, end));
  }
  done(end: number): StringSource {
    return { value: this.parts.join(''), from: this.from.subarray(0, this.length), to: this.to.subarray(0, this.length), end };
  }
  private put(start: number, end: number) {
    if (this.length === this.from.length) {
      const from = new Int32Array(this.length * 2), to = new Int32Array(this.length * 2);
      from.set(this.from);
      to.set(this.to);
      this.from = from;
      this.to = to;
    }
    this.from[this.length] = start;
    this.to[this.length++] = end;
  }
}

const isBlank = (c: string | undefined) => c === ' ' || c === '\t';
/** A line break at raw[i]: `\n` or `\r\n` (a lone `\r` was made a `\n` before: stringSource). */
const isBreak = (raw: string, i: number) => raw[i] === '\n' || (raw[i] === '\r' && raw[i + 1] === '\n');
/** The index after the line break at `i` (`\r\n` one break). */
const afterBreak = (raw: string, i: number) => (raw[i] === '\r' && raw[i + 1] === '\n' ? i + 2 : i + 1);

/**
 * A quoted string: JSON's, or YAML's single- or double-quoted scalar. Inside YAML's, a line break folds (YAML 1.2,
 * 7.3): the blanks around it go, one break reads as a space, a run of them as one line break fewer; a backslash
 * before a break joins the lines.
 */
function quoted(raw: string, out: Builder): StringSource {
  const q = raw[0];
  let i = 1;
  while (i < raw.length) {
    const c = raw[i];
    if (c === q) {
      if (q === "'" && raw[i + 1] === "'") {
        out.char("'", i, i + 2);
        i += 2;
        continue;
      }
      break;
    }
    if (q === '"' && c === '\\') {
      if (isBreak(raw, i + 1)) {
        i = afterBreak(raw, i + 1);
        while (isBlank(raw[i])) i++;
        continue;
      }
      // An escape neither language has (not in valid text) stands for the character after the backslash.
      const e = escapeAt(raw, i) ?? { char: raw[i + 1] ?? '', width: 2 };
      out.char(e.char, i, Math.min(i + e.width, raw.length));
      i += e.width;
      continue;
    }
    if (isBlank(c) || isBreak(raw, i)) {
      let k = i;
      while (isBlank(raw[k])) k++;
      if (!isBreak(raw, k)) {
        out.run(raw, i, k);
        i = k;
        continue;
      }
      // Blanks then a break: fold. Each further break (an empty line, blanks allowed) is a line break of the value.
      const breaks = [k];
      k = afterBreak(raw, k);
      for (;;) {
        while (isBlank(raw[k])) k++;
        if (!isBreak(raw, k)) break;
        breaks.push(k);
        k = afterBreak(raw, k);
      }
      if (breaks.length === 1) out.char(' ', breaks[0], breaks[0] + 1);
      else for (const b of breaks.slice(1)) out.char('\n', b, b + 1);
      i = k;
      continue;
    }
    let k = i + 1;
    while (k < raw.length && raw[k] !== q && raw[k] !== '\\' && !isBlank(raw[k]) && !isBreak(raw, k)) k++;
    out.run(raw, i, k);
    i = k;
  }
  return out.done(Math.min(i, raw.length));
}

/**
 * A YAML block scalar (`|`, `>`, with chomping and indentation indicators) or a plain scalar: its lines without
 * their indentation (a plain one's continuation lines without blanks around them), the line breaks between them.
 * Folding (`>` and plain) reads one break between two lines as a space, and a run of them around empty lines as one
 * line break fewer; `>` keeps the breaks around a more indented line. A block's indentation is its first content
 * line's; with an indentation indicator (`|2`), which counts from the parent's indentation this text does not show,
 * its least indented content line's (right when one line sits at the block's indentation, as it does unless every
 * line is indented further: then the DefinitionString decoder and valueSpan, which compare the reading with the
 * parser's value, fall back to the whole string, and sourceOffset's other callers place a position off by the extra
 * indentation). Chomping: strip drops the final break, clip keeps one, keep every one.
 */
function lines(raw: string, out: Builder): StringSource {
  const block = raw[0] === '|' || raw[0] === '>';
  const folded = raw[0] !== '|';
  const header = block ? /^[|>]([1-9]?)([+-]?)([1-9]?)/.exec(raw)! : undefined;
  const chomp = header ? header[2] : '';
  const explicit = !!header && !!(header[1] || header[3]);
  const all: { start: number; end: number; brk: number }[] = [];
  // A block's content starts on the line after its header; a header alone (an empty block) has none.
  const first = !block ? 0 : raw.includes('\n') ? raw.indexOf('\n') + 1 : raw.length;
  for (let s = first; s <= raw.length; ) {
    let e = raw.indexOf('\n', s);
    if (e < 0) e = raw.length;
    const end = e > s && raw[e - 1] === '\r' ? e - 1 : e;
    all.push({ start: s, end, brk: e < raw.length ? end : -1 });
    if (e === raw.length) break;
    s = e + 1;
  }
  const leading = (l: { start: number; end: number }) => {
    let k = l.start;
    while (k < l.end && raw[k] === ' ') k++;
    return k - l.start;
  };
  // YAML's blanks are spaces and tabs only (JavaScript's trim() would also take U+2028, U+00A0, U+FEFF: text).
  const firstNonBlank = (l: { start: number; end: number }) => {
    let k = l.start;
    while (k < l.end && isBlank(raw[k])) k++;
    return k;
  };
  const lastNonBlank = (l: { start: number; end: number }) => {
    let k = l.end;
    while (k > l.start && isBlank(raw[k - 1])) k--;
    return k;
  };
  // A block's empty lines hold spaces only (a tab is never indentation there: it is content); a plain scalar's
  // hold spaces and tabs.
  const blankLine = (l: { start: number; end: number }) => (block ? leading(l) === l.end - l.start : firstNonBlank(l) === l.end);
  const content = all.filter((l) => !blankLine(l));
  let indent = content.length ? leading(content[0]) : 0;
  if (explicit) for (const l of content) indent = Math.min(indent, leading(l)); // a loop: a spread of 100k lines overflows the stack
  // In a block, a line whose blanks reach past the indentation is content (its extra blanks are the value's).
  const empty = (l: { start: number; end: number }) => (block ? l.end - l.start <= indent && blankLine(l) : blankLine(l));
  const moreIndented = (l: { start: number }) => folded && block && isBlank(raw[l.start + indent]);
  let pending: number[] = [];
  let last: { start: number; end: number } | undefined;
  for (const l of all) {
    if (empty(l)) {
      if (l.brk >= 0) pending.push(l.brk);
      continue;
    }
    const from = block ? l.start + Math.min(indent, l.end - l.start) : last ? firstNonBlank(l) : l.start;
    const to = block ? l.end : lastNonBlank(l);
    if (last) {
      // The breaks since the last content line: literal (or beside a more indented line), every one; folded, one
      // fewer, and a lone one as a space.
      if (!folded || moreIndented(last) || moreIndented(l)) for (const b of pending) out.char('\n', b, b + 1);
      else if (pending.length === 1) out.char(' ', pending[0], pending[0] + 1);
      else for (const b of pending.slice(1)) out.char('\n', b, b + 1);
    } else if (block) for (const b of pending) out.char('\n', b, b + 1); // a block's leading empty lines are kept
    pending = l.brk >= 0 ? [l.brk] : [];
    out.run(raw, from, to);
    last = l;
  }
  // A block's final line breaks: none (strip), one (clip), every one (keep), those the text holds. The parser's
  // span of a block ends at its last content line's last non-blank: the blanks and breaks after it are not in the
  // span, and the parser's value goes on with them, blanks only.
  if (block && last && chomp !== '-') for (const b of chomp === '+' ? pending : pending.slice(0, 1)) out.char('\n', b, b + 1);
  return out.done(raw.length);
}

/**
 * Whether `value`, the parser's, is what `source` reads: the same, but for the whitespace after the parser's span
 * of a YAML block (its last lines, which the span leaves out; the yaml package ends a span before a trailing line
 * separator too, hence trim()'s whitespace, not YAML's blanks). Callers trust the spans only then.
 */
export function readsAs(source: StringSource, value: string): boolean {
  return value.startsWith(source.value) && value.slice(source.value.length).trim() === '';
}

let last: { raw: string; source: StringSource } | undefined;

/**
 * How `raw`, a JSON string literal or a YAML scalar's source, writes its value (see StringSource). The last answer is
 * kept: a caller maps several positions of one value in a row.
 */
export function stringSource(raw: string): StringSource {
  if (last?.raw === raw) return last.source;
  const q = raw[0];
  const out = new Builder(raw.length);
  // A lone carriage return is a line break (YAML 1.2; the YAML parse reads the text so, yaml/parseYaml.ts): the same
  // text with LF there, of the same length, so every offset holds. (A JSON string cannot hold one unescaped.)
  const text = raw.includes('\r') ? raw.replace(/\r(?!\n)/g, '\n') : raw;
  const source = q === '"' || q === "'" ? quoted(text, out) : lines(text, out);
  last = { raw, source };
  return source;
}

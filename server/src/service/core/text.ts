// Small text helpers shared by the features: edit distance for "did you mean", value quoting for messages, where a
// line starts and ends, what a JSON escape writes.

/**
 * Edit distance (optimal string alignment), case-insensitive (a case-only difference costs 0.5 so exact-case wins
 * ties). With `max`, work in a band of that width and stop early: anything further is `max + 1` (a hostile file's
 * thousand-character names cost a thousand steps each, not a million).
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  const al = a.toLowerCase(), bl = b.toLowerCase();
  if (al === bl) return 0.5;
  if (Math.abs(al.length - bl.length) > max) return max + 1;
  // Optimal string alignment: insertions, deletions, substitutions, and two neighbours swapped ("Taks" is one step
  // from "Task", as a typo is, not two). Only cells within `band` of the diagonal are computed; the ones just
  // outside it, which the next row reads, are kept at infinity.
  const n = bl.length;
  const band = Math.min(Math.max(al.length, n), max);
  let before: number[] = new Array<number>(n + 2).fill(Infinity);
  let prev: number[] = new Array<number>(n + 2).fill(Infinity);
  let cur: number[] = new Array<number>(n + 2).fill(Infinity);
  for (let j = 0; j <= Math.min(n, band); j++) prev[j] = j;
  for (let i = 1; i <= al.length; i++) {
    const lo = Math.max(1, i - band), hi = Math.min(n, i + band);
    cur[lo - 1] = lo === 1 && i <= band ? i : Infinity;
    let rowMin = cur[lo - 1];
    for (let j = lo; j <= hi; j++) {
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (al[i - 1] === bl[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && al[i - 1] === bl[j - 2] && al[i - 2] === bl[j - 1]) v = Math.min(v, before[j - 2] + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    cur[hi + 1] = Infinity;
    if (rowMin > max) return max + 1;
    [before, prev, cur] = [prev, cur, before];
  }
  return Math.min(prev[n], max + 1);
}

/**
 * The candidates closest to `word`, best first; only those close enough to be a plausible typo (a third of its
 * length, between 2 and 8 edits).
 */
export function closest(word: string, candidates: Iterable<string>, most = 3, limit = Math.min(8, Math.max(2, Math.floor(word.length / 3)))): string[] {
  const scored: [string, number][] = [];
  for (const c of candidates) {
    if (Math.abs(c.length - word.length) > limit) continue;
    const d = editDistance(word, c, limit);
    if (d <= limit) scored.push([c, d]);
  }
  return scored.sort((x, y) => x[1] - y[1] || x[0].localeCompare(y[0])).slice(0, most).map(([c]) => c);
}

/**
 * Whether `near` (closest's answer for `word`, best first) holds one obvious answer: the only candidate, or one
 * strictly closer than the next. A did-you-mean names it alone and its quick fix is preferred.
 */
export function isObviousMatch(word: string, near: readonly string[]): boolean {
  return near.length === 1 || (near.length > 1 && editDistance(word, near[0]) < editDistance(word, near[1]));
}

/** A value as it appears in a message: JSON-quoted, cut to a readable length. */
export function quote(value: unknown): string {
  const s = typeof value === 'string' ? value : JSON.stringify(value);
  const cut = s.length > 60 ? s.slice(0, 57) + '…' : s;
  return typeof value === 'string' ? JSON.stringify(cut) : cut;
}

/** A name as a hover or title shows it: one of more than 100 characters (a state name may not pass 80) cut in its middle. */
export function shortName(name: string): string {
  return name.length > 100 ? `${name.slice(0, 60)}…${name.slice(-20)}` : name;
}

/** "a, b and c", or with `or` "a, b or c". */
export function list(items: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

/**
 * An integer with commas between thousands (1,048,576), as toLocaleString('en-US') writes it, without loading
 * the locale data for it (the first toLocaleString of a process costs about 15 ms).
 */
export const thousands = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/**
 * A user's text as plain Markdown text: every ASCII punctuation character escaped (CommonMark lets a backslash escape
 * any), line breaks as spaces, so no link, image, HTML, heading or `command:` URI of a document reaches a hover.
 */
export const markdownText = (s: string): string => s.replace(/[\r\n]+/g, ' ').replace(/[!-/:-@[-`{-~]/g, (c) => `\\${c}`);

/**
 * Words of ours around a user's names (a state's, a field's) as Markdown: the characters links, images, HTML, autolinks
 * and emphasis are made of escaped (a dot only after www, which GFM links), line breaks as spaces, while apostrophes,
 * parentheses and dots read as they are ("Train's result (DescribeTrainingJob)", "train.input.json"). A state named
 * `![x](https://…)` must not make a hover fetch an image (review sec37).
 */
export const markdownProse = (s: string): string =>
  s.replace(/[\r\n]+/g, ' ').replace(/[\\`*_[\]<>!&~#|:@]/g, (c) => `\\${c}`).replace(/(www)\./gi, '$1\\.');

/** A user's text as a Markdown code span: fenced by more backticks than its longest run of them, line breaks as spaces. */
export function codeSpan(s: string): string {
  const text = s.replace(/[\r\n]+/g, ' ');
  let longest = 0;
  for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** The changed span: old text [start, oldEnd) became new text [start, newEnd). */
export function diffSpan(a: string, b: string): { start: number; oldEnd: number; newEnd: number } {
  const min = Math.min(a.length, b.length);
  let start = 0;
  // Compare in chunks first: native string comparison is much faster than a char loop.
  for (let step = 4096; step >= 1; step >>= 4) {
    while (start + step <= min && a.slice(start, start + step) === b.slice(start, start + step)) start += step;
  }
  let end = 0;
  const maxEnd = min - start;
  for (let step = 4096; step >= 1; step >>= 4) {
    while (end + step <= maxEnd && a.slice(a.length - end - step, a.length - end) === b.slice(b.length - end - step, b.length - end)) end += step;
  }
  return { start, oldEnd: a.length - end, newEnd: b.length - end };
}

/**
 * Findings made for the text `from`, moved to where they are in `to`: those before the changed span stay, those
 * after it move with it. Undefined when one overlaps the change (it must be made again).
 */
export function shiftFindings<T extends { offset: number; length: number }>(items: readonly T[], from: string, to: string): T[] | undefined {
  if (from === to) return [...items];
  const { start, oldEnd, newEnd } = diffSpan(from, to);
  const delta = newEnd - oldEnd;
  const out: T[] = [];
  for (const p of items) {
    if (p.offset + p.length <= start) out.push(p);
    else if (p.offset >= oldEnd) out.push(delta ? { ...p, offset: p.offset + delta } : p);
    else return undefined;
  }
  return out;
}

// Lines, in offsets, as LSP counts them: a line ends at `\r\n`, `\n` or a lone `\r` (a `\r` before `\n` belongs to
// the line break, not to the line's text). Each looks for a `\r` only within the part a `\n` search bounds (a
// sliced string): an LF file is never scanned to its start for a `\r` it does not have.

/** Where the line holding `offset` starts. */
export function lineStart(text: string, offset: number): number {
  if (offset <= 0) return 0;
  const n = text.lastIndexOf('\n', offset - 1);
  const r = text.slice(n + 1, offset).lastIndexOf('\r');
  return r < 0 ? n + 1 : n + 1 + r + 1;
}

/** Where the text of the line holding `offset` ends: before its `\n`, `\r\n` or `\r` (the text's end on the last line). */
export function lineEnd(text: string, offset: number): number {
  let end = text.indexOf('\n', offset);
  if (end < 0) end = text.length;
  const r = text.slice(offset, end).indexOf('\r');
  return r < 0 ? end : offset + r;
}

/** Where the line after the one holding `offset` starts (past the line break); the text's end on the last line. */
export function nextLineStart(text: string, offset: number): number {
  const end = lineEnd(text, offset);
  if (end >= text.length) return text.length;
  return text.startsWith('\r\n', end) ? end + 2 : end + 1;
}

/** The column of `offset`: how many characters of its line come before it. */
export const column = (text: string, offset: number): number => offset - lineStart(text, offset);

/** The spaces and tabs that start the line holding `offset` (up to `offset` at most). */
export const indentOfLine = (text: string, offset: number): string => /^[ \t]*/.exec(text.slice(lineStart(text, offset), offset))![0];

/**
 * `s` without the runs of `ch` at its start (`start`) and its end: by hand, as /-+$/ retries from every character of
 * a long run and is quadratic on one.
 */
export function trimChar(s: string, ch: string, start = true): string {
  let a = 0;
  let b = s.length;
  while (start && a < b && s[a] === ch) a++;
  while (b > a && s[b - 1] === ch) b--;
  return s.slice(a, b);
}

const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * A string's length in characters as the AWS models' length trait counts them: Unicode code points, not UTF-16
 * units (Smithy: "the number of Unicode scalar values"; 😀 is one character, not two).
 */
export function codePointLength(s: string): number {
  if (!SURROGATE.test(s)) return s.length;
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** The first `max` characters of `s`, counted as codePointLength counts them (a surrogate pair is never split). */
export function codePointSlice(s: string, max: number): string {
  return SURROGATE.test(s) ? [...s].slice(0, max).join('') : s.slice(0, max);
}

/** JSON's one-character escapes (YAML's double-quoted scalars share them). */
const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/** The JSON escape at `text[i]` (a backslash): the character it writes and its width; undefined when it is none. */
export function jsonEscapeAt(text: string, i: number): { char: string; width: number } | undefined {
  const e = text[i + 1];
  if (e === 'u') {
    const hex = text.slice(i + 2, i + 6);
    return /^[0-9a-fA-F]{4}$/.test(hex) ? { char: String.fromCharCode(parseInt(hex, 16)), width: 6 } : undefined;
  }
  return e !== undefined && Object.hasOwn(ESCAPES, e) ? { char: ESCAPES[e], width: 2 } : undefined;
}

/**
 * Control characters, line and paragraph separators, bidirectional controls, and the characters that draw nothing:
 * zero-width ones, the soft hyphen, the combining grapheme joiner, the Hangul fillers, the Mongolian vowel separator
 * and tag characters. (Not the variation selectors: an emoji such as ⚠️ is written with one.)
 */
// The combining ones (U+034F, U+1160) apart, outside the class: inside one they would read as joined to the one before.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u115f\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\u3164\ufeff\uffa0\u{e0000}-\u{e007f}]|\u034f|\u1160/gu;

/**
 * Text as it is, made visible: control characters and line separators escaped as JSON writes them, and the
 * characters that reorder or hide text (bidirectional controls, zero-width ones) as `\uXXXX`. A name must read as
 * what it is: `Approve` and `Approve` with a zero-width space after it are two states, and a right-to-left override
 * would show a name backwards.
 */
export const visibleText = (s: string): string =>
  s.replace(INVISIBLE, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    const code = c.codePointAt(0)!;
    return code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });

/** `text` with `edits` (sorted by offset, apart) made: fix-all's passes and the CLI's --fix. Overlapping edits throw, as TextDocument.applyEdits's do: no text is made of both. */
export function applyOffsetEdits(text: string, edits: readonly { offset: number; length: number; newText: string }[]): string {
  let out = '', from = 0;
  for (const e of edits) {
    if (e.offset < from) throw new Error('Overlapping edit');
    out += text.slice(from, e.offset) + e.newText;
    from = e.offset + e.length;
  }
  return out + text.slice(from);
}

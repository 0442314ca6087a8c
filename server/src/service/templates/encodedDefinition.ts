// A DefinitionString that is JSON written inside a string: a JSON template's string with its escapes
// (`"{\"StartAt\":…}"`), a quoted or plain YAML scalar, a one-line `Fn::Sub`, or `Fn::Join` of strings and
// intrinsics, as `cdk synth` writes every state machine. The definition is the JSON those pieces decode to, each
// intrinsic standing in it as a `${…}` placeholder (a value known only at deployment, never judged); every node is
// then placed back on the source it comes from (a character written as an escape spans the escape, an intrinsic's
// characters its whole span), so findings underline the template's own text. Such a machine is `encoded`: read,
// checked and navigated, never edited (an edit there would have to be escaped).
import { jsonEscapeAt } from '../core/text';
import type { AstNode, ParsedDocument } from '../core/types';
import { parseJson } from '../json/parse';
import { intrinsicAt, joinParts, referenceName, subString } from './intrinsics';

/**
 * The intrinsic a piece computes at deployment (`Fn::If`, `Fn::Select`…: no placeholder name a Sub could write), by
 * encoded machine: Validate with AWS (templates/deployed.ts) has no value to send there.
 */
const computedIntrinsics = new WeakMap<ParsedDocument, { name: string; offset: number }>();
export const computedIntrinsicOf = (machine: ParsedDocument) => computedIntrinsics.get(machine);

/** The definition a DefinitionString `node` holds as JSON text, placed on the template's text; undefined when it holds none. */
export function encodedDefinition(parsed: ParsedDocument, node: AstNode): ParsedDocument | undefined {
  const pieces = piecesOf(node);
  if (!pieces) return undefined;
  const decoded = new Decoded();
  let intrinsics = false;
  let computed: { name: string; offset: number } | undefined;
  for (const p of pieces) {
    if ('between' in p) {
      decoded.push(p.between, p.node.offset, p.node.offset + p.node.length);
      continue;
    }
    const intrinsic = intrinsicAt(p);
    // A Sub's string (`!Sub '…'`, an item of a Join) is text whose own `${…}` stay placeholders.
    if (!intrinsic || (intrinsic.name === 'Fn::Sub' && p.type === 'string')) {
      if (p.type === 'string') decodeString(parsed, p, decoded);
      else return undefined; // a number or an object in a Join: no JSON text to read
      continue;
    }
    intrinsics = true;
    const name = referenceName(intrinsic.name, intrinsic.arg);
    if (name === undefined) computed ??= { name: intrinsic.name, offset: p.offset };
    decoded.push(`\${${name ?? intrinsic.name}}`, p.offset, p.offset + p.length);
  }
  if (!decoded.text.trimStart().startsWith('{')) return undefined;
  const inner = parseJson(decoded.text, false);
  // Text an intrinsic completes (a whole member, a bracket) reads only once deployed: not judged here.
  if (inner.syntaxErrors.length && intrinsics) return undefined;
  if (inner.root) decoded.place(inner.root);
  const syntaxErrors = inner.syntaxErrors.map((e) => ({ ...e, ...decoded.range(e.offset, e.length) }));
  const view: ParsedDocument = { text: parsed.text, language: 'json', root: inner.root, syntaxErrors, encoded: true };
  if (computed) computedIntrinsics.set(view, computed);
  return view;
}

/** The decoded text, and for each of its characters the span of the source it was written as. */
class Decoded {
  private readonly chunks: string[] = [];
  private from = new Int32Array(1024);
  private to = new Int32Array(1024);
  private length = 0;

  get text(): string {
    const whole = this.chunks.join('');
    this.chunks.length = 0;
    this.chunks.push(whole);
    return whole;
  }

  /** `s`, each of its characters written as the whole source [start, end) (an escape, an intrinsic). */
  push(s: string, start: number, end: number) {
    const at = this.grow(s.length);
    this.from.fill(start, at, this.length);
    this.to.fill(end, at, this.length);
    this.chunks.push(s);
  }

  /** `s`, written as it is from `start` on: its k-th character is the source's start + k. */
  pushRun(s: string, start: number) {
    const at = this.grow(s.length);
    for (let k = 0; k < s.length; k++) {
      this.from[at + k] = start + k;
      this.to[at + k] = start + k + 1;
    }
    this.chunks.push(s);
  }

  /** Where the decoded text is now, to read what comes after it or to go back to it. */
  mark(): { chunks: number; length: number } {
    return { chunks: this.chunks.length, length: this.length };
  }

  since(mark: { chunks: number }): string {
    return this.chunks.slice(mark.chunks).join('');
  }

  rollback(mark: { chunks: number; length: number }) {
    this.chunks.length = mark.chunks;
    this.length = mark.length;
  }

  /** Room for `n` more characters; where they start. */
  private grow(n: number): number {
    const at = this.length;
    if (at + n > this.from.length) {
      const size = Math.max(at + n, this.from.length * 2);
      const from = new Int32Array(size), to = new Int32Array(size);
      from.set(this.from.subarray(0, at));
      to.set(this.to.subarray(0, at));
      this.from = from;
      this.to = to;
    }
    this.length = at + n;
    return at;
  }

  /** The source span of decoded [offset, offset + length): from its first character's start to its last one's end. */
  range(offset: number, length: number): { offset: number; length: number } {
    const n = this.length;
    if (!n) return { offset: 0, length: 0 };
    const start = offset >= n ? this.to[n - 1] : this.from[offset];
    const end = length > 0 ? this.to[Math.min(offset + length, n) - 1] : start;
    return { offset: start, length: Math.max(0, end - start) };
  }

  /** Every node of the tree (and a property's colon) moved from the decoded text onto the source. */
  place(root: AstNode) {
    const stack = [root];
    while (stack.length) {
      const n = stack.pop()!;
      const { offset, length } = this.range(n.offset, n.length);
      if (n.colonOffset !== undefined) n.colonOffset = this.range(n.colonOffset, 1).offset;
      n.offset = offset;
      n.length = length;
      for (const c of n.children ?? []) stack.push(c);
    }
  }
}

type Piece = AstNode | { between: string; node: AstNode };

/**
 * What a DefinitionString is made of, in order: one string (plain, or a Sub's, whose own `${…}` stay placeholders),
 * or a Join's strings and intrinsics with its delimiter between them; undefined for anything else.
 */
function piecesOf(node: AstNode): Piece[] | undefined {
  const intrinsic = intrinsicAt(node);
  if (!intrinsic) return node.type === 'string' ? [node] : undefined;
  const { name, arg } = intrinsic;
  if (name === 'Fn::Sub') {
    const s = subString(arg);
    return s ? [s] : undefined;
  }
  const join = name === 'Fn::Join' ? joinParts(arg) : undefined;
  if (!join) return undefined;
  const { delimiter, items } = join;
  const out: Piece[] = [];
  items.forEach((item, i) => {
    if (i && delimiter.value) out.push({ between: delimiter.value, node: delimiter });
    out.push(item);
  });
  return out;
}

/**
 * A string's characters with the source each was written as (alignLines: a JSON or YAML string read escape by
 * escape, a YAML scalar across lines by its folding). Where the source cannot be read so (YAML's own escapes), every
 * character spans the whole string.
 */
function decodeString(parsed: ParsedDocument, node: AstNode, out: Decoded) {
  const raw = parsed.text.slice(node.offset, node.offset + node.length);
  const mark = out.mark();
  if (alignLines(raw, node.offset, String(node.value), out) && out.since(mark) === node.value) return;
  out.rollback(mark);
  out.push(String(node.value), node.offset, node.offset + node.length);
}

const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r';

/**
 * A string's `value` aligned with its source `raw` (a JSON string, a YAML scalar of any style, on one line or
 * across lines): YAML only drops or turns whitespace (a line's indentation, a line break folded to a space) and
 * JSON and YAML read a quoted string's escapes, so every other character of the value is the next such character of
 * the source (runs of them pushed at once). A block's header line is skipped; a character the source does not
 * have (a folded break, a final line break) spans the source's character there. False when they do not align (an
 * escape YAML has and JSON has not): then the caller spans the whole string.
 */
function alignLines(raw: string, base: number, value: string, out: Decoded): boolean {
  const q = raw[0];
  const quoted = q === '"' || q === "'";
  const block = q === '|' || q === '>';
  let i = block ? raw.indexOf('\n') + 1 : quoted ? 1 : 0;
  const end = quoted ? raw.length - 1 : raw.length;
  if (block && i === 0) return false; // a block's header with no line after it
  let j = 0;
  // The current run: value[runJ, j) written as raw[runI, …) character for character.
  let runI = i, runJ = 0;
  const flush = () => {
    if (j > runJ) out.pushRun(value.slice(runJ, j), base + runI);
  };
  while (j < value.length) {
    const c = value[j];
    const r = i < end ? raw[i] : undefined;
    let escape: { char: string; width: number } | undefined;
    if (r === c && !(q === '"' && r === '\\') && !(q === "'" && r === "'")) {
      if (j === runJ) runI = i;
      i++;
      j++;
      continue;
    }
    flush();
    if (q === '"' && r === '\\') {
      // An escaped line break joins the lines; any other escape must be JSON's and write this character.
      if (raw[i + 1] === '\n' || raw[i + 1] === '\r') {
        i++;
        runJ = j;
        continue;
      }
      escape = jsonEscapeAt(raw, i);
      if (escape?.char !== c) return false;
    } else if (q === "'" && r === "'") {
      if (raw[i + 1] !== "'" || c !== "'") return false;
      escape = { char: "'", width: 2 };
    }
    if (escape) {
      out.push(c, base + i, base + i + escape.width);
      i += escape.width;
      j++;
    } else if (r !== undefined && isSpace(r) && !isSpace(c)) i++; // indentation, a break the value drops
    else if (isSpace(c)) {
      // A space or break of the value the source writes otherwise (a folded break): over the source's character.
      const at = Math.min(i, end - 1);
      out.push(c, base + at, base + at + 1);
      if (r !== undefined && isSpace(r)) i++;
      j++;
    } else return false;
    runJ = j;
    runI = i;
  }
  flush();
  return true;
}

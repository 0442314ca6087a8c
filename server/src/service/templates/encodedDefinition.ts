// A DefinitionString that is JSON written inside a string: a JSON template's string with its escapes
// (`"{\"StartAt\":…}"`), a quoted or plain YAML scalar, a one-line `Fn::Sub`, or `Fn::Join` of strings and
// intrinsics, as `cdk synth` writes every state machine. The definition is the JSON those pieces decode to, each
// intrinsic standing in it as a `${…}` placeholder (a value known only at deployment, never judged); every node is
// then placed back on the source it comes from (a character written as an escape spans the escape, an intrinsic's
// characters its whole span), so findings underline the template's own text. Such a machine is `encoded`: read,
// checked and navigated, never edited (an edit there would have to be escaped).
import { append } from '../core/append';
import { readsAs, stringSource, type StringSource } from '../core/stringSource';
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

  /** A string read from the source at `base` (its characters' spans relative to `base`). */
  pushSource(source: StringSource, base: number) {
    const at = this.grow(source.value.length);
    for (let k = 0; k < source.value.length; k++) {
      this.from[at + k] = base + source.from[k];
      this.to[at + k] = base + source.to[k];
    }
    this.chunks.push(source.value);
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

/** How deep Joins in Joins are read (a hostile template nests them without end). */
const MAX_JOIN_DEPTH = 32;

/**
 * What a DefinitionString is made of, in order: one string (plain, or a Sub's, whose own `${…}` stay placeholders),
 * or a Join's strings and intrinsics with its delimiter between them, a Join among them read as its own pieces
 * (tpl34: a Join of lines, each a Join, left the whole definition unread); undefined for anything else.
 */
function piecesOf(node: AstNode, depth = 0): Piece[] | undefined {
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
    const inner = depth < MAX_JOIN_DEPTH && intrinsicAt(item)?.name === 'Fn::Join' ? piecesOf(item, depth + 1) : undefined;
    if (inner) append(out, inner);
    else out.push(item);
  });
  return out;
}

/**
 * A string's characters with the source each was written as (core/stringSource.ts: a JSON or YAML string read
 * escape by escape, a YAML scalar across lines by its folding; a block's blank last lines, outside its span, at its
 * end). Where that reading is not the parser's value, every character spans the whole string.
 */
function decodeString(parsed: ParsedDocument, node: AstNode, out: Decoded) {
  const value = String(node.value);
  const end = node.offset + node.length;
  const source = stringSource(parsed.text.slice(node.offset, end));
  if (!readsAs(source, value)) return out.push(value, node.offset, end);
  out.pushSource(source, node.offset);
  const rest = value.slice(source.value.length);
  if (rest) out.push(rest, end, end);
}

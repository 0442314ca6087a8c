// Snippets that write new YAML members and list items as a block (the required members of a structure, nested,
// with numbered tab stops) or in flow style, and what completion reads from a half-typed block mapping's text.
// The shapes come from the caller (SageMaker's request shapes): this module needs only their outline.
import { lineStart } from '../core/text';
import { choicesOf, choiceText, numberOf, type SnippetShape } from '../core/snippets';
import { yamlScalar } from './edits';

/**
 * The key a block mapping's line content starts with (`name: …`, `"a b": …`, `'it''s': …`), quotes kept; undefined
 * for none. A plain key is read by hand: the pattern [^#]*?[ \t]*: retries from every space of a long line.
 */
function keyOf(content: string): string | undefined {
  const q = content[0];
  if (q === '"' || q === "'") return /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*')[ \t]*:(?:[ \t]|$)/.exec(content)?.[1];
  if (q === undefined || /[\s#]/.test(q)) return undefined;
  for (let i = 1; i < content.length; i++) {
    const c = content[i];
    if (c === '#') return undefined;
    if (c !== ':' || !(i + 1 === content.length || content[i + 1] === ' ' || content[i + 1] === '\t')) continue;
    let end = i;
    while (end > 0 && (content[end - 1] === ' ' || content[end - 1] === '\t')) end--;
    return content.slice(0, end);
  }
  return undefined;
}

/**
 * The keys of the block mapping lines around the one whose key starts at `keyOffset`: lines at the same column
 * (a `- key:` line's key included), up to a line indented less, read from the text alone.
 */
export function blockSiblingKeys(text: string, keyOffset: number): string[] {
  const keyLine = lineStart(text, keyOffset);
  const col = keyOffset - keyLine;
  const keys: string[] = [];
  // One line: its key when at the keys' column; stop at a line indented less (or at an item's `- `).
  const read = (from: number, to: number): { key?: string; stop: boolean; itemStart: boolean } => {
    const line = text.slice(from, text[to - 1] === '\r' ? to - 1 : to);
    // Its indentation, then its item marks (`- - `), then its content: read by hand, in one pass.
    let indent = 0;
    while (line[indent] === ' ') indent++;
    let at = indent;
    while (line[at] === '-' && line[at + 1] === ' ') {
      at += 2;
      while (line[at] === ' ') at++;
    }
    const items = at > indent;
    const content = line.slice(at);
    if (!content.trim() && !items) return { stop: false, itemStart: false };
    if (!items && content.startsWith('#')) return { stop: false, itemStart: false };
    if (indent > col) return { stop: false, itemStart: false };
    // A `- ` at the keys' column or deeper: an item of a sibling's sequence value.
    if (items && indent >= col) return { stop: false, itemStart: false };
    if (at !== col) return { stop: at < col || indent < col, itemStart: false };
    const key = keyOf(content);
    return { key: key?.replace(/^["']|["']$/g, ''), stop: false, itemStart: items };
  };
  // Upwards (unless the key's own line starts an item), then downwards, from the key's line.
  const ownItem = text.slice(keyLine, keyOffset).includes('-');
  for (let end = keyLine - 1, n = 0; !ownItem && end >= 0 && n < 5000; n++) {
    const start = lineStart(text, end);
    const r = read(start, end);
    if (r.key !== undefined) keys.push(r.key);
    if (r.stop || r.itemStart) break;
    end = start - 1;
  }
  for (let start = text.indexOf('\n', keyOffset) + 1, n = 0; start > 0 && start < text.length && n < 5000; n++) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const r = read(start, end);
    if (r.stop || r.itemStart) break;
    if (r.key !== undefined) keys.push(r.key);
    start = end + 1;
  }
  return keys;
}

/** Snippets for a member's value in YAML, numbering tab stops as they are written. */
export class YamlSnippets {
  private tab = 1;
  constructor(
    private readonly eol: string,
    readonly unit: string,
    private readonly flow: boolean,
  ) {}

  /** The text after `Key:` for a new member; `indent` is the column of the member's own keys or items. */
  valueAfterKey(shape: SnippetShape, indent: string): string {
    this.tab = 1;
    return this.after(shape, indent, 0);
  }

  private next(): string {
    return `$${this.tab++}`;
  }

  private scalar(shape: SnippetShape): string {
    const n = this.tab++;
    const values = choicesOf(shape);
    switch (shape.kind) {
      case 'boolean':
        // One allowed value (a state's End: true only) is written, not offered with its opposite.
        return values!.length === 1 ? values![0] : `\${${n}|${values!.join(',')}|}`;
      case 'integer':
      case 'number':
        return `\${${n}:${numberOf(shape)}}`;
      default:
        if (values) {
          const choices = values.map((v) => choiceText(yamlScalar(v, { flow: this.flow })));
          return `\${${n}|${choices.join(',')}|}`;
        }
        return `$${n}`;
    }
  }

  private after(shape: SnippetShape, indent: string, depth: number): string {
    if (this.flow) {
      if (shape.kind === 'structure' || shape.kind === 'map') return ` { ${this.next()} }`;
      if (shape.kind === 'list') return ` [ ${this.next()} ]`;
      return ` ${this.scalar(shape)}`;
    }
    switch (shape.kind) {
      case 'structure':
        return this.eol + this.members(shape, indent, depth);
      case 'map':
        return this.eol + indent + this.next();
      case 'list':
        return this.eol + indent + '- ' + this.item(shape.items!, indent + '  ', depth);
      default:
        return ' ' + this.scalar(shape);
    }
  }

  /** A structure's required members as lines at `indent` (a tab stop there when it has none). */
  private members(shape: SnippetShape, indent: string, depth: number): string {
    const required = depth < 4 ? (shape.required ?? []).filter((r) => shape.members!.has(r)) : [];
    if (!required.length) return indent + this.next();
    return required.map((r) => `${indent}${r}:${this.after(shape.members!.get(r)!.shape, indent + this.unit, depth + 1)}`).join(this.eol);
  }

  /** The text after `- ` of a new list item whose keys sit at `indent`. */
  listItem(shape: SnippetShape, indent: string): string {
    this.tab = 1;
    return this.item(shape, indent, 0);
  }

  /** The text after `- ` of a list item whose keys sit at `indent`. */
  private item(shape: SnippetShape, indent: string, depth: number): string {
    if (shape.kind === 'structure') return this.members(shape, indent, depth + 1).slice(indent.length);
    if (shape.kind === 'map') return this.next();
    if (shape.kind === 'list') return '- ' + this.item(shape.items!, indent + '  ', depth + 1);
    return this.scalar(shape);
  }
}

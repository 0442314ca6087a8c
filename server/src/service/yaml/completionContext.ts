// Where the cursor is in a YAML document, for completion: jsonc-parser's getLocation for YAML. A half-typed
// line (`    Inst` under `ResourceConfig:`, `InstanceType: `, an empty indented line) is often not what the
// parser makes of it, so the line's own text and indentation decide, and the tree supplies the ancestors.
import { eolOf } from '../core/edits';
import { column, lineEnd, lineStart } from '../core/text';
import { nodeAt, nodesAt } from '../core/tree';
import type { AstNode, OffsetRange } from '../core/types';
import { isFlowCollection, yamlScalar } from './edits';
import { parseYamlDocument } from './parseYaml';

export type YamlPath = (string | number)[];

export interface YamlLocation {
  /** Keys and indices from the root to the cursor. At a key, it ends with the key being typed ('' when none yet). */
  path: YamlPath;
  isAtPropertyKey: boolean;
  /**
   * Like getLocation's previousNode: at a key, a `property` node spanning only the key's text (quotes included);
   * at a value, the scalar node under the cursor. Absent when there is nothing there yet.
   */
  previousNode?: AstNode;
  /** At a key: the key's source text on this line (what a completion replaces); empty at a new line. */
  currentKey?: { offset: number; length: number; text: string };
  /** At a key: a `:` already follows it (complete the name only). */
  hasColon?: boolean;
  /**
   * A bare word after `- ` or alone on the line under `key:` reads as a key (`path`) and as a scalar value:
   * this is the value's path (the item, or the key's value). Which one applies is the schema's call.
   */
  scalarPath?: YamlPath;
  /** Inside `{ … }` or `[ … ]`: entries are separated by commas, not lines. */
  flow: boolean;
  /** In `{ … }`, at a key typed before another entry: a new member ends with a comma. */
  commaAfter?: boolean;
  /**
   * At the start of an existing member's key (`‸InstanceType: ml.m5.xlarge`): a new member goes before it, as in JSON,
   * instead of renaming it; `currentKey` is empty there, and yamlKeyEdit's `tail` separates the two.
   */
  before?: boolean;
  /** Block context: the column of the keys at the cursor's level, where a new `key: value` line starts. */
  indent: number;
}

/**
 * The location of `offset` in `text`; `root` is the document's parsed tree (parsed here when not given).
 * Undefined in a comment, inside a block scalar's header line, or past the first document.
 */
export function getYamlCompletionContext(text: string, offset: number, root?: AstNode): YamlLocation | undefined {
  offset = Math.max(0, Math.min(offset, text.length));
  root ??= parseYamlDocument(text).root;
  const startOfLine = lineStart(text, offset);
  const endOfLine = lineEnd(text, offset);
  if (commentStart(text, startOfLine, offset) < offset || pastFirstDocument(text, root, startOfLine)) return undefined;

  const flow = flowContainerAt(text, root, offset);
  if (flow) return flowLocation(text, flow, offset);

  // The line: indentation, `- ` indicators, then the content (a key, or `key: value`).
  let pos = startOfLine;
  while (pos < endOfLine && text[pos] === ' ') pos++;
  const dashes: number[] = [];
  while (pos < endOfLine && text[pos] === '-' && (pos + 1 === endOfLine || text[pos + 1] === ' ') && pos < offset) {
    dashes.push(pos);
    pos++;
    while (pos < endOfLine && text[pos] === ' ') pos++;
  }
  const contentEnd = endOfContent(text, pos, endOfLine);
  const blank = pos >= contentEnd;
  const keyStart = blank ? Math.max(pos, offset) : pos;
  const keyCol = keyStart - startOfLine;

  // Inside a scalar that began on an earlier line (a block scalar, a multi-line string): a value.
  const scalar = scalarAt(root, offset);
  if (scalar && scalar.offset < startOfLine && scalar.type === 'string') {
    return { path: pathOf(scalar), isAtPropertyKey: false, previousNode: scalar, flow: false, indent: keyCol };
  }

  const { path, indent, newItem, underKey } = blockAncestors(text, root, startOfLine, keyCol, dashes);
  if (blank) {
    return { path: [...path, ''], isAtPropertyKey: true, currentKey: { offset: keyStart, length: 0, text: '' }, hasColon: false, flow: false, indent };
  }

  const key = readKey(text, keyStart, contentEnd);
  if (key.colon >= 0 && offset === keyStart && key.end > keyStart) {
    return { path: [...path, ''], isAtPropertyKey: true, currentKey: { offset: keyStart, length: 0, text: '' }, hasColon: false, flow: false, indent, before: true };
  }
  if (key.colon >= 0 && offset > key.colon) {
    // After `key:`: the value.
    const prop = propertyWithKeyAt(root, keyStart);
    const value = prop?.children?.[1];
    const previousNode = value && isScalar(value) && offset >= value.offset && offset <= value.offset + value.length ? value : undefined;
    return { path: [...path, key.text], isAtPropertyKey: false, previousNode, flow: false, indent };
  }
  const currentKey = { offset: keyStart, length: key.end - keyStart, text: key.text };
  const location: YamlLocation = {
    path: [...path, key.text],
    isAtPropertyKey: true,
    previousNode: currentKey.length ? { type: 'property', offset: currentKey.offset, length: currentKey.length, value: key.text } : undefined,
    currentKey,
    hasColon: key.colon >= 0,
    flow: false,
    indent,
  };
  // A bare word: also a scalar value (of the new item, or of the key above whose value it is).
  if (key.colon < 0 && (newItem || underKey)) location.scalarPath = path;
  return location;
}

function isScalar(n: AstNode) {
  return n.type === 'string' || n.type === 'number' || n.type === 'boolean' || n.type === 'null';
}

/** Keys and indices from the root to `node`. */
export function pathOf(node: AstNode): YamlPath {
  const path: YamlPath = [];
  for (let n = node; n.parent; n = n.parent) {
    const p = n.parent;
    if (p.type === 'property') {
      if (p.children?.[1] === n) path.unshift(p.children[0].value as string);
    } else if (p.type === 'array') path.unshift(p.children!.indexOf(n));
  }
  return path;
}

/**
 * Where a `#` comment starts between `from` (a line's start or its content's) and `to` on that line: a `#` outside
 * quotes, at `from` or after a space or tab. `to` when there is none. A quote opens a quoted scalar only where one
 * can start: at `from`, or after a space, `[`, `{`, `,` or `:` (after `-` it is part of a plain scalar: `a-"b # c`
 * is `a-"b` and a comment, since `-` is an indicator only when a space follows it).
 */
function commentStart(text: string, from: number, to: number): number {
  let quote = '';
  for (let i = from; i < to; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = '';
    } else if (c === '#' && (i === from || text[i - 1] === ' ' || text[i - 1] === '\t')) return i;
    else if ((c === '"' || c === "'") && (i === from || /[\s[{,:]/.test(text[i - 1]))) quote = c;
  }
  return to;
}

/** A `---` or `...` line after the first document's content and before the cursor's line. */
function pastFirstDocument(text: string, root: AstNode | undefined, lineStart: number): boolean {
  const from = root ? root.offset + root.length : 0;
  const re = /^(?:---|\.\.\.)(?:[ \t]|$)/gm;
  re.lastIndex = from;
  const m = re.exec(text);
  return !!m && m.index < lineStart && (!!root || /\S/.test(text.slice(0, m.index).replace(/^#.*$/gm, '')));
}

/** The end of a line's content: before a trailing comment and spaces. */
function endOfContent(text: string, from: number, lineEnd: number): number {
  let end = commentStart(text, from, lineEnd);
  while (end > from && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  return end;
}

/** The key at the start of a line's content: its end, its text (unquoted), and the `:` after it (-1: none yet). */
function readKey(text: string, start: number, end: number): { end: number; text: string; colon: number } {
  const q = text[start];
  if (q === '"' || q === "'") {
    let i = start + 1;
    for (; i < end; i++) {
      if (text[i] === '\\' && q === '"') i++;
      else if (text[i] === q) {
        if (q === "'" && text[i + 1] === "'") i++;
        else break;
      }
    }
    const keyEnd = Math.min(i + 1, end);
    const raw = text.slice(start, keyEnd);
    const colonMatch = /^\s*:/.exec(text.slice(keyEnd, end));
    return { end: keyEnd, text: unquote(raw), colon: colonMatch ? keyEnd + colonMatch[0].length - 1 : -1 };
  }
  for (let i = start; i < end; i++) {
    if (text[i] === ':' && (i + 1 === end || text[i + 1] === ' ' || text[i + 1] === '\t')) {
      let keyEnd = i;
      while (keyEnd > start && text[keyEnd - 1] === ' ') keyEnd--;
      return { end: keyEnd, text: text.slice(start, keyEnd), colon: i };
    }
  }
  return { end, text: text.slice(start, end), colon: -1 };
}

function unquote(raw: string): string {
  const q = raw[0];
  const closed = raw.length > 1 && raw[raw.length - 1] === q;
  const body = raw.slice(1, closed ? -1 : undefined);
  if (q === "'") return body.replace(/''/g, "'");
  try {
    return JSON.parse(`"${body}"`);
  } catch {
    return body;
  }
}

/**
 * The scalar under the cursor (its end included): nodeAt's answer, unless it is a key with a value (a key is not a
 * value). Of two siblings holding the cursor, the later (`tie: 'last'`): in `{: 1|}` the `1`, not the empty key
 * before it; of the copies an alias or merge key brings, which share its span, the last.
 */
function scalarAt(root: AstNode | undefined, offset: number): AstNode | undefined {
  const node = nodeAt(root, offset, { tie: 'last' });
  return node && isScalar(node) && !(isKeyNode(node) && node.parent!.children![1]) ? node : undefined;
}

/**
 * The innermost flow collection `{…}`/`[…]` the cursor is inside: after its opening bracket, before its closing one
 * (at its end when it has none yet), so of the nodes at the cursor, not one starting there. Of two siblings holding
 * it, the first (nodeAt's own rule): in `a: [1, {b: 2\n|c: 3` the `{` left open runs to the cursor, which is in it.
 */
function flowContainerAt(text: string, root: AstNode | undefined, offset: number): AstNode | undefined {
  return nodesAt(root, offset).find((node) => {
    if (!isFlowCollection(text, node)) return false;
    const end = node.offset + node.length;
    const closed = text[end - 1] === (text[node.offset] === '{' ? '}' : ']') && node.length > 1;
    return offset > node.offset && (offset < end || (!closed && offset === end));
  });
}

/** Inside `{ … }` or `[ … ]`: the entry the cursor is in, from the text since the last top-level comma. */
function flowLocation(text: string, container: AstNode, offset: number): YamlLocation {
  const base = pathOf(container);
  let depth = 0, quote = '', entryStart = container.offset + 1, index = 0, colon = -1;
  for (let i = container.offset + 1; i < offset; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') depth--;
    else if (depth === 0 && c === ',') {
      entryStart = i + 1;
      index++;
      colon = -1;
    } else if (depth === 0 && c === ':' && colon < 0 && (/[\s,}\]]/.test(text[i + 1] ?? ' ') || /["']/.test(text[i - 1]))) colon = i;
  }
  const indent = column(text, container.offset);
  const scalar = scalarAt(container, offset);
  const previousNode = scalar && scalar.offset < offset + 1 && !isKeyNode(scalar) ? scalar : undefined;
  if (text[container.offset] === '[') {
    return { path: [...base, index], isAtPropertyKey: false, previousNode, flow: true, indent };
  }
  let keyStart = entryStart;
  while (keyStart < offset && /\s/.test(text[keyStart])) keyStart++;
  if (colon >= 0) {
    const key = readKey(text, keyStart, colon + 1);
    return { path: [...base, key.text], isAtPropertyKey: false, previousNode, flow: true, indent };
  }
  // The key being typed: up to the next `:`, `,` or closing brace on the line, unless the cursor stands in the space
  // before another entry (`{ ‸ Type: Pass }`): then what is typed ends at the cursor, and the entry after it stays.
  let end = offset;
  const q = text[keyStart];
  // At the start of an entry's key (`{ A: 1, ‸B: 2 }`): a new entry before it, B kept.
  const before = offset === keyStart && /^[^\s,:{}[\]#][^,:{}[\]\n#]*:/.test(text.slice(offset, lineEnd(text, offset)));
  if (before) end = offset;
  else if (q === '"' || q === "'") end = readKey(text, keyStart, lineEnd(text, offset)).end;
  else if (!/\s/.test(text[offset] ?? '')) while (end < text.length && !/[,:{}[\]\n#]/.test(text[end])) end++;
  while (end > offset && /\s/.test(text[end - 1])) end--;
  const key = readKey(text, keyStart, end);
  const hasColon = /^\s*:/.test(text.slice(end, end + 50));
  const currentKey = { offset: keyStart, length: end - keyStart, text: key.text };
  return {
    path: [...base, key.text],
    isAtPropertyKey: true,
    previousNode: currentKey.length ? { type: 'property', offset: keyStart, length: currentKey.length, value: key.text } : undefined,
    currentKey,
    hasColon,
    flow: true,
    indent,
    // Another entry follows on the line: a new one needs a comma before it.
    ...(!hasColon && /^[ \t]*[^\s,}\]#]/.test(text.slice(end, end + 200)) ? { commaAfter: true } : {}),
    ...(before ? { before } : {}),
  };
}

function isKeyNode(n: AstNode) {
  return n.parent?.type === 'property' && n.parent.children?.[0] === n;
}

/**
 * The property whose key starts at `offset`. Of two siblings holding it, the later (`tie: 'last'`): in
 * `a: [1, {b: 2\nc: 3` the property `c`, not `a`, whose `{` left open runs up to it. Of the properties at `offset` on
 * the way down, the outermost: a merge key's members, and theirs, all start at its `<<`.
 */
function propertyWithKeyAt(root: AstNode | undefined, offset: number): AstNode | undefined {
  return nodesAt(root, offset, { tie: 'last' }).reverse().find((node) => node.type === 'property' && node.offset === offset);
}

/**
 * The block collections enclosing a line whose content starts at column `keyCol` (after `- ` indicators at
 * `dashes`): their path, the column of keys at that level, and whether the line starts a new sequence item or
 * is the first line under a `key:` with no mapping yet.
 * Indentation decides, as in YAML itself: the last entry above the line with a smaller column holds it.
 */
function blockAncestors(
  text: string,
  root: AstNode | undefined,
  lineStart: number,
  keyCol: number,
  dashes: number[],
): { path: YamlPath; indent: number; newItem: boolean; underKey?: boolean } {
  const path: YamlPath = [];
  let node = root;
  let dash = 0;
  while (node) {
    if (node.type === 'object' && !isFlowCollection(text, node)) {
      const col = column(text, node.offset);
      if (keyCol <= col || (node.offset >= lineStart && dash >= dashes.length)) return { path, indent: col, newItem: false };
      const prop = lastBefore(node, lineStart);
      if (!prop) return { path, indent: col, newItem: false };
      path.push(prop.children![0].value as string);
      node = prop.children?.[1];
      if (!node || !node.children || isFlowCollection(text, node)) return { path, indent: keyCol, newItem: false, underKey: true };
      continue;
    }
    if (node.type === 'array' && !isFlowCollection(text, node)) {
      const col = column(text, node.offset);
      const items = node.children ?? [];
      if (dash < dashes.length && column(text, dashes[dash]) === col) {
        // The line starts an item of this sequence.
        const myDash = dashes[dash++];
        let index = 0;
        while (index < items.length && dashOf(text, items[index]) < myDash) index++;
        path.push(index);
        const item = items[index];
        if (item && dashOf(text, item) === myDash && item.type === 'object' && !isFlowCollection(text, item) && item.offset <= lineStart + keyCol) {
          node = item;
          continue;
        }
        if (item && dashOf(text, item) === myDash && item.type === 'array' && !isFlowCollection(text, item) && dash < dashes.length) {
          node = item;
          continue;
        }
        return { path, indent: keyCol, newItem: true };
      }
      if (keyCol <= col) return { path, indent: keyCol, newItem: false };
      // The last item whose `-` is above this line (its content may start on a later line: `-` alone).
      let item: AstNode | undefined;
      for (const c of items) if (dashOf(text, c) < lineStart) item = c;
      if (!item) return { path, indent: keyCol, newItem: false };
      path.push(items.indexOf(item));
      node = item;
      if (!node.children || isFlowCollection(text, node)) return { path, indent: keyCol, newItem: false };
      continue;
    }
    break;
  }
  return { path, indent: keyCol, newItem: false };
}

/**
 * The last child that starts before `offset` (a line's start). Not nodeAt: the line may be past every node's end (an
 * empty line below a mapping's last entry, whose node ends with its value), and indentation, not spans, decides.
 */
function lastBefore(node: AstNode, offset: number): AstNode | undefined {
  let last: AstNode | undefined;
  for (const c of node.children ?? []) if (c.offset < offset) last = c;
  return last;
}

/** The `-` of a block sequence item (its node starts at the item's content). */
function dashOf(text: string, item: AstNode): number {
  let i = item.offset - 1;
  // Over spaces and line breaks: an item's content may start on the line after its `-`.
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i--;
  return text[i] === '-' ? i : item.offset;
}

/**
 * How a value is written at a YAML value position (`location` not at a key): it replaces the scalar under the cursor
 * or the word being typed, keeps the quotes the user started with, is plain where YAML reads it back the same, and
 * right after a colon (`InstanceType:‸`) gets a space, or YAML reads one scalar `InstanceType:ml.m5`. Undefined when
 * what it would replace spans lines. `literal`: written as is (true, false).
 */
export function yamlValueEdit(text: string, location: YamlLocation, offset: number): ((value: string, literal?: boolean) => { range: OffsetRange; filterText: string; newText: string }) | undefined {
  const node = location.previousNode;
  let start = offset;
  let end = offset;
  let quote = '';
  if (node && node.offset <= offset && offset <= node.offset + node.length) {
    start = node.offset;
    end = node.offset + node.length;
    if (text[start] === '"' || text[start] === "'") quote = text[start];
  } else {
    while (start > 0 && /[\w.$-]/.test(text[start - 1])) start--;
  }
  if (text.slice(start, end).includes('\n')) return undefined;
  const range = { offset: start, length: end - start };
  return (value, literal = false) => {
    const written = literal ? value : quote === '"' ? JSON.stringify(value) : quote === "'" ? `'${value.replace(/'/g, "''")}'` : yamlScalar(value, { flow: location.flow });
    return { range, filterText: quote + value, newText: (text[start - 1] === ':' ? ' ' : '') + written };
  };
}

/**
 * What a completion at a YAML key replaces (`location` at a key): the key as written, or nothing at an empty line's
 * indentation; `lead`, what stands between the range's start and the key; `quote`, the quote a key was begun with
 * (kept, and part of the filter, as VS Code compares the range's text); `tail`, what a new member ends with before
 * an entry after it: a comma in flow style (and a space when the entry follows at once), a line break to the key's
 * column in block style (`before`). Undefined when the span crosses a line.
 */
export function yamlKeyEdit(text: string, location: YamlLocation, offset: number): { range: OffsetRange; lead: string; quote: string; tail: string } | undefined {
  const key = location.currentKey;
  if (!key) return undefined;
  const start = Math.min(key.offset, offset);
  const end = Math.max(key.offset + key.length, offset);
  if (text.slice(start, end).includes('\n')) return undefined;
  const quote = key.length && (text[key.offset] === '"' || text[key.offset] === "'") ? text[key.offset] : '';
  const tail = location.commaAfter ? (/\s/.test(text[end] ?? '') ? ',' : ', ') : location.before && !location.flow ? eolOf(text) + ' '.repeat(column(text, key.offset)) : '';
  return { range: { offset: start, length: end - start }, lead: text.slice(start, key.offset), quote, tail };
}

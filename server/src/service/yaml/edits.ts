// Edits in YAML for quick fixes and completion: a value written as YAML that reads back as the same value
// (YAML 1.2 core schema), new `key: value` members added to a mapping at its indentation, and a member removed.
// json/edits.ts is its JSON twin.
import { eolOf, indentUnit, removeDelimitedMember } from '../core/edits';
import { column, lineEnd, lineStart, nextLineStart } from '../core/text';
import type { AstNode, OffsetEdit } from '../core/types';

/** Where a scalar is written. */
export interface ScalarContext {
  /** Inside `{ … }` or `[ … ]`, where `,[]{}` end a plain scalar. */
  flow?: boolean;
}

// Plain scalars the core schema reads as something other than a string.
const CORE_NON_STRING = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
// Plain scalars a YAML 1.1 reader (PyYAML, older tools in a deploy pipeline) reads as something else: quoted
// too, so a value we write means the same to every reader.
const YAML_1_1_NON_STRING = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF|=)$|^[-+]?(?:0b[01_]+|[0-9][0-9_]*(?::[0-5]?[0-9])*(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?|\.[0-9_]+)$|^\d{4}-\d\d?-\d\d?(?:$|[Tt ])/;
// Characters YAML does not allow raw in a document (outside its printable set).
const NON_PRINTABLE_SOURCE = '[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x84\\x86-\\x9f\\ufeff\\ufffe\\uffff]|[\\ud800-\\udbff](?![\\udc00-\\udfff])|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]';
const NON_PRINTABLE = new RegExp(NON_PRINTABLE_SOURCE);
const NON_PRINTABLE_ALL = new RegExp(NON_PRINTABLE_SOURCE, 'g');

/** Whether `s` can be written unquoted and still read back as this string. */
function isSafePlain(s: string, flow: boolean): boolean {
  // `<<` as a key is a merge key (a state renamed `<<` would vanish into one): always quoted.
  if (s === '' || s === '<<' || CORE_NON_STRING.test(s) || YAML_1_1_NON_STRING.test(s)) return false;
  if (/^[\s]|[\s]$/.test(s)) return false;
  // Indicators that start something else at the beginning of a scalar.
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(s)) return false;
  if (/: |:$| #|[\n\r\t]/.test(s) || NON_PRINTABLE.test(s)) return false;
  if (flow && /[,[\]{}]|:[,[\]{}]/.test(s)) return false;
  return true;
}

function doubleQuoted(s: string): string {
  // JSON's escapes are YAML's; characters outside YAML's printable set are escaped as well.
  return JSON.stringify(s).replace(NON_PRINTABLE_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function quoted(s: string): string {
  // Single quotes keep backslashes (regexes, Windows paths) readable; they cannot hold line breaks or escapes.
  if ((s.includes('\\') || s.includes('"')) && !/[\n\r\t]/.test(s) && !NON_PRINTABLE.test(s)) return `'${s.replace(/'/g, "''")}'`;
  return doubleQuoted(s);
}

/**
 * `value` written as YAML on one line: a scalar plain when that reads back the same, quoted otherwise
 * (`"Yes"` stays a string only because YAML 1.2 says so; `"123"`, `"true"`, `"null"`, `"a: b"` need quotes);
 * objects and arrays in flow style.
 */
export function yamlScalar(value: unknown, context: ScalarContext = {}): string {
  if (value === null || value === undefined) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (Number.isNaN(value)) return '.nan';
      if (!Number.isFinite(value)) return value > 0 ? '.inf' : '-.inf';
      return Object.is(value, -0) ? '-0' : String(value);
    case 'bigint':
      return String(value);
    case 'string':
      return isSafePlain(value, !!context.flow) ? value : quoted(value);
  }
  if (Array.isArray(value)) return value.length ? `[${value.map((v) => yamlScalar(v, { flow: true })).join(', ')}]` : '[]';
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    return entries.length ? `{ ${entries.map(([k, v]) => `${yamlScalar(k, { flow: true })}: ${yamlScalar(v, { flow: true })}`).join(', ')} }` : '{}';
  }
  return quoted(String(value));
}

/** Whether `node` lies inside a flow collection `{ … }`/`[ … ]` (so a value written there is in flow context). */
export function isInFlow(text: string, node: AstNode): boolean {
  for (let n: AstNode | undefined = node.parent; n; n = n.parent) if (isFlowCollection(text, n)) return true;
  return false;
}

/** Whether `node` is a flow collection, `{ … }` or `[ … ]` (not a block mapping or sequence). */
export function isFlowCollection(text: string, node: AstNode): boolean {
  return (node.type === 'object' || node.type === 'array') && (text[node.offset] === '{' || text[node.offset] === '[');
}

/**
 * Whether `node` is written somewhere else than its offsets say: the parser places the nodes an alias (`*a1`) stands
 * for at the alias, and the members a merge key (`<<: *a1`, `<<: { … }`) brings at the `<<` entry. An edit at those
 * offsets would rewrite the alias or the whole merge entry.
 */
export function isPlacedCopy(text: string, node: AstNode): boolean {
  return text[node.offset] === '*' || (text.startsWith('<<', node.offset) && /^<<[ \t]*:/.test(text.slice(node.offset, node.offset + 40)));
}

/** `key: value` lines at `indent`: scalars inline, non-empty objects and arrays as nested blocks. */
function blockLines(key: string, value: unknown, indent: string, unit: string, eol: string): string {
  const head = `${indent}${yamlScalar(key)}:`;
  if (isNonEmptyObject(value)) {
    return `${head}${eol}${Object.entries(value).map(([k, v]) => blockLines(k, v, indent + unit, unit, eol)).join(eol)}`;
  }
  if (Array.isArray(value) && value.length) {
    return `${head}${eol}${value.map((v) => itemLines(v, indent + unit, unit, eol)).join(eol)}`;
  }
  return `${head} ${yamlScalar(value)}`;
}

/** A block sequence item: `- scalar`, or `- key: value` with the item's other keys aligned under the first. */
function itemLines(value: unknown, indent: string, unit: string, eol: string): string {
  if (isNonEmptyObject(value)) {
    const lines = Object.entries(value).map(([k, v]) => blockLines(k, v, indent + '  ', unit, eol));
    return `${indent}- ${lines.join(eol).slice(indent.length + 2)}`;
  }
  return `${indent}- ${yamlScalar(value)}`;
}

function isNonEmptyObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length > 0;
}

/**
 * The edit that adds `members` to a mapping. `target` is the mapping (block or flow), or a property whose value
 * is empty or null (`Parameters:`), which then gets the members as its new block mapping. Members are written
 * in order, at the mapping's indentation (block) or after its last entry (flow).
 */
export function yamlInsertMembers(text: string, target: AstNode, members: [key: string, value: unknown][]): OffsetEdit {
  const eol = eolOf(text);
  const unit = indentUnit(text, 'yaml');
  if (target.type === 'property') {
    // `key:` or `key: null` → `key:` + a block mapping one step deeper than the key.
    const keyNode = target.children![0];
    const value = target.children?.[1];
    const keyIndent = ' '.repeat(column(text, keyNode.offset));
    // A key after `- ` is indented by the item's column; its members go one step deeper.
    const from = target.colonOffset !== undefined ? target.colonOffset + 1 : keyNode.offset + keyNode.length;
    const to = value ? value.offset + value.length : from;
    const lines = members.map(([k, v]) => blockLines(k, v, keyIndent + unit, unit, eol)).join(eol);
    return { offset: from, length: to - from, newText: eol + lines };
  }
  const flow = text[target.offset] === '{';
  if (flow) {
    const entries = members.map(([k, v]) => `${yamlScalar(k, { flow: true })}: ${yamlScalar(v, { flow: true })}`).join(', ');
    const last = target.children?.[target.children.length - 1];
    if (last) return { offset: last.offset + last.length, length: 0, newText: `, ${entries}` };
    // `{}` or `{ }`: fill the braces.
    const close = target.offset + target.length - 1;
    return { offset: target.offset + 1, length: Math.max(0, close - target.offset - 1), newText: ` ${entries} ` };
  }
  // A block mapping: new lines after the line where its last entry ends, at the column of its keys.
  const indent = ' '.repeat(column(text, target.offset));
  const last = target.children?.[target.children.length - 1];
  const end = last ? last.offset + last.length : target.offset + target.length;
  const lines = members.map(([k, v]) => blockLines(k, v, indent, unit, eol)).join(eol);
  return { offset: lineEnd(text, end), length: 0, newText: eol + lines };
}

/**
 * The edit removing the member `property` from its mapping. In a block mapping its lines go (the last one's, under
 * a key, leave that key `{}`), unless the key follows a sequence item's `- `: then the next member moves up to the
 * dash (or the item becomes `{}`). In a flow mapping
 * `{ … }` the comma before the next member (or after the previous one) goes with it, as in JSON.
 */
export function yamlRemoveMember(text: string, property: AstNode): OffsetEdit | undefined {
  const object = property.parent;
  if (!object || text[object.offset] === '{') return removeDelimitedMember(property);
  const siblings = object.children ?? [];
  const i = siblings.indexOf(property);
  if (i < 0) return undefined;
  const start = property.offset;
  const from = lineStart(text, start);
  if (/^[ \t]*$/.test(text.slice(from, start))) {
    // The last member of a mapping that is a key's value on lines of its own: the key keeps an empty mapping
    // (`StrategyConfig: {}`, as in JSON), not the null that `StrategyConfig:` alone would read as.
    const holder = object.parent;
    if (siblings.length === 1 && holder?.type === 'property' && holder.colonOffset !== undefined && holder.colonOffset < from) {
      const keyLineEnd = lineEnd(text, holder.colonOffset);
      // After what follows the colon on its line (an anchor, a tag), before a comment there.
      const rest = text.slice(holder.colonOffset + 1, keyLineEnd);
      const comment = rest.search(/(^|[ \t])#/);
      const at = holder.colonOffset + 1 + (comment < 0 ? rest : rest.slice(0, comment)).trimEnd().length;
      return { offset: at, length: lineEnd(text, start + property.length) - at, newText: ` {}${text.slice(at, keyLineEnd)}` };
    }
    return { offset: from, length: nextLineStart(text, start + property.length) - from, newText: '' };
  }
  const next = siblings[i + 1];
  if (next) return { offset: start, length: next.offset - start, newText: '' };
  return { offset: start, length: property.length, newText: '{}' };
}

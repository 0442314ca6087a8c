// Edits in JSON text that keep the user's layout: new members of an object, on one line or one per line at the
// document's indentation, and a member removed with its comma. yaml/edits.ts is its YAML twin.
import { eolOf, indentUnit, removeDelimitedMember } from '../core/edits';
import { indentOfLine } from '../core/text';
import type { AstNode, OffsetEdit } from '../core/types';

const sameLine = (text: string, a: number, b: number) => !/[\r\n]/.test(text.slice(a, b));

/** A JSON value on several lines at `indent` (objects and arrays expanded), or on one line. */
function jsonBlock(value: unknown, indent: string, unit: string, eol: string, oneLine: boolean): string {
  if (value && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length) {
    const entries = Object.entries(value as Record<string, unknown>);
    if (oneLine) return `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${jsonBlock(v, '', unit, eol, true)}`).join(', ')} }`;
    const inner = indent + unit;
    return `{${eol}${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${jsonBlock(v, inner, unit, eol, false)}`).join(`,${eol}`)}${eol}${indent}}`;
  }
  return JSON.stringify(value);
}

/** The edit adding `members` to the JSON object `target`, written like the code around it (one line or one per line). */
export function jsonInsertMembers(text: string, target: AstNode, members: [string, unknown][]): OffsetEdit {
  const eol = eolOf(text);
  const unit = indentUnit(text, 'json');
  const children = target.children ?? [];
  const close = target.offset + target.length - 1;
  const last = children[children.length - 1];
  if (!last) {
    // `{}` or `{ }`: the members on their own lines, one step deeper than the line of the brace.
    const indent = indentOfLine(text, target.offset);
    const body = members.map(([k, v]) => `${indent}${unit}${JSON.stringify(k)}: ${jsonBlock(v, indent + unit, unit, eol, false)}`).join(`,${eol}`);
    return { offset: target.offset + 1, length: close - target.offset - 1, newText: `${eol}${body}${eol}${indent}` };
  }
  const end = last.offset + last.length;
  if (sameLine(text, target.offset, close)) {
    // `{ "a": 1 }`: stays on one line.
    const entries = members.map(([k, v]) => `${JSON.stringify(k)}: ${jsonBlock(v, '', unit, eol, true)}`).join(', ');
    return { offset: end, length: 0, newText: `, ${entries}` };
  }
  // Several lines: after the last member, at the indentation of the members (of the last one's line).
  const indent = sameLine(text, target.offset, last.offset) ? indentOfLine(text, target.offset) + unit : indentOfLine(text, last.offset);
  const body = members.map(([k, v]) => `${indent}${JSON.stringify(k)}: ${jsonBlock(v, indent, unit, eol, false)}`).join(`,${eol}`);
  return { offset: end, length: 0, newText: `,${eol}${body}` };
}

/**
 * The edit removing the member `property` from its JSON object: the comma before the next member (or after the
 * previous one) goes with it; an only member leaves `{}`.
 */
export const jsonRemoveMember = (property: AstNode): OffsetEdit | undefined => removeDelimitedMember(property);

// Edits in JSON text that keep the user's layout: new members of an object, on one line or one per line at the
// document's indentation. yaml/edits.ts is its YAML twin.
import type { AstNode, OffsetEdit } from '../core/types';

const lineStart = (text: string, offset: number) => text.lastIndexOf('\n', offset - 1) + 1;
const indentOfLine = (text: string, offset: number) => /^[ \t]*/.exec(text.slice(lineStart(text, offset), offset))![0];
const sameLine = (text: string, a: number, b: number) => !/\n/.test(text.slice(a, b));

/** The document's indentation step: the smallest indentation of an indented line (2 spaces when none). */
function indentUnit(text: string): string {
  if (/^\t/m.test(text)) return '\t';
  let unit = Infinity;
  const re = /^( +)\S/gm;
  for (let m = re.exec(text); m && unit > 1; m = re.exec(text)) unit = Math.min(unit, m[1].length);
  return ' '.repeat(Number.isFinite(unit) ? unit : 2);
}

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
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const unit = indentUnit(text);
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

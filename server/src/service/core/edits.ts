// What JSON and YAML edits have in common: the line break and indentation step a document already uses (so new
// text is written like the text around it), and removing a member from between commas (a JSON object, a YAML flow
// mapping). json/edits.ts and yaml/edits.ts build on it; they may not import each other.
import type { AstNode, DocumentLanguage, OffsetEdit } from './types';

/** The document's line break: `\r\n` when it has one, a lone `\r` when it has only those, else `\n`. */
export const eolOf = (text: string): string => (text.includes('\r\n') ? '\r\n' : text.includes('\r') && !text.includes('\n') ? '\r' : '\n');

// A document keeps one indentation step throughout, and completion asks for it on every keystroke: its head is enough.
const INDENT_SAMPLE = 20_000;

/**
 * The document's indentation step: the smallest indentation of an indented line among its first 20,000 characters
 * (2 spaces when none). A JSON document with a line indented by a tab gets a tab; YAML never indents with tabs.
 */
export function indentUnit(text: string, language: DocumentLanguage): string {
  const head = text.length > INDENT_SAMPLE ? text.slice(0, INDENT_SAMPLE) : text;
  if (language === 'json' && /^\t/m.test(head)) return '\t';
  let unit = Infinity;
  const re = /^( +)\S/gm;
  for (let m = re.exec(head); m && unit > 1; m = re.exec(head)) unit = Math.min(unit, m[1].length);
  return ' '.repeat(Number.isFinite(unit) ? unit : 2);
}

/**
 * The edit removing the member `property` from an object whose members are separated by commas (JSON, a YAML flow
 * mapping). The comma before the next member (or after the previous one) goes with it, so the others keep their
 * layout; an only member leaves `{}`. Offsets alone decide: no syntax is read.
 */
export function removeDelimitedMember(property: AstNode): OffsetEdit | undefined {
  const object = property.parent;
  const siblings = object?.children ?? [];
  const i = siblings.indexOf(property);
  if (!object || i < 0) return undefined;
  const start = property.offset;
  const end = property.offset + property.length;
  const next = siblings[i + 1];
  const previous = siblings[i - 1];
  if (next) return { offset: start, length: next.offset - start, newText: '' };
  if (previous) return { offset: previous.offset + previous.length, length: end - previous.offset - previous.length, newText: '' };
  return { offset: object.offset + 1, length: object.length - 2, newText: '' };
}

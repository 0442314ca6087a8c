// The keys written at a member's indentation around it, read from the text: a half-typed member (`"` on a line of
// its own) makes the JSON parser lose the members after it, so completion would offer a key the object already has
// (walk37: RoleArn, on the next line). Pretty-printed JSON only: members at one column, the object's braces less.
import { lineStart } from '../core/text';

const KEY = /^"((?:[^"\\\n]|\\.)*)"\s*:/;
const MAX_LINES = 5000;

/** The keys (their `.$` dropped) of the lines at the indentation of the line holding `offset`, up and down to the first line indented less. */
export function jsonSiblingKeys(text: string, offset: number): string[] {
  const start = lineStart(text, offset);
  let col = 0;
  while (text[start + col] === ' ' || text[start + col] === '\t') col++;
  const keys: string[] = [];
  // One line: true to go on (blank, deeper, or a key at the column), false at a line indented less.
  const read = (from: number, to: number): boolean => {
    let indent = 0;
    while (text[from + indent] === ' ' || text[from + indent] === '\t') indent++;
    if (from + indent >= to) return true;
    if (indent < col) return false;
    if (indent > col) return true;
    const key = KEY.exec(text.slice(from + indent, Math.min(to, from + indent + 1000)));
    if (key) keys.push(key[1].replace(/\.\$$/, ''));
    return true;
  };
  for (let end = start - 1, n = 0; end >= 0 && n < MAX_LINES; n++) {
    const from = lineStart(text, end);
    if (!read(from, end)) break;
    end = from - 1;
  }
  for (let from = text.indexOf('\n', offset) + 1, n = 0; from > 0 && from < text.length && n < MAX_LINES; n++) {
    const next = text.indexOf('\n', from);
    const to = next < 0 ? text.length : next;
    if (!read(from, to)) break;
    from = to + 1;
  }
  return keys;
}

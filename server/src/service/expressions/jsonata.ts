// JSONata `{% … %}` expressions: detected here, once, for both sides; parsed with the jsonata package itself, so
// the syntax is exactly Step Functions'.
import jsonata from 'jsonata';
import { scanPlaceholders } from './placeholders';
import type { ExpressionError } from './types';

const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\n' || c === '\r' || /\s/.test(c);

/** Where the expression of a whole-string `{% … %}` lies (surrounding whitespace allowed): [from, to) of its body. */
export function jsonataRange(s: string): { from: number; to: number } | undefined {
  let a = 0;
  let b = s.length;
  while (a < b && isSpace(s[a])) a++;
  while (b > a && isSpace(s[b - 1])) b--;
  if (b - a < 4 || !s.startsWith('{%', a) || !s.startsWith('%}', b - 2)) return undefined;
  return { from: a + 2, to: b - 2 };
}

/** A whole-string JSONata expression: `{% … %}` (surrounding whitespace allowed). */
export const isJsonata = (s: string): boolean => jsonataRange(s) !== undefined;

/** The expression between `{%` and `%}` of a whole-string JSONata value, or undefined when it is not one. */
export function jsonataBody(s: string): string | undefined {
  const r = jsonataRange(s);
  return r && s.slice(r.from, r.to);
}

interface JsonataError {
  code?: string;
  position?: number;
  token?: string;
  message?: string;
}

// Errors about something never closed: the jsonata parser reports them at the end; the opener is the useful place.
const UNCLOSED: Record<string, string> = { S0101: `"'`, S0105: '`', S0106: '/*' };

function maskPlaceholders(body: string): string {
  const found = scanPlaceholders(body);
  if (!found.length) return body;
  let out = '';
  let at = 0;
  for (const p of found) {
    out += body.slice(at, p.start) + '$' + '_'.repeat(p.end - p.start - 1);
    at = p.end;
  }
  return out + body.slice(at);
}

/** Parses the expression between `{%` and `%}`; a syntax error is placed at its position in the string. */
export function checkJsonata(value: string): ExpressionError | undefined {
  const open = value.indexOf('{%');
  const close = value.lastIndexOf('%}');
  if (open < 0 || close < open + 2) return undefined;
  const from = open + 2;
  // A template placeholder inside the expression (`{% ${IsEnabled} = true %}`) is replaced as text before Step
  // Functions sees it: read as a variable of the same length, so the rest is still checked in place.
  const body = maskPlaceholders(value.slice(from, close));
  const error = (start: number, end: number, message: string): ExpressionError => ({ start, end, message, code: 'invalid-jsonata' });
  if (!body.trim()) return error(open, close + 2, 'Empty JSONata expression: write an expression between {% and %}');
  try {
    jsonata(body);
    return undefined;
  } catch (e) {
    // Nested deeper than the jsonata parser's recursion can go: not a syntax error, just not checkable here.
    if (e instanceof RangeError || !e || typeof e !== 'object') return undefined;
    const { code = '', position, token, message = 'invalid expression' } = e as JsonataError;
    const text = `JSONata syntax error: ${message.replace(/^Syntax error: (.*)$/, '$1 is not expected here')}`;
    if (UNCLOSED[code]) {
      const opener = UNCLOSED[code] === '/*' ? body.lastIndexOf('/*') : Math.max(...[...UNCLOSED[code]].map((q) => body.lastIndexOf(q)));
      return opener >= 0 ? error(from + opener, close, text) : error(close, close + 2, text);
    }
    // The expression ended too early: point at the %} where more was expected.
    if (token === '(end)' || typeof position !== 'number') return error(close, close + 2, text);
    // Otherwise position is just after the offending token.
    const length = Math.max(1, token?.length ?? 1);
    const start = Math.max(0, Math.min(body.length - 1, position - length));
    return error(from + start, Math.min(close, from + start + length), text);
  }
}

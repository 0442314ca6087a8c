// JSONata `{% … %}` expressions, parsed with the jsonata package itself, so the syntax is exactly Step Functions'.
import jsonata from 'jsonata';
import type { ExpressionError } from './types';

/** A whole-string JSONata expression: `{% … %}` (surrounding whitespace allowed). */
export const isJsonata = (s: string): boolean => /^\s*\{%[\s\S]*%\}\s*$/.test(s);

/** Parses the expression between `{%` and `%}`; a syntax error is placed at its position in the string. */
export function checkJsonata(value: string): ExpressionError | undefined {
  const open = value.indexOf('{%');
  const close = value.lastIndexOf('%}');
  if (open < 0 || close < open + 2) return undefined;
  const body = value.slice(open + 2, close);
  if (!body.trim()) return { start: open, end: close + 2, message: 'Empty JSONata expression: write an expression between {% and %}', code: 'invalid-jsonata' };
  try {
    jsonata(body);
    return undefined;
  } catch (e) {
    // Nested deeper than the jsonata parser's recursion can go: not a syntax error, just not checkable here.
    if (e instanceof RangeError) return undefined;
    const { position, message, token } = e as { position?: number; message?: string; token?: string };
    // jsonata reports the position just after the offending token (1-based); point at the token itself.
    const at = typeof position === 'number' ? Math.max(0, Math.min(body.length - 1, position - Math.max(1, token?.length ?? 1))) : 0;
    const start = open + 2 + at;
    return { start, end: Math.min(close, start + Math.max(1, token?.length ?? 1)), message: `JSONata syntax error: ${message ?? 'invalid expression'}`, code: 'invalid-jsonata' };
  }
}

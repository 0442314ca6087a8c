// TEMPORARY minimal checks until server/src/service/expressions/ (the real JSONPath/intrinsic parser) lands.
export interface ExpressionError { start: number; end: number; message: string; code: 'invalid-path' | 'invalid-intrinsic' | 'invalid-jsonata' }
export function checkDynamicValue(value: string): ExpressionError | undefined {
  if (/^\$/.test(value) || /^States\.[A-Za-z]+\(.*\)$/s.test(value)) return undefined;
  return { start: 0, end: value.length, message: `${JSON.stringify(value)} is not a JSONPath ($… or $$…) or an intrinsic function call (States.…)`, code: 'invalid-path' };
}
export function staticMaxLength(value: string): number | undefined {
  return value === '$$.Execution.Name' ? 80 : undefined;
}
export function sourceOffset(raw: string, index: number): number {
  return Math.min(raw.length, index + 1);
}

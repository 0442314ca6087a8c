// Expressions inside ASL strings: JSONPath, intrinsic functions and JSONata. Pure functions over a string value;
// callers map positions into the document with sourceOffset.
import { parseIntrinsic, type Arg } from './intrinsics';
import { checkJsonPath, type PathKind } from './jsonpath';
import type { ExpressionError } from './types';

export type { ExpressionError } from './types';
export { checkJsonata, isJsonata } from './jsonata';
export { INTRINSICS } from './intrinsics';

/** The value of a `"X.$"` key: a JSONPath (`$…`), a context path (`$$…`), a variable, or an intrinsic function call. */
export function checkDynamicValue(value: string): ExpressionError | undefined {
  if (value.startsWith('States.')) {
    const r = parseIntrinsic(value);
    return 'kind' in r ? undefined : r;
  }
  if (value.startsWith('$')) return checkJsonPath(value, 'path');
  return {
    start: 0,
    end: value.length,
    message: `${JSON.stringify(value.slice(0, 60))} is not a JSONPath ($…, $$…) or an intrinsic function (States.…); a key ending in .$ takes one of those`,
    code: 'invalid-path',
  };
}

/** A path field: InputPath, OutputPath, ItemsPath… (`path`) or ResultPath (`reference`). */
export function checkPath(value: string, kind: PathKind): ExpressionError | undefined {
  return checkJsonPath(value, kind);
}

// Documented maximum lengths of context values (execution, state machine and state names: 1–80 characters).
const CONTEXT_MAX: Record<string, number> = {
  '$$.Execution.Name': 80,
  '$$.StateMachine.Name': 80,
  '$$.State.Name': 80,
};

function argMax(a: Arg): number | undefined {
  switch (a.kind) {
    case 'string':
      return a.value.length;
    case 'number':
    case 'literal':
      return a.text.length;
    case 'path':
      return CONTEXT_MAX[a.text];
    case 'call':
      return callMax(a);
  }
}

function callMax(c: Extract<Arg, { kind: 'call' }>): number | undefined {
  if (c.name === 'States.UUID') return 36;
  if (c.name === 'States.Format' && c.args[0]?.kind === 'string') {
    let total = c.args[0].value.length - 2 * (c.args.length - 1); // the {} placeholders are replaced
    for (const a of c.args.slice(1)) {
      const m = argMax(a);
      if (m === undefined) return undefined;
      total += m;
    }
    return total;
  }
  return undefined;
}

/**
 * An upper bound on the length of the string a dynamic value produces, when it can be known statically
 * (`$$.Execution.Name` → 80, `States.UUID()` → 36, `States.Format('job-{}', $$.Execution.Name)` → 84); else undefined.
 */
export function staticMaxLength(value: string): number | undefined {
  if (value.startsWith('States.')) {
    const r = parseIntrinsic(value);
    return 'kind' in r ? callMax(r) : undefined;
  }
  return CONTEXT_MAX[value];
}

/**
 * Maps an index into a string's decoded value to an index into its source text: a JSON string literal (starting
 * with `"`, with escapes), a YAML single-quoted ('' escapes) or double-quoted scalar, or a plain scalar (identity).
 */
export function sourceOffset(raw: string, valueIndex: number): number {
  const q = raw[0];
  if (q !== '"' && q !== "'") return Math.min(valueIndex, raw.length);
  let i = 1;
  for (let n = 0; n < valueIndex && i < raw.length - 1; n++) {
    if (q === '"' && raw[i] === '\\') i += raw[i + 1] === 'u' ? 6 : 2;
    else if (q === "'" && raw[i] === "'" && raw[i + 1] === "'") i += 2;
    else i++;
  }
  return i;
}

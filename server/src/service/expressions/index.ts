// Expressions inside ASL strings: JSONPath, intrinsic functions and JSONata. Pure functions over a string value;
// callers map positions into the document with sourceOffset.
import { HASH_LENGTHS, parseIntrinsic, type Arg, type Call } from './intrinsics';
import { checkJsonPath, type PathKind } from './jsonpath';
import type { ExpressionError } from './types';

export type { ExpressionError } from './types';
export { checkJsonata, isJsonata } from './jsonata';
export { INTRINSICS, parseIntrinsic } from './intrinsics';
export type { PathKind } from './jsonpath';

/** The value of a `"X.$"` key: a JSONPath (`$…`), a context path (`$$…`), a variable, or an intrinsic function call. */
export function checkDynamicValue(value: string): ExpressionError | undefined {
  const lead = value.length - value.trimStart().length;
  if (value.startsWith('States.', lead)) {
    const r = parseIntrinsic(value);
    return 'kind' in r ? undefined : r;
  }
  if (value.startsWith('$', lead)) return checkJsonPath(value, 'path');
  return {
    start: 0,
    end: value.length,
    message: `${JSON.stringify(value.slice(0, 60))} is not a JSONPath ($…, $$…) or an intrinsic function (States.…); a key ending in .$ takes one of those`,
    code: 'invalid-path',
  };
}

/** A path field: InputPath, OutputPath, ItemsPath… (`path`) or ResultPath (`reference`: names and indexes only). */
export function checkPath(value: string, kind: PathKind): ExpressionError | undefined {
  return checkJsonPath(value, kind);
}

/** Whether a plain value was probably meant as an expression (a path or an intrinsic call), e.g. to suggest a `.$` key. */
export const looksLikePath = (value: string): boolean => /^\s*(\$\$?([.[]|\s*$)|\$[A-Za-z_]\w*[.[]|States\.[A-Za-z0-9]+\s*\()/.test(value);

// Upper bounds on the context object's string values. Names of executions, state machines and states are 1–80
// characters (StartExecution / CreateStateMachine / ASL state names); timestamps are ISO 8601 with milliseconds
// ("2019-03-26T20:14:13.192Z"). Others (ARNs, task tokens, the input) are left unbounded.
const CONTEXT_MAX: Record<string, number> = {
  '$$.Execution.Name': 80,
  '$$.StateMachine.Name': 80,
  '$$.State.Name': 80,
  '$$.Execution.StartTime': 24,
  '$$.State.EnteredTime': 24,
};
// Integers (retry counts, Map indexes, MathAdd/MathRandom/ArrayLength results) are Java ints: at most 11 characters.
const INT_MAX_LENGTH = 11;
const INT_CONTEXT = new Set(['$$.State.RetryCount', '$$.Map.Item.Index', '$$.Execution.RedriveCount']);
const INT_FUNCTIONS = new Set(['States.MathAdd', 'States.MathRandom', 'States.ArrayLength']);

function argMax(a: Arg): number | undefined {
  switch (a.kind) {
    case 'string':
      return a.value.length;
    case 'number':
    case 'literal':
      return a.text.length;
    case 'path':
      return contextMax(a.text);
    case 'call':
      return callMax(a);
  }
}

const contextMax = (path: string): number | undefined => CONTEXT_MAX[path.trim()] ?? (INT_CONTEXT.has(path.trim()) ? INT_MAX_LENGTH : undefined);

function callMax(c: Call): number | undefined {
  if (c.name === 'States.UUID') return 36;
  if (INT_FUNCTIONS.has(c.name)) return INT_MAX_LENGTH;
  if (c.name === 'States.Hash') return c.args[1]?.kind === 'string' ? HASH_LENGTHS[c.args[1].value] : undefined;
  if (c.name === 'States.Base64Encode') {
    // Base64 of n characters: at most 3n UTF-8 bytes (2 UTF-16 units make at most 4 bytes), so 4n characters.
    const n = c.args[0] && argMax(c.args[0]);
    return n === undefined ? undefined : 4 * n;
  }
  if (c.name === 'States.Format' && c.args[0]?.kind === 'string') {
    let total = c.args[0].value.length - 2 * (c.args.length - 1); // each {} placeholder is replaced by a value
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
  if (value.trimStart().startsWith('States.')) {
    const r = parseIntrinsic(value);
    return 'kind' in r ? callMax(r) : undefined;
  }
  return contextMax(value);
}

/**
 * Maps an index into a string's decoded value to an index into its source text: a JSON string literal (starting
 * with `"`, with escapes), a YAML single-quoted ('' escapes) or double-quoted scalar, or a plain scalar (identity).
 */
export function sourceOffset(raw: string, valueIndex: number): number {
  const q = raw[0];
  if (q !== '"' && q !== "'") return Math.max(0, Math.min(valueIndex, raw.length));
  let i = 1;
  for (let n = 0; n < valueIndex && i < raw.length - 1; n++) {
    if (q === "'") i += raw[i] === "'" && raw[i + 1] === "'" ? 2 : 1;
    else if (raw[i] !== '\\') i++;
    else {
      const e = raw[i + 1];
      // \uXXXX (JSON and YAML), and YAML's \xXX and \UXXXXXXXX; \U beyond the BMP decodes to two UTF-16 units.
      const len = e === 'u' ? 6 : e === 'x' ? 4 : e === 'U' ? 10 : 2;
      if (e === 'U' && parseInt(raw.slice(i + 2, i + 10), 16) > 0xffff) {
        if (++n >= valueIndex) return i; // an index between the two units of one escape: the escape's start
      }
      i += len;
    }
  }
  return Math.min(i, raw.length);
}

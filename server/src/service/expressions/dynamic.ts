// The value of a `"X.$"` key: a JSONPath (`$…`), a context path (`$$…`), a variable, or an intrinsic function call.
import { Code } from '../core/codes';
import { parseIntrinsic, type Call, type ParseOptions } from './intrinsics';
import { parseJsonPath, type PathNode } from './jsonpath';
import type { ExpressionError } from './types';

/** Parses a dynamic value into a call or a path; an error when it is neither or is malformed. */
export function parseDynamicValue(value: string, options?: ParseOptions): Call | PathNode | ExpressionError {
  const lead = value.length - value.trimStart().length;
  if (value.startsWith('States.', lead)) return parseIntrinsic(value, options);
  if (value.startsWith('$', lead)) return parseJsonPath(value, 'path');
  return {
    start: 0,
    end: value.length,
    message: `${JSON.stringify(value.slice(0, 60))} is not a JSONPath ($…, $$…) or an intrinsic function (States.…); a key ending in .$ takes one of those`,
    code: Code.invalidPath,
  };
}

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
  // A path written without its `$` (`inputs.score`, `.score`, `[0].uri`): what it was meant to be is plain.
  const meant = BARE_PATH.test(value) ? (/^[.[]/.test(value) ? `$${value}` : `$.${value}`) : undefined;
  return {
    start: 0,
    end: value.length,
    message: `${JSON.stringify(value.slice(0, 60))} is not a JSONPath ($…, $$…) or an intrinsic function (States.…); a key ending in .$ takes one of those${meant ? ` (did you mean ${JSON.stringify(meant)}?)` : ''}`,
    code: Code.invalidPath,
    ...(meant ? { replacement: meant } : {}),
  };
}

/** A path of plain names and indexes with no leading `$`. */
const BARE_PATH = /^(?:[A-Za-z_][\w-]*|\.[A-Za-z_][\w-]*|\[\d+\])(?:\.[A-Za-z_][\w-]*|\[\d+\])*$/;

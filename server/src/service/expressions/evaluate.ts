// Evaluation of the values of `"X.$"` keys: a path read from the execution input, the context object or the
// variables, or an intrinsic function call, as Step Functions would when the state runs. The client uses it to
// send what the state machine would send when a job is launched from the editor.
import { checkArgValue, INTRINSIC_FUNCTIONS } from './functions';
import { parseIntrinsic, type Call, type IntrinsicArg } from './intrinsics';
import { readPath, type PathRoots } from './jsonpath';
import { parseDynamicValue } from './dynamic';
import { isExpressionError, type ExpressionError } from './types';

/** An expression that does not parse, as an Error whose message says what and where. */
class ExpressionSyntaxError extends Error {
  constructor(readonly text: string, readonly error: ExpressionError) {
    // The place matters only when the error is about part of the text.
    super(error.start === 0 && error.end === text.length ? error.message : `${error.message} (at position ${error.start} of "${text}")`);
    this.name = 'ExpressionSyntaxError';
  }
}

/** Evaluates a parsed call: arguments first, each checked against the function's table entry. */
function evaluateCall(c: Call, roots: PathRoots): unknown {
  const f = INTRINSIC_FUNCTIONS.get(c.name);
  if (!f) throw new Error(`${c.name} is not an intrinsic function; known: ${[...INTRINSIC_FUNCTIONS.keys()].join(', ')}`);
  const values = c.args.map((a) => evaluateArg(a, roots));
  values.forEach((v, i) => checkArgValue(f, i, v));
  return f.evaluate(values, c);
}

function evaluateArg(a: IntrinsicArg, roots: PathRoots): unknown {
  switch (a.kind) {
    case 'string':
    case 'number':
    case 'literal':
      return a.value;
    case 'path':
      return readPath(a, roots);
    case 'call':
      return evaluateCall(a, roots);
  }
}

/** Evaluates an intrinsic function call as written (`States.Format('{}-x', $.a)`); throws saying what fails. */
export function evaluateIntrinsic(text: string, roots: PathRoots): unknown {
  const c = parseIntrinsic(text, { check: false });
  if (isExpressionError(c)) throw new ExpressionSyntaxError(text, c);
  return evaluateCall(c, roots);
}

/** Evaluates the value of a `"X.$"` key: a path or an intrinsic function call; throws saying what fails. */
export function evaluateDynamicValue(text: string, roots: PathRoots): unknown {
  const v = parseDynamicValue(text, { check: false });
  if (isExpressionError(v)) throw new ExpressionSyntaxError(text, v);
  return v.kind === 'call' ? evaluateCall(v, roots) : readPath(v, roots);
}

/** A mistake inside an expression string; start/end are offsets into the (decoded) string value. */
export interface ExpressionError {
  start: number;
  end: number;
  message: string;
  code: 'invalid-path' | 'invalid-intrinsic' | 'invalid-jsonata';
}

/** Whether a parse result is an error rather than a tree. */
export const isExpressionError = (x: object): x is ExpressionError => 'message' in x;

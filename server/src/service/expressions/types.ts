import type { ExpressionCode } from '../core/codes';

/** A mistake inside an expression string; start/end are offsets into the (decoded) string value. */
export interface ExpressionError {
  start: number;
  end: number;
  message: string;
  code: ExpressionCode;
  /**
   * 'warning': the expression is well formed, but a documented limit of its literal arguments makes it fail when it
   * runs (States.ArrayRange with step 0); the definition itself may deploy. Absent: malformed, which AWS refuses.
   */
  severity?: 'warning';
  /** The text that mends [start, end), where one is plain: the function a misspelt name means (a quick fix writes it). */
  replacement?: string;
}

/** Whether a parse result is an error rather than a tree. */
export const isExpressionError = (x: object): x is ExpressionError => 'message' in x;

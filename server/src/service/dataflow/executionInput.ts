// The execution input, when the user gives an example of it: the shape the analysis (analysis.ts) starts from
// instead of unknown. An example file (`NAME.input.json`, ../executionInput.ts) is exact: Step Functions fails an
// execution whose path reads a field its input lacks, so a field the example does not have is reported like any
// other missing field. The input remembered from the last launch of one job is only a hint of what is there
// (that job may have needed fewer fields than the whole machine does): its objects stay open, so it adds
// completion and hover and never a warning.
import { literalShape, type Shape } from './shapes';

const examples = new WeakSet<Shape>();

/** The shape of an example execution input `value`; `origin` names it in hover and messages. */
export function exampleInputShape(value: unknown, origin: string, exact: boolean): Shape {
  const shape = literalShape(value, origin, !exact);
  examples.add(shape);
  return shape;
}

/** Whether `shape` is an example execution input as given (nothing upstream replaced it). */
export const isExampleInput = (shape: Shape): boolean => examples.has(shape);

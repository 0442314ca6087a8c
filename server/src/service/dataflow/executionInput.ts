// The execution input, when the user gives an example of it: the shape the analysis (analysis.ts) starts from
// instead of unknown. An example file (`NAME.input.json`, ../executionInput.ts) is exact: Step Functions fails an
// execution whose path reads a field its input lacks, so a field the example does not have is reported like any
// other missing field. The input remembered from the last launch of one job is only a hint of what is there
// (that job may have needed fewer fields than the whole machine does): its objects stay open, so it adds
// completion and hover and never a warning.
import { literalShape, lazyArray, joinAll, type Field, type Shape } from './shapes';

const examples = new WeakSet<Shape>();

/** The shape of an example execution input `value`; `origin` names it in hover and messages. */
export function exampleInputShape(value: unknown, origin: string, exact: boolean): Shape {
  const shape = exact ? literalShape(value, origin) : openShape(value, origin);
  examples.add(shape);
  return shape;
}

/** Whether `shape` is an example execution input as given (nothing upstream replaced it). */
export const isExampleInput = (shape: Shape): boolean => examples.has(shape);

/** Like literalShape, with every object open; built level by level as paths read it (no recursion over the value). */
function openShape(value: unknown, origin?: string): Shape {
  if (value === null) return { kind: 'primitive', type: 'null', origin };
  if (Array.isArray(value)) return lazyArray(() => joinAll(value.map((v) => openShape(v))), () => value.map((v) => openShape(v)), origin);
  if (typeof value === 'object') {
    const fields = new Map<string, Field>();
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const type = v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v;
      let shape: Shape | undefined;
      fields.set(k, { shape: () => (shape ??= openShape(v)), type });
    }
    return { kind: 'object', fields, open: true, origin };
  }
  return { kind: 'primitive', type: typeof value, origin };
}

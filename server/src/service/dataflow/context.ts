// The context object (`$$` in JSONPath) as the developer guide documents it ("Accessing execution data from the
// Context object"): Execution, State, StateMachine, Task, and Map.Item in a Map's ItemSelector. Its parts are
// open: "sometimes new fields are added to the context", so a name they do not list is reported only when it is a
// near miss of one they do (`$$.Execution.Nmae`). `Execution.Input` is the execution input (unknown unless an
// example is given, as for `$` at the start); `Map.Item.Value` is the Map's item where the analysis knows it.
import { CONTEXT_FIELDS } from '../expressions/context';
import { UNKNOWN, type Field, type ObjectShape, type Shape } from './shapes';

const parts = new WeakSet<Shape>();

/** Whether `shape` is a part of the context object itself (not a value it holds, such as the execution input). */
export const isContextPart = (shape: Shape): boolean => parts.has(shape);

function part(members: Map<string, Field>, origin?: string): ObjectShape {
  const shape: ObjectShape = { kind: 'object', fields: members, open: true, ...(origin ? { origin } : {}) };
  parts.add(shape);
  return shape;
}

/**
 * The context object from its documented fields (expressions/context.ts), the execution input at Execution.Input
 * and the Map's item at Map.Item.Value. A part's fields are made before the part (innermost first).
 */
function build(input: Shape, item: Shape | undefined): Shape {
  const paths = Object.keys(CONTEXT_FIELDS);
  const members = new Map<string, Map<string, Field>>([['', new Map()]]);
  for (const path of paths) if (CONTEXT_FIELDS[path].type === 'object') members.set(path, new Map());
  const shapes = new Map<string, Shape>();
  for (const path of [...paths].reverse()) {
    const own = members.get(path);
    shapes.set(path, path === 'Execution.Input' ? input : path === 'Map.Item.Value' ? (item ?? UNKNOWN) : own ? part(own) : { kind: 'primitive', type: CONTEXT_FIELDS[path].type });
  }
  // Each part's fields in the guide's order (what completion offers).
  for (const path of paths) {
    const dot = path.lastIndexOf('.');
    const shape = shapes.get(path)!;
    members.get(dot < 0 ? '' : path.slice(0, dot))!.set(path.slice(dot + 1), { shape: () => shape, type: shape.kind === 'primitive' ? shape.type : shape.kind, doc: CONTEXT_FIELDS[path].doc });
  }
  return part(members.get('')!, 'the context object');
}

// One context per execution input outside a Map's ItemSelector: the same object for every slot, so what was found
// for a slot is kept while its shapes are the same (validation.ts).
const byInput = new WeakMap<Shape, Shape>();

/** The context object where the execution input is `input`, and in a Map's ItemSelector, the Map's `item`. */
export function contextShape(input: Shape, item?: Shape): Shape {
  if (item && item.kind !== 'unknown') return build(input, item);
  let c = byInput.get(input);
  if (!c) byInput.set(input, (c = build(input, undefined)));
  return c;
}

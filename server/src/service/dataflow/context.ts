// The context object (`$$` in JSONPath) as the developer guide documents it ("Accessing execution data from the
// Context object"): Execution, State, StateMachine, Task, and Map.Item in a Map's ItemSelector. Its parts are
// open: "sometimes new fields are added to the context", so a name they do not list is reported only when it is a
// near miss of one they do (`$$.Execution.Nmae`). `Execution.Input` is the execution input (unknown unless an
// example is given, as for `$` at the start); `Map.Item.Value` is the Map's item where the analysis knows it.
import { UNKNOWN, type Field, type ObjectShape, type Shape } from './shapes';

const parts = new WeakSet<Shape>();

/** Whether `shape` is a part of the context object itself (not a value it holds, such as the execution input). */
export const isContextPart = (shape: Shape): boolean => parts.has(shape);

const leaf = (type: string, doc: string): Field => {
  const shape: Shape = { kind: 'primitive', type };
  return { shape: () => shape, type, doc };
};

function part(members: Record<string, Field>, origin?: string): ObjectShape {
  const shape: ObjectShape = { kind: 'object', fields: new Map(Object.entries(members)), open: true, ...(origin ? { origin } : {}) };
  parts.add(shape);
  return shape;
}

const objectField = (shape: Shape, doc: string): Field => ({ shape: () => shape, type: shape.kind === 'unknown' ? 'unknown' : shape.kind, doc });

function build(input: Shape, item: Shape | undefined): Shape {
  const execution = part({
    Id: leaf('string', 'The execution ARN.'),
    Input: objectField(input, "The execution's input."),
    Name: leaf('string', 'The name of the execution.'),
    RoleArn: leaf('string', 'The ARN of the role the execution runs with.'),
    StartTime: leaf('string', 'When the execution started (ISO 8601).'),
    RedriveCount: leaf('number', 'How many times the execution was redriven.'),
    RedriveTime: leaf('string', 'When the execution was last redriven (ISO 8601); only after a redrive.'),
  });
  const state = part({
    EnteredTime: leaf('string', 'When the current state was entered (ISO 8601).'),
    Name: leaf('string', 'The name of the current state.'),
    RetryCount: leaf('number', 'How many times the current state was retried.'),
  });
  const stateMachine = part({ Id: leaf('string', 'The state machine ARN.'), Name: leaf('string', 'The name of the state machine.') });
  const task = part({ Token: leaf('string', 'The task token (a .waitForTaskToken integration).') });
  const mapItem = part({ Index: leaf('number', "The item's index in the array."), Value: objectField(item ?? UNKNOWN, "The item's value.") });
  const map = part({ Item: objectField(mapItem, 'The item a Map iteration processes (in the ItemSelector).') });
  return part(
    {
      Execution: objectField(execution, 'The execution.'),
      State: objectField(state, 'The current state.'),
      StateMachine: objectField(stateMachine, 'The state machine.'),
      Task: objectField(task, 'The task.'),
      Map: objectField(map, 'The Map state (in its ItemSelector).'),
    },
    'the context object',
  );
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

// The context object's fields (`$$` in JSONPath, `$states.context` in JSONata), as the developer guide documents them
// ("Accessing execution data from the Context object"), once: their type and meaning (hover, completion and the
// data flow, dataflow/context.ts), and what their values are known to be (length bounds, characters always there),
// which the checks of a value built from them read.
import { INT_MAX_LENGTH } from './functions';

export interface ContextField {
  type: 'string' | 'number' | 'object';
  doc: string;
  /** The longest its value can be as text: names are 1–80 characters, timestamps ISO 8601 with milliseconds. */
  max?: number;
  /** As long as nothing in the text rules out: an unnamed execution's name is a 36-character UUID. */
  shown?: number;
  /** Characters it always holds: an ARN starts "arn:", a timestamp reads "2019-03-26T20:14:13.192Z". */
  always?: string;
}

/** By path from the context object's root (`Execution.Name`), parts before their fields, in the guide's order. */
export const CONTEXT_FIELDS: Readonly<Record<string, ContextField>> = {
  Execution: { type: 'object', doc: 'The execution.' },
  'Execution.Id': { type: 'string', doc: 'The execution ARN.', always: 'arn:' },
  'Execution.Input': { type: 'object', doc: "The execution's input." },
  'Execution.Name': { type: 'string', doc: 'The name of the execution.', max: 80, shown: 36 },
  'Execution.RoleArn': { type: 'string', doc: 'The ARN of the role the execution runs with.', always: 'arn:' },
  'Execution.StartTime': { type: 'string', doc: 'When the execution started (ISO 8601).', max: 24, always: '-T:.Z' },
  'Execution.RedriveCount': { type: 'number', doc: 'How many times the execution was redriven.' },
  'Execution.RedriveTime': { type: 'string', doc: 'When the execution was last redriven (ISO 8601); only after a redrive.' },
  State: { type: 'object', doc: 'The current state.' },
  'State.EnteredTime': { type: 'string', doc: 'When the current state was entered (ISO 8601).', max: 24, always: '-T:.Z' },
  'State.Name': { type: 'string', doc: 'The name of the current state.', max: 80, shown: 1 },
  'State.RetryCount': { type: 'number', doc: 'How many times the current state was retried.' },
  StateMachine: { type: 'object', doc: 'The state machine.' },
  'StateMachine.Id': { type: 'string', doc: 'The state machine ARN.', always: 'arn:' },
  'StateMachine.Name': { type: 'string', doc: 'The name of the state machine.', max: 80, shown: 1 },
  Task: { type: 'object', doc: 'The task.' },
  'Task.Token': { type: 'string', doc: 'The task token (a .waitForTaskToken integration).' },
  Map: { type: 'object', doc: 'The Map state (in its ItemSelector).' },
  'Map.Item': { type: 'object', doc: 'The item a Map iteration processes (in the ItemSelector).' },
  'Map.Item.Index': { type: 'number', doc: "The item's index in the array." },
  'Map.Item.Value': { type: 'object', doc: "The item's value." },
};

/** The field a `$$.…` path names, if the guide documents it. */
const fieldOf = (path: string): ContextField | undefined => {
  const p = path.trim();
  return p.startsWith('$$.') ? CONTEXT_FIELDS[p.slice(3)] : undefined;
};

/**
 * What the text itself says of the context where a value is evaluated: the name of the state whose field holds it
 * (`$$.State.Name`, the state's own name also inside a Map's or Parallel's branches). Nothing else is known before
 * the execution: its name, the machine's name and the ARNs are chosen when it is created or started.
 */
export interface KnownContext {
  stateName?: string;
}

/** The value of a context path that the text shows (`$$.State.Name` with the state's name known), else undefined. */
export const contextValue = (path: string, known: KnownContext | undefined): string | undefined =>
  known?.stateName !== undefined && path.trim() === '$$.State.Name' ? known.stateName : undefined;

/** The longest a context path's value can be as text (integers: a Java int's 11 characters); else undefined. */
export const contextMax = (path: string, known?: KnownContext): number | undefined => {
  const value = contextValue(path, known);
  if (value !== undefined) return value.length;
  const f = fieldOf(path);
  return f?.type === 'number' ? INT_MAX_LENGTH : f?.max;
};

/** As long as nothing in the text rules out (contextMax where nothing shorter is usual). */
export const contextShown = (path: string, known?: KnownContext): number | undefined =>
  contextValue(path, known)?.length ?? fieldOf(path)?.shown ?? contextMax(path);

/** Characters a context path's value always holds, or ''. */
export const contextAlways = (path: string): string => fieldOf(path)?.always ?? '';

// What the data-flow analysis knows about a JSON value: its shape. `unknown` is the honest answer whenever the
// text does not tell (the execution input, a Lambda's result, a JSONata expression); an object is `open` when
// fields other than the listed ones may be there (something unknown was merged into it). Only a closed object
// lets a check say "this field cannot be there". The kind is certain (an array is an array whenever the state runs),
// unless the shape is only a `hint` (the input of one launch): only then can a path not tell "this is no object"
// or "this is no array". Shapes of the SageMaker results come from the generated schemas/sagemaker/outputs.json
// (the optimized integrations) and sdk-outputs.json (every operation, for the AWS SDK integration) and are built
// lazily, member by member, when a path reads them.
import { sageMakerOutputs, sageMakerSdkOutputs } from '../../../../schemas/sagemaker';
import { hasPlaceholder, wholePlaceholder } from '../expressions/placeholders';

export type Shape = UnknownShape | ObjectShape | ArrayShape | PrimitiveShape;

export interface UnknownShape {
  kind: 'unknown';
}

export interface Field {
  shape: () => Shape;
  /** The AWS model's shape name or a JSON type, for completion and hover. */
  type: string;
  doc?: string;
  /** A payload template's `"name.$": "$.a.b"` field: the plain path its value is read from (`$.a.b`), for messages. */
  from?: string;
}

export interface ObjectShape {
  kind: 'object';
  fields: Map<string, Field>;
  /** Other fields may be there too. */
  open: boolean;
  /** Whose value this is, e.g. "Train's result (DescribeTrainingJob)", for hover and messages. */
  origin?: string;
  /** For a request-response result: what the `.sync` integration would return instead, for messages. */
  syncResult?: { shape: ObjectShape; operation: string };
  hint?: true;
}

export interface ArrayShape {
  kind: 'array';
  items: Shape;
  /** A fixed list (a Parallel's branch outputs, a literal array, an example's array): element by element. */
  tuple?: Shape[];
  /** The tuple is all there is (a Parallel's outputs, an array written in the definition): no element past it. */
  exact?: true;
  origin?: string;
  hint?: true;
}

export interface PrimitiveShape {
  kind: 'primitive';
  type: string;
  /** A string's text where the definition writes it (a Pass Result, an Assign): every value joined had it. */
  text?: string;
  /** A number's value where the definition writes it, as `text`. */
  number?: number;
  origin?: string;
  hint?: true;
}

/**
 * Only a hint of what may be there (what one launch's input held): another execution may bring another kind of
 * value, so it never tells that a value is not an object or not an array.
 */
export const isHint = (s: Shape): boolean => s.kind !== 'unknown' && s.hint === true;

/** A shape in words, for messages: "a string", "an array", "an object". */
export function describeShape(shape: Shape): string {
  if (shape.kind === 'primitive') return `a ${shape.type}`;
  return shape.kind === 'array' ? 'an array' : 'an object';
}

/** The same, with a string's text where the definition writes it and it is short: `the string "ten"`. */
export const describeValue = (shape: Shape): string =>
  shape.kind === 'primitive' && shape.text !== undefined && shape.text.length <= 40 ? `the string ${JSON.stringify(shape.text)}` : describeShape(shape);

/**
 * Whether a value of this shape is, for sure, no number where a number must be (a setting's path, a Wait's Seconds):
 * a string only where its text is known and reads as no number ("1" does: AWS ran a Map whose MaxConcurrencyPath read
 * "1", LocalStack's test_reference_in_map_state recorded against AWS); no value of another JSON type does.
 */
export function surelyNoNumber(s: Shape): boolean {
  if (s.kind === 'unknown' || isHint(s)) return false;
  if (s.kind !== 'primitive') return true;
  // As JavaScript reads a number in text ("1e3" and " 5 " too: the review of the day): a reading that leans to no warning.
  if (s.type === 'string') return s.text !== undefined && (s.text.trim() === '' || !Number.isFinite(Number(s.text)));
  return s.type === 'boolean';
}

export const UNKNOWN: UnknownShape = { kind: 'unknown' };
export const EMPTY_OBJECT = (): ObjectShape => ({ kind: 'object', fields: new Map(), open: false });

export const field = (shape: Shape, type = typeName(shape), doc?: string): Field => ({ shape: () => shape, type, doc });

export function typeName(s: Shape): string {
  return s.kind === 'primitive' ? s.type : s.kind;
}

/**
 * The shape of a literal JSON value (a Pass Result, a static Parameters member, an example execution input).
 * `open`: every object may hold other fields too (an input that is only a hint of what is there); `written`: the
 * value is written in the definition, so its arrays are exactly as long as written. Built level by
 * level as paths read it (the value's nesting is the user's: no recursion over it).
 */
export function literalShape(value: unknown, origin?: string, open = false, written = false): Shape {
  const hint = open ? ({ hint: true } as const) : {};
  if (value === null) return { kind: 'primitive', type: 'null', origin, ...hint };
  if (Array.isArray(value)) {
    const a = lazyArray(() => joinAll(value.map((v) => literalShape(v, undefined, open, written))), () => value.map((v) => literalShape(v, undefined, open, written)), origin);
    if (open) a.hint = true;
    // Written in the definition (a Pass state's Result): the array is all there is, element by element (df46: its
    // length was no promise, as an example input's is not).
    if (written) a.exact = true;
    return a;
  }
  if (typeof value === 'object') {
    const fields = new Map<string, Field>();
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const type = v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v;
      fields.set(k, { shape: once(() => literalShape(v, undefined, open, written)), type });
    }
    return { kind: 'object', fields, open, origin, ...hint };
  }
  // A template's placeholder written in the definition (`"Result": "${Items}"`, `${self:custom.jobs}`) is filled in
  // when it deploys: a whole one may be any JSON (the review of the day: an array read as the string), a part of a
  // string leaves a string of text not known.
  if (written && typeof value === 'string' && hasPlaceholder(value)) return wholePlaceholder(value) !== undefined ? UNKNOWN : { kind: 'primitive', type: 'string', origin };
  return { kind: 'primitive', type: typeof value, ...(typeof value === 'string' && { text: value }), ...(typeof value === 'number' && { number: value }), origin, ...hint };
}

function once<T>(f: () => T): () => T {
  let done = false;
  let v: T;
  return () => {
    if (!done) {
      v = f();
      done = true;
    }
    return v;
  };
}

/** An array whose items and elements are worked out when first read. */
function lazyArray(items: () => Shape, tuple: (() => Shape[]) | undefined, origin?: string): ArrayShape {
  const a = { kind: 'array', origin } as ArrayShape;
  const i = once(items);
  Object.defineProperty(a, 'items', { get: i, set: (v: Shape) => Object.defineProperty(a, 'items', { value: v, writable: true, enumerable: true }), enumerable: true, configurable: true });
  if (tuple) Object.defineProperty(a, 'tuple', { get: once(tuple), enumerable: true, configurable: true });
  return a;
}

export function withOrigin(s: Shape, origin: string): Shape {
  return s.kind === 'unknown' ? s : { ...s, origin };
}

// ---------------------------------------------------------------------------------------------------------------
// Joins: what a state's input is when several states lead to it. A field present on one side only may be there.

export const join = (a: Shape, b: Shape): Shape => joinAll([a, b]);

/**
 * The join of any number of shapes at once: a field's shapes are gathered and joined when first read (then kept), so
 * two thousand Assigns of one variable make one join per field read, not a chain two thousand joins deep.
 */
export function joinAll(shapes: Shape[]): Shape {
  if (shapes.length <= 1) return shapes[0] ?? UNKNOWN;
  const distinct = [...new Set(shapes)];
  if (distinct.length === 1) return distinct[0];
  if (distinct.some((s) => s.kind === 'unknown' || s.kind !== distinct[0].kind)) return UNKNOWN;
  const all = distinct as Exclude<Shape, UnknownShape>[];
  const first = all[0];
  const hint = all.some((s) => s.hint) ? ({ hint: true } as const) : {};
  const sameOrigin = all.every((s) => s.origin === first.origin);
  if (first.kind === 'object') {
    const objects = all as ObjectShape[];
    const gathered = new Map<string, Field[]>();
    for (const o of objects) for (const [k, f] of o.fields) gathered.get(k)?.push(f) ?? gathered.set(k, [f]);
    const fields = new Map<string, Field>();
    for (const [k, fs] of gathered) {
      if (fs.length === 1) fields.set(k, fs[0]);
      else fields.set(k, { shape: once(() => joinAll(fs.map((f) => f.shape()))), type: fs.every((f) => f.type === fs[0].type) ? fs[0].type : 'unknown', doc: fs.find((f) => f.doc)?.doc });
    }
    return { kind: 'object', fields, open: objects.some((o) => o.open), origin: sameOrigin ? first.origin : undefined, ...hint };
  }
  if (first.kind === 'array') {
    // Lazily: arrays nest as deep as the user wrote them.
    const arrays = all as ArrayShape[];
    const tuple = () => {
      const tuples = arrays.map((a) => a.tuple);
      if (tuples.some((t) => !t || t.length !== tuples[0]!.length)) return undefined;
      return tuples[0]!.map((_, i) => joinAll(tuples.map((t) => t![i])));
    };
    const joined = lazyArray(() => joinAll(arrays.map((a) => a.items)), () => tuple() as Shape[]);
    if (arrays.some((a) => a.hint)) joined.hint = true;
    return joined;
  }
  const primitives = all as PrimitiveShape[];
  const type = primitives[0].type;
  if (!primitives.every((p) => p.type === type)) return UNKNOWN;
  const { text, number } = primitives[0];
  const sameText = primitives.every((p) => p.text === text && p.number === number);
  if (sameOrigin && sameText && (first.hint || !primitives.some((p) => p.hint))) return first;
  return { kind: 'primitive', type, ...(sameText && text !== undefined && { text }), ...(sameText && number !== undefined && { number }), ...(sameOrigin && first.origin ? { origin: first.origin } : {}), ...hint };
}

// ---------------------------------------------------------------------------------------------------------------
// The SageMaker results, from the generated table.

type ShapeDef = { type: string; members?: Record<string, [string, string?]>; items?: string; values?: string; enum?: string[] };

interface OutputTable {
  integrations: Record<string, Record<string, { operation: string; shape: string }>>;
  shapes: Record<string, ShapeDef>;
}

interface SdkOutputTable {
  operations: Record<string, { operation: string; shape: string }>;
  shapes: Record<string, ShapeDef>;
}

/** One generated table, read on first use, and its shapes, each built once, on first read. */
class AwsShapes<T extends { shapes: Record<string, ShapeDef> }> {
  private loaded: T | undefined;
  private readonly built = new Map<string, Shape>();
  constructor(private readonly load: () => T) {}

  get table(): T {
    return (this.loaded ??= this.load());
  }

  shape(name: string): Shape {
    const cached = this.built.get(name);
    if (cached) return cached;
    const def = this.table.shapes[name];
    let s: Shape;
    if (!def) s = UNKNOWN;
    else if (def.type === 'object') {
      const fields = new Map<string, Field>();
      for (const [member, [shapeName, doc]] of Object.entries(def.members ?? {})) {
        fields.set(member, { shape: () => this.shape(shapeName), type: this.typeName(shapeName), doc });
      }
      s = { kind: 'object', fields, open: false };
    } else if (def.type === 'array') s = this.lazyItems(def.items!);
    // A map's keys are the user's: any field may be there.
    else if (def.type === 'map') s = { kind: 'object', fields: new Map(), open: true };
    else s = { kind: 'primitive', type: def.type === 'timestamp' ? 'timestamp' : def.type };
    this.built.set(name, s);
    return s;
  }

  // A few shapes refer back to themselves through a list: an array's items are resolved on first read.
  private lazyItems(name: string): Shape {
    const array = { kind: 'array' } as ArrayShape;
    Object.defineProperty(array, 'items', { get: () => this.shape(name), enumerable: true });
    return array;
  }

  private typeName(shapeName: string): string {
    const def = this.table.shapes[shapeName];
    if (!def) return 'unknown';
    if (def.type === 'object') return `${shapeName} (object)`;
    if (def.type === 'array') return `${shapeName} (array)`;
    if (def.type === 'map') return `${shapeName} (map)`;
    if (def.enum) return `string: ${def.enum.slice(0, 6).join(' | ')}${def.enum.length > 6 ? ' | …' : ''}`;
    return def.type;
  }
}

const integrationShapes = new AwsShapes(() => sageMakerOutputs() as OutputTable);
const sdkShapes = new AwsShapes(() => sageMakerSdkOutputs() as SdkOutputTable);

/**
 * The result of the Lambda integration (`arn:aws:states:::lambda:invoke`, request-response): Lambda's Invoke
 * response as Step Functions passes it on, its fields as executions recorded against AWS show them (LocalStack's
 * tests/aws/services/stepfunctions/v2, e.g. query_language: ExecutedVersion, Payload, SdkHttpMetadata,
 * SdkResponseMetadata, StatusCode), and Invoke's LogResult and FunctionError, which it may hold. The function's own
 * value, Payload, is not known here.
 */
export function lambdaInvokeResult(stateName: string): Shape {
  const string: Shape = { kind: 'primitive', type: 'string' };
  const open = (names: string[]): Shape => ({ kind: 'object', fields: new Map(names.map((n) => [n, field(UNKNOWN, 'unknown')])), open: true });
  const fields = new Map<string, Field>([
    ['ExecutedVersion', field(string, 'string', 'The version of the function that ran ($LATEST or a number).')],
    ['Payload', field(UNKNOWN, 'unknown', "What the function returned (its JSON value).")],
    ['StatusCode', field({ kind: 'primitive', type: 'number' }, 'number', 'The HTTP status code of the invocation (200).')],
    ['SdkHttpMetadata', field(open(['AllHttpHeaders', 'HttpHeaders', 'HttpStatusCode']), 'object', 'The HTTP response: AllHttpHeaders, HttpHeaders, HttpStatusCode.')],
    ['SdkResponseMetadata', field(open(['RequestId']), 'object', 'The request: RequestId.')],
    ['LogResult', field(string, 'string', 'The last 4 KB of the execution log, base64 (with "LogType": "Tail").')],
    ['FunctionError', field(string, 'string', 'Set when the function returned an error.')],
  ]);
  return { kind: 'object', fields, open: false, origin: `${stateName}'s result (lambda:invoke)` };
}

/** The result of a SageMaker integration (`createTrainingJob`, `.sync` or not), or undefined when none is known. */
export function sageMakerResult(api: string, pattern: string, stateName: string): Shape | undefined {
  const key = `${api} ${pattern}`;
  let base = results.get(key);
  if (base === undefined) results.set(key, (base = buildResult(api, pattern) ?? null));
  // The operation named once when the state is named after it: "CreateModel's result", not "… (CreateModel)".
  return base ? { ...base, origin: stateName === base.origin ? `${stateName}'s result` : `${stateName}'s result (${base.origin})` } : undefined;
}

// The result shapes by integration and pattern, built once; each state gets a copy naming it (fields are shared:
// shapes are never changed once built).
const results = new Map<string, ObjectShape | null>();

function buildResult(api: string, pattern: string): ObjectShape | undefined {
  const entry = integrationShapes.table.integrations[api]?.[pattern];
  const result = entry && withCallMetadata(integrationShapes.shape(entry.shape), entry.operation);
  if (!result) return undefined;
  const sync = pattern === 'requestResponse' ? buildResult(api, 'sync') : undefined;
  if (sync) result.syncResult = { shape: sync, operation: sync.origin! };
  return result;
}

/**
 * A response with the HTTP metadata of the call that Step Functions adds to an optimized integration's result. An
 * AWS SDK integration's result gets the two names too: whether it carries them is not documented, and reading them
 * must not be taken for a mistake. `origin` is the operation here; the callers name the state.
 */
function withCallMetadata(base: Shape, operation: string): ObjectShape | undefined {
  if (base.kind !== 'object') return undefined;
  const fields = new Map(base.fields);
  fields.set('SdkHttpMetadata', field(UNKNOWN, 'object', 'The HTTP metadata of the call, added by Step Functions.'));
  fields.set('SdkResponseMetadata', field(UNKNOWN, 'object', 'The response metadata of the call, added by Step Functions.'));
  return { kind: 'object', fields, open: false, origin: operation };
}

/**
 * The result of an AWS SDK integration action (`aws-sdk:sagemaker:describeTrainingJob`): the operation's response,
 * member names as the API writes them. Request-response only: a .waitForTaskToken task's result is what the token's
 * sender sends.
 */
export function sageMakerSdkResult(action: string, pattern: string, stateName: string): Shape | undefined {
  if (pattern !== 'requestResponse') return undefined;
  let base = sdkResults.get(action);
  if (base === undefined) {
    const { operations } = sdkShapes.table;
    const entry = Object.hasOwn(operations, action) ? operations[action] : undefined;
    sdkResults.set(action, (base = (entry && withCallMetadata(sdkShapes.shape(entry.shape), entry.operation)) ?? null));
  }
  return base ? { ...base, origin: `${stateName}'s result (${base.origin} through the AWS SDK integration)` } : undefined;
}
const sdkResults = new Map<string, ObjectShape | null>();

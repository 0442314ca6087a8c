// Reads the generated JSON Schemas (schemas/sagemaker/*.schema.json) into a graph of shapes with their
// checks precompiled (regexes built once). The code here is generic: every constraint is data from the model.
import { sageMakerSchemas, sageMakerSdkActions, sageMakerSdkSchema } from '../../../../schemas/sagemaker/index';
import { patternMatcher } from './linearPattern';

type SchemaNode = Record<string, any>;

export type ShapeKind = 'structure' | 'map' | 'list' | 'string' | 'integer' | 'number' | 'boolean' | 'timestamp';

export interface Member {
  name: string;
  shape: Shape;
  doc?: string;
  required: boolean;
  deprecated: boolean;
}

export interface Shape {
  /** The model's shape name, e.g. TrainingJobName. */
  name: string;
  kind: ShapeKind;
  doc?: string;
  members?: Map<string, Member>;
  /** Required members in model order. */
  required?: string[];
  key?: Shape;
  value?: Shape;
  items?: Shape;
  /** Length (strings), size (lists, maps) or value (numbers) bounds. */
  min?: number;
  max?: number;
  pattern?: RegExp;
  /** Whether a value matches `pattern`, in time linear in the value where V8's engine would backtrack (linearPattern.ts). */
  matches?: (value: string) => boolean;
  /** The model's own pattern, as users read it in the API reference. */
  awsPattern?: string;
  /** What the pattern allows, in words, when it is simple enough to say ("letters, digits and hyphens"). */
  patternDescription?: string;
  enum?: string[];
  /** A Smithy union (the model's `union: true`): a structure with exactly one member set. */
  union?: boolean;
  /** A Smithy integer (JSON Schema format int32) or long (int64): a signed integer of that many bits, whatever its own bounds say. */
  bits?: 32 | 64;
}

export interface Integration {
  /** Step Functions' name, e.g. createTrainingJob. */
  api: string;
  /** SageMaker's operation, e.g. CreateTrainingJob. */
  operation: string;
  supportsSync: boolean;
  apiReference: string;
  request: Shape;
}

function kindOf(s: SchemaNode): ShapeKind {
  if (Array.isArray(s.type)) return 'timestamp';
  switch (s.type) {
    case 'object':
      return s.properties ? 'structure' : 'map';
    case 'array':
      return 'list';
    default:
      return s.type;
  }
}

/** The shapes of one schema's $defs, each compiled on first use (once: shapes may be shared and recursive). */
function shapesOf(defs: Record<string, SchemaNode>): (name: string) => Shape {
  const compiled = new Map<string, Shape>();
  const refName = (ref: SchemaNode) => (ref.$ref as string).replace('#/$defs/', '');
  const shapeOf = (name: string): Shape => {
    const existing = compiled.get(name);
    if (existing) return existing;
    const d = defs[name];
    const kind = kindOf(d);
    const shape: Shape = { name, kind, doc: d.markdownDescription };
    compiled.set(name, shape); // before members: shapes may be recursive
    if (kind === 'structure') {
      const required = new Set<string>(d.required ?? []);
      shape.required = d.required ?? [];
      shape.members = new Map();
      for (const [m, ref] of Object.entries<SchemaNode>(d.properties)) {
        shape.members.set(m, { name: m, shape: shapeOf(refName(ref)), doc: ref.markdownDescription, required: required.has(m), deprecated: !!ref.deprecated });
      }
    } else if (kind === 'map') {
      shape.key = shapeOf(refName(d.propertyNames));
      shape.value = shapeOf(refName(d.additionalProperties));
    } else if (kind === 'list') {
      shape.items = shapeOf(refName(d.items));
    }
    shape.min = d.minLength ?? d.minItems ?? d.minProperties ?? d.minimum;
    shape.max = d.maxLength ?? d.maxItems ?? d.maxProperties ?? d.maximum;
    if (d.pattern) {
      shape.pattern = new RegExp(d.pattern, 'u');
      shape.matches = patternMatcher(d.pattern, shape.pattern);
      shape.awsPattern = d['x-awsPattern'];
      shape.patternDescription = d['x-patternDescription'];
    }
    if (d.enum) shape.enum = d.enum;
    if (d['x-union']) shape.union = true;
    if (d.format === 'int32') shape.bits = 32;
    else if (d.format === 'int64') shape.bits = 64;
    return shape;
  };
  return shapeOf;
}

const compile = (schema: SchemaNode): Shape => shapesOf(schema.$defs)((schema.$ref as string).replace('#/$defs/', ''));

const integrations = new Map<string, Integration>();

/** The integration Step Functions calls `api` (e.g. createTrainingJob), compiled on first use. */
export function getIntegration(api: string): Integration | undefined {
  let found = integrations.get(api);
  if (found) return found;
  if (!Object.hasOwn(sageMakerSchemas, api)) return undefined;
  const schema = sageMakerSchemas[api]();
  found = {
    api,
    operation: schema['x-awsOperation'],
    supportsSync: schema['x-integrationPatterns'].includes('sync'),
    apiReference: schema['x-apiReference'],
    request: compile(schema),
  };
  integrations.set(api, found);
  return found;
}

export const integrationNames: readonly string[] = Object.keys(sageMakerSchemas);

// The AWS SDK integration's requests: every operation's, from one schema read on the first SDK task.
let sdk: { operations: Record<string, { operation: string; request: string }>; shapeOf: (name: string) => Shape } | undefined;
const sdkIntegrations = new Map<string, Integration>();

/** SageMaker's operation the AWS SDK integration calls as `action` (arn:aws:states:::aws-sdk:sagemaker:createPipeline). */
export function getSdkIntegration(action: string): Integration | undefined {
  let found = sdkIntegrations.get(action);
  if (found) return found;
  if (!sageMakerSdkActions.includes(action)) return undefined;
  if (!sdk) {
    const schema = sageMakerSdkSchema();
    sdk = { operations: schema['x-operations'], shapeOf: shapesOf(schema.$defs) };
  }
  const op = sdk.operations[action];
  found = {
    api: action,
    operation: op.operation,
    supportsSync: false,
    apiReference: `https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_${op.operation}.html`,
    request: sdk.shapeOf(op.request),
  };
  sdkIntegrations.set(action, found);
  return found;
}

/** The AWS SDK integration's actions (createPipeline, describeTrainingJob…): every operation of the model. */
export const sdkActionNames = (): readonly string[] => sageMakerSdkActions;

/** The request a task sends: an optimized integration's, or through the AWS SDK integration an operation's. */
export const integrationOf = (task: { api: string; sdk?: true }): Integration | undefined => (task.sdk ? getSdkIntegration(task.api) : getIntegration(task.api));

/** What a shape's values look like, in the API's terms: "string", "integer", "list of Channel"… */
export function describeType(shape: Shape): string {
  switch (shape.kind) {
    case 'structure':
      return `object (${shape.name})`;
    case 'map':
      return 'object (map of string to ' + describeType(shape.value!) + ')';
    case 'list':
      return `list of ${shape.items!.kind === 'structure' ? shape.items!.name : describeType(shape.items!)}`;
    case 'timestamp':
      return 'timestamp';
    default:
      return shape.kind;
  }
}

/** The JSON type a value of this shape must have. */
export function jsonTypeOf(shape: Shape): 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean' | 'timestamp' {
  switch (shape.kind) {
    case 'structure':
    case 'map':
      return 'object';
    case 'list':
      return 'array';
    default:
      return shape.kind;
  }
}

const INSTANCE_TYPE = /^ml\.([a-z0-9-]+)\.(\d*)(nano|micro|small|medium|large|xlarge|metal)$/;
const SIZES = ['nano', 'micro', 'small', 'medium', 'large', 'xlarge', 'metal'];

/**
 * An enum's values in the order they are offered: the model's, but instance types by size within their family
 * (the model lists ml.g5.16xlarge before ml.g5.12xlarge), each family where the model first names it.
 */
export function offeredOrder(values: readonly string[]): readonly string[] {
  let order = ordered.get(values);
  if (!order) ordered.set(values, (order = bySize(values)));
  return order;
}
const ordered = new WeakMap<readonly string[], readonly string[]>();

function bySize(values: readonly string[]): readonly string[] {
  const parsed = values.map((v) => INSTANCE_TYPE.exec(v));
  if (parsed.some((m) => !m)) return values;
  const family = new Map<string, number>();
  for (const m of parsed) if (!family.has(m![1])) family.set(m![1], family.size);
  const size = (m: RegExpExecArray) => SIZES.indexOf(m[3]) * 1000 + Number(m[2] || 0);
  return values.map((v, i) => ({ v, m: parsed[i]! })).sort((a, b) => family.get(a.m[1])! - family.get(b.m[1])! || size(a.m) - size(b.m)).map((x) => x.v);
}

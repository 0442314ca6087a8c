// Turns a Task's Parameters (JSONPath) or Arguments (JSONata) into the request SageMaker would receive when
// the state machine runs with a given execution input: `.$` paths and intrinsic functions, JSONata `{% %}`,
// the context object `$$`, and `${…}` placeholders (CloudFormation/CDK definition substitutions) filled in.
import { randomUUID } from 'node:crypto';
import jsonata from 'jsonata';
import { checkJsonata, evaluateDynamicValue, jsonataBody, scanPlaceholders, stepFunctionsJsonataBindings, substitutePlaceholders } from '../../../server/src/service/expressions/index';

export interface ExecutionContext {
  Execution: { Id: string; Name: string; StartTime: string; Input: unknown; RoleArn: string };
  StateMachine: { Id: string; Name: string };
  State: { Name: string; EnteredTime: string; RetryCount: number };
}

export interface ResolveOptions {
  queryLanguage: 'JSONPath' | 'JSONata';
  input: unknown;
  context: ExecutionContext;
  /** Values for `${Name}` placeholders. */
  placeholders?: Record<string, string>;
}

/** A value that cannot be resolved, with the key it belongs to (`HyperParameters.epochs.$`). */
export class ResolveError extends Error {
  constructor(readonly key: string, readonly reason: string) {
    super(`${key}: ${reason}`);
    this.name = 'ResolveError';
  }
}

/** A context object like the one Step Functions builds for an execution started now. */
export function makeExecutionContext(o: { stateMachineName: string; stateName: string; input: unknown; region: string; account: string; executionName?: string; now?: Date }): ExecutionContext {
  const name = o.executionName ?? randomUUID();
  const time = (o.now ?? new Date()).toISOString();
  const sm = `arn:aws:states:${o.region}:${o.account}:stateMachine:${o.stateMachineName}`;
  return {
    Execution: { Id: `arn:aws:states:${o.region}:${o.account}:execution:${o.stateMachineName}:${name}`, Name: name, StartTime: time, Input: o.input, RoleArn: `arn:aws:iam::${o.account}:role/StepFunctionsRole` },
    StateMachine: { Id: sm, Name: o.stateMachineName },
    State: { Name: o.stateName, EnteredTime: time, RetryCount: 0 },
  };
}

/** The `${…}` placeholder names used anywhere in the payload (keys and values), in first-seen order. */
export function findPlaceholders(payload: unknown): string[] {
  const names = new Set<string>();
  const walk = (v: unknown) => {
    if (typeof v === 'string') for (const p of scanPlaceholders(v)) names.add(p.name);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) {
      walk(k);
      walk(x);
    }
  };
  walk(payload);
  return [...names];
}

function substitute(text: string, key: string, values: Record<string, string>): string {
  return substitutePlaceholders(text, (name) => {
    if (values[name] === undefined) throw new ResolveError(key, `the placeholder \${${name}} has no value`);
    return values[name];
  });
}

/** Step Functions' own JSONata functions ($partition, $range, $hash, …), beside JSONata's library: the table the server checks calls with. */
const STEP_FUNCTIONS_JSONATA = stepFunctionsJsonataBindings();

async function evaluateJsonata(expression: string, key: string, o: ResolveOptions): Promise<unknown> {
  let compiled: ReturnType<typeof jsonata>;
  try {
    compiled = jsonata(expression);
  } catch (e) {
    // The checks' message where they have one (`??` is JSONata 2.1, which Step Functions does not run), else the parser's.
    throw new ResolveError(key, `the JSONata expression does not parse: ${checkJsonata(`{%${expression}%}`)?.message ?? (e as Error).message}`);
  }
  let value: unknown;
  try {
    value = await compiled.evaluate(o.input, { states: { input: o.input, context: o.context }, ...STEP_FUNCTIONS_JSONATA });
  } catch (e) {
    throw new ResolveError(key, `the JSONata expression fails: ${(e as Error).message}`);
  }
  if (value === undefined) throw new ResolveError(key, `the JSONata expression {%${expression}%} gives no value for this execution input`);
  // JSONata marks its result arrays with a `sequence` property; send plain JSON.
  return JSON.parse(JSON.stringify(value));
}

/** The request SageMaker would receive. Throws ResolveError naming the first key that cannot be resolved. */
export async function resolveRequest(payload: unknown, o: ResolveOptions): Promise<Record<string, unknown>> {
  const values = o.placeholders ?? {};

  const resolve = async (v: unknown, key: string): Promise<unknown> => {
    if (typeof v === 'string') {
      const text = substitute(v, key, values);
      const expression = o.queryLanguage === 'JSONata' ? jsonataBody(text) : undefined;
      if (expression !== undefined) return evaluateJsonata(expression, key, o);
      return text;
    }
    if (Array.isArray(v)) return Promise.all(v.map((x, i) => resolve(x, `${key}[${i}]`)));
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [rawKey, x] of Object.entries(v)) {
        const k = substitute(rawKey, key, values);
        const at = key ? `${key}.${k}` : k;
        if (k.endsWith('.$') && o.queryLanguage === 'JSONPath') {
          if (typeof x !== 'string') throw new ResolveError(at, 'a key ending in .$ needs a path or an intrinsic function as its value');
          const expression = substitute(x, at, values);
          try {
            out[k.slice(0, -2)] = evaluateDynamicValue(expression, { input: o.input, context: o.context });
          } catch (e) {
            throw new ResolveError(at, (e as Error).message);
          }
        } else out[k] = await resolve(x, at);
      }
      return out;
    }
    return v;
  };

  const request = await resolve(payload ?? {}, '');
  if (!request || typeof request !== 'object' || Array.isArray(request)) {
    throw new ResolveError(o.queryLanguage === 'JSONata' ? 'Arguments' : 'Parameters', `must give an object, got ${JSON.stringify(request)}`);
  }
  return request as Record<string, unknown>;
}

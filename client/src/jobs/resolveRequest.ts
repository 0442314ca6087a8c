// Turns a Task's Parameters (JSONPath) or Arguments (JSONata) into the request SageMaker would receive when
// the state machine runs with a given execution input: `.$` paths and intrinsic functions, JSONata `{% %}`,
// the context object `$$`, and `${…}` placeholders (CloudFormation/CDK definition substitutions) filled in.
import { randomUUID } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { join } from 'node:path';
import { fork, type ChildProcess } from 'node:child_process';
import jsonata from 'jsonata';
import { checkJsonata, evaluateDynamicValue, jsonataBody, scanPlaceholders, substitutePlaceholders } from '../../../server/src/service/expressions/index';
import type { JsonataAnswer, JsonataJob } from './jsonataWorker';

export interface ExecutionContext {
  Execution: { Id: string; Name: string; StartTime: string; Input: unknown; RoleArn: string };
  StateMachine: { Id: string; Name: string };
  State: { Name: string; EnteredTime: string; RetryCount: number };
}

export interface ResolveOptions {
  queryLanguage: 'JSONPath' | 'JSONata';
  input: unknown;
  /** What the input is, in messages ("the execution input" unless said: a Map's item). */
  inputName?: string;
  context: ExecutionContext;
  /** Values for `${Name}` placeholders. */
  placeholders?: Record<string, string>;
  /** The script that evaluates JSONata in its own process (default: jsonata-worker.js beside this bundle, dist/). */
  jsonataWorker?: string;
}

/** A value that cannot be resolved, with the key it belongs to (`HyperParameters.epochs.$`). */
export class ResolveError extends Error {
  /** `more`: the other keys that could not be resolved either, said in the same message (all at once, not one a launch). */
  constructor(readonly key: string, readonly reason: string, readonly more: readonly ResolveError[] = []) {
    super([`${key}: ${reason}`, ...more.map((m) => m.message)].join('; '));
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

/** How long the JSONata expressions of one launch may take together, and the heap their process may use. */
export const JSONATA_LIMITS = { seconds: 5, memoryMb: 256 };

/**
 * What keeps a hostile expression to its value. JSONata reaches the properties of the objects it is given, the
 * `constructor` of an object among them, and from Object's legacy accessors the Function constructor: JavaScript
 * from a string, which could `require` anything as the user (an attacker's review). V8 refuses code from strings
 * here; where the runtime has Node's permission model (not Electron's Node, which VS Code's desktop runs, where it
 * is not known to work), the process may read only its own file, and write, spawn and open workers nowhere.
 */
export function sandboxFlags(entry: string): string[] {
  const flags = ['--disallow-code-generation-from-strings'];
  if (process.versions.electron) return flags;
  const permission = ['--permission', '--experimental-permission'].find((f) => process.allowedNodeEnvironmentFlags.has(f));
  // Node 20 reads a comma in the path as a list of paths.
  return permission && !entry.includes(',') ? [...flags, permission, `--allow-fs-read=${entry}`] : flags;
}

/** The worker's real path: Node resolves the entry's symbolic links, and its permission model refuses reading a link it was not given. */
function realEntry(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return file;
  }
}

/** Step Functions' limit on a state's input and output: a larger value could never be a Task's argument. */
const MAX_RESULT_BYTES = 256 * 1024;

/**
 * Evaluates the JSONata expressions of one launch in a child process (jsonataWorker.ts), so an expression that never
 * ends or fills the memory stops the launch with a message instead of freezing or killing the extension host: the
 * child is killed at the deadline, and its heap is capped (--max-old-space-size; reaching it ends only the child).
 */
class JsonataEvaluator {
  private child?: ChildProcess;
  private timer?: NodeJS.Timeout;
  private nextId = 0;
  private readonly pending = new Map<number, { key: string; resolve(a: JsonataAnswer): void; reject(e: Error): void }>();
  private failure?: string;
  private stderrTail = '';
  private outOfMemory = false;

  constructor(private readonly file: string) {}

  evaluate(key: string, job: Omit<JsonataJob, 'id'>): Promise<JsonataAnswer> {
    if (this.failure) return Promise.reject(new ResolveError(key, this.failure));
    const child = this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { key, resolve, reject });
      child.send({ id, ...job } satisfies JsonataJob, (e) => e && this.fail(`the JSONata expression could not be evaluated: ${e.message}`));
    });
  }

  private start(): ChildProcess {
    if (this.child) return this.child;
    const { seconds, memoryMb } = JSONATA_LIMITS;
    const entry = realEntry(this.file);
    const child = fork(entry, [], {
      // Node's own options only (not the extension host's --inspect…), and an environment with nothing of the
      // user's (no credentials, no NODE_OPTIONS): Electron runs as Node with ELECTRON_RUN_AS_NODE.
      execArgv: [`--max-old-space-size=${memoryMb}`, ...sandboxFlags(entry)],
      env: { ELECTRON_RUN_AS_NODE: '1', ...(process.env.SystemRoot ? { SystemRoot: process.env.SystemRoot } : {}) },
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      serialization: 'json',
    });
    // V8 ends a process that reaches its heap cap with "Allocation failed - JavaScript heap out of memory", or, when
    // the allocation that fails is of its own (a busy machine makes that likelier), "… - process out of memory" or
    // "Fatal process out of memory: …". Each chunk is read with the end of the one before, in case a chunk splits it.
    child.stderr?.on('data', (d: Buffer) => {
      const text = this.stderrTail + d.toString();
      this.outOfMemory ||= /out of memory|heap limit/i.test(text);
      this.stderrTail = text.slice(-64);
    });
    child.on('message', (a: JsonataAnswer) => {
      const p = this.pending.get(a.id);
      this.pending.delete(a.id);
      p?.resolve(a);
    });
    child.on('error', (e) => this.fail(`the JSONata expression could not be evaluated: ${e.message}`));
    child.on('exit', (code, signal) => {
      // stderr may still hold the reason: read it once the stream has ended.
      const report = () =>
        this.fail(
          this.outOfMemory
            ? `the JSONata expression needs more than ${memoryMb} MB of memory (stopped; the launch is not sent)`
            : `the JSONata expression could not be evaluated: its process ended (${signal ?? `exit code ${code}`})`,
        );
      if (child.stderr && !child.stderr.readableEnded) child.stderr.once('close', report);
      else report();
    });
    this.timer = setTimeout(
      () => this.fail(`the JSONata expressions did not finish within ${seconds} s (stopped; the launch is not sent): does one loop forever or do too much work?`),
      seconds * 1000,
    );
    return (this.child = child);
  }

  /** Stops the child and fails every expression still waiting (the first reason given is the one kept). */
  private fail(reason: string): void {
    this.failure ??= reason;
    for (const p of this.pending.values()) p.reject(new ResolveError(p.key, this.failure));
    this.pending.clear();
    this.dispose();
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.failure ??= 'the JSONata evaluation has ended';
    if (this.child && this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
  }
}

async function evaluateJsonata(expression: string, key: string, o: ResolveOptions, evaluator: JsonataEvaluator): Promise<unknown> {
  try {
    jsonata(expression);
  } catch (e) {
    // The checks' message where they have one (`??` is JSONata 2.1, which Step Functions does not run), else the parser's.
    throw new ResolveError(key, `the JSONata expression does not parse: ${checkJsonata(`{%${expression}%}`)?.message ?? (e as Error).message}`);
  }
  const answer = await evaluator.evaluate(key, { expression, input: o.input, context: o.context });
  if (answer.error !== undefined) throw new ResolveError(key, `the JSONata expression fails: ${answer.error}`);
  if (answer.json === undefined) throw new ResolveError(key, `the JSONata expression {%${expression}%} gives no value for this execution input`);
  if (answer.json.length > MAX_RESULT_BYTES) {
    throw new ResolveError(key, `the JSONata expression gives ${Math.round(answer.json.length / 1024)} KB of JSON, more than the 256 KB Step Functions passes to a state`);
  }
  return JSON.parse(answer.json);
}

/** The request SageMaker would receive. Throws ResolveError naming the first key that cannot be resolved. */
export async function resolveRequest(payload: unknown, o: ResolveOptions): Promise<Record<string, unknown>> {
  const evaluator = new JsonataEvaluator(o.jsonataWorker ?? join(__dirname, 'jsonata-worker.js'));
  try {
    return await resolveWith(payload, o, evaluator);
  } finally {
    evaluator.dispose();
  }
}

async function resolveWith(payload: unknown, o: ResolveOptions, evaluator: JsonataEvaluator): Promise<Record<string, unknown>> {
  const values = o.placeholders ?? {};
  // Paths the input does not have are gathered and said together (walk37: each launch named one more missing field).
  const failed: ResolveError[] = [];

  const resolve = async (v: unknown, key: string): Promise<unknown> => {
    if (typeof v === 'string') {
      const text = substitute(v, key, values);
      const expression = o.queryLanguage === 'JSONata' ? jsonataBody(text) : undefined;
      if (expression !== undefined) return evaluateJsonata(expression, key, o, evaluator);
      return text;
    }
    if (Array.isArray(v)) return Promise.all(v.map((x, i) => resolve(x, `${key}[${i}]`)));
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      // Every member is the object's own, whatever its name: `out['__proto__'] = x` would set the prototype instead
      // (a template's `${P}` key with P = __proto__), so its members would be sent by the SDK, which reads inherited
      // ones, yet missing from the check, the confirmation and the preview, which read own ones (review sec37).
      const set = (name: string, value: unknown) => void Object.defineProperty(out, name, { value, enumerable: true, writable: true, configurable: true });
      for (const [rawKey, x] of Object.entries(v)) {
        const k = substitute(rawKey, key, values);
        const at = key ? `${key}.${k}` : k;
        if (k.endsWith('.$') && o.queryLanguage === 'JSONPath') {
          if (typeof x !== 'string') throw new ResolveError(at, 'a key ending in .$ needs a path or an intrinsic function as its value');
          const expression = substitute(x, at, values);
          try {
            set(k.slice(0, -2), evaluateDynamicValue(expression, { input: o.input, context: o.context, inputName: o.inputName }));
          } catch (e) {
            failed.push(new ResolveError(at, (e as Error).message));
          }
        } else set(k, await resolve(x, at));
      }
      return out;
    }
    return v;
  };

  const request = await resolve(payload ?? {}, '');
  if (failed.length) throw new ResolveError(failed[0].key, failed[0].reason, failed.slice(1));
  if (!request || typeof request !== 'object' || Array.isArray(request)) {
    throw new ResolveError(o.queryLanguage === 'JSONata' ? 'Arguments' : 'Parameters', `must give an object, got ${JSON.stringify(request)}`);
  }
  return request as Record<string, unknown>;
}

// Documents for the fuzz tests: state machines that look like real ones (SageMaker Task states whose payloads
// follow the request shapes of the model, with the mistakes people make), then text mutations that break them
// the way typing, pasting and bad files do. Generation is imperative over fast-check's `gen()`, so a failure
// still shrinks to a small counterexample.
import fc from 'fast-check';
import { stringify as yamlStringify } from 'yaml';
import { getIntegration, integrationNames, type Shape } from '../../server/src/service/sagemaker/shapes';

type G = fc.GeneratorValue;

/**
 * Runs and seed of a property: fixed by default (a hash of its name) so CI failures reproduce. FUZZ_RUNS=n runs
 * more; FUZZ_SEED=s (and FUZZ_PATH=p, both printed on failure) replays one counterexample.
 */
export function fuzzParams(name: string, defaultRuns: number): fc.Parameters<unknown> {
  const scale = Number(process.env.FUZZ_RUNS ?? 0);
  const numRuns = scale > 0 ? Math.max(defaultRuns, scale) : defaultRuns;
  const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : hash(name);
  return { numRuns, seed, ...(process.env.FUZZ_PATH ? { path: process.env.FUZZ_PATH } : {}) };
}

export async function checkAsync<T>(property: fc.IAsyncProperty<T>, params: fc.Parameters<T>) {
  const details = await fc.check(property, params);
  if (!details.failed) return;
  const cause = details.errorInstance as Error | undefined;
  throw new Error(`${fc.defaultReportMessage(details)}\n\nCaused by: ${cause?.stack ?? cause}`);
}

/** fc.assert, with the failing assertion's own message and stack in the error (fast-check keeps only its summary). */
export function check<T>(property: fc.IProperty<T>, params: fc.Parameters<T>) {
  const details = fc.check(property, params);
  if (!details.failed) return;
  const cause = details.errorInstance as Error | undefined;
  throw new Error(`${fc.defaultReportMessage(details)}\n\nCaused by: ${cause?.stack ?? cause}`);
}

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h | 0;
}

/** Counts what the properties saw, for the figures the tests print. */
export class Tally {
  readonly counts = new Map<string, number>();
  add(what: string, n = 1) {
    this.counts.set(what, (this.counts.get(what) ?? 0) + n);
  }
  toString() {
    return [...this.counts].map(([k, v]) => `${k}=${v}`).join(' ');
  }
}

const pick = <T>(g: G, items: readonly T[]): T => g(fc.constantFrom, ...items);
const chance = (g: G, percent: number): boolean => g(fc.integer, { min: 0, max: 99 }) < percent;

/** Strings people and tools put in state machines, and some nobody should. */
const STRINGS = [
  'my-training-job', 'churn_xgb', 'search-model', 'ml.m5.large', 'ml.g5.2xlarge', 'File', 'Pipe', 'FastFile', 'S3Prefix',
  's3://example-bucket/prefix/', 'https://example.com/x', 'arn:aws:iam::111122223333:role/TrainRole', 'arn:aws:iam::1:role/',
  '382416733822.dkr.ecr.us-east-1.amazonaws.com/linear-learner:1', 'text/csv', 'application/x-recordio-protobuf',
  '${TrainingImage}', '${AWS::Partition}', '${', '{% $states.input.name %}', '{% $x', '$.name', '$$.Execution.Name', '$$.Execution.Id',
  "States.Format('job-{}', $.id)", 'States.UUID()', 'States.Format(', '$.', '$[0', '', ' ', '\t', 'é', 'Ünïcödé-名前', '😀', '\u2028',
  '\uD800', '\uDFFF', 'a\u0000b', 'line\nbreak', '"quoted"', '\\', '-', 'a'.repeat(70), '1', 'true', 'null',
];
/** Values of `.$` keys and JSONata strings: paths, intrinsic calls and expressions, well-formed or not. */
const EXPRESSIONS = [
  '$', '$.input', '$$.Execution.Name', '$$.Execution.Name ', '$$.State.Name', "$.a['b'].c[0]", '$..x', '$.a[*]', '$.a[0:2]', '$.a[?(@.b > 1)]',
  '$.length()', '$var.x', '$.a.', '$[', "$['unterminated", '$.a[]', '$.f()', '$ .a', 'not a path', '${P}', '',
  "States.Format('{}', $.a)", "States.Format('job-{}', $$.Execution.Name)", "States.Format('{}-{}', $.a, States.UUID())", "States.Format('\\{\\}')",
  "States.Format('{}')", 'States.UUID()', 'States.UUID(1)', 'States.ArrayGetItem($.a, 0)', "States.Hash($.a, 'SHA-256')", 'States.MathRandom(1, 2, 3, 4)',
  "States.Format('{}', $.a[?(@.b > 1)])", 'States.Fromat($.a)', 'States.Format(', "States.Format('x', )", 'States.Array(1, true, null, -2.5e3)',
  'States.JsonToString(States.StringToJson($.s))', "States.Format(\"x\")", 'States.' + 'Array('.repeat(70) + ')'.repeat(70),
];
const JSONATA = [
  '{% $states.input.name %}', '{% $sum([1, 2]) %}', '{% $states.input.a & "-" & $uuid() %}', '{% ( %}', '{%%}', '{% %}', '{% "unterminated %}',
  '  {% $x %}  ', '{% $x', '{% $states.input.items[0] %}', '{% $exists($x) ? "a" : "b" %}', '{% ' + '('.repeat(100) + '1' + ')'.repeat(100) + ' %}',
];
const RESOURCES = [
  ...integrationNames.flatMap((api) => [`arn:aws:states:::sagemaker:${api}`, `arn:aws:states:::sagemaker:${api}.sync`]),
  'arn:aws:states:::sagemaker:createTrainingJob.waitForTaskToken', 'arn:${AWS::Partition}:states:::sagemaker:createTransformJob.sync',
  'arn:aws-us-gov:states:::sagemaker:createTrainingJob', 'arn:aws:states:::sagemaker:createTrainingJobs.sync', 'arn:aws:states:::sagemaker:',
  'arn:aws:states:::lambda:invoke', 'arn:aws:lambda:us-east-1:111122223333:function:f',
];
const STATE_NAMES = ['Train', 'Transform', 'Choose', 'Parallel', 'Map', 'Done', 'Fail', 'Trä in 名', '', ' ', '$', 'States', 'a.b.$'];

function stringFor(g: G, shape: Shape): string {
  if (shape.enum && chance(g, 70)) {
    const v = pick(g, shape.enum);
    return chance(g, 15) ? v.toLowerCase() : chance(g, 10) ? v.slice(0, -1) : v;
  }
  if (chance(g, 12)) return pick(g, JSONATA);
  if (chance(g, 70)) return pick(g, STRINGS);
  return g(fc.string, { unit: pick(g, ['grapheme', 'binary', 'binary-ascii'] as const), maxLength: 40 });
}

/** A value for `shape`: usually of the right JSON type, sometimes not; members chosen as people write them. */
function valueFor(g: G, shape: Shape, depth: number): unknown {
  if (chance(g, 6)) return pick(g, [null, 42, -1, 1.5, 'text', true, [], {}, '${Var}', '{% $x %}']);
  switch (shape.kind) {
    case 'structure': {
      const out: Record<string, unknown> = {};
      if (depth > 5) return out;
      const members = [...shape.members!.values()];
      const required = new Set(shape.required ?? []);
      for (const m of members) {
        const include = required.has(m.name) ? chance(g, 85) : chance(g, Math.min(40, 160 / members.length));
        if (!include) continue;
        let key = m.name;
        if (chance(g, 5)) key = key.slice(0, -1); // a typo
        else if (chance(g, 4)) key = key.toLowerCase();
        if (chance(g, 8)) out[`${key}.$`] = pick(g, EXPRESSIONS);
        else out[key] = valueFor(g, m.shape, depth + 1);
      }
      if (chance(g, 5)) out[pick(g, STRINGS)] = pick(g, STRINGS);
      return out;
    }
    case 'map': {
      const out: Record<string, unknown> = {};
      const n = g(fc.integer, { min: 0, max: depth > 5 ? 0 : 3 });
      for (let i = 0; i < n; i++) {
        const dynamic = chance(g, 15);
        out[(chance(g, 50) ? `key${i}` : stringFor(g, shape.key!)) + (dynamic ? '.$' : '')] = dynamic ? pick(g, EXPRESSIONS) : valueFor(g, shape.value!, depth + 1);
      }
      return out;
    }
    case 'list': {
      const n = g(fc.integer, { min: 0, max: depth > 5 ? 0 : 3 });
      return Array.from({ length: n }, () => valueFor(g, shape.items!, depth + 1));
    }
    case 'string':
      return stringFor(g, shape);
    case 'integer':
    case 'number': {
      const lo = shape.min ?? -10, hi = shape.max ?? 100000;
      if (chance(g, 10)) return pick(g, [lo - 1, hi + 1, 1e308, -0, 0.5, '5']);
      return g(fc.integer, { min: Math.max(-(2 ** 31), Math.ceil(lo)), max: Math.min(2 ** 31, Math.floor(hi)) });
    }
    case 'boolean':
      return chance(g, 85) ? g(fc.boolean) : 'true';
    case 'timestamp':
      return chance(g, 50) ? 1700000000 : '2026-01-01T00:00:00Z';
  }
}

function stateFor(g: G, depth: number, jsonataMachine: boolean): Record<string, unknown> {
  const type = pick(g, depth > 2 ? ['Task', 'Task', 'Pass', 'Succeed'] : ['Task', 'Task', 'Task', 'Pass', 'Parallel', 'Map', 'Choice', 'Wait', 'Fail']);
  const state: Record<string, unknown> = { Type: chance(g, 3) ? type.toLowerCase() : type };
  const jsonata = chance(g, 15) ? !jsonataMachine : jsonataMachine;
  if (jsonata !== jsonataMachine) state.QueryLanguage = jsonata ? 'JSONata' : 'JSONPath';
  switch (type) {
    case 'Task': {
      const resource = pick(g, RESOURCES);
      state.Resource = resource;
      const api = /sagemaker:([A-Za-z]+)/.exec(resource)?.[1];
      const integration = api ? getIntegration(api) : undefined;
      // Now and then the same payload object as an earlier task: JSON repeats it, YAML writes an anchor and an alias.
      const reused = payloads.length && chance(g, 15) ? payloads[g(fc.integer, { min: 0, max: payloads.length - 1 })] : undefined;
      const payload = reused ?? (integration ? valueFor(g, integration.request, 0) : { FunctionName: 'f' });
      if (!reused && payload && typeof payload === 'object') payloads.push(payload);
      if (chance(g, 92)) state[jsonata !== chance(g, 5) ? 'Arguments' : 'Parameters'] = jsonata && chance(g, 10) ? '{% $states.input %}' : payload;
      break;
    }
    case 'Parallel':
      state.Branches = Array.from({ length: g(fc.integer, { min: 0, max: 2 }) }, () => machineFor(g, depth + 1, jsonata));
      break;
    case 'Map':
      state[chance(g, 70) ? 'ItemProcessor' : 'Iterator'] = machineFor(g, depth + 1, jsonata);
      break;
    case 'Choice':
      state.Choices = [{ Variable: '$.x', StringEquals: 'a', Next: 'Done' }];
      state.Default = 'Done';
      return state;
    case 'Wait':
      state.Seconds = 5;
      break;
    case 'Fail':
      state.Error = 'E';
      return state;
  }
  if (chance(g, 50)) state.End = true;
  else state.Next = pick(g, STATE_NAMES);
  return state;
}

function machineFor(g: G, depth: number, jsonata: boolean): Record<string, unknown> {
  const states: Record<string, unknown> = {};
  const n = g(fc.integer, { min: depth === 0 ? 1 : 0, max: depth === 0 ? 4 : 2 });
  for (let i = 0; i < n; i++) states[pick(g, STATE_NAMES) + (i ? String(i) : '')] = stateFor(g, depth, jsonata);
  const m: Record<string, unknown> = {};
  if (depth === 0 && jsonata) m.QueryLanguage = 'JSONata';
  if (chance(g, 95)) m.StartAt = Object.keys(states)[0] ?? 'X';
  if (chance(g, 97)) m.States = states;
  return m;
}

/** Payloads of the machine being generated, for reuse by later tasks. */
let payloads: unknown[] = [];

/** A state machine as a JS value: SageMaker tasks with shape-following payloads, nested Parallel/Map states. */
export function stateMachine(g: G): Record<string, unknown> {
  payloads = [];
  return machineFor(g, 0, chance(g, 25));
}

export type Format = 'json' | 'yaml';

/** The text of a machine, in the layouts people and tools write. */
export function serialize(g: G, machine: unknown, format: Format): string {
  if (format === 'yaml') return yamlStringify(machine, { indent: pick(g, [2, 4]), lineWidth: pick(g, [0, 80]) });
  const text = JSON.stringify(machine, null, pick(g, [0, 2, 4, '\t']));
  return chance(g, 20) ? text.replace(/\n/g, '\r\n') : text;
}

/** Snippets typed or pasted into a document: structure, escapes, unicode, comments, YAML syntax. */
const SNIPPETS = [
  '{', '}', '[', ']', '"', ':', ',', '\\', '\n', '\r\n', '\r', ' ', '\t', '/*', '*/', '//', '#', 'null', 'true', '-', '1e999', '0x1F',
  '\u2028', '😀', '\uD83D', '\uDE00', '\u0000', '\uFEFF', 'é', '${', '{%', '%}', '.$', '"x": 1', ',"Type":"Task"', '- ', '? ', '&a', '*a',
  '!!binary', '|', '>', '---', '...', "'", '{}', '[]', 'States.', '(', ')', '{% ', ' %}', '$.', '[?(@', '"Parameters": {', '"Resource": "arn:aws:states:::sagemaker:createTrainingJob.sync"',
];

export interface Mutation {
  kind: string;
  at: number;
  deleteCount: number;
  insert: string;
}

/** One edit that breaks a document: delete, insert, swap a value's type, truncate, duplicate a line, nest, huge value. */
export function mutation(g: G, text: string, { huge = true }: { huge?: boolean } = {}): Mutation {
  const n = text.length;
  const at = g(fc.integer, { min: 0, max: n });
  const kind = pick(g, ['delete', 'insert', 'insert', 'type', 'truncate', 'duplicate', 'nest', ...(huge ? ['huge'] : [])]);
  switch (kind) {
    case 'delete':
      return { kind, at, deleteCount: Math.min(n - at, g(fc.integer, { min: 1, max: 30 })), insert: '' };
    case 'insert':
      return { kind, at, deleteCount: 0, insert: chance(g, 70) ? pick(g, SNIPPETS) : g(fc.string, { unit: 'binary', maxLength: 8 }) };
    case 'type': {
      // Replace the token at a random point (a string, number, literal or bracket) with a value of another type.
      const m = /"(?:[^"\\\n]|\\.)*"|-?\d+(?:\.\d+)?|true|false|null|[{[]/g;
      m.lastIndex = at;
      const hit = m.exec(text);
      if (!hit) return { kind, at, deleteCount: 0, insert: '0' };
      return { kind, at: hit.index, deleteCount: hit[0].length, insert: pick(g, ['1', '"s"', 'true', 'null', '{}', '[]', '{"a":[1]}', '-0.5e3', '"${X}"']) };
    }
    case 'truncate':
      return { kind, at, deleteCount: n - at, insert: '' };
    case 'duplicate': {
      // The line around `at` again: a duplicate key in JSON and YAML alike.
      const start = text.lastIndexOf('\n', at - 1) + 1;
      const end = text.indexOf('\n', at);
      const line = text.slice(start, end < 0 ? n : end + 1);
      return { kind, at: start, deleteCount: 0, insert: line.endsWith('\n') ? line : line + '\n' };
    }
    case 'nest': {
      // Around the depth guard (MAX_DEPTH 2000) and well past it.
      const depth = pick(g, [1, 5, 100, 1999, 2000, 2001, 5000]);
      const open = pick(g, ['[', '{"a":', '- ', '{']);
      const balanced = chance(g, 50);
      const close = open === '[' ? ']' : open === '- ' ? '' : '}';
      return { kind, at, deleteCount: 0, insert: open.repeat(depth) + (balanced ? '1' + close.repeat(depth) : '') };
    }
    default: {
      // A 100 kB value: a run of allowed characters with a forbidden one at the end.
      const body = pick(g, ['a', '-', '${', ' ', 'é', '\\u0041', 'a-']).repeat(pick(g, [1000, 50_000])) + pick(g, ['', '!', '-', '$', ' ']);
      return { kind, at, deleteCount: 0, insert: chance(g, 60) ? `"${body}"` : body };
    }
  }
}

export function apply(text: string, m: Mutation): string {
  return text.slice(0, m.at) + m.insert + text.slice(m.at + m.deleteCount);
}

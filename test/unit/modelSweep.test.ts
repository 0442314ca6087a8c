// A sweep derived from the model itself (schemas/sagemaker/*.schema.json, read here directly, not through the
// service's shapes.ts): for each of the 9 integrations, a minimal valid request (required members only, each
// with a value that satisfies its type, enum, pattern, length and range) must get no finding at all; then the
// same request with each optional member added one level deep must stay clean; then ONE mutation at a time
// (enum, pattern, lengths, ranges, list and map sizes, map keys, type, unknown key, missing required member)
// must get exactly one error, of the expected code, on the mutated value (on the key for an unknown key, on the
// enclosing object's key for a missing member).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../../server/src/service/languageService';
import { sageMakerSchemas } from '../../schemas/sagemaker/index';

const service = getLanguageService();
let docNumber = 0;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Def = Record<string, any>;
type PathSeg = string | number;
type Path = PathSeg[];

// ---------- serializing with the position of every key and value ----------

interface Span {
  keyStart?: number;
  keyEnd?: number;
  start: number;
  end: number;
}
const pathId = (p: Path) => p.map((s) => (typeof s === 'number' ? `#${s}` : `.${s}`)).join('\u0000');

/** Block YAML (strings double-quoted, as JSON writes them), with the same spans. */
function serializeYaml(root: Json): { text: string; spans: Map<string, Span> } {
  let text = '';
  const spans = new Map<string, Span>();
  const scalar = (v: Json) => (Array.isArray(v) ? '[]' : v !== null && typeof v === 'object' ? '{}' : JSON.stringify(v));
  const isBlock = (v: Json) => v !== null && typeof v === 'object' && Object.keys(v).length > 0;
  const plainKey = (k: string) => (/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(k) ? k : JSON.stringify(k));
  // Writes a block collection whose first line continues the current one (after "- ") or starts at indent.
  const block = (v: Json, path: Path, indent: string, first: boolean): void => {
    const start = text.length;
    if (Array.isArray(v)) {
      v.forEach((item, i) => {
        if (i > 0 || !first) text += '\n' + indent;
        text += '- ';
        value(item, [...path, i], indent + '  ', true);
      });
    } else {
      Object.keys(v as object).forEach((k, i) => {
        if (i > 0 || !first) text += '\n' + indent;
        // An implicit key may be at most 1024 characters long in YAML: write a longer one as an explicit key.
        const explicit = k.length > 1000;
        if (explicit) text += '? ';
        const ks = text.length;
        text += plainKey(k);
        const ke = text.length;
        text += explicit ? '\n' + indent + ':' : ':';
        const item = (v as Record<string, Json>)[k];
        if (isBlock(item)) {
          // A list under a key may sit at the key's own indentation; keep it indented, which is also valid.
          value(item, [...path, k], indent + '  ', false, [ks, ke]);
        } else {
          text += ' ';
          value(item, [...path, k], indent + '  ', true, [ks, ke]);
        }
      });
    }
    spans.set(pathId(path), { ...(spans.get(pathId(path)) ?? {}), start, end: text.length });
  };
  const value = (v: Json, path: Path, indent: string, inline: boolean, key?: [number, number]) => {
    if (isBlock(v)) {
      spans.set(pathId(path), { keyStart: key?.[0], keyEnd: key?.[1], start: 0, end: 0 });
      block(v, path, indent, inline);
      if (!inline) {
        // the block starts after the newline and indentation written by block(): move the start there
        const sp = spans.get(pathId(path))!;
        sp.start = text.indexOf(indent, sp.start) + indent.length;
      }
    } else {
      const start = text.length;
      text += scalar(v);
      spans.set(pathId(path), { keyStart: key?.[0], keyEnd: key?.[1], start, end: text.length });
    }
  };
  block(root, [], '', true);
  return { text: text + '\n', spans };
}

function serialize(root: Json): { text: string; spans: Map<string, Span> } {
  let text = '';
  const spans = new Map<string, Span>();
  const write = (v: Json, path: Path, indent: string, key?: [number, number]) => {
    const start = text.length;
    if (Array.isArray(v)) {
      if (!v.length) text += '[]';
      else {
        text += '[\n';
        v.forEach((item, i) => {
          text += indent + '  ';
          write(item, [...path, i], indent + '  ');
          text += i < v.length - 1 ? ',\n' : '\n';
        });
        text += indent + ']';
      }
    } else if (v !== null && typeof v === 'object') {
      const keys = Object.keys(v);
      if (!keys.length) text += '{}';
      else {
        text += '{\n';
        keys.forEach((k, i) => {
          text += indent + '  ';
          const ks = text.length;
          text += JSON.stringify(k);
          const ke = text.length;
          text += ': ';
          write(v[k], [...path, k], indent + '  ', [ks, ke]);
          text += i < keys.length - 1 ? ',\n' : '\n';
        });
        text += indent + '}';
      }
    } else text += JSON.stringify(v);
    spans.set(pathId(path), { keyStart: key?.[0], keyEnd: key?.[1], start, end: text.length });
  };
  write(root, [], '');
  return { text, spans };
}

// ---------- the model ----------

interface Api {
  api: string;
  resource: string;
  defs: Record<string, Def>;
  root: string;
}
const refName = (r: Def) => (r.$ref as string).replace('#/$defs/', '');
const apis: Api[] = Object.keys(sageMakerSchemas).map((api) => {
  const s = sageMakerSchemas[api]();
  const sync = (s['x-integrationPatterns'] as string[]).includes('sync') ? '.sync' : '';
  return { api, resource: `arn:aws:states:::sagemaker:${api}${sync}`, defs: s.$defs, root: refName(s) };
});

type Kind = 'structure' | 'map' | 'list' | 'string' | 'integer' | 'number' | 'boolean';
const kindOf = (d: Def): Kind => (d.type === 'object' ? (d.properties ? 'structure' : 'map') : d.type === 'array' ? 'list' : d.type);
const regexes = new Map<string, RegExp>();
const regexOf = (d: Def): RegExp | undefined => {
  if (!d.pattern) return undefined;
  let r = regexes.get(d.pattern);
  if (!r) regexes.set(d.pattern, (r = new RegExp(d.pattern, 'u')));
  return r;
};
const fitsString = (d: Def, s: string): boolean =>
  (d.enum ? d.enum.includes(s) : true) &&
  (d.minLength === undefined || s.length >= d.minLength) &&
  (d.maxLength === undefined || s.length <= d.maxLength) &&
  (!regexOf(d) || regexOf(d)!.test(s));

const ACCOUNT = '123456789012';
const CANDIDATES = [
  'a', 'ab1', 'model-1', 'a/b', '/opt/ml/input', 'ml.m5.large', '1K', 'fs-12345678', 's3://bucket/key', 'https://bucket/key',
  's://b/k', // '(https|s3)://([^/])/?(.*)' allows one-character hosts only
  'https://b/k', 's3://b/k',
  `arn:aws:iam::${ACCOUNT}:role/Role`,
  `arn:aws:sagemaker:us-east-1:${ACCOUNT}:model/m`,
  `arn:aws:sagemaker:us-east-1:${ACCOUNT}:training-plan/plan-with-a-long-enough-name`,
  `arn:aws:sagemaker:us-east-1:${ACCOUNT}:workteam/private-crowd/team`,
  `arn:aws:sagemaker:us-east-1:${ACCOUNT}:human-task-ui/ui`,
  `arn:aws:sagemaker:us-east-1:${ACCOUNT}:hub-content/hub/Model/m`,
  `arn:aws:sagemaker:us-east-1:${ACCOUNT}:hub-content/hub/DataSet/d`,
  `arn:aws:sagemaker:us-east-1:${ACCOUNT}:model-package-group/g`,
  `arn:aws:sagemaker:us-east-1:${ACCOUNT}:model-package/p`,
  `arn:aws:sagemaker:us-east-1:${ACCOUNT}:mlflow-tracking-server/x`,
  `arn:aws:sagemaker:us-east-1:${ACCOUNT}:labeling-job/x`,
  `arn:aws:lambda:us-east-1:${ACCOUNT}:function:f`,
  `arn:aws:sns:us-east-1:${ACCOUNT}:topic`,
  `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/image:1`,
  'a.b',
];

/** A valid string for a string def, or undefined. */
function validString(d: Def): string | undefined {
  if (d.enum) return d.enum[0];
  for (const c of CANDIDATES) if (fitsString(d, c)) return c;
  if (d.minLength) for (const c of ['a', '1']) if (fitsString(d, c.repeat(d.minLength))) return c.repeat(d.minLength);
  return undefined;
}
/** A valid string of exactly maxLength characters, or undefined. */
function longestValid(d: Def): string | undefined {
  for (const c of CANDIDATES) for (const pad of ['a', '1', '0', 'A'])
    if (c.length <= d.maxLength) { const s = c + pad.repeat(d.maxLength - c.length); if (fitsString(d, s)) return s; }
  for (const pad of ['a', '1']) if (fitsString(d, pad.repeat(d.maxLength))) return pad.repeat(d.maxLength);
  return undefined;
}
function validInteger(d: Def): number {
  const lo = d.minimum ?? -Infinity, hi = d.maximum ?? Infinity;
  return Math.min(Math.max(1, lo), hi);
}

const unsatisfiable = new Set<string>();

/** The minimal valid value of a def, or undefined when some required part cannot be satisfied. */
function minimal(api: Api, name: string, depth = 0): Json | undefined {
  const d = api.defs[name];
  if (depth > 30) return undefined;
  switch (kindOf(d)) {
    case 'string': {
      const s = validString(d);
      if (s === undefined) unsatisfiable.add(`${api.api}: ${name} ${d.pattern}`);
      return s;
    }
    case 'integer':
    case 'number':
      return validInteger(d);
    case 'boolean':
      return true;
    case 'structure': {
      const out: Record<string, Json> = {};
      for (const m of d.required ?? []) {
        const v = minimal(api, refName(d.properties[m]), depth + 1);
        if (v === undefined) return undefined;
        out[m] = v;
      }
      return out;
    }
    case 'list': {
      const n = Math.min(Math.max(d.minItems ?? 0, 1), d.maxItems ?? Infinity);
      const item = minimal(api, refName(d.items), depth + 1);
      if (item === undefined) return (d.minItems ?? 0) === 0 ? [] : undefined;
      return Array.from({ length: n }, () => structuredClone(item));
    }
    case 'map': {
      const keys = mapKeys(api, d, Math.min(Math.max(d.minProperties ?? 0, 1), d.maxProperties ?? Infinity));
      const value = minimal(api, refName(d.additionalProperties), depth + 1);
      if (!keys || value === undefined) return (d.minProperties ?? 0) === 0 ? {} : undefined;
      return Object.fromEntries(keys.map((k) => [k, structuredClone(value)]));
    }
  }
}

/** n distinct valid keys of a map def. */
function mapKeys(api: Api, d: Def, n: number): string[] | undefined {
  const kd = api.defs[refName(d.propertyNames)];
  const out: string[] = [];
  for (let i = 0; out.length < n && i < n + 50; i++) {
    for (const k of [`k${i}`, `K${i}`, `key_${i}`]) if (fitsString(kd, k) && !out.includes(k)) { out.push(k); break; }
  }
  return out.length === n ? out : undefined;
}

// ---------- mutations ----------

type Where = 'value' | 'key' | 'owner';
interface Mutation {
  label: string;
  code: string;
  /** Where the mutated thing is: the path of the value, or of the (new or removed) member. */
  path: Path;
  apply: (root: Json) => void;
  where: Where;
}

const get = (root: Json, p: Path): any => p.reduce((v: any, s) => v[s], root);
const setAt = (root: Json, p: Path, v: Json) => { get(root, p.slice(0, -1))[p[p.length - 1]] = v; };

const NOT_PATH = (s: string) => !/^\$/.test(s) && !/^States\./.test(s);
const BAD_STRINGS = ['a b', '!', '-', '_', 'A', '0', 'a-', '-a', ' ', 'x'.repeat(3), 'a..b', '\n', 'arn:', 's3:', 'UPPER', 'é'];

/** Mutations of the value at `path` whose def is `name` (and of everything below it). */
function mutationsOf(api: Api, name: string, value: Json, path: Path, out: Mutation[], recurse = true) {
  const d = api.defs[name];
  const kind = kindOf(d);
  const at = path.join('.');
  const set = (label: string, code: string, v: Json) => out.push({ label: `${at}: ${label}`, code, path, where: 'value', apply: (r) => setAt(r, path, v) });
  // type
  const others: Record<string, Json> = { string: 'x', integer: 5, boolean: true, null: null, list: [], structure: {} };
  const same = kind === 'map' ? 'structure' : kind === 'number' ? 'integer' : kind;
  for (const [k, wrong] of Object.entries(others)) if (k !== same) set(`wrong type ${JSON.stringify(wrong)}`, 'wrong-type', wrong);
  if (kind === 'integer') set('not an integer 1.5', 'wrong-type', 1.5);
  if (kind === 'integer' || kind === 'number') set('a numeric string', 'wrong-type', String(value));
  // Values at the edges of what is allowed: no finding at all.
  const edge = (label: string, v: Json) => set(`valid edge: ${label}`, '', v);
  if (kind === 'string' && !d.enum) {
    if (d.maxLength !== undefined && d.maxLength < 20000) {
      const long = longestValid(d);
      if (long !== undefined) edge(`${d.maxLength} characters`, long);
    }
    if (d.minLength && d.minLength > 1) for (const c of ['a', '1']) if (fitsString(d, c.repeat(d.minLength))) { edge(`${d.minLength} characters`, c.repeat(d.minLength)); break; }
  }
  if (kind === 'string' && d.enum) for (const e of d.enum.slice(1)) edge(`enum ${e}`, e);
  if (kind === 'integer' || kind === 'number') {
    if (d.minimum !== undefined) edge(`minimum ${d.minimum}`, d.minimum);
    if (d.maximum !== undefined) edge(`maximum ${d.maximum}`, d.maximum);
    if (kind === 'number') edge('a fraction', Math.min(Math.max(0.5, d.minimum ?? -Infinity), d.maximum ?? Infinity));
  }
  if (kind === 'boolean') edge('false', false);
  if (kind === 'list' && d.maxItems !== undefined && d.maxItems <= 200 && (value as Json[]).length)
    edge(`${d.maxItems} items`, Array.from({ length: d.maxItems }, () => structuredClone((value as Json[])[0])));
  if (kind === 'map' && d.maxProperties !== undefined && d.maxProperties <= 200 && Object.keys(value as object).length) {
    const keys = mapKeys(api, d, d.maxProperties);
    const first = Object.values(value as Record<string, Json>)[0];
    if (keys) edge(`${d.maxProperties} entries`, Object.fromEntries(keys.map((k) => [k, structuredClone(first)])));
  }
  if (kind === 'string') {
    if (d.enum) set('not in the enum', 'enum-value', 'NotAnEnumValueXyz');
    else {
      if (d.maxLength !== undefined && d.maxLength < 20000) set(`longer than ${d.maxLength}`, 'too-long', 'a'.repeat(d.maxLength + 1));
      if (d.minLength) set(`shorter than ${d.minLength}`, 'too-short', 'a'.repeat(d.minLength - 1));
      const re = regexOf(d);
      if (re) {
        const bad = BAD_STRINGS.find((s) => NOT_PATH(s) && !re.test(s) && s.length >= (d.minLength ?? 0) && s.length <= (d.maxLength ?? Infinity));
        if (bad !== undefined) set(`pattern ${JSON.stringify(bad)}`, 'pattern', bad);
      }
    }
  }
  if (kind === 'integer' || kind === 'number') {
    if (d.minimum !== undefined) set(`below ${d.minimum}`, 'out-of-range', d.minimum - 1);
    if (d.maximum !== undefined) set(`above ${d.maximum}`, 'out-of-range', d.maximum + 1);
  }
  if (kind === 'list') {
    const items = value as Json[];
    if (d.minItems) set(`fewer than ${d.minItems} items`, 'too-few-items', items.slice(0, d.minItems - 1));
    if (d.maxItems !== undefined && d.maxItems <= 200 && items.length)
      set(`more than ${d.maxItems} items`, 'too-many-items', Array.from({ length: d.maxItems + 1 }, () => structuredClone(items[0])));
    if (recurse) items.forEach((item, i) => mutationsOf(api, refName(d.items), item, [...path, i], out));
  }
  if (kind === 'map') {
    const obj = value as Record<string, Json>;
    const keys = Object.keys(obj);
    if (d.minProperties) set(`fewer than ${d.minProperties} entries`, 'too-few-entries', Object.fromEntries(Object.entries(obj).slice(0, d.minProperties - 1)));
    if (d.maxProperties !== undefined && d.maxProperties <= 200 && keys.length) {
      const many = mapKeys(api, d, d.maxProperties + 1);
      if (many) set(`more than ${d.maxProperties} entries`, 'too-many-entries', Object.fromEntries(many.map((k) => [k, structuredClone(obj[keys[0]])])));
    }
    // a bad key
    const kd = api.defs[refName(d.propertyNames)];
    if (keys.length) {
      const addKey = (label: string, code: string, k: string) =>
        out.push({ label: `${at}: key ${label}`, code, path: [...path, k], where: 'key', apply: (r) => { get(r, path)[k] = structuredClone(obj[keys[0]]); } });
      if (kd.maxLength !== undefined && kd.maxLength < 20000) addKey(`longer than ${kd.maxLength}`, 'too-long', 'k'.repeat(kd.maxLength + 1));
      const re = regexOf(kd);
      if (re) {
        const bad = BAD_STRINGS.find((s) => NOT_PATH(s) && !re.test(s) && !keys.includes(s) && s.length >= (kd.minLength ?? 0) && s.length <= (kd.maxLength ?? Infinity));
        if (bad !== undefined) addKey(`pattern ${JSON.stringify(bad)}`, 'pattern', bad);
      }
    }
    if (recurse) for (const k of keys) mutationsOf(api, refName(d.additionalProperties), obj[k], [...path, k], out);
  }
  if (kind === 'structure') {
    const obj = value as Record<string, Json>;
    out.push({ label: `${at}: unknown key`, code: 'unknown-key', path: [...path, 'NotAMemberXyz'], where: 'key', apply: (r) => { get(r, path).NotAMemberXyz = 1; } });
    for (const m of d.required ?? [])
      out.push({ label: `${at}: without required ${m}`, code: 'missing-required', path, where: 'owner', apply: (r) => { delete get(r, path)[m]; } });
    if (recurse) for (const [m, v] of Object.entries(obj)) mutationsOf(api, refName(d.properties[m]), v, [...path, m], out);
  }
}

/** Every structure in the request with its path and def name (to add optional members to). */
function structures(api: Api, name: string, value: Json, path: Path, out: [Path, string][]) {
  const d = api.defs[name];
  const kind = kindOf(d);
  if (kind === 'structure') {
    out.push([path, name]);
    for (const [m, v] of Object.entries(value as Record<string, Json>)) structures(api, refName(d.properties[m]), v, [...path, m], out);
  } else if (kind === 'list') (value as Json[]).forEach((v, i) => structures(api, refName(d.items), v, [...path, i], out));
  else if (kind === 'map') for (const [k, v] of Object.entries(value as Record<string, Json>)) structures(api, refName(d.additionalProperties), v, [...path, k], out);
}

// ---------- checking ----------

/** How deep optional members are added: 1 = the optional members of the minimal request's objects. */
const MAX_DEPTH = 10;
const FORM_DEPTH = 2;

/** How the request is written: JSON Parameters, block YAML Parameters, or JSON Arguments of a JSONata state. */
type Form = 'json' | 'yaml' | 'jsonata';
const FORMS: Form[] = ['json', 'yaml', 'jsonata'];
const payloadPath = (form: Form): Path => ['States', 'T', form === 'jsonata' ? 'Arguments' : 'Parameters'];
function machineOf(api: Api, request: Json, form: Form = 'json', resource = api.resource): Json {
  const state: Record<string, Json> = { Type: 'Task', Resource: resource };
  if (form === 'jsonata') state.QueryLanguage = 'JSONata';
  state[form === 'jsonata' ? 'Arguments' : 'Parameters'] = request;
  state.End = true;
  return { StartAt: 'T', States: { T: state } };
}
function validate(machine: Json, form: Form = 'json') {
  const { text, spans } = form === 'yaml' ? serializeYaml(machine) : serialize(machine);
  const [ext, lang] = form === 'yaml' ? ['asl.yaml', 'asl-yaml'] : ['asl.json', 'asl'];
  // The documented rules between fields are not the shapes' own constraints (and the synthetic requests repeat items).
  const problems = service.validate(TextDocument.create(`file:///sweep/${docNumber++}.${ext}`, lang, 1, text)).filter((p) => p.code !== 'documented-rule');
  return { text, spans, problems };
}
const show = (text: string, ps: { offset: number; length: number; code?: string; severity: string; message: string }[]) =>
  ps.map((p) => `${p.severity} ${p.code} at ${JSON.stringify(text.slice(p.offset, p.offset + p.length).slice(0, 80))}: ${p.message.slice(0, 200)}`).join('\n');

/** The failures of one mutation: '' when it is flagged right. */
function checkMutation(api: Api, base: Json, m: Mutation, form: Form): string {
  const machine = machineOf(api, structuredClone(base), form);
  m.apply(machine);
  const { text, spans, problems } = validate(machine, form);
  if (m.code === '') return problems.length ? `${m.label}: want no finding, got\n${show(text, problems)}` : '';
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length !== 1 || errors[0].code !== m.code) return `${m.label}: want one ${m.code}, got\n${show(text, problems) || '(nothing)'}`;
  const e = errors[0];
  const s = spans.get(pathId(m.path))!;
  const [from, to] = [e.offset, e.offset + e.length];
  let want: [number, number, number, number]; // the error must cover [a,b] and stay within [c,d]
  if (m.where === 'key') want = [s.keyStart!, s.keyEnd!, s.keyStart!, s.end];
  else if (m.where === 'value') want = [s.start, s.end, s.keyStart ?? s.start, s.end];
  else {
    // missing required member: on the key of the enclosing object, or on the list item itself
    const k = s.keyStart !== undefined ? [s.keyStart, s.keyEnd!] : [s.start, s.end];
    want = [k[0], k[1], k[0], s.keyStart !== undefined ? s.keyEnd! : s.end];
  }
  if (!(from <= want[0] && to >= want[1] && from >= want[2] && to <= want[3]))
    return `${m.label}: ${m.code} at ${JSON.stringify(text.slice(from, to).slice(0, 80))}, want it on ${JSON.stringify(text.slice(want[0], want[1]).slice(0, 80))}`;
  return '';
}


const totals = { valid: 0, optional: 0, mutations: 0 };

describe('model sweep', () => {
  for (const api of apis) {
    describe(api.api, () => {
      const request = minimal(api, api.root) as Json;
      test('the minimal valid request has no finding (JSON, YAML, JSONata; every partition; with and without .sync)', () => {
        assert.notEqual(request, undefined, `no minimal request: ${[...unsatisfiable].join(', ')}`);
        const failures: string[] = [];
        const resources = [api.resource, api.resource.replace(/\.sync$/, ''), api.resource.replace(':aws:', ':aws-cn:'), api.resource.replace(':aws:', ':aws-us-gov:'), api.resource.replace(':aws:', ':${AWS::Partition}:')];
        for (const form of FORMS)
          for (const resource of new Set(resources)) {
            const { text, problems } = validate(machineOf(api, request, form, resource), form);
            totals.valid++;
            if (problems.length) failures.push(`${form} ${resource}:\n${show(text, problems)}`);
          }
        assert.equal(failures.join('\n'), '');
      });

      // The minimal request, and the minimal request with one optional member added (one level deep).
      const variants: { label: string; request: Json; mutate: [Path, string, Json][]; depth: number }[] = [];
      const rootMut: [Path, string, Json][] = [[[], api.root, request]];
      variants.push({ label: 'minimal', request, mutate: rootMut, depth: 0 });
      // Optional members at every depth: each one added (with its required members only) to the request that
      // holds its parent, so every member the model has is present once, in a request as small as possible.
      const addOptionals = (base: Json, structs: [Path, string][], depth: number, stack: string[]) => {
        for (const [p, name] of structs) {
          const d = api.defs[name];
          for (const [m, ref] of Object.entries<Def>(d.properties)) {
            if ((d.required ?? []).includes(m)) continue;
            const v = minimal(api, refName(ref));
            if (v === undefined) continue;
            const r = structuredClone(base);
            get(r, p)[m] = v;
            variants.push({ label: `with ${[...p, m].join('.')}`, request: r, mutate: [[[...p, m], refName(ref), v]], depth });
            if (depth >= MAX_DEPTH || stack.includes(refName(ref))) continue;
            const inner: [Path, string][] = [];
            structures(api, refName(ref), v, [...p, m], inner);
            addOptionals(r, inner, depth + 1, [...stack, refName(ref)]);
          }
        }
      };
      const structs: [Path, string][] = [];
      structures(api, api.root, request, [], structs);
      addOptionals(request, structs, 1, [api.root]);

      for (const form of FORMS) {
        // JSON goes to every depth; YAML and JSONata, which share the checks and differ in parsing, to FORM_DEPTH.
        const formVariants = variants.filter((v) => form === 'json' || v.depth <= FORM_DEPTH);
        test(`${form}: each optional member added to the request that holds its parent keeps it clean (${formVariants.length - 1} members)`, () => {
          const failures: string[] = [];
          for (const v of formVariants.slice(1)) {
            const { text, problems } = validate(machineOf(api, v.request, form), form);
            totals.optional++;
            if (problems.length) failures.push(`${v.label}:\n${show(text, problems)}`);
          }
          assert.equal(failures.join('\n'), '');
        });

        test(`${form}: each single mutation gets exactly one error of its kind, on the mutated value`, () => {
          const failures: string[] = [];
          const seen = new Set<string>();
          for (const v of formVariants) {
            // An optional variant that is not clean is reported above; mutating it would only repeat that.
            if (v !== variants[0] && validate(machineOf(api, v.request, form), form).problems.length) continue;
            for (const [p, name, value] of v.mutate) {
              const ms: Mutation[] = [];
              mutationsOf(api, name, value, [...payloadPath(form), ...p], ms, true);
              for (const m of ms) {
                const key = m.label + '|' + v.label;
                if (seen.has(key)) continue;
                seen.add(key);
                totals.mutations++;
                const f = checkMutation(api, v.request, m, form);
                if (f) failures.push(`[${v.label}] ${f}`);
              }
            }
          }
          assert.equal(failures.join('\n'), '');
        });
      }
    });
  }
  test('summary', () => {
    console.log(`model sweep: ${totals.valid} minimal requests, ${totals.optional} optional members, ${totals.mutations} mutations; unsatisfiable: ${[...unsatisfiable].join('; ') || 'none'}`);
  });
});

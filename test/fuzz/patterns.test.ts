// No pattern of the model, and no check of the service, backtracks catastrophically on a 100 kB value.
// - Every pattern-checked shape with a maximum length rejects a longer value by its length, before the pattern
//   runs (RegExp.prototype.test is watched).
// - No pattern of schemas/sagemaker/*.schema.json backtracks super-linearly on what can reach it: scslre (the
//   analysis eslint-plugin-regexp uses) finds no exponential backtracking in any, and a polynomial one (a quadratic
//   trade between two quantifiers) only in patterns whose every shape has a maximum length, which the test above
//   proves bounds what the pattern sees. Then each pattern, compiled as shapes.ts compiles it, runs its worst
//   inputs (long runs of characters it accepts, then one it does not, after prefixes that reach its inner
//   quantifiers) as long as a value reaching it can be. No clock anywhere.
// - Documents full of hostile values go through validation in linear time: its steps (test/unit/steps.ts, V8's
//   block counts, no clock) at most double when the values double.
// The step counter first: it counts only what is compiled after it starts.
import { notLinear } from '../unit/steps';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RegExpParser } from '@eslint-community/regexpp';
import { analyse } from 'scslre';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../../server/src/service/languageService';
import { getIntegration, integrationNames, type Shape } from '../../server/src/service/sagemaker/shapes';

const root = join(__dirname, '..', '..', '..');
const N = 100_000;
// ---- Worst inputs of a pattern --------------------------------------------------------------------------------

// One of each kind of character the patterns' classes tell apart, and the pairs their groups repeat.
const UNITS = ['a', '0', '-', '_', '.', '/', ':', ' ', '\t', '\n', 'é', '😀', '\uD800', '+', '@', 'K', 'a-', 'a ', 'a.', '1.', 'a--', 'us-'];
const ACCOUNT = 'arn:aws:sagemaker:us-east-1:123456789012:';
const PREFIXES = [
  '', 'a', 'a/', '/', '1', 'fs-', 's3://', 's3://b/', 'https://h/', 'application/', 'arn:', 'arn:aws:sagemaker:', ACCOUNT, `${ACCOUNT}model/`,
  `${ACCOUNT}hub-content/`, `${ACCOUNT}hub-content/h/Model/`, `${ACCOUNT}hub-content/h/DataSet/`, `${ACCOUNT}model-package/`,
  `${ACCOUNT}training-plan/`, 'arn:aws:iam::123456789012:role/', 'arn:aws:sns:us-east-1:123456789012:', 'arn:aws:lambda:us-east-1:123456789012:function:',
];
const SUFFIXES = ['', '!', '-', '\n', '\uD800'];

/**
 * Every unit's run, and each prefix that makes the pattern accept a short run of a unit it does not accept
 * bare: the run made 100 kB long, then each suffix. These are the inputs that make a backtracking engine retry.
 */
function* worstInputs(re: RegExp, length: number): Generator<string> {
  for (const prefix of PREFIXES) {
    for (const unit of UNITS) {
      // A prefix matters only when it leads to a run the pattern does not accept on its own.
      if (prefix !== '' && (re.test(unit.repeat(20)) || !re.test(prefix + unit.repeat(20)))) continue;
      const run = prefix + unit.repeat(Math.ceil(length / unit.length));
      for (const suffix of SUFFIXES) yield run + suffix;
    }
  }
}

function runPattern(pattern: string, length: number): number {
  const re = new RegExp(pattern, 'u'); // as shapes.ts compiles it
  let n = 0;
  for (const input of worstInputs(re, length)) {
    re.test(input);
    n++;
  }
  return n;
}

/** Every pattern of the generated schemas, with the shapes that use it and whether each has a maximum length. */
function schemaPatterns(): Map<string, { shape: string; maxLength?: number }[]> {
  const out = new Map<string, { shape: string; maxLength?: number }[]>();
  const dir = join(root, 'schemas', 'sagemaker');
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.schema.json'))) {
    const schema = JSON.parse(readFileSync(join(dir, f), 'utf8'));
    for (const [name, d] of Object.entries<any>(schema.$defs)) {
      if (!d.pattern) continue;
      const list = out.get(d.pattern) ?? [];
      list.push({ shape: name, maxLength: d.maxLength });
      out.set(d.pattern, list);
    }
  }
  return out;
}

// ---- Shapes with patterns, reached through a request -------------------------------------------------------

type Step = { member: string } | { item: true } | { mapValue: true } | { mapKey: true };

/** One path from the request to every string shape with a pattern (first found, breadth first). */
function patternShapePaths(request: Shape): { shape: Shape; path: Step[] }[] {
  const seen = new Set<Shape>([request]);
  const found: { shape: Shape; path: Step[] }[] = [];
  const queue: { shape: Shape; path: Step[] }[] = [{ shape: request, path: [] }];
  const visit = (shape: Shape, path: Step[]) => {
    if (seen.has(shape)) return;
    seen.add(shape);
    if (shape.kind === 'string' && shape.pattern) found.push({ shape, path });
    queue.push({ shape, path });
  };
  while (queue.length) {
    const { shape, path } = queue.shift()!;
    if (shape.kind === 'structure') for (const m of shape.members!.values()) visit(m.shape, [...path, { member: m.name }]);
    if (shape.kind === 'list') visit(shape.items!, [...path, { item: true }]);
    if (shape.kind === 'map') {
      visit(shape.key!, [...path, { mapKey: true }]);
      visit(shape.value!, [...path, { mapValue: true }]);
    }
  }
  return found;
}

/** A payload holding `value` at `path` (as a map key when the path ends at one). */
function payloadWith(path: Step[], value: string): unknown {
  let inner: unknown = value;
  for (let i = path.length - 1; i >= 0; i--) {
    const step = path[i];
    if ('member' in step) inner = { [step.member]: inner };
    else if ('item' in step) inner = [inner];
    else if ('mapValue' in step) inner = { key: inner };
    else inner = { [value]: 'v' };
  }
  return inner;
}

const machine = (api: string, payload: unknown, jsonata = false) =>
  JSON.stringify({
    StartAt: 'S',
    ...(jsonata ? { QueryLanguage: 'JSONata' } : {}),
    States: { S: { Type: 'Task', Resource: `arn:aws:states:::sagemaker:${api}.sync`, [jsonata ? 'Arguments' : 'Parameters']: payload, End: true } },
  });

/** Hostile values of about n characters for the service's own checks (placeholders, JSONata, JSONPath, intrinsics, patterns). */
const hostile = (n: number) => [
  'a'.repeat(n) + '!', '${'.repeat(n / 2), '${'.repeat(n / 2) + '}', ' '.repeat(n) + 'x', '{%' + ' '.repeat(n), '{%' + '%}'.repeat(n / 2) + 'x',
  '$' + '.a'.repeat(n / 2) + '[', '$$.' + 'a'.repeat(n), '$[' + '['.repeat(n), "States.Format('" + '{}'.repeat(n / 2), 'States.Format(' + '('.repeat(n),
  'States.' + 'A'.repeat(n) + '(', 'arn:aws:iam::123456789012:role/' + 'a'.repeat(n) + '!', 'a-'.repeat(n / 2) + '-',
  '{% ' + '1+'.repeat(n / 2) + '1 %}', '{% ' + '('.repeat(n) + ' %}', '{% "' + 'a'.repeat(n) + ' %}', 'States.Array(' + '1, '.repeat(n / 3) + '1)',
  'States.Format(' + 'States.Array('.repeat(n / 13), "States.Format('" + "\\'".repeat(n / 2) + "')",
];

/** Validates documents full of hostile values of about n characters with `service`; the number of findings. */
function validateHostile(service: ReturnType<typeof getLanguageService>, api: string, jsonata: boolean, n: number): number {
  const request = getIntegration(api)!.request;
  let problems = 0;
  // Every top-level string member gets every hostile value, and so do a few `.$` variants and an unknown key.
  const strings = [...request.members!.values()].filter((m) => m.shape.kind === 'string').map((m) => m.name);
  for (const value of hostile(Math.round(n))) {
    const payload: Record<string, unknown> = { [value]: value, [`${value}.$`]: value };
    for (const name of strings) payload[name] = value;
    for (const name of strings.slice(0, 3)) payload[`${name}.$`] = value;
    const text = machine(api, payload, jsonata);
    problems += service.validate(TextDocument.create(`file:///hostile/${api}/${n}`, 'asl', 1, text)).length;
  }
  // The Resource and the state name too.
  const text = JSON.stringify({ StartAt: 'S', States: { ['${'.repeat(n / 2)]: { Type: 'Task', Resource: 'arn:${' + 'a'.repeat(n) } } });
  problems += service.validate(TextDocument.create(`file:///hostile/resource/${n}`, 'asl', 1, text)).length;
  return problems;
}

test('every pattern-checked shape with a maximum length rejects a longer value by its length, before the pattern runs', (t) => {
  const service = getLanguageService();
  const patterns = new Set<RegExp>();
  let shapes = 0, withoutMax = 0;
  const original = RegExp.prototype.test;
  const longest = new Map<RegExp, number>();
  RegExp.prototype.test = function (this: RegExp, s: string) {
    if (patterns.has(this)) longest.set(this, Math.max(longest.get(this) ?? 0, String(s).length));
    return original.call(this, s);
  };
  try {
    for (const api of integrationNames) {
      for (const { shape, path } of patternShapePaths(getIntegration(api)!.request)) {
        patterns.add(shape.pattern!);
        if (shape.max === undefined) {
          withoutMax++;
          continue; // its pattern is proved linear directly below
        }
        shapes++;
        const value = 'a'.repeat(N) + '!';
        const text = machine(api, payloadWith(path, value));
        const problems = service.validate(TextDocument.create(`file:///long/${api}/${shape.name}`, 'asl', 1, text));
        const at = text.indexOf(JSON.stringify(value));
        const tooLong = problems.find((p) => p.code === 'too-long' && p.offset === at);
        assert.ok(tooLong, `${api} ${shape.name} (max ${shape.max}): ${JSON.stringify(problems.map((p) => [p.code, p.offset, p.message.slice(0, 80)]))}`);
        assert.equal(tooLong.length, value.length + 2);
        assert.ok(!problems.some((p) => p.code === 'pattern'), `${shape.name}: no pattern finding on an over-long value`);
        const ran = longest.get(shape.pattern!) ?? 0;
        assert.ok(ran <= shape.max, `${shape.name}: its pattern ran on a ${ran}-character string (max ${shape.max})`);
      }
    }
  } finally {
    RegExp.prototype.test = original;
  }
  t.diagnostic(`${shapes} pattern-checked shapes (all APIs) rejected by length; ${withoutMax} reached without a maximum length`);
});

test('no pattern of the model backtracks super-linearly on a value that can reach it, and each runs its worst inputs', (t) => {
  const patterns = schemaPatterns();
  const polynomial: string[] = [];
  for (const [pattern, shapes] of patterns) {
    const where = `${shapes.map((s) => s.shape).join(', ')}: /${pattern}/u`;
    // As a literal, the way the analysis reads it (the source RegExp gives has its slashes escaped).
    const { reports } = analyse(new RegExpParser().parseLiteral(`/${new RegExp(pattern, 'u').source}/u`));
    assert.ok(!reports.some((r) => r.exponential), `${where}: exponential backtracking`);
    if (!reports.length) continue;
    // Polynomial: one trade between two quantifiers (quadratic), only where the length check bounds the value.
    assert.equal(reports.length, 1, `${where}: ${reports.length} super-linear spots`);
    for (const s of shapes) assert.ok(s.maxLength !== undefined && s.maxLength <= 4096, `${where}: quadratic on ${s.shape}, whose values are not bounded`);
    polynomial.push(`/${pattern}/ (at most ${Math.max(...shapes.map((s) => s.maxLength!))} characters)`);
  }
  // The engine agrees: every pattern finishes its worst inputs, as long as a value that reaches it can be.
  let inputs = 0;
  for (const [pattern, shapes] of patterns) inputs += runPattern(pattern, shapes.every((s) => s.maxLength !== undefined) ? Math.max(...shapes.map((s) => s.maxLength!)) : N);
  const noMax = [...patterns].flatMap(([p, shapes]) => shapes.filter((s) => s.maxLength === undefined).map((s) => `${s.shape} /${p}/`));
  t.diagnostic(`${patterns.size} patterns, ${inputs} worst inputs; quadratic: ${polynomial.join(', ') || 'none'}; without a maximum length (100 kB inputs): ${noMax.join(', ') || 'none'}`);
});

test('validation is linear on documents full of hostile values (string members, .$ keys, unknown keys, Resource, state name): its steps double when they double', (t) => {
  // Steps, not a clock (test/unit/steps.ts): 20,000 characters at most, so quadratic work stays below the
  // counters' 2^31 and shows as such; the regular expressions' own work is the two tests above.
  const service = getLanguageService();
  let documents = 0;
  const apis: [string, boolean][] = [...integrationNames.map((api): [string, boolean] => [api, false]), ['createTrainingJob', true]];
  // JSONata states read `{% … %}` values and have no `.$` keys: one API is enough for that path.
  for (const [api, jsonata] of apis) {
    let problems = 0;
    const why = notLinear((n) => () => (problems = validateHostile(service, api, jsonata, n)), 20_000);
    assert.equal(why, undefined, `${api}${jsonata ? ' (JSONata)' : ''}`);
    assert.ok(problems > 0, api);
    documents += hostile(4).length + 1;
  }
  t.diagnostic(`${documents} documents at each of 3 sizes`);
});

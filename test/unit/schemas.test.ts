import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');
const dir = join(root, 'schemas', 'sagemaker');
// The generator is plain ESM, run by Node as it is (`npm run schemas`).
const generator = () => import(join(root, 'schemas', 'generate.mjs'));

test('the committed schemas are exactly what the generator makes from the model (never hand-edited)', async () => {
  const { generate } = await generator();
  const model = JSON.parse(readFileSync(join(root, 'schemas', 'aws-model', 'sagemaker-2017-07-24.service-2.json'), 'utf8'));
  const schemas = generate(model);
  for (const [api, schema] of Object.entries(schemas)) {
    assert.equal(readFileSync(join(dir, `${api}.schema.json`), 'utf8'), JSON.stringify(schema, null, 1) + '\n', `${api}: run npm run schemas`);
  }
  // The AWS SDK integration's requests: every operation, its action the name with a lowercase first letter.
  const sdk = (await generator()).generateSdk(model);
  assert.equal(readFileSync(join(dir, 'sdk-requests.json'), 'utf8'), JSON.stringify(sdk) + '\n', 'sdk-requests.json: run npm run schemas');
  assert.equal(Object.keys(sdk['x-operations']).length, Object.keys(model.operations).length);
  assert.deepEqual(sdk['x-operations'].createPipeline, { operation: 'CreatePipeline', request: 'CreatePipelineRequest' });
  assert.ok(readFileSync(join(dir, 'index.ts'), 'utf8').includes(`sageMakerSdkActions: readonly string[] = ${JSON.stringify(Object.keys(sdk['x-operations']))};`), 'index.ts: run npm run schemas');
  for (const def of Object.values<{ pattern?: string }>(sdk.$defs)) if (def.pattern) new RegExp(def.pattern, 'u');
});

test('every pattern compiles with the u flag and matches the whole value', () => {
  let n = 0;
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.schema.json'))) {
    for (const def of Object.values<any>(JSON.parse(readFileSync(join(dir, f), 'utf8')).$defs)) {
      if (!def.pattern) continue;
      assert.doesNotThrow(() => new RegExp(def.pattern, 'u'), def['x-awsShape']);
      assert.match(def.pattern, /^\^\(\?:.*\)\$$/s);
      n++;
    }
  }
  assert.ok(n > 100);
});

test('Java-only constructs are translated', async () => {
  const { toJsPattern } = await generator();
  assert.equal(toJsPattern('arn:[\\p{Alnum}\\-]+:lambda'), '^(?:arn:[A-Za-z0-9\\-]+:lambda)$');
  assert.equal(toJsPattern('[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*'), '^(?:[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$');
  assert.equal(toJsPattern('a\\-b\\_c'), '^(?:a-b_c)$');
  // Any escaped non-letter is itself in Java; a quantified assertion (`${1,128}` in a tag pattern) is the assertion.
  assert.equal(toJsPattern('[a-z\\ _]+'), '^(?:[a-z _]+)$');
  assert.equal(toJsPattern('([a-z]*)${1,128}'), '^(?:([a-z]*)$)$');
});

test("Java's reading of \\s, \\S and . is kept: ASCII whitespace only, and . stops at U+0085 too", async () => {
  const { toJsPattern } = await generator();
  const java = (p: string) => new RegExp(toJsPattern(p), 'u');
  // A no-break space is not whitespace to Java: AWS accepts it where a pattern wants non-space (AlarmName, Image).
  assert.ok(java('(?!\\s*$).+').test('\u00a0'));
  assert.ok(java('[\\S]+').test('a\u00a0b\ufeff'));
  assert.ok(!java('[\\S]+').test('a b'));
  assert.ok(!java('(?!\\s*$).+').test(' \t'));
  // Java's `.` is not a line terminator, and U+0085 (NEXT LINE) is one.
  assert.ok(!java('.+').test('a\u0085b'));
  assert.ok(!java('.+').test('a\u2028b'));
  assert.ok(java('[.]').test('.') && !java('[.]').test('x'));
  // Everything, both ways round, stays everything; a class mixing \S with other characters stays a union.
  assert.ok(java('[\\S\\s]*').test('a\u0085\n\u00a0'));
  assert.ok(java('[\\s\\S]+').test('\n'));
  assert.ok(java('[-\\S]').test('-') && java('[-\\S]').test('x') && !java('[-\\S]').test(' '));
  assert.ok(java('[^a\\s]+').test('b\u00a0') && !java('[^a\\s]+').test('b c'));
});

test('simple patterns are described in words; others are not', async () => {
  const { describePattern } = await generator();
  assert.equal(describePattern('[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}'), 'letters, digits and hyphens');
  assert.equal(describePattern('[a-zA-Z_][a-zA-Z0-9_]*'), 'letters, digits and underscores');
  for (const p of ['.*', 'arn:aws[a-z\\-]*:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+', '[^/]+', '(?!\\s*$).+']) assert.equal(describePattern(p), undefined, p);
});

test('HTML documentation becomes Markdown', async () => {
  const { htmlToMarkdown } = await generator();
  assert.equal(
    htmlToMarkdown('<p>The <code>Name</code> of the <a href="https://x.test/a">job</a>.</p> <ul><li><p>one</p></li><li>two</li></ul>'),
    'The `Name` of the [job](https://x.test/a).\n\n- one\n\n- two',
  );
  // Two spans in a sentence keep the words between them spaced (outside round 34: "supports`File`mode"), and a
  // span's own spaces go so Markdown reads it as one.
  assert.equal(
    htmlToMarkdown('<p> <b> Pipe mode </b> </p> <p>If it supports <code>Pipe</code> mode, valid values are <code> None </code> and <code>Input</code>.</p>'),
    '**Pipe mode**\n\nIf it supports `Pipe` mode, valid values are `None` and `Input`.',
  );
});

test('every pattern has recheck\'s verdict (npm run schemas), and those that backtrack are matched in linear time, agreeing with V8', async () => {
  const { allPatterns } = await import(join(root, 'schemas', 'backtracking.mjs'));
  const table = JSON.parse(readFileSync(join(dir, 'backtracking.json'), 'utf8'));
  assert.deepEqual(table.judged, allPatterns(), 'backtracking.json: run npm run schemas (a pattern has no verdict)');
  // The documented rules' own patterns are matched by V8 (documentedRules.ts): none may backtrack.
  const rules = JSON.parse(readFileSync(join(root, 'schemas', 'documented-rules.json'), 'utf8')).rules.filter((r: { pattern?: string }) => r.pattern);
  for (const r of rules) assert.ok(!(r.pattern in table.backtracking), `${r.id}: its pattern backtracks`);
  const { patternMatcher, re2Source } = await import('../../server/src/service/sagemaker/linearPattern');
  const { RE2JS } = await import('re2js');
  const samples = ['', 'a', 'abc', 'a-b', '1.2.3', '1.2', 'v1', ' x', 'a\u0085', 'https://host/a/b', 'https://a.b/c/d', 's3://bucket/key', 'https://x', 'a/b', 'x\ny',
    'arn:aws:sagemaker:us-east-1:123456789012:pipeline/p/execution/e', 'arn:aws:sagemaker:us-east-1:123456789012:model-card/c', 'arn:aws:sagemaker:us-east-1:aws:pipeline/p', 'team-1'];
  for (const p of Object.keys(table.backtracking)) {
    const v8 = new RegExp(p, 'u');
    const re2 = RE2JS.compile(re2Source(p));
    const linear = patternMatcher(p);
    for (const s of samples) {
      assert.equal(re2.matcher(s).find(), v8.test(s), `${p} on ${JSON.stringify(s)}`);
      assert.equal(linear(s), v8.test(s), `${p} on ${JSON.stringify(s)}`);
    }
    // What made V8 backtrack for seconds is answered at once (28 spaces then U+0085; 28 letters then "!").
    // A long value takes re2js's way for a polynomial pattern too.
    for (const s of [' '.repeat(28) + '\u0085', 'https://' + 'a'.repeat(28) + '!', 'a'.repeat(28) + '!', 's3://' + 'a/'.repeat(100_000) + '\n']) assert.equal(typeof linear(s), 'boolean');
  }
});

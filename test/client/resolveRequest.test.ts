// What a launch from the editor sends: the Task's Parameters/Arguments resolved against an execution input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { resolveRequest, makeExecutionContext, findPlaceholders, ResolveError, JSONATA_LIMITS, sandboxFlags, type ResolveOptions } from '../../client/src/jobs/resolveRequest';
import { evaluateIntrinsic } from '../../server/src/service/expressions/index';

const input = { model: { name: 'churn', epochs: 10 }, 'odd key': 'x', files: ['a.csv', 'b.csv'], params: '{"eta":"0.2"}' };
const context = makeExecutionContext({ stateMachineName: 'TrainPipeline', stateName: 'Train', input, region: 'eu-west-1', account: '111122223333', executionName: 'exec-42', now: new Date('2026-11-22T10:00:00Z') });
const jsonPath: ResolveOptions = { queryLanguage: 'JSONPath', input, context };
// JSONata is evaluated in its own process, by the script the build puts beside dist/jobs.js.
if (!existsSync('dist/jsonata-worker.js')) spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
const jsonata: ResolveOptions = { queryLanguage: 'JSONata', input, context, jsonataWorker: path.resolve('dist/jsonata-worker.js') };
const intrinsic = (text: string) => evaluateIntrinsic(text, { input, context });

test('paths: $, $.a.b, $[\'a\'], [0], and the context object', async () => {
  assert.deepEqual(
    await resolveRequest(
      {
        'All.$': '$',
        'Name.$': '$.model.name',
        'Odd.$': "$['odd key']",
        'First.$': '$.files[0]',
        'Exec.$': '$$.Execution.Name',
        'Id.$': '$$.Execution.Id',
        'Machine.$': '$$.StateMachine.Name',
        'Started.$': '$$.Execution.StartTime',
        Nested: { 'Epochs.$': '$.model.epochs', Fixed: 'x' },
        List: [{ 'F.$': '$.files[1]' }],
      },
      jsonPath,
    ),
    {
      All: input,
      Name: 'churn',
      Odd: 'x',
      First: 'a.csv',
      Exec: 'exec-42',
      Id: 'arn:aws:states:eu-west-1:111122223333:execution:TrainPipeline:exec-42',
      Machine: 'TrainPipeline',
      Started: '2026-11-22T10:00:00.000Z',
      Nested: { Epochs: 10, Fixed: 'x' },
      List: [{ F: 'b.csv' }],
    },
  );
});

test('a path missing from the input is an error naming the key and what is there', async () => {
  await assert.rejects(resolveRequest({ HyperParameters: { 'epochs.$': '$.model.epoch' } }, jsonPath), (e: ResolveError) => {
    assert.equal(e.key, 'HyperParameters.epochs.$');
    assert.equal(e.message, 'HyperParameters.epochs.$: $.model.epoch is not in the execution input ($.model is an object with "name", "epochs")');
    return true;
  });
  await assert.rejects(resolveRequest({ 'X.$': '$.files[5]' }, jsonPath), /X\.\$: \$\.files\[5\] is not in the execution input \(\$\.files is an array of 2\)/);
  await assert.rejects(resolveRequest({ 'X.$': '$$.Execution.Nope' }, jsonPath), /X\.\$: \$\$\.Execution\.Nope is not in the context object \(\$\$\.Execution is an object/);
  // The server's message for the same mistake: one parser for both sides.
  await assert.rejects(resolveRequest({ 'X.$': 'model.name' }, jsonPath), (e: ResolveError) => {
    assert.equal(e.message, 'X.$: "model.name" is not a JSONPath ($…, $$…) or an intrinsic function (States.…); a key ending in .$ takes one of those (did you mean "$.model.name"?)');
    return true;
  });
  await assert.rejects(resolveRequest({ 'X.$': 42 }, jsonPath), /X\.\$: a key ending in \.\$ needs a path or an intrinsic function/);  // Every path the input lacks, at once (walk37: each launch named one more).
  await assert.rejects(resolveRequest({ 'TrainingJobName.$': '$.name', OutputDataConfig: { 'S3OutputPath.$': '$.out' }, 'Tags': [{ 'Value.$': '$.model.name' }, { 'Value.$': '$.team' }] }, jsonPath), (e: ResolveError) => {
    assert.equal(e.key, 'TrainingJobName.$');
    assert.deepEqual(e.more.map((m) => m.key), ['OutputDataConfig.S3OutputPath.$', 'Tags[1].Value.$']);
    assert.match(e.message, /^TrainingJobName\.\$: \$\.name is not in the execution input .*; OutputDataConfig\.S3OutputPath\.\$: \$\.out is not in the execution input .*; Tags\[1\]\.Value\.\$: \$\.team is not in the execution input/);
    return true;
  });
});

test('States.Format builds job names from paths and the context', async () => {
  assert.deepEqual(await resolveRequest({ 'TrainingJobName.$': "States.Format('{}-{}', $.model.name, $$.Execution.Name)" }, jsonPath), { TrainingJobName: 'churn-exec-42' });
  assert.equal(intrinsic("States.Format('a \\{literal\\} {}', 3)"), 'a {literal} 3');
  assert.throws(() => intrinsic("States.Format('{} {}', 1)"), /States\.Format: the template has more \{\} than arguments \(1\)/);
});

test('every intrinsic function', () => {
  assert.deepEqual(intrinsic('States.StringToJson($.params)'), { eta: '0.2' });
  assert.equal(intrinsic('States.JsonToString($.model)'), '{"name":"churn","epochs":10}');
  assert.deepEqual(intrinsic("States.Array(1, 'two', $.model.epochs, true, null)"), [1, 'two', 10, true, null]);
  assert.match(String(intrinsic('States.UUID()')), /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.equal(intrinsic('States.MathAdd($.model.epochs, -3)'), 7);
  assert.equal(intrinsic('States.ArrayGetItem($.files, 1)'), 'b.csv');
  assert.equal(intrinsic('States.ArrayLength($.files)'), 2);
  assert.equal(intrinsic("States.Hash('input data', 'SHA-1')"), 'aaff4a450a104cd177d28d18d74485e8cae074b7');
  assert.equal(intrinsic("States.Base64Encode('Data to encode')"), 'RGF0YSB0byBlbmNvZGU=');
  assert.equal(intrinsic("States.Base64Decode('RGF0YSB0byBlbmNvZGU=')"), 'Data to encode');
  assert.deepEqual(intrinsic("States.StringSplit('This.is+a,test=string', '.+,=')"), ['This', 'is', 'a', 'test', 'string']);
  const r = intrinsic('States.MathRandom(1, 999)') as number;
  assert.ok(Number.isInteger(r) && r >= 1 && r < 999);
  assert.deepEqual(intrinsic('States.ArrayPartition(States.Array(1,2,3,4,5), 2)'), [[1, 2], [3, 4], [5]]);
  assert.equal(intrinsic('States.ArrayContains($.files, \'b.csv\')'), true);
  assert.deepEqual(intrinsic('States.ArrayRange(1, 9, 2)'), [1, 3, 5, 7, 9]);
  assert.deepEqual(intrinsic('States.ArrayUnique(States.Array(1, 2, 2, 3, 1))'), [1, 2, 3]);
  // Deep equality: keys in any order are one object; 1 and '1' are two items.
  assert.deepEqual(intrinsic(`States.ArrayUnique(States.StringToJson('[{"a":1,"b":[2]},{"b":[2],"a":1},1,"1",[1],[1]]'))`), [{ a: 1, b: [2] }, 1, '1', [1]]);
  // One pass, not each item against those before it (that took minutes on a few thousand items).
  const many = Array.from({ length: 50_000 }, (_, i) => i % 25_000);
  assert.deepEqual(intrinsic(`States.ArrayUnique(States.StringToJson('${JSON.stringify(many)}'))`), many.slice(0, 25_000));
  assert.deepEqual(intrinsic("States.JsonMerge($.model, States.StringToJson('{\"epochs\":20}'), false)"), { name: 'churn', epochs: 20 });
});

test('intrinsic errors say which function and what it needs', async () => {
  assert.throws(() => intrinsic('States.ArrayGetItem($.files, 7)'), /States\.ArrayGetItem: the index must be an integer from 0 to 1, got 7/);
  assert.throws(() => intrinsic("States.Hash('x', 'CRC32')"), /States\.Hash: the algorithm must be one of MD5, SHA-1, SHA-256, SHA-384, SHA-512/);
  assert.throws(() => intrinsic('States.Nope(1)'), /States\.Nope is not an intrinsic function/);
  assert.throws(() => intrinsic("States.Format('x'"), { message: 'States.Format( is not closed: a ) is missing' });
  assert.throws(() => intrinsic("States.Format('{}', $.a.)"), { message: 'A name is missing after "." in "$.a." (at position 23 of "States.Format(\'{}\', $.a.)")' });
  await assert.rejects(resolveRequest({ 'N.$': 'States.JsonMerge($.model, $.files, false)' }, jsonPath), /^ResolveError: N\.\$: States\.JsonMerge: both arguments must be objects/);
});

test('JSONata {% %} against $states.input and $states.context, with Step Functions\' own functions', async () => {
  const out = await resolveRequest(
    {
      TrainingJobName: "{% $states.input.model.name & '-' & $states.context.Execution.Name %}",
      HyperParameters: { epochs: '{% $string($states.input.model.epochs * 2) %}' },
      Files: '{% $states.input.files %}',
      Hash: "{% $hash('input data', 'SHA-1') %}",
      Parts: '{% $partition([1,2,3], 2) %}',
      Literal: 'plain text',
    },
    jsonata,
  );
  assert.deepEqual(out, {
    TrainingJobName: 'churn-exec-42',
    HyperParameters: { epochs: '20' },
    Files: ['a.csv', 'b.csv'],
    Hash: 'aaff4a450a104cd177d28d18d74485e8cae074b7',
    Parts: [[1, 2], [3]],
    Literal: 'plain text',
  });
});

test('JSONata: no value and a syntax error name the key', async () => {
  await assert.rejects(resolveRequest({ RoleArn: '{% $states.input.role %}' }, jsonata), /^ResolveError: RoleArn: the JSONata expression \{% \$states\.input\.role %\} gives no value for this execution input$/);
  await assert.rejects(resolveRequest({ A: { B: '{% $states.input. %}' } }, jsonata), /^ResolveError: A\.B: the JSONata expression does not parse/);
});

test('JSONata is evaluated as Step Functions runs it, 2.0.6: 2.1\'s ?? and ?: do not parse, and the error says why', async () => {
  await assert.rejects(resolveRequest({ A: '{% $states.input.missing ?? "d" %}' }, jsonata),
    /^ResolveError: A: the JSONata expression does not parse: \?\? is JSONata 2\.1 syntax; Step Functions uses JSONata 2\.0\.6, which does not have it: write \$exists\(x\) \? x : y$/);
  await assert.rejects(resolveRequest({ A: '{% $states.input.missing ?: "d" %}' }, jsonata), /^ResolveError: A: the JSONata expression does not parse: \?: is JSONata 2\.1 syntax; Step Functions uses JSONata 2\.0\.6/);
  assert.deepEqual(await resolveRequest({ A: '{% $exists($states.input.missing) ? $states.input.missing : "d" %}' }, jsonata), { A: 'd' });
});

test('JSONata $range and $partition from the input: a step of 0, too many items or a chunk size below 1 fail the launch, never loop', async () => {
  const withInput = (v: unknown): ResolveOptions => ({ ...jsonata, input: v });
  await assert.rejects(resolveRequest({ Items: '{% $range(5, 0, $states.input.step) %}' }, withInput({ step: 0 })), (e: ResolveError) => {
    assert.ok(e instanceof ResolveError);
    assert.equal(e.key, 'Items');
    assert.equal(e.message, 'Items: the JSONata expression fails: $range: step must not be 0, got 0');
    return true;
  });
  await assert.rejects(resolveRequest({ Items: '{% $range(1, $states.input.n, 1) %}' }, withInput({ n: 1001 })), /^ResolveError: Items: the JSONata expression fails: \$range: the range has more than 1000 items$/);
  await assert.rejects(resolveRequest({ Parts: '{% $partition([1, 2, 3], $states.input.size) %}' }, withInput({ size: 0 })), /^ResolveError: Parts: the JSONata expression fails: \$partition: the chunk size must be a positive integer, got 0$/);
  const out = await resolveRequest({ Items: '{% $range(1, $states.input.n, 1) %}', Down: '{% $range(5, 0, $states.input.step) %}' }, withInput({ n: 1000, step: -2 }));
  assert.equal((out.Items as number[]).length, 1000);
  assert.deepEqual(out.Down, [5, 3, 1]);
});

test('${…} placeholders are listed, then filled in; one without a value is an error', async () => {
  const payload = { RoleArn: '${SageMakerRoleArn}', OutputDataConfig: { S3OutputPath: 's3://${Bucket}/models/${Bucket}' }, 'TrainingJobName.$': "States.Format('${Prefix}-{}', $$.Execution.Name)" };
  assert.deepEqual(findPlaceholders(payload), ['SageMakerRoleArn', 'Bucket', 'Prefix']);
  assert.deepEqual(await resolveRequest(payload, { ...jsonPath, placeholders: { SageMakerRoleArn: 'arn:aws:iam::111122223333:role/SM', Bucket: 'b1', Prefix: 'p' } }), {
    RoleArn: 'arn:aws:iam::111122223333:role/SM',
    OutputDataConfig: { S3OutputPath: 's3://b1/models/b1' },
    TrainingJobName: 'p-exec-42',
  });
  await assert.rejects(resolveRequest(payload, jsonPath), /^ResolveError: RoleArn: the placeholder \$\{SageMakerRoleArn\} has no value$/);
});

test('a key that becomes __proto__ (a placeholder\'s value, or written so) is a member like any other, never the prototype: what is checked and confirmed is what is sent (review sec37)', async () => {
  // JSON over the wire, as sagemaker/tasks answers it: own keys.
  const payload = JSON.parse('{"TrainingJobName": "j", "${P}": {"Environment": {"HIDDEN": "yes"}}, "AlgorithmSpecification": {"__proto__": {"ContainerEntrypoint": ["sh"]}}, "__proto__.$": "$.model"}');
  const request = await resolveRequest(payload, { ...jsonPath, placeholders: { P: '__proto__' } });
  assert.equal(Object.getPrototypeOf(request), Object.prototype);
  assert.equal(Object.getPrototypeOf(request.AlgorithmSpecification), Object.prototype);
  assert.equal((request as { Environment?: unknown }).Environment, undefined);
  // The members are the request's own: the server's check of its JSON sees them (and refuses them as no members).
  assert.equal(JSON.stringify(request), '{"TrainingJobName":"j","__proto__":{"name":"churn","epochs":10},"AlgorithmSpecification":{"__proto__":{"ContainerEntrypoint":["sh"]}}}');
});

test('in JSONPath states, {% %} is plain text; in JSONata states, .$ keys are plain keys', async () => {
  assert.deepEqual(await resolveRequest({ A: '{% 1 + 1 %}' }, jsonPath), { A: '{% 1 + 1 %}' });
  assert.deepEqual(await resolveRequest({ 'A.$': '$.x' }, jsonata), { 'A.$': '$.x' });
});

test('the server\'s reading of expressions: whitespace around a path, and a path argument ends at whitespace', async () => {
  assert.deepEqual(await resolveRequest({ 'Exec.$': ' $$.Execution.Name ', 'N.$': "States.Format( '{}-{}' , $.model.name ,$['odd key'] )" }, jsonPath), { Exec: 'exec-42', N: 'churn-x' });
  await assert.rejects(resolveRequest({ 'N.$': "States.Format('{}', $.model name)" }, jsonPath), (e: ResolveError) => {
    assert.equal(e.message, `N.$: Expected , or ) after an argument of States.Format, found "n" (at position 28 of "States.Format('{}', $.model name)")`);
    return true;
  });
});

test('placeholders are found in linear time, even in "${${${…" without a closing brace', () => {
  assert.deepEqual(findPlaceholders({ A: '${'.repeat(100_000), B: '${a${b}' }), ['a${b']);
});

test('JSONata that never ends or fills the memory stops the launch with a message; the caller\'s thread runs on meanwhile', async () => {
  const saved = { ...JSONATA_LIMITS };
  // For a quick test, a shorter deadline and a smaller heap than a launch's (the same process, the same mechanism),
  // each where the other cannot come first: a loop with plenty of memory, an allocation with plenty of time.
  Object.assign(JSONATA_LIMITS, { seconds: 1, memoryMb: 256 });
  try {
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 10);
    await assert.rejects(resolveRequest({ HyperParameters: { a: '{% ($f := function($x){ $f($x + 1) }; $f(0)) %}' } }, jsonata), (e: ResolveError) => {
      assert.equal(e.key, 'HyperParameters.a');
      assert.match(e.message, /^HyperParameters\.a: the JSONata expressions did not finish within 1 s \(stopped; the launch is not sent\)/);
      return true;
    });
    clearInterval(ticker);
    // The loop ran in another process: this thread's timers kept firing (on the old code, not one did).
    assert.ok(ticks > 0);
    Object.assign(JSONATA_LIMITS, { seconds: 600, memoryMb: 32 });
    await assert.rejects(resolveRequest({ A: ['{% 1 %}', '{% $count([1..10000000].([1..10000000])) %}'] }, jsonata), (e: ResolveError) => {
      assert.equal(e.key, 'A[1]');
      assert.match(e.message, /^A\[1\]: the JSONata expression needs more than 32 MB of memory \(stopped; the launch is not sent\)$/);
      return true;
    });
  } finally {
    Object.assign(JSONATA_LIMITS, saved);
  }
  // A launch after a stopped one gets a new process.
  assert.deepEqual(await resolveRequest({ A: '{% $states.context.Execution.Name %}' }, jsonata), { A: 'exec-42' });
});

test('a hostile JSONata expression gets no JavaScript to run: no Function constructor, no file written (an attacker\'s review)', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'jsonata-sandbox-'));
  const target = path.join(dir, 'PWNED');
  const code = `process.mainModule.require('fs').writeFileSync(${JSON.stringify(target)}, 'x'); return 'job-1'`;
  // Object's legacy accessors to __proto__, then the constructor of a function: the Function constructor.
  const viaAccessors = `{% ($g := $states.input.__lookupGetter__("__proto__"); $s := $states.input.__lookupSetter__("__proto__"); $o := {"x": 1}; $o.($s($states.input.constructor.($g()))); $o.constructor(${JSON.stringify(code)})()) %}`;
  try {
    for (const expression of [viaAccessors]) {
      await assert.rejects(resolveRequest({ TrainingJobName: expression }, jsonata), (e: ResolveError) => {
        assert.equal(e.key, 'TrainingJobName');
        return true;
      });
      assert.equal(existsSync(target), false, expression);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  // Each defence alone stops it: code from strings is refused (every runtime), and under Node's permission model the
  // process may read only its own file.
  const flags = sandboxFlags(path.resolve('dist/jsonata-worker.js'));
  assert.ok(flags.includes('--disallow-code-generation-from-strings'));
  if (process.allowedNodeEnvironmentFlags.has('--permission') || process.allowedNodeEnvironmentFlags.has('--experimental-permission')) {
    assert.ok(flags.includes(`--allow-fs-read=${path.resolve('dist/jsonata-worker.js')}`), flags.join(' '));
  }
});

test('a worker reached through a symbolic link (an extension folder linked in) starts: it runs from its real path', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'jsonata-link-'));
  try {
    const link = path.join(dir, 'worker.js');
    symlinkSync(path.resolve('dist/jsonata-worker.js'), link);
    assert.deepEqual(await resolveRequest({ A: '{% 1 + 2 %}' }, { ...jsonata, jsonataWorker: link }), { A: 3 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a JSONata value larger than Step Functions passes to a state stops the launch', async () => {
  await assert.rejects(resolveRequest({ A: '{% $join([1..100000].$string(), ",") %}' }, jsonata), /^ResolveError: A: the JSONata expression gives \d+ KB of JSON, more than the 256 KB Step Functions passes to a state$/);
});

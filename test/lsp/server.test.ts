// The built server (dist/server.js) over stdio, as editors and the outside probe drive it.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root, useServer } from './setup';

const SERVER = 'node dist/server.js --stdio';
const probe = (...args: string[]) =>
  spawnSync(process.execPath, ['test/lsp/check-lsp.mjs', '--server', SERVER, ...args], { cwd: root, encoding: 'utf8', timeout: 240_000 });

describe('the annotated cases (probe over stdio)', () => {
  test('the shared cases and ours: every marked mistake flagged, nothing else an error, completion, hover and fixes', () => {
    const r = probe('--cases', 'test/fixtures/cases', '--cases', 'test/lsp/cases');
    assert.equal(r.status, 0, r.stdout + r.stderr);
  });
  test('every real state machine of the corpus gets zero errors', () => {
    const r = probe('--clean', 'test/fixtures/corpus');
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /^323 passed, 0 failed$/m);
  });
});

describe('protocol', () => {
  const client = useServer();
  const text = (name: string) => readFileSync(join(root, 'test/fixtures/cases', name), 'utf8').replace(/[«»‸⟨⟩]/g, '');

  test('diagnostics carry the document version, source and code', async () => {
    const diags = await client.open('file:///w/a.asl.json', 'asl', text('name-pattern.asl.json'));
    assert.deepEqual(
      diags.map((d: any) => [d.source, d.code, d.range.start.line]),
      [['sagemaker', 'pattern', 7]],
    );
    assert.equal(client.diagnostics.get('file:///w/a.asl.json').version, 1);
  });

  test('an incremental edit re-validates that version', async () => {
    const uri = 'file:///w/b.asl.json';
    const original = text('seed-training-valid.asl.json');
    assert.deepEqual(await client.open(uri, 'asl', original), []);
    const diags = await client.change(uri, original.replace('"ml.c5.2xlarge"', '"ml.c5.2xlarg"'));
    assert.deepEqual(diags.map((d: any) => d.code), ['enum-value']);
    assert.equal(client.diagnostics.get(uri).version, 2);
  });

  test('ranged edits of a document that starts with a byte order mark: the same findings, at the same places, as opening its text afresh', async () => {
    const uri = 'file:///w/bom.asl.json';
    const base = JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Task', Resource: 'arn:aws:states:::sagemaker:createModel', Parameters: { ModelName: 'm_1', ExecutionRoleArn: 'arn:aws:iam::123456789012:role/r' }, End: true } } }, null, 2);
    const found = (d: any[]) => d.map((x) => `${x.code} ${x.range.start.line}:${x.range.start.character}-${x.range.end.line}:${x.range.end.character}`);
    const expected = async (t: string, name: string) => found(await client.open(`file:///w/${name}.asl.json`, 'asl', t));
    assert.deepEqual(found(await client.open(uri, 'asl', '\ufeff' + base)), await expected('\ufeff' + base, 'bom0'));
    const line = base.split('\n').findIndex((l) => l.includes('"m_1"'));
    const character = base.split('\n')[line].indexOf('m_1');
    let version = 1;
    const edit = async (range: object, text: string) => {
      const since = performance.now();
      client.versions.set(uri, ++version);
      client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
      return found(await client.diagnosticsFor(uri, since));
    };
    const at = (l: number, c: number) => ({ line: l, character: c });
    // Inside the document, then the mark itself removed and written back (LSP counts it as one UTF-16 unit).
    assert.deepEqual(await edit({ start: at(line, character), end: at(line, character) }, 'x'), await expected('\ufeff' + base.replace('m_1', 'xm_1'), 'bom1'));
    assert.deepEqual(await edit({ start: at(0, 0), end: at(0, 1) }, ''), await expected(base.replace('m_1', 'xm_1'), 'bom2'));
    assert.deepEqual(await edit({ start: at(0, 0), end: at(0, 0) }, '\ufeff'), await expected('\ufeff' + base.replace('m_1', 'xm_1'), 'bom3'));
  });

  test('a document with thousands of problems publishes the first 1,000, errors first, and says how many more there are', async () => {
    // 1,200 fields a Pass state does not have (errors) after a Wait of over a year (a warning, earlier in the text).
    const text = '{"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":99999999,"Next":"A"},"A":{"Type":"Pass","End":true' + Array.from({ length: 1200 }, (_, i) => `,"Field${i}":"x"`).join('') + '}}}';
    const diags = await client.open('file:///w/many.asl.json', 'asl', text);
    assert.equal(diags.length, 1001);
    assert.deepEqual([...new Set(diags.slice(0, 1000).map((d: any) => d.severity))], [1]);
    const last = diags[1000];
    assert.deepEqual([last.severity, last.code, last.message.slice(0, 50)], [3, 'too-many-problems', '201 more problems in this file are not shown: the ']);
  });

  test('completion and hover answer over the wire', async () => {
    const uri = 'file:///w/c.asl.json';
    const t = text('complete-resource-config.asl.json');
    await client.open(uri, 'asl', t);
    const at = t.indexOf('"InstanceCount"');
    const before = t.slice(0, at).split('\n');
    const position = { line: before.length - 1, character: before[before.length - 1].length };
    const items = await client.completion(uri, position);
    const labels = (Array.isArray(items) ? items : items.items).map((i: any) => i.label);
    assert.ok(labels.includes('VolumeKmsKeyId'));
    const hover = await client.hover(uri, { line: position.line, character: position.character + 3 });
    assert.match(hover.contents.value, /^\*\*InstanceCount\*\*/);
  });

  test('code lenses start jobs of training and transform tasks', async () => {
    const uri = 'file:///w/d.asl.json';
    await client.open(uri, 'asl', text('seed-transform-valid.asl.json'));
    const lenses = await client.request('textDocument/codeLens', { textDocument: { uri } });
    assert.deepEqual(lenses.map((l: any) => [l.command.command, l.command.arguments]), [['sagemakerAsl.startTransformJob', [uri, 'SageMaker CreateTransformJob']]]);
  });

  test('sagemaker/tasks returns the payload and the errors of each task', async () => {
    const uri = 'file:///w/e.asl.json';
    await client.open(uri, 'asl', text('name-pattern.asl.json'));
    const [task] = await client.request('sagemaker/tasks', { uri });
    assert.equal(task.stateName, 'Train');
    assert.equal(task.operation, 'CreateTrainingJob');
    assert.equal(task.integrationPattern, 'sync');
    assert.equal(task.payload.TrainingJobName, 'search model v2');
    assert.equal(task.errors.length, 1);
    // The whole state, for the palette's "Task under the cursor"; a syntax error anywhere in the file blocks a launch too.
    const source = text('name-pattern.asl.json');
    assert.ok(task.stateRange.start.line <= task.range.start.line && task.stateRange.end.line > task.range.end.line, JSON.stringify(task.stateRange));
    await client.change(uri, source.replace(/\}\s*$/, '},'));
    const [broken] = await client.request('sagemaker/tasks', { uri });
    assert.equal(broken.errors.length, 2, broken.errors.join('\n'));
  });

  test('sagemaker/checkRequest: a launch\'s resolved request, its errors as SageMaker would refuse it; a malformed one is invalid parameters (ux43)', async () => {
    const request = JSON.parse(text('seed-training-valid.asl.json')).States;
    const payload = (Object.values(request) as { Parameters?: Record<string, unknown> }[]).find((s) => s.Parameters)!.Parameters!;
    assert.deepEqual(await client.request('sagemaker/checkRequest', { api: 'createTrainingJob', request: payload }), []);
    const refused: string[] = await client.request('sagemaker/checkRequest', { api: 'createTrainingJob', request: { ...payload, TrainingJobName: 'run_1' } });
    assert.equal(refused.length, 1);
    assert.match(refused[0], /^TrainingJobName "run_1" must match/);
    // Nested deeper than the parser reads: not judged as without errors (ux43: [] at 1,999 levels).
    const deep = JSON.parse(`${'{"a":'.repeat(2100)}1${'}'.repeat(2100)}`);
    assert.ok((await client.request('sagemaker/checkRequest', { api: 'createTrainingJob', request: { ...payload, Environment: deep } })).length > 0);
    for (const bad of [{ api: 42 }, { api: 'createTrainingJob', request: [1] }, { api: 'delete everything', request: {} }, {}, { api: 'CreateTrainingJob', request: payload }, { api: 'createNothingJob', request: {} }])
      assert.equal(await client.request('sagemaker/checkRequest', bad).then(() => 'answered', (e: any) => e.lsp?.code), -32602, JSON.stringify(bad).slice(0, 60));
  });

  test('sagemaker/newJobName: a taken name with a time stamp, in place of the one it ends with, shortened to the model\'s limit; null where none fits', async () => {
    const renamed = (api: string, name: string) => client.request('sagemaker/newJobName', { api, name, suffix: '-20261206-221530' });
    assert.equal(await renamed('createTrainingJob', 'churn-xgb'), 'churn-xgb-20261206-221530');
    assert.equal(await renamed('createTrainingJob', 'churn-xgb-20261205-101010'), 'churn-xgb-20261206-221530');
    // A tuning job's name is at most 32 characters (the model's HyperParameterTuningJobName); a stem never ends in a hyphen.
    assert.equal(await renamed('createHyperParameterTuningJob', 'churn-xgboost-a-tuning-experiment'), 'churn-xgboost-a-20261206-221530');
    // A short last part, which often tells runs apart, is kept: the middle is cut.
    assert.equal(await renamed('createHyperParameterTuningJob', 'churn-xgb-emea-v12'), 'churn-xgb-em-v12-20261206-221530');
    assert.equal(await renamed('createHyperParameterTuningJob', 'churn----------------v12-20261205-101010'), 'churn-v12-20261206-221530');
    assert.equal(await renamed('createProcessingJob', 'x'.repeat(80)), `${'x'.repeat(47)}-20261206-221530`);
    // A name the pattern refuses stays refused (the user types one); an API that starts no job, and hostile params, get null.
    assert.equal(await renamed('createTrainingJob', 'run_1'), null);
    assert.equal(await renamed('createModel', 'm'), null);
    for (const bad of [{ api: 'createTrainingJob' }, { api: 'createTrainingJob', name: 'a', suffix: 7 }, { api: ['createTrainingJob'], name: 'a', suffix: '-1' }]) assert.equal(await client.request('sagemaker/newJobName', bad), null);
  });

  test('other JSON files get no diagnostics', async () => {
    assert.deepEqual(await client.open('file:///w/package.json', 'json', '{"name": "x", "Parameters": {"TrainingJobName": "bad name"}}'), []);
  });

  test('garbage, huge and deep documents never take the server down', async () => {
    const uri = 'file:///w/f.asl.json';
    await client.open(uri, 'asl', '{"StartAt": [1, {"States": ');
    await client.change(uri, '['.repeat(100_000));
    await client.change(uri, '\u0000\uffff{{{"a":');
    await client.completion(uri, { line: 0, character: 3 });
    const diags = await client.change(uri, text('name-pattern.asl.json'));
    assert.equal(diags.length, 1, 'still serving');
  });

  test('malformed params answer InvalidParams (-32602), and the server keeps serving', async () => {
    const uri = 'file:///w/g.asl.json';
    await client.open(uri, 'asl', text('name-pattern.asl.json'));
    const code = (method: string, params: unknown) => client.request(method, params).then(() => 'answered', (e: any) => e.lsp?.code);
    assert.equal(await code('textDocument/hover', { textDocument: { uri }, position: null }), -32602);
    assert.equal(await code('textDocument/completion', { textDocument: { uri }, position: { line: -1, character: 0 } }), -32602);
    assert.equal(await code('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0 } }, context: { diagnostics: [] } }), -32602);
    assert.equal(await code('textDocument/selectionRange', { textDocument: { uri }, positions: [{ line: 'x', character: 0 }] }), -32602);
    assert.equal(await code('textDocument/documentSymbol', { textDocument: null }), -32602);
    assert.equal(await code('sagemaker/iamPolicy', null), -32602);
    assert.equal(await code('textDocument/rename', { textDocument: { uri }, position: { line: 4, character: 6 }, newName: 5 }), -32602);
    assert.equal(await code('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } }), -32602);
    assert.equal(await code('textDocument/references', { textDocument: { uri }, position: { line: 0, character: 0 } }), -32602);
    assert.equal(await code('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } }), 'answered');
    // A position past the end is read as the end: no range outside the document.
    const lines = text('name-pattern.asl.json').split('\n');
    const [past] = await client.request('textDocument/selectionRange', { textDocument: { uri }, positions: [{ line: 1e9, character: 0 }] });
    assert.deepEqual(past.range.end, { line: lines.length - 1, character: lines[lines.length - 1].length });
    const logged = client.notifications.filter((n: any) => n.method === 'window/logMessage').map((n: any) => n.params.message).join('\n');
    assert.doesNotMatch(logged, /TypeError|failed:/);
    const diags = await client.change(uri, text('name-pattern.asl.json').replace('"', ' "'));
    assert.equal(diags.length, 1, 'still serving');
  });
});

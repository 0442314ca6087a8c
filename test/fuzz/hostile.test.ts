// Hostile files against the built server over stdio: a 20 MB state machine (30,000 SageMaker tasks) and
// 100,000-deep nesting in JSON and YAML are answered (diagnostics, or one "too deep" warning) without a stack
// overflow, every request on them is answered, and the server still answers the next request.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
// @ts-expect-error: a plain ES module without types, vendored from the shared tools
import { LspClient } from '../lsp/lsp-client.mjs';
import { getLanguageService } from '../../server/src/service/languageService';
import { checkEverything } from './checks';

const root = join(__dirname, '..', '..', '..');
const DEEP = 100_000;
/** Generous for slow CI machines; the 20 MB document takes a few seconds. */
const BIG_TIMEOUT_MS = 120_000;
let client: any;

before(async () => {
  client = await LspClient.start(['node', 'dist/server.js', '--stdio'], root);
});
after(async () => {
  await client.stop();
});

/** Errors the server caught and logged: a caught stack overflow is still a failure. */
function loggedFailures(): string[] {
  return client.notifications
    .filter((n: any) => n.method === 'window/logMessage' && /RangeError|call stack|out of memory|failed|uncaught/i.test(n.params.message))
    .map((n: any) => n.params.message.slice(0, 300));
}

/** Every request the server offers on `uri`; each must be answered (whatever the answer). */
async function everyRequest(uri: string, text: string, offsets = [0, 1, text.length >> 1, text.length]) {
  const doc = TextDocument.create(uri, 'x', 1, text);
  const positions = offsets.map((o) => doc.positionAt(o));
  for (const position of positions) {
    await client.request('textDocument/completion', { textDocument: { uri }, position }, BIG_TIMEOUT_MS);
    await client.request('textDocument/hover', { textDocument: { uri }, position }, BIG_TIMEOUT_MS);
  }
  await client.request('textDocument/codeLens', { textDocument: { uri } }, BIG_TIMEOUT_MS);
  await client.request('textDocument/foldingRange', { textDocument: { uri } }, BIG_TIMEOUT_MS);
  await client.request('textDocument/selectionRange', { textDocument: { uri }, positions }, BIG_TIMEOUT_MS);
  await client.request('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } }, BIG_TIMEOUT_MS);
  await client.request('sagemaker/tasks', { uri }, BIG_TIMEOUT_MS);
}

/** The server is alive and right: a small document's diagnostics and hover. */
async function stillAnswers() {
  assert.equal(client.proc.exitCode, null, 'the server is running');
  const uri = `file:///hostile/after-${Math.random()}.asl.json`;
  const text = '{"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "arn:aws:states:::sagemaker:createTrainingJob.sync", "Parameters": {"TrainingJobName": "bad_name", "AlgorithmSpecification": {"TrainingImage": "382416733822.dkr.ecr.us-east-1.amazonaws.com/linear-learner:1", "TrainingInputMode": "File"}, "ResourceConfig": {"InstanceCount": 1, "InstanceType": "ml.m5.xlarge", "VolumeSizeInGB": 10}}, "End": true}}}';
  const diags = await client.open(uri, 'asl', text);
  assert.deepEqual(diags.map((d: any) => d.code).sort(), ['missing-required', 'pattern']);
  client.close(uri);
}

const TRAINING = {
  RoleArn: 'arn:aws:iam::111122223333:role/TrainRole',
  AlgorithmSpecification: { TrainingImage: '382416733822.dkr.ecr.us-east-1.amazonaws.com/linear-learner:1', TrainingInputMode: 'File' },
  OutputDataConfig: { S3OutputPath: 's3://example-bucket/output' },
  ResourceConfig: { InstanceCount: 1, InstanceType: 'ml.m5.large', VolumeSizeInGB: 10 },
  StoppingCondition: { MaxRuntimeInSeconds: 3600 },
  HyperParameters: { epochs: '10', mini_batch_size: '100' },
};

test('a 20 MB state machine (30,000 SageMaker tasks): its diagnostics, requests on it, an edit, then the next request', async (t) => {
  const states: Record<string, unknown> = {};
  for (let i = 0; i < 30_000; i++) {
    // Every 1000th name breaks the pattern: 30 findings expected, no more.
    const name = i % 1000 === 0 ? `bad_name_${i}` : `job-${i}`;
    states[`Train${i}`] = { Type: 'Task', Resource: 'arn:aws:states:::sagemaker:createTrainingJob.sync', Parameters: { TrainingJobName: name, ...TRAINING }, ...(i < 29_999 ? { Next: `Train${i + 1}` } : { End: true }) };
  }
  const text = JSON.stringify({ StartAt: 'Train0', States: states }, null, 2);
  assert.ok(text.length > 20_000_000, `${text.length} characters`);
  const uri = 'file:///hostile/big.asl.json';
  const diags = await client.open(uri, 'asl', text, BIG_TIMEOUT_MS);
  // 30 name findings, and the one for the definition itself: 20 MB is over Step Functions' 1,048,576 characters.
  assert.deepEqual(diags.map((d: any) => d.code).sort(), [...Array(30).fill('pattern'), 'asl-definition-too-large'].sort());
  // Every request, at one place in the middle (each answer on 30,000 tasks is megabytes over the pipe).
  await everyRequest(uri, text, [text.length >> 1]);
  // One keystroke far down the file: the next version's diagnostics.
  const doc = TextDocument.create(uri, 'asl', 1, text);
  const at = text.lastIndexOf('"job-29999"') + 4;
  client.versions.set(uri, 2);
  const t0 = performance.now();
  client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: doc.positionAt(at), end: doc.positionAt(at + 1) }, text: '_' }] });
  const after = await client.diagnosticsFor(uri, t0, BIG_TIMEOUT_MS);
  // The edit breaks one more name: 31 pattern findings, and still the one for the size.
  assert.deepEqual(after.map((d: any) => d.code).sort(), [...Array(31).fill('pattern'), 'asl-definition-too-large'].sort());
  client.close(uri);
  t.diagnostic(`${(text.length / 1e6).toFixed(1)} MB, 30,000 states: ${diags.length} diagnostics, then ${after.length} after one edit`);
  await stillAnswers();
  assert.deepEqual(loggedFailures(), []);
});

const NESTED: [string, string, string][] = [
  ['asl', '[[[… unclosed', '['.repeat(DEEP)],
  ['asl', '{"a":{"a":… closed', '{"a":'.repeat(DEEP) + '1' + '}'.repeat(DEEP)],
  ['json', '{"a":{"a":… unclosed', '{"a":'.repeat(DEEP)],
  ['asl', 'a state machine whose Parameters nest 100,000 deep',
    '{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"arn:aws:states:::sagemaker:createTrainingJob.sync","Parameters":' + '{"HyperParameters":'.repeat(DEEP) + '1' + '}'.repeat(DEEP) + ',"End":true}}}'],
  ['asl-yaml', 'YAML [[[… unclosed', '['.repeat(DEEP)],
  ['asl-yaml', 'YAML - - - … (block sequences)', '- '.repeat(DEEP) + 'a'],
  ['asl-yaml', 'YAML {a: {a: … flow mappings', '{a: '.repeat(DEEP) + '1' + '}'.repeat(DEEP)],
  // Not deep but wide: "billion laughs", aliases of aliases expanding to 9^8 nodes.
  ['asl-yaml', 'YAML alias bomb', 'a: &a ["x","x","x","x","x","x","x","x","x"]\n' +
    Array.from({ length: 7 }, (_, i) => `${'bcdefgh'[i]}: &${'bcdefgh'[i]} [${Array(9).fill('*' + 'abcdefg'[i]).join(',')}]\n`).join('') +
    'StartAt: A\nStates: {A: {Type: Task, Resource: "arn:aws:states:::sagemaker:createTrainingJob", Parameters: {HyperParameters: *h}, End: true}}\n'],
  // Indentation grows with depth: 3,000 levels are already 4.5 MB.
  ['yaml', 'YAML indented mappings 3,000 deep', Array.from({ length: 3_000 }, (_, i) => ' '.repeat(i) + 'a:').join('\n') + ' 1'],
];

for (const [languageId, what, text] of NESTED) {
  test(`hostile ${languageId} (${what}): answered without a stack overflow, then the next request`, async (t) => {
    const uri = `file:///hostile/deep-${Math.random()}.${languageId.endsWith('yaml') ? 'asl.yaml' : 'asl.json'}`;
    const diags = await client.open(uri, languageId, text, BIG_TIMEOUT_MS);
    // Nothing at all (a .json file that cannot be read as a state machine), or one clear warning.
    const tooDeep = diags.filter((d: any) => d.code === 'too-large');
    assert.ok(diags.length === 0 || tooDeep.length === 1, JSON.stringify(diags).slice(0, 500));
    await everyRequest(uri, text);
    client.close(uri);
    t.diagnostic(`${diags.length} diagnostics: ${diags.map((d: any) => d.message).join(' | ').slice(0, 200)}`);
    await stillAnswers();
    assert.deepEqual(loggedFailures(), []);
  });
}

// Spreading a list into push() passes each item as an argument, and V8 refuses a call with about 120,000: these
// documents got no diagnostics at all, silently.
const WIDE: [string, string, string][] = [
  ['150,000 unknown top-level fields', '{"StartAt":"A","States":{"A":{"Type":"Pass","End":true}},' + Array.from({ length: 150_000 }, (_, i) => `"x${i}":1`).join(',') + '}', 'asl-unknown-field'],
  ['one state named 150,000 times', '{"StartAt":"A","States":{' + Array(150_000).fill('"A":{"Type":"Pass","End":true}').join(',') + '}}', 'asl-duplicate-state-name'],
  ['HyperParameters with 150,000 numbers', '{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"arn:aws:states:::sagemaker:createTrainingJob","Parameters":{"HyperParameters":{' + Array.from({ length: 150_000 }, (_, i) => `"k${i}":${i}`).join(',') + '}},"End":true}}}', 'wrong-type'],
  ['an ErrorEquals of 150,000 items', '{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"f"},"Retry":[{"ErrorEquals":[' + Array(150_000).fill('"States.ALL"').join(',') + ']}],"End":true}}}', 'asl-definition-too-large'],
];

for (const [what, text, code] of WIDE) {
  test(`a wide document (${what}): its findings are published, capped`, async () => {
    const uri = `file:///hostile/wide-${Math.random()}.asl.json`;
    const diags = await client.open(uri, 'asl', text, BIG_TIMEOUT_MS);
    assert.ok(diags.some((d: any) => d.code === code), JSON.stringify(diags.slice(0, 3)));
    assert.ok(diags.length <= 1001, `${diags.length} diagnostics`);
    client.close(uri);
    await stillAnswers();
    assert.deepEqual(loggedFailures(), []);
  });
}

test('an edit that nests 100,000 deep, then one that removes it: diagnostics follow both versions', async () => {
  const uri = 'file:///hostile/edit-deep.asl.json';
  const text = '{"StartAt": "A", "States": {"A": {"Type": "Pass", "Result": [], "End": true}}}';
  assert.deepEqual(await client.open(uri, 'asl', text), []);
  const doc = TextDocument.create(uri, 'asl', 1, text);
  const at = doc.positionAt(text.indexOf('[]') + 1);
  const deep = '['.repeat(DEEP) + ']'.repeat(DEEP);
  client.versions.set(uri, 2);
  let t0 = performance.now();
  client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: at, end: at }, text: deep }] });
  const nested = await client.diagnosticsFor(uri, t0, BIG_TIMEOUT_MS);
  assert.deepEqual(nested.map((d: any) => d.code), ['too-large']);
  client.versions.set(uri, 3);
  t0 = performance.now();
  client.notify('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ range: { start: at, end: { line: 0, character: at.character + deep.length } }, text: '' }] });
  assert.deepEqual(await client.diagnosticsFor(uri, t0, BIG_TIMEOUT_MS), []);
  client.close(uri);
  await stillAnswers();
});

test('the service itself on the same deep documents: every feature answers, every range inside', () => {
  const service = getLanguageService();
  for (const [languageId, what, text] of NESTED) {
    const doc = TextDocument.create(`file:///hostile/service-${Math.random()}`, languageId, 1, text);
    checkEverything(service, doc, [0, 1, text.length >> 1, text.length]);
    // As over LSP: nothing at all (a .json file that cannot be read as a state machine), or one clear warning.
    const problems = service.validate(doc);
    assert.ok(problems.length === 0 || problems.filter((p) => p.code === 'too-large').length === 1, `${what}: ${JSON.stringify(problems).slice(0, 500)}`);
  }
});

test('a hostile client: unknown documents, positions far outside, malformed params — answered or refused, never fatal', async () => {
  const uri = 'file:///hostile/client.asl.json';
  const text = '{"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "arn:aws:states:::sagemaker:createTrainingJob.sync", "Parameters": {"AlgorithmSpecification": {"TrainingImage": "382416733822.dkr.ecr.us-east-1.amazonaws.com/linear-learner:1", "TrainingInputMode": "File"}, "ResourceConfig": {"InstanceCount": 1, "InstanceType": "ml.m5.xlarge", "VolumeSizeInGB": 10}}, "End": true}}}';
  // Changes to a document never opened, and a close of one never opened.
  client.notify('textDocument/didChange', { textDocument: { uri: 'file:///hostile/never-opened.json', version: 2 }, contentChanges: [{ text: '{' }] });
  client.notify('textDocument/didClose', { textDocument: { uri: 'file:///hostile/never-opened.json' } });
  await client.open(uri, 'asl', text);
  const far = [{ line: 1e9, character: 1e9 }, { line: -1, character: -5 }, { line: 0, character: 1e9 }, { line: 0.5, character: 2.5 }];
  let answered = 0, refused = 0;
  const attempt = async (method: string, params: unknown) => {
    try {
      await client.request(method, params);
      answered++;
    } catch (e) {
      if (!(e as any).lsp) throw e; // a timeout is a failure; an LSP error response is a refusal
      refused++;
    }
  };
  for (const position of far) {
    await attempt('textDocument/completion', { textDocument: { uri }, position });
    await attempt('textDocument/hover', { textDocument: { uri }, position });
    await attempt('textDocument/selectionRange', { textDocument: { uri }, positions: [position] });
    await attempt('textDocument/rangeFormatting', { textDocument: { uri }, range: { start: position, end: far[0] }, options: { tabSize: 2, insertSpaces: true } });
  }
  for (const method of ['textDocument/completion', 'textDocument/hover', 'textDocument/codeLens', 'textDocument/formatting', 'textDocument/foldingRange', 'sagemaker/tasks']) {
    await attempt(method, { textDocument: { uri: 'file:///hostile/unknown.json' }, uri: 'file:///hostile/unknown.json', position: { line: 0, character: 0 }, options: { tabSize: 2, insertSpaces: true } });
    await attempt(method, {});
    await attempt(method, null);
  }
  // A change whose range lies past the end, and one with a stale version.
  client.versions.set(uri, 2);
  let t0 = performance.now();
  client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 40, character: 0 }, end: { line: 50, character: 3 } }, text: ' ' }] });
  assert.deepEqual((await client.diagnosticsFor(uri, t0)).map((d: any) => d.code), ['missing-required']);
  client.versions.set(uri, 3);
  t0 = performance.now();
  client.notify('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ text: '' }, { text }] });
  assert.deepEqual((await client.diagnosticsFor(uri, t0)).map((d: any) => d.code), ['missing-required']);
  client.close(uri);
  // Positions far outside are clamped and answered; so is every request about an unknown document. Malformed params
  // are refused with InvalidParams: a position that is no pair of non-negative integers (LSP's uinteger: the second
  // and fourth of `far`), a request that names no document ({}, null).
  const malformed = far.filter((p) => ![p.line, p.character].every((n) => Number.isInteger(n) && n >= 0)).length;
  assert.deepEqual({ answered, refused }, { answered: (far.length - malformed) * 4 + 6, refused: malformed * 4 + 6 * 2 });
  await stillAnswers();
});

// A client that breaks the protocol, against the built server over stdio: ranges starting past the end of the
// document, a formatting request with a huge tabSize, requests outside the lifecycle (before `initialize`, after
// `shutdown`), frames the reader cannot read (bad, negative or missing Content-Length, LF-only headers), and a
// start without a transport. The server answers each as the specification says and keeps serving.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
// @ts-expect-error: a plain ES module without types, vendored from the shared tools
import { LspClient } from '../lsp/lsp-client.mjs';
import { SyncedDocument, updateDocument } from '../../server/src/textSync';

const root = join(__dirname, '..', '..', '..');
const server = join(root, 'dist', 'server.js');
let client: any;

before(async () => {
  client = await LspClient.start(['node', server, '--stdio'], root);
});
after(async () => {
  await client.stop();
});

const MACHINE = JSON.stringify(
  {
    StartAt: 'Train',
    States: {
      Train: { Type: 'Task', Resource: 'arn:aws:states:::sagemaker:createTrainingJob.sync', Parameters: { TrainingJobName: 'bad_name' }, Next: 'Done' },
      Done: { Type: 'Succeed' },
    },
  },
  null,
  2,
);
const strip = (ds: any[]) => ds.map(({ range, code, message }) => ({ range, code, message }));

test('a didChange whose range starts past the last line: applied at the end, the line table stays right', async () => {
  const uri = 'file:///protocol/past-end.asl.json';
  await client.open(uri, 'asl', MACHINE);
  const lines = MACHINE.split('\n').length;
  const changes = [
    { range: { start: { line: lines + 998, character: 4 }, end: { line: lines + 999, character: 0 } }, text: '\n' },
    { range: { start: { line: lines + 5, character: 0 }, end: { line: lines + 5, character: 0 } }, text: '\n\n' },
  ];
  client.versions.set(uri, 2);
  const s = performance.now();
  client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: changes });
  const edited = await client.diagnosticsFor(uri, s);
  const text = MACHINE + '\n\n\n';
  const doc = TextDocument.create(uri, 'asl', 2, text);
  for (const d of edited) {
    for (const p of [d.range.start, d.range.end]) {
      assert.ok(Number.isInteger(p.line) && Number.isInteger(p.character), `a position of numbers: ${JSON.stringify(d.range)}`);
      assert.ok(p.line < doc.lineCount, `inside the document: ${JSON.stringify(d.range)}`);
    }
  }
  const fresh = await client.open('file:///protocol/past-end-fresh.asl.json', 'asl', text);
  assert.deepEqual(strip(edited), strip(fresh), 'the same findings as a fresh open of the text');
  const hover = await client.hover(uri, doc.positionAt(text.indexOf('TrainingJobName') + 2));
  assert.match(hover?.contents?.value ?? '', /TrainingJobName/);
  const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri } });
  assert.deepEqual(
    symbols.map((s: any) => [s.name, s.range.start.line]),
    [['Train', 3], ['Done', 11]],
  );
  client.close(uri);
  client.close('file:///protocol/past-end-fresh.asl.json');
});

test('a batch of changes is applied as the protocol says: in order, each range read in the text the previous ones left', () => {
  const apply = (text: string, changes: { range: any; text: string }[]) => updateDocument(SyncedDocument.create('file:///x', 'json', 1, text), changes, 2).getText();
  // Last to first (a Replace All): one pass.
  assert.equal(apply('ab\ncd\n', [{ range: { start: { line: 1, character: 1 }, end: { line: 1, character: 2 } }, text: 'X' }, { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, text: 'Y' }]), 'Yb\ncX\n');
  // The second range ends inside what the first inserted: past the end of its line in the text before the batch.
  assert.equal(apply('ab\n', [{ range: { start: { line: 0, character: 2 }, end: { line: 0, character: 2 } }, text: 'XYZ' }, { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } }, text: '' }]), 'Z\n');
  // First to last: each range is of the text after the previous change.
  assert.equal(apply('abc', [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, text: 'XX' }, { range: { start: { line: 0, character: 3 }, end: { line: 0, character: 4 } }, text: 'Y' }]), 'XXbY');
  // Starts past the last line: at the end.
  assert.equal(apply('ab\n', [{ range: { start: { line: 999, character: 3 }, end: { line: 1000, character: 0 } }, text: '!' }]), 'ab\n!');
});

test('formatting with a huge tabSize (1e6, 1e8): indented at the largest tab size, the server keeps serving', async () => {
  const uri = 'file:///protocol/tabsize.asl.json';
  const compact = JSON.stringify(JSON.parse(MACHINE));
  await client.open(uri, 'asl', compact);
  const format = (options: object) => client.request('textDocument/formatting', { textDocument: { uri }, options });
  const widest = await format({ tabSize: 32, insertSpaces: true });
  assert.ok(widest.length > 0);
  for (const tabSize of [1e6, 1e8]) assert.deepEqual(await format({ tabSize, insertSpaces: true }), widest, `tabSize ${tabSize}`);
  assert.deepEqual(await format({ tabSize: -5, insertSpaces: true }), await format({ tabSize: 1, insertSpaces: true }), 'tabSize -5: 1');
  assert.deepEqual(await format({ tabSize: '8', insertSpaces: true }), await format({ tabSize: 8, insertSpaces: true }), 'tabSize "8": 8');
  assert.deepEqual(await format({ tabSize: 1e6, insertSpaces: 'yes' }), widest, 'insertSpaces that is not a boolean: spaces');
  assert.equal(client.proc.exitCode, null, 'the server is running');
  client.close(uri);
});

/** A server over raw stdio: frames written as given, every message it sends parsed. */
class RawServer {
  proc: ChildProcessWithoutNullStreams;
  messages: any[] = [];
  private buf = Buffer.alloc(0);
  private waiters: (() => void)[] = [];
  constructor() {
    this.proc = spawn('node', [server, '--stdio'], { stdio: 'pipe' });
    this.proc.stdout.on('data', (d: Buffer) => {
      this.buf = Buffer.concat([this.buf, d]);
      for (;;) {
        const sep = this.buf.indexOf('\r\n\r\n');
        if (sep < 0) break;
        const len = Number(/Content-Length: (\d+)/.exec(this.buf.subarray(0, sep).toString())![1]);
        if (this.buf.length < sep + 4 + len) break;
        this.messages.push(JSON.parse(this.buf.subarray(sep + 4, sep + 4 + len).toString()));
        this.buf = this.buf.subarray(sep + 4 + len);
      }
      for (const w of this.waiters.splice(0)) w();
    });
  }
  write(raw: string | Buffer) {
    this.proc.stdin.write(raw);
  }
  send(msg: object) {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...msg }));
    this.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`), body]));
  }
  /** The first message (from now on, or already received) that `match` accepts. */
  async next(match: (m: any) => boolean): Promise<any> {
    // A liveness bound, not a speed one: a deaf server never answers.
    const deadline = performance.now() + 60_000;
    for (;;) {
      const i = this.messages.findIndex(match);
      if (i >= 0) return this.messages.splice(i, 1)[0];
      if (this.proc.exitCode !== null) throw new Error('the server exited');
      if (performance.now() > deadline) throw new Error('no answer: the server is deaf');
      await new Promise<void>((r) => {
        const t = setTimeout(r, 5000);
        this.waiters.push(() => {
          clearTimeout(t);
          r();
        });
      });
    }
  }
  response(id: number) {
    return this.next((m) => m.id === id && m.method === undefined);
  }
  /** `initialize` (id 1), its answer awaited, then `initialized`; the answer. */
  async initialized(): Promise<any> {
    this.send(initialize);
    const answer = await this.response(1);
    this.send({ method: 'initialized', params: {} });
    return answer;
  }
  stop() {
    this.proc.kill();
  }
}

const hover = (id: number) => ({ id, method: 'textDocument/hover', params: { textDocument: { uri: 'file:///none.asl.json' }, position: { line: 0, character: 0 } } });
const initialize = { id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } };

test('requests before initialize: ServerNotInitialized (-32002); after shutdown: InvalidRequest; exit ends it', async () => {
  const raw = new RawServer();
  try {
    raw.send(hover(7));
    raw.send({ method: 'textDocument/didOpen', params: { textDocument: { uri: 'file:///early.asl.json', languageId: 'asl', version: 1, text: MACHINE } } });
    assert.equal((await raw.response(7)).error?.code, -32002);
    assert.ok((await raw.initialized()).result?.capabilities);
    raw.send(hover(2));
    assert.equal((await raw.response(2)).error, undefined, 'answered once initialized');
    raw.send({ id: 3, method: 'shutdown' });
    assert.equal((await raw.response(3)).error, undefined);
    raw.send(hover(4));
    assert.equal((await raw.response(4)).error?.code, -32600);
    assert.ok(!raw.messages.some((m) => m.method === 'textDocument/publishDiagnostics' && /early/.test(m.params.uri)), 'a didOpen before initialize is dropped');
    const exited = new Promise((r) => raw.proc.on('exit', r));
    raw.send({ method: 'exit' });
    assert.equal(await exited, 0, 'exit after shutdown: code 0');
  } finally {
    raw.stop();
  }
});

test('exit with "params": null (as some clients write "no params") still ends the server, code 0 after shutdown', async () => {
  // Dropped as a notification with bad params, it left the server running until its client killed it, without the
  // exit handler that writes V8's code cache.
  const raw = new RawServer();
  try {
    await raw.initialized();
    raw.send({ id: 2, method: 'shutdown', params: null });
    assert.equal((await raw.response(2)).error, undefined);
    const exited = new Promise((r) => raw.proc.on('exit', r));
    raw.send({ method: 'exit', params: null });
    // A liveness bound, not a speed one: a server that dropped the exit runs on.
    const running = new Promise((r) => setTimeout(() => r('still running'), 20_000).unref());
    assert.equal(await Promise.race([exited, running]), 0);
  } finally {
    raw.stop();
  }
});

test('a request id that is neither a string nor a number is refused (id null) and moves nothing; initialize without capabilities is refused', async () => {
  const raw = new RawServer();
  try {
    raw.send({ id: { x: 1 }, method: 'initialize', params: initialize.params });
    const refused = await raw.next((m) => m.error && m.id === null);
    assert.equal(refused.error.code, -32600);
    assert.equal((await (raw.send(hover(2)), raw.response(2))).error?.code, -32002, 'still not initialized');
    for (const [id, params] of [[3, {}], [4, null], [5, { capabilities: null }], [6, 'x']] as const) {
      raw.send({ id, method: 'initialize', params });
      assert.equal((await raw.response(id)).error?.code, -32602, `initialize with ${JSON.stringify(params)}`);
    }
    assert.equal((await (raw.send(hover(7)), raw.response(7))).error?.code, -32002, 'a refused initialize initializes nothing');
    assert.ok((await raw.initialized()).result?.capabilities);
    raw.send({ id: [1], method: 'shutdown' });
    assert.equal((await raw.next((m) => m.error && m.id === null)).error.code, -32600);
    assert.equal((await (raw.send(hover(8)), raw.response(8))).error, undefined, 'not shut down by the refused shutdown');
  } finally {
    raw.stop();
  }
});

test('hostile params: a selection 1,500 levels deep, AWS diagnostics with entries that are no objects, a codeAction only that is no list', async () => {
  const raw = new RawServer();
  try {
    await raw.initialized();
    const uri = 'file:///deep.asl.json', d = 1500;
    const text = `{"StartAt":"A","States":{"A":{"Type":"Pass","Result":${'{"a":'.repeat(d)}1${'}'.repeat(d)},"End":true}}}`;
    raw.send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'asl', version: 1, text } } });
    // The answer's ranges nest one in another: serialised, 1,500 levels overflowed the stack and the request failed.
    raw.send({ id: 2, method: 'textDocument/selectionRange', params: { textDocument: { uri }, positions: [{ line: 0, character: 60 + 5 * d }] } });
    const selection = await raw.response(2);
    let chain = 0;
    for (let r = selection.result?.[0]; r; r = r.parent) chain++;
    assert.ok(chain > 100 && chain <= 500, `${chain} ranges`);
    raw.send({ id: 3, method: 'sagemaker/mapAwsDiagnostics', params: { uri, version: 1, diagnostics: [null, 7, { message: { not: 'text' }, location: 5 }, { message: 'Bad Next', severity: 'ERROR' }] } });
    const mapped = (await raw.response(3)).result;
    assert.equal(mapped.stale, false, 'the document did not change');
    assert.deepEqual(mapped.diagnostics.map((x: { message: string; severity: string }) => [x.message, x.severity]), [['Step Functions reported a problem', 'information'], ['Bad Next', 'error']]);
    raw.send({ id: 4, method: 'sagemaker/mapAwsDiagnostics', params: { uri, version: 1, diagnostics: 'none' } });
    assert.equal((await raw.response(4)).error?.code, -32602);
    raw.send({ id: 5, method: 'textDocument/codeAction', params: { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: 'quickfix' } } });
    assert.equal((await raw.response(5)).error?.code, -32602);
  } finally {
    raw.stop();
  }
});

test('a flood of unreadable frames: the request after it is answered, and the parse errors are rationed', async () => {
  const raw = new RawServer();
  try {
    await raw.initialized();
    // 100,000 bad frames (2 MB) in one write: answered one by one they held the next request for 10 s. Then frames
    // with LF-only headers (each searched and read to the end of the chunk: quadratic), bodies that are not JSON,
    // and requests with an id that is an object.
    const floods = ['Content-Length: x\r\n\r\n', 'Content-Length: 1\n', 'Content-Length: 1\r\n\r\nx', `Content-Length: 25\r\n\r\n{"id":{},"method":"m"}   `];
    for (const [k, frame] of floods.entries()) {
      raw.write(frame.repeat(100_000));
      raw.send(hover(2 + k));
      assert.equal((await raw.response(2 + k)).error, undefined, JSON.stringify(frame));
    }
    const errors = raw.messages.filter((m) => m.error && m.id === null).length;
    assert.ok(errors >= floods.length && errors <= 4000, `${errors} errors answered`);
  } finally {
    raw.stop();
  }
});

test('unreadable frames (bad, negative, missing Content-Length, LF-only headers, not JSON): a parse error each, then the next message is read', async () => {
  const raw = new RawServer();
  try {
    await raw.initialized();
    const frames = [
      'Content-Length: abc\r\n\r\n{"jsonrpc":"2.0","id":90,"method":"shutdown"}',
      'Content-Length: -5\r\n\r\n',
      'Content-Type: application/vscode-jsonrpc\r\n\r\n{"jsonrpc":"2.0","id":91,"method":"shutdown"}',
      'Content-Length: 44\n\n{"jsonrpc":"2.0","id":92,"method":"shutdown"}',
      'Content-Length: 5\r\n\r\n{oops',
    ];
    let id = 10;
    for (const frame of frames) {
      raw.write(frame);
      raw.send(hover(id));
      const error = await raw.next((m) => m.id === null && m.error);
      assert.equal(error.error.code, -32700, `${JSON.stringify(frame)}: ${error.error.message}`);
      assert.equal((await raw.response(id)).error, undefined, `the request after ${JSON.stringify(frame)} is answered`);
      id++;
    }
    assert.ok(!raw.messages.some((m) => m.id >= 90), 'nothing inside an unreadable frame was acted on');
  } finally {
    raw.stop();
  }
});

test('params JSON-RPC refuses (null, a number) answer InvalidParams; notifications with them, and cancellations naming no request, do not hold up the request written with them', async () => {
  const raw = new RawServer();
  try {
    await raw.initialized();
    for (const [id, params] of [[20, null], [21, 5], [22, 'x']] as const) {
      raw.send({ id, method: 'textDocument/documentSymbol', params });
      const { error } = await raw.response(id);
      assert.equal(error?.code, -32602, JSON.stringify(error));
      assert.match(error.message, /^The request's params must be an object/);
    }
    // One chunk: bad notifications, then a request. The library threw on a cancellation's missing id as it read it,
    // and the request after it in the chunk went unanswered until more input came.
    const frame = (msg: object) => { const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...msg })); return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`), body]); };
    raw.write(Buffer.concat([
      ...[undefined, null, 5, [], {}].map((params) => frame({ method: '$/cancelRequest', params })),
      ...[null, 5].map((params) => frame({ method: 'textDocument/didOpen', params })),
      frame(hover(23)),
    ]));
    assert.equal((await raw.response(23)).error, undefined, 'the request after them is answered');
  } finally {
    raw.stop();
  }
});

test('started without a transport: a usage line on stderr, exit code 2', () => {
  const r = spawnSync('node', [server], { encoding: 'utf8', input: '' });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /^sagemaker-asl language server: usage: .*--stdio/);
  assert.ok(r.stderr.length < 200, `one line, not the bundle's source: ${r.stderr.length} bytes`);
});

// The emulator survives hostile requests and stays private to the machine (issues 19 and 20): oversized bodies,
// out-of-range settings, bad fault rules, prototype names as operations, bad page sizes, foreign Host headers,
// and requests a web page could send. Real HTTP against the built emulator (dist/emulator.js).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request, type IncomingHttpHeaders } from 'node:http';
import { startEmulator, callJson, trainingRequest, JSON_HEADERS, type RunningEmulator } from './emulator';
import { hostAllowed } from '../../emulator/src/guards';

let emu: RunningEmulator;
let port: number;
before(async () => {
  emu = await startEmulator(['--step-ms', '10', '--training-steps', '1', '--quiet']);
  port = Number(new URL(emu.url).port);
});
after(() => emu.stop());

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  json: any;
}

/** One request with exactly these headers (fetch would add Origin-free defaults but cannot set Host). */
function raw(options: { method?: string; path?: string; headers?: Record<string, string | number>; body?: string; setHost?: boolean }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method: options.method ?? 'POST', path: options.path ?? '/', headers: options.headers, setHost: options.setHost ?? true },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, json: text ? JSON.parse(text) : undefined }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const api = (target: string, body: unknown, headers: Record<string, string> = {}) =>
  raw({ headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': target, ...headers }, body: JSON.stringify(body) });
const config = async () => (await raw({ method: 'GET', path: '/_emulator/config' })).json;
const postControl = (path: string, body: unknown) => raw({ path: `/_emulator/${path}`, headers: JSON_HEADERS, body: JSON.stringify(body) });

/** The emulator still answers an ordinary request. */
async function assertAlive() {
  const list = await callJson(emu.url, 'SageMaker.ListTrainingJobs', {});
  assert.equal(list.status, 200);
}

// A safety net, not a measure: without the cap the emulator waits for the rest of the body forever.
const UNANSWERED = { timeout: 60_000 };

test('a body announced as 600 MB is refused with 413 before it is read', UNANSWERED, async () => {
  const answer = await new Promise<Answer>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/', headers: { 'X-Amz-Target': 'SageMaker.ListTrainingJobs', 'Content-Length': 600 * 1024 * 1024 } }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, json: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.write('{"MaxResults": 1');
  });
  assert.equal(answer.status, 413);
  assert.equal(answer.json.__type, 'RequestEntityTooLargeException');
  assert.match(answer.json.message, /larger than the emulator's limit of 8388608 bytes/);
  await assertAlive();
});

test('a streamed body is cut off at the limit with 413, and the emulator keeps running', UNANSWERED, async () => {
  const chunk = Buffer.alloc(1024 * 1024, 0x20);
  const chunksAtMost = 600; // 600 MB if the emulator never answered: the loop ends either way
  let written = 0;
  const answer = await new Promise<Answer>((resolve, reject) => {
    let answered = false;
    const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/', headers: { 'X-Amz-Target': 'SageMaker.ListTrainingJobs', 'Transfer-Encoding': 'chunked' } }, (res) => {
      answered = true;
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => {
        req.destroy();
        resolve({ status: res.statusCode!, headers: res.headers, json: JSON.parse(text) });
      });
    });
    req.on('error', (e) => (answered ? undefined : reject(e)));
    const pump = () => {
      while (!answered && written < chunksAtMost) {
        written++;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
  assert.equal(answer.status, 413);
  assert.equal(answer.json.__type, 'RequestEntityTooLargeException');
  assert.ok(written < chunksAtMost, `the emulator read ${written} MB before answering`);
  await assertAlive();
});

test('bodies that never end hold at most 64 MiB together: past it a request is refused with 503, and the emulator keeps answering', UNANSWERED, async () => {
  const chunk = Buffer.alloc(7 * 1024 * 1024, 0x20);
  const open: ReturnType<typeof request>[] = [];
  const answers: number[] = [];
  try {
    // Ten chunked bodies of 7 MiB, none ended: the tenth passes 64 MiB.
    for (let i = 0; i < 10; i++) {
      const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/', headers: { 'X-Amz-Target': 'SageMaker.ListTrainingJobs', 'Content-Type': 'application/x-amz-json-1.1', 'Transfer-Encoding': 'chunked' } }, (res) => {
        answers.push(res.statusCode!);
        res.resume();
      });
      req.on('error', () => undefined);
      req.write(chunk);
      open.push(req);
      await new Promise((r) => setTimeout(r, 100));
    }
    const end = Date.now() + 10_000;
    while (!answers.includes(503) && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
    assert.ok(answers.includes(503), `answers: ${answers.join(', ')}`);
    await assertAlive();
  } finally {
    for (const r of open) r.destroy();
  }
});

test('settings out of their ranges are refused with 400 and change nothing', async () => {
  const before = await config();
  const bad = [
    { trainingSteps: 1e8 },
    { trainingSteps: 0 },
    { trainingSteps: 2.5 },
    { stepMs: -1 },
    { stepMs: 'fast' },
    { stepMs: 1e12 },
    { instanceLimit: 1.5 },
    { instanceLimit: -3 },
    { failNames: 'fail' },
    { failNames: Array.from({ length: 1000 }, (_, i) => `f${i}`) },
    { region: 'eu-west-1' },
    { stepMs: null },
    [1, 2],
    null,
  ];
  for (const change of bad) {
    const answer = await postControl('config', change);
    assert.equal(answer.status, 400, JSON.stringify(change));
    assert.equal(typeof answer.json.message, 'string');
  }
  const proto = await raw({ path: '/_emulator/config', headers: JSON_HEADERS, body: '{"__proto__": {"stepMs": 1}}' });
  assert.equal(proto.status, 400);
  assert.match((await postControl('config', { trainingSteps: 1e8 })).json.message, /^trainingSteps must be an integer from 1 to 1000; got 100000000$/);
  assert.deepEqual(await config(), before);
  // A job created next still works: no setting slipped through.
  assert.equal((await callJson(emu.url, 'SageMaker.CreateTrainingJob', trainingRequest('after-bad-settings'))).status, 200);
});

test('fault rules with a bad target, kind or count are refused, all or none, and later requests still answer', async () => {
  const bad = [
    { fault: 'throttle', target: 5 },
    { fault: 'throttle', target: 'NoSuchOperation' },
    { fault: 'throttle', target: 'SageMaker.constructor' },
    { fault: 'throttle', target: 'Nope.*' },
    { fault: 'explode' },
    { fault: 'toString' },
    { fault: 'throttle', count: -1 },
    { fault: 'throttle', count: 1.5 },
    { fault: 'throttle', count: '2' },
    { fault: 'throttle', skip: -1 },
    { fault: 'delay', delayMs: 1e9 },
    { fault: 'throttle', extra: true },
    'throttle',
    null,
  ];
  for (const rule of bad) {
    const answer = await postControl('faults', { rules: [rule] });
    assert.equal(answer.status, 400, JSON.stringify(rule));
  }
  assert.match((await postControl('faults', { rules: [{ fault: 'throttle', target: 5 }] })).json.message, /"target" must name an operation .* got 5$/);
  // One bad rule in a list adds none of them.
  assert.equal((await postControl('faults', [{ fault: 'throttle', target: 'ListTrainingJobs' }, { fault: 'throttle', count: -1 }])).status, 400);
  assert.deepEqual((await raw({ method: 'GET', path: '/_emulator/faults' })).json, { rules: [] });
  await assertAlive();
  // The forms that are allowed still are.
  const good = await postControl('faults', [
    { fault: 'throttle', target: 'SageMaker.ListTransformJobs', count: 0, skip: 1000 },
    { fault: 'error500', target: 'Logs_20140328.*', count: 0, skip: 1000 },
    { fault: 'delay', target: 'ValidateStateMachineDefinition', delayMs: 1, skip: 1000 },
    { fault: 'drop', target: '*', skip: 1000 },
  ]);
  assert.equal(good.status, 200);
  await emu.clearFaults();
});

test('at most 100 fault rules are kept at once', async () => {
  const rules = Array.from({ length: 101 }, () => ({ fault: 'throttle', target: 'ListTransformJobs', skip: 1000 }));
  const answer = await postControl('faults', rules);
  assert.equal(answer.status, 400);
  assert.match(answer.json.message, /at most 100 fault rules/);
  await emu.clearFaults();
});

test('an X-Amz-Target naming a property of Object.prototype is an unknown operation', async () => {
  for (const target of ['SageMaker.constructor', 'SageMaker.toString', 'SageMaker.__proto__', 'SageMaker.hasOwnProperty', 'Logs_20140328.valueOf', 'AWSStepFunctions.constructor', 'AWSStepFunctions.__proto__', '__proto__', 'constructor', 'SageMaker.']) {
    const answer = await api(target, {});
    assert.equal(answer.status, 400, target);
    assert.equal(answer.json.__type, 'UnknownOperationException', target);
  }
  const stats = (await raw({ method: 'GET', path: '/_emulator/stats' })).json;
  assert.deepEqual(Object.keys(stats.requests).filter((k) => !/^(SageMaker|Logs_20140328|AWSStepFunctions)\.[A-Z]/.test(k)), []);
});

test('a request body that is JSON but not an object is a SerializationException', async () => {
  for (const body of ['null', '5', '"x"', '[]']) {
    const answer = await raw({ headers: { 'X-Amz-Target': 'SageMaker.ListTrainingJobs' }, body });
    assert.deepEqual([answer.status, answer.json.__type], [400, 'SerializationException'], body);
  }
});

test('page sizes and tokens out of range are ValidationException; paging with a valid size ends', async () => {
  for (const MaxResults of [-1, 0, 101, 1.5, 'x', 1e308]) {
    const answer = await api('SageMaker.ListTrainingJobs', { MaxResults });
    assert.deepEqual([answer.status, answer.json.__type], [400, 'ValidationException'], String(MaxResults));
  }
  assert.match((await api('SageMaker.ListTrainingJobs', { MaxResults: -1 })).json.message, /Value '-1' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1/);
  // A timestamp that is no number (hostile23: "yesterday" was taken for no filter).
  for (const CreationTimeAfter of ['yesterday', true, { s: 1 }]) {
    const answer = await api('SageMaker.ListTrainingJobs', { CreationTimeAfter });
    assert.deepEqual([answer.status, answer.json.__type], [400, 'SerializationException'], String(CreationTimeAfter));
  }
  assert.equal((await api('SageMaker.ListTrainingJobs', { CreationTimeAfter: 0 })).status, 200);
  for (const NextToken of ['-5', 'abc', '1e3', 7]) {
    const answer = await api('SageMaker.ListTransformJobs', { NextToken });
    assert.deepEqual([answer.status, answer.json.__type], [400, 'ValidationException'], String(NextToken));
  }
  for (const name of ['page-1', 'page-2', 'page-3']) await callJson(emu.url, 'SageMaker.CreateTrainingJob', trainingRequest(name));
  const names: string[] = [];
  let token: string | undefined;
  for (let i = 0; i < 10; i++) {
    const page = (await api('SageMaker.ListTrainingJobs', { NameContains: 'page-', MaxResults: 1, NextToken: token })).json;
    names.push(...page.TrainingJobSummaries.map((s: any) => s.TrainingJobName));
    token = page.NextToken;
    if (!token) break;
  }
  assert.deepEqual(names.sort(), ['page-1', 'page-2', 'page-3']);
  assert.equal(token, undefined);
  // CloudWatch Logs words it its own way.
  const logs = await api('Logs_20140328.DescribeLogStreams', { logGroupName: '/aws/sagemaker/TrainingJobs', limit: -1 });
  assert.deepEqual([logs.status, logs.json.__type], [400, 'InvalidParameterException']);
  const events = await api('Logs_20140328.GetLogEvents', { logGroupName: '/aws/sagemaker/TrainingJobs', logStreamName: 'x', limit: 0 });
  assert.deepEqual([events.status, events.json.__type], [400, 'InvalidParameterException']);
  for (const bad of [{ nextToken: '-1' }, { logStreamNames: { length: 1e9 } }, { logStreamNames: 'a' }]) {
    const filter = await api('Logs_20140328.FilterLogEvents', { logGroupName: '/aws/sagemaker/TrainingJobs', ...bad });
    assert.deepEqual([filter.status, filter.json.__type], [400, 'InvalidParameterException'], JSON.stringify(bad));
  }
});

test('a Host header that is not the bound address is refused (DNS rebinding); localhost is the same loopback', async () => {
  for (const host of ['evil.example', `evil.example:${port}`, `127.0.0.1:${port + 1}`, `127.0.0.1.nip.io:${port}`, `[::1]x:${port}`]) {
    const answer = await api('SageMaker.ListTrainingJobs', {}, { Host: host });
    assert.equal(answer.status, 403, host);
    assert.equal(answer.json.__type, 'ForbiddenException', host);
  }
  assert.match((await api('SageMaker.ListTrainingJobs', {}, { Host: `evil.example:${port}` })).json.message, new RegExp(`^Host "evil.example:${port}" is not the emulator's address 127.0.0.1:${port}`));
  // Without a Host header Node's HTTP server answers 400 itself.
  const noHost = await raw({ headers: { 'X-Amz-Target': 'SageMaker.ListTrainingJobs' }, body: '{}', setHost: false });
  assert.equal(noHost.status, 400);
  for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`]) {
    assert.equal((await api('SageMaker.ListTrainingJobs', {}, { Host: host })).status, 200, host);
  }
  // The control endpoints too: a rebinding page cannot reset the emulator.
  const reset = await raw({ path: '/_emulator/reset', headers: { ...JSON_HEADERS, Host: `evil.example:${port}` }, body: '{}' });
  assert.equal(reset.status, 403);
});

test('--allow-host adds a name (a Docker service name)', async () => {
  const other = await startEmulator(['--allow-host', 'sagemaker-emulator', '--quiet']);
  try {
    const otherPort = Number(new URL(other.url).port);
    const call = (host: string) =>
      new Promise<number>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port: otherPort, method: 'POST', path: '/', headers: { Host: host, 'X-Amz-Target': 'SageMaker.ListTrainingJobs' } }, (res) => {
          res.resume();
          resolve(res.statusCode!);
        });
        req.on('error', reject);
        req.end('{}');
      });
    assert.equal(await call(`sagemaker-emulator:${otherPort}`), 200);
    assert.equal(await call(`other-name:${otherPort}`), 403);
  } finally {
    await other.stop();
  }
});

test('which Host names each kind of bind accepts', () => {
  const loop4 = { address: '127.0.0.1', port: 4566 };
  assert.ok(hostAllowed('127.0.0.1:4566', loop4));
  assert.ok(hostAllowed('localhost:4566', loop4));
  assert.ok(hostAllowed('[::1]:4566', loop4));
  assert.ok(!hostAllowed('127.0.0.1', loop4)); // port 80
  assert.ok(!hostAllowed('10.0.0.5:4566', loop4));
  const loop6 = { address: '::1', port: 4566 };
  assert.ok(hostAllowed('[::1]:4566', loop6));
  assert.ok(hostAllowed('localhost:4566', loop6));
  const any = { address: '0.0.0.0', port: 4566 };
  assert.ok(hostAllowed('192.168.1.20:4566', any));
  assert.ok(hostAllowed('[fe80::1]:4566', any));
  assert.ok(hostAllowed('localhost:4566', any));
  assert.ok(!hostAllowed('attacker.example:4566', any));
  assert.ok(hostAllowed('emulator:4566', any, ['emulator']));
  const lan = { address: '192.168.1.20', port: 80 };
  assert.ok(hostAllowed('192.168.1.20', lan));
  assert.ok(!hostAllowed('localhost', lan));
  assert.ok(!hostAllowed(undefined, loop4));
});

test('browser-originated requests are refused: any Origin header, and non-JSON bodies on the control endpoints', async () => {
  const before = await config();
  const fromPage = await raw({ path: '/_emulator/config', headers: { ...JSON_HEADERS, Origin: 'https://evil.example' }, body: JSON.stringify({ stepMs: 999 }) });
  assert.deepEqual([fromPage.status, fromPage.json.__type], [403, 'ForbiddenException']);
  assert.equal((await raw({ path: '/_emulator/reset', headers: { ...JSON_HEADERS, Origin: 'null' }, body: '{}' })).status, 403);
  assert.equal((await api('SageMaker.ListTrainingJobs', {}, { Origin: `http://127.0.0.1:${port}` })).status, 403);
  // The CORS preflight gets no permission either.
  const preflight = await raw({ method: 'OPTIONS', path: '/_emulator/config', headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' } });
  assert.equal(preflight.status, 403);
  assert.equal(preflight.headers['access-control-allow-origin'], undefined);
  // What a page can send without a preflight: text/plain, a form, or no type at all.
  for (const type of ['text/plain', 'text/plain;charset=UTF-8', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', undefined]) {
    const answer = await raw({ path: '/_emulator/config', headers: type ? { 'Content-Type': type } : {}, body: JSON.stringify({ stepMs: 999 }) });
    assert.deepEqual([answer.status, answer.json.__type], [415, 'UnsupportedMediaTypeException'], String(type));
  }
  assert.deepEqual(await config(), before);
  assert.equal((await raw({ method: 'DELETE', path: '/_emulator/faults' })).status, 415);
  // Reading without a body needs no type.
  assert.equal((await raw({ method: 'GET', path: '/_emulator/stats' })).status, 200);
  assert.equal((await raw({ path: '/_emulator/faults', headers: { 'Content-Type': 'application/json; charset=utf-8' }, body: '[]' })).status, 200);
});

test('a value far past its length is not matched against its pattern (an S3 URI pattern is quadratic on 500,000 characters)', async () => {
  const answer = await callJson(emu.url, 'SageMaker.CreateTrainingJob', trainingRequest('long-uri', { OutputDataConfig: { S3OutputPath: 's3://' + 'a'.repeat(500_000) + '/\n' } }));
  assert.deepEqual([answer.status, answer.json.__type], [400, 'ValidationException']);
  assert.match(answer.json.message, /at 'outputDataConfig\.s3OutputPath' failed to satisfy constraint: Member must have length less than or equal to 1024/);
  await assertAlive();
});

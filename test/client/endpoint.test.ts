// Credentials go only where the user meant: which endpoints are local (placeholder credentials), which are AWS,
// and which need the user's agreement; the poll interval setting cannot make the watcher spin.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { classifyEndpoint, clientSettings, consentReason, credentialsSent, endpointRefusal, isLocalEndpoint, needsConsent, regionOf, shownEndpoint } from '../../client/src/jobs/endpoint';
import { JobRunner } from '../../client/src/jobs/jobRunner';
import { noRetryAfterTimeout, validateDefinition } from '../../client/src/jobs/validateDefinition';
import { trainingRequest } from './emulator';
import { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { ListStateMachinesCommand, SFNClient } from '@aws-sdk/client-sfn';
import { awsTarget } from '../../server/src/cli/aws';

test('the whole loopback range, localhost, ::1, IPv4-mapped loopback and the unspecified addresses are local', () => {
  for (const url of ['http://127.0.0.1:4566', 'http://127.0.0.2', 'http://127.255.255.254:1', 'http://127.1', 'http://2130706433', 'http://localhost:4566', 'http://LOCALHOST', 'http://127.0.0.1.:4566', 'http://[::1]:4566', 'http://[0:0:0:0:0:0:0:1]', 'http://[::ffff:127.0.0.2]', 'http://0.0.0.0:4566', 'http://0', 'http://[::]:4566', 'https://127.0.0.1']) {
    assert.equal(classifyEndpoint(url)?.kind, 'local', url);
    assert.equal(isLocalEndpoint(url), true, url);
  }
});

test('https to an AWS service host is AWS; anything else, or plain http, is not', () => {
  for (const url of ['https://sagemaker.us-east-1.amazonaws.com', 'https://api.sagemaker.eu-west-1.amazonaws.com', 'https://vpce-0a1b.api.sagemaker.us-east-1.vpce.amazonaws.com', 'https://sagemaker.cn-north-1.amazonaws.com.cn', 'https://sagemaker.us-east-1.api.aws']) {
    assert.deepEqual([classifyEndpoint(url)?.kind, classifyEndpoint(url)?.awsHost], ['aws', true], url);
  }
  const cases: [string, boolean, boolean][] = [
    // url, an AWS host, https
    ['http://sagemaker.us-east-1.amazonaws.com', true, false],
    ['https://amazonaws.com.evil.example', false, true],
    ['https://sagemaker.example.com', false, true],
    ['http://10.0.0.5:4566', false, false],
    ['http://192.168.1.20:4566', false, false],
    ['http://128.0.0.1', false, false],
    ['http://[::2]', false, false],
    // A final dot makes localhost a DNS name, which the hosts file need not answer: the network's resolver may.
    ['http://localhost.:4566', false, false],
    ['http://LOCALHOST.', false, false],
  ];
  for (const [url, awsHost, https] of cases) assert.deepEqual(classifyEndpoint(url), { kind: 'other', host: new URL(url).host, origin: new URL(url).origin, https, awsHost }, url);
  assert.equal(classifyEndpoint(undefined), undefined);
  assert.throws(() => classifyEndpoint('not a url'));
  // Another scheme than http or https (the SDK spoke ftp:// as http): no endpoint (hostile23).
  assert.throws(() => classifyEndpoint('ftp://127.0.0.1:4566'), /is not an http or https URL/);
  assert.throws(() => classifyEndpoint('file:///etc/passwd'), /is not an http or https URL/);
  assert.equal(isLocalEndpoint('not a url'), false);
  // A user name or password in the URL is refused, and never shown: the review of the day saw it in error messages,
  // the launch's confirmation and the CLI's output.
  for (const url of ['http://alice:Pr0xy-S3cret@127.0.0.1:4566', 'https://token@proxy.example.com', 'https://:pw@sagemaker.us-east-1.amazonaws.com']) {
    assert.throws(() => classifyEndpoint(url), (e: Error) => /holds a user name or password/.test(e.message) && !e.message.includes('S3cret') && !e.message.includes('token') && !e.message.includes('pw'), url);
    assert.equal(endpointRefusal((() => { try { classifyEndpoint(url); } catch (e) { return e; } return undefined; })()).startsWith('holds a user name or password'), true);
  }
  assert.equal(shownEndpoint('http://alice:Pr0xy-S3cret@127.0.0.1:4566/x?a=b@c'), 'http://127.0.0.1:4566/x?a=b@c');
  // As the URL parser reads them: the user info runs to the last @; no // and backslashes are URLs too.
  for (const url of ['https://admin:p@ssw0rd@proxy.example.com', 'https:admin:hunter2@proxy.example.com', 'https:\\\\admin:hunter2@proxy.example.com'])
    assert.equal(shownEndpoint(url), 'https://proxy.example.com/', url);
  assert.equal(shownEndpoint('not a url: pw@host'), '…@host');
  assert.equal(shownEndpoint('admin:s3cret@proxy.corp:8443'), '…@proxy.corp:8443');
  assert.equal(shownEndpoint('https://sagemaker.us-east-1.amazonaws.com'), 'https://sagemaker.us-east-1.amazonaws.com');
  assert.equal(endpointRefusal(new Error('Invalid URL')), 'is not an http or https URL');
});

// Every region of every partition the SDK knows (@aws-sdk/core's partitions.json) and one the table does not list yet.
const REGIONS = 'af-south-1 ap-east-1 ap-east-2 ap-northeast-1 ap-northeast-2 ap-northeast-3 ap-south-1 ap-south-2 ap-southeast-1 ap-southeast-2 ap-southeast-3 ap-southeast-4 ap-southeast-5 ap-southeast-6 ap-southeast-7 ca-central-1 ca-west-1 cn-north-1 cn-northwest-1 eu-central-1 eu-central-2 eu-isoe-west-1 eu-north-1 eu-south-1 eu-south-2 eu-west-1 eu-west-2 eu-west-3 il-central-1 me-central-1 me-south-1 me-west-1 mx-central-1 sa-east-1 sa-west-1 us-east-1 us-east-2 us-gov-east-1 us-gov-west-1 us-iso-east-1 us-iso-west-1 us-isob-east-1 us-isob-west-1 us-isof-east-1 us-isof-south-1 us-west-1 us-west-2 eusc-de-east-1 ap-future-12'.split(' ');

test('every endpoint the SDK itself resolves for SageMaker, CloudWatch Logs and Step Functions is AWS (regions, partitions, FIPS, dual-stack)', () => {
  const clients = [new SageMakerClient({ region: 'us-east-1' }), new CloudWatchLogsClient({ region: 'us-east-1' }), new SFNClient({ region: 'us-east-1' })];
  let n = 0;
  for (const client of clients) {
    for (const Region of REGIONS) {
      for (const UseFIPS of [false, true]) {
        for (const UseDualStack of [false, true]) {
          const url = client.config.endpointProvider({ Region, UseFIPS, UseDualStack }).url.href;
          assert.equal(classifyEndpoint(url)?.kind, 'aws', url);
          n++;
        }
      }
    }
    client.destroy();
  }
  assert.equal(n, 3 * REGIONS.length * 4);
});

test('a host under amazonaws.com that is not one of those services is not AWS: anyone can own one, with a valid certificate', () => {
  for (const url of [
    'https://abc123xyz.execute-api.us-east-1.amazonaws.com/prod', // API Gateway: a Lambda behind it sees every header
    'https://my-bucket.s3-website-us-east-1.amazonaws.com',
    'https://my-bucket.s3.us-east-1.amazonaws.com',
    'https://s3.us-east-1.amazonaws.com',
    'https://my-lb-1234567890.us-east-1.elb.amazonaws.com',
    'https://ec2-203-0-113-25.compute-1.amazonaws.com',
    'https://abc.appsync-api.us-east-1.amazonaws.com',
    'https://sagemaker.us-east-1.amazonaws.com.evil.example',
    'https://evil.sagemaker.us-east-1.amazonaws.com',
    'https://sagemaker.evil.amazonaws.com',
    'https://api.sagemaker.us-east-1.execute-api.us-east-1.amazonaws.com',
    'https://vpce-0a1b.execute-api.us-east-1.vpce.amazonaws.com',
    'https://abc.lambda-url.us-east-1.on.aws',
    'https://amazonaws.com',
    'https://api.aws',
    'https://runtime.sagemaker.us-east-1.amazonaws.com', // not called: the product never invokes endpoints
  ]) {
    const info = classifyEndpoint(url);
    assert.deepEqual([info?.kind, info?.awsHost], ['other', false], url);
    assert.equal(needsConsent(info, undefined), true, url);
    assert.equal(consentReason(info!, undefined), 'not an AWS service host', url);
  }
  // The final dot of a fully qualified name changes nothing.
  assert.equal(classifyEndpoint('https://states.us-east-1.amazonaws.com.')?.kind, 'aws');
});

test('lint --aws refuses an API Gateway host under amazonaws.com without --trust-endpoint', () => {
  const refused = awsTarget({ endpoint: 'https://abc123xyz.execute-api.us-east-1.amazonaws.com/prod' }, {});
  assert.ok('error' in refused);
  assert.match(refused.error, /abc123xyz\.execute-api\.us-east-1\.amazonaws\.com \(not an AWS service host\); add --trust-endpoint/);
  assert.ok(!('error' in awsTarget({ endpoint: 'https://abc123xyz.execute-api.us-east-1.amazonaws.com/prod', trustEndpoint: true }, {})));
  assert.ok(!('error' in awsTarget({ endpoint: 'https://states-fips.us-gov-west-1.amazonaws.com' }, {})));
});

test('consent: the one rule and the one reason the editor\'s dialog and the CLI\'s --trust-endpoint both use', () => {
  const cases: [string | undefined, string | undefined, string | undefined][] = [
    // endpoint, profile, the reason (undefined: no consent needed)
    [undefined, undefined, undefined],
    [undefined, 'work', undefined],
    ['https://sagemaker.us-east-1.amazonaws.com', undefined, undefined],
    ['https://sagemaker.us-east-1.amazonaws.com', 'work', undefined],
    ['http://127.0.0.1:4566', undefined, undefined],
    ['http://127.0.0.1:4566', 'work', 'a local server, and the profile "work" is set'],
    ['http://sagemaker.us-east-1.amazonaws.com', undefined, 'plain http'],
    ['https://sagemaker.example.com', 'work', 'not an AWS service host'],
    ['http://192.0.2.10:4566', undefined, 'not an AWS service host and plain http'],
  ];
  for (const [endpoint, profile, reason] of cases) {
    const info = classifyEndpoint(endpoint);
    assert.equal(needsConsent(info, profile), reason !== undefined, `${endpoint} ${profile}`);
    if (needsConsent(info, profile)) assert.equal(consentReason(info, profile), reason, `${endpoint} ${profile}`);
  }
  assert.equal(credentialsSent('work'), 'the credentials of profile "work"');
  assert.equal(credentialsSent(undefined), 'your AWS credentials (the default credential chain)');
});

/** A server that records the headers of the first request it gets, and answers as SageMaker does a bad request. */
async function capture(host: string): Promise<{ url: string; headers: Promise<IncomingHttpHeaders>; close(): void }> {
  let got: (h: IncomingHttpHeaders) => void = () => {};
  const headers = new Promise<IncomingHttpHeaders>((resolve) => (got = resolve));
  const server = createServer((req, res) => {
    got(req.headers);
    req.resume();
    res.writeHead(400, { 'Content-Type': 'application/x-amz-json-1.1' }).end(JSON.stringify({ __type: 'ValidationException', message: 'captured' }));
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://${host}:${port}`, headers, close: () => server.close() };
}

test('127.0.0.2 and 0.0.0.0 get placeholder credentials, never the real ones of the machine', async () => {
  const saved = { ...process.env };
  Object.assign(process.env, { AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE', AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', AWS_SESSION_TOKEN: 'IQoJb3JpZ2luX2VjEXAMPLETOKEN' });
  try {
    for (const [listen, endpointHost] of [['127.0.0.2', '127.0.0.2'], ['0.0.0.0', '0.0.0.0']]) {
      const server = await capture(listen);
      const runner = new JobRunner({ endpoint: server.url.replace(listen, endpointHost) }, { baseMs: 1, maxMs: 1, maxConsecutiveErrors: 1, createAttempts: 1 });
      try {
        await assert.rejects(runner.start('training', trainingRequest(`local-${listen.replace(/\./g, '-')}`)), /captured/);
        const h = await server.headers;
        assert.match(String(h.authorization), /Credential=local-emulator\//, listen);
        assert.doesNotMatch(String(h.authorization), /AKIA/, listen);
        assert.equal(h['x-amz-security-token'], undefined, listen);
      } finally {
        runner.dispose();
        server.close();
      }
    }
  } finally {
    process.env = saved;
  }
});

test('one region for the SDK and a launch\'s $$ ARNs: the setting, else AWS_REGION, else us-east-1 for the emulator, else the profile\'s', async () => {
  const emulator = 'http://127.0.0.1:4566';
  const cases: [Parameters<typeof regionOf>[0], Record<string, string>, string | undefined][] = [
    [{ region: 'ap-south-1', endpoint: emulator }, { AWS_REGION: 'eu-west-2' }, 'ap-south-1'],
    [{ endpoint: emulator }, { AWS_REGION: 'eu-west-2' }, 'eu-west-2'],
    [{ endpoint: emulator }, { AWS_REGION: ' ' }, 'us-east-1'],
    [{ endpoint: emulator, profile: 'work' }, {}, undefined],
    [{ endpoint: 'https://sagemaker.example.com' }, {}, undefined],
    [{}, { AWS_DEFAULT_REGION: 'eu-west-1' }, undefined], // the SDK does not read AWS_DEFAULT_REGION
  ];
  for (const [s, env, region] of cases) assert.equal(regionOf(s, env), region, JSON.stringify([s, env]));
  const saved = { ...process.env };
  const dir = mkdtempSync(join(tmpdir(), 'region-'));
  writeFileSync(join(dir, 'config'), '[profile work]\nregion = ap-northeast-2\n');
  const server = await capture('127.0.0.1');
  try {
    Object.assign(process.env, { AWS_REGION: 'eu-west-2', AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials') });
    assert.equal(clientSettings({ endpoint: server.url }).region, 'eu-west-2');
    // The region the runner reports (what a launch's $$ ARNs name) is the one its requests are signed for.
    const runner = new JobRunner({ endpoint: server.url }, { baseMs: 1, maxMs: 1, maxConsecutiveErrors: 1, createAttempts: 1 });
    try {
      assert.equal(await runner.region(), 'eu-west-2');
      await assert.rejects(runner.start('training', trainingRequest('region-1')), /captured/);
      assert.match(String((await server.headers).authorization), /Credential=local-emulator\/\d{8}\/eu-west-2\/sagemaker\//);
    } finally {
      runner.dispose();
    }
    // No region said: the emulator's us-east-1, or the profile's region from the config file.
    delete process.env.AWS_REGION;
    assert.equal(await new JobRunner({ endpoint: server.url }).region(), 'us-east-1');
    assert.equal(await new JobRunner({ profile: 'work' }).region(), 'ap-northeast-2');
  } finally {
    server.close();
    process.env = saved;
    rmSync(dir, { recursive: true, force: true });
  }
});

test('Validate with AWS follows the same rule: a local endpoint gets placeholder credentials, never the real ones', async () => {
  const saved = { ...process.env };
  Object.assign(process.env, { AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE', AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', AWS_SESSION_TOKEN: 'IQoJb3JpZ2luX2VjEXAMPLETOKEN' });
  const server = await capture('127.0.0.1');
  try {
    await assert.rejects(validateDefinition('{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}', { endpoint: server.url }), /captured/);
    const h = await server.headers;
    assert.equal(h['x-amz-target'], 'AWSStepFunctions.ValidateStateMachineDefinition');
    assert.match(String(h.authorization), /Credential=local-emulator\//);
    assert.equal(h['x-amz-security-token'], undefined);
  } finally {
    server.close();
    process.env = saved;
  }
});

test('an endpoint the environment names (AWS_ENDPOINT_URL) and the settings do not: refused before anything is sent, saying the environment sent it there', async () => {
  const saved = { ...process.env };
  const server = await capture('127.0.0.1');
  Object.assign(process.env, { AWS_ENDPOINT_URL: server.url, AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE', AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' });
  let sent = false;
  void server.headers.then(() => (sent = true));
  try {
    await assert.rejects(validateDefinition('{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}', {}), /Refused to send your AWS credentials to 127\.0\.0\.1:\d+ \(a local server\): the environment \(AWS_ENDPOINT_URL\) sends the call there/);
    await new Promise((done) => setTimeout(done, 50));
    assert.equal(sent, false);
  } finally {
    server.close();
    process.env = saved;
  }
});

test('an endpoint that answers with no AWS error (a web server\'s 404, an empty body) is said to be no SageMaker, not "UnknownError"', async () => {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(404).end());
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const runner = new JobRunner({ endpoint }, { baseMs: 1, maxMs: 1, maxConsecutiveErrors: 1, createAttempts: 1 });
  try {
    const error = await runner.start('training', trainingRequest('not-sagemaker')).then(() => undefined, (e: { explained?: { kind: string; message: string } }) => e);
    assert.equal(error?.explained?.kind, 'badAnswer');
    assert.match(error!.explained!.message, new RegExp(`^${endpoint.replace(/\./g, '\\.')} answered sagemaker:CreateTrainingJob with HTTP 404 and no AWS error in its body: it does not speak SageMaker's API\\.$`));
  } finally {
    runner.dispose();
    server.closeAllConnections();
    server.close();
  }
});

test('Validate with AWS does not ask again an endpoint that never answered (a timeout), but retries its server errors as the SDK does', async () => {
  let requests = 0;
  let silent = true;
  const server = createServer((req, res) => {
    requests++;
    req.resume();
    // Silent: the connection stays open and nothing is answered. Else a server error, which the SDK retries.
    if (!silent) req.on('end', () => res.writeHead(500, { 'content-type': 'application/x-amz-json-1.0' }).end('{"__type": "InternalFailure"}'));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // The real SDK and its own retry strategy; a short timeout so that the test does not wait 30 s.
  const client = (wrapped: boolean) => {
    const c = new SFNClient({ ...clientSettings({ endpoint }), maxAttempts: 3, requestHandler: { requestTimeout: 300, throwOnRequestTimeout: true } });
    if (wrapped) noRetryAfterTimeout(c);
    return c;
  };
  try {
    for (const [wrapped, isSilent, expected] of [[false, true, 3], [true, true, 1], [true, false, 3]] as const) {
      requests = 0;
      silent = isSilent;
      const c = client(wrapped);
      await assert.rejects(c.send(new ListStateMachinesCommand({})), isSilent ? { name: 'TimeoutError' } : /InternalFailure|500/);
      c.destroy();
      assert.equal(requests, expected, `${wrapped ? 'wrapped' : "the SDK's own"}, ${isSilent ? 'silent' : 'server error'}`);
    }
  } finally {
    server.closeAllConnections();
    server.close();
  }
});

test('the poll interval: a number, clamped at both ends; restricted in untrusted workspaces', async () => {
  const Module = require('node:module');
  const load = Module._load;
  Module._load = (request: string, ...rest: unknown[]) => (request === 'vscode' ? {} : load(request, ...rest));
  try {
    const { pollIntervalSeconds } = require('../../client/src/jobs/settings');
    const cases: [unknown, number][] = [[15, 15], [3000000, 300], [0, 0.2], [-5, 0.2], [0.5, 0.5], ['5', 15], [Number.NaN, 15], [Infinity, 15], [null, 15], [undefined, 15], [{}, 15]];
    for (const [value, expected] of cases) assert.equal(pollIntervalSeconds(value), expected, String(value));
  } finally {
    Module._load = load;
  }
  const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
  assert.ok(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations.includes('sagemakerAsl.jobs.pollIntervalSeconds'));
  // A verbose trace writes every message's parameters (a launch's resolved request, the execution inputs) to the
  // output channel and the logs: a cloned repository's settings do not turn it on (sec40).
  assert.ok(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations.includes('sagemakerAsl.trace.server'));
  const setting = manifest.contributes.configuration.properties['sagemakerAsl.jobs.pollIntervalSeconds'];
  assert.deepEqual([setting.type, setting.minimum, setting.maximum], ['number', 0.2, 300]);
});

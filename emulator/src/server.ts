// The HTTP side of the emulator: AWS JSON 1.1 (SageMaker, CloudWatch Logs) and 1.0 (Step Functions) on
// `POST /` (X-Amz-Target picks the operation; any SigV4 signature is accepted) and a small control API under
// /_emulator/ for tests and demos. Browser-originated requests, foreign Host names and oversized bodies are
// refused first (guards.ts).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { SageMakerEmulator, ApiError, checkSettings, type EmulatorOptions } from './sagemaker';
import { STEP_FUNCTIONS_OPERATIONS } from './stepFunctions';
import { Faults, MAX_RULES, checkRule, type ErrorAnswer } from './faults';
import { RequestRefused, checkOrigin, isJsonContentType, readBody } from './guards';
import { STS_TARGET, isQueryRequest, stsAnswer, stsError } from './sts';

export interface EmulatorServer {
  server: Server;
  sageMaker: SageMakerEmulator;
  faults: Faults;
  /** Requests answered, by X-Amz-Target. */
  requests: Record<string, number>;
  /** The X-Amz-Target of every operation emulated. */
  operations: string[];
}

/** AWS JSON 1.0 or 1.1, by service (the SDKs check the Content-Type of answers and errors). */
const jsonVersion = (target: string) => (target.startsWith('AWSStepFunctions.') ? '1.0' : '1.1');

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}, version = '1.1'): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': `application/x-amz-json-${version}`,
    'Content-Length': Buffer.byteLength(text),
    'x-amzn-RequestId': randomUUID(),
    ...headers,
  });
  res.end(text);
}

function sendError(res: ServerResponse, e: ErrorAnswer, version = '1.1', headers: Record<string, string> = {}): void {
  send(res, e.status, { __type: e.type, message: e.message, Message: e.message }, { 'x-amzn-ErrorType': e.type, ...headers }, version);
}

/**
 * A request refused before its body was read: answer with `Connection: close`. Node then closes the socket with
 * destroySoon(), which would reset the connection while the client is still sending and make it lose the
 * answer; instead what the client still sends is read and dropped for a moment (a "lingering close").
 */
function refuse(req: IncomingMessage, res: ServerResponse, e: ErrorAnswer): void {
  const socket = req.socket;
  socket.destroySoon = () => {
    socket.end();
    req.resume();
    setTimeout(() => socket.destroy(), LINGER_MS).unref();
  };
  sendError(res, e, jsonVersion(String(req.headers['x-amz-target'] ?? '')), { Connection: 'close' });
}
const LINGER_MS = 2000;

export interface ServerOptions {
  /** Host names accepted besides the bound address (e.g. a Docker service name). */
  allowHosts?: string[];
}

export function createEmulatorServer(options: EmulatorOptions, log: (line: string) => void = () => {}, serverOptions: ServerOptions = {}): EmulatorServer {
  const sageMaker = new SageMakerEmulator(options);
  const faults = new Faults();
  // Prototype-less: counted by target, and a target named __proto__ must stay a plain key.
  const requests: Record<string, number> = Object.create(null);
  // Every operation by X-Amz-Target, in a Map so that `SageMaker.constructor` names nothing.
  const operations = new Map<string, (input: Record<string, unknown>) => unknown>([
    ...sageMaker.operations.map((target) => [target, (input: Record<string, unknown>) => sageMaker.handle(target, input)] as const),
    ...STEP_FUNCTIONS_OPERATIONS,
  ]);
  const operationNames = [...operations.keys(), STS_TARGET];

  const control = async (req: IncomingMessage, res: ServerResponse, body: string) => {
    const path = (req.url ?? '').split('?')[0];
    if (path === '/_emulator/faults' && req.method === 'POST') {
      const parsed = JSON.parse(body || '{}');
      const rules = Array.isArray(parsed) ? parsed : Array.isArray(parsed?.rules) ? parsed.rules : [parsed];
      if (rules.length > MAX_RULES) throw new Error(`at most ${MAX_RULES} fault rules at once; DELETE /_emulator/faults clears them`);
      faults.add((rules as unknown[]).map((r) => checkRule(r, operationNames)));
      return send(res, 200, { rules: faults.list() });
    }
    if (path === '/_emulator/faults' && req.method === 'DELETE') {
      faults.clear();
      return send(res, 200, { rules: [] });
    }
    if (path === '/_emulator/faults') return send(res, 200, { rules: faults.list() });
    if (path === '/_emulator/config' && req.method === 'POST') {
      // Speed, failing names and limits can change while the emulator runs (demos, tests).
      Object.assign(sageMaker.options, checkSettings(JSON.parse(body || '{}')));
      return send(res, 200, sageMaker.options);
    }
    if (path === '/_emulator/config') return send(res, 200, sageMaker.options);
    if (path === '/_emulator/stats') return send(res, 200, { requests, faultsInjected: faults.injected });
    if (path === '/_emulator/reset' && req.method === 'POST') {
      sageMaker.reset();
      faults.clear();
      for (const k of Object.keys(requests)) delete requests[k];
      return send(res, 200, {});
    }
    return send(res, 404, { message: 'control endpoints: GET|POST|DELETE /_emulator/faults, GET|POST /_emulator/config, GET /_emulator/stats, POST /_emulator/reset' });
  };

  const server = createServer(async (req, res) => {
    const isControl = req.url?.startsWith('/_emulator/') ?? false;
    const target = String(req.headers['x-amz-target'] ?? '');
    const version = jsonVersion(target);
    try {
      const address = server.address();
      if (!address || typeof address !== 'object') throw new Error('the server is not listening');
      checkOrigin(req, address, serverOptions.allowHosts ?? []);
      // The control API takes JSON only: a cross-origin text/plain or form POST is what a web page can send.
      const type = req.headers['content-type'];
      if (isControl && (type !== undefined || (req.method !== 'GET' && req.method !== 'HEAD')) && !isJsonContentType(type)) {
        throw new RequestRefused({ status: 415, type: 'UnsupportedMediaTypeException', message: `The control endpoints take Content-Type: application/json; got ${type ?? 'none'}` });
      }
      const body = await readBody(req);
      if (isControl) return await control(req, res, body);
      // STS names its action in a form-encoded body (AWS Query): the launch's "which account pays".
      if (req.method === 'POST' && !target && isQueryRequest(type)) {
        const fault = faults.take(STS_TARGET);
        if (fault?.kind === 'drop' || fault?.kind === 'dropResponse') return void req.socket.destroy();
        if (fault?.kind === 'delay') await new Promise((r) => setTimeout(r, fault.ms));
        const answer = fault?.kind === 'error' ? stsError(fault.error) : stsAnswer(body, sageMaker.options.account);
        if (answer.status === 200) requests[STS_TARGET] = (requests[STS_TARGET] ?? 0) + 1;
        res.writeHead(answer.status, { 'Content-Type': 'text/xml', 'Content-Length': Buffer.byteLength(answer.xml), 'x-amzn-RequestId': randomUUID() });
        return void res.end(answer.xml);
      }
      if (req.method !== 'POST' || !target) {
        return sendError(res, { status: 400, type: 'UnknownOperationException', message: 'Expected POST / with an X-Amz-Target header (AWS JSON 1.1)' });
      }
      const fault = faults.take(target);
      if (fault) log(`fault ${fault.kind}${fault.kind === 'error' ? ` ${fault.error.type}` : ''} on ${target}`);
      if (fault?.kind === 'drop') return void req.socket.destroy();
      if (fault?.kind === 'delay') await new Promise((r) => setTimeout(r, fault.ms));
      if (fault?.kind === 'error') return sendError(res, fault.error, version);
      const handler = operations.get(target);
      if (!handler) return sendError(res, { status: 400, type: 'UnknownOperationException', message: `Operation ${target} is not supported by the emulator` }, version);
      let input: unknown;
      try {
        input = body ? JSON.parse(body) : {};
      } catch {
        return sendError(res, { status: 400, type: 'SerializationException', message: 'The request body is not valid JSON' }, version);
      }
      if (!input || typeof input !== 'object' || Array.isArray(input)) {
        return sendError(res, { status: 400, type: 'SerializationException', message: 'The request body must be a JSON object' }, version);
      }
      requests[target] = (requests[target] ?? 0) + 1;
      const output = handler(input as Record<string, unknown>);
      if (fault?.kind === 'dropResponse') return void req.socket.destroy();
      send(res, 200, output, {}, version);
    } catch (e) {
      if (e instanceof RequestRefused) return refuse(req, res, e.answer);
      if (e instanceof ApiError) return sendError(res, e.answer, version);
      if (e instanceof SyntaxError || (e instanceof Error && isControl)) {
        return send(res, 400, { message: (e as Error).message });
      }
      log(`internal error: ${(e as Error).stack}`);
      sendError(res, { status: 500, type: 'InternalFailure', message: String((e as Error).message) }, version);
    }
  });
  // A request's headers and body arrive within 30 s (Node's default is 5 minutes): a body that never ends is not
  // held that long. The SDK sends a request at once.
  server.headersTimeout = 20_000;
  server.requestTimeout = 30_000;
  return { server, sageMaker, faults, requests, operations: operationNames };
}

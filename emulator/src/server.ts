// The HTTP side of the emulator: AWS JSON 1.1 on `POST /` (X-Amz-Target picks the operation; any SigV4
// signature is accepted) and a small control API under /_emulator/ for tests and demos.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { SageMakerEmulator, ApiError, type EmulatorOptions } from './sagemaker';
import { Faults, checkRule, type ErrorAnswer } from './faults';

export interface EmulatorServer {
  server: Server;
  sageMaker: SageMakerEmulator;
  faults: Faults;
  /** Requests answered, by X-Amz-Target. */
  requests: Record<string, number>;
}

function pick<T extends object, K extends keyof T>(o: T, keys: K[]): Partial<T> {
  return Object.fromEntries(keys.filter((k) => o[k] !== undefined).map((k) => [k, o[k]])) as unknown as Partial<T>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/x-amz-json-1.1',
    'Content-Length': Buffer.byteLength(text),
    'x-amzn-RequestId': randomUUID(),
    ...headers,
  });
  res.end(text);
}

function sendError(res: ServerResponse, e: ErrorAnswer): void {
  send(res, e.status, { __type: e.type, message: e.message, Message: e.message }, { 'x-amzn-ErrorType': e.type });
}

export function createEmulatorServer(options: EmulatorOptions, log: (line: string) => void = () => {}): EmulatorServer {
  const sageMaker = new SageMakerEmulator(options);
  const faults = new Faults();
  const requests: Record<string, number> = {};

  const control = async (req: IncomingMessage, res: ServerResponse, body: string) => {
    const path = (req.url ?? '').split('?')[0];
    if (path === '/_emulator/faults' && req.method === 'POST') {
      const parsed = JSON.parse(body || '{}');
      const rules = Array.isArray(parsed) ? parsed : Array.isArray(parsed.rules) ? parsed.rules : [parsed];
      (rules as unknown[]).map(checkRule).forEach((r) => faults.add(r));
      return send(res, 200, { rules: faults.list() });
    }
    if (path === '/_emulator/faults' && req.method === 'DELETE') {
      faults.clear();
      return send(res, 200, { rules: [] });
    }
    if (path === '/_emulator/faults') return send(res, 200, { rules: faults.list() });
    if (path === '/_emulator/config' && req.method === 'POST') {
      // Speed, failing names and limits can change while the emulator runs (demos, tests).
      const change = JSON.parse(body || '{}') as Partial<EmulatorOptions>;
      for (const key of ['stepMs', 'trainingSteps', 'instanceLimit'] as const) {
        if (change[key] !== undefined && !(typeof change[key] === 'number' && change[key]! >= 0)) throw new Error(`${key} must be a non-negative number`);
      }
      if (change.failNames !== undefined && !(Array.isArray(change.failNames) && change.failNames.every((n) => typeof n === 'string'))) throw new Error('failNames must be a list of strings');
      Object.assign(sageMaker.options, pick(change, ['stepMs', 'trainingSteps', 'instanceLimit', 'failNames']));
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
    try {
      const body = await readBody(req);
      if (req.url?.startsWith('/_emulator/')) return await control(req, res, body);
      const target = String(req.headers['x-amz-target'] ?? '');
      if (req.method !== 'POST' || !target) {
        return sendError(res, { status: 400, type: 'UnknownOperationException', message: 'Expected POST / with an X-Amz-Target header (AWS JSON 1.1)' });
      }
      const fault = faults.take(target);
      if (fault) log(`fault ${fault.kind}${fault.kind === 'error' ? ` ${fault.error.type}` : ''} on ${target}`);
      if (fault?.kind === 'drop') return void req.socket.destroy();
      if (fault?.kind === 'delay') await new Promise((r) => setTimeout(r, fault.ms));
      if (fault?.kind === 'error') return sendError(res, fault.error);
      let input: unknown;
      try {
        input = body ? JSON.parse(body) : {};
      } catch {
        return sendError(res, { status: 400, type: 'SerializationException', message: 'The request body is not valid JSON' });
      }
      requests[target] = (requests[target] ?? 0) + 1;
      const output = sageMaker.handle(target, input as Record<string, unknown>);
      if (fault?.kind === 'dropResponse') return void req.socket.destroy();
      send(res, 200, output);
    } catch (e) {
      if (e instanceof ApiError) return sendError(res, e.answer);
      if (e instanceof SyntaxError || (e instanceof Error && req.url?.startsWith('/_emulator/'))) {
        return send(res, 400, { message: (e as Error).message });
      }
      log(`internal error: ${(e as Error).stack}`);
      sendError(res, { status: 500, type: 'InternalFailure', message: String((e as Error).message) });
    }
  });
  return { server, sageMaker, faults, requests };
}

// What keeps the emulator alive and private on a developer's machine: it listens on a port any web page the user
// visits could reach (through the browser) and that any process could flood. Requests are refused before their
// body is read when they come from a browser (an Origin header) or name another host (DNS rebinding: a page on
// evil.example resolving to 127.0.0.1 sends `Host: evil.example`); bodies are read only up to a cap.
import { isIP } from 'node:net';
import type { IncomingMessage } from 'node:http';
import type { ErrorAnswer } from './faults';

/**
 * The largest request body read. Step Functions definitions are at most 1,048,576 characters, JSON-escaped at
 * most 6 bytes each; SageMaker requests are far smaller.
 */
export const MAX_BODY_BYTES = 8 * 1024 * 1024;

export class RequestRefused extends Error {
  constructor(readonly answer: ErrorAnswer) {
    super(answer.message);
  }
}

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '::1']);
const isLoopback = (address: string) => LOOPBACK_NAMES.has(address) || (isIP(address) !== 0 && /^(::ffff:)?127\./.test(address));
const isUnspecified = (address: string) => address === '0.0.0.0' || address === '::';

/** `Host` split into a lower-case name (IPv6 without brackets) and a port; undefined when it does not parse. */
function parseHost(host: string): { name: string; port: number } | undefined {
  const m = /^(?:\[([0-9a-f:.]+)\]|([^:[\]]+))(?::(\d{1,5}))?$/i.exec(host.trim());
  if (!m) return undefined;
  return { name: (m[1] ?? m[2]).toLowerCase(), port: m[3] === undefined ? 80 : Number(m[3]) };
}

/**
 * Whether a request's Host header names the address the server is bound to: the same address and port; for a
 * loopback bind also `localhost` and the other loopback spellings; for an unspecified bind (0.0.0.0, ::, as in
 * Docker) any IP literal or localhost. `allowed` adds names (a Docker service name). A name resolved by DNS is
 * never accepted otherwise, which is what defeats DNS rebinding.
 */
export function hostAllowed(host: string | undefined, bound: { address: string; port: number }, allowed: readonly string[] = []): boolean {
  if (!host) return false;
  const h = parseHost(host);
  if (!h || h.port !== bound.port) return false;
  if (allowed.some((a) => a.toLowerCase() === h.name)) return true;
  const address = bound.address.toLowerCase();
  if (h.name === address) return true;
  if (isUnspecified(address)) return isIP(h.name) !== 0 || h.name === 'localhost';
  return isLoopback(address) && isLoopback(h.name);
}

/** Refuses browser-originated requests and foreign Host names; throws RequestRefused. */
export function checkOrigin(req: IncomingMessage, bound: { address: string; port: number }, allowedHosts: readonly string[]): void {
  // Browsers send Origin on every cross-origin request and every POST; no AWS SDK outside a browser does.
  if (req.headers.origin !== undefined) {
    throw new RequestRefused({ status: 403, type: 'ForbiddenException', message: `Requests from web pages (Origin: ${req.headers.origin}) are refused by the emulator` });
  }
  if (!hostAllowed(req.headers.host, bound, allowedHosts)) {
    const where = `${bound.address.includes(':') ? `[${bound.address}]` : bound.address}:${bound.port}`;
    throw new RequestRefused({
      status: 403,
      type: 'ForbiddenException',
      message: `Host ${JSON.stringify(req.headers.host ?? '')} is not the emulator's address ${where} (use that address, or --allow-host NAME)`,
    });
  }
}

/** JSON, as the control endpoints require: a browser cannot send it cross-origin without a CORS preflight. */
export const isJsonContentType = (type: string | undefined) => !!type && /^application\/(json|x-amz-json-1\.[01])\s*(;|$)/i.test(type);

/**
 * What all the bodies being read may hold at once: each is at most MAX_BODY_BYTES, but bodies that never end (a
 * chunked body without its last chunk) held memory without bound, 150 of them over a gigabyte (hostile28).
 */
export const MAX_BUFFERED_BYTES = 8 * MAX_BODY_BYTES;
let buffered = 0;

/**
 * The body as text, refused with 413 beyond `limit` bytes (announced or streamed) without reading the rest, and
 * with 503 while the bodies being read already hold MAX_BUFFERED_BYTES.
 */
export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<string> {
  const tooLarge = () =>
    new RequestRefused({ status: 413, type: 'RequestEntityTooLargeException', message: `The request body is larger than the emulator's limit of ${limit} bytes` });
  const busy = () =>
    new RequestRefused({ status: 503, type: 'ServiceUnavailable', message: `The request bodies being read hold more than the emulator's limit of ${MAX_BUFFERED_BYTES} bytes: try again` });
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (error?: Error) => {
      if (done) return;
      done = true;
      buffered -= size;
      req.off('data', onData);
      if (error) reject(error);
      else resolve(Buffer.concat(chunks).toString('utf8'));
    };
    const onData = (c: Buffer) => {
      size += c.length;
      buffered += c.length;
      if (size > limit || buffered > MAX_BUFFERED_BYTES) {
        chunks.length = 0;
        // Stop reading: the answer is sent and the connection closed by the caller.
        req.pause();
        return finish(size > limit ? tooLarge() : busy());
      }
      chunks.push(c);
    };
    req.on('data', onData);
    req.on('end', () => finish());
    req.on('error', (e) => finish(e));
    req.on('close', () => finish(new Error('the client closed the connection before the body ended')));
  });
}

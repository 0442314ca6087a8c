// The door in front of VS Code in the browser (code-server runs with --auth none, on a Unix socket only its owner
// can open): a web page elsewhere in the user's browser, or another user of the machine, must not get an IDE with a
// terminal. Three checks, as Jupyter's token does it:
//   - the Host header names this server (127.0.0.1, localhost or [::1] on its port): a page on a name that DNS
//     rebinding points here sends its own name, and is refused;
//   - the first request carries the token (`?tkn=…` in the URL npm start prints): it gets an HttpOnly, SameSite=Strict
//     cookie and a redirect to the same URL without the token;
//   - every other request (and WebSocket upgrade) carries that cookie.
// Everything else goes to code-server's socket as it came, WebSockets included.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, request } from 'node:http';
import { connect } from 'node:net';

const COOKIE = 'sagemaker_asl_workbench';

/** Whether two strings are equal, in time that does not tell where they differ. */
function same(a, b) {
  const x = Buffer.from(String(a));
  const y = Buffer.from(String(b));
  return x.length === y.length && timingSafeEqual(x, y);
}

function cookieOf(header) {
  for (const part of String(header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === COOKIE) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/**
 * Starts the door on 127.0.0.1:`port` (a free one when 0) for the code-server listening on `socketPath`. Returns
 * its port, the URL path suffix that lets a browser in (`tkn=…`) and stop().
 */
export async function startGuard({ socketPath, port = 0 }) {
  const token = randomBytes(24).toString('base64url');
  let hosts = new Set();
  const allowed = (req) => hosts.has(String(req.headers.host ?? '').toLowerCase());
  const admitted = (req) => same(cookieOf(req.headers.cookie) ?? '', token);
  const server = createServer((req, res) => {
    if (!allowed(req)) {
      res.writeHead(403, { 'content-type': 'text/plain' }).end('This server answers only to 127.0.0.1 and localhost.\n');
      return;
    }
    const url = new URL(req.url ?? '/', 'http://host');
    const given = url.searchParams.get('tkn');
    if (given !== null) {
      if (!same(given, token)) {
        res.writeHead(401, { 'content-type': 'text/plain' }).end('This link is not the one npm start printed.\n');
        return;
      }
      url.searchParams.delete('tkn');
      res.writeHead(302, {
        location: url.pathname + url.search,
        'set-cookie': `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        'cache-control': 'no-store',
      }).end();
      return;
    }
    if (!admitted(req)) {
      res.writeHead(401, { 'content-type': 'text/plain' }).end('Open the link npm start printed (with its tkn=…).\n');
      return;
    }
    const upstream = request({ socketPath, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.rawHeaders);
      answer.pipe(res);
    });
    upstream.on('error', () => (res.headersSent ? res.destroy() : res.writeHead(502).end()));
    req.pipe(upstream);
  });
  server.on('upgrade', (req, socket, head) => {
    if (!allowed(req) || !admitted(req)) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    const upstream = connect(socketPath, () => {
      const lines = [`${req.method} ${req.url} HTTP/${req.httpVersion}`];
      for (let i = 0; i < req.rawHeaders.length; i += 2) lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
      upstream.write(lines.join('\r\n') + '\r\n\r\n');
      if (head?.length) upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    const close = () => (upstream.destroy(), socket.destroy());
    upstream.on('error', close);
    socket.on('error', close);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const bound = server.address().port;
  hosts = new Set([`127.0.0.1:${bound}`, `localhost:${bound}`, `[::1]:${bound}`]);
  return {
    port: bound,
    query: `tkn=${token}`,
    stop: () => new Promise((resolve) => (server.closeAllConnections?.(), server.close(() => resolve()))),
  };
}

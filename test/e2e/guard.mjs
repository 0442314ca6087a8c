// The door in front of VS Code in the browser (code-server runs with --auth none, on a Unix socket only its owner
// can open): a web page elsewhere in the user's browser, or another user of the machine, must not get an IDE with a
// terminal. Three checks, as Jupyter's token does it:
//   - the Host header names this server (127.0.0.1, localhost or [::1] on its port): a page on a name that DNS
//     rebinding points here sends its own name, and is refused;
//   - the first request carries the token (`?tkn=…` in the URL npm start prints): it gets an HttpOnly, SameSite=Strict
//     cookie (another secret: the link's token is not in it) and a redirect to the same URL without the token;
//   - every other request (and WebSocket upgrade, whose Origin, when it has one, must be this server) carries that
//     cookie. (A cookie is not kept apart by port: another server on 127.0.0.1 the browser visits gets it too. It
//     lives as long as npm start, and its name carries this door's port, so a second npm start, or an e2e run
//     beside one, sets a cookie of its own instead of replacing the first's and locking its tab out.)
// Everything else goes to code-server's socket as it came, WebSockets included.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, request } from 'node:http';
import { connect } from 'node:net';

/** Whether two strings are equal, in time that does not tell where they differ. */
function same(a, b) {
  const x = Buffer.from(String(a));
  const y = Buffer.from(String(b));
  return x.length === y.length && timingSafeEqual(x, y);
}

function cookieOf(header, name) {
  for (const part of String(header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/**
 * Starts the door on 127.0.0.1:`port` (a free one when 0) for the code-server listening on `socketPath`. Returns
 * its port, the URL path suffix that lets a browser in (`tkn=…`) and stop().
 */
export async function startGuard({ socketPath, port = 0 }) {
  const token = randomBytes(24).toString('base64url');
  const session = randomBytes(24).toString('base64url');
  let hosts = new Set();
  let cookie = '';
  const allowed = (req) => hosts.has(String(req.headers.host ?? '').toLowerCase());
  const admitted = (req) => same(cookieOf(req.headers.cookie, cookie) ?? '', session);
  const sameOrigin = (req) => {
    if (req.headers.origin === undefined) return true;
    try {
      return hosts.has(new URL(req.headers.origin).host.toLowerCase());
    } catch {
      return false;
    }
  };
  // Every connection, upgraded ones too (the server no longer tracks those): stop() closes them all.
  const sockets = new Set();
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
        // One leading slash: `//host/…` would send the browser elsewhere.
        location: `/${url.pathname.replace(/^\/+/, '')}${url.search}`,
        'set-cookie': `${cookie}=${session}; HttpOnly; SameSite=Strict; Path=/`,
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
    // A browser that leaves takes code-server's answer with it (a stream would run on).
    res.on('close', () => !res.writableFinished && upstream.destroy());
    req.pipe(upstream);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('upgrade', (req, socket, head) => {
    if (!allowed(req) || !admitted(req) || !sameOrigin(req)) {
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
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
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
  cookie = `sagemaker_asl_workbench_${bound}`;
  return {
    port: bound,
    query: `tkn=${token}`,
    stop: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      }),
  };
}

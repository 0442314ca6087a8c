// The door npm start and the e2e suites put in front of code-server (test/e2e/guard.mjs), against a stand-in for
// code-server on a Unix socket: a foreign Host is refused, a browser without the link's token or its cookie is
// refused, the token gives the cookie, and the cookie lets requests and WebSocket upgrades through as they came.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, request, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error: a plain ES module of the e2e set-up, without types
import { startGuard } from '../e2e/guard.mjs';

function ask(port: number, path: string, headers: Record<string, string>): Promise<{ status: number; headers: IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** The first line the server answers a raw WebSocket upgrade with. */
function upgrade(port: number, headers: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const s = connect(port, '127.0.0.1', () => {
      const lines = ['GET /ws HTTP/1.1', 'Connection: Upgrade', 'Upgrade: websocket', ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
      s.write(lines.join('\r\n') + '\r\n\r\n');
    });
    let got = '';
    s.on('data', (c) => {
      got += c;
      if (got.includes('\r\n')) {
        resolve(got.split('\r\n')[0] + (got.includes('upgraded:') ? ' upgraded' : ''));
        s.destroy();
      }
    });
    s.on('error', reject);
  });
}

test('the door: Host, token, cookie; then requests and upgrades reach the socket as they came', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'guard-'));
  const socketPath = join(dir, 'cs.sock');
  const upstream = createServer((req, res) => res.end(`upstream ${req.method} ${req.url} host=${req.headers.host}`));
  // An upgraded connection stays open, as a workbench's does.
  upstream.on('upgrade', (req, socket) => socket.write(`HTTP/1.1 101 Switching Protocols\r\nupgraded: ${req.url}\r\n\r\n`));
  await new Promise<void>((r) => upstream.listen(socketPath, r));
  const guard = await startGuard({ socketPath });
  const host = `127.0.0.1:${guard.port}`;
  try {
    // A name DNS rebinding points here: refused, cookie or not.
    assert.equal((await ask(guard.port, '/', { host: `attacker.example:${guard.port}` })).status, 403);
    // No token, a wrong one: refused.
    assert.equal((await ask(guard.port, '/?folder=x', { host })).status, 401);
    assert.equal((await ask(guard.port, `/?folder=x&tkn=${'a'.repeat(32)}`, { host })).status, 401);
    // The link's token: a cookie, and back to the same URL without it.
    const entry = await ask(guard.port, `/?folder=x&${guard.query}`, { host });
    assert.equal(entry.status, 302);
    assert.equal(entry.headers.location, '/?folder=x');
    const cookie = String(entry.headers['set-cookie']).split(';')[0];
    assert.ok(!cookie.includes(guard.query.slice('tkn='.length)), 'the cookie is not the link\'s token');
    // The redirect stays on this server, whatever the path.
    assert.equal((await ask(guard.port, `//evil.example/?${guard.query}`, { host })).headers.location, '/');
    assert.match(String(entry.headers['set-cookie']), /HttpOnly; SameSite=Strict; Path=\//);
    const through = await ask(guard.port, '/?folder=x', { host: `localhost:${guard.port}`, cookie });
    assert.deepEqual([through.status, through.body], [200, `upstream GET /?folder=x host=localhost:${guard.port}`]);
    assert.equal((await ask(guard.port, '/', { host: `attacker.example:${guard.port}`, cookie })).status, 403);
    // Upgrades: only with the cookie and a local Host.
    assert.equal(await upgrade(guard.port, { Host: host }), 'HTTP/1.1 403 Forbidden');
    assert.equal(await upgrade(guard.port, { Host: `attacker.example:${guard.port}`, Cookie: cookie }), 'HTTP/1.1 403 Forbidden');
    assert.equal(await upgrade(guard.port, { Host: host, Cookie: cookie, Origin: 'http://attacker.example' }), 'HTTP/1.1 403 Forbidden');
    assert.equal(await upgrade(guard.port, { Host: host, Cookie: cookie, Origin: `http://${host}` }), 'HTTP/1.1 101 Switching Protocols upgraded');
    // Stopping closes what is still open (an upgraded connection too), or npm start's Ctrl-C would wait for the tab.
    const open = connect(guard.port, '127.0.0.1', () => open.write(`GET /ws HTTP/1.1\r\nHost: ${host}\r\nCookie: ${cookie}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n`));
    await new Promise((r) => open.once('data', r));
    await guard.stop();
    assert.ok(open.destroyed || (await new Promise((r) => open.once('close', () => r(true)))));
  } finally {
    await guard.stop();
    upstream.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('two doors at once (a second npm start, an e2e run beside one): a browser keeps both cookies, and each lets it through its own', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'guard-'));
  const socketPath = join(dir, 'cs.sock');
  const upstream = createServer((req, res) => res.end('upstream'));
  await new Promise<void>((r) => upstream.listen(socketPath, r));
  const guards = [await startGuard({ socketPath }), await startGuard({ socketPath })];
  try {
    const cookies: string[] = [];
    for (const g of guards) {
      const entry = await ask(g.port, `/?${g.query}`, { host: `127.0.0.1:${g.port}` });
      cookies.push(String(entry.headers['set-cookie']).split(';')[0]);
    }
    // A cookie is not kept apart by port: the browser sends both to each (with one name, the second replaced the first and locked its tab out).
    assert.notEqual(cookies[0].split('=')[0], cookies[1].split('=')[0]);
    for (const g of guards) assert.equal((await ask(g.port, '/', { host: `127.0.0.1:${g.port}`, cookie: cookies.join('; ') })).status, 200);
    // Each door's cookie opens only that door.
    assert.equal((await ask(guards[0].port, '/', { host: `127.0.0.1:${guards[0].port}`, cookie: cookies[1] })).status, 401);
  } finally {
    for (const g of guards) await g.stop();
    upstream.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

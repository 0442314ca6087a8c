// The floor of the bench's cold open: the least a language server can do and still answer a didOpen with its
// diagnostics. It reads LSP frames from stdin (chunks kept in a list, joined once a frame is whole), JSON.parses a
// didOpen's text and publishes no diagnostics: no checks, no tree with positions. bench.mjs times it the way it
// times our server (a fresh process, its first document, the same client), so the table shows how much of an open
// is the transport and the parse that any server pays. Plain CommonJS, no dependencies, nothing to build.
'use strict';
const chunks = [];
let have = 0;
let need = -1;
const send = (m) => {
  const body = Buffer.from(JSON.stringify(m));
  process.stdout.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`), body]));
};
function handle(msg) {
  if (msg.method === 'initialize') send({ jsonrpc: '2.0', id: msg.id, result: { capabilities: { textDocumentSync: 1 } } });
  else if (msg.method === 'shutdown') send({ jsonrpc: '2.0', id: msg.id, result: null });
  else if (msg.method === 'exit') process.exit(0);
  else if (msg.method === 'textDocument/didOpen') {
    const { uri, version, text } = msg.params.textDocument;
    JSON.parse(text);
    send({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri, version, diagnostics: [] } });
  } else if (msg.id !== undefined) send({ jsonrpc: '2.0', id: msg.id, result: null });
}
process.stdin.on('data', (chunk) => {
  chunks.push(chunk);
  have += chunk.length;
  for (;;) {
    if (need < 0) {
      const head = Buffer.concat(chunks);
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) return;
      need = Number(/Content-Length: *(\d+)/i.exec(head.subarray(0, end).toString('ascii'))[1]);
      chunks.length = 0;
      chunks.push(head.subarray(end + 4));
      have = head.length - end - 4;
    }
    if (have < need) return;
    const all = Buffer.concat(chunks);
    const body = all.subarray(0, need).toString('utf8');
    const rest = all.subarray(need);
    chunks.length = 0;
    chunks.push(rest);
    have = rest.length;
    need = -1;
    handle(JSON.parse(body));
  }
});

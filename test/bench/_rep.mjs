import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from '../lsp/lsp-client.mjs';
function positionAt(text, o) { if (text !== positionAt.t) { positionAt.t = text; positionAt.l = [0]; for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) positionAt.l.push(i + 1); } const l = positionAt.l; let lo = 0, hi = l.length - 1; while (lo < hi) { const m = (lo + hi + 1) >> 1; if (l[m] <= o) lo = m; else hi = m - 1; } return { line: lo, character: o - l[lo] }; }
import { generateStateMachine } from './generate.mjs';
const root = new URL('../..', import.meta.url).pathname;
const prof = process.argv[2] === 'prof';
const c = await LspClient.start(['node', ...(process.env.NF ? process.env.NF.split(' ') : []), ...(prof ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'] : []), join(root, 'dist/server.js'), '--stdio'], root);
const uri = pathToFileURL(join(root, `bench-replace-2000.asl.json`)).href;
let text = generateStateMachine(2000);
await c.open(uri, 'asl', text, 60000);
const xs = [];
for (let k = 0; k < 25; k++) {
  const from = `"InstanceCount": ${k + 1},`, to = `"InstanceCount": ${k + 2},`;
  const offsets = [];
  for (let i = text.indexOf(from); i >= 0; i = text.indexOf(from, i + 1)) offsets.push(i);
  const changes = offsets.reverse().map((o) => ({ range: { start: positionAt(text, o), end: positionAt(text, o + from.length) }, text: to }));
  c.versions.set(uri, k + 2);
  const s = performance.now(); console.error('send', ((performance.timeOrigin + s) % 100000).toFixed(1));
  c.notify('textDocument/didChange', { textDocument: { uri, version: k + 2 }, contentChanges: changes });
  await c.diagnosticsFor(uri, s, 60000);
  if (k >= 3) xs.push(performance.now() - s); console.error('got', ((performance.timeOrigin + performance.now()) % 100000).toFixed(1));
  text = text.replaceAll(from, to); if (process.env.IDLE) await new Promise((r) => setTimeout(r, +process.env.IDLE));
}
xs.sort((a, b) => a - b);
console.error(c.stderr.slice(-1500)); console.log(xs.map(x=>x.toFixed(0)).join(' '));console.log('median', xs[xs.length >> 1].toFixed(0), 'min', xs[0].toFixed(0));
await c.stop();

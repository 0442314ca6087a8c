import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from '../lsp/lsp-client.mjs';
import { generateStateMachine } from './generate.mjs';
const root = new URL('../..', import.meta.url).pathname;
const text = generateStateMachine(2000);
const xs = [];
for (let r = 0; r < 11; r++) {
  const c = await LspClient.start(['node', join(root, 'dist/server.js'), '--stdio'], root);
  const uri = pathToFileURL(join(root, `bench-2000.asl.json`)).href;
  const t0 = performance.now();
  await c.open(uri, 'asl', text, 60000);
  xs.push(performance.now() - t0);
  await c.stop();
}
xs.sort((a, b) => a - b);
console.log('open median', xs[5].toFixed(0), 'min', xs[0].toFixed(0), 'max', xs[10].toFixed(0));

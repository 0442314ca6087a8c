// Where the cold open of a 2,000-state machine goes (issue 14's open → first diagnostics): each phase of the check
// the server runs on a first document, timed in a fresh process (cold: every function runs for its first time,
// each table is built on its first use) and then again in the same process on a new document (warm; a new
// document, so no finding or parse of the first is reused, though the tables built and the values checked are).
// In process, without the server's IPC or its code cache. Usage: node test/bench/coldPhases.mjs [states] [runs]
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { generateStateMachine } from './generate.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const n = Number(process.argv[2] ?? 2000), runs = Number(process.argv[3] ?? 5);
const service = (f) => JSON.stringify(join(root, 'server/src/service', f));
const entry = `
import { createDocumentStore } from ${service('documentStore')};
import { validateStructure } from ${service('asl/validateStructure')};
import { validateDataflow } from ${service('dataflow/validation')};
import { sageMakerCheckedElsewhere, tasksOf } from ${service('sagemaker/tasks')};
import { validateSageMakerTasks } from ${service('sagemaker/validation')};
import { repeatedJobNames } from ${service('sagemaker/jobNames')};
import { toDiagnostic } from ${service('lsp')};
import { TextDocument } from 'vscode-languageserver-textdocument';
import { readFileSync } from 'node:fs';
// The phases of validation.ts's checkMachine for a plain machine, in its order.
const text = readFileSync(process.argv[2], 'utf8');
const out = [];
for (let k = 0; k < 2; k++) {
  const store = createDocumentStore();
  const doc = TextDocument.create('file:///bench/open' + k + '.asl.json', 'asl', 1, text.replace('"train-2"', '"train-' + k + 'x"'));
  const t = {};
  let s = performance.now();
  const lap = (name) => { const e = performance.now(); t[name] = e - s; s = e; };
  const parsed = store.stateMachine(doc); lap('parse');
  const model = store.model(parsed); lap('model');
  const tasks = tasksOf(parsed); lap('SageMaker tasks');
  const found = validateSageMakerTasks(tasks, parsed.text, parsed.language); lap('SageMaker requests');
  found.push(...validateStructure(parsed.root, parsed.text, model, parsed.language, sageMakerCheckedElsewhere(parsed), undefined)); lap('structure');
  found.push(...validateDataflow(parsed, undefined)); lap('data flow');
  found.push(...repeatedJobNames(tasks)); lap('job names');
  found.map((p) => toDiagnostic(doc, p)); lap('to LSP');
  out.push(t);
}
process.stdout.write(JSON.stringify(out));
`;
const bundle = join(root, 'out', 'bench', 'coldPhases.cjs');
buildSync({ stdin: { contents: entry, resolveDir: root, loader: 'ts' }, bundle: true, platform: 'node', format: 'cjs', mainFields: ['module', 'main'], outfile: bundle, logLevel: 'warning' });
const file = join(root, 'out', 'bench', `coldPhases-${n}.asl.json`);
writeFileSync(file, generateStateMachine(n));

const cold = {}, warm = {};
for (let k = 0; k < runs; k++) {
  const r = spawnSync(process.execPath, [bundle, file], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  const [c, w] = JSON.parse(r.stdout);
  for (const [phase, ms] of Object.entries(c)) (cold[phase] ??= []).push(ms);
  for (const [phase, ms] of Object.entries(w)) (warm[phase] ??= []).push(ms);
}
const median = (xs) => xs.sort((a, b) => a - b)[xs.length >> 1];
const total = (t) => Object.values(t).reduce((a, xs) => a + median(xs), 0);
console.log(`${n} states, medians of ${runs} fresh processes (Node ${process.version})\n`);
console.log('| phase | cold (first document) | warm (a second document) |\n|---|---|---|');
for (const phase of Object.keys(cold)) console.log(`| ${phase} | ${median(cold[phase]).toFixed(0)} ms | ${median(warm[phase]).toFixed(0)} ms |`);
console.log(`| sum of the medians | ${total(cold).toFixed(0)} ms | ${total(warm).toFixed(0)} ms |`);

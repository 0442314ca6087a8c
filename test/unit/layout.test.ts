// The service's folders are its architecture (ARCHITECTURE.md): imports go one way, core <- json, yaml <-
// expressions <- asl <- sagemaker <- the feature files at the service root. This test reads the import lines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const SERVICE = join(__dirname, '..', '..', '..', 'server', 'src', 'service');
/** What each folder may import from the service (besides itself); the service root may import everything. */
const ALLOWED: Record<string, string[]> = {
  core: [],
  json: ['core'],
  yaml: ['core'],
  expressions: ['core'],
  asl: ['core', 'json', 'yaml', 'expressions'],
  sagemaker: ['core', 'json', 'yaml', 'expressions', 'asl'],
  graph: ['core', 'json', 'yaml', 'expressions', 'asl', 'sagemaker'],
  templates: ['core', 'json', 'yaml', 'expressions', 'asl'],
  dataflow: ['core', 'json', 'yaml', 'expressions', 'asl', 'sagemaker'],
};

test('imports go one way between the service folders; asl/ never imports sagemaker/', () => {
  const wrong: string[] = [];
  for (const [folder, allowed] of Object.entries(ALLOWED)) {
    for (const file of readdirSync(join(SERVICE, folder)).filter((f) => f.endsWith('.ts'))) {
      const text = readFileSync(join(SERVICE, folder, file), 'utf8');
      for (const m of text.matchAll(/^(?:import|export)[^'"]*from '(\.\.\/[^']*)'/gm)) {
        if (m[1].startsWith('../../../../schemas/')) continue; // the generated schemas, outside the server
        const target = m[1].split('/')[1];
        // `../x` is a folder of the service, or (without a folder) a file at its root, which only the root uses.
        const isFolder = m[1].split('/').length > 2;
        if (!isFolder || !(target in ALLOWED) || !allowed.includes(target)) wrong.push(`${folder}/${file} imports ${m[1]}`);
      }
    }
  }
  assert.deepEqual(wrong, []);
});

// The entry points (the LSP wiring, the CLI, the loader) reach the service through languageService.ts, the types of
// core/types.ts and the few leaves named here (ARCHITECTURE.md), nothing deeper.
const SERVER_SRC = join(SERVICE, '..');
const ENTRY_ALLOWED: Record<string, RegExp> = {
  // protocol.ts: the types its messages carry, and the fix-all kind (a leaf without dependencies); jobKinds.ts: the
  // SageMaker integrations' table (a leaf without dependencies), whose facts about each kind of job it reads.
  '.': /^\.\/service\/(languageService|core\/types|core\/codes|executionInput|stateGraph|graph\/graphModel|sagemaker\/integrations)$/,
  // The CLI: also the finding codes (core/codes.ts, a leaf), to tell a file not checked in full, and core/text.ts's
  // visibleText (a leaf), which writes a name on one line as the graph shows it; asl/iamPolicy.ts's state machine
  // name rule, which `policy --state-machine-name` is held to as the policy holds a template's name.
  cli: /^\.\.\/service\/(languageService|core\/types|core\/codes|core\/text|asl\/iamPolicy|graph\/(layout|renderDot|renderMermaid|renderSvg))$/,
};

test('the entry points import the service through languageService.ts (and the leaves ARCHITECTURE.md names)', () => {
  const wrong: string[] = [];
  for (const [folder, allowed] of Object.entries(ENTRY_ALLOWED)) {
    for (const file of readdirSync(join(SERVER_SRC, folder)).filter((f) => f.endsWith('.ts'))) {
      const text = readFileSync(join(SERVER_SRC, folder, file), 'utf8');
      for (const m of text.matchAll(/^(?:import|export)[^'"]*from '([^']*)'/gm)) {
        if (!/(^|\/)service\//.test(m[1])) continue;
        if (!allowed.test(m[1])) wrong.push(`${folder}/${file} imports ${m[1]}`);
      }
    }
  }
  assert.deepEqual(wrong, []);
});

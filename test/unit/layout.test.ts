// The service's folders are its architecture (ARCHITECTURE.md): imports go one way, core <- json, yaml <-
// expressions <- asl <- sagemaker <- the feature files at the service root; the extension (client/src) and the
// emulator (emulator/src) reach into the server only where ARCHITECTURE.md says. This test reads the imports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');
const SERVICE = join(ROOT, 'server', 'src', 'service');

/**
 * The modules a source file names, as written: `import … from`, `export … from`, a bare `import '…'`, a type's
 * `import('…')` (protocol.ts writes one) and a lazy `require('…')`, each in either quote.
 */
function importsOf(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/^(?:import|export)[^'"]*?from\s*(['"])([^'"]*)\1|^import\s*(['"])([^'"]*)\3|\b(?:import|require)\(\s*(['"])([^'"]*)\5\s*\)/gm)) found.push(m[2] ?? m[4] ?? m[6]);
  return found;
}

/** The `.ts` files under `dir`, every folder down, as paths from the repository's root. */
function sourcesUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = `${dir}/${name}`;
    return statSync(join(ROOT, path)).isDirectory() ? sourcesUnder(path) : name.endsWith('.ts') ? [path] : [];
  });
}

/** The repository files a source file imports (relative imports only; packages and node: built-ins left out), without `.ts`. */
function localImportsOf(file: string): string[] {
  return importsOf(readFileSync(join(ROOT, file), 'utf8'))
    .filter((m) => m.startsWith('.'))
    .map((m) => relative(ROOT, resolve(dirname(join(ROOT, file)), m)).split('\\').join('/'));
}
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
      for (const m of importsOf(text).filter((i) => i.startsWith('../'))) {
        if (m.startsWith('../../../../schemas/')) continue; // the generated schemas, outside the server
        const target = m.split('/')[1];
        // `../x` is a folder of the service, or (without a folder) a file at its root, which only the root uses.
        const isFolder = m.split('/').length > 2;
        if (!isFolder || !(target in ALLOWED) || !allowed.includes(target)) wrong.push(`${folder}/${file} imports ${m}`);
      }
    }
  }
  assert.deepEqual(wrong, []);
});

// The entry points (the LSP wiring, the CLI, the loader) reach the service through languageService.ts, the types of
// core/types.ts and the few leaves named here (ARCHITECTURE.md), nothing deeper.
const SERVER_SRC = join(SERVICE, '..');
const ENTRY_ALLOWED: Record<string, RegExp> = {
  // protocol.ts: the types its messages carry (IamPolicyResult's PolicyDocument, a type import('…') of
  // sagemaker/iamPolicy.ts, which re-exports asl/iamPolicy.ts's), and the fix-all kind (a leaf without dependencies);
  // jobKinds.ts: the SageMaker integrations' table (a leaf without dependencies), whose facts about each kind of job
  // it reads.
  '.': /^\.\/service\/(languageService|core\/types|core\/codes|executionInput|stateGraph|graph\/graphModel|sagemaker\/integrations|sagemaker\/iamPolicy)$/,
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
      for (const m of importsOf(text)) {
        if (!/(^|\/)service\//.test(m)) continue;
        if (!allowed.test(m)) wrong.push(`${folder}/${file} imports ${m}`);
      }
    }
  }
  assert.deepEqual(wrong, []);
});

// What the extension and the emulator import from the rest of the repository, and the server from them: each
// crossing ARCHITECTURE.md names, as paths from the root (`.ts` left out). Within its own folder each imports freely.
const CROSSING: Record<string, { allowed: RegExp; why: string }> = {
  // The extension: the custom messages (protocol.ts), the job kinds, a machine file's base name, the symbolic link
  // rule of the input picker; notify.ts's and the job list's visibleText (core/text.ts, a leaf); the expressions it
  // evaluates a launch's request with (dist/jobs.js, loaded at the first launch, not at activation); the graph
  // webview's layout, SVG renderer and style, as `graph FILE` draws them.
  'client/src': {
    allowed: /^server\/src\/(protocol|jobKinds|machineFiles|links|service\/core\/text|service\/expressions\/index|service\/graph\/(layout|renderSvg|style))$/,
    why: 'the extension reaches the server through protocol.ts and the leaves ARCHITECTURE.md names',
  },
  // The emulator: the job kinds and their integrations' entries (ARNs), the request schemas, the documented rules
  // and the model's patterns (it refuses what SageMaker refuses, matched as the editor matches), and, for
  // ValidateStateMachineDefinition, the language service with the finding codes and types it answers with and the
  // definition's size limit (asl/machineRules.ts).
  'emulator/src': {
    allowed: /^(schemas\/sagemaker\/index|server\/src\/(jobKinds|service\/(languageService|core\/types|asl\/codes|asl\/machineRules|sagemaker\/(integrations|documentedRules|linearPattern))))$/,
    why: 'the emulator runs the server\'s tables and checks, never the extension',
  },
  // The server: the generated schemas, and `lint --aws`'s endpoint rules and job runtime (cli/aws.ts: the extension's).
  'server/src': {
    allowed: /^(schemas\/.*|client\/src\/jobs\/(endpoint|runtime))$/,
    why: 'the server never imports the emulator, and the extension only for lint --aws',
  },
};

test('the extension, the emulator and the server import each other only where ARCHITECTURE.md says, type imports included', () => {
  const wrong: string[] = [];
  for (const [top, { allowed, why }] of Object.entries(CROSSING)) {
    for (const file of sourcesUnder(top)) {
      for (const target of localImportsOf(file)) {
        if (target.startsWith(`${top}/`) || allowed.test(target.replace(/\.(ts|json)$/, ''))) continue;
        wrong.push(`${file} imports ${target} (${why})`);
      }
    }
  }
  // Only lint --aws takes the extension's code.
  for (const file of sourcesUnder('server/src')) if (file !== 'server/src/cli/aws.ts' && localImportsOf(file).some((t) => t.startsWith('client/'))) wrong.push(`${file} imports the extension`);
  assert.deepEqual(wrong, []);
});

// Leaves ARCHITECTURE.md says import nothing, so what imports them (the extension bundle, the CLI, the emulator)
// pulls nothing else in; jobKinds.ts imports only the SageMaker integrations' table. As written: no package either.
const LEAVES: Record<string, string[]> = {
  'server/src/machineFiles.ts': [],
  'server/src/service/sagemaker/integrations.ts': [],
  'server/src/service/core/codes.ts': [],
  'server/src/jobKinds.ts': ['./service/sagemaker/integrations'],
};

test('the leaves import nothing (jobKinds.ts: only the integrations\' table), not even a type', () => {
  for (const [file, imports] of Object.entries(LEAVES)) assert.deepEqual(importsOf(readFileSync(join(ROOT, file), 'utf8')), imports, file);
});

test('lines and characters are converted in lsp.ts only (and by the JSON features\' library, in its own types)', () => {
  const outside = sourcesUnder('server/src/service')
    .filter((file) => !file.endsWith('service/lsp.ts') && !file.endsWith('json/jsonFeatures.ts'))
    .filter((file) => /\.(offsetAt|positionAt)\(/.test(readFileSync(join(ROOT, file), 'utf8')));
  assert.deepEqual(outside, []);
});

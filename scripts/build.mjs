// Bundles the extension, the language server and the command-line tools with esbuild into dist/.
// Everything the product runs is bundled, so the VSIX needs no node_modules.
import { build } from 'esbuild';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

const production = process.argv.includes('--production');
const entries = [
  // [source, output, what it is]
  ['client/src/extension.ts', 'dist/extension.js', 'VS Code extension (client)'],
  ['server/src/start.ts', 'dist/server.js', 'language server: node dist/server.js --stdio (starts server-main.js from V8\'s code cache)'],
  ['server/src/server.ts', 'dist/server-main.js', 'the language server itself'],
  ['server/src/cli/main.ts', 'dist/cli.js', 'command-line linter: node dist/cli.js FILES'],
  ['client/src/jobs/runtime.ts', 'dist/jobs.js', 'the SageMaker job runner with the AWS SDK, required by the extension on the first launch (not at activation)'],
  ['client/src/jobs/jsonataWorker.ts', 'dist/jsonata-worker.js', 'the worker thread in which dist/jobs.js evaluates a launch\'s JSONata, with a deadline and a memory cap'],
  ['emulator/src/main.ts', 'dist/emulator.js', 'local SageMaker + CloudWatch Logs emulator: node dist/emulator.js --port N'],
];

// The language server's first bundle holds what a state machine needs up to its first diagnostics; the time from
// start to then is part of the product (issue 14: at most twice a bare `node -e 0`). What only some documents or
// requests need lives in files beside it, each loaded by a require() inside a function in the source, on first use:
// - libraries: YAML documents (yaml), JSONata expressions (jsonata), formatting/folding (vscode-json-languageservice),
//   the reader of the model's patterns for values with placeholders (@eslint-community/regexpp), the linear-time
//   matcher of the patterns that backtrack (re2js);
// - the generated tables, as JSON: the SageMaker request schemas (one per integration), the output shapes of the data
//   flow, the documented rules and the States Language's documentation for hovers (asl-docs). JSON.parse reads a
//   table faster than V8 compiles the same object literal.
// Tests and the CLI bundle the same source into one file (there each require() is bundled like an import).
const SERVER_LIBS = { yaml: 'yaml', jsonata: 'jsonata', 'vscode-json-languageservice': 'json-languageservice', '@eslint-community/regexpp': 'regexpp', re2js: 're2js' };
const SERVER_TABLES = /(^|[\\/])schemas[\\/](sagemaker[\\/][^\\/]+|documented-rules|asl-docs)\.json$/;
// Node built-ins that vscode-languageserver requires at load but uses only later or never over stdio (random ids,
// pipes, sockets, a module resolver): proxies that load the real module on its first use.
const LAZY_BUILTINS = ['crypto', 'child_process', 'net'];
const serverSplit = {
  name: 'server-split',
  setup(b) {
    b.onResolve({ filter: new RegExp(`^(${Object.keys(SERVER_LIBS).join('|')})$`) }, (a) => ({ path: `./lib/${SERVER_LIBS[a.path]}.js`, external: true }));
    b.onResolve({ filter: /\.json$/ }, (a) => {
      const file = join(a.resolveDir, a.path);
      return SERVER_TABLES.test(file) ? { path: `./schemas/${basename(file)}`, external: true } : undefined;
    });
    b.onResolve({ filter: new RegExp(`^(node:)?(${LAZY_BUILTINS.join('|')})$`) }, (a) =>
      a.namespace === 'lazy-builtin' ? { path: `node:${a.path}`, external: true } : { path: a.path.replace(/^node:/, ''), namespace: 'lazy-builtin' },
    );
    // What esbuild's interop reads from a module imported with `import` (its names, whether it is an ES module: a
    // built-in is not) is answered without loading it.
    b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, async (a) => ({
      loader: 'js',
      contents: `let m;
const load = () => (m ??= require(${JSON.stringify(a.path)}));
const names = ${JSON.stringify(Object.keys(await import(`node:${a.path}`)).filter((k) => k !== 'default'))};
module.exports = new Proxy({}, {
  get: (_, k) => (k === '__esModule' ? undefined : load()[k]),
  has: (_, k) => k in load(),
  ownKeys: () => names,
  getOwnPropertyDescriptor: (_, k) => (names.includes(k) ? { get: () => load()[k], enumerable: true, configurable: true } : undefined),
});`,
    }));
  },
};

// The code caches of the last build's server (server/src/start.ts) are for a bundle that is about to change.
if (existsSync('dist')) for (const f of readdirSync('dist')) if (/^\.server-main-.*\.cache(\.\d+)?$|^\.cache$/.test(f)) rmSync(join('dist', f), { recursive: true, force: true });

const ENGINE = new Set(['dist/server-main.js', 'dist/cli.js']);
await Promise.all(
  entries
    .filter(([src]) => existsSync(src))
    .map(([src, outfile]) =>
      build({
        entryPoints: [src],
        outfile,
        bundle: true,
        platform: 'node',
        target: 'node20',
        format: 'cjs',
        external: ['vscode'],
        // jsonc-parser's UMD build hides its requires from bundlers: take the ES module build.
        mainFields: ['module', 'main'],
        // Always minified: start-up time is part of the product, and tests and benchmarks measure what ships.
        // Development builds keep source maps for readable stacks.
        sourcemap: production ? false : 'linked',
        minify: true,
        // Names kept for readable stacks, except in the engine's bundles (server, CLI): there esbuild's helper runs
        // on every closure the checks create (Object.defineProperty each time), about a tenth of a check's time.
        // Their stacks are read through the source maps.
        keepNames: !ENGINE.has(outfile),
        legalComments: 'none',
        logLevel: 'warning',
        plugins: outfile === 'dist/server-main.js' ? [serverSplit] : [],
        banner: outfile.endsWith('cli.js') || outfile.endsWith('emulator.js') ? { js: '#!/usr/bin/env node' } : undefined,
      }),
    ),
);

// The server's lazily loaded parts (see SERVER_LIBS above): each library one CommonJS file, each table its JSON.
if (existsSync('server/src/server.ts')) {
  await Promise.all(
    Object.entries(SERVER_LIBS).map(([lib, name]) =>
      build({
        stdin: { contents: `module.exports = require(${JSON.stringify(lib)});`, resolveDir: '.', loader: 'js' },
        outfile: `dist/lib/${name}.js`,
        bundle: true,
        platform: 'node',
        target: 'node20',
        format: 'cjs',
        mainFields: ['module', 'main'],
        minify: true,
        keepNames: true,
        legalComments: 'none',
        logLevel: 'warning',
      }),
    ),
  );
  mkdirSync('dist/schemas', { recursive: true });
  const tables = [...readdirSync('schemas/sagemaker').map((f) => join('schemas/sagemaker', f)), 'schemas/documented-rules.json', 'schemas/asl-docs.json'].filter((f) => SERVER_TABLES.test(f));
  // ASCII (the few other characters escaped): Node reads such a file into a one-byte string, which JSON.parse reads
  // faster than the two-byte string a single "–" makes of the whole file.
  const ascii = (json) => json.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  for (const f of tables) writeFileSync(join('dist/schemas', basename(f)), ascii(JSON.stringify(JSON.parse(readFileSync(f, 'utf8')))));
}

// The graph view's page script runs in the webview (a browser), not in Node: its own build.
if (existsSync('client/src/graph/webview/main.ts'))
  await build({ entryPoints: ['client/src/graph/webview/main.ts'], outfile: 'dist/graph/webview.js', bundle: true, platform: 'browser', target: 'chrome120', format: 'iife', minify: true, sourcemap: production ? false : 'linked', legalComments: 'none', logLevel: 'warning' });

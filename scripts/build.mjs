// Bundles the extension, the language server and the command-line tools with esbuild into dist/.
// Everything the product runs is bundled, so the VSIX needs no node_modules.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';

const production = process.argv.includes('--production');
const entries = [
  // [source, output, what it is]
  ['client/src/extension.ts', 'dist/extension.js', 'VS Code extension (client)'],
  ['server/src/start.ts', 'dist/server.js', 'language server: node dist/server.js --stdio (starts server-main.js from V8\'s code cache)'],
  ['server/src/server.ts', 'dist/server-main.js', 'the language server itself'],
  ['server/src/cli/main.ts', 'dist/cli.js', 'command-line linter: node dist/cli.js FILES'],
  ['client/src/jobs/runtime.ts', 'dist/jobs.js', 'the SageMaker job runner with the AWS SDK, required by the extension on the first launch (not at activation)'],
  ['emulator/src/main.ts', 'dist/emulator.js', 'local SageMaker + CloudWatch Logs emulator: node dist/emulator.js --port N'],
];

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
        keepNames: true,
        legalComments: 'none',
        logLevel: 'warning',
        banner: outfile.endsWith('cli.js') || outfile.endsWith('emulator.js') ? { js: '#!/usr/bin/env node' } : undefined,
      }),
    ),
);

// The graph view's page script runs in the webview (a browser), not in Node: its own build.
if (existsSync('client/src/graph/webview/main.ts'))
  await build({ entryPoints: ['client/src/graph/webview/main.ts'], outfile: 'dist/graph/webview.js', bundle: true, platform: 'browser', target: 'chrome120', format: 'iife', minify: true, sourcemap: production ? false : 'linked', legalComments: 'none', logLevel: 'warning' });

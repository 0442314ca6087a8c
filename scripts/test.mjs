// Runs the test suites with Node's own test runner. Tests are TypeScript under test/<suite>/*.test.ts;
// esbuild bundles each one into out/test first (fast, and no second compiler configuration).
//   node scripts/test.mjs                 every suite
//   node scripts/test.mjs unit lsp        only these suites (folders under test/)
import { build } from 'esbuild';
import { readdirSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const ALL = ['unit', 'lsp', 'client', 'cli', 'grammar', 'fuzz', 'e2e'];
const suites = process.argv.slice(2).length ? process.argv.slice(2) : ALL;
const files = suites.flatMap((s) =>
  existsSync(join('test', s)) ? readdirSync(join('test', s)).filter((f) => f.endsWith('.test.ts')).map((f) => join('test', s, f)) : [],
);
if (!files.length) {
  console.error(`no test files in ${suites.join(', ')}`);
  process.exit(1);
}
// One output folder per run, so two runs at once (two terminals, two engineers) never delete each other's files.
const outdir = join('out', `test-${process.pid}`);
process.on('exit', () => rmSync(outdir, { recursive: true, force: true }));
await build({
  entryPoints: files,
  outdir,
  outbase: 'test',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  mainFields: ['module', 'main'],
  sourcemap: 'inline',
  // mermaid and jsdom are ES modules loaded with import() as they are (test/cli/graphMermaid.test.ts).
  external: ['vscode', 'playwright-core', 'amazon-states-language-service', 'fast-check', 'esbuild', 'mermaid', 'jsdom', 'typescript'],
  logLevel: 'warning',
});
const outputs = files.map((f) => join(outdir, f.replace(/^test[\\/]/, '').replace(/\.ts$/, '.js')));
// One process at a time per file keeps the servers and browsers the suites start from competing for 2 cores.
// TEST_FAILURES=<file> also writes the failed tests' names there, one a line (.ci/run prints them last).
const reporters = process.env.TEST_FAILURES
  ? ['--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=./scripts/failures-reporter.mjs', `--test-reporter-destination=${process.env.TEST_FAILURES}`]
  : [];
const r = spawnSync(process.execPath, ['--test', '--test-concurrency=1', ...reporters, ...outputs], { stdio: 'inherit' });
process.exit(r.status ?? 1);

// A test reporter that writes one line per failed test (file, then the test's name and the first line of its error),
// next to the spec reporter. CI prints these at its very end, so the last lines of a long run say what failed on
// which Node instead of only that something did (.ci/run).
import { relative } from 'node:path';

export default async function* failures(source) {
  for await (const event of source) {
    if (event.type !== 'test:fail') continue;
    const { name, file, details } = event.data;
    // A suite fails when a test in it does; its own line would only repeat the test's.
    if (details?.type === 'suite') continue;
    const cause = details?.error?.cause ?? details?.error;
    const message = String(cause?.message ?? cause ?? '').split('\n')[0].slice(0, 200);
    // The bundle runs (out/test-<pid>/lsp/x.test.js); the line names its source (test/lsp/x.test.ts).
    const source = file ? relative(process.cwd(), file).replace(/^out[\\/]test-\d+[\\/]/, 'test/').replace(/\.js$/, '.ts') : '?';
    yield `${source}: ${name}${message ? ` — ${message}` : ''}\n`;
  }
}

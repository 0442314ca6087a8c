#!/usr/bin/env node
// recheck's verdict on every regular expression literal of the product's own sources (server/src, client/src,
// emulator/src), kept in ownRegexes.json beside it: recheck (an automaton-based ReDoS checker, as
// schemas/backtracking.mjs uses for the model's patterns) finds what scslre's analysis misses — a literal prefix
// that recurs inside the run it starts (`\beyJ[A-Za-z0-9_-]{8,}\.`, quadratic on "-eyJ" repeated: sec40). It takes
// half a minute, so ownRegexes.test.ts reads the verdicts and fails when a literal has none.
//   node test/fuzz/ownRegexes.mjs        writes test/fuzz/ownRegexes.json (npm run regexes)
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
export const VERDICTS = join(here, 'ownRegexes.json');

function* sources(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sources(path);
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) yield path;
  }
}

/** Every regular expression literal of the product's sources, with the file it is first written in. */
export function regexLiterals() {
  const ts = createRequire(import.meta.url)('typescript');
  const found = new Map();
  for (const dir of ['server/src', 'client/src', 'emulator/src']) {
    for (const file of sources(join(root, dir))) {
      const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
      const visit = (node) => {
        if (node.kind === ts.SyntaxKind.RegularExpressionLiteral && !found.has(node.getText(source))) found.set(node.getText(source), relative(root, file));
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
  }
  return found;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { checkSync } = await import('recheck');
  const verdicts = {};
  for (const literal of [...regexLiterals().keys()].sort()) {
    const end = literal.lastIndexOf('/');
    // g and y change where a match is tried, not how one backtracks; a sticky (y) literal is tried at one place.
    const flags = literal.slice(end + 1);
    const r = checkSync(literal.slice(1, end), flags.replace(/[gy]/g, ''), { timeout: 10_000 });
    verdicts[literal] = flags.includes('y') && r.status === 'vulnerable' ? 'sticky' : r.status === 'vulnerable' ? `vulnerable: ${r.complexity.summary}` : r.status;
  }
  writeFileSync(VERDICTS, `${JSON.stringify(verdicts, null, 1)}\n`);
  console.log(`${Object.keys(verdicts).length} literals judged: ${VERDICTS}`);
}

// Runs the TextMate grammar tests (test/grammar/*.test.asl.json|yaml, vscode-tmgrammar-test's format: a line of
// source, then comment lines whose ^ marks point at columns and name the scopes expected there).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, existsSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

const root = join(__dirname, '..', '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const vendor = join(root, 'test', 'grammar', 'vendor');
// VS Code's own JSON and YAML grammars, which the injection highlights inside.
const baseGrammars = readdirSync(vendor).filter((f) => f.endsWith('.tmLanguage.json')).flatMap((f) => ['-g', join(vendor, f)]);

function runGrammarTest(file: string) {
  const bin = join(root, 'node_modules', 'vscode-tmgrammar-test', 'dist', 'unit.js');
  return spawnSync(process.execPath, [bin, '--config', join(root, 'package.json'), ...baseGrammars, file], { cwd: root, encoding: 'utf8' });
}

test('package.json declares the grammars: asl and asl-yaml, and the expression injection into JSON and YAML', () => {
  const grammars = pkg.contributes.grammars as { language?: string; scopeName: string; path: string; injectTo?: string[] }[];
  assert.deepEqual(
    grammars.map((g) => [g.language ?? null, g.scopeName, g.injectTo ?? null]),
    [
      ['asl', 'source.asl', null],
      ['asl-yaml', 'source.asl.yaml', null],
      [null, 'source.asl.expressions.injection', ['source.asl', 'source.asl.yaml', 'source.json', 'source.json.comments', 'source.yaml']],
    ],
  );
  for (const g of grammars) {
    assert.ok(existsSync(join(root, g.path)), g.path);
    assert.equal(JSON.parse(readFileSync(join(root, g.path), 'utf8')).scopeName, g.scopeName, g.path);
  }
});

for (const f of readdirSync(join(root, 'test', 'grammar')).filter((f) => /\.test\.asl\.(json|yaml)$/.test(f))) {
  test(`grammar test ${f}`, () => {
    const r = runGrammarTest(join('test', 'grammar', f));
    assert.equal(r.status, 0, r.stdout + r.stderr);
  });
}

test('a wrong expectation fails (the grammar tests are not vacuous)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'grammar-'));
  try {
    const file = join(dir, 'wrong.test.asl.json');
    writeFileSync(file, ['// SYNTAX TEST "source.asl" "wrong on purpose"', '{"A.$": "$.x"}', '//       ^ support.function.intrinsic.asl', ''].join('\n'));
    const r = runGrammarTest(file);
    assert.notEqual(r.status, 0);
    assert.match(r.stdout, /missing required scopes: support\.function\.intrinsic\.asl/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

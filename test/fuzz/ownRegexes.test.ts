// No regular expression literal of the product's own sources backtracks super-linearly where a document, a request
// or a log line can make it long: scslre (the analysis eslint-plugin-regexp uses) reports none, of any kind (a
// quadratic trade between two quantifiers, a quantifier that retries from every start, exponential ones), and
// neither does recheck (its verdicts, which take half a minute, are kept in ownRegexes.json by ownRegexes.mjs), but
// for the few listed below, each on text bounded by the code around it. The patterns of the AWS model are
// patterns.test.ts's. A security review found six such literals that a hostile file or log line could stall the
// extension host or the server with for tens of seconds, and another (sec40) a JWT's pattern that scslre passed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RegExpParser } from '@eslint-community/regexpp';
import { analyse } from 'scslre';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const root = join(__dirname, '..', '..', '..');

// Literal → why what it reads is bounded.
const BOUNDED: Record<string, string> = {
  '/"?[\\w.$-]*$/': 'asl/completion.ts: the 100 characters before the cursor',
  '/\\B(?=(\\d{3})+(?!\\d))/g': 'core/text.ts thousands: the digits of a number',
  '/[^.]*\\bmust be unique (?:within|in)\\b[^.]*\\./': "sagemaker/jobNames.ts: the model's documentation, not a document",
  // recheck's only: each start reads a bounded run, so the time is linear with these constants.
  '/\\b([a-z][a-z0-9+.-]{1,20}:\\/\\/[^\\s:@/?#]{0,256}:)([^\\s@/?#]{1,256})(@)/gi': "mask.ts: a URL's password, at most 533 characters read from each start",
  '/could not load credentials|unable to load credentials|profile .{0,256}? could not be found/i': 'awsErrors.ts: at most 256 characters read after each "profile "',
};

function* sources(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sources(path);
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) yield path;
  }
}

test("the product's own regular expressions backtrack in linear time (scslre), but for a few on bounded text", () => {
  const parser = new RegExpParser();
  const found: string[] = [];
  let literals = 0;
  for (const dir of ['server/src', 'client/src', 'emulator/src']) {
    for (const file of sources(join(root, dir))) {
      const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
      const visit = (node: ts.Node) => {
        if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
          const text = node.getText(source);
          literals++;
          const reports = analyse(parser.parseLiteral(text), { reportTypes: { Move: true, Self: true, Trade: true } }).reports;
          if (reports.length && !(text in BOUNDED)) found.push(`${relative(root, file)}: ${text} (${reports.map((r) => r.type).join(', ')})`);
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
  }
  assert.ok(literals > 200, `only ${literals} literals found`);
  assert.deepEqual(found, []);
});

test("recheck's verdict on every literal (node test/fuzz/ownRegexes.mjs), none vulnerable but the bounded ones", async () => {
  const { regexLiterals, VERDICTS } = await import(join(root, 'test', 'fuzz', 'ownRegexes.mjs'));
  const literals: Map<string, string> = regexLiterals();
  const verdicts: Record<string, string> = existsSync(VERDICTS) ? JSON.parse(readFileSync(VERDICTS, 'utf8')) : {};
  assert.deepEqual([...literals.keys()].filter((l) => !(l in verdicts)), [], 'literals without a verdict: run node test/fuzz/ownRegexes.mjs');
  // A sticky literal is tried at one place only (lastIndex): fastJson's string, whose alternatives are disjoint.
  const vulnerable = [...literals].filter(([l]) => verdicts[l].startsWith('vulnerable') && !(l in BOUNDED)).map(([l, file]) => `${file}: ${l} (${verdicts[l]})`);
  assert.deepEqual(vulnerable, []);
});

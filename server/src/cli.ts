// The language service's checks on the command line, for CI: `sagemaker-asl lint [options] FILES|DIRS|GLOBS…`.
// Same engine as the language server (getLanguageService); this file only finds files and prints results.
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService, type LanguageService } from './service/languageService';
import type { Problem } from './service/core/types';

const USAGE = `Usage: sagemaker-asl lint [--format text|json|sarif] [--fix] FILES|DIRS|GLOBS…

Checks AWS Step Functions state machines (*.asl.json, *.asl.yaml, *.asl.yml, and .json files with StartAt and
States) for SageMaker Parameters mistakes, with the same checks as the editor extension.
  --format text   file:line:col severity code message (default)
  --format json   an array of {file, line, column, endLine, endColumn, severity, code, message}
  --format sarif  SARIF 2.1.0 for GitHub code scanning
  --fix           apply the unambiguous quick fixes in place first, and report what changed
Exit status: 0 no error, 1 at least one error, 2 usage or I/O error.`;

class UsageError extends Error {}

export interface Finding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Problem['severity'];
  code: string;
  message: string;
}

function languageOf(file: string): string | undefined {
  if (/\.asl\.json$/i.test(file)) return 'asl';
  if (/\.asl\.ya?ml$/i.test(file)) return 'asl-yaml';
  if (/\.jsonc$/i.test(file)) return 'jsonc';
  if (/\.json$/i.test(file)) return 'json';
  if (/\.ya?ml$/i.test(file)) return 'asl-yaml';
  return undefined;
}

const SKIP_DIRS = new Set(['node_modules', '.git']);
const FOUND_IN_DIRS = /\.(asl\.json|asl\.ya?ml|json)$/i;

function walk(dir: string, out: string[]) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) walk(path, out);
    } else if (entry.isFile() && FOUND_IN_DIRS.test(entry.name)) out.push(path);
  }
}

/** A glob (`*`, `?`, `**`) as a regular expression over '/'-separated relative paths. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      re += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += glob[i + 2] === '/' ? 2 : 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** The files named by the arguments: files as given, directories searched, globs expanded below their fixed prefix. */
export function expand(args: string[], cwd: string): string[] {
  const files: string[] = [];
  for (const arg of args) {
    if (/[*?]/.test(arg)) {
      const parts = arg.split(/[\\/]/);
      const fixed = parts.slice(0, parts.findIndex((p) => /[*?]/.test(p))).join('/');
      const base = resolve(cwd, fixed || '.');
      const pattern = globToRegExp(parts.slice(fixed ? fixed.split('/').length : 0).join('/'));
      const found: string[] = [];
      try {
        walk(base, found);
      } catch {
        // a glob whose fixed part does not exist matches nothing (below)
      }
      const matched = found.filter((f) => pattern.test(relative(base, f).split(sep).join('/')));
      // A mistyped path in a CI step must not pass the pull request by checking nothing.
      if (!matched.length) throw new UsageError(`sagemaker-asl: ${arg} matches no file`);
      files.push(...matched);
      continue;
    }
    const path = resolve(cwd, arg);
    let stat;
    try {
      stat = statSync(path);
    } catch {
      throw new UsageError(`sagemaker-asl: cannot read ${arg}: no such file or directory`);
    }
    if (stat.isDirectory()) walk(path, files);
    else files.push(path);
  }
  return [...new Set(files)].sort();
}

function documentFor(file: string, text: string, version = 1): TextDocument | undefined {
  const languageId = languageOf(file);
  return languageId ? TextDocument.create(pathToFileURL(file).href, languageId, version, text) : undefined;
}

/** Applies the preferred quick fixes until nothing changes (at most 5 passes); the number of edits applied. */
function fix(service: LanguageService, file: string, text: string): { text: string; applied: number } {
  let applied = 0;
  for (let pass = 1; pass <= 5; pass++) {
    const doc = documentFor(file, text, pass)!;
    const edits = service.fixAll(doc);
    if (!edits.length) break;
    text = TextDocument.applyEdits(doc, edits);
    applied += edits.length;
  }
  return { text, applied };
}

export function lint(args: string[], cwd: string, io = { out: (s: string) => void process.stdout.write(s), err: (s: string) => void process.stderr.write(s) }): number {
  let format = 'text';
  let doFix = false;
  const paths: string[] = [];
  try {
    const rest = args[0] === 'lint' ? args.slice(1) : args;
    for (let i = 0; i < rest.length; i++) {
      const a = rest[i];
      if (a === '--help' || a === '-h') {
        io.out(USAGE + '\n');
        return 0;
      } else if (a === '--format' || a.startsWith('--format=')) {
        format = a.includes('=') ? a.slice(a.indexOf('=') + 1) : (rest[++i] ?? '');
        if (!['text', 'json', 'sarif'].includes(format)) throw new UsageError(`sagemaker-asl: unknown format "${format}" (text, json or sarif)`);
      } else if (a === '--fix') doFix = true;
      else if (a.startsWith('-')) throw new UsageError(`sagemaker-asl: unknown option ${a}\n\n${USAGE}`);
      else paths.push(a);
    }
    if (!paths.length) throw new UsageError(`sagemaker-asl: no files given\n\n${USAGE}`);

    const service = getLanguageService();
    const files = expand(paths, cwd);
    const findings: Finding[] = [];
    let checked = 0;
    for (const file of files) {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (e) {
        throw new UsageError(`sagemaker-asl: cannot read ${relative(cwd, file)}: ${(e as Error).message}`);
      }
      let doc = documentFor(file, text);
      // Plain .json files count only when they are state machines (StartAt and States), named or found.
      if (!doc || !service.isStateMachineDocument(doc)) continue;
      checked++;
      if (doFix) {
        const fixed = fix(service, file, text);
        if (fixed.applied) {
          try {
            writeFileSync(file, fixed.text);
          } catch (e) {
            throw new UsageError(`sagemaker-asl: cannot write ${relative(cwd, file)}: ${(e as Error).message}`);
          }
          const before = service.validate(doc).map((p) => p.code);
          doc = documentFor(file, fixed.text)!;
          // What changed, in the codes of the findings the fixes cleared.
          const after = service.validate(doc).map((p) => p.code);
          for (const c of after) before.splice(before.indexOf(c) >>> 0, before.includes(c) ? 1 : 0);
          const cleared = before.length ? ` (cleared: ${[...new Set(before)].map((c) => `${before.filter((b) => b === c).length} ${c}`).join(', ')})` : '';
          io.err(`${relative(cwd, file).split(sep).join('/')}: applied ${fixed.applied} fix${fixed.applied === 1 ? '' : 'es'}${cleared}\n`);
        }
      }
      for (const p of service.validate(doc)) {
        const start = doc.positionAt(p.offset), end = doc.positionAt(p.offset + p.length);
        findings.push({
          file: relative(cwd, file).split(sep).join('/'),
          line: start.line + 1,
          column: start.character + 1,
          endLine: end.line + 1,
          endColumn: end.character + 1,
          severity: p.severity,
          code: p.code,
          message: p.message,
        });
      }
    }
    io.out(render(format, findings, checked, cwd));
    return findings.some((f) => f.severity === 'error') ? 1 : 0;
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(e.message + '\n');
      return 2;
    }
    throw e;
  }
}

function render(format: string, findings: Finding[], checked: number, cwd: string): string {
  if (format === 'json') return JSON.stringify(findings, null, 2) + '\n';
  if (format === 'sarif') return JSON.stringify(toSarif(findings, cwd), null, 2) + '\n';
  const lines = findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.code} ${f.message}`);
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  const files = new Set(findings.map((f) => f.file)).size;
  lines.push(`${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'} (${checked} checked)`);
  return lines.join('\n') + '\n';
}

export function toSarif(findings: Finding[], cwd = process.cwd()) {
  const codes = [...new Set(findings.map((f) => f.code))].sort();
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'sagemaker-asl',
            informationUri: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-sagemaker.html',
            rules: codes.map((id) => ({ id, shortDescription: { text: id.replace(/-/g, ' ') } })),
          },
        },
        results: findings.map((f) => ({
          ruleId: f.code,
          ruleIndex: codes.indexOf(f.code),
          level: f.severity === 'error' ? 'error' : f.severity === 'warning' ? 'warning' : 'note',
          message: { text: f.message },
          locations: [
            {
              physicalLocation: {
                // Relative to the checkout (what code scanning places); a file outside it gets its absolute URI.
                artifactLocation: f.file.startsWith('../') || f.file === '..' ? { uri: pathToFileURL(resolve(cwd, f.file)).href } : { uri: encodeURI(f.file), uriBaseId: '%SRCROOT%' },
                region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
              },
            },
          ],
        })),
      },
    ],
  };
}

if (require.main === module) {
  try {
    process.exitCode = lint(process.argv.slice(2), process.cwd());
  } catch (e) {
    process.stderr.write(`sagemaker-asl: ${(e as Error).stack ?? e}\n`);
    process.exitCode = 2;
  }
}

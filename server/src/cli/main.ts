// The language service's checks on the command line, for CI: `sagemaker-asl lint [options] FILES|DIRS|GLOBS…`.
// Same engine as the language server (getLanguageService). This file reads the arguments and runs the checks;
// files.ts finds and reads the files, fix.ts applies and writes fixes, formats.ts prints the results.
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../service/languageService';
import { MAX_FILE_BYTES, PathError, displayPath, expand, languageOf, readSource } from './files';
import { applyFixes, replaceFile, summary } from './fix';
import { FORMATS, render, toFinding, type Finding, type Format } from './formats';
import { graph } from './graph';
import { policy } from './policy';

const USAGE = `Usage: sagemaker-asl lint [--format text|json|sarif] [--fix] [--] FILES|DIRS|GLOBS…
       sagemaker-asl graph [--format svg|mermaid|dot] FILE   (see sagemaker-asl graph --help)

Checks AWS Step Functions state machines (*.asl.json, *.asl, *.asl.yaml, *.asl.yml, and .json files with StartAt
and States) for SageMaker Parameters mistakes, with the same checks as the editor extension. Directories are
searched (node_modules and .git skipped), symbolic links followed; globs (*, **, ?, {a,b}, [ab]) are expanded by
the CLI, so quote them. Only regular files of at most ${MAX_FILE_BYTES / 1024 / 1024} MiB are read.
  --format text   file:line:col severity code message (default)
  --format json   an array of {file, line, column, endLine, endColumn, severity, code, message}
  --format sarif  SARIF 2.1.0 for GitHub code scanning
  --fix           apply the unambiguous quick fixes in place first, and report what changed; a file is replaced
                  atomically, and left alone if it changed while the fixes were computed
  --              the end of the options: every later argument is a path, even one starting with -
Exit status: 0 no error, 1 at least one error, 2 a usage error or a path that could not be read or written.

sagemaker-asl policy FILE prints the IAM policy the state machine's role needs (sagemaker-asl policy --help).`;

export interface Io {
  out(s: string): void;
  err(s: string): void;
}

const stdio: Io = { out: (s) => void process.stdout.write(s), err: (s) => void process.stderr.write(s) };

/** Says what went wrong, one `sagemaker-asl: ` line a problem, and gives the exit status for it. */
const fail = (io: Io, ...messages: string[]) => {
  for (const m of messages) io.err(`sagemaker-asl: ${m}\n`);
  return 2;
};

/** Runs `lint` with the arguments after the program name; the exit status. */
export function lint(args: string[], cwd: string, io: Io = stdio): number {
  let values: { format?: string; fix?: boolean; help?: boolean }, positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: args[0] === 'lint' ? args.slice(1) : args,
      options: { format: { type: 'string' }, fix: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    }));
  } catch (e) {
    // Node's wording for an unknown option is long (and its quotes unbalanced): say it the CLI's way.
    const unknown = /^Unknown option '([^']+)'/.exec((e as Error).message)?.[1];
    const message = unknown ? `unknown option ${unknown} (a path starting with - goes after --)` : (e as Error).message.split('\n')[0];
    return fail(io, `${message}\n\n${USAGE}`);
  }
  if (values.help) {
    io.out(USAGE + '\n');
    return 0;
  }
  const format = (values.format ?? 'text') as Format;
  if (!FORMATS.includes(format)) return fail(io, `unknown format "${format}" (text, json or sarif)`);
  if (!positionals.length) return fail(io, `no files given\n\n${USAGE}`);

  let files, problems;
  try {
    ({ files, problems } = expand(positionals, cwd));
  } catch (e) {
    if (e instanceof PathError) return fail(io, ...e.message.split('\n'));
    throw e;
  }
  // Reported, not fatal: the other files are still checked, and the exit status says the run was incomplete.
  let failed = problems.length > 0;
  fail(io, ...problems);

  const service = getLanguageService();
  const findings: Finding[] = [];
  let checked = 0;
  for (const { path, explicit } of files) {
    const shown = displayPath(path, cwd);
    const languageId = languageOf(path, explicit);
    if (!languageId) {
      io.err(`sagemaker-asl: skipped ${shown}: not a state machine file (.asl.json, .asl, .asl.yaml, .asl.yml, .json, .jsonc, .yaml, .yml)\n`);
      continue;
    }
    let source;
    try {
      source = readSource(path, shown);
    } catch (e) {
      if (!(e instanceof PathError)) throw e;
      failed = true;
      fail(io, e.message);
      continue;
    }
    let doc = TextDocument.create(pathToFileURL(path).href, languageId, 1, source.text);
    // Plain .json (and found .yaml) files count only when they are state machines (StartAt and States) or templates holding one.
    if (!service.isStateMachineDocument(doc)) {
      if (explicit) io.err(`sagemaker-asl: skipped ${shown}: not a state machine (no StartAt and States)\n`);
      continue;
    }
    checked++;
    if (values.fix) {
      const fixed = applyFixes(service, doc);
      if (fixed.applied) {
        try {
          // The byte order mark the checks did not see goes back where it was.
          replaceFile(source.snapshot, Buffer.from((source.bom ? '\uFEFF' : '') + fixed.doc.getText(), 'utf8'), shown);
          io.err(`${shown}: ${summary(fixed)}\n`);
          doc = fixed.doc;
        } catch (e) {
          if (!(e instanceof PathError)) throw e;
          failed = true;
          fail(io, e.message);
        }
      }
    }
    for (const p of service.validate(doc)) findings.push(toFinding(shown, doc, p));
  }
  io.out(render(format, findings, checked, cwd));
  return failed ? 2 : findings.some((f) => f.severity === 'error') ? 1 : 0;
}

function main() {
  // Piped into `head`: the reader is gone, and there is nobody left to tell. Exit with the status so far.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit();
      throw e;
    });
  }
  try {
    const args = process.argv.slice(2);
    const command = { graph, policy }[args[0] as 'graph' | 'policy'];
    process.exitCode = command ? command(args.slice(1), process.cwd(), stdio) : lint(args, process.cwd());
  } catch (e) {
    // A bug, not a user's mistake: the stack is what a report needs.
    process.stderr.write(`sagemaker-asl: internal error: ${(e as Error).stack ?? e}\n`);
    process.exitCode = 2;
  }
}

if (require.main === module) main();

// The language service's checks on the command line, for CI: `sagemaker-asl lint [options] FILES|DIRS|GLOBS…`.
// Same engine as the language server (getLanguageService). This file reads the arguments and runs the checks;
// files.ts finds and reads the files, fix.ts applies and writes fixes, formats.ts prints the results.
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../service/languageService';
import type { WorkflowType } from '../service/core/types';
import { Code } from '../service/core/codes';
import { pathOf, readInputFile } from '../inputFiles';
import { MAX_FILE_BYTES, PathError, displayPath, expand, languageOf, outsideSearch, readSource, saidPath } from './files';
import { awsTarget, loadRuntime, type AwsTarget } from './aws';
import { applyFixes, replaceFile, summary } from './fix';
import { FORMATS, oneLine, render, toFinding, type Finding, type Format } from './formats';
import { fail, usage, type Io } from './io';
import { graph } from './graph';
import { policy } from './policy';

const USAGE = `Usage: sagemaker-asl lint [--format text|json|sarif] [--fix] [--type STANDARD|EXPRESS] [--aws [AWS options]] [--] FILES|DIRS|GLOBS…
       sagemaker-asl graph [--format svg|mermaid|dot] FILE   (see sagemaker-asl graph --help)

Checks AWS Step Functions state machines (*.asl.json, *.asl, *.asl.yaml, *.asl.yml, .json and .yaml files with
StartAt and States, and those CloudFormation, SAM and Serverless templates hold) and standalone SageMaker job specs
(a request file, such as churn.training-job.json) with the same checks as the editor extension. Directories are
searched (node_modules and .git skipped), symbolic links followed; globs (*, **, ?, {a,b}, [ab]) are expanded by
the CLI, so quote them. Only regular files of at most ${MAX_FILE_BYTES / 1024 / 1024} MiB are read. A file NAME.input.json
beside a machine NAME.asl.json (or .asl.yaml, .json, .yaml, …) is an example of its execution input: the paths
that read the input are checked against it.
  --format text   file:line:col severity code message (default)
  --format json   an array of {file, line, column, endLine, endColumn, severity, code, message}
  --format sarif  SARIF 2.1.0 for GitHub code scanning
  --fix           apply the unambiguous quick fixes in place first, and report what changed; a file is replaced
                  atomically, and left alone if it changed while the fixes were computed
  --type EXPRESS  check the machines as Express workflows (what they cannot do, such as .sync and
                  .waitForTaskToken tasks, is an error) and send them to --aws as such; STANDARD is the default.
                  A template's machines are checked as the type their resource declares
  --aws           also send each state machine (YAML as JSON) to Step Functions' ValidateStateMachineDefinition
                  and report its findings (source aws, codes as aws/CODE) with the others
    --region R, --profile P, --endpoint URL   where to send it (default: AWS_REGION, AWS_PROFILE,
                  AWS_ENDPOINT_URL_SFN or AWS_ENDPOINT_URL, then the profile's settings); a local endpoint
                  (127.0.0.1, localhost, the emulator) gets placeholder credentials unless a profile is given
    --trust-endpoint   send your credentials to an endpoint that is not https to an AWS host
    --placeholder NAME=VALUE   the value of \${NAME} in the definitions (repeatable); a file with a
                  placeholder without a value is not sent
  --              the end of the options: every later argument is a path, even one starting with -
Exit status: 0 no error, 1 at least one error, 2 a usage error, a path that could not be read or written, a file
too deep or whose YAML aliases expand too far to be checked in full, or (with --aws) a definition that could not be sent or validated.

sagemaker-asl policy FILE prints the IAM policy the state machine's role needs (sagemaker-asl policy --help).`;

const stdio: Io = { out: (s) => void process.stdout.write(s), err: (s) => void process.stderr.write(s) };

/** Runs `lint` with the arguments after the program name; the exit status. */
export async function lint(args: string[], cwd: string, io: Io = stdio, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let values: { format?: string; type?: string; fix?: boolean; help?: boolean; aws?: boolean; region?: string; profile?: string; endpoint?: string; 'trust-endpoint'?: boolean; placeholder?: string[] };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: args[0] === 'lint' ? args.slice(1) : args,
      options: {
        format: { type: 'string' }, type: { type: 'string' }, fix: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
        aws: { type: 'boolean' }, region: { type: 'string' }, profile: { type: 'string' }, endpoint: { type: 'string' },
        'trust-endpoint': { type: 'boolean' }, placeholder: { type: 'string', multiple: true },
      },
      allowPositionals: true,
      strict: true,
    }));
  } catch (e) {
    // Node's wording for an unknown option is long (and its quotes unbalanced): say it the CLI's way.
    const unknown = /^Unknown option '([^']+)'/.exec((e as Error).message)?.[1];
    const message = unknown ? `unknown option ${unknown} (a path starting with - goes after --)` : (e as Error).message.split('\n')[0];
    return usage(io, USAGE, message);
  }
  if (values.help) {
    io.out(USAGE + '\n');
    return 0;
  }
  const format = (values.format ?? 'text') as Format;
  if (!FORMATS.includes(format)) return fail(io, `unknown format "${format}" (text, json or sarif)`);
  const workflowType = values.type?.toUpperCase();
  if (workflowType !== undefined && workflowType !== 'STANDARD' && workflowType !== 'EXPRESS') return fail(io, `unknown --type "${values.type}" (STANDARD or EXPRESS)`);
  if (!positionals.length) return usage(io, USAGE, 'no files given');
  const awsOnly = (['region', 'profile', 'endpoint', 'trust-endpoint', 'placeholder'] as const).filter((o) => values[o] !== undefined);
  if (!values.aws && awsOnly.length) return fail(io, `--${awsOnly[0]} goes with --aws`);
  let aws: AwsTarget | undefined;
  if (values.aws) {
    const target = awsTarget({ ...values, trustEndpoint: values['trust-endpoint'] }, env);
    if ('error' in target) return fail(io, target.error);
    aws = target;
    try {
      aws.runtime = loadRuntime();
    } catch (e) {
      return fail(io, (e as Error).message);
    }
  }
  /** Set once a call to Step Functions failed: the next files are not sent (the same failure would follow). */
  let awsFailure: string | undefined;
  let notSent = 0;

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
  for (const candidate of files) {
    const { path, explicit } = candidate;
    const shown = displayPath(path, cwd);
    const said = saidPath(path, cwd);
    const languageId = languageOf(path, explicit);
    if (!languageId) {
      io.err(`sagemaker-asl: skipped ${said}: not a state machine file (.asl.json, .asl, .asl.yaml, .asl.yml, .json, .jsonc, .yaml, .yml)\n`);
      continue;
    }
    let source;
    try {
      source = readSource(path, said);
    } catch (e) {
      if (!(e instanceof PathError)) throw e;
      failed = true;
      fail(io, e.message);
      continue;
    }
    let doc = TextDocument.create(pathToFileURL(path).href, languageId, 1, source.text);
    // Plain .json (and found .yaml) files count only when they are state machines (StartAt and States) or templates holding one.
    if (!service.isStateMachineDocument(doc)) {
      if (explicit) io.err(`sagemaker-asl: skipped ${said}: not a state machine (no StartAt and States)\n`);
      continue;
    }
    checked++;
    if (workflowType) service.setWorkflowType(doc.uri, workflowType);
    // The example execution input beside the machine (NAME.input.json), as in the editor: paths are checked against it.
    const input = service.exampleInputUri(doc.uri);
    service.setExecutionInput(doc.uri, 'file', readInputFile(input, (why) => io.err(`sagemaker-asl: not reading ${saidPath(pathOf(input)!, cwd)} as the execution input of ${said}: ${oneLine(why)}\n`)));
    if (values.fix && !source.utf8) {
      failed = true;
      fail(io, `not fixing ${said}: it is not UTF-8 text, and writing it back would replace the bytes that are not`);
    } else if (values.fix && languageId !== 'asl' && languageId !== 'json' && languageId !== 'jsonc' && /\r(?!\n)/.test(source.text)) {
      // The YAML edits do not write lines that end in a lone carriage return (README): said, as the encoding is (ux43:
      // exit 1 and nothing on stderr, as if there were nothing to fix).
      failed = true;
      fail(io, `not fixing ${said}: its lines end in a lone carriage return, which the YAML edits do not write back; convert its line endings to LF or CRLF to fix it`);
    } else if (values.fix) {
      const fixed = applyFixes(service, doc);
      const outside = fixed.applied ? outsideSearch(candidate) : undefined;
      if (outside) {
        failed = true;
        fail(io, `not fixing ${said}: it is a symbolic link to ${saidPath(outside, cwd)}, outside the folder searched; name it on the command line to fix it there`);
      } else if (fixed.applied) {
        try {
          // The byte order mark the checks did not see goes back where it was.
          replaceFile(source.snapshot, Buffer.from((source.bom ? '\uFEFF' : '') + fixed.doc.getText(), 'utf8'), said);
          io.err(`${said}: ${summary(fixed)}\n`);
          doc = fixed.doc;
        } catch (e) {
          if (!(e instanceof PathError)) throw e;
          failed = true;
          fail(io, e.message);
        }
      }
    }
    const problems = service.validate(doc);
    for (const p of problems) findings.push(toFinding(shown, doc, p));
    // Too deep to read, or YAML aliases over their budget: the checks did not read all of it, so nothing can pass.
    const unread = problems.find((p) => p.code === Code.tooLarge);
    if (unread) {
      failed = true;
      fail(io, `${said}: not checked in full: ${unread.message}`);
    }
    if (aws) {
      const definition = service.awsDefinition(doc, aws.placeholders);
      // A file that is a state machine is one definition; a template, one per embedded state machine.
      const sends: { name: string; at?: number; definition: string; type?: WorkflowType }[] = definition.embedded ?? (definition.definition === undefined ? [] : [{ name: '', at: undefined, definition: definition.definition, type: definition.type }]);
      if (!sends.length) {
        failed = true;
        const hint = definition.placeholders.length ? ' (give values with --placeholder NAME=VALUE)' : '';
        fail(io, `${said}: not sent to Step Functions: ${definition.error}${hint}`);
        continue;
      }
      if (awsFailure) {
        notSent++;
        continue;
      }
      for (const send of sends) {
        const what = send.name ? `${said} (${oneLine(send.name)})` : said;
        try {
          const answer = await aws.runtime!.validateDefinition(send.definition, aws.settings, undefined, send.type);
          for (const p of service.awsProblems(doc, answer.diagnostics, send.at)) findings.push(toFinding(shown, doc, p));
          if (answer.truncated) io.err(`sagemaker-asl: ${what}: Step Functions listed only its first findings\n`);
        } catch (e) {
          const x = (e as { explained?: { message: string; action: string } }).explained;
          // Its message, ended as a sentence (an SDK message may not be: "…from any providers Configure…", walk40), then what to do.
          awsFailure = x ? [x.message.replace(/[^.!?]$/, '$&.'), x.action].filter(Boolean).join(' ') : String((e as Error).message ?? e);
          failed = true;
          fail(io, `${what}: Step Functions could not validate it: ${awsFailure}`);
          break;
        }
      }
    }
  }
  if (notSent) fail(io, `${notSent} more file${notSent === 1 ? ' was' : 's were'} not sent to Step Functions after that failure`);
  // Each file's findings in the order of its lines, as an editor's Problems lists them (the checks find them in the
  // order they run: a structure error at line 25 came before a request's at line 4, walk39); files in their order.
  const fileOrder = new Map<string, number>();
  for (const f of findings) if (!fileOrder.has(f.file)) fileOrder.set(f.file, fileOrder.size);
  findings.sort((a, b) => fileOrder.get(a.file)! - fileOrder.get(b.file)! || a.line - b.line || a.column - b.column);
  io.out(render(format, findings, checked, cwd));
  return failed ? 2 : findings.some((f) => f.severity === 'error') ? 1 : 0;
}

async function main() {
  // Piped into `head`: the reader is gone, and there is nobody left to tell. The run ends with its own status
  // (the error arrives on the next tick, before or after the run's last await), then the process exits.
  let readerGone = false;
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE') throw e;
      readerGone = true;
    });
  }
  try {
    const args = process.argv.slice(2);
    const command = { graph, policy }[args[0] as 'graph' | 'policy'];
    process.exitCode = command ? command(args.slice(1), process.cwd(), stdio) : await lint(args, process.cwd());
  } catch (e) {
    // A bug, not a user's mistake: the stack is what a report needs.
    if (!readerGone) process.stderr.write(`sagemaker-asl: internal error: ${(e as Error).stack ?? e}\n`);
    process.exitCode = 2;
  }
  if (readerGone) process.exit();
}

if (require.main === module) void main();

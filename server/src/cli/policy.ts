// `sagemaker-asl policy FILE`: prints the least-privilege IAM policy document (JSON) the state machine's role needs
// for its SageMaker tasks, the same one the editor's "Show IAM Policy for this State Machine" opens.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../service/languageService';
import { STATE_MACHINE_NAME } from '../service/asl/iamPolicy';
import { Code } from '../service/core/codes';
import { PathError, languageOf, readSource, saidPath } from './files';
import { fail, usage, type Io } from './io';

const POLICY_USAGE = `Usage: sagemaker-asl policy [--partition P] [--region R] [--account A] [--machine NAME] [--state-machine-name N] FILE

Prints the IAM policy document the state machine's role needs for its SageMaker tasks, as the Step Functions
developer guide publishes it per integration: sagemaker:Create… (and Describe…/Stop… for .sync), ListTags,
iam:PassRole on the tasks' literal roles passed to sagemaker.amazonaws.com, and the EventBridge rule of .sync;
for a Distributed Map, states:StartExecution and DescribeExecution on the state machine and the S3 access of its
ItemReader and ResultWriter; for a task with Credentials, sts:AssumeRole on the role they name (which needs the
task's own permissions instead).
Job ARNs are narrowed from literal names and prefixes; each statement's Sid names the state it serves.
  --partition P   the ARNs' partition (default: the one the Tasks' Resources name, else aws)
  --region R      the region in ARNs (default *)
  --account A     the account id in ARNs (default *)
  --machine NAME  in a template, the state machine (its resource's logical ID) whose role the policy is for;
                  without it, one policy covers every state machine the template holds
  --state-machine-name N  the state machine's name, in the ARN a Distributed Map starts executions of (default: a template
                          resource's StateMachineName written as text, else *)
A policy larger than IAM allows (6,144 characters without whitespace in a managed policy, 10,240 in all of a role's
inline policies) is printed all the same, and stderr says so.

Exit status: 0 the policy was printed, 2 a usage error or a file that is not a readable state machine.`;


/** Runs `policy` with the arguments after the subcommand; the exit status. */
export function policy(args: string[], cwd: string, io: Io): number {
  let values: { partition?: string; region?: string; account?: string; machine?: string; 'state-machine-name'?: string; help?: boolean }, positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args,
      options: { partition: { type: 'string' }, region: { type: 'string' }, account: { type: 'string' }, machine: { type: 'string' }, 'state-machine-name': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    }));
  } catch (e) {
    return usage(io, POLICY_USAGE, (e as Error).message.split('\n')[0]);
  }
  if (values.help) {
    io.out(POLICY_USAGE + '\n');
    return 0;
  }
  // Each goes into ARNs as written: only what an ARN has there (a value with ":", "/" or "*" would name other resources).
  const shapes: [string, string | undefined, RegExp, string][] = [
    ['--partition', values.partition, /^aws(?:-[a-z]+)*$/, 'a partition such as aws, aws-cn or aws-us-gov'],
    ['--region', values.region, /^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/, 'a region such as us-east-1'],
    ['--account', values.account, /^\d{12}$/, 'a 12-digit account ID'],
    ['--state-machine-name', values['state-machine-name'], STATE_MACHINE_NAME, 'a state machine name (1 to 80 characters, none of whitespace, control characters, < > { } [ ] ? * " # % \\ ^ | ~ ` $ & , ; : /)'],
  ];
  for (const [flag, value, shape, what] of shapes) if (value !== undefined && !shape.test(value)) return fail(io, `${flag} ${JSON.stringify(value)} is not ${what}`);
  if (positionals.length !== 1) return usage(io, POLICY_USAGE, 'policy takes one file');
  const path = resolve(cwd, positionals[0]);
  const shown = saidPath(path, cwd);
  let text: string;
  try {
    text = readSource(path, shown).text;
  } catch (e) {
    if (e instanceof PathError) return fail(io, e.message);
    throw e;
  }
  const service = getLanguageService();
  const doc = TextDocument.create(pathToFileURL(path).href, languageOf(path, true) ?? 'asl', 1, text);
  if (values.machine !== undefined) {
    const names = service.machineNames(doc) ?? [];
    if (!names.includes(values.machine)) return fail(io, names.length ? `${shown} has no state machine named ${JSON.stringify(values.machine)}: it has ${names.map((n) => JSON.stringify(n)).join(', ')}` : `--machine names a state machine of a template, and ${shown} is no template`);
  }
  // A policy of half a file would mislead as a graph of one would: one that does not parse (or is too deep, or
  // its YAML aliases expand too far, to be read in full) gets none.
  // (A template's own text, or a definition it holds in a string: the findings say either, as lint reports them.)
  const syntax = service.unreadPart(doc);
  if (syntax) return fail(io, `${shown} ${syntax.code === Code.tooLarge ? 'cannot be read in full' : 'does not parse'}: ${syntax.message}`);
  const document = service.iamPolicy(doc, { partition: values.partition, region: values.region, account: values.account, machine: values.machine, stateMachineName: values['state-machine-name'] });
  if (!document) return fail(io, `${shown} is not a state machine (no StartAt and States)`);
  if (!document.Statement.length) io.err(`sagemaker-asl: ${shown} has no SageMaker task and no Distributed Map: the policy is empty\n`);
  io.out(JSON.stringify(document, null, 2) + '\n');
  // Printed all the same (to split, or to read), and said: IAM would refuse it as it is.
  const tooLarge = service.iamPolicySizeProblem(document);
  if (tooLarge) io.err(`sagemaker-asl: ${shown}: ${tooLarge}\n`);
  return 0;
}

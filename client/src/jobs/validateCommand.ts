// "SageMaker: Validate with AWS": sends the state machine in the editor to Step Functions'
// ValidateStateMachineDefinition and shows the answer in Problems (source `aws`). The language server gives the
// definition as JSON (YAML converted, `${…}` placeholders filled with the values the launch flow asks for and
// remembers) and maps each diagnostic's `location` to a range, so this side has no parser of its own. Where the
// call goes and with which credentials is the jobs' rule (endpoint.ts, the same consent); the SDK call lives in
// dist/jobs.js, loaded on first use.
import * as vscode from 'vscode';
import { notify } from '../notify';
import type { LanguageClient } from 'vscode-languageclient/node';
import { AwsDefinitionRequest, MapAwsDiagnosticsRequest, type AwsDefinitionResult, type MappedAwsDiagnostic } from '../../../server/src/protocol';
import type * as Runtime from './runtime';
import { readJobSettings, type JobSettings, type SettingSource } from './settings';
import { classifyEndpoint } from './endpoint';
import { plural } from './format';

const VALIDATE_COMMAND = 'sagemakerAsl.validateWithAws';

/** What the command borrows from the job commands: the lazy runtime, the endpoint consent, the placeholder values. */
export interface LaunchFlow {
  load(): typeof Runtime;
  allowEndpoint(s: Pick<JobSettings, 'endpoint' | 'profile'> & { endpointSource?: SettingSource }): Promise<boolean>;
  askPlaceholders(uri: string, names: string[]): Promise<Record<string, string> | undefined>;
}

// Read when a result arrives, not at load: loading the extension touches nothing of the vscode API (the bench
// loads it against a stub).
const severityOf = (s: MappedAwsDiagnostic['severity']): vscode.DiagnosticSeverity =>
  ({ error: vscode.DiagnosticSeverity.Error, warning: vscode.DiagnosticSeverity.Warning, information: vscode.DiagnosticSeverity.Information, hint: vscode.DiagnosticSeverity.Hint })[s];

export function registerValidateCommand(context: vscode.ExtensionContext, client: LanguageClient, flow: LaunchFlow): void {
  const results = vscode.languages.createDiagnosticCollection('aws');
  context.subscriptions.push(
    results,
    vscode.commands.registerCommand(VALIDATE_COMMAND, (uri?: string | vscode.Uri) => validateWithAws(client, flow, results, uri)),
    // The service judged the text as it was: after an edit its findings may point anywhere, so they go.
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length && results.has(e.document.uri)) results.delete(e.document.uri);
    }),
    vscode.workspace.onDidCloseTextDocument((d) => results.delete(d.uri)),
  );
}


async function validateWithAws(client: LanguageClient, flow: LaunchFlow, results: vscode.DiagnosticCollection, arg?: string | vscode.Uri): Promise<void> {
  if (!vscode.workspace.isTrusted) {
    const pick = await notify.warning('Validating with AWS needs a trusted workspace: it sends the state machine to AWS with your credentials.', 'Manage Workspace Trust');
    if (pick) await vscode.commands.executeCommand('workbench.trust.manage');
    return;
  }
  const uri = arg?.toString() ?? vscode.window.activeTextEditor?.document.uri.toString();
  if (!uri) return void notify.error('Open a state machine to validate it with AWS.');
  let definition: AwsDefinitionResult;
  try {
    definition = await client.sendRequest(AwsDefinitionRequest, { uri });
    if (definition.placeholders.length) {
      const placeholders = await flow.askPlaceholders(uri, definition.placeholders);
      if (!placeholders) return;
      definition = await client.sendRequest(AwsDefinitionRequest, { uri, placeholders });
    }
  } catch (e) {
    return void notify.error(`Could not read the state machine from the language server: ${(e as Error).message}`);
  }
  // A file that is a state machine is one definition; a template, one per embedded state machine, each sent alone.
  const sends: { name: string; at?: number; definition: string; type?: 'STANDARD' | 'EXPRESS' }[] = definition.embedded ?? (definition.definition === undefined ? [] : [{ name: '', at: undefined, definition: definition.definition, type: definition.type }]);
  if (!sends.length) return void notify.error(`Nothing was sent to Step Functions. ${definition.error ?? ''}`.trim());

  const settings = readJobSettings();
  if (!(await flow.allowEndpoint(settings))) return;
  const rt = flow.load();
  const { who, source } = answering(settings.endpoint);
  const answers = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Validating with ${who}…`, cancellable: true },
    async (_progress, token) => {
      const abort = new AbortController();
      token.onCancellationRequested(() => abort.abort());
      const out: { name: string; at?: number; answer: Runtime.DefinitionValidation }[] = [];
      try {
        for (const send of sends) out.push({ name: send.name, at: send.at, answer: await rt.validateDefinition(send.definition, settings, abort.signal, send.type) });
        return out;
      } catch (e) {
        if (abort.signal.aborted) return undefined;
        const x = e instanceof rt.JobError ? e.explained : rt.explainError(e, { ...settings, operation: rt.VALIDATE_OPERATION, service: 'Step Functions', final: true });
        void notify.error(`Could not validate with AWS: ${x.message}`, { detail: x.action });
        return undefined;
      }
    },
  );
  if (!answers) return;

  const target = vscode.Uri.parse(uri);
  const shown: vscode.Diagnostic[] = [];
  const verdicts: string[] = [];
  for (const { name, at, answer } of answers) {
    const mapped = await client.sendRequest(MapAwsDiagnosticsRequest, { uri, version: definition.version, diagnostics: answer.diagnostics, at });
    if (mapped.stale) {
      results.delete(target);
      return void notify.warning(`The file changed while ${who} validated it, so its answer no longer matches the text. Run Validate with AWS again.`);
    }
    for (const d of mapped.diagnostics) {
      const { start, end } = d.range;
      const diagnostic = new vscode.Diagnostic(new vscode.Range(start.line, start.character, end.line, end.character), d.message, severityOf(d.severity));
      diagnostic.source = source;
      diagnostic.code = d.code;
      shown.push(diagnostic);
    }
    verdicts.push(verdict(name ? name : 'this state machine', answer, mapped.diagnostics, source));
  }
  results.set(target, shown);
  const rejected = answers.some((a) => a.answer.result !== 'OK');
  const message = `${who.charAt(0).toUpperCase()}${who.slice(1)} ${verdicts.join('; ')}${answers.some((a) => a.answer.truncated) ? `. ${who.charAt(0).toUpperCase()}${who.slice(1)} listed only the first ones.` : ''}`;
  // An answer that is not AWS's says so, so that "accepts" is not read as Step Functions' (walk37).
  // Which setting sends it there, and how to ask AWS instead (walk40: "points elsewhere" left a newcomer asking where).
  const notAws = source === 'aws' ? '' : ` This is not Step Functions' answer: the endpoint setting (sagemakerAsl.aws.endpoint${settings.endpointSource ? `, from ${settings.endpointSource}` : ''}) sends it there; clear it to ask AWS.`;
  if (rejected) void notify.warning(message.replace(/\.?$/, '.') + notAws);
  else void notify.info(message.replace(/\.?$/, '.') + notAws);
}

/** What the service said of one state machine: "accepts X: no problems found", "rejects X: 2 errors (in Problems, source aws)" (`source`: who answered). */
function verdict(name: string, answer: Runtime.DefinitionValidation, diagnostics: readonly MappedAwsDiagnostic[], source: string): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const others = diagnostics.length - errors;
  if (answer.result === 'OK' && !diagnostics.length) return `accepts ${name}: no problems found`;
  if (answer.result === 'OK') return `accepts ${name}, with ${plural(others, 'warning')} (in Problems, source ${source})`;
  return `rejects ${name}: ${plural(errors, 'error')}${others ? ` and ${plural(others, 'warning')}` : ''} (in Problems, source ${source})`;
}

/**
 * Who answers a validation: in the messages, Step Functions, or the local emulator or other server the endpoint
 * setting names; in Problems, the source of its findings (the local emulator runs this extension's own checks, so
 * its answers are not AWS's: walk36).
 */
function answering(endpoint: string | undefined): { who: string; source: string } {
  let info: ReturnType<typeof classifyEndpoint>;
  try {
    info = classifyEndpoint(endpoint);
  } catch {
    return { who: 'Step Functions', source: 'aws' };
  }
  if (info?.kind === 'local') return { who: `the local endpoint ${info.origin}`, source: 'local endpoint' };
  if (info?.kind === 'other') return { who: `the endpoint ${info.origin}`, source: 'endpoint' };
  return { who: 'Step Functions', source: 'aws' };
}

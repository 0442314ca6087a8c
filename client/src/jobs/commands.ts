// The job commands: Start Training Job / Start Transform Job (CodeLens and palette), Stop Job, Show Jobs.
// Flow of a launch: trusted workspace → the Task from the language server → refuse if it has errors →
// execution input and ${…} values → resolve → an endpoint that is not AWS or local confirmed once → confirm
// what runs and where → start once → watch into the "SageMaker Jobs" output with a cancellable progress
// notification and a status bar item. Everything shown goes through one masking policy (mask.ts).
//
// Everything that needs the AWS SDK or jsonata lives in dist/jobs.js (runtime.ts), required on first use so
// activation stays fast.
import * as vscode from 'vscode';
import { notify, plainText } from '../notify';
import { PREVIEW_SCHEME, showPreview } from '../preview';
import * as path from 'node:path';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CheckRequestRequest, NewJobNameRequest, TasksRequest, type TaskInfo, type TasksResult } from '../../../server/src/protocol';
import { JOB_KINDS, JOB_KIND_NAMES, firstValueAt, isTerminalStatus, valuesAt, type JobKind, type JobKindInfo } from '../../../server/src/jobKinds';
import { exampleInputUri, machineBaseName } from '../../../server/src/machineFiles';
import { linksOutOfItsFolder } from '../../../server/src/links';
import type * as Runtime from './runtime';
import type { Caller, JobRef, JobRunner, JobSummary } from './jobRunner';
import { readJobSettings, type JobSettings, type SettingSource } from './settings';
import { jobKey, JobStore, type JobRecord } from './jobStore';
import { describeInstances, formatDuration, formatSummary, formatTransition, indentContinuation, plural } from './format';
import { visibleText } from '../../../server/src/service/core/text';
import { classifyEndpoint, consentReason, credentialsSent, endpointRefusal, isLocalEndpoint, needsConsent, shownEndpoint, type EndpointInfo } from './endpoint';
import type { MaskPolicy } from './mask';
import { registerValidateCommand } from './validateCommand';
import { shareExecutionInput } from './executionInputs';

/** Hosts the user agreed to send AWS credentials to (origins), in globalState: asked once per host. */
const ENDPOINT_CONSENT = 'sagemakerAsl.endpointConsent';


export function registerJobCommands(context: vscode.ExtensionContext, client: LanguageClient): void {
  const jobs = new Jobs(context, client);
  context.subscriptions.push(
    ...JOB_KIND_NAMES.map((kind) => vscode.commands.registerCommand(JOB_KINDS[kind].command, (uri?: string, stateName?: string, machine?: string) => jobs.launch(kind, uri, stateName, machine))),
    vscode.commands.registerCommand('sagemakerAsl.stopJob', (ref?: JobRef) => jobs.stopJob(ref)),
    vscode.commands.registerCommand('sagemakerAsl.showJobs', () => jobs.showJobs()),
    jobs,
  );
  // Validate with AWS borrows the launch's runtime, endpoint consent and remembered placeholder values.
  registerValidateCommand(context, client, jobs);
  // After activation, not during it: resuming loads the SDK.
  const timer = setTimeout(() => void jobs.resumeRunning(), 1500);
  context.subscriptions.push({ dispose: () => clearTimeout(timer) });
}

/**
 * CloudFormation's pseudo parameters a Sub may name (`${AWS::Partition}`), with the value they have in `region` where
 * it tells (the partition and URL suffix of its partition; the region itself).
 */
function pseudoParameter(name: string, region: string | undefined, account?: string): { value?: string; check?: (v: string) => string | undefined } | undefined {
  if (!/^AWS::(Partition|Region|AccountId|URLSuffix|StackName|StackId|NotificationARNs|NoValue)$/.test(name)) return undefined;
  // An account ID is 12 digits (walk38: an empty one gave "s3://my-bucket-/…" to the confirmation); the request's own
  // role says which account it runs in.
  if (name === 'AWS::AccountId') return { value: account, check: (v) => (/^\d{12}$/.test(v.trim()) ? undefined : 'An AWS account ID is 12 digits, such as 111122223333') };
  if (name === 'AWS::Region') return { value: region, check: (v) => (/^[a-z]{2}(-[a-z]+)+-\d+$/.test(v.trim()) ? undefined : 'A region, such as us-east-1') };
  // The partitions by their regions' prefixes (us-isob- before us-iso-).
  const partition = [['cn-', 'aws-cn'], ['us-gov-', 'aws-us-gov'], ['us-isob-', 'aws-iso-b'], ['us-iso-', 'aws-iso'], ['eusc-', 'aws-eusc']].find(([prefix]) => region?.startsWith(prefix))?.[1] ?? 'aws';
  if (name === 'AWS::Partition') return { value: partition };
  if (name === 'AWS::URLSuffix') return partition === 'aws' || partition === 'aws-us-gov' ? { value: 'amazonaws.com' } : partition === 'aws-cn' ? { value: 'amazonaws.com.cn' } : {};
  if (name === 'AWS::Region') return { value: region };
  return {};
}

/** Whether a Task's request reads anything when it is resolved: a `.$` key (a path or an intrinsic) or a {% %} value. */
function readsInput(payload: unknown): boolean {
  const stack = [payload];
  while (stack.length) {
    const v = stack.pop();
    if (typeof v === 'string' && v.includes('{%')) return true;
    if (Array.isArray(v)) for (const x of v) stack.push(x);
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) {
      // A path or intrinsic that reads `$` or the execution input; not one that reads only the context object
      // (`States.Format('churn-{}', $$.Execution.Name)`: walk38 was asked for an input nothing read).
      if (k.endsWith('.$') && (typeof x !== 'string' || READS_INPUT.test(x))) return true;
      stack.push(x);
    }
  }
  return false;
}
const READS_INPUT = /\$\$\.Execution\.Input|(^|[^$\p{ID_Continue}])\$(?![$\p{ID_Start}_])/u;

/** The button that starts a launch again under another job name, where the name is taken. */
const NEW_NAME = 'Start With a New Name…';
/**
 * The instance-hours a job may bill at most, "At most: 6 training jobs × 2 instances × 1 h = 12 instance-hours";
 * `jobs` undefined: one job, not a tuning job's many. Undefined where a figure is not a number.
 */
function worstCase(jobs: unknown, instances: unknown, seconds: unknown): string | undefined {
  if ((jobs !== undefined && typeof jobs !== 'number') || typeof instances !== 'number' || typeof seconds !== 'number' || seconds <= 0) return undefined;
  const hours = Math.round(((jobs ?? 1) * instances * seconds) / 360) / 10;
  return `At most: ${jobs === undefined ? '' : `${plural(jobs, 'training job')} × `}${plural(instances, 'instance')} × ${formatDuration(seconds)} = ${hours} instance-hour${hours === 1 ? '' : 's'}`;
}

/** The button that shows what a job that has ended did (its history in the output), where Watch It would be. */
const SHOW_HISTORY = 'Show Its History';

/**
 * Where a taken job name comes from, and so how another run gets its own: the execution input, or the state machine
 * itself, which names every run alike (walk37: the advice to use States.Format was wrong for a name from the input).
 */
function namingAdvice(task: TaskInfo, nameField: string): string {
  const payload = (task.payload ?? {}) as Record<string, unknown>;
  const path = payload[`${nameField}.$`];
  // A path of the state's input ($.x, or one inside an intrinsic call), not of the context object ($$).
  if (typeof path === 'string' && /(?:^|[^$])\$[.[]/.test(path)) return `The name is made from the input (${path.trim()}): another value there gives another name.`;
  if (typeof payload[nameField] === 'string' && !String(payload[nameField]).includes('{%')) return 'The state machine gives every run this name: to give each its own, build it with States.Format and $$.Execution.Name.';
  return '';
}
/** One launch at a time per state: its document, machine (a template may hold several) and name. */
const holdKey = (uri: string, task: TaskInfo) => `${uri}#${task.machine ?? ''}#${task.stateName}`;


/** A stored ISO time as the user's local date and time (the job list's "started …"). */
function localTime(iso: string): string {
  const t = new Date(iso);
  return Number.isNaN(t.getTime()) ? iso : t.toLocaleString();
}

/** The example input file beside the machine at `uri` (NAME.input.json), when there is one. */
async function exampleInput(uri: string): Promise<vscode.Uri | undefined> {
  const example = exampleInputUri(uri);
  if (!example) return undefined;
  try {
    const target = vscode.Uri.parse(example, true);
    await vscode.workspace.fs.stat(target);
    // Not a link out of the machine's folder (links.ts): its file would go into the job's request unseen.
    return target.scheme === 'file' && linksOutOfItsFolder(target.fsPath) ? undefined : target;
  } catch {
    return undefined;
  }
}

/**
 * What `$` is for a Task launched from the editor, as the launch asks for it: the execution input, one item of the Map
 * the Task runs in (`mapItemOf`), or, for a Task its machine does not start with, what the states before it pass on
 * (`inputFrom`; walk32: the launch asked for the execution input, and the job ran with a request the execution would
 * never send). `name`: what `$` is in messages, undefined for the execution input.
 */
export function inputOf(task: TaskInfo): { title: string; placeHolder: string; what: string; name?: string } {
  const state = JSON.stringify(task.stateName);
  if (task.inputFrom) {
    const from = task.inputFrom.length ? `what ${task.inputFrom.map((n) => JSON.stringify(n)).join(task.inputFrom.length === 2 ? ' or ' : ', ')} pass${task.inputFrom.length === 1 ? 'es' : ''} on` : 'what the state before it passes on';
    return { title: `The input of ${state} for this run`, placeHolder: `The JSON that $ reads in the Task's request: in an execution ${state} gets ${from}, not the execution input`, what: `Input of ${state}`, name: `the input of ${state}` };
  }
  if (task.mapItemOf !== undefined) {
    const map = JSON.stringify(task.mapItemOf);
    return { title: `One item of Map ${map} for this run`, placeHolder: `$ in the Task's paths is one item of Map ${map} (as its ItemSelector makes it), not the execution input`, what: `One item of Map ${map}`, name: `the item of Map ${map}` };
  }
  return EXECUTION_INPUT;
}

const EXECUTION_INPUT = { title: 'Execution input for this run', placeHolder: "The JSON that $ reads in the Task's request", what: 'Execution input' };
class Jobs implements vscode.Disposable {
  private runtime?: typeof Runtime;
  private readonly runners = new Map<string, JobRunner>();
  private readonly watching = new Map<string, { abort: AbortController; name: string }>();
  /** Secret values of the jobs launched from this window (memory only; a reload finds them again in the job's description). */
  private readonly secrets = new Map<string, string[]>();
  /** Launch flows under way, per state, so a double click on the CodeLens does not open two. */
  /** The states whose launch is in its dialogs, each with the promise of its end. */
  private readonly launching = new Map<string, Promise<void>>();
  /**
   * Each state's launches so far: a request opened for review may be started from its notification only while no
   * newer launch of the state has begun (a forgotten notification must not start a second job, or a stale one).
   */
  private readonly launches = new Map<string, number>();
  private readonly store: JobStore;
  private readonly channel: vscode.LogOutputChannel;
  /** The output, with the continuation lines of a multi-line message indented under its first line. */
  private readonly output: { info(text: string): void; warn(text: string): void; error(text: string): void; show(preserveFocus?: boolean): void };
  private readonly statusBar: vscode.StatusBarItem;

  constructor(private readonly context: vscode.ExtensionContext, private readonly client: LanguageClient) {
    this.store = new JobStore(context.workspaceState);
    const channel = (this.channel = vscode.window.createOutputChannel('SageMaker Jobs', { log: true }));
    this.output = {
      info: (text) => channel.info(indentContinuation(text, 'info')),
      warn: (text) => channel.warn(indentContinuation(text, 'warning')),
      error: (text) => channel.error(indentContinuation(text, 'error')),
      show: (preserveFocus) => channel.show(preserveFocus),
    };
    this.statusBar = vscode.window.createStatusBarItem('sagemakerAsl.jobs', vscode.StatusBarAlignment.Left, 10);
    this.statusBar.name = 'SageMaker Jobs';
    this.statusBar.command = 'sagemakerAsl.showJobs';
  }

  dispose(): void {
    for (const { abort } of this.watching.values()) abort.abort();
    for (const runner of this.runners.values()) runner.dispose();
    this.channel.dispose();
    this.statusBar.dispose();
  }

  load(): typeof Runtime {
    // A computed path keeps esbuild from bundling the runtime into extension.js.
    const file = this.context.asAbsolutePath(path.join('dist', 'jobs.js'));
    return (this.runtime ??= require(file) as typeof Runtime);
  }

  /**
   * An input's text as it may be shown: as written when it holds no secret, else JSON with its secret values masked
   * (other text with the secrets it holds redacted); `secrets`: whether it held any.
   */
  private masked(text: string): { text: string; secrets: boolean } {
    try {
      const parsed = parseJson(text);
      const policy = this.policy();
      const shown = parsed.ok ? JSON.stringify(policy.maskInput(parsed.value)) : policy.redact(text, []);
      const secrets = parsed.ok ? shown !== JSON.stringify(parsed.value) : shown !== text;
      return secrets ? { text: shown, secrets } : { text, secrets };
    } catch {
      // Nested past the stack (an input file thousands of levels deep): not shown, as if it held a secret.
      return { text: '(not shown: nested too deep to be read for secrets)', secrets: true };
    }
  }

  /** The masking policy of the current settings (the names added by sagemakerAsl.jobs.secretNames). */
  private policy(): MaskPolicy {
    return new (this.load().MaskPolicy)({ extraNames: readJobSettings().secretNames, values: [...this.secretPlaceholderValues] });
  }

  /**
   * What placeholders named as secrets were given in this window (askPlaceholders): masked wherever a request or a
   * log line shows them, under any member (in memory only; never stored).
   */
  private readonly secretPlaceholderValues = new Set<string>();

  /**
   * Real credentials go only where the user meant: an endpoint that is neither local nor https to AWS needs their
   * explicit agreement, naming the host and the settings it comes from, remembered per host and profile.
   */
  async allowEndpoint(s: Pick<JobSettings, 'endpoint' | 'profile'> & { endpointSource?: SettingSource }): Promise<boolean> {
    let info: EndpointInfo | undefined;
    try {
      info = classifyEndpoint(s.endpoint);
    } catch (e) {
      void notify.error(`The setting sagemakerAsl.aws.endpoint ${endpointRefusal(e)}: "${shownEndpoint(s.endpoint ?? '')}".`);
      return false;
    }
    if (!needsConsent(info, s.profile)) return true;
    // Remembered per host and credentials: agreeing to send profile "dev"'s keys there is no agreement to send
    // "prod"'s (the review of the day: a switch of profile sent them on with no question). Answers remembered by host
    // alone (before) are asked again.
    const consentKey = JSON.stringify([info.origin, s.profile ?? null]);
    const consented = this.context.globalState.get<string[]>(ENDPOINT_CONSENT, []);
    if (consented.includes(consentKey)) return true;
    const why = consentReason(info, s.profile);
    const credentials = credentialsSent(s.profile);
    const pick = await notify.warning(
      `Send AWS credentials to ${info.host}?`,
      {
        modal: true,
        detail: `The endpoint ${info.origin} comes from your ${s.endpointSource ?? 'settings'} (sagemakerAsl.aws.endpoint). It is ${why}. ` +
          `Starting, watching or stopping a job there sends ${credentials} and the job's request, secrets included, to ${info.host}. ` +
          `Allow only if you run that server. Allow and Remember keeps the answer for this host and ${s.profile ? `profile "${s.profile}"` : 'the default credential chain'}.`,
      },
      // First, so that Enter (the dialog's default button) sends nothing (walk39: it was Allow Once).
      'Open the Setting',
      'Allow Once',
      'Allow and Remember',
    );
    if (pick === 'Open the Setting') await vscode.commands.executeCommand('workbench.action.openSettings', 'sagemakerAsl.aws.endpoint');
    if (pick === 'Allow Once') return true;
    if (pick !== 'Allow and Remember') return false;
    await this.context.globalState.update(ENDPOINT_CONSENT, [...consented, consentKey]);
    return true;
  }

  private runnerFor(s: Pick<JobSettings, 'profile' | 'region' | 'endpoint'>): JobRunner {
    const key = JSON.stringify([s.profile, s.region, s.endpoint]);
    let runner = this.runners.get(key);
    if (!runner) this.runners.set(key, (runner = new (this.load().JobRunner)({ profile: s.profile, region: s.region, endpoint: s.endpoint })));
    return runner;
  }

  // ---- Launch ------------------------------------------------------------------------------------------------

  /** `machine`: in a template, the machine the state is in (a CodeLens names it; two machines may share state names). */
  async launch(kind: JobKind, uriArg?: string, stateArg?: string, machine?: string): Promise<void> {
    if (!vscode.workspace.isTrusted) {
      const pick = await notify.warning('Starting SageMaker jobs needs a trusted workspace: the state machine decides what runs in your AWS account.', 'Manage Workspace Trust');
      if (pick) await vscode.commands.executeCommand('workbench.trust.manage');
      return;
    }
    const editor = vscode.window.activeTextEditor;
    const uri = uriArg ?? editor?.document.uri.toString();
    if (!uri) return void notify.error(`Open a state machine to start a ${JOB_KINDS[kind].label} from it.`);
    // A preview this extension shows (a request with its secrets masked) is no source of a job: its values are not
    // the ones to send.
    if (vscode.Uri.parse(uri).scheme === PREVIEW_SCHEME)
      return void notify.error(`This is a read-only preview, with its secrets masked: start the ${JOB_KINDS[kind].label} from the state machine or job spec it came from.`);
    const task = await this.pickTask(kind, uri, stateArg, machine);
    if (!task) return;
    await this.holding(uri, task, () => this.launchTask(kind, uri, task));
  }

  /**
   * Runs `step` of a launch while no other launch of the same state is in its dialogs (one click too many must not
   * start a job twice). Only modal dialogs and quick picks are awaited inside: a notification may be hidden (Esc) and
   * never answered, and a launch waiting on it would hold its state for good, so what a notification's button does
   * runs after, as a step of its own.
   */
  private async holding(uri: string, task: TaskInfo, step: () => Promise<void>): Promise<void> {
    const key = holdKey(uri, task);
    if (this.launching.has(key)) return void notify.info(`A launch of "${task.stateName}" is already waiting for you.`);
    let release!: () => void;
    this.launching.set(key, new Promise<void>((done) => (release = done)));
    try {
      await step();
    } finally {
      this.launching.delete(key);
      release();
    }
  }

  /**
   * A step a launch's notification button runs (Retry, Start after reading the request): once the launch that showed
   * it has let its state go (a button may be pressed before it has), then under the hold as any launch step.
   */
  private async afterHold(uri: string, task: TaskInfo, step: () => Promise<void>): Promise<void> {
    await this.launching.get(holdKey(uri, task));
    await this.holding(uri, task, step);
  }

  private async pickTask(kind: JobKind, uri: string, stateName?: string, machine?: string): Promise<TaskInfo | undefined> {
    let tasks: TasksResult;
    try {
      tasks = await this.client.sendRequest(TasksRequest, { uri });
    } catch (e) {
      notify.error(`Could not read the state machine's tasks from the language server: ${(e as Error).message}`);
      return undefined;
    }
    const { api } = JOB_KINDS[kind];
    let candidates = tasks.filter((t) => t.api === api);
    if (stateName !== undefined) {
      candidates = candidates.filter((t) => t.stateName === stateName && (machine === undefined || t.machine === machine));
      if (!candidates.length) {
        notify.error(`There is no ${api} Task named "${stateName}"${machine === undefined ? '' : ` in ${machine}`} in this file any more.`);
        return undefined;
      }
      // Unique, as a CodeLens names it; else (a name in two machines, no machine given) as from the palette.
      if (candidates.length === 1) return candidates[0];
    }
    if (!candidates.length) {
      notify.error(`This file has no Task with Resource arn:aws:states:::sagemaker:${api}(.sync).`);
      return undefined;
    }
    // The state under the cursor (the innermost, should Tasks ever nest); elsewhere the user picks.
    const editor = vscode.window.activeTextEditor;
    // The cursor in a template but in no machine with such a Task: one in another machine is picked, not taken
    // (walk32: the palette's Start Training Job went straight to another machine's Train).
    let elsewhere = false;
    if (editor?.document.uri.toString() === uri) {
      const { line, character } = editor.selection.active;
      const before = (a: { line: number; character: number }, b: { line: number; character: number }) => a.line < b.line || (a.line === b.line && a.character <= b.character);
      const at = { line, character };
      const inside = (r: TaskInfo['stateRange']) => !!r && before(r.start, at) && before(at, r.end);
      const under = candidates.filter((t) => inside(t.stateRange)).sort((a, b) => (before(a.stateRange!.start, b.stateRange!.start) ? 1 : -1))[0];
      if (under) return under;
      // Between the states of one machine of a template: that machine's Tasks only.
      const sameMachine = candidates.filter((t) => inside(t.machineRange));
      if (sameMachine.length) candidates = sameMachine;
      // Outside every candidate's machine, in a template (the cursor's machine may have no SageMaker Task at all).
      else elsewhere = candidates.some((t) => t.machine !== undefined);
    }
    if (candidates.length === 1 && !elsewhere) return candidates[0];
    const where = (t: TaskInfo) => [...(t.machine === undefined ? [] : [t.machine]), ...t.statePath.slice(0, -1)].join(' › ') || undefined;
    const pick = await vscode.window.showQuickPick(
      candidates.map((t) => ({ label: t.stateName, description: where(t), detail: t.errors.length ? plural(t.errors.length, 'error') : undefined, task: t })),
      { title: `Start ${JOB_KINDS[kind].label}: which state?` },
    );
    return pick?.task;
  }

  private async launchTask(kind: JobKind, uri: string, task: TaskInfo): Promise<void> {
    const key = holdKey(uri, task);
    this.launches.set(key, (this.launches.get(key) ?? 0) + 1);
    if (task.errors.length) {
      const pick = await notify.error(`"${task.stateName}" has ${plural(task.errors.length, 'error')}; fix ${task.errors.length === 1 ? 'it' : 'them'} before starting the job.`, { modal: true, detail: task.errors.map((e) => `• ${e}`).join('\n') }, 'Show Problems');
      if (pick === 'Show Problems') await vscode.commands.executeCommand('workbench.panel.markers.view.focus');
      return;
    }
    // A standalone job spec is the request itself: there is no execution for an input to feed; nor is there one
    // to ask for when the request reads nothing (no `.$` key, no {% %}): every value is written out (walk36).
    const input = task.standalone || !readsInput(task.payload) ? {} : await this.askInput(uri, task);
    if (input === undefined) return;
    // $$.Execution.Input is the execution input whatever `$` is: asked for too where `$` is another one and the
    // request reads it (review of the day: it was resolved against the state's input).
    let executionInput: unknown = inputOf(task).name === undefined ? input : undefined;
    if (!task.standalone && executionInput === undefined && JSON.stringify(task.payload).includes('Execution.Input')) {
      executionInput = await this.askInput(uri, task, { ...EXECUTION_INPUT, placeHolder: `The JSON that $$.Execution.Input reads in the Task's request ($ is ${inputOf(task).name}, given before)` });
      if (executionInput === undefined) return;
    }
    const rt = this.load();
    // The values a template gives its placeholders itself are not asked for (as Validate with AWS does not).
    const given = task.placeholderValues ?? {};
    const settings = readJobSettings();
    // The region of the $$ ARNs (and of a pseudo parameter's value) is the one the SDK will send to (endpoint.ts
    // regionOf, else the profile's).
    const region = await this.runnerFor(settings).region();
    const account = roleAccount(task.payload);
    const asked = await this.askPlaceholders(uri, rt.findPlaceholders(task.payload).filter((name) => !Object.hasOwn(given, name)), region, account);
    if (!asked) return;
    const placeholders = { ...given, ...asked };
    const context = rt.makeExecutionContext({
      stateMachineName: machineBaseName(vscode.Uri.parse(uri).path),
      stateName: task.stateName,
      input: executionInput,
      region: region ?? 'us-east-1',
      account: account ?? '123456789012',
    });
    let request: Record<string, unknown>;
    try {
      request = await rt.resolveRequest(task.payload, { queryLanguage: task.queryLanguage, input, inputName: inputOf(task).name, context, placeholders });
    } catch (e) {
      // Not awaited (see holding): the button starts a new launch once this one has let the state go.
      void notify.error(`Cannot build the request of "${task.stateName}": ${(e as Error).message}`, 'Choose Another Input').then((again) => {
        if (again) void this.launch(kind, uri, task.stateName, task.machine);
      });
      return;
    }
    const masked = this.policy().maskRequest(request);
    // The values the input and the placeholders gave, checked as the text was: what SageMaker would refuse is said
    // now, not after a round trip (a server that cannot answer leaves it to SageMaker, as the text passed).
    // The secrets by stand-ins of their length and kind (MaskPolicy.standIns): none crosses the connection.
    const answer: unknown = await this.client.sendRequest(CheckRequestRequest, { api: task.api, request: this.policy().standIns(request) }).catch(() => []);
    const refused = Array.isArray(answer) ? answer.filter((e): e is string => typeof e === 'string') : [];
    if (refused.length) {
      const policy = this.policy();
      const clean = (text: string) => policy.redact(text, policy.secretValues(request));
      // Not awaited (see holding): the buttons run after this launch has let the state go.
      void notify
        // The first reason in the message itself: a notification shows no detail.
        .error(`The request of "${task.stateName}" would be refused by SageMaker once its values are filled in, so nothing was started: ${clean(refused[0])}${refused.length > 1 ? ` (and ${plural(refused.length - 1, 'more error')})` : ''}`, { detail: refused.map((e) => `• ${clean(e)}`).join('\n') }, 'Open Request', 'Choose Another Input')
        .then((pick) => {
          if (pick === 'Open Request') void this.openJson(masked);
          else if (pick === 'Choose Another Input') void this.launch(kind, uri, task.stateName, task.machine);
        });
      return;
    }
    if (!(await this.allowEndpoint(settings))) return;
    // Credentials that do not resolve (a profile that is not there, an SSO session to renew) are said before the
    // confirmation, which names them: nothing is asked for that cannot start (no request goes to SageMaker for it).
    const runner = this.runnerFor(settings);
    const credentials = await runner.credentialsProblem();
    if (credentials) {
      void notify.error(`Cannot start "${task.stateName}": ${credentials.message}`, { detail: credentials.action });
      return;
    }
    // The account that pays, for the confirmation (not asked of the emulator, which gets placeholder credentials).
    // Credentials STS refuses would be refused by SageMaker too: said now, nothing asked to confirm.
    const payer = isLocalEndpoint(settings.endpoint) && !settings.profile ? undefined : await runner.caller();
    if (payer && 'problem' in payer && (payer.problem.kind === 'expiredCredentials' || payer.problem.kind === 'invalidCredentials')) {
      void notify.error(`Cannot start "${task.stateName}": ${payer.problem.message}`, { detail: payer.problem.action });
      return;
    }
    await this.launchRequest(kind, uri, task, request, masked, { settings, region, roleAccount: account, payer });
  }

  /** The launch of a resolved, checked request: unless a job of its name exists, confirmed, then started. */
  private async launchRequest(kind: JobKind, uri: string, task: TaskInfo, request: Record<string, unknown>, masked: Record<string, unknown>, target: LaunchTarget): Promise<void> {
    const { settings } = target;
    // A job of this name already there (a literal name, the same input again) is said now, with the offer to watch
    // it or to start this request under a new name, not after a confirmation that promised a start SageMaker would
    // refuse. A name that cannot be read (no permission, no such job, no answer) leaves it to the start, which
    // handles the refusal too.
    const { nameField, label } = JOB_KINDS[kind];
    const name = request[nameField];
    const ref: JobRef = { kind, name: typeof name === 'string' ? name : '' };
    const status = ref.name ? await this.runnerFor(settings).statusOf(ref) : undefined;
    if (status) {
      // Under a new name: this same request (its input, placeholders, settings and region, agreed to and checked
      // above), asked for the name, then confirmed as any launch; only while this is the state's latest launch (a
      // newer one, or this button once pressed, makes the notification stale, as Review the Request's Start).
      const key = holdKey(uri, task);
      const launch = this.launches.get(key);
      const rename = async () => {
        if (this.launches.get(key) !== launch) return void notify.info(`"${task.stateName}" was launched again since this notification was shown, so it was not started; start it from its CodeLens.`);
        const renamed = await this.askNewName(kind, task, request, ref.name);
        if (renamed === undefined || this.launches.get(key) !== launch) return;
        this.launches.set(key, (launch ?? 0) + 1);
        await this.launchRequest(kind, uri, task, { ...request, [nameField]: renamed }, { ...masked, [nameField]: renamed }, target);
      };
      this.offerWatch(kind, uri, task, ref, `A ${label} named "${ref.name}" already exists (${status}), so SageMaker would refuse to start it again; nothing was started.`, request, masked, settings, rename, status);
      return;
    }
    if (!(await this.confirm(kind, uri, task, request, masked, target))) return;
    await this.start(kind, uri, task, request, settings);
  }

  /**
   * A job of the request's name exists: say so, and watch it if the user asks (its request is not this one), or,
   * where `rename` is given, start this request under a new name.
   */
  private offerWatch(kind: JobKind, uri: string, task: TaskInfo, ref: JobRef, message: string, request: Record<string, unknown>, masked: Record<string, unknown>, s: JobSettings, rename?: () => Promise<void>, status?: string): void {
    // Not awaited (see holding): watching an existing job starts nothing; a start under a new name is a launch
    // step of its own, once this launch has let the state go. A modal, as the confirmation it stands in for: a
    // notification hid itself while the user looked away, and the click on Start seemed to do nothing (walk36).
    // A job that has ended is not watched but shown, and a new name comes first (walk37: Watch It, the default,
    // replayed a stopped job's whole run as if it ran again).
    const ended = isTerminalStatus(status);
    const watch = ended ? SHOW_HISTORY : 'Watch It';
    const buttons = rename ? (ended ? [NEW_NAME, watch] : [watch, NEW_NAME]) : [watch];
    const what = ended
      ? `It has ended: ${rename ? 'start this request under a new name, or see' : 'see'} what it did in the output.`
      : `Watch the existing job${rename ? ', or start this request under a new name' : ''}.`;
    const detail = [what, namingAdvice(task, JOB_KINDS[kind].nameField)].filter(Boolean).join(' ');
    void notify.warning(message, { modal: true, detail }, ...buttons).then((pick) => {
      if (pick === watch) void this.follow(kind, uri, task, ref, undefined, request, masked, s);
      else if (pick === NEW_NAME && rename) void this.afterHold(uri, task, rename);
    });
  }

  /**
   * The name to start `request` under instead of `taken`: offered with a time stamp in place of the old one's (the
   * language server shortens it to the model's limit), checked by the language server as it is typed.
   */
  private async askNewName(kind: JobKind, task: TaskInfo, request: Record<string, unknown>, taken: string): Promise<string | undefined> {
    const { nameField, label } = JOB_KINDS[kind];
    const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
    const offered = await this.client.sendRequest(NewJobNameRequest, { api: task.api, name: taken, suffix: `-${stamp}` }).catch(() => null);
    return vscode.window.showInputBox({
      title: `New ${label} name`,
      prompt: `"${taken}" is taken. Only this run uses the new name; the state machine keeps its own.`,
      value: offered ?? taken,
      validateInput: async (value) => {
        if (value === taken) return `A ${label} named "${taken}" already exists.`;
        const refused: unknown = await this.client.sendRequest(CheckRequestRequest, { api: task.api, request: this.policy().standIns({ ...request, [nameField]: value }) }).catch(() => []);
        return Array.isArray(refused) && typeof refused[0] === 'string' ? refused[0] : undefined;
      },
    });
  }

  /**
   * The JSON `$` is for this run: the execution input, or what the Task gets in an execution instead (inputOf): one
   * item of the Map it runs in, or what the states before it pass on.
   */
  private async askInput(uri: string, task: TaskInfo, asked = inputOf(task)): Promise<unknown | undefined> {
    // The execution input is remembered per machine; another input per state (it is not the machine's input).
    const own = asked.name === undefined ? undefined : holdKey(uri, task);
    const last = this.store.lastInput(uri, own);
    // On screen with its secrets masked, as every request and log line is (walk39: a dbPassword in clear text in the
    // picker); a last input that holds one is not put in the paste box either (Last input reuses it as it was).
    const shownLast = last === undefined ? undefined : this.masked(last);
    // The machine's example input (NAME.input.json beside it, what the editor checks its paths against), when there is
    // one and `$` is the execution input (walk32: it had to be browsed to).
    const exampleUri = asked.name === undefined ? await exampleInput(uri) : undefined;
    type Choice = vscode.QuickPickItem & { id: 'last' | 'example' | 'file' | 'paste' | 'empty' };
    const items: Choice[] = [
      ...(last && shownLast ? [{ id: 'last' as const, label: '$(history) Last input', detail: shownLast.text.length > 120 ? `${shownLast.text.slice(0, 117)}...` : shownLast.text }] : []),
      ...(exampleUri ? [{ id: 'example' as const, label: `$(file-code) ${path.posix.basename(exampleUri.path)}`, detail: "the example input beside the state machine (the editor checks the machine's paths against it)" }] : []),
      { id: 'file', label: '$(file) Pick a JSON file…' },
      { id: 'paste', label: '$(edit) Paste JSON…' },
      { id: 'empty', label: '$(circle-slash) Empty input {}' },
    ];
    for (;;) {
      const choice = await vscode.window.showQuickPick(items, {
        title: asked.title,
        placeHolder: asked.placeHolder,
      });
      if (!choice) return undefined;
      let text: string | undefined;
      if (choice.id === 'last') text = last;
      else if (choice.id === 'example' && exampleUri) text = Buffer.from(await vscode.workspace.fs.readFile(exampleUri)).toString('utf8');
      else if (choice.id === 'empty') text = '{}';
      else if (choice.id === 'paste') {
        text = await vscode.window.showInputBox({
          title: `${asked.what} (JSON)`,
          value: last !== undefined && !shownLast?.secrets ? last : '{}',
          ...(shownLast?.secrets ? { prompt: 'The last input holds secrets, so it is not shown here: choose Last input to use it again.' } : {}),
          validateInput: (v) => (parseJson(v).ok ? undefined : 'Not valid JSON'),
        });
      } else {
        const files = await vscode.window.showOpenDialog({ canSelectMany: false, filters: { JSON: ['json'] }, title: asked.what });
        if (files?.[0]) text = Buffer.from(await vscode.workspace.fs.readFile(files[0])).toString('utf8');
      }
      if (text === undefined) continue;
      const parsed = parseJson(text);
      if (!parsed.ok) {
        notify.error(`${asked.what} is not valid JSON: ${parsed.error}`);
        continue;
      }
      await this.store.rememberInput(uri, text.trim(), own);
      // The paths of the machine read it: the language server completes its fields (when no NAME.input.json is there).
      // Only the execution input's: an item of a Map, or a later state's input, is not what the machine starts with.
      if (asked.name === undefined) shareExecutionInput(this.client, uri, text.trim());
      return parsed.value;
    }
  }

  /** `region`: where the run goes, for a pseudo parameter's value (the settings' or AWS_REGION when not given). */
  async askPlaceholders(uri: string, names: string[], region = readJobSettings().region ?? (process.env.AWS_REGION?.trim() || undefined), account?: string): Promise<Record<string, string> | undefined> {
    const remembered = this.store.placeholderValues(uri);
    const policy = this.policy();
    const values: Record<string, string> = {};
    const kept: Record<string, string> = { ...remembered };
    for (const name of names) {
      const pseudo = pseudoParameter(name, region, account);
      // A placeholder whose name says it holds a secret (${DbPassword}) is typed masked, and neither shown again nor
      // kept in the workspace's state for the next launch (sec40: it was, in clear, and offered visibly).
      const secret = !pseudo && policy.classifyName(name) === 'secret';
      const value = await vscode.window.showInputBox({
        title: `Value of \${${name}}`,
        prompt: pseudo ? `CloudFormation's pseudo parameter ${name}: the value it has where the stack is deployed, for this run.` : `The state machine uses this placeholder (a template parameter, resource or definition substitution); give the value to use for this run.${secret ? ' Its name says it is a secret: it is not remembered.' : ''}`,
        value: secret ? '' : (remembered[name] ?? pseudo?.value ?? ''),
        ...(secret ? { password: true } : {}),
        ...(pseudo?.check ? { validateInput: pseudo.check } : {}),
        ignoreFocusOut: true,
      });
      if (value === undefined) return undefined;
      values[name] = value;
      if (secret) {
        delete kept[name];
        if (value) this.secretPlaceholderValues.add(value);
      } else kept[name] = value;
    }
    if (names.length) await this.store.rememberPlaceholders(uri, kept);
    return values;
  }

  /**
   * The modal confirmation: true to start now. "Open Request as JSON" opens the request where it can be read (a modal
   * dialog shown again would cover it) and asks again without a modal: its Start, a step of its own under the launch
   * hold, starts the very request the preview shows.
   */
  private async confirm(kind: JobKind, uri: string, task: TaskInfo, request: Record<string, any>, masked: Record<string, any>, target: LaunchTarget): Promise<boolean> {
    const { settings: s, roleAccount: account } = target;
    const k: JobKindInfo = JOB_KINDS[kind];
    const fleet = k.trainingJobs;
    // A tuning request with a list of training job definitions: each figure below is its first's (and says so).
    const list = fleet && request[fleet.definition] === undefined && Array.isArray(request[fleet.definitions]) ? (request[fleet.definitions] as unknown[]) : undefined;
    const shown = (r: Record<string, any>) => (list && fleet ? { ...r, [fleet.definition]: (r[fleet.definitions] as unknown[] | undefined)?.[0] } : r);
    const [view, maskedView] = [shown(request), shown(masked)];
    const first = (path: readonly string[] | undefined, from: Record<string, any> = view) => (path ? firstValueAt(from, [path]) : undefined);
    const resources = firstValueAt(view, k.resourcesPaths);
    const instanceCount = (resources as { InstanceCount?: unknown } | undefined)?.InstanceCount;
    const name = request[k.nameField];
    const runtime = first(k.maxRuntimePath);
    const role = first(k.rolePath);
    const texts = (paths: readonly (readonly string[])[]) => [
      ...new Set(paths.flatMap((p) => valuesAt(request, p).filter((o): o is string => typeof o === 'string').map((v) => (p.at(-1) === 'FeatureGroupName' ? `feature group ${v}` : p.at(-1) === 'FileSystemId' ? `file system ${v}` : v)))),
    ];
    const rules = (k.ruleEvaluations ?? []).reduce((n, member) => n + (Array.isArray(request[member]) ? (request[member] as unknown[]).length : 0), 0);
    const outputs = texts(k.outputPaths);
    const inputs = texts(k.inputPaths);
    const entries = (path: readonly string[] | undefined) => Object.entries((first(path, maskedView) ?? {}) as Record<string, string>);
    const env = entries(k.environmentPath);
    const hyper = entries(k.hyperParametersPath);
    // A tuning job is as many training jobs as it may launch: the confirmation says how many, and that each figure is one's.
    const each = fleet ? (list && list.length > 1 ? ` per training job of the first of ${list.length} definitions` : ' per training job') : '';
    const duration = (seconds: unknown) => (typeof seconds === 'number' && seconds > 0 ? formatDuration(seconds) : undefined);
    const where = describeTarget(target);
    const detail = [
      `Job: ${name}`,
      // A transform runs a model SageMaker has (CreateModel): which one is the first thing to check.
      typeof request.ModelName === 'string' ? `Model: ${request.ModelName}` : undefined,
      // What code runs: the image or algorithm, a processing job's entrypoint (walk37: what an ML engineer checks first).
      ...k.code.map(({ label: what, path }) => {
        const texts = valuesAt(maskedView, path).flatMap((v) => (typeof v === 'string' ? [v] : Array.isArray(v) && v.every((x) => typeof x === 'string') ? [v.join(' ')] : []));
        const text = [...new Set(texts)].join(', ');
        return text ? `${what}: ${text}${list && list.length > 1 ? ` (the first of ${list.length} definitions)` : ''}` : undefined;
      }),
      fleet ? `Training jobs: ${first(fleet.max) === undefined ? 'no maximum set' : `up to ${String(first(fleet.max))}`}, ${String(first(fleet.parallel) ?? '?')} at a time` : undefined,
      `Instances: ${describeInstances(resources)}${each}`,
      // A transform's request has no time limit to show (walk40: its dialog was silent on it); a tuning job's own limit
      // after its training jobs' (walk40: "…per training job, the tuning job (no limit set)" read as one clause).
      k.maxRuntimePath
        ? `Max runtime: ${duration(runtime) ?? k.defaultRuntime ?? 'not set'}${each}${fleet ? `; the tuning job: ${duration(first(fleet.maxRuntime)) ?? 'no limit set'}` : ''}`
        : kind === 'transform' ? 'Max runtime: none (CreateTransformJob takes no time limit: the job runs until its input is transformed)' : undefined,
      // A tuning job's worst case, where the request says it all (walk37: "up to 6, 2 at a time" left the sum to the reader).
      // One job: its instances for its max runtime (walk39: the cost had to be worked out from two lines).
      fleet ? (list && list.length > 1 ? undefined : worstCase(first(fleet.max), instanceCount, runtime)) : worstCase(undefined, instanceCount, runtime),
      rules ? `Rule evaluations: ${rules}, each on a processing instance of its own (not counted above)` : undefined,
      // What it reads and writes (walk32: a transform's confirmation did not say what it reads).
      inputs.length ? `Input: ${inputs.join(', ')}` : undefined,
      `Output: ${outputs.length ? outputs.join(', ') : kind === 'processing' ? 'none' : '?'}`,
      `Where: ${where.text}`,
      where.account ? `Account: ${where.account}` : undefined,
      typeof role === 'string' ? `Role: ${role}${roleElsewhere(role, target)}` : account ? `Role: account ${account}${roleElsewhere(account, target)}` : undefined,
      env.length ? `Environment: ${env.map(([k, v]) => `${k}=${v}`).join(', ')}` : undefined,
      hyper.length ? `${k.hyperParametersPath?.at(-1)}: ${hyper.map(([k, v]) => `${k}=${v}`).join(', ')}` : undefined,
    ]
      .filter(Boolean)
      // Each line stays one line: a value with a line break (an Environment value may hold any character) would
      // otherwise write lines of its own under the true ones ("Where: local emulator", review sec37).
      .map((line) => visibleText(line as string))
      .join('\n');
    // A standalone job spec (request.json too) is a file, not a state: named by its file (walk37: 'from "CreateTrainingJob"').
    const source = task.standalone ? `the file ${vscode.Uri.parse(uri).path.split('/').pop()}` : `"${task.stateName}"`;
    const question = `Start ${k.label} "${visibleText(String(name))}" from ${visibleText(source)}? ${where.cost}`;
    const pick = await notify.info(question, { modal: true, detail }, 'Start', 'Open Request as JSON');
    if (pick === 'Start') return true;
    if (pick !== 'Open Request as JSON') return false;
    await this.openJson(masked);
    // Not awaited (see holding): the request is read first; this Start is a launch step of its own, and only while
    // this is the state's latest launch (a newer one, or this Start once pressed, makes the notification stale).
    const key = holdKey(uri, task);
    const launch = this.launches.get(key);
    void notify.info(`Review the request in request.json. ${question}`, 'Start').then(async (again) => {
      if (again !== 'Start') return;
      if (this.launches.get(key) !== launch) return void notify.info(`"${task.stateName}" was launched again since this request was opened, so it was not started; start it from its CodeLens.`);
      this.launches.set(key, (launch ?? 0) + 1);
      await this.afterHold(uri, task, () => this.start(kind, uri, task, request, s));
    });
    return false;
  }

  private async openJson(value: unknown): Promise<void> {
    await showPreview('request.json', JSON.stringify(value, null, 2), { preview: true });
  }

  private async start(kind: JobKind, uri: string, task: TaskInfo, request: Record<string, unknown>, s: JobSettings): Promise<void> {
    const rt = this.load();
    const runner = this.runnerFor(s);
    const policy = this.policy();
    const masked = policy.maskRequest(request);
    const label = JOB_KINDS[kind].label;
    let result: Runtime.StartResult;
    try {
      result = await runner.start(kind, request);
    } catch (e) {
      const explained = e instanceof rt.JobError ? e.explained : rt.explainError(e, s);
      const clean = (text: string) => policy.redact(text, policy.secretValues(request));
      this.output.error(`Could not start ${label} from "${task.stateName}": ${clean(explained.message)}`);
      // Not awaited (see holding): Retry sends the same request again as a launch of its own, only while this is the
      // state's latest launch (a newer one, or Retry once pressed, makes the notification stale, as Review's Start).
      const key = holdKey(uri, task);
      const launch = this.launches.get(key);
      void notify.error(clean(explained.message), { detail: explained.action }, 'Retry', 'Open Request').then(async (pick) => {
        if (pick === 'Open Request') return void (await this.openJson(masked));
        if (pick !== 'Retry') return;
        if (this.launches.get(key) !== launch) return void notify.info(`"${task.stateName}" was launched again since this notification was shown, so it was not retried; start it from its CodeLens.`);
        // The message may have asked to fix the endpoint: where the settings point now. Elsewhere than the launch
        // confirmed (another endpoint, region or profile: the review of the day sent it on with no question), it is a
        // launch of its own, checked and confirmed again there; the same, the same request again.
        const now = readJobSettings();
        if (now.endpoint !== s.endpoint || now.region !== s.region || now.profile !== s.profile) return void (await this.launch(kind, uri, task.stateName, task.machine));
        this.launches.set(key, (launch ?? 0) + 1);
        await this.afterHold(uri, task, async () => {
          if (await this.allowEndpoint(now)) await this.start(kind, uri, task, request, now);
        });
      });
      return;
    }
    const ref = result.ref;
    if (result.outcome === 'exists') return this.offerWatch(kind, uri, task, ref, `A ${label} named "${ref.name}" already exists, so no new job was started.`, request, masked, s);
    if (result.deduplicated) {
      return; // the other start of this same job is watching it
    }
    this.output.info(`${ref.name}: started ${label} ${result.arn}${result.recovered ? ' (found after a lost answer; started once)' : ''}`);
    // The account the job runs in is the one of the credentials (or the emulator's); the role names its own.
    const jobAccount = /^arn:[^:]+:sagemaker:[^:]*:(\d{12}):/.exec(result.arn)?.[1];
    const role = roleAccount(request);
    if (jobAccount && role && jobAccount !== role) this.output.warn(`${ref.name}: the job runs in account ${jobAccount}, but its RoleArn is in account ${role}.`);
    await this.follow(kind, uri, task, ref, result.arn, request, masked, s);
  }

  /** Records the job (started, or found existing) and watches it. */
  private async follow(kind: JobKind, uri: string, task: TaskInfo, ref: JobRef, startedArn: string | undefined, request: Record<string, unknown>, masked: Record<string, unknown>, s: JobSettings): Promise<void> {
    const policy = this.policy();
    const where = { status: 'InProgress', profile: s.profile, region: s.region, endpoint: s.endpoint, endpointSource: s.endpointSource };
    const known = this.store.find(kind, ref.name, where);
    // A job found existing ("Watch It") was not started with this request: what this window recorded of it when it
    // started it (its ARN, start time and request) is kept; one it never started has no request on record.
    const record: JobRecord = startedArn !== undefined
      ? { kind, name: ref.name, arn: startedArn, uri, stateName: task.stateName, startedAt: new Date().toISOString(), ...where, maskedRequest: masked }
      : known
        ? { ...known, ...where }
        : { kind, name: ref.name, uri, stateName: task.stateName, startedAt: new Date().toISOString(), ...where, maskedRequest: null };
    await this.store.save({ ...known, ...record });
    // An existing job ("Watch It") was not started with this request: its secrets come from its description.
    if (startedArn !== undefined) this.secrets.set(jobKey(record), policy.secretValues(request));
    void this.watch(record, true);
  }

  // ---- Watch -------------------------------------------------------------------------------------------------

  private async watch(record: JobRecord, withProgress: boolean): Promise<void> {
    const id = jobKey(record);
    if (this.watching.has(id)) return void this.output.show(true);
    if (!(await this.allowEndpoint(record))) return;
    const abort = new AbortController();
    this.watching.set(id, { abort, name: record.name });
    this.updateStatusBar();
    const runner = this.runnerFor(record);
    const ref: JobRef = { kind: record.kind, name: record.name };
    const label = JOB_KINDS[record.kind].label;
    this.output.show(true);
    let report: (message: string) => void = () => {};
    // What the job says (status messages, log lines, its failure reason) may echo a secret it was given. The
    // secrets are those of the request launched from this window, and always those of the job's description
    // (Environment, HyperParameters, container arguments): after a reload or for "Watch It", nothing is stored.
    const policy = this.policy();
    const logs = policy.logRedactor(this.secrets.get(id) ?? []);
    let described = false;
    // A job that had ended before the watch began (Watch It on a stopped job): its history is told as history, each
    // step with the time it happened, under a line that says so (walk37: the replay read as a second run).
    let ended = false;
    const clean = (text: string) => logs.text(text);
    const watching = runner.watch(ref, {
      onDescribe: (response, description) => {
        if (!described) {
          logs.add(policy.secretValues(response));
          ended = isTerminalStatus(description.status);
          if (ended) this.output.info(`${record.name}: this ${label} had already ended (${description.status}) when watching began; what it did, with the time of each step:`);
        }
        described = true;
      },
      onTransition: (t) => {
        const line = clean(formatTransition(t));
        this.output.info(`${record.name}: ${line}${ended ? ` (at ${t.startTime.toISOString().slice(0, 19).replace('T', ' ')} UTC)` : ''}`);
        report(line);
      },
      // A stream is named for the job that writes it: this one, or a training job a tuning job launched.
      onLog: (l) => this.output.info(`${l.stream.split('/')[0] || record.name} | ${logs.event(l.stream, l.message)}`),
      onStatus: (status) => void this.store.update(record, { status }),
      onRetry: (x, delayMs) => this.output.warn(clean(`${record.name}: ${x.message} ${x.action} (retrying in ${Math.round(delayMs / 1000)} s)`)),
      onRecovered: () => this.output.info(`${record.name}: watching again`),
    }, { pollMs: readJobSettings().pollIntervalSeconds * 1000, signal: abort.signal });

    if (withProgress) {
      void vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: plainText(`SageMaker ${label} ${record.name}`), cancellable: true },
        (progress, token) => {
          report = (message) => progress.report({ message: plainText(message) });
          token.onCancellationRequested(() => void this.askStop(record, 'The notification is closed; the job keeps running until you stop it.'));
          return watching.catch(() => undefined);
        },
      );
    }
    let summary: JobSummary | undefined;
    let failure: unknown;
    try {
      summary = await watching;
    } catch (e) {
      failure = e;
    } finally {
      // The job is no longer watched the moment the watch ends, not when its notification is answered.
      if (this.watching.get(id)?.abort === abort) this.watching.delete(id);
      this.updateStatusBar();
    }
    if (summary) return this.finish(record, summary, clean);
    if (failure === undefined) return;
    const rt = this.load();
    const x = failure instanceof rt.JobError ? failure.explained : rt.explainError(failure, record);
    this.output.error(clean(`${record.name}: stopped watching: ${x.message} ${x.action}`));
    const pick = await notify.error(clean(`Stopped watching ${record.name}: ${x.message}`), { detail: `${x.action} The job itself was not touched.` }, 'Watch Again');
    if (pick) return this.watch(record, true);
  }

  private async finish(record: JobRecord, s: JobSummary, clean: (text: string) => string): Promise<void> {
    const lines = formatSummary(s).map(clean);
    for (const line of lines) this.output.info(`${record.name}: ${line}`);
    await this.store.update(record, { status: s.status, summary: lines.join('; ') });
    // A tuning job's answer is its best training job: in the message itself (a notification shows no detail).
    const best = s.bestTrainingJob ? `; best training job ${clean(s.bestTrainingJob)}` : '';
    const message = `SageMaker ${JOB_KINDS[record.kind].label} ${record.name}: ${s.status}${s.durationSeconds !== undefined ? ` after ${formatDuration(s.durationSeconds)}` : ''}${best}`;
    const options = { detail: lines.join('\n') };
    const pick = await (s.status === 'Completed'
      ? notify.info(message, options, 'Show Output')
      : s.status === 'Failed'
        ? notify.error(message, options, 'Show Output')
        : notify.warning(message, options, 'Show Output'));
    if (pick) this.output.show();
  }

  private updateStatusBar(): void {
    const n = this.watching.size;
    if (!n) return this.statusBar.hide();
    this.statusBar.text = `$(sync~spin) SageMaker: ${n} job${n === 1 ? '' : 's'}`;
    this.statusBar.tooltip = `Watching ${[...this.watching.values()].map((w) => w.name).join(', ')}; click for the jobs of this workspace`;
    // Read as words by a screen reader (it read the icon's name, "sync~spin").
    this.statusBar.accessibilityInformation = { label: `SageMaker: watching ${plural(n, 'job')}`, role: 'button' };
    this.statusBar.show();
  }

  async resumeRunning(): Promise<void> {
    if (!vscode.workspace.isTrusted) return;
    const policy = this.policy();
    await this.store.remask((request) => policy.maskRequest(request));
    const running = this.store.running();
    if (!running.length) return;
    this.output.info(`Resuming the watch of ${running.map((r) => r.name).join(', ')}`);
    for (const record of running) void this.watch(record, false);
  }

  // ---- Stop and list -----------------------------------------------------------------------------------------

  /** Stops the job `job` names where it runs (its record's place; a job named by a command, where the settings point). */
  private async askStop(job: JobRef & Partial<JobRecord>, note = ''): Promise<void> {
    const ref: JobRef = { kind: job.kind, name: job.name };
    const pick = await notify.warning(`Stop SageMaker ${JOB_KINDS[ref.kind].label} "${ref.name}"?`, { modal: true, detail: `${note} Stopping cannot be undone. ${JOB_KINDS[ref.kind].stopping}`.trim() }, 'Stop Job');
    if (pick !== 'Stop Job') return;
    const place = 'uri' in job ? job : readJobSettings();
    const record = this.store.find(ref.kind, ref.name, place);
    const target = record ?? place;
    if (!(await this.allowEndpoint(target))) return;
    const runner = this.runnerFor(target);
    try {
      await runner.stop(ref);
      this.output.info(`${ref.name}: stop requested`);
      if (record && !this.watching.has(jobKey(record))) void this.watch(record, false);
    } catch (e) {
      // A job that ended while the confirmation was open: SageMaker refuses to stop it, and that is no failure.
      const status = await runner.statusOf(ref);
      if (isTerminalStatus(status)) {
        this.output.info(`${ref.name}: already ${status}, nothing to stop`);
        return void notify.info(`${ref.name} has already ended (${status}): there is nothing to stop.`);
      }
      const rt = this.load();
      const x = e instanceof rt.JobError ? e.explained : rt.explainError(e, target);
      notify.error(`Could not stop ${ref.name}: ${x.message}`, { detail: x.action });
    }
  }

  async stopJob(ref?: JobRef | JobRecord): Promise<void> {
    if (!vscode.workspace.isTrusted) return void notify.warning('Stopping SageMaker jobs needs a trusted workspace.');
    if (!ref) {
      const running = this.store.running();
      if (!running.length) return void notify.info('No SageMaker job started from this workspace is running.');
      const pick = await vscode.window.showQuickPick(running.map((r) => ({ label: r.name, description: `${r.kind} · ${r.status}${placeText(r)}`, detail: `${r.stateName}, started ${localTime(r.startedAt)}`, r })), { title: 'Stop which job?' });
      if (!pick) return;
      ref = pick.r;
    }
    await this.askStop(ref);
  }

  async showJobs(): Promise<void> {
    const all = this.store.all();
    if (!all.length) return void notify.info('No SageMaker job has been started from this workspace yet.');
    const pick = await vscode.window.showQuickPick(
      // The spinner only for a job that is still running and watched: a finished one has none, even before its notification is answered.
      all.map((r) => ({ label: `${this.watching.has(jobKey(r)) && !isTerminalStatus(r.status) ? '$(sync~spin) ' : ''}${r.name}`, description: `${r.kind} · ${r.status}${placeText(r)}`, detail: r.summary ?? `${r.stateName}, started ${localTime(r.startedAt)}`, r })),
      { title: 'SageMaker jobs of this workspace', matchOnDescription: true },
    );
    if (!pick) return;
    const running = !isTerminalStatus(pick.r.status);
    const action = await vscode.window.showQuickPick(
      [...(running ? ['Watch', 'Stop'] : ['Show Status']), ...(pick.r.maskedRequest == null ? [] : ['Open Request']), ...(pick.r.arn ? ['Copy ARN'] : [])].map((label) => ({ label })),
      { title: pick.r.name },
    );
    if (!action) return;
    if (action.label === 'Watch' || action.label === 'Show Status') {
      if (!vscode.workspace.isTrusted) return void notify.warning('Watching SageMaker jobs needs a trusted workspace.');
      await this.watch(pick.r, action.label === 'Watch');
    } else if (action.label === 'Stop') await this.stopJob(pick.r);
    else if (action.label === 'Open Request') await this.openJson(this.policy().maskRequest(pick.r.maskedRequest));
    else if (pick.r.arn) await vscode.env.clipboard.writeText(pick.r.arn);
  }
}

/** The account of the first IAM role ARN in a Task's payload or request (its RoleArn). */
function roleAccount(payload: unknown): string | undefined {
  return /arn:aws[a-z-]*:iam::(\d{12}):/.exec(JSON.stringify(payload) ?? '')?.[1];
}

/** What a launch goes to: the settings, the region of its $$ ARNs, its RoleArn's account, and whose the credentials are. */
interface LaunchTarget {
  settings: JobSettings;
  region: string | undefined;
  roleAccount: string | undefined;
  /** STS's answer; undefined for the emulator with placeholder credentials. */
  payer: Caller | undefined;
}

/** A role of another account than the credentials' (the job's), said on the Role line. */
function roleElsewhere(role: string, { payer }: LaunchTarget): string {
  const account = /^(?:arn:aws[a-z-]*:iam::)?(\d{12})(?::|$)/.exec(role)?.[1];
  return payer && 'account' in payer && account && account !== payer.account ? ` (account ${account}, not the credentials' account ${payer.account})` : '';
}

/**
 * Where the job runs and what that means, in words that are true for the endpoint in use; `account`: whose the
 * credentials are, as STS said (or why that is not known).
 */
function describeTarget({ settings: s, region, payer }: LaunchTarget): { text: string; cost: string; account?: string } {
  const credentials = s.profile ? `profile ${s.profile}` : 'the default AWS credential chain';
  const known = payer && 'account' in payer ? payer : undefined;
  const account = !payer ? undefined : known ? `${known.account}${known.arn ? ` (${known.arn})` : ''}` : `not known (${'problem' in payer ? payer.problem.message : ''})`;
  let endpoint: EndpointInfo | undefined;
  try {
    endpoint = classifyEndpoint(s.endpoint);
  } catch {
    endpoint = undefined;
  }
  if (endpoint?.kind === 'local') {
    return s.profile
      ? { text: `local endpoint ${shownEndpoint(s.endpoint!)} with the credentials of profile ${s.profile}`, cost: 'It runs on a local server, not in AWS.', account }
      : { text: `local emulator at ${shownEndpoint(s.endpoint!)} with placeholder credentials (none of yours are sent)`, cost: 'It runs on the local emulator: no AWS account is used and nothing is billed.' };
  }
  if (endpoint?.kind === 'other') {
    const what = consentReason(endpoint, s.profile);
    return { text: `endpoint ${shownEndpoint(s.endpoint!)} (${what}; from ${s.endpointSource ?? 'settings'}) with ${credentials}${region ? `, region ${region}` : ''}`, cost: `It runs at ${endpoint.host}, which receives your credentials.`, account };
  }
  return { text: `${region ?? 'no region set'}, ${credentials}${s.endpoint ? `, endpoint ${shownEndpoint(s.endpoint)}` : ''}`, cost: `It runs in ${known ? `AWS account ${known.account}` : 'your AWS account'} and costs money.`, account };
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
}

/** Where a job runs, after its kind and status in a list (its endpoint, else its region): two jobs of one name at two places told apart. */
function placeText(r: JobRecord): string {
  return r.endpoint ? ` · ${shownEndpoint(r.endpoint)}` : r.region ? ` · ${r.region}` : '';
}

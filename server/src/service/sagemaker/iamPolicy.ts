// The least-privilege IAM policy a state machine's role needs for its SageMaker tasks, as the Step Functions
// developer guide publishes it per integration ("IAM policies for Amazon SageMaker AI",
// https://docs.aws.amazon.com/step-functions/latest/dg/sagemaker-iam.html): sagemaker:Create… on the job, and
// Describe…/Stop… and AddTags for `.sync` (Step Functions tags the jobs it follows); sagemaker:ListTags; iam:PassRole on the task's role, passed to SageMaker only; and
// for `.sync` the EventBridge rule Step Functions manages to hear that the job ended. Resources are as narrow as
// the text allows: a literal job name gives `name*`, a name built from a literal prefix gives `prefix*`, anything
// else `*`; template placeholders (`${…}`) are kept as written for the template engine to fill. A pure function
// of the tasks: the CLI (`policy`) and the editor command print what it returns.
import { hasPlaceholder, isJsonata, scanPlaceholders } from '../expressions/index';
import { SAGEMAKER_INTEGRATIONS } from './integrations';
import { asWritten, INTRINSIC_PLACEHOLDER, sidOf, statesOf, str, type PolicyDocument, type PolicyOptions, type PolicyStatement } from '../asl/iamPolicy';
import { append, listOf } from '../core/append';

export type { PolicyDocument, PolicyOptions, PolicyStatement };

export interface PolicyTask {
  /** Step Functions' name of the API, e.g. createTrainingJob; with `sdk`, the AWS SDK integration's action, e.g. describeTrainingJob. */
  api: string;
  /** Called through the AWS SDK integration (arn:aws:states:::aws-sdk:sagemaker:…), not an optimized one. */
  sdk?: true;
  /** waitForTaskToken needs what requestResponse needs (the guide gives them one policy). */
  integrationPattern: 'sync' | 'requestResponse' | 'waitForTaskToken';
  /** The task's Parameters (or Arguments) as plain JSON. */
  payload: unknown;
  stateName: string;
  /**
   * A standalone job spec: the policy is what its launch from the editor (or `aws sagemaker create-…`) calls, not a
   * state machine's role: create, describe, stop, the job's logs (its CloudWatch log group), and the role it passes.
   */
  standalone?: { logGroup?: string };
}

/** SageMaker writes resource names in lowercase in its ARNs; placeholders keep their case for the template engine. */
function lowercaseOutsidePlaceholders(s: string): string {
  let out = '';
  let at = 0;
  for (const p of scanPlaceholders(s)) {
    out += s.slice(at, p.start).toLowerCase() + s.slice(p.start, p.end);
    at = p.end;
  }
  return out + s.slice(at).toLowerCase();
}

/**
 * The literal start of a name computed at run time, when the text shows one: States.Format('train-{}', …)
 * or JSONata {% 'train-' & … %}. Undefined when the name may start with anything.
 */
function literalPrefix(expression: string, jsonata: boolean): string | undefined {
  const m = jsonata
    ? /^\s*\{%\s*(['"])((?:(?!\1)[^\\]|\\.)*)\1\s*&/.exec(expression)
    : // A `{}` is the first argument's place; a template's `${Name}` stays as written (walk32: it was cut to `$`).
      /^\s*States\.Format\(\s*'((?:[^'\\{$]|\\.|\$\{[^}']*\}|\$(?!\{))*)/.exec(expression);
  if (!m) return undefined;
  const text = (jsonata ? m[2] : m[1]).replace(/\\(.)/g, '$1');
  return text || undefined;
}

/** The resource-name part of an ARN for a request member: exact, prefix*, or *. */
function namePattern(payload: unknown, member: string, prefix: boolean): string {
  const literal = str(payload, member);
  if (literal !== undefined && !isJsonata(literal)) {
    // An intrinsic's value is any text: a wildcard where it stands (after what the user wrote is made literal).
    const known = asWritten(literal).replace(INTRINSIC_PLACEHOLDER, '*');
    const name = (hasPlaceholder(known) ? lowercaseOutsidePlaceholders(known) : known.toLowerCase()) + (prefix ? '*' : '');
    return name.replace(/\*+/g, '*');
  }
  const computed = literal ?? str(payload, `${member}.$`);
  const start = computed === undefined ? undefined : literalPrefix(computed, literal !== undefined);
  return start === undefined ? '*' : `${lowercaseOutsidePlaceholders(asWritten(start).replace(INTRINSIC_PLACEHOLDER, '*'))}*`.replace(/\*+/g, '*');
}

/** The roles a request passes to SageMaker: literal ARNs and placeholders as written; `*` roles when computed. */
function rolesOf(payload: unknown, paths: string[], partition: string, account: string): string[] {
  const out: string[] = [];
  for (const path of paths) {
    let objects: unknown[] = [payload];
    const parts = path.split('.');
    const last = parts.pop()!;
    for (const part of parts) {
      const list = part.endsWith('[]');
      const name = list ? part.slice(0, -2) : part;
      objects = objects.flatMap((o) => {
        const v = o && typeof o === 'object' && !Array.isArray(o) ? (o as Record<string, unknown>)[name] : undefined;
        const computed = str(o, `${name}.$`) !== undefined || (typeof v === 'string' && isJsonata(v));
        if (computed) return [{ [`${last}.$`]: '$' }]; // a computed parent: its role is not knowable either
        if (v === undefined) return [];
        return list ? (Array.isArray(v) ? v : []) : [v];
      });
    }
    for (const o of objects) {
      const literal = str(o, last);
      if (literal !== undefined && !isJsonata(literal) && !literal.match(INTRINSIC_PLACEHOLDER)) out.push(asWritten(literal));
      else if (literal !== undefined || str(o, `${last}.$`) !== undefined) out.push(`arn:${partition}:iam::${account}:role/*`);
    }
  }
  return out;
}

const unique = <T>(xs: T[]): T[] => [...new Set(xs)];

/** Resources without those another covers (`training-job/churn-a*` under `training-job/*`), once each, in order. */
function narrowest(resources: readonly string[]): string[] {
  const all = unique([...resources]);
  const wild = all.filter((r) => r.endsWith('*'));
  return all.filter((r) => !wild.some((w) => w !== r && r.startsWith(w.slice(0, -1))));
}

/**
 * Statements of the same actions as one, its resources listed (without those another covers), named after every state
 * that needs it (walk38: a machine of six tasks had five PassRole statements for one role and CreateModel twice on
 * model/*; iam45: sixty tasks of four kinds made 65 statements and 17,780 characters, past what IAM takes).
 */
function byActions() {
  const jobs = new Map<string, { states: string[]; what: string; statement: Omit<PolicyStatement, 'Sid'> }>();
  return {
    /** The statement `state` (its sidOf) needs, `what` naming it after the states. */
    add(state: string, what: string, statement: Omit<PolicyStatement, 'Sid'>) {
      const key = JSON.stringify(statement.Action);
      const hit = jobs.get(key);
      if (!hit) jobs.set(key, { states: [state], what, statement: { ...statement, Resource: [...statement.Resource] } });
      else {
        hit.states.push(state);
        append(hit.statement.Resource, statement.Resource);
      }
    },
    get size() {
      return jobs.size;
    },
    /** The statements, each Sid made by `sid` of its states' names and its `what`. */
    statements(sid: (base: string) => string = (base) => base): PolicyStatement[] {
      return [...jobs.values()].map(({ states, what, statement }) => ({ Sid: sid(`${statesOf(states)}${what}`), ...statement, Resource: narrowest(statement.Resource) }));
    },
  };
}

/** The IAM policy document the state machine's role needs to run these SageMaker tasks (optimized and AWS SDK). */
export function iamPolicyFor(tasks: readonly PolicyTask[], options: PolicyOptions = {}): PolicyDocument {
  const partition = options.partition ?? 'aws';
  const region = options.region ?? '*';
  const account = options.account ?? '*';
  const jobs = byActions();
  const roles: string[] = [];
  const passers: string[] = [];
  const passRole = (state: string, passed: string[]) => {
    if (!passed.length) return;
    append(roles, passed);
    passers.push(state);
  };
  const rules = new Map<string, string[]>();
  const usedSids = new Set<string>();
  const sid = (base: string) => {
    let s = base;
    for (let i = 2; usedSids.has(s); i++) s = `${base}${i}`;
    usedSids.add(s);
    return s;
  };
  let optimized = false;
  for (const task of tasks) {
    const state = sidOf(task.stateName);
    if (task.sdk) {
      // The AWS SDK integration calls the API itself: its IAM action is the API's name (sagemaker:DescribeTrainingJob).
      // Which resources a call reaches is the API's to say, not the request's text: `*`. A role the request passes
      // (CreatePipeline's RoleArn, CreateModel's ExecutionRoleArn) needs iam:PassRole as the optimized calls do.
      const action = `${task.api.charAt(0).toUpperCase()}${task.api.slice(1)}`;
      jobs.add(state, action, { Effect: 'Allow', Action: [`sagemaker:${action}`], Resource: ['*'] });
      passRole(state, unique(rolesOf(task.payload, ['RoleArn', 'ExecutionRoleArn'], partition, account)));
      continue;
    }
    const integration = SAGEMAKER_INTEGRATIONS[task.api]?.policy;
    if (!integration) continue;
    const sync = task.integrationPattern === 'sync' && integration.syncActions.length > 0;
    // AddTags where the request sets Tags, and for every `.sync` job: Step Functions tags a job it runs to completion
    // (MANAGED_BY_AWS: STARTED_BY_STEP_FUNCTIONS) and the state fails with AccessDenied without it. The guide's page
    // does not list it; aws-cdk added it after users hit that failure (aws/aws-cdk#26012, #32294; PR #27264, #32536).
    const tagged = sync || (task.payload && typeof task.payload === 'object' && ('Tags' in task.payload || 'Tags.$' in task.payload));
    // A job spec's statements are its launch's (the editor's watches the job, may stop it and follows its logs:
    // walk38), named after no state.
    const owner = task.standalone ? '' : state;
    const api = `${task.api.charAt(0).toUpperCase()}${task.api.slice(1)}`;
    jobs.add(owner, api, {
      Effect: 'Allow',
      Action: [...integration.actions, ...(sync || task.standalone ? integration.syncActions : []), ...(tagged ? ['sagemaker:AddTags'] : [])],
      Resource: integration.resources.map((r) => `arn:${partition}:sagemaker:${region}:${account}:${r.type}/${namePattern(task.payload, r.nameMember, r.prefix)}`),
    });
    passRole(owner, unique(rolesOf(task.payload, integration.roles, partition, account)));
    if (task.standalone) {
      const { logGroup } = task.standalone;
      if (logGroup) jobs.add('', `${api.replace(/^Create/, 'Read')}Logs`, { Effect: 'Allow', Action: ['logs:DescribeLogStreams', 'logs:GetLogEvents'], Resource: [`arn:${partition}:logs:${region}:${account}:log-group:${logGroup}:*`] });
      continue;
    }
    optimized = true;
    if (sync && integration.syncRule) listOf(rules, integration.syncRule).push(state);
  }
  if (!jobs.size) return { Version: '2012-10-17', Statement: [] };
  const named = (states: string[], what: string) => sid(`${statesOf(states)}${what}`);
  const statements: PolicyStatement[] = [
    ...jobs.statements(sid),
    ...(optimized ? [{ Sid: sid('SageMakerListTags'), Effect: 'Allow' as const, Action: ['sagemaker:ListTags'], Resource: ['*'] }] : []),
    ...(roles.length
      ? [{ Sid: named(passers, 'PassRole'), Effect: 'Allow' as const, Action: ['iam:PassRole'], Resource: unique(roles), Condition: { StringEquals: { 'iam:PassedToService': 'sagemaker.amazonaws.com' } } }]
      : []),
    ...[...rules].map(([rule, states]) => ({
      Sid: sid(`${statesOf(states)}${rule.replace(/^StepFunctionsGetEventsForSageMaker(\w*)(?:Rule|\*)$/, '$1')}Events`),
      Effect: 'Allow' as const,
      Action: ['events:PutTargets', 'events:PutRule', 'events:DescribeRule'],
      Resource: [`arn:${partition}:events:${region}:${account}:rule/${rule}`],
    })),
  ];
  return { Version: '2012-10-17', Statement: statements };
}

/** A call of the SageMaker Runtime API through the AWS SDK integration (arn:aws:states:::aws-sdk:sagemakerruntime:invokeEndpoint). */
export interface RuntimeCall {
  /** The SDK integration's action: invokeEndpoint, invokeEndpointAsync, invokeEndpointWithResponseStream. */
  action: string;
  payload: unknown;
  stateName: string;
  /** The Task's Resource, for the partition it names. */
  resource: string;
}

/**
 * What SageMaker Runtime calls need: the action of the API's name (sagemaker:InvokeEndpoint, the IAM prefix of the
 * Runtime API too) on the endpoint the request names (its ARN writes the name in lowercase; any endpoint when the
 * name is computed). One statement an action, its endpoints listed.
 */
export function runtimeStatements(calls: readonly RuntimeCall[], options: PolicyOptions = {}): PolicyStatement[] {
  const partition = options.partition ?? 'aws';
  const region = options.region ?? '*';
  const account = options.account ?? '*';
  const jobs = byActions();
  for (const call of calls) {
    // InvokeEndpointWithResponseStream is allowed by sagemaker:InvokeEndpoint ("your IAM permissions must allow the
    // sagemaker:InvokeEndpoint action", its API reference): no IAM action of its own.
    const name = call.action === 'invokeEndpointWithResponseStream' ? 'InvokeEndpoint' : `${call.action.charAt(0).toUpperCase()}${call.action.slice(1)}`;
    jobs.add(sidOf(call.stateName), name, { Effect: 'Allow', Action: [`sagemaker:${name}`], Resource: [`arn:${partition}:sagemaker:${region}:${account}:endpoint/${namePattern(call.payload, 'EndpointName', false)}`] });
  }
  return jobs.statements();
}

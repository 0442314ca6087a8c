// Step Functions' optimized integrations: the `arn:aws:states:::service:action` a Task may name, with the integration
// patterns each action supports (schemas/step-functions-integrations.json, each service's list quoted from its page
// of the developer guide). Step Functions refuses any other when the state machine is created ("SCHEMA_VALIDATION_FAILED:
// The resource provided arn:aws:states:::dynamodb:query is not recognized. The value is not a valid resource ARN, or
// the resource is not available in this region.", recorded against AWS in LocalStack's test_invalid_integration).
// The caller may leave a service's to another module (validation.ts: SageMaker's to sagemaker/, with its request);
// the AWS SDK integration's suffixes are validateStructure.ts's.
import table from '../../../../schemas/step-functions-integrations.json';
import { closest, isObviousMatch, list } from '../core/text';

export type Pattern = 'request-response' | 'sync' | 'sync:2' | 'waitForTaskToken';

interface Service {
  service: string;
  page: string;
  quote: string;
  actions: Record<string, Pattern[]>;
  /** Patterns the guide's pages disagree on: accepted (a diagnostic is a promise). */
  uncertain?: Record<string, Pattern[]>;
}

/**
 * An integration's Resource read: `arn:<partition>:states:::<service>:<action><suffix>`, the AWS SDK's as
 * `…:::aws-sdk:<sdkService>:<action><suffix>`. The partition is AWS's (`aws`, `aws-cn`, `aws-us-gov`, …) or a
 * template's `${…}` (`${AWS::Partition}`); region and account are empty. The action runs to the first `.` or `:`;
 * the suffix is the rest (`.sync`, `.waitForTaskToken`, `.sync:2`, or anything else written there, to be judged).
 * Every module that asks which integration a Task names reads it here (the review of session 41: five patterns
 * disagreed on the partition, and a SAM template's `!Sub arn:${AWS::Partition}:states:::s3:getObject` lost its
 * IAM statement). Read by hand, in one pass: a long Resource costs its length.
 */
export interface IntegrationArn {
  partition: string;
  service: string;
  /** The AWS SDK integration's service (`sagemaker` of `aws-sdk:sagemaker:createModel`). */
  sdkService?: string;
  action: string;
  suffix: string;
}

export function parseIntegrationArn(arn: string | undefined): IntegrationArn | undefined {
  if (!arn?.startsWith('arn:')) return undefined;
  let at = 4;
  if (arn.startsWith('${', at)) {
    const close = arn.indexOf('}', at);
    if (close < 0) return undefined;
    at = close + 1;
  } else {
    while (at < arn.length && ((arn[at] >= 'a' && arn[at] <= 'z') || arn[at] === '-')) at++;
    if (!arn.startsWith('aws', 4)) return undefined;
  }
  const partition = arn.slice(4, at);
  if (!arn.startsWith(':states:::', at)) return undefined;
  const fields = arn.slice(at + ':states:::'.length);
  const sdk = fields.startsWith('aws-sdk:');
  const rest = sdk ? fields.slice('aws-sdk:'.length) : fields;
  const colon = rest.indexOf(':');
  if (colon <= 0) return undefined;
  const service = rest.slice(0, colon);
  const tail = rest.slice(colon + 1);
  let end = 0;
  while (end < tail.length && tail[end] !== '.' && tail[end] !== ':') end++;
  if (end === 0) return undefined;
  return { partition, service: sdk ? 'aws-sdk' : service, ...(sdk ? { sdkService: service } : {}), action: tail.slice(0, end), suffix: tail.slice(end) };
}

const SERVICES = new Map((table.services as unknown as Service[]).map((s) => [s.service, s]));

/** The optimized integrations' services, for completion and messages. */
export const optimizedServices = (): string[] => [...SERVICES.keys()];

/** The actions an optimized service integrates and the patterns of each, if it is one. */
export const optimizedActions = (service: string): Readonly<Record<string, Pattern[]>> | undefined => SERVICES.get(service)?.actions;

const PATTERN_TEXT: Record<Pattern, string> = { 'request-response': 'request-response', sync: '.sync', 'sync:2': '.sync:2', waitForTaskToken: '.waitForTaskToken' };

/** What Step Functions refuses in `service:action[.pattern]`, and the resource part to write instead when one is obvious. */
export interface IntegrationProblem {
  message: string;
  /** The `service:action[.pattern]` meant, when one close name is the obvious answer. */
  replacement?: string;
}

/**
 * Judges the part of an optimized integration's ARN after `states:::` (`lambda:invoke.waitForTaskToken`,
 * `states:startExecution.sync:2`). Undefined when Step Functions integrates it so, when it is the AWS SDK
 * integration (no optimized one), or when its service is one of `checkedElsewhere` (another module judges it).
 */
export function judgeIntegration(written: string, checkedElsewhere: ReadonlySet<string> = new Set()): IntegrationProblem | undefined {
  const colon = written.indexOf(':');
  if (colon <= 0) return undefined;
  const serviceName = written.slice(0, colon);
  if (serviceName === 'aws-sdk' || checkedElsewhere.has(serviceName)) return undefined;
  const rest = written.slice(colon + 1);
  const dot = rest.indexOf('.');
  const action = dot < 0 ? rest : rest.slice(0, dot);
  const suffix = dot < 0 ? undefined : rest.slice(dot + 1);
  const pattern = suffix === undefined ? 'request-response' : patternOf(suffix);
  const sdk = 'the AWS SDK integration (arn:aws:states:::aws-sdk:service:action)';
  const service = SERVICES.get(serviceName);
  if (!service) {
    const near = nearest(serviceName, SERVICES.keys());
    const meant = near.length === 1 && optimizedActions(near[0])?.[action] ? `${near[0]}:${rest}` : undefined;
    return {
      message: `The resource provided is not recognized: ${serviceName} is not a service Step Functions integrates directly${near.length ? ` (did you mean ${list(near, 'or')}?)` : ''}, so it refuses this resource when the state machine is created. Its optimized integrations are ${list(optimizedServices().sort())}; call any other AWS API through ${sdk}`,
      ...(meant ? { replacement: meant } : {}),
    };
  }
  const patterns = service.actions[action];
  if (!patterns) {
    const actions = Object.keys(service.actions);
    const near = nearest(action, actions);
    // The close action with the pattern as written; none when that action does not have the pattern (a fix that
    // quietly made a callback task request-response would change what it does).
    const keeps = near.length === 1 && pattern !== undefined && (service.actions[near[0]].includes(pattern) || !!service.uncertain?.[near[0]]?.includes(pattern));
    const meant = keeps ? `${serviceName}:${near[0]}${suffix === undefined ? '' : `.${suffix}`}` : undefined;
    return {
      message: `The resource provided is not recognized: ${serviceName}:${action} is not an optimized integration${near.length ? ` (did you mean ${list(near.map((a) => `${serviceName}:${a}`), 'or')}?)` : ''}, so Step Functions refuses it when the state machine is created. Its ${serviceName} integrations are ${list(actions)}; call another ${serviceName} API through ${sdk}`,
      ...(meant ? { replacement: meant } : {}),
    };
  }
  if (pattern && (patterns.includes(pattern) || service.uncertain?.[action]?.includes(pattern))) return undefined;
  const supported = list(patterns.map((p) => PATTERN_TEXT[p]), 'and');
  const what = suffix === undefined ? 'request-response' : `.${suffix}`;
  // ".sync" where only ".sync:2" is, or the reverse: the one that is; else the action as a request-response call
  // (offered, never applied: the pattern meant is the user's to choose).
  const sync = pattern === 'sync' || pattern === 'sync:2' ? patterns.find((p) => p === 'sync' || p === 'sync:2') : undefined;
  const instead = sync ?? (patterns.includes('request-response') ? 'request-response' : patterns[0]);
  return {
    message: `The resource provided is not recognized: ${serviceName}:${action} does not support ${what}${pattern ? '' : ' (no integration pattern of that name: .sync, .sync:2 or .waitForTaskToken)'}; Step Functions integrates it as ${supported}, and refuses any other pattern when the state machine is created`,
    ...(instead ? { replacement: `${serviceName}:${action}${instead === 'request-response' ? '' : `.${instead}`}` } : {}),
  };
}

/** The names close to `word`: the one obvious answer alone (the same name in another case, or one strictly closest), else the close ones. */
function nearest(word: string, names: Iterable<string>): string[] {
  const all = [...names];
  const sameLetters = all.find((n) => n.toLowerCase() === word.toLowerCase());
  if (sameLetters) return [sameLetters];
  const near = closest(word, all);
  return isObviousMatch(word, near) ? near.slice(0, 1) : near;
}

function patternOf(suffix: string): Pattern | undefined {
  return suffix === 'sync' || suffix === 'sync:2' || suffix === 'waitForTaskToken' ? suffix : undefined;
}

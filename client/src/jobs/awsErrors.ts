// What went wrong when talking to AWS, in the user's terms, and what to do about it. The watcher also uses the
// classification to decide whether to retry (throttling, 5xx, network, expired credentials) or give up.
import { redact } from './mask';
import { ANSWER_TOO_LARGE, ANSWER_TOO_LARGE_MESSAGE, MAX_ANSWER_BYTES, shownEndpoint } from './endpoint';

export type ErrorKind =
  | 'missingCredentials'
  | 'expiredCredentials'
  | 'invalidCredentials'
  | 'accessDenied'
  | 'validation'
  | 'resourceLimit'
  | 'resourceInUse'
  | 'notFound'
  | 'throttling'
  | 'serverError'
  | 'noRegion'
  | 'network'
  | 'badAnswer'
  | 'other';

export interface ExplainedError {
  kind: ErrorKind;
  /** One line: what went wrong. */
  message: string;
  /** What the user can do. */
  action: string;
  /** Worth retrying the same call later without changing anything. */
  retryable: boolean;
  /** The AWS error code or Node error code, when there is one. */
  code?: string;
}

export interface ErrorSettings {
  profile?: string;
  region?: string;
  endpoint?: string;
  operation?: string;
  /** The service called, in the user's words; SageMaker unless said otherwise. */
  service?: string;
  /** The call is not made again (its retries, if any, are spent): no action says it is being retried. */
  final?: boolean;
  /** Where the settings come from (endpoint.ts ClientSettings): the actions name the editor's settings or the CLI's options. */
  surface?: 'editor' | 'cli';
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNABORTED', 'UND_ERR_SOCKET']);
const THROTTLING = new Set(['ThrottlingException', 'Throttling', 'ThrottledException', 'TooManyRequestsException', 'RequestLimitExceeded', 'ProvisionedThroughputExceededException', 'SlowDown', 'RequestThrottled', 'RequestThrottledException']);
const EXPIRED = new Set(['ExpiredTokenException', 'ExpiredToken', 'RequestExpired', 'TokenRefreshRequired']);
const INVALID = new Set(['UnrecognizedClientException', 'InvalidClientTokenId', 'InvalidSignatureException', 'SignatureDoesNotMatch', 'IncompleteSignature', 'MissingAuthenticationToken']);

/** What to do about a job name that is taken (the start's refusal, or the check before the confirmation). */
const EXISTING_JOB_ACTION = 'Watch the existing job, or change the job name (for example with States.Format and $$.Execution.Name).';

export function explainError(error: unknown, s: ErrorSettings = {}): ExplainedError {
  const e = (error ?? {}) as { name?: string; code?: string; message?: string; $metadata?: { httpStatusCode?: number }; cause?: { code?: string } };
  const name = e.name ?? '';
  const code = e.code ?? e.cause?.code ?? '';
  const text = redact(String(e.message ?? error));
  const status = e.$metadata?.httpStatusCode;
  const profile = s.profile ? `profile "${s.profile}"` : 'the default credential chain';
  const op = s.operation ?? 'the SageMaker call';
  const service = s.service ?? 'SageMaker';
  const where = s.endpoint ? shownEndpoint(s.endpoint) : `${service} in ${s.region ?? 'the configured region'}`;
  // What to do about a failure worth retrying: wait, unless the call is final.
  const retried = s.final ? 'Try again in a moment.' : 'Nothing to do: the request is retried with backoff.';
  // What to change, in the words of where the settings come from (walk40: lint --aws told a terminal user to set
  // sagemakerAsl.aws.region).
  const cli = s.surface === 'cli';
  const setting = { region: cli ? '--region' : 'sagemakerAsl.aws.region', profile: cli ? '--profile' : 'the setting sagemakerAsl.aws.profile', endpoint: cli ? '--endpoint' : 'sagemakerAsl.aws.endpoint' };

  // First: an answer cut at the limit may carry any status (a 403 or 503 of 400 MB), and the SDK may wrap it in a
  // deserialization error; what it says is the endpoint's problem, not the credentials' or AWS's.
  if (name === ANSWER_TOO_LARGE || text.includes(ANSWER_TOO_LARGE_MESSAGE)) {
    return { kind: 'badAnswer', code: ANSWER_TOO_LARGE, retryable: false, message: `${where} answered ${op} with more than ${MAX_ANSWER_BYTES / 1024 / 1024} MiB, far more than AWS ever does: the answer was not read.`,
      action: `Check the endpoint (${setting.endpoint}, or an endpoint_url in the AWS configuration): it is no AWS service, or not a working one.` };
  }
  if (name === 'CredentialsProviderError' || /could not load credentials|unable to load credentials|profile .{0,256}? could not be found/i.test(text)) {
    return { kind: 'missingCredentials', code: name, retryable: false, message: `No AWS credentials found (${profile}): ${text}`,
      action: `Configure credentials (aws configure, or aws sso login${s.profile ? ` --profile ${s.profile}` : ''}), or choose a profile with ${setting.profile}.` };
  }
  if (EXPIRED.has(name) || /security token included in the request is expired|token has expired|expired token/i.test(text)) {
    return { kind: 'expiredCredentials', code: name, retryable: true, message: `The AWS credentials of ${profile} have expired.`,
      action: `Refresh them (aws sso login${s.profile ? ` --profile ${s.profile}` : ''}, or renew your session); watching resumes by itself once they work again.` };
  }
  if (INVALID.has(name)) {
    return { kind: 'invalidCredentials', code: name, retryable: false, message: `AWS rejected the credentials of ${profile}: ${text}`,
      action: `Check the access key and secret of that profile, or pick another profile with ${setting.profile}.` };
  }
  if (/region is missing/i.test(text)) {
    return { kind: 'noRegion', code: name, retryable: false, message: 'No AWS region is configured.',
      action: `Set ${setting.region}, or a region in your AWS profile (~/.aws/config), or AWS_REGION.` };
  }
  if (name === 'AccessDeniedException' || name === 'AccessDenied' || status === 403) {
    return { kind: 'accessDenied', code: name, retryable: false, message: `Access denied for ${op}: ${text}`,
      action: `Your identity needs permission for ${op}${service === 'SageMaker' ? " (and iam:PassRole on the job's RoleArn)" : ''}; ask your AWS administrator or use another profile.` };
  }
  if (name === 'ValidationException') {
    return { kind: 'validation', code: name, retryable: false, message: `${service} rejected the request: ${text}`,
      action: cli ? 'Fix the value in the state machine.' : 'Fix the value in the state machine or the execution input; the resolved request is kept so you can open it and retry.' };
  }
  if (name === 'ResourceLimitExceeded') {
    return { kind: 'resourceLimit', code: name, retryable: false, message: `A SageMaker quota is exhausted: ${text}`,
      action: 'Wait for running jobs to finish, use another instance type or fewer instances, or request a quota increase in Service Quotas.' };
  }
  if (name === 'ResourceInUse') {
    return { kind: 'resourceInUse', code: name, retryable: false, message: `A job with this name already exists: ${text}`, action: EXISTING_JOB_ACTION };
  }
  if (name === 'ResourceNotFound' || name === 'ResourceNotFoundException' || /requested resource not found/i.test(text)) {
    return { kind: 'notFound', code: name, retryable: false, message: `Not found: ${text}`, action: 'Check the job name, the region and the account (profile).' };
  }
  if (THROTTLING.has(name) || status === 429) {
    return { kind: 'throttling', code: name, retryable: true, message: `AWS is throttling the requests (${name || status}).`, action: retried };
  }
  if ((status !== undefined && status >= 500) || ['InternalFailure', 'ServiceUnavailable', 'InternalServerError'].includes(name)) {
    return { kind: 'serverError', code: name, retryable: true, message: `AWS answered with a server error (${name || status}).`, action: retried };
  }
  if (NETWORK_CODES.has(code) || NETWORK_CODES.has(name) || name === 'TimeoutError' || name === 'RequestTimeout' || /socket hang up|ECONNRESET|ECONNREFUSED|timed? ?out|network|connect/i.test(text)) {
    // AWS's own host name that does not resolve: most often a region that does not exist (walk32: "us-eest-1").
    const region = (code === 'ENOTFOUND' || name === 'ENOTFOUND') && !s.endpoint ? `the region${s.region ? ` (${s.region})` : ''} in ${setting.region} or the profile, then ` : '';
    return { kind: 'network', code: code || name, retryable: true, message: `Cannot reach ${where}: ${text}`,
      action: `Check ${region}the network, VPN or proxy, and ${cli ? 'the option --endpoint' : 'the setting sagemakerAsl.aws.endpoint'}${s.final ? '.' : '; requests are retried with backoff.'}` };
  }
  // An answer that is no AWS error at all (a web server's 404 page, an empty body): the SDK can only call it
  // UnknownError. What the user needs to know is who answered, and how.
  // Only for an endpoint of the user's (AWS itself, or a proxy before it, is no such server), and not for a 2xx
  // answer, after which the call may have done its work.
  if (s.endpoint && status !== undefined && status >= 300 && (name === 'UnknownError' || name === '' || /^UnknownError$|deserializ/i.test(text))) {
    return { kind: 'badAnswer', code: name || String(status), retryable: false, message: `${where} answered ${op} with HTTP ${status} and no AWS error in its body: it does not speak ${service}'s API.`,
      action: `Check the endpoint (${setting.endpoint}, or an endpoint_url in the AWS configuration): it is no AWS service, or not the one this call needs.` };
  }
  return { kind: 'other', code: name || code || undefined, retryable: false, message: text, action: cli ? '' : 'See the SageMaker Jobs output for details.' };
}

/** An error the runner throws, carrying the explanation. */
export class JobError extends Error {
  constructor(readonly explained: ExplainedError, readonly cause?: unknown) {
    super(`${explained.message} ${explained.action}`);
    this.name = 'JobError';
  }
}

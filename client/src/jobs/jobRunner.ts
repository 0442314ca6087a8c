// Starts, watches and stops SageMaker jobs (the kinds of server/src/jobKinds.ts) with the AWS SDK. No VS Code here: the
// commands drive it, and the tests drive it against the local emulator.
//
// Safety: a job is created at most once per name (an in-flight guard, and after a failure whose outcome is
// unknown — dropped connection, 5xx — the job is looked up before trying again); watching survives
// throttling, server errors, dropped connections and expired credentials by retrying with backoff.
import { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { CloudWatchLogsClient, DescribeLogStreamsCommand, GetLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { JOB_KINDS, isTerminalStatus, logStreamsOf, type JobKind } from '../../../server/src/jobKinds';
import { classifyEndpoint, clientSettings, guardDestination, isLocalEndpoint } from './endpoint';
import { JOB_APIS, type JobDescription, type JobDescribeResponse, type StatusTransition } from './jobApis';
import { jobKey } from './jobStore';
import { explainError, JobError, type ExplainedError } from './awsErrors';

export type { JobKind, StatusTransition, JobDescription, JobDescribeResponse };
export { isLocalEndpoint };

/** Whose the credentials are (STS GetCallerIdentity), or why that is not known. */
export type Caller = { account: string; arn: string } | { problem: ExplainedError };

export interface JobRef {
  kind: JobKind;
  name: string;
}

export interface AwsSettings {
  region?: string;
  profile?: string;
  /** One endpoint for SageMaker and CloudWatch Logs (the local emulator serves both). */
  endpoint?: string;
  /** Explicit credentials (tests); otherwise the profile or the default credential chain. */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  /** Per-request timeout. Default 30 s. */
  requestTimeoutMs?: number;
}

export interface RetryPolicy {
  /** First backoff delay; doubles up to maxMs. */
  baseMs: number;
  maxMs: number;
  /** Consecutive failed polls after which watching gives up (the job keeps running; watch it again later). */
  maxConsecutiveErrors: number;
  /** Attempts at creating a job before giving up. */
  createAttempts: number;
}

const DEFAULT_RETRY: RetryPolicy = { baseMs: 1000, maxMs: 60_000, maxConsecutiveErrors: 20, createAttempts: 4 };

export interface LogLine {
  stream: string;
  timestamp: Date;
  message: string;
}

export interface JobSummary extends Omit<JobDescription, 'transitions'> {
  ref: JobRef;
}

export interface WatchHandlers {
  /**
   * Each description of the job as SageMaker answered it and as read, before its transitions and log lines are
   * reported (what it was given, to mask; whether it had ended when the watch began).
   */
  onDescribe?(response: JobDescribeResponse, description: JobDescription): void;
  onTransition?(t: StatusTransition): void;
  onLog?(line: LogLine): void;
  onStatus?(status: string): void;
  /** A request failed and will be retried after delayMs. */
  onRetry?(error: ExplainedError, delayMs: number, consecutive: number): void;
  /** The first successful poll after failures. */
  onRecovered?(): void;
}

export interface WatchOptions {
  pollMs: number;
  signal?: AbortSignal;
}

export type StartResult =
  | { outcome: 'started'; ref: JobRef; arn: string; /** Found after a failure whose outcome was unknown. */ recovered?: boolean; /** Another start of the same job was already under way; this is its result. */ deduplicated?: boolean }
  | { outcome: 'exists'; ref: JobRef; explained: ExplainedError; deduplicated?: boolean };


/** Starts of the same job under way in this process, so a double click or a retry does not race. */
const inFlight = new Map<string, Promise<StartResult>>();

function jobNameOf(kind: JobKind, request: Record<string, unknown>): string {
  const field = JOB_KINDS[kind].nameField;
  const name = request[field];
  if (typeof name !== 'string' || !name) throw new JobError({ kind: 'validation', retryable: false, message: `The request has no ${field}.`, action: `Add the job name to the Task (for example "${field}.$": "$$.Execution.Name").` });
  return name;
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });

export class JobRunner {
  private sageMaker?: SageMakerClient;
  private logs?: CloudWatchLogsClient;

  constructor(readonly settings: AwsSettings, readonly retry: RetryPolicy = DEFAULT_RETRY) {}

  private config() {
    const s = this.settings;
    return {
      // Placeholder credentials for a local endpoint (endpoint.ts).
      ...clientSettings(s),
      // Retries are ours (watch loop, create-then-check), so one attempt per SDK call.
      maxAttempts: 1,
      requestHandler: { requestTimeout: s.requestTimeoutMs ?? 30_000, connectionTimeout: Math.min(s.requestTimeoutMs ?? 10_000, 10_000), throwOnRequestTimeout: true },
    };
  }

  /**
   * The service's clock less ours (ms), from the Date header of SageMaker's last answer: a job's CreationTime is read
   * on the service's clock. SigV4 takes up to 5 minutes of skew, so a local clock 2 minutes fast is no rarity (a VM
   * after sleep), and read on ours the job a lost answer had created looked older than the launch (the review of the
   * day: "already exists, no new job was started" of the job it had just started).
   */
  private serverOffset = 0;

  private get sm(): SageMakerClient {
    if (!this.sageMaker) {
      guardDestination((this.sageMaker = new SageMakerClient(this.config())), this.settings);
      const clock = (next: (args: unknown) => Promise<{ response?: unknown }>) => async (args: unknown) => {
        const out = await next(args);
        const date = (out.response as { headers?: Record<string, string | undefined> } | undefined)?.headers?.date;
        const at = date === undefined ? NaN : Date.parse(date);
        // Within a day: a skew the SDK itself corrects when signing (past 5 minutes) is believed, but a Date header
        // of another year ("0" parses as 2000) would make every older job of the name this launch's.
        if (Number.isFinite(at) && Math.abs(at - Date.now()) <= 24 * 3600_000) this.serverOffset = at - Date.now();
        return out;
      };
      this.sageMaker.middlewareStack.add(clock as never, { step: 'deserialize', name: 'sagemakerAslServerClock' } as never);
    }
    return this.sageMaker;
  }

  private get cwl(): CloudWatchLogsClient {
    if (!this.logs) guardDestination((this.logs = new CloudWatchLogsClient(this.config())), this.settings);
    return this.logs;
  }

  /**
   * The region the SDK sends to: regionOf's answer, else the profile's region from ~/.aws/config (read, no
   * request made); undefined when there is none (a call would fail with "Region is missing").
   */
  async region(): Promise<string | undefined> {
    try {
      return await this.sm.config.region();
    } catch {
      return undefined;
    }
  }

  /**
   * Why no request could be signed, said before one is made (walk32: a profile that does not exist was found out only
   * after the confirmation): the credentials of the profile, or of the default chain, resolved. No request goes to
   * SageMaker or the endpoint; resolving may call AWS STS or IAM Identity Center, or run the profile's
   * credential_process, as every AWS tool does. Undefined when they resolve.
   */
  async credentialsProblem(): Promise<ExplainedError | undefined> {
    try {
      await this.sm.config.credentials();
      return undefined;
    } catch (e) {
      return explainError(e, { ...this.settings, final: true });
    }
  }

  /**
   * Whose the credentials are, for the confirmation's "which account pays": STS GetCallerIdentity, which every
   * identity may call (no IAM permission). It goes to STS's own AWS endpoint when the jobs go to AWS, else to the
   * endpoint set (LocalStack and the emulator answer STS there, and the user agreed to send credentials to it).
   * At most `timeoutMs`, one attempt; a failure is said, not thrown: the launch goes on without the account.
   */
  async caller(timeoutMs = 5_000): Promise<Caller> {
    let toAws: boolean;
    try {
      toAws = (classifyEndpoint(this.settings.endpoint)?.kind ?? 'aws') === 'aws';
    } catch (e) {
      return { problem: explainError(e, this.settings) };
    }
    const settings = toAws ? { ...this.settings, endpoint: undefined } : this.settings;
    const sts = new STSClient({ ...clientSettings(settings), maxAttempts: 1, requestHandler: { requestTimeout: timeoutMs, connectionTimeout: timeoutMs, throwOnRequestTimeout: true } });
    guardDestination(sts, settings);
    try {
      const out = await sts.send(new GetCallerIdentityCommand({}), { abortSignal: AbortSignal.timeout(timeoutMs) });
      if (typeof out.Account !== 'string' || !/^\d{12}$/.test(out.Account)) return { problem: { kind: 'badAnswer', code: '', retryable: false, message: 'STS did not answer with an account ID', action: '' } };
      return { account: out.Account, arn: typeof out.Arn === 'string' ? out.Arn.slice(0, 2048) : '' };
    } catch (e) {
      return { problem: explainError(e, { ...settings, operation: 'sts:GetCallerIdentity', service: 'STS', final: true }) };
    } finally {
      sts.destroy();
    }
  }

  /** Drops the clients so the next call resolves credentials again (after they expired). */
  private renewClients(): void {
    this.sageMaker?.destroy();
    this.logs?.destroy();
    this.sageMaker = this.logs = undefined;
  }

  dispose(): void {
    this.renewClients();
  }

  private explain(e: unknown, operation: string): ExplainedError {
    return explainError(e, { ...this.settings, operation });
  }

  private backoff(attempt: number): number {
    const exp = Math.min(this.retry.maxMs, this.retry.baseMs * 2 ** Math.max(0, attempt - 1));
    return Math.round(exp / 2 + (Math.random() * exp) / 2);
  }

  /** Creates the job once. Returns `exists` when a job of that name was already there (offer to watch it). */
  start(kind: JobKind, request: Record<string, unknown>): Promise<StartResult> {
    const ref = { kind, name: jobNameOf(kind, request) };
    // One job: its name where it runs, the profile's account included (two profiles' starts are two jobs).
    const key = jobKey({ ...ref, endpoint: this.settings.endpoint, region: this.settings.region, profile: this.settings.profile });
    const running = inFlight.get(key);
    if (running) return running.then((r) => ({ ...r, deduplicated: true }));
    const started = this.create(ref, request).finally(() => inFlight.delete(key));
    inFlight.set(key, started);
    return started;
  }

  private async create(ref: JobRef, request: Record<string, unknown>): Promise<StartResult> {
    const api = JOB_APIS[ref.kind];
    const operation = `sagemaker:${JOB_KINDS[ref.kind].operations.create}`;
    const firstTry = Date.now();
    let outcomeUnknown = false;
    // After a failure whose outcome is unknown, a job of this name created since we first tried is ours.
    const ours = async (): Promise<string | undefined> => {
      try {
        const d = api.read(await this.describe(ref));
        // On the service's clock (serverOffset, measured by this very answer): since a minute before the first try.
        const created = d.creationTime?.getTime() ?? 0;
        return created >= firstTry + this.serverOffset - 60_000 ? d.arn : undefined;
      } catch {
        return undefined;
      }
    };
    for (let attempt = 1; ; attempt++) {
      try {
        const out = await api.create(this.sm, request);
        return { outcome: 'started', ref, arn: out ?? '', recovered: outcomeUnknown || undefined };
      } catch (e) {
        const x = this.explain(e, operation);
        if (x.kind === 'resourceInUse') {
          const arn = outcomeUnknown ? await ours() : undefined;
          return arn ? { outcome: 'started', ref, arn, recovered: true } : { outcome: 'exists', ref, explained: x };
        }
        if (!x.retryable || attempt >= this.retry.createAttempts) throw new JobError(x, e);
        if (x.kind === 'expiredCredentials') this.renewClients();
        // Throttling and expired credentials were refused before any work; a 5xx or a lost connection may not have been.
        if (x.kind === 'network' || x.kind === 'serverError') outcomeUnknown = true;
        await sleep(this.backoff(attempt));
        if (outcomeUnknown) {
          const arn = await ours();
          if (arn) return { outcome: 'started', ref, arn, recovered: true };
        }
      }
    }
  }

  /** The job as SageMaker describes it (DescribeTrainingJob, DescribeTransformJob…). */
  describe(ref: JobRef): Promise<JobDescribeResponse> {
    return JOB_APIS[ref.kind].describe(this.sm, ref.name);
  }

  /** The job's status now, or undefined when it cannot be read. */
  async statusOf(ref: JobRef): Promise<string | undefined> {
    try {
      return JOB_APIS[ref.kind].read(await this.describe(ref)).status;
    } catch {
      return undefined;
    }
  }

  /** Asks SageMaker to stop the job; it then goes Stopping → Stopped (watch to see it). */
  async stop(ref: JobRef): Promise<void> {
    const operation = `sagemaker:${JOB_KINDS[ref.kind].operations.stop}`;
    for (let attempt = 1; ; attempt++) {
      try {
        return await JOB_APIS[ref.kind].stop(this.sm, ref.name);
      } catch (e) {
        const x = this.explain(e, operation);
        if (!x.retryable || attempt >= this.retry.createAttempts) throw new JobError(x, e);
        if (x.kind === 'expiredCredentials') this.renewClients();
        await sleep(this.backoff(attempt));
      }
    }
  }

  /**
   * Polls the job until it ends, reporting each new status transition and log line once. Returns the summary,
   * or undefined when the signal aborted the watch (the job keeps running).
   */
  async watch(ref: JobRef, handlers: WatchHandlers, options: WatchOptions): Promise<JobSummary | undefined> {
    const seen = new Map<string, string>(); // transition key → message reported
    const tail = new LogTail(() => this.cwl, JOB_KINDS[ref.kind].logGroup, logStreamsOf(ref.kind, ref.name));
    const api = JOB_APIS[ref.kind];
    let failures = 0;
    let lastStatus: string | undefined;
    const { signal } = options;
    // A poll interval that is not a sane number (a string, NaN, days) would poll hundreds of times a second.
    const pollMs = Number.isFinite(options.pollMs) ? Math.min(300_000, Math.max(1, options.pollMs)) : 15_000;
    while (!signal?.aborted) {
      let response: JobDescribeResponse;
      try {
        response = await this.describe(ref);
      } catch (e) {
        const x = this.explain(e, `sagemaker:${JOB_KINDS[ref.kind].operations.describe}`);
        failures++;
        if (!x.retryable || failures > this.retry.maxConsecutiveErrors) throw new JobError(x, e);
        if (x.kind === 'expiredCredentials') this.renewClients();
        const delay = Math.max(pollMs, this.backoff(failures));
        handlers.onRetry?.(x, delay, failures);
        await sleep(delay, signal);
        continue;
      }
      if (failures) handlers.onRecovered?.();
      failures = 0;

      const d = api.read(response);
      handlers.onDescribe?.(response, d);
      const status = d.status;
      for (const t of d.transitions) {
        const key = `${t.status}|${t.startTime.getTime()}`;
        if (seen.get(key) === t.message) continue;
        seen.set(key, t.message);
        handlers.onTransition?.(t);
      }
      if (status !== lastStatus) handlers.onStatus?.(status);
      lastStatus = status;
      await tail.poll(handlers.onLog);
      if (isTerminalStatus(status)) {
        await tail.poll(handlers.onLog);
        return { ref, ...d };
      }
      await sleep(pollMs, signal);
    }
    return undefined;
  }
}

/** Pages of log streams read a poll: 50 streams a page, so 1,000 streams (a tuning job runs at most 500 training jobs). */
const MAX_STREAM_PAGES = 20;

/**
 * Follows every log stream of one job (of a tuning job: of each training job it launched), reporting each event once.
 * Failures are skipped until the next poll.
 */
class LogTail {
  private tokens = new Map<string, string | undefined>();

  constructor(private readonly client: () => CloudWatchLogsClient, private readonly group: string, private readonly streams: ReturnType<typeof logStreamsOf>) {}

  async poll(onLog?: (line: LogLine) => void): Promise<void> {
    if (!onLog) return;
    try {
      // Every page: a tuning job's training jobs are more streams than one answer holds (50). Bounded, so an endpoint
      // that always answers a next token cannot keep the poll going.
      let page: string | undefined;
      for (let pages = 0; pages < MAX_STREAM_PAGES; pages++) {
        const streams = await this.client().send(new DescribeLogStreamsCommand({ logGroupName: this.group, logStreamNamePrefix: this.streams.prefix, nextToken: page }));
        for (const s of streams.logStreams ?? []) if (s.logStreamName && this.streams.matches(s.logStreamName) && !this.tokens.has(s.logStreamName)) this.tokens.set(s.logStreamName, undefined);
        if (!streams.nextToken || streams.nextToken === page) break;
        page = streams.nextToken;
      }
      for (const [stream, token] of this.tokens) {
        let next = token;
        for (;;) {
          const out = await this.client().send(new GetLogEventsCommand({ logGroupName: this.group, logStreamName: stream, startFromHead: true, nextToken: next }));
          for (const e of out.events ?? []) onLog({ stream, timestamp: new Date(e.timestamp ?? 0), message: e.message ?? '' });
          const done = !out.events?.length || out.nextForwardToken === next;
          next = out.nextForwardToken;
          this.tokens.set(stream, next);
          if (done) break;
        }
      }
    } catch {
      // No log group yet, throttled, or offline: the next poll catches up from the saved tokens.
    }
  }
}

// The emulated SageMaker training, transform, processing and tuning jobs and their CloudWatch Logs. A job's life is a schedule of
// status changes laid out when it is created (one every `stepMs`); every request first applies the changes
// that are due, so the state is a pure function of the clock and what was asked, with no timers to clean up.
import { sageMakerSchemas } from '../../schemas/sagemaker/index';
import { documentedRuleViolations } from '../../server/src/service/sagemaker/documentedRules';
import { SAGEMAKER_INTEGRATIONS } from '../../server/src/service/sagemaker/integrations';
import { JOB_KINDS, JOB_KIND_NAMES, firstValueAt, isTerminalStatus, type JobKind } from '../../server/src/jobKinds';
import { validateRequest, validationMessage, type JsonSchema } from './validate';
import type { ErrorAnswer } from './faults';

export interface EmulatorOptions {
  /** Milliseconds between two status changes. */
  stepMs: number;
  /** How many steps the Training (or transform) phase lasts. */
  trainingSteps: number;
  /** A job whose name contains one of these (case-insensitive) fails during training. */
  failNames: string[];
  region: string;
  account: string;
  /** Instances of one type that may run at the same time, as the account-level service limit. */
  instanceLimit: number;
}

/** The values a client may change at run time (POST /_emulator/config) or set on the command line, and their ranges. */
const SETTINGS = {
  stepMs: { min: 0, max: 3_600_000, integer: false },
  trainingSteps: { min: 1, max: 1000, integer: true },
  instanceLimit: { min: 0, max: 1_000_000, integer: true },
} as const;
const MAX_FAIL_NAMES = 100;
const MAX_FAIL_NAME_LENGTH = 256;

/**
 * A change of settings checked against their ranges (a job's schedule has `trainingSteps` entries, so 1e8 would
 * exhaust memory on the next create). Throws an Error naming the setting and its range.
 */
export function checkSettings(change: unknown): Partial<Pick<EmulatorOptions, 'stepMs' | 'trainingSteps' | 'instanceLimit' | 'failNames'>> {
  if (!change || typeof change !== 'object' || Array.isArray(change)) throw new Error('the settings are an object, e.g. {"stepMs": 500}');
  const c = change as Record<string, unknown>;
  const keys = [...Object.keys(SETTINGS), 'failNames'];
  const unknown = Object.keys(c).filter((k) => !keys.includes(k));
  if (unknown.length) throw new Error(`no setting ${unknown.map((k) => JSON.stringify(k)).join(', ')}; the settings: ${keys.join(', ')}`);
  for (const [key, range] of Object.entries(SETTINGS)) {
    const v = c[key];
    if (v === undefined) continue;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < range.min || v > range.max || (range.integer && !Number.isInteger(v))) {
      throw new Error(`${key} must be ${range.integer ? 'an integer' : 'a number'} from ${range.min} to ${range.max}; got ${JSON.stringify(v)}`);
    }
  }
  const names = c.failNames;
  if (names !== undefined && !(Array.isArray(names) && names.length <= MAX_FAIL_NAMES && names.every((n) => typeof n === 'string' && n.length <= MAX_FAIL_NAME_LENGTH))) {
    throw new Error(`failNames must be a list of at most ${MAX_FAIL_NAMES} strings of at most ${MAX_FAIL_NAME_LENGTH} characters`);
  }
  return Object.fromEntries(keys.filter((k) => c[k] !== undefined).map((k) => [k, c[k]]));
}

export class ApiError extends Error {
  constructor(readonly answer: ErrorAnswer) {
    super(answer.message);
  }
}
const validation = (message: string) => new ApiError({ status: 400, type: 'ValidationException', message });

type Json = Record<string, any>;

interface Transition {
  Status: string;
  StartTime: number;
  EndTime?: number;
  StatusMessage: string;
}
interface Step {
  at: number;
  status: string;
  secondary: string;
  message: string;
  logs: string[];
  failureReason?: string;
  /** A tuning job's training jobs after this step, and the stream of the one the logs are from. */
  trainingJobs?: TrainingJobCounts;
  stream?: string;
}
interface TrainingJobCounts {
  launched: number;
  completed: number;
  failed: number;
  stopped: number;
}
interface Job {
  kind: JobKind;
  name: string;
  arn: string;
  request: Json;
  created: number;
  modified: number;
  status: string;
  secondary: string;
  transitions: Transition[];
  schedule: Step[];
  failureReason?: string;
  startedAt?: number;
  endedAt?: number;
  instanceType: string;
  instanceCount: number;
  /** A tuning job's training jobs: their names (in launch order) and what became of them so far. */
  trainingJobNames?: string[];
  trainingJobs?: TrainingJobCounts;
}

interface LogEvent {
  timestamp: number;
  message: string;
  ingestionTime: number;
}
interface LogStream {
  name: string;
  created: number;
  events: LogEvent[];
}

/** "Training job", "Transform job": a kind's label at the start of a message. */
const labelOf = (kind: JobKind) => JOB_KINDS[kind].label.replace(/^./, (c) => c.toUpperCase());
const seconds = (ms: number | undefined) => (ms === undefined ? undefined : ms / 1000);

export class SageMakerEmulator {
  private jobs = new Map<string, Job>(); // key: `${kind}/${name}`
  private logs = new Map<string, Map<string, LogStream>>();

  constructor(readonly options: EmulatorOptions, private readonly now: () => number = Date.now) {
    this.reset();
  }

  reset(): void {
    this.jobs.clear();
    this.logs = new Map(JOB_KIND_NAMES.map((kind) => [JOB_KINDS[kind].logGroup, new Map()]));
  }

  /** The operations this emulates, by X-Amz-Target (`SageMaker.CreateTrainingJob`, `Logs_20140328.GetLogEvents`). */
  get operations(): string[] {
    return [...this.handlers.keys()];
  }

  /** Answers one JSON 1.1 operation (`SageMaker.X` / `Logs_20140328.X`); throws ApiError for the error answers. */
  handle(target: string, input: Json): Json {
    // A Map, not an object: `SageMaker.constructor` or `SageMaker.__proto__` must not reach Object.prototype.
    const handler = this.handlers.get(target);
    if (!handler) throw new ApiError({ status: 400, type: 'UnknownOperationException', message: `Operation ${target} is not supported by the emulator` });
    this.advance();
    return handler(input);
  }

  // ---- SageMaker ---------------------------------------------------------------------------------------------

  /** Create, Describe and Stop of every kind of the job-kind table; the job's ARN member is named as its name member (TrainingJobName, TrainingJobArn). */
  private sageMaker: Record<string, (input: Json) => Json> = {
    ...Object.fromEntries(JOB_KIND_NAMES.flatMap((kind) => {
      const { operations, nameField } = JOB_KINDS[kind];
      return [
        [operations.create, (input: Json) => ({ [nameField.replace(/Name$/, 'Arn')]: this.create(kind, input).arn })],
        [operations.describe, (input: Json) => this.describe(this.find(kind, input[nameField]))],
        [operations.stop, (input: Json) => this.stop(kind, input[nameField])],
      ];
    })),
    // The summaries differ per kind (list below).
    ListTrainingJobs: (input) => this.list('training', input),
    ListTransformJobs: (input) => this.list('transform', input),
    ListProcessingJobs: (input) => this.list('processing', input),
    ListHyperParameterTuningJobs: (input) => this.list('tuning', input),
  };

  private create(kind: JobKind, input: Json): Job {
    const { api, nameField, resourcesPaths } = JOB_KINDS[kind];
    const schema = sageMakerSchemas[api]() as unknown as JsonSchema;
    const errors = validateRequest(schema, input);
    if (errors.length) throw validation(validationMessage(errors));
    // The rules SageMaker states only in its documentation (spot training without MaxWaitTimeInSeconds, …): the
    // same ones the editor flags as errors, refused here as SageMaker refuses them, one at a time.
    const broken = documentedRuleViolations(api, input).find((v) => v.severity === 'error');
    if (broken) throw validation(`${broken.summary}.`);
    const name: string = input[nameField];
    const existing = this.jobs.get(`${kind}/${name}`);
    const arn = `arn:aws:sagemaker:${this.options.region}:${this.options.account}:${SAGEMAKER_INTEGRATIONS[api].policy.resources[0].type}/${name.toLowerCase()}`;
    if (existing) {
      throw new ApiError({
        status: 400,
        type: 'ResourceInUse',
        message: `${labelOf(kind)} names must be unique within an AWS account and region, and a ${JOB_KINDS[kind].label} with this name already exists (${arn})`,
      });
    }
    const resources = firstValueAt(input, resourcesPaths) as Json | undefined;
    const instanceType: string = resources?.InstanceType ?? 'ml.m5.xlarge';
    // A tuning job's instances are those of the training jobs it runs at a time, which count as training jobs' usage.
    const tuning = kind === 'tuning' ? tuningPlan(input) : undefined;
    const instanceCount: number = (resources?.InstanceCount ?? 1) * (tuning?.parallel ?? 1);
    const running = [...this.jobs.values()]
      .filter((j) => j.instanceType === instanceType && !isTerminalStatus(j.status))
      .reduce((n, j) => n + j.instanceCount, 0);
    if (running + instanceCount > this.options.instanceLimit) {
      throw new ApiError({
        status: 400,
        type: 'ResourceLimitExceeded',
        message: `The account-level service limit '${instanceType} for ${tuning ? 'training job' : JOB_KINDS[kind].label} usage' is ${this.options.instanceLimit} Instances, with current utilization of ${running} Instances and a request delta of ${instanceCount} Instances. Please use AWS Service Quotas to request an increase for this quota.`,
      });
    }
    const created = this.now();
    const job: Job = {
      kind, name, arn, request: input, created, modified: created, status: 'InProgress', secondary: 'Starting',
      transitions: [], schedule: [], instanceType, instanceCount,
      ...(tuning && { trainingJobNames: trainingJobNames(name, tuning.total, created), trainingJobs: { launched: 0, completed: 0, failed: 0, stopped: 0 } }),
    };
    job.schedule = this.plan(job);
    this.jobs.set(`${kind}/${name}`, job);
    this.advance();
    return job;
  }

  /** The status changes of a job's life, with the log lines written at each. */
  private plan(job: Job): Step[] {
    const { stepMs, trainingSteps } = this.options;
    const fails = this.options.failNames.some((f) => f && job.name.toLowerCase().includes(f.toLowerCase()));
    const t = job.created;
    const end = t + (3 + trainingSteps) * stepMs;
    if (job.kind === 'tuning') return this.planTuning(job, fails);
    if (job.kind === 'processing') {
      // A container that reads its inputs and writes its outputs: each job's own lines, the AppSpecification's image.
      const image = typeof job.request.AppSpecification?.ImageUri === 'string' ? job.request.AppSpecification.ImageUri : '';
      const lines = [`Emulator: the image "${image}" is not run here; its inputs and outputs are not read or written`, ...environmentLines(job.request), 'Processing started', 'Processing complete'];
      return [
        { at: t, status: 'InProgress', secondary: 'Starting', message: 'Launching ML instances', logs: [] },
        { at: t + stepMs, status: 'InProgress', secondary: 'Processing', message: 'Processing', logs: lines.slice(0, -1) },
        fails
          ? { at: end, status: 'Failed', secondary: 'Failed', message: 'Processing failed', logs: ['Traceback (most recent call last):', "KeyError: 'label'"],
              failureReason: 'AlgorithmError: See job logs for more information' }
          : { at: end, status: 'Completed', secondary: 'Completed', message: 'Processing job completed', logs: lines.slice(-1) },
      ];
    }
    if (job.kind === 'transform') {
      // The emulator has no models: it says so rather than let a run pass for proof that the model exists
      // (SageMaker refuses CreateTransformJob for a ModelName no CreateModel made: new-user walk).
      const model = typeof job.request.ModelName === 'string' ? job.request.ModelName : '';
      const lines = [`Emulator: model "${model}" is not looked up here; SageMaker refuses the transform if no CreateModel made it`, 'Starting the inference server', 'Processing input records', 'Processed batch 1 of 2', 'Processed batch 2 of 2'];
      return [
        { at: t, status: 'InProgress', secondary: 'Starting', message: 'Launching ML instances', logs: [] },
        { at: t + stepMs, status: 'InProgress', secondary: 'Transforming', message: 'Transforming input data', logs: lines.slice(0, 3) },
        fails
          ? { at: end, status: 'Failed', secondary: 'Failed', message: 'Transform failed', logs: ['ERROR: model server returned 500 for record 17'],
              failureReason: 'ClientError: See job logs for more information' }
          : { at: end, status: 'Completed', secondary: 'Completed', message: 'Transform job completed', logs: lines.slice(3) },
      ];
    }
    const steps: Step[] = [
      { at: t, status: 'InProgress', secondary: 'Starting', message: 'Preparing the instances for training', logs: [] },
      // Script-mode containers print their environment, secrets included: what a client must not show as is.
      { at: t + stepMs, status: 'InProgress', secondary: 'Downloading', message: 'Downloading input data', logs: ['bash: no job control in this shell', ...environmentLines(job.request)] },
      // Said as a tuning job's training jobs say it (walk40: the script's lines and metrics read as if the image ran).
      { at: t + 2 * stepMs, status: 'InProgress', secondary: 'Training', message: 'Training image download completed. Training in progress.',
        logs: [`Emulator: the image ${imageOf(job.request)} is not run here; the lines below are made up, as script mode would print them`, 'Invoking script with the following command: python train.py', '[0]#011train-rmse:0.47312#011validation-rmse:0.48177'] },
    ];
    for (let i = 1; i < trainingSteps; i++) {
      steps.push({ at: t + (2 + i) * stepMs, status: 'InProgress', secondary: 'Training', message: 'Training image download completed. Training in progress.',
        logs: [`[${i}]#011train-rmse:${(0.47 / (i + 1)).toFixed(5)}#011validation-rmse:${(0.48 / (i + 1)).toFixed(5)}`] });
    }
    if (fails) {
      steps.push({ at: end, status: 'Failed', secondary: 'Failed', message: 'Training job failed',
        logs: ['Traceback (most recent call last):', '  File "train.py", line 42, in <module>', "KeyError: 'label'"],
        failureReason: 'AlgorithmError: ExecuteUserScriptError:\nExitCode 1\nErrorMessage "KeyError: \'label\'"\nCommand "/usr/local/bin/python3.9 train.py", exit code: 1' });
      return steps;
    }
    steps.push(
      { at: t + (2 + trainingSteps) * stepMs, status: 'InProgress', secondary: 'Uploading', message: 'Uploading generated training model', logs: ['Saving model to /opt/ml/model'] },
      { at: end, status: 'Completed', secondary: 'Completed', message: 'Training job completed', logs: ['Training complete.'] },
    );
    return steps;
  }

  /**
   * A tuning job's life: its training jobs run `parallel` at a time, a batch a step, each writing its own log stream
   * (in the training jobs' group, named as SageMaker names them); none runs its image, and each objective metric is
   * made up, which the first line of each stream says. A job of a failing name has every training job fail.
   */
  private planTuning(job: Job, fails: boolean): Step[] {
    const { stepMs } = this.options;
    const { total, parallel, metric } = tuningPlan(job.request);
    const names = job.trainingJobNames!;
    const definition: Json = job.request.TrainingJobDefinition ?? job.request.TrainingJobDefinitions?.[0] ?? {};
    const t = job.created;
    const counts = { launched: 0, completed: 0, failed: 0, stopped: 0 };
    const steps: Step[] = [{ at: t, status: 'InProgress', secondary: 'InProgress', message: 'Tuning job created', logs: [], trainingJobs: { ...counts } }];
    let at = t;
    for (let first = 0; first < total; first += parallel) {
      const batch = names.slice(first, first + parallel);
      at += stepMs;
      counts.launched += batch.length;
      batch.forEach((stream) => steps.push({
        at, status: 'InProgress', secondary: 'InProgress', message: '', stream, trainingJobs: { ...counts },
        logs: [
          `Emulator: training job ${stream} of tuning job ${job.name}; its image is not run here and its ${metric.name} is made up`,
          ...environmentLines({ Environment: definition.Environment, HyperParameters: { ...definition.StaticHyperParameters, ...tunedValues(job.request, names.indexOf(stream)) } }),
        ],
      }));
      at += stepMs;
      batch.forEach((stream, i) => {
        if (fails) counts.failed++;
        else counts.completed++;
        steps.push({
          at, status: 'InProgress', secondary: 'InProgress', message: '', stream, trainingJobs: { ...counts },
          logs: fails ? ['Traceback (most recent call last):', "KeyError: 'label'"] : [`Final ${metric.name}: ${metricValue(first + i)}`],
        });
      });
    }
    steps.push(fails
      ? { at: at + stepMs, status: 'Failed', secondary: 'Failed', message: '', logs: [], trainingJobs: { ...counts }, failureReason: 'All training jobs failed. See the logs of the training jobs for more information.' }
      : { at: at + stepMs, status: 'Completed', secondary: 'Completed', message: '', logs: [], trainingJobs: { ...counts } });
    return steps;
  }

  /** Applies every scheduled change that is due. */
  private advance(): void {
    const now = this.now();
    for (const job of this.jobs.values()) {
      while (job.schedule.length && job.schedule[0].at <= now) this.apply(job, job.schedule.shift()!);
    }
  }

  private apply(job: Job, step: Step): void {
    const last = job.transitions.at(-1);
    if (job.kind === 'training' || step.secondary !== last?.Status) {
      if (last && last.Status === step.secondary) last.StatusMessage = step.message;
      else {
        if (last) last.EndTime = step.at;
        job.transitions.push({ Status: step.secondary, StartTime: step.at, StatusMessage: step.message });
      }
    }
    if (step.secondary === { training: 'Downloading', transform: 'Transforming', processing: 'Processing', tuning: 'InProgress' }[job.kind]) job.startedAt ??= step.at;
    if (step.trainingJobs) job.trainingJobs = step.trainingJobs;
    job.status = step.status;
    job.secondary = step.secondary;
    job.modified = step.at;
    if (step.failureReason) job.failureReason = step.failureReason;
    if (isTerminalStatus(step.status)) {
      job.endedAt = step.at;
      const final = job.transitions.at(-1)!;
      final.EndTime = step.at;
    }
    if (step.logs.length) this.writeLogs(job, step.at, step.logs, step.stream);
  }

  private find(kind: JobKind, name: unknown): Job {
    const job = typeof name === 'string' ? this.jobs.get(`${kind}/${name}`) : undefined;
    if (!job) throw validation('Requested resource not found.');
    return job;
  }

  private describe(job: Job): Json {
    const r = job.request;
    const common = { CreationTime: seconds(job.created), LastModifiedTime: seconds(job.modified), FailureReason: job.failureReason };
    if (job.kind === 'tuning') {
      const c = job.trainingJobs!;
      const inProgress = c.launched - c.completed - c.failed - c.stopped;
      const { metric } = tuningPlan(r);
      // The training jobs' metrics fall as they go (metricValue): the best is the last completed when minimizing.
      const best = c.completed ? (metric.type === 'Maximize' ? 0 : c.completed - 1) : undefined;
      return {
        ...common, HyperParameterTuningJobName: job.name, HyperParameterTuningJobArn: job.arn, HyperParameterTuningJobStatus: job.status,
        HyperParameterTuningJobConfig: r.HyperParameterTuningJobConfig, TrainingJobDefinition: r.TrainingJobDefinition, TrainingJobDefinitions: r.TrainingJobDefinitions,
        WarmStartConfig: r.WarmStartConfig, Autotune: r.Autotune, HyperParameterTuningEndTime: seconds(job.endedAt),
        TrainingJobStatusCounters: { Completed: c.completed, InProgress: inProgress, RetryableError: 0, NonRetryableError: c.failed, Stopped: c.stopped },
        ObjectiveStatusCounters: { Succeeded: c.completed, Pending: inProgress, Failed: c.failed },
        BestTrainingJob: best === undefined ? undefined : {
          TrainingJobName: job.trainingJobNames![best],
          TrainingJobArn: `arn:aws:sagemaker:${this.options.region}:${this.options.account}:training-job/${job.trainingJobNames![best].toLowerCase()}`,
          TuningJobName: job.name, CreationTime: seconds(job.created), TrainingJobStatus: 'Completed', TunedHyperParameters: tunedValues(r, best), ObjectiveStatus: 'Succeeded',
          FinalHyperParameterTuningJobObjectiveMetric: { Type: metric.type, MetricName: metric.name, Value: metricValue(best) },
        },
      };
    }
    if (job.kind === 'processing') {
      return {
        ...common, ProcessingJobName: job.name, ProcessingJobArn: job.arn, ProcessingJobStatus: job.status,
        ProcessingInputs: r.ProcessingInputs, ProcessingOutputConfig: r.ProcessingOutputConfig, ProcessingResources: r.ProcessingResources,
        StoppingCondition: r.StoppingCondition, AppSpecification: r.AppSpecification, Environment: r.Environment, NetworkConfig: r.NetworkConfig,
        RoleArn: r.RoleArn, ProcessingStartTime: seconds(job.startedAt), ProcessingEndTime: seconds(job.endedAt),
      };
    }
    if (job.kind === 'transform') {
      return {
        ...common, TransformJobName: job.name, TransformJobArn: job.arn, TransformJobStatus: job.status, ModelName: r.ModelName,
        MaxConcurrentTransforms: r.MaxConcurrentTransforms, MaxPayloadInMB: r.MaxPayloadInMB, BatchStrategy: r.BatchStrategy,
        Environment: r.Environment, TransformInput: r.TransformInput, TransformOutput: r.TransformOutput, TransformResources: r.TransformResources,
        DataProcessing: r.DataProcessing, TransformStartTime: seconds(job.startedAt), TransformEndTime: seconds(job.endedAt),
      };
    }
    const trainingSeconds = job.startedAt && job.endedAt ? Math.max(1, Math.ceil((job.endedAt - job.startedAt) / 1000)) : undefined;
    return {
      ...common,
      TrainingJobName: job.name,
      TrainingJobArn: job.arn,
      TrainingJobStatus: job.status,
      SecondaryStatus: job.secondary,
      ModelArtifacts: { S3ModelArtifacts: job.status === 'Completed' ? `${String(r.OutputDataConfig.S3OutputPath).replace(/\/$/, '')}/${job.name}/output/model.tar.gz` : '' },
      HyperParameters: r.HyperParameters,
      AlgorithmSpecification: r.AlgorithmSpecification,
      RoleArn: r.RoleArn,
      InputDataConfig: r.InputDataConfig,
      OutputDataConfig: r.OutputDataConfig,
      ResourceConfig: r.ResourceConfig,
      StoppingCondition: r.StoppingCondition ?? { MaxRuntimeInSeconds: 86400 },
      Environment: r.Environment,
      TrainingStartTime: seconds(job.startedAt),
      TrainingEndTime: seconds(job.endedAt),
      SecondaryStatusTransitions: job.transitions.map((t) => ({ ...t, StartTime: seconds(t.StartTime), EndTime: seconds(t.EndTime) })),
      TrainingTimeInSeconds: trainingSeconds,
      BillableTimeInSeconds: trainingSeconds === undefined ? undefined : trainingSeconds * job.instanceCount,
    };
  }

  private stop(kind: JobKind, name: unknown): Json {
    const job = typeof name === 'string' ? this.jobs.get(`${kind}/${name}`) : undefined;
    if (!job) throw new ApiError({ status: 400, type: 'ResourceNotFound', message: `Could not find ${JOB_KINDS[kind].label} '${String(name)}'.` });
    if (job.status !== 'InProgress') throw validation(`The request was rejected because the ${JOB_KINDS[kind].label} is in status ${job.status}.`);
    const now = this.now();
    const stopped = { at: now + this.options.stepMs, status: 'Stopped', secondary: 'Stopped', message: `${labelOf(kind)} stopped`, logs: ['Received SIGTERM, shutting down'] };
    job.schedule = [{ at: now, status: 'Stopping', secondary: 'Stopping', message: `Stopping the ${JOB_KINDS[kind].label}`, logs: [] }];
    const c = job.trainingJobs;
    if (c) {
      // A tuning job stops the training jobs it runs, each in its own stream.
      const running = job.trainingJobNames!.slice(c.completed + c.failed + c.stopped, c.launched);
      const after = { ...c, stopped: c.stopped + running.length };
      job.schedule.push(...running.map((stream) => ({ ...stopped, status: 'Stopping', stream, trainingJobs: after })), { ...stopped, logs: [], trainingJobs: after });
    } else job.schedule.push(stopped);
    this.advance();
    return {};
  }

  private list(kind: JobKind, input: Json): Json {
    const max = sizeParameter(input.MaxResults, 'maxResults', 10, 100, validation);
    const start = pageToken(input.NextToken, validation);
    const after = timestampParameter(input.CreationTimeAfter), before = timestampParameter(input.CreationTimeBefore);
    const ascending = input.SortOrder === 'Ascending';
    const jobs = [...this.jobs.values()]
      .filter((j) => j.kind === kind)
      .filter((j) => !input.NameContains || j.name.toLowerCase().includes(String(input.NameContains).toLowerCase()))
      .filter((j) => !input.StatusEquals || j.status === input.StatusEquals)
      .filter((j) => after === undefined || j.created > after * 1000)
      .filter((j) => before === undefined || j.created < before * 1000)
      .sort((a, b) => (input.SortBy === 'Name' ? a.name.localeCompare(b.name) : a.created - b.created) * (ascending ? 1 : -1));
    const page = jobs.slice(start, start + max);
    const next = start + max < jobs.length ? String(start + max) : undefined;
    const base = (j: Job) => ({ CreationTime: seconds(j.created), LastModifiedTime: seconds(j.modified) });
    if (kind === 'tuning') {
      return {
        HyperParameterTuningJobSummaries: page.map((j) => {
          const { TrainingJobStatusCounters, ObjectiveStatusCounters } = this.describe(j);
          return {
            ...base(j), HyperParameterTuningJobName: j.name, HyperParameterTuningJobArn: j.arn, HyperParameterTuningJobStatus: j.status,
            Strategy: j.request.HyperParameterTuningJobConfig?.Strategy, HyperParameterTuningEndTime: seconds(j.endedAt),
            TrainingJobStatusCounters, ObjectiveStatusCounters, ResourceLimits: j.request.HyperParameterTuningJobConfig?.ResourceLimits,
          };
        }),
        NextToken: next,
      };
    }
    if (kind === 'processing') return { ProcessingJobSummaries: page.map((j) => ({ ...base(j), ProcessingJobName: j.name, ProcessingJobArn: j.arn, ProcessingEndTime: seconds(j.endedAt), ProcessingJobStatus: j.status, FailureReason: j.failureReason })), NextToken: next };
    return kind === 'training'
      ? { TrainingJobSummaries: page.map((j) => ({ ...base(j), TrainingJobName: j.name, TrainingJobArn: j.arn, TrainingEndTime: seconds(j.endedAt), TrainingJobStatus: j.status, SecondaryStatus: j.secondary })), NextToken: next }
      : { TransformJobSummaries: page.map((j) => ({ ...base(j), TransformJobName: j.name, TransformJobArn: j.arn, TransformEndTime: seconds(j.endedAt), TransformJobStatus: j.status, FailureReason: j.failureReason })), NextToken: next };
  }

  // ---- CloudWatch Logs ---------------------------------------------------------------------------------------

  /** `stream`: the training job (of a tuning job) that writes them. */
  private writeLogs(job: Job, at: number, lines: string[], stream?: string): void {
    const group = this.logs.get(JOB_KINDS[job.kind].logGroup)!;
    const names = job.kind !== 'transform' ? [`${stream ?? job.name}/algo-1-${Math.floor(job.created / 1000)}`] : [`${job.name}/i-0e5a1b2c3d4e5f600`, `${job.name}/i-0e5a1b2c3d4e5f600/data-log`];
    lines.forEach((message, i) => {
      // Transform jobs write the container's own lines to one stream and per-record lines to /data-log.
      const name = job.kind === 'transform' && /record|batch/i.test(message) ? names[1] : names[0];
      let stream = group.get(name);
      if (!stream) group.set(name, (stream = { name, created: at, events: [] }));
      stream.events.push({ timestamp: at + i, message, ingestionTime: at + i });
    });
  }

  private group(name: unknown): Map<string, LogStream> {
    const group = typeof name === 'string' ? this.logs.get(name) : undefined;
    if (!group) throw new ApiError({ status: 400, type: 'ResourceNotFoundException', message: 'The specified log group does not exist.' });
    return group;
  }

  private cloudWatchLogs: Record<string, (input: Json) => Json> = {
    DescribeLogStreams: (input) => {
      const prefix = String(input.logStreamNamePrefix ?? '');
      const streams = [...this.group(input.logGroupName).values()].filter((s) => s.name.startsWith(prefix));
      if (input.orderBy === 'LastEventTime') streams.sort((a, b) => (a.events.at(-1)?.timestamp ?? 0) - (b.events.at(-1)?.timestamp ?? 0));
      else streams.sort((a, b) => a.name.localeCompare(b.name));
      if (input.descending) streams.reverse();
      const start = pageToken(input.nextToken, invalidParameter);
      const limit = sizeParameter(input.limit, 'limit', 50, 50, invalidParameter);
      return {
        logStreams: streams.slice(start, start + limit).map((s) => ({
          logStreamName: s.name, creationTime: s.created, firstEventTimestamp: s.events[0]?.timestamp,
          lastEventTimestamp: s.events.at(-1)?.timestamp, lastIngestionTime: s.events.at(-1)?.ingestionTime,
          arn: `arn:aws:logs:${this.options.region}:${this.options.account}:log-group:${input.logGroupName}:log-stream:${s.name}`,
        })),
        nextToken: start + limit < streams.length ? String(start + limit) : undefined,
      };
    },
    GetLogEvents: (input) => {
      const limit = sizeParameter(input.limit, 'limit', 10000, 10000, invalidParameter);
      const token = /^([fb])\/(\d{1,15})$/.exec(String(input.nextToken ?? ''));
      if (input.nextToken !== undefined && !token) throw invalidParameter('The specified nextToken is invalid.');
      const stream = this.group(input.logGroupName).get(String(input.logStreamName));
      if (!stream) throw new ApiError({ status: 400, type: 'ResourceNotFoundException', message: 'The specified log stream does not exist.' });
      let from: number;
      let to: number;
      if (token?.[1] === 'b') [from, to] = [Math.max(0, Number(token[2]) - limit), Number(token[2])];
      else if (token) [from, to] = [Number(token[2]), Number(token[2]) + limit];
      else if (input.startFromHead) [from, to] = [0, limit];
      else [from, to] = [Math.max(0, stream.events.length - limit), stream.events.length];
      const inRange = (e: LogEvent) => (input.startTime === undefined || e.timestamp >= input.startTime) && (input.endTime === undefined || e.timestamp < input.endTime);
      const events = stream.events.slice(from, to);
      to = from + events.length;
      return { events: events.filter(inRange), nextForwardToken: `f/${to}`, nextBackwardToken: `b/${from}` };
    },
    FilterLogEvents: (input) => {
      const group = this.group(input.logGroupName);
      const names: unknown = input.logStreamNames;
      if (names !== undefined && !(Array.isArray(names) && names.length <= 100 && names.every((n) => typeof n === 'string'))) {
        throw invalidParameter('logStreamNames must be a list of at most 100 log stream names.');
      }
      const prefix = String(input.logStreamNamePrefix ?? '');
      const pattern = String(input.filterPattern ?? '').replace(/^"|"$/g, '');
      const all = [...group.values()]
        .filter((s) => (names ? (names as string[]).includes(s.name) : s.name.startsWith(prefix)))
        .flatMap((s) => s.events.map((e, i) => ({ ...e, logStreamName: s.name, eventId: `${s.name}/${i}` })))
        .filter((e) => (input.startTime === undefined || e.timestamp >= input.startTime) && (input.endTime === undefined || e.timestamp <= input.endTime))
        .filter((e) => !pattern || e.message.includes(pattern))
        .sort((a, b) => a.timestamp - b.timestamp);
      const start = pageToken(input.nextToken, invalidParameter);
      const limit = sizeParameter(input.limit, 'limit', 10000, 10000, invalidParameter);
      return { events: all.slice(start, start + limit), nextToken: start + limit < all.length ? String(start + limit) : undefined };
    },
  };

  private readonly handlers = new Map<string, (input: Json) => Json>([
    ...Object.entries(this.sageMaker).map(([op, handler]) => [`SageMaker.${op}`, handler] as const),
    ...Object.entries(this.cloudWatchLogs).map(([op, handler]) => [`Logs_20140328.${op}`, handler] as const),
  ]);
}

const invalidParameter = (message: string) => new ApiError({ status: 400, type: 'InvalidParameterException', message });

/**
 * A page size (MaxResults, limit): an integer from 1 to `max`, `fallback` when absent. Anything else is refused
 * as the service does, so a client paging with MaxResults -1 gets an error instead of a token that never ends.
 */
function sizeParameter(value: unknown, name: string, fallback: number, max: number, error: (m: string) => ApiError): number {
  if (value === undefined || value === null) return fallback;
  const constraint =
    typeof value !== 'number' || !Number.isInteger(value) ? 'Member must be an integer'
    : value < 1 ? 'Member must have value greater than or equal to 1'
    : value > max ? `Member must have value less than or equal to ${max}`
    : undefined;
  if (constraint) throw error(`1 validation error detected: Value '${String(value)}' at '${name}' failed to satisfy constraint: ${constraint}`);
  return value as number;
}

/**
 * A timestamp member (seconds since the epoch, as the AWS JSON protocol sends it), undefined when absent. Anything else
 * (`"yesterday"`) is refused as the service refuses a body it cannot read, not taken for no filter.
 */
function timestampParameter(value: unknown): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  throw new ApiError({ status: 400, type: 'SerializationException', message: `${JSON.stringify(value)} can not be converted to a Timestamp` });
}

/** A page token this emulator issued (the index of the next item), 0 when absent. */
function pageToken(value: unknown, error: (m: string) => ApiError): number {
  if (value === undefined || value === null) return 0;
  if (typeof value !== 'string' || !/^\d{1,15}$/.test(value)) throw error('The pagination token is invalid.');
  return Number(value);
}

/** The log lines a training container writes about its environment variables (as SageMaker script mode does). */
function environmentLines(request: Json): string[] {
  const { Environment: env, HyperParameters: hyper } = request as { Environment?: Record<string, unknown>; HyperParameters?: Record<string, unknown> };
  const lines: string[] = [];
  if (env && typeof env === 'object') lines.push('Environment variables:', ...Object.entries(env).map(([k, v]) => `${k}=${String(v)}`));
  // Script mode prints its hyperparameters as JSON too (so a secret among them arrives JSON-escaped).
  if (hyper && typeof hyper === 'object' && Object.keys(hyper).length) lines.push(`Hyperparameters: ${JSON.stringify(hyper)}`);
  return lines;
}

/**
 * How the emulator runs a tuning job: how many training jobs (MaxNumberOfTrainingJobs; twice the parallel ones when
 * it is not set, at most 500), how many at a time (MaxParallelTrainingJobs), and the objective it reports.
 */
function tuningPlan(request: Json): { total: number; parallel: number; metric: { name: string; type: string } } {
  const limits = request.HyperParameterTuningJobConfig?.ResourceLimits ?? {};
  const whole = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : undefined);
  const parallel = Math.min(whole(limits.MaxParallelTrainingJobs) ?? 1, 500);
  const total = Math.min(whole(limits.MaxNumberOfTrainingJobs) ?? 2 * parallel, 500);
  const objective = request.HyperParameterTuningJobConfig?.HyperParameterTuningJobObjective ?? request.TrainingJobDefinition?.TuningObjective ?? {};
  return { total, parallel: Math.min(parallel, total), metric: { name: String(objective.MetricName ?? 'objective'), type: objective.Type === 'Maximize' ? 'Maximize' : 'Minimize' } };
}

/**
 * The values the i-th training job of a tuning job tries for each range it searches (ParameterRanges, or its training
 * job definition's HyperParameterRanges): spread over each range, as strings, as SageMaker passes hyperparameters.
 */
function tunedValues(request: Json, i: number): Record<string, string> {
  const ranges: Json = request.HyperParameterTuningJobConfig?.ParameterRanges ?? request.TrainingJobDefinition?.HyperParameterRanges ?? request.TrainingJobDefinitions?.[0]?.HyperParameterRanges ?? {};
  const list = (v: unknown): Json[] => (Array.isArray(v) ? v.filter((x) => x && typeof x === 'object' && typeof x.Name === 'string') : []);
  const at = ((i * 0.618034) % 1 + 1) % 1; // a different point of each range for each training job
  const out: Record<string, string> = {};
  for (const r of list(ranges.ContinuousParameterRanges)) {
    const [lo, hi] = [Number(r.MinValue), Number(r.MaxValue)];
    if (Number.isFinite(lo) && Number.isFinite(hi)) out[r.Name] = String(Math.round((lo + (hi - lo) * at) * 1e4) / 1e4);
  }
  for (const r of list(ranges.IntegerParameterRanges)) {
    const [lo, hi] = [Number(r.MinValue), Number(r.MaxValue)];
    if (Number.isFinite(lo) && Number.isFinite(hi)) out[r.Name] = String(Math.round(lo + (hi - lo) * at));
  }
  for (const r of list(ranges.CategoricalParameterRanges)) {
    if (Array.isArray(r.Values) && r.Values.length) out[r.Name] = String(r.Values[i % r.Values.length]);
  }
  return out;
}

/** The names SageMaker gives a tuning job's training jobs: `<name>-001-1a2b3c4d`. */
function trainingJobNames(name: string, total: number, seed: number): string[] {
  return Array.from({ length: total }, (_, i) => `${name}-${String(i + 1).padStart(3, '0')}-${((seed + i * 2654435761) >>> 0).toString(16).padStart(8, '0').slice(-8)}`);
}

/** The made-up objective metric of a tuning job's i-th training job: falling as the tuning goes on. */
function metricValue(i: number): number {
  return Math.round((0.2 + 0.3 / (i + 1)) * 1e5) / 1e5;
}

/** What a training request runs, as its log names it: its image, or its algorithm. */
function imageOf(request: Json): string {
  const spec = (request.AlgorithmSpecification ?? {}) as Json;
  const image = typeof spec.TrainingImage === 'string' ? spec.TrainingImage : typeof spec.AlgorithmName === 'string' ? spec.AlgorithmName : '';
  return image ? JSON.stringify(image) : 'of the job';
}

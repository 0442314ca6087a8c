// The SageMaker jobs the extension can start from a Task, as data shared by the language server (CodeLenses) and
// the extension (commands, the job runner, the job list). What Step Functions' integration says of a kind (its
// operations, the member that names the job, where the request keeps its instances, time limit and a tuning job's
// count of training jobs) is read from its entry in SAGEMAKER_INTEGRATIONS, the one table of those facts; this file
// holds only what the extension adds. That table imports nothing, so the extension bundle pulls in no more than it.
// Adding a kind is one entry here, its SDK calls in client/src/jobs/jobApis.ts, its life in the emulator
// (emulator/src/sagemaker.ts) and its command in package.json (a test checks the manifest against this table).
import { SAGEMAKER_INTEGRATIONS } from './service/sagemaker/integrations';

/** The statuses after which a job does not change any more (the same for every SageMaker job kind). */
export const TERMINAL_STATUSES = ['Completed', 'Failed', 'Stopped'] as const;
export type TerminalStatus = (typeof TERMINAL_STATUSES)[number];

export function isTerminalStatus(status: string | undefined): status is TerminalStatus {
  return (TERMINAL_STATUSES as readonly string[]).includes(status ?? '');
}

/** What the extension adds to a kind of job: the integration's own facts are its SAGEMAKER_INTEGRATIONS entry's. */
interface JobKindFields {
  /** Step Functions' name of the API, as in `arn:aws:states:::sagemaker:<api>` (TaskInfo.api): its SAGEMAKER_INTEGRATIONS key. */
  readonly api: string;
  /** In the user's words: "training job". */
  readonly label: string;
  /** The command that starts one (CodeLens and palette) and its title, as contributed in package.json. */
  readonly command: string;
  readonly title: string;
  /**
   * Where the request's output goes (shown in the confirmation): member paths, `[]` for every item of a list
   * (valuesAt).
   */
  readonly outputPaths: readonly (readonly string[])[];
  /** Where the request says what the job reads (the S3 URIs of its input channels), as `outputPaths`. */
  readonly inputPaths: readonly (readonly string[])[];
  /** What SageMaker does without a time limit, as its documentation says (undefined: it does not say). */
  readonly defaultRuntime?: string;
  /**
   * What code the job runs, as the confirmation names it: a label and where the request says it (an image, an
   * algorithm, an entrypoint, a list of string lists joined with spaces; every item of a `[]` path, joined with
   * commas). A transform runs its model (the Model line).
   */
  readonly code: readonly { readonly label: string; readonly path: readonly string[] }[];
  /**
   * Lists whose every item runs on a processing instance of its own besides the job's (Debugger and profiler rule
   * evaluations, as the model's VolumeSizeInGB says): the confirmation counts them beside its instance-hours.
   */
  readonly ruleEvaluations?: readonly string[];
  /** Where the request keeps its role, its environment variables and its hyperparameters (the confirmation shows them). */
  readonly rolePath?: readonly string[];
  readonly environmentPath: readonly string[];
  readonly hyperParametersPath?: readonly string[];
  /**
   * A job that launches training jobs (tuning): the time limit of the whole job, and the one training job definition
   * the integration's paths read and the list a request may give instead (its first is shown).
   */
  readonly trainingJobs?: {
    readonly maxRuntime: readonly string[];
    readonly definition: string;
    readonly definitions: string;
  };
  /**
   * The CloudWatch Logs group its containers write to, and whose streams: the job's own, named `<job name>/…`, or
   * those of the training jobs it launches, named `<job name>-NNN-xxxxxxxx/…` (logStreamsOf).
   */
  readonly logGroup: string;
  readonly logStreams: 'own' | 'trainingJobs';
  /** What stopping one keeps, as the operation's documentation says it (the stop confirmation). */
  readonly stopping: string;
}

/** A kind of job: the extension's fields and what its integration's entry says. */
export interface JobKindInfo extends Omit<JobKindFields, 'trainingJobs'> {
  /** The SageMaker operations, for IAM-style names in messages (sagemaker:CreateTrainingJob): the policy's actions. */
  readonly operations: { readonly create: string; readonly describe: string; readonly stop: string };
  /** The request member that names the job: the policy's resource's. */
  readonly nameField: string;
  /**
   * Where the request says what it runs on (the object with InstanceType and InstanceCount, instance groups or a list
   * of instance preferences; the first path present): the integration's `instances`.
   */
  readonly resourcesPaths: readonly (readonly string[])[];
  /** Where the request keeps the time limit of the job (of each training job a tuning job launches) in seconds. */
  readonly maxRuntimePath?: readonly string[];
  /** A tuning job: how many training jobs at most and at a time (the integration's), and the extension's fields. */
  readonly trainingJobs?: NonNullable<JobKindFields['trainingJobs']> & { readonly max: readonly string[]; readonly parallel: readonly string[] };
}

const FIELDS = {
  training: {
    api: 'createTrainingJob',
    label: 'training job',
    command: 'sagemakerAsl.startTrainingJob',
    title: 'Start Training Job',
    // Besides the model: checkpoints, the Debugger's and the profiler's tensors, reports and rule results, TensorBoard's
    // (sec40: a bucket the confirmation did not name could receive them); an input is an S3 prefix or a file system.
    outputPaths: [
      ['OutputDataConfig', 'S3OutputPath'], ['CheckpointConfig', 'S3Uri'], ['DebugHookConfig', 'S3OutputPath'], ['DebugRuleConfigurations', '[]', 'S3OutputPath'],
      ['TensorBoardOutputConfig', 'S3OutputPath'], ['ProfilerConfig', 'S3OutputPath'], ['ProfilerRuleConfigurations', '[]', 'S3OutputPath'],
    ],
    inputPaths: [['InputDataConfig', '[]', 'DataSource', 'S3DataSource', 'S3Uri'], ['InputDataConfig', '[]', 'DataSource', 'FileSystemDataSource', 'FileSystemId']],
    defaultRuntime: 'SageMaker default (1 day)',
    rolePath: ['RoleArn'],
    environmentPath: ['Environment'],
    // A Debugger or profiler rule runs its own image, on an instance of its own (sec40: not named before).
    code: [
      { label: 'Image', path: ['AlgorithmSpecification', 'TrainingImage'] }, { label: 'Algorithm', path: ['AlgorithmSpecification', 'AlgorithmName'] },
      { label: 'Debugger rule images', path: ['DebugRuleConfigurations', '[]', 'RuleEvaluatorImage'] }, { label: 'Profiler rule images', path: ['ProfilerRuleConfigurations', '[]', 'RuleEvaluatorImage'] },
    ],
    hyperParametersPath: ['HyperParameters'],
    ruleEvaluations: ['DebugRuleConfigurations', 'ProfilerRuleConfigurations'],
    logGroup: '/aws/sagemaker/TrainingJobs',
    logStreams: 'own',
    // StopTrainingJob: "SageMaker sends the algorithm the SIGTERM signal, which delays job termination for 120 seconds."
    stopping: 'The algorithm gets 120 seconds to save its model artifacts before the job ends.',
  },
  transform: {
    api: 'createTransformJob',
    label: 'transform job',
    command: 'sagemakerAsl.startTransformJob',
    title: 'Start Transform Job',
    outputPaths: [['TransformOutput', 'S3OutputPath'], ['DataCaptureConfig', 'DestinationS3Uri']],
    inputPaths: [['TransformInput', 'DataSource', 'S3DataSource', 'S3Uri']],
    environmentPath: ['Environment'],
    code: [],
    logGroup: '/aws/sagemaker/TransformJobs',
    logStreams: 'own',
    // StopTransformJob: "When you stop a batch transform job before it is completed, Amazon SageMaker doesn't store the job's output in Amazon S3."
    stopping: 'A transform job stopped before it completes stores none of its output in Amazon S3.',
  },
  processing: {
    api: 'createProcessingJob',
    label: 'processing job',
    command: 'sagemakerAsl.startProcessingJob',
    title: 'Start Processing Job',
    // An output goes to S3 or to a Feature Store feature group; an input comes from S3 or a dataset query.
    outputPaths: [
      ['ProcessingOutputConfig', 'Outputs', '[]', 'S3Output', 'S3Uri'], ['ProcessingOutputConfig', 'Outputs', '[]', 'FeatureStoreOutput', 'FeatureGroupName'],
      // A dataset query writes its results to S3 before the job reads them (review of the day).
      ['ProcessingInputs', '[]', 'DatasetDefinition', 'AthenaDatasetDefinition', 'OutputS3Uri'], ['ProcessingInputs', '[]', 'DatasetDefinition', 'RedshiftDatasetDefinition', 'OutputS3Uri'],
    ],
    inputPaths: [['ProcessingInputs', '[]', 'S3Input', 'S3Uri']],
    rolePath: ['RoleArn'],
    environmentPath: ['Environment'],
    code: [{ label: 'Image', path: ['AppSpecification', 'ImageUri'] }, { label: 'Entrypoint', path: ['AppSpecification', 'ContainerEntrypoint'] }],
    logGroup: '/aws/sagemaker/ProcessingJobs',
    logStreams: 'own',
    // StopProcessingJob: "Stops a processing job." (nothing said of what it keeps).
    stopping: '',
  },
  tuning: {
    api: 'createHyperParameterTuningJob',
    label: 'tuning job',
    command: 'sagemakerAsl.startTuningJob',
    title: 'Start Tuning Job',
    // What each training job it launches reads and writes: the inputs and outputs of every definition (what it runs on
    // is its TrainingJobDefinition's, the integration's `instances`; a request with a list of definitions shows the
    // first's, and says so). Checkpoints and file system inputs as a training job's (review of the day: left out of
    // the tuning job's).
    outputPaths: [
      ['TrainingJobDefinition', 'OutputDataConfig', 'S3OutputPath'], ['TrainingJobDefinitions', '[]', 'OutputDataConfig', 'S3OutputPath'],
      ['TrainingJobDefinition', 'CheckpointConfig', 'S3Uri'], ['TrainingJobDefinitions', '[]', 'CheckpointConfig', 'S3Uri'],
    ],
    inputPaths: [
      ['TrainingJobDefinition', 'InputDataConfig', '[]', 'DataSource', 'S3DataSource', 'S3Uri'], ['TrainingJobDefinitions', '[]', 'InputDataConfig', '[]', 'DataSource', 'S3DataSource', 'S3Uri'],
      ['TrainingJobDefinition', 'InputDataConfig', '[]', 'DataSource', 'FileSystemDataSource', 'FileSystemId'], ['TrainingJobDefinitions', '[]', 'InputDataConfig', '[]', 'DataSource', 'FileSystemDataSource', 'FileSystemId'],
    ],
    rolePath: ['TrainingJobDefinition', 'RoleArn'],
    environmentPath: ['TrainingJobDefinition', 'Environment'],
    code: [{ label: 'Image', path: ['TrainingJobDefinition', 'AlgorithmSpecification', 'TrainingImage'] }, { label: 'Algorithm', path: ['TrainingJobDefinition', 'AlgorithmSpecification', 'AlgorithmName'] }],
    hyperParametersPath: ['TrainingJobDefinition', 'StaticHyperParameters'],
    trainingJobs: {
      maxRuntime: ['HyperParameterTuningJobConfig', 'ResourceLimits', 'MaxRuntimeInSeconds'],
      definition: 'TrainingJobDefinition',
      definitions: 'TrainingJobDefinitions',
    },
    logGroup: '/aws/sagemaker/TrainingJobs',
    logStreams: 'trainingJobs',
    // StopHyperParameterTuningJob: "Stops a running hyperparameter tuning job and all running training jobs that the
    // tuning job launched. All model artifacts output from the training jobs are stored in Amazon Simple Storage Service"
    stopping: 'Its running training jobs stop too; the model artifacts of its training jobs stay in Amazon S3.',
  },
} as const satisfies Record<string, JobKindFields>;

export type JobKind = keyof typeof FIELDS;

/** A kind's fields with its integration's facts (a kind whose API has no entry is a mistake in this file). */
function withIntegration(fields: JobKindFields): JobKindInfo {
  const integration = SAGEMAKER_INTEGRATIONS[fields.api];
  if (!integration) throw new Error(`jobKinds: no SageMaker integration ${fields.api}`);
  const { instances, maxRuntime, trainingJobs, policy } = integration;
  // The policy names the operations as IAM does: sagemaker:CreateTrainingJob, and the Describe and Stop .sync adds.
  const operation = (verb: string) => {
    const action = [...policy.actions, ...policy.syncActions].find((a) => a.startsWith(`sagemaker:${verb}`));
    if (!action) throw new Error(`jobKinds: ${fields.api}'s policy has no ${verb} action`);
    return action.slice('sagemaker:'.length);
  };
  const { trainingJobs: fleet, ...own } = fields;
  if (!fleet !== !trainingJobs) throw new Error(`jobKinds: ${fields.api} launches training jobs in one table and not the other`);
  return {
    ...own,
    operations: { create: operation('Create'), describe: operation('Describe'), stop: operation('Stop') },
    nameField: policy.resources[0].nameMember,
    resourcesPaths: instances ?? [],
    ...(maxRuntime && { maxRuntimePath: maxRuntime }),
    ...(fleet && trainingJobs && { trainingJobs: { ...trainingJobs, ...fleet } }),
  };
}

export const JOB_KINDS = Object.fromEntries(Object.entries(FIELDS).map(([kind, fields]) => [kind, withIntegration(fields)])) as Record<JobKind, JobKindInfo>;

export const JOB_KIND_NAMES = Object.keys(JOB_KINDS) as JobKind[];

/** The kind of job a Task's API starts (createTrainingJob → training), or undefined for other integrations. */
export function jobKindOfApi(api: string): JobKind | undefined {
  return JOB_KIND_NAMES.find((k) => JOB_KINDS[k].api === api);
}

/**
 * The log streams of a job: a prefix to ask CloudWatch Logs for, and the test each stream it answers must pass (a
 * tuning job's training jobs are `<name>-NNN-xxxxxxxx`; a training job of another name that starts with the same
 * words is not one of them).
 */
export function logStreamsOf(kind: JobKind, name: string): { prefix: string; matches(stream: string): boolean } {
  if (JOB_KINDS[kind].logStreams === 'own') return { prefix: `${name}/`, matches: (s) => s.startsWith(`${name}/`) };
  return { prefix: `${name}-`, matches: (s) => s.startsWith(`${name}-`) && /^-\d{3}-[a-z0-9]{8}\//.test(s.slice(name.length)) };
}

/** The values at a member path of a request (`[]`: every item of a list there), in order; none where it is absent. */
export function valuesAt(value: unknown, path: readonly string[]): unknown[] {
  let at: unknown[] = [value];
  for (const step of path) {
    at = step === '[]'
      ? at.flatMap((v) => (Array.isArray(v) ? v : []))
      : at.flatMap((v) => (v !== null && typeof v === 'object' && !Array.isArray(v) && Object.hasOwn(v, step) ? [(v as Record<string, unknown>)[step]] : []));
  }
  return at;
}

/** The first value found at any of `paths` (valuesAt), in their order; undefined where none is present. */
export function firstValueAt(value: unknown, paths: readonly (readonly string[])[]): unknown {
  for (const p of paths) {
    const [found] = valuesAt(value, p);
    if (found !== undefined) return found;
  }
  return undefined;
}

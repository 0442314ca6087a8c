// The client's half of the job-kind table (the shared half is server/src/jobKinds.ts): for each kind, the AWS SDK
// commands that create, describe and stop it, and how its description reads (status, ARN, transitions, summary).
// The job runner is written once against this table; adding a kind is one entry here.
import {
  CreateHyperParameterTuningJobCommand,
  CreateProcessingJobCommand,
  CreateTrainingJobCommand,
  CreateTransformJobCommand,
  DescribeHyperParameterTuningJobCommand,
  DescribeProcessingJobCommand,
  DescribeTrainingJobCommand,
  DescribeTransformJobCommand,
  StopHyperParameterTuningJobCommand,
  StopProcessingJobCommand,
  StopTrainingJobCommand,
  StopTransformJobCommand,
  type SageMakerClient,
  type CreateHyperParameterTuningJobRequest,
  type CreateProcessingJobRequest,
  type CreateTrainingJobRequest,
  type CreateTransformJobRequest,
  type DescribeHyperParameterTuningJobResponse,
  type DescribeProcessingJobResponse,
  type DescribeTrainingJobResponse,
  type DescribeTransformJobResponse,
} from '@aws-sdk/client-sagemaker';
import type { JobKind } from '../../../server/src/jobKinds';

export interface StatusTransition {
  status: string;
  startTime: Date;
  endTime?: Date;
  message: string;
}

/** What the runner needs to know of a job, read the same way for every kind. */
export interface JobDescription {
  arn?: string;
  status: string;
  secondaryStatus?: string;
  creationTime?: Date;
  endTime?: Date;
  /** Start to end (or last change), in whole seconds. */
  durationSeconds?: number;
  billableSeconds?: number;
  modelArtifacts?: string;
  outputPath?: string;
  /** A tuning job's best training job so far, with its objective metric. */
  bestTrainingJob?: string;
  failureReason?: string;
  /** Each status change with its message, oldest first. */
  transitions: StatusTransition[];
}

interface JobApi<D> {
  create(sm: SageMakerClient, request: Record<string, unknown>): Promise<string | undefined>;
  describe(sm: SageMakerClient, name: string): Promise<D>;
  stop(sm: SageMakerClient, name: string): Promise<void>;
  read(d: D): JobDescription;
}

const seconds = (from?: Date, to?: Date) => (from && to ? Math.round((to.getTime() - from.getTime()) / 1000) : undefined);

const training: JobApi<DescribeTrainingJobResponse> = {
  create: async (sm, request) => (await sm.send(new CreateTrainingJobCommand(request as unknown as CreateTrainingJobRequest))).TrainingJobArn,
  describe: (sm, name) => sm.send(new DescribeTrainingJobCommand({ TrainingJobName: name })),
  stop: async (sm, name) => void (await sm.send(new StopTrainingJobCommand({ TrainingJobName: name }))),
  read: (d) => ({
    arn: d.TrainingJobArn,
    status: d.TrainingJobStatus ?? 'Unknown',
    secondaryStatus: d.SecondaryStatus,
    creationTime: d.CreationTime,
    endTime: d.TrainingEndTime,
    durationSeconds: seconds(d.CreationTime, d.TrainingEndTime ?? d.LastModifiedTime),
    billableSeconds: d.BillableTimeInSeconds,
    modelArtifacts: d.ModelArtifacts?.S3ModelArtifacts || undefined,
    failureReason: d.FailureReason || undefined,
    transitions: (d.SecondaryStatusTransitions ?? []).map((t) => ({ status: t.Status ?? '', startTime: t.StartTime ?? new Date(0), endTime: t.EndTime, message: t.StatusMessage ?? '' })),
  }),
};

/**
 * A job that has only a status (transform, processing, tuning): each status is its one transition, dated when it began, and
 * its output is named only once it completed ("A transform job stopped before it completes stores none of its
 * output", StopTransformJob).
 */
function statusOnly(d: { arn?: string; status?: string; creationTime?: Date; endTime?: Date; output?: string; failureReason?: string; message?: string }): JobDescription {
  const start = d.status === 'InProgress' ? d.creationTime : (d.endTime ?? d.creationTime);
  return {
    arn: d.arn,
    status: d.status ?? 'Unknown',
    creationTime: d.creationTime,
    endTime: d.endTime,
    durationSeconds: seconds(d.creationTime, d.endTime),
    outputPath: d.status === 'Completed' ? d.output : undefined,
    failureReason: d.failureReason || undefined,
    transitions: [{ status: d.status ?? '', startTime: start ?? new Date(0), message: d.message ?? '' }],
  };
}

const transform: JobApi<DescribeTransformJobResponse> = {
  create: async (sm, request) => (await sm.send(new CreateTransformJobCommand(request as unknown as CreateTransformJobRequest))).TransformJobArn,
  describe: (sm, name) => sm.send(new DescribeTransformJobCommand({ TransformJobName: name })),
  stop: async (sm, name) => void (await sm.send(new StopTransformJobCommand({ TransformJobName: name }))),
  read: (d) => statusOnly({ arn: d.TransformJobArn, status: d.TransformJobStatus, creationTime: d.CreationTime, endTime: d.TransformEndTime, output: d.TransformOutput?.S3OutputPath, failureReason: d.FailureReason, message: d.FailureReason }),
};

const processing: JobApi<DescribeProcessingJobResponse> = {
  create: async (sm, request) => (await sm.send(new CreateProcessingJobCommand(request as unknown as CreateProcessingJobRequest))).ProcessingJobArn,
  describe: (sm, name) => sm.send(new DescribeProcessingJobCommand({ ProcessingJobName: name })),
  stop: async (sm, name) => void (await sm.send(new StopProcessingJobCommand({ ProcessingJobName: name }))),
  read: (d) => {
    const outputs = (d.ProcessingOutputConfig?.Outputs ?? []).map((o) => o.S3Output?.S3Uri ?? (o.FeatureStoreOutput?.FeatureGroupName && `feature group ${o.FeatureStoreOutput.FeatureGroupName}`)).filter((u): u is string => !!u);
    return statusOnly({
      arn: d.ProcessingJobArn, status: d.ProcessingJobStatus, creationTime: d.CreationTime, endTime: d.ProcessingEndTime, output: outputs.join(', ') || undefined,
      // ExitMessage is the container's last words, a reason only when it failed (review of the day).
      failureReason: d.FailureReason || (d.ProcessingJobStatus === 'Failed' ? d.ExitMessage : undefined),
      message: d.FailureReason ?? d.ExitMessage,
    });
  },
};

/** "3 of 10 training jobs completed, 2 in progress, 1 failed": what a tuning job has done so far. */
function trainingJobCounts(d: DescribeHyperParameterTuningJobResponse): string {
  const c = d.TrainingJobStatusCounters ?? {};
  const max = d.HyperParameterTuningJobConfig?.ResourceLimits?.MaxNumberOfTrainingJobs;
  const failed = (c.RetryableError ?? 0) + (c.NonRetryableError ?? 0);
  return [
    `${c.Completed ?? 0}${max !== undefined ? ` of ${max}` : ''} training job${(max ?? c.Completed) === 1 ? '' : 's'} completed`,
    c.InProgress ? `${c.InProgress} in progress` : undefined,
    failed ? `${failed} failed` : undefined,
    c.Stopped ? `${c.Stopped} stopped` : undefined,
  ].filter(Boolean).join(', ');
}

const tuning: JobApi<DescribeHyperParameterTuningJobResponse> = {
  create: async (sm, request) => (await sm.send(new CreateHyperParameterTuningJobCommand(request as unknown as CreateHyperParameterTuningJobRequest))).HyperParameterTuningJobArn,
  describe: (sm, name) => sm.send(new DescribeHyperParameterTuningJobCommand({ HyperParameterTuningJobName: name })),
  stop: async (sm, name) => void (await sm.send(new StopHyperParameterTuningJobCommand({ HyperParameterTuningJobName: name }))),
  // Its progress is its training jobs: each new count is a line of its own (the runner reports a message once).
  read: (d) => {
    const best = d.BestTrainingJob;
    const metric = best?.FinalHyperParameterTuningJobObjectiveMetric;
    return {
      ...statusOnly({ arn: d.HyperParameterTuningJobArn, status: d.HyperParameterTuningJobStatus, creationTime: d.CreationTime, endTime: d.HyperParameterTuningEndTime, failureReason: d.FailureReason, message: trainingJobCounts(d) }),
      // Its name, its objective metric and the values it tried: what a tuning job is run for.
      bestTrainingJob: best?.TrainingJobName
        ? `${best.TrainingJobName}${metric ? ` (${metric.MetricName} ${metric.Value})` : ''}${Object.keys(best.TunedHyperParameters ?? {}).length ? `: ${Object.entries(best.TunedHyperParameters ?? {}).map(([k, v]) => `${k}=${v}`).join(', ')}` : ''}`
        : undefined,
    };
  },
};

export type JobDescribeResponse = DescribeTrainingJobResponse | DescribeTransformJobResponse | DescribeProcessingJobResponse | DescribeHyperParameterTuningJobResponse;

export const JOB_APIS: { [K in JobKind]: JobApi<JobDescribeResponse> } = {
  training: training as JobApi<JobDescribeResponse>,
  transform: transform as JobApi<JobDescribeResponse>,
  processing: processing as JobApi<JobDescribeResponse>,
  tuning: tuning as JobApi<JobDescribeResponse>,
};

// Step Functions' optimized SageMaker integrations (`arn:aws:states:::sagemaker:<api>`), one entry each: what the
// graph calls it, where its request keeps the instances, the time limit and a tuning job's count of training jobs,
// and the IAM policy its task needs. The graph, the policy and the job kinds the extension starts
// (server/src/jobKinds.ts: their operations, the member that names the job, instances, time limit and count of
// training jobs) read this table; a new SageMaker integration is one entry here (test/unit/iamPolicy.test.ts holds
// the table to the integrations schemas/generate.mjs generates). Imports nothing: the extension bundles it.

export interface PolicyResource {
  /** The ARN's resource type, e.g. training-job. */
  type: string;
  /** The request member that names it. */
  nameMember: string;
  /** Whether the policy allows names that start with the given one (the guide's `[[trainingJobName]]*`). */
  prefix: boolean;
}

export interface IntegrationPolicy {
  actions: string[];
  /** Describe/Stop actions `.sync` adds (it polls and, when the execution stops, stops the job). */
  syncActions: string[];
  resources: PolicyResource[];
  /** The EventBridge rule Step Functions creates for `.sync`. */
  syncRule?: string;
  /** Paths of the role the request passes to SageMaker ("[]" = every item of a list). */
  roles: string[];
}

export interface SageMakerIntegration {
  /** What the graph calls it: "training", "endpoint config". */
  readonly label: string;
  /** The request members down to the object with InstanceType and InstanceCount: the first of these paths present. */
  readonly instances?: readonly (readonly string[])[];
  /** The request members down to the job's time limit in seconds. */
  readonly maxRuntime?: readonly string[];
  /**
   * A job that runs training jobs (tuning): the members down to how many it may run and how many at a time;
   * `instances` and `maxRuntime` are then each training job's.
   */
  readonly trainingJobs?: { readonly max: readonly string[]; readonly parallel: readonly string[] };
  readonly policy: IntegrationPolicy;
}

// The policies: training's and transform's are the developer guide's published ones (iamPolicy.ts). The other
// integrations follow the same pattern; where the guide gives no policy the names and resources come from the AWS
// CDK's SageMaker tasks (endpoint, endpoint configuration, model, update endpoint: exact names, lowercase) and the
// Step Functions Data Science SDK (tuning: StepFunctionsGetEventsForSageMakerTuningJobsRule). The processing rule
// name is the one Step Functions' users grant (StepFunctionsGetEventsForSageMakerProcessingJobsRule); the labeling
// rule name follows the pattern and is not published anywhere we could read.
export const SAGEMAKER_INTEGRATIONS: Readonly<Record<string, SageMakerIntegration>> = {
  createTrainingJob: {
    label: 'training',
    instances: [['ResourceConfig']],
    maxRuntime: ['StoppingCondition', 'MaxRuntimeInSeconds'],
    policy: {
      actions: ['sagemaker:CreateTrainingJob'],
      syncActions: ['sagemaker:DescribeTrainingJob', 'sagemaker:StopTrainingJob'],
      resources: [{ type: 'training-job', nameMember: 'TrainingJobName', prefix: true }],
      syncRule: 'StepFunctionsGetEventsForSageMakerTrainingJobsRule',
      roles: ['RoleArn'],
    },
  },
  createTransformJob: {
    label: 'transform',
    instances: [['TransformResources']],
    policy: {
      actions: ['sagemaker:CreateTransformJob'],
      syncActions: ['sagemaker:DescribeTransformJob', 'sagemaker:StopTransformJob'],
      resources: [{ type: 'transform-job', nameMember: 'TransformJobName', prefix: true }],
      syncRule: 'StepFunctionsGetEventsForSageMakerTransformJobsRule',
      roles: [],
    },
  },
  createHyperParameterTuningJob: {
    label: 'tuning',
    instances: [['TrainingJobDefinition', 'ResourceConfig'], ['TrainingJobDefinition', 'HyperParameterTuningResourceConfig']],
    maxRuntime: ['TrainingJobDefinition', 'StoppingCondition', 'MaxRuntimeInSeconds'],
    trainingJobs: {
      max: ['HyperParameterTuningJobConfig', 'ResourceLimits', 'MaxNumberOfTrainingJobs'],
      parallel: ['HyperParameterTuningJobConfig', 'ResourceLimits', 'MaxParallelTrainingJobs'],
    },
    policy: {
      actions: ['sagemaker:CreateHyperParameterTuningJob'],
      syncActions: ['sagemaker:DescribeHyperParameterTuningJob', 'sagemaker:StopHyperParameterTuningJob'],
      resources: [{ type: 'hyper-parameter-tuning-job', nameMember: 'HyperParameterTuningJobName', prefix: true }],
      syncRule: 'StepFunctionsGetEventsForSageMakerTuningJobsRule',
      roles: ['TrainingJobDefinition.RoleArn', 'TrainingJobDefinitions[].RoleArn'],
    },
  },
  createLabelingJob: {
    label: 'labeling',
    policy: {
      actions: ['sagemaker:CreateLabelingJob'],
      syncActions: ['sagemaker:DescribeLabelingJob', 'sagemaker:StopLabelingJob'],
      resources: [{ type: 'labeling-job', nameMember: 'LabelingJobName', prefix: true }],
      // No source names the rule Step Functions manages for labeling jobs (training's, transform's and tuning's are
      // in AWS's samples, processing's in users' policies): the rules it manages for SageMaker, not a guessed name.
      syncRule: 'StepFunctionsGetEventsForSageMaker*',
      roles: ['RoleArn'],
    },
  },
  createProcessingJob: {
    label: 'processing',
    instances: [['ProcessingResources', 'ClusterConfig']],
    maxRuntime: ['StoppingCondition', 'MaxRuntimeInSeconds'],
    policy: {
      actions: ['sagemaker:CreateProcessingJob'],
      syncActions: ['sagemaker:DescribeProcessingJob', 'sagemaker:StopProcessingJob'],
      resources: [{ type: 'processing-job', nameMember: 'ProcessingJobName', prefix: true }],
      syncRule: 'StepFunctionsGetEventsForSageMakerProcessingJobsRule',
      roles: ['RoleArn'],
    },
  },
  createModel: {
    label: 'model',
    policy: {
      actions: ['sagemaker:CreateModel'],
      syncActions: [],
      resources: [{ type: 'model', nameMember: 'ModelName', prefix: true }],
      roles: ['ExecutionRoleArn'],
    },
  },
  createEndpointConfig: {
    label: 'endpoint config',
    policy: {
      actions: ['sagemaker:CreateEndpointConfig'],
      syncActions: [],
      resources: [{ type: 'endpoint-config', nameMember: 'EndpointConfigName', prefix: false }],
      roles: ['ExecutionRoleArn'],
    },
  },
  createEndpoint: {
    label: 'endpoint',
    policy: {
      actions: ['sagemaker:CreateEndpoint'],
      syncActions: [],
      resources: [
        { type: 'endpoint', nameMember: 'EndpointName', prefix: false },
        { type: 'endpoint-config', nameMember: 'EndpointConfigName', prefix: false },
      ],
      roles: [],
    },
  },
  updateEndpoint: {
    label: 'endpoint update',
    policy: {
      actions: ['sagemaker:UpdateEndpoint'],
      syncActions: [],
      resources: [
        { type: 'endpoint', nameMember: 'EndpointName', prefix: false },
        { type: 'endpoint-config', nameMember: 'EndpointConfigName', prefix: false },
      ],
      roles: [],
    },
  },
};

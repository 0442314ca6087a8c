// SageMaker's rules that only the model's documentation states (schemas/documented-rules.json): the data is in
// step with the model, and every rule flags a violation, passes its boundary value and stays silent on a dynamic value.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTree } from 'jsonc-parser';
import { checkDocumentedRules, documentedRuleViolations, documentedRules } from '../../server/src/service/sagemaker/documentedRules';
import { wildcardMatch } from '../../server/src/service/sagemaker/ruleChecks';
import { parseYaml } from '../../server/src/service/yaml/parseYaml';
import { isEvaluatedBySageMaker } from '../../server/src/service/sagemaker/literalJsonPaths';
import type { AstNode } from '../../server/src/service/core/types';

const root = join(__dirname, '..', '..', '..');
const rulesScript = () => import(join(root, 'schemas', 'rules.mjs'));
const model = () => JSON.parse(readFileSync(join(root, 'schemas', 'aws-model', 'sagemaker-2017-07-24.service-2.json'), 'utf8'));

/** The findings on a payload, reduced to what a reader checks: rule, severity, the text it covers. */
function run(api: string, payload: unknown) {
  const text = JSON.stringify(payload, null, 1);
  const tree = parseTree(text) as AstNode;
  return checkDocumentedRules(api, tree).map((p) => ({
    rule: p.data!.rule as string,
    severity: p.severity,
    at: text.slice(p.offset, p.offset + p.length),
    message: p.message,
    fix: p.data!.fix as Record<string, unknown> | undefined,
    offset: p.offset,
    text,
  }));
}
const rulesOf = (api: string, payload: unknown) => run(api, payload).map((f) => f.rule).sort();

const env = (entries: number, valueLength: number, prefix = 'K') =>
  Object.fromEntries(Array.from({ length: entries }, (_, i) => [`${prefix}${String(i).padStart(2, '0')}`, 'v'.repeat(valueLength)]));
const ranges = (n: number) => Array.from({ length: n }, (_, i) => ({ Name: `p${i}`, MinValue: '1', MaxValue: '2' }));
const nodes = (n: number) => Array.from({ length: n }, (_, i) => `node-${i}`);
const instances = (n: number) => Array.from({ length: n }, (_, i) => `i-${(0x10000000 + i).toString(16)}`);
/** A tuning job with this config and one (empty) training job definition, so that it has a training job to launch. */
const tuning = (config: object) => ({ HyperParameterTuningJobConfig: { Strategy: 'Bayesian', ResourceLimits: { MaxParallelTrainingJobs: 1 }, ...config }, TrainingJobDefinitions: [{}] });
/** A Hyperband tuning job of one training job definition, with these static hyperparameters (or `definition` instead). */
const hyperband = (config: object, hyperParameters: object = {}, definition: object = { StaticHyperParameters: hyperParameters }) => ({
  ...tuning({ Strategy: 'Hyperband', ...config }),
  TrainingJobDefinitions: undefined,
  TrainingJobDefinition: definition,
});
const cluster = (c: object) => ({ ProcessingResources: { ClusterConfig: { VolumeSizeInGB: 10, ...c } } });
const input = (i: object) => ({ ProcessingInputs: [{ InputName: 'in', ...i }] });
const s3In = (x: object = {}) => ({ S3Uri: 's3://b/k', S3DataType: 'S3Prefix', LocalPath: '/opt/ml/processing/in', ...x });
const output = (o: object) => ({ ProcessingOutputConfig: { Outputs: [{ OutputName: 'out', ...o }] } });
const shap = (c: object) => ({ ExplainerConfig: { ClarifyExplainerConfig: { ShapConfig: { ShapBaselineConfig: c } } } });
/** An explainer with this inference config; its SHAP config has a TextConfig (text features need one) unless `text` is false. */
const inference = (c: object, text = true) => ({
  ExplainerConfig: { ClarifyExplainerConfig: { InferenceConfig: c, ShapConfig: { ShapBaselineConfig: { ShapBaseline: '1,2' }, ...(text ? { TextConfig: { Language: 'en', Granularity: 'token' } } : {}) } } },
});
const modelData = (d: object) => ({ PrimaryContainer: { ModelDataSource: { S3DataSource: { CompressionType: 'None', ...d } } } });
const variant = (v: object) => ({ ProductionVariants: [{ VariantName: 'v', ...v }] });
const routing = (r: object) => variant({ RoutingConfig: r });
const serverless = (s: object) => variant({ ServerlessConfig: { MemorySizeInMB: 1024, MaxConcurrency: 5, ...s } });
const blueGreen = (b: object) => ({ DeploymentConfig: { BlueGreenUpdatePolicy: { TrafficRoutingConfiguration: { Type: 'ALL_AT_ONCE', WaitIntervalInSeconds: 0 }, ...b } } });
const traffic = (t: object) => blueGreen({ TrafficRoutingConfiguration: { WaitIntervalInSeconds: 0, ...t } });
const rolling = (size: object) => ({ DeploymentConfig: { RollingUpdatePolicy: { MaximumBatchSize: size, WaitIntervalInSeconds: 0 } } });
const pref = (p: object = {}) => ({ InstanceType: 'ml.m5.large', ...p });
const procPref = (p: object = {}) => ({ InstanceType: 'ml.m5.large', ...p });
const algorithm = (arn: string) => ({ LabelingJobAlgorithmsConfig: { LabelingJobAlgorithmSpecificationArn: arn } });
const s3Model = { S3DataSource: { S3Uri: 's3://b/mme/', S3DataType: 'S3Prefix', CompressionType: 'None' } };
const human = (h: object) => ({ HumanTaskConfig: { TaskTimeLimitInSeconds: 300, ...h } });
const preLambda = (name: string, region = 'us-east-1', account = '432418664414') => `arn:aws:lambda:${region}:${account}:function:${name}`;
const uiArn = (task: string) => `arn:aws:sagemaker:us-east-1:394669845002:human-task-ui/${task}`;
/**
 * A task type that takes one human task UI: its pre-annotation Lambdas (the task and its adjustment) with another
 * type's UI are each refused; the last with its own UI passes; the first with a computed UI is not judged.
 */
const uiArnCase = (lambdas: string[], right: string, wrong: string) => ({
  api: 'createLabelingJob',
  bad: lambdas.map((l) => human({ PreHumanTaskLambdaArn: preLambda(l), UiConfig: { HumanTaskUiArn: uiArn(wrong) } })),
  ok: human({ PreHumanTaskLambdaArn: preLambda(lambdas[lambdas.length - 1]), UiConfig: { HumanTaskUiArn: uiArn(right) } }),
  dynamic: human({ PreHumanTaskLambdaArn: preLambda(lambdas[0]), UiConfig: { 'HumanTaskUiArn.$': '$.ui' } }),
});
const price = { AmountInUsd: { Dollars: 0, Cents: 3, TenthFractionsOfACent: 6 } };
const scaling = (m: object) => variant({ ManagedInstanceScaling: { Status: 'ENABLED', ...m } });
const packageArn = 'arn:aws:sagemaker:us-east-1:111122223333:model-package/p/1';
/** A compilation job's request with its CompilerOptions (a JSON text), and the same computed. */
const compiled = (options: string) => ({ ModelPackageVersionArn: packageArn, OutputConfig: { S3OutputLocation: 's3://b/o', TargetDevice: 'ml_c5', CompilerOptions: options } });
const compiledDynamic = { ModelPackageVersionArn: packageArn, OutputConfig: { S3OutputLocation: 's3://b/o', TargetDevice: 'ml_c5', 'CompilerOptions.$': '$.options' } };
/** An AutoML V2 forecasting request with these Transformations (the target column: demand). */
const forecast = (transformations: object, timeSeries: object = { TargetAttributeName: 'demand' }) => ({
  AutoMLProblemTypeConfig: { TimeSeriesForecastingJobConfig: { ForecastFrequency: '1D', ForecastHorizon: 7, TimeSeriesConfig: { TimestampAttributeName: 'ts', ItemIdentifierAttributeName: 'sku', ...timeSeries }, Transformations: transformations } },
});
const role = 'arn:aws:iam::111122223333:role/SageMakerRole';
/** A feature group's offline store: every feature group needs one store or both. */
const offline = { S3StorageConfig: { S3Uri: 's3://b/feature-store' } };
const images = (n: number) => Array.from({ length: n }, (_, i) => ({ ImageName: `image-${i}`, AppImageConfigName: 'config' }));
const hidden = (image: object) => ({ DomainId: 'd-1', UserProfileName: 'u', UserSettings: { StudioWebPortalSettings: { HiddenSageMakerImageVersionAliases: [image] } } });
const cognito = (client: string, pool: string, group = 'g1') => ({ UserPool: pool, UserGroup: group, ClientId: client });
const cidrs = (n: number) => Array.from({ length: n }, (_, i) => `10.0.${i}.0/24`);
const algorithmSpec = (spec: object) => ({ AlgorithmName: 'a', TrainingSpecification: { TrainingImage: '111122223333.dkr.ecr.us-east-1.amazonaws.com/a:1', SupportedTrainingInstanceTypes: ['ml.m5.large'], TrainingChannels: [{ Name: 'train', SupportedContentTypes: ['text/csv'], SupportedInputModes: ['File'] }], ...spec } });
const rollingComponent = (size: object) => ({ InferenceComponentName: 'ic', DeploymentConfig: { RollingUpdatePolicy: { MaximumBatchSize: size, WaitIntervalInSeconds: 60 } } });
const usd = (Dollars: number, Cents: number, TenthFractionsOfACent: number) => ({ AmountInUsd: { Dollars, Cents, TenthFractionsOfACent } });
const flow = (source: string | undefined, price: object) => ({ ...(source ? { HumanLoopRequestSource: { AwsManagedHumanLoopRequestSource: source } } : {}), HumanLoopConfig: { PublicWorkforceTaskPrice: price } });
const window = (start: string, end: string) => ({ MonitoringScheduleConfig: { ScheduleConfig: { ScheduleExpression: 'NOW', DataAnalysisStartTime: start, DataAnalysisEndTime: end } } });
const partner = (assigned: string[], groups: string[]) => ({ Name: 'app', Type: 'fiddler', AuthType: 'IDC', IdcConfig: { IdcInstanceArn: 'arn:aws:sso:::instance/ssoins-1' }, ApplicationConfig: { AssignedGroupPatterns: assigned, RoleGroupAssignments: [{ RoleName: 'ORG_ADMIN', GroupPatterns: groups }] } });
const ecr = (region: string, suffix = '', account = '683313688378') => `${account}.dkr.ecr.${region}.amazonaws.com${suffix}/sagemaker-xgboost:1.7-1`;

/** A training job that is not serverless: the algorithm and the instances it needs (the case's own members win). */
const trainingJob = (p: object) => ({
  AlgorithmSpecification: { TrainingImage: '382416733822.dkr.ecr.us-east-1.amazonaws.com/linear-learner:1', TrainingInputMode: 'File' },
  ResourceConfig: { InstanceCount: 1, InstanceType: 'ml.m5.xlarge', VolumeSizeInGB: 10 },
  ...p,
});

const vpc = { VpcId: 'vpc-0123abcd', SecurityGroupIds: ['sg-0123abcd'], Subnets: ['subnet-0123abcd'] };
const stages = (n: number) => Array.from({ length: n }, (_, i) => ({ StageName: `s${i}`, DeviceSelectionConfig: { DeviceSubsetType: 'ALL' } }));
const quota = (sharing: object) => ({ Name: 'q', ClusterArn: 'arn:aws:sagemaker:us-east-1:111122223333:cluster/c', ComputeQuotaConfig: { ResourceSharingConfig: sharing }, ComputeQuotaTarget: { TeamName: 't' } });
const automlChannel = (type: string, compression?: string) => ({ ChannelType: 'training', ContentType: 'text/csv;header=present', DataSource: { S3DataSource: { S3DataType: type, S3Uri: 's3://b/in' } }, ...(compression ? { CompressionType: compression } : {}) });
const experiment = (source: string, variants: string[]) => ({ Name: 'e', Type: 'ShadowMode', RoleArn: role, EndpointName: 'ep', ModelVariants: variants.map((v) => ({ ModelName: v, VariantName: v, InfrastructureConfig: { InfrastructureType: 'RealTimeInference', RealTimeInferenceConfig: { InstanceType: 'ml.m5.large', InstanceCount: 1 } } })), ShadowModeConfig: { SourceModelVariantName: source, ShadowModelVariants: [{ ShadowModelVariantName: 'challenger', SamplingPercentage: 50 }] } });
const adapters = (source: object) => ({ AIRecommendationJobName: 'r', AdapterSource: source });
const idle = (settings: object) => ({ DefaultUserSettings: { JupyterLabAppSettings: { AppLifecycleManagement: { IdleSettings: { LifecycleManagement: 'ENABLED', ...settings } } } } });
const ebs = (settings: object) => ({ DefaultSpaceSettings: {}, DefaultUserSettings: { SpaceStorageSettings: { DefaultEbsStorageSettings: settings } } });
const clusterGroup = (group: object) => ({ ClusterName: 'c', InstanceGroups: [{ InstanceGroupName: 'g', InstanceType: 'ml.c5.xlarge', ExecutionRole: role, ...group }] });

interface Case {
  api: string;
  /** Breaks the rule (one payload or several). */
  bad: object | object[];
  /** The boundary value (or the nearest allowed form): no finding. */
  ok: object | object[];
  /** A value the rule needs is dynamic: no finding. */
  dynamic: object | object[];
  /** Other rules the bad payload necessarily breaks too. */
  also?: string[];
  /** The same rule in another of its scope shapes, another operation's request (UpdateTrainingJob's as CreateTrainingJob's). */
  elsewhere?: Omit<Case, 'elsewhere'>[];
}

/** A filling method set to `value` needs its `<method>_value`: the same case for each method that takes one. */
/** A tuning job whose `list` (IntegerParameterRanges, ContinuousParameterRanges) is one range named x. */
const oneRange = (list: string, range: object) => tuning({ ParameterRanges: { [list]: [{ Name: 'x', ...range }] } });
/** An Inference Recommender job's custom load test: two phases, the second `d` seconds long; `job` its JobDurationInSeconds. */
const phases = (d: unknown, job?: unknown) => ({ InputConfig: { ...(job === undefined ? {} : { JobDurationInSeconds: job }), TrafficPattern: { TrafficType: 'PHASES', Phases: [{ InitialNumberOfUsers: 1, SpawnRate: 1, DurationInSeconds: 600 }, { InitialNumberOfUsers: 2, SpawnRate: 1, DurationInSeconds: d }] } } });
/** The text generation hyperparameters' documented ranges and number forms, each a rule: out of range, at its bounds, dynamic. */
const textGenerationCases = (): Record<string, Case> => {
  const job = (hp: Record<string, string>) => ({ AutoMLProblemTypeConfig: { TextGenerationJobConfig: { TextGenerationHyperParameters: hp } } });
  const cases: Record<string, Case> = {};
  for (const [key, slug, min, max, integer] of [['epochCount', 'epoch-count', 1, 10, true], ['batchSize', 'batch-size', 1, 64, true], ['learningRate', 'learning-rate', 0, 1, false], ['learningRateWarmupSteps', 'learning-rate-warmup-steps', 0, 250, true]] as const) {
    cases[`automl-text-generation-${slug}-range`] = { api: 'createAutoMLJobV2', bad: [job({ [key]: String(max + 1) }), job({ [key]: String(min - 1) })], ok: [job({ [key]: String(min) }), job({ [key]: String(max) })], dynamic: job({ [key]: '{% $n %}' }) };
    cases[`automl-text-generation-${slug}-format`] = { api: 'createAutoMLJobV2', bad: job({ [key]: integer ? '0.5e1' : 'half' }), ok: job({ [key]: integer ? String(max) : '0.5' }), dynamic: job({ [key]: '${Value}' }) };
  }
  return cases;
};
const fillMethodCases = (methods: string[]): Record<string, Case> =>
  Object.fromEntries(
    methods.map((m) => [
      `automl-${m}-methods`,
      {
        api: 'createAutoMLJobV2',
        bad: [forecast({ Filling: { price: { [m]: 'none' } } }), forecast({ Filling: { price: { [m]: 'Zero' } } })],
        ok: ['zero', 'value', 'median', 'mean', 'min', 'max'].map((v) => forecast({ Filling: { price: { [m]: v, [`${m}_value`]: '2' } } })),
        dynamic: forecast({ Filling: { price: { [`${m}.$`]: '$.how' } } }),
      },
    ]),
  );
const fillValueCases = (methods: string[]): Record<string, Case> =>
  Object.fromEntries(
    methods.map((m) => [
      `automl-${m}-value-needs-its-value`,
      {
        api: 'createAutoMLJobV2',
        bad: forecast({ Filling: { price: { [m]: 'value' } } }),
        ok: forecast({ Filling: { price: { [m]: 'value', [`${m}_value`]: '2' } } }),
        dynamic: forecast({ Filling: { price: { [`${m}.$`]: '$.fill' } } }),
      },
    ]),
  );

const CASES: Record<string, Case> = {
  'model-access-accepts-eula': {
    api: 'createModel',
    bad: { PrimaryContainer: { Image: 'i', ModelDataSource: { S3DataSource: { S3Uri: 's3://b/m/', S3DataType: 'S3Prefix', CompressionType: 'None', ModelAccessConfig: { AcceptEula: false } } } } },
    ok: [{ PrimaryContainer: { Image: 'i', ModelDataSource: { S3DataSource: { S3Uri: 's3://b/m/', S3DataType: 'S3Prefix', CompressionType: 'None', ModelAccessConfig: { AcceptEula: true } } } } }],
    dynamic: { PrimaryContainer: { Image: 'i', ModelDataSource: { S3DataSource: { S3Uri: 's3://b/m/', S3DataType: 'S3Prefix', CompressionType: 'None', ModelAccessConfig: { 'AcceptEula.$': '$.eula' } } } } },
  },

  'monitoring-hourly-runtime-3600': {
    api: 'createMonitoringSchedule',
    bad: { MonitoringScheduleConfig: { ScheduleConfig: { ScheduleExpression: 'cron(0 * ? * * *)' }, MonitoringJobDefinition: { StoppingCondition: { MaxRuntimeInSeconds: 3601 } } } },
    ok: [{ MonitoringScheduleConfig: { ScheduleConfig: { ScheduleExpression: 'cron(0 * ? * * *)' }, MonitoringJobDefinition: { StoppingCondition: { MaxRuntimeInSeconds: 3600 } } } }, { MonitoringScheduleConfig: { ScheduleConfig: { ScheduleExpression: 'cron(0 12 ? * * *)' }, MonitoringJobDefinition: { StoppingCondition: { MaxRuntimeInSeconds: 7200 } } } }],
    dynamic: { MonitoringScheduleConfig: { ScheduleConfig: { 'ScheduleExpression.$': '$.cron' }, MonitoringJobDefinition: { StoppingCondition: { MaxRuntimeInSeconds: 3601 } } } },
  },
  'monitoring-hourly-bias-quality-runtime-1800': {
    api: 'createMonitoringSchedule',
    bad: { MonitoringScheduleConfig: { MonitoringType: 'ModelBias', ScheduleConfig: { ScheduleExpression: 'cron(0 * ? * * *)' }, MonitoringJobDefinition: { StoppingCondition: { MaxRuntimeInSeconds: 1801 } } } },
    ok: [{ MonitoringScheduleConfig: { MonitoringType: 'ModelQuality', ScheduleConfig: { ScheduleExpression: 'cron(0 * ? * * *)' }, MonitoringJobDefinition: { StoppingCondition: { MaxRuntimeInSeconds: 1800 } } } }, { MonitoringScheduleConfig: { MonitoringType: 'DataQuality', ScheduleConfig: { ScheduleExpression: 'cron(0 * ? * * *)' }, MonitoringJobDefinition: { StoppingCondition: { MaxRuntimeInSeconds: 3600 } } } }],
    dynamic: { MonitoringScheduleConfig: { 'MonitoringType.$': '$.type', ScheduleConfig: { ScheduleExpression: 'cron(0 * ? * * *)' }, MonitoringJobDefinition: { StoppingCondition: { MaxRuntimeInSeconds: 1801 } } } },
  },
  'inference-component-specifications-instance-type': {
    api: 'createInferenceComponent',
    bad: { Specifications: [{ ModelName: 'a', InstanceType: 'ml.g5.xlarge' }, { ModelName: 'b' }] },
    ok: [{ Specifications: [{ ModelName: 'a', InstanceType: 'ml.g5.xlarge' }, { ModelName: 'b', InstanceType: 'ml.g6.xlarge' }] }, { Specifications: [{ ModelName: 'a' }] }],
    dynamic: [{ 'Specifications.$': '$.specs' }, { Specifications: [{ ModelName: 'a', InstanceType: 'ml.g5.xlarge' }, { ModelName: 'b', 'InstanceType.$': '$.t' }] }],
  },
  'feature-vector-fractional': {
    api: 'createFeatureGroup',
    bad: { OfflineStoreConfig: offline, FeatureDefinitions: [{ FeatureName: 'embedding', FeatureType: 'Integral', CollectionType: 'Vector', CollectionConfig: { VectorConfig: { Dimension: 8 } } }] },
    ok: [{ OfflineStoreConfig: offline, FeatureDefinitions: [{ FeatureName: 'embedding', FeatureType: 'Fractional', CollectionType: 'Vector', CollectionConfig: { VectorConfig: { Dimension: 8 } } }] }, { OfflineStoreConfig: offline, FeatureDefinitions: [{ FeatureName: 'tags', FeatureType: 'String', CollectionType: 'List' }] }],
    dynamic: { OfflineStoreConfig: offline, FeatureDefinitions: [{ FeatureName: 'embedding', 'FeatureType.$': '$.t', CollectionType: 'Vector' }] },
  },
  'feature-group-record-identifier-is-a-feature': {
    api: 'createFeatureGroup',
    bad: { OfflineStoreConfig: offline, RecordIdentifierFeatureName: 'account_id', EventTimeFeatureName: 'ts', FeatureDefinitions: [{ FeatureName: 'customer_id', FeatureType: 'String' }, { FeatureName: 'ts', FeatureType: 'Fractional' }] },
    ok: { OfflineStoreConfig: offline, RecordIdentifierFeatureName: 'customer_id', EventTimeFeatureName: 'ts', FeatureDefinitions: [{ FeatureName: 'customer_id', FeatureType: 'String' }, { FeatureName: 'ts', FeatureType: 'Fractional' }] },
    dynamic: [{ OfflineStoreConfig: offline, RecordIdentifierFeatureName: 'account_id', EventTimeFeatureName: 'ts', FeatureDefinitions: [{ 'FeatureName.$': '$.id', FeatureType: 'String' }, { FeatureName: 'ts', FeatureType: 'Fractional' }] }, { OfflineStoreConfig: offline, 'RecordIdentifierFeatureName.$': '$.id', EventTimeFeatureName: 'ts', FeatureDefinitions: [{ FeatureName: 'ts', FeatureType: 'Fractional' }] }],
  },
  'feature-group-event-time-feature': {
    api: 'createFeatureGroup',
    bad: [{ OfflineStoreConfig: offline, RecordIdentifierFeatureName: 'id', EventTimeFeatureName: 'ts', FeatureDefinitions: [{ FeatureName: 'id', FeatureType: 'String' }, { FeatureName: 'ts', FeatureType: 'Integral' }] }, { OfflineStoreConfig: offline, RecordIdentifierFeatureName: 'id', EventTimeFeatureName: 'event_time', FeatureDefinitions: [{ FeatureName: 'id', FeatureType: 'String' }] }],
    ok: [{ OfflineStoreConfig: offline, RecordIdentifierFeatureName: 'id', EventTimeFeatureName: 'ts', FeatureDefinitions: [{ FeatureName: 'id', FeatureType: 'String' }, { FeatureName: 'ts', FeatureType: 'String' }] }],
    dynamic: { OfflineStoreConfig: offline, RecordIdentifierFeatureName: 'id', EventTimeFeatureName: 'ts', FeatureDefinitions: [{ FeatureName: 'id', FeatureType: 'String' }, { FeatureName: 'ts', 'FeatureType.$': '$.t' }] },
  },
  'feature-group-needs-a-store': {
    api: 'createFeatureGroup',
    bad: { RecordIdentifierFeatureName: 'id', EventTimeFeatureName: 'ts', FeatureDefinitions: [{ FeatureName: 'id', FeatureType: 'String' }, { FeatureName: 'ts', FeatureType: 'String' }] },
    ok: [{ RecordIdentifierFeatureName: 'id', EventTimeFeatureName: 'ts', FeatureDefinitions: [{ FeatureName: 'id', FeatureType: 'String' }, { FeatureName: 'ts', FeatureType: 'String' }], OnlineStoreConfig: { EnableOnlineStore: true } }, { RecordIdentifierFeatureName: 'id', EventTimeFeatureName: 'ts', FeatureDefinitions: [{ FeatureName: 'id', FeatureType: 'String' }, { FeatureName: 'ts', FeatureType: 'String' }], OfflineStoreConfig: { S3StorageConfig: { S3Uri: 's3://b/fs' } } }],
    dynamic: { RecordIdentifierFeatureName: 'id', EventTimeFeatureName: 'ts', FeatureDefinitions: [{ FeatureName: 'id', FeatureType: 'String' }, { FeatureName: 'ts', FeatureType: 'String' }], 'OnlineStoreConfig.$': '$.online' },
  },
  'feature-group-on-demand-no-read-units': {
    api: 'createFeatureGroup',
    bad: { OfflineStoreConfig: { S3StorageConfig: { S3Uri: 's3://b/fs' } }, ThroughputConfig: { ThroughputMode: 'OnDemand', ProvisionedReadCapacityUnits: 100 } },
    ok: [{ OfflineStoreConfig: { S3StorageConfig: { S3Uri: 's3://b/fs' } }, ThroughputConfig: { ThroughputMode: 'Provisioned', ProvisionedReadCapacityUnits: 100 } }, { OfflineStoreConfig: { S3StorageConfig: { S3Uri: 's3://b/fs' } }, ThroughputConfig: { ThroughputMode: 'OnDemand' } }],
    dynamic: { OfflineStoreConfig: { S3StorageConfig: { S3Uri: 's3://b/fs' } }, ThroughputConfig: { 'ThroughputMode.$': '$.mode', ProvisionedReadCapacityUnits: 100 } },
  },
  'feature-group-on-demand-no-write-units': {
    api: 'updateFeatureGroup',
    bad: { FeatureGroupName: 'g', ThroughputConfig: { ThroughputMode: 'OnDemand', ProvisionedWriteCapacityUnits: 100 } },
    ok: { FeatureGroupName: 'g', ThroughputConfig: { ThroughputMode: 'Provisioned', ProvisionedWriteCapacityUnits: 100 } },
    dynamic: { FeatureGroupName: 'g', ThroughputConfig: { 'ThroughputMode.$': '$.mode', ProvisionedWriteCapacityUnits: 100 } },
  },
  'automl-channels-same-content-type': {
    api: 'createAutoMLJobV2',
    bad: { AutoMLJobInputDataConfig: [{ ChannelType: 'training', ContentType: 'text/csv;header=present' }, { ChannelType: 'validation', ContentType: 'x-application/vnd.amazon+parquet' }] },
    ok: [{ AutoMLJobInputDataConfig: [{ ChannelType: 'training', ContentType: 'text/csv;header=present' }, { ChannelType: 'validation', ContentType: 'text/csv;header=present' }] }, { AutoMLJobInputDataConfig: [{ ContentType: 'text/csv;header=present' }, { ChannelType: 'validation' }] }],
    dynamic: { AutoMLJobInputDataConfig: [{ ChannelType: 'training', ContentType: 'text/csv;header=present' }, { ChannelType: 'validation', 'ContentType.$': '$.t' }] },
  },
  'automl-v1-channels-same-content-type': {
    api: 'createAutoMLJob',
    bad: { InputDataConfig: [{ TargetAttributeName: 'y', ContentType: 'text/csv;header=present' }, { ChannelType: 'validation', TargetAttributeName: 'y', ContentType: 'x-application/vnd.amazon+parquet' }] },
    ok: { InputDataConfig: [{ TargetAttributeName: 'y', ContentType: 'text/csv;header=present' }, { ChannelType: 'validation', TargetAttributeName: 'y', ContentType: 'text/csv;header=present' }] },
    dynamic: { InputDataConfig: [{ TargetAttributeName: 'y', 'ContentType.$': '$.a' }, { ChannelType: 'validation', TargetAttributeName: 'y', ContentType: 'x-application/vnd.amazon+parquet' }] },
  },
  'automl-v1-channels-same-target': {
    api: 'createAutoMLJob',
    bad: { InputDataConfig: [{ TargetAttributeName: 'y' }, { ChannelType: 'validation', TargetAttributeName: 'label' }] },
    ok: { InputDataConfig: [{ TargetAttributeName: 'y' }, { ChannelType: 'validation', TargetAttributeName: 'y' }] },
    dynamic: { InputDataConfig: [{ TargetAttributeName: 'y' }, { ChannelType: 'validation', 'TargetAttributeName.$': '$.t' }] },
  },
  // Session 23: documented rules of the AWS SDK integrations' requests (createCluster, createDomain, …) and AutoML V2.
  'cluster-orchestrator-exactly-one': {
    api: 'createCluster',
    bad: [{ Orchestrator: { Eks: { ClusterArn: 'arn:aws:eks:us-east-1:111122223333:cluster/c' }, Slurm: {} } }, { Orchestrator: {} }],
    ok: [{ Orchestrator: { Slurm: {} } }, { ClusterName: 'c' }],
    dynamic: [{ Orchestrator: { 'Eks.$': '$.eks' } }, { 'Orchestrator.$': '$.o' }],
  },
  'cluster-instance-type-or-requirements': {
    api: 'createCluster',
    bad: { InstanceGroups: [{ InstanceType: 'ml.p5.48xlarge', InstanceRequirements: {} }] },
    ok: [{ InstanceGroups: [{ InstanceType: 'ml.p5.48xlarge' }] }, { InstanceGroups: [{ InstanceRequirements: {} }] }],
    dynamic: { InstanceGroups: [{ 'InstanceType.$': '$.t', InstanceRequirements: {} }] },
  },
  'cluster-root-volume-no-size': {
    api: 'createCluster',
    bad: { InstanceGroups: [{ InstanceStorageConfigs: [{ EbsVolumeConfig: { RootVolume: true, VolumeKmsKeyId: 'k', VolumeSizeInGB: 100 } }] }] },
    ok: { InstanceGroups: [{ InstanceStorageConfigs: [{ EbsVolumeConfig: { RootVolume: true, VolumeKmsKeyId: 'k' } }] }] },
    dynamic: { InstanceGroups: [{ InstanceStorageConfigs: [{ EbsVolumeConfig: { 'RootVolume.$': '$.root', VolumeKmsKeyId: 'k', VolumeSizeInGB: 100 } }] }] },
  },
  'cluster-root-volume-needs-kms-key': {
    api: 'createCluster',
    bad: { InstanceGroups: [{ InstanceStorageConfigs: [{ EbsVolumeConfig: { RootVolume: true } }] }] },
    ok: { InstanceGroups: [{ InstanceStorageConfigs: [{ EbsVolumeConfig: { RootVolume: true, VolumeKmsKeyId: 'k' } }] }] },
    dynamic: { InstanceGroups: [{ InstanceStorageConfigs: [{ EbsVolumeConfig: { RootVolume: true, 'VolumeKmsKeyId.$': '$.k' } }] }] },
  },
  'cluster-secondary-volume-needs-size': {
    api: 'createCluster',
    bad: [{ InstanceGroups: [{ InstanceStorageConfigs: [{ EbsVolumeConfig: { VolumeKmsKeyId: 'k' } }] }] }, { InstanceGroups: [{ InstanceStorageConfigs: [{ EbsVolumeConfig: { RootVolume: false } }] }] }],
    ok: { InstanceGroups: [{ InstanceStorageConfigs: [{ EbsVolumeConfig: { VolumeSizeInGB: 500 } }] }] },
    dynamic: { InstanceGroups: [{ InstanceStorageConfigs: [{ EbsVolumeConfig: { 'RootVolume.$': '$.root' } }] }] },
  },
  'cluster-accounting-database-needs-continuous': {
    api: 'createCluster',
    bad: { Orchestrator: { Slurm: { AccountingDatabase: { Endpoint: 'db.example.com', SecretArn: 'arn:aws:secretsmanager:us-east-1:111122223333:secret:db' } } } },
    // Continuous with Slurm is how the accounting database is used (the sentence that limited Continuous to EKS is not encoded).
    ok: [{ NodeProvisioningMode: 'Continuous', Orchestrator: { Slurm: { AccountingDatabase: { Endpoint: 'db.example.com', SecretArn: 'arn:aws:secretsmanager:us-east-1:111122223333:secret:db' } } } }, { Orchestrator: { Slurm: { SlurmConfigStrategy: 'Managed' } } }],
    dynamic: { 'NodeProvisioningMode.$': '$.mode', Orchestrator: { Slurm: { AccountingDatabase: { Endpoint: 'db.example.com', SecretArn: 'arn:aws:secretsmanager:us-east-1:111122223333:secret:db' } } } },
  },
  'cluster-autoscaling-needs-role': {
    api: 'createCluster',
    bad: { AutoScaling: { Mode: 'Enable' } },
    ok: [{ AutoScaling: { Mode: 'Enable' }, ClusterRole: 'arn:aws:iam::111122223333:role/r' }, { AutoScaling: { Mode: 'Disable' } }],
    dynamic: [{ AutoScaling: { 'Mode.$': '$.m' } }, { AutoScaling: { Mode: 'Enable' }, 'ClusterRole.$': '$.role' }],
  },
  'cluster-lifecycle-scripts-sagemaker-bucket': {
    api: 'createCluster',
    bad: { InstanceGroups: [{ LifeCycleConfig: { SourceS3Uri: 's3://ml-scripts/lifecycle/', OnCreate: 'on_create.sh' } }] },
    ok: { InstanceGroups: [{ LifeCycleConfig: { SourceS3Uri: 's3://sagemaker-scripts/lifecycle/', OnCreate: 'on_create.sh' } }] },
    dynamic: { InstanceGroups: [{ LifeCycleConfig: { 'SourceS3Uri.$': '$.uri', OnCreate: 'on_create.sh' } }] },
  },
  'compilation-device-or-platform': {
    api: 'createCompilationJob',
    bad: [{ ModelPackageVersionArn: packageArn, OutputConfig: { S3OutputLocation: 's3://b/o', TargetDevice: 'ml_c5', TargetPlatform: { Os: 'LINUX', Arch: 'X86_64' } } }, { ModelPackageVersionArn: packageArn, OutputConfig: { S3OutputLocation: 's3://b/o' } }],
    ok: [{ ModelPackageVersionArn: packageArn, OutputConfig: { S3OutputLocation: 's3://b/o', TargetDevice: 'ml_c5' } }, { ModelPackageVersionArn: packageArn, OutputConfig: { S3OutputLocation: 's3://b/o', TargetPlatform: { Os: 'LINUX', Arch: 'X86_64' } } }],
    dynamic: { ModelPackageVersionArn: packageArn, OutputConfig: { S3OutputLocation: 's3://b/o', 'TargetDevice.$': '$.device' } },
  },
  // CompilerOptions is JSON text, the documentation's examples with single quotes too (sm41).
  'compiler-options-android-platform-21-29': {
    api: 'createCompilationJob',
    bad: [compiled('{"ANDROID_PLATFORM": 30}'), compiled("{'ANDROID_PLATFORM': 19}")],
    ok: [compiled("{'ANDROID_PLATFORM': 28}"), compiled('{"mattr": ["+neon"]}')],
    dynamic: compiledDynamic,
  },
  'compiler-options-trt-ver-x-y-z': {
    api: 'createCompilationJob',
    bad: compiled('{"gpu-code": "sm_72", "trt-ver": "7", "cuda-ver": "10.1"}'),
    ok: compiled("{'gpu-code': 'sm_72', 'trt-ver': '6.0.1', 'cuda-ver': '10.1'}"),
    dynamic: compiledDynamic,
  },
  'compiler-options-cuda-ver-x-y': {
    api: 'createCompilationJob',
    bad: compiled('{"trt-ver": "6.0.1", "cuda-ver": "10.1.2"}'),
    ok: compiled('{"trt-ver": "6.0.1", "cuda-ver": "10.1"}'),
    dynamic: compiledDynamic,
  },
  'compiler-options-dtype-values': {
    api: 'createCompilationJob',
    bad: compiled('{"dtype": "float16"}'),
    ok: [compiled('{"dtype" : "float32"}'), compiled('{"DTYPE": "long"}'), compiled('{"mcpu": "skylake-avx512"}')],
    dynamic: compiledDynamic,
  },
  'compilation-package-or-input-config': {
    api: 'createCompilationJob',
    bad: [{ ModelPackageVersionArn: 'arn:aws:sagemaker:us-east-1:111122223333:model-package/p/1', InputConfig: { S3Uri: 's3://b/m.tar.gz', Framework: 'XGBOOST' } }, { CompilationJobName: 'c' }],
    ok: [{ ModelPackageVersionArn: 'arn:aws:sagemaker:us-east-1:111122223333:model-package/p/1' }, { InputConfig: { S3Uri: 's3://b/m.tar.gz', Framework: 'XGBOOST' } }],
    dynamic: { 'InputConfig.$': '$.input' },
  },
  'compilation-framework-version-frameworks': {
    api: 'createCompilationJob',
    bad: { InputConfig: { S3Uri: 's3://b/m.tar.gz', Framework: 'XGBOOST', FrameworkVersion: '1.7' } },
    ok: [{ InputConfig: { S3Uri: 's3://b/m.tar.gz', Framework: 'PYTORCH', FrameworkVersion: '2.0' } }, { InputConfig: { S3Uri: 's3://b/m.tar.gz', Framework: 'XGBOOST' } }],
    dynamic: { InputConfig: { S3Uri: 's3://b/m.tar.gz', 'Framework.$': '$.f', FrameworkVersion: '1.7' } },
  },
  'compilation-data-input-config-needed': {
    api: 'createCompilationJob',
    bad: [{ InputConfig: { S3Uri: 's3://b/m.tar.gz', Framework: 'TENSORFLOW' } }, { InputConfig: { S3Uri: 's3://b/m.tar.gz', Framework: 'ONNX' } }],
    ok: [{ InputConfig: { S3Uri: 's3://b/m.tar.gz', Framework: 'TENSORFLOW', DataInputConfig: '{"input":[1,224,224,3]}' } }, { InputConfig: { S3Uri: 's3://b/m.tar.gz', Framework: 'XGBOOST' } }, { InputConfig: { S3Uri: 's3://b/m.tar.gz', Framework: 'PYTORCH' } }],
    dynamic: { InputConfig: { S3Uri: 's3://b/m.tar.gz', Framework: 'KERAS', 'DataInputConfig.$': '$.shape' } },
  },
  'compilation-data-input-config-dictionary': {
    api: 'createCompilationJob',
    bad: [{ InputConfig: { S3Uri: 's3://b/m.tar.gz', Framework: 'TENSORFLOW', DataInputConfig: '[1,224,224,3]' } }, { InputConfig: { S3Uri: 's3://b/m.tar.gz', Framework: 'KERAS', DataInputConfig: 'input_1: [1,3,224,224]' } }],
    ok: [{ InputConfig: { S3Uri: 's3://b/m.tar.gz', Framework: 'MXNET', DataInputConfig: '{"data": [1,3,224,224]}' } }, { InputConfig: { S3Uri: 's3://b/m.tar.gz', Framework: 'PYTORCH', DataInputConfig: '[[1,3,224,224]]' } }],
    dynamic: { InputConfig: { S3Uri: 's3://b/m.tar.gz', 'Framework.$': '$.framework', DataInputConfig: '[1,224,224,3]' } },
  },
  'domain-amazon-q-needs-sso': {
    api: 'createDomain',
    bad: { AuthMode: 'IAM', DomainSettings: { AmazonQSettings: { Status: 'ENABLED' } } },
    ok: [{ AuthMode: 'SSO', DomainSettings: { AmazonQSettings: { Status: 'ENABLED' } } }, { AuthMode: 'IAM', DomainSettings: { AmazonQSettings: { Status: 'DISABLED' } } }],
    dynamic: { 'AuthMode.$': '$.auth', DomainSettings: { AmazonQSettings: { Status: 'ENABLED' } } },
  },
  'domain-auto-mount-not-default-as-domain': {
    api: 'createDomain',
    bad: { DefaultUserSettings: { AutoMountHomeEFS: 'DefaultAsDomain' } },
    ok: { DefaultUserSettings: { AutoMountHomeEFS: 'Enabled' } },
    dynamic: { DefaultUserSettings: { 'AutoMountHomeEFS.$': '$.mount' } },
  },
  'user-settings-security-groups-4': {
    api: 'createDomain',
    bad: { DefaultUserSettings: { SecurityGroups: ['sg-1', 'sg-2', 'sg-3', 'sg-4', 'sg-5'] } },
    ok: { DefaultUserSettings: { SecurityGroups: ['sg-1', 'sg-2', 'sg-3', 'sg-4'] } },
    dynamic: { DefaultUserSettings: { 'SecurityGroups.$': '$.groups' } },
  },
  'jupyter-server-instance-type-system': {
    api: 'createDomain',
    bad: { DefaultUserSettings: { JupyterServerAppSettings: { DefaultResourceSpec: { InstanceType: 'ml.t3.medium' } } } },
    ok: [{ DefaultUserSettings: { JupyterServerAppSettings: { DefaultResourceSpec: { InstanceType: 'system' } } } }, { DefaultUserSettings: { KernelGatewayAppSettings: { DefaultResourceSpec: { InstanceType: 'ml.t3.medium' } } } }],
    dynamic: { DefaultUserSettings: { JupyterServerAppSettings: { DefaultResourceSpec: { 'InstanceType.$': '$.type' } } } },
  },
  'jupyter-server-app-instance-type-system': {
    api: 'createApp',
    bad: { DomainId: 'd-1', UserProfileName: 'u', AppType: 'JupyterServer', AppName: 'default', ResourceSpec: { InstanceType: 'ml.t3.medium' } },
    ok: [{ DomainId: 'd-1', UserProfileName: 'u', AppType: 'JupyterServer', AppName: 'default', ResourceSpec: { InstanceType: 'system' } }, { DomainId: 'd-1', UserProfileName: 'u', AppType: 'KernelGateway', AppName: 'k', ResourceSpec: { InstanceType: 'ml.t3.medium' } }, { DomainId: 'd-1', UserProfileName: 'u', AppType: 'JupyterServer', AppName: 'default' }],
    dynamic: { DomainId: 'd-1', UserProfileName: 'u', AppType: 'JupyterServer', AppName: 'default', ResourceSpec: { 'InstanceType.$': '$.type' } },
  },
  'jupyter-server-lifecycle-needs-resource-spec': {
    api: 'createDomain',
    bad: { DefaultUserSettings: { JupyterServerAppSettings: { LifecycleConfigArns: ['arn:aws:sagemaker:us-east-1:111122223333:studio-lifecycle-config/l'] } } },
    ok: { DefaultUserSettings: { JupyterServerAppSettings: { LifecycleConfigArns: ['arn:aws:sagemaker:us-east-1:111122223333:studio-lifecycle-config/l'], DefaultResourceSpec: { InstanceType: 'system' } } } },
    dynamic: { DefaultUserSettings: { JupyterServerAppSettings: { 'LifecycleConfigArns.$': '$.lcc' } } },
  },
  'studio-landing-needs-web-portal': {
    api: 'createDomain',
    bad: { DefaultUserSettings: { DefaultLandingUri: 'studio::', StudioWebPortal: 'DISABLED' } },
    ok: [{ DefaultUserSettings: { DefaultLandingUri: 'studio::', StudioWebPortal: 'ENABLED' } }, { DefaultUserSettings: { DefaultLandingUri: 'app:JupyterServer:', StudioWebPortal: 'DISABLED' } }, { DefaultUserSettings: { DefaultLandingUri: 'studio::' } }],
    dynamic: { DefaultUserSettings: { DefaultLandingUri: 'studio::', 'StudioWebPortal.$': '$.portal' } },
  },
  'domain-rstudio-service-security-groups': {
    api: 'createDomain',
    bad: { AppSecurityGroupManagement: 'Customer', DomainSettings: { RStudioServerProDomainSettings: { DomainExecutionRoleArn: 'arn:aws:iam::111122223333:role/r' } } },
    ok: [{ AppSecurityGroupManagement: 'Service', DomainSettings: { RStudioServerProDomainSettings: { DomainExecutionRoleArn: 'arn:aws:iam::111122223333:role/r' } } }, { AppSecurityGroupManagement: 'Customer' }],
    dynamic: { 'AppSecurityGroupManagement.$': '$.sg', DomainSettings: { RStudioServerProDomainSettings: { DomainExecutionRoleArn: 'arn:aws:iam::111122223333:role/r' } } },
  },
  'update-domain-rstudio-service-security-groups': {
    api: 'updateDomain',
    bad: { DomainId: 'd-1', AppSecurityGroupManagement: 'Customer', DomainSettingsForUpdate: { RStudioServerProDomainSettingsForUpdate: { DomainExecutionRoleArn: 'arn:aws:iam::111122223333:role/r' } } },
    // Service; Customer without RStudio; RStudio without a value (the domain's stays as it is).
    ok: [
      { DomainId: 'd-1', AppSecurityGroupManagement: 'Service', DomainSettingsForUpdate: { RStudioServerProDomainSettingsForUpdate: { DomainExecutionRoleArn: 'arn:aws:iam::111122223333:role/r' } } },
      { DomainId: 'd-1', AppSecurityGroupManagement: 'Customer', DomainSettingsForUpdate: { SecurityGroupIds: ['sg-1'] } },
      { DomainId: 'd-1', DomainSettingsForUpdate: { RStudioServerProDomainSettingsForUpdate: { DomainExecutionRoleArn: 'arn:aws:iam::111122223333:role/r' } } },
    ],
    dynamic: [{ DomainId: 'd-1', AppSecurityGroupManagement: '{% $states.input.sg %}', DomainSettingsForUpdate: { RStudioServerProDomainSettingsForUpdate: { DomainExecutionRoleArn: 'arn:aws:iam::111122223333:role/r' } } }, { DomainId: 'd-1', AppSecurityGroupManagement: 'Customer', DomainSettingsForUpdate: { 'RStudioServerProDomainSettingsForUpdate.$': '$.rstudio' } }],
  },
  'domain-rstudio-vpc-only-needs-security-group-management': {
    api: 'createDomain',
    bad: { AppNetworkAccessType: 'VpcOnly', DefaultUserSettings: { SecurityGroups: ['sg-1'] }, DomainSettings: { RStudioServerProDomainSettings: { DomainExecutionRoleArn: 'arn:aws:iam::111122223333:role/r' } } },
    ok: [{ AppNetworkAccessType: 'VpcOnly', AppSecurityGroupManagement: 'Service', DefaultUserSettings: { SecurityGroups: ['sg-1'] }, DomainSettings: { RStudioServerProDomainSettings: { DomainExecutionRoleArn: 'arn:aws:iam::111122223333:role/r' } } }, { AppNetworkAccessType: 'PublicInternetOnly', DomainSettings: { RStudioServerProDomainSettings: { DomainExecutionRoleArn: 'arn:aws:iam::111122223333:role/r' } } }],
    dynamic: { 'AppNetworkAccessType.$': '$.access', DefaultUserSettings: { SecurityGroups: ['sg-1'] }, DomainSettings: { RStudioServerProDomainSettings: { DomainExecutionRoleArn: 'arn:aws:iam::111122223333:role/r' } } },
  },
  'domain-vpc-only-needs-security-groups': {
    api: 'createDomain',
    bad: { AppNetworkAccessType: 'VpcOnly', DefaultUserSettings: { ExecutionRole: 'arn:aws:iam::111122223333:role/r' } },
    ok: [{ AppNetworkAccessType: 'VpcOnly', DefaultUserSettings: { SecurityGroups: ['sg-1'] } }, { AppNetworkAccessType: 'PublicInternetOnly', DefaultUserSettings: {} }],
    dynamic: [{ AppNetworkAccessType: 'VpcOnly', DefaultUserSettings: { 'SecurityGroups.$': '$.sg' } }, { AppNetworkAccessType: 'VpcOnly', 'DefaultUserSettings.$': '$.settings' }],
  },
  'feature-group-iceberg-needs-glue-table': {
    api: 'createFeatureGroup',
    bad: { OfflineStoreConfig: { S3StorageConfig: { S3Uri: 's3://b/fs' }, TableFormat: 'Iceberg', DisableGlueTableCreation: true } },
    ok: [{ OfflineStoreConfig: { S3StorageConfig: { S3Uri: 's3://b/fs' }, TableFormat: 'Iceberg' } }, { OfflineStoreConfig: { S3StorageConfig: { S3Uri: 's3://b/fs' }, TableFormat: 'Glue', DisableGlueTableCreation: true } }],
    dynamic: { OfflineStoreConfig: { S3StorageConfig: { S3Uri: 's3://b/fs' }, TableFormat: 'Iceberg', 'DisableGlueTableCreation.$': '$.d' } },
  },
  'feature-group-provisioned-not-in-memory': {
    api: 'createFeatureGroup',
    bad: { OnlineStoreConfig: { EnableOnlineStore: true, StorageType: 'InMemory' }, ThroughputConfig: { ThroughputMode: 'Provisioned', ProvisionedReadCapacityUnits: 10, ProvisionedWriteCapacityUnits: 10 } },
    ok: [{ OnlineStoreConfig: { EnableOnlineStore: true, StorageType: 'Standard' }, ThroughputConfig: { ThroughputMode: 'Provisioned' } }, { OnlineStoreConfig: { EnableOnlineStore: true, StorageType: 'InMemory' }, ThroughputConfig: { ThroughputMode: 'OnDemand' } }],
    dynamic: { OnlineStoreConfig: { EnableOnlineStore: true, 'StorageType.$': '$.t' }, ThroughputConfig: { ThroughputMode: 'Provisioned' } },
  },
  'inference-component-specification-or-specifications': {
    api: 'createInferenceComponent',
    bad: { Specification: { ModelName: 'm' }, Specifications: [{ ModelName: 'm', InstanceType: 'ml.g5.xlarge' }] },
    ok: [{ Specification: { ModelName: 'm' } }, { Specifications: [{ ModelName: 'm', InstanceType: 'ml.g5.xlarge' }] }],
    dynamic: { 'Specification.$': '$.spec', Specifications: [{ ModelName: 'm', InstanceType: 'ml.g5.xlarge' }] },
  },
  'update-inference-component-specification-or-specifications': {
    api: 'updateInferenceComponent',
    bad: { InferenceComponentName: 'ic', Specification: { ModelName: 'm' }, Specifications: [{ ModelName: 'm' }] },
    ok: [{ InferenceComponentName: 'ic', Specification: { ModelName: 'm' } }, { InferenceComponentName: 'ic', Specifications: [{ ModelName: 'm' }] }],
    dynamic: { InferenceComponentName: 'ic', Specification: { ModelName: 'm' }, 'Specifications.$': '$.specs' },
  },
  'adapter-component-no-compute-resources': {
    api: 'createInferenceComponent',
    bad: { Specification: { BaseInferenceComponentName: 'base', ComputeResourceRequirements: { MinMemoryRequiredInMb: 1024 } } },
    ok: [{ Specification: { BaseInferenceComponentName: 'base' } }, { Specification: { ModelName: 'm', ComputeResourceRequirements: { MinMemoryRequiredInMb: 1024 } } }],
    dynamic: { Specification: { 'BaseInferenceComponentName.$': '$.base', ComputeResourceRequirements: { MinMemoryRequiredInMb: 1024 } } },
  },
  'inference-component-environment-16': {
    api: 'createInferenceComponent',
    bad: { Specification: { Container: { Environment: env(17, 1) } } },
    ok: { Specification: { Container: { Environment: env(16, 1) } } },
    dynamic: { Specification: { Container: { 'Environment.$': '$.env' } } },
  },
  'recommendation-domain-values': {
    api: 'createInferenceRecommendationsJob',
    bad: { InputConfig: { ContainerConfig: { Domain: 'AUDIO' } } },
    ok: { InputConfig: { ContainerConfig: { Domain: 'COMPUTER_VISION' } } },
    dynamic: { InputConfig: { ContainerConfig: { 'Domain.$': '$.domain' } } },
  },
  'recommendation-task-values': {
    api: 'createInferenceRecommendationsJob',
    bad: { InputConfig: { ContainerConfig: { Task: 'SUMMARIZATION' } } },
    ok: [{ InputConfig: { ContainerConfig: { Task: 'FILL_MASK' } } }, { InputConfig: { ContainerConfig: { Task: 'OTHER' } } }],
    dynamic: { InputConfig: { ContainerConfig: { 'Task.$': '$.task' } } },
  },
  'recommendation-nearest-model-values': {
    api: 'createInferenceRecommendationsJob',
    bad: { InputConfig: { ContainerConfig: { NearestModelName: 'gpt2' } } },
    ok: [{ InputConfig: { ContainerConfig: { NearestModelName: 'xceptionV1-keras' } } }, { InputConfig: { ContainerConfig: { NearestModelName: 'retinanet' } } }],
    dynamic: { InputConfig: { ContainerConfig: { NearestModelName: '{% $m %}' } } },
  },
  'recommendation-framework-values': {
    api: 'createInferenceRecommendationsJob',
    bad: { InputConfig: { ContainerConfig: { Framework: 'MXNET' } } },
    ok: { InputConfig: { ContainerConfig: { Framework: 'SAGEMAKER-SCIKIT-LEARN' } } },
    dynamic: { InputConfig: { ContainerConfig: { 'Framework.$': '$.framework' } } },
  },
  'recommendation-job-duration-18000': {
    api: 'createInferenceRecommendationsJob',
    bad: { InputConfig: { JobDurationInSeconds: 18001 } },
    ok: { InputConfig: { JobDurationInSeconds: 18000 } },
    dynamic: { InputConfig: { 'JobDurationInSeconds.$': '$.seconds' } },
  },
  'recommendation-phase-within-job': {
    api: 'createInferenceRecommendationsJob',
    bad: [phases(1200, 900)],
    ok: [phases(900, 900), phases(1200)],
    dynamic: [phases('{% $d %}', 900), { InputConfig: { 'JobDurationInSeconds.$': '$.s', TrafficPattern: { Phases: [{ DurationInSeconds: 1200 }] } } }],
  },
  'recommendation-phase-120-to-3600': {
    api: 'createInferenceRecommendationsJob',
    bad: [phases(119), phases(3601)],
    ok: [phases(120), phases(3600)],
    dynamic: phases('{% $d %}'),
  },
  'recommendation-phase-initial-users-1-to-3': {
    api: 'createInferenceRecommendationsJob',
    bad: [{ InputConfig: { TrafficPattern: { Phases: [{ InitialNumberOfUsers: 4, SpawnRate: 1, DurationInSeconds: 600 }] } } }],
    ok: [{ InputConfig: { TrafficPattern: { Phases: [{ InitialNumberOfUsers: 1, SpawnRate: 1, DurationInSeconds: 600 }, { InitialNumberOfUsers: 3, SpawnRate: 1, DurationInSeconds: 600 }] } } }],
    dynamic: { InputConfig: { TrafficPattern: { Phases: [{ 'InitialNumberOfUsers.$': '$.users', SpawnRate: 1, DurationInSeconds: 600 }] } } },
  },
  'recommendation-latency-percentile': {
    api: 'createInferenceRecommendationsJob',
    bad: { StoppingConditions: { ModelLatencyThresholds: [{ Percentile: 'P90', ValueInMilliseconds: 100 }] } },
    ok: { StoppingConditions: { ModelLatencyThresholds: [{ Percentile: 'P99', ValueInMilliseconds: 100 }] } },
    dynamic: { StoppingConditions: { ModelLatencyThresholds: [{ 'Percentile.$': '$.p', ValueInMilliseconds: 100 }] } },
  },
  'traffic-pattern-phases-or-stairs': {
    api: 'createInferenceRecommendationsJob',
    bad: { InputConfig: { TrafficPattern: { Phases: [{ InitialNumberOfUsers: 1, SpawnRate: 1, DurationInSeconds: 120 }], Stairs: { DurationInSeconds: 120, NumberOfSteps: 2, UsersPerStep: 1 } } } },
    ok: [{ InputConfig: { TrafficPattern: { TrafficType: 'STAIRS', Stairs: { DurationInSeconds: 120, NumberOfSteps: 2, UsersPerStep: 1 } } } }, { InputConfig: { TrafficPattern: { Phases: [{ InitialNumberOfUsers: 1, SpawnRate: 1, DurationInSeconds: 120 }] } } }],
    dynamic: { InputConfig: { TrafficPattern: { 'Phases.$': '$.phases', Stairs: { DurationInSeconds: 120, NumberOfSteps: 2, UsersPerStep: 1 } } } },
  },
  'recommendation-serverless-no-provisioned-concurrency': {
    api: 'createInferenceRecommendationsJob',
    bad: { InputConfig: { EndpointConfigurations: [{ ServerlessConfig: { MemorySizeInMB: 2048, MaxConcurrency: 5, ProvisionedConcurrency: 2 } }] } },
    ok: { InputConfig: { EndpointConfigurations: [{ ServerlessConfig: { MemorySizeInMB: 2048, MaxConcurrency: 5 } }] } },
    dynamic: { InputConfig: { EndpointConfigurations: [{ 'ServerlessConfig.$': '$.serverless' }] } },
  },
  'unique-additional-inference-specification-names': {
    api: 'createModelPackage',
    bad: { ModelPackageGroupName: 'g', AdditionalInferenceSpecifications: [{ Name: 'gpu', Containers: [] }, { Name: 'gpu', Containers: [] }] },
    ok: { ModelPackageGroupName: 'g', AdditionalInferenceSpecifications: [{ Name: 'gpu', Containers: [] }, { Name: 'cpu', Containers: [] }] },
    dynamic: { ModelPackageGroupName: 'g', AdditionalInferenceSpecifications: [{ Name: 'gpu', Containers: [] }, { 'Name.$': '$.name', Containers: [] }] },
  },
  'unique-additional-inference-specification-names-to-add': {
    api: 'updateModelPackage',
    bad: { ModelPackageArn: packageArn, AdditionalInferenceSpecificationsToAdd: [{ Name: 'gpu', Containers: [] }, { Name: 'gpu', Containers: [] }] },
    ok: { ModelPackageArn: packageArn, AdditionalInferenceSpecificationsToAdd: [{ Name: 'gpu', Containers: [] }, { Name: 'cpu', Containers: [] }] },
    dynamic: { ModelPackageArn: packageArn, AdditionalInferenceSpecificationsToAdd: [{ Name: 'gpu', Containers: [] }, { 'Name.$': '$.name', Containers: [] }] },
  },
  'model-package-container-environment-16': {
    api: 'createModelPackage',
    bad: { ModelPackageGroupName: 'g', InferenceSpecification: { Containers: [{ Image: 'i', Environment: env(17, 1) }] } },
    ok: { ModelPackageGroupName: 'g', InferenceSpecification: { Containers: [{ Image: 'i', Environment: env(16, 1) }] } },
    dynamic: { ModelPackageGroupName: 'g', InferenceSpecification: { Containers: [{ Image: 'i', 'Environment.$': '$.env' }] } },
  },
  'model-package-no-additional-s3-data-source': {
    api: 'createModelPackage',
    bad: { ModelPackageGroupName: 'g', InferenceSpecification: { Containers: [{ Image: 'i' }, { Image: 'i', AdditionalS3DataSource: { S3DataType: 'S3Object', S3Uri: 's3://b/extra/vocab.json' } }] } },
    ok: { ModelPackageGroupName: 'g', InferenceSpecification: { Containers: [{ Image: 'i', AdditionalModelDataSources: [{ ChannelName: 'extra', S3DataSource: { S3Uri: 's3://b/extra/', S3DataType: 'S3Prefix', CompressionType: 'None' } }] }] } },
    dynamic: { ModelPackageGroupName: 'g', InferenceSpecification: { Containers: [{ Image: 'i', 'AdditionalS3DataSource.$': '$.extra' }] } },
  },
  'model-package-group-no-tags': {
    api: 'createModelPackage',
    bad: { ModelPackageGroupName: 'g', Tags: [{ Key: 'team', Value: 'ml' }] },
    ok: [{ ModelPackageGroupName: 'g' }, { ModelPackageName: 'p', Tags: [{ Key: 'team', Value: 'ml' }] }],
    dynamic: { 'ModelPackageGroupName.$': '$.group', Tags: [{ Key: 'team', Value: 'ml' }] },
  },
  'model-package-name-or-group': {
    api: 'createModelPackage',
    bad: { ModelPackageDescription: 'd' },
    ok: [{ ModelPackageGroupName: 'g' }, { ModelPackageName: 'p' }],
    dynamic: { 'ModelPackageGroupName.$': '$.group' },
  },
  'model-package-name-not-with-group': {
    api: 'createModelPackage',
    bad: { ModelPackageGroupName: 'g', ModelPackageName: 'p' },
    ok: [{ ModelPackageGroupName: 'g' }, { ModelPackageName: 'p' }],
    dynamic: { ModelPackageGroupName: 'g', 'ModelPackageName.$': '$.name' },
  },
  'unversioned-model-package-no-approval-status': {
    api: 'createModelPackage',
    bad: { ModelPackageName: 'p', ModelApprovalStatus: 'Approved' },
    ok: [{ ModelPackageGroupName: 'g', ModelApprovalStatus: 'Approved' }, { ModelPackageName: 'p' }],
    dynamic: { 'ModelPackageName.$': '$.name', ModelApprovalStatus: 'Approved' },
  },
  'unversioned-model-package-needs-realtime-instance-types': {
    api: 'createModelPackage',
    bad: { ModelPackageName: 'p', InferenceSpecification: { Containers: [{ Image: 'i' }], SupportedTransformInstanceTypes: ['ml.m5.large'] } },
    ok: [{ ModelPackageName: 'p', InferenceSpecification: { Containers: [{ Image: 'i' }], SupportedTransformInstanceTypes: ['ml.m5.large'], SupportedRealtimeInferenceInstanceTypes: ['ml.m5.large'] } }, { ModelPackageGroupName: 'g', InferenceSpecification: { Containers: [{ Image: 'i' }] } }],
    dynamic: { ModelPackageName: 'p', InferenceSpecification: { Containers: [{ Image: 'i' }], SupportedTransformInstanceTypes: ['ml.m5.large'], 'SupportedRealtimeInferenceInstanceTypes.$': '$.types' } },
  },
  'unversioned-model-package-needs-transform-instance-types': {
    api: 'createModelPackage',
    bad: { ModelPackageName: 'p', InferenceSpecification: { Containers: [{ Image: 'i' }], SupportedRealtimeInferenceInstanceTypes: ['ml.m5.large'] } },
    ok: [{ ModelPackageName: 'p', InferenceSpecification: { Containers: [{ Image: 'i' }], SupportedTransformInstanceTypes: ['ml.m5.large'], SupportedRealtimeInferenceInstanceTypes: ['ml.m5.large'] } }, { ModelPackageGroupName: 'g', InferenceSpecification: { Containers: [{ Image: 'i' }] } }],
    dynamic: { ModelPackageName: 'p', 'InferenceSpecification.$': '$.spec' },
  },
  'monitoring-now-needs-start-time': {
    api: 'createMonitoringSchedule',
    bad: { MonitoringScheduleConfig: { ScheduleConfig: { ScheduleExpression: 'NOW', DataAnalysisEndTime: '-PT1H' } } },
    ok: [{ MonitoringScheduleConfig: { ScheduleConfig: { ScheduleExpression: 'NOW', DataAnalysisStartTime: '-PT2H', DataAnalysisEndTime: '-PT1H' } } }, { MonitoringScheduleConfig: { ScheduleConfig: { ScheduleExpression: 'cron(0 * ? * * *)' } } }],
    dynamic: { MonitoringScheduleConfig: { ScheduleConfig: { 'ScheduleExpression.$': '$.when', DataAnalysisEndTime: '-PT1H' } } },
  },
  'monitoring-now-needs-end-time': {
    api: 'createMonitoringSchedule',
    bad: { MonitoringScheduleConfig: { ScheduleConfig: { ScheduleExpression: 'NOW', DataAnalysisStartTime: '-PT2H' } } },
    ok: { MonitoringScheduleConfig: { ScheduleConfig: { ScheduleExpression: 'NOW', DataAnalysisStartTime: '-PT2H', DataAnalysisEndTime: '-PT1H' } } },
    dynamic: { MonitoringScheduleConfig: { ScheduleConfig: { ScheduleExpression: 'NOW', DataAnalysisStartTime: '-PT2H', 'DataAnalysisEndTime.$': '$.end' } } },
  },
  'monitoring-schedule-cron-or-now': {
    api: 'createMonitoringSchedule',
    bad: ['rate(1 hour)', 'cron(30 * ? * * *)', 'cron(0 24 ? * * *)', 'cron(0 0/0 ? * * *)', 'cron(0 12 1 * ? *)', 'cron(0 */6 ? * * *)', 'now'].map((e) => ({ MonitoringScheduleConfig: { ScheduleConfig: { ScheduleExpression: e } } })),
    ok: [
      ...['cron(0 * ? * * *)', 'cron(0 12 ? * * *)', 'cron(0 0 ? * * *)', 'cron(0 17/12 ? * * *)', 'cron(0 0/2 ? * * *)', 'cron(0 05 ? * * *)', 'cron(0 23/24 ? * * *)'].map((e) => ({ MonitoringScheduleConfig: { ScheduleConfig: { ScheduleExpression: e } } })),
      { MonitoringScheduleConfig: { ScheduleConfig: { ScheduleExpression: 'NOW', DataAnalysisStartTime: '-PT2H', DataAnalysisEndTime: '-PT1H' } } },
    ],
    dynamic: { MonitoringScheduleConfig: { ScheduleConfig: { 'ScheduleExpression.$': '$.when' } } },
  },
  'monitoring-start-offset-iso-duration': {
    api: 'createMonitoringSchedule',
    bad: [window('-30 hours', '-PT2H'), window('-5H', '-PT1H'), window('-PT', '-PT1H'), window('P', '-PT1H')],
    ok: [window('-PT5H', '-PT1H'), window('-P1D', 'PT0S'), window('-PT1.5H', 'PT0H'), window('-P1W', '-PT1H')],
    dynamic: [window('-PT${hours}H', '-PT1H'), { MonitoringScheduleConfig: { ScheduleConfig: { ScheduleExpression: 'NOW', 'DataAnalysisStartTime.$': '$.start', DataAnalysisEndTime: '-PT1H' } } }],
  },
  'monitoring-end-offset-iso-duration': {
    api: 'createMonitoringSchedule',
    bad: [window('-PT5H', '-1 hour'), window('-PT5H', 'PT1H30')],
    ok: [window('-PT5H', '-PT1H30M'), window('-PT5H', 'PT0S')],
    dynamic: window('-PT5H', '{% $end %}'),
  },
  'integer-range-no-reverse-logarithmic': {
    api: 'createHyperParameterTuningJob',
    bad: tuning({ ParameterRanges: { IntegerParameterRanges: [{ Name: 'depth', MinValue: '1', MaxValue: '10', ScalingType: 'ReverseLogarithmic' }] } }),
    ok: [tuning({ ParameterRanges: { IntegerParameterRanges: [{ Name: 'depth', MinValue: '1', MaxValue: '10', ScalingType: 'Logarithmic' }] } }), tuning({ ParameterRanges: { ContinuousParameterRanges: [{ Name: 'eta', MinValue: '0.1', MaxValue: '0.9', ScalingType: 'ReverseLogarithmic' }] } })],
    dynamic: tuning({ ParameterRanges: { IntegerParameterRanges: [{ Name: 'depth', MinValue: '1', MaxValue: '10', 'ScalingType.$': '$.scale' }] } }),
  },
  'variant-property-no-data-capture': {
    api: 'updateEndpoint',
    bad: { RetainAllVariantProperties: true, ExcludeRetainedVariantProperties: [{ VariantPropertyType: 'DataCaptureConfig' }] },
    ok: { RetainAllVariantProperties: true, ExcludeRetainedVariantProperties: [{ VariantPropertyType: 'DesiredWeight' }] },
    dynamic: { RetainAllVariantProperties: true, ExcludeRetainedVariantProperties: [{ 'VariantPropertyType.$': '$.p' }] },
  },
  'unique-collection-names': {
    api: 'createTrainingJob',
    bad: trainingJob({ DebugHookConfig: { S3OutputPath: 's3://b/d', CollectionConfigurations: [{ CollectionName: 'weights' }, { CollectionName: 'weights' }] } }),
    ok: trainingJob({ DebugHookConfig: { S3OutputPath: 's3://b/d', CollectionConfigurations: [{ CollectionName: 'weights' }, { CollectionName: 'gradients' }] } }),
    dynamic: trainingJob({ DebugHookConfig: { S3OutputPath: 's3://b/d', CollectionConfigurations: [{ CollectionName: 'weights' }, { 'CollectionName.$': '$.c' }] } }),
  },
  'automl-validation-fraction-open-range': {
    api: 'createAutoMLJobV2',
    bad: { DataSplitConfig: { ValidationFraction: 0 } },
    ok: { DataSplitConfig: { ValidationFraction: 0.2 } },
    dynamic: { DataSplitConfig: { 'ValidationFraction.$': '$.f' } },
    // 1 is above the recommended 0.5 too.
    elsewhere: [{ api: 'createAutoMLJobV2', bad: { DataSplitConfig: { ValidationFraction: 1 } }, ok: { DataSplitConfig: { ValidationFraction: 0.3 } }, dynamic: { DataSplitConfig: { ValidationFraction: '{% $f %}' } }, also: ['automl-validation-fraction-below-half'] }],
  },
  'automl-output-path-512-characters': {
    api: 'createAutoMLJobV2',
    // Characters, as the model counts them: 😀 is one.
    bad: [{ OutputDataConfig: { S3OutputPath: `s3://b/${'k'.repeat(506)}` } }, { OutputDataConfig: { S3OutputPath: `s3://b/${'😀'.repeat(506)}` } }],
    ok: [{ OutputDataConfig: { S3OutputPath: `s3://b/${'k'.repeat(505)}` } }, { OutputDataConfig: { S3OutputPath: `s3://b/${'😀'.repeat(505)}` } }],
    dynamic: { OutputDataConfig: { S3OutputPath: `\${Bucket}/${'k'.repeat(600)}` } },
  },
  'automl-v1-no-augmented-manifest': {
    api: 'createAutoMLJob',
    bad: { InputDataConfig: [{ TargetAttributeName: 'y', DataSource: { S3DataSource: { S3DataType: 'AugmentedManifestFile', S3Uri: 's3://b/m' } } }] },
    ok: { InputDataConfig: [{ TargetAttributeName: 'y', DataSource: { S3DataSource: { S3DataType: 'ManifestFile', S3Uri: 's3://b/m' } } }] },
    dynamic: { InputDataConfig: [{ TargetAttributeName: 'y', DataSource: { S3DataSource: { 'S3DataType.$': '$.type', S3Uri: 's3://b/m' } } }] },
  },
  'automl-forecast-horizon-500': {
    api: 'createAutoMLJobV2',
    bad: { AutoMLProblemTypeConfig: { TimeSeriesForecastingJobConfig: { ForecastFrequency: '1D', ForecastHorizon: 501 } } },
    ok: { AutoMLProblemTypeConfig: { TimeSeriesForecastingJobConfig: { ForecastFrequency: '1D', ForecastHorizon: 500 } } },
    dynamic: { AutoMLProblemTypeConfig: { TimeSeriesForecastingJobConfig: { ForecastFrequency: '1D', 'ForecastHorizon.$': '$.h' } } },
  },
  'automl-frontfill-none': {
    api: 'createAutoMLJobV2',
    bad: forecast({ Filling: { demand: { frontfill: 'zero' } } }),
    ok: forecast({ Filling: { demand: { frontfill: 'none', backfill: 'zero' } } }),
    dynamic: forecast({ Filling: { demand: { 'frontfill.$': '$.f' } } }),
  },
  'automl-frontfill-target-only': {
    api: 'createAutoMLJobV2',
    bad: forecast({ Filling: { demand: { frontfill: 'none' }, price: { frontfill: 'none', middlefill: 'zero' } } }),
    ok: [forecast({ Filling: { demand: { frontfill: 'none' }, price: { middlefill: 'zero', backfill: 'mean' } } })],
    dynamic: [forecast({ Filling: { price: { frontfill: 'none' } } }, { 'TargetAttributeName.$': '$.target' }), forecast({ 'Filling.$': '$.filling' })],
  },
  ...fillMethodCases(['middlefill', 'backfill', 'futurefill']),
  ...fillValueCases(['middlefill', 'backfill', 'futurefill']),
  'automl-aggregation-target-only': {
    api: 'createAutoMLJobV2',
    bad: forecast({ Aggregation: { demand: 'sum', price: 'avg' } }),
    ok: [forecast({ Aggregation: { demand: 'avg' } }), forecast({ Aggregation: { 'demand.$': '$.how' } })],
    dynamic: [forecast({ Aggregation: { price: 'avg' } }, { 'TargetAttributeName.$': '$.target' }), forecast({ 'Aggregation.$': '$.aggregation' })],
  },
  'automl-sample-weights-ensembling-only': {
    api: 'createAutoMLJobV2',
    bad: { AutoMLProblemTypeConfig: { TabularJobConfig: { TargetAttributeName: 'y', Mode: 'HYPERPARAMETER_TUNING', SampleWeightAttributeName: 'w' } } },
    ok: [{ AutoMLProblemTypeConfig: { TabularJobConfig: { TargetAttributeName: 'y', Mode: 'ENSEMBLING', SampleWeightAttributeName: 'w' } } }, { AutoMLProblemTypeConfig: { TabularJobConfig: { TargetAttributeName: 'y', SampleWeightAttributeName: 'w' } } }],
    dynamic: { AutoMLProblemTypeConfig: { TabularJobConfig: { TargetAttributeName: 'y', 'Mode.$': '$.mode', SampleWeightAttributeName: 'w' } } },
  },
  'automl-v1-sample-weights-ensembling-only': {
    api: 'createAutoMLJob',
    bad: { InputDataConfig: [{ TargetAttributeName: 'y', SampleWeightAttributeName: 'w' }, { ChannelType: 'validation', TargetAttributeName: 'y', SampleWeightAttributeName: 'w' }], AutoMLJobConfig: { Mode: 'HYPERPARAMETER_TUNING' } },
    ok: [{ InputDataConfig: [{ TargetAttributeName: 'y', SampleWeightAttributeName: 'w' }], AutoMLJobConfig: { Mode: 'ENSEMBLING' } }, { InputDataConfig: [{ TargetAttributeName: 'y', SampleWeightAttributeName: 'w' }], AutoMLJobConfig: { Mode: 'AUTO' } }],
    dynamic: { InputDataConfig: [{ TargetAttributeName: 'y', SampleWeightAttributeName: 'w' }], AutoMLJobConfig: { 'Mode.$': '$.mode' } },
  },
  'automl-algorithms-not-with-auto': {
    api: 'createAutoMLJob',
    bad: { AutoMLJobConfig: { Mode: 'AUTO', CandidateGenerationConfig: { AlgorithmsConfig: [{ AutoMLAlgorithms: ['xgboost'] }] } } },
    ok: [{ AutoMLJobConfig: { Mode: 'ENSEMBLING', CandidateGenerationConfig: { AlgorithmsConfig: [{ AutoMLAlgorithms: ['xgboost'] }] } } }, { AutoMLJobConfig: { Mode: 'AUTO', CandidateGenerationConfig: { FeatureSpecificationS3Uri: 's3://b/f.json' } } }],
    dynamic: { AutoMLJobConfig: { 'Mode.$': '$.mode', CandidateGenerationConfig: { AlgorithmsConfig: [{ AutoMLAlgorithms: ['xgboost'] }] } } },
  },
  'automl-v2-algorithms-not-with-auto': {
    api: 'createAutoMLJobV2',
    bad: { AutoMLProblemTypeConfig: { TabularJobConfig: { TargetAttributeName: 'y', Mode: 'AUTO', CandidateGenerationConfig: { AlgorithmsConfig: [{ AutoMLAlgorithms: ['xgboost'] }] } } } },
    ok: { AutoMLProblemTypeConfig: { TabularJobConfig: { TargetAttributeName: 'y', Mode: 'ENSEMBLING', CandidateGenerationConfig: { AlgorithmsConfig: [{ AutoMLAlgorithms: ['xgboost'] }] } } } },
    dynamic: { AutoMLProblemTypeConfig: { TabularJobConfig: { TargetAttributeName: 'y', 'Mode.$': '$.mode', CandidateGenerationConfig: { AlgorithmsConfig: [{ AutoMLAlgorithms: ['xgboost'] }] } } } },
  },
  'automl-one-candidate-outside-tabular': {
    api: 'createAutoMLJobV2',
    bad: [{ AutoMLProblemTypeConfig: { ImageClassificationJobConfig: { CompletionCriteria: { MaxCandidates: 5 } } } }, { AutoMLProblemTypeConfig: { TextGenerationJobConfig: { CompletionCriteria: { MaxCandidates: 2 } } } }],
    ok: [{ AutoMLProblemTypeConfig: { ImageClassificationJobConfig: { CompletionCriteria: { MaxCandidates: 1 } } } }, { AutoMLProblemTypeConfig: { TabularJobConfig: { TargetAttributeName: 'y', CompletionCriteria: { MaxCandidates: 250 } } } }],
    dynamic: { AutoMLProblemTypeConfig: { ImageClassificationJobConfig: { CompletionCriteria: { 'MaxCandidates.$': '$.n' } } } },
  },
  'automl-regression-metrics': {
    api: 'createAutoMLJobV2',
    bad: { AutoMLJobObjective: { MetricName: 'AUC' }, AutoMLProblemTypeConfig: { TabularJobConfig: { TargetAttributeName: 'y', ProblemType: 'Regression' } } },
    ok: { AutoMLJobObjective: { MetricName: 'RMSE' }, AutoMLProblemTypeConfig: { TabularJobConfig: { TargetAttributeName: 'y', ProblemType: 'Regression' } } },
    dynamic: { AutoMLJobObjective: { 'MetricName.$': '$.metric' }, AutoMLProblemTypeConfig: { TabularJobConfig: { TargetAttributeName: 'y', ProblemType: 'Regression' } } },
  },
  'automl-binary-metrics': {
    api: 'createAutoMLJobV2',
    bad: { AutoMLJobObjective: { MetricName: 'F1macro' }, AutoMLProblemTypeConfig: { TabularJobConfig: { TargetAttributeName: 'y', ProblemType: 'BinaryClassification' } } },
    ok: { AutoMLJobObjective: { MetricName: 'AUC' }, AutoMLProblemTypeConfig: { TabularJobConfig: { TargetAttributeName: 'y', ProblemType: 'BinaryClassification' } } },
    dynamic: { AutoMLJobObjective: { MetricName: 'F1macro' }, AutoMLProblemTypeConfig: { TabularJobConfig: { TargetAttributeName: 'y', 'ProblemType.$': '$.type' } } },
  },
  'automl-multiclass-metrics': {
    api: 'createAutoMLJobV2',
    bad: { AutoMLJobObjective: { MetricName: 'F1' }, AutoMLProblemTypeConfig: { TabularJobConfig: { TargetAttributeName: 'y', ProblemType: 'MulticlassClassification' } } },
    ok: { AutoMLJobObjective: { MetricName: 'F1macro' }, AutoMLProblemTypeConfig: { TabularJobConfig: { TargetAttributeName: 'y', ProblemType: 'MulticlassClassification' } } },
    dynamic: { AutoMLJobObjective: { 'MetricName.$': '$.metric' }, AutoMLProblemTypeConfig: { TabularJobConfig: { TargetAttributeName: 'y', ProblemType: 'MulticlassClassification' } } },
  },
  'automl-image-classification-metrics': {
    api: 'createAutoMLJobV2',
    bad: { AutoMLJobObjective: { MetricName: 'F1' }, AutoMLProblemTypeConfig: { ImageClassificationJobConfig: {} } },
    ok: { AutoMLJobObjective: { MetricName: 'Accuracy' }, AutoMLProblemTypeConfig: { ImageClassificationJobConfig: {} } },
    dynamic: { AutoMLJobObjective: { MetricName: 'F1' }, 'AutoMLProblemTypeConfig.$': '$.problem' },
  },
  'automl-text-classification-metrics': {
    api: 'createAutoMLJobV2',
    bad: { AutoMLJobObjective: { MetricName: 'AUC' }, AutoMLProblemTypeConfig: { TextClassificationJobConfig: { ContentColumn: 'text', TargetLabelColumn: 'label' } } },
    // Two problem types (a union of two, its own finding): which one the metric is for is not known.
    ok: [{ AutoMLJobObjective: { MetricName: 'Accuracy' }, AutoMLProblemTypeConfig: { TextClassificationJobConfig: { ContentColumn: 'text', TargetLabelColumn: 'label' } } }, { AutoMLJobObjective: { MetricName: 'F1' }, AutoMLProblemTypeConfig: { TextClassificationJobConfig: { ContentColumn: 'text', TargetLabelColumn: 'label' }, ImageClassificationJobConfig: {} } }],
    dynamic: { AutoMLJobObjective: { 'MetricName.$': '$.m' }, AutoMLProblemTypeConfig: { TextClassificationJobConfig: { ContentColumn: 'text', TargetLabelColumn: 'label' } } },
  },
  'automl-text-content-not-target-column': {
    api: 'createAutoMLJobV2',
    bad: { AutoMLProblemTypeConfig: { TextClassificationJobConfig: { ContentColumn: 'review', TargetLabelColumn: 'review' } } },
    ok: { AutoMLProblemTypeConfig: { TextClassificationJobConfig: { ContentColumn: 'review', TargetLabelColumn: 'sentiment' } } },
    dynamic: [{ AutoMLProblemTypeConfig: { TextClassificationJobConfig: { ContentColumn: 'review', 'TargetLabelColumn.$': '$.target' } } }, { AutoMLProblemTypeConfig: { TextClassificationJobConfig: { ContentColumn: '{% $states.input.column %}', TargetLabelColumn: 'review' } } }],
  },
  'automl-forecasting-metrics': {
    api: 'createAutoMLJobV2',
    bad: { AutoMLJobObjective: { MetricName: 'Accuracy' }, AutoMLProblemTypeConfig: { TimeSeriesForecastingJobConfig: { ForecastFrequency: '1D', ForecastHorizon: 10 } } },
    ok: { AutoMLJobObjective: { MetricName: 'AverageWeightedQuantileLoss' }, AutoMLProblemTypeConfig: { TimeSeriesForecastingJobConfig: { ForecastFrequency: '1D', ForecastHorizon: 10 } } },
    dynamic: { AutoMLJobObjective: { 'MetricName.$': '$.m' }, AutoMLProblemTypeConfig: { TimeSeriesForecastingJobConfig: { ForecastFrequency: '1D', ForecastHorizon: 10 } } },
  },
  'automl-gzip-not-for-images': {
    api: 'createAutoMLJobV2',
    bad: { AutoMLJobInputDataConfig: [{ CompressionType: 'Gzip' }], AutoMLProblemTypeConfig: { ImageClassificationJobConfig: {} } },
    ok: [{ AutoMLJobInputDataConfig: [{ CompressionType: 'Gzip' }], AutoMLProblemTypeConfig: { TimeSeriesForecastingJobConfig: { ForecastFrequency: '1D', ForecastHorizon: 10 } } }, { AutoMLJobInputDataConfig: [{ CompressionType: 'None' }], AutoMLProblemTypeConfig: { ImageClassificationJobConfig: {} } }],
    dynamic: { AutoMLJobInputDataConfig: [{ CompressionType: 'Gzip' }], 'AutoMLProblemTypeConfig.$': '$.p' },
  },
  'automl-tabular-content-types': {
    api: 'createAutoMLJobV2',
    bad: { AutoMLJobInputDataConfig: [{ ContentType: 'application/json' }, {}], AutoMLProblemTypeConfig: { TabularJobConfig: { TargetAttributeName: 'y' } } },
    ok: [{ AutoMLJobInputDataConfig: [{ ContentType: 'x-application/vnd.amazon+parquet' }, {}], AutoMLProblemTypeConfig: { TabularJobConfig: { TargetAttributeName: 'y' } } }],
    dynamic: { AutoMLJobInputDataConfig: [{ 'ContentType.$': '$.t' }], AutoMLProblemTypeConfig: { TabularJobConfig: { TargetAttributeName: 'y' } } },
  },
  'automl-text-classification-content-types': {
    api: 'createAutoMLJobV2',
    bad: { AutoMLJobInputDataConfig: [{ ContentType: 'image/png' }], AutoMLProblemTypeConfig: { TextClassificationJobConfig: { ContentColumn: 'text', TargetLabelColumn: 'label' } } },
    ok: { AutoMLJobInputDataConfig: [{ ContentType: 'text/csv;header=present' }], AutoMLProblemTypeConfig: { TextClassificationJobConfig: { ContentColumn: 'text', TargetLabelColumn: 'label' } } },
    dynamic: { AutoMLJobInputDataConfig: [{ 'ContentType.$': '$.t' }], AutoMLProblemTypeConfig: { TextClassificationJobConfig: { ContentColumn: 'text', TargetLabelColumn: 'label' } } },
  },
  'automl-time-series-forecasting-content-types': {
    api: 'createAutoMLJobV2',
    bad: { AutoMLJobInputDataConfig: [{ ContentType: 'text/csv' }], AutoMLProblemTypeConfig: { TimeSeriesForecastingJobConfig: { ForecastFrequency: '1D', ForecastHorizon: 10 } } },
    ok: { AutoMLJobInputDataConfig: [{ ContentType: 'text/csv;header=present' }], AutoMLProblemTypeConfig: { TimeSeriesForecastingJobConfig: { ForecastFrequency: '1D', ForecastHorizon: 10 } } },
    dynamic: { AutoMLJobInputDataConfig: [{ ContentType: 'text/csv' }], AutoMLProblemTypeConfig: { 'TimeSeriesForecastingJobConfig.$': '$.ts' } },
  },
  'automl-text-generation-content-types': {
    api: 'createAutoMLJobV2',
    bad: { AutoMLJobInputDataConfig: [{ ContentType: 'application/jsonlines' }], AutoMLProblemTypeConfig: { TextGenerationJobConfig: {} } },
    ok: { AutoMLJobInputDataConfig: [{ ContentType: 'x-application/vnd.amazon+parquet' }], AutoMLProblemTypeConfig: { TextGenerationJobConfig: {} } },
    dynamic: { AutoMLJobInputDataConfig: [{ 'ContentType.$': '$.t' }], AutoMLProblemTypeConfig: { TextGenerationJobConfig: {} } },
  },
  'automl-image-classification-content-types': {
    api: 'createAutoMLJobV2',
    bad: { AutoMLJobInputDataConfig: [{ ContentType: 'text/csv;header=present' }], AutoMLProblemTypeConfig: { ImageClassificationJobConfig: {} } },
    ok: { AutoMLJobInputDataConfig: [{ ContentType: 'image/*' }], AutoMLProblemTypeConfig: { ImageClassificationJobConfig: {} } },
    dynamic: { AutoMLJobInputDataConfig: [{ 'ContentType.$': '$.t' }], AutoMLProblemTypeConfig: { ImageClassificationJobConfig: {} } },
  },
  'automl-tabular-data-formats': {
    api: 'createAutoMLJobV2',
    bad: { AutoMLJobInputDataConfig: [{ DataSource: { S3DataSource: { S3DataType: 'AugmentedManifestFile', S3Uri: 's3://b/m' } } }], AutoMLProblemTypeConfig: { TabularJobConfig: { TargetAttributeName: 'y' } } },
    ok: { AutoMLJobInputDataConfig: [{ DataSource: { S3DataSource: { S3DataType: 'ManifestFile', S3Uri: 's3://b/m' } } }], AutoMLProblemTypeConfig: { TabularJobConfig: { TargetAttributeName: 'y' } } },
    dynamic: { AutoMLJobInputDataConfig: [{ DataSource: { S3DataSource: { 'S3DataType.$': '$.t', S3Uri: 's3://b/m' } } }], AutoMLProblemTypeConfig: { TabularJobConfig: { TargetAttributeName: 'y' } } },
  },
  'automl-text-classification-s3-prefix-only': {
    api: 'createAutoMLJobV2',
    bad: { AutoMLJobInputDataConfig: [{ DataSource: { S3DataSource: { S3DataType: 'ManifestFile', S3Uri: 's3://b/m' } } }], AutoMLProblemTypeConfig: { TextClassificationJobConfig: { ContentColumn: 'text', TargetLabelColumn: 'label' } } },
    ok: { AutoMLJobInputDataConfig: [{ DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: 's3://b/m/' } } }], AutoMLProblemTypeConfig: { TextClassificationJobConfig: { ContentColumn: 'text', TargetLabelColumn: 'label' } } },
    dynamic: { AutoMLJobInputDataConfig: [{ DataSource: { 'S3DataSource.$': '$.s' } }], AutoMLProblemTypeConfig: { TextClassificationJobConfig: { ContentColumn: 'text', TargetLabelColumn: 'label' } } },
  },
  'automl-time-series-forecasting-s3-prefix-only': {
    api: 'createAutoMLJobV2',
    bad: { AutoMLJobInputDataConfig: [{ DataSource: { S3DataSource: { S3DataType: 'ManifestFile', S3Uri: 's3://b/m' } } }], AutoMLProblemTypeConfig: { TimeSeriesForecastingJobConfig: { ForecastFrequency: '1D', ForecastHorizon: 10 } } },
    ok: { AutoMLJobInputDataConfig: [{ DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: 's3://b/m/' } } }], AutoMLProblemTypeConfig: { TimeSeriesForecastingJobConfig: { ForecastFrequency: '1D', ForecastHorizon: 10 } } },
    dynamic: { AutoMLJobInputDataConfig: [{ DataSource: { S3DataSource: { 'S3DataType.$': '$.t', S3Uri: 's3://b/m' } } }], AutoMLProblemTypeConfig: { TimeSeriesForecastingJobConfig: { ForecastFrequency: '1D', ForecastHorizon: 10 } } },
  },
  'automl-text-generation-s3-prefix-only': {
    api: 'createAutoMLJobV2',
    bad: { AutoMLJobInputDataConfig: [{ DataSource: { S3DataSource: { S3DataType: 'AugmentedManifestFile', S3Uri: 's3://b/m' } } }], AutoMLProblemTypeConfig: { TextGenerationJobConfig: {} } },
    ok: { AutoMLJobInputDataConfig: [{ DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: 's3://b/m/' } } }], AutoMLProblemTypeConfig: { TextGenerationJobConfig: {} } },
    dynamic: { AutoMLJobInputDataConfig: [{ DataSource: { S3DataSource: { 'S3DataType.$': '$.t', S3Uri: 's3://b/m' } } }], AutoMLProblemTypeConfig: { TextGenerationJobConfig: {} } },
  },
  'automl-ensembling-algorithms': {
    api: 'createAutoMLJobV2',
    bad: { AutoMLProblemTypeConfig: { TabularJobConfig: { TargetAttributeName: 'y', Mode: 'ENSEMBLING', CandidateGenerationConfig: { AlgorithmsConfig: [{ AutoMLAlgorithms: ['xgboost', 'mlp'] }] } } } },
    ok: [{ AutoMLProblemTypeConfig: { TabularJobConfig: { TargetAttributeName: 'y', Mode: 'ENSEMBLING', CandidateGenerationConfig: { AlgorithmsConfig: [{ AutoMLAlgorithms: ['xgboost', 'catboost'] }] } } } }, { AutoMLProblemTypeConfig: { TabularJobConfig: { TargetAttributeName: 'y', CandidateGenerationConfig: { AlgorithmsConfig: [{ AutoMLAlgorithms: ['mlp'] }] } } } }],
    dynamic: { AutoMLProblemTypeConfig: { TabularJobConfig: { TargetAttributeName: 'y', Mode: 'ENSEMBLING', CandidateGenerationConfig: { AlgorithmsConfig: [{ 'AutoMLAlgorithms.$': '$.a' }] } } } },
  },
  'automl-hyperparameter-tuning-algorithms': {
    api: 'createAutoMLJobV2',
    bad: { AutoMLProblemTypeConfig: { TabularJobConfig: { TargetAttributeName: 'y', Mode: 'HYPERPARAMETER_TUNING', CandidateGenerationConfig: { AlgorithmsConfig: [{ AutoMLAlgorithms: ['lightgbm'] }] } } } },
    ok: { AutoMLProblemTypeConfig: { TabularJobConfig: { TargetAttributeName: 'y', Mode: 'HYPERPARAMETER_TUNING', CandidateGenerationConfig: { AlgorithmsConfig: [{ AutoMLAlgorithms: ['mlp', 'xgboost'] }] } } } },
    dynamic: { AutoMLProblemTypeConfig: { TabularJobConfig: { TargetAttributeName: 'y', 'Mode.$': '$.m', CandidateGenerationConfig: { AlgorithmsConfig: [{ AutoMLAlgorithms: ['lightgbm'] }] } } } },
  },
  'automl-forecasting-algorithms': {
    api: 'createAutoMLJobV2',
    bad: { AutoMLProblemTypeConfig: { TimeSeriesForecastingJobConfig: { ForecastFrequency: '1D', ForecastHorizon: 10, CandidateGenerationConfig: { AlgorithmsConfig: [{ AutoMLAlgorithms: ['deepar', 'xgboost'] }] } } } },
    ok: { AutoMLProblemTypeConfig: { TimeSeriesForecastingJobConfig: { ForecastFrequency: '1D', ForecastHorizon: 10, CandidateGenerationConfig: { AlgorithmsConfig: [{ AutoMLAlgorithms: ['deepar', 'ets'] }] } } } },
    dynamic: { AutoMLProblemTypeConfig: { TimeSeriesForecastingJobConfig: { ForecastFrequency: '1D', ForecastHorizon: 10, CandidateGenerationConfig: { AlgorithmsConfig: [{ AutoMLAlgorithms: ['{% $a %}'] }] } } } },
  },
  'automl-tabular-at-least-one-algorithm': {
    api: 'createAutoMLJobV2',
    bad: { AutoMLProblemTypeConfig: { TabularJobConfig: { TargetAttributeName: 'y', CandidateGenerationConfig: { AlgorithmsConfig: [{ AutoMLAlgorithms: [] }] } } } },
    // One algorithm; and the time-series list, of which the sentence says no minimum.
    ok: [{ AutoMLProblemTypeConfig: { TabularJobConfig: { TargetAttributeName: 'y', CandidateGenerationConfig: { AlgorithmsConfig: [{ AutoMLAlgorithms: ['xgboost'] }] } } } }, { AutoMLProblemTypeConfig: { TimeSeriesForecastingJobConfig: { ForecastFrequency: '1D', ForecastHorizon: 10, CandidateGenerationConfig: { AlgorithmsConfig: [{ AutoMLAlgorithms: [] }] } } } }],
    dynamic: { AutoMLProblemTypeConfig: { TabularJobConfig: { TargetAttributeName: 'y', CandidateGenerationConfig: { AlgorithmsConfig: [{ 'AutoMLAlgorithms.$': '$.a' }] } } } },
  },
  ...textGenerationCases(),
  'shap-baseline-4-kb': {
    api: 'createEndpointConfig',
    bad: shap({ ShapBaseline: 'ñ'.repeat(2049) }),
    ok: shap({ ShapBaseline: 'ñ'.repeat(2048) }),
    dynamic: shap({ 'ShapBaseline.$': '$.baseline' }),
  },
  // Requests only the AWS SDK integration sends (aws-sdk:sagemaker:<action>): the same rules, read from the same model.
  'automl-tabular-objective-needs-problem-type': {
    api: 'createAutoMLJobV2',
    bad: { AutoMLJobObjective: { MetricName: 'F1' }, AutoMLProblemTypeConfig: { TabularJobConfig: { TargetAttributeName: 'y' } } },
    ok: [{ AutoMLJobObjective: { MetricName: 'F1' }, AutoMLProblemTypeConfig: { TabularJobConfig: { TargetAttributeName: 'y', ProblemType: 'BinaryClassification' } } }, { AutoMLProblemTypeConfig: { TabularJobConfig: { TargetAttributeName: 'y' } } }, { AutoMLJobObjective: { MetricName: 'Accuracy' }, AutoMLProblemTypeConfig: { ImageClassificationJobConfig: {} } }],
    dynamic: { AutoMLJobObjective: { MetricName: 'F1' }, 'AutoMLProblemTypeConfig.$': '$.problem' },
  },
  'automl-tabular-problem-type-needs-objective': {
    api: 'createAutoMLJobV2',
    bad: { AutoMLProblemTypeConfig: { TabularJobConfig: { TargetAttributeName: 'y', ProblemType: 'Regression' } } },
    ok: { AutoMLJobObjective: { MetricName: 'MSE' }, AutoMLProblemTypeConfig: { TabularJobConfig: { TargetAttributeName: 'y', ProblemType: 'Regression' } } },
    dynamic: { 'AutoMLJobObjective.$': '$.objective', AutoMLProblemTypeConfig: { TabularJobConfig: { TargetAttributeName: 'y', ProblemType: 'Regression' } } },
  },
  'automl-forecasting-no-data-split': {
    api: 'createAutoMLJobV2',
    bad: { DataSplitConfig: { ValidationFraction: 0.2 }, AutoMLProblemTypeConfig: { TimeSeriesForecastingJobConfig: { ForecastFrequency: '1D', ForecastHorizon: 7 } } },
    ok: [{ AutoMLProblemTypeConfig: { TimeSeriesForecastingJobConfig: { ForecastFrequency: '1D', ForecastHorizon: 7 } } }, { DataSplitConfig: { ValidationFraction: 0.2 }, AutoMLProblemTypeConfig: { TabularJobConfig: { TargetAttributeName: 'y' } } }],
    dynamic: { 'DataSplitConfig.$': '$.split', AutoMLProblemTypeConfig: { TimeSeriesForecastingJobConfig: { ForecastFrequency: '1D', ForecastHorizon: 7 } } },
  },
  'feature-name-not-reserved': {
    api: 'createFeatureGroup',
    bad: { OfflineStoreConfig: offline, FeatureDefinitions: [{ FeatureName: 'customer_id', FeatureType: 'String' }, { FeatureName: 'is_deleted', FeatureType: 'String' }] },
    ok: { OfflineStoreConfig: offline, FeatureDefinitions: [{ FeatureName: 'customer_id', FeatureType: 'String' }, { FeatureName: 'is_deleted_flag', FeatureType: 'String' }] },
    dynamic: { OfflineStoreConfig: offline, FeatureDefinitions: [{ 'FeatureName.$': '$.name', FeatureType: 'String' }] },
  },
  'trial-component-parameter-one-value': {
    api: 'createTrialComponent',
    bad: { Parameters: { lr: { StringValue: '0.1', NumberValue: 0.1 } } },
    ok: [{ Parameters: { lr: { NumberValue: 0.1 } } }, { Parameters: { optimizer: { StringValue: 'adam' } } }],
    dynamic: { Parameters: { lr: { StringValue: '0.1', 'NumberValue.$': '$.lr' } } },
  },
  'search-expression-not-empty': {
    api: 'search',
    bad: [{ Resource: 'TrainingJob', SearchExpression: {} }, { Resource: 'TrainingJob', SearchExpression: { SubExpressions: [{ Operator: 'And' }] } }],
    ok: { Resource: 'TrainingJob', SearchExpression: { Filters: [{ Name: 'TrainingJobStatus', Operator: 'Equals', Value: 'Completed' }] } },
    dynamic: { Resource: 'TrainingJob', SearchExpression: { 'Filters.$': '$.filters' } },
  },
  'notebook-no-direct-internet-needs-subnet': {
    api: 'createNotebookInstance',
    bad: { DirectInternetAccess: 'Disabled' },
    ok: [{ DirectInternetAccess: 'Disabled', SubnetId: 'subnet-0123' }, { DirectInternetAccess: 'Enabled' }],
    dynamic: { DirectInternetAccess: 'Disabled', 'SubnetId.$': '$.subnet' },
  },
  'nvidia-compilation-needs-compiler-options': {
    api: 'createCompilationJob',
    bad: { ModelPackageVersionArn: packageArn, OutputConfig: { S3OutputLocation: 's3://b/out', TargetPlatform: { Os: 'LINUX', Arch: 'ARM64', Accelerator: 'NVIDIA' } } },
    ok: [
      { ModelPackageVersionArn: packageArn, OutputConfig: { S3OutputLocation: 's3://b/out', TargetPlatform: { Os: 'LINUX', Arch: 'ARM64', Accelerator: 'NVIDIA' }, CompilerOptions: '{"gpu-code": "sm_72", "trt-ver": "6.0.1", "cuda-ver": "10.1"}' } },
      { ModelPackageVersionArn: packageArn, OutputConfig: { S3OutputLocation: 's3://b/out', TargetPlatform: { Os: 'LINUX', Arch: 'X86_64' } } },
    ],
    dynamic: { ModelPackageVersionArn: packageArn, OutputConfig: { S3OutputLocation: 's3://b/out', TargetPlatform: { Os: 'LINUX', Arch: 'ARM64', Accelerator: 'NVIDIA' }, 'CompilerOptions.$': '$.options' } },
  },
  'autopilot-generated-endpoint-name-alone': {
    api: 'createAutoMLJob',
    bad: { ModelDeployConfig: { AutoGenerateEndpointName: true, EndpointName: 'churn' } },
    ok: { ModelDeployConfig: { AutoGenerateEndpointName: true } },
    dynamic: { ModelDeployConfig: { 'AutoGenerateEndpointName.$': '$.auto', EndpointName: 'churn' } },
  },
  'autopilot-endpoint-name-unless-generated': {
    api: 'createAutoMLJob',
    bad: [{ ModelDeployConfig: { AutoGenerateEndpointName: false } }, { ModelDeployConfig: {} }],
    ok: [{ ModelDeployConfig: { EndpointName: 'churn' } }, { ModelDeployConfig: { AutoGenerateEndpointName: false, EndpointName: 'churn' } }],
    dynamic: { ModelDeployConfig: { 'AutoGenerateEndpointName.$': '$.auto' } },
  },
  'spot-training-needs-max-wait': {
    api: 'createTrainingJob',
    bad: [trainingJob({ EnableManagedSpotTraining: true, StoppingCondition: { MaxRuntimeInSeconds: 3600 } }), trainingJob({ EnableManagedSpotTraining: true })],
    ok: [trainingJob({ EnableManagedSpotTraining: true, StoppingCondition: { MaxRuntimeInSeconds: 3600, MaxWaitTimeInSeconds: 3600 } }), trainingJob({ EnableManagedSpotTraining: false })],
    dynamic: [trainingJob({ EnableManagedSpotTraining: true, 'StoppingCondition.$': '$.stop' }), trainingJob({ 'EnableManagedSpotTraining.$': '$.spot', StoppingCondition: {} })],
  },
  'max-wait-only-for-spot-training': {
    api: 'createTrainingJob',
    bad: [trainingJob({ StoppingCondition: { MaxRuntimeInSeconds: 3600, MaxWaitTimeInSeconds: 7200 } }), trainingJob({ EnableManagedSpotTraining: false, StoppingCondition: { MaxRuntimeInSeconds: 3600, MaxWaitTimeInSeconds: 3600 } })],
    ok: [trainingJob({ EnableManagedSpotTraining: true, StoppingCondition: { MaxRuntimeInSeconds: 3600, MaxWaitTimeInSeconds: 3600 } }), trainingJob({ StoppingCondition: { MaxRuntimeInSeconds: 3600, MaxPendingTimeInSeconds: 7200 } })],
    dynamic: [trainingJob({ 'EnableManagedSpotTraining.$': '$.spot', StoppingCondition: { MaxRuntimeInSeconds: 3600, MaxWaitTimeInSeconds: 3600 } }), trainingJob({ EnableManagedSpotTraining: '{% $states.input.spot %}', StoppingCondition: { MaxRuntimeInSeconds: 3600, MaxWaitTimeInSeconds: 3600 } })],
  },
  'max-wait-at-least-max-runtime': {
    api: 'createTrainingJob',
    bad: trainingJob({ EnableManagedSpotTraining: true, StoppingCondition: { MaxRuntimeInSeconds: 7200, MaxWaitTimeInSeconds: 7199 } }),
    ok: trainingJob({ EnableManagedSpotTraining: true, StoppingCondition: { MaxRuntimeInSeconds: 7200, MaxWaitTimeInSeconds: 7200 } }),
    dynamic: trainingJob({ EnableManagedSpotTraining: true, StoppingCondition: { MaxRuntimeInSeconds: 7200, 'MaxWaitTimeInSeconds.$': '$.wait' } }),
  },
  'max-wait-at-least-default-max-runtime': {
    api: 'createTrainingJob',
    bad: [trainingJob({ EnableManagedSpotTraining: true, StoppingCondition: { MaxWaitTimeInSeconds: 3600 } }), trainingJob({ EnableManagedSpotTraining: true, StoppingCondition: { MaxWaitTimeInSeconds: 86399 } })],
    ok: [trainingJob({ EnableManagedSpotTraining: true, StoppingCondition: { MaxWaitTimeInSeconds: 86400 } }), trainingJob({ StoppingCondition: {} }), trainingJob({ EnableManagedSpotTraining: true, StoppingCondition: { MaxRuntimeInSeconds: 3600, MaxWaitTimeInSeconds: 3600 } })],
    dynamic: [trainingJob({ EnableManagedSpotTraining: true, StoppingCondition: { 'MaxRuntimeInSeconds.$': '$.runtime', MaxWaitTimeInSeconds: 3600 } }), trainingJob({ EnableManagedSpotTraining: true, StoppingCondition: { MaxWaitTimeInSeconds: '${Wait}' } })],
  },
  'max-runtime-28-days': {
    api: 'createTrainingJob',
    bad: trainingJob({ StoppingCondition: { MaxRuntimeInSeconds: 2419201 } }),
    ok: trainingJob({ StoppingCondition: { MaxRuntimeInSeconds: 2419200 } }),
    dynamic: trainingJob({ StoppingCondition: { MaxRuntimeInSeconds: '${MaxRuntime}' } }),
  },
  'algorithm-name-or-training-image': {
    api: 'createTrainingJob',
    bad: trainingJob({ AlgorithmSpecification: { TrainingInputMode: 'File' } }),
    ok: trainingJob({ AlgorithmSpecification: { TrainingImage: 'img', TrainingInputMode: 'File' } }),
    dynamic: trainingJob({ AlgorithmSpecification: { 'TrainingImage.$': '$.image', TrainingInputMode: 'File' } }),
  },
  'algorithm-name-not-with-training-image': {
    api: 'createTrainingJob',
    // Text with a template placeholder inside is there on either side (it deploys as that text).
    bad: [
      trainingJob({ AlgorithmSpecification: { AlgorithmName: 'algo', TrainingImage: 'img', TrainingInputMode: 'File' } }),
      trainingJob({ AlgorithmSpecification: { AlgorithmName: 'arn:aws:sagemaker:us-east-1:${Account}:algorithm/x', TrainingImage: 'img', TrainingInputMode: 'File' } }),
      trainingJob({ AlgorithmSpecification: { AlgorithmName: 'algo', TrainingImage: '${Account}.dkr.ecr.us-east-1.amazonaws.com/x:1', TrainingInputMode: 'File' } }),
    ],
    ok: trainingJob({ AlgorithmSpecification: { AlgorithmName: 'algo', TrainingInputMode: 'File' } }),
    dynamic: [trainingJob({ AlgorithmSpecification: { AlgorithmName: 'algo', 'TrainingImage.$': '$.image', TrainingInputMode: 'File' } }), trainingJob({ AlgorithmSpecification: { 'AlgorithmName.$': '$.a', TrainingImage: 'img', TrainingInputMode: 'File' } })],
  },
  'tuning-algorithm-name-not-with-training-image': {
    api: 'createHyperParameterTuningJob',
    bad: { TrainingJobDefinition: { AlgorithmSpecification: { AlgorithmName: 'algo', TrainingImage: 'img', TrainingInputMode: 'File' } } },
    ok: { TrainingJobDefinition: { AlgorithmSpecification: { AlgorithmName: 'algo', TrainingInputMode: 'File' } } },
    dynamic: { TrainingJobDefinition: { AlgorithmSpecification: { AlgorithmName: '{% $states.input.algorithm %}', TrainingImage: 'img', TrainingInputMode: 'File' } } },
  },
  'tuning-algorithm-name-or-training-image': {
    api: 'createHyperParameterTuningJob',
    bad: { TrainingJobDefinition: { AlgorithmSpecification: { TrainingInputMode: 'File' } } },
    ok: [{ TrainingJobDefinition: { AlgorithmSpecification: { AlgorithmName: 'algo', TrainingInputMode: 'File' } } }, { TrainingJobDefinition: { AlgorithmSpecification: { TrainingImage: 'img', TrainingInputMode: 'File' } } }],
    dynamic: { TrainingJobDefinition: { AlgorithmSpecification: { 'TrainingImage.$': '$.image', TrainingInputMode: 'File' } } },
  },
  'unique-channel-names': {
    api: 'createTrainingJob',
    bad: [trainingJob({ InputDataConfig: [{ ChannelName: 'train' }, { ChannelName: 'train' }] })],
    ok: trainingJob({ InputDataConfig: [{ ChannelName: 'train' }, { ChannelName: 'validation' }] }),
    dynamic: trainingJob({ InputDataConfig: [{ ChannelName: 'train' }, { 'ChannelName.$': '$.channel' }] }),
  },
  'augmented-manifest-needs-pipe': {
    api: 'createTrainingJob',
    // The channel's own InputMode, else the request's TrainingInputMode (in a tuning job, its definition's).
    bad: [
      trainingJob({ AlgorithmSpecification: { TrainingImage: 'img', TrainingInputMode: 'File' }, InputDataConfig: [{ ChannelName: 'train', DataSource: { S3DataSource: { S3DataType: 'AugmentedManifestFile' } } }] }),
      trainingJob({ AlgorithmSpecification: { TrainingImage: 'img', TrainingInputMode: 'Pipe' }, InputDataConfig: [{ ChannelName: 'train', InputMode: 'FastFile', DataSource: { S3DataSource: { S3DataType: 'AugmentedManifestFile' } } }] }),
    ],
    ok: [
      trainingJob({ AlgorithmSpecification: { TrainingImage: 'img', TrainingInputMode: 'Pipe' }, InputDataConfig: [{ ChannelName: 'train', DataSource: { S3DataSource: { S3DataType: 'AugmentedManifestFile' } } }] }),
      trainingJob({ AlgorithmSpecification: { TrainingImage: 'img', TrainingInputMode: 'File' }, InputDataConfig: [{ ChannelName: 'train', InputMode: 'Pipe', DataSource: { S3DataSource: { S3DataType: 'AugmentedManifestFile' } } }, { ChannelName: 'validation', DataSource: { S3DataSource: { S3DataType: 'S3Prefix' } } }] }),
    ],
    dynamic: trainingJob({ AlgorithmSpecification: { TrainingImage: 'img', 'TrainingInputMode.$': '$.mode' }, InputDataConfig: [{ ChannelName: 'train', DataSource: { S3DataSource: { S3DataType: 'AugmentedManifestFile' } } }] }),
  },
  'channel-compression-not-in-file-mode': {
    api: 'createHyperParameterTuningJob',
    bad: [
      { TrainingJobDefinition: { AlgorithmSpecification: { TrainingImage: 'img:1', TrainingInputMode: 'File' }, InputDataConfig: [{ ChannelName: 'train', CompressionType: 'Gzip' }] } },
      { TrainingJobDefinition: { AlgorithmSpecification: { TrainingImage: 'img:1', TrainingInputMode: 'Pipe' }, InputDataConfig: [{ ChannelName: 'train', InputMode: 'File', CompressionType: 'Gzip' }] } },
    ],
    ok: [
      { TrainingJobDefinition: { AlgorithmSpecification: { TrainingImage: 'img:1', TrainingInputMode: 'Pipe' }, InputDataConfig: [{ ChannelName: 'train', CompressionType: 'Gzip' }] } },
      { TrainingJobDefinition: { AlgorithmSpecification: { TrainingImage: 'img:1', TrainingInputMode: 'File' }, InputDataConfig: [{ ChannelName: 'train', CompressionType: 'None' }, { ChannelName: 'stream', InputMode: 'Pipe', CompressionType: 'Gzip' }] } },
    ],
    dynamic: { TrainingJobDefinition: { AlgorithmSpecification: { TrainingImage: 'img:1', TrainingInputMode: 'File' }, InputDataConfig: [{ ChannelName: 'train', 'InputMode.$': '$.mode', CompressionType: 'Gzip' }] } },
  },
  'channel-record-wrapper-not-in-file-mode': {
    api: 'createTrainingJob',
    bad: [
      trainingJob({ AlgorithmSpecification: { TrainingImage: 'img:1', TrainingInputMode: 'File' }, InputDataConfig: [{ ChannelName: 'train', RecordWrapperType: 'RecordIO' }] }),
      trainingJob({ AlgorithmSpecification: { TrainingImage: 'img:1', TrainingInputMode: 'Pipe' }, InputDataConfig: [{ ChannelName: 'train', InputMode: 'File', RecordWrapperType: 'RecordIO' }] }),
    ],
    ok: [
      trainingJob({ AlgorithmSpecification: { TrainingImage: 'img:1', TrainingInputMode: 'Pipe' }, InputDataConfig: [{ ChannelName: 'train', RecordWrapperType: 'RecordIO' }] }),
      trainingJob({ AlgorithmSpecification: { TrainingImage: 'img:1', TrainingInputMode: 'File' }, InputDataConfig: [{ ChannelName: 'train', RecordWrapperType: 'None' }, { ChannelName: 'stream', InputMode: 'Pipe', RecordWrapperType: 'RecordIO' }] }),
    ],
    dynamic: trainingJob({ AlgorithmSpecification: { TrainingImage: 'img:1', TrainingInputMode: 'File' }, InputDataConfig: [{ ChannelName: 'train', 'InputMode.$': '$.mode', RecordWrapperType: 'RecordIO' }] }),
  },
  'container-environment-entry-1024-bytes': {
    api: 'createModel',
    // 1024 characters of 'é' are 2048 bytes; 512 of them are 1024.
    bad: [{ PrimaryContainer: { Environment: { GREETING: 'é'.repeat(513) } } }, { Containers: [{ Environment: { ['K'.repeat(1025)]: 'v' } }] }],
    ok: { PrimaryContainer: { Environment: { GREETING: 'é'.repeat(512), PLAIN: 'v'.repeat(1024) } } },
    dynamic: { PrimaryContainer: { Environment: { 'GREETING.$': '$.greeting' } } },
  },
  'transform-input-filter-jsonpath': {
    api: 'createTransformJob',
    bad: { DataProcessing: { InputFilter: 'features' } },
    ok: [{ DataProcessing: { InputFilter: '$[1:]' } }, { DataProcessing: { InputFilter: '$' } }],
    dynamic: { DataProcessing: { 'InputFilter.$': '$.filter' } },
  },
  'transform-output-filter-jsonpath': {
    api: 'createTransformJob',
    bad: { DataProcessing: { OutputFilter: "['id','SageMakerOutput']" } },
    ok: { DataProcessing: { OutputFilter: "$['id','SageMakerOutput']" } },
    dynamic: { DataProcessing: { OutputFilter: '${Filter}' } },
  },
  'transform-input-filter-jsonpath-operators': {
    api: 'createTransformJob',
    // Recursive descent, a filter, a dotted name in brackets: none is among the operators SageMaker supports.
    bad: [{ DataProcessing: { InputFilter: '$..features' } }, { DataProcessing: { InputFilter: '$[?(@.score > 1)]' } }, { DataProcessing: { InputFilter: "$.field1.['child1','child2.grandchild']" } }],
    ok: [
      { DataProcessing: { InputFilter: '$' } },
      { DataProcessing: { InputFilter: '$.features' } },
      { DataProcessing: { InputFilter: '$.id.*' } },
      { DataProcessing: { InputFilter: "$.field1.['child1','child2']" } },
      { DataProcessing: { InputFilter: '$[1,3,5]' } },
      { DataProcessing: { InputFilter: '$[-1]' } },
      { DataProcessing: { InputFilter: '$[:5]' } },
    ],
    dynamic: [{ DataProcessing: { 'InputFilter.$': '$.filter' } }, { DataProcessing: { InputFilter: '$.${Field}' } }],
  },
  'transform-output-filter-jsonpath-operators': {
    api: 'createTransformJob',
    bad: { DataProcessing: { OutputFilter: '$..SageMakerOutput' } },
    ok: [{ DataProcessing: { OutputFilter: '$[0,5:]' } }, { DataProcessing: { OutputFilter: "$['id','SageMakerOutput']" } }, { DataProcessing: { OutputFilter: '$[2:5]' } }],
    dynamic: { DataProcessing: { OutputFilter: '{% $filter %}' } },
  },
  'max-payload-100-mb': {
    api: 'createTransformJob',
    bad: { MaxPayloadInMB: 101 },
    ok: { MaxPayloadInMB: 100 },
    dynamic: { 'MaxPayloadInMB.$': '$.payload' },
  },
  'concurrent-transforms-times-payload-100-mb': {
    api: 'createTransformJob',
    bad: { MaxConcurrentTransforms: 11, MaxPayloadInMB: 10 },
    ok: { MaxConcurrentTransforms: 10, MaxPayloadInMB: 10 },
    dynamic: { MaxConcurrentTransforms: '{% $states.input.concurrency %}', MaxPayloadInMB: 10 },
  },
  'concurrent-transforms-times-default-payload-100-mb': {
    api: 'createTransformJob',
    bad: [{ MaxConcurrentTransforms: 20 }, { MaxConcurrentTransforms: 17 }],
    ok: [{ MaxConcurrentTransforms: 16 }, { MaxConcurrentTransforms: 20, MaxPayloadInMB: 5 }, {}],
    dynamic: [{ MaxConcurrentTransforms: 20, 'MaxPayloadInMB.$': '$.payload' }, { MaxConcurrentTransforms: '${Concurrency}' }],
  },
  'max-payload-0-chunked-encoding': {
    api: 'createTransformJob',
    bad: { MaxPayloadInMB: 0 },
    ok: { MaxPayloadInMB: 1 },
    dynamic: { MaxPayloadInMB: '${Payload}' },
  },
  'batch-strategy-needs-split-type': {
    api: 'createTransformJob',
    bad: [{ BatchStrategy: 'MultiRecord', TransformInput: { DataSource: {} } }, { BatchStrategy: 'MultiRecord', TransformInput: { DataSource: {}, SplitType: 'None' } }],
    ok: [{ BatchStrategy: 'MultiRecord', TransformInput: { DataSource: {}, SplitType: 'TFRecord' } }, { BatchStrategy: 'SingleRecord', TransformInput: { DataSource: {} } }],
    dynamic: [{ 'BatchStrategy.$': '$.strategy', TransformInput: { DataSource: {} } }, { BatchStrategy: 'MultiRecord', TransformInput: { DataSource: {}, 'SplitType.$': '$.split' } }],
  },
  'transform-instance-count-100': {
    api: 'createTransformJob',
    bad: { TransformResources: { InstanceType: 'ml.m5.large', InstanceCount: 101 } },
    ok: { TransformResources: { InstanceType: 'ml.m5.large', InstanceCount: 100 } },
    dynamic: { TransformResources: { InstanceType: 'ml.m5.large', 'InstanceCount.$': '$.count' } },
  },
  'hyperband-max-resource-20000': {
    api: 'createHyperParameterTuningJob',
    bad: tuning({ Strategy: 'Hyperband', StrategyConfig: { HyperbandStrategyConfig: { MaxResource: 20001 } } }),
    ok: tuning({ Strategy: 'Hyperband', StrategyConfig: { HyperbandStrategyConfig: { MaxResource: 20000 } } }),
    dynamic: tuning({ Strategy: 'Hyperband', StrategyConfig: { HyperbandStrategyConfig: { 'MaxResource.$': '$.epochs' } } }),
  },
  'tuning-needs-training-job-definition': {
    api: 'createHyperParameterTuningJob',
    bad: { HyperParameterTuningJobConfig: tuning({}).HyperParameterTuningJobConfig },
    ok: [{ ...tuning({}), TrainingJobDefinitions: undefined, TrainingJobDefinition: {} }, tuning({})],
    dynamic: [{ HyperParameterTuningJobConfig: tuning({}).HyperParameterTuningJobConfig, 'TrainingJobDefinition.$': '$.definition' }, { HyperParameterTuningJobConfig: tuning({}).HyperParameterTuningJobConfig, 'TrainingJobDefinitions.$': '$.definitions' }],
  },
  'hyperband-max-resource-inferable': {
    api: 'createHyperParameterTuningJob',
    bad: [hyperband({}, { learning_rate: '0.1' }), hyperband({ StrategyConfig: { HyperbandStrategyConfig: { MinResource: 1 } } })],
    ok: [hyperband({ StrategyConfig: { HyperbandStrategyConfig: { MaxResource: 10 } } }), hyperband({}, { 'n-epochs': '20' }), hyperband({}, { num_epochs: '20' }), { ...tuning({ Strategy: 'Hyperband' }), TrainingJobDefinitions: [{ StaticHyperParameters: {} }] }],
    dynamic: [hyperband({}, undefined, { 'StaticHyperParameters.$': '$.hp' }), hyperband({ StrategyConfig: { HyperbandStrategyConfig: { 'MaxResource.$': '$.max' } } })],
  },
  'hyperband-min-resource-at-most-max': {
    api: 'createHyperParameterTuningJob',
    bad: hyperband({ StrategyConfig: { HyperbandStrategyConfig: { MinResource: 100, MaxResource: 10 } } }),
    ok: hyperband({ StrategyConfig: { HyperbandStrategyConfig: { MinResource: 10, MaxResource: 10 } } }),
    dynamic: hyperband({ StrategyConfig: { HyperbandStrategyConfig: { MinResource: 100, 'MaxResource.$': '$.max' } } }),
  },
  'strategy-config-only-for-hyperband': {
    api: 'createHyperParameterTuningJob',
    bad: tuning({ Strategy: 'Bayesian', StrategyConfig: { HyperbandStrategyConfig: { MaxResource: 10 } } }),
    ok: tuning({ Strategy: 'Hyperband', StrategyConfig: { HyperbandStrategyConfig: { MaxResource: 10 } } }),
    dynamic: tuning({ 'Strategy.$': '$.strategy', StrategyConfig: {} }),
  },
  'hyperband-early-stopping-off': {
    api: 'createHyperParameterTuningJob',
    bad: tuning({ Strategy: 'Hyperband', TrainingJobEarlyStoppingType: 'Auto' }),
    ok: [tuning({ Strategy: 'Hyperband', TrainingJobEarlyStoppingType: 'Off' }), tuning({ Strategy: 'Hyperband' }), tuning({ TrainingJobEarlyStoppingType: 'Auto' })],
    dynamic: tuning({ Strategy: 'Hyperband', 'TrainingJobEarlyStoppingType.$': '$.stopping' }),
  },
  'integer-range-min-at-most-max': {
    api: 'createHyperParameterTuningJob',
    bad: [
      tuning({ ParameterRanges: { IntegerParameterRanges: [{ Name: 'depth', MinValue: '10', MaxValue: '3' }] } }),
      { TrainingJobDefinitions: [{ HyperParameterRanges: { IntegerParameterRanges: [{ Name: 'depth', MinValue: ' 4 ', MaxValue: '3' }] } }] },
    ],
    ok: [
      tuning({ ParameterRanges: { IntegerParameterRanges: [{ Name: 'depth', MinValue: '3', MaxValue: '3' }] } }),
    ],
    dynamic: [
      tuning({ ParameterRanges: { IntegerParameterRanges: [{ Name: 'depth', MinValue: '10', 'MaxValue.$': '$.max' }] } }),
      tuning({ ParameterRanges: { IntegerParameterRanges: [{ Name: 'depth', MinValue: '{% $string($states.input.min) %}', MaxValue: '3' }] } }),
    ],
  },
  'integer-range-min-integer': {
    api: 'createHyperParameterTuningJob',
    bad: [oneRange('IntegerParameterRanges', { MinValue: '1.5', MaxValue: '10' }), oneRange('IntegerParameterRanges', { MinValue: 'one', MaxValue: '10' })],
    ok: [oneRange('IntegerParameterRanges', { MinValue: '-3', MaxValue: '10' }), oneRange('IntegerParameterRanges', { MinValue: ' 4 ', MaxValue: '10' })],
    dynamic: oneRange('IntegerParameterRanges', { MinValue: '{% $min %}', MaxValue: '10' }),
  },
  'integer-range-max-integer': {
    api: 'createHyperParameterTuningJob',
    bad: oneRange('IntegerParameterRanges', { MinValue: '1', MaxValue: '1e3' }),
    ok: oneRange('IntegerParameterRanges', { MinValue: '1', MaxValue: '+10' }),
    dynamic: oneRange('IntegerParameterRanges', { MinValue: '1', 'MaxValue.$': '$.max' }),
  },
  'continuous-range-min-at-most-max': {
    api: 'createHyperParameterTuningJob',
    bad: [
      tuning({ ParameterRanges: { ContinuousParameterRanges: [{ Name: 'eta', MinValue: '0.5', MaxValue: '0.1' }] } }),
      tuning({ ParameterRanges: { ContinuousParameterRanges: [{ Name: 'eta', MinValue: '1e-2', MaxValue: '1e-3' }] } }),
    ],
    ok: [
      tuning({ ParameterRanges: { ContinuousParameterRanges: [{ Name: 'eta', MinValue: '0.1', MaxValue: '0.1' }] } }),
      tuning({ ParameterRanges: { ContinuousParameterRanges: [{ Name: 'eta', MinValue: '1e-3', MaxValue: '1e-2' }] } }),
    ],
    dynamic: tuning({ ParameterRanges: { ContinuousParameterRanges: [{ Name: 'eta', MinValue: '${EtaMin}', MaxValue: '0.1' }] } }),
  },
  'continuous-range-min-number': {
    api: 'createHyperParameterTuningJob',
    bad: [oneRange('ContinuousParameterRanges', { MinValue: 'low', MaxValue: '0.9' }), oneRange('ContinuousParameterRanges', { MinValue: '0,1', MaxValue: '0.9' })],
    ok: [oneRange('ContinuousParameterRanges', { MinValue: '.001', MaxValue: '0.9' }), oneRange('ContinuousParameterRanges', { MinValue: '1e-4', MaxValue: '1E+2' })],
    dynamic: oneRange('ContinuousParameterRanges', { MinValue: '${min}', MaxValue: '0.9' }),
  },
  'continuous-range-max-number': {
    api: 'createHyperParameterTuningJob',
    bad: oneRange('ContinuousParameterRanges', { MinValue: '0.1', MaxValue: '0.9.1' }),
    ok: oneRange('ContinuousParameterRanges', { MinValue: '-1', MaxValue: '+2.5' }),
    dynamic: oneRange('ContinuousParameterRanges', { MinValue: '0.1', 'MaxValue.$': '$.max' }),
  },
  'parameter-ranges-total-30': {
    api: 'createHyperParameterTuningJob',
    bad: tuning({ ParameterRanges: { IntegerParameterRanges: ranges(11), ContinuousParameterRanges: ranges(10), CategoricalParameterRanges: ranges(10) } }),
    ok: tuning({ ParameterRanges: { IntegerParameterRanges: ranges(10), ContinuousParameterRanges: ranges(10), CategoricalParameterRanges: ranges(10) } }),
    dynamic: tuning({ ParameterRanges: { IntegerParameterRanges: ranges(20), 'ContinuousParameterRanges.$': '$.ranges' } }),
  },
  'integer-range-logarithmic-positive': {
    api: 'createHyperParameterTuningJob',
    bad: tuning({ ParameterRanges: { IntegerParameterRanges: [{ Name: 'epochs', MinValue: '0', MaxValue: '10', ScalingType: 'Logarithmic' }] } }),
    ok: [tuning({ ParameterRanges: { IntegerParameterRanges: [{ Name: 'epochs', MinValue: '1', MaxValue: '10', ScalingType: 'Logarithmic' }] } }), tuning({ ParameterRanges: { IntegerParameterRanges: [{ Name: 'epochs', MinValue: '0', MaxValue: '10', ScalingType: 'Linear' }] } })],
    dynamic: tuning({ ParameterRanges: { IntegerParameterRanges: [{ Name: 'epochs', 'MinValue.$': '$.min', MaxValue: '10', ScalingType: 'Logarithmic' }] } }),
  },
  'continuous-range-logarithmic-positive': {
    api: 'createHyperParameterTuningJob',
    bad: tuning({ ParameterRanges: { ContinuousParameterRanges: [{ Name: 'eta', MinValue: '-0.5', MaxValue: '1', ScalingType: 'Logarithmic' }] } }),
    ok: tuning({ ParameterRanges: { ContinuousParameterRanges: [{ Name: 'eta', MinValue: '0.0001', MaxValue: '1', ScalingType: 'Logarithmic' }] } }),
    dynamic: tuning({ ParameterRanges: { ContinuousParameterRanges: [{ Name: 'eta', MinValue: '${MinEta}', MaxValue: '1', ScalingType: 'Logarithmic' }] } }),
  },
  'continuous-range-reverse-logarithmic-min': {
    api: 'createHyperParameterTuningJob',
    bad: tuning({ ParameterRanges: { ContinuousParameterRanges: [{ Name: 'momentum', MinValue: '-0.1', MaxValue: '0.99', ScalingType: 'ReverseLogarithmic' }] } }),
    ok: tuning({ ParameterRanges: { ContinuousParameterRanges: [{ Name: 'momentum', MinValue: '0', MaxValue: '0.99', ScalingType: 'ReverseLogarithmic' }] } }),
    dynamic: tuning({ ParameterRanges: { ContinuousParameterRanges: [{ Name: 'momentum', MinValue: '-0.1', MaxValue: '0.99', 'ScalingType.$': '$.scale' }] } }),
  },
  'continuous-range-reverse-logarithmic-max': {
    api: 'createHyperParameterTuningJob',
    bad: tuning({ ParameterRanges: { ContinuousParameterRanges: [{ Name: 'momentum', MinValue: '0.5', MaxValue: '1.0', ScalingType: 'ReverseLogarithmic' }] } }),
    ok: tuning({ ParameterRanges: { ContinuousParameterRanges: [{ Name: 'momentum', MinValue: '0.5', MaxValue: '0.999', ScalingType: 'ReverseLogarithmic' }] } }),
    dynamic: tuning({ ParameterRanges: { ContinuousParameterRanges: [{ Name: 'momentum', MinValue: '0.5', 'MaxValue.$': '$.max', ScalingType: 'ReverseLogarithmic' }] } }),
  },
  'placement-instance-count-at-least-1': {
    api: 'createTrainingJob',
    bad: trainingJob({ ResourceConfig: { InstancePlacementConfig: { PlacementSpecifications: [{ InstanceCount: 0 }] } } }),
    ok: trainingJob({ ResourceConfig: { InstancePlacementConfig: { PlacementSpecifications: [{ InstanceCount: 1 }] } } }),
    dynamic: trainingJob({ ResourceConfig: { InstancePlacementConfig: { PlacementSpecifications: [{ 'InstanceCount.$': '$.count' }] } } }),
  },
  'tuning-parameter-ranges-job-total-30': {
    api: 'createHyperParameterTuningJob',
    bad: { TrainingJobDefinitions: [{ HyperParameterRanges: { IntegerParameterRanges: ranges(16) } }, { HyperParameterRanges: { IntegerParameterRanges: ranges(8), CategoricalParameterRanges: ranges(8) } }] },
    ok: { TrainingJobDefinitions: [{ HyperParameterRanges: { IntegerParameterRanges: ranges(15) } }, { HyperParameterRanges: { ContinuousParameterRanges: ranges(15) } }] },
    dynamic: { TrainingJobDefinitions: [{ HyperParameterRanges: { IntegerParameterRanges: ranges(16) } }, { 'HyperParameterRanges.$': '$.ranges' }] },
  },
  'tuning-environment-total-48': {
    api: 'createHyperParameterTuningJob',
    bad: { TrainingJobDefinitions: [{ Environment: env(25, 1) }, { Environment: env(24, 1) }] },
    ok: { TrainingJobDefinitions: [{ Environment: env(24, 1) }, { Environment: env(24, 1) }] },
    dynamic: { TrainingJobDefinitions: [{ Environment: env(25, 1) }, { 'Environment.$': '$.environment' }] },
  },
  'instance-preferences-exclusive': {
    api: 'createTrainingJob',
    bad: [
      trainingJob({ ResourceConfig: { InstancePreferences: [pref()], InstanceType: 'ml.m5.large', InstanceCount: 1 } }),
      trainingJob({ EnableManagedSpotTraining: true, StoppingCondition: { MaxRuntimeInSeconds: 60, MaxWaitTimeInSeconds: 60 }, ResourceConfig: { InstancePreferences: [pref()], InstanceCount: 1 } }),
    ],
    ok: [trainingJob({ ResourceConfig: { InstancePreferences: [pref()], InstanceCount: 1 } }), trainingJob({ EnableManagedSpotTraining: false, ResourceConfig: { InstancePreferences: [pref()], InstanceCount: 1 } })],
    dynamic: trainingJob({ ResourceConfig: { InstancePreferences: [pref()], 'InstanceType.$': '$.type', InstanceCount: 1 } }),
  },
  'express-one-zone-output-no-kms-key': {
    api: 'createTrainingJob',
    bad: trainingJob({ OutputDataConfig: { S3OutputPath: 's3://models--usw2-az1--x-s3/churn', KmsKeyId: 'alias/models' } }),
    // A general purpose bucket, the directory bucket without a key, a bucket whose name holds the suffix inside it.
    ok: [trainingJob({ OutputDataConfig: { S3OutputPath: 's3://models/churn', KmsKeyId: 'alias/models' } }), trainingJob({ OutputDataConfig: { S3OutputPath: 's3://models--usw2-az1--x-s3/churn' } }), trainingJob({ OutputDataConfig: { S3OutputPath: 's3://models--x-s3-archive/churn', KmsKeyId: 'alias/models' } })],
    dynamic: trainingJob({ OutputDataConfig: { 'S3OutputPath.$': '$.output', KmsKeyId: 'alias/models' } }),
  },
  'local-storage-no-volume-kms-key': {
    api: 'createTrainingJob',
    bad: trainingJob({ ResourceConfig: { InstanceType: 'ml.g5.2xlarge', InstanceCount: 1, VolumeKmsKeyId: 'alias/train' } }),
    ok: [trainingJob({ ResourceConfig: { InstanceType: 'ml.g5.2xlarge', InstanceCount: 1 } }), trainingJob({ ResourceConfig: { InstanceType: 'ml.m5.large', InstanceCount: 1, VolumeSizeInGB: 10, VolumeKmsKeyId: 'alias/train' } })],
    dynamic: trainingJob({ ResourceConfig: { 'InstanceType.$': '$.type', InstanceCount: 1, VolumeKmsKeyId: 'alias/train' } }),
  },
  'transform-local-storage-no-volume-kms-key': {
    api: 'createTransformJob',
    bad: { TransformResources: { InstanceType: 'ml.g4dn.xlarge', InstanceCount: 1, VolumeKmsKeyId: 'alias/score' } },
    ok: [{ TransformResources: { InstanceType: 'ml.g4dn.xlarge', InstanceCount: 1 } }, { TransformResources: { InstanceType: 'ml.m5.large', InstanceCount: 1, VolumeKmsKeyId: 'alias/score' } }],
    dynamic: { TransformResources: { InstanceType: '${Type}', InstanceCount: 1, VolumeKmsKeyId: 'alias/score' } },
  },
  'processing-local-storage-no-volume-kms-key': {
    api: 'createProcessingJob',
    bad: cluster({ InstanceType: 'ml.r5d.large', InstanceCount: 1, VolumeKmsKeyId: 'alias/process' }),
    ok: [cluster({ InstanceType: 'ml.g5.xlarge', InstanceCount: 1 }), cluster({ InstanceType: 'ml.m5.xlarge', InstanceCount: 1, VolumeKmsKeyId: 'alias/process' })],
    dynamic: cluster({ 'InstanceType.$': '$.type', InstanceCount: 1, VolumeKmsKeyId: 'alias/process' }),
  },
  'tuning-local-storage-no-volume-kms-key': {
    api: 'createHyperParameterTuningJob',
    bad: { TrainingJobDefinition: { HyperParameterTuningResourceConfig: { InstanceType: 'ml.p4d.24xlarge', InstanceCount: 1, VolumeKmsKeyId: 'alias/tune' } } },
    ok: [{ TrainingJobDefinition: { HyperParameterTuningResourceConfig: { InstanceType: 'ml.p4d.24xlarge', InstanceCount: 1 } } }, { TrainingJobDefinition: { HyperParameterTuningResourceConfig: { InstanceType: 'ml.m5.large', InstanceCount: 1, VolumeKmsKeyId: 'alias/tune' } } }],
    dynamic: { TrainingJobDefinition: { HyperParameterTuningResourceConfig: { InstanceType: 'ml.p4d.24xlarge', InstanceCount: 1, 'VolumeKmsKeyId.$': '$.key' } } },
  },
  'tuning-instance-configs-local-storage-no-volume-kms-key': {
    api: 'createHyperParameterTuningJob',
    bad: { TrainingJobDefinition: { HyperParameterTuningResourceConfig: { InstanceConfigs: [{ InstanceType: 'ml.m5.large', InstanceCount: 1, VolumeSizeInGB: 10 }, { InstanceType: 'ml.g5.xlarge', InstanceCount: 1, VolumeSizeInGB: 10 }], VolumeKmsKeyId: 'alias/tune' } } },
    ok: [
      { TrainingJobDefinition: { HyperParameterTuningResourceConfig: { InstanceConfigs: [{ InstanceType: 'ml.m5.large', InstanceCount: 1, VolumeSizeInGB: 10 }, { InstanceType: 'ml.c5.xlarge', InstanceCount: 1, VolumeSizeInGB: 10 }], VolumeKmsKeyId: 'alias/tune' } } },
      { TrainingJobDefinition: { HyperParameterTuningResourceConfig: { InstanceConfigs: [], VolumeKmsKeyId: 'alias/tune' } } },
    ],
    dynamic: { TrainingJobDefinition: { HyperParameterTuningResourceConfig: { InstanceConfigs: [{ InstanceType: 'ml.m5.large', InstanceCount: 1, VolumeSizeInGB: 10 }, { 'InstanceType.$': '$.type', InstanceCount: 1, VolumeSizeInGB: 10 }], VolumeKmsKeyId: 'alias/tune' } } },
  },
  'instance-groups-local-storage-no-volume-kms-key': {
    api: 'createTrainingJob',
    // A heterogeneous cluster one group of which has local storage, first or last (gap42).
    bad: [
      trainingJob({ ResourceConfig: { InstanceGroups: [{ InstanceGroupName: 'gpu', InstanceType: 'ml.g5.xlarge', InstanceCount: 1 }, { InstanceGroupName: 'cpu', InstanceType: 'ml.c5.xlarge', InstanceCount: 2 }], VolumeSizeInGB: 30, VolumeKmsKeyId: 'alias/train' } }),
      trainingJob({ ResourceConfig: { InstanceGroups: [{ InstanceGroupName: 'cpu', InstanceType: 'ml.c5.xlarge', InstanceCount: 2 }, { InstanceGroupName: 'mem', InstanceType: 'ml.r5d.large', InstanceCount: 1 }], VolumeSizeInGB: 30, VolumeKmsKeyId: 'alias/train' } }),
    ],
    ok: [
      trainingJob({ ResourceConfig: { InstanceGroups: [{ InstanceGroupName: 'gpu', InstanceType: 'ml.g5.xlarge', InstanceCount: 1 }, { InstanceGroupName: 'cpu', InstanceType: 'ml.c5.xlarge', InstanceCount: 2 }], VolumeSizeInGB: 30 } }),
      trainingJob({ ResourceConfig: { InstanceGroups: [{ InstanceGroupName: 'a', InstanceType: 'ml.m5.xlarge', InstanceCount: 1 }, { InstanceGroupName: 'b', InstanceType: 'ml.c5.xlarge', InstanceCount: 2 }], VolumeSizeInGB: 30, VolumeKmsKeyId: 'alias/train' } }),
    ],
    dynamic: [
      trainingJob({ ResourceConfig: { InstanceGroups: [{ InstanceGroupName: 'a', InstanceType: 'ml.m5.xlarge', InstanceCount: 1 }, { InstanceGroupName: 'b', 'InstanceType.$': '$.type', InstanceCount: 2 }], VolumeSizeInGB: 30, VolumeKmsKeyId: 'alias/train' } }),
      trainingJob({ ResourceConfig: { InstanceGroups: [{ InstanceGroupName: 'gpu', InstanceType: 'ml.g5.xlarge', InstanceCount: 1 }], VolumeSizeInGB: 30, VolumeKmsKeyId: '{% $states.input.key %}' } }),
    ],
  },
  'ebs-only-instance-needs-volume-size': {
    api: 'createTrainingJob',
    bad: trainingJob({ ResourceConfig: { InstanceType: 'ml.c5.xlarge', InstanceCount: 1 } }),
    ok: [trainingJob({ ResourceConfig: { InstanceType: 'ml.c5.xlarge', InstanceCount: 1, VolumeSizeInGB: 30 } }), trainingJob({ ResourceConfig: { InstanceType: 'ml.c5n.xlarge', InstanceCount: 1 } })],
    dynamic: [trainingJob({ ResourceConfig: { InstanceType: 'ml.c5.xlarge', InstanceCount: 1, 'VolumeSizeInGB.$': '$.size' } }), trainingJob({ ResourceConfig: { InstanceType: '${InstanceType}', InstanceCount: 1 } })],
  },
  'instance-preference-count-all-or-none': {
    api: 'createTrainingJob',
    bad: trainingJob({ ResourceConfig: { InstancePreferences: [pref({ InstanceCount: 2 }), pref({ InstanceType: 'ml.m5.xlarge' })] } }),
    ok: trainingJob({ ResourceConfig: { InstancePreferences: [pref({ InstanceCount: 2 }), pref({ InstanceType: 'ml.m5.xlarge', InstanceCount: 1 })] } }),
    dynamic: trainingJob({ ResourceConfig: { InstancePreferences: [pref({ InstanceCount: 2 }), pref({ InstanceType: 'ml.m5.xlarge', 'InstanceCount.$': '$.n' })] } }),
  },
  'instance-preference-count-not-twice': {
    api: 'createTrainingJob',
    bad: trainingJob({ ResourceConfig: { InstanceCount: 1, InstancePreferences: [pref({ InstanceCount: 2 })] } }),
    ok: trainingJob({ ResourceConfig: { InstancePreferences: [pref({ InstanceCount: 2 })] } }),
    dynamic: trainingJob({ ResourceConfig: { 'InstanceCount.$': '$.n', InstancePreferences: [pref({ InstanceCount: 2 })] } }),
  },
  'instance-preference-count-somewhere': {
    api: 'createTrainingJob',
    bad: trainingJob({ ResourceConfig: { InstancePreferences: [pref()] } }),
    ok: trainingJob({ ResourceConfig: { InstancePreferences: [pref()], InstanceCount: 1 } }),
    dynamic: trainingJob({ ResourceConfig: { InstancePreferences: [pref()], 'InstanceCount.$': '$.n' } }),
  },
  'instance-preference-training-plan-exclusive': {
    api: 'createTrainingJob',
    // A template placeholder inside the text still deploys a TrainingPlanArn: it is there, whatever it stands for.
    bad: [
      trainingJob({ ResourceConfig: { TrainingPlanArn: 'arn:plan', InstancePreferences: [pref({ InstanceCount: 1, TrainingPlanArns: ['arn:plan'] })] } }),
      trainingJob({ ResourceConfig: { TrainingPlanArn: 'arn:aws:sagemaker:us-east-1:${AWS::AccountId}:training-plan/p', InstancePreferences: [pref({ InstanceCount: 1, TrainingPlanArns: ['arn:plan'] })] } }),
    ],
    ok: trainingJob({ ResourceConfig: { InstancePreferences: [pref({ InstanceCount: 1, TrainingPlanArns: ['arn:plan'] })] } }),
    // A `.$` value or JSONata may give nothing, and a placeholder alone may stand for nothing: not known to be there.
    dynamic: [
      trainingJob({ ResourceConfig: { 'TrainingPlanArn.$': '$.plan', InstancePreferences: [pref({ InstanceCount: 1, TrainingPlanArns: ['arn:plan'] })] } }),
      trainingJob({ ResourceConfig: { TrainingPlanArn: '${Plan}', InstancePreferences: [pref({ InstanceCount: 1, TrainingPlanArns: ['arn:plan'] })] } }),
    ],
  },
  'training-selected-instance-type-read-only': {
    api: 'createTrainingJob',
    bad: trainingJob({ ResourceConfig: { InstanceType: 'ml.m5.large', InstanceCount: 1, SelectedInstanceType: 'ml.m5.large' } }),
    ok: trainingJob({ ResourceConfig: { InstanceType: 'ml.m5.large', InstanceCount: 1 } }),
    dynamic: trainingJob({ ResourceConfig: { InstanceCount: 1, InstancePreferences: [pref()], SelectedInstanceType: '${Type}' } }),
  },
  'training-selected-instance-count-read-only': {
    api: 'createTrainingJob',
    bad: trainingJob({ ResourceConfig: { InstanceCount: 1, InstancePreferences: [pref()], SelectedInstanceCount: 1 } }),
    ok: trainingJob({ ResourceConfig: { InstanceCount: 1, InstancePreferences: [pref()] } }),
    dynamic: trainingJob({ ResourceConfig: { InstanceCount: 1, InstancePreferences: [pref()], 'SelectedInstanceCount.$': '$.count' } }),
  },
  'unique-instance-preference-types': {
    api: 'createTrainingJob',
    bad: [
      trainingJob({ ResourceConfig: { InstanceCount: 1, InstancePreferences: [pref(), pref()] } }),
      trainingJob({ ResourceConfig: { InstanceCount: 1, InstancePreferences: [pref({ InstanceType: 'ml.g5.xlarge' }), pref(), pref({ InstanceType: 'ml.g5.xlarge' })] } }),
    ],
    ok: trainingJob({ ResourceConfig: { InstanceCount: 1, InstancePreferences: [pref(), pref({ InstanceType: 'ml.m5.xlarge' })] } }),
    dynamic: [trainingJob({ ResourceConfig: { InstanceCount: 1, InstancePreferences: [pref(), pref({ 'InstanceType.$': '$.type' })] } }), trainingJob({ ResourceConfig: { InstanceCount: 1, InstancePreferences: [pref(), pref({ InstanceType: '${Type}' })] } })],
  },
  'processing-instance-preferences-exclusive': {
    api: 'createProcessingJob',
    bad: cluster({ InstancePreferences: [procPref()], InstanceType: 'ml.m5.large', InstanceCount: 1 }),
    ok: cluster({ InstancePreferences: [procPref()], InstanceCount: 1 }),
    dynamic: cluster({ InstancePreferences: [procPref()], 'InstanceType.$': '$.type', InstanceCount: 1 }),
  },
  'processing-instance-preference-count-all-or-none': {
    api: 'createProcessingJob',
    bad: cluster({ InstancePreferences: [procPref({ InstanceCount: 2 }), procPref({ InstanceType: 'ml.m5.xlarge' })] }),
    ok: cluster({ InstancePreferences: [procPref({ InstanceCount: 2 }), procPref({ InstanceType: 'ml.m5.xlarge', InstanceCount: 1 })] }),
    dynamic: cluster({ InstancePreferences: [procPref({ InstanceCount: 2 }), procPref({ InstanceType: 'ml.m5.xlarge', 'InstanceCount.$': '$.n' })] }),
  },
  'processing-instance-preference-count-not-twice': {
    api: 'createProcessingJob',
    bad: cluster({ InstanceCount: 1, InstancePreferences: [procPref({ InstanceCount: 2 })] }),
    ok: cluster({ InstancePreferences: [procPref({ InstanceCount: 2 })] }),
    dynamic: cluster({ InstanceCount: '${Count}', InstancePreferences: [procPref({ InstanceCount: 2 })] }),
  },
  'processing-instance-preference-count-somewhere': {
    api: 'createProcessingJob',
    bad: cluster({ InstancePreferences: [procPref()] }),
    ok: cluster({ InstancePreferences: [procPref()], InstanceCount: 1 }),
    dynamic: cluster({ InstancePreferences: [procPref()], 'InstanceCount.$': '$.n' }),
  },
  'processing-selected-instance-type-read-only': {
    api: 'createProcessingJob',
    bad: cluster({ InstanceCount: 1, InstancePreferences: [procPref()], SelectedInstanceType: 'ml.m5.large' }),
    ok: cluster({ InstanceCount: 1, InstancePreferences: [procPref()] }),
    dynamic: cluster({ InstanceCount: 1, InstancePreferences: [procPref()], 'SelectedInstanceType.$': '$.type' }),
  },
  'processing-selected-instance-count-read-only': {
    api: 'createProcessingJob',
    bad: cluster({ InstanceCount: 1, InstancePreferences: [procPref()], SelectedInstanceCount: 1 }),
    ok: cluster({ InstanceType: 'ml.m5.large', InstanceCount: 1 }),
    dynamic: cluster({ InstanceType: 'ml.m5.large', InstanceCount: 1, SelectedInstanceCount: '{% $states.input.count %}' }),
  },
  'processing-unique-instance-preference-types': {
    api: 'createProcessingJob',
    bad: cluster({ InstanceCount: 1, InstancePreferences: [procPref(), procPref({ InstanceType: 'ml.c5.xlarge' }), procPref()] }),
    ok: cluster({ InstanceCount: 1, InstancePreferences: [procPref(), procPref({ InstanceType: 'ml.c5.xlarge' })] }),
    dynamic: cluster({ InstanceCount: 1, InstancePreferences: [procPref(), procPref({ InstanceType: '{% $states.input.type %}' })] }),
  },
  'processing-input-output-names-unique': {
    api: 'createProcessingJob',
    // An input and an output of one name, two inputs, two outputs.
    bad: [
      { ...input({ S3Input: s3In() }), ...output({ OutputName: 'in', S3Output: { S3Uri: 's3://b/o', LocalPath: '/opt/ml/processing/o', S3UploadMode: 'EndOfJob' } }) },
      { ProcessingInputs: [{ InputName: 'code', S3Input: s3In() }, { InputName: 'code', S3Input: s3In({ LocalPath: '/opt/ml/processing/code' }) }] },
      { ProcessingOutputConfig: { Outputs: [{ OutputName: 'out', S3Output: { S3Uri: 's3://b/a', LocalPath: '/opt/ml/processing/a', S3UploadMode: 'EndOfJob' } }, { OutputName: 'out', S3Output: { S3Uri: 's3://b/b', LocalPath: '/opt/ml/processing/b', S3UploadMode: 'EndOfJob' } }] } },
    ],
    ok: { ...input({ S3Input: s3In() }), ...output({ S3Output: { S3Uri: 's3://b/o', LocalPath: '/opt/ml/processing/o', S3UploadMode: 'EndOfJob' } }) },
    dynamic: [
      { ...input({ S3Input: s3In() }), ...output({ OutputName: undefined, 'OutputName.$': '$.name', S3Output: { S3Uri: 's3://b/o', LocalPath: '/opt/ml/processing/o', S3UploadMode: 'EndOfJob' } }) },
      { ...input({ S3Input: s3In() }), ProcessingOutputConfig: { 'Outputs.$': '$.outputs' } },
    ],
  },
  'processing-input-one-source': {
    api: 'createProcessingJob',
    bad: [input({ S3Input: s3In(), DatasetDefinition: { AthenaDatasetDefinition: {}, LocalPath: '/opt/ml/processing/d' } }), input({})],
    ok: input({ S3Input: s3In() }),
    dynamic: input({ 'S3Input.$': '$.input' }),
  },
  'dataset-definition-one-source': {
    api: 'createProcessingJob',
    bad: [input({ DatasetDefinition: { LocalPath: '/opt/ml/processing/d' } }), input({ DatasetDefinition: { AthenaDatasetDefinition: {}, RedshiftDatasetDefinition: {}, LocalPath: '/opt/ml/processing/d' } })],
    ok: input({ DatasetDefinition: { RedshiftDatasetDefinition: {}, LocalPath: '/opt/ml/processing/d' } }),
    dynamic: input({ DatasetDefinition: { 'AthenaDatasetDefinition.$': '$.athena', LocalPath: '/opt/ml/processing/d' } }),
  },
  'processing-output-one-destination': {
    api: 'createProcessingJob',
    bad: [output({ AppManaged: true, S3Output: {}, FeatureStoreOutput: { FeatureGroupName: 'g' } }), output({})],
    ok: output({ S3Output: {} }),
    dynamic: output({ 'S3Output.$': '$.output' }),
  },
  'feature-store-output-needs-app-managed': {
    api: 'createProcessingJob',
    bad: [output({ FeatureStoreOutput: { FeatureGroupName: 'g' } }), output({ AppManaged: false, FeatureStoreOutput: { FeatureGroupName: 'g' } })],
    ok: output({ AppManaged: true, FeatureStoreOutput: { FeatureGroupName: 'g' } }),
    dynamic: output({ 'AppManaged.$': '$.managed', FeatureStoreOutput: { FeatureGroupName: 'g' } }),
  },
  'processing-gzip-needs-pipe': {
    api: 'createProcessingJob',
    bad: input({ S3Input: s3In({ S3CompressionType: 'Gzip', S3InputMode: 'File' }) }),
    ok: [input({ S3Input: s3In({ S3CompressionType: 'Gzip', S3InputMode: 'Pipe' }) }), input({ S3Input: s3In({ S3CompressionType: 'None', S3InputMode: 'File' }) })],
    dynamic: input({ S3Input: s3In({ S3CompressionType: 'Gzip', 'S3InputMode.$': '$.mode' }) }),
  },
  'processing-s3-local-path-prefix': {
    api: 'createProcessingJob',
    bad: input({ S3Input: s3In({ LocalPath: '/opt/ml/input' }) }),
    ok: input({ S3Input: s3In({ LocalPath: '/opt/ml/processing/' }) }),
    dynamic: input({ S3Input: s3In({ LocalPath: undefined, 'LocalPath.$': '$.path' }) }),
  },
  'processing-s3-local-path-required': {
    api: 'createProcessingJob',
    bad: [input({ S3Input: s3In({ LocalPath: undefined }) }), input({ AppManaged: false, S3Input: s3In({ LocalPath: undefined }) })],
    ok: input({ AppManaged: true, S3Input: s3In({ LocalPath: undefined }) }),
    dynamic: input({ 'AppManaged.$': '$.managed', S3Input: s3In({ LocalPath: undefined }) }),
  },
  'processing-s3-output-local-path-absolute': {
    api: 'createProcessingJob',
    bad: output({ S3Output: { S3Uri: 's3://b/out', LocalPath: 'output/clean', S3UploadMode: 'EndOfJob' } }),
    ok: output({ S3Output: { S3Uri: 's3://b/out', LocalPath: '/opt/ml/processing/out', S3UploadMode: 'EndOfJob' } }),
    dynamic: output({ S3Output: { S3Uri: 's3://b/out', 'LocalPath.$': '$.path', S3UploadMode: 'EndOfJob' } }),
  },
  'dataset-definition-local-path-absolute': {
    api: 'createProcessingJob',
    bad: input({ DatasetDefinition: { AthenaDatasetDefinition: {}, LocalPath: 'athena/input' } }),
    ok: input({ DatasetDefinition: { AthenaDatasetDefinition: {}, LocalPath: '/opt/ml/processing/athena' } }),
    dynamic: input({ DatasetDefinition: { AthenaDatasetDefinition: {}, LocalPath: '{% $states.input.path %}' } }),
  },
  'processing-s3-output-local-path-prefix': {
    api: 'createProcessingJob',
    // An absolute path outside the processing directory, one that only looks like it.
    bad: [output({ S3Output: { S3Uri: 's3://b/out', LocalPath: '/tmp/output', S3UploadMode: 'EndOfJob' } }), output({ S3Output: { S3Uri: 's3://b/out', LocalPath: '/opt/ml/processing-out', S3UploadMode: 'EndOfJob' } })],
    // The directory itself; a relative path is the -absolute rule's (an error), not this one's too.
    ok: [output({ S3Output: { S3Uri: 's3://b/out', LocalPath: '/opt/ml/processing/', S3UploadMode: 'EndOfJob' } }), output({ S3Output: { S3Uri: 's3://b/out', LocalPath: '/opt/ml/processing/out', S3UploadMode: 'EndOfJob' } })],
    dynamic: [output({ S3Output: { S3Uri: 's3://b/out', 'LocalPath.$': '$.path', S3UploadMode: 'EndOfJob' } }), output({ S3Output: { S3Uri: 's3://b/out', LocalPath: '${OutputPath}', S3UploadMode: 'EndOfJob' } })],
  },
  'dataset-definition-local-path-prefix': {
    api: 'createProcessingJob',
    bad: input({ DatasetDefinition: { AthenaDatasetDefinition: {}, LocalPath: '/data/athena' } }),
    ok: input({ DatasetDefinition: { AthenaDatasetDefinition: {}, LocalPath: '/opt/ml/processing/athena' } }),
    dynamic: input({ DatasetDefinition: { AthenaDatasetDefinition: {}, LocalPath: '{% $states.input.path %}' } }),
  },
  'dataset-definition-local-path-required': {
    api: 'createProcessingJob',
    bad: input({ DatasetDefinition: { AthenaDatasetDefinition: {} } }),
    ok: input({ AppManaged: true, DatasetDefinition: { AthenaDatasetDefinition: {} } }),
    dynamic: input({ DatasetDefinition: { AthenaDatasetDefinition: {}, 'LocalPath.$': '$.path' } }),
  },
  'model-data-source-one-source': {
    api: 'createModel',
    bad: { PrimaryContainer: { ModelDataSource: {} } },
    ok: { PrimaryContainer: { ModelDataSource: { S3DataSource: { S3Uri: 's3://b/m/', S3DataType: 'S3Prefix', CompressionType: 'None' } } } },
    dynamic: { PrimaryContainer: { ModelDataSource: { 'S3DataSource.$': '$.source' } } },
  },
  'feature-types-include-text': {
    api: 'createEndpointConfig',
    bad: [{ ExplainerConfig: { ClarifyExplainerConfig: { InferenceConfig: { FeatureTypes: ['numerical', 'categorical'] }, ShapConfig: { ShapBaselineConfig: { ShapBaseline: '1,2' } } } } }, inference({ FeatureTypes: ['numerical'] })],
    ok: [inference({ FeatureTypes: ['numerical', 'text'] }), inference({ FeatureTypes: ['text'] }), inference({ FeaturesAttribute: 'features' })],
    dynamic: [inference({ FeatureTypes: ['numerical', '${Type}'] }), inference({ 'FeatureTypes.$': '$.types' }), inference({ FeatureTypes: ['numerical', '{% $states.input.type %}'] })],
  },
  'text-features-need-text-config': {
    api: 'createEndpointConfig',
    bad: [inference({ FeatureTypes: ['text', 'numerical'] }, false), inference({ FeatureTypes: ['numerical', 'text'] }, false)],
    ok: [inference({ FeatureTypes: ['text'] }), inference({ FeaturesAttribute: 'features' }, false)],
    dynamic: [
      inference({ FeatureTypes: ['numerical', '{% $states.input.type %}'] }, false),
      inference({ 'FeatureTypes.$': '$.types' }, false),
      { ExplainerConfig: { ClarifyExplainerConfig: { InferenceConfig: { FeatureTypes: ['text'] }, 'ShapConfig.$': '$.shap' } } },
    ],
  },
  'model-s3-prefix-ends-with-slash': {
    api: 'createModel',
    bad: [modelData({ S3Uri: 's3://b/model', S3DataType: 'S3Prefix' }), { Containers: [{ Image: 'i', AdditionalModelDataSources: [{ ChannelName: 'draft', S3DataSource: { S3Uri: 's3://b/draft', S3DataType: 'S3Prefix', CompressionType: 'None' } }] }] }],
    ok: [modelData({ S3Uri: 's3://b/model/', S3DataType: 'S3Prefix' }), modelData({ S3Uri: 's3://b/model.tar.gz', S3DataType: 'S3Object' })],
    dynamic: [modelData({ 'S3Uri.$': '$.model', S3DataType: 'S3Prefix' }), modelData({ S3Uri: 's3://${Bucket}/model', S3DataType: 'S3Prefix' }), modelData({ S3Uri: 's3://b/model', 'S3DataType.$': '$.type' })],
  },
  'shap-baseline-exclusive': {
    api: 'createEndpointConfig',
    bad: shap({ ShapBaseline: '1,2', ShapBaselineUri: 's3://b/baseline.csv' }),
    ok: shap({ ShapBaseline: '1,2' }),
    dynamic: shap({ ShapBaseline: '1,2', 'ShapBaselineUri.$': '$.uri' }),
  },
  'shap-baseline-mime-type': {
    api: 'createEndpointConfig',
    bad: shap({ ShapBaseline: '1,2', MimeType: 'application/json' }),
    ok: [shap({ ShapBaseline: '1,2', MimeType: 'application/jsonlines' }), shap({ ShapBaseline: '1,2' })],
    dynamic: shap({ ShapBaseline: '1,2', 'MimeType.$': '$.mime' }),
  },
  'transform-s3-data-type-compatible': {
    api: 'createTransformJob',
    bad: { TransformInput: { DataSource: { S3DataSource: { S3DataType: 'AugmentedManifestFile', S3Uri: 's3://b/in.manifest' } } } },
    ok: [{ TransformInput: { DataSource: { S3DataSource: { S3DataType: 'ManifestFile', S3Uri: 's3://b/in.manifest' } } } }, { TransformInput: { DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: 's3://b/in/' } } } }],
    dynamic: { TransformInput: { DataSource: { S3DataSource: { 'S3DataType.$': '$.type', S3Uri: 's3://b/in/' } } } },
  },
  'labeling-point-cloud-video-ner-no-ui-template': {
    api: 'createLabelingJob',
    bad: [human({ PreHumanTaskLambdaArn: preLambda('PRE-3DPointCloudObjectDetection'), UiConfig: { UiTemplateS3Uri: 's3://b/t.liquid' } }), human({ PreHumanTaskLambdaArn: preLambda('PRE-NamedEntityRecognition'), UiConfig: { UiTemplateS3Uri: 's3://b/t.liquid' } })],
    // Bounding boxes take a template of one's own; video classification is no video frame task.
    ok: [human({ PreHumanTaskLambdaArn: preLambda('PRE-BoundingBox'), UiConfig: { UiTemplateS3Uri: 's3://b/t.liquid' } }), human({ PreHumanTaskLambdaArn: preLambda('PRE-VideoMultiClass'), UiConfig: { UiTemplateS3Uri: 's3://b/t.liquid' } }), human({ PreHumanTaskLambdaArn: preLambda('PRE-VideoObjectTracking'), UiConfig: { HumanTaskUiArn: 'arn:aws:sagemaker:us-east-1:394669845002:human-task-ui/VideoObjectTracking' } })],
    dynamic: [human({ 'PreHumanTaskLambdaArn.$': '$.lambda', UiConfig: { UiTemplateS3Uri: 's3://b/t.liquid' } }), human({ PreHumanTaskLambdaArn: preLambda('PRE-3DPointCloudObjectDetection'), UiConfig: { 'UiTemplateS3Uri.$': '$.template' } })],
  },
  'labeling-other-task-types-ui-template': {
    api: 'createLabelingJob',
    bad: [human({ PreHumanTaskLambdaArn: preLambda('PRE-BoundingBox'), UiConfig: { HumanTaskUiArn: 'arn:aws:sagemaker:us-east-1:394669845002:human-task-ui/NamedEntityRecognition' } }), human({ PreHumanTaskLambdaArn: preLambda('PRE-VideoMultiClass'), UiConfig: { HumanTaskUiArn: 'arn:aws:sagemaker:us-east-1:394669845002:human-task-ui/VideoObjectTracking' } })],
    ok: [human({ PreHumanTaskLambdaArn: preLambda('PRE-BoundingBox'), UiConfig: { UiTemplateS3Uri: 's3://b/t.liquid' } }), human({ PreHumanTaskLambdaArn: preLambda('PRE-NamedEntityRecognition'), UiConfig: { HumanTaskUiArn: 'arn:aws:sagemaker:us-east-1:394669845002:human-task-ui/NamedEntityRecognition' } })],
    dynamic: human({ 'PreHumanTaskLambdaArn.$': '$.lambda', UiConfig: { HumanTaskUiArn: 'arn:aws:sagemaker:us-east-1:394669845002:human-task-ui/NamedEntityRecognition' } }),
  },
  'labeling-ner-task-ui-arn': uiArnCase(['PRE-NamedEntityRecognition'], 'NamedEntityRecognition', 'VideoObjectTracking'),
  'labeling-point-cloud-detection-task-ui-arn': uiArnCase(['PRE-3DPointCloudObjectDetection', 'PRE-Adjustment3DPointCloudObjectDetection'], 'PointCloudObjectDetection', 'PointCloudObjectTracking'),
  'labeling-point-cloud-tracking-task-ui-arn': uiArnCase(['PRE-3DPointCloudObjectTracking', 'PRE-Adjustment3DPointCloudObjectTracking'], 'PointCloudObjectTracking', 'PointCloudObjectDetection'),
  'labeling-point-cloud-segmentation-task-ui-arn': uiArnCase(['PRE-3DPointCloudSemanticSegmentation', 'PRE-Adjustment3DPointCloudSemanticSegmentation'], 'PointCloudSemanticSegmentation', 'PointCloudObjectDetection'),
  'labeling-video-detection-task-ui-arn': uiArnCase(['PRE-VideoObjectDetection', 'PRE-AdjustmentVideoObjectDetection'], 'VideoObjectDetection', 'VideoObjectTracking'),
  'labeling-video-tracking-task-ui-arn': uiArnCase(['PRE-VideoObjectTracking', 'PRE-AdjustmentVideoObjectTracking'], 'VideoObjectTracking', 'VideoObjectDetection'),
  'point-cloud-video-task-time-30-days': {
    api: 'createLabelingJob',
    bad: [human({ PreHumanTaskLambdaArn: preLambda('PRE-3DPointCloudObjectTracking'), TaskTimeLimitInSeconds: 2592001 }), human({ PreHumanTaskLambdaArn: preLambda('PRE-AdjustmentVideoObjectDetection', 'eu-west-1', '568282634449'), TaskTimeLimitInSeconds: 2952000 })],
    // Video classification is no video frame task: no stated maximum.
    ok: [human({ PreHumanTaskLambdaArn: preLambda('PRE-VideoObjectTracking'), TaskTimeLimitInSeconds: 2592000 }), human({ PreHumanTaskLambdaArn: preLambda('PRE-VideoMultiClass'), TaskTimeLimitInSeconds: 2592001 })],
    dynamic: [human({ PreHumanTaskLambdaArn: preLambda('PRE-VideoObjectTracking'), 'TaskTimeLimitInSeconds.$': '$.limit' }), human({ 'PreHumanTaskLambdaArn.$': '$.lambda', TaskTimeLimitInSeconds: 2592001 })],
  },
  'shap-baseline-required': {
    api: 'createEndpointConfig',
    bad: shap({ MimeType: 'text/csv' }),
    ok: shap({ MimeType: 'text/csv', ShapBaselineUri: 's3://b/baseline.csv' }),
    dynamic: shap({ MimeType: 'text/csv', 'ShapBaseline.$': '$.baseline' }),
  },
  'ui-config-one-source': {
    api: 'createLabelingJob',
    bad: [{ HumanTaskConfig: { UiConfig: {} } }, { HumanTaskConfig: { UiConfig: { HumanTaskUiArn: 'arn:ui', UiTemplateS3Uri: 's3://b/t.html' } } }],
    ok: { HumanTaskConfig: { UiConfig: { UiTemplateS3Uri: 's3://b/t.html' } } },
    dynamic: { HumanTaskConfig: { UiConfig: { 'UiTemplateS3Uri.$': '$.template' } } },
  },
  'labeling-data-source-required': {
    api: 'createLabelingJob',
    bad: { InputConfig: { DataSource: {} } },
    ok: { InputConfig: { DataSource: { SnsDataSource: { SnsTopicArn: 'arn:aws:sns:us-east-1:111122223333:t' } } } },
    dynamic: { InputConfig: { DataSource: { 'S3DataSource.$': '$.source' } } },
  },
  'labeling-algorithm-specification-listed': {
    api: 'createLabelingJob',
    bad: [algorithm('arn:aws:sagemaker:us-east-1:027400017018:labeling-job-algorithm-specification/named-entity-recognition'), algorithm('arn:aws:sagemaker:us-east-1:027400017018:labeling-job-algorithm-specification/image-classification-v2'), algorithm('image-classification')],
    // Any region, its account, another partition: only the resource part is the documentation's.
    ok: [algorithm('arn:aws:sagemaker:us-east-1:027400017018:labeling-job-algorithm-specification/image-classification'), algorithm('arn:aws:sagemaker:eu-west-1:568282634449:labeling-job-algorithm-specification/text-classification'), algorithm('arn:aws:sagemaker:ap-northeast-1:477331159723:labeling-job-algorithm-specification/object-detection'), algorithm('arn:aws-cn:sagemaker:cn-north-1:111122223333:labeling-job-algorithm-specification/semantic-segmentation')],
    dynamic: [{ LabelingJobAlgorithmsConfig: { 'LabelingJobAlgorithmSpecificationArn.$': '$.algorithm' } }, algorithm('arn:aws:sagemaker:${AWS::Region}:${Account}:labeling-job-algorithm-specification/${Task}'), algorithm('{% $states.input.algorithm %}')],
  },
  'label-attribute-name-not-metadata': {
    api: 'createLabelingJob',
    bad: [{ LabelAttributeName: 'category-metadata' }, { LabelAttributeName: '-metadata' }],
    ok: [{ LabelAttributeName: 'category' }, { LabelAttributeName: 'category-metadata-ref' }, { LabelAttributeName: 'metadata' }],
    dynamic: [{ 'LabelAttributeName.$': '$.label' }, { LabelAttributeName: '${Label}-metadata' }, { LabelAttributeName: '{% $states.input.label %}' }],
  },
  'label-attribute-name-ref': {
    api: 'createLabelingJob',
    bad: [
      { LabelAttributeName: 'mask', ...human({ PreHumanTaskLambdaArn: preLambda('PRE-SemanticSegmentation') }) },
      { LabelAttributeName: 'tracks', ...human({ PreHumanTaskLambdaArn: preLambda('PRE-Adjustment3DPointCloudObjectTracking', 'eu-west-1', '568282634449') }) },
    ],
    // The listed task types only: a bounding box's or a classification's label ends as the user likes.
    ok: [
      { LabelAttributeName: 'mask-ref', ...human({ PreHumanTaskLambdaArn: preLambda('PRE-SemanticSegmentation') }) },
      { LabelAttributeName: 'boxes', ...human({ PreHumanTaskLambdaArn: preLambda('PRE-BoundingBox') }) },
      { LabelAttributeName: 'mask', ...human({ PreHumanTaskLambdaArn: 'arn:aws:lambda:us-east-1:111122223333:function:my-pre-annotation' }) },
    ],
    dynamic: [
      { 'LabelAttributeName.$': '$.label', ...human({ PreHumanTaskLambdaArn: preLambda('PRE-VideoObjectTracking') }) },
      { LabelAttributeName: 'mask', ...human({ 'PreHumanTaskLambdaArn.$': '$.lambda' }) },
    ],
  },
  'label-attribute-name-verification-not-ref': {
    api: 'createLabelingJob',
    bad: { LabelAttributeName: 'mask-ref', ...human({ PreHumanTaskLambdaArn: preLambda('PRE-VerificationSemanticSegmentation') }) },
    ok: [
      { LabelAttributeName: 'mask-verified', ...human({ PreHumanTaskLambdaArn: preLambda('PRE-VerificationSemanticSegmentation') }) },
      { LabelAttributeName: 'boxes-ref', ...human({ PreHumanTaskLambdaArn: preLambda('PRE-VerificationBoundingBox') }) },
    ],
    dynamic: { LabelAttributeName: 'mask-ref', ...human({ 'PreHumanTaskLambdaArn.$': '$.lambda' }) },
  },
  'tuning-instance-configs-exclusive': {
    api: 'createHyperParameterTuningJob',
    bad: { TrainingJobDefinition: { HyperParameterTuningResourceConfig: { InstanceConfigs: [{ InstanceType: 'ml.m5.large', InstanceCount: 1, VolumeSizeInGB: 10 }], VolumeSizeInGB: 10 } } },
    ok: { TrainingJobDefinition: { HyperParameterTuningResourceConfig: { InstanceConfigs: [{ InstanceType: 'ml.m5.large', InstanceCount: 1, VolumeSizeInGB: 10 }] } } },
    dynamic: { TrainingJobDefinition: { HyperParameterTuningResourceConfig: { InstanceConfigs: [{ InstanceType: 'ml.m5.large', InstanceCount: 1, VolumeSizeInGB: 10 }], 'VolumeSizeInGB.$': '$.size' } } },
  },
  'image-text-task-time-8-hours': {
    api: 'createLabelingJob',
    bad: [
      human({ PreHumanTaskLambdaArn: preLambda('PRE-ImageMultiClass'), TaskTimeLimitInSeconds: 28801 }),
      human({ PreHumanTaskLambdaArn: preLambda('PRE-NamedEntityRecognition', 'eu-west-1', '568282634449'), TaskTimeLimitInSeconds: 36000 }),
      human({ PreHumanTaskLambdaArn: preLambda('PRE-VerificationBoundingBox'), TaskTimeLimitInSeconds: 43200 }),
    ],
    ok: [
      human({ PreHumanTaskLambdaArn: preLambda('PRE-ImageMultiClass'), TaskTimeLimitInSeconds: 28800 }),
      // 3D point cloud and video frame jobs may take 30 days; video classification and the pass-through have no stated maximum.
      human({ PreHumanTaskLambdaArn: preLambda('PRE-VideoObjectDetection'), TaskTimeLimitInSeconds: 36000 }),
      human({ PreHumanTaskLambdaArn: preLambda('PRE-3DPointCloudSemanticSegmentation'), TaskTimeLimitInSeconds: 2592000 }),
      human({ PreHumanTaskLambdaArn: preLambda('PRE-VideoMultiClass'), TaskTimeLimitInSeconds: 36000 }),
      human({ PreHumanTaskLambdaArn: preLambda('PRE-PassThrough'), TaskTimeLimitInSeconds: 36000 }),
    ],
    dynamic: [
      human({ 'PreHumanTaskLambdaArn.$': '$.preLambda', TaskTimeLimitInSeconds: 36000 }),
      human({ PreHumanTaskLambdaArn: preLambda('PRE-TextMultiClass'), TaskTimeLimitInSeconds: '{% $states.input.limit %}' }),
    ],
  },
  'custom-task-time-8-hours': {
    api: 'createLabelingJob',
    bad: [
      human({ PreHumanTaskLambdaArn: preLambda('my-pre-annotation', 'us-east-1', '111122223333'), TaskTimeLimitInSeconds: 43200 }),
      human({ PreHumanTaskLambdaArn: preLambda('PRE-BoundingBoxes'), TaskTimeLimitInSeconds: 28801 }),
    ],
    ok: [
      human({ PreHumanTaskLambdaArn: preLambda('my-pre-annotation', 'us-east-1', '111122223333'), TaskTimeLimitInSeconds: 28800 }),
      // No pre-annotation Lambda: the task type is not known.
      human({ TaskTimeLimitInSeconds: 43200 }),
      human({ PreHumanTaskLambdaArn: preLambda('PRE-3DPointCloudObjectTracking'), TaskTimeLimitInSeconds: 2592000 }),
    ],
    dynamic: [
      human({ PreHumanTaskLambdaArn: '${PreAnnotationLambda}', TaskTimeLimitInSeconds: 43200 }),
      human({ PreHumanTaskLambdaArn: preLambda('my-pre-annotation', 'us-east-1', '111122223333'), 'TaskTimeLimitInSeconds.$': '$.limit' }),
    ],
  },
  'mturk-availability-12-hours': {
    api: 'createLabelingJob',
    bad: human({ PreHumanTaskLambdaArn: preLambda('PRE-ImageMultiClass'), PublicWorkforceTaskPrice: price, TaskAvailabilityLifetimeInSeconds: 43201 }),
    ok: [
      human({ PreHumanTaskLambdaArn: preLambda('PRE-ImageMultiClass'), PublicWorkforceTaskPrice: price, TaskAvailabilityLifetimeInSeconds: 43200 }),
      // A private or vendor workforce: 30 days.
      human({ PreHumanTaskLambdaArn: preLambda('PRE-ImageMultiClass'), TaskAvailabilityLifetimeInSeconds: 864000 }),
    ],
    dynamic: [
      human({ 'PublicWorkforceTaskPrice.$': '$.price', TaskAvailabilityLifetimeInSeconds: 86400 }),
      human({ PublicWorkforceTaskPrice: price, TaskAvailabilityLifetimeInSeconds: '{% $states.input.lifetime %}' }),
    ],
  },
  'accelerator-type-no-longer-supported': {
    api: 'createEndpointConfig',
    bad: [variant({ AcceleratorType: 'ml.eia2.medium' }), { ProductionVariants: [{ VariantName: 'a' }], ShadowProductionVariants: [{ VariantName: 's', AcceleratorType: 'ml.eia1.large' }] }],
    ok: variant({ InstanceType: 'ml.m5.large' }),
    dynamic: [variant({ 'AcceleratorType.$': '$.accelerator' }), variant({ AcceleratorType: '${Accelerator}' })],
  },
  'serverless-provisioned-concurrency': {
    api: 'createEndpointConfig',
    bad: serverless({ ProvisionedConcurrency: 6 }),
    ok: serverless({ ProvisionedConcurrency: 5 }),
    dynamic: serverless({ 'ProvisionedConcurrency.$': '$.provisioned' }),
  },
  'serverless-update-provisioned-concurrency': {
    api: 'updateEndpointWeightsAndCapacities',
    bad: { EndpointName: 'e', DesiredWeightsAndCapacities: [{ VariantName: 'v', ServerlessUpdateConfig: { MaxConcurrency: 5, ProvisionedConcurrency: 6 } }] },
    // Equal, or the update gives only one of them (the other is the variant's own, not known here).
    ok: [
      { EndpointName: 'e', DesiredWeightsAndCapacities: [{ VariantName: 'v', ServerlessUpdateConfig: { MaxConcurrency: 5, ProvisionedConcurrency: 5 } }] },
      { EndpointName: 'e', DesiredWeightsAndCapacities: [{ VariantName: 'v', ServerlessUpdateConfig: { ProvisionedConcurrency: 50 } }] },
    ],
    dynamic: { EndpointName: 'e', DesiredWeightsAndCapacities: [{ VariantName: 'v', ServerlessUpdateConfig: { MaxConcurrency: 5, 'ProvisionedConcurrency.$': '$.provisioned' } }] },
  },
  'serverless-not-with-instances': {
    api: 'createEndpointConfig',
    bad: [
      variant({ InstanceType: 'ml.m5.xlarge', InitialInstanceCount: 1, ServerlessConfig: { MemorySizeInMB: 2048, MaxConcurrency: 5 } }),
      variant({ InstancePools: [{ InstanceType: 'ml.m5.xlarge', Priority: 1 }], ServerlessConfig: { MemorySizeInMB: 2048, MaxConcurrency: 5 } }),
      { ProductionVariants: [{ VariantName: 'a', InstanceType: 'ml.m5.xlarge' }], ShadowProductionVariants: [{ VariantName: 's', InitialInstanceCount: 1, ServerlessConfig: { MemorySizeInMB: 2048, MaxConcurrency: 5 } }] },
    ],
    ok: [serverless({}), variant({ InstanceType: 'ml.m5.xlarge', InitialInstanceCount: 1 })],
    dynamic: [
      variant({ InstanceType: 'ml.m5.xlarge', 'ServerlessConfig.$': '$.serverless' }),
      variant({ InstanceType: '{% $states.input.instanceType %}', ServerlessConfig: { MemorySizeInMB: 2048, MaxConcurrency: 5 } }),
    ],
  },
  'managed-scaling-min-at-most-max': {
    api: 'createEndpointConfig',
    bad: scaling({ MinInstanceCount: 5, MaxInstanceCount: 2 }),
    ok: [scaling({ MinInstanceCount: 2, MaxInstanceCount: 2 }), scaling({ MinInstanceCount: 5 })],
    dynamic: [scaling({ MinInstanceCount: 5, 'MaxInstanceCount.$': '$.max' }), scaling({ MinInstanceCount: '{% $states.input.min %}', MaxInstanceCount: 2 })],
  },
  'managed-scaling-only-for-inference-components': {
    api: 'createEndpointConfig',
    bad: variant({ ModelName: 'churn', InstanceType: 'ml.m5.xlarge', InitialInstanceCount: 1, ManagedInstanceScaling: { Status: 'ENABLED', MinInstanceCount: 1, MaxInstanceCount: 4 } }),
    // An inference component endpoint's variant names no model.
    ok: { ExecutionRoleArn: 'arn:aws:iam::111122223333:role/r', ...scaling({ MinInstanceCount: 0, MaxInstanceCount: 4 }) },
    dynamic: [
      variant({ 'ModelName.$': '$.model', ManagedInstanceScaling: { Status: 'ENABLED', MinInstanceCount: 1, MaxInstanceCount: 4 } }),
      variant({ ModelName: '{% $states.input.model %}', ManagedInstanceScaling: { Status: 'ENABLED', MinInstanceCount: 1, MaxInstanceCount: 4 } }),
    ],
  },
  'serverless-memory-1-gb-steps': {
    api: 'createEndpointConfig',
    bad: serverless({ MemorySizeInMB: 1536 }),
    ok: serverless({ MemorySizeInMB: 6144 }),
    dynamic: serverless({ MemorySizeInMB: '${Memory}' }),
  },
  'prefix-aware-config-only-when-prefix-aware': {
    api: 'createEndpointConfig',
    bad: routing({ RoutingStrategy: 'RANDOM', PrefixAwareRoutingConfig: { PrefixLength: 1024, ConcurrencyThreshold: 1 } }),
    ok: routing({ RoutingStrategy: 'PREFIX_AWARE', PrefixAwareRoutingConfig: { PrefixLength: 1024, ConcurrencyThreshold: 1 } }),
    dynamic: routing({ 'RoutingStrategy.$': '$.strategy', PrefixAwareRoutingConfig: { PrefixLength: 1024, ConcurrencyThreshold: 1 } }),
  },
  'prefix-aware-needs-prefix-length': {
    api: 'createEndpointConfig',
    bad: routing({ RoutingStrategy: 'PREFIX_AWARE', PrefixAwareRoutingConfig: { ConcurrencyThreshold: 1 } }),
    ok: routing({ RoutingStrategy: 'PREFIX_AWARE', PrefixAwareRoutingConfig: { PrefixLength: 1024, ConcurrencyThreshold: 1 } }),
    dynamic: routing({ RoutingStrategy: 'PREFIX_AWARE', PrefixAwareRoutingConfig: { 'PrefixLength.$': '$.length', ConcurrencyThreshold: 1 } }),
  },
  'prefix-aware-needs-concurrency-threshold': {
    api: 'createEndpointConfig',
    bad: routing({ RoutingStrategy: 'PREFIX_AWARE', PrefixAwareRoutingConfig: { PrefixLength: 1024 } }),
    ok: routing({ RoutingStrategy: 'PREFIX_AWARE', PrefixAwareRoutingConfig: { PrefixLength: 1024, ConcurrencyThreshold: 1 } }),
    dynamic: routing({ RoutingStrategy: 'PREFIX_AWARE', 'PrefixAwareRoutingConfig.$': '$.routing' }),
  },
  'serverless-evaluation-needs-type': {
    api: 'createTrainingJob',
    bad: { ServerlessJobConfig: { BaseModelArn: 'arn:model', JobType: 'Evaluation' } },
    ok: [{ ServerlessJobConfig: { BaseModelArn: 'arn:model', JobType: 'Evaluation', EvaluationType: 'BenchmarkEvaluation' } }, { ServerlessJobConfig: { BaseModelArn: 'arn:model', JobType: 'FineTuning' } }],
    dynamic: { ServerlessJobConfig: { BaseModelArn: 'arn:model', 'JobType.$': '$.type' } },
  },
  'serverless-sequence-length-values': {
    api: 'createTrainingJob',
    bad: [{ ServerlessJobConfig: { BaseModelArn: 'arn:model', JobType: 'FineTuning', SequenceLength: '3K' } }, { ServerlessJobConfig: { BaseModelArn: 'arn:model', JobType: 'FineTuning', SequenceLength: '256K' } }],
    ok: [{ ServerlessJobConfig: { BaseModelArn: 'arn:model', JobType: 'FineTuning', SequenceLength: '1K' } }, { ServerlessJobConfig: { BaseModelArn: 'arn:model', JobType: 'FineTuning', SequenceLength: '128K' } }, { ServerlessJobConfig: { BaseModelArn: 'arn:model', JobType: 'FineTuning' } }],
    dynamic: [{ ServerlessJobConfig: { BaseModelArn: 'arn:model', JobType: 'FineTuning', SequenceLength: '${SequenceLength}' } }, { ServerlessJobConfig: { BaseModelArn: 'arn:model', JobType: 'FineTuning', 'SequenceLength.$': '$.length' } }],
  },
  'serverless-training-volume-size-not-set': {
    api: 'createTrainingJob',
    bad: { ServerlessJobConfig: { BaseModelArn: 'arn:model', JobType: 'FineTuning' }, ResourceConfig: { VolumeSizeInGB: 100 } },
    ok: [{ ServerlessJobConfig: { BaseModelArn: 'arn:model', JobType: 'FineTuning' } }, trainingJob({ ResourceConfig: { InstanceType: 'ml.m5.xlarge', InstanceCount: 1, VolumeSizeInGB: 100 } })],
    dynamic: { 'ServerlessJobConfig.$': '$.serverless', ResourceConfig: { VolumeSizeInGB: 100 } },
  },
  'training-job-algorithm-specification-unless-serverless': {
    api: 'createTrainingJob',
    bad: [{ ResourceConfig: { InstanceCount: 1, InstanceType: 'ml.m5.xlarge', VolumeSizeInGB: 10 } }, { ServerlessJobConfig: null, ResourceConfig: { InstanceCount: 1, InstanceType: 'ml.m5.xlarge', VolumeSizeInGB: 10 } }],
    // A job that is not serverless with its algorithm; a serverless one runs its base model, with neither.
    ok: [trainingJob({}), { ServerlessJobConfig: { BaseModelArn: 'arn:model', JobType: 'FineTuning' } }],
    // The algorithm, or whether the job is serverless, known only when the state runs.
    dynamic: [
      { 'AlgorithmSpecification.$': '$.algorithm', ResourceConfig: { InstanceCount: 1, InstanceType: 'ml.m5.xlarge', VolumeSizeInGB: 10 } },
      { AlgorithmSpecification: '{% $states.input.algorithm %}', ResourceConfig: { InstanceCount: 1, InstanceType: 'ml.m5.xlarge', VolumeSizeInGB: 10 } },
      { 'ServerlessJobConfig.$': '$.serverless', ResourceConfig: { InstanceCount: 1, InstanceType: 'ml.m5.xlarge', VolumeSizeInGB: 10 } },
    ],
  },
  'training-job-resource-config-unless-serverless': {
    api: 'createTrainingJob',
    bad: [{ AlgorithmSpecification: { TrainingImage: '382416733822.dkr.ecr.us-east-1.amazonaws.com/linear-learner:1', TrainingInputMode: 'File' } }, { AlgorithmSpecification: { AlgorithmName: 'algo', TrainingInputMode: 'File' }, EnableManagedSpotTraining: false }],
    ok: [trainingJob({}), { ServerlessJobConfig: { BaseModelArn: 'arn:model', JobType: 'FineTuning' } }],
    dynamic: [
      { AlgorithmSpecification: { TrainingImage: 'img', TrainingInputMode: 'File' }, 'ResourceConfig.$': '$.resources' },
      { AlgorithmSpecification: { TrainingImage: 'img', TrainingInputMode: 'File' }, ResourceConfig: '{% $states.input.resources %}' },
      { AlgorithmSpecification: { TrainingImage: 'img', TrainingInputMode: 'File' }, 'ServerlessJobConfig.$': '$.serverless' },
      // Written as null while typing: the null's own finding says it (its type), not a second one.
      { AlgorithmSpecification: { TrainingImage: 'img', TrainingInputMode: 'File' }, ResourceConfig: null },
    ],
  },
  'repository-auth-only-for-vpc': {
    api: 'createModel',
    bad: { PrimaryContainer: { ImageConfig: { RepositoryAccessMode: 'Platform', RepositoryAuthConfig: { RepositoryCredentialsProviderArn: 'arn:fn' } } } },
    ok: { PrimaryContainer: { ImageConfig: { RepositoryAccessMode: 'Vpc', RepositoryAuthConfig: { RepositoryCredentialsProviderArn: 'arn:fn' } } } },
    dynamic: { PrimaryContainer: { ImageConfig: { 'RepositoryAccessMode.$': '$.mode', RepositoryAuthConfig: { RepositoryCredentialsProviderArn: 'arn:fn' } } } },
  },
  'model-primary-container-or-containers': {
    api: 'createModel',
    bad: { PrimaryContainer: { Image: 'a' }, Containers: [{ Image: 'b' }, { Image: 'c' }] },
    ok: [{ PrimaryContainer: { Image: 'a' } }, { Containers: [{ Image: 'a' }, { Image: 'b' }] }],
    dynamic: { PrimaryContainer: { Image: 'a' }, 'Containers.$': '$.containers' },
  },
  'model-package-container-no-environment': {
    api: 'createModel',
    bad: [{ PrimaryContainer: { ModelPackageName: packageArn, Environment: { ENDPOINT_NAME: 'churn' } } }, { Containers: [{ Image: 'a' }, { ModelPackageName: packageArn, Environment: {} }] }],
    ok: [{ PrimaryContainer: { ModelPackageName: packageArn } }, { PrimaryContainer: { Image: 'a', Environment: { ENDPOINT_NAME: 'churn' } } }],
    dynamic: [{ PrimaryContainer: { 'ModelPackageName.$': '$.package', Environment: { ENDPOINT_NAME: 'churn' } } }, { PrimaryContainer: { ModelPackageName: packageArn, 'Environment.$': '$.env' } }],
  },
  'pipeline-container-hostnames-all-or-none': {
    api: 'createModel',
    bad: { Containers: [{ ContainerHostname: 'first', Image: 'a' }, { Image: 'b' }] },
    ok: [{ Containers: [{ ContainerHostname: 'first', Image: 'a' }, { ContainerHostname: 'second', Image: 'b' }] }, { Containers: [{ Image: 'a' }, { Image: 'b' }] }],
    dynamic: { Containers: [{ ContainerHostname: 'first', Image: 'a' }, { 'ContainerHostname.$': '$.name', Image: 'b' }] },
  },
  'pipeline-container-hostnames-unique': {
    api: 'createModel',
    bad: { Containers: [{ ContainerHostname: 'first', Image: 'a' }, { ContainerHostname: 'first', Image: 'b' }] },
    ok: { Containers: [{ ContainerHostname: 'first', Image: 'a' }, { ContainerHostname: 'second', Image: 'b' }] },
    dynamic: { Containers: [{ ContainerHostname: 'first', Image: 'a' }, { 'ContainerHostname.$': '$.name', Image: 'b' }] },
  },
  'model-data-source-not-multi-model': {
    api: 'createModel',
    bad: [{ PrimaryContainer: { Mode: 'MultiModel', ModelDataSource: s3Model } }, { Containers: [{ Image: 'a' }, { Image: 'b', Mode: 'MultiModel', ModelDataSource: s3Model }] }],
    ok: [{ PrimaryContainer: { Mode: 'SingleModel', ModelDataSource: s3Model } }, { PrimaryContainer: { ModelDataSource: s3Model } }, { PrimaryContainer: { Mode: 'MultiModel', ModelDataUrl: 's3://b/mme/' } }],
    dynamic: [{ PrimaryContainer: { 'Mode.$': '$.mode', ModelDataSource: s3Model } }, { PrimaryContainer: { Mode: '{% $states.input.mode %}', ModelDataSource: s3Model } }],
  },
  'model-data-url-tar-gz': {
    api: 'createModel',
    bad: [
      { PrimaryContainer: { ModelDataUrl: 's3://b/churn/model.zip' } },
      { Containers: [{ ModelDataUrl: 's3://b/a/model.tar.gz' }, { Mode: 'SingleModel', ModelDataUrl: 's3://b/b/model.tgz' }] },
    ],
    ok: [
      { PrimaryContainer: { ModelDataUrl: 's3://b/churn/model.tar.gz' } },
      { PrimaryContainer: { ModelDataUrl: 'https://b.s3.us-east-1.amazonaws.com/churn/model.tar.gz' } },
      { PrimaryContainer: { Mode: 'MultiModel', ModelDataUrl: 's3://b/models/' } },
    ],
    dynamic: [
      { PrimaryContainer: { 'ModelDataUrl.$': '$.train.ModelArtifacts.S3ModelArtifacts' } },
      { PrimaryContainer: { 'Mode.$': '$.mode', ModelDataUrl: 's3://b/models/' } },
      { PrimaryContainer: { ModelDataUrl: '{% $states.input.model %}' } },
    ],
  },
  'model-package-model-data-url-tar-gz': {
    api: 'createModelPackage',
    bad: { ModelPackageGroupName: 'g', InferenceSpecification: { Containers: [{ Image: 'i', ModelDataUrl: 's3://b/xgb/model.bin' }] } },
    ok: { ModelPackageGroupName: 'g', InferenceSpecification: { Containers: [{ Image: 'i', ModelDataUrl: 's3://b/xgb/model.tar.gz' }] } },
    dynamic: { ModelPackageGroupName: 'g', InferenceSpecification: { Containers: [{ Image: 'i', 'ModelDataUrl.$': '$.model' }] } },
    // The algorithms a package was trained by (gap42): an output prefix is no archive.
    elsewhere: [{
      api: 'createModelPackage',
      bad: [{ ModelPackageName: 'p', SourceAlgorithmSpecification: { SourceAlgorithms: [{ AlgorithmName: 'a', ModelDataUrl: 's3://b/model/output/' }] } }, { ModelPackageName: 'p', SourceAlgorithmSpecification: { SourceAlgorithms: [{ AlgorithmName: 'a', ModelDataUrl: 's3://b/a/model.tar.gz' }, { AlgorithmName: 'b', ModelDataUrl: 's3://b/b/model.joblib' }] } }],
      ok: [{ ModelPackageName: 'p', SourceAlgorithmSpecification: { SourceAlgorithms: [{ AlgorithmName: 'a', ModelDataUrl: 's3://b/model/output/model.tar.gz' }] } }, { ModelPackageName: 'p', SourceAlgorithmSpecification: { SourceAlgorithms: [{ AlgorithmName: 'a' }] } }],
      dynamic: { ModelPackageName: 'p', SourceAlgorithmSpecification: { SourceAlgorithms: [{ AlgorithmName: 'a', ModelDataUrl: '{% $states.input.model %}' }] } },
    }],
  },
  'inference-component-artifact-url-tar-gz': {
    api: 'createInferenceComponent',
    // In Specification, in an item of Specifications, a prefix (gap42).
    bad: [
      { Specification: { ModelName: 'm', Container: { Image: 'i', ArtifactUrl: 's3://b/model/model.joblib' } } },
      { Specifications: [{ InstanceType: 'ml.g5.xlarge', Container: { ArtifactUrl: 's3://b/model/model.tar.gz' } }, { InstanceType: 'ml.g5.2xlarge', Container: { ArtifactUrl: 's3://b/model/' } }] },
    ],
    ok: [{ Specification: { ModelName: 'm', Container: { Image: 'i', ArtifactUrl: 's3://b/model/model.tar.gz' } } }, { Specification: { BaseInferenceComponentName: 'base', Container: { ArtifactUrl: 's3://b/adapters/a.tar.gz' } } }, { Specification: { ModelName: 'm', Container: { Image: 'i' } } }],
    dynamic: [{ Specification: { BaseInferenceComponentName: 'base', Container: { ArtifactUrl: '{% $states.input.adapterUri %}' } } }, { Specification: { Container: { 'ArtifactUrl.$': '$.artifact' } } }],
    elsewhere: [{
      api: 'updateInferenceComponent',
      bad: { InferenceComponentName: 'ic', Specification: { Container: { ArtifactUrl: 's3://b/model/model.bin' } } },
      ok: { InferenceComponentName: 'ic', Specification: { Container: { ArtifactUrl: 's3://b/model/model.tar.gz' } } },
      dynamic: { InferenceComponentName: 'ic', Specification: { Container: { ArtifactUrl: 's3://b/${Model}' } } },
    }],
  },
  'sample-payload-url-tar-gz': {
    api: 'createModelPackage',
    bad: { ModelPackageGroupName: 'g', SamplePayloadUrl: 's3://b/payload.csv' },
    ok: { ModelPackageGroupName: 'g', SamplePayloadUrl: 's3://b/payload.tar.gz' },
    dynamic: { ModelPackageGroupName: 'g', SamplePayloadUrl: '{% $states.input.payload %}' },
  },
  'compilation-input-tar-gz': {
    api: 'createCompilationJob',
    bad: { InputConfig: { S3Uri: 's3://b/resnet/model.pt', Framework: 'PYTORCH' } },
    ok: { InputConfig: { S3Uri: 's3://b/resnet/model.tar.gz', Framework: 'PYTORCH' } },
    dynamic: { InputConfig: { 'S3Uri.$': '$.model', Framework: 'PYTORCH' } },
  },
  'cluster-nodes-to-delete-named': {
    api: 'batchDeleteClusterNodes',
    bad: { ClusterName: 'hyperpod-a' },
    ok: [{ ClusterName: 'hyperpod-a', NodeIds: ['i-0123456789abcdef0'] }, { ClusterName: 'hyperpod-a', NodeLogicalIds: ['node-1'] }],
    dynamic: { ClusterName: 'hyperpod-a', 'NodeIds.$': '$.nodes' },
  },
  'cluster-nodes-to-reboot-named': {
    api: 'batchRebootClusterNodes',
    bad: { ClusterName: 'hyperpod-a' },
    ok: [{ ClusterName: 'hyperpod-a', NodeIds: ['i-0123456789abcdef0'] }, { ClusterName: 'hyperpod-a', NodeLogicalIds: ['node-1'] }],
    dynamic: [{ ClusterName: 'hyperpod-a', 'NodeIds.$': '$.nodes' }, { ClusterName: 'hyperpod-a', NodeLogicalIds: '{% $states.input.nodes %}' }],
  },
  'cluster-nodes-to-replace-named': {
    api: 'batchReplaceClusterNodes',
    bad: { ClusterName: 'hyperpod-a' },
    ok: [{ ClusterName: 'hyperpod-a', NodeIds: ['i-0123456789abcdef0'] }, { ClusterName: 'hyperpod-a', NodeLogicalIds: ['node-1'] }],
    dynamic: { ClusterName: 'hyperpod-a', 'NodeLogicalIds.$': '$.nodes' },
  },
  'cluster-node-logical-ids-50': {
    api: 'batchDeleteClusterNodes',
    bad: { ClusterName: 'hyperpod-a', NodeLogicalIds: nodes(51) },
    also: ['cluster-nodes-combined-50'],
    ok: { ClusterName: 'hyperpod-a', NodeLogicalIds: nodes(50) },
    dynamic: { ClusterName: 'hyperpod-a', 'NodeLogicalIds.$': '$.nodes' },
  },
  'cluster-nodes-combined-50': {
    api: 'batchDeleteClusterNodes',
    bad: { ClusterName: 'hyperpod-a', NodeIds: instances(30), NodeLogicalIds: nodes(30) },
    ok: [{ ClusterName: 'hyperpod-a', NodeIds: instances(25), NodeLogicalIds: nodes(25) }, { ClusterName: 'hyperpod-a', NodeIds: instances(90) }],
    dynamic: { ClusterName: 'hyperpod-a', 'NodeIds.$': '$.ids', NodeLogicalIds: nodes(30) },
  },
  'cluster-nodes-to-add-total-50': {
    api: 'batchAddClusterNodes',
    bad: [
      { ClusterName: 'hyperpod-a', NodesToAdd: [{ InstanceGroupName: 'a', IncrementTargetCountBy: 30 }, { InstanceGroupName: 'b', IncrementTargetCountBy: 30 }] },
      { ClusterName: 'hyperpod-a', NodesToAdd: [{ InstanceGroupName: 'a', IncrementTargetCountBy: 50 }, { InstanceGroupName: 'b', IncrementTargetCountBy: 1 }, { InstanceGroupName: 'c' }] },
    ],
    ok: [
      { ClusterName: 'hyperpod-a', NodesToAdd: [{ InstanceGroupName: 'a', IncrementTargetCountBy: 25 }, { InstanceGroupName: 'b', IncrementTargetCountBy: 25 }] },
      { ClusterName: 'hyperpod-a', NodesToAdd: [{ InstanceGroupName: 'a', IncrementTargetCountBy: 50 }] },
    ],
    dynamic: [
      { ClusterName: 'hyperpod-a', NodesToAdd: [{ InstanceGroupName: 'a', IncrementTargetCountBy: 30 }, { InstanceGroupName: 'b', 'IncrementTargetCountBy.$': '$.more' }] },
      { ClusterName: 'hyperpod-a', NodesToAdd: [{ InstanceGroupName: 'a', IncrementTargetCountBy: 30 }, '{% $states.input.group %}'] },
      { ClusterName: 'hyperpod-a', 'NodesToAdd.$': '$.groups' },
    ],
  },
  'image-version-base-image-ecr': {
    api: 'createImageVersion',
    bad: [
      { ImageName: 'kernel', BaseImage: 'docker.io/library/python:3.11' },
      { ImageName: 'kernel', BaseImage: 'public.ecr.aws/docker/library/python:3.11' },
      { ImageName: 'kernel', BaseImage: 'ghcr.io/org/kernel@sha256:0123abcd' },
    ],
    // The documented host, with a tag or a digest, and the same registry's hosts elsewhere: China, FIPS, dual-stack.
    ok: [
      { ImageName: 'kernel', BaseImage: ecr('us-east-1') },
      { ImageName: 'kernel', BaseImage: '111122223333.dkr.ecr.us-gov-west-1.amazonaws.com/kernel@sha256:0123abcd' },
      { ImageName: 'kernel', BaseImage: ecr('cn-north-1', '.cn') },
      { ImageName: 'kernel', BaseImage: '111122223333.dkr.ecr-fips.us-east-1.amazonaws.com/kernel:1' },
      { ImageName: 'kernel', BaseImage: '111122223333.dkr-ecr.us-east-1.on.aws/kernel:1' },
    ],
    dynamic: [
      { ImageName: 'kernel', 'BaseImage.$': '$.image' },
      { ImageName: 'kernel', BaseImage: '{% $states.input.image %}' },
      { ImageName: 'kernel', BaseImage: '${ImageUri}' },
    ],
  },
  'model-images-and-artifacts-one-region': {
    api: 'createModel',
    bad: [
      { Containers: [{ Image: ecr('us-east-1'), ModelDataUrl: 's3://b/pre/model.tar.gz' }, { Image: ecr('eu-west-1'), ModelDataUrl: 's3://b/xgb/model.tar.gz' }] },
      { PrimaryContainer: { Image: ecr('us-east-1'), ModelDataUrl: 'https://example-models.s3.eu-west-1.amazonaws.com/churn/model.tar.gz' } },
      { PrimaryContainer: { Image: ecr('us-east-1'), ModelDataUrl: 'https://s3.eu-west-1.amazonaws.com/example-models/churn/model.tar.gz' } },
      { PrimaryContainer: { Image: ecr('us-east-1'), ModelDataUrl: 'https://example-models.s3-eu-west-1.amazonaws.com/churn/model.tar.gz' } },
      { PrimaryContainer: { Image: ecr('cn-north-1', '.cn'), ModelDataSource: { S3DataSource: { S3Uri: 'https://m.s3.cn-northwest-1.amazonaws.com.cn/m/', S3DataType: 'S3Prefix', CompressionType: 'None' } } } },
    ],
    ok: [
      { Containers: [{ Image: ecr('us-east-1'), ModelDataUrl: 'https://b.s3.us-east-1.amazonaws.com/a.tar.gz' }, { Image: ecr('us-east-1', '', '763104351884'), ModelDataUrl: 'https://s3.us-east-1.amazonaws.com/b/b.tar.gz' }] },
      // s3:// URIs, the global S3 endpoint, other registries and hosts name no region.
      { Containers: [{ Image: ecr('us-east-1'), ModelDataUrl: 's3://eu-west-1-models/model.tar.gz' }, { Image: 'registry.example.com/eu-west-1/xgb:1', ModelDataUrl: 'https://b.s3.amazonaws.com/m.tar.gz' }] },
      { PrimaryContainer: { Image: ecr('us-east-1'), ModelDataUrl: 'https://b.s3.dualstack.eu-west-1.amazonaws.com/m.tar.gz' } },
      { PrimaryContainer: { Image: ecr('us-east-1'), ModelDataUrl: 'https://b.s3.eu-west-1.amazonaws.com.example.com/m.tar.gz' } },
    ],
    dynamic: [
      { PrimaryContainer: { 'Image.$': '$.image', ModelDataUrl: 'https://b.s3.eu-west-1.amazonaws.com/m.tar.gz' } },
      { PrimaryContainer: { Image: '${Account}.dkr.ecr.${AWS::Region}.amazonaws.com/xgb:1', ModelDataUrl: 'https://b.s3.eu-west-1.amazonaws.com/m.tar.gz' } },
      { PrimaryContainer: { Image: ecr('us-east-1'), ModelDataUrl: '{% $states.input.model %}' } },
      { 'Containers.$': '$.containers', PrimaryContainer: { Image: ecr('us-east-1') } },
    ],
  },
  'container-environment-32-kb': {
    api: 'createModel',
    // 32 entries of a 3-byte key and a 1021-byte value: exactly 32 KB; one more byte is over.
    bad: { PrimaryContainer: { Environment: { ...env(31, 1021), K31: 'v'.repeat(1022) } } },
    ok: { PrimaryContainer: { Environment: env(32, 1021) } },
    dynamic: { PrimaryContainer: { Environment: { ...env(31, 1021), K31: '{% $states.input.big %}' } } },
    also: ['model-environments-32-kb'],
  },
  'model-environments-32-kb': {
    api: 'createModel',
    // A model of one container or of a list of them (model-primary-container-or-containers): the list's maps together.
    bad: { Containers: [{ Environment: env(16, 1021, 'A') }, { Environment: { ...env(15, 1021, 'B'), B15: 'v'.repeat(1022) } }] },
    ok: { Containers: [{ Environment: env(16, 1021, 'A') }, { Environment: env(16, 1021, 'B') }] },
    dynamic: { Containers: [{ Environment: env(16, 1021, 'A') }, { 'Environment.$': '$.environment' }] },
  },
  'unique-tag-keys': {
    api: 'createEndpoint',
    bad: { Tags: [{ Key: 'team', Value: 'a' }, { Key: 'team', Value: 'b' }] },
    ok: { Tags: [{ Key: 'team', Value: 'a' }, { Key: 'Team', Value: 'b' }] },
    dynamic: { Tags: [{ Key: 'team', Value: 'a' }, { 'Key.$': '$.key', Value: 'b' }] },
  },
  'unique-debug-rule-names': {
    api: 'createTrainingJob',
    bad: trainingJob({ DebugRuleConfigurations: [{ RuleConfigurationName: 'loss', RuleEvaluatorImage: 'i' }, { RuleConfigurationName: 'loss', RuleEvaluatorImage: 'i' }] }),
    ok: trainingJob({ DebugRuleConfigurations: [{ RuleConfigurationName: 'loss', RuleEvaluatorImage: 'i' }, { RuleConfigurationName: 'overfit', RuleEvaluatorImage: 'i' }] }),
    dynamic: trainingJob({ DebugRuleConfigurations: [{ RuleConfigurationName: 'loss', RuleEvaluatorImage: 'i' }, '{% $states.input.rule %}'] }),
  },
  'unique-profiler-rule-names': {
    api: 'createTrainingJob',
    bad: trainingJob({ ProfilerRuleConfigurations: [{ RuleConfigurationName: 'cpu', RuleEvaluatorImage: 'i' }, { RuleConfigurationName: 'cpu', RuleEvaluatorImage: 'i' }] }),
    ok: trainingJob({ ProfilerRuleConfigurations: [{ RuleConfigurationName: 'cpu', RuleEvaluatorImage: 'i' }, { RuleConfigurationName: 'gpu', RuleEvaluatorImage: 'i' }] }),
    dynamic: trainingJob({ ProfilerRuleConfigurations: [{ RuleConfigurationName: 'cpu', RuleEvaluatorImage: 'i' }, { RuleConfigurationName: '${Rule}', RuleEvaluatorImage: 'i' }] }),
    // UpdateTrainingJob adds profiler rules with the same shape (gap42).
    elsewhere: [{
      api: 'updateTrainingJob',
      bad: { TrainingJobName: 'j', ProfilerRuleConfigurations: [{ RuleConfigurationName: 'ProfilerReport', RuleEvaluatorImage: 'i' }, { RuleConfigurationName: 'ProfilerReport', RuleEvaluatorImage: 'i' }] },
      ok: { TrainingJobName: 'j', ProfilerRuleConfigurations: [{ RuleConfigurationName: 'ProfilerReport', RuleEvaluatorImage: 'i' }, { RuleConfigurationName: 'LowGPUUtilization', RuleEvaluatorImage: 'i' }] },
      dynamic: { TrainingJobName: 'j', ProfilerRuleConfigurations: [{ RuleConfigurationName: 'ProfilerReport', RuleEvaluatorImage: 'i' }, { 'RuleConfigurationName.$': '$.rule', RuleEvaluatorImage: 'i' }] },
    }],
  },
  'profiling-interval-values': {
    api: 'createTrainingJob',
    bad: [trainingJob({ ProfilerConfig: { ProfilingIntervalInMilliseconds: 300 } }), trainingJob({ ProfilerConfig: { ProfilingIntervalInMilliseconds: 0 } })],
    ok: [trainingJob({ ProfilerConfig: { ProfilingIntervalInMilliseconds: 100 } }), trainingJob({ ProfilerConfig: { ProfilingIntervalInMilliseconds: 60000 } }), trainingJob({ ProfilerConfig: { DisableProfiler: true } }), trainingJob({ ProfilerConfig: { ProfilingIntervalInMilliseconds: '500' } })],
    dynamic: [trainingJob({ ProfilerConfig: { 'ProfilingIntervalInMilliseconds.$': '$.interval' } }), trainingJob({ ProfilerConfig: { ProfilingIntervalInMilliseconds: '{% $states.input.interval %}' } })],
    elsewhere: [{ api: 'updateTrainingJob', bad: { TrainingJobName: 'j', ProfilerConfig: { ProfilingIntervalInMilliseconds: 300 } }, ok: { TrainingJobName: 'j', ProfilerConfig: { ProfilingIntervalInMilliseconds: 500 } }, dynamic: { TrainingJobName: 'j', ProfilerConfig: { 'ProfilingIntervalInMilliseconds.$': '$.interval' } } }],
  },
  'shadow-variants-one-production-variant': {
    api: 'createEndpointConfig',
    bad: { ProductionVariants: [{ VariantName: 'a' }, { VariantName: 'b' }], ShadowProductionVariants: [{ VariantName: 's' }] },
    ok: [{ ProductionVariants: [{ VariantName: 'a' }], ShadowProductionVariants: [{ VariantName: 's' }] }, { ProductionVariants: [{ VariantName: 'a' }, { VariantName: 'b' }] }],
    dynamic: { ProductionVariants: [{ VariantName: 'a' }, { VariantName: 'b' }], 'ShadowProductionVariants.$': '$.shadows' },
  },
  'shadow-variants-one-shadow-variant': {
    api: 'createEndpointConfig',
    bad: { ProductionVariants: [{ VariantName: 'a' }], ShadowProductionVariants: [{ VariantName: 's' }, { VariantName: 't' }] },
    ok: { ProductionVariants: [{ VariantName: 'a' }], ShadowProductionVariants: [{ VariantName: 's' }] },
    dynamic: { ProductionVariants: [{ VariantName: 'a' }], 'ShadowProductionVariants.$': '$.shadows' },
  },
  'one-update-policy': {
    api: 'updateEndpoint',
    bad: { DeploymentConfig: { BlueGreenUpdatePolicy: { TrafficRoutingConfiguration: { Type: 'ALL_AT_ONCE', WaitIntervalInSeconds: 0 } }, RollingUpdatePolicy: { MaximumBatchSize: { Type: 'INSTANCE_COUNT', Value: 1 }, WaitIntervalInSeconds: 0 } } },
    ok: { DeploymentConfig: { RollingUpdatePolicy: { MaximumBatchSize: { Type: 'INSTANCE_COUNT', Value: 1 }, WaitIntervalInSeconds: 0 } } },
    dynamic: { DeploymentConfig: { 'BlueGreenUpdatePolicy.$': '$.policy', RollingUpdatePolicy: { MaximumBatchSize: { Type: 'INSTANCE_COUNT', Value: 1 }, WaitIntervalInSeconds: 0 } } },
  },
  'blue-green-timeout-above-waits': {
    api: 'createEndpoint',
    bad: [
      blueGreen({ TerminationWaitInSeconds: 600, TrafficRoutingConfiguration: { Type: 'ALL_AT_ONCE', WaitIntervalInSeconds: 3600 }, MaximumExecutionTimeoutInSeconds: 4200 }),
      blueGreen({ TrafficRoutingConfiguration: { Type: 'ALL_AT_ONCE', WaitIntervalInSeconds: 3600 }, MaximumExecutionTimeoutInSeconds: 3600 }),
    ],
    ok: blueGreen({ TerminationWaitInSeconds: 600, TrafficRoutingConfiguration: { Type: 'ALL_AT_ONCE', WaitIntervalInSeconds: 3600 }, MaximumExecutionTimeoutInSeconds: 4201 }),
    dynamic: blueGreen({ 'TerminationWaitInSeconds.$': '$.wait', TrafficRoutingConfiguration: { Type: 'ALL_AT_ONCE', WaitIntervalInSeconds: 3600 }, MaximumExecutionTimeoutInSeconds: 600 }),
  },
  'rolling-batch-size-percent': {
    api: 'updateEndpoint',
    bad: [rolling({ Type: 'CAPACITY_PERCENT', Value: 51 }), rolling({ Type: 'CAPACITY_PERCENT', Value: 4 })],
    ok: [rolling({ Type: 'CAPACITY_PERCENT', Value: 50 }), rolling({ Type: 'CAPACITY_PERCENT', Value: 5 }), rolling({ Type: 'INSTANCE_COUNT', Value: 51 })],
    dynamic: [rolling({ Type: 'CAPACITY_PERCENT', 'Value.$': '$.size' }), rolling({ 'Type.$': '$.type', Value: 51 })],
  },
  'canary-size-percent': {
    api: 'createEndpoint',
    bad: traffic({ Type: 'CANARY', CanarySize: { Type: 'CAPACITY_PERCENT', Value: 51 } }),
    ok: [traffic({ Type: 'CANARY', CanarySize: { Type: 'CAPACITY_PERCENT', Value: 50 } }), traffic({ Type: 'CANARY', CanarySize: { Type: 'INSTANCE_COUNT', Value: 51 } })],
    dynamic: traffic({ Type: 'CANARY', CanarySize: { Type: 'CAPACITY_PERCENT', 'Value.$': '$.canary' } }),
  },
  'linear-step-size-percent': {
    api: 'createEndpoint',
    bad: [traffic({ Type: 'LINEAR', LinearStepSize: { Type: 'CAPACITY_PERCENT', Value: 9 } }), traffic({ Type: 'LINEAR', LinearStepSize: { Type: 'CAPACITY_PERCENT', Value: 51 } })],
    ok: [traffic({ Type: 'LINEAR', LinearStepSize: { Type: 'CAPACITY_PERCENT', Value: 10 } }), traffic({ Type: 'LINEAR', LinearStepSize: { Type: 'CAPACITY_PERCENT', Value: 50 } })],
    dynamic: traffic({ Type: 'LINEAR', LinearStepSize: { Type: 'CAPACITY_PERCENT', Value: '{% $states.input.step %}' } }),
  },
  'metrics-publish-frequency': {
    api: 'createEndpointConfig',
    bad: { MetricsConfig: { MetricPublishFrequencyInSeconds: 45 } },
    ok: [{ MetricsConfig: { MetricPublishFrequencyInSeconds: 300 } }, { MetricsConfig: { MetricPublishFrequencyInSeconds: 10 } }],
    dynamic: { MetricsConfig: { 'MetricPublishFrequencyInSeconds.$': '$.frequency' } },
  },
  'notebook-accelerator-types-unsupported': {
    api: 'createNotebookInstance',
    bad: { NotebookInstanceName: 'nb', InstanceType: 'ml.t3.medium', RoleArn: role, AcceleratorTypes: ['ml.eia2.medium'] },
    // An empty list asks for no accelerator.
    ok: [{ NotebookInstanceName: 'nb', InstanceType: 'ml.t3.medium', RoleArn: role }, { NotebookInstanceName: 'nb', InstanceType: 'ml.t3.medium', RoleArn: role, AcceleratorTypes: [] }],
    dynamic: { NotebookInstanceName: 'nb', InstanceType: 'ml.t3.medium', RoleArn: role, 'AcceleratorTypes.$': '$.types' },
    // UpdateNotebookInstance's AcceleratorTypes carries the same sentence (session 41: the model's same quotes).
    elsewhere: [{ api: 'updateNotebookInstance', bad: { NotebookInstanceName: 'nb', AcceleratorTypes: ['ml.eia2.medium'] }, ok: { NotebookInstanceName: 'nb', InstanceType: 'ml.t3.large' }, dynamic: { NotebookInstanceName: 'nb', 'AcceleratorTypes.$': '$.types' } }],
  },
  'notebook-lifecycle-script-base64': {
    api: 'createNotebookInstanceLifecycleConfig',
    bad: [{ OnCreate: [{ Content: '#!/bin/bash\necho hi' }] }, { OnStart: [{ Content: 'ZWNobyBoa' }] }, { OnStart: [{ Content: 'ZWNo=byBo' }] }],
    ok: [{ OnCreate: [{ Content: 'IyEvYmluL2Jhc2gKZWNobyBoaQ==' }] }, { OnStart: [{ Content: 'ZWNobyBo\naQ==' }] }],
    dynamic: [{ OnCreate: [{ 'Content.$': 'States.Base64Encode($.script)' }] }, { OnStart: [{ Content: '{% $base64encode($states.input.script) %}' }] }],
  },
  'studio-lifecycle-content-base64': {
    api: 'createStudioLifecycleConfig',
    bad: { StudioLifecycleConfigName: 'c', StudioLifecycleConfigAppType: 'JupyterLab', StudioLifecycleConfigContent: 'pip install x' },
    ok: { StudioLifecycleConfigName: 'c', StudioLifecycleConfigAppType: 'JupyterLab', StudioLifecycleConfigContent: 'cGlwIGluc3RhbGwgeA==' },
    dynamic: { StudioLifecycleConfigName: 'c', StudioLifecycleConfigAppType: 'JupyterLab', 'StudioLifecycleConfigContent.$': '$.content' },
  },
  'app-user-profile-or-space': {
    api: 'createApp',
    bad: { DomainId: 'd-1', AppType: 'JupyterLab', AppName: 'default' },
    ok: [{ DomainId: 'd-1', AppType: 'JupyterLab', AppName: 'default', SpaceName: 's' }, { DomainId: 'd-1', AppType: 'JupyterServer', AppName: 'default', UserProfileName: 'u' }],
    dynamic: { DomainId: 'd-1', AppType: 'JupyterLab', AppName: 'default', 'SpaceName.$': '$.space' },
    elsewhere: [{ api: 'deleteApp', bad: { DomainId: 'd-1', AppType: 'JupyterLab', AppName: 'default' }, ok: { DomainId: 'd-1', AppType: 'JupyterLab', AppName: 'default', SpaceName: 's' }, dynamic: { DomainId: 'd-1', AppType: 'JupyterLab', AppName: 'default', 'UserProfileName.$': '$.user' } }],
  },
  'user-profile-sso-identifier-needs-value': {
    api: 'createUserProfile',
    bad: { DomainId: 'd-1', UserProfileName: 'u', SingleSignOnUserIdentifier: 'UserName' },
    ok: [{ DomainId: 'd-1', UserProfileName: 'u', SingleSignOnUserIdentifier: 'UserName', SingleSignOnUserValue: 'ana' }, { DomainId: 'd-1', UserProfileName: 'u' }],
    dynamic: { DomainId: 'd-1', UserProfileName: 'u', SingleSignOnUserIdentifier: 'UserName', 'SingleSignOnUserValue.$': '$.user' },
  },
  'user-profile-sso-value-needs-identifier': {
    api: 'createUserProfile',
    bad: { DomainId: 'd-1', UserProfileName: 'u', SingleSignOnUserValue: 'ana' },
    ok: { DomainId: 'd-1', UserProfileName: 'u', SingleSignOnUserIdentifier: 'UserName', SingleSignOnUserValue: 'ana' },
    dynamic: { DomainId: 'd-1', UserProfileName: 'u', 'SingleSignOnUserIdentifier.$': '$.kind', SingleSignOnUserValue: 'ana' },
  },
  'user-profile-custom-images-5': {
    api: 'createUserProfile',
    bad: { DomainId: 'd-1', UserProfileName: 'u', UserSettings: { KernelGatewayAppSettings: { CustomImages: images(6) } } },
    ok: { DomainId: 'd-1', UserProfileName: 'u', UserSettings: { KernelGatewayAppSettings: { CustomImages: images(5) } } },
    dynamic: { DomainId: 'd-1', UserProfileName: 'u', UserSettings: { KernelGatewayAppSettings: { 'CustomImages.$': '$.images' } } },
  },
  'space-custom-images-5': {
    api: 'createSpace',
    bad: { DomainId: 'd-1', SpaceName: 's', SpaceSettings: { KernelGatewayAppSettings: { CustomImages: images(6) } } },
    ok: { DomainId: 'd-1', SpaceName: 's', SpaceSettings: { KernelGatewayAppSettings: { CustomImages: images(5) } } },
    dynamic: { DomainId: 'd-1', SpaceName: 's', SpaceSettings: { KernelGatewayAppSettings: { 'CustomImages.$': '$.images' } } },
  },
  'hidden-image-needs-name': {
    api: 'createUserProfile',
    bad: hidden({ VersionAliases: ['1.0'] }),
    ok: hidden({ SageMakerImageName: 'sagemaker_distribution', VersionAliases: ['1.0'] }),
    dynamic: hidden({ 'SageMakerImageName.$': '$.image', VersionAliases: ['1.0'] }),
  },
  'hidden-image-needs-aliases': {
    api: 'createUserProfile',
    bad: hidden({ SageMakerImageName: 'sagemaker_distribution' }),
    ok: hidden({ SageMakerImageName: 'sagemaker_distribution', VersionAliases: ['1.0'] }),
    dynamic: hidden({ SageMakerImageName: 'sagemaker_distribution', 'VersionAliases.$': '$.aliases' }),
  },
  'workteam-cognito-or-oidc': {
    api: 'createWorkteam',
    bad: { MemberDefinitions: [{ CognitoMemberDefinition: cognito('c1', 'p1') }, { OidcMemberDefinition: { Groups: ['g'] } }] },
    ok: [{ MemberDefinitions: [{ CognitoMemberDefinition: cognito('c1', 'p1') }, { CognitoMemberDefinition: cognito('c1', 'p1', 'g2') }] }, { MemberDefinitions: [{ OidcMemberDefinition: { Groups: ['g'] } }] }],
    dynamic: [{ MemberDefinitions: [{ 'CognitoMemberDefinition.$': '$.cognito' }, { OidcMemberDefinition: { Groups: ['g'] } }] }, { 'MemberDefinitions.$': '$.members' }],
  },
  'workteam-cognito-same-clientid': {
    api: 'createWorkteam',
    bad: { MemberDefinitions: [{ CognitoMemberDefinition: cognito('c1', 'p1') }, { CognitoMemberDefinition: cognito('c2', 'p1', 'g2') }] },
    ok: { MemberDefinitions: [{ CognitoMemberDefinition: cognito('c1', 'p1') }, { CognitoMemberDefinition: cognito('c1', 'p1', 'g2') }] },
    dynamic: { MemberDefinitions: [{ CognitoMemberDefinition: cognito('c1', 'p1') }, { CognitoMemberDefinition: { UserPool: 'p1', UserGroup: 'g2', 'ClientId.$': '$.client' } }] },
  },
  'workteam-cognito-same-userpool': {
    api: 'updateWorkteam',
    bad: { WorkteamName: 't', MemberDefinitions: [{ CognitoMemberDefinition: cognito('c1', 'p1') }, { CognitoMemberDefinition: cognito('c1', 'p2', 'g2') }] },
    ok: { WorkteamName: 't', MemberDefinitions: [{ CognitoMemberDefinition: cognito('c1', 'p1') }, { CognitoMemberDefinition: cognito('c1', 'p1', 'g2') }] },
    dynamic: { WorkteamName: 't', MemberDefinitions: [{ CognitoMemberDefinition: cognito('c1', 'p1') }, { CognitoMemberDefinition: { ClientId: 'c1', UserGroup: 'g2', 'UserPool.$': '$.pool' } }] },
  },
  'workforce-cognito-or-oidc': {
    api: 'createWorkforce',
    bad: { WorkforceName: 'w', CognitoConfig: { UserPool: 'p1', ClientId: 'c1' }, OidcConfig: { ClientId: 'c', ClientSecret: 's', Issuer: 'https://i', AuthorizationEndpoint: 'https://a', TokenEndpoint: 'https://t', UserInfoEndpoint: 'https://u', LogoutEndpoint: 'https://l', JwksUri: 'https://j' } },
    ok: { WorkforceName: 'w', CognitoConfig: { UserPool: 'p1', ClientId: 'c1' } },
    dynamic: { WorkforceName: 'w', CognitoConfig: { UserPool: 'p1', ClientId: 'c1' }, 'OidcConfig.$': '$.oidc' },
  },
  'workforce-cidrs-10': {
    api: 'createWorkforce',
    bad: { WorkforceName: 'w', SourceIpConfig: { Cidrs: cidrs(11) } },
    ok: { WorkforceName: 'w', SourceIpConfig: { Cidrs: cidrs(10) } },
    dynamic: { WorkforceName: 'w', SourceIpConfig: { 'Cidrs.$': '$.cidrs' } },
  },
  'edge-deployment-plan-stages-10': {
    api: 'createEdgeDeploymentPlan',
    bad: { EdgeDeploymentPlanName: 'p', ModelConfigs: [], DeviceFleetName: 'f', Stages: stages(11) },
    ok: { EdgeDeploymentPlanName: 'p', ModelConfigs: [], DeviceFleetName: 'f', Stages: stages(10) },
    dynamic: { EdgeDeploymentPlanName: 'p', ModelConfigs: [], DeviceFleetName: 'f', 'Stages.$': '$.stages' },
  },
  'search-visibility-key-tags': {
    api: 'search',
    bad: { Resource: 'TrainingJob', VisibilityConditions: [{ Key: 'team', Value: 'ml' }] },
    ok: { Resource: 'TrainingJob', VisibilityConditions: [{ Key: 'Tags.team', Value: 'ml' }] },
    dynamic: { Resource: 'TrainingJob', VisibilityConditions: [{ 'Key.$': '$.key', Value: 'ml' }] },
  },
  'hub-content-reference-delete-model-reference': {
    api: 'deleteHubContentReference',
    bad: { HubName: 'h', HubContentType: 'Model', HubContentName: 'm' },
    ok: { HubName: 'h', HubContentType: 'ModelReference', HubContentName: 'm' },
    dynamic: { HubName: 'h', 'HubContentType.$': '$.type', HubContentName: 'm' },
  },
  'delete-artifact-arn-or-source': {
    api: 'deleteArtifact',
    bad: {},
    ok: [{ ArtifactArn: 'arn:aws:sagemaker:us-east-1:111122223333:artifact/a' }, { Source: { SourceUri: 's3://b/k' } }],
    dynamic: { 'Source.$': '$.source' },
  },
  'model-card-content-or-status': {
    api: 'updateModelCard',
    bad: { ModelCardName: 'c', Content: '{}', ModelCardStatus: 'Approved' },
    ok: [{ ModelCardName: 'c', Content: '{}' }, { ModelCardName: 'c', ModelCardStatus: 'Approved' }],
    dynamic: { ModelCardName: 'c', 'Content.$': '$.content', ModelCardStatus: 'Approved' },
  },
  'hub-content-update-something': {
    api: 'updateHubContent',
    bad: { HubName: 'h', HubContentName: 'n', HubContentType: 'Model', HubContentVersion: '1.0.0' },
    ok: { HubName: 'h', HubContentName: 'n', HubContentType: 'Model', HubContentVersion: '1.0.0', SupportStatus: 'Deprecated' },
    dynamic: { HubName: 'h', HubContentName: 'n', HubContentType: 'Model', HubContentVersion: '1.0.0', 'HubContentDescription.$': '$.description' },
  },
  'feature-group-update-one-at-a-time': {
    api: 'updateFeatureGroup',
    bad: { FeatureGroupName: 'g', FeatureAdditions: [{ FeatureName: 'f', FeatureType: 'String' }], OnlineStoreConfig: { TtlDuration: { Unit: 'Hours', Value: 12 } } },
    ok: [{ FeatureGroupName: 'g', FeatureAdditions: [{ FeatureName: 'f', FeatureType: 'String' }] }, { FeatureGroupName: 'g', OnlineStoreConfig: { TtlDuration: { Unit: 'Hours', Value: 12 } } }],
    dynamic: { FeatureGroupName: 'g', 'FeatureAdditions.$': '$.features', OnlineStoreConfig: { TtlDuration: { Unit: 'Hours', Value: 12 } } },
  },
  'workforce-source-ip-not-in-vpc': {
    api: 'updateWorkforce',
    bad: { WorkforceName: 'w', SourceIpConfig: { Cidrs: cidrs(1) }, WorkforceVpcConfig: vpc },
    ok: [{ WorkforceName: 'w', SourceIpConfig: { Cidrs: cidrs(1) } }, { WorkforceName: 'w', WorkforceVpcConfig: vpc }],
    dynamic: { WorkforceName: 'w', 'SourceIpConfig.$': '$.ips', WorkforceVpcConfig: vpc },
    // CreateWorkforce sets up the same portal.
    elsewhere: [{
      api: 'createWorkforce',
      bad: { WorkforceName: 'w', CognitoConfig: { UserPool: 'p1', ClientId: 'c1' }, SourceIpConfig: { Cidrs: cidrs(1) }, WorkforceVpcConfig: vpc },
      ok: { WorkforceName: 'w', CognitoConfig: { UserPool: 'p1', ClientId: 'c1' }, WorkforceVpcConfig: vpc },
      dynamic: { WorkforceName: 'w', CognitoConfig: { UserPool: 'p1', ClientId: 'c1' }, SourceIpConfig: { Cidrs: cidrs(1) }, 'WorkforceVpcConfig.$': '$.vpc' },
    }],
  },
  'compute-quota-borrow-limit': {
    api: 'createComputeQuota',
    bad: [quota({ Strategy: 'LendAndBorrow', BorrowLimit: 600 }), quota({ Strategy: 'LendAndBorrow', BorrowLimit: 0 })],
    ok: [quota({ Strategy: 'LendAndBorrow', BorrowLimit: 500 }), quota({ Strategy: 'LendAndBorrow', BorrowLimit: 1 }), quota({ Strategy: 'Lend' })],
    dynamic: quota({ Strategy: 'LendAndBorrow', 'BorrowLimit.$': '$.limit' }),
  },
  'automl-gzip-only-s3-prefix': {
    api: 'createAutoMLJobV2',
    bad: { AutoMLJobInputDataConfig: [automlChannel('ManifestFile', 'Gzip')] },
    ok: [{ AutoMLJobInputDataConfig: [automlChannel('S3Prefix', 'Gzip')] }, { AutoMLJobInputDataConfig: [automlChannel('ManifestFile', 'None')] }, { AutoMLJobInputDataConfig: [automlChannel('ManifestFile')] }],
    dynamic: { AutoMLJobInputDataConfig: [{ ...automlChannel('ManifestFile'), 'CompressionType.$': '$.compression' }] },
  },
  'notebook-disassociate-accelerator-types-unsupported': {
    api: 'updateNotebookInstance',
    bad: { NotebookInstanceName: 'nb', DisassociateAcceleratorTypes: true },
    ok: [{ NotebookInstanceName: 'nb', DisassociateAcceleratorTypes: false }, { NotebookInstanceName: 'nb' }],
    dynamic: { NotebookInstanceName: 'nb', 'DisassociateAcceleratorTypes.$': '$.disassociate' },
  },
  'instance-groups-ebs-only-needs-volume-size': {
    api: 'createTrainingJob',
    bad: [
      trainingJob({ ResourceConfig: { InstanceGroups: [{ InstanceGroupName: 'a', InstanceType: 'ml.m5.xlarge', InstanceCount: 1 }, { InstanceGroupName: 'b', InstanceType: 'ml.c5.xlarge', InstanceCount: 2 }] } }),
      trainingJob({ ResourceConfig: { InstanceGroups: [{ InstanceGroupName: 'a', InstanceType: 'ml.p2.xlarge', InstanceCount: 1 }] } }),
    ],
    ok: [
      trainingJob({ ResourceConfig: { InstanceGroups: [{ InstanceGroupName: 'a', InstanceType: 'ml.m5.xlarge', InstanceCount: 1 }, { InstanceGroupName: 'b', InstanceType: 'ml.c5.xlarge', InstanceCount: 2 }], VolumeSizeInGB: 30 } }),
      trainingJob({ ResourceConfig: { InstanceGroups: [{ InstanceGroupName: 'a', InstanceType: 'ml.g5.xlarge', InstanceCount: 1 }] } }),
    ],
    dynamic: trainingJob({ ResourceConfig: { InstanceGroups: [{ InstanceGroupName: 'a', 'InstanceType.$': '$.type', InstanceCount: 1 }] } }),
  },
  'inference-experiment-source-variant': {
    api: 'createInferenceExperiment',
    bad: experiment('prod', ['champion', 'challenger']),
    ok: [experiment('champion', ['champion', 'challenger']), { ...experiment('champion', ['champion']), ShadowModeConfig: undefined }],
    dynamic: [experiment('{% $states.input.source %}', ['champion', 'challenger']), { ...experiment('prod', []), 'ModelVariants.$': '$.variants', ModelVariants: undefined }],
  },
  'ai-recommendation-unique-adapter-ids': {
    api: 'createAIRecommendationJob',
    bad: [adapters({ S3Uris: [{ AdapterId: 'fr', S3Uri: 's3://b/fr' }, { AdapterId: 'fr', S3Uri: 's3://b/fr2' }] }), adapters({ ModelPackageArns: [{ AdapterId: 'a', ModelPackageArn: 'arn:aws:sagemaker:us-east-1:111122223333:model-package/p/1' }, { AdapterId: 'a', ModelPackageArn: 'arn:aws:sagemaker:us-east-1:111122223333:model-package/p/2' }] })],
    ok: adapters({ S3Uris: [{ AdapterId: 'fr', S3Uri: 's3://b/fr' }, { AdapterId: 'de', S3Uri: 's3://b/de' }] }),
    dynamic: adapters({ S3Uris: [{ AdapterId: 'fr', S3Uri: 's3://b/fr' }, { 'AdapterId.$': '$.id', S3Uri: 's3://b/de' }] }),
  },
  'update-workteam-cognito-or-oidc': {
    api: 'updateWorkteam',
    bad: { WorkteamName: 't', MemberDefinitions: [{ CognitoMemberDefinition: cognito('c1', 'p1') }, { OidcMemberDefinition: { Groups: ['g'] } }] },
    ok: [{ WorkteamName: 't', MemberDefinitions: [{ CognitoMemberDefinition: cognito('c1', 'p1') }] }, { WorkteamName: 't', MemberDefinitions: [{ OidcMemberDefinition: { Groups: ['g'] } }] }],
    dynamic: { WorkteamName: 't', MemberDefinitions: [{ 'CognitoMemberDefinition.$': '$.cognito' }, { OidcMemberDefinition: { Groups: ['g'] } }] },
  },
  'automl-validation-fraction-below-half': {
    api: 'createAutoMLJobV2',
    bad: { DataSplitConfig: { ValidationFraction: 0.6 } },
    ok: [{ DataSplitConfig: { ValidationFraction: 0.2 } }, { DataSplitConfig: { ValidationFraction: 0.49 } }],
    dynamic: { DataSplitConfig: { 'ValidationFraction.$': '$.fraction' } },
  },
  'idle-timeout-min-at-most-max': {
    api: 'createDomain',
    bad: idle({ MinIdleTimeoutInMinutes: 480, MaxIdleTimeoutInMinutes: 120 }),
    ok: [idle({ MinIdleTimeoutInMinutes: 120, MaxIdleTimeoutInMinutes: 120 }), idle({ MinIdleTimeoutInMinutes: 480 })],
    dynamic: idle({ MinIdleTimeoutInMinutes: 480, 'MaxIdleTimeoutInMinutes.$': '$.max' }),
  },
  'default-ebs-at-most-maximum': {
    api: 'createDomain',
    bad: ebs({ DefaultEbsVolumeSizeInGb: 200, MaximumEbsVolumeSizeInGb: 100 }),
    ok: ebs({ DefaultEbsVolumeSizeInGb: 100, MaximumEbsVolumeSizeInGb: 100 }),
    dynamic: ebs({ 'DefaultEbsVolumeSizeInGb.$': '$.size', MaximumEbsVolumeSizeInGb: 100 }),
  },
  'cluster-min-instance-count-at-most-count': {
    api: 'createCluster',
    bad: clusterGroup({ InstanceCount: 2, MinInstanceCount: 4 }),
    ok: [clusterGroup({ InstanceCount: 4, MinInstanceCount: 4 }), clusterGroup({ InstanceCount: 2 })],
    dynamic: clusterGroup({ 'InstanceCount.$': '$.count', MinInstanceCount: 4 }),
  },
  'update-space-app-type': {
    api: 'updateSpace',
    bad: { DomainId: 'd-abc', SpaceName: 's', SpaceSettings: { AppType: 'JupyterLab' } },
    ok: { DomainId: 'd-abc', SpaceName: 's', SpaceSettings: { JupyterLabAppSettings: { DefaultResourceSpec: { InstanceType: 'ml.t3.medium' } } } },
    dynamic: { DomainId: 'd-abc', SpaceName: 's', SpaceSettings: { 'AppType.$': '$.type' } },
  },
  'jupyterlab-image-no-file-system-config': {
    api: 'createAppImageConfig',
    bad: { AppImageConfigName: 'c', JupyterLabAppImageConfig: { FileSystemConfig: { MountPath: '/home/sagemaker-user' } } },
    ok: { AppImageConfigName: 'c', JupyterLabAppImageConfig: { ContainerConfig: { ContainerArguments: ['a'] } } },
    dynamic: { AppImageConfigName: 'c', JupyterLabAppImageConfig: { 'FileSystemConfig.$': '$.fs' } },
  },
  'code-editor-image-no-file-system-config': {
    api: 'createAppImageConfig',
    bad: { AppImageConfigName: 'c', CodeEditorAppImageConfig: { FileSystemConfig: { MountPath: '/home/sagemaker-user' } } },
    ok: { AppImageConfigName: 'c', CodeEditorAppImageConfig: {} },
    dynamic: { AppImageConfigName: 'c', CodeEditorAppImageConfig: { 'FileSystemConfig.$': '$.fs' } },
  },
  'app-image-config-one-kernel': {
    api: 'createAppImageConfig',
    bad: { AppImageConfigName: 'c', KernelGatewayImageConfig: { KernelSpecs: [{ Name: 'python3' }, { Name: 'ir' }] } },
    ok: { AppImageConfigName: 'c', KernelGatewayImageConfig: { KernelSpecs: [{ Name: 'python3' }] } },
    dynamic: { AppImageConfigName: 'c', KernelGatewayImageConfig: { 'KernelSpecs.$': '$.kernels' } },
  },
  'algorithm-required-hyperparameter-no-default': {
    api: 'createAlgorithm',
    bad: algorithmSpec({ SupportedHyperParameters: [{ Name: 'eta', Type: 'Continuous', IsRequired: true, DefaultValue: '0.3' }] }),
    ok: [algorithmSpec({ SupportedHyperParameters: [{ Name: 'eta', Type: 'Continuous', IsRequired: false, DefaultValue: '0.3' }] }), algorithmSpec({ SupportedHyperParameters: [{ Name: 'eta', Type: 'Continuous', IsRequired: true }] })],
    dynamic: algorithmSpec({ SupportedHyperParameters: [{ Name: 'eta', Type: 'Continuous', 'IsRequired.$': '$.required', DefaultValue: '0.3' }] }),
  },
  'algorithm-hyperparameter-names-unique': {
    api: 'createAlgorithm',
    bad: algorithmSpec({ SupportedHyperParameters: [{ Name: 'max_depth', Type: 'Integer' }, { Name: 'max_depth', Type: 'Integer' }] }),
    ok: algorithmSpec({ SupportedHyperParameters: [{ Name: 'max_depth', Type: 'Integer' }, { Name: 'eta', Type: 'Continuous' }] }),
    dynamic: algorithmSpec({ SupportedHyperParameters: [{ Name: 'max_depth', Type: 'Integer' }, { 'Name.$': '$.name', Type: 'Integer' }] }),
  },
  'algorithm-tuning-needs-hyperparameters': {
    api: 'createAlgorithm',
    bad: algorithmSpec({ SupportedTuningJobObjectiveMetrics: [{ Type: 'Minimize', MetricName: 'validation:rmse' }] }),
    ok: algorithmSpec({ SupportedTuningJobObjectiveMetrics: [{ Type: 'Minimize', MetricName: 'validation:rmse' }], SupportedHyperParameters: [{ Name: 'eta', Type: 'Continuous', IsTunable: true }] }),
    dynamic: algorithmSpec({ SupportedTuningJobObjectiveMetrics: [{ Type: 'Minimize', MetricName: 'validation:rmse' }], 'SupportedHyperParameters.$': '$.hps' }),
  },
  'inference-experiment-30-days': {
    api: 'createInferenceExperiment',
    bad: [{ Schedule: { StartTime: '2026-07-01T00:00:00Z', EndTime: '2026-08-01T00:00:00Z' } }, { Schedule: { StartTime: 1782864000, EndTime: 1782864000 + 30 * 86400 + 1 } }],
    ok: [{ Schedule: { StartTime: '2026-07-01T00:00:00Z', EndTime: '2026-07-31T00:00:00Z' } }, { Schedule: { StartTime: '2026-07-01T02:00:00+02:00', EndTime: '2026-07-31T00:00:00Z' } }],
    dynamic: [{ Schedule: { 'StartTime.$': '$$.State.EnteredTime', EndTime: '2026-08-01T00:00:00Z' } }, { Schedule: { StartTime: 'yesterday', EndTime: '2026-08-01T00:00:00Z' } }],
  },
  'model-card-content-json': {
    api: 'createModelCard',
    bad: { ModelCardName: 'c', ModelCardStatus: 'Draft', Content: 'model_overview: churn' },
    ok: { ModelCardName: 'c', ModelCardStatus: 'Draft', Content: '{"model_overview": {"model_description": "churn"}}' },
    dynamic: { ModelCardName: 'c', ModelCardStatus: 'Draft', 'Content.$': 'States.JsonToString($.card)' },
  },
  'pipeline-definition-json': {
    api: 'createPipeline',
    bad: [{ PipelineName: 'p', PipelineDefinition: 'Version: 2020-12-01\nSteps: []' }],
    ok: { PipelineName: 'p', PipelineDefinition: '{"Version": "2020-12-01", "Steps": []}' },
    dynamic: [{ PipelineName: 'p', 'PipelineDefinition.$': 'States.JsonToString($.definition)' }, { PipelineName: 'p', PipelineDefinition: '{"Version": ${Version}}' }],
  },
  'edge-preset-deployment-config-json': {
    api: 'createEdgePackagingJob',
    bad: { OutputConfig: { S3OutputLocation: 's3://b/o', PresetDeploymentType: 'GreengrassV2Component', PresetDeploymentConfig: 'ComponentName=edge' } },
    ok: { OutputConfig: { S3OutputLocation: 's3://b/o', PresetDeploymentType: 'GreengrassV2Component', PresetDeploymentConfig: '{"ComponentName": "edge"}' } },
    dynamic: { OutputConfig: { S3OutputLocation: 's3://b/o', PresetDeploymentType: 'GreengrassV2Component', 'PresetDeploymentConfig.$': '$.config' } },
  },
  'inference-component-rolling-batch-percent': {
    api: 'updateInferenceComponent',
    bad: [rollingComponent({ Type: 'CAPACITY_PERCENT', Value: 60 }), rollingComponent({ Type: 'CAPACITY_PERCENT', Value: 4 })],
    ok: [rollingComponent({ Type: 'CAPACITY_PERCENT', Value: 50 }), rollingComponent({ Type: 'CAPACITY_PERCENT', Value: 5 }), rollingComponent({ Type: 'COPY_COUNT', Value: 60 })],
    dynamic: rollingComponent({ 'Type.$': '$.type', Value: 60 }),
  },
  'update-domain-network-access-not-with-rstudio-role': {
    api: 'updateDomain',
    bad: { DomainId: 'd-1', AppNetworkAccessType: 'VpcOnly', DomainSettingsForUpdate: { RStudioServerProDomainSettingsForUpdate: { DomainExecutionRoleArn: role } } },
    ok: [{ DomainId: 'd-1', AppNetworkAccessType: 'VpcOnly' }, { DomainId: 'd-1', DomainSettingsForUpdate: { RStudioServerProDomainSettingsForUpdate: { DomainExecutionRoleArn: role } } }],
    dynamic: { DomainId: 'd-1', 'AppNetworkAccessType.$': '$.access', DomainSettingsForUpdate: { RStudioServerProDomainSettingsForUpdate: { DomainExecutionRoleArn: role } } },
  },
  'partner-app-idc-needs-config': {
    api: 'createPartnerApp',
    bad: { Name: 'app', Type: 'comet', AuthType: 'IDC' },
    ok: [{ Name: 'app', Type: 'comet', AuthType: 'IDC', IdcConfig: { IdcInstanceArn: 'arn:aws:sso:::instance/ssoins-1' } }, { Name: 'app', Type: 'comet', AuthType: 'IAM' }],
    dynamic: { Name: 'app', Type: 'comet', 'AuthType.$': '$.auth' },
  },
  'public-workforce-price-listed': {
    api: 'createLabelingJob',
    bad: [human({ PublicWorkforceTaskPrice: usd(0, 3, 0) }), human({ PublicWorkforceTaskPrice: { AmountInUsd: { Cents: 5 } } })],
    ok: [human({ PublicWorkforceTaskPrice: usd(0, 1, 2) }), human({ PublicWorkforceTaskPrice: usd(1, 20, 0) })],
    dynamic: human({ PublicWorkforceTaskPrice: { AmountInUsd: { Dollars: 0, 'Cents.$': '$.cents' } } }),
  },
  'labeling-price-at-most-1-200': {
    api: 'createLabelingJob',
    bad: human({ PublicWorkforceTaskPrice: usd(2, 40, 0) }),
    ok: human({ PublicWorkforceTaskPrice: usd(1, 20, 0) }),
    dynamic: human({ PublicWorkforceTaskPrice: { 'AmountInUsd.$': '$.price' } }),
  },
  'labeling-bounding-box-price': {
    api: 'createLabelingJob',
    bad: human({ PreHumanTaskLambdaArn: preLambda('PRE-BoundingBox'), PublicWorkforceTaskPrice: usd(0, 2, 4) }),
    ok: [human({ PreHumanTaskLambdaArn: preLambda('PRE-BoundingBox'), PublicWorkforceTaskPrice: usd(0, 3, 6) }), human({ PreHumanTaskLambdaArn: preLambda('PRE-ImageMultiClass'), PublicWorkforceTaskPrice: usd(0, 1, 2) })],
    dynamic: human({ 'PreHumanTaskLambdaArn.$': '$.lambda', PublicWorkforceTaskPrice: usd(0, 1, 2) }),
  },
  'labeling-semantic-segmentation-price': {
    api: 'createLabelingJob',
    bad: human({ PreHumanTaskLambdaArn: preLambda('PRE-SemanticSegmentation'), PublicWorkforceTaskPrice: usd(0, 72, 0) }),
    ok: human({ PreHumanTaskLambdaArn: preLambda('PRE-SemanticSegmentation'), PublicWorkforceTaskPrice: usd(0, 84, 0) }),
    dynamic: human({ PreHumanTaskLambdaArn: preLambda('PRE-SemanticSegmentation'), PublicWorkforceTaskPrice: { AmountInUsd: { Dollars: 0, Cents: 72, TenthFractionsOfACent: '{% $states.input.tenths %}' } } }),
  },
  'flow-definition-rekognition-price': {
    api: 'createFlowDefinition',
    bad: flow('AWS/Rekognition/DetectModerationLabels/Image/V3', usd(2, 40, 0)),
    ok: [flow('AWS/Rekognition/DetectModerationLabels/Image/V3', usd(1, 20, 0)), flow('AWS/Textract/AnalyzeDocument/Forms/V1', usd(2, 40, 0))],
    dynamic: { 'HumanLoopRequestSource.$': '$.source', HumanLoopConfig: { PublicWorkforceTaskPrice: usd(2, 40, 0) } },
  },
  'flow-definition-custom-price': {
    api: 'createFlowDefinition',
    bad: flow(undefined, usd(1, 32, 0)),
    ok: flow(undefined, usd(1, 20, 0)),
    dynamic: flow(undefined, { AmountInUsd: { 'Dollars.$': '$.dollars', Cents: 32 } }),
  },
  'monitoring-window-24-hours': {
    api: 'createMonitoringSchedule',
    bad: [window('-PT30H', '-PT2H'), window('-P1DT1H', 'PT0H')],
    ok: [window('-PT25H', '-PT1H'), window('-P1D', 'PT0S'), window('-PT5H', '-PT1H')],
    dynamic: { MonitoringScheduleConfig: { ScheduleConfig: { ScheduleExpression: 'NOW', 'DataAnalysisStartTime.$': '$.start', DataAnalysisEndTime: '-PT1H' } } },
  },
  'labeling-concurrent-tasks-1000': {
    api: 'createLabelingJob',
    bad: human({ MaxConcurrentTaskCount: 3000 }),
    ok: human({ MaxConcurrentTaskCount: 1000 }),
    dynamic: human({ 'MaxConcurrentTaskCount.$': '$.batch' }),
  },
  'partner-app-role-groups-assigned': {
    api: 'createPartnerApp',
    bad: [partner(['ml-*'], ['platform-admins']), partner(['ml-*', 'data-*'], ['ml-admins', '*'])],
    ok: [partner(['ml-*'], ['ml-admins', 'ml-readers-*']), partner(['*'], ['anyone']), partner([], ['platform-admins']), partner(['ml-admins'], ['ml-admins'])],
    dynamic: [partner(['ml-*'], ['{% $states.input.group %}']), { Name: 'app', Type: 'fiddler', AuthType: 'IDC', IdcConfig: { IdcInstanceArn: 'arn:aws:sso:::instance/ssoins-1' }, ApplicationConfig: { 'AssignedGroupPatterns.$': '$.patterns', RoleGroupAssignments: [{ RoleName: 'ORG_ADMIN', GroupPatterns: ['platform-admins'] }] } }],
  },
  'warm-pool-not-with-spot': {
    api: 'createTrainingJob',
    bad: [
      trainingJob({ EnableManagedSpotTraining: true, StoppingCondition: { MaxRuntimeInSeconds: 60, MaxWaitTimeInSeconds: 60 }, ResourceConfig: { InstanceType: 'ml.m5.large', InstanceCount: 1, VolumeSizeInGB: 10, KeepAlivePeriodInSeconds: 1 } }),
    ],
    // No warm pool (0), no spot (false), a warm pool on demand.
    ok: [
      trainingJob({ EnableManagedSpotTraining: true, StoppingCondition: { MaxRuntimeInSeconds: 60, MaxWaitTimeInSeconds: 60 }, ResourceConfig: { InstanceType: 'ml.m5.large', InstanceCount: 1, VolumeSizeInGB: 10, KeepAlivePeriodInSeconds: 0 } }),
      trainingJob({ EnableManagedSpotTraining: false, ResourceConfig: { InstanceType: 'ml.m5.large', InstanceCount: 1, VolumeSizeInGB: 10, KeepAlivePeriodInSeconds: 3600 } }),
      trainingJob({ ResourceConfig: { InstanceType: 'ml.m5.large', InstanceCount: 1, VolumeSizeInGB: 10, KeepAlivePeriodInSeconds: 3600 } }),
    ],
    dynamic: [
      trainingJob({ 'EnableManagedSpotTraining.$': '$.spot', StoppingCondition: { MaxRuntimeInSeconds: 60, MaxWaitTimeInSeconds: 60 }, ResourceConfig: { InstanceType: 'ml.m5.large', InstanceCount: 1, VolumeSizeInGB: 10, KeepAlivePeriodInSeconds: 600 } }),
      trainingJob({ EnableManagedSpotTraining: '{% $states.input.spot %}', StoppingCondition: { MaxRuntimeInSeconds: 60, MaxWaitTimeInSeconds: 60 }, ResourceConfig: { InstanceType: 'ml.m5.large', InstanceCount: 1, VolumeSizeInGB: 10, KeepAlivePeriodInSeconds: 600 } }),
      trainingJob({ EnableManagedSpotTraining: true, StoppingCondition: { MaxRuntimeInSeconds: 60, MaxWaitTimeInSeconds: 60 }, ResourceConfig: { InstanceType: 'ml.m5.large', InstanceCount: 1, VolumeSizeInGB: 10, 'KeepAlivePeriodInSeconds.$': '$.keepAlive' } }),
      trainingJob({ EnableManagedSpotTraining: true, StoppingCondition: { MaxRuntimeInSeconds: 60, MaxWaitTimeInSeconds: 60 }, ResourceConfig: { InstanceType: 'ml.m5.large', InstanceCount: 1, VolumeSizeInGB: 10, KeepAlivePeriodInSeconds: '${KeepAlive}' } }),
    ],
  },
  'heterogeneous-cluster-not-with-instance-type': {
    api: 'createTrainingJob',
    bad: [
      trainingJob({ ResourceConfig: { InstanceType: 'ml.m5.large', InstanceGroups: [{ InstanceGroupName: 'a', InstanceType: 'ml.m5.large', InstanceCount: 1 }], VolumeSizeInGB: 10 } }),
      trainingJob({ ResourceConfig: { InstanceCount: 2, InstanceGroups: [{ InstanceGroupName: 'a', InstanceType: 'ml.m5.large', InstanceCount: 1 }], VolumeSizeInGB: 10 } }),
    ],
    ok: [
      trainingJob({ ResourceConfig: { InstanceGroups: [{ InstanceGroupName: 'a', InstanceType: 'ml.m5.large', InstanceCount: 1 }], VolumeSizeInGB: 10 } }),
      trainingJob({ ResourceConfig: { InstanceType: 'ml.m5.large', InstanceCount: 1, VolumeSizeInGB: 10 } }),
    ],
    dynamic: [trainingJob({ ResourceConfig: { InstanceType: 'ml.m5.large', 'InstanceGroups.$': '$.groups', VolumeSizeInGB: 10 } })],
  },
  'channel-instance-groups-all-or-none': {
    api: 'createTrainingJob',
    bad: trainingJob({ InputDataConfig: [{ ChannelName: 'train', DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: 's3://b/t', InstanceGroupNames: ['gpu'] } } }, { ChannelName: 'test', DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: 's3://b/v' } } }] }),
    ok: [
      trainingJob({ InputDataConfig: [{ ChannelName: 'train', DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: 's3://b/t', InstanceGroupNames: ['gpu'] } } }, { ChannelName: 'test', DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: 's3://b/v', InstanceGroupNames: ['cpu'] } } }] }),
      trainingJob({ InputDataConfig: [{ ChannelName: 'train', DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: 's3://b/t' } } }, { ChannelName: 'test', DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: 's3://b/v' } } }] }),
    ],
    dynamic: trainingJob({ InputDataConfig: [{ ChannelName: 'train', DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: 's3://b/t', InstanceGroupNames: ['gpu'] } } }, { ChannelName: 'test', DataSource: { 'S3DataSource.$': '$.source' } }] }),
  },
  'warm-pool-not-with-heterogeneous-cluster': {
    api: 'createTrainingJob',
    bad: trainingJob({ ResourceConfig: { InstanceGroups: [{ InstanceGroupName: 'a', InstanceType: 'ml.m5.large', InstanceCount: 1 }], VolumeSizeInGB: 10, KeepAlivePeriodInSeconds: 1800 } }),
    ok: [
      trainingJob({ ResourceConfig: { InstanceGroups: [{ InstanceGroupName: 'a', InstanceType: 'ml.m5.large', InstanceCount: 1 }], VolumeSizeInGB: 10, KeepAlivePeriodInSeconds: 0 } }),
      trainingJob({ ResourceConfig: { InstanceGroups: [{ InstanceGroupName: 'a', InstanceType: 'ml.m5.large', InstanceCount: 1 }], VolumeSizeInGB: 10 } }),
    ],
    dynamic: [
      trainingJob({ ResourceConfig: { 'InstanceGroups.$': '$.groups', VolumeSizeInGB: 10, KeepAlivePeriodInSeconds: 1800 } }),
      trainingJob({ ResourceConfig: { InstanceGroups: [{ InstanceGroupName: 'a', InstanceType: 'ml.m5.large', InstanceCount: 1 }], VolumeSizeInGB: 10, KeepAlivePeriodInSeconds: '{% $states.input.keepAlive %}' } }),
    ],
  },
  'grid-search-no-integer-ranges': {
    api: 'createHyperParameterTuningJob',
    bad: [
      tuning({ Strategy: 'Grid', ParameterRanges: { CategoricalParameterRanges: [{ Name: 'booster', Values: ['gbtree', 'dart'] }], IntegerParameterRanges: [{ Name: 'max_depth', MinValue: '3', MaxValue: '10' }] } }),
      tuning({ Strategy: 'Grid', ParameterRanges: { IntegerParameterRanges: [{ Name: 'max_depth', MinValue: '3', MaxValue: '10' }, { Name: 'min_child_weight', MinValue: '1', MaxValue: '5' }] } }),
    ],
    // Categorical ranges only, an empty integer list, or another strategy.
    ok: [
      tuning({ Strategy: 'Grid', ParameterRanges: { CategoricalParameterRanges: [{ Name: 'booster', Values: ['gbtree', 'dart'] }], IntegerParameterRanges: [] } }),
      tuning({ Strategy: 'Random', ParameterRanges: { IntegerParameterRanges: [{ Name: 'max_depth', MinValue: '3', MaxValue: '10' }] } }),
    ],
    dynamic: [
      tuning({ 'Strategy.$': '$.strategy', ParameterRanges: { IntegerParameterRanges: [{ Name: 'max_depth', MinValue: '3', MaxValue: '10' }] } }),
      tuning({ Strategy: 'Grid', ParameterRanges: { 'IntegerParameterRanges.$': '$.ranges' } }),
      tuning({ Strategy: 'Grid', ParameterRanges: { IntegerParameterRanges: '{% $states.input.ranges %}' } }),
    ],
  },
  'grid-search-no-continuous-ranges': {
    api: 'createHyperParameterTuningJob',
    bad: tuning({ Strategy: 'Grid', ParameterRanges: { ContinuousParameterRanges: [{ Name: 'eta', MinValue: '0.1', MaxValue: '0.5' }] } }),
    ok: [tuning({ Strategy: 'Grid', ParameterRanges: { CategoricalParameterRanges: [{ Name: 'eta', Values: ['0.1', '0.5'] }] } }), tuning({ Strategy: 'Bayesian', ParameterRanges: { ContinuousParameterRanges: [{ Name: 'eta', MinValue: '0.1', MaxValue: '0.5' }] } })],
    dynamic: [
      tuning({ Strategy: '{% $states.input.strategy %}', ParameterRanges: { ContinuousParameterRanges: [{ Name: 'eta', MinValue: '0.1', MaxValue: '0.5' }] } }),
      tuning({ Strategy: 'Grid', ParameterRanges: { ContinuousParameterRanges: ['{% $states.input.range %}'] } }),
    ],
  },
  'tuning-jobs-within-range-combinations': {
    api: 'createHyperParameterTuningJob',
    // 2 × 3 categorical values and the integers 1 to 2: 12 combinations, not 13.
    bad: tuning({
      ResourceLimits: { MaxParallelTrainingJobs: 1, MaxNumberOfTrainingJobs: 13 },
      ParameterRanges: { CategoricalParameterRanges: [{ Name: 'a', Values: ['x', 'y'] }, { Name: 'b', Values: ['1', '2', '3'] }], IntegerParameterRanges: [{ Name: 'depth', MinValue: '1', MaxValue: '2' }] },
    }),
    ok: [
      tuning({ ResourceLimits: { MaxParallelTrainingJobs: 1, MaxNumberOfTrainingJobs: 3 }, ParameterRanges: { CategoricalParameterRanges: [{ Name: 'a', Values: ['x', 'y', 'z'] }] } }),
      // A continuous range offers values without end; Hyperband and Autotune are not judged.
      tuning({ ResourceLimits: { MaxParallelTrainingJobs: 1, MaxNumberOfTrainingJobs: 50 }, ParameterRanges: { CategoricalParameterRanges: [{ Name: 'a', Values: ['x'] }], ContinuousParameterRanges: [{ Name: 'eta', MinValue: '0.1', MaxValue: '0.5' }] } }),
      tuning({ Strategy: 'Hyperband', ResourceLimits: { MaxParallelTrainingJobs: 1, MaxNumberOfTrainingJobs: 50 }, ParameterRanges: { CategoricalParameterRanges: [{ Name: 'a', Values: ['x'] }] } }),
      { ...tuning({ ResourceLimits: { MaxParallelTrainingJobs: 1, MaxNumberOfTrainingJobs: 50 }, ParameterRanges: { CategoricalParameterRanges: [{ Name: 'a', Values: ['x'] }] } }), Autotune: { Mode: 'Enabled' } },
      // No ranges written: nothing to count.
      tuning({ ResourceLimits: { MaxParallelTrainingJobs: 1, MaxNumberOfTrainingJobs: 50 } }),
    ],
    dynamic: [
      tuning({ ResourceLimits: { MaxParallelTrainingJobs: 1, MaxNumberOfTrainingJobs: 10 }, ParameterRanges: { CategoricalParameterRanges: [{ Name: 'a', 'Values.$': '$.values' }] } }),
      tuning({ ResourceLimits: { MaxParallelTrainingJobs: 1, MaxNumberOfTrainingJobs: 10 }, ParameterRanges: { CategoricalParameterRanges: [{ Name: 'a', Values: ['x'] }], IntegerParameterRanges: [{ Name: 'n', MinValue: '1', 'MaxValue.$': '$.max' }] } }),
      tuning({ ResourceLimits: { MaxParallelTrainingJobs: 1, MaxNumberOfTrainingJobs: 10 }, ParameterRanges: { CategoricalParameterRanges: [{ Name: 'a', Values: ['x'] }], 'ContinuousParameterRanges.$': '$.ranges' } }),
      tuning({ ResourceLimits: { MaxParallelTrainingJobs: 1, MaxNumberOfTrainingJobs: 10 }, ParameterRanges: { 'CategoricalParameterRanges.$': '$.ranges', IntegerParameterRanges: [{ Name: 'n', MinValue: '1', MaxValue: '2' }] } }),
    ],
  },
  'tuning-one-kind-of-training-job-definition': {
    api: 'createHyperParameterTuningJob',
    bad: { ...tuning({}), TrainingJobDefinition: {} },
    ok: [tuning({}), { ...tuning({}), TrainingJobDefinitions: undefined, TrainingJobDefinition: {} }],
    dynamic: [{ ...tuning({}), TrainingJobDefinitions: undefined, 'TrainingJobDefinitions.$': '$.definitions', TrainingJobDefinition: {} }],
  },
  'multi-algorithm-tuning-no-warm-start': {
    api: 'createHyperParameterTuningJob',
    bad: { ...tuning({}), TrainingJobDefinitions: [{ DefinitionName: 'xgb' }, { DefinitionName: 'linear' }], WarmStartConfig: { ParentHyperParameterTuningJobs: [{ HyperParameterTuningJobName: 'parent' }], WarmStartType: 'TransferLearning' } },
    // One algorithm: one definition in the list, or TrainingJobDefinition.
    ok: [
      { ...tuning({}), TrainingJobDefinitions: [{ DefinitionName: 'xgb' }], WarmStartConfig: { ParentHyperParameterTuningJobs: [{ HyperParameterTuningJobName: 'parent' }], WarmStartType: 'TransferLearning' } },
      { ...tuning({}), TrainingJobDefinitions: undefined, TrainingJobDefinition: {}, WarmStartConfig: { ParentHyperParameterTuningJobs: [{ HyperParameterTuningJobName: 'parent' }], WarmStartType: 'TransferLearning' } },
      { ...tuning({}), TrainingJobDefinitions: [{ DefinitionName: 'xgb' }, { DefinitionName: 'linear' }] },
    ],
    dynamic: [
      { ...tuning({}), TrainingJobDefinitions: undefined, 'TrainingJobDefinitions.$': '$.definitions', WarmStartConfig: { ParentHyperParameterTuningJobs: [{ HyperParameterTuningJobName: 'parent' }], WarmStartType: 'TransferLearning' } },
      { ...tuning({}), TrainingJobDefinitions: [{ DefinitionName: 'xgb' }, { DefinitionName: 'linear' }], 'WarmStartConfig.$': '$.warmStart' },
    ],
  },
  'multi-algorithm-tuning-no-early-stopping': {
    api: 'createHyperParameterTuningJob',
    bad: { ...tuning({ TrainingJobEarlyStoppingType: 'Auto' }), TrainingJobDefinitions: [{ DefinitionName: 'xgb' }, { DefinitionName: 'linear' }] },
    ok: [
      { ...tuning({ TrainingJobEarlyStoppingType: 'Off' }), TrainingJobDefinitions: [{ DefinitionName: 'xgb' }, { DefinitionName: 'linear' }] },
      { ...tuning({}), TrainingJobDefinitions: [{ DefinitionName: 'xgb' }, { DefinitionName: 'linear' }] },
      { ...tuning({ TrainingJobEarlyStoppingType: 'Auto' }), TrainingJobDefinitions: [{ DefinitionName: 'xgb' }] },
    ],
    dynamic: [
      { ...tuning({ TrainingJobEarlyStoppingType: '{% $states.input.stopping %}' }), TrainingJobDefinitions: [{ DefinitionName: 'xgb' }, { DefinitionName: 'linear' }] },
      { ...tuning({ TrainingJobEarlyStoppingType: 'Auto' }), TrainingJobDefinitions: undefined, 'TrainingJobDefinitions.$': '$.definitions' },
    ],
  },
  'point-cloud-video-detection-tracking-one-worker': {
    api: 'createLabelingJob',
    bad: [
      human({ PreHumanTaskLambdaArn: preLambda('PRE-3DPointCloudObjectDetection'), NumberOfHumanWorkersPerDataObject: 3 }),
      human({ PreHumanTaskLambdaArn: preLambda('PRE-VideoObjectDetection', 'eu-west-1', '568282634449'), NumberOfHumanWorkersPerDataObject: 2 }),
      human({ PreHumanTaskLambdaArn: preLambda('PRE-VideoObjectTracking'), NumberOfHumanWorkersPerDataObject: 5 }),
    ],
    // One worker; task types whose pages do not say it (3D point cloud object tracking: "should be 1"; an adjustment job; video classification; bounding boxes).
    ok: [
      human({ PreHumanTaskLambdaArn: preLambda('PRE-VideoObjectTracking'), NumberOfHumanWorkersPerDataObject: 1 }),
      human({ PreHumanTaskLambdaArn: preLambda('PRE-3DPointCloudObjectTracking'), NumberOfHumanWorkersPerDataObject: 3 }),
      human({ PreHumanTaskLambdaArn: preLambda('PRE-AdjustmentVideoObjectDetection'), NumberOfHumanWorkersPerDataObject: 3 }),
      human({ PreHumanTaskLambdaArn: preLambda('PRE-VideoMultiClass'), NumberOfHumanWorkersPerDataObject: 3 }),
      human({ PreHumanTaskLambdaArn: preLambda('PRE-BoundingBox'), NumberOfHumanWorkersPerDataObject: 3 }),
    ],
    dynamic: [
      human({ PreHumanTaskLambdaArn: preLambda('PRE-VideoObjectTracking'), NumberOfHumanWorkersPerDataObject: '{% $states.input.workers %}' }),
      human({ 'PreHumanTaskLambdaArn.$': '$.lambda', NumberOfHumanWorkersPerDataObject: 3 }),
      human({ PreHumanTaskLambdaArn: 'arn:aws:lambda:${AWS::Region}:${LambdaAccount}:function:PRE-VideoObjectDetection', NumberOfHumanWorkersPerDataObject: 3 }),
    ],
  },
  'point-cloud-video-detection-tracking-no-auto-labeling': {
    api: 'createLabelingJob',
    bad: [
      { ...human({ PreHumanTaskLambdaArn: preLambda('PRE-VideoObjectDetection') }), ...algorithm('arn:aws:sagemaker:us-east-1:027400017018:labeling-job-algorithm-specification/object-detection') },
      { ...human({ PreHumanTaskLambdaArn: preLambda('PRE-Adjustment3DPointCloudObjectTracking', 'eu-west-1', '568282634449') }), ...algorithm('arn:aws:sagemaker:eu-west-1:568282634449:labeling-job-algorithm-specification/object-detection') },
    ],
    // Bounding boxes take automated labeling; a video frame job without it.
    ok: [
      { ...human({ PreHumanTaskLambdaArn: preLambda('PRE-BoundingBox') }), ...algorithm('arn:aws:sagemaker:us-east-1:027400017018:labeling-job-algorithm-specification/object-detection') },
      human({ PreHumanTaskLambdaArn: preLambda('PRE-VideoObjectTracking') }),
    ],
    dynamic: [
      { ...human({ 'PreHumanTaskLambdaArn.$': '$.lambda' }), ...algorithm('arn:aws:sagemaker:us-east-1:027400017018:labeling-job-algorithm-specification/object-detection') },
      { ...human({ PreHumanTaskLambdaArn: preLambda('PRE-VideoObjectDetection') }), 'LabelingJobAlgorithmsConfig.$': '$.autoLabeling' },
    ],
  },
  'streaming-labeling-no-auto-labeling': {
    api: 'createLabelingJob',
    bad: { InputConfig: { DataSource: { SnsDataSource: { SnsTopicArn: 'arn:aws:sns:us-east-1:111122223333:t' } } }, ...algorithm('arn:aws:sagemaker:us-east-1:027400017018:labeling-job-algorithm-specification/object-detection') },
    ok: [
      { InputConfig: { DataSource: { S3DataSource: { ManifestS3Uri: 's3://b/in.manifest' } } }, ...algorithm('arn:aws:sagemaker:us-east-1:027400017018:labeling-job-algorithm-specification/object-detection') },
      { InputConfig: { DataSource: { SnsDataSource: { SnsTopicArn: 'arn:aws:sns:us-east-1:111122223333:t' } } } },
    ],
    dynamic: [
      { InputConfig: { DataSource: { 'SnsDataSource.$': '$.topic' } }, ...algorithm('arn:aws:sagemaker:us-east-1:027400017018:labeling-job-algorithm-specification/object-detection') },
      { 'InputConfig.$': '$.input', ...algorithm('arn:aws:sagemaker:us-east-1:027400017018:labeling-job-algorithm-specification/object-detection') },
      { InputConfig: { DataSource: { SnsDataSource: { SnsTopicArn: 'arn:aws:sns:us-east-1:111122223333:t' } } }, LabelingJobAlgorithmsConfig: '{% $states.input.autoLabeling %}' },
    ],
  },
  'point-cloud-video-not-mechanical-turk': {
    api: 'createLabelingJob',
    bad: [
      human({ PreHumanTaskLambdaArn: preLambda('PRE-VideoObjectTracking'), WorkteamArn: 'arn:aws:sagemaker:us-east-1:394669845002:workteam/public-crowd/default', PublicWorkforceTaskPrice: price }),
      human({ PreHumanTaskLambdaArn: preLambda('PRE-Adjustment3DPointCloudSemanticSegmentation', 'eu-west-1', '568282634449'), WorkteamArn: 'arn:aws:sagemaker:eu-west-1:394669845002:workteam/public-crowd/default', PublicWorkforceTaskPrice: price }),
    ],
    // A private work team; Mechanical Turk for another task type (video classification is no video frame task).
    ok: [
      human({ PreHumanTaskLambdaArn: preLambda('PRE-VideoObjectTracking'), WorkteamArn: 'arn:aws:sagemaker:us-east-1:111122223333:workteam/private-crowd/labelers' }),
      human({ PreHumanTaskLambdaArn: preLambda('PRE-VideoMultiClass'), WorkteamArn: 'arn:aws:sagemaker:us-east-1:394669845002:workteam/public-crowd/default', PublicWorkforceTaskPrice: price }),
    ],
    dynamic: [
      human({ PreHumanTaskLambdaArn: preLambda('PRE-VideoObjectTracking'), 'WorkteamArn.$': '$.workteam' }),
      human({ 'PreHumanTaskLambdaArn.$': '$.lambda', WorkteamArn: 'arn:aws:sagemaker:us-east-1:394669845002:workteam/public-crowd/default', PublicWorkforceTaskPrice: price }),
      human({ PreHumanTaskLambdaArn: preLambda('PRE-3DPointCloudObjectDetection'), WorkteamArn: '{% $states.input.workteam %}' }),
    ],
  },
  'mechanical-turk-needs-task-price': {
    api: 'createLabelingJob',
    bad: [
      human({ PreHumanTaskLambdaArn: preLambda('PRE-TextMultiClass'), WorkteamArn: 'arn:aws:sagemaker:us-east-1:394669845002:workteam/public-crowd/default' }),
      human({ WorkteamArn: 'arn:aws:sagemaker:ap-northeast-1:394669845002:workteam/public-crowd/default' }),
    ],
    ok: [
      human({ PreHumanTaskLambdaArn: preLambda('PRE-TextMultiClass'), WorkteamArn: 'arn:aws:sagemaker:us-east-1:394669845002:workteam/public-crowd/default', PublicWorkforceTaskPrice: price }),
      human({ PreHumanTaskLambdaArn: preLambda('PRE-TextMultiClass'), WorkteamArn: 'arn:aws:sagemaker:us-east-1:111122223333:workteam/private-crowd/labelers' }),
    ],
    dynamic: [
      human({ 'WorkteamArn.$': '$.workteam' }),
      human({ WorkteamArn: 'arn:aws:sagemaker:${AWS::Region}:394669845002:workteam/public-crowd/default' }),
      human({ WorkteamArn: 'arn:aws:sagemaker:us-east-1:394669845002:workteam/public-crowd/default', 'PublicWorkforceTaskPrice.$': '$.price' }),
      human({ WorkteamArn: '{% $states.input.workteam %}' }),
    ],
  },
  'tag-key-not-aws-prefix': {
    api: 'createModel',
    bad: [{ Tags: [{ Key: 'aws:owner', Value: 'ml' }] }, { Tags: [{ Key: 'team', Value: 'a' }, { Key: 'aws:cloudformation:stack-name', Value: 's' }] }],
    // The prefix elsewhere in the key, or in the value; a key that only begins with "aws".
    ok: [{ Tags: [{ Key: 'team:aws:owner', Value: 'aws:ml' }] }, { Tags: [{ Key: 'aws-owner', Value: 'ml' }] }, { Tags: [{ Key: 'awsteam', Value: 'ml' }] }],
    dynamic: [{ Tags: [{ 'Key.$': '$.key', Value: 'ml' }] }, { Tags: [{ Key: '${TagKey}', Value: 'ml' }] }, { Tags: [{ Key: '{% $states.input.key %}', Value: 'ml' }] }],
  },
  'tuning-objective-among-metric-definitions': {
    api: 'createHyperParameterTuningJob',
    bad: {
      HyperParameterTuningJobConfig: { Strategy: 'Bayesian', ResourceLimits: { MaxParallelTrainingJobs: 1 }, HyperParameterTuningJobObjective: { Type: 'Maximize', MetricName: 'validation:f1' } },
      TrainingJobDefinition: { AlgorithmSpecification: { TrainingImage: 'i', TrainingInputMode: 'File', MetricDefinitions: [{ Name: 'validation:auc', Regex: 'auc=(.*)' }] } },
    },
    // Among them; no MetricDefinitions (a built-in algorithm's own metrics), or an empty list.
    ok: [
      { HyperParameterTuningJobConfig: { Strategy: 'Bayesian', ResourceLimits: { MaxParallelTrainingJobs: 1 }, HyperParameterTuningJobObjective: { Type: 'Maximize', MetricName: 'validation:f1' } }, TrainingJobDefinition: { AlgorithmSpecification: { TrainingImage: 'i', TrainingInputMode: 'File', MetricDefinitions: [{ Name: 'validation:auc', Regex: 'a' }, { Name: 'validation:f1', Regex: 'f' }] } } },
      { HyperParameterTuningJobConfig: { Strategy: 'Bayesian', ResourceLimits: { MaxParallelTrainingJobs: 1 }, HyperParameterTuningJobObjective: { Type: 'Maximize', MetricName: 'validation:auc' } }, TrainingJobDefinition: { AlgorithmSpecification: { TrainingImage: 'xgboost', TrainingInputMode: 'File' } } },
      { HyperParameterTuningJobConfig: { Strategy: 'Bayesian', ResourceLimits: { MaxParallelTrainingJobs: 1 }, HyperParameterTuningJobObjective: { Type: 'Maximize', MetricName: 'validation:auc' } }, TrainingJobDefinition: { AlgorithmSpecification: { TrainingImage: 'i', TrainingInputMode: 'File', MetricDefinitions: [] } } },
    ],
    dynamic: [
      { HyperParameterTuningJobConfig: { Strategy: 'Bayesian', ResourceLimits: { MaxParallelTrainingJobs: 1 }, HyperParameterTuningJobObjective: { Type: 'Maximize', 'MetricName.$': '$.metric' } }, TrainingJobDefinition: { AlgorithmSpecification: { TrainingImage: 'i', TrainingInputMode: 'File', MetricDefinitions: [{ Name: 'validation:auc', Regex: 'a' }] } } },
      { HyperParameterTuningJobConfig: { Strategy: 'Bayesian', ResourceLimits: { MaxParallelTrainingJobs: 1 }, HyperParameterTuningJobObjective: { Type: 'Maximize', MetricName: 'validation:f1' } }, TrainingJobDefinition: { AlgorithmSpecification: { TrainingImage: 'i', TrainingInputMode: 'File', MetricDefinitions: [{ Name: 'validation:auc', Regex: 'a' }, { Name: '${ObjectiveMetric}', Regex: 'f' }] } } },
      { HyperParameterTuningJobConfig: { Strategy: 'Bayesian', ResourceLimits: { MaxParallelTrainingJobs: 1 }, HyperParameterTuningJobObjective: { Type: 'Maximize', MetricName: 'validation:f1' } }, TrainingJobDefinition: { AlgorithmSpecification: { TrainingImage: 'i', TrainingInputMode: 'File', 'MetricDefinitions.$': '$.metrics' } } },
    ],
  },
  'training-definition-objective-among-metric-definitions': {
    api: 'createHyperParameterTuningJob',
    // The second definition's objective is not among its own metrics (the first one's are no help).
    bad: {
      ...tuning({}),
      TrainingJobDefinitions: [
        { DefinitionName: 'a', TuningObjective: { Type: 'Maximize', MetricName: 'f1' }, AlgorithmSpecification: { TrainingImage: 'a', TrainingInputMode: 'File', MetricDefinitions: [{ Name: 'f1', Regex: 'f' }] } },
        { DefinitionName: 'b', TuningObjective: { Type: 'Maximize', MetricName: 'f1' }, AlgorithmSpecification: { TrainingImage: 'b', TrainingInputMode: 'File', MetricDefinitions: [{ Name: 'auc', Regex: 'a' }] } },
      ],
    },
    ok: { ...tuning({}), TrainingJobDefinitions: [{ DefinitionName: 'a', TuningObjective: { Type: 'Maximize', MetricName: 'f1' }, AlgorithmSpecification: { TrainingImage: 'a', TrainingInputMode: 'File', MetricDefinitions: [{ Name: 'f1', Regex: 'f' }] } }, { DefinitionName: 'b', TuningObjective: { Type: 'Maximize', MetricName: 'validation:auc' }, AlgorithmSpecification: { TrainingImage: 'xgboost', TrainingInputMode: 'File' } }] },
    dynamic: { ...tuning({}), TrainingJobDefinitions: [{ DefinitionName: 'b', TuningObjective: { Type: 'Maximize', MetricName: '{% $states.input.metric %}' }, AlgorithmSpecification: { TrainingImage: 'b', TrainingInputMode: 'File', MetricDefinitions: [{ Name: 'auc', Regex: 'a' }] } }] },
  },
  'tuning-hyperparameters-total-100': {
    api: 'createHyperParameterTuningJob',
    bad: [
      { ...tuning({ ParameterRanges: { ContinuousParameterRanges: ranges(10) } }), TrainingJobDefinitions: undefined, TrainingJobDefinition: { StaticHyperParameters: env(91, 1) } },
      { ...tuning({ ParameterRanges: { IntegerParameterRanges: ranges(5), CategoricalParameterRanges: ranges(5) } }), TrainingJobDefinitions: undefined, TrainingJobDefinition: { StaticHyperParameters: env(91, 1) } },
    ],
    // 100 in all; static ones alone (the model's own maximum says more than 100 of them).
    ok: [
      { ...tuning({ ParameterRanges: { ContinuousParameterRanges: ranges(10) } }), TrainingJobDefinitions: undefined, TrainingJobDefinition: { StaticHyperParameters: env(90, 1) } },
      { ...tuning({}), TrainingJobDefinitions: undefined, TrainingJobDefinition: { StaticHyperParameters: env(100, 1) } },
    ],
    dynamic: [
      { ...tuning({ ParameterRanges: { ContinuousParameterRanges: ranges(10) } }), TrainingJobDefinitions: undefined, TrainingJobDefinition: { 'StaticHyperParameters.$': '$.static' } },
      { ...tuning({ ParameterRanges: { 'ContinuousParameterRanges.$': '$.ranges' } }), TrainingJobDefinitions: undefined, TrainingJobDefinition: { StaticHyperParameters: env(91, 1) } },
    ],
  },
  'training-definition-hyperparameters-total-100': {
    api: 'createHyperParameterTuningJob',
    bad: { ...tuning({}), TrainingJobDefinitions: [{ DefinitionName: 'a', StaticHyperParameters: env(2, 1) }, { DefinitionName: 'b', StaticHyperParameters: env(91, 1), HyperParameterRanges: { IntegerParameterRanges: ranges(10) } }] },
    // Each definition at most 100 (two of 60 are not counted together).
    ok: { ...tuning({}), TrainingJobDefinitions: [{ DefinitionName: 'a', StaticHyperParameters: env(50, 1), HyperParameterRanges: { IntegerParameterRanges: ranges(10) } }, { DefinitionName: 'b', StaticHyperParameters: env(90, 1), HyperParameterRanges: { IntegerParameterRanges: ranges(10) } }] },
    dynamic: { ...tuning({}), TrainingJobDefinitions: [{ DefinitionName: 'b', StaticHyperParameters: env(91, 1), 'HyperParameterRanges.$': '$.ranges' }] },
  },
  'serverless-no-vpc-config': {
    api: 'createEndpointConfig',
    bad: { ...serverless({}), VpcConfig: { SecurityGroupIds: ['sg-1'], Subnets: ['subnet-1'] } },
    ok: [variant({ InstanceType: 'ml.m5.large', InitialInstanceCount: 1 }), { ...variant({ InstanceType: 'ml.m5.large', InitialInstanceCount: 1 }), VpcConfig: { SecurityGroupIds: ['sg-1'], Subnets: ['subnet-1'] } }],
    dynamic: [{ ...serverless({}), 'VpcConfig.$': '$.vpc' }, { ...variant({ 'ServerlessConfig.$': '$.serverless' }), VpcConfig: { SecurityGroupIds: ['sg-1'], Subnets: ['subnet-1'] } }],
  },
  'serverless-no-network-isolation': {
    api: 'createEndpointConfig',
    bad: { ...serverless({}), EnableNetworkIsolation: true },
    ok: [{ ...serverless({}), EnableNetworkIsolation: false }, { ...variant({ InstanceType: 'ml.m5.large', InitialInstanceCount: 1 }), EnableNetworkIsolation: true }],
    dynamic: [{ ...serverless({}), EnableNetworkIsolation: '{% $states.input.isolate %}' }, { ...serverless({}), 'EnableNetworkIsolation.$': '$.isolate' }],
  },
  'serverless-no-data-capture': {
    api: 'createEndpointConfig',
    bad: [
      { ...serverless({}), DataCaptureConfig: { InitialSamplingPercentage: 50, DestinationS3Uri: 's3://b/capture/', CaptureOptions: [{ CaptureMode: 'Input' }] } },
      { ...serverless({}), DataCaptureConfig: { EnableCapture: true, InitialSamplingPercentage: 50, DestinationS3Uri: 's3://b/capture/', CaptureOptions: [{ CaptureMode: 'Input' }] } },
    ],
    ok: [
      { ...serverless({}), DataCaptureConfig: { EnableCapture: false, InitialSamplingPercentage: 50, DestinationS3Uri: 's3://b/capture/', CaptureOptions: [{ CaptureMode: 'Input' }] } },
      { ...variant({ InstanceType: 'ml.m5.large', InitialInstanceCount: 1 }), DataCaptureConfig: { InitialSamplingPercentage: 50, DestinationS3Uri: 's3://b/capture/', CaptureOptions: [{ CaptureMode: 'Input' }] } },
    ],
    dynamic: [
      { ...serverless({}), DataCaptureConfig: { 'EnableCapture.$': '$.capture', InitialSamplingPercentage: 50, DestinationS3Uri: 's3://b/capture/', CaptureOptions: [{ CaptureMode: 'Input' }] } },
      { ...serverless({}), 'DataCaptureConfig.$': '$.capture' },
    ],
  },
  'serverless-one-production-variant': {
    api: 'createEndpointConfig',
    bad: [
      { ProductionVariants: [{ VariantName: 'a', ServerlessConfig: { MemorySizeInMB: 1024, MaxConcurrency: 5 } }, { VariantName: 'b', ServerlessConfig: { MemorySizeInMB: 1024, MaxConcurrency: 5 } }] },
      { ProductionVariants: [{ VariantName: 'a', InstanceType: 'ml.m5.large', InitialInstanceCount: 1 }, { VariantName: 'b', ServerlessConfig: { MemorySizeInMB: 1024, MaxConcurrency: 5 } }] },
    ],
    ok: [serverless({}), { ProductionVariants: [{ VariantName: 'a', InstanceType: 'ml.m5.large', InitialInstanceCount: 1 }, { VariantName: 'b', InstanceType: 'ml.m5.large', InitialInstanceCount: 1 }] }],
    dynamic: { ProductionVariants: [{ VariantName: 'a', 'ServerlessConfig.$': '$.serverless' }, { VariantName: 'b', InstanceType: 'ml.m5.large', InitialInstanceCount: 1 }] },
  },
  'shadow-variants-not-with-async': {
    api: 'createEndpointConfig',
    bad: { ProductionVariants: [{ VariantName: 'prod' }], ShadowProductionVariants: [{ VariantName: 'shadow' }], AsyncInferenceConfig: { OutputConfig: { S3OutputPath: 's3://b/async/' } } },
    ok: [{ ProductionVariants: [{ VariantName: 'prod' }], ShadowProductionVariants: [{ VariantName: 'shadow' }] }, { ProductionVariants: [{ VariantName: 'prod' }], AsyncInferenceConfig: { OutputConfig: { S3OutputPath: 's3://b/async/' } } }],
    dynamic: [{ ProductionVariants: [{ VariantName: 'prod' }], 'ShadowProductionVariants.$': '$.shadows', AsyncInferenceConfig: { OutputConfig: { S3OutputPath: 's3://b/async/' } } }, { ProductionVariants: [{ VariantName: 'prod' }], ShadowProductionVariants: [{ VariantName: 'shadow' }], AsyncInferenceConfig: '{% $states.input.async %}' }],
  },
  'shadow-variants-not-inf1': {
    api: 'createEndpointConfig',
    bad: { ProductionVariants: [{ VariantName: 'prod', InstanceType: 'ml.inf1.xlarge', InitialInstanceCount: 1 }], ShadowProductionVariants: [{ VariantName: 'shadow', InstanceType: 'ml.m5.large', InitialInstanceCount: 1 }] },
    ok: [
      { ProductionVariants: [{ VariantName: 'prod', InstanceType: 'ml.inf2.xlarge', InitialInstanceCount: 1 }], ShadowProductionVariants: [{ VariantName: 'shadow', InstanceType: 'ml.m5.large', InitialInstanceCount: 1 }] },
      { ProductionVariants: [{ VariantName: 'prod', InstanceType: 'ml.inf1.xlarge', InitialInstanceCount: 1 }] },
    ],
    dynamic: { ProductionVariants: [{ VariantName: 'prod', 'InstanceType.$': '$.type', InitialInstanceCount: 1 }], ShadowProductionVariants: [{ VariantName: 'shadow', InstanceType: 'ml.m5.large', InitialInstanceCount: 1 }] },
  },
  'shadow-variants-not-serverless': {
    api: 'createEndpointConfig',
    bad: [
      { ProductionVariants: [{ VariantName: 'prod', ServerlessConfig: { MemorySizeInMB: 2048, MaxConcurrency: 20 } }], ShadowProductionVariants: [{ VariantName: 'shadow', ServerlessConfig: { MemorySizeInMB: 2048, MaxConcurrency: 20 } }] },
      { ProductionVariants: [{ VariantName: 'prod', ServerlessConfig: { MemorySizeInMB: 2048, MaxConcurrency: 20 } }], ShadowProductionVariants: [{ VariantName: 'shadow', InstanceType: 'ml.m5.large', InitialInstanceCount: 1 }] },
    ],
    // Instance-based production variants (a serverless shadow variant beside them is not judged).
    ok: [
      { ProductionVariants: [{ VariantName: 'prod', InstanceType: 'ml.m5.large', InitialInstanceCount: 1 }], ShadowProductionVariants: [{ VariantName: 'shadow', InstanceType: 'ml.m5.large', InitialInstanceCount: 1 }] },
      { ProductionVariants: [{ VariantName: 'prod', InstanceType: 'ml.m5.large', InitialInstanceCount: 1 }], ShadowProductionVariants: [{ VariantName: 'shadow', ServerlessConfig: { MemorySizeInMB: 2048, MaxConcurrency: 20 } }] },
    ],
    dynamic: [
      { ProductionVariants: [{ VariantName: 'prod', 'ServerlessConfig.$': '$.serverless' }], ShadowProductionVariants: [{ VariantName: 'shadow', InstanceType: 'ml.m5.large', InitialInstanceCount: 1 }] },
      { ProductionVariants: [{ VariantName: 'prod', ServerlessConfig: { MemorySizeInMB: 2048, MaxConcurrency: 20 } }], 'ShadowProductionVariants.$': '$.shadows' },
    ],
  },
  'tuning-bayesian-jobs-750': {
    api: 'createHyperParameterTuningJob',
    bad: tuning({ ResourceLimits: { MaxNumberOfTrainingJobs: 751, MaxParallelTrainingJobs: 1 } }),
    ok: [tuning({ ResourceLimits: { MaxNumberOfTrainingJobs: 750, MaxParallelTrainingJobs: 1 } }), tuning({ Strategy: 'Random', ResourceLimits: { MaxNumberOfTrainingJobs: 751, MaxParallelTrainingJobs: 1 } })],
    dynamic: [tuning({ ResourceLimits: { 'MaxNumberOfTrainingJobs.$': '$.jobs', MaxParallelTrainingJobs: 1 } }), tuning({ 'Strategy.$': '$.strategy', ResourceLimits: { MaxNumberOfTrainingJobs: 751, MaxParallelTrainingJobs: 1 } })],
  },
  'tuning-hyperband-jobs-750': {
    api: 'createHyperParameterTuningJob',
    bad: tuning({ Strategy: 'Hyperband', ResourceLimits: { MaxNumberOfTrainingJobs: 1000, MaxParallelTrainingJobs: 1 } }),
    ok: tuning({ Strategy: 'Hyperband', ResourceLimits: { MaxNumberOfTrainingJobs: 750, MaxParallelTrainingJobs: 1 } }),
    dynamic: tuning({ Strategy: 'Hyperband', ResourceLimits: { MaxNumberOfTrainingJobs: '{% $states.input.jobs %}', MaxParallelTrainingJobs: 1 } }),
  },
  'tuning-grid-jobs-750': {
    api: 'createHyperParameterTuningJob',
    bad: tuning({ Strategy: 'Grid', ResourceLimits: { MaxNumberOfTrainingJobs: 900, MaxParallelTrainingJobs: 1 } }),
    ok: [tuning({ Strategy: 'Grid', ResourceLimits: { MaxNumberOfTrainingJobs: 750, MaxParallelTrainingJobs: 1 } }), tuning({ Strategy: 'Grid', ResourceLimits: { MaxParallelTrainingJobs: 1 } })],
    dynamic: tuning({ Strategy: 'Grid', ResourceLimits: { MaxNumberOfTrainingJobs: '${MaxJobs}', MaxParallelTrainingJobs: 1 } }),
  },
  'tuning-random-jobs-10000': {
    api: 'createHyperParameterTuningJob',
    bad: tuning({ Strategy: 'Random', ResourceLimits: { MaxNumberOfTrainingJobs: 10001, MaxParallelTrainingJobs: 1 } }),
    ok: [tuning({ Strategy: 'Random', ResourceLimits: { MaxNumberOfTrainingJobs: 10000, MaxParallelTrainingJobs: 1 } }), tuning({ Strategy: 'Random', ResourceLimits: { MaxNumberOfTrainingJobs: 5000, MaxParallelTrainingJobs: 1 } })],
    dynamic: tuning({ Strategy: 'Random', ResourceLimits: { 'MaxNumberOfTrainingJobs.$': '$.jobs', MaxParallelTrainingJobs: 1 } }),
  },
  'tuning-parallel-jobs-100': {
    api: 'createHyperParameterTuningJob',
    bad: tuning({ ResourceLimits: { MaxNumberOfTrainingJobs: 200, MaxParallelTrainingJobs: 101 } }),
    ok: tuning({ ResourceLimits: { MaxNumberOfTrainingJobs: 200, MaxParallelTrainingJobs: 100 } }),
    dynamic: tuning({ ResourceLimits: { MaxNumberOfTrainingJobs: 200, 'MaxParallelTrainingJobs.$': '$.parallel' } }),
  },
  'canary-routing-needs-canary-size': {
    api: 'updateEndpoint',
    bad: traffic({ Type: 'CANARY' }),
    ok: [traffic({ Type: 'CANARY', CanarySize: { Type: 'INSTANCE_COUNT', Value: 1 } }), traffic({ Type: 'ALL_AT_ONCE' }), traffic({ Type: 'LINEAR', LinearStepSize: { Type: 'CAPACITY_PERCENT', Value: 20 } })],
    dynamic: [traffic({ 'Type.$': '$.routing' }), traffic({ Type: 'CANARY', 'CanarySize.$': '$.size' })],
  },
  'linear-routing-needs-step-size': {
    api: 'createEndpoint',
    bad: traffic({ Type: 'LINEAR' }),
    ok: [traffic({ Type: 'LINEAR', LinearStepSize: { Type: 'CAPACITY_PERCENT', Value: 20 } }), traffic({ Type: 'CANARY', CanarySize: { Type: 'INSTANCE_COUNT', Value: 1 } })],
    dynamic: [traffic({ Type: '{% $states.input.routing %}' }), traffic({ Type: 'LINEAR', LinearStepSize: '{% $states.input.step %}' })],
  },
  'streaming-labeling-stopping-conditions-ignored': {
    api: 'createLabelingJob',
    bad: { InputConfig: { DataSource: { SnsDataSource: { SnsTopicArn: 'arn:aws:sns:us-east-1:111122223333:in' } } }, StoppingConditions: { MaxHumanLabeledObjectCount: 100 } },
    ok: [{ InputConfig: { DataSource: { SnsDataSource: { SnsTopicArn: 'arn:aws:sns:us-east-1:111122223333:in' } } } }, { InputConfig: { DataSource: { S3DataSource: { ManifestS3Uri: 's3://b/m.json' } } }, StoppingConditions: { MaxHumanLabeledObjectCount: 100 } }],
    dynamic: [{ InputConfig: { DataSource: { 'SnsDataSource.$': '$.sns' } }, StoppingConditions: { MaxHumanLabeledObjectCount: 100 } }, { InputConfig: { DataSource: { SnsDataSource: { SnsTopicArn: 'arn:aws:sns:us-east-1:111122223333:in' } } }, 'StoppingConditions.$': '$.stop' }],
  },
  'excluded-variant-properties-need-retain': {
    api: 'updateEndpoint',
    bad: { EndpointName: 'e', EndpointConfigName: 'c2', ExcludeRetainedVariantProperties: [{ VariantPropertyType: 'DesiredWeight' }] },
    ok: [
      { EndpointName: 'e', EndpointConfigName: 'c2', RetainAllVariantProperties: true, ExcludeRetainedVariantProperties: [{ VariantPropertyType: 'DesiredWeight' }] },
      { EndpointName: 'e', EndpointConfigName: 'c2', RetainAllVariantProperties: false },
    ],
    dynamic: [{ EndpointName: 'e', EndpointConfigName: 'c2', 'RetainAllVariantProperties.$': '$.retain', ExcludeRetainedVariantProperties: [{ VariantPropertyType: 'DesiredWeight' }] }],
  },
  'transform-csv-join-split-line': {
    api: 'createTransformJob',
    bad: [
      { TransformInput: { ContentType: 'text/csv', SplitType: 'None' }, TransformOutput: { Accept: 'text/csv', AssembleWith: 'Line' }, DataProcessing: { JoinSource: 'Input' } },
      { TransformInput: { ContentType: 'text/csv' }, TransformOutput: { Accept: 'text/csv', AssembleWith: 'Line' }, DataProcessing: { JoinSource: 'Input' } },
    ],
    // Lines; no join; JSON Lines (the page lets it choose).
    ok: [
      { TransformInput: { ContentType: 'text/csv', SplitType: 'Line' }, TransformOutput: { Accept: 'text/csv', AssembleWith: 'Line' }, DataProcessing: { JoinSource: 'Input' } },
      { TransformInput: { ContentType: 'text/csv', SplitType: 'None' }, TransformOutput: { Accept: 'text/csv', AssembleWith: 'None' }, DataProcessing: { JoinSource: 'None' } },
      { TransformInput: { ContentType: 'application/jsonlines', SplitType: 'None' }, TransformOutput: { Accept: 'application/jsonlines', AssembleWith: 'None' }, DataProcessing: { JoinSource: 'Input' } },
    ],
    dynamic: [
      { TransformInput: { ContentType: 'text/csv', 'SplitType.$': '$.split' }, TransformOutput: { Accept: 'text/csv', AssembleWith: 'Line' }, DataProcessing: { JoinSource: 'Input' } },
      { TransformInput: { 'ContentType.$': '$.type', SplitType: 'None' }, TransformOutput: { Accept: 'text/csv', AssembleWith: 'Line' }, DataProcessing: { JoinSource: 'Input' } },
    ],
  },
  'transform-csv-join-assemble-line': {
    api: 'createTransformJob',
    bad: { TransformInput: { ContentType: 'text/csv', SplitType: 'Line' }, TransformOutput: { Accept: 'text/csv', AssembleWith: 'None' }, DataProcessing: { JoinSource: 'Input' } },
    ok: [
      { TransformInput: { ContentType: 'text/csv', SplitType: 'Line' }, TransformOutput: { Accept: 'text/csv', AssembleWith: 'Line' }, DataProcessing: { JoinSource: 'Input' } },
      { TransformInput: { ContentType: 'text/csv', SplitType: 'Line' }, TransformOutput: { Accept: 'text/csv' }, DataProcessing: { JoinSource: 'Input' } },
    ],
    dynamic: { TransformInput: { ContentType: 'text/csv', SplitType: 'Line' }, TransformOutput: { Accept: 'text/csv', AssembleWith: '{% $states.input.assemble %}' }, DataProcessing: { JoinSource: 'Input' } },
  },
  'transform-join-content-type': {
    api: 'createTransformJob',
    bad: { TransformInput: { ContentType: 'image/jpeg', SplitType: 'None' }, TransformOutput: { Accept: 'application/json' }, DataProcessing: { JoinSource: 'Input' } },
    ok: [
      { TransformInput: { ContentType: 'application/json', SplitType: 'None' }, TransformOutput: { Accept: 'application/json' }, DataProcessing: { JoinSource: 'Input' } },
      { TransformInput: { ContentType: 'image/jpeg', SplitType: 'None' }, TransformOutput: { Accept: 'application/json' } },
      { TransformInput: { SplitType: 'None' }, TransformOutput: { Accept: 'application/json' }, DataProcessing: { JoinSource: 'Input' } },
    ],
    dynamic: [{ TransformInput: { ContentType: '${ContentType}', SplitType: 'None' }, TransformOutput: { Accept: 'application/json' }, DataProcessing: { JoinSource: 'Input' } }, { TransformInput: { ContentType: 'image/jpeg', SplitType: 'None' }, TransformOutput: { Accept: 'application/json' }, DataProcessing: { 'JoinSource.$': '$.join' } }],
  },
  'transform-join-accept': {
    api: 'createTransformJob',
    bad: { TransformInput: { ContentType: 'application/json', SplitType: 'None' }, TransformOutput: { Accept: 'application/x-recordio-protobuf' }, DataProcessing: { JoinSource: 'Input' } },
    ok: { TransformInput: { ContentType: 'application/json', SplitType: 'None' }, TransformOutput: { Accept: 'application/jsonlines' }, DataProcessing: { JoinSource: 'Input' } },
    dynamic: { TransformInput: { ContentType: 'application/json', SplitType: 'None' }, TransformOutput: { 'Accept.$': '$.accept' }, DataProcessing: { JoinSource: 'Input' } },
  },
  'pipeline-one-multi-model-container': {
    api: 'createModel',
    bad: [
      { Containers: [{ Image: 'a', Mode: 'MultiModel', ModelDataUrl: 's3://b/a/' }, { Image: 'b', Mode: 'MultiModel', ModelDataUrl: 's3://b/b/' }] },
      { Containers: [{ Image: 'a', Mode: 'MultiModel', ModelDataUrl: 's3://b/a/' }, { Image: 'p' }, { Image: 'b', Mode: 'MultiModel', ModelDataUrl: 's3://b/b/' }] },
    ],
    // One MultiModel container; SingleModel ones may repeat.
    ok: [{ Containers: [{ Image: 'a', Mode: 'MultiModel', ModelDataUrl: 's3://b/a/' }, { Image: 'b', Mode: 'SingleModel' }, { Image: 'c', Mode: 'SingleModel' }] }],
    dynamic: [{ Containers: [{ Image: 'a', Mode: 'MultiModel', ModelDataUrl: 's3://b/a/' }, { Image: 'b', 'Mode.$': '$.mode' }] }, { Containers: [{ Image: 'a', Mode: 'MultiModel', ModelDataUrl: 's3://b/a/' }, '{% $states.input.container %}'] }],
  },
  'auto-labeling-image-classification-algorithm': {
    api: 'createLabelingJob',
    bad: { ...human({ PreHumanTaskLambdaArn: preLambda('PRE-ImageMultiClass') }), ...algorithm('arn:aws:sagemaker:us-east-1:027400017018:labeling-job-algorithm-specification/object-detection') },
    ok: [{ ...human({ PreHumanTaskLambdaArn: preLambda('PRE-ImageMultiClass') }), ...algorithm('arn:aws:sagemaker:us-east-1:027400017018:labeling-job-algorithm-specification/image-classification') }, human({ PreHumanTaskLambdaArn: preLambda('PRE-ImageMultiClass') })],
    dynamic: [{ ...human({ PreHumanTaskLambdaArn: preLambda('PRE-ImageMultiClass') }), ...algorithm('{% $states.input.algorithm %}') }, { ...human({ 'PreHumanTaskLambdaArn.$': '$.pre' }), ...algorithm('arn:aws:sagemaker:us-east-1:027400017018:labeling-job-algorithm-specification/object-detection') }],
  },
  'auto-labeling-object-detection-algorithm': {
    api: 'createLabelingJob',
    bad: { ...human({ PreHumanTaskLambdaArn: preLambda('PRE-BoundingBox') }), ...algorithm('arn:aws:sagemaker:us-east-1:027400017018:labeling-job-algorithm-specification/image-classification') },
    ok: { ...human({ PreHumanTaskLambdaArn: preLambda('PRE-BoundingBox', 'eu-west-1', '568282634449') }), ...algorithm('arn:aws:sagemaker:eu-west-1:027400017018:labeling-job-algorithm-specification/object-detection') },
    dynamic: { ...human({ PreHumanTaskLambdaArn: preLambda('PRE-BoundingBox') }), LabelingJobAlgorithmsConfig: { 'LabelingJobAlgorithmSpecificationArn.$': '$.algorithm' } },
  },
  'auto-labeling-semantic-segmentation-algorithm': {
    api: 'createLabelingJob',
    bad: { ...human({ PreHumanTaskLambdaArn: preLambda('PRE-SemanticSegmentation') }), ...algorithm('arn:aws:sagemaker:us-east-1:027400017018:labeling-job-algorithm-specification/object-detection') },
    ok: { ...human({ PreHumanTaskLambdaArn: preLambda('PRE-SemanticSegmentation') }), ...algorithm('arn:aws:sagemaker:us-east-1:027400017018:labeling-job-algorithm-specification/semantic-segmentation') },
    dynamic: { ...human({ PreHumanTaskLambdaArn: preLambda('PRE-SemanticSegmentation') }), ...algorithm('arn:aws:sagemaker:${AWS::Region}:027400017018:labeling-job-algorithm-specification/${Algorithm}') },
  },
  'labeling-lambdas-same-task-type': {
    api: 'createLabelingJob',
    bad: human({ PreHumanTaskLambdaArn: preLambda('PRE-TextMultiClass'), AnnotationConsolidationConfig: { AnnotationConsolidationLambdaArn: preLambda('ACS-BoundingBox') } }),
    ok: [
      human({ PreHumanTaskLambdaArn: preLambda('PRE-TextMultiClass'), AnnotationConsolidationConfig: { AnnotationConsolidationLambdaArn: preLambda('ACS-TextMultiClass') } }),
      human({ PreHumanTaskLambdaArn: 'arn:aws:lambda:us-east-1:111122223333:function:my-pre', AnnotationConsolidationConfig: { AnnotationConsolidationLambdaArn: preLambda('ACS-BoundingBox') } }),
    ],
    dynamic: human({ 'PreHumanTaskLambdaArn.$': '$.pre', AnnotationConsolidationConfig: { AnnotationConsolidationLambdaArn: preLambda('ACS-BoundingBox') } }),
  },
  'labeling-resources-one-region': {
    api: 'createLabelingJob',
    bad: human({ WorkteamArn: 'arn:aws:sagemaker:us-east-1:111122223333:workteam/private-crowd/team', PreHumanTaskLambdaArn: preLambda('PRE-TextMultiClass', 'us-west-2', '081040173940'), AnnotationConsolidationConfig: { AnnotationConsolidationLambdaArn: preLambda('ACS-TextMultiClass') } }),
    ok: [
      human({ WorkteamArn: 'arn:aws:sagemaker:us-west-2:111122223333:workteam/private-crowd/team', PreHumanTaskLambdaArn: preLambda('PRE-TextMultiClass', 'us-west-2', '081040173940'), AnnotationConsolidationConfig: { AnnotationConsolidationLambdaArn: preLambda('ACS-TextMultiClass', 'us-west-2', '081040173940') } }),
      human({ WorkteamArn: 'arn:aws:sagemaker:us-east-1:111122223333:workteam/private-crowd/team', PreHumanTaskLambdaArn: 'arn:aws:lambda:us-west-2:111122223333:function:my-pre', AnnotationConsolidationConfig: { AnnotationConsolidationLambdaArn: preLambda('ACS-TextMultiClass') } }),
    ],
    dynamic: human({ 'WorkteamArn.$': '$.team', PreHumanTaskLambdaArn: preLambda('PRE-TextMultiClass', 'us-west-2', '081040173940'), AnnotationConsolidationConfig: { AnnotationConsolidationLambdaArn: '{% $states.input.acs %}' } }),
  },
  'auto-labeling-text-classification-algorithm': {
    api: 'createLabelingJob',
    bad: { ...human({ PreHumanTaskLambdaArn: preLambda('PRE-TextMultiClass') }), ...algorithm('arn:aws:sagemaker:us-east-1:027400017018:labeling-job-algorithm-specification/image-classification') },
    ok: { ...human({ PreHumanTaskLambdaArn: preLambda('PRE-TextMultiClass') }), ...algorithm('arn:aws:sagemaker:us-east-1:027400017018:labeling-job-algorithm-specification/text-classification') },
    dynamic: { ...human({ PreHumanTaskLambdaArn: '{% $states.input.pre %}' }), ...algorithm('arn:aws:sagemaker:us-east-1:027400017018:labeling-job-algorithm-specification/image-classification') },
  },
  'auto-labeling-supported-task-types': {
    api: 'createLabelingJob',
    // Multi-label, named entities, an adjustment job, 3D point cloud segmentation, a custom Lambda.
    bad: [
      { ...human({ PreHumanTaskLambdaArn: preLambda('PRE-ImageMultiClassMultiLabel') }), ...algorithm('arn:aws:sagemaker:us-east-1:027400017018:labeling-job-algorithm-specification/image-classification') },
      { ...human({ PreHumanTaskLambdaArn: preLambda('PRE-NamedEntityRecognition') }), ...algorithm('arn:aws:sagemaker:us-east-1:027400017018:labeling-job-algorithm-specification/text-classification') },
      { ...human({ PreHumanTaskLambdaArn: preLambda('PRE-AdjustmentBoundingBox') }), ...algorithm('arn:aws:sagemaker:us-east-1:027400017018:labeling-job-algorithm-specification/object-detection') },
      { ...human({ PreHumanTaskLambdaArn: preLambda('PRE-3DPointCloudSemanticSegmentation') }), ...algorithm('arn:aws:sagemaker:us-east-1:027400017018:labeling-job-algorithm-specification/semantic-segmentation') },
      { ...human({ PreHumanTaskLambdaArn: 'arn:aws:lambda:us-east-1:111122223333:function:my-pre-annotation' }), ...algorithm('arn:aws:sagemaker:us-east-1:027400017018:labeling-job-algorithm-specification/image-classification') },
    ],
    // The four task types; no auto-labeling; a video tracking job (its own rule says it).
    ok: [
      { ...human({ PreHumanTaskLambdaArn: preLambda('PRE-TextMultiClass') }), ...algorithm('arn:aws:sagemaker:us-east-1:027400017018:labeling-job-algorithm-specification/text-classification') },
      human({ PreHumanTaskLambdaArn: 'arn:aws:lambda:us-east-1:111122223333:function:my-pre-annotation' }),
    ],
    dynamic: [
      { ...human({ 'PreHumanTaskLambdaArn.$': '$.pre' }), ...algorithm('arn:aws:sagemaker:us-east-1:027400017018:labeling-job-algorithm-specification/image-classification') },
      { ...human({ PreHumanTaskLambdaArn: 'arn:aws:lambda:${AWS::Region}:${AWS::AccountId}:function:${PreLambda}' }), ...algorithm('arn:aws:sagemaker:us-east-1:027400017018:labeling-job-algorithm-specification/image-classification') },
    ],
  },
};

describe('the rules file is in step with the model', () => {
  test('every quoted sentence is still in the documentation of its shape and member, every path resolves', async () => {
    const { checkRules } = await rulesScript();
    const data = JSON.parse(readFileSync(join(root, 'schemas', 'documented-rules.json'), 'utf8'));
    assert.deepEqual(checkRules(model(), data), []);
  });
  test('a sentence the model no longer has is reported', async () => {
    const { checkRules } = await rulesScript();
    const data = JSON.parse(readFileSync(join(root, 'schemas', 'documented-rules.json'), 'utf8'));
    const rule = data.rules.find((r: { id: string }) => r.id === 'max-wait-at-least-max-runtime');
    rule.source.quote = 'It must be equal to or greater than MaxRuntimeInSeconds plus one.';
    rule.rhs = ['MaxWaitTime'];
    assert.deepEqual(checkRules(model(), { rules: [rule] }), [
      'max-wait-at-least-max-runtime: the quote is no longer in StoppingCondition.MaxWaitTimeInSeconds: "It must be equal to or greater than MaxRuntimeInSeconds plus one."',
      'max-wait-at-least-max-runtime: rhs MaxWaitTime from StoppingCondition: StoppingCondition has no member MaxWaitTime',
    ]);
  });
  test('a quote that must end its documentation, an affix no quote holds, a pattern that captures nothing: reported', async () => {
    const { checkRules } = await rulesScript();
    const data = JSON.parse(readFileSync(join(root, 'schemas', 'documented-rules.json'), 'utf8'));
    const listed = data.rules.find((r: { id: string }) => r.id === 'labeling-algorithm-specification-listed');
    listed.source.quote = listed.source.quote.replace(/ Semantic Segmentation .*$/, '');
    listed.suffix = [...listed.suffix.slice(0, 3), '/named-entity-recognition'];
    const region = data.rules.find((r: { id: string }) => r.id === 'model-images-and-artifacts-one-region');
    region.patterns = ['\\.dkr\\.ecr\\.', '(unclosed'];
    assert.deepEqual(checkRules(model(), { rules: [listed, region] }), [
      'labeling-algorithm-specification-listed: affix "/named-entity-recognition" is in none of the rule\'s quotes',
      `labeling-algorithm-specification-listed: the documentation of LabelingJobAlgorithmsConfig.LabelingJobAlgorithmSpecificationArn goes on after the quote (a list that grew?): "${listed.source.quote}"`,
      'model-images-and-artifacts-one-region: pattern \\.dkr\\.ecr\\. captures no group',
      'model-images-and-artifacts-one-region: pattern (unclosed: Invalid regular expression: /(unclosed|/: Unterminated group',
    ]);
  });
  test('an ending a condition tests that its field\'s documentation does not give, or a listed one the list leaves out: reported', async () => {
    const { checkRules } = await rulesScript();
    const data = JSON.parse(readFileSync(join(root, 'schemas', 'documented-rules.json'), 'utf8'));
    const image = data.rules.find((r: { id: string }) => r.id === 'image-text-task-time-8-hours');
    image.when.endsWithOneOf.push(':function:PRE-ImageCaptioning');
    const custom = data.rules.find((r: { id: string }) => r.id === 'custom-task-time-8-hours');
    custom.when.notEndsWithOneOf = custom.when.notEndsWithOneOf.filter((t: string) => t !== ':function:PRE-PassThrough');
    assert.deepEqual(checkRules(model(), { rules: [image, custom] }), [
      'image-text-task-time-8-hours: when PreHumanTaskLambdaArn: ":function:PRE-ImageCaptioning" is not in its documentation nor in a page the rule cites',
      'custom-task-time-8-hours: when PreHumanTaskLambdaArn: its documentation gives :function:PRE-PassThrough, which the list does not hold',
    ]);
  });
  test('an ending or an affix that only a page the rule cites gives (a work team ARN the model does not give): accepted from the page, reported without it', async () => {
    const { checkRules } = await rulesScript();
    const data = JSON.parse(readFileSync(join(root, 'schemas', 'documented-rules.json'), 'utf8'));
    const base = data.rules.find((r: { id: string }) => r.id === 'mturk-availability-12-hours');
    const page = { title: 'Using the Amazon Mechanical Turk Workforce', url: 'https://docs.aws.amazon.com/sagemaker/latest/dg/sms-workforce-management-public.html', quote: 'arn:aws:sagemaker:region:394669845002:workteam/public-crowd/default' };
    const ending = { ...base, id: 'ending', when: { field: 'WorkteamArn', endsWithOneOf: [':workteam/public-crowd/default'] } };
    const affix = { ...base, id: 'affix', when: undefined, kind: 'affix', field: 'WorkteamArn', suffix: ':workteam/public-crowd/default', not: true, noFix: true };
    assert.deepEqual(checkRules(model(), { rules: [{ ...ending, pages: [page] }, { ...affix, pages: [page] }] }), []);
    assert.deepEqual(checkRules(model(), { rules: [ending, affix] }), [
      'ending: when WorkteamArn: ":workteam/public-crowd/default" is not in its documentation nor in a page the rule cites',
      'affix: affix ":workteam/public-crowd/default" is in none of the rule\'s quotes',
    ]);
  });
  test('a beginning a condition tests on free text (a path) that no quote or page gives: reported; on a field of listed values, one no value has', async () => {
    const { checkRules } = await rulesScript();
    const data = JSON.parse(readFileSync(join(root, 'schemas', 'documented-rules.json'), 'utf8'));
    const output = data.rules.find((r: { id: string }) => r.id === 'processing-s3-output-local-path-prefix');
    const unquoted = { ...output, id: 'unquoted', when: { ...output.when, startsWithOneOf: ['/home/'] } };
    const pageless = { ...output, id: 'pageless', pages: undefined, alsoQuotes: undefined, prefix: '/', when: { ...output.when, startsWithOneOf: ['/opt/ml/processing/'] } };
    const family = data.rules.find((r: { id: string }) => r.id === 'tuning-instance-configs-local-storage-no-volume-kms-key');
    const unlisted = { ...family, id: 'unlisted', when: { ...family.when, startsWithOneOf: [...family.when.startsWithOneOf, 'ml.q9.'] } };
    assert.deepEqual(checkRules(model(), { rules: [output, unquoted, pageless, unlisted] }), [
      'unquoted: when LocalPath: "/home/" is in none of the rule\'s quotes',
      'pageless: when LocalPath: "/opt/ml/processing/" is in none of the rule\'s quotes',
      'unlisted: when InstanceConfigs[].InstanceType: no value of TrainingInstanceType starts with ml.q9.',
      'unlisted: when InstanceConfigs[].InstanceType: the instance family ml.q9. is in none of the rule\'s quotes, nor named for instance store volumes (with EC2\'s naming page cited)',
    ]);
  });
  test('a unique rule\'s values that may not repeat must be values of its key: reported otherwise', async () => {
    const { checkRules } = await rulesScript();
    const data = JSON.parse(readFileSync(join(root, 'schemas', 'documented-rules.json'), 'utf8'));
    const pipeline = data.rules.find((r: { id: string }) => r.id === 'pipeline-one-multi-model-container');
    assert.deepEqual(checkRules(model(), { rules: [pipeline, { ...pipeline, id: 'misspelt', oneOf: ['MultiModels'] }] }), ['misspelt: Mode: "MultiModels" is not a value of ContainerMode']);
  });
  test('a unique rule of `fields` takes two or more paths (through lists or not), and neither `list`, `key` nor `oneOf`: reported otherwise', async () => {
    const { checkRules } = await rulesScript();
    const data = JSON.parse(readFileSync(join(root, 'schemas', 'documented-rules.json'), 'utf8'));
    const names = data.rules.find((r: { id: string }) => r.id === 'processing-input-output-names-unique');
    const one = { ...names, id: 'one', fields: names.fields.slice(0, 1) };
    // A path through no list is a path too (a text classification job's content and target columns, sm41).
    const flat = { ...names, id: 'flat', fields: [...names.fields, 'ProcessingJobName'] };
    const keyed = { ...names, id: 'keyed', list: 'ProcessingInputs', key: 'InputName' };
    const message = 'unique takes `list` and `key`, or `fields`: two or more paths, without `oneOf`';
    assert.deepEqual(checkRules(model(), { rules: [names, one, flat, keyed] }), [`one: ${message}`, `keyed: ${message}`]);
  });
  test('a matchesPattern rule with both or neither of wildcards and globs, or globs whose form no quote holds: reported', async () => {
    const { checkRules } = await rulesScript();
    const data = JSON.parse(readFileSync(join(root, 'schemas', 'documented-rules.json'), 'utf8'));
    const ecr = data.rules.find((r: { id: string }) => r.id === 'image-version-base-image-ecr');
    const both = { ...ecr, id: 'both', wildcards: 'AssignedGroupPatterns' };
    const neither = { ...ecr, id: 'neither', globs: undefined };
    const unquoted = { ...ecr, id: 'unquoted', globs: ['*.pkg.dev/*', ...ecr.globs] };
    const empty = { ...ecr, id: 'empty', globs: [] };
    assert.deepEqual(checkRules(model(), { rules: [ecr, both, neither, unquoted, empty] }), [
      'both: matchesPattern needs exactly one of `wildcards` (a list in the request) and `globs` (the patterns)',
      'neither: matchesPattern needs exactly one of `wildcards` (a list in the request) and `globs` (the patterns)',
      "unquoted: matchesPattern: the text of *.pkg.dev/* is in none of the rule's quotes",
      'empty: matchesPattern `globs` needs a non-empty list of * patterns',
    ]);
  });
  test('every rule has a case below', () => {
    assert.deepEqual(documentedRules().map((r) => r.id).filter((id) => !CASES[id]), []);
    assert.deepEqual(Object.keys(CASES).filter((id) => !documentedRules().some((r) => r.id === id)), []);
  });
});

describe('each rule: a violation, the boundary value, a dynamic value', () => {
  for (const rule of documentedRules()) {
    const c = CASES[rule.id];
    if (!c) continue;
    test(rule.id, () => {
      // The rule's case, then the same rule in its other scopes (another operation's request).
      for (const one of [c, ...(c.elsewhere ?? [])]) {
        for (const bad of [one.bad].flat()) {
          const found = run(one.api, bad);
          assert.deepEqual([...new Set(found.map((f) => f.rule))].sort(), [rule.id, ...(one.also ?? [])].sort(), JSON.stringify(bad));
          for (const f of found.filter((x) => x.rule === rule.id)) {
            assert.equal(f.severity, rule.severity);
            assert.ok(f.message.endsWith(`"${rule.source.quote}"`), f.message);
          }
        }
        for (const ok of [one.ok].flat()) assert.deepEqual(rulesOf(one.api, ok), [], JSON.stringify(ok));
        for (const dynamic of [one.dynamic].flat()) assert.deepEqual(rulesOf(one.api, dynamic), [], JSON.stringify(dynamic));
      }
    });
  }
});

describe('the cases of issue 16: where the finding is, what it says, the fix', () => {
  const one = (api: string, payload: unknown) => {
    const f = run(api, payload);
    assert.equal(f.length, 1, JSON.stringify(f));
    return f[0];
  };

  test('a total over several lists: on the last one written (the one that took it over), its name and its items', () => {
    const f = one('batchDeleteClusterNodes', { ClusterName: 'hyperpod-a', NodeIds: instances(30), NodeLogicalIds: nodes(30) });
    assert.ok(f.at.startsWith('"NodeLogicalIds": [') && f.at.endsWith(']'), f.at);
    assert.match(f.message, /^NodeIds and NodeLogicalIds have 60 items in total when NodeLogicalIds is set; at most 50 are allowed/);
    const job = one('createHyperParameterTuningJob', { TrainingJobDefinitions: [{ HyperParameterRanges: { IntegerParameterRanges: ranges(16) } }, { HyperParameterRanges: { IntegerParameterRanges: ranges(16) } }] });
    assert.equal(job.offset, job.text.lastIndexOf('"IntegerParameterRanges"'));
    // One definition over its own limit: said by its own rule, not again as the job's total (review of the day).
    assert.equal(one('createHyperParameterTuningJob', { TrainingJobDefinitions: [{ HyperParameterRanges: { IntegerParameterRanges: ranges(16), ContinuousParameterRanges: ranges(15) } }] }).rule, 'parameter-ranges-total-30');
  });

  test('a unique rule of some values only: the second MultiModel container of a pipeline and each one after, on its Mode; SingleModel ones repeat freely', () => {
    const f = run('createModel', { Containers: [{ Image: 'a', Mode: 'MultiModel' }, { Image: 'b', Mode: 'SingleModel' }, { Image: 'c', Mode: 'MultiModel' }, { Image: 'd', Mode: 'SingleModel' }, { Image: 'e', Mode: 'MultiModel' }] });
    assert.deepEqual(f.map((x) => [x.rule, x.at]), [['pipeline-one-multi-model-container', '"MultiModel"'], ['pipeline-one-multi-model-container', '"MultiModel"']]);
    assert.ok(f[0].offset > f[0].text.indexOf('"c"') && f[1].offset > f[1].text.indexOf('"e"'));
    assert.match(f[0].message, /^Mode "MultiModel" is already used by Containers\[0\]; only one item of Containers can have it\. /);
  });
  test('a unique rule over two lists: a processing output named as an input, on the output\'s name, naming the input', () => {
    const out = { S3Output: { S3Uri: 's3://b/o', LocalPath: '/opt/ml/processing/o', S3UploadMode: 'EndOfJob' } };
    const f = one('createProcessingJob', { ...input({ S3Input: s3In() }), ProcessingOutputConfig: { Outputs: [{ OutputName: 'out', ...out }, { OutputName: 'in', ...out }] } });
    assert.equal(f.offset, f.text.lastIndexOf('"in"'));
    assert.match(f.message, /^OutputName "in" is already used by ProcessingInputs\[0\]\.InputName; ProcessingInputs\[\]\.InputName and ProcessingOutputConfig\.Outputs\[\]\.OutputName must all be different\. /);
  });
  test('managed Spot without MaxWaitTimeInSeconds: on StoppingCondition, insert MaxWaitTimeInSeconds = MaxRuntimeInSeconds', () => {
    const f = one('createTrainingJob', trainingJob({ EnableManagedSpotTraining: true, StoppingCondition: { MaxRuntimeInSeconds: 3600 } }));
    assert.equal(f.at, '"StoppingCondition"');
    assert.equal(
      f.message,
      'StoppingCondition.MaxWaitTimeInSeconds is required when EnableManagedSpotTraining is true. SageMaker\'s API documentation (StoppingCondition.MaxWaitTimeInSeconds): "The maximum length of time, in seconds, that a managed Spot training job has to complete."',
    );
    assert.equal(f.fix!.kind, 'insert');
    assert.equal(f.fix!.key, 'MaxWaitTimeInSeconds');
    assert.equal(f.fix!.value, 3600);
    // Placed from the finding's own offset, so it moves with the finding.
    const object = f.offset + (f.fix!.objectAt as number);
    assert.equal(f.text.slice(object, object + (f.fix!.objectLength as number)), '{\n  "MaxRuntimeInSeconds": 3600\n }');
  });
  test('managed Spot with no StoppingCondition at all: on EnableManagedSpotTraining, no fix (no runtime to copy)', () => {
    const f = one('createTrainingJob', trainingJob({ EnableManagedSpotTraining: true }));
    assert.equal(f.at, '"EnableManagedSpotTraining": true');
    assert.equal(f.fix, undefined);
  });
  test('inside a tuning job\'s training job definitions', () => {
    const f = one('createHyperParameterTuningJob', { TrainingJobDefinitions: [{}, { EnableManagedSpotTraining: true, StoppingCondition: { MaxRuntimeInSeconds: 60 } }] });
    assert.match(f.message, /^TrainingJobDefinitions\[1\]\.StoppingCondition\.MaxWaitTimeInSeconds is required when EnableManagedSpotTraining is true\./);
  });
  test('MaxWaitTimeInSeconds without managed Spot (sm41): on the wait, remove it; in a tuning job\'s definition too', () => {
    const f = one('createTrainingJob', trainingJob({ EnableManagedSpotTraining: false, StoppingCondition: { MaxRuntimeInSeconds: 3600, MaxWaitTimeInSeconds: 3600 } }));
    assert.equal(f.at, '"MaxWaitTimeInSeconds": 3600');
    assert.match(f.message, /^StoppingCondition\.MaxWaitTimeInSeconds is allowed only when EnableManagedSpotTraining is true\./);
    assert.deepEqual({ kind: f.fix!.kind, at: f.text.slice(f.offset + (f.fix!.at as number), f.offset + (f.fix!.at as number) + (f.fix!.length as number)) }, { kind: 'remove', at: '"MaxWaitTimeInSeconds"' });
    const tuning = one('createHyperParameterTuningJob', { TrainingJobDefinition: { StoppingCondition: { MaxRuntimeInSeconds: 3600, MaxWaitTimeInSeconds: 7200 } } });
    assert.match(tuning.message, /^TrainingJobDefinition\.StoppingCondition\.MaxWaitTimeInSeconds is allowed only when EnableManagedSpotTraining is true\./);
  });
  test('MaxWaitTimeInSeconds below MaxRuntimeInSeconds: on the wait, set it to the runtime', () => {
    const f = one('createTrainingJob', trainingJob({ EnableManagedSpotTraining: true, StoppingCondition: { MaxRuntimeInSeconds: 7200, MaxWaitTimeInSeconds: 3600 } }));
    assert.equal(f.at, '3600');
    assert.match(f.message, /^StoppingCondition\.MaxWaitTimeInSeconds \(3600\) must be at least StoppingCondition\.MaxRuntimeInSeconds \(7200\)\. SageMaker's API documentation \(StoppingCondition\.MaxWaitTimeInSeconds\): "It must be equal to or greater than MaxRuntimeInSeconds\."$/);
    assert.deepEqual({ kind: f.fix!.kind, value: f.fix!.value, at: f.text.slice(f.offset + (f.fix!.at as number), f.offset + (f.fix!.at as number) + (f.fix!.length as number)) }, { kind: 'replace', value: 7200, at: '3600' });
  });
  test('MaxWaitTimeInSeconds below the default MaxRuntimeInSeconds (1 day) when that is not set: a warning on the wait, set it to 1 day (offered)', () => {
    const f = one('createTrainingJob', trainingJob({ EnableManagedSpotTraining: true, StoppingCondition: { MaxWaitTimeInSeconds: 3600 } }));
    assert.equal(f.at, '3600');
    assert.equal(f.severity, 'warning');
    assert.equal(
      f.message,
      'StoppingCondition.MaxWaitTimeInSeconds (3600) must be at least StoppingCondition.MaxRuntimeInSeconds (86400) because StoppingCondition.MaxRuntimeInSeconds is not set (86400 by default). ' +
        'SageMaker\'s API documentation (StoppingCondition.MaxRuntimeInSeconds): "The default value is 1 day."; (StoppingCondition.MaxWaitTimeInSeconds): "It must be equal to or greater than MaxRuntimeInSeconds."',
    );
    assert.deepEqual([f.fix!.kind, f.fix!.value], ['replace', 86400]);
  });
  test('a blue/green timeout not above the traffic wait when TerminationWaitInSeconds is not set (0 by default)', () => {
    const f = one('createEndpoint', blueGreen({ TrafficRoutingConfiguration: { Type: 'ALL_AT_ONCE', WaitIntervalInSeconds: 3600 }, MaximumExecutionTimeoutInSeconds: 3600 }));
    assert.match(f.message, /^DeploymentConfig\.BlueGreenUpdatePolicy\.MaximumExecutionTimeoutInSeconds \(3600\) must be greater than DeploymentConfig\.BlueGreenUpdatePolicy\.TerminationWaitInSeconds \+ DeploymentConfig\.BlueGreenUpdatePolicy\.TrafficRoutingConfiguration\.WaitIntervalInSeconds \(3600\) because DeploymentConfig\.BlueGreenUpdatePolicy\.TerminationWaitInSeconds is not set \(0 by default\)\. /);
  });
  test('both TrainingImage and AlgorithmName; neither', () => {
    const both = one('createTrainingJob', trainingJob({ AlgorithmSpecification: { TrainingImage: 'img', AlgorithmName: 'algo', TrainingInputMode: 'File' } }));
    assert.equal(both.at, '"AlgorithmName": "algo"');
    assert.match(both.message, /^AlgorithmSpecification\.AlgorithmName cannot be used together with AlgorithmSpecification\.TrainingImage\./);
    const neither = one('createTrainingJob', trainingJob({ AlgorithmSpecification: { TrainingInputMode: 'File' } }));
    assert.equal(neither.at, '"AlgorithmSpecification"');
    assert.match(neither.message, /^Specify at least one of AlgorithmSpecification\.TrainingImage or AlgorithmSpecification\.AlgorithmName\./);
  });
  test('two channels named alike: on the second name', () => {
    const f = one('createTrainingJob', trainingJob({ InputDataConfig: [{ ChannelName: 'train' }, { ChannelName: 'validation' }, { ChannelName: 'train' }] }));
    assert.equal(f.at, '"train"');
    assert.ok(f.text.indexOf('"train"') < f.text.lastIndexOf('"train"'));
    assert.match(f.message, /^ChannelName "train" is already used by InputDataConfig\[0\]; each ChannelName in InputDataConfig must be different\./);
  });
  test('MaxRuntimeInSeconds over 28 days: set it to 28 days', () => {
    const f = one('createTrainingJob', trainingJob({ StoppingCondition: { MaxRuntimeInSeconds: 2592000 } }));
    assert.equal(f.message.split('.')[0], 'StoppingCondition');
    assert.match(f.message, /^StoppingCondition\.MaxRuntimeInSeconds is 2592000; at most 2419200 is allowed\. /);
    assert.equal(f.fix!.value, 2419200);
  });
  test('MaxConcurrentTransforms × MaxPayloadInMB over 100: on MaxConcurrentTransforms', () => {
    const f = one('createTransformJob', { MaxConcurrentTransforms: 8, MaxPayloadInMB: 20 });
    assert.equal(f.at, '8');
    assert.match(f.message, /^MaxConcurrentTransforms × MaxPayloadInMB is 8 × 20 = 160; at most 100 is allowed\./);
  });
  test('MaxConcurrentTransforms over 16 with MaxPayloadInMB not set (6 MB by default): a warning on MaxConcurrentTransforms, quoting the default', () => {
    const f = one('createTransformJob', { MaxConcurrentTransforms: 20 });
    assert.equal(f.at, '20');
    assert.equal(f.severity, 'warning');
    assert.equal(
      f.message,
      'MaxConcurrentTransforms × MaxPayloadInMB is 20 × 6 = 120 because MaxPayloadInMB is not set (6 by default); at most 100 is allowed: set MaxConcurrentTransforms to at most 16 or MaxPayloadInMB to at most 5. ' +
        'SageMaker\'s API documentation (CreateTransformJobRequest.MaxPayloadInMB): "The default value is 6 MB." "If you specify the MaxConcurrentTransforms parameter, the value of (MaxConcurrentTransforms * MaxPayloadInMB) also cannot exceed 100 MB."',
    );
    // Written out, the product is the other rule's (an error), not this one's.
    assert.deepEqual(rulesOf('createTransformJob', { MaxConcurrentTransforms: 20, MaxPayloadInMB: 6 }), ['concurrent-transforms-times-payload-100-mb']);
  });
  test('the sentences a rule rests on besides its own come first, each place named once', () => {
    const f = one('createTrainingJob', trainingJob({ ResourceConfig: { InstanceType: 'ml.g5.xlarge', InstanceCount: 1, VolumeKmsKeyId: 'k' } }));
    assert.equal(
      f.message,
      'ResourceConfig.VolumeKmsKeyId must not be set when InstanceType is ml.p4d.*, ml.g4dn.*, ml.g5.*, ml.p3dn.*, ml.p4de.* or ml.r5d.*. EC2\'s instance type names: "d – Instance store volumes". SageMaker\'s API documentation (ResourceConfig.VolumeSizeInGB): "For example, ML instance families with the NVMe-type instance storage include ml.p4d, ml.g4dn, and ml.g5."; ' +
        '(ResourceConfig.VolumeKmsKeyId): "You can\'t request a VolumeKmsKeyId when using an instance type with local storage."',
    );
  });
  test('MaxPayloadInMB over 100', () => {
    const f = run('createTransformJob', { MaxPayloadInMB: 200 });
    assert.deepEqual(f.map((x) => [x.rule, x.at]), [['max-payload-100-mb', '200']]);
  });
  test('MultiRecord without a splitting SplitType: on TransformInput (absent) or on SplitType (None), fix Line', () => {
    const absent = one('createTransformJob', { BatchStrategy: 'MultiRecord', TransformInput: { DataSource: {} } });
    assert.equal(absent.at, '"TransformInput"');
    assert.match(absent.message, /^TransformInput\.SplitType is not set \(None\) when BatchStrategy is MultiRecord; it must be Line, RecordIO or TFRecord\./);
    assert.deepEqual([absent.fix!.kind, absent.fix!.key, absent.fix!.value], ['insert', 'SplitType', 'Line']);
    const none = one('createTransformJob', { BatchStrategy: 'MultiRecord', TransformInput: { DataSource: {}, SplitType: 'None' } });
    assert.equal(none.at, '"None"');
    assert.deepEqual([none.fix!.kind, none.fix!.value], ['replace', 'Line']);
  });
  test('a LabelAttributeName ending with -metadata: on the name, change it to the name without the suffix (offered)', () => {
    const f = one('createLabelingJob', { LabelAttributeName: 'category-metadata' });
    assert.equal(f.at, '"category-metadata"');
    assert.equal(
      f.message,
      'LabelAttributeName "category-metadata" must not end with "-metadata": write "category", or another name. SageMaker\'s API documentation (CreateLabelingJobRequest.LabelAttributeName): "The name can\'t end with "-metadata"."',
    );
    assert.deepEqual([f.fix!.kind, f.fix!.value], ['replace', 'category']);
    assert.equal(one('createLabelingJob', { LabelAttributeName: '-metadata' }).fix, undefined);
  });
  test('a profiling interval SageMaker does not offer: on the value, with the values it does', () => {
    const f = one('createTrainingJob', trainingJob({ ProfilerConfig: { ProfilingIntervalInMilliseconds: 300 } }));
    assert.equal(f.at, '300');
    assert.equal(
      f.message,
      'ProfilerConfig.ProfilingIntervalInMilliseconds is 300; it must be 100, 200, 500, 1000, 5000 or 60000. SageMaker\'s API documentation (ProfilerConfig.ProfilingIntervalInMilliseconds): "Available values are 100, 200, 500, 1000 (1 second), 5000 (5 seconds), and 60000 (1 minute) milliseconds."',
    );
    assert.equal(f.severity, 'error');
  });
  test('a serverless sequence length SageMaker does not list: on the value, with the ones it does', () => {
    const f = one('createTrainingJob', { ServerlessJobConfig: { BaseModelArn: 'arn:model', JobType: 'FineTuning', SequenceLength: '3K' } });
    assert.equal(f.at, '"3K"');
    assert.match(f.message, /^ServerlessJobConfig\.SequenceLength is 3K; it must be 1K, 2K, 4K, 8K, 16K, 32K, 64K or 128K\. SageMaker's API documentation \(ServerlessJobConfig\.SequenceLength\): "The parameter supports the following values: 1K 2K 4K 8K 16K 32K 64K 128K"$/);
  });
  test('an instance type twice in InstancePreferences: on the repeated one, naming the first (a tuning job\'s training job definition too)', () => {
    const f = one('createHyperParameterTuningJob', { TrainingJobDefinition: { ResourceConfig: { InstanceCount: 1, InstancePreferences: [pref(), pref({ InstanceType: 'ml.g5.xlarge' }), pref()] } } });
    assert.equal(f.at, '"ml.m5.large"');
    assert.ok(f.offset > f.text.indexOf('"ml.m5.large"'));
    assert.equal(
      f.message,
      'InstanceType "ml.m5.large" is already used by TrainingJobDefinition.ResourceConfig.InstancePreferences[0]; each InstanceType in TrainingJobDefinition.ResourceConfig.InstancePreferences must be different. ' +
        'SageMaker\'s API documentation (InstancePreference.InstanceType): "An instance type can appear only once in an InstancePreferences list."',
    );
    assert.equal(f.severity, 'error');
  });
  test('SelectedInstanceType in a CreateTrainingJob request: read-only, an error on the member (a tuning job\'s definition is not named)', () => {
    const f = one('createTrainingJob', trainingJob({ ResourceConfig: { InstanceCount: 1, InstancePreferences: [pref()], SelectedInstanceType: 'ml.m5.large' } }));
    assert.equal(f.at, '"SelectedInstanceType": "ml.m5.large"');
    assert.equal(
      f.message,
      'ResourceConfig.SelectedInstanceType must not be set. SageMaker\'s API documentation (ResourceConfig.SelectedInstanceType): "This field is read-only and isn\'t accepted in CreateTrainingJob requests."',
    );
    assert.deepEqual(rulesOf('createHyperParameterTuningJob', { TrainingJobDefinition: { ResourceConfig: { InstanceCount: 1, InstancePreferences: [pref()], SelectedInstanceType: 'ml.m5.large' } } }), []);
  });
  test('an Elastic Inference AcceleratorType on a production variant: an error on the member', () => {
    const f = one('createEndpointConfig', variant({ ModelName: 'm', AcceleratorType: 'ml.eia2.medium' }));
    assert.equal(f.at, '"AcceleratorType": "ml.eia2.medium"');
    assert.equal(
      f.message,
      'ProductionVariants[0].AcceleratorType must not be set. SageMaker\'s API documentation (ProductionVariant.AcceleratorType): "This parameter is no longer supported. Elastic Inference (EI) is no longer available."',
    );
  });
  test('the Mechanical Turk work team for a video frame task type: an error on the ARN, no fix (which work team instead is the user\'s)', () => {
    const arn = 'arn:aws:sagemaker:us-east-1:394669845002:workteam/public-crowd/default';
    const f = one('createLabelingJob', human({ PreHumanTaskLambdaArn: preLambda('PRE-VideoObjectTracking'), WorkteamArn: arn, PublicWorkforceTaskPrice: price }));
    assert.equal(f.at, JSON.stringify(arn));
    assert.equal(f.fix, undefined);
    assert.ok(
      f.message.startsWith(`HumanTaskConfig.WorkteamArn "${arn}" must not end with ":workteam/public-crowd/default" when PreHumanTaskLambdaArn is a 3D point cloud or video frame task type's built-in Lambda. Create a Labeling Job (API): "If you are creating a labeling job for a video frame or point cloud task type, you cannot use the Amazon Mechanical Turk workforce."`),
      f.message,
    );
  });
  test('a labeling algorithm ARN the documentation does not list: an error on the ARN, naming the four resource parts, no fix', () => {
    const f = one('createLabelingJob', algorithm('arn:aws:sagemaker:us-east-1:027400017018:labeling-job-algorithm-specification/named-entity-recognition'));
    assert.equal(f.at, '"arn:aws:sagemaker:us-east-1:027400017018:labeling-job-algorithm-specification/named-entity-recognition"');
    assert.equal(f.severity, 'error');
    assert.ok(
      f.message.startsWith(
        'LabelingJobAlgorithmsConfig.LabelingJobAlgorithmSpecificationArn "arn:aws:sagemaker:us-east-1:027400017018:labeling-job-algorithm-specification/named-entity-recognition" must end with one of ' +
          '":labeling-job-algorithm-specification/image-classification", ":labeling-job-algorithm-specification/text-classification", ":labeling-job-algorithm-specification/object-detection" or ":labeling-job-algorithm-specification/semantic-segmentation". ' +
          'SageMaker\'s API documentation (LabelingJobAlgorithmsConfig.LabelingJobAlgorithmSpecificationArn): "You must select one of the following ARNs: Image classification',
      ),
      f.message,
    );
    assert.equal(f.fix, undefined);
  });
  test('base64 without its closing = padding: a warning (decoders differ), padding it offered (review25)', () => {
    for (const [content, padded] of [['ZWNobyBoaQ', 'ZWNobyBoaQ=='], ['ZWNobyBoaQo', 'ZWNobyBoaQo='], ['ZWNobyBo\naQ\n', 'ZWNobyBo\naQ==']]) {
      const f = one('createNotebookInstanceLifecycleConfig', { OnStart: [{ Content: content }] });
      assert.deepEqual([f.rule, f.severity, f.fix?.value], ['notebook-lifecycle-script-base64', 'warning', padded]);
      assert.ok(f.message.startsWith('OnStart[0].Content is base64 without its closing = padding (its length is no multiple of 4), which decoders that require it refuse. '), f.message);
    }
  });
  test('ModelDataSource in a MultiModel container: an error on the member, removing it offered', () => {
    const f = one('createModel', { Containers: [{ Image: 'a', ModelDataUrl: 's3://b/a.tar.gz' }, { Image: 'b', Mode: 'MultiModel', ModelDataSource: s3Model }] });
    assert.equal(f.at, '"ModelDataSource"');
    assert.equal(f.severity, 'error');
    assert.ok(f.message.startsWith('Containers[1].ModelDataSource must not be set when Mode is MultiModel. SageMaker\'s API documentation (ContainerDefinition.ModelDataSource): "Currently you cannot use'), f.message);
    assert.equal(f.fix!.kind, 'remove');
  });
  test('a hyperparameter range whose minimum is above its maximum: a warning on each end, told from its side, no fix', () => {
    const found = run('createHyperParameterTuningJob', tuning({ ParameterRanges: { IntegerParameterRanges: [{ Name: 'depth', MinValue: '10', MaxValue: '3' }] } }));
    assert.deepEqual(found.map((f) => [f.at, f.severity, f.fix]), [['"10"', 'warning', undefined], ['"3"', 'warning', undefined]]);
    const range = 'HyperParameterTuningJobConfig.ParameterRanges.IntegerParameterRanges[0]';
    assert.ok(found[0].message.startsWith(`${range}.MinValue (10) must be at most ${range}.MaxValue (3). SageMaker's API documentation (IntegerParameterRange.MaxValue): "The maximum value of the hyperparameter to search."; (IntegerParameterRange.MinValue): "The minimum value`), found[0].message);
    assert.ok(found[1].message.startsWith(`${range}.MaxValue (3) must be at least ${range}.MinValue (10). `), found[1].message);
  });
  test('managed instance scaling whose minimum is above its maximum: both counts, no fix', () => {
    const found = run('createEndpointConfig', scaling({ MinInstanceCount: 5, MaxInstanceCount: 2 }));
    assert.deepEqual(found.map((f) => [f.at, f.fix]), [['5', undefined], ['2', undefined]]);
    assert.match(found[0].message, /^ProductionVariants\[0\]\.ManagedInstanceScaling\.MinInstanceCount \(5\) must be at most ProductionVariants\[0\]\.ManagedInstanceScaling\.MaxInstanceCount \(2\)\. /);
  });
  test('ServerlessConfig beside an instance type and count: a warning on ServerlessConfig, naming them', () => {
    const f = one('createEndpointConfig', variant({ InstanceType: 'ml.m5.xlarge', InitialInstanceCount: 1, ServerlessConfig: { MemorySizeInMB: 2048, MaxConcurrency: 5 } }));
    assert.equal(f.at, '"ServerlessConfig"');
    assert.equal(f.severity, 'warning');
    assert.equal(
      f.message,
      'ProductionVariants[0].ServerlessConfig cannot be used together with ProductionVariants[0].InstanceType and ProductionVariants[0].InitialInstanceCount. ' +
        'SageMaker\'s API documentation (ProductionVariant.ServerlessConfig): "Specifies a serverless endpoint configuration instead of an instance-based endpoint configuration."',
    );
  });
  test('labeling time limits: the task type and workforce said in words, on the limit; an error (the built-in Lambda names the task type) is set to the limit', () => {
    const image = one('createLabelingJob', human({ PreHumanTaskLambdaArn: preLambda('PRE-ImageMultiClass'), TaskTimeLimitInSeconds: 36000 }));
    assert.equal(image.at, '36000');
    assert.deepEqual([image.severity, image.fix?.value], ['error', 28800]);
    assert.equal(
      image.message,
      'HumanTaskConfig.TaskTimeLimitInSeconds is 36000 when PreHumanTaskLambdaArn is an image or text task type\'s built-in Lambda; at most 28800 is allowed. ' +
        'SageMaker\'s API documentation (HumanTaskConfig.PreHumanTaskLambdaArn): "For built-in task types, use one of the following Amazon SageMaker Ground Truth Lambda function ARNs for PreHumanTaskLambdaArn."; ' +
        '(HumanTaskConfig.TaskTimeLimitInSeconds): "For image and text labeling jobs, the maximum is 8 hours (28,800 seconds)."',
    );
    const custom = one('createLabelingJob', human({ PreHumanTaskLambdaArn: preLambda('my-pre-annotation', 'us-east-1', '111122223333'), TaskTimeLimitInSeconds: 43200 }));
    assert.ok(custom.message.startsWith('HumanTaskConfig.TaskTimeLimitInSeconds is 43200 when PreHumanTaskLambdaArn is not a built-in task type\'s Lambda (a custom labeling job); at most 28800 is allowed. '), custom.message);
    const mturk = one('createLabelingJob', human({ PublicWorkforceTaskPrice: price, TaskAvailabilityLifetimeInSeconds: 86400 }));
    assert.equal(mturk.at, '86400');
    // The workforce is told by the price only (WorkteamArn's forms are not given): a warning, no fix.
    assert.deepEqual([mturk.severity, mturk.fix], ['warning', undefined]);
    assert.ok(mturk.message.startsWith('HumanTaskConfig.TaskAvailabilityLifetimeInSeconds is 86400 when PublicWorkforceTaskPrice is set; at most 43200 is allowed. '), mturk.message);
  });
  test('a single-model ModelDataUrl that is not a .tar.gz: a warning on the URL, no fix (the file is what it is)', () => {
    const f = one('createModel', { PrimaryContainer: { Image: ecr('us-east-1'), ModelDataUrl: 's3://b/churn/model.zip' } });
    assert.equal(f.at, '"s3://b/churn/model.zip"');
    assert.equal(f.severity, 'warning');
    assert.equal(f.fix, undefined);
    assert.ok(f.message.startsWith('PrimaryContainer.ModelDataUrl "s3://b/churn/model.zip" must end with ".tar.gz" when Mode is not MultiModel. SageMaker\'s API documentation (ContainerDefinition.Mode): '), f.message);
  });
  test('a model\'s images and artifacts in two regions: a warning on each value whose region is not the first one\'s, naming both', () => {
    const f = run('createModel', {
      Containers: [
        { Image: ecr('us-east-1'), ModelDataUrl: 'https://b.s3.eu-west-1.amazonaws.com/pre/model.tar.gz' },
        { Image: ecr('us-east-1', '', '763104351884'), ModelDataUrl: 's3://b/xgb/model.tar.gz' },
        { Image: ecr('eu-west-1', '', '141502667606'), ModelDataSource: { S3DataSource: { S3Uri: 'https://s3.us-east-1.amazonaws.com/b/m/', S3DataType: 'S3Prefix', CompressionType: 'None' } } },
      ],
    });
    assert.deepEqual(f.map((x) => [x.rule, x.severity, x.at]), [
      ['model-images-and-artifacts-one-region', 'warning', '"https://b.s3.eu-west-1.amazonaws.com/pre/model.tar.gz"'],
      ['model-images-and-artifacts-one-region', 'warning', `"${ecr('eu-west-1', '', '141502667606')}"`],
    ]);
    assert.equal(
      f[1].message,
      'Containers[2].Image names the region eu-west-1, Containers[0].Image names us-east-1: they must be one region. SageMaker\'s API documentation (ContainerDefinition.ModelDataUrl): ' +
        '"The model artifacts must be in an S3 bucket that is in the same region as the model or endpoint you are creating."; (ContainerDefinition.Image): ' +
        '"The model artifacts in an Amazon S3 bucket and the Docker image for inference container in Amazon EC2 Container Registry must be in the same region as the model or endpoint you are creating."',
    );
    assert.equal(f[0].fix, undefined);
  });
  test('a volume KMS key with a local-storage instance in a tuning job\'s InstanceConfigs: any one of them is enough, on the member', () => {
    const f = one('createHyperParameterTuningJob', {
      TrainingJobDefinition: { HyperParameterTuningResourceConfig: { InstanceConfigs: [{ InstanceType: 'ml.m5.large', InstanceCount: 1, VolumeSizeInGB: 10 }, { InstanceType: 'ml.g4dn.xlarge', InstanceCount: 1, VolumeSizeInGB: 10 }], VolumeKmsKeyId: 'k' } },
    });
    assert.equal(f.at, '"VolumeKmsKeyId": "k"');
    assert.match(f.message, /^TrainingJobDefinition\.HyperParameterTuningResourceConfig\.VolumeKmsKeyId must not be set when InstanceConfigs\[\]\.InstanceType is ml\.p4d\.\*, ml\.g4dn\.\*, ml\.g5\.\*, ml\.p3dn\.\*, ml\.p4de\.\* or ml\.r5d\.\*\. EC2's instance type names: "d – Instance store volumes"\. /);
    assert.ok(f.message.endsWith('(HyperParameterTuningResourceConfig.VolumeKmsKeyId): "Some instances use local storage, which use a hardware module to encrypt storage volumes. If you choose one of these instance types, you cannot request a VolumeKmsKeyId."'), f.message);
  });
  test('Clarify FeatureTypes without "text": an error on the list', () => {
    const f = one('createEndpointConfig', inference({ FeatureTypes: ['numerical', 'categorical'] }));
    assert.equal(f.at.replace(/\s+/g, ''), '["numerical","categorical"]');
    assert.equal(
      f.message,
      'ExplainerConfig.ClarifyExplainerConfig.InferenceConfig.FeatureTypes has no "text"; it must hold at least one. SageMaker\'s API documentation (ClarifyInferenceConfig.FeatureTypes): "If provided, FeatureTypes must have at least one \'text\' string (for example, [\'text\'])."',
    );
  });
  test('a model\'s S3Prefix data source without the trailing slash: on the URI, append it (offered)', () => {
    const f = one('createModel', modelData({ S3Uri: 's3://b/model', S3DataType: 'S3Prefix' }));
    assert.equal(f.at, '"s3://b/model"');
    assert.equal(
      f.message,
      'PrimaryContainer.ModelDataSource.S3DataSource.S3Uri "s3://b/model" must end with "/" when S3DataType is S3Prefix: write "s3://b/model/". ' +
        'SageMaker\'s API documentation (S3ModelDataSource.S3DataType): "If you choose S3Prefix, S3Uri identifies a key name prefix." "A valid key name prefix identified by S3Uri always ends with a forward slash (/)."',
    );
    assert.deepEqual([f.fix!.kind, f.fix!.value], ['replace', 's3://b/model/']);
  });
  test('the operation name works as well as the integration name; an unknown one finds nothing', () => {
    assert.deepEqual(rulesOf('CreateTransformJob', { MaxPayloadInMB: 200 }), ['max-payload-100-mb']);
    assert.deepEqual(rulesOf('createNothing', { MaxPayloadInMB: 200 }), []);
  });
  test('YAML: the same finding, on the YAML text', () => {
    const text = ['TransformJobName: score', 'BatchStrategy: MultiRecord', 'MaxConcurrentTransforms: 4', 'MaxPayloadInMB: 50', 'TransformInput:', '  SplitType: None', ''].join('\n');
    const found = checkDocumentedRules('createTransformJob', parseYaml(text).root!).map((p) => [p.data!.rule, text.slice(p.offset, p.offset + p.length)]);
    assert.deepEqual(found, [
      ['concurrent-transforms-times-payload-100-mb', '4'],
      ['batch-strategy-needs-split-type', 'None'],
    ]);
  });
  test('more training jobs than the ranges offer combinations: the count in the message, and the fix writes it', () => {
    const ranges = { CategoricalParameterRanges: [{ Name: 'a', Values: ['x', 'y'] }, { Name: 'b', Values: ['1', '2', '3'] }], IntegerParameterRanges: [{ Name: 'depth', MinValue: '1', MaxValue: '2' }] };
    const text = JSON.stringify(tuning({ ResourceLimits: { MaxParallelTrainingJobs: 1, MaxNumberOfTrainingJobs: 13 }, ParameterRanges: ranges }));
    const [p] = checkDocumentedRules('createHyperParameterTuningJob', parseTree(text) as AstNode).filter((f) => f.data!.rule === 'tuning-jobs-within-range-combinations');
    assert.equal(text.slice(p.offset, p.offset + p.length), '13');
    assert.match(p.message, /^HyperParameterTuningJobConfig\.ResourceLimits\.MaxNumberOfTrainingJobs is 13 when .*, more than the 2 × 3 × 2 = 12 distinct combinations its ranges offer \(SageMaker refuses a tuning job of fewer\): give the ranges more values, or launch at most 12 training jobs/);
    assert.deepEqual(p.data!.fix, { kind: 'replace', at: 0, length: 2, value: 12 });
  });
  test('a format pattern judges a text only up to a length documented values have (the compiler options\' patterns backtrack)', () => {
    const found = (options: string) => documentedRuleViolations('CreateCompilationJob', { ModelPackageVersionArn: packageArn, OutputConfig: { S3OutputLocation: 's3://b/o', TargetDevice: 'ml_c5', CompilerOptions: options } }).map((v) => v.rule);
    assert.deepEqual(found('{"ANDROID_PLATFORM": 30}'), ['compiler-options-android-platform-21-29']);
    // Longer than the model allows (1,024): that is its finding, and the pattern is not run on it.
    assert.deepEqual(found(`{"ANDROID_PLATFORM": 30, "pad": "${'x'.repeat(5000)}"}`), []);
  });
  test("a rule that rests on SageMaker's answer to such a request quotes that answer and where it was reported (ux41)", () => {
    const [p] = documentedRuleViolations('CreateTrainingJob', trainingJob({ StoppingCondition: { MaxRuntimeInSeconds: 100, MaxWaitTimeInSeconds: 200 } })).filter((v) => v.rule === 'max-wait-only-for-spot-training');
    assert.match(p.message, /is allowed only when EnableManagedSpotTraining is true\. SageMaker answers such a request "Invalid MaxWaitTimeInSeconds\. It is only supported when EnableManagedSpotTraining is set to true" \(reported in Kenza-AI\/sagify#111\)\. SageMaker's API documentation/);
  });
  test('a plain request (the emulator\'s view): messages without positions', () => {
    assert.deepEqual(documentedRuleViolations('CreateTrainingJob', trainingJob({ EnableManagedSpotTraining: true, StoppingCondition: { MaxRuntimeInSeconds: 100, MaxWaitTimeInSeconds: 50 } })), [
      {
        rule: 'max-wait-at-least-max-runtime',
        severity: 'error',
        message: 'StoppingCondition.MaxWaitTimeInSeconds (50) must be at least StoppingCondition.MaxRuntimeInSeconds (100). SageMaker\'s API documentation (StoppingCondition.MaxWaitTimeInSeconds): "It must be equal to or greater than MaxRuntimeInSeconds."',
        summary: 'StoppingCondition.MaxWaitTimeInSeconds (50) must be at least StoppingCondition.MaxRuntimeInSeconds (100)',
      },
    ]);
    assert.deepEqual(documentedRuleViolations('createTrainingJob', undefined), []);
  });
  test('a value an expression of literals always gives is judged as that value: a warning (it deploys, and fails when the state runs), no fix', () => {
    const at = (payload: unknown, jsonata: boolean) => {
      const text = JSON.stringify(trainingJob(payload as object));
      return checkDocumentedRules('createTrainingJob', parseTree(text) as AstNode, false, jsonata).map((p) => [p.severity, text.slice(p.offset, p.offset + p.length), p.data?.fix === undefined]);
    };
    // JSONata: arithmetic of literals; an intrinsic call of literals in a `.$` key.
    assert.deepEqual(at({ StoppingCondition: { MaxRuntimeInSeconds: '{% 3600 * 24 * 30 %}' } }, true), [['warning', '"{% 3600 * 24 * 30 %}"', true]]);
    assert.deepEqual(at({ StoppingCondition: { 'MaxRuntimeInSeconds.$': 'States.MathAdd(2419200, 3600)' } }, false), [['warning', '"States.MathAdd(2419200, 3600)"', true]]);
    // What reads anything, varies, or is not a JSONata state's: not known, nothing said.
    assert.deepEqual(at({ StoppingCondition: { MaxRuntimeInSeconds: '{% $states.input.s * 30 %}' } }, true), []);
    assert.deepEqual(at({ StoppingCondition: { 'MaxRuntimeInSeconds.$': 'States.MathAdd($.s, 3600)' } }, false), []);
    assert.deepEqual(at({ StoppingCondition: { 'MaxRuntimeInSeconds.$': 'States.MathAdd(States.MathRandom(1, 9), 2419200)' } }, false), []);
    assert.deepEqual(at({ StoppingCondition: { MaxRuntimeInSeconds: '{% 3600 * 24 * 30 %}' } }, false), []);
    // Within the limit: nothing.
    assert.deepEqual(at({ StoppingCondition: { MaxRuntimeInSeconds: '{% 3600 * 24 %}' } }, true), []);
  });
  test('an affix rule on a computed string whose text shows how it ends: a warning where it always or never has the affix', () => {
    const at = (payload: unknown, jsonata = false) => {
      const text = JSON.stringify(payload);
      return checkDocumentedRules('createLabelingJob', parseTree(text) as AstNode, false, jsonata).map((p) => [p.data?.rule, p.severity, text.slice(p.offset, p.offset + p.length)]);
    };
    const semseg = human({ PreHumanTaskLambdaArn: preLambda('PRE-SemanticSegmentation') });
    assert.deepEqual(at({ 'LabelAttributeName.$': "States.Format('{}-metadata', $.attr)" }), [['label-attribute-name-not-metadata', 'warning', `"States.Format('{}-metadata', $.attr)"`]]);
    assert.match(checkDocumentedRules('createLabelingJob', parseTree(JSON.stringify({ 'LabelAttributeName.$': "States.Format('{}-metadata', $.attr)" })) as AstNode)[0].message, /^LabelAttributeName\.\$ = "States\.Format\('\{\}-metadata', \$\.attr\)" always ends with "-metadata"; it must not end with "-metadata" \(with the value/);
    assert.deepEqual(at({ LabelAttributeName: "{% $states.input.name & '-metadata' %}" }, true), [['label-attribute-name-not-metadata', 'warning', `"{% $states.input.name & '-metadata' %}"`]]);
    assert.deepEqual(at({ 'LabelAttributeName.$': "States.Format('{}-mask', $.x)", ...semseg }), [['label-attribute-name-ref', 'warning', `"States.Format('{}-mask', $.x)"`]]);
    // What the text leaves open: an end too short to tell ("ef" after "-r"?), the affix itself, no known end.
    assert.deepEqual(at({ 'LabelAttributeName.$': "States.Format('{}ef', $.x)", ...semseg }), []);
    assert.deepEqual(at({ 'LabelAttributeName.$': "States.Format('{}-ref', $.x)", ...semseg }), []);
    assert.deepEqual(at({ 'LabelAttributeName.$': "States.Format('{}-meta', $.x)" }), []);
    assert.deepEqual(at({ 'LabelAttributeName.$': '$.name' }), []);
    assert.deepEqual(at({ LabelAttributeName: "{% $states.input.name & '-metadata' %}" }, false), []);
  });
  test('a JSONata payload that is one expression, and values of the wrong type, find nothing', () => {
    assert.deepEqual(rulesOf('createTransformJob', '{% $states.input.request %}'), []);
    assert.deepEqual(rulesOf('createTransformJob', { MaxPayloadInMB: '200', StoppingCondition: 1 }), []);
  });
});

test('the README table has one row per rule', async () => {
  const { rulesTable } = await rulesScript();
  const table = rulesTable(JSON.parse(readFileSync(join(root, 'schemas', 'documented-rules.json'), 'utf8'))) as string;
  assert.equal(table.split('\n').length, documentedRules().length + 2);
  assert.match(table, /^\| `max-wait-at-least-max-runtime` \| MaxRuntimeInSeconds ≤ MaxWaitTimeInSeconds \| StoppingCondition \| error \| StoppingCondition\.MaxWaitTimeInSeconds: "It must be equal to or greater than MaxRuntimeInSeconds\." \|$/m);
});

describe('fields SageMaker evaluates as JSONPath itself (literal-json-paths.json)', () => {
  test('is what the script makes from the model', async () => {
    const { literalJsonPaths } = await rulesScript();
    assert.equal(readFileSync(join(root, 'schemas', 'literal-json-paths.json'), 'utf8'), JSON.stringify(literalJsonPaths(model()), null, 1) + '\n');
  });
  test('holds DataProcessing.InputFilter and OutputFilter of createTransformJob, found from the documentation', async () => {
    const { literalJsonPaths } = await rulesScript();
    const fields = literalJsonPaths(model()).fields as { shape: string; member: string; language: string; paths: Record<string, string[]> }[];
    const jsonPath = fields.filter((f) => f.language === 'JSONPath');
    assert.deepEqual(
      jsonPath.map((f) => [f.shape, f.member, f.paths]),
      [
        ['DataProcessing', 'InputFilter', { createTransformJob: ['DataProcessing.InputFilter'] }],
        ['DataProcessing', 'OutputFilter', { createTransformJob: ['DataProcessing.OutputFilter'] }],
      ],
    );
    assert.deepEqual(
      fields.filter((f) => f.language === 'JMESPath').map((f) => `${f.shape}.${f.member}`),
      ['ClarifyExplainerConfig.EnableExplanations', 'ClarifyInferenceConfig.FeaturesAttribute', 'ClarifyInferenceConfig.ProbabilityAttribute', 'ClarifyInferenceConfig.LabelAttribute'],
    );
  });
});

describe('isEvaluatedBySageMaker', () => {
  test('a transform job\'s filters are SageMaker\'s own JSONPath; a job name is not', () => {
    assert.equal(isEvaluatedBySageMaker('DataProcessing', 'InputFilter'), true);
    assert.equal(isEvaluatedBySageMaker('DataProcessing', 'OutputFilter'), true);
    assert.equal(isEvaluatedBySageMaker('ClarifyInferenceConfig', 'FeaturesAttribute'), true);
    assert.equal(isEvaluatedBySageMaker('DataProcessing', 'JoinSource'), false);
    assert.equal(isEvaluatedBySageMaker('CreateTransformJobRequest', 'TransformJobName'), false);
  });
});

test('the README holds the table as the script makes it', async () => {
  const { rulesTable } = await rulesScript();
  const table = rulesTable(JSON.parse(readFileSync(join(root, 'schemas', 'documented-rules.json'), 'utf8'))) as string;
  assert.ok(readFileSync(join(root, 'README.md'), 'utf8').includes(table.trimEnd()), 'README.md: paste `node schemas/rules.mjs --markdown` into "SageMaker\'s documented rules"');
});

test('wildcardMatch: * is any run of characters, a * in the text a character, and a pathological pattern stays fast', () => {
  const yes: [string, string][] = [['ml-*', 'ml-admins'], ['*', ''], ['*', 'x'], ['a*b*c', 'axxbyyc'], ['ml-*', 'ml-admins-*'], ['a**b', 'ab'], ['exact', 'exact']];
  const no: [string, string][] = [['ml-*', 'platform-admins'], ['ml-*', '*'], ['a*b', 'ac'], ['exact', 'exactly'], ['', 'x']];
  for (const [p, s] of yes) assert.ok(wildcardMatch(p, s), `${p} ~ ${s}`);
  for (const [p, s] of no) assert.ok(!wildcardMatch(p, s), `${p} !~ ${s}`);
  assert.equal(wildcardMatch('*a'.repeat(64) + 'b', 'a'.repeat(128)), false);
});

test('an image version\'s base image from another registry: a warning on it that names the forms of an ECR URI', () => {
  const found = run('createImageVersion', { ImageName: 'kernel', BaseImage: 'docker.io/library/python:3.11' });
  assert.equal(found.length, 1);
  assert.equal(found[0].at, '"docker.io/library/python:3.11"');
  assert.equal(found[0].severity, 'warning');
  assert.equal(found[0].fix, undefined);
  assert.match(found[0].message, /^BaseImage "docker\.io\/library\/python:3\.11" matches none of "\*\.dkr\.ecr\.\*\.amazonaws\.com\/\*", /);
});

test('role groups past what the model allows are left to its list and length checks: no quadratic findings or messages (review25)', () => {
  const globs = (n: number) => Array.from({ length: n }, (_, i) => `team-${i}-*`);
  const groups = (n: number) => Array.from({ length: n }, (_, i) => `other-${i}`);
  // Within the model's limits: each unmatched group once, its message quoting at most five patterns.
  const small = run('createPartnerApp', partner(globs(10), groups(3))).filter((f) => f.rule === 'partner-app-role-groups-assigned');
  assert.equal(small.length, 3);
  assert.match(small[0].message, /"team-4-\*", …\)/);
  // 3,000 patterns and 3,000 groups (a 52 KB file that kept the server busy past 15 s): silent.
  assert.deepEqual(run('createPartnerApp', partner(globs(3000), groups(3000))).filter((f) => f.rule === 'partner-app-role-groups-assigned'), []);
  // One pattern and one group of 60,000 characters each (pattern × text steps): silent.
  assert.deepEqual(run('createPartnerApp', partner(['*' + 'a'.repeat(60000) + 'b'], ['a'.repeat(60000)])).filter((f) => f.rule === 'partner-app-role-groups-assigned'), []);
});

test('the format rules read a long value in one pass: 200,000 digits then a letter (a number pattern that splits digits every way took minutes)', () => {
  const long = '1'.repeat(200_000) + 'x';
  const ranges = tuning({ ParameterRanges: { ContinuousParameterRanges: [{ Name: 'x', MinValue: long, MaxValue: '1' }], IntegerParameterRanges: [{ Name: 'y', MinValue: long, MaxValue: '1' }] } });
  assert.ok(rulesOf('createHyperParameterTuningJob', ranges).includes('continuous-range-min-number'));
  assert.ok(rulesOf('createHyperParameterTuningJob', ranges).includes('integer-range-min-integer'));
  assert.deepEqual(rulesOf('createMonitoringSchedule', window(`-P${long}`, `-PT${'1.'.repeat(100_000)}H`)).sort(), ['monitoring-end-offset-iso-duration', 'monitoring-start-offset-iso-duration']);
});

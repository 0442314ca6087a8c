// The IAM policy a state machine's role needs for its SageMaker tasks, compared with the Step Functions developer
// guide's published policies ("IAM policies for Amazon SageMaker AI", doc_source/sagemaker-iam.md of
// awsdocs/aws-step-functions-developer-guide): CreateTrainingJob and CreateTransformJob, static and dynamic names,
// `.sync` and request-response. The guide publishes no other SageMaker policy; the other seven integrations are
// checked against the same pattern, with the resources the AWS CDK grants for them.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { iamPolicyFor, type PolicyDocument, type PolicyTask } from '../../server/src/service/sagemaker/iamPolicy';
import { SAGEMAKER_INTEGRATIONS } from '../../server/src/service/sagemaker/integrations';
import { integrationNames } from '../../server/src/service/sagemaker/shapes';

const ROLE = 'arn:aws:iam::111122223333:role/SageMakerRole';
const GUIDE = { region: '[[region]]', account: '[[accountId]]' };
const withoutSids = (p: PolicyDocument) => ({ ...p, Statement: p.Statement.map(({ Sid: _sid, ...s }) => s) });
const task = (api: string, payload: unknown, integrationPattern: PolicyTask['integrationPattern'] = 'sync', stateName = 'Run job'): PolicyTask => ({ api, integrationPattern, payload, stateName });
const policy = (t: PolicyTask | PolicyTask[], options = GUIDE) => iamPolicyFor([t].flat(), options);

const listTags = { Effect: 'Allow', Action: ['sagemaker:ListTags'], Resource: ['*'] };
const passRole = (...roles: string[]) => ({
  Effect: 'Allow',
  Action: ['iam:PassRole'],
  Resource: roles,
  Condition: { StringEquals: { 'iam:PassedToService': 'sagemaker.amazonaws.com' } },
});
const events = (rule: string) => ({
  Effect: 'Allow',
  Action: ['events:PutTargets', 'events:PutRule', 'events:DescribeRule'],
  Resource: [`arn:aws:events:[[region]]:[[accountId]]:rule/${rule}`],
});

// The guide's policies, as published (its [[trainingJobName]] and [[roleArn]] filled with the task's values), with
// sagemaker:AddTags for .sync: Step Functions tags the jobs it follows (MANAGED_BY_AWS), which the page leaves out
// and whose absence fails the state with AccessDenied (aws/aws-cdk#26012, #32294).
const guideTraining = (name: string, sync: boolean) => ({
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Action: sync ? ['sagemaker:CreateTrainingJob', 'sagemaker:DescribeTrainingJob', 'sagemaker:StopTrainingJob', 'sagemaker:AddTags'] : ['sagemaker:CreateTrainingJob'],
      Resource: [`arn:aws:sagemaker:[[region]]:[[accountId]]:training-job/${name}`],
    },
    listTags,
    passRole(ROLE),
    ...(sync ? [events('StepFunctionsGetEventsForSageMakerTrainingJobsRule')] : []),
  ],
});
// The guide's transform policies also pass [[roleArn]], but CreateTransformJob has no role to pass (the model has
// no RoleArn member in CreateTransformJobRequest): the generated policy leaves that statement out.
const guideTransform = (name: string, sync: boolean) => ({
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Action: sync ? ['sagemaker:CreateTransformJob', 'sagemaker:DescribeTransformJob', 'sagemaker:StopTransformJob', 'sagemaker:AddTags'] : ['sagemaker:CreateTransformJob'],
      Resource: [`arn:aws:sagemaker:[[region]]:[[accountId]]:transform-job/${name}`],
    },
    listTags,
    ...(sync ? [events('StepFunctionsGetEventsForSageMakerTransformJobsRule')] : []),
  ],
});

test('every SageMaker integration the model is generated for (schemas/generate.mjs) has its entry (graph label, policy)', () => {
  assert.deepEqual(Object.keys(SAGEMAKER_INTEGRATIONS).sort(), [...integrationNames].sort());
});

describe('the guide\'s published policies', () => {
  for (const sync of [true, false]) {
    const pattern = sync ? 'sync' : 'requestResponse';
    test(`CreateTrainingJob, ${pattern}, static name`, () => {
      assert.deepEqual(withoutSids(policy(task('createTrainingJob', { TrainingJobName: 'churn-xgb', RoleArn: ROLE }, pattern))), guideTraining('churn-xgb*', sync));
    });
    test(`CreateTrainingJob, ${pattern}, dynamic name`, () => {
      assert.deepEqual(withoutSids(policy(task('createTrainingJob', { 'TrainingJobName.$': '$.name', RoleArn: ROLE }, pattern))), guideTraining('*', sync));
    });
    test(`CreateTransformJob, ${pattern}, static name`, () => {
      assert.deepEqual(withoutSids(policy(task('createTransformJob', { TransformJobName: 'batch-score', ModelName: 'm' }, pattern))), guideTransform('batch-score*', sync));
    });
    test(`CreateTransformJob, ${pattern}, dynamic name`, () => {
      assert.deepEqual(withoutSids(policy(task('createTransformJob', { TransformJobName: '{% $states.input.name %}', ModelName: 'm' }, pattern))), guideTransform('*', sync));
    });
  }
});

describe('the other integrations, on the same pattern', () => {
  const sm = (type: string, name: string) => `arn:aws:sagemaker:[[region]]:[[accountId]]:${type}/${name}`;
  const job = (actions: string[], resources: string[]) => ({ Effect: 'Allow', Action: actions, Resource: resources });
  const cases: [string, unknown, PolicyTask['integrationPattern'], unknown[]][] = [
    [
      'createHyperParameterTuningJob',
      { HyperParameterTuningJobName: 'tune', TrainingJobDefinition: { RoleArn: ROLE } },
      'sync',
      [
        job(['sagemaker:CreateHyperParameterTuningJob', 'sagemaker:DescribeHyperParameterTuningJob', 'sagemaker:StopHyperParameterTuningJob', 'sagemaker:AddTags'], [sm('hyper-parameter-tuning-job', 'tune*')]),
        listTags,
        passRole(ROLE),
        events('StepFunctionsGetEventsForSageMakerTuningJobsRule'),
      ],
    ],
    [
      'createHyperParameterTuningJob',
      { HyperParameterTuningJobName: 'tune', TrainingJobDefinitions: [{ RoleArn: ROLE }, { RoleArn: 'arn:aws:iam::111122223333:role/Other' }, { RoleArn: ROLE }] },
      'requestResponse',
      [job(['sagemaker:CreateHyperParameterTuningJob'], [sm('hyper-parameter-tuning-job', 'tune*')]), listTags, passRole(ROLE, 'arn:aws:iam::111122223333:role/Other')],
    ],
    [
      'createLabelingJob',
      { LabelingJobName: 'label', RoleArn: ROLE },
      'sync',
      [
        job(['sagemaker:CreateLabelingJob', 'sagemaker:DescribeLabelingJob', 'sagemaker:StopLabelingJob', 'sagemaker:AddTags'], [sm('labeling-job', 'label*')]),
        listTags,
        passRole(ROLE),
        events('StepFunctionsGetEventsForSageMaker*'),
      ],
    ],
    ['createLabelingJob', { LabelingJobName: 'label', RoleArn: ROLE }, 'requestResponse', [job(['sagemaker:CreateLabelingJob'], [sm('labeling-job', 'label*')]), listTags, passRole(ROLE)]],
    [
      'createProcessingJob',
      { ProcessingJobName: 'prep', RoleArn: ROLE },
      'sync',
      [
        job(['sagemaker:CreateProcessingJob', 'sagemaker:DescribeProcessingJob', 'sagemaker:StopProcessingJob', 'sagemaker:AddTags'], [sm('processing-job', 'prep*')]),
        listTags,
        passRole(ROLE),
        events('StepFunctionsGetEventsForSageMakerProcessingJobsRule'),
      ],
    ],
    ['createProcessingJob', { ProcessingJobName: 'prep', RoleArn: ROLE }, 'requestResponse', [job(['sagemaker:CreateProcessingJob'], [sm('processing-job', 'prep*')]), listTags, passRole(ROLE)]],
    ['createModel', { ModelName: 'Churn-Model', ExecutionRoleArn: ROLE }, 'requestResponse', [job(['sagemaker:CreateModel'], [sm('model', 'churn-model*')]), listTags, passRole(ROLE)]],
    ['createEndpointConfig', { EndpointConfigName: 'churn-config' }, 'requestResponse', [job(['sagemaker:CreateEndpointConfig'], [sm('endpoint-config', 'churn-config')]), listTags]],
    [
      'createEndpoint',
      { EndpointName: 'churn', EndpointConfigName: 'churn-config' },
      'requestResponse',
      [job(['sagemaker:CreateEndpoint'], [sm('endpoint', 'churn'), sm('endpoint-config', 'churn-config')]), listTags],
    ],
    [
      'updateEndpoint',
      { EndpointName: 'churn', 'EndpointConfigName.$': '$.config' },
      'requestResponse',
      [job(['sagemaker:UpdateEndpoint'], [sm('endpoint', 'churn'), sm('endpoint-config', '*')]), listTags],
    ],
  ];
  for (const [api, payload, pattern, statements] of cases) {
    test(`${api}, ${pattern}`, () => {
      assert.deepEqual(withoutSids(policy(task(api, payload, pattern))), { Version: '2012-10-17', Statement: statements });
    });
  }
  // Every integration of the generated schemas (a newly generated one without a policy entry fails here).
  test('with the guide\'s two, every integration is covered, in both patterns where it has .sync', () => {
    const seen = new Set(cases.map(([api, , pattern]) => `${api} ${pattern}`));
    for (const api of integrationNames.filter((a) => a !== 'createTrainingJob' && a !== 'createTransformJob')) {
      assert.ok(seen.has(`${api} requestResponse`) || seen.has(`${api} sync`), api);
    }
    for (const api of ['createHyperParameterTuningJob', 'createLabelingJob', 'createProcessingJob']) {
      assert.ok(seen.has(`${api} sync`) && seen.has(`${api} requestResponse`), api);
    }
  });
  test('.sync on an integration without it adds nothing', () => {
    assert.deepEqual(policy(task('createModel', { ModelName: 'm' }, 'sync')).Statement[0].Action, ['sagemaker:CreateModel']);
  });
});

describe('resources as narrow as the text allows', () => {
  const resourceOf = (payload: unknown, api = 'createTrainingJob') => policy(task(api, payload, 'requestResponse')).Statement[0].Resource[0];
  test('a name built from a literal prefix: States.Format and JSONata', () => {
    assert.equal(resourceOf({ 'TrainingJobName.$': "States.Format('Churn-{}', $$.Execution.Name)" }), 'arn:aws:sagemaker:[[region]]:[[accountId]]:training-job/churn-*');
    assert.equal(resourceOf({ TrainingJobName: "{% 'churn-' & $states.context.Execution.Name %}" }), 'arn:aws:sagemaker:[[region]]:[[accountId]]:training-job/churn-*');
    assert.equal(resourceOf({ 'TrainingJobName.$': "States.Format('{}-churn', $.id)" }), 'arn:aws:sagemaker:[[region]]:[[accountId]]:training-job/*');
    // A template's placeholder in the prefix stays as written, as in a literal name (walk32: it was cut to "churn-$").
    assert.equal(resourceOf({ 'TrainingJobName.$': "States.Format('Churn-${Stage}-{}', $$.Execution.Name)" }), 'arn:aws:sagemaker:[[region]]:[[accountId]]:training-job/churn-${Stage}-*');
    assert.equal(resourceOf({ 'TrainingJobName.$': "States.Format('${JobPrefix}-{}', $$.Execution.Name)" }), 'arn:aws:sagemaker:[[region]]:[[accountId]]:training-job/${JobPrefix}-*');
    assert.equal(resourceOf({ 'TrainingJobName.$': "States.Format('churn-${Ref}-{}', $.id)" }), 'arn:aws:sagemaker:[[region]]:[[accountId]]:training-job/churn-*-*');
    assert.equal(resourceOf({ 'TrainingJobName.$': "States.Format('cost-$5-{}', $.id)" }), 'arn:aws:sagemaker:[[region]]:[[accountId]]:training-job/cost-$5-*');
    assert.equal(resourceOf({}), 'arn:aws:sagemaker:[[region]]:[[accountId]]:training-job/*');
  });
  test('template placeholders are kept as written (case too); the rest is lowercased as SageMaker writes ARNs', () => {
    assert.equal(resourceOf({ TrainingJobName: '${JobPrefix}-Train' }), 'arn:aws:sagemaker:[[region]]:[[accountId]]:training-job/${JobPrefix}-train*');
    // An intrinsic's value in a template's Definition (`!Ref Stage`, read as ${Ref}) has no name to fill: any text.
    assert.equal(resourceOf({ TrainingJobName: 'Churn-${Fn::Sub}' }), 'arn:aws:sagemaker:[[region]]:[[accountId]]:training-job/churn-*');
    assert.equal(resourceOf({ TrainingJobName: '${Ref}' }), 'arn:aws:sagemaker:[[region]]:[[accountId]]:training-job/*');
  });
  test('roles: literal and placeholder as written, a computed role is any role of the account', () => {
    const roles = (payload: unknown) => policy(task('createTrainingJob', payload, 'requestResponse')).Statement.find((s) => s.Action[0] === 'iam:PassRole')?.Resource;
    assert.deepEqual(roles({ RoleArn: '${SageMakerRoleArn}' }), ['${SageMakerRoleArn}']);
    assert.deepEqual(roles({ RoleArn: '${Fn::GetAtt}' }), ['arn:aws:iam::[[accountId]]:role/*']);
    assert.deepEqual(roles({ 'RoleArn.$': '$.role' }), ['arn:aws:iam::[[accountId]]:role/*']);
    assert.deepEqual(roles({}), undefined);
    const tuningRoles = policy(task('createHyperParameterTuningJob', { 'TrainingJobDefinitions.$': '$.definitions' }, 'requestResponse')).Statement.find((s) => s.Action[0] === 'iam:PassRole')?.Resource;
    assert.deepEqual(tuningRoles, ['arn:aws:iam::[[accountId]]:role/*']);
  });
  test('Tags in the request add sagemaker:AddTags on the same resource', () => {
    assert.deepEqual(policy(task('createTrainingJob', { TrainingJobName: 'j', Tags: [{ Key: 'k', Value: 'v' }] }, 'requestResponse')).Statement[0].Action, ['sagemaker:CreateTrainingJob', 'sagemaker:AddTags']);
  });
  test('partition, region and account: defaults and options', () => {
    assert.equal(iamPolicyFor([task('createTrainingJob', { TrainingJobName: 'j' })]).Statement[0].Resource[0], 'arn:aws:sagemaker:*:*:training-job/j*');
    const cn = iamPolicyFor([task('createTrainingJob', { TrainingJobName: 'j' })], { partition: 'aws-cn', region: 'cn-north-1', account: '111122223333' });
    assert.deepEqual(cn.Statement.map((s) => s.Resource[0]), ['arn:aws-cn:sagemaker:cn-north-1:111122223333:training-job/j*', '*', 'arn:aws-cn:events:cn-north-1:111122223333:rule/StepFunctionsGetEventsForSageMakerTrainingJobsRule']);
  });
});

describe('a whole state machine', () => {
  test('one statement per set of actions, its resources listed, named after its states; ListTags, PassRole and each rule once; Sids are unique', () => {
    const p = iamPolicyFor(
      [
        task('createTrainingJob', { TrainingJobName: 'train', RoleArn: ROLE }, 'sync', 'Train model'),
        task('createTrainingJob', { TrainingJobName: 'retrain', RoleArn: ROLE }, 'sync', 'Train model'),
        task('createModel', { ModelName: 'm', ExecutionRoleArn: ROLE }, 'requestResponse', 'save-model'),
        task('createTransformJob', { TransformJobName: 'score' }, 'sync', 'Batch score'),
        task('createTrainingJob', { TrainingJobName: 'x' }, 'sync', '!!!'),
        task('startExecution', {}, 'sync', 'Not SageMaker'),
      ],
      GUIDE,
    );
    assert.deepEqual(
      p.Statement.map((s) => [s.Sid, s.Action[0], s.Resource.length]),
      [
        ['TrainModelStateCreateTrainingJob', 'sagemaker:CreateTrainingJob', 3],
        ['SaveModelCreateModel', 'sagemaker:CreateModel', 1],
        ['BatchScoreCreateTransformJob', 'sagemaker:CreateTransformJob', 1],
        ['SageMakerListTags', 'sagemaker:ListTags', 1],
        ['TrainModelSaveModelPassRole', 'iam:PassRole', 1],
        ['TrainModelStateTrainingJobsEvents', 'events:PutTargets', 1],
        ['BatchScoreTransformJobsEvents', 'events:PutTargets', 1],
      ],
    );
    for (const s of p.Statement) assert.match(s.Sid, /^[A-Za-z0-9]+$/);
    // A resource another covers is left out (a computed name's job/* covers every named one); more than three states
    // are named by the first two and how many more (iam45: sixty tasks made 65 statements, 17,780 characters).
    const many = iamPolicyFor(['a', 'b', 'c', 'd'].map((n) => task('createTrainingJob', { TrainingJobName: n }, 'requestResponse', `Train ${n}`)), GUIDE);
    assert.deepEqual(many.Statement.map((s) => [s.Sid, s.Resource.length]), [['TrainATrainBAnd2MoreCreateTrainingJob', 4], ['SageMakerListTags', 1]]);
    const covered = iamPolicyFor([task('createTrainingJob', { TrainingJobName: 'a' }, 'requestResponse', 'A'), task('createTrainingJob', { 'TrainingJobName.$': '$.name' }, 'requestResponse', 'B')], GUIDE);
    assert.deepEqual(covered.Statement[0].Resource, ['arn:aws:sagemaker:[[region]]:[[accountId]]:training-job/*']);
  });
  test('AWS SDK integration tasks: the API\'s own action on any resource, PassRole for a role the request passes; no ListTags without an optimized task', () => {
    const sdk = (api: string, payload: unknown, stateName: string): PolicyTask => ({ api, sdk: true, integrationPattern: 'requestResponse', payload, stateName });
    const p = iamPolicyFor([sdk('describeTrainingJob', { TrainingJobName: 'j' }, 'Check'), sdk('createPipeline', { PipelineName: 'p', RoleArn: ROLE }, 'Make pipeline'), sdk('createModel', { 'ExecutionRoleArn.$': '$.role' }, 'Model')], GUIDE);
    assert.deepEqual(withoutSids(p).Statement, [
      { Effect: 'Allow', Action: ['sagemaker:DescribeTrainingJob'], Resource: ['*'] },
      { Effect: 'Allow', Action: ['sagemaker:CreatePipeline'], Resource: ['*'] },
      { Effect: 'Allow', Action: ['sagemaker:CreateModel'], Resource: ['*'] },
      passRole(ROLE, 'arn:aws:iam::[[accountId]]:role/*'),
    ]);
    assert.deepEqual(p.Statement.map((s) => s.Sid), ['CheckDescribeTrainingJob', 'MakePipelineCreatePipeline', 'ModelCreateModel', 'MakePipelineModelPassRole']);
    // Beside an optimized task, ListTags is there once, for the optimized one.
    const both = iamPolicyFor([task('createTrainingJob', { TrainingJobName: 't' }, 'requestResponse', 'Train'), sdk('stopTrainingJob', {}, 'Stop')], GUIDE);
    assert.deepEqual(both.Statement.map((s) => s.Action[0]), ['sagemaker:CreateTrainingJob', 'sagemaker:StopTrainingJob', 'sagemaker:ListTags']);
  });
  test('the same actions on the same resources are one statement, named after each state that needs it (walk38: CreateModel twice on model/*, five PassRole for one role)', () => {
    const p = iamPolicyFor([
      task('createModel', { 'ModelName.$': '$.a', ExecutionRoleArn: ROLE }, 'requestResponse', 'Model A'),
      task('createModel', { 'ModelName.$': '$.b', ExecutionRoleArn: ROLE }, 'requestResponse', 'Model B'),
      task('createTrainingJob', { TrainingJobName: 't', RoleArn: ROLE }, 'requestResponse', 'Train'),
    ], GUIDE);
    assert.deepEqual(p.Statement.map((s) => [s.Sid, s.Action[0], s.Resource]), [
      ['ModelAModelBCreateModel', 'sagemaker:CreateModel', ['arn:aws:sagemaker:[[region]]:[[accountId]]:model/*']],
      ['TrainCreateTrainingJob', 'sagemaker:CreateTrainingJob', ['arn:aws:sagemaker:[[region]]:[[accountId]]:training-job/t*']],
      ['SageMakerListTags', 'sagemaker:ListTags', ['*']],
      ['ModelAModelBTrainPassRole', 'iam:PassRole', [ROLE]],
    ]);
  });
  test("a job spec's policy is what its launch calls: create, describe, stop, the job's logs and the role it passes; no ListTags, no EventBridge rule (walk38)", () => {
    const p = iamPolicyFor([{ ...task('createTrainingJob', { TrainingJobName: 'churn', RoleArn: ROLE }, 'requestResponse', 'CreateTrainingJob'), standalone: { logGroup: '/aws/sagemaker/TrainingJobs' } }], GUIDE);
    assert.deepEqual(p.Statement.map((s) => [s.Sid, s.Action, s.Resource]), [
      ['CreateTrainingJob', ['sagemaker:CreateTrainingJob', 'sagemaker:DescribeTrainingJob', 'sagemaker:StopTrainingJob'], ['arn:aws:sagemaker:[[region]]:[[accountId]]:training-job/churn*']],
      ['ReadTrainingJobLogs', ['logs:DescribeLogStreams', 'logs:GetLogEvents'], ['arn:aws:logs:[[region]]:[[accountId]]:log-group:/aws/sagemaker/TrainingJobs:*']],
      ['PassRole', ['iam:PassRole'], [ROLE]],
    ]);
  });
  test('no SageMaker task: an empty policy', () => {
    assert.deepEqual(iamPolicyFor([]), { Version: '2012-10-17', Statement: [] });
  });
});

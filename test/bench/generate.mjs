// Deterministic large state machines for the benchmark, shaped like the ones measured in the notes on AWS's
// ASL service: per 5 states one Pass, one Choice, one SageMaker training, one SageMaker transform, one Lambda;
// every state reachable, one terminal Succeed.
export function generateStateMachine(n) {
  const states = {};
  const name = (i) => `State${String(i).padStart(5, '0')}`;
  for (let i = 0; i < n - 1; i++) {
    const next = name(i + 1);
    switch (i % 5) {
      case 0:
        states[name(i)] = { Type: 'Pass', Result: { step: i, tags: ['a', 'b'] }, ResultPath: '$.pass', Next: next };
        break;
      case 1:
        states[name(i)] = {
          Type: 'Choice',
          Choices: [{ Variable: '$.pass.step', NumericGreaterThan: i, Next: next }],
          Default: next,
        };
        break;
      case 2:
        states[name(i)] = {
          Type: 'Task',
          Resource: 'arn:aws:states:::sagemaker:createTrainingJob.sync',
          Parameters: {
            TrainingJobName: `train-${i}`,
            RoleArn: 'arn:aws:iam::111122223333:role/SageMakerRole',
            AlgorithmSpecification: { TrainingImage: '382416733822.dkr.ecr.us-east-1.amazonaws.com/xgboost:1', TrainingInputMode: 'File' },
            HyperParameters: { max_depth: '5', eta: '0.2', objective: 'binary:logistic' },
            InputDataConfig: [{ ChannelName: 'train', DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: `s3://bucket/train/${i}` } } }],
            OutputDataConfig: { S3OutputPath: 's3://bucket/output' },
            ResourceConfig: { InstanceCount: 1, InstanceType: 'ml.m5.large', VolumeSizeInGB: 10 },
            StoppingCondition: { MaxRuntimeInSeconds: 3600 },
          },
          ResultPath: '$.training',
          Next: next,
        };
        break;
      case 3:
        states[name(i)] = {
          Type: 'Task',
          Resource: 'arn:aws:states:::sagemaker:createTransformJob.sync',
          Parameters: {
            TransformJobName: `transform-${i}`,
            ModelName: 'my-model',
            TransformInput: { ContentType: 'text/csv', DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: `s3://bucket/in/${i}` } } },
            TransformOutput: { S3OutputPath: 's3://bucket/out' },
            TransformResources: { InstanceCount: 1, InstanceType: 'ml.m5.large' },
          },
          ResultPath: '$.transform',
          Next: next,
        };
        break;
      default:
        states[name(i)] = {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Parameters: { FunctionName: 'arn:aws:lambda:us-east-1:111122223333:function:step', 'Payload.$': '$' },
          ResultPath: '$.lambda',
          Next: next,
        };
    }
  }
  states[name(n - 1)] = { Type: 'Succeed' };
  return JSON.stringify({ Comment: `Generated, ${n} states`, StartAt: name(0), States: states }, null, 2);
}

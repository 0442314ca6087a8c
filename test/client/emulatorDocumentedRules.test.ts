// The emulator refuses what the editor flags: SageMaker's documented-only rules (schemas/documented-rules.json)
// answered as SageMaker answers them, a ValidationException from CreateTrainingJob / CreateTransformJob, seen
// through the real AWS SDK. The editor's finding and the emulator's refusal come from the same rule.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { CreateTrainingJobCommand, CreateTransformJobCommand, SageMakerClient, type CreateTrainingJobCommandInput, type CreateTransformJobCommandInput } from '@aws-sdk/client-sagemaker';
import { documentedRuleViolations } from '../../server/src/service/sagemaker/documentedRules';
import { startEmulator, trainingRequest, transformRequest, type RunningEmulator } from './emulator';

let emu: RunningEmulator;
let sagemaker: SageMakerClient;
before(async () => {
  emu = await startEmulator(['--step-ms', '20', '--training-steps', '1', '--quiet']);
  sagemaker = new SageMakerClient({
    region: 'us-east-1',
    endpoint: emu.url,
    credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' },
    maxAttempts: 1,
  });
});
after(async () => {
  sagemaker.destroy();
  await emu.stop();
});

/** What the SDK throws for a request: its name and message, or 'ok' when the job was created. */
async function create(kind: 'training' | 'transform', input: Record<string, unknown>): Promise<string> {
  try {
    if (kind === 'training') await sagemaker.send(new CreateTrainingJobCommand(input as unknown as CreateTrainingJobCommandInput));
    else await sagemaker.send(new CreateTransformJobCommand(input as unknown as CreateTransformJobCommandInput));
    return 'ok';
  } catch (e) {
    return `${(e as Error).name}: ${(e as Error).message}`;
  }
}

test('managed spot training without MaxWaitTimeInSeconds: ValidationException', async () => {
  assert.equal(
    await create('training', trainingRequest('spot-1', { EnableManagedSpotTraining: true })),
    'ValidationException: StoppingCondition.MaxWaitTimeInSeconds is required when EnableManagedSpotTraining is true.',
  );
});

test('MaxWaitTimeInSeconds below MaxRuntimeInSeconds is refused; equal to it, the job is created', async () => {
  const spot = (wait: number, name: string) => trainingRequest(name, { EnableManagedSpotTraining: true, StoppingCondition: { MaxRuntimeInSeconds: 3600, MaxWaitTimeInSeconds: wait } });
  assert.equal(await create('training', spot(1800, 'spot-2')), 'ValidationException: StoppingCondition.MaxWaitTimeInSeconds (1800) must be at least StoppingCondition.MaxRuntimeInSeconds (3600).');
  assert.equal(await create('training', spot(3600, 'spot-3')), 'ok');
});

test('two input channels with one name; both TrainingImage and AlgorithmName; over 28 days', async () => {
  const channel = (name: string) => ({ ChannelName: name, DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: 's3://bucket/train/' } } });
  assert.equal(
    await create('training', trainingRequest('dup-channels', { InputDataConfig: [channel('train'), channel('train')] })),
    'ValidationException: ChannelName "train" is already used by InputDataConfig[0]; each ChannelName in InputDataConfig must be different.',
  );
  const both = trainingRequest('both-images');
  both.AlgorithmSpecification = { ...both.AlgorithmSpecification, AlgorithmName: 'arn:aws:sagemaker:us-east-1:123456789012:algorithm/x' };
  assert.match(await create('training', both), /^ValidationException: AlgorithmSpecification\.AlgorithmName cannot be used together with AlgorithmSpecification\.TrainingImage\.$/);
  assert.equal(
    await create('training', trainingRequest('too-long', { StoppingCondition: { MaxRuntimeInSeconds: 2419201 } })),
    'ValidationException: StoppingCondition.MaxRuntimeInSeconds is 2419201; at most 2419200 is allowed.',
  );
  assert.equal(await create('training', trainingRequest('exactly-28-days', { StoppingCondition: { MaxRuntimeInSeconds: 2419200 } })), 'ok');
});

test('transform: MaxConcurrentTransforms × MaxPayloadInMB over 100, and MultiRecord without a SplitType that splits', async () => {
  assert.equal(
    await create('transform', { ...transformRequest('product'), MaxConcurrentTransforms: 4, MaxPayloadInMB: 50 }),
    'ValidationException: MaxConcurrentTransforms × MaxPayloadInMB is 4 × 50 = 200; at most 100 is allowed.',
  );
  assert.equal(
    await create('transform', { ...transformRequest('multi'), BatchStrategy: 'MultiRecord' }),
    'ValidationException: TransformInput.SplitType is not set (None) when BatchStrategy is MultiRecord; it must be Line, RecordIO or TFRecord.',
  );
  assert.equal(await create('transform', { ...transformRequest('product-ok'), MaxConcurrentTransforms: 2, MaxPayloadInMB: 50 }), 'ok');
});

test('a warning-only rule (MaxPayloadInMB 0, chunked encoding for some algorithms) does not refuse the job', async () => {
  const request = { ...transformRequest('chunked'), MaxPayloadInMB: 0 };
  assert.deepEqual(documentedRuleViolations('createTransformJob', request).map((v) => v.severity), ['warning']);
  assert.equal(await create('transform', request), 'ok');
});

test('the refusal is the editor\'s finding: the same rule, the same words', async () => {
  const request = trainingRequest('spot-4', { EnableManagedSpotTraining: true });
  const [v] = documentedRuleViolations('createTrainingJob', request);
  assert.equal(await create('training', request), `ValidationException: ${v.summary}.`);
});

// Step Functions' ValidateStateMachineDefinition on the emulator, called with the real @aws-sdk/client-sfn: the
// answer the service gives (result, diagnostics with severity, code, message and a /States/… location,
// truncated), with the project's own checks behind it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { SFNClient, ValidateStateMachineDefinitionCommand, type ValidateStateMachineDefinitionCommandInput } from '@aws-sdk/client-sfn';
import { startEmulator, type RunningEmulator } from './emulator';

let emu: RunningEmulator;
let sfn: SFNClient;
before(async () => {
  emu = await startEmulator(['--quiet']);
  sfn = new SFNClient({ endpoint: emu.url, region: 'us-east-1', credentials: { accessKeyId: 'AKIDEMULATOR', secretAccessKey: 'emulator-secret' }, maxAttempts: 1 });
});
after(async () => {
  sfn.destroy();
  await emu.stop();
});

async function validate(definition: object | string, extra: Omit<ValidateStateMachineDefinitionCommandInput, 'definition'> = {}) {
  const text = typeof definition === 'string' ? definition : JSON.stringify(definition, null, 2);
  const { result, diagnostics, truncated } = await sfn.send(new ValidateStateMachineDefinitionCommand({ definition: text, ...extra }));
  return { result, diagnostics, truncated };
}

const TRAIN = {
  Type: 'Task',
  Resource: 'arn:aws:states:::sagemaker:createTrainingJob.sync',
  Parameters: {
    'TrainingJobName.$': '$.jobName',
    RoleArn: 'arn:aws:iam::111122223333:role/SageMakerRole',
    AlgorithmSpecification: { TrainingImage: '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1', TrainingInputMode: 'File' },
    OutputDataConfig: { S3OutputPath: 's3://bucket/models' },
    ResourceConfig: { InstanceType: 'ml.m5.xlarge', InstanceCount: 1, VolumeSizeInGB: 30 },
    StoppingCondition: { MaxRuntimeInSeconds: 3600 },
  },
};

test('a valid definition is OK with no diagnostics', async () => {
  const definition = { StartAt: 'Train', States: { Train: { ...TRAIN, Next: 'Done' }, Done: { Type: 'Succeed' } } };
  assert.deepEqual(await validate(definition), { result: 'OK', diagnostics: [], truncated: false });
});

test('a Next naming no state is FAIL with MISSING_TRANSITION_TARGET at /States/Train/Next', async () => {
  const definition = { StartAt: 'Train', States: { Train: { ...TRAIN, Next: 'Evaluat' }, Evaluate: { Type: 'Succeed' } } };
  assert.deepEqual(await validate(definition), {
    result: 'FAIL',
    diagnostics: [
      { severity: 'ERROR', code: 'MISSING_TRANSITION_TARGET', message: 'Next "Evaluat" is not a state; did you mean "Evaluate"?', location: '/States/Train/Next' },
    ],
    truncated: false,
  });
});

test('a state nothing leads to: the service refuses it with the same code, so it is an ERROR here too', async () => {
  const definition = { StartAt: 'Train', States: { Train: { ...TRAIN, End: true }, Orphan: { Type: 'Succeed' } } };
  assert.deepEqual(await validate(definition), {
    result: 'FAIL',
    diagnostics: [{ severity: 'ERROR', code: 'MISSING_TRANSITION_TARGET', message: 'State "Orphan" is not reachable: no StartAt, Next, Default or Catch leads to it', location: '/States/Orphan' }],
    truncated: false,
  });
});

test('locations inside Parallel branches, and JSON-pointer escapes in state names', async () => {
  const definition = {
    StartAt: 'P',
    States: {
      P: { Type: 'Parallel', End: true, Branches: [{ StartAt: 'A', States: { A: { Type: 'Succeed' } } }, { StartAt: 'x/y~z', States: { 'x/y~z': { Type: 'Pass', Next: 'Nope', Foo: 1 }, End: { Type: 'Succeed' } } }] },
    },
  };
  const { result, diagnostics } = await validate(definition);
  assert.equal(result, 'FAIL');
  assert.deepEqual(
    diagnostics!.map((d) => [d.code, d.location]),
    [
      ['MISSING_TRANSITION_TARGET', '/States/P/Branches/1/States/x~1y~0z/Next'],
      ['SCHEMA_VALIDATION_FAILED', '/States/P/Branches/1/States/x~1y~0z/Foo'],
    ],
  );
});

test('maxResults cuts the list and says so with truncated; result still FAIL', async () => {
  const states: Record<string, object> = {};
  for (let i = 0; i < 6; i++) states[`S${i}`] = { Type: 'Pass', Next: `Missing${i}`, Foo: i };
  states.End = { Type: 'Succeed' };
  const all = await validate({ StartAt: 'S0', States: states });
  assert.equal(all.diagnostics!.length, 12); // 6 missing targets, 6 unknown fields
  assert.equal(all.truncated, false);
  const cut = await validate({ StartAt: 'S0', States: states }, { maxResults: 2 });
  assert.deepEqual(cut.diagnostics, all.diagnostics!.slice(0, 2));
  assert.deepEqual([cut.result, cut.truncated], ['FAIL', true]);
  // 0 is the default, 100.
  assert.equal((await validate({ StartAt: 'S0', States: states }, { maxResults: 0 })).diagnostics!.length, 12);
});

test('severity WARNING adds the warnings; a definition with only warnings is OK', async () => {
  const definition = { StartAt: 'Train', States: { Train: { ...TRAIN, Parameters: { ...TRAIN.Parameters, 'TrainingJobName.$': undefined, TrainingJobName: '$.jobName' }, End: true } } };
  assert.deepEqual(await validate(definition), { result: 'OK', diagnostics: [], truncated: false });
  const { result, diagnostics } = await validate(definition, { severity: 'WARNING' });
  assert.equal(result, 'OK');
  assert.deepEqual(diagnostics!.map((d) => [d.severity, d.code, d.location]), [['WARNING', 'NO_DOLLAR', '/States/Train/Parameters/TrainingJobName']]);
  assert.match(diagnostics![0].message!, /"\$\.jobName" looks like a JSONPath: to use the value at that path, write the key as "TrainingJobName\.\$"/);
});

test('what is not a state machine: bad JSON, an empty text, no StartAt', async () => {
  assert.deepEqual(await validate('{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true},}}'), {
    result: 'FAIL',
    diagnostics: [{ severity: 'ERROR', code: 'INVALID_JSON_DESCRIPTION', message: 'JSON syntax error: a property name in double quotes is expected' }],
    truncated: false,
  });
  assert.deepEqual((await validate(' ')).diagnostics, [{ severity: 'ERROR', code: 'MISSING_DESCRIPTION', message: 'The state machine definition is empty' }]);
  assert.deepEqual((await validate({ States: {} })).diagnostics!.map((d) => [d.code, d.location, d.message]), [
    ['SCHEMA_VALIDATION_FAILED', '/States', 'StartAt is missing: name the first state to run, e.g. "StartAt": "First"'],
    ['SCHEMA_VALIDATION_FAILED', '/States', 'States is empty: a state machine needs at least one state'],
  ]);
  assert.deepEqual((await validate('[]')).diagnostics, [{ severity: 'ERROR', code: 'SCHEMA_VALIDATION_FAILED', message: 'A state machine is an object with StartAt and States, not an array' }]);
  const deep = await validate('['.repeat(100_000));
  assert.deepEqual([deep.result, deep.diagnostics!.map((d) => [d.code, d.location])], ['FAIL', [['TOO_DEEPLY_NESTED', undefined]]]);
});

test('an EXPRESS state machine cannot run a job (.sync)', async () => {
  const definition = { StartAt: 'Train', States: { Train: { ...TRAIN, End: true } } };
  assert.equal((await validate(definition)).result, 'OK');
  const { result, diagnostics } = await validate(definition, { type: 'EXPRESS' });
  assert.equal(result, 'FAIL');
  assert.deepEqual(diagnostics!.map((d) => [d.code, d.location]), [['SCHEMA_VALIDATION_FAILED', '/States/Train/Resource']]);
  assert.match(diagnostics![0].message ?? '', /^Express state machine does not support '\.sync' service integration/);
  // The same rules as the editor's for a template that declares the machine EXPRESS: an activity is refused; a Wait
  // over five minutes fails when it runs, which the editor says and Step Functions does not.
  const more = await validate({ StartAt: 'Poll', States: { Poll: { Type: 'Task', Resource: 'arn:aws:states:us-east-1:123456789012:activity:poll', Next: 'Hold' }, Hold: { Type: 'Wait', Seconds: 600, End: true } } }, { type: 'EXPRESS', severity: 'WARNING' });
  assert.deepEqual(more.diagnostics!.map((d) => [d.severity, d.location]), [['ERROR', '/States/Poll/Resource']]);
});

test('bad parameters are ValidationException, and faults reach Step Functions too (AWS JSON 1.0 errors)', async () => {
  await assert.rejects(validate({ StartAt: 'A', States: {} }, { maxResults: 101 }), (e: Error) => e.name === 'ValidationException' && /maxResults/.test(e.message));
  await assert.rejects(validate('x'.repeat(1_048_577)), (e: Error) => e.name === 'ValidationException' && /length less than or equal to 1048576/.test(e.message));
  await assert.rejects(validate({ StartAt: 'A', States: {} }, { severity: 'INFO' as 'ERROR' }), (e: Error) => e.name === 'ValidationException');
  const answered = async () => (await emu.stats()).requests['AWSStepFunctions.ValidateStateMachineDefinition'];
  const before = await answered();
  await emu.faults([{ fault: 'throttle', target: 'AWSStepFunctions.ValidateStateMachineDefinition' }]);
  await assert.rejects(validate({ StartAt: 'A', States: {} }), (e: Error) => e.name === 'ThrottlingException');
  assert.equal((await validate({ StartAt: 'A', States: { A: { Type: 'Succeed' } } })).result, 'OK');
  assert.equal(await answered(), before + 1);
});

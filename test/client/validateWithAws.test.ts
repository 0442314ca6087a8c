// "SageMaker: Validate with AWS" as a user drives it: the real language service gives the definition and maps
// the answer (in place of the server process, same functions), the real SDK sends it to the emulator's
// ValidateStateMachineDefinition, and VS Code's dialogs and Problems are the fake's.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { startEmulator, type RunningEmulator } from './emulator';
import { installVscodeFake } from './vscodeFake';
import { getLanguageService } from '../../server/src/service/languageService';
import type { AwsDefinitionParams, MapAwsDiagnosticsParams } from '../../server/src/protocol';

let emu: RunningEmulator;
let fake: ReturnType<typeof installVscodeFake>;
const settings: Record<string, unknown> = { 'aws.region': 'us-east-1' };
const saved = { ...process.env };
const service = getLanguageService();
const documents = new Map<string, TextDocument>();
/** Runs after the definition is read: an edit landing while Step Functions validates. */
let afterDefinition = () => {};
const client = {
  sendRequest: async (type: { method: string }, params: AwsDefinitionParams & MapAwsDiagnosticsParams) => {
    const doc = documents.get(params.uri)!;
    if (type.method === 'sagemaker/awsDefinition') {
      const answer = service.awsDefinition(doc, params.placeholders);
      afterDefinition();
      return answer;
    }
    assert.equal(type.method, 'sagemaker/mapAwsDiagnostics');
    return service.mapAwsDiagnostics(doc, params.version, params.diagnostics, params.at);
  },
};

function open(uri: string, languageId: string, text: string): string {
  documents.set(uri, TextDocument.create(uri, languageId, 1, text));
  return uri;
}

const validate = (uri: string) => fake.commands.get('sagemakerAsl.validateWithAws')!(uri);

/** What Problems shows for a file: [severity, source, code, range as l:c-l:c, the text it covers, message]. */
function problems(uri: string) {
  const text = documents.get(uri)!.getText();
  const doc = documents.get(uri)!;
  return ((fake.diagnostics.get(uri) ?? []) as any[]).map((d) => [
    d.severity,
    d.source,
    d.code,
    `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`,
    text.slice(doc.offsetAt(d.range.start), doc.offsetAt(d.range.end)),
    d.message,
  ]);
}

before(async () => {
  emu = await startEmulator(['--quiet']);
  settings['aws.endpoint'] = emu.url;
  // Real-looking keys in the environment: a local endpoint gets placeholder credentials instead (endpoint.test.ts).
  Object.assign(process.env, { AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE', AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' });
  fake = installVscodeFake(settings);
  require('../../client/src/jobs/commands').registerJobCommands(fake.context, client);
});
after(async () => {
  for (const d of fake.context.subscriptions) d.dispose();
  fake.uninstall();
  process.env = saved;
  await emu.stop();
});

const YAML = `StartAt: P
States:
  P:
    Type: Parallel
    End: true
    Branches:
      - StartAt: A
        States:
          A:
            Type: Succeed
      - StartAt: x/y
        States:
          x/y:
            Type: Pass
            Next: Nope
            Foo: 1
  Lost:
    Type: Succeed
`;

test('a YAML state machine: sent as JSON, every finding on the text its location names, nested branches included', async () => {
  const uri = open('file:///work/nested.asl.yaml', 'asl-yaml', YAML);
  fake.dialogs.length = 0;
  await validate(uri);
  assert.deepEqual(problems(uri), [
    // No location: the StartAt member.
    [0, 'local endpoint', 'MISSING_END_STATE', '0:0-0:10', 'StartAt: P', 'No state ends this machine: give one state "End": true, or add a Succeed or Fail state'],
    [0, 'local endpoint', 'MISSING_TRANSITION_TARGET', '14:12-14:22', 'Next: Nope', 'Next "Nope" is not a state of this Parallel branch'],
    [0, 'local endpoint', 'SCHEMA_VALIDATION_FAILED', '15:12-15:18', 'Foo: 1', '"Foo" is not a field of a Pass state'],
    [0, 'local endpoint', 'MISSING_TRANSITION_TARGET', '16:2-16:6', 'Lost', 'State "Lost" is not reachable: no StartAt, Next, Default or Catch leads to it'],
  ]);
  assert.deepEqual(fake.dialogs.map((d) => [d.kind, d.message]), [['warning', `The local endpoint ${new URL(emu.url).origin} rejects this state machine: 4 errors (in Problems, source local endpoint). This is not Step Functions' answer: the endpoint setting (sagemakerAsl.aws.endpoint, from user settings) sends it there; clear it to ask AWS.`]]);
});

test('an edit clears the answer: it described the text as it was', async () => {
  const uri = 'file:///work/nested.asl.yaml';
  assert.equal(problems(uri).length, 4);
  fake.changeDocument(uri);
  assert.deepEqual(problems(uri), []);
});

test('an edit while Step Functions validates: nothing is shown on the changed text, and the user is told', async () => {
  const uri = open('file:///work/racing.asl.json', 'asl', JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Pass', Next: 'B' } } }, null, 2));
  fake.dialogs.length = 0;
  afterDefinition = () => {
    const doc = documents.get(uri)!;
    documents.set(uri, TextDocument.update(doc, [{ text: '\n' }], doc.version + 1));
  };
  await validate(uri);
  afterDefinition = () => {};
  assert.deepEqual(problems(uri), []);
  assert.deepEqual(fake.dialogs.map((d) => d.message), [`The file changed while the local endpoint ${new URL(emu.url).origin} validated it, so its answer no longer matches the text. Run Validate with AWS again.`]);
});

test('placeholders: asked as for a launch, remembered, and filled in before sending; a valid machine is accepted', async () => {
  const uri = open('file:///work/templated.asl.json', 'asl', JSON.stringify({ StartAt: 'Go', States: { Go: { Type: 'Pass', Result: { Bucket: 's3://${Bucket}/in' }, End: true } } }, null, 2));
  fake.dialogs.length = 0;
  fake.respond((d) => (d.kind === 'inputBox' && d.message === 'Value of ${Bucket}' ? 'ml-bucket' : undefined));
  await validate(uri);
  assert.deepEqual(fake.dialogs.map((d) => [d.kind, d.message, d.kind === 'inputBox' ? d.choices[0] : '']), [
    ['inputBox', 'Value of ${Bucket}', ''],
    ['info', `The local endpoint ${new URL(emu.url).origin} accepts this state machine: no problems found. This is not Step Functions' answer: the endpoint setting (sagemakerAsl.aws.endpoint, from user settings) sends it there; clear it to ask AWS.`, ''],
  ]);
  assert.deepEqual(problems(uri), []);
  // Next time the remembered value is offered; cancelling sends nothing.
  fake.dialogs.length = 0;
  fake.respond(() => undefined);
  const before = (await emu.stats()).requests['AWSStepFunctions.ValidateStateMachineDefinition'];
  await validate(uri);
  assert.deepEqual(fake.dialogs.map((d) => [d.kind, d.message, d.choices[0]]), [['inputBox', 'Value of ${Bucket}', 'ml-bucket']]);
  assert.equal((await emu.stats()).requests['AWSStepFunctions.ValidateStateMachineDefinition'], before);
});

// A SAM template: a Definition with intrinsics and a DefinitionString block literal, each a state machine of its own.
const TEMPLATE = `Transform: AWS::Serverless-2016-10-31
Resources:
  Train:
    Type: AWS::Serverless::StateMachine
    Properties:
      Definition:
        StartAt: Go
        States:
          Go:
            Type: Task
            Resource: !GetAtt Fn.Arn
            Foo: 1
            End: true
  Score:
    Type: AWS::StepFunctions::StateMachine
    Properties:
      DefinitionString: !Sub |
        {"StartAt": "A", "States": {"A": {"Type": "Succeed"},
          "Lost": {"Type": "Succeed"}}}
  Fine:
    Type: AWS::StepFunctions::StateMachine
    Properties:
      Definition:
        StartAt: Only
        States:
          Only:
            Type: Succeed
`;

test('a template: each state machine sent on its own as JSON, intrinsics asked for as placeholders, findings on the template\'s text', async () => {
  const uri = open('file:///work/template.yaml', 'yaml', TEMPLATE);
  fake.dialogs.length = 0;
  fake.respond((d) => (d.kind === 'inputBox' && d.message === 'Value of ${Fn.Arn}' ? 'arn:aws:lambda:us-east-1:111122223333:function:f' : undefined));
  const before = (await emu.stats()).requests['AWSStepFunctions.ValidateStateMachineDefinition'];
  await validate(uri);
  assert.equal((await emu.stats()).requests['AWSStepFunctions.ValidateStateMachineDefinition'], before + 3);
  assert.deepEqual(problems(uri), [
    [0, 'local endpoint', 'SCHEMA_VALIDATION_FAILED', '11:12-11:18', 'Foo: 1', '"Foo" is not a field of a Task state'],
    [0, 'local endpoint', 'MISSING_TRANSITION_TARGET', '18:10-18:16', '"Lost"', 'State "Lost" is not reachable: no StartAt, Next, Default or Catch leads to it'],
  ]);
  assert.deepEqual(fake.dialogs.map((d) => [d.kind, d.message]), [
    ['inputBox', 'Value of ${Fn.Arn}'],
    ['warning', `The local endpoint ${new URL(emu.url).origin} rejects Train: 1 error (in Problems, source local endpoint); rejects Score: 1 error (in Problems, source local endpoint); accepts Fine: no problems found. This is not Step Functions' answer: the endpoint setting (sagemakerAsl.aws.endpoint, from user settings) sends it there; clear it to ask AWS.`],
  ]);
});

test('a template with a value computed at deployment is not sent, and the user is told why', async () => {
  // (A Join of text and references is known: the string a Sub would write. One with an !If inside is not.)
  const uri = open('file:///work/joined.yaml', 'yaml', TEMPLATE.replace('!GetAtt Fn.Arn', '!Join [":", [a, !If [Prod, b, c]]]'));
  fake.dialogs.length = 0;
  await validate(uri);
  assert.deepEqual(fake.dialogs.map((d) => [d.kind, d.message]), [
    ['error', 'Nothing was sent to Step Functions. Fn::Join on line 11 (in Train) is computed by CloudFormation at deployment, so the definition has no value to send there; only !Ref, !GetAtt and !Sub values can be filled in.'],
  ]);
});

test('what cannot be sent is said, and nothing is sent', async () => {
  const uri = open('file:///work/broken.asl.yaml', 'asl-yaml', 'StartAt: A\nStates: [\n');
  fake.dialogs.length = 0;
  await validate(uri);
  assert.equal(fake.dialogs.length, 1);
  assert.match(fake.dialogs[0].message, /^Nothing was sent to Step Functions\. The YAML does not read \(line 2: /);
});

test('AWS errors get the launch\'s explanations: throttling, access denied, an unreachable endpoint', async () => {
  const uri = open('file:///work/ok.asl.json', 'asl', '{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}');
  const failure = async () => {
    fake.dialogs.length = 0;
    await validate(uri);
    return fake.dialogs.map((d) => [d.kind, d.message, d.detail]);
  };
  await emu.faults([{ fault: 'throttle', target: 'AWSStepFunctions.ValidateStateMachineDefinition', count: 0 }]);
  assert.deepEqual(await failure(), [['error', 'Could not validate with AWS: AWS is throttling the requests (ThrottlingException).', 'Try again in a moment.']]);
  await emu.clearFaults();
  await emu.faults([{ fault: 'accessDenied', target: 'AWSStepFunctions.ValidateStateMachineDefinition', count: 0 }]);
  const [[kind, message, detail]] = await failure();
  assert.equal(kind, 'error');
  assert.match(message!, /^Could not validate with AWS: Access denied for states:ValidateStateMachineDefinition: /);
  assert.equal(detail, 'Your identity needs permission for states:ValidateStateMachineDefinition; ask your AWS administrator or use another profile.');
  await emu.clearFaults();
  settings['aws.endpoint'] = 'http://127.0.0.1:9';
  const [[, unreachable]] = await failure();
  settings['aws.endpoint'] = emu.url;
  assert.match(unreachable!, /^Could not validate with AWS: Cannot reach http:\/\/127\.0\.0\.1:9: /);
});

test('credentials go only where meant: a host that is not AWS needs the consent of a launch', async () => {
  const uri = 'file:///work/ok.asl.json';
  settings['aws.endpoint'] = 'http://sfn.example.test:4566';
  fake.dialogs.length = 0;
  fake.respond(() => undefined);
  await validate(uri);
  settings['aws.endpoint'] = emu.url;
  assert.deepEqual(fake.dialogs.map((d) => [d.kind, d.modal, d.message]), [['warning', true, 'Send AWS credentials to sfn.example.test:4566?']]);
});

test('cancel: the progress notification stops the call, and nothing is shown', async () => {
  const uri = 'file:///work/ok.asl.json';
  await emu.faults([{ fault: 'delay', target: 'AWSStepFunctions.ValidateStateMachineDefinition', delayMs: 60_000 }]);
  fake.dialogs.length = 0;
  fake.cancels.length = 0;
  const running = validate(uri);
  while (!fake.cancels.length) await new Promise((r) => setImmediate(r));
  fake.cancels[0]();
  await running;
  await emu.clearFaults();
  assert.deepEqual(fake.dialogs, []);
  assert.deepEqual(problems(uri), []);
});

test('an untrusted workspace sends nothing', async () => {
  fake.vscode.workspace.isTrusted = false;
  fake.dialogs.length = 0;
  await validate('file:///work/ok.asl.json');
  fake.vscode.workspace.isTrusted = true;
  assert.match(fake.dialogs[0].message, /^Validating with AWS needs a trusted workspace/);
});

// The two requests behind "Validate with AWS", on the built server over stdio: the definition to send (YAML as
// JSON, placeholders named, then filled) and the service's locations as ranges of the open document.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServer } from './setup';

const client = useServer();

const YAML = 'StartAt: P\nStates:\n  P:\n    Type: Parallel\n    End: true\n    Branches:\n      - StartAt: x/y\n        States:\n          x/y:\n            Type: Pass\n            Resource: ${Fn}\n            Next: Nope\n';

test('sagemaker/awsDefinition names the placeholders, then sends the YAML as JSON with them filled in', async () => {
  const uri = 'file:///w/v.asl.yaml';
  await client.open(uri, 'asl-yaml', YAML);
  assert.deepEqual(await client.request('sagemaker/awsDefinition', { uri }), {
    version: 1,
    placeholders: ['Fn'],
    error: 'No value for ${Fn}: the definition is sent with its placeholders filled in.',
  });
  const filled = await client.request('sagemaker/awsDefinition', { uri, placeholders: { Fn: 'arn:x' } });
  assert.deepEqual(JSON.parse(filled.definition), {
    StartAt: 'P',
    States: { P: { Type: 'Parallel', End: true, Branches: [{ StartAt: 'x/y', States: { 'x/y': { Type: 'Pass', Resource: 'arn:x', Next: 'Nope' } } }] } },
  });
});

test('sagemaker/mapAwsDiagnostics: each location as the range it names, or stale after an edit', async () => {
  const uri = 'file:///w/v.asl.yaml';
  const diagnostics = [
    { severity: 'ERROR', code: 'MISSING_TRANSITION_TARGET', message: 'Next "Nope" is not a state', location: '/States/P/Branches/0/States/x~1y/Next' },
    { severity: 'ERROR', code: 'MISSING_END_STATE', message: 'No state ends this machine' },
  ];
  assert.deepEqual(await client.request('sagemaker/mapAwsDiagnostics', { uri, version: 1, diagnostics }), {
    stale: false,
    diagnostics: [
      { range: { start: { line: 11, character: 12 }, end: { line: 11, character: 22 } }, severity: 'error', code: 'MISSING_TRANSITION_TARGET', message: 'Next "Nope" is not a state' },
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 10 } }, severity: 'error', code: 'MISSING_END_STATE', message: 'No state ends this machine' },
    ],
  });
  await client.change(uri, `# edited\n${YAML}`);
  assert.deepEqual(await client.request('sagemaker/mapAwsDiagnostics', { uri, version: 1, diagnostics }), { stale: true, diagnostics: [] });
});

const TEMPLATE = 'Resources:\n  Flow:\n    Type: AWS::StepFunctions::StateMachine\n    Properties:\n      Definition:\n        StartAt: A\n        States:\n          A:\n            Type: Task\n            Resource: !GetAtt Fn.Arn\n            Next: Nope\n';

test('a template over stdio: each state machine as JSON with where it starts, and its locations mapped inside the template', async () => {
  const uri = 'file:///w/template.yaml';
  await client.open(uri, 'yaml', TEMPLATE);
  assert.deepEqual(await client.request('sagemaker/awsDefinition', { uri }), { version: 1, placeholders: ['Fn.Arn'], error: 'No value for ${Fn.Arn}: the definition is sent with its placeholders filled in.' });
  const { embedded } = await client.request('sagemaker/awsDefinition', { uri, placeholders: { 'Fn.Arn': 'arn:aws:lambda:us-east-1:111122223333:function:f' } });
  assert.deepEqual(embedded.map((e: { name: string; at: number; definition: string }) => [e.name, e.at, JSON.parse(e.definition)]), [
    ['Flow', TEMPLATE.indexOf('StartAt'), { StartAt: 'A', States: { A: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:111122223333:function:f', Next: 'Nope' } } }],
  ]);
  const diagnostics = [{ severity: 'ERROR', code: 'MISSING_TRANSITION_TARGET', message: 'Next "Nope" is not a state', location: '/States/A/Next' }];
  assert.deepEqual((await client.request('sagemaker/mapAwsDiagnostics', { uri, version: 1, diagnostics, at: embedded[0].at })).diagnostics.map((d: { range: unknown }) => d.range),
    [{ start: { line: 10, character: 12 }, end: { line: 10, character: 22 } }]);
});

// "Validate with AWS": every form of the service's `location` lands on the text it names, in JSON and in YAML,
// nested Parallel branches and Map processors included; and what is sent (JSON, placeholders filled).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { doc, service } from './helpers';

const JSON_TEXT = `{
  "Comment": "nested",
  "StartAt": "P",
  "States": {
    "P": {
      "Type": "Parallel",
      "Next": "M",
      "Branches": [
        { "StartAt": "A", "States": { "A": { "Type": "Succeed" } } },
        {
          "StartAt": "x/y~z",
          "States": {
            "x/y~z": { "Type": "Pass", "Next": "Nope", "Foo": 1 }
          }
        }
      ]
    },
    "M": {
      "Type": "Map",
      "ItemProcessor": {
        "StartAt": "Inner",
        "States": {
          "Inner": { "Type": "Task", "Resource": "arn:aws:lambda:us-east-1:111122223333:function:f", "Retry": [{ "ErrorEquals": ["States.ALL"] }, { "ErrorEquals": ["X"] }], "End": true }
        }
      },
      "End": true
    },
    "Orphan": { "Type": "Succeed" }
  }
}`;

const YAML_TEXT = `Comment: nested
StartAt: P
States:
  P:
    Type: Parallel
    Next: M
    Branches:
      - StartAt: A
        States:
          A:
            Type: Succeed
      - StartAt: x/y~z
        States:
          x/y~z:
            Type: Pass
            Next: Nope
            Foo: 1
  M:
    Type: Map
    ItemProcessor:
      StartAt: Inner
      States:
        Inner:
          Type: Task
          Resource: arn:aws:lambda:us-east-1:111122223333:function:f
          Retry:
            - ErrorEquals: [States.ALL]
            - ErrorEquals: [X]
          End: true
    End: true
  Orphan:
    Type: Succeed
`;

/** The text each location is mapped to. */
function covered(text: string, languageId: string, locations: (string | undefined)[]): string[] {
  const d = doc(text, languageId);
  return service.awsProblems(d, locations.map((location) => ({ severity: 'ERROR', code: 'C', message: 'm', location }))).map((p) => text.slice(p.offset, p.offset + p.length));
}

const FORMS: [string | undefined, string, string][] = [
  // [location, JSON text, YAML text]
  ['/States/P/Branches/1/States/x~1y~0z/Next', '"Next": "Nope"', 'Next: Nope'],
  ['/States/P/Branches/1/States/x~1y~0z/Foo', '"Foo": 1', 'Foo: 1'],
  ['States/P/Branches/1/States/x~1y~0z/Next', '"Next": "Nope"', 'Next: Nope'], // no leading slash
  ['/States/P/Branches/1/States/x/y~0z/Next', '"Next": "Nope"', 'Next: Nope'], // a `/` left unescaped in a name
  ['/States/Orphan', '"Orphan"', 'Orphan'], // a state: its name
  ['/States/Orphan/', '"Orphan"', 'Orphan'], // a trailing slash
  ['/States/P/Branches/1/States/x~1y~0z', '"x/y~z"', 'x/y~z'],
  ['/States/M/ItemProcessor/States/Inner/Retry/0', '{ "ErrorEquals": ["States.ALL"] }', 'ErrorEquals: [States.ALL]'], // an element
  ['/States/M/ItemProcessor/States/Inner/Retry/0/ErrorEquals/0', '"States.ALL"', 'States.ALL'],
  ['/States/P/Branches/0', '{ "StartAt": "A", "States": { "A": { "Type": "Succeed" } } }', 'StartAt: A'], // an element spanning lines: its first line
  ['/States/P/Branches/1', '{', 'StartAt: x/y~z'],
  ['/States/M/ItemProcessor/States/Inner/Timeout', '"Inner"', 'Inner'], // a field that is not there: where it belongs
  ['/States/Missing/Next', '"States"', 'States'],
  ['/States/M/ItemProcessor/States/Inner/Retry/7', '"Retry"', 'Retry'], // an index past the end
  ['/StartAt', '"StartAt": "P"', 'StartAt: P'],
  ['/', '"StartAt": "P"', 'StartAt: P'], // the whole definition
  ['', '"StartAt": "P"', 'StartAt: P'],
  [undefined, '"StartAt": "P"', 'StartAt: P'], // no location
];

for (const [location, jsonText, yamlText] of FORMS) {
  test(`location ${JSON.stringify(location)} in JSON and YAML`, () => {
    assert.deepEqual(covered(JSON_TEXT, 'asl', [location]), [jsonText]);
    assert.deepEqual(covered(YAML_TEXT, 'asl-yaml', [location]), [yamlText]);
  });
}

test('a hostile endpoint\'s location of 100,000 segments is read one member at a time (trying every run of segments was cubic)', () => {
  assert.deepEqual(covered(JSON_TEXT, 'asl', ['/States' + '/x'.repeat(100_000)]), ['"States"']);
});

test('a diagnostic becomes a finding with source aws, the service severity and code, in LSP ranges for the editor', () => {
  const d = doc(JSON_TEXT);
  const [p] = service.awsProblems(d, [{ severity: 'WARNING', code: 'NO_DOLLAR', message: 'looks like a path', location: '/States/Orphan/Type' }]);
  assert.deepEqual({ ...p, offset: undefined, length: undefined }, { offset: undefined, length: undefined, message: 'looks like a path', severity: 'warning', source: 'aws', code: 'NO_DOLLAR' });
  const mapped = service.mapAwsDiagnostics(d, d.version, [{ severity: 'ERROR', code: 'MISSING_TRANSITION_TARGET', message: 'unreachable', location: '/States/Orphan' }]);
  assert.deepEqual(mapped, { stale: false, diagnostics: [{ range: { start: { line: 27, character: 4 }, end: { line: 27, character: 12 } }, severity: 'error', code: 'MISSING_TRANSITION_TARGET', message: 'unreachable' }] });
  assert.deepEqual(service.mapAwsDiagnostics(d, d.version + 1, [{ location: '/States/Orphan' }]), { stale: true, diagnostics: [] });
});

test('no location in a document that has no StartAt: the first line', () => {
  assert.deepEqual(covered('{ "States": {},\n  "Comment": "x" }', 'asl', [undefined]), ['{ "States": {},']);
});

test('what is sent: JSON as written, YAML as JSON, placeholders filled or named', () => {
  const json = doc(JSON_TEXT);
  assert.deepEqual(service.awsDefinition(json), { version: 1, placeholders: [], definition: JSON_TEXT });
  const yaml = doc(YAML_TEXT, 'asl-yaml');
  assert.deepEqual(JSON.parse(service.awsDefinition(yaml).definition!), JSON.parse(JSON_TEXT));
  const templated = doc('{"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "${FnArn}", "Parameters": {"B": "s3://${Bucket}/x"}, "End": true}}}');
  assert.deepEqual(service.awsDefinition(templated), { version: 1, placeholders: ['FnArn', 'Bucket'], error: 'No value for ${FnArn}, ${Bucket}: the definition is sent with its placeholders filled in.' });
  const filled = service.awsDefinition(templated, { FnArn: 'arn:aws:lambda:us-east-1:1:function:f', Bucket: 'b"q' });
  assert.deepEqual(JSON.parse(filled.definition!), { StartAt: 'T', States: { T: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:1:function:f', Parameters: { B: 's3://b"q/x' }, End: true } } });
  // A placeholder written bare is the JSON its value reads as, as the deployment's text substitution makes it (ux43).
  const bare = doc('{"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": ${WaitSeconds}, "Comment": "${WaitSeconds}", "End": true}}}');
  assert.deepEqual(JSON.parse(service.awsDefinition(bare, { WaitSeconds: '60' }).definition!).States.W, { Type: 'Wait', Seconds: 60, Comment: '60', End: true });
  const plain = doc('StartAt: W\nStates:\n  W:\n    Type: Wait\n    Seconds: ${WaitSeconds}\n    End: true\n', 'asl-yaml');
  assert.equal(JSON.parse(service.awsDefinition(plain, { WaitSeconds: '60' }).definition!).States.W.Seconds, 60);
  assert.equal(JSON.parse(service.awsDefinition(plain, { WaitSeconds: 'sixty' }).definition!).States.W.Seconds, 'sixty');
  assert.match(service.awsDefinition(doc('StartAt: A\nStates: [', 'asl-yaml')).error!, /^The YAML does not read \(line 2: .*\), so nothing is sent: fix it first\.$/);
  assert.equal(service.awsDefinition(doc('{"a": 1}', 'json')).error, 'This file is not a state machine (no StartAt and States).');
  assert.equal(service.awsDefinition(doc('{"StartAt": "A"}', 'asl')).error, 'The definition needs StartAt and States at its top level.');
  // Broken JSON is not sent: the service would answer INVALID_JSON_DESCRIPTION with no location, which Problems shows already.
  assert.match(service.awsDefinition(doc('{"StartAt": "A", "States": {', 'asl')).error!, /^The JSON does not read \(line 1: .*\), so nothing is sent: fix it first\.$/);
});

// A SAM template in YAML with two state machines: a Definition (intrinsics, DefinitionSubstitutions, a Parameter)
// and a DefinitionString block literal under !Sub.
const SAM = `Transform: AWS::Serverless-2016-10-31
Parameters:
  Stage:
    Type: String
    Default: dev
Resources:
  TrainPipeline:
    Type: AWS::Serverless::StateMachine
    Properties:
      DefinitionSubstitutions:
        Bucket: ml-bucket
      Definition:
        StartAt: Train
        States:
          Train:
            Type: Task
            Resource: !GetAtt TrainFn.Arn
            Parameters:
              Out: s3://\${Bucket}/\${Stage}
              Role: !Sub arn:\${AWS::Partition}:iam::111122223333:role/x
              Topic: !Ref Topic
              Literal: !Sub \${!Kept}
            Next: Nope
  Other:
    Type: AWS::StepFunctions::StateMachine
    Properties:
      DefinitionString: !Sub |
        {"StartAt": "A", "States": {"A": {"Type": "Pass", "Result": "\${Stage}", "End": true},
          "B": {"Type": "Succeed"}}}
`;

test('a template: each state machine sent on its own, intrinsics as placeholders, the template\'s own values filled in', () => {
  const d = doc(SAM, 'yaml');
  // What the template gives (Bucket, Stage, ${!Kept}) is not asked; the rest is, by the names a Sub would write.
  assert.deepEqual(service.awsDefinition(d), { version: 1, placeholders: ['TrainFn.Arn', 'AWS::Partition', 'Topic'], error: 'No value for ${TrainFn.Arn}, ${AWS::Partition}, ${Topic}: the definition is sent with its placeholders filled in.' });
  const r = service.awsDefinition(d, { 'TrainFn.Arn': 'arn:aws:lambda:us-east-1:111122223333:function:f', 'AWS::Partition': 'aws', Topic: 'arn:aws:sns:us-east-1:111122223333:t' });
  assert.deepEqual(r.embedded!.map((e) => [e.name, SAM.slice(e.at, e.at + 13), JSON.parse(e.definition)]), [
    ['TrainPipeline', 'StartAt: Trai', { StartAt: 'Train', States: { Train: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:111122223333:function:f', Parameters: {
      Out: 's3://ml-bucket/dev', Role: 'arn:aws:iam::111122223333:role/x', Topic: 'arn:aws:sns:us-east-1:111122223333:t', Literal: '${Kept}' }, Next: 'Nope' } } }],
    ['Other', '{"StartAt": "', { StartAt: 'A', States: { A: { Type: 'Pass', Result: 'dev', End: true }, B: { Type: 'Succeed' } } }],
  ]);
  assert.equal(r.definition, undefined);
});

test('a template: each location lands in the template, on the machine it was sent from', () => {
  const d = doc(SAM, 'yaml');
  const [train, other] = service.awsDefinition(d, { 'TrainFn.Arn': 'a', 'AWS::Partition': 'aws', Topic: 't' }).embedded!;
  const at = (location: string | undefined, machine: number) => {
    const [p] = service.awsProblems(d, [{ severity: 'ERROR', code: 'C', message: 'm', location }], machine);
    return SAM.slice(p.offset, p.offset + p.length);
  };
  assert.equal(at('/States/Train/Next', train.at), 'Next: Nope');
  assert.equal(at('/States/Train/Parameters/Topic', train.at), 'Topic: !Ref Topic');
  assert.equal(at('/States/Train/Resource', train.at), 'Resource: !GetAtt TrainFn.Arn');
  assert.equal(at(undefined, train.at), 'StartAt: Train');
  assert.equal(at('/States/B', other.at), '"B"');
  assert.equal(at('/States/A/Result', other.at), '"Result": "${Stage}"');
  assert.equal(at(undefined, other.at), '"StartAt": "A"');
  const mapped = service.mapAwsDiagnostics(d, d.version, [{ severity: 'ERROR', code: 'MISSING_TRANSITION_TARGET', message: 'm', location: '/States/Train/Next' }], train.at);
  assert.deepEqual(mapped.diagnostics.map((x) => x.range), [{ start: { line: 22, character: 12 }, end: { line: 22, character: 22 } }]);
});

test('a JSON CloudFormation template: Fn::GetAtt and Ref as placeholders, locations on the template\'s JSON', () => {
  const text = JSON.stringify({
    Resources: {
      Flow: { Type: 'AWS::StepFunctions::StateMachine', Properties: { Definition: {
        StartAt: 'Go', States: { Go: { Type: 'Task', Resource: { 'Fn::GetAtt': ['Fn', 'Arn'] }, Parameters: { 'Q.$': '$.q', Queue: { Ref: 'Queue' } }, Next: 'Gone' } },
      } } },
    },
  }, null, 2);
  const d = doc(text, 'json');
  assert.deepEqual(service.awsDefinition(d).placeholders, ['Fn.Arn', 'Queue']);
  const [flow] = service.awsDefinition(d, { 'Fn.Arn': 'arn:aws:lambda:us-east-1:1:function:f', Queue: 'q' }).embedded!;
  assert.deepEqual(JSON.parse(flow.definition), { StartAt: 'Go', States: { Go: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:1:function:f', Parameters: { 'Q.$': '$.q', Queue: 'q' }, Next: 'Gone' } } });
  const [p, q] = service.awsProblems(d, [{ location: '/States/Go/Next' }, { location: '/States/Go/Resource' }], flow.at);
  assert.equal(text.slice(p.offset, p.offset + p.length), '"Next": "Gone"');
  assert.equal(text.slice(q.offset, q.offset + q.length), '"Resource": {\n                "Fn::GetAtt": [\n                  "Fn",\n                  "Arn"\n                ]\n              }');
});

test('a template that cannot be sent says why: a value computed at deployment, a DefinitionString that does not read', () => {
  const join = doc('Resources:\n  Flow:\n    Type: AWS::StepFunctions::StateMachine\n    Properties:\n      Definition:\n        StartAt: A\n        States:\n          A:\n            Type: Task\n            Resource: !Join [":", [a, !Select [0, [b]]]]\n            End: true\n', 'yaml');
  assert.deepEqual(service.awsDefinition(join), { version: 1, placeholders: [], error: 'Fn::Join on line 10 (in Flow) is computed by CloudFormation at deployment, so the definition has no value to send there; only !Ref, !GetAtt and !Sub values can be filled in.' });
  // A Join of text and references is known, as a Sub's string: the string it gives is sent.
  const known = doc('Resources:\n  Flow:\n    Type: AWS::StepFunctions::StateMachine\n    Properties:\n      Definition:\n        StartAt: A\n        States:\n          A:\n            Type: Task\n            Resource: !Join [":", [a, !Ref B]]\n            End: true\n', 'yaml');
  assert.deepEqual(service.awsDefinition(known, { B: 'b' }).embedded?.map((e) => JSON.parse(e.definition).States.A.Resource), ['a:b']);
  const broken = doc('Resources:\n  Flow:\n    Type: AWS::StepFunctions::StateMachine\n    Properties:\n      DefinitionString: |\n        {"StartAt": "A", "States": {\n', 'yaml');
  assert.match(service.awsDefinition(broken).error!, /^The DefinitionString of Flow does not read as JSON, so it cannot be sent: /);
  const unreadable = doc('{"Resources": {"Flow": {"Type": "AWS::StepFunctions::StateMachine", "Properties": {"Definition": {"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}}}}, }', 'json');
  assert.match(service.awsDefinition(unreadable).error!, /^The template does not read \(line \d+: .*\), so nothing is sent: fix it first\.$/);
});

test('a Serverless Framework file: each stepFunctions.stateMachines entry by its key, Fn::GetAtt and ${self:…} asked for', () => {
  const text = `service: ml
stepFunctions:
  stateMachines:
    scoring:
      definition:
        StartAt: Score
        States:
          Score:
            Type: Task
            Resource:
              Fn::GetAtt: [ScoreFn, Arn]
            Parameters:
              Bucket: \${self:custom.bucket}
            End: true
`;
  const d = doc(text, 'yaml');
  assert.deepEqual(service.awsDefinition(d).placeholders, ['ScoreFn.Arn', 'self:custom.bucket']);
  const [scoring] = service.awsDefinition(d, { 'ScoreFn.Arn': 'arn:aws:lambda:us-east-1:1:function:s', 'self:custom.bucket': 'b' }).embedded!;
  assert.deepEqual([scoring.name, JSON.parse(scoring.definition)], ['scoring', { StartAt: 'Score', States: { Score: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:1:function:s', Parameters: { Bucket: 'b' }, End: true } } }]);
  const [p] = service.awsProblems(d, [{ location: '/States/Score/Resource' }], scoring.at);
  assert.equal(text.slice(p.offset, p.offset + p.length), 'Resource:\n              Fn::GetAtt: [ScoreFn, Arn]');
});

test('a definition its filled placeholders would make larger than Step Functions accepts is not written out (one long substitution used 4,000 times: gigabytes)', () => {
  const template = doc(`Resources:\n  SM:\n    Type: AWS::StepFunctions::StateMachine\n    Properties:\n      DefinitionSubstitutions:\n        Big: "${'a'.repeat(100_000)}"\n      Definition:\n        StartAt: T\n        States:\n          T:\n            Type: Pass\n            Result:\n${Array.from({ length: 4000 }, (_, i) => `              k${i}: "\${Big}"\n`).join('')}            End: true\n`, 'yaml');
  assert.deepEqual(service.awsDefinition(template), { version: 1, placeholders: [], error: 'The definition of SM would be over 1,048,576 characters as JSON, more than Step Functions accepts: it is not sent.' });
  const machine = doc(JSON.stringify({ StartAt: 'T', States: { T: { Type: 'Pass', Result: Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`k${i}`, '${Big}'])), End: true } } }));
  assert.match(service.awsDefinition(machine, { Big: 'a'.repeat(30_000) }).error!, /^The definition would be over 1,048,576 characters/);
  assert.ok(service.awsDefinition(machine, { Big: 'a'.repeat(20_000) }).definition);
});

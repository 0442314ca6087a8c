// State machines embedded in CloudFormation, SAM and Serverless Framework templates (templates/): every feature
// of an .asl.json, at the template's own positions; intrinsics never give false errors; files that hold no state
// machine get nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver-types';
import { service } from './helpers';
import { embeddedMachines, machineAt } from '../../server/src/service/templates/embedded';
import { parseYaml } from '../../server/src/service/yaml/parseYaml';
import { prettyJsonSize } from '../../server/src/service/asl/machineRules';

const DIR = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'templates');
let n = 0;
function open(name: string, text = readFileSync(join(DIR, name), 'utf8')) {
  return TextDocument.create(`file:///templates/${n++}/${name}`, name.endsWith('.json') ? 'json' : 'yaml', 1, text);
}
const findings = (d: TextDocument) => service.validate(d).map((p) => [p.code, d.getText().slice(p.offset, p.offset + p.length)]);
const at = (d: TextDocument, needle: string, delta = 0) => d.positionAt(d.getText().indexOf(needle) + delta);
/** A YAML template whose one resource, M, is a state machine with these lines under its Properties. */
const stateMachineTemplate = (...properties: string[]) => ['Resources:', '  M:', '    Type: AWS::StepFunctions::StateMachine', '    Properties:', ...properties, ''].join('\n');
/** The lines of a Definition (under Properties) whose one state, T, is a Task of `resource` with these Parameters lines. */
const oneTaskDefinition = (resource: string, ...parameters: string[]) =>
  ['      Definition:', '        StartAt: T', '        States:', '          T:', '            Type: Task', `            Resource: ${resource}`, '            Parameters:', ...parameters, '            End: true'];

test('SAM YAML: the embedded machine is checked at the template positions; !Sub, !GetAtt, !Ref, !If, !Join give no false errors', () => {
  const d = open('sam-training.yaml');
  assert.deepEqual(findings(d), [
    ['likely-runtime-failure', "States.Format('churn-{}', $$.Execution.Name)"],
    ['enum-value', 'ml.m5.larg'],
    // In a SAM Definition an intrinsic deploys as the string SAM writes in its place (generators.py): no list (asl41 t09).
    ['wrong-type', '!If [IsProd, [{ Key: stage, Value: prod }], !Ref AWS::NoValue]'],
    // Substitutions followed: flagged where the value is written (a Parameter's Default, a DefinitionSubstitutions entry).
    // `!Sub churn model ${Stage}`: a space is allowed nowhere in a job name, whatever Stage stands for.
    ['pattern', 'churn model '],
    // `InstanceCount: ${ScoringInstanceCount}` deploys as "0": a string (CloudFormation replaces the text of the JSON),
    // which the placeholder makes so: flagged there.
    ['wrong-type', '${ScoringInstanceCount}'],
    ['enum-value', 'ml.c5.xlarg'],
    ['asl-unreachable-state', 'Done'],
    // The misspelt Next is the one finding (no "needs Next" beside it).
    ['asl-unknown-field', 'Nextt'],
  ]);
  // `Resource: !Sub arn:${AWS::Partition}:…` is a SageMaker task; so is the plain ARN of the second state.
  assert.deepEqual(service.findTasks(d).map((t) => [t.stateName, t.api]), [['Train', 'createTrainingJob'], ['Score', 'createTransformJob']]);
});

test('a value the template gives a placeholder (a Parameter\'s Default, a DefinitionSubstitutions entry) is fixed where it is written, by the quick fix and fix-all (walk38: "Did you mean" without a fix)', () => {
  const d = open('substitution-fixes.yaml', [
    'Parameters:', '  TrainingInstanceType:', '    Type: String', '    Default: ml.m5.xllage',
    ...stateMachineTemplate('      DefinitionSubstitutions:', '        InstanceType: !Ref TrainingInstanceType', '        InputMode: file',
      ...oneTaskDefinition('arn:aws:states:::sagemaker:createTrainingJob', '              TrainingJobName: churn', '              RoleArn: arn:aws:iam::111122223333:role/r',
        '              AlgorithmSpecification: { TrainingImage: img, TrainingInputMode: "${InputMode}" }', '              OutputDataConfig: { S3OutputPath: s3://b/o }',
        '              ResourceConfig: { InstanceType: "${InstanceType}", InstanceCount: 1, VolumeSizeInGB: 10 }', '              StoppingCondition: { MaxRuntimeInSeconds: 3600 }')).split('\n'),
  ].join('\n'));
  assert.deepEqual(findings(d), [['enum-value', 'file'], ['enum-value', 'ml.m5.xllage']]);
  const fixes = (needle: string, delta = 0) => service.getCodeActions(d, { start: at(d, needle, delta), end: at(d, needle, delta + 1) }, ['quickfix']).map((a) => [a.title, a.isPreferred ?? false]);
  assert.deepEqual(fixes('ml.m5.xllage')[0], ['Did you mean "ml.m5.xlarge"?', false]);
  assert.deepEqual(fixes('InputMode: file', 'InputMode: '.length)[0], ['Change to "File"', true]);
  // Fix-all writes the one answer (the case), not a guess among instance types.
  const fixed = TextDocument.applyEdits(d, service.fixAll(d));
  assert.match(fixed, /InputMode: File\n/);
  assert.match(fixed, /Default: ml\.m5\.xllage\n/);
});

test('a state machine resource whose definition lacks StartAt or States is still a machine: what it lacks is said (an intrinsic in its place is not one)', () => {
  const d = open('missing.yaml', stateMachineTemplate('      Definition:', '        States:', '          Work: { Type: Pass, End: true }'));
  assert.deepEqual(findings(d).map(([code]) => code), ['asl-missing-field']);
  assert.match(service.validate(d)[0].message, /^StartAt is missing/);
  const json = open('missing.json', JSON.stringify({ Resources: { M: { Type: 'AWS::StepFunctions::StateMachine', Properties: { Definition: { StartAt: 'Work' } } } } }, null, 2));
  assert.deepEqual(service.validate(json).map((p) => p.message.slice(0, 18)), ['States is missing:']);
  assert.deepEqual(findings(open('transform.yaml', stateMachineTemplate('      Definition:', "        Fn::Transform: { Name: AWS::Include, Parameters: { Location: 's3://b/d.yaml' } }"))), []);
  // Beside the fields, an include brings in what else there is: not judged (review of the day's diff).
  assert.deepEqual(findings(open('include.yaml', stateMachineTemplate('      Definition:', '        StartAt: Train', "        Fn::Transform: { Name: AWS::Include, Parameters: { Location: 's3://b/states.yaml' } }"))), []);
});

test('a Task of a template launches with the placeholders Validate with AWS asks for: !GetAtt Role.Arn as ${Role.Arn}, and the values the template gives itself', () => {
  const d = open('launch.yaml', [
    'Parameters:',
    '  Bucket:',
    '    Type: String',
    '    Default: example-ml-bucket',
    'Resources:',
    '  SageMakerRole:',
    '    Type: AWS::IAM::Role',
    '  Flow:',
    '    Type: AWS::Serverless::StateMachine',
    '    Properties:',
    '      DefinitionSubstitutions:',
    '        Bucket: !Ref Bucket',
    '      Definition:',
    '        StartAt: Train',
    '        States:',
    '          Train:',
    '            Type: Task',
    '            Resource: arn:aws:states:::sagemaker:createTrainingJob.sync',
    '            Parameters:',
    '              TrainingJobName: churn',
    '              RoleArn: !GetAtt SageMakerRole.Arn',
    '              OutputDataConfig: { S3OutputPath: "s3://${Bucket}/models" }',
    '              AlgorithmSpecification: { TrainingImage: 382416733822.dkr.ecr.us-east-1.amazonaws.com/linear-learner:1, TrainingInputMode: File }',
    '              ResourceConfig: { InstanceCount: 1, InstanceType: ml.m5.xlarge, VolumeSizeInGB: 10 }',
    '            End: true',
    '',
  ].join('\n'));
  const [task] = service.findTasks(d);
  assert.equal((task.payload as { RoleArn: string }).RoleArn, '${SageMakerRole.Arn}');
  assert.deepEqual(task.placeholderValues, { Bucket: 'example-ml-bucket' });
  assert.deepEqual(task.errors, []);
  // A value CloudFormation computes (`!If`) has none to launch with: the launch is refused, saying where.
  const computed = open('launch-if.yaml', d.getText().replace('TrainingJobName: churn', 'TrainingJobName: !If [IsProd, churn, churn-dev]'));
  assert.deepEqual(service.findTasks(computed)[0].errors, ['Fn::If on line 20 is computed by CloudFormation at deployment, so the request has no value to start the job with there; only !Ref, !GetAtt and !Sub values can be filled in.']);
  // A Sub's own variables are put in its string: a literal as its text, a reference as the placeholder it names;
  // a computed one refuses the launch too.
  const subbed = open('launch-sub.yaml', d.getText().replace('"s3://${Bucket}/models"', '!Sub [ "s3://${B}/${Prefix}/${AWS::Region}", { B: !Ref Bucket, Prefix: models } ]'));
  const [withVariables] = service.findTasks(subbed);
  assert.deepEqual((withVariables.payload as { OutputDataConfig: unknown }).OutputDataConfig, { S3OutputPath: 's3://${Bucket}/models/${AWS::Region}' });
  assert.deepEqual(withVariables.errors, []);
  const subComputed = open('launch-sub-if.yaml', subbed.getText().replace('Prefix: models', 'Prefix: !If [IsProd, a, b]'));
  assert.match(service.findTasks(subComputed)[0].errors.join(), /^Fn::If on line 22 is computed by CloudFormation/);
  // A document that is itself the machine: its payload as written, no values of a template.
  const plain = TextDocument.create('file:///templates/plain.asl.json', 'asl', 1, JSON.stringify({ StartAt: 'T', States: { T: { Type: 'Task', Resource: 'arn:aws:states:::sagemaker:createTrainingJob', Parameters: { TrainingJobName: '${Name}' }, End: true } } }));
  assert.deepEqual(service.findTasks(plain).map((t) => [t.payload, t.placeholderValues]), [[{ TrainingJobName: '${Name}' }, undefined]]);
});

test('a Task inside a Map names that Map (its $ is one item of it), a top-level one none', () => {
  const train = { Type: 'Task', Resource: 'arn:aws:states:::sagemaker:createTrainingJob.sync', Parameters: { 'TrainingJobName.$': '$.name' }, End: true };
  const text = JSON.stringify({ StartAt: 'First', States: { First: { ...train, End: undefined, Next: 'PerRegion' }, PerRegion: { Type: 'Map', ItemProcessor: { StartAt: 'Inner', States: { Inner: { Type: 'Parallel', Branches: [{ StartAt: 'Train', States: { Train: train } }], End: true } } }, End: true } } });
  const d = TextDocument.create('file:///templates/map.asl.json', 'asl', 1, text);
  assert.deepEqual(service.findTasks(d).map((t) => [t.stateName, t.mapItemOf]), [['First', undefined], ['Train', 'PerRegion']]);
});

test('a Task its machine does not start with names the states that lead to it (its $ is what they pass on; walk32)', () => {
  const train = { Type: 'Task', Resource: 'arn:aws:states:::sagemaker:createTrainingJob.sync', Parameters: { 'TrainingJobName.$': '$.name' } };
  const text = JSON.stringify({ StartAt: 'Check', States: { Check: { Type: 'Choice', Choices: [{ Variable: '$.a', IsPresent: true, Next: 'Train' }], Default: 'Retrain' }, Retrain: { ...train, Next: 'Train', Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Orphan' }] }, Train: { ...train, End: true }, Orphan: { ...train, End: true }, Alone: { ...train, End: true } } });
  const d = TextDocument.create('file:///templates/flow.asl.json', 'asl', 1, text);
  // Retrain comes after a Choice only, which passes its input on: its $ is the execution input (walk37).
  assert.deepEqual(service.findTasks(d).map((t) => [t.stateName, t.inputFrom]), [['Retrain', undefined], ['Train', ['Check', 'Retrain']], ['Orphan', ['Retrain']], ['Alone', []]]);
  // A Parallel branch's first Task gets what the Parallel gives its branches: the execution input only when the
  // Parallel starts the machine and leaves its input as it is.
  const branch = (parallel: Record<string, unknown>, first = true) => {
    const p = { Type: 'Parallel', End: true, Branches: [{ StartAt: 'T', States: { T: { ...train, End: true } } }], ...parallel };
    const states = first ? { P: p } : { Prep: { Type: 'Pass', Next: 'P' }, P: p };
    const t = TextDocument.create('file:///templates/parallel.asl.json', 'asl', 1, JSON.stringify({ StartAt: first ? 'P' : 'Prep', States: states }));
    return service.findTasks(t).map((x) => x.inputFrom);
  };
  assert.deepEqual(branch({}), [undefined]);
  assert.deepEqual(branch({ Parameters: { 'x.$': '$.a' } }), [['P']]);
  assert.deepEqual(branch({}, false), [undefined]); // Prep, a Pass that makes no result, passes the input on
  assert.deepEqual(branch({}, false).length, 1);
});

test('a Task after states that pass their input on unchanged gets the execution input (walk37: the tuning example\'s second Task)', () => {
  const train = { Type: 'Task', Resource: 'arn:aws:states:::sagemaker:createTrainingJob.sync', Parameters: { 'TrainingJobName.$': '$.name' } };
  const flow = (first: Record<string, unknown>, between: Record<string, unknown> = { Type: 'Wait', Seconds: 5, Next: 'Train' }) => {
    const text = JSON.stringify({ StartAt: 'Prep', States: { Prep: { ...train, Next: 'Hold', ...first }, Hold: between, Train: { ...train, End: true } } });
    return service.findTasks(TextDocument.create('file:///templates/passes.asl.json', 'asl', 1, text)).map((t) => t.inputFrom);
  };
  assert.deepEqual(flow({ ResultPath: null }), [undefined, undefined]);
  assert.deepEqual(flow({ ResultPath: null, OutputPath: '$.a' }), [undefined, ['Hold']]);
  assert.deepEqual(flow({ ResultPath: '$.prep' }), [undefined, ['Hold']]);
  assert.deepEqual(flow({ ResultPath: null }, { Type: 'Pass', Result: { a: 1 }, Next: 'Train' }), [undefined, ['Hold']]);
  assert.deepEqual(flow({ ResultPath: null }, { Type: 'Pass', Result: { a: 1 }, ResultPath: null, Next: 'Train' }), [undefined, undefined]);
  // A JSONata state's output is its result unless Output says otherwise: not followed.
  assert.deepEqual(flow({ QueryLanguage: 'JSONata', Parameters: undefined, Arguments: {} }), [undefined, ['Hold']]);
});

test('CloudFormation JSON: Fn::Sub is a string with placeholders, Fn::GetAtt/Fn::Join/Ref are dynamic values', () => {
  const d = open('cfn-training.json');
  assert.deepEqual(findings(d), [['wrong-type', '"true"']]);
  assert.deepEqual(service.findTasks(d).map((t) => t.api), ['createTrainingJob']);
});

test('CloudFormation DefinitionString as a !Sub block literal is read as JSON in place (bare ${…} included)', () => {
  const d = open('cfn-definition-string.yaml');
  assert.deepEqual(findings(d), [['enum-value', '"Fil"']]);
});

test('CloudFormation DefinitionString in the list form of !Sub / Fn::Sub (the string, then its variables) is read the same way', () => {
  const d = open('cfn-definition-string-sub-list.yaml');
  assert.deepEqual(findings(d), [['enum-value', '"Fil"']]);
  const long = d.getText().replace('DefinitionString: !Sub\n        - |', 'DefinitionString:\n        Fn::Sub:\n        - |');
  assert.notEqual(long, d.getText());
  assert.deepEqual(findings(open('cfn-definition-string-sub-list.yaml', long)), [['enum-value', '"Fil"']]);
  // An untagged list is not a Sub: left alone, as any DefinitionString that is not the document's own text.
  assert.deepEqual(findings(open('cfn-definition-string-sub-list.yaml', d.getText().replace('DefinitionString: !Sub\n', 'DefinitionString:\n'))), []);
});

test('Serverless Framework: stepFunctions.stateMachines.*.definition, ${self:…} and ${opt:…} are placeholders', () => {
  const d = open('serverless.yml');
  assert.deepEqual(findings(d), [['likely-runtime-failure', '$$.Execution.Name'], ['unknown-key', 'MaxRuntimeInSecond']]);
});

test('Serverless Framework: a CloudFormation state machine in its own resources (resources: Resources:) is checked too (ctx31)', () => {
  const text = ['service: ml', 'provider:', '  name: aws', 'resources:', '  Resources:', '    Train:', '      Type: AWS::StepFunctions::StateMachine', '      Properties:', '        Definition:', '          StartAt: W', '          States:', '            W:', '              Type: Wait', '              Seconds: 5', '              Timestamp: "2026-01-01T00:00:00Z"', '              End: true', ''].join('\n');
  assert.deepEqual(findings(open('serverless.yml', text)), [['asl-exclusive-fields', 'Timestamp']]);
  // The framework resolves its own variables there: `${self:…}` is no DefinitionSubstitutions key left unmatched.
  const variables = text.replace('              Seconds: 5\n              Timestamp: "2026-01-01T00:00:00Z"\n', '              Seconds: 5\n              Comment: churn_${self:provider.stage}\n');
  assert.deepEqual(findings(open('serverless.yml', variables)), []);
});

test('a plain JSON or YAML machine with StartAt or States misspelt is still checked: the misspelling is reported, not the file passed over', () => {
  const states = { A: { Type: 'Pass', End: true } };
  for (const [name, text, key] of [
    ['flow.json', JSON.stringify({ Startat: 'A', States: states }, null, 2), 'Startat'],
    ['flow.json', JSON.stringify({ StartAt: 'A', states }, null, 2), 'states'],
    ['flow.yaml', 'StartsAt: A\nStates:\n  A:\n    Type: Pass\n    End: true\n', 'StartsAt'],
    ['flow.json', JSON.stringify({ StartAt: 'A', State: 'x', states }, null, 2), 'states'], // another close key first
  ]) {
    const d = open(name, text);
    assert.equal(service.isStateMachineDocument(d), true, text);
    assert.ok(findings(d).some(([code, at]) => code === 'asl-unknown-field' && at.includes(key)), text);
  }
  // Near keys without states that read as the States Language's (XState's lower-case type, no Type at all): not a machine.
  for (const text of [
    JSON.stringify({ StartAt: 'a', states: { a: { type: 'final' } } }),
    JSON.stringify({ Start: 'a', States: { a: { Kind: 'Pass' } } }),
    JSON.stringify({ Startat: 'a', States: {} }),
  ]) assert.equal(service.isStateMachineDocument(open('other.json', text)), false, text);
});

test('files that hold no state machine get nothing: GitHub workflow, Kubernetes manifests, package.json, OpenAPI', () => {
  for (const name of ['github-workflow.yml', 'k8s-deployment.yaml', 'package.json', 'openapi.yaml']) {
    const d = open(name);
    assert.equal(service.isStateMachineDocument(d), false, name);
    assert.deepEqual(service.doValidation(d), [], name);
    assert.deepEqual(service.getCodeLenses(d), [], name);
    assert.deepEqual(service.findDocumentSymbols(d), [], name);
    assert.equal(service.doHover(d, d.positionAt(20)), null, name);
  }
});

test('a template with a broken YAML line still reports the syntax error once', () => {
  const text = readFileSync(join(DIR, 'sam-training.yaml'), 'utf8').replace('InstanceCount: 1\n                InstanceType: ml.m5.larg', 'InstanceCount: [1\n                InstanceType: ml.m5.larg');
  const d = open('sam-training.yaml', text);
  assert.equal(service.validate(d).filter((p) => p.code === 'syntax').length, 1);
});

test('completion inside an embedded machine offers the request members', () => {
  const d = open('serverless.yml');
  const items = service.doComplete(d, at(d, 'MaxRuntimeInSecond'));
  assert.ok(items.some((i) => i.label === 'MaxWaitTimeInSeconds'), items.map((i) => i.label).join());
});

test('hover inside an embedded machine documents the member', () => {
  const d = open('sam-training.yaml');
  const hover = service.doHover(d, at(d, 'VolumeSizeInGB', 2));
  assert.match(JSON.stringify(hover?.contents), /VolumeSizeInGB/);
  // On a placeholder the template gives a value: the member's, and the value given (walk38: the parent's documentation).
  const placeholder = service.doHover(d, at(d, '${ScoringInstanceType}', 3))!;
  const text = (placeholder.contents as { value: string }).value;
  assert.match(text, /^\*\*InstanceType\*\*/);
  assert.match(text, /The template gives this placeholder `ml\.c5\.xlarg` \(line 34\)\.$/);
  assert.equal(d.getText().slice(d.offsetAt(placeholder.range!.start), d.offsetAt(placeholder.range!.end)).trim(), '${ScoringInstanceType}');
});

test('a quick fix inside a template edits the template in place', () => {
  const d = open('sam-training.yaml');
  const start = at(d, 'ml.m5.larg\n');
  const actions = service.getCodeActions(d, { start, end: start }, ['quickfix']).filter((a) => a.diagnostics?.[0]?.code === 'enum-value');
  assert.ok(actions.length);
  const fixed = TextDocument.applyEdits(d, actions[0].edit!.changes![d.uri]);
  assert.match(fixed, /InstanceType: ml\.m5\.large\n/);
  const json = open('cfn-training.json');
  const s = at(json, '"true"');
  const fixes = service.getCodeActions(json, { start: s, end: s }, ['quickfix']);
  assert.equal(fixes.length, 1);
  assert.match(TextDocument.applyEdits(json, fixes[0].edit!.changes![json.uri]), /"EnableNetworkIsolation": true\n/);
});

test('an !If whose every literal branch the member refuses: an error on each branch; one good branch, or a branch that is an intrinsic, leaves it alone', () => {
  const template = (instanceType: string, count: string) =>
    stateMachineTemplate(...oneTaskDefinition('arn:aws:states:::sagemaker:createTransformJob', '              TransformJobName: score', '              ModelName: m', '              TransformInput: {DataSource: {S3DataSource: {S3DataType: S3Prefix, S3Uri: "s3://b/in"}}}', '              TransformOutput: {S3OutputPath: "s3://b/out"}', `              TransformResources: {InstanceType: ${instanceType}, InstanceCount: ${count}}`));
  const both = open('if.template.yaml', template('!If [Prod, ml.m5.larg, ML.M5.XLARGE]', '!If [Prod, 0, -1]'));
  assert.deepEqual(findings(both), [['enum-value', 'ml.m5.larg'], ['enum-value', 'ML.M5.XLARGE'], ['out-of-range', '0'], ['out-of-range', '-1']]);
  assert.match(service.validate(both)[0].message, /every branch of this Fn::If is refused/);
  // Which branch to correct is the user's: no quick fix rewrites the !If.
  const start = at(both, 'ML.M5.XLARGE');
  assert.deepEqual(service.getCodeActions(both, { start, end: start }, ['quickfix']), []);
  assert.deepEqual(service.fixAll(both), []);
  for (const fine of [template('!If [Prod, ml.m5.larg, ml.m5.xlarge]', '!If [Prod, 2, 0]'), template('!If [Prod, ml.m5.larg, !Ref Type]', '!If [Prod, !Ref AWS::NoValue, 0]')]) {
    assert.deepEqual(findings(open('if.template.yaml', fine)), []);
  }
  const json = open('if.template.json', JSON.stringify({ Resources: { M: { Type: 'AWS::StepFunctions::StateMachine', Properties: { Definition: { StartAt: 'T', States: { T: { Type: 'Task', Resource: 'arn:aws:states:::sagemaker:createTransformJob', Parameters: { TransformJobName: 'score', ModelName: 'm', BatchStrategy: { 'Fn::If': ['Prod', 'Multi', 'Single'] }, TransformInput: { DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: 's3://b/in' } } }, TransformOutput: { S3OutputPath: 's3://b/out' }, TransformResources: { InstanceType: 'ml.m5.large', InstanceCount: 1 } }, End: true } } } } } } }, null, 2));
  assert.deepEqual(findings(json), [['enum-value', '"Multi"'], ['enum-value', '"Single"']]);
});

test('navigation inside a template: outline, go to definition, references', () => {
  const d = open('sam-training.yaml');
  assert.deepEqual(service.findDocumentSymbols(d).map((s) => s.name), ['Train', 'Score', 'Done']);
  const def = service.findDefinition(d, at(d, 'Next: Score', 7));
  assert.deepEqual(def?.range.start, at(d, 'Score:\n'));
  assert.equal(service.findReferences(d, at(d, 'Score:\n'), true).length, 2);
});

test('a template with two state machines: each one checked, navigated and listed', () => {
  const one = readFileSync(join(DIR, 'cfn-training.json'), 'utf8');
  const template = JSON.parse(one);
  template.Resources.Second = JSON.parse(JSON.stringify(template.Resources.Pipeline));
  template.Resources.Second.Properties.Definition.States.Train.Parameters.EnableNetworkIsolation = true;
  template.Resources.Second.Properties.Definition.States.Train.Parameters.RoleArn = 'arn';
  const d = open('two.json', JSON.stringify(template, null, 2));
  assert.deepEqual(findings(d).map((f) => f[0]), ['wrong-type', 'too-short']);
  assert.equal(service.findTasks(d).length, 2);
  // Each machine's states under its resource's name (ux42: Train, Train read as one list).
  assert.deepEqual(service.findDocumentSymbols(d).map((s) => [s.name, s.children?.map((c) => c.name)]), [['Pipeline', ['Train']], ['Second', ['Train']]]);
  // Fix-all fixes the finding that has an unambiguous fix, in its own machine.
  const fixed = TextDocument.applyEdits(d, service.fixAll(d));
  assert.equal((fixed.match(/"EnableNetworkIsolation": true/g) ?? []).length, 2);
});

test('substitutions are followed in a JSON template too, and stay right through edits (the tree is parsed whole again, not in place)', () => {
  const template = (type: string, comment: string) => JSON.stringify({
    Resources: { M: { Type: 'AWS::StepFunctions::StateMachine', Properties: {
      DefinitionSubstitutions: { Type: type },
      Definition: { Comment: comment, StartAt: 'T', States: { T: { Type: 'Task', Resource: 'arn:aws:states:::sagemaker:createTrainingJob.sync', End: true, Parameters: {
        TrainingJobName: 'churn', RoleArn: 'arn:aws:iam::111122223333:role/r', OutputDataConfig: { S3OutputPath: 's3://b/o' },
        AlgorithmSpecification: { TrainingImage: 'img', TrainingInputMode: 'File' }, ResourceConfig: { InstanceType: '${Type}', InstanceCount: 1, VolumeSizeInGB: 10 } } } } } } } },
  }, null, 2);
  const uri = `file:///templates/${n++}/follow.json`;
  let text = template('ml.m5.larg', 'first');
  const at = () => service.validate(TextDocument.create(uri, 'json', version, text)).map((p) => [p.code, text.slice(p.offset, p.offset + p.length)]);
  let version = 1;
  // Flagged where the value is written, in DefinitionSubstitutions.
  assert.deepEqual(at(), [['enum-value', '"ml.m5.larg"']]);
  // An edit before it (a longer Comment moves the definition, not the literal) and one of the literal itself.
  for (const [type, comment] of [['ml.m5.larg', 'a much longer comment than before'], ['ml.m5.large', 'a much longer comment than before'], ['ml.c5.xlarg', 'x']]) {
    text = template(type, comment);
    version++;
    assert.deepEqual(at(), type === 'ml.m5.large' ? [] : [['enum-value', JSON.stringify(type)]], `${type} ${comment}`);
  }
});

test('substitutions: a !Sub variable or a Parameter Default is checked where written; intrinsic values stay dynamic, as strings', () => {
  const text = [
    'Parameters:',
    '  Stage: { Type: String, Default: my_stage }',
    '  Role: { Type: String }',
    'Resources:',
    '  M:',
    '    Type: AWS::StepFunctions::StateMachine',
    '    Properties:',
    '      DefinitionSubstitutions:',
    '        Count: !GetAtt Sizing.Count',
    '      Definition:',
    '        StartAt: T',
    '        States:',
    '          T:',
    '            Type: Task',
    '            Resource: arn:aws:states:::sagemaker:createTrainingJob.sync',
    '            Parameters:',
    '              TrainingJobName: !Sub ${Stage}',
    '              RoleArn: !Sub ${Role}',
    '              AlgorithmSpecification: { TrainingImage: img, TrainingInputMode: !Sub [ "${Mode}", { Mode: Fil } ] }',
    '              OutputDataConfig: { S3OutputPath: !Sub "s3://${Stage}/out" }',
    '              ResourceConfig:',
    '                InstanceCount: ${Count}',
    '                InstanceType: ml.m5.large',
    '                VolumeSizeInGB: 10',
    '              StoppingCondition: { MaxRuntimeInSeconds: 60 }',
    '            End: true',
    '',
  ].join('\n');
  const d = open('sub.yaml', text);
  // `InstanceCount: ${Count}` deploys as a string, whatever !GetAtt gives: CloudFormation replaces the text of the JSON.
  assert.deepEqual(findings(d), [['pattern', 'my_stage'], ['enum-value', 'Fil'], ['wrong-type', '${Count}']]);
});

test('a followed substitution deploys as a string: numbers and booleans in string members are fine, in integer fields they are not', () => {
  // CloudFormation writes the Definition out as JSON, then replaces each ${key} as text: "epochs": "3".
  const text = [
    'Resources:',
    '  M:',
    '    Type: AWS::StepFunctions::StateMachine',
    '    Properties:',
    '      DefinitionSubstitutions: { Epochs: 3, Fp16: true, Wait: 60 }',
    '      Definition:',
    '        StartAt: T',
    '        States:',
    '          T:',
    '            Type: Task',
    '            Resource: arn:aws:states:::sagemaker:createTrainingJob.sync',
    '            Parameters:',
    '              TrainingJobName: t',
    '              RoleArn: arn:aws:iam::111122223333:role/R',
    '              OutputDataConfig: { S3OutputPath: s3://b/o }',
    '              AlgorithmSpecification: { TrainingImage: 382416733822.dkr.ecr.us-east-1.amazonaws.com/linear-learner:1, TrainingInputMode: File }',
    '              ResourceConfig: { InstanceCount: 1, InstanceType: ml.m5.xlarge, VolumeSizeInGB: 10 }',
    '              HyperParameters: { epochs: "${Epochs}", fp16: "${Fp16}" }',
    '              Environment: { FP16: "${Fp16}" }',
    '            Next: W',
    '          W: { Type: Wait, Seconds: "${Wait}", End: true }',
    '',
  ].join('\n');
  // One finding: the Wait's Seconds, on the placeholder that makes it a string (its value is a number).
  const f = findings(open('typed.yaml', text));
  assert.deepEqual(f.map(([, at]) => at), ['"${Wait}"'], JSON.stringify(f));
});

test('Serverless: #{AWS::…} pseudo parameters are placeholders, as serverless-step-functions deploys them', () => {
  const text = [
    'service: churn',
    'stepFunctions:',
    '  stateMachines:',
    '    train:',
    '      definition:',
    '        StartAt: T',
    '        States:',
    '          T:',
    '            Type: Task',
    '            Resource: "arn:#{AWS::Partition}:states:::sagemaker:createTrainingJob.sync"',
    '            Parameters:',
    '              TrainingJobName: churn',
    '              RoleArn: "arn:aws:iam::#{AWS::AccountId}:role/churn-${sls:stage}"',
    '              OutputDataConfig: { S3OutputPath: "s3://b-#{AWS::Region}/o" }',
    '              AlgorithmSpecification: { TrainingImage: 382416733822.dkr.ecr.us-east-1.amazonaws.com/linear-learner:1, TrainingInputMode: File }',
    '              ResourceConfig: { InstanceCount: 1, InstanceType: ml.m5.larg, VolumeSizeInGB: 10 }',
    '            End: true',
    '',
  ].join('\n');
  const d = open('serverless.yml', text);
  // The Resource with #{AWS::Partition} is still a SageMaker task (its request is checked), and no #{…} is judged as text.
  assert.deepEqual(findings(d), [['enum-value', 'ml.m5.larg']]);
  assert.deepEqual(service.findTasks(d).map((t) => t.api), ['createTrainingJob']);
  // 200,000 characters of "#{" without "}" are read in one pass (a scan to the end from each "#{" took seconds).
  const many = open('serverless.yml', text.replace('TrainingJobName: churn', `TrainingJobName: churn\n              Comment: "${'#{'.repeat(100_000)}"`));
  assert.deepEqual(service.findTasks(many).map((t) => t.api), ['createTrainingJob']);
});

test("Serverless: #{…} in a serverless.yml's own resources are placeholders too (serverless-cf-vars and serverless-pseudo-parameters rewrite them for CloudFormation; fp40)", () => {
  const text = [
    'service: workshop',
    'plugins:',
    '  - serverless-cf-vars',
    'resources:',
    '  Resources:',
    '    Flow:',
    '      Type: AWS::StepFunctions::StateMachine',
    '      Properties:',
    '        RoleArn: arn:aws:iam::123456789012:role/x',
    '        DefinitionString: !Sub',
    '          - |-',
    '            {"StartAt":"A","States":{"A":{"Type":"Task","Resource":"#{fnArn}","Next":"B"},"B":{"Type":"Task","Resource":"arn:aws:lambda:#{AWS::Region}:#{AWS::AccountId}:function:f","End":true}}}',
    '          - fnArn: !GetAtt [Fn, Arn]',
    '    Object:',
    '      Type: AWS::StepFunctions::StateMachine',
    '      Properties:',
    '        Definition:',
    '          StartAt: A',
    '          States:',
    '            A: { Type: Task, Resource: "#{fnArn}", End: true }',
    '',
  ].join('\n');
  assert.deepEqual(findings(open('serverless.yml', text)), []);
});

test('substitutions are followed in a DefinitionString too: quoted ones as strings, bare ones as the JSON their text reads as', () => {
  const machine = (resource: string) => [
    '        {',
    '          "StartAt": "T",',
    '          "States": { "T": { "Type": "Task", "Resource": "arn:aws:states:::sagemaker:createTrainingJob.sync",',
    '            "Parameters": { "TrainingJobName": "t", "RoleArn": "arn:aws:iam::111122223333:role/R", "OutputDataConfig": { "S3OutputPath": "s3://b/o" },',
    '              "AlgorithmSpecification": { "TrainingImage": "382416733822.dkr.ecr.us-east-1.amazonaws.com/linear-learner:1", "TrainingInputMode": "File" },',
    `              ${resource},`,
    '              "HyperParameters": { "epochs": "${Epochs}" } }, "End": true } }',
    '        }',
  ];
  const cfn = (props: string[], resource: string) => stateMachineTemplate(...props, ...machine(resource));
  const rc = '"ResourceConfig": { "InstanceCount": ${Count}, "InstanceType": "${Type}", "VolumeSizeInGB": 10 }';
  // DefinitionSubstitutions: '2' bare is the number 2, 3 quoted is the string "3"; a bad instance type is flagged where written.
  const text = cfn(['      DefinitionSubstitutions: { Count: \'2\', Type: ml.m5.larg, Epochs: 3 }', '      DefinitionString: |'], rc);
  assert.deepEqual(findings(open('str.yaml', text)), [['enum-value', 'ml.m5.larg']]);
  // A bare value that is no JSON text leaves the definition no JSON: an error on the placeholder (asl41 t08).
  assert.deepEqual(findings(open('str2.yaml', text.replace("Count: '2'", 'Count: two'))), [['enum-value', 'ml.m5.larg'], ['substitution-not-json', '${Count}']]);
  assert.deepEqual(findings(open('str3.yaml', text.replace("Count: '2'", "Count: '\"2\"'"))).map(([c, at]) => [c, at]), [['wrong-type', '\'"2"\''], ['enum-value', 'ml.m5.larg']]);
  // A !Sub string (list form) takes its variables, then the Parameters' Defaults; not the DefinitionSubstitutions.
  const sub = cfn(['      DefinitionString: !Sub', '        - |'], rc).replace(/\n {8}(?=[{}" ])/g, '\n          ').replace(/\n$/, '\n        - { Type: ml.c5.xlarg, Count: -1, Epochs: 3 }\n');
  assert.deepEqual(findings(open('sub.yaml', sub)), [['out-of-range', '-1'], ['enum-value', 'ml.c5.xlarg']]);
  // Its variables are pasted as text too: one that is no JSON value where it stands bare is an error on the placeholder (tpl46).
  assert.deepEqual(findings(open('sub2.yaml', sub.replace('Count: -1', 'Count: four'))), [['enum-value', 'ml.c5.xlarg'], ['substitution-not-json', '${Count}']]);
});

test('a Sub of one JSON string (a JSON template\'s Fn::Sub, a quoted YAML string) follows its variables as a block\'s (tpl46)', () => {
  const definition = JSON.stringify({ StartAt: 'E', States: { E: { Type: 'Task', Resource: 'arn:aws:states:::sagemaker:createEndpointConfig', Parameters: { EndpointConfigName: 'cfg', ProductionVariants: [{ VariantName: 'all', ModelName: 'm', InitialInstanceCount: '${Count}', InstanceType: '${Type}' }] }, End: true } } }).replace('"${Count}"', '${Count}');
  const json = (variables: object) => JSON.stringify({ Resources: { M: { Type: 'AWS::StepFunctions::StateMachine', Properties: { RoleArn: 'arn:aws:iam::123456789012:role/r', DefinitionString: { 'Fn::Sub': [definition, variables] } } } } }, null, 1);
  assert.deepEqual(findings(open('sub.json', json({ Type: 'ml.m5.huge', Count: 1 }))), [['enum-value', '"ml.m5.huge"']]);
  assert.deepEqual(findings(open('sub2.json', json({ Type: 'ml.m5.large', Count: 0 }))), [['out-of-range', '0']]);
  assert.deepEqual(findings(open('sub3.json', json({ Type: 'ml.m5.large', Count: 'one' }))).map(([c]) => c), ['substitution-not-json']);
  assert.deepEqual(findings(open('sub4.json', json({ Type: 'ml.m5.large', Count: 2 }))), []);
  const yaml = stateMachineTemplate('      DefinitionString: !Sub', `        - '${definition}'`, '        - { Type: ml.m5.huge, Count: 1 }');
  assert.deepEqual(findings(open('sub.yaml', yaml)), [['enum-value', 'ml.m5.huge']]);
});

test('a substitution value written !If [Cond, a, b] of two literals: the placeholder stands for one of them, an error on each where every branch is refused (tpl46); one good branch, none', () => {
  const template = (value: string, sub = false) => stateMachineTemplate(...(sub ? [] : [`      DefinitionSubstitutions: { Type: ${value} }`]), `      DefinitionString: ${sub ? '!Sub' : '|'}`, ...(sub ? ['        - |'] : []),
    `${sub ? '  ' : ''}        {"StartAt": "E", "States": {"E": {"Type": "Task", "Resource": "arn:aws:states:::sagemaker:createEndpointConfig", "Parameters": {"EndpointConfigName": "c", "ProductionVariants": [{"VariantName": "v", "ModelName": "m", "InitialInstanceCount": 1, "InstanceType": "\${Type}"}]}, "End": true}}}`,
    ...(sub ? [`        - { Type: ${value} }`] : []));
  assert.deepEqual(findings(open('if.yaml', template('!If [IsProd, ml.m5.2xlargee, ml.m5.larg]'))), [['enum-value', 'ml.m5.2xlargee'], ['enum-value', 'ml.m5.larg']]);
  assert.deepEqual(findings(open('if-sub.yaml', template('!If [IsProd, ml.m5.2xlargee, ml.m5.larg]', true))), [['enum-value', 'ml.m5.2xlargee'], ['enum-value', 'ml.m5.larg']]);
  assert.deepEqual(findings(open('if-ok.yaml', template('!If [IsProd, ml.m5.2xlarge, ml.m5.larg]'))), []);
  assert.deepEqual(findings(open('if-ref.yaml', template('!If [IsProd, !Ref T, ml.m5.larg]'))), []);
});

test('a placeholder that names a state (a key) is not followed into the values that name it too: StartAt, Next keep naming the state (the review of the day)', () => {
  const definition = '{"StartAt": "${First}", "States": {"${First}": {"Type": "Pass", "Next": "Done"}, "Done": {"Type": "Succeed"}}}';
  const json = JSON.stringify({ Resources: { M: { Type: 'AWS::StepFunctions::StateMachine', Properties: { RoleArn: 'r', DefinitionString: { 'Fn::Sub': [definition, { First: 'Invoke' }] } } } } }, null, 1);
  assert.deepEqual(findings(open('keys.json', json)), []);
  assert.deepEqual(findings(open('keys.yaml', stateMachineTemplate('      RoleArn: r', '      DefinitionString: !Sub', `        - '${definition}'`, '        - { First: Invoke }'))), []);
  assert.deepEqual(findings(open('keys2.yaml', stateMachineTemplate('      RoleArn: r', '      DefinitionSubstitutions: { First: Invoke }', '      DefinitionString: |', `        ${definition}`))), []);
});

test('a substitution value with a backslash pasted inside a JSON string makes an escape JSON has not: an error on the value; a JSON escape passes (tpl46)', () => {
  const text = (value: string) => stateMachineTemplate(`      DefinitionSubstitutions: { Pattern: '${value}' }`, '      DefinitionString: |', '        { "StartAt": "P", "States": { "P": { "Type": "Pass", "Result": { "regex": "loss=${Pattern}" }, "End": true } } }');
  const f = service.validate(open('backslash.yaml', text('([0-9\\.]+)')));
  assert.deepEqual(f.map((p) => p.code), ['substitution-not-json']);
  assert.match(f[0].message, /^Pattern's value has a backslash, .* Write \\\\ for each backslash in the value$/);
  for (const ok of ['\\n', '\\u00e9', '\\\\d+', 'plain']) assert.deepEqual(findings(open('escape.yaml', text(ok))), [], ok);
});

test('a placeholder with no known value where a number or boolean belongs: it deploys as a string, an error there; a bare one in a DefinitionString is JSON text, not judged', () => {
  const machine = (definition: string[]) =>
    ['Parameters:', '  Threshold: { Type: Number }', stateMachineTemplate('      DefinitionSubstitutions: { Threshold: !Ref Threshold, Name: n }', ...definition)].join('\n');
  const object = machine([
    '      Definition:',
    '        StartAt: C',
    '        States:',
    '          C:',
    '            Type: Choice',
    '            Choices: [{ Variable: $.auc, NumericGreaterThanEquals: "${Threshold}", Next: W }]',
    '            Default: W',
    '          W:',
    '            Type: Wait',
    '            Seconds: ${Unlisted}',
    '            Comment: ${Name}',
    '            End: true',
  ]);
  const f = findings(open('number-placeholder.yaml', object));
  assert.deepEqual(f, [['asl-invalid-value', '"${Threshold}"'], ['asl-invalid-value', '${Unlisted}'], ['unmatched-placeholder', '${Unlisted}']]);
  // The message ends with what to write (walk38: it said why only).
  assert.match(service.validate(open('number-placeholder.yaml', object))[1].message, /\. Write the value itself here, or give the definition as a DefinitionString whose JSON has the placeholder outside quotes \("Seconds": \$\{Unlisted\}\) \(SCHEMA_VALIDATION_FAILED\)$/);
  // In a JSONata state a string may be a {% … %} expression, which a number field takes: an unknown one is not judged.
  const jsonata = object.replace('        StartAt: C', '        QueryLanguage: JSONata\n        StartAt: C').replace('Choices: [{ Variable: $.auc, NumericGreaterThanEquals: "${Threshold}", Next: W }]', 'Choices: [{ Condition: "${Threshold}", Next: W }]');
  assert.deepEqual(findings(open('number-placeholder-jsonata.yaml', jsonata)), [['unmatched-placeholder', '${Unlisted}']]);
  // In a DefinitionString's text, a quoted one is a string; a bare one becomes whatever JSON its value reads as.
  const text = machine(['      DefinitionString: |', '        {"StartAt": "W", "TimeoutSeconds": ${Threshold}, "States": {"W": {"Type": "Wait", "Seconds": "${Threshold}", "End": true}}}']);
  assert.deepEqual(findings(open('number-placeholder-text.yaml', text)), [['asl-invalid-value', '"${Threshold}"']]);
});

test('a ${Name} that no DefinitionSubstitutions key names deploys as its text: a warning where it is written; none in a Sub, an intrinsic or Serverless', () => {
  const machine = (props: string[], resource = 'arn:aws:states:::lambda:invoke') =>
    stateMachineTemplate(
      ...props,
      ...oneTaskDefinition(
        resource,
        '              FunctionName: "${Fn}"',
        '              Payload: { bucket: "s3://${Bucket}/in", region: "${AWS::Region}", sub: !Sub "${AWS::Region}-${Stage}", ref: !Ref Other }',
      ),
    );
  const warnings = (text: string, name = 'unmatched.yaml') => service.validate(open(name, text)).filter((p) => p.code === 'unmatched-placeholder').map((p) => [p.severity, text.slice(p.offset, p.offset + p.length)]);
  // No DefinitionSubstitutions at all: each one, the pseudo parameter outside a Sub too.
  assert.deepEqual(warnings(machine([])), [['warning', '${Fn}'], ['warning', '${Bucket}'], ['warning', '${AWS::Region}']]);
  const some = machine(['      DefinitionSubstitutions:', '        Fn: !GetAtt F.Arn']);
  assert.deepEqual(warnings(some), [['warning', '${Bucket}'], ['warning', '${AWS::Region}']]);
  assert.match(service.validate(open('m.yaml', some)).find((p) => p.code === 'unmatched-placeholder')!.message, /\$\{Bucket\} is not a key of this state machine's DefinitionSubstitutions: CloudFormation replaces only the keys listed there/);
  assert.deepEqual(warnings(machine(['      DefinitionSubstitutions: { Fn: x, Bucket: b, AWS::Region: r }'])), []);
  // A misspelt key is named; a Resource that is only an unreplaced placeholder is no ARN: Step Functions refuses it.
  const typo = machine(['      DefinitionSubstitutions: { FunctionArn: x, Bucket: b, AWS::Region: r }'], '"${FunctonArn}"');
  assert.deepEqual(warnings(typo), [['error', '${FunctonArn}'], ['warning', '${Fn}']]);
  assert.match(service.validate(open('typo.yaml', typo)).find((p) => p.code === 'unmatched-placeholder')!.message, /\(did you mean \$\{FunctionArn\}\?\).*which is no ARN/);
  // The keys are not written out (an intrinsic): nothing can be said.
  assert.deepEqual(warnings(machine(['      DefinitionSubstitutions: !If [Prod, { Fn: a }, { Fn: b }]'])), []);
  // The same in JSON, where a Sub is an object.
  const json = JSON.stringify({ Resources: { M: { Type: 'AWS::Serverless::StateMachine', Properties: { Definition: { StartAt: 'T', States: { T: { Type: 'Pass', Parameters: { a: 'x-${Stage}', b: { 'Fn::Sub': '${AWS::Region}' }, c: { 'Fn::GetAtt': ['F', 'Arn'] } }, End: true } } } } } } }, null, 2);
  assert.deepEqual(warnings(json, 'unmatched.json'), [['warning', '${Stage}']]);
  // After an edit, the JSON tree is re-parsed in place: the Sub string it kept is still a Sub's.
  const doc = open('edited.json', json);
  service.validate(doc);
  const edited = TextDocument.update(doc, [{ range: { start: at(doc, '"Pass"', 1), end: at(doc, '"Pass"', 5) }, text: 'Pass' }, { range: { start: at(doc, 'x-$'), end: at(doc, 'x-$', 1) }, text: 'y' }], 2);
  assert.deepEqual(service.validate(edited).filter((p) => p.code === 'unmatched-placeholder').map((p) => edited.getText().slice(p.offset, p.offset + p.length)), ['${Stage}']);
  // A DefinitionString block: its own ${…} against the map; a !Sub block's are the Sub's.
  const block = (tag: string, subs: string) => stateMachineTemplate(subs, `      DefinitionString: ${tag}|`, '        { "StartAt": "P", "States": { "P": { "Type": "Pass", "Parameters": { "q": "${Queue}", "n": ${Count} }, "End": true } } }');
  // `"n": ${Count}` is bare: the text left is no JSON, an error (asl41 t07).
  assert.deepEqual(warnings(block('', '      DefinitionSubstitutions: { Queue: q }')), [['error', '${Count}']]);
  assert.deepEqual(warnings(block('!Sub ', '      DefinitionSubstitutions: { Queue: q }')), []);
  // Serverless resolves its own ${…} (variables) and #{…}.
  assert.deepEqual(warnings(['stepFunctions:', '  stateMachines:', '    m:', '      definition:', '        StartAt: P', '        States:', '          P: { Type: Pass, Parameters: { a: "${self:custom.x}" }, End: true }', ''].join('\n'), 'serverless.yml'), []);
});

test('completion past the definition\'s last node, while the cursor is still in its block (the end of the file, a new line)', () => {
  const head = ['Resources:', '  M:', '    Type: AWS::StepFunctions::StateMachine', '    Properties:', '      Definition:', '        StartAt: T', '        States:', '          T:'];
  const at = (lines: string[], name: string) => {
    const text = lines.join('\n');
    const d = open(name, text.replace('‸', ''));
    return service.doComplete(d, d.positionAt(text.indexOf('‸'))).map((i) => i.label);
  };
  assert.ok(at([...head, '            Type: ‸'], 'end.yaml').includes('Task'));
  const members = at([...head, '            Type: Task', '            Resource: arn:aws:states:::sagemaker:createTrainingJob.sync', '            Parameters:', '              ‸', '      RoleArn: !GetAtt R.Arn', ''], 'params.yaml');
  assert.ok(members.includes('TrainingJobName'), members.join());
  // A line back at the template's own indentation is the template's, not the machine's.
  assert.deepEqual(at([...head, '            Type: Pass', '            End: true', '    ‸', ''], 'outside.yaml'), []);
});

test('a machine the template declares EXPRESS (SAM Type, CloudFormation StateMachineType, Serverless type): .sync, .waitForTaskToken and activities are deploy errors; a Wait over five minutes a warning', () => {
  const states = [
    '        StartAt: Train',
    '        States:',
    '          Train:',
    '            Type: Task',
    '            Resource: arn:aws:states:::sagemaker:createTrainingJob.sync',
    '            Next: Poll',
    '          Poll:',
    '            Type: Task',
    '            Resource: arn:aws:states:us-east-1:123456789012:activity:poll',
    '            Next: Hold',
    '          Hold:',
    '            Type: Wait',
    '            Seconds: 600',
    '            Next: Notify',
    '          Notify:',
    '            Type: Task',
    '            Resource: arn:aws:states:::sagemaker:createModel',
    '            End: true',
  ];
  const sam = (type: string) => ['Transform: AWS::Serverless-2016-10-31', 'Resources:', '  Pipeline:', '    Type: AWS::Serverless::StateMachine', '    Properties:', `      Type: ${type}`, '      Definition:', ...states, ''].join('\n');
  const of = (d: TextDocument) => service.validate(d).filter((p) => p.code === 'asl-execution-limit').map((p) => [p.severity, d.getText().slice(p.offset, p.offset + p.length), p.message]);
  const express = of(open('express.yaml', sam('EXPRESS')));
  assert.deepEqual(express.map(([severity, at]) => [severity, at]), [
    ['error', 'arn:aws:states:::sagemaker:createTrainingJob.sync'],
    ['error', 'arn:aws:states:us-east-1:123456789012:activity:poll'],
    ['warning', '600'],
  ]);
  assert.match(express[0][2] as string, /^Express state machine does not support '\.sync' service integration: this state machine is declared EXPRESS.* \(SCHEMA_VALIDATION_FAILED\)$/);
  assert.deepEqual(of(open('standard.yaml', sam('STANDARD'))), []);
  // CloudFormation names it StateMachineType; a SAM Type that is no plain text (a !Ref) says nothing.
  const cfn = sam('EXPRESS').replace('Transform: AWS::Serverless-2016-10-31\n', '').replace('AWS::Serverless::StateMachine', 'AWS::StepFunctions::StateMachine').replace('      Type: EXPRESS', '      StateMachineType: EXPRESS');
  assert.equal(of(open('cfn.yaml', cfn)).length, 3);
  assert.deepEqual(of(open('ref.yaml', sam('!Ref WorkflowType'))), []);
  const serverless = ['service: s', 'stepFunctions:', '  stateMachines:', '    pipeline:', '      type: express', '      definition:', ...states.map((l) => l.replace(/^ {8}/, '        ')), ''].join('\n');
  assert.equal(of(open('serverless.yml', serverless)).filter(([severity]) => severity === 'error').length, 2);
});

test('a DefinitionString written inside a string (escaped JSON, Fn::Join of text and intrinsics as cdk synth writes it) is read as the JSON it decodes to, at the escaped source; never edited', () => {
  const d = open('cfn-definition-string-encoded.template.json');
  // Each finding underlines the source its node is written as (an escaped quote spans its backslash too).
  assert.deepEqual(findings(d), [
    ['likely-runtime-failure', '\\"$$.Execution.Name\\"'],
    ['enum-value', '\\"ml.m5.larg\\"'],
    ['asl-unknown-state', '\\"Nowhere\\"'],
    ['asl-no-terminal-state', '\\"States\\"'],
  ]);
  // `"arn:", {"Ref": "AWS::Partition"}, ":states:::sagemaker:…"` is a SageMaker task: the Ref is a placeholder.
  assert.deepEqual(service.findTasks(d).map((t) => [t.stateName, t.api]), [['Train', 'createTrainingJob']]);
  // Hover and navigation read it; nothing writes there (an edit would have to be escaped).
  const instance = at(d, 'ml.m5.larg', 2);
  assert.match((service.doHover(d, instance)!.contents as { value: string }).value, /InstanceType/);
  assert.deepEqual(service.getCodeActions(d, { start: instance, end: instance }, ['quickfix']), []);
  assert.deepEqual(service.getCodeActions(d, { start: instance, end: instance }, ['source.fixAll.sagemaker']), []);
  assert.deepEqual(service.doComplete(d, instance), []);
  const done = at(d, 'Next\\":\\"Done', 9);
  assert.equal(service.prepareRename(d, done), null);
  assert.match((service.rename(d, done, 'Finish') as { error: string }).error, /written inside a string/);
  assert.equal(service.findDefinition(d, done)?.range.start.line, d.positionAt(d.getText().indexOf('\\"Done\\":{')).line);
  // Validate with AWS asks for what the template computes at deployment, by the names a Sub would write.
  assert.deepEqual(service.awsDefinition(d).placeholders.sort(), ['AWS::Partition', 'Bucket', 'TrainRole.Arn']);
});

test('a YAML DefinitionString: quoted, or !Join of text and intrinsics, read the same way', () => {
  const yaml = [
    'Resources:',
    '  M:',
    '    Type: AWS::StepFunctions::StateMachine',
    '    Properties:',
    `      DefinitionString: '{"StartAt": "A", "States": {"A": {"Type": "Pas", "End": true}}}'`,
    '  N:',
    '    Type: AWS::StepFunctions::StateMachine',
    '    Properties:',
    '      DefinitionString: !Join',
    '        - ""',
    `        - - '{"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:'`,
    '          - !Ref AWS::Partition',
    `          - ':states:::sagemaker:createModel", "Parameters": {"ModelName": "a_b", "ExecutionRoleArn": "arn:aws:iam::111122223333:role/r"}, "End": true}}}'`,
    '',
  ].join('\n');
  const d = TextDocument.create('file:///templates/encoded.yaml', 'yaml', 1, yaml);
  assert.deepEqual(findings(d), [['asl-unknown-state-type', '"Pas"'], ['pattern', '"a_b"']]);
  // A Join of lines, each line a Join of its own (tpl34: the whole definition went unread).
  const lines = JSON.stringify({ Resources: { M: { Type: 'AWS::StepFunctions::StateMachine', Properties: { DefinitionString: { 'Fn::Join': ['\n', [
    '{"StartAt": "T", "States": {"T": {"Type": "Task",',
    { 'Fn::Join': ['', ['"Resource": "arn:', { Ref: 'AWS::Partition' }, ':states:::sagemaker:createModel",']] },
    { 'Fn::Join': ['', ['"Parameters": {"ModelName": "a_b", "ExecutionRoleArn": "', { 'Fn::GetAtt': ['Role', 'Arn'] }, '"}, "End": true}}}']] },
  ]] } } } } }, null, 2);
  assert.deepEqual(findings(TextDocument.create('file:///templates/nested-join.json', 'json', 1, lines)), [['pattern', '\\"a_b\\"']]);
});

test('a DefinitionString written inside a string: a mistake inside a string is underlined exactly (two levels of escapes), hover reads it; a one-line !Sub is read; what only deploys with its intrinsics is not judged', () => {
  const definition = { StartAt: 'P', States: { P: { Type: 'Pass', Parameters: { 'a.$': "States.Formatt('\"q\" {}', $.a)", 'b.$': '$.x[)', 'c.$': "States.Format('\"{}\"', $.a)" }, End: true } } };
  const json = JSON.stringify({ Resources: { M: { Type: 'AWS::StepFunctions::StateMachine', Properties: { DefinitionString: JSON.stringify(definition) } } } }, null, 1);
  const d = TextDocument.create('file:///templates/escaped-span.template.json', 'json', 1, json);
  assert.deepEqual(findings(d), [['invalid-intrinsic', 'States.Formatt'], ['invalid-path', '[)']]);
  const hover = service.doHover(d, at(d, 'States.Format(', 9))!;
  assert.match((hover.contents as { value: string }).value, /^\*\*States\.Format\*\* · intrinsic function/);
  assert.equal(json.slice(d.offsetAt(hover.range!.start), d.offsetAt(hover.range!.end)), 'States.Format');
  const yaml = (definitionString: string) => TextDocument.create(`file:///templates/${n++}.yaml`, 'yaml', 1, stateMachineTemplate(`      DefinitionString: ${definitionString}`));
  assert.deepEqual(findings(yaml(`!Sub '{"StartAt": "A", "States": {"A": {"Type": "Pas", "End": true}}}'`)), [['asl-unknown-state-type', '"Pas"']]);
  // An intrinsic completing the JSON (a whole member), or a number among a Join's pieces: read only once deployed.
  assert.deepEqual(findings(yaml(`!Join ['', ['{"StartAt": "A", ', !Ref Member, ' "States": {"A": {"Type": "Pas", "End": true}}}']]`)), []);
  assert.deepEqual(findings(yaml(`!Join ['', ['{"StartAt": "A", "TimeoutSeconds": ', 5, ', "States": {"A": {"Type": "Pas", "End": true}}}']]`)), []);
  // A value an intrinsic computes (!If) has no value to send to Validate with AWS; a reference has its Sub name.
  const computed = yaml(`!Join ['', ['{"StartAt": "A", "States": {"A": {"Type": "Pass", "Result": "', !If [Prod, a, b], '", "End": true}}}']]`);
  assert.match(service.awsDefinition(computed).error ?? '', /^Fn::If on line 5 \(in M\) is computed by CloudFormation at deployment/);
});

test('a YAML DefinitionString across lines (a folded block, with or without !Sub; a quoted or plain scalar): findings underline the value itself', () => {
  const machine = (definitionString: string, ...lines: string[]) =>
    TextDocument.create(`file:///templates/lines-${n++}.yaml`, 'yaml', 1, stateMachineTemplate(`      DefinitionString: ${definitionString}`, ...lines));
  const body = ['        {"StartAt": "A", "States": {"A": {"Type": "Task",', '        "Resource": "arn:aws:states:::sagemaker:createModel", "Parameters": {"ModelName": "a_b",', '        "ExecutionRoleArn": "arn:aws:iam::111122223333:role/r"}, "End": true}}}'];
  // A folded block reads in place, as a literal one does: its ${…} are DefinitionSubstitutions' (none here: a warning).
  assert.deepEqual(findings(machine('>', ...body)), [['pattern', '"a_b"']]);
  assert.deepEqual(findings(machine('!Sub >', ...body)), [['pattern', '"a_b"']]);
  assert.deepEqual(findings(machine('>', body[0], body[1].replace('"Parameters"', '"Comment": "${Note}", "Parameters"'), body[2])), [
    ['pattern', '"a_b"'],
    ['unmatched-placeholder', '${Note}'],
  ]);
  // A folded string across lines (folded to a space): read as the JSON the block folds to.
  assert.deepEqual(findings(machine('>', body[0], ...body[1].replace('"Parameters"', '"Comment": "one\n        line", "Parameters"').split('\n'), body[2])), [['pattern', '"a_b"']]);
  // Quoted scalars across lines, with their escapes and doubled quotes.
  const quoted = (q: string) => [q + body[0].trim(), ...body.slice(1, 2), body[2] + q].map((l) => (q === '"' ? l.replaceAll('"', '\\"').replace(/^\\"/, '"').replace(/\\"$/, '"') : l));
  assert.deepEqual(findings(machine(...(quoted('"') as [string, ...string[]]))), [['pattern', '\\"a_b\\"']]);
  assert.deepEqual(findings(machine(...(quoted("'").map((l) => l.replace('"Task"', '"Task", "Comment": "it\'\'s"')) as [string, ...string[]]))), [['pattern', '"a_b"']]);
});

test('the size of a definition inside a template is that of the JSON sent, not of the template', () => {
  const states = Object.fromEntries(Array.from({ length: 3 }, (_, i) => [`S${i}`, { Type: 'Pass', End: true }]));
  const padding = ' '.repeat(1_100_000);
  const json = `{"Resources": {"M": {"Type": "AWS::StepFunctions::StateMachine", "Properties": {"Definition": ${JSON.stringify({ StartAt: 'S0', States: states })}}}}, "Padding": "${padding}"}`;
  const d = TextDocument.create('file:///templates/size.template.json', 'json', 1, json);
  assert.deepEqual(findings(d).filter(([code]) => code === 'asl-definition-too-large'), []);
});

test('a !Sub whose written text cannot stand where it does, whatever its variables hold, is an error on that text (a user ARN for a role)', () => {
  const yaml = (role: string) =>
    TextDocument.create(`file:///templates/${n++}.yaml`, 'yaml', 1, stateMachineTemplate(...oneTaskDefinition('arn:aws:states:::sagemaker:createModel', '              ModelName: m', `              ExecutionRoleArn: ${role}`)) + 'Parameters: { RoleName: { Type: String }, RolePath: { Type: String } }\n');
  const user = yaml('!Sub arn:${AWS::Partition}:iam::${AWS::AccountId}:user/deployer');
  assert.deepEqual(findings(user), [['pattern', ':user/deployer']]);
  assert.match(service.validate(user)[0].message, /no value that does has ":u" where this one has it \(in ":user\/deployer"\)/);
  assert.deepEqual(findings(yaml('!Sub arn:${AWS::Partition}:iam::${AWS::AccountId}:role/${RoleName}')), []);
  assert.deepEqual(findings(yaml('!Sub "arn:${AWS::Partition}:iam::${AWS::AccountId}:${RolePath}"')), []);
});

test('a Resource joined from text and references (a partition-aware ARN) is the string a Sub would write: its task is checked', () => {
  const yaml = (resource: string) =>
    TextDocument.create(`file:///templates/${n++}.yaml`, 'yaml', 1, stateMachineTemplate(...oneTaskDefinition(resource, '              ModelName: a_b', '              ExecutionRoleArn: !GetAtt Role.Arn')));
  const joined = yaml("!Join ['', ['arn:', !Ref AWS::Partition, ':states:::sagemaker:createModel']]");
  assert.deepEqual(service.findTasks(joined).map((t) => t.api), ['createModel']);
  assert.deepEqual(findings(joined), [['pattern', 'a_b']]);
  const long = yaml('{"Fn::Join": [":", ["arn", {"Ref": "AWS::Partition"}, "states", "", "", "sagemaker", "createModel"]]}');
  assert.deepEqual(service.findTasks(long).map((t) => t.api), ['createModel']);
  // A piece that computes a value (!If) leaves the whole value to deployment.
  assert.deepEqual(service.findTasks(yaml("!Join ['', ['arn:', !If [Cn, aws-cn, aws], ':states:::sagemaker:createModel']]")), []);
});

test('a standalone YAML state machine with CloudFormation short tags (a Definition pasted from a template): tagged values are known only at deployment; a { Ref } object is still an object', () => {
  const machine = (extra: string) => [
    'StartAt: Create',
    'States:',
    '  Create:',
    '    Type: Task',
    '    Resource: !Sub arn:${AWS::Partition}:states:::sagemaker:createModel',
    '    Parameters:',
    '      ModelName: !Ref ModelNameParam',
    '      ExecutionRoleArn: !GetAtt Role.Arn',
    '      PrimaryContainer:',
    '        Image: !Sub "${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/churn:latest"',
    '        Environment:',
    '          STAGE: !If [IsProd, prod, dev]',
    '      VpcConfig:',
    '        SecurityGroupIds: !Split [",", !Ref SecurityGroups]',
    '        Subnets: !Ref SubnetIds',
    extra,
    '    End: true',
    '',
  ].join('\n');
  assert.deepEqual(findings(open('pasted.asl.yaml', machine(''))), []);
  // A literal mistake beside them is still one; an !If whose branches are both refused too.
  assert.deepEqual(findings(open('pasted.asl.yaml', machine('      EnableNetworkIsolation: "yes"'))), [['wrong-type', '"yes"']]);
  assert.deepEqual(findings(open('pasted.asl.yaml', machine('      EnableNetworkIsolation: !If [Prod, "yes", "no"]'))), [['wrong-type', '"yes"'], ['wrong-type', '"no"']]);
  // Without a tag, { Ref: … } is the object it is, where a string belongs.
  assert.deepEqual(findings(open('pasted.asl.yaml', machine('').replace('!Ref ModelNameParam', '{Ref: ModelNameParam}'))), [['wrong-type', '{Ref: ModelNameParam}']]);
});

test('a tag that is neither CloudFormation\'s nor YAML\'s (!Foo): a warning naming it, its value not judged; !Ref, !!str and ! keep their meaning', () => {
  const machine = ['StartAt: A', 'States:', '  A:', '    Type: !Foo Tusk', '    Parameters: !Bar', '      a: 1', '    Result: !!str 12', '    Comment: ! x', '    Next: !Ref B', '  B:', '    Type: Succeed', ''].join('\n');
  const unknown = [['unknown-tag', '!Foo'], ['unknown-tag', '!Bar']];
  assert.deepEqual(findings(open('tagged.asl.yaml', machine)), unknown);
  assert.deepEqual(findings(TextDocument.create('file:///templates/tagged/m.asl.yaml', 'asl-yaml', 1, machine)), unknown);
  const d = open('tagged.asl.yaml', machine);
  assert.equal(service.validate(d)[0].message, '!Foo is not a YAML or CloudFormation tag; the value is not checked');
  assert.equal(service.validate(d)[0].severity, 'warning');
  // In a template's definition too; a tag outside every definition is the template's own business.
  const template = stateMachineTemplate('      Tags: !Custom x', '      Definition:', '        StartAt: A', '        States:', '          A:', '            Type: !Foo Tusk', '            End: true');
  assert.deepEqual(findings(open('tagged.yaml', template)), [['unknown-tag', '!Foo']]);
});

test('the machine a cursor past every definition is in: the one that ends last before it, while its block goes on (only that one is read: the text after each of 10,000 was quadratic)', () => {
  const machineYaml = (i: number) => `  R${i}:\n    Type: AWS::StepFunctions::StateMachine\n    Properties:\n      Definition:\n        StartAt: A\n        States:\n          A:\n            Type: Pass\n            End: true\n`;
  const text = 'Resources:\n' + machineYaml(0) + '            \n' + machineYaml(1) + '      \n';
  const machines = embeddedMachines(parseYaml(text));
  assert.equal(machines.length, 2);
  // On the blank line indented under R0's last state, before R1: R0's; at the very end, under R1's Properties: none.
  assert.equal(machineAt(machines, text.indexOf('            \n  R1') + 12), machines[0]);
  assert.equal(machineAt(machines, text.length - 1), undefined);
  const many = 'Resources:\n' + Array.from({ length: 10_000 }, (_, i) => machineYaml(i)).join('') + '            ';
  const all = embeddedMachines(parseYaml(many));
  assert.equal(machineAt(all, many.length), all[9_999]);
});

test('one long substitution used thousands of times: the output size is counted only past its limit, not serialized whole (it took gigabytes)', () => {
  const uses = 4000;
  const text = stateMachineTemplate('      DefinitionSubstitutions:', `        Big: "${'a'.repeat(100_000)}"`, '      Definition:', '        StartAt: T', '        States:', '          T:', '            Type: Pass', '            Result:',
    ...Array.from({ length: uses }, (_, i) => `              k${i}: "\${Big}"`), '            End: true');
  const d = TextDocument.create('file:///fanout.template.yaml', 'yaml', 1, text);
  const limit = service.validate(d).filter((p) => p.code === 'asl-execution-limit');
  assert.equal(limit.length, 1);
  assert.match(limit[0].message, /^Result is over 1,048,576 bytes of JSON: a state's output is at most 262,144 bytes/);
});

test('a YAML template with a syntax error: the error says to quote a bare ${…} in a flow collection; nothing is said of what the error cut short (tpl34)', () => {
  const yaml = stateMachineTemplate(
    ...oneTaskDefinition('arn:aws:states:::sagemaker:createTrainingJob.sync', '              RoleArn: ${Role}', '              OutputDataConfig: {S3OutputPath: ${Out}}'),
    '      DefinitionSubstitutions:',
    '        Role: arn:aws:iam::111122223333:role/R',
    '        Out: s3://b/o/',
  );
  const d = TextDocument.create('file:///templates/flow-placeholder.yaml', 'yaml', 1, yaml);
  const all = service.validate(d);
  assert.deepEqual(all.map((p) => p.code), ['syntax']);
  assert.match(all[0].message, /: quote the placeholder, '\$\{Out\}' \(in \{ \} or \[ \] a bare \$\{ starts a mapping\)$/);
});

/** The [code, text] of the Errors a template's resource properties get (templates/resource.ts). */
const resourceErrors = (text: string, name = 'resource.yaml') => service.validate(open(name, text)).filter((p) => p.severity === 'error').map((p) => [p.code, text.slice(p.offset, p.offset + p.length)]);
const passDefinition = ['      Definition:', '        StartAt: A', '        States:', '          A: { Type: Pass, End: true }'];
const samTemplate = (...properties: string[]) => ['Transform: AWS::Serverless-2016-10-31', 'Resources:', '  M:', '    Type: AWS::Serverless::StateMachine', '    Properties:', ...properties, ''].join('\n');

test('asl41 t01/t02: a resource with more than one definition property is refused (DefinitionProcessor, SAM generators.py); one, or one behind !If, is not', () => {
  assert.deepEqual(resourceErrors(stateMachineTemplate(...passDefinition, `      DefinitionString: '{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}'`)), [['definition-conflict', 'DefinitionString']]);
  assert.match(service.validate(open('t01.yaml', stateMachineTemplate('      DefinitionS3Location: { Bucket: b, Key: k }', ...passDefinition))).find((p) => p.code === 'definition-conflict')!.message, /Please use one of \[DefinitionS3Location\], \[DefinitionString\] or \[Definition\]/);
  assert.deepEqual(resourceErrors(samTemplate('      DefinitionUri: s3://b/m.asl.json', ...passDefinition)), [['definition-conflict', 'DefinitionUri']]);
  assert.deepEqual(resourceErrors(stateMachineTemplate(...passDefinition)), []);
  assert.deepEqual(resourceErrors(samTemplate('      DefinitionUri: !If [C, s3://b/m.asl.json, !Ref AWS::NoValue]', ...passDefinition)), []);
});

test('asl41 t03/t04/t05: DefinitionSubstitutions empty, or with a list or a fraction, is refused; strings, integers, booleans and intrinsics are not', () => {
  assert.deepEqual(resourceErrors(stateMachineTemplate('      DefinitionSubstitutions: {}', ...passDefinition)), [['empty-substitutions', '{}']]);
  assert.deepEqual(resourceErrors(stateMachineTemplate('      DefinitionSubstitutions:', '        Items: [1, 2, 3]', '        Rate: 1.5', '        M: { a: 1 }', ...passDefinition)),
    [['substitution-type', '[1, 2, 3]'], ['substitution-type', '1.5'], ['substitution-type', '{ a: 1 }']]);
  assert.deepEqual(resourceErrors(stateMachineTemplate('      DefinitionSubstitutions:', '        S: text', '        N: 3', '        B: true', '        R: !Ref P', '        G: { "Fn::GetAtt": [F, Arn] }', '        J: !Join [",", [a, b]]', ...passDefinition)), []);
  assert.deepEqual(resourceErrors(stateMachineTemplate('      DefinitionSubstitutions: !If [C, { A: x }, { A: y }]', ...passDefinition)), []);
});

test('asl41 t12: StateMachineType (SAM: Type) other than STANDARD or EXPRESS exactly is refused, and still read as the type', () => {
  assert.deepEqual(resourceErrors(stateMachineTemplate('      StateMachineType: express', ...passDefinition)), [['state-machine-type', 'express']]);
  assert.deepEqual(resourceErrors(samTemplate('      Type: Standard', ...passDefinition)), [['state-machine-type', 'Standard']]);
  const d = open('t12.yaml', stateMachineTemplate('      StateMachineType: express', ...passDefinition));
  assert.equal(embeddedMachines(parseYaml(d.getText()))[0].workflowType, 'EXPRESS');
  assert.deepEqual(resourceErrors(stateMachineTemplate('      StateMachineType: EXPRESS', ...passDefinition)), []);
  assert.deepEqual(resourceErrors(samTemplate('      Type: !Ref WorkflowType', ...passDefinition)), []);
});

test('tpl46: a property the resource does not take is refused: a near miss or the other resource type\'s name an error with the name meant (renamed by the quick fix), another a warning; the schema\'s objects too', () => {
  const props = (text: string, name = 'props.yaml') => service.validate(open(name, text)).filter((p) => p.code === 'unknown-property' || p.code === 'property-value').map((p) => [p.severity, p.data?.closest ?? '', text.slice(p.offset, p.offset + p.length)]);
  assert.deepEqual(props(stateMachineTemplate('      RoleARN: arn:aws:iam::123456789012:role/r', '      Defintion:', '        StartAt: A', '        States:', '          A: { Type: Pass, End: true }')),
    [['error', 'RoleArn', 'RoleARN'], ['error', 'Definition', 'Defintion']]);
  // SAM's names on CloudFormation's resource, and back; a name of neither; what the resource returns.
  assert.deepEqual(props(stateMachineTemplate('      Type: EXPRESS', '      Policies: [AWSLambdaRole]', '      Frobnicate: 1', '      Name: n', '      Arn: a', ...passDefinition)),
    [['error', 'StateMachineType', 'Type'], ['error', '', 'Policies'], ['warning', '', 'Frobnicate'], ['warning', 'StateMachineName', 'Name'], ['warning', '', 'Arn']]);
  assert.deepEqual(props(samTemplate('      StateMachineType: EXPRESS', '      DefinitionSubstitution: { A: b }', ...passDefinition)), [['error', 'Type', 'StateMachineType'], ['error', 'DefinitionSubstitutions', 'DefinitionSubstitution']]);
  assert.match(service.validate(open('sam.yaml', samTemplate('      StateMachineType: EXPRESS', ...passDefinition)))[0].message, /property StateMachineType not defined for resource of type AWS::Serverless::StateMachine/);
  // Every property each takes, and YAML merge keys, pass.
  assert.deepEqual(props(stateMachineTemplate('      RoleArn: r', '      StateMachineName: n', '      StateMachineType: STANDARD', '      Tags: []', '      TracingConfiguration: { Enabled: "true" }', '      LoggingConfiguration: { Level: ALL, IncludeExecutionData: true }', '      EncryptionConfiguration: { Type: AWS_OWNED_KEY }', '      DefinitionSubstitutions: { A: b }', ...passDefinition)), []);
  assert.deepEqual(props(samTemplate('      AutoPublishAlias: live', '      UseAliasAsEventTarget: true', '      DeploymentPreference: { Type: ALL_AT_ONCE }', '      Events: {}', '      Logging: {}', '      Name: n', '      PermissionsBoundary: p', '      Policies: []', '      PropagateTags: true', '      Role: r', '      RolePath: /', '      Tags: {}', '      Tracing: { Enabled: true }', '      Type: STANDARD', '      DefinitionSubstitutions: { A: b }', ...passDefinition)), []);
  // The schema's S3Location needs Bucket and Key; a boolean and an enum of its objects.
  assert.deepEqual(props(stateMachineTemplate('      DefinitionS3Location: { Bucket: b }', '      TracingConfiguration: { Enabled: yes please }', '      LoggingConfiguration: { Level: all }')),
    [['error', '', 'DefinitionS3Location: {'], ['error', '', 'yes please'], ['error', '', 'all']]);
  assert.deepEqual(props(stateMachineTemplate('      DefinitionS3Location: !If [C, { Bucket: b, Key: k }, { Bucket: b, Key: j }]', '      TracingConfiguration: { Enabled: !Ref Trace }')), []);
  // YAML 1.1's boolean words written plain are booleans to CloudFormation (the review of the day); quoted, text.
  assert.deepEqual(props(stateMachineTemplate('      DefinitionS3Location: { Bucket: b, Key: k }', '      TracingConfiguration: { Enabled: on }', '      LoggingConfiguration: { IncludeExecutionData: yes }')), []);
  assert.deepEqual(props(stateMachineTemplate('      DefinitionS3Location: { Bucket: b, Key: k }', "      TracingConfiguration: { Enabled: 'yes' }")), [['error', '', "'yes'"]]);
  // A template whose machine is not written in it (a DefinitionUri) is still checked, and a good one has nothing.
  assert.deepEqual(props(samTemplate('      DefinitionUri: statemachine/m.asl.json', '      Polices: []')), [['error', 'Policies', 'Polices']]);
  assert.deepEqual(service.validate(open('uri.yaml', samTemplate('      DefinitionUri: statemachine/m.asl.json', '      Role: r'))), []);
  // Where no machine is written in the template (a misspelt Definition) too.
  const typo = open('typo.yaml', stateMachineTemplate('      RoleArn: r', '      Defintion:', '        StartAt: A', '        States:', '          A: { Type: Pass, End: true }'));
  assert.deepEqual(service.getCodeActions(typo, { start: at(typo, 'Defintion'), end: at(typo, 'Defintion', 1) }, ['quickfix']).map((a) => a.title), ['Rename to "Definition"']);
  // The quick fix renames the key.
  const d = open('fix.yaml', stateMachineTemplate('      RoleARN: r', ...passDefinition));
  const [action] = service.getCodeActions(d, { start: at(d, 'RoleARN'), end: at(d, 'RoleARN', 1) }, ['quickfix']);
  assert.equal(action?.title, 'Rename to "RoleArn"');
  assert.deepEqual(action?.edit?.changes?.[d.uri]?.map((e) => e.newText), ['RoleArn']);
});

test('asl41 t13/t14: StateMachineName (SAM: Name) that CreateStateMachine refuses, by its characters or its length; intrinsics and ${…} are not judged', () => {
  assert.deepEqual(resourceErrors(stateMachineTemplate('      StateMachineName: order processing', ...passDefinition)), [['state-machine-name', 'order processing']]);
  assert.deepEqual(resourceErrors(samTemplate(`      Name: ${'n'.repeat(81)}`, ...passDefinition)), [['state-machine-name', 'n'.repeat(81)]]);
  assert.deepEqual(resourceErrors(samTemplate(`      Name: ${'n'.repeat(80)}`, ...passDefinition)), []);
  assert.deepEqual(resourceErrors(stateMachineTemplate('      StateMachineName: order-processing_2', ...passDefinition)), []);
  assert.deepEqual(resourceErrors(stateMachineTemplate('      StateMachineName: !Sub ${AWS::StackName} machine', ...passDefinition)), []);
  assert.deepEqual(resourceErrors(stateMachineTemplate('      StateMachineName: !Ref Name', ...passDefinition)), []);
});

test('asl41 t07/t19: a bare ${X} in a DefinitionString that no key names leaves the text no JSON: an error; quoted, keyed, or under a Sub it is not', () => {
  const severities = (text: string, name = 'bare.yaml') => service.validate(open(name, text)).filter((p) => p.code === 'unmatched-placeholder').map((p) => [p.severity, text.slice(p.offset, p.offset + p.length)]);
  const block = (subs: string[], timeout: string) => stateMachineTemplate(...subs, '      DefinitionString: |',
    `        {"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": {"FunctionName": "f"}, "TimeoutSeconds": ${timeout}, "Comment": "\${Note}", "End": true}}}`);
  assert.deepEqual(severities(block(['      DefinitionSubstitutions:', '        Other: x'], '${Timeout}')), [['error', '${Timeout}'], ['warning', '${Note}']]);
  assert.match(service.validate(open('bare.yaml', block([], '${Timeout}'))).find((p) => p.severity === 'error' && p.code === 'unmatched-placeholder')!.message, /outside quotes, which is no JSON/);
  assert.deepEqual(severities(block(['      DefinitionSubstitutions:', '        Timeout: 300'], '${Timeout}')), [['warning', '${Note}']]);
  // Escaped JSON in a JSON template (t19).
  const json = JSON.stringify({ Resources: { M: { Type: 'AWS::StepFunctions::StateMachine', Properties: { DefinitionString: '{"StartAt":"A","States":{"A":{"Type":"Pass","Parameters":{"n":${Max}},"End":true}}}' } } } }, null, 2);
  assert.deepEqual(severities(json, 'bare.json'), [['error', '${Max}']]);
  // Under a Sub the Sub replaces it (or the template does not deploy): nothing said here.
  const sub = stateMachineTemplate('      DefinitionString: !Sub |', '        {"StartAt": "A", "States": {"A": {"Type": "Wait", "Seconds": ${Timeout}, "End": true}}}');
  assert.deepEqual(severities(sub), []);
});

/** The [code, text] of a template's findings with these codes. */
const coded = (text: string, codes: string[], name = 'coded.yaml') => service.validate(open(name, text)).filter((p) => codes.includes(p.code)).map((p) => [p.code, text.slice(p.offset, p.offset + p.length)]);
/** A Definition whose one state, A, is a Pass state with this Result. */
const passResult = (result: string) => ['      Definition:', '        StartAt: A', '        States:', '          A:', '            Type: Pass', `            Result: ${result}`, '            End: true'];

test('asl41 t06: a substitution value with a double quote, pasted into a JSON string of the definition, leaves it no JSON: an error on the value; escaped, or where the text still reads as JSON, not', () => {
  const notJson = (text: string) => coded(text, ['substitution-not-json']);
  assert.deepEqual(notJson(stateMachineTemplate('      DefinitionSubstitutions:', `        Msg: 'He said "hi"'`, ...passResult('${Msg}'))), [['substitution-not-json', `'He said "hi"'`]]);
  assert.match(service.validate(open('t06.yaml', stateMachineTemplate('      DefinitionSubstitutions:', `        Msg: 'He said "hi"'`, ...passResult('${Msg}')))).find((p) => p.code === 'substitution-not-json')!.message,
    /without escaping \(DefinitionProcessor\.transformDefinition: StringUtils\.replaceEachRepeatedly.*has "He said "hi"" there, which is no JSON/);
  // In a DefinitionString's quotes too, and in a key.
  assert.deepEqual(notJson(stateMachineTemplate('      DefinitionSubstitutions:', `        Msg: 'a"b'`, '      DefinitionString: |', '        {"StartAt": "A", "States": {"A": {"Type": "Pass", "Comment": "${Msg}", "End": true}}}')), [['substitution-not-json', `'a"b'`]]);
  assert.deepEqual(notJson(stateMachineTemplate('      DefinitionSubstitutions:', `        Msg: 'a"b'`, ...passResult('{ "k-${Msg}": 1 }'))), [['substitution-not-json', `'a"b'`]]);
  // Escaped quotes, quotes that close and reopen strings where JSON allows it (["a", "b"]), a Parameter's Default
  // (a deployment may give another), a Sub's string (the Sub's own replacement, then JSON-escaped): not judged.
  assert.deepEqual(notJson(stateMachineTemplate('      DefinitionSubstitutions:', `        Msg: 'He said \\"hi\\"'`, ...passResult('${Msg}'))), []);
  assert.deepEqual(notJson(stateMachineTemplate('      DefinitionSubstitutions:', `        List: 'a", "b'`, ...passResult('["${List}"]'))), []);
  assert.deepEqual(notJson(stateMachineTemplate('      DefinitionSubstitutions:', '        Msg: !Ref P', ...passResult('${Msg}')) + `Parameters: { P: { Type: String, Default: 'a"b' } }\n`), []);
  assert.deepEqual(notJson(stateMachineTemplate('      DefinitionSubstitutions:', `        Msg: 'a"b'`, ...passResult('!Sub "x${!Msg}"'))), []);
});

test('asl41 t08: a value pasted outside quotes in a DefinitionString that is no JSON text (five-minutes, nothing) is an error on the placeholder; a number, JSON text or a quoted use is not', () => {
  const block = (value: string, timeout = '${Timeout}') => stateMachineTemplate('      DefinitionSubstitutions:', `        Timeout: ${value}`, '      DefinitionString: |',
    `        {"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": {"FunctionName": "f"}, "TimeoutSeconds": ${timeout}, "End": true}}}`);
  const notJson = (text: string) => coded(text, ['substitution-not-json']);
  assert.deepEqual(notJson(block('five-minutes')), [['substitution-not-json', '${Timeout}']]);
  assert.match(service.validate(open('t08.yaml', block('five-minutes'))).find((p) => p.code === 'substitution-not-json')!.message, /outside quotes, and its value "five-minutes" is no JSON value/);
  assert.deepEqual(notJson(block("''")), [['substitution-not-json', '${Timeout}']]);
  for (const fine of ['300', "'300'", `'{"a": 1}'`, '!Ref T']) assert.deepEqual(notJson(block(fine)), [], fine);
  assert.deepEqual(notJson(block('five-minutes', '"${Timeout}"')), []);
});

test('asl41 t09/t10: in a SAM Definition an intrinsic where an integer belongs deploys as a string (SAM writes "${definition_substitution_N}" in quotes): an error; in CloudFormation, or with another transform, not', () => {
  const wait = (seconds: string) => ['      Definition:', '        StartAt: W', '        States:', '          W:', '            Type: Wait', `            Seconds: ${seconds}`, '            End: true'];
  const invalid = (text: string) => coded(text, ['asl-invalid-value']);
  assert.deepEqual(invalid(samTemplate(...wait('!Ref Wait'))), [['asl-invalid-value', '!Ref Wait']]);
  assert.deepEqual(invalid(samTemplate(...wait('!If [IsProd, 60, 10]'))), [['asl-invalid-value', '!If [IsProd, 60, 10]']]);
  assert.match(service.validate(open('t09.yaml', samTemplate(...wait('!Ref Wait')))).find((p) => p.code === 'asl-invalid-value')!.message,
    /^Seconds must be an integer, and !Ref Wait deploys as a string, whatever it stands for: SAM puts "\$\{definition_substitution_N\}" in its place, in quotes \(generators\.py\)/);
  // Where a string belongs, an intrinsic is fine; CloudFormation's own Definition, and SAM after another transform, are not judged.
  assert.deepEqual(invalid(samTemplate('      Definition:', '        StartAt: T', '        States:', '          T:', '            Type: Task', '            Resource: !GetAtt F.Arn', '            Comment: !Ref C', '            End: true')), []);
  assert.deepEqual(invalid(stateMachineTemplate(...wait('!Ref Wait'))), []);
  assert.deepEqual(invalid(samTemplate(...wait('!Ref Wait')).replace('Transform: AWS::Serverless-2016-10-31', 'Transform: [AWS::LanguageExtensions, AWS::Serverless-2016-10-31]')), []);
});

test('tpl46: a misspelt pseudo parameter in a Sub, and a Ref or GetAtt of a state machine resource close to a Parameter or resource but none, are errors with the name meant; a name near nothing is not judged', () => {
  const resource = (value: string, extra = '') => ['Parameters:', '  TrainingImage: { Type: String }', 'Resources:', '  SageMakerRole:', '    Type: AWS::IAM::Role', '  M:', '    Type: AWS::StepFunctions::StateMachine', '    Properties:',
    `      RoleArn: ${value}`, '      Definition:', '        StartAt: T', '        States:', '          T:', '            Type: Pass', '            End: true', extra].join('\n');
  const found = (text: string) => service.validate(open('refs.yaml', text)).filter((p) => p.code === 'unresolved-reference' || p.code === 'unresolved-sub-variable').map((p) => [p.code, text.slice(p.offset, p.offset + p.length), / did you mean ([\w:]+)\?/.exec(p.message)?.[1]]);
  assert.deepEqual(found(resource('!GetAtt SageMakerRol.Arn')), [['unresolved-reference', 'SageMakerRol.Arn', 'SageMakerRole']]);
  assert.deepEqual(found(resource('{ "Fn::GetAtt": [SagemakerRole, Arn] }')), [['unresolved-reference', 'SagemakerRole', 'SageMakerRole']]);
  assert.deepEqual(found(resource('!Ref TrainingImag')), [['unresolved-reference', 'TrainingImag', 'TrainingImage']]);
  assert.deepEqual(found(resource('!Ref AWS::Regoin')), [['unresolved-reference', 'AWS::Regoin', 'AWS::Region']]);
  assert.deepEqual(found(resource('r').replace('Type: Pass', 'Type: Pass\n            Comment: !Sub in ${AWS::Partiton}')), [['unresolved-sub-variable', '${AWS::Partiton}', 'AWS::Partition']]);
  // Names the template has, pseudo parameters, and a name near nothing (a snippet's resource declared elsewhere): not judged.
  for (const ok of ['!GetAtt SageMakerRole.Arn', '!Ref TrainingImage', '!Ref AWS::NoValue', '!Sub arn:${AWS::Partition}:iam::${AWS::AccountId}:role/r', '!GetAtt OrdersQueue.Arn', '!Ref Q'])
    assert.deepEqual(found(resource(ok)), [], ok);
  // A macro's transform may add names: not judged.
  assert.deepEqual(found('Transform: AWS::LanguageExtensions\n' + resource('!GetAtt SageMakerRol.Arn')), []);
});

test('asl41 t15/t16: a Sub\'s ${Name} that is no Parameter, resource, attribute, pseudo parameter or variable of the Sub is an error; what SAM or a macro may add is not judged', () => {
  const unresolved = (text: string, name?: string) => coded(text, ['unresolved-sub-variable'], name);
  const resource = (sub: string) => stateMachineTemplate('      Definition:', '        StartAt: T', '        States:', '          T:', '            Type: Task', `            Resource: ${sub}`, '            End: true');
  const arn = '!Sub arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:${FunctionName}';
  assert.deepEqual(unresolved(resource(arn)), [['unresolved-sub-variable', '${FunctionName}']]);
  assert.deepEqual(unresolved(resource(arn) + 'Parameters: { FunctionName: { Type: String } }\n'), []);
  assert.deepEqual(unresolved(resource('!Sub "${M.Arn}${M}${!FunctionName}${AWS::StackName}"')), []);
  assert.deepEqual(unresolved(resource('!Sub ["${FunctionName}", { FunctionName: f }]')), []);
  // A shell variable's underscore names no Parameter or resource either (tpl45): unless the Sub's own map has it.
  assert.deepEqual(unresolved(resource('!Sub arn:aws:lambda:us-east-1:111122223333:function:${FUNCTION_NAME}')), [['unresolved-sub-variable', '${FUNCTION_NAME}']]);
  assert.deepEqual(unresolved(resource('!Sub ["${FUNCTION_NAME}", { FUNCTION_NAME: f }]')), []);
  assert.deepEqual(unresolved(resource('!Sub ["${FunctionName}", !If [C, { FunctionName: f }, { FunctionName: g }]]')), []);
  // A macro may add names: not judged.
  assert.deepEqual(unresolved('Transform: AWS::LanguageExtensions\n' + resource(arn)), []);
  // SAM: the resources it makes (a function's role, alias, version; ServerlessRestApi…) are not judged; another name is.
  const sam = ['Transform: AWS::Serverless-2016-10-31', 'Resources:', '  Fn:', '    Type: AWS::Serverless::Function', '  M:', '    Type: AWS::Serverless::StateMachine', '    Properties:',
    '      Definition:', '        StartAt: T', '        States:', '          T:', '            Type: Task', '            Resource: !Sub "${Fn.Arn}${FnRole.Arn}${FnAliaslive}${ServerlessRestApi}${OrderApi}${QueueUrl}"', '            End: true', ''].join('\n');
  assert.deepEqual(unresolved(sam), [['unresolved-sub-variable', '${QueueUrl}']]);
  // A DefinitionString under a Sub, whose ${…} were meant for DefinitionSubstitutions: the Sub reads them first.
  const block = stateMachineTemplate('      DefinitionSubstitutions:', '        QueueUrl: https://sqs.us-east-1.amazonaws.com/111122223333/q', '      DefinitionString: !Sub |',
    '        {"StartAt": "S", "States": {"S": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage", "Parameters": {"QueueUrl": "${QueueUrl}", "MessageBody": "x"}, "End": true}}}');
  assert.deepEqual(unresolved(block), [['unresolved-sub-variable', '${QueueUrl}']]);
  assert.match(service.validate(open('t15.yaml', block)).find((p) => p.code === 'unresolved-sub-variable')!.message, /it is a key of DefinitionSubstitutions, but the Sub replaces its string's \$\{…\} first: write \$\{!QueueUrl\}/);
  // A JSON template's escaped Fn::Sub string: on the placeholder as written.
  const json = JSON.stringify({ Resources: { M: { Type: 'AWS::StepFunctions::StateMachine', Properties: { DefinitionString: { 'Fn::Sub': '{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"${Fn}","End":true}}}' } } } } }, null, 2);
  assert.deepEqual(unresolved(json, 'sub.json'), [['unresolved-sub-variable', '${Fn}']]);
  // A Serverless Framework file's own resources: the framework's ${…} come first; not judged.
  assert.deepEqual(unresolved('service: s\nprovider:\n  name: aws\nresources:\n' + resource(arn).replace(/^(?=.)/gm, '  '), 'serverless.yml'), []);
});

test('asl41 t17: DefinitionSubstitutions that replace each other in a loop the definition reaches are an error on the first of the loop (replaceEachRepeatedly throws); a chain, or a loop nothing uses, is not', () => {
  const cycle = (...lines: string[]) => coded(stateMachineTemplate('      DefinitionSubstitutions:', ...lines.slice(0, -1), ...passResult(lines[lines.length - 1])), ['substitution-cycle']);
  assert.deepEqual(cycle('        A: ${B}', '        B: ${A}', '${A}'), [['substitution-cycle', '${B}']]);
  assert.deepEqual(cycle('        Z: ${A}', '        A: x${B}', '        B: ${A}', '"${Z}"'), [['substitution-cycle', 'x${B}']]);
  assert.deepEqual(cycle('        A: x${A}', '${A}'), [['substitution-cycle', 'x${A}']]);
  assert.match(service.validate(open('t17.yaml', stateMachineTemplate('      DefinitionSubstitutions:', '        A: ${B}', '        B: ${A}', ...passResult('${A}')))).find((p) => p.code === 'substitution-cycle')!.message,
    /\(\$\{A\} → \$\{B\} → \$\{A\}\).*"Aborting to protect against StackOverflowError - output of one loop is the input of another"/);
  assert.deepEqual(cycle('        A: ${B}', '        B: ${C}', '        C: x', '${A}'), []);
  assert.deepEqual(cycle('        A: ${B}', '        B: ${A}', 'x'), []);
});

/** Jackson's DefaultPrettyPrinter as jackson-core 2.14 writes (the reference prettyJsonSize counts). */
function jacksonPretty(v: unknown, level = 0): string {
  if (Array.isArray(v)) return v.length ? `[ ${v.map((x) => jacksonPretty(x, level)).join(', ')} ]` : '[ ]';
  if (v && typeof v === 'object') {
    const keys = Object.keys(v);
    if (!keys.length) return '{ }';
    const indent = '  '.repeat(level + 1);
    return `{\n${keys.map((k) => `${indent}${JSON.stringify(k)} : ${jacksonPretty((v as Record<string, unknown>)[k], level + 1)}`).join(',\n')}\n${'  '.repeat(level)}}`;
  }
  return JSON.stringify(v);
}

test('asl41 t20: a template Definition is counted as it is sent, pretty-printed (Jackson for CloudFormation, json.dumps(indent=4) for SAM): over 1,048,576 characters there is an error on Definition though its compact JSON is not', () => {
  // The count is the length of what the printers write, for any tree (empty objects and arrays, objects in arrays, nesting).
  const trees = [
    { StartAt: 'A', States: { A: { Type: 'Pass', Result: { a: [1, { b: [] }, [], {}], c: { d: { e: 'é€😀' } } }, End: true } } },
    { a: [[{ x: [{ y: {} }] }]], b: [] },
    {},
  ];
  for (const tree of trees) {
    const root = parseYaml(JSON.stringify(tree)).root!;
    assert.equal(prettyJsonSize(root, 'jackson'), jacksonPretty(tree).length);
    // Python's ensure_ascii writes each UTF-16 unit past ASCII as \uXXXX.
    assert.equal(prettyJsonSize(root, 'sam'), JSON.stringify(tree, null, 4).replace(/[^\0-\x7f]/g, '\\u0000').length);
  }
  // A ${…} counts as nothing: what replaces it may be empty.
  assert.equal(prettyJsonSize(parseYaml('{"a": "x${B}"}').root!, 'jackson'), jacksonPretty({ a: 'x' }).length);

  const states: Record<string, unknown> = {};
  for (let i = 0; i < 6000; i++) states[`S${i}`] = { Type: 'Pass', Result: { a: { b: { c: 'xxxxxxxxxx' } } }, Next: `S${i + 1}` };
  states['S6000'] = { Type: 'Succeed' };
  const definition = { StartAt: 'S0', States: states };
  assert.ok(JSON.stringify(definition).length < 1_048_576 && jacksonPretty(definition).length > 1_048_576);
  const template = (type: string) => JSON.stringify({ Resources: { M: { Type: type, Properties: { Definition: definition } } } });
  const tooLarge = (text: string, name: string) => service.validate(open(name, text)).filter((p) => p.code === 'asl-definition-too-large').map((p) => [text.slice(p.offset, p.offset + p.length), p.message]);
  const [cfn] = tooLarge(template('AWS::StepFunctions::StateMachine'), 'big.json');
  assert.equal(cfn[0], '"Definition"');
  assert.match(cfn[1], new RegExp(`^The definition has at least ${jacksonPretty(definition).length.toLocaleString('en-US')} characters as CloudFormation sends it, pretty-printed \\(DefinitionProcessor: jsonMapper\\.writerWithDefaultPrettyPrinter\\(\\)`));
  assert.match(tooLarge(template('AWS::Serverless::StateMachine'), 'big-sam.json')[0][1], /as SAM writes it out \(generators\.py: json\.dumps/);
  // The same definition as a file of its own is sent as written.
  assert.deepEqual(service.validate(TextDocument.create('file:///big.asl.json', 'asl', 1, JSON.stringify(definition))).filter((p) => p.code === 'asl-definition-too-large'), []);
});

test("a substitution pasted into more text than Step Functions takes whole is not built (the review of the day: it threw, and the template's every finding was lost)", () => {
  const text = ['Resources:', '  M:', '    Type: AWS::StepFunctions::StateMachine', '    Properties:', '      DefinitionSubstitutions:', `        K: "${'x'.repeat(100_000)}\\""`, '      Definition:', '        StartAt: A', '        States:', '          A:', '            Type: Pass', `            Comment: "${'${K}'.repeat(1000)}"`, '            Next: Nowhere', ''].join('\n');
  assert.ok(findings(open('big-paste.yaml', text)).some(([code]) => code === 'asl-unknown-state'));
});

test('a state renamed inside a Fn::Sub definition to a name with ${ is written ${! (the Sub turns it back into ${): no placeholder of nothing (ux44); elsewhere as written', () => {
  const sub = stateMachineTemplate('      DefinitionString: !Sub |', '        {"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"}, "B": {"Type": "Succeed"}}}');
  const d = open('rename-sub.yaml', sub);
  const edits = (service.rename(d, at(d, '"B"}', 1), 'Alert ${Team}') as { edits: TextEdit[] }).edits;
  const renamed = TextDocument.applyEdits(d, edits);
  assert.equal(renamed.split('Alert ${!Team}').length, 3);
  assert.deepEqual(findings(open('renamed-sub.yaml', renamed)), []);
  const plain = stateMachineTemplate('      Definition:', '        StartAt: A', '        States:', '          A:', '            Type: Pass', '            Next: B', '          B:', '            Type: Succeed');
  const p = open('rename-plain.yaml', plain);
  assert.equal(TextDocument.applyEdits(p, (service.rename(p, at(p, 'Next: B', 6), 'Alert ${Team}') as { edits: TextEdit[] }).edits).split('Alert ${Team}').length, 3);
  // DefinitionSubstitutions have no escape: such a name is refused (the review of the day).
  const subs = open('rename-subs.yaml', plain.replace('    Properties:\n', '    Properties:\n      DefinitionSubstitutions:\n        Team: ops\n'));
  assert.match((service.rename(subs, at(subs, 'Next: B', 6), 'Alert ${Team}') as { error: string }).error, /DefinitionSubstitutions/);
  assert.ok('edits' in service.rename(subs, at(subs, 'Next: B', 6), 'Alert'));
});

// Templates over stdio (issue 18): the built server answers for the state machines embedded in a SAM YAML and a
// CloudFormation JSON template at the template's positions, nothing for a YAML file that holds none, and nothing
// for templates when the client turns detection off (`sagemakerAsl.detect.templates: false`).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
// @ts-expect-error: a plain ES module without types, vendored from the shared tools
import { LspClient, positionAt, find } from './lsp-client.mjs';
import { root, SERVER, useServer } from './setup';

const fixture = (name: string) => readFileSync(join(root, 'test/fixtures/templates', name), 'utf8');
const span = (text: string, d: any) => {
  const lines = text.split('\n');
  const { start, end } = d.range;
  return start.line === end.line ? lines[start.line].slice(start.character, end.character) : '';
};

describe('templates over LSP', () => {
  const client = useServer();

  test('a SAM template (yaml): diagnostics on the template lines, hover, completion and a quick fix inside it', async () => {
    const uri = 'file:///w/template.yaml';
    const text = fixture('sam-training.yaml');
    const diags = await client.open(uri, 'yaml', text);
    assert.deepEqual(diags.map((d: any) => [d.code, span(text, d)]), [
      ['likely-runtime-failure', "States.Format('churn-{}', $$.Execution.Name)"],
      ['enum-value', 'ml.m5.larg'],
      ['wrong-type', '!If [IsProd, [{ Key: stage, Value: prod }], !Ref AWS::NoValue]'],
      ['pattern', 'churn model '],
      ['wrong-type', '${ScoringInstanceCount}'],
      ['enum-value', 'ml.c5.xlarg'],
      ['asl-unreachable-state', 'Done'],
      // The misspelt Next is the one finding (no "needs Next" beside it).
      ['asl-unknown-field', 'Nextt'],
    ]);
    const enumDiag = diags.find((d: any) => d.code === 'enum-value');
    assert.deepEqual(enumDiag.range.start, positionAt(text, find(text, 'ml.m5.larg\n')));
    const hover = await client.hover(uri, positionAt(text, find(text, 'VolumeSizeInGB') + 2));
    assert.match(hover.contents.value, /VolumeSizeInGB/);
    const completion = await client.completion(uri, positionAt(text, find(text, 'TrainingInputMode: File') + 'TrainingInputMode: '.length));
    const labels = (Array.isArray(completion) ? completion : completion.items).map((i: any) => i.label);
    assert.ok(labels.includes('Pipe') && labels.includes('FastFile'), labels.join());
    const actions = await client.codeActions(uri, enumDiag.range, [enumDiag]);
    assert.ok(actions.some((a: any) => a.title === 'Did you mean "ml.m5.large"?'), actions.map((a: any) => a.title).join());
  });

  test('a CloudFormation JSON template: Fn::* intrinsics are no errors, the real mistake is', async () => {
    const uri = 'file:///w/template.json';
    const text = fixture('cfn-training.json');
    const diags = await client.open(uri, 'json', text);
    assert.deepEqual(diags.map((d: any) => [d.code, span(text, d)]), [['wrong-type', '"true"']]);
  });

  test('CloudFormation dynamic references ({{resolve:ssm:…}}, under !Sub or not) stand for values deploy reads elsewhere: no error', async () => {
    const text = fixture('cfn-dynamic-references.yaml');
    assert.deepEqual((await client.open('file:///w/dynamic-references.yaml', 'yaml', text)).map((d: any) => [d.code, span(text, d)]), []);
    // The same values with the reference's text written out are what they are.
    const literal = text.replace('"{{resolve:ssm:/network/ml-security-group-id}}"', 'sg-0123456789abcdef0123456789abcdef0');
    assert.deepEqual((await client.open('file:///w/literal.yaml', 'yaml', literal)).map((d: any) => d.code), ['too-long']);
  });

  test('a standalone job spec: request checks, skeleton blanks as information, the Start Training Job lens at the top', async () => {
    const uri = 'file:///w/churn.training-job.yaml';
    const text = readFileSync(join(root, 'test/fixtures/jobspecs/churn.training-job.yaml'), 'utf8');
    const diags = await client.open(uri, 'yaml', text);
    assert.deepEqual(diags.map((d: any) => [d.code, span(text, d)]), [['pattern', 'churn_xgb'], ['wrong-type', '100'], ['enum-value', 'ml.m5.xlarg']]);
    const lenses = await client.request('textDocument/codeLens', { textDocument: { uri } });
    assert.deepEqual(lenses.map((l: any) => [l.command.title, l.range.start.line]), [['$(play) Start Training Job', 1]]);
    const tasks = await client.request('sagemaker/tasks', { uri });
    assert.equal(tasks[0].standalone, true);
    const skeleton = readFileSync(join(root, 'test/fixtures/jobspecs/create-training-job.skeleton.json'), 'utf8');
    const blanks = await client.open('file:///w/skeleton.json', 'json', skeleton);
    assert.ok(blanks.length > 0 && blanks.every((d: any) => d.severity === 3), JSON.stringify(blanks.filter((d: any) => d.severity !== 3)));
  });

  test('placeholders in a longer string: the written text is judged, an error only where no value of them can help (YAML)', async () => {
    const uri = 'file:///w/placeholders.yaml';
    const text = [
      'Resources:',
      '  Pipeline:',
      '    Type: AWS::Serverless::StateMachine',
      '    Properties:',
      '      DefinitionSubstitutions:',
      '        Bucket: !Ref ModelBucket',
      '        Image: !Ref TrainingImage',
      '        Mode: !Ref Mode',
      '        Stage: !Ref Stage',
      '        Version: !Ref Version',
      '        Role: !GetAtt ModelRole.Arn',
      '      Definition:',
      '        StartAt: Train',
      '        States:',
      '          Train:',
      '            Type: Task',
      '            Resource: arn:aws:states:::sagemaker:createTrainingJob.sync',
      '            Parameters:',
      '              TrainingJobName: !Sub churn model ${Stage}',
      '              RoleArn: !Sub arn:${AWS::Partition}:iam::${AWS::AccountId}:role/${RoleName}',
      '              AlgorithmSpecification: { TrainingImage: "${Image}", TrainingInputMode: File }',
      '              OutputDataConfig: { S3OutputPath: "s3://${Bucket}/models" }',
      '              ResourceConfig: { InstanceCount: 1, InstanceType: ml.m5.large, VolumeSizeInGB: 10 }',
      '              StoppingCondition: { MaxRuntimeInSeconds: 3600 }',
      `              HyperParameters: { mode: "${'x'.repeat(2600)}-\${Mode}" }`,
      '            Next: Model',
      '          Model:',
      '            Type: Task',
      '            Resource: arn:aws:states:::sagemaker:createModel',
      '            Parameters:',
      '              ModelName: "${Stage}-churn-${Version}"',
      '              ExecutionRoleArn: ${Role}',
      '              PrimaryContainer: { Image: "${Image}" }',
      '            Next: Endpoint',
      '          Endpoint:',
      '            Type: Task',
      '            Resource: arn:aws:states:::sagemaker:createEndpointConfig',
      '            Parameters:',
      '              EndpointConfigName: ${Stage}_churn_${Version}',
      '              ProductionVariants: [{ VariantName: AllTraffic, ModelName: churn, InitialInstanceCount: 1, InstanceType: ml.m5.large }]',
      '            End: true',
      // What the Subs name (a Sub's ${X} is the template's, not a DefinitionSubstitutions key).
      'Parameters: { Stage: { Type: String }, RoleName: { Type: String } }',
      '',
    ].join('\n');
    const diags = await client.open(uri, 'yaml', text);
    assert.deepEqual(diags.map((d: any) => [d.code, d.severity, span(text, d)]), [
      ['pattern', 1, 'churn model '],
      ['too-long', 1, `"${'x'.repeat(2600)}-\${Mode}"`],
      ['pattern', 1, '_churn_'],
    ]);
    const [name, , config] = diags;
    assert.deepEqual(name.range, { start: positionAt(text, find(text, 'churn model')), end: positionAt(text, find(text, 'churn model') + 'churn model '.length) });
    assert.match(name.message, /TrainingJobName "churn model \$\{Stage\}" must match .*; " " is allowed nowhere in it, whatever its placeholders stand for/);
    assert.match(config.message, /"_" is allowed nowhere/);
    assert.deepEqual(config.range.start, positionAt(text, find(text, '_churn_')));
    // The name's fix mends the written text and keeps the placeholders as written (ux44).
    const fixes = (await client.codeActions(uri, name.range, [name])).filter((a: any) => a.kind === 'quickfix');
    assert.deepEqual(fixes.map((a: any) => [a.title, a.edit.changes[uri].map((e: any) => e.newText)]), [['Change to "churn-model-${Stage}"', ['churn-model-${Stage}']]]);
    assert.deepEqual((await client.codeActions(uri, config.range, [config])).filter((a: any) => a.kind === 'quickfix').map((a: any) => a.title), ['Change to "${Stage}-churn-${Version}"']);
  });

  test('placeholders in a longer string (JSON): Fn::Sub and DefinitionSubstitutions, the written part inside the quotes', async () => {
    const uri = 'file:///w/placeholders.json';
    const text = JSON.stringify(
      {
        Resources: {
          Pipeline: {
            Type: 'AWS::StepFunctions::StateMachine',
            Properties: {
              DefinitionSubstitutions: { Stage: { Ref: 'Stage' }, Bucket: { Ref: 'ModelBucket' } },
              Definition: {
                StartAt: 'Score',
                States: {
                  Score: {
                    Type: 'Task',
                    Resource: 'arn:aws:states:::sagemaker:createTransformJob.sync',
                    Parameters: {
                      TransformJobName: { 'Fn::Sub': 'score.${AWS::StackName}' },
                      ModelName: 'churn-${Stage}',
                      TransformInput: { DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: { 'Fn::Sub': 's3://${Bucket}/in put' } } } },
                      TransformOutput: { S3OutputPath: 's3://${Bucket}/out' },
                      TransformResources: { InstanceCount: 1, InstanceType: 'ml.m5.large' },
                    },
                    End: true,
                  },
                },
              },
            },
          },
        },
        // What the Subs name (a Sub's ${X} is the template's, not a DefinitionSubstitutions key).
        Parameters: { Bucket: { Type: 'String' } },
      },
      null,
      2,
    );
    const diags = await client.open(uri, 'json', text);
    assert.deepEqual(diags.map((d: any) => [d.code, span(text, d)]), [['pattern', 'score.']]);
    assert.deepEqual(diags[0].range.start, positionAt(text, find(text, 'score.${')));
  });

  test('two machines in one template with a state of the same name: each lens and task names its own machine', async () => {
    const uri = 'file:///w/two-machines.yaml';
    const machine = (name: string, job: string) => [
      `  ${name}:`,
      '    Type: AWS::StepFunctions::StateMachine',
      '    Properties:',
      '      Definition:',
      '        StartAt: Train',
      '        States:',
      '          Train:',
      '            Type: Task',
      '            Resource: arn:aws:states:::sagemaker:createTrainingJob.sync',
      '            Parameters:',
      `              TrainingJobName: ${job}`,
      '              RoleArn: arn:aws:iam::111122223333:role/SageMakerRole',
      '              AlgorithmSpecification: { TrainingImage: "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1", TrainingInputMode: File }',
      '              OutputDataConfig: { S3OutputPath: "s3://ml-bucket/models" }',
      '              ResourceConfig: { InstanceCount: 1, InstanceType: ml.m5.large, VolumeSizeInGB: 10 }',
      '              StoppingCondition: { MaxRuntimeInSeconds: 3600 }',
      '            End: true',
    ];
    const text = ['Resources:', ...machine('NightlyPipeline', 'nightly'), ...machine('WeeklyPipeline', 'weekly'), ''].join('\n');
    assert.deepEqual(await client.open(uri, 'yaml', text), []);
    const lenses = await client.request('textDocument/codeLens', { textDocument: { uri } });
    assert.deepEqual(lenses.map((l: any) => [l.range.start.line, l.command.arguments]), [
      [7, [uri, 'Train', 'NightlyPipeline']],
      [24, [uri, 'Train', 'WeeklyPipeline']],
    ]);
    const tasks = await client.request('sagemaker/tasks', { uri });
    assert.deepEqual(tasks.map((t: any) => [t.machine, t.machineRange.start.line, t.machineRange.end.line, t.payload.TrainingJobName]), [
      ['NightlyPipeline', 5, 17, 'nightly'],
      ['WeeklyPipeline', 22, 34, 'weekly'],
    ]);
    // A document that is itself the state machine names none.
    await client.open('file:///w/one.asl.json', 'asl', JSON.stringify({ StartAt: 'T', States: { T: { Type: 'Task', Resource: 'arn:aws:states:::sagemaker:createTrainingJob.sync', Parameters: {}, End: true } } }));
    const plain = await client.request('textDocument/codeLens', { textDocument: { uri: 'file:///w/one.asl.json' } });
    assert.deepEqual(plain.map((l: any) => l.command.arguments), [['file:///w/one.asl.json', 'T']]);
  });

  test('the template corpus: real public templates (test/fixtures/templates/corpus, MANIFEST.tsv), their SageMaker tasks found and no error', async () => {
    const dir = join(root, 'test/fixtures/templates/corpus');
    const [header, ...rows] = readFileSync(join(dir, 'MANIFEST.tsv'), 'utf8').trim().split('\n').map((l) => l.split('\t'));
    const col = (name: string) => header.indexOf(name);
    assert.deepEqual(rows.map((r) => r[col('file')]).sort(), readdirSync(dir).filter((f) => f !== 'MANIFEST.tsv').sort(), 'every file listed, every listed file there');
    for (const row of rows) {
      assert.match(row[col('licence')], /^(MIT-0|MIT|Apache-2\.0)$/, row[0]);
      assert.match(row[col('commit')], /^[0-9a-f]{40}$/, row[0]);
      const uri = `file:///w/corpus/${row[col('file')]}`;
      const diags = await client.open(uri, row[0].endsWith('.json') ? 'json' : 'yaml', readFileSync(join(dir, row[0]), 'utf8'));
      assert.deepEqual(diags.filter((d: any) => d.severity === 1).map((d: any) => `${d.range.start.line + 1}: ${d.message}`), [], row[0]);
      // Zero errors because the machines were read, not because none was found.
      const tasks = await client.request('sagemaker/tasks', { uri });
      assert.deepEqual(tasks.map((t: any) => t.api).join(' '), row[col('sagemaker_tasks')], row[0]);
    }
  });

  test('a YAML file that holds no state machine gets no diagnostics', async () => {
    for (const name of ['github-workflow.yml', 'k8s-deployment.yaml', 'openapi.yaml']) {
      const diags = await client.open(`file:///w/${name}`, 'yaml', fixture(name));
      assert.deepEqual(diags, [], name);
    }
  });
});

test('detection of templates turned off by the client: the template gets nothing', async () => {
  const client = await LspClient.start(SERVER, root, { initializationOptions: { detect: { templates: false } } });
  try {
    assert.deepEqual(await client.open('file:///w/template.yaml', 'yaml', fixture('sam-training.yaml')), []);
    // A plain state machine is still one.
    const asl = '{"StartAt":"A","States":{"A":{"Type":"Pass","Nextt":"A"}}}';
    assert.ok((await client.open('file:///w/m.json', 'json', asl)).length > 0);
  } finally {
    await client.stop();
  }
});

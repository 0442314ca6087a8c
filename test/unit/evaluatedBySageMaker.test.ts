// Members whose value SageMaker itself applies as a JSONPath (DataProcessing.InputFilter "$[1:]") are literals to
// Step Functions: no "forgotten .$" finding there, and no fix renaming the key to "InputFilter.$" (which would make
// Step Functions evaluate the path against the state's input and break the workflow). Regression tests for the
// AWS samples that `lint --fix` broke this way (issue 16).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { doc, findings, machine, service, VALID_TRANSFORM } from './helpers';

const TRANSFORM = 'arn:aws:states:::sagemaker:createTransformJob.sync';
const withDataProcessing = (dataProcessing: Record<string, unknown>) => machine({ ...VALID_TRANSFORM, DataProcessing: dataProcessing }, { resource: TRANSFORM });

test('InputFilter "$[1:]" (drop the first column) gets no finding', () => {
  assert.deepEqual(findings(withDataProcessing({ InputFilter: '$[1:]', JoinSource: 'None' })), []);
});

test('OutputFilter "$[\'id\',\'SageMakerOutput\']" gets no finding', () => {
  assert.deepEqual(findings(withDataProcessing({ InputFilter: '$[1:]', JoinSource: 'Input', OutputFilter: "$['id','SageMakerOutput']" })), []);
});

test('the same value in a member Step Functions passes on unevaluated still says the .$ is probably missing', () => {
  const f = findings(machine({ ...VALID_TRANSFORM, ModelName: '$.model' }, { resource: TRANSFORM }));
  assert.deepEqual(f.map((x) => [x.code, x.at]), [['path-without-dollar-suffix', '"$.model"']]);
});

test('fix-all (and so `lint --fix`) leaves InputFilter and OutputFilter as written', () => {
  const text = withDataProcessing({ InputFilter: '$[1:]', JoinSource: 'Input', OutputFilter: "$['id','SageMakerOutput']" });
  assert.deepEqual(service.fixAll(doc(text)), []);
});

test('YAML: the same', () => {
  const text = [
    'StartAt: Score',
    'States:',
    '  Score:',
    '    Type: Task',
    `    Resource: ${TRANSFORM}`,
    '    Parameters:',
    '      TransformJobName: batch-scoring',
    '      ModelName: my-model',
    '      TransformInput: { DataSource: { S3DataSource: { S3DataType: S3Prefix, S3Uri: "s3://bucket/in" } } }',
    '      TransformOutput: { S3OutputPath: "s3://bucket/out" }',
    '      TransformResources: { InstanceCount: 1, InstanceType: ml.m5.large }',
    '      DataProcessing:',
    "        InputFilter: '$[1:]'",
    '        JoinSource: Input',
    "        OutputFilter: $['id','SageMakerOutput']",
    '    End: true',
    '',
  ].join('\n');
  assert.deepEqual(findings(text, { languageId: 'asl-yaml' }), []);
  assert.deepEqual(service.fixAll(doc(text, 'asl-yaml')), []);
});

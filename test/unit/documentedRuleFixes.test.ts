// The documented rules in the editor: the validator reports them (code documented-rule, quoting the model), and a
// finding whose rule leaves one answer gets a quick fix, preferred (so fix-all and `lint --fix` apply it) only
// when the documentation leaves no choice.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver-types';
import { doc, findings, machine, service, training, VALID_TRANSFORM } from './helpers';

const TRANSFORM = 'arn:aws:states:::sagemaker:createTransformJob.sync';
const apply = (text: string, edits: TextEdit[]) => TextDocument.applyEdits(TextDocument.create('file:///x', 'asl', 1, text), edits);
const errors = (text: string, languageId: string) => findings(text, { languageId }).filter((f) => f.severity === 'error').map((f) => `${f.code} ${f.at}`);

/** The quick fixes on the documented-rule finding covering `at`: titles (* preferred) and the text after the chosen one. */
function quickFix(text: string, at: string, { languageId = 'asl', pick }: { languageId?: string; pick?: string } = {}) {
  const d = doc(text, languageId);
  const p = service.validate(d).find((x) => x.code === 'documented-rule' && text.startsWith(at, x.offset));
  assert.ok(p, `no documented-rule on ${at}: ${JSON.stringify(findings(text, { languageId }))}`);
  const actions = service.getCodeActions(d, { start: d.positionAt(p.offset), end: d.positionAt(p.offset + p.length) }, ['quickfix']).filter((a) => a.diagnostics?.[0]?.code === 'documented-rule');
  const chosen = pick ? actions.find((a) => a.title === pick) : actions.find((a) => a.isPreferred);
  return {
    titles: actions.map((a) => (a.isPreferred ? '* ' : '') + a.title),
    result: chosen ? apply(text, chosen.edit!.changes![d.uri]) : text,
    fixAll: apply(text, service.fixAll(d)),
  };
}

describe('the validator reports the documented rules', () => {
  test('managed spot training without MaxWaitTimeInSeconds: an error on StoppingCondition, quoting the model', () => {
    const f = findings(machine(training({ EnableManagedSpotTraining: true })));
    assert.deepEqual(f.map((x) => [x.code, x.severity, x.at]), [['documented-rule', 'error', '"StoppingCondition"']]);
    assert.equal(
      f[0].message,
      `StoppingCondition.MaxWaitTimeInSeconds is required when EnableManagedSpotTraining is true. SageMaker's API documentation (StoppingCondition.MaxWaitTimeInSeconds): "The maximum length of time, in seconds, that a managed Spot training job has to complete."`,
    );
  });
  test('the diagnostic carries the code and the rule for the editor', () => {
    const d = doc(machine(training({ EnableManagedSpotTraining: true })));
    const [diag] = service.doValidation(d).filter((x) => x.code === 'documented-rule');
    assert.equal(diag.source, 'sagemaker');
    assert.equal((diag.data as { rule: string }).rule, 'spot-training-needs-max-wait');
  });
  test('while the document does not read (half-typed), the relations wait (no documented-rule finding)', () => {
    const text = machine(training({ EnableManagedSpotTraining: true })).replace('"MaxRuntimeInSeconds": 3600', '"MaxRuntimeInSeconds": 3600, "MaxWait');
    const codes = service.validate(doc(text)).map((p) => p.code);
    assert.ok(codes.includes('syntax') && !codes.includes('documented-rule'), codes.join());
  });
  test('while a string is half-typed, the members the recovery made of it are no findings, and fix-all waits (new-user walk: a save rewrote the broken text)', () => {
    const whole = machine(training({ ResourceConfig: { InstanceCount: 1, InstanceType: 'ml.m5.xlarge', VolumeSizeInGb: 30 } }));
    for (const broken of [whole.replace('"InstanceType"', '"InstanceTyp\ne"'), whole.replace('"ml.m5.xlarge"', '"ml.m5.xlarg\ne"')]) {
      const d = doc(broken);
      const codes = service.validate(d).map((p) => p.code);
      assert.deepEqual(codes, ['syntax'], codes.join());
      assert.deepEqual(service.fixAll(d), []);
      assert.deepEqual(service.getCodeActions(d, { start: d.positionAt(0), end: d.positionAt(broken.length) }, ['source.fixAll.sagemaker']), []);
    }
    // A finding before the error, or in another object, stands.
    const earlier = doc(whole.replace('"InstanceCount": 1', '"InstanceCount": "one"').replace('"ml.m5.xlarge"', '"ml.m5.xlarg\ne"'));
    assert.deepEqual(service.validate(earlier).map((p) => p.code).sort(), ['syntax', 'wrong-type']);
  });
  test('a dynamic value keeps the rule silent', () => {
    assert.deepEqual(findings(machine(training({ 'EnableManagedSpotTraining.$': '$.spot' }))), []);
  });
});

describe('quick fixes', () => {
  test('spot training: add MaxWaitTimeInSeconds equal to MaxRuntimeInSeconds (preferred; fix-all applies it)', () => {
    const text = machine(training({ EnableManagedSpotTraining: true }));
    const r = quickFix(text, '"StoppingCondition"');
    assert.deepEqual(r.titles, ['* Add MaxWaitTimeInSeconds: 3600']);
    assert.match(r.result, /"MaxRuntimeInSeconds": 3600,\s*"MaxWaitTimeInSeconds": 3600\s*}/);
    assert.deepEqual(errors(r.result, 'asl'), []);
    assert.equal(r.fixAll, r.result);
  });
  test('MaxWaitTimeInSeconds below MaxRuntimeInSeconds: raising it is offered, not preferred (lowering the runtime is as good)', () => {
    const text = machine(training({ EnableManagedSpotTraining: true, StoppingCondition: { MaxRuntimeInSeconds: 3600, MaxWaitTimeInSeconds: 1800 } }));
    const r = quickFix(text, '1800', { pick: 'Change to 3600' });
    assert.deepEqual(r.titles, ['Change to 3600']);
    assert.match(r.result, /"MaxWaitTimeInSeconds": 3600/);
    assert.deepEqual(errors(r.result, 'asl'), []);
    assert.equal(r.fixAll, text);
  });
  test('MultiRecord without a SplitType that splits: SplitType "Line" is offered, not preferred (RecordIO and TFRecord split too)', () => {
    const text = machine({ ...VALID_TRANSFORM, BatchStrategy: 'MultiRecord' }, { resource: TRANSFORM });
    const r = quickFix(text, '"TransformInput"', { pick: 'Add SplitType: "Line"' });
    assert.deepEqual(r.titles, ['Add SplitType: "Line"']);
    assert.deepEqual(errors(r.result, 'asl'), []);
    assert.equal(r.fixAll, text);
  });
  test('a model\'s S3Prefix URI without the trailing slash: appending it is offered, not preferred (S3Object may be meant)', () => {
    const model = { ModelName: 'm', ExecutionRoleArn: 'arn:aws:iam::111122223333:role/R', PrimaryContainer: { Image: 'i', ModelDataSource: { S3DataSource: { S3Uri: 's3://b/model', S3DataType: 'S3Prefix', CompressionType: 'None' } } } };
    const text = machine(model, { resource: 'arn:aws:states:::sagemaker:createModel' });
    const r = quickFix(text, '"s3://b/model"', { pick: 'Change to "s3://b/model/"' });
    assert.deepEqual(r.titles, ['Change to "s3://b/model/"']);
    assert.match(r.result, /"S3Uri": "s3:\/\/b\/model\/"/);
    assert.deepEqual(errors(r.result, 'asl'), []);
    assert.equal(r.fixAll, text);
  });
  test('a member the request must not hold (read-only SelectedInstanceType): removing it is preferred, the layout kept', () => {
    const text = machine(training({ ResourceConfig: { InstanceCount: 1, InstanceType: 'ml.m5.large', SelectedInstanceType: 'ml.m5.large', VolumeSizeInGB: 10 } }));
    const r = quickFix(text, '"SelectedInstanceType"');
    assert.deepEqual(r.titles, ['* Remove SelectedInstanceType']);
    assert.equal(r.result, machine(training({ ResourceConfig: { InstanceCount: 1, InstanceType: 'ml.m5.large', VolumeSizeInGB: 10 } })));
    assert.deepEqual(errors(r.result, 'asl'), []);
    assert.equal(r.fixAll, r.result);
    // The last member: the comma before it goes too.
    const last = quickFix(machine(training({ ResourceConfig: { InstanceCount: 1, InstanceType: 'ml.m5.large', VolumeSizeInGB: 10, SelectedInstanceCount: 1 } })), '"SelectedInstanceCount"');
    assert.equal(last.result, machine(training({ ResourceConfig: { InstanceCount: 1, InstanceType: 'ml.m5.large', VolumeSizeInGB: 10 } })));
  });
  test('a member forbidden only with another value (VolumeKmsKeyId with a local-storage instance): removing it is offered, not preferred', () => {
    const text = machine(training({ ResourceConfig: { InstanceCount: 1, InstanceType: 'ml.g5.xlarge', VolumeKmsKeyId: 'alias/k' } }));
    const r = quickFix(text, '"VolumeKmsKeyId"', { pick: 'Remove VolumeKmsKeyId' });
    assert.deepEqual(r.titles, ['Remove VolumeKmsKeyId']);
    assert.equal(r.result, machine(training({ ResourceConfig: { InstanceCount: 1, InstanceType: 'ml.g5.xlarge' } })));
    assert.equal(r.fixAll, text);
  });
  test('removing a member on one line, and an only member', () => {
    const variants = (v: string) =>
      `{"StartAt":"E","States":{"E":{"Type":"Task","Resource":"arn:aws:states:::sagemaker:createEndpointConfig","Parameters":{"EndpointConfigName":"c","ProductionVariants":[${v}]},"End":true}}}`;
    const r = quickFix(variants('{ "VariantName": "v", "AcceleratorType": "ml.eia2.medium", "ModelName": "m" }'), '"AcceleratorType"');
    assert.equal(r.result, variants('{ "VariantName": "v", "ModelName": "m" }'));
    const only = quickFix(variants('{}').replace('"ProductionVariants":[{}]', '"ProductionVariants":[{"VariantName":"v"}],"ShadowProductionVariants":[{ "AcceleratorType": "ml.eia1.large" }]'), '"AcceleratorType"');
    assert.match(only.result, /"ShadowProductionVariants":\[\{\}\]/);
  });
  test('YAML: the member\'s lines go; after a sequence item\'s dash the next member moves up; in braces, with its comma', () => {
    const yaml = (variant: string) =>
      ['StartAt: E', 'States:', '  E:', '    Type: Task', '    Resource: arn:aws:states:::sagemaker:createEndpointConfig', '    Parameters:', '      EndpointConfigName: c', '      ProductionVariants:', variant, '    End: true', ''].join('\n');
    const block = quickFix(yaml('        - VariantName: v\n          AcceleratorType: ml.eia2.medium # EI\n          ModelName: m'), 'AcceleratorType', { languageId: 'asl-yaml' });
    assert.deepEqual(block.titles, ['* Remove AcceleratorType']);
    assert.equal(block.result, yaml('        - VariantName: v\n          ModelName: m'));
    assert.deepEqual(errors(block.result, 'asl-yaml'), []);
    const dash = quickFix(yaml('        - AcceleratorType: ml.eia2.medium\n          VariantName: v'), 'AcceleratorType', { languageId: 'asl-yaml' });
    assert.equal(dash.result, yaml('        - VariantName: v'));
    const flow = quickFix(yaml('        - { VariantName: v, AcceleratorType: ml.eia2.medium }'), 'AcceleratorType', { languageId: 'asl-yaml' });
    assert.equal(flow.result, yaml('        - { VariantName: v }'));
  });
  test('no fix where the documentation leaves several answers (TrainingImage or AlgorithmName)', () => {
    const text = machine(training({ AlgorithmSpecification: { TrainingInputMode: 'File' } }));
    const f = findings(text).filter((x) => x.code === 'documented-rule');
    assert.equal(f.length, 1);
    assert.deepEqual(quickFix(text, f[0].at).titles, []);
  });
  test('YAML: the member is added as a line of its own', () => {
    const yaml = [
      'StartAt: Train',
      'States:',
      '  Train:',
      '    Type: Task',
      '    Resource: arn:aws:states:::sagemaker:createTrainingJob.sync',
      '    Parameters:',
      '      TrainingJobName: churn',
      '      RoleArn: arn:aws:iam::111122223333:role/TrainRole',
      '      AlgorithmSpecification: { TrainingImage: img, TrainingInputMode: File }',
      '      OutputDataConfig:',
      '        S3OutputPath: s3://bucket/out',
      '      ResourceConfig: { InstanceCount: 1, InstanceType: ml.m5.large, VolumeSizeInGB: 10 }',
      '      EnableManagedSpotTraining: true',
      '      StoppingCondition:',
      '        MaxRuntimeInSeconds: 3600',
      '    End: true',
      '',
    ].join('\n');
    const r = quickFix(yaml, 'StoppingCondition', { languageId: 'asl-yaml' });
    assert.deepEqual(r.titles, ['* Add MaxWaitTimeInSeconds: 3600']);
    assert.match(r.result, /\n {8}MaxRuntimeInSeconds: 3600\n {8}MaxWaitTimeInSeconds: 3600\n {4}End: true/);
    assert.deepEqual(errors(r.result, 'asl-yaml'), []);
  });
  test('YAML flow mapping: the member is added inside the braces', () => {
    const yaml = 'StartAt: T\nStates:\n  T:\n    Type: Task\n    Resource: arn:aws:states:::sagemaker:createTrainingJob.sync\n    Parameters:\n      TrainingJobName: churn\n      RoleArn: arn:aws:iam::111122223333:role/TrainRole\n      AlgorithmSpecification: { TrainingImage: img, TrainingInputMode: File }\n      OutputDataConfig: { S3OutputPath: s3://bucket/out }\n      ResourceConfig: { InstanceCount: 1, InstanceType: ml.m5.xlarge, VolumeSizeInGB: 10 }\n      EnableManagedSpotTraining: true\n      StoppingCondition: { MaxRuntimeInSeconds: 3600 }\n    End: true\n';
    const r = quickFix(yaml, 'StoppingCondition', { languageId: 'asl-yaml' });
    assert.match(r.result, /StoppingCondition: \{ MaxRuntimeInSeconds: 3600, MaxWaitTimeInSeconds: 3600 \}/);
    assert.deepEqual(errors(r.result, 'asl-yaml'), []);
  });
});

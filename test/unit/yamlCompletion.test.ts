import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import type { CompletionItem, TextEdit } from 'vscode-languageserver-types';
import { cursor, doc, service } from './helpers';

function complete(marked: string, languageId = 'asl-yaml') {
  const [text, offset] = cursor(marked);
  const d = doc(text, languageId);
  const items = service.doComplete(d, d.positionAt(offset));
  // The LSP rule: every edit is on one line and contains the cursor.
  for (const item of items) {
    const { range } = item.textEdit as TextEdit;
    assert.equal(range.start.line, range.end.line, `${item.label}: edit on one line`);
    assert.ok(d.offsetAt(range.start) <= offset && offset <= d.offsetAt(range.end), `${item.label}: edit contains the cursor`);
  }
  return { items, text: (item: CompletionItem) => apply(text, d, item) };
}
function apply(text: string, d: ReturnType<typeof doc>, item: CompletionItem): string {
  const { range, newText } = item.textEdit as TextEdit;
  return text.slice(0, d.offsetAt(range.start)) + newText + text.slice(d.offsetAt(range.end));
}
const labels = (marked: string, languageId?: string) => complete(marked, languageId).items.map((i) => i.label);
const item = (marked: string, label: string) => {
  const c = complete(marked);
  const found = c.items.find((i) => i.label === label);
  assert.ok(found, `${label} offered; got ${c.items.map((i) => i.label).slice(0, 10).join(', ')}`);
  return { ...found, newText: (found.textEdit as TextEdit).newText, result: c.text(found) };
};

const HEAD = (resource = 'arn:aws:states:::sagemaker:createTrainingJob.sync') => `StartAt: Train
States:
  Train:
    Type: Task
    Resource: ${resource}
`;
const TASK = (params: string, resource?: string) => `${HEAD(resource)}    Parameters:
${params}
    End: true
`;

describe('member keys', () => {
  test('a new key on an empty line: required first, present ones left out, .$ variants', () => {
    const { items } = complete(TASK('      TrainingJobName: x\n      ‸'));
    const names = items.map((i) => i.label);
    assert.ok(!names.includes('TrainingJobName') && !names.includes('TrainingJobName.$'));
    const sorted = [...items].sort((a, b) => a.sortText!.localeCompare(b.sortText!)).map((i) => i.label);
    assert.deepEqual(sorted.slice(0, 4), ['OutputDataConfig', 'OutputDataConfig.$', 'RoleArn', 'RoleArn.$']);
    assert.ok(names.includes('HyperParameters.$'));
  });

  test('a key being typed with no colon yet, alone under its parent (the parser reads it as a value)', () => {
    const names = labels(TASK('      ResourceConfig:\n        Inst‸'));
    for (const want of ['InstanceType', 'InstanceCount', 'VolumeSizeInGB', 'KeepAlivePeriodInSeconds']) assert.ok(names.includes(want), want);
    assert.ok(!names.includes('TrainingJobName'), 'keys of ResourceConfig, not of Parameters');
  });

  test('a key being typed among siblings; the present ones left out', () => {
    const names = labels(TASK('      ResourceConfig:\n        InstanceCount: 1\n        Inst‸\n        VolumeSizeInGB: 10'));
    assert.ok(names.includes('InstanceType'));
    assert.ok(!names.includes('InstanceCount'));
  });

  test('siblings the parser misreads around a half-typed key are still left out', () => {
    // `Inst` and the next line read as one multi-line key `Inst VolumeSizeInGB`.
    const names = labels(TASK('      ResourceConfig:\n        InstanceCount: 1\n        Inst‸\n        VolumeSizeInGB: 10\n      RoleArn: r'));
    assert.ok(names.includes('InstanceType'));
    assert.ok(!names.includes('VolumeSizeInGB') && !names.includes('InstanceCount'));
    // Another item's keys do not count, the item's own keys do.
    const items = '      InputDataConfig:\n        - ChannelName: a\n          CompressionType: Gzip\n';
    assert.ok(labels(TASK(items + '        - Chan‸\n          ContentType: csv')).includes('CompressionType'));
    assert.ok(!labels(TASK(items + '        - Chan‸\n          ContentType: csv')).includes('ContentType'));
    assert.ok(!labels(TASK(items + '        - ChannelName: b\n          ‸')).includes('ChannelName'));
  });

  test('a neighbouring line with a lone carriage return or a line separator does not break the sibling scan', () => {
    // Found by the fuzz test: the scan threw. (A lone \r is a line break to YAML, so the document reads differently.)
    assert.doesNotThrow(() => labels(TASK('      ResourceConfig:\n        a\rb: 1\n        Inst‸')));
    assert.ok(labels(TASK('      ResourceConfig:\n        x\u2028y: 1\n        Inst‸')).includes('InstanceType'));
  });

  test('CRLF documents: nested lines use CRLF', () => {
    const text = TASK('      ‸').replace(/\n/g, '\r\n');
    assert.equal(item(text, 'OutputDataConfig').newText, 'OutputDataConfig:\r\n        S3OutputPath: $1');
  });

  test('the empty line right under `ResourceConfig:`', () => {
    const names = labels(TASK('      ResourceConfig:\n        ‸'));
    assert.ok(names.includes('InstanceType') && names.includes('VolumeSizeInGB'));
    assert.ok(!names.includes('RoleArn'));
    // Less indented: a key of Parameters again.
    assert.ok(labels(TASK('      ResourceConfig:\n        InstanceCount: 1\n      ‸')).includes('RoleArn'));
  });

  test('scalars: `Key: ` and a typed placeholder', () => {
    const at = TASK('      ResourceConfig:\n        Vol‸');
    assert.equal(item(at, 'VolumeSizeInGB').newText, 'VolumeSizeInGB: ${1:0}');
    assert.equal(item(at, 'InstanceType').newText, 'InstanceType: $1');
    assert.equal(item(at, 'VolumeSizeInGB.$').newText, 'VolumeSizeInGB.$: "\\$.${1}"');
    const top = TASK('      ‸');
    assert.equal(item(top, 'EnableNetworkIsolation').newText, 'EnableNetworkIsolation: ${1|true,false|}');
    assert.equal(item(TASK('      AlgorithmSpecification:\n        ‸'), 'TrainingInputMode').newText, 'TrainingInputMode: ${1|Pipe,File,FastFile|}');
  });

  test('structures and lists: a nested block with the required members, indented from the key', () => {
    const top = TASK('      ‸');
    const out = item(top, 'OutputDataConfig');
    assert.equal(out.newText, 'OutputDataConfig:\n        S3OutputPath: $1');
    assert.equal(out.insertTextMode, 1, 'indentation is absolute: inserted as is');
    assert.equal(item(top, 'StoppingCondition').newText, 'StoppingCondition:\n        $1');
    assert.equal(item(top, 'HyperParameters').newText, 'HyperParameters:\n        $1');
    assert.equal(item(top, 'Tags').newText, 'Tags:\n        - Key: $1\n          Value: $2');
    const transform = TASK('      ‸', 'arn:aws:states:::sagemaker:createTransformJob.sync');
    assert.equal(
      item(transform, 'TransformInput').result,
      TASK(
        '      TransformInput:\n        DataSource:\n          S3DataSource:\n            S3DataType: ${1|ManifestFile,S3Prefix,AugmentedManifestFile,Converse|}\n            S3Uri: $2',
        'arn:aws:states:::sagemaker:createTransformJob.sync',
      ),
    );
  });

  test('the cursor inside an existing key: only the name is replaced, the colon kept', () => {
    const r = item(TASK('      ResourceConfig:\n        Instance‸Count: 1'), 'InstanceType');
    assert.equal(r.newText, 'InstanceType');
    assert.equal(r.result, TASK('      ResourceConfig:\n        InstanceType: 1'));
  });

  test('the cursor at the start of an existing key: a new member before it, that member kept (as JSON does)', () => {
    const block = TASK('      ResourceConfig:\n        InstanceCount: 1\n        ‸InstanceType: ml.m5.xlarge');
    assert.ok(!labels(block).includes('InstanceType'));
    assert.equal(item(block, 'KeepAlivePeriodInSeconds').result, TASK('      ResourceConfig:\n        InstanceCount: 1\n        KeepAlivePeriodInSeconds: ${1:0}\n        InstanceType: ml.m5.xlarge'));
    // The first key of a list item: the new member takes its place after `- `, the old one on the next line at its column.
    assert.equal(item(TASK('      InputDataConfig:\n        - ‸ChannelName: train'), 'ContentType').result, TASK('      InputDataConfig:\n        - ContentType: $1\n          ChannelName: train'));
    const flow = TASK('      ResourceConfig: { InstanceCount: 2, ‸InstanceType: ml.m5.xlarge }');
    assert.ok(!labels(flow).includes('InstanceType'));
    assert.equal(item(flow, 'KeepAlivePeriodInSeconds').result, TASK('      ResourceConfig: { InstanceCount: 2, KeepAlivePeriodInSeconds: ${1:0}, InstanceType: ml.m5.xlarge }'));
  });

  test('a key typed in quotes keeps its quotes', () => {
    const r = item(TASK('      ResourceConfig:\n        "Inst‸"'), 'InstanceCount');
    assert.equal(r.filterText, '"InstanceCount');
    assert.equal(r.result, TASK('      ResourceConfig:\n        "InstanceCount": ${1:0}'));
  });

  test('inside a flow mapping: flow values', () => {
    const at = TASK('      ResourceConfig: { InstanceCount: 1, ‸ }');
    assert.ok(!labels(at).includes('InstanceCount'));
    assert.equal(item(at, 'VolumeSizeInGB').newText, 'VolumeSizeInGB: ${1:0}');
    // (InstanceGroups beside InstanceCount is offered last, as the other form: a list of another name here.)
    assert.equal(item(at, 'InstancePreferences').newText, 'InstancePreferences: [ $1 ]');
    assert.equal(item(TASK('      ‸').replace('Parameters:\n      ', 'Parameters: { '), 'ResourceConfig').newText, 'ResourceConfig: { $1 }');
  });

  test('an item of a list of structures', () => {
    const names = labels(TASK('      InputDataConfig:\n        - ChannelName: train\n          Data‸'));
    assert.ok(names.includes('DataSource') && !names.includes('ChannelName'));
    assert.ok(labels(TASK('      InputDataConfig:\n        - Chan‸')).includes('ChannelName'));
  });

  test('no .$ variants in JSONata states', () => {
    const text = TASK('      ‸').replace('Type: Task', 'Type: Task\n    QueryLanguage: JSONata').replace('Parameters:', 'Arguments:');
    const names = labels(text);
    assert.ok(names.includes('RoleArn'));
    assert.ok(!names.some((l) => l.endsWith('.$')));
  });

  test('a plain yaml document with StartAt and States', () => {
    assert.ok(labels(TASK('      ResourceConfig:\n        ‸'), 'yaml').includes('InstanceType'));
  });

  test('no request members outside SageMaker payloads, under a .$ key, or in a comment', () => {
    assert.deepEqual(labels(TASK('      ‸').replace('createTrainingJob.sync', '').replace('sagemaker:', 'lambda:invoke')), []);
    // At the state's own level: the state's fields (asl/completion.ts), not the request's members.
    const state = labels(`${HEAD()}    ‸`);
    assert.ok(state.includes('Parameters') && state.includes('Next') && !state.includes('TrainingJobName') && !state.includes('Type'), state.join());
    assert.deepEqual(labels(TASK('      ResourceConfig.$: $.rc\n      Foo:\n        ‸')), []);
    assert.deepEqual(labels(TASK('      # Inst‸')), []);
  });
});

describe('values', () => {
  test('every instance type after `InstanceType: `, plain', () => {
    const { items, text } = complete(TASK('      ResourceConfig:\n        InstanceType: ‸'));
    assert.ok(items.length > 200);
    const p4 = items.find((i) => i.label === 'ml.p4d.24xlarge')!;
    assert.equal(text(p4), TASK('      ResourceConfig:\n        InstanceType: ml.p4d.24xlarge'));
  });

  test('a value being typed is replaced, also before the next line', () => {
    const r = item(TASK('      ResourceConfig:\n        InstanceType: ml.m5‸\n        InstanceCount: 1'), 'ml.m5.xlarge');
    assert.equal(r.result, TASK('      ResourceConfig:\n        InstanceType: ml.m5.xlarge\n        InstanceCount: 1'));
  });

  test('quotes the user started are kept', () => {
    const r = item(TASK('      ResourceConfig:\n        InstanceType: "ml.m5‸"'), 'ml.m5.large');
    assert.equal(r.result, TASK('      ResourceConfig:\n        InstanceType: "ml.m5.large"'));
    assert.equal(r.filterText, '"ml.m5.large');
  });

  test('inside a flow mapping', () => {
    const r = item(TASK('      ResourceConfig: { InstanceCount: 1, InstanceType: ml.m5‸ }'), 'ml.m5.large');
    assert.equal(r.result, TASK('      ResourceConfig: { InstanceCount: 1, InstanceType: ml.m5.large }'));
  });

  test('enum values of a small enum, booleans', () => {
    assert.deepEqual(labels(TASK('      AlgorithmSpecification:\n        TrainingInputMode: ‸')), ['Pipe', 'File', 'FastFile']);
    assert.deepEqual(labels(TASK('      EnableNetworkIsolation: ‸')), ['true', 'false']);
    assert.equal(item(TASK('      EnableNetworkIsolation: tr‸'), 'true').result, TASK('      EnableNetworkIsolation: true'));
  });

  test('values that need quotes in YAML are quoted: Off reads as false in YAML 1.1', () => {
    const at = TASK(
      '      HyperParameterTuningJobConfig:\n        TrainingJobEarlyStoppingType: ‸',
      'arn:aws:states:::sagemaker:createHyperParameterTuningJob.sync',
    );
    assert.equal(item(at, 'Off').newText, '"Off"');
    assert.equal(item(at, 'Auto').newText, 'Auto');
    const key = TASK('      HyperParameterTuningJobConfig:\n        TrainingJobEarly‸', 'arn:aws:states:::sagemaker:createHyperParameterTuningJob.sync');
    assert.equal(item(key, 'TrainingJobEarlyStoppingType').newText, 'TrainingJobEarlyStoppingType: ${1|"Off",Auto|}');
  });

  test('a bare word on the line under its key is the key\'s value', () => {
    const r = item(TASK('      ResourceConfig:\n        InstanceType:\n          ml.m5‸'), 'ml.m5.large');
    assert.equal(r.result, TASK('      ResourceConfig:\n        InstanceType:\n          ml.m5.large'));
  });

  test('right after the colon a space is added', () => {
    const r = item(TASK('      ResourceConfig:\n        InstanceType:‸'), 'ml.m5.large');
    assert.equal(r.result, TASK('      ResourceConfig:\n        InstanceType: ml.m5.large'));
  });

  test('nothing after a .$ key', () => {
    assert.deepEqual(labels(TASK('      ResourceConfig:\n        InstanceType.$: ‸')), []);
  });
});

describe('a new list item', () => {
  test('an empty line under a list of structures: "- " and the item\'s required members, aligned under it', () => {
    const it = item(TASK('      Tags:\n        ‸'), '- (new item)');
    assert.equal(it.newText, '- Key: $1\n          Value: $2');
    assert.equal(it.insertTextMode, 1 /* asIs */);
  });
  test('a list of strings: "- " and a placeholder; nothing of the kind under a map (its keys are free)', () => {
    assert.equal(item(TASK('      VpcConfig:\n        Subnets:\n          ‸'), '- (new item)').newText, '- $1');
    assert.deepEqual(labels(TASK('      HyperParameters:\n        ‸')), []);
  });
});

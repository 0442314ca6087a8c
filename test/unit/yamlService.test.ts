import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stringify } from 'yaml';
import { findings, machine, service, doc, training } from './helpers';

/** The same machine as JSON and as YAML: the same findings, each on the same value in its own syntax. */
function both(payload: unknown) {
  const json = machine(payload);
  const yaml = stringify(JSON.parse(json));
  const unquote = (s: string) => s.replace(/^"|"$/g, '');
  const strip = (f: { code: string; at: string; message: string }) => ({ code: f.code, at: unquote(f.at), message: f.message });
  return { json: findings(json).map(strip), yaml: findings(yaml, { languageId: 'asl-yaml' }).map(strip), yamlText: yaml };
}

test('a YAML state machine gets the findings of the same machine in JSON, on its own text', () => {
  const { json, yaml } = both(training({ TrainingJobName: 'churn_xgb', ResourceConfig: { InstanceCount: 1, InstanceType: 'ml.m5.larg', VolumeSizeInGB: 10 } }));
  assert.deepEqual(json.map((f) => [f.code, f.at]), [["pattern", "churn_xgb"], ["enum-value", "ml.m5.larg"]]);
  assert.deepEqual(yaml, json);
});

test('state names Yes and No are strings in YAML (1.2), so a Choice between them is a valid machine', () => {
  const text = [
    'StartAt: Check',
    'States:',
    '  Check:',
    '    Type: Choice',
    '    Choices:',
    '      - Variable: $.ok',
    '        BooleanEquals: true',
    '        Next: Yes',
    '    Default: No',
    '  Yes:',
    '    Type: Succeed',
    '  No:',
    '    Type: Fail',
    '',
  ].join('\n');
  const d = doc(text, 'asl-yaml');
  assert.deepEqual(service.validate(d), []);
  assert.equal(service.parse(d).root?.children?.[1].children?.[1].children?.[1].children?.[0].value, 'Yes');
});

test('a YAML syntax error: one diagnostic from source yaml', () => {
  const d = doc('StartAt: A\nStates:\n  A: {Type: Pass, End: true\n', 'asl-yaml');
  assert.deepEqual(service.validate(d).map((p) => [p.source, p.code]), [['yaml', 'syntax']]);
});

test('hover on a YAML key of a SageMaker payload', () => {
  const { yamlText } = both(training({}));
  const d = doc(yamlText, 'asl-yaml');
  const hover = service.doHover(d, d.positionAt(yamlText.indexOf('InstanceType') + 3));
  assert.match(JSON.stringify(hover?.contents ?? ''), /InstanceType/);
  assert.deepEqual(hover?.range && [d.offsetAt(hover.range.start), d.offsetAt(hover.range.end)], [yamlText.indexOf('InstanceType'), yamlText.indexOf('InstanceType') + 'InstanceType'.length]);
});

test('a state named null (a null key) is the state "null", as js-yaml and PyYAML convert the file to JSON', () => {
  assert.deepEqual(service.validate(doc('StartAt: "null"\nStates:\n  null:\n    Type: Succeed\n', 'asl-yaml')), []);
  assert.deepEqual(service.validate(doc('StartAt: "null"\nStates:\n  ~:\n    Type: Succeed\n', 'asl-yaml')), []);
});

test('a state machine file of more than one YAML document: an error on each other one, and the machine read is checked (an empty first one passed over)', () => {
  const found = (text: string, languageId = 'asl-yaml') => service.validate(doc(text, languageId)).map((p) => [p.severity, p.code, text.slice(p.offset, p.offset + p.length)]);
  assert.deepEqual(found('---\n---\nStartAt: A\nStates:\n  A:\n    Type: Tusk\n    End: true\n'), [
    ['error', 'asl-unknown-state-type', 'Tusk'],
    ['error', 'multiple-documents', '---'],
  ]);
  assert.deepEqual(found('StartAt: A\nStates:\n  A:\n    Type: Succeed\n---\nStartAt: X\n'), [['error', 'multiple-documents', '---']]);
  assert.match(service.validate(doc('StartAt: A\nStates:\n  A:\n    Type: Succeed\n---\nStartAt: X\n', 'asl-yaml'))[0].message, /A state machine file holds one YAML document/);
  // A plain YAML file that is a machine too; one that is none (Kubernetes manifests) gets nothing.
  assert.deepEqual(found('StartAt: A\nStates:\n  A:\n    Type: Succeed\n---\nb: 1\n', 'yaml'), [['error', 'multiple-documents', '---']]);
  assert.deepEqual(found('kind: Service\n---\nkind: Deployment\n', 'yaml'), []);
  // A template is left to its own readers: its machine is checked, its other documents not judged.
  const template = 'Resources:\n  M:\n    Type: AWS::StepFunctions::StateMachine\n    Properties:\n      Definition:\n        StartAt: A\n        States:\n          A:\n            Type: Tusk\n            End: true\n';
  assert.deepEqual(found(`---\n---\n${template}---\nb: 1\n`, 'yaml'), [['error', 'asl-unknown-state-type', 'Tusk']]);
});

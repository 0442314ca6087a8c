// Definitions written for text substitution (SAM DefinitionSubstitutions, CloudFormation, Terraform's
// templatefile()): `${x}` is replaced as text before Step Functions parses the JSON, so real files write it
// unquoted where a value belongs and inside JSONata. Those are placeholders, not syntax errors; the rest is checked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { doc, service, VALID_TRAINING } from './helpers';
import { parseJson } from '../../server/src/service/json/parse';

const all = (text: string, languageId = 'asl') =>
  service.validate(doc(text, languageId)).map((p) => ({ code: p.code, severity: p.severity, at: text.slice(p.offset, p.offset + p.length) }));

const withTask = (payload: string, extra = '') => `{
  "Comment": "deployed with DefinitionSubstitutions",
  "StartAt": "Train",
  "TimeoutSeconds": \${totalExecutionTimeout},
  "States": {
    "Train": {
      "Type": "Task",
      "Resource": "arn:\${AWS::Partition}:states:::sagemaker:createTrainingJob.sync",
      "Parameters": ${payload},
      "TimeoutSeconds": \${trainTimeout},
      "End": true
    }${extra}
  }
}`;

const payload = (patch: Record<string, string>) => {
  const members = Object.entries({ ...VALID_TRAINING }).map(([k, v]) => [k, JSON.stringify(v)]);
  for (const [k, v] of Object.entries(patch)) {
    const at = members.findIndex(([m]) => m === k);
    if (at >= 0) members[at][1] = v;
    else members.push([k, v]);
  }
  return `{ ${members.map(([k, v]) => `"${k}": ${v}`).join(', ')} }`;
};

test('an unquoted ${…} where a value belongs is a placeholder value: no syntax error, no type error', () => {
  const text = withTask(payload({ EnableNetworkIsolation: '${isolate}', ResourceConfig: '{ "InstanceCount": ${count}, "InstanceType": "ml.m5.large", "VolumeSizeInGB": 10 }' }));
  assert.deepEqual(all(text), []);
});

test('the placeholder node spans the placeholder as written and reads as it', () => {
  const text = '{ "TimeoutSeconds": ${totalExecutionTimeout}, "Other": "${quoted}" }';
  const parsed = parseJson(text, false);
  assert.deepEqual(parsed.syntaxErrors, []);
  const value = parsed.root!.children![0].children![1];
  assert.equal(value.type, 'string');
  assert.equal(value.value, '${totalExecutionTimeout}');
  assert.equal(text.slice(value.offset, value.offset + value.length), '${totalExecutionTimeout}');
  assert.equal(parsed.root!.children![1].children![1].value, '${quoted}');
});

test('everything else in a text-substituted definition is still checked, at its own place', () => {
  const text = withTask(payload({ EnableNetworkIsolation: '${isolate}', ResourceConfig: '{ "InstanceCount": 1, "InstanceType": "ml.m5.larg", "VolumeSizeInGB": 10 }' }));
  assert.deepEqual(all(text).map((f) => [f.code, f.at]), [['enum-value', '"ml.m5.larg"']]);
});

test('a real syntax error next to a bare placeholder is still one', () => {
  const text = withTask(payload({ EnableNetworkIsolation: '${isolate}' })).replace('"End": true', '"End": true,,');
  const found = all(text);
  assert.equal(found.length, 1);
  assert.equal(found[0].code, 'syntax');
});

test('a ${…} that is not a whole value, or is unterminated, stays a syntax error', () => {
  for (const bad of ['{ "A": ${x}${y} }', '{ "A": ${x }', '{ "A": ${} }', '{ "A": $x }']) {
    assert.equal(parseJson(bad, false).syntaxErrors.length, 1, bad);
  }
});

test('${…} inside strings and comments is left as written (JSONC)', () => {
  const text = '// ${not a value}\n{ "A": "${x}", /* ${y} */ "B": ${z} }';
  const parsed = parseJson(text, true);
  assert.deepEqual(parsed.syntaxErrors, []);
  assert.deepEqual(parsed.root!.children!.map((p) => p.children![1].value), ['${x}', '${z}']);
});

test('a ${…} inside {% %} is a placeholder, not JSONata to parse; the rest of the expression is still checked', () => {
  const machine = (condition: string) => `{
  "QueryLanguage": "JSONata",
  "StartAt": "Check",
  "States": {
    "Check": { "Type": "Choice", "Choices": [ { "Condition": ${JSON.stringify(condition)}, "Next": "Done" } ], "Default": "Done" },
    "Done": { "Type": "Succeed" }
  }
}`;
  assert.deepEqual(all(machine('{% ${IsEnabled} = true %}')), []);
  assert.deepEqual(all(machine("{% $states.input.stage = '${Stage}' and ${Flag} %}")), []);
  const broken = machine('{% ${IsEnabled} = = true %}');
  const found = all(broken);
  assert.deepEqual(found.map((f) => f.code), ['invalid-jsonata']);
  assert.equal(found[0].at, '=');
});

test('a JSONata Arguments payload with placeholders inside its expressions is checked around them', () => {
  const text = `{
  "QueryLanguage": "JSONata",
  "StartAt": "Train",
  "States": {
    "Train": {
      "Type": "Task",
      "Resource": "arn:aws:states:::sagemaker:createTrainingJob.sync",
      "Arguments": ${payload({ TrainingJobName: '"{% \'${Prefix}-\' & $states.input.id %}"', HyperParameters: '{ "epochs": ${epochs} }' })},
      "End": true
    }
  }
}`;
  assert.deepEqual(all(text), []);
});

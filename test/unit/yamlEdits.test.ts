import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parse } from 'yaml';
import { isInFlow, yamlInsertMembers, yamlScalar } from '../../server/src/service/yaml/edits';
import { parseYamlDocument } from '../../server/src/service/yaml/parseYaml';
import type { AstNode, OffsetEdit } from '../../server/src/service/core/types';

const core = (text: string) => parse(text, { version: '1.2', schema: 'core' });
const apply = (text: string, e: OffsetEdit) => text.slice(0, e.offset) + e.newText + text.slice(e.offset + e.length);

/** The node at a path of keys and indices. */
function nodeAt(text: string, ...path: (string | number)[]): AstNode {
  let node = parseYamlDocument(text).root!;
  for (const seg of path) {
    node = typeof seg === 'number' ? node.children![seg] : node.children!.find((p) => p.children![0].value === seg)!.children![1];
  }
  return node;
}

test('strings stay plain when they read back the same', () => {
  for (const s of ['ml.m5.large', 'File', 'arn:aws:sagemaker:us-east-1:111122223333:role/x', '$.input.name', 'States.Format(\'{}\', $.x)', 'a#b', 's3://bucket/key', 'TrainingJobName.$']) {
    assert.equal(yamlScalar(s), s);
  }
});

test('strings that would read as another type or another string are quoted', () => {
  assert.deepEqual(
    ['123', '1.5', '1e3', '0x1F', '0o17', '.inf', 'true', 'False', 'null', '~', '', ' lead', 'trail ', 'a: b', 'a #b', 'end:', '- x', '? x', '[x]', '{x}', '*ref', '&a', '!tag', '|', '>', '%', '@x', '`x', "'q'", '"q"', 'two\nlines'].map((s) => yamlScalar(s)),
    ['"123"', '"1.5"', '"1e3"', '"0x1F"', '"0o17"', '".inf"', '"true"', '"False"', '"null"', '"~"', '""', '" lead"', '"trail "', '"a: b"', '"a #b"', '"end:"', '"- x"', '"? x"', '"[x]"', '"{x}"', '"*ref"', '"&a"', '"!tag"', '"|"', '">"', '"%"', '"@x"', '"`x"', '"\'q\'"', '\'"q"\'', '"two\\nlines"'],
  );
});

test('<< is quoted: as a key it would be a merge key (a state renamed << would vanish into one)', () => {
  assert.equal(yamlScalar('<<'), '"<<"');
  assert.equal(yamlScalar('<<x'), '<<x');
});

test('YAML 1.1 booleans, sexagesimals and dates are quoted too, for 1.1 readers in the pipeline', () => {
  assert.deepEqual(['Yes', 'No', 'on', 'OFF', 'y', '1_000', '12:30', '2024-01-31'].map((s) => yamlScalar(s)), ['"Yes"', '"No"', '"on"', '"OFF"', '"y"', '"1_000"', '"12:30"', '"2024-01-31"']);
});

test('backslashes and double quotes: single quotes keep them readable', () => {
  assert.equal(yamlScalar('^\\d+$'), '^\\d+$');
  assert.equal(yamlScalar('a: \\d'), "'a: \\d'");
  assert.equal(yamlScalar('"hi" it\'s'), `'"hi" it''s'`);
});

test('in flow context, commas and brackets need quotes as well', () => {
  assert.equal(yamlScalar('a,b'), 'a,b');
  assert.equal(yamlScalar('a,b', { flow: true }), '"a,b"');
});

test('numbers, booleans, null, objects and arrays', () => {
  assert.deepEqual([1, -2.5, 1e21, Infinity, -Infinity, NaN, true, false, null, undefined].map((v) => yamlScalar(v)), ['1', '-2.5', '1e+21', '.inf', '-.inf', '.nan', 'true', 'false', 'null', 'null']);
  assert.equal(yamlScalar({ InstanceCount: 1, InstanceType: 'ml.m5.large', Tags: ['a,b', 'Yes'] }), '{ InstanceCount: 1, InstanceType: ml.m5.large, Tags: ["a,b", "Yes"] }');
  assert.equal(yamlScalar({}), '{}');
  assert.equal(yamlScalar([]), '[]');
});

test('round trip: any string, number or value reads back the same, in block and flow context', () => {
  const check = (v: unknown) => {
    assert.deepEqual(core(`v: ${yamlScalar(v)}`), { v });
    assert.deepEqual(core(`v: [${yamlScalar(v, { flow: true })}]`), { v: [v] });
    assert.deepEqual(core(`{${yamlScalar(v, { flow: true })}: 1}`), { [String(v)]: 1 });
  };
  fc.assert(fc.property(fc.string({ unit: 'binary' }), check), { numRuns: 2000 });
  fc.assert(fc.property(fc.string({ unit: fc.constantFrom(...' :#-?,[]{}&*!|>\'"%@`\\\n\t.0123456789eE+xob_yYnN~'.split('')) }), check), { numRuns: 3000 });
  fc.assert(fc.property(fc.double(), (n) => assert.deepEqual(core(`v: ${yamlScalar(n)}`), { v: n })), { numRuns: 1000 });
  fc.assert(fc.property(fc.jsonValue(), (v) => assert.deepEqual(core(`v: ${yamlScalar(v)}`), { v })), { numRuns: 500 });
});

test('members added to a block mapping: new lines at the column of its keys', () => {
  const text = 'ResourceConfig:\n  InstanceCount: 1 # one\nNext: A\n';
  const edit = yamlInsertMembers(text, nodeAt(text, 'ResourceConfig'), [['InstanceType', 'ml.m5.large'], ['VolumeSizeInGB', 10]]);
  assert.equal(apply(text, edit), 'ResourceConfig:\n  InstanceCount: 1 # one\n  InstanceType: ml.m5.large\n  VolumeSizeInGB: 10\nNext: A\n');
});

test('members added to a mapping in a sequence item, and nested values as blocks', () => {
  const text = 'Catch:\n  - ErrorEquals: [States.ALL]\n';
  const edit = yamlInsertMembers(text, nodeAt(text, 'Catch', 0), [['Next', 'Yes'], ['Result', { a: 1, b: ['x', { c: 2, d: 3 }] }]]);
  const after = apply(text, edit);
  assert.equal(after, 'Catch:\n  - ErrorEquals: [States.ALL]\n    Next: "Yes"\n    Result:\n      a: 1\n      b:\n        - x\n        - c: 2\n          d: 3\n');
  assert.deepEqual(core(after), { Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Yes', Result: { a: 1, b: ['x', { c: 2, d: 3 }] } }] });
});

test('members added to a key with no value yet, or null: it becomes a mapping', () => {
  const text = 'Train:\n  Parameters:\n  End: true\n';
  const prop = nodeAt(text, 'Train').children![0];
  assert.equal(apply(text, yamlInsertMembers(text, prop, [['RoleArn', 'arn:aws:iam::1:role/x']])), 'Train:\n  Parameters:\n    RoleArn: arn:aws:iam::1:role/x\n  End: true\n');
  const withNull = 'Parameters: null\n';
  assert.equal(apply(withNull, yamlInsertMembers(withNull, parseYamlDocument(withNull).root!.children![0], [['A', 1]])), 'Parameters:\n  A: 1\n');
});

test('members added to a flow mapping: after its last entry, or inside empty braces', () => {
  const text = 'ResourceConfig: { InstanceCount: 1 }\nEmpty: {}\n';
  assert.equal(apply(text, yamlInsertMembers(text, nodeAt(text, 'ResourceConfig'), [['InstanceType', 'ml.m5.large'], ['Note', 'a, b']])), 'ResourceConfig: { InstanceCount: 1, InstanceType: ml.m5.large, Note: "a, b" }\nEmpty: {}\n');
  assert.equal(apply(text, yamlInsertMembers(text, nodeAt(text, 'Empty'), [['A', true]])), 'ResourceConfig: { InstanceCount: 1 }\nEmpty: { A: true }\n');
});

test('Windows line ends and the document\'s indentation step (4 spaces) are kept', () => {
  const text = 'A:\r\n    B:\r\n        C: 1\r\n';
  assert.equal(apply(text, yamlInsertMembers(text, nodeAt(text, 'A'), [['D', { E: 2 }]])), 'A:\r\n    B:\r\n        C: 1\r\n    D:\r\n        E: 2\r\n');
});

test('isInFlow: whether a value is written in flow context', () => {
  const text = 'a: { b: [1] }\nc: 2\n';
  assert.equal(isInFlow(text, nodeAt(text, 'a', 'b', 0)), true);
  assert.equal(isInFlow(text, nodeAt(text, 'c')), false);
});

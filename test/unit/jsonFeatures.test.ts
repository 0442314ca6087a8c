import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { doc, service } from './helpers';

const MINIFIED = '{"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}}';

test('formatting a JSON state machine', () => {
  const d = doc(MINIFIED);
  const edits = service.format(d, undefined, { tabSize: 2, insertSpaces: true });
  assert.equal(TextDocument.applyEdits(d, edits), '{\n  "StartAt": "A",\n  "States": {\n    "A": {\n      "Type": "Pass",\n      "End": true\n    }\n  }\n}');
});

test('formatting is declined where it would write millions of spaces (nesting 1,999 deep in 4 kB), not a 2,000-state machine (whose many edits come back as one)', () => {
  const deep = doc('{"StartAt":"A","States":{"A":{"Type":"Pass","End":true,"Result":' + '['.repeat(1990) + ']'.repeat(1990) + '}}}');
  assert.deepEqual(service.format(deep, undefined, { tabSize: 4, insertSpaces: true }), []);
  const states: Record<string, unknown> = {};
  for (let i = 0; i < 2000; i++) states[`S${i}`] = { Type: 'Pass', Parameters: { a: { b: [1, 2, { c: 'd' }] } }, Next: `S${i + 1}` };
  states.S2000 = { Type: 'Succeed' };
  const big = doc(JSON.stringify({ StartAt: 'S0', States: states }));
  // Tens of thousands of edits come back as one (sending and applying them each took the editor over a second),
  // with the same text as the formatted document.
  const edits = service.format(big, undefined, { tabSize: 4, insertSpaces: true });
  assert.equal(edits.length, 1);
  assert.equal(TextDocument.applyEdits(big, edits), JSON.stringify({ StartAt: 'S0', States: states }, null, 4));
  // A few edits stay as they are.
  assert.equal(service.format(doc(MINIFIED), undefined, { tabSize: 2, insertSpaces: true }).length, 13);
});

test('folding ranges of each object', () => {
  const d = doc('{\n  "StartAt": "A",\n  "States": {\n    "A": {\n      "Type": "Pass",\n      "End": true\n    }\n  }\n}');
  assert.deepEqual(service.getFoldingRanges(d)!.map((r) => [r.startLine, r.endLine]), [[3, 5], [2, 6], [0, 7]]);
});

test('a YAML machine folds each member and list item over more than one line; a file that is none gets null, the editor\'s own folding (ux42)', () => {
  const yaml = 'StartAt: A\nStates:\n  A:\n    Type: Task\n    Resource: arn:aws:states:::lambda:invoke\n    Retry:\n      - ErrorEquals:\n          - States.ALL\n        MaxAttempts: 2\n    End: true\n';
  const ranges = service.getFoldingRanges(doc(yaml, 'asl-yaml'))!.map((r) => [r.startLine, r.endLine]);
  assert.deepEqual(ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]), [[1, 9], [2, 9], [5, 8], [6, 8], [6, 7]]);
  assert.equal(service.getFoldingRanges(doc('services:\n  web:\n    image: nginx\n', 'yaml')), null);
  // Smart selection: the value, its member, the mapping, up (ux42: none in YAML).
  const d = doc(yaml, 'asl-yaml');
  const chain: string[] = [];
  for (let s: any = service.getSelectionRanges(d, [d.positionAt(yaml.indexOf('States.ALL') + 3)])[0]; s; s = s.parent) chain.push(d.getText(s.range));
  assert.deepEqual(chain.slice(0, 4), ['States.ALL', '- States.ALL', 'ErrorEquals:\n          - States.ALL', '- ErrorEquals:\n          - States.ALL\n        MaxAttempts: 2'.slice(2)]);
  assert.equal(service.getFoldingRanges(doc('{\n  "name": "x"\n}', 'json')), null);
});

test('no JSON features for files that are not state machines', () => {
  const d = doc('{"name":"x"}', 'json');
  assert.deepEqual(service.format(d, undefined, { tabSize: 2, insertSpaces: true }), []);
});

test('smart selection, read off the parsed tree, gives what vscode-json-languageservice gives at every offset (comments, commas, arrays, nesting)', async () => {
  const { getLanguageService } = await import('vscode-json-languageservice');
  const json = getLanguageService({});
  const text = '{\n  "Comment": "a", // note\n  "StartAt": "A",\n  "States": {\n    "A": { "Type": "Pass", "Result": [1, [true, null], {"k": "v"}], "End": true }\n  }\n}\n';
  const d = doc(text);
  const positions = Array.from({ length: text.length + 1 }, (_, o) => d.positionAt(o));
  // As sent: JSON.
  const wire = (x: unknown) => JSON.parse(JSON.stringify(x));
  assert.deepEqual(wire(service.getSelectionRanges(d, positions)), wire(json.getSelectionRanges(d, positions, json.parseJSONDocument(d))));
});

test('smart selection in a JSON template is the text\'s (its tree holds substitutions followed in place: the library parses the text), and a thousand positions at most are answered in full (review)', async () => {
  const { getLanguageService } = await import('vscode-json-languageservice');
  const json = getLanguageService({});
  const wire = (x: unknown) => JSON.parse(JSON.stringify(x));
  const template = JSON.stringify({
    Resources: {
      M: {
        Type: 'AWS::StepFunctions::StateMachine',
        Properties: {
          DefinitionSubstitutions: { Itype: 'ml.m5.large' },
          Definition: { StartAt: 'A', States: { A: { Type: 'Task', Resource: { 'Fn::Sub': 'arn:${AWS::Partition}:states:::sagemaker:createTransformJob' }, Parameters: { TransformResources: { InstanceType: '${Itype}', InstanceCount: 1 } }, End: true } } },
        },
      },
    },
  }, null, 1);
  const d = TextDocument.create('file:///w/template.json', 'json', 1, template);
  const positions = Array.from({ length: template.length + 1 }, (_, o) => d.positionAt(o));
  assert.deepEqual(wire(service.getSelectionRanges(d, positions)), wire(json.getSelectionRanges(d, positions, json.parseJSONDocument(d))));
  const m = doc(MINIFIED);
  const many = service.getSelectionRanges(m, Array.from({ length: 5000 }, () => m.positionAt(20)));
  assert.equal(many.length, 5000);
  assert.ok(many[999].parent && !many[1000].parent);
});

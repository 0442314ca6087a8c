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
  // One answer a position, as LSP asks, past the thousand answered in full too (a YAML one gave only the thousand).
  const many = service.getSelectionRanges(d, Array.from({ length: 1500 }, () => d.positionAt(yaml.indexOf('States.ALL'))));
  assert.equal(many.length, 1500);
  assert.ok(many[999].parent && !many[1000].parent);
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

test('a template\'s definition written as JSON in a YAML block scalar folds and selects inside as a .asl.json does, then out through the YAML (ux44)', async () => {
  const { getLanguageService } = await import('vscode-json-languageservice');
  const json = getLanguageService({});
  const wire = (x: unknown) => JSON.parse(JSON.stringify(x));
  const body = [
    '{',
    '  "StartAt": "Train",',
    '  "States": {',
    '    "Train": {',
    '      "Type": "Task",',
    '      "Resource": "arn:${AWS::Partition}:states:::lambda:invoke",',
    '      "Parameters": {',
    '        "FunctionName": "${Fn}",',
    '        "Payload": { "a": [1, 2], "b": {',
    '          "c": true } }',
    '      },',
    '      "Catch": [ {',
    '        "ErrorEquals": ["States.ALL"],',
    '        "Next": "Done"',
    '      } ],',
    '      "Next": "Done"',
    '    },',
    '    "Done": { "Type": "Succeed" }',
    '  }',
    '}',
  ];
  const indented = (n: number) => body.map((l) => ' '.repeat(n) + l).join('\n');
  const templates = [
    `Resources:\n  M:\n    Type: AWS::StepFunctions::StateMachine\n    Properties:\n      DefinitionString: !Sub |\n${indented(8)}\n  Fn:\n    Type: AWS::Lambda::Function\n`,
    `Resources:\n  M:\n    Type: AWS::StepFunctions::StateMachine\n    Properties:\n      DefinitionString:\n        Fn::Sub:\n          - |\n${indented(12)}\n          - { Fn: arn }\n`,
    `Resources:\n  M:\n    Type: AWS::StepFunctions::StateMachine\n    Properties:\n      DefinitionSubstitutions: { Fn: arn }\n      DefinitionString: |-\n${indented(8)}\n`,
  ];
  for (const template of templates) {
    const d = TextDocument.create('file:///w/template.yaml', 'yaml', 1, template);
    const start = template.indexOf('{\n'), end = start + body.join('\n').length + (body.length - 1) * (template.indexOf('{\n') - template.lastIndexOf('\n', start) - 1);
    assert.equal(template.slice(end - 1, end + 1), '}\n');
    // The JSON alone, on the same lines and columns: every other character a space.
    const alone = TextDocument.create('file:///w/alone.json', 'json', 1, [...template].map((c, i) => (c === '\n' || (i >= start && i < end) ? c : ' ')).join(''));
    const lines = (rs: { startLine: number; endLine: number }[]) => rs.map((r) => `${r.startLine}-${r.endLine}`).sort();
    const folds = lines(service.getFoldingRanges(d)!);
    const expected = lines(json.getFoldingRanges(alone));
    assert.equal(expected.length, 5);
    for (const f of expected) assert.ok(folds.includes(f), `${f} in ${folds}`);
    // Only the YAML's own ranges besides, none of them inside the JSON.
    const firstLine = d.positionAt(start).line, lastLine = d.positionAt(end).line;
    for (const f of folds.filter((x) => !expected.includes(x))) assert.ok(Number(f.split('-')[0]) < firstLine || Number(f.split('-')[0]) > lastLine, f);
    // Selection: the library's chain over the JSON, then the YAML holding it, each range holding the one before.
    const positions = Array.from({ length: end - start + 1 }, (_, o) => d.positionAt(start + o));
    const ours = service.getSelectionRanges(d, positions);
    const theirs = json.getSelectionRanges(alone, positions, json.parseJSONDocument(alone));
    positions.forEach((_, i) => {
      const chain = (s: any) => { const out: any[] = []; for (; s; s = s.parent) out.push(wire(s.range)); return out; };
      const a = chain(ours[i]), b = chain(theirs[i]);
      assert.deepEqual(a.slice(0, b.length), b, `at ${start + i}`);
      assert.ok(a.length > b.length);
      for (let k = 1; k < a.length; k++) {
        const [inner, outer] = [a[k - 1], a[k]].map((r) => [d.offsetAt(r.start), d.offsetAt(r.end)]);
        // (Not strictly: the library's own chain gives a range twice at an array's bracket.)
        assert.ok(outer[0] <= inner[0] && inner[1] <= outer[1], `at ${start + i}: ${k}`);
      }
    });
  }
});

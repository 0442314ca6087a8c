// The example execution input (server/src/service/executionInput.ts): which file serves which machine, which
// source wins, what counts as no input; and what the analysis makes of it (dataflow/executionInput.ts).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ExecutionInputs, MAX_EXECUTION_INPUT_BYTES } from '../../server/src/service/executionInput';
import { exampleInputUri } from '../../server/src/machineFiles';
import { getLanguageService } from '../../server/src/service/languageService';
import { machineBaseName } from '../../server/src/machineFiles';

describe('the example input file of a machine', () => {
  test('NAME.input.json beside NAME.asl.json, .asl.yaml, .asl.yml, .asl, .json, .jsonc, .yaml, .yml', () => {
    for (const ext of ['.asl.json', '.asl.yaml', '.asl.yml', '.asl', '.json', '.jsonc', '.yaml', '.yml', '.ASL.JSON']) {
      assert.equal(exampleInputUri(`file:///w/pipelines/train${ext}`), 'file:///w/pipelines/train.input.json', ext);
    }
    assert.equal(exampleInputUri('file:///w/my%20model.asl.yaml'), 'file:///w/my%20model.input.json');
  });

  test('none for other schemes, other files, the example itself, or a URI with a query or fragment', () => {
    for (const uri of ['untitled:Untitled-1', 'vscode-remote://ssh/w/train.asl.json', 'file:///w/train.txt', 'file:///w/train.input.json', 'file:///w/.json', 'file:///w/a.json?x', 'file:///w/a.json#f']) {
      assert.equal(exampleInputUri(uri), undefined, uri);
    }
  });
});

test('one base name for a machine file: the example file\'s, the launch\'s $$.StateMachine.Name and the graph export\'s', () => {
  for (const ext of ['.asl.json', '.asl.yaml', '.asl.yml', '.asl', '.json', '.jsonc', '.yaml', '.yml', '.ASL.JSON', '.Asl.Yaml']) {
    assert.equal(machineBaseName(`/w/pipelines/train${ext}`), 'train', ext);
    assert.equal(machineBaseName(`file:///w/pipelines/train${ext}`), 'train', ext);
    assert.equal(exampleInputUri(`file:///w/pipelines/train${ext}`), `file:///w/pipelines/${machineBaseName(`train${ext}`)}.input.json`, ext);
  }
  // The last machine extension only, and a name with none (or nothing else) stays whole.
  const cases: [string, string][] = [['a.b.asl.json', 'a.b'], ['x.asl.asl', 'x.asl'], ['train.txt', 'train.txt'], ['/w/template', 'template'], ['.asl.json', '.asl.json'], ['/w/.json', '.json'], ['my model.yaml', 'my model']];
  for (const [file, base] of cases) assert.equal(machineBaseName(file), base, file);
});

describe('the execution inputs of the documents', () => {
  const uri = 'file:///w/train.asl.json';

  test('the file wins over the launch; either one taken back leaves the other', () => {
    const inputs = new ExecutionInputs();
    assert.equal(inputs.set(uri, 'launch', '{"a": 1}'), true);
    const launch = inputs.shapeOf(uri);
    assert.equal(launch?.kind === 'object' && launch.open, true);
    assert.equal(inputs.set(uri, 'file', '{"b": 1}'), true);
    const file = inputs.shapeOf(uri);
    assert.deepEqual(file?.kind === 'object' && [[...file.fields.keys()], file.open, file.origin], [['b'], false, 'the execution input in train.input.json']);
    // Another launch input changes nothing while the file is there.
    assert.equal(inputs.set(uri, 'launch', '{"c": 1}'), false);
    assert.equal(inputs.shapeOf(uri), file);
    assert.equal(inputs.set(uri, 'file', undefined), true);
    const back = inputs.shapeOf(uri);
    assert.deepEqual(back?.kind === 'object' && [[...back.fields.keys()], back.origin], [['c'], 'the execution input of the last launch']);
    assert.equal(inputs.set(uri, 'launch', undefined), true);
    assert.equal(inputs.shapeOf(uri), undefined);
  });

  test('the same text again is no change (the shape is kept); text that is not JSON or too large is no input', () => {
    const inputs = new ExecutionInputs();
    inputs.set(uri, 'file', '{"a": 1}');
    const shape = inputs.shapeOf(uri);
    assert.equal(inputs.set(uri, 'file', '{"a": 1}'), false);
    assert.equal(inputs.shapeOf(uri), shape);
    assert.equal(inputs.set(uri, 'file', '{"a": '), true);
    assert.equal(inputs.shapeOf(uri), undefined);
    assert.equal(inputs.set(uri, 'file', '\uFEFF{"a": 1}'), true);
    assert.equal(inputs.shapeOf(uri)?.kind, 'object');
    // Counted in UTF-8 bytes: 'é' is two.
    const padding = (n: number) => JSON.stringify({ a: 'é'.repeat(n) });
    const limit = (MAX_EXECUTION_INPUT_BYTES - padding(0).length) / 2;
    assert.equal(inputs.set(uri, 'file', padding(limit)), true);
    assert.equal(inputs.shapeOf(uri)?.kind, 'object');
    assert.equal(inputs.set(uri, 'file', padding(limit + 1)), true);
    assert.equal(inputs.shapeOf(uri), undefined);
  });

  test('the 200 launch inputs set last are kept, the older ones dropped; an open document\'s and a file input never', () => {
    // The editor sends every launch input it remembers, for files that are not open: memory is bounded all the same
    // (2,000 inputs of 240 KB grew a server to 1 GB). An open document's findings rest on its input: it stays.
    const at = (i: number) => `file:///w/m${i}.asl.json`;
    const inputs = new ExecutionInputs((uri) => uri === at(5));
    inputs.set(at(0), 'file', '{"own": 1}');
    for (let i = 0; i < 250; i++) inputs.set(at(i), 'launch', `{"n": ${i}}`);
    inputs.set(at(60), 'launch', '{"again": 1}');
    inputs.set(at(250), 'launch', '{"n": 250}');
    const kept = Array.from({ length: 251 }, (_, i) => i).filter((i) => inputs.shapeOf(at(i)) !== undefined);
    // 0 by its file, 5 open; 51…250: 60, set again, is no longer among the oldest, so 250 pushed 50 out.
    assert.deepEqual(kept, [0, 5, ...Array.from({ length: 200 }, (_, i) => i + 51)]);
    const own = inputs.shapeOf(at(0));
    assert.deepEqual(own?.kind === 'object' && [...own.fields.keys()], ['own']);
    inputs.set(at(0), 'file', undefined);
    assert.equal(inputs.shapeOf(at(0)), undefined, 'its launch input was among the oldest');
  });

  test('a deeply nested example is read level by level as paths go into it', () => {
    const inputs = new ExecutionInputs();
    const depth = 40_000;
    assert.equal(inputs.set(uri, 'file', '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)), true);
    let shape = inputs.shapeOf(uri)!;
    for (let i = 0; i < 3; i++) shape = shape.kind === 'object' ? shape.fields.get('a')!.shape() : shape;
    assert.equal(shape.kind, 'object');
  });
});

describe('the service with an example input', () => {
  const text = JSON.stringify({ StartAt: 'P', States: { P: { Type: 'Pass', Parameters: { 'x.$': '$.jobNam' }, End: true } } });

  test('its findings follow the input in effect (the findings of the same parse are worked out again)', () => {
    const service = getLanguageService();
    const doc = TextDocument.create('file:///w/p.asl.json', 'asl', 1, text);
    const codes = () => service.validate(doc).map((p) => [p.code, p.severity]);
    assert.deepEqual(codes(), []);
    service.setExecutionInput(doc.uri, 'file', '{"jobName": "j"}');
    assert.deepEqual(codes(), [['path-not-in-input', 'warning']]);
    service.setExecutionInput(doc.uri, 'file', '{"jobNam": "j"}');
    assert.deepEqual(codes(), []);
    // The launch's input is open: a field it lacks may still be there.
    service.setExecutionInput(doc.uri, 'file', undefined);
    service.setExecutionInput(doc.uri, 'launch', '{"jobName": "j"}');
    assert.deepEqual(codes(), []);
  });

  test('JSONata: $states.input. completes the example fields; a Map over an input list completes its items', () => {
    const service = getLanguageService();
    const jsonata = JSON.stringify({ QueryLanguage: 'JSONata', StartAt: 'P', States: { P: { Type: 'Pass', Output: '{% $states.input. %}', End: true } } });
    const a = TextDocument.create('file:///w/jsonata.asl.json', 'asl', 1, jsonata);
    const complete = (d: TextDocument, after: string) => service.doComplete(d, d.positionAt(d.getText().indexOf(after) + after.length)).map((i) => i.label);
    assert.deepEqual(complete(a, '$states.input.'), []);
    service.setExecutionInput(a.uri, 'file', '{"jobName": "j", "runs": [{"epochs": 1}]}');
    assert.deepEqual(complete(a, '$states.input.'), ['jobName', 'runs']);
    const map = JSON.stringify({
      StartAt: 'Each',
      States: { Each: { Type: 'Map', ItemsPath: '$.runs', ItemProcessor: { StartAt: 'Run', States: { Run: { Type: 'Pass', Parameters: { 'e.$': '$.' }, End: true } } }, End: true } },
    });
    const b = TextDocument.create('file:///w/map.asl.json', 'asl', 1, map);
    service.setExecutionInput(b.uri, 'file', '{"jobName": "j", "runs": [{"epochs": 1}]}');
    assert.deepEqual(complete(b, '"e.$":"$.'), ['epochs']);
  });
});

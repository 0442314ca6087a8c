// The data-flow analysis (server/src/service/dataflow/): the generated output shapes, the shape of each state's
// input through every transformation, in JSON and YAML, and the warnings it gives (none on the corpus that a
// reviewer would call wrong).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from '../../server/src/service/documentStore';
import { dataflowOf } from '../../server/src/service/dataflow/analysis';
import { joinAll, literalShape, typeName, type Shape } from '../../server/src/service/dataflow/shapes';
import { exampleInputShape, isExampleInput } from '../../server/src/service/dataflow/executionInput';
import { validateDataflow } from '../../server/src/service/dataflow/validation';
import { doc, findings, service } from './helpers';

const root = join(__dirname, '..', '..', '..');

test('the committed output shapes are exactly what the generator makes from the model', async () => {
  const { generateOutputs } = await import(join(root, 'schemas', 'generate.mjs'));
  const model = JSON.parse(readFileSync(join(root, 'schemas', 'aws-model', 'sagemaker-2017-07-24.service-2.json'), 'utf8'));
  const outputs = generateOutputs(model);
  assert.equal(readFileSync(join(root, 'schemas', 'sagemaker', 'outputs.json'), 'utf8'), JSON.stringify(outputs) + '\n', 'run npm run schemas');
  assert.deepEqual(outputs.integrations.createTrainingJob, {
    requestResponse: { operation: 'CreateTrainingJob', shape: 'CreateTrainingJobResponse' },
    sync: { operation: 'DescribeTrainingJob', shape: 'DescribeTrainingJobResponse' },
  });
  assert.deepEqual(outputs.integrations.createModel, { requestResponse: { operation: 'CreateModel', shape: 'CreateModelOutput' } });
  assert.equal(Object.keys(outputs.integrations).length, 9);
  assert.equal(outputs.shapes.ModelArtifacts.members.S3ModelArtifacts[0], 'S3Uri');
  assert.match(outputs.shapes.ModelArtifacts.members.S3ModelArtifacts[1], /S3/);
});

test('the committed AWS SDK results are exactly what the generator makes: every operation\'s response, by action', async () => {
  const { generateSdkOutputs } = await import(join(root, 'schemas', 'generate.mjs'));
  const model = JSON.parse(readFileSync(join(root, 'schemas', 'aws-model', 'sagemaker-2017-07-24.service-2.json'), 'utf8'));
  const outputs = generateSdkOutputs(model);
  assert.equal(readFileSync(join(root, 'schemas', 'sagemaker', 'sdk-outputs.json'), 'utf8'), JSON.stringify(outputs) + '\n', 'run npm run schemas');
  assert.deepEqual(outputs.operations.describeTrainingJob, { operation: 'DescribeTrainingJob', shape: 'DescribeTrainingJobResponse' });
  assert.equal(Object.keys(outputs.operations).length, Object.values(model.operations).filter((o: any) => o.input && o.output).length);
  assert.deepEqual(outputs.shapes.DescribeTrainingJobResponse.members.TrainingJobStatus[0], 'TrainingJobStatus');
});

/** A shape in a few characters: `?` unknown, `{a: string, …}` (… when open), `<origin>` for a named result. */
function show(s: Shape, depth = 3): string {
  if (s.kind === 'unknown') return '?';
  if ('origin' in s && s.origin && /result \(/.test(s.origin)) return `<${s.origin}>`;
  if (s.kind === 'primitive') return s.type;
  if (depth === 0) return s.kind;
  if (s.kind === 'array') return s.tuple ? `[${s.tuple.map((t) => show(t, depth - 1)).join(', ')}]` : `${show(s.items, depth - 1)}[]`;
  const fields = [...s.fields].map(([k, f]) => `${k}: ${show(f.shape(), depth - 1)}`);
  if (s.open) fields.push('…');
  return `{${fields.join(', ')}}`;
}

/** The input shape of each named state. */
function inputs(text: string, languageId = 'asl'): Record<string, string> {
  const flow = dataflowOf(parseDocument(text, languageId));
  const out: Record<string, string> = {};
  for (const [s, f] of flow.states) out[s.name] = show(f.input);
  return out;
}

const machine = (states: Record<string, unknown>, startAt = Object.keys(states)[0]) => JSON.stringify({ StartAt: startAt, States: states }, null, 2);
const TRAIN = 'arn:aws:states:::sagemaker:createTrainingJob.sync';

test('an example execution input: a file keeps every object closed, a launch (a hint) leaves every object open, at any depth', () => {
  const value = { a: { b: [{ c: 1 }, 'x'] }, n: null };
  const exact = exampleInputShape(value, 'the file', true), hint = exampleInputShape(value, 'the launch', false);
  assert.equal(show(exact, 6), '{a: {b: [{c: number}, string]}, n: null}');
  assert.equal(show(hint, 6), '{a: {b: [{c: number, …}, string], …}, n: null, …}');
  const origin = (s: Shape) => (s.kind === 'object' ? s.origin : undefined);
  assert.deepEqual([origin(exact), origin(hint), isExampleInput(exact), isExampleInput(hint)], ['the file', 'the launch', true, true]);
});

describe('the shape of each state input', () => {
  test('a .sync training result at ResultPath $.train; the execution input stays unknown', () => {
    const i = inputs(machine({ Train: { Type: 'Task', Resource: TRAIN, Parameters: {}, ResultPath: '$.train', Next: 'B' }, B: { Type: 'Succeed' } }));
    assert.deepEqual(i, { Train: '?', B: "{train: <Train's result (DescribeTrainingJob)>, …}" });
  });

  test('request-response returns the Create… response; ResultPath $ (default) replaces the input', () => {
    const i = inputs(machine({ M: { Type: 'Task', Resource: 'arn:aws:states:::sagemaker:createModel', Parameters: {}, Next: 'B' }, B: { Type: 'Succeed' } }));
    assert.equal(i.B, "<M's result (CreateModel)>");
  });

  test('Pass Result, InputPath, Parameters, ResultPath null, OutputPath', () => {
    const i = inputs(
      machine({
        A: { Type: 'Pass', Result: { a: { b: 1, c: 'x' } }, Next: 'B' },
        B: { Type: 'Pass', InputPath: '$.a', Parameters: { 'x.$': '$.b', y: [1, 'z'] }, Next: 'C' },
        C: { Type: 'Pass', Result: 'ignored', ResultPath: null, Next: 'D' },
        D: { Type: 'Pass', Result: { keep: true }, ResultPath: '$.r', OutputPath: '$.r', Next: 'E' },
        E: { Type: 'Pass', InputPath: null, Next: 'F' },
        F: { Type: 'Succeed' },
      }),
    );
    assert.deepEqual(i, { A: '?', B: '{a: {b: number, c: string}}', C: '{x: number, y: [number, string]}', D: '{x: number, y: [number, string]}', E: '{keep: boolean}', F: '{}' });
  });

  test('ResultSelector picks from the result', () => {
    const i = inputs(
      machine({ T: { Type: 'Task', Resource: TRAIN, Parameters: {}, ResultSelector: { 'uri.$': '$.ModelArtifacts.S3ModelArtifacts', 'name.$': '$.TrainingJobName' }, ResultPath: '$.t', Next: 'B' }, B: { Type: 'Succeed' } }),
    );
    assert.equal(i.B, '{t: {uri: string, name: string}, …}');
  });

  test('a Choice merge joins what arrives: a field from one side only may be there', () => {
    const i = inputs(
      machine({
        Start: { Type: 'Pass', Result: { k: 1 }, Next: 'C' },
        C: { Type: 'Choice', Choices: [{ Variable: '$.k', NumericEquals: 1, Next: 'L' }], Default: 'R' },
        L: { Type: 'Pass', Result: { l: 'x' }, ResultPath: '$.left', Next: 'J' },
        R: { Type: 'Pass', Result: 2, ResultPath: '$.right', Next: 'J' },
        J: { Type: 'Succeed' },
      }),
    );
    assert.equal(i.J, '{k: number, left: {l: string}, right: number}');
    assert.equal(i.L, '{k: number}');
  });

  test('Catch: the error output at the catcher ResultPath, on the state input', () => {
    const i = inputs(
      machine({
        Start: { Type: 'Pass', Result: { k: 1 }, Next: 'T' },
        T: { Type: 'Task', Resource: TRAIN, Parameters: {}, Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'H' }, { ErrorEquals: ['X'], Next: 'H2' }], End: true },
        H: { Type: 'Succeed' },
        H2: { Type: 'Succeed' },
      }),
    );
    assert.equal(i.H, '{k: number, error: {Error: string, Cause: string}}');
    assert.equal(i.H2, '{Error: string, Cause: string}');
  });

  test('Parallel: an array of the branch outputs; each branch starts with the effective input', () => {
    const i = inputs(
      machine({
        Start: { Type: 'Pass', Result: { k: 1 }, Next: 'P' },
        P: {
          Type: 'Parallel',
          Branches: [
            { StartAt: 'B1', States: { B1: { Type: 'Pass', Result: 'one', End: true } } },
            { StartAt: 'B2', States: { B2: { Type: 'Task', Resource: TRAIN, Parameters: {}, End: true } } },
          ],
          Next: 'After',
        },
        After: { Type: 'Succeed' },
      }),
    );
    assert.equal(i.B1, '{k: number}');
    assert.equal(i.After, "[string, <B2's result (DescribeTrainingJob)>]");
  });

  test('Map: each iteration gets an item (or the ItemSelector), the result is an array of their outputs', () => {
    const i = inputs(
      machine({
        Start: { Type: 'Pass', Result: { list: [{ a: 1 }, { a: 2 }] }, Next: 'M' },
        M: { Type: 'Map', ItemsPath: '$.list', ItemProcessor: { StartAt: 'I', States: { I: { Type: 'Pass', Parameters: { 'v.$': '$.a' }, End: true } } }, ResultPath: '$.out', Next: 'After' },
        After: { Type: 'Succeed' },
        M2: { Type: 'Succeed' },
      }),
    );
    assert.equal(i.I, '{a: number}');
    assert.equal(i.After, '{list: [{a: number}, {a: number}], out: {v: number}[]}');
  });

  test('a Distributed Map: batches are {Items, BatchInput}; a ResultWriter that exports makes the result the Map Run, one that only formats an unknown', () => {
    const reader = { Resource: 'arn:aws:states:::s3:getObject', ReaderConfig: { InputType: 'JSON' }, Parameters: { Bucket: 'b', Key: 'k' } };
    const dist = (name: string) => ({ ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, StartAt: name, States: { [name]: { Type: 'Pass', End: true } } });
    const i = inputs(
      machine({
        Start: { Type: 'Pass', Result: { list: [{ a: 1 }] }, Next: 'Batched' },
        Batched: { Type: 'Map', ItemsPath: '$.list', ItemBatcher: { MaxItemsPerBatch: 5 }, ItemProcessor: dist('B1'), ResultPath: null, Next: 'WithInput' },
        WithInput: { Type: 'Map', ItemReader: reader, ItemBatcher: { MaxItemsPerBatch: 5, BatchInput: { k: 1 } }, ItemProcessor: dist('B2'), ResultWriter: { Resource: 'arn:aws:states:::s3:putObject', Parameters: { Bucket: 'b', Prefix: 'p' } }, ResultPath: '$.run', Next: 'Formatted' },
        Formatted: { Type: 'Map', ItemsPath: '$.list', ItemProcessor: dist('B3'), ResultWriter: { WriterConfig: { OutputType: 'JSON', Transformation: 'FLATTEN' } }, ResultPath: '$.flat', Next: 'End' },
        End: { Type: 'Succeed' },
      }),
    );
    assert.equal(i.B1, '{Items: {a: number}[]}');
    assert.equal(i.B2, '{Items: ?[], BatchInput: ?}');
    assert.equal(i.Formatted, '{list: [{a: number}], run: {MapRunArn: string, ResultWriterDetails: {Bucket: string, Key: string, …}, …}}');
    assert.equal(i.End, '{list: [{a: number}], run: {MapRunArn: string, ResultWriterDetails: {Bucket: string, Key: string, …}, …}, flat: ?}');
  });

  test('a Choice sends its input by its rules and Default; its own Next (a field Step Functions rejects) carries nothing', () => {
    const i = inputs(
      machine({
        Start: { Type: 'Pass', Result: { k: 1 }, Next: 'C' },
        C: { Type: 'Choice', Next: 'X', Choices: [{ Variable: '$.k', NumericEquals: 1, Next: 'L' }], Default: 'R' },
        L: { Type: 'Succeed' },
        R: { Type: 'Succeed' },
        X: { Type: 'Succeed' },
      }),
    );
    assert.deepEqual(i, { Start: '?', C: '{k: number}', L: '{k: number}', R: '{k: number}', X: '?' });
  });

  test('JSONata Catch: a catcher without Output passes the error output, one with Output what it makes', () => {
    const i = inputs(
      machine({
        Start: { Type: 'Pass', QueryLanguage: 'JSONata', Output: { k: 1 }, Next: 'T' },
        T: { Type: 'Task', QueryLanguage: 'JSONata', Resource: TRAIN, Arguments: {}, End: true, Catch: [
          { ErrorEquals: ['States.ALL'], Output: { cause: '{% $states.errorOutput.Cause %}', k: '{% $states.input.k %}' }, Next: 'H' },
          { ErrorEquals: ['X'], Next: 'H2' },
        ] },
        H: { Type: 'Succeed' },
        H2: { Type: 'Succeed' },
      }),
    );
    assert.equal(i.H, '{cause: string, k: number}');
    assert.equal(i.H2, '{Error: string, Cause: string}');
  });

  test('a loop: the state it comes back to gets an unknown input', () => {
    const i = inputs(
      machine({
        Start: { Type: 'Pass', Result: { k: 1 }, Next: 'W' },
        W: { Type: 'Wait', Seconds: 1, Next: 'C' },
        C: { Type: 'Choice', Choices: [{ Variable: '$.k', NumericEquals: 1, Next: 'W' }], Default: 'E' },
        E: { Type: 'Succeed' },
      }),
    );
    assert.deepEqual(i, { Start: '?', W: '?', C: '?', E: '?' });
  });

  test('JSONata: Output from $states.result / $states.input paths; Assign makes variables', () => {
    const text = machine({
      Start: { Type: 'Pass', QueryLanguage: 'JSONata', Output: { k: 1 }, Next: 'T' },
      T: { Type: 'Task', QueryLanguage: 'JSONata', Resource: TRAIN, Arguments: {}, Assign: { art: '{% $states.result.ModelArtifacts %}' }, Output: { uri: '{% $states.result.ModelArtifacts.S3ModelArtifacts %}', k: '{% $states.input.k %}', other: '{% $foo() %}' }, Next: 'B' },
      B: { Type: 'Succeed' },
    });
    assert.equal(inputs(text).B, '{uri: string, k: number, other: ?}');
    assert.equal(show(dataflowOf(parseDocument(text, 'asl')).variables.get('art')!), '{S3ModelArtifacts: string}');
  });

  test('YAML reads the same', () => {
    const yaml = ['StartAt: Train', 'States:', '  Train:', '    Type: Task', `    Resource: ${TRAIN}`, '    Parameters: {}', '    ResultPath: $.train', '    Next: B', '  B:', '    Type: Pass', '    InputPath: $.train.ModelArtifacts', '    Next: C', '  C:', '    Type: Succeed', ''].join('\n');
    const i = inputs(yaml, 'asl-yaml');
    assert.equal(i.B, "{train: <Train's result (DescribeTrainingJob)>, …}");
    assert.equal(i.C, '{S3ModelArtifacts: string}');
  });
});

const dataflow = (text: string, languageId = 'asl') => findings(text, { languageId, source: 'dataflow' });

test('a join of many shapes is one level deep: 20,000 Assigns of one variable read without a chain of joins (no stack overflow)', () => {
  const joined = joinAll(Array.from({ length: 20_000 }, (_, i) => literalShape({ info: { a: i, [`k${i % 7}`]: 'v' } })));
  assert.equal(joined.kind, 'object');
  const info = joined.kind === 'object' ? joined.fields.get('info')!.shape() : undefined;
  assert.equal(info?.kind, 'object');
  assert.deepEqual(info?.kind === 'object' ? [...info.fields.keys()].sort() : [], ['a', 'k0', 'k1', 'k2', 'k3', 'k4', 'k5', 'k6']);
  assert.equal(info?.kind === 'object' ? typeName(info.fields.get('a')!.shape()) : undefined, 'number');
});

describe('warnings on paths', () => {
  test("a path through a ResultSelector that renamed the field it reads: the name it gave, with a fix (walk38)", () => {
    const text = machine({
      T: { Type: 'Task', Resource: TRAIN, Parameters: {}, ResultSelector: { 'model.$': '$.ModelArtifacts.S3ModelArtifacts' }, ResultPath: '$.train', Next: 'U' },
      U: { Type: 'Pass', Parameters: { 'uri.$': '$.train.ModelArtifacts.S3ModelArtifacts' }, End: true },
    });
    const [f, ...more] = dataflow(text);
    assert.deepEqual(more, []);
    assert.equal(f.message, "$.train.ModelArtifacts.S3ModelArtifacts: $.train (T's ResultSelector) has no field ModelArtifacts; it puts $.ModelArtifacts.S3ModelArtifacts in model; did you mean $.train.model?");
  });
  test('a payload template that is a template\'s placeholder as a whole (`"ResultSelector": "${Selector}"`) may give anything: no warning after it', () => {
    const text = machine({
      Work: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', ResultSelector: '${Selector}', Next: 'Use' },
      Use: { Type: 'Pass', Parameters: { 'n.$': '$.anything.here' }, End: true },
    });
    assert.deepEqual(dataflow(text), []);
  });
  test('a ResultPath that writes into a value known to be no object: States.ResultPathMatchFailure (the specification\'s runtime errors)', () => {
    const at = (states: Record<string, unknown>) => dataflow(machine(states)).map((f) => [f.code, f.at]);
    // The specification's own example: the input is the string "done".
    assert.deepEqual(at({ Mark: { Type: 'Pass', Result: 'done', Next: 'Stamp' }, Stamp: { Type: 'Pass', Result: 1, ResultPath: '$.stamp', End: true } }), [['result-path-match-failure', '"$.stamp"']]);
    assert.match(dataflow(machine({ Mark: { Type: 'Pass', Result: 'done', Next: 'Stamp' }, Stamp: { Type: 'Pass', Result: 1, ResultPath: '$.stamp', End: true } }))[0].message, /^ResultPath \$\.stamp writes into the state input .*, which is a string, not an object/);
    // A Parallel's output is an array; a catcher's ResultPath writes into the state input too; a field that is a string, further down.
    const branch = { StartAt: 'B', States: { B: { Type: 'Pass', End: true } } };
    assert.deepEqual(at({ Both: { Type: 'Parallel', Branches: [branch, branch], Next: 'Use' }, Use: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: 'f' }, ResultPath: '$.out', Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'Done' }], Next: 'Done' }, Done: { Type: 'Succeed' } }), [
      ['result-path-match-failure', '"$.out"'],
      ['result-path-match-failure', '"$.error"'],
    ]);
    assert.deepEqual(at({ Set: { Type: 'Pass', Result: { a: 'text' }, Next: 'Use' }, Use: { Type: 'Pass', Result: 1, ResultPath: '$.a.b', End: true } }), [['result-path-match-failure', '"$.a.b"']]);
    // Fine: replacing a string field, the whole input, a new field of an object, an unknown input, null (discard the result).
    for (const ok of [
      { Set: { Type: 'Pass', Result: { a: 'text' }, Next: 'Use' }, Use: { Type: 'Pass', Result: 1, ResultPath: '$.a', End: true } },
      { Mark: { Type: 'Pass', Result: 'done', Next: 'Use' }, Use: { Type: 'Pass', Result: 1, ResultPath: '$', End: true } },
      { Set: { Type: 'Pass', Result: { a: 'text' }, Next: 'Use' }, Use: { Type: 'Pass', Result: 1, ResultPath: '$.b.c', End: true } },
      { Use: { Type: 'Pass', Result: 1, ResultPath: '$.x.y', End: true } },
      { Mark: { Type: 'Pass', Result: 'done', Next: 'Use' }, Use: { Type: 'Pass', Result: 1, ResultPath: null, End: true } },
    ]) assert.deepEqual(at(ok), []);
  });
  test('a typo inside a known output shape, with the closest field', () => {
    const text = machine({
      Train: { Type: 'Task', Resource: TRAIN, Parameters: {}, ResultPath: '$.train', Next: 'Model' },
      Model: { Type: 'Task', Resource: 'arn:aws:states:::sagemaker:createModel', Parameters: { ModelName: 'm', ExecutionRoleArn: 'arn:aws:iam::111122223333:role/R', PrimaryContainer: { Image: 'i', 'ModelDataUrl.$': '$.train.ModelArtifacts.S3ModelArtifact' } }, End: true },
    });
    assert.deepEqual(dataflow(text), [
      { code: 'path-not-in-input', severity: 'warning', at: '$.train.ModelArtifacts.S3ModelArtifact', message: "$.train.ModelArtifacts.S3ModelArtifact: $.train.ModelArtifacts (in Train's result (DescribeTrainingJob)) has no field S3ModelArtifact; did you mean $.train.ModelArtifacts.S3ModelArtifacts?" },
    ]);
  });

  test('a suggestion is a typo of the name or the cause, never another field in its place: .sync for a job\'s status, the path without a name an OutputPath selected, no ARN for a name', () => {
    const CREATE = 'arn:aws:states:::sagemaker:createTrainingJob';
    const hints = (states: Record<string, unknown>) => dataflow(machine(states)).map((f) => f.message.replace(/^.*has no field \w+/, ''));
    // Without .sync the result is CreateTrainingJob's (TrainingJobArn): a status or a name is what .sync returns.
    const check = (path: string) => ({
      Train: { Type: 'Task', Resource: CREATE, Parameters: {}, ResultPath: '$.train', Next: 'Check' },
      Check: { Type: 'Choice', Choices: [{ Variable: path, StringEquals: 'Completed', Next: 'Done' }], Default: 'Done' },
      Done: { Type: 'Succeed' },
    });
    assert.deepEqual(hints(check('$.train.TrainingJobStatus')), ['; only the .sync integration waits for the job and returns DescribeTrainingJob, which has it']);
    assert.deepEqual(hints(check('$.train.TrainingJobName')), ['; only the .sync integration waits for the job and returns DescribeTrainingJob, which has it']);
    // CreateModel's result has ModelArn only: an ARN is no model name (no suggestion).
    const model = { Model: { Type: 'Task', Resource: 'arn:aws:states:::sagemaker:createModel', Parameters: {}, ResultPath: '$.model', Next: 'Use' }, Use: { Type: 'Pass', Parameters: { 'name.$': '$.model.ModelName' }, End: true } };
    assert.deepEqual(hints(model), ['']);
    // OutputPath kept ModelArtifacts' value: the path reads it without that name.
    const narrowed = {
      Train: { Type: 'Task', Resource: TRAIN, Parameters: {}, OutputPath: '$.ModelArtifacts', Next: 'Use' },
      Use: { Type: 'Pass', Parameters: { 'url.$': '$.ModelArtifacts.S3ModelArtifacts', 'deep.$': '$.train.ModelArtifacts.S3Uri' }, End: true },
    };
    assert.deepEqual(hints({ ...narrowed, Use: { ...narrowed.Use, Parameters: { 'url.$': '$.ModelArtifacts.S3ModelArtifacts' } } }), ['; did you mean $.S3ModelArtifacts?']);
    // A typo whose field has the rest of the path comes first (not `$.name`, another field the path without it reads).
    const typo = { Init: { Type: 'Pass', Result: { name: 'a', config: { name: 'b' } }, Next: 'Use' }, Use: { Type: 'Pass', Parameters: { 'n.$': '$.confg.name' }, End: true } };
    assert.deepEqual(hints(typo), ['; did you mean $.config.name?']);
    // One common name deep in a known value is no clue to where else it is (CheckpointConfig.S3Uri is no model).
    const deep = { ...narrowed, Train: { Type: 'Task', Resource: TRAIN, Parameters: {}, ResultPath: '$.train', Next: 'Use' }, Use: { ...narrowed.Use, Parameters: { 'deep.$': '$.train.ModelArtifacts.S3Uri' } } };
    assert.deepEqual(hints(deep), ['']);
  });

  test('an index past the end of a list whose every element is known (a Parallel\'s outputs, an array written in the definition); not past an example input\'s array', () => {
    const branch = (n: string) => ({ StartAt: n, States: { [n]: { Type: 'Task', Resource: TRAIN, Parameters: {}, End: true } } });
    const states = (path: string) => ({
      Both: { Type: 'Parallel', Branches: [branch('A'), branch('B')], ResultSelector: { 'url.$': path }, End: true },
    });
    assert.deepEqual(dataflow(machine(states('$[2].ModelArtifacts.S3ModelArtifacts'))).map((f) => f.message), [
      "$[2].ModelArtifacts.S3ModelArtifacts: the result (Both's branch outputs) has 2 elements: it has no element [2]; its elements have it: read them all with $[*].ModelArtifacts.S3ModelArtifacts, or one with $[0].ModelArtifacts.S3ModelArtifacts",
    ]);
    assert.deepEqual(dataflow(machine(states('$[1].ModelArtifacts.S3ModelArtifacts'))), []);
    const literal = { Init: { Type: 'Pass', Parameters: { list: ['a', 'b'] }, Next: 'Use' }, Use: { Type: 'Pass', Parameters: { 'x.$': '$.list[5]' }, End: true } };
    assert.deepEqual(dataflow(machine(literal)).map((f) => f.at), ['$.list[5]']);
    // Nothing after the index: the last element is the hint, not "its elements have it" (df45).
    assert.match(dataflow(machine(literal))[0].message, /has 2 elements: it has no element \[5\]; the last is \$\.list\[1\]$/);
  });

  test('a JSONPath Assign reads the state\'s result (a Task\'s, a Pass state\'s Result or Parameters, not the output after ResultPath), a Choice\'s input, a catcher\'s error output', () => {
    // As executions recorded against AWS show (LocalStack's tests/aws/services/stepfunctions/v2/assign and
    // query_language: `"inputData.$": "$"` beside a Result and a ResultPath is the Result).
    const states = {
      Load: { Type: 'Pass', Result: { items: [1, 2] }, ResultPath: '$.data', Assign: { 'n.$': 'States.ArrayLength($.data.items)', 'ok.$': '$.items' }, Next: 'Train' },
      Train: {
        Type: 'Task', Resource: TRAIN, Parameters: {},
        Assign: { 'artifacts.$': '$.ModelArtifacts', 'status.$': '$.TrainingJobStatus', 'bad.$': '$.train.ModelArtifacts' },
        Catch: [{ ErrorEquals: ['States.ALL'], Assign: { 'reason.$': '$.FailureReason', 'cause.$': '$.Cause' }, Next: 'Use' }],
        Next: 'Check',
      },
      Check: { Type: 'Choice', Choices: [{ Variable: '$.TrainingJobStatus', StringEquals: 'Completed', Assign: { 'job.$': '$.TrainingJobName', 'typo.$': '$.TrainingJobNam' }, Next: 'Use' }], Default: 'Use' },
      Use: { Type: 'Pass', Parameters: { 'url.$': '$artifacts.S3ModelArtifact', 'good.$': '$artifacts.S3ModelArtifacts' }, End: true },
    };
    assert.deepEqual(dataflow(machine(states)).map((f) => f.message), [
      "$.data.items: in an Assign, $ is the state's result (Load's Result), not the state's output after ResultPath: it has no field data; did you mean $.items?",
      "$.train.ModelArtifacts: in an Assign, $ is the task's result (Train's result (DescribeTrainingJob)), not the state's output after ResultPath: it has no field train; did you mean $.ModelArtifacts?",
      '$.FailureReason: the error output has no field FailureReason',
      "$.TrainingJobNam: the state input here is Train's result (DescribeTrainingJob) (nothing upstream keeps other fields), which has no field TrainingJobNam; did you mean $.TrainingJobName?",
      '$artifacts.S3ModelArtifact: the variable $artifacts has no field S3ModelArtifact; did you mean $artifacts.S3ModelArtifacts?',
    ]);
    // Completion and hover read the same `$`.
    const d = doc(machine(states).replace('"$.TrainingJobStatus"', '"$.Training"'), 'asl');
    const at = d.getText().indexOf('"$.Training"') + 11;
    assert.ok(service.doComplete(d, d.positionAt(at)).some((i) => i.label === 'TrainingJobStatus'));
    // After a ResultSelector, or a Choice's InputPath, it is not known: only $$ and variables are judged.
    const unknown = machine({
      Train: { Type: 'Task', Resource: TRAIN, Parameters: {}, ResultSelector: { 'a.$': '$.TrainingJobName' }, Assign: { 'x.$': '$.anything', 'e.$': '$$.Execution.Nmae' }, Next: 'Check' },
      Check: { Type: 'Choice', InputPath: '$.a', Choices: [{ Variable: '$', StringEquals: 'x', Next: 'Done' }], Default: 'Done', Assign: { 'y.$': '$.whatever' } },
      Done: { Type: 'Succeed' },
    });
    assert.deepEqual(dataflow(unknown).map((f) => f.at), ['$$.Execution.Nmae']);
  });

  test('an ItemReader\'s and a ResultWriter\'s Parameters read the Map\'s input and variables; after an InputPath, only variables and $$', () => {
    const each = (extra: Record<string, unknown> = {}) => ({
      Type: 'Map', ...extra,
      ItemReader: { Resource: 'arn:aws:states:::s3:getObject', ReaderConfig: { InputType: 'JSON' }, Parameters: { 'Bucket.$': '$cfg.bukket', 'Key.$': '$.kee' } },
      ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, StartAt: 'P', States: { P: { Type: 'Pass', End: true } } },
      ResultWriter: { Resource: 'arn:aws:states:::s3:putObject', Parameters: { 'Bucket.$': '$.bucket', 'Prefix.$': '$cfg.key' } },
      End: true,
    });
    const init = { Type: 'Pass', Assign: { cfg: { bucket: 'b', key: 'k' } }, Result: { bucket: 'b', sub: { bucket: 'c' } }, Next: 'Each' };
    assert.deepEqual(dataflow(machine({ Init: init, Each: each() })).map((f) => f.at), ['$cfg.bukket', '$.kee']);
    assert.deepEqual(dataflow(machine({ Init: init, Each: each({ InputPath: '$.sub' }) })).map((f) => f.at), ['$cfg.bukket']);
  });

  test('a lambda:invoke result: its fields as Step Functions returns them (Payload, StatusCode…), what the function returned unknown', () => {
    const states = (read: string, resource = 'arn:aws:states:::lambda:invoke') => machine({
      Invoke: { Type: 'Task', Resource: resource, Parameters: { FunctionName: 'f' }, ResultSelector: { 'v.$': read }, End: true },
    });
    assert.deepEqual(dataflow(states('$.payload.body')).map((f) => f.message), ["$.payload.body: the result here is Invoke's result (lambda:invoke), which has no field payload; did you mean $.Payload.body?"]);
    for (const ok of ['$.Payload.body', '$.Payload', '$.StatusCode', '$.SdkHttpMetadata.HttpStatusCode', '$.SdkResponseMetadata.RequestId', '$.ExecutedVersion']) assert.deepEqual(dataflow(states(ok)), [], ok);
    // A template's partition: the same integration.
    assert.deepEqual(dataflow(states('$.payload', 'arn:${AWS::Partition}:states:::lambda:invoke')).map((f) => f.at), ['$.payload']);
    // The callback pattern returns what SendTaskSuccess sends; a function ARN, what the function returns.
    assert.deepEqual(dataflow(states('$.payload', 'arn:aws:states:::lambda:invoke.waitForTaskToken')), []);
    assert.deepEqual(dataflow(states('$.payload', 'arn:aws:lambda:us-east-1:111122223333:function:f')), []);
  });

  test('an AWS SDK integration\'s result: the operation\'s response as the API writes it (a polling loop\'s status), the token\'s sender\'s unknown', () => {
    const states = (read: string, resource = 'arn:aws:states:::aws-sdk:sagemaker:describeTrainingJob') => machine({
      Describe: { Type: 'Task', Resource: resource, Parameters: { 'TrainingJobName.$': '$.name' }, ResultPath: '$.status', Next: 'Done?' },
      'Done?': { Type: 'Choice', Choices: [{ Variable: read, StringEquals: 'Completed', Next: 'End' }], Default: 'Wait' },
      Wait: { Type: 'Wait', Seconds: 60, Next: 'Describe' },
      End: { Type: 'Succeed' },
    });
    assert.deepEqual(dataflow(states('$.status.TrainingJobStatu')).map((f) => f.message), ["$.status.TrainingJobStatu: $.status (Describe's result (DescribeTrainingJob through the AWS SDK integration)) has no field TrainingJobStatu; did you mean $.status.TrainingJobStatus?"]);
    assert.deepEqual(dataflow(states('$.status.ModelArtifacts.S3ModelArtifact')).map((f) => f.at), ['$.status.ModelArtifacts.S3ModelArtifact']);
    for (const ok of ['$.status.TrainingJobStatus', '$.status.ModelArtifacts.S3ModelArtifacts', '$.status.FinalMetricDataList[0].MetricName', '$.status.SdkHttpMetadata.HttpStatusCode', '$.name']) assert.deepEqual(dataflow(states(ok)), [], ok);
    // The callback pattern returns what SendTaskSuccess sends; an action the API does not have is the request check's finding.
    assert.deepEqual(dataflow(states('$.status.Anything', 'arn:aws:states:::aws-sdk:sagemaker:describeTrainingJob.waitForTaskToken')), []);
    assert.deepEqual(dataflow(states('$.status.Anything', 'arn:aws:states:::aws-sdk:sagemaker:describeTrainingJobs')), []);
    assert.deepEqual(dataflow(states('$.status.Anything', 'arn:aws:states:::aws-sdk:sagemaker:constructor')), []);
  });

  test('a Map\'s ItemsPath that selects a value known to be no array: a warning; an array, or a value not known, none', () => {
    const map = (itemsPath: string) => ({ Type: 'Map', ItemsPath: itemsPath, ItemProcessor: { StartAt: 'I', States: { I: { Type: 'Succeed' } } }, End: true });
    const states = (itemsPath: string) => ({ Init: { Type: 'Pass', Result: { models: { churn: 1 }, list: [1, 2], name: 'n' }, Next: 'Each' }, Each: map(itemsPath) });
    assert.deepEqual(dataflow(machine(states('$.models'))).map((f) => f.message), ['$.models selects an object, and a Map state iterates over an array: the state fails when it runs (States.Runtime)']);
    assert.deepEqual(dataflow(machine(states('$.name'))).map((f) => f.at), ['$.name']);
    assert.deepEqual(dataflow(machine(states('$.list'))), []);
    assert.deepEqual(dataflow(machine({ Each: map('$.fromTheInput') })), []);
    // With an ItemReader the items come from it: ItemsPath is not read against the input (AWS runs it all the same).
    const reader = { Resource: 'arn:aws:states:::s3:getObject', ReaderConfig: { InputType: 'JSON' }, Parameters: { Bucket: 'b', Key: 'k' } };
    assert.deepEqual(dataflow(machine({ ...states('$.models'), Each: { ...map('$.models'), ItemReader: reader } })), []);
    assert.deepEqual(dataflow(machine({ ...states('$.missing'), Each: { ...map('$.missing'), ItemReader: reader } })), []);
  });
  test('a JSONata Map\'s Items that reads a variable (or a field) known to be no array: a warning (AWS-recorded "Expected \'array\', but was \'number\'"); an array, a variable assigned both, none', () => {
    const each = (items: string, extra = {}) => ({ Type: 'Map', QueryLanguage: 'JSONata', Items: items, ItemProcessor: { StartAt: 'I', States: { I: { Type: 'Succeed' } } }, End: true, ...extra });
    const states = (items: string, extra = {}) => ({
      Init: { Type: 'Pass', QueryLanguage: 'JSONata', Assign: { n: 1, none: null, list: [1], both: 1, o: { rows: [1], count: 2 } }, Next: 'Again' },
      Again: { Type: 'Pass', QueryLanguage: 'JSONata', Assign: { both: [2] }, Next: 'Each' },
      Each: each(items, extra),
    });
    assert.deepEqual(dataflow(machine(states('{% $n %}'))).map((f) => [f.message, f.at]), [['$n is a number, and Items must give an array: the Map state fails when it runs (States.QueryEvaluationError)', '$n']]);
    assert.deepEqual(dataflow(machine(states('{% $none %}'))).map((f) => f.message), ['$none is null, and Items must give an array: the Map state fails when it runs (States.QueryEvaluationError)']);
    assert.deepEqual(dataflow(machine(states('{% $o.count %}'))).map((f) => f.at), ['$o.count']);
    for (const ok of ['{% $list %}', '{% $both %}', '{% $o.rows %}', '{% $states.input %}', '{% $unassigned %}']) assert.deepEqual(dataflow(machine(states(ok))), [], ok);
    const reader = { Resource: 'arn:aws:states:::s3:getObject', ReaderConfig: { InputType: 'JSON' }, Arguments: { Bucket: 'b', Key: 'k' } };
    assert.deepEqual(dataflow(machine(states('{% $n %}', { ItemReader: reader }))), []);
  });

  test('a setting\'s path or JSONata value that reads a value known to be of another type (asl43: a timeout assigned "five minutes"): a warning; a number, null or a value not known, none', () => {
    const states = (field: string, read: string, extra = {}) => ({
      Init: { Type: 'Pass', Assign: { text: 'five minutes', n: 300, digits: '300', exponent: '3e2', either: 'five', o: { at: '2026-01-01T00:00:00Z' } }, Result: { cfg: { wait: 'ten' } }, Next: 'Again' },
      Again: { Type: 'Pass', Next: 'Work' },
      Work: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:111122223333:function:f', [field]: read, End: true, ...extra },
    });
    assert.deepEqual(dataflow(machine(states('TimeoutSecondsPath', '$text'))).map((f) => [f.message, f.at]), [['$text selects the string "five minutes", and TimeoutSecondsPath must select a positive integer: the state fails when it runs (States.Runtime)', '$text']]);
    assert.deepEqual(dataflow(machine(states('HeartbeatSecondsPath', '$o'))).map((f) => f.at), ['$o']);
    assert.deepEqual(dataflow(machine(states('TimeoutSecondsPath', '$.cfg.wait'))).map((f) => f.at), ['$.cfg.wait']);
    // A string that reads as a number is read as one (AWS ran a MaxConcurrencyPath reading "1"); one of two texts is not known.
    for (const ok of ['$n', '$unassigned', '$digits', '$either', '$exponent']) assert.deepEqual(dataflow(machine({ ...states('TimeoutSecondsPath', ok), Again: { Type: 'Pass', Assign: { either: '5' }, Next: 'Work' } })), [], ok);
    // Beside a Task's Parameters, which input its settings read is not said: judged where the effective input and what
    // the Parameters make of it both fail (df45), not where either could give a number.
    assert.deepEqual(dataflow(machine(states('TimeoutSecondsPath', '$.cfg.wait', { Parameters: { a: 1 } }))).map((f) => f.at), ['$.cfg.wait']);
    assert.deepEqual(dataflow(machine(states('TimeoutSecondsPath', '$.cfg.wait', { Parameters: { cfg: { wait: 600 } } }))), []);
    const wait = (field: string, read: string) => machine({ Init: { Type: 'Pass', Result: { wait: 'ten', at: 5 }, Next: 'Wait' }, Wait: { Type: 'Wait', [field]: read, End: true } });
    assert.deepEqual(dataflow(wait('SecondsPath', '$.wait')).map((f) => f.message), ['$.wait selects the string "ten", and SecondsPath must select a non-negative integer: the state fails when it runs (States.Runtime)']);
    assert.deepEqual(dataflow(wait('TimestampPath', '$.at')).map((f) => f.at), ['$.at']);
    // A value the definition writes that the setting does not take (asl46): the text of no timestamp, a negative or
    // fractional number; a string that reads as a number is judged as that number.
    assert.deepEqual(dataflow(wait('TimestampPath', '$.wait')).map((f) => f.message), ['$.wait selects "ten", and TimestampPath must select an RFC 3339 timestamp string: the state fails when it runs (States.Runtime)']);
    const valued = (field: string, value: unknown) => machine({ Init: { Type: 'Pass', Result: { v: value }, Next: 'S' }, S: { Type: 'Wait', [field]: '$.v', End: true } });
    assert.deepEqual(dataflow(valued('SecondsPath', -5)).map((f) => f.message), ['$.v selects -5, and SecondsPath must select a non-negative integer: the state fails when it runs (States.Runtime)']);
    for (const bad of [2.5, '-1', 100000000]) assert.deepEqual(dataflow(valued('SecondsPath', bad)).map((f) => f.at), ['$.v'], String(bad));
    for (const ok of [0, 5, '7', 99999999]) assert.deepEqual(dataflow(valued('SecondsPath', ok)), [], String(ok));
    // A Choice that tests the value may keep it from the state (a sentinel -1 sent elsewhere): not judged (the review of the day).
    const guarded = (jsonata: boolean) => machine(jsonata
      ? { D: { Type: 'Pass', QueryLanguage: 'JSONata', Assign: { delay: -1 }, Next: 'C' }, C: { Type: 'Choice', QueryLanguage: 'JSONata', Choices: [{ Condition: '{% $delay >= 0 %}', Next: 'W' }], Default: 'E' }, W: { Type: 'Wait', QueryLanguage: 'JSONata', Seconds: '{% $delay %}', Next: 'E' }, E: { Type: 'Succeed' } }
      : { D: { Type: 'Pass', Result: { delay: -1 }, Next: 'C' }, C: { Type: 'Choice', Choices: [{ Variable: '$.delay', NumericGreaterThanEquals: 0, Next: 'W' }], Default: 'E' }, W: { Type: 'Wait', SecondsPath: '$.delay', Next: 'E' }, E: { Type: 'Succeed' } });
    assert.deepEqual(dataflow(guarded(false)), []);
    assert.deepEqual(dataflow(guarded(true)), []);
    assert.deepEqual(dataflow(valued('TimestampPath', '2026-01-31T23:59:59Z')), []);
    const map = (field: string, value: number) => machine({ Init: { Type: 'Pass', Result: { v: value, items: [1] }, Next: 'M' }, M: { Type: 'Map', ItemsPath: '$.items', [field]: '$.v', ItemProcessor: { StartAt: 'I', States: { I: { Type: 'Succeed' } } }, End: true } });
    assert.deepEqual(dataflow(map('MaxConcurrencyPath', 1.5)).map((f) => f.message), ['$.v selects 1.5, and MaxConcurrencyPath must select a non-negative integer: the state fails when it runs (States.Runtime)']);
    assert.deepEqual(dataflow(map('MaxConcurrencyPath', 0)), []);
    // JSONata: the timeouts, a Wait's Seconds and Timestamp, a Map's limits.
    const jsonata = (state: object) => machine({ Init: { Type: 'Pass', QueryLanguage: 'JSONata', Assign: { text: 'ten', n: 5, zero: 0 }, Next: 'S' }, S: { QueryLanguage: 'JSONata', End: true, ...state } });
    assert.deepEqual(dataflow(jsonata({ Type: 'Wait', Seconds: '{% $text %}' })).map((f) => [f.message, f.at]), [['$text is the string "ten", and Seconds must give a non-negative integer: the state fails when it runs (States.QueryEvaluationError)', '$text']]);
    assert.deepEqual(dataflow(jsonata({ Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:111122223333:function:f', TimeoutSeconds: '{% $text %}' })).map((f) => f.at), ['$text']);
    assert.deepEqual(dataflow(jsonata({ Type: 'Map', ItemProcessor: { StartAt: 'I', States: { I: { Type: 'Succeed' } } }, MaxConcurrency: '{% $text %}' })).map((f) => f.at), ['$text']);
    assert.deepEqual(dataflow(jsonata({ Type: 'Wait', Timestamp: '{% $n %}' })).map((f) => f.at), ['$n']);
    assert.deepEqual(dataflow(jsonata({ Type: 'Wait', Timestamp: '{% $text %}' })).map((f) => f.message), ['$text is "ten", and Timestamp must give an RFC 3339 timestamp string: the state fails when it runs (States.QueryEvaluationError)']);
    assert.deepEqual(dataflow(jsonata({ Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:111122223333:function:f', TimeoutSeconds: '{% $zero %}' })).map((f) => f.message), ['$zero is 0, and TimeoutSeconds must give a positive integer: the state fails when it runs (States.QueryEvaluationError)']);
    for (const ok of [{ Type: 'Wait', Seconds: '{% $n %}' }, { Type: 'Wait', Seconds: '{% $unassigned %}' }]) assert.deepEqual(dataflow(jsonata(ok)), [], JSON.stringify(ok));
  });

  test('an intrinsic\'s path argument that selects a value of a type the argument cannot take, and a Map with no ItemsPath over an input that is no array, fail when they run (asl46): warnings; what may fit, none', () => {
    const states = (parameters: object, map: object = {}) => machine({
      A: { Type: 'Pass', Result: { list: [1, 2], s: 'abc', n: '5', o: { a: 1 } }, Next: 'B' },
      B: { Type: 'Pass', Parameters: parameters, ResultPath: '$.b', Next: 'M' },
      M: { Type: 'Map', ItemProcessor: { StartAt: 'I', States: { I: { Type: 'Succeed' } } }, End: true, ...map },
    });
    const items = { ItemsPath: '$.list' };
    assert.deepEqual(dataflow(states({ 'f.$': "States.Format('{}', $.list)" }, items)).map((f) => [f.at, f.message]),
      [['$.list', 'This call always fails when it runs (States.Runtime): States.Format: arguments must be strings, numbers, booleans or null, and $.list selects an array']]);
    assert.deepEqual(dataflow(states({ 'l.$': 'States.ArrayLength($.s)', 'm.$': 'States.JsonMerge($.o, $.list, false)', 'a.$': 'States.MathAdd($.s, 1)' }, items)).map((f) => f.at), ['$.s', '$.list', '$.s']);
    for (const ok of ["States.Format('{} {}', $.s, $.n)", 'States.ArrayLength($.list)', 'States.JsonMerge($.o, $.o, false)', 'States.MathAdd($.n, 1)', "States.Format('{}', $$.Execution.Input.x)"])
      assert.deepEqual(dataflow(states({ 'v.$': ok }, items)), [], ok);
    // The Map iterates over its whole input when nothing says otherwise: here A's object with B's result in it.
    const f = dataflow(states({ x: 1 }));
    assert.deepEqual(f.map((p) => p.at), ['"M"']);
    assert.match(f[0].message, /^Map "M" has no ItemsPath, so it iterates over its whole input, and that is an object, not an array: the state fails when it runs \(States\.Runtime\); to iterate over its array, give an ItemsPath: "ItemsPath": "\$\.list"$/);
    for (const ok of [items, { InputPath: '$.list' }, { ItemReader: { Resource: 'arn:aws:states:::s3:getObject', ReaderConfig: { InputType: 'JSON' }, Parameters: { Bucket: 'b', Key: 'k' } }, ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, StartAt: 'I', States: { I: { Type: 'Succeed' } } } }])
      assert.deepEqual(dataflow(states({ x: 1 }, ok)), [], JSON.stringify(ok));
    assert.deepEqual(dataflow(machine({ M: { Type: 'Map', ItemProcessor: { StartAt: 'I', States: { I: { Type: 'Succeed' } } }, End: true } })), []);
    // A template's placeholder as the Result (or in it) may be filled in with an array (the review of the day).
    const filled = (result: unknown, read: object) => machine({ A: { Type: 'Pass', Result: result, Next: 'M' }, M: { Type: 'Map', ItemProcessor: { StartAt: 'I', States: { I: { Type: 'Succeed' } } }, End: true, ...read } });
    assert.deepEqual(dataflow(filled('${Items}', {})), []);
    assert.deepEqual(dataflow(filled({ jobs: '${self:custom.jobs}' }, { ItemsPath: '$.jobs', ItemSelector: { 'n.$': 'States.ArrayLength($.jobs)' } })), []);
  });

  test('every …Path that gives a setting reads the input as a Wait\'s SecondsPath does (a Task\'s timeouts, a Map\'s limits); beside a Task\'s Parameters, what fails either way', () => {
    const states = {
      Init: { Type: 'Pass', Result: { seconds: 5 }, Next: 'Wait' },
      Wait: { Type: 'Wait', SecondsPath: '$.secondz', Next: 'Work' },
      Work: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:111122223333:function:f', TimeoutSecondsPath: '$.secondz', HeartbeatSecondsPath: '$.seconds', Next: 'Each' },
      Each: { Type: 'Map', MaxConcurrencyPath: '$.secondz', ItemProcessor: { StartAt: 'I', States: { I: { Type: 'Succeed' } } }, End: true },
    };
    assert.deepEqual(dataflow(machine(states)).map((f) => f.at), ['$.secondz', '$.secondz']);
    // The Task's output (what the function returns) is not known, so the Map's read is not judged. With Parameters the
    // Task's path reads the input or what they make of it: judged where neither has it (df45), not where one does.
    assert.deepEqual(dataflow(machine({ ...states, Work: { ...states.Work, Parameters: { x: 1 } } })).map((f) => f.at), ['$.secondz', '$.secondz']);
    assert.deepEqual(dataflow(machine({ ...states, Work: { ...states.Work, Parameters: { 'secondz.$': '$.seconds' } } })).map((f) => f.at), ['$.secondz']);
    assert.match(dataflow(machine({ ...states, Work: { ...states.Work, Parameters: { x: 1 } } }))[1].message, /the state input \(or what Work's Parameters make of it\) has no field secondz/);
    // A variable is the same whichever input: judged there too.
    const variable = { ...states, Init: { ...states.Init, Assign: { cfg: { timeout: 5 } } }, Work: { ...states.Work, Parameters: { x: 1 }, TimeoutSecondsPath: '$cfg.timeuot' } };
    assert.deepEqual(dataflow(machine(variable)).map((f) => f.at), ['$.secondz', '$cfg.timeuot']);
  });

  test('the Data Science SDK report: the result went to $.TrainingStepResults; an information hint with the path', () => {
    const text = machine({
      'Training Step': { Type: 'Task', Resource: TRAIN, Parameters: {}, ResultPath: '$.TrainingStepResults', Next: 'Save Model' },
      'Save Model': { Type: 'Task', Resource: 'arn:aws:states:::sagemaker:createModel', Parameters: { ModelName: 'm', ExecutionRoleArn: 'arn:aws:iam::111122223333:role/R', PrimaryContainer: { Image: 'i', 'ModelDataUrl.$': "$['ModelArtifacts']['S3ModelArtifacts']" } }, End: true },
    });
    const [f, ...rest] = dataflow(text);
    assert.deepEqual(rest, []);
    assert.deepEqual(f, { code: 'path-elsewhere', severity: 'information', at: "$['ModelArtifacts']['S3ModelArtifacts']", message: "$['ModelArtifacts']['S3ModelArtifacts']: nothing upstream puts ModelArtifacts in the state input (only the execution input could); did you mean $.TrainingStepResults.ModelArtifacts.S3ModelArtifacts?" });
  });

  test('the same after a result that replaced the whole input: a warning, and the quick fix', () => {
    const text = machine({
      Start: { Type: 'Pass', Result: { bucket: 'b' }, Next: 'Train' },
      Train: { Type: 'Task', Resource: TRAIN, Parameters: {}, ResultPath: '$.TrainingStepResults', Next: 'Save' },
      Save: { Type: 'Pass', Parameters: { 'url.$': '$.ModelArtifacts.S3ModelArtifacts', 'b.$': '$.bucket' }, End: true },
    });
    const d = doc(text);
    const problems = service.validate(d).filter((p) => p.source === 'dataflow');
    assert.equal(problems.length, 1);
    assert.equal(problems[0].severity, 'warning');
    assert.match(problems[0].message, /the state input has no field ModelArtifacts; did you mean \$\.TrainingStepResults\.ModelArtifacts\.S3ModelArtifacts\?$/);
    const start = d.positionAt(problems[0].offset);
    const actions = service.getCodeActions(d, { start, end: start });
    const fix = actions.find((a) => a.title === 'Change to $.TrainingStepResults.ModelArtifacts.S3ModelArtifacts');
    assert.ok(fix);
    assert.equal(fix.edit!.changes![d.uri][0].newText, '$.TrainingStepResults.ModelArtifacts.S3ModelArtifacts');
  });

  test('a root replaced by the default ResultPath: the message says what the input is', () => {
    const text = machine({
      Start: { Type: 'Pass', Result: { bucket: 'b' }, Next: 'Train' },
      Train: { Type: 'Task', Resource: TRAIN, Parameters: {}, Next: 'Next' },
      Next: { Type: 'Pass', Parameters: { 'b.$': '$.bucket' }, End: true },
    });
    assert.deepEqual(dataflow(text).map((f) => f.message), ["$.bucket: the state input here is Train's result (DescribeTrainingJob) (nothing upstream keeps other fields), which has no field bucket"]);
  });

  test('silent where the shape is not fully known: execution input, Lambda results, IsPresent, loops, intrinsic paths checked', () => {
    const text = machine({
      L: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: 'f' }, ResultPath: '$.l', Next: 'A' },
      A: { Type: 'Pass', Parameters: { 'x.$': '$.l.Payload.anything', 'y.$': '$.whatever' }, Next: 'T' },
      T: { Type: 'Task', Resource: TRAIN, Parameters: {}, Next: 'C' },
      C: { Type: 'Choice', Choices: [{ Variable: '$.Nope', IsPresent: true, Next: 'F' }], Default: 'F' },
      F: { Type: 'Pass', Parameters: { 'f.$': "States.Format('{}', $.TrainingJobNam)" }, End: true },
    });
    assert.deepEqual(dataflow(text).map((f) => f.at), ['$.TrainingJobNam']);
  });

  test('request-response has no ModelArtifacts: the message names .sync', () => {
    const text = machine({
      T: { Type: 'Task', Resource: 'arn:aws:states:::sagemaker:createTrainingJob', Parameters: {}, ResultPath: '$.job', Next: 'B' },
      B: { Type: 'Pass', Parameters: { 'u.$': '$.job.ModelArtifacts.S3ModelArtifacts' }, End: true },
    });
    assert.match(dataflow(text)[0].message, /only the \.sync integration waits for the job and returns DescribeTrainingJob, which has it$/);
  });

  describe('a value of a known kind read the wrong way: a field of an array, an element of an object (Jayway fails the step)', () => {
    const parallel = (read: Record<string, string>) =>
      machine({
        Both: {
          Type: 'Parallel',
          ResultPath: '$.trainings',
          Branches: [
            { StartAt: 'A', States: { A: { Type: 'Task', Resource: TRAIN, Parameters: {}, End: true } } },
            { StartAt: 'B', States: { B: { Type: 'Task', Resource: TRAIN, Parameters: {}, End: true } } },
          ],
          Next: 'Use',
        },
        Use: { Type: 'Pass', Parameters: read, End: true },
      });

    test("a Parallel's branch outputs read by name: every element has the rest, so all of them or one by index", () => {
      assert.deepEqual(dataflow(parallel({ 'u.$': '$.trainings.ModelArtifacts.S3ModelArtifacts' })), [
        {
          code: 'path-not-in-input',
          severity: 'warning',
          at: '$.trainings.ModelArtifacts.S3ModelArtifacts',
          message:
            "$.trainings.ModelArtifacts.S3ModelArtifacts: $.trainings (Both's branch outputs) is an array, it has no field ModelArtifacts; its elements have it: read them all with $.trainings[*].ModelArtifacts.S3ModelArtifacts, or one with $.trainings[0].ModelArtifacts.S3ModelArtifacts",
        },
      ]);
    });

    test('a branch output that alone has the rest: the path to it, with the quick fix', () => {
      const text = machine({
        P: {
          Type: 'Parallel',
          Branches: [
            { StartAt: 'A', States: { A: { Type: 'Pass', Result: { x: 1 }, End: true } } },
            { StartAt: 'B', States: { B: { Type: 'Pass', Result: { y: 2 }, End: true } } },
          ],
          ResultPath: '$.r',
          Next: 'Use',
        },
        Use: { Type: 'Pass', Parameters: { 'y.$': '$.r.y' }, End: true },
      });
      const d = doc(text);
      const [p, ...rest] = service.validate(d).filter((x) => x.source === 'dataflow');
      assert.deepEqual(rest, []);
      assert.equal(p.message, "$.r.y: $.r (P's branch outputs) is an array, it has no field y; did you mean $.r[1].y?");
      const start = d.positionAt(p.offset);
      const fix = service.getCodeActions(d, { start, end: start }).find((a) => a.title === 'Change to $.r[1].y');
      assert.equal(fix?.edit!.changes![d.uri][0].newText, '$.r[1].y');
    });

    test("a Map's outputs read by name in a Choice rule: one element by index (a list is no value to compare)", () => {
      const text = machine({
        M: { Type: 'Map', ItemsPath: '$.sets', ItemProcessor: { StartAt: 'T', States: { T: { Type: 'Task', Resource: TRAIN, Parameters: {}, End: true } } }, ResultPath: '$.results', Next: 'C' },
        C: { Type: 'Choice', Choices: [{ Variable: '$.results.TrainingJobStatus', StringEquals: 'Completed', Next: 'D' }], Default: 'D' },
        D: { Type: 'Succeed' },
      });
      assert.deepEqual(dataflow(text).map((f) => f.message), [
        "$.results.TrainingJobStatus: $.results (M's iteration outputs) is an array, it has no field TrainingJobStatus; its elements have it: read one with $.results[0].TrainingJobStatus",
      ]);
    });

    test('an index into an object, a string, and a literal array read by name', () => {
      const text = machine({
        A: { Type: 'Pass', Parameters: { obj: { x: 1 }, arr: [{ x: 1 }], s: 'text' }, Next: 'B' },
        B: { Type: 'Pass', Parameters: { 'a.$': '$.obj[0]', 'b.$': '$.arr.x', 'c.$': '$.obj[0].x', 'd.$': '$.s[0]' }, End: true },
      });
      assert.deepEqual(dataflow(text).map((f) => [f.at, f.message]), [
        ['$.obj[0]', "$.obj[0]: $.obj (in A's Parameters) is an object, not an array: it has no element [0]"],
        ['$.arr.x', "$.arr.x: $.arr (in A's Parameters) is an array, it has no field x; did you mean $.arr[0].x?"],
        ['$.obj[0].x', "$.obj[0].x: $.obj (in A's Parameters) is an object, not an array: it has no element [0]; did you mean $.obj.x?"],
        ['$.s[0]', "$.s[0]: $.s (in A's Parameters) is a string, not an array: it has no element [0]"],
      ]);
    });

    test('a ResultSelector made the result an object: an index into it', () => {
      const text = machine({
        Sets: { Type: 'Pass', Result: [{ eta: '0.1' }], ResultPath: '$.sets', Next: 'Map' },
        Map: { Type: 'Map', ItemsPath: '$.sets', ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }, ResultSelector: { 'n.$': 'States.ArrayLength($)' }, ResultPath: '$.sweep', Next: 'Use' },
        Use: { Type: 'Pass', Parameters: { 'e.$': '$.sweep[0].eta' }, End: true },
      });
      assert.deepEqual(dataflow(text).map((f) => f.message), ["$.sweep[0].eta: $.sweep (Map's ResultSelector) is an object, not an array: it has no element [0]"]);
    });

    test("a Map Run's description read as the outputs' array; a batch's field misspelt", () => {
      const text = machine({
        M: {
          Type: 'Map',
          ItemReader: { Resource: 'arn:aws:states:::s3:getObject', ReaderConfig: { InputType: 'JSON' }, Parameters: { Bucket: 'b', Key: 'k.json' } },
          ItemBatcher: { MaxItemsPerBatch: 5 },
          ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, StartAt: 'P', States: { P: { Type: 'Pass', Parameters: { 'x.$': '$.Item[0]', 'y.$': '$.Items[0]' }, End: true } } },
          ResultWriter: { Resource: 'arn:aws:states:::s3:putObject', Parameters: { Bucket: 'b', Prefix: 'r' } },
          ResultPath: '$.run',
          Next: 'Use',
        },
        Use: { Type: 'Pass', Parameters: { 'u.$': '$.run[0].uri', 'k.$': '$.run.ResultWriterDetails.Key', 'a.$': '$.run.MapRunArn' }, End: true },
      });
      assert.deepEqual(dataflow(text).map((f) => [f.at, f.message]), [
        ['$.Item[0]', "$.Item[0]: the state input here is M's batch of items (nothing upstream keeps other fields), which has no field Item; did you mean $.Items[0]?"],
        ['$.run[0].uri', "$.run[0].uri: $.run (M's Map Run (ResultWriter)) is an object, not an array: it has no element [0]"],
      ]);
    });

    test('silent where the step is not definite or not a field: [*], filters, slices, deep scans, .length(), indexes that are there', () => {
      const reads = {
        'a.$': '$.trainings[*].ModelArtifacts.S3ModelArtifacts',
        'b.$': '$.trainings.length()',
        'c.$': '$.trainings[0].ModelArtifacts.S3ModelArtifacts',
        'd.$': '$.trainings[?(@.TrainingJobStatus == "Completed")].TrainingJobName',
        'e.$': '$.trainings[0:1]',
        'f.$': '$..ModelArtifacts',
        'g.$': '$.trainings[-1].TrainingJobName',
        'h.$': 'States.ArrayLength($.trainings)',
        'i.$': "$.trainings[1]['TrainingJobName']",
      };
      assert.deepEqual(dataflow(parallel(reads)), []);
    });

    test('never from a hint: the input of the last launch may be another kind of value in another execution', () => {
      const text = machine({ Use: { Type: 'Pass', Parameters: { 'a.$': '$.list.x', 'b.$': '$.obj[0]', 'c.$': '$.name.first' }, End: true } });
      const value = { list: [{ x: 1 }], obj: { k: 1 }, name: 'n' };
      const get = (exact: boolean) => {
        const found = validateDataflow(parseDocument(text, 'asl'), exampleInputShape(value, 'the input', exact));
        return found.map((f) => text.slice(f.offset, f.offset + f.length));
      };
      assert.deepEqual(get(false), []);
      // An input file is exact: each read fails with it.
      assert.deepEqual(get(true), ['$.list.x', '$.obj[0]', '$.name.first']);
    });
  });

  describe('the context object ($$): its documented parts, the execution input, the Map item', () => {
    test('a near miss of a documented name, at any part, with the closest and its quick fix; where $ is unknown too', () => {
      const text = machine({
        P: {
          Type: 'Pass',
          Parameters: {
            'a.$': '$$.Execution.Nmae',
            'b.$': '$$.Executions.Input',
            'c.$': "States.Format('{}', $$.State.EnteredTim)",
            'd.$': '$$.StateMachine.id',
            'e.$': '$$.Task.Tokens',
            'list.$': '$$.Execution.Input.list',
          },
          Next: 'M',
        },
        M: { Type: 'Map', ItemsPath: '$.list', ItemSelector: { 'f.$': '$$.Map.Itme.Index' }, ItemProcessor: { StartAt: 'I', States: { I: { Type: 'Pass', End: true } } }, End: true },
      });
      assert.deepEqual(dataflow(text).map((f) => [f.at, f.severity, f.message]), [
        ['$$.Execution.Nmae', 'warning', '$$.Execution.Nmae: $$.Execution (in the context object) has no field Nmae; did you mean $$.Execution.Name?'],
        ['$$.Executions.Input', 'warning', '$$.Executions.Input: the context object has no field Executions; did you mean $$.Execution.Input?'],
        ['$$.State.EnteredTim', 'warning', '$$.State.EnteredTim: $$.State (in the context object) has no field EnteredTim; did you mean $$.State.EnteredTime?'],
        ['$$.StateMachine.id', 'warning', '$$.StateMachine.id: $$.StateMachine (in the context object) has no field id; did you mean $$.StateMachine.Id?'],
        ['$$.Task.Tokens', 'warning', '$$.Task.Tokens: $$.Task (in the context object) has no field Tokens; did you mean $$.Task.Token?'],
        ['$$.Map.Itme.Index', 'warning', '$$.Map.Itme.Index: $$.Map (in the context object) has no field Itme; did you mean $$.Map.Item.Index?'],
      ]);
      const d = doc(text);
      const p = service.validate(d).find((x) => x.source === 'dataflow')!;
      const start = d.positionAt(p.offset);
      assert.ok(service.getCodeActions(d, { start, end: start }).some((a) => a.title === 'Change to $$.Execution.Name'));
    });

    test('in JSONata, $states.context.… the same (df46): a near miss of a documented name, with the name meant; others, none', () => {
      const text = machine({
        P: { Type: 'Pass', QueryLanguage: 'JSONata', Output: { a: '{% $states.context.Execution.Nmae %}', b: '{% $states.context.State.Name & $states.context.Execution.SomethingNew %}', c: "{% 'run-' & $states.context.StateMachine.Nme %}" }, End: true },
      });
      assert.deepEqual(dataflow(text).map((f) => [f.at, f.message]), [
        ['Nmae', '$states.context.Execution.Nmae: $states.context.Execution has no field Nmae; did you mean $states.context.Execution.Name?'],
        ['Nme', '$states.context.StateMachine.Nme: $states.context.StateMachine has no field Nme; did you mean $states.context.StateMachine.Name?'],
      ]);
    });

    test('silent on every documented name, on a name that is no near miss (the context gains fields), and in an IsPresent rule', () => {
      const text = machine({
        P: {
          Type: 'Pass',
          Parameters: {
            'a.$': '$$.Execution.Id', 'b.$': '$$.Execution.Input', 'c.$': '$$.Execution.Name', 'd.$': '$$.Execution.RoleArn', 'e.$': '$$.Execution.StartTime',
            'f.$': '$$.Execution.RedriveCount', 'g.$': '$$.Execution.RedriveTime', 'h.$': '$$.State.EnteredTime', 'i.$': '$$.State.Name', 'j.$': '$$.State.RetryCount',
            'k.$': '$$.StateMachine.Id', 'l.$': '$$.StateMachine.Name', 'm.$': '$$.Task.Token',
            'p.$': '$$', 'q.$': '$$.Execution', 'r.$': '$$.Execution.Input.anything.at.all', 't.$': '$$.Execution.SomethingNew',
            'list.$': '$$.Execution.Input.list',
          },
          Next: 'M',
        },
        M: {
          Type: 'Map',
          ItemsPath: '$.list',
          ItemSelector: { 'n.$': '$$.Map.Item.Index', 'o.$': '$$.Map.Item.Value', 's.$': '$$.Map.Item.Source', 'u.$': '$$.Map.Item.Value.x' },
          ItemProcessor: { StartAt: 'I', States: { I: { Type: 'Pass', End: true } } },
          Next: 'C',
        },
        C: { Type: 'Choice', Choices: [{ Variable: '$$.Execution.Nmae', IsPresent: true, Next: 'D' }], Default: 'D' },
        D: { Type: 'Succeed' },
      });
      assert.deepEqual(dataflow(text), []);
    });

    test('$$.Execution.Input is the execution input: checked against an example file as $ is, never against a launch', () => {
      const text = machine({ P: { Type: 'Pass', Parameters: { 'a.$': '$$.Execution.Input.jobNam', 'b.$': '$$.Execution.Input.jobName', 'c.$': '$$.Execution.Name.first' }, End: true } });
      const get = (exact: boolean) =>
        validateDataflow(parseDocument(text, 'asl'), exampleInputShape({ jobName: 'j' }, 'the example', exact)).map((f) => [text.slice(f.offset, f.offset + f.length), f.message]);
      assert.deepEqual(get(true), [
        ['$$.Execution.Input.jobNam', '$$.Execution.Input.jobNam: $$.Execution.Input (the example) has no field jobNam; did you mean $$.Execution.Input.jobName?'],
        ['$$.Execution.Name.first', '$$.Execution.Name.first: $$.Execution.Name (in the context object) is a string, it has no field first'],
      ]);
      assert.deepEqual(get(false).map(([at]) => at), ['$$.Execution.Name.first']);
    });

    test('$$.Map in a state that is no Map state: nothing is there to read, in a Map\'s iterations too (the guide: "not within the states included in the Iterator section"); in a Map state, silent', () => {
      const text = machine({
        P: { Type: 'Pass', Parameters: { 'v.$': '$$.Map.Item.Value', 'n.$': "States.Format('{}', $$.Map.Item.Index)", 'list.$': '$$.Execution.Input.list' }, Next: 'Par' },
        Par: {
          Type: 'Parallel',
          Branches: [
            { StartAt: 'B', States: { B: { Type: 'Pass', Parameters: { 'v.$': '$$.Map.Item.Value' }, End: true } } },
            {
              StartAt: 'M',
              States: {
                M: {
                  Type: 'Map',
                  ItemsPath: '$.list',
                  ItemSelector: { 'v.$': '$$.Map.Item.Value' },
                  ItemProcessor: { StartAt: 'I', States: { I: { Type: 'Parallel', Branches: [{ StartAt: 'J', States: { J: { Type: 'Pass', Parameters: { 'i.$': '$$.Map.Item.Index' }, End: true } } }], End: true } } },
                  ResultSelector: { 'x.$': '$$.Map.Item.Index' },
                  End: true,
                },
              },
            },
          ],
          End: true,
        },
      });
      assert.deepEqual(dataflow(text).map((f) => [f.at, f.message]), [
        ['$$.Map.Item.Value', '$$.Map.Item.Value: the context object holds Map only for the items of a Map state (in its ItemSelector), and "P" is in no Map state'],
        ['$$.Map.Item.Index', '$$.Map.Item.Index: the context object holds Map only for the items of a Map state (in its ItemSelector), and "P" is in no Map state'],
        ['$$.Map.Item.Value', '$$.Map.Item.Value: the context object holds Map only for the items of a Map state (in its ItemSelector), and "B" is in no Map state'],
        ['$$.Map.Item.Index', '$$.Map.Item.Index: the context object holds Map only in the Map state itself, not in the states of its iterations: pass the item or its index to "J" through "M"\'s ItemSelector ("index.$": "$$.Map.Item.Index")'],
      ]);
    });

    test('$states.context.Map in a JSONata state that is no Map state, as $$.Map in JSONPath; in a Map state, silent', () => {
      const text = JSON.stringify({
        QueryLanguage: 'JSONata',
        StartAt: 'P',
        States: {
          P: { Type: 'Pass', Output: { v: '{% $states.context.Map.Item.Value.name %}', e: '{% $states.context.Execution.Name %}' }, Next: 'M' },
          M: { Type: 'Map', Items: '{% [1, 2] %}', ItemSelector: { i: '{% $states.context.Map.Item.Index %}' }, ItemProcessor: { StartAt: 'I', States: { I: { Type: 'Pass', Output: '{% $states.context.Map.Item.Value %}', End: true } } }, End: true },
        },
      });
      assert.deepEqual(dataflow(text).map((f) => [f.at, f.message]), [
        ['$states.context.Map.Item.Value.name', '$states.context.Map.Item.Value.name: the context object holds Map only for the items of a Map state (in its ItemSelector), and "P" is in no Map state'],
        ['$states.context.Map.Item.Value', '$states.context.Map.Item.Value: the context object holds Map only in the Map state itself, not in the states of its iterations: pass the item or its index to "I" through "M"\'s ItemSelector ("index": "{% $states.context.Map.Item.Index %}")'],
      ]);
    });

    test("$$.Map.Item.Value in a Map's ItemSelector (and a legacy Map's Parameters) is the item; unknown with an ItemReader", () => {
      const map = (extra: Record<string, unknown>) =>
        machine({
          Train: { Type: 'Task', Resource: TRAIN, Parameters: {}, ResultPath: '$.training', Next: 'Each' },
          Each: { Type: 'Map', ItemsPath: '$.training.SecondaryStatusTransitions', ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }, End: true, ...extra },
        });
      const selector = { 's.$': '$$.Map.Item.Value.Statuss', 'i.$': '$$.Map.Item.Index', 'v.$': '$$.Map.Item.Value.StatusMessage' };
      const expected = [['$$.Map.Item.Value.Statuss', "$$.Map.Item.Value.Statuss: $$.Map.Item.Value (Each's item) has no field Statuss; did you mean $$.Map.Item.Value.Status?"]];
      assert.deepEqual(dataflow(map({ ItemSelector: selector })).map((f) => [f.at, f.message]), expected);
      assert.deepEqual(dataflow(map({ Parameters: selector })).map((f) => [f.at, f.message]), expected);
      const reader = { ItemReader: { Resource: 'arn:aws:states:::s3:getObject', ReaderConfig: { InputType: 'JSON' }, Parameters: { Bucket: 'b', Key: 'k' } } };
      assert.deepEqual(dataflow(map({ ItemSelector: selector, ...reader })), []);
      // Outside the ItemSelector the item is not known here: no judgement.
      assert.deepEqual(dataflow(map({ ResultSelector: { 'x.$': '$$.Map.Item.Value.Statuss' } })), []);
      // What the Map reads before it has any item (asl43): nothing is there.
      assert.deepEqual(dataflow(map({ ItemsPath: '$$.Map.Item.Value.orders', MaxConcurrencyPath: '$$.Map.Item.Index' })).map((f) => [f.at, f.message]), [
        ['$$.Map.Item.Value.orders', `$$.Map.Item.Value.orders: the context object holds Map only in "Each"'s ItemSelector, for each item it makes; ItemsPath is read before there is any item`],
        ['$$.Map.Item.Index', `$$.Map.Item.Index: the context object holds Map only in "Each"'s ItemSelector, for each item it makes; MaxConcurrencyPath is read before there is any item`],
      ]);
      const jsonata = machine({ Each: { Type: 'Map', QueryLanguage: 'JSONata', Items: '{% $states.context.Map.Item.Value.orders %}', ItemSelector: { i: '{% $states.context.Map.Item.Index %}' }, Output: '{% $states.context.Map.Item.Index %}', ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }, End: true } });
      assert.deepEqual(dataflow(jsonata).map((f) => f.at), ['$states.context.Map.Item.Value.orders']);
    });
  });

  test('the corpus: exactly the findings checked by hand (all true: see the comments)', () => {
    const dir = join(root, 'test', 'fixtures', 'corpus');
    const got: string[] = [];
    for (const f of readdirSync(dir).filter((f) => /\.(json|ya?ml)$/.test(f))) {
      const text = readFileSync(join(dir, f), 'utf8');
      for (const x of dataflow(text, /ya?ml$/.test(f) ? 'asl-yaml' : 'asl')) got.push(`${f}: ${x.severity} ${x.at}`);
    }
    assert.deepEqual(got, [
      // The Map iterates over $.iterations, a list of numbers: each iteration's input is a number, so when the catcher
      // takes a failure its ResultPath cannot write $.stateoutput… into it (States.ResultPathMatchFailure). Twice: the
      // SAM and Terraform copies of one sample.
      'aws-stepfunctions-examples__sam_app-control-concurrency-with-dynamodb_statemachines_test-run-semaphore.json: warning "$.stateoutput.RunChildStateMachine"',
      // lambda:invoke returns { ExecutedVersion, Payload, StatusCode, … }: the function's value is under Payload, so
      // OutputPath $.batch_input selects nothing and the state fails (the developer guide's sample; $.Payload.batch_input).
      'awsdocs-sfn-devguide__sample-batch-lambda_block0.json: warning $.batch_input',
      // createTrainingJob without .sync returns only TrainingJobArn: ModelArtifacts is never there (a real bug).
      'cdk-synth__port-integ-call-sagemaker_StateMachine2E01A3A5.json: warning $.TrainingJob.ModelArtifacts.S3ModelArtifacts',
      // StateOne's Parameters ({ParamA, ParamD}) are StateTwo's whole input: $['Response'] fails at run time.
      "dssdk-tests__test_placeholders_with_steps_L109.json: warning $['Response']['Key04']",
      'wfcollection__app-control-concurrency-with-dynamodb-tf_test-run-semaphore.json: warning "$.stateoutput.RunChildStateMachine"',
    ]);
  });
});

describe('completion and hover of paths', () => {
  const labels = (marked: string, languageId = 'asl') => {
    const at = marked.indexOf('‸');
    const text = marked.replace('‸', '');
    const d = doc(text, languageId);
    return service.doComplete(d, d.positionAt(at)).map((i) => i.label);
  };
  const hover = (marked: string, languageId = 'asl') => {
    const at = marked.indexOf('‸');
    const text = marked.replace('‸', '');
    const d = doc(text, languageId);
    const h = service.doHover(d, d.positionAt(at));
    return h && (h.contents as { value: string }).value;
  };
  const twoStates = (read: string, extra: Record<string, unknown> = {}) =>
    machine({
      Start: { Type: 'Pass', Result: { bucket: 'b', nested: { key: 'k', n: 1 } }, ResultPath: '$.cfg', Next: 'Train' },
      Train: { Type: 'Task', Resource: TRAIN, Parameters: {}, ResultPath: '$.train', Next: 'Use' },
      Use: { Type: 'Pass', Parameters: { 'v.$': read }, End: true, ...extra },
    });

  test('the fields at each depth, after a dot; the context object\'s documented ones after $$.', () => {
    assert.deepEqual(labels(twoStates('$.‸')), ['cfg', 'train']);
    assert.deepEqual(labels(twoStates('$.cfg.nested.‸')), ['key', 'n']);
    assert.ok(labels(twoStates('$.train.‸')).includes('ModelArtifacts'));
    assert.deepEqual(labels(twoStates('$.train.ModelArtifacts.S3‸')), ['S3ModelArtifacts']);
    // Map only in a Map state's items: Use is in none.
    assert.deepEqual(labels(twoStates('$$.‸')), ['Execution', 'State', 'StateMachine', 'Task']);
    assert.deepEqual(labels(twoStates('$$.Execution.‸')), ['Id', 'Input', 'Name', 'RoleArn', 'StartTime', 'RedriveCount', 'RedriveTime']);
    assert.deepEqual(labels(twoStates("States.Format('{}', $.cfg.‸)")), ['bucket', 'nested']);
  });

  test('in path fields and in YAML', () => {
    // OutputPath reads the Parameters' output: v is the whole input.
    assert.deepEqual(labels(twoStates('$', { OutputPath: '$.v.‸' })), ['cfg', 'train']);
    const yaml = ['StartAt: A', 'States:', '  A:', '    Type: Pass', '    Result: {x: 1, y: {z: true}}', '    Next: B', '  B:', '    Type: Pass', '    InputPath: $.y.‸', '    End: true', ''].join('\n');
    assert.deepEqual(labels(yaml, 'asl-yaml'), ['z']);
  });

  test('$states.context. in JSONata, and $$.Map.Item. in a Map\'s ItemSelector', () => {
    const jsonata = machine({ P: { Type: 'Pass', QueryLanguage: 'JSONata', Output: { s: '{% $states.context.State.‸ %}' }, End: true } });
    assert.deepEqual(labels(jsonata), ['EnteredTime', 'Name', 'RetryCount']);
    assert.deepEqual(labels(jsonata.replace('$states.context.State.‸', '$states.context.‸')), ['Execution', 'State', 'StateMachine', 'Task']);
    const map = machine({
      Start: { Type: 'Pass', Result: { rows: [{ id: 1 }] }, ResultPath: '$.r', Next: 'Each' },
      Each: { Type: 'Map', ItemsPath: '$.r.rows', ItemSelector: { 'row.$': '$$.Map.Item.Value.‸' }, ItemProcessor: { StartAt: 'I', States: { I: { Type: 'Succeed' } } }, End: true },
    });
    assert.deepEqual(labels(map), ['id']);
    // (a function: in a replacement string `$$` is one `$`)
    assert.deepEqual(labels(map.replace('$$.Map.Item.Value.‸', () => '$$.‸')), ['Execution', 'State', 'StateMachine', 'Task', 'Map']);
    // The same in a JSONata Map's ItemSelector: $states.context.Map.Item.Value is an element of Items.
    const jsonataMap = machine({
      Each: { Type: 'Map', QueryLanguage: 'JSONata', Items: [{ id: 1 }], ItemSelector: { row: '{% $states.context.Map.Item.Value.‸ %}' }, ItemProcessor: { StartAt: 'I', States: { I: { Type: 'Succeed' } } }, End: true },
    });
    assert.deepEqual(labels(jsonataMap), ['id']);
  });

  test('$states. in JSONata: the fields that have a value there; $states.result. the task\'s result; hover in the guide\'s words', () => {
    const text = (output: string, assign: string, args = '') => machine({
      Train: { Type: 'Task', QueryLanguage: 'JSONata', Resource: TRAIN, Arguments: { TrainingJobName: args || 'j' }, Assign: { url: assign }, Output: output,
        Catch: [{ ErrorEquals: ['States.ALL'], Output: '{% $states.errorOutput %}', Next: 'Done' }], Next: 'Done' },
      Done: { Type: 'Succeed' },
    });
    assert.deepEqual(labels(text('{% $states.‸ %}', '{% 1 %}')), ['input', 'result', 'context']);
    assert.deepEqual(labels(text('{% 1 %}', '{% 1 %}', '{% $states.‸ %}')), ['input', 'context']);
    const catcher = machine({ T: { Type: 'Task', QueryLanguage: 'JSONata', Resource: TRAIN, Arguments: {}, Catch: [{ ErrorEquals: ['States.ALL'], Output: '{% $states.‸ %}', Next: 'D' }], End: true }, D: { Type: 'Succeed' } });
    assert.deepEqual(labels(catcher), ['input', 'errorOutput', 'context']);
    assert.ok(labels(text('{% 1 %}', '{% $states.result.‸ %}')).includes('ModelArtifacts'));
    assert.deepEqual(labels(text('{% 1 %}', '{% 1 %}', '{% $states.result.‸ %}')), []);
    // JSONPath states have no $states.
    assert.deepEqual(labels(machine({ P: { Type: 'Pass', Parameters: { 'v.$': '$states.‸' }, End: true } })), []);
    const general = hover(text('{% $st‸ates.input %}', '{% 1 %}'))!;
    assert.match(general, /^\*\*\$states\*\* — the reserved variable of a JSONata state:/);
    assert.match(general, /- `errorOutput`: Error Output \(only available in a Catch\).* \(no value here\)/);
    assert.match(hover(text('{% $states.in‸put %}', '{% 1 %}'))!, /^\*\*\$states\.input\*\* — Original input to the state\.$/);
    assert.match(hover(text('{% 1 %}', '{% 1 %}', '{% $states.res‸ult %}'))!, /It has no value here\./);
  });

  test('$states.input in JSONata, and variables assigned upstream', () => {
    const text = machine({
      Start: { Type: 'Pass', QueryLanguage: 'JSONata', Output: { cfg: { bucket: 'b' } }, Assign: { limits: { max: 3 } }, Next: 'Use' },
      Use: { Type: 'Pass', QueryLanguage: 'JSONata', Output: { a: '{% $states.input.cfg.‸ %}', b: '{% $limits.‸ %}' }, End: true },
    });
    assert.deepEqual(labels(text), ['bucket']);
    assert.deepEqual(labels(text.replace('$states.input.cfg.‸', '$states.input.cfg.').replace('$limits.', '$limits.‸')), ['max']);
    // A variable's name is a Unicode identifier (ASL), in JSONata and in JSONPath.
    const unicode = text.replaceAll('limits', 'größe');
    assert.deepEqual(labels(unicode.replace('$states.input.cfg.‸', '$states.input.cfg.').replace('$größe.', '$größe.‸')), ['max']);
    const jsonPath = machine({
      Start: { Type: 'Pass', Assign: { café: { prix: 3 } }, Next: 'Use' },
      Use: { Type: 'Pass', Parameters: { 'p.$': '$café.‸' }, End: true },
    });
    assert.deepEqual(labels(jsonPath), ['prix']);
  });

  test("hover: a state's or a field's name is text, not Markdown: no image, link or HTML of the document reaches it (review sec37)", () => {
    const name = '![logo](https://evil.example/s.png)';
    const text = machine({ [name]: { Type: 'Pass', Result: { 'a`b': { x: 1 } }, ResultPath: '$.r', Next: 'Use' }, Use: { Type: 'Pass', Parameters: { 'v.$': "$.r['a`b'].x‸" }, End: true } });
    const h = hover(text)!;
    assert.ok(h.startsWith("\\!\\[logo\\](https\\://evil.example/s.png)'s Result: ``a`b.x``, number"), h);
    assert.match(hover(text.replace("x‸", "nope‸"))!, /has no field nope$/);
  });

  test('hover says what a path reads, relative to the result it comes from', () => {
    assert.equal(hover(twoStates('$.train.ModelArtifacts.S3Model‸Artifacts'))?.split('\n')[0], "Train's result (DescribeTrainingJob): `ModelArtifacts.S3ModelArtifacts`, string");
    assert.equal(hover(twoStates('$.cfg.nes‸ted.key')), "Start's Result: `nested`, object");
    assert.match(hover(twoStates('$.somewhere.el‸se'))!, /^Reads the state input: `somewhere\.else`, not known before run time/);
    // A variable, in a JSONPath value: what its Assigns set.
    const variable = (read: string) => machine({
      Start: { Type: 'Pass', Assign: { cfg: { bucket: 'b' } }, Next: 'Use' },
      Use: { Type: 'Pass', Parameters: { 'v.$': read }, End: true },
    });
    assert.equal(hover(variable('$cfg.buc‸ket')), 'the variable $cfg: `bucket`, string');
    assert.equal(hover(variable('$cfg.bukk‸et')), 'Reads the variable $cfg: it has no field bukket');
    assert.match(hover(variable('$other.x‸'))!, /^Reads the variable \$other: `x`, not known before run time/);
  });

  test('in JSONata: hover on a path from $states.input, $states.result or a variable, as its JSONPath says; completion after $states.errorOutput. (ux42)', () => {
    const jsonata = (output: Record<string, unknown>, catcher: Record<string, unknown> = {}) => machine({
      Start: { Type: 'Pass', QueryLanguage: 'JSONata', Output: { cfg: { bucket: 'b' } }, Assign: { cfg: { bucket: 'b' } }, Next: 'Train' },
      Train: { Type: 'Task', QueryLanguage: 'JSONata', Resource: 'arn:aws:states:::sagemaker:createTrainingJob.sync', Arguments: { TrainingJobName: 'j' }, Output: output, Catch: [{ ErrorEquals: ['States.ALL'], Assign: catcher, Next: 'Done' }], Next: 'Done' },
      Done: { Type: 'Succeed' },
    });
    assert.equal(hover(jsonata({ url: '{% $states.result.ModelArtifacts.S3Model‸Artifacts %}' }))?.split('\n')[0], "Train's result (DescribeTrainingJob): `ModelArtifacts.S3ModelArtifacts`, string");
    assert.equal(hover(jsonata({ b: "{% 's3://' & $cfg.buck‸et & '/x' %}" })), 'the variable $cfg: `bucket`, string');
    assert.equal(hover(jsonata({ b: '{% $states.input.cfg.buck‸et %}' })), 'the state input: `cfg.bucket`, string');
    // A function's name is none of these (its own hover says what it is); `$states.result` itself is the reserved variable's hover.
    assert.match(hover(jsonata({ b: '{% $uu‸id() %}' }))!, /^\*\*\$uuid\*\* · \$uuid\(\)/);
    assert.match(hover(jsonata({ b: '{% $states.res‸ult.ModelArtifacts %}' }))!, /^\*\*\$states\.result\*\*/);
    assert.deepEqual(labels(jsonata({}, { why: '{% $states.errorOutput.‸ %}' })), ['Error', 'Cause']);
  });

  test('hover on a context object path ($$): the field as the developer guide documents it; the item in a Map\'s ItemSelector', () => {
    assert.equal(hover(twoStates('$$.Execution.I‸d')), 'the context object: `Execution.Id`, string\n\nThe execution ARN.');
    assert.equal(hover(twoStates('$$.Execution.Input.x‸')), 'Reads the context object: `Execution.Input.x`, not known before run time');
    // Wildcards, filters and deep scans as written.
    assert.match(hover(twoStates('$.somewhere[*].na‸me'))!, /^Reads the state input: `somewhere\[\*\]\.name`, not known/);
    assert.match(hover(twoStates('$..na‸me'))!, /^Reads the state input: `\.\.name`, not known/);
    // What the warning says, the hover says: a field that is not there, or not documented in the context object.
    assert.equal(hover(twoStates('$$.Execution.Nm‸ae')), 'Reads the context object: `Execution` has no documented field Nmae');
    assert.equal(hover(twoStates('$$.Execution.Id.ext‸ra')), 'Reads the context object: `Execution.Id` is a string, it has no field extra');
    assert.equal(hover(twoStates('$.cfg.nested.key.oth‸er')), "Reads the state input (Start's Result): `nested.key` is a string, it has no field other");
    assert.equal(hover(twoStates('$.cfg.nested.k‸')), "Reads the state input (Start's Result): `nested` has no field k");
    const map = machine({
      Start: { Type: 'Pass', Result: { rows: [{ id: 1 }] }, Next: 'Each' },
      Each: { Type: 'Map', ItemsPath: '$.rows', ItemSelector: { 'row.$': '$$.Map.Item.Value.i‸d' }, ItemProcessor: { StartAt: 'I', States: { I: { Type: 'Succeed' } } }, End: true },
    });
    assert.match(hover(map)!, /^Each's item: `id`, number/);
    // JSONata: $states.context is the same object.
    const jsonata = machine({ P: { Type: 'Pass', QueryLanguage: 'JSONata', Output: { id: '{% $states.context.Execution.I‸d %}', x: '{% $states.input.a %}' }, End: true } });
    assert.equal(hover(jsonata), 'the context object: `Execution.Id`, string\n\nThe execution ARN.');
    assert.equal(hover(jsonata.replace('Execution.I‸d', 'Execution.Input.f‸oo')), 'Reads the context object: `Execution.Input.foo`, not known before run time');
    // Up to the step under the cursor, and a field the context object does not document, as the JSONPath hover says.
    assert.equal(hover(jsonata.replace('Execution.I‸d', 'Exec‸ution.Id')), 'the context object: `Execution`, object\n\nThe execution.');
    assert.equal(hover(jsonata.replace('Execution.I‸d', 'Execution.Nm‸ae')), 'Reads the context object: `Execution` has no documented field Nmae');
    // In a JSONata Map's ItemSelector, $states.context.Map.Item.Value is an element of Items.
    const jsonataMap = machine({
      Each: { Type: 'Map', QueryLanguage: 'JSONata', Items: [{ id: 1 }], ItemSelector: { row: '{% $states.context.Map.Item.Value.i‸d %}' }, ItemProcessor: { StartAt: 'I', States: { I: { Type: 'Succeed' } } }, End: true },
    });
    assert.match(hover(jsonataMap)!, /^Each's item: `id`, number/);
    // Only where a JSONata state evaluates it: not a Comment, not a JSONPath state.
    assert.equal(hover(machine({ P: { Type: 'Pass', QueryLanguage: 'JSONata', Comment: '{% $states.context.Execution.I‸d %}', End: true } })), null);
    assert.equal(hover(machine({ P: { Type: 'Pass', Parameters: { id: '{% $states.context.Execution.I‸d %}' }, End: true } })), null);
  });
});

test('nesting as deep as the parser allows: no recursion over it (arrays and objects, joined at a merge)', () => {
  const depth = 1900;
  const deepArray = '['.repeat(depth) + '1' + ']'.repeat(depth);
  const deepObject = '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
  const text = `{"StartAt":"A","States":{
    "A":{"Type":"Pass","Result":{"x":${deepArray},"y":${deepObject}},"Next":"C"},
    "C":{"Type":"Choice","Choices":[{"Variable":"$.y.a","IsPresent":true,"Next":"L"}],"Default":"R"},
    "L":{"Type":"Pass","Result":{"x":${deepArray}},"ResultPath":"$.l","Next":"J"},
    "R":{"Type":"Pass","Parameters":{"x.$":"$.x","deep":${deepArray}},"ResultPath":"$.l","Next":"J"},
    "J":{"Type":"Pass","Parameters":{"v.$":"$.l.x${'[0]'.repeat(50)}", "w.$": "$.y${'.a'.repeat(50)}.b"},"End":true}}}`;
  const found = dataflow(text);
  assert.deepEqual(found.map((f) => f.code), ['path-not-in-input']);
  assert.match(found[0].message, /is an object, it has no field b|has no field b/);
});

describe('JSONata values that are a plain path reading what cannot be there (the state fails: States.QueryEvaluationError)', () => {
  const ARGS = { TrainingJobName: 'j', AlgorithmSpecification: { TrainingImage: 'x', TrainingInputMode: 'File' }, RoleArn: 'arn:aws:iam::123456789012:role/sm', OutputDataConfig: { S3OutputPath: 's3://b' }, ResourceConfig: { InstanceCount: 1, InstanceType: 'ml.m5.xlarge', VolumeSizeInGB: 10 }, StoppingCondition: { MaxRuntimeInSeconds: 3600 } };
  const jsonata = (states: Record<string, unknown>) => JSON.stringify({ QueryLanguage: 'JSONata', StartAt: Object.keys(states)[0], States: states }, null, 2);
  const FAILS = 'so the expression returns nothing and the state fails (States.QueryEvaluationError)';

  test('a whole value reading a field of the input that the upstream result replaced: a warning on the path', () => {
    const text = jsonata({ Train: { Type: 'Task', Resource: TRAIN, Arguments: ARGS, Next: 'Use' }, Use: { Type: 'Pass', Output: '{% $states.input.jobName %}', End: true } });
    assert.deepEqual(dataflow(text), [
      { code: 'path-not-in-input', severity: 'warning', at: '$states.input.jobName', message: `$states.input.jobName: the state input here is Train's result (DescribeTrainingJob) (nothing upstream keeps other fields), which has no field jobName, ${FAILS}` },
    ]);
  });

  test("after a Map whose iterations output strings: the input is an array of strings, said so (clean22 o2)", () => {
    const text = jsonata({
      M: { Type: 'Map', Items: '{% $states.input.xs %}', ItemProcessor: { StartAt: 'T', States: { T: { Type: 'Task', Resource: TRAIN, Arguments: ARGS, Output: '{% $states.result.TrainingJobArn %}', End: true } } }, Next: 'Use' },
      Use: { Type: 'Pass', Output: '{% $states.input.uri %}', End: true },
    });
    assert.deepEqual(dataflow(text).map((f) => f.message), [`$states.input.uri: the state input is an array of strings, it has no field uri, ${FAILS}`]);
  });

  test('the same path inside a larger expression, or guarded, is no warning: a missing field is only undefined there', () => {
    for (const expr of ["{% { 'k': $states.input.jobName } %}", '{% $exists($states.input.jobName) ? $states.input.jobName : "x" %}', '{% $states.input.jobName or true %}', '{% $states.input.jobName & "" %}', '{% $states.input.ModelArtifacts[0].S3ModelArtifacts %}']) {
      const text = jsonata({ Train: { Type: 'Task', Resource: TRAIN, Arguments: ARGS, Next: 'Use' }, Use: { Type: 'Pass', Output: { v: expr }, End: true } });
      assert.deepEqual(dataflow(text), [], expr);
    }
  });

  test('$states.result in the Output of a .sync training with a misspelt member: did you mean, with the fix', () => {
    const text = jsonata({ Train: { Type: 'Task', Resource: TRAIN, Arguments: ARGS, Output: { uri: '{% $states.result.ModelArtifacts.S3ModelArtifact %}', ok: '{% $states.result.ModelArtifacts.S3ModelArtifacts %}' }, End: true } });
    const found = findings(text, { source: 'dataflow' });
    assert.deepEqual(found, [
      { code: 'path-not-in-input', severity: 'warning', at: '$states.result.ModelArtifacts.S3ModelArtifact', message: `$states.result.ModelArtifacts.S3ModelArtifact: $states.result.ModelArtifacts (in Train's result (DescribeTrainingJob)) has no field S3ModelArtifact, ${FAILS}; did you mean $states.result.ModelArtifacts.S3ModelArtifacts?` },
    ]);
    const [p] = validateDataflow(parseDocument(text, 'asl'));
    assert.deepEqual(p.data, { replacement: '$states.result.ModelArtifacts.S3ModelArtifacts' });
    // $states.result is not there in Arguments (another check's error): not judged here.
    const args = jsonata({ Train: { Type: 'Task', Resource: TRAIN, Arguments: { ...ARGS, TrainingJobName: '{% $states.result.Nope %}' }, End: true } });
    assert.deepEqual(dataflow(args), []);
  });

  test('a variable holding a training result, read with a typo, whether a JSONata or a JSONPath state assigns it', () => {
    const text = jsonata({
      Train: { Type: 'Task', Resource: TRAIN, Arguments: ARGS, Assign: { training: '{% $states.result %}' }, Next: 'Use' },
      Use: { Type: 'Pass', Output: { a: '{% $training.ModelArtifact.S3ModelArtifacts %}', b: '{% $training.ModelArtifacts.S3ModelArtifacts %}' }, End: true },
    });
    assert.deepEqual(dataflow(text), [
      { code: 'path-not-in-input', severity: 'warning', at: '$training.ModelArtifact.S3ModelArtifacts', message: `$training.ModelArtifact.S3ModelArtifacts: the variable $training (Train's result (DescribeTrainingJob)) has no field ModelArtifact, ${FAILS}; did you mean $training.ModelArtifacts.S3ModelArtifacts?` },
    ]);
    const viaJsonPath = JSON.stringify({ StartAt: 'Train', States: {
      Train: { Type: 'Task', Resource: TRAIN, Parameters: {}, Assign: { 'training.$': '$' }, Next: 'Use' },
      Use: { Type: 'Pass', QueryLanguage: 'JSONata', Output: '{% $training.ModelArtifact %}', End: true },
    } });
    assert.deepEqual(dataflow(viaJsonPath).map((f) => f.at), ['$training.ModelArtifact']);
    // After a ResultSelector, what `$` is in a JSONPath Assign is not recorded: the variable is not known.
    assert.deepEqual(dataflow(viaJsonPath.replace('"Parameters":{}', '"Parameters":{},"ResultSelector":{"a":1}')), []);
  });

  test('a catcher assigning the same variable the error output: a field of either is no warning, one of neither is', () => {
    const text = jsonata({
      Train: { Type: 'Task', Resource: TRAIN, Arguments: ARGS, Assign: { r: '{% $states.result %}' }, Catch: [{ ErrorEquals: ['States.ALL'], Assign: { r: '{% $states.errorOutput %}' }, Next: 'Use' }], Next: 'Use' },
      Use: { Type: 'Pass', Output: { a: '{% $r.Cause %}', b: '{% $r.ModelArtifacts %}', c: '{% $r.Caus %}' }, End: true },
    });
    assert.deepEqual(dataflow(text).map((f) => f.at), ['$r.Caus']);
  });

  test('$states.errorOutput in a catcher has Error and Cause: another field is a warning, as $ is in a JSONPath catcher (df34)', () => {
    const text = jsonata({
      Train: { Type: 'Task', Resource: TRAIN, Arguments: ARGS, Catch: [{ ErrorEquals: ['States.ALL'], Assign: { why: '{% $states.errorOutput.Reason %}', what: '{% $states.errorOutput.Error %}' }, Output: { m: '{% $states.errorOutput.Message %}', c: '{% $states.errorOutput.Cause %}' }, Next: 'Done' }], Next: 'Done' },
      Done: { Type: 'Succeed' },
    });
    assert.deepEqual(dataflow(text).map((f) => f.at).sort(), ['$states.errorOutput.Message', '$states.errorOutput.Reason']);
    assert.ok(dataflow(text).some((f) => f.message.startsWith('$states.errorOutput.Reason: the error output has no field Reason,')));
  });

  test('a written-out Items array: each element is one item, not an array to be (the review of the day)', () => {
    const text = jsonata({
      Prep: { Type: 'Pass', Output: { a: 'x', b: 'y' }, Next: 'Fan' },
      Fan: { Type: 'Map', Items: ['{% $states.input.a %}', '{% $states.input.b %}'], ItemProcessor: { ProcessorConfig: { Mode: 'INLINE' }, StartAt: 'W', States: { W: { Type: 'Pass', End: true } } }, End: true },
    });
    assert.deepEqual(dataflow(text), []);
  });

  test('an index step in a JSONata path reads that element: a Parallel\'s branch output, a Map\'s iteration output (df34)', () => {
    const text = jsonata({
      Both: { Type: 'Parallel', Branches: [
        { StartAt: 'A', States: { A: { Type: 'Pass', Output: { x: 1 }, End: true } } },
        { StartAt: 'B', States: { B: { Type: 'Pass', Output: { y: 2 }, End: true } } },
      ], Next: 'Use' },
      Use: { Type: 'Pass', Output: { a: '{% $states.input[0].x %}', b: '{% $states.input[0].y %}', c: '{% $states.input[1].y %}', d: '{% $states.input[5].z %}' }, End: true },
    });
    // [5] is past the two branches: nothing there, as `$[5]` in JSONPath (df45).
    assert.deepEqual(dataflow(text).map((f) => f.at), ['$states.input[0].y', '$states.input[5].z']);
    assert.match(dataflow(text)[0].message, /^\$states\.input\[0\]\.y: \$states\.input\[0\].* has no field y.*; did you mean \$states\.input\[0\]\.x\?$/);
    assert.match(dataflow(text)[1].message, /^\$states\.input\[5\]\.z: .* has 2 elements: it has no element \[5\], so the expression returns nothing and the state fails \(States\.QueryEvaluationError\)$/);
  });

  test('an object written as the whole JSONata expression has the names it writes, and no other (df34)', () => {
    const text = jsonata({
      Pack: { Type: 'Pass', Output: "{% {'art': $states.input.a, 'job': 'j'} %}", Next: 'Use' },
      Use: { Type: 'Pass', Output: { a: '{% $states.input.art %}', b: '{% $states.input.artifact %}' }, Next: 'Computed' },
      // A name computed is any name; a constructor grouped over a path is not the whole expression.
      Computed: { Type: 'Pass', Output: '{% {$states.input.k: 1} %}', Next: 'Last' },
      Last: { Type: 'Pass', Output: '{% $states.input.anything %}', End: true },
    });
    assert.deepEqual(dataflow(text).map((f) => f.at), ['$states.input.artifact']);
  });

  test('an unknown input (the execution input), an open one, or an unknown result: nothing', () => {
    const text = jsonata({
      Start: { Type: 'Pass', Output: '{% $states.input.anything %}', Next: 'Lambda' },
      Lambda: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Arguments: {}, Output: '{% $states.result.Payload %}', Next: 'Use' },
      Use: { Type: 'Pass', Output: '{% $states.input.whatever.deep %}', Next: 'Keyed' },
      // A template's placeholder in a key names a field not known here.
      Keyed: { Type: 'Pass', Output: { '${Key}': 1 }, Next: 'Last' },
      Last: { Type: 'Pass', Output: '{% $states.input.real %}', End: true },
    });
    assert.deepEqual(dataflow(text), []);
  });

  test("a path in a Map's iterations that reads no field of the item says what the item is: its ItemSelector's (walk38: 'the state input has no field candidates')", () => {
    const text = machine({
      'Score regions': { Type: 'Map', ItemsPath: '$.regions', ItemSelector: { 'region.$': '$$.Map.Item.Value', 'model.$': '$.model' }, ItemProcessor: { StartAt: 'Score', States: { Score: { Type: 'Pass', Parameters: { 'r.$': '$.regin' }, End: true } } }, End: true },
    });
    assert.deepEqual(dataflow(text).map((f) => f.message), ['$.regin: the state input here is one item of Score regions, as its ItemSelector makes it (nothing upstream keeps other fields), which has no field regin; did you mean $.region?']);
  });

  test('a Parallel result is read element by element; a Map iteration gets its ItemSelector', () => {
    const text = jsonata({
      Both: { Type: 'Parallel', Branches: [{ StartAt: 'A', States: { A: { Type: 'Pass', Output: { auc: 0.9 }, End: true } } }], Output: { ok: '{% $states.result.auc %}', bad: '{% $states.result.aucc %}' }, Next: 'Map' },
      Map: { Type: 'Map', Items: '{% [1, 2] %}', ItemSelector: { h: '{% $states.context.Map.Item.Value %}' }, ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', Output: { a: '{% $states.input.h %}', b: '{% $states.input.hp %}' }, End: true } } }, End: true },
    });
    assert.deepEqual(dataflow(text).map((f) => [f.at, f.message.split(',')[0]]), [
      ['$states.result.aucc', '$states.result.aucc: the result is an array whose elements have no field aucc'],
      ['$states.input.hp', '$states.input.hp: the state input here is one item of Map'],
    ]);
  });

  test("a Choice rule's own Output is what its Next gets", () => {
    const text = jsonata({
      Start: { Type: 'Pass', Output: { a: 1 }, Next: 'C' },
      C: { Type: 'Choice', Choices: [{ Condition: '{% $states.input.a = 1 %}', Output: { b: '{% $states.input.a %}' }, Next: 'Use' }], Default: 'Use' },
      Use: { Type: 'Pass', Output: { a: '{% $states.input.a %}', b: '{% $states.input.b %}', z: '{% $states.input.zz %}' }, End: true },
    });
    assert.deepEqual(dataflow(text).map((f) => f.at), ['$states.input.zz']);
    // Only the rule leads there: its Output is all the Next state gets ("the value of its "Output" field, if any,
    // will become the state output"), not the Choice state's own.
    const only = jsonata({
      Start: { Type: 'Pass', Output: { a: 1 }, Next: 'C' },
      C: { Type: 'Choice', Choices: [{ Condition: '{% $states.input.a = 1 %}', Output: { b: '{% $states.input.a %}' }, Next: 'Use' }], Default: 'Stop', Output: { a: 2, b: 2 } },
      Use: { Type: 'Pass', Output: { a: '{% $states.input.a %}', b: '{% $states.input.b %}' }, End: true },
      Stop: { Type: 'Fail' },
    });
    assert.deepEqual(dataflow(only).map((f) => f.at), ['$states.input.a']);
  });

  test('YAML: the path placed in a plain and a quoted scalar', () => {
    const yaml = [
      'QueryLanguage: JSONata', 'StartAt: Train', 'States:', '  Train:', '    Type: Task', `    Resource: ${TRAIN}`, '    Arguments: {}', '    Next: Use', '  Use:', '    Type: Pass', '    Output:',
      "      a: '{% $states.input.ModelArtifact.S3ModelArtifacts %}'", '      b: "{% $states.input.TrainingJobNme %}"', '    End: true', '',
    ].join('\n');
    assert.deepEqual(dataflow(yaml, 'asl-yaml').map((f) => f.at), ['$states.input.ModelArtifact.S3ModelArtifacts', '$states.input.TrainingJobNme']);
    assert.match(dataflow(yaml, 'asl-yaml')[0].message, /did you mean \$states\.input\.ModelArtifacts\.S3ModelArtifacts\?$/);
    // A folded scalar maps through its folding (core/stringSource.ts); an escape inside quotes through it.
    const folded = yaml.replace("      a: '{% $states.input.ModelArtifact.S3ModelArtifacts %}'", '      a: >-\n        {% $states.input.ModelArtifact.S3ModelArtifacts %}').replace('"{% $states.input.TrainingJobNme %}"', '"{% $states.input.\\u0054rainingJobNme %}"');
    assert.deepEqual(dataflow(folded, 'asl-yaml').map((f) => f.at), ['$states.input.ModelArtifact.S3ModelArtifacts', '$states.input.\\u0054rainingJobNme']);
    // The same for a JSONPath value folded over two lines: the path on its line, and the fix writes it there.
    const jsonPath = ['StartAt: Init', 'States:', '  Init:', '    Type: Pass', '    Result: { cfg: { bucket: b } }', '    Next: Use', '  Use:', '    Type: Pass', '    Parameters:',
      '      p.$: >-', "        States.Format('{}',", '        $.cfg.buckett)', '    End: true', ''].join('\n');
    const [f] = dataflow(jsonPath, 'asl-yaml');
    assert.equal(f.at, '$.cfg.buckett');
    assert.deepEqual(validateDataflow(parseDocument(jsonPath, 'asl-yaml'))[0].data, { replacement: '$.cfg.bucket' });
  });
});

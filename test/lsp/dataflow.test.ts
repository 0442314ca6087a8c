// The data flow over the wire (dist/server.js over stdio): the Data Science SDK report as a regression test
// (the hint, its quick fix), completion of the fields a path can read, hover on what it reads.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
// @ts-expect-error: a plain ES module without types, vendored from the shared tools
import { positionAt } from './lsp-client.mjs';
import { useServer } from './setup';

const TRAIN = 'arn:aws:states:::sagemaker:createTrainingJob.sync';

// The Step Functions Data Science SDK report: the training result goes to $.TrainingStepResults, the model step
// still reads it from the root, and every execution fails with States.Runtime after the training.
const DSSDK = JSON.stringify(
  {
    StartAt: 'Training Step',
    States: {
      'Training Step': { Type: 'Task', Resource: TRAIN, Parameters: { 'TrainingJobName.$': '$$.Execution.Name' }, ResultPath: '$.TrainingStepResults', Next: 'Save Model' },
      'Save Model': {
        Type: 'Task',
        Resource: 'arn:aws:states:::sagemaker:createModel',
        Parameters: { 'ModelName.$': '$.TrainingStepResults.TrainingJobName', ExecutionRoleArn: 'arn:aws:iam::111122223333:role/R', PrimaryContainer: { Image: 'i', 'ModelDataUrl.$': "$['ModelArtifacts']['S3ModelArtifacts']" } },
        End: true,
      },
    },
  },
  null,
  2,
);

describe('data flow over LSP', () => {
  const client = useServer();

  test('the Data Science SDK report: a hint naming $.TrainingStepResults…, and its quick fix', async () => {
    const uri = 'file:///w/dssdk.asl.json';
    const diags = (await client.open(uri, 'asl', DSSDK)).filter((d: any) => d.source === 'dataflow');
    assert.deepEqual(diags.map((d: any) => [d.code, d.severity]), [['path-elsewhere', 3]]);
    assert.match(diags[0].message, /did you mean \$\.TrainingStepResults\.ModelArtifacts\.S3ModelArtifacts\?$/);
    const actions = await client.codeActions(uri, diags[0].range, diags);
    const fix = actions.find((a: any) => a.title === 'Change to $.TrainingStepResults.ModelArtifacts.S3ModelArtifacts');
    assert.ok(fix, JSON.stringify(actions.map((a: any) => a.title)));
    const [edit] = fix.edit.changes[uri];
    assert.deepEqual(edit.range, diags[0].range);
    const fixed = DSSDK.replace("$['ModelArtifacts']['S3ModelArtifacts']", edit.newText);
    assert.deepEqual((await client.change(uri, fixed)).filter((d: any) => d.source === 'dataflow'), []);
  });

  test('a Choice edited to test a value a Wait reads, and back: the warning goes and comes with it (the review of the day: an edited Choice left it standing)', async () => {
    const uri = 'file:///w/guard.asl.json';
    const text = (tested: string) => JSON.stringify({ StartAt: 'D', States: { D: { Type: 'Pass', Result: { delay: -1, other: 1 }, Next: 'C' }, C: { Type: 'Choice', Choices: [{ Variable: tested, NumericGreaterThanEquals: 0, Next: 'W' }], Default: 'E' }, W: { Type: 'Wait', SecondsPath: '$.delay', Next: 'E' }, E: { Type: 'Succeed' } } }, null, 2);
    const warned = (diags: any[]) => diags.filter((d: any) => d.source === 'dataflow').map((d: any) => d.message.slice(0, 24));
    assert.deepEqual(warned(await client.open(uri, 'asl', text('$.other'))), ['$.delay selects -1, and ']);
    assert.deepEqual(warned(await client.change(uri, text('$.delay'))), []);
    assert.deepEqual(warned(await client.change(uri, text('$.other'))), ['$.delay selects -1, and ']);
  });

  test('completion inside a .$ value offers the fields of the training result, with types and documentation', async () => {
    const uri = 'file:///w/complete.asl.json';
    const text = DSSDK.replace("$['ModelArtifacts']['S3ModelArtifacts']", '$.TrainingStepResults.ModelArtifacts.');
    await client.open(uri, 'asl', text);
    const at = text.indexOf('$.TrainingStepResults.ModelArtifacts.') + '$.TrainingStepResults.ModelArtifacts.'.length;
    const items = await client.completion(uri, positionAt(text, at));
    const list = Array.isArray(items) ? items : items.items;
    const s3 = list.find((i: any) => i.label === 'S3ModelArtifacts');
    assert.ok(s3, JSON.stringify(list.map((i: any) => i.label)));
    assert.equal(s3.detail, 'string');
    assert.match(s3.documentation.value, /S3/);
    const top = await client.completion(uri, positionAt(text, text.indexOf('$.TrainingStepResults.ModelArtifacts.') + '$.TrainingStepResults.'.length));
    const labels = (Array.isArray(top) ? top : top.items).map((i: any) => i.label);
    for (const l of ['ModelArtifacts', 'TrainingJobName', 'TrainingJobStatus']) assert.ok(labels.includes(l), l);
  });

  test("a Parallel's output read as if it were one branch's: a warning in JSON and YAML, the fix to the one element that has it", async () => {
    const machine = {
      StartAt: 'P',
      States: {
        P: {
          Type: 'Parallel',
          Branches: [
            { StartAt: 'A', States: { A: { Type: 'Pass', Result: { uri: 's3://b/m' }, End: true } } },
            { StartAt: 'B', States: { B: { Type: 'Pass', Result: { n: 1 }, End: true } } },
          ],
          ResultPath: '$.both',
          Next: 'Use',
        },
        Use: { Type: 'Pass', Parameters: { 'u.$': '$.both.uri' }, End: true },
      },
    };
    const yaml = [
      'StartAt: P',
      'States:',
      '  P:',
      '    Type: Parallel',
      '    Branches:',
      '      - StartAt: A',
      '        States: {A: {Type: Pass, Result: {uri: "s3://b/m"}, End: true}}',
      '      - StartAt: B',
      '        States: {B: {Type: Pass, Result: {n: 1}, End: true}}',
      '    ResultPath: $.both',
      '    Next: Use',
      '  Use:',
      '    Type: Pass',
      '    Parameters:',
      '      u.$: $.both.uri',
      '    End: true',
      '',
    ].join('\n');
    for (const [uri, language, text] of [['file:///w/parallel.asl.json', 'asl', JSON.stringify(machine, null, 2)], ['file:///w/parallel.asl.yaml', 'asl-yaml', yaml]]) {
      const diags = (await client.open(uri, language, text)).filter((d: any) => d.source === 'dataflow');
      assert.deepEqual(diags.map((d: any) => [d.code, d.severity, d.message]), [['path-not-in-input', 2, "$.both.uri: $.both (P's branch outputs) is an array, it has no field uri; did you mean $.both[0].uri?"]], uri);
      const fix = (await client.codeActions(uri, diags[0].range, diags)).find((a: any) => a.title === 'Change to $.both[0].uri');
      assert.ok(fix, uri);
      assert.deepEqual((await client.change(uri, text.replace('$.both.uri', fix.edit.changes[uri][0].newText))).filter((d: any) => d.source === 'dataflow'), [], uri);
    }
  });

  test('a variable assigned only inside a Map iteration, read after the Map: the warning names the Map', async () => {
    const uri = 'file:///w/inner-variable.asl.json';
    const text = JSON.stringify({
      QueryLanguage: 'JSONata',
      StartAt: 'Each',
      States: {
        Each: { Type: 'Map', Items: '{% $states.input.sets %}', ItemProcessor: { StartAt: 'T', States: { T: { Type: 'Pass', Assign: { uri: '{% $states.input.uri %}' }, End: true } } }, Next: 'Use' },
        Use: { Type: 'Pass', Output: '{% $uri %}', End: true },
      },
    });
    const diags = (await client.open(uri, 'asl', text)).filter((d: any) => d.code === 'asl-unknown-variable');
    assert.deepEqual(diags.map((d: any) => [d.severity, d.message]), [
      [2, "$uri is assigned only inside the iteration of the Map \"Each\", whose variables are not visible outside it: return the value in the iteration's output (the Map's result holds it) and read it from there"],
    ]);
  });

  test('a misspelt member of the context object: a warning with the documented name, and its quick fix', async () => {
    const uri = 'file:///w/context.asl.json';
    const text = JSON.stringify({ StartAt: 'P', States: { P: { Type: 'Pass', Parameters: { 'a.$': '$$.Execution.Nmae', 'b.$': '$$.Execution.Name' }, End: true } } }, null, 2);
    const diags = (await client.open(uri, 'asl', text)).filter((d: any) => d.source === 'dataflow');
    assert.deepEqual(diags.map((d: any) => [d.code, d.severity, d.message]), [['path-not-in-input', 2, '$$.Execution.Nmae: $$.Execution (in the context object) has no field Nmae; did you mean $$.Execution.Name?']]);
    const fix = (await client.codeActions(uri, diags[0].range, diags)).find((a: any) => a.title === 'Change to $$.Execution.Name');
    assert.ok(fix);
    assert.deepEqual((await client.change(uri, text.replace('$$.Execution.Nmae', fix.edit.changes[uri][0].newText))).filter((d: any) => d.source === 'dataflow'), []);
  });

  test('a JSONata value that is a plain path to a misspelt member: a warning on the path, and its quick fix', async () => {
    const uri = 'file:///w/jsonata-result.asl.json';
    const text = JSON.stringify({ QueryLanguage: 'JSONata', StartAt: 'T', States: { T: { Type: 'Task', Resource: TRAIN, Arguments: {}, Output: { uri: '{% $states.result.ModelArtifacts.S3ModelArtifact %}', kept: "{% { 'u': $states.result.ModelArtifacts.S3ModelArtifact } %}" }, End: true } } }, null, 2);
    const diags = (await client.open(uri, 'asl', text)).filter((d: any) => d.source === 'dataflow');
    assert.deepEqual(diags.map((d: any) => [d.code, d.severity, d.message]), [
      ['path-not-in-input', 2, "$states.result.ModelArtifacts.S3ModelArtifact: $states.result.ModelArtifacts (in T's result (DescribeTrainingJob)) has no field S3ModelArtifact, so the expression returns nothing and the state fails (States.QueryEvaluationError); did you mean $states.result.ModelArtifacts.S3ModelArtifacts?"],
    ]);
    const start = text.indexOf('$states.result.ModelArtifacts.S3ModelArtifact');
    assert.deepEqual(diags[0].range, { start: positionAt(text, start), end: positionAt(text, start + '$states.result.ModelArtifacts.S3ModelArtifact'.length) });
    const fix = (await client.codeActions(uri, diags[0].range, diags)).find((a: any) => a.title === 'Change to $states.result.ModelArtifacts.S3ModelArtifacts');
    assert.ok(fix);
    const fixed = text.slice(0, start) + fix.edit.changes[uri][0].newText + text.slice(start + '$states.result.ModelArtifacts.S3ModelArtifact'.length);
    assert.deepEqual((await client.change(uri, fixed)).filter((d: any) => d.source === 'dataflow'), []);
  });

  test('hover on a path says what it reads', async () => {
    const uri = 'file:///w/hover.asl.json';
    const text = DSSDK.replace("$['ModelArtifacts']['S3ModelArtifacts']", '$.TrainingStepResults.ModelArtifacts.S3ModelArtifacts');
    await client.open(uri, 'asl', text);
    const hover = await client.hover(uri, positionAt(text, text.indexOf('S3ModelArtifacts"') + 3));
    assert.match(hover.contents.value, /^Training Step's result \(DescribeTrainingJob\): `ModelArtifacts\.S3ModelArtifacts`, string/);
  });
});

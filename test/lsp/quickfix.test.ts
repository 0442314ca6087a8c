// Quick fixes and fix-all over stdio, as an editor asks for them: code actions for a diagnostic's range, and
// fix-all (kind source.fixAll.sagemaker) for the whole document; the edits applied, the document sent back, its
// diagnostics gone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServer } from './setup';
import { applyEdits } from './edits';

const client = useServer();

const text = JSON.stringify(
  {
    StartAt: 'Train',
    States: {
      Train: {
        Type: 'Task',
        Resource: 'arn:aws:states:::sagemaker:createTrainingJob.sync',
        Parameters: {
          TrainingJobName: 'churn xgb',
          RoleArn: 'arn:aws:iam::111122223333:role/R',
          OutputDataConfig: { S3OutputPath: 's3://b/o' },
          AlgorithmSpecification: { TrainingImage: '382416733822.dkr.ecr.us-east-1.amazonaws.com/linear-learner:1', TrainingInputMode: 'File' },
          ResourceConfig: { InstanceCount: '2', InstanceType: 'ml.m5.large', VolumeSizeInGB: 10 },
        },
        End: true,
      },
    },
  },
  null,
  2,
);

test('the quick fix of a diagnostic: one preferred action whose edit clears it', async () => {
  const uri = 'file:///w/quickfix.asl.json';
  const diags = await client.open(uri, 'asl', text);
  const name = diags.find((d: any) => d.code === 'pattern');
  const actions = await client.codeActions(uri, name.range, [name]);
  assert.deepEqual(
    actions.map((a: any) => [a.kind, a.title, a.isPreferred]),
    [['quickfix', 'Change to "churn-xgb"', true]],
  );
  assert.deepEqual(actions[0].diagnostics.map((d: any) => d.code), ['pattern']);
  const fixed = applyEdits(text, actions[0].edit.changes[uri]);
  const after = await client.change(uri, fixed);
  assert.deepEqual(after.map((d: any) => d.code), ['wrong-type']);
  client.close(uri);
});

/** The code actions for the whole document of the kinds in `only`. */
function sourceActions(uri: string, only: string[]) {
  const line = text.split('\n').length;
  return client.request('textDocument/codeAction', {
    textDocument: { uri },
    range: { start: { line: 0, character: 0 }, end: { line, character: 0 } },
    context: { diagnostics: [], only },
  });
}

test('source.fixAll: every unambiguous fix in one edit, no diagnostic left', async () => {
  const uri = 'file:///w/fixall.asl.json';
  await client.open(uri, 'asl', text);
  const actions = await sourceActions(uri, ['source.fixAll']);
  assert.deepEqual(actions.map((a: any) => [a.kind, a.title]), [['source.fixAll.sagemaker', 'Fix all SageMaker problems']]);
  const fixed = applyEdits(text, actions[0].edit.changes[uri]);
  assert.equal(fixed, text.replace('churn xgb', 'churn-xgb').replace('"InstanceCount": "2"', '"InstanceCount": 2'));
  assert.deepEqual(await client.change(uri, fixed), []);
  client.close(uri);
});

test('fix-all has a kind of its own: declared, answered when asked for by that kind alone, not for another fix-all', async () => {
  assert.deepEqual(client.capabilities.codeActionProvider.codeActionKinds, ['quickfix', 'source.fixAll.sagemaker']);
  const uri = 'file:///w/fixall-kind.asl.json';
  await client.open(uri, 'asl', text);
  const actions = await sourceActions(uri, ['source.fixAll.sagemaker']);
  assert.deepEqual(actions.map((a: any) => [a.kind, a.title]), [['source.fixAll.sagemaker', 'Fix all SageMaker problems']]);
  assert.equal(applyEdits(text, actions[0].edit.changes[uri]), text.replace('churn xgb', 'churn-xgb').replace('"InstanceCount": "2"', '"InstanceCount": 2'));
  assert.deepEqual(await sourceActions(uri, ['source.fixAll.eslint']), []);
  client.close(uri);
});

test('the ASL findings that name their likely correction offer it (never in fix-all): a misspelt field, Next target, Type; JSON and YAML', async () => {
  const asl = JSON.stringify({ StartAt: 'Train', States: { Train: { Type: 'Pass', ResultPth: '$.r', Next: 'Deploy Modle' }, 'Deploy Model': { Type: 'succeed' } } }, null, 2);
  const yaml = ['StartAt: Train', 'States:', '  Train:', '    Type: Pass', '    ResultPth: $.r', '    Next: Deploy Modle', '  Deploy Model:', '    Type: succeed', ''].join('\n');
  for (const [uri, lang, source] of [['file:///w/aslfix.asl.json', 'asl', asl], ['file:///w/aslfix.asl.yaml', 'asl-yaml', yaml]]) {
    const diags = await client.open(uri, lang, source);
    // The type in another case is certainly meant (preferred); a name close by letters is a guess.
    const wanted = [['asl-unknown-state-type', 'Change to "Succeed"', 'Type: Succeed', true], ['asl-unknown-state', 'Change to "Deploy Model"', 'Next: Deploy Model', false], ['asl-unknown-field', 'Rename to "ResultPath"', 'ResultPath: ', false]] as const;
    for (const [code, title, written, preferred] of wanted) {
      const d = diags.find((x: any) => x.code === code);
      assert.ok(d, `${lang}: ${code} in ${JSON.stringify(diags.map((x: any) => x.code))}`);
      const actions = (await client.codeActions(uri, d.range, [d])).filter((a: any) => a.kind === 'quickfix');
      assert.deepEqual(actions.map((a: any) => [a.title, a.isPreferred ?? false]), [[title, preferred]], `${lang} ${code}`);
      const fixed = applyEdits(source, actions[0].edit.changes[uri]);
      assert.ok(fixed.replace(/"/g, '').replace(/, *\n? */g, '\n').includes(written.replace(/"/g, '')), fixed);
    }
    // Fix-all takes the certain one (the type in another case), not the close names (likely meant, not certainly).
    const all = await client.request('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll.sagemaker'] } });
    const fixedAll = applyEdits(source, all[0].edit.changes[uri]);
    assert.match(fixedAll, /Type"?: "?Succeed/);
    assert.ok(fixedAll.includes('ResultPth') && fixedAll.includes('Deploy Modle'), fixedAll);
    client.close(uri);
  }
});

test('a SageMaker task without Parameters: information (its request is the state input), whose fix writes the request in the file\'s own layout', async () => {
  const cases: [string, string, string][] = [
    ['file:///w/noparams.asl.json', '{\n  "StartAt": "Train",\n  "States": {\n    "Train": {\n      "Type": "Task",\n      "Resource": "arn:aws:states:::sagemaker:createTrainingJob.sync",\n      "End": true\n    }\n  }\n}\n', '"Parameters": {'],
    ['file:///w/noparams-crlf.asl.json', '{\r\n\t"StartAt": "T",\r\n\t"States": {\r\n\t\t"T": {\r\n\t\t\t"Type": "Task",\r\n\t\t\t"Resource": "arn:aws:states:::sagemaker:createTransformJob",\r\n\t\t\t"End": true\r\n\t\t}\r\n\t}\r\n}\r\n', '"End": true,\r\n\t\t\t"Parameters": {\r\n\t\t\t\t"TransformJobName"'],
  ];
  for (const [uri, source, contains] of cases) {
    const diags = await client.open(uri, 'asl', source);
    assert.deepEqual(diags.map((d: any) => [d.code, d.severity]), [['missing-required', 3]]);
    const actions = await client.codeActions(uri, diags[0].range, diags);
    const fixed = applyEdits(source, actions[0].edit.changes[uri]);
    assert.ok(fixed.includes(contains), fixed);
    client.close(uri);
  }
});

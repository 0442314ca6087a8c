// Templates over stdio (issue 18): the built server answers for the state machines embedded in a SAM YAML and a
// CloudFormation JSON template at the template's positions, nothing for a YAML file that holds none, and nothing
// for templates when the client turns detection off (`sagemakerAsl.detect.templates: false`).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
// @ts-expect-error: a plain ES module without types, vendored from the shared tools
import { LspClient, positionAt, find } from './lsp-client.mjs';
import { root, SERVER, useServer } from './setup';

const fixture = (name: string) => readFileSync(join(root, 'test/fixtures/templates', name), 'utf8');
const span = (text: string, d: any) => {
  const lines = text.split('\n');
  const { start, end } = d.range;
  return start.line === end.line ? lines[start.line].slice(start.character, end.character) : '';
};

describe('templates over LSP', () => {
  const client = useServer();

  test('a SAM template (yaml): diagnostics on the template lines, hover, completion and a quick fix inside it', async () => {
    const uri = 'file:///w/template.yaml';
    const text = fixture('sam-training.yaml');
    const diags = await client.open(uri, 'yaml', text);
    assert.deepEqual(diags.map((d: any) => [d.code, span(text, d)]), [
      ['likely-runtime-failure', "States.Format('churn-{}', $$.Execution.Name)"],
      ['enum-value', 'ml.m5.larg'],
      ['out-of-range', '0'],
      ['enum-value', 'ml.c5.xlarg'],
      ['asl-unreachable-state', 'Done'],
      ['asl-unknown-field', 'Nextt'],
      ['asl-missing-field', 'Score'],
    ]);
    const enumDiag = diags.find((d: any) => d.code === 'enum-value');
    assert.deepEqual(enumDiag.range.start, positionAt(text, find(text, 'ml.m5.larg\n')));
    const hover = await client.hover(uri, positionAt(text, find(text, 'VolumeSizeInGB') + 2));
    assert.match(hover.contents.value, /VolumeSizeInGB/);
    const completion = await client.completion(uri, positionAt(text, find(text, 'TrainingInputMode: File') + 'TrainingInputMode: '.length));
    const labels = (Array.isArray(completion) ? completion : completion.items).map((i: any) => i.label);
    assert.ok(labels.includes('Pipe') && labels.includes('FastFile'), labels.join());
    const actions = await client.codeActions(uri, enumDiag.range, [enumDiag]);
    assert.ok(actions.some((a: any) => a.title === 'Did you mean "ml.m5.large"?'), actions.map((a: any) => a.title).join());
  });

  test('a CloudFormation JSON template: Fn::* intrinsics are no errors, the real mistake is', async () => {
    const uri = 'file:///w/template.json';
    const text = fixture('cfn-training.json');
    const diags = await client.open(uri, 'json', text);
    assert.deepEqual(diags.map((d: any) => [d.code, span(text, d)]), [['wrong-type', '"true"']]);
  });

  test('a standalone job spec: request checks, skeleton blanks as information, the Start Training Job lens at the top', async () => {
    const uri = 'file:///w/churn.training-job.yaml';
    const text = readFileSync(join(root, 'test/fixtures/jobspecs/churn.training-job.yaml'), 'utf8');
    const diags = await client.open(uri, 'yaml', text);
    assert.deepEqual(diags.map((d: any) => [d.code, span(text, d)]), [['pattern', 'churn_xgb'], ['wrong-type', '100'], ['enum-value', 'ml.m5.xlarg']]);
    const lenses = await client.request('textDocument/codeLens', { textDocument: { uri } });
    assert.deepEqual(lenses.map((l: any) => [l.command.title, l.range.start.line]), [['$(play) Start Training Job', 1]]);
    const tasks = await client.request('sagemaker/tasks', { uri });
    assert.equal(tasks[0].standalone, true);
    const skeleton = readFileSync(join(root, 'test/fixtures/jobspecs/create-training-job.skeleton.json'), 'utf8');
    const blanks = await client.open('file:///w/skeleton.json', 'json', skeleton);
    assert.ok(blanks.length > 0 && blanks.every((d: any) => d.severity === 3), JSON.stringify(blanks.filter((d: any) => d.severity !== 3)));
  });

  test('a YAML file that holds no state machine gets no diagnostics', async () => {
    for (const name of ['github-workflow.yml', 'k8s-deployment.yaml', 'openapi.yaml']) {
      const diags = await client.open(`file:///w/${name}`, 'yaml', fixture(name));
      assert.deepEqual(diags, [], name);
    }
  });
});

test('detection of templates turned off by the client: the template gets nothing', async () => {
  const client = await LspClient.start(SERVER, root, { initializationOptions: { detect: { templates: false } } });
  try {
    assert.deepEqual(await client.open('file:///w/template.yaml', 'yaml', fixture('sam-training.yaml')), []);
    // A plain state machine is still one.
    const asl = '{"StartAt":"A","States":{"A":{"Type":"Pass","Nextt":"A"}}}';
    assert.ok((await client.open('file:///w/m.json', 'json', asl)).length > 0);
  } finally {
    await client.stop();
  }
});

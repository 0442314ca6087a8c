// `sagemaker/graph` over stdio, as the Show Graph view asks for it: the graph of an open document, a changed
// Next changing the edge, a syntax error flagged (the view keeps its last good graph), YAML, and null for a
// JSON file that is not a state machine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServer } from './setup';
import { GraphRequest, HasGraphRequest, type GraphResult } from '../../server/src/protocol';

const GraphMethod = GraphRequest.method;

const client = useServer();

const text = JSON.stringify({
  StartAt: 'Train',
  States: {
    Train: { Type: 'Task', Resource: 'arn:aws:states:::sagemaker:createTrainingJob.sync', Parameters: { TrainingJobName: 'bad_name' }, Next: 'Done' },
    Other: { Type: 'Pass', End: true },
    Done: { Type: 'Succeed' },
  },
}, null, 2);

const edges = (r: GraphResult) => r.graph.edges.map((e) => `${e.from} -> ${e.to}`);

test('the graph of an open document follows its edits; a syntax error is reported with what could be read', async () => {
  const uri = 'file:///w/graph.asl.json';
  await client.open(uri, 'asl', text);
  const first: GraphResult = await client.request(GraphMethod, { uri });
  assert.deepEqual(first.graph.nodes.map((n) => n.name), ['Train', 'Other', 'Done']);
  assert.deepEqual(edges(first), ['/Train -> /Done']);
  const train = first.graph.nodes[0];
  assert.equal(train.sagemaker?.integration, 'training');
  assert.equal(train.findings.severity, 'error');
  assert.ok(train.findings.messages.some((m) => m.includes('bad_name')));
  assert.equal(first.syntaxError, undefined);

  await client.change(uri, text.replace('"Next": "Done"', '"Next": "Other"'));
  const edited: GraphResult = await client.request(GraphMethod, { uri });
  assert.deepEqual(edges(edited), ['/Train -> /Other']);

  await client.change(uri, text.slice(0, text.length - 3));
  const broken: GraphResult = await client.request(GraphMethod, { uri });
  assert.ok(broken.syntaxError);
  client.close(uri);
});

test('YAML, and null for JSON that is not a state machine', async () => {
  const yamlUri = 'file:///w/graph.asl.yaml';
  await client.open(yamlUri, 'asl-yaml', 'StartAt: A\nStates:\n  A: {Type: Pass, Next: B}\n  B: {Type: Succeed}\n');
  const yaml: GraphResult = await client.request(GraphMethod, { uri: yamlUri });
  assert.deepEqual(edges(yaml), ['/A -> /B']);
  const jsonUri = 'file:///w/package.json';
  await client.open(jsonUri, 'json', '{"name": "x"}');
  assert.equal(await client.request(GraphMethod, { uri: jsonUri }), null);
  const plainYaml = 'file:///w/deployment.yaml';
  await client.open(plainYaml, 'yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x}\n');
  assert.equal(await client.request(GraphMethod, { uri: plainYaml }), null);
  assert.equal(await client.request(GraphMethod, { uri: 'file:///w/not-open.asl.json' }), null);
  // The editor's graph button asks sagemaker/hasGraph, which answers as the graph would, without building it.
  const has = (uri: string) => client.request(HasGraphRequest.method, { uri });
  assert.deepEqual([await has(yamlUri), await has(jsonUri), await has(plainYaml), await has('file:///w/not-open.asl.json')], [true, false, false, false]);
  const plainJson = 'file:///w/flow.json';
  await client.open(plainJson, 'json', text);
  assert.equal(await has(plainJson), true, 'a plain .json holding a machine');
});

test('a template with several machines: the one at the cursor, else the one drawn last, else the first', async () => {
  const uri = 'file:///w/two-machines.yaml';
  const template = [
    'AWSTemplateFormatVersion: "2010-09-09"',
    'Transform: AWS::Serverless-2016-10-31',
    'Resources:',
    '  First:',
    '    Type: AWS::Serverless::StateMachine',
    '    Properties:',
    '      Definition:',
    '        StartAt: A',
    '        States:',
    '          A: {Type: Succeed}',
    '  Second:',
    '    Type: AWS::Serverless::StateMachine',
    '    Properties:',
    '      Definition:',
    '        StartAt: B',
    '        States:',
    '          B: {Type: Succeed}',
    '',
  ].join('\n');
  await client.open(uri, 'yaml', template);
  const drawn = async (params: object) => {
    const r: GraphResult = await client.request(GraphMethod, { uri, ...params });
    if (r.machineSpan) assert.match(template.slice(r.machineSpan.offset, r.machineSpan.offset + r.machineSpan.length), /^StartAt: [AB]\n/);
    return [r.machine, r.graph.nodes.map((n) => n.name).join(), r.machines?.join()];
  };
  assert.deepEqual(await drawn({}), ['First', 'A', 'First,Second']);
  assert.deepEqual(await drawn({ position: { line: 15, character: 12 } }), ['Second', 'B', 'First,Second']);
  assert.deepEqual(await drawn({ position: { line: 0, character: 0 }, machine: 'Second' }), ['Second', 'B', 'First,Second']);
  assert.deepEqual(await drawn({ position: { line: 9, character: 12 }, machine: 'Second' }), ['First', 'A', 'First,Second']);
  assert.deepEqual(await drawn({ position: { line: 0, character: 0 }, machine: 'Gone' }), ['First', 'A', 'First,Second']);
  await assert.rejects(client.request(GraphMethod, { uri, position: { line: 'x' } }), (e: any) => e.lsp?.code === -32602);
  client.close(uri);
});

// The graph model: nodes, edges, groups and missing nodes of a state machine, in JSON and YAML, with the
// SageMaker details and the findings of each state. Edges are shown as `from -kind[label]-> to` by name.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { parseTree } from 'jsonc-parser';
import { buildGraphModel, type GraphFinding, type GraphModel } from '../../server/src/service/graph/graphModel';
import { nodeLines } from '../../server/src/service/graph/layout';
import { parseYaml } from '../../server/src/service/yaml/parseYaml';
import type { AstNode } from '../../server/src/service/core/types';
import { doc, service, VALID_TRAINING } from './helpers';

const json = (text: string, findings: GraphFinding[] = []) => buildGraphModel(parseTree(text) as AstNode, findings);
const yaml = (text: string) => buildGraphModel(parseYaml(text).root);

function edges(g: GraphModel): string[] {
  const name = (id: string) => {
    const n = g.nodes.find((x) => x.id === id)!;
    return n.kind === 'Missing' ? `?${n.name}` : n.name;
  };
  return g.edges.map((e) => `${name(e.from)} -${e.kind}${e.label ? `[${e.label}]` : ''}-> ${name(e.to)}`);
}
const nodes = (g: GraphModel) => g.nodes.map((n) => `${n.name}:${n.kind}${n.start ? ' start' : ''}${n.end ? ' end' : ''}${n.group ? ` in ${g.groups.find((x) => x.id === n.group)!.label}` : ''}`);

const ALL_TYPES = JSON.stringify({
  StartAt: 'Load',
  States: {
    Load: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Next: 'Route',
      Retry: [{ ErrorEquals: ['States.Timeout', 'Lambda.ServiceException'], MaxAttempts: 2 }, { ErrorEquals: ['States.ALL'] }],
      Catch: [{ ErrorEquals: ['States.TaskFailed', 'Custom'], Next: 'Failed' }] },
    Route: { Type: 'Choice', Choices: [
      { Variable: '$.score', NumericGreaterThanEquals: 0.8, Next: 'Fan' },
      { And: [{ Variable: '$.a', IsPresent: true }, { Not: { Variable: '$.b', StringEquals: 'x' } }], Next: 'Pause' },
      { Variable: '$.t', TimestampLessThanPath: '$.limit', Next: 'Pause' },
    ], Default: 'Skip' },
    Pause: { Type: 'Wait', Seconds: 5, Next: 'Fan' },
    Skip: { Type: 'Pass', Next: 'Done' },
    Fan: { Type: 'Parallel', Next: 'Each', Branches: [
      { StartAt: 'A', States: { A: { Type: 'Pass', End: true } } },
      { StartAt: 'B', States: { B: { Type: 'Pass', Next: 'C' }, C: { Type: 'Succeed' } } },
    ] },
    Each: { Type: 'Map', Next: 'Done', ItemProcessor: { StartAt: 'Item', States: { Item: { Type: 'Pass', End: true } } } },
    Done: { Type: 'Succeed' },
    Failed: { Type: 'Fail', Error: 'E' },
  },
}, null, 2);

describe('graph model', () => {
  test('every state type is a node, shaped by its type; start and end marked', () => {
    const g = json(ALL_TYPES);
    assert.deepEqual(nodes(g), [
      'Load:Task start', 'Route:Choice', 'Pause:Wait', 'Skip:Pass', 'Fan:Parallel', 'Each:Map', 'Done:Succeed end', 'Failed:Fail end',
      'A:Pass start end in Branch 1', 'B:Pass start in Branch 2', 'C:Succeed end in Branch 2', 'Item:Pass start end in Item processor',
    ]);
    assert.equal(g.nodes[0].resource, 'lambda:invoke');
  });

  test('every transition is an edge: Next, Choice rules with a short condition, Default, Catch with its errors', () => {
    assert.deepEqual(edges(json(ALL_TYPES)), [
      'Load -next-> Route',
      'Load -catch[States.TaskFailed, Custom]-> Failed',
      'Route -choice[$.score >= 0.8]-> Fan',
      'Route -choice[($.a is present and not $.b == "x")]-> Pause',
      'Route -choice[$.t < $.limit]-> Pause',
      'Route -default-> Skip',
      'Pause -next-> Fan',
      'Skip -next-> Done',
      'Fan -next-> Each',
      'Each -next-> Done',
      'B -next-> C',
    ]);
  });

  test('retriers are a marker on the node, with the errors they retry', () => {
    assert.deepEqual(json(ALL_TYPES).nodes[0].retry, { count: 2, errors: ['States.Timeout', 'Lambda.ServiceException', 'States.ALL'] });
  });

  test('Parallel branches and Map processors are groups owned by their state, nested inside each other', () => {
    const text = JSON.stringify({ StartAt: 'Outer', States: { Outer: { Type: 'Parallel', End: true, Branches: [
      { StartAt: 'Inner', States: { Inner: { Type: 'Map', End: true, Iterator: { StartAt: 'Leaf', States: { Leaf: { Type: 'Pass', End: true } } } } } },
    ] } } });
    const g = json(text);
    assert.deepEqual(g.groups.map((x) => ({ id: x.id, kind: x.kind, owner: x.owner, parent: x.parent, nodes: x.nodes })), [
      { id: '/Outer#1', kind: 'branch', owner: '/Outer', parent: undefined, nodes: ['/Outer#1/Inner'] },
      { id: '/Outer#1/Inner#items', kind: 'processor', owner: '/Outer#1/Inner', parent: '/Outer#1', nodes: ['/Outer#1/Inner#items/Leaf'] },
    ]);
    assert.equal(g.nodes.find((n) => n.name === 'Leaf')!.group, '/Outer#1/Inner#items');
  });

  test('the same name in two branches is two nodes, each reached only from its own machine', () => {
    const text = JSON.stringify({ StartAt: 'P', States: { P: { Type: 'Parallel', End: true, Branches: [
      { StartAt: 'X', States: { X: { Type: 'Pass', Next: 'Y' }, Y: { Type: 'Succeed' } } },
      { StartAt: 'X', States: { X: { Type: 'Pass', Next: 'Y' }, Y: { Type: 'Succeed' } } },
    ] } } });
    const g = json(text);
    assert.deepEqual(g.edges.map((e) => `${e.from} -> ${e.to}`), ['/P#1/X -> /P#1/Y', '/P#2/X -> /P#2/Y']);
    assert.equal(new Set(g.nodes.map((n) => n.id)).size, g.nodes.length);
  });

  test('a transition to a state that does not exist goes to one missing node per name, in its machine', () => {
    const text = JSON.stringify({ StartAt: 'Nowhere', States: {
      A: { Type: 'Choice', Choices: [{ Variable: '$.x', BooleanEquals: true, Next: 'Gone' }], Default: 'Gone' },
      B: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Next: 'A', Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Lost' }] },
      P: { Type: 'Parallel', End: true, Branches: [{ StartAt: 'Q', States: { Q: { Type: 'Pass', Next: 'Gone' } } }] },
    } });
    const g = json(text);
    assert.deepEqual(edges(g), ['A -choice[$.x == true]-> ?Gone', 'A -default-> ?Gone', 'B -next-> A', 'B -catch[States.ALL]-> ?Lost', 'Q -next-> ?Gone']);
    const missing = g.nodes.filter((n) => n.kind === 'Missing');
    assert.deepEqual(missing.map((n) => [n.name, n.start, n.group]), [['Nowhere', true, undefined], ['Gone', false, undefined], ['Lost', false, undefined], ['Gone', false, '/P#1']]);
    // Its range is the first transition naming it: revealing a missing node shows the typo.
    assert.equal(text.slice(missing[1].range.offset, missing[1].range.offset + missing[1].range.length), '"Gone"');
  });

  test("a state's edges are numbered Next, Choice rules, Default, catchers, in whatever order the fields are written", () => {
    const g = json(JSON.stringify({ StartAt: 'R', States: {
      R: { Type: 'Choice', Default: 'D', Next: 'N', Choices: [
        { Variable: '$.a', BooleanEquals: true, Next: 'A' }, { Variable: '$.b', BooleanEquals: true }, 'not a rule', { Variable: '$.c', BooleanEquals: true, Next: 'C' },
      ] },
      T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Catch: [{ ErrorEquals: ['E1'], Next: 'A' }, { ErrorEquals: [], Next: 'C' }, { ErrorEquals: ['E2'], Next: 7 }], Default: 'A', Next: 'D' },
      A: { Type: 'Succeed' }, C: { Type: 'Succeed' }, D: { Type: 'Succeed' }, N: { Type: 'Succeed' },
    } }));
    // A Task's Default is no transition; a Next that is not a string names no state.
    assert.deepEqual(edges(g), [
      'R -next-> N', 'R -choice[$.a == true]-> A', 'R -choice[$.c == true]-> C', 'R -default-> D',
      'T -next-> D', 'T -catch[E1]-> A', 'T -catch[catch]-> C',
    ]);
    assert.deepEqual(g.edges.map((e) => e.id), ['/R->0', '/R->1', '/R->2', '/R->3', '/T->0', '/T->1', '/T->2']);
  });

  test('a state without a known Type is Unknown and keeps what was written', () => {
    const g = json(JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Taks', End: true }, B: { Next: 'A' } } }));
    assert.deepEqual(g.nodes.map((n) => [n.name, n.kind, n.typeText]), [['A', 'Unknown', 'Taks'], ['B', 'Unknown', undefined]]);
    assert.deepEqual(edges(g), ['B -next-> A']);
  });

  test('JSONata conditions are shown without their braces, long ones clipped', () => {
    const g = json(JSON.stringify({ QueryLanguage: 'JSONata', StartAt: 'C', States: { C: { Type: 'Choice', Choices: [
      { Condition: '{% $states.input.score > 0.8 %}', Next: 'D' },
      { Condition: '{% $states.input.a.very.long.path.to.something = "and a long literal" %}', Next: 'D' },
    ], Default: 'D' }, D: { Type: 'Succeed' } } }));
    assert.deepEqual(g.edges.map((e) => e.label), ['$states.input.score > 0.8', '$states.input.a.very.long.path.to.somet…', undefined]);
  });

  test('states of one name get ids ~2, ~3, … in order, each found in one step (20,000 of one name took 13 s)', () => {
    const n = 20000;
    const g = json(`{"StartAt":"A","States":{${Array(n).fill('"A":{"Type":"Pass","End":true}').join(',')}}}`);
    assert.equal(g.nodes.length, n);
    assert.deepEqual(g.nodes.slice(0, 3).map((x) => x.id), ['/A', '/A~2', '/A~3']);
    assert.equal(g.nodes[n - 1].id, `/A~${n}`);
    assert.equal(new Set(g.nodes.map((x) => x.id)).size, n);
  });

  test('ids stay short however deep and long the path of names: a long path is hashed, the ids below build on the hash', () => {
    // 30 Parallels, each named with 300 characters: paths of 9,000 characters, ids under 220.
    let machine: object = { StartAt: 'Leaf', States: { Leaf: { Type: 'Pass', End: true } } };
    for (let d = 29; d >= 0; d--) {
      const name = `P${d}${'x'.repeat(300)}`;
      machine = { StartAt: name, States: { [name]: { Type: 'Parallel', Branches: [machine], End: true } } };
    }
    const text = JSON.stringify(machine);
    const g = json(text), again = json(text);
    assert.equal(g.nodes.length, 31);
    assert.ok(g.nodes.every((n) => n.id.length <= 220), String(Math.max(...g.nodes.map((n) => n.id.length))));
    assert.ok(g.groups.every((x) => x.id.length <= 220));
    assert.deepEqual(g.nodes.map((n) => n.id), again.nodes.map((n) => n.id), 'the same text, the same ids');
    assert.equal(new Set(g.nodes.map((n) => n.id)).size, 31);
    assert.equal(g.nodes.find((n) => n.name === 'Leaf')!.group, g.groups.at(-1)!.id);
  });

  test('nothing to draw when the document is not a state machine', () => {
    assert.deepEqual(json('[1, 2]'), { nodes: [], edges: [], groups: [] });
    assert.deepEqual(buildGraphModel(undefined), { nodes: [], edges: [], groups: [] });
  });
});

describe('SageMaker on the graph', () => {
  const TRAIN = { Type: 'Task', Resource: 'arn:aws:states:::sagemaker:createTrainingJob.sync', Parameters: { ...VALID_TRAINING, ResourceConfig: { InstanceCount: 2, InstanceType: 'ml.p3.2xlarge', VolumeSizeInGB: 10 } }, Next: 'Model' };

  test('the integration, .sync, instance type × count and max runtime when they are literals', () => {
    const g = json(JSON.stringify({ StartAt: 'Train', States: {
      Train: TRAIN,
      Model: { Type: 'Task', Resource: 'arn:${AWS::Partition}:states:::sagemaker:createModel', Parameters: { 'ModelName.$': '$.name' }, Next: 'Score' },
      Score: { Type: 'Task', Resource: 'arn:aws-cn:states:::sagemaker:createTransformJob.sync', Parameters: { TransformResources: { 'InstanceType.$': '$.type', InstanceCount: 1 } }, Next: 'Tune' },
      Tune: { Type: 'Task', Resource: 'arn:aws:states:::sagemaker:createHyperParameterTuningJob.waitForTaskToken', Parameters: { HyperParameterTuningJobConfig: { ResourceLimits: { MaxNumberOfTrainingJobs: 20, MaxParallelTrainingJobs: 2 } }, TrainingJobDefinition: { ResourceConfig: { InstanceType: 'ml.m5.xlarge', InstanceCount: 4 }, StoppingCondition: { MaxRuntimeInSeconds: 600 } } }, Next: 'Process' },
      Process: { Type: 'Task', QueryLanguage: 'JSONata', Resource: 'arn:aws:states:::sagemaker:createProcessingJob.sync', Arguments: { ProcessingResources: { ClusterConfig: { InstanceType: 'ml.c5.xlarge', InstanceCount: '{% $count %}' } } }, Next: 'Serve' },
      Serve: { Type: 'Task', Resource: 'arn:aws:states:::sagemaker:createEndpoint', Parameters: {}, End: true },
    } }));
    assert.deepEqual(g.nodes.map((n) => n.sagemaker), [
      { api: 'createTrainingJob', integration: 'training', sync: true, waitForTaskToken: false, instanceType: 'ml.p3.2xlarge', instanceCount: 2, maxRuntimeSeconds: 3600 },
      { api: 'createModel', integration: 'model', sync: false, waitForTaskToken: false },
      { api: 'createTransformJob', integration: 'transform', sync: true, waitForTaskToken: false, instanceCount: 1 },
      { api: 'createHyperParameterTuningJob', integration: 'tuning', sync: false, waitForTaskToken: true, instanceType: 'ml.m5.xlarge', instanceCount: 4, maxRuntimeSeconds: 600, trainingJobs: { max: 20, parallel: 2 } },
      { api: 'createProcessingJob', integration: 'processing', sync: true, waitForTaskToken: false, instanceType: 'ml.c5.xlarge' },
      { api: 'createEndpoint', integration: 'endpoint', sync: false, waitForTaskToken: false },
    ]);
    assert.equal(g.nodes[0].resource, undefined);
    // A tuning job's box says how many training jobs it runs, then each one's instances and time limit.
    assert.deepEqual(nodeLines(g.nodes[3]), ['Tune', 'SageMaker tuning .waitForTaskToken', '≤ 20 training jobs, 2 at a time', 'each ml.m5.xlarge × 4 · max 10 min']);
    assert.deepEqual(nodeLines(g.nodes[0]), ['Train', 'SageMaker training .sync', 'ml.p3.2xlarge × 2 · max 1 h']);
  });

  test("a tuning job whose training jobs run on its own HyperParameterTuningResourceConfig shows that one's instances", () => {
    const g = json(JSON.stringify({ StartAt: 'Tune', States: {
      Tune: { Type: 'Task', Resource: 'arn:aws:states:::sagemaker:createHyperParameterTuningJob.sync', Parameters: { TrainingJobDefinition: { HyperParameterTuningResourceConfig: { InstanceType: 'ml.g5.xlarge', InstanceCount: 2 } } }, End: true },
    } }));
    assert.equal(g.nodes[0].sagemaker?.instanceType, 'ml.g5.xlarge');
    assert.equal(g.nodes[0].sagemaker?.instanceCount, 2);
  });

  test("a state's findings: the count, the worst severity, the messages; a nested state's stay with it", () => {
    const text = JSON.stringify({ StartAt: 'P', States: { P: { Type: 'Parallel', End: true, Branches: [
      { StartAt: 'Train', States: { Train: { ...TRAIN, Parameters: { ...TRAIN.Parameters, TrainingJobName: 'bad_name', VolumeSizeInGb: 1 }, Next: undefined, End: true } } },
    ] } } }, null, 2);
    const problems = service.validate(doc(text));
    assert.ok(problems.length >= 2);
    const g = json(text, problems);
    const train = g.nodes.find((n) => n.name === 'Train')!;
    assert.equal(train.findings.count, problems.length);
    assert.equal(train.findings.severity, 'error');
    assert.ok(train.findings.messages.some((m) => m.includes('bad_name')));
    assert.equal(g.nodes.find((n) => n.name === 'P')!.findings.count, 0);
  });

  test('a warning alone is a warning badge; a note (information, hint) is no problem to count (new-user walk: "1 problem" for a note)', () => {
    const text = JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Pass', End: true } } });
    const at = text.indexOf('"Pass"');
    const g = json(text, [{ offset: at, length: 6, severity: 'warning', message: 'w', code: 'x' }, { offset: at, length: 6, severity: 'hint', message: 'h', code: 'y' }, { offset: at, length: 6, severity: 'information', message: 'i', code: 'z' }]);
    assert.deepEqual(g.nodes[0].findings, { count: 1, severity: 'warning', messages: ['w'] });
    assert.deepEqual(json(text, [{ offset: at, length: 6, severity: 'information', message: 'i', code: 'z' }]).nodes[0].findings, { count: 0, messages: [] });
  });
});

describe('graph model from YAML', () => {
  test('the same graph as the JSON: nodes, groups, edges, missing nodes, SageMaker details', () => {
    const text = [
      'StartAt: Train',
      'States:',
      '  Train:',
      '    Type: Task',
      '    Resource: arn:aws:states:::sagemaker:createTrainingJob.sync',
      '    Parameters:',
      '      ResourceConfig: {InstanceType: ml.m5.large, InstanceCount: 1}',
      '      StoppingCondition:',
      '        MaxRuntimeInSeconds: 86400',
      '    Retry: [{ErrorEquals: [SageMaker.AmazonSageMakerException]}]',
      '    Catch:',
      '      - ErrorEquals: [States.ALL]',
      '        Next: Notify',
      '    Next: Check',
      '  Check:',
      '    Type: Choice',
      '    Choices:',
      '      - Variable: $.ok',
      '        BooleanEquals: true',
      '        Next: Fan',
      '    Default: Nope',
      '  Fan:',
      '    Type: Parallel',
      '    End: true',
      '    Branches:',
      '      - StartAt: One',
      '        States:',
      '          One: {Type: Pass, End: true}',
      '  Notify: {Type: Fail}',
    ].join('\n');
    const g = yaml(text);
    assert.deepEqual(nodes(g), ['Train:Task start', 'Check:Choice', 'Fan:Parallel end', 'Notify:Fail end', '?Nope', 'One:Pass start end in Branch 1'].map((s) => (s === '?Nope' ? 'Nope:Missing' : s)));
    assert.deepEqual(edges(g), ['Train -next-> Check', 'Train -catch[States.ALL]-> Notify', 'Check -choice[$.ok == true]-> Fan', 'Check -default-> ?Nope']);
    assert.deepEqual(g.nodes[0].sagemaker, { api: 'createTrainingJob', integration: 'training', sync: true, waitForTaskToken: false, instanceType: 'ml.m5.large', instanceCount: 1, maxRuntimeSeconds: 86400 });
    assert.deepEqual(g.nodes[0].retry, { count: 1, errors: ['SageMaker.AmazonSageMakerException'] });
    const train = g.nodes[0];
    assert.equal(text.slice(train.selection.offset, train.selection.offset + train.selection.length), 'Train');
    assert.ok(text.slice(train.range.offset, train.range.offset + train.range.length).startsWith('Train:\n    Type: Task'));
  });
});

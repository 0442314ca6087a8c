// Completion of the States Language itself (asl/completion.ts): fields by place, type and query language, and the
// values the language fixes (state types, state names, predefined errors, QueryLanguage, JitterStrategy, the
// SageMaker Resource ARNs), in JSON and YAML, a template's embedded machine included; none inside a request.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionItem } from 'vscode-languageserver-types';
import { cursor, service } from './helpers';

let n = 0;
function complete(marked: string, name = 'm.asl.json', languageId = name.endsWith('.json') ? 'asl' : 'asl-yaml') {
  const [text, offset] = cursor(marked);
  const d = TextDocument.create(`file:///asl-completion/${n++}/${name}`, languageId, 1, text);
  const items = service.doComplete(d, d.positionAt(offset));
  /** The document with `item`'s edit applied (snippet tab stops kept as written). */
  const apply = (item: CompletionItem) => {
    const e = item.textEdit as { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string };
    return text.slice(0, d.offsetAt(e.range.start)) + e.newText + text.slice(d.offsetAt(e.range.end));
  };
  return { items, labels: items.map((i) => i.label), apply, find: (label: string) => items.find((i) => i.label === label)! };
}

/** A snippet's text with each tab stop filled with the text it holds, as Tab through it leaves it. */
const filledSnippet = (t: string) => t.replace(/\$\{\d+:((?:[^}\\]|\\.)*)\}/g, (_, d: string) => d.replace(/\\(.)/g, '$1')).replace(/\$0/g, '').replace(/\\\$/g, '$');

const JSON_MACHINE = (state: string, more = '') => `{
  "StartAt": "Train",
  "States": {
    "Train": ${state},
    "Deploy Model": { "Type": "Pass", "End": true }${more}
  }
}`;

describe('values', () => {
  test('Type: the eight state types', () => {
    const c = complete(JSON_MACHINE('{ "Type": "‸", "End": true }'));
    assert.deepEqual(c.labels, ['Task', 'Pass', 'Choice', 'Wait', 'Succeed', 'Fail', 'Parallel', 'Map']);
    assert.match(c.apply(c.find('Map')), /"Type": "Map"/);
  });

  test('Next, Default, StartAt and a catcher\'s Next: the names of the states of the same machine', () => {
    // Not the state's own name: a transition to itself is a loop, rarely meant (AWS's language service leaves it out too).
    assert.deepEqual(complete(JSON_MACHINE('{ "Type": "Pass", "Next": "De‸" }')).labels, ['Deploy Model']);
    assert.deepEqual(complete(JSON_MACHINE('{ "Type": "Choice", "Choices": [], "Default": ‸ }')).labels, ['Deploy Model']);
    assert.deepEqual(complete(JSON_MACHINE('{ "Type": "Choice", "Choices": [{ "Variable": "$.x", "IsNull": true, "Next": "‸" }], "Default": "Deploy Model" }')).labels, ['Deploy Model']);
    assert.deepEqual(complete('{ "StartAt": "‸", "States": { "A": { "Type": "Succeed" }, "B": { "Type": "Fail" } } }').labels, ['A', 'B']);
    const c = complete(JSON_MACHINE('{ "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Catch": [{ "ErrorEquals": ["States.ALL"], "Next": "‸" }], "End": true }'));
    assert.deepEqual(c.labels, ['Deploy Model']);
    assert.match(c.apply(c.find('Deploy Model')), /"Next": "Deploy Model"/);
    // In a Parallel's branch: the branch's own states.
    const branch = JSON_MACHINE('{ "Type": "Parallel", "Branches": [{ "StartAt": "In", "States": { "In": { "Type": "Pass", "Next": "‸" }, "Out": { "Type": "Succeed" } } }], "End": true }');
    assert.deepEqual(complete(branch).labels, ['Out']);
  });

  test('ErrorEquals: the predefined error names; QueryLanguage; JitterStrategy', () => {
    const c = complete(JSON_MACHINE('{ "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Retry": [{ "ErrorEquals": ["States.Timeout", ‸], "JitterStrategy": "FULL" }], "End": true }'));
    assert.ok(c.labels.includes('States.TaskFailed'), c.labels.join());
    // Not what deploy refuses (ux40): a name already there, States.ALL beside another.
    for (const flagged of ['States.Timeout', 'States.ALL']) assert.ok(!c.labels.includes(flagged), `${flagged} in ${c.labels.join()}`);
    const catcher = complete(JSON_MACHINE('{ "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Catch": [{ "ErrorEquals": [‸], "Next": "Deploy Model" }], "End": true }')).labels;
    assert.ok(catcher.includes('States.ALL') && catcher.includes('States.Runtime'), catcher.join());
    assert.deepEqual(complete(JSON_MACHINE('{ "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Catch": [{ "ErrorEquals": ["States.ALL", ‸], "Next": "Deploy Model" }], "End": true }')).labels, []);
    // Nor what the checks then warn of (ux41): a name an earlier catcher handles, States.ALL before the last, a
    // retried States.Runtime.
    const second = complete(JSON_MACHINE('{ "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Catch": [{ "ErrorEquals": ["States.Timeout"], "Next": "Deploy Model" }, { "ErrorEquals": [‸], "Next": "Deploy Model" }], "End": true }')).labels;
    assert.ok(!second.includes('States.Timeout') && second.includes('States.ALL'), second.join());
    const first = complete(JSON_MACHINE('{ "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Catch": [{ "ErrorEquals": [‸], "Next": "Deploy Model" }, { "ErrorEquals": ["States.ALL"], "Next": "Deploy Model" }], "End": true }')).labels;
    assert.ok(!first.includes('States.ALL') && first.includes('States.Timeout'), first.join());
    assert.ok(!c.labels.includes('States.Runtime'), c.labels.join());
    assert.deepEqual(complete(JSON_MACHINE('{ "Type": "Pass", "QueryLanguage": "‸", "End": true }')).labels, ['JSONPath', 'JSONata']);
    // In a machine whose top level is JSONata, a state cannot say JSONPath.
    assert.deepEqual(complete('{ "QueryLanguage": "JSONata", "StartAt": "P", "States": { "P": { "Type": "Pass", "QueryLanguage": "‸", "End": true } } }').labels, ['JSONata']);
    assert.deepEqual(complete(JSON_MACHINE('{ "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Retry": [{ "ErrorEquals": ["States.ALL"], "JitterStrategy": "‸" }], "End": true }')).labels, ['FULL', 'NONE']);
  });

  test("a retrier's numbers are written at the specification's defaults (ux42: MaxAttempts 0 never retries)", () => {
    const c = complete(JSON_MACHINE('{ "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Retry": [{ "ErrorEquals": ["States.ALL"], ‸ }], "End": true }'));
    assert.match(filledSnippet(c.apply(c.find('MaxAttempts'))), /"MaxAttempts": 3/);
    assert.match(filledSnippet(c.apply(c.find('BackoffRate'))), /"BackoffRate": 2/);
    assert.match(filledSnippet(c.apply(c.find('IntervalSeconds'))), /"IntervalSeconds": 1/);
  });

  test('a Task\'s Resource in the partition the value already writes (ux42: aws-us-gov, a template\'s ${AWS::Partition})', () => {
    const gov = complete(JSON_MACHINE('{ "Type": "Task", "Resource": "arn:aws-us-gov:states:::sagemaker:‸", "End": true }'));
    assert.ok(gov.labels.includes('arn:aws-us-gov:states:::sagemaker:createTrainingJob.sync') && !gov.labels.some((l) => l.startsWith('arn:aws:')), gov.labels.slice(0, 3).join());
    const sub = complete('StartAt: T\nStates:\n  T:\n    Type: Task\n    Resource: arn:${AWS::Partition}:states:::sagemaker:‸\n    End: true\n', 'm.asl.yaml');
    assert.ok(sub.labels.includes('arn:${AWS::Partition}:states:::sagemaker:createTrainingJob.sync'), sub.labels.slice(0, 3).join());
    // No partition is that long: not copied into every item (the review of the day).
    const long = complete(JSON_MACHINE(`{ "Type": "Task", "Resource": "arn:aws-${'x'.repeat(100)}:states:::sagemaker:‸", "End": true }`));
    assert.ok(long.labels.includes('arn:aws:states:::sagemaker:createTrainingJob.sync'), long.labels.slice(0, 3).join());
  });

  test('a Task\'s Resource: the SageMaker integrations, .sync where Step Functions offers it; nothing for a Pass', () => {
    const labels = complete(JSON_MACHINE('{ "Type": "Task", "Resource": "arn:aws:states:::sagemaker:‸", "End": true }')).labels;
    for (const arn of ['arn:aws:states:::sagemaker:createTrainingJob.sync', 'arn:aws:states:::sagemaker:createTrainingJob', 'arn:aws:states:::sagemaker:createTransformJob.sync', 'arn:aws:states:::sagemaker:createModel']) assert.ok(labels.includes(arn), arn);
    // Then every SageMaker action of the AWS SDK integration, after the optimized ones.
    const pipeline = labels.indexOf('arn:aws:states:::aws-sdk:sagemaker:startPipelineExecution');
    assert.ok(pipeline > labels.indexOf('arn:aws:states:::sagemaker:updateEndpoint'), String(pipeline));
    assert.ok(!labels.includes('arn:aws:states:::sagemaker:createModel.sync'), 'createModel has no .sync');
    assert.deepEqual(complete(JSON_MACHINE('{ "Type": "Pass", "Resource": "‸", "End": true }')).labels, []);
  });
});

describe('fields', () => {
  test('a JSONPath Task: its fields, none of JSONata\'s, present ones left out, End not beside Next', () => {
    const c = complete(JSON_MACHINE('{ "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", ‸ "Next": "Deploy Model" }'));
    for (const f of ['Parameters', 'ResultPath', 'ResultSelector', 'Retry', 'Catch', 'TimeoutSeconds', 'HeartbeatSeconds', 'Comment', 'InputPath', 'OutputPath', 'Assign']) assert.ok(c.labels.includes(f), f);
    for (const f of ['Arguments', 'Output', 'Type', 'Resource', 'Next', 'End', 'Iterator']) assert.ok(!c.labels.includes(f), f);
    // A snippet of the field's kind, a comma before the next member.
    assert.match(c.apply(c.find('TimeoutSeconds')), /"TimeoutSeconds": \$\{1:1\}, "Next"/);
    assert.match(c.apply(c.find('Retry')), /"Retry": \[ \$1 \], "Next"/);
  });

  test('a JSONata Task: Arguments and Output, not Parameters, ResultPath or the paths', () => {
    const labels = complete(JSON_MACHINE('{ "Type": "Task", "QueryLanguage": "JSONata", "Resource": "arn:aws:states:::lambda:invoke", ‸ "End": true }')).labels;
    for (const f of ['Arguments', 'Output', 'Assign', 'Retry']) assert.ok(labels.includes(f), f);
    for (const f of ['Parameters', 'ResultPath', 'InputPath', 'OutputPath', 'TimeoutSecondsPath']) assert.ok(!labels.includes(f), f);
    // A machine whose top level is JSONata: its states too.
    const top = complete('{ "QueryLanguage": "JSONata", "StartAt": "A", "States": { "A": { "Type": "Pass", ‸ "End": true } } }').labels;
    assert.ok(top.includes('Output') && !top.includes('ResultPath'), top.join());
  });

  test('the top level, a retrier, a catcher (by query language), a Choice rule', () => {
    const top = complete('{ "StartAt": "A", ‸ "States": { "A": { "Type": "Succeed" } } }').labels;
    assert.deepEqual(top, ['Comment', 'TimeoutSeconds', 'Version', 'QueryLanguage']);
    const retrier = complete(JSON_MACHINE('{ "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Retry": [{ "ErrorEquals": ["States.ALL"], ‸ }], "End": true }')).labels;
    assert.deepEqual(retrier, ['IntervalSeconds', 'MaxAttempts', 'BackoffRate', 'MaxDelaySeconds', 'JitterStrategy', 'Comment']);
    // A number is written at the least value the checks accept (asl/fields.ts's tables).
    const retrierItems = complete(JSON_MACHINE('{ "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Retry": [{ "ErrorEquals": ["States.ALL"], ‸ }], "End": true }'));
    assert.deepEqual(['IntervalSeconds', 'MaxAttempts', 'BackoffRate'].map((f) => (retrierItems.find(f).textEdit as { newText: string }).newText), ['"IntervalSeconds": ${1:1}', '"MaxAttempts": ${1:3}', '"BackoffRate": ${1:2}']);
    const wait = complete(JSON_MACHINE('{ "Type": "Wait", ‸ "End": true }'));
    assert.equal((wait.find('Seconds').textEdit as { newText: string }).newText, '"Seconds": ${1:0},');
    const catcher = complete(JSON_MACHINE('{ "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Catch": [{ "ErrorEquals": ["States.ALL"], ‸ }], "End": true }')).labels;
    assert.deepEqual(catcher, ['Next', 'ResultPath', 'Assign', 'Comment']);
    const rule = complete(JSON_MACHINE('{ "Type": "Choice", "Choices": [{ "Variable": "$.x", ‸ }], "Default": "Deploy Model" }')).labels;
    assert.ok(rule.includes('NumericGreaterThan') && rule.includes('Next') && rule.includes('IsPresent') && !rule.includes('Variable') && !rule.includes('Condition'), rule.join());
    const nested = complete(JSON_MACHINE('{ "Type": "Choice", "Choices": [{ "Not": { ‸ }, "Next": "Deploy Model" }], "Default": "Deploy Model" }')).labels;
    assert.ok(nested.includes('Variable') && !nested.includes('Next'), nested.join());
  });

  test('one field of a group an object holds one of: a Choice rule\'s comparison or And/Or/Not, a Wait\'s Seconds or Timestamp, a field or its Path twin', () => {
    // A comparison written: no other comparison and no And/Or/Not (the checks: "A Choice rule has exactly one comparison").
    const rule = complete(JSON_MACHINE('{ "Type": "Choice", "Choices": [{ "Variable": "$.x", "IsPresent": true, ‸ }], "Default": "Deploy Model" }')).labels;
    assert.deepEqual(rule, ['Next', 'Assign', 'Comment']);
    const yamlRule = complete('StartAt: C\nStates:\n  C:\n    Type: Choice\n    Choices:\n      - Variable: $.x\n        StringEquals: a\n        ‸\n    Default: D\n  D:\n    Type: Succeed\n', 'm.asl.yaml').labels;
    assert.deepEqual(yamlRule, ['Next', 'Assign', 'Comment']);
    // And/Or/Not written: no comparison, nor Variable (which they do not take).
    const and = complete(JSON_MACHINE('{ "Type": "Choice", "Choices": [{ "And": [], ‸ }], "Default": "Deploy Model" }')).labels;
    assert.deepEqual(and, ['Next', 'Assign', 'Comment']);
    // Inside Not, the same: a nested rule with a comparison has nothing more but its Comment.
    const nested = complete(JSON_MACHINE('{ "Type": "Choice", "Choices": [{ "Not": { "Variable": "$.x", "IsNull": true, ‸ }, "Next": "Deploy Model" }], "Default": "Deploy Model" }')).labels;
    assert.deepEqual(nested, ['Comment']);
    // A Wait has exactly one of Seconds, Timestamp, SecondsPath and TimestampPath.
    const wait = complete(JSON_MACHINE('{ "Type": "Wait", "Seconds": 5, ‸ "End": true }')).labels;
    for (const f of ['Seconds', 'Timestamp', 'SecondsPath', 'TimestampPath']) assert.ok(!wait.includes(f), f);
    assert.ok(wait.includes('Comment') && wait.includes('InputPath'), wait.join());
    const yamlWait = complete('StartAt: W\nStates:\n  W:\n    Type: Wait\n    TimestampPath: $.at\n    ‸\n    End: true\n', 'm.asl.yaml').labels;
    for (const f of ['Seconds', 'Timestamp', 'SecondsPath', 'TimestampPath']) assert.ok(!yamlWait.includes(f), f);
    // TimeoutSeconds written: not TimeoutSecondsPath.
    const task = complete(JSON_MACHINE('{ "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "TimeoutSeconds": 60, ‸ "End": true }')).labels;
    assert.ok(!task.includes('TimeoutSecondsPath') && task.includes('HeartbeatSecondsPath'), task.join());
  });

  test('inside a SageMaker request: its members only, no state field', () => {
    const labels = complete(JSON_MACHINE('{ "Type": "Task", "Resource": "arn:aws:states:::sagemaker:createTrainingJob.sync", "Parameters": { ‸ }, "End": true }')).labels;
    assert.ok(labels.includes('TrainingJobName') && !labels.includes('Next') && !labels.includes('ResultPath'), labels.join());
  });
});

describe('new states', () => {
  test('a key of a machine\'s States offers whole states, a SageMaker training job first; after the last one the comma is added (new-user walk)', () => {
    const { labels, items, apply } = complete('{\n  "StartAt": "A",\n  "States": {\n    "A": { "Type": "Pass", "End": true }\n    ‸\n  }\n}');
    assert.deepEqual(labels, ['New state: SageMaker training job', 'New state: SageMaker transform job', 'New state: Choice', 'New state: Pass', 'New state: Wait', 'New state: Succeed', 'New state: Fail']);
    const train = items[0];
    const text = apply(train);
    assert.match(text, /"\$\{1:Train\}": \{\n {2}"Type": "Task",\n {2}"Resource": "arn:aws:states:::sagemaker:createTrainingJob\.sync",\n {2}"Parameters": \{\n {4}"TrainingJobName\.\\\$": "\$\{2:States\.Format\('my-training-job-[^]*"StoppingCondition": \{ "MaxRuntimeInSeconds": \$\{\d+:3600\} \}\$0\n {2}\},\n {2}"End": true\n\}/);
    assert.equal(train.additionalTextEdits?.[0]?.newText, ',');
    // Inside a Parallel branch, in a JSONata machine: its Choice is written with Condition, its Task with Arguments.
    const jsonata = complete('{\n  "QueryLanguage": "JSONata",\n  "StartAt": "P",\n  "States": {\n    "P": { "Type": "Parallel", "End": true, "Branches": [ { "StartAt": "X", "States": {\n      ‸\n    } } ] }\n  }\n}');
    assert.match(jsonata.apply(jsonata.find('New state: Choice')), /"Condition": "\{% \\\$states\.input\./);
    assert.match(jsonata.apply(jsonata.find('New state: SageMaker training job')), /"Arguments": \{/);
    // A JSONata Choice's snippet writes $states as text (an unescaped $states is a snippet variable).
    assert.match(jsonata.find('New state: Choice').textEdit!.newText, /\{% \\\$states\.input\./);
  });
  test('a new SageMaker Task starts with a request a job runs with (image, data, instances, a time limit), and as inserted it has no finding at all (new-user walk: the empty request was an error at once, and the model\'s three required members made a job with no image)', () => {
    const filled = filledSnippet;
    const findings = (text: string, name: string) => service.validate(TextDocument.create(`file:///asl-completion/${n++}/${name}`, name.endsWith('.json') ? 'asl' : 'asl-yaml', 1, text)).map((p) => p.message);
    const json = '{\n  "StartAt": "A",\n  "States": {\n    "A": { "Type": "Pass", "Next": "%" },\n    ‸\n  }\n}';
    const yaml = 'StartAt: A\nStates:\n  A:\n    Type: Pass\n    Next: %\n  ‸\n';
    for (const [what, name] of [['training', 'Train'], ['transform', 'Transform']]) {
      for (const [machine, file] of [[json, 'm.asl.json'], [json.replace('{\n', '{\n  "QueryLanguage": "JSONata",\n'), 'm.asl.json'], [yaml, 'm.asl.yaml'], [`QueryLanguage: JSONata\n${yaml}`, 'm.asl.yaml']]) {
        const c = complete(machine.replace('%', name), file);
        const text = filled(c.apply(c.find(`New state: SageMaker ${what} job`)));
        assert.match(text, /(Parameters|Arguments)"?:( \{)?\n\s+"?T\w+JobName(\.\$)?"?: [^\n]*my-(training|transform)-job-/);
        assert.deepEqual(findings(text, file), [], text);
      }
    }
    const start = complete('\n‸', 'new.asl.json');
    assert.deepEqual(findings(filled(start.apply(start.find('New state machine: a SageMaker training job'))), 'new.asl.json'), []);
  });
  test('on a blank line at column 0, a new state is indented as the machine\'s other states (new-user walk)', () => {
    const { apply, find } = complete('{\n  "StartAt": "A",\n  "States": {\n    "A": { "Type": "Pass", "End": true }\n‸\n  }\n}');
    assert.match(apply(find('New state: Pass')), /\n {4}"\$\{1:Pass\}": \{\n {6}"Type": "Pass",\n {6}"End": true\$0\n {4}\}\n {2}\}/);
    // Where the line has its indentation already, nothing is added; a tab-indented machine gets tabs.
    const indented = complete('{\n  "StartAt": "A",\n  "States": {\n    "A": { "Type": "Pass", "End": true }\n    ‸\n  }\n}');
    assert.match(indented.apply(indented.find('New state: Pass')), /\n {4}"\$\{1:Pass\}": \{\n {2}"Type"/);
    const tabs = complete('{\n\t"StartAt": "A",\n\t"States": {\n\t\t"A": { "Type": "Pass", "End": true },\n‸\n\t}\n}');
    assert.match(tabs.apply(tabs.find('New state: Pass')), /\n\t\t"\$\{1:Pass\}": \{\n\t\t {2}"Type"/);
  });
  test('a new state before a state on its line ends with a comma and a line break (VS Code indents it as the line); one before a state on the same line, with a comma and a space', () => {
    const own = complete('{\n  "StartAt": "A",\n  "States": {\n    ‸"A": { "Type": "Pass", "End": true }\n  }\n}');
    assert.match(own.find('New state: Pass').textEdit!.newText, /\n\},\n$/);
    assert.match(own.apply(own.find('New state: Pass')), /"End": true\$0\n\},\n"A": \{/);
    const inline = complete('{ "StartAt": "A", "States": { ‸"A": { "Type": "Pass", "End": true } } }');
    assert.match(inline.apply(inline.find('New state: Pass')), /\n\}, "A": \{/);
  });
  test('YAML (block style): a new state under States, its fields indented under its name', () => {
    const { labels, apply, find } = complete('StartAt: A\nStates:\n  A:\n    Type: Pass\n    End: true\n  ‸\n', 'm.asl.yaml');
    assert.equal(labels[0], 'New state: SageMaker training job');
    assert.match(apply(find('New state: SageMaker training job')), /^StartAt: A\nStates:\n {2}A:\n {4}Type: Pass\n {4}End: true\n {2}\$\{1:Train\}:\n {4}Type: Task\n {4}Resource: arn:aws:states:::sagemaker:createTrainingJob\.sync\n {4}Parameters:\n {6}TrainingJobName\.\\\$: \$\{2:States\.Format\('my-training-job-[^]* {6}InputDataConfig:\n {8}- ChannelName: \$\{\d+:train\}\n {10}ContentType: \$\{\d+:text\/csv\}\n {10}DataSource:\n[^]* {8}MaxRuntimeInSeconds: \$\{\d+:3600\}\$0\n {4}End: true\n$/);
  });
});

describe('YAML', () => {
  const YAML = (state: string) => `StartAt: Train\nStates:\n  Train:\n${state}\n  Deploy Model:\n    Type: Succeed\n`;

  test('values: Type, Next, ErrorEquals items, written as YAML', () => {
    const type = complete(YAML('    Type: ‸\n    End: true'), 'm.asl.yaml');
    assert.equal(type.labels.length, 8);
    assert.match(type.apply(type.find('Choice')), /Type: Choice\n/);
    const next = complete(YAML('    Type: Pass\n    Next: ‸'), 'm.asl.yaml');
    assert.deepEqual(next.labels, ['Deploy Model']);
    assert.match(next.apply(next.find('Deploy Model')), /Next: Deploy Model\n/);
    const errors = complete(YAML('    Type: Task\n    Resource: arn:aws:states:::lambda:invoke\n    Retry:\n      - ErrorEquals:\n          - ‸\n    End: true'), 'm.asl.yaml');
    assert.ok(errors.labels.includes('States.TaskFailed'), errors.labels.join());
    assert.match(errors.apply(errors.find('States.TaskFailed')), / {10}- States\.TaskFailed\n/);
  });

  test('fields of a state on a new line; in flow style too', () => {
    const c = complete(YAML('    Type: Task\n    Resource: arn:aws:states:::lambda:invoke\n    ‸\n    End: true'), 'm.asl.yaml');
    assert.ok(c.labels.includes('Retry') && c.labels.includes('ResultPath') && !c.labels.includes('Next') && !c.labels.includes('Type'), c.labels.join());
    assert.match(c.apply(c.find('TimeoutSeconds')), /\n {4}TimeoutSeconds: \$\{1:1\}\n/);
    // End takes true only: written, not offered with false.
    const end = complete(YAML('    Type: Pass\n    ‸'), 'm.asl.yaml');
    assert.match(end.apply(end.find('End')), /\n {4}End: true\n/);
    const flow = complete(YAML('    { Type: Pass, ‸ End: true }'), 'm.asl.yaml');
    assert.ok(flow.labels.includes('Result') && !flow.labels.includes('End'), flow.labels.join());
  });

  test('a machine embedded in a template: the names of its own states', () => {
    const template = ['Resources:', '  M:', '    Type: AWS::Serverless::StateMachine', '    Properties:', '      Definition:', '        StartAt: A', '        States:', '          A:', '            Type: Pass', '            Next: ‸', '          B:', '            Type: Succeed', ''].join('\n');
    assert.deepEqual(complete(template, 'template.yaml', 'yaml').labels, ['B']);
  });
});

describe('inside expressions', () => {
  test('a .$ value: the intrinsic functions, at the start or an argument\'s; not in a plain value', () => {
    const c = complete(JSON_MACHINE('{ "Type": "Pass", "Parameters": { "id.$": "States.Fo‸" }, "End": true }'));
    assert.equal(c.labels.length, 18);
    assert.match(c.apply(c.find('States.Format')), /"id\.\$": "States\.Format\(\$1\)"/);
    assert.ok(complete(JSON_MACHINE('{ "Type": "Pass", "Parameters": { "id.$": "States.Format(\'{}\', St‸)" }, "End": true }')).labels.includes('States.UUID'));
    assert.deepEqual(complete(JSON_MACHINE('{ "Type": "Pass", "Parameters": { "id": "St‸" }, "End": true }')).labels, []);
    // An empty .$ value (ux40: nothing was offered): the input's and the context's roots, the variables, the calls.
    const empty = complete(JSON_MACHINE('{ "Type": "Pass", "Assign": { "run": 1 }, "Next": "Q" }, "Q": { "Type": "Pass", "Parameters": { "id.$": "‸" }, "End": true }'));
    assert.deepEqual(empty.labels.slice(0, 3), ['$', '$$', '$run']);
    assert.equal(empty.labels.length, 3 + 18);
    assert.match(empty.apply(empty.find('$$')), /"id\.\$": "\$\$"/);
    // A variable the state assigns itself is there from the next state on (ux41: offered in its own ResultSelector).
    const own = complete('{ "StartAt": "T", "States": { "T": { "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": { "FunctionName": "f" }, "Assign": { "attempt": 1 }, "ResultSelector": { "a.$": "‸" }, "Next": "Q" }, "Q": { "Type": "Pass", "Parameters": { "b.$": "$attempt" }, "End": true } } }');
    assert.ok(!own.labels.includes('$attempt'), own.labels.join());
    // Nothing after the colon yet (ux41): the same, each in its quotes in JSON; plain in YAML, no call in a flow mapping.
    const bare = complete(JSON_MACHINE('{ "Type": "Pass", "Parameters": { "id.$": ‸, "b": 1 }, "End": true }'));
    assert.deepEqual(bare.labels.slice(0, 2), ['$', '$$']);
    assert.equal(bare.labels.length, 2 + 18);
    assert.match(filledSnippet(bare.apply(bare.find('$$'))), /"id\.\$": "\$\$", "b": 1/);
    assert.match(filledSnippet(bare.apply(bare.find('States.UUID'))), /"id\.\$": "States\.UUID\(\)", "b"/);
    const block = complete('StartAt: P\nStates:\n  P:\n    Type: Pass\n    Parameters:\n      id.$: ‸\n      b: 1\n    End: true\n', 'm.asl.yaml');
    assert.deepEqual(block.labels.slice(0, 2), ['$', '$$']);
    assert.ok(block.labels.includes('States.Format'));
    assert.match(filledSnippet(block.apply(block.find('$'))), /\n {6}id\.\$: \$\n/);
    const flow = complete('StartAt: P\nStates:\n  P:\n    Type: Pass\n    Parameters: { id.$: ‸, b: 1 }\n    End: true\n', 'm.asl.yaml');
    assert.deepEqual(flow.labels, ['$', '$$']);
    // A value written, or a plain key: nothing of this.
    assert.ok(!complete(JSON_MACHINE('{ "Type": "Pass", "Parameters": { "id": ‸ }, "End": true }')).labels.includes('$$'));
  });

  test('a JSONata expression: $states, Step Functions\' functions and JSONata\'s; nothing after a dot', () => {
    const c = complete('{ "QueryLanguage": "JSONata", "StartAt": "P", "States": { "P": { "Type": "Pass", "Output": "{% $pa‸ %}", "End": true } } }');
    assert.ok(c.labels.includes('$states') && c.labels.includes('$partition') && c.labels.includes('$sum') && !c.labels.includes('$eval'), c.labels.join());
    assert.match(c.apply(c.find('$uuid')), /"\{% \$uuid\(\) %\}"/);
    assert.equal(c.find('$partition').detail, '$partition(array, chunkSize) (Step Functions)');
    // JSONata's own: how each is called, from its signature; one that takes nothing is inserted whole.
    assert.equal(c.find('$substring').detail, '$substring(a string (else the context), a number, a number?) (JSONata)');
    assert.match(c.apply(c.find('$millis')), /"\{% \$millis\(\) %\}"/);
  });
});

describe('outside testers\' findings', () => {
  test('a Distributed Map\'s settings: ProcessorConfig, ItemReader and its ReaderConfig, ItemBatcher, ResultWriter; their values', () => {
    const map = (inner: string, reader = '') => JSON_MACHINE(`{ "Type": "Map", ${reader}"ItemProcessor": { ${inner} "StartAt": "I", "States": { "I": { "Type": "Succeed" } } }, "End": true }`);
    assert.deepEqual(complete(map('"ProcessorConfig": { ‸ },')).labels, ['Mode', 'ExecutionType']);
    assert.deepEqual(complete(map('"ProcessorConfig": { "Mode": "‸" },')).labels, ['INLINE', 'DISTRIBUTED']);
    assert.deepEqual(complete(map('', '"ItemReader": { ‸ }, ')).labels, ['Resource', 'Parameters', 'ReaderConfig']);
    assert.deepEqual(complete(map('', '"ItemReader": { "ReaderConfig": { "InputType": "‸" } }, ')).labels, ['CSV', 'JSON', 'JSONL', 'PARQUET', 'MANIFEST']);
    assert.ok(complete(map('', '"ItemBatcher": { ‸ }, ')).labels.includes('MaxItemsPerBatch'));
    // The S3 action a reader reads with and a writer writes with: the ones the developer guide gives each.
    assert.deepEqual(complete(map('', '"ItemReader": { "Resource": "‸" }, ')).labels, ['arn:aws:states:::s3:getObject', 'arn:aws:states:::s3:listObjectsV2']);
    assert.deepEqual(complete(map('', '"ResultWriter": { "Resource": "‸" }, ')).labels, ['arn:aws:states:::s3:putObject']);
    assert.deepEqual(complete(map('', '"ItemReader": { "ReaderConfig": { "Transformation": "‸" } }, ')).labels, ['NONE', 'LOAD_AND_FLATTEN']);
    assert.deepEqual(complete(map('', '"ItemReader": { "ReaderConfig": { "ManifestType": "‸" } }, ')).labels, ['ATHENA_DATA', 'S3_INVENTORY']);
  });

  test('settings objects in a JSONata state: Arguments, no …Path fields (the checks reject them there); a Task\'s Credentials', () => {
    const jsonata = (state: string) => `{ "QueryLanguage": "JSONata", "StartAt": "S", "States": { "S": ${state} } }`;
    const reader = (inner: string) => jsonata(`{ "Type": "Map", "ItemReader": ${inner}, "ItemProcessor": { "StartAt": "I", "States": { "I": { "Type": "Succeed" } } }, "End": true }`);
    assert.deepEqual(complete(reader('{ ‸ }')).labels, ['Resource', 'Arguments', 'ReaderConfig']);
    assert.deepEqual(complete(reader('{ "ReaderConfig": { ‸ } }')).labels, ['InputType', 'CSVHeaderLocation', 'CSVHeaders', 'CSVDelimiter', 'MaxItems', 'Transformation', 'ManifestType', 'ItemsPointer']);
    assert.deepEqual(complete(jsonata('{ "Type": "Map", "ItemBatcher": { ‸ }, "End": true }')).labels, ['MaxItemsPerBatch', 'MaxInputBytesPerBatch', 'BatchInput']);
    assert.deepEqual(complete(JSON_MACHINE('{ "Type": "Task", "Resource": "arn:aws:states:::sagemaker:createModel", "Credentials": { ‸ }, "End": true }')).labels, ['RoleArn', 'RoleArn.$']);
    assert.deepEqual(complete(jsonata('{ "Type": "Task", "Resource": "arn:aws:states:::sagemaker:createModel", "Credentials": { ‸ }, "End": true }')).labels, ['RoleArn']);
    // One of RoleArn and RoleArn.$ is written: neither is offered again.
    assert.deepEqual(complete(JSON_MACHINE('{ "Type": "Task", "Resource": "arn:aws:states:::sagemaker:createModel", "Credentials": { "RoleArn": "arn:aws:iam::123456789012:role/r", ‸ }, "End": true }')).labels, []);
    // Credentials is a Task's: in a Pass it is nothing the language knows.
    assert.deepEqual(complete(JSON_MACHINE('{ "Type": "Pass", "Credentials": { ‸ }, "End": true }')).labels, []);
  });

  test('snippets of the field\'s type: a Choice comparison\'s value, End true, a state name with a quote escaped', () => {
    const rule = complete(JSON_MACHINE('{ "Type": "Choice", "Choices": [{ "Variable": "$.x", ‸ }], "Default": "Deploy Model" }'));
    assert.match(rule.apply(rule.find('NumericGreaterThan')), /"NumericGreaterThan": \$\{1:0\}/);
    assert.match(rule.apply(rule.find('IsPresent')), /"IsPresent": \$\{1\|true,false\|\}/);
    assert.match(rule.apply(rule.find('StringEquals')), /"StringEquals": "\$\{1\}"/);
    const quoted = complete('{ "StartAt": "A", "States": { "A": { "Type": "Pass", ‸ }, "Say \\"hi\\"": { "Type": "Succeed" } } }');
    assert.match(quoted.apply(quoted.find('Next')), /"Next": "\$\{1\|Say \\\\"hi\\\\"\|\}"/);
    assert.match(quoted.apply(quoted.find('End')), /"End": true\b/);
  });

  test('a new member on the line after a value that has no comma yet: the fields, and the comma added', () => {
    const [text, at] = cursor(JSON_MACHINE('{ "Type": "Pass", "End": true\n      "Re‸\n    }'));
    const d = TextDocument.create('file:///asl-completion/comma.asl.json', 'asl', 1, text);
    const item = service.doComplete(d, d.positionAt(at)).find((i) => i.label === 'ResultPath')!;
    assert.ok(item, 'ResultPath offered');
    const edits = [item.textEdit as { range: any; newText: string }, ...(item.additionalTextEdits ?? [])].sort((a, b) => d.offsetAt(b.range.start) - d.offsetAt(a.range.start));
    let out = text;
    for (const e of edits) out = out.slice(0, d.offsetAt(e.range.start)) + e.newText + out.slice(d.offsetAt(e.range.end));
    assert.match(out, /"End": true,\n {6}"ResultPath": "\$\{1\}"\n/);
  });

  test('a field before a key at the start of its line ends with a line break to that indentation; after the last field on a blank line, the comma goes after that field', () => {
    const before = complete(JSON_MACHINE('{\n      "Type": "Pass",\n      ‸"End": true\n    }'));
    assert.match(before.apply(before.find('ResultPath')), /"Type": "Pass",\n {6}"ResultPath": "\$\{1\}",\n {6}"End": true\n/);
    assert.equal(before.find('ResultPath').insertTextMode, 1, 'asIs: the text carries its indentation');
    const [text, at] = cursor(JSON_MACHINE('{\n      "Type": "Pass",\n      "End": true\n      ‸\n    }'));
    const d = TextDocument.create('file:///asl-completion/last.asl.json', 'asl', 1, text);
    const item = service.doComplete(d, d.positionAt(at)).find((i) => i.label === 'Comment')!;
    assert.match(TextDocument.applyEdits(d, [item.textEdit as never, ...(item.additionalTextEdits ?? [])]), /"End": true,\n {6}"Comment": "\$\{1\}"\n/);
  });

  test('JSON: a new file offers a whole machine to start from (a SageMaker training Task, or a Pass state); a plain .json file nothing', () => {
    const c = complete('\n‸', 'new.asl.json');
    assert.deepEqual(c.labels, ['New state machine: a SageMaker training job', 'New state machine']);
    const made = c.apply(c.find('New state machine: a SageMaker training job'));
    // The snippet's tab stops stand for text: with them filled as written, it is a state machine the server reads.
    const filled = filledSnippet(made);
    assert.deepEqual(Object.keys(JSON.parse(filled)), ['Comment', 'StartAt', 'States']);
    assert.equal(JSON.parse(filled).States.First.Resource, 'arn:aws:states:::sagemaker:createTrainingJob.sync');
    assert.deepEqual(JSON.parse(c.apply(c.find('New state machine')).replace(/\$\{\d+:([^}]*)\}/g, '$1').replace('$0', '')).States, { First: { Type: 'Pass', End: true } });
    assert.deepEqual(complete('‸', 'new.json', 'json').labels, []);
  });

  test('YAML: a new file, and the first line above the fields', () => {
    assert.deepEqual(complete('‸', 'new.asl.yaml').labels, ['Comment', 'StartAt', 'States', 'TimeoutSeconds', 'Version', 'QueryLanguage']);
    const first = complete('‸\nStartAt: Done\nStates:\n  Done:\n    Type: Succeed\n', 'm.asl.yaml').labels;
    assert.deepEqual(first, ['Comment', 'TimeoutSeconds', 'Version', 'QueryLanguage']);
  });
});

test('YAML flow: a field typed in the space before another entry keeps that entry, with a comma between', () => {
  const c = complete('StartAt: P\nStates:\n  P: { ‸ Type: Pass, End: true }\n', 'm.asl.yaml');
  assert.ok(c.labels.includes('Comment') && !c.labels.includes('Type'), c.labels.join());
  const out = c.apply(c.find('Comment'));
  assert.match(out, /P: \{ Comment: \$1, Type: Pass, End: true \}/);
  const before = complete('StartAt: P\nStates:\n  P: { Type: Pass, ‸ End: true }\n', 'm.asl.yaml');
  assert.match(before.apply(before.find('Comment')), /P: \{ Type: Pass, Comment: \$1, End: true \}/);
});

test('YAML: a field picked at the start of an existing key goes before it, that key kept (block and flow style), and a new state before a state', () => {
  const block = complete('StartAt: P\nStates:\n  P:\n    Type: Pass\n    ‸End: true\n', 'm.asl.yaml');
  assert.ok(!block.labels.includes('End'), block.labels.join());
  assert.match(block.apply(block.find('Comment')), /\n {4}Type: Pass\n {4}Comment: \$1\n {4}End: true\n/);
  const flow = complete('StartAt: P\nStates:\n  P: { Type: Pass, ‸End: true }\n', 'm.asl.yaml');
  assert.match(flow.apply(flow.find('Comment')), /P: \{ Type: Pass, Comment: \$1, End: true \}/);
  const state = complete('StartAt: P\nStates:\n  ‸P:\n    Type: Pass\n    End: true\n', 'm.asl.yaml');
  assert.match(state.apply(state.find('New state: Pass')), /States:\n {2}\$\{1:Pass\}:\n {4}Type: Pass\n {4}End: true\$0\n {2}P:\n {4}Type: Pass\n/);
});

test('variables: $name where a path or a JSONata name starts, the ones the state can read (its machine\'s and outer ones)', () => {
  const ata = complete('{ "QueryLanguage": "JSONata", "StartAt": "A", "States": { "A": { "Type": "Pass", "Assign": { "modelUrl": "s3://m" }, "Next": "B" }, "B": { "Type": "Pass", "Output": "{% $mo‸ %}", "End": true } } }');
  assert.ok(ata.labels.includes('$modelUrl') && ata.labels.includes('$states'), ata.labels.join());
  assert.match(ata.apply(ata.find('$modelUrl')), /"\{% \$modelUrl %\}"/);
  const path = complete('{ "StartAt": "A", "States": { "A": { "Type": "Pass", "Assign": { "epochs": 3 }, "Next": "B" }, "B": { "Type": "Pass", "Parameters": { "n.$": "$ep‸" }, "End": true } } }');
  assert.deepEqual(path.labels, ['$epochs']);
  // A Distributed Map's child workflow sees none from outside.
  const inner = complete('{ "StartAt": "A", "States": { "A": { "Type": "Pass", "Assign": { "epochs": 3 }, "Next": "M" }, "M": { "Type": "Map", "ItemProcessor": { "ProcessorConfig": { "Mode": "DISTRIBUTED", "ExecutionType": "STANDARD" }, "StartAt": "I", "States": { "I": { "Type": "Pass", "Parameters": { "n.$": "$ep‸" }, "End": true } } }, "End": true } } }');
  assert.deepEqual(inner.labels, []);
  // A name Assign gives that is no variable name (its first character no ID_Start: refused there) is not offered,
  // nor does a path begun with one ask for any: validation refuses `$_x` as a path (asl40).
  const names = complete('{ "StartAt": "A", "States": { "A": { "Type": "Pass", "Assign": { "_hidden": 1, "épochs": 3, "2nd": 2 }, "Next": "B" }, "B": { "Type": "Pass", "Parameters": { "n.$": "$‸" }, "End": true } } }');
  assert.deepEqual(names.labels, ['$épochs']);
  assert.deepEqual(complete('{ "StartAt": "A", "States": { "A": { "Type": "Pass", "Assign": { "_hidden": 1, "épochs": 3 }, "Next": "B" }, "B": { "Type": "Pass", "Parameters": { "n.$": "$_‸" }, "End": true } } }').labels, []);
  const ataNames = complete('{ "QueryLanguage": "JSONata", "StartAt": "A", "States": { "A": { "Type": "Pass", "Assign": { "_hidden": 1, "modelUrl": "s3://m" }, "Next": "B" }, "B": { "Type": "Pass", "Output": "{% $‸ %}", "End": true } } }');
  assert.ok(ataNames.labels.includes('$modelUrl') && !ataNames.labels.includes('$_hidden'), ataNames.labels.join());
});

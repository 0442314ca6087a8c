// What Step Functions refuses at deploy, found before deploy: each rule on a small machine, written as JSON and as
// YAML, with the exact text each finding underlines and the service's code where it has one.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { stringify } from 'yaml';
import { validateStructure } from '../../server/src/service/asl/validateStructure';
import { parseDocument } from '../../server/src/service/documentStore';
import { sageMakerCheckedElsewhere } from '../../server/src/service/sagemaker/tasks';
import type { Problem } from '../../server/src/service/core/types';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AslCode } from '../../server/src/service/asl/codes';
import { parseIntegrationArn } from '../../server/src/service/asl/integrations';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { VALID_TRAINING, doc, lambdaTask, service } from './helpers';
import { parseYaml } from '../../server/src/service/yaml/parseYaml';
import { toValue } from '../../server/src/service/core/tree';

interface Finding { code: string; severity: string; at: string; awsCode?: unknown; line: number }

/** The structure findings of a text in document order: code, severity, the text underlined (without quotes) and its 1-based line. */
function findingsOf(text: string, language: 'json' | 'yaml'): Finding[] {
  const parsed = parseDocument(text, language === 'json' ? 'asl' : 'asl-yaml');
  assert.deepEqual(parsed.syntaxErrors, [], 'parses');
  // As the service's validation calls it: the SageMaker Tasks and payloads are the SageMaker checks' (sagemaker/validation.ts).
  const problems = validateStructure(parsed.root, text, undefined, language, sageMakerCheckedElsewhere(parsed)).sort((a, b) => a.offset - b.offset);
  return problems.map((p: Problem) => ({
    // A key with the brace it opens (what a request lacks: integrationRequests.ts) reads as the key, as in YAML.
    code: p.code, severity: p.severity, at: text.slice(p.offset, p.offset + p.length).replace(/^"([^"]*)": \{$/, '$1').replace(/^"(.*)"$/s, '$1'),
    ...(p.data?.awsCode ? { awsCode: p.data.awsCode } : {}), line: text.slice(0, p.offset).split('\n').length,
  }));
}

/**
 * Checks a machine written as JSON and as YAML: both give `expected` (code, severity, text underlined, AWS code),
 * and each finding lies on the line where its text is.
 */
function expectBoth(machine: unknown, expected: Omit<Finding, 'line'>[]) {
  for (const [language, text] of [['json', JSON.stringify(machine, null, 2)], ['yaml', stringify(machine, { aliasDuplicateObjects: false })]] as const) {
    const found = findingsOf(text, language);
    assert.deepEqual(found.map(({ line: _, ...f }) => f), expected, `${language}:\n${text}`);
    for (const f of found) assert.ok(text.split('\n')[f.line - 1].includes(f.at.split('\n')[0]), `${language}: ${f.at} on line ${f.line}`);
  }
}
const messages = (machine: unknown) => {
  const text = JSON.stringify(machine, null, 2);
  const parsed = parseDocument(text, 'asl');
  return validateStructure(parsed.root, text, undefined, 'json').map((p) => p.message);
};

const sm = (States: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ StartAt: Object.keys(States)[0], ...extra, States });
const task = lambdaTask;
const SCHEMA = 'SCHEMA_VALIDATION_FAILED';

describe('names and keys', () => {
  test('a state name over 80 characters (INVALID_STATE_NAME)', () => {
    const long = 'S'.repeat(81);
    expectBoth(sm({ [long]: { Type: 'Succeed' } }), [{ code: 'asl-invalid-state-name', severity: 'error', at: long, awsCode: 'INVALID_STATE_NAME' }]);
    expectBoth(sm({ ['S'.repeat(80)]: { Type: 'Succeed' } }), []);
  });
  test('an empty state name (INVALID_STATE_NAME: the API\'s state name is 1 to 80 characters), once: not again on the transitions to it', () => {
    expectBoth(sm({ A: { Type: 'Pass', Next: '' }, '': { Type: 'Succeed' } }), [{ code: 'asl-invalid-state-name', severity: 'error', at: '', awsCode: 'INVALID_STATE_NAME' }]);
    assert.deepEqual(messages(sm({ A: { Type: 'Pass', Next: '' }, '': { Type: 'Succeed' } })), ['A state name cannot be empty: a state name has 1 to 80 characters (INVALID_STATE_NAME)']);
    // StartAt, a Choice's rule, a catcher: the state named "" reached through them.
    expectBoth({ StartAt: '', States: { '': { Type: 'Choice', Choices: [{ Variable: '$.x', IsPresent: true, Next: '' }], Default: 'T' }, T: { ...task({ End: undefined, Next: 'S' }), Catch: [{ ErrorEquals: ['States.ALL'], Next: '' }] }, S: { Type: 'Succeed' } } }, [
      { code: 'asl-invalid-state-name', severity: 'error', at: '', awsCode: 'INVALID_STATE_NAME' },
    ]);
    // With no such state, each one is empty, and says so.
    assert.deepEqual(messages({ StartAt: '', States: { A: { Type: 'Choice', Choices: [{ Variable: '$.x', IsPresent: true, Next: '' }], Default: '' }, S: { Type: 'Succeed' } } }).sort(), [
      'Default is empty: it must be the name of a state, and a state name cannot be empty (MISSING_TRANSITION_TARGET)',
      'Next is empty: it must be the name of a state, and a state name cannot be empty (MISSING_TRANSITION_TARGET)',
      'StartAt is empty: it must be the name of a state, and a state name cannot be empty (MISSING_TRANSITION_TARGET)',
    ]);
  });
  test('the same state name in two Parallel branches (DUPLICATE_STATE_NAME), on the second', () => {
    const branch = { StartAt: 'Work', States: { Work: { Type: 'Succeed' } } };
    expectBoth(sm({ P: { Type: 'Parallel', End: true, Branches: [branch, branch] } }), [{ code: 'asl-duplicate-state-name', severity: 'error', at: 'Work', awsCode: 'DUPLICATE_STATE_NAME' }]);
  });
  test('a state of a Map processor named like a top-level state', () => {
    expectBoth(sm({ M: { Type: 'Map', Next: 'Done', ItemProcessor: { StartAt: 'Done', States: { Done: { Type: 'Succeed' } } } }, Done: { Type: 'Succeed' } }),
      [{ code: 'asl-duplicate-state-name', severity: 'error', at: 'Done', awsCode: 'DUPLICATE_STATE_NAME' }]);
    assert.match(messages(sm({ M: { Type: 'Map', Next: 'Done', ItemProcessor: { StartAt: 'Done', States: { Done: { Type: 'Succeed' } } } }, Done: { Type: 'Succeed' } }))[0], /^State name "Done" is already used at the top level: .* \(DUPLICATE_STATE_NAME\)$/);
  });
  test('a duplicate key in JSON, anywhere, is a warning at the last one, the value read (a deployed machine relies on it: clean37); in YAML the same', () => {
    const json = '{"StartAt": "A", "States": {"A": {"Type": "Pass", "Comment": "x", "Comment": "y", "End": true}}}';
    assert.deepEqual(findingsOf(json, 'json'), [{ code: 'asl-duplicate-key', severity: 'warning', at: 'Comment', line: 1 }]);
    assert.deepEqual(validateStructure(parseDocument(json, 'asl').root, json, undefined, 'json').map((p) => p.message), ['"Comment" appears twice in this object: only the last value is read, the earlier one is ignored']);
    assert.equal(json.lastIndexOf('"Comment"'), validateStructure(parseDocument(json, 'asl').root, json, undefined, 'json')[0].offset);
    const yaml = 'StartAt: A\nStates:\n  A:\n    Type: Pass\n    Comment: x\n    Comment: y\n    End: true\n';
    const parsed = parseDocument(yaml, 'asl-yaml');
    assert.deepEqual([parsed.syntaxErrors, parsed.readWarnings!.map((p) => [p.offset, p.severity, p.code])], [[], [[yaml.lastIndexOf('Comment'), 'warning', 'duplicate-key']]]);
  });
  test('two states of one name in one States object: a duplicate state name, not also a duplicate key', () => {
    const json = '{"StartAt": "A", "States": {"A": {"Type": "Succeed"}, "A": {"Type": "Succeed"}}}';
    assert.deepEqual(findingsOf(json, 'json').map((f) => [f.code, f.awsCode]), [['asl-duplicate-state-name', 'DUPLICATE_STATE_NAME']]);
  });
  test('X next to X.$ in Parameters (a SageMaker payload too), ItemSelector, Assign', () => {
    expectBoth(sm({ T: task({ Resource: 'arn:aws:states:::sagemaker:createTrainingJob.sync', Parameters: { TrainingJobName: 'a', 'TrainingJobName.$': '$.name' } }) }),
      [{ code: 'asl-duplicate-payload-field', severity: 'error', at: 'TrainingJobName.$', awsCode: SCHEMA }]);
    expectBoth(sm({ P: { Type: 'Pass', End: true, Assign: { n: 1, 'n.$': '$.n' }, Parameters: { deep: { a: 1, 'a.$': '$.a' } } } }), [
      { code: 'asl-duplicate-payload-field', severity: 'error', at: 'n.$', awsCode: SCHEMA },
      { code: 'asl-duplicate-payload-field', severity: 'error', at: 'a.$', awsCode: SCHEMA },
    ]);
  });
  test('keys of a Pass Result are literal: X next to X.$ there is fine', () => {
    expectBoth(sm({ P: { Type: 'Pass', End: true, Result: { a: 1, 'a.$': 'x' } } }), []);
  });
});

describe('transitions', () => {
  test('an unreachable state is an error (MISSING_TRANSITION_TARGET)', () => {
    expectBoth(sm({ A: { Type: 'Succeed' }, Lost: { Type: 'Pass', Next: 'A' } }), [{ code: 'asl-unreachable-state', severity: 'error', at: 'Lost', awsCode: 'MISSING_TRANSITION_TARGET' }]);
  });
  test('reached only through Catch, a Choice Default, or a rule nested in And: reachable', () => {
    expectBoth(sm({
      A: task({ End: undefined, Next: 'C', Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Handle' }] }),
      C: { Type: 'Choice', Choices: [{ And: [{ Variable: '$.a', IsPresent: true }, { Variable: '$.b', IsPresent: true }], Next: 'Both' }], Default: 'Other' },
      Handle: { Type: 'Fail', Error: 'E' }, Other: { Type: 'Succeed' }, Both: { Type: 'Succeed' },
    }), []);
  });
  test('a Next into a Parallel branch (or out of one) names where that state is, and what it leaves unreached is reported too', () => {
    const branch = { StartAt: 'X', States: { X: { Type: 'Pass', End: true } } };
    expectBoth(sm({ A: { Type: 'Pass', Next: 'X' }, P: { Type: 'Parallel', Branches: [branch], End: true } }), [
      { code: 'asl-unknown-state', severity: 'error', at: 'X', awsCode: 'MISSING_TRANSITION_TARGET' },
      { code: 'asl-unreachable-state', severity: 'error', at: 'P', awsCode: 'MISSING_TRANSITION_TARGET' },
    ]);
    assert.deepEqual(messages(sm({ A: { Type: 'Pass', Next: 'X' }, P: { Type: 'Parallel', Branches: [branch], End: true } })), [
      'Next "X" is a state in a branch of "P": a transition goes only to a state of its own machine, here the top level (MISSING_TRANSITION_TARGET)',
      'State "P" is not reachable: no StartAt, Next, Default or Catch leads to it (MISSING_TRANSITION_TARGET)',
    ]);
    assert.deepEqual(messages(sm({ M: { Type: 'Map', Next: 'Done', ItemProcessor: { StartAt: 'I', States: { I: { Type: 'Pass', Next: 'Done' } } } }, Done: { Type: 'Succeed' } })), [
      'Next "Done" is a state at the top level: a transition goes only to a state of its own machine, here this ItemProcessor of "M" (MISSING_TRANSITION_TARGET)',
      'No state ends this machine: give one state "End": true, or add a Succeed or Fail state (MISSING_END_STATE)',
    ]);
    // A misspelt name still keeps the reachability walk quiet: the states after it are reached once it is fixed.
    expectBoth(sm({ A: { Type: 'Pass', Next: 'Bx' }, B: { Type: 'Succeed' } }), [{ code: 'asl-unknown-state', severity: 'error', at: 'Bx', awsCode: 'MISSING_TRANSITION_TARGET' }]);
  });
  test('a missing Next target and no end state name the service\'s codes', () => {
    expectBoth(sm({ A: { Type: 'Pass', Next: 'Nowhere' }, B: { Type: 'Succeed' } }), [{ code: 'asl-unknown-state', severity: 'error', at: 'Nowhere', awsCode: 'MISSING_TRANSITION_TARGET' }]);
    expectBoth(sm({ A: { Type: 'Pass', Next: 'B' }, B: { Type: 'Pass', Next: 'A' } }), [{ code: 'asl-no-terminal-state', severity: 'error', at: 'States', awsCode: 'MISSING_END_STATE' }]);
  });
});

describe('the fields of a machine, a Parallel branch and a Map processor', () => {
  test('StartAt or States missing: an error in the object that lacks it, on the key of the other', () => {
    expectBoth({ States: { A: { Type: 'Succeed' } } }, [{ code: 'asl-missing-field', severity: 'error', at: 'States', awsCode: SCHEMA }]);
    expectBoth({ Comment: 'c', StartAt: 'A' }, [{ code: 'asl-missing-field', severity: 'error', at: 'StartAt', awsCode: SCHEMA }]);
    assert.deepEqual(messages({ States: { A: { Type: 'Succeed' } } }), ['StartAt is missing: name the first state to run, e.g. "StartAt": "A" (SCHEMA_VALIDATION_FAILED)']);
  });
  test('in a Parallel branch, a Map ItemProcessor or Iterator: on the branch or processor, not the state that holds it', () => {
    const branch = { States: { X: { Type: 'Succeed' } } };
    expectBoth(sm({ P: { Type: 'Parallel', End: true, Branches: [branch] } }), [{ code: 'asl-missing-field', severity: 'error', at: 'States', awsCode: SCHEMA }]);
    expectBoth(sm({ M: { Type: 'Map', End: true, Iterator: branch } }), [{ code: 'asl-missing-field', severity: 'error', at: 'States', awsCode: SCHEMA }]);
    expectBoth(sm({ M: { Type: 'Map', End: true, ItemProcessor: { StartAt: 'X' } } }), [{ code: 'asl-missing-field', severity: 'error', at: 'StartAt', awsCode: SCHEMA }]);
    assert.deepEqual(messages(sm({ M: { Type: 'Map', End: true, ItemProcessor: { StartAt: 'X' } } })), [
      'States of this Map ItemProcessor is missing: an object of the states by name, e.g. "States": { "First": { "Type": "Pass", "End": true } } (SCHEMA_VALIDATION_FAILED)',
    ]);
    // An empty object: both are missing, on the object itself.
    const text = JSON.stringify(sm({ P: { Type: 'Parallel', End: true, Branches: [{}] } }));
    assert.deepEqual(validateStructure(parseDocument(text, 'asl').root, text, undefined, 'json').map((p) => [text.slice(p.offset, p.offset + p.length), p.message]), [
      ['{}', 'StartAt of this Parallel branch is missing: name the first state to run, e.g. "StartAt": "First" (SCHEMA_VALIDATION_FAILED)'],
      ['{}', 'States of this Parallel branch is missing: an object of the states by name, e.g. "States": { "First": { "Type": "Pass", "End": true } } (SCHEMA_VALIDATION_FAILED)'],
    ]);
  });
  test('a document named as a state machine (*.asl.json, *.asl.yaml) is judged even without StartAt and States; a plain JSON or YAML file is not', () => {
    const structure = (text: string, languageId: string, uri: string) =>
      service.validate(TextDocument.create(uri, languageId, 1, text)).filter((p) => p.source === 'asl').map((p) => [text.slice(p.offset, p.offset + p.length), p.code]);
    assert.deepEqual(structure('{}', 'asl', 'file:///w/empty.asl.json'), [['{}', 'asl-missing-field'], ['{}', 'asl-missing-field']]);
    assert.deepEqual(structure('StartAt: A\n', 'asl-yaml', 'file:///w/half.asl.yaml'), [['StartAt', 'asl-missing-field']]);
    assert.deepEqual(structure('{"States": {"A": {"Type": "Succeed"}}}', 'asl', 'file:///w/no-start.asl'), [['"States"', 'asl-missing-field']]);
    assert.deepEqual(structure('{}', 'json', 'file:///w/empty.json'), []);
    assert.deepEqual(structure('{"StartAt": "A"}', 'json', 'file:///w/package.json'), []);
    // Its whole document no object: one error saying so; an empty one is a file not yet written.
    assert.deepEqual(structure('[1, 2]', 'asl', 'file:///w/list.asl.json'), [['[', 'asl-invalid-value']]);
    assert.deepEqual(structure('null', 'asl', 'file:///w/null.asl.json'), [['null', 'asl-invalid-value']]);
    assert.deepEqual(structure('- a\n', 'asl-yaml', 'file:///w/list.asl.yaml'), [['-', 'asl-invalid-value']]);
    assert.deepEqual(structure('', 'asl-yaml', 'file:///w/new.asl.yaml'), []);
    assert.deepEqual(structure('---\n', 'asl-yaml', 'file:///w/new.asl.yaml'), []);
    assert.deepEqual(structure('[1, 2]', 'json', 'file:///w/list.json'), []);
    // A plain JSON file too deep to read may be a template holding one: its warning says it was not checked.
    const deep = `{"Resources": ${'['.repeat(3000)}${']'.repeat(3000)}}`;
    assert.deepEqual(service.validate(TextDocument.create('file:///w/deep.template.json', 'json', 1, deep)).map((p) => [p.code, p.severity]), [['too-large', 'warning']]);
    // The CLI gives a YAML file named on its command line asl-yaml: its name, not the language, says what it is.
    assert.deepEqual(structure('Resources: {}\n', 'asl-yaml', 'file:///w/template.yaml'), []);
    assert.deepEqual(structure('TrainingJobName: x\n', 'asl-yaml', 'file:///w/job.yml'), []);
  });
});

describe('fields', () => {
  test('TimeoutSeconds, HeartbeatSeconds only on Task; Retry and Catch only on Task, Parallel and Map', () => {
    expectBoth(sm({ P: { Type: 'Pass', Next: 'W', TimeoutSeconds: 5, Retry: [] }, W: { Type: 'Wait', Seconds: 1, End: true, Catch: [] } }), [
      { code: 'asl-unknown-field', severity: 'error', at: 'TimeoutSeconds', awsCode: SCHEMA },
      { code: 'asl-unknown-field', severity: 'error', at: 'Retry', awsCode: SCHEMA },
      { code: 'asl-unknown-field', severity: 'error', at: 'Catch', awsCode: SCHEMA },
    ]);
  });
  test('ResultSelector only where there is a result', () => {
    expectBoth(sm({ P: { Type: 'Pass', End: true, ResultSelector: {} } }), [{ code: 'asl-unknown-field', severity: 'error', at: 'ResultSelector', awsCode: SCHEMA }]);
  });
  test('pairs that exclude each other, in the service\'s words', () => {
    const map = { Type: 'Map', End: true, MaxConcurrency: 1, MaxConcurrencyPath: '$.c', ToleratedFailureCount: 1, ToleratedFailureCountPath: '$.n', ToleratedFailurePercentage: 1, ToleratedFailurePercentagePath: '$.p',
      ItemReader: { Resource: 'arn:aws:states:::s3:getObject', ReaderConfig: { InputType: 'JSON', MaxItems: 10, MaxItemsPath: '$.m' }, Parameters: { Bucket: 'b', Key: 'k' } },
      ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, StartAt: 'S', States: { S: { Type: 'Succeed' } } } };
    expectBoth(sm({ M: map }), [
      { code: 'asl-exclusive-fields', severity: 'error', at: 'MaxConcurrencyPath', awsCode: SCHEMA },
      { code: 'asl-exclusive-fields', severity: 'error', at: 'ToleratedFailureCountPath', awsCode: SCHEMA },
      { code: 'asl-exclusive-fields', severity: 'error', at: 'ToleratedFailurePercentagePath', awsCode: SCHEMA },
      { code: 'asl-exclusive-fields', severity: 'error', at: 'MaxItemsPath', awsCode: SCHEMA },
    ]);
    assert.ok(messages(sm({ M: map })).includes('There should only be one of the following fields: [MaxItems, MaxItemsPath] (SCHEMA_VALIDATION_FAILED)'));
    expectBoth(sm({ F: { Type: 'Fail', Error: 'E', ErrorPath: '$.e', Cause: 'c', CausePath: '$.c' } }), [
      { code: 'asl-exclusive-fields', severity: 'error', at: 'ErrorPath', awsCode: SCHEMA },
      { code: 'asl-exclusive-fields', severity: 'error', at: 'CausePath', awsCode: SCHEMA },
    ]);
    expectBoth(sm({ W: { Type: 'Wait', Seconds: 1, TimestampPath: '$.t', End: true } }), [{ code: 'asl-exclusive-fields', severity: 'error', at: 'TimestampPath', awsCode: SCHEMA }]);
  });
  test('HeartbeatSeconds must be smaller than TimeoutSeconds', () => {
    expectBoth(sm({ T: task({ TimeoutSeconds: 60, HeartbeatSeconds: 60 }) }), [{ code: 'asl-invalid-value', severity: 'error', at: '60', awsCode: SCHEMA }]);
    assert.deepEqual(messages(sm({ T: task({ TimeoutSeconds: 60, HeartbeatSeconds: 60 }) })), ['HeartbeatSeconds (60) must be smaller than TimeoutSeconds (60) (SCHEMA_VALIDATION_FAILED)']);
    expectBoth(sm({ T: task({ TimeoutSeconds: 60, HeartbeatSeconds: 59 }) }), []);
  });
  test('in JSONata, HeartbeatSeconds and TimeoutSeconds of literals only are judged by the numbers they always give: a warning (gap42)', () => {
    const jsonata = (HeartbeatSeconds: unknown, TimeoutSeconds: unknown) => sm({ T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Arguments: { FunctionName: 'f' }, TimeoutSeconds, HeartbeatSeconds, End: true } }, { QueryLanguage: 'JSONata' });
    for (const [heartbeat, timeout] of [['{% 3600 %}', '{% 3600 %}'], ['{% 60 * 60 %}', 3600], [7200, '{% 3600 %}']] as const)
      expectBoth(jsonata(heartbeat, timeout), [{ code: 'asl-invalid-value', severity: 'warning', at: String(heartbeat) }]);
    assert.deepEqual(messages(jsonata('{% 3600 %}', '{% 3600 %}')), ['HeartbeatSeconds (3600, what its expression always gives) must be smaller than TimeoutSeconds (3600, what its expression always gives)']);
    // Both literal: the service refuses the definition, as in JSONPath.
    expectBoth(jsonata(60, 60), [{ code: 'asl-invalid-value', severity: 'error', at: '60', awsCode: SCHEMA }]);
    // Smaller, or not known: nothing.
    for (const [heartbeat, timeout] of [['{% 60 %}', '{% 3600 %}'], ['{% $states.input.beat %}', '{% 3600 %}'], ['{% 3600 %}', '{% $states.input.timeout %}']]) expectBoth(jsonata(heartbeat, timeout), []);
  });
  test('a JSONata expression that gives a function, where a field wants a value: a warning (AWS-recorded "returned an unsupported result type")', () => {
    const map = (Items: string) => ({ M: { Type: 'Map', Items, ItemProcessor: { StartAt: 'S', States: { S: { Type: 'Succeed' } } }, End: true } });
    for (const items of ['{% $fn := function($x){$x} %}', '{% function($x){$x} %}', '{% ($a := 1; λ($x){$x}) %}'])
      expectBoth(sm(map(items), { QueryLanguage: 'JSONata' }), [{ code: 'asl-invalid-value', severity: 'warning', at: items }]);
    expectBoth(sm(map('{% $map([1, 2], function($x){$x}) %}'), { QueryLanguage: 'JSONata' }), []);
  });
  test('an error a retrier or catcher before already names never reaches this one; States.Runtime is not retriable (warnings: x33)', () => {
    const machine = sm({ T: task({ Retry: [{ ErrorEquals: ['States.Timeout'] }, { ErrorEquals: ['States.Timeout', 'X'] }, { ErrorEquals: ['States.Runtime'] }], Catch: [{ ErrorEquals: ['X'], Next: 'T' }, { ErrorEquals: ['X'], Next: 'T' }] }) });
    assert.deepEqual(messages(machine), [
      '"States.Timeout" is already handled by Retry[0], the first retrier that names it: this one is never used for it',
      'States.Runtime is not retriable: it always fails the execution ("A States.Runtime error is not retriable")',
      '"X" is already handled by Catch[0], the first catcher that names it: this one is never used for it',
    ]);
    assert.deepEqual(messages(sm({ T: task({ Retry: [{ ErrorEquals: ['A', 'A'] }, { ErrorEquals: ['B'] }] }) })), [], 'a name twice in one ErrorEquals is that retrier\'s');
  });
  test('States.ALL alone in its ErrorEquals, and only in the last retrier or catcher', () => {
    expectBoth(sm({ T: task({ Retry: [{ ErrorEquals: ['States.ALL'] }, { ErrorEquals: ['States.Timeout'] }], Catch: [{ ErrorEquals: ['States.ALL', 'X'], Next: 'T' }] }) }), [
      { code: 'asl-invalid-value', severity: 'error', at: 'States.ALL', awsCode: SCHEMA },
      { code: 'asl-invalid-value', severity: 'error', at: 'States.ALL', awsCode: SCHEMA },
    ]);
    assert.deepEqual(messages(sm({ T: task({ Retry: [{ ErrorEquals: ['States.ALL'] }, { ErrorEquals: ['States.Timeout'] }] }) })), ['States.ALL must be in the last retrier: the retriers after it are never used (SCHEMA_VALIDATION_FAILED)']);
  });
  test('numeric limits: ReaderConfig.MaxItems, MaxDelaySeconds, ToleratedFailurePercentage, MaxInputBytesPerBatch', () => {
    expectBoth(sm({ M: { Type: 'Map', End: true, ToleratedFailurePercentage: 101, ItemBatcher: { MaxInputBytesPerBatch: 262145 },
      ItemReader: { Resource: 'arn:aws:states:::s3:getObject', ReaderConfig: { InputType: 'JSON', MaxItems: 100000001 }, Parameters: { Bucket: 'b', Key: 'k' } },
      Retry: [{ ErrorEquals: ['States.ALL'], MaxDelaySeconds: 31622401 }],
      ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, StartAt: 'S', States: { S: { Type: 'Succeed' } } } } }), [
      { code: 'asl-invalid-value', severity: 'error', at: '101', awsCode: SCHEMA },
      { code: 'asl-invalid-value', severity: 'error', at: '262145', awsCode: SCHEMA },
      { code: 'asl-invalid-value', severity: 'error', at: '100000001', awsCode: SCHEMA },
      { code: 'asl-invalid-value', severity: 'error', at: '31622401', awsCode: SCHEMA },
    ]);
    // MaxItems 0 deploys and reads every item (an execution recorded against AWS in LocalStack's tests; AWS's Monte
    // Carlo sample ships it), -1 does not deploy.
    const maxItems = (MaxItems: number) => sm({ M: { Type: 'Map', End: true, ItemReader: { Resource: 'arn:aws:states:::s3:getObject', ReaderConfig: { InputType: 'MANIFEST', MaxItems }, Parameters: { Bucket: 'b', Key: 'k' } },
      ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, StartAt: 'S', States: { S: { Type: 'Succeed' } } } } });
    expectBoth(maxItems(0), []);
    expectBoth(maxItems(-1), [{ code: 'asl-invalid-value', severity: 'error', at: '-1', awsCode: SCHEMA }]);
  });
  test('ReaderConfig.InputType is CSV, JSON, JSONL, PARQUET or MANIFEST; a placeholder is not judged, JSONata is no value there (only MaxItems is evaluated)', () => {
    const reader = (InputType: string, ql?: string) => sm({ M: { Type: 'Map', End: true, ...(ql ? { QueryLanguage: ql } : {}),
      ItemReader: { Resource: 'arn:aws:states:::s3:getObject', ReaderConfig: { InputType }, [ql ? 'Arguments' : 'Parameters']: { Bucket: 'b', Key: 'k' } },
      ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, StartAt: 'S', States: { S: { Type: 'Succeed' } } } } });
    expectBoth(reader('XML'), [{ code: 'asl-invalid-value', severity: 'error', at: 'XML', awsCode: SCHEMA }]);
    expectBoth(reader('csv'), [{ code: 'asl-invalid-value', severity: 'error', at: 'csv', awsCode: SCHEMA }]);
    assert.deepEqual(messages(reader('XML')), ['ReaderConfig.InputType must be one of "CSV", "JSON", "JSONL", "PARQUET", "MANIFEST", not the string "XML" (SCHEMA_VALIDATION_FAILED)']);
    for (const ok of ['CSV', 'JSON', 'JSONL', 'PARQUET', 'MANIFEST', '${InputType}']) expectBoth(reader(ok), []);
    expectBoth(reader('{% $states.input.type %}', 'JSONata'), [{ code: 'asl-invalid-value', severity: 'error', at: '{% $states.input.type %}', awsCode: SCHEMA }]);
  });
  test('the fields of ItemReader, ItemBatcher and ResultWriter', () => {
    expectBoth(sm({ M: { Type: 'Map', End: true, ItemReader: { Resource: 'arn:aws:states:::s3:getObject', Parameters: { Bucket: 'b', Key: 'k' }, MaxItems: 5 },
      ItemBatcher: { MaxItemsPerBatch: 10, BatchInput: {}, Size: 1 }, ResultWriter: { Resource: 'arn:aws:states:::s3:putObject', Parameters: { Bucket: 'b', Prefix: 'p' }, WriterConfig: {} },
      ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, StartAt: 'S', States: { S: { Type: 'Succeed' } } } } }), [
      { code: 'asl-unknown-field', severity: 'error', at: 'MaxItems', awsCode: SCHEMA },
      { code: 'asl-unknown-field', severity: 'error', at: 'Size', awsCode: SCHEMA },
    ]);
  });
  test('a Distributed Map Label: at most 40 characters, no forbidden characters, unique', () => {
    const map = (Label: string) => ({ Type: 'Map', Next: undefined, End: true, Label, ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, StartAt: `S${Label.length}`, States: { [`S${Label.length}`]: { Type: 'Succeed' } } } });
    expectBoth(sm({ M: map('L'.repeat(41)) }), [{ code: 'asl-invalid-label', severity: 'error', at: 'L'.repeat(41), awsCode: 'INVALID_LABEL_NAME' }]);
    expectBoth(sm({ M: map('a b') }), [{ code: 'asl-invalid-label', severity: 'error', at: 'a b', awsCode: 'INVALID_LABEL_NAME' }]);
    expectBoth(sm({ M: { ...map('Rows'), End: undefined, Next: 'N' }, N: { ...map('Rows'), ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, StartAt: 'T', States: { T: { Type: 'Succeed' } } } } }),
      [{ code: 'asl-duplicate-label', severity: 'error', at: 'Rows', awsCode: 'DUPLICATE_LABEL_NAME' }]);
  });
  test('a Wait Timestamp is RFC 3339', () => {
    expectBoth(sm({ W: { Type: 'Wait', Timestamp: '2026-01-31 10:00:00', End: true } }), [{ code: 'asl-invalid-value', severity: 'error', at: '2026-01-31 10:00:00', awsCode: SCHEMA }]);
    expectBoth(sm({ W: { Type: 'Wait', Timestamp: '2026-01-31T10:00:00.5+01:00', End: true } }), []);
    // More than 2^31 - 1 seconds from now ("wait forever"): the state fails when it runs.
    expectBoth(sm({ W: { Type: 'Wait', Timestamp: '9999-12-31T23:59:59Z', End: true } }), [{ code: 'asl-invalid-value', severity: 'warning', at: '9999-12-31T23:59:59Z' }]);
    const soon = new Date(Date.now() + 24_000 * 86_400_000).toISOString();
    expectBoth(sm({ W: { Type: 'Wait', Timestamp: soon, End: true } }), []);
  });
  test('a timestamp is a real date and time: no month 13, day 32, February 30 (29 only in a leap year), hour 24, minute 60', () => {
    for (const bad of ['2024-13-01T00:00:00Z', '2024-01-32T00:00:00Z', '2024-02-30T00:00:00Z', '2023-02-29T00:00:00Z', '2024-04-31T00:00:00Z', '2024-01-01T24:00:00Z', '2024-01-01T10:60:00Z', '2024-01-01T10:00:61Z', '2024-01-01T10:00:00+24:00', '2024-00-10T00:00:00Z'])
      expectBoth(sm({ W: { Type: 'Wait', Timestamp: bad, End: true } }), [{ code: 'asl-invalid-value', severity: 'error', at: bad, awsCode: SCHEMA }]);
    for (const good of ['2024-02-29T23:59:59Z', '2000-02-29T00:00:00Z', '2026-12-31T23:59:60Z', '2026-06-30T12:00:00-05:30'])
      expectBoth(sm({ W: { Type: 'Wait', Timestamp: good, End: true } }), []);
    assert.deepEqual(messages(sm({ W: { Type: 'Wait', Timestamp: '2024-13-01T00:00:00Z', End: true } })), [
      'Timestamp "2024-13-01T00:00:00Z" is not an RFC 3339 timestamp: a real date and time with an uppercase T and Z or an offset, e.g. "2026-01-31T23:59:59Z" (SCHEMA_VALIDATION_FAILED)',
    ]);
  });
  test('a Choice rule\'s Timestamp comparison takes an RFC 3339 timestamp; its …Path form a path, JSONata and placeholders are not judged', () => {
    const rule = (r: Record<string, unknown>, ql?: string) => sm({ C: { Type: 'Choice', ...(ql ? { QueryLanguage: ql } : {}), Choices: [{ ...r, Next: 'D' }], Default: 'D' }, D: { Type: 'Succeed' } });
    for (const op of ['TimestampEquals', 'TimestampLessThan', 'TimestampGreaterThan', 'TimestampLessThanEquals', 'TimestampGreaterThanEquals'])
      expectBoth(rule({ Variable: '$.t', [op]: '2024-01-01' }), [{ code: 'asl-invalid-value', severity: 'error', at: '2024-01-01', awsCode: SCHEMA }]);
    expectBoth(rule({ Not: { Variable: '$.t', TimestampLessThan: '2024-02-30T00:00:00Z' } }), [{ code: 'asl-invalid-value', severity: 'error', at: '2024-02-30T00:00:00Z', awsCode: SCHEMA }]);
    expectBoth(rule({ Variable: '$.t', TimestampGreaterThan: '2024-01-01T00:00:00Z' }), []);
    expectBoth(rule({ Variable: '$.t', TimestampGreaterThanPath: '$.since' }), []);
    expectBoth(rule({ Variable: '$.t', TimestampEquals: '${Deadline}' }), []);
    expectBoth(rule({ Condition: '{% $states.input.t > "2024-01-01" %}' }, 'JSONata'), []);
  });
});

describe('the structure rules, in YAML as in JSON', () => {
  test('required fields, an unknown state type, Next with End', () => {
    expectBoth(sm({ T: { Type: 'Task', Next: 'X' }, X: { Type: 'Tsk', End: true }, P: { Type: 'Pass', Next: 'T', End: true } }), [
      { code: 'asl-missing-field', severity: 'error', at: 'T', awsCode: SCHEMA },
      { code: 'asl-unknown-state-type', severity: 'error', at: 'Tsk', awsCode: SCHEMA },
      { code: 'asl-unreachable-state', severity: 'error', at: 'P', awsCode: 'MISSING_TRANSITION_TARGET' },
      { code: 'asl-exclusive-fields', severity: 'error', at: 'End', awsCode: SCHEMA },
    ]);
  });
  test('Choice rules: one comparison, of the right type', () => {
    expectBoth(sm({ C: { Type: 'Choice', Choices: [{ Variable: '$.n', NumericEquals: 1, StringEquals: 'a', Next: 'D' }], Default: 'D' }, D: { Type: 'Succeed' } }), [
      { code: 'asl-invalid-choice-rule', severity: 'error', at: 'StringEquals', awsCode: SCHEMA },
    ]);
    expectBoth(sm({ C: { Type: 'Choice', Choices: [{ Variable: '$.n', NumericEquals: '1', Next: 'D' }], Default: 'D' }, D: { Type: 'Succeed' } }), [
      { code: 'asl-invalid-value', severity: 'error', at: '1', awsCode: SCHEMA },
    ]);
  });
  test('a Choice rule whose condition is an earlier one\'s is never taken: a warning on it (asl45 round)', () => {
    const choice = (Choices: unknown[], QueryLanguage?: string) => sm({ C: { Type: 'Choice', ...(QueryLanguage ? { QueryLanguage } : {}), Choices, Default: 'D' }, D: { Type: 'Succeed' }, E: { Type: 'Succeed' } });
    const shadowed = { code: 'asl-invalid-value', severity: 'warning', at: 'Next' };
    expectBoth(choice([{ Variable: '$.s', StringEquals: 'a', Next: 'D' }, { Next: 'E', StringEquals: 'a', Variable: '$.s' }]), [shadowed]);
    assert.deepEqual(messages(choice([{ Variable: '$.s', StringEquals: 'a', Next: 'D' }, { Next: 'E', Variable: '$.s', StringEquals: 'a', Comment: 'again' }])), ["This rule's condition is Choices[0]'s: the Choice state follows the first rule that matches, so this one is never taken"]);
    expectBoth(choice([{ And: [{ Variable: '$.n', NumericGreaterThan: 1 }, { Variable: '$.n', NumericLessThan: 9 }], Next: 'D' }, { Next: 'E', And: [{ Variable: '$.n', NumericGreaterThan: 1 }, { Variable: '$.n', NumericLessThan: 9 }] }]), [shadowed]);
    // Another value, path or comparison is another condition.
    expectBoth(choice([{ Variable: '$.s', StringEquals: 'a', Next: 'D' }, { Variable: '$.s', StringEquals: 'b', Next: 'E' }, { Variable: '$.t', StringEquals: 'a', Next: 'E' }, { Variable: '$.s', StringMatches: 'a', Next: 'E' }]), []);
    expectBoth(choice([{ Condition: '{% $states.input.n > 1 %}', Next: 'D' }, { Next: 'E', Condition: '{% $states.input.n > 1 %}' }], 'JSONata'), [shadowed]);
    // A condition that reads chance or the clock may be true the second time.
    expectBoth(choice([{ Condition: '{% $random() < 0.5 %}', Next: 'D' }, { Condition: '{% $random() < 0.5 %}', Next: 'E' }], 'JSONata'), []);
    expectBoth(choice([{ Condition: '{% $shuffle([1, 2])[0] = 1 %}', Next: 'D' }, { Condition: '{% $shuffle([1, 2])[0] = 1 %}', Next: 'E' }], 'JSONata'), []);
    // A template's placeholders (and its intrinsics, read as placeholders) may stand for different values (the review of the day).
    expectBoth(choice([{ Variable: '$.s', StringEquals: '${Env}', Next: 'D' }, { Variable: '$.s', StringEquals: '${Env}', Next: 'E' }]), []);
    expectBoth(choice([{ Condition: '{% $states.input.s = ${Env} %}', Next: 'D' }, { Condition: '{% $states.input.s = ${Env} %}', Next: 'E' }], 'JSONata'), []);
    // An And no number meets (asl45): on the comparison that empties the range; a range that holds one number is fine.
    const and = (...rules: object[]) => choice([{ And: rules, Next: 'D' }, { Variable: '$.z', IsPresent: true, Next: 'E' }]);
    expectBoth(and({ Variable: '$.n', NumericGreaterThan: 10 }, { Variable: '$.n', NumericLessThan: 5 }), [{ code: 'asl-invalid-value', severity: 'warning', at: 'Variable' }]);
    assert.deepEqual(messages(and({ Variable: '$.n', NumericGreaterThan: 10 }, { Variable: '$.n', NumericLessThan: 5 })), ['No number meets every comparison of $.n in this And, so the rule is never true and never taken']);
    expectBoth(and({ Variable: '$.n', NumericGreaterThanEquals: 5 }, { Variable: '$.n', NumericLessThan: 5 }), [{ code: 'asl-invalid-value', severity: 'warning', at: 'Variable' }]);
    expectBoth(and({ Variable: '$.n', NumericEquals: 3 }, { Variable: '$.n', NumericEquals: 4 }), [{ code: 'asl-invalid-value', severity: 'warning', at: 'Variable' }]);
    for (const ok of [[{ Variable: '$.n', NumericGreaterThanEquals: 5 }, { Variable: '$.n', NumericLessThanEquals: 5 }], [{ Variable: '$.n', NumericGreaterThan: 10 }, { Variable: '$.m', NumericLessThan: 5 }], [{ Variable: '$.n', NumericGreaterThan: 10 }, { Variable: '$.n', NumericLessThanPath: '$.max' }]])
      expectBoth(and(...ok), []);
    // Numbers by their value: 1e999 is not -1e999.
    expectBoth(choice([{ Variable: '$.n', NumericLessThan: 1, Next: 'D' }, { Variable: '$.n', NumericLessThan: 1.0, Next: 'E' }]), [{ ...shadowed, at: 'Variable' }]);
  });
  test('fields of the other query language', () => {
    expectBoth(sm({ A: task({ QueryLanguage: 'JSONata', Parameters: {}, Output: '{% $states.result %}' }), }), [
      { code: 'asl-wrong-query-language', severity: 'error', at: 'Parameters', awsCode: SCHEMA },
    ]);
    expectBoth(sm({ A: task({ Arguments: {} }) }), [{ code: 'asl-wrong-query-language', severity: 'error', at: 'Arguments', awsCode: SCHEMA }]);
    // JSONata: an object or an expression (AWS's language service), not a plain string or a list (x33).
    for (const Arguments of ['$states.input', 3]) expectBoth(sm({ A: task({ Arguments }) }, { QueryLanguage: 'JSONata' }), [{ code: 'asl-invalid-value', severity: 'error', at: typeof Arguments === 'string' ? Arguments : JSON.stringify(Arguments), awsCode: SCHEMA }]);
    for (const Arguments of ['{% $states.input %}', {}, '${Request}']) expectBoth(sm({ A: task({ Arguments }) }, { QueryLanguage: 'JSONata' }), []);
    // A SageMaker request's type is the SageMaker check's, behind a template's partition too (it was said twice there).
    for (const Resource of ['arn:aws:states:::sagemaker:createTrainingJob.sync', 'arn:${AWS::Partition}:states:::sagemaker:createTrainingJob.sync', 'arn:${AWS::Partition}:states:::aws-sdk:sagemaker:createModel']) {
      expectBoth(sm({ A: task({ Resource, Arguments: 3 }) }, { QueryLanguage: 'JSONata' }), []);
    }
  });
  test('every JSONPath-only field is an error in a JSONata state: the …Path forms the developer guide marks "(JSONPath only)" too', () => {
    const jsonata = { QueryLanguage: 'JSONata' };
    const wrong = (at: string) => ({ code: 'asl-wrong-query-language', severity: 'error', at, awsCode: SCHEMA });
    expectBoth(sm({ W: { Type: 'Wait', ...jsonata, SecondsPath: '$.s', End: true } }), [wrong('SecondsPath')]);
    expectBoth(sm({ W: { Type: 'Wait', ...jsonata, TimestampPath: '$.t', End: true } }), [wrong('TimestampPath')]);
    expectBoth(sm({ T: task({ ...jsonata, TimeoutSecondsPath: '$.t', HeartbeatSecondsPath: '$.h' }) }), [wrong('TimeoutSecondsPath'), wrong('HeartbeatSecondsPath')]);
    expectBoth(sm({ F: { Type: 'Fail', ...jsonata, ErrorPath: '$.e', CausePath: '$.c' } }), [wrong('ErrorPath'), wrong('CausePath')]);
    expectBoth(sm({ M: { Type: 'Map', ...jsonata, End: true, MaxConcurrencyPath: '$.c', ToleratedFailurePercentagePath: '$.p', ToleratedFailureCountPath: '$.n',
      ItemReader: { Resource: 'arn:aws:states:::s3:getObject', ReaderConfig: { InputType: 'JSON', MaxItemsPath: '$.m' }, Arguments: { Bucket: 'b', Key: 'k' } },
      ItemBatcher: { MaxItemsPerBatchPath: '$.i', MaxInputBytesPerBatchPath: '$.b' },
      ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, StartAt: 'S', States: { S: { Type: 'Succeed' } } } } }),
    [wrong('MaxConcurrencyPath'), wrong('ToleratedFailurePercentagePath'), wrong('ToleratedFailureCountPath'), wrong('MaxItemsPath'), wrong('MaxItemsPerBatchPath'), wrong('MaxInputBytesPerBatchPath')]);
    assert.deepEqual(messages(sm({ W: { Type: 'Wait', ...jsonata, SecondsPath: '$.s', End: true } })), [
      'SecondsPath is a JSONPath field; this state uses JSONata: use "Seconds": "{% $states.input.s %}" (SCHEMA_VALIDATION_FAILED)',
    ]);
    // A path JSONata has no one rewriting of: the advice.
    assert.deepEqual(messages(sm({ W: { Type: 'Wait', ...jsonata, SecondsPath: '$..s', End: true } })), [
      'SecondsPath is a JSONPath field; this state uses JSONata: use Seconds with a JSONata expression, e.g. "Seconds": "{% $states.input.… %}" (SCHEMA_VALIDATION_FAILED)',
    ]);
    // The same fields in a JSONPath state are fine, and the plain fields take JSONata in a JSONata state.
    expectBoth(sm({ W: { Type: 'Wait', SecondsPath: '$.s', Next: 'F' }, F: { Type: 'Fail', ErrorPath: '$.e', CausePath: '$.c' } }), []);
    expectBoth(sm({ W: { Type: 'Wait', ...jsonata, Seconds: '{% $states.input.s %}', Next: 'F' }, F: { Type: 'Fail', ...jsonata, Error: '{% $states.input.e %}' } }), []);
  });
  test('no JSONPath state in a machine whose top level is JSONata, at any depth', () => {
    const jsonPathState = { Type: 'Pass', QueryLanguage: 'JSONPath', End: true };
    expectBoth(sm({ A: jsonPathState }, { QueryLanguage: 'JSONata' }), [{ code: 'asl-invalid-value', severity: 'error', at: 'JSONPath', awsCode: SCHEMA }]);
    expectBoth(sm({ P: { Type: 'Parallel', End: true, Branches: [{ StartAt: 'B', States: { B: jsonPathState } }] } }, { QueryLanguage: 'JSONata' }),
      [{ code: 'asl-invalid-value', severity: 'error', at: 'JSONPath', awsCode: SCHEMA }]);
    // A JSONPath top level may have JSONata states, and JSONPath ones saying so.
    expectBoth(sm({ A: { Type: 'Pass', QueryLanguage: 'JSONata', Next: 'B' }, B: jsonPathState }), []);
    expectBoth(sm({ A: { Type: 'Pass', QueryLanguage: 'JSONata', End: true } }, { QueryLanguage: 'JSONata' }), []);
  });
  test('a QueryLanguage that is neither value: the value is the error, and its state is read as JSONata, as Step Functions reads it (floci-io/floci#2968)', () => {
    const args = { Type: 'Pass', Output: { a: '{% $states.input.a %}' }, End: true };
    for (const ql of ['jsonata', 'JSONATA'])
      expectBoth(sm({ A: { ...args, QueryLanguage: ql } }), [{ code: 'asl-invalid-value', severity: 'error', at: ql, awsCode: SCHEMA }]);
  });
  test('QueryLanguage is not a field of a Map ItemProcessor or Iterator: the states inside say their own (the Map state\'s does not reach them)', () => {
    for (const key of ['ItemProcessor', 'Iterator'])
      expectBoth(sm({ M: { Type: 'Map', QueryLanguage: 'JSONata', End: true, [key]: { QueryLanguage: 'JSONata', StartAt: 'S', States: { S: { Type: 'Succeed' } } } } }),
        [{ code: 'asl-unknown-field', severity: 'error', at: 'QueryLanguage', awsCode: SCHEMA }]);
    assert.deepEqual(messages(sm({ M: { Type: 'Map', End: true, ItemProcessor: { QueryLanguage: 'JSONata', StartAt: 'S', States: { S: { Type: 'Succeed' } } } } })), [
      'QueryLanguage is not a field of a Map ItemProcessor: set it on each state inside (they take the top level\'s, not the Map state\'s) (SCHEMA_VALIDATION_FAILED)',
    ]);
  });
  test('a broken path, underlined inside its string', () => {
    expectBoth(sm({ A: task({ InputPath: '$.a[' }) }), [{ code: 'invalid-path', severity: 'error', at: '[', awsCode: SCHEMA }]);
  });
});

describe('paths and expressions', () => {
  test('no variable (or $$) in ResultPath, in a state or a catcher; no .length() (a reference path names a node)', () => {
    expectBoth(sm({ T: task({ ResultPath: '$myVariable', Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$$.x', Next: 'T' }] }) }), [
      { code: 'asl-invalid-value', severity: 'error', at: '$myVariable', awsCode: SCHEMA },
      { code: 'asl-invalid-value', severity: 'error', at: '$$.x', awsCode: SCHEMA },
    ]);
    expectBoth(sm({ P: { Type: 'Pass', End: true, ResultPath: '$.items.length()', InputPath: '$.items.length()' } }), [
      { code: 'asl-invalid-value', severity: 'error', at: '$.items.length()', awsCode: SCHEMA },
    ]);
  });
  test('an intrinsic argument whose literal type is wrong, underlined inside the string', () => {
    expectBoth(sm({ P: { Type: 'Pass', End: true, Parameters: { 'n.$': "States.MathAdd('1', $.n)", 's.$': 'States.StringToJson(5)' } } }), [
      { code: 'invalid-intrinsic', severity: 'error', at: "'1'", awsCode: SCHEMA },
      { code: 'invalid-intrinsic', severity: 'error', at: '5', awsCode: SCHEMA },
    ]);
  });
  test('escapes in intrinsic strings: only \\\', \\{, \\} and \\\\', () => {
    const machine = sm({ P: { Type: 'Pass', End: true, Parameters: { 'a.$': "States.Format('x\\{\\}\\'\\\\ {}', $.a)", 'b.$': "States.Format('x\\n{}', $.a)" } } });
    const json = JSON.stringify(machine, null, 2);
    assert.deepEqual(findingsOf(json, 'json'), [{ code: 'invalid-intrinsic', severity: 'error', at: '\\\\n', awsCode: SCHEMA, line: 9 }]);
    const yaml = stringify(machine);
    assert.deepEqual(findingsOf(yaml, 'yaml'), [{ code: 'invalid-intrinsic', severity: 'error', at: '\\n', awsCode: SCHEMA, line: 8 }]);
  });
  test('a JSONata string that opens {% and never closes it, or the reverse', () => {
    expectBoth(sm({ T: task({ Arguments: { a: '{% $states.input.a', b: '$states.input.b %}', c: 'plain' } }) }, { QueryLanguage: 'JSONata' }), [
      { code: 'asl-invalid-jsonata', severity: 'error', at: '{% $states.input.a', awsCode: 'INVALID_JSONATA_EXPRESSION' },
      { code: 'asl-invalid-jsonata', severity: 'error', at: '$states.input.b %}', awsCode: 'INVALID_JSONATA_EXPRESSION' },
    ]);
  });
  test('a lone {% in a SageMaker payload too (its expressions are otherwise the SageMaker checks\' to judge)', () => {
    expectBoth(sm({ T: task({ Resource: 'arn:aws:states:::sagemaker:createTrainingJob.sync', Arguments: { TrainingJobName: '{% $states.input.name' } }) }, { QueryLanguage: 'JSONata' }), [
      { code: 'asl-invalid-jsonata', severity: 'error', at: '{% $states.input.name', awsCode: 'INVALID_JSONATA_EXPRESSION' },
    ]);
  });
  test('JSONata that does not parse, $eval, and States.* intrinsics inside {% %}', () => {
    expectBoth(sm({ T: task({ Arguments: { a: '{% $states.input.( %}', b: '{% $eval("1") %}', c: "{% States.Format('{}', 1) %}" } }) }, { QueryLanguage: 'JSONata' }), [
      { code: 'invalid-jsonata', severity: 'error', at: '%}', awsCode: 'INVALID_JSONATA_EXPRESSION' },
      { code: 'invalid-jsonata', severity: 'error', at: '$eval', awsCode: 'INVALID_JSONATA_EXPRESSION' },
      { code: 'invalid-jsonata', severity: 'error', at: 'States.Format(', awsCode: 'INVALID_JSONATA_EXPRESSION' },
    ]);
  });
});

describe('JSONata as Step Functions runs it (2.0.6): 2.1\'s ?? and ?: are errors', () => {
  const JSONATA = 'INVALID_JSONATA_EXPRESSION';
  test('in Arguments, Output, Assign, a Choice Condition, a catcher\'s Output, Map Items and a Wait\'s Seconds, underlined on the operator', () => {
    expectBoth(sm({
      T: task({ End: undefined, Next: 'C', Arguments: { a: '{% $states.input.a ?? 1 %}' }, Output: '{% $states.result ?: {} %}', Assign: { v: '{% $states.input.v ?? 0 %}' },
        Catch: [{ ErrorEquals: ['States.ALL'], Next: 'F', Output: '{% $states.errorOutput.Cause ?: "none" %}' }] }),
      C: { Type: 'Choice', Choices: [{ Condition: '{% ($states.input.n ?? 0) > 1 %}', Next: 'M' }], Default: 'F' },
      M: { Type: 'Map', Next: 'W', Items: '{% $states.input.rows ?? [] %}', ItemProcessor: { StartAt: 'S', States: { S: { Type: 'Succeed' } } } },
      W: { Type: 'Wait', Seconds: '{% $states.input.wait ?: 1 %}', End: true },
      F: { Type: 'Fail' },
    }, { QueryLanguage: 'JSONata' }), [
      { code: 'invalid-jsonata', severity: 'error', at: '??', awsCode: JSONATA },
      { code: 'invalid-jsonata', severity: 'error', at: '?:', awsCode: JSONATA },
      { code: 'invalid-jsonata', severity: 'error', at: '??', awsCode: JSONATA },
      { code: 'invalid-jsonata', severity: 'error', at: '?:', awsCode: JSONATA },
      { code: 'invalid-jsonata', severity: 'error', at: '??', awsCode: JSONATA },
      { code: 'invalid-jsonata', severity: 'error', at: '??', awsCode: JSONATA },
      { code: 'invalid-jsonata', severity: 'error', at: '?:', awsCode: JSONATA },
    ]);
  });
  test('the message names the version Step Functions uses and what to write instead', () => {
    assert.deepEqual(messages(sm({ P: { Type: 'Pass', End: true, Output: { a: '{% $states.input.a ?? 1 %}', b: '{% $states.input.b ?: 2 %}' } } }, { QueryLanguage: 'JSONata' })).sort().reverse(), [
      '?? is JSONata 2.1 syntax; Step Functions uses JSONata 2.0.6, which does not have it: write $exists(x) ? x : y (INVALID_JSONATA_EXPRESSION)',
      '?: is JSONata 2.1 syntax; Step Functions uses JSONata 2.0.6, which does not have it: write x ? x : y (INVALID_JSONATA_EXPRESSION)',
    ]);
  });
  test('2.0.6\'s own conditional, and ?? inside a string, are fine', () => {
    expectBoth(sm({ P: { Type: 'Pass', End: true, Output: { a: '{% $exists($states.input.a) ? $states.input.a : 1 %}', b: '{% "??" & "?:" %}' } } }, { QueryLanguage: 'JSONata' }), []);
  });
  test('in a SageMaker task\'s Arguments (checked with the request\'s shape), in JSON and YAML', () => {
    const m = sm({ Train: task({ Resource: 'arn:aws:states:::sagemaker:createTrainingJob.sync', Arguments: { ...VALID_TRAINING, TrainingJobName: '{% $states.input.name ?? "default-job" %}' } }) }, { QueryLanguage: 'JSONata' });
    for (const [languageId, text] of [['asl', JSON.stringify(m, null, 2)], ['asl-yaml', stringify(m)]]) {
      const found = service.validate(doc(text, languageId)).filter((p) => p.severity === 'error')
        .map((p) => ({ code: p.code, at: text.slice(p.offset, p.offset + p.length), line: text.slice(0, p.offset).split('\n').length, message: p.message }));
      const line = text.split('\n').findIndex((l) => l.includes('default-job')) + 1;
      assert.deepEqual(found, [{ code: 'invalid-jsonata', at: '??', line, message: '?? is JSONata 2.1 syntax; Step Functions uses JSONata 2.0.6, which does not have it: write $exists(x) ? x : y' }], `${languageId}:\n${text}`);
    }
  });
});

describe('variables', () => {
  test('a variable no state assigns is a warning on the variable, in JSONPath and JSONata', () => {
    expectBoth(sm({ A: { Type: 'Pass', Next: 'B', Assign: { known: 1 } }, B: { Type: 'Pass', Next: 'C', Parameters: { 'a.$': '$known', 'b.$': '$unknown.x', 'c.$': 'States.Format(\'{}\', $other)' } },
      C: { Type: 'Pass', End: true, QueryLanguage: 'JSONata', Output: '{% $known & $missing & ($l := 1; $l) & $string(1) %}' } }), [
      { code: 'asl-unknown-variable', severity: 'warning', at: '$unknown' },
      { code: 'asl-unknown-variable', severity: 'warning', at: '$other' },
      { code: 'asl-unknown-variable', severity: 'warning', at: '$missing' },
    ]);
  });
  test('a variable only states that run later assign, or only the same state (its values arrive with the next state), is a warning', () => {
    expectBoth(sm({
      A: { Type: 'Pass', Next: 'B', Assign: { self: 1 }, Parameters: { 'x.$': '$later', 'y.$': '$self' } },
      B: { Type: 'Pass', Next: 'L', Assign: { later: 1 }, Parameters: { 'z.$': '$self' } },
      // A loop: L's own value is there on its second run, but not on its first.
      L: { Type: 'Pass', Next: 'C', Assign: { looped: 1 }, Parameters: { 'w.$': '$looped' } },
      C: { Type: 'Choice', Choices: [{ Variable: '$.w', IsPresent: true, Next: 'L' }], Default: 'Z' },
      Z: { Type: 'Succeed' },
    }), [
      { code: 'asl-unknown-variable', severity: 'warning', at: '$later' },
      { code: 'asl-unknown-variable', severity: 'warning', at: '$self' },
      { code: 'asl-unknown-variable', severity: 'warning', at: '$looped' },
    ]);
    // A read that asks whether it has a value cannot fail for want of one (the review of the day: a retry counter).
    expectBoth(sm({
      Retry: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Arguments: { FunctionName: 'f' }, Assign: { tries: '{% $exists($tries) ? $tries + 1 : 1 %}' }, Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Pause' }], End: true },
      Pause: { Type: 'Wait', Seconds: 1, Next: 'Retry' },
    }, { QueryLanguage: 'JSONata' }), []);
    // Read by the state that assigns it: the message says so (df34: it said no path "from it" led here).
    assert.ok(messages(sm({ A: { Type: 'Pass', Assign: { x: 1, 'y.$': '$x' }, End: true } }))
      .includes('$x is assigned only by this state, and what it assigns is there from the next state on ("The new variable values will be available starting with the next state"): it has no value yet here'));
  });
  test('a variable a loop assigns only after the state that reads it: a warning, unless the state asks whether it has a value', () => {
    const loop = (condition: string) => sm({
      Check: { Type: 'Choice', Choices: [{ Condition: condition, Next: 'Done' }], Default: 'Set' },
      Set: { Type: 'Pass', Assign: { approved: true }, Next: 'Check' },
      Done: { Type: 'Succeed' },
    }, { QueryLanguage: 'JSONata' });
    expectBoth(loop('{% $approved %}'), [{ code: 'asl-unknown-variable', severity: 'warning', at: '$approved' }]);
    assert.deepEqual(messages(loop('{% $approved %}')), ['$approved is assigned only by "Set" of this machine, and a way from the machine\'s StartAt reaches here without passing it: a run that comes that way finds no value for it here, and the state fails']);
    expectBoth(loop('{% $exists($approved) and $approved %}'), []);
    // The variable as a condition: JSONata takes a value it does not have as false (clean24).
    expectBoth(loop('{% ($approved ? $approved : false) = true %}'), []);
    // Another variable's condition guards nothing: $approvedBy (assigned nowhere) and $approved are both flagged.
    expectBoth(loop('{% $approvedBy ? true : $approved %}'), [{ code: 'asl-unknown-variable', severity: 'warning', at: '$approvedBy' }, { code: 'asl-unknown-variable', severity: 'warning', at: '$approved' }]);
    // Assigned before the loop too: there on every pass.
    expectBoth(sm({ Init: { Type: 'Pass', Assign: { approved: false }, Next: 'Check' }, ...loop('{% $approved %}').States }, { QueryLanguage: 'JSONata', StartAt: 'Init' }), []);
  });
  test('a transition assigns what its path evaluates: a catcher\'s path skips its state\'s Assign, a Choice rule\'s adds the rule\'s', () => {
    // x33b: a variable the Task's own Assign sets, read on its catcher's path (the Assign is evaluated only when the
    // Task succeeds); one a Choice rule sets, read on the Default path; each is a warning there, not on the other path.
    const m = sm({
      Work: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: 'f' }, Assign: { done: true }, Catch: [{ ErrorEquals: ['States.ALL'], Assign: { failed: true }, Next: 'Handle' }], Next: 'Route' },
      Handle: { Type: 'Pass', Parameters: { 'a.$': '$failed', 'b.$': '$done' }, Next: 'Route' },
      Route: { Type: 'Choice', Choices: [{ Variable: '$.x', IsPresent: true, Assign: { picked: 'x' }, Next: 'UsePick' }], Default: 'NoPick' },
      UsePick: { Type: 'Pass', Parameters: { 'p.$': '$picked' }, End: true },
      NoPick: { Type: 'Pass', Parameters: { 'p.$': '$picked' }, End: true },
    });
    expectBoth(m, [{ code: 'asl-unknown-variable', severity: 'warning', at: '$done' }, { code: 'asl-unknown-variable', severity: 'warning', at: '$picked' }]);
    const found = messages(m);
    assert.ok(found.includes('$done is assigned only by "Work" of this machine, and no path from it leads here with it assigned (a catcher\'s path skips its state\'s Assign): it has no value yet when this state runs'), found.join('\n'));
    // The other way round, a Choice rule's on the Default path: the message says that path skips it (df45).
    assert.ok(found.includes('$picked is assigned only by "Route" of this machine, and no path from it leads here with it assigned (its other paths skip the Assign of a catcher or a Choice rule): it has no value yet when this state runs'), found.join('\n'));
    // Route is reached from Work's success with $done: read there it has a value, and through Handle it may not
    // (the first time): the warning says so only where no path assigns it (a may-analysis: one path is enough).
    expectBoth(sm({ ...m.States, Route: { Type: 'Choice', Choices: [{ Variable: '$.x', IsPresent: true, Assign: { picked: 'x' }, Next: 'UsePick' }], Assign: { picked: 'none' }, Default: 'NoPick' } }), [
      { code: 'asl-unknown-variable', severity: 'warning', at: '$done' },
    ]);
  });
  test('a Parallel\'s or Map\'s own Assign is evaluated after its branches or iterations: they read no value from it', () => {
    const branch = (name: string, read: string) => ({ StartAt: name, States: { [name]: { Type: 'Pass', End: true, Output: `{% ${read} %}` } } });
    expectBoth(sm({
      Fan: { Type: 'Parallel', Assign: { limit: 5 }, Branches: [branch('B1', '$limit')], Next: 'Each' },
      Each: { Type: 'Map', Items: '{% [1, 2] %}', Assign: { factor: 2 }, ItemProcessor: branch('I1', '$states.input * $factor'), Next: 'After' },
      // After both, each value is there; and a variable assigned before the Parallel is there inside it.
      After: { Type: 'Pass', Assign: { early: 1 }, Output: '{% $limit + $factor %}', Next: 'Again' },
      Again: { Type: 'Parallel', Branches: [branch('B2', '$early + $limit')], End: true },
    }, { QueryLanguage: 'JSONata' }), [
      { code: 'asl-unknown-variable', severity: 'warning', at: '$limit' },
      { code: 'asl-unknown-variable', severity: 'warning', at: '$factor' },
    ]);
    assert.ok(messages(sm({ Fan: { Type: 'Parallel', Assign: { limit: 5 }, Branches: [branch('B1', '$limit')], End: true } }, { QueryLanguage: 'JSONata' }))
      .includes('$limit is assigned only by the Parallel "Fan" itself, whose Assign is evaluated after its branches finish: it has no value in them'));
  });
  test('scopes: a branch reads the outer variables; the outside does not read a branch\'s; a Distributed Map reads none', () => {
    const inner = (name: string, read: string) => ({ StartAt: name, States: { [name]: { Type: 'Pass', End: true, Assign: { [`${name}Var`]: 1 }, Parameters: { 'x.$': read } } } });
    expectBoth(sm({
      A: { Type: 'Pass', Next: 'P', Assign: { outer: 1 } },
      P: { Type: 'Parallel', Next: 'M', Branches: [inner('B1', '$outer'), inner('B2', '$B1Var')] },
      M: { Type: 'Map', Next: 'Z', ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, ...inner('D', '$outer') } },
      Z: { Type: 'Pass', End: true, Parameters: { 'y.$': '$B2Var' } },
    }), [
      { code: 'asl-unknown-variable', severity: 'warning', at: '$B1Var' },
      { code: 'asl-unknown-variable', severity: 'warning', at: '$outer' },
      { code: 'asl-unknown-variable', severity: 'warning', at: '$B2Var' },
    ]);
  });
  test('$states.errorOutput only in a catcher; $states.result only in Output and Assign of a state with a result', () => {
    expectBoth(sm({ T: task({ Arguments: { a: '{% $states.result.x %}' }, Output: '{% $states.result.Payload %}', Assign: { e: '{% $states.errorOutput %}' },
      Catch: [{ ErrorEquals: ['States.ALL'], Next: 'F', Output: '{% $states.errorOutput %}', Assign: { r: '{% $states.result %}' } }], End: undefined, Next: 'F' }), F: { Type: 'Fail' } }, { QueryLanguage: 'JSONata' }), [
      { code: 'asl-unknown-variable', severity: 'error', at: '$states' },
      { code: 'asl-unknown-variable', severity: 'error', at: '$states' },
      { code: 'asl-unknown-variable', severity: 'error', at: '$states' },
    ]);
  });
  test('$states has input, result, errorOutput and context: another field is a warning that names the closest', () => {
    expectBoth(sm({ T: task({ Arguments: { a: '{% $states.inputs.a %}', b: '{% $states.contxt.Execution.Name %}', c: '{% $states.input.a %}' } }) }, { QueryLanguage: 'JSONata' }), [
      { code: 'asl-unknown-variable', severity: 'warning', at: '$states' },
      { code: 'asl-unknown-variable', severity: 'warning', at: '$states' },
    ]);
    const text = JSON.stringify(sm({ T: task({ Arguments: { b: '{% $states.contxt.Execution.Name %}' } }) }, { QueryLanguage: 'JSONata' }));
    assert.match(service.validate(doc(text)).find((p) => p.code === 'asl-unknown-variable')!.message, /^\$states has no field contxt \(it has input, result, errorOutput and context\): did you mean \$states\.context\?$/);
  });
  test('$states in a JSONPath state: JSONata\'s reserved variable, which nothing there can assign (a warning)', () => {
    expectBoth(sm({ T: task({ Parameters: { 'a.$': '$states.input.a', 'b.$': '$.a', 'c.$': '$$.Execution.Name' } }) }), [{ code: 'asl-unknown-variable', severity: 'warning', at: '$states' }]);
    const text = JSON.stringify(sm({ T: task({ Parameters: { 'a.$': '$states.input.a' } }) }));
    assert.match(service.validate(doc(text)).find((p) => p.code === 'asl-unknown-variable')!.message, /^\$states is the reserved variable of JSONata states .* read the state input as \$ or the context object as \$\$$/);
  });
});

// Rules of issue 15 that had no test in JSON and YAML with positions before the audit.
describe('the audit: each rule of the issue in JSON and YAML, with positions', () => {
  const DIST = { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, StartAt: 'S', States: { S: { Type: 'Succeed' } } };
  test('X next to X.$ in ResultSelector, ItemSelector, Arguments, a catcher\'s and a Choice rule\'s Assign, ItemReader Parameters', () => {
    expectBoth(sm({
      T: task({ End: undefined, Next: 'C', ResultSelector: { r: 1, 'r.$': '$.r' }, Catch: [{ ErrorEquals: ['States.ALL'], Next: 'C', Assign: { c: 1, 'c.$': '$.c' } }] }),
      C: { Type: 'Choice', Choices: [{ Variable: '$.a', IsPresent: true, Next: 'M', Assign: { k: 1, 'k.$': '$.k' } }], Default: 'M' },
      M: { Type: 'Map', End: true, ItemSelector: { i: 1, 'i.$': '$.i' },
        ItemReader: { Resource: 'arn:aws:states:::s3:getObject', ReaderConfig: { InputType: 'JSON' }, Parameters: { Bucket: 'b', 'Bucket.$': '$.b', Key: 'k' } }, ItemProcessor: DIST },
    }), [
      { code: 'asl-duplicate-payload-field', severity: 'error', at: 'r.$', awsCode: SCHEMA },
      { code: 'asl-duplicate-payload-field', severity: 'error', at: 'c.$', awsCode: SCHEMA },
      { code: 'asl-duplicate-payload-field', severity: 'error', at: 'k.$', awsCode: SCHEMA },
      { code: 'asl-duplicate-payload-field', severity: 'error', at: 'i.$', awsCode: SCHEMA },
      { code: 'asl-duplicate-payload-field', severity: 'error', at: 'Bucket.$', awsCode: SCHEMA },
    ]);
    expectBoth(sm({ T: task({ Arguments: { a: 1, 'a.$': 'x' } }) }, { QueryLanguage: 'JSONata' }), [{ code: 'asl-duplicate-payload-field', severity: 'error', at: 'a.$', awsCode: SCHEMA }]);
  });
  test('X next to X.$ in an ItemBatcher\'s BatchInput, at its top and nested (asl43 m05, m06)', () => {
    expectBoth(sm({
      M: { Type: 'Map', End: true, ItemBatcher: { MaxItemsPerBatch: 50, BatchInput: { runId: 'manual', 'runId.$': '$$.Execution.Name', meta: { source: 's3', 'source.$': '$.source' } } },
        ItemReader: { Resource: 'arn:aws:states:::s3:getObject', ReaderConfig: { InputType: 'JSON' }, Parameters: { Bucket: 'b', Key: 'k' } }, ItemProcessor: DIST },
    }), [
      { code: 'asl-duplicate-payload-field', severity: 'error', at: 'runId.$', awsCode: SCHEMA },
      { code: 'asl-duplicate-payload-field', severity: 'error', at: 'source.$', awsCode: SCHEMA },
    ]);
    // Either alone is fine.
    expectBoth(sm({
      M: { Type: 'Map', End: true, ItemBatcher: { MaxItemsPerBatch: 50, BatchInput: { runId: 'manual', 'source.$': '$.source' } },
        ItemReader: { Resource: 'arn:aws:states:::s3:getObject', ReaderConfig: { InputType: 'JSON' }, Parameters: { Bucket: 'b', Key: 'k' } }, ItemProcessor: DIST },
    }), []);
  });
  test('HeartbeatSeconds and the Path forms of both timeouts only on Task', () => {
    expectBoth(sm({ P: { Type: 'Pass', End: true, HeartbeatSeconds: 5, TimeoutSecondsPath: '$.t', HeartbeatSecondsPath: '$.h' } }), [
      { code: 'asl-unknown-field', severity: 'error', at: 'HeartbeatSeconds', awsCode: SCHEMA },
      { code: 'asl-unknown-field', severity: 'error', at: 'TimeoutSecondsPath', awsCode: SCHEMA },
      { code: 'asl-unknown-field', severity: 'error', at: 'HeartbeatSecondsPath', awsCode: SCHEMA },
    ]);
  });
  test('Succeed and Fail assign no variables; Succeed has no ResultPath, Fail no Output', () => {
    expectBoth(sm({ S: { Type: 'Succeed', Assign: { a: 1 }, ResultPath: '$.x' } }), [
      { code: 'asl-unknown-field', severity: 'error', at: 'Assign', awsCode: SCHEMA },
      { code: 'asl-unknown-field', severity: 'error', at: 'ResultPath', awsCode: SCHEMA },
    ]);
    expectBoth(sm({ F: { Type: 'Fail', Assign: { a: 1 }, Output: 'x' } }, { QueryLanguage: 'JSONata' }), [
      { code: 'asl-unknown-field', severity: 'error', at: 'Assign', awsCode: SCHEMA },
      { code: 'asl-unknown-field', severity: 'error', at: 'Output', awsCode: SCHEMA },
    ]);
  });
  test('exactly one Wait duration: none is an error on the state\'s name', () => {
    expectBoth(sm({ W: { Type: 'Wait', End: true } }), [{ code: 'asl-missing-field', severity: 'error', at: 'W', awsCode: SCHEMA }]);
    assert.deepEqual(messages(sm({ W: { Type: 'Wait', End: true } })), ['Wait state "W" needs one of Seconds, Timestamp, SecondsPath or TimestampPath (SCHEMA_VALIDATION_FAILED)']);
    assert.deepEqual(messages(sm({ W: { Type: 'Wait', End: true } }, { QueryLanguage: 'JSONata' })), ['Wait state "W" needs one of Seconds or Timestamp (a number or a {% %} expression; SecondsPath and TimestampPath are JSONPath fields) (SCHEMA_VALIDATION_FAILED)']);
    // A StartAt that is no string: one finding, not two (asl-spec23 b003); an empty Next suggests no state.
    assert.deepEqual(messages(sm({ A: { Type: 'Succeed' } }, { StartAt: 1 })), ['StartAt must be the name of a state (a string), not the number 1 (SCHEMA_VALIDATION_FAILED)']);
    assert.deepEqual(messages(sm({ A: { Type: 'Pass', Next: '' }, B: { Type: 'Succeed' } })).filter((m) => m.startsWith('Next')), ['Next is empty: it must be the name of a state, and a state name cannot be empty (MISSING_TRANSITION_TARGET)']);
  });
  test('numeric limits: timeouts and Seconds at most 99,999,999, HeartbeatSeconds and IntervalSeconds at least 1, MaxAttempts, MaxConcurrency, ToleratedFailureCount at least 0, BackoffRate at least 1', () => {
    expectBoth(sm({
      T: task({ End: undefined, Next: 'W', TimeoutSeconds: 100000000, HeartbeatSeconds: 0, Retry: [{ ErrorEquals: ['X'], IntervalSeconds: 0, MaxAttempts: -1, BackoffRate: 0.5 }] }),
      W: { Type: 'Wait', Seconds: 100000000, Next: 'M' },
      M: { Type: 'Map', End: true, MaxConcurrency: -1, ToleratedFailureCount: -2, ItemProcessor: DIST },
    }, { TimeoutSeconds: 100000001 }), [
      { code: 'asl-invalid-value', severity: 'error', at: '100000001', awsCode: SCHEMA },
      { code: 'asl-invalid-value', severity: 'error', at: '100000000', awsCode: SCHEMA },
      { code: 'asl-invalid-value', severity: 'error', at: '0', awsCode: SCHEMA },
      { code: 'asl-invalid-value', severity: 'error', at: '0', awsCode: SCHEMA },
      { code: 'asl-invalid-value', severity: 'error', at: '-1', awsCode: SCHEMA },
      { code: 'asl-invalid-value', severity: 'error', at: '0.5', awsCode: SCHEMA },
      { code: 'asl-invalid-value', severity: 'error', at: '100000000', awsCode: SCHEMA },
      { code: 'asl-invalid-value', severity: 'error', at: '-1', awsCode: SCHEMA },
      { code: 'asl-invalid-value', severity: 'error', at: '-2', awsCode: SCHEMA },
    ]);
  });
  test('reference paths where the service wants them (ResultPath, the …Path fields); OutputPath is a path and may filter', () => {
    expectBoth(sm({ T: task({ ResultPath: '$.a[*]', TimeoutSecondsPath: '$..t', OutputPath: '$.a[?(@.x)]' }) }), [
      { code: 'invalid-path', severity: 'error', at: '[*]', awsCode: SCHEMA },
      { code: 'invalid-path', severity: 'error', at: '..', awsCode: SCHEMA },
    ]);
  });
});

describe('variable names and scopes, as the specification states them', () => {
  test('an Assign name: at most 80 characters, a Unicode identifier, never the reserved states (state, catcher, Choice rule)', () => {
    const long = 'v'.repeat(81);
    expectBoth(sm({
      A: task({ End: undefined, Next: 'C', Assign: { states: 1, ünïcode_ok: 2, [long]: 3, ['v'.repeat(80)]: 4 }, Catch: [{ ErrorEquals: ['States.ALL'], Next: 'C', Assign: { 'a-b': 1 } }] }),
      C: { Type: 'Choice', Choices: [{ Variable: '$.x', IsPresent: true, Next: 'D', Assign: { _hidden: 1, '2nd': 2 } }], Default: 'D' },
      D: { Type: 'Pass', End: true, Assign: { 'ok.$': '$.x', 'bad name.$': '$.y' } },
    }), [
      { code: 'asl-invalid-variable-name', severity: 'error', at: 'states' },
      { code: 'asl-invalid-variable-name', severity: 'error', at: long },
      { code: 'asl-invalid-variable-name', severity: 'error', at: 'a-b' },
      { code: 'asl-invalid-variable-name', severity: 'error', at: '_hidden' },
      { code: 'asl-invalid-variable-name', severity: 'error', at: '2nd' },
      { code: 'asl-invalid-variable-name', severity: 'error', at: 'bad name.$' },
    ]);
    const text = JSON.stringify(sm({ P: { Type: 'Pass', End: true, Assign: { states: 1, 'a-b': 2, ['x'.repeat(81)]: 3 } } }), null, 2);
    assert.deepEqual(validateStructure(parseDocument(text, 'asl').root, text, undefined, 'json').map((p) => p.message), [
      'states is the reserved variable $states: a state cannot assign it',
      'Variable name "a-b" is not an identifier: it starts with a letter (Unicode ID_Start) and continues with letters, digits or _ (ID_Continue)',
      'Variable name of 81 characters: at most 80',
    ]);
  });
  test('a Parallel branch or an inline Map iteration must not assign a variable of an outer scope (a warning: Step Functions creates the machine); a Distributed Map can', () => {
    const inner = (name: string, assign: Record<string, unknown>) => ({ StartAt: name, States: { [name]: { Type: 'Pass', End: true, Assign: assign } } });
    expectBoth(sm({
      A: { Type: 'Pass', Next: 'P', Assign: { total: 0 } },
      P: { Type: 'Parallel', Next: 'M', Branches: [inner('B1', { total: 1, mine: 1 }), inner('B2', { mine: 2 })] },
      M: { Type: 'Map', Next: 'D', ItemProcessor: inner('I', { total: 2 }) },
      D: { Type: 'Map', End: true, ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, ...inner('X', { total: 3 }) } },
    }), [
      { code: 'asl-outer-variable-assigned', severity: 'warning', at: 'total' },
      { code: 'asl-outer-variable-assigned', severity: 'warning', at: 'total' },
    ]);
    assert.match(messages(sm({ A: { Type: 'Pass', Next: 'P', Assign: { total: 0 } }, P: { Type: 'Parallel', End: true, Branches: [inner('B1', { total: 1 })] } }))[0],
      /^\$total is assigned outside this Parallel branch \(at the top level\): an inner state must not assign a variable of an outer scope \(the state fails when it runs if \$total has a value by then\); use another name$/);
  });
  test('JSONata reading the input document ($, $$, a field name at the top level) is an error on what it reads (AWS refuses the definition: UNSUPPORTED_JSONATA_EXPRESSION); nested, $ is the context', () => {
    expectBoth(sm({ P: { Type: 'Pass', End: true, Output: { a: '{% $.total %}', b: '{% $$.Execution.Id %}', c: '{% total + 1 %}', d: '{% $states.input.items[$.price > 1] %}', e: '{% $states.input.items.(price * 2) %}', f: '{% $count($.items) %}' } } }, { QueryLanguage: 'JSONata' }), [
      { code: 'asl-jsonata-input-document', severity: 'error', at: '$' },
      { code: 'asl-jsonata-input-document', severity: 'error', at: '$$' },
      { code: 'asl-jsonata-input-document', severity: 'error', at: 'total' },
      { code: 'asl-jsonata-input-document', severity: 'error', at: '$' },
    ]);
    assert.deepEqual(messages(sm({ P: { Type: 'Pass', End: true, Output: '{% total %}' } }, { QueryLanguage: 'JSONata' })),
      ['total reads JSONata\'s input document, which Step Functions does not provide (it refuses the definition): read the state input as $states.input.total (or a variable)']);
    // In a JSONPath state these are plain strings.
    expectBoth(sm({ P: { Type: 'Pass', End: true, Result: '{% total %}' } }), []);
  });
  test('a key ending in .$ in a JSONata state is a warning on the key (nothing evaluates it: the key and its string go on as written); an Assign\'s own keys are variable names, a JSONPath state\'s keys paths', () => {
    expectBoth(sm({
      L: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Next: 'P', Arguments: { FunctionName: 'f', 'Payload.$': '$' }, Output: { 'model.$': '$.m', nested: [{ 'deep.$': 1 }] } },
      P: { Type: 'Pass', End: true, Assign: { v: { 'inner.$': '$.x' } }, Output: { '.$': 'key of its own' } },
    }, { QueryLanguage: 'JSONata' }), [
      { code: 'asl-jsonpath-key', severity: 'warning', at: 'Payload.$' },
      { code: 'asl-jsonpath-key', severity: 'warning', at: 'model.$' },
      { code: 'asl-jsonpath-key', severity: 'warning', at: 'deep.$' },
      { code: 'asl-jsonpath-key', severity: 'warning', at: 'inner.$' },
    ]);
    assert.deepEqual(messages(sm({ P: { Type: 'Pass', End: true, Output: { 'title.$': '$.title' } } }, { QueryLanguage: 'JSONata' })),
      ['In a JSONata state a key ending in .$ is not a path: the key "title.$" and the string "$.title" are passed on as written. Write "title": "{% $states.input.title %}"']);
    assert.deepEqual(messages(sm({ P: { Type: 'Pass', End: true, Output: { 'n.$': 'States.ArrayLength($.items)' } } }, { QueryLanguage: 'JSONata' })),
      ['In a JSONata state a key ending in .$ is not a path: the key "n.$" and the string "States.ArrayLength($.items)" are passed on as written. Write "n": "{% … %}" (the state input is $states.input)']);
    expectBoth(sm({ P: { Type: 'Pass', End: true, Parameters: { 'title.$': '$.title' } } }), []);
    // In a Task's Output the path meant the result; in a catcher's, the error output (ux40: advised as $states.input).
    const t = { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Arguments: { FunctionName: 'f' } };
    assert.deepEqual(messages(sm({ T: { ...t, End: true, Output: { 'arn.$': '$.TrainingJobArn' }, Catch: [{ ErrorEquals: ['States.ALL'], Next: 'F', Output: { 'why.$': '$.Cause' } }] }, F: { Type: 'Fail' } }, { QueryLanguage: 'JSONata' })), [
      'In a JSONata state a key ending in .$ is not a path: the key "arn.$" and the string "$.TrainingJobArn" are passed on as written. Write "arn": "{% $states.result.TrainingJobArn %}"',
      'In a JSONata state a key ending in .$ is not a path: the key "why.$" and the string "$.Cause" are passed on as written. Write "why": "{% $states.errorOutput.Cause %}"',
    ]);
  });
});

describe('resources and quotas', () => {
  test('a Resource no service accepts (INVALID_RESOURCE)', () => {
    expectBoth(sm({ A: task({ Resource: 'lambda:invoke', End: undefined, Next: 'B' }), B: task({ Resource: 'arn:aws:states:::lambda', End: undefined, Next: 'C' }), C: task({ Resource: '${lambdaArn' }) }), [
      { code: 'asl-invalid-resource', severity: 'error', at: 'lambda:invoke', awsCode: 'INVALID_RESOURCE' },
      { code: 'asl-invalid-resource', severity: 'error', at: 'arn:aws:states:::lambda', awsCode: 'INVALID_RESOURCE' },
      { code: 'asl-invalid-resource', severity: 'error', at: '${lambdaArn', awsCode: 'INVALID_RESOURCE' },
    ]);
    expectBoth(sm({ A: task({ Resource: '${LambdaArn}' }) }), []);
    // The developer guide: "the `Task` state's `Resource` field must be a constant string"; JSONata is not evaluated there.
    expectBoth(sm({ A: task({ Resource: '{% $states.input.fn %}', Parameters: undefined, Arguments: {} }) }, { QueryLanguage: 'JSONata' }), [
      { code: 'asl-invalid-resource', severity: 'error', at: '{% $states.input.fn %}', awsCode: 'INVALID_RESOURCE' },
    ]);
  });
  test('a Lambda ARN with an empty or invalid alias or version', () => {
    const fn = 'arn:aws:lambda:us-east-1:123456789012:function:f';
    expectBoth(sm({ A: task({ Resource: `${fn}:`, End: undefined, Next: 'B' }), B: task({ Resource: `${fn}:my.alias`, End: undefined, Next: 'C' }), C: task({ Resource: `${fn}:1`, End: undefined, Next: 'D' }), D: task({ Resource: `${fn}:$LATEST`, End: undefined, Next: 'E' }), E: task({ Resource: `${fn}:live` }) }), [
      { code: 'asl-invalid-resource', severity: 'error', at: `${fn}:`, awsCode: 'INVALID_RESOURCE' },
      { code: 'asl-invalid-resource', severity: 'error', at: `${fn}:my.alias`, awsCode: 'INVALID_RESOURCE' },
    ]);
  });
  test('a Task\'s Credentials: a role and nothing else', () => {
    expectBoth(sm({ A: task({ Credentials: {}, End: undefined, Next: 'B' }), B: task({ Credentials: { RoleArn: 'arn:aws:iam::123456789012:role/r', Extra: 1 }, End: undefined, Next: 'C' }), C: task({ Credentials: { 'RoleArn.$': '$.role' } }) }), [
      { code: 'asl-missing-field', severity: 'error', at: '{}', awsCode: SCHEMA },
      { code: 'asl-unknown-field', severity: 'error', at: 'Extra', awsCode: SCHEMA },
    ]);
    // RoleArn and RoleArn.$ at once, as X beside X.$ in a payload; RoleArn.$ in a JSONata state: one finding that says why.
    expectBoth(sm({ A: task({ Credentials: { RoleArn: 'arn:aws:iam::123456789012:role/r', 'RoleArn.$': '$.role' } }) }), [{ code: 'asl-duplicate-payload-field', severity: 'error', at: 'RoleArn.$', awsCode: SCHEMA }]);
    expectBoth(sm({ A: task({ Credentials: { 'RoleArn.$': '$.role' } }) }, { QueryLanguage: 'JSONata' }), [{ code: 'asl-wrong-query-language', severity: 'error', at: 'RoleArn.$', awsCode: SCHEMA }]);
    // The role is a string: an ARN, a path to one or an expression giving one (ASLS common.json; J2119 types its fields).
    expectBoth(sm({ A: task({ Credentials: { RoleArn: 123456789012 } }) }), [{ code: 'asl-invalid-value', severity: 'error', at: '123456789012', awsCode: SCHEMA }]);
    expectBoth(sm({ A: task({ Credentials: { RoleArn: '{% $states.input.role %}' } }) }, { QueryLanguage: 'JSONata' }), []);
  });
  test('Comment is a string wherever it is allowed: a retrier, a catcher, a Parallel\'s branch, a Map\'s processor (J2119)', () => {
    const branch = (name: string) => ({ StartAt: name, States: { [name]: { Type: 'Pass', End: true } } });
    expectBoth(
      sm({
        A: task({ Retry: [{ ErrorEquals: ['States.ALL'], Comment: 1 }], Catch: [{ ErrorEquals: ['States.ALL'], Next: 'B', Comment: true }], End: undefined, Next: 'B' }),
        B: { Type: 'Parallel', Branches: [{ ...branch('P'), Comment: 2 }], Next: 'C' },
        C: { Type: 'Map', ItemProcessor: { ...branch('Q'), Comment: 3 }, End: true },
      }),
      ['1', 'true', '2', '3'].map((at) => ({ code: 'asl-invalid-value', severity: 'error', at, awsCode: SCHEMA })),
    );
  });
  test('an Assign of literals over 262,144 bytes: a warning, as a Pass Result of that size (asl43); with an expression, not judged', () => {
    const big = 'x'.repeat(270_000);
    for (const language of ['json', 'yaml'] as const) {
      const machine = sm({ A: { Type: 'Pass', Assign: { blob: big }, Next: 'B' }, B: { Type: 'Pass', Assign: { small: 1, blob: '{% $states.input.blob %}' }, QueryLanguage: 'JSONata', End: true } });
      const text = language === 'json' ? JSON.stringify(machine) : stringify(machine);
      assert.deepEqual(findingsOf(text, language).filter((f) => f.code === 'asl-execution-limit').map((f) => [f.at, f.severity]), [['Assign', 'warning']]);
    }
  });
  test('a definition over 1,048,576 characters', () => {
    // ResultPath null: the Result is dropped, so only the definition's size is at stake (not the state output's).
    const big = sm({ A: { Type: 'Pass', End: true, ResultPath: null, Result: { blob: 'x'.repeat(1_048_576) } } });
    for (const language of ['json', 'yaml'] as const) {
      const text = language === 'json' ? JSON.stringify(big) : stringify(big);
      assert.deepEqual(findingsOf(text, language).map((f) => [f.code, f.at, f.awsCode]), [['asl-definition-too-large', 'StartAt', undefined]]);
    }
    // A YAML one is measured as the JSON it deploys as, counted without writing it (aliases can make that string
    // longer than a string may be): the count is JSON.stringify's, to the character.
    const yaml = `StartAt: A\nStates:\n  A:\n    Type: Pass\n    End: true\n    ResultPath: null\n    Result:\n      a: &big "${'x'.repeat(300_000)}é\\t\\"q"\n      b: [*big, *big, {c: *big, d: [1, 2.5, true, null, -0.0]}]\n`;
    const expected = JSON.stringify(toValue(parseYaml(yaml).root!)).length;
    const parsed = parseDocument(yaml, 'asl-yaml');
    const message = validateStructure(parsed.root, yaml, undefined, 'yaml').find((f) => f.code === 'asl-definition-too-large')?.message;
    assert.equal(message, `The definition has ${expected.toLocaleString('en-US')} characters as JSON; Step Functions accepts at most 1,048,576 (CreateStateMachine: "Maximum length of 1048576")`);
  });
});

// The Distributed Map rules an outside red-team found missing (each with its source in validateStructure.ts).
describe('a Distributed Map: processor, reader, batcher and writer', () => {
  const DIST = { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, StartAt: 'S', States: { S: { Type: 'Succeed' } } };
  const READ = { Resource: 'arn:aws:states:::s3:getObject', Parameters: { Bucket: 'b', Key: 'k' } };
  const map = (fields: Record<string, unknown>, ql?: string) => sm({ M: { Type: 'Map', End: true, ...(ql ? { QueryLanguage: ql } : {}), ItemProcessor: DIST, ...fields } });
  const err = (code: string, at: string) => ({ code, severity: 'error', at, awsCode: SCHEMA });
  test('Mode DISTRIBUTED needs an ExecutionType, on the ProcessorConfig key; INLINE does not', () => {
    const proc = (ProcessorConfig: unknown) => sm({ M: { Type: 'Map', End: true, ItemProcessor: { ...DIST, ProcessorConfig } } });
    expectBoth(proc({ Mode: 'DISTRIBUTED' }), [err('asl-missing-field', 'ProcessorConfig')]);
    assert.deepEqual(messages(proc({ Mode: 'DISTRIBUTED' })), ['ProcessorConfig with "Mode": "DISTRIBUTED" needs ExecutionType: "STANDARD" or "EXPRESS", the type of the child workflow executions (SCHEMA_VALIDATION_FAILED)']);
    expectBoth(proc({ Mode: 'DISTRIBUTED', ExecutionType: 'BATCH' }), [err('asl-invalid-value', 'BATCH')]);
    for (const ok of [{ Mode: 'INLINE' }, {}, { Mode: 'DISTRIBUTED', ExecutionType: 'EXPRESS' }, { Mode: '${Mode}' }]) expectBoth(proc(ok), []);
  });
  test('a Distributed Map\'s fields on a Map that runs inline are a warning on each key; a Mode it cannot read is left alone', () => {
    const warn = (at: string) => ({ code: 'asl-distributed-only-field', severity: 'warning', at });
    const inline = (ProcessorConfig: unknown, fields: Record<string, unknown>) => sm({ M: { Type: 'Map', End: true, ItemProcessor: { ...DIST, ProcessorConfig }, ...fields } });
    const fields = { ItemReader: READ, ToleratedFailurePercentage: 5, Label: 'Batch' };
    for (const config of [{ Mode: 'INLINE' }, {}, undefined]) expectBoth(inline(config, fields), [warn('ItemReader'), warn('ToleratedFailurePercentage'), warn('Label')]);
    assert.ok(messages(inline({ Mode: 'INLINE' }, { ItemReader: READ }))[0].startsWith('ItemReader is read by a Distributed Map only, and this Map runs inline (its ItemProcessor\'s ProcessorConfig has no "Mode": "DISTRIBUTED"): an inline Map iterates over a JSON array in its input'));
    const iterator = (ProcessorConfig?: unknown) => sm({ M: { Type: 'Map', End: true, Iterator: { ...(ProcessorConfig ? { ProcessorConfig } : {}), StartAt: 'S', States: { S: { Type: 'Succeed' } } }, ItemBatcher: { MaxItemsPerBatch: 2 } } });
    expectBoth(iterator(), [warn('ItemBatcher')]);
    assert.ok(messages(iterator())[0].endsWith('set "ProcessorConfig": { "Mode": "DISTRIBUTED", "ExecutionType": "STANDARD" } in Iterator'));
    // An Iterator with "Mode": "DISTRIBUTED" runs distributed: AWS stored such a machine, Label and all (localstack#10189).
    expectBoth(iterator({ Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }), []);
    for (const config of [{ Mode: '${Mode}' }, { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }]) expectBoth(inline(config, fields), []);
    expectBoth(inline({ Mode: 'Distributed' }, fields), [err('asl-invalid-value', 'Distributed')]);
  });
  test('an ItemReader needs a Resource: on the ItemReader key, or on the empty object', () => {
    expectBoth(map({ ItemReader: { Parameters: { Bucket: 'b' } } }), [err('asl-missing-field', 'ItemReader')]);
    expectBoth(map({ ItemReader: {} }), [err('asl-missing-field', '{}')]);
  });
  test('ReaderConfig.MaxItemsPath is a reference path in a JSONPath state; a placeholder is not judged', () => {
    const reader = (MaxItemsPath: unknown) => map({ ItemReader: { ...READ, ReaderConfig: { InputType: 'JSON', MaxItemsPath } } });
    expectBoth(reader('ten'), [{ code: 'invalid-path', severity: 'error', at: 'ten', awsCode: SCHEMA }]);
    expectBoth(reader(10), [err('asl-invalid-value', '10')]);
    for (const ok of ['$.max', '$max', '${MaxItemsPath}']) expectBoth(reader(ok), []);
    const batcher = (ItemBatcher: unknown) => map({ ItemBatcher });
    expectBoth(batcher({ MaxItemsPerBatchPath: 'n' }), [{ code: 'invalid-path', severity: 'error', at: 'n', awsCode: SCHEMA }]);
    expectBoth(batcher({ MaxInputBytesPerBatchPath: '$.b' }), []);
  });
  test("a Map's limit given by a path never reads the context object: AWS refuses it, 'Value is not a Reference Path' (floci-io/floci#3733, measured); ItemsPath may", () => {
    const ctx = '$$.Execution.Input.n';
    const cases: [unknown, string][] = [
      [map({ MaxConcurrencyPath: ctx }), 'MaxConcurrencyPath'],
      [map({ ToleratedFailureCountPath: ctx }), 'ToleratedFailureCountPath'],
      [map({ ToleratedFailurePercentagePath: ctx }), 'ToleratedFailurePercentagePath'],
      [map({ ItemReader: { ...READ, ReaderConfig: { InputType: 'JSON', MaxItemsPath: ctx } } }), 'ReaderConfig.MaxItemsPath'],
      [map({ ItemBatcher: { MaxItemsPerBatchPath: ctx } }), 'MaxItemsPerBatchPath'],
      [map({ ItemBatcher: { MaxInputBytesPerBatchPath: ctx } }), 'MaxInputBytesPerBatchPath'],
    ];
    for (const [doc, field] of cases) {
      expectBoth(doc as never, [err('asl-invalid-value', ctx)]);
      assert.match(messages(doc as never)[0], new RegExp(`^${field.replace('.', '\\.')} must be a reference path into the Map's input .* not the context object`));
    }
    expectBoth(map({ ItemsPath: '$$.Execution.Input.items' }), []);
  });
  test('the ItemReader and ResultWriter of a JSONata Map take Arguments, of a JSONPath Map Parameters', () => {
    const write = { Resource: 'arn:aws:states:::s3:putObject' };
    expectBoth(map({ ItemReader: READ, ResultWriter: { ...write, Parameters: { Bucket: 'b', Prefix: 'p' } } }, 'JSONata'),
      [err('asl-wrong-query-language', 'Parameters'), err('asl-wrong-query-language', 'Parameters')]);
    assert.ok(messages(map({ ItemReader: READ }, 'JSONata')).includes('Parameters is a JSONPath field; this state uses JSONata: the ItemReader takes Arguments (SCHEMA_VALIDATION_FAILED)'));
    const args = { Resource: READ.Resource, Arguments: READ.Parameters };
    expectBoth(map({ ItemReader: args, ResultWriter: { ...write, Arguments: { Bucket: 'b', Prefix: 'p' } } }),
      [err('asl-wrong-query-language', 'Arguments'), err('asl-wrong-query-language', 'Arguments')]);
    expectBoth(map({ ItemReader: args, ResultWriter: { ...write, Arguments: '{% $states.input.out %}' } }, 'JSONata'), []);
    // The Map's QueryLanguage is inherited from the machine.
    expectBoth(sm({ M: { Type: 'Map', End: true, ItemProcessor: DIST, ItemReader: READ } }, { QueryLanguage: 'JSONata' }), [err('asl-wrong-query-language', 'Parameters')]);
  });
  test('an ItemBatcher needs MaxItemsPerBatch(Path) or MaxInputBytesPerBatch(Path): BatchInput alone is not enough', () => {
    expectBoth(map({ ItemBatcher: {} }), [err('asl-missing-field', '{}')]);
    expectBoth(map({ ItemBatcher: { BatchInput: { job: 1 } } }), [err('asl-missing-field', 'ItemBatcher')]);
    assert.deepEqual(messages(map({ ItemBatcher: {} })), ['ItemBatcher needs at least one of MaxItemsPerBatch, MaxItemsPerBatchPath, MaxInputBytesPerBatch or MaxInputBytesPerBatchPath: the size of a batch (SCHEMA_VALIDATION_FAILED)']);
    for (const ok of [{ MaxItemsPerBatch: 10 }, { MaxItemsPerBatchPath: '$.n' }, { MaxInputBytesPerBatch: 1024, BatchInput: {} }, { MaxInputBytesPerBatchPath: '$.b' }]) expectBoth(map({ ItemBatcher: ok }), []);
    expectBoth(map({ ItemBatcher: { MaxItemsPerBatch: '{% $states.input.n %}' } }, 'JSONata'), []);
  });
  test('a ResultWriter is WriterConfig, Resource and Parameters, or all three; never empty', () => {
    const R = 'arn:aws:states:::s3:putObject', P = { Bucket: 'b', Prefix: 'p' }, W = { OutputType: 'JSON', Transformation: 'NONE' };
    expectBoth(map({ ResultWriter: {} }), [err('asl-missing-field', '{}')]);
    for (const bad of [{ Parameters: P }, { Resource: R }, { Resource: R, WriterConfig: W }, { Parameters: P, WriterConfig: W }])
      expectBoth(map({ ResultWriter: bad }), [err('asl-missing-field', 'ResultWriter')]);
    assert.deepEqual(messages(map({ ResultWriter: { Parameters: P } })), ['this ResultWriter has Parameters: give WriterConfig, or Resource and Parameters (the S3 bucket and prefix), or all three (SCHEMA_VALIDATION_FAILED)']);
    for (const ok of [{ WriterConfig: W }, { Resource: R, Parameters: P }, { Resource: R, Parameters: P, WriterConfig: W }]) expectBoth(map({ ResultWriter: ok }), []);
    expectBoth(map({ ResultWriter: { Resource: R, Arguments: P } }, 'JSONata'), []);
  });
  test("an ItemReader's Resource is S3 GetObject or ListObjectsV2, a ResultWriter's PutObject: another fails when the Map runs (a warning)", () => {
    const P = { Bucket: 'b', Prefix: 'p' };
    const warn = (at: string) => ({ code: 'asl-invalid-value', severity: 'warning', at });
    expectBoth(map({ ResultWriter: { Resource: 'arn:aws:states:::s3:getObject', Parameters: P } }), [warn('arn:aws:states:::s3:getObject')]);
    assert.deepEqual(messages(map({ ResultWriter: { Resource: 'arn:aws:states:::s3:getObject', Parameters: P } })), [
      `ResultWriter's Resource must be "arn:aws:states:::s3:putObject", not the string "arn:aws:states:::s3:getObject": the Map state fails when it writes the results (States.ResultWriterFailed)`,
    ]);
    expectBoth(map({ ItemReader: { Resource: 'arn:aws:states:::s3:putObject', Parameters: { Bucket: 'b', Key: 'k' } } }), [warn('arn:aws:states:::s3:putObject')]);
    // The states language: a URI, so a string (an error, as a Task's Resource).
    expectBoth(map({ ResultWriter: { Resource: 5, Parameters: P } }), [err('asl-invalid-value', '5')]);
    expectBoth(map({ ItemReader: { Resource: null, Parameters: { Bucket: 'b', Key: 'k' } } }), [err('asl-invalid-value', 'null')]);
    // Every partition's ARN names the same action; a placeholder names one only after substitution.
    for (const Resource of ['arn:aws-us-gov:states:::s3:putObject', '${WriteResults}']) expectBoth(map({ ResultWriter: { Resource, Parameters: P } }), []);
    for (const Resource of ['arn:aws-cn:states:::s3:listObjectsV2', '${ReadItems}']) expectBoth(map({ ItemReader: { Resource, Parameters: { Bucket: 'b' } } }), []);
  });
  test('WriterConfig: OutputType JSON or JSONL, Transformation NONE, COMPACT or FLATTEN; not evaluated, even in JSONata', () => {
    const writer = (WriterConfig: unknown, ql?: string) => map({ ResultWriter: { WriterConfig } }, ql);
    expectBoth(writer({ OutputType: 'CSV', Transformation: 'RAW' }), [err('asl-invalid-value', 'CSV'), err('asl-invalid-value', 'RAW')]);
    assert.deepEqual(messages(writer({ OutputType: 'CSV' })), ['WriterConfig.OutputType must be one of "JSON", "JSONL", not the string "CSV" (SCHEMA_VALIDATION_FAILED)']);
    for (const [OutputType, Transformation] of [['JSON', 'NONE'], ['JSONL', 'COMPACT'], ['JSON', 'FLATTEN'], ['${Out}', '${T}']]) expectBoth(writer({ OutputType, Transformation }), []);
    expectBoth(writer({ OutputType: '{% $states.input.o %}' }, 'JSONata'), [err('asl-invalid-value', '{% $states.input.o %}')]);
  });
  test('ReaderConfig: Transformation NONE or LOAD_AND_FLATTEN (with an InputType), ManifestType ATHENA_DATA (with CSV, JSONL or PARQUET) or S3_INVENTORY (without one)', () => {
    const list = { Resource: 'arn:aws:states:::s3:listObjectsV2', Parameters: { Bucket: 'b', Prefix: 'in/' } };
    const reader = (ReaderConfig: Record<string, unknown>, base: object = list) => map({ ItemReader: { ...base, ReaderConfig } });
    const warn = (code: string, at: string) => ({ code, severity: 'warning', at });
    expectBoth(reader({ Transformation: 'FLATTEN' }), [err('asl-invalid-value', 'FLATTEN')]);
    expectBoth(reader({ ManifestType: 'ATHENA' }, READ), [err('asl-invalid-value', 'ATHENA')]);
    expectBoth(reader({ ItemsPointer: 3 }, READ), [err('asl-invalid-value', '3')]);
    expectBoth(reader({ Transformation: 'LOAD_AND_FLATTEN' }), [warn('asl-missing-field', 'Transformation')]);
    expectBoth(reader({ ManifestType: 'S3_INVENTORY', InputType: 'CSV' }, READ), [warn('asl-exclusive-fields', 'InputType')]);
    // One finding each: an unknown InputType is the enumeration's error, and an inventory needs none for LOAD_AND_FLATTEN.
    expectBoth(reader({ ManifestType: 'S3_INVENTORY', InputType: 'XML' }, READ), [err('asl-invalid-value', 'XML')]);
    expectBoth(reader({ ManifestType: 'S3_INVENTORY', Transformation: 'LOAD_AND_FLATTEN' }, READ), []);
    expectBoth(reader({ ManifestType: 'ATHENA_DATA' }, READ), [warn('asl-missing-field', 'ManifestType')]);
    expectBoth(reader({ ManifestType: 'ATHENA_DATA', InputType: 'JSON' }, READ), [warn('asl-invalid-value', 'JSON')]);
    expectBoth(reader({ ManifestType: 'ATHENA_DATA', InputType: 'XML' }, READ), [err('asl-invalid-value', 'XML')]);
    // The guide: "The `VersionId` field is not supported for `InputType=Parquet`."
    const versioned = { ...READ, Parameters: { ...READ.Parameters, VersionId: 'v1' } };
    expectBoth(reader({ InputType: 'PARQUET' }, versioned), [warn('asl-invalid-value', 'VersionId')]);
    expectBoth(reader({ InputType: 'JSON' }, versioned), []);
    for (const ok of [{ Transformation: 'LOAD_AND_FLATTEN', InputType: 'JSONL' }, { Transformation: 'NONE' }, { Transformation: '${T}' }]) expectBoth(reader(ok), []);
    for (const ok of [{ ManifestType: 'ATHENA_DATA', InputType: 'PARQUET' }, { ManifestType: 'S3_INVENTORY' }, { ManifestType: 'ATHENA_DATA', InputType: '${Format}' }, { InputType: 'JSON', ItemsPointer: '/inventory/products' }])
      expectBoth(reader(ok, READ), []);
  });
  test('ReaderConfig for a CSV: CSVHeaderLocation, CSVDelimiter, CSVHeaders; GIVEN without CSVHeaders is a warning', () => {
    const csv = (config: Record<string, unknown>, ql?: string) => map({ ItemReader: { Resource: READ.Resource, [ql ? 'Arguments' : 'Parameters']: READ.Parameters, ReaderConfig: { InputType: 'CSV', ...config } } }, ql);
    expectBoth(csv({ CSVHeaderLocation: 'SECOND_ROW' }), [err('asl-invalid-value', 'SECOND_ROW')]);
    expectBoth(csv({ CSVDelimiter: ',' }), [err('asl-invalid-value', ',')]);
    expectBoth(csv({ CSVDelimiter: 'COLON' }), [err('asl-invalid-value', 'COLON')]);
    expectBoth(csv({ CSVHeaderLocation: 'GIVEN', CSVHeaders: 'a,b' }), [err('asl-invalid-value', 'a,b')]);
    expectBoth(csv({ CSVHeaderLocation: 'GIVEN', CSVHeaders: ['a', 2] }), [err('asl-invalid-value', '2')]);
    expectBoth(csv({ CSVHeaderLocation: 'GIVEN' }), [{ code: 'asl-missing-field', severity: 'warning', at: 'CSVHeaderLocation' }]);
    expectBoth(csv({ CSVHeaderLocation: 'GIVEN', CSVHeaders: [] }), [{ code: 'asl-invalid-value', severity: 'warning', at: '[]' }]);
    // A name given twice: the Map fails when it reads the items (AWS creates the machine).
    expectBoth(csv({ CSVHeaderLocation: 'GIVEN', CSVHeaders: ['H1', 'H1', 'H3'] }), [{ code: 'asl-invalid-value', severity: 'warning', at: 'H1' }]);
    for (const CSVDelimiter of ['COMMA', 'PIPE', 'SEMICOLON', 'SPACE', 'TAB', '${Delimiter}']) expectBoth(csv({ CSVHeaderLocation: 'GIVEN', CSVHeaders: ['a', 'b'], CSVDelimiter }), []);
    expectBoth(csv({ CSVHeaderLocation: 'FIRST_ROW' }), []);
    // Not evaluated in a JSONata state either: the states language lets only ReaderConfig's MaxItems be a JSONata string.
    expectBoth(csv({ CSVHeaderLocation: 'GIVEN', CSVHeaders: '{% $states.input.headers %}', CSVDelimiter: '{% $states.input.d %}' }, 'JSONata'), [err('asl-invalid-value', '{% $states.input.headers %}'), err('asl-invalid-value', '{% $states.input.d %}')]);
    expectBoth(csv({ MaxItems: '{% $states.input.max %}' }, 'JSONata'), []);
  });
  test('a member of ReaderConfig or WriterConfig that is none of its fields is an error, with the close one (asl43 m08, m09, m10)', () => {
    expectBoth(map({ ItemReader: { ...READ, ReaderConfig: { InputType: 'JSON', MaxItem: 100 } } }), [err('asl-unknown-field', 'MaxItem')]);
    assert.deepEqual(messages(map({ ItemReader: { ...READ, ReaderConfig: { InputType: 'JSON', MaxItem: 100 } } })), ['"MaxItem" is not a field of ReaderConfig; did you mean "MaxItems"? (SCHEMA_VALIDATION_FAILED)']);
    const csv = map({ ItemReader: { Resource: READ.Resource, Arguments: READ.Parameters, ReaderConfig: { InputType: 'CSV', CSVHeaderLocation: 'FIRST_ROW', SkipRows: 1 } } }, 'JSONata');
    expectBoth(csv, [err('asl-unknown-field', 'SkipRows')]);
    assert.match(messages(csv)[0], /^"SkipRows" is not a field of ReaderConfig; allowed: InputType, CSVHeaderLocation, .*ItemsPointer/);
    // Every object's unknown member is said one way: the field it likely meant, else the ones it may have.
    assert.deepEqual(messages(map({ ItemReader: { ...READ, Resorce: 'x' } })).filter((m) => m.includes('Resorce')), ['"Resorce" is not a field of ItemReader; did you mean "Resource"? (SCHEMA_VALIDATION_FAILED)']);
    assert.deepEqual(messages(map({ ItemReader: { ...READ, ReaderConfig: { InputType: 'JSON' } }, ItemBatcher: { MaxItemsPerBach: 2 } })).filter((m) => m.includes('Bach')), ['"MaxItemsPerBach" is not a field of ItemBatcher; did you mean "MaxItemsPerBatch"? (SCHEMA_VALIDATION_FAILED)']);
    const writer = (WriterConfig: Record<string, unknown>) => map({ ItemReader: READ, ResultWriter: { WriterConfig } });
    expectBoth(writer({ OutputType: 'JSONL', Transformation: 'COMPACT', Compression: 'GZIP' }), [err('asl-unknown-field', 'Compression')]);
    expectBoth(writer({ OutputTyp: 'JSONL' }), [err('asl-unknown-field', 'OutputTyp')]);
    // Every field of each, and MaxItemsPath in a JSONata state only as the other query language's field.
    expectBoth(map({ ItemReader: { ...READ, ReaderConfig: { InputType: 'CSV', CSVHeaderLocation: 'GIVEN', CSVHeaders: ['a'], CSVDelimiter: 'PIPE', MaxItemsPath: '$.m', Transformation: 'NONE' } } }), []);
    expectBoth(map({ ItemReader: { ...READ, ReaderConfig: { InputType: 'JSON', ItemsPointer: '/a', MaxItems: 1 } }, ResultWriter: { WriterConfig: { OutputType: 'JSON', Transformation: 'FLATTEN' } } }), []);
    expectBoth(map({ ItemReader: { Resource: READ.Resource, Arguments: READ.Parameters, ReaderConfig: { InputType: 'JSON', MaxItemsPath: '$.m' } } }, 'JSONata'), [err('asl-wrong-query-language', 'MaxItemsPath')]);
  });
});

describe('what an execution cannot do: warnings, the state fails when it runs', () => {
  const warn = (code: string, at: string) => ({ code, severity: 'warning', at });
  test('a {% %} string with a space or a line break around it is no JSONata expression (Step Functions passes it as written, though the guide says it is refused); a whole one, in a SageMaker payload too, is one', () => {
    const train = { Type: 'Task', Resource: 'arn:aws:states:::sagemaker:createTrainingJob', End: true, Arguments: { ...VALID_TRAINING, TrainingJobName: "{% 'job-' & $states.context.Execution.Name %}", HyperParameters: { a: ' {% $states.input.a %}' } } };
    expectBoth(sm({ P: { Type: 'Pass', Next: 'T', Output: { a: ' {% $states.input.a %} ', b: '{% $states.input.b %}' } }, T: train }, { QueryLanguage: 'JSONata' }), [
      warn('asl-invalid-jsonata', ' {% $states.input.a %} '),
      warn('asl-invalid-jsonata', ' {% $states.input.a %}'),
    ]);
  });
  const child = (ExecutionType: string, states: Record<string, unknown>) =>
    sm({ M: { Type: 'Map', End: true, ItemReader: { Resource: 'arn:aws:states:::s3:getObject', Parameters: { Bucket: 'b', Key: 'k' } }, ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType }, StartAt: Object.keys(states)[0], States: states } } });
  const SYNC = 'arn:aws:states:::sagemaker:createTrainingJob.sync';
  // A .waitForTaskToken task passes its token here, so that only the finding under test shows.
  const task = (Resource: string) => ({ Type: 'Task', Resource, End: true, ...(Resource.endsWith('.waitForTaskToken') ? { Parameters: Resource.includes(':lambda:invoke') ? { FunctionName: 'f', Payload: { 'token.$': '$$.Task.Token' } } : { 'token.$': '$$.Task.Token' } } : {}) });
  test('a .sync or .waitForTaskToken task in an Express child workflow (at any depth under the Distributed Map)', () => {
    expectBoth(child('EXPRESS', { T: task(SYNC) }), [warn('asl-execution-limit', SYNC)]);
    expectBoth(child('EXPRESS', { T: task('arn:aws:states:::lambda:invoke.waitForTaskToken') }), [warn('asl-execution-limit', 'arn:aws:states:::lambda:invoke.waitForTaskToken')]);
    expectBoth(child('EXPRESS', { P: { Type: 'Parallel', End: true, Branches: [{ StartAt: 'T', States: { T: task('arn:aws:states:::states:startExecution.sync:2') } }] } }), [warn('asl-execution-limit', 'arn:aws:states:::states:startExecution.sync:2')]);
    assert.match(messages(child('EXPRESS', { T: task(SYNC) }))[0], /^Map "M" runs its items as Express child workflows \("ExecutionType": "EXPRESS"\), which support only request-response integrations, not \.sync/);
    // A template placeholder in the ARN (a !Sub's ${AWS::Partition}) leaves the pattern written after it to read; one for the whole integration says nothing.
    expectBoth(child('EXPRESS', { T: task('arn:${AWS::Partition}:states:::sagemaker:createTrainingJob.sync') }), [warn('asl-execution-limit', 'arn:${AWS::Partition}:states:::sagemaker:createTrainingJob.sync')]);
    expectBoth(child('EXPRESS', { T: task('arn:aws:states:::${Integration}') }), []);
    // An activity does not run in an Express workflow either.
    expectBoth(child('EXPRESS', { T: task('arn:aws:states:us-east-1:123456789012:activity:a') }), [warn('asl-execution-limit', 'arn:aws:states:us-east-1:123456789012:activity:a')]);
    // Standard children and request-response tasks are fine; a plain definition says no workflow type, so its own top level is not judged.
    for (const ok of [child('STANDARD', { T: task(SYNC) }), child('EXPRESS', { T: task('arn:aws:states:::sagemaker:createTrainingJob') }), sm({ T: task(SYNC) }), sm({ T: task('arn:aws:states:us-east-1:123456789012:activity:a') })]) expectBoth(ok, []);
  });
  test('a Distributed Map in an Express child workflow or an Express machine ("Distributed mode is supported in Standard workflows but not supported in Express workflows"), on its Mode', () => {
    const inner = (Mode: string) => ({ Type: 'Map', End: true, ItemProcessor: { ProcessorConfig: Mode === 'DISTRIBUTED' ? { Mode, ExecutionType: 'STANDARD' } : { Mode }, StartAt: 'P', States: { P: { Type: 'Pass', End: true } } } });
    expectBoth(child('EXPRESS', { I: inner('DISTRIBUTED') }), [warn('asl-execution-limit', 'DISTRIBUTED')]);
    assert.match(messages(child('EXPRESS', { I: inner('DISTRIBUTED') }))[0], /^Map "M" runs its items as Express child workflows .*"Mode": "INLINE" or "ExecutionType": "STANDARD"$/);
    for (const ok of [child('EXPRESS', { I: inner('INLINE') }), child('STANDARD', { I: inner('DISTRIBUTED') })]) expectBoth(ok, []);
  });
  test('a .waitForTaskToken task whose request never passes its task token waits until it times out', () => {
    const wait = (extra: Record<string, unknown>, ql?: string) => sm({ T: { Type: 'Task', Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken', End: true, ...(ql ? { QueryLanguage: ql } : {}), ...extra } });
    expectBoth(wait({ Parameters: { QueueUrl: 'q', MessageBody: { 'input.$': '$' } } }), [warn('asl-execution-limit', 'arn:aws:states:::sqs:sendMessage.waitForTaskToken')]);
    expectBoth(wait({}), [warn('asl-execution-limit', 'arn:aws:states:::sqs:sendMessage.waitForTaskToken')]);
    expectBoth(sm({ T: { Type: 'Task', Resource: 'arn:${AWS::Partition}:states:::sqs:sendMessage.waitForTaskToken', Parameters: { QueueUrl: 'q', MessageBody: 'm' }, End: true } }), [warn('asl-execution-limit', 'arn:${AWS::Partition}:states:::sqs:sendMessage.waitForTaskToken')]);
    expectBoth(wait({ Arguments: { QueueUrl: 'q', MessageBody: '{% $states.input %}' } }, 'JSONata'), [warn('asl-execution-limit', 'arn:aws:states:::sqs:sendMessage.waitForTaskToken')]);
    // The token, the whole context object, or a template placeholder that may carry either.
    for (const ok of [
      wait({ Parameters: { QueueUrl: 'q', MessageBody: { 'token.$': '$$.Task.Token' } } }),
      wait({ Parameters: { QueueUrl: 'q', 'MessageBody.$': "States.JsonToString($$)" } }),
      wait({ Parameters: { QueueUrl: 'q', MessageBody: '${Body}' } }),
      wait({ Arguments: { QueueUrl: 'q', MessageBody: { token: '{% $states.context.Task.Token %}' } } }, 'JSONata'),
      wait({ Arguments: '{% {"QueueUrl": "q", "MessageBody": $string($states.context)} %}' }, 'JSONata'),
      // The context's Task (which holds the token), or a bracket step into the context: it may pass it.
      wait({ Parameters: { QueueUrl: 'q', MessageBody: { 'task.$': '$$.Task' } } }),
      wait({ Parameters: { QueueUrl: 'q', MessageBody: { 'task.$': "$$['Task']['Token']" } } }),
      wait({ Arguments: { QueueUrl: 'q', MessageBody: { task: '{% $states.context.Task %}' } } }, 'JSONata'),
    ]) expectBoth(ok, []);
  });
  test('a Distributed Map reading MaxItems 0: written, every item (no finding); as the value a JSONata expression always gives, a warning (a computed MaxItems must be positive)', () => {
    const reader = (MaxItems: unknown) => sm({ M: { Type: 'Map', QueryLanguage: 'JSONata', ItemReader: { Resource: 'arn:aws:states:::s3:listObjectsV2', Arguments: { Bucket: 'b' }, ReaderConfig: { MaxItems } }, ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }, End: true } });
    expectBoth(reader(0), []);
    expectBoth(reader('{% 0 %}'), [warn('asl-invalid-value', '{% 0 %}')]);
    expectBoth(reader('{% 2 - 1 %}'), []);
    expectBoth(reader('{% $states.input.n %}'), []);
  });
  test('a JSONata expression as an ItemReader\'s or ResultWriter\'s Resource: a warning, as for another action (asl36 round)', () => {
    const map = (reader: string, writer: string) => sm({ M: { Type: 'Map', QueryLanguage: 'JSONata', ItemReader: { Resource: reader, Arguments: { Bucket: 'b', Key: 'k' } }, ResultWriter: { Resource: writer, Arguments: { Bucket: 'b', Prefix: 'p' } }, ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }, End: true } });
    expectBoth(map("{% 'arn:aws:states:::s3:getObject' %}", '{% $states.input.writer %}'), [warn('asl-invalid-value', "{% 'arn:aws:states:::s3:getObject' %}"), warn('asl-invalid-value', '{% $states.input.writer %}')]);
    assert.match(messages(map('{% 1 %}', 'arn:aws:states:::s3:putObject')).join('\n'), /not a JSONata expression \(a Resource is a constant string: write the ARN\)/);
    expectBoth(map('arn:aws:states:::s3:getObject', 'arn:aws:states:::s3:putObject'), []);
  });
  test('a lambda:invoke whose request names no FunctionName: a warning on Parameters/Arguments (asl-round13 w18)', () => {
    const lambda = (extra: Record<string, unknown>, ql?: string) => sm({ T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', End: true, ...(ql ? { QueryLanguage: ql } : {}), ...extra } });
    expectBoth(lambda({ Parameters: { 'Payload.$': '$' } }), [warn('asl-missing-field', 'Parameters')]);
    expectBoth(lambda({ Arguments: { Payload: '{% $states.input %}' } }, 'JSONata'), [warn('asl-missing-field', 'Arguments')]);
    for (const ok of [
      lambda({ Parameters: { FunctionName: 'f', 'Payload.$': '$' } }),
      lambda({ Parameters: { 'FunctionName.$': '$.fn' } }),
      lambda({ Arguments: { FunctionName: '{% $states.input.fn %}' } }, 'JSONata'),
      lambda({ Arguments: '{% $states.input %}' }, 'JSONata'),
      lambda({}),
    ]) expectBoth(ok, []);
  });
  test('a lambda:invoke member Lambda\'s Invoke does not have: a warning on its key, the task token shown inside Payload (asl36 round)', () => {
    const lambda = (extra: Record<string, unknown>, ql?: string) => sm({ T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken', End: true, ...(ql ? { QueryLanguage: ql } : {}), ...extra } });
    expectBoth(lambda({ Parameters: { FunctionName: 'f', 'Payload.$': '$', 'TaskToken.$': '$$.Task.Token', Input: 1 } }), [warn('asl-unknown-field', 'TaskToken.$'), warn('asl-unknown-field', 'Input')]);
    assert.match(messages(lambda({ Parameters: { FunctionName: 'f', 'TaskToken.$': '$$.Task.Token' } }))[0], /a task token goes inside Payload \("Payload": \{ "TaskToken\.\$": "\$\$\.Task\.Token" \}\)$/);
    expectBoth(lambda({ Arguments: { FunctionName: 'f', TaskToken: '{% $states.context.Task.Token %}' } }, 'JSONata'), [warn('asl-unknown-field', 'TaskToken')]);
    const every = { FunctionName: 'f', ClientContext: 'e30=', InvocationType: 'Event', LogType: 'Tail', Qualifier: 'prod', TenantId: 't1', Payload: { 'TaskToken.$': '$$.Task.Token' } };
    expectBoth(lambda({ Parameters: every }), []);
    expectBoth(lambda({ Parameters: { FunctionName: 'f', '${Extra}': 1 } }), []);
  });
  test('an apigateway:invoke request as the developer guide gives it: ApiEndpoint and Method, a Method and AuthType of its lists, a body for PATCH, POST and PUT only, headers it permits, each a list (warnings; asl32 round)', () => {
    const api = (Parameters: unknown) => sm({ T: { Type: 'Task', Resource: 'arn:aws:states:::apigateway:invoke', End: true, Parameters } });
    const good = { ApiEndpoint: 'abc123.execute-api.us-east-1.amazonaws.com', Method: 'POST', Stage: 'prod', Path: 'bills', Headers: { key: ['v1', 'v2'] }, RequestBody: { a: 1 }, AuthType: 'IAM_ROLE' };
    expectBoth(api(good), []);
    expectBoth(api({ Stage: 'prod' }), [warn('asl-missing-field', 'Parameters')]);
    expectBoth(api({ ...good, Method: 'post', AuthType: 'IAM' }), [warn('asl-invalid-value', 'post'), warn('asl-invalid-value', 'IAM')]);
    expectBoth(api({ ...good, Method: 'GET' }), [warn('asl-invalid-value', 'RequestBody')]);
    expectBoth(api({ ...good, Headers: { custom: 'one', Host: ['h'], 'x-amz-date': ['d'], 'ok.$': '$.h', 'authorization.$': '$.a' } }), [
      warn('asl-invalid-value', 'one'), warn('asl-invalid-value', 'Host'), warn('asl-invalid-value', 'x-amz-date'), warn('asl-invalid-value', 'authorization.$'),
    ]);
    const { RequestBody: _, ...noBody } = good;
    expectBoth(api({ ...noBody, Method: 'GET', 'RequestBody.$': '$.b' }), [warn('asl-invalid-value', 'RequestBody.$')]);
    // What an expression or a placeholder gives is not judged.
    expectBoth(api({ 'ApiEndpoint.$': '$.e', 'Method.$': '$.m', 'Headers.$': '$.h', RequestBody: 'x' }), []);
    expectBoth(api({ ApiEndpoint: '${Api}', Method: '${Method}', Headers: { a: '${Header}' }, RequestBody: 'x' }), []);
  });
  test('an optimized integration\'s request holds what its API requires (SQS QueueUrl and MessageBody, DynamoDB TableName and Key, Batch\'s three…): a warning, as the task fails when it runs (asl45 round)', () => {
    const task = (Resource: string, Parameters: unknown, QueryLanguage?: string) => sm({ T: { Type: 'Task', Resource, End: true, ...(QueryLanguage ? { QueryLanguage, Arguments: Parameters } : { Parameters }) } });
    expectBoth(task('arn:aws:states:::sqs:sendMessage', { QueueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/q', MessageBody: 'hi' }), []);
    expectBoth(task('arn:aws:states:::sqs:sendMessage.waitForTaskToken', { 'QueueUrl.$': '$.q', MessageBody: { 'Token.$': '$$.Task.Token' } }), []);
    expectBoth(task('arn:aws:states:::sqs:sendMessage', { MessageBody: 'hi' }), [warn('asl-missing-field', 'Parameters')]);
    assert.deepEqual(messages(task('arn:aws:states:::batch:submitJob.sync', { JobName: 'j' })), ['batch:submitJob needs JobQueue and JobDefinition in its Parameters (Batch\'s SubmitJob requires them): the task fails when it runs']);
    expectBoth(task('arn:aws:states:::dynamodb:getItem', { TableName: 't', Key: '{% $states.input.key %}' }, 'JSONata'), []);
    expectBoth(task('arn:aws:states:::dynamodb:getItem', { TableName: 't' }, 'JSONata'), [warn('asl-missing-field', 'Arguments')]);
    // In any partition, a template's ${AWS::Partition} too; a key a template fills in may be the one missing (the review of the day).
    expectBoth(task('arn:${AWS::Partition}:states:::sqs:sendMessage', { MessageBody: 'hi' }), [warn('asl-missing-field', 'Parameters')]);
    expectBoth(task('arn:aws:states:::sqs:sendMessage', { '${UrlKey}': 'u', MessageBody: 'hi' }), []);
    // The SDK integration's names are its own (aws-sdk:sqs:sendMessage): not judged here.
    expectBoth(task('arn:aws:states:::aws-sdk:sqs:sendMessage', { MessageBody: 'hi' }), []);
  });
  test('an HTTP Task (http:invoke) as the developer guide gives it: ApiEndpoint, Method of its list, a connection, the headers it permits, its encodings (warnings; asl37 round)', () => {
    const http = (Parameters: unknown) => sm({ T: { Type: 'Task', Resource: 'arn:aws:states:::http:invoke', End: true, Parameters } });
    const connection = { ConnectionArn: 'arn:aws:events:us-east-1:123456789012:connection/Api/81210c42-8af1-456b-9c4a-6ff02fc664ac' };
    const good = { ApiEndpoint: 'https://api.example.com/v1', Method: 'POST', InvocationConfig: connection, Headers: { 'content-type': 'application/json', 'Accept-Language': 'en' }, Transform: { RequestBodyEncoding: 'URL_ENCODED', RequestEncodingOptions: { ArrayFormat: 'BRACKETS' } }, RequestBody: { a: 1 } };
    expectBoth(http(good), []);
    expectBoth(http({ ...good, InvocationConfig: undefined, Authentication: connection }), []);
    expectBoth(http({ ApiEndpoint: 'https://api.example.com', InvocationConfig: connection }), [warn('asl-missing-field', 'Parameters')]);
    expectBoth(http({ ApiEndpoint: 'https://api.example.com', Method: 'GET' }), [warn('asl-missing-field', 'Parameters')]);
    expectBoth(http({ ApiEndpoint: 'https://api.example.com', Method: 'GET', Authentication: {} }), [warn('asl-missing-field', 'Parameters')]);
    expectBoth(http({ ...good, Method: 'FETCH', Transform: { RequestBodyEncoding: 'FORM', RequestEncodingOptions: { ArrayFormat: 'SEMICOLONS' } } }), [warn('asl-invalid-value', 'FETCH'), warn('asl-invalid-value', 'FORM'), warn('asl-invalid-value', 'SEMICOLONS')]);
    expectBoth(http({ ...good, Headers: { Authorization: 'Bearer x', 'cache-control': 'no-cache', 'x-amz-meta-owner': 'me', 'X-Amzn-Trace-Id': 't', 'X-Forwarded-For': 'ip', 'Accept-Encoding': 'gzip', 'x-amzing': 'ok' } }), [
      warn('asl-invalid-value', 'Authorization'), warn('asl-invalid-value', 'cache-control'), warn('asl-invalid-value', 'x-amz-meta-owner'), warn('asl-invalid-value', 'X-Amzn-Trace-Id'), warn('asl-invalid-value', 'X-Forwarded-For'), warn('asl-invalid-value', 'Accept-Encoding'),
    ]);
    // What an expression or a placeholder gives is not judged; a connection computed as a whole is one.
    expectBoth(http({ 'ApiEndpoint.$': '$.e', 'Method.$': '$.m', 'InvocationConfig.$': '$.c', 'Headers.$': '$.h' }), []);
    expectBoth(http({ ApiEndpoint: '${Api}', Method: '${Method}', Authentication: { ConnectionArn: '${Connection}' } }), []);
  });
  test('an optimized integration Step Functions does not have (service, action or pattern): refused at creation, "The resource provided … is not recognized" (LocalStack, AWS-recorded)', () => {
    const unknown = (resource: string) => ({ code: 'asl-unknown-integration', severity: 'error', awsCode: SCHEMA, at: resource });
    for (const bad of [
      'arn:aws:states:::dynamodb:query',
      'arn:aws:states:::lambda:listFunctions',
      'arn:aws:states:::lamda:invoke',
      'arn:aws:states:::lambda:invoke.sync',
      'arn:aws:states:::dynamodb:putItem.waitForTaskToken',
      'arn:aws:states:::states:startExecution.sync:3',
      'arn:aws-us-gov:states:::sns:publishBatch',
    ]) expectBoth(sm({ T: task(bad) }), [unknown(bad)]);
    for (const ok of [
      'arn:aws:states:::lambda:invoke',
      'arn:aws:states:::lambda:invoke.waitForTaskToken',
      'arn:aws:states:::dynamodb:putItem',
      'arn:aws:states:::states:startExecution.sync:2',
      'arn:aws:states:::states:startExecution.sync',
      'arn:aws-cn:states:::sns:publish',
      // A placeholder where the service, action or pattern is: nothing known yet; in the partition: judged.
      'arn:aws:states:::lambda:${Action}',
      'arn:aws:states:::${Service}:invoke',
      'arn:aws:states:us-east-1:111122223333:activity:review',
    ]) expectBoth(sm({ T: task(ok) }), []);
    expectBoth(sm({ T: task('arn:${AWS::Partition}:states:::dynamodb:getitem') }), [unknown('arn:${AWS::Partition}:states:::dynamodb:getitem')]);
    // The message names what is integrated, the one close name, and the AWS SDK integration for the rest.
    const [typo] = messages(sm({ T: task('arn:aws:states:::dynamodb:putitem') }));
    assert.match(typo, /dynamodb:putitem is not an optimized integration \(did you mean dynamodb:putItem\?\)/);
    assert.match(typo, /call another dynamodb API through the AWS SDK integration/);
    assert.match(messages(sm({ T: task('arn:aws:states:::lambda:invoke.sync') }))[0], /lambda:invoke does not support \.sync; Step Functions integrates it as request-response and \.waitForTaskToken/);
  });
  test('the AWS SDK integrations have no .sync, nor any suffix but .waitForTaskToken: refused at creation (aws/aws-cdk#19174)', () => {
    expectBoth(sm({ T: task('arn:aws:states:::aws-sdk:sagemaker:createTrainingJob.sync') }), [{ code: 'asl-invalid-resource', severity: 'error', awsCode: 'INVALID_RESOURCE', at: 'arn:aws:states:::aws-sdk:sagemaker:createTrainingJob.sync' }]);
    expectBoth(sm({ T: task('arn:aws:states:::aws-sdk:codebuild:startBuild.sync:2') }), [{ code: 'asl-invalid-resource', severity: 'error', awsCode: 'INVALID_RESOURCE', at: 'arn:aws:states:::aws-sdk:codebuild:startBuild.sync:2' }]);
    expectBoth(sm({ T: task('arn:aws:states:::aws-sdk:sagemaker:startPipelineExecution.waitForTaskTokens') }), [{ code: 'asl-invalid-resource', severity: 'error', awsCode: 'INVALID_RESOURCE', at: 'arn:aws:states:::aws-sdk:sagemaker:startPipelineExecution.waitForTaskTokens' }]);
    expectBoth(sm({ T: task('arn:aws:states:::aws-sdk:sagemaker:createTrainingJob.waitForTaskToken') }), []);
  });
  test('a Wait longer than any execution lasts (a year), or than an Express child workflow (five minutes)', () => {
    const wait = (Seconds: number) => ({ W: { Type: 'Wait', Seconds, End: true } });
    expectBoth(sm(wait(40_000_000)), [warn('asl-execution-limit', '40000000')]);
    expectBoth(sm(wait(31_622_400)), []);
    expectBoth(child('EXPRESS', wait(600)), [warn('asl-execution-limit', '600')]);
    expectBoth(child('EXPRESS', wait(300)), []);
    expectBoth(child('STANDARD', wait(600)), []);
  });
  test('a Pass state\'s Result (a JSONata Output literal) over the 256 KiB a state may output, on its key; not when ResultPath is null or OutputPath picks a part', () => {
    const big = { rows: 'x'.repeat(262_144) };
    expectBoth(sm({ P: { Type: 'Pass', Result: big, End: true } }), [warn('asl-execution-limit', 'Result')]);
    expectBoth(sm({ P: { Type: 'Pass', Result: big, ResultPath: null, End: true } }), []);
    expectBoth(sm({ P: { Type: 'Pass', Result: big, OutputPath: '$.small', End: true } }), []);
    expectBoth(sm({ P: { Type: 'Pass', Result: { rows: 'x'.repeat(262_100) }, End: true } }), []);
    // A JSONata state's Output written as a literal is its output; with an expression in it, it is something else.
    expectBoth(sm({ P: { Type: 'Pass', Output: big, End: true } }, { QueryLanguage: 'JSONata' }), [warn('asl-execution-limit', 'Output')]);
    expectBoth(sm({ P: { Type: 'Pass', Output: { ...big, n: '{% $states.input.n %}' }, End: true } }, { QueryLanguage: 'JSONata' }), []);
    // In a JSONata Pass with an Output, the Output is the output, not the Result (a JSONPath-only field there).
    expectBoth(sm({ P: { Type: 'Pass', Result: big, Output: '{% $states.input.small %}', End: true } }, { QueryLanguage: 'JSONata' }),
      [{ code: 'asl-wrong-query-language', severity: 'error', at: 'Result', awsCode: SCHEMA }]);
    // Bytes, not characters: two-byte characters count twice.
    expectBoth(sm({ P: { Type: 'Pass', Result: { rows: 'é'.repeat(140_000) }, End: true } }), [warn('asl-execution-limit', 'Result')]);
  });
  test('YAML aliases that make a few kB into megabytes: the definition and the Result are judged by what they expand to', () => {
    const yaml = `StartAt: A\nStates:\n  A:\n    Type: Pass\n    Comment: &b "${'a'.repeat(2000)}"\n    Result: [${Array(1000).fill('*b').join(', ')}]\n    End: true\n`;
    assert.ok(yaml.length < 10_000);
    const found = service.validate(doc(yaml, 'asl-yaml')).map((p) => [p.code, p.severity]);
    assert.deepEqual(found, [['asl-definition-too-large', 'error'], ['asl-execution-limit', 'warning']]);
  });
});

test('README\'s rules table names every structure code', () => {
  const readme = readFileSync(join(__dirname, '..', '..', '..', 'README.md'), 'utf8');
  const table = readme.slice(readme.indexOf('| rule | our code | service code |'), readme.indexOf('Template placeholders (`${…}`)'));
  for (const code of Object.values(AslCode)) assert.ok(table.includes(`\`${code}\``), `${code} is in README's rules table`);
});

test("an integration's ARN is read in one place: partition (AWS's or a template's), service, the SDK's service, action, suffix", () => {
  assert.deepEqual(parseIntegrationArn('arn:aws:states:::sagemaker:createTrainingJob.sync'), { partition: 'aws', service: 'sagemaker', action: 'createTrainingJob', suffix: '.sync' });
  assert.deepEqual(parseIntegrationArn('arn:${AWS::Partition}:states:::aws-sdk:sagemaker:createModel.waitForTaskToken'), { partition: '${AWS::Partition}', service: 'aws-sdk', sdkService: 'sagemaker', action: 'createModel', suffix: '.waitForTaskToken' });
  assert.deepEqual(parseIntegrationArn('arn:aws-us-gov:states:::states:startExecution.sync:2'), { partition: 'aws-us-gov', service: 'states', action: 'startExecution', suffix: '.sync:2' });
  for (const no of [undefined, 'lambda:invoke', 'arn:aws:states:us-east-1::lambda:invoke', 'arn:aws:lambda:us-east-1:123456789012:function:f', 'arn:aws:states:::lambda', 'arn:aws:states:::lambda:', 'arn:x:states:::lambda:invoke', 'arn:${AWS::Partition:states:::lambda:invoke']) assert.equal(parseIntegrationArn(no), undefined, no);
});

test('the structure checks leave a service\'s Tasks to the module the caller names (validation.ts: SageMaker\'s), and name none themselves', () => {
  const text = JSON.stringify(sm({ T: { Type: 'Task', Resource: 'arn:aws:states:::sagemaker:createTrainingJb.sync', QueryLanguage: 'JSONata', Arguments: 3, End: true } }), null, 2);
  const parsed = parseDocument(text, 'asl');
  const codes = (found: Problem[]) => found.map((p) => p.code).sort();
  // Alone, asl/ judges SageMaker's integrations as any other service's, from Step Functions' list, and the request's type.
  assert.deepEqual(codes(validateStructure(parsed.root, text, undefined, 'json')), ['asl-invalid-value', 'asl-unknown-integration']);
  assert.deepEqual(codes(validateStructure(parsed.root, text, undefined, 'json', sageMakerCheckedElsewhere(parsed))), []);
});

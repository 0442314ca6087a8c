// ASL structure validation: small state machines in, the exact findings out (code, severity, the text underlined).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTree } from 'jsonc-parser';
import { STRING_INTRINSICS, validateStructure } from '../../server/src/service/asl/validateStructure';
import { INTRINSIC_FUNCTIONS } from '../../server/src/service/expressions/index';
import { parseYaml } from '../../server/src/service/yaml/parseYaml';
import { parseDocument } from '../../server/src/service/documentStore';
import { sageMakerCheckedElsewhere } from '../../server/src/service/sagemaker/tasks';
import type { AstNode } from '../../server/src/service/core/types';
import { lambdaTask } from './helpers';

interface Finding { code: string; severity: string; at: string; message?: string }

/** The findings of a state machine given as an object (or JSON text): code, severity and the text underlined. */
function check(machine: unknown, withMessages = false): Finding[] {
  const text = typeof machine === 'string' ? machine : JSON.stringify(machine, null, 2);
  return validateStructure(parseTree(text) as AstNode, text).map((p) => ({
    code: p.code, severity: p.severity, at: text.slice(p.offset, p.offset + p.length), ...(withMessages ? { message: p.message } : {}),
  }));
}
const sm = (States: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ StartAt: Object.keys(States)[0], ...extra, States });
const task = lambdaTask;

describe('transitions', () => {
  test('a valid machine has no findings', () => {
    assert.deepEqual(check(sm({ A: { Type: 'Pass', Next: 'B' }, B: { Type: 'Succeed' } })), []);
  });
  test('Next naming no state names the closest one, on the value', () => {
    assert.deepEqual(check(sm({ A: { Type: 'Pass', Next: 'Chek' }, Check: { Type: 'Succeed' } }), true), [
      { code: 'asl-unknown-state', severity: 'error', at: '"Chek"', message: 'Next "Chek" is not a state; did you mean "Check"? (MISSING_TRANSITION_TARGET)' },
    ]);
  });
  test('the closest name of a state\'s own transition is another state on a tie: a loop to itself is rarely meant', () => {
    // "BranchC" is one edit from BranchA (the state itself) and from BranchB.
    assert.deepEqual(check(sm({ BranchA: { Type: 'Pass', Next: 'BranchC' }, BranchB: { Type: 'Succeed' } }), true), [
      { code: 'asl-unknown-state', severity: 'error', at: '"BranchC"', message: 'Next "BranchC" is not a state; did you mean "BranchB"? (MISSING_TRANSITION_TARGET)' },
    ]);
    // The state itself when it is strictly the closest ("Pol" in Poll, a Wait that polls; two edits from Pull).
    assert.deepEqual(check(sm({ Poll: { Type: 'Wait', Seconds: 5, Next: 'Pol' }, Pull: { Type: 'Succeed' } }), true).map((x) => x.message), [
      'Next "Pol" is not a state; did you mean "Poll"? (MISSING_TRANSITION_TARGET)',
    ]);
  });
  test('StartAt, Default and a catcher\'s Next are checked the same way', () => {
    const f = check({ StartAt: 'X', States: {
      A: { Type: 'Choice', Choices: [{ Variable: '$.a', IsPresent: true, Next: 'B' }], Default: 'Nope' },
      B: task({ Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Gone' }] }),
    } });
    assert.deepEqual(f.map((x) => x.at), ['"X"', '"Nope"', '"Gone"']);
    assert.ok(f.every((x) => x.code === 'asl-unknown-state' && x.severity === 'error'));
  });
  test('a state no transition leads to is an error on its name (the service refuses it)', () => {
    assert.deepEqual(check(sm({ A: { Type: 'Succeed' }, Lost: { Type: 'Succeed' } }), true), [
      { code: 'asl-unreachable-state', severity: 'error', at: '"Lost"', message: 'State "Lost" is not reachable: no StartAt, Next, Default or Catch leads to it (MISSING_TRANSITION_TARGET)' },
    ]);
  });
  test('a machine no state ends is an error on States', () => {
    assert.deepEqual(check(sm({ A: { Type: 'Pass', Next: 'B' }, B: { Type: 'Pass', Next: 'A' } })), [{ code: 'asl-no-terminal-state', severity: 'error', at: '"States"' }]);
  });
  test('"End": "true" is one error, on its value: it ends the state for the rest (ux39: three errors for one slip); "yes" ends nothing', () => {
    assert.deepEqual(check(sm({ A: { Type: 'Pass', End: 'true' } })), [{ code: 'asl-invalid-value', severity: 'error', at: '"true"' }]);
    assert.deepEqual(check(sm({ A: { Type: 'Pass', End: 'yes' } })).map((x) => x.code).sort(), ['asl-invalid-value', 'asl-missing-field', 'asl-no-terminal-state']);
  });
  test('a misspelt Next is one error, its own: no "needs Next or End" beside it, whose fix would leave the typo (ux42)', () => {
    const found = check(sm({ A: { Type: 'Pass', Nxt: 'B' }, B: { Type: 'Succeed' } }));
    assert.deepEqual(found.filter((x) => x.code !== 'asl-unreachable-state' && x.code !== 'asl-no-terminal-state').map((x) => [x.code, x.at]), [['asl-unknown-field', '"Nxt"']]);
    // A key close to no transition field leaves the finding as it was.
    assert.ok(check(sm({ A: { Type: 'Pass', Colour: 'B' } })).some((x) => x.code === 'asl-missing-field'));
  });
  test('Next and End together, and neither', () => {
    assert.deepEqual(check(sm({ A: { Type: 'Pass', Next: 'B', End: true }, B: { Type: 'Pass' } })), [
      { code: 'asl-exclusive-fields', severity: 'error', at: '"End"' },
      { code: 'asl-missing-field', severity: 'error', at: '"B"' },
    ]);
  });
  test('names are scoped to their machine: a branch cannot go to a state outside it', () => {
    const f = check(sm({ P: { Type: 'Parallel', End: true, Branches: [{ StartAt: 'In', States: { In: { Type: 'Pass', Next: 'Q' }, Q: { Type: 'Succeed' } } }] } }));
    assert.deepEqual(f, []);
    const g = check(sm({ P: { Type: 'Parallel', Next: 'Out', Branches: [{ StartAt: 'In', States: { In: { Type: 'Pass', Next: 'Out' } } }] }, Out: { Type: 'Succeed' } }));
    assert.deepEqual(g.map((x) => [x.code, x.at]), [['asl-unknown-state', '"Out"'], ['asl-no-terminal-state', '"States"']]);
  });
});

describe('fields', () => {
  test('ResultSelector is an object; Parameters may be any JSON (deployed machines pass an array); Branches holds one at least', () => {
    const at = (machine: unknown) => check(machine).map((x) => [x.code, x.at]);
    assert.deepEqual(at(sm({ A: task({ ResultSelector: '$.Payload' }) })), [['asl-invalid-value', '"$.Payload"']]);
    assert.deepEqual(at(sm({ A: { Type: 'Pass', Parameters: [{ 'id.$': '$.id' }], End: true } })), []);
    assert.deepEqual(at(sm({ P: { Type: 'Parallel', Branches: [], End: true } })), [['asl-invalid-value', '[]']]);
  });
  test('a Fail state\'s ErrorPath and CausePath are Reference Paths or intrinsic functions: no filter, no wildcard', () => {
    const fail = (extra: Record<string, unknown>) => check(sm({ F: { Type: 'Fail', ...extra } })).map((x) => [x.code, x.at]);
    assert.deepEqual(fail({ ErrorPath: '$.errors[?(@.fatal)].code' }).map(([code]) => code), ['invalid-path']);
    assert.deepEqual(fail({ CausePath: '$$.Execution.Input.errors[*]' }).map(([code]) => code), ['invalid-path']);
    assert.deepEqual(fail({ ErrorPath: '$.error.code', CausePath: "States.Format('failed: {}', $.cause)" }), []);
    // Only the intrinsics the developer guide lists as returning a string.
    assert.deepEqual(fail({ ErrorPath: 'States.Array($.code)', CausePath: 'States.JsonMerge($.a, $.b, false)' }), [['asl-invalid-value', '"States.Array($.code)"'], ['asl-invalid-value', '"States.JsonMerge($.a, $.b, false)"']]);
    assert.match(check(sm({ F: { Type: 'Fail', ErrorPath: 'States.ArrayLength($.errors)' } }), true)[0].message ?? '', /^ErrorPath takes a Reference Path or an intrinsic function that returns a string \(States\.Format, .*, States\.Hash or States\.UUID\), not States\.ArrayLength/);
    // A call that also always fails when it runs: both said.
    assert.deepEqual(fail({ CausePath: "States.ArrayLength(States.StringToJson('{bad'))" }).map(([code]) => code).sort(), ['asl-invalid-value', 'invalid-intrinsic']);
    for (const v of ['States.JsonToString($.e)', 'States.ArrayGetItem($.errors, 0)', 'States.Base64Decode($.b)', "States.Hash($.e, 'SHA-256')", 'States.UUID()'])
      assert.deepEqual(fail({ CausePath: v }), [], v);
  });
  test('the intrinsics ErrorPath and CausePath may call are intrinsics that can return a string', () => {
    for (const name of STRING_INTRINSICS) assert.ok(['string', 'any'].includes(INTRINSIC_FUNCTIONS.get(name)!.result), name);
  });
  test('an unknown field is an error on its key, naming the closest', () => {
    assert.deepEqual(check(sm({ A: task({ Parameter: {} }) }), true), [
      { code: 'asl-unknown-field', severity: 'error', at: '"Parameter"', message: '"Parameter" is not a field of a Task state; did you mean "Parameters"? (SCHEMA_VALIDATION_FAILED)' },
    ]);
  });
  test('a field of another state type is an error', () => {
    assert.deepEqual(check(sm({ A: { Type: 'Pass', Resource: 'x', End: true } }), true), [
      { code: 'asl-unknown-field', severity: 'error', at: '"Resource"', message: 'Resource is not a field of a Pass state (SCHEMA_VALIDATION_FAILED)' },
    ]);
  });
  test('an unknown Type names the closest', () => {
    assert.deepEqual(check(sm({ A: { Type: 'Tsk', End: true } }), true), [
      { code: 'asl-unknown-state-type', severity: 'error', at: '"Tsk"', message: 'Type must be one of Task, Pass, Choice, Wait, Succeed, Fail, Parallel and Map; did you mean "Task"? (SCHEMA_VALIDATION_FAILED)' },
    ]);
  });
  test('required fields: Resource, Branches, ItemProcessor, a Wait duration', () => {
    const f = check(sm({ T: { Type: 'Task', Next: 'P' }, P: { Type: 'Parallel', Next: 'M' }, M: { Type: 'Map', Next: 'W' }, W: { Type: 'Wait', End: true } }));
    assert.deepEqual(f.map((x) => [x.code, x.at]), [['asl-missing-field', '"T"'], ['asl-missing-field', '"P"'], ['asl-missing-field', '"M"'], ['asl-missing-field', '"W"']]);
  });
  test('wrong value types are errors on the value', () => {
    assert.deepEqual(check(sm({ A: task({ TimeoutSeconds: '10', HeartbeatSeconds: 0, ResultPath: 5 }) }), true), [
      { code: 'asl-invalid-value', severity: 'error', at: '5', message: 'ResultPath must be a string or null, not the number 5 (SCHEMA_VALIDATION_FAILED)' },
      { code: 'asl-invalid-value', severity: 'error', at: '"10"', message: 'TimeoutSeconds must be an integer, not the string "10" (SCHEMA_VALIDATION_FAILED)' },
      { code: 'asl-invalid-value', severity: 'error', at: '0', message: 'HeartbeatSeconds must be at least 1 (SCHEMA_VALIDATION_FAILED)' },
    ]);
  });
  test('TimeoutSeconds and TimeoutSecondsPath exclude each other', () => {
    assert.deepEqual(check(sm({ A: task({ TimeoutSeconds: 10, TimeoutSecondsPath: '$.t' }) })), [{ code: 'asl-exclusive-fields', severity: 'error', at: '"TimeoutSecondsPath"' }]);
  });
  test('Retry and Catch shapes', () => {
    const f = check(sm({ A: task({ Retry: [{ ErrorEquals: [], BackoffRate: 0.5, MaxAttempts: -1, JitterStrategy: 'SOME', Delay: 1 }], Catch: [{ ErrorEquals: ['States.ALL'] }] }) }));
    assert.deepEqual(f.map((x) => [x.code, x.at]), [
      ['asl-unknown-field', '"Delay"'], ['asl-invalid-value', '[]'], ['asl-invalid-value', '-1'], ['asl-invalid-value', '0.5'], ['asl-invalid-value', '"SOME"'],
      ['asl-missing-field', '"ErrorEquals"'],
    ]);
  });
  test('top-level fields: an unknown one is an error on its key', () => {
    assert.deepEqual(check(sm({ A: { Type: 'Succeed' } }, { Comment: 'c', Version: '1.0', TimeoutSeconds: 60, QueryLanguage: 'JSONPath', Start: 1 })), [{ code: 'asl-unknown-field', severity: 'error', at: '"Start"' }]);
  });
  test('Distributed Map fields are all known', () => {
    assert.deepEqual(check(sm({ M: { Type: 'Map', End: true, Label: 'Rows', MaxConcurrency: 1000, ToleratedFailurePercentage: 5, ToleratedFailureCount: 10,
      ItemReader: { Resource: 'arn:aws:states:::s3:getObject', ReaderConfig: { InputType: 'CSV', CSVHeaderLocation: 'FIRST_ROW' }, Parameters: { Bucket: 'b', Key: 'k' } },
      ItemBatcher: { MaxItemsPerBatch: 100 }, ResultWriter: { Resource: 'arn:aws:states:::s3:putObject', Parameters: { Bucket: 'b', Prefix: 'p' } },
      ItemSelector: { 'row.$': '$$.Map.Item.Value' },
      ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'EXPRESS' }, StartAt: 'S', States: { S: { Type: 'Succeed' } } } } })), []);
  });
});

describe('Choice rules', () => {
  const choice = (rule: Record<string, unknown>, ql?: string) => sm({ C: { Type: 'Choice', ...(ql ? { QueryLanguage: ql } : {}), Choices: [{ ...rule, Next: 'D' }], Default: 'D' }, D: { Type: 'Succeed' } });
  test('StringMatches with an open escape (a backslash before nothing, or before anything but * and \\): a warning (the interpreter throws when it runs); escaped stars and backslashes are fine', () => {
    assert.deepEqual(check(choice({ Variable: '$.f', StringMatches: '*.log\\' })).map((x) => [x.code, x.severity, x.at]), [['asl-invalid-value', 'warning', '"*.log\\\\"']]);
    for (const ok of ['*.log', 'a\\*b', 'dir\\\\', '\\\\\\*', '${Pattern}\\']) assert.deepEqual(check(choice({ Variable: '$.f', StringMatches: ok })), [], ok);
    // Any other backslash is an open escape too, as in an intrinsic function's string (`\d` is no regular expression's here).
    for (const bad of ['report\\d*.csv', 'a\\.b', '\\\\\\x', '\\😀']) {
      const found = check(choice({ Variable: '$.f', StringMatches: bad }));
      assert.deepEqual(found.map((x) => [x.code, x.severity]), [['asl-invalid-value', 'warning']], bad);
    }
  });
  test('Variable with exactly one comparison', () => {
    assert.deepEqual(check(choice({ Variable: '$.n', NumericGreaterThan: 1 })), []);
    assert.deepEqual(check(choice({ Variable: '$.n', NumericGreaterThan: 1, StringEquals: 'a' })), [{ code: 'asl-invalid-choice-rule', severity: 'error', at: '"StringEquals"' }]);
    // A JSONata Condition in a JSONPath rule: that one finding, not also "needs a comparison".
    assert.deepEqual(check(choice({ Condition: '{% true %}' })).map((x) => [x.code, x.at]), [['asl-wrong-query-language', '"Condition"']]);
    assert.deepEqual(check(choice({ Variable: '$.n' })).map((x) => x.code), ['asl-invalid-choice-rule']);
  });
  test('Variable and a …Path comparison are reference paths (no wildcard, filter, slice or deep scan); $$ and variables are', () => {
    for (const ok of ['$.a[0].b', "$['a b']", '$$.Execution.Input.x', '$v.a', '$']) {
      assert.deepEqual(check(choice({ Variable: ok, StringEqualsPath: ok })).filter((x) => x.severity === 'error'), [], ok);
    }
    for (const bad of ['$.a[*].b', '$..a', '$.a[?(@.b == 1)]', '$.a[0:2]']) {
      assert.deepEqual(check(choice({ Variable: bad, IsPresent: true })).map((x) => [x.code, x.severity]), [['invalid-path', 'error']], bad);
      assert.deepEqual(check(choice({ Variable: '$.a', TimestampEqualsPath: bad })).map((x) => [x.code, x.severity]), [['invalid-path', 'error']], bad);
    }
  });
  test('a comparison value of the wrong type', () => {
    assert.deepEqual(check(choice({ Variable: '$.n', NumericEquals: '1' })), [{ code: 'asl-invalid-value', severity: 'error', at: '"1"' }]);
  });
  test('And/Or/Not nest rules, without Next inside', () => {
    assert.deepEqual(check(choice({ And: [{ Variable: '$.a', IsPresent: true }, { Not: { Variable: '$.b', StringEquals: 'x' } }] })), []);
    assert.deepEqual(check(choice({ Or: [{ Variable: '$.a', IsPresent: true, Next: 'D' }] })), [{ code: 'asl-unknown-field', severity: 'error', at: '"Next"' }]);
  });
  test('JSONata rules are a Condition; Variable is a JSONPath field there', () => {
    assert.deepEqual(check(choice({ Condition: '{% $states.input.n > 1 %}' }, 'JSONata')), []);
    assert.deepEqual(check(choice({ Variable: '$.n', IsPresent: true }, 'JSONata')).map((x) => [x.code, x.at]), [
      ['asl-wrong-query-language', '"Variable"'], ['asl-wrong-query-language', '"IsPresent"'], ['asl-invalid-choice-rule', '"Variable"'],
    ]);
  });
});

describe('query languages', () => {
  test('JSONPath-only fields in a JSONata state are errors on the key', () => {
    assert.deepEqual(check(sm({ A: task({ QueryLanguage: 'JSONata', Parameters: {}, ResultPath: '$.r' }) }), true), [
      { code: 'asl-wrong-query-language', severity: 'error', at: '"Parameters"', message: 'Parameters is a JSONPath field; this state uses JSONata: use Arguments (SCHEMA_VALIDATION_FAILED)' },
      { code: 'asl-wrong-query-language', severity: 'error', at: '"ResultPath"', message: 'ResultPath is a JSONPath field; this state uses JSONata: use Output (and Assign) (SCHEMA_VALIDATION_FAILED)' },
    ]);
  });
  test('a Pass state\'s Result is JSONPath only ("Result (Optional, JSONPath only)"): in JSONata, Output', () => {
    assert.deepEqual(check(sm({ P: { Type: 'Pass', QueryLanguage: 'JSONata', Result: { a: 1 }, End: true } }), true), [
      { code: 'asl-wrong-query-language', severity: 'error', at: '"Result"', message: 'Result is a JSONPath field; this state uses JSONata: use Output (SCHEMA_VALIDATION_FAILED)' },
    ]);
    assert.deepEqual(check(sm({ P: { Type: 'Pass', Result: { a: 1 }, End: true } })), []);
  });
  test('JSONata-only fields in a JSONPath state are errors on the key', () => {
    assert.deepEqual(check(sm({ A: task({ Arguments: {}, Output: {} }) })).map((x) => [x.code, x.at]), [['asl-wrong-query-language', '"Arguments"'], ['asl-wrong-query-language', '"Output"']]);
  });
  test('Assign works in both', () => {
    assert.deepEqual(check(sm({ A: task({ End: undefined, Next: 'B', Assign: { 'x.$': '$.a', y: 1 } }), B: task({ QueryLanguage: 'JSONata', Assign: { x: '{% $states.result %}' } }) })), []);
  });
  test('JSONata values stand in for numbers', () => {
    assert.deepEqual(check(sm({ A: task({ QueryLanguage: 'JSONata', TimeoutSeconds: '{% $states.input.t %}' }) })), []);
  });
  test('but not where nothing is evaluated: the top level, a retrier, a Map\'s Label and its reader\'s and writer\'s settings', () => {
    const at = (machine: unknown) => check(machine).map((x) => [x.code, x.at]);
    assert.deepEqual(at(sm({ A: task() }, { QueryLanguage: 'JSONata', TimeoutSeconds: '{% 3600 %}' })), [['asl-invalid-value', '"{% 3600 %}"']]);
    assert.deepEqual(at(sm({ A: task({ QueryLanguage: 'JSONata', Retry: [{ ErrorEquals: ['States.ALL'], MaxDelaySeconds: '{% 60 %}', IntervalSeconds: '{% 2 %}' }] }) })), [['asl-invalid-value', '"{% 2 %}"'], ['asl-invalid-value', '"{% 60 %}"']]);
    const map = (extra: Record<string, unknown>) => sm({ M: { Type: 'Map', QueryLanguage: 'JSONata', ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, StartAt: 'In', States: { In: { Type: 'Succeed' } } }, End: true, ...extra } });
    const reader = (ReaderConfig: unknown) => ({ ItemReader: { Resource: 'arn:aws:states:::s3:getObject', Arguments: { Bucket: 'b', Key: 'k' }, ReaderConfig } });
    assert.deepEqual(at(map({ Label: "{% 'x' %}" })).map(([code]) => code), ['asl-invalid-label']);
    assert.deepEqual(at(map(reader({ InputType: "{% 'CSV' %}", CSVHeaderLocation: "{% 'FIRST_ROW' %}", MaxItems: '{% 10 %}' }))), [['asl-invalid-value', `"{% 'CSV' %}"`], ['asl-invalid-value', `"{% 'FIRST_ROW' %}"`]]);
    assert.deepEqual(at(map(reader("{% {'InputType': 'CSV'} %}"))), [['asl-invalid-value', `"{% {'InputType': 'CSV'} %}"`]]);
    assert.deepEqual(at(map({ ResultWriter: { WriterConfig: "{% {'OutputType': 'JSON'} %}" } })), [['asl-invalid-value', `"{% {'OutputType': 'JSON'} %}"`]]);
    assert.deepEqual(at(map({ ResultWriter: { WriterConfig: { OutputType: "{% 'JSON' %}", Transformation: 'NONE' } } })), [['asl-invalid-value', `"{% 'JSON' %}"`]]);
  });
  test('a Distributed Map\'s reader and writer take Parameters as an object (JSONPath), Arguments as an object or a JSONata string', () => {
    const at = (machine: unknown) => check(machine).map((x) => [x.code, x.at]);
    const map = (ql: string, extra: Record<string, unknown>) => sm({ M: { Type: 'Map', QueryLanguage: ql, ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, StartAt: 'In', States: { In: { Type: 'Succeed' } } }, End: true, ...extra } });
    assert.deepEqual(at(map('JSONPath', { ItemReader: { Resource: 'arn:aws:states:::s3:getObject', Parameters: 'bucket/key' } })), [['asl-invalid-value', '"bucket/key"']]);
    assert.deepEqual(at(map('JSONata', { ItemReader: { Resource: 'arn:aws:states:::s3:getObject', Arguments: 'bucket/key' } })), [['asl-invalid-value', '"bucket/key"']]);
    assert.deepEqual(at(map('JSONata', { ResultWriter: { Resource: 'arn:aws:states:::s3:putObject', Arguments: ['b'] } })), [['asl-invalid-value', '[\n          "b"\n        ]']]);
    assert.deepEqual(at(map('JSONata', { ItemReader: { Resource: 'arn:aws:states:::s3:getObject', Arguments: '{% $states.input.where %}' } })), []);
  });
  test('a reader\'s or writer\'s S3 request names what S3 needs: GetObject a Bucket and a Key, ListObjectsV2 and PutObject a Bucket (a warning: it deploys, and reading or writing fails)', () => {
    const found = (ql: string, extra: Record<string, unknown>) => check(sm({ M: { Type: 'Map', QueryLanguage: ql, ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, StartAt: 'In', States: { In: { Type: 'Succeed' } } }, End: true, ...extra } }), true);
    const [f] = found('JSONPath', { ItemReader: { Resource: 'arn:aws:states:::s3:getObject', Parameters: { Bucket: 'b' } } });
    assert.deepEqual([f.code, f.severity], ['asl-missing-field', 'warning']);
    assert.match(f.message!, /^getObject needs Key in the ItemReader's Parameters: S3 refuses the request/);
    assert.match(found('JSONata', { ItemReader: { Resource: 'arn:aws:states:::s3:listObjectsV2', Arguments: { Prefix: 'in/' } } })[0].message!, /^listObjectsV2 needs Bucket in the ItemReader's Arguments/);
    assert.deepEqual(found('JSONPath', { ItemReader: { Resource: 'arn:aws:states:::s3:getObject', Parameters: { 'Bucket.$': '$.b', Key: 'k' } } }), []);
    assert.deepEqual(found('JSONata', { ItemReader: { Resource: 'arn:aws:states:::s3:getObject', Arguments: { Bucket: 'b', Key: '{% $states.input.k %}' } } }), []);
    assert.deepEqual(found('JSONPath', { ItemReader: { Resource: 'arn:aws:states:::s3:getObject', Parameters: { Bucket: 'b', '${KeyField}': 'k' } } }), []);
    // A writer's PutObject: a Bucket to write into (asl39); a Prefix alone is no place.
    const [w] = found('JSONPath', { ResultWriter: { Resource: 'arn:aws:states:::s3:putObject', Parameters: { Prefix: 'p' } } });
    assert.deepEqual([w.code, w.severity], ['asl-missing-field', 'warning']);
    assert.match(w.message!, /^putObject needs Bucket in the ResultWriter's Parameters: S3 refuses the request, so writing the results fails when the state runs \(States\.ResultWriterFailed\)/);
    for (const ok of [{ Bucket: 'b', Prefix: 'p' }, { 'Bucket.$': '$.out' }]) assert.deepEqual(found('JSONPath', { ResultWriter: { Resource: 'arn:aws:states:::s3:putObject', Parameters: ok } }), []);
    assert.deepEqual(found('JSONata', { ResultWriter: { Resource: 'arn:aws:states:::s3:putObject', Arguments: { Bucket: '{% $states.input.bucket %}' } } }), []);
  });
  // ASL spec: "the default query language for each state inside the Map's ItemProcessor or the Parallel's Branches
  // fields is the state machine's query language, and is independent of the Map or Parallel State's query language."
  const inner = (extra: Record<string, unknown>) => sm({ In: task(extra) });
  test("the states in a JSONata Map or Parallel of a JSONPath machine are JSONPath: not their Map's or Parallel's", () => {
    const jsonPathInner = inner({ Parameters: { 'a.$': '$.x' }, ResultPath: '$.r' });
    assert.deepEqual(check(sm({ M: { Type: 'Map', QueryLanguage: 'JSONata', Items: '{% $states.input.xs %}', ItemProcessor: jsonPathInner, End: true } })), []);
    assert.deepEqual(check(sm({ P: { Type: 'Parallel', QueryLanguage: 'JSONata', Arguments: '{% $states.input %}', Branches: [jsonPathInner], End: true } })), []);
    const jsonataInner = inner({ Arguments: {}, Output: '{% $states.result %}' });
    assert.deepEqual(check(sm({ M: { Type: 'Map', QueryLanguage: 'JSONata', ItemProcessor: jsonataInner, End: true } })).map((x) => [x.code, x.at]), [['asl-wrong-query-language', '"Arguments"'], ['asl-wrong-query-language', '"Output"']]);
    assert.deepEqual(check(sm({ P: { Type: 'Parallel', QueryLanguage: 'JSONata', Branches: [jsonataInner], End: true } })).map((x) => [x.code, x.at]), [['asl-wrong-query-language', '"Arguments"'], ['asl-wrong-query-language', '"Output"']]);
  });
  test('Assign, Credentials, ItemReader, ItemBatcher and ResultWriter are JSON objects: their values may be JSONata, not the whole field', () => {
    // ASL spec: "The value of an "Assign" field MUST be a JSON object" (Arguments and Output: "a JSON text, or a JSONata string").
    const whole = '{% $states.input.x %}';
    const at = (m: unknown) => check(m).map((x) => [x.code, x.at]);
    const jsonata = { QueryLanguage: 'JSONata' };
    assert.deepEqual(at(sm({ A: task({ Assign: whole, Credentials: whole }) }, jsonata)), [['asl-invalid-value', `"${whole}"`], ['asl-invalid-value', `"${whole}"`]]);
    assert.deepEqual(at(sm({ A: task({ Catch: [{ ErrorEquals: ['States.ALL'], Assign: whole, Next: 'A' }] }) }, jsonata)), [['asl-invalid-value', `"${whole}"`]]);
    assert.deepEqual(at(sm({ C: { Type: 'Choice', Choices: [{ Condition: '{% true %}', Assign: whole, Next: 'D' }], Default: 'D' }, D: { Type: 'Succeed' } }, jsonata)), [['asl-invalid-value', `"${whole}"`]]);
    const map = { Type: 'Map', ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }, End: true };
    for (const field of ['ItemReader', 'ItemBatcher', 'ResultWriter'])
      assert.deepEqual(at(sm({ M: { ...map, [field]: whole } }, jsonata)).filter(([, a]) => a === `"${whole}"`), [['asl-invalid-value', `"${whole}"`]], field);
    // Their members may be expressions; Arguments, Output and Items may be one whole.
    assert.deepEqual(at(sm({ A: task({ Assign: { x: whole }, Credentials: { RoleArn: whole }, Arguments: whole, Output: whole }) }, jsonata)), []);
  });
  test('a JSONata expression of literals only has one value: one its field cannot take is a warning (it fails when it runs)', () => {
    const jsonata = { QueryLanguage: 'JSONata' };
    const warnings = (m: unknown) => check(m, true).map((x) => [x.severity, x.at, x.message]);
    assert.deepEqual(warnings(sm({ A: task({ TimeoutSeconds: "{% '7200' %}", HeartbeatSeconds: '{% 0 %}' }) }, jsonata)), [
      ['warning', `"{% '7200' %}"`, 'This expression is always the string "7200", and TimeoutSeconds must be an integer: the state fails when it runs (States.QueryEvaluationError)'],
      ['warning', '"{% 0 %}"', 'This expression is always the number 0, and HeartbeatSeconds must be at least 1: the state fails when it runs (States.QueryEvaluationError)'],
    ]);
    assert.deepEqual(warnings(sm({ W: { Type: 'Wait', Timestamp: "{% '2026-13-01T00:00:00Z' %}", End: true } }, jsonata)).map(([s]) => s), ['warning']);
    assert.deepEqual(warnings(sm({ C: { Type: 'Choice', Choices: [{ Condition: "{% 'yes' %}", Next: 'D' }], Default: 'D' }, D: { Type: 'Succeed' } }, jsonata)).map(([s]) => s), ['warning']);
    // What reads data, computes or fits the field is not judged.
    assert.deepEqual(warnings(sm({ A: task({ TimeoutSeconds: '{% 60 %}', HeartbeatSeconds: '{% $states.input.h %}' }) }, jsonata)), []);
    assert.deepEqual(warnings(sm({ A: task({ TimeoutSeconds: '{% 1 + 1 %}' }) }, jsonata)), []);
  });
  test('the states in a Map or Parallel of a JSONata machine are JSONata, and may say so again', () => {
    const jsonataInner = inner({ Arguments: {}, Output: '{% $states.result %}' });
    assert.deepEqual(check(sm({ M: { Type: 'Map', ItemProcessor: jsonataInner, End: true } }, { QueryLanguage: 'JSONata' })), []);
    assert.deepEqual(check(sm({ P: { Type: 'Parallel', Branches: [sm({ In: task({ QueryLanguage: 'JSONata', Output: {} }) })], End: true } }, { QueryLanguage: 'JSONata' })), []);
  });
});

describe('expressions', () => {
  test('a broken path field is underlined inside its string', () => {
    assert.deepEqual(check(sm({ A: task({ InputPath: '$.a[' }) })).map((x) => [x.code, x.at]), [['invalid-path', '[']]);
  });
  test('.$ values in Parameters, ResultSelector and Assign are JSONPaths or intrinsic functions', () => {
    const f = check(sm({ A: task({ Parameters: { 'a.$': 'not a path', nested: { 'b.$': '$.ok' } } }) }));
    assert.deepEqual(f.map((x) => [x.code, x.at]), [['invalid-path', 'not a path']]);
  });
  test('keys ending in .$ in a Pass state\'s Result are literal', () => {
    assert.deepEqual(check(sm({ A: { Type: 'Pass', End: true, Result: { 'a.$': 'literal' } } })), []);
  });
  test('JSONata syntax errors in a JSONata state', () => {
    assert.deepEqual(check(sm({ A: task({ QueryLanguage: 'JSONata', Arguments: { x: '{% $states.input.( %}' } }) })).map((x) => x.code), ['invalid-jsonata']);
  });
  test('a Comment is text for people: no expression is read there (a state\'s, a Choice rule\'s, a catcher\'s)', () => {
    const choice = { Type: 'Choice', Comment: '{% ( %}', Choices: [{ Condition: '{% true %}', Comment: 'see {% $x %}', Next: 'B' }], Default: 'B' };
    const machine = sm({ A: choice, B: task({ Comment: 'see {% $x %}', Catch: [{ ErrorEquals: ['States.ALL'], Comment: '{% ( %}', Next: 'C' }] }), C: { Type: 'Pass', Comment: '{% ( %}', End: true } }, { QueryLanguage: 'JSONata' });
    assert.deepEqual(check(machine), []);
    // Beside it, the same text in an evaluated field is still an error.
    (machine.States as any).C.Output = '{% ( %}';
    assert.deepEqual(check(machine).map((x) => x.code), ['invalid-jsonata']);
  });
  test('SageMaker payloads are left to the SageMaker validation (the values another check owns are skipped)', () => {
    const text = JSON.stringify(sm({ A: task({ Resource: 'arn:aws:states:::sagemaker:createTrainingJob.sync', Parameters: { 'TrainingJobName.$': 'not a path' } }) }));
    const parsed = parseDocument(text, 'asl');
    assert.deepEqual(validateStructure(parsed.root, text, undefined, 'json', sageMakerCheckedElsewhere(parsed)), []);
  });
});

describe('no false positives reported against the AWS Toolkit', () => {
  test('#2938/#3049: every intrinsic function, nested', () => {
    assert.deepEqual(check(sm({ A: { Type: 'Pass', End: true, Parameters: {
      'a.$': 'States.ArrayPartition(States.ArrayRange(1, 10, 1), 2)', 'b.$': 'States.MathAdd($.n, 1)', 'c.$': "States.StringSplit($.s, ',')",
      'd.$': 'States.UUID()', 'e.$': "States.Hash($.x, 'SHA-256')", 'f.$': 'States.JsonMerge($.a, $.b, false)', 'g.$': "States.Format('{} {}', $.a, States.ArrayLength($.l))",
      'h.$': 'States.MathRandom(1, 100)', 'i.$': 'States.Base64Encode($.s)', 'j.$': 'States.ArrayUnique($.l)', 'k.$': 'States.ArrayContains($.l, $.v)', 'l.$': 'States.ArrayGetItem($.l, 0)',
    } } })), []);
  });
  test('#1117: states reached only through Catch or a Choice Default are reachable', () => {
    assert.deepEqual(check(sm({
      A: task({ End: undefined, Next: 'C', Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Handle' }] }),
      C: { Type: 'Choice', Choices: [{ Variable: '$.ok', BooleanEquals: true, Next: 'Done' }], Default: 'Other' },
      Handle: { Type: 'Fail', Error: 'E' }, Other: { Type: 'Succeed' }, Done: { Type: 'Succeed' },
    })), []);
  });
  test('#1165: Comment in Choice rules, nested ones too', () => {
    assert.deepEqual(check(sm({ C: { Type: 'Choice', Choices: [{ Comment: 'big', And: [{ Comment: 'n', Variable: '$.n', NumericGreaterThan: 1 }], Next: 'D' }], Default: 'D' }, D: { Type: 'Succeed' } })), []);
  });
  test('#3308: ProcessorConfig in a Map ItemProcessor', () => {
    assert.deepEqual(check(sm({ M: { Type: 'Map', End: true, ItemProcessor: { ProcessorConfig: { Mode: 'INLINE' }, StartAt: 'S', States: { S: { Type: 'Succeed' } } } } })), []);
  });
  test('#6118/#6196: QueryLanguage and the JSONata fields', () => {
    assert.deepEqual(check(sm({ A: task({ Arguments: { FunctionName: 'f', Payload: '{% $states.input %}' }, Output: '{% $states.result.Payload %}', Assign: { n: 1 } }) }, { QueryLanguage: 'JSONata' })), []);
  });
  test('#3646/#6668: placeholders as whole values, numbers included', () => {
    assert.deepEqual(check(sm({ M: { Type: 'Map', Next: 'T', MaxConcurrency: '${MaxConcurrency}', ItemsPath: '$.items', ItemProcessor: { StartAt: 'S', States: { S: { Type: 'Succeed' } } } },
      T: task({ Resource: '${FunctionArn}', TimeoutSeconds: '${Timeout}', Retry: [{ ErrorEquals: ['States.ALL'], MaxAttempts: '${Retries}' }] }) })), []);
  });
  test('a placeholder as a transition target: no error, and no unreachable warnings after it', () => {
    assert.deepEqual(check(sm({ A: { Type: 'Pass', Next: '${NextState}' }, B: { Type: 'Succeed' } })), []);
  });
  test('#8796: a placeholder in a JSONata state', () => {
    assert.deepEqual(check(sm({ A: task({ Arguments: { FunctionName: '${LambdaArn}', Payload: '{% $states.input %}' } }) }, { QueryLanguage: 'JSONata' })), []);
  });
});

/** A chain of `depth` Parallel states nested in each other's only branch, built without recursion (state names are unique). */
function deepParallel(depth: number): AstNode {
  const str = (value: string): AstNode => ({ type: 'string', value, offset: 0, length: 1 });
  const prop = (key: string, value: AstNode): AstNode => ({ type: 'property', offset: 0, length: 1, children: [str(key), value] });
  const obj = (...props: AstNode[]): AstNode => ({ type: 'object', offset: 0, length: 1, children: props });
  let machine = obj(prop('StartAt', str('S')), prop('States', obj(prop('S', obj(prop('Type', str('Succeed')))))));
  for (let i = 0; i < depth; i++) {
    const state = obj(prop('Type', str('Parallel')), prop('End', { type: 'boolean', value: true, offset: 0, length: 1 }), prop('Branches', { type: 'array', offset: 0, length: 1, children: [machine] }));
    machine = obj(prop('StartAt', str(`P${i}`)), prop('States', obj(prop(`P${i}`, state))));
  }
  return machine;
}

describe('scale', () => {
  test('100,000 nested Parallel states: no stack overflow, no findings', () => {
    assert.deepEqual(validateStructure(deepParallel(100_000)), []);
  });
});

describe('corpus', () => {
  const dir = join('test', 'fixtures', 'corpus');
  for (const f of readdirSync(dir).filter((n) => /\.(json|ya?ml)$/.test(n))) {
    test(`${f}: no errors`, () => {
      const text = readFileSync(join(dir, f), 'utf8');
      const root = f.endsWith('.json') ? (parseTree(text, [], { allowTrailingComma: true }) as AstNode) : parseYaml(text).root;
      assert.ok(root, 'parses');
      const errors = validateStructure(root, text).filter((p) => p.severity === 'error');
      assert.deepEqual(errors.map((p) => `${p.code} ${p.message} at ${text.slice(p.offset, p.offset + p.length)}`), []);
    });
  }
});

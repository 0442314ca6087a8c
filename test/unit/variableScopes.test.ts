// What the variable warnings (server/src/service/asl/variables.ts) say when a state reads a variable it cannot see:
// never set, or set only inside a Parallel branch or a Map iteration, whose variables stay inside it (the developer
// guide, "Variable scope"); in JSON and YAML alike.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { stringify } from 'yaml';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { doc, findings, service } from './helpers';

const sm = (states: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ ...extra, StartAt: Object.keys(states)[0], States: states });

/** The variable findings of a machine, the same in JSON and YAML: [text, severity, message]. */
function variableFindings(machine: unknown): [string, string, string][] {
  const out: [string, string, string][][] = [];
  for (const [languageId, text] of [['asl', JSON.stringify(machine, null, 2)], ['asl-yaml', stringify(machine)]]) {
    out.push(findings(text, { languageId, source: 'asl' }).filter((f) => f.code === 'asl-unknown-variable').map((f) => [f.at, f.severity, f.message]));
  }
  assert.deepEqual(out[1], out[0], 'YAML as JSON');
  return out[0];
}

describe('a variable read outside the scope that assigns it', () => {
  test("assigned only in a Map iteration (JSONata): the Map named, and how the value gets out", () => {
    const machine = sm(
      {
        Map: {
          Type: 'Map',
          Items: '{% $states.input.sets %}',
          ItemProcessor: { StartAt: 'T', States: { T: { Type: 'Pass', Assign: { innerUri: '{% $states.input.uri %}' }, End: true } } },
          Next: 'Use',
        },
        Use: { Type: 'Pass', Output: '{% $innerUri %}', End: true },
      },
      { QueryLanguage: 'JSONata' },
    );
    assert.deepEqual(variableFindings(machine), [
      [
        '$innerUri',
        'warning',
        "$innerUri is assigned only inside the iteration of the Map \"Map\", whose variables are not visible outside it: return the value in the iteration's output (the Map's result holds it) and read it from there",
      ],
    ]);
  });

  test('assigned only in a Parallel branch (JSONPath), read after the Parallel and in the other branch', () => {
    const machine = sm({
      Par: {
        Type: 'Parallel',
        Branches: [
          { StartAt: 'A', States: { A: { Type: 'Pass', Result: { v: 1 }, Assign: { 'branchVal.$': '$.v' }, End: true } } },
          { StartAt: 'B', States: { B: { Type: 'Pass', Parameters: { 'b.$': '$branchVal' }, End: true } } },
        ],
        ResultPath: '$.par',
        Next: 'Use',
      },
      Use: { Type: 'Pass', Parameters: { 'b.$': '$branchVal' }, End: true },
    });
    // Each Parallel's read, in the order the states are checked (the outer machine first).
    assert.deepEqual(variableFindings(machine), [
      ['$branchVal', 'warning', "$branchVal is assigned only inside a branch of the Parallel \"Par\", whose variables are not visible outside it: return the value in the branch's output (the Parallel's result holds it) and read it from there"],
      ['$branchVal', 'warning', '$branchVal is assigned only inside another branch of the Parallel "Par", whose variables are not visible outside it'],
    ]);
  });

  test("a Distributed Map's child workflows: their own variables stay inside; the outer ones do not reach them", () => {
    const DIST = { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' };
    const machine = sm({
      Init: { Type: 'Pass', Assign: { outer: 1 }, Next: 'M' },
      M: { Type: 'Map', ItemProcessor: { ProcessorConfig: DIST, StartAt: 'C', States: { C: { Type: 'Pass', Assign: { child: 1 }, Parameters: { 'o.$': '$outer' }, End: true } } }, Next: 'Use' },
      Use: { Type: 'Pass', Parameters: { 'c.$': '$child' }, End: true },
    });
    assert.deepEqual(variableFindings(machine), [
      ['$child', 'warning', "$child is assigned only inside the child workflows of the Map \"M\", whose variables are not visible outside it: return the value in the child workflow's output (the Map's result holds it) and read it from there"],
      ['$outer', 'warning', "$outer is not assigned by any state of this machine (a Distributed Map's states see only their own variables): set it with Assign in an earlier state"],
    ]);
  });

  test('assigned nowhere but close to one assigned: did you mean it (ux44), and the fix writes it', () => {
    const jsonpath = sm({ A: { Type: 'Pass', Assign: { modelUrl: 's3://b/m', threshold: 0.5 }, Next: 'P' }, P: { Type: 'Pass', Parameters: { 'u.$': '$modelUrll' }, End: true } });
    assert.deepEqual(variableFindings(jsonpath), [['$modelUrll', 'warning', '$modelUrll is not assigned by any state of this machine: did you mean $modelUrl?']]);
    const jsonata = sm({ A: { Type: 'Pass', Assign: { threshold: 0.5 }, Next: 'C' }, C: { Type: 'Choice', Choices: [{ Condition: '{% $states.input.auc > $treshold %}', Next: 'D' }], Default: 'D' }, D: { Type: 'Succeed' } }, { QueryLanguage: 'JSONata' });
    assert.deepEqual(variableFindings(jsonata).map(([at, , message]) => [at, message]), [['$treshold', '$treshold is not assigned by any state of this machine: did you mean $threshold?']]);
    const text = JSON.stringify(jsonata, null, 2);
    const d = doc(text);
    const p = service.validate(d).find((f) => f.code === 'asl-unknown-variable')!;
    const actions = service.getCodeActions(d, { start: d.positionAt(p.offset), end: d.positionAt(p.offset) });
    assert.deepEqual(actions.map((a) => [a.title, a.isPreferred ?? false]), [['Change to $threshold', false]]);
    assert.match(TextDocument.applyEdits(d, actions[0].edit!.changes![d.uri]), /\$states\.input\.auc > \$threshold %\}/);
  });

  test('assigned nowhere: the message as before', () => {
    assert.deepEqual(variableFindings(sm({ P: { Type: 'Pass', Parameters: { 'x.$': '$nowhere' }, End: true } })), [
      ['$nowhere', 'warning', '$nowhere is not assigned by any state of this machine: set it with Assign in an earlier state'],
    ]);
  });
});

describe('a function name joined into text', () => {
  test("'arn:' & $partition: the function, which & makes empty, unless a state assigns $partition", () => {
    const arn = "{% 'arn:' & $partition & ':s3:::bucket' %}";
    assert.deepEqual(variableFindings(sm({ P: { Type: 'Pass', Output: arn, End: true } }, { QueryLanguage: 'JSONata' })), [
      ['$partition', 'warning', "$partition is the function partition, not a variable: joined into text with & it is empty ($partition is Step Functions' function that splits an array, not the AWS partition)"],
    ]);
    const assigned = sm({ A: { Type: 'Pass', Assign: { partition: 'aws' }, Next: 'P' }, P: { Type: 'Pass', Output: arn, End: true } }, { QueryLanguage: 'JSONata' });
    assert.deepEqual(variableFindings(assigned), []);
    // Passed as a function, or called: no finding.
    assert.deepEqual(variableFindings(sm({ P: { Type: 'Pass', Output: '{% $map($states.input.xs, $uppercase) & $string($partition([1, 2], 1)) %}', End: true } }, { QueryLanguage: 'JSONata' })), []);
  });
});

describe('many variables at once (hostile23: the analysis was a walk per variable, quadratic)', () => {
  test('a chain of 2,000 states, each assigning one variable and reading the one before or the one after', () => {
    const chain = (offset: number) => {
      const states: Record<string, unknown> = {};
      for (let i = 0; i < 2000; i++) states[`P${i}`] = { Type: 'Pass', Assign: { [`v${i}`]: i }, Output: `{% $v${Math.min(1999, Math.max(0, i + offset))} %}`, ...(i < 1999 ? { Next: `P${i + 1}` } : { End: true }) };
      return sm(states, { QueryLanguage: 'JSONata' });
    };
    const count = (machine: unknown) => findings(JSON.stringify(machine), { source: 'asl' }).filter((f) => f.code === 'asl-unknown-variable').length;
    // The one before: assigned by the state before (P0 reads its own, which arrives with the next state).
    assert.equal(count(chain(-1)), 1);
    // The one after (the last state its own): no path leads from its assigner back to the reader.
    assert.equal(count(chain(1)), 2000);
  });
});

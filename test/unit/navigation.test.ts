// Navigation between states: offsets in, offsets out. `at(text, needle, n)` is the offset inside the n-th
// occurrence of needle; `show(text, range)` is the text a range covers.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { parseTree } from 'jsonc-parser';
import { findDocumentSymbols, findStateDefinition, findStateReferences, renameState, stateHover, type StateSymbol } from '../../server/src/service/asl/navigation';
import { parseYaml } from '../../server/src/service/yaml/parseYaml';
import { parseDocument } from '../../server/src/service/documentStore';
import type { AstNode } from '../../server/src/service/core/types';

const TEXT = JSON.stringify({
  StartAt: 'Load',
  States: {
    Load: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Next: 'Fan', Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Failed' }] },
    Fan: { Type: 'Parallel', Next: 'Route', Branches: [
      { StartAt: 'Load', States: { Load: { Type: 'Pass', End: true } } },
      { StartAt: 'Each', States: { Each: { Type: 'Map', End: true, ItemProcessor: { StartAt: 'Wait', States: { Wait: { Type: 'Wait', Seconds: 1, End: true } } } } } },
    ] },
    Route: { Type: 'Choice', Choices: [{ Variable: '$.ok', BooleanEquals: true, Next: 'Done' }], Default: 'Failed' },
    Done: { Type: 'Succeed' },
    Failed: { Type: 'Fail', Error: 'E' },
  },
}, null, 2);
const root = parseTree(TEXT) as AstNode;

function at(text: string, needle: string, n = 1): number {
  let i = -1;
  for (let k = 0; k < n; k++) i = text.indexOf(needle, i + 1);
  assert.ok(i >= 0, `${needle} #${n} in the text`);
  return i + 1;
}
const show = (r: { offset: number; length: number } | undefined, text = TEXT) => r && text.slice(r.offset, r.offset + r.length);
const outline = (symbols: StateSymbol[]): unknown[] => symbols.map((s) => (s.children.length ? [s.name, s.detail, outline(s.children)] : [s.name, s.detail]));

describe('document symbols', () => {
  test('the states as a tree: Parallel by branch, Map with its states', () => {
    assert.deepEqual(outline(findDocumentSymbols(root)), [
      ['Load', 'Task'],
      ['Fan', 'Parallel', [['Branch 1', 'Branch 1', [['Load', 'Pass']]], ['Branch 2', 'Branch 2', [['Each', 'Map', [['Wait', 'Wait']]]]]]],
      ['Route', 'Choice'], ['Done', 'Succeed'], ['Failed', 'Fail'],
    ]);
  });
  test('range is the whole entry, selectionRange the name; kind follows the type', () => {
    const [load] = findDocumentSymbols(root);
    assert.equal(show(load.selectionRange), '"Load"');
    assert.ok(show(load.range)!.startsWith('"Load": {') && show(load.range)!.endsWith('}'));
    assert.equal(load.kind, 12);
  });
  test('a document that is not a state machine has no states', () => {
    assert.deepEqual(findDocumentSymbols(parseTree('[1, 2]') as AstNode), []);
  });
});

describe('go to definition', () => {
  test('from Next, StartAt, Default and a catcher\'s Next to the state\'s name', () => {
    const fanKey = TEXT.indexOf('"Fan": {');
    assert.equal(findStateDefinition(root, at(TEXT, '"Fan"'))!.offset, fanKey);
    const loadKey = TEXT.indexOf('"Load": {');
    assert.equal(findStateDefinition(root, at(TEXT, '"StartAt": "Load"') + 12)!.offset, loadKey);
    const failedKey = TEXT.indexOf('"Failed": {');
    assert.equal(findStateDefinition(root, at(TEXT, '"Next": "Failed"') + 10)!.offset, failedKey);
    assert.equal(findStateDefinition(root, at(TEXT, '"Default": "Failed"') + 12)!.offset, failedKey);
  });
  test('in a branch, to the branch\'s own state of that name', () => {
    const branchStart = at(TEXT, '"StartAt": "Load"', 2) + 12;
    const branchKey = TEXT.indexOf('"Load": {', TEXT.indexOf('"Load": {') + 1);
    assert.equal(findStateDefinition(root, branchStart)!.offset, branchKey);
  });
  test('nothing from a state\'s own name, another value, or a name that is no state', () => {
    assert.equal(findStateDefinition(root, TEXT.indexOf('"Done": {') + 1), undefined);
    assert.equal(findStateDefinition(root, at(TEXT, '"Task"')), undefined);
    const broken = JSON.stringify({ StartAt: 'Nope', States: { A: { Type: 'Succeed' } } });
    assert.equal(findStateDefinition(parseTree(broken) as AstNode, at(broken, '"Nope"')), undefined);
  });
});

describe('references', () => {
  test('from a state\'s name: its name, then every place that names it', () => {
    const refs = findStateReferences(root, TEXT.indexOf('"Failed": {') + 1);
    assert.deepEqual(refs.map((r) => [show(r), TEXT.slice(0, r.offset).split('\n').length]), [
      ['"Failed"', TEXT.slice(0, TEXT.indexOf('"Failed": {')).split('\n').length],
      ['"Failed"', TEXT.slice(0, TEXT.indexOf('"Next": "Failed"')).split('\n').length],
      ['"Failed"', TEXT.slice(0, TEXT.indexOf('"Default": "Failed"')).split('\n').length],
    ]);
  });
  test('from a reference; without the declaration when asked', () => {
    assert.equal(findStateReferences(root, at(TEXT, '"Default": "Failed"') + 12, false).length, 2);
  });
  test('the outer Load and the branch\'s Load are different states', () => {
    assert.equal(findStateReferences(root, TEXT.indexOf('"Load": {') + 1).length, 2);
  });
});

describe('rename', () => {
  const parsed = parseDocument(TEXT, 'asl');
  test('the name and every reference in its machine, JSON-quoted', () => {
    const r = renameState(parsed, TEXT.indexOf('"Failed": {') + 1, 'Give "up"');
    assert.ok('edits' in r);
    assert.equal(r.edits.length, 3);
    assert.ok(r.edits.every((e) => e.newText === '"Give \\"up\\""' && show(e) === '"Failed"'));
  });
  test('only in the state\'s own machine', () => {
    const r = renameState(parsed, TEXT.indexOf('"Load": {') + 1, 'Fetch');
    assert.ok('edits' in r);
    assert.deepEqual(r.edits.map((e) => e.offset), [TEXT.indexOf('"Load": {'), TEXT.indexOf('"StartAt": "Load"') + 11]);
  });
  test('refused where the checks would refuse the name: taken anywhere in the machine, empty, over 80 characters (code points)', () => {
    assert.deepEqual(renameState(parsed, TEXT.indexOf('"Failed": {') + 1, 'Done'), { error: 'There is already a state named "Done": state names are unique in the whole state machine' });
    assert.ok('error' in renameState(parsed, at(TEXT, '"Task"'), 'X'));
    // A name a branch uses is taken at the top level too (DUPLICATE_STATE_NAME).
    const nested = parseDocument(JSON.stringify({ StartAt: 'P', States: { P: { Type: 'Parallel', Branches: [{ StartAt: 'A', States: { A: { Type: 'Succeed' } } }], Next: 'B' }, B: { Type: 'Succeed' } } }), 'asl');
    assert.deepEqual(renameState(nested, nested.text.indexOf('"B":') + 1, 'A'), { error: 'There is already a state named "A" in "P": state names are unique in the whole state machine' });
    assert.deepEqual(renameState(nested, nested.text.indexOf('"B":') + 1, ''), { error: 'A state name cannot be empty' });
    // 41 emoji are 82 UTF-16 units but 41 characters, as the specification counts them.
    assert.ok('edits' in renameState(nested, nested.text.indexOf('"B":') + 1, '🚀'.repeat(41)));
    assert.deepEqual(renameState(nested, nested.text.indexOf('"B":') + 1, 'x'.repeat(81)), { error: 'A state name has at most 80 characters' });
  });
  test('YAML: names written as YAML needs them, quoted only where they must be', () => {
    const yaml = 'StartAt: First\nStates:\n  First:\n    Type: Pass\n    Next: Last\n  Last:\n    Type: Succeed\n';
    const r = renameState(parseYaml(yaml), yaml.indexOf('Last:') + 1, 'No way, [x]');
    assert.ok('edits' in r);
    assert.deepEqual(r.edits.map((e) => [yaml.slice(e.offset, e.offset + e.length), e.newText]), [['Last', 'No way, [x]'], ['Last', 'No way, [x]']]);
    const plain = renameState(parseYaml(yaml), yaml.indexOf('Last:') + 1, 'Final');
    assert.ok('edits' in plain);
    assert.deepEqual(plain.edits.map((e) => e.newText), ['Final', 'Final']);
  });
});

describe('hover on a state name', () => {
  const text = JSON.stringify({
    StartAt: 'Train',
    States: {
      Train: { Type: 'Task', Comment: 'Fits the model', Resource: 'arn:aws:states:::sagemaker:createTrainingJob.sync', Parameters: {}, Next: 'Check', Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Failed' }] },
      Check: { Type: 'Choice', Choices: [{ Variable: '$.ok', BooleanEquals: true, Next: 'Done' }], Default: 'Failed' },
      Done: { Type: 'Succeed' },
      Failed: { Type: 'Fail' },
    },
  }, null, 2);
  const hover = (needle: string, nth = 0) => {
    let at = -1;
    for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
    return stateHover(parseDocument(text, 'asl'), at + 2)?.markdown;
  };
  test('its key and every name of it: the type, what it calls, its Comment, where it goes, how often it is named', () => {
    const train = '**Train** · Task state\n\nResource: `arn:aws:states:::sagemaker:createTrainingJob.sync`\n\nFits the model\n\nNext: `Check` · on error: `Failed`\n\nNamed in 1 place';
    assert.equal(hover('"Train"', 0), train);
    assert.equal(hover('"Train"', 1), train);
    assert.equal(hover('"Check"', 1), '**Check** · Choice state\n\nNext: `Done`, `Failed`\n\nNamed in 1 place');
    assert.equal(hover('"Failed"', 0), '**Failed** · Fail state\n\nEnds the execution\n\nNamed in 2 places');
  });
  test('a name no state has, or a string that names no state: nothing', () => {
    assert.equal(stateHover(parseDocument(text.replace('"Next": "Check"', '"Next": "Chek"'), 'asl'), text.indexOf('"Next": "Check"') + 10), null);
    assert.equal(hover('"Fits the model"'), undefined);
  });
});

test("a 5,000-character state name is cut in its middle in the hover, in its title and where it is a Next (walk39)", () => {
  const name = `Long${'x'.repeat(5000)}`;
  const text = JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Pass', Next: name }, [name]: { Type: 'Succeed' } } }, null, 2);
  const parsed = parseDocument(text, 'asl');
  const short = `Long${'x'.repeat(56)}…${'x'.repeat(20)}`;
  assert.equal(stateHover(parsed, text.indexOf('"A":') + 1)!.markdown, `**A** · Pass state\n\nNext: \`${short}\`\n\nNamed in 1 place`);
  assert.ok(stateHover(parsed, text.lastIndexOf('"Long') + 1)!.markdown.startsWith(`**${short}** · Succeed state`));
});

test("a state's Comment in its hover is the document's text: a link, image, HTML or heading in it is shown, not followed (hostile23)", () => {
  const text = JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Pass', Comment: '![x](https://evil.example/t.png) [run](command:workbench.action.terminal.sendSequence) <img src=x>\n# Heading', End: true } } }, null, 2);
  const parsed = parseDocument(text, 'asl');
  const h = stateHover(parsed, text.indexOf('"A":') + 1)!;
  const comment = h.markdown.split('\n\n')[1];
  assert.equal(comment, '\\!\\[x\\]\\(https\\:\\/\\/evil\\.example\\/t\\.png\\) \\[run\\]\\(command\\:workbench\\.action\\.terminal\\.sendSequence\\) \\<img src\\=x\\> \\# Heading');
});

test("a state's Resource and its Next in its hover are code, whatever they hold: a blank line or backticks do not end the code span (review sec37)", () => {
  const text = JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Task', Resource: 'arn:x`\n\n![x](https://evil.example/t.png)', Next: 'B``c' }, 'B``c': { Type: 'Succeed' } } }, null, 2);
  const h = stateHover(parseDocument(text, 'asl'), text.indexOf('"A":') + 1)!;
  assert.ok(h.markdown.includes('Resource: ``arn:x` ![x](https://evil.example/t.png)``'), h.markdown);
  assert.ok(h.markdown.includes('Next: ```B``c```'), h.markdown);
});

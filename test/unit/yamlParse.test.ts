import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTree } from 'jsonc-parser';
import { parse as parseYamlValue } from 'yaml';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../../server/src/service/languageService';
import { parseYamlDocument } from '../../server/src/service/yaml/parseYaml';
import type { AstNode } from '../../server/src/service/core/types';
import { checkParents, plain } from './trees';

/** Every node in document order: its type, the source text it spans, and a scalar's value. */
function spans(text: string): string[] {
  const { root, syntaxErrors } = parseYamlDocument(text);
  assert.deepEqual(syntaxErrors, []);
  const out: string[] = [];
  const visit = (n: AstNode) => {
    const src = JSON.stringify(text.slice(n.offset, n.offset + n.length));
    out.push(n.children ? `${n.type} ${src}` : `${n.type} ${src} = ${JSON.stringify(n.value)}`);
    n.children?.forEach(visit);
  };
  if (root) {
    checkParents(root);
    visit(root);
  }
  return out;
}

function toValue(n: AstNode): unknown {
  if (n.type === 'object') return Object.fromEntries(n.children!.map((p) => [p.children![0].value, p.children![1] ? toValue(p.children![1]) : null]));
  if (n.type === 'array') return n.children!.map(toValue);
  return n.value;
}

const CORPUS = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'corpus');

test('a block mapping: the object spans its keys, a property spans key … value, colonOffset at the colon', () => {
  const text = 'StartAt: Train\nStates: {}\n';
  assert.deepEqual(plain(parseYamlDocument(text).root), {
    type: 'object', offset: 0, length: 25, value: undefined, colonOffset: undefined,
    children: [
      {
        type: 'property', offset: 0, length: 14, value: undefined, colonOffset: 7,
        children: [
          { type: 'string', offset: 0, length: 7, value: 'StartAt', colonOffset: undefined, children: undefined },
          { type: 'string', offset: 9, length: 5, value: 'Train', colonOffset: undefined, children: undefined },
        ],
      },
      {
        type: 'property', offset: 15, length: 10, value: undefined, colonOffset: 21,
        children: [
          { type: 'string', offset: 15, length: 6, value: 'States', colonOffset: undefined, children: undefined },
          { type: 'object', offset: 23, length: 2, value: undefined, colonOffset: undefined, children: [] },
        ],
      },
    ],
  });
});

test('scalars: plain, quoted (quotes included), YAML 1.2 core types', () => {
  assert.deepEqual(spans('a: plain text\nb: "dq \\" x"\nc: \'sq \'\' x\'\nd: 42\ne: -1.5e3\nf: true\ng: null\nh: ~\ni: 0x1F'), [
    'object "a: plain text\\nb: \\"dq \\\\\\" x\\"\\nc: \'sq \'\' x\'\\nd: 42\\ne: -1.5e3\\nf: true\\ng: null\\nh: ~\\ni: 0x1F"',
    'property "a: plain text"', 'string "a" = "a"', 'string "plain text" = "plain text"',
    'property "b: \\"dq \\\\\\" x\\""', 'string "b" = "b"', 'string "\\"dq \\\\\\" x\\"" = "dq \\" x"',
    'property "c: \'sq \'\' x\'"', 'string "c" = "c"', 'string "\'sq \'\' x\'" = "sq \' x"',
    'property "d: 42"', 'string "d" = "d"', 'number "42" = 42',
    'property "e: -1.5e3"', 'string "e" = "e"', 'number "-1.5e3" = -1500',
    'property "f: true"', 'string "f" = "f"', 'boolean "true" = true',
    'property "g: null"', 'string "g" = "g"', 'null "null" = null',
    'property "h: ~"', 'string "h" = "h"', 'null "~" = null',
    'property "i: 0x1F"', 'string "i" = "i"', 'number "0x1F" = 31',
  ]);
});

test('YAML 1.2, not 1.1: Yes, No, on, off stay strings (state names Yes/No work)', () => {
  const text = 'StartAt: Yes\nStates:\n  Yes: {Type: Pass, Next: No}\n  No: {Type: Succeed}\nx: [on, off, y, n]';
  const { root } = parseYamlDocument(text);
  assert.deepEqual(toValue(root!), {
    StartAt: 'Yes',
    States: { Yes: { Type: 'Pass', Next: 'No' }, No: { Type: 'Succeed' } },
    x: ['on', 'off', 'y', 'n'],
  });
  const states = root!.children![1].children![1];
  assert.deepEqual(states.children!.map((p) => p.children![0].type), ['string', 'string']);
});

test('keys that look like numbers or booleans are string keys', () => {
  assert.deepEqual(spans('200: ok\ntrue: x'), [
    'object "200: ok\\ntrue: x"',
    'property "200: ok"', 'string "200" = "200"', 'string "ok" = "ok"',
    'property "true: x"', 'string "true" = "true"', 'string "x" = "x"',
  ]);
});

test('a null key (null, ~, an empty explicit key) is the name "null", as js-yaml and PyYAML convert it to JSON; other keys their text', () => {
  assert.deepEqual(toValue(parseYamlDocument('null: 1\n').root!), { null: 1 });
  assert.deepEqual(toValue(parseYamlDocument('~: 1\n').root!), { null: 1 });
  assert.deepEqual(toValue(parseYamlDocument('? \n: 1\n').root!), { null: 1 });
  assert.deepEqual(toValue(parseYamlDocument('a: &k ~\n*k : 2\n').root!), { a: null, null: 2 });
  assert.deepEqual(toValue(parseYamlDocument('true: 1\n1: 2\n1.5: 3\n').root!), { true: 1, 1: 2, '1.5': 3 });
});

test('block scalars span the whole block, up to its last character', () => {
  assert.deepEqual(spans('a: |\n  line 1\n  line 2\n\nb: >-\n  folded\n  text\n'), [
    'object "a: |\\n  line 1\\n  line 2\\n\\nb: >-\\n  folded\\n  text"',
    'property "a: |\\n  line 1\\n  line 2"', 'string "a" = "a"', 'string "|\\n  line 1\\n  line 2" = "line 1\\nline 2\\n"',
    'property "b: >-\\n  folded\\n  text"', 'string "b" = "b"', 'string ">-\\n  folded\\n  text" = "folded text"',
  ]);
});

test('block and flow sequences, nested mappings', () => {
  assert.deepEqual(spans('Choices:\n  - Variable: $.x\n    Next: A\n  - [1, "b"]\n'), [
    'object "Choices:\\n  - Variable: $.x\\n    Next: A\\n  - [1, \\"b\\"]"',
    'property "Choices:\\n  - Variable: $.x\\n    Next: A\\n  - [1, \\"b\\"]"', 'string "Choices" = "Choices"',
    'array "- Variable: $.x\\n    Next: A\\n  - [1, \\"b\\"]"',
    'object "Variable: $.x\\n    Next: A"',
    'property "Variable: $.x"', 'string "Variable" = "Variable"', 'string "$.x" = "$.x"',
    'property "Next: A"', 'string "Next" = "Next"', 'string "A" = "A"',
    'array "[1, \\"b\\"]"', 'number "1" = 1', 'string "\\"b\\"" = "b"',
  ]);
});

test('a key with nothing after the colon: its value is null (as in YAML), an empty node right after the colon', () => {
  const { root } = parseYamlDocument('End:\nNext: A');
  assert.deepEqual(plain(root!.children![0]), {
    type: 'property', offset: 0, length: 4, value: undefined, colonOffset: 3,
    children: [
      { type: 'string', offset: 0, length: 3, value: 'End', colonOffset: undefined, children: undefined },
      { type: 'null', offset: 4, length: 0, value: null, colonOffset: undefined, children: undefined },
    ],
  });
  assert.deepEqual(toValue(parseYamlDocument('a:\n  b:\n  c: [x, ]\nd: {e: }').root!), { a: { b: null, c: ['x'] }, d: { e: null } });
});

test('anchors and aliases: the alias has the anchored value, at the alias', () => {
  assert.deepEqual(spans('base: &cfg {InstanceCount: 1}\ncopy: *cfg\nname: &n x\nsame: *n'), [
    'object "base: &cfg {InstanceCount: 1}\\ncopy: *cfg\\nname: &n x\\nsame: *n"',
    'property "base: &cfg {InstanceCount: 1}"', 'string "base" = "base"',
    'object "{InstanceCount: 1}"', 'property "InstanceCount: 1"', 'string "InstanceCount" = "InstanceCount"', 'number "1" = 1',
    'property "copy: *cfg"', 'string "copy" = "copy"',
    'object "*cfg"', 'property "*cfg"', 'string "*cfg" = "InstanceCount"', 'number "*cfg" = 1',
    'property "name: &n x"', 'string "name" = "name"', 'string "x" = "x"',
    'property "same: *n"', 'string "same" = "same"', 'string "*n" = "x"',
  ]);
});

test('an alias inside its own anchor, and merge keys, do not loop or crash', () => {
  // The cycle is cut where it closes: the inner alias reads as null.
  assert.deepEqual(toValue(parseYamlDocument('a: &a [*a]').root!), { a: [[null]] });
});

test('merge keys (<<): the merged members the mapping does not set itself, placed at the << entry', () => {
  const text = 'base: &b {InstanceCount: 1, InstanceType: ml.m5.large}\nmine:\n  <<: *b\n  InstanceCount: 2';
  const { root } = parseYamlDocument(text);
  assert.deepEqual(toValue(root!), { base: { InstanceCount: 1, InstanceType: 'ml.m5.large' }, mine: { InstanceType: 'ml.m5.large', InstanceCount: 2 } });
  const mine = root!.children![1].children![1];
  assert.deepEqual(mine.children!.map((p) => text.slice(p.offset, p.offset + p.length)), ['<<: *b', 'InstanceCount: 2']);
  checkParents(root!);
  // Several sources: the first one wins; a quoted "<<" is an ordinary key.
  assert.deepEqual(toValue(parseYamlDocument('a: &a {x: 1}\nb: &b {x: 2, y: 2}\nc: {<<: [*a, *b]}\nd: {"<<": 1}').root!), {
    a: { x: 1 }, b: { x: 2, y: 2 }, c: { x: 1, y: 2 }, d: { '<<': 1 },
  });
  assert.deepEqual(toValue(parseYamlDocument('a: {<<: 5}').root!), { a: {} });
});

test('aliases that would expand to millions of nodes: one warning, the rest read as null and not judged', () => {
  let text = 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n';
  for (let i = 1; i <= 7; i++) text += `a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]\n`;
  const { root, syntaxErrors } = parseYamlDocument(text);
  assert.equal(root?.type, 'object');
  assert.deepEqual(syntaxErrors.map((p) => [p.code, p.severity]), [['too-large', 'warning']]);
  // The tree there is can still be worked with: a state machine beside such aliases keeps its tasks, lenses and outline.
  const machine = 'StartAt: Train\nStates:\n  Train:\n    Type: Task\n    Resource: arn:aws:states:::sagemaker:createTrainingJob\n    Parameters:\n      TrainingJobName: x\n    End: true\n';
  const service = getLanguageService();
  const doc = TextDocument.create('file:///aliases.asl.yaml', 'asl-yaml', 1, machine + text);
  assert.deepEqual([service.findTasks(doc).length, service.getCodeLenses(doc).length, service.findDocumentSymbols(doc).length], [1, 1, 1]);
  // An alias past the budget is no null to judge (walk39: "HyperParameters value of "lol" must be a string, not a
  // null" on what stood for a list); the same value written out is.
  const request = (lol: string) => `${text}StartAt: Train\nStates:\n  Train:\n    Type: Task\n    Resource: arn:aws:states:::sagemaker:createTrainingJob\n    Parameters:\n      HyperParameters:\n        lol: ${lol}\n    End: true\n`;
  const findings = (t: string) => service.validate(TextDocument.create('file:///bomb.asl.yaml', 'asl-yaml', 1, t)).filter((p) => /lol/.test(p.message)).length;
  assert.equal(findings(request('*a7')), 0);
  assert.equal(findings(request('null')), 1);
});

test('a duplicate key (two states of the same name) is a warning at the second one, whose value the tree keeps (as CloudFormation and PyYAML read it)', () => {
  const text = 'States:\n  A: {Type: Pass, End: true}\n  B: 1\n  A: {Type: Succeed}\n';
  const { root, syntaxErrors, readWarnings } = parseYamlDocument(text);
  assert.deepEqual(syntaxErrors, []);
  assert.deepEqual(readWarnings!.map((p) => [p.code, p.severity, text.slice(p.offset, p.offset + p.length)]), [['duplicate-key', 'warning', 'A']]);
  assert.match(readWarnings![0].message, /^"A" appears twice in this mapping: .*CloudFormation and the SAM CLI keep the last one/);
  assert.deepEqual(toValue(root!), { States: { B: 1, A: { Type: 'Succeed' } } });
  // An empty key has no text: its ":" stands for it.
  const empty = 'P:\n  : 1\n  : 2\n';
  assert.deepEqual(parseYamlDocument(empty).readWarnings!.map((p) => [p.offset, p.length]), [[empty.lastIndexOf(':'), 1]]);
  // Three times: each later one said, the last kept; an alias to a mapping with a repeated key says it once.
  const thrice = 'a: 1\na: 2\na: 3\n';
  assert.deepEqual([parseYamlDocument(thrice).readWarnings!.length, toValue(parseYamlDocument(thrice).root!)], [2, { a: 3 }]);
  // Two merge keys: said as such (readers disagree on what they merge), not as a value the last one gives.
  assert.match(parseYamlDocument('a: &a {k: 1}\nb: &b {k: 2}\nc:\n  <<: *a\n  <<: *b\n').readWarnings![0].message, /^A second merge key \(<<\)/);
  const aliased = 'x: &m {k: 1, k: 2}\ny: *m\nz: *m\n';
  assert.deepEqual([parseYamlDocument(aliased).readWarnings!.length, toValue(parseYamlDocument(aliased).root!)], [1, { x: { k: 2 }, y: { k: 2 }, z: { k: 2 } }]);
});

test('.nan keys are never duplicates (NaN is no value equal to itself, as the yaml package compares)', () => {
  assert.deepEqual(parseYamlDocument('a:\n  .nan: 1\n  .NaN: 2\n'), parseYamlDocument('a:\n  .nan: 1\n  .NaN: 2\n'));
  assert.equal(parseYamlDocument('a:\n  .nan: 1\n  .NaN: 2\n').readWarnings, undefined);
});

test('one document of a stream is read: the first, or the first that holds anything; each other one is an error on its ---', () => {
  const other = (text: string) => parseYamlDocument(text).otherDocuments?.map((p) => [p.severity, p.code, text.slice(p.offset, p.offset + p.length)]);
  assert.deepEqual(toValue(parseYamlDocument('a: 1\n---\nb: 2\n').root!), { a: 1 });
  assert.deepEqual(other('a: 1\n---\nb: 2\n'), [['error', 'multiple-documents', '---']]);
  assert.deepEqual(toValue(parseYamlDocument('---\na: 1\n...\n').root!), { a: 1 });
  assert.deepEqual(toValue(parseYamlDocument('---\na: 1\n...\n# c\n').root!), { a: 1 });
  assert.equal(other('---\na: 1\n...\n# c\n'), undefined);
  // An empty first document (comments only) is passed over: the machine after it is read.
  assert.deepEqual(toValue(parseYamlDocument('---\n---\na: 1\n').root!), { a: 1 });
  assert.deepEqual(other('---\n---\na: 1\n'), [['error', 'multiple-documents', '---']]);
  assert.equal(parseYamlDocument('---\n---\na: 1\n').otherDocuments![0].offset, 0);
  assert.deepEqual(toValue(parseYamlDocument('# c\n---\n# only\n---\na: 1\n').root!), { a: 1 });
  // A trailing empty one, and one after `...` without ---: its first line.
  assert.deepEqual(other('a: 1\n---\n'), [['error', 'multiple-documents', '---']]);
  assert.deepEqual(other('a: 1\n...\nb: 2\n'), [['error', 'multiple-documents', 'b: 2']]);
  // `~` alone is a document that holds null, not an empty one.
  assert.equal(toValue(parseYamlDocument('~\n---\na: 1\n').root!), null);
});

test('an empty document or only comments: no tree, no error', () => {
  assert.deepEqual(parseYamlDocument(''), { root: undefined, syntaxErrors: [] });
  assert.deepEqual(parseYamlDocument('# nothing yet\n'), { root: undefined, syntaxErrors: [] });
});

test('a syntax error: one problem at the first error, and the rest of the tree is still there', () => {
  const text = 'StartAt: A\nStates:\n  A:\n    Type: Pass\n    Next: [B\n  B: {Type: Succeed}\n  C: "x\n';
  const { root, syntaxErrors } = parseYamlDocument(text);
  assert.equal(syntaxErrors.length, 1);
  const [p] = syntaxErrors;
  assert.deepEqual([p.source, p.code, p.severity], ['yaml', 'syntax', 'error']);
  assert.match(p.message, /^YAML syntax error: /);
  assert.ok(p.offset >= text.indexOf('[B') && p.offset <= text.indexOf('B: {'), `${p.offset}: ${p.message}`);
  assert.equal(toValue(root!.children![0].children![1]), 'A');
});

test('a flow mapping or sequence never closed: the error underlines the line of its opening bracket, not only the next key', () => {
  for (const [open, close] of [['{ InstanceCount: 4, InstanceType: ml.c4.8xlarge', '}'], ['[ a, b', ']']]) {
    const text = `Parameters:\n  ResourceConfig: ${open}\n  HyperParameters:\n    mode: batch\n`;
    const { syntaxErrors } = parseYamlDocument(text);
    assert.equal(syntaxErrors.length, 1);
    const [p] = syntaxErrors;
    assert.equal(text.slice(p.offset, p.offset + p.length), open);
    assert.match(p.message, new RegExp(`^YAML syntax error: .*: the \\${open[0]} here is not closed$`));
    assert.ok(p.message.includes(`end with a ${close}`), p.message);
  }
});

test('a flow collection closed left of its content, as CloudFormation and the SAM CLI read it: no error, every offset the text\'s', () => {
  const text = 'Resources:\n  Key:\n    Properties:\n      KeyPolicy: {\n        "Version": "2012-10-17",\n        "Ids": [\n          1\n      ]\n    }\n  After:\n    Type: X\n';
  const { root, syntaxErrors } = parseYamlDocument(text);
  assert.deepEqual(syntaxErrors, []);
  assert.deepEqual(toValue(root!), { Resources: { Key: { Properties: { KeyPolicy: { Version: '2012-10-17', Ids: [1] } } }, After: { Type: 'X' } } });
  checkParents(root!);
  const after = root!.children![0].children![1].children![1].children![0];
  assert.equal(text.slice(after.offset, after.offset + after.length), 'After');
  // Each re-read mends the bracket the yaml package stopped at: more than a few in one template too.
  const keys = Array.from({ length: 6 }, (_, i) => `  K${i}:\n    P: {\n      "x": ${i}\n  }\n`).join('');
  const many = parseYamlDocument(`R:\n${keys}  After: 1\n`);
  assert.deepEqual(many.syntaxErrors, []);
  assert.deepEqual(toValue(many.root!), { R: { K0: { P: { x: 0 } }, K1: { P: { x: 1 } }, K2: { P: { x: 2 } }, K3: { P: { x: 3 } }, K4: { P: { x: 4 } }, K5: { P: { x: 5 } }, After: 1 } });
  // A comment at the end of the line before would swallow the bracket: the error stays.
  assert.equal(parseYamlDocument('A:\n  B: {\n    "x": 1 # one\n}\n').syntaxErrors.length, 1);
  // The collection goes on after the bracket (`}, !Ref AWS::NoValue]`, aws-lambda-power-tuning's template).
  const vpc = 'F:\n  VpcConfig: !If [UseVpc, {\n    SubnetIds: [subnet-1]\n  }, !Ref AWS::NoValue]\nG: 1\n';
  const joined = parseYamlDocument(vpc);
  assert.deepEqual(joined.syntaxErrors, []);
  assert.deepEqual(toValue(joined.root!), { F: { VpcConfig: ['UseVpc', { SubnetIds: ['subnet-1'] }, 'AWS::NoValue'] }, G: 1 });
  // A key on the line after an unclosed bracket is a real mistake: not joined.
  assert.equal(parseYamlDocument('A: [1, 2\nB: 3\n').syntaxErrors.length, 1);
});

test('a quoted string continued at its key\'s indentation, as CloudFormation, the SAM CLI and js-yaml read it: no error, every offset the text\'s', () => {
  // clean38: leilaale/awsLearning deploys this through SAM's DefinitionUri.
  const text = "P:\n  Result:\n    prompt: 'Given the transcript,\n    keep the language.'\n    other: \"a\n    b \\\" c\"\n    third: 'it''s\n    fine' # ok\n  Next: Bad\n";
  const { root, syntaxErrors } = parseYamlDocument(text);
  assert.deepEqual(syntaxErrors, []);
  assert.deepEqual(toValue(root!), { P: { Result: { prompt: 'Given the transcript, keep the language.', other: 'a b " c', third: "it's fine" }, Next: 'Bad' } });
  checkParents(root!);
  const next = root!.children![0].children![1].children![1].children![0];
  assert.equal(text.slice(next.offset, next.offset + next.length), 'Next');
  const prompt = root!.children![0].children![1].children![0].children![1].children![0].children![1];
  assert.equal(text.slice(prompt.offset, prompt.offset + prompt.length), "'Given the transcript,\n    keep the language.'");
  // After a tag (fp43: an AWS Solution's template, !Sub "… Credentials\n(${AWS::Region})" at its key's indentation).
  const tagged = 'Mail:\n  Subject: !Sub "Console Credentials\n  (${AWS::Region})"\n  Body: &b !Join\n    - x\n';
  const read = parseYamlDocument(tagged);
  assert.deepEqual(read.syntaxErrors, []);
  assert.deepEqual(toValue(read.root!), { Mail: { Subject: 'Console Credentials (${AWS::Region})', Body: ['x'] } });
  checkParents(read.root!);
  // A key with & or ! inside keeps its colon (the review of the day: `Q&A:` lost it and the mend with it).
  for (const key of ['Q&A', 'Hi!']) assert.deepEqual(parseYamlDocument(`M:\n  ${key}: "first line\n  second line"\n  N: 1\n`).syntaxErrors, [], key);
  // A quote never closed (the next lines are keys) stays an error.
  assert.equal(parseYamlDocument("A:\n  b: 'Given\n  c: 'x'\n").syntaxErrors.length, 1);
  assert.equal(parseYamlDocument("A:\n  b: 'Given\nc: 1\n").syntaxErrors.length, 1);
});

test('a half-typed key (no colon yet) under a mapping: one error on that line, the siblings are kept', () => {
  const text = 'ResourceConfig:\n  InstanceCount: 1\n  Inst\n';
  const { root, syntaxErrors } = parseYamlDocument(text);
  assert.equal(syntaxErrors.length, 1);
  assert.equal(syntaxErrors[0].offset, text.indexOf('Inst\n'));
  assert.deepEqual(toValue(root!.children![0].children![1].children![0]), undefined);
  assert.equal(root!.children![0].children![1].children![0].children![0].value, 'InstanceCount');
});

test('an error at the end of the text underlines at most to the end', () => {
  for (const text of ['a: "unclosed', 'a: [1, 2', 'a: {b: 1,', '- a\nb: 1']) {
    const { syntaxErrors } = parseYamlDocument(text);
    assert.equal(syntaxErrors.length, 1, text);
    assert.ok(syntaxErrors[0].offset + syntaxErrors[0].length <= text.length, `${text}: ${JSON.stringify(syntaxErrors[0])}`);
  }
});

test('100,000-deep nesting (flow, block sequences, indentation): one too-large warning, no stack overflow', () => {
  const deep = 100_000;
  for (const text of ['['.repeat(deep), '- '.repeat(deep) + 'a', '{a: '.repeat(deep) + '1' + '}'.repeat(deep), '? '.repeat(deep), Array.from({ length: 3_000 }, (_, i) => ' '.repeat(i) + 'a:').join('\n')]) {
    const { root, syntaxErrors } = parseYamlDocument(text);
    assert.equal(root, undefined);
    assert.deepEqual(syntaxErrors.map((p) => [p.code, p.severity, p.offset, p.length]), [['too-large', 'warning', 0, 1]]);
  }
  // 400 levels are fine.
  assert.equal(parseYamlDocument('['.repeat(400) + ']'.repeat(400)).root?.type, 'array');
  assert.equal(parseYamlDocument('- '.repeat(400) + 'a').root?.type, 'array');
  // 100,000-deep single-pair mappings in flow sequences, and the same written across lines.
  for (const text of ['[a: '.repeat(deep), '[a:\n'.repeat(deep)]) assert.deepEqual(parseYamlDocument(text).syntaxErrors.map((p) => p.code), ['too-large']);
});

test('misindented lines the parser nests one inside the other (5 and 7 spaces in turn) are the syntax error they are, not "too deep" (hostile23)', () => {
  for (const lines of [2_000, 50_000]) {
    const text = 'StartAt: A\nStates:\n  A:\n    Type: Pass\n    Result:\n' + Array.from({ length: lines }, (_, i) => `${' '.repeat(i % 2 ? 7 : 5)}k${i}: 1\n`).join('') + '    End: true\n';
    const { root, syntaxErrors } = parseYamlDocument(text);
    assert.equal(root, undefined);
    // Where the parser first refuses it: the second line of the Result mapping, indented deeper than the first.
    const at = text.indexOf('       k1');
    assert.deepEqual(syntaxErrors.map((p) => [p.code, p.severity, p.message]), [['syntax', 'error', 'YAML syntax error: Nested mappings are not allowed in compact mappings']], String(lines));
    assert.ok(syntaxErrors[0].offset >= text.indexOf('k0') && syntaxErrors[0].offset <= at + 10, `${lines}: ${syntaxErrors[0].offset}`);
  }
});

test('a valid document the parser nests too deep, whose first lines end inside a flow collection or a quoted string: too deep, no syntax error at the cut (review25)', () => {
  // A sequence at its key's indentation nests without indenting: 300 levels of it are 600 for the parser.
  const deep = 'k0:\n' + Array.from({ length: 300 }, (_, i) => `${'  '.repeat(i)}- k${i + 1}:\n`).join('') + `${'  '.repeat(300)}  v: 1\n`;
  const flow = 'L: [\n' + Array.from({ length: 600 }, (_, i) => `  ${i},\n`).join('') + ']\n';
  const quoted = 'Q: "a\n' + Array.from({ length: 600 }, (_, i) => `  w${i}\n`).join('') + '  end"\n';
  // A flow mapping closed under its key, as CloudFormation templates write it (mended as the whole document is).
  const closedUnderKey = 'X:\n  M: {\n' + Array.from({ length: 600 }, (_, i) => `    a${i}: ${i},\n`).join('') + '  }\n';
  for (const text of [deep, flow + deep, quoted + deep, closedUnderKey + deep]) {
    assert.deepEqual(parseYamlDocument(text).syntaxErrors.map((p) => [p.code, p.severity]), [['too-large', 'warning']]);
  }
});

test('more than 100,000 items in flow collections: one too-large warning before the parse (1 MB of [,,,…] took 8 s and 1 GB; hostile23)', () => {
  for (const text of [`Result: [${','.repeat(1_000_000)}]\n`, `A: [${Array(60_000).fill('1').join(', ')}]\nB: {${Array.from({ length: 60_000 }, (_, i) => `k${i}: 1`).join(', ')}}\n`]) {
    const { root, syntaxErrors } = parseYamlDocument(text);
    assert.equal(root, undefined);
    assert.deepEqual(syntaxErrors.map((p) => [p.code, p.severity, p.message]), [['too-large', 'warning', 'This YAML document has more than 100,000 items in flow collections ([…] or {…}); it is not validated']]);
  }
  // Commas outside brackets (plain scalars, quoted ones, comments) are no flow items.
  const prose = `Comment: ${'a, '.repeat(60_000)}\nNote: "${'b, '.repeat(60_000)}"\n# ${'c, '.repeat(60_000)}\nList: [1, 2]\n`;
  assert.equal(parseYamlDocument(prose).root?.type, 'object');
  // A bracket inside a plain scalar opens nothing: the commas of the block document after it are no flow items (review25).
  const block = `Comment: see range [0, 1) or {x\nList: !If [c, [1, 2]]\n${Array.from({ length: 35_000 }, (_, i) => `K${i}: a, b, c, d\n`).join('')}`;
  const { root, syntaxErrors } = parseYamlDocument(block);
  assert.deepEqual(syntaxErrors, []);
  assert.deepEqual((toValue(root!) as { List: unknown }).List, ['c', [1, 2]]);
});

test('wide is not deep: a 2,000-key flow mapping, a plain scalar with 2,000 " - ", a 2,000-pair flow sequence are read', () => {
  const pairs = Array.from({ length: 2_000 }, (_, i) => `K${i}: ${i}`);
  for (const [text, value] of [
    [`Result: {${pairs.join(', ')}}\n`, { Result: Object.fromEntries(pairs.map((_, i) => [`K${i}`, i])) }],
    [`Comment: ${Array.from({ length: 2_000 }, (_, i) => i).join(' - ')}\nA: 1\n`, { Comment: Array.from({ length: 2_000 }, (_, i) => i).join(' - '), A: 1 }],
    [`L: [${pairs.join(', ')}]\n`, { L: pairs.map((_, i) => ({ [`K${i}`]: i })) }],
  ] as const) {
    const { root, syntaxErrors } = parseYamlDocument(text);
    assert.deepEqual(syntaxErrors, []);
    assert.deepEqual(toValue(root!), value);
  }
});

test('every JSON file of the corpus (JSON is YAML): the same tree as jsonc-parser, offsets included', () => {
  let n = 0;
  for (const f of readdirSync(CORPUS).filter((f) => f.endsWith('.json'))) {
    const text = readFileSync(join(CORPUS, f), 'utf8');
    const { root, syntaxErrors } = parseYamlDocument(text);
    assert.deepEqual(syntaxErrors, [], f);
    assert.deepEqual(plain(root), plain(parseTree(text)), f);
    n++;
  }
  assert.ok(n > 300);
});

test('every YAML file of the corpus: no syntax error, and the values of YAML.parse (1.2 core, merge keys)', () => {
  let n = 0;
  for (const f of readdirSync(CORPUS).filter((f) => /\.ya?ml$/.test(f))) {
    const text = readFileSync(join(CORPUS, f), 'utf8');
    const { root, syntaxErrors } = parseYamlDocument(text);
    assert.deepEqual(syntaxErrors, [], f);
    checkParents(root!);
    assert.deepEqual(toValue(root!), parseYamlValue(text, { version: '1.2', schema: 'core', merge: true }), f);
    n++;
  }
  assert.ok(n >= 15);
});

test('lone carriage returns are line breaks (YAML 1.2, old Mac files): the same tree as with LF, at the same offsets', () => {
  const lf = 'StartAt: A\nStates:\n  A:\n    Type: Pass\n    Result: |\n      two\n      lines\n    End: true\n';
  const cr = lf.replace(/\n/g, '\r');
  const a = parseYamlDocument(lf), b = parseYamlDocument(cr);
  assert.deepEqual(b.syntaxErrors, []);
  assert.deepEqual(plain(b.root), plain(a.root));
  assert.deepEqual(toValue(b.root!), { StartAt: 'A', States: { A: { Type: 'Pass', Result: 'two\nlines\n', End: true } } });
});

test('an alias with no anchor before it is a syntax error, where it is; an alias as a key is its anchor\'s scalar', () => {
  const undefinedAlias = 'StartAt: A\nStates:\n  A:\n    Type: Pass\n    Result: *nope\n    End: true\n';
  assert.deepEqual(parseYamlDocument(undefinedAlias).syntaxErrors.map((p) => [p.message, undefinedAlias.slice(p.offset, p.offset + p.length)]), [['YAML syntax error: Aliased anchor not found: nope', '*nope']]);
  const aliasKey = 'StartAt: &first Train\nStates:\n  *first :\n    Type: Pass\n    End: true\n';
  const { root, syntaxErrors } = parseYamlDocument(aliasKey);
  assert.deepEqual(syntaxErrors, []);
  assert.deepEqual(toValue(root!), { StartAt: 'Train', States: { Train: { Type: 'Pass', End: true } } });
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getYamlCompletionContext } from '../../server/src/service/yaml/completionContext';

/** The location at ‸, reduced to what a reader checks: path, key or value, the text under the cursor. */
function at(marked: string) {
  const offset = marked.indexOf('‸');
  const text = marked.replace('‸', '');
  const loc = getYamlCompletionContext(text, offset);
  if (!loc) return undefined;
  const out: Record<string, unknown> = { path: loc.path, key: loc.isAtPropertyKey };
  if (loc.currentKey) out.currentKey = text.slice(loc.currentKey.offset, loc.currentKey.offset + loc.currentKey.length);
  if (loc.previousNode) out.node = `${loc.previousNode.type} ${text.slice(loc.previousNode.offset, loc.previousNode.offset + loc.previousNode.length)}`;
  if (loc.hasColon) out.hasColon = true;
  if (loc.scalarPath) out.scalarPath = loc.scalarPath;
  if (loc.flow) out.flow = true;
  out.indent = loc.indent;
  return out;
}

const TASK = `StartAt: Train
States:
  Train:
    Type: Task
    Resource: arn:aws:states:::sagemaker:createTrainingJob.sync
    Parameters:
      ResourceConfig:
`;

test('a key being typed alone on a line under a mapping key (the parser reads it as a value)', () => {
  assert.deepEqual(at(TASK + '        Inst‸'), {
    path: ['States', 'Train', 'Parameters', 'ResourceConfig', 'Inst'],
    key: true,
    currentKey: 'Inst',
    node: 'property Inst',
    scalarPath: ['States', 'Train', 'Parameters', 'ResourceConfig'],
    indent: 8,
  });
});

test('a key being typed among siblings, before and after them', () => {
  assert.deepEqual(at(TASK + '        InstanceCount: 1\n        Inst‸\n        VolumeSizeInGB: 10\n'), {
    path: ['States', 'Train', 'Parameters', 'ResourceConfig', 'Inst'],
    key: true,
    currentKey: 'Inst',
    node: 'property Inst',
    indent: 8,
  });
  assert.deepEqual(at(TASK + '        Vol‸\n        InstanceCount: 1\n')?.path, ['States', 'Train', 'Parameters', 'ResourceConfig', 'Vol']);
});

test('a key with its colon and no value yet: the cursor after the colon is at the value', () => {
  assert.deepEqual(at(TASK + '        InstanceType: ‸'), {
    path: ['States', 'Train', 'Parameters', 'ResourceConfig', 'InstanceType'],
    key: false,
    indent: 8,
  });
  assert.deepEqual(at(TASK + '        InstanceType: ml.m5‸\n        InstanceCount: 1'), {
    path: ['States', 'Train', 'Parameters', 'ResourceConfig', 'InstanceType'],
    key: false,
    node: 'string ml.m5',
    indent: 8,
  });
});

test('the cursor inside an existing key: the whole key, and the colon is already there', () => {
  assert.deepEqual(at(TASK + '        Instance‸Type: ml.m5.large\n'), {
    path: ['States', 'Train', 'Parameters', 'ResourceConfig', 'InstanceType'],
    key: true,
    currentKey: 'InstanceType',
    node: 'property InstanceType',
    hasColon: true,
    indent: 8,
  });
});

test('an empty line, indented inside a mapping: a new key at that level', () => {
  const doc = TASK + '        InstanceCount: 1\n';
  assert.deepEqual(at(doc + '        ‸'), { path: ['States', 'Train', 'Parameters', 'ResourceConfig', ''], key: true, currentKey: '', indent: 8 });
  // Less indented: a key of the task's Parameters, of the state, of the machine.
  assert.deepEqual(at(doc + '      ‸')?.path, ['States', 'Train', 'Parameters', '']);
  assert.deepEqual(at(doc + '    ‸')?.path, ['States', 'Train', '']);
  assert.deepEqual(at(doc + '‸')?.path, ['']);
  // An empty line between two keys.
  assert.deepEqual(at(TASK + '        InstanceCount: 1\n        ‸\n        VolumeSizeInGB: 10\n')?.path, ['States', 'Train', 'Parameters', 'ResourceConfig', '']);
});

test('the empty line right under `key:`: the first key of a new mapping', () => {
  assert.deepEqual(at(TASK + '        ‸'), { path: ['States', 'Train', 'Parameters', 'ResourceConfig', ''], key: true, currentKey: '', indent: 8 });
});

test('flow mappings and sequences: the entry after the last comma', () => {
  assert.deepEqual(at(TASK.replace('ResourceConfig:\n', 'ResourceConfig: { InstanceCount: 1, ‸ }\n')), {
    path: ['States', 'Train', 'Parameters', 'ResourceConfig', ''],
    key: true,
    currentKey: '',
    flow: true,
    indent: 22,
  });
  assert.deepEqual(at('a: { b: 1, Inst‸ }'), { path: ['a', 'Inst'], key: true, currentKey: 'Inst', node: 'property Inst', flow: true, indent: 3 });
  assert.deepEqual(at('a: { b: 1, c: tr‸ }'), { path: ['a', 'c'], key: false, node: 'string tr', flow: true, indent: 3 });
  assert.deepEqual(at('a: { "b": ‸'), { path: ['a', 'b'], key: false, flow: true, indent: 3 });
  assert.deepEqual(at('a: [x, ‸]'), { path: ['a', 1], key: false, flow: true, indent: 3 });
  assert.deepEqual(at('a: [x, {k: ‸}]'), { path: ['a', 1, 'k'], key: false, flow: true, indent: 7 });
});

test('sequences of mappings: a key of the current item, a new item', () => {
  const choices = 'Choices:\n  - Variable: $.x\n    Next: A\n';
  assert.deepEqual(at(choices + '    Bool‸'), { path: ['Choices', 0, 'Bool'], key: true, currentKey: 'Bool', node: 'property Bool', indent: 4 });
  assert.deepEqual(at(choices + '  - Vari‸'), {
    path: ['Choices', 1, 'Vari'],
    key: true,
    currentKey: 'Vari',
    node: 'property Vari',
    scalarPath: ['Choices', 1],
    indent: 4,
  });
  assert.deepEqual(at(choices + '  - Variable: $.y\n    Ne‸')?.path, ['Choices', 1, 'Ne']);
  assert.deepEqual(at(choices + '  - ‸')?.path, ['Choices', 1, '']);
  // Items at the key's own column (a common YAML style).
  assert.deepEqual(at('Catch:\n- ErrorEquals: [States.ALL]\n  Ne‸')?.path, ['Catch', 0, 'Ne']);
  // A `-` alone on its line, the item's mapping below it.
  assert.deepEqual(at('Entries:\n  -\n    Detail: x\n    Det‸')?.path, ['Entries', 0, 'Det']);
});

test('a scalar item being typed: the item, for the schema to read as a value', () => {
  assert.deepEqual(at('ErrorEquals:\n  - States.Timeout\n  - States.T‸'), {
    path: ['ErrorEquals', 1, 'States.T'],
    key: true,
    currentKey: 'States.T',
    node: 'property States.T',
    scalarPath: ['ErrorEquals', 1],
    indent: 4,
  });
});

test('quoted keys: the source text includes the quotes, the path the name', () => {
  assert.deepEqual(at('a:\n  "Inst‸"'), { path: ['a', 'Inst'], key: true, currentKey: '"Inst"', node: 'property "Inst"', scalarPath: ['a'], indent: 2 });
  assert.deepEqual(at("a:\n  'x''y': ‸"), { path: ['a', "x'y"], key: false, indent: 2 });
});

test('inside a block scalar or a multi-line value: a value, not a key', () => {
  assert.deepEqual(at('Comment: |\n  first line\n  sec‸ond\nStartAt: A'), { path: ['Comment'], key: false, node: 'string |\n  first line\n  second', indent: 2 });
});

test('in a comment, or in a later document: nothing', () => {
  assert.equal(at('a: 1 # note ‸'), undefined);
  assert.equal(at('# ‸'), undefined);
  assert.equal(at('a: 1\n---\nb‸'), undefined);
  assert.deepEqual(at('a: "# not a comment ‸"')?.path, ['a']);
  // A quote after `-` is inside a plain scalar (`-` is an indicator only before a space): the `#` starts a comment.
  assert.equal(at('a: x-"y # note ‸'), undefined);
  assert.equal(at('- x-"a # b‸'), undefined);
  assert.deepEqual(at('- "a # b‸"')?.path, [0, 'a # b']);
});

test('where two nodes hold the cursor: a value or a key takes the later, a flow collection the earlier', () => {
  // An empty key (zero long) ends where its value starts: the cursor is on the value.
  assert.deepEqual(at('{: 1‸}'), { path: [''], key: false, node: 'number 1', flow: true, indent: 0 });
  // A `{` left open runs to the next line's start, where `c` starts. At the line's start the cursor is still in the
  // `{` (its entry being typed); after `c:` it is at c's value.
  const open = 'a: [1, {b: 2\n';
  assert.deepEqual(at(open + '‸c: 3\n'), { path: ['a', 1, 'b'], key: false, flow: true, indent: 7 });
  assert.deepEqual(at(open + 'c: ‸3\n'), { path: ['c'], key: false, node: 'number 3', indent: 0 });
});

test('the copies an alias or a merge key brings share its span: the value under the cursor is the last copy', () => {
  assert.deepEqual(at('b: &a {x: 1, y: s}\nm: {k: *‸a}'), { path: ['m', 'k'], key: false, node: 'string *a', flow: true, indent: 3 });
  assert.deepEqual(at('b: &a {x: s, y: 1}\nm: {k: *‸a}'), { path: ['m', 'k'], key: false, node: 'number *a', flow: true, indent: 3 });
  // `<<:` and its alias on the next line: the merged members span both lines, as a multi-line value would.
  assert.deepEqual(at('base: &a\n  x: 1\n  y: s\nm:\n  <<:\n‸    *a\n'), { path: ['m', 'y'], key: false, node: 'string <<:\n    *a', indent: 4 });
});

test('an unclosed `{` that yaml ends before the members it holds: only its span is looked in, as by nodeAt everywhere', () => {
  // yaml ends the root `{` where the second `{` starts, while its members run on. The tree walks used to look
  // below a root that does not hold the cursor, and read this line as inside the multi-line key `{e: f\n    g: h`
  // (path ['a', '1 b', 0], a value); now the line's own text decides.
  const text = '{a: 1\nb:\n  - c: d\n    {e: f\n';
  assert.deepEqual(at(text + '‸    g: h\n'), { path: ['g'], key: true, currentKey: 'g', node: 'property g', hasColon: true, indent: 4 });
  assert.deepEqual(at(text + '    g: ‸h\n'), { path: ['g'], key: false, indent: 4 });
});

test('Windows line ends and tabs after the key do not change the answer', () => {
  assert.deepEqual(at('a:\r\n  b: 1\r\n  c‸\r\n')?.path, ['a', 'c']);
});

test('every key and value of the corpus YAML files: the location names it (cursor in the middle of it)', async () => {
  const { readdirSync, readFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { parseYamlDocument } = await import('../../server/src/service/yaml/parseYaml');
  const { pathOf } = await import('../../server/src/service/yaml/completionContext');
  const dir = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'corpus');
  let keys = 0, values = 0;
  for (const f of readdirSync(dir).filter((f) => /\.ya?ml$/.test(f))) {
    const text = readFileSync(join(dir, f), 'utf8');
    const { root } = parseYamlDocument(text);
    const stack = [root!];
    while (stack.length) {
      const n = stack.pop()!;
      stack.push(...(n.children ?? []));
      if (n.type !== 'property') continue;
      const [k, v] = n.children!;
      // Past its first character: at a key's start a new member goes before it (a one-letter key: after it).
      const mid = k.offset + Math.max(1, Math.floor(k.length / 2));
      const atKey = getYamlCompletionContext(text, mid, root);
      const expected = [...(v ? pathOf(v) : [...pathOf(n.parent!), k.value])];
      assert.deepEqual([atKey?.path, atKey?.isAtPropertyKey], [expected, true], `${f}: key ${k.value} at ${mid}`);
      keys++;
      // Scalar values on the key's line.
      if (v && !v.children && text.slice(k.offset, v.offset).indexOf('\n') < 0 && v.length > 1 && !/^[|>]/.test(text.slice(v.offset))) {
        const at = getYamlCompletionContext(text, v.offset + 1, root);
        assert.deepEqual([at?.path, at?.isAtPropertyKey, at?.previousNode], [pathOf(v), false, v], `${f}: value of ${k.value} at ${v.offset + 1}`);
        values++;
      }
    }
  }
  assert.ok(keys > 1000 && values > 500, `${keys} keys, ${values} values`);
});

test('any offset of a mutated document: an answer or undefined, never an exception', () => {
  const text = TASK + '        InstanceCount: 1\n        Inst\n      Tags: [{Key: a, Value: b}, {Ke\n    Next: "Yes\n  Yes: {Type: Succeed}\n# end\n';
  for (let cut = 0; cut <= text.length; cut += 7) {
    const t = text.slice(0, cut);
    for (let offset = 0; offset <= t.length; offset++) {
      const loc = getYamlCompletionContext(t, offset);
      if (loc) assert.ok(Array.isArray(loc.path) && loc.path.every((s) => typeof s === 'string' || (Number.isInteger(s) && s >= 0)), JSON.stringify(loc.path));
    }
  }
});

test('a key being typed: its path, and the key as a property node (as jsonc-parser\'s getLocation gives it)', () => {
  const text = 'a:\n  bc: 1\n  de';
  const loc = getYamlCompletionContext(text, text.length);
  assert.deepEqual([loc?.path, loc?.isAtPropertyKey, loc?.previousNode], [['a', 'de'], true, { type: 'property', offset: 13, length: 2, value: 'de' }]);
  assert.deepEqual(getYamlCompletionContext('a: 1 # x', 8)?.path ?? [], []);
});

// The helpers JSON and YAML edits share (core/edits.ts, core/text.ts's lines), the member removal each language
// builds on them, and core/tree.ts's nodeAt with its two end rules and two tie rules, and nodesAt.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { findNodeAtOffset, parseTree } from 'jsonc-parser';
import { eolOf, indentUnit, removeDelimitedMember } from '../../server/src/service/core/edits';
import { column, lineEnd, lineStart, nextLineStart } from '../../server/src/service/core/text';
import { nodeAt, nodesAt } from '../../server/src/service/core/tree';
import type { AstNode, OffsetEdit } from '../../server/src/service/core/types';
import { jsonRemoveMember } from '../../server/src/service/json/edits';
import { parseJson } from '../../server/src/service/json/parse';
import { yamlInsertMembers, yamlRemoveMember } from '../../server/src/service/yaml/edits';
import { parseYamlDocument } from '../../server/src/service/yaml/parseYaml';

const apply = (text: string, e: OffsetEdit | undefined) => (e ? text.slice(0, e.offset) + e.newText + text.slice(e.offset + e.length) : text);

/** The property named `key` anywhere in the tree (the first, depth first). */
function propertyNamed(root: AstNode, key: string): AstNode {
  const stack = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'property' && n.children?.[0]?.value === key) return n;
    stack.push(...[...(n.children ?? [])].reverse());
  }
  throw new Error(`no ${key}`);
}

test('lines: where one starts and ends (before \\r\\n), where the next starts, and a column', () => {
  const text = 'ab\r\ncd\nef';
  assert.deepEqual([0, 1, 2, 4, 5, 7, 9].map((o) => lineStart(text, o)), [0, 0, 0, 4, 4, 7, 7]);
  assert.deepEqual([0, 4, 7].map((o) => lineEnd(text, o)), [2, 6, 9]);
  assert.deepEqual([0, 4, 7].map((o) => nextLineStart(text, o)), [4, 7, 9]);
  assert.deepEqual([0, 5, 9].map((o) => column(text, o)), [0, 1, 2]);
});

test('the line break a document uses', () => {
  assert.equal(eolOf('a\nb\r\nc'), '\r\n');
  assert.equal(eolOf('a\nb'), '\n');
  assert.equal(eolOf('a'), '\n');
  assert.equal(eolOf('a\rb\rc'), '\r');
  assert.equal(eolOf('a\rb\nc'), '\n');
});

test('lines end at \\r\\n, \\n or a lone \\r, as LSP counts them', () => {
  const text = 'ab\rcd\r\nef\ngh';
  assert.deepEqual([1, 4, 8, 11].map((o) => lineStart(text, o)), [0, 3, 7, 10]);
  assert.deepEqual([1, 4, 8, 11].map((o) => lineEnd(text, o)), [2, 5, 9, 12]);
  assert.deepEqual([1, 4, 8, 11].map((o) => nextLineStart(text, o)), [3, 7, 10, 12]);
});

test('the indentation step: the smallest indentation, 2 spaces when none, a tab in JSON only', () => {
  assert.equal(indentUnit('{\n    "a": {\n        "b": 1\n    }\n}', 'json'), '    ');
  assert.equal(indentUnit('{"a": 1}', 'json'), '  ');
  assert.equal(indentUnit('{\n\t"a": 1\n}', 'json'), '\t');
  // YAML never indents with tabs: a line starting with one is inside a block scalar.
  assert.equal(indentUnit('a: |\n\tx\nb:\n   c: 1\n', 'yaml'), '   ');
});

test('the indentation step is read from the first 20,000 characters, for a quick fix as for a completion', () => {
  // The quick fixes' YAML version read the whole text (2 here), completion's the head (4): one document, two steps.
  const head = 'A:\n' + Array.from({ length: 2000 }, (_, i) => `    k${i}: 1\n`).join('');
  const text = head + 'B:\n  c: 1\n';
  assert.ok(head.length > 20_000);
  assert.equal(indentUnit(text, 'yaml'), '    ');
  const a = parseYamlDocument(text).root!.children![0].children![1];
  const after = apply(text, yamlInsertMembers(text, a, [['Q', { M: 1 }]]));
  assert.equal(after.slice(head.length - 11), '  k1999: 1\n    Q:\n        M: 1\nB:\n  c: 1\n');
});

test('removing a member between commas: the comma before the next member, or after the previous one; an only member leaves {}', () => {
  const text = '{"a": 1, "b": {"c": 2}, "d": 3}';
  const root = parseJson(text, true).root!;
  assert.equal(apply(text, jsonRemoveMember(propertyNamed(root, 'a'))), '{"b": {"c": 2}, "d": 3}');
  assert.equal(apply(text, jsonRemoveMember(propertyNamed(root, 'd'))), '{"a": 1, "b": {"c": 2}}');
  assert.equal(apply(text, jsonRemoveMember(propertyNamed(root, 'c'))), '{"a": 1, "b": {}, "d": 3}');
  assert.equal(removeDelimitedMember({ type: 'property', offset: 0, length: 1 }), undefined);
});

test('removing a YAML member: its lines in a block mapping, up to the dash after `- `, with its comma in braces', () => {
  const text = 'A:\n  b: 1 # one\n  c:\n    d: 2\nL:\n  - e: 3\n    f: 4\n  - g: 5\nF: { h: 6, i: 7 }\n';
  const root = parseYamlDocument(text).root!;
  const remove = (key: string) => apply(text, yamlRemoveMember(text, propertyNamed(root, key)));
  assert.equal(remove('b'), text.replace('  b: 1 # one\n', ''));
  assert.equal(remove('c'), text.replace('  c:\n    d: 2\n', ''));
  assert.equal(remove('e'), text.replace('  - e: 3\n    f: 4', '  - f: 4'));
  assert.equal(remove('g'), text.replace('- g: 5', '- {}'));
  assert.equal(remove('h'), text.replace('{ h: 6, i: 7 }', '{ i: 7 }'));
  assert.equal(remove('i'), text.replace('{ h: 6, i: 7 }', '{ h: 6 }'));
});

test('removing the last member of a YAML block mapping under a key leaves the key {}, as JSON does, not a null', () => {
  const one = (text: string, key: string) => apply(text, yamlRemoveMember(text, propertyNamed(parseYamlDocument(text).root!, key)));
  const text = 'A:\n  c:\n    d:\n      e: 2\n  g: 3\n';
  assert.equal(one(text, 'd'), 'A:\n  c: {}\n  g: 3\n');
  assert.equal(one(text, 'e'), 'A:\n  c:\n    d: {}\n  g: 3\n');
  // After an anchor or a tag on the key's line, before its comment; Windows line ends kept.
  assert.equal(one('c: &x # note\r\n  d: 1\r\ne: 2\r\n', 'd'), 'c: &x {} # note\r\ne: 2\r\n');
  assert.equal(one('c: !Foo\n  d: 1\n', 'd'), 'c: !Foo {}\n');
  // In a sequence item the item itself becomes {} (as before); a mapping's other members are left alone.
  assert.equal(one('L:\n  - e: 3\n', 'e'), 'L:\n  - {}\n');
  assert.equal(one(text, 'g'), 'A:\n  c:\n    d:\n      e: 2\n');
});

test('nodeAt: a cursor just after a token is on it; a node looked up by its start is not the sibling ending there', () => {
  const node = (text: string, offset: number, end?: 'inclusive' | 'exclusive') => {
    const n = nodeAt(parseJson(text, true).root, offset, end && { end });
    return n && `${n.type} ${text.slice(n.offset, n.offset + n.length)}`;
  };
  const text = '{"a":1,"b":[2,3]}';
  assert.equal(node(text, 4), 'string "a"'); // `"a"|:` is at the key
  assert.equal(node(text, 4, 'exclusive'), 'property "a":1');
  assert.equal(node(text, 13), 'number 2');
  assert.equal(node(text, 13, 'exclusive'), 'array [2,3]');
  assert.equal(node(text, 17), 'object {"a":1,"b":[2,3]}');
  assert.equal(node(text, 17, 'exclusive'), undefined);
  // A comma missing: `1` ends where `"b"` starts. The cursor there is on `1`; the node starting there is `"b"`.
  const broken = '{"a":1"b":2}';
  assert.equal(node(broken, 6), 'number 1');
  assert.equal(node(broken, 6, 'exclusive'), 'string "b"');
});

test('nodeAt with the end included finds what jsonc-parser\'s findNodeAtOffset(…, true) finds, at every offset', () => {
  fc.assert(
    fc.property(fc.json({ maxDepth: 4 }), (json) => {
      const text = JSON.stringify(JSON.parse(json), null, 1);
      const ours = parseJson(text, true).root!;
      const theirs = parseTree(text)!;
      for (let offset = 0; offset <= text.length + 1; offset++) {
        const a = nodeAt(ours, offset);
        const b = findNodeAtOffset(theirs, offset, true);
        assert.deepEqual(a && [a.type, a.offset, a.length], b && [b.type, b.offset, b.length], `at ${offset} of ${text}`);
      }
    }),
    { numRuns: 300 },
  );
});

test('nodeAt on members that share one span (a YAML merge key places each merged member at `<<: *a`): the first', () => {
  const text = 'base: &a\n  p: 1\n  q: 2\nm:\n  <<: *a\n  r: 3\n';
  const m = parseYamlDocument(text).root!.children![1].children![1];
  const at = text.indexOf('<<') + 1;
  for (const end of ['inclusive', 'exclusive'] as const) {
    const n = nodeAt(m, at, { end })!;
    assert.equal(n.parent?.children?.[0]?.value ?? n.value, 'p');
  }
});

test("nodeAt with tie: 'last': the later of two siblings that both hold the offset", () => {
  const node = (root: AstNode | undefined, text: string, offset: number) => {
    const n = nodeAt(root, offset, { tie: 'last' });
    return n && `${n.type} ${text.slice(n.offset, n.offset + n.length)}`;
  };
  // Touching: `1` ends where `"b"` starts (the first rule gives `number 1`, above).
  const broken = '{"a":1"b":2}';
  assert.equal(node(parseJson(broken, true).root, broken, 6), 'string "b"');
  // An empty YAML key (zero long) where its value starts: the value.
  const emptyKey = '{: 1}';
  assert.equal(node(parseYamlDocument(emptyKey).root, emptyKey, 3), 'number 1');
  // A `{` left open ends at the next line's start, where the next entry starts: that entry.
  const open = 'a: [1, {b: 2\nc: 3\n';
  assert.equal(node(parseYamlDocument(open).root, open, open.indexOf('c')), 'string c');
  assert.equal(nodeAt(parseYamlDocument(open).root, open.indexOf('c'))?.type, 'object');
  // Merged members sharing one span: the last one merged.
  const merged = 'base: &a\n  p: 1\n  q: 2\nm:\n  <<: *a\n  r: 3\n';
  const m = parseYamlDocument(merged).root!.children![1].children![1];
  for (const end of ['inclusive', 'exclusive'] as const) {
    const n = nodeAt(m, merged.indexOf('<<') + 1, { end, tie: 'last' })!;
    assert.equal(n.parent?.children?.[0]?.value ?? n.value, 'q');
  }
});

test('nodesAt: the nodes on nodeAt\'s way down, innermost first, up to the root it is given', () => {
  const text = '{"a":[1,2]}';
  const root = parseJson(text, true).root!;
  const two = text.indexOf('2');
  assert.deepEqual(nodesAt(root, two).map((n) => n.type), ['number', 'array', 'property', 'object']);
  const array = root.children![0].children![1];
  assert.deepEqual(nodesAt(array, two).map((n) => n.type), ['number', 'array']);
  assert.deepEqual(nodesAt(array, 1), []);
  assert.deepEqual(nodesAt(undefined, 0), []);
  assert.equal(nodesAt(root, two, { end: 'exclusive' })[0].type, 'number');
  assert.equal(nodesAt(root, two + 1, { end: 'exclusive' })[0].type, 'array');
});

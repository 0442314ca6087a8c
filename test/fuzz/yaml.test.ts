// The YAML reader on its own (server/src/service/yaml/): on any text it answers without throwing, with a tree
// whose every node lies inside the text and knows its parent; and since JSON is YAML, on strict JSON it builds
// exactly jsonc-parser's tree (the JSON side's), so every feature reads both alike.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseTree, type Node } from 'jsonc-parser';
import { parseYamlDocument } from '../../server/src/service/yaml/parseYaml';
import type { AstNode } from '../../server/src/service/core/types';
import { apply, check, fuzzParams, mutation, serialize, stateMachine, Tally } from './generators';

/** Every node inside the text, children pointing back at their parent; no recursion (trees may be deep). */
function assertWellFormed(root: AstNode | undefined, length: number) {
  const stack: [AstNode, AstNode | undefined][] = root ? [[root, undefined]] : [];
  while (stack.length) {
    const [node, parent] = stack.pop()!;
    assert.ok(node.offset >= 0 && node.length >= 0 && node.offset + node.length <= length, `${node.type} node [${node.offset}, +${node.length}] inside ${length}`);
    assert.equal(node.parent, parent, `${node.type} node at ${node.offset} knows its parent`);
    if (node.type === 'property') {
      assert.ok(node.children!.length >= 1 && node.children!.length <= 2 && node.children![0].type === 'string', `property at ${node.offset}: [key, value?]`);
    }
    for (const c of node.children ?? []) stack.push([c, node]);
  }
}

/** The parts of a tree both parsers promise: type, offset, length, value, colonOffset, children. */
function shape(node: Node | AstNode | undefined): unknown {
  if (!node) return undefined;
  return {
    type: node.type,
    offset: node.offset,
    length: node.length,
    value: node.type === 'object' || node.type === 'array' || node.type === 'property' ? undefined : node.value,
    colonOffset: node.colonOffset,
    children: node.children?.map(shape),
  };
}

test('YAML reader: mutated YAML and JSON state machines — never throws, every node inside the text', (t) => {
  const tally = new Tally();
  const params = fuzzParams('yaml reader', 200);
  t.diagnostic(`seed ${params.seed}, ${params.numRuns} runs`);
  check(
    fc.property(fc.gen(), (g) => {
      let text = serialize(g, stateMachine(g), g(fc.constantFrom, 'yaml', 'yaml', 'json'));
      for (let i = g(fc.integer, { min: 0, max: 4 }); i > 0; i--) {
        const m = mutation(g, text);
        tally.add(`mutation:${m.kind}`);
        text = apply(text, m);
      }
      const { root, syntaxErrors } = parseYamlDocument(text);
      tally.add('documents');
      tally.add(syntaxErrors.length ? `finding:${syntaxErrors[0].code}` : 'clean');
      assert.ok(syntaxErrors.length <= 1);
      for (const p of syntaxErrors) assert.ok(p.offset >= 0 && p.length >= 0 && p.offset + p.length <= text.length, JSON.stringify(p));
      assertWellFormed(root, text.length);
    }),
    params,
  );
  t.diagnostic(tally.toString());
});

test('YAML reader: on strict JSON it builds exactly the tree jsonc-parser builds', (t) => {
  const tally = new Tally();
  const params = fuzzParams('yaml reader on json', 200);
  t.diagnostic(`seed ${params.seed}, ${params.numRuns} runs`);
  check(
    fc.property(fc.gen(), (g) => {
      const text = serialize(g, stateMachine(g), 'json');
      const yaml = parseYamlDocument(text);
      tally.add('documents');
      assert.deepEqual(yaml.syntaxErrors, [], 'strict JSON is valid YAML');
      assert.deepEqual(shape(yaml.root), shape(parseTree(text)), text.slice(0, 3000));
    }),
    params,
  );
  t.diagnostic(tally.toString());
});

// The YAML reader on its own (server/src/service/yaml/): on any text it answers without throwing, with a tree
// whose every node lies inside the text and knows its parent; and since JSON is YAML, on strict JSON it builds
// exactly jsonc-parser's tree (the JSON side's), so every feature reads both alike.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseTree, type Node } from 'jsonc-parser';
import { stringify as stringifyYaml } from 'yaml';
import { parseYamlDocument } from '../../server/src/service/yaml/parseYaml';
import { readsAs, stringSource } from '../../server/src/service/core/stringSource';
import { isEscapedJsonString, sourceOffset } from '../../server/src/service/expressions/index';
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

test('where a scalar\'s characters are written (core/stringSource.ts): every style the yaml package writes, at any indentation and line width, reads as the parser\'s value, each character at its place', (t) => {
  const tally = new Tally();
  const params = fuzzParams('string source', 300);
  t.diagnostic(`seed ${params.seed}, ${params.numRuns} runs`);
  const styles = ['PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL', 'BLOCK_FOLDED'] as const;
  const words = fc.array(fc.oneof(fc.constantFrom(' ', '  ', '\n', '\n\n', '\t', '\r', '\r\n', '"', "'", '\\', '#', ': ', '{%', '%}', '$.a', 'é', '😀', '\u2028'), fc.string({ maxLength: 12 })), { maxLength: 14 });
  check(
    fc.property(words, fc.constantFrom(...styles), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 12, max: 80 }), (parts, style, depth, lineWidth) => {
      const value = parts.join('');
      let doc: unknown = value;
      for (let i = 0; i < depth; i++) doc = { [`k${i}`]: doc };
      const text = stringifyYaml(doc, { defaultStringType: style, lineWidth, minContentWidth: 8 });
      const { root } = parseYamlDocument(text);
      const stack = root ? [root] : [];
      while (stack.length) {
        const n = stack.pop()!;
        stack.push(...(n.children ?? []));
        if (n.type !== 'string' || n.value !== value) continue;
        const raw = text.slice(n.offset, n.offset + n.length);
        const source = stringSource(raw);
        const read = source.value;
        tally.add(`style:${raw[0] === '"' ? 'double' : raw[0] === "'" ? 'single' : raw[0] === '|' ? 'literal' : raw[0] === '>' ? 'folded' : 'plain'}`);
        // An indentation indicator counts from the parent's indentation, which the scalar's text does not show:
        // when every line is indented further, the reading differs from the value (stringSource's comment says
        // what each caller then does).
        const agrees = readsAs(source, value);
        if (!agrees && /^[|>][+-]?[1-9]/.test(raw)) {
          tally.add('indicator with every line deeper');
          continue;
        }
        assert.ok(agrees, `${JSON.stringify(text)} reads as ${JSON.stringify(read)}`);
        // A plain scalar written \"…\" is read by sourceOffset as a JSON string inside a JSON string (a template's
        // escaped DefinitionString), which its text cannot tell apart.
        if (isEscapedJsonString(raw)) continue;
        for (let k = 0; k < read.length; k++) {
          const at = sourceOffset(raw, k);
          if (/\s/.test(value[k]) || raw[at] === '\\' || (raw[0] === "'" && value[k] === "'")) continue;
          assert.equal(raw[at], value[k], `${JSON.stringify(text)} at ${k}`);
        }
      }
    }),
    params,
  );
  t.diagnostic(tally.toString());
});

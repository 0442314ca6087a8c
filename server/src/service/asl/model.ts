// The machines of a state machine document (the top level, every Parallel branch, every Map ItemProcessor/Iterator)
// with their states by name and every place a state is named (StartAt, Next, Default, Choices[].Next, Catch[].Next).
// Built once, iteratively (no JS recursion: nesting depth is the user's), in time linear in the document.
import { property, propertyNode, stringValue, type QueryLanguage } from '../stateMachine';
import type { AstNode } from '../types';

export type MachineKind = 'top' | 'branch' | 'map';

export interface AslState {
  name: string;
  keyNode: AstNode;
  /** The `property` node (key + value) of the state in `States`. */
  propertyNode: AstNode;
  node: AstNode;
  type: string | undefined;
  queryLanguage: QueryLanguage;
  machine: AslMachine;
  /** Sub-machines of a Parallel (branches, in order) or Map state. */
  children: AslMachine[];
}

/** A string node that names a state of `machine`. */
export interface StateReference {
  node: AstNode;
  name: string;
  /** StartAt, Next, Default, or Catch (a catcher's Next). */
  field: 'StartAt' | 'Next' | 'Default' | 'Catch';
  machine: AslMachine;
}

export interface AslMachine {
  kind: MachineKind;
  /** The object holding StartAt and States. */
  node: AstNode;
  states: AslState[];
  /** First state of each name (a duplicate key is the parser's finding, not ours). */
  byName: Map<string, AslState>;
  queryLanguage: QueryLanguage;
  /** The state this machine belongs to, undefined at the top level. */
  owner: AslState | undefined;
  references: StateReference[];
}

export interface AslModel {
  machines: AslMachine[];
  states: AslState[];
}

export function queryLanguageOf(node: AstNode | undefined, inherited: QueryLanguage): QueryLanguage {
  const q = stringValue(property(node, 'QueryLanguage'));
  return q === 'JSONata' || q === 'JSONPath' ? q : inherited;
}

function addReference(m: AslMachine, node: AstNode | undefined, field: StateReference['field']) {
  if (node?.type === 'string') m.references.push({ node, name: node.value as string, field, machine: m });
}

export function buildModel(root: AstNode | undefined): AslModel {
  const model: AslModel = { machines: [], states: [] };
  if (root?.type !== 'object') return model;
  const stack: { node: AstNode; kind: MachineKind; ql: QueryLanguage; owner: AslState | undefined; into?: AslMachine[] }[] = [
    { node: root, kind: 'top', ql: queryLanguageOf(root, 'JSONPath'), owner: undefined },
  ];
  while (stack.length) {
    const { node, kind, ql, owner, into } = stack.pop()!;
    const m: AslMachine = { kind, node, states: [], byName: new Map(), queryLanguage: ql, owner, references: [] };
    model.machines.push(m);
    into?.push(m);
    addReference(m, property(node, 'StartAt'), 'StartAt');
    const statesNode = property(node, 'States');
    const pending: typeof stack = [];
    for (const p of statesNode?.type === 'object' ? statesNode.children ?? [] : []) {
      const [keyNode, value] = p.children ?? [];
      if (keyNode?.type !== 'string' || !value) continue;
      const type = stringValue(property(value, 'Type'));
      const s: AslState = { name: keyNode.value as string, keyNode, propertyNode: p, node: value, type, queryLanguage: queryLanguageOf(value, ql), machine: m, children: [] };
      m.states.push(s);
      model.states.push(s);
      if (!m.byName.has(s.name)) m.byName.set(s.name, s);
      addReference(m, property(value, 'Next'), 'Next');
      if (type === 'Choice') {
        addReference(m, property(value, 'Default'), 'Default');
        const choices = property(value, 'Choices');
        if (choices?.type === 'array') for (const rule of choices.children ?? []) addReference(m, property(rule, 'Next'), 'Next');
      }
      const catchers = property(value, 'Catch');
      if (catchers?.type === 'array') for (const c of catchers.children ?? []) addReference(m, property(c, 'Next'), 'Catch');
      if (type === 'Parallel') {
        const branches = property(value, 'Branches');
        if (branches?.type === 'array')
          for (const b of branches.children ?? []) if (b.type === 'object') pending.push({ node: b, kind: 'branch', ql: queryLanguageOf(b, s.queryLanguage), owner: s, into: s.children });
      } else if (type === 'Map' || type === undefined) {
        for (const key of ['ItemProcessor', 'Iterator']) {
          const sub = property(value, key);
          if (sub?.type === 'object') pending.push({ node: sub, kind: 'map', ql: queryLanguageOf(sub, s.queryLanguage), owner: s, into: s.children });
        }
      }
    }
    for (let i = pending.length - 1; i >= 0; i--) stack.push(pending[i]);
  }
  return model;
}

/** The innermost node of `root`'s tree whose span contains `offset` (ends inclusive), iteratively. */
export function nodeAt(root: AstNode | undefined, offset: number): AstNode | undefined {
  if (!root || offset < root.offset || offset > root.offset + root.length) return undefined;
  let node: AstNode = root;
  for (;;) {
    const next: AstNode | undefined = node.children?.find((c) => offset >= c.offset && offset <= c.offset + c.length);
    if (!next) return node;
    node = next;
  }
}

export { property, propertyNode, stringValue };

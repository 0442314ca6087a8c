// THE model of a state machine document: the machines (the top level, every Parallel branch, every Map
// ItemProcessor/Iterator) with their states by name, each state's query language, and every place a state is
// named (StartAt, Next, Default, Choices[].Next, Catch[].Next). Structure checks, navigation, the graph, the data
// flow and the SageMaker task filter all read this one model. Built once per parse (modelOf), iteratively (no JS
// recursion: nesting depth is the user's), in time linear in the document.
import { editDistance, quote } from '../core/text';
import { keyOfValue, property, propertyNode, stringValue } from '../core/tree';
import type { AstNode, ParsedDocument } from '../core/types';
import { MAP_MACHINE_FIELDS, STATE_TYPES, SUB_MACHINE_FIELDS } from './fields';

export type QueryLanguage = 'JSONPath' | 'JSONata';

export type MachineKind = 'top' | 'branch' | 'map';

export interface AslState {
  name: string;
  keyNode: AstNode;
  /** The `property` node (key + value) of the state in `States`. */
  propertyNode: AstNode;
  node: AstNode;
  type: string | undefined;
  /** The query language in force for this state: its own QueryLanguage, else its machine's, else JSONPath. */
  queryLanguage: QueryLanguage;
  machine: AslMachine;
  /** Sub-machines of a Parallel (branches, in order) or Map state. */
  children: AslMachine[];
  /**
   * The values of the fields that name the state to go to next, whatever their JSON type: Next, Default, the Choice
   * rules' Next, then the catchers' Next. Not document order: the data flow's walk, the references and so the
   * order of findings follow this one.
   */
  targets: StateTarget[];
}

/** A field whose value names a state of the same machine. */
export type TargetField = 'StartAt' | 'Next' | 'Default' | 'Catch';

export interface StateTarget {
  node: AstNode;
  /** StartAt, Next (also a Choice rule's), Default, or Catch (a catcher's Next). */
  field: TargetField;
  /**
   * The object holding the field: the machine (StartAt), the state (Next, Default), the Choice rule (its Next) or
   * the catcher. What the transition needs besides its target is read from it: a rule's condition, a catcher's
   * ErrorEquals, ResultPath or Output.
   */
  holder: AstNode;
}

/** A string node that names a state of `machine`. */
export interface StateReference extends StateTarget {
  name: string;
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
  /** Every string naming a state of this machine: its StartAt, then its states' targets. */
  references: StateReference[];
  /** The state it starts at: the first of the name its StartAt gives as a string; none when StartAt names none. */
  start: AslState | undefined;
}

export interface AslModel {
  machines: AslMachine[];
  /** Every state at every depth: machine by machine, a machine before those nested in it, in document order. */
  states: AslState[];
}

/**
 * A top-level object with `StartAt` and `States`: what makes a plain JSON/YAML file a state machine. Also one with
 * either of them misspelt (`Startat`, `states`: within two edits, in any case) when its states read as states
 * (every member an object whose `Type` is a state type): checked as a machine, its misspelling is reported where
 * it is, not the whole file passed over.
 */
export function isStateMachine(root: AstNode | undefined): boolean {
  if (root?.type !== 'object') return false;
  const startAt = propertyNode(root, 'StartAt');
  const states = propertyNode(root, 'States');
  if (startAt && states) return true;
  if (!startAt === !states) return false;
  const near = (want: string) => (root.children ?? []).filter((p) => {
    const key = p.children?.[0]?.value;
    return typeof key === 'string' && key !== want && editDistance(key, want, 2) <= 2;
  });
  const statesLike = (v: AstNode | undefined) =>
    v?.type === 'object' && !!v.children?.length && v.children.every((p) => STATE_TYPES.includes(stringValue(property(p.children?.[1], 'Type')) ?? ''));
  // Any close key will do ({"StartAt", "State": "x", "states": {…}} is a machine with its States misspelt).
  return states ? near('StartAt').length > 0 && statesLike(states.children?.[1]) : near('States').some((p) => statesLike(p.children?.[1]));
}

/**
 * The query language an object (a machine, a state) says it uses, else the one it inherits. Step Functions reads any
 * other text as JSONata, and refuses only the value itself (`"jsonata"`: measured with ValidateStateMachineDefinition,
 * floci-io/floci#2968), so the state's fields are judged as JSONata's, not as its machine's.
 */
export function queryLanguageOf(node: AstNode | undefined, inherited: QueryLanguage): QueryLanguage {
  const q = stringValue(property(node, 'QueryLanguage'));
  return q === undefined ? inherited : q === 'JSONPath' ? q : 'JSONata';
}

/**
 * The fields of a state that name the state to go to, the one place they are listed (the graph's edges, the data
 * flow's transitions, the structure checks and navigation all loop over `targets`).
 */
function targetsOf(node: AstNode, type: string | undefined): StateTarget[] {
  const out: StateTarget[] = [];
  const add = (holder: AstNode, field: TargetField, key = field) => {
    const n = property(holder, key);
    if (n) out.push({ node: n, field, holder });
  };
  add(node, 'Next');
  if (type === 'Choice') {
    add(node, 'Default');
    const choices = property(node, 'Choices');
    if (choices?.type === 'array') for (const rule of choices.children ?? []) add(rule, 'Next');
  }
  const catchers = property(node, 'Catch');
  if (catchers?.type === 'array') for (const c of catchers.children ?? []) add(c, 'Catch', 'Next');
  return out;
}

/**
 * The fields of a state the model reads (its Type, QueryLanguage, the fields of targetsOf, the sub-machines'
 * fields): an edit under any other field cannot change the model (carryOver.ts keeps it then).
 */
export const MODEL_FIELDS: ReadonlySet<string> = new Set(['Type', 'QueryLanguage', 'Next', 'Default', 'Choices', 'Catch', ...SUB_MACHINE_FIELDS]);

function addReference(m: AslMachine, t: StateTarget) {
  if (t.node.type === 'string') m.references.push({ ...t, name: t.node.value as string, machine: m });
}

export function buildModel(root: AstNode | undefined): AslModel {
  const model: AslModel = { machines: [], states: [] };
  if (root?.type !== 'object') return model;
  // The states of a Parallel's branches and a Map's processor default to the state machine's query language, not to
  // their Parallel's or Map's (ASL spec: "the default query language for each state inside the Map's ItemProcessor
  // or the Parallel's Branches fields is the state machine's query language, and is independent of the Map or
  // Parallel State's query language").
  const top = queryLanguageOf(root, 'JSONPath');
  const stack: { node: AstNode; kind: MachineKind; ql: QueryLanguage; owner: AslState | undefined; into?: AslMachine[] }[] = [
    { node: root, kind: 'top', ql: top, owner: undefined },
  ];
  while (stack.length) {
    const { node, kind, ql, owner, into } = stack.pop()!;
    const m: AslMachine = { kind, node, states: [], byName: new Map(), queryLanguage: ql, owner, references: [], start: undefined };
    model.machines.push(m);
    into?.push(m);
    const startAt = property(node, 'StartAt');
    if (startAt) addReference(m, { node: startAt, field: 'StartAt', holder: node });
    const statesNode = property(node, 'States');
    const pending: typeof stack = [];
    for (const p of statesNode?.type === 'object' ? statesNode.children ?? [] : []) {
      const keyNode = p.children?.[0], value = p.children?.[1];
      if (keyNode?.type !== 'string' || !value) continue;
      const type = stringValue(property(value, 'Type'));
      const s: AslState = {
        name: keyNode.value as string, keyNode, propertyNode: p, node: value, type,
        queryLanguage: queryLanguageOf(value, ql), machine: m, children: [], targets: targetsOf(value, type),
      };
      m.states.push(s);
      model.states.push(s);
      if (!m.byName.has(s.name)) m.byName.set(s.name, s);
      for (const t of s.targets) addReference(m, t);
      if (type === 'Parallel') {
        const branches = property(value, 'Branches');
        if (branches?.type === 'array')
          for (const b of branches.children ?? []) if (b.type === 'object') pending.push({ node: b, kind: 'branch', ql: queryLanguageOf(b, top), owner: s, into: s.children });
      } else if (type === 'Map' || type === undefined) {
        for (const key of MAP_MACHINE_FIELDS) {
          const sub = property(value, key);
          if (sub?.type === 'object') pending.push({ node: sub, kind: 'map', ql: queryLanguageOf(sub, top), owner: s, into: s.children });
        }
      }
    }
    const startName = stringValue(startAt);
    if (startName !== undefined) m.start = m.byName.get(startName);
    // Keep document order: push in reverse so the first nested machine is walked first.
    for (let i = pending.length - 1; i >= 0; i--) stack.push(pending[i]);
  }
  return model;
}

/**
 * The states a path of transitions (Next, Default, Choice rules' and catchers' Next) from `from` reaches in their
 * machine, breadth first; `from` themselves only when a path returns to them. A target that names no state of the
 * machine (a placeholder, a typo) is skipped and reported in `unknownTarget`.
 */
export function reachedFrom(m: AslMachine, from: readonly AslState[]): { reached: Set<AslState>; unknownTarget: boolean } {
  const reached = new Set<AslState>();
  const queue = [...from];
  let unknownTarget = false;
  for (let i = 0; i < queue.length; i++) {
    for (const t of queue[i].targets) {
      const next = t.node.type === 'string' ? m.byName.get(t.node.value) : undefined;
      if (!next) unknownTarget = true;
      else if (!reached.has(next)) {
        reached.add(next);
        queue.push(next);
      }
    }
  }
  return { reached, unknownTarget };
}

/** Whether `m` is a Distributed Map's processor (`"Mode": "DISTRIBUTED"`): its states run as child workflows. */
export const isDistributedMap = (m: AslMachine): boolean => m.kind === 'map' && stringValue(property(property(m.node, 'ProcessorConfig'), 'Mode')) === 'DISTRIBUTED';

// Per machine, the Distributed Map nearest around it (itself included; null: none), each machine's found once: a walk
// up the owners for every state was quadratic in the nesting depth (100,000 nested Parallel states took 75 s). A
// model lives as long as its machines' Type, transitions and sub-machine fields (MODEL_FIELDS) are unchanged.
const distributedAround = new WeakMap<AslMachine, AslMachine | null>();

export function distributedMapAround(machine: AslMachine): AslMachine | null {
  const walked: AslMachine[] = [];
  let found: AslMachine | null = null;
  for (let m: AslMachine | undefined = machine; m; m = m.owner?.machine) {
    const known = distributedAround.get(m);
    if (known !== undefined) {
      found = known;
      break;
    }
    walked.push(m);
    if (isDistributedMap(m)) {
      found = m;
      break;
    }
  }
  for (const m of walked) distributedAround.set(m, found);
  return found;
}

/**
 * Why `$$.Map` (`$states.context.Map`) has nothing for `state`, which is no Map state: the context object holds Map
 * only in a Map state, for its ItemSelector (Parameters in a legacy Map). The developer guide, "Context object data
 * for Map states": "You must define parameters from the context object in the Parameters block of the main Map
 * state, not within the states included in the Iterator section."
 */
export function noContextMap(state: AslState, field?: string): string {
  // A Map's own items and limits are read before it has any item.
  if (state.type === 'Map' && field) return `the context object holds Map only in ${quote(state.name)}'s ItemSelector, for each item it makes; ${field} is read before there is any item`;
  let inside: AslState | undefined;
  for (let m: AslMachine | undefined = state.machine; m && !inside; m = m.owner?.machine) if (m.kind === 'map') inside = m.owner;
  return inside
    ? `the context object holds Map only in the Map state itself, not in the states of its iterations: pass the item or its index to ${quote(state.name)} through ${quote(inside.name)}'s ItemSelector (${state.queryLanguage === 'JSONata' ? '"index": "{% $states.context.Map.Item.Index %}"' : '"index.$": "$$.Map.Item.Index"'})`
    : `the context object holds Map only for the items of a Map state (in its ItemSelector), and ${quote(state.name)} is in no Map state`;
}

const statesByNode = new WeakMap<AslModel, Map<AstNode, AslState>>();

/** The state whose object is `node` (a map per model, made on first use). */
export function stateOfNode(model: AslModel, node: AstNode): AslState | undefined {
  let byNode = statesByNode.get(model);
  if (!byNode) statesByNode.set(model, (byNode = new Map(model.states.map((s) => [s.node, s]))));
  return byNode.get(node);
}

/** The state whose object holds `node` most closely (a state's own object included), and the keys from it down to `node`. */
export function stateHolding(model: AslModel, node: AstNode): { state: AslState; keys: string[] } | undefined {
  const keys: string[] = [];
  for (let n: AstNode | undefined = node; n; n = n.parent) {
    const state = stateOfNode(model, n);
    if (state) return { state, keys: keys.reverse() };
    const key = keyOfValue(n);
    if (key) keys.push(String(key.value));
  }
  return undefined;
}

/** The names of the Parallel/Map states enclosing a state, outermost first. */
export function enclosingStates(s: AslState): string[] {
  const out: string[] = [];
  for (let owner = s.machine.owner; owner; owner = owner.machine.owner) out.push(owner.name);
  return out.reverse();
}

// One model per parse: validation, navigation, hover, completion and code lenses all ask for it, and walking
// thousands of states per request shows up in profiles. Keyed by the ParsedDocument, not the tree: an incremental
// re-parse updates a tree in place and makes a new ParsedDocument (an edit that cannot change the model carries
// it over to the new one: carryOver.ts).
const models = new WeakMap<ParsedDocument, AslModel>();

/** The model of a parse if it was built, without building it. */
export const knownModel = (parsed: ParsedDocument): AslModel | undefined => models.get(parsed);
export const setModel = (parsed: ParsedDocument, model: AslModel) => void models.set(parsed, model);

export function modelOf(parsed: ParsedDocument): AslModel {
  let model = models.get(parsed);
  if (!model) models.set(parsed, (model = buildModel(parsed.root)));
  return model;
}

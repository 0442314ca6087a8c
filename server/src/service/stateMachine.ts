// Finds the states of a state machine in a parsed document, at every depth (Parallel branches, Map
// Iterator/ItemProcessor), and among them the Task states that call a SageMaker integration.
import type { AstNode, ParsedDocument } from './types';

export type QueryLanguage = 'JSONPath' | 'JSONata';

/** A state as written in the document. */
export interface StateEntry {
  name: string;
  /** The key node of the state's entry in `States`. */
  keyNode: AstNode;
  /** The state's definition (an object node, or whatever the user wrote there). */
  node: AstNode;
  /** Names of the enclosing Parallel/Map states, outermost first. */
  parents: string[];
  /** The query language in force for this state: its own QueryLanguage, else its machine's, else JSONPath. */
  queryLanguage: QueryLanguage;
  /** The `States` object that holds this state (the machine or sub-machine it belongs to). */
  machine: AstNode;
}

/** The value node of property `key` of an object node. */
export function property(node: AstNode | undefined, key: string): AstNode | undefined {
  return propertyNode(node, key)?.children?.[1];
}

/** The `property` node (key + value) named `key` of an object node. */
export function propertyNode(node: AstNode | undefined, key: string): AstNode | undefined {
  if (node?.type !== 'object' || !node.children) return undefined;
  for (const p of node.children) if (p.children?.[0]?.value === key) return p;
  return undefined;
}

export function stringValue(node: AstNode | undefined): string | undefined {
  return node?.type === 'string' ? (node.value as string) : undefined;
}

/** A top-level object with `StartAt` and `States`: what makes a plain JSON/YAML file a state machine. */
export function isStateMachine(root: AstNode | undefined): boolean {
  return root?.type === 'object' && !!propertyNode(root, 'StartAt') && !!propertyNode(root, 'States');
}

function queryLanguageOf(node: AstNode | undefined, inherited: QueryLanguage): QueryLanguage {
  const q = stringValue(property(node, 'QueryLanguage'));
  return q === 'JSONata' || q === 'JSONPath' ? q : inherited;
}

/** The sub-machines of a Parallel or Map state: Branches[], Iterator, ItemProcessor. */
export function subMachines(state: AstNode): AstNode[] {
  const out: AstNode[] = [];
  const branches = property(state, 'Branches');
  if (branches?.type === 'array') for (const b of branches.children ?? []) if (b.type === 'object') out.push(b);
  for (const key of ['Iterator', 'ItemProcessor']) {
    const m = property(state, key);
    if (m?.type === 'object') out.push(m);
  }
  return out;
}

/** Every state of the machine rooted at `root`, depth first, in document order. Never recurses on the JS stack. */
export function walkStates(root: AstNode | undefined): StateEntry[] {
  const out: StateEntry[] = [];
  if (root?.type !== 'object') return out;
  const stack: { machine: AstNode; parents: string[]; ql: QueryLanguage }[] = [
    { machine: root, parents: [], ql: queryLanguageOf(root, 'JSONPath') },
  ];
  while (stack.length) {
    const { machine, parents, ql } = stack.pop()!;
    const states = property(machine, 'States');
    if (states?.type !== 'object') continue;
    const nested: typeof stack = [];
    for (const p of states.children ?? []) {
      const [keyNode, node] = p.children ?? [];
      if (keyNode?.type !== 'string' || !node) continue;
      const name = keyNode.value as string;
      const queryLanguage = queryLanguageOf(node, ql);
      out.push({ name, keyNode, node, parents, queryLanguage, machine: states });
      for (const sub of subMachines(node)) {
        nested.push({ machine: sub, parents: [...parents, name], ql: queryLanguageOf(sub, queryLanguage) });
      }
    }
    // Keep document order: push in reverse so the first nested machine is walked first.
    for (let i = nested.length - 1; i >= 0; i--) stack.push(nested[i]);
  }
  return out;
}

export type IntegrationPattern = 'requestResponse' | 'sync' | 'waitForTaskToken';

export interface SageMakerTask {
  state: StateEntry;
  resourceNode: AstNode;
  resource: string;
  /** Step Functions' name of the API as written in the ARN, e.g. createTrainingJob. */
  api: string;
  integrationPattern: IntegrationPattern;
  /** `Parameters` in JSONPath states, `Arguments` in JSONata states. */
  payloadKey: 'Parameters' | 'Arguments';
  /** The `property` node of the payload, when present. */
  payloadProperty: AstNode | undefined;
}

// arn:<partition>:states:::sagemaker:<api>[.sync|.waitForTaskToken]; the partition may be a template placeholder
// such as ${AWS::Partition} (CloudFormation/SAM) or any ${…}.
const SAGEMAKER_RESOURCE = /^arn:(?:aws[a-z-]*|\$\{[^}]*\}):states:::sagemaker:([A-Za-z]+)(?:\.(sync|waitForTaskToken))?$/;

export function parseSageMakerResource(resource: string): { api: string; integrationPattern: IntegrationPattern } | undefined {
  const m = SAGEMAKER_RESOURCE.exec(resource);
  if (!m) return undefined;
  return { api: m[1], integrationPattern: (m[2] as IntegrationPattern | undefined) ?? 'requestResponse' };
}

/** The Task states whose Resource is a SageMaker integration, at any depth. */
export function findSageMakerTasks(root: AstNode | undefined, states = walkStates(root)): SageMakerTask[] {
  const out: SageMakerTask[] = [];
  for (const state of states) {
    if (stringValue(property(state.node, 'Type')) !== 'Task') continue;
    const resourceNode = property(state.node, 'Resource');
    const resource = stringValue(resourceNode);
    const parsed = resource === undefined ? undefined : parseSageMakerResource(resource);
    if (!parsed || !resourceNode || resource === undefined) continue;
    const payloadKey = state.queryLanguage === 'JSONata' ? 'Arguments' : 'Parameters';
    out.push({ state, resourceNode, resource, ...parsed, payloadKey, payloadProperty: propertyNode(state.node, payloadKey) });
  }
  return out;
}

// The states and SageMaker tasks of a parsed document, computed once per version: hover, completion, code
// lenses and validation all ask for them, and walking thousands of states per request shows up in profiles.
// (Keyed by the ParsedDocument, not the tree: an incremental re-parse updates a tree in place.)
const analyses = new WeakMap<ParsedDocument, { states: StateEntry[]; tasks?: SageMakerTask[] }>();

export function statesOf(parsed: ParsedDocument): StateEntry[] {
  let a = analyses.get(parsed);
  if (!a) analyses.set(parsed, (a = { states: walkStates(parsed.root) }));
  return a.states;
}

export function tasksOf(parsed: ParsedDocument): SageMakerTask[] {
  statesOf(parsed);
  const a = analyses.get(parsed)!;
  return (a.tasks ??= findSageMakerTasks(parsed.root, a.states));
}

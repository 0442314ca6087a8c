// The state machine as a graph: one node per state, one edge per transition, one group per Parallel branch or
// Map processor, and a "missing" node for each transition to a state that does not exist. Computed from the
// one state-machine model (asl/model.ts) and the document's findings; the editor's graph view, the CLI's
// SVG/Mermaid/DOT output and any other client draw this same model. Plain data (JSON over LSP).
import { STATE_TYPES } from '../asl/fields';
import { buildModel, type AslMachine, type AslModel, type AslState, type StateTarget } from '../asl/model';
import { property, stringValue } from '../core/tree';
import { SAGEMAKER_INTEGRATIONS } from '../sagemaker/integrations';
import { sageMakerTaskOf } from '../sagemaker/tasks';
import { append } from '../core/append';
import { visibleText } from '../core/text';
import { parseIntegrationArn } from '../asl/integrations';

type AstNode = AslState['node'];

/** A finding as the language service reports it (Problem), reduced to what the graph shows. */
export interface GraphFinding {
  offset: number;
  length: number;
  severity: 'error' | 'warning' | 'information' | 'hint';
  message: string;
  code: string;
}

export interface OffsetRange {
  offset: number;
  length: number;
}

/** What a SageMaker Task state does, as read from its Resource and literal Parameters/Arguments. */
export interface SageMakerInfo {
  /** Step Functions' name of the API, e.g. createTrainingJob. */
  api: string;
  /** The kind of job or resource in the user's words: training, transform, processing, tuning, model, endpoint… */
  integration: string;
  /** `.sync`: the state waits for the job to finish. */
  sync: boolean;
  waitForTaskToken: boolean;
  /** Literal values only (a `.$` path or a JSONata expression is unknown until run time). */
  instanceType?: string;
  instanceCount?: number;
  maxRuntimeSeconds?: number;
  /**
   * A tuning job's fleet (SageMakerIntegration.trainingJobs): how many training jobs it may run and how many at a time. The
   * instances and time limit above are then each training job's, not the job's own.
   */
  trainingJobs?: { max?: number; parallel?: number };
}

export interface NodeFindings {
  count: number;
  /** The worst severity among them. */
  severity?: GraphFinding['severity'];
  messages: string[];
}

export type NodeKind = 'Task' | 'Pass' | 'Choice' | 'Wait' | 'Succeed' | 'Fail' | 'Parallel' | 'Map' | 'Unknown' | 'Missing';

export interface GraphNode {
  /** Unique and stable across edits of other states: the path of machine and state names. */
  id: string;
  name: string;
  /** The state's Type; `Unknown` when absent or not a known type, `Missing` for a transition to no state. */
  kind: NodeKind;
  /** The Type as written, when it is not a known one. */
  typeText?: string;
  /** The group (Parallel branch or Map processor) the state belongs to; undefined at the top level. */
  group?: string;
  /** The whole state, key to end of value (a missing node: the first transition naming it). */
  range: OffsetRange;
  /** The state's name key (a missing node: the first transition naming it). */
  selection: OffsetRange;
  /** Named by its machine's StartAt. */
  start: boolean;
  /** Ends its machine: `End: true`, Succeed or Fail. */
  end: boolean;
  /** A short form of a Task's Resource (`lambda:invoke`), when it is not a SageMaker one. */
  resource?: string;
  sagemaker?: SageMakerInfo;
  /** Retriers (the Retry marker): how many, and the errors they retry. */
  retry?: { count: number; errors: string[] };
  findings: NodeFindings;
}

export type EdgeKind = 'next' | 'choice' | 'default' | 'catch';

export interface GraphEdge {
  id: string;
  from: string;
  to: string;
  kind: EdgeKind;
  /** Choice: a short form of the rule's condition; Catch: the errors it catches. */
  label?: string;
}

export interface GraphGroup {
  /** Also the prefix of the ids of its states. */
  id: string;
  kind: 'branch' | 'processor';
  label: string;
  /** The Parallel or Map state (a node id) that holds it. */
  owner: string;
  /** The group the owner belongs to; undefined at the top level. */
  parent?: string;
  /** Its states, in document order. */
  nodes: string[];
}

export interface GraphModel {
  nodes: GraphNode[];
  edges: GraphEdge[];
  groups: GraphGroup[];
}

const KINDS: ReadonlySet<string> = new Set(STATE_TYPES);
const SEVERITY_RANK = { error: 0, warning: 1, information: 2, hint: 3 } as const;

/** The graph of the state machine in `root`, with `findings` attached to the innermost state that holds them. */
export function buildGraphModel(root: AstNode | undefined, findings: readonly GraphFinding[] = [], model: AslModel = buildModel(root)): GraphModel {
  const graph: GraphModel = { nodes: [], edges: [], groups: [] };
  const machineIds = new Map<AslMachine, string>();
  const stateIds = new Map<AslState, string>();
  const used = new Set<string>();
  // The next suffix to try for each id already taken: the k-th state of one name costs one step, not k (a file
  // with 20,000 states of one name took 13 s here).
  const nextSuffix = new Map<string, number>();
  const unique = (wanted: string) => {
    const id = compactId(wanted);
    let out = id;
    let i = nextSuffix.get(id) ?? 2;
    while (used.has(out)) out = `${id}~${i++}`;
    if (out !== id) nextSuffix.set(id, i);
    used.add(out);
    return out;
  };

  // Machines come parents first (buildModel walks outside in), so an owner's id is known before its groups'.
  for (const m of model.machines) {
    if (!m.owner) {
      machineIds.set(m, '');
      for (const s of m.states) stateIds.set(s, unique(`/${s.name}`));
      continue;
    }
    const ownerId = stateIds.get(m.owner)!;
    const index = m.owner.children.indexOf(m);
    const isBranch = m.kind === 'branch';
    const id = unique(`${ownerId}#${isBranch ? index + 1 : 'items'}`);
    machineIds.set(m, id);
    const parent = machineIds.get(m.owner.machine) || undefined;
    graph.groups.push({ id, kind: isBranch ? 'branch' : 'processor', label: isBranch ? `Branch ${index + 1}` : 'Item processor', owner: ownerId, parent, nodes: [] });
    // The states of this machine get their ids now, so nested machines (later in the list) find their owners.
    for (const s of m.states) stateIds.set(s, unique(`${id}/${s.name}`));
  }

  const groupById = new Map(graph.groups.map((g) => [g.id, g]));
  for (const m of model.machines) {
    const machineId = machineIds.get(m)!;
    const group = machineId || undefined;
    // Transitions to no state go to one "missing" node per name and machine, after the machine's states.
    const missing = new Map<string, GraphNode>();
    for (const ref of m.references) {
      if (m.byName.has(ref.name) || missing.has(ref.name)) continue;
      const at = { offset: ref.node.offset, length: ref.node.length };
      missing.set(ref.name, { id: unique(`${machineId}/?${ref.name}`), name: ref.name, kind: 'Missing', group, range: at, selection: at, start: ref.field === 'StartAt', end: false, findings: { count: 0, messages: [] } });
    }
    const target = (name: string) => {
      const state = m.byName.get(name);
      return state ? stateIds.get(state)! : missing.get(name)!.id;
    };
    for (const s of m.states) {
      const id = stateIds.get(s)!;
      graph.nodes.push(stateNode(s, id, group, m.start === s));
      if (group) groupById.get(group)!.nodes.push(id);
      append(graph.edges, edgesOf(s, id, target));
    }
    for (const node of missing.values()) {
      graph.nodes.push(node);
      if (group) groupById.get(group)!.nodes.push(node.id);
    }
  }
  attachFindings(graph, findings);
  return graph;
}

/**
 * Ids are the path of names from the top (`/Outer#1/Inner#items/Leaf`): stable while the user edits, so the view
 * keeps what it had selected and collapsed. Each id builds on its parent's, so a long path would make the ids of
 * deep states grow with depth × name length (400 nested levels of 1,000-character names: a 485 MB graph); a path
 * longer than this is replaced by a hash of itself, which the ids below it then build on.
 */
const MAX_ID_LENGTH = 200;
function compactId(path: string): string {
  if (path.length <= MAX_ID_LENGTH) return path;
  // Two FNV-1a hashes of the UTF-16 units, 64 bits in all; unique() still settles the unlikely collision.
  let a = 0x811c9dc5, b = 0x01000193 ^ path.length;
  for (let i = 0; i < path.length; i++) {
    const c = path.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return `#${(a >>> 0).toString(16).padStart(8, '0')}${(b >>> 0).toString(16).padStart(8, '0')}`;
}

function stateNode(s: AslState, id: string, group: string | undefined, start: boolean): GraphNode {
  const type = s.type;
  const kind: NodeKind = type !== undefined && KINDS.has(type) ? (type as NodeKind) : 'Unknown';
  const end = property(s.node, 'End')?.value === true || kind === 'Succeed' || kind === 'Fail';
  const node: GraphNode = {
    id,
    name: s.name,
    kind,
    group,
    range: { offset: s.keyNode.offset, length: s.node.offset + s.node.length - s.keyNode.offset },
    selection: { offset: s.keyNode.offset, length: s.keyNode.length },
    start,
    end,
    findings: { count: 0, messages: [] },
  };
  if (kind === 'Unknown' && type !== undefined) node.typeText = type;
  if (kind === 'Task') {
    const resource = stringValue(property(s.node, 'Resource'));
    const sagemaker = sageMakerInfo(s);
    if (sagemaker) node.sagemaker = sagemaker;
    else if (resource !== undefined) node.resource = shortResource(resource);
  }
  const retriers = property(s.node, 'Retry');
  if (retriers?.type === 'array' && retriers.children?.length) {
    const errors = new Set<string>();
    for (const r of retriers.children) for (const e of stringsOf(property(r, 'ErrorEquals'))) errors.add(e);
    node.retry = { count: retriers.children.length, errors: [...errors] };
  }
  return node;
}

/** The order a state's edges are numbered and drawn in: its Next, its Choice rules, Default, then its catchers. */
const EDGE_ORDER: Record<EdgeKind, number> = { next: 0, choice: 1, default: 2, catch: 3 };

/**
 * The transitions out of a state, one edge per target of the model naming a state (`idOf` gives the node a name in
 * its machine leads to: a state, or its missing node).
 */
function edgesOf(s: AslState, id: string, idOf: (name: string) => string): GraphEdge[] {
  const edges: { t: StateTarget; name: string; kind: EdgeKind }[] = [];
  for (const t of s.targets) {
    const name = stringValue(t.node);
    // A Choice rule's Next is held by the rule, the state's own Next by the state.
    const kind = t.field === 'Catch' ? 'catch' : t.field === 'Default' ? 'default' : t.holder === s.node ? 'next' : 'choice';
    if (name !== undefined) edges.push({ t, name, kind });
  }
  // The model lists Default before the rules; sort is stable, so each kind keeps the model's (document) order.
  edges.sort((a, b) => EDGE_ORDER[a.kind] - EDGE_ORDER[b.kind]);
  return edges.map(({ t, name, kind }, i) => {
    const edge: GraphEdge = { id: `${id}->${i}`, from: id, to: idOf(name), kind };
    const label = kind === 'catch' ? stringsOf(property(t.holder, 'ErrorEquals')).join(', ') || 'catch' : kind === 'choice' ? conditionLabel(t.holder) : '';
    if (label) edge.label = visibleText(label);
    return edge;
  });
}

function stringsOf(node: AstNode | undefined): string[] {
  return node?.type === 'array' ? (node.children ?? []).flatMap((c) => (c.type === 'string' ? [c.value as string] : [])) : [];
}

const OPERATORS: [RegExp, string][] = [
  [/GreaterThanEquals(Path)?$/, '>='],
  [/LessThanEquals(Path)?$/, '<='],
  [/Equals(Path)?$/, '=='],
  [/GreaterThan(Path)?$/, '>'],
  [/LessThan(Path)?$/, '<'],
  [/^StringMatches$/, 'matches'],
];
const MAX_LABEL = 40;

/** A short form of a Choice rule: `$.score >= 0.8`, `$.done is present`, `not($.x == 1)`, `{% $x > 5 %}` → `$x > 5`. */
function conditionLabel(rule: AstNode): string {
  return clip(condition(rule, 0));
}

function condition(rule: AstNode | undefined, depth: number): string {
  if (rule?.type !== 'object') return '?';
  const jsonata = stringValue(property(rule, 'Condition'));
  if (jsonata !== undefined) {
    // The closing %} by hand: /\s*%\}\s*$/ retries from every space of a long run.
    const body = jsonata.replace(/^\s*\{%\s*/, '').trimEnd();
    return body.endsWith('%}') ? body.slice(0, -2).trimEnd() : body;
  }
  if (depth > 2) return '…';
  for (const [key, join] of [['And', ' and '], ['Or', ' or ']] as const) {
    const list = property(rule, key);
    if (list?.type === 'array') return `(${(list.children ?? []).map((c) => condition(c, depth + 1)).join(join)})`;
  }
  const not = property(rule, 'Not');
  if (not) return `not ${condition(not, depth + 1)}`;
  const variable = stringValue(property(rule, 'Variable')) ?? '?';
  for (const p of rule.children ?? []) {
    const key = p.children?.[0]?.value;
    const value = p.children?.[1];
    if (typeof key !== 'string' || key === 'Variable' || key === 'Next' || key === 'Comment' || key === 'Assign' || key === 'Output' || !value) continue;
    const literal = value.type === 'string' ? (key.endsWith('Path') ? value.value : JSON.stringify(value.value)) : String(value.value);
    if (key.startsWith('Is')) return `${variable} ${value.value === false ? 'is not' : 'is'} ${key.slice(2).toLowerCase()}`;
    const op = OPERATORS.find(([re]) => re.test(key))?.[1];
    if (op) return `${variable} ${op} ${literal}`;
  }
  return variable;
}

function clip(s: string): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > MAX_LABEL ? `${one.slice(0, MAX_LABEL - 1)}…` : one;
}

/** What follows `:states:::` in an integration's ARN (asl/integrations.ts reads it), else undefined. */
function serviceOf(resource: string): string | undefined {
  const read = parseIntegrationArn(resource);
  return read && `${read.sdkService ? `aws-sdk:${read.sdkService}` : read.service}:${read.action}${read.suffix}`;
}

/** `arn:aws:states:::lambda:invoke.waitForTaskToken` → `lambda:invoke.waitForTaskToken`; a Lambda/Activity ARN → its name. */
function shortResource(resource: string): string {
  const service = serviceOf(resource);
  if (service) return clip(service);
  const parts = resource.split(':');
  return clip(parts.length > 2 ? parts.slice(-1)[0] || resource : resource);
}

function sageMakerInfo(s: AslState): SageMakerInfo | undefined {
  const task = sageMakerTaskOf(s);
  // An AWS SDK call is drawn as the Task it is (its service and action), not as a SageMaker job.
  if (!task || task.sdk) return undefined;
  const { api, integrationPattern } = task;
  const integration = SAGEMAKER_INTEGRATIONS[api];
  const info: SageMakerInfo = { api, integration: integration?.label ?? api.replace(/^create/, '').replace(/Job$/, '').toLowerCase(), sync: integrationPattern === 'sync', waitForTaskToken: integrationPattern === 'waitForTaskToken' };
  const payload = task.payloadProperty?.children?.[1];
  if (payload?.type !== 'object' || !integration?.instances) return info;
  const resources = integration.instances.map((keys) => path(payload, keys)).find((r) => r !== undefined);
  const type = stringValue(property(resources, 'InstanceType'));
  const count = property(resources, 'InstanceCount');
  if (type !== undefined && !type.startsWith('{%')) info.instanceType = type;
  if (count?.type === 'number') info.instanceCount = count.value as number;
  const runtime = integration.maxRuntime && path(payload, integration.maxRuntime);
  if (runtime?.type === 'number') info.maxRuntimeSeconds = runtime.value as number;
  const fleet = integration.trainingJobs;
  if (fleet) {
    const numberAt = (keys: readonly string[]) => { const n = path(payload, keys); return n?.type === 'number' ? (n.value as number) : undefined; };
    info.trainingJobs = { max: numberAt(fleet.max), parallel: numberAt(fleet.parallel) };
  }
  return info;
}

function path(node: AstNode | undefined, keys: readonly string[]): AstNode | undefined {
  for (const k of keys) node = property(node, k);
  return node;
}

/**
 * Each problem (an error or a warning; a note is no problem to badge or count) goes to the innermost node whose state
 * range holds its start (a nested state, not its Parallel).
 */
function attachFindings(graph: GraphModel, all: readonly GraphFinding[]) {
  const findings = all.filter((f) => f.severity === 'error' || f.severity === 'warning');
  if (!findings.length) return;
  const states = graph.nodes.filter((n) => n.kind !== 'Missing').sort((a, b) => a.range.offset - b.range.offset || b.range.length - a.range.length);
  // One sweep over states and findings in start order: states nest properly, so the states holding the current
  // offset form a stack, innermost on top (a scan of every state per finding was quadratic on a big machine).
  const open: GraphNode[] = [];
  const end = (n: GraphNode) => n.range.offset + n.range.length;
  const holder: (GraphNode | undefined)[] = [];
  let next = 0;
  for (const i of findings.map((_, i) => i).sort((x, y) => findings[x].offset - findings[y].offset)) {
    const at = findings[i].offset;
    for (; next < states.length && states[next].range.offset <= at; next++) {
      while (open.length && end(open[open.length - 1]) <= states[next].range.offset) open.pop();
      open.push(states[next]);
    }
    while (open.length && end(open[open.length - 1]) <= at) open.pop();
    holder[i] = open[open.length - 1];
  }
  // A state's messages in the findings' own order.
  findings.forEach((f, i) => {
    const best = holder[i];
    if (!best) return;
    const nf = best.findings;
    nf.count++;
    nf.messages.push(f.message);
    if (!nf.severity || SEVERITY_RANK[f.severity] < SEVERITY_RANK[nf.severity]) nf.severity = f.severity;
  });
}

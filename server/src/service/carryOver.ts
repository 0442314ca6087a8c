// After an incremental re-parse (json/incrementalParse.ts) most of a state machine is the same nodes as before.
// What the service derived from the whole machine (the model, its SageMaker tasks, the data flow) is rebuilt per
// parse, and on 2,000 states that is most of a keystroke's cost. When the edit lies where none of them looks, the
// new parse takes them over instead:
// - the model (asl/model.ts) reads only a state's Type, QueryLanguage, transitions and sub-machines (its
//   MODEL_FIELDS): an edit under any other field of a state leaves it as it was (its states still hold the same,
//   shifted, nodes);
// - the SageMaker tasks are a filter over the model that holds the state's nodes, not the payload's;
// - the data flow (dataflow/analysis.ts) does not depend on a Task's Parameters (they go to the integration):
//   an edit inside them re-reads only their own `.$` slots (reslotTasks), and a comment changes nothing; but for a
//   Task whose setting paths are judged against them too (settingsReadParameters), whose flow is made again.
// An edit outside an embedded machine (elsewhere in its template) leaves that machine's derivations as they were.
import { knownModel, MODEL_FIELDS, setModel, stateOfNode, type AslState } from './asl/model';
import type { AstNode, ParsedDocument } from './core/types';
import { knownDataflow, reslotTasks, setDataflow, settingsReadParameters } from './dataflow/analysis';
import { knownTasks, setTasks } from './sagemaker/tasks';
import { embeddedMachines, knownEmbeddedMachines } from './templates/embedded';

type Where = { inside: false } | { inside: true; state: AstNode; field: string } | undefined;

/**
 * Where the re-parsed node lies relative to a machine: outside it, under a field of one of its states, or
 * somewhere else inside it (undefined: assume everything changed).
 */
function locate(fresh: AstNode, root: AstNode): Where {
  let field: string | undefined;
  for (let n: AstNode | undefined = fresh; n; n = n.parent) {
    if (n === root) return undefined;
    const prop: AstNode | undefined = n.parent;
    if (prop?.type !== 'property' || prop.children?.[1] !== n) continue;
    const container: AstNode | undefined = prop.parent?.parent;
    // `n` is a member of a States object: a state (`field` is the member of it the edit is under).
    if (container?.type === 'property' && container.children?.[0]?.value === 'States' && isUnder(n, root)) return field === undefined ? undefined : { inside: true, state: n, field };
    field = prop.children?.[0]?.value;
  }
  return { inside: false };
}

function isUnder(node: AstNode, root: AstNode): boolean {
  for (let n: AstNode | undefined = node; n; n = n.parent) if (n === root) return true;
  return false;
}


function carryMachine(prev: ParsedDocument, next: ParsedDocument, fresh: AstNode[]) {
  const model = knownModel(prev);
  if (!model || !next.root || prev.root !== next.root) return;
  const places: Where[] = fresh.map((f) => locate(f, next.root!));
  if (places.some((w) => !w || (w.inside && MODEL_FIELDS.has(w.field)))) return;
  setModel(next, model);
  const tasks = knownTasks(prev);
  if (tasks) setTasks(next, tasks);
  const known = knownDataflow(prev);
  if (!known) return;
  const { input, flow } = known;
  // The flow is the same if every change is outside, in a comment or in a Task's payload (whose slots are read again).
  const reslot = new Set<AslState>();
  for (const w of places) {
    if (!w?.inside || w.field === 'Comment') continue;
    const state = stateOfNode(model, w.state);
    // (Not where a setting's path is judged against what the Parameters make of the input.)
    if (state?.type === 'Task' && state.queryLanguage === 'JSONPath' && w.field === 'Parameters' && !settingsReadParameters(state.node)) reslot.add(state);
    else if (!(state?.type === 'Task' && state.queryLanguage === 'JSONata' && w.field === 'Arguments')) return;
  }
  setDataflow(next, input, reslot.size ? reslotTasks(flow, reslot) : flow);
}

/** Gives `next` (the incremental re-parse of `prev`, `fresh` the nodes it re-parsed) what the edit cannot have changed. */
export function carryOver(prev: ParsedDocument, next: ParsedDocument, fresh: AstNode[]) {
  carryMachine(prev, next, fresh);
  const before = knownEmbeddedMachines(prev);
  if (!before?.length) return;
  const after = embeddedMachines(next);
  for (const view of after) {
    const old = before.find((b) => b.root === view.root);
    if (old) carryMachine(old, view, fresh);
  }
}

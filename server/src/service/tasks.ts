// The SageMaker tasks of a document as the client sees them (protocol.ts's TaskInfo): what each calls, its payload
// as a JSON value, where it is, and the errors that would make a launch fail.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TaskInfo } from '../protocol';
import { enclosingStates, type AslMachine, type AslState } from './asl/model';
import { property, propertyNode, toValue } from './core/tree';
import type { DocumentStore } from './documentStore';
import { lineOf, toRange } from './lsp';
import { getIntegration } from './sagemaker/shapes';
import { tasksOf } from './sagemaker/tasks';
import { validate } from './validation';
import { isJobSpec } from './sagemaker/jobSpecs';
import { machineName } from './templates/embedded';
import { deployedValue, templateValues } from './templates/deployed';
import type { ParsedDocument, Problem } from './core/types';

export function findTasks(store: DocumentStore, doc: TextDocument): TaskInfo[] {
  if (!store.isStateMachineDocument(doc)) return [];
  const problems = validate(store, doc).filter((p) => p.severity === 'error');
  const within = problemsWithin(problems);
  const out: TaskInfo[] = [];
  // Every state machine of the document: itself, each one a template embeds, or a standalone job spec's request.
  const tasks = store.machines(doc).flatMap((machine) => tasksOf(machine).map((task) => ({ task, machine, standalone: isJobSpec(machine) })));
  // In a template, a payload is what CloudFormation would deploy (`!GetAtt Role.Arn` as `${Role.Arn}`), with the
  // values the template itself gives placeholders: the launch asks for the same ones Validate with AWS does.
  const template = store.parse(doc);
  const values = new Map<ParsedDocument, Record<string, string>>();
  const valuesOf = (machine: ParsedDocument) => values.get(machine) ?? values.set(machine, templateValues(template, machine)).get(machine)!;
  const leadsInto = leadsIntoOf();
  const receives = receivesExecutionInputOf(leadsInto);
  for (const { task, machine, standalone } of tasks) {
    // A job starts from an optimized integration's task; an AWS SDK call is the state machine's to make.
    const integration = task.sdk ? undefined : getIntegration(task.api);
    if (!integration) continue;
    const start = task.state.keyNode.offset;
    const end = task.state.node.offset + task.state.node.length;
    const payloadNode = task.payloadProperty?.children?.[1];
    const inTemplate = machineName(machine) !== undefined && machine.root !== template.root;
    const deployed = payloadNode && inTemplate ? deployedValue(payloadNode) : undefined;
    const payload = deployed ? deployed.value : payloadNode ? toValue(payloadNode) : null;
    const known = inTemplate ? valuesOf(machine) : undefined;
    // A value CloudFormation computes at deployment (`!If`, `!Select`): no value to start the job with from here.
    const computed = deployed?.computed ? `${deployed.computed.name} on line ${lineOf(doc, deployed.computed.offset) + 1} is computed by CloudFormation at deployment, so the request has no value to start the job with there; only !Ref, !GetAtt and !Sub values can be filled in.` : undefined;
    out.push({
      stateName: task.state.name,
      statePath: enclosingStates(task.state),
      ...mapItemOf(task.state),
      ...inputFrom(task.state, leadsInto, receives),
      resource: task.resource,
      api: task.api,
      operation: integration.operation,
      integrationPattern: task.integrationPattern,
      queryLanguage: task.state.queryLanguage,
      payloadKey: task.payloadKey,
      payload,
      ...(known && Object.keys(known).length ? { placeholderValues: known } : {}),
      range: toRange(doc, task.state.keyNode),
      stateRange: toRange(doc, { offset: start, length: end - start }),
      ...(standalone ? { standalone: true } : {}),
      ...(machineName(machine) !== undefined && machine.root ? { machine: machineName(machine), machineRange: toRange(doc, machine.root) } : {}),
      // A file that does not read completely is not what Step Functions would run: its syntax error blocks too.
      errors: [...within(start, end).map((p) => p.message), ...(computed ? [computed] : [])],
    });
  }
  return out;
}

/**
 * The problems that start in [start, end), with the file's syntax errors (a file that does not read completely is not
 * what Step Functions would run), in the order validation gave them: found by a binary search over their offsets,
 * not by filtering all of them for each Task (20,000 Tasks with a finding each took seconds).
 */
function problemsWithin(problems: readonly Problem[]): (start: number, end: number) => Problem[] {
  const byOffset = problems.map((_, i) => i).sort((a, b) => problems[a].offset - problems[b].offset);
  const syntax = problems.flatMap((p, i) => (p.source === 'json' || p.source === 'yaml' ? [i] : []));
  return (start, end) => {
    let lo = 0, hi = byOffset.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (problems[byOffset[mid]].offset < start) lo = mid + 1;
      else hi = mid;
    }
    const found = new Set(syntax);
    for (let k = lo; k < byOffset.length && problems[byOffset[k]].offset < end; k++) found.add(byOffset[k]);
    return [...found].sort((a, b) => a - b).map((i) => problems[i]);
  };
}

/**
 * The states whose transitions lead into `state` when its machine does not start there (TaskInfo.inputFrom): its
 * input in an execution is what they pass on, not the execution input (walk32: the launch asked for the latter).
 */
function inputFrom(state: AslState, leadsInto: (state: AslState) => string[], receives: (state: AslState) => boolean): { inputFrom?: string[] } {
  if (state.machine.start?.name !== state.name) return receives(state) ? {} : { inputFrom: leadsInto(state) };
  // Where its machine starts: the execution input at the top; a Map's item (mapItemOf); in a Parallel's branch, what
  // the Parallel state gives its branches, which is the execution input only if it starts its own machine and leaves
  // its input as it is (review of the day: a branch's first Task asked for the execution input).
  const owner = state.machine.owner;
  if (!owner || owner.type !== 'Parallel') return {};
  const reshaped = ['InputPath', 'Parameters', 'Arguments'].some((f) => propertyNode(owner.node, f));
  return reshaped ? { inputFrom: [owner.name] } : (inputFrom(owner, leadsInto, receives).inputFrom ? { inputFrom: [owner.name] } : {});
}

/**
 * Whether a state of the top-level machine always gets the execution input, though the machine does not start
 * there: every state that leads into it passes its own input on unchanged (a JSONPath state with `"ResultPath":
 * null` and no OutputPath, a Wait or Choice without InputPath and OutputPath, a Pass that makes no result) and gets
 * the execution input itself (walk37: the tuning example's "Tune model", after a processing job with ResultPath
 * null, was not offered tuning-pipeline.input.json). A state inside a Parallel or Map: no. The states that do are
 * found once per machine, not walked back from each Task (a long chain of them would make that quadratic): all of
 * them at first, less each that has a state before it that does not pass on or is no longer one, until none changes.
 */
function receivesExecutionInputOf(leadsInto: (state: AslState) => string[]): (state: AslState) => boolean {
  const sets = new Map<AslMachine, Set<string>>();
  const setOf = (machine: AslMachine) => {
    const startAt = machine.start?.name;
    const receiving = new Set(machine.states.map((s) => s.name));
    // Only the state the machine starts at gets its input from no state.
    const holds = (s: AslState) => {
      const into = leadsInto(s);
      return (into.length > 0 || s.name === startAt) && into.every((name) => receiving.has(name) && passesInputOn(machine.byName.get(name)!));
    };
    const work = [...machine.states];
    while (work.length) {
      const s = work.pop()!;
      if (!receiving.has(s.name) || holds(s)) continue;
      receiving.delete(s.name);
      // The states it leads into lose the one they might have got it from: checked again.
      for (const t of s.targets) {
        const next = t.node.type === 'string' ? machine.byName.get(t.node.value as string) : undefined;
        if (next && receiving.has(next.name)) work.push(next);
      }
    }
    return receiving;
  };
  return (state) => !state.machine.owner && (sets.get(state.machine) ?? sets.set(state.machine, setOf(state.machine)).get(state.machine)!).has(state.name);
}

/** A state whose output is its input as it came, whatever it does (JSONPath: JSONata's Output defaults to the result). */
function passesInputOn(s: AslState): boolean {
  if (s.queryLanguage !== 'JSONPath') return false;
  const path = (field: string) => {
    const v = property(s.node, field);
    return v === undefined ? 'absent' : v.type === 'null' ? 'null' : v.type === 'string' && v.value === '$' ? 'whole' : 'other';
  };
  const output = path('OutputPath');
  if (output !== 'absent' && output !== 'whole') return false;
  if (s.type === 'Wait' || s.type === 'Choice') return ['absent', 'whole'].includes(path('InputPath'));
  // A Pass that makes no result of its own: its result is its input, which ResultPath "$" (the default) makes its output.
  if (s.type === 'Pass' && !propertyNode(s.node, 'Result') && !propertyNode(s.node, 'Parameters') && ['absent', 'whole'].includes(path('InputPath')) && ['absent', 'whole'].includes(path('ResultPath'))) return true;
  return (s.type === 'Task' || s.type === 'Pass' || s.type === 'Map' || s.type === 'Parallel') && path('ResultPath') === 'null';
}

/**
 * The names of the states of a state's machine whose transitions lead into it, in document order: one index per
 * machine, made when first asked (looking through every state for each task was quadratic: a 30,000-task file's
 * code lenses took over a minute).
 */
function leadsIntoOf(): (state: AslState) => string[] {
  const indexes = new Map<AslMachine, Map<string, string[]>>();
  const indexOf = (machine: AslMachine) => {
    const index = new Map<string, string[]>();
    for (const s of machine.states) {
      for (const name of new Set(s.targets.flatMap((t) => (t.node.type === 'string' && typeof t.node.value === 'string' ? [t.node.value] : [])))) {
        const into = index.get(name);
        if (into) into.push(s.name);
        else index.set(name, [s.name]);
      }
    }
    indexes.set(machine, index);
    return index;
  };
  return (state) => (indexes.get(state.machine) ?? indexOf(state.machine)).get(state.name) ?? [];
}

/** The nearest Map state around `state` (its ItemProcessor or Iterator), as TaskInfo.mapItemOf. */
function mapItemOf(state: AslState): { mapItemOf?: string } {
  for (let owner = state.machine.owner; owner; owner = owner.machine.owner) if (owner.type === 'Map') return { mapItemOf: owner.name };
  return {};
}

// A job's name must be unique in the account and Region: the model's documentation says so of the request's name
// member (TrainingJobName, TransformJobName, ProcessingJobName, ...: "must be unique within …"; ExperimentName,
// TrialName, TrialComponentName: "must be unique in your … account"). A literal name that one execution sends twice
// makes the second Create... call fail, in two places the text shows: a Map's iteration (every item runs the state)
// and two branches of one Parallel (every branch runs). A warning: it fails at run time. Not a task that runs in an
// account it computes (Credentials with a dynamic RoleArn: a Map over accounts), nor two tasks whose Credentials may
// name different accounts.
// Whole-machine, so not in the per-task checks (validation.ts caches those by the task's own text).
import type { AslMachine, AslState } from '../asl/model';
import { propertyNode } from '../core/tree';
import type { AstNode, Problem } from '../core/types';
import { hasPlaceholder, isJsonata, standsForValue } from '../expressions/index';
import { SageMakerCode } from './codes';
import { integrationOf, type Integration } from './shapes';
import type { SageMakerTask } from './tasks';

interface UniqueName {
  member: string;
  /** The model's sentence saying so. */
  sentence: string;
}

const UNIQUE = /[^.]*\bmust be unique (?:within|in)\b[^.]*\./;
const uniqueNames = new WeakMap<Integration, UniqueName | null>();

/** The request's top-level name member whose documentation says the name must be unique, with that sentence. */
function uniqueNameOf(integration: Integration): UniqueName | undefined {
  let found = uniqueNames.get(integration);
  if (found === undefined) {
    found = null;
    for (const m of integration.request.members?.values() ?? []) {
      const sentence = m.shape.kind === 'string' && m.name.endsWith('Name') ? UNIQUE.exec(m.doc ?? '')?.[0].trim() : undefined;
      if (sentence) {
        found = { member: m.name, sentence };
        break;
      }
    }
    uniqueNames.set(integration, found);
  }
  return found ?? undefined;
}

interface Named {
  task: SageMakerTask;
  integration: Integration;
  unique: UniqueName;
  node: AstNode;
  name: string;
  /** The account the call runs in: '' for the state machine's own, a literal role ARN, undefined when computed. */
  account: string | undefined;
}

/** Where a task's call runs: its Credentials' RoleArn ('' without Credentials; undefined when the text does not show it). */
function accountOf(task: SageMakerTask): string | undefined {
  const credentials = propertyNode(task.state.node, 'Credentials')?.children?.[1];
  if (!credentials) return '';
  const role = credentials.type === 'object' ? propertyNode(credentials, 'RoleArn')?.children?.[1] : undefined;
  return role?.type === 'string' && !standsForValue(role.value as string, task.state.queryLanguage === 'JSONata') ? (role.value as string) : undefined;
}

/**
 * The unique name a task sends the same on every run, if the text shows one: a literal, or one a template fills in
 * when the stack deploys (`seg-${AWS::StackName}`, `${self:provider.stage}`: the same for every item of a Map, tpl46);
 * not a `.$` value or a JSONata expression, which are computed when the state runs.
 */
function literalName(task: SageMakerTask): Named | undefined {
  const integration = integrationOf(task);
  const unique = integration && uniqueNameOf(integration);
  const payload = task.payloadProperty?.children?.[1];
  if (!unique || payload?.type !== 'object') return undefined;
  const node = propertyNode(payload, unique.member)?.children?.[1];
  // In a JSONata state a value that begins with a placeholder may be filled in with an expression (`{% … %}`).
  if (node?.type !== 'string' || (task.state.queryLanguage === 'JSONata' && (isJsonata(node.value as string) || (node.value as string).trimStart().startsWith('${')))) return undefined;
  return { task, integration, unique, node, name: node.value as string, account: accountOf(task) };
}

/** What a name with a template's placeholders adds to the message: they are filled in once. */
const deployedOnce = (n: Named) => (hasPlaceholder(n.name) ? ' (its ${…} are filled in once, when it is deployed)' : '');

/** The Map state whose iteration runs `state`, the nearest one. */
function iteratingMap(state: AslState): AslState | undefined {
  for (let m: AslMachine | undefined = state.machine; m?.owner; m = m.owner.machine) if (m.kind === 'map') return m.owner;
  return undefined;
}

/** Each Parallel above `state` with the branch it is in (outermost first). */
function branchesAbove(state: AslState): Map<AslState, AslMachine> {
  const out = new Map<AslState, AslMachine>();
  for (let m: AslMachine | undefined = state.machine; m?.owner; m = m.owner.machine) if (m.kind === 'branch') out.set(m.owner, m);
  return out;
}

const dynamicAdvice = (n: Named) =>
  n.task.state.queryLanguage === 'JSONata'
    ? `compute it, e.g. "{% '${n.name}-' & $uuid() %}"`
    : `compute it, e.g. "${n.unique.member}.$": "States.Format('${n.name}-{}', States.UUID())"`;

export function repeatedJobNames(tasks: readonly SageMakerTask[]): Problem[] {
  const problems: Problem[] = [];
  const warn = (n: Named, message: string) =>
    problems.push({ offset: n.node.offset, length: n.node.length, message, severity: 'warning', source: 'sagemaker', code: SageMakerCode.repeatedJobName });
  // Names already seen per operation (a training and a transform job may share a name), with their branches.
  const seen = new Map<string, { named: Named; branches: Map<AslState, AslMachine> }[]>();
  for (const task of tasks) {
    const n = literalName(task);
    if (!n) continue;
    const map = iteratingMap(task.state);
    if (map) {
      if (n.account !== undefined) warn(n, `Every item of Map "${map.name}" runs "${task.state.name}" with the same ${n.unique.member} "${n.name}"${deployedOnce(n)}, so the ${n.integration.operation} of a second item fails: ${n.unique.sentence} Give each item its own name: ${dynamicAdvice(n)}`);
      continue;
    }
    const key = `${n.integration.operation}\u0000${n.name}`;
    const branches = branchesAbove(task.state);
    const earlier = seen.get(key) ?? [];
    const sameAccount = (e: { named: Named }) => n.account !== undefined && e.named.account === n.account;
    const sibling = earlier.find((e) => sameAccount(e) && [...branches].some(([parallel, branch]) => e.branches.has(parallel) && e.branches.get(parallel) !== branch));
    if (sibling) {
      const parallel = [...branches.keys()].find((p) => sibling.branches.has(p) && sibling.branches.get(p) !== branches.get(p))!;
      warn(n, `"${task.state.name}" and "${sibling.named.task.state.name}" run in two branches of Parallel "${parallel.name}", both with ${n.unique.member} "${n.name}"${deployedOnce(n)}, so when both run, one of the two ${n.integration.operation} calls fails: ${n.unique.sentence} Give each its own name.`);
    }
    earlier.push({ named: n, branches });
    seen.set(key, earlier);
  }
  return problems;
}

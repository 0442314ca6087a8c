// The IAM policy a state machine's role needs, for a document: its SageMaker tasks, optimized and AWS SDK, and its
// SageMaker Runtime calls (sagemaker/iamPolicy.ts), the roles its tasks' Credentials assume, and its Distributed Map
// states (asl/iamPolicy.ts). The CLI's `policy` and the editor's "Show IAM Policy for this State Machine" both ask here.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { asWritten, distributedMapStatements, INTRINSIC_PLACEHOLDER, sidOf, STATE_MACHINE_NAME, statesOf, str, withUniqueSids, type DistributedMapTask, type PolicyStatement } from './asl/iamPolicy';
import { isDistributedMap } from './asl/model';
import { property, stringValue, toValue } from './core/tree';
import type { AstNode, ParsedDocument } from './core/types';
import { deploysAsString, isJsonata, substitutePlaceholders } from './expressions/index';
import type { DocumentStore } from './documentStore';
import { iamPolicyFor, runtimeStatements, type PolicyDocument, type PolicyOptions, type PolicyTask, type RuntimeCall } from './sagemaker/iamPolicy';
import { parseIntegrationArn } from './asl/integrations';
import { tasksOf } from './sagemaker/tasks';
import { entries, parameterDefaults, substitutionKeys } from './templates/substitutions';
import { machineName, machineOwner } from './templates/embedded';
import { JOB_KINDS, jobKindOfApi } from '../jobKinds';

/** The CloudWatch log group of the jobs an API starts, where the extension follows them. */
const logGroupOf = (api: string): string | undefined => {
  const kind = jobKindOfApi(api);
  return kind && JOB_KINDS[kind].logGroup;
};

/**
 * The policy for every SageMaker task and Distributed Map state of the document (of each state machine a template
 * holds, or of the one `machine` names, as each resource has its own role; of a job spec's request), or null when it
 * is not a state machine.
 */
export function iamPolicy(store: DocumentStore, doc: TextDocument, options: PolicyOptions & { machine?: string } = {}): PolicyDocument | null {
  const parsed = store.stateMachine(doc);
  if (!parsed) return null;
  const machines = store.machines(doc).filter((m) => options.machine === undefined || machineName(m) === options.machine);
  // A template's machine with the values its DefinitionSubstitutions give as literals put in, inside a string too
  // (`${JobPrefix}-train` names training-job/churn-train*, not training-job/${JobPrefix}-train*). Not a Parameter's
  // Default, which a deployment may override (the template's tree has followed whole placeholders to it for the
  // checks: read back as written, from where the Defaults are written), nor an intrinsic's value (`!GetAtt Role.Arn`
  // is any role: `${Ref}`, which the statements read as `*`).
  const defaults = new Set([...parameterDefaults(parsed.root).values()].map((n) => n.offset));
  const valueOf = new Map(machines.map((m): [ParsedDocument, (n: AstNode) => unknown] => {
    const owner = m === parsed ? undefined : machineOwner(m);
    if (!owner) return [m, (n) => toValue(n)];
    const values: Record<string, string> = {};
    for (const name of substitutionKeys(owner.substitutions) ?? []) values[name] = '${Ref}';
    for (const [name, node] of entries(owner.substitutions, new Map())) values[name] = String(node.value);
    const read = (n: AstNode) => {
      const placeholder = deploysAsString(n);
      const v = placeholder && placeholder !== n && defaults.has(n.offset) && typeof placeholder.value === 'string' ? placeholder.value : n.value;
      return typeof v === 'string' ? substitutePlaceholders(v, (name) => (Object.hasOwn(values, name) ? values[name] : `\${${name}}`)) : v;
    };
    return [m, (n) => toValue(n, read)];
  }));
  const allTasks = machines.flatMap((m) => tasksOf(m).map((t) => ({ ...t, valueOf: valueOf.get(m)! })));
  // Every Task of the machines, for what is not a SageMaker task's: a role its Credentials assume, a SageMaker
  // Runtime call (its API is not the model's: no SageMaker task).
  const taskStates = machines.flatMap((m) => store.model(m).states.filter((s) => s.type === 'Task').map((state) => ({ state, read: valueOf.get(m)!, resource: stringValue(property(state.node, 'Resource')) })));
  // A task with Credentials runs as the role they name (cross-account access, concepts-access-cross-acct-resources):
  // what its call needs is that role's to have, and this role needs only to assume it (sts:AssumeRole), whatever the
  // service.
  const assumed = taskStates.flatMap(({ state, read }) => {
    const credentials = property(state.node, 'Credentials');
    return credentials ? [{ state, stateName: state.name, role: str(read(credentials), 'RoleArn') }] : [];
  });
  const credentialed = new Set(assumed.map((a) => a.state));
  const machineTasks = allTasks.filter((t) => t.standalone || !credentialed.has(t.state));
  const runtime = taskStates.flatMap(({ state, read, resource }): RuntimeCall[] => {
    const arn = resource === undefined ? undefined : parseIntegrationArn(resource);
    if (arn?.sdkService !== 'sagemakerruntime' || credentialed.has(state)) return [];
    const request = property(state.node, state.queryLanguage === 'JSONata' ? 'Arguments' : 'Parameters');
    return [{ action: arn.action, payload: request ? read(request) : null, stateName: state.name, resource: resource! }];
  });
  const tasks = machineTasks.map((t): PolicyTask => {
    const payload = t.payloadProperty?.children?.[1];
    return { api: t.api, ...(t.sdk && { sdk: t.sdk }), ...(t.standalone && { standalone: { logGroup: logGroupOf(t.api) } }), integrationPattern: t.integrationPattern, payload: payload ? t.valueOf(payload) : null, stateName: t.state.name };
  });
  const mapsOf = (m: ParsedDocument) => store.model(m).machines.filter(isDistributedMap).map((processor): DistributedMapTask => {
    const state = processor.owner!;
    const read = valueOf.get(m)!;
    const value = (field: string) => { const n = property(state.node, field); return n ? read(n) : undefined; };
    return { stateName: state.name, itemReader: value('ItemReader'), resultWriter: value('ResultWriter'), jsonata: state.queryLanguage === 'JSONata' };
  });
  // The partition the tasks' Resources name, when they all name the same one as text (arn:aws-cn:states:::…); a
  // placeholder (`${AWS::Partition}`) or a mix says nothing, and the default stays.
  const partitions = new Set([...allTasks.map((t) => t.resource), ...runtime.map((c) => c.resource)].map((r) => /^arn:(aws(?:-[a-z]+)*):/.exec(r)?.[1] ?? ''));
  const named = partitions.size === 1 ? [...partitions][0] : '';
  const withPartition = options.partition === undefined && named ? { ...options, partition: named } : options;
  const sagemaker = iamPolicyFor(tasks, withPartition);
  // A Distributed Map starts executions of its own state machine: the name given, else the one its template resource
  // writes (StateMachineName), else any.
  const mapStatements = machines.flatMap((m) => {
    const maps = mapsOf(m);
    const written = machineOwner(m)?.stateMachineName;
    const stateMachineName = withPartition.stateMachineName ?? (written && STATE_MACHINE_NAME.test(written) ? written : undefined);
    return maps.length ? distributedMapStatements(maps, { ...withPartition, ...(stateMachineName !== undefined && { stateMachineName }) }) : [];
  });
  // Machines of one name (or of none) need the same statement once.
  const seen = new Set<string>();
  const distinct = mapStatements.filter((st) => {
    const key = JSON.stringify([st.Effect, st.Action, st.Resource, st.Condition]);
    return !seen.has(key) && seen.add(key);
  });
  return { ...sagemaker, Statement: withUniqueSids([...sagemaker.Statement, ...runtimeStatements(runtime, withPartition), ...distinct, ...assumeRoleStatements(assumed, withPartition.partition ?? 'aws')]) };
}

/**
 * sts:AssumeRole on the roles the tasks' Credentials name: as written where literal (a template's placeholder kept, as
 * for PassRole), any role where computed (`RoleArn.$`, a JSONata expression, an intrinsic's value). One statement.
 */
function assumeRoleStatements(assumed: readonly { stateName: string; role: string | undefined }[], partition: string): PolicyStatement[] {
  if (!assumed.length) return [];
  // Another account's, as a rule: any account where the role is computed.
  const any = `arn:${partition}:iam::*:role/*`;
  const roles = [...new Set(assumed.map((a) => (a.role !== undefined && !isJsonata(a.role) && !a.role.match(INTRINSIC_PLACEHOLDER) ? asWritten(a.role) : any)))];
  const states = statesOf(assumed.map((a) => sidOf(a.stateName)));
  return [{ Sid: `${states}AssumeRole`, Effect: 'Allow', Action: ['sts:AssumeRole'], Resource: roles.includes(any) ? [any] : roles }];
}

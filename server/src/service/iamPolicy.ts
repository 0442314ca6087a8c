// The IAM policy a state machine's role needs, for a document: its SageMaker tasks, optimized and AWS SDK
// (sagemaker/iamPolicy.ts), and its Distributed Map states (asl/iamPolicy.ts). The CLI's `policy` and the editor's
// "Show IAM Policy for this State Machine" both ask here.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { distributedMapStatements, withUniqueSids, type DistributedMapTask } from './asl/iamPolicy';
import { isDistributedMap } from './asl/model';
import { property, toValue } from './core/tree';
import type { ParsedDocument } from './core/types';
import type { DocumentStore } from './documentStore';
import { iamPolicyFor, type PolicyDocument, type PolicyOptions, type PolicyTask } from './sagemaker/iamPolicy';
import { tasksOf } from './sagemaker/tasks';
import { machineName, machineOwner } from './templates/embedded';

/**
 * The policy for every SageMaker task and Distributed Map state of the document (of each state machine a template
 * holds, or of the one `machine` names, as each resource has its own role; of a job spec's request), or null when it
 * is not a state machine.
 */
export function iamPolicy(store: DocumentStore, doc: TextDocument, options: PolicyOptions & { machine?: string } = {}): PolicyDocument | null {
  if (!store.stateMachine(doc)) return null;
  const machines = store.machines(doc).filter((m) => options.machine === undefined || machineName(m) === options.machine);
  const machineTasks = machines.flatMap(tasksOf);
  const tasks = machineTasks.map((t): PolicyTask => {
    const payload = t.payloadProperty?.children?.[1];
    return { api: t.api, ...(t.sdk && { sdk: t.sdk }), integrationPattern: t.integrationPattern, payload: payload ? toValue(payload) : null, stateName: t.state.name };
  });
  const mapsOf = (m: ParsedDocument) => store.model(m).machines.filter(isDistributedMap).map((processor): DistributedMapTask => {
    const state = processor.owner!;
    const value = (field: string) => { const n = property(state.node, field); return n ? toValue(n) : undefined; };
    return { stateName: state.name, itemReader: value('ItemReader'), resultWriter: value('ResultWriter'), jsonata: state.queryLanguage === 'JSONata' };
  });
  // The partition the tasks' Resources name, when they all name the same one as text (arn:aws-cn:states:::…); a
  // placeholder (`${AWS::Partition}`) or a mix says nothing, and the default stays.
  const partitions = new Set(machineTasks.map((t) => /^arn:(aws(?:-[a-z]+)*):/.exec(t.resource)?.[1] ?? ''));
  const named = partitions.size === 1 ? [...partitions][0] : '';
  const withPartition = options.partition === undefined && named ? { ...options, partition: named } : options;
  const sagemaker = iamPolicyFor(tasks, withPartition);
  // A Distributed Map starts executions of its own state machine: the name given, else the one its template resource
  // writes (StateMachineName), else any.
  const mapStatements = machines.flatMap((m) => {
    const maps = mapsOf(m);
    const written = machineOwner(m)?.stateMachineName;
    // Step Functions' name rule (CreateStateMachine): 1 to 80 characters, none of these; another is no name to put in an ARN.
    const stateMachineName = withPartition.stateMachineName ?? (written && /^[^\s<>{}[\]?*"#%\\^|~`$&,;:/]{1,80}$/.test(written) ? written : undefined);
    return maps.length ? distributedMapStatements(maps, { ...withPartition, ...(stateMachineName !== undefined && { stateMachineName }) }) : [];
  });
  return { ...sagemaker, Statement: withUniqueSids([...sagemaker.Statement, ...mapStatements]) };
}

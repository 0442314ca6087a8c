// The IAM policy a state machine's role needs for its SageMaker tasks, optimized and AWS SDK (sagemaker/iamPolicy.ts), for a document:
// the CLI's `policy` and the editor's "Show IAM Policy for this State Machine" both ask here.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { toValue } from './core/tree';
import type { DocumentStore } from './documentStore';
import { iamPolicyFor, type PolicyDocument, type PolicyOptions, type PolicyTask } from './sagemaker/iamPolicy';
import { tasksOf } from './sagemaker/tasks';
import { machineName } from './templates/embedded';

/**
 * The policy for every SageMaker task of the document (of each state machine a template holds, or of the one
 * `machine` names, as each resource has its own role; of a job spec's request), or null when it is not a state machine.
 */
export function iamPolicy(store: DocumentStore, doc: TextDocument, options: PolicyOptions & { machine?: string } = {}): PolicyDocument | null {
  if (!store.stateMachine(doc)) return null;
  const machines = store.machines(doc).filter((m) => options.machine === undefined || machineName(m) === options.machine);
  const tasks = machines.flatMap(tasksOf).map((t): PolicyTask => {
    const payload = t.payloadProperty?.children?.[1];
    return { api: t.api, ...(t.sdk && { sdk: t.sdk }), integrationPattern: t.integrationPattern, payload: payload ? toValue(payload) : null, stateName: t.state.name };
  });
  return iamPolicyFor(tasks, options);
}

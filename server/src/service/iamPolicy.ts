// The IAM policy a state machine's role needs for its SageMaker tasks (sagemaker/iamPolicy.ts), for a document:
// the CLI's `policy` and the editor's "Show IAM Policy for this State Machine" both ask here.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { toValue } from './core/tree';
import type { DocumentStore } from './documentStore';
import { iamPolicyFor, type PolicyDocument, type PolicyOptions } from './sagemaker/iamPolicy';
import { tasksOf } from './sagemaker/tasks';

/** The policy for every SageMaker task of the document, or null when it is not a state machine. */
export function iamPolicy(store: DocumentStore, doc: TextDocument, options: PolicyOptions = {}): PolicyDocument | null {
  const parsed = store.stateMachine(doc);
  if (!parsed) return null;
  const tasks = tasksOf(parsed).map((t) => {
    const payload = t.payloadProperty?.children?.[1];
    return { api: t.api, integrationPattern: t.integrationPattern, payload: payload ? toValue(payload) : null, stateName: t.state.name };
  });
  return iamPolicyFor(tasks, options);
}

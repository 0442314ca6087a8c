// The request a launch is about to send (its paths, placeholders and JSONata resolved: client/src/jobs/resolveRequest.ts),
// checked as the standalone job spec it now is (sagemaker/jobSpecs.ts, named for its request): the SageMaker checks
// the editor makes of the text, on the values an execution input or a placeholder gave. What SageMaker would refuse
// is said before the confirmation, not after a round trip to AWS.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentStore } from './documentStore';
import { RESOLVED_REQUEST_SCHEME, validate } from './validation';

let checks = 0;

/** The error messages of `request` as the request of `api` (createTrainingJob…); none when it would be accepted. */
export function checkRequest(store: DocumentStore, api: string, request: unknown): string[] {
  if (!/^create[A-Z][A-Za-z]*$/.test(api) || request === null || typeof request !== 'object' || Array.isArray(request)) return [];
  // `launch.training-job.json`: the file name a job spec of that request has (jobSpecs.ts requestOfName).
  const kind = api.slice('create'.length).replace(/[A-Z]/g, (c, i: number) => `${i ? '-' : ''}${c.toLowerCase()}`);
  const doc = TextDocument.create(`${RESOLVED_REQUEST_SCHEME}/${++checks}/launch.${kind}.json`, 'json', 1, JSON.stringify(request, null, 2));
  try {
    return validate(store, doc).filter((p) => p.severity === 'error').map((p) => p.message);
  } finally {
    store.close(doc.uri);
  }
}

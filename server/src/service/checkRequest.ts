// The request a launch is about to send (its paths, placeholders and JSONata resolved: client/src/jobs/resolveRequest.ts),
// checked as the standalone job spec it now is (sagemaker/jobSpecs.ts, named for its request): the SageMaker checks
// the editor makes of the text, on the values an execution input or a placeholder gave. What SageMaker would refuse
// is said before the confirmation, not after a round trip to AWS.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { JOB_KINDS, jobKindOfApi } from '../jobKinds';
import type { DocumentStore } from './documentStore';
import { Code } from './core/codes';
import { getIntegration } from './sagemaker/shapes';
import { RESOLVED_REQUEST_SCHEME, validate } from './validation';

let checks = 0;

/** The error messages of `request` as the request of `api` (createTrainingJob…); none when it would be accepted. */
export function checkRequest(store: DocumentStore, api: string, request: unknown): string[] | undefined {
  // No request of an integration to check (ux43: `[]`, "no problem", answered {}, an unknown api, a list): undefined,
  // which the server answers as invalid parameters.
  if (!/^create[A-Z][A-Za-z]*$/.test(api) || !getIntegration(api) || request === null || typeof request !== 'object' || Array.isArray(request)) return undefined;
  // `launch.training-job.json`: the file name a job spec of that request has (jobSpecs.ts requestOfName).
  const kind = api.slice('create'.length).replace(/[A-Z]/g, (c, i: number) => `${i ? '-' : ''}${c.toLowerCase()}`);
  const doc = TextDocument.create(`${RESOLVED_REQUEST_SCHEME}/${++checks}/launch.${kind}.json`, 'json', 1, JSON.stringify(request, null, 2));
  try {
    // A request too deep or large to be read in full is not judged as one without errors (ux43: 1,999 levels of
    // nesting answered [], a bad RoleArn at its top included): what kept it from being read is the answer.
    return validate(store, doc).filter((p) => p.severity === 'error' || p.code === Code.tooLarge).map((p) => p.message);
  } finally {
    store.close(doc.uri);
  }
}

/** A stamp a renamed launch ends its job name with (newJobName): `-YYYYMMDD-HHMMSS`. */
const STAMP = /-\d{8}-\d{6}$/;

/**
 * A new job name for a launch whose name is taken: `name` with `suffix` (a time stamp) in place of one it already
 * ends with, its stem shortened to the model's length limit for the name member of `api` (in the middle, where its
 * last part is short). Undefined for an API that
 * starts no job or a result the model's pattern refuses (the user then types one).
 */
export function newJobName(api: string, name: string, suffix: string): string | undefined {
  const kind = jobKindOfApi(api);
  const shape = kind && getIntegration(api)?.request.members?.get(JOB_KINDS[kind].nameField)?.shape;
  if (!shape) return undefined;
  const room = Math.max(0, (shape.max ?? Infinity) - suffix.length);
  const trimmed = (s: string) => {
    while (s.endsWith('-')) s = s.slice(0, -1);
    return s;
  };
  let stem = name.replace(STAMP, '');
  if (stem.length > room) {
    // The end of a name is often what tells runs apart (…-emea-v12): a short last part is kept and the middle cut,
    // "churn-xgb-em-v12", not "churn-xgb-emea-v" (walk36).
    const tail = stem.slice(stem.lastIndexOf('-') + 1);
    const head = tail.length < stem.length && tail.length <= room / 2 ? trimmed(stem.slice(0, room - tail.length - 1)) : '';
    stem = head ? `${head}-${tail}` : stem.slice(0, room);
  }
  const renamed = trimmed(stem) + suffix;
  return renamed.length <= (shape.max ?? Infinity) && (shape.matches?.(renamed) ?? true) ? renamed : undefined;
}

// Small documents for the unit tests: a state machine around one SageMaker task, and the service's answers
// reduced to what a reader checks (code, severity, the text the diagnostic covers, message).
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LAMBDA_INVOKE_MEMBERS } from '../../server/src/service/asl/integrationRequests';
import { getLanguageService } from '../../server/src/service/languageService';

export const service = getLanguageService();
let n = 0;

export const VALID_TRAINING = {
  TrainingJobName: 'search-model',
  RoleArn: 'arn:aws:iam::111122223333:role/TrainRole',
  AlgorithmSpecification: { TrainingImage: '382416733822.dkr.ecr.us-east-1.amazonaws.com/linear-learner:1', TrainingInputMode: 'File' },
  OutputDataConfig: { S3OutputPath: 's3://example-bucket/output' },
  ResourceConfig: { InstanceCount: 1, InstanceType: 'ml.m5.large', VolumeSizeInGB: 10 },
  StoppingCondition: { MaxRuntimeInSeconds: 3600 },
};

export const VALID_TRANSFORM = {
  TransformJobName: 'batch-scoring',
  ModelName: 'my-model',
  TransformInput: { DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: 's3://bucket/in' } } },
  TransformOutput: { S3OutputPath: 's3://bucket/out' },
  TransformResources: { InstanceCount: 1, InstanceType: 'ml.m5.large' },
};

/** A one-state machine whose Task calls `resource` with `payload` (Parameters, or Arguments with jsonata). */
export function machine(payload: unknown, { resource = 'arn:aws:states:::sagemaker:createTrainingJob.sync', jsonata = false } = {}): string {
  const state: Record<string, unknown> = { Type: 'Task', Resource: resource };
  if (jsonata) state.QueryLanguage = 'JSONata';
  state[jsonata ? 'Arguments' : 'Parameters'] = payload;
  state.End = true;
  return JSON.stringify({ StartAt: 'Train', States: { Train: state } }, null, 2);
}

export function doc(text: string, languageId = 'asl'): TextDocument {
  return TextDocument.create(`file:///test/${n++}.asl.json`, languageId, 1, text);
}

export interface Finding {
  code: string;
  severity: string;
  at: string;
  message: string;
}

/** The service's findings of one source, with the text each one covers. */
export function findings(text: string, { languageId = 'asl', source = 'sagemaker' }: { languageId?: string; source?: string } = {}): Finding[] {
  return service
    .validate(doc(text, languageId))
    .filter((p) => p.source === source)
    .map((p) => ({ code: p.code, severity: p.severity, at: text.slice(p.offset, p.offset + p.length), message: p.message }));
}

/** Document text with a ‸ marking the cursor → [text, offset]. */
export function cursor(marked: string): [string, number] {
  const at = marked.indexOf('‸');
  return [marked.replace('‸', ''), at];
}

/** With a training payload: `patch` overrides top-level members (undefined removes one). */
export function training(patch: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...VALID_TRAINING, ...patch };
  for (const [k, v] of Object.entries(patch)) if (v === undefined) delete out[k];
  return out;
}


/**
 * A lambda:invoke Task (a state to hang fields on); an object Parameters or Arguments names its function, unless the
 * Resource is another (without one it is a warning of its own, tested in aslServiceRules.test.ts), and the members
 * it is given that Lambda's Invoke does not have are its Payload's.
 */
export function lambdaTask(extra: Record<string, unknown> = {}): Record<string, unknown> {
  const invoke = (x: Record<string, unknown>) => {
    const own = Object.entries(x).filter(([k]) => LAMBDA_INVOKE_MEMBERS.includes(k.replace(/\.\$$/, '')));
    const payload = Object.entries(x).filter(([k]) => !LAMBDA_INVOKE_MEMBERS.includes(k.replace(/\.\$$/, '')));
    const given = x.Payload && typeof x.Payload === 'object' && !Array.isArray(x.Payload) ? x.Payload : {};
    return { FunctionName: 'f', ...Object.fromEntries(own), ...(payload.length ? { Payload: { ...given, ...Object.fromEntries(payload) } } : {}) };
  };
  const withFunction = (x: unknown) => (extra.Resource === undefined && x && typeof x === 'object' && !Array.isArray(x) && !('FunctionName' in x) && !('FunctionName.$' in x) ? invoke(x as Record<string, unknown>) : x);
  return {
    Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', End: true, ...extra,
    ...('Parameters' in extra ? { Parameters: withFunction(extra.Parameters) } : {}), ...('Arguments' in extra ? { Arguments: withFunction(extra.Arguments) } : {}),
  };
}

// The custom requests between the extension (client/) and the language server, declared once and imported
// by both sides.

/** `sagemaker/tasks`: the SageMaker Task states of a document, for launching jobs and CodeLenses. */
export const TasksRequest = 'sagemaker/tasks';

export interface TasksParams {
  uri: string;
}

export interface TaskInfo {
  /** The state's name, and the names of the enclosing Parallel/Map states, outermost first. */
  stateName: string;
  statePath: string[];
  /** The Resource ARN as written, e.g. arn:aws:states:::sagemaker:createTrainingJob.sync */
  resource: string;
  /** Step Functions' name of the API, e.g. createTrainingJob. */
  api: string;
  /** The SageMaker operation, e.g. CreateTrainingJob. */
  operation: string;
  integrationPattern: 'requestResponse' | 'sync' | 'waitForTaskToken';
  queryLanguage: 'JSONPath' | 'JSONata';
  /** `Parameters` (JSONPath) or `Arguments` (JSONata), as a JSON value (null when absent). */
  payloadKey: 'Parameters' | 'Arguments';
  payload: unknown;
  /** The range of the state's name key, 0-based LSP positions. */
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  /** The range of the whole state (name and definition): the cursor in it means this state. */
  stateRange?: { start: { line: number; character: number }; end: { line: number; character: number } };
  /** Error diagnostics inside this state, and syntax errors anywhere in the file (messages), so a launch can be refused with the reasons. */
  errors: string[];
}

export type TasksResult = TaskInfo[];

// ---------------------------------------------------------------------------------------------------------------
// `sagemaker/iamPolicy`: the least-privilege IAM policy the state machine's role needs for its SageMaker tasks
// (the editor command "SageMaker: Show IAM Policy for this State Machine"; the CLI's `policy` prints the same).

export interface IamPolicyParams {
  uri: string;
  /** Default aws; region and account default to `*`. */
  partition?: string;
  region?: string;
  account?: string;
}

/** The IAM policy document; null when the document is not a state machine (or not open). */
export type IamPolicyResult = import('./service/sagemaker/iamPolicy').PolicyDocument | null;

// A method name with its types above, like TasksRequest: a RequestType object would pull vscode-languageserver-protocol
// into the activation bundle (test/client/lazyLoad.test.ts).
export const IamPolicyRequest = 'sagemaker/iamPolicy';

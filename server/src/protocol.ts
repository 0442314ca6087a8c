// The custom messages between the extension (client/) and the language server, declared once as typed
// vscode-jsonrpc RequestTypes and imported by both sides (as rust-analyzer's lsp_ext.ts and vscode-eslint's
// customMessages.ts do): a change of a parameter or result type is a compile error on both ends.
import { RequestType } from 'vscode-jsonrpc';

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface TaskInfo {
  /** The state's name, and the names of the enclosing Parallel/Map states, outermost first. */
  stateName: string;
  statePath: string[];
  /** The Resource ARN as written, e.g. arn:aws:states:::sagemaker:createTrainingJob.sync */
  resource: string;
  /** Step Functions' name of the API, e.g. createTrainingJob (see jobKindOfApi in jobKinds.ts). */
  api: string;
  /** The SageMaker operation, e.g. CreateTrainingJob. */
  operation: string;
  integrationPattern: 'requestResponse' | 'sync' | 'waitForTaskToken';
  queryLanguage: 'JSONPath' | 'JSONata';
  /** `Parameters` (JSONPath) or `Arguments` (JSONata), as a JSON value (null when absent). */
  payloadKey: 'Parameters' | 'Arguments';
  payload: unknown;
  /** The range of the state's name key, 0-based LSP positions. */
  range: Range;
  /** The range of the whole state (name and definition): the cursor in it means this state. */
  stateRange?: Range;
  /** Error diagnostics inside this state, and syntax errors anywhere in the file (messages), so a launch can be refused with the reasons. */
  errors: string[];
}

export interface TasksParams {
  uri: string;
}

export type TasksResult = TaskInfo[];

/** `sagemaker/tasks`: the SageMaker Task states of a document, for launching jobs. */
export const TasksRequest = new RequestType<TasksParams, TasksResult, void>('sagemaker/tasks');

/** One finding of Step Functions' ValidateStateMachineDefinition, as the service sends it. */
export interface AwsDiagnostic {
  severity?: string;
  code?: string;
  message?: string;
  /** A JSON-pointer-like path into the definition, e.g. /States/Train/Next; absent for the whole definition. */
  location?: string;
}

export interface AwsDefinitionParams {
  uri: string;
  /** Values for the definition's `${name}` placeholders. */
  placeholders?: Record<string, string>;
}

export interface AwsDefinitionResult {
  /** The document version the definition was read from. */
  version: number;
  /** The `${name}` placeholders of the definition. */
  placeholders: string[];
  /** The definition as JSON, ready to send; absent when it cannot be sent (then `error` says why). */
  definition?: string;
  error?: string;
}

/** `sagemaker/awsDefinition`: the state machine as JSON for ValidateStateMachineDefinition, placeholders filled. */
export const AwsDefinitionRequest = new RequestType<AwsDefinitionParams, AwsDefinitionResult, void>('sagemaker/awsDefinition');

export interface MapAwsDiagnosticsParams {
  uri: string;
  /** The version the definition was sent from: a document edited since gets `stale` instead of ranges. */
  version: number;
  diagnostics: AwsDiagnostic[];
}

export interface MappedAwsDiagnostic {
  range: Range;
  severity: 'error' | 'warning' | 'information' | 'hint';
  code: string;
  message: string;
}

export interface MapAwsDiagnosticsResult {
  stale: boolean;
  diagnostics: MappedAwsDiagnostic[];
}

/** `sagemaker/mapAwsDiagnostics`: each diagnostic's `location` as the range of the text it names. */
export const MapAwsDiagnosticsRequest = new RequestType<MapAwsDiagnosticsParams, MapAwsDiagnosticsResult, void>('sagemaker/mapAwsDiagnostics');

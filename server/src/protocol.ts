// The custom messages between the extension (client/) and the language server, declared once as typed
// vscode-jsonrpc RequestTypes and imported by both sides (as rust-analyzer's lsp_ext.ts and vscode-eslint's
// customMessages.ts do): a change of a parameter or result type is a compile error on both ends.
import { NotificationType, RequestType } from 'vscode-jsonrpc';
import type { WorkflowType } from './service/core/types';
import type { DocumentGraph } from './service/stateGraph';

/** The code action kind of the server's fix-all, which the client asks for by name ("Fix All SageMaker Problems"). */
export { FIX_ALL_KIND } from './service/core/codes';

/** What the client says at `initialize` (initializationOptions); every field optional, for other clients. */
export interface InitializationOptions {
  /** The client watches the example inputs (NAME.input.json) itself and reports changes: the server need not register a watcher. */
  inputFilesWatched?: boolean;
  /** `false` turns off finding state machines in templates / standalone job specs (settings sagemakerAsl.detect.*). */
  detect?: { templates?: boolean; jobSpecs?: boolean };
  /** `structure: false` leaves the ASL structure findings (source 'asl') to another tool (sagemakerAsl.validation.structure). */
  validation?: { structure?: boolean };
}

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
  /** The nearest Map the Task runs in, if any: its `$` is one item of that Map (what its ItemSelector makes of it), not the execution input. */
  mapItemOf?: string;
  /**
   * When the Task is not where its machine starts: the states whose transitions lead to it (none when nothing does).
   * Its `$` in an execution is what they pass on, not the execution input (nor, in a Map, the item). Absent too where
   * every state before it passes its input on unchanged: its `$` is the execution input.
   */
  inputFrom?: string[];
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
  /**
   * A standalone job spec (a request file, not a state machine): the payload is the whole document and there is
   * no execution input to ask for. Absent for Task states.
   */
  standalone?: boolean;
  /**
   * The state machine of a template this Task is in: the name it is declared under (the resource's logical ID, the
   * Serverless key) and the range of its definition. A template may hold several machines with the same state
   * names; these tell them apart. Absent for a document that is itself the state machine.
   */
  machine?: string;
  machineRange?: Range;
  /**
   * In a template, the values it gives `${name}` placeholders itself (its Parameters' literal Defaults, the
   * resource's DefinitionSubstitutions): a launch asks only for the payload's others.
   */
  placeholderValues?: Record<string, string>;
}

export interface TasksParams {
  uri: string;
}

export type TasksResult = TaskInfo[];

/** `sagemaker/tasks`: the SageMaker Task states of a document, for launching jobs. */
export const TasksRequest = new RequestType<TasksParams, TasksResult, void>('sagemaker/tasks');

// The graph view (client/src/graph/).

export interface GraphParams {
  uri: string;
  /** The editor's cursor: in a template, the machine whose definition holds it is drawn... */
  position?: { line: number; character: number };
  /** ...else this one (the one drawn last) while the template has it, else the first. */
  machine?: string;
}

/**
 * The graph of a state machine document. `syntaxError` is set while the text does not parse: the graph is then
 * what could be read, and the view keeps its last good graph, marked stale. Null: not a state machine.
 */
export type GraphResult = DocumentGraph;

/** `sagemaker/graph` */
export const GraphRequest = new RequestType<GraphParams, GraphResult | null, void>('sagemaker/graph');

/**
 * `sagemaker/hasGraph`: whether `sagemaker/graph` would draw the document (a state machine, or a template holding
 * one), without building the graph. The editor asks it for every JSON or YAML editor that becomes active, to show
 * the graph button.
 */
export const HasGraphRequest = new RequestType<{ uri: string }, boolean, void>('sagemaker/hasGraph');

export type { GraphModel, GraphNode, GraphEdge, GraphGroup } from './service/graph/graphModel';

// ---------------------------------------------------------------------------------------------------------------
// `sagemaker/iamPolicy`: the least-privilege IAM policy the state machine's role needs for its SageMaker tasks
// (the editor command "SageMaker: Show IAM Policy for this State Machine"; the CLI's `policy` prints the same).

export interface IamPolicyParams {
  uri: string;
  /**
   * The editor's cursor: in a template of several state machines, the policy is for the one whose definition holds
   * it (each resource has its own role); elsewhere, or without it, one policy covers every machine.
   */
  position?: { line: number; character: number };
  /** Default aws; region and account default to `*`. */
  partition?: string;
  region?: string;
  account?: string;
}

/**
 * The IAM policy document, and the state machine it is for when the cursor chose one of a template's; null when the
 * document is not a state machine (or not open).
 */
export type IamPolicyResult = {
  policy: import('./service/sagemaker/iamPolicy').PolicyDocument;
  /** The template's state machine the policy is for (the cursor's)... */
  machine?: string;
  /** ...or, in a template of several, every one it covers when the cursor is in none (one merged policy). */
  machines?: string[];
  /** A standalone job spec: the policy is what launching its job calls, not a state machine role's. */
  jobSpec?: true;
  /** What IAM would refuse of the policy for its size, in words (over a managed policy's 6,144 characters). */
  tooLarge?: string;
  /** Why the policy may lack statements: the document does not read in full (a syntax error, and where), in words. */
  incomplete?: string;
} | null;

export const IamPolicyRequest = new RequestType<IamPolicyParams, IamPolicyResult, void>('sagemaker/iamPolicy');

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
  /** The definition as JSON, ready to send; absent when it cannot be sent (then `error` says why) or the file is a template. */
  definition?: string;
  /** The workflow type the definition was given (LanguageService.setWorkflowType), to validate it as. */
  type?: WorkflowType;
  /** A template's state machines (CloudFormation, SAM, Serverless), each to send on its own. */
  embedded?: AwsEmbeddedDefinition[];
  error?: string;
}

/** One state machine of a template, ready to send. */
export interface AwsEmbeddedDefinition {
  /** Its resource's logical ID (or Serverless key), for messages. */
  name: string;
  /** Where its definition starts in the file: give it back with the service's answer (MapAwsDiagnosticsParams.at). */
  at: number;
  /** The definition as JSON, intrinsics and placeholders filled. */
  definition: string;
  /** The workflow type its resource declares (Express machines are validated as such). */
  type?: WorkflowType;
}

/** `sagemaker/awsDefinition`: the state machine as JSON for ValidateStateMachineDefinition, placeholders filled. */
export const AwsDefinitionRequest = new RequestType<AwsDefinitionParams, AwsDefinitionResult, void>('sagemaker/awsDefinition');

export interface MapAwsDiagnosticsParams {
  uri: string;
  /** The version the definition was sent from: a document edited since gets `stale` instead of ranges. */
  version: number;
  diagnostics: AwsDiagnostic[];
  /** In a template, the state machine the diagnostics are about (AwsEmbeddedDefinition.at). */
  at?: number;
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

// ---------------------------------------------------------------------------------------------------------------
// `sagemaker/executionInput` (client → server): the execution input the launch flow last used for a state machine,
// so the data-flow analysis offers its fields in paths (completion, hover) when there is no `NAME.input.json`
// beside the machine (the file wins). Sent when the launch flow remembers one, and for every remembered one when
// the server starts. The input stays between the editor and its own server: neither side logs it.

export interface ExecutionInputParams {
  /** The state machine document. */
  uri: string;
  /** The execution input as JSON text; absent to forget it. */
  input?: string;
}

export const ExecutionInputNotification = new NotificationType<ExecutionInputParams>('sagemaker/executionInput');

// A launch's request, resolved (client/src/jobs/commands.ts): checked before the confirmation.

export interface CheckRequestParams {
  /** The integration's API, as TaskInfo.api: createTrainingJob, createTransformJob. */
  api: string;
  /** The request as SageMaker would receive it. */
  request: Record<string, unknown>;
}

/** `sagemaker/checkRequest`: the error messages of the request (what SageMaker would refuse it for); empty when none. */
export const CheckRequestRequest = new RequestType<CheckRequestParams, string[], void>('sagemaker/checkRequest');

// A launch whose job name is taken (a literal name, started before): the name offered in its place.

export interface NewJobNameParams {
  /** The integration's API, as TaskInfo.api. */
  api: string;
  /** The name that is taken. */
  name: string;
  /** What the new name ends with, e.g. `-20261206-221530`: in place of such an ending of `name`, after its stem shortened to the model's length limit. */
  suffix: string;
}

/** `sagemaker/newJobName`: the name, or null where the model's pattern would refuse it (the user then types one). */
export const NewJobNameRequest = new RequestType<NewJobNameParams, string | null, void>('sagemaker/newJobName');

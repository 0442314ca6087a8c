// The editor-agnostic language service: one factory that forwards each feature to its file. It takes
// TextDocuments and returns LSP types; nothing here knows about a connection or a process (server.ts does the
// wiring, and the CLI uses the same service). The documents' parses, models and findings live in the store.
import type { Position, TextDocument } from 'vscode-languageserver-textdocument';
import type { FormattingOptions } from 'vscode-json-languageservice';
import type { CodeAction, CodeLens, CompletionItem, Diagnostic, DocumentSymbol, FoldingRange, Hover, Location, Range, SelectionRange, TextEdit } from 'vscode-languageserver-types';
import type { AwsDefinitionResult, AwsDiagnostic, MapAwsDiagnosticsResult, TaskInfo } from '../protocol';
import * as aws from './awsDiagnostics';
import { getCodeActions, fixAll } from './codeActions';
import { getCodeLenses } from './codeLens';
import { doComplete } from './completion';
import type { ParsedDocument, Problem, WorkflowType } from './core/types';
import { Code } from './core/codes';
import { createDocumentStore } from './documentStore';
import type { ExecutionInputSource } from './executionInput';
import { exampleInputUri } from '../machineFiles';
import { doHover } from './hover';
import { iamPolicy } from './iamPolicy';
import { policySizeProblem } from './asl/iamPolicy';
import * as json from './json/jsonFeatures';
import * as structure from './structure';
import * as navigation from './navigation';
import { graphOf, hasGraph, type DocumentGraph, type GraphWhich } from './stateGraph';
import type { PolicyDocument, PolicyOptions } from './sagemaker/iamPolicy';
import { findTasks } from './tasks';
import { checkRequest, newJobName } from './checkRequest';
import { doValidation, validate } from './validation';

export interface LanguageService {
  /** The parsed form of a document, cached per URI and version. */
  parse(doc: TextDocument): ParsedDocument;
  /** After a change: the parse brought up to date if an incremental re-parse can (documentStore.ts); else nothing. */
  prepare(doc: TextDocument): void;
  /** A document closed: what is kept of it is dropped (documentStore.ts). */
  close(uri: string): void;
  /** Whether the service has anything to say about this document. */
  isStateMachineDocument(doc: TextDocument): boolean;
  /** Findings in offsets (for the CLI and quick fixes). */
  validate(doc: TextDocument): Problem[];
  doValidation(doc: TextDocument): Diagnostic[];
  doComplete(doc: TextDocument, position: Position): CompletionItem[];
  doHover(doc: TextDocument, position: Position): Hover | null;
  findTasks(doc: TextDocument): TaskInfo[];
  /** The errors SageMaker's request `api` would be refused for, of a launch's resolved request (checkRequest.ts); undefined for no integration's request. */
  checkRequest(api: string, request: unknown): string[] | undefined;
  /** A job name in place of a taken one (checkRequest.ts). */
  newJobName(api: string, name: string, suffix: string): string | undefined;
  /** The edits of every unambiguous (preferred) quick fix in the document: `source.fixAll.sagemaker` and the CLI's --fix. */
  fixAll(doc: TextDocument): TextEdit[];
  /** Quick fixes for the findings overlapping `range`, and `source.fixAll.sagemaker` when `only` asks for it. */
  getCodeActions(doc: TextDocument, range: Range, only?: string[]): CodeAction[];
  /** Generic JSON editing features for JSON state machines (none for YAML). */
  format(doc: TextDocument, range: Range | undefined, options: FormattingOptions): TextEdit[];
  /** Null where the service has nothing to say (a file that is no state machine, template or job spec): the editor's own folding then. */
  getFoldingRanges(doc: TextDocument): FoldingRange[] | null;
  getSelectionRanges(doc: TextDocument, positions: Position[]): SelectionRange[];
  getCodeLenses(doc: TextDocument): CodeLens[];
  /** The outline: states nested under their Parallel branch or Map. */
  findDocumentSymbols(doc: TextDocument): DocumentSymbol[];
  /** From a StartAt/Next/Default/catcher Next value to the state it names. */
  findDefinition(doc: TextDocument, position: Position): Location | null;
  /** Every place naming the state at `position` (its key and the transitions to it). */
  findReferences(doc: TextDocument, position: Position, includeDeclaration: boolean): Location[];
  /** The name under `position` when it is a state's name or a transition to a state, else null. */
  prepareRename(doc: TextDocument, position: Position): { range: Range; placeholder: string } | null;
  /** Renames a state and every transition to it, in the document's syntax; an error says why it cannot. */
  rename(doc: TextDocument, position: Position, newName: string): { edits: TextEdit[] } | { error: string };
  /**
   * The graph of the state machine (nodes, edges, groups, findings per state), null when it is not one. In a
   * template, of the machine `which` names, else its first.
   */
  graph(doc: TextDocument, which?: GraphWhich): DocumentGraph | null;
  /** Whether `graph` draws the document, without building its graph. */
  hasGraph(doc: TextDocument): boolean;
  /** In a template: the names of its state machines (their resources' logical IDs), in document order; else undefined. */
  machineNames(doc: TextDocument): string[] | undefined;
  /** In a template of more than one state machine: the name of the one whose definition holds `offset`, if one does. */
  machineNameAt(doc: TextDocument, offset: number): string | undefined;
  /** The least-privilege IAM policy for the document's SageMaker tasks; null when it is not a state machine. */
  /** `machine`: in a template, the state machine (its resource's logical ID) whose role the policy is for. */
  iamPolicy(doc: TextDocument, options?: PolicyOptions & { machine?: string }): PolicyDocument | null;
  /** What IAM would refuse of a policy for its size, in words (over a managed policy's 6,144 characters). */
  iamPolicySizeProblem(policy: PolicyDocument): string | undefined;
  /**
   * What keeps the document from being read in full, if anything: its first syntax error, or a nesting or alias
   * expansion past what the parsers read (a template's definition in a string included). A policy or a graph of
   * half a file would mislead: the CLI refuses them, the editor says so.
   */
  unreadPart(doc: TextDocument): Problem | undefined;
  /** The state machine as JSON for Step Functions' ValidateStateMachineDefinition, `${…}` filled from `values`. */
  awsDefinition(doc: TextDocument, values?: Record<string, string>): AwsDefinitionResult;
  /** Step Functions' diagnostics as findings (source `aws`) on the text each `location` names; `at`: a template's machine. */
  awsProblems(doc: TextDocument, diagnostics: readonly AwsDiagnostic[], at?: number): Problem[];
  /** The same as LSP ranges, or `stale` when the document is no longer at `version`. */
  mapAwsDiagnostics(doc: TextDocument, version: number, diagnostics: readonly AwsDiagnostic[], at?: number): MapAwsDiagnosticsResult;
  /** The URI of the example execution input file (`NAME.input.json`) beside the machine at `uri`; file: URIs only. */
  exampleInputUri(uri: string): string | undefined;
  /**
   * Gives (JSON text) or takes back (undefined) an example of the execution input of the machine at `uri`, from
   * its `NAME.input.json` or the launch flow (the file wins); text that is not JSON or too large counts as none.
   * True when the input in effect changed: the document's diagnostics are then worth sending again.
   */
  setExecutionInput(uri: string, source: ExecutionInputSource, text: string | undefined): boolean;
  /**
   * The workflow type the state machine at `uri` is judged as (CreateStateMachine's `type`; a template's machines
   * declare their own): EXPRESS makes what Express machines cannot do errors. True when it changed.
   */
  setWorkflowType(uri: string, type: WorkflowType | undefined): boolean;
}

export interface LanguageServiceOptions {
  /** State machines embedded in CloudFormation/SAM/Serverless templates (templates/); on unless false. */
  templates?: boolean;
  /** Standalone SageMaker job specs (sagemaker/jobSpecs.ts); on unless false. */
  jobSpecs?: boolean;
  /** Whether the editor has the document open: its launch input is kept however many others arrive (executionInput.ts). */
  isOpen?: (uri: string) => boolean;
}

export function getLanguageService(options: LanguageServiceOptions = {}): LanguageService {
  const store = createDocumentStore(options);
  /** JSON state machines only: the JSON features would misread YAML. */
  const jsonDoc = (doc: TextDocument) => store.workable(doc)?.language === 'json';
  return {
    parse: store.parse,
    prepare: store.prepare,
    close: store.close,
    isStateMachineDocument: store.isStateMachineDocument,
    validate: (doc) => validate(store, doc),
    doValidation: (doc) => doValidation(store, doc),
    doComplete: (doc, position) => doComplete(store, doc, position),
    doHover: (doc, position) => doHover(store, doc, position),
    findTasks: (doc) => findTasks(store, doc),
    checkRequest: (api, request) => checkRequest(store, api, request),
    newJobName,
    fixAll: (doc) => fixAll(store, doc),
    getCodeActions: (doc, range, only) => getCodeActions(store, doc, range, only),
    format: (doc, range, options) => (jsonDoc(doc) ? json.format(doc, range, options) : []),
    getFoldingRanges: (doc) => structure.getFoldingRanges(store, doc),
    getSelectionRanges: (doc, positions) => structure.getSelectionRanges(store, doc, positions),
    getCodeLenses: (doc) => getCodeLenses(store, doc),
    findDocumentSymbols: (doc) => navigation.documentSymbols(store, doc),
    findDefinition: (doc, position) => navigation.definition(store, doc, position),
    findReferences: (doc, position, includeDeclaration) => navigation.references(store, doc, position, includeDeclaration),
    prepareRename: (doc, position) => navigation.prepareRename(store, doc, position),
    rename: (doc, position, newName) => navigation.rename(store, doc, position, newName),
    graph: (doc, which) => graphOf(store, doc, which),
    hasGraph: (doc) => hasGraph(store, doc),
    machineNames: store.machineNames,
    machineNameAt: store.machineNameAt,
    iamPolicy: (doc, options) => iamPolicy(store, doc, options),
    iamPolicySizeProblem: policySizeProblem,
    unreadPart: (doc) => store.parse(doc).syntaxErrors[0] ?? validate(store, doc).find((p) => p.code === Code.syntax || p.code === Code.tooLarge),
    awsDefinition: (doc, values) => aws.awsDefinition(store, doc, values),
    awsProblems: (doc, diagnostics, at) => aws.awsProblems(aws.sentMachine(store, doc, at), diagnostics),
    mapAwsDiagnostics: (doc, version, diagnostics, at) => aws.mapAwsDiagnostics(store, doc, version, diagnostics, at),
    exampleInputUri,
    setExecutionInput: store.setExecutionInput,
    setWorkflowType: store.setWorkflowType,
  };
}

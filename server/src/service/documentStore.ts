// The documents the service has seen, by URI: each one's parse (re-parsed incrementally after an edit), its
// findings, and whether it is a state machine at all. Every feature asks the store; nothing is parsed twice.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { modelOf, isStateMachine, type AslModel } from './asl/model';
import { Code } from './core/codes';
import type { AstNode, ParsedDocument, Problem, WorkflowType } from './core/types';
import { carryOver } from './carryOver';
import { reparse } from './json/incrementalParse';
import { parseJson } from './json/parse';
import { parseYaml } from './yaml/parseYaml';
import { embeddedMachines, machineAt, machineName, machineOfResourceAt } from './templates/embedded';
import { stateMachineResources } from './templates/resource';
import { resolveIntrinsics } from './templates/intrinsics';
import { jobSpecOf, requestOfName } from './sagemaker/jobSpecs';
import type { Shape } from './dataflow/shapes';
import { ExecutionInputs, type ExecutionInputSource } from './executionInput';

/** Languages whose every document is a state machine; other JSON/YAML files are one only with StartAt + States. */
const ASL_LANGUAGES = new Set(['asl', 'asl-yaml']);
const SUPPORTED_LANGUAGES = new Set(['asl', 'asl-yaml', 'json', 'jsonc', 'yaml']);
/** A plain JSON/YAML name: the CLI gives any YAML file named on its command line asl-yaml, which says nothing about its content. */
const PLAIN_NAME = /\.(json|jsonc|ya?ml)$/i;

/**
 * A document its name or editor language declares a state machine (*.asl.json, *.asl, *.asl.yaml, *.asl.yml):
 * judged as one even without StartAt or States, which are then reported missing.
 */
export const declaresStateMachine = (doc: TextDocument): boolean =>
  ASL_LANGUAGES.has(doc.languageId) && (!PLAIN_NAME.test(doc.uri) || /\.asl\.(json|ya?ml)$/i.test(doc.uri));
/** Documents remembered per cache (the oldest is forgotten first). */
const LIMIT = 200;

/** Parses a document. `languageId` is the editor's: asl, json, jsonc, asl-yaml, yaml. */
export function parseDocument(text: string, languageId: string): ParsedDocument {
  if (languageId === 'asl-yaml' || languageId === 'yaml') return parseYaml(text);
  return parseJson(text, languageId === 'jsonc');
}

export interface DocumentStore {
  /** The parsed form of a document, cached per URI and version. */
  parse(doc: TextDocument): ParsedDocument;
  /**
   * Brings a document's parse up to date when an incremental re-parse can: work of the size of the edit, done as
   * the change arrives. A full parse (the first, or after a syntax error) is left to the next request.
   */
  prepare(doc: TextDocument): void;
  /**
   * Drops what is kept of a closed document (its parse, its findings): it is read again on its next open, and a
   * session that opens thousands of files keeps only those still open.
   */
  close(uri: string): void;
  /** Whether the service has anything to say about this document. */
  isStateMachineDocument(doc: TextDocument): boolean;
  /** The parse of a state machine document, else undefined. */
  stateMachine(doc: TextDocument): ParsedDocument | undefined;
  /**
   * The parse of a state machine document that features reading its text may work on: not one too deep to parse
   * (parse.ts's limit), where they would recurse too deep too.
   */
  workable(doc: TextDocument): ParsedDocument | undefined;
  /** The workable state machines of a document: itself, or those embedded in a template (templates/). */
  machines(doc: TextDocument): ParsedDocument[];
  /**
   * The names of a template's state machines (their resources' logical IDs, '' for one without), in document
   * order; undefined when the document is no template.
   */
  machineNames(doc: TextDocument): string[] | undefined;
  /** The workable state machine at `offset`: the document's own, or the embedded one whose definition spans it. */
  machineAt(doc: TextDocument, offset: number): ParsedDocument | undefined;
  /** A new job spec, empty still, named as the request of this integration (`churn.training-job.json`: createTrainingJob). */
  emptyJobSpecApi(doc: TextDocument): string | undefined;
  /** In a template of more than one state machine: the name of the one whose definition holds `offset`, if one does. */
  machineNameAt(doc: TextDocument, offset: number): string | undefined;
  /** The state machine model of a parse (one per parse). */
  model(parsed: ParsedDocument): AslModel;
  /** The findings of a document's current parse: `check` runs once per parse. */
  findings(doc: TextDocument, parsed: ParsedDocument, check: (parsed: ParsedDocument) => Problem[]): Problem[];
  /** The example execution input of a document (executionInput.ts), undefined when none is known. */
  executionInput(uri: string): Shape | undefined;
  /** Sets or clears one source of it; when the input in effect changes, the document's findings are worked out again. */
  setExecutionInput(uri: string, source: ExecutionInputSource, text: string | undefined): boolean;
  /** The workflow type a document's own state machine is to be judged as (a template's machines declare theirs). */
  workflowType(uri: string): WorkflowType | undefined;
  /** Sets (or clears) it; when it changes, the document's findings are worked out again. */
  setWorkflowType(uri: string, type: WorkflowType | undefined): boolean;
}

function remember<K, V>(cache: Map<K, V>, key: K, value: V) {
  cache.set(key, value);
  if (cache.size > LIMIT) cache.delete(cache.keys().next().value!);
}

export function createDocumentStore(options: { templates?: boolean; jobSpecs?: boolean; isOpen?: (uri: string) => boolean } = {}): DocumentStore {
  const parses = new Map<string, { version: number; text: string; parsed: ParsedDocument; languageId: string }>();
  const findings = new Map<string, { parsed: ParsedDocument; problems: Problem[] }>();
  const inputs = new ExecutionInputs(options.isOpen);
  const workflowTypes = new Map<string, WorkflowType>();

  function parse(doc: TextDocument, incrementalOnly = false): ParsedDocument | undefined {
    const hit = parses.get(doc.uri);
    // The same version is not enough: editors start at version 1 on every open (and may reopen under another language).
    if (hit && hit.version === doc.version && hit.languageId === doc.languageId && hit.text === doc.getText()) return hit.parsed;
    const text = doc.getText();
    // After an edit, re-parse only what changed (the previous tree is reused and updated in place).
    let fresh: AstNode[] | undefined;
    const root = hit && hit.languageId === doc.languageId ? reparse(hit.parsed, text, (nodes) => (fresh = nodes)) : undefined;
    if (!root && incrementalOnly) {
      // A re-parse that gave up may have left the old tree half updated: the next parse is a full one.
      parses.delete(doc.uri);
      return undefined;
    }
    const parsed: ParsedDocument = root ? { text, language: 'json', root, syntaxErrors: [] } : parseDocument(text, doc.languageId);
    // A YAML state machine with CloudFormation's short tags (`!GetAtt Role.Arn`): values known only at deployment.
    // A tag that is neither CloudFormation's nor YAML's: a warning, its value not judged.
    if (parsed.language === 'yaml' && parsed.root && text.includes('!') && isStateMachine(parsed.root)) {
      const warnings: Problem[] = [];
      resolveIntrinsics(parsed.root, text, { tagsOnly: true, warnings });
      if (warnings.length) parsed.readWarnings = [...(parsed.readWarnings ?? []), ...warnings].sort((a, b) => a.offset - b.offset);
    }
    // What the edit cannot have changed (the model, the data flow…) is taken over, not rebuilt.
    if (root && fresh) carryOver(hit!.parsed, parsed, fresh);
    remember(parses, doc.uri, { version: doc.version, text, parsed, languageId: doc.languageId });
    return parsed;
  }

  /**
   * Whether a template declares a state machine resource, its definition written in it or not (a SAM DefinitionUri, a
   * misspelt Definition): what the resource's own properties are judged in.
   */
  const declaresResource = (root: AstNode | undefined) => options.templates !== false && stateMachineResources(root).length > 0;

  function isStateMachineDocument(doc: TextDocument): boolean {
    if (!SUPPORTED_LANGUAGES.has(doc.languageId)) return false;
    if (ASL_LANGUAGES.has(doc.languageId)) return true;
    const parsed = parse(doc)!;
    // Too deep to read: whether it is a state machine (or a template holding one) cannot be told, and its warning
    // says it was not checked; silence would pass it as checked.
    if (parsed.root === undefined && parsed.syntaxErrors.some((p) => p.code === Code.tooLarge)) return true;
    return isStateMachine(parsed.root) || within(parsed, doc).length > 0 || declaresResource(parsed.root);
  }

  /** The state machines a template embeds (templates/), or a standalone job spec (sagemaker/jobSpecs.ts). */
  function within(parsed: ParsedDocument, doc: TextDocument): ParsedDocument[] {
    const embedded = options.templates === false ? [] : embeddedMachines(parsed);
    const spec = !embedded.length && options.jobSpecs !== false ? jobSpecOf(parsed, doc.uri) : undefined;
    return spec ? [spec] : embedded;
  }
  const stateMachine = (doc: TextDocument) => (isStateMachineDocument(doc) ? parse(doc)! : undefined);
  function workable(doc: TextDocument): ParsedDocument | undefined {
    const parsed = stateMachine(doc);
    // Too large to read has no tree; aliases over their budget (also too-large) leave one, read in part.
    return parsed && !(parsed.root === undefined && parsed.syntaxErrors.some((p) => p.code === Code.tooLarge)) ? parsed : undefined;
  }
  /**
   * A template's embedded machines; undefined for a document that is a state machine itself (or is in an ASL
   * language and holds none: a half-typed machine). A template named as a state machine (the CLI's YAML) is a template.
   */
  const embedded = (parsed: ParsedDocument, doc: TextDocument) => {
    if (isStateMachine(parsed.root)) return undefined;
    const inner = within(parsed, doc);
    // A template whose state machine resources hold no definition here (a DefinitionUri) is still a template.
    return ASL_LANGUAGES.has(doc.languageId) && !inner.length && !declaresResource(parsed.root) ? undefined : inner;
  };

  const machinesOf = (doc: TextDocument): ParsedDocument[] => {
    const parsed = workable(doc);
    return !parsed ? [] : (embedded(parsed, doc) ?? [parsed]);
  };
  const machineNames = (doc: TextDocument): string[] | undefined => {
    const parsed = workable(doc);
    const inner = parsed && embedded(parsed, doc);
    const names = inner?.map((m) => machineName(m) ?? '');
    return names && inner!.length > 0 && inner![0] !== parsed && names.some(Boolean) ? names : undefined;
  };
  const machineOf = (doc: TextDocument, offset: number): ParsedDocument | undefined => {
    const parsed = workable(doc);
    const inner = parsed && embedded(parsed, doc);
    // A job spec is the whole document (its root the document's): the cursor is in it wherever it is.
    if (inner?.length === 1 && inner[0].root === parsed!.root) return inner[0];
    return inner ? machineAt(inner, offset) : parsed;
  };
  return {
    emptyJobSpecApi: (doc) => (options.jobSpecs !== false && !ASL_LANGUAGES.has(doc.languageId) && !doc.getText().trim() ? requestOfName(doc.uri) : undefined),
    parse: (doc) => parse(doc)!,
    prepare: (doc) => void parse(doc, true),
    close(uri) {
      parses.delete(uri);
      findings.delete(uri);
    },
    isStateMachineDocument,
    stateMachine,
    workable,
    machines: machinesOf,
    machineNames,
    machineNameAt(doc, offset) {
      if ((machineNames(doc)?.length ?? 0) < 2) return undefined;
      // In its definition, or anywhere in the resource that declares it (its RoleArn: review of the day).
      const machine = machineOf(doc, offset) ?? machineOfResourceAt(machinesOf(doc), offset);
      return machine && machineName(machine);
    },
    machineAt: machineOf,
    model: modelOf,
    findings(doc, parsed, check) {
      const hit = findings.get(doc.uri);
      if (hit && hit.parsed === parsed) return hit.problems;
      const problems = check(parsed);
      remember(findings, doc.uri, { parsed, problems });
      return problems;
    },
    executionInput: (uri) => inputs.shapeOf(uri),
    setExecutionInput(uri, source, text) {
      const changed = inputs.set(uri, source, text);
      if (changed) findings.delete(uri);
      return changed;
    },
    workflowType: (uri) => workflowTypes.get(uri),
    setWorkflowType(uri, type) {
      if (workflowTypes.get(uri) === type) return false;
      if (type) remember(workflowTypes, uri, type);
      else workflowTypes.delete(uri);
      findings.delete(uri);
      return true;
    },
  };
}

// The editor-agnostic language service: one factory returning the features. It takes TextDocuments and
// returns LSP types; nothing here knows about a connection or a process (server.ts does the wiring, and the
// CLI uses the same service).
import type { TextDocument, Position } from 'vscode-languageserver-textdocument';
import type { FormattingOptions } from 'vscode-json-languageservice';
import {
  DiagnosticSeverity,
  type CodeAction,
  type CodeLens,
  type CompletionItem,
  type Diagnostic,
  type FoldingRange,
  type Hover,
  type Range,
  type SelectionRange,
  type TextEdit,
} from 'vscode-languageserver-types';
import type { TaskInfo } from '../protocol';
import { fixAll, getCodeActions } from './codeActions';
import { Code } from './codes';
import { doComplete } from './completion';
import { doHover } from './hover';
import * as jsonFeatures from './jsonFeatures';
import { reparse } from './incrementalParse';
import { parseDocument } from './parse';
// asl-yaml and yaml documents: registers the YAML parser with parse.ts (same tree as JSON).
import './yaml';
import { validateSageMakerTasks } from './sagemakerValidation';
import { getIntegration } from './shapes';
import { isStateMachine, tasksOf } from './stateMachine';
import type { ParsedDocument, Problem } from './types';

/** Languages whose every document is a state machine; other JSON/YAML files are one only with StartAt + States. */
const ASL_LANGUAGES = new Set(['asl', 'asl-yaml']);
const SUPPORTED_LANGUAGES = new Set(['asl', 'asl-yaml', 'json', 'jsonc', 'yaml']);

/** Findings that an incomplete tree (after a syntax error) would produce falsely. */
const INCOMPLETE_TREE_CODES = new Set<string>([Code.missingRequired, Code.tooFewItems, Code.tooFewEntries]);

const SEVERITY: Record<Problem['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostic(doc: TextDocument, p: Problem): Diagnostic {
  return {
    range: { start: doc.positionAt(p.offset), end: doc.positionAt(p.offset + p.length) },
    severity: SEVERITY[p.severity],
    source: p.source,
    code: p.code,
    message: p.message,
    data: p.data,
  };
}

export interface LanguageService {
  /** The parsed form of a document, cached per URI and version. */
  parse(doc: TextDocument): ParsedDocument;
  /** Whether the service has anything to say about this document. */
  isStateMachineDocument(doc: TextDocument): boolean;
  /** Findings in offsets (for the CLI and quick fixes). */
  validate(doc: TextDocument): Problem[];
  doValidation(doc: TextDocument): Diagnostic[];
  doComplete(doc: TextDocument, position: Position): CompletionItem[];
  doHover(doc: TextDocument, position: Position): Hover | null;
  findTasks(doc: TextDocument): TaskInfo[];
  /** The edits of every unambiguous (preferred) quick fix in the document: `source.fixAll` and the CLI's --fix. */
  fixAll(doc: TextDocument): TextEdit[];
  /** Quick fixes for the findings overlapping `range`, and `source.fixAll` when `only` asks for it. */
  getCodeActions(doc: TextDocument, range: Range, only?: string[]): CodeAction[];
  /** Generic JSON editing features for JSON state machines (none for YAML). */
  format(doc: TextDocument, range: Range | undefined, options: FormattingOptions): TextEdit[];
  getFoldingRanges(doc: TextDocument): FoldingRange[];
  getSelectionRanges(doc: TextDocument, positions: Position[]): SelectionRange[];
  getCodeLenses(doc: TextDocument): CodeLens[];
}

export function getLanguageService(): LanguageService {
  const cache = new Map<string, { version: number; text: string; parsed: ParsedDocument; languageId: string }>();
  const problemsCache = new Map<string, { parsed: ParsedDocument; problems: Problem[] }>();

  function parse(doc: TextDocument): ParsedDocument {
    const hit = cache.get(doc.uri);
    // The same version is not enough: editors start at version 1 on every open (and may reopen under another language).
    if (hit && hit.version === doc.version && hit.languageId === doc.languageId && hit.text === doc.getText()) return hit.parsed;
    const text = doc.getText();
    // After an edit, re-parse only what changed (the previous tree is reused and updated in place).
    const root = hit && hit.languageId === doc.languageId ? reparse(hit.parsed, text) : undefined;
    const parsed: ParsedDocument = root ? { text, language: 'json', root, syntaxErrors: [] } : parseDocument(text, doc.languageId);
    cache.set(doc.uri, { version: doc.version, text, parsed, languageId: doc.languageId });
    if (cache.size > 200) cache.delete(cache.keys().next().value!);
    return parsed;
  }

  function isStateMachineDocument(doc: TextDocument): boolean {
    if (!SUPPORTED_LANGUAGES.has(doc.languageId)) return false;
    if (ASL_LANGUAGES.has(doc.languageId)) return true;
    return isStateMachine(parse(doc).root);
  }

  /** Too deep to parse (parse.ts's limit): the features that read the text themselves would recurse too deep too. */
  function tooDeep(doc: TextDocument): boolean {
    return parse(doc).syntaxErrors.some((p) => p.code === Code.tooLarge);
  }

  function isJsonStateMachine(doc: TextDocument): boolean {
    return isStateMachineDocument(doc) && parse(doc).language === 'json' && !tooDeep(doc);
  }

  function validate(doc: TextDocument): Problem[] {
    if (!isStateMachineDocument(doc)) return [];
    const parsed = parse(doc);
    const hit = problemsCache.get(doc.uri);
    if (hit && hit.parsed === parsed) return hit.problems;
    const problems = [...parsed.syntaxErrors];
    if (parsed.root && isStateMachine(parsed.root)) {
      const sagemaker = validateSageMakerTasks(tasksOf(parsed), parsed.text, parsed.language);
      // A syntax error leaves the tree incomplete: what is missing is a consequence of it, not a finding.
      problems.push(...(parsed.syntaxErrors.length ? sagemaker.filter((p) => !INCOMPLETE_TREE_CODES.has(p.code)) : sagemaker));
    }
    problemsCache.set(doc.uri, { parsed, problems });
    if (problemsCache.size > 200) problemsCache.delete(problemsCache.keys().next().value!);
    return problems;
  }

  function findTasks(doc: TextDocument): TaskInfo[] {
    if (!isStateMachineDocument(doc)) return [];
    const parsed = parse(doc);
    const problems = validate(doc).filter((p) => p.severity === 'error');
    const out: TaskInfo[] = [];
    for (const task of tasksOf(parsed)) {
      const integration = getIntegration(task.api);
      if (!integration) continue;
      const start = task.state.keyNode.offset;
      const end = task.state.node.offset + task.state.node.length;
      const payloadNode = task.payloadProperty?.children?.[1];
      out.push({
        stateName: task.state.name,
        statePath: task.state.parents,
        resource: task.resource,
        api: task.api,
        operation: integration.operation,
        integrationPattern: task.integrationPattern,
        queryLanguage: task.state.queryLanguage,
        payloadKey: task.payloadKey,
        payload: payloadNode ? toValue(payloadNode) : null,
        range: { start: doc.positionAt(task.state.keyNode.offset), end: doc.positionAt(task.state.keyNode.offset + task.state.keyNode.length) },
        errors: problems.filter((p) => p.offset >= start && p.offset < end).map((p) => p.message),
      });
    }
    return out;
  }

  return {
    parse,
    isStateMachineDocument,
    validate,
    doValidation: (doc) => validate(doc).map((p) => toDiagnostic(doc, p)),
    doComplete: (doc, position) => (isStateMachineDocument(doc) && !tooDeep(doc) ? doComplete(doc, parse(doc), doc.offsetAt(position)) : []),
    doHover: (doc, position) => (isStateMachineDocument(doc) && parse(doc).root ? doHover(doc, parse(doc), doc.offsetAt(position)) : null),
    findTasks,
    fixAll: (doc) => (isStateMachineDocument(doc) && !tooDeep(doc) ? fixAll(doc, parse(doc), validate(doc)) : []),
    getCodeActions: (doc, range, only) =>
      isStateMachineDocument(doc) && !tooDeep(doc) ? getCodeActions(doc, parse(doc), validate(doc), range, only, (p) => toDiagnostic(doc, p)) : [],
    format: (doc, range, options) => (isJsonStateMachine(doc) ? jsonFeatures.format(doc, range, options) : []),
    getFoldingRanges: (doc) => (isJsonStateMachine(doc) ? jsonFeatures.getFoldingRanges(doc) : []),
    getSelectionRanges: (doc, positions) => (isJsonStateMachine(doc) ? jsonFeatures.getSelectionRanges(doc, positions) : []),
    getCodeLenses(doc) {
      const lenses: CodeLens[] = [];
      for (const t of findTasks(doc)) {
        const title = t.api === 'createTrainingJob' ? 'Start Training Job' : t.api === 'createTransformJob' ? 'Start Transform Job' : undefined;
        if (!title) continue;
        const command = t.api === 'createTrainingJob' ? 'sagemakerAsl.startTrainingJob' : 'sagemakerAsl.startTransformJob';
        lenses.push({ range: t.range, command: { title: `$(play) ${title}`, command, arguments: [doc.uri, t.stateName] } });
      }
      return lenses;
    },
  };
}

/** The JSON value of a tree node (jsonc-parser's getNodeValue, but iterative-safe for our depth limit). */
function toValue(node: import('./types').AstNode): unknown {
  switch (node.type) {
    case 'object': {
      const o: Record<string, unknown> = {};
      for (const p of node.children ?? []) {
        const [k, v] = p.children ?? [];
        if (k) o[k.value as string] = v ? toValue(v) : null;
      }
      return o;
    }
    case 'array':
      return (node.children ?? []).map(toValue);
    default:
      return node.value;
  }
}

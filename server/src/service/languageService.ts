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
  type DocumentSymbol,
  type FoldingRange,
  type Hover,
  type Location,
  type Range,
  type SelectionRange,
  type SymbolKind,
  type TextEdit,
} from 'vscode-languageserver-types';
import type { TaskInfo } from '../protocol';
import { nodeAt } from './asl/model';
import { buildModel, findDocumentSymbols, findStateDefinition, findStateReferences, renameState, validateStructure, type AslModel, type OffsetRange, type StateSymbol } from './asl/index';
import { fixAll, getCodeActions } from './codeActions';
import { Code } from './codes';
import { doComplete } from './completion';
import { doHover } from './hover';
import * as jsonFeatures from './jsonFeatures';
import { reparse } from './incrementalParse';
import { parseDocument } from './parse';
// asl-yaml and yaml documents: registers the YAML parser with parse.ts (same tree as JSON).
import { isInFlow, yamlScalar } from './yaml';
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

/** An offset range as an LSP range. */
const toRange = (doc: TextDocument, r: { offset: number; length: number }): Range => ({ start: doc.positionAt(r.offset), end: doc.positionAt(r.offset + r.length) });

export function toDiagnostic(doc: TextDocument, p: Problem): Diagnostic {
  return {
    range: toRange(doc, p),
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
}

export function getLanguageService(): LanguageService {
  const cache = new Map<string, { version: number; text: string; parsed: ParsedDocument; languageId: string }>();
  const problemsCache = new Map<string, { parsed: ParsedDocument; problems: Problem[] }>();
  // The states and transitions of a parse, shared by structure validation and navigation.
  const models = new WeakMap<ParsedDocument, AslModel>();

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
      // The structure of a half-typed document says more about the typing than about the state machine: judged
      // only when it reads completely (the SageMaker checks above keep working meanwhile).
      if (!parsed.syntaxErrors.length) problems.push(...validateStructure(parsed.root, parsed.text, modelOf(parsed), parsed.language));
    }
    problemsCache.set(doc.uri, { parsed, problems });
    if (problemsCache.size > 200) problemsCache.delete(problemsCache.keys().next().value!);
    return problems;
  }

  function modelOf(parsed: ParsedDocument): AslModel {
    let model = models.get(parsed);
    if (!model) models.set(parsed, (model = buildModel(parsed.root)));
    return model;
  }

  /** The parse of a state machine document that navigation can work on, with its model. */
  function navigable(doc: TextDocument): { parsed: ParsedDocument; model: AslModel } | undefined {
    if (!isStateMachineDocument(doc) || tooDeep(doc)) return undefined;
    const parsed = parse(doc);
    return parsed.root ? { parsed, model: modelOf(parsed) } : undefined;
  }

  function toSymbol(doc: TextDocument, s: StateSymbol): DocumentSymbol {
    return {
      name: s.name || ' ', // VS Code rejects an empty name
      detail: s.detail,
      kind: s.kind as SymbolKind,
      range: toRange(doc, s.range),
      selectionRange: toRange(doc, s.selectionRange),
      children: s.children.map((c) => toSymbol(doc, c)),
    };
  }

  /** The name's text inside its quotes (a YAML plain scalar has none). */
  function nameRange(text: string, r: OffsetRange): OffsetRange {
    const q = text[r.offset];
    return (q === '"' || q === "'") && r.length >= 2 ? { offset: r.offset + 1, length: r.length - 2 } : r;
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
        range: toRange(doc, task.state.keyNode),
        stateRange: toRange(doc, { offset: start, length: end - start }),
        // A file that does not read completely is not what Step Functions would run: its syntax error blocks too.
        errors: problems.filter((p) => (p.offset >= start && p.offset < end) || p.source === 'json' || p.source === 'yaml').map((p) => p.message),
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
    findDocumentSymbols(doc) {
      const n = navigable(doc);
      return n ? findDocumentSymbols(n.parsed.root, n.model).map((s) => toSymbol(doc, s)) : [];
    },
    findDefinition(doc, position) {
      const n = navigable(doc);
      const target = n && findStateDefinition(n.parsed.root, doc.offsetAt(position), n.model);
      return target ? { uri: doc.uri, range: toRange(doc, target) } : null;
    },
    findReferences(doc, position, includeDeclaration) {
      const n = navigable(doc);
      return n ? findStateReferences(n.parsed.root, doc.offsetAt(position), includeDeclaration, n.model).map((r) => ({ uri: doc.uri, range: toRange(doc, r) })) : [];
    },
    prepareRename(doc, position) {
      const n = navigable(doc);
      if (!n) return null;
      const offset = doc.offsetAt(position);
      const refs = findStateReferences(n.parsed.root, offset, true, n.model);
      const here = refs.find((r) => r.offset <= offset && offset <= r.offset + r.length);
      if (!here) return null;
      const inner = nameRange(n.parsed.text, here);
      // The name itself, escapes read (`"a\"b"` offers a"b); rename writes the new one quoted as the syntax needs.
      const node = nodeAt(n.parsed.root, here.offset);
      const name = typeof node?.value === 'string' ? node.value : n.parsed.text.slice(inner.offset, inner.offset + inner.length);
      return { range: toRange(doc, inner), placeholder: name };
    },
    rename(doc, position, newName) {
      const n = navigable(doc);
      if (!n) return { error: 'Rename works in a state machine document' };
      const { root, text, language } = n.parsed;
      // YAML gets each name as YAML: quoted only where it must be (in a flow collection `,` and brackets must be).
      const yamlName = (offset: number) => {
        const node = nodeAt(root, offset);
        return yamlScalar(newName, { flow: !node || isInFlow(text, node) });
      };
      const result = renameState(root, doc.offsetAt(position), newName, JSON.stringify, n.model);
      if ('error' in result) return result;
      return { edits: result.edits.map((e) => ({ range: toRange(doc, e), newText: language === 'yaml' ? yamlName(e.offset) : e.newText })) };
    },
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

// LSP wiring only: the connection, the open documents, capabilities, and one delegation per request.
import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind, CodeActionKind, ResponseError, ErrorCodes, DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, RegistrationRequest, type Diagnostic } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { AwsDefinitionRequest, CheckRequestRequest, ExecutionInputNotification, FIX_ALL_KIND, GraphRequest, HasGraphRequest, IamPolicyRequest, MapAwsDiagnosticsRequest, NewJobNameRequest, TasksRequest, type InitializationOptions } from './protocol';
import { pathOf, readInputFile } from './inputFiles';
import { isBatchEdit, SyncedDocument, updateDocument } from './textSync';
import { getLanguageService } from './service/languageService';
import { guardedStdio } from './stdio';

// The transports vscode-languageserver reads from the command line; over stdio a guarded reader (stdio.ts).
const TRANSPORTS = /^--(stdio|node-ipc|socket|pipe)(=|$)/;
if (!process.argv.slice(2).some((a) => TRANSPORTS.test(a))) {
  process.stderr.write('sagemaker-asl language server: usage: node server.js --stdio | --node-ipc | --socket=PORT | --pipe=NAME\n');
  process.exit(2);
}
const stdio = process.argv.includes('--stdio') ? guardedStdio() : undefined;
const connection = stdio ? createConnection(ProposedFeatures.all, stdio.reader, stdio.writer) : createConnection(ProposedFeatures.all);
// The library exits on the end of stdin only when it reads the stream itself: exit as it would (1 without shutdown).
stdio?.reader.onClose(() => process.exit(stdio.reader.shutDown ? 0 : 1));
// Nothing may write to stdout but the protocol.
if (stdio) for (const level of ['log', 'info', 'debug', 'warn', 'error'] as const) console[level] = (...args: unknown[]) => connection.console[level === 'debug' ? 'log' : level](args.map(String).join(' '));
// A batch edit (textSync.ts isBatchEdit: a Replace All, a paste) is checked without the pause in typing: the
// pause lets a word be finished, and after a batch edit nothing more is on its way.
const batchEdits = new Set<string>();
const documents = new TextDocuments<SyncedDocument>({
  create: SyncedDocument.create,
  update: (doc, changes, version) => {
    if (isBatchEdit(changes)) batchEdits.add(doc.uri);
    return updateDocument(doc, changes, version);
  },
});
// The launch inputs of open documents are always kept (executionInput.ts).
const isOpen = (uri: string) => documents.get(uri) !== undefined;
let service = getLanguageService({ isOpen });

/** A request that fails answers with nothing rather than an error, and the failure is logged: bad input never takes the server down. */
function safely<T>(what: string, fallback: T, run: () => T): T {
  try {
    return run();
  } catch (e) {
    connection.console.error(`${what} failed: ${(e as Error).stack ?? e}`);
    return fallback;
  }
}

// Malformed params (a client's bug, or a hostile client) answer InvalidParams (-32602), as LSP says, instead of
// failing inside a feature with a stack in the log.
const isPosition = (v: unknown): boolean => {
  const p = v as { line?: unknown; character?: unknown } | null;
  return typeof p === 'object' && p !== null && Number.isInteger(p.line) && Number.isInteger(p.character) && (p.line as number) >= 0 && (p.character as number) >= 0;
};
const isCodeActionContext = (v: unknown): boolean => {
  if (typeof v !== 'object' || v === null) return false;
  const only = (v as { only?: unknown }).only;
  return only === undefined || only === null || (Array.isArray(only) && only.every((k) => typeof k === 'string'));
};
/** Each check with what it wants, in the words of the answer. */
const PARAM_CHECKS = {
  position: [isPosition, 'a position of non-negative integers'],
  range: [(v: unknown) => typeof v === 'object' && v !== null && isPosition((v as { start?: unknown }).start) && isPosition((v as { end?: unknown }).end), 'a range of non-negative integer positions'],
  positions: [(v: unknown) => Array.isArray(v) && v.every(isPosition), 'a list of positions of non-negative integers'],
  context: [isCodeActionContext, 'an object whose only, if given, is a list of strings'],
  diagnostics: [(v: unknown) => Array.isArray(v), 'a list'],
  newName: [(v: unknown) => typeof v === 'string', 'a string'],
} as const satisfies Record<string, readonly [(v: unknown) => boolean, string]>;
/** The open document a request is about (`textDocument.uri`, or `uri` in this server's own requests), its params checked. */
function requested(params: unknown, ...checks: (keyof typeof PARAM_CHECKS)[]): SyncedDocument | undefined {
  const p = params as Record<string, unknown> | null;
  const uri = typeof p?.textDocument === 'object' ? (p.textDocument as { uri?: unknown } | null)?.uri : p?.uri;
  if (typeof uri !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, 'The request names no document (textDocument.uri)');
  for (const c of checks) if (!PARAM_CHECKS[c][0](p![c])) throw new ResponseError(ErrorCodes.InvalidParams, `The request's ${c} is not ${PARAM_CHECKS[c][1]}`);
  return documents.get(uri);
}

// `sagemakerAsl.validation.structure: false` leaves the ASL structure findings (source 'asl') to another tool, such
// as the AWS Toolkit, and keeps the SageMaker ones. Read from initializationOptions ({ validation: { structure } })
// and, where the client has settings, from workspace/configuration, again on every change.
let structureChecks = true;
let settingsRead: Promise<void> = Promise.resolve();
let canReadSettings = false;
const structureSetting = (v: unknown): boolean | undefined => {
  const s = (v as { validation?: { structure?: unknown } } | null | undefined)?.validation?.structure;
  return typeof s === 'boolean' ? s : undefined;
};
async function readSettings() {
  try {
    structureChecks = structureSetting(await connection.workspace.getConfiguration('sagemakerAsl')) ?? structureChecks;
  } catch {
    // A client that cannot answer keeps the last value.
  }
}
const shown = (diagnostics: Diagnostic[]) => capped(structureChecks ? diagnostics : diagnostics.filter((d) => d.source !== 'asl'));

/** The most diagnostics one document publishes: a file with 100,000 duplicate keys sent 30 MB of them. */
const MAX_DIAGNOSTICS = 1_000;

/**
 * At most MAX_DIAGNOSTICS, the errors first, then warnings, in document order; and, when some are left out, one more
 * that says how many, where the first of them is. The CLI still reports every finding.
 */
function capped(diagnostics: Diagnostic[]): Diagnostic[] {
  if (diagnostics.length <= MAX_DIAGNOSTICS) return diagnostics;
  const at = (d: Diagnostic) => d.range.start.line * 1e7 + d.range.start.character;
  const ranked = diagnostics.map((d, i) => ({ d, i })).sort((a, b) => (a.d.severity ?? 1) - (b.d.severity ?? 1) || at(a.d) - at(b.d) || a.i - b.i);
  const kept = ranked.slice(0, MAX_DIAGNOSTICS).sort((a, b) => a.i - b.i).map((x) => x.d);
  const first = ranked[MAX_DIAGNOSTICS].d;
  const more = diagnostics.length - MAX_DIAGNOSTICS;
  return [...kept, { range: first.range, severity: 3, source: 'sagemaker-asl', code: 'too-many-problems', message: `${more.toLocaleString('en-US')} more problem${more === 1 ? '' : 's'} in this file ${more === 1 ? 'is' : 'are'} not shown: the editor gets the first ${MAX_DIAGNOSTICS.toLocaleString('en-US')}, errors first (\`sagemaker-asl lint\` lists them all)` }];
}

// The example execution inputs (`NAME.input.json`) change on disk: a client that watches them itself says so
// (initializationOptions.inputFilesWatched, as the extension does); another one is asked to, if it can be.
let registerInputWatcher = false;
// Formatting and folding are registered for the languages only this server serves (asl; folding asl-yaml too) where
// the client can take registrations: claimed for every JSON and YAML file, they made VS Code ask which formatter
// to use for package.json and took away its indentation folding from YAML files (ux42).
let registerEditorFeatures = false;

connection.onInitialize((params) => {
  // Typed as the extension sends them; any other client may send anything, so each field is read defensively.
  const options = params.initializationOptions as InitializationOptions | null | undefined;
  structureChecks = structureSetting(options) ?? true;
  canReadSettings = !!params.capabilities.workspace?.configuration;
  registerInputWatcher =
    !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration && options?.inputFilesWatched !== true;
  const textDocument = params.capabilities.textDocument;
  registerEditorFeatures = !!(textDocument?.formatting?.dynamicRegistration && textDocument.rangeFormatting?.dynamicRegistration && textDocument.foldingRange?.dynamicRegistration);
  // `sagemakerAsl.detect.templates` / `.jobSpecs: false` turn off templates' state machines / standalone job specs.
  const detect = options?.detect;
  if (detect?.templates === false || detect?.jobSpecs === false) service = getLanguageService({ templates: detect.templates, jobSpecs: detect.jobSpecs, isOpen });
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      // `.` and `$` too: the fields a path reads, `$states.`, `States.` (ux42: VS Code suggests nothing by itself
      // inside a string, so these were offered only on Ctrl+Space).
      completionProvider: { triggerCharacters: ['"', ':', ' ', '.', '$'], resolveProvider: false },
      hoverProvider: true,
      codeLensProvider: { resolveProvider: false },
      ...(registerEditorFeatures ? {} : { documentFormattingProvider: true, documentRangeFormattingProvider: true, foldingRangeProvider: true }),
      selectionRangeProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
      documentSymbolProvider: { label: 'States' },
      definitionProvider: true,
      referencesProvider: true,
      renameProvider: { prepareProvider: true },
    },
    serverInfo: { name: 'sagemaker-asl', version: '0.1.0' },
  };
});

connection.onInitialized(() => {
  // Registrations carry ids of our own: connection.client.register draws a random one, and loading node:crypto for
  // it cost every start about 9 ms of CPU before the first diagnostics (the same messages otherwise).
  if (registerEditorFeatures) {
    const asl = [{ language: 'asl' }];
    const registrations = [
      { id: 'sagemakerAsl.formatting', method: 'textDocument/formatting', registerOptions: { documentSelector: asl } },
      { id: 'sagemakerAsl.rangeFormatting', method: 'textDocument/rangeFormatting', registerOptions: { documentSelector: asl } },
      { id: 'sagemakerAsl.folding', method: 'textDocument/foldingRange', registerOptions: { documentSelector: [...asl, { language: 'asl-yaml' }] } },
    ];
    void connection.sendRequest(RegistrationRequest.type, { registrations }).catch(() => undefined);
  }
  if (registerInputWatcher) {
    const watcher = { id: 'sagemakerAsl.inputFiles', method: DidChangeWatchedFilesNotification.method, registerOptions: { watchers: [{ globPattern: '**/*.input.json' }] } };
    void connection.sendRequest(RegistrationRequest.type, { registrations: [watcher] }).catch(() => undefined);
  }
  if (!canReadSettings) return;
  settingsRead = readSettings();
  const registration = { id: 'sagemakerAsl.configuration', method: DidChangeConfigurationNotification.method, registerOptions: { section: 'sagemakerAsl' } };
  void connection.sendRequest(RegistrationRequest.type, { registrations: [registration] }).catch(() => undefined);
});
connection.onDidChangeConfiguration(() => {
  if (!canReadSettings) return;
  settingsRead = readSettings().then(() => documents.all().forEach((d) => scheduleValidation(d, 0)));
});

// Diagnostics are pushed after a short pause in typing; a newer version cancels the pending run.
const DEBOUNCE_MS = 30;
const pending = new Map<string, NodeJS.Timeout>();

function scheduleValidation(doc: TextDocument, delay = DEBOUNCE_MS) {
  clearTimeout(pending.get(doc.uri));
  pending.set(
    doc.uri,
    setTimeout(() => {
      pending.delete(doc.uri);
      void settingsRead.then(() => {
        const current = documents.get(doc.uri);
        if (!current) return;
        const diagnostics = shown(safely('validation', [], () => service.doValidation(current)));
        void connection.sendDiagnostics({ uri: current.uri, version: current.version, diagnostics });
      });
    }, delay),
  );
}

/** Reads the machine's `NAME.input.json` again; whether its execution input changed. */
const readExampleInput = (uri: string) =>
  safely('execution input', false, () => {
    const input = service.exampleInputUri(uri);
    return service.setExecutionInput(uri, 'file', readInputFile(input, (why) => connection.console.warn(`Not reading ${pathOf(input)} as an example execution input: ${why}`)));
  });

// TextDocuments fires onDidChangeContent right after onDidOpen for the same document: that one is the open, whose
// check is already scheduled without the pause (it would otherwise wait 30 ms for typing that is not happening).
const opening = new Set<string>();
documents.onDidOpen((e) => {
  readExampleInput(e.document.uri);
  scheduleValidation(e.document, 0);
  opening.add(e.document.uri);
});
// What costs the size of the edit follows the text at once: the incremental re-parse and the line table. The
// checks, and a full parse (after a syntax error), wait for the pause in typing (a batch edit: for this parse only).
// A completion or hover asked right after a keystroke finds both made.
documents.onDidChangeContent((e) => {
  if (opening.delete(e.document.uri)) return;
  scheduleValidation(e.document, batchEdits.delete(e.document.uri) ? 0 : DEBOUNCE_MS);
  safely('parse', undefined, () => {
    service.prepare(e.document);
    void e.document.lineCount;
  });
});
documents.onDidClose((e) => {
  batchEdits.delete(e.document.uri);
  clearTimeout(pending.get(e.document.uri));
  pending.delete(e.document.uri);
  // Read again on the next open: the file may change meanwhile, unwatched.
  service.setExecutionInput(e.document.uri, 'file', undefined);
  service.close(e.document.uri);
  void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

// An example input created, changed or deleted: the open machines beside it are checked again with it.
connection.onDidChangeWatchedFiles((p) => {
  const changed = new Set((Array.isArray(p?.changes) ? p.changes : []).map((c) => pathOf(c?.uri)).filter((x) => x !== undefined));
  if (!changed.size) return;
  for (const doc of documents.all()) {
    const input = pathOf(service.exampleInputUri(doc.uri));
    if (input !== undefined && changed.has(input) && readExampleInput(doc.uri)) scheduleValidation(doc, 0);
  }
});
// The input the launch flow last used (never logged): used where no example file is.
connection.onNotification(ExecutionInputNotification, (p) => {
  if (typeof p?.uri !== 'string') return;
  const changed = safely('execution input', false, () => service.setExecutionInput(p.uri, 'launch', typeof p.input === 'string' ? p.input : undefined));
  const doc = changed ? documents.get(p.uri) : undefined;
  if (doc) scheduleValidation(doc, 0);
});

connection.onCompletion((p) => {
  const doc = requested(p, 'position');
  return doc ? safely('completion', [], () => service.doComplete(doc, p.position)) : [];
});
connection.onHover((p) => {
  const doc = requested(p, 'position');
  return doc ? safely('hover', null, () => service.doHover(doc, p.position)) : null;
});
connection.onCodeLens((p) => {
  const doc = requested(p);
  return doc ? safely('codeLens', [], () => service.getCodeLenses(doc)) : [];
});
connection.onCodeAction((p) => {
  const doc = requested(p, 'range', 'context');
  return doc ? safely('codeAction', [], () => service.getCodeActions(doc, p.range, p.context.only)) : [];
});
connection.onDocumentFormatting((p) => {
  const doc = requested(p);
  return doc ? safely('formatting', [], () => service.format(doc, undefined, p.options)) : [];
});
connection.onDocumentRangeFormatting((p) => {
  const doc = requested(p, 'range');
  return doc ? safely('formatting', [], () => service.format(doc, p.range, p.options)) : [];
});
connection.onFoldingRanges((p) => {
  const doc = requested(p);
  return doc ? safely('folding', null, () => service.getFoldingRanges(doc)) : null;
});
connection.onSelectionRanges((p) => {
  const doc = requested(p, 'positions');
  // A position past the end is read as the end (the JSON service would answer with the position itself, outside).
  return doc ? safely('selectionRanges', [], () => service.getSelectionRanges(doc, (Array.isArray(p.positions) ? p.positions : []).map((x) => doc.positionAt(doc.offsetAt(x))))) : [];
});
connection.onDocumentSymbol((p) => {
  const doc = requested(p);
  return doc ? safely('documentSymbol', [], () => service.findDocumentSymbols(doc)) : [];
});
connection.onDefinition((p) => {
  const doc = requested(p, 'position');
  return doc ? safely('definition', null, () => service.findDefinition(doc, p.position)) : null;
});
connection.onReferences((p) => {
  const doc = requested(p, 'position', 'context');
  return doc ? safely('references', [], () => service.findReferences(doc, p.position, p.context.includeDeclaration)) : [];
});
connection.onPrepareRename((p) => {
  const doc = requested(p, 'position');
  return doc ? safely('prepareRename', null, () => service.prepareRename(doc, p.position)) : null;
});
connection.onRenameRequest((p) => {
  const doc = requested(p, 'position', 'newName');
  if (!doc) return null;
  const result = safely('rename', { error: 'Rename failed' } as ReturnType<typeof service.rename>, () => service.rename(doc, p.position, p.newName));
  // The editor shows a rejected rename's message to the user (a duplicate or empty name, no state here).
  if ('error' in result) throw new ResponseError(ErrorCodes.InvalidRequest, result.error);
  return { changes: { [doc.uri]: result.edits } };
});
connection.onRequest(TasksRequest, (p) => {
  const doc = requested(p);
  return doc ? safely('tasks', [], () => service.findTasks(doc)) : [];
});
connection.onRequest(CheckRequestRequest, (p) => {
  const problems = p && typeof p.api === 'string' ? safely('checkRequest', [], () => service.checkRequest(p.api, p.request)) : undefined;
  if (!problems) throw new ResponseError(ErrorCodes.InvalidParams, 'The request needs api, a SageMaker integration\'s API (createTrainingJob), and request, an object');
  return problems;
});
connection.onRequest(NewJobNameRequest, (p) =>
  p && typeof p.api === 'string' && typeof p.name === 'string' && typeof p.suffix === 'string' ? safely('newJobName', null, () => service.newJobName(p.api, p.name, p.suffix) ?? null) : null,
);
connection.onRequest(AwsDefinitionRequest, (p) => {
  const doc = requested(p);
  if (!doc) return { version: -1, placeholders: [], error: 'The file is not open in the editor.' };
  return safely('awsDefinition', { version: doc.version, placeholders: [], error: 'The language server could not read it (see its output).' }, () => service.awsDefinition(doc, p.placeholders));
});
connection.onRequest(MapAwsDiagnosticsRequest, (p) => {
  const doc = requested(p, 'diagnostics');
  return doc ? safely('mapAwsDiagnostics', { stale: true, diagnostics: [] }, () => service.mapAwsDiagnostics(doc, p.version, p.diagnostics, p.at)) : { stale: true, diagnostics: [] };
});

connection.onRequest(GraphRequest, (p) => {
  const doc = requested(p, ...(p?.position === undefined ? [] : (['position'] as const)));
  return doc ? safely('graph', null, () => service.graph(doc, { offset: p.position && doc.offsetAt(p.position), last: typeof p.machine === 'string' ? p.machine : undefined })) : null;
});
connection.onRequest(HasGraphRequest, (p) => {
  const doc = requested(p);
  return doc ? safely('hasGraph', false, () => service.hasGraph(doc)) : false;
});
connection.onRequest(IamPolicyRequest, (p) => {
  const doc = requested(p, ...(p?.position === undefined ? [] : (['position'] as const)));
  return doc
    ? safely('iamPolicy', null, () => {
        const machine = p.position && service.machineNameAt(doc, doc.offsetAt(p.position));
        const policy = service.iamPolicy(doc, { partition: p.partition, region: p.region, account: p.account, machine });
        const machines = machine === undefined ? service.machineNames(doc) : undefined;
        const jobSpec = policy && service.findTasks(doc).some((t) => t.standalone);
        const tooLarge = policy ? service.iamPolicySizeProblem(policy) : undefined;
        // A file that does not read in full: the tasks past the break are missing, said (ux43: a partial policy, silently).
        const unread = policy ? service.unreadPart(doc) : undefined;
        const incomplete = unread && `the file does not read in full (line ${doc.positionAt(unread.offset).line + 1}: ${unread.message}), so the tasks past that point are not in it`;
        return policy && { policy, ...(machine !== undefined && { machine }), ...(machines && machines.length > 1 && { machines }), ...(jobSpec && { jobSpec: true as const }), ...(tooLarge && { tooLarge }), ...(incomplete && { incomplete }) };
      })
    : null;
});

process.on('uncaughtException', (e) => connection.console.error(`uncaught: ${e.stack ?? e}`));

documents.listen(connection);
connection.listen();

// The VS Code side: starts the language server for state machines and registers the job commands.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, State, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerIamPolicyCommands } from './iamPolicy';
import { registerPreviews } from './preview';
import { registerJobCommands } from './jobs/commands';
import { shareRememberedInputs } from './jobs/executionInputs';
import { registerFixAll } from './fixAll';
import { registerGraphCommands } from './graph/graphPanel';
import type { InitializationOptions } from '../../server/src/protocol';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  // A machine's example execution input (NAME.input.json beside it) is read again when it changes.
  const inputFiles = vscode.workspace.createFileSystemWatcher('**/*.input.json');
  context.subscriptions.push(inputFiles);
  const published = new vscode.EventEmitter<vscode.Uri>();
  context.subscriptions.push(published);
  const clientOptions: LanguageClientOptions = {
    // Plain JSON files are sent too: the server answers only for those with StartAt and States. Templates
    // (CloudFormation, SAM, Serverless) embed state machines; the server answers only for those. Only what the user
    // edits (files, untitled documents), as vscode-eslint does: not a git diff's old side, and not this extension's own
    // read-only previews — a job's request with its secrets masked was taken for a job spec, with a Start lens that
    // sent the asterisks as the values (walk39).
    documentSelector: ['asl', 'asl-yaml', 'json', 'jsonc', 'yaml'].flatMap((language) => ['file', 'untitled'].map((scheme) => ({ language, scheme }))),
    synchronize: { fileEvents: inputFiles },
    initializationOptions: {
      // The watcher above: the server need not register one of its own.
      inputFilesWatched: true,
      detect: {
        templates: vscode.workspace.getConfiguration('sagemakerAsl').get<boolean>('detect.templates', true),
        jobSpecs: vscode.workspace.getConfiguration('sagemakerAsl').get<boolean>('detect.jobSpecs', true),
      },
    } satisfies InitializationOptions,
    middleware: {
      // "Start Training Job" spends money: not offered where launching is disabled (an untrusted workspace).
      provideCodeLenses: (document, token, next) => (vscode.workspace.isTrusted ? next(document, token) : []),
      // Fix All counts what is left from the server's own next diagnostics of the document (fixAll.ts).
      handleDiagnostics: (uri, diagnostics, next) => {
        next(uri, ownSyntaxErrorsAside(uri, diagnostics));
        published.fire(uri);
      },
    },
  };
  client = new LanguageClient('sagemakerAsl', 'SageMaker Step Functions', serverOptions, clientOptions);
  // Commands are registered before the server is up, so a CodeLens click never finds them missing.
  registerPreviews(context);
  registerJobCommands(context, client);
  // The execution inputs the launch flow remembers, for the paths' completion: again each time the server (re)starts.
  const languageClient = client;
  context.subscriptions.push(languageClient.onDidChangeState((e) => e.newState === State.Running && shareRememberedInputs(languageClient, context.workspaceState)));
  registerFixAll(context, client, published.event);
  registerGraphCommands(context, client);
  registerIamPolicyCommands(context, client);
  // Once the user trusts the workspace, the lenses held back above appear without waiting for an edit.
  context.subscriptions.push(
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      for (const editor of vscode.window.visibleTextEditors) client?.getFeature('textDocument/codeLens').getProvider(editor.document)?.onDidChangeCodeLensEmitter.fire();
    }),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}

/**
 * In a JSON file VS Code's own JSON support reports each syntax error already: the server's copy of it is left out,
 * so one mistake is not said twice (walk38: json(518) beside json(syntax) in a job spec). Kept where that support
 * does not validate (`json.validate.enable` off) and in the extension's own languages.
 */
function ownSyntaxErrorsAside(uri: vscode.Uri, diagnostics: vscode.Diagnostic[]): vscode.Diagnostic[] {
  const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (!document || (document.languageId !== 'json' && document.languageId !== 'jsonc')) return diagnostics;
  if (!vscode.workspace.getConfiguration('json', document).get<boolean>('validate.enable', true)) return diagnostics;
  return diagnostics.filter((d) => !(d.source === 'json' && d.code === 'syntax'));
}

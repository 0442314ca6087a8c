// "Fix All SageMaker Problems" in the command palette: the server's fix-all, which otherwise is only under
// Source Action or on save. It asks the editor for the code action of this extension's own kind, applies it, and
// says what it did in the status bar: how many changes, and how many problems are left (their quick fixes need a
// choice, or they have none). When there is nothing to apply it says why there, rather than doing nothing in silence.
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { FIX_ALL_KIND } from '../../server/src/protocol';
import { plural } from './jobs/format';
import { notify } from './notify';

const FIX_ALL_COMMAND = 'sagemakerAsl.fixAll';
/** How long the status bar shows the outcome, and how long the count of what is left is waited for. */
const SHOWN_MS = 10_000;
const DIAGNOSTICS_WAIT_MS = 5_000;
/** The code of the server's finding that a document does not parse (json/ and yaml/): fix-all waits until it does. */
const SYNTAX = 'syntax';

/**
 * `published` fires with a document's URI each time this client's server has published its diagnostics (the
 * client's handleDiagnostics middleware): what is left is counted from those, not from another extension's.
 */
export function registerFixAll(context: vscode.ExtensionContext, client: BaseLanguageClient, published: vscode.Event<vscode.Uri>): void {
  context.subscriptions.push(vscode.commands.registerCommand(FIX_ALL_COMMAND, () => fixAll(client, published)));
}

/** The status bar's one line for Fix All: each outcome replaces the one before (two runs never show two answers). */
let shown: vscode.Disposable | undefined;
function show(text: string, icon: 'check' | 'info'): void {
  shown?.dispose();
  shown = vscode.window.setStatusBarMessage(`$(${icon}) ${text}`, SHOWN_MS);
}

async function fixAll(client: BaseLanguageClient, published: vscode.Event<vscode.Uri>): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return void notify.error('Open a state machine to fix its SageMaker problems.');
  const { document } = editor;
  const problems = () => client.diagnostics?.get(document.uri);
  const version = document.version;
  const whole = new vscode.Range(0, 0, document.lineCount, 0);
  const actions = (await vscode.commands.executeCommand<vscode.CodeAction[] | undefined>('vscode.executeCodeActionProvider', document.uri, whole, FIX_ALL_KIND)) ?? [];
  const action = actions.find((a) => a.kind?.value === FIX_ALL_KIND && a.edit);
  if (!action?.edit) return show(nothingToFix(problems(), document), 'info');
  // Its edits are offsets in the text they were made for: an edit typed meanwhile would move them.
  if (document.version !== version) return void notify.warning('The file changed while Fix All read it, so nothing was changed. Run it again.');
  const changes = action.edit.entries().reduce((n, [, edits]) => n + edits.length, 0);
  const updated = nextPublish(published, document.uri);
  if (!(await vscode.workspace.applyEdit(action.edit))) {
    updated.dispose();
    return void notify.error('Fix All could not change the file (it may be read-only). Nothing was changed.');
  }
  const done = `Fix All made ${plural(changes, 'change')}`;
  show(done, 'check');
  // The count of what is left comes with the server's diagnostics of the new text.
  if (!(await updated.arrived)) return;
  const left = problems()?.length ?? 0;
  // Short enough for a status bar beside others (walk37: the end was cut off at 1400 px).
  show(`${done}; ${left ? `${plural(left, 'problem')} left: Ctrl+. on each` : 'no problems left'}`, 'check');
}

/** Why there is no fix-all to apply, from what the server has published of the document (none: nothing, or nothing yet). */
function nothingToFix(found: readonly vscode.Diagnostic[] = [], document?: vscode.TextDocument): string {
  // In a JSON file the syntax error is VS Code's own JSON support's to say (the extension leaves its copy out).
  const json = document && (document.languageId === 'json' || document.languageId === 'jsonc');
  const unread = found.some((d) => d.code === SYNTAX) || (json && vscode.languages.getDiagnostics(document.uri).some((d) => d.source === 'json' && d.severity === vscode.DiagnosticSeverity.Error));
  if (unread) return 'Fix All changes nothing while the file does not parse: fix the syntax error first';
  if (!found.length) return 'Fix All found nothing to fix in this file';
  return `Fix All found no sure fix: ${found.length === 1 ? 'the problem needs a choice (Ctrl+.) or has none' : `${found.length} problems need a choice (Ctrl+.) or have none`}`;
}

/** Resolves true when the server next publishes the diagnostics of `uri` (false after a while), from the moment it is called. */
function nextPublish(published: vscode.Event<vscode.Uri>, uri: vscode.Uri): { arrived: Promise<boolean>; dispose(): void } {
  let listener: vscode.Disposable | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const dispose = () => {
    listener?.dispose();
    clearTimeout(timer);
  };
  const arrived = new Promise<boolean>((resolve) => {
    listener = published((u) => {
      if (u.toString() === uri.toString()) resolve(true);
    });
    timer = setTimeout(() => resolve(false), DIAGNOSTICS_WAIT_MS);
  }).finally(dispose);
  return { arrived, dispose };
}

// "Fix All SageMaker Problems" in the command palette: the server's fix-all, which otherwise is only under
// Source Action or on save. It asks the editor for the code action of this extension's own kind, applies it, and
// says what it did in the status bar: how many changes, and how many problems are left (their quick fixes need a
// choice, or they have none). When there is nothing to apply it says why, rather than doing nothing in silence.
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { FIX_ALL_KIND } from '../../server/src/protocol';
import { notify } from './notify';

const FIX_ALL_COMMAND = 'sagemakerAsl.fixAll';
/** How long the status bar shows the outcome, and how long the count of what is left is waited for. */
const SHOWN_MS = 10_000;
const DIAGNOSTICS_WAIT_MS = 5_000;

export function registerFixAll(context: vscode.ExtensionContext, client: BaseLanguageClient): void {
  context.subscriptions.push(vscode.commands.registerCommand(FIX_ALL_COMMAND, () => fixAll(client)));
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

async function fixAll(client: BaseLanguageClient): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return void notify.error('Open a state machine to fix its SageMaker problems.');
  const { document } = editor;
  const problems = () => client.diagnostics?.get(document.uri)?.length ?? 0;
  const whole = new vscode.Range(0, 0, document.lineCount, 0);
  const actions = (await vscode.commands.executeCommand<vscode.CodeAction[] | undefined>('vscode.executeCodeActionProvider', document.uri, whole, FIX_ALL_KIND)) ?? [];
  const action = actions.find((a) => a.kind?.value === FIX_ALL_KIND && a.edit);
  if (!action?.edit) {
    const left = problems();
    return void notify.info(
      left
        ? `Fix All found no change to make: none of the ${plural(left, 'problem')} in this file has a fix that needs no choice. Quick Fix (Ctrl+.) on a problem offers what there is.`
        : 'Fix All found nothing to fix: this file has no SageMaker or state machine problems.',
    );
  }
  const changes = action.edit.entries().reduce((n, [, edits]) => n + edits.length, 0);
  const updated = diagnosticsAfterEdit(document.uri);
  if (!(await vscode.workspace.applyEdit(action.edit))) {
    updated.dispose();
    return void notify.error('Fix All could not change the file (it changed meanwhile, or it is read-only). Run it again.');
  }
  const done = `Fix All made ${plural(changes, 'change')}`;
  vscode.window.setStatusBarMessage(`$(check) ${done}`, SHOWN_MS);
  // The count of what is left comes with the server's diagnostics of the new text.
  if (!(await updated.arrived)) return;
  const left = problems();
  vscode.window.setStatusBarMessage(`$(check) ${done}; ${left ? `${plural(left, 'problem')} left (Quick Fix on each offers a choice, where there is one)` : 'no problems left'}`, SHOWN_MS);
}

/** Resolves true when the diagnostics of `uri` next change (false after a while), from the moment it is called. */
function diagnosticsAfterEdit(uri: vscode.Uri): { arrived: Promise<boolean>; dispose(): void } {
  let listener: vscode.Disposable | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const dispose = () => {
    listener?.dispose();
    clearTimeout(timer);
  };
  const arrived = new Promise<boolean>((resolve) => {
    listener = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) resolve(true);
    });
    timer = setTimeout(() => resolve(false), DIAGNOSTICS_WAIT_MS);
  }).finally(dispose);
  return { arrived, dispose };
}

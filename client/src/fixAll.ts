// "Fix All SageMaker Problems" in the command palette: the server's fix-all, which otherwise is only under
// Source Action or on save. It asks the editor for the code action of this extension's own kind and applies it.
import * as vscode from 'vscode';
import { FIX_ALL_KIND } from '../../server/src/protocol';

const FIX_ALL_COMMAND = 'sagemakerAsl.fixAll';

export function registerFixAll(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(FIX_ALL_COMMAND, () => vscode.commands.executeCommand('editor.action.codeAction', { kind: FIX_ALL_KIND, apply: 'first' })),
  );
}

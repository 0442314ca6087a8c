// Every notification this extension shows goes through here. VS Code renders `[label](target)` in a notification's
// message as a link and opens it when clicked, `command:` targets included (its notification view parses linked
// text with allowCommands). The text of these messages often comes from a document (state names, keys, JSONata
// `$error` messages and comments, template logical IDs) or from AWS (error messages, failure reasons), so a hostile
// file could otherwise put a one-click command in front of the user. No message of ours is meant to hold a link, so
// every `](` becomes `] (`: it reads the same and is not a link. Modal dialogs and progress notifications pass here too.
import * as vscode from 'vscode';

/** `text` with every `](` broken, so VS Code shows no link in it. */
export function plainText(text: string): string {
  return text.replace(/\]\(/g, '] (');
}

type Show = typeof vscode.window.showInformationMessage;
const shown = (show: () => Show): Show => ((message: string, ...rest: any[]) => (show() as any)(plainText(message), ...rest)) as Show;

/** vscode.window.show{Information,Warning,Error}Message with the message made plain text. */
export const notify = {
  info: shown(() => vscode.window.showInformationMessage),
  warning: shown(() => vscode.window.showWarningMessage),
  error: shown(() => vscode.window.showErrorMessage),
};

// Every notification this extension shows goes through here. VS Code renders `[label](target)` in a notification's
// message as a link and opens it when clicked, `command:` targets included (its notification view parses linked
// text with allowCommands). The text of these messages often comes from a document (state names, keys, JSONata
// `$error` messages and comments, template logical IDs) or from AWS (error messages, failure reasons), so a hostile
// file could otherwise put a one-click command in front of the user. No message of ours is meant to hold a link, so
// every `](` before a URI scheme becomes `] (`: it reads the same and is not a link (VS Code's linkedText.ts links only
// http(s)://, command: and file: targets; any scheme is broken, should it link more). Other `](` stay as written: a
// pattern's `[a-zA-Z0-9](-*[a-zA-Z0-9])` copied from a notification with a space in it was another regex (walk40).
// Modal dialogs and progress notifications pass here too.
import * as vscode from 'vscode';
import { shortName } from '../../server/src/service/core/text';

/** `text` with every `](` that could open a link broken, so VS Code shows no link in it. */
export function plainText(text: string): string {
  return text.replace(/\]\((?=\s*[a-z][a-z0-9+.-]*:)/gi, '] (');
}

/** Longer than this, a message is cut (a 5,000-character state name, walk39); a dialog's detail keeps the whole text. */
const LONGEST_MESSAGE = 1000;

/**
 * `message` as a notification or a dialog's title can show it: an unbroken run of characters does not wrap (a modal's
 * title ran off the screen), so a long one is cut in its middle as a hover cuts a name (shortName); the whole is cut.
 */
export function shortened(message: string): string {
  const runs = message.replace(/\S+/g, shortName);
  return runs.length > LONGEST_MESSAGE ? `${runs.slice(0, LONGEST_MESSAGE - 1)}…` : runs;
}

type Show = typeof vscode.window.showInformationMessage;
const shown = (show: () => Show): Show => ((message: string, ...rest: any[]) => (show() as any)(shortened(plainText(message)), ...rest)) as Show;

/** vscode.window.show{Information,Warning,Error}Message with the message made plain text and of a length it can show. */
export const notify = {
  info: shown(() => vscode.window.showInformationMessage),
  warning: shown(() => vscode.window.showWarningMessage),
  error: shown(() => vscode.window.showErrorMessage),
};

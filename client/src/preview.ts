// Read-only documents the extension shows: a job's request (masked), the IAM policy a machine needs. They come from
// a content provider, so VS Code never counts them as unsaved: closing one asks nothing (as an untitled document
// did, "Do you want to save…?"), and Copy or Save As still work.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

export const PREVIEW_SCHEME = 'sagemaker-asl';

/** The texts of the previews shown, by URI; the oldest go once there are more (a preview shown again is rebuilt). */
const texts = new Map<string, string>();
const KEPT = 50;
let shown = 0;
/**
 * This window's own part of every preview's path: after a reload VS Code may restore a preview tab whose text is gone,
 * and a new preview must not get its URI (VS Code would show the open document, not ask for the new text).
 */
const session = randomBytes(6).toString('hex');

export function registerPreviews(context: vscode.ExtensionContext): void {
  context.subscriptions.push(vscode.workspace.registerTextDocumentContentProvider(PREVIEW_SCHEME, { provideTextDocumentContent: (uri) => texts.get(uri.toString()) ?? '' }));
}

/**
 * Opens `text` read-only as `name` (its extension gives the language: `request.json` is JSON). `replace`: in place of
 * the previews of that name already open, in their editor group (walk38: each IAM policy opened one more group).
 */
export async function showPreview(name: string, text: string, options: vscode.TextDocumentShowOptions, replace = false): Promise<void> {
  const uri = vscode.Uri.from({ scheme: PREVIEW_SCHEME, path: `/${session}-${++shown}/${name}` });
  texts.set(uri.toString(), text);
  for (const old of texts.keys()) {
    if (texts.size <= KEPT) break;
    texts.delete(old);
  }
  const previous = replace ? (vscode.window.tabGroups?.all ?? []).flatMap((g) => g.tabs).filter((t) => {
    const shownUri = (t.input as { uri?: vscode.Uri } | undefined)?.uri;
    return shownUri?.scheme === PREVIEW_SCHEME && shownUri.path.endsWith(`/${name}`);
  }) : [];
  const column = previous[0]?.group.viewColumn;
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), column ? { ...options, viewColumn: column } : options);
  if (previous.length) await vscode.window.tabGroups.close(previous);
}

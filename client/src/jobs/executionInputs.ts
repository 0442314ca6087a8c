// The execution inputs the launch flow remembers (jobStore.ts), told to the language server so its data-flow
// analysis offers their fields in the machine's paths when no `NAME.input.json` is beside it (the file wins;
// server/src/service/executionInput.ts). Sent when the launch flow remembers one, and all of them whenever the
// server is running again (extension.ts): a restarted server knows none. The input only travels to the user's own
// server process, and is never logged here: a failed send is dropped silently (the server may be stopping).
import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ExecutionInputNotification } from '../../../server/src/protocol';
import { JobStore } from './jobStore';

/** The part of the client this needs. */
type Notifier = Pick<LanguageClient, 'sendNotification'>;

/** Tells the server the execution input now remembered for the machine at `uri`. */
export function shareExecutionInput(client: Notifier, uri: string, input: string): void {
  try {
    void client.sendNotification(ExecutionInputNotification, { uri, input }).catch(() => undefined);
  } catch {
    // Not running: the next start sends every remembered input.
  }
}

/** Tells the server every remembered execution input of this workspace. */
export function shareRememberedInputs(client: Notifier, workspaceState: vscode.Memento): void {
  for (const { uri, input } of new JobStore(workspaceState).rememberedInputs()) shareExecutionInput(client, uri, input);
}

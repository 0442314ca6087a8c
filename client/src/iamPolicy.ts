// "SageMaker: Show IAM Policy for this State Machine": asks the language server for the least-privilege IAM policy
// the state machine's role needs (sagemaker/iamPolicy), opens it as JSON beside the editor in a read-only
// document (preview.ts), and offers to copy it. "SageMaker: Copy IAM Policy for this State Machine" copies it straight away.
import * as vscode from 'vscode';
import { notify } from './notify';
import { plural } from './jobs/format';
import { showPreview } from './preview';
import type { LanguageClient } from 'vscode-languageclient/node';
import { IamPolicyRequest } from '../../server/src/protocol';

type PolicyClient = Pick<LanguageClient, 'sendRequest'>;

/**
 * The policy of the document at `uri` (default: the active editor's) as JSON text, and what it is for ("this state
 * machine", or the template's machine the cursor is in: each has its own role), or undefined after saying why not.
 */
async function policyText(client: PolicyClient, uri: vscode.Uri | string | undefined): Promise<{ text: string; what: string; caveat?: string } | undefined> {
  const editor = vscode.window.activeTextEditor;
  const target = uri ?? editor?.document.uri;
  if (!target) {
    void notify.warning('Open a state machine to see the IAM policy it needs.');
    return undefined;
  }
  // The cursor, when the command is about the active editor's document (from the palette or its title bar).
  const position = editor && editor.document.uri.toString() === target.toString() ? editor.selection.active : undefined;
  const result = await client.sendRequest(IamPolicyRequest, { uri: target.toString(), ...(position && { position: { line: position.line, character: position.character } }) });
  if (!result) {
    void notify.warning('This document is not a state machine (no StartAt and States).');
    return undefined;
  }
  const what = result.jobSpec ? 'launching this job spec (what the editor calls: create, watch, stop, logs)' : result.machine !== undefined ? `the state machine ${result.machine}` : result.machines ? `every state machine of this template (${result.machines.join(', ')})` : 'this state machine';
  if (!result.policy.Statement.length) {
    void notify.info(`${what.charAt(0).toUpperCase()}${what.slice(1)} has no SageMaker task and no Distributed Map: it needs none of these permissions.`);
    return undefined;
  }
  // Too large for IAM, or missing what a file that does not read in full holds: a warning that says so.
  const caveat = [result.incomplete, result.tooLarge].filter(Boolean).join('; and ') || undefined;
  return { text: JSON.stringify(result.policy, null, 2) + '\n', what, caveat };
}

async function copy(found: { text: string; what: string; caveat?: string }): Promise<void> {
  await vscode.env.clipboard.writeText(found.text);
  if (found.caveat) void notify.warning(`IAM policy for ${found.what} copied to the clipboard, but ${found.caveat}.`);
  else void notify.info(`IAM policy for ${found.what} copied to the clipboard.`);
}

export async function showIamPolicy(client: PolicyClient, uri?: vscode.Uri | string): Promise<void> {
  const found = await policyText(client, uri);
  if (found === undefined) return;
  await showPreview('iam-policy.json', found.text, { viewColumn: vscode.ViewColumn.Beside, preview: false }, true);
  const statements = (JSON.parse(found.text) as { Statement: { Action: string[]; Resource: string[] }[] }).Statement;
  // A role the definition does not write out (`!GetAtt Role.Arn`, a path) is any role of the account: said, as a
  // reviewer of the policy would want to narrow it (walk38).
  const anyRole = statements.some((st) => st.Action.includes('iam:PassRole') && st.Resource.some((r) => /:role\/\*$/.test(r)));
  const narrow = anyRole ? ' Its iam:PassRole allows any role, as the definition does not write the role out: put your role\'s ARN there.' : '';
  const summary = `IAM policy for ${found.what}: ${plural(statements.length, 'statement')}, one per permission and the tasks that need it.${narrow}`;
  // Too large for IAM (walk39: 25 training tasks of literal names made 6,568 characters), or of a file read in part: a
  // warning that says so.
  const pick = found.caveat ? await notify.warning(`${summary} But ${found.caveat}.`, 'Copy') : await notify.info(summary, 'Copy');
  if (pick === 'Copy') await copy(found);
}

export async function copyIamPolicy(client: PolicyClient, uri?: vscode.Uri | string): Promise<void> {
  const found = await policyText(client, uri);
  if (found !== undefined) await copy(found);
}

export function registerIamPolicyCommands(context: vscode.ExtensionContext, client: PolicyClient): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('sagemakerAsl.showIamPolicy', (uri?: vscode.Uri) => showIamPolicy(client, uri)),
    vscode.commands.registerCommand('sagemakerAsl.copyIamPolicy', (uri?: vscode.Uri) => copyIamPolicy(client, uri)),
  );
}

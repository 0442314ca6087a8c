// "SageMaker: Show IAM Policy for this State Machine": asks the language server for the least-privilege IAM policy
// the state machine's role needs (sagemaker/iamPolicy), opens it as JSON beside the editor in a read-only
// document (preview.ts), and offers to copy it. "SageMaker: Copy IAM Policy for this State Machine" copies it straight away.
import * as vscode from 'vscode';
import { notify } from './notify';
import { showPreview } from './preview';
import type { LanguageClient } from 'vscode-languageclient/node';
import { IamPolicyRequest } from '../../server/src/protocol';

type PolicyClient = Pick<LanguageClient, 'sendRequest'>;

/** The policy of the document at `uri` (default: the active editor's) as JSON text, or undefined after saying why not. */
async function policyText(client: PolicyClient, uri: vscode.Uri | string | undefined): Promise<string | undefined> {
  const target = uri ?? vscode.window.activeTextEditor?.document.uri;
  if (!target) {
    void notify.warning('Open a state machine to see the IAM policy it needs.');
    return undefined;
  }
  const policy = await client.sendRequest(IamPolicyRequest, { uri: target.toString() });
  if (!policy) {
    void notify.warning('This document is not a state machine (no StartAt and States).');
    return undefined;
  }
  if (!policy.Statement.length) {
    void notify.info('This state machine has no SageMaker task and no Distributed Map: it needs none of these permissions.');
    return undefined;
  }
  return JSON.stringify(policy, null, 2) + '\n';
}

async function copy(text: string): Promise<void> {
  await vscode.env.clipboard.writeText(text);
  void notify.info('IAM policy copied to the clipboard.');
}

export async function showIamPolicy(client: PolicyClient, uri?: vscode.Uri | string): Promise<void> {
  const text = await policyText(client, uri);
  if (text === undefined) return;
  await showPreview('iam-policy.json', text, { viewColumn: vscode.ViewColumn.Beside, preview: false });
  const count = (JSON.parse(text) as { Statement: unknown[] }).Statement.length;
  if ((await notify.info(`IAM policy for this state machine: ${count} statements, one per task and permission.`, 'Copy')) === 'Copy') await copy(text);
}

export async function copyIamPolicy(client: PolicyClient, uri?: vscode.Uri | string): Promise<void> {
  const text = await policyText(client, uri);
  if (text !== undefined) await copy(text);
}

export function registerIamPolicyCommands(context: vscode.ExtensionContext, client: PolicyClient): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('sagemakerAsl.showIamPolicy', (uri?: vscode.Uri) => showIamPolicy(client, uri)),
    vscode.commands.registerCommand('sagemakerAsl.copyIamPolicy', (uri?: vscode.Uri) => copyIamPolicy(client, uri)),
  );
}

// Code lenses: "Start Training Job" / "Start Transform Job" above each task the client can run, from the one
// job-kind table the client's commands are registered from (jobKinds.ts). In a template the lens also names its
// machine: two machines there may have states of the same name.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeLens } from 'vscode-languageserver-types';
import { JOB_KINDS, jobKindOfApi } from '../jobKinds';
import type { DocumentStore } from './documentStore';
import { findTasks } from './tasks';

export function getCodeLenses(store: DocumentStore, doc: TextDocument): CodeLens[] {
  const lenses: CodeLens[] = [];
  for (const t of findTasks(store, doc)) {
    const kind = jobKindOfApi(t.api);
    if (!kind) continue;
    const { title, command } = JOB_KINDS[kind];
    lenses.push({ range: t.range, command: { title: `$(play) ${title}`, command, arguments: t.machine === undefined ? [doc.uri, t.stateName] : [doc.uri, t.stateName, t.machine] } });
  }
  return lenses;
}

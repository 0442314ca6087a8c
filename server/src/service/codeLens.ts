// Code lenses: "Start Training Job" / "Start Transform Job" above each task the client can run (sagemaker/codeLens.ts).
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeLens } from 'vscode-languageserver-types';
import type { DocumentStore } from './documentStore';
import { STARTABLE } from './sagemaker/codeLens';
import { findTasks } from './tasks';

export function getCodeLenses(store: DocumentStore, doc: TextDocument): CodeLens[] {
  const lenses: CodeLens[] = [];
  for (const t of findTasks(store, doc)) {
    const start = STARTABLE.get(t.api);
    if (start) lenses.push({ range: t.range, command: { title: `$(play) ${start.title}`, command: start.command, arguments: [doc.uri, t.stateName] } });
  }
  return lenses;
}

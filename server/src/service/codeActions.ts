// Code actions: the quick fixes of the findings under the cursor, and fix-all under a kind of its own,
// `source.fixAll.sagemaker`, so a user can run it on save without every other fix-all
// ("editor.codeActionsOnSave": { "source.fixAll.sagemaker": "explicit" }). The fixes are sagemaker/codeActions.ts's.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionKind, type CodeAction, type Range, type TextEdit } from 'vscode-languageserver-types';
import { dataflowFixes } from './dataflow/validation';
import type { DocumentStore } from './documentStore';
import { toDiagnostic, toOffsetRange, toTextEdit } from './lsp';
import { fixAllEdits, fixesFor } from './sagemaker/codeActions';
import { validate } from './validation';

/** This extension's fix-all: asked for by itself, or by `source.fixAll` or `source` (which include it). */
export const SOURCE_FIX_ALL_SAGEMAKER = `${CodeActionKind.SourceFixAll}.sagemaker`;

/** Whether a requested kind (`only`) covers `kind`: the same kind or a parent of it. */
const covers = (requested: string, kind: string) => kind === requested || kind.startsWith(requested + '.');

/** The edits of every unambiguous (preferred) quick fix in the document: fix-all and the CLI's --fix. */
export function fixAll(store: DocumentStore, doc: TextDocument): TextEdit[] {
  const parsed = store.workable(doc);
  return parsed ? fixAllEdits(parsed, validate(store, doc)).map((e) => toTextEdit(doc, e)) : [];
}

/**
 * The code actions for `range`: the quick fixes of the problems overlapping it (unless `only` asks for other
 * kinds) and, only when `only` asks for it, fix-all (editors ask on save or from the Source Action menu).
 */
export function getCodeActions(store: DocumentStore, doc: TextDocument, range: Range, only?: string[]): CodeAction[] {
  const parsed = store.workable(doc);
  if (!parsed) return [];
  const problems = validate(store, doc);
  const actions: CodeAction[] = [];
  if (!only?.length || only.some((o) => covers(o, CodeActionKind.QuickFix))) {
    const { offset: start, length } = toOffsetRange(doc, range);
    for (const p of problems) {
      if (!(p.offset <= start + length && p.offset + p.length >= start)) continue;
      for (const f of [...fixesFor(parsed, p), ...dataflowFixes(p)]) {
        actions.push({
          title: f.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [toDiagnostic(doc, p)],
          ...(f.preferred ? { isPreferred: true } : {}),
          edit: { changes: { [doc.uri]: f.edits.map((e) => toTextEdit(doc, e)) } },
        });
      }
    }
  }
  if (only?.some((o) => covers(o, SOURCE_FIX_ALL_SAGEMAKER))) {
    const edits = fixAllEdits(parsed, problems);
    if (edits.length) actions.push({ title: 'Fix all SageMaker problems', kind: SOURCE_FIX_ALL_SAGEMAKER, edit: { changes: { [doc.uri]: edits.map((e) => toTextEdit(doc, e)) } } });
  }
  return actions;
}

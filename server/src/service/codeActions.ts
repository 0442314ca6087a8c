// Code actions: the quick fixes of the findings under the cursor, and fix-all under a kind of its own,
// `source.fixAll.sagemaker`, so a user can run it on save without every other fix-all
// ("editor.codeActionsOnSave": { "source.fixAll.sagemaker": "explicit" }). The fixes are sagemaker/codeActions.ts's,
// asl/fixes.ts's (offered only) and the data flow's.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionKind, type CodeAction, type Range, type TextEdit } from 'vscode-languageserver-types';
import { aslFixes } from './asl/fixes';
import { FIX_ALL_KIND } from './core/codes';
import type { ParsedDocument, Problem } from './core/types';
import { dataflowFixes } from './dataflow/validation';
import type { DocumentStore } from './documentStore';
import { toDiagnostic, toOffsetRange, toTextEdit } from './lsp';
import { fixAllEdits, fixesFor } from './sagemaker/codeActions';
import { validate } from './validation';


/** The findings of one state machine of the document: all of them when it is the document itself, else those inside its definition. */
function findingsIn(store: DocumentStore, doc: TextDocument, m: ParsedDocument, problems: Problem[]): Problem[] {
  if (m === store.parse(doc) || !m.root) return problems;
  const { offset, length } = m.root;
  return problems.filter((p) => p.offset >= offset && p.offset <= offset + length);
}

/** The state machines of the document a fix may edit: not one written inside a string (templates/encodedDefinition.ts). */
// Not a YAML text whose lines end in a lone carriage return (old Mac files): its edits are written line by line with
// LF and CR LF in mind, and one would land in the wrong place. Read and checked, never edited.
const LONE_CR = /\r(?!\n)/;
const editable = (store: DocumentStore, doc: TextDocument) => store.machines(doc).filter((m) => !m.encoded && !(m.language === 'yaml' && LONE_CR.test(m.text)));

/** Whether a requested kind (`only`) covers `kind`: the same kind or a parent of it. */
const covers = (requested: string, kind: string) => kind === requested || kind.startsWith(requested + '.');

/**
 * The state machines fix-all may edit: not while the document does not read completely (a string being typed, a
 * missing brace): its edits would rest on what the parser's recovery guessed, and a save would write them.
 */
const fixable = (store: DocumentStore, doc: TextDocument) => (store.parse(doc).syntaxErrors.length ? [] : editable(store, doc).filter((m) => !m.syntaxErrors.length));

/** The edits of every unambiguous (preferred) quick fix in the document: fix-all and the CLI's --fix. */
export function fixAll(store: DocumentStore, doc: TextDocument): TextEdit[] {
  const problems = validate(store, doc);
  // Each state machine of the document (a template may hold several) fixes the findings inside it.
  return fixable(store, doc).flatMap((m) => fixAllEdits(m, findingsIn(store, doc, m, problems))).map((e) => toTextEdit(doc, e));
}

/**
 * The code actions for `range`: the quick fixes of the problems overlapping it (unless `only` asks for other
 * kinds) and, only when `only` asks for it, fix-all (editors ask on save or from the Source Action menu).
 */
export function getCodeActions(store: DocumentStore, doc: TextDocument, range: Range, only?: string[]): CodeAction[] {
  const machines = editable(store, doc);
  if (!machines.length) return [];
  const problems = validate(store, doc);
  const actions: CodeAction[] = [];
  if (!only?.length || only.some((o) => covers(o, CodeActionKind.QuickFix))) {
    const { offset: start, length } = toOffsetRange(doc, range);
    for (const p of problems) {
      if (!(p.offset <= start + length && p.offset + p.length >= start)) continue;
      const parsed = machines.find((m) => findingsIn(store, doc, m, [p]).length);
      for (const f of parsed ? [...fixesFor(parsed, p), ...aslFixes(parsed, p), ...dataflowFixes(p)] : []) {
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
  if (only?.some((o) => covers(o, FIX_ALL_KIND))) {
    const edits = fixable(store, doc).flatMap((m) => fixAllEdits(m, findingsIn(store, doc, m, problems)));
    if (edits.length) actions.push({ title: 'Fix all SageMaker problems', kind: FIX_ALL_KIND, edit: { changes: { [doc.uri]: edits.map((e) => toTextEdit(doc, e)) } } });
  }
  return actions;
}

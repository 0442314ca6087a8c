// Code actions: the quick fixes of the findings under the cursor, and fix-all under a kind of its own,
// `source.fixAll.sagemaker`, so a user can run it on save without every other fix-all
// ("editor.codeActionsOnSave": { "source.fixAll.sagemaker": "explicit" }). The fixes are sagemaker/fixes.ts's,
// asl/fixes.ts's and the data flow's; fix-all takes every preferred one (the one correction a finding has) of the
// first two.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionKind, type CodeAction, type Range, type TextEdit } from 'vscode-languageserver-types';
import { aslFixes, renameKey } from './asl/fixes';
import { FIX_ALL_KIND } from './core/codes';
import { nodeAt } from './core/tree';
import { applyOffsetEdits } from './core/text';
import type { OffsetEdit, ParsedDocument, Problem } from './core/types';
import type { Fix } from './asl/fixes';
import { SageMakerCode } from './sagemaker/codes';
import { dataflowFixes } from './dataflow/validation';
import type { DocumentStore } from './documentStore';
import { toDiagnostic, toOffsetRange, toTextEdit } from './lsp';
import { fixAllEdits, fixesFor } from './sagemaker/fixes';
import { TemplateCode } from './templates/substitutions';
import { validate } from './validation';


/** The findings of one state machine of the document: all of them when it is the document itself, else those inside its definition. */
function findingsIn(store: DocumentStore, doc: TextDocument, m: ParsedDocument, problems: Problem[]): Problem[] {
  if (m === store.parse(doc) || !m.root) return problems;
  const { offset, length } = m.root;
  return problems.filter((p) => p.offset >= offset && p.offset <= offset + length);
}

/**
 * A finding on a value a template gives a placeholder (a Parameter's Default, a DefinitionSubstitutions value), which
 * is written outside every definition: fixed where it is written, in the template's own tree, by the fixes that only
 * write a value (walk38: "Did you mean ml.m5.xlarge" on a Default had no fix).
 */
const VALUE_FIXES = new Set<string>([SageMakerCode.enumValue, SageMakerCode.wrongType]);
function substitutionFixes(store: DocumentStore, doc: TextDocument, machines: ParsedDocument[], p: Problem): Fix[] {
  const whole = store.parse(doc);
  if (machines.includes(whole) || whole.encoded || whole.syntaxErrors.length || (whole.language === 'yaml' && LONE_CR.test(whole.text))) return [];
  // A state machine resource's property written as one close to it (Defintion, SAM's Type on CloudFormation's
  // resource): renamed to it, offered (templates/resource.ts).
  if (p.code === TemplateCode.unknownProperty && typeof p.data?.closest === 'string' && whole.root) {
    const key = nodeAt(whole.root, p.offset);
    const fix = key?.type === 'string' && key.offset === p.offset ? renameKey(whole, key, p.data.closest, false) : undefined;
    return fix ? [fix] : [];
  }
  return VALUE_FIXES.has(String(p.code)) ? fixesFor(whole, p) : [];
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
  return fixAllPasses(store, doc, validate(store, doc)).map((e) => toTextEdit(doc, e));
}

/**
 * How many times fix-all checks the text it fixed: a fix may bring to light findings its own hid (a misspelt Resource
 * or `Type: task` hid every check of the state's request: ux44), so, as ESLint's fix-all does, the fixed text is
 * checked again and its fixes join the first ones, until none is left or this many passes.
 */
const FIX_ALL_PASSES = 3;

/** Fix-all's edits over its passes, all on the document's text: one action, one save. */
function fixAllPasses(store: DocumentStore, doc: TextDocument, problems: Problem[]): OffsetEdit[] {
  let all = fixAllOffsetEdits(store, doc, problems);
  const machines = all.length ? store.machines(doc) : [];
  if (!all.some((e) => mayReveal(machines, e))) return all;
  const text = doc.getText();
  // The fixed text is checked under a name of its own, as the document (its workflow type too), then forgotten; the
  // name ends as the document's does, which says what a file is (a `churn.training-job.json` job spec: the review of
  // the day found `#fix-all` at its end made it none).
  const scratch = `fix-all:${doc.uri}`;
  store.setWorkflowType(scratch, store.workflowType(doc.uri));
  try {
    for (let pass = 2; pass <= FIX_ALL_PASSES; pass++) {
      const fixed = TextDocument.create(scratch, doc.languageId, pass, applyOffsetEdits(text, all));
      // Only those that leave the earlier passes' edits whole: where they meet, the next fix-all does it.
      const more = fixAllOffsetEdits(store, fixed, validate(store, fixed)).map((e) => beforeEdits(all, e)).filter((e): e is OffsetEdit => !!e);
      if (!more.length) break;
      all = [...all, ...more].sort((a, b) => a.offset - b.offset);
    }
  } finally {
    store.setWorkflowType(scratch, undefined);
    store.close(scratch);
  }
  return all;
}

/**
 * Whether an edit may bring findings to light that its finding hid: one of a key (a misspelt member's value was read
 * as no member's), of a state's `Type` or `Resource` (a state's fields and a task's request are checked by them), or
 * one the machines' trees do not place (the checks run again). A value put right elsewhere (a job name, an instance
 * type's case: 1,200 of them in the bench) hides nothing, and fix-all stays one check of the document.
 */
function mayReveal(machines: readonly ParsedDocument[], e: OffsetEdit): boolean {
  for (const m of machines) {
    const node = nodeAt(m.root, e.offset);
    if (!node) continue;
    const property = node.parent?.type === 'property' ? node.parent : undefined;
    if (!property) return true;
    const key = property.children?.[0];
    return key === node || key?.value === 'Type' || key?.value === 'Resource';
  }
  return true;
}

/**
 * An edit of the text `applied` made, as an edit of the text before them; undefined where it touches what one of them
 * wrote (the two would not compose as two edits of one text).
 */
function beforeEdits(applied: readonly OffsetEdit[], e: OffsetEdit): OffsetEdit | undefined {
  let delta = 0;
  for (const a of applied) {
    const start = a.offset + delta, end = start + a.newText.length;
    if (e.offset + e.length < start) break;
    if (e.offset <= end) return undefined;
    delta += a.newText.length - a.length;
  }
  return { ...e, offset: e.offset - delta };
}

/** Each state machine of the document (a template may hold several) fixes the findings inside it; the template the values it gives them. */
function fixAllOffsetEdits(store: DocumentStore, doc: TextDocument, problems: Problem[]): OffsetEdit[] {
  const machines = fixable(store, doc);
  const outside = machines.length ? problems.filter((p) => !machines.some((m) => findingsIn(store, doc, m, [p]).length)) : [];
  const values = outside.flatMap((p) => substitutionFixes(store, doc, machines, p).filter((f) => f.preferred).slice(0, 1)).flatMap((f) => f.edits);
  // The language's own certain ones too (a state name or type in another case, "End": "true", an ErrorEquals written
  // as one string; ux41: the README promised every preferred fix, and these were left out).
  const asl = machines.flatMap((m) => findingsIn(store, doc, m, problems).flatMap((p) => aslFixes(m, p).filter((f) => f.preferred).slice(0, 1).flatMap((f) => f.edits)));
  const edits = [...machines.flatMap((m) => fixAllEdits(m, findingsIn(store, doc, m, problems))), ...asl, ...values].sort((a, b) => a.offset - b.offset);
  // Two fixes of one place (a Default two tasks read): the first; each edit kept is apart from every one kept before
  // it (the review of the day: compared with the edit before in the list, one inside a dropped one's span was kept).
  let end = -1;
  return edits.filter((e) => {
    if (e.offset < end) return false;
    end = e.offset + e.length;
    return true;
  });
}

/**
 * The code actions for `range`: the quick fixes of the problems overlapping it (unless `only` asks for other
 * kinds) and, only when `only` asks for it, fix-all (editors ask on save or from the Source Action menu).
 */
export function getCodeActions(store: DocumentStore, doc: TextDocument, range: Range, only?: string[]): CodeAction[] {
  const machines = editable(store, doc);
  // A template whose state machine is not written in it (a DefinitionUri, a misspelt Definition) has fixes of its
  // resource's own properties still (the review of the day: "did you mean Definition?" offered no fix there).
  if (!machines.length && !store.isStateMachineDocument(doc)) return [];
  const problems = validate(store, doc);
  const actions: CodeAction[] = [];
  if (!only?.length || only.some((o) => covers(o, CodeActionKind.QuickFix))) {
    const { offset: start, length } = toOffsetRange(doc, range);
    // Two findings with the same fix (an enum value in another case, and a documented rule that wants that value):
    // one action that names both, not the same edit twice under two titles (ux39).
    const byEdits = new Map<string, CodeAction>();
    for (const p of problems) {
      if (!(p.offset <= start + length && p.offset + p.length >= start)) continue;
      const parsed = machines.find((m) => findingsIn(store, doc, m, [p]).length);
      for (const f of parsed ? [...fixesFor(parsed, p), ...aslFixes(parsed, p), ...dataflowFixes(p)] : substitutionFixes(store, doc, machines, p)) {
        const key = JSON.stringify(f.edits);
        const same = byEdits.get(key);
        if (same) {
          same.diagnostics!.push(toDiagnostic(doc, p));
          if (f.preferred) same.isPreferred = true;
          continue;
        }
        const action: CodeAction = {
          title: f.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [toDiagnostic(doc, p)],
          ...(f.preferred ? { isPreferred: true } : {}),
          edit: { changes: { [doc.uri]: f.edits.map((e) => toTextEdit(doc, e)) } },
        };
        byEdits.set(key, action);
        actions.push(action);
      }
    }
  }
  if (only?.some((o) => covers(o, FIX_ALL_KIND))) {
    const edits = fixAllPasses(store, doc, problems);
    if (edits.length) actions.push({ title: 'Fix all SageMaker problems', kind: FIX_ALL_KIND, edit: { changes: { [doc.uri]: edits.map((e) => toTextEdit(doc, e)) } } });
  }
  return actions;
}

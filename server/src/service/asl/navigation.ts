// Navigation in a state machine, in offsets: the outline of its states, go to a state from where it is named
// (StartAt, Next, Default, a catcher's Next), every place a state is named, and renaming a state everywhere.
// Names are scoped to their machine: a Parallel branch or Map ItemProcessor has states of its own.
import { nodeAt } from '../core/tree';
import { codeSpan, markdownText, shortName } from '../core/text';
import type { AstNode, OffsetEdit, OffsetRange, ParsedDocument } from '../core/types';
import { writeValue } from './fixes';
import { stateNameRefusal } from './machineRules';
import { buildModel, modelOf, type AslMachine, type AslModel, type AslState } from './model';

/** LSP SymbolKind numbers, by state type (the outline's icons). */
const SYMBOL_KIND: Record<string, number> = {
  Task: 12 /* Function */, Pass: 13 /* Variable */, Choice: 25 /* Operator */, Wait: 24 /* Event */,
  Succeed: 14 /* Constant */, Fail: 14 /* Constant */, Parallel: 3 /* Namespace */, Map: 18 /* Array */,
};
const BRANCH_KIND = 2; /* Module */
const OTHER_KIND = 19; /* Object */

export interface StateSymbol {
  name: string;
  /** The state's Type ("Task", "Map", …), or "Branch 2" for a Parallel branch, "" when the state has none. */
  detail: string;
  kind: number;
  /** The whole `"Name": {…}` entry. */
  range: OffsetRange;
  /** The state's name (its key, quotes included). */
  selectionRange: OffsetRange;
  /** A Parallel's branches (each holding its states), a Map's ItemProcessor states. */
  children: StateSymbol[];
}

const span = (n: AstNode): OffsetRange => ({ offset: n.offset, length: n.length });

/** The outline: every state, nested under its Parallel (by branch) or Map. */
export function findDocumentSymbols(root: AstNode | undefined, model: AslModel = buildModel(root)): StateSymbol[] {
  const top: StateSymbol[] = [];
  const into = new Map<AslMachine, StateSymbol[]>();
  const symbolOf = new Map<AslState, StateSymbol>();
  // model.machines lists a machine before the machines nested in it, so each one's list already exists.
  for (const m of model.machines) {
    let list = top;
    if (m.owner) {
      const owner = symbolOf.get(m.owner);
      if (!owner) continue;
      if (m.kind === 'branch') {
        const n = m.owner.children.indexOf(m) + 1;
        const branch: StateSymbol = { name: `Branch ${n}`, detail: `Branch ${n}`, kind: BRANCH_KIND, range: span(m.node), selectionRange: span(m.node), children: [] };
        owner.children.push(branch);
        list = branch.children;
      } else list = owner.children;
    }
    into.set(m, list);
    for (const s of m.states) {
      const sym: StateSymbol = { name: s.name, detail: s.type ?? '', kind: (s.type && SYMBOL_KIND[s.type]) || OTHER_KIND, range: span(s.propertyNode), selectionRange: span(s.keyNode), children: [] };
      symbolOf.set(s, sym);
      list.push(sym);
    }
  }
  return top;
}

/** The state named at `offset`: its key, or a StartAt/Next/Default/Catch value naming it. */
function stateAt(model: AslModel, root: AstNode, offset: number): { machine: AslMachine; name: string; fromReference: boolean } | undefined {
  const node = nodeAt(root, offset);
  if (node?.type !== 'string') return undefined;
  for (const m of model.machines) {
    for (const r of m.references) if (r.node === node) return { machine: m, name: r.name, fromReference: true };
  }
  for (const s of model.states) if (s.keyNode === node) return { machine: s.machine, name: s.name, fromReference: false };
  return undefined;
}

/**
 * Hover on a state's name (its key, or a StartAt/Next/Default/catcher Next naming it): its type, what it calls or
 * does, its Comment, where it goes next, and how many places name it. Nothing for a name no state has (its finding
 * says so).
 */
export function stateHover(parsed: ParsedDocument, offset: number, model: AslModel = modelOf(parsed)): { markdown: string; range: OffsetRange } | null {
  if (!parsed.root) return null;
  const at = stateAt(model, parsed.root, offset);
  const state = at && at.machine.byName.get(at.name);
  if (!at || !state) return null;
  const node = nodeAt(parsed.root, offset)!;
  const text = (field: string) => {
    const v = state.node.children?.find((p) => p.children?.[0]?.value === field)?.children?.[1];
    return v?.type === 'string' ? (v.value as string) : v?.type === 'boolean' || v?.type === 'number' ? String(v.value) : undefined;
  };
  const code = codeSpan;
  // A 5,000-character name is shown as much as a hover can (walk39: it ran across the screen in bold).
  const lines = [`**${markdownText(shortName(at.name))}** · ${state.type ? `${state.type} state` : 'state'}${at.machine.owner ? ` in ${markdownText(shortName(at.machine.owner.name))}` : ''}`];
  const resource = text('Resource');
  if (resource) lines.push(`Resource: ${code(resource)}`);
  const comment = text('Comment');
  // The Comment is the document's text, not Markdown: a link, image or HTML in it is shown, not followed or fetched.
  if (comment) lines.push(markdownText(comment.length > 300 ? `${comment.slice(0, 300)}…` : comment));
  // In document order (a Choice's rules before its Default).
  const names = (catching: boolean) => [...new Set(state.targets.filter((t) => (t.field === 'Catch') === catching && t.node.type === 'string').sort((a, b) => a.node.offset - b.node.offset).map((t) => t.node.value as string))];
  const next = names(false);
  const caught = names(true);
  const ends = text('End') === 'true' || state.type === 'Succeed' || state.type === 'Fail';
  const onError = caught.length ? ` · on error: ${caught.map((n) => code(shortName(n))).join(', ')}` : '';
  if (next.length) lines.push(`Next: ${next.map((n) => code(shortName(n))).join(', ')}${onError}`);
  else if (ends) lines.push(`Ends the ${at.machine.owner ? 'branch or iteration' : 'execution'}${onError}`);
  const named = at.machine.references.filter((r) => r.name === at.name).length;
  lines.push(named === 1 ? 'Named in 1 place' : `Named in ${named} places`);
  return { markdown: lines.join('\n\n'), range: span(node) };
}

/** Go to definition: from a StartAt/Next/Default/catcher Next value to the key of the state it names. */
export function findStateDefinition(root: AstNode | undefined, offset: number, model: AslModel = buildModel(root)): OffsetRange | undefined {
  if (!root) return undefined;
  const at = stateAt(model, root, offset);
  const target = at?.fromReference ? at.machine.byName.get(at.name) : undefined;
  return target && span(target.keyNode);
}

/** Every place that names the state at `offset` (a state key or a reference), in document order; its key first when asked. */
export function findStateReferences(root: AstNode | undefined, offset: number, includeDeclaration = true, model: AslModel = buildModel(root)): OffsetRange[] {
  if (!root) return [];
  const at = stateAt(model, root, offset);
  if (!at) return [];
  const out = at.machine.references.filter((r) => r.name === at.name).map((r) => span(r.node));
  out.sort((a, b) => a.offset - b.offset);
  const decl = at.machine.byName.get(at.name);
  return includeDeclaration && decl ? [span(decl.keyNode), ...out] : out;
}

export type RenameResult = { edits: OffsetEdit[] } | { error: string };

/**
 * Renames the state at `offset` (its key or a reference to it): its key and every StartAt/Next/Default/Catch naming
 * it in its machine, each written as the document's syntax needs it there. Refused where the checks would refuse
 * the new name (machineRules.ts).
 */
export function renameState(parsed: ParsedDocument, offset: number, newName: string, model: AslModel = modelOf(parsed)): RenameResult {
  const root = parsed.root;
  if (!root) return { error: 'No state machine here' };
  const at = stateAt(model, root, offset);
  if (!at) return { error: 'Rename works on a state name: a key in States, or a StartAt, Next or Default value' };
  const decl = at.machine.byName.get(at.name);
  if (!decl) return { error: `There is no state named ${JSON.stringify(at.name)} to rename` };
  const refused = newName === at.name ? undefined : stateNameRefusal(model, decl, newName);
  if (refused) return { error: refused };
  // Its key, then the references in document order (as findStateReferences gives them).
  const nodes = [decl.keyNode, ...at.machine.references.filter((r) => r.name === at.name).map((r) => r.node).sort((a, b) => a.offset - b.offset)];
  return { edits: nodes.map((n) => ({ ...span(n), newText: writeValue(parsed, n, newName) })) };
}

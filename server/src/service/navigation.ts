// Navigation between states, as LSP answers: the outline, go to definition, references, and rename (a new name
// written as the document's syntax needs it). The offsets come from asl/navigation.ts.
import type { Position, TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentSymbol, Location, Range, SymbolKind, TextEdit } from 'vscode-languageserver-types';
import { findDocumentSymbols, findStateDefinition, findStateReferences, renameState, type StateSymbol } from './asl/navigation';
import { nodeAt } from './core/tree';
import type { OffsetRange, ParsedDocument } from './core/types';
import type { DocumentStore } from './documentStore';
import { toOffset, toRange } from './lsp';
import { machineName, machineOwner } from './templates/embedded';

/** The parse of the state machine at `offset` that navigation can work on (a template's embedded one there). */
function navigable(store: DocumentStore, doc: TextDocument, offset: number): ParsedDocument | undefined {
  const parsed = store.machineAt(doc, offset);
  return parsed?.root ? parsed : undefined;
}

/** The outline as LSP symbols, converted with an explicit stack (Parallel and Map states nest as deep as the user's). */
function toSymbols(doc: TextDocument, symbols: StateSymbol[]): DocumentSymbol[] {
  const top: DocumentSymbol[] = [];
  const stack: { from: StateSymbol; into: DocumentSymbol[] }[] = symbols.map((from) => ({ from, into: top })).reverse();
  while (stack.length) {
    const { from: s, into } = stack.pop()!;
    const children: DocumentSymbol[] = [];
    into.push({
      name: s.name || ' ', // VS Code rejects an empty name
      detail: s.detail,
      kind: s.kind as SymbolKind,
      range: toRange(doc, s.range),
      selectionRange: toRange(doc, s.selectionRange),
      children,
    });
    for (let i = s.children.length - 1; i >= 0; i--) stack.push({ from: s.children[i], into: children });
  }
  return top;
}

/** The name's text inside its quotes (a YAML plain scalar has none). */
function nameRange(text: string, r: OffsetRange): OffsetRange {
  const q = text[r.offset];
  return (q === '"' || q === "'") && r.length >= 2 ? { offset: r.offset + 1, length: r.length - 2 } : r;
}

/** The outline: states nested under their Parallel branch or Map. */
export function documentSymbols(store: DocumentStore, doc: TextDocument): DocumentSymbol[] {
  // Every state machine of the document (a template may embed several), in document order; where there are
  // several, each under its resource's name (ux42: two machines' states read Prep, Done, Prep, Done).
  const machines = store.machines(doc).filter((parsed) => parsed.root);
  return machines.flatMap((parsed) => {
    const states = toSymbols(doc, findDocumentSymbols(parsed.root!, store.model(parsed)));
    const name = machines.length > 1 ? machineName(parsed) : undefined;
    if (name === undefined) return states;
    const range = toRange(doc, parsed.root!);
    return [{ name: name || ' ', detail: 'state machine', kind: SYMBOL_KIND_OBJECT, range, selectionRange: { start: range.start, end: range.start }, children: states }];
  });
}

/** LSP's SymbolKind.Object: a resource holding a machine (a type import only here, as for the states' kinds). */
const SYMBOL_KIND_OBJECT = 19 as SymbolKind;

/** From a StartAt/Next/Default/catcher Next value to the state it names. */
export function definition(store: DocumentStore, doc: TextDocument, position: Position): Location | null {
  const parsed = navigable(store, doc, toOffset(doc, position));
  const target = parsed && findStateDefinition(parsed.root, toOffset(doc, position), store.model(parsed));
  return target ? { uri: doc.uri, range: toRange(doc, target) } : null;
}

/** Every place naming the state at `position` (its key and the transitions to it). */
export function references(store: DocumentStore, doc: TextDocument, position: Position, includeDeclaration: boolean): Location[] {
  const parsed = navigable(store, doc, toOffset(doc, position));
  if (!parsed) return [];
  return findStateReferences(parsed.root, toOffset(doc, position), includeDeclaration, store.model(parsed)).map((r) => ({ uri: doc.uri, range: toRange(doc, r) }));
}

/** The name under `position` when it is a state's name or a transition to a state, else null. */
export function prepareRename(store: DocumentStore, doc: TextDocument, position: Position): { range: Range; placeholder: string } | null {
  const offset = toOffset(doc, position);
  const parsed = navigable(store, doc, offset);
  // A definition written inside a string (templates/encodedDefinition.ts) is not edited.
  if (!parsed || parsed.encoded) return null;
  const here = findStateReferences(parsed.root, offset, true, store.model(parsed)).find((r) => r.offset <= offset && offset <= r.offset + r.length);
  if (!here) return null;
  const inner = nameRange(parsed.text, here);
  // The name itself, escapes read (`"a\"b"` offers a"b); rename writes the new one quoted as the syntax needs.
  const node = nodeAt(parsed.root, here.offset);
  const name = typeof node?.value === 'string' ? node.value : parsed.text.slice(inner.offset, inner.offset + inner.length);
  return { range: toRange(doc, inner), placeholder: name };
}

/** Renames a state and every transition to it, in the document's syntax; an error says why it cannot. */
export function rename(store: DocumentStore, doc: TextDocument, position: Position, newName: string): { edits: TextEdit[] } | { error: string } {
  const parsed = navigable(store, doc, toOffset(doc, position));
  if (!parsed) return { error: 'Rename works in a state machine document' };
  if (parsed.encoded) return { error: 'This definition is JSON written inside a string (a DefinitionString): rename its states in the source it is generated from' };
  const owner = machineOwner(parsed);
  // DefinitionSubstitutions replace every `${Name}` of the definition and have no escape for one meant as text.
  if (owner?.substitutions && newName.includes('${')) return { error: 'In a definition with DefinitionSubstitutions, ${…} in a name is read as a placeholder and replaced when the machine is deployed: choose a name without ${' };
  const result = renameState(parsed, toOffset(doc, position), newName, store.model(parsed));
  if ('error' in result) return result;
  // In a Fn::Sub's definition a `${` is the Sub's placeholder: the name is written with `${!`, which the Sub turns
  // back into `${` (ux44: "Alert ${Team}" was written as a placeholder of no parameter).
  const escape = owner?.sub && newName.includes('${');
  return { edits: result.edits.map((e) => ({ range: toRange(doc, e), newText: escape ? e.newText.replaceAll('${', '${!') : e.newText })) };
}

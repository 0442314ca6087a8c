// Folding and smart selection: a JSON document's from json/jsonFeatures.ts, a YAML one's over its tree
// (yaml/structure.ts), and inside a YAML template the JSON of a definition written in a block scalar
// (`DefinitionString: !Sub |`): its objects and arrays fold, and a selection expands through its nodes before the
// YAML around it, as in a .asl.json (ux44: only the YAML's ranges were given, and VS Code, taking them for the
// answer, lost every fold inside the definition).
import type { Position, TextDocument } from 'vscode-languageserver-textdocument';
import type { FoldingRange, SelectionRange } from 'vscode-languageserver-types';
import type { AstNode, OffsetRange, ParsedDocument } from './core/types';
import { moveNodes } from './core/tree';
import type { DocumentStore } from './documentStore';
import * as json from './json/jsonFeatures';
import { parseJson } from './json/parse';
import { yamlFoldingSpans, yamlSelectionSpans } from './yaml/structure';
import { toFoldingRange, toOffset, toSelectionRange } from './lsp';

/** The positions one request is answered for in full. */
const MAX_SELECTION_POSITIONS = 1000;

/**
 * The machines of a YAML template written as JSON in the template's own text (a block scalar): not one decoded from
 * an escaped string (`encoded`, whose nodes stand on escapes), nor a Definition written as YAML.
 */
function jsonBlocks(store: DocumentStore, doc: TextDocument, parsed: ParsedDocument): ParsedDocument[] {
  return store.machines(doc).filter((m) => m !== parsed && m.language === 'json' && !m.encoded && m.root);
}

export function getFoldingRanges(store: DocumentStore, doc: TextDocument): FoldingRange[] | null {
  const parsed = store.workable(doc);
  if (parsed?.language === 'json') return json.getFoldingRanges(doc);
  if (parsed?.language !== 'yaml') return null;
  const spans = yamlFoldingSpans(parsed.root, parsed.text);
  for (const m of jsonBlocks(store, doc, parsed)) for (const s of json.jsonFoldingSpans(m.root!, parsed.text)) spans.push(s);
  return spans.map((span) => toFoldingRange(doc, span));
}

export function getSelectionRanges(store: DocumentStore, doc: TextDocument, positions: Position[]): SelectionRange[] {
  const parsed = store.workable(doc);
  if (parsed?.language !== 'yaml' && parsed?.language !== 'json') return [];
  // A client asks for its cursors: past a thousand, each further one gets its own place (a million of them, each
  // a chain of ranges, ran the server out of memory).
  const asked = positions.slice(0, MAX_SELECTION_POSITIONS);
  const rest = positions.slice(MAX_SELECTION_POSITIONS).map((p) => toSelectionRange(doc, [], p));
  return [...(parsed.language === 'yaml' ? yamlSelections(store, doc, parsed, asked) : jsonSelections(store, doc, parsed, asked)), ...rest];
}

/**
 * A JSON document's selections: a state machine's over the tree the store has; a template's (whose tree holds its
 * machines with their substitutions followed in place) and a job spec's (a view of it) by the library.
 */
function jsonSelections(store: DocumentStore, doc: TextDocument, parsed: ParsedDocument, positions: Position[]): SelectionRange[] {
  const root = store.machines(doc).every((m) => m === parsed) ? parsed.root : undefined;
  if (!root) return json.librarySelectionRanges(doc, positions);
  const text = doc.getText();
  return positions.map((p) => toSelectionRange(doc, json.jsonSelectionSpans(root, text, toOffset(doc, p)), p));
}

/** A YAML document's selections: inside the JSON of a definition written in a block, through its nodes first. */
function yamlSelections(store: DocumentStore, doc: TextDocument, parsed: ParsedDocument, positions: Position[]): SelectionRange[] {
  const blocks = jsonBlocks(store, doc, parsed);
  // A block's tree as its text reads: the machine's holds its substitutions followed in place (a `"${Fn}"` a
  // node of the value it stands for, written elsewhere), where a selection would lose its way. Read once a request.
  const trees = new Map<ParsedDocument, AstNode | undefined>();
  // The block's text alone, its nodes then moved to where it stands (padding it to its place was quadratic over
  // many blocks: the review of the day).
  const treeOf = (m: ParsedDocument) => {
    if (!trees.has(m)) {
      const root = parseJson(parsed.text.slice(m.root!.offset, m.root!.offset + m.root!.length), false).root;
      if (root) moveNodes(root, m.root!.offset);
      trees.set(m, root);
    }
    return trees.get(m);
  };
  return positions.map((p) => {
    const offset = toOffset(doc, p);
    const block = blocks.find((m) => m.root!.offset <= offset && offset <= m.root!.offset + m.root!.length);
    const tree = block && treeOf(block);
    const spans: OffsetRange[] = tree ? json.jsonSelectionSpans(tree, parsed.text, offset) : [];
    // Then the YAML around it, each span holding the one before.
    for (const s of yamlSelectionSpans(parsed.root, parsed.text, offset)) {
      const last = spans[spans.length - 1];
      if (!last || (s.offset <= last.offset && s.offset + s.length >= last.offset + last.length && (s.offset !== last.offset || s.length !== last.length))) spans.push(s);
    }
    return toSelectionRange(doc, spans, p);
  });
}

// The graph of a state machine document (graph/graphModel.ts) from the store's parse, model and findings: what the
// `sagemaker/graph` request answers and what the CLI's `graph` command draws. A template's machines are drawn one
// at a time: the one asked for (by its name, or an offset in it: the editor's cursor), else the first.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentStore } from './documentStore';
import { buildGraphModel, type GraphModel } from './graph/graphModel';
import { isJobSpec } from './sagemaker/jobSpecs';
import { machineName } from './templates/embedded';
import { validate } from './validation';

export interface DocumentGraph {
  graph: GraphModel;
  /** The first syntax error's message, while the text does not parse (the view keeps its last good graph). */
  syntaxError?: string;
  /** The document version the graph was computed from. */
  version: number;
  /** In a template: the names of its state machines (in document order), the one drawn and the span of its definition. */
  machines?: string[];
  machine?: string;
  machineSpan?: { offset: number; length: number };
}

/** Which of a template's machines to draw. */
export interface GraphWhich {
  /** That one (the CLI's --machine): a name no machine has draws nothing. */
  name?: string;
  /** The one whose definition spans it (the editor's cursor)... */
  offset?: number;
  /** ...else this one, while it exists (the one the view drew last), else the first. */
  last?: string;
}

/** The parse of a document that has states to draw: a state machine or a template, not a standalone job spec. */
function drawable(store: DocumentStore, doc: TextDocument) {
  const parsed = store.workable(doc);
  const machines = parsed && store.machines(doc);
  return machines?.length === 1 && isJobSpec(machines[0]) ? undefined : parsed;
}

/** Whether graphOf draws the document (it answers null exactly when this is false). */
export function hasGraph(store: DocumentStore, doc: TextDocument): boolean {
  return drawable(store, doc) !== undefined;
}

export function graphOf(store: DocumentStore, doc: TextDocument, which: GraphWhich = {}): DocumentGraph | null {
  const parsed = drawable(store, doc);
  if (!parsed) return null;
  const machines = store.machines(doc);
  const named = store.machineNames(doc);
  // A name no machine has: an empty graph that says which machines there are.
  const byName = which.name !== undefined && named ? machines[named.indexOf(which.name)] : undefined;
  if (which.name !== undefined && !byName) return { graph: { nodes: [], edges: [], groups: [] }, version: doc.version, machines: named ?? [] };
  const atOffset = which.offset !== undefined && named ? store.machineAt(doc, which.offset) : undefined;
  const last = which.last !== undefined && named ? machines[named.indexOf(which.last)] : undefined;
  const machine = byName ?? atOffset ?? last ?? machines[0] ?? parsed;
  const result: DocumentGraph = { graph: buildGraphModel(machine.root, validate(store, doc), store.model(machine)), version: doc.version };
  const syntax = machine.syntaxErrors[0] ?? parsed.syntaxErrors[0];
  if (syntax) result.syntaxError = syntax.message;
  if (named) {
    result.machines = named;
    result.machine = machineName(machine);
    if (machine.root) result.machineSpan = { offset: machine.root.offset, length: machine.root.length };
  }
  return result;
}

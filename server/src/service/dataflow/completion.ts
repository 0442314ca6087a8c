// Completion of the fields a path can read at that point: inside a `.$` value or a path field (`"$.train.‸"` →
// ModelArtifacts, TrainingJobName… with their types and documentation from the AWS model), in the path arguments
// of intrinsic functions, and after `$states.input.` or an assigned `$variable.` in JSONata; the context object's
// documented fields after `$$.` and `$states.context.`.
import { CompletionItemKind, MarkupKind } from 'vscode-languageserver-types';
import { modelOf, stateHolding } from '../asl/model';
import { evaluatedHere } from '../asl/fields';
import { STATES_MEMBERS, statesMemberAvailable } from '../asl/variables';
import type { AstNode, ParsedDocument } from '../core/types';
import type { OffsetCompletionItem } from '../asl/completion';
import { dataflowOf, ERROR_OUTPUT, jsonataContextOf } from './analysis';
import { readSegments } from './paths';
import type { Shape } from './shapes';
import type { PathSegment } from '../expressions/index';

/** The path being typed just before the cursor: its root, the complete names before it and the partial last one. */
const TYPED = /(?<![$\p{ID_Continue}])(\$states\.input|\$states\.context|\$states\.result|\$states\.errorOutput|\$\$|\$\p{ID_Continue}*)((?:\.[A-Za-z0-9_-]+|\[\d+\]|\['[^']*'\]|\["[^"]*"\])*)\.([A-Za-z0-9_-]*)$/u;

function segmentsOf(text: string): PathSegment[] | undefined {
  const out: PathSegment[] = [];
  const re = /\.([A-Za-z0-9_-]+)|\[(\d+)\]|\['([^']*)'\]|\["([^"]*)"\]/g;
  let m: RegExpExecArray | null;
  let at = 0;
  while ((m = re.exec(text))) {
    if (m.index !== at) return undefined;
    at = re.lastIndex;
    if (m[2] !== undefined) out.push({ kind: 'index', index: Number(m[2]), start: m.index, end: at });
    else out.push({ kind: 'name', name: m[1] ?? m[3] ?? m[4], start: m.index, end: at });
  }
  return at === text.length ? out : undefined;
}

function fieldItems(shape: Shape, partial: string, from: number, to: number): OffsetCompletionItem[] {
  if (shape.kind !== 'object') return [];
  const items: OffsetCompletionItem[] = [];
  for (const [name, f] of shape.fields) {
    if (!/^[A-Za-z_][A-Za-z0-9_-]*$/.test(name)) continue;
    items.push({
      label: name,
      kind: CompletionItemKind.Field,
      detail: f.type,
      ...(f.doc ? { documentation: { kind: MarkupKind.Markdown, value: f.doc } } : {}),
      sortText: name.toLowerCase().startsWith(partial.toLowerCase()) ? `0${name}` : `1${name}`,
      edit: { offset: from, length: to - from, newText: name },
    });
  }
  return items;
}

/** The fields of `$states` that have a value where a JSONata state evaluates `node` (`result` in its Output, `errorOutput` in a catcher). */
function statesItems(parsed: ParsedDocument, node: AstNode, partial: string, from: number, to: number): OffsetCompletionItem[] {
  if (!(node.value as string).includes('{%')) return [];
  const held = stateHolding(modelOf(parsed), node);
  if (held?.state.queryLanguage !== 'JSONata' || !evaluatedHere(held.state, held.keys)) return [];
  return STATES_MEMBERS.filter((m) => statesMemberAvailable(m.name, held.state, held.keys[0])).map((m, i) => ({
    label: m.name,
    kind: CompletionItemKind.Field,
    detail: `$states.${m.name}`,
    documentation: { kind: MarkupKind.Markdown, value: m.doc },
    sortText: `${m.name.toLowerCase().startsWith(partial.toLowerCase()) ? 0 : 1}${i}`,
    edit: { offset: from, length: to - from, newText: m.name },
  }));
}

export function dataflowCompletions(parsed: ParsedDocument, offset: number, node: AstNode | undefined, executionInput?: Shape): OffsetCompletionItem[] {
  if (node?.type !== 'string') return [];
  const flow = dataflowOf(parsed, executionInput);
  const raw = parsed.text.slice(node.offset, offset);
  const before = raw[0] === '"' || raw[0] === "'" ? raw.slice(1) : raw;
  const m = TYPED.exec(before);
  if (!m) return [];
  const [, root, middle, partial] = m;
  const from = offset - partial.length;
  const to = from + (/^[A-Za-z0-9_-]*/.exec(parsed.text.slice(offset))?.[0].length ?? 0) + partial.length;
  const segments = segmentsOf(middle);
  if (!segments) return [];
  let against: Shape | undefined;
  // The context object (`$$`, `$states.context`) has Map only in a Map state's items: not offered elsewhere.
  let noMap = false;
  if (root === '$' || root === '$$') {
    const slot = flow.slots.find((s) => s.node === node);
    if (slot) against = root === '$' ? slot.against : (slot.context ?? flow.context);
    noMap = root === '$$' && !!slot && slot.state.type !== 'Map';
  } else if (root === '$states.input' || root === '$states.context' || root === '$states.result' || root === '$states.errorOutput') {
    // Only where a JSONata state evaluates the string (and has a result: its Output and Assign).
    const held = (node.value as string).includes('{%') ? stateHolding(modelOf(parsed), node) : undefined;
    const state = held && evaluatedHere(held.state, held.keys) ? held.state : undefined;
    const at = state?.queryLanguage === 'JSONata' ? flow.states.get(state) : undefined;
    against = root === '$states.input' ? at?.input
      : root === '$states.result' ? (at && statesMemberAvailable('result', state!, held!.keys[0]) ? at.result : undefined)
      // A catcher's: the error's name and cause (ux42: nothing was offered after `$states.errorOutput.`).
      : root === '$states.errorOutput' ? (at && statesMemberAvailable('errorOutput', state!, held!.keys[0]) ? ERROR_OUTPUT() : undefined)
      : at && jsonataContextOf(flow, state!, node);
    noMap = root === '$states.context' && !!at && state!.type !== 'Map';
  } else if (root === '$states') {
    return segments.length ? [] : statesItems(parsed, node, partial, from, to);
  } else if (/^\$\p{ID_Start}\p{ID_Continue}*$/u.test(root)) against = flow.variables.get(root.slice(1));
  if (!against) return [];
  const r = readSegments(against, segments);
  if (r.steps.length !== segments.length) return [];
  const items = fieldItems(r.shape, partial, from, to);
  return noMap && !segments.length ? items.filter((i) => i.label !== 'Map') : items;
}

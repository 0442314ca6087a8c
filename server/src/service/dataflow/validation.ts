// Warnings about paths that read what cannot be there. Only where the analysis (analysis.ts) knows the shape
// completely: a field missing from a closed object (a typo inside a SageMaker result, a field of the input that an
// upstream ResultPath/OutputPath replaced), a field read by name from a string, a number or an array (a Parallel's
// output), an element read by index from an object, a string or a number; in `$$` paths, a near miss of a name the
// context object documents (context.ts), and `$$.Map` in a state that is in no Map. When the input may hold other
// fields (the execution input is unknown), nothing is reported, except an information hint when the whole rest of
// the path exists at another, known place. Never an error: a path is only known at run time.
import { READ_BEFORE_ITEMS, settingOfPath } from '../asl/fields';
import { noContextMap, type AslState } from '../asl/model';
import { closest, editDistance } from '../core/text';
import { keyOfValue, propertyNode } from '../core/tree';
import type { AstNode, OffsetEdit, ParsedDocument, Problem } from '../core/types';
import { argSpec, INTRINSIC_FUNCTIONS, isExpressionError, parseDynamicValue, parseJsonPath, pathsIn, valueSpan, type ArgType, type Call, type PathNode, type PathSegment } from '../expressions/index';
import { dataflowOf, type Dataflow, type Slot } from './analysis';
import { isExampleInput } from './executionInput';
import { isContextPart } from './context';
import { choiceTextsOf, nameSegments, readSegments, writtenValueFault } from './paths';
import { jsonataFindings } from './jsonataReads';
import { describeShape, describeValue, isHint, surelyNoNumber, type Shape } from './shapes';
import { append } from '../core/append';

export const DataflowCode = {
  /** A path reads a field that cannot be in the shape it reads (warning). */
  pathNotInInput: 'path-not-in-input',
  /** A path reads a field the input may not have, and the rest of the path exists elsewhere (information). */
  pathElsewhere: 'path-elsewhere',
  /** A ResultPath writes into a value known to be no object (warning: States.ResultPathMatchFailure). */
  resultPathMatchFailure: 'result-path-match-failure',
} as const;

/** The paths a slot's string holds: itself, or the path arguments of its intrinsic calls. */
export function pathsOf(slot: Slot): PathNode[] {
  const r = parsedSlot(slot);
  return r ? pathsIn(r) : [];
}

/** A slot's string parsed: a path, or a `.$` value's path or intrinsic call; undefined when it is malformed. */
function parsedSlot(slot: Slot): Call | PathNode | undefined {
  const text = slot.node.value as string;
  const r = slot.kind === 'path' ? parseJsonPath(text, 'path') : parseDynamicValue(text);
  return isExpressionError(r) ? undefined : r;
}

/** A path written back as text: `$.a.b`, `['odd name']` where a name is not an identifier; `root` `$$` for the context. */
function pathText(names: (string | number)[], root = '$'): string {
  return root + names.map((n) => (typeof n === 'number' ? `[${n}]` : /^[A-Za-z_][A-Za-z0-9_]*$/.test(n) ? `.${n}` : `['${n.replace(/'/g, "\\'")}']`)).join('');
}

const segmentName = (s: PathSegment): string | number | undefined => (s.kind === 'name' || s.kind === 'member' ? s.name : s.kind === 'index' ? s.index : undefined);

/**
 * Where else in `root` the names `rest` can be read, as full paths (at most a few levels down, a bounded search):
 * the Data Science SDK case, `$.ModelArtifacts…` when the result went to `$.TrainingStepResults`.
 */
export function findElsewhere(root: Shape, rest: string[], exclude: string, write: (names: string[]) => string = pathText): string | undefined {
  const queue: { shape: Shape; names: string[] }[] = [{ shape: root, names: [] }];
  let visited = 0;
  const found: string[] = [];
  while (queue.length && visited < 400) {
    const { shape, names } = queue.shift()!;
    visited++;
    if (shape.kind !== 'object') continue;
    if (rest.length && shape.fields.has(rest[0])) {
      const text = write([...names, ...rest]);
      if (readsWhole(shape, nameSegments(rest)) && text !== exclude) found.push(text);
    }
    if (names.length >= 3) continue;
    for (const [k, f] of shape.fields) queue.push({ shape: f.shape(), names: [...names, k] });
  }
  // Only an unambiguous answer is worth saying.
  return found.length === 1 ? found[0] : undefined;
}

/** Where a path's text lies in the document. */
function spanOf(node: AstNode, text: string, from: number, to: number): { offset: number; length: number } {
  const { offset, length } = valueSpan(text, node, from, to);
  return { offset, length };
}

/** Whether `rest` reads to its end from `shape`, every step known to be there. */
function readsWhole(shape: Shape, rest: readonly PathSegment[]): boolean {
  const r = readSegments(shape, rest);
  return !r.missing && !r.unlisted && r.steps.length === rest.length;
}

/**
 * What a path that reads an array by name, or an object (a string, a number) by index, may have meant: the
 * element that has the rest of the path (`$.r[1].x`: the one branch output with x), the elements read all at once
 * or one by one (a Map's outputs, branch outputs that all have it; all at once only where a list is a value, `list`:
 * not in a Choice rule or a Wait), or the object read by name (`$.obj.x` for `$.obj[0].x`). `rest`: the segments
 * after the one that cannot read; `names`: the path's names and indexes.
 */
function kindHint(parent: Shape, rest: readonly PathSegment[], names: (string | number)[], index: number, list: boolean, root: string): { hint: string; replacement?: string } {
  const before = names.slice(0, index);
  const text = (n: (string | number)[]) => pathText(n, root);
  if (parent.kind === 'array') {
    // A name read on the array, or an index past its end (then that index is replaced).
    const after = names.slice(typeof names[index] === 'number' ? index + 1 : index);
    // An index past the end with nothing after it: every element "has" the empty rest; the last one is what an index
    // one too far meant, if anything (df45: "its elements have it: read them all with $.par[*]" said nothing).
    if (typeof names[index] === 'number' && !rest.length) return { hint: parent.tuple?.length ? `; the last is ${text([...before, parent.tuple.length - 1])}` : '' };
    const fits = parent.tuple ? parent.tuple.flatMap((t, i) => (readsWhole(t, rest) ? [i] : [])) : readsWhole(parent.items, rest) ? [0] : [];
    if (!fits.length) return { hint: '' };
    const one = text([...before, fits[0], ...after]);
    if (parent.tuple && fits.length === 1) return { hint: `; did you mean ${one}?`, replacement: one };
    return { hint: list ? `; its elements have it: read them all with ${text(before)}[*]${pathText(after, '')}, or one with ${one}` : `; its elements have it: read one with ${one}` };
  }
  if (parent.kind === 'object' && rest.length && readsWhole(parent, rest)) {
    const replacement = text([...before, ...names.slice(index + 1)]);
    return { hint: `; did you mean ${replacement}?`, replacement };
  }
  return { hint: '' };
}

const words = (name: string) => name.split(/(?<=[a-z0-9])(?=[A-Z])/);

/**
 * A field name that is a near miss of `name`, a typo of it (closest) that `fits`, and not another word in its place: where both
 * are written in the same number of camel-case words, each word that differs is a typo of the other
 * (`S3ModelArtifact` for `S3ModelArtifacts`), not `ModelArn` for `ModelName` or `TrainingJobArn` for `TrainingJobStatus`.
 */
function nearName(name: string, candidates: Iterable<string>, fits: (candidate: string) => boolean): string | undefined {
  const mine = words(name);
  return closest(name, candidates, 3).find((c) => {
    if (!fits(c)) return false;
    const theirs = words(c);
    if (theirs.length !== mine.length) return true;
    return mine.every((w, k) => w === theirs[k] || editDistance(w, theirs[k]) <= Math.max(1, Math.floor(w.length / 3)));
  });
}

/** A path that must select an array (a Map's ItemsPath) and selects a value known to be something else. */
function notAnArray(slot: Slot, path: PathNode, shape: Shape, parsed: ParsedDocument): Problem | undefined {
  if (shape.kind === 'unknown' || shape.kind === 'array' || isHint(shape) || (shape.kind === 'primitive' && shape.type === 'null')) return undefined;
  const whose = shape.origin ? ` (${shape.origin})` : '';
  const message = `${path.text} selects ${describeShape(shape)}${whose}, and a Map state iterates over an array: the state fails when it runs (States.Runtime)`;
  return { ...spanOf(slot.node, parsed.text, path.start, path.end), severity: 'warning', source: 'dataflow', code: DataflowCode.pathNotInInput, message };
}

/**
 * A setting's path (TimeoutSecondsPath, SecondsPath…) that selects a value known to be of another JSON type, or one the
 * definition writes that the setting does not take (a Pass state's `"s": -5` for a SecondsPath).
 */
function notOfType(slot: Slot, path: PathNode, shape: Shape, parsed: ParsedDocument, choices: readonly string[]): Problem | undefined {
  const field = keyOfValue(slot.node)?.value;
  if (typeof field !== 'string' || shape.kind === 'unknown') return undefined;
  const last = path.segments.length ? segmentName(path.segments[path.segments.length - 1]) : path.root.slice(1);
  const fault = field.endsWith('Path') ? writtenValueFault(shape, field.slice(0, -'Path'.length), choices, path.text, String(last ?? '')) : undefined;
  if (!fault && (slot.wants === 'number' ? !surelyNoNumber(shape) : isHint(shape) || (shape.kind === 'primitive' && (shape.type === slot.wants || shape.type === 'null')))) return undefined;
  const whose = shape.origin ? ` (${shape.origin})` : '';
  const what = fault ? JSON.stringify(fault.value) : describeValue(shape);
  const message = `${path.text} selects ${what}${whose}, and ${field} must select ${fault?.words ?? settingOfPath(field)?.words ?? 'a number'}: the state fails when it runs (States.Runtime)`;
  return { ...spanOf(slot.node, parsed.text, path.start, path.end), severity: 'warning', source: 'dataflow', code: DataflowCode.pathNotInInput, message };
}

/**
 * A Map state that iterates over its whole input (no ItemsPath, Items, ItemReader or InputPath) where that input is
 * known to be no array (a Pass state's object Result): ItemsPath's default is `$`, the whole input, and what it selects
 * must be an array, so the state fails when it runs (asl46). Said on the state's name, with
 * the input's array fields, each an ItemsPath that would serve.
 */
function mapInputNotArray(state: AslState, input: Shape): Problem | undefined {
  if (state.type !== 'Map' || ['ItemsPath', 'Items', 'ItemReader', 'InputPath'].some((f) => propertyNode(state.node, f))) return undefined;
  if (input.kind === 'unknown' || input.kind === 'array' || isHint(input) || (input.kind === 'primitive' && input.type === 'null')) return undefined;
  const whose = input.origin ? ` (${input.origin})` : '';
  const arrays = input.kind === 'object' ? [...input.fields].filter(([, f]) => f.type === 'array').map(([name]) => pathText([name])) : [];
  const hint = arrays.length ? `; to iterate over ${arrays.length > 1 ? 'one of its arrays' : 'its array'}, give an ItemsPath: ${arrays.slice(0, 3).map((a) => `"ItemsPath": "${a}"`).join(', ')}` : '';
  return { offset: state.keyNode.offset, length: state.keyNode.length, severity: 'warning', source: 'dataflow', code: DataflowCode.pathNotInInput, message: `Map ${JSON.stringify(state.name)} has no ItemsPath, so it iterates over its whole input, and that is ${describeShape(input)}${whose}, not an array: the state fails when it runs (States.Runtime)${hint}` };
}

/** What a path of the slot reads from (its `$`, the context object `$$`, or a variable); undefined where that is not known. */
function baseOf(slot: Slot, path: PathNode, context: Shape, variables: Dataflow['variables']): Exclude<Shape, { kind: 'unknown' }> | undefined {
  const base = path.root === '$$' ? context : path.root !== '$' ? variables.get(path.root.slice(1)) : slot.against;
  return base && base.kind !== 'unknown' ? base : undefined;
}

/** Whether a value of `shape` (known, not a hint) can be an intrinsic's argument of type `type`. */
function shapeFits(shape: Shape, type: ArgType): boolean {
  if (type === 'any') return true;
  // A number's text may be read as the number (as a setting's path is): only what is surely none is judged.
  if (type === 'number' || type === 'integer') return !surelyNoNumber(shape);
  if (shape.kind === 'array' || shape.kind === 'object') return shape.kind === type;
  if (shape.kind !== 'primitive') return true;
  if (type === 'scalar') return true;
  return shape.type === type;
}

/**
 * A path argument of an intrinsic call that selects a value known to be of a type the argument cannot take
 * (`States.Format('{}', $.list)` where `list` is an array a Pass state wrote; `States.ArrayLength($.name)`, a
 * string): the call fails when the state runs (asl46). Only what the definition writes is judged, never a hint.
 */
function argumentFindings(slot: Slot, r: Call, parsed: ParsedDocument, context: Shape, variables: Dataflow['variables']): Problem[] {
  const out: Problem[] = [];
  const stack: Call[] = [r];
  while (stack.length) {
    const call = stack.pop()!;
    const f = INTRINSIC_FUNCTIONS.get(call.name);
    call.args.forEach((a, k) => {
      if (a.kind === 'call') return void stack.push(a);
      const spec = f && argSpec(f, k);
      if (a.kind !== 'path' || !spec || spec.type === 'any') return;
      const base = baseOf(slot, a, context, variables);
      const read = base && readSegments(base, a.segments);
      const shape = read && !read.missing && !read.unlisted ? read.shape : undefined;
      if (!shape || shape.kind === 'unknown' || isHint(shape) || shapeFits(shape, spec.type)) return;
      const whose = shape.origin ? ` (${shape.origin})` : '';
      out.push({ ...spanOf(slot.node, parsed.text, a.start, a.end), severity: 'warning', source: 'dataflow', code: DataflowCode.pathNotInInput, message: `This call always fails when it runs (States.Runtime): ${call.name}: ${spec.what}, and ${a.text} selects ${describeValue(shape)}${whose}` });
    });
  }
  return out;
}

function check(slot: Slot, path: PathNode, parsed: ParsedDocument, context: Shape, variables: Dataflow['variables'], choices: readonly string[]): Problem | undefined {
  // `$$`: the context object (context.ts), read like the input; its own parts only tell near misses of their names.
  // `$name`: a variable, the join of what every Assign of that name sets.
  const inContext = path.root === '$$';
  const variable = path.root !== '$' && !inContext;
  const base = baseOf(slot, path, context, variables);
  if (!base) return undefined;
  const label = inContext ? 'the context object' : variable ? `the variable ${path.root}` : slot.label;
  const text = (names: (string | number)[]) => pathText(names, path.root);
  const segs = path.segments;
  const field = slot.state.type === 'Map' ? keyOfValue(slot.node)?.value : undefined;
  const beforeItems = typeof field === 'string' && READ_BEFORE_ITEMS.has(field) && slot.node.parent?.parent === slot.state.node;
  if (inContext && segs[0] && 'name' in segs[0] && segs[0].name === 'Map' && (slot.state.type !== 'Map' || beforeItems)) {
    const span = spanOf(slot.node, parsed.text, path.start, path.end);
    const message = `${path.text}: ${noContextMap(slot.state, beforeItems ? (field as string) : undefined)}`;
    return { ...span, severity: 'warning', source: 'dataflow', code: DataflowCode.pathNotInInput, message };
  }
  const r = readSegments(base, segs);
  const at = r.missing ?? r.unlisted;
  if (!at) return slot.wants === 'array' ? notAnArray(slot, path, r.shape, parsed) : slot.wants ? notOfType(slot, path, r.shape, parsed, choices) : undefined;
  const names: (string | number)[] = [];
  for (const s of segs) {
    const n = segmentName(s);
    if (n === undefined) return undefined;
    names.push(n);
  }
  const missingName = names[at.index];
  const span = spanOf(slot.node, parsed.text, path.start, path.end);
  const raw = parsed.text.slice(span.offset, span.offset + span.length);
  // A fix rewrites the path's text: only where it is written without escapes.
  const fixable = raw === path.text;
  const where = at.index === 0 ? label : text(names.slice(0, at.index));
  const origin = at.parent.kind !== 'unknown' && !(inContext && at.index === 0) ? at.parent.origin : undefined;
  // Otherwise the nearest enclosing value with an origin: `$.train.ModelArtifacts` is in Train's result.
  let within: string | undefined = base.origin;
  for (const step of r.steps.slice(0, at.index)) if (step.shape.kind !== 'unknown' && step.shape.origin) within = step.shape.origin;
  const whose = origin ? (origin === where ? '' : ` (${origin})`) : within && at.index > 0 ? ` (in ${within})` : '';
  if (r.missing && (typeof missingName === 'number' || at.parent.kind === 'array')) {
    const { hint, replacement } = kindHint(at.parent, segs.slice(at.index + (typeof missingName === 'number' ? 1 : 0)), names, at.index, slot.kind === 'dynamic', path.root);
    const message =
      typeof missingName === 'number'
        ? at.parent.kind === 'array'
          ? `${path.text}: ${where}${whose} has ${at.parent.tuple?.length} element${at.parent.tuple?.length === 1 ? '' : 's'}: it has no element [${missingName}]${hint}`
          : `${path.text}: ${where}${whose} is ${describeShape(at.parent)}, not an array: it has no element [${missingName}]${hint}`
        : `${path.text}: ${where}${whose} is an array, it has no field ${missingName}${hint}`;
    return { ...span, severity: 'warning', source: 'dataflow', code: DataflowCode.pathNotInInput, message, data: fixable && replacement ? { replacement } : undefined };
  }
  if (typeof missingName !== 'string') return undefined;
  if (r.unlisted && inContext) {
    // A name the context object's part does not list may be one added since; a near miss of one it lists is not.
    const near = isContextPart(at.parent) && at.parent.kind === 'object' ? closest(missingName, at.parent.fields.keys(), 1)[0] : undefined;
    if (!near) return undefined;
    const replacement = text([...names.slice(0, at.index), near, ...names.slice(at.index + 1)]);
    const message = `${path.text}: ${where}${whose} has no field ${missingName}; did you mean ${replacement}?`;
    return { ...span, severity: 'warning', source: 'dataflow', code: DataflowCode.pathNotInInput, message, data: fixable ? { replacement } : undefined };
  }
  const rest = names.slice(at.index).filter((n): n is string => typeof n === 'string');
  const written = pathText(names);
  // Elsewhere: the path from its missing name on, found under another field (the result put somewhere else); a
  // single name deep in a known value (`$.train.ModelArtifacts.S3Uri`) is no such clue: many values have an S3Uri.
  const clue = at.index === 0 || rest.length >= 2;
  const elsewhere = path.root === '$' && clue && rest.length === names.length - at.index ? findElsewhere(slot.against, rest, written) : undefined;
  if (r.unlisted) {
    if (!elsewhere) return undefined;
    return {
      ...span,
      severity: 'information',
      source: 'dataflow',
      code: DataflowCode.pathElsewhere,
      message: `${path.text}: nothing upstream puts ${missingName} in ${where}${whose} (only the execution input could); did you mean ${elsewhere}?`,
      data: fixable ? { replacement: elsewhere } : undefined,
    };
  }
  let suggestion: string | undefined;
  let hint = '';
  // What the .sync integration would return has it (a job's status, its artifacts): that is the mistake, not a spelling.
  const syncResult = at.parent.kind === 'object' ? at.parent.syncResult : undefined;
  const sync = syncResult && readSegments(syncResult.shape, nameSegments(rest));
  // A payload template (a ResultSelector) that put the rest of the path under a name of its own: that name (walk38:
  // `$.train.ModelArtifacts.S3ModelArtifacts` after a ResultSelector's `"model.$": "$.ModelArtifacts.S3ModelArtifacts"`).
  const renamed = at.parent.kind === 'object' && rest.length === names.length - at.index
    ? [...at.parent.fields].find(([, f]) => f.from === `$.${rest.join('.')}`)?.[0]
    : undefined;
  if (syncResult && sync && !sync.missing && !sync.unlisted) hint = `; only the .sync integration waits for the job and returns ${syncResult.operation}, which has it`;
  else if (renamed !== undefined && /^[\p{ID_Start}_$][\p{ID_Continue}$]*$/u.test(renamed)) {
    suggestion = text([...names.slice(0, at.index), renamed]);
    hint = `; it puts $.${rest.join('.')} in ${renamed}`;
  } else if (elsewhere) suggestion = elsewhere;
  else if (at.parent.kind === 'object') {
    // A typo of a field whose value has the rest of the path, else (an OutputPath or InputPath already selected the
    // field) the path without the name, where that reads.
    const after = segs.slice(at.index + 1);
    const near = nearName(missingName, at.parent.fields.keys(), (name) => !readSegments(at.parent, [...nameSegments([name]), ...after]).missing);
    if (near) suggestion = text([...names.slice(0, at.index), near, ...names.slice(at.index + 1)]);
    else if (after.length && readsWhole(at.parent, after)) suggestion = text([...names.slice(0, at.index), ...names.slice(at.index + 1)]);
  }
  if (suggestion) hint = `${renamed !== undefined && hint ? hint : ''}; did you mean ${suggestion}?`;
  const message =
    at.parent.kind === 'object'
      ? at.index === 0 && slot.assign && !variable && !inContext && /result/.test(label)
        ? `${path.text}: in an Assign, $ is ${label}${whose}, not the state's output after ResultPath: it has no field ${missingName}${hint}`
        : at.index === 0 && origin && whose && !variable && !isExampleInput(at.parent)
        ? `${path.text}: ${slot.label} here is ${origin}${slot.label.startsWith('the state input') ? ' (nothing upstream keeps other fields)' : ''}, which has no field ${missingName}${hint}`
        : `${path.text}: ${where}${whose} has no field ${missingName}${hint}`
      : `${path.text}: ${where}${whose} is ${describeShape(at.parent)}, it has no field ${missingName}${hint}`;
  return { ...span, severity: 'warning', source: 'dataflow', code: DataflowCode.pathNotInInput, message, data: fixable && suggestion ? { replacement: suggestion } : undefined };
}

// A slot's findings depend on its string and the shapes it reads: kept per string node (relative to it) while
// the node and its shapes are the same, as they are for every slot an edit elsewhere left alone (carryOver.ts).
const slotFindings = new WeakMap<AstNode, { against: Shape; context: Shape; variables: Dataflow['variables']; state: AslState; choices: readonly string[]; relative: Problem[] }>();

/** The data-flow findings of a document; `executionInput` as in dataflowOf. */
export function validateDataflow(parsed: ParsedDocument, executionInput?: Shape): Problem[] {
  const out: Problem[] = [];
  const flow = dataflowOf(parsed, executionInput);
  // What the Choices test is part of what a slot's findings rest on (choiceTested).
  const choices = parsed.root ? choiceTextsOf(parsed.root, [...flow.states.keys()].filter((s) => s.type === 'Choice').map((s) => s.node)) : [];
  for (const slot of flow.slots) {
    // Where `$` is unknown only the context object and variables can be judged.
    if (slot.mayBeAbsent || (slot.against.kind === 'unknown' && !/\$[$\p{ID_Start}_]/u.test(slot.node.value as string))) continue;
    const context = slot.context ?? flow.context;
    const base = slot.node.offset;
    const known = slotFindings.get(slot.node);
    if (known?.against === slot.against && known.context === context && known.variables === flow.variables && known.state === slot.state && known.choices === choices) {
      for (const p of known.relative) out.push({ ...p, offset: p.offset + base });
      continue;
    }
    const relative: Problem[] = [];
    const parsedValue = parsedSlot(slot);
    for (const path of parsedValue ? pathsIn(parsedValue) : []) {
      const p = check(slot, path, parsed, context, flow.variables, choices);
      if (p) {
        out.push(p);
        relative.push({ ...p, offset: p.offset - base });
      }
    }
    for (const p of parsedValue?.kind === 'call' ? argumentFindings(slot, parsedValue, parsed, context, flow.variables) : []) {
      out.push(p);
      relative.push({ ...p, offset: p.offset - base });
    }
    slotFindings.set(slot.node, { against: slot.against, context, variables: flow.variables, state: slot.state, choices, relative });
  }
  for (const w of flow.unwritable) {
    const whose = w.shape.kind !== 'unknown' && w.shape.origin ? ` (${w.shape.origin})` : '';
    const where = w.at.length ? pathText(w.at) : 'the state input';
    out.push({
      offset: w.node.offset,
      length: w.node.length,
      severity: 'warning',
      source: 'dataflow',
      code: DataflowCode.resultPathMatchFailure,
      message: `ResultPath ${w.node.value as string} writes into ${where}${whose}, which is ${describeShape(w.shape)}, not an object: "ResultPath cannot apply and the interpreter fails the machine with an Error Name of States.ResultPathMatchFailure"`,
    });
  }
  for (const [state, { input }] of flow.states) {
    const p = mapInputNotArray(state, input);
    if (p) out.push(p);
  }
  append(out, jsonataFindings(parsed, flow, { code: DataflowCode.pathNotInInput, elsewhere: findElsewhere, choices }));
  // In document order: the slots' order depends on how the analysis was reached (a fresh pass or carryOver.ts).
  return out.sort((a, b) => a.offset - b.offset || a.length - b.length || a.message.localeCompare(b.message));
}

/** The quick fix of a data-flow finding: the path it suggests. */
export function dataflowFixes(p: Problem): { title: string; edits: OffsetEdit[]; preferred: boolean }[] {
  if (p.source !== 'dataflow' || typeof p.data?.replacement !== 'string') return [];
  const replacement = p.data.replacement;
  return [{ title: `Change to ${replacement}`, edits: [{ offset: p.offset, length: p.length, newText: replacement }], preferred: false }];
}

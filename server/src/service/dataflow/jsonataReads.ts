// JSONata reads that certainly return nothing. Inside an expression a missing field is only undefined (an object
// constructor drops the key, `$exists`, `a ? b : c` and `or` take it in), but a field value `{% … %}` that
// evaluates to nothing fails the state: States.QueryEvaluationError, "The JSONata expression '…' specified for the
// field '…' returned nothing (undefined)". So only a value whose WHOLE expression is a plain path is judged:
// `$states.input.a.b`, `$states.result.a.b` (in a Task's, Parallel's or Map's own Output and Assign), `$name.a.b`
// (a variable every assignment of which is known, none by a JSONPath state), with `.name` steps only, and only
// where the analysis knows the value read completely: a closed object without the field, or a string or number.
// JSONata reads a field of an array from each element: an array counts as its elements.
import { noContextMap, type AslState } from '../asl/model';
import { evaluatedHere, READ_BEFORE_ITEMS, RESULT_STATES, settingOf } from '../asl/fields';
import { closest } from '../core/text';
import type { AstNode, ParsedDocument, Problem } from '../core/types';
import { jsonataBody, JSONATA_KEYWORDS, jsonataStep, valueSpan, statesContextReads } from '../expressions/index';
import { ERROR_OUTPUT, jsonataContextOf, type Dataflow } from './analysis';
import { isContextPart } from './context';
import { isExampleInput } from './executionInput';
import { describeShape, describeValue, isHint, surelyNoNumber, type Shape } from './shapes';
import { nameSegments, readSegments, writtenValueFault } from './paths';
import { append } from '../core/append';

const PLAIN = /^(\s*)(\$[A-Za-z_][A-Za-z0-9_]*(?:\.(?:[A-Za-z_][A-Za-z0-9_]*|`[^`]*`)|\[\d{1,6}\])*)\s*$/;
const STEP = /\.([A-Za-z_][A-Za-z0-9_]*|`[^`]*`)|\[(\d+)\]/g;

/** A step of a plain path: a name, or an index (`[0]`). */
type JsonataStep = string | number;

/**
 * A plain path `$root.a.b` (an index step `[0]` among its names): its root variable (without `$`), its steps, and
 * where it lies in the expression body.
 */
function plainJsonataPath(body: string): { root: string; names: JsonataStep[]; start: number; end: number } | undefined {
  const m = PLAIN.exec(body);
  if (!m) return undefined;
  const text = m[2];
  const root = /^\$([A-Za-z0-9_]+)/.exec(text)![1];
  const names: JsonataStep[] = [];
  for (const s of text.slice(root.length + 1).matchAll(STEP)) {
    if (s[2] !== undefined) names.push(Number(s[2]));
    else if (s[1][0] === '`') names.push(s[1].slice(1, -1));
    else if (JSONATA_KEYWORDS.has(s[1])) return undefined;
    else names.push(s[1]);
  }
  return { root, names, start: m[1].length, end: m[1].length + text.length };
}

/** A path written back in JSONata: `$root.a.b[0]`, a name that is no identifier in backticks. */
function jsonataPathText(root: string, names: readonly JsonataStep[]): string {
  return root + names.map((n) => (typeof n === 'number' ? `[${n}]` : jsonataStep(n))).join('');
}

const allNames = (steps: readonly JsonataStep[]): steps is string[] => steps.every((s) => typeof s === 'string');

export interface JsonataMiss {
  /** The first name that cannot be read. */
  index: number;
  /** What it is read from (an array's elements when `elements`). */
  parent: Shape;
  elements: boolean;
  /** The nearest value with an origin before the miss (`Train's result (DescribeTrainingJob)`). */
  within?: string;
  /** An index step past the end of an array that is all there is (a Parallel's result, a literal array). */
  pastEnd?: boolean;
}

/**
 * Reads names the JSONata way: a field of an array is read from each element (nested arrays flattened). Returns the
 * first name that certainly gives nothing: a closed object without it, a string, number or boolean (not null, not a
 * hint). Undefined when the whole path may read something.
 */
function readJsonataNames(shape: Shape, names: readonly JsonataStep[]): JsonataMiss | undefined {
  let cur = shape;
  let within = shape.kind !== 'unknown' ? shape.origin : undefined;
  for (let i = 0; i < names.length; i++) {
    const step = names[i];
    if (typeof step === 'number') {
      // `[n]` picks an element of the array read so far (of each one, where a step mapped over several); a value that
      // is no array is a sequence of one, `[0]` itself. One past the end of an array that is all there is (a Parallel's
      // result, an array written in the definition; not an example input's) gives nothing, as `$.par[2]` does in
      // JSONPath (df45). Anything less plain (arrays of arrays, which JSONata flattens) is not judged.
      if (cur.kind === 'unknown' || isHint(cur)) return undefined;
      if (cur.kind === 'array') {
        if (cur.items.kind === 'array' || cur.tuple?.some((t) => t.kind === 'array')) return undefined;
        if (cur.tuple && step >= cur.tuple.length) return cur.exact ? { index: i, parent: cur, elements: false, within, pastEnd: true } : undefined;
        cur = cur.tuple ? cur.tuple[step] : cur.items;
      } else if (step !== 0) return undefined;
      if (cur.kind !== 'unknown' && cur.origin) within = cur.origin;
      continue;
    }
    let elements = false;
    while (cur.kind === 'array') {
      if (isHint(cur)) return undefined;
      cur = cur.items;
      elements = true;
    }
    if (cur.kind === 'unknown') return undefined;
    if (cur.kind === 'primitive') return isHint(cur) || cur.type === 'null' ? undefined : { index: i, parent: cur, elements, within };
    const f = cur.fields.get(step);
    if (!f) return cur.open || isHint(cur) ? undefined : { index: i, parent: cur, elements, within };
    if (cur.origin) within = cur.origin;
    cur = f.shape();
    if (cur.kind !== 'unknown' && cur.origin) within = cur.origin;
  }
  return undefined;
}

/** A string to judge and what its roots are. */
interface Read {
  node: AstNode;
  /** `$states.result` is there (a Task's, Parallel's or Map's own Output and Assign). */
  result: boolean;
  /** `$states.errorOutput` is there (a catcher's Output and Assign). */
  errorOutput?: true;
  /** What the field must give (a Map's Items an array, a Task's TimeoutSeconds a number…), and the field. */
  wants?: { type: 'array' | 'number' | 'string'; field: string };
}

/** The `{% … %}` strings of a state that Step Functions evaluates to a value (not in its nested machines). */
function readsOf(s: AslState): Read[] {
  const out: Read[] = [];
  const stack: Read[] = [];
  const hasResult = RESULT_STATES.has(s.type ?? '');
  for (const p of s.node.children ?? []) {
    const k = p.children?.[0], v = p.children?.[1];
    const key = k?.value;
    if (typeof key !== 'string' || !v) continue;
    const setting = settingOf(key), wants = setting && setting.state === s.type ? setting.type : undefined;
    if (evaluatedHere(s, [key])) stack.push({ node: v, result: hasResult && (key === 'Output' || key === 'Assign'), ...(wants && { wants: { type: wants, field: key } }) });
    else if ((key === 'Choices' || key === 'Catch') && v.type === 'array') {
      // A Choice rule's Condition, Output and Assign, a catcher's Output and Assign: `$states.input` is the state's.
      for (const rule of v.children ?? []) {
        for (const p of rule.children ?? []) {
          const f = p.children?.[0]?.value, n = p.children?.[1];
          if (n && typeof f === 'string' && evaluatedHere(s, [key, f])) stack.push({ node: n, result: false, ...(key === 'Catch' && { errorOutput: true as const }) });
        }
      }
    }
  }
  while (stack.length) {
    const r = stack.pop()!;
    const n = r.node;
    // What a value's parts inherit: where `$states.result` and `$states.errorOutput` are; not `wants` (each element of
    // a written-out Items array is one item, not the array: the review of the day).
    const part = (node: AstNode): Read => ({ node, result: r.result, ...(r.errorOutput && { errorOutput: r.errorOutput }) });
    if (n.type === 'string') {
      if ((n.value as string).includes('{%')) out.push(r);
    } else if (n.type === 'object') {
      for (const p of n.children ?? []) if (p.children?.[1]) stack.push(part(p.children[1]));
    } else if (n.type === 'array') for (const c of n.children ?? []) stack.push(part(c));
  }
  return out;
}

export interface JsonataCheckContext {
  code: string;
  /** What the document's Choice rules test (paths.ts choiceTextsOf). */
  choices: readonly string[];
  /** Where else in a shape the rest of a path can be read (validation.ts findElsewhere). */
  elsewhere: (root: Shape, rest: string[], exclude: string, write: (names: string[]) => string) => string | undefined;
}

type PlainPath = NonNullable<ReturnType<typeof plainJsonataPath>>;

function check(node: AstNode, text: string, path: PlainPath, names: JsonataStep[], root: Shape, rootText: string, label: string, ctx: JsonataCheckContext): Problem | undefined {
  const value = node.value as string;
  const miss = readJsonataNames(root, names);
  if (!miss) return undefined;
  const written = jsonataPathText(rootText, names);
  const name = String(names[miss.index]);
  const where = miss.index === 0 ? label : jsonataPathText(rootText, names.slice(0, miss.index));
  const origin = miss.parent.kind !== 'unknown' ? miss.parent.origin : undefined;
  const whose = origin ? (origin === where ? '' : ` (${origin})`) : miss.within && miss.index > 0 ? ` (in ${miss.within})` : '';
  const fails = 'so the expression returns nothing and the state fails (States.QueryEvaluationError)';
  let suggestion: string | undefined;
  if (miss.parent.kind === 'object') {
    const rest = names.slice(miss.index);
    suggestion = miss.elements || !allNames(rest) ? undefined : ctx.elsewhere(root, rest, written, (n) => jsonataPathText(rootText, n));
    const near = suggestion ? undefined : closest(name, miss.parent.fields.keys(), 1)[0];
    if (near) suggestion = jsonataPathText(rootText, [...names.slice(0, miss.index), near, ...names.slice(miss.index + 1)]);
  }
  const hint = suggestion ? `; did you mean ${suggestion}?` : '';
  const count = miss.parent.kind === 'array' ? miss.parent.tuple?.length : undefined;
  const message =
    miss.pastEnd && count !== undefined
      ? `${written}: ${where}${whose} has ${count} element${count === 1 ? '' : 's'}: it has no element [${name}], ${fails}`
      : miss.parent.kind !== 'object'
      ? `${written}: ${where}${whose} is ${miss.elements ? `an array of ${describeShape(miss.parent).replace(/^an? /, '')}s` : describeShape(miss.parent)}, it has no field ${name}, ${fails}`
      : miss.elements
        ? `${written}: ${where}${whose} is an array whose elements have no field ${name}, ${fails}${hint}`
        : miss.index === 0 && origin && !isExampleInput(miss.parent) && rootText === '$states.input'
          ? `${written}: ${label} here is ${origin} (nothing upstream keeps other fields), which has no field ${name}, ${fails}${hint}`
          : `${written}: ${where}${whose} has no field ${name}, ${fails}${hint}`;
  // The path in the document; the whole string where the text does not map one to one (a folded YAML scalar).
  const start = value.indexOf('{%') + 2 + path.start;
  const end = start + (path.end - path.start);
  // Through a quoted string's escapes there is no fix: the fix writes the path plainly.
  const { offset, length, exact } = valueSpan(text, node, start, end);
  return { offset, length, severity: 'warning', source: 'dataflow', code: ctx.code, message, data: exact && suggestion ? { replacement: suggestion } : undefined };
}

/**
 * A Map's Items that reads a value known to be no array (`{% $ItemsVar %}` where every Assign of ItemsVar is a number):
 * the Map fails ("returned an unexpected result type. Expected 'array', but was 'number'", recorded against AWS in
 * LocalStack's test_map_state_items_variable_sampling). Only through objects: a field of an array is read from each
 * element, which may give an array. So for the other fields of one type (a Wait's Seconds reading a string).
 */
function notOfType(node: AstNode, text: string, path: PlainPath, root: Shape, rootText: string, names: string[], code: string, wants: NonNullable<Read['wants']>, choices: readonly string[]): Problem | undefined {
  const cur = readSegments(root, nameSegments(names)).shape;
  if (cur.kind === 'unknown' || isHint(cur)) return undefined;
  // A value the definition writes that the setting does not take (`"s": -5` for a Seconds), else one of another type.
  const fault = writtenValueFault(cur, wants.field, choices, jsonataPathText(rootText, names), names.at(-1) ?? rootText.replace(/^\$/, ''));
  if (!fault && (cur.kind === wants.type || (wants.type === 'number' ? !surelyNoNumber(cur) : wants.type === 'string' && cur.kind === 'primitive' && (cur.type === 'string' || cur.type === 'null')))) return undefined;
  const origin = cur.origin ? ` (${cur.origin})` : '';
  const value = node.value as string;
  const start = value.indexOf('{%') + 2 + path.start;
  const span = valueSpan(text, node, start, start + (path.end - path.start));
  const [offset, length] = span.exact ? [span.offset, span.length] : [node.offset, node.length];
  const message = `${jsonataPathText(rootText, names)} is ${fault ? JSON.stringify(fault.value) : cur.kind === 'primitive' && cur.type === 'null' ? 'null' : describeValue(cur)}${origin}, and ${wants.field} must give ${fault?.words ?? settingOf(wants.field)?.words ?? `a ${wants.type}`}: the ${wants.type === 'array' ? 'Map ' : ''}state fails when it runs (States.QueryEvaluationError)`;
  return { offset, length, severity: 'warning', source: 'dataflow', code, message };
}

/**
 * `$states.context.Map…` in a state that is in no Map, or in what a Map reads before it has any item (its Items): the
 * context object holds Map only for the items of a Map (as `$$.Map` in JSONPath, validation.ts), so the expression
 * reads nothing there.
 */
function contextMapReads(node: AstNode, text: string, state: AslState, code: string, field?: string): Problem[] {
  const value = node.value as string;
  if (!value.includes('$states.context')) return [];
  return statesContextReads(value)
    .filter((p) => p.steps[0]?.name === 'Map')
    .map((p) => {
      // Where the source is no copy of the value (escapes, too), the whole string.
      const span = valueSpan(text, node, p.start, p.end);
      const [offset, length] = span.exact ? [span.offset, span.length] : [node.offset, node.length];
      const message = `${value.slice(p.start, p.end)}: ${noContextMap(state, field)}`;
      return { offset, length, severity: 'warning' as const, source: 'dataflow', code, message };
    });
}

/**
 * `$states.context.…` reads with a near miss of a documented name (`$states.context.Execution.Nmae`): a warning with
 * the name meant, as `$$.Execution.Nmae` gets in JSONPath (df46); any other name is left alone, as the context gains
 * fields. `context` is what `$states.context` is where the value is (the Map's item in its ItemSelector).
 */
function contextNearMisses(node: AstNode, text: string, context: Shape, code: string): Problem[] {
  const value = node.value as string;
  if (!value.includes('$states.context')) return [];
  const out: Problem[] = [];
  for (const read of statesContextReads(value)) {
    const names = read.steps.map((s) => s.name);
    const r = readSegments(context, nameSegments(names));
    const at = r.unlisted ?? r.missing;
    if (!at || !isContextPart(at.parent) || at.parent.kind !== 'object') continue;
    const missing = names[at.index];
    const near = closest(missing, at.parent.fields.keys(), 1)[0];
    if (!near) continue;
    const step = read.steps[at.index];
    const span = valueSpan(text, node, step.start, step.end);
    const [offset, length] = span.exact ? [span.offset, span.length] : [node.offset, node.length];
    const where = ['$states.context', ...names.slice(0, at.index)].join('.');
    const meant = [where, near, ...names.slice(at.index + 1)].join('.');
    out.push({ offset, length, severity: 'warning', source: 'dataflow', code, message: `${[where, ...names.slice(at.index)].join('.')}: ${where} has no field ${missing}; did you mean ${meant}?`, ...(span.exact ? { data: { replacement: near } } : {}) });
  }
  return out;
}

// A string's finding depends on its text and the shape it reads: kept per string node while both are the same.
const known = new WeakMap<AstNode, { root: Shape; state: AslState; choices: readonly string[]; relative?: Problem }>();

/** The findings of the plain-path JSONata values of a document's JSONata states. */
export function jsonataFindings(parsed: ParsedDocument, flow: Dataflow, ctx: JsonataCheckContext): Problem[] {
  const out: Problem[] = [];
  // What the Choices test is part of what a read's finding rests on (choiceTested).
  const { choices } = ctx;
  for (const [state, sf] of flow.states) {
    if (state.queryLanguage !== 'JSONata') continue;
    for (const r of readsOf(state)) {
      // In a Map state: only in what is read before it has any item (Items, its limits).
      const beforeItems = state.type === 'Map' && r.wants && READ_BEFORE_ITEMS.has(r.wants.field) ? r.wants.field : undefined;
      if (state.type !== 'Map' || beforeItems) append(out, contextMapReads(r.node, parsed.text, state, ctx.code, beforeItems));
      append(out, contextNearMisses(r.node, parsed.text, jsonataContextOf(flow, state, r.node), ctx.code));
      const body = jsonataBody(r.node.value as string);
      const path = body === undefined ? undefined : plainJsonataPath(body);
      if (!path) continue;
      let names = path.names;
      let root: Shape | undefined;
      let rootText: string;
      let label: string;
      if (path.root === 'states') {
        const part = names[0];
        if (typeof part !== 'string') continue;
        names = names.slice(1);
        if (part === 'input') [root, rootText, label] = [sf.input, '$states.input', 'the state input'];
        else if (part === 'result' && r.result) [root, rootText, label] = [sf.result, '$states.result', state.type === 'Task' ? "the task's result" : 'the result'];
        else if (part === 'errorOutput' && r.errorOutput) [root, rootText, label] = [ERROR_OUTPUT(), '$states.errorOutput', 'the error output'];
        else continue;
      } else {
        [root, rootText, label] = [flow.variables.get(path.root), `$${path.root}`, `the variable $${path.root}`];
      }
      if (!root || root.kind === 'unknown') continue;
      // (With an ItemReader the items come from it, as for ItemsPath.)
      if (r.wants && allNames(names) && !(r.wants.type === 'array' && state.node.children?.some((p) => p.children?.[0]?.value === 'ItemReader'))) {
        const p = notOfType(r.node, parsed.text, path, root, rootText, names, ctx.code, r.wants, ctx.choices);
        if (p) out.push(p);
      }
      if (!names.length) continue;
      const hit = known.get(r.node);
      let p: Problem | undefined;
      if (hit && hit.root === root && hit.state === state && hit.choices === choices) p = hit.relative && { ...hit.relative, offset: hit.relative.offset + r.node.offset };
      else {
        p = check(r.node, parsed.text, path, names, root, rootText, label, ctx);
        known.set(r.node, { root, state, choices, relative: p && { ...p, offset: p.offset - r.node.offset } });
      }
      if (p) out.push(p);
    }
  }
  return out;
}

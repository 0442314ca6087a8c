// Hover on a path: what it reads at that point, "Train's result (DescribeTrainingJob): `ModelArtifacts.S3ModelArtifacts`,
// string", with the field's documentation from the AWS model.
import { modelOf, stateHolding } from '../asl/model';
import { evaluatedHere } from '../asl/fields';
import { evaluatingState } from '../asl/validateStructure';
import { STATES_MEMBERS, statesMemberAvailable } from '../asl/variables';
import { codeSpan, markdownProse } from '../core/text';
import type { AstNode, ParsedDocument } from '../core/types';
import { sourceOffset, statesContextReads, valueIndexAt, type PathSegment } from '../expressions/index';
import type { HoverText } from '../sagemaker/hover';
import { dataflowOf, ERROR_OUTPUT, jsonataContextOf, type Dataflow } from './analysis';
import { readSegments } from './paths';
import { typeName, UNKNOWN, type Shape } from './shapes';
import { pathsOf } from './validation';

const nameText = (n: string | number) => (typeof n === 'number' ? `[${n}]` : n);

/**
 * What a path reads, its segments up to the cursor's, from `base` (the state's input or the context object, `label` in
 * words): the field and its type from where its value comes from, the field that is not there, or the path as written
 * when it is not known before run time. `value` is the string the segments' offsets are in.
 */
function readingText(value: string, segs: readonly PathSegment[], base: Shape, label: string, inContext: boolean): string {
  const r = readSegments(base, segs);
  let origin = base.kind !== 'unknown' ? base.origin : undefined;
  let from = 0;
  r.steps.forEach((step, i) => {
    if (step.shape.kind !== 'unknown' && step.shape.origin) {
      origin = step.shape.origin;
      from = i + 1;
    }
  });
  const names = r.steps.slice(from).map((s) => (s.segment.kind === 'index' ? s.segment.index : 'name' in s.segment ? s.segment.name : '?'));
  const known = r.steps.length === segs.length;
  const last = r.steps[r.steps.length - 1];
  const type = known ? (last?.field?.type ?? typeName(r.shape)) : undefined;
  const what = names.length ? codeSpan(names.map(nameText).join('.').replace(/\.\[/g, '[')) : 'all of it';
  // The document's names (a state's in an origin, a field's) are text, never Markdown (markdownProse, codeSpan).
  const writer = markdownProse(origin ?? label);
  const source = origin && origin !== label ? ` (${markdownProse(origin)})` : '';
  let markdown = `${writer}: ${what}${type && type !== 'unknown' ? `, ${type}` : ''}`;
  // Not known: the path as written up to the cursor (from the root, as there is no origin to start from).
  // As written in the value (wildcards, filters and deep scans included), from after the root to the cursor's segment.
  const fromText = segs.length ? value.slice(segs[0].start, segs[segs.length - 1].end) : '';
  const written = segs[0]?.kind === 'descendants' ? fromText : fromText.replace(/^\./, '');
  const writtenText = written ? `${codeSpan(written)}, ` : '';
  if (!known || r.shape.kind === 'unknown') markdown = `Reads ${markdownProse(label)}${source}: ${known ? what + ', ' : writtenText}not known before run time`;
  // A field that is not there (or, in the context object, not one it documents): say which, as the warning does.
  const miss = r.missing ?? (inContext ? r.unlisted : undefined);
  const missing = miss && segs[miss.index];
  if (miss && missing && 'name' in missing) {
    // The path from where its value comes from (the origin, as above) to the field's parent.
    const up = segs.slice(from, miss.index).map((s) => (s.kind === 'index' ? s.index : 'name' in s ? s.name : '?'));
    const at = up.length ? codeSpan(up.map(nameText).join('.').replace(/\.\[/g, '[')) : 'it';
    const is = miss.parent.kind === 'primitive' ? ` is a ${miss.parent.type}, it` : miss.parent.kind === 'array' ? ' is an array, it' : '';
    markdown = `Reads ${markdownProse(label)}${source}: ${at}${is} has no ${r.missing ? '' : 'documented '}field ${markdownProse(missing.name)}`;
  }
  if (known && last?.field?.doc) markdown += `\n\n${last.field.doc}`;
  return markdown;
}

/**
 * In a JSONata `{% %}` value, a `$states.context.…` path under the cursor: what it reads in the context object, as `$$`
 * in JSONPath (in a Map's ItemSelector, with the Map's item).
 */
function jsonataContextHover(parsed: ParsedDocument, flow: Dataflow, node: AstNode, raw: string, offset: number): HoverText | null {
  const value = node.value as string;
  if (!value.includes('$states.context')) return null;
  // Only where Step Functions evaluates it: a JSONata state's evaluated fields.
  const state = evaluatingState(parsed, node);
  if (state?.queryLanguage !== 'JSONata') return null;
  const context = jsonataContextOf(flow, state, node);
  for (const p of statesContextReads(value)) {
    const start = node.offset + sourceOffset(raw, p.start), end = node.offset + sourceOffset(raw, p.end);
    // A YAML block or folded scalar is no copy of its value: its offsets do not map (no hover rather than a wrong span).
    if (raw.slice(start - node.offset, end - node.offset) !== value.slice(p.start, p.end)) return null;
    if (offset < start || offset > end) continue;
    const segs = p.steps.filter((s) => node.offset + sourceOffset(raw, s.start) <= offset).map((s) => ({ kind: 'name' as const, ...s }));
    return { markdown: readingText(value, segs, context, 'the context object', true), range: { offset: start, length: end - start } };
  }
  return null;
}

/** In a JSONata `{% %}` value, `$states` or `$states.<field>` under the cursor: the reserved variable's fields, in the developer guide's words. */
function statesHover(parsed: ParsedDocument, node: AstNode, raw: string, offset: number): HoverText | null {
  const value = node.value as string;
  if (!value.includes('$states')) return null;
  const held = stateHolding(modelOf(parsed), node);
  if (held?.state.queryLanguage !== 'JSONata' || !evaluatedHere(held.state, held.keys)) return null;
  for (const m of value.matchAll(/(?<![\p{ID_Continue}$])\$states(?:\.([A-Za-z_][A-Za-z0-9_]*))?/gu)) {
    const start = node.offset + sourceOffset(raw, m.index), end = node.offset + sourceOffset(raw, m.index + m[0].length);
    // A YAML block or folded scalar is no copy of its value: its offsets do not map (no hover rather than a wrong span).
    if (raw.slice(start - node.offset, end - node.offset) !== m[0]) return null;
    if (offset < start || offset > end) continue;
    const name = node.offset + sourceOffset(raw, m.index + '$states'.length);
    const member = offset > name ? STATES_MEMBERS.find((x) => x.name === m[1]) : undefined;
    // Past `$states` on a field it does not have: nothing to say there (the variable check says what is wrong).
    if (offset > name && !member) return null;
    if (member) {
      const here = statesMemberAvailable(member.name, held.state, held.keys[0]) ? '' : '\n\nIt has no value here.';
      return { markdown: `**$states.${member.name}** — ${member.doc}.${here}`, range: { offset: start, length: end - start } };
    }
    const fields = STATES_MEMBERS.map((x) => `- \`${x.name}\`: ${x.doc}${statesMemberAvailable(x.name, held.state, held.keys[0]) ? '' : ' (no value here)'}`).join('\n');
    return { markdown: `**$states** — the reserved variable of a JSONata state:\n\n${fields}`, range: { offset: start, length: name - start } };
  }
  return null;
}

/**
 * In a JSONata `{% %}` value, a path of names from `$states.input`, `$states.result`, `$states.errorOutput` or a
 * variable under the cursor (`'s3://' & $cfg.bucket`): what it reads, as the same path in JSONPath shows (ux42: no
 * hover). The names a path steps through with `.name` only; anything else in the expression is JSONata's.
 */
function jsonataPathHover(parsed: ParsedDocument, flow: Dataflow, node: AstNode, raw: string, offset: number): HoverText | null {
  const value = node.value as string;
  if (!value.includes('{%')) return null;
  const held = stateHolding(modelOf(parsed), node);
  if (held?.state.queryLanguage !== 'JSONata' || !evaluatedHere(held.state, held.keys)) return null;
  const at = flow.states.get(held.state);
  if (!at) return null;
  // The cursor's place in the value, found once: each path is then matched by value positions, and only the one under
  // the cursor is mapped (the review of the day: mapping every path before it made a hover at the end of a long
  // expression quadratic).
  const lo = valueIndexAt(raw, node.offset, value.length, offset);
  if (lo === undefined) return null;
  for (const m of value.matchAll(JSONATA_PATH)) {
    if (m.index > lo) break;
    if (m.index + m[0].length < lo) continue;
    const start = node.offset + sourceOffset(raw, m.index), end = node.offset + sourceOffset(raw, m.index + m[0].length);
    // A YAML block or folded scalar is no copy of its value: its offsets do not map (no hover rather than a wrong span).
    if (raw.slice(start - node.offset, end - node.offset) !== m[0]) return null;
    if (offset < start || offset > end) continue;
    const names = [...m[0].matchAll(/\.([A-Za-z_][A-Za-z0-9_]*)/g)].map((n) => ({ kind: 'name' as const, name: n[1], start: m.index + n.index, end: m.index + n.index + n[0].length }));
    const root = m[1];
    let base: Shape | undefined;
    let label: string;
    let segs = names;
    if (root === 'states') {
      const member = names[0]?.name;
      segs = names.slice(1);
      // `$states.context` is the context hover's; `$states` and a member alone are statesHover's.
      if (!segs.length || member === 'context' || !statesMemberAvailable(member, held.state, held.keys[0]) || lo <= names[0].end) return null;
      [base, label] = member === 'input' ? [at.input, 'the state input'] : member === 'result' ? [at.result, held.state.type === 'Task' ? "the task's result" : 'the result'] : member === 'errorOutput' ? [ERROR_OUTPUT(), 'the error output'] : [undefined, ''];
    } else if (flow.variables.has(root)) [base, label] = [flow.variables.get(root), `the variable $${root}`];
    else continue; // a function's name (`$uuid()`), or no variable any state assigns (its own finding says so)
    if (!base) return null;
    const upTo = segs.filter((s) => s.start <= lo);
    return { markdown: readingText(value, upTo, base, label, false), range: { offset: start, length: end - start } };
  }
  return null;
}

/** `$name` and `.name` steps after it, not inside a longer name. */
const JSONATA_PATH = /(?<![\p{ID_Continue}$.])\$([A-Za-z_][A-Za-z0-9_]*)(?:\.[A-Za-z_][A-Za-z0-9_]*)*/gu;

export function dataflowHover(parsed: ParsedDocument, offset: number, node: AstNode | undefined, executionInput?: Shape): HoverText | null {
  if (node?.type !== 'string') return null;
  const flow = dataflowOf(parsed, executionInput);
  const slot = flow.slots.find((s) => s.node === node);
  const raw = parsed.text.slice(node.offset, node.offset + node.length);
  if (!slot) return jsonataContextHover(parsed, flow, node, raw, offset) ?? jsonataPathHover(parsed, flow, node, raw, offset) ?? statesHover(parsed, node, raw, offset);
  for (const path of pathsOf(slot)) {
    // `$$` reads the context object (context.ts, with each field's documented meaning), `$` the state's input, `$name`
    // a variable (the join of what its Assigns set).
    const inContext = path.root === '$$';
    const start = node.offset + sourceOffset(raw, path.start);
    const end = node.offset + sourceOffset(raw, path.end);
    if (offset < start || offset > end) continue;
    // The segments up to the one under the cursor.
    const segs = path.segments.filter((s) => node.offset + sourceOffset(raw, s.start) <= offset);
    const value = node.value as string;
    const markdown = inContext
      ? readingText(value, segs, slot.context ?? flow.context, 'the context object', true)
      : path.root === '$'
        ? readingText(value, segs, slot.against, slot.label, false)
        : readingText(value, segs, flow.variables.get(path.root.slice(1)) ?? UNKNOWN, `the variable ${path.root}`, false);
    return { markdown, range: { offset: start, length: end - start } };
  }
  return null;
}

// Quick fixes for the SageMaker request findings, and the edits of fix-all (every unambiguous fix at once). Each
// fix is computed from a Problem's `code` and `data` and the tree, in offsets (codeActions.ts at the service root
// makes LSP code actions of them). How a value, a key or members are written or removed in JSON and YAML, and where
// a finding's node is, are asl/fixes.ts's (every check's fixes share them).
import { SageMakerCode } from './codes';
import { changeTo, insertMembers, isKey, jsonataInJsonPathFixes, jsonPathKeyFixes, nodeOf, removeMember, renameKey, replaceNode, rewriteMember, valueOf, withoutDollar, writtenInPlace, type Fix } from '../asl/fixes';
import { codePointSlice, isObviousMatch, lineEnd, trimChar } from '../core/text';
import type { AstNode, OffsetEdit, ParsedDocument, Problem } from '../core/types';
import { documentedRules, valuePreference, type DocumentedRuleFix } from './documentedRules';
import { payloadOf, shapeAt, taskNamedBy } from './payloadLocation';
import { integrationOf, jsonTypeOf, offeredOrder, type Shape } from './shapes';
import { Code } from '../core/codes';
import { intendedValue, keyOfValue, nodeAt, toValue } from '../core/tree';
import { literalParts } from '../expressions/placeholders';
import { isInFlow, yamlScalar } from '../yaml/edits';

// The name pattern family of SageMaker (job, model, endpoint names…): letters and digits, separated by hyphens,
// as `[a-zA-Z0-9](-*[a-zA-Z0-9]){0,N}` (at most N+1 characters) or `[a-zA-Z0-9]([\-a-zA-Z0-9]*[a-zA-Z0-9])?`.
const NAME_PATTERNS = [/^\^?\[a-zA-Z0-9\]\(-\*\[a-zA-Z0-9\]\)\{0,(\d+)\}\$?$/, /^\^?\[a-zA-Z0-9\]\(\[\\?-a-zA-Z0-9\]\*\[a-zA-Z0-9\]\)\?\$?$/];

/** The request shape a value node stands for, if it lies in a SageMaker payload. */
function shapeOf(parsed: ParsedDocument, node: AstNode): Shape | undefined {
  const ctx = payloadOf(parsed, node);
  if (!ctx) return undefined;
  const step = shapeAt(ctx.integration.request, ctx.relative, ctx.task.state.queryLanguage === 'JSONata');
  return step && !step.dynamic ? step.shape : undefined;
}

/** The largest length of a name-pattern shape: the shape's max and the pattern's own repetition bound. */
function nameMax(shape: Shape | undefined, awsPattern: string | undefined): number | undefined {
  const m = awsPattern ? NAME_PATTERNS.map((re) => re.exec(awsPattern)).find(Boolean) : undefined;
  if (!m) return undefined;
  const max = Math.min(shape?.max ?? Infinity, m[1] ? Number(m[1]) + 1 : Infinity);
  return Number.isFinite(max) ? max : undefined;
}

/** A name made valid for the name pattern: runs of other characters become one `-`, no `-` at either end. */
function toValidName(value: string, max: number): string {
  const trim = (s: string) => trimChar(s, '-');
  return trim(trim(value.replace(/[^a-zA-Z0-9-]+/g, '-')).slice(0, max));
}

/**
 * A name holding `${…}` placeholders made valid as toValidName makes one, in the text every substitution keeps: runs
 * of other characters there become one `-`, none at either end; the placeholders stay as written (ux44:
 * `score_${AWS::StackName}_v2` → `score-${AWS::StackName}-v2`). Not cut to the maximum: what they stand for is unknown.
 */
function validNameAround(value: string): string | undefined {
  const parts = literalParts(value);
  if (!parts.length) return undefined;
  let out = '';
  let at = 0;
  parts.forEach(({ start, end }, i) => {
    let text = value.slice(start, end).replace(/[^a-zA-Z0-9-]+/g, '-');
    // No `-` at either end of the name: trimmed from the first part when it starts it, the last when it ends it.
    let a = 0, b = text.length;
    if (i === 0 && start === 0) while (a < b && text[a] === '-') a++;
    if (i === parts.length - 1 && end === value.length) while (b > a && text[b - 1] === '-') b--;
    text = text.slice(a, b);
    out += value.slice(at, start) + text;
    at = end;
  });
  return out + value.slice(at);
}

/** The string whose written part around its placeholders a pattern finding underlines (validation.ts checkLiteralParts). */
function stringAroundPart(parsed: ParsedDocument, p: Problem): AstNode | undefined {
  if (p.code !== SageMakerCode.pattern || !p.data?.placeholders || !parsed.root) return undefined;
  const n = nodeAt(parsed.root, p.offset, { end: 'exclusive' });
  return n?.type === 'string' && n.offset <= p.offset && p.offset + p.length <= n.offset + n.length ? n : undefined;
}

/** The value a new required member gets: the type's emptiest valid value (a string's "" to fill in), with its own required members. */
export function placeholder(shape: Shape, depth = 0): unknown {
  switch (shape.kind) {
    case 'structure': {
      const o: Record<string, unknown> = {};
      if (depth < 8) for (const r of shape.required ?? []) o[r] = placeholder(shape.members!.get(r)!.shape, depth + 1);
      return o;
    }
    case 'map':
      return {};
    case 'list':
      return [];
    case 'integer':
    case 'number':
      return shape.min ?? 0;
    case 'boolean':
      return false;
    default:
      // An enum's first value, as completion offers it (ux40: "" was an error at once, where the values are known).
      return shape.enum?.length ? offeredOrder(shape.enum)[0] : '';
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The fixes of one problem

/** The quick fixes for one problem, the preferred one first. */
export function fixesFor(parsed: ParsedDocument, p: Problem): Fix[] {
  // An expression's finding underlines its text inside the string: the string is the node.
  const node = nodeOf(parsed, p) ?? objectOpenedAt(parsed, p) ?? (p.code === Code.invalidPath && parsed.root ? nodeAt(parsed.root, p.offset) : undefined) ?? stringAroundPart(parsed, p);
  if (!node || !writtenInPlace(parsed, node)) return [];
  const data = p.data ?? {};
  const fixes: (Fix | undefined)[] = [];
  switch (p.code) {
    case SageMakerCode.pattern: {
      if (node.type !== 'string') break;
      const shape = shapeOf(parsed, node);
      const max = nameMax(shape, (data.placeholders ? shape?.awsPattern : data.pattern) as string | undefined);
      if (max === undefined) break;
      const name = data.placeholders ? validNameAround(String(node.value)) : toValidName(String(node.value), max);
      if (name && name !== node.value) fixes.push(isKey(node) ? renameKey(parsed, node, name, true) : changeTo(parsed, node, name, true));
      break;
    }
    case SageMakerCode.tooLong: {
      if (node.type !== 'string' || typeof data.max !== 'number') break;
      const shape = shapeOf(parsed, node);
      const nm = nameMax(shape, shape?.awsPattern);
      const value = nm !== undefined ? toValidName(node.value, Math.min(nm, data.max)) : codePointSlice(node.value as string, data.max);
      // Offered, never automatic: a name cut short is another name (ux40: fix-all cut "…-2024-01-15-version-2" to
      // "…-2024-01-15", which may be another run's), and other text cut (a command, a URI) loses something.
      if (value) fixes.push({ title: `Shorten to ${data.max} characters: ${JSON.stringify(value)}`, edits: [replaceNode(parsed, node, value)], preferred: false });
      break;
    }
    case SageMakerCode.outOfRange: {
      // The bound it passes: offered, never automatic (ux44), as too-long's cut is: 1 where 0 was written is a guess.
      if (node.type !== 'number') break;
      const v = node.value as number;
      const bound = typeof data.min === 'number' && v < data.min ? data.min : typeof data.max === 'number' && v > data.max ? data.max : undefined;
      if (bound !== undefined) fixes.push({ ...changeTo(parsed, node, bound, false), title: `Change to ${bound}, the ${bound === data.min ? 'least' : 'most'} allowed` });
      break;
    }
    case SageMakerCode.enumValue: {
      if (typeof data.caseMatch === 'string') fixes.push(changeTo(parsed, node, data.caseMatch, true));
      else for (const s of ((data.suggestions as string[]) ?? []).slice(0, 3)) fixes.push({ ...changeTo(parsed, node, s, false), title: `Did you mean ${JSON.stringify(s)}?` });
      break;
    }
    case SageMakerCode.unknownKey: {
      // A JSONPath `X.$` key in a JSONata request: X, with the path written as JSONata (asl/fixes.ts's own fix).
      if (typeof data.jsonata === 'string') {
        for (const f of jsonPathKeyFixes(parsed, p)) fixes.push({ ...f, preferred: true });
        break;
      }
      const suggestions = ((data.suggestions as string[]) ?? []).slice(0, 3);
      const obvious = isObviousMatch(String(node.value), suggestions);
      suggestions.forEach((s, i) => fixes.push(renameKey(parsed, node, s, i === 0 && obvious)));
      break;
    }
    case Code.invalidPath: {
      // `"InstanceCount.$": "1"`: the value as written, as the number or flag it plainly is, under the key without
      // `.$` (ux41: the language's own fix dropped the `.$` and kept the quotes, a wrong type then).
      const key = node.type === 'string' ? keyOfValue(node) : undefined;
      const ctx = key?.type === 'string' && typeof key.value === 'string' && key.value.endsWith('.$') ? payloadOf(parsed, node) : undefined;
      const step = ctx && shapeAt(ctx.integration.request, ctx.relative, ctx.task.state.queryLanguage === 'JSONata');
      const want = step ? jsonTypeOf(step.shape) : undefined;
      if (!key || !step || (want !== 'integer' && want !== 'number' && want !== 'boolean')) break;
      const value = intendedValue(parsed.text, node, want);
      if (typeof value !== (want === 'boolean' ? 'boolean' : 'number')) break;
      fixes.push(rewriteMember(parsed, node, (key.value as string).slice(0, -2), value, true));
      break;
    }
    case SageMakerCode.wrongType:
      // The value the message advises (validation.ts works it out once, so the two cannot disagree).
      if (data.replacement !== undefined) fixes.push(changeTo(parsed, node, data.replacement, true));
      // A `.$` key holding a number, a flag, an object: the key without its `.$`, the value passed as written.
      else if (data.dropDollar !== undefined) {
        const key = keyOfValue(node);
        if (key) fixes.push(withoutDollar(parsed, key, data.dropDollar === 'preferred'));
      }
      // A structure left empty (`Parameters:` with nothing under it in YAML is null, as a new state's snippet
      // leaves it: walk32): it becomes one, with its required members.
      else if (data.got === 'null' && data.expected === 'object') fixes.push(fillNull(parsed, node));
      // A JSONata expression in a JSONPath state's integer member: `"X.$": "$.a"`, as for a string member.
      else if (typeof data.path === 'string') for (const f of jsonataInJsonPathFixes(parsed, p)) fixes.push(f);
      break;
    case SageMakerCode.pathWithoutDollarSuffix: {
      const keyNode = keyOfValue(node);
      // Only JSONPath states have `.$` keys; a JSONata state writes the path as an expression of $states.input.
      const jsonata = payloadOf(parsed, node)?.task.state.queryLanguage === 'JSONata';
      if (jsonata && typeof data.jsonata === 'string') fixes.push({ ...changeTo(parsed, node, data.jsonata, true), title: `Write ${JSON.stringify(data.jsonata)}` });
      else if (keyNode?.type === 'string' && !jsonata) fixes.push(renameKey(parsed, keyNode, `${keyNode.value}.$`, true));
      break;
    }
    case SageMakerCode.missingRequired:
      fixes.push(addMissing(parsed, node, data));
      break;
    case SageMakerCode.jsonataInJsonPath:
      // `"X": "{% $states.input.a %}"` in a JSONPath state → `"X.$": "$.a"`: the language's own fix of the same finding.
      for (const f of jsonataInJsonPathFixes(parsed, p)) fixes.push(f);
      break;
    case SageMakerCode.unsupportedIntegrationPattern:
    case SageMakerCode.unknownIntegration: {
      // The Resource rewritten to one Step Functions accepts (validation.ts's checkResource lists them, best first).
      if (node.type !== 'string') break;
      ((data.replacements as string[]) ?? []).forEach((r, i) => fixes.push(changeTo(parsed, node, r, i === 0 && data.preferred === true)));
      break;
    }
    case SageMakerCode.documentedRule:
      if (data.fix) fixes.push(documentedRuleFix(parsed, data.fix as DocumentedRuleFix, data.rule as string, p.offset));
      break;
  }
  return fixes.filter((f): f is Fix => !!f);
}

/**
 * What a job spec's missing members are said on: the opening brace of the request, the whole document (validation.ts
 * does not underline the whole file). The object that brace opens.
 */
function objectOpenedAt(parsed: ParsedDocument, p: Problem): AstNode | undefined {
  const root = parsed.root;
  return p.code === SageMakerCode.missingRequired && p.length === 1 && root?.type === 'object' && root.offset === p.offset ? root : undefined;
}

function fillNull(parsed: ParsedDocument, at: AstNode): Fix | undefined {
  // Reported on the key when the null has no text of its own (validation.ts).
  const node = isKey(at) ? valueOf(at.parent) : at;
  if (node?.type !== 'null') return undefined;
  const shape = shapeOf(parsed, node);
  if (shape?.kind !== 'structure' || !writtenInPlace(parsed, node)) return undefined;
  const members = (shape.required ?? []).map((m): [string, unknown] => [m, placeholder(shape.members!.get(m)!.shape)]);
  const title = members.length ? 'Add missing required parameters' : 'Change to {}';
  const value = Object.fromEntries(members);
  // Preferred only when nothing is to be filled in (addMissing).
  const preferred = !members.length;
  if (parsed.language !== 'yaml') return { ...changeTo(parsed, node, value, preferred), title };
  // YAML (review of the day: `Key:{}` and a block inside `{ … }` do not read): in block context, with nothing after the
  // colon but the line's end, the members as a block mapping under the key; else a flow mapping, after a space when
  // the empty value sits right after the colon.
  const text = parsed.text;
  const lineRest = text.slice(node.offset, lineEnd(text, node.offset));
  if (members.length && node.parent?.type === 'property' && !isInFlow(text, node) && node.length === 0 && /^\s*$/.test(lineRest))
    return { title, edits: [insertMembers(parsed, node.parent, members)], preferred };
  const before = node.length === 0 && text[node.offset - 1] === ':' ? ' ' : '';
  const after = text[node.offset + node.length] === '#' ? ' ' : '';
  return { title, edits: [{ offset: node.offset, length: node.length, newText: before + yamlScalar(value, { flow: true }) + after }], preferred };
}

/**
 * The object a finding on an object was reported on, from the node nodeOf finds at its span: a YAML mapping of one
 * member (`- Key: team`) spans exactly what its property does, which is found first; look past it to the object.
 */
function objectSpanning(node: AstNode | undefined): AstNode | undefined {
  while (node && node.type !== 'object' && node.parent?.offset === node.offset && node.parent.length === node.length) node = node.parent;
  return node;
}

/**
 * The missing required members, inserted with values to fill in (placeholder: "" for a string, a number's least):
 * offered, never preferred, so never in fix-all or on save (ux40: it wrote "ChannelName": "", a new error, and an
 * empty Parameters beside a state's Arguments). Which values they take is the user's to say.
 */
function addMissing(parsed: ParsedDocument, node: AstNode, data: Record<string, unknown>): Fix | undefined {
  const missing = (data.missing as string[]) ?? [];
  if (!missing.length) return undefined;
  const title = 'Add missing required parameters';
  if (typeof data.payloadKey === 'string') {
    // The state has no Parameters/Arguments at all: add it, with the request's required members.
    const state = isKey(node) || node.type === 'object' ? valueOf(node.parent) : undefined;
    const task = taskNamedBy(parsed, node);
    if (state?.type !== 'object' || !task || !writtenInPlace(parsed, state)) return undefined;
    const request = integrationOf(task)?.request;
    if (!request) return undefined;
    return { title, edits: [insertMembers(parsed, state, [[data.payloadKey, placeholder(request)]])], preferred: false, members: { object: state, names: [data.payloadKey], how: 'insert' } };
  }
  // Reported on the member's key, or on the object itself when it is a list item (`- Key: team` in YAML, found at
  // its one property).
  const object = isKey(node) ? valueOf(node.parent) : objectSpanning(node);
  if (object?.type !== 'object' || !writtenInPlace(parsed, object)) return undefined;
  const ctx = payloadOf(parsed, object);
  const jsonata = ctx?.task.state.queryLanguage === 'JSONata';
  const step = ctx && shapeAt(ctx.integration.request, ctx.relative, jsonata);
  const shape = step && !step.dynamic ? step.shape : undefined;
  if (shape?.kind !== 'structure' || !ctx) return undefined;
  // An enum member's value the first the documented rules accept beside the request, as completion chooses it (ux41:
  // "Strategy": "Bayesian" beside a HyperbandStrategyConfig, which only Hyperband takes).
  const payload = ctx.task.payloadProperty?.children?.[1];
  const prefer = valuePreference(ctx.integration.request, () => (payload ? toValue(payload) : {}), jsonata);
  const newValue = (m: string, member: Shape) => {
    const first = placeholder(member);
    if (!member.enum || member.enum.length < 2) return first;
    return prefer([...ctx.relative, m], [...offeredOrder(member.enum)]) ?? first;
  };
  const members: [string, unknown][] = missing.filter((m) => shape.members!.has(m)).map((m) => [m, newValue(m, shape.members!.get(m)!.shape)]);
  if (!members.length) return undefined;
  return { title, edits: [insertMembers(parsed, object, members)], preferred: false, members: { object, names: members.map(([m]) => m), how: 'insert' } };
}

/**
 * The fix a documented rule's finding carries (documentedRules.ts): a value to write or a member to add. Preferred
 * (so fix-all applies it) only where the documentation leaves one answer: a missing member whose value the request
 * itself gives (MaxWaitTimeInSeconds = MaxRuntimeInSeconds), or a field with a single allowed value. Lowering a
 * limit or picking one of several values stays the user's choice.
 */
function documentedRuleFix(parsed: ParsedDocument, fix: DocumentedRuleFix, ruleId: string, from: number): Fix | undefined {
  const rule = documentedRules().find((r) => r.id === ruleId);
  const preferred = rule?.kind === 'requires' || (rule?.kind === 'requiresValue' && rule.oneOf?.length === 1);
  if (fix.kind === 'replace') {
    const target = nodeOf(parsed, { offset: from + fix.at, length: fix.length });
    return target && writtenInPlace(parsed, target) ? changeTo(parsed, target, fix.value, preferred) : undefined;
  }
  if (fix.kind === 'remove') {
    // A member the request must not hold: removing it is the one answer unless a condition says when (then changing
    // what the condition reads, an instance type, is as good).
    const key = nodeOf(parsed, { offset: from + fix.at, length: fix.length });
    const property = key?.parent;
    if (property?.type !== 'property' || property.children?.[0] !== key || !property.parent || !writtenInPlace(parsed, property.parent)) return undefined;
    const edit = removeMember(parsed, property);
    return edit && { title: `Remove ${String(key!.value)}`, edits: [edit], preferred: rule?.kind === 'forbidden' && rule.when === undefined };
  }
  const object = objectSpanning(nodeOf(parsed, { offset: from + fix.objectAt, length: fix.objectLength }));
  if (object?.type !== 'object' || !writtenInPlace(parsed, object)) return undefined;
  return { title: `Add ${fix.key}: ${JSON.stringify(fix.value)}`, edits: [insertMembers(parsed, object, [[fix.key, fix.value]])], preferred, members: { object, names: [fix.key], how: 'insert' } };
}

/** The edits of every problem's preferred fix, in document order and never overlapping. */
export function fixAllEdits(parsed: ParsedDocument, problems: Problem[]): OffsetEdit[] {
  const fixes = problems.map((p) => fixesFor(parsed, p).find((f) => f.preferred)).filter((f): f is Fix => !!f);
  // A misspelt key renamed to a member that is also missing: the rename wins (it keeps the user's value), and
  // the insertion waits for the next pass, so the object never gets the member twice.
  const renamed = new Map<AstNode, Set<string>>();
  for (const f of fixes) if (f.members?.how === 'rename') for (const n of f.members.names) renamed.set(f.members.object, (renamed.get(f.members.object) ?? new Set()).add(n));
  const once = new Map<AstNode, Set<string>>();
  const renamedOnce = (f: Fix) => {
    const seen = once.get(f.members!.object) ?? new Set<string>();
    once.set(f.members!.object, seen);
    if (f.members!.names.some((n) => seen.has(n))) return false; // two typos of one member: the first is renamed
    f.members!.names.forEach((n) => seen.add(n));
    return true;
  };
  const edits = fixes
    .filter((f) => (f.members?.how === 'rename' ? renamedOnce(f) : f.members?.how !== 'insert' || !f.members.names.some((n) => renamed.get(f.members!.object)?.has(n))))
    .flatMap((f) => f.edits)
    .sort((a, b) => a.offset - b.offset || a.length - b.length);
  const out: OffsetEdit[] = [];
  let end = -1;
  for (const e of edits) {
    if (e.offset < end || (e.offset === end && out.length && (e.length === 0 || out[out.length - 1].length === 0))) continue;
    out.push(e);
    end = e.offset + e.length;
  }
  return out;
}

// SageMaker's rules that the API model states only in its documentation ("It must be equal to or greater than
// MaxRuntimeInSeconds."), checked on a request. The rules are data (schemas/documented-rules.json, kept in step with
// the model by schemas/rules.mjs); the code knows only the kinds of relation. A rule applies to every object of its
// scope shape, wherever the request nests it, and is silent when a value it needs is dynamic (a `.$` key, a JSONata
// `{% %}` string, a `${…}` template placeholder): it never guesses. This file says which rules apply where in a
// request and what their findings (and completion's questions) say; what each kind checks in one object is
// ruleChecks.ts.
import { parseTree, type JSONPath } from 'jsonc-parser';
import { SageMakerCode } from './codes';
import { shapeAt } from './payloadLocation';
import { getIntegration, getSdkIntegration, type Shape } from './shapes';
import type { AstNode, Problem, Severity } from '../core/types';
import { append, listOf } from '../core/append';
import { ruleCheck } from '../../../../schemas/ruleText.mjs';
import { conditionsOf, evaluate, join, lookup, scalar, type Hit, type NodeFix, type RuleScope } from './ruleChecks';

export type Scalar = string | number | boolean | null;

export interface Condition {
  field: string;
  equals?: Scalar;
  oneOf?: Scalar[];
  notOneOf?: Scalar[];
  /** The value starts with one of these (instance families: "ml.g5."). */
  startsWithOneOf?: string[];
  /** The value ends with one of these (a documented Lambda's function name: ":function:PRE-BoundingBox"), or with none. */
  endsWithOneOf?: string[];
  notEndsWithOneOf?: string[];
  /** An S3 URI whose bucket's name ends with one of these (an S3 Express One Zone directory bucket: "--x-s3"). */
  bucketEndsWith?: string[];
  /** schemas/rules.mjs only: every match of this pattern in the field's documentation is in the list. */
  everyMatch?: string;
  /** The condition in words, after the field's name ("is an image or text task type's built-in Lambda"). */
  means?: string;
  /** The field is set (true) or not set (false). */
  present?: boolean;
  /** The field is set and is the only member of its object (one member of a union: a union of two is its own finding). */
  alone?: boolean;
  /** The field is a list of at least this many items. */
  minItems?: number;
  default?: Scalar;
}

/** A sentence of the model's documentation; `endsDocumentation`: the documentation ends with it (schemas/rules.mjs checks). */
export interface Quote {
  /** The shape whose documentation (or whose member's) holds the quote; with `operation`, the operation's name. */
  shape: string;
  member: string | null;
  quote: string;
  endsDocumentation?: boolean;
  /** The quote is in the operation's own documentation (CreateFeatureGroup's), not a shape's. */
  operation?: boolean;
}

/** The kinds of relation a rule states (schemas/rules.mjs KINDS); each has its check (CHECKS). */
export type RuleKind =
  | 'requires'
  | 'forbidden'
  | 'exclusive'
  | 'exactlyOne'
  | 'atLeastOne'
  | 'lessOrEqual'
  | 'max'
  | 'range'
  | 'productMax'
  | 'countMax'
  | 'unique'
  | 'allOrNone'
  | 'requiresValue'
  | 'affix'
  | 'totalLengthMax'
  | 'entryBytesMax'
  | 'bytesMax'
  | 'listContains'
  | 'samePart'
  | 'sameValue'
  | 'namedIn'
  | 'keysIn'
  | 'format'
  | 'spanMax'
  | 'priceIn'
  | 'matchesPattern'
  | 'lengthMax'
  | 'countMin'
  | 'combinationsAtLeast'
  | 'sumMax';

export interface DocumentedRule {
  id: string;
  scope: string[];
  when?: Condition | Condition[];
  kind: RuleKind;
  severity: 'error' | 'warning';
  source: Quote;
  /** Further sentences the rule rests on (also kept in step with the model). */
  alsoQuotes?: Quote[];
  /** Pages outside SageMaker's model the rule rests on too: a title for the message, the page and its words. */
  pages?: { title: string; url: string; quote: string }[];
  note?: string;
  field?: string;
  fields?: string[];
  with?: string[];
  lhs?: string[];
  rhs?: string[];
  strict?: boolean;
  /** Where the finding goes; lessOrEqual: a list puts one on each side (which one is wrong is not known). */
  at?: string | string[];
  /** lessOrEqual, affix: no quick fix (the documentation does not say which side to change, or what to write instead). */
  noFix?: boolean;
  list?: string;
  lists?: string[];
  maps?: string[];
  key?: string;
  min?: number;
  max?: number;
  exclusiveMin?: number;
  exclusiveMax?: number;
  /** The field is a string holding a number (a hyperparameter range's MinValue); range and lessOrEqual. */
  numericString?: boolean;
  /** unique: only these values of `key` must not repeat (the others may). */
  oneOf?: Scalar[];
  /** requiresValue: the values the field must not have (reserved names), instead of the ones it must. */
  notOneOf?: Scalar[];
  default?: Scalar;
  /**
   * requiresValue: where an absent `field` takes its value from, outside the scope: `path` in the nearest object
   * around the scope that has it (a channel's InputMode is the request's AlgorithmSpecification.TrainingInputMode
   * when not set). `within`: the shapes that hold it (schemas/rules.mjs checks the path from each).
   */
  defaultFrom?: { path: string; within: string[] };
  /** productMax, lessOrEqual: the value the documentation gives a field that is not set ("The default value is 6 MB"). */
  defaults?: Record<string, number>;
  fix?: Scalar;
  fixFrom?: string;
  /** affix: the text the field must begin (`prefix`) or end (`suffix`) with, or one of several; with `not`, must not. */
  prefix?: string | string[];
  suffix?: string | string[];
  not?: boolean;
  /** What would make the request right after all, added to the message (", unless …"): a warning's doubt in words. */
  unless?: string;
  /**
   * SageMaker's answer to such a request, where a report of it is what the rule rests on (the sentence quoted may
   * only describe the member): its words and the issue or pull request that shows it, in the message and the hover.
   */
  refusal?: { quote: string; reported: string };
  /** matchesPattern: the list of `*` wildcard patterns each value of `field` must match. */
  wildcards?: string;
  /** matchesPattern: instead of `wildcards`, the `*` patterns themselves, the form the documentation gives (an ECR URI). */
  globs?: string[];
  /** spanMax: the fields are ISO 8601 durations (offsets from a schedule's time), not timestamps. */
  offsets?: boolean;
  /**
   * format: what the string field holds: base64, JSON, a JSON object, a decimal number, an integer, an ISO 8601
   * duration, or (`pattern`) text of the form the regular expression `pattern` gives and `form` says in words.
   */
  format?: 'base64' | 'json' | 'jsonObject' | 'number' | 'integer' | 'isoDuration' | 'pattern';
  pattern?: string;
  form?: string;
  /** keysIn: the fields whose values are the only keys the map `field` may have (the target column). */
  namedBy?: string[];
  /** keysIn: only the keys whose value (an object) has this member are held to `namedBy` (frontfill: the target only). */
  whereValueHas?: string;
  /** namedIn: what the named item's member must be ({ field: "FeatureType", oneOf: ["String", "Fractional"] }). */
  itemValue?: { field: string; oneOf: Scalar[] };
  /** samePart: what the patterns capture, in the message ("region"). */
  part?: string;
  /** samePart: regular expressions whose first group is the part of a value; a value none matches names no part. */
  patterns?: string[];
  /** combinationsAtLeast: the list whose items each offer their `Values` (categorical ranges). */
  valuesIn?: string;
  /** combinationsAtLeast: the list whose items each offer the integers from MinValue to MaxValue (integer ranges). */
  spansIn?: string;
  /** combinationsAtLeast: lists an item of which offers values without end (continuous ranges, Autotune's): no count. */
  unbounded?: string[];
}

/**
 * The same as a finding carries it: `at` and `objectAt` count from the finding's own offset, so the fix moves with
 * the finding when an edit elsewhere moves the text (findings are cached and moved: core/findingsCache.ts).
 */
export type DocumentedRuleFix =
  | { kind: 'replace'; at: number; length: number; value: Scalar }
  | { kind: 'insert'; objectAt: number; objectLength: number; key: string; value: Scalar }
  | { kind: 'remove'; at: number; length: number };

const relativeFix = (fix: NodeFix, from: number): DocumentedRuleFix =>
  fix.kind === 'replace'
    ? { kind: 'replace', at: fix.node.offset - from, length: fix.node.length, value: fix.value }
    : fix.kind === 'remove'
      ? { kind: 'remove', at: fix.key.offset - from, length: fix.key.length }
      : { kind: 'insert', objectAt: fix.object.offset - from, objectLength: fix.object.length, key: fix.key, value: fix.value };

// The rules and their index by scope shape, read on first use (a machine without SageMaker tasks never needs them;
// scripts/build.mjs keeps the table out of the server's first bundle).
let table: { rules: readonly DocumentedRule[]; byScope: Map<string, DocumentedRule[]> } | undefined;
function rulesTable() {
  if (!table) {
    const rules = (require('../../../../schemas/documented-rules.json') as { rules: DocumentedRule[] }).rules;
    const byScope = new Map<string, DocumentedRule[]>();
    for (const rule of rules) for (const s of rule.scope) listOf(byScope, s).push(rule);
    table = { rules, byScope };
  }
  return table;
}

/** Every documented rule (schemas/documented-rules.json). */
export const documentedRules = (): readonly DocumentedRule[] => rulesTable().rules;
const rulesOf = (scope: string): readonly DocumentedRule[] => rulesTable().byScope.get(scope) ?? [];

/** The paths (relative to its scope) a rule reads: the fields it relates and those its conditions test. */
function pathsOf(rule: DocumentedRule): string[] {
  return [
    ...conditionsOf(rule).map((c) => c.field),
    ...[rule.field, rule.list, rule.wildcards].filter((p): p is string => !!p),
    ...[rule.at ?? []].flat(),
    ...(rule.fields ?? []), ...(rule.with ?? []), ...(rule.lhs ?? []), ...(rule.rhs ?? []), ...(rule.lists ?? []), ...(rule.maps ?? []), ...(rule.namedBy ?? []),
    ...(rule.list && rule.key ? [`${rule.list}[].${rule.key}`] : []),
  ];
}

/** The rules of the structure shape `scope` that involve the field at `path` from it ("StoppingCondition.MaxWaitTimeInSeconds", "InputDataConfig[].ChannelName"). */
function rulesAbout(scope: string, path: string): DocumentedRule[] {
  return rulesOf(scope).filter((rule) => pathsOf(rule).includes(path));
}

/**
 * The documented rules that involve the field at `relative` (from the payload), from each structure above it, each with
 * where its scope is (a prefix of `relative`) and the field's path from there ("StoppingCondition.MaxWaitTimeInSeconds").
 */
function rulesAtWithScope(request: Shape, relative: JSONPath, jsonata: boolean): { rule: DocumentedRule; scope: JSONPath; path: string }[] {
  const found: { rule: DocumentedRule; scope: JSONPath; path: string }[] = [];
  for (let i = 0; i < relative.length; i++) {
    const at = shapeAt(request, relative.slice(0, i), jsonata);
    if ((at?.shape.kind !== 'structure' && at?.shape.kind !== 'map') || at.dynamic) continue;
    let path = '';
    for (const seg of relative.slice(i)) path = typeof seg === 'number' ? `${path}[]` : path ? `${path}.${seg.replace(/\.\$$/, '')}` : seg.replace(/\.\$$/, '');
    for (const rule of rulesAbout(at.shape.name, path)) found.push({ rule, scope: relative.slice(0, i), path });
  }
  return found;
}

/** The documented rules that involve the field at `relative` (from the payload), from each structure above it. */
export function documentedRulesAt(request: Shape, relative: JSONPath, jsonata: boolean): DocumentedRule[] {
  return [...new Set(rulesAtWithScope(request, relative, jsonata).map((r) => r.rule))];
}

/**
 * Which values SageMaker refuses for the field at `relative` (from the request) wherever it is written, whatever the
 * rest of the request holds: a rule of the field's own values without a condition (an integer range's ScalingType is
 * not ReverseLogarithmic). Completion does not offer them. The rules are found once, not per value (225 instance
 * types asked one by one doubled a value completion's time).
 */
export function refusedValues(request: Shape, relative: JSONPath, jsonata: boolean): (value: Scalar) => boolean {
  const rules = rulesAtWithScope(request, relative, jsonata)
    .filter(({ rule, path }) => rule.kind === 'requiresValue' && rule.severity === 'error' && !rule.when && !rule.defaultFrom && rule.field === path)
    .map(({ rule }) => rule);
  if (!rules.length) return () => false;
  return (value) => rules.some((rule) => rule.notOneOf?.includes(value) || (rule.oneOf !== undefined && !rule.oneOf.includes(value)));
}

/**
 * What a completion writes as a new member's value, among the values it could write: the first that adds no documented
 * rule's error to the request (`payload`, as a value), nor a warning when one does neither (MaxWaitTimeInSeconds at
 * least the MaxRuntimeInSeconds written beside it, EnableManagedSpotTraining false without a MaxWaitTimeInSeconds).
 * The function made tries `candidates` in order, then for a number (`numeric`: the model's bounds) the numbers the rules
 * about the member name (the other side of a comparison as the request writes it, the documented defaults and bounds,
 * within the model's); its answer is undefined when the
 * first candidate is as good as any, or no rule is about the member.
 */
export function valuePreference(request: Shape, payloadOf: () => unknown, jsonata: boolean): (relative: JSONPath, candidates: Scalar[], numeric?: { min?: number; max?: number }) => Scalar | undefined {
  const beside = violationsBeside(request, payloadOf, jsonata);
  return (relative, candidates, numeric) => {
    const rules = rulesAtWithScope(request, relative, jsonata);
    if (!rules.length || !candidates.length) return undefined;
    const payload = beside.payload();
    const tried = [...candidates];
    if (numeric) {
      for (const { rule, scope } of rules) {
        for (const n of [...Object.values(rule.defaults ?? {}), rule.min, rule.max, rule.fix]) if (typeof n === 'number') tried.push(n);
        for (const path of [...(rule.lhs ?? []), ...(rule.rhs ?? []), rule.fixFrom].filter((p): p is string => !!p && !p.includes('[]'))) {
          const n = valueAtPath(payload, [...scope, ...path.split('.')]);
          if (typeof n === 'number') tried.push(n);
        }
      }
    }
    // A number the model's own bounds refuse is no better.
    if (numeric) for (let i = tried.length - 1; i > 0; i--) if (typeof tried[i] !== 'number' || (tried[i] as number) < (numeric.min ?? -Infinity) || (tried[i] as number) > (numeric.max ?? Infinity)) tried.splice(i, 1);
    let best: { value: Scalar; score: number } | undefined;
    for (const value of new Set(tried)) {
      const score = beside.added(relative, value).reduce((n, v) => n + (v.rule.severity === 'error' && !v.hit.unsettled && !v.computed ? 1000 : 1), 0);
      if (!best || score < best.score) best = { value, score };
      if (score === 0) break;
    }
    return best && best.value !== candidates[0] ? best.value : undefined;
  };
}

/** The value at `path` in a plain JSON value. */
function valueAtPath(value: unknown, path: JSONPath): unknown {
  let at = value;
  for (const seg of path) at = at !== null && typeof at === 'object' ? (at as Record<string | number, unknown>)[seg] : undefined;
  return at;
}

/** A copy of `value` with `leaf` at `path`, the objects on the way made where missing. */
function withValue(value: unknown, path: JSONPath, leaf: Scalar): unknown {
  const copy = structuredClone(value ?? {}) as Record<string | number, unknown>;
  let at = copy;
  path.forEach((seg, i) => {
    if (i === path.length - 1) at[seg] = leaf;
    else {
      if (at[seg] === null || typeof at[seg] !== 'object') at[seg] = typeof path[i + 1] === 'number' ? [] : {};
      at = at[seg] as Record<string | number, unknown>;
    }
  });
  return copy;
}

/**
 * Whether SageMaker refuses the member at `relative` (from the request) in every request: its documentation says it is
 * read-only or no longer supported (a `forbidden` error without a condition). Completion does not offer it.
 */
export function alwaysRefused(request: Shape, relative: JSONPath, jsonata: boolean): boolean {
  // The shapes and rules are fixed: asked once per request and place (list indexes read as any item).
  const key = `${request.name}|${jsonata}|${relative.map((s) => (typeof s === 'number' ? '[]' : s)).join('.')}`;
  let refused = refusedAt.get(key);
  if (refused === undefined) refusedAt.set(key, (refused = documentedRulesAt(request, relative, jsonata).some((r) => r.kind === 'forbidden' && r.when === undefined && !r.with && r.severity === 'error')));
  return refused;
}
const refusedAt = new Map<string, boolean>();

/**
 * Whether SageMaker refuses a member added at `path` (from the request) as the request stands: a `forbidden` or
 * `exclusive` error rule of that member that the request with it would break and does not break already
 * (MaxWaitTimeInSeconds in a job that is not Spot). The function made answers with the rule's check in words
 * (schemas/ruleText.mjs), or undefined; completion offers such a member last, saying so (ux41: offered as any other,
 * then flagged).
 */
export function refusedHere(request: Shape, payloadOf: () => unknown, jsonata: boolean): (path: JSONPath, member: string, value: unknown) => string | undefined {
  const beside = violationsBeside(request, payloadOf, jsonata);
  return (path, member, value) => {
    const rules = rulesAtWithScope(request, [...path, member], jsonata).map(({ rule }) => rule).filter((r) => (r.kind === 'forbidden' || r.kind === 'exclusive') && r.severity === 'error');
    if (!rules.length) return undefined;
    const broken = beside.added([...path, member], value as Scalar).find((v) => rules.includes(v.rule) && !v.hit.unsettled);
    return broken && ruleCheck(broken.rule);
  };
}

/**
 * The request (`payloadOf`, read once, when first asked) and the violations a value put at a path would add to those
 * it has already: what completion weighs a new value (valuePreference) or member (refusedHere) by.
 */
function violationsBeside(request: Shape, payloadOf: () => unknown, jsonata: boolean): { payload: () => unknown; added: (path: JSONPath, value: Scalar) => Violation[] } {
  const keyOf = ({ rule, hit }: Violation) => `${rule.id}|${hit.message}`;
  const violationsOf = (value: unknown) => findViolations(request, parseTree(JSON.stringify(value) ?? 'null') as AstNode, false, jsonata);
  let known: { payload: unknown; base: Set<string> } | undefined;
  const read = () => {
    if (!known) {
      const payload = payloadOf();
      known = { payload, base: new Set(violationsOf(payload).map(keyOf)) };
    }
    return known;
  };
  return {
    payload: () => read().payload,
    added: (path, value) => {
      const { payload, base } = read();
      return violationsOf(withValue(payload, path, value)).filter((v) => !base.has(keyOf(v)));
    },
  };
}

/**
 * The members `present` already holds beside which SageMaker refuses `member` of the structure at `path` (from the
 * request), whatever their values: an exclusive rule without a condition on that structure (InstanceGroups beside
 * InstanceType, Containers beside PrimaryContainer). Completion offers it last, saying so (ux40: offered as any
 * other, then flagged).
 */
export function excludedBeside(request: Shape, path: JSONPath, member: string, present: ReadonlySet<string>, jsonata: boolean): string[] {
  const has = (m: string) => present.has(m) || present.has(`${m}.$`);
  const beside = new Set<string>();
  for (const { rule, path: at } of rulesAtWithScope(request, [...path, member], jsonata)) {
    if (rule.kind !== 'exclusive' || rule.when !== undefined || rule.severity !== 'error' || rule.field === undefined) continue;
    // The rule's fields that are members of this structure, by name (its scope may be a structure above it).
    const prefix = at.slice(0, at.length - member.length);
    const sibling = (f: string) => (f.startsWith(prefix) && !/[.[]/.test(f.slice(prefix.length)) ? f.slice(prefix.length) : undefined);
    const field = sibling(rule.field);
    const others = (rule.with ?? []).map(sibling);
    if (field === member) for (const w of others) if (w !== undefined && has(w)) beside.add(w);
    if (field !== undefined && field !== member && others.includes(member) && has(field)) beside.add(field);
  }
  return [...beside];
}

/** `computed`: the rule read a value an expression of literals always gives. */
type Violation = { rule: DocumentedRule; hit: Hit; computed?: true };

/**
 * The rules of a structure node itself, added to `found`; then `member` for each member its shape knows. `jsonata`:
 * the request is a JSONata state's Arguments.
 */
function structureRules(node: AstNode, shape: Shape, label: string, jsonata: boolean, found: Violation[], member: (value: AstNode, shape: Shape, label: string) => void) {
  ownRules(node, shape, label, jsonata, found);
  for (const p of node.children ?? []) {
    const [k, v] = p.children ?? [];
    const m = k && v && typeof k.value === 'string' ? shape.members!.get(k.value) : undefined;
    if (m) member(v, m.shape, join(label, k.value));
  }
}

/** The rules whose scope is the shape of `node` itself (a structure, or a map whose keys are an enum), added to `found`. */
function ownRules(node: AstNode, shape: Shape, label: string, jsonata: boolean, found: Violation[]) {
  for (const rule of rulesOf(shape.name)) {
    const at: RuleScope = { node, label, jsonata, computed: false };
    for (const raw of evaluate(rule, at)) {
      const hit = rule.unless ? { ...raw, message: `${raw.message}, unless ${rule.unless}` } : raw;
      found.push(at.computed ? { rule, hit, computed: true } : { rule, hit });
    }
  }
}

/** The rules broken at or under `node` (of `shape`, named `label` in messages), added to `found`. */
function violationsUnder(node: AstNode, shape: Shape, label: string, jsonata: boolean, found: Violation[]) {
  // An explicit stack: a request may be deep (hostile input), shapes may be recursive.
  const stack: { node: AstNode; shape: Shape; label: string }[] = [{ node, shape, label }];
  const push = (node: AstNode, shape: Shape, label: string) => void stack.push({ node, shape, label });
  while (stack.length) {
    const { node, shape, label } = stack.pop()!;
    if (shape.kind === 'structure' && node.type === 'object') structureRules(node, shape, label, jsonata, found, push);
    else if (shape.kind === 'list' && node.type === 'array') node.children!.forEach((item, i) => push(item, shape.items!, `${label}[${i}]`));
    else if (shape.kind === 'map' && node.type === 'object') {
      // A map with known keys (a filling method's options) may have rules of its own, read as a structure's.
      ownRules(node, shape, label, jsonata, found);
      for (const p of node.children ?? []) {
        const [k, v] = p.children ?? [];
        if (k && v && typeof k.value === 'string' && !k.value.endsWith('.$')) push(v, shape.value!, join(label, k.value));
      }
    }
  }
}

// What each member of a request breaks, by the member's value node (JSON: see `memo` below). The rules a member's
// subtree breaks read only that subtree (a rule looks down from its scope), and their hits hold nodes, not offsets:
// while the node keeps its identity and stamp (core/types.ts) they hold as they are.
const byMember = new WeakMap<AstNode, { stamp: number | undefined; shape: Shape; label: string; jsonata: boolean; context: string; found: Violation[] }>();

/**
 * What rules read from outside a member (`defaultFrom`, e.g. the request's TrainingInputMode for its channels), as
 * the request's top level holds it: part of the memo's key, so a member's findings follow an edit outside it.
 */
let outsidePaths: string[] | undefined;
function outsideContext(payload: AstNode): string {
  outsidePaths ??= [...new Set(documentedRules().flatMap((r) => (r.defaultFrom ? [r.defaultFrom.path] : [])))];
  const at: RuleScope = { node: payload, label: '', jsonata: false, computed: false };
  return outsidePaths.map((path) => {
    const f = lookup(at, path)[0];
    return f.state === 'value' ? JSON.stringify(scalar(f.node) ?? f.node.type) : f.state;
  }).join('\n');
}

/**
 * Every rule a request breaks, with where and what (in the request's own terms, without the quote). `memo`: the
 * request is from an incrementally re-parsed JSON document, so a member whose node and stamp are unchanged keeps
 * what it broke; the rules of the request itself are evaluated again.
 */
function findViolations(api: string | Shape, payload: AstNode, memo: boolean, jsonata: boolean): Violation[] {
  const action = typeof api === 'string' ? api.charAt(0).toLowerCase() + api.slice(1) : undefined;
  const request = action === undefined ? (api as Shape) : (getIntegration(action) ?? getSdkIntegration(action))?.request;
  if (!request) return [];
  const found: Violation[] = [];
  if (!memo || payload.type !== 'object') violationsUnder(payload, request, '', jsonata, found);
  else {
    const context = outsideContext(payload);
    structureRules(payload, request, '', jsonata, found, (value, shape, label) => {
      const known = byMember.get(value);
      if (known && known.stamp === value.stamp && known.shape === shape && known.label === label && known.jsonata === jsonata && known.context === context) {
        append(found, known.found);
        return;
      }
      const own: Violation[] = [];
      violationsUnder(value, shape, label, jsonata, own);
      byMember.set(value, { stamp: value.stamp, shape, label, jsonata, context, found: own });
      append(found, own);
    });
  }
  return found.sort((a, b) => a.hit.node.offset - b.hit.node.offset);
}

/** The message, then the sentences the rule rests on: the supporting ones first, its own last (one place named once). */
function withQuote(rule: DocumentedRule, message: string): string {
  const quotes = [...(rule.alsoQuotes ?? []), rule.source];
  const where = (q: DocumentedRule['source']) => `${q.shape}${q.member ? '.' + q.member : ''}`;
  const cited = quotes.map((q, i) => (i > 0 && where(q) === where(quotes[i - 1]) ? ` "${q.quote}"` : `${i ? '; ' : ''}(${where(q)}): "${q.quote}"`)).join('');
  // A page outside SageMaker's that the rule rests on too (EC2's instance type names, for the families it adds):
  // before SageMaker's sentences, so that the rule's own still ends the message.
  const pages = (rule.pages ?? []).map((p) => `. ${p.title}: "${p.quote}"`).join('');
  const head = `${message}${refusalText(rule)}${pages}`;
  // A quoted sentence that ends the head ends it (no `"…training.".`).
  return `${head}${/[.!?]"$/.test(head) ? '' : '.'} SageMaker's API documentation ${cited}`;
}

/** `. SageMaker answers such a request "…" (reported in owner/repo#N)`, or nothing: what the message and the hover add. */
export function refusalText(rule: DocumentedRule): string {
  return rule.refusal ? `. SageMaker answers such a request "${rule.refusal.quote}" (reported in ${rule.refusal.reported})` : '';
}

/**
 * A finding on a member's key also covers its value when the value is a scalar or empty (`{}`, `[]`): the mistake
 * may be read in either (`"DirectInternetAccess": "Disabled"`), and a member's block is never underlined whole.
 */
function spanOf(node: AstNode): number {
  const member = node.parent;
  const value = member?.type === 'property' && member.children![0] === node ? member.children![1] : undefined;
  // Not through a YAML alias (`Key: *a`), whose value is written before the key, at its anchor.
  if (!value || value.children?.length || value.offset < node.offset + node.length) return node.length;
  return value.offset + value.length - node.offset;
}

/**
 * The documented rules a SageMaker request breaks. `api` is the Step Functions integration (createTrainingJob),
 * the SageMaker operation (CreateTrainingJob) or the request's shape itself (an AWS SDK integration's); `payload` the Parameters/Arguments object as parsed (JSON or
 * YAML: object nodes have property children [key, value], offsets into the text); `memo` as in findViolations.
 */
export function checkDocumentedRules(api: string | Shape, payload: AstNode, memo = false, jsonata = false): Problem[] {
  const violations = findViolations(api, payload, memo, jsonata);
  // A rule broken by what an expression always gives deploys, and fails when the state runs: a warning, no fix.
  return violations.map(({ rule, hit, computed }) => ({
    offset: hit.node.offset,
    length: spanOf(hit.node),
    message: withQuote(rule, computed ? `${hit.message} (with the value its expression always gives, so the state fails when it runs)` : hit.message),
    severity: computed || hit.unsettled ? 'warning' : (rule.severity as Severity),
    source: 'sagemaker',
    code: SageMakerCode.documentedRule,
    data: { rule: rule.id, kind: rule.kind, documentation: { shape: rule.source.shape, member: rule.source.member, quote: rule.source.quote }, ...(hit.fix && !computed ? { fix: relativeFix(hit.fix, hit.node.offset) } : {}) },
  }));
}

/**
 * The same rules on a request as a plain value (the emulator's CreateTrainingJob body): the messages
 * without positions, with the documentation (`message`) and without it (`summary`, as SageMaker's own
 * ValidationException would say it).
 */
export function documentedRuleViolations(api: string, request: unknown): { rule: string; severity: 'error' | 'warning'; message: string; summary: string }[] {
  const tree = parseTree(JSON.stringify(request) ?? 'null') as AstNode | undefined;
  if (!tree) return [];
  return findViolations(api, tree, false, false).map(({ rule, hit }) => ({ rule: rule.id, severity: hit.unsettled ? 'warning' : rule.severity, message: withQuote(rule, hit.message), summary: hit.message }));
}

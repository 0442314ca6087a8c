// What one documented rule (documentedRules.ts) finds in one object of its scope: how the rule's paths read a request
// (members, `.$` keys, the items of a list, values computed from literals), whether its conditions hold, and the check
// of each kind of relation (CHECKS). Silent where a value it needs is dynamic: it never guesses. documentedRules.ts
// says which rules apply where in a request and what their findings say.
import { hasPlaceholder, isJsonata, knownStringOf, literalConstant, literalParts } from '../expressions/index';
import type { AstNode } from '../core/types';
import { codePointLength, trimChar } from '../core/text';
import { property } from '../core/tree';
import type { Condition, DocumentedRule, RuleKind, Scalar } from './documentedRules';

/** What a quick fix writes: replace a value, add a member to an object, or remove one (the nodes, so it moves with them). */
export type NodeFix = { kind: 'replace'; node: AstNode; value: Scalar } | { kind: 'insert'; object: AstNode; key: string; value: Scalar } | { kind: 'remove'; key: AstNode };

const utf8 = new TextEncoder();
/** Base64 text without whitespace: groups of four, `=` padding only at the end. */
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
/** The most pattern × text characters matchesPattern compares (what the model's limits allow, with room). */
const MATCH_BUDGET = 4_000_000;
/**
 * Whether `text` matches `pattern`, whose `*` stands for any run of characters (a `*` in the text is a character
 * like another): the greedy two-pointer match, at most text × pattern steps, never exponential.
 */
export function wildcardMatch(pattern: string, text: string): boolean {
  let p = 0, t = 0, star = -1, resume = 0;
  while (t < text.length) {
    if (p < pattern.length && pattern[p] !== '*' && pattern[p] === text[t]) {
      p++;
      t++;
    } else if (p < pattern.length && pattern[p] === '*') {
      star = p++;
      resume = t;
    } else if (star >= 0) {
      p = star + 1;
      t = ++resume;
    } else return false;
  }
  while (p < pattern.length && pattern[p] === '*') p++;
  return p === pattern.length;
}

/** A decimal number as text ("0.1", "-3", "1e-4"); the hyperparameter ranges write their ends so. */
// `\d+(?:\.\d*)?`, not `\d+\.?\d*`: the latter splits a run of digits every way before it fails (quadratic).
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
/** An ISO 8601 duration, signed: PnYnMnWnDTnHnMnS, at least one part, a T only before a time part. */
const ISO_DURATION = /^[+-]?P(?=[\d.]+[YMWDHS]|T)(?:\d+(?:\.\d+)?Y)?(?:\d+(?:\.\d+)?M)?(?:\d+(?:\.\d+)?W)?(?:\d+(?:\.\d+)?D)?(?:T(?=\d)(?:\d+(?:\.\d+)?H)?(?:\d+(?:\.\d+)?M)?(?:\d+(?:\.\d+)?S)?)?$/;

/** An ISO 8601 duration in seconds ("-PT5H", "P1DT2H", "PT30M"), signed; undefined for anything else. */
function durationSeconds(node: AstNode): number | undefined {
  const m = node.type === 'string' ? /^([+-])?P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(node.value as string) : null;
  if (!m || /^[+-]?PT?$/.test(node.value as string)) return undefined;
  const total = Number(m[2] ?? 0) * 86400 + Number(m[3] ?? 0) * 3600 + Number(m[4] ?? 0) * 60 + Number(m[5] ?? 0);
  return m[1] === '-' ? -total : total;
}
/** A timestamp as the AWS SDK takes one in JSON: epoch seconds, or ISO 8601 text with its zone; else undefined. */
function timestampSeconds(node: AstNode): number | undefined {
  if (node.type === 'number') return node.value as number;
  if (node.type !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i.test(node.value as string)) return undefined;
  const ms = Date.parse(node.value as string);
  return Number.isNaN(ms) ? undefined : ms / 1000;
}
// Dynamic, or a blank still to be filled in (a `--generate-cli-skeleton` file): either way a rule cannot know it, and a
// blank's own length check already speaks for it.
const isDynamicNode = (n: AstNode): boolean => n.type === 'string' && (n.value === '' || isJsonata(n.value) || hasPlaceholder(n.value));

/** A field looked up along a rule path: definitely absent, not knowable before run time, or there. */
type Found =
  | { state: 'absent'; container: AstNode; containerLabel: string }
  | { state: 'unknown'; computed?: Computed }
  | { state: 'value'; node: AstNode; key?: AstNode; label: string };

/** A string Step Functions computes (a `.$` value, or in a JSONata request a `{% %}` one): not knowable, but its text may tell how it begins or ends. */
type Computed = { node: AstNode; label: string; dynamic: boolean };

const keyOf = (valueNode: AstNode): AstNode | undefined => (valueNode.parent?.type === 'property' ? valueNode.parent.children![0] : undefined);
export const join = (label: string, name: string) => (label ? `${label}.${name}` : name);

/**
 * The value of `name` in an object node (`dynamic` for `name.$`), or undefined. The last duplicate wins. A value of
 * literals only computed by an intrinsic call or a JSONata expression stands as the value it always has (a new node
 * at the expression, `at.computed` set: what it breaks fails when the state runs).
 */
function member(at: RuleScope, obj: AstNode, name: string): { key: AstNode; value: AstNode; dynamic: boolean } | undefined {
  let found: { key: AstNode; value: AstNode; dynamic: boolean } | undefined;
  const dynamic = `${name}.$`;
  for (const p of obj.children ?? []) {
    const k = p.children?.[0], v = p.children?.[1];
    if (!k || !v) continue;
    if (k.value === name || k.value === dynamic) found = { key: k, value: v, dynamic: k.value === dynamic };
  }
  if (found && found.value.type === 'string' && (found.dynamic || at.jsonata)) {
    const c = literalConstant(found.value.value as string, found.dynamic, at.jsonata);
    const v = c?.value;
    if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') {
      at.computed = true;
      const node = found.value;
      return { key: found.key, value: { type: typeof v as 'number' | 'string' | 'boolean', value: v, offset: node.offset, length: node.length, parent: node.parent }, dynamic: false };
    }
  }
  return found;
}

/**
 * One evaluation of a rule: the object it is about (`node`, named `label` in messages), whether the request is a
 * JSONata state's Arguments (its `{% %}` strings are expressions), and whether a value it read was computed from
 * literals (`computed`: its findings are then warnings).
 */
export interface RuleScope {
  node: AstNode;
  label: string;
  jsonata: boolean;
  computed: boolean;
}

/** A rule path split once: its parts, each a member name and whether it spreads over a list's items (`B[]`). */
const parsedPaths = new Map<string, { name: string; each: boolean }[]>();
function partsOf(path: string): { name: string; each: boolean }[] {
  let parts = parsedPaths.get(path);
  if (!parts) parsedPaths.set(path, (parts = path.split('.').map((p) => (p.endsWith('[]') ? { name: p.slice(0, -2), each: true } : { name: p, each: false }))));
  return parts;
}

/** Every field a path reaches from the rule's object, or from `from` under it ("A.B[].C" gives one result per item of B). */
export function lookup(at: RuleScope, path: string, from: { node: AstNode; label: string } = at): Found[] {
  let frontier: Found[] = [{ state: 'value', node: from.node, label: from.label }];
  for (const { name, each } of partsOf(path)) {
    const next: Found[] = [];
    for (const f of frontier) {
      if (f.state !== 'value') {
        next.push(f);
        continue;
      }
      if (f.node.type !== 'object') {
        next.push({ state: 'unknown' });
        continue;
      }
      const m = member(at, f.node, name);
      if (m && (m.dynamic || isDynamicNode(m.value))) next.push(m.value.type === 'string' ? { state: 'unknown', computed: { node: m.value, label: join(f.label, name), dynamic: m.dynamic } } : { state: 'unknown' });
      else if (!m || m.value.type === 'null') next.push({ state: 'absent', container: f.node, containerLabel: f.label });
      else if (!each) next.push({ state: 'value', node: m.value, key: m.key, label: join(f.label, name) });
      else if (m.value.type !== 'array') next.push({ state: 'unknown' });
      else m.value.children!.forEach((item, i) => next.push(isDynamicNode(item) ? { state: 'unknown' } : { state: 'value', node: item, label: `${join(f.label, name)}[${i}]` }));
    }
    frontier = next;
  }
  return frontier;
}

/**
 * The value of `path` in the nearest object around the scope that has its first member (a rule's `defaultFrom`):
 * undefined where none has it, null where it is there but not a literal (the rule is then silent).
 */
function around(at: RuleScope, path: string): { value: Scalar; label: string } | null | undefined {
  const name = partsOf(path)[0].name;
  for (let n = at.node.parent; n; n = n.parent) {
    if (n.type !== 'object' || !member(at, n, name)) continue;
    const f = lookup(at, path, { node: n, label: '' })[0];
    if (f.state === 'absent') return undefined;
    const v = f.state === 'value' ? scalar(f.node) : undefined;
    return v === undefined ? null : { value: v, label: path };
  }
  return undefined;
}

/** Set: there and meaningful (a boolean only when true). */
const isSet = (f: Found): f is Extract<Found, { state: 'value' }> => f.state === 'value' && !(f.node.type === 'boolean' && f.node.value === false);
/**
 * There for sure, its value known or not: set, or a string of text and template placeholders (`arn:…:${AWS::AccountId}:…`),
 * which deploys as a string of that text whatever the placeholders stand for. Not a `.$` value or JSONata, which may
 * give null or nothing.
 */
const isPresent = (f: Found): boolean =>
  isSet(f) || (f.state === 'unknown' && !!f.computed && !f.computed.dynamic && f.computed.node.type === 'string' && !isJsonata(f.computed.node.value) && literalParts(f.computed.node.value as string).some((p) => p.end > p.start));
export const scalar = (n: AstNode): Scalar | undefined => (n.type === 'string' || n.type === 'number' || n.type === 'boolean' ? n.value : undefined);
const show = (v: Scalar) => (typeof v === 'string' ? v : JSON.stringify(v));
const orList = (xs: Scalar[]) => (xs.length === 1 ? show(xs[0]) : `${xs.slice(0, -1).map(show).join(', ')} or ${show(xs[xs.length - 1])}`);
const andList = (xs: string[]) => (xs.length === 1 ? xs[0] : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);

/**
 * Whether a `when` condition holds: true, false, or undefined when it cannot be known (the rule is then silent). A
 * path through a list ("InstanceConfigs[].InstanceType") holds when any item does (an empty list: it does not).
 */
function holds(at: RuleScope, c: Condition): boolean | undefined {
  const each = lookup(at, c.field).map((f) => holdsFor(f, c));
  return each.includes(true) ? true : each.includes(undefined) ? undefined : false;
}

function holdsFor(f: Found, c: Condition): boolean | undefined {
  if (c.present !== undefined) return isPresent(f) ? c.present : f.state === 'unknown' ? undefined : isSet(f) === c.present;
  if (c.alone) return f.state === 'unknown' ? undefined : isSet(f) && f.node.parent?.parent?.children?.length === 1;
  if (c.minItems !== undefined) return f.state === 'unknown' ? undefined : f.state === 'value' && f.node.type === 'array' ? (f.node.children?.length ?? 0) >= c.minItems : false;
  let v: Scalar | undefined;
  if (f.state === 'unknown') return undefined;
  if (f.state === 'absent') {
    if (c.default === undefined) return c.notOneOf || c.notEndsWithOneOf ? undefined : false;
    v = c.default;
  } else {
    v = scalar(f.node);
    if (v === undefined) return undefined;
  }
  if (c.equals !== undefined) return v === c.equals;
  if (c.oneOf) return c.oneOf.includes(v);
  if (c.notOneOf) return !c.notOneOf.includes(v);
  if (c.startsWithOneOf) return typeof v === 'string' && c.startsWithOneOf.some((p) => v.startsWith(p));
  if (c.endsWithOneOf) return typeof v === 'string' && c.endsWithOneOf.some((p) => v.endsWith(p));
  if (c.notEndsWithOneOf) return typeof v === 'string' ? !c.notEndsWithOneOf.some((p) => v.endsWith(p)) : undefined;
  if (c.bucketEndsWith) {
    if (typeof v !== 'string') return undefined;
    const bucket = v.startsWith('s3://') ? v.slice('s3://'.length).split('/', 1)[0] : undefined;
    return bucket !== undefined && c.bucketEndsWith.some((p) => bucket.endsWith(p));
  }
  return undefined;
}

function describe(c: Condition): string {
  if (c.means) return `${c.field} ${c.means}`;
  if (c.present !== undefined) return `${c.field} is ${c.present ? '' : 'not '}set`;
  if (c.alone) return `${c.field} is set`;
  if (c.minItems !== undefined) return `${c.field} has ${c.minItems} items or more`;
  if (c.equals !== undefined) return `${c.field} is ${show(c.equals)}`;
  if (c.oneOf) return `${c.field} is ${orList(c.oneOf)}`;
  if (c.startsWithOneOf) return `${c.field} is ${orList(c.startsWithOneOf.map((p) => `${p}*`))}`;
  return `${c.field} is not ${orList(c.notOneOf!)}`;
}

// Each part has one way to match (`\d+\.?\d*` had as many as digits, quadratic on a long run of them).
const numericText = /^\s*[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?\s*$/;
/** A literal number, or with `fromString` a string that holds one (a hyperparameter range's "0.5"). */
const numberOf = (f: Found, fromString = false): number | undefined =>
  f.state !== 'value' ? undefined
  : f.node.type === 'number' ? f.node.value
  : fromString && f.node.type === 'string' && numericText.test(f.node.value) ? Number(f.node.value)
  : undefined;

/**
 * A literal number sum over paths, or undefined when any term is dynamic, not a number, or absent without a
 * documented default; `defaulted` lists the terms counted at their default.
 */
function sum(at: RuleScope, paths: string[], defaults?: Record<string, number>, fromString = false): { total: number; parts: number[]; defaulted: string[] } | undefined {
  const parts: number[] = [];
  const defaulted: string[] = [];
  for (const p of paths) {
    const f = lookup(at, p)[0];
    const byDefault = f.state === 'absent' ? defaults?.[p] : undefined;
    if (byDefault !== undefined) defaulted.push(p);
    const n = byDefault ?? numberOf(f, fromString);
    if (n === undefined) return undefined;
    parts.push(n);
  }
  return { total: parts.reduce((a, b) => a + b, 0), parts, defaulted };
}

export interface Hit {
  node: AstNode;
  message: string;
  fix?: NodeFix;
  /** What the documentation does not settle (a reader may take it or not): a warning, whatever the rule's severity. */
  unsettled?: boolean;
}

/** Where a finding about a missing field goes: the key of the object that lacks it, else that object. */
const missingAt = (f: Extract<Found, { state: 'absent' }>): AstNode => keyOf(f.container) ?? f.container;
/** Where a finding about a present field goes: its key. */
const presentAt = (f: Extract<Found, { state: 'value' }>): AstNode => f.key ?? f.node;

/** A rule's `when`, as a list (made once per rule: rules are evaluated for every request of every keystroke). */
const conditionLists = new Map<DocumentedRule, readonly Condition[]>();
export function conditionsOf(rule: DocumentedRule): readonly Condition[] {
  let list = conditionLists.get(rule);
  if (!list) conditionLists.set(rule, (list = rule.when === undefined ? [] : Array.isArray(rule.when) ? rule.when : [rule.when]));
  return list;
}

/** Whether `s` ends (`atEnd`) or begins with `affix`. */
const hasAffix = (s: string, affix: string, atEnd: boolean): boolean => (atEnd ? s.endsWith(affix) : s.startsWith(affix));

/**
 * An affix rule on a computed string whose text shows how it always ends (begins): `States.Format('{}-metadata', $.x)`
 * always ends with "-metadata", `{% $x & '-mask' %}` never with "-ref". What it breaks fails when the state runs
 * (`at.computed`: a warning). Silent where the text leaves the affix open (an end too short to tell).
 */
function computedAffix(rule: DocumentedRule, at: RuleScope, c: Computed, when: string): Hit[] {
  const value = c.node.value as string;
  const known = c.dynamic || at.jsonata ? knownStringOf(value, c.dynamic) : undefined;
  const atEnd = rule.prefix === undefined;
  const part = atEnd ? known?.suffix : known?.prefix;
  if (!part) return [];
  const affixes = [rule.prefix ?? rule.suffix!].flat();
  // Whether the value always has the affix there, or never can: only where the known text is at least as long.
  const always = (a: string) => hasAffix(part, a, atEnd);
  const never = (a: string) => part.length >= a.length && !always(a);
  const verb = atEnd ? 'end' : 'begin';
  const written = `${c.label}${c.dynamic ? '.$' : ''} = ${JSON.stringify(value)} always ${verb}s with ${JSON.stringify(part)}`;
  if (rule.not) {
    const found = affixes.find(always);
    if (found === undefined) return [];
    at.computed = true;
    return [{ node: c.node, message: `${written}; it must not ${verb} with ${JSON.stringify(found)}${when}` }];
  }
  if (!affixes.every(never)) return [];
  at.computed = true;
  return [{ node: c.node, message: `${written}; it must ${verb} with ${affixes.length > 1 ? 'one of ' : ''}${orList(affixes.map((a) => JSON.stringify(a)))}${when}` }];
}

/**
 * The members a rule cannot find anything without, checked by name before its lookups (most rules are about members
 * a request seldom has): the first member of each condition's path that is not "not set" and has no documented
 * default (absent, the condition is false or unknown), and the field or list the rule judges where the kind finds
 * nothing in an absent one (what `requires`, `atLeastOne` or a sum with defaults judges may well be absent).
 */
const JUDGES_PRESENT: Partial<Record<RuleKind, (rule: DocumentedRule) => string | undefined>> = {
  forbidden: (r) => r.field,
  exclusive: (r) => r.field,
  max: (r) => r.field,
  range: (r) => r.field,
  bytesMax: (r) => r.field,
  lengthMax: (r) => r.field,
  countMin: (r) => r.field,
  sumMax: (r) => r.field,
  affix: (r) => r.field,
  listContains: (r) => r.field,
  unique: (r) => r.list,
  sameValue: (r) => r.list,
  namedIn: (r) => r.field,
  keysIn: (r) => r.field,
  format: (r) => r.field,
  priceIn: (r) => r.field,
  matchesPattern: (r) => r.wildcards ?? r.field,
  spanMax: (r) => r.fields?.[1],
  allOrNone: (r) => r.list,
  combinationsAtLeast: (r) => r.field,
};
const triggerLists = new Map<DocumentedRule, readonly string[]>();
function triggersOf(rule: DocumentedRule): readonly string[] {
  let list = triggerLists.get(rule);
  if (!list) {
    const needed = conditionsOf(rule).filter((c) => c.present !== false && c.default === undefined).map((c) => c.field);
    const judged = JUDGES_PRESENT[rule.kind]?.(rule);
    triggerLists.set(rule, (list = [...new Set([...needed, ...(judged ? [judged] : [])].map((path) => partsOf(path)[0].name))]));
  }
  return list;
}
const hasMember = (obj: AstNode, name: string): boolean =>
  obj.type === 'object' && !!obj.children?.some((p) => {
    const k = p.children?.[0]?.value;
    return typeof k === 'string' && k.startsWith(name) && (k.length === name.length || (k.length === name.length + 2 && k.endsWith('.$')));
  });

export function evaluate(rule: DocumentedRule, at: RuleScope): Hit[] {
  for (const name of triggersOf(rule)) if (!hasMember(at.node, name)) return [];
  const conditions = conditionsOf(rule);
  for (const c of conditions) if (holds(at, c) !== true) return [];
  return CHECKS[rule.kind](rule, new CheckContext(rule, at, conditions));
}

/**
 * What the checks of a rule whose conditions hold share: the object the rule is about (`at`: its node `scope`, named
 * `label`), the conditions and their words (`when`, " when …", empty without one), and the lookups every kind makes,
 * each computed only when a check calls it. Made once per evaluation.
 */
class CheckContext {
  readonly scope: AstNode;
  readonly label: string;
  readonly when: string;

  constructor(
    private readonly rule: DocumentedRule,
    readonly at: RuleScope,
    readonly conditions: readonly Condition[],
  ) {
    this.scope = at.node;
    this.label = at.label;
    this.when = conditions.length ? ` when ${andList(conditions.map(describe))}` : '';
  }

  /** The first field `path` reaches from the object. */
  first(path: string): Found {
    return lookup(this.at, path)[0];
  }

  /** A path from the object, named as messages name it. */
  labelOf(path: string): string {
    return join(this.label, path);
  }

  /** Where a finding about the object as a whole goes: the member the rule names (`at`), a condition's member, else the object's key. */
  anchor(): AstNode {
    const a = this.rule.at ? this.first([this.rule.at].flat()[0]) : undefined;
    if (a?.state === 'value') return presentAt(a);
    const c = this.conditions.map((x) => this.first(x.field)).find(isSet);
    return c ? presentAt(c) : (keyOf(this.scope) ?? this.scope);
  }

  /** The member the rule names besides its field (`at`), flagged with the same message: both are party to it. */
  alsoAt(message: string): Hit[] {
    const a = this.rule.at ? this.first([this.rule.at].flat()[0]) : undefined;
    return a?.state === 'value' ? [{ node: presentAt(a), message }] : [];
  }
}

/** What one kind of rule finds in an object whose conditions hold. */
type Check = (rule: DocumentedRule, ctx: CheckContext) => Hit[];

/** exactlyOne and atLeastOne: how many of the rule's fields are set. */
function howManySet(rule: DocumentedRule, ctx: CheckContext): Hit[] {
  const results = rule.fields!.map((p) => lookup(ctx.at, p));
  const set = rule.fields!.filter((_, i) => results[i].some(isSet));
  const unknown = results.some((r) => r.some((f) => f.state === 'unknown'));
  const names = rule.fields!.map((p) => ctx.labelOf(p));
  if (rule.kind === 'exactlyOne' && set.length > 1) {
    const second = lookup(ctx.at, set[1]).find(isSet)!;
    return [{ node: presentAt(second), message: `Specify only one of ${orList(names)}, not ${andList(set.map((p) => ctx.labelOf(p)))} together${ctx.when}` }];
  }
  if (set.length === 0 && !unknown) {
    const what = names.length === 1 ? `${names[0]} is required` : `Specify ${rule.kind === 'exactlyOne' ? 'one of' : 'at least one of'} ${orList(names)}`;
    return [{ node: ctx.anchor(), message: `${what}${ctx.when}` }];
  }
  return [];
}

/** max and range: a number within the rule's bounds. */
function withinBounds(rule: DocumentedRule, ctx: CheckContext): Hit[] {
  const f = ctx.first(rule.field!);
  if (f.state !== 'value') return [];
  const v = numberOf(f, rule.numericString);
  if (v === undefined) return [];
  const broken: string[] = [];
  if (rule.min !== undefined && v < rule.min) broken.push('min');
  if (rule.max !== undefined && v > rule.max) broken.push('max');
  if (rule.exclusiveMin !== undefined && v <= rule.exclusiveMin) broken.push('exclusiveMin');
  if (rule.exclusiveMax !== undefined && v >= rule.exclusiveMax) broken.push('exclusiveMax');
  if (!broken.length) return [];
  const bounds =
    rule.min !== undefined && rule.max !== undefined
      ? `it must be between ${rule.min} and ${rule.max}`
      : rule.kind === 'max'
        ? `at most ${rule.max} is allowed`
        : `it must be ${[
            rule.min !== undefined ? `at least ${rule.min}` : '',
            rule.exclusiveMin !== undefined ? `greater than ${rule.exclusiveMin}` : '',
            rule.max !== undefined ? `at most ${rule.max}` : '',
            rule.exclusiveMax !== undefined ? `less than ${rule.exclusiveMax}` : '',
          ].filter(Boolean).join(' and ')}`;
  const clamp = broken[0] === 'min' ? rule.min : broken[0] === 'max' ? rule.max : undefined;
  const fix: NodeFix | undefined =
    rule.severity === 'error' && clamp !== undefined && f.node.type === 'number' ? { kind: 'replace', node: f.node, value: clamp } : undefined;
  return [{ node: f.node, message: `${ctx.labelOf(rule.field!)} is ${f.node.type === 'string' ? JSON.stringify(f.node.value) : v}${ctx.when}; ${bounds}`, fix }];
}

/** The check of each kind of rule: a new kind is a new entry here (and in schemas/rules.mjs's KINDS). */
const CHECKS: { [K in RuleKind]: Check } = {
  requires(rule, ctx) {
    // A path through a list ("Specifications[].InstanceType") requires the field of every item.
    if (rule.field!.includes('[]')) {
      return lookup(ctx.at, rule.field!).flatMap((f): Hit[] => (f.state === 'absent' && f.container !== ctx.scope ? [{ node: f.container, message: `${ctx.labelOf(rule.field!)} is required${ctx.when}` }] : []));
    }
    const f = ctx.first(rule.field!);
    if (f.state !== 'absent') return [];
    // Written as null (an empty YAML `ResourceConfig:` while typing): the null has its own finding, its type's.
    if (property(f.container, rule.field!.split('.').pop()!)?.type === 'null') return [];
    let fix: NodeFix | undefined;
    const from = rule.fixFrom ? ctx.first(rule.fixFrom) : undefined;
    const value = from?.state === 'value' ? scalar(from.node) : undefined;
    if (value !== undefined && f.container !== ctx.scope) {
      fix = { kind: 'insert', object: f.container, key: rule.field!.split('.').pop()!, value };
    }
    const node = f.container === ctx.scope ? ctx.anchor() : missingAt(f);
    return [{ node, message: `${ctx.labelOf(rule.field!)} is required${ctx.when}`, fix }];
  },
  forbidden(rule, ctx) {
    // A path through a list ("InputDataConfig[].SampleWeightAttributeName") forbids the field in every item.
    const set = (rule.field!.includes('[]') ? lookup(ctx.at, rule.field!) : [ctx.first(rule.field!)]).filter(isSet);
    if (!set.length) return [];
    const c = ctx.conditions[0];
    const messageOf = (f: Found & { label: string }) => (c?.notOneOf ? `${f.label} is allowed only when ${c.field} is ${orList(c.notOneOf)}` : `${f.label} must not be set${ctx.when}`);
    // A member that holds it (`at`: StrategyConfig around HyperbandStrategyConfig) is flagged too, without the fix.
    return [...set.map((f): Hit => ({ node: presentAt(f), message: messageOf(f), fix: f.key ? { kind: 'remove', key: f.key } : undefined })), ...ctx.alsoAt(messageOf(set[0]))];
  },
  exclusive(rule, ctx) {
    // Either side there for sure, its value known or not (text with a placeholder inside).
    const own = lookup(ctx.at, rule.field!).find(isPresent);
    if (!own) return [];
    const others = rule.with!.filter((p) => lookup(ctx.at, p).some(isPresent)).map((p) => ctx.labelOf(p));
    if (!others.length) return [];
    const node = own.state === 'value' ? presentAt(own) : own.state === 'unknown' && own.computed ? (keyOf(own.computed.node) ?? own.computed.node) : ctx.scope;
    return [{ node, message: `${ctx.labelOf(rule.field!)} cannot be used together with ${andList(others)}${ctx.when}` }];
  },
  exactlyOne: howManySet,
  atLeastOne: howManySet,
  lessOrEqual(rule, ctx) {
    // One side through a list (`Phases[].DurationInSeconds`): each item against the other side.
    if (rule.lhs!.length === 1 && rule.lhs![0].includes('[]')) {
      const r = sum(ctx.at, rule.rhs!, rule.defaults, rule.numericString);
      if (!r) return [];
      return lookup(ctx.at, rule.lhs![0]).flatMap((f): Hit[] => {
        if (f.state !== 'value') return [];
        const v = numberOf(f, rule.numericString);
        if (v === undefined || (rule.strict ? v < r.total : v <= r.total)) return [];
        return [{ node: presentAt(f), message: `${f.label} (${v}) must be ${rule.strict ? 'less than' : 'at most'} ${rule.rhs!.map((p) => ctx.labelOf(p)).join(' + ')} (${r.total})` }];
      });
    }
    const l = sum(ctx.at, rule.lhs!, rule.defaults, rule.numericString);
    const r = sum(ctx.at, rule.rhs!, rule.defaults, rule.numericString);
    if (!l || !r || (rule.strict ? l.total < r.total : l.total <= r.total)) return [];
    const side = (paths: string[], s: { total: number }) => `${paths.map((p) => ctx.labelOf(p)).join(' + ')} (${s.total})`;
    const defaulted = [...l.defaulted, ...r.defaulted];
    const because = defaulted.length ? ` because ${andList(defaulted.map((p) => `${ctx.labelOf(p)} is not set (${rule.defaults![p]} by default)`))}` : '';
    const single = rule.lhs!.length === 1 && rule.rhs!.length === 1 && !rule.strict && !rule.noFix;
    // Each `at` is told from its own side: the left one must be at most the right, the right one at least the left.
    return [rule.at!].flat().flatMap((path): Hit[] => {
      const at = ctx.first(path);
      if (at.state !== 'value') return [];
      const atRight = rule.rhs!.includes(path);
      const message = (atRight
        ? `${side(rule.rhs!, r)} must be ${rule.strict ? 'greater than' : 'at least'} ${side(rule.lhs!, l)}`
        : `${side(rule.lhs!, l)} must be ${rule.strict ? 'less than' : 'at most'} ${side(rule.rhs!, r)}`) + because;
      const fix: NodeFix | undefined = single ? { kind: 'replace', node: at.node, value: atRight ? l.total : r.total } : undefined;
      return [{ node: at.node, message, fix }];
    });
  },
  max: withinBounds,
  range: withinBounds,
  productMax(rule, ctx) {
    const defaulted = rule.fields!.filter((p) => rule.defaults?.[p] !== undefined && ctx.first(p).state === 'absent');
    const vs = rule.fields!.map((p) => (defaulted.includes(p) ? rule.defaults![p] : numberOf(ctx.first(p))));
    if (vs.some((v) => v === undefined)) return [];
    const product = (vs as number[]).reduce((a, b) => a * b, 1);
    if (product <= rule.max!) return [];
    const at = ctx.first([rule.at ?? rule.fields![0]].flat()[0]);
    const node = at.state === 'value' ? at.node : ctx.anchor();
    const message = `${rule.fields!.map((p) => ctx.labelOf(p)).join(' × ')} is ${vs.join(' × ')} = ${product}`;
    if (!defaulted.length) return [{ node, message: `${message}; at most ${rule.max} is allowed` }];
    // A default counted in: say so, and what each field may be with the others as they are.
    const unset = andList(defaulted.map((p) => `${ctx.labelOf(p)} is not set (${rule.defaults![p]} by default)`));
    const bounds = rule.fields!
      .map((p, i) => ({ p, most: Math.floor((rule.max! * vs[i]!) / product) }))
      .filter((b) => b.most >= 1)
      .map((b) => `${ctx.labelOf(b.p)} to at most ${b.most}`);
    return [{ node, message: `${message} because ${unset}; at most ${rule.max} is allowed${bounds.length ? `: set ${orList(bounds)}` : ''}` }];
  },
  combinationsAtLeast(rule, ctx) {
    // How many distinct combinations the ranges offer: each categorical range its Values, each integer range the
    // integers from MinValue to MaxValue. Only where every range is written out and none offers values without end.
    const f = ctx.first(rule.field!);
    const most = numberOf(f);
    if (most === undefined || f.state !== 'value') return [];
    if (rule.unbounded!.some((p) => lookup(ctx.at, p).some((l) => l.state === 'unknown' || (l.state === 'value' && (l.node.type !== 'array' || !!l.node.children?.length))))) return [];
    const counts: number[] = [];
    for (const [path, count] of [
      [rule.valuesIn!, (item: RuleScope['node']) => {
        const values = lookup(ctx.at, 'Values', { node: item, label: '' })[0];
        return values.state === 'value' && values.node.type === 'array' && !values.node.children!.some(isDynamicNode) ? values.node.children!.length : undefined;
      }],
      [rule.spansIn!, (item: RuleScope['node']) => {
        const [lo, hi] = ['MinValue', 'MaxValue'].map((m) => numberOf(lookup(ctx.at, m, { node: item, label: '' })[0], true));
        return lo !== undefined && hi !== undefined && Number.isInteger(lo) && Number.isInteger(hi) && hi >= lo ? hi - lo + 1 : undefined;
      }],
    ] as const) {
      // A list computed whole, or an item of one, is an unknown item here: no count.
      for (const item of lookup(ctx.at, `${path}[]`)) {
        if (item.state === 'absent') continue;
        const n = item.state === 'value' ? count(item.node) : undefined;
        if (n === undefined) return [];
        counts.push(n);
      }
    }
    if (!counts.length) return [];
    const total = counts.reduce((a, n) => a * n, 1);
    if (most <= total) return [];
    const product = counts.length > 1 ? `${counts.join(' × ')} = ${total}` : `${total}`;
    return [{ node: f.node, message: `${ctx.labelOf(rule.field!)} is ${most}${ctx.when}, more than the ${product} distinct combinations its ranges offer (SageMaker refuses a tuning job of fewer): give the ranges more values, or launch at most ${total} training jobs`, fix: rule.severity === 'error' && f.node.type === 'number' ? { kind: 'replace', node: f.node, value: total } : undefined }];
  },
  countMax(rule, ctx) {
    // Flagged on the last list written (in the text) that counts: the one that took the total over. The member
    // whole, its name and its items, as the model's own too-many-items.
    let count = 0;
    const where: AstNode[] = [];
    let entries = false;
    // The items of a `[]` list that count (TrainingJobDefinitions[0], [1]…): a total over one item alone is that
    // item's own limit, which its own rule (or the model) says; said once, not twice.
    const items = new Set<string>();
    for (const p of rule.lists!) {
      for (const f of lookup(ctx.at, p)) {
        if (f.state !== 'value' || (f.node.type !== 'array' && f.node.type !== 'object')) continue;
        const n = f.node.children?.length ?? 0;
        count += n;
        entries ||= f.node.type === 'object';
        if (n) where.push(f.key?.parent?.type === 'property' ? f.key.parent : presentAt(f));
        if (n && p.includes('[]')) items.add(f.label.slice(0, f.label.indexOf(']') + 1));
      }
    }
    if (count <= rule.max! || !where.length) return [];
    if (rule.lists!.every((p) => p.includes('[]')) && items.size === 1) return [];
    const several = rule.lists!.length > 1 || rule.lists![0].includes('[]');
    const what = `${count} ${entries ? 'entries' : 'items'}${several ? ' in total' : ''}`;
    const message = `${andList(rule.lists!.map((p) => ctx.labelOf(p)))} ${several ? 'have' : 'has'} ${what}${ctx.when}; at most ${rule.max} ${rule.max === 1 ? 'is' : 'are'} allowed`;
    return [{ node: where.reduce((a, b) => (b.offset > a.offset ? b : a)), message }];
  },
  unique(rule, ctx) {
    // With `oneOf`, only those values may not repeat (one MultiModel container in a pipeline); others may. With
    // `fields` (paths, through lists or not) instead of `list` and `key`, their values together (a processing job's
    // input and output names; a text classification job's content and target columns), each earlier one named by its path.
    const seen = new Map<Scalar, string>();
    const hits: Hit[] = [];
    const values = rule.fields
      ? rule.fields.flatMap((p) => lookup(ctx.at, p).map((k) => ({ k, key: p.slice(p.lastIndexOf('.') + 1), where: k.state === 'value' ? k.label : '' })))
      : lookup(ctx.at, rule.list! + '[]').flatMap((item) => (item.state === 'value' ? [{ k: lookup(ctx.at, rule.key!, item)[0], key: rule.key!, where: item.label }] : []));
    const rest = rule.oneOf ? `only one item of ${ctx.labelOf(rule.list!)} can have it` : rule.fields ? `${andList(rule.fields.map((p) => ctx.labelOf(p)))} must ${rule.fields.some((p) => p.includes('[]')) ? 'all ' : ''}be different` : `each ${rule.key} in ${ctx.labelOf(rule.list!)} must be different`;
    for (const { k, key, where } of values) {
      if (k.state !== 'value' || k.node.type !== 'string' || (rule.oneOf && !rule.oneOf.includes(k.node.value))) continue;
      const earlier = seen.get(k.node.value);
      if (earlier) hits.push({ node: k.node, message: `${key} ${JSON.stringify(k.node.value)} is already used by ${earlier}; ${rest}` });
      else seen.set(k.node.value, where);
    }
    return hits;
  },
  sameValue(rule, ctx) {
    // One value of `key` in every item of the list that sets it: an item that disagrees with the first is flagged.
    let head: { value: Scalar; label: string } | undefined;
    const hits: Hit[] = [];
    for (const item of lookup(ctx.at, rule.list! + '[]')) {
      if (item.state !== 'value') continue;
      const k = lookup(ctx.at, rule.key!, item)[0];
      const v = k.state === 'value' ? scalar(k.node) : undefined;
      if (k.state !== 'value' || v === undefined) continue;
      if (!head) head = { value: v, label: item.label };
      else if (v !== head.value) hits.push({ node: k.node, message: `${k.label} is ${show(v)} but ${head.label}.${rule.key} is ${show(head.value)}; every item of ${ctx.labelOf(rule.list!)} must have the same ${rule.key}` });
    }
    return hits;
  },
  namedIn(rule, ctx) {
    // A name that must be the `key` of an item of `list` (a feature group's record identifier among its features);
    // silent while the list or a name in it is dynamic (it may be the one).
    const f = ctx.first(rule.field!);
    if (f.state !== 'value' || f.node.type !== 'string') return [];
    const found = lookup(ctx.at, rule.list! + '[]');
    const items = found.filter((i): i is Extract<Found, { state: 'value' }> => i.state === 'value');
    if (!items.length || items.length !== found.length) return [];
    const named = items.map((item) => ({ item, name: lookup(ctx.at, rule.key!, item)[0] }));
    if (named.some((n) => n.name.state === 'unknown')) return [];
    const match = named.find((n) => n.name.state === 'value' && n.name.node.value === f.node.value);
    if (!match) return [{ node: presentAt(f), message: `${f.label} ${JSON.stringify(f.node.value)} is no ${rule.key} in ${ctx.labelOf(rule.list!)}` }];
    if (!rule.itemValue) return [];
    const v = lookup(ctx.at, rule.itemValue.field, match.item)[0];
    const value = v.state === 'value' ? scalar(v.node) : undefined;
    if (v.state !== 'value' || value === undefined || rule.itemValue.oneOf.includes(value)) return [];
    return [{ node: v.node, message: `${v.label} is ${show(value)}, and ${f.label} names it; it must be ${orList(rule.itemValue.oneOf)}` }];
  },
  keysIn(rule, ctx) {
    // Every key of the map `field` must be the value of one of `namedBy` (aggregation only for the target column);
    // silent while the map or a name is dynamic.
    const f = ctx.first(rule.field!);
    if (f.state !== 'value' || f.node.type !== 'object') return [];
    const names = rule.namedBy!.map((p) => ctx.first(p));
    if (names.some((n) => n.state === 'unknown' || (n.state === 'value' && n.node.type !== 'string'))) return [];
    // A name not set is the required-member check's finding, not this rule's.
    const named = names.flatMap((n, i) => (n.state === 'value' ? [{ name: n.node.value as string, by: rule.namedBy![i] }] : []));
    if (!named.length) return [];
    const allowed = named.map((n) => n.name);
    const said = named.map((n) => `${ctx.labelOf(n.by)} (${JSON.stringify(n.name)})`);
    return (f.node.children ?? []).flatMap((p): Hit[] => {
      const k = p.children?.[0];
      if (!k || typeof k.value !== 'string') return [];
      const name = k.value.endsWith('.$') ? k.value.slice(0, -2) : k.value;
      if (allowed.includes(name) || isDynamicNode(k)) return [];
      if (rule.whereValueHas) {
        const v = p.children?.[1];
        const member = v?.type === 'object' ? v.children?.find((m) => m.children?.[0]?.value === rule.whereValueHas)?.children?.[0] : undefined;
        if (!member) return [];
        return [{ node: member, message: `${f.label} sets ${rule.whereValueHas} for ${JSON.stringify(name)}; ${rule.whereValueHas} is only for ${said.join(' or ')}` }];
      }
      return [{ node: k, message: `${f.label} has the key ${JSON.stringify(name)}; its keys can only be ${said.join(' or ')}` }];
    });
  },
  allOrNone(rule, ctx) {
    const items = lookup(ctx.at, rule.list! + '[]').filter((f): f is Extract<Found, { state: 'value' }> => f.state === 'value' && f.node.type === 'object');
    const states = items.map((i) => lookup(ctx.at, rule.key!, i)[0]);
    const withKey = items.filter((_, i) => isSet(states[i]));
    if (!withKey.length) return [];
    return items
      .filter((_, i) => states[i].state === 'absent')
      .map((i) => ({ node: i.node, message: `${i.label} has no ${rule.key} but ${withKey[0].label} has one: set ${rule.key} on every item of ${ctx.labelOf(rule.list!)} or on none` }));
  },
  requiresValue(rule, ctx) {
    // A path through a list ("Channels[].ContentType", "Algorithms[]") judges every item.
    const found = rule.field!.includes('[]') ? lookup(ctx.at, rule.field!) : [ctx.first(rule.field!)];
    return found.flatMap((f): Hit[] => {
      if (f.state === 'unknown') return [];
      // An absent field with its value from around the scope: that value, and the words for where it comes from.
      const inherited = f.state === 'absent' && rule.defaultFrom ? around(ctx.at, rule.defaultFrom.path) : undefined;
      if (inherited === null) return [];
      const absentIs = (v: Scalar) => (inherited ? `is not set (${inherited.label} is ${show(v)})` : `is not set (${show(v)})`);
      if (rule.notOneOf) {
        const v = f.state === 'value' ? scalar(f.node) : inherited?.value;
        if (v === undefined || !rule.notOneOf.includes(v)) return [];
        if (f.state === 'value') {
          const message = `${f.label} is ${show(v)}${ctx.when}; it cannot be ${orList(rule.notOneOf)}`;
          return [{ node: f.node, message }, ...ctx.alsoAt(message)];
        }
        return [{ node: f.container === ctx.scope ? ctx.anchor() : missingAt(f), message: `${ctx.labelOf(rule.field!)} ${absentIs(v)}${ctx.when}; it cannot be ${orList(rule.notOneOf)}` }];
      }
      const v = f.state === 'absent' ? (inherited ? inherited.value : rule.default) : scalar(f.node);
      // A number written as a string ("500") is the type check's finding; its number may well be one of the values.
      if (v === undefined || rule.oneOf!.includes(v) || (typeof v === 'string' && v.trim() !== '' && rule.oneOf!.includes(Number(v)))) return [];
      const is = f.state === 'absent' ? absentIs(v) : `is ${show(v)}`;
      const message = `${f.state === 'value' ? f.label : ctx.labelOf(rule.field!)} ${is}${ctx.when}; it must be ${orList(rule.oneOf!)}`;
      if (f.state === 'value') {
        const fix: NodeFix | undefined = rule.fix !== undefined ? { kind: 'replace', node: f.node, value: rule.fix } : undefined;
        // Where the rule names the member its sentence is about (`at`), that one is flagged too.
        return [{ node: f.node, message, fix }, ...ctx.alsoAt(message)];
      }
      const fix: NodeFix | undefined =
        rule.fix !== undefined ? { kind: 'insert', object: f.container, key: rule.field!.split('.').pop()!, value: rule.fix } : undefined;
      return [{ node: f.container === ctx.scope ? ctx.anchor() : missingAt(f), message, fix }];
    });
  },
  affix(rule, ctx) {
    // A string field's beginning (`prefix`) or end (`suffix`) that must be, or with `not` must not be, the given
    // text or one of the given texts (a documented list of ARNs: their resource part, the region and account vary).
    const f = ctx.first(rule.field!);
    if (f.state === 'unknown' && f.computed) return computedAffix(rule, ctx.at, f.computed, ctx.when);
    if (f.state !== 'value' || f.node.type !== 'string') return [];
    const v = f.node.value as string;
    const atEnd = rule.prefix === undefined;
    const affixes = [rule.prefix ?? rule.suffix!].flat();
    const found = affixes.find((a) => hasAffix(v, a, atEnd));
    if ((found !== undefined) !== !!rule.not) return [];
    // The nearest value the rule allows, where one is obvious (offered, not preferred: the value is the user's): a
    // missing suffix added (a wrong S3DataType is the other answer), a forbidden one cut with the hyphens before
    // it. A missing prefix gets none: a path under another root is not fixed by prepending one; nor does a missing
    // one of several (which one is the user's choice), nor a warning's (a file's suffix: the file is what it is), nor
    // a rule's with `noFix` (a work team's ARN cut short names no work team).
    const affix = found ?? (affixes.length === 1 ? affixes[0] : undefined);
    const fixed = rule.noFix || !atEnd || affix === undefined || rule.severity !== 'error' ? undefined : rule.not ? trimChar(v.slice(0, -affix.length), '-', false) || undefined : v + affix;
    const advice = fixed === undefined ? '' : `: write ${JSON.stringify(fixed)}${rule.not ? ', or another name' : ''}`;
    const texts = rule.not && found !== undefined ? [found] : affixes;
    const what = `${texts.length > 1 ? 'one of ' : ''}${orList(texts.map((a) => JSON.stringify(a)))}`;
    const message = `${f.label} ${JSON.stringify(v)} must ${rule.not ? 'not ' : ''}${atEnd ? 'end' : 'begin'} with ${what}${ctx.when}${advice}`;
    return [{ node: f.node, message, fix: fixed === undefined ? undefined : { kind: 'replace', node: f.node, value: fixed } }];
  },
  samePart(rule, ctx) {
    // The part each value names (a region in an image's or a URL's host), in the request's order: the values that
    // name another part than the first one does are flagged. Values that name none, and dynamic ones, are not judged.
    const patterns = patternsOf(rule);
    const named: { node: AstNode; label: string; part: string }[] = [];
    for (const p of rule.fields!) {
      for (const f of lookup(ctx.at, p)) {
        if (f.state !== 'value' || f.node.type !== 'string') continue;
        const part = patterns.map((re) => re.exec(f.node.value as string)?.[1]).find((x) => x !== undefined);
        if (part !== undefined) named.push({ node: f.node, label: f.label, part });
      }
    }
    named.sort((a, b) => a.node.offset - b.node.offset);
    const [head] = named;
    return named
      .filter((n) => n.part !== head.part)
      .map((n) => ({ node: n.node, message: `${n.label} names the ${rule.part} ${n.part}, ${head.label} names ${head.part}: they must be one ${rule.part}${ctx.when}` }));
  },
  listContains(rule, ctx) {
    // A list that must hold one of some values: silent while an item is dynamic (it may be the one).
    const f = ctx.first(rule.field!);
    if (f.state !== 'value' || f.node.type !== 'array') return [];
    const items = f.node.children!.map((item) => (isDynamicNode(item) ? undefined : scalar(item)));
    if (items.some((v) => v === undefined || rule.oneOf!.includes(v))) return [];
    const wanted = orList(rule.oneOf!.map((v) => JSON.stringify(v)));
    return [{ node: f.node, message: `${f.label} has no ${wanted}; it must hold at least one` }];
  },
  totalLengthMax(rule, ctx) {
    let bytes = 0;
    let where: AstNode | undefined;
    for (const p of rule.maps!) {
      for (const f of lookup(ctx.at, p)) {
        if (f.state !== 'value' || f.node.type !== 'object') continue;
        where ??= presentAt(f);
        for (const prop of f.node.children ?? []) {
          const [k, v] = prop.children ?? [];
          if (!k) continue;
          bytes += utf8.encode(String(k.value).replace(/\.\$$/, '')).length;
          if (v?.type === 'string' && !isDynamicNode(v) && !String(k.value).endsWith('.$')) bytes += utf8.encode(v.value).length;
        }
      }
    }
    if (bytes <= rule.max! || !where) return [];
    return [{ node: where, message: `${andList(rule.maps!.map((p) => ctx.labelOf(p)))}: keys and values are ${bytes} bytes in total; at most ${rule.max} are allowed` }];
  },
  lengthMax(rule, ctx) {
    // A string's length in characters (code points), as the model's length trait counts them, where only the
    // documentation gives the limit; through a list (`A[].B`), every item's.
    return lookup(ctx.at, rule.field!).flatMap((f): Hit[] => {
      if (f.state !== 'value' || f.node.type !== 'string') return [];
      const length = codePointLength(f.node.value as string);
      return length <= rule.max! ? [] : [{ node: presentAt(f), message: `${f.label} is ${length} characters long${ctx.when}; at most ${rule.max} are allowed` }];
    });
  },
  countMin(rule, ctx) {
    // A list the documentation asks a least number of items of (the model's own minimum is lower).
    const hits: Hit[] = [];
    for (const f of lookup(ctx.at, rule.field!)) {
      if (f.state !== 'value' || f.node.type !== 'array') continue;
      const count = f.node.children?.length ?? 0;
      if (count >= rule.min! || f.node.children?.some(isDynamicNode)) continue;
      hits.push({ node: presentAt(f), message: `${f.label} has ${count} item${count === 1 ? '' : 's'}${ctx.when}; at least ${rule.min} ${rule.min === 1 ? 'is' : 'are'} required` });
    }
    return hits;
  },
  sumMax(rule, ctx) {
    // A number in every item of a list, summed over the list (the nodes one BatchAddClusterNodes adds across its
    // instance groups). Silent while any term is computed (the list, an item or the number); an item without the
    // number adds none (the model's missing-required says so). Flagged on the list's member, as countMax flags one.
    const list = rule.field!.slice(0, rule.field!.indexOf('[]'));
    const whole = ctx.first(list);
    if (whole.state !== 'value' || whole.node.type !== 'array') return [];
    const terms: number[] = [];
    for (const f of lookup(ctx.at, rule.field!)) {
      if (f.state === 'absent') continue;
      const n = numberOf(f);
      if (n === undefined) return [];
      terms.push(n);
    }
    const total = terms.reduce((a, b) => a + b, 0);
    if (total <= rule.max!) return [];
    const where = whole.key?.parent?.type === 'property' ? whole.key.parent : presentAt(whole);
    return [{ node: where, message: `${ctx.labelOf(rule.field!)} adds up to ${terms.join(' + ')} = ${total}${ctx.when}; at most ${rule.max} ${rule.max === 1 ? 'is' : 'are'} allowed in one request` }];
  },
  bytesMax(rule, ctx) {
    // A string's UTF-8 length (the model's length trait counts characters: "4 KB" of text outside ASCII is fewer).
    const f = ctx.first(rule.field!);
    if (f.state !== 'value' || f.node.type !== 'string') return [];
    const bytes = utf8.encode(f.node.value).length;
    if (bytes <= rule.max!) return [];
    return [{ node: presentAt(f), message: `${f.label} is ${bytes} bytes in UTF-8${ctx.when}; at most ${rule.max} are allowed` }];
  },
  format(rule, ctx) {
    // A string that holds data in another format: base64 (whitespace aside, as decoders take line breaks) or JSON.
    const f = ctx.first(rule.field!);
    if (f.state !== 'value' || f.node.type !== 'string') return [];
    const text = f.node.value as string;
    if (rule.format === 'base64') {
      const compact = text.replace(/\s+/g, '');
      if (BASE64.test(compact)) return [];
      // Without its closing `=` (RFC 4648 lets a format leave it out): some decoders take it, others refuse it.
      // Words between spaces (`pip install x`) are text, not base64 missing its padding.
      if (/^[A-Za-z0-9+/\r\n]*$/.test(text.trim()) && compact.length % 4 > 1) {
        const padded = text.trimEnd() + '='.repeat(4 - (compact.length % 4));
        return [{ node: presentAt(f), message: `${f.label} is base64 without its closing = padding (its length is no multiple of 4), which decoders that require it refuse${ctx.when}`, fix: { kind: 'replace', node: f.node, value: padded }, unsettled: true }];
      }
      const bad = compact.search(/[^A-Za-z0-9+/=]/);
      const why = bad >= 0 ? `${JSON.stringify(compact[bad])} is no base64 character` : 'its length is no multiple of 4 or its padding is misplaced';
      return [{ node: presentAt(f), message: `${f.label} is not base64 text (${why})${ctx.when}` }];
    }
    const fails = (what: string) => [{ node: presentAt(f), message: `${f.label} is not ${what}${ctx.when}` }];
    switch (rule.format) {
      case 'json':
      case 'jsonObject': {
        let value: unknown;
        try {
          value = JSON.parse(text);
        } catch (e) {
          return fails(`JSON text (${(e as Error).message})`);
        }
        return rule.format === 'json' || (value !== null && typeof value === 'object' && !Array.isArray(value)) ? [] : fails('a JSON object ({"name": …})');
      }
      // Spaces around a number are let through, as the ranges' other rules read them (numericString).
      case 'number':
        return DECIMAL.test(text.trim()) ? [] : fails('a number');
      case 'integer':
        return /^[+-]?\d+$/.test(text.trim()) ? [] : fails('an integer');
      case 'isoDuration':
        return ISO_DURATION.test(text) ? [] : fails('an ISO 8601 duration (such as "-PT5H" or "P1D")');
      default:
        // A format's pattern may backtrack (schemas/backtracking.json lists the compiler options' ones): judged on a
        // text of a length the documentation's values have, a longer one being the model's length finding anyway.
        return text.length > MAX_PATTERN_TEXT || formatPattern(rule).test(text) ? [] : fails(rule.form!);
    }
  },
  priceIn(rule, ctx) {
    // A price in US dollars as SageMaker writes one ({ Dollars, Cents, TenthFractionsOfACent }, an absent part 0),
    // against the prices the documentation lists (`oneOf`) or leaves out for this task (`notOneOf`).
    const f = ctx.first(rule.field!);
    if (f.state !== 'value' || f.node.type !== 'object') return [];
    let tenths = 0;
    for (const [name, scale] of [['Dollars', 1000], ['Cents', 10], ['TenthFractionsOfACent', 1]] as const) {
      const part = lookup(ctx.at, name, f)[0];
      if (part.state === 'unknown' || (part.state === 'value' && (part.node.type !== 'number' || !Number.isInteger(part.node.value)))) return [];
      if (part.state === 'value') tenths += (part.node.value as number) * scale;
    }
    const inTenths = (prices: Scalar[]) => prices.map((x) => Math.round(Number(x) * 1000));
    if (rule.oneOf ? inTenths(rule.oneOf).includes(tenths) : !inTenths(rule.notOneOf!).includes(tenths)) return [];
    const listed = (prices: Scalar[]) => prices.join(', ');
    return [{ node: presentAt(f), message: `${f.label} is ${(tenths / 1000).toFixed(3)} USD${ctx.when}; ${rule.oneOf ? `it must be one of ${listed(rule.oneOf)}` : `it cannot be ${listed(rule.notOneOf!)}`}` }];
  },
  matchesPattern(rule, ctx) {
    // Each value `field` reaches must match one of the `*` wildcard patterns of the list `wildcards` (a partner app's
    // role groups among its assigned group patterns); silent while the list `wildcards` is dynamic, absent or empty.
    // With `globs`, the patterns are the rule's own: the form the documentation gives the value (an ECR image URI).
    const found = rule.globs ? [] : lookup(ctx.at, `${rule.wildcards!}[]`);
    if (!rule.globs && (!found.length || found.some((p) => p.state !== 'value' || p.node.type !== 'string'))) return [];
    const globs = rule.globs ?? found.map((p) => (p as Extract<Found, { state: 'value' }>).node.value as string);
    const values = lookup(ctx.at, rule.field!);
    // A match costs up to pattern × text steps. Past what the model allows (10 patterns and 10 groups of 128
    // characters: 1.6 million steps), its own list and length checks flag the request; this rule stays silent
    // rather than spend seconds on a hostile file.
    const size = (xs: string[]) => xs.reduce((n, x) => n + x.length, 0);
    if (size(globs) * size(values.flatMap((f) => (f.state === 'value' && f.node.type === 'string' ? [f.node.value as string] : []))) > MATCH_BUDGET) return [];
    const shown = globs.slice(0, 5).map((g) => JSON.stringify(g.length > 40 ? g.slice(0, 40) + '…' : g)).join(', ') + (globs.length > 5 ? ', …' : '');
    return values.flatMap((f): Hit[] =>
      f.state !== 'value' || f.node.type !== 'string' || globs.some((g) => wildcardMatch(g, f.node.value as string))
        ? []
        : [{ node: f.node, message: `${f.label} ${JSON.stringify(f.node.value)} matches none of ${rule.globs ? shown : `${ctx.labelOf(rule.wildcards!)} (${shown})`}${ctx.when}` }],
    );
  },
  spanMax(rule, ctx) {
    // Two timestamps (ISO 8601 text or epoch seconds, as the AWS SDK takes them), or with `offsets` two ISO 8601
    // durations ("-PT5H", a monitoring window's ends), at most `max` seconds apart.
    const [from, to] = rule.fields!.map((p) => ctx.first(p));
    const seconds = rule.offsets ? durationSeconds : timestampSeconds;
    const t0 = from.state === 'value' ? seconds(from.node) : undefined;
    const t1 = to.state === 'value' ? seconds(to.node) : undefined;
    if (t0 === undefined || t1 === undefined || t1 - t0 <= rule.max!) return [];
    const span = (x: number) => (x % 86400 === 0 ? `${x / 86400} days` : x % 3600 === 0 ? `${x / 3600} hours` : `${x} seconds`);
    return [{ node: presentAt(to as Extract<Found, { state: 'value' }>), message: `${ctx.labelOf(rule.fields![1])} is ${span(t1 - t0)} after ${ctx.labelOf(rule.fields![0])}${ctx.when}; at most ${span(rule.max!)} are allowed` }];
  },
  entryBytesMax(rule, ctx) {
    // Each key and each literal value of the maps, in UTF-8 bytes (the model's length trait counts characters).
    const hits: Hit[] = [];
    for (const p of rule.maps!) {
      for (const f of lookup(ctx.at, p)) {
        if (f.state !== 'value' || f.node.type !== 'object') continue;
        for (const prop of f.node.children ?? []) {
          const [k, v] = prop.children ?? [];
          if (!k) continue;
          const key = String(k.value).replace(/\.\$$/, '');
          const keyBytes = utf8.encode(key).length;
          // On the member, key and value (`prop`): either may be what is too long to the reader.
          if (keyBytes > rule.max!) hits.push({ node: prop, message: `${f.label} key ${JSON.stringify(key.length > 40 ? key.slice(0, 40) + '…' : key)} is ${keyBytes} bytes in UTF-8; at most ${rule.max} are allowed` });
          const valueBytes = v?.type === 'string' && !isDynamicNode(v) && !String(k.value).endsWith('.$') ? utf8.encode(v.value).length : 0;
          if (valueBytes > rule.max!) hits.push({ node: prop, message: `${f.label} value of ${JSON.stringify(key)} is ${valueBytes} bytes in UTF-8; at most ${rule.max} are allowed` });
        }
      }
    }
    return hits;
  },
};

/** A format rule's own pattern, compiled once (recheck judges it with the schemas' patterns: schemas/backtracking.mjs). */
const compiledFormats = new Map<DocumentedRule, RegExp>();
/** The longest text a format's pattern judges (CompilerOptions, the longest so judged, holds at most 1,024 characters). */
const MAX_PATTERN_TEXT = 4096;

function formatPattern(rule: DocumentedRule): RegExp {
  let re = compiledFormats.get(rule);
  if (!re) compiledFormats.set(rule, (re = new RegExp(rule.pattern!)));
  return re;
}

/** A samePart rule's patterns, compiled once. */
const compiledPatterns = new Map<DocumentedRule, readonly RegExp[]>();
function patternsOf(rule: DocumentedRule): readonly RegExp[] {
  let list = compiledPatterns.get(rule);
  if (!list) compiledPatterns.set(rule, (list = (rule.patterns ?? []).map((p) => new RegExp(p))));
  return list;
}

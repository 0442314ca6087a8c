// Substitutions followed: a placeholder that is a whole value (`InstanceType: ${ScoringInstanceType}`) whose
// value the template states as a literal is checked as that literal, and a finding lands on the literal, where
// the user wrote it. The sources: SAM/CloudFormation `DefinitionSubstitutions` (a literal, or `!Ref` of a
// Parameter with a literal Default) for the definition's own `${…}`; for a `!Sub` string, the Sub's variables,
// then the template's Parameters. Anything else (an intrinsic, a placeholder inside a longer string) stays dynamic.
// What is followed is checked as a string, whatever the literal's own type: CloudFormation writes the Definition out
// as JSON and then replaces each `${key}` as text (DefinitionProcessor.transformDefinition), so `epochs: ${Epochs}`
// with `Epochs: 3` deploys as "epochs": "3" (what HyperParameters wants), and `Seconds: ${Wait}` as "Seconds": "60"
// (which Step Functions refuses); SAM leaves the substitution to CloudFormation, and a `!Sub` is a string.
import { MAX_DEFINITION_CHARS } from '../asl/machineRules';
import { append } from '../core/append';
import { setAlternatives } from '../core/alternatives';
import { markRewritten, restamp } from '../core/findingsCache';
import { closest } from '../core/text';
import { property } from '../core/tree';
import type { AstNode, Problem } from '../core/types';
import { sourceOffset } from '../expressions/index';
import { hasPlaceholder, markDeploysAsString, scanPlaceholders, wholePlaceholder, type Placeholder } from '../expressions/placeholders';
import { intrinsicAt, intrinsicOf, isJoinString, isSubString, subVariablesOf, subVariablesUnknown } from './intrinsics';
import { unresolvedSubVariables, type TemplateNames } from './templateNames';

/** The codes of the findings about a template itself (not the machine it embeds); never renamed, only added. */
export const TemplateCode = {
  unmatchedPlaceholder: 'unmatched-placeholder',
  // A state machine resource's own properties (templates/resource.ts).
  definitionConflict: 'definition-conflict',
  emptySubstitutions: 'empty-substitutions',
  substitutionType: 'substitution-type',
  stateMachineType: 'state-machine-type',
  stateMachineName: 'state-machine-name',
  unknownProperty: 'unknown-property',
  propertyValue: 'property-value',
  // What CloudFormation's text substitution makes of the definition (templates/substitutions.ts placeholderFindings).
  substitutionNotJson: 'substitution-not-json',
  substitutionCycle: 'substitution-cycle',
  // A Sub's ${Name} that names nothing the template has (templates/templateNames.ts).
  unresolvedSubVariable: 'unresolved-sub-variable',
  // A Ref or GetAtt of a state machine resource that names nothing of the template (templates/resource.ts).
  unresolvedReference: 'unresolved-reference',
} as const;

/** A literal value node: a string (without placeholders), number or boolean, untagged. */
function literal(node: AstNode | undefined): AstNode | undefined {
  if (!node || node.tag || !(node.type === 'string' || node.type === 'number' || node.type === 'boolean')) return undefined;
  return node.type === 'string' && hasPlaceholder(node.value) ? undefined : node;
}

/** The template's Parameters with a literal Default. */
export function parameterDefaults(templateRoot: AstNode | undefined): Map<string, AstNode> {
  const out = new Map<string, AstNode>();
  const params = property(templateRoot, 'Parameters');
  for (const p of params?.type === 'object' ? (params.children ?? []) : []) {
    const [key, value] = p.children ?? [];
    const d = literal(property(value, 'Default'));
    if (typeof key?.value === 'string' && d) out.set(key.value, d);
  }
  return out;
}

/** The literal a substitution entry stands for: itself, or the Default of the Parameter it `!Ref`s / `{ Ref: … }`s. */
function entryValue(node: AstNode | undefined, params: Map<string, AstNode>): AstNode | undefined {
  if (node?.tag === '!Ref' && node.type === 'string') return params.get(node.value);
  if (node?.type === 'object' && node.children?.length === 1) {
    const [k, v] = node.children[0].children ?? [];
    return k?.value === 'Ref' && v?.type === 'string' ? params.get(v.value) : undefined;
  }
  return literal(node);
}

/**
 * The two literal branches of a substitution entry written `!If [Cond, a, b]` (tpl46): it deploys as one of them,
 * so a placeholder it fills in stands for one of the two (core/alternatives.ts), each judged where it is written.
 */
function ifBranches(map: AstNode | undefined, name: string): AstNode[] | undefined {
  const value = map?.type === 'object' ? property(map, name) : undefined;
  const intrinsic = value && intrinsicAt(value);
  const branches = intrinsic?.name === 'Fn::If' && intrinsic.arg?.type === 'array' && intrinsic.arg.children?.length === 3 ? intrinsic.arg.children.slice(1) : undefined;
  return branches?.every((b) => literal(b)) ? branches : undefined;
}

/** The literal values of a `DefinitionSubstitutions` map (or a Sub's variables), by name. */
export function entries(map: AstNode | undefined, params: Map<string, AstNode>): Map<string, AstNode> {
  const out = new Map<string, AstNode>();
  for (const p of map?.type === 'object' ? (map.children ?? []) : []) {
    const [key, value] = p.children ?? [];
    const v = entryValue(value, params);
    if (typeof key?.value === 'string' && v) out.set(key.value, v);
  }
  return out;
}


/** The JSON scalar a text reads as (a number, true, false, null, a quoted string), else undefined. */
function bareValue(s: string): string | number | boolean | null | undefined {
  try {
    const v: unknown = JSON.parse(s);
    return v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A followed value as a string: what a placeholder written inside a string deploys as (a type check that refuses
 * it reports on the placeholder, which is what makes it a string: deploysAsString).
 */
function followedString(value: AstNode, placeholder: AstNode): AstNode {
  const followed: AstNode = { type: 'string', value: String(value.value), offset: value.offset, length: value.length };
  markDeploysAsString(followed, placeholder);
  return followed;
}

/**
 * Each whole-value placeholder (`${Name}`, a value, not a key) under `definition`: what holds it, where, its name; and,
 * given `keyNames`, the names of the placeholders written in keys, gathered in the same walk.
 */
function* wholePlaceholders(definition: AstNode, keyNames?: Set<string>): Generator<{ holder: AstNode; index: number; name: string }> {
  const stack = [definition];
  while (stack.length) {
    const node = stack.pop()!;
    const children = node.children ?? [];
    for (let i = 0; i < children.length; i++) {
      const c = children[i];
      const key = node.type === 'property' && i === 0;
      if (key && keyNames && c.type === 'string' && typeof c.value === 'string' && c.value.includes('${')) for (const p of scanPlaceholders(c.value)) keyNames.add(p.name);
      const name = c.type === 'string' && node.type !== 'object' && !key ? wholePlaceholder(c.value) : undefined;
      if (name) yield { holder: node, index: i, name };
      else stack.push(c);
    }
  }
}

/**
 * Replaces, in place, each whole-value placeholder under `definition` with what `follow` gives for it, if anything,
 * and marks what holds it as rewritten: the definition no longer reads as its text, so its findings are not kept by
 * text (core/findingsCache.ts).
 */
function replaceWholePlaceholders(definition: AstNode, follow: (placeholder: AstNode, name: string) => AstNode | undefined): number {
  let replaced = 0;
  // A name a key holds too (a state named `${First}`, and `"StartAt": "${First}"`) is not followed: the key keeps its
  // placeholder, and the value followed alone would no longer name it (the review of the day: StartAt "Invoke" is not a state).
  const inKeys = new Set<string>();
  const found = [...wholePlaceholders(definition, inKeys)];
  for (const { holder, index, name } of found) {
    if (inKeys.has(name)) continue;
    const value = follow(holder.children![index], name);
    if (!value) continue;
    value.parent = holder; // a node made for this place (its marks kept)
    holder.children![index] = value;
    markRewritten(holder);
    // A tree re-parsed in place from one where no literal stood here (a key renamed and back) keeps its nodes and
    // their stamps: what was found without the literal must not be reused.
    restamp(holder);
    replaced++;
  }
  return replaced;
}

/**
 * Replaces, in place, each whole-value placeholder under `definition` that has a literal value with a copy of that
 * literal (its offsets the literal's), as a string. `subs` are the strings that were a Sub's, with their variables.
 * Returns how many it replaced.
 */
export function followSubstitutions(definition: AstNode, substitutions: AstNode | undefined, subs: Map<AstNode, AstNode | undefined>, params: Map<string, AstNode>): number {
  const own = entries(substitutions, params);
  return replaceWholePlaceholders(definition, (c, name) => {
    const value = subs.has(c) ? (entries(subs.get(c), params).get(name) ?? params.get(name)) : own.get(name);
    if (!value) {
      const branches = ifBranches(subs.has(c) ? subs.get(c) : substitutions, name);
      if (branches) setAlternatives(c, branches);
    }
    return value && followedString(value, c);
  });
}

/**
 * Whether the value at `offset` of a DefinitionString's JSON is written in quotes: `"` in a YAML block or a quoted
 * YAML string, `\"` inside a JSON string (templates/encodedDefinition.ts places a decoded character on its escape).
 */
const inQuotes = (text: string, offset: number): boolean => text.charCodeAt(offset) === 34 /* " */ || (text.charCodeAt(offset) === 92 /* \ */ && text.charCodeAt(offset + 1) === 34);

/**
 * The same in a DefinitionString read as JSON in place (templates/embedded.ts): the text is substituted before it
 * is parsed, so a placeholder written inside quotes (`"InstanceType": "${Type}"`) becomes a string, and a bare one
 * (`"MaxRuntimeInSeconds": ${Max}`) the literal's own type. A `!Sub` string takes its variables, then the
 * template's Parameters; any other, the resource's DefinitionSubstitutions.
 */
export function followSubstitutionsInText(definition: AstNode, text: string, sub: { variables: AstNode | undefined } | undefined, substitutions: AstNode | undefined, params: Map<string, AstNode>) {
  const own = sub ? entries(sub.variables, params) : entries(substitutions, params);
  replaceWholePlaceholders(definition, (c, name) => {
    const value = own.get(name) ?? (sub ? params.get(name) : undefined);
    if (!value) {
      // Written in quotes, one of an `!If`'s two literal strings.
      const branches = inQuotes(text, c.offset) ? ifBranches(sub ? sub.variables : substitutions, name) : undefined;
      if (branches) setAlternatives(c, branches);
      return undefined;
    }
    if (inQuotes(text, c.offset)) return followedString(value, c);
    // Bare: the value's text becomes JSON text ('2' and 2 both give the number 2); what does not read as one JSON
    // scalar stays a placeholder.
    const json = bareValue(String(value.value));
    if (json === undefined) return undefined;
    return { type: json === null ? 'null' : (typeof json as 'string' | 'number' | 'boolean'), value: json, offset: value.offset, length: value.length };
  });
}

/**
 * Marks each whole-value placeholder under `definition` that no literal replaced as one that deploys as a string
 * (expressions/placeholders.ts): in a Definition object every one (CloudFormation writes it out as JSON and then
 * replaces `${key}` as text, inside its quotes, whether or not a key names it), in a DefinitionString read in place
 * (`text` given) those written in quotes. Not a placeholder an intrinsic stands for (its value's type is
 * CloudFormation's), but in a SAM Definition (`sam`, the template's text): SAM writes its own placeholder in quotes in
 * the intrinsic's place (generators.py), so `TimeoutSeconds: !Ref Timeout` deploys as "TimeoutSeconds": "300" (asl41
 * t09, t10).
 */
export function markStringPlaceholders(definition: AstNode, text?: string, sam?: { text: string }) {
  for (const { holder, index } of wholePlaceholders(definition)) {
    const c = holder.children![index];
    const intrinsic = intrinsicOf(c);
    if ((intrinsic && !sam) || (text !== undefined && !inQuotes(text, c.offset))) continue;
    markDeploysAsString(c, intrinsic && sam ? { value: asWritten(sam.text, c, intrinsic.name), offset: c.offset, length: c.length, sam: true } : c);
    markRewritten(holder);
  }
}

/** An intrinsic as the template writes it (`!Ref Timeout`), for a message; its name when that is long or on several lines. */
function asWritten(text: string, node: AstNode, name: string): string {
  const written = text.slice(node.offset, node.offset + node.length);
  return written.length <= 60 && !written.includes('\n') && !written.includes('\r') ? written : name;
}

/** The keys of a DefinitionSubstitutions map; undefined when they are not written out (an intrinsic: `!If`, `Fn::If`). */
export function substitutionKeys(map: AstNode | undefined): Set<string> | undefined {
  if (!map) return new Set();
  if (map.type !== 'object' || map.tag) return undefined;
  const keys = (map.children ?? []).map((p) => p.children?.[0]?.value);
  if (keys.length === 1 && typeof keys[0] === 'string' && (keys[0] === 'Ref' || keys[0].startsWith('Fn::'))) return undefined;
  return new Set(keys.filter((k): k is string => typeof k === 'string'));
}

/** How a definition is written in its template, for placeholderFindings. */
export interface PlaceholderContext {
  /** JSON decoded from a string: a finding spans the string value that holds the placeholder. */
  encoded?: boolean;
  /** A DefinitionString's JSON text (no Sub around it): a placeholder outside quotes is pasted into the JSON as it is. */
  inText?: boolean;
  /** The template's names, for the Subs inside a Definition object (templates/templateNames.ts); none: not judged. */
  names?: TemplateNames;
  /**
   * The map is a Sub's variables, its string the DefinitionString: only what the values pasted in make of the JSON is
   * judged (the Sub's own `${…}` that no variable names are templates/templateNames.ts's; a Sub replaces once, no loop).
   */
  sub?: boolean;
}

// DefinitionProcessor.transformDefinition, as the findings below quote it.
const REPLACED_AS_TEXT = 'DefinitionProcessor.transformDefinition: StringUtils.replaceEachRepeatedly(definition, "${key}", value.toString())';
// Fn::Sub: "the intrinsic function Fn::Sub substitutes variables in an input string with values that you specify" — as text.
const SUB_REPLACES_AS_TEXT = 'Fn::Sub puts each variable\'s value in place of its ${…} as text';

/**
 * What CloudFormation's text substitution makes of a definition (run after resolveIntrinsics, whose placeholders stand
 * for intrinsics, on the definition as written, before substitutions are followed):
 * - each `${Name}` that no key of its DefinitionSubstitutions names, as a warning: CloudFormation replaces the map's
 *   keys only ("DefinitionSubstitutions: A map (string to string) that specifies the mappings for placeholder
 *   variables in the state machine definition"), so the machine deploys with the text `${Name}` in it, a pseudo
 *   parameter (`${AWS::Region}`) included, which only a Sub replaces; an error where that text is a whole Resource (no
 *   ARN) or, in a DefinitionString's JSON text (`inText`), stands outside quotes (`"TimeoutSeconds": ${Timeout}`: no
 *   JSON, asl41 t07, t19);
 * - a value pasted where it leaves the text no JSON (asl41 t06, t08): the replacement is plain text, no escaping, so a
 *   double quote in a value used inside a JSON string ends that string, and a value that is no JSON text
 *   (`five-minutes`) used outside quotes is no JSON value; an error on the value, or on the bare placeholder;
 * - values that name each other in a loop (`A: ${B}`, `B: ${A}`), reached from the definition: replaceEachRepeatedly
 *   never ends, and throws (asl41 t17);
 * - in a Definition object, a Sub's `${Name}` that names nothing the template has (asl41 t16).
 * None in a Sub's string (the Sub replaces it, or the template does not deploy), in what an intrinsic stands for, or
 * where the keys are not written out.
 */
export function placeholderFindings(definition: AstNode, substitutions: AstNode | undefined, text: string, { encoded = false, inText = false, names, sub = false }: PlaceholderContext = {}): Problem[] {
  const keys = substitutionKeys(substitutions);
  const values = keys && literalValues(substitutions);
  const out: Problem[] = [];
  const used = new Set<string>();
  const quoted = new Set<string>();
  const stack = [definition];
  while (stack.length) {
    const node = stack.pop()!;
    for (const c of node.children ?? []) stack.push(c);
    if (node.type !== 'string' || typeof node.value !== 'string') continue;
    if (isSubString(node)) {
      if (names && !isJoinString(node) && !subVariablesUnknown(node)) append(out, unresolvedSubVariables(node, subVariablesOf(node), names, text, keys));
      continue;
    }
    if (!keys || !values || intrinsicOf(node)) continue;
    const placeholders = scanPlaceholders(node.value);
    if (!placeholders.length) continue;
    const raw = text.slice(node.offset, node.offset + node.length);
    // A bare `${X}` in a DefinitionString's JSON (a placeholder node over its own text) or a string as written; in
    // JSON text written inside a string (`encoded`), the string holding it.
    const span = (from: number, to: number) => {
      const start = encoded ? node.offset : node.offset + (raw.startsWith('${') ? from : sourceOffset(raw, from));
      const end = encoded ? node.offset + node.length : node.offset + (raw.startsWith('${') ? to : sourceOffset(raw, to));
      return { offset: start, length: Math.max(1, end - start) };
    };
    const whole = placeholders.length === 1 && placeholders[0].start === 0 && placeholders[0].end === node.value.length;
    // Bare in JSON text: what CloudFormation pastes there is JSON text itself.
    const bare = inText && whole && !inQuotes(text, node.offset);
    for (const p of placeholders) {
      used.add(p.name);
      if (!sub && !keys.has(p.name)) out.push(unmatched(node, p.name, whole, bare, substitutions, keys, span(p.start, p.end)));
    }
    if (bare) {
      const value = values.get(placeholders[0].name);
      const written = value && String(value.value);
      if (written !== undefined && (!written.trim() || notJsonText(written)))
        out.push(templateError(span(placeholders[0].start, placeholders[0].end), TemplateCode.substitutionNotJson,
          `\${${placeholders[0].name}} is written outside quotes, and its value ${JSON.stringify(written)} is no JSON value: CloudFormation pastes it there as it is (${sub ? SUB_REPLACES_AS_TEXT : REPLACED_AS_TEXT}), which leaves the definition no JSON, and CreateStateMachine refuses it. Give a number, true, false or JSON text as the value, or write the placeholder in quotes`));
      continue;
    }
    // Inside a JSON string: a double quote in a value pasted there ends the string, a backslash starts an escape.
    const valueText = (p: Placeholder) => String(values.get(p.name)?.value ?? '');
    if (!placeholders.some((p) => /["\\]/.test(valueText(p)))) continue;
    const deployed = pastedString(node.value, placeholders, values);
    if (deployed === undefined || !notJsonText(deployed)) continue;
    for (const p of placeholders) {
      const value = values.get(p.name);
      if (!value || !/["\\]/.test(valueText(p)) || quoted.has(p.name)) continue;
      quoted.add(p.name);
      const shown = deployed.length > 80 ? `${deployed.slice(0, 77)}...` : deployed;
      const quote = valueText(p).includes('"');
      out.push(templateError(value, TemplateCode.substitutionNotJson,
        `${p.name}'s value has a ${quote ? 'double quote' : 'backslash'}, and \${${p.name}} is written inside a JSON string of the definition: CloudFormation pastes the value there as it is, without escaping (${sub ? SUB_REPLACES_AS_TEXT : REPLACED_AS_TEXT}), so the definition deployed has ${shown} there, which is no JSON: CreateStateMachine refuses it. Write ${quote ? '\\" for each double quote' : '\\\\ for each backslash'} in the value`));
    }
  }
  const cycle = keys && !sub && substitutionCycle(substitutions, used);
  if (cycle) out.push(cycle);
  return out.sort((a, b) => a.offset - b.offset);
}

const templateError = (at: { offset: number; length: number }, code: string, message: string, data?: Record<string, unknown>): Problem =>
  ({ offset: at.offset, length: Math.max(1, at.length), message, severity: 'error', source: 'asl', code, ...(data ? { data } : {}) });

/** The finding on a `${name}` no key of the DefinitionSubstitutions names (placeholderFindings). */
function unmatched(node: AstNode, name: string, whole: boolean, bare: boolean, substitutions: AstNode | undefined, keys: Set<string>, at: { offset: number; length: number }): Problem {
  const [like] = closest(name, keys);
  const where = substitutions ? `is not a key of this state machine's DefinitionSubstitutions${like ? ` (did you mean \${${like}}?)` : ''}` : 'has no DefinitionSubstitutions entry (the state machine has none)';
  const pseudo = name.startsWith('AWS::') ? '; a pseudo parameter is replaced only inside !Sub / Fn::Sub' : '';
  // A Resource that is only the placeholder deploys as no ARN at all, which Step Functions refuses (SCHEMA_VALIDATION_FAILED).
  const refused = whole && node.parent?.type === 'property' && node.parent.children?.[0]?.value === 'Resource';
  return {
    ...at,
    message: `\${${name}} ${where}: CloudFormation replaces only the keys listed there, so the state machine is deployed with the text "\${${name}}" here${bare ? ', outside quotes, which is no JSON: CreateStateMachine refuses the definition' : refused ? ', which is no ARN: Step Functions refuses the definition' : ''}${pseudo}`,
    severity: refused || bare ? 'error' : 'warning',
    source: 'asl',
    code: TemplateCode.unmatchedPlaceholder,
    data: { name },
  };
}

/** The DefinitionSubstitutions entries written as a string, number or boolean (not an intrinsic: its value is known at deployment only), by key. */
function literalValues(map: AstNode | undefined): Map<string, AstNode> {
  const out = new Map<string, AstNode>();
  for (const p of map?.type === 'object' ? (map.children ?? []) : []) {
    const [key, value] = p.children ?? [];
    if (typeof key?.value === 'string' && value && !value.tag && !intrinsicAt(value) && (value.type === 'string' || value.type === 'number' || value.type === 'boolean')) out.set(key.value, value);
  }
  return out;
}

/**
 * The JSON string token `"…"` a string with placeholders becomes once each is replaced as text by its value (the
 * rest written as JSON writes it); undefined when one of them is a key whose value is not known.
 */
function pastedString(value: string, placeholders: Placeholder[], values: Map<string, AstNode>): string | undefined {
  // Past what Step Functions takes whole (a 1 MiB definition), the size is the finding: no text of a gigabyte is built
  // (the review of the day: a 100 kB value pasted 10,000 times threw, and every finding of the template was lost).
  let size = value.length;
  for (const p of placeholders) size += String(values.get(p.name)?.value ?? '').length;
  if (size > 2 * MAX_DEFINITION_CHARS) return undefined;
  let out = '"';
  let from = 0;
  for (const p of placeholders) {
    const v = values.get(p.name);
    out += JSON.stringify(value.slice(from, p.start)).slice(1, -1) + (v ? String(v.value) : JSON.stringify(value.slice(p.start, p.end)).slice(1, -1));
    from = p.end;
  }
  return out + JSON.stringify(value.slice(from)).slice(1, -1) + '"';
}

// What may follow a backslash in a JSON string: one of its escapes (a `u` with its four hex digits, all at hand).
const VALID_ESCAPE = /^(?:["\\/bfnrt]|u[0-9A-Fa-f]{4})$/;
// A JSON number, true, false or null where a token starts (sticky: matched at lastIndex only).
const JSON_LITERAL = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?|true|false|null/y;

/**
 * Whether JSON text, read from its start outside any string, holds what no JSON can, wherever it stands: a character
 * that starts no token (a bare word), or two values side by side (`"He said "hi""`: a string, then `hi`). Text that
 * ends inside a string is not judged (it reads on into what follows).
 */
export function notJsonText(s: string): boolean {
  let value = false; // the last token ends a value
  let i = 0;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) i++;
    else if (c === 44 /* , */ || c === 58 /* : */ || c === 123 /* { */ || c === 91 /* [ */) {
      if (value && (c === 123 || c === 91)) return true;
      value = false;
      i++;
    } else if (c === 125 /* } */ || c === 93 /* ] */) {
      value = true;
      i++;
    } else if (c === 34 /* " */) {
      if (value) return true;
      for (i++; i < s.length && s.charCodeAt(i) !== 34; i++) {
        if (s.charCodeAt(i) !== 92 /* \ */) continue;
        // An escape JSON has: \" \\ \/ \b \f \n \r \t, or \u and four hex digits (`[0-9\.]` pasted in is none).
        i++;
        if (i < s.length && !VALID_ESCAPE.test(s[i] === 'u' ? s.slice(i, i + 5) : s[i])) return true;
      }
      if (i >= s.length) return false;
      i++;
      value = true;
    } else {
      JSON_LITERAL.lastIndex = i;
      if (value || !JSON_LITERAL.test(s)) return true;
      i = JSON_LITERAL.lastIndex;
      value = true;
    }
  }
  return false;
}

/**
 * DefinitionSubstitutions values that name each other in a loop, reached from a `${…}` the definition uses (`used`):
 * replaceEachRepeatedly replaces again until nothing is left to replace, and a loop never leaves nothing; Commons
 * Lang then throws ("IllegalStateException: Aborting to protect against StackOverflowError - output of one loop is the
 * input of another") and the resource fails (asl41 t17). An error on the value of the loop's first key, in the
 * template's order.
 */
function substitutionCycle(map: AstNode | undefined, used: Set<string>): Problem | undefined {
  if (map?.type !== 'object' || map.tag) return undefined;
  const entries = new Map<string, { value: AstNode; order: number; next: string[] }>();
  (map.children ?? []).forEach((p, order) => {
    const [key, value] = p.children ?? [];
    if (typeof key?.value !== 'string' || !value) return;
    const next = value.type === 'string' && !value.tag && !intrinsicAt(value) ? scanPlaceholders(value.value).map((x) => x.name) : [];
    entries.set(key.value, { value, order, next });
  });
  // Depth first, iteratively: 1 on the path being followed, 2 done.
  const state = new Map<string, 1 | 2>();
  for (const first of used) {
    if (!entries.has(first) || state.has(first)) continue;
    const path = [first];
    const at = [0];
    state.set(first, 1);
    while (path.length) {
      const top = path[path.length - 1];
      const next = entries.get(top)!.next;
      const i = at[at.length - 1]++;
      if (i >= next.length) {
        state.set(top, 2);
        path.pop();
        at.pop();
        continue;
      }
      const name = next[i];
      if (!entries.has(name)) continue;
      if (state.get(name) === 1) return cycleFinding(path.slice(path.indexOf(name)), entries);
      if (!state.has(name)) {
        state.set(name, 1);
        path.push(name);
        at.push(0);
      }
    }
  }
  return undefined;
}

function cycleFinding(loop: string[], entries: Map<string, { value: AstNode; order: number }>): Problem {
  // From the key written first.
  let first = 0;
  for (let i = 1; i < loop.length; i++) if (entries.get(loop[i])!.order < entries.get(loop[first])!.order) first = i;
  const names = [...loop.slice(first), ...loop.slice(0, first)];
  const chain = [...names, names[0]].map((n) => `\${${n}}`).join(' → ');
  return templateError(entries.get(names[0])!.value, TemplateCode.substitutionCycle,
    `These DefinitionSubstitutions replace each other in a loop (${chain}): CloudFormation replaces them again until none is left (${REPLACED_AS_TEXT}), which never ends here, so Commons Lang throws ("Aborting to protect against StackOverflowError - output of one loop is the input of another") and the state machine is not created`);
}

// Substitutions followed: a placeholder that is a whole value (`InstanceType: ${ScoringInstanceType}`) whose
// value the template states as a literal is checked as that literal, and a finding lands on the literal, where
// the user wrote it. The sources: SAM/CloudFormation `DefinitionSubstitutions` (a literal, or `!Ref` of a
// Parameter with a literal Default) for the definition's own `${…}`; for a `!Sub` string, the Sub's variables,
// then the template's Parameters. Anything else (an intrinsic, a placeholder inside a longer string) stays dynamic.
// What is followed is checked as a string, whatever the literal's own type: CloudFormation writes the Definition out
// as JSON and then replaces each `${key}` as text (DefinitionProcessor.transformDefinition), so `epochs: ${Epochs}`
// with `Epochs: 3` deploys as "epochs": "3" (what HyperParameters wants), and `Seconds: ${Wait}` as "Seconds": "60"
// (which Step Functions refuses); SAM leaves the substitution to CloudFormation, and a `!Sub` is a string.
import { markRewritten, restamp } from '../core/findingsCache';
import { closest } from '../core/text';
import { property } from '../core/tree';
import type { AstNode, Problem } from '../core/types';
import { sourceOffset } from '../expressions/index';
import { hasPlaceholder, markDeploysAsString, scanPlaceholders } from '../expressions/placeholders';
import { intrinsicOf, isSubString } from './intrinsics';

/** The codes of the findings about a template itself (not the machine it embeds); never renamed, only added. */
export const TemplateCode = {
  unmatchedPlaceholder: 'unmatched-placeholder',
  // A state machine resource's own properties (templates/resource.ts).
  definitionConflict: 'definition-conflict',
  emptySubstitutions: 'empty-substitutions',
  substitutionType: 'substitution-type',
  stateMachineType: 'state-machine-type',
  stateMachineName: 'state-machine-name',
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

const WHOLE = /^\$\{([^}]+)\}$/;

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

/** Each whole-value placeholder (`${Name}`, a value, not a key) under `definition`: what holds it, where, its name. */
function* wholePlaceholders(definition: AstNode): Generator<{ holder: AstNode; index: number; name: string }> {
  const stack = [definition];
  while (stack.length) {
    const node = stack.pop()!;
    const children = node.children ?? [];
    for (let i = 0; i < children.length; i++) {
      const c = children[i];
      const name = c.type === 'string' && node.type !== 'object' && !(node.type === 'property' && i === 0) ? WHOLE.exec(c.value)?.[1] : undefined;
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
  for (const { holder, index, name } of wholePlaceholders(definition)) {
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
    if (!value) return undefined;
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
 * (`text` given) those written in quotes. Not a placeholder an intrinsic stands for (its value's type is CloudFormation's).
 */
export function markStringPlaceholders(definition: AstNode, text?: string) {
  for (const { holder, index } of wholePlaceholders(definition)) {
    const c = holder.children![index];
    if (intrinsicOf(c) || (text !== undefined && !inQuotes(text, c.offset))) continue;
    markDeploysAsString(c, c);
    markRewritten(holder);
  }
}

/** The keys of a DefinitionSubstitutions map; undefined when they are not written out (an intrinsic: `!If`, `Fn::If`). */
export function substitutionKeys(map: AstNode | undefined): Set<string> | undefined {
  if (!map) return new Set();
  if (map.type !== 'object' || map.tag) return undefined;
  const keys = (map.children ?? []).map((p) => p.children?.[0]?.value);
  if (keys.length === 1 && typeof keys[0] === 'string' && (keys[0] === 'Ref' || keys[0].startsWith('Fn::'))) return undefined;
  return new Set(keys.filter((k): k is string => typeof k === 'string'));
}

/**
 * Each `${Name}` in a definition that no key of its DefinitionSubstitutions names, as a warning: CloudFormation
 * replaces the map's keys only ("DefinitionSubstitutions: A map (string to string) that specifies the mappings for
 * placeholder variables in the state machine definition"), so the machine deploys with the text `${Name}` in it, a
 * pseudo parameter (`${AWS::Region}`) included, which only a Sub replaces. None in a Sub's string (the Sub replaces
 * it, or the template does not deploy), in what an intrinsic stands for, or where the keys are not written out.
 * Run after resolveIntrinsics (whose placeholders stand for intrinsics) on the definition as written. `encoded`: the
 * definition is JSON decoded from a string (a finding spans the string value that holds the placeholder).
 * `inText`: the definition is a DefinitionString's JSON text (no Sub around it), where a placeholder written outside
 * quotes (`"TimeoutSeconds": ${Timeout}`) stays as it is and leaves the text no JSON: an error (asl41 t07, t19).
 */
export function unmatchedPlaceholders(definition: AstNode, substitutions: AstNode | undefined, text: string, encoded = false, inText = false): Problem[] {
  const keys = substitutionKeys(substitutions);
  if (!keys) return [];
  const out: Problem[] = [];
  const stack = [definition];
  while (stack.length) {
    const node = stack.pop()!;
    for (const c of node.children ?? []) stack.push(c);
    if (node.type !== 'string' || typeof node.value !== 'string' || isSubString(node) || intrinsicOf(node)) continue;
    for (const p of scanPlaceholders(node.value)) {
      if (keys.has(p.name)) continue;
      const raw = text.slice(node.offset, node.offset + node.length);
      // A bare `${X}` in a DefinitionString's JSON (a placeholder node over its own text) or a string as written; in
      // JSON text written inside a string (`encoded`), the string holding it.
      const start = encoded ? node.offset : node.offset + (raw.startsWith('${') ? p.start : sourceOffset(raw, p.start));
      const end = encoded ? node.offset + node.length : node.offset + (raw.startsWith('${') ? p.end : sourceOffset(raw, p.end));
      const [like] = closest(p.name, keys);
      const where = substitutions ? `is not a key of this state machine's DefinitionSubstitutions${like ? ` (did you mean \${${like}}?)` : ''}` : 'has no DefinitionSubstitutions entry (the state machine has none)';
      const pseudo = p.name.startsWith('AWS::') ? '; a pseudo parameter is replaced only inside !Sub / Fn::Sub' : '';
      // A Resource that is only the placeholder deploys as no ARN at all, which Step Functions refuses (SCHEMA_VALIDATION_FAILED).
      const whole = p.start === 0 && p.end === node.value.length;
      const refused = whole && node.parent?.type === 'property' && node.parent.children?.[0]?.value === 'Resource';
      // Bare in JSON text: CloudFormation replaces nothing there (DefinitionProcessor.transformDefinition replaces the keys only).
      const bare = inText && whole && !inQuotes(text, node.offset);
      out.push({
        offset: start,
        length: Math.max(1, end - start),
        message: `\${${p.name}} ${where}: CloudFormation replaces only the keys listed there, so the state machine is deployed with the text "\${${p.name}}" here${bare ? ', outside quotes, which is no JSON: CreateStateMachine refuses the definition' : refused ? ', which is no ARN: Step Functions refuses the definition' : ''}${pseudo}`,
        severity: refused || bare ? 'error' : 'warning',
        source: 'asl',
        code: TemplateCode.unmatchedPlaceholder,
        data: { name: p.name },
      });
    }
  }
  return out.sort((a, b) => a.offset - b.offset);
}

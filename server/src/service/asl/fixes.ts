// Quick fixes in offsets, for every check: how a value, a key or members are written or removed in JSON and in YAML
// (where a node may be written elsewhere: an alias, a merge key), where a finding's node is, and the fixes of the
// ASL structure findings that name their one likely correction (a misspelt field, state name or state type).
// sagemaker/fixes.ts builds the SageMaker request fixes on the same helpers; codeActions.ts at the service
// root makes LSP code actions of both.
import { AslCode } from './codes';
import { COMPARATORS } from './fields';
import { Code } from '../core/codes';
import { keyOfValue, nodeAt } from '../core/tree';
import type { AstNode, OffsetEdit, OffsetRange, ParsedDocument, Problem } from '../core/types';
import { jsonInsertMembers, jsonRemoveMember } from '../json/edits';
import { isInFlow, isPlacedCopy, yamlInsertMembers, yamlRemoveMember, yamlScalar } from '../yaml/edits';

/** A fix in offsets: what the action is called, its edits, and whether it is the one obvious answer. */
export interface Fix {
  title: string;
  edits: OffsetEdit[];
  preferred: boolean;
  /** The member names a fix adds to (`insert`) or renames a key to (`rename`) in `object`: fix-all keeps them apart. */
  members?: { object: AstNode; names: string[]; how: 'insert' | 'rename' };
}

// ---------------------------------------------------------------------------------------------------------------
// The JSON/YAML difference

export function writeValue(parsed: ParsedDocument, at: AstNode, value: unknown): string {
  return parsed.language === 'yaml' ? yamlScalar(value, { flow: isInFlow(parsed.text, at) }) : inlineJson(value);
}

/** A value as JSON on one line, a space after each comma and colon as people write it (`["A", "B"]`, ux41). */
function inlineJson(value: unknown): string {
  const compact = JSON.stringify(value);
  if (value === null || typeof value !== 'object') return compact;
  let out = '';
  let inString = false;
  for (let i = 0; i < compact.length; i++) {
    const c = compact[i];
    out += c;
    if (inString) {
      if (c === '\\') out += compact[++i];
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === ',' || c === ':') out += ' ';
  }
  return out;
}

function writeKey(parsed: ParsedDocument, at: AstNode, key: string): string {
  return writeValue(parsed, at, key);
}

/** The edit adding `members` to the object `target`, written like the code around it. */
export function insertMembers(parsed: ParsedDocument, target: AstNode, members: [string, unknown][]): OffsetEdit {
  return parsed.language === 'yaml' ? yamlInsertMembers(parsed.text, target, members) : jsonInsertMembers(parsed.text, target, members);
}

/** The edit removing the member `property` from its object (its comma, or its lines, with it). */
export function removeMember(parsed: ParsedDocument, property: AstNode): OffsetEdit | undefined {
  return parsed.language === 'yaml' ? yamlRemoveMember(parsed.text, property) : jsonRemoveMember(property);
}

/** Whether `node` is written elsewhere than its offsets say (a YAML alias `*a1` or merge key `<<: *a1` stands for it). */
function writtenElsewhere(parsed: ParsedDocument, node: AstNode): boolean {
  return parsed.language === 'yaml' && isPlacedCopy(parsed.text, node);
}

// ---------------------------------------------------------------------------------------------------------------
// Where a problem is

/** The node a problem was reported on (same offset and length). */
export function nodeOf(parsed: ParsedDocument, p: OffsetRange): AstNode | undefined {
  if (!parsed.root) return undefined;
  // End excluded: a node that ends where the problem's node starts is not it.
  for (let n = nodeAt(parsed.root, p.offset, { end: 'exclusive' }); n; n = n.parent) {
    if (n.offset === p.offset && n.length === p.length) return n;
    if (n.offset < p.offset) break;
  }
  return undefined;
}

export const isKey = (n: AstNode) => n.parent?.type === 'property' && n.parent.children?.[0] === n;
export const valueOf = (property: AstNode | undefined) => property?.children?.[1];


// ---------------------------------------------------------------------------------------------------------------
// Edits

export function replaceNode(parsed: ParsedDocument, node: AstNode, value: unknown): OffsetEdit {
  return { offset: node.offset, length: node.length, newText: isKey(node) ? writeKey(parsed, node, String(value)) : writeValue(parsed, node, value) };
}

/** The keys already used in the object holding `keyNode` (a rename must not duplicate one). */
function siblingKeys(keyNode: AstNode): Set<string> {
  return new Set((keyNode.parent?.parent?.children ?? []).map((p) => p.children?.[0]?.value as string));
}

export function renameKey(parsed: ParsedDocument, keyNode: AstNode, to: string, preferred: boolean): Fix | undefined {
  if (siblingKeys(keyNode).has(to)) return undefined;
  const object = keyNode.parent?.parent;
  const members = object ? { object, names: [to.replace(/\.\$$/, '')], how: 'rename' as const } : undefined;
  return { title: `Rename to "${to}"`, edits: [replaceNode(parsed, keyNode, to)], preferred, members };
}

export function changeTo(parsed: ParsedDocument, node: AstNode, value: unknown, preferred: boolean): Fix {
  return { title: `Change to ${JSON.stringify(value)}`, edits: [replaceNode(parsed, node, value)], preferred };
}

/**
 * Whether a node is written where the tree says, inside each of its ancestors (and its children inside it). A YAML
 * alias (`Parameters: *a1`) or merge key (`<<: *a1`) stands for nodes written elsewhere: an edit there would change
 * the anchor, or break it.
 */
export function writtenInPlace(parsed: ParsedDocument, node: AstNode): boolean {
  const end = (n: AstNode) => n.offset + n.length;
  for (const c of node.children ?? []) if (c.offset < node.offset || end(c) > end(node)) return false;
  for (let n: AstNode | undefined = node; n; n = n.parent) {
    if (writtenElsewhere(parsed, n)) return false;
    if (n.parent && (n.offset < n.parent.offset || end(n) > end(n.parent))) return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------------------------
// The ASL structure's fixes

/**
 * The quick fixes of an ASL structure finding whose check named the one close correction (`data.closest`): a
 * misspelt field is renamed, a transition to no state, an unknown state type or an enum value in the wrong case
 * (`"full"` for JitterStrategy) is changed; and `Parameters` in a JSONata state becomes `Arguments` (a Map's
 * `ItemSelector`; `data.rename`), or back, and a Pass state's `Result` becomes `Output`. A close name is offered: it
 * is likely, not certain, meant. The same name in another case (one state has it) is preferred, and fix-all applies
 * the preferred ones (codeActions.ts at the service root).
 */
// The findings whose data names the correction: a close field, state or type name, an enum value in another case
// (`invalidValue`), a predefined error name in another case, the other query language's field, the optimized
// integration a misspelt one is close to, an integration ARN with its colons mended (`invalidResource`).
const FIXED_BY_NAME = new Set<string>([AslCode.unknownField, AslCode.unknownState, AslCode.unknownStateType, AslCode.invalidValue, AslCode.unknownErrorName, AslCode.wrongQueryLanguage, AslCode.unknownIntegration, AslCode.invalidResource]);

export function aslFixes(parsed: ParsedDocument, p: Problem): Fix[] {
  // A misspelt function's name in an expression (States.Formatt, $uuidd), written as it is in the text.
  const replacement = p.data?.replacement;
  // A path written without its `$` (`inputs.score` → `$.inputs.score`), as the value is written (no escapes).
  if (typeof replacement === 'string' && p.code === Code.invalidPath && /^[\w.[\]-]+$/.test(parsed.text.slice(p.offset, p.offset + p.length))) {
    const path: Fix = { title: `Change to ${replacement}`, edits: [{ offset: p.offset, length: p.length, newText: replacement }], preferred: false };
    // Or the value was meant as written and the key's `.$` is the slip (ux39: "TrainingJobName.$": "churn-model" was
    // offered only $.churn-model, a read of the input): both, the key without its `.$` first.
    const literal = valueAsWritten(parsed, p);
    return literal ? [literal, path] : [path];
  }
  if (typeof replacement === 'string' && (p.code === Code.invalidIntrinsic || p.code === Code.invalidJsonata)) {
    const written = parsed.text.slice(p.offset, p.offset + p.length);
    // The space between an intrinsic's name and its "(" (the one correction).
    if (replacement === '') return /^[ \t]+$/.test(written) ? [{ title: 'Remove the space before "("', edits: [{ offset: p.offset, length: p.length, newText: '' }], preferred: true }] : [];
    return /^\$?[A-Za-z0-9_.]+$/.test(written) ? [{ title: `Change to ${replacement}`, edits: [{ offset: p.offset, length: p.length, newText: replacement }], preferred: false }] : [];
  }
  // A value written as it is meant under a `.$` key (`"S3Uri.$": "s3://…"`): neither a path nor an intrinsic call, so
  // the key loses its `.$` and the value is passed as written (walk37: only the other way round had a fix).
  if (p.code === Code.invalidPath) {
    const literal = valueAsWritten(parsed, p);
    if (literal) return [literal];
  }
  // A {% %} string with a space or a line break around it: the expression without them (the one correction).
  if (p.code === AslCode.invalidJsonata && p.data?.trim === true) {
    const node = nodeOf(parsed, p);
    return node?.type === 'string' && writtenInPlace(parsed, node) ? [{ ...changeTo(parsed, node, (node.value as string).trim(), true), title: 'Remove the space around {% … %}' }] : [];
  }
  // A count or flag written in quotes (`"End": "true"`, `"TimeoutSeconds": "30"`): the value it reads as; an error
  // name where a list of them belongs: that list (the one correction).
  if (p.code === AslCode.invalidValue && (typeof p.data?.literal === 'number' || typeof p.data?.literal === 'boolean' || Array.isArray(p.data?.literal))) {
    const node = nodeOf(parsed, p);
    return node?.type === 'string' && writtenInPlace(parsed, node) ? [changeTo(parsed, node, p.data.literal, true)] : [];
  }
  // A state with neither Next nor End: made a terminal state (offered; the state to go to is the user's to name).
  if (p.code === AslCode.missingField && p.data?.addEnd === true) {
    const state = nodeOf(parsed, p)?.parent?.children?.[1];
    return state?.type === 'object' && !writtenElsewhere(parsed, state) ? [{ title: 'Add "End": true', edits: [insertMembers(parsed, state, [['End', true]])], preferred: false }] : [];
  }
  // A Distributed Map's field on an inline Map: the Map made distributed (its Mode set, with Standard child
  // executions where no ExecutionType is given), or the field removed. Both offered: which one was meant is the user's.
  if (p.code === AslCode.distributedOnlyField) return distributedFixes(parsed, p);
  // A JSONPath `X.$` key in a JSONata state, its path of names and indexes: `"X": "{% $states.input… %}"` (offered).
  if (p.code === AslCode.jsonPathKey || (p.code === AslCode.invalidVariableName && typeof p.data?.jsonata === 'string')) return jsonPathKeyFixes(parsed, p);
  // A JSONPath-only field of a path of names and indexes in a JSONata state (`"SecondsPath": "$.delay"`, ItemsPath):
  // its twin with the expression (`"Seconds": "{% $states.input.delay %}"`), as for a `.$` key (offered).
  if (p.code === AslCode.wrongQueryLanguage && typeof p.data?.jsonata === 'string') return jsonPathKeyFixes(parsed, p);
  // A JSONPath Choice rule in a JSONata state, one Variable compared with a literal: its Condition (offered).
  if (p.code === AslCode.wrongQueryLanguage && typeof p.data?.condition === 'string') return choiceConditionFixes(parsed, p, p.data.condition);
  // A `{% $states.input.a %}` in a JSONPath state: `"X.$": "$.a"` (offered: the state's QueryLanguage is the other way).
  if (p.code === AslCode.jsonataInJsonPath) return jsonataInJsonPathFixes(parsed, p);
  // A variable no state assigns, close to one that is assigned (`$treshold`): that one (offered: letters are a guess).
  if (p.code === AslCode.unknownVariable && typeof p.data?.replacement === 'string') return [{ title: `Change to ${p.data.replacement}`, edits: [{ offset: p.offset, length: p.length, newText: p.data.replacement }], preferred: false }];
  // A field of the other query language with one counterpart (Arguments for Parameters, and back; Output for a
  // Pass state's Result) is renamed to it.
  const to = p.code === AslCode.wrongQueryLanguage ? p.data?.rename : p.data?.closest;
  if (typeof to !== 'string' || !FIXED_BY_NAME.has(p.code)) return [];
  const node = nodeOf(parsed, p);
  if (node?.type !== 'string' || node.value === to || !writtenInPlace(parsed, node)) return [];
  // The same name in another case (`"succeed"`, `"full"`, `"jsonata"`) is certainly what was meant: preferred, as a
  // SageMaker enum's case is (ux40); a name close by letters stays a guess.
  // States that differ only in case from each other and from the name (Prep and PREP for "prep"): each offered.
  const candidates = Array.isArray(p.data?.candidates) ? p.data.candidates.filter((c): c is string => typeof c === 'string') : undefined;
  if (candidates) return candidates.map((c) => changeTo(parsed, node, c, false));
  const sameName = p.code !== AslCode.wrongQueryLanguage && String(node.value).toLowerCase() === to.toLowerCase();
  const fix = isKey(node) ? renameKey(parsed, node, to, sameName) : changeTo(parsed, node, to, sameName);
  return fix ? [fix] : [];
}

/**
 * For a `.$` key's value that is no path nor intrinsic call: the key without its `.$`, the value passed as written
 * (undefined for a value that is one, whose mistake is in the expression, or where the key cannot be renamed).
 */
function valueAsWritten(parsed: ParsedDocument, p: Problem): Fix | undefined {
  if (!parsed.root) return undefined;
  // The finding underlines the expression inside the string (or the string itself).
  const node = nodeOf(parsed, p) ?? nodeAt(parsed.root, p.offset);
  const key = node?.type === 'string' ? keyOfValue(node) : undefined;
  const value = String(node?.value ?? '').trim();
  if (!key || value.startsWith('$') || value.startsWith('States.')) return undefined;
  return withoutDollar(parsed, key, false);
}

/** A `X.$` key renamed to X, its value then passed as written (undefined for another key, or one not written in place). */
export function withoutDollar(parsed: ParsedDocument, key: AstNode, preferred: boolean): Fix | undefined {
  if (key.type !== 'string' || typeof key.value !== 'string' || !key.value.endsWith('.$') || !writtenInPlace(parsed, key)) return undefined;
  const fix = renameKey(parsed, key, key.value.slice(0, -2), preferred);
  return fix && { ...fix, title: `Rename to "${key.value.slice(0, -2)}": pass the value as written` };
}

/**
 * The member whose value is `value` written again as `"name": newValue`: its key renamed and its value replaced in one
 * fix, titled by what it writes (undefined where either is not written in place, or a member of that name is there).
 */
export function rewriteMember(parsed: ParsedDocument, value: AstNode | undefined, name: string, newValue: unknown, preferred: boolean): Fix | undefined {
  const key = keyOfValue(value);
  if (!value || key?.type !== 'string' || !writtenInPlace(parsed, key) || !writtenInPlace(parsed, value)) return undefined;
  const renamed = renameKey(parsed, key, name, preferred);
  return renamed && { ...renamed, title: `Write "${name}": ${typeof newValue === 'string' ? `"${newValue}"` : String(newValue)}`, edits: [...renamed.edits, replaceNode(parsed, value, newValue)] };
}

/** `"X.$": "$.a"` in a JSONata state → `"X": "{% $states.input.a %}"`, from the finding's `rename` and `jsonata`. */
export function jsonPathKeyFixes(parsed: ParsedDocument, p: Problem): Fix[] {
  const { rename, jsonata } = p.data ?? {};
  const key = nodeOf(parsed, p);
  const value = key && isKey(key) ? valueOf(key.parent) : undefined;
  const fix = typeof rename === 'string' && typeof jsonata === 'string' && value?.type === 'string' ? rewriteMember(parsed, value, rename, jsonata, false) : undefined;
  return fix ? [fix] : [];
}

/** `"X": "{% $states.input.a %}"` in a JSONPath state → `"X.$": "$.a"`, from the finding's `rename` and `path` (offered). */
export function jsonataInJsonPathFixes(parsed: ParsedDocument, p: Problem): Fix[] {
  const { rename, path } = p.data ?? {};
  const value = nodeOf(parsed, p);
  const fix = typeof rename === 'string' && typeof path === 'string' && value?.type === 'string' ? rewriteMember(parsed, value, rename, path, false) : undefined;
  return fix ? [fix] : [];
}

/**
 * A JSONPath Choice rule (`"Variable": "$.ok", "BooleanEquals": true`) written as the JSONata `condition` the check
 * made of it: Variable becomes `"Condition": "{% $states.input.ok = true %}"` and the comparison goes (offered: JSONata
 * fails on a value of another type where JSONPath's comparison is false).
 */
function choiceConditionFixes(parsed: ParsedDocument, p: Problem, condition: string): Fix[] {
  const key = nodeOf(parsed, p);
  const rule = key && isKey(key) ? key.parent?.parent : undefined;
  const members = rule?.children ?? [];
  const variable = members.find((m) => m.children?.[0]?.value === 'Variable');
  const comparison = members.find((m) => Object.hasOwn(COMPARATORS, String(m.children?.[0]?.value)));
  if (!variable || !comparison || !writtenInPlace(parsed, comparison)) return [];
  const rewrite = rewriteMember(parsed, valueOf(variable), 'Condition', condition, false);
  const removal = removeMember(parsed, comparison);
  return rewrite && removal ? [{ ...rewrite, edits: [...rewrite.edits, removal] }] : [];
}

function distributedFixes(parsed: ParsedDocument, p: Problem): Fix[] {
  const key = nodeOf(parsed, p);
  const field = key?.parent;
  const state = field?.parent;
  if (!key || !field || state?.type !== 'object') return [];
  const fixes: Fix[] = [];
  // Its machine, under ItemProcessor or its older name Iterator (either runs distributed with a ProcessorConfig).
  const machineField = (name: string) => state.children?.find((c) => c.children?.[0]?.value === name);
  const processor = valueOf(machineField('ItemProcessor') ?? machineField('Iterator'));
  if (processor?.type === 'object' && writtenInPlace(parsed, processor)) {
    const config = valueOf(processor.children?.find((c) => c.children?.[0]?.value === 'ProcessorConfig'));
    const mode = valueOf(config?.children?.find((c) => c.children?.[0]?.value === 'Mode'));
    const hasType = config?.children?.some((c) => c.children?.[0]?.value === 'ExecutionType');
    const edits: OffsetEdit[] | undefined = !config
      ? [insertMembers(parsed, processor, [['ProcessorConfig', { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }]])]
      : config.type !== 'object' || !writtenInPlace(parsed, config)
        ? undefined
        : mode
          ? [replaceNode(parsed, mode, 'DISTRIBUTED'), ...(hasType ? [] : [insertMembers(parsed, config, [['ExecutionType', 'STANDARD']])])]
          : [insertMembers(parsed, config, [['Mode', 'DISTRIBUTED'], ...(hasType ? [] : [['ExecutionType', 'STANDARD'] as [string, unknown]])])];
    if (edits) fixes.push({ title: 'Run this Map distributed ("Mode": "DISTRIBUTED")', edits, preferred: false });
  }
  const removal = writtenInPlace(parsed, field) ? removeMember(parsed, field) : undefined;
  if (removal) fixes.push({ title: `Remove ${String(key.value)}`, edits: [removal], preferred: false });
  return fixes;
}

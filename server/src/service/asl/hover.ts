// Hover on the Amazon States Language's own words: a field of a state, of a machine (the top level, a Parallel branch,
// a Map's ItemProcessor), of a retrier, a catcher or a Choice rule; a state's Type; a predefined error name in
// ErrorEquals; a field of a settings object (a Map's ProcessorConfig, ItemReader and its ReaderConfig, ItemBatcher,
// ResultWriter and its WriterConfig, a Task's Credentials); a value the language fixes (QueryLanguage, JitterStrategy,
// the settings' enums: the field's words, then the value's). Where a key sits in the model decides what it is, so a member named `Type` inside a Task's Parameters
// (an integration's request) is none of these. The words are quotes from the specification and the developer guide
// (schemas/asl-docs.json, read on the first hover: the server's first bundle does not carry them); which state types
// and which query language take a field is what the structure checks' tables (fields.ts) say.
import { list } from '../core/text';
import { nodeAt, propertyNode } from '../core/tree';
import type { AstNode, OffsetRange, ParsedDocument } from '../core/types';
import { argumentCount, INTRINSIC_FUNCTIONS, intrinsicNameAt, jsonataFunctionAt, jsonataFunctions, sourceOffset, valueIndexAt } from '../expressions/index';
import { placeOf, type Place } from './place';
import {
  CATCHER_FIELDS, CHOICE_RULE_FIELDS, COMMON_FIELDS, COMPARATORS, JITTER_STRATEGIES, JSONATA_ONLY, JSONPATH_ONLY, LOGICAL, QUERY_LANGUAGES, RETRIER_FIELDS,
  ROOT_FIELDS, SETTINGS, type SettingsName, STATE_FIELDS, STATE_TYPES,
} from './fields';
import { credentialsRole, evaluatingState } from './validateStructure';
import type { QueryLanguage } from './model';

/** What a hover shows (Markdown) and the span it is about, in offsets. */
export interface AslHoverText {
  markdown: string;
  range: OffsetRange;
}

export interface AslQuote {
  text: string;
  source: string;
}

/** The documentation of one or more names in one place: quotes, each with the URL it comes from. */
export interface AslDocEntry {
  names: string[];
  /** Only for these state types (another entry serves the others). */
  types?: string[];
  /** A setting's: the settings objects it is a field of; a value's: the field it is a value of (FIELD_VALUES' keys). */
  in?: string[];
  quotes: AslQuote[];
  note?: string;
}

export type AslDocKind = 'state' | 'machine' | 'retrier' | 'catcher' | 'choiceRule' | 'stateType' | 'error' | 'setting' | 'value' | 'function';
export type AslDocs = { sources: Record<string, string> } & Record<AslDocKind, AslDocEntry[]>;

let docs: AslDocs | undefined;
/** schemas/asl-docs.json, read on first use (scripts/build.mjs ships it beside the server bundle). */
export const aslDocs = (): AslDocs => (docs ??= require('../../../../schemas/asl-docs.json') as AslDocs);

/**
 * The entry documenting `name` as a `kind`, if the data has one: `within` is the state's type for a state's field, the
 * settings object for a setting, the field (a FIELD_VALUES key) for a value.
 */
export function aslDoc(kind: AslDocKind, name: string, within?: string): AslDocEntry | undefined {
  const only = (names: string[] | undefined) => !names || (within !== undefined && names.includes(within));
  return aslDocs()[kind].find((e) => e.names.includes(name) && only(e.types) && only(e.in));
}

/** The values the language fixes, by field: QueryLanguage, a retrier's JitterStrategy, a setting's as `Object.field` (ProcessorConfig.Mode). */
export const FIELD_VALUES: Record<string, readonly string[]> = {
  QueryLanguage: QUERY_LANGUAGES,
  JitterStrategy: JITTER_STRATEGIES,
  ...Object.fromEntries(
    Object.entries(SETTINGS).flatMap(([o, { fields }]) => Object.entries(fields as Record<string, readonly string[] | undefined>).flatMap(([f, v]) => (v ? [[`${o}.${f}`, v]] : []))),
  ),
};

/** The fields of a Choice rule besides the comparisons and And/Or/Not, in either query language (Variable, Condition, Next…). */
export const CHOICE_RULE_KEYS = [...new Set([...CHOICE_RULE_FIELDS.JSONPath, ...CHOICE_RULE_FIELDS.JSONata])].filter((f) => !(f in COMPARATORS) && !LOGICAL.includes(f));

const span = (n: OffsetRange): OffsetRange => ({ offset: n.offset, length: n.length });

/**
 * Hover on a function a value calls: an intrinsic function in a `.$` value (`States.ArrayPartition`), or one of the
 * functions Step Functions adds to JSONata in `{% … %}` (`$partition`): how it is called and what the developer guide
 * says it does. Asked before the other hovers: inside a SageMaker request the member's documentation is the key's.
 */
export function functionHover(parsed: ParsedDocument, offset: number): AslHoverText | null {
  const node = nodeAt(parsed.root, offset);
  const prop = node?.parent;
  if (node?.type !== 'string' || !(prop?.type === 'array' || (prop?.type === 'property' && prop.children?.[1] === node))) return null;
  // Only where Step Functions evaluates the value: in a state of the expression's query language, not in a Pass
  // state's Result (a literal), and for an intrinsic only as a `.$` key's value.
  const state = evaluatingState(parsed, node);
  if (!state) return null;
  const value = node.value as string;
  const raw = parsed.text.slice(node.offset, node.offset + node.length);
  // On the opening quote the cursor is before the value: nothing to say yet.
  const lo = valueIndexAt(raw, node.offset, value.length, offset);
  if (lo === undefined) return null;
  const key = prop.type === 'property' ? prop.children?.[0]?.value : undefined;
  const jsonata = state.queryLanguage === 'JSONata';
  const intrinsic = !jsonata && typeof key === 'string' && key.endsWith('.$') && value.trimStart().startsWith('States.') ? intrinsicNameAt(value, lo) : undefined;
  const called = intrinsic ?? (jsonata ? jsonataFunctionAt(value, lo) : undefined);
  if (!called) return null;
  const range = { offset: node.offset + sourceOffset(raw, called.start), length: sourceOffset(raw, called.end) - sourceOffset(raw, called.start) };
  // Where the source is no copy of the value (a YAML block or folded scalar), offsets do not map: nothing rather than a wrong span.
  if (parsed.text.slice(range.offset, range.offset + range.length) !== value.slice(called.start, called.end)) return null;
  let name: string, about: string;
  if (intrinsic) {
    const f = INTRINSIC_FUNCTIONS.get(intrinsic.name);
    if (!f) return null;
    name = f.name;
    about = `intrinsic function, ${argumentCount(f)}`;
  } else {
    name = `$${called.name}`;
    const own = 'stepFunctions' in called && called.stepFunctions;
    about = `${jsonataFunctions().find((f) => f.name === called.name)?.shape ?? name} · ${own ? 'a function Step Functions adds to JSONata' : 'a JSONata function (2.0.6, as Step Functions runs it)'}`;
  }
  return render(name, about, aslDoc('function', name), range) ?? { markdown: `**${name}** · ${about}`, range };
}

export function aslHover(parsed: ParsedDocument, offset: number): AslHoverText | null {
  const node = nodeAt(parsed.root, offset);
  if (node?.type !== 'string') return null;
  const up = node.parent;
  // An error name in a retrier's or catcher's ErrorEquals.
  if (up?.type === 'array') {
    const prop = up.parent;
    if (prop?.type !== 'property' || prop.children?.[0]?.value !== 'ErrorEquals' || !prop.parent) return null;
    if (placeOf(parsed.root!, node)?.kind !== 'errors') return null;
    return render(node.value as string, 'predefined error name', aslDoc('error', node.value as string), node);
  }
  if (up?.type !== 'property' || !up.parent) return null;
  const place = placeOf(parsed.root!, up.parent);
  // Any JSON object is a top level to the path: only one with StartAt or States is a state machine's.
  if (!place || (place.kind === 'machine' && place.machineKind === 'top' && !propertyNode(place.node, 'StartAt') && !propertyNode(place.node, 'States'))) return null;
  const key = up.children?.[0];
  if (node !== key) return typeof key?.value === 'string' ? fixedValue(node, key.value, place) : null;
  const name = node.value as string;
  switch (place.kind) {
    case 'machine':
      return machineField(name, place.machineKind, node);
    case 'state':
      return stateField(name, place, node);
    case 'retrier':
    case 'catcher': {
      const fields = place.kind === 'retrier' ? RETRIER_FIELDS : CATCHER_FIELDS;
      if (!fields.includes(name)) return null;
      return render(name, [`field of a ${place.kind} (${place.kind === 'retrier' ? 'Retry' : 'Catch'})`, queryLanguageNote(name, place.ql)], aslDoc(place.kind, name), node);
    }
    case 'rule':
      return choiceRuleField(name, place.ql, node);
    case 'settings':
      return settingField(name, place.settings!, place.ql, node);
    default:
      return null;
  }
}

/** A value the language fixes: a state's Type; QueryLanguage's, JitterStrategy's, a setting's (the field's words, then the value's). */
function fixedValue(node: AstNode, field: string, place: Place): AslHoverText | null {
  const value = node.value as string;
  if (place.kind === 'state' && field === 'Type') return STATE_TYPES.includes(value) ? render(value, 'state type', aslDoc('stateType', value), node) : null;
  let fieldDoc: AslDocEntry | undefined, of: string;
  if (field === 'QueryLanguage' && (place.kind === 'machine' || place.kind === 'state')) {
    fieldDoc = place.kind === 'machine' ? aslDoc('machine', field) : aslDoc('state', field);
    of = field;
  } else if (field === 'JitterStrategy' && place.kind === 'retrier') {
    fieldDoc = aslDoc('retrier', field);
    of = field;
  } else if (place.kind === 'settings' && place.settings) {
    fieldDoc = aslDoc('setting', field, place.settings);
    of = `${place.settings}.${field}`;
  } else return null;
  if (!FIELD_VALUES[of]?.includes(value)) return null;
  return render(value, `value of ${of}`, [fieldDoc, aslDoc('value', value, of)], node);
}

function settingField(name: string, settings: SettingsName, ql: QueryLanguage, key: AstNode): AslHoverText | null {
  if (!Object.hasOwn(SETTINGS[settings].fields, name)) return null;
  const values = FIELD_VALUES[`${settings}.${name}`];
  // The settings' own Parameters/Arguments are their state's query language's, as a state's; a …Path field (MaxItemsPath,
  // MaxItemsPerBatchPath…) and RoleArn.$ are JSONPath's.
  const language = /Path$|\.\$$/.test(name) ? onlyNote('JSONPath', ql) : queryLanguageNote(name, ql);
  return render(name, [`field of ${settings}`, values && `one of ${values.join(', ')}`, language], aslDoc('setting', name, settings), key);
}

function machineField(name: string, kind: Place['machineKind'], key: AstNode): AslHoverText | null {
  const doc = aslDoc('machine', name);
  if (!doc) return null;
  const where = kind === 'top' ? 'top-level field of the state machine' : kind === 'branch' ? 'field of a Parallel branch' : "field of a Map's ItemProcessor";
  const allowed = ROOT_FIELDS[kind].includes(name) ? undefined : `not a field ${kind === 'top' ? 'at the top level' : kind === 'branch' ? 'of a Parallel branch' : "of a Map's ItemProcessor"}`;
  return render(name, [where, allowed], doc, key);
}

function stateField(name: string, s: Place, key: AstNode): AslHoverText | null {
  const common = COMMON_FIELDS.includes(name);
  const types = STATE_TYPES.filter((t) => common || STATE_FIELDS[t].includes(name));
  if (!types.length) return null;
  const where = common ? 'field of every state' : types.length === 1 ? `field of a ${types[0]} state` : `field of ${list(types)} states`;
  const type = s.stateType !== undefined && STATE_TYPES.includes(s.stateType) ? s.stateType : undefined;
  const allowed = type && !types.includes(type) ? `not a field of a ${type} state` : undefined;
  // A state's Type: the states language's eight types, as the structure checks know them.
  const values = name === 'Type' ? `one of ${list(STATE_TYPES, 'or')}` : undefined;
  // Credentials: the specification leaves its content to the interpreter; Step Functions' is the role's ARN.
  const holds = name === 'Credentials' ? `holds ${credentialsRole(s.ql)}, the role to assume` : undefined;
  return render(name, [where, values ?? holds, queryLanguageNote(name, s.ql), allowed], aslDoc('state', name, type), key);
}

const COMPARED: Record<string, string> = { string: 'a string', number: 'a number', boolean: 'true or false', path: 'a Path to the value to compare with' };

function choiceRuleField(name: string, ql: QueryLanguage, key: AstNode): AslHoverText | null {
  const comparison = COMPARATORS[name];
  const logical = LOGICAL.includes(name);
  if (!comparison && !logical && !CHOICE_RULE_KEYS.includes(name)) return null;
  const where = comparison ? `comparison of a Choice rule, its value ${COMPARED[comparison]}` : logical ? 'Boolean expression of a Choice rule' : 'field of a Choice rule';
  const only: QueryLanguage | undefined = comparison || logical || name === 'Variable' ? 'JSONPath' : name === 'Condition' || name === 'Output' ? 'JSONata' : undefined;
  return render(name, [where, only && onlyNote(only, ql)], aslDoc('choiceRule', name), key);
}

/** "JSONPath only" / "JSONata only" for a field of one query language (the tables of fields.ts). */
function queryLanguageNote(name: string, ql: QueryLanguage): string | undefined {
  return JSONPATH_ONLY.has(name) ? onlyNote('JSONPath', ql) : JSONATA_ONLY.has(name) ? onlyNote('JSONata', ql) : undefined;
}

const onlyNote = (only: QueryLanguage, ql: QueryLanguage) => `${only} only${ql === only ? '' : ` (this state's query language is ${ql})`}`;

/** The hover: a header, the quotes of `doc` (of each entry in turn, a value's after its field's), their sources. */
function render(name: string, about: string | (string | undefined)[], doc: AslDocEntry | (AslDocEntry | undefined)[] | undefined, node: OffsetRange): AslHoverText | null {
  // A value's quote that its field's already says (the same sentence, or part of a longer one) is not said twice.
  const all: AslQuote[] = [];
  for (const q of (Array.isArray(doc) ? doc : [doc]).flatMap((d) => d?.quotes ?? [])) if (!all.some((earlier) => earlier.text.includes(q.text))) all.push(q);
  if (!all.length) return null;
  const sources = aslDocs().sources;
  const titleOf = (url: string) => Object.entries(sources).find(([prefix]) => url.startsWith(prefix))?.[1] ?? url;
  const links = [...new Set(all.map((q) => q.source))].map((url) => `[${titleOf(url)}](${url})`);
  const header = [`**${name}**`, ...(Array.isArray(about) ? about : [about]).filter(Boolean)].join(' · ');
  const quotes = all.map((q) => `> ${q.text}`).join('\n>\n');
  return { markdown: `${header}\n\n${quotes}\n\n${links.join(' · ')}`, range: span(node) };
}

// Hover on the Amazon States Language's own words: a field of a state, of a machine (the top level, a Parallel branch,
// a Map's ItemProcessor), of a retrier, a catcher or a Choice rule; a state's Type; a predefined error name in
// ErrorEquals; a field of a settings object (a Map's ProcessorConfig, ItemReader and its ReaderConfig, ItemBatcher,
// ResultWriter and its WriterConfig, a Task's Credentials); a value the language fixes (QueryLanguage, JitterStrategy,
// the settings' enums: the field's words, then the value's). Where a key sits in the model decides what it is, so a member named `Type` inside a Task's Parameters
// (an integration's request) is none of these. The words are quotes from the specification and the developer guide
// (schemas/asl-docs.json, read on the first hover: the server's first bundle does not carry them); which state types
// and which query language take a field is what the structure checks' tables (validateStructure.ts) say.
import { list } from '../core/text';
import { nodeAt, propertyNode } from '../core/tree';
import type { AstNode, OffsetRange, ParsedDocument } from '../core/types';
import { modelOf, type AslMachine, type AslModel, type AslState, type QueryLanguage } from './model';
import {
  CATCHER_FIELDS, CHOICE_RULE_FIELDS, COMMON_FIELDS, COMPARATORS, CREDENTIALS_FIELDS, DISTRIBUTED_FIELDS, DISTRIBUTED_SETTINGS, JITTER_STRATEGIES, JSONATA_ONLY, JSONPATH_ONLY, LOGICAL,
  PROCESSOR_CONFIG, QUERY_LANGUAGES, RETRIER_FIELDS, ROOT_FIELDS, STATE_FIELDS, STATE_TYPES,
} from './validateStructure';

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

export type AslDocKind = 'state' | 'machine' | 'retrier' | 'catcher' | 'choiceRule' | 'stateType' | 'error' | 'setting' | 'value';
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

/** The settings objects and their fields (validateStructure.ts's tables): a Map's ProcessorConfig, ItemReader…, a Task's Credentials. */
export const SETTINGS_FIELDS: Record<string, readonly string[]> = {
  ProcessorConfig: Object.keys(PROCESSOR_CONFIG),
  ...DISTRIBUTED_FIELDS,
  ReaderConfig: Object.keys(DISTRIBUTED_SETTINGS.ReaderConfig),
  WriterConfig: Object.keys(DISTRIBUTED_SETTINGS.WriterConfig),
  Credentials: [...new Set([...CREDENTIALS_FIELDS.JSONPath, ...CREDENTIALS_FIELDS.JSONata])],
};

/** The values the language fixes, by field: QueryLanguage, a retrier's JitterStrategy, a setting's as `Object.field` (ProcessorConfig.Mode). */
export const FIELD_VALUES: Record<string, readonly string[]> = {
  QueryLanguage: QUERY_LANGUAGES,
  JitterStrategy: JITTER_STRATEGIES,
  ...Object.fromEntries(Object.entries(PROCESSOR_CONFIG).map(([f, v]) => [`ProcessorConfig.${f}`, v])),
  ...Object.fromEntries(
    (['ReaderConfig', 'WriterConfig'] as const).flatMap((o) => Object.entries(DISTRIBUTED_SETTINGS[o]).flatMap(([f, v]) => (v ? [[`${o}.${f}`, v]] : []))),
  ),
};

/** The fields of a Choice rule besides the comparisons and And/Or/Not, in either query language (Variable, Condition, Next…). */
export const CHOICE_RULE_KEYS = [...new Set([...CHOICE_RULE_FIELDS.JSONPath, ...CHOICE_RULE_FIELDS.JSONata])].filter((f) => !(f in COMPARATORS) && !LOGICAL.includes(f));

type Place =
  | { kind: 'machine'; machine: AslMachine }
  | { kind: 'state' | 'retrier' | 'catcher' | 'choiceRule'; state: AslState }
  /** A settings object named `name` (a SETTINGS_FIELDS key) of `state` (a Map's, or a Task's Credentials). */
  | { kind: 'settings'; name: string; state: AslState | undefined };

const statesByNode = new WeakMap<AslModel, Map<AstNode, AslState>>();
function stateOf(model: AslModel, node: AstNode | undefined): AslState | undefined {
  let byNode = statesByNode.get(model);
  if (!byNode) statesByNode.set(model, (byNode = new Map(model.states.map((s) => [s.node, s]))));
  return node && byNode.get(node);
}

/** What the object `obj` is: a machine, a state, a retrier, a catcher, or a Choice rule at any depth of And/Or/Not. */
function placeOf(model: AslModel, obj: AstNode): Place | undefined {
  const machine = model.machines.find((m) => m.node === obj);
  // Any JSON object is the model's top machine: only one with StartAt or States is a state machine's top level.
  if (machine) return machine.kind !== 'top' || propertyNode(obj, 'StartAt') || propertyNode(obj, 'States') ? { kind: 'machine', machine } : undefined;
  const state = stateOf(model, obj);
  if (state) return { kind: 'state', state };
  const settings = settingsOf(model, obj);
  if (settings) return settings;
  // Up from an array's member (Retry, Catch, Choices, And, Or) or a property's value (Not) to the object holding it.
  for (let node = obj; ; ) {
    const up = node.parent;
    const prop = up?.type === 'array' ? up.parent : up;
    const key = prop?.type === 'property' && prop.children?.[1] === (up?.type === 'array' ? up : node) ? prop.children?.[0]?.value : undefined;
    const holder = prop?.parent;
    if (!holder || typeof key !== 'string') return undefined;
    if (up?.type === 'array') {
      if ((key === 'Retry' || key === 'Catch') && node === obj) {
        const s = stateOf(model, holder);
        return s && { kind: key === 'Retry' ? 'retrier' : 'catcher', state: s };
      }
      if (key === 'Choices') {
        const s = stateOf(model, holder);
        return s?.type === 'Choice' ? { kind: 'choiceRule', state: s } : undefined;
      }
      if (key !== 'And' && key !== 'Or') return undefined;
    } else if (key !== 'Not') return undefined;
    node = holder;
  }
}

/** The settings object `obj` is, if it is one: its key and the object holding it say (ProcessorConfig in a Map's ItemProcessor, ReaderConfig in an ItemReader…). */
function settingsOf(model: AslModel, obj: AstNode): Extract<Place, { kind: 'settings' }> | undefined {
  const prop = obj.parent;
  const key = prop?.type === 'property' && prop.children?.[1] === obj ? prop.children?.[0]?.value : undefined;
  const holder = prop?.parent;
  if (typeof key !== 'string' || !holder || !Object.hasOwn(SETTINGS_FIELDS, key)) return undefined;
  if (key === 'ProcessorConfig') {
    const m = model.machines.find((x) => x.node === holder);
    return m?.kind === 'map' ? { kind: 'settings', name: key, state: m.owner } : undefined;
  }
  if (key === 'ReaderConfig' || key === 'WriterConfig') {
    const up = settingsOf(model, holder);
    return up?.name === (key === 'ReaderConfig' ? 'ItemReader' : 'ResultWriter') ? { ...up, name: key } : undefined;
  }
  const s = stateOf(model, holder);
  return s?.type === (key === 'Credentials' ? 'Task' : 'Map') ? { kind: 'settings', name: key, state: s } : undefined;
}

const span = (n: OffsetRange): OffsetRange => ({ offset: n.offset, length: n.length });

export function aslHover(parsed: ParsedDocument, offset: number): AslHoverText | null {
  const node = nodeAt(parsed.root, offset);
  if (node?.type !== 'string') return null;
  const up = node.parent;
  // An error name in a retrier's or catcher's ErrorEquals.
  if (up?.type === 'array') {
    const prop = up.parent;
    if (prop?.type !== 'property' || prop.children?.[0]?.value !== 'ErrorEquals' || !prop.parent) return null;
    const place = placeOf(modelOf(parsed), prop.parent);
    if (place?.kind !== 'retrier' && place?.kind !== 'catcher') return null;
    return render(node.value as string, 'predefined error name', aslDoc('error', node.value as string), node);
  }
  if (up?.type !== 'property' || !up.parent) return null;
  const place = placeOf(modelOf(parsed), up.parent);
  if (!place) return null;
  const key = up.children?.[0];
  if (node !== key) return typeof key?.value === 'string' ? fixedValue(node, key.value, place) : null;
  const name = node.value as string;
  switch (place.kind) {
    case 'machine':
      return machineField(name, place.machine, node);
    case 'state':
      return stateField(name, place.state, node);
    case 'retrier':
    case 'catcher': {
      const fields = place.kind === 'retrier' ? RETRIER_FIELDS : CATCHER_FIELDS;
      if (!fields.includes(name)) return null;
      return render(name, [`field of a ${place.kind} (${place.kind === 'retrier' ? 'Retry' : 'Catch'})`, queryLanguageNote(name, place.state.queryLanguage)], aslDoc(place.kind, name), node);
    }
    case 'choiceRule':
      return choiceRuleField(name, place.state, node);
    case 'settings':
      return settingField(name, place, node);
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
  } else if (place.kind === 'settings') {
    fieldDoc = aslDoc('setting', field, place.name);
    of = `${place.name}.${field}`;
  } else return null;
  if (!FIELD_VALUES[of]?.includes(value)) return null;
  return render(value, `value of ${of}`, [fieldDoc, aslDoc('value', value, of)], node);
}

function settingField(name: string, place: Extract<Place, { kind: 'settings' }>, key: AstNode): AslHoverText | null {
  if (!SETTINGS_FIELDS[place.name].includes(name)) return null;
  const values = FIELD_VALUES[`${place.name}.${name}`];
  // The settings' own Parameters/Arguments are their state's query language's, as a state's; a …Path field (MaxItemsPath,
  // MaxItemsPerBatchPath…) and RoleArn.$ are JSONPath's.
  const ql = place.state?.queryLanguage ?? 'JSONPath';
  const language = /Path$|\.\$$/.test(name) ? onlyNote('JSONPath', ql) : queryLanguageNote(name, ql);
  return render(name, [`field of ${place.name}`, values && `one of ${values.join(', ')}`, language], aslDoc('setting', name, place.name), key);
}

function machineField(name: string, m: AslMachine, key: AstNode): AslHoverText | null {
  const doc = aslDoc('machine', name);
  if (!doc) return null;
  const where = m.kind === 'top' ? 'top-level field of the state machine' : m.kind === 'branch' ? 'field of a Parallel branch' : "field of a Map's ItemProcessor";
  const allowed = ROOT_FIELDS[m.kind].includes(name) ? undefined : `not a field ${m.kind === 'top' ? 'at the top level' : m.kind === 'branch' ? 'of a Parallel branch' : "of a Map's ItemProcessor"}`;
  return render(name, [where, allowed], doc, key);
}

function stateField(name: string, s: AslState, key: AstNode): AslHoverText | null {
  const common = COMMON_FIELDS.includes(name);
  const types = STATE_TYPES.filter((t) => common || STATE_FIELDS[t].includes(name));
  if (!types.length) return null;
  const where = common ? 'field of every state' : types.length === 1 ? `field of a ${types[0]} state` : `field of ${list(types)} states`;
  const known = s.type !== undefined && STATE_TYPES.includes(s.type);
  const allowed = known && !types.includes(s.type!) ? `not a field of a ${s.type} state` : undefined;
  return render(name, [where, queryLanguageNote(name, s.queryLanguage), allowed], aslDoc('state', name, known ? s.type : undefined), key);
}

const COMPARED: Record<string, string> = { string: 'a string', number: 'a number', boolean: 'true or false', path: 'a Path to the value to compare with' };

function choiceRuleField(name: string, s: AslState, key: AstNode): AslHoverText | null {
  const comparison = COMPARATORS[name];
  const logical = LOGICAL.includes(name);
  if (!comparison && !logical && !CHOICE_RULE_KEYS.includes(name)) return null;
  const where = comparison ? `comparison of a Choice rule, its value ${COMPARED[comparison]}` : logical ? 'Boolean expression of a Choice rule' : 'field of a Choice rule';
  const only: QueryLanguage | undefined = comparison || logical || name === 'Variable' ? 'JSONPath' : name === 'Condition' || name === 'Output' ? 'JSONata' : undefined;
  return render(name, [where, only && onlyNote(only, s.queryLanguage)], aslDoc('choiceRule', name), key);
}

/** "JSONPath only" / "JSONata only" for a field of one query language (the tables of validateStructure.ts). */
function queryLanguageNote(name: string, ql: QueryLanguage): string | undefined {
  return JSONPATH_ONLY.has(name) ? onlyNote('JSONPath', ql) : JSONATA_ONLY.has(name) ? onlyNote('JSONata', ql) : undefined;
}

const onlyNote = (only: QueryLanguage, ql: QueryLanguage) => `${only} only${ql === only ? '' : ` (this state's query language is ${ql})`}`;

/** The hover: a header, the quotes of `doc` (of each entry in turn, a value's after its field's), their sources. */
function render(name: string, about: string | (string | undefined)[], doc: AslDocEntry | (AslDocEntry | undefined)[] | undefined, node: AstNode): AslHoverText | null {
  const all = (Array.isArray(doc) ? doc : [doc]).flatMap((d) => d?.quotes ?? []);
  if (!all.length) return null;
  const sources = aslDocs().sources;
  const titleOf = (url: string) => Object.entries(sources).find(([prefix]) => url.startsWith(prefix))?.[1] ?? url;
  const links = [...new Set(all.map((q) => q.source))].map((url) => `[${titleOf(url)}](${url})`);
  const header = [`**${name}**`, ...(Array.isArray(about) ? about : [about]).filter(Boolean)].join(' · ');
  const quotes = all.map((q) => `> ${q.text}`).join('\n>\n');
  return { markdown: `${header}\n\n${quotes}\n\n${links.join(' · ')}`, range: span(node) };
}

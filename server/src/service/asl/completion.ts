// Completion of the Amazon States Language itself, in JSON and YAML: the fields a state of its Type takes in its
// query language (present ones left out), a machine's, a retrier's, a catcher's, a Choice rule's and a Distributed
// Map's settings objects' fields, and the values the language fixes: state types, the state names a transition can
// name (StartAt, Next, Default, a catcher's Next), the predefined error names in ErrorEquals, QueryLanguage,
// JitterStrategy, the settings' values; inside expressions, the names they call. Which fields belong where is
// fields.ts's tables; the SageMaker requests inside Parameters/Arguments are sagemaker/completion.ts's.
// Items carry their edit in offsets (completion.ts at the service root makes LSP TextEdits of them).
import { getLocation } from 'jsonc-parser';
import { CompletionItemKind, InsertTextFormat, InsertTextMode, type CompletionItem } from 'vscode-languageserver-types';
import { eolOf, indentUnit } from '../core/edits';
import { column, lineStart } from '../core/text';
import { nodeAt, property } from '../core/tree';
import type { AstNode, OffsetEdit, OffsetRange, ParsedDocument } from '../core/types';
import { argumentCount, INTRINSIC_FUNCTIONS, jsonataFunctions } from '../expressions/index';
import { getYamlCompletionContext, yamlKeyEdit, yamlValueEdit, type YamlLocation } from '../yaml/completionContext';
import { yamlScalar } from '../yaml/edits';
import { jsonSnippet, placeholderText, type SnippetShape } from '../core/snippets';
import { blockSiblingKeys, YamlSnippets } from '../yaml/snippets';
import { modelOf, type AslState, type QueryLanguage } from './model';
import { variablesReadableIn } from './variables';
import { pathOf, placeAt, relative, type Path, type Place } from './place';
import { CATCHER_FIELDS, CHOICE_RULE_FIELDS, COMMON_FIELDS, COMPARATORS, exclusiveGroups, fieldType, JITTER_STRATEGIES, JSONATA_ONLY, JSONPATH_ONLY, PREDEFINED_ERRORS, QUERY_LANGUAGES, RETRIER_FIELDS, ROOT_FIELDS, settingsFields, settingValues, STATE_FIELDS, STATE_TYPES } from './fields';

/**
 * A completion item whose edit is in offsets (the LSP `textEdit` is made from `edit` at the service root, its
 * `additionalTextEdits` from `more`: a comma a new member needs after the one before it).
 */
export type OffsetCompletionItem = Omit<CompletionItem, 'textEdit' | 'additionalTextEdits'> & { edit: OffsetEdit; more?: OffsetEdit[] };

/** The state names of the machine, in order. */
const stateNames = (machine: AstNode | undefined): string[] =>
  (property(machine, 'States')?.children ?? []).map((p) => p.children?.[0]?.value).filter((k): k is string => typeof k === 'string');

/** The fields an object at `place` takes, in the order they are offered. */
function fieldsOf(place: Place): string[] {
  const ql = place.ql;
  const inLanguage = (f: string) => (ql === 'JSONata' ? !JSONPATH_ONLY.has(f) : !JSONATA_ONLY.has(f));
  switch (place.kind) {
    case 'machine':
      return ROOT_FIELDS[place.machineKind];
    case 'state': {
      const type = place.stateType;
      const own = type && STATE_FIELDS[type] ? STATE_FIELDS[type] : [];
      // Iterator is ItemProcessor's older name: not offered for new states.
      return [...COMMON_FIELDS, ...own].filter((f) => inLanguage(f) && f !== 'Iterator');
    }
    case 'retrier':
      return RETRIER_FIELDS;
    case 'catcher':
      return CATCHER_FIELDS.filter(inLanguage);
    case 'settings':
      return place.settings ? settingsFields(place.settings, ql) : [];
    case 'rule': {
      const fields = CHOICE_RULE_FIELDS[ql];
      return place.nested ? fields.filter((f) => f !== 'Next' && f !== 'Assign' && f !== 'Output') : fields;
    }
    default:
      return [];
  }
}

/**
 * What the integrations the caller knows offer (the language itself knows none; completion.ts at the service root
 * passes SageMaker's, from sagemaker/completion.ts).
 */
export interface AslCompletionOptions {
  /** The Resource ARNs a Task may name (`sageMakerResources`). */
  resources?: () => string[];
  /** The Task states a machine's States may gain, offered before the language's own new states (`newSageMakerTasks`). */
  newTasks?: readonly NewTask[];
  /** The Task a new, empty JSON machine may start as, besides one Pass state. */
  newMachineTask?: NewTask;
}

/** A Task state an integration offers as a new state: `New state: <what>`. */
export interface NewTask {
  /** In the item's label: "SageMaker training job". */
  what: string;
  /** The item's detail: "a Task that starts a training job and waits for it". */
  detail: string;
  /** The name the snippet gives the state. */
  name: string;
  /** Its Resource ARN. */
  resource: string;
  /** Its request in a state of this query language, which the snippet writes each value of as a tab stop; none: left for completion to fill. */
  request: (queryLanguage: QueryLanguage) => Record<string, unknown> | undefined;
}

/**
 * A request as snippet lines, each of its values a tab stop (numbered from `tab`) holding the example: JSON members
 * one a line, values inline; YAML block mappings, lists of mappings as `- ` items. The last line ends with `$0`.
 */
function requestLines(request: Record<string, unknown>, yaml: boolean, tab: number): string[] {
  const stop = (v: unknown) => {
    const n = tab++;
    if (typeof v !== 'string') return `\${${n}:${String(v)}}`;
    if (!yaml) return `"\${${n}:${placeholderText(JSON.stringify(v).slice(1, -1))}}"`;
    const scalar = yamlScalar(v);
    return scalar.startsWith('"') ? `"\${${n}:${placeholderText(scalar.slice(1, -1))}}"` : `\${${n}:${placeholderText(scalar)}}`;
  };
  const inline = (v: unknown): string =>
    Array.isArray(v) ? `[ ${v.map(inline).join(', ')} ]` : v && typeof v === 'object' ? `{ ${Object.entries(v).map(([k, x]) => `"${placeholderText(k)}": ${inline(x)}`).join(', ')} }` : stop(v);
  const block = (v: Record<string, unknown>, indent: string, first = indent): string[] =>
    Object.entries(v).flatMap(([k, x], i) => {
      const lead = i === 0 ? first : indent;
      if (Array.isArray(x)) return [`${lead}${placeholderText(k)}:`, ...x.flatMap((item) => block(item as Record<string, unknown>, `${indent}    `, `${indent}  - `))];
      if (x && typeof x === 'object') return [`${lead}${placeholderText(k)}:`, ...block(x as Record<string, unknown>, `${indent}  `)];
      return [`${lead}${placeholderText(k)}: ${stop(x)}`];
    });
  const lines = yaml ? block(request, '') : Object.entries(request).map(([k, v], i, all) => `"${placeholderText(k)}": ${inline(v)}${i < all.length - 1 ? ',' : ''}`);
  lines[lines.length - 1] += '$0';
  return lines;
}

/** The values the language fixes for `field` at `place` (none: anything the user writes). */
function valuesOf(place: Place, field: string | number, options: AslCompletionOptions = {}): string[] | undefined {
  if (place.kind === 'errors') return errorNames(place);
  if (place.kind === 'settings') return typeof field === 'string' && place.settings ? (settingValues(place.settings, field) as string[] | undefined) : undefined;
  if (place.kind === 'state' && field === 'Resource' && place.stateType === 'Task') return options.resources?.();
  // In a machine whose top level is JSONata, no state can say JSONPath.
  if (field === 'QueryLanguage') return place.kind === 'state' && place.topQl === 'JSONata' ? ['JSONata'] : QUERY_LANGUAGES;
  if (place.kind === 'machine' && field === 'StartAt') return stateNames(place.machine);
  if (place.kind === 'state' && field === 'Type') return STATE_TYPES;
  // A transition names another state: the state's own name (a loop, rarely meant) is not offered, as AWS's language
  // service does not; it can still be typed.
  const targets = () => stateNames(place.machine).filter((n) => n !== place.stateName);
  if (field === 'Next' && place.kind !== 'retrier') return targets();
  if (place.kind === 'state' && field === 'Default') return targets();
  if (place.kind === 'retrier' && field === 'JitterStrategy') return JITTER_STRATEGIES;
  if (place.kind === 'state' && field === 'End') return ['true'];
  return undefined;
}

/**
 * The predefined error names an ErrorEquals entry may take beside the others, which deploy would refuse (ux40: each
 * was offered, then flagged): none already there, States.ALL only alone (and nothing beside it).
 */
function errorNames(place: Place): string[] {
  const others = (place.node?.type === 'array' ? place.node.children ?? [] : []).filter((_, i) => i !== place.entry).map((n) => n.value);
  if (others.includes('States.ALL')) return [];
  // The retrier or catcher, and the list it is in: a name an earlier one handles never reaches this one, States.ALL
  // goes only in the last, and a States.Runtime error is not retried (the structure checks' warnings; ux41: each was
  // offered, then flagged).
  const item = place.node?.parent?.parent;
  const list = item?.parent?.type === 'array' ? item.parent.children ?? [] : [];
  const index = item ? list.indexOf(item) : -1;
  const earlier = new Set(list.slice(0, Math.max(index, 0)).flatMap((o) => property(o, 'ErrorEquals')?.children?.map((n) => n.value) ?? []));
  const last = index === -1 || index === list.length - 1;
  const retrier = place.retrier === true;
  return PREDEFINED_ERRORS.filter((e) => !others.includes(e) && !earlier.has(e) && !(e === 'States.ALL' && (others.length || !last)) && !(retrier && e === 'States.Runtime'));
}

// What a new field's value is, to write a snippet of it.
const OBJECTS = new Set(['States', 'Parameters', 'Arguments', 'ResultSelector', 'Assign', 'ItemSelector', 'ItemProcessor', 'Iterator', 'Credentials', 'ItemReader', 'ItemBatcher', 'ResultWriter', 'ProcessorConfig', 'Result', 'Not']);
const ARRAYS = new Set(['Retry', 'Catch', 'Choices', 'Branches', 'ErrorEquals', 'And', 'Or']);
/**
 * A retrier's numbers when it does not say them, as the specification gives them ("IntervalSeconds … (default
 * value: 1)", "MaxAttempts … (default: 3)", "BackoffRate … (default: 2.0)", schemas/asl-docs.json).
 */
const RETRIER_DEFAULTS: Record<string, number> = { IntervalSeconds: 1, MaxAttempts: 3, BackoffRate: 2 };

function shapeOfField(place: Place, field: string): SnippetShape {
  if (field === 'End') return { kind: 'boolean', enum: ['true'] };
  if (place.kind === 'rule' && field in COMPARATORS) {
    const type = COMPARATORS[field];
    return type === 'number' ? { kind: 'number' } : type === 'boolean' ? { kind: 'boolean' } : { kind: 'string' };
  }
  if (place.kind === 'settings' && (field === 'MaxItems' || field === 'MaxItemsPerBatch' || field === 'MaxInputBytesPerBatch')) return { kind: 'integer', min: 1 };
  if (place.kind === 'settings' && (field === 'ReaderConfig' || field === 'WriterConfig' || field === 'Parameters' || field === 'BatchInput')) return { kind: 'structure', members: new Map(), required: [] };
  if (place.kind === 'settings' && field === 'CSVHeaders') return { kind: 'list', items: { kind: 'string' } };
  // A number the checks type (fields.ts's TYPED_FIELDS): written at its least value, a retrier's at the specification's
  // default (ux42: "MaxAttempts": 0 never retries).
  const typed = place.kind !== 'rule' ? fieldType(field, place.kind === 'retrier') : undefined;
  const first = place.kind === 'retrier' ? RETRIER_DEFAULTS[field] : undefined;
  if (typed?.want === 'integer' || typed?.want === 'number') return { kind: typed.want, min: typed.min, ...(first !== undefined ? { first } : {}) };
  if (OBJECTS.has(field)) return { kind: 'structure', members: new Map(), required: [] };
  if (ARRAYS.has(field)) return { kind: 'list', items: { kind: 'string' } };
  const values = valuesOf(place, field);
  return { kind: 'string', enum: values?.length ? values : undefined };
}

/** The keys of `object` (a `.$` key counted as its field), but the one whose key starts at `editing`. */
export function presentKeys(object: AstNode | undefined, editing: number | undefined): Set<string> {
  const present = new Set<string>();
  for (const p of object?.children ?? []) {
    const k = p.children?.[0];
    if (k && typeof k.value === 'string' && k.offset !== editing && p.offset !== editing) present.add(k.value.replace(/\.\$$/, ''));
  }
  return present;
}

/** The fields a written one rules out at `place` (fields.ts's `exclusiveGroups`: Next or End, a Wait's Seconds or Timestamp, a Choice rule's one comparison). */
function ruledOut(place: Place, present: Set<string>): Set<string> {
  const groups = place.kind === 'state' ? exclusiveGroups('state', place.stateType) : place.kind === 'rule' && place.ql === 'JSONPath' ? exclusiveGroups('rule') : [];
  const out = new Set<string>();
  for (const group of groups) for (const f of group) if (present.has(f)) for (const g of group) if (g !== f) out.add(g);
  return out;
}

/** Fields not written yet, nor ruled out by one written. */
function fieldItems(place: Place, present: Set<string>, edit: (field: string) => { range: OffsetRange; newText: string; filterText: string; insertTextMode?: InsertTextMode }): OffsetCompletionItem[] {
  const items: OffsetCompletionItem[] = [];
  const fields = fieldsOf(place);
  const excluded = ruledOut(place, present);
  fields.forEach((field, i) => {
    // A `.$` field is present when its plain form is (present keys are counted without `.$`: RoleArn or RoleArn.$).
    if (present.has(field.replace(/\.\$$/, '')) || excluded.has(field)) return;
    const e = edit(field);
    const item: OffsetCompletionItem = {
      label: field,
      kind: CompletionItemKind.Property,
      detail: place.kind === 'state' ? `${place.stateType ?? 'state'} field` : `${place.kind === 'machine' ? 'state machine' : place.kind === 'rule' ? 'Choice rule' : place.kind} field`,
      sortText: String(i).padStart(3, '0'),
      filterText: e.filterText,
      insertTextFormat: InsertTextFormat.Snippet,
      edit: { ...e.range, newText: e.newText },
    };
    if (e.insertTextMode !== undefined) item.insertTextMode = e.insertTextMode;
    items.push(item);
  });
  return items;
}

/**
 * A Resource's ARNs in the partition the line already writes before the cursor (`arn:aws-us-gov:`, a template's
 * `arn:${AWS::Partition}:`; ux42: every item was `arn:aws:…`, matching nothing typed, or writing the wrong one).
 */
function inTypedPartition(text: string, offset: number, field: string | number, values: string[] | undefined): string[] | undefined {
  if (field !== 'Resource' || !values) return values;
  const partition = typedPartition(text.slice(lineStart(text, offset), offset));
  return partition ? values.map((v) => (v.startsWith('arn:aws:') ? `arn:${partition}:${v.slice('arn:aws:'.length)}` : v)) : values;
}

/** The partition of the last `arn:<partition>:states:` in `line` but AWS's own (`aws-us-gov`, `${AWS::Partition}`), read by hand: one pass. */
function typedPartition(line: string): string | undefined {
  const at = line.lastIndexOf('arn:');
  if (at < 0) return undefined;
  let end = at + 4;
  if (line.startsWith('${', end)) end = line.indexOf('}', end) + 1;
  else while (end < line.length && ((line[end] >= 'a' && line[end] <= 'z') || line[end] === '-')) end++;
  const partition = end > at + 4 ? line.slice(at + 4, end) : '';
  // AWS's partitions are short (aws-iso-b), a template's `${AWS::Partition}` too: a long one is copied into no item
  // (the review of the day: 418 items each carrying a 100 kB "partition").
  return partition && partition !== 'aws' && partition.length <= 64 && line.startsWith(':states:', end) ? partition : undefined;
}

function valueItems(values: string[], kind: CompletionItemKind, detail: string, edit: (value: string) => { range: OffsetRange; newText: string; filterText: string }): OffsetCompletionItem[] {
  return values.map((value, i) => {
    const e = edit(value);
    return { label: value, kind, detail, sortText: String(i).padStart(4, '0'), filterText: e.filterText, edit: { ...e.range, newText: e.newText } };
  });
}

/** What a value list is, for the items' kind and detail. */
function describeValues(place: Place, field: string | number): { kind: CompletionItemKind; detail: string } {
  if (place.kind === 'errors') return { kind: CompletionItemKind.Constant, detail: 'predefined error name' };
  if (field === 'Next' || field === 'Default' || field === 'StartAt') return { kind: CompletionItemKind.Reference, detail: 'state' };
  if (field === 'Resource') return { kind: CompletionItemKind.Value, detail: 'integration' };
  return { kind: CompletionItemKind.EnumMember, detail: String(field) };
}

/** Whether a JSON member written at `end` needs a comma after it: another member follows. */
export function needsCommaAfter(text: string, end: number): boolean {
  const rest = /^\s*(.)/.exec(text.slice(end, end + 200));
  return !!rest && (rest[1] === '"' || rest[1] === '{');
}

/**
 * What a JSON member written over `start`–`end` needs after it: nothing at the end of its object, else a comma, and
 * when the next member follows on the same line with nothing between, a line break to the same indentation (the
 * cursor at the start of a line: `‸"Image": …`) or a space (`{ ‸"Image": …`). `insertTextMode` asIs then: the text
 * carries its indentation.
 */
export function separatorAfter(text: string, start: number, end: number): { text: string; insertTextMode?: InsertTextMode } {
  if (!needsCommaAfter(text, end)) return { text: '' };
  if (/^\s/.test(text.slice(end, end + 1))) return { text: ',' };
  const lead = text.slice(lineStart(text, start), start);
  return /^[ \t]*$/.test(lead) ? { text: `,${eolOf(text)}${lead}`, insertTextMode: InsertTextMode.asIs } : { text: ', ' };
}

/** The span of the token under the cursor that a completion replaces (a JSON string or a word being typed). */
export function replaceRange(text: string, offset: number, node: OffsetRange | undefined): OffsetRange {
  if (node && offset > node.offset && offset <= node.offset + node.length) {
    const written = text.slice(node.offset, node.offset + node.length);
    // A string not closed yet reads to the end of its line (`"Keep },`): only what is typed of it is replaced, not
    // the rest of the line.
    if (written.startsWith('"') && (written.length < 2 || !written.endsWith('"') || written.endsWith('\\"'))) {
      let end = offset;
      while (end < node.offset + node.length && /[\w.$-]/.test(text[end])) end++;
      return { offset: node.offset, length: end - node.offset };
    }
    return { offset: node.offset, length: node.length };
  }
  let start = offset;
  while (start > 0 && /[\w.$-]/.test(text[start - 1])) start--;
  return { offset: start, length: offset - start };
}

/**
 * Whether the cursor starts a member on a line of its own right after a value with no comma (`"End": true⏎"Re‸`,
 * which the scanner reads as still that value): where the value ends, and the new key as typed around the cursor
 * (what a completion replaces).
 */
export function newMemberAfterValue(text: string, offset: number): { valueEnd: number; key: OffsetRange } | undefined {
  const typed = /"?[\w.$-]*$/.exec(text.slice(Math.max(0, offset - 100), offset))![0];
  const keyStart = offset - typed.length;
  let valueEnd = keyStart;
  while (valueEnd > 0 && /\s/.test(text[valueEnd - 1])) valueEnd--;
  if (!/[\r\n]/.test(text.slice(valueEnd, keyStart))) return undefined;
  // A value's last character: a string's quote, a number's digit, true/false/null's letter, a closing bracket.
  if (!/["\d}\]el]/.test(text[valueEnd - 1] ?? '')) return undefined;
  return { valueEnd, key: { offset: keyStart, length: offset - keyStart + (/^[\w.$-]*"?/.exec(text.slice(offset))?.[0].length ?? 0) } };
}

/** The machine whose States the key at `path` is a key of (a new state's name), if it is one. */
function machineOfStateKey(root: AstNode, path: Path): Place | undefined {
  const machine = path.length >= 2 && path[path.length - 2] === 'States' ? placeAt(root, path.slice(0, -2)) : undefined;
  return machine?.kind === 'machine' ? machine : undefined;
}

/**
 * `items` of a new member on a line of its own after the last member's value, with no comma between them yet: the
 * comma added after that value (new-user walk: Enter after the last member, then Ctrl+Space, gave nothing usable).
 */
export function withCommaBefore(text: string, offset: number, items: OffsetCompletionItem[]): OffsetCompletionItem[] {
  const after = newMemberAfterValue(text, offset);
  return after ? items.map((item) => ({ ...item, more: [...(item.more ?? []), { offset: after.valueEnd, length: 0, newText: ',' }] })) : items;
}

/** The state whose object holds `offset` most closely (to read only its text in a large document). */
function innermostState(parsed: ParsedDocument, offset: number): AslState | undefined {
  let best: AslState | undefined;
  for (const s of modelOf(parsed).states) {
    const n = s.node;
    if (n.type === 'object' && n.offset < offset && offset < n.offset + n.length && (!best || n.offset > best.node.offset)) best = s;
  }
  return best;
}

/** The ASL completions at `offset` of a state machine (none inside a SageMaker or any other payload but its expressions). */
export function aslCompletions(parsed: ParsedDocument, offset: number, options: AslCompletionOptions = {}): OffsetCompletionItem[] {
  // An empty YAML state machine (a new *.asl.yaml file): the top level's fields.
  if (!parsed.root && parsed.language === 'yaml' && !parsed.text.trim()) {
    const place: Place = { kind: 'machine', node: undefined, machine: undefined, machineKind: 'top', ql: 'JSONPath' };
    const snippets = new YamlSnippets(eolOf(parsed.text), '  ', false);
    return fieldItems(place, new Set(), (field) => ({ range: { offset, length: 0 }, filterText: field, newText: `${field}:${snippets.valueAfterKey(shapeOfField(place, field), '  ')}`, insertTextMode: InsertTextMode.asIs }));
  }
  // An empty JSON state machine (a new *.asl.json file): a whole machine to start from.
  if (!parsed.root && parsed.language === 'json' && !parsed.text.trim()) return newMachineItems(eolOf(parsed.text), { offset: 0, length: parsed.text.length }, options);
  if (!parsed.root || parsed.root.type !== 'object') return [];
  const inExpression = expressionCompletions(parsed, offset);
  if (inExpression) return inExpression;
  return parsed.language === 'yaml' ? completeYaml(parsed, parsed.root, offset, options) : completeJson(parsed, parsed.root, offset, options);
}

/**
 * The machines a new JSON file may start as: the caller's Task (`newMachineTask`, its Parameters its example request,
 * each value a tab stop), or one Pass state. Snippets: the state's name is typed once for both places.
 */
function newMachineItems(eol: string, range: { offset: number; length: number }, options: AslCompletionOptions): OffsetCompletionItem[] {
  const machine = (label: string, detail: string, state: string[]) => ({
    label,
    kind: CompletionItemKind.Snippet,
    detail,
    insertTextFormat: InsertTextFormat.Snippet,
    edit: { ...range, newText: ['{', '  "Comment": "${1:What this state machine does}",', '  "StartAt": "${2:First}",', '  "States": {', '    "${2:First}": {', ...state.map((l) => `      ${l}`), '    }', '  }', '}'].join(eol) },
  });
  const task = options.newMachineTask;
  return [
    ...(task ? [machine(`New state machine: a ${task.what}`, `StartAt, States and ${task.detail}`, ['"Type": "Task",', `"Resource": "${task.resource}",`, '"Parameters": {', ...requestBody(task, 'JSONPath', false, 3).map((l) => `  ${l}`), '},', '"End": true'])] : []),
    machine('New state machine', 'StartAt, States and one Pass state', ['"Type": "Pass",', '"End": true$0']),
  ];
}

/** A new Task's request: the integration's example, its values tab stops from `tab`; else empty, for completion to fill. */
function requestBody(task: NewTask, ql: QueryLanguage, yaml: boolean, tab: number): string[] {
  const example = task.request(ql);
  return example ? requestLines(example, yaml, tab) : ['$0'];
}

/** A new state's body, in the snippet syntax (`\\$` a dollar sign), one line a list item, for JSON or YAML. */
interface NewState {
  what: string;
  detail: string;
  name: string;
  json: string[];
  yaml: string[];
}

/**
 * The states a machine's States may gain at the cursor: the caller's Tasks (`newTasks`: its request the
 * integration's example, each value a tab stop; else left for completion), a Choice in the machine's query language, Pass, Wait, Succeed and
 * Fail. Each ends the machine (`End: true`) until a Next is written.
 */
function newStates(ql: QueryLanguage, options: AslCompletionOptions): NewState[] {
  const request = ql === 'JSONata' ? 'Arguments' : 'Parameters';
  const task = (t: NewTask): NewState => ({
    what: t.what,
    detail: t.detail,
    name: t.name,
    json: ['"Type": "Task",', `"Resource": "${t.resource}",`, `"${request}": {`, ...requestBody(t, ql, false, 2).map((l) => `  ${l}`), '},', '"End": true'],
    yaml: ['Type: Task', `Resource: ${t.resource}`, `${request}:`, ...requestBody(t, ql, true, 2).map((l) => `  ${l}`), 'End: true'],
  });
  const choice: NewState =
    ql === 'JSONata'
      ? {
          what: 'Choice', detail: 'goes to the state of the first rule that matches, else to Default', name: 'Choose',
          json: ['"Type": "Choice",', '"Choices": [', '  { "Condition": "{% \\$states.input.${3:field} = \'${4:value}\' %}", "Next": "${5:Next}" }', '],', '"Default": "${2:Default}"$0'],
          yaml: ['Type: Choice', 'Choices:', '  - Condition: "{% \\$states.input.${3:field} = \'${4:value}\' %}"', '    Next: ${5:Next}', 'Default: ${2:Default}$0'],
        }
      : {
          what: 'Choice', detail: 'goes to the state of the first rule that matches, else to Default', name: 'Choose',
          json: ['"Type": "Choice",', '"Choices": [', '  { "Variable": "\\$.${3:field}", "StringEquals": "${4:value}", "Next": "${5:Next}" }', '],', '"Default": "${2:Default}"$0'],
          yaml: ['Type: Choice', 'Choices:', '  - Variable: \\$.${3:field}', '    StringEquals: ${4:value}', '    Next: ${5:Next}', 'Default: ${2:Default}$0'],
        };
  return [
    ...(options.newTasks ?? []).map(task),
    choice,
    { what: 'Pass', detail: 'passes its input on', name: 'Pass', json: ['"Type": "Pass",', '"End": true$0'], yaml: ['Type: Pass', 'End: true$0'] },
    { what: 'Wait', detail: 'waits a number of seconds', name: 'Wait', json: ['"Type": "Wait",', '"Seconds": ${2:60},', '"End": true$0'], yaml: ['Type: Wait', 'Seconds: ${2:60}', 'End: true$0'] },
    { what: 'Succeed', detail: 'ends the execution successfully', name: 'Done', json: ['"Type": "Succeed"$0'], yaml: ['Type: Succeed$0'] },
    { what: 'Fail', detail: 'ends the execution with an error', name: 'Failed', json: ['"Type": "Fail",', '"Error": "${2:Error}",', '"Cause": "${3:What went wrong}"$0'], yaml: ['Type: Fail', 'Error: ${2:Error}', 'Cause: ${3:What went wrong}$0'] },
  ];
}

/**
 * What the line of `offset` lacks, up to it, of the indentation of the machine's other states: VS Code indents a
 * snippet's lines as the line it starts on, so on a blank line at its start a new state would be written at column 0
 * (new-user walk). Nothing when the line has text before `offset` or no other state starts a line of its own.
 */
function missingStateIndent(text: string, offset: number, machine: Place): string {
  const lead = text.slice(lineStart(text, offset), offset);
  const sibling = property(machine.node, 'States')?.children?.find((p) => p.offset !== offset)?.children?.[0];
  if (!/^[ \t]*$/.test(lead) || !sibling) return '';
  const want = text.slice(lineStart(text, sibling.offset), sibling.offset);
  return /^[ \t]*$/.test(want) && want.length > lead.length && want.startsWith(lead) ? want.slice(lead.length) : '';
}

/** The new states as JSON members at `range` (`comma` after one that a member follows), each line `indent` further in. */
function newStateItems(eol: string, range: OffsetRange, comma: string, ql: QueryLanguage, options: AslCompletionOptions, indent = ''): OffsetCompletionItem[] {
  return newStates(ql, options).map((s, i) => ({
    label: `New state: ${s.what}`,
    kind: CompletionItemKind.Snippet,
    detail: s.detail,
    sortText: String(i),
    filterText: `"New state: ${s.what}"`,
    insertTextFormat: InsertTextFormat.Snippet,
    edit: { ...range, newText: [`"\${1:${s.name}}": {`, ...s.json.map((l) => `  ${l}`), `}${comma}`].map((l) => indent + l).join(eol) },
  }));
}

/** The new states as YAML block members at `range`, their fields at `indent` (written out: insertTextMode asIs). */
function newStateYamlItems(eol: string, range: OffsetRange, lead: string, indent: string, ql: QueryLanguage, options: AslCompletionOptions): OffsetCompletionItem[] {
  return newStates(ql, options).map((s, i) => ({
    label: `New state: ${s.what}`,
    kind: CompletionItemKind.Snippet,
    detail: s.detail,
    sortText: String(i),
    filterText: `New state: ${s.what}`,
    insertTextFormat: InsertTextFormat.Snippet,
    insertTextMode: InsertTextMode.asIs,
    edit: { ...range, newText: [`${lead}\${1:${s.name}}:`, ...s.yaml.map((l) => `${indent}${l}`)].join(eol) },
  }));
}

// ---- Inside expressions ---------------------------------------------------------------------------------------
// The names an expression calls: intrinsic functions in a JSONPath `.$` value (`"States.Fo‸"`), and in a JSONata
// `{% … %}` the `$states` variable, Step Functions' own functions and JSONata's (`$par‸`). What follows a dot (the
// fields a path reads) is the data flow's (dataflow/completion.ts).

/** A name being typed just before the cursor: a prefix of `States.` and a function name after it, at an argument's start. */
const TYPED_INTRINSIC = /(?:^|[(,]\s*)(S(?:t(?:a(?:t(?:e(?:s(?:\.[A-Za-z0-9]*)?)?)?)?)?)?)$/;
const TYPED_JSONATA = /(?<![\p{ID_Continue}$.])\$[\p{ID_Continue}]*$/u;
// A variable's name starts with an ID_Start character (asl/variables.ts): `$_x` is none, and no path (jsonpath.ts).
const TYPED_VARIABLE = /(?:^|[(,]\s*)(\$\p{ID_Start}\p{ID_Continue}*|\$)$/u;

/** The variables the state holding `offset` can read (asl/variables.ts's scopes), as `$name` items. */
function variableItems(parsed: ParsedDocument, offset: number, range: OffsetRange): OffsetCompletionItem[] {
  const state = innermostState(parsed, offset);
  if (!state) return [];
  return variablesReadableIn(modelOf(parsed), state).map((name) => ({
    label: `$${name}`,
    kind: CompletionItemKind.Variable,
    detail: 'variable (Assign)',
    sortText: `0${name}`,
    edit: { ...range, newText: `$${name}` },
  }));
}

/**
 * A `.$` key whose value is not written yet, the cursor after its colon (`"InstanceCount.$": ‸`, YAML's
 * `TrainingJobName.$: ‸` and `{ InstanceCount.$: ‸ }`; ux41: only a quoted empty value was offered anything). The
 * items carry their own quotes in JSON; a YAML flow mapping is offered no call, whose commas would end the value.
 */
function unwrittenPathValue(parsed: ParsedDocument, offset: number): { quote: boolean; calls: boolean } | undefined {
  const text = parsed.text;
  const node = nodeAt(parsed.root, offset);
  if (parsed.language === 'json') {
    // jsonc-parser keeps a member without a value as a property with its key alone.
    const key = node?.type === 'property' && node.children?.length === 1 ? node.children[0] : undefined;
    if (typeof key?.value !== 'string' || !key.value.endsWith('.$')) return undefined;
    const between = text.slice(key.offset + key.length, offset);
    return /^\s*:\s*$/.test(between) && /^\s*(?:[,}]|$)/.test(text.slice(offset, offset + 200)) ? { quote: true, calls: true } : undefined;
  }
  // YAML reads `X.$:` with nothing after it as a null value of no length, just after the colon.
  const member = node?.type === 'object' ? node.children?.find((p) => p.children?.[1]?.type === 'null' && p.children[1].length === 0 && p.children[1].offset <= offset && /^[ \t]*$/.test(text.slice(p.children[1].offset, offset))) : undefined;
  const key = member?.children?.[0];
  if (!member || typeof key?.value !== 'string' || !key.value.endsWith('.$')) return undefined;
  const flow = text[node!.offset] === '{';
  return /^[ \t]*(?:[,}]|\r?\n|$)/.test(text.slice(offset, offset + 200)) ? { quote: false, calls: !flow } : undefined;
}

function expressionCompletions(parsed: ParsedDocument, offset: number): OffsetCompletionItem[] | undefined {
  const unwritten = unwrittenPathValue(parsed, offset);
  if (unwritten) {
    // In the snippet syntax a dollar sign is `\$`; the cursor ends inside JSON's quotes.
    const q = unwritten.quote ? '"' : '';
    const write = (value: string) => `${q}${value.replace(/\$/g, '\\$')}${q ? '$0"' : ''}`;
    const range = { offset, length: 0 };
    const item = (label: string, kind: CompletionItemKind, detail: string, sortText: string, snippet?: string): OffsetCompletionItem =>
      ({ label, kind, detail, sortText, insertTextFormat: InsertTextFormat.Snippet, edit: { ...range, newText: snippet ?? write(label) } });
    return [
      item('$', CompletionItemKind.Variable, 'the state input (a JSONPath: $.field)', '!0'),
      item('$$', CompletionItemKind.Variable, 'the context object (a JSONPath: $$.Execution.Id)', '!1'),
      ...variableItems(parsed, offset, range).map((v) => item(v.label, CompletionItemKind.Variable, 'variable (Assign)', `!2${v.sortText ?? ''}`)),
      ...(unwritten.calls ? [...INTRINSIC_FUNCTIONS.values()].map((f, i) => item(f.name, CompletionItemKind.Function, `intrinsic function, ${argumentCount(f)}`, String(i).padStart(3, '0'), `${q}${f.name}(${f.max === 0 ? '' : '$1'})${q}`)) : []),
    ];
  }
  const node = nodeAt(parsed.root, offset);
  if (node?.type !== 'string' || node.parent?.type !== 'property' || node.parent.children?.[1] !== node) return undefined;
  const raw = parsed.text.slice(node.offset, offset);
  const quoted = raw[0] === '"' || raw[0] === "'";
  if (quoted && offset === node.offset) return undefined;
  const before = quoted ? raw.slice(1) : raw;
  const after = /^[A-Za-z0-9_.]*/.exec(parsed.text.slice(offset))![0];
  const open = before.lastIndexOf('{%');
  if (open >= 0 && !before.slice(open).includes('%}')) {
    const m = TYPED_JSONATA.exec(before);
    if (!m) return undefined;
    const range = { offset: offset - m[0].length, length: m[0].length + after.length };
    const items: OffsetCompletionItem[] = [
      { label: '$states', kind: CompletionItemKind.Variable, detail: 'the state\'s input, context, result and errorOutput', sortText: '0', edit: { ...range, newText: '$states' } },
      ...variableItems(parsed, offset, range),
    ];
    for (const f of jsonataFunctions()) {
      const call = f.arity === 0 ? `$${f.name}()` : `$${f.name}($1)`;
      items.push({
        label: `$${f.name}`,
        kind: CompletionItemKind.Function,
        detail: `${f.shape} (${f.stepFunctions ? 'Step Functions' : 'JSONata'})`,
        sortText: `${f.stepFunctions ? 1 : 2}${f.name}`,
        insertTextFormat: InsertTextFormat.Snippet,
        edit: { ...range, newText: call },
      });
    }
    return items;
  }
  const key = node.parent.children?.[0]?.value;
  if (typeof key !== 'string' || !key.endsWith('.$') || before.includes('{%')) return undefined;
  // A variable's name being typed where a path starts (`$mo‸`, not `$.` or `$$`).
  const variable = TYPED_VARIABLE.exec(before);
  if (variable) {
    const items = variableItems(parsed, offset, { offset: offset - variable[1].length, length: variable[1].length + after.length });
    return items.length ? items : undefined;
  }
  // Nothing yet (ux40: an empty `"X.$": ""` offered nothing): where a path or a call starts, the roots and the calls.
  const empty = /^\s*$/.test(before) && !/^\s*[$S]/.test(parsed.text.slice(offset));
  const m = empty ? ([before, ''] as const) : TYPED_INTRINSIC.exec(before);
  if (!m) return undefined;
  const range = { offset: offset - m[1].length, length: m[1].length + after.length };
  const roots: OffsetCompletionItem[] = empty
    ? [
        { label: '$', kind: CompletionItemKind.Variable, detail: 'the state input (a JSONPath: $.field)', sortText: '!0', edit: { ...range, newText: '$' } },
        { label: '$$', kind: CompletionItemKind.Variable, detail: 'the context object (a JSONPath: $$.Execution.Id)', sortText: '!1', edit: { ...range, newText: '$$' } },
        ...variableItems(parsed, offset, range).map((v) => ({ ...v, sortText: `!2${v.sortText ?? ''}` })),
      ]
    : [];
  return [...roots, ...[...INTRINSIC_FUNCTIONS.values()].map((f, i) => ({
    label: f.name,
    kind: CompletionItemKind.Function,
    detail: `intrinsic function, ${argumentCount(f)}`,
    sortText: String(i).padStart(3, '0'),
    insertTextFormat: InsertTextFormat.Snippet,
    edit: { ...range, newText: f.max === 0 ? `${f.name}()` : `${f.name}($1)` },
  }))];
}

function completeJson(parsed: ParsedDocument, root: AstNode, offset: number, options: AslCompletionOptions): OffsetCompletionItem[] {
  const text = parsed.text;
  // Inside a state, its text alone is scanned (a large machine's cursor is nearly always in one).
  const state = innermostState(parsed, offset);
  const scope = state?.node ?? root;
  const location = getLocation(text.slice(scope.offset, scope.offset + scope.length), offset - scope.offset);
  const path = relative(root, [...pathOf(scope), ...location.path]);
  if (!path) return [];
  const prev = location.previousNode ? { ...location.previousNode, offset: location.previousNode.offset + scope.offset } : undefined;
  const afterValue = !location.isAtPropertyKey && newMemberAfterValue(text, offset);
  if (afterValue) {
    // On a line after a member's value, with no comma yet: a new member of the same object, the comma added.
    const place = placeAt(root, path.slice(0, -1));
    const range = afterValue.key;
    if (!place) {
      // After the last state of a machine's States: a new state, whole.
      const machine = machineOfStateKey(root, path);
      return machine ? withCommaBefore(text, offset, newStateItems(eolOf(text), range, '', machine.ql, options, missingStateIndent(text, range.offset, machine))) : [];
    }
    return fieldItems(place, presentKeys(place.node, undefined), (field) => ({ range, filterText: `"${field}"`, newText: `"${field}": ${jsonSnippet(shapeOfField(place, field))}` })).map((item) => ({
      ...item,
      more: [{ offset: afterValue.valueEnd, length: 0, newText: ',' }],
    }));
  }
  if (location.isAtPropertyKey) {
    const place = placeAt(root, path.slice(0, -1));
    const editing = prev?.type === 'property' && offset > prev.offset && offset <= prev.offset + prev.length ? prev : undefined;
    const range = replaceRange(text, offset, editing);
    const end = range.offset + range.length;
    const hasColon = editing ? /^\s*:/.test(text.slice(end, end + 50)) : false;
    const separator = hasColon ? { text: '' } : separatorAfter(text, range.offset, end);
    if (!place) {
      // A key of a machine's States: a new state, whole (its name typed once).
      const machine = hasColon ? undefined : machineOfStateKey(root, path);
      if (!machine) return [];
      const indent = missingStateIndent(text, range.offset, machine);
      // Before a state on its line (`‸"Train": {`): the new one's closing brace, a comma, and a line break, which
      // VS Code indents as the line the snippet starts on, as it does the snippet's own lines.
      const after = separator.insertTextMode === undefined ? separator.text : `,${eolOf(text)}${indent}`;
      return withCommaBefore(text, offset, newStateItems(eolOf(text), range, after, machine.ql, options, indent));
    }
    const items = fieldItems(place, presentKeys(place.node, editing?.offset), (field) => ({
      range,
      filterText: `"${field}"`,
      newText: hasColon ? `"${field}"` : `"${field}": ${jsonSnippet(shapeOfField(place, field))}${separator.text}`,
      insertTextMode: separator.insertTextMode,
    }));
    return withCommaBefore(text, offset, items);
  }
  const field = path[path.length - 1];
  if (field === undefined) return [];
  const place = placeAt(root, typeof field === 'number' ? path : path.slice(0, -1));
  const values = place && inTypedPartition(text, offset, field, valuesOf(place, field, options));
  if (!place || !values?.length) return [];
  const node = prev && (prev.type === 'string' || prev.type === 'boolean' || prev.type === 'number') ? prev : undefined;
  const range = replaceRange(text, offset, node);
  const { kind, detail } = describeValues(place, field);
  return valueItems(values, kind, detail, (value) => ({ range, filterText: JSON.stringify(value), newText: JSON.stringify(value) }));
}

function completeYaml(parsed: ParsedDocument, root: AstNode, offset: number, options: AslCompletionOptions): OffsetCompletionItem[] {
  const text = parsed.text;
  let top: AstNode = root;
  while (top.parent) top = top.parent;
  const location: YamlLocation | undefined = getYamlCompletionContext(text, offset, top);
  if (!location) return [];
  if (location.isAtPropertyKey) {
    const path = relative(root, location.path);
    const edit = yamlKeyEdit(text, location, offset);
    if (!path || !edit) return [];
    const key = location.currentKey!;
    const { range, lead, quote, tail } = edit;
    // A word (or nothing yet) after `- ` under ErrorEquals reads as a key too: it is an item, an error name.
    const keyPlace = placeAt(root, path.slice(0, -1));
    if (keyPlace?.kind === 'errors') {
      return valueItems(errorNames(keyPlace), CompletionItemKind.Constant, 'predefined error name', (value) => ({ range, filterText: quote + value, newText: lead + yamlScalar(value, { flow: location.flow }) }));
    }
    if (!keyPlace) {
      // A key of a machine's States (block style): a new state, whole.
      const machine = location.flow || location.hasColon ? undefined : machineOfStateKey(root, path);
      if (!machine) return [];
      const unit = indentUnit(text, 'yaml');
      const items = newStateYamlItems(eolOf(text), range, lead, ' '.repeat(column(text, key.offset)) + unit, machine.ql, options);
      return tail ? items.map((item) => ({ ...item, edit: { ...item.edit, newText: item.edit.newText + tail } })) : items;
    }
    const present = presentKeys(keyPlace.node, location.before ? undefined : key.offset);
    if (!location.flow) for (const k of blockSiblingKeys(text, key.offset)) present.add(k.replace(/\.\$$/, ''));
    const snippets = new YamlSnippets(eolOf(text), indentUnit(text, 'yaml'), location.flow);
    const indent = ' '.repeat(column(text, key.offset) + snippets.unit.length);
    return fieldItems(keyPlace, present, (field) => {
      const written = quote ? `${quote}${field}${quote}` : field;
      if (location.hasColon) return { range, filterText: quote + field, newText: lead + written };
      return { range, filterText: quote + field, newText: `${lead}${written}:${snippets.valueAfterKey(shapeOfField(keyPlace, field), indent)}${tail}`, insertTextMode: InsertTextMode.asIs };
    });
  }
  const path = relative(root, location.path);
  const field = path?.[path.length - 1];
  if (!path || field === undefined) return [];
  const place = placeAt(root, typeof field === 'number' ? path : path.slice(0, -1));
  const values = place && inTypedPartition(text, offset, field, valuesOf(place, field, options));
  if (!place || !values?.length) return [];
  const write = yamlValueEdit(text, location, offset);
  const { kind, detail } = describeValues(place, field);
  return write ? valueItems(values, kind, detail, (value) => write(value)) : [];
}

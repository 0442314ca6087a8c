// Rules over the whole state machine rather than one state, each one Step Functions enforces at deploy: state
// names (1 to 80 characters, unique across every branch and Map processor), duplicate keys in any object, `X` next to
// `X.$` in a payload template, and the size of the definition. Iterative and linear in the document.
import { hasPlaceholder, scanPlaceholders } from '../expressions/placeholders';
import { quote, thousands } from '../core/text';
import { property } from '../core/tree';
import type { AstNode, DocumentLanguage, Problem } from '../core/types';
import { AslCode } from './codes';
import type { AslModel, AslState } from './model';
import { aslProblem } from './problem';

/** The service's quota on a definition (CreateStateMachine, ValidateStateMachineDefinition). */
export const MAX_DEFINITION_CHARS = 1_048_576;
/** The ASL specification: "State names MUST have length of less than or equal to 80 Unicode characters." */
const MAX_STATE_NAME = 80;

const at = (node: AstNode, code: string, message: string, data?: Record<string, unknown>): Problem => aslProblem(node.offset, node.length, code, message, 'error', data);

/** Unicode characters (code points), as the specification counts them. */
function codePoints(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) i++;
    n++;
  }
  return n;
}

/**
 * Why `name` cannot be given to `state` (a rename), as the checks below would refuse it; undefined when it can: not
 * empty, at most 80 characters, no other state of the whole machine (branches and processors included) named so.
 */
export function stateNameRefusal(model: AslModel, state: AslState, name: string): string | undefined {
  if (!name) return 'A state name cannot be empty';
  if (codePoints(name) > MAX_STATE_NAME) return `A state name has at most ${MAX_STATE_NAME} characters`;
  const other = model.states.find((s) => s.name === name && s !== state);
  if (!other) return undefined;
  const where = other.machine === state.machine ? '' : other.machine.owner ? ` in ${quote(other.machine.owner.name)}` : ' at the top level';
  return `There is already a state named ${quote(name)}${where}: state names are unique in the whole state machine`;
}

function checkStateNames(model: AslModel, out: Problem[]) {
  const first = new Map<string, AslState>();
  const labels = new Set<string>();
  for (const s of model.states) {
    const label = s.type === 'Map' ? property(s.node, 'Label') : undefined;
    if (label?.type === 'string' && !hasPlaceholder(label.value)) {
      if (labels.has(label.value)) out.push(at(label, AslCode.duplicateLabel, `Label ${quote(label.value)} is already used by another Map: labels are unique in the state machine`));
      labels.add(label.value);
    }
    const length = codePoints(s.name);
    // The API's state name: "Length Constraints: Minimum length of 1. Maximum length of 80." (StateEnteredEventDetails).
    if (!length) out.push(at(s.keyNode, AslCode.invalidStateName, `${stateNameRefusal(model, s, s.name)}: a state name has 1 to ${MAX_STATE_NAME} characters`));
    else if (length > MAX_STATE_NAME && !hasPlaceholder(s.name)) out.push(at(s.keyNode, AslCode.invalidStateName, `State name ${quote(s.name.slice(0, 40) + '…')} has ${length} characters; at most ${MAX_STATE_NAME} are allowed`));
    const earlier = first.get(s.name);
    if (!earlier) first.set(s.name, s);
    else {
      const where = earlier.machine === s.machine ? 'in this machine' : earlier.machine.owner ? `in ${quote(earlier.machine.owner.name)}` : 'at the top level';
      out.push(at(s.keyNode, AslCode.duplicateStateName, `State name ${quote(s.name)} is already used ${where}: state names are unique in the whole state machine, Parallel branches and Map processors included`));
    }
  }
}

/**
 * A key that appears twice in an object under `start` (a state, or a machine's own fields): at `start` itself the
 * values of `skip` are not looked into (a state's sub-machines and a machine's States are checked on their own,
 * and a state name twice is a duplicate state name).
 */
export function checkDuplicateKeys(start: AstNode, skip: ReadonlySet<string>, out: Problem[]) {
  const stack = [start];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'array') for (const c of node.children ?? []) stack.push(c);
    if (node.type !== 'object' || !node.children) continue;
    for (const p of node.children) {
      const k = p.children?.[0], v = p.children?.[1];
      if (v && (v.type === 'object' || v.type === 'array') && !(node === start && skip.has(k?.value))) stack.push(v);
    }
    // Most objects are small: compare keys pairwise below 8 members, with a set above (thousands per keystroke).
    const n = node.children.length;
    if (n < 2) continue;
    const keyAt = (i: number) => node.children![i].children?.[0];
    const seen = n >= 8 ? new Set<unknown>() : undefined;
    for (let i = 0; i < n; i++) {
      const k = keyAt(i);
      if (k?.type !== 'string') continue;
      let twice = false;
      if (seen) twice = seen.has(k.value) || (seen.add(k.value), false);
      else for (let j = 0; j < i && !twice; j++) twice = keyAt(j)?.value === k.value;
      // A warning: the first value is dead text, but no source says the service refuses it, and a machine deployed
      // through CloudFormation (which passes a JSON definition on as written) relies on the last one (clean37).
      if (twice) out.push(aslProblem(k.offset, k.length, AslCode.duplicateKey, `${quote(k.value)} appears twice in this object: only the last value is read, the earlier one is ignored`, 'warning'));
    }
  }
}

/** The payload templates of a state: where `"X.$"` means "the value of the path X" and may not sit next to `"X"`. */
function payloadsOf(s: AslState): AstNode[] {
  const out: AstNode[] = [];
  const add = (n: AstNode | undefined) => { if (n?.type === 'object') out.push(n); };
  for (const f of ['Parameters', 'ResultSelector', 'ItemSelector', 'Assign', 'Arguments', 'Credentials']) add(property(s.node, f));
  for (const f of ['ItemReader', 'ResultWriter']) { const o = property(s.node, f); add(property(o, 'Parameters')); add(property(o, 'Arguments')); }
  // A Distributed Map's ItemBatcher.BatchInput is a payload template too (fields.ts PAYLOAD_TEMPLATES: its `.$` keys are paths).
  add(property(property(s.node, 'ItemBatcher'), 'BatchInput'));
  for (const f of ['Catch', 'Choices']) {
    const arr = property(s.node, f);
    if (arr?.type === 'array') for (const c of arr.children ?? []) add(property(c, 'Assign'));
  }
  return out;
}

/** A payload template of the state with both `X` and `X.$`. */
export function checkPayloadTemplates(s: AslState, out: Problem[]) {
  const stack = payloadsOf(s);
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'array') for (const c of node.children ?? []) stack.push(c);
    if (node.type !== 'object') continue;
    let dynamic = false;
    for (const p of node.children ?? []) {
      const k = p.children?.[0], v = p.children?.[1];
      if (v && (v.type === 'object' || v.type === 'array')) stack.push(v);
      if (k?.type === 'string' && k.value.endsWith('.$')) dynamic = true;
    }
    if (!dynamic) continue;
    const keys = new Set<string>();
    for (const p of node.children ?? []) { const k = p.children?.[0]; if (k?.type === 'string') keys.add(k.value); }
    for (const p of node.children ?? []) {
      const k = p.children?.[0];
      if (k?.type === 'string' && k.value.endsWith('.$') && keys.has(k.value.slice(0, -2)))
        out.push(at(k, AslCode.duplicatePayloadField, `${quote(k.value.slice(0, -2))} and ${quote(k.value)} are both here: a payload template has a field once, either a value or a path (.$)`));
    }
  }
}

/**
 * The size of the compact JSON of a tree (what JSON.stringify(toValue(root)) would give), counted without writing
 * it: YAML aliases can make that string longer than a string may be (a 323 kB file of aliases made the check
 * throw), and a template's substitution may repeat a long value thousands of times. In characters, or in UTF-8 bytes
 * with `utf8`; counted no further than just past `limit` (a number above it then).
 */
export function jsonSize(root: AstNode, { limit = Infinity, utf8 = false }: { limit?: number; utf8?: boolean } = {}): number {
  const measure = (s: string) => (utf8 ? Buffer.byteLength(s, 'utf8') : s.length);
  let size = 0;
  const stack = [root];
  while (stack.length && size <= limit) {
    const n = stack.pop()!;
    if (n.type === 'object' || n.type === 'array') {
      const items = n.children ?? [];
      size += 2 + Math.max(0, items.length - 1);
      for (const c of items) {
        if (n.type === 'array') stack.push(c);
        else {
          const [k, v] = c.children ?? [];
          size += measure(JSON.stringify(String(k?.value ?? ''))) + 1;
          if (v) stack.push(v);
          else size += 4; // null
        }
      }
    } else size += measure(JSON.stringify(n.value ?? null));
  }
  return size;
}

/**
 * The size of a tree's JSON as a template's Definition object is written out when deployed (ParsedDocument's
 * `deployedAs`), counted without writing it, in one pass; no further than just past `limit`. `jackson`: Jackson's
 * DefaultPrettyPrinter (jackson-core 2.14, which the resource provider's jsonMapper.writerWithDefaultPrettyPrinter()
 * uses): an object's members each on a line of its own, indented two spaces a level of objects (DefaultIndenter
 * "  ", the system's line feed), `"key" : value`, `{ }` when empty; an array on one line (FixedSpaceIndenter:
 * `[ a, b ]`, `[ ]`), its items at its object's level. `sam`: Python's json.dumps(indent=4, separators=(",", ": "))
 * as samtranslator's generators.py calls it: every item of an object or array on a line of its own, four spaces a
 * level, `{}` and `[]` when empty, and every character past ASCII written \uXXXX (ensure_ascii). A `${…}` inside a
 * string is counted as nothing: what replaces it is not known here, and may be empty; so the size is never over the
 * deployed one.
 */
export function prettyJsonSize(root: AstNode, layout: 'jackson' | 'sam', limit = Infinity): number {
  const jackson = layout === 'jackson';
  const step = jackson ? 2 : 4;
  const stringSize = (s: string) => {
    let n = JSON.stringify(s).length;
    for (const p of scanPlaceholders(s)) n -= p.end - p.start;
    if (!jackson) for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) n += 5;
    return n;
  };
  let size = 0;
  // Each node with its level: the objects around it (Jackson), every object and array around it (SAM).
  const stack: [AstNode, number][] = [[root, 0]];
  while (stack.length && size <= limit) {
    const [n, level] = stack.pop()!;
    if (n.type !== 'object' && n.type !== 'array') {
      size += n.type === 'string' ? stringSize(String(n.value)) : JSON.stringify(n.value ?? null).length;
      continue;
    }
    const items = n.children ?? [];
    if (!items.length) {
      size += jackson ? 3 : 2;
      continue;
    }
    const inline = jackson && n.type === 'array';
    const inner = inline ? level : level + 1;
    // `[ a, b ]`; or the brackets, a line break and indentation before each item and before the closing one, commas.
    size += inline ? 4 + 2 * (items.length - 1) : 2 + items.length * (1 + step * inner) + 1 + step * level + (items.length - 1);
    for (const c of items) {
      if (n.type === 'array') stack.push([c, inner]);
      else {
        const [k, v] = c.children ?? [];
        size += stringSize(String(k?.value ?? '')) + (jackson ? 3 : 2); // `"key" : ` / `"key": `
        if (v) stack.push([v, inner]);
        else size += 4; // null
      }
    }
  }
  return size;
}

/**
 * The definition's size against the service's quota (the text's: not cached with the model's findings): the text of a
 * JSON document, the JSON of a YAML one; a template's Definition object as it is written out when deployed (`deployedAs`).
 */
export function checkDefinitionSize(root: AstNode, text: string | undefined, language: DocumentLanguage | undefined, deployedAs?: 'jackson' | 'sam'): Problem[] {
  const out: Problem[] = [];
  if (text === undefined) return out;
  // A JSON document that is the definition counts as written; a definition inside a template (an object, or JSON
  // written inside a string) as the JSON that is sent, as a YAML one: counted whatever the text's length, as YAML
  // aliases and a template's substitutions can make a few kB into megabytes.
  const whole = !deployedAs && language !== 'yaml' && text.trim().length === root.length;
  const counted = 64 * MAX_DEFINITION_CHARS;
  const size = whole ? text.length : deployedAs ? prettyJsonSize(root, deployedAs, counted) : jsonSize(root, { limit: counted });
  if (size <= MAX_DEFINITION_CHARS) return out;
  // On the template's key that holds the definition (Definition), else on the definition's first key.
  const holder = root.parent?.type === 'property' ? root.parent.children?.[0] : undefined;
  const first = holder ?? root.children?.[0]?.children?.[0] ?? root;
  const how = whole
    ? ''
    : deployedAs === 'jackson'
      ? ' as CloudFormation sends it, pretty-printed (DefinitionProcessor: jsonMapper.writerWithDefaultPrettyPrinter().writeValueAsString(definition))'
      : deployedAs === 'sam'
        ? ' as SAM writes it out (generators.py: json.dumps(definition, sort_keys=True, indent=4, separators=(",", ": ")))'
        : ' as JSON';
  out.push(at(first, AslCode.definitionTooLarge, `The definition has ${size > counted ? `over ${thousands(counted)}` : deployedAs ? `at least ${thousands(size)}` : thousands(size)} characters${how}; Step Functions accepts at most ${thousands(MAX_DEFINITION_CHARS)} (CreateStateMachine: "Maximum length of 1048576")`));
  return out;
}

const MACHINE_OWN = new Set(['States']);

/**
 * The whole-machine findings that depend on the model alone (source 'asl'): state names and the machines' own
 * keys; duplicate keys and payload templates of states are checked per state, the size with the text.
 */
export function checkMachineRules(model: AslModel): Problem[] {
  const out: Problem[] = [];
  checkStateNames(model, out);
  // Keys of each machine's own fields (a state's are checked with the state, where its findings are cached).
  for (const m of model.machines) checkDuplicateKeys(m.node, MACHINE_OWN, out);
  return out;
}

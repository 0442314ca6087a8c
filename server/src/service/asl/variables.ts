// Workflow variables (Assign) and JSONata's $states, as the specification scopes them. A state reads the variables
// assigned in its own machine and in the machines around it; a Parallel branch's or a Map iteration's own
// variables stay inside it, and a Distributed Map's child workflow sees none from outside. A variable no state in
// scope assigns is a warning (the execution fails when it reads it). `$states.errorOutput` exists only in a
// catcher, `$states.result` only in the Output and Assign of a state that has a result: errors. The names Assign
// gives follow the specification's rules for variable names and scopes (errors), and a JSONata expression that
// reads the input document, which Step Functions does not give JSONata, is a warning.
import { jsonataForPathKey, jsonataVariables, parseDynamicValue, pathsIn, sourceOffset, isExpressionError } from '../expressions/index';
import { hasPlaceholder } from '../expressions/placeholders';
import { property, stringValue } from '../core/tree';
import { closest, codePointLength, isObviousMatch, list, quote } from '../core/text';
import type { AstNode, DocumentLanguage, Problem } from '../core/types';
import { createFindingsCache } from '../core/findingsCache';
import { nodeMemo } from '../core/nodeMemo';
import { AslCode } from './codes';
import { NEVER_EVALUATED_FIELDS, READ_PATH_FIELDS, RESULT_STATES } from './fields';
import { isDistributedMap, type AslMachine, type AslModel, type AslState, type StateTarget } from './model';
import { aslProblem } from './problem';

/** A variable read, in offsets into its string's value (while read), then into the document. */
interface Read {
  node: AstNode;
  name: string;
  start: number;
  end: number;
  member?: string;
  /** Where the string is: the state's field, or `Catch` for a catcher's. */
  field: string;
  /** A read of the input document (`$`, `$$`, a field name at the top level of a JSONata expression). */
  input?: true;
  /** A function's name joined into text (`'arn:' & $partition`): a variable only if one of that name is assigned. */
  functionValue?: true;
}

/** A variable read placed in the document. */
interface ReadAt {
  name: string;
  member?: string;
  input?: true;
  functionValue?: true;
  field: string;
  offset: number;
  length: number;
}

const VARIABLE_LIKE = /\$[A-Za-z_\u0080-\uffff]/;

// The variables of an expression depend only on its text; a document repeats many (and is re-checked per keystroke).
const jsonataCache = new Map<string, ReturnType<typeof jsonataVariables>>();
function cachedJsonataVariables(value: string) {
  let r = jsonataCache.get(value);
  if (r === undefined && !jsonataCache.has(value)) {
    if (jsonataCache.size > 20_000) jsonataCache.clear();
    jsonataCache.set(value, (r = jsonataVariables(value)));
  }
  return r;
}

/** The variable paths of a JSONPath value (`$x.a`, or inside an intrinsic call's arguments). */
function pathReads(value: string, node: AstNode, field: string, out: Read[]) {
  const r = parseDynamicValue(value, { check: false });
  if (isExpressionError(r)) return;
  for (const a of pathsIn(r)) if (a.root !== '$' && a.root !== '$$' && a.root.length > 1) out.push({ node, name: a.root.slice(1), start: a.start, end: a.start + a.root.length, field });
}

/** Every variable a state reads (not in its sub-machines, which are states of their own), placed in the document. */
function readsOf(s: AslState, text: string | undefined): ReadAt[] {
  return stringReads(s).map((r) => {
    const raw = text?.slice(r.node.offset, r.node.offset + r.node.length);
    const start = raw === undefined ? r.node.offset : r.node.offset + sourceOffset(raw, r.start);
    const end = raw === undefined ? r.node.offset + r.node.length : r.node.offset + sourceOffset(raw, r.end);
    return { name: r.name, field: r.field, offset: start, length: Math.max(1, end - start), ...(r.member !== undefined ? { member: r.member } : {}), ...(r.input ? { input: r.input } : {}), ...(r.functionValue ? { functionValue: r.functionValue } : {}) };
  });
}

// A state's reads depend only on its text and query language (in JSON; see core/findingsCache.ts): kept relative
// to the state, so a keystroke re-reads only the state it changed.
const readsCache = createFindingsCache<ReadAt>();
function cachedReadsOf(s: AslState, text: string | undefined, cache: boolean): ReadAt[] {
  if (!cache || text === undefined || s.children.length || s.type === 'Parallel' || s.type === 'Map') return readsOf(s, text);
  return readsCache(s.propertyNode, s.queryLanguage, text, () => readsOf(s, text));
}

/**
 * The fields of JSONata's reserved `$states`, in the developer guide's words ("Transforming data with JSONata",
 * "Reserved variable: $states"); where each has a value is statesMemberAvailable's.
 */
export const STATES_MEMBERS: readonly { name: string; doc: string }[] = [
  { name: 'input', doc: 'Original input to the state' },
  { name: 'result', doc: "API or sub-workflow's result (if successful): in the Output and Assign of a Task, Parallel or Map state" },
  { name: 'errorOutput', doc: 'Error Output (only available in a Catch): in a catcher\'s Output and Assign' },
  { name: 'context', doc: 'Context object' },
];
const STATES_MEMBER_NAMES = STATES_MEMBERS.map((m) => m.name);

/** Whether `$states.<name>` has a value where `state` evaluates its field `field` (the first key from the state). */
export function statesMemberAvailable(name: string, state: AslState, field: string | undefined): boolean {
  if (name === 'errorOutput') return field === 'Catch';
  if (name === 'result') return (field === 'Output' || field === 'Assign') && RESULT_STATES.has(state.type ?? '');
  return STATES_MEMBER_NAMES.includes(name);
}

function stringReads(s: AslState): Read[] {
  const out: Read[] = [];
  const jsonata = s.queryLanguage === 'JSONata';
  for (const p of s.node.children ?? []) {
    const k = p.children?.[0], v = p.children?.[1];
    if (k?.type !== 'string' || !v || NEVER_EVALUATED_FIELDS.has(k.value)) continue;
    const field = k.value as string;
    // Walk the value: strings that are expressions, and under `.$` keys (JSONPath).
    const stack: { node: AstNode; field: string; dynamic: boolean }[] = [{ node: v, field, dynamic: !jsonata && READ_PATH_FIELDS.has(field) }];
    while (stack.length) {
      const { node, field: f, dynamic } = stack.pop()!;
      if (node.type === 'string') {
        const value = node.value as string;
        if (hasPlaceholder(value)) continue;
        // Only a `$` followed by a name can read a variable ($states included), and only JSONata reads the input
        // document by a field name: most strings are skipped unparsed.
        if (!VARIABLE_LIKE.test(value) && !(jsonata && value.includes('{%'))) continue;
        if (jsonata) for (const x of cachedJsonataVariables(value) ?? []) out.push({ node, ...x, field: f });
        else if (dynamic) pathReads(value, node, f, out);
      } else if (node.type === 'array') {
        for (const c of node.children ?? []) stack.push({ node: c, field: f, dynamic: false });
      } else if (node.type === 'object') {
        for (const q of node.children ?? []) {
          const kk = q.children?.[0], vv = q.children?.[1];
          if (kk?.type !== 'string' || !vv) continue;
          const key = kk.value as string;
          // In a JSONPath Choice rule, Variable and the …Path comparisons read paths.
          const choicePath = field === 'Choices' && (key === 'Variable' || (key.endsWith('Path') && key !== 'ResultPath'));
          stack.push({ node: vv, field: f, dynamic: !jsonata && (key.endsWith('.$') || choicePath) });
        }
      }
    }
  }
  return out;
}

/** The Assign values of a state: its own, its catchers' and its Choice rules' (absent ones left out). */
function assignsOf(state: AstNode): AstNode[] {
  const assigns = [property(state, 'Assign')];
  for (const f of ['Catch', 'Choices']) {
    const arr = property(state, f);
    if (arr?.type === 'array') for (const c of arr.children ?? []) assigns.push(property(c, 'Assign'));
  }
  return assigns.filter((a): a is AstNode => !!a);
}

/** The names an Assign object gives (`name.$` gives `name`); `undefined` when a placeholder makes them unknowable. */
function namesOf(assign: AstNode): string[] | undefined {
  if (assign.type !== 'object') return undefined;
  const names: string[] = [];
  for (const p of assign.children ?? []) {
    const k = stringValue(p.children?.[0]);
    if (k === undefined || hasPlaceholder(k)) return undefined;
    names.push(k.endsWith('.$') ? k.slice(0, -2) : k);
  }
  return names;
}

/** The names a state assigns (its Assign, its catchers' and Choice rules'); `undefined` when a placeholder makes them unknowable. */
const assignedBy = nodeMemo((state: AstNode): string[] | undefined => {
  const names: string[] = [];
  for (const a of assignsOf(state)) {
    const own = namesOf(a);
    if (!own) return undefined;
    for (const n of own) names.push(n);
  }
  return names;
});

/**
 * Why the paths from the states that assign `name` do not carry it, as their Assigns say: a catcher's path skips its
 * state's own Assign, and the state's other paths skip the Assign of its catchers and Choice rules (df45: the one
 * reason was said of both).
 */
function skipped(assigners: readonly AslState[], name: string): string {
  const byOwn = (a: AslState) => {
    const assign = property(a.node, 'Assign');
    return !!assign && !!namesOf(assign)?.includes(name);
  };
  const own = assigners.some(byOwn);
  const other = assigners.some((a) => !byOwn(a));
  return own && !other ? " (a catcher's path skips its state's Assign)" : other && !own ? " (its other paths skip the Assign of a catcher or a Choice rule)" : '';
}

/**
 * The Assign objects a transition applies: a catcher's own only (a state's Assign is evaluated when it succeeds: it
 * may read `$states.result`), a Choice rule's with its Choice state's own (which of the two a matched rule applies
 * is not taken for granted: both, so no variable is thought unassigned that may not be), else the state's own.
 */
function assignsOn(state: AstNode, t: StateTarget): AstNode[] {
  const own = property(state, 'Assign');
  const holder = t.holder !== state ? property(t.holder, 'Assign') : undefined;
  if (t.field === 'Catch') return holder ? [holder] : [];
  return [own, holder].filter((a): a is AstNode => !!a);
}

/** The names each machine's states assign; `undefined` when a placeholder makes them unknowable. */
function assignedIn(m: AslMachine): Set<string> | undefined {
  const names = new Set<string>();
  for (const s of m.states) {
    const own = assignedBy(s.node);
    if (!own) return undefined;
    for (const n of own) names.add(n);
  }
  return names;
}

/** Whether a Map's processor runs as child workflows (they do not see the parent's variables). */

// The specification, "State Machine Variables": "Each variable name, whose length MUST BE less than or equal to 80
// Unicode characters, MUST follow the rules for Unicode Identifiers as described in Unicode Standard Annex #31. The
// first character of a variable name MUST be a Unicode ID_Start character, and the second and subsequent characters
// MUST be Unicode ID_Continue characters." and "This specification defines one reserved variable called "states"
// ... A state MUST NOT assign a value to "states"."
const VARIABLE_NAME = /^\p{ID_Start}\p{ID_Continue}*$/u;
const MAX_VARIABLE_NAME = 80;

/** What is wrong with a variable name Assign gives, by the specification; undefined when nothing is. */
function variableNameProblem(name: string): string | undefined {
  if (name === 'states') return 'states is the reserved variable $states: a state cannot assign it';
  const length = codePointLength(name);
  if (length > MAX_VARIABLE_NAME) return `Variable name of ${length} characters: at most ${MAX_VARIABLE_NAME}`;
  if (!VARIABLE_NAME.test(name)) return `Variable name ${JSON.stringify(name)} is not an identifier: it starts with a letter (Unicode ID_Start) and continues with letters, digits or _ (ID_Continue)`;
  return undefined;
}

/** Every name an Assign of the machine's states gives (state, catchers, Choice rules): its key node and name. */
function assignKeys(m: AslMachine): { key: AstNode; name: string; jsonata?: { rename: string; jsonata: string } }[] {
  const out: { key: AstNode; name: string; jsonata?: { rename: string; jsonata: string } }[] = [];
  for (const s of m.states) {
    for (const a of assignsOf(s.node)) {
      if (a.type !== 'object') continue;
      // What a JSONPath of a JSONata state's Assign meant to read (ux41): a catcher's the error output, a Task's,
      // Map's or Parallel's own the result, else (a Pass, a Choice rule) the input.
      const inCatcher = a.parent?.parent?.parent?.parent?.type === 'property' && stringValue(a.parent.parent.parent.parent.children?.[0]) === 'Catch';
      const reads = inCatcher ? '$states.errorOutput' : a.parent?.parent === s.node && (s.type === 'Task' || s.type === 'Map' || s.type === 'Parallel') ? '$states.result' : '$states.input';
      for (const p of a.children ?? []) {
        const key = p.children?.[0];
        const k = stringValue(key);
        if (!key || k === undefined || hasPlaceholder(k)) continue;
        // A JSONPath Assign's `name.$` assigns `name`; a JSONata one's is no name, but says what was meant.
        const jsonPathKey = k.endsWith('.$') && k.length > 2;
        const value = p.children?.[1];
        const meant = s.queryLanguage === 'JSONata' && jsonPathKey ? jsonataForPathKey(k, value?.type === 'string' ? value.value : undefined, reads) : undefined;
        out.push({ key, name: s.queryLanguage === 'JSONPath' && jsonPathKey ? k.slice(0, -2) : k, ...(meant?.jsonata ? { jsonata: { rename: meant.name, jsonata: meant.jsonata } } : {}) });
      }
    }
  }
  return out;
}

/**
 * The names Assign gives: each a valid variable name, and none assigned in a Parallel branch or an inline Map
 * iteration that a machine around it assigns too. The specification, "Variable Scope": "states in inner scopes MUST
 * NOT assign to a variable with the same name as a variable in an outer scope". A Distributed Map's child workflows
 * see no outer variable, so their names are their own. A warning, not an error: Step Functions creates such a
 * machine (an execution recorded against AWS in LocalStack's tests/aws/services/stepfunctions/v2/states_variables,
 * PARALLEL_CATCH_ERROR_VARIABLE_SAMPLING, assigns inputVar in a branch and in the Parallel's catcher); the write
 * fails when it runs (LocalStack's IllegalOuterScopeWrite) if the outer variable has a value by then.
 */
function checkAssignedNames(model: AslModel, own: Map<AslMachine, Set<string> | undefined>, place: (key: AstNode, message: string, code: string, severity?: 'warning', data?: Record<string, unknown>) => void) {
  const outer = new Map<AslMachine, Map<string, AslMachine>>();
  for (const m of model.machines) {
    const around = m.owner && !isDistributedMap(m) ? outer.get(m.owner.machine) : undefined;
    const names = new Map(around ?? []);
    for (const n of own.get(m) ?? []) if (!names.has(n)) names.set(n, m);
    outer.set(m, names);
    for (const { key, name, jsonata } of assignKeys(m)) {
      const problem = variableNameProblem(name);
      // A JSONPath `x.$` in a JSONata state's Assign: the variable and the JSONata of its path (the fix).
      if (problem && jsonata) place(key, `${problem}. In a JSONata state a path is an expression: write "${jsonata.rename}": "${jsonata.jsonata}"`, AslCode.invalidVariableName, undefined, jsonata);
      else if (problem) place(key, problem, AslCode.invalidVariableName);
      else if (around?.has(name)) {
        const where = around.get(name)!.owner ? `in ${JSON.stringify(around.get(name)!.owner!.name)}` : 'at the top level';
        place(key, `$${name} is assigned outside this ${m.kind === 'branch' ? 'Parallel branch' : 'Map iteration'} (${where}): an inner state must not assign a variable of an outer scope (the state fails when it runs if $${name} has a value by then); use another name`, AslCode.outerVariableAssigned, 'warning');
      }
    }
  }
}

/**
 * Where a variable that `reader`'s states cannot see is assigned: in a Parallel branch or a Map iteration that is
 * not around them. The message's words ("the iteration of the Map "Train each"", "another branch of the Parallel
 * "Both""), and how the value gets out, for the states after the Parallel or Map (workflow-variables.html: "you
 * might only need to use Output to return data from Parallel and Map sub-workflows"). Undefined when no such scope
 * assigns it (a Distributed Map's states reading a variable of the machine around them).
 */
function innerScopeOf(model: AslModel, own: Map<AslMachine, Set<string> | undefined>, reader: AslMachine, name: string): string | undefined {
  const around = new Set<AslMachine>();
  for (let m: AslMachine | undefined = reader; m; m = m.owner?.machine) around.add(m);
  // Assigned around a Distributed Map too: not only inside.
  for (const m of around) if (own.get(m)?.has(name) !== false) return undefined;
  for (const m of model.machines) {
    if (around.has(m) || !m.owner || !own.get(m)?.has(name)) continue;
    const state = quote(m.owner.name);
    const where = m.kind === 'branch' ? `${m.owner === reader.owner ? 'another' : 'a'} branch of the Parallel ${state}` : `the ${isDistributedMap(m) ? 'child workflows' : 'iteration'} of the Map ${state}`;
    const scope = m.kind === 'branch' ? 'branch' : isDistributedMap(m) ? 'child workflow' : 'iteration';
    const out = m.owner === reader.owner ? '' : `: return the value in the ${scope}'s output (the ${m.kind === 'branch' ? 'Parallel' : 'Map'}'s result holds it) and read it from there`;
    return `only inside ${where}, whose variables are not visible outside it${out}`;
  }
  return undefined;
}

/**
 * Per machine: the names its states can read (its own Assigns' and those of the machines around it, none from
 * outside a Distributed Map), the names it assigns itself, and those the machines around it assign; undefined where
 * a placeholder makes them unknowable.
 */
function scopes(model: AslModel) {
  const visible = new Map<AslMachine, Set<string> | undefined>();
  const own = new Map<AslMachine, Set<string> | undefined>();
  const outside = new Map<AslMachine, Set<string> | undefined>();
  for (const m of model.machines) {
    own.set(m, assignedIn(m));
    const outer = m.owner && !isDistributedMap(m) ? visible.get(m.owner.machine) : new Set<string>();
    outside.set(m, outer);
    const mine = own.get(m);
    visible.set(m, mine && outer ? new Set([...outer, ...mine]) : undefined);
  }
  return { visible, own, outside };
}

/**
 * Whether the state asks if the variable has a value (`$exists($x)`, `$exists($x.Error)` or a condition on it,
 * `$x ? $x + 1 : 1`, in JSONata; an `IsPresent` Choice rule): a read the first pass may make before the variable is
 * assigned is then the user's known case, not a mistake.
 */
function guardsPresence(s: AslState, name: string, text: string | undefined): boolean {
  const own = text?.slice(s.node.offset, s.node.offset + s.node.length) ?? '';
  return own.includes('IsPresent') || presenceOf(name).test(own);
}
/** `$exists($name…)`, or `$name ?`: the variable itself as a condition (JSONata takes a value it does not have as false). */
const presenceOf = (name: string): RegExp => {
  const v = `\\$${name.replace(/[^A-Za-z0-9_]/g, '\\$&')}(?![A-Za-z0-9_])`;
  return new RegExp(`\\$exists\\(\\s*${v}|${v}\\s*\\?`);
};

/** A set of variables as bits (one per variable a machine assigns). */
type Bits = Uint32Array;
const has = (bits: Bits, i: number) => (bits[i >>> 5] & (1 << (i & 31))) !== 0;

/**
 * Where a machine's variables may have a value, all variables at once (a forward data-flow analysis over its
 * transitions, one bit per variable): `reached[s]`, the variables an assigning transition reaches s from (by one
 * transition or more: "The new variable values will be available starting with the next state"); `before[s]`, the
 * variables the machine's start reaches s without assigning them first. For `reached` a transition assigns what
 * assignsOn says (a catcher's path skips its state's Assign, a Choice rule's adds the rule's); for `before`, what
 * any of its state's Assigns gives. Per
 * variable and reading state this was a walk of the machine, quadratic in a machine of thousands of variables.
 * Undefined where a transition names no state (the graph is not known) or the analysis would not settle in bounded
 * work; `before` undefined without a start.
 */
interface VariableFlow {
  bits: Map<string, number>;
  /** The states that assign each variable, by its bit. */
  by: AslState[][];
  index: Map<AslState, number>;
  reached: Bits[];
  before: Bits[] | undefined;
}
function variableFlow(m: AslMachine): VariableFlow | undefined {
  const bits = new Map<string, number>();
  const by: AslState[][] = [];
  const index = new Map<AslState, number>();
  m.states.forEach((s, i) => index.set(s, i));
  const next: number[][] = [];
  for (const s of m.states) {
    const targets: number[] = [];
    for (const t of s.targets) {
      const to = t.node.type === 'string' ? m.byName.get(t.node.value) : undefined;
      if (!to) return undefined;
      targets.push(index.get(to)!);
    }
    next.push(targets);
    for (const name of assignedBy(s.node) ?? []) {
      let bit = bits.get(name);
      if (bit === undefined) {
        bits.set(name, (bit = by.length));
        by.push([]);
      }
      if (by[bit][by[bit].length - 1] !== s) by[bit].push(s);
    }
  }
  const words = Math.max(1, Math.ceil(by.length / 32));
  // What each transition assigns (assignsOn), by the index of the target in the state's targets; and what any of
  // a state's transitions assigns. `reached` (no path assigns it: it never has a value) is exact per transition;
  // `before` (a path that does not assign it) takes every Assign of a state for each of its transitions, since
  // which path an execution takes is often what the variable says (a catcher's `$error`, then a Choice on
  // `$exists($error)` before a state that reads it): the warning is only for what no condition can explain.
  const bitsOf = (names: readonly string[]) => {
    const b = new Uint32Array(words);
    for (const name of names) {
      const bit = bits.get(name)!;
      b[bit >>> 5] |= 1 << (bit & 31);
    }
    return b;
  };
  const anyAssigns = m.states.map((s) => bitsOf(assignedBy(s.node) ?? []));
  const assigns = m.states.map((s) =>
    s.targets.map((t) => bitsOf(assignedBy(s.node) === undefined ? [] : assignsOn(s.node, t).flatMap((a) => namesOf(a) ?? []))),
  );
  const n = m.states.length;
  // A bound on the work: a state is processed again only when what reaches it grew; a machine that needs more than
  // this (none written by hand) gets no finding from here rather than a long wait.
  const budget = 64 * n + 1024;
  /** Propagates `into[s]`, through each transition's `out` (which transforms `into[s]` with what it assigns), to a fixpoint. */
  const settle = (into: Bits[], out: (s: number, edge: number, scratch: Bits) => void, seeds: number[]): boolean => {
    const queued = new Uint8Array(n);
    const queue: number[] = [];
    const push = (i: number) => {
      if (!queued[i]) {
        queued[i] = 1;
        queue.push(i);
      }
    };
    for (const i of seeds) push(i);
    const scratch = new Uint32Array(words);
    let work = 0;
    for (let q = 0; q < queue.length; q++) {
      if (++work > budget) return false;
      const s = queue[q];
      queued[s] = 0;
      for (let e = 0; e < next[s].length; e++) {
        out(s, e, scratch);
        const target = into[next[s][e]];
        let grew = false;
        for (let w = 0; w < words; w++) {
          const v = (target[w] | scratch[w]) >>> 0; // unsigned, as the array holds it
          if (v !== target[w]) {
            target[w] = v;
            grew = true;
          }
        }
        if (grew) push(next[s][e]);
      }
      // The processed part of the queue is dropped now and then, so it does not grow with the work.
      if (q > 4096 && q * 2 > queue.length) {
        queue.splice(0, q + 1);
        q = -1;
      }
    }
    return true;
  };
  const reached = m.states.map(() => new Uint32Array(words));
  const order = m.states.map((_, i) => i);
  if (!settle(reached, (s, e, scratch) => { for (let w = 0; w < words; w++) scratch[w] = reached[s][w] | assigns[s][e][w]; }, order)) return undefined;
  const start = m.start;
  let before: Bits[] | undefined;
  if (start) {
    before = m.states.map(() => new Uint32Array(words));
    const first = index.get(start)!;
    before[first].fill(0xffffffff);
    if (!settle(before, (s, _e, scratch) => { for (let w = 0; w < words; w++) scratch[w] = before![s][w] & ~anyAssigns[s][w]; }, [first])) before = undefined;
  }
  return { bits, by, index, reached, before };
}

/**
 * The variables a state can read: those assigned in its machine and the machines around it (completion). A name
 * Assign gives that is no variable name (`_x`, `a-b`, `states`: refused there) is none, and a path naming it is no path.
 */
export function variablesVisibleIn(model: AslModel, machine: AslMachine): string[] {
  return visibleNames(scopes(model).visible, machine);
}

const visibleNames = (visible: ReturnType<typeof scopes>['visible'], machine: AslMachine): string[] =>
  [...(visible.get(machine) ?? [])].filter((name) => variableNameProblem(name) === undefined);

export function checkVariables(model: AslModel, text: string | undefined, language?: DocumentLanguage): Problem[] {
  const out: Problem[] = [];
  const { visible, own, outside } = scopes(model);
  checkAssignedNames(model, own, (key, message, code, severity, data) => out.push(aslProblem(key.offset, key.length, code, message, severity, data)));
  // Per machine, for all its variables at once: which states assign each, and where each may or may not have a value.
  const flows = new Map<AslMachine, VariableFlow | undefined>();
  const flowIn = (m: AslMachine) => {
    if (!flows.has(m)) flows.set(m, variableFlow(m));
    return flows.get(m);
  };
  const place = (r: ReadAt, code: string, message: string, severity: 'error' | 'warning', data?: Record<string, unknown>) => out.push(aslProblem(r.offset, r.length, code, message, severity, data));
  /**
   * Why a variable only machines around `m` assign has no value in it, if it has none: the states of the nearest
   * machine out that assigns it cannot have done so before the Parallel or Map holding `m` starts (its own Assign
   * is evaluated after its branches or iterations finish). Undefined when it may have one, or it cannot be known.
   */
  const unassignedAround = (m: AslMachine, name: string): string | undefined => {
    for (let inner = m; inner.owner && !isDistributedMap(inner); inner = inner.owner.machine) {
      const holder = inner.owner;
      const names = own.get(holder.machine);
      if (!names) return undefined;
      if (!names.has(name)) continue;
      const flow = flowIn(holder.machine);
      const bit = flow?.bits.get(name);
      const at = flow?.index.get(holder);
      if (!flow || bit === undefined || at === undefined || has(flow.reached[at], bit)) return undefined;
      // Assigned further out too: it may have that value.
      for (let further = holder.machine; further.owner && !isDistributedMap(further); further = further.owner.machine) {
        if (own.get(further.owner.machine)?.has(name) !== false) return undefined;
      }
      const assigners = flow.by[bit];
      const inside = inner.kind === 'branch' ? 'its branches' : 'its iterations';
      const kind = inner.kind === 'branch' ? 'Parallel' : 'Map';
      if (assigners.length === 1 && assigners[0] === holder) return `$${name} is assigned only by the ${kind} ${quote(holder.name)} itself, whose Assign is evaluated after ${inside} finish: it has no value in them`;
      return `$${name} is assigned only by ${assigners.slice(0, 3).map((a) => quote(a.name)).join(', ')}, and no path from ${assigners.length === 1 ? 'it' : 'them'} leads to the ${kind} ${quote(holder.name)} with it assigned: it has no value in ${inside}`;
    }
    return undefined;
  };
  for (const s of model.states) {
    if (s.node.type !== 'object') continue;
    const names = visible.get(s.machine);
    for (const r of cachedReadsOf(s, text, language === 'json')) {
      if (r.input) {
        // The specification, "JSONata Restrictions": "The States Language does not implicitly provide an input
        // document ... a JSONata expression MUST NOT reference "$" or unqualified field names at the top level" and
        // "MUST NOT reference "$$"". The service refuses the definition at creation (UNSUPPORTED_JSONATA_EXPRESSION:
        // "Reference to 'phone' at the top level is not supported", measured against AWS over the jsonata test
        // suite's expressions in floci-io/floci#2670, and `$$` in #2745): an error.
        if (s.queryLanguage === 'JSONata') place(r, AslCode.jsonataInputDocument, `${r.name} reads JSONata's input document, which Step Functions does not provide (it refuses the definition): read the state input as $states.input${r.name === '$' || r.name === '$$' ? '' : `.${r.name}`} (or a variable)`, 'error');
        continue;
      }
      if (r.functionValue) {
        // `'arn:' & $partition & …`: unless a state assigns a variable of that name, it is the function itself,
        // which `&` turns into empty text (Step Functions' $partition splits an array; it is not the AWS partition).
        if (names && !names.has(r.name) && !innerScopeOf(model, own, s.machine, r.name)) {
          const hint = r.name === 'partition' ? " ($partition is Step Functions' function that splits an array, not the AWS partition)" : '';
          place(r, AslCode.unknownVariable, `$${r.name} is the function ${r.name}, not a variable: joined into text with & it is empty${hint}`, 'warning');
        }
        if (!names?.has(r.name)) continue;
      }
      if (r.name === 'states') {
        // No state can assign $states (the name is reserved), and JSONPath states do not provide it: nothing is there.
        if (s.queryLanguage !== 'JSONata') {
          place(r, AslCode.unknownVariable, `$states is the reserved variable of JSONata states ($states.input, $states.context…); this state uses JSONPath, where nothing can assign it: read the state input as $ or the context object as $$`, 'warning');
          continue;
        }
        if (r.member === 'errorOutput' && !statesMemberAvailable(r.member, s, r.field))
          place(r, AslCode.unknownVariable, '$states.errorOutput exists only in a catcher (its Output and Assign)', 'error');
        else if (r.member === 'result' && !statesMemberAvailable(r.member, s, r.field))
          place(r, AslCode.unknownVariable, `$states.result exists only in the Output and Assign of a Task, Parallel or Map state${r.field === 'Catch' ? '; a catcher reads $states.errorOutput' : ''}`, 'error');
        else if (r.member !== undefined && !STATES_MEMBER_NAMES.includes(r.member)) {
          // Nothing there: the expression gives no value, which fails the state (States.QueryEvaluationError).
          const near = closest(r.member, STATES_MEMBER_NAMES, 1)[0];
          place(r, AslCode.unknownVariable, `$states has no field ${r.member} (it has ${list(STATES_MEMBER_NAMES)})${near ? `: did you mean $states.${near}?` : ''}`, 'warning');
        }
        continue;
      }
      if (names && !names.has(r.name)) {
        const inner = innerScopeOf(model, own, s.machine, r.name);
        const scope = s.machine.kind === 'top' ? '' : isDistributedMap(s.machine) ? ' (a Distributed Map\'s states see only their own variables)' : ' or around it';
        if (inner) place(r, AslCode.unknownVariable, `$${r.name} is assigned ${inner}`, 'warning');
        else {
          // A name close to one that is assigned here is a typo of it (ux44: $treshold for $threshold): said, and the
          // fix writes it where the read's text is the name as written.
          const near = closest(r.name, names, 2);
          const written = text?.slice(r.offset, r.offset + r.length);
          const name = near[0] !== undefined && isObviousMatch(r.name, near) ? near[0] : undefined;
          const replacement = name && (written === `$${r.name}` ? `$${name}` : written === r.name ? name : undefined);
          place(r, AslCode.unknownVariable, `$${r.name} is not assigned by any state of this machine${scope}${name ? `: did you mean $${name}?` : ': set it with Assign in an earlier state'}`, 'warning', replacement ? { replacement } : undefined);
        }
      } else if (names && outside.get(s.machine)?.has(r.name) === false) {
        // Assigned in this machine only: by a state that can run before this one? ("The new variable values will be
        // available starting with the next state", workflow-variables.html.)
        const flow = flowIn(s.machine);
        const bit = flow?.bits.get(r.name);
        const at = flow?.index.get(s);
        const assigners = bit === undefined ? undefined : flow!.by[bit];
        if (!flow || bit === undefined || at === undefined || !assigners?.length) continue;
        if (!has(flow.reached[at], bit)) {
          // A read that asks whether the variable has a value (`$exists($x) ? $x + 1 : 1`) cannot fail for want of one.
          if (guardsPresence(s, r.name, text)) continue;
          if (assigners.length === 1 && assigners[0] === s) place(r, AslCode.unknownVariable, `$${r.name} is assigned only by this state, and what it assigns is there from the next state on ("The new variable values will be available starting with the next state"): it has no value yet here`, 'warning');
          else place(r, AslCode.unknownVariable, `$${r.name} is assigned only by ${assigners.slice(0, 3).map((a) => quote(a.name)).join(', ')} of this machine, and no path from ${assigners.length === 1 ? 'it' : 'them'} leads here with it assigned${skipped(assigners, r.name)}: it has no value yet when this state runs`, 'warning');
        } else if (flow.before && has(flow.before[at], bit) && !guardsPresence(s, r.name, text)) {
          // A way here that skips the assigner: a loop back from it (the first time the state runs, nothing has
          // assigned it yet), or a Choice's other branch (asl46: not every run takes it, so said as a way, not a certainty).
          const by = assigners.slice(0, 3).map((a) => quote(a.name)).join(', ');
          place(r, AslCode.unknownVariable, `$${r.name} is assigned only by ${by} of this machine, and a way from the machine's StartAt reaches here without passing ${assigners.length === 1 ? 'it' : 'them'}: a run that comes that way finds no value for it here, and the state fails`, 'warning');
        }
      } else if (names && own.get(s.machine)?.has(r.name) === false) {
        // Assigned only around this branch or iteration: before its Parallel or Map starts?
        const why = unassignedAround(s.machine, r.name);
        if (why && !guardsPresence(s, r.name, text)) place(r, AslCode.unknownVariable, why, 'warning');
      }
    }
  }
  return out;
}

/**
 * The variables a read in state `s` may find a value in: those visible in its machine, but for one this machine alone
 * assigns where no path assigns it before `s` (the state's own Assign is there from the next state on) or its
 * StartAt reaches `s` without it. What completion offers (ux41: `$jobPrefix` from the state's own Assign was offered
 * in its ResultSelector, then flagged).
 */
export function variablesReadableIn(model: AslModel, s: AslState): string[] {
  const { visible, own, outside } = scopes(model);
  const names = visibleNames(visible, s.machine);
  // The flow is states × variables bits: kept per machine (its parse's), and past a bound every visible variable is
  // offered (the review of the day: 15,000 states each assigning one took half a second a `$` typed).
  if (s.machine.states.length * Math.ceil((own.get(s.machine)?.size ?? 0) / 32) > 4_000_000) return names;
  // Kept while the machine's text is the same (its node's stamp: an edit anywhere inside gives it a new one).
  const known = flows.get(s.machine);
  const flow = known && s.machine.node.stamp !== undefined && known.stamp === s.machine.node.stamp ? known.flow : variableFlow(s.machine);
  if (known?.flow !== flow) flows.set(s.machine, { stamp: s.machine.node.stamp, flow });
  const at = flow?.index.get(s);
  return names.filter((name) => {
    if (outside.get(s.machine)?.has(name) !== false) return true;
    const bit = flow?.bits.get(name);
    if (!flow || bit === undefined || at === undefined) return true;
    return has(flow.reached[at], bit) && !(flow.before && has(flow.before[at], bit));
  });
}
const flows = new WeakMap<AslMachine, { stamp: number | undefined; flow: VariableFlow | undefined }>();

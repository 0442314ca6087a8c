// The data flow of a state machine: the shape of each state's input, worked out in one forward pass per machine
// over the one model (asl/model.ts), from the execution input (unknown unless an example is given), the
// results of upstream states (SageMaker output shapes, Pass Result/Parameters) and the way InputPath,
// Parameters, ResultSelector, ResultPath, OutputPath (JSONata: Output) transform them. States where several paths
// meet get the join of what arrives (a field on one side only may be there); a state a loop comes back to gets
// an unknown input (a loop would need a fixpoint; unknown is always true). Parallel and Map run their machines
// when the pass reaches them: the passes are generators on an explicit stack, so nesting costs no JS recursion.
//
// Besides the shapes, the pass records each place a JSONPath reads a value (`slots`): which shape `$` stands for
// there. Completion, hover and the checks (validation.ts) read those.
import { RESULT_STATES, SETTING_PATH_FIELDS, settingOfPath } from '../asl/fields';
import { modelOf, type AslMachine, type AslModel, type AslState } from '../asl/model';
import { property, stringValue, toValue } from '../core/tree';
import type { AstNode, ParsedDocument } from '../core/types';
import { hasPlaceholder, isExpressionError, isJsonata, jsonataBody, jsonataObjectKeys, parseDynamicValue, parseJsonPath } from '../expressions/index';
import { tasksOf, type SageMakerTask } from '../sagemaker/tasks';
import { nameSegments, readSegments, writeAt } from './paths';
import { contextShape } from './context';
import { EMPTY_OBJECT, field, join, joinAll, lambdaInvokeResult, literalShape, sageMakerResult, sageMakerSdkResult, UNKNOWN, withOrigin, type ArrayShape, type Field, type Shape } from './shapes';
import { append, listOf } from '../core/append';
import { parseIntegrationArn } from '../asl/integrations';

/** What a SageMaker task's result depends on. */
type ResultOf = Pick<SageMakerTask, 'api' | 'integrationPattern' | 'sdk'>;

/** A string in the document that reads with a JSONPath: what its `$` is. */
export interface Slot {
  /** The string node (a `.$` value, InputPath, a Choice Variable…). */
  node: AstNode;
  state: AslState;
  /** The shape `$` reads here. */
  against: Shape;
  /** What `$` is here, in words: "the state input", "the task's result"… */
  label: string;
  /** `path` fields take only a path; `dynamic` values (`.$`) also intrinsic functions. */
  kind: 'path' | 'dynamic';
  /** The path may name a field that is not there by design (the Variable of an IsPresent rule). */
  mayBeAbsent?: boolean;
  /** A `.$` value inside a Task's Parameters (which only read: their shape goes to the integration). */
  taskPayload?: boolean;
  /** What `$$` is here when it is not the flow's `context`: in a Map's ItemSelector, with the Map's item. */
  context?: Shape;
  /**
   * What the path must select: a Map's ItemsPath an array; a setting's path (TimeoutSecondsPath, a Wait's
   * SecondsPath, MaxConcurrencyPath…) a number, a Wait's TimestampPath a string.
   */
  wants?: 'array' | 'number' | 'string';
  /** A value of an Assign: `$` is what the state assigns from (its result, its input, the error output). */
  assign?: true;
}

export interface StateFlow {
  input: Shape;
  output: Shape;
  /** A JSONata Task's, Parallel's or Map's `$states.result` (what its Output and Assign read). */
  result?: Shape;
}

export interface Dataflow {
  states: Map<AslState, StateFlow>;
  slots: Slot[];
  /** What `$` is in each JSONPath Task's Parameters: an edit inside them changes their slots only (reslotTasks). */
  taskPayloads: Map<AslState, { against: Shape; label: string }>;
  /** Variables assigned anywhere (Assign), by name: the join of what is assigned. */
  variables: Map<string, Shape>;
  /** What `$$` (the context object) is, but in a Map's ItemSelector (Slot.context). */
  context: Shape;
  /** What `$states.context` is in a JSONata Map's ItemSelector: the context object with the Map's item. */
  itemContexts: Map<AslState, Shape>;
  /**
   * ResultPaths (a state's or a catcher's) that write into a value known to be no object: `at` is the part of the
   * path that reads it (empty: the state input itself), `shape` what it is. The state fails when it runs.
   */
  unwritable: { node: AstNode; state: AslState; at: string[]; shape: Shape }[];
}

/** What `$states.context` is for a JSONata value `node` of `state`: with the Map's item in a Map's ItemSelector. */
export function jsonataContextOf(flow: Dataflow, state: AslState, node: AstNode): Shape {
  const selector = state.type === 'Map' ? property(state.node, 'ItemSelector') : undefined;
  const inSelector = selector && node.offset >= selector.offset && node.offset < selector.offset + selector.length;
  return (inSelector && flow.itemContexts.get(state)) || flow.context;
}

/** The Lambda integration, request-response (`.waitForTaskToken` returns what the callback sends); a template may write the partition `${AWS::Partition}`. */
const isLambdaInvoke = (resource: string | undefined): boolean => {
  const read = parseIntegrationArn(resource);
  return read?.service === 'lambda' && read.action === 'invoke' && read.suffix === '';
};

/** What a catcher gets: the error's name and cause (`$states.errorOutput`, or `$` in its JSONPath fields). */
export const ERROR_OUTPUT = (): Shape => literalShape({ Error: '', Cause: '' }, 'the error output');

/**
 * Whether a Task's setting paths (TimeoutSecondsPath, HeartbeatSecondsPath) are judged against what its Parameters
 * make of the input too: the flow then depends on the Parameters (carryOver.ts does not carry it past their edits).
 */
export const settingsReadParameters = (task: AstNode): boolean => SETTING_PATH_FIELDS.some((f) => property(task, f));

/**
 * What a JSONata `{% $states.input.a.b %}` reads, for the few expressions that are a plain path; for an object
 * written as the whole expression with literal names (`{% {'model': …, 'job': …} %}`), an object of no other field.
 */
function jsonataPathShape(value: string, roots: { input: Shape; result?: Shape; errorOutput?: Shape }): Shape {
  const body = jsonataBody(value)?.trim();
  const m = body && /^\$states\.(input|result|errorOutput)((?:\.[A-Za-z_][A-Za-z0-9_]*)*)$/.exec(body);
  if (!m) {
    const keys = body?.startsWith('{') ? jsonataObjectKeys(value) : undefined;
    return keys ? { kind: 'object', fields: new Map(keys.map((k) => [k, field(UNKNOWN, 'unknown')])), open: false, origin: 'the object the expression writes' } : UNKNOWN;
  }
  const root = m[1] === 'input' ? roots.input : m[1] === 'result' ? roots.result : roots.errorOutput;
  if (!root) return UNKNOWN;
  return readSegments(root, nameSegments(m[2].split('.').filter(Boolean))).shape;
}

class Analysis {
  readonly flow: Dataflow;
  /** The `$states.result` of the JSONata states passed so far (StateFlow.result). */
  readonly results = new Map<AslState, Shape>();
  /** The context object of the slots recorded now, when it is not the flow's (a Map's ItemSelector). */
  private context: Shape | undefined;
  /** The slots recorded now are an Assign's values. */
  private assigning = false;
  /** What each Assign of a variable sets, by name, in the order of the pass. */
  private readonly assigned = new Map<string, Shape[]>();

  constructor(
    private readonly sagemaker: Map<AslState, ResultOf>,
    private readonly executionInput: Shape = UNKNOWN,
  ) {
    this.flow = { states: new Map(), slots: [], taskPayloads: new Map(), variables: new Map(), context: contextShape(executionInput), itemContexts: new Map(), unwritable: [] };
  }

  private slot(node: AstNode | undefined, state: AslState, against: Shape, label: string, kind: Slot['kind']) {
    if (node?.type === 'string') this.flow.slots.push({ node, state, against, label, kind, ...(this.context ? { context: this.context } : {}), ...(this.assigning ? { assign: true as const } : {}) });
  }

  /** The shape a path field reads, recording the slot. */
  private readPath(node: AstNode | undefined, state: AslState, against: Shape, label: string, mayBeAbsent = false): Shape {
    this.slot(node, state, against, label, 'path');
    if (mayBeAbsent && this.flow.slots.at(-1)?.node === node) this.flow.slots.at(-1)!.mayBeAbsent = true;
    const text = stringValue(node);
    if (text === undefined) return UNKNOWN;
    const path = parseJsonPath(text, 'path');
    if (isExpressionError(path) || path.root !== '$') return UNKNOWN;
    return readSegments(against, path.segments).shape;
  }

  /** The shape of a `.$` value: a path's reading, or unknown (intrinsic functions, the context, variables). */
  private dynamicShape(node: AstNode, state: AslState, against: Shape, label: string): Shape {
    this.slot(node, state, against, label, 'dynamic');
    const text = stringValue(node);
    if (text === undefined) return UNKNOWN;
    const r = parseDynamicValue(text);
    if (isExpressionError(r)) return UNKNOWN;
    if (r.kind === 'call') return UNKNOWN;
    // Variables are unknown here: an assignment later in this pass (or around a loop) may also reach this state.
    return r.root === '$' ? readSegments(against, r.segments).shape : UNKNOWN;
  }

  /**
   * The shape of a payload template (Parameters, ResultSelector, ItemSelector, Assign, JSONata Output): its
   * literal parts as written, `.$` members read from `against`, JSONata strings from `jsonata` roots. Iterative.
   */
  template(node: AstNode, state: AslState, against: Shape, label: string, jsonata?: { input: Shape; result?: Shape; errorOutput?: Shape }): Shape {
    // A whole template that is a template's placeholder (`"ResultSelector": "${Selector}"`) may stand for anything.
    if (node.type === 'string' && hasPlaceholder(node.value as string)) return UNKNOWN;
    const arrays: ArrayShape[] = [];
    const make = (n: AstNode): Shape => {
      if (n.type === 'object') return EMPTY_OBJECT();
      if (n.type === 'array') {
        const a: ArrayShape = { kind: 'array', items: UNKNOWN, tuple: [], exact: true };
        arrays.push(a);
        return a;
      }
      if (n.type === 'string' && jsonata && isJsonata(n.value as string)) return jsonataPathShape(n.value as string, jsonata);
      return literalShape(n.value ?? null, undefined, false, true);
    };
    const root = make(node);
    const stack: { node: AstNode; shape: Shape }[] = [{ node, shape: root }];
    while (stack.length) {
      const { node: n, shape } = stack.pop()!;
      if (n.type === 'object' && shape.kind === 'object') {
        for (const p of n.children ?? []) {
          const k = p.children?.[0], v = p.children?.[1];
          if (k?.type !== 'string' || !v) continue;
          const key = k.value as string;
          // A template's placeholder in a key (`"${Key}"`) names a field not known here.
          if (hasPlaceholder(key)) shape.open = true;
          let child: Shape;
          if (!jsonata && key.endsWith('.$')) {
            child = v.type === 'string' ? this.dynamicShape(v, state, against, label) : UNKNOWN;
            const from = v.type === 'string' && /^\$(\.[\p{ID_Start}_$][\p{ID_Continue}$]*)+$/u.test(v.value as string) ? (v.value as string) : undefined;
            shape.fields.set(key.slice(0, -2), from ? { ...fieldOf(child), from } : fieldOf(child));
            continue;
          }
          child = make(v);
          shape.fields.set(key, fieldOf(child));
          if (v.type === 'object' || v.type === 'array') stack.push({ node: v, shape: child });
        }
      } else if (n.type === 'array' && shape.kind === 'array') {
        for (const c of n.children ?? []) {
          const child = make(c);
          shape.tuple!.push(child);
          if (c.type === 'object' || c.type === 'array') stack.push({ node: c, shape: child });
        }
      }
    }
    // Array items are known once their elements are: joined after the walk, innermost first.
    for (let i = arrays.length - 1; i >= 0; i--) arrays[i].items = joinAll(arrays[i].tuple!);
    return root;
  }

  /** The `.$` values of a Task's payload, recorded as slots without building its shape. */
  slotsOf(node: AstNode, state: AslState, against: Shape, label: string) {
    this.flow.taskPayloads.set(state, { against, label });
    const stack = [node];
    while (stack.length) {
      const n = stack.pop()!;
      for (const c of n.children ?? []) {
        if (n.type === 'object') {
          const k = c.children?.[0], v = c.children?.[1];
          if (!v) continue;
          if (v.type === 'string' && typeof k?.value === 'string' && k.value.endsWith('.$')) this.flow.slots.push({ node: v, state, against, label, kind: 'dynamic', taskPayload: true });
          else if (v.type === 'object' || v.type === 'array') stack.push(v);
        } else if (c.type === 'object' || c.type === 'array') stack.push(c);
      }
    }
  }

  /**
   * What each iteration of a JSONata Map gets: its ItemSelector's shape (read with `$states.input` the Map's input;
   * `$states.context` is not followed), else an element of Items (a plain path or a literal array), batched by an
   * ItemBatcher; unknown when an ItemReader reads the items elsewhere.
   */
  private jsonataItem(s: AslState, input: Shape): Shape {
    const n = s.node;
    if (property(n, 'ItemReader')) return UNKNOWN;
    const items = property(n, 'Items');
    const list = items === undefined ? input : items.type === 'string' ? (isJsonata(items.value as string) ? jsonataPathShape(items.value as string, { input }) : UNKNOWN) : items.type === 'array' ? this.template(items, s, UNKNOWN, '', { input }) : UNKNOWN;
    const listed = list.kind === 'array' && !list.hint ? list.items : UNKNOWN;
    const selector = property(n, 'ItemSelector');
    let item = listed;
    if (selector) {
      // `$states.context.Map.Item.Value` in the selector is the element of Items (hover and completion read it).
      this.flow.itemContexts.set(s, contextShape(this.executionInput, withOrigin(listed, `${s.name}'s item`)));
      const saved = this.flow.slots.length;
      item = withOrigin(this.template(selector, s, UNKNOWN, '', { input }), `one item of ${s.name}, as its ItemSelector makes it`);
      this.flow.slots.length = saved;
    }
    const batcher = property(n, 'ItemBatcher');
    return batcher ? batchOf(batcher, item, s.name) : item;
  }

  /** An Assign: the variables it sets get the shapes of its values (a JSONPath one's `.$` values are slots, read from `against`). */
  private assign(state: AslState, node: AstNode | undefined, against: Shape, label: string, jsonata?: { input: Shape; result?: Shape; errorOutput?: Shape }) {
    if (node?.type !== 'object') return;
    this.assigning = true;
    const shape = this.template(node, state, against, label, jsonata);
    this.assigning = false;
    if (shape.kind !== 'object') return;
    for (const [name, f] of shape.fields) this.assigned.get(name)?.push(f.shape()) ?? this.assigned.set(name, [f.shape()]);
  }

  /** Each variable's shape: the join of what its Assigns set, made once at the end (Dataflow.variables). */
  finish(): Dataflow {
    for (const [name, shapes] of this.assigned) this.flow.variables.set(name, joinAll(shapes));
    return this.flow;
  }

  /** The pass over one machine: yields the nested machines a Parallel or Map runs, and gets their outputs back. */
  *machine(m: AslMachine, input: Shape): Generator<{ machines: AslMachine[]; inputs: Shape[] }, Shape, Shape[]> {
    const start = m.start;
    if (!start) return UNKNOWN;
    // Reverse postorder from StartAt (iterative DFS); an edge to a state on the DFS stack closes a loop.
    const order: AslState[] = [];
    const loopHeads = new Set<AslState>();
    const successors = (s: AslState) => s.targets.map((t) => m.byName.get(stringValue(t.node) ?? '')).filter((x): x is AslState => !!x);
    const visited = new Set<AslState>([start]);
    const onStack = new Set<AslState>([start]);
    const dfs: { s: AslState; next: AslState[]; i: number }[] = [{ s: start, next: successors(start), i: 0 }];
    while (dfs.length) {
      const top = dfs[dfs.length - 1];
      if (top.i < top.next.length) {
        const t = top.next[top.i++];
        if (onStack.has(t)) loopHeads.add(t);
        else if (!visited.has(t)) {
          visited.add(t);
          onStack.add(t);
          dfs.push({ s: t, next: successors(t), i: 0 });
        }
      } else {
        onStack.delete(top.s);
        order.push(top.s);
        dfs.pop();
      }
    }
    order.reverse();
    const incoming = new Map<AslState, Shape[]>([[start, [input]]]);
    const send = (target: AstNode | undefined, shape: Shape) => {
      const t = m.byName.get(stringValue(target) ?? '');
      if (!t) return;
      listOf(incoming, t).push(shape);
    };
    const ends: Shape[] = [];
    for (const s of order) {
      const stateInput = loopHeads.has(s) ? UNKNOWN : joinAll(incoming.get(s) ?? []);
      incoming.delete(s);
      const out = yield* this.state(s, stateInput, send);
      const result = this.results.get(s);
      this.flow.states.set(s, { input: stateInput, output: out, ...(result ? { result } : {}) });
      if (s.type === 'Succeed' || (s.type !== 'Choice' && s.type !== 'Fail' && property(s.node, 'End')?.value === true)) ends.push(out);
    }
    return ends.length ? joinAll(ends) : UNKNOWN;
  }

  private *state(
    s: AslState,
    input: Shape,
    send: (target: AstNode | undefined, shape: Shape) => void,
  ): Generator<{ machines: AslMachine[]; inputs: Shape[] }, Shape, Shape[]> {
    const n = s.node;
    const jsonata = s.queryLanguage === 'JSONata';
    const task = this.sagemaker.get(s);
    const taskResult = () => (task ? (task.sdk ? sageMakerSdkResult : sageMakerResult)(task.api, task.integrationPattern, s.name) : isLambdaInvoke(stringValue(property(n, 'Resource'))) ? lambdaInvokeResult(s.name) : undefined) || UNKNOWN;

    if (jsonata) {
      const roots = { input };
      let result: Shape = input;
      if (s.type === 'Task') result = taskResult();
      else if (s.type === 'Pass') result = input;
      else if (s.type === 'Parallel' || s.type === 'Map') {
        const args = property(n, 'Arguments');
        const childInput = s.type === 'Parallel' ? (args ? this.template(args, s, input, '', roots) : input) : this.jsonataItem(s, input);
        const outs = s.children.length ? yield { machines: s.children, inputs: s.children.map(() => childInput) } : [];
        result = s.type === 'Parallel' ? { kind: 'array', items: joinAll(outs), tuple: outs, exact: true } : mapResult(s, outs);
      }
      if (RESULT_STATES.has(s.type ?? '')) this.results.set(s, result);
      const outputNode = property(n, 'Output');
      const output = outputNode ? this.template(outputNode, s, UNKNOWN, '', { input, result }) : result;
      this.assign(s, property(n, 'Assign'), UNKNOWN, '', { input, result });
      // A matched Choice rule's and a matching catcher's Assign assign too.
      for (const rule of arrayItems(property(n, s.type === 'Choice' ? 'Choices' : 'Catch'))) {
        this.assign(s, property(rule, 'Assign'), UNKNOWN, '', s.type === 'Choice' ? { input } : { input, errorOutput: ERROR_OUTPUT() });
      }
      this.sendOn(
        s,
        output,
        send,
        (catcher) => {
          const o = property(catcher, 'Output');
          return o ? this.template(o, s, UNKNOWN, '', { input, errorOutput: ERROR_OUTPUT() }) : ERROR_OUTPUT();
        },
        // A matched rule's own Output is the state output (the specification: "If a Choice Rule is chosen, the value
        // of its "Output" field, if any, will become the state output"); without one, the state's.
        (rule) => {
          const o = property(rule, 'Output');
          return o ? this.template(o, s, UNKNOWN, '', { input }) : output;
        },
      );
      return output;
    }

    // JSONPath: InputPath, then Parameters (ItemSelector is per item for a Map), the result, ResultSelector,
    // ResultPath, OutputPath.
    const inputPath = property(n, 'InputPath');
    let effective = inputPath === undefined ? input : inputPath.type === 'null' ? EMPTY_OBJECT() : this.readPath(inputPath, s, input, 'the state input');
    if (s.type === 'Fail') {
      this.readPath(property(n, 'ErrorPath'), s, input, 'the state input');
      this.readPath(property(n, 'CausePath'), s, input, 'the state input');
      return UNKNOWN;
    }
    const afterInputPath = 'the state input after InputPath';
    const effectiveLabel = inputPath === undefined ? 'the state input' : afterInputPath;
    const parameters = property(n, 'Parameters');
    // A Task's parameters go to the integration: only the places they read matter, not their shape.
    if (parameters && s.type === 'Task') this.slotsOf(parameters, s, effective, effectiveLabel);
    else if (parameters && s.type !== 'Map') effective = withOrigin(this.template(parameters, s, effective, effectiveLabel), `${s.name}'s Parameters`);

    let result: Shape | undefined;
    if (s.type === 'Task') result = taskResult();
    else if (s.type === 'Pass') {
      const r = property(n, 'Result');
      result = r ? literalShape(toValue(r), `${s.name}'s Result`, false, true) : effective;
    } else if (s.type === 'Parallel') {
      const outs = s.children.length ? yield { machines: s.children, inputs: s.children.map(() => effective) } : [];
      result = { kind: 'array', items: joinAll(outs), tuple: outs, exact: true, origin: `${s.name}'s branch outputs` };
    } else if (s.type === 'Map') {
      // With an ItemReader the items come from it, and ItemsPath is not read against the state's input: AWS ran a
      // Map whose ItemsPath named no field of it to the same output (LocalStack's
      // test_map_item_reader_base_json_with_items_path, recorded against AWS).
      const items = property(n, 'ItemReader') ? undefined : property(n, 'ItemsPath');
      const list = items ? this.readPath(items, s, effective, effectiveLabel) : effective;
      const slot = this.flow.slots.at(-1);
      if (items && slot?.node === items) slot.wants = 'array';
      const selector = property(n, 'ItemSelector') ?? parameters;
      // `$$.Map.Item.Value` is the item; `$` in the selector is the Map's input. A Distributed Map reading its items
      // elsewhere gets items this pass does not know; batched items arrive as { Items: [...], BatchInput }.
      const listed = property(n, 'ItemReader') ? UNKNOWN : list.kind === 'array' ? list.items : UNKNOWN;
      let item = listed;
      if (selector) {
        this.context = contextShape(this.executionInput, withOrigin(listed, `${s.name}'s item`));
        // Named, so a path in the iterations that reads no field of it says what `$` is there (walk38).
        item = withOrigin(this.template(selector, s, effective, effectiveLabel), `one item of ${s.name}, as its ${property(n, 'ItemSelector') ? 'ItemSelector' : 'Parameters'} makes it`);
        this.context = undefined;
      }
      if (property(n, 'ItemReader')) item = UNKNOWN;
      // The `.$` values of an ItemReader's and a ResultWriter's Parameters (the bucket, the key): read from the Map's
      // input, when no InputPath leaves in doubt which (else only `$$` and variables are judged there).
      for (const field of ['ItemReader', 'ResultWriter']) {
        const params = property(property(n, field), 'Parameters');
        if (params?.type === 'object') this.template(params, s, inputPath === undefined ? effective : UNKNOWN, 'the state input');
      }
      const batcher = property(n, 'ItemBatcher');
      if (batcher) item = batchOf(batcher, item, s.name);
      const outs = s.children.length ? yield { machines: s.children, inputs: s.children.map(() => item) } : [];
      result = mapResult(s, outs);
    } else if (s.type === 'Choice') {
      this.choiceRules(s, effective, effectiveLabel);
    }
    // A Task's timeouts, a Wait's time, a Map's limits from the input. Beside a Task's Parameters, which go to the
    // integration, the guide does not say whether the path reads the effective input or what Parameters make of it:
    // judged against either (what neither has, or what is of the wrong type in both, fails either way: df45).
    let settingsFrom = effective, settingsLabel = effectiveLabel;
    if (s.type === 'Task' && parameters && settingsReadParameters(n)) {
      // The Parameters' shape only: their reads are recorded once, as the task's payload (slotsOf above).
      const recorded = this.flow.slots.length;
      const made = this.template(parameters, s, effective, effectiveLabel);
      this.flow.slots.length = recorded;
      settingsFrom = join(effective, made);
      settingsLabel = `${effectiveLabel} (or what ${s.name}'s Parameters make of it)`;
    }
    for (const field of SETTING_PATH_FIELDS) {
      const setting = property(n, field);
      this.readPath(setting, s, settingsFrom, settingsLabel);
      const slot = this.flow.slots.at(-1);
      if (setting && slot?.node === setting) slot.wants = settingOfPath(field)?.type;
    }
    const resultLabel = task ? `${s.name}'s result` : 'the result';
    // What `$` is in a JSONPath Assign, as Step Functions runs it (executions recorded against AWS in LocalStack's
    // tests, tests/aws/services/stepfunctions/v2/assign): a Task's, Parallel's or Map's result (`$.Payload` of
    // lambda:invoke), a Pass state's (its Result, else its Parameters, else its input), a Choice's or Wait's input,
    // a catcher's error output. Whether a ResultSelector comes first is not recorded there, nor whether a Choice's
    // or Wait's InputPath does: unknown then (only `$$` and variables are judged).
    let assignFrom: { against: Shape; label: string } = { against: UNKNOWN, label: '' };
    const selector = result && RESULT_STATES.has(s.type ?? '') ? property(n, 'ResultSelector') : undefined;
    // A Pass state that passes its input on: whether `$` there is before or after its InputPath is not recorded either.
    const passThrough = s.type === 'Pass' && !property(n, 'Result') && !parameters;
    if (result && !selector && !(passThrough && inputPath !== undefined)) assignFrom = { against: result, label: s.type === 'Pass' ? "the state's result" : s.type === 'Task' ? "the task's result" : 'the result' };
    else if ((s.type === 'Choice' || s.type === 'Wait') && inputPath === undefined) assignFrom = { against: effective, label: 'the state input' };
    if (result && selector) result = withOrigin(this.template(selector, s, result, resultLabel), `${s.name}'s ResultSelector`);
    const combined = result === undefined ? effective : this.resultPath(property(n, 'ResultPath'), s, input, result);
    this.assign(s, property(n, 'Assign'), assignFrom.against, assignFrom.label);
    for (const rule of arrayItems(property(n, s.type === 'Choice' ? 'Choices' : 'Catch'))) {
      if (s.type === 'Choice') this.assign(s, property(rule, 'Assign'), assignFrom.against, assignFrom.label);
      else this.assign(s, property(rule, 'Assign'), ERROR_OUTPUT(), 'the error output');
    }
    const outputPath = property(n, 'OutputPath');
    const output =
      outputPath === undefined
        ? combined
        : outputPath.type === 'null'
          ? EMPTY_OBJECT()
          : this.readPath(outputPath, s, combined, result === undefined ? effectiveLabel : 'the state output before OutputPath');
    this.sendOn(s, output, send, (catcher) => this.resultPath(property(catcher, 'ResultPath'), s, input, ERROR_OUTPUT()));
    return output;
  }

  /**
   * Sends a state's output along its transitions (the model's targets), and to each catcher's Next what that catcher
   * passes on (`caught`, from the catcher's node). A Choice state's own Next is no transition (Step Functions rejects
   * the field; the structure checks report it): its output goes by its rules and Default only, a JSONata rule's
   * with what `ruled` makes of the rule (its own Output).
   */
  private sendOn(s: AslState, output: Shape, send: (target: AstNode | undefined, shape: Shape) => void, caught: (catcher: AstNode) => Shape, ruled?: (rule: AstNode) => Shape) {
    for (const t of s.targets) {
      if (t.field === 'Catch') send(t.node, caught(t.holder));
      else if (ruled && s.type === 'Choice' && t.field === 'Next' && t.holder !== s.node) send(t.node, ruled(t.holder));
      else if (!(s.type === 'Choice' && t.holder === s.node && t.field === 'Next')) send(t.node, output);
    }
  }

  /**
   * ResultPath: absent or `$` → the result; null → the input; `$.a.b` → the input with the result at a.b. Where the
   * path goes through a value known to be a string, a number, a boolean or an array, it is recorded (unwritable):
   * "ResultPath cannot apply and the interpreter fails the machine with an Error Name of States.ResultPathMatchFailure"
   * (the specification's runtime errors).
   */
  private resultPath(node: AstNode | undefined, s: AslState, input: Shape, result: Shape): Shape {
    if (node === undefined) return result;
    if (node.type === 'null') return input;
    const text = stringValue(node);
    if (text === undefined) return UNKNOWN;
    const path = parseJsonPath(text, 'reference');
    if (isExpressionError(path) || path.root !== '$') return UNKNOWN;
    const names: string[] = [];
    for (const seg of path.segments) {
      if (seg.kind !== 'name' && seg.kind !== 'member') return UNKNOWN;
      names.push(seg.name);
    }
    // Read as a path: a name read from a known value that is no object (readSegments' `missing` there) is where the
    // write cannot go through; a field a closed object lacks is only created.
    const { missing } = readSegments(input, nameSegments(names));
    if (missing && missing.parent.kind !== 'object') this.flow.unwritable.push({ node, state: s, at: names.slice(0, missing.index), shape: missing.parent });
    return writeAt(input, names, result);
  }

  /** The Variable and …Path fields of a Choice state's rules, at any depth of And/Or/Not. */
  private choiceRules(s: AslState, against: Shape, label: string) {
    const stack: AstNode[] = [];
    const choices = property(s.node, 'Choices');
    if (choices?.type === 'array') append(stack, (choices.children ?? []));
    while (stack.length) {
      const rule = stack.pop()!;
      if (rule.type !== 'object') continue;
      for (const p of rule.children ?? []) {
        const k = p.children?.[0], v = p.children?.[1];
        const key = k?.value;
        if (typeof key !== 'string' || !v) continue;
        if (key === 'Variable' || key.endsWith('Path')) this.readPath(v, s, against, label, key === 'Variable' && !!property(rule, 'IsPresent'));
        else if ((key === 'And' || key === 'Or') && v.type === 'array') append(stack, (v.children ?? []));
        else if (key === 'Not') stack.push(v);
      }
    }
  }
}

const arrayItems = (node: AstNode | undefined): AstNode[] => (node?.type === 'array' ? (node.children ?? []) : []);

const fieldOf = (shape: Shape): Field => ({ shape: () => shape, type: shape.kind === 'primitive' ? shape.type : shape.kind });

/**
 * What a batching Map's iteration gets (ItemBatcher, the developer guide): `{ "Items": [...] }`, with `BatchInput`
 * when the batcher gives one; open when the batcher is not written out (a template's placeholder).
 */
function batchOf(batcher: AstNode, item: Shape, mapName: string): Shape {
  const fields = new Map([['Items', fieldOf({ kind: 'array', items: item })]]);
  const keys = batcher.type === 'object' ? (batcher.children ?? []).map((p) => stringValue(p.children?.[0]) ?? '') : [];
  if (keys.some((k) => k.startsWith('BatchInput'))) fields.set('BatchInput', fieldOf(UNKNOWN));
  return { kind: 'object', fields, open: batcher.type !== 'object', origin: `${mapName}'s batch of items` };
}

/**
 * A Map's result: the array of its iterations' outputs; with a ResultWriter that exports them (a Resource), the
 * Map Run's description `{ MapRunArn, ResultWriterDetails: { Bucket, Key } }` (what else it may hold is left
 * open); with one that only formats them (WriterConfig), not known here.
 */
function mapResult(s: AslState, outs: Shape[]): Shape {
  const writer = property(s.node, 'ResultWriter');
  if (!writer) return { kind: 'array', items: joinAll(outs), origin: `${s.name}'s iteration outputs` };
  if (writer.type !== 'object' || !property(writer, 'Resource')) return UNKNOWN;
  const string = fieldOf({ kind: 'primitive', type: 'string' });
  const details: Shape = { kind: 'object', fields: new Map([['Bucket', string], ['Key', string]]), open: true };
  return { kind: 'object', fields: new Map([['MapRunArn', string], ['ResultWriterDetails', fieldOf(details)]]), open: true, origin: `${s.name}'s Map Run (ResultWriter)` };
}

/** The analysis of a whole document: every machine, nested ones when their Parallel/Map state is reached. */
export function analyse(model: AslModel, sagemaker: Map<AslState, ResultOf>, executionInput: Shape = UNKNOWN): Dataflow {
  const a = new Analysis(sagemaker, executionInput);
  const top = model.machines.find((m) => m.kind === 'top');
  if (!top) return a.flow;
  type Frame = { gen: Generator<{ machines: AslMachine[]; inputs: Shape[] }, Shape, Shape[]>; pending?: { machines: AslMachine[]; inputs: Shape[]; outs: Shape[] } };
  const stack: Frame[] = [{ gen: a.machine(top, executionInput) }];
  let resume: Shape[] | undefined;
  let returned: Shape | undefined;
  while (stack.length) {
    const frame = stack[stack.length - 1];
    if (returned !== undefined && frame.pending) {
      frame.pending.outs.push(returned);
      returned = undefined;
    }
    if (frame.pending && frame.pending.outs.length < frame.pending.machines.length) {
      const i = frame.pending.outs.length;
      stack.push({ gen: a.machine(frame.pending.machines[i], frame.pending.inputs[i]) });
      continue;
    }
    if (frame.pending) {
      resume = frame.pending.outs;
      frame.pending = undefined;
    }
    const step = resume ? frame.gen.next(resume) : frame.gen.next(undefined as unknown as Shape[]);
    resume = undefined;
    if (step.done) {
      stack.pop();
      returned = step.value;
    } else frame.pending = { ...step.value, outs: [] };
  }
  return a.finish();
}

/**
 * The analysis after edits inside JSONPath Tasks' Parameters, from the one before them: the shapes are the same
 * (a Task's Parameters go to the integration), only the slots of those Parameters are read again.
 */
export function reslotTasks(flow: Dataflow, states: ReadonlySet<AslState>): Dataflow {
  const a = new Analysis(new Map());
  const fresh = new Map<AslState, Slot[]>();
  for (const state of states) {
    const at = flow.taskPayloads.get(state);
    // A state the pass never reached has no slots, before or after.
    const parameters = property(state.node, 'Parameters');
    if (!at || !parameters) continue;
    a.flow.slots = [];
    a.slotsOf(parameters, state, at.against, at.label);
    fresh.set(state, a.flow.slots);
  }
  const slots: Slot[] = [];
  const placed = new Set<AslState>();
  for (const slot of flow.slots) {
    if (!slot.taskPayload || !states.has(slot.state)) slots.push(slot);
    else if (!placed.has(slot.state)) {
      placed.add(slot.state);
      append(slots, fresh.get(slot.state) ?? []);
    }
  }
  for (const [state, list] of fresh) if (!placed.has(state)) append(slots, list);
  return { ...flow, slots };
}

// One analysis per parse and execution input, like the model (an edit that cannot change it carries it over:
// carryOver.ts).
const flows = new WeakMap<ParsedDocument, { input: Shape; flow: Dataflow }>();

/** The analysis of a parse if it was made (with the execution input it was made from), without making it. */
export const knownDataflow = (parsed: ParsedDocument): { input: Shape; flow: Dataflow } | undefined => flows.get(parsed);
export const setDataflow = (parsed: ParsedDocument, input: Shape, flow: Dataflow) => void flows.set(parsed, { input, flow });

/** The data flow of a parse; `executionInput` is an example of the execution input (../executionInput.ts), else unknown. */
export function dataflowOf(parsed: ParsedDocument, executionInput: Shape = UNKNOWN): Dataflow {
  const hit = flows.get(parsed);
  if (hit && hit.input === executionInput) return hit.flow;
  // The results of the optimized integrations (outputs.json) and of the AWS SDK integration's actions (sdk-outputs.json).
  const sagemaker = new Map(tasksOf(parsed).map((t) => [t.state, t] as const));
  const flow = analyse(modelOf(parsed), sagemaker, executionInput);
  flows.set(parsed, { input: executionInput, flow });
  return flow;
}


// The structure of a state machine, as the Amazon States Language defines it: transitions between states, the
// fields each state type, Choice rule, retrier and catcher has, the types of their values, and the fields of the
// two query languages (the language's tables are fields.ts's). A diagnostic is a promise: errors only where Step Functions rejects the definition for
// sure; template placeholders (${…}) and JSONata expressions ({% … %}) stand for values and are never judged.
// Linear in the document and iterative throughout (a state machine may nest deeper than the JS stack).
import { checkJsonata, checkJsonPath, isExpressionError, isJsonata, jsonataAsJsonPath, jsonataConstant, jsonataForPathKey, jsonPathAsJsonata, jsonataGivesFunction, judgeDynamicValue, parseDynamicValue, spacedCall, expressionErrorSpan, standsForValue, type ExpressionError, type PathKind } from '../expressions/index';
import { createFindingsCache } from '../core/findingsCache';
import { deploysAsString, deploysAsStringText, hasPlaceholder, literalParts, substitutePlaceholders } from '../expressions/placeholders';
import { closest, editDistance, list, quote, shiftFindings, visibleText } from '../core/text';
import { intendedValue, keyOfValue, property, propertyNode, stringValue } from '../core/tree';
import type { AstNode, DocumentLanguage, ParsedDocument, Problem, Severity } from '../core/types';
import { AslCode } from './codes';
import { checkDefinitionSize, checkDuplicateKeys, checkMachineRules, checkPayloadTemplates, jsonSize } from './machineRules';
import { aslProblem } from './problem';
import { checkVariables } from './variables';
import { judgeIntegration, optimizedActions, optimizedServices, parseIntegrationArn } from './integrations';
import { integrationRequestFindings } from './integrationRequests';
import {
  ATHENA_INPUT_TYPES, CATCHER_FIELDS, CHOICE_RULE_FIELDS, COMMON_FIELDS, COMPARATORS, DISTRIBUTED_ONLY, ERROR_PATH_FIELDS, evaluatedHere, JITTER_STRATEGIES, JSONATA_ONLY,
  JSONPATH_ONLY, LOGICAL, NEVER_EVALUATED_FIELDS, OBJECT_FIELDS, PATH_FIELDS, PATH_TWINS, PAYLOAD_TEMPLATES, PREDEFINED_ERRORS, QUERY_LANGUAGES, RETRIER_FIELDS, RETRIER_TYPED_FIELDS,
  ROOT_FIELDS, SETTINGS, settingsFields, isTimestamp, STATE_FIELDS, STATE_TYPES, SUB_MACHINE_FIELDS, TYPED_FIELDS, WAIT_FIELDS, type Want,
} from './fields';
import { buildModel, distributedMapAround, modelOf, reachedFrom, stateHolding, type AslMachine, type AslModel, type AslState, type QueryLanguage } from './model';
import { append } from '../core/append';

/**
 * What the caller's integration modules check in the structure checks' stead: validation.ts at the service root
 * passes SageMaker's (sagemaker/tasks.ts `sageMakerCheckedElsewhere`); asl/ names no such module.
 */
export interface CheckedElsewhere {
  /** Value nodes whose expressions another check owns (an integration's payload, checked against its API): not looked into. */
  readonly payloads: ReadonlySet<AstNode>;
  /**
   * The services whose Tasks another module judges: the action and pattern a Resource names after
   * `states:::<service>:`, and the type of the request, through the AWS SDK integration (`aws-sdk:<service>:…`) too.
   */
  readonly services: ReadonlySet<string>;
}

const NOTHING_ELSEWHERE: CheckedElsewhere = { payloads: new Set(), services: new Set() };

interface Ctx {
  problems: Problem[];
  text: string | undefined;
  /** Value nodes another check owns (an integration's payload, checked against its API): not looked into. */
  skip: ReadonlySet<AstNode>;
  /** The services whose Tasks another module judges (CheckedElsewhere), and the same as text, for the state cache's key. */
  servicesElsewhere: ReadonlySet<string>;
  servicesKey: string;
  suggestions: number;
  /** A state of any machine of the document by name (the first of its name), for a transition into another machine. */
  anywhere?: (name: string) => AslState | undefined;
  /** The workflow type the document's template declares for the machine, if any. */
  workflowType?: ParsedDocument['workflowType'];
}

/**
 * A name in ErrorEquals that is a predefined one in the wrong case (`States.Taskfailed`, `states.timeout`): error names are
 * case-sensitive, so it never matches the predefined error (a warning: the service takes it). Other `States.` names
 * are left alone: real machines raise their own from a Fail state (`States.FauxFailure1`), though the guide says
 * such names "must not begin with the States. prefix", and the predefined list grows.
 */
function checkErrorName(ctx: Ctx, e: AstNode) {
  const name = e.value as string;
  if (PREDEFINED_ERRORS.includes(name)) return;
  const near = PREDEFINED_ERRORS.find((p) => p.toLowerCase() === name.toLowerCase());
  if (near) report(ctx, e, AslCode.unknownErrorName, `${quote(name)} is not a predefined error name (they are case-sensitive), so it never matches; did you mean ${quote(near)}?`, 'warning', { closest: near });
}

/**
 * A `States.` name in a retrier's or catcher's ErrorEquals that is a typo of a predefined one (`States.AL`,
 * `States.Timout`): it never matches, so the retry or catch silently never happens (a warning: the service takes
 * it). Unless a Fail state of the machine raises that very name (real machines raise their own `States.` names), or
 * one raises a name only known at run time (ErrorPath, JSONata). A name in another case is checkErrorName's. Not cached with the model: an
 * edit of a retrier or a Fail state's Error keeps the model (carryOver.ts).
 */
function errorNameTypos(model: AslModel): Problem[] {
  const out: Problem[] = [];
  const raised = new Set<string>();
  for (const s of model.states) {
    if (s.type !== 'Fail') continue;
    const error = property(s.node, 'Error');
    const name = stringValue(error);
    if (property(s.node, 'ErrorPath') || (error && name === undefined) || (name !== undefined && (name.includes('{%') || hasPlaceholder(name)))) return out;
    if (name !== undefined) raised.add(name);
  }
  // The predefined names after `States.`, in lower case (a typo in another case too), to their names.
  const parts = new Map(PREDEFINED_ERRORS.map((p) => [p.slice('States.'.length).toLowerCase(), p]));
  for (const s of model.states) {
    for (const field of ['Retry', 'Catch']) {
      const handlers = property(s.node, field);
      for (const handler of handlers?.type === 'array' ? (handlers.children ?? []) : []) {
        const errors = property(handler, 'ErrorEquals');
        for (const e of errors?.type === 'array' ? (errors.children ?? []) : []) {
          const name = stringValue(e);
          if (!name?.startsWith('States.') || raised.has(name) || hasPlaceholder(name)) continue;
          const part = name.slice('States.'.length);
          // A predefined name in another case is checkErrorName's.
          if (parts.has(part.toLowerCase())) continue;
          const near = parts.get(closest(part.toLowerCase(), parts.keys(), 1, Math.max(1, Math.floor(part.length / 4)))[0] ?? '');
          if (!near) continue;
          out.push(aslProblem(e.offset, e.length, AslCode.unknownErrorName, `${quote(name)} is not a predefined error name and no Fail state raises it, so it never matches; did you mean ${quote(near)}?`, 'warning', { closest: near }));
        }
      }
    }
  }
  return out;
}

function report(ctx: Ctx, node: { offset: number; length: number }, code: string, message: string, severity: Severity = 'error', data?: Record<string, unknown>) {
  ctx.problems.push(aslProblem(node.offset, node.length, code, message, severity, data));
}

const keyOf = (p: AstNode) => p.children?.[0];
/** Where to report what an object lacks: its first key (underlining the whole object hides everything in it). */
const anchor = (obj: AstNode) => (obj.children?.[0] && keyOf(obj.children[0])) ?? obj;
const valueOf = (p: AstNode) => p.children?.[1];

/** A value that stands for another: a template placeholder, or a JSONata expression in a JSONata state. */
const isStandIn = (node: AstNode | undefined, ql: QueryLanguage): boolean => node?.type === 'string' && standsForValue(node.value as string, ql === 'JSONata');

const describe = (node: AstNode) => (node.type === 'null' ? 'null' : node.type === 'number' ? `the number ${node.value}` : node.type === 'string' ? `the string ${quote(node.value)}` : node.type === 'boolean' ? String(node.value) : `an ${node.type}`);

function typeOk(node: AstNode, want: Want): boolean {
  switch (want) {
    case 'string|null': return node.type === 'string' || node.type === 'null';
    case 'integer': return node.type === 'number' && Number.isInteger(node.value);
    default: return node.type === want;
  }
}

const wantText = (want: Want) => (want === 'string|null' ? 'a string or null' : want === 'integer' ? 'an integer' : want === 'object' || want === 'array' ? `an ${want}` : `a ${want}`);

/**
 * A JSONata string written of literals only (`"TimeoutSeconds": "{% 0 %}"`) always has the same value: one the field
 * cannot take deploys, and fails the state when it runs (States.QueryEvaluationError), so a warning.
 */
function checkConstant(ctx: Ctx, field: string, node: AstNode, want: Want, min?: number, max?: number) {
  const c = jsonataConstant(node.value as string);
  if (!c) {
    if (jsonataGivesFunction(node.value as string))
      report(ctx, node, AslCode.invalidValue, `This expression gives a function, and ${field} must be ${wantText(want)}: the state fails when it runs (States.QueryEvaluationError: "an unsupported result type")`, 'warning');
    return;
  }
  const v = c.value;
  const type = v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'object' ? 'object' : (typeof v as 'string' | 'number' | 'boolean');
  const value = { type, value: v, offset: node.offset, length: node.length } as AstNode;
  const broken = !typeOk(value, want) ? `${field} must be ${wantText(want)}` : min !== undefined && (v as number) < min ? `${field} must be at least ${min}` : max !== undefined && (v as number) > max ? `${field} must be at most ${max}` : undefined;
  if (broken) report(ctx, node, AslCode.invalidValue, `This expression is always ${describe(value)}, and ${broken}: the state fails when it runs (States.QueryEvaluationError)`, 'warning');
}

/** Checks a value's JSON type (and numeric minimum/maximum); stand-ins pass. Returns whether the type is right. */
function checkType(ctx: Ctx, field: string, node: AstNode | undefined, want: Want, ql: QueryLanguage, min?: number, max?: number): boolean {
  if (!node) return false;
  // A template's placeholder that deploys as a string (itself, or a value followed for it), where no string belongs;
  // in a JSONata state a stand-in may be a {% … %} expression, which any field takes.
  const placeholder = !typeOk(node, want) && !(ql === 'JSONata' && isStandIn(node, ql)) ? deploysAsString(node) : undefined;
  if (placeholder) {
    report(ctx, placeholder, AslCode.invalidValue, `${field} must be ${wantText(want)}, and ${deploysAsStringText(field, placeholder, placeholder === node ? undefined : describe(node))}`);
    return false;
  }
  if (isStandIn(node, ql)) {
    if (ql === 'JSONata' && !hasPlaceholder(node.value as string)) checkConstant(ctx, field, node, want, min, max);
    return false;
  }
  if (!typeOk(node, want)) {
    const what = wantText(want);
    const jsonata = ql === 'JSONata' && want !== 'string' && want !== 'string|null' ? ' or a JSONata expression {% … %}' : '';
    // An error name where the list of them belongs (ux40: "ErrorEquals": "States.ALL"): the list of it, names
    // written with commas apart and a predefined one in its own case (ux41: "States.all", "A, B" kept as one name);
    // nothing for an empty string.
    const fix = want === 'array' && field === 'ErrorEquals' && node.type === 'string' ? errorList(node.value as string) : literalFix(ctx.text ?? '', node, want, min, max);
    report(ctx, node, AslCode.invalidValue, `${field} must be ${what}${jsonata}, not ${describe(node)}`, 'error', fix);
    return false;
  }
  const v = node.value as number;
  if (min !== undefined && v < min) report(ctx, node, AslCode.invalidValue, `${field} must be at least ${min}`);
  else if (max !== undefined && v > max) report(ctx, node, AslCode.invalidValue, `${field} must be at most ${max}`);
  return true;
}

/** The list an ErrorEquals written as one string stands for, or nothing when it names no error. */
function errorList(text: string): { literal: string[] } | undefined {
  const names = text.split(',').map((n) => n.trim()).filter(Boolean).map((n) => PREDEFINED_ERRORS.find((e) => e.toLowerCase() === n.toLowerCase()) ?? n);
  return names.length ? { literal: names } : undefined;
}

/**
 * The fix of a count or flag written in quotes (`"TimeoutSeconds": "30"`, `"End": "true"`): the value it plainly
 * reads as (`data.literal`), when that is in range. Strings are not guessed at: a number where a path belongs is no
 * path.
 */
function literalFix(text: string, node: AstNode, want: Want, min?: number, max?: number): { literal: number | boolean } | undefined {
  if (want !== 'boolean' && want !== 'number' && want !== 'integer') return undefined;
  const v = intendedValue(text, node, want);
  if (typeof v === 'string' || v === undefined) return undefined;
  if (typeof v === 'number' && ((min !== undefined && v < min) || (max !== undefined && v > max))) return undefined;
  return { literal: v };
}

/**
 * A field whose value MUST be a JSON object (ASL spec: Assign, Credentials, ItemReader, ItemBatcher, ResultWriter):
 * in a JSONata state its members may be JSONata strings, the whole value may not (unlike Arguments and Output, "a
 * JSON text, or a JSONata string").
 */
function checkObjectField(ctx: Ctx, field: string, node: AstNode | undefined, ql: QueryLanguage) {
  if (ql === 'JSONata' && node?.type === 'string' && isJsonata(node.value) && !hasPlaceholder(node.value))
    report(ctx, node, AslCode.invalidValue, `${field} must be a JSON object, not a JSONata string: write an object whose values are {% … %} expressions`);
  else checkType(ctx, field, node, 'object', ql);
}

function expressionProblem(ctx: Ctx, node: AstNode, err: ExpressionError) {
  const data = err.replacement !== undefined ? { replacement: err.replacement } : undefined;
  report(ctx, ctx.text === undefined ? node : expressionErrorSpan(ctx.text, node, err), err.code, err.message, err.severity ?? 'error', data);
}

/**
 * `dynamic`: any path or an intrinsic function (a `.$` value); `referenceOrIntrinsic`: a Reference Path or an
 * intrinsic function (a Fail state's ErrorPath and CausePath, as the states language says).
 */
function checkPathValue(ctx: Ctx, node: AstNode | undefined, kind: PathKind | 'dynamic' | 'referenceOrIntrinsic') {
  if (node?.type !== 'string' || hasPlaceholder(node.value)) return;
  const intrinsic = kind === 'dynamic' || (kind === 'referenceOrIntrinsic' && node.value.trimStart().startsWith('States.'));
  if (!intrinsic) {
    const err = checkJsonPath(node.value, kind === 'referenceOrIntrinsic' ? 'reference' : (kind as PathKind));
    if (err) expressionProblem(ctx, node, err);
    return;
  }
  const parsed = parseDynamicValue(node.value);
  if (isExpressionError(parsed)) return expressionProblem(ctx, node, parsed);
  const spaced = spacedCall(node.value, parsed);
  if (spaced) expressionProblem(ctx, node, spaced);
  // What the call does when it runs (a warning), and, apart from that, which functions ErrorPath and CausePath take.
  const { error } = judgeDynamicValue(node.value, parsed);
  if (error) expressionProblem(ctx, node, error);
  if (kind !== 'referenceOrIntrinsic' || parsed.kind !== 'call' || STRING_INTRINSICS.includes(parsed.name)) return;
  const field = node.parent?.children?.[0]?.value;
  report(ctx, node, AslCode.invalidValue, `${field} takes a Reference Path or an intrinsic function that returns a string (${STRING_INTRINSICS.slice(0, -1).join(', ')} or ${STRING_INTRINSICS[STRING_INTRINSICS.length - 1]}), not ${parsed.name}`);
}

/**
 * The intrinsic functions a Fail state's ErrorPath and CausePath may call. The developer guide (Fail workflow state):
 * "You can also specify CausePath using an intrinsic function that returns a string. These intrinsics are:
 * States.Format, States.JsonToString, States.ArrayGetItem, States.Base64Encode, States.Base64Decode, States.Hash, and
 * States.UUID."
 */
export const STRING_INTRINSICS: readonly string[] = ['States.Format', 'States.JsonToString', 'States.ArrayGetItem', 'States.Base64Encode', 'States.Base64Decode', 'States.Hash', 'States.UUID'];

/** `"key.$"` values in JSONPath payloads, `{% … %}` strings in JSONata states: everything under `start`, iteratively. */
/** `reads`: what `$` of a JSONPath stands for there, as JSONata writes it (a `.$` key's advice, jsonPathKey). */
function checkExpressionsUnder(ctx: Ctx, start: AstNode, ql: QueryLanguage, reads = '$states.input') {
  const stack = [start];
  while (stack.length) {
    const node = stack.pop()!;
    if (ctx.skip.has(node)) {
      // An integration's payload: its expressions are checked with its API, but a lone {% or %} is ours to see.
      if (ql === 'JSONata') checkDelimitersUnder(ctx, node);
      continue;
    }
    if (node.type === 'object') {
      for (const p of node.children ?? []) {
        const k = keyOf(p), v = valueOf(p);
        if (!k || !v) continue;
        if (ql === 'JSONPath' && typeof k.value === 'string' && k.value.endsWith('.$') && !ctx.skip.has(v)) {
          if (v.type === 'string') checkPathValue(ctx, v, 'dynamic');
          else report(ctx, v, AslCode.invalidValue, `${k.value} must be a string: a JSONPath or an intrinsic function, since the key ends in .$`);
        } else {
          if (ql === 'JSONata' && typeof k.value === 'string' && k.value.endsWith('.$') && k.value.length > 2 && !keysJudgedElsewhere(node, k.value)) jsonPathKey(ctx, k, v, reads);
          stack.push(v);
        }
      }
    } else if (node.type === 'array') {
      for (const c of node.children ?? []) stack.push(c);
    } else if (ql === 'JSONata' && node.type === 'string' && isJsonata(node.value)) {
      const err = checkJsonata(node.value);
      if (err) expressionProblem(ctx, node, err);
    } else if (ql === 'JSONata' && node.type === 'string') checkJsonataDelimiters(ctx, node);
    else if (node.type === 'string' && isJsonata(node.value) && node.value.includes('$states') && !inJsonataField(node)) jsonataInJsonPath(ctx, node, reads);
  }
}

/** Whether `node` is under a field only JSONata states have (Output, Arguments, Items): that field is the error. */
function inJsonataField(node: AstNode): boolean {
  for (let n: AstNode | undefined = node; n; n = n.parent) if (n.type === 'property' && JSONATA_ONLY.has(String(keyOf(n)?.value))) return true;
  return false;
}

/**
 * A `{% … %}` string that reads `$states` in a JSONPath state (ux41: in a ResultSelector, an ItemSelector, a Pass
 * state's Parameters): only a JSONata state evaluates it, so it is passed on as text. Only with `$states`, which is
 * Step Functions' own: a `{% if x %}` (a Jinja template for a later step) is text meant as text. A warning; the fix
 * writes the JSONPath a plain path of `$states` means, under the key with `.$`.
 */
function jsonataInJsonPath(ctx: Ctx, node: AstNode, reads: string) {
  const key = keyOfValue(node)?.value;
  // In a payload template a path is written under the key with `.$`; a state's own field (a Wait's Seconds, a Fail's
  // Error, ReaderConfig's MaxItems) takes it through its …Path twin, or not at all (ux44: "Seconds.$" is no field).
  const templated = inPayloadTemplate(node);
  const target = typeof key !== 'string' || key.endsWith('.$') ? undefined : templated ? `${key}.$` : PATH_TWINS.has(key) ? `${key}Path` : undefined;
  const path = target ? jsonataAsJsonPath(node.value as string, reads) : undefined;
  report(ctx, node, AslCode.jsonataInJsonPath, `${quote(node.value)} is a JSONata expression, which only a JSONata state evaluates: this JSONPath state passes it on as text. Set "QueryLanguage": "JSONata" on the state${path ? `, or write "${target}": "${path}"` : ''}`, 'warning', path ? { rename: target, path } : undefined);
}


/** Whether `node` is inside a payload template (the value of a member of one). */
function inPayloadTemplate(node: AstNode): boolean {
  for (let n = node.parent; n; n = n.parent) if (n.type === 'property' && PAYLOAD_TEMPLATES.has(String(keyOf(n)?.value)) && n !== node.parent) return true;
  return false;
}

/**
 * Whether a `.$` key of `obj` has a finding of its own elsewhere: an Assign's keys are variable names
 * (asl/variables.ts), Credentials' `RoleArn.$` is the other query language's field (checkCredentials), and `X.$`
 * beside `X` is a field twice (machineRules.ts).
 */
function keysJudgedElsewhere(obj: AstNode, key: string): boolean {
  const field = obj.parent?.type === 'property' ? keyOf(obj.parent)?.value : undefined;
  return field === 'Assign' || field === 'Credentials' || !!property(obj, key.slice(0, -2));
}

/**
 * A `.$` key in a JSONata state: the developer guide (transforming-data) says that with JSONata "you will not use .$ on
 * JSON object key names", and nothing evaluates them: the key, `.$` included, and its string go on as written. A
 * warning (no source says deploy refuses it; an integration's payload is refused by its own schema, see sagemaker/).
 */
function jsonPathKey(ctx: Ctx, k: AstNode, v: AstNode, reads: string) {
  const shown = v.type === 'string' ? ` and the string ${JSON.stringify(v.value)}` : '';
  // The JSONata of a path of names and indexes: the fix (asl/fixes.ts).
  const { name, jsonata, instead } = jsonataForPathKey(k.value as string, v.type === 'string' ? v.value : undefined, reads);
  report(ctx, k, AslCode.jsonPathKey, `In a JSONata state a key ending in .$ is not a path: the key "${k.value}"${shown} are passed on as written. Write ${instead}`, 'warning', jsonata ? { rename: name, jsonata } : undefined);
}

function checkDelimitersUnder(ctx: Ctx, start: AstNode) {
  const stack = [start];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'string') checkJsonataDelimiters(ctx, node);
    else if (node.type === 'array') append(stack, (node.children ?? []));
    else if (node.type === 'object') for (const p of node.children ?? []) { const v = valueOf(p); if (v) stack.push(v); }
  }
}

/**
 * In a JSONata state a string is an expression when it starts with {% and ends with %}: one without the other is a
 * mistake; both with a space or a line break around them (a YAML block scalar's last line break) make a string that
 * Step Functions passes on as written (an execution recorded against AWS in LocalStack's tests). The developer guide
 * (transforming-data) says "Improperly opening or closing the expression will result in a validation error", but
 * AWS created and ran that machine: a warning, the value is not what was meant. Its fix trims the string.
 */
function checkJsonataDelimiters(ctx: Ctx, node: AstNode) {
  const s = (node.value as string).trim();
  const opens = s.startsWith('{%'), closes = s.endsWith('%}');
  if (hasPlaceholder(s)) return;
  if (opens !== closes) {
    report(ctx, node, AslCode.invalidJsonata, opens ? 'This string starts with {% but does not end with %}: a JSONata expression is the whole string, "{% … %}"' : 'This string ends with %} but does not start with {%: a JSONata expression is the whole string, "{% … %}"');
  } else if (opens && s.length >= 4 && !isJsonata(node.value as string)) {
    report(ctx, node, AslCode.invalidJsonata, 'This string has a space or a line break before {% or after %}, so it is no JSONata expression: Step Functions passes it on as the string it is. A JSONata expression is the whole string, "{% … %}" ("the string must start with {% with no leading spaces, and must end with %} with no trailing spaces"; in YAML, a block scalar keeps its last line break unless written |- or >-)', 'warning', { trim: true });
  }
}

function checkRootFields(ctx: Ctx, m: AslMachine) {
  const allowed = ROOT_FIELDS[m.kind];
  for (const p of m.node.children ?? []) {
    const k = keyOf(p);
    if (k?.type !== 'string' || allowed.includes(k.value)) continue;
    const where = m.kind === 'top' ? 'a state machine' : m.kind === 'branch' ? 'a Parallel branch' : 'a Map ItemProcessor';
    if (m.kind === 'map' && k.value === 'QueryLanguage') report(ctx, k, AslCode.unknownField, `QueryLanguage is not a field of ${where}: set it on each state inside (they take the top level's, not the Map state's)`);
    else unknownField(ctx, k, where, allowed);
  }
  const startAtN = propertyNode(m.node, 'StartAt'), statesN = propertyNode(m.node, 'States');
  const startAt = startAtN && valueOf(startAtN), states = statesN && valueOf(statesN);
  // A missing field is reported in the object that lacks it (a branch, a Map's ItemProcessor, the top level): on
  // the key of its partner (States for StartAt and the reverse), else on its first key, else on the empty object.
  const where = m.kind === 'top' ? '' : m.kind === 'branch' ? ' of this Parallel branch' : ` of this Map ${m.node === property(m.owner?.node, 'Iterator') ? 'Iterator' : 'ItemProcessor'}`;
  if (!startAtN) report(ctx, (statesN && keyOf(statesN)) ?? anchor(m.node), AslCode.missingField, `StartAt${where} is missing: name the first state to run, e.g. "StartAt": "${firstStateName(states) ?? 'First'}"`);
  // With States there, the transitions' check says what a StartAt that is no string should be (the name of a state).
  else if (!statesN) checkType(ctx, 'StartAt', startAt, 'string', 'JSONPath');
  if (!statesN) report(ctx, (startAtN && keyOf(startAtN)) ?? anchor(m.node), AslCode.missingField, `States${where} is missing: an object of the states by name, e.g. "States": { "First": { "Type": "Pass", "End": true } }`);
  else if (states && checkType(ctx, 'States', states, 'object', 'JSONPath') && !states.children?.length) report(ctx, states, AslCode.missingField, 'States is empty: a state machine needs at least one state');
  const ql = property(m.node, 'QueryLanguage');
  checkEnum(ctx, 'QueryLanguage', ql, QUERY_LANGUAGES);
  if (m.kind === 'top') {
    // The top level is no state: nothing in it is evaluated, a {% %} string is a string.
    checkType(ctx, 'TimeoutSeconds', property(m.node, 'TimeoutSeconds'), 'integer', 'JSONPath', 1, 99999999);
    checkType(ctx, 'Version', property(m.node, 'Version'), 'string', 'JSONPath');
  }
  // J2119: a machine, a Parallel's branch or a Map's processor "MAY have a string field named Comment".
  checkType(ctx, 'Comment', property(m.node, 'Comment'), 'string', 'JSONPath');
  if (m.kind === 'map') {
    const pc = property(m.node, 'ProcessorConfig');
    if (checkType(ctx, 'ProcessorConfig', pc, 'object', 'JSONPath')) {
      const allowed = Object.keys(SETTINGS.ProcessorConfig.fields);
      for (const p of pc!.children ?? []) {
        const k = keyOf(p);
        if (k?.type === 'string' && !allowed.includes(k.value)) unknownField(ctx, k, 'ProcessorConfig', allowed);
      }
      const mode = property(pc, 'Mode');
      checkEnum(ctx, 'ProcessorConfig.Mode', mode, SETTINGS.ProcessorConfig.fields.Mode);
      checkEnum(ctx, 'ProcessorConfig.ExecutionType', property(pc, 'ExecutionType'), SETTINGS.ProcessorConfig.fields.ExecutionType);
      // CDK ProcessorConfig.executionType: "you must provide this field if you specified DISTRIBUTED for the mode
      // sub-field" (the child workflows run as Standard or Express executions; there is no default).
      if (mode?.type === 'string' && mode.value === 'DISTRIBUTED' && !propertyNode(pc, 'ExecutionType'))
        report(ctx, keyOf(propertyNode(m.node, 'ProcessorConfig')!)!, AslCode.missingField, 'ProcessorConfig with "Mode": "DISTRIBUTED" needs ExecutionType: "STANDARD" or "EXPRESS", the type of the child workflow executions');
    }
  }
}

const firstStateName = (states: AstNode | undefined): string | undefined => {
  const k = states?.type === 'object' ? states.children?.[0] && keyOf(states.children[0]) : undefined;
  return k?.type === 'string' ? k.value : undefined;
};

/** What a JSONata state writes instead of a JSONPath-only `…Path` field: the plain field, with an expression. */
const jsonataInstead = (pathField: string) => `${pathField.slice(0, -4)} with a JSONata expression, e.g. "${pathField.slice(0, -4)}": "{% $states.input.… %}"`;

/**
 * What a JSONata state writes for the JSONPath-only field `member` (`"SecondsPath": "$.delay"`, `"ItemsPath":
 * "$.items"`): its plain twin with the expression that reads what a path of names and indexes reads (`"Seconds": "{%
 * $states.input.delay %}"`), which the fix writes (`data`, as for a `.$` key: asl/fixes.ts jsonPathKeyFixes); for
 * any other path, `advice`.
 */
function pathFieldInJsonata(member: AstNode, twin: string, advice: string): { instead: string; data?: { rename: string; jsonata: string } } {
  const v = valueOf(member);
  const jsonata = v?.type === 'string' ? jsonPathAsJsonata(v.value as string) : undefined;
  return jsonata ? { instead: `"${twin}": ${JSON.stringify(jsonata)}`, data: { rename: twin, jsonata } } : { instead: advice };
}

/** The service's own wording for two fields that exclude each other. */
const onlyOneOf = (...fields: string[]) => `There should only be one of the following fields: [${fields.join(', ')}]`;

/** A literal timestamp (a Wait's Timestamp, a Choice rule's Timestamp comparison); placeholders and JSONata pass. */
function checkTimestamp(ctx: Ctx, field: string, node: AstNode | undefined, ql: QueryLanguage) {
  if (node?.type === 'string' && ql === 'JSONata' && isJsonata(node.value) && !hasPlaceholder(node.value)) {
    // A constant expression: always this string, which must be a timestamp when it runs.
    const c = jsonataConstant(node.value)?.value;
    if (typeof c === 'string' && !isTimestamp(c))
      report(ctx, node, AslCode.invalidValue, `This expression is always ${quote(c)}, which is not an RFC 3339 timestamp: the state fails when it runs (States.QueryEvaluationError)`, 'warning');
    return;
  }
  if (node?.type !== 'string' || isStandIn(node, ql) || isTimestamp(node.value)) return;
  report(ctx, node, AslCode.invalidValue, `${field} ${quote(node.value)} is not an RFC 3339 timestamp: a real date and time with an uppercase T and Z or an offset, e.g. "2026-01-31T23:59:59Z"`);
}

/**
 * A Wait's delay is at most 2,147,483,647 seconds (about 68 years): until a Timestamp further from now the state fails
 * when it runs, "Wait state delay is too long" (executions recorded against AWS in LocalStack's
 * tests/aws/services/stepfunctions/v2/base/test_wait.py: 24,855 days ahead succeeds, 24,856 fails). "9999-12-31…" as
 * "wait forever" is such a Timestamp.
 */
const MAX_WAIT_MS = (2 ** 31 - 1) * 1000;
function checkWaitHorizon(ctx: Ctx, node: AstNode | undefined) {
  if (node?.type !== 'string' || !isTimestamp(node.value)) return;
  const at = Date.parse(node.value);
  if (Number.isFinite(at) && at - Date.now() > MAX_WAIT_MS)
    report(ctx, node, AslCode.invalidValue, `Timestamp ${quote(node.value)} is more than 2,147,483,647 seconds (about 68 years) from now, the longest a Wait state waits: the state fails when it runs ("Wait state delay is too long")`, 'warning');
}

/**
 * A heartbeat at or after the timeout never beats: the service requires HeartbeatSeconds < TimeoutSeconds. In a JSONata
 * state either may be an expression of literals only (`"{% 3600 %}"`), always the same number: judged by that number,
 * a warning: the definition deploys (the values are only read when the state runs), and what the service does then
 * with such a pair is not documented.
 */
function checkHeartbeat(ctx: Ctx, heartbeat: AstNode | undefined, timeout: AstNode | undefined, ql: QueryLanguage) {
  const seconds = (node: AstNode | undefined): { value: number; computed: boolean } | undefined => {
    if (node?.type === 'number') return { value: node.value, computed: false };
    if (ql !== 'JSONata' || node?.type !== 'string' || !isJsonata(node.value) || hasPlaceholder(node.value)) return undefined;
    const c = jsonataConstant(node.value)?.value;
    return typeof c === 'number' ? { value: c, computed: true } : undefined;
  };
  const h = seconds(heartbeat), t = seconds(timeout);
  if (!h || !t || h.value < t.value) return;
  const shown = (s: { value: number; computed: boolean }) => (s.computed ? `${s.value}, what its expression always gives` : String(s.value));
  if (!h.computed && !t.computed) return report(ctx, heartbeat!, AslCode.invalidValue, `HeartbeatSeconds (${h.value}) must be smaller than TimeoutSeconds (${t.value})`);
  report(ctx, heartbeat!, AslCode.invalidValue, `HeartbeatSeconds (${shown(h)}) must be smaller than TimeoutSeconds (${shown(t)})`, 'warning');
}

/** ResultPath writes into the state's output: a reference path from $, never a variable or the context object. */
function checkResultPath(ctx: Ctx, node: AstNode) {
  if (hasPlaceholder(node.value)) return;
  const root = /^\s*\$(\$|\p{ID_Continue}+)/u.exec(node.value);
  // The developer guide (Reference Paths): "Functions such as length() aren't supported." A path reads it (Jayway's
  // own); ResultPath writes, and there is no node it names.
  const call = /\.length\(\)\s*$/.exec(node.value);
  if (!root && call) return report(ctx, node, AslCode.invalidValue, `ResultPath must be a reference path, which names one node: it cannot call .length() ("Functions such as length() aren't supported" in reference paths)`);
  if (!root) return checkPathValue(ctx, node, 'reference');
  const what = root[1] === '$' ? 'the context object ($$)' : `a variable (${root[0].trim()}); assign variables with Assign`;
  report(ctx, node, AslCode.invalidValue, `ResultPath must be a reference path into the state's output, starting with $. or $[, not ${what}`);
}

/** The Map's number fields given by a path: read from its input or a variable, never the context object. */
const MAP_LIMIT_PATHS = new Set(['MaxConcurrencyPath', 'ToleratedFailureCountPath', 'ToleratedFailurePercentagePath', 'MaxItemsPath', 'MaxItemsPerBatchPath', 'MaxInputBytesPerBatchPath']);

/**
 * A Map's limit given by a path (MaxConcurrencyPath, ToleratedFailure…Path, an ItemBatcher's and a ReaderConfig's
 * …Path): a reference path, which `$$` is not. Measured against AWS (floci-io/floci#3733, us-east-1): "A ...Path
 * value must also be a reference path, so $$.Execution.Input.n is rejected with Value is not a Reference Path. Only
 * ItemsPath accepts the Context Object."
 */
function checkMapLimitPath(ctx: Ctx, node: AstNode, field: string) {
  if (node.type === 'string' && !hasPlaceholder(node.value) && /^\s*\$\$/.test(node.value))
    return report(ctx, node, AslCode.invalidValue, `${field} must be a reference path into the Map's input ($. or $[) or a variable, not the context object ($$): Step Functions refuses it ("Value is not a Reference Path"); only ItemsPath reads the context object. Pass the value in with ItemsPath's input, or Assign it to a variable in an earlier state`);
  checkPathValue(ctx, node, 'reference');
}

const LAMBDA_NAME = /^[a-zA-Z0-9_-]{1,140}$/;
const LAMBDA_QUALIFIER = /^(\$LATEST|[0-9]+|[a-zA-Z0-9_-]{1,128})$/;

/** Resource ARNs that no service accepts: not an ARN, an integration without service or action, a Lambda qualifier that is empty or malformed. */
function checkResource(ctx: Ctx, node: AstNode, ql: QueryLanguage) {
  if (node.type !== 'string') return;
  // transforming-data.html: "Not all ASL fields accept JSONata. … the `Task` state's `Resource` field must be a
  // constant string." A {% %} there is not evaluated: it is the resource's name, and no ARN.
  if (ql === 'JSONata' && isJsonata(node.value) && !hasPlaceholder(node.value))
    return void report(ctx, node, AslCode.invalidResource, "Resource must be a constant string, not a JSONata expression: Step Functions does not evaluate a Task's Resource. Write the ARN; what varies goes in Arguments (lambda:invoke's FunctionName, for one)");
  if (isStandIn(node, ql)) return;
  const value = node.value as string;
  const bad = (why: string, closest?: string) => report(ctx, node, AslCode.invalidResource, `Resource ${quote(value.length > 80 ? value.slice(0, 80) + '…' : value)} ${why}`, 'error', closest ? { closest } : undefined);
  if (!value.startsWith('arn:')) return bad('is not an ARN: use arn:aws:states:::service:action, a Lambda function ARN or an activity ARN');
  const parts = value.split(':');
  // Colons too few or too many before the service (walk40: arn:aws:states::sagemaker:createTrainingJob.sync; ux41:
  // two short): the integration its service and action name, offered. Only where the service is one Step Functions
  // integrates (review of the day: a region there was taken for one); a region or an account written where none goes
  // (arn:aws:states:us-east-1:sagemaker:…) is left out.
  const integrationMeant = () => {
    const isService = (x: string) => x === 'aws-sdk' || optimizedServices().includes(x);
    const named = value.slice(value.indexOf(':states:') + ':states:'.length).split(':').filter(Boolean);
    while (named.length > 2 && !isService(named[0])) named.shift();
    return named.length >= 2 && isService(named[0]) ? `arn:${parts[1]}:states:::${named.join(':')}` : undefined;
  };
  const noIntegration = () => {
    const meant = integrationMeant();
    bad(`names no integration: write arn:aws:states:::service:action, ${meant ? `as ${meant}?` : 'e.g. arn:aws:states:::lambda:invoke'}`, meant);
  };
  if (parts.length < 6) return parts[2] === 'states' && integrationMeant() ? noIntegration() : bad('is not a complete ARN (arn:partition:service:region:account:resource)');
  const service = parts[2];
  if (service === 'states') {
    // An integration (arn:aws:states:::service:action, region and account optional) or an activity.
    const rest = parts.slice(5);
    if (rest.length < 2 || !rest[0] || !rest[1]) {
      if (rest[0] === 'activity') return bad('names no activity after "activity:"');
      noIntegration();
    }
  } else if (service === 'lambda') {
    if (parts[5] !== 'function' || !parts[6] || !LAMBDA_NAME.test(parts[6])) return bad('is not a Lambda function ARN: arn:aws:lambda:region:account:function:name[:alias or version]');
    if (parts.length > 8) return bad('has more than one qualifier after the function name');
    if (parts.length === 8 && !LAMBDA_QUALIFIER.test(parts[7]))
      bad(parts[7] ? `has an invalid alias or version ${quote(parts[7])}: a version number, $LATEST, or an alias of letters, digits, - and _` : 'ends with ":": the alias or version after it is empty');
  }
}

/**
 * An optimized integration's service, action and pattern (what follows `states:::` in `arn`, the Resource's text with
 * each placeholder as one character that is no `:`; literalArn) that Step Functions integrates (asl/integrations.ts),
 * behind a partition placeholder too (`arn:${AWS::Partition}:states:::lambda:invoke`); a placeholder in them
 * (`lambda:${Action}`) says nothing yet.
 */
function checkOptimizedIntegration(ctx: Ctx, node: AstNode, arn: string | undefined): boolean {
  const parts = arn?.split(':');
  if (!parts || parts[2] !== 'states' || parts.length < 7 || parts[5] === 'activity' || !parts[6]) return false;
  const written = parts.slice(5).join(':');
  if (written.includes('\u0000') || node.type !== 'string') return false;
  // Text a template fills in other than `${…}` (a dynamic reference `{{resolve:…}}`, a Terraform `%{ if }`): not known yet.
  const literal = literalParts(written);
  if (literal.length !== 1 || literal[0].start !== 0 || literal[0].end !== written.length) return false;
  const value = node.value as string;
  const problem = judgeIntegration(written, ctx.servicesElsewhere);
  if (!problem) return false;
  const closest = problem.replacement === undefined ? undefined : value.slice(0, value.length - written.length) + problem.replacement;
  report(ctx, node, AslCode.unknownIntegration, problem.message, 'error', closest === undefined ? undefined : { closest });
  return true;
}

/** The field that names the role a Task's Credentials assume (SETTINGS.Credentials), as the check and the hover say it. */
export const credentialsRole = (ql: QueryLanguage) => (ql === 'JSONata' ? 'RoleArn' : 'RoleArn (or RoleArn.$)');

/** A Task's Credentials: an object holding the role to assume, and nothing else. */
function checkCredentials(ctx: Ctx, node: AstNode | undefined, ql: QueryLanguage) {
  if (node?.type !== 'object') return;
  const allowed = settingsFields('Credentials', ql);
  let role = false;
  for (const p of node.children ?? []) {
    const k = keyOf(p);
    if (k?.type !== 'string') continue;
    if (allowed.includes(k.value)) {
      role = true;
      // An ARN, or a path (RoleArn.$) or JSONata expression that gives one: a string either way.
      checkType(ctx, k.value, p.children?.[1], 'string', 'JSONPath');
    } else if (k.value === 'RoleArn.$' && ql === 'JSONata') {
      // The role is given, in the other query language's form: one finding that says so, not a second "needs RoleArn".
      role = true;
      report(ctx, k, AslCode.wrongQueryLanguage, 'RoleArn.$ is a JSONPath field; this state uses JSONata: write "RoleArn": "{% … %}"');
    } else unknownField(ctx, k, 'Credentials', allowed);
  }
  if (!role) report(ctx, node.children?.length ? anchor(node) : node, AslCode.missingField, `Credentials needs ${credentialsRole(ql)}: the role the task assumes`);
}

// Distributed Map labels (developer guide, Map state): up to 40 characters, none of these.
const LABEL_FORBIDDEN = /[\s<>{}[\]?*"#%\\^|~`$&,;:/\u0000-\u001f\u007f-\u009f]/;
export const MAX_LABEL = 40;

/** The states language: "An ItemBatcher Configuration MUST contain at least one of" these. */
const BATCH_LIMITS = ['MaxItemsPerBatch', 'MaxItemsPerBatchPath', 'MaxInputBytesPerBatch', 'MaxInputBytesPerBatchPath'];

/**
 * Whether `s` runs in an Express workflow: in the child workflows of a Distributed Map whose `"ExecutionType"` is
 * `"EXPRESS"` (that Map), or in a machine its template declares Express (`'machine'`). The nearest Distributed Map
 * around the state decides; undefined: Standard, or not known (a plain definition file says no type).
 */
export function expressOf(s: AslState, workflowType?: ParsedDocument['workflowType']): AslState | 'machine' | undefined {
  const map = distributedMapAround(s.machine);
  if (map) return stringValue(property(property(map.node, 'ProcessorConfig'), 'ExecutionType')) === 'EXPRESS' ? map.owner : undefined;
  return workflowType === 'EXPRESS' ? 'machine' : undefined;
}

/** The developer guide's quotas (limits.html, express-limits.html): the longest an execution runs, a state's largest output. */
const STANDARD_MAX_SECONDS = 366 * 24 * 3600; // "Maximum execution time: 1 year" (a year is at most 366 days)
const EXPRESS_MAX_SECONDS = 5 * 60; // "Maximum execution time: 5 minutes"
const MAX_STATE_OUTPUT = 262_144; // "Maximum input or output size for a task, state, or execution: 262,144 bytes"

/**
 * A Resource's ARN as far as its text says it: a template placeholder (`arn:${AWS::Partition}:states:::…`, a `!Sub`)
 * stands for one character that is no `:`, so the service, action and pattern written after it still read; a
 * JSONata expression says nothing.
 */
function literalArn(node: AstNode, ql: QueryLanguage): string | undefined {
  if (node.type !== 'string' || (ql === 'JSONata' && isJsonata(node.value))) return undefined;
  return substitutePlaceholders(node.value as string, () => '\u0000');
}

/**
 * A Task's integration pattern where it cannot run: `.sync` or any suffix but `.waitForTaskToken` on an AWS SDK
 * integration (refused at creation, an error), and `.sync`, `.waitForTaskToken` or an activity in an Express workflow ("Express
 * Workflows only support Request Response integrations"). A machine declared Express is refused at deploy
 * ("SCHEMA_VALIDATION_FAILED: Express state machine does not support '.sync' service integration", "… does not
 * support Activity ARN"): errors. Whether deploy refuses the others is not documented; the task fails when it runs
 * at the latest: warnings.
 */
function checkIntegrationPattern(ctx: Ctx, node: AstNode, arn: string | undefined, express: AslState | 'machine' | undefined) {
  if (arn === undefined) return;
  const parts = arn.split(':');
  if (parts[2] !== 'states' || parts.length < 7) return;
  if (parts[5] === 'activity') {
    if (express === 'machine') report(ctx, node, AslCode.executionLimit, 'Express state machine does not support Activity ARN: this state machine is declared EXPRESS, whose tasks are request-response integrations only');
    else if (express) report(ctx, node, AslCode.executionLimit, `Map ${quote(express.name)} runs its items as Express child workflows ("ExecutionType": "EXPRESS"), which do not run activities: the task fails when it runs; use "ExecutionType": "STANDARD"`, 'warning');
    return;
  }
  // An AWS SDK integration is service:action or service:action.waitForTaskToken; Step Functions refuses any other
  // suffix when the state machine is created ("SCHEMA_VALIDATION_FAILED: The resource provided
  // arn:aws:states:::aws-sdk:codebuild:startBuild.sync is not recognized", aws/aws-cdk#19174), `.sync` included:
  // the guide's table of integration patterns says "Not supported".
  const action = parts[5] === 'aws-sdk' && parts.length >= 8 ? parts.slice(7).join(':') : '';
  const sdkSuffix = action.includes('.') ? action.slice(action.indexOf('.') + 1) : undefined;
  if (sdkSuffix !== undefined && sdkSuffix !== 'waitForTaskToken') {
    const sync = /^sync(?::\d+)?$/.test(sdkSuffix);
    // The ways out (ux44): the request-response call, and the optimized integration's .sync where the service has it
    // for this action (`aws-sdk:sagemaker:createTrainingJob.sync` → `sagemaker:createTrainingJob.sync`); the user picks.
    const bare = action.slice(0, action.indexOf('.'));
    const withoutSuffix = [...parts.slice(0, 7), bare].join(':');
    const optimized = sync && optimizedActions(parts[6])?.[bare]?.includes('sync') ? `${parts.slice(0, 5).join(':')}:${parts[6]}:${bare}.sync` : undefined;
    report(ctx, node, AslCode.invalidResource, `The resource provided is not recognized: AWS SDK integrations support request-response and .waitForTaskToken, not .${sdkSuffix}${sync ? "; to wait for a job, use the service's optimized integration where it has .sync (arn:aws:states:::sagemaker:createTrainingJob.sync…)" : ''}`, 'error', { candidates: optimized ? [optimized, withoutSuffix] : [withoutSuffix], closest: withoutSuffix });
    return;
  }
  const pattern = /\.(sync(?::\d+)?|waitForTaskToken)$/.exec(parts.slice(6).join(':'))?.[1];
  if (!pattern) return;
  if (express === 'machine')
    report(ctx, node, AslCode.executionLimit, `Express state machine does not support '.${pattern.replace(/:\d+$/, '')}' service integration: this state machine is declared EXPRESS, whose tasks are request-response integrations only`);
  else if (express)
    report(ctx, node, AslCode.executionLimit, `Map ${quote(express.name)} runs its items as Express child workflows ("ExecutionType": "EXPRESS"), which support only request-response integrations, not .${pattern}: the task fails when it runs; use "ExecutionType": "STANDARD" to wait for it`, 'warning');
}

/**
 * A Distributed Map where it cannot run: "Distributed mode is supported in Standard workflows but not supported in
 * Express workflows" (the developer guide, state-map-distributed). Whether deploy refuses it is not documented; the
 * state fails when it runs at the latest: a warning, on the Mode.
 */
function checkDistributedInExpress(ctx: Ctx, processor: AstNode | undefined, express: AslState | 'machine') {
  const mode = property(property(processor && valueOf(processor), 'ProcessorConfig'), 'Mode');
  if (stringValue(mode) !== 'DISTRIBUTED') return;
  const where = express === 'machine' ? 'this state machine is declared EXPRESS' : `Map ${quote(express.name)} runs its items as Express child workflows ("ExecutionType": "EXPRESS")`;
  report(ctx, mode!, AslCode.executionLimit, `${where}, and "Distributed mode is supported in Standard workflows but not supported in Express workflows": the Map fails when it runs; use "Mode": "INLINE"${express === 'machine' ? '' : ' or "ExecutionType": "STANDARD"'}`, 'warning');
}

/**
 * A string that may pass the task token: it reads Task.Token, or the context object (`$$`, `$states.context`) whole,
 * its Task, or through a bracket step (`$$['Task']['Token']`). In doubt, it does.
 */
const PASSES_TOKEN = /Task\.Token|(?:\$\$|\$states\.context)(?!\w|\.(?!Task\b)[\p{ID_Start}_$])/u;

/**
 * A `.waitForTaskToken` task whose request never passes its task token (`"TaskToken.$": "$$.Task.Token"`, in JSONata
 * `$states.context.Task.Token`): nothing can call SendTaskSuccess or SendTaskFailure with it, so the state waits
 * until it times out (the developer guide, "Wait for a Callback with Task Token": the token must be passed). A
 * warning: it deploys and hangs when it runs.
 */
function checkTaskTokenPassed(ctx: Ctx, resource: AstNode, arn: string | undefined, payload: AstNode | undefined) {
  if (!arn?.endsWith('.waitForTaskToken')) return;
  const stack = payload ? [payload] : [];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'string' && (PASSES_TOKEN.test(n.value as string) || hasPlaceholder(n.value as string))) return;
    for (const c of n.children ?? []) stack.push(c);
  }
  report(ctx, resource, AslCode.executionLimit, `A .waitForTaskToken task waits for SendTaskSuccess or SendTaskFailure with its task token, and its ${payload ? 'request never passes it' : 'state has no request to pass it in'} (e.g. "TaskToken.$": "$$.Task.Token", in JSONata "{% $states.context.Task.Token %}"): the state waits until it times out`, 'warning', { tokenNeverPassed: true });
}

/** A Wait longer than the execution may last: a year for any execution, five minutes in an Express workflow. */
function checkWaitLength(ctx: Ctx, seconds: AstNode | undefined, express: AslState | 'machine' | undefined) {
  // Above 99,999,999 the value is out of its range, an error already.
  if (seconds?.type !== 'number' || (seconds.value as number) > 99_999_999) return;
  const n = seconds.value as number;
  if (n > STANDARD_MAX_SECONDS)
    report(ctx, seconds, AslCode.executionLimit, `A Wait of ${n} seconds outlasts any execution: a Standard workflow runs at most a year (Express five minutes), so the execution fails before the Wait ends`, 'warning');
  else if (express && n > EXPRESS_MAX_SECONDS)
    report(ctx, seconds, AslCode.executionLimit, express === 'machine'
      ? `A Wait of ${n} seconds in an Express workflow (this state machine is declared EXPRESS), which runs at most five minutes (300 seconds): the execution fails (States.Timeout)`
      : `A Wait of ${n} seconds in Map ${quote(express.name)}'s Express child workflows ("ExecutionType": "EXPRESS"), which run at most five minutes (300 seconds): the child execution fails (States.Timeout)`, 'warning');
}

/** A Pass state's Result larger than a state's output may be, when the output keeps it (no ResultPath null, no OutputPath). */
function checkPassResultSize(ctx: Ctx, member: AstNode | undefined, resultPath: AstNode | undefined, outputPath: AstNode | undefined) {
  if (resultPath?.type !== 'null' && !outputPath) checkOutputSize(ctx, member);
}

/**
 * A literal that becomes the state's output (a Pass state's Result, a JSONata state's Output written without
 * expressions), or its variables (`assign`: an Assign written without expressions), larger than Step Functions keeps:
 * the state fails when it runs.
 */
function checkOutputSize(ctx: Ctx, member: AstNode | undefined, assign = false) {
  const result = member && valueOf(member);
  // Counted whatever the text's length: YAML aliases can make a short Result megabytes.
  if (!result) return;
  // Expressions and placeholders make the output something else: not judged.
  for (const stack = [result]; stack.length; ) {
    const n = stack.pop()!;
    if (n.type === 'string' && (hasPlaceholder(n.value as string) || isJsonata(n.value as string))) return;
    for (const c of n.children ?? []) stack.push(c);
  }
  const bytes = jsonSize(result, { limit: OUTPUT_COUNTED, utf8: true });
  if (bytes > MAX_STATE_OUTPUT) {
    const size = bytes > OUTPUT_COUNTED ? `over ${OUTPUT_COUNTED.toLocaleString('en-US')}` : bytes.toLocaleString('en-US');
    const limit = assign ? 'the variables one Assign sets are at most 262,144 bytes (256 KiB) together' : "a state's output is at most 262,144 bytes (256 KiB)";
    report(ctx, keyOf(member!)!, AslCode.executionLimit, `${keyOf(member!)!.value} is ${size} bytes of JSON: ${limit}, so the state fails when it runs (States.DataLimitExceeded)`, 'warning');
  }
}

/** How far an output's size is counted exactly: past it, "over" (a template may repeat one long substitution 4,000 times). */
const OUTPUT_COUNTED = 4 * MAX_STATE_OUTPUT;

/** Where to report what a Distributed Map field's object lacks: the field's key, or the object itself when it is empty. */
const lackAt = (s: AslState, field: string, obj: AstNode) => (obj.children?.length ? keyOf(propertyNode(s.node, field)!)! : obj);

/**
 * A Distributed Map's field on a Map that runs inline (an ItemProcessor, or its older name Iterator, whose
 * ProcessorConfig.Mode is INLINE or not set): the guide documents these for the Distributed Map only, and an inline
 * Map "accepts only a JSON array as input" (state-map.html), so the reader, batcher, writer or failure budget does not
 * do what it says. No source says the service refuses them at deploy: a warning. A Mode it cannot read (a placeholder,
 * a wrong value, which has its own error) leaves the Map alone. An Iterator with "Mode": "DISTRIBUTED" is a Distributed
 * Map (a machine AWS stored so, with Label and ToleratedFailurePercentage, localstack#10189), as the model has it.
 */
function checkInlineMap(ctx: Ctx, s: AslState, proc: AstNode | undefined, iter: AstNode | undefined) {
  const machine = proc ?? iter;
  if (!machine || valueOf(machine)?.type !== 'object') return;
  const config = property(valueOf(machine), 'ProcessorConfig');
  const mode = property(config, 'Mode');
  if (mode && !(mode.type === 'string' && mode.value === 'INLINE')) return;
  if (config && config.type !== 'object') return;
  const field = proc ? 'ItemProcessor' : 'Iterator';
  for (const only of DISTRIBUTED_ONLY) {
    const p = propertyNode(s.node, only);
    if (p) report(ctx, keyOf(p)!, AslCode.distributedOnlyField, `${only} is read by a Distributed Map only, and this Map runs inline (its ${field}'s ProcessorConfig has no "Mode": "DISTRIBUTED")${only === 'ItemReader' ? ': an inline Map iterates over a JSON array in its input, not a dataset in S3' : ''}. For it to apply, set "ProcessorConfig": { "Mode": "DISTRIBUTED", "ExecutionType": "STANDARD" } in ${field}`, 'warning');
  }
}

/** The limits of a Distributed Map: Label, ReaderConfig.InputType and MaxItems, ItemBatcher; the fields of ItemReader, ItemBatcher and ResultWriter. */
function checkDistributedMap(ctx: Ctx, s: AslState, ql: QueryLanguage) {
  for (const field of ['ItemReader', 'ItemBatcher', 'ResultWriter'] as const) {
    const allowed = Object.keys(SETTINGS[field].fields);
    const obj = property(s.node, field);
    if (obj?.type !== 'object') continue;
    for (const p of obj.children ?? []) {
      const k = keyOf(p);
      if (k?.type === 'string' && !allowed.includes(k.value)) unknownField(ctx, k, field, allowed);
      // The states language: "In a JSONata Map State, the ItemReader Configuration MAY have an "Arguments" field" and
      // "In a JSONPath Map State, the ItemReader Configuration MAY have a "Parameters" field" (the same for the
      // ResultWriter Configuration), as the state's own Parameters and Arguments.
      else if (k?.value === 'Parameters' && ql === 'JSONata' && field !== 'ItemBatcher')
        report(ctx, k, AslCode.wrongQueryLanguage, `Parameters is a JSONPath field; this state uses JSONata: the ${field} takes Arguments`, 'error', { rename: 'Arguments' });
      else if (k?.value === 'Arguments' && ql === 'JSONPath' && field !== 'ItemBatcher')
        report(ctx, k, AslCode.wrongQueryLanguage, `Arguments is a JSONata field; this state uses JSONPath: the ${field} takes Parameters, or set "QueryLanguage": "JSONata"`, 'error', { rename: 'Parameters' });
    }
    // "MAY have a Parameters field" (JSONPath), "an Arguments field" (JSONata): a JSON object, or in JSONata a
    // JSONata string, as the state's own.
    if (field !== 'ItemBatcher') {
      const v = property(obj, ql === 'JSONata' ? 'Arguments' : 'Parameters');
      if (v) checkType(ctx, `${field}.${ql === 'JSONata' ? 'Arguments' : 'Parameters'}`, v, 'object', ql);
    }
  }
  // The Label, the reader's and the writer's configurations are settings, not evaluated (but MaxItems): in a JSONata
  // state a {% %} string there is the string itself.
  const label = property(s.node, 'Label');
  if (label?.type === 'string' && !isStandIn(label, 'JSONPath')) {
    const bad = LABEL_FORBIDDEN.exec(label.value);
    if (label.value.length > MAX_LABEL) report(ctx, label, AslCode.invalidLabel, `Label has ${label.value.length} characters; at most ${MAX_LABEL} are allowed`);
    else if (bad) report(ctx, label, AslCode.invalidLabel, `Label cannot contain ${bad[0] === ' ' ? 'spaces' : JSON.stringify(bad[0])}: no whitespace, brackets, wildcards, control characters or any of " # % \\ ^ | ~ \` $ & , ; : /`);
    else if (!label.value) report(ctx, label, AslCode.invalidLabel, 'Label must not be empty');
  }
  const reader = property(s.node, 'ItemReader');
  // The states language: "The ItemReader Configuration MUST have a "Resource" field".
  if (reader?.type === 'object' && !propertyNode(reader, 'Resource'))
    report(ctx, lackAt(s, 'ItemReader', reader), AslCode.missingField, 'ItemReader needs a Resource: the action that reads the items, e.g. "arn:aws:states:::s3:getObject"');
  if (reader?.type === 'object') checkReaderRequest(ctx, reader, ql);
  if (reader?.type === 'object') checkS3Action(ctx, 'ItemReader', property(reader, 'Resource'), SETTINGS.ItemReader.fields.Resource, 'reads the items', 'States.ItemReaderFailed');
  const config = property(reader, 'ReaderConfig');
  if (reader?.type === 'object' && checkType(ctx, 'ReaderConfig', config, 'object', 'JSONPath')) {
    checkSettingsKeys(ctx, 'ReaderConfig', config!);
    checkEnum(ctx, 'ReaderConfig.InputType', property(config, 'InputType'), SETTINGS.ReaderConfig.fields.InputType);
    // A written 0 deploys and reads every item, as no MaxItems does (LocalStack's test_map_item_reader_csv_max_items[0],
    // an execution recorded against AWS; AWS's own Monte Carlo sample ships it). A 0 the state computes fails when it
    // runs, as one read through MaxItemsPath does ("field MaxItems must be positive", recorded the same way): here, the
    // value a JSONata expression of literals always gives (`{% 0 %}`).
    const maxItems = property(config, 'MaxItems');
    if (!checkType(ctx, 'ReaderConfig.MaxItems', maxItems, 'integer', ql, 0, 100_000_000) && ql === 'JSONata' && maxItems?.type === 'string' && jsonataConstant(maxItems.value as string)?.value === 0)
      report(ctx, maxItems, AslCode.invalidValue, `ReaderConfig.MaxItems is always 0 here (${JSON.stringify(maxItems.value)}): a MaxItems the state computes must be positive, so the Map fails when it runs; write 0 itself, or leave MaxItems out, to read every item`, 'warning');
    const path = propertyNode(config, 'MaxItemsPath');
    if (path && ql === 'JSONata') {
      const { instead, data } = pathFieldInJsonata(path, 'MaxItems', jsonataInstead('MaxItemsPath'));
      report(ctx, keyOf(path)!, AslCode.wrongQueryLanguage, `MaxItemsPath is a JSONPath field; this state uses JSONata: use ${instead}`, 'error', propertyNode(config, 'MaxItems') ? undefined : data);
    }
    else if (path && propertyNode(config, 'MaxItems')) report(ctx, keyOf(path)!, AslCode.exclusiveFields, onlyOneOf('MaxItems', 'MaxItemsPath'));
    // The states language: "a "ReaderConfig" field MAY have "MaxItemsPath" field which MUST be a Reference Path".
    else if (path && checkType(ctx, 'ReaderConfig.MaxItemsPath', valueOf(path), 'string', ql)) checkMapLimitPath(ctx, valueOf(path)!, 'ReaderConfig.MaxItemsPath');
    const location = property(config, 'CSVHeaderLocation');
    checkEnum(ctx, 'ReaderConfig.CSVHeaderLocation', location, SETTINGS.ReaderConfig.fields.CSVHeaderLocation);
    checkEnum(ctx, 'ReaderConfig.CSVDelimiter', property(config, 'CSVDelimiter'), SETTINGS.ReaderConfig.fields.CSVDelimiter);
    // CDK CsvHeaders.headers: "List of headers if headerLocation is GIVEN." (string[]).
    const headers = property(config, 'CSVHeaders');
    if (checkType(ctx, 'ReaderConfig.CSVHeaders', headers, 'array', 'JSONPath')) {
      // A name given twice: the Map fails when it reads the file, "CSV headers cannot contain duplicates." (an
      // execution recorded against AWS in LocalStack's tests, test_map_item_reader_csv_headers_decl_duplicate_headers).
      const seen = new Set<string>();
      for (const h of headers!.children ?? []) {
        if (!checkType(ctx, 'Each CSVHeaders entry', h, 'string', 'JSONPath') || h.type !== 'string') continue;
        const name = h.value as string;
        if (seen.has(name) && !hasPlaceholder(name)) report(ctx, h, AslCode.invalidValue, `CSVHeaders names ${quote(name)} twice: the Map state fails when it reads the items ("CSV headers cannot contain duplicates")`, 'warning');
        seen.add(name);
      }
    }
    checkEnum(ctx, 'ReaderConfig.Transformation', property(config, 'Transformation'), SETTINGS.ReaderConfig.fields.Transformation);
    const manifest = property(config, 'ManifestType');
    checkEnum(ctx, 'ReaderConfig.ManifestType', manifest, SETTINGS.ReaderConfig.fields.ManifestType);
    checkType(ctx, 'ReaderConfig.ItemsPointer', property(config, 'ItemsPointer'), 'string', 'JSONPath');
    // input-output-itemreader.html: "When set to `LOAD_AND_FLATTEN`, you must also set `InputType`."; "If you specify
    // ManifestType is S3_INVENTORY then InputType cannot be specified."; for ATHENA_DATA, "`InputType` to either `CSV`,
    // `JSONL`, or `Parquet`". No source says the service refuses these at deploy: warnings, as the reader cannot work.
    const inputType = property(config, 'InputType');
    const settingKey = (node: AstNode) => keyOf(node.parent!)!;
    const transformation = property(config, 'Transformation');
    const isInventory = manifest?.type === 'string' && manifest.value === 'S3_INVENTORY';
    // (With an S3 inventory there is no InputType to give: the next check says so, and this one would contradict it.)
    if (transformation?.type === 'string' && transformation.value === 'LOAD_AND_FLATTEN' && !inputType && !isInventory)
      report(ctx, settingKey(transformation), AslCode.missingField, '"Transformation": "LOAD_AND_FLATTEN" needs InputType: the format of the listed objects (CSV, JSON, JSONL or PARQUET) the Map reads its items from', 'warning');
    // (An InputType that is no string, or none of the reader's types, is the enumeration's error already.)
    const knownInputType = inputType?.type === 'string' && SETTINGS.ReaderConfig.fields.InputType.includes(inputType.value) ? inputType.value : undefined;
    if (isInventory && knownInputType)
      report(ctx, settingKey(inputType!), AslCode.exclusiveFields, 'InputType cannot be given with "ManifestType": "S3_INVENTORY": an S3 inventory is read as CSV', 'warning');
    const wrongAthenaInput = !inputType || (knownInputType !== undefined && !ATHENA_INPUT_TYPES.includes(knownInputType));
    if (manifest?.type === 'string' && manifest.value === 'ATHENA_DATA' && wrongAthenaInput)
      report(ctx, inputType ?? settingKey(manifest), inputType ? AslCode.invalidValue : AslCode.missingField, `"ManifestType": "ATHENA_DATA" needs InputType ${list(ATHENA_INPUT_TYPES.map((t) => JSON.stringify(t)), 'or')}: the format of the data files the Athena manifest lists`, 'warning');
    // GIVEN: "Use this option to specify the header within the state machine definition" (input-output-itemreader.html).
    // No source says the service refuses GIVEN without CSVHeaders at deploy, so a Warning: the rows cannot be named.
    if (location?.type === 'string' && location.value === 'GIVEN' && !headers)
      report(ctx, settingKey(location), AslCode.missingField, '"CSVHeaderLocation": "GIVEN" needs CSVHeaders: the column names, e.g. "CSVHeaders": ["id", "name"]', 'warning');
    // (AWS's language service: CSVHeaders "minItems": 1.)
    else if (location?.type === 'string' && location.value === 'GIVEN' && headers?.type === 'array' && !headers.children?.length)
      report(ctx, headers, AslCode.invalidValue, '"CSVHeaderLocation": "GIVEN" needs at least one name in CSVHeaders: the column names, e.g. ["id", "name"]', 'warning');
  }
  const batcher = property(s.node, 'ItemBatcher');
  if (batcher?.type === 'object') {
    checkType(ctx, 'MaxItemsPerBatch', property(batcher, 'MaxItemsPerBatch'), 'integer', ql, 1);
    checkType(ctx, 'MaxInputBytesPerBatch', property(batcher, 'MaxInputBytesPerBatch'), 'integer', ql, 1, 262_144);
    for (const f of ['MaxItemsPerBatch', 'MaxInputBytesPerBatch']) {
      const path = propertyNode(batcher, `${f}Path`);
      if (path && ql === 'JSONata') {
        const { instead, data } = pathFieldInJsonata(path, f, jsonataInstead(`${f}Path`));
        report(ctx, keyOf(path)!, AslCode.wrongQueryLanguage, `${f}Path is a JSONPath field; this state uses JSONata: use ${instead}`, 'error', propertyNode(batcher, f) ? undefined : data);
      }
      else if (path && propertyNode(batcher, f)) report(ctx, keyOf(path)!, AslCode.exclusiveFields, onlyOneOf(f, `${f}Path`));
      // The states language: ""MaxItemsPerBatchPath" and "MaxInputBytesPerBatchPath" fields which MUST be Reference Paths".
      else if (path && checkType(ctx, `${f}Path`, valueOf(path), 'string', ql)) checkMapLimitPath(ctx, valueOf(path)!, `${f}Path`);
    }
    // The states language: "An ItemBatcher Configuration MUST contain at least one of "MaxItemsPerBatch",
    // "MaxItemsPerBatchPath", "MaxInputBytesPerBatch", or "MaxInputBytesPerBatchPath"." (BatchInput alone does not count.)
    if (!BATCH_LIMITS.some((f) => propertyNode(batcher, f)))
      report(ctx, lackAt(s, 'ItemBatcher', batcher), AslCode.missingField, `ItemBatcher needs at least one of ${BATCH_LIMITS.slice(0, -1).join(', ')} or ${BATCH_LIMITS.at(-1)}: the size of a batch`);
  }
  const writer = property(s.node, 'ResultWriter');
  if (writer?.type === 'object') {
    // input-output-resultwriter.html: "The ResultWriter field cannot be empty. You must specify one of these sets of
    // sub-fields." WriterConfig; Resource and Parameters; all three (Arguments instead of Parameters in JSONata).
    const has = (f: string) => !!propertyNode(writer, f);
    const target = has('Resource') && (has('Parameters') || has('Arguments'));
    const partial = has('Resource') || has('Parameters') || has('Arguments');
    if (!target && (!has('WriterConfig') || partial)) {
      const args = ql === 'JSONata' ? 'Arguments' : 'Parameters';
      const what = !writer.children?.length ? 'ResultWriter cannot be empty' : `this ResultWriter has ${list(['Resource', 'Parameters', 'Arguments', 'WriterConfig'].filter(has))}`;
      report(ctx, lackAt(s, 'ResultWriter', writer), AslCode.missingField, `${what}: give WriterConfig, or Resource and ${args} (the S3 bucket and prefix), or all three`);
    }
    checkS3Action(ctx, 'ResultWriter', property(writer, 'Resource'), SETTINGS.ResultWriter.fields.Resource, 'writes the results', 'States.ResultWriterFailed');
    checkS3Request(ctx, writer, ql, 'ResultWriter', WRITER_REQUIRES, 'writing the results fails when the state runs (States.ResultWriterFailed)');
    const wc = property(writer, 'WriterConfig');
    if (checkType(ctx, 'WriterConfig', wc, 'object', 'JSONPath')) {
      checkSettingsKeys(ctx, 'WriterConfig', wc!);
      checkEnum(ctx, 'WriterConfig.Transformation', property(wc, 'Transformation'), SETTINGS.WriterConfig.fields.Transformation);
      checkEnum(ctx, 'WriterConfig.OutputType', property(wc, 'OutputType'), SETTINGS.WriterConfig.fields.OutputType);
    }
  }
}

/**
 * A member of a reader's or writer's configuration that is none of its fields (fields.ts SETTINGS): the service's
 * schema refuses it ("Field 'X' is not supported"), as in the ItemReader around it; a misspelt one (`MaxItem`) is not
 * read, so the setting it meant never applies. The other query language's fields (MaxItemsPath in JSONata) have
 * their own finding.
 */
function checkSettingsKeys(ctx: Ctx, name: 'ReaderConfig' | 'WriterConfig', obj: AstNode) {
  const allowed = Object.keys(SETTINGS[name].fields);
  for (const p of obj.children ?? []) {
    const k = keyOf(p);
    if (k?.type === 'string' && !allowed.includes(k.value)) unknownField(ctx, k, name, allowed);
  }
}

/**
 * A member `key` of an object (named by `where`: "a state machine", "ProcessorConfig", "a retrier"…) that is none of
 * its `allowed` fields, which the service's schema refuses (SCHEMA_VALIDATION_FAILED): the field it most likely
 * meant, or the fields it may have. The quick fix renames it to the one meant.
 */
function unknownField(ctx: Ctx, key: AstNode, where: string, allowed: readonly string[]) {
  const name = String(key.value);
  const near = closest(name, allowed)[0];
  report(ctx, key, AslCode.unknownField, `${quote(name)} is not a field of ${where}; ${near ? `did you mean ${quote(near)}?` : `allowed: ${list(allowed)}`}`, 'error', { allowed, closest: near });
}

// The S3 request an ItemReader sends (input-output-itemreader.html): GetObject names the object by Bucket and Key,
// ListObjectsV2 the Bucket (Prefix is optional). S3 refuses a request without them, so reading the items always fails
// (States.ItemReaderFailed): a warning, as it deploys.
const READER_REQUIRES: Readonly<Record<string, readonly string[]>> = {
  'arn:aws:states:::s3:getObject': ['Bucket', 'Key'],
  'arn:aws:states:::s3:listObjectsV2': ['Bucket'],
};
// The S3 request a ResultWriter sends (input-output-resultwriter.html): PutObject into the Bucket (under an optional
// Prefix); without one there is nowhere to write the results (asl39).
const WRITER_REQUIRES: Readonly<Record<string, readonly string[]>> = { 'arn:aws:states:::s3:putObject': ['Bucket'] };
/** The ARN as the aws partition writes it: an integration is the same action in every partition (aws-cn, aws-us-gov…). */
const inAwsPartition = (arn: string) => arn.replace(/^arn:aws[a-z-]*:/, 'arn:aws:');

/**
 * An ItemReader's or ResultWriter's Resource that is not one of the S3 actions the developer guide gives it (`actions`,
 * in the aws partition). The guide's ItemReader reads "an Amazon S3 data source"
 * with GetObject (a file) or ListObjectsV2 (the objects under a prefix); its ResultWriter's Resource is "The Amazon S3
 * API action that Step Functions invokes to export the execution results", PutObject in every example (an emulator of
 * the service fails the Map with States.ResultWriterFailed, "unsupported ResultWriter resource"). Whether the service
 * refuses another at deploy is not documented: a warning. A placeholder names the action only after substitution.
 */
function checkS3Action(ctx: Ctx, field: string, node: AstNode | undefined, actions: readonly string[], does: string, error: string) {
  // The states language: its value "MUST be a URI" (a string), as a Task's Resource.
  if (node && node.type !== 'string') checkType(ctx, `${field}.Resource`, node, 'string', 'JSONPath');
  if (node?.type !== 'string' || hasPlaceholder(node.value)) return;
  if (actions.includes(inAwsPartition(node.value))) return;
  // A {% %} is no more evaluated here than in a Task's Resource ("the Task state's Resource field must be a constant
  // string", transforming-data.html): it names no action.
  const what = isJsonata(node.value) ? 'a JSONata expression (a Resource is a constant string: write the ARN)' : describe(node);
  report(ctx, node, AslCode.invalidValue, `${field}'s Resource must be ${list(actions.map((a) => JSON.stringify(a)), 'or')}, not ${what}: the Map state fails when it ${does} (${error})`, 'warning');
}

/**
 * The members S3 needs in the request an ItemReader or ResultWriter sends (`requires`, by its Resource): without them
 * S3 refuses it whenever the state runs (`error`), as the text deploys: a warning.
 */
function checkS3Request(ctx: Ctx, owner: AstNode, ql: QueryLanguage, what: 'ItemReader' | 'ResultWriter', requires: Readonly<Record<string, readonly string[]>>, fails: string) {
  const resource = stringValue(property(owner, 'Resource'));
  const required = resource === undefined ? undefined : requires[inAwsPartition(resource)];
  const field = ql === 'JSONata' ? 'Arguments' : 'Parameters';
  const request = property(owner, field);
  // A request computed whole, or a key that is a placeholder, may hold anything.
  if (!required || request?.type !== 'object' || request.children?.some((p) => hasPlaceholder(String(keyOf(p)?.value ?? '')))) return;
  const has = (name: string) => !!propertyNode(request, name) || (ql === 'JSONPath' && !!propertyNode(request, `${name}.$`));
  const missing = required.filter((name) => !has(name));
  if (missing.length) report(ctx, request, AslCode.missingField, `${resource!.split(':').pop()} needs ${list(missing)} in the ${what}'s ${field}: S3 refuses the request, so ${fails}`, 'warning');
}

function checkReaderRequest(ctx: Ctx, reader: AstNode, ql: QueryLanguage) {
  checkS3Request(ctx, reader, ql, 'ItemReader', READER_REQUIRES, 'reading the items fails when the state runs (States.ItemReaderFailed)');
  const field = ql === 'JSONata' ? 'Arguments' : 'Parameters';
  const request = property(reader, field);
  if (request?.type !== 'object') return;
  // input-output-itemreader.html: "The `VersionId` field is not supported for `InputType=Parquet`." ("Parquet files are
  // the one exception which does not support `VersionId`."): the read fails, as the text deploys.
  const version = propertyNode(request, 'VersionId') ?? (ql === 'JSONPath' ? propertyNode(request, 'VersionId.$') : undefined);
  if (version && stringValue(property(property(reader, 'ReaderConfig'), 'InputType')) === 'PARQUET')
    report(ctx, keyOf(version)!, AslCode.invalidValue, `VersionId is not supported for a Parquet file ("InputType": "PARQUET"): leave it out of the ItemReader's ${field}`, 'warning');
}

function checkEnum(ctx: Ctx, field: string, node: AstNode | undefined, values: readonly string[], ql: QueryLanguage = 'JSONPath') {
  if (!node || isStandIn(node, ql)) return;
  if (node.type === 'string' && values.includes(node.value)) return;
  // The same value in another case is the one meant (a quick fix writes it: asl/fixes.ts).
  const meant = node.type === 'string' ? values.find((v) => v.toLowerCase() === node.value.toLowerCase()) : undefined;
  report(ctx, node, AslCode.invalidValue, `${field} must be one of ${values.map((v) => JSON.stringify(v)).join(', ')}, not ${describe(node)}${meant ? `; did you mean ${JSON.stringify(meant)}?` : ''}`, 'error', meant ? { closest: meant } : undefined);
}

/**
 * The state name nearest a misspelt transition of the state `from` (none for StartAt): the state itself only when it
 * is strictly nearer than any other, as a self-loop is rarely meant ("BranchC" in BranchA, as near BranchB: BranchB).
 */
function nearestTarget(name: string, names: Iterable<string>, from: string | undefined): string | undefined {
  const [first, second] = closest(name, names, 2);
  return first === from && second !== undefined && editDistance(name, second) <= editDistance(name, first) ? second : first;
}

function checkTarget(ctx: Ctx, m: AslMachine, field: string, node: AstNode | undefined, from?: string): boolean {
  if (!node) return true;
  if (node.type !== 'string') {
    report(ctx, node, AslCode.invalidValue, `${field} must be the name of a state (a string), not ${describe(node)}`);
    return false;
  }
  // A state named "" is refused on its own name (machineRules.ts), once: a transition to it is that state's mistake.
  if (m.byName.has(node.value)) return true;
  if (node.value === '') {
    report(ctx, node, AslCode.unknownState, `${field} is empty: it must be the name of a state, and a state name cannot be empty`);
    return false;
  }
  // A placeholder names a state only after substitution: no error, and no reachability claims past it.
  if (hasPlaceholder(node.value)) return false;
  // A state of another machine (into a Parallel branch or a Map, or out of one) is no typo: the service refuses the
  // transition and reports the states it leaves unreached, so the reachability walk goes on.
  const other = ctx.anywhere?.(node.value);
  if (other) {
    const there = other.machine.kind === 'top' ? 'at the top level' : `in ${other.machine.kind === 'branch' ? 'a branch of' : 'the ItemProcessor of'} ${quote(other.machine.owner!.name)}`;
    const here = m.kind === 'top' ? 'the top level' : m.kind === 'branch' ? `this branch of ${quote(m.owner!.name)}` : `this ItemProcessor of ${quote(m.owner!.name)}`;
    report(ctx, node, AslCode.unknownState, `${field} ${quote(node.value)} is a state ${there}: a transition goes only to a state of its own machine, here ${here}`);
    return true;
  }
  // Suggestions cost a scan of the machine's names: only for the first mistakes, so a broken file stays linear.
  const near = ctx.suggestions++ < 50 ? nearestTarget(node.value, m.byName.keys(), from) : undefined;
  const scope = m.kind === 'top' ? '' : m.kind === 'branch' ? ' of this Parallel branch' : ' of this Map';
  // Two states that differ from it only in case (Prep and PREP for "prep"): neither is certainly meant (ux41).
  const lower = String(node.value).toLowerCase();
  // Each is offered, none preferred.
  const sameCase = near !== undefined && near.toLowerCase() === lower ? [...m.byName.keys()].filter((n) => n.toLowerCase() === lower) : [];
  const meant = sameCase.length > 1 ? sameCase.map(quote).join(' or ') : near !== undefined ? quote(near) : undefined;
  report(ctx, node, AslCode.unknownState, `${field} ${quote(node.value)} is not a state${scope}${meant ? `; did you mean ${meant}?` : ''}`, 'error', near !== undefined ? { closest: near, ...(sameCase.length > 1 ? { candidates: sameCase } : {}) } : undefined);
  return false;
}

/** An End that is no boolean but plainly means true ("true"): its own finding says so, and it ends the state for the rest. */
/** Whether a state has a key that is no field of its type and is close to Next or End (its unknown-field finding's `closest`). */
const misspeltTransition = (state: AstNode, fields: readonly string[]): boolean =>
  (state.children ?? []).some((p) => {
    const k = keyOf(p)?.value;
    if (typeof k !== 'string' || COMMON_FIELDS.includes(k) || fields.includes(k)) return false;
    const near = closest(k, [...COMMON_FIELDS, ...fields], 1)[0];
    return near === 'Next' || near === 'End';
  });

const meansTrue = (end: AstNode, text = ''): boolean => end.type !== 'boolean' && intendedValue(text, end, 'boolean') === true;

function checkTransitions(ctx: Ctx, m: AslMachine) {
  // Without States, StartAt names nothing yet: the missing States is the finding (checkRootFields).
  let targetsOk = !propertyNode(m.node, 'States') || checkTarget(ctx, m, 'StartAt', property(m.node, 'StartAt'));
  let terminal = false;
  for (const s of m.states) {
    if (s.node.type !== 'object') continue;
    const end = property(s.node, 'End');
    if (s.type === 'Succeed' || s.type === 'Fail' || s.type === undefined || !STATE_TYPES.includes(s.type) || (end && (end.value === true || isStandIn(end, 'JSONPath') || meansTrue(end, ctx.text)))) terminal = true;
    // A catcher's target is its Next field.
    for (const t of s.targets) targetsOk = checkTarget(ctx, m, t.field === 'Catch' ? 'Next' : t.field, t.node, s.name) && targetsOk;
  }
  if (m.states.length && !terminal) {
    const states = propertyNode(m.node, 'States');
    report(ctx, keyOf(states!)!, AslCode.noTerminalState, 'No state ends this machine: give one state "End": true, or add a Succeed or Fail state');
  }
  // Unreachable states: a breadth-first walk from StartAt (linear). Skipped when a target is misspelt: the states
  // after it are reachable once it is fixed, and saying otherwise would bury the real mistake.
  const startAt = property(m.node, 'StartAt');
  if (!targetsOk || startAt?.type !== 'string' || hasPlaceholder(startAt.value)) return;
  const start = m.start;
  const seen = start ? reachedFrom(m, [start]).reached.add(start) : new Set<AslState>();
  for (const s of m.states) {
    if (!seen.has(s) && m.byName.get(s.name) === s)
      report(ctx, s.keyNode, AslCode.unreachableState, `State ${quote(s.name)} is not reachable: no StartAt, Next, Default or Catch leads to it`);
  }
}

function checkRetryCatch(ctx: Ctx, s: AslState) {
  const ql = s.queryLanguage;
  for (const key of ['Retry', 'Catch'] as const) {
    const arr = property(s.node, key);
    if (!arr || !checkType(ctx, key, arr, 'array', 'JSONPath')) continue;
    const fields = key === 'Retry' ? RETRIER_FIELDS : CATCHER_FIELDS;
    const what = key === 'Retry' ? 'a retrier' : 'a catcher';
    // The first retrier (catcher) whose ErrorEquals names the error is the one used (concepts-error-handling): a name an
    // earlier one already has never reaches a later one.
    const named = new Map<string, number>();
    for (const [index, item] of (arr.children ?? []).entries()) {
      if (!checkType(ctx, `Each ${key} entry`, item, 'object', 'JSONPath')) continue;
      for (const p of item.children ?? []) {
        const k = keyOf(p);
        if (k?.type !== 'string') continue;
        if (!fields.includes(k.value)) unknownField(ctx, k, what, fields);
        else if (key === 'Catch' && k.value === 'ResultPath' && ql === 'JSONata') report(ctx, k, AslCode.wrongQueryLanguage, 'ResultPath is a JSONPath field: in a JSONata state a catcher uses Output (and Assign)');
        else if (key === 'Catch' && k.value === 'Output' && ql === 'JSONPath') report(ctx, k, AslCode.wrongQueryLanguage, 'Output is a JSONata field: in a JSONPath state a catcher uses ResultPath');
      }
      // J2119: a retrier and a catcher "MAY have a string field named Comment".
      checkType(ctx, 'Comment', property(item, 'Comment'), 'string', 'JSONPath');
      const errors = property(item, 'ErrorEquals');
      if (!errors) report(ctx, anchor(item), AslCode.missingField, `ErrorEquals is missing: the errors ${what} handles, e.g. ["States.ALL"]`);
      else if (checkType(ctx, 'ErrorEquals', errors, 'array', 'JSONPath')) {
        if (!errors.children?.length) report(ctx, errors, AslCode.invalidValue, 'ErrorEquals must name at least one error, e.g. ["States.ALL"]');
        for (const e of errors.children ?? []) {
          if (!checkType(ctx, 'Each ErrorEquals entry', e, 'string', 'JSONPath')) continue;
          if (e.value !== 'States.ALL') {
            checkErrorName(ctx, e);
            const earlier = named.get(e.value);
            if (earlier !== undefined && earlier !== index)
              report(ctx, e, AslCode.invalidValue, `${quote(e.value)} is already handled by ${key}[${earlier}], the first ${key === 'Retry' ? 'retrier' : 'catcher'} that names it: this one is never used for it`, 'warning');
            else named.set(e.value, index);
            // concepts-error-handling: "A States.Runtime error is not retriable, and will always cause the execution to fail."
            if (key === 'Retry' && e.value === 'States.Runtime')
              report(ctx, e, AslCode.invalidValue, 'States.Runtime is not retriable: it always fails the execution ("A States.Runtime error is not retriable")', 'warning');
            continue;
          }
          if (errors.children!.length > 1) report(ctx, e, AslCode.invalidValue, `States.ALL must appear alone in ErrorEquals: it already matches every error`);
          else if (item !== arr.children![arr.children!.length - 1]) report(ctx, e, AslCode.invalidValue, `States.ALL must be in the last ${key === 'Retry' ? 'retrier' : 'catcher'}: the ${key === 'Retry' ? 'retriers' : 'catchers'} after it are never used`);
        }
      }
      if (key === 'Retry') {
        // Not evaluated, even in a JSONata state (Step Functions evaluates a state's own fields, not its retriers'):
        // a {% %} string here is a string.
        for (const f of RETRIER_TYPED_FIELDS) checkType(ctx, f.field, property(item, f.field), f.want, 'JSONPath', f.min, f.max);
        checkEnum(ctx, 'JitterStrategy', property(item, 'JitterStrategy'), JITTER_STRATEGIES);
      } else {
        if (!propertyNode(item, 'Next')) report(ctx, anchor(item), AslCode.missingField, 'Next is missing: the state a catcher goes to');
        if (ql === 'JSONPath') {
          const rp = property(item, 'ResultPath');
          if (checkType(ctx, 'ResultPath', rp, 'string|null', ql) && rp?.type === 'string') checkResultPath(ctx, rp);
        }
        checkObjectField(ctx, 'Assign', property(item, 'Assign'), ql);
      }
    }
  }
}

/**
 * A rule whose condition is an earlier rule's, to the letter (its own members in any order): the Choice state follows
 * the first rule that matches (the states language), so this one is never taken. A warning: the machine deploys. A
 * JSONata condition that reads the clock or chance ($random, $now, $millis, $uuid, $shuffle) may differ from one rule
 * to the next, and a placeholder (a template's) may stand for different values in each.
 */
function shadowedChoiceRules(ctx: Ctx, choices: AstNode, ql: QueryLanguage) {
  const seen = new Map<string, number>();
  for (const [i, rule] of (choices.children ?? []).entries()) {
    if (rule.type !== 'object') continue;
    let condition: string | undefined;
    if (ql === 'JSONata') {
      const c = property(rule, 'Condition');
      condition = c?.type === 'string' && !/\$(random|now|millis|uuid|shuffle)\b/.test(c.value as string) && !hasPlaceholder(c.value as string) ? (c.value as string).trim() : undefined;
    } else {
      const members = (rule.children ?? []).filter((p) => !['Next', 'Comment', 'Assign', 'Output'].includes(String(keyOf(p)?.value)));
      const prints = members.map(valueFingerprint);
      condition = members.length && !prints.includes(undefined) ? prints.sort().join('') : undefined;
    }
    if (condition === undefined) continue;
    const earlier = seen.get(condition);
    if (earlier === undefined) seen.set(condition, i);
    else report(ctx, anchor(rule), AslCode.invalidValue, `This rule's condition is Choices[${earlier}]'s: the Choice state follows the first rule that matches, so this one is never taken`, 'warning');
  }
}

/** The numeric comparisons an And can hold at once on one Variable: the bound each sets (equals sets both). */
const NUMERIC_BOUNDS: Readonly<Record<string, { lower?: boolean; upper?: boolean; strict: boolean }>> = {
  NumericEquals: { lower: true, upper: true, strict: false },
  NumericGreaterThan: { lower: true, strict: true },
  NumericGreaterThanEquals: { lower: true, strict: false },
  NumericLessThan: { upper: true, strict: true },
  NumericLessThanEquals: { upper: true, strict: false },
};

/**
 * A top-level rule whose And compares one Variable with number literals that no number meets at once
 * (`$.n > 10` and `$.n < 5`): it is never true, so the rule is never taken (asl45). A warning on the comparison that
 * empties the range (its first key). Only literal numbers, one Variable as written, comparisons directly in the And.
 */
function impossibleAnd(ctx: Ctx, rule: AstNode) {
  const and = property(rule, 'And');
  if (and?.type !== 'array') return;
  const ranges = new Map<string, { lo: number; loStrict: boolean; hi: number; hiStrict: boolean }>();
  for (const item of and.children ?? []) {
    if (item.type !== 'object' || item.children?.length !== 2) continue;
    const variable = stringValue(property(item, 'Variable'));
    const op = item.children.find((p) => { const k = keyOf(p)?.value; return typeof k === 'string' && Object.hasOwn(NUMERIC_BOUNDS, k); });
    const value = op && valueOf(op);
    if (variable === undefined || !op || value?.type !== 'number' || typeof value.value !== 'number') continue;
    const bound = NUMERIC_BOUNDS[keyOf(op)!.value as string];
    const n = value.value;
    const r = ranges.get(variable) ?? { lo: -Infinity, loStrict: false, hi: Infinity, hiStrict: false };
    if (bound.lower && (n > r.lo || (n === r.lo && bound.strict))) Object.assign(r, { lo: n, loStrict: bound.strict });
    if (bound.upper && (n < r.hi || (n === r.hi && bound.strict))) Object.assign(r, { hi: n, hiStrict: bound.strict });
    ranges.set(variable, r);
    if (r.lo > r.hi || (r.lo === r.hi && (r.loStrict || r.hiStrict))) {
      report(ctx, anchor(item), AslCode.invalidValue, `No number meets every comparison of ${variable} in this And, so the rule is never true and never taken`, 'warning');
      return;
    }
  }
}

/**
 * A value as its JSON reads, without the spaces between (iterative: the nesting is the user's); undefined where a
 * string holds a placeholder (a template's `${Param}`, or an intrinsic such as `!Ref P`, read as one): two of them
 * may stand for different values.
 */
function valueFingerprint(node: AstNode): string | undefined {
  const out: string[] = [];
  const stack: (AstNode | string)[] = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if (typeof n === 'string') out.push(n);
    else if (n.type === 'object' || n.type === 'array') {
      out.push(n.type === 'object' ? '{' : '[');
      stack.push(n.type === 'object' ? '},' : '],');
      for (let i = (n.children?.length ?? 0) - 1; i >= 0; i--) stack.push(n.children![i]);
    } else if (n.type === 'property') {
      out.push(`${JSON.stringify(n.children?.[0]?.value)}:`);
      if (n.children?.[1]) stack.push(n.children[1]);
    } else if (n.type === 'string') {
      if (hasPlaceholder(n.value as string)) return undefined;
      out.push(`${JSON.stringify(n.value)},`);
    } else out.push(`${String(n.value)},`); // a number as written to its value (1e999 is not -1e999), true, false, null
  }
  return out.join('');
}

function checkChoiceRules(ctx: Ctx, s: AslState) {
  const ql = s.queryLanguage;
  const choices = property(s.node, 'Choices');
  if (!choices) return report(ctx, s.keyNode, AslCode.missingField, `Choice state ${quote(s.name)} has no Choices: an array of rules`);
  if (!checkType(ctx, 'Choices', choices, 'array', 'JSONPath')) return;
  if (!choices.children?.length) report(ctx, choices, AslCode.invalidValue, 'Choices must hold at least one rule');
  shadowedChoiceRules(ctx, choices, ql);
  if (ql === 'JSONPath') for (const rule of choices.children ?? []) impossibleAnd(ctx, rule);
  const stack: { rule: AstNode; top: boolean }[] = [];
  for (let i = (choices.children?.length ?? 0) - 1; i >= 0; i--) stack.push({ rule: choices.children![i], top: true });
  while (stack.length) {
    const { rule, top } = stack.pop()!;
    if (!checkType(ctx, 'A Choice rule', rule, 'object', 'JSONPath')) continue;
    const ops: AstNode[] = [];
    // A JSONata Condition written in a JSONPath rule is the mistake said; "needs a comparison" would only repeat it.
    let jsonataRule = false;
    for (const p of rule.children ?? []) {
      const k = keyOf(p), v = valueOf(p);
      if (k?.type !== 'string') continue;
      const key = k.value as string;
      if (key === 'Comment') { checkType(ctx, 'Comment', v, 'string', 'JSONPath'); continue; }
      if (key === 'Next' && top) continue;
      if (ql === 'JSONata') {
        if (key === 'Assign' && top) { checkObjectField(ctx, 'Assign', v, ql); continue; }
        if (key === 'Condition' || (top && key === 'Output')) continue;
        if (key === 'Variable' || key in COMPARATORS || LOGICAL.includes(key)) {
          const condition = top ? jsonataCondition(rule) : undefined;
          report(ctx, k, AslCode.wrongQueryLanguage, `${key} is a JSONPath Choice field: a JSONata rule is a Condition, e.g. "Condition": ${JSON.stringify(condition ?? '{% $states.input.n > 1 %}')}`, 'error', condition ? { condition } : undefined);
        }
        else unknownField(ctx, k, 'a JSONata Choice rule', CHOICE_RULE_FIELDS.JSONata);
        continue;
      }
      // The developer guide (Choice): "The values of the Variable and Path fields in a comparison must be valid
      // reference paths" (AWS's statelint: a Choice Rule MAY have a referencePath field named "Variable").
      if (key === 'Variable') { if (checkType(ctx, 'Variable', v, 'string', ql)) checkPathValue(ctx, v, 'reference'); continue; }
      if (key === 'Assign' && top) { checkObjectField(ctx, 'Assign', v, ql); continue; }
      if (key in COMPARATORS || LOGICAL.includes(key)) { ops.push(p); continue; }
      if (key === 'Condition' || key === 'Output') {
        jsonataRule ||= key === 'Condition';
        report(ctx, k, AslCode.wrongQueryLanguage, `${key} is a JSONata Choice field: in a JSONPath state a rule compares a Variable, e.g. "Variable": "$.n", "NumericGreaterThan": 1`);
      }
      else if (key === 'Next') report(ctx, k, AslCode.unknownField, 'Next belongs on the outermost rule, not inside And/Or/Not');
      else report(ctx, k, AslCode.unknownField, `${quote(key)} is not a field of a Choice rule: use Variable with one comparison (StringEquals, NumericGreaterThan, IsPresent…), or And/Or/Not`, 'error', { closest: closest(key, [...Object.keys(COMPARATORS), ...LOGICAL, 'Variable', 'Next', 'Comment'])[0] });
    }
    if (top && !propertyNode(rule, 'Next')) report(ctx, anchor(rule), AslCode.missingField, 'Next is missing: the state this rule goes to when it matches');
    if (ql === 'JSONata') {
      if (!propertyNode(rule, 'Condition')) report(ctx, anchor(rule), AslCode.invalidChoiceRule, 'Condition is missing: a JSONata rule is "Condition": "{% … %}"');
      else {
        const c = property(rule, 'Condition')!;
        if (!(c.type === 'boolean' || isStandIn(c, ql))) report(ctx, c, AslCode.invalidValue, 'Condition must be a JSONata expression {% … %} (or true/false)');
        else if (c.type === 'string' && !hasPlaceholder(c.value)) checkConstant(ctx, 'Condition', c, 'boolean');
      }
      continue;
    }
    const variable = propertyNode(rule, 'Variable');
    if (ops.length !== 1) {
      // The comparisons after the first are the extra ones, each flagged naming them all.
      const names = ops.map((p) => String(keyOf(p)!.value));
      if (ops.length > 1) for (const p of ops.slice(1)) report(ctx, keyOf(p)!, AslCode.invalidChoiceRule, `A Choice rule has exactly one comparison; this one has ${list(names)}`);
      else if (!jsonataRule) report(ctx, anchor(rule), AslCode.invalidChoiceRule, variable ? 'This rule has a Variable but no comparison: add one, e.g. "StringEquals": "x" or "IsPresent": true' : 'A Choice rule needs Variable with one comparison, or And/Or/Not');
      continue;
    }
    const [opKey, opValue] = ops[0].children!;
    const op = opKey.value as string;
    if (LOGICAL.includes(op)) {
      if (variable) report(ctx, keyOf(variable)!, AslCode.invalidChoiceRule, `Variable does not go with ${op}: put it in the rules inside ${op}`);
      if (op === 'Not') { if (checkType(ctx, 'Not', opValue, 'object', ql)) stack.push({ rule: opValue, top: false }); }
      else if (checkType(ctx, op, opValue, 'array', ql)) {
        if (!opValue.children?.length) report(ctx, opValue, AslCode.invalidValue, `${op} must hold at least one rule`);
        for (let i = (opValue.children?.length ?? 0) - 1; i >= 0; i--) stack.push({ rule: opValue.children![i], top: false });
      }
      continue;
    }
    if (!variable) report(ctx, opKey, AslCode.invalidChoiceRule, `${op} compares a Variable: add "Variable": "$.field"`);
    const want = COMPARATORS[op];
    if (want === 'path') { if (checkType(ctx, op, opValue, 'string', ql)) checkPathValue(ctx, opValue, 'reference'); }
    else if (checkType(ctx, op, opValue, want, ql) && op.startsWith('Timestamp')) checkTimestamp(ctx, op, opValue, ql);
    else if (op === 'StringMatches' && opValue.type === 'string' && !hasPlaceholder(opValue.value)) {
      // The states language: "The literal string \* represents *. The literal string \\ represents \. […] If an
      // open escape backslash \ is found in the StringMatches string, the interpreter will throw a runtime error."
      // Read as the intrinsic functions' escapes are (expressions/intrinsics.ts): a backslash before anything else.
      const open = openEscape(opValue.value);
      if (open === '') report(ctx, opValue, AslCode.invalidValue, 'StringMatches ends in an open escape: a backslash escapes the character after it (\\* a star, \\\\ a backslash), and here none follows, so the rule fails when it runs (write \\\\ for a backslash)', 'warning');
      else if (open) report(ctx, opValue, AslCode.invalidValue, `StringMatches has an open escape, ${visibleText(open)}: a backslash escapes only a star (\\*) or a backslash (\\\\), so the rule fails when it runs (StringMatches is no regular expression; write \\\\ for a backslash)`, 'warning');
    }
  }
}

/**
 * The Condition a JSONata state writes for a JSONPath Choice rule that compares one Variable, a path of names and
 * indexes, with a literal (`"Variable": "$.ok", "BooleanEquals": true` → `{% $states.input.ok = true %}`), which the
 * fix writes (asl/fixes.ts). Undefined for any other rule: And/Or/Not, a …Path comparison, StringMatches (a pattern of
 * its own), the Timestamp ones (JSONata compares the text, not the instant), IsTimestamp, or a Condition already
 * there. JSONata's ordering of a value of another type fails where JSONPath's is false: the fix is offered, not
 * preferred.
 */
function jsonataCondition(rule: AstNode): string | undefined {
  let variable: AstNode | undefined, op: string | undefined, value: AstNode | undefined;
  for (const p of rule.children ?? []) {
    const key = keyOf(p)?.value;
    if (key === 'Variable') variable = valueOf(p);
    else if (typeof key === 'string' && (key in COMPARATORS || LOGICAL.includes(key) || key === 'Condition')) {
      if (op !== undefined) return undefined;
      op = key; value = valueOf(p);
    }
  }
  const path = variable?.type === 'string' ? jsonPathAsJsonata(variable.value as string) : undefined;
  // (jsonPathAsJsonata writes `{% … %}`: the expression is inside.)
  const read = path?.slice(3, -3);
  if (!read || !op || !value) return undefined;
  const is = (type: string) => (value.type === 'boolean' ? `{% ${value.value ? '' : '$not('}$type(${read}) = "${type}"${value.value ? '' : ')'} %}` : undefined);
  switch (op) {
    case 'IsPresent': return value.type === 'boolean' ? `{% ${value.value ? `$exists(${read})` : `$not($exists(${read}))`} %}` : undefined;
    case 'IsNull': return value.type === 'boolean' ? `{% ${read} ${value.value ? '=' : '!='} null %}` : undefined;
    case 'IsString': return is('string');
    case 'IsNumeric': return is('number');
    case 'IsBoolean': return is('boolean');
    case 'BooleanEquals': return value.type === 'boolean' ? `{% ${read} = ${value.value} %}` : undefined;
  }
  const string = op.startsWith('String'), numeric = op.startsWith('Numeric');
  const compare = string || numeric ? COMPARISON_OPERATORS[op.slice(string ? 6 : 7)] : undefined;
  // (Not a `${…}` a template fills in, nor a `%}` that would read as the expression's end.)
  const literal = string ? value.type === 'string' && !hasPlaceholder(value.value as string) && !(value.value as string).includes('%}') : numeric && value.type === 'number';
  return compare && literal ? `{% ${read} ${compare} ${JSON.stringify(value.value)} %}` : undefined;
}

/** The JSONata operator of each comparison a String… or Numeric… rule makes. */
const COMPARISON_OPERATORS: Readonly<Record<string, string | undefined>> = { Equals: '=', LessThan: '<', GreaterThan: '>', LessThanEquals: '<=', GreaterThanEquals: '>=' };

/** The first open escape of a StringMatches pattern: a backslash and what follows it when that is no `*` or `\`, '' when it ends the pattern. */
function openEscape(pattern: string): string | undefined {
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i] !== '\\') continue;
    if (i + 1 === pattern.length) return '';
    if (pattern[i + 1] !== '*' && pattern[i + 1] !== '\\') return `\\${String.fromCodePoint(pattern.codePointAt(i + 1)!)}`;
    i++;
  }
  return undefined;
}

// The field tables checkState walks for every state, made once (not per state: on opening 2,000 states their
// arrays and strings were a good part of what the first check allocated).
const PATH_FIELD_ENTRIES = Object.entries(PATH_FIELDS);

/** The state around `node` when Step Functions evaluates the expressions written there (evaluatedHere), else undefined. */
export function evaluatingState(parsed: ParsedDocument, node: AstNode): AslState | undefined {
  const held = stateHolding(modelOf(parsed), node);
  return held && evaluatedHere(held.state, held.keys) ? held.state : undefined;
}

function checkState(ctx: Ctx, s: AslState, express = expressOf(s, ctx.workflowType)) {
  const { node, queryLanguage: ql } = s;
  if (node.type !== 'object') return report(ctx, node, AslCode.invalidValue, `State ${quote(s.name)} must be an object, not ${describe(node)}`);
  checkDuplicateKeys(node, SUB_MACHINE_FIELDS, ctx.problems);
  checkPayloadTemplates(s, ctx.problems);
  // One pass over the state's members: each check below looks fields up by name (thousands of states per keystroke).
  const members = new Map<string, AstNode>();
  for (const p of node.children ?? []) { const k = keyOf(p); if (k?.type === 'string' && !members.has(k.value)) members.set(k.value, p); }
  const propN = (f: string) => members.get(f);
  const prop = (f: string) => members.get(f)?.children?.[1];
  const typeNode = prop('Type');
  if (!typeNode) return report(ctx, s.keyNode, AslCode.missingField, `State ${quote(s.name)} has no Type: one of ${list(STATE_TYPES)}`, 'error', { allowed: STATE_TYPES });
  if (isStandIn(typeNode, 'JSONPath')) return;
  if (typeNode.type !== 'string' || !STATE_TYPES.includes(typeNode.value)) {
    const near = typeNode.type === 'string' ? closest(typeNode.value, STATE_TYPES, 1)[0] : undefined;
    return report(ctx, typeNode, AslCode.unknownStateType, `Type must be one of ${list(STATE_TYPES)}${near ? `; did you mean ${quote(near)}?` : ''}`, 'error', near ? { closest: near } : undefined);
  }
  const type = typeNode.value as string;
  const fields = STATE_FIELDS[type];
  for (const p of node.children ?? []) {
    const k = keyOf(p);
    if (k?.type !== 'string') continue;
    const key = k.value as string;
    if (COMMON_FIELDS.includes(key)) continue;
    if (!fields.includes(key)) {
      const known = Object.values(STATE_FIELDS).some((f) => f.includes(key));
      const near = closest(key, [...fields, ...COMMON_FIELDS], 1)[0];
      report(ctx, k, AslCode.unknownField, known ? `${key} is not a field of a ${type} state` : `${quote(key)} is not a field of a ${type} state${near ? `; did you mean ${quote(near)}?` : ''}`, 'error', { allowed: [...COMMON_FIELDS, ...fields], ...(known ? {} : { closest: near }) });
      continue;
    }
    if (ql === 'JSONata' && JSONPATH_ONLY.has(key)) {
      // What a JSONata state writes instead of Parameters: Arguments where the state has them (Task, Parallel), a
      // Map's ItemSelector, a Pass state's Output.
      const parametersInstead = fields.includes('Arguments') ? 'Arguments' : fields.includes('ItemSelector') ? 'ItemSelector' : 'Output';
      const advice = key === 'Parameters' ? parametersInstead : key === 'ItemsPath' ? 'Items' : key === 'Result' ? 'Output' : key.endsWith('Path') && key !== 'ResultPath' && key !== 'InputPath' && key !== 'OutputPath' ? jsonataInstead(key) : 'Output (and Assign)';
      // ItemsPath and a …Path field with a plain twin (SecondsPath, ErrorPath…) holding a path of names and indexes:
      // the twin with the expression reading the same (ux44: the message said what to write; no fix wrote it).
      const twin = key === 'ItemsPath' ? 'Items' : key.endsWith('Path') && PATH_TWINS.has(key.slice(0, -4)) ? key.slice(0, -4) : undefined;
      const rewrite = twin ? pathFieldInJsonata(p, twin, advice) : { instead: advice };
      // A Pass state's Result is its output as written: in JSONata, Output (the developer guide: "Result (Optional,
      // JSONPath only)"), the same value (a {% %} string in it would be evaluated there, which Result never did).
      const renameTo = key === 'Parameters' ? parametersInstead : key === 'Result' ? 'Output' : undefined;
      const data = renameTo ? { rename: renameTo } : rewrite.data;
      report(ctx, k, AslCode.wrongQueryLanguage, `${key} is a JSONPath field; this state uses JSONata: use ${rewrite.instead}`, 'error', data && !propertyNode(node, data.rename) ? data : undefined);
    } else if (ql === 'JSONPath' && JSONATA_ONLY.has(key)) {
      const instead = key === 'Arguments' ? 'Parameters' : key === 'Items' ? 'ItemsPath' : 'OutputPath, ResultPath or ResultSelector';
      report(ctx, k, AslCode.wrongQueryLanguage, `${key} is a JSONata field; this state uses JSONPath: use ${instead}, or set "QueryLanguage": "JSONata"`, 'error', key === 'Arguments' ? { rename: 'Parameters' } : undefined);
    }
  }
  checkEnum(ctx, 'QueryLanguage', prop('QueryLanguage'), QUERY_LANGUAGES);
  checkType(ctx, 'Comment', prop('Comment'), 'string', 'JSONPath');

  // Transitions.
  const next = propN('Next'), end = propN('End');
  const endValue = end && valueOf(end);
  if (endValue && !isStandIn(endValue, 'JSONPath') && endValue.type !== 'boolean') report(ctx, endValue, AslCode.invalidValue, `End must be true, not ${describe(endValue)}`, 'error', meansTrue(endValue, ctx.text) ? { literal: true } : undefined);
  if (fields.includes('Next')) {
    if (next && end && endValue?.value === true) report(ctx, keyOf(end)!, AslCode.exclusiveFields, 'A state has either Next or "End": true, not both');
    // "End": "true" is one mistake, said above: not also a state without an end (ux39: three errors for one).
    // Nor a misspelt Next or End, whose own finding renames it (ux42: "Add End: true" beside "Nxt" left the typo).
    else if (!next && !(endValue && (endValue.value === true || isStandIn(endValue, 'JSONPath') || meansTrue(endValue, ctx.text))) && !misspeltTransition(s.node, fields))
      report(ctx, s.keyNode, AslCode.missingField, `State ${quote(s.name)} needs Next (the state to go to) or "End": true`, 'error', end ? undefined : { addEnd: true });
  }

  // Paths (JSONPath) and the JSON types of the fields.
  for (const [field, kind] of PATH_FIELD_ENTRIES) {
    const v = prop(field);
    if (!v || ql === 'JSONata') continue;
    if (checkType(ctx, field, v, field === 'InputPath' || field === 'OutputPath' || field === 'ResultPath' ? 'string|null' : 'string', ql) && v.type === 'string') {
      if (field === 'ResultPath') checkResultPath(ctx, v);
      else if (MAP_LIMIT_PATHS.has(field)) checkMapLimitPath(ctx, v, field);
      else checkPathValue(ctx, v, kind);
    }
  }
  checkType(ctx, 'ItemSelector', prop('ItemSelector'), 'object', ql);
  // ResultSelector is an object (AWS's language service: "type": "object"; a JSONPath field, refused above in JSONata).
  // Not Parameters: the states language says a payload template MUST be an object, but Step Functions takes any JSON
  // there (deployed machines pass an array: test/fixtures/corpus).
  if (ql === 'JSONPath') checkType(ctx, 'ResultSelector', prop('ResultSelector'), 'object', ql);
  // Arguments is an object or a JSONata expression (AWS's language service: "Incorrect type. Expected one of object,
  // JSONata expression."), unlike Parameters; a JSONPath state's Arguments is refused above, and a SageMaker request
  // by its own check. The Resource as written: parseIntegrationArn reads a template's `arn:${AWS::Partition}:…`, whose
  // partition literalArn would make one unreadable character (the request's type was then said twice).
  const resourceNode = prop('Resource');
  const integration = resourceNode?.type === 'string' ? parseIntegrationArn(resourceNode.value as string) : undefined;
  if (ql === 'JSONata' && !(integration && ctx.servicesElsewhere.has(integration.sdkService ?? integration.service))) checkType(ctx, 'Arguments', prop('Arguments'), 'object', ql);
  for (const field of OBJECT_FIELDS) checkObjectField(ctx, field, prop(field), ql);
  for (const { field, want, min, max, pathField } of TYPED_FIELDS) {
    checkType(ctx, field, prop(field), want, ql, min, max);
    const path = propN(pathField);
    if (path && propN(field) && fields.includes(pathField)) report(ctx, keyOf(path)!, AslCode.exclusiveFields, onlyOneOf(field, pathField));
  }
  checkHeartbeat(ctx, prop('HeartbeatSeconds'), prop('TimeoutSeconds'), ql);
  checkTimestamp(ctx, 'Timestamp', prop('Timestamp'), ql);
  if (s.type === 'Wait') checkWaitHorizon(ctx, prop('Timestamp'));
  for (const field of ERROR_PATH_FIELDS) {
    const v = prop(field);
    if (v && ql === 'JSONPath' && checkType(ctx, field, v, 'string', ql)) checkPathValue(ctx, v, 'referenceOrIntrinsic');
  }

  switch (type) {
    case 'Task':
      if (!propN('Resource')) report(ctx, s.keyNode, AslCode.missingField, `Task state ${quote(s.name)} has no Resource: the ARN of the task to run`);
      else {
        const resource = prop('Resource')!;
        checkResource(ctx, resource, ql);
        const arn = literalArn(resource, ql);
        // A request is judged as the integration's only where Step Functions has that integration.
        const refused = checkOptimizedIntegration(ctx, resource, arn);
        checkIntegrationPattern(ctx, resource, arn, express);
        checkTaskTokenPassed(ctx, resource, arn, prop(ql === 'JSONata' ? 'Arguments' : 'Parameters'));
        if (!refused) for (const f of integrationRequestFindings(arn, prop(ql === 'JSONata' ? 'Arguments' : 'Parameters'), ql)) report(ctx, f.node, f.code, f.message, 'warning');
      }
      checkCredentials(ctx, prop('Credentials'), ql);
      break;
    case 'Pass':
      // In a JSONata state an Output, if given, is the output (checked below), not the Result.
      if (!(ql === 'JSONata' && propN('Output'))) checkPassResultSize(ctx, propN('Result'), prop('ResultPath'), propN('OutputPath'));
      break;
    case 'Choice':
      checkChoiceRules(ctx, s);
      break;
    case 'Wait': {
      const given = WAIT_FIELDS.filter((f) => propN(f));
      if (!given.length) report(ctx, s.keyNode, AslCode.missingField, `Wait state ${quote(s.name)} needs one of ${ql === 'JSONata' ? 'Seconds or Timestamp (a number or a {% %} expression; SecondsPath and TimestampPath are JSONPath fields)' : 'Seconds, Timestamp, SecondsPath or TimestampPath'}`);
      else if (given.length > 1 && !(given.length === 2 && given.some((g) => propN(g + 'Path'))))
        report(ctx, keyOf(propN(given[1])!)!, AslCode.exclusiveFields, `A Wait state has exactly one of Seconds, Timestamp, SecondsPath and TimestampPath; this one has ${list(given)}`);
      checkWaitLength(ctx, prop('Seconds'), express);
      break;
    }
    case 'Parallel': {
      const branches = prop('Branches');
      if (!branches) report(ctx, s.keyNode, AslCode.missingField, `Parallel state ${quote(s.name)} has no Branches: an array of state machines`);
      else if (checkType(ctx, 'Branches', branches, 'array', 'JSONPath')) {
        if (!branches.children?.length) report(ctx, branches, AslCode.invalidValue, 'Branches must hold at least one branch: a state machine of its own, { "StartAt": …, "States": { … } }');
        for (const b of branches.children ?? []) checkType(ctx, 'Each branch', b, 'object', 'JSONPath');
      }
      break;
    }
    case 'Map': {
      const proc = propN('ItemProcessor'), iter = propN('Iterator');
      if (!proc && !iter) report(ctx, s.keyNode, AslCode.missingField, `Map state ${quote(s.name)} has no ItemProcessor: the state machine to run for each item`);
      else if (proc && iter) report(ctx, keyOf(iter)!, AslCode.exclusiveFields, 'Iterator is the old name of ItemProcessor: keep one');
      for (const p of [proc, iter]) if (p) checkType(ctx, keyOf(p)!.value, valueOf(p), 'object', 'JSONPath');
      if (propN('Parameters') && propN('ItemSelector')) report(ctx, keyOf(propN('Parameters')!)!, AslCode.exclusiveFields, 'Parameters is the old name of ItemSelector: keep one');
      checkDistributedMap(ctx, s, ql);
      checkInlineMap(ctx, s, proc, iter);
      if (express) checkDistributedInExpress(ctx, proc ?? iter, express);
      break;
    }
  }
  if (ql === 'JSONata') checkOutputSize(ctx, propN('Output'));
  // Variables hold what a state's output may (the developer guide's variables page: the workflow "stores the returned
  // API data (up to 256 KiB per state) in a variable"): asl43's 270,000-character literal Assign, where a Pass Result
  // of that size already warned.
  checkOutputSize(ctx, propN('Assign'), true);
  checkRetryCatch(ctx, s);

  // Expressions in the state's own fields (not in its sub-machines, which are states of their own).
  // In Output, what a `.$` path meant is the result (ux40: "$.TrainingJobArn" was advised as $states.input's).
  checkFieldExpressions(ctx, node, ql, true, type === 'Task' || type === 'Map' || type === 'Parallel' ? '$states.result' : undefined);
  if (type === 'Choice' && ql === 'JSONata') for (const r of property(node, 'Choices')?.children ?? []) checkFieldExpressions(ctx, r, ql, false);
  else if (type === 'Choice') for (const r of property(node, 'Choices')?.children ?? []) { const a = property(r, 'Assign'); if (a) checkExpressionsUnder(ctx, a, ql); }
}

/**
 * The expressions in the fields of a state (`isState`; its retriers' and catchers' too) or of a Choice rule, but in
 * a Comment, which is text for people (Step Functions evaluates nothing there), and in a state's fields that are
 * never evaluated (NEVER_EVALUATED_FIELDS), its Choice rules (checked apart) and in JSONPath its path fields
 * (checked as paths).
 */
function checkFieldExpressions(ctx: Ctx, obj: AstNode, ql: QueryLanguage, isState: boolean, result?: string) {
  if (obj.type !== 'object') return checkExpressionsUnder(ctx, obj, ql);
  for (const p of obj.children ?? []) {
    const k = keyOf(p), v = valueOf(p);
    if (!k || !v || k.value === 'Comment') continue;
    if (isState && (NEVER_EVALUATED_FIELDS.has(k.value) || k.value === 'Choices' || (ql === 'JSONPath' && (PATH_FIELDS[k.value] || ERROR_PATH_FIELDS.includes(k.value))))) continue;
    // A catcher's Output reads the error output.
    if (isState && (k.value === 'Retry' || k.value === 'Catch') && v.type === 'array') for (const c of v.children ?? []) checkFieldExpressions(ctx, c, ql, false, k.value === 'Catch' ? '$states.errorOutput' : undefined);
    // In a JSONPath ResultSelector `$` is the result.
    else checkExpressionsUnder(ctx, v, ql, k.value === 'Output' && result ? result : ql === 'JSONPath' && k.value === 'ResultSelector' ? '$states.result' : undefined);
  }
}

/**
 * The ASL structure findings of a state machine (source 'asl'). `root` is the state machine's object; `text`, when
 * given, places expression mistakes exactly inside their strings (else the whole string is underlined). With
 * `language` 'json', a state whose text is unchanged since an earlier call gets its findings from a cache.
 * `elsewhere` is what other modules check instead (an integration's payloads and services): by default, nothing.
 * `deployedAs`: a template's Definition object, whose size is counted as it is written out when deployed.
 */
export function validateStructure(root: AstNode | undefined, text?: string, model?: AslModel, language?: DocumentLanguage, elsewhere: CheckedElsewhere = NOTHING_ELSEWHERE, workflowType?: ParsedDocument['workflowType'], deployedAs?: ParsedDocument['deployedAs']): Problem[] {
  const ctx: Ctx = { problems: [], text, skip: elsewhere.payloads, servicesElsewhere: elsewhere.services, servicesKey: [...elsewhere.services].sort().join(','), suggestions: 0, workflowType };
  // Whether the document is a state machine is the caller's say (validation.ts: StartAt and States, or a name
  // that declares one); what is not an object is not one.
  if (root?.type !== 'object') return ctx.problems;
  model ??= buildModel(root);
  for (const found of [checkDefinitionSize(root!, text, language, deployedAs), checkVariables(model, text, language), machineFindings(ctx, model), errorNameTypos(model)]) append(ctx.problems, found);
  for (const s of model.states) checkStateCached(ctx, s, language === 'json');
  return ctx.problems;
}

// The findings that depend on the model alone (names, transitions, reachability, the machines' own fields): made
// once per model. An edit the model does not see keeps the model (carryOver.ts), and these move with the text.
const byModel = new WeakMap<AslModel, { text: string; problems: Problem[] }>();

function machineFindings(ctx: Ctx, model: AslModel): Problem[] {
  const known = ctx.text === undefined ? undefined : byModel.get(model);
  const moved = known && shiftFindings(known.problems, known.text, ctx.text!);
  if (moved) {
    byModel.set(model, { text: ctx.text!, problems: moved });
    return moved;
  }
  let byName: Map<string, AslState> | undefined;
  const anywhere = (name: string) => {
    if (!byName) {
      byName = new Map();
      for (const s of model.states) if (!byName.has(s.name)) byName.set(s.name, s);
    }
    return byName.get(name);
  };
  const own: Ctx = { ...ctx, problems: checkMachineRules(model), anywhere };
  for (const m of model.machines) {
    checkRootFields(own, m);
    checkTransitions(own, m);
  }
  checkJsonPathInJsonata(own, model);
  if (ctx.text !== undefined) byModel.set(model, { text: ctx.text, problems: own.problems });
  return own.problems;
}

/**
 * A machine whose top level is JSONata has no JSONPath state, at any depth (the developer guide: "You cannot revert a
 * top-level JSONata-based state machine to a mix of JSONata and JSONPath states"). Here, not in checkState: a state's
 * cached findings depend on its own text, and this on the top level's.
 */
function checkJsonPathInJsonata(ctx: Ctx, model: AslModel) {
  const top = model.machines[0];
  if (top?.kind !== 'top' || top.queryLanguage !== 'JSONata') return;
  // A Map processor's QueryLanguage is refused anyway (checkRootFields); a branch's and a state's may say JSONPath.
  const objects = [...model.machines.filter((m) => m.kind === 'branch').map((m) => m.node), ...model.states.map((s) => s.node)];
  for (const node of objects) {
    const q = property(node, 'QueryLanguage');
    if (q?.type === 'string' && q.value === 'JSONPath')
      report(ctx, q, AslCode.invalidValue, 'QueryLanguage "JSONPath" is not allowed in a state machine whose top-level QueryLanguage is "JSONata": write this state in JSONata, or set the top level to "JSONPath" and "QueryLanguage": "JSONata" on the states that use it');
  }
}

// A state's own findings depend only on its text (name included) and query language (in JSON: see findingsCache.ts).
// States holding sub-machines (Parallel, Map) are checked each time: their text is their whole sub-tree, and
// their own fields are few.
const stateCache = createFindingsCache();

function checkStateCached(ctx: Ctx, s: AslState, cache: boolean) {
  if (!cache || ctx.text === undefined || s.children.length || s.type === 'Parallel' || s.type === 'Map') return checkState(ctx, s);
  // Whether a member's value is checked elsewhere is the caller's say, not the text's: part of the key, with the
  // services other modules judge; so is the Distributed Map around it whose child workflows are Express (its
  // ProcessorConfig is outside the state's text).
  const skipped = s.node.children?.some((p) => { const v = valueOf(p); return !!v && ctx.skip.has(v); }) ? 'S' : '';
  const express = expressOf(s, ctx.workflowType);
  append(ctx.problems, stateCache(s.propertyNode, s.queryLanguage + skipped + (ctx.servicesKey && `|elsewhere ${ctx.servicesKey}`) + (express === 'machine' ? '|express machine' : express ? `|express map ${JSON.stringify(express.name)}` : ''), ctx.text, () => {
    const own: Ctx = { ...ctx, problems: [] };
    checkState(own, s, express);
    return own.problems;
  }));
}

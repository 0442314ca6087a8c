// Checks the Parameters (JSONPath) or Arguments (JSONata) of SageMaker Task states against the request shape
// of the API they call: unknown and missing keys, JSON types, enums, patterns, lengths, ranges, list and map
// sizes, map keys and values — every constraint the model states, at every depth.
import { SageMakerCode } from './codes';
import { createFindingsCache } from '../core/findingsCache';
import { alternativesOf } from '../core/alternatives';
import { hasPlaceholder } from '../expressions/placeholders';
import { closest, codePointLength, codePointSlice, isObviousMatch, list, quote, thousands } from '../core/text';
import type { AstNode, DocumentLanguage, Problem, Severity } from '../core/types';
import { intendedValue, keyOfValue, propertyNode } from '../core/tree';
import { checkJsonata, jsonataAsJsonPath, jsonataForPathKey, jsonPathAsJsonata, deploysAsString, deploysAsStringText, INTRINSIC_FUNCTIONS, isExpressionError, isJsonata, jsonataAlternatives, judgeDynamicValue, parseDynamicValue, spacedCall, jsonataConstant, knownDynamicString, knownStringOf, literalParts, looksLikePath, expressionErrorSpan, standsForValue, valueSpan, type Call, type ExpressionError, type KnownContext, type KnownString, type PathNode } from '../expressions/index';
import { jsonataResult } from '../expressions/jsonata';
import { checkDocumentedRules } from './documentedRules';
import { isEvaluatedBySageMaker } from './literalJsonPaths';
import { alphabetOf, refusedBeginning, refusedEnding, refusedPart } from './patternAlphabet';
import { describeType, getIntegration, getSdkIntegration, integrationNames, integrationOf, jsonTypeOf, sdkActionNames, type Shape } from './shapes';
import { knownContext, type SageMakerTask } from './tasks';
import { append } from '../core/append';

interface Context {
  problems: Problem[];
  jsonata: boolean;
  /** A standalone request file (a job spec): what is written is sent, so `"X.$"` is a key like any other. */
  literal: boolean;
  text: string;
  /** What the text says of the context the request is evaluated in: the task state's name ($$.State.Name). */
  known: KnownContext;
  /** JSON only: an object or list of the request whose node and stamp are unchanged keeps its findings (`subtrees`). */
  memo: boolean;
}

function problem(ctx: Context, node: { offset: number; length: number }, code: string, message: string, data?: Record<string, unknown>, severity: Severity = 'error') {
  ctx.problems.push({ offset: node.offset, length: node.length, message, severity, source: 'sagemaker', code, data });
}

const article = (t: string) => (/^[aeiou]/.test(t) ? 'an' : 'a');

/** The way out of a `{% %}` in a JSONPath state's request, in words: the state made JSONata, or the JSONPath it reads under `key.$`. */
const sentAsText = (key: unknown, path: string | undefined): string =>
  `this JSONPath state sends it as text (set "QueryLanguage": "JSONata" on the state${path ? `, or write "${key}.$": "${path}"` : typeof key === 'string' ? `, or write a JSONPath under "${key}.$"` : ''})`;
const jsonTypeOfNode = (node: AstNode): string =>
  node.type === 'number' ? (Number.isInteger(node.value) ? 'integer' : 'number') : node.type === 'property' ? 'property' : node.type;

/** A value that is computed at run time (or by a template engine) is not checked against the member's constraints. */
const isDynamic = (ctx: Context, node: AstNode): boolean => node.type === 'string' && standsForValue(node.value as string, ctx.jsonata);

function checkType(ctx: Context, node: AstNode, shape: Shape, label: string): boolean {
  const want = jsonTypeOf(shape);
  const got = jsonTypeOfNode(node);
  const ok =
    want === got ||
    (want === 'number' && got === 'integer') ||
    (want === 'timestamp' && (got === 'string' || got === 'integer' || got === 'number'));
  if (ok) return true;
  // A template's placeholder that deploys as a string (itself, or a value followed for it: no fix to the value mends
  // that); in a JSONata state a dynamic string may be a {% … %} expression, which any member takes.
  const placeholder = ctx.jsonata && isDynamic(ctx, node) ? undefined : deploysAsString(node);
  if (placeholder) {
    problem(ctx, placeholder, SageMakerCode.wrongType, `${label} must be ${article(want)} ${want}, and ${deploysAsStringText(label.split('.').pop()!, placeholder, placeholder === node ? undefined : quote(String(node.value)))}`, { expected: want, got });
    return false;
  }
  if (isDynamic(ctx, node)) return false; // dynamic: right type or not, nothing more to check
  // `"InstanceCount": "{% $states.input.count %}"` in a JSONPath state: sent as that text, a string (ux41: no way out
  // was said). The finding stays the type's; the way out is the JSONata one's.
  const key = node.type === 'string' && !ctx.jsonata && isJsonata(node.value as string) ? keyOfValue(node)?.value : undefined;
  if (key !== undefined) {
    const path = jsonataAsJsonPath(node.value as string);
    problem(ctx, node, SageMakerCode.wrongType, `${label} must be ${article(want)} ${want}, not a string: ${quote(String(node.value))} is a JSONata expression, which only a JSONata state evaluates, and ${sentAsText(key, path)}`, { expected: want, got, ...(path ? { rename: `${key}.$`, path } : {}) });
    return false;
  }
  const replacement = intendedValue(ctx.text, node, want);
  const example = replacement === undefined ? '' : typeof replacement === 'string' ? `: write ${JSON.stringify(replacement)}` : `: write ${replacement} without quotes`;
  const expected = want === 'object' || want === 'array' ? describeType(shape) : want;
  // The quick fix (fixes.ts) writes `replacement`, so it writes what the message advises.
  // A YAML key with nothing after it (`Parameters:`) holds a null of no length: the key is where the user looks.
  const at = node.length === 0 && node.parent?.type === 'property' && node.parent.children?.[0] ? node.parent.children[0] : node;
  // Nothing written after the key is "empty", not "a null" (walk32: jargon).
  const what = at !== node ? `${label} is empty: it must be ${article(expected)} ${expected}` : `${label} must be ${article(expected)} ${expected}, not ${article(got)} ${got}${example}`;
  problem(ctx, at, SageMakerCode.wrongType, what, {
    expected: want,
    got,
    ...(replacement !== undefined && { replacement }),
  });
  return false;
}

/**
 * `evaluatedBySageMaker`: the member's value is a JSONPath that SageMaker itself applies (DataProcessing.InputFilter
 * "$[1:]"), so a `$` there is meant literally, not a forgotten `.$`.
 */
function checkString(ctx: Context, node: AstNode, shape: Shape, label: string, evaluatedBySageMaker = false) {
  const value = node.value as string;
  // An expression begun and not closed ("{% … }"): the structure check says so (INVALID_JSONATA_EXPRESSION); judged as
  // text too, it drew a second, misleading error (walk37: "must match (https|s3)://…").
  if (ctx.jsonata && value.trim().startsWith('{%') && !value.trim().endsWith('%}') && !hasPlaceholder(value)) return;
  if (isDynamic(ctx, node)) {
    if (!(ctx.jsonata && isJsonata(value))) checkLiteralParts(ctx, node, shape, label);
    return;
  }
  // Only a member of a JSONPath state's object can take a `.$` key: a JSONata state has none, an array item no key.
  const key = keyOfValue(node)?.value;
  // In a JSONata state the same path is an expression of $states.input (ux39: "$.output" had no way out there).
  const jsonata = !evaluatedBySageMaker && ctx.jsonata && looksLikePath(value) ? jsonPathAsJsonata(value) : undefined;
  // A JSONata expression in a JSONPath state is not evaluated: SageMaker gets its text (ux40: the pattern's fix made
  // "states-input-jobName" of `{% $states.input.jobName %}`, and a hyperparameter's was not flagged at all).
  const jsonataText = !evaluatedBySageMaker && !ctx.jsonata && isJsonata(value);
  // Its path of names and indexes as the JSONPath this state reads it with, under `X.$` (the fix).
  const jsonPath = jsonataText && typeof key === 'string' ? jsonataAsJsonPath(value) : undefined;
  const pathHint = !evaluatedBySageMaker && !ctx.jsonata && typeof key === 'string' && looksLikePath(value)
    ? `${label} ${quote(value)} looks like a JSONPath: to use the value at that path, write the key as "${key}.$"`
    : jsonata
      ? `${label} ${quote(value)} looks like a JSONPath: in a JSONata state, to use the value at that path, write "${jsonata}"`
      : jsonataText
        ? `${label} ${quote(value)} is a JSONata expression, which only a JSONata state evaluates: ${sentAsText(key, jsonPath)}`
        : '';
  const code = (c: string) => (jsonataText ? SageMakerCode.jsonataInJsonPath : pathHint ? SageMakerCode.pathWithoutDollarSuffix : c);
  const way = jsonata ? { jsonata } : jsonPath ? { rename: `${key}.$`, path: jsonPath } : {};
  // The way out first, where Problems has room for it (walk37: it was cut off after the pattern): what the value
  // breaks as written follows.
  const said = (message: string) => (pathHint ? `${pathHint}. As written, ${message}` : message);
  if (shape.enum) {
    if (!shape.enum.includes(value)) {
      // The one value it is in another case, or the one it is the end of after a dot ("m5.xlarge" is "ml.m5.xlarge";
      // ux39: ml.c5.xlarge and ml.g5.xlarge were offered first, as near by letters).
      const lower = value.toLowerCase();
      const ending = lower.length > 2 ? shape.enum.filter((e) => e.toLowerCase().endsWith(`.${lower}`)) : [];
      const caseMatch = shape.enum.find((e) => e.toLowerCase() === lower) ?? (ending.length === 1 ? ending[0] : undefined);
      const suggestions = caseMatch ? [caseMatch] : closest(value, shape.enum);
      // A long list's first values say nothing once a near one is suggested (walk37: noise after "Did you mean").
      const allowed = shape.enum.length <= 12 ? ` Allowed: ${shape.enum.join(', ')}` : suggestions.length ? '' : ` Allowed: ${shape.enum.length} values of ${shape.name}, e.g. ${shape.enum.slice(0, 4).join(', ')}, …`;
      const hint = suggestions.length ? ` Did you mean ${suggestions.map((s) => JSON.stringify(s)).join(' or ')}?` : '';
      problem(ctx, node, code(SageMakerCode.enumValue), said(`${label} ${quote(value)} is not a valid ${shape.name}.${hint}${allowed}`), { suggestions, caseMatch, ...way });
    }
    return;
  }
  // Lengths in characters (code points), as the model's length trait counts them. UTF-16 units count each at least
  // once and at most twice, so they are counted only where that could decide (most values skip the scan).
  const length = (shape.max !== undefined && value.length > shape.max) || (shape.min !== undefined && value.length < 2 * shape.min) ? codePointLength(value) : value.length;
  if (shape.max !== undefined && length > shape.max) {
    problem(ctx, node, code(SageMakerCode.tooLong), said(`${label} is ${length} characters long; at most ${shape.max} are allowed`), { max: shape.max, ...way });
    return; // a pattern check on an over-long value adds nothing and can be slow
  }
  if (shape.min !== undefined && length < shape.min) {
    // Of the wrong form too ("SageMakerRole" for a RoleArn): the pattern says what the value must be.
    const form = length > 0 && shape.matches && !shape.matches(value) ? `, and it must match ${shape.awsPattern}${shape.patternDescription ? `: ${shape.patternDescription}` : ''}` : '';
    const msg = shape.min === 1 && length === 0 ? `${label} must not be empty` : `${label} is ${length} characters long; at least ${shape.min} are required${form}`;
    problem(ctx, node, code(SageMakerCode.tooShort), said(msg), { min: shape.min, ...way });
    return;
  }
  if (shape.matches && !shape.matches(value)) {
    const words = shape.patternDescription ? `: ${shape.patternDescription}` : '';
    problem(ctx, node, code(SageMakerCode.pattern), said(`${label} ${quote(value)} must match ${shape.awsPattern}${words}`), { pattern: shape.awsPattern, shape: shape.name, ...way });
    return;
  }
  // A value the member takes, that looks like a path: a warning in a JSONPath state, where `.$` was likely forgotten.
  // In a JSONata state nothing looks like a path by mistake (a jq filter in an Environment value is text): only a value
  // refused above gets the JSONata way out.
  if (jsonataText) problem(ctx, node, SageMakerCode.jsonataInJsonPath, pathHint, way, 'warning');
  else if (pathHint && !jsonata) {
    problem(ctx, node, SageMakerCode.pathWithoutDollarSuffix, `${label} ${quote(value)} looks like a JSONPath but is passed literally: to use the value at that path, write the key as "${key}.$"`, undefined, 'warning');
  }
}

/**
 * A string with `${…}` placeholders, judged by the text around them, which every substitution keeps: an error only
 * where no value of the placeholders (the empty string included) can make it valid. That text alone longer than
 * the maximum, or holding a character the pattern allows nowhere (`!Sub churn model ${Stage}`: a space in a job
 * name), reported on the written part that holds it. A name's pattern fix (fixes.ts) mends only the written text,
 * keeping the placeholders; no other rewrite is offered: it would lose them.
 */
function checkLiteralParts(ctx: Context, node: AstNode, shape: Shape, label: string) {
  if (shape.enum || (!shape.max && !shape.pattern)) return;
  const value = node.value as string;
  const parts = literalParts(value);
  const known = parts.reduce((n, p) => n + codePointLength(value.slice(p.start, p.end)), 0);
  const data = { shape: shape.name, placeholders: true };
  if (shape.max !== undefined && known > shape.max) {
    problem(ctx, node, SageMakerCode.tooLong, `${label} is at least ${known} characters long whatever its placeholders stand for; at most ${shape.max} are allowed`, data);
    return;
  }
  const alphabet = shape.pattern && alphabetOf(shape.pattern.source);
  if (!alphabet) return;
  const words = shape.patternDescription ? `: ${shape.patternDescription}` : '';
  // On the written part where it reads as written (no escapes, no YAML folding); on the whole value otherwise.
  const report = (part: { start: number; end: number }, message: string) => {
    const span = valueSpan(ctx.text, node, part.start, part.end);
    const at = span.exact ? span : node;
    ctx.problems.push({ offset: at.offset, length: at.length, message, severity: 'error', source: 'sagemaker', code: SageMakerCode.pattern, data });
  };
  for (const part of parts) {
    const bad = new Set<string>();
    for (const ch of value.slice(part.start, part.end)) if (!alphabet.test(ch)) bad.add(ch);
    if (!bad.size) continue;
    const chars = list([...bad].slice(0, 5).map((c) => JSON.stringify(c)));
    report(part, `${label} ${quote(value)} must match ${shape.awsPattern}${words}; ${chars} ${bad.size === 1 ? 'is' : 'are'} allowed nowhere in it, whatever its placeholders stand for`);
    return;
  }
  // Every character allowed somewhere, but not where it stands (`:user/` where a role ARN has `:role/`).
  const refused = refusedPart(shape.pattern!.source, value, parts);
  if (!refused) return;
  const { text, within } = refusedText(value, parts, refused);
  report(parts[refused.part], `${label} ${quote(value)} must match ${shape.awsPattern}${words}; whatever its placeholders stand for, no value that does has ${quote(text)} where this one has it${within}`);
}

/** The text refusedPart found no value can hold where it stands, and the written part around it when it is less. */
function refusedText(value: string, parts: readonly { start: number; end: number }[], refused: { part: number; length: number }) {
  const written = value.slice(parts[refused.part].start, parts[refused.part].end);
  const text = codePointSlice(written, refused.length);
  return { text, within: text === written ? '' : ` (in ${quote(written)})` };
}

function checkNumber(ctx: Context, node: AstNode, shape: Shape, label: string) {
  const v = node.value as number;
  if (shape.min !== undefined && v < shape.min) problem(ctx, node, SageMakerCode.outOfRange, `${label} must be at least ${shape.min}, not ${v}`, { min: shape.min, max: shape.max });
  else if (shape.max !== undefined && v > shape.max) problem(ctx, node, SageMakerCode.outOfRange, `${label} must be at most ${shape.max}, not ${v}`, { min: shape.min, max: shape.max });
  else if (shape.bits === 32 && (v > INT32_MAX || v < -INT32_MAX - 1)) {
    const bound = v > INT32_MAX ? `at most ${thousands(INT32_MAX)}` : `at least ${thousands(-INT32_MAX - 1)}`;
    problem(ctx, node, SageMakerCode.outOfRange, `${label} must be ${bound}, not ${v}: SageMaker's model makes it a 32-bit integer`, { min: shape.min ?? -INT32_MAX - 1, max: shape.max ?? INT32_MAX });
  } else if (shape.bits === 64 && (v > 2 ** 63 || v < -(2 ** 63) || ((v === 2 ** 63 || v === -(2 ** 63)) && beyondLong(ctx.text.slice(node.offset, node.offset + node.length))))) {
    // A JSON number this large is read as the nearest double, which 2^63 - 1 and 2^63 (and a thousand more) share:
    // at that double, the number as written decides.
    const bound = v > 0 ? `at most ${INT64_MAX}` : "at least -9223372036854775808";
    problem(ctx, node, SageMakerCode.outOfRange, `${label} must be ${bound}: SageMaker's model makes it a 64-bit integer`, { min: shape.min, max: shape.max });
  }
}

/** The largest 32-bit signed integer, Smithy's `integer`. */
const INT32_MAX = 2 ** 31 - 1;
/** The largest 64-bit signed integer, Smithy's `long`, as written (no double holds it). */
const INT64_MAX = '9223372036854775807';

/** Whether a number written as `text` lies outside a 64-bit signed integer: exactly, for an integer written out. */
function beyondLong(text: string): boolean {
  const digits = /^-?[0-9]+$/.test(text) ? text : /^-?[0-9]+\.0*$/.test(text) ? text.slice(0, text.indexOf('.')) : undefined;
  if (digits === undefined) return false;
  const n = BigInt(digits);
  return n > BigInt(INT64_MAX) || n < -BigInt(INT64_MAX) - 1n;
}

/** List and map sizes are reported on the whole member (key and value), or on the value inside a list. */
function checkSize(ctx: Context, ownerKey: AstNode, node: AstNode, shape: Shape, label: string, what: 'items' | 'entries') {
  const at = ownerKey.parent?.type === 'property' && ownerKey.parent.children?.[0] === ownerKey ? ownerKey.parent : node;
  const n = node.children?.length ?? 0;
  const one = what === 'items' ? 'item' : 'entry';
  if (shape.min !== undefined && n < shape.min)
    problem(ctx, at, what === 'items' ? SageMakerCode.tooFewItems : SageMakerCode.tooFewEntries, `${label} has ${n} ${n === 1 ? one : what}; at least ${shape.min} ${shape.min === 1 ? 'is' : 'are'} required`, { min: shape.min });
  else if (shape.max !== undefined && n > shape.max)
    problem(ctx, at, what === 'items' ? SageMakerCode.tooManyItems : SageMakerCode.tooManyEntries, `${label} has ${n} ${what}; at most ${shape.max} ${shape.max === 1 ? 'is' : 'are'} allowed`, { max: shape.max });
}

/** An expression's mistake, placed exactly inside the string node that holds it. */
function expressionProblem(ctx: Context, node: AstNode, err: ExpressionError) {
  ctx.problems.push({ ...expressionErrorSpan(ctx.text, node, err), message: err.message, severity: err.severity ?? 'error', source: 'sagemaker', code: err.code, ...(err.replacement !== undefined ? { data: { replacement: err.replacement } } : {}) });
}

/** The value of a `"X.$"` key: a JSONPath, a context path or an intrinsic function, never checked against X's pattern. */
function checkDynamicKeyValue(ctx: Context, valueNode: AstNode, label: string, shape: Shape | undefined, keyNode: AstNode) {
  if (valueNode.type !== 'string') {
    // The value as written was meant (ux40: "InstanceCount.$": 1 had no fix): the key without its `.$`, preferred
    // where the member takes a value of this type.
    const want = shape && jsonTypeOf(shape);
    const fits = want === valueNode.type || ((want === 'integer' || want === 'number') && valueNode.type === 'number');
    problem(ctx, valueNode, SageMakerCode.wrongType, `${label}.$ must be a string holding a JSONPath or an intrinsic function, not ${article(valueNode.type)} ${valueNode.type}`, { expected: 'string', dropDollar: fits ? 'preferred' : 'offered' });
    return;
  }
  const value = valueNode.value as string;
  if (hasPlaceholder(value)) return;
  const parsed = parseDynamicValue(value);
  if (isExpressionError(parsed)) return expressionProblem(ctx, valueNode, parsed);
  const spaced = spacedCall(value, parsed);
  if (spaced) expressionProblem(ctx, valueNode, spaced);
  const { error, constant: c } = judgeDynamicValue(value, parsed);
  if (error) return expressionProblem(ctx, valueNode, error);
  if (!shape) return;
  if (containerMismatch(ctx, valueNode, value, parsed, shape, label, c)) return;
  // An intrinsic of literals only always gives one number, boolean, list or object (`States.MathAdd(50, 51)`,
  // `States.Array('project', 'churn')` where Tags takes Key/Value objects): judged as that value, a warning. A string
  // one (`States.Base64Encode('churn model')`) is the computed string's whole value.
  if (c && (typeof c.value === 'number' || typeof c.value === 'boolean' || (c.value !== null && typeof c.value === 'object'))) return void checkConstant(ctx, valueNode, shape, keyNode, label, false, c);
  checkComputedString(ctx, valueNode, `${label}.$ = ${quote(value)}`, knownDynamicString(parsed, c, ctx.known), value.includes('$$.Execution.Name'), shape, label);
}

/**
 * What is known of a computed string (a `.$` value, a JSONata expression) against its member: a character it always
 * holds that the pattern allows nowhere; the whole value when the text shows it; else text it always begins or
 * ends with that the pattern refuses there; else a length that may not fit. One finding at most.
 */
function checkComputedString(ctx: Context, node: AstNode, written: string, known: KnownString, executionName: boolean, shape: Shape, label: string) {
  if (shape.kind !== 'string') return;
  if (known.stateName !== undefined) written += ` (the state's name is ${quote(known.stateName)})`;
  if (shape.pattern && neverMatches(ctx, node, known.always, shape, label, written)) return;
  if (known.exact !== undefined) return checkKnownValue(ctx, node, known.exact === known.stateName ? written : `${written} is always ${quote(known.exact)}`, known.exact, shape, label);
  if (shape.pattern && refusedEnds(ctx, node, known, shape, label, written)) return;
  // The text it always holds is already longer than the member allows (`States.Format('a-long-prefix-{}', $.id)`),
  // or that with the UUIDs it holds (36 characters each).
  const held = known.always ? codePointLength(known.always) : 0;
  const least = Math.max(held, known.min ?? 0);
  if (shape.max !== undefined && least > shape.max) {
    problem(ctx, node, SageMakerCode.likelyRuntimeFailure, `${written} is always at least ${least} characters long, ${least > held ? 'the text it always holds with its parts of fixed length (a UUID is 36 characters)' : 'the text it always holds'}; ${label} allows at most ${shape.max}: SageMaker refuses the request when the state runs`, { max: shape.max, bound: least }, 'warning');
    return;
  }
  // Every part of a known length, and all of them together shorter than the member's least (`{% $substring($uuid(),
  // 0, 8) %}` for a 32-character token).
  if (shape.min !== undefined && known.max !== undefined && known.max < shape.min) {
    problem(ctx, node, SageMakerCode.likelyRuntimeFailure, `${written} is at most ${known.max} characters long; ${label} needs at least ${shape.min}: SageMaker refuses the request when the state runs`, { min: shape.min, bound: known.max }, 'warning');
    return;
  }
  checkLengthBound(ctx, node, written, known.max, known.shown, executionName, shape, label);
}

/** Why SageMaker refuses a computed value: its pattern, with the words for it. */
const refusal = (shape: Shape) => `(it must match ${shape.awsPattern}${shape.patternDescription ? `: ${shape.patternDescription}` : ''}): SageMaker refuses the request when the state runs`;

/**
 * A computed value the text shows whole (`$$.State.Name` is the state's own name, `States.Format('{}-train',
 * $$.State.Name)`): judged as a literal would be (checkConstant's way), its first finding a warning (it deploys,
 * and fails when it runs).
 */
function checkKnownValue(ctx: Context, node: AstNode, written: string, value: string, shape: Shape, label: string) {
  const [first] = literalProblems(ctx, node, value, shape, node, label, false);
  if (first) problem(ctx, node, SageMakerCode.likelyRuntimeFailure, `${written}: ${first}; SageMaker refuses the request when the state runs`, undefined, 'warning');
}

/**
 * A computed value that always begins (or ends) with text the member's pattern refuses there
 * (`States.Format('s3//{}/models/', $.bucket)`, `{% 'S3://' & $x %}` for an S3 URI), or holds text where no value
 * can (`States.Format('arn:aws:iam::{}:user/{}', …)` for a role ARN): whatever it reads, SageMaker refuses the
 * request when the state runs. A warning, naming the shortest part of that text no value can have there.
 */
function refusedEnds(ctx: Context, node: AstNode, known: KnownString, shape: Shape, label: string, written: string): boolean {
  const source = shape.pattern!.source;
  const begins = known.prefix && refusedBeginning(source, known.prefix);
  const ends = !begins && known.suffix ? refusedEnding(source, known.suffix) : undefined;
  if (!begins && !ends) {
    const layout = known.layout;
    const refused = layout && refusedPart(source, layout.value, layout.parts);
    if (!refused) return false;
    const { text, within } = refusedText(layout.value, layout.parts, refused);
    problem(ctx, node, SageMakerCode.likelyRuntimeFailure, `${written} always holds ${quote(text)}${within} where no value of ${label} can ${refusal(shape)}`, undefined, 'warning');
    return true;
  }
  const [text, refused, verb] = begins ? [known.prefix!, begins, 'begin'] : [known.suffix!, ends!, 'end'];
  const which = refused === text ? `which no value of ${label} can ${verb} with` : `and no value of ${label} can ${verb} with ${quote(refused)}`;
  problem(ctx, node, SageMakerCode.likelyRuntimeFailure, `${written} always ${verb}s with ${quote(text)}, ${which} ${refusal(shape)}`, undefined, 'warning');
  return true;
}

/**
 * A value that can be statically bounded may not fit. Where even the usual names (an unnamed execution's UUID) make
 * it too long, the job will likely fail to start: a warning. Where only a long name chosen at run time would (nearly
 * every AWS sample's "$$.Execution.Name"), it is worth knowing, no more: information.
 */
function checkLengthBound(ctx: Context, node: AstNode, written: string, bound: number | undefined, shownBound: number | undefined, executionName: boolean, shape: Shape, label: string) {
  if (shape.max === undefined || bound === undefined || bound <= shape.max) return;
  const shown = shownBound ?? bound;
  const data = { max: shape.max, bound, shown };
  if (shown > shape.max) {
    const usual = executionName ? ` (${shown} with the 36-character UUID of an execution started without a name)` : ` (at least ${shown})`;
    problem(ctx, node, SageMakerCode.likelyRuntimeFailure, `${written} can be ${bound} characters long${usual}; ${label} allows at most ${shape.max}, so the job may fail to start`, data, 'warning');
  } else {
    const usual = executionName ? ` (an execution started without a name gets a 36-character UUID: ${shown} characters here)` : '';
    problem(ctx, node, SageMakerCode.likelyRuntimeFailure, `${written} can be up to ${bound} characters long and ${label} allows at most ${shape.max}: it fits when the names it is made of are short enough${usual}`, data, 'information');
  }
}

/**
 * An intrinsic function whose result can never be the member's kind of value: an object (structure or map), a list,
 * a string, a number or a boolean. States.JsonToString gives a string, not the map HyperParameters is; States.Array
 * a list, not the map Environment is; States.Format a string, not the integer KeepAlivePeriodInSeconds is;
 * States.MathRandom a number, not the string a job name is. Step Functions sends it as it is, and SageMaker refuses
 * the request when the state runs, as it refuses the literal "3600" for an integer (wrong-type): a warning. A
 * timestamp takes a string or a number.
 */
function containerMismatch(ctx: Context, node: AstNode, value: string, call: Call | PathNode, shape: Shape, label: string, constant?: { value: unknown }): boolean {
  if (call.kind !== 'call') return false;
  const declared = INTRINSIC_FUNCTIONS.get(call.name)?.result;
  // What a call of literals only always gives tells what a call of any result (States.StringToJson) gives.
  const v = constant?.value;
  const result = declared && declared !== 'any' ? declared
    : Array.isArray(v) ? 'array'
    : v !== null && typeof v === 'object' ? 'object'
    : typeof v === 'string' ? 'string' : typeof v === 'number' ? 'number' : typeof v === 'boolean' ? 'boolean'
    : undefined;
  if (!result) return false;
  return resultMismatch(ctx, node, `${label}.$ = ${quote(value)}`, call.name, result, shape, label);
}

/**
 * The same for a JSONata value whose expression always gives a string, a number or a boolean (`$string(…)`, `&`,
 * `$count(…)`, a comparison: jsonataResult) where the member takes another kind of value. What it is when it reads
 * nothing (undefined) fails the state too. Silent on anything else: a path, a conditional, a block, `$lookup`.
 */
function jsonataContainerMismatch(ctx: Context, node: AstNode, value: string, shape: Shape, label: string): boolean {
  const known = jsonataResult(value);
  return !!known && resultMismatch(ctx, node, `${label} = ${quote(value)}`, known.by, known.result, shape, label);
}

/** What both report: a result of one kind (`by` gives it) where the member takes another; whether it did. */
function resultMismatch(ctx: Context, node: AstNode, written: string, by: string, result: 'string' | 'number' | 'boolean' | 'array' | 'object', shape: Shape, label: string): boolean {
  const wanted = jsonTypeOf(shape);
  if (wanted === 'timestamp' && (result === 'string' || result === 'number')) return false;
  if (result === wanted || (result === 'number' && wanted === 'integer')) return false;
  const type = describeType(shape);
  problem(ctx, node, SageMakerCode.likelyRuntimeFailure, `${written}: ${by} gives ${result === 'object' ? 'an object' : result === 'array' ? 'a list' : `a ${result}`}, and ${label} is ${article(type)} ${type}: SageMaker refuses the request when the state runs`, undefined, 'warning');
  return true;
}

/**
 * A dynamic value whose result always holds a character the member's pattern allows nowhere (`States.Format('train_{}',
 * $$.Execution.Name)` for a job name, `$$.Execution.Id`, an ARN, for a name): whatever it reads, SageMaker refuses the
 * request when the state runs. A warning.
 */
function neverMatches(ctx: Context, node: AstNode, always: string | undefined, shape: Shape, label: string, written: string): boolean {
  const alphabet = always && alphabetOf(shape.pattern!.source);
  if (!alphabet) return false;
  const bad = new Set<string>();
  for (const ch of always) if (!alphabet.test(ch)) bad.add(ch);
  if (!bad.size) return false;
  const chars = list([...bad].slice(0, 5).map((c) => JSON.stringify(c)));
  problem(ctx, node, SageMakerCode.likelyRuntimeFailure, `${written} always holds ${chars}, which ${label} allows nowhere ${refusal(shape)}`, undefined, 'warning');
  return true;
}

interface Entry {
  keyNode: AstNode;
  valueNode: AstNode | undefined;
  key: string;
  dynamic: boolean;
  /** The member the key stands for: the key without `.$`. */
  name: string;
}

/** The entries of an object node. (A plain loop: this runs for every object of every payload.) */
function entries(ctx: Context, node: AstNode): Entry[] {
  const out: Entry[] = [];
  for (const prop of node.children ?? []) {
    const keyNode = prop.children?.[0];
    if (keyNode?.type !== 'string') continue;
    const key = keyNode.value as string;
    // In JSONPath states `"X.$"` takes its value from a path; JSONata states and job specs have no such keys.
    const dynamic = !ctx.jsonata && !ctx.literal && key.endsWith('.$');
    out.push({ keyNode, valueNode: prop.children?.[1], key, dynamic, name: dynamic ? key.slice(0, -2) : key });
  }
  return out;
}

function checkObject(ctx: Context, node: AstNode, shape: Shape, ownerKey: AstNode, label: string) {
  const present = new Set<string>();
  // Required members a misspelt key obviously means: one finding (the key, renamed by its fix), not a second one
  // that the member is missing.
  const misspelt = new Set<string>();
  for (const { keyNode, valueNode, key, dynamic, name } of entries(ctx, node)) {
    const member = shape.members!.get(name);
    if (!member) {
      if (hasPlaceholder(key)) continue;
      // A JSONPath `X.$` key in a JSONata request: no key is evaluated there, so SageMaker gets "X.$" and refuses it;
      // the way out is X with the path as an expression of $states.input (ux39: the fix renamed the key only).
      if (ctx.jsonata && key.endsWith('.$') && key.length > 2 && shape.members!.has(key.slice(0, -2))) {
        const { name: meant, jsonata, instead } = jsonataForPathKey(key, valueNode?.type === 'string' ? valueNode.value : undefined);
        if (shape.required?.includes(meant)) misspelt.add(meant);
        problem(ctx, keyNode, SageMakerCode.unknownKey, `Unknown parameter "${key}" in ${label}: in a JSONata state a key ending in .$ is not a path, and SageMaker gets it as written. Write ${instead}`, { suggestions: [meant], ...(jsonata ? { rename: meant, jsonata } : {}) });
        continue;
      }
      const suggestions = closest(name, shape.members!.keys());
      const meant = suggestions.length && isObviousMatch(name, suggestions) && shape.required?.includes(suggestions[0]) ? suggestions[0] : undefined;
      if (meant) misspelt.add(meant);
      const hint = suggestions.length
        ? ` Did you mean "${suggestions[0]}${dynamic ? '.$' : ''}"${meant ? ' (required)' : ''}?`
        : ` Allowed: ${[...shape.members!.keys()].join(', ')}`;
      problem(ctx, keyNode, SageMakerCode.unknownKey, `Unknown parameter "${key}" in ${label}.${hint}`, { suggestions: suggestions.map((s) => s + (dynamic ? '.$' : '')) });
      continue;
    }
    present.add(name);
    if (member.deprecated) problem(ctx, keyNode, SageMakerCode.deprecated, `${name} is deprecated in the ${shape.name} API`, undefined, 'warning');
    if (!valueNode) continue;
    if (dynamic) checkDynamicKeyValue(ctx, valueNode, name, member.shape, keyNode);
    else checkValue(ctx, valueNode, member.shape, keyNode, name, isEvaluatedBySageMaker(shape.name, name));
  }
  if (shape.union) checkUnion(ctx, node, shape, ownerKey, label, present);
  const missing = (shape.required ?? []).filter((r) => !present.has(r) && !misspelt.has(r));
  if (missing.length) {
    const what = missing.length === 1 ? `parameter ${missing[0]}` : `parameters ${list(missing)}`;
    problem(ctx, ownerKey, SageMakerCode.missingRequired, `${label} is missing the required ${what}`, { missing });
  }
}

/**
 * A union (the model's `union: true`; its documentation says "There must be one and only one config"): exactly one
 * member is sent. Each member after the first is an error where it is written; none at all, on the member that holds
 * it. Not judged while a key is a placeholder (it may name any member).
 */
function checkUnion(ctx: Context, node: AstNode, shape: Shape, ownerKey: AstNode, label: string, present: Set<string>) {
  const all = entries(ctx, node);
  if (all.some(({ key }) => hasPlaceholder(key))) return;
  const members = [...shape.members!.keys()];
  if (!present.size) {
    problem(ctx, ownerKey, SageMakerCode.unionMembers, `${label} is a union: set exactly one of ${list(members)}`, { members });
    return;
  }
  // Each member once (a key written twice is a duplicate key, reported as such).
  const set = all.filter(({ name }, i) => shape.members!.has(name) && all.findIndex((e) => e.name === name) === i);
  for (const extra of set.slice(1)) {
    const end = extra.valueNode ? extra.valueNode.offset + extra.valueNode.length : extra.keyNode.offset + extra.keyNode.length;
    problem(ctx, { offset: extra.keyNode.offset, length: end - extra.keyNode.offset }, SageMakerCode.unionMembers, `${label} is a union: set exactly one of its members, not both ${set[0].name} and ${extra.name}`, { members: set.map(({ name }) => name) });
  }
}

function checkMap(ctx: Context, node: AstNode, shape: Shape, ownerKey: AstNode, label: string) {
  checkSize(ctx, ownerKey, node, shape, label, 'entries');
  for (const { keyNode, valueNode, dynamic, name } of entries(ctx, node)) {
    // The key is a value of the key shape (e.g. HyperParameterKey): check it on a stand-in node without the `.$`.
    if (shape.key && (shape.key.kind === 'string')) checkString(ctx, { ...keyNode, value: name }, shape.key, `${label} key`);
    if (!valueNode) continue;
    if (dynamic) checkDynamicKeyValue(ctx, valueNode, `${label}["${name}"]`, shape.value, keyNode);
    else checkValue(ctx, valueNode, shape.value!, keyNode, `${label} value of "${name}"`);
  }
}

// The findings of an object or list of a request, by its node, relative to it. After an incremental re-parse a
// member the edit did not touch keeps its node and stamp (core/types.ts): a Replace All that changes every
// ResourceConfig re-checks those and the request around them, not the requests' other members. A finding may sit
// just before the node (on its key, or the member around it): at the same distance while the node is the same.
const subtrees = new WeakMap<AstNode, { stamp: number | undefined; shape: Shape; ownerKey: AstNode; label: string; jsonata: boolean; stateName: string | undefined; relative: Problem[] }>();

function checkValue(ctx: Context, node: AstNode, shape: Shape, ownerKey: AstNode, label: string, evaluatedBySageMaker = false) {
  if (!ctx.memo || (node.type !== 'object' && node.type !== 'array')) return checkValueOf(ctx, node, shape, ownerKey, label, evaluatedBySageMaker);
  const base = node.offset;
  const known = subtrees.get(node);
  if (known && known.stamp === node.stamp && known.shape === shape && known.ownerKey === ownerKey && known.label === label && known.jsonata === ctx.jsonata && known.stateName === ctx.known.stateName) {
    for (const p of known.relative) ctx.problems.push({ ...p, offset: p.offset + base });
    return;
  }
  const from = ctx.problems.length;
  checkValueOf(ctx, node, shape, ownerKey, label, evaluatedBySageMaker);
  const relative = ctx.problems.slice(from).map((p) => ({ ...p, offset: p.offset - base }));
  subtrees.set(node, { stamp: node.stamp, shape, ownerKey, label, jsonata: ctx.jsonata, stateName: ctx.known.stateName, relative });
}

/**
 * A constant JSONata scalar checked as the value it always has; what it breaks is a warning (it deploys, and fails when
 * it runs). Whether the value is a constant (then nothing else is known of it).
 */
function checkConstant(ctx: Context, node: AstNode, shape: Shape, ownerKey: AstNode, label: string, evaluatedBySageMaker: boolean, c = jsonataConstant(node.value as string)): boolean {
  const v = c?.value;
  if (!c) return false;
  // An object or a list (`{% [{'ChannelName': 'train', …}] %}`) is named by its kind: its text is the expression.
  const shown = v !== null && typeof v === 'object' ? `the same ${Array.isArray(v) ? 'list' : 'object'}` : JSON.stringify(v);
  for (const message of literalProblems(ctx, node, v, shape, ownerKey, label, evaluatedBySageMaker))
    ctx.problems.push({ offset: node.offset, length: node.length, message: `This expression is always ${shown}: ${message}; the state fails when it runs`, severity: 'warning', source: 'sagemaker', code: SageMakerCode.likelyRuntimeFailure });
  return true;
}

/**
 * `{% cond ? a : b %}` of two literal branches is always a or b: when the member refuses both, the state fails
 * whichever way the condition goes; when it refuses one, it fails each time the condition picks that one (a typo in
 * a branch, walk37). Each a warning. Whether both branches are literals (then nothing else is known).
 */
function checkConditional(ctx: Context, node: AstNode, shape: Shape, ownerKey: AstNode, label: string, evaluatedBySageMaker: boolean): boolean {
  const values = jsonataAlternatives(node.value as string);
  if (!values) return false;
  const found = values.map((v) => literalProblems(ctx, node, v, shape, ownerKey, label, evaluatedBySageMaker));
  const refused = found.map((messages, i) => (messages.length ? i : -1)).filter((i) => i >= 0);
  const message = refused.length === values.length
    ? `This expression is always ${values.map((v) => JSON.stringify(v)).join(' or ')}, and neither is accepted: ${[...new Set(found.map((m) => m[0]))].join('; ')}; the state fails when it runs`
    : refused.length === 1
      ? `When its condition is ${refused[0] === 0 ? 'true' : 'false'}, this expression is ${JSON.stringify(values[refused[0]])}: ${found[refused[0]][0]}; the state fails each time it is`
      : undefined;
  if (message) ctx.problems.push({ offset: node.offset, length: node.length, message, severity: 'warning', source: 'sagemaker', code: SageMakerCode.likelyRuntimeFailure });
  return true;
}

/**
 * What the member says of `v` written as a literal where `node` is: the messages of checkValueOf, nothing reported.
 * An object or list is written out as nodes over `node`'s span (the messages name its members).
 */
function literalProblems(ctx: Context, node: AstNode, v: unknown, shape: Shape, ownerKey: AstNode, label: string, evaluatedBySageMaker: boolean): string[] {
  const at = { offset: node.offset, length: node.length };
  const written = (x: unknown, parent: AstNode | undefined): AstNode => {
    if (x === null || typeof x !== 'object') return { type: x === null ? 'null' : (typeof x as 'string'), value: x, ...at, parent };
    const out: AstNode = { type: Array.isArray(x) ? 'array' : 'object', ...at, parent, children: [] };
    if (Array.isArray(x)) out.children = x.map((item) => written(item, out));
    else
      out.children = Object.entries(x).map(([k, item]) => {
        const property: AstNode = { type: 'property', ...at, parent: out, children: [] };
        property.children = [{ type: 'string', value: k, ...at, parent: property }, written(item, property)];
        return property;
      });
    return out;
  };
  const value = written(v, node.parent);
  // What JSONata gives is sent as it is: a key ending in .$ is a key like any other.
  const own: Context = { ...ctx, problems: [], jsonata: false, literal: true };
  checkValueOf(own, value, shape, ownerKey, label, evaluatedBySageMaker);
  return own.problems.map((p) => p.message);
}

function checkValueOf(ctx: Context, node: AstNode, shape: Shape, ownerKey: AstNode, label: string, evaluatedBySageMaker: boolean) {
  const alternatives = alternativesOf(node);
  if (alternatives) return checkAlternatives(ctx, alternatives, shape, ownerKey, label, evaluatedBySageMaker);
  // A JSONata expression stands for any value: check its syntax, not the member's constraints; but one written of
  // literals only (`{% 'file' %}`) always has the same value, and one the member cannot take fails when it runs.
  if (ctx.jsonata && node.type === 'string' && isJsonata(node.value as string)) {
    const err = checkJsonata(node.value as string);
    if (err) expressionProblem(ctx, node, err);
    else if (!hasPlaceholder(node.value as string)) {
      if (!checkConstant(ctx, node, shape, ownerKey, label, evaluatedBySageMaker) && (checkConditional(ctx, node, shape, ownerKey, label, evaluatedBySageMaker) || jsonataContainerMismatch(ctx, node, node.value as string, shape, label))) return;
      const v = node.value as string;
      const known = shape.kind === 'string' && knownStringOf(v, false, ctx.known);
      if (known) checkComputedString(ctx, node, `${label} = ${quote(v)}`, known, v.includes('$states.context.Execution.Name'), shape, label);
    }
    return;
  }
  if (!checkType(ctx, node, shape, label)) return;
  switch (shape.kind) {
    case 'structure':
      return checkObject(ctx, node, shape, ownerKey, label);
    case 'map':
      return checkMap(ctx, node, shape, ownerKey, label);
    case 'list':
      checkSize(ctx, ownerKey, node, shape, label, 'items');
      (node.children ?? []).forEach((item, i) => checkValue(ctx, item, shape.items!, item, `${label}[${i}]`));
      return;
    case 'string':
      return checkString(ctx, node, shape, label, evaluatedBySageMaker);
    case 'integer':
    case 'number':
      return checkNumber(ctx, node, shape, label);
    case 'timestamp':
      return checkTimestamp(ctx, node, label);
  }
}

/**
 * A template's `!If` of literal branches: each is what may be sent. A branch the member refuses may never be
 * chosen, so only when every branch has an error are they reported, each where it is written.
 */
function checkAlternatives(ctx: Context, alternatives: readonly AstNode[], shape: Shape, ownerKey: AstNode, label: string, evaluatedBySageMaker: boolean) {
  const found = alternatives.map((value) => {
    const own: Context = { ...ctx, problems: [] };
    checkValueOf(own, value, shape, ownerKey, label, evaluatedBySageMaker);
    return own.problems.filter((p) => p.severity === 'error');
  });
  if (found.every((problems) => problems.length)) for (const problems of found) append(ctx.problems, problems.map((p) => ({ ...p, message: `${p.message} (every branch of this Fn::If is refused)` })));
}

// What a timestamp member's string can be: an ISO 8601 date or date-time, or epoch seconds written as a string.
const TIMESTAMP_TEXT = /^(?:\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?|-?\d+(?:\.\d+)?)$/i;

/**
 * A timestamp written as a string that is no date (`"yesterday"`): the request cannot be serialized, so the state fails
 * when it runs. A warning: which string forms the service reads besides ISO 8601 is not documented.
 */
function checkTimestamp(ctx: Context, node: AstNode, label: string) {
  if (node.type !== 'string' || isDynamic(ctx, node) || TIMESTAMP_TEXT.test((node.value as string).trim())) return;
  problem(ctx, node, SageMakerCode.likelyRuntimeFailure, `${label} ${quote(node.value as string)} is not a timestamp: write an ISO 8601 date-time ("2024-01-31T00:00:00Z") or epoch seconds (1706659200); the state fails when it runs`, undefined, 'warning');
}

/**
 * The Resource names an optimized SageMaker integration with a pattern it supports. Step Functions refuses any
 * other `arn:aws:states:::sagemaker:…` when the state machine is created (INVALID_RESOURCE: "The resource provided
 * … is not recognized"), so each is an error. `replacements` are the resources to write instead, for the quick
 * fixes (fixes.ts), `preferred` when the first is the one obvious answer.
 */
function checkResource(ctx: Context, task: SageMakerTask): boolean {
  if (task.sdk) return checkSdkResource(ctx, task);
  const integration = getIntegration(task.api);
  // The resource as written up to the API: arn:<partition>:states:::sagemaker:
  const prefix = task.resource.slice(0, task.resource.indexOf('states:::sagemaker:') + 'states:::sagemaker:'.length);
  const sdkPrefix = prefix.replace(/sagemaker:$/, 'aws-sdk:sagemaker:');
  const sdk = `${sdkPrefix}${task.api}`;
  if (!integration) {
    const near = closest(task.api, integrationNames);
    // One obvious answer is named alone, and preferred.
    const obvious = isObviousMatch(task.api, near);
    const suggestions = obvious ? near.slice(0, 1) : near;
    // A did-you-mean keeps a .sync written when the suggested API supports it.
    const keep = (api: string) => (task.integrationPattern === 'sync' && getIntegration(api)!.supportsSync ? '.sync' : '');
    // The SDK integration is offered where it has this action (stopTrainingJob), not for a typo of a direct one.
    const sdkHasIt = !!getSdkIntegration(task.api);
    const replacements = [...suggestions.map((api) => `${prefix}${api}${keep(api)}`), ...(sdkHasIt ? [sdk] : [])];
    problem(ctx, task.resourceNode, SageMakerCode.unknownIntegration,
      `sagemaker:${task.api} is not one of the SageMaker APIs Step Functions integrates directly, so it refuses this resource when the state machine is created.` +
        `${suggestions.length ? ` Did you mean ${suggestions.map((api) => `sagemaker:${api}${keep(api)}`).join(' or ')}?` : ''}` +
        ` Any other SageMaker API is called through the AWS SDK integration (${sdkHasIt ? sdk : `${sdkPrefix}<action>`}). Direct integrations: ${integrationNames.join(', ')}`,
      { suggestions, replacements, preferred: obvious });
    return false;
  }
  const requestResponse = `${prefix}${task.api}`;
  const sync = integration.supportsSync ? `${prefix}${task.api}.sync` : undefined;
  const instead = `use ${sync ? `sagemaker:${task.api}.sync to wait for the job, or ` : ''}sagemaker:${task.api} (request-response)`;
  if (task.unsupportedSuffix !== undefined) {
    // ".sync:2" meant .sync where there is one; anything else has no obvious answer.
    const meantSync = task.integrationPattern === 'sync' && !!sync;
    problem(ctx, task.resourceNode, SageMakerCode.unsupportedIntegrationPattern,
      `sagemaker:${task.api}${task.unsupportedSuffix} is not an integration pattern SageMaker supports (Step Functions offers request-response${integration.supportsSync ? ' and .sync' : ''} for ${task.api}, nothing else); ${instead}`,
      { replacements: [...(sync ? [sync] : []), requestResponse], preferred: meantSync || !sync });
  } else if (task.integrationPattern === 'waitForTaskToken') {
    problem(ctx, task.resourceNode, SageMakerCode.unsupportedIntegrationPattern, `SageMaker integrations do not support .waitForTaskToken; ${instead}`,
      { replacements: [...(sync ? [sync] : []), requestResponse], preferred: !sync });
  } else if (task.integrationPattern === 'sync' && !sync) {
    problem(ctx, task.resourceNode, SageMakerCode.unsupportedIntegrationPattern, `sagemaker:${task.api} does not support .sync; use sagemaker:${task.api} (request-response)`,
      { replacements: [requestResponse], preferred: true });
  }
  return true;
}

/**
 * An AWS SDK integration's action is one of SageMaker's operations, its name's first letter in lowercase
 * (createPipeline for CreatePipeline). Step Functions refuses any other when the state machine is created: an error,
 * with the close actions as quick fixes.
 */
function checkSdkResource(ctx: Context, task: SageMakerTask): boolean {
  if (getSdkIntegration(task.api)) return true;
  const prefix = task.resource.slice(0, task.resource.indexOf('aws-sdk:sagemaker:') + 'aws-sdk:sagemaker:'.length);
  const suffix = task.integrationPattern === 'waitForTaskToken' ? '.waitForTaskToken' : '';
  const near = closest(task.api, sdkActionNames());
  const obvious = isObviousMatch(task.api, near);
  const suggestions = obvious ? near.slice(0, 1) : near;
  problem(ctx, task.resourceNode, SageMakerCode.unknownIntegration,
    `aws-sdk:sagemaker:${task.api} is not an action of SageMaker's API, so Step Functions refuses this resource when the state machine is created (INVALID_RESOURCE).` +
      `${suggestions.length ? ` Did you mean ${suggestions.map((a) => `aws-sdk:sagemaker:${a}`).join(' or ')}?` : ''} An action is the API operation's name with its first letter in lowercase (createPipeline for CreatePipeline)`,
    { suggestions, replacements: suggestions.map((a) => `${prefix}${a}${suffix}`), preferred: obvious });
  return false;
}

function checkTask(ctx: Context, task: SageMakerTask) {
  if (!checkResource(ctx, task)) return;
  const integration = integrationOf(task)!;
  const request = integration.request;
  const payload = task.payloadProperty;
  const label = `${integration.operation} request`;
  if (!payload) {
    // Valid ASL: without Parameters (Arguments) the request is the state's input, which the text does not show (a
    // Lambda may build it). What cannot be known is not called a problem: information, with the fix that writes a
    // request here. A request with nothing required (ListEndpoints) needs none, and one written in the other
    // language's field (Arguments in a JSONPath state) is the structure check's error, whose fix is the one to take
    // (ux40: fix-all added an empty Parameters beside it).
    if (!request.required?.length || propertyNode(task.state.node, task.payloadKey === 'Parameters' ? 'Arguments' : 'Parameters')) return;
    problem(ctx, task.state.keyNode, SageMakerCode.missingRequired,
      `Task "${task.state.name}" calls ${integration.operation} without ${task.payloadKey}: the request is then the state's input${task.payloadKey === 'Parameters' ? ' (after InputPath)' : ''}, which must carry ${list(request.required ?? [])}; write the request in ${task.payloadKey} to have it checked here`,
      { missing: request.required ?? [], payloadKey: task.payloadKey }, 'information');
    return;
  }
  const [keyNode, valueNode] = payload.children ?? [];
  if (!valueNode || !keyNode) return;
  checkValue(ctx, valueNode, request, keyNode, label);
  // SageMaker's rules between fields that the model states only in its documentation (documentedRules.ts).
  append(ctx.problems, checkDocumentedRules(integration.request, valueNode, ctx.memo, ctx.jsonata));
}

function checkTaskUncached(task: SageMakerTask, text: string, memo = false): Problem[] {
  const ctx: Context = { problems: [], jsonata: task.state.queryLanguage === 'JSONata', literal: !!task.standalone, text, memo, known: knownContext(task) };
  try {
    checkTask(ctx, task);
  } catch (e) {
    // A bug in one check must not take the others (or the server) down.
    ctx.problems.push({ offset: task.state.keyNode.offset, length: task.state.keyNode.length, message: `Internal error while checking this state: ${(e as Error).message}`, severity: 'information', source: 'sagemaker', code: 'internal' });
  }
  return ctx.problems;
}

// Findings per task, keyed by the task's own text (its name and definition: its property node) and query language.
const findingsCache = createFindingsCache();

function checkTaskCached(task: SageMakerTask, text: string): Problem[] {
  const { propertyNode: part, node } = task.state;
  // A standalone job spec's synthetic state (tasks.ts) spans one character, not its text: one task, not cached.
  if (part.offset + part.length < node.offset + node.length) return checkTaskUncached(task, text);
  return findingsCache(task.state.propertyNode, task.state.queryLanguage === 'JSONata' ? 'A' : 'P', text, () => checkTaskUncached(task, text, true));
}

/** Diagnostics for every SageMaker Task state of the document (cached per task in JSON only: see findingsCache.ts). */
export function validateSageMakerTasks(tasks: SageMakerTask[], text: string, language: DocumentLanguage = 'json'): Problem[] {
  return tasks.flatMap((task) => (language === 'json' ? checkTaskCached(task, text) : checkTaskUncached(task, text)));
}


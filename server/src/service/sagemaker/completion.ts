// Completion inside SageMaker payloads: member keys (required first, present ones left out, `.$` variants),
// enum values and booleans. Works in half-typed documents: the location comes from jsonc-parser's scanner (JSON)
// or yaml/completionContext.ts. Items carry their edit in offsets; completion.ts at the service root makes LSP
// TextEdits of them.
import { getLocation, type JSONPath } from 'jsonc-parser';
import { CompletionItemKind, InsertTextFormat, InsertTextMode, MarkupKind } from 'vscode-languageserver-types';
import { eolOf, indentUnit } from '../core/edits';
import { column } from '../core/text';
import { toValue } from '../core/tree';
import { newMemberAfterValue, presentKeys, replaceRange, separatorAfter, withCommaBefore, type NewTask, type OffsetCompletionItem } from '../asl/completion';
import { jsonSiblingKeys } from '../json/siblingKeys';
import type { QueryLanguage } from '../asl/model';
import type { OffsetRange, ParsedDocument } from '../core/types';
import { getYamlCompletionContext, yamlKeyEdit, yamlValueEdit, type YamlLocation } from '../yaml/completionContext';
import { yamlScalar } from '../yaml/edits';
import { choicesOf, jsonSnippet, numberOf, type SnippetShape } from '../core/snippets';
import { blockSiblingKeys, YamlSnippets } from '../yaml/snippets';
import { placeholder } from './fixes';
import { alwaysRefused, excludedBeside, refusedHere, refusedValues, valuePreference } from './documentedRules';
import { describeConstraints, payloadAt, payloadContaining, shapeAt, type PayloadContext } from './payloadLocation';
import { describeType, getIntegration, integrationNames, offeredOrder, sdkActionNames, type Member, type Shape } from './shapes';

function memberDocumentation(member: Member): string {
  const head = `**${member.name}** — ${describeType(member.shape)}${member.required ? ', **required**' : ''}`;
  const constraints = describeConstraints(member.shape);
  return [head, member.doc, constraints.length ? constraints.join(' · ') : undefined].filter(Boolean).join('\n\n');
}


/**
 * What a new training or transform Task starts with (asl/completion.ts's new states and new machine): a request a
 * job runs with as written, beyond the model's few required members (a training job without an image or instances
 * would pass the checks and never run): a name of its own for each execution (a literal one is refused from the
 * second run on), the built-in XGBoost algorithm with the hyperparameters it requires (its documentation:
 * num_round, and an objective), CSV data, one instance, an hour. Each value is an example the user tabs through;
 * a test holds the inserted request to have no finding.
 */
function exampleRequests(jsonata: boolean): Record<string, Record<string, unknown>> {
  /** The name member: `stem-` and a UUID, as the state's query language writes it. */
  const name = (field: string, stem: string) => (jsonata ? { [field]: `{% '${stem}-' & $uuid() %}` } : { [`${field}.$`]: `States.Format('${stem}-{}', States.UUID())` });
  const s3 = (uri: string) => ({ S3DataSource: { S3DataType: 'S3Prefix', S3Uri: uri } });
  return {
    'sagemaker:createTrainingJob': {
      ...name('TrainingJobName', 'my-training-job'),
      RoleArn: 'arn:aws:iam::111122223333:role/SageMakerRole',
      AlgorithmSpecification: { TrainingImage: '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1', TrainingInputMode: 'File' },
      HyperParameters: { objective: 'binary:logistic', num_round: '100' },
      InputDataConfig: [{ ChannelName: 'train', ContentType: 'text/csv', DataSource: s3('s3://my-bucket/train/') }],
      OutputDataConfig: { S3OutputPath: 's3://my-bucket/output/' },
      ResourceConfig: { InstanceType: 'ml.m5.xlarge', InstanceCount: 1, VolumeSizeInGB: 30 },
      StoppingCondition: { MaxRuntimeInSeconds: 3600 },
    },
    'sagemaker:createTransformJob': {
      ...name('TransformJobName', 'my-transform-job'),
      ModelName: 'my-model',
      TransformInput: { DataSource: s3('s3://my-bucket/input/'), ContentType: 'text/csv' },
      TransformOutput: { S3OutputPath: 's3://my-bucket/predictions/' },
      TransformResources: { InstanceType: 'ml.m5.large', InstanceCount: 1 },
    },
  };
}
const EXAMPLES = { JSONPath: exampleRequests(false), JSONata: exampleRequests(true) };

/**
 * The request a new job spec of this integration starts with: the example a new Task gets, its name written out (a
 * job spec is sent as written), else the request's required members to fill in.
 */
export function exampleJobSpec(api: string): Record<string, unknown> | undefined {
  if (api === 'createHyperParameterTuningJob') return tuningJobSpec();
  const example = EXAMPLES.JSONPath[`sagemaker:${api}`];
  // `"TrainingJobName.$": "States.Format('my-training-job-{}', States.UUID())"` → `"TrainingJobName": "my-training-job"`.
  if (example) return Object.fromEntries(Object.entries(example).map(([k, v]) => (k.endsWith('.$') ? [k.slice(0, -2), /'([^'{}]+)-\{\}'/.exec(String(v))?.[1] ?? ''] : [k, v])));
  const request = getIntegration(api)?.request;
  return request?.kind === 'structure' ? (placeholder(request) as Record<string, unknown>) : undefined;
}

/**
 * A tuning job spec to start from (ux43: the required members alone were an empty name, an error at once, and no
 * training job to tune): the example training job tuned over its max_depth, by the built-in XGBoost's own metric.
 */
function tuningJobSpec(): Record<string, unknown> {
  const { HyperParameters, AlgorithmSpecification, RoleArn, InputDataConfig, OutputDataConfig, ResourceConfig, StoppingCondition } = EXAMPLES.JSONPath['sagemaker:createTrainingJob'];
  return {
    HyperParameterTuningJobName: 'my-tuning-job',
    HyperParameterTuningJobConfig: {
      Strategy: 'Bayesian',
      HyperParameterTuningJobObjective: { Type: 'Minimize', MetricName: 'validation:logloss' },
      ResourceLimits: { MaxNumberOfTrainingJobs: 4, MaxParallelTrainingJobs: 2 },
      ParameterRanges: { IntegerParameterRanges: [{ Name: 'max_depth', MinValue: '3', MaxValue: '10' }] },
    },
    TrainingJobDefinition: { AlgorithmSpecification, RoleArn, StaticHyperParameters: HyperParameters, InputDataConfig, OutputDataConfig, ResourceConfig, StoppingCondition },
  };
}

/**
 * The SageMaker Tasks a machine's States may gain (asl/completion.ts's new states): a training and a transform job,
 * `.sync`, each starting with its example request in the state's query language. A new JSON machine may start as
 * the first.
 */
export const newSageMakerTasks: readonly NewTask[] = [
  { kind: 'training', api: 'createTrainingJob', name: 'Train' },
  { kind: 'transform', api: 'createTransformJob', name: 'Transform' },
].map(({ kind, api, name }) => ({
  what: `SageMaker ${kind} job`,
  detail: `a Task that starts a ${kind} job and waits for it`,
  name,
  resource: `arn:aws:states:::sagemaker:${api}.sync`,
  request: (queryLanguage: QueryLanguage) => EXAMPLES[queryLanguage][`sagemaker:${api}`],
}));

/**
 * The Resource ARNs of the SageMaker integrations, `.sync` first where Step Functions offers it, then every action of
 * the AWS SDK integration (asl/completion.ts).
 */
export function sageMakerResources(): string[] {
  return [
    ...integrationNames.flatMap((api) => (getIntegration(api)!.supportsSync ? [`arn:aws:states:::sagemaker:${api}.sync`, `arn:aws:states:::sagemaker:${api}`] : [`arn:aws:states:::sagemaker:${api}`])),
    ...sdkActionNames().map((action) => `arn:aws:states:::aws-sdk:sagemaker:${action}`),
  ];
}

/** The completions at `offset` inside a SageMaker payload (none elsewhere). */
export function sageMakerCompletions(parsed: ParsedDocument, offset: number): OffsetCompletionItem[] {
  if (parsed.language === 'yaml') return completeYaml(parsed, offset);
  if (parsed.language !== 'json') return [];
  const text = parsed.text;
  const ctx = locate(parsed, offset);
  if (!ctx) return [];
  const { location } = ctx;
  const jsonata = ctx.task.state.queryLanguage === 'JSONata';
  const prev = location.previousNode;

  // On a line of its own after a member's value with no comma yet (`}⏎‸`), which the scanner reads as still that
  // value: a new member of the same object (the comma is added, withCommaBefore).
  // (Not in a list, whose new item the value branch below writes: the review of the day found `{…}⏎‸` offered nothing.)
  const afterValue = location.isAtPropertyKey || typeof ctx.relative[ctx.relative.length - 1] === 'number' ? undefined : newMemberAfterValue(text, offset);
  if (location.isAtPropertyKey || afterValue) {
    const step = shapeAt(ctx.integration.request, ctx.relative.slice(0, -1), jsonata);
    if (!step || step.dynamic || step.shape.kind !== 'structure') return [];
    const editing = !afterValue && prev?.type === 'property' && offset > prev.offset && offset <= prev.offset + prev.length ? prev : undefined;
    // Keys already present in this object (but the one being edited) are not offered again.
    const present = presentKeys(findObjectAt(parsed, ctx.payloadPath.concat(ctx.relative.slice(0, -1))), editing?.offset);
    // And those the parser lost after a half-typed key, read from the lines at its indentation.
    for (const k of jsonSiblingKeys(text, offset)) present.add(k);
    const range = afterValue ? afterValue.key : replaceRange(text, offset, editing);
    const endOffset = range.offset + range.length;
    const hasColon = editing ? /^\s*:/.test(text.slice(endOffset, endOffset + 50)) : false;
    const separator = hasColon ? { text: '' } : separatorAfter(text, range.offset, endOffset);
    const items = memberItems(ctx, ctx.relative.slice(0, -1), step.shape, present, jsonata, !jsonata && !ctx.task.standalone, (member, dynamic, written) => {
      const key = dynamic ? `${member.name}.$` : member.name;
      const value = dynamic ? '"\\$.${1}"' : jsonSnippet(written);
      return { range, filterText: `"${key}"`, newText: hasColon ? `"${key}"` : `"${key}": ${value}${separator.text}`, insertTextMode: separator.insertTextMode };
    });
    return withCommaBefore(text, offset, items);
  }

  // A value position: enum values and booleans of the member's shape.
  const step = shapeAt(ctx.integration.request, ctx.relative, jsonata);
  if (!step || step.dynamic) return [];
  const node = prev && (prev.type === 'string' || prev.type === 'boolean' || prev.type === 'number') ? prev : undefined;
  const range = replaceRange(text, offset, node);
  // A new item of a list of objects (`[ {…}, ‸ ]`, or inside an empty `[ ‸ ]`): an object of the item's shape with
  // its required members, as the YAML side writes `- ‸` (ux44: JSON offered nothing there).
  if (step.shape.kind === 'structure' && typeof ctx.relative[ctx.relative.length - 1] === 'number' && !node && !range.length) {
    const separator = separatorAfter(text, offset, offset);
    const item: OffsetCompletionItem = {
      label: '{ } (new item)',
      kind: CompletionItemKind.Snippet,
      detail: describeType(step.shape),
      sortText: '0',
      filterText: '{',
      insertTextFormat: InsertTextFormat.Snippet,
      edit: { ...range, newText: `${jsonSnippet(step.shape)}${separator.text}` },
    };
    if (step.shape.doc) item.documentation = { kind: MarkupKind.Markdown, value: step.shape.doc };
    if (separator.insertTextMode !== undefined) item.insertTextMode = separator.insertTextMode;
    // Right after an item with no comma yet (`[ {…} ‸ ]`): the comma after that item.
    let before = offset;
    while (before > 0 && /\s/.test(text[before - 1])) before--;
    if (before > 0 && text[before - 1] !== '[' && text[before - 1] !== ',') {
      if (before < offset) item.more = [{ offset: before, length: 0, newText: ',' }];
      else item.edit.newText = `, ${item.edit.newText}`;
    }
    return [item];
  }
  return valueItems(step.shape, (value, literal) => {
    const newText = literal ? value : JSON.stringify(value);
    return { range, filterText: newText, newText };
  }, refusedValues(ctx.integration.request, ctx.relative, jsonata));
}


/** The value a new member stands for when its rules are asked about it: what its snippet writes first, a flag set. */
function newMemberValue(shape: Shape, written: SnippetShape): unknown {
  if (shape.kind === 'boolean') return true;
  if ('first' in written && written.first !== undefined) return written.first;
  return placeholder(shape);
}

interface ItemEdit {
  range: OffsetRange;
  newText: string;
  filterText: string;
  insertTextMode?: InsertTextMode;
}

/**
 * The member keys of the structure at `path` (from the request) not yet present, each with its `.$` variant outside
 * JSONata; `edit` writes them. A member SageMaker refuses in every request (read-only, no longer supported: its
 * documented rules) is not offered.
 */
/** `dynamic`: each member is also offered as `Member.$` (a JSONPath state's request; not a JSONata one's, nor a job spec's). */
function memberItems(ctx: PayloadContext, path: JSONPath, shape: Shape, present: Set<string>, jsonata: boolean, dynamic: boolean, edit: (member: Member, dynamic: boolean, written: SnippetShape) => ItemEdit): OffsetCompletionItem[] {
  const request = ctx.integration.request;
  const items: OffsetCompletionItem[] = [];
  const written = preferredValues(ctx, jsonata);
  const payload = ctx.task.payloadProperty?.children?.[1];
  const refused = refusedHere(request, () => (payload ? toValue(payload) : {}), jsonata);
  // A union (the model's `union: true`) with a member set: any other is the server's own union-members Error once
  // accepted, so it is offered last, saying so, as a member a documented rule refuses beside one present (ux44).
  const unionSet = shape.union ? [...shape.members!.keys()].filter((name) => present.has(name)) : [];
  for (const member of shape.members!.values()) {
    if (present.has(member.name) || alwaysRefused(request, [...path, member.name], jsonata)) continue;
    const documentation = { kind: MarkupKind.Markdown, value: memberDocumentation(member) };
    // One SageMaker refuses beside a member already here (InstanceGroups beside InstanceType) is still offered, as
    // the way to the other form, but last and saying so (ux40: it read as any other, then was flagged).
    const instead = unionSet.length ? unionSet : excludedBeside(request, path, member.name, present, jsonata);
    // One a rule refuses as the request stands (MaxWaitTimeInSeconds without Spot training): last too, naming the rule.
    const shown = written([...path, member.name], member.shape);
    const rule = instead.length ? undefined : refused(path, member.name, newMemberValue(member.shape, shown));
    const sort = instead.length || rule ? '2' : `${member.required ? '0' : '1'}${member.deprecated ? '9' : '0'}`;
    const plain = edit(member, false, shown);
    items.push({
      label: member.name,
      kind: CompletionItemKind.Property,
      detail: `${describeType(member.shape)}${member.required ? ' (required)' : ''}${instead.length ? ` (instead of ${instead.join(' and ')}: not with ${instead.length > 1 ? 'them' : 'it'}${unionSet.length ? ', a union holds exactly one member' : ''})` : rule ? ` (refused here: ${rule})` : ''}`,
      documentation,
      sortText: `${sort}${member.name}`,
      filterText: plain.filterText,
      insertTextFormat: InsertTextFormat.Snippet,
      insertTextMode: plain.insertTextMode,
      edit: { ...plain.range, newText: plain.newText },
      tags: member.deprecated ? [1] : undefined,
    });
    if (dynamic) {
      const dollar = edit(member, true, member.shape);
      items.push({
        label: `${member.name}.$`,
        kind: CompletionItemKind.Property,
        detail: `${member.name} from a JSONPath or intrinsic function${instead.length ? ` (instead of ${instead.join(' and ')})` : rule ? ` (refused here: ${rule})` : ''}`,
        documentation,
        sortText: `${sort}${member.name}~`,
        filterText: dollar.filterText,
        insertTextFormat: InsertTextFormat.Snippet,
        edit: { ...dollar.range, newText: dollar.newText },
      });
    }
  }
  for (const item of items) if (item.insertTextMode === undefined) delete item.insertTextMode;
  return items;
}

/**
 * The shape a new member's snippet is written from: a scalar's first value the one the documented rules prefer there
 * (documentedRules.ts valuePreference: no error the server would then report), else as the model gives it.
 */
function preferredValues(ctx: PayloadContext, jsonata: boolean): (relative: JSONPath, shape: Shape) => SnippetShape {
  const payload = ctx.task.payloadProperty?.children?.[1];
  const prefer = valuePreference(ctx.integration.request, () => (payload ? toValue(payload) : {}), jsonata);
  return (relative, shape) => {
    const numeric = shape.kind === 'integer' || shape.kind === 'number';
    const choices = numeric ? [numberOf(shape)] : choicesOf(shape)?.map((v) => (shape.kind === 'boolean' ? v === 'true' : v));
    if (!choices || choices.length < (numeric ? 1 : 2)) return shape;
    const first = prefer(relative, choices, numeric ? { min: shape.min, max: shape.max } : undefined);
    return first === undefined || first === null ? shape : { ...shape, first };
  };
}

/** Enum values or booleans of a value's shape, but those SageMaker refuses at that place (`refused`); `edit` writes them. */
function valueItems(shape: Shape, edit: (value: string, literal: boolean) => ItemEdit, refused: (value: string | boolean) => boolean): OffsetCompletionItem[] {
  if (shape.enum) {
    return offeredOrder(shape.enum).flatMap((value, i) => {
      if (refused(value)) return [];
      const e = edit(value, false);
      return {
        label: value,
        kind: CompletionItemKind.EnumMember,
        detail: shape.name,
        sortText: String(i).padStart(4, '0'),
        filterText: e.filterText,
        edit: { ...e.range, newText: e.newText },
      };
    });
  }
  if (shape.kind === 'boolean') {
    return ['true', 'false'].flatMap((value) => {
      if (refused(value === 'true')) return [];
      const e = edit(value, true);
      const item: OffsetCompletionItem = { label: value, kind: CompletionItemKind.Value, edit: { ...e.range, newText: e.newText } };
      if (e.filterText !== value) item.filterText = e.filterText;
      return item;
    });
  }
  return [];
}

// ---- YAML ----------------------------------------------------------------------------------------------------
// The same members and values as JSON, written as YAML: `Key: ` and a typed placeholder for scalars, a nested
// block (with the required members) for structures and lists, `{ }`/`[ ]` inside flow collections; values plain
// when YAML reads them back the same, quoted otherwise (yamlScalar). The snippets are yaml/snippets.ts's.

function completeYaml(parsed: ParsedDocument, offset: number): OffsetCompletionItem[] {
  const text = parsed.text;
  const ctx = locateYaml(parsed, offset);
  if (!ctx) return [];
  const { location } = ctx;
  const jsonata = ctx.task.state.queryLanguage === 'JSONata';

  if (location.isAtPropertyKey) {
    const step = shapeAt(ctx.integration.request, ctx.relative, jsonata);
    const edit = yamlKeyEdit(text, location, offset);
    if (!step || step.dynamic || !edit) return [];
    const key = location.currentKey!;
    const { range, lead, quote, tail } = edit;
    // Only for the branches that write blocks: reading the document's indentation scans its head.
    const newSnippets = () => new YamlSnippets(eolOf(text), indentUnit(text, 'yaml'), location.flow);
    // The key's own column (a key after `- ` included): nested lines are indented from it.
    const keyColumn = column(text, key.offset);
    if (step.shape.kind === 'list' && !location.flow && !key.length && !location.scalarPath) {
      // An empty line under a list's key: a new item, with the required members of a structure item.
      return [{
        label: '- (new item)',
        kind: CompletionItemKind.Snippet,
        detail: describeType(step.shape),
        sortText: '0',
        filterText: '-',
        insertTextFormat: InsertTextFormat.Snippet,
        insertTextMode: InsertTextMode.asIs,
        edit: { ...range, newText: `${lead}- ${newSnippets().listItem(step.shape.items!, ' '.repeat(keyColumn + 2))}` },
      }];
    }
    if (step.shape.kind !== 'structure') {
      // A bare word alone on its line or after `- `: a scalar value of the item or of the key above.
      if (!location.scalarPath) return [];
      return valueItems(step.shape, (value, literal) => {
        const newText = literal ? value : yamlScalar(value);
        return { range, filterText: quote + value, newText: lead + newText };
      }, refusedValues(ctx.integration.request, ctx.relative, jsonata));
    }
    const present = presentKeys(findObjectAt(parsed, ctx.payloadPath.concat(ctx.relative)), location.before ? undefined : key.offset);
    // A half-typed line can make the parser misread its neighbours (`Inst` + the next line read as one key): the
    // sibling lines at the key's column count too.
    if (!location.flow) for (const k of blockSiblingKeys(text, key.offset)) present.add(k.replace(/\.\$$/, ''));
    const snippets = newSnippets();
    const indent = ' '.repeat(keyColumn + snippets.unit.length);
    return memberItems(ctx, ctx.relative, step.shape, present, jsonata, !jsonata && !ctx.task.standalone, (member, dynamic, shape) => {
      const name = dynamic ? `${member.name}.$` : member.name;
      const written = quote ? `${quote}${name}${quote}` : name;
      if (location.hasColon) return { range, filterText: quote + name, newText: lead + written };
      const value = dynamic ? ' "\\$.${1}"' : snippets.valueAfterKey(shape, indent);
      return { range, filterText: quote + name, newText: `${lead}${written}:${value}${tail}`, insertTextMode: InsertTextMode.asIs };
    });
  }

  // A value after `key:` (or an item of a flow sequence): enum values and booleans.
  const step = shapeAt(ctx.integration.request, ctx.relative, jsonata);
  if (!step || step.dynamic) return [];
  const write = yamlValueEdit(text, location, offset);
  return write ? valueItems(step.shape, write, refusedValues(ctx.integration.request, ctx.relative, jsonata)) : [];
}

/**
 * Where the cursor is in a YAML document, relative to a SageMaker payload: the task, its integration, and the
 * path from the payload to the mapping whose key is typed (at a key) or to the value (at a value).
 */
function locateYaml(parsed: ParsedDocument, offset: number) {
  // Paths are the document's, from its top (a template's embedded machine is a subtree: getNodePath reads up to the top).
  let top = parsed.root;
  while (top?.parent) top = top.parent;
  const location: YamlLocation | undefined = getYamlCompletionContext(parsed.text, offset, top);
  if (!location) return undefined;
  const path = location.isAtPropertyKey ? location.path.slice(0, -1) : location.path;
  const ctx = payloadAt(parsed, path);
  return ctx && { ...ctx, location };
}

/**
 * Where the cursor is inside a SageMaker payload. Scanning only the payload's text keeps this fast in large
 * documents; when the tree does not place the cursor in a payload (a half-typed document), the whole text is scanned.
 */
function locate(parsed: ParsedDocument, offset: number) {
  const inPayload = payloadContaining(parsed, offset);
  if (inPayload) {
    const { value } = inPayload;
    const location = getLocation(parsed.text.slice(value.offset, value.offset + value.length), offset - value.offset);
    const shifted = location.previousNode ? { ...location.previousNode, offset: location.previousNode.offset + value.offset } : undefined;
    return { ...inPayload, relative: location.path, location: { ...location, previousNode: shifted } };
  }
  // A tree without syntax errors places every payload: the cursor is in none (scanning 1 MB cost 10 ms a request).
  if (!parsed.syntaxErrors.length) return undefined;
  const location = getLocation(parsed.text, offset);
  const ctx = payloadAt(parsed, location.path);
  return ctx && { ...ctx, location };
}

function findObjectAt(parsed: ParsedDocument, path: (string | number)[]) {
  let node = parsed.root;
  for (const seg of path) {
    if (!node) return undefined;
    if (node.type === 'object' && typeof seg === 'string') node = node.children?.find((p) => p.children?.[0]?.value === seg)?.children?.[1];
    else if (node.type === 'array' && typeof seg === 'number') node = node.children?.[seg];
    else return undefined;
  }
  return node?.type === 'object' ? node : undefined;
}

// The Task states that call a SageMaker integration: a filter over the state machine model (asl/model.ts), at
// every depth (Parallel branches, Map ItemProcessor/Iterator).
import { modelOf, type AslMachine, type AslState } from '../asl/model';
import { property, propertyNode, stringValue } from '../core/tree';
import { hasPlaceholder } from '../expressions/placeholders';
import { integrationOf } from './shapes';
import type { KnownContext } from '../expressions/index';
import type { AstNode, ParsedDocument } from '../core/types';
import { parseIntegrationArn, type IntegrationArn } from '../asl/integrations';
import type { CheckedElsewhere } from '../asl/validateStructure';

export type IntegrationPattern = 'requestResponse' | 'sync' | 'waitForTaskToken';

export interface SageMakerTask {
  state: AslState;
  resourceNode: AstNode;
  resource: string;
  /** Step Functions' name of the API as written in the ARN, e.g. createTrainingJob. */
  api: string;
  integrationPattern: IntegrationPattern;
  /**
   * What follows the API when it is none of the patterns (".sync:2", ":2"): Step Functions refuses the resource.
   * `integrationPattern` is then the pattern it begins with (".sync:2" reads as .sync), else request-response.
   */
  unsupportedSuffix?: string;
  /** `Parameters` in JSONPath states, `Arguments` in JSONata states. */
  payloadKey: 'Parameters' | 'Arguments';
  /** The `property` node of the payload, when present. */
  payloadProperty: AstNode | undefined;
  /** A standalone request file's stand-in (registerStandaloneTask): its values are what is sent, never a `.$` path. */
  standalone?: true;
  /**
   * Called through the AWS SDK integration (arn:aws:states:::aws-sdk:sagemaker:<action>): `api` is the action as written
   * (createPipeline), its request the operation's (shapes.ts integrationOf); request-response or .waitForTaskToken.
   */
  sdk?: true;
}

// arn:<partition>:states:::sagemaker:<api>[.sync|.waitForTaskToken] (asl/integrations.ts reads it; the partition may
// be a template's ${AWS::Partition}). Any other suffix after `.` or `:` (".sync:2") is read too, to be refused; one
// with a placeholder in it stands for something else and is not a SageMaker task here.
const API = /^[A-Za-z][A-Za-z0-9_-]*$/;

function parseSageMakerResource(read: IntegrationArn): Pick<SageMakerTask, 'api' | 'integrationPattern' | 'unsupportedSuffix'> | undefined {
  if (read.service !== 'sagemaker' || !API.test(read.action)) return undefined;
  const { action: api, suffix } = read;
  if (suffix === '') return { api, integrationPattern: 'requestResponse' };
  if (suffix === '.sync' || suffix === '.waitForTaskToken') return { api, integrationPattern: suffix.slice(1) as IntegrationPattern };
  if (hasPlaceholder(suffix) || suffix.includes('{%')) return undefined;
  const integrationPattern = suffix.startsWith('.sync') ? 'sync' : suffix.startsWith('.waitForTaskToken') ? 'waitForTaskToken' : 'requestResponse';
  return { api, integrationPattern, unsupportedSuffix: suffix };
}

// arn:<partition>:states:::aws-sdk:sagemaker:<action>[.waitForTaskToken]: any SageMaker API through the AWS SDK
// integration. (.sync, which it does not have, is the structure checks' warning: no task here.)
const SDK_ACTION = /^[A-Za-z][A-Za-z0-9]*$/;

function parseSdkResource(read: IntegrationArn): Pick<SageMakerTask, 'api' | 'integrationPattern' | 'sdk'> | undefined {
  if (read.sdkService !== 'sagemaker' || !SDK_ACTION.test(read.action) || (read.suffix !== '' && read.suffix !== '.waitForTaskToken')) return undefined;
  return { api: read.action, integrationPattern: read.suffix ? 'waitForTaskToken' : 'requestResponse', sdk: true };
}

/** The SageMaker task a state is, if it is one. */
export function sageMakerTaskOf(state: AslState): SageMakerTask | undefined {
  if (state.type !== 'Task') return undefined;
  const resourceNode = property(state.node, 'Resource');
  const resource = stringValue(resourceNode);
  const read = parseIntegrationArn(resource);
  const parsed = read && (parseSageMakerResource(read) ?? parseSdkResource(read));
  if (!parsed || !resourceNode || resource === undefined) return undefined;
  const payloadKey = state.queryLanguage === 'JSONata' ? 'Arguments' : 'Parameters';
  return { state, resourceNode, resource, ...parsed, payloadKey, payloadProperty: propertyNode(state.node, payloadKey) };
}

/**
 * The payload value nodes of the SageMaker tasks whose request is known: the SageMaker checks own what is inside
 * them. (A resource no integration or SDK action answers to leaves its payload to the structure checks.)
 */
export function sageMakerPayloads(parsed: ParsedDocument): Set<AstNode> {
  const out = new Set<AstNode>();
  for (const t of tasksOf(parsed)) {
    const value = t.payloadProperty?.children?.[1];
    if (value && integrationOf(t)) out.add(value);
  }
  return out;
}

const SAGEMAKER_SERVICES: ReadonlySet<string> = new Set(['sagemaker']);

/**
 * What the structure checks leave to the SageMaker checks (validation.ts passes it to asl/validateStructure.ts): the
 * payloads above, and every Task of the sagemaker service, optimized or through the AWS SDK integration: its
 * Resource's action and pattern (sagemaker/validation.ts names the integrations) and its request's type.
 */
export const sageMakerCheckedElsewhere = (parsed: ParsedDocument): CheckedElsewhere => ({ payloads: sageMakerPayloads(parsed), services: SAGEMAKER_SERVICES });

// Once per parse, like the model it filters.
const tasks = new WeakMap<ParsedDocument, SageMakerTask[]>();

/** The tasks of a parse if they were listed, without listing them. */
export const knownTasks = (parsed: ParsedDocument): SageMakerTask[] | undefined => tasks.get(parsed);
export const setTasks = (parsed: ParsedDocument, list: SageMakerTask[]) => void tasks.set(parsed, list);

/**
 * A standalone request file (jobSpecs.ts): `view` is one task whose payload is the whole document, so every
 * payload feature (checks, completion, hover, fixes) reads it unchanged. The synthetic state and payload key
 * span the document's first character; the payload's path is the document's own (the root has no parent).
 */
export function registerStandaloneTask(view: ParsedDocument, api: string, operation: string): SageMakerTask | undefined {
  const root = view.root;
  if (!root) return undefined;
  const at = { offset: root.offset, length: Math.min(1, root.length) };
  const keyNode: AstNode = { type: 'string', value: 'Parameters', ...at };
  const payloadProperty: AstNode = { type: 'property', ...at, children: [keyNode, root] };
  const resourceNode: AstNode = { type: 'string', value: `arn:aws:states:::sagemaker:${api}`, ...at };
  const machine: AslMachine = { kind: 'top', node: root, states: [], byName: new Map(), queryLanguage: 'JSONPath', owner: undefined, references: [], start: undefined };
  const state: AslState = {
    name: operation, keyNode: { type: 'string', value: operation, ...at }, propertyNode: payloadProperty, node: root, type: 'Task',
    queryLanguage: 'JSONPath', machine, children: [], targets: [],
  };
  const task: SageMakerTask = { state, resourceNode, resource: resourceNode.value, api, integrationPattern: 'requestResponse', payloadKey: 'Parameters', payloadProperty, standalone: true };
  tasks.set(view, [task]);
  return task;
}

/**
 * What the context object is known to hold in a task's request: `$$.State.Name` is the task state's own name (a state
 * in a Map's or Parallel's branch included), unless the name is a template's placeholder or the state is a standalone
 * request file's stand-in (registerStandaloneTask). The checks and hover read it alike.
 */
export function knownContext(task: SageMakerTask): KnownContext {
  const { name, machine } = task.state;
  return machine.byName.get(name) === task.state && !hasPlaceholder(name) ? { stateName: name } : {};
}

/** The SageMaker tasks of a document, in the model's order. */
export function tasksOf(parsed: ParsedDocument): SageMakerTask[] {
  let found = tasks.get(parsed);
  if (!found) {
    found = [];
    for (const s of modelOf(parsed).states) {
      const t = sageMakerTaskOf(s);
      if (t) found.push(t);
    }
    tasks.set(parsed, found);
  }
  return found;
}

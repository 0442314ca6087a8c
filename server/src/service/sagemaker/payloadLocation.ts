// Where an offset is, relative to the SageMaker payloads of a document: which task, which member, which shape.
// Completion and hover both start here.
import { getNodePath, type JSONPath } from 'jsonc-parser';
import type { AstNode, ParsedDocument } from '../core/types';
import { integrationOf, type Integration, type Member, type Shape } from './shapes';
import { tasksOf, type SageMakerTask } from './tasks';

export interface PayloadContext {
  task: SageMakerTask;
  integration: Integration;
  /** Path of the payload's value node from the document root. */
  payloadPath: JSONPath;
}

/** The SageMaker task whose payload contains `path` (a path from the document root), if any. */
export function payloadAt(parsed: ParsedDocument, path: JSONPath): (PayloadContext & { relative: JSONPath }) | undefined {
  for (const task of tasksOf(parsed)) {
    const value = task.payloadProperty?.children?.[1];
    if (!value) continue;
    const payloadPath = getNodePath(value);
    if (payloadPath.length > path.length || !payloadPath.every((seg, i) => seg === path[i])) continue;
    const integration = integrationOf(task);
    if (!integration) return undefined;
    return { task, integration, payloadPath, relative: path.slice(payloadPath.length) };
  }
  return undefined;
}

// The tasks by their payload's value node and by their state's key node, once per parse: fix-all asks for each
// problem, and a walk over every task per problem made it quadratic.
const indexes = new WeakMap<ParsedDocument, { byPayload: Map<AstNode, SageMakerTask>; byKey: Map<AstNode, SageMakerTask> }>();

function taskIndex(parsed: ParsedDocument) {
  let index = indexes.get(parsed);
  if (!index) {
    index = { byPayload: new Map(), byKey: new Map() };
    for (const task of tasksOf(parsed)) {
      const value = task.payloadProperty?.children?.[1];
      if (value && !index.byPayload.has(value)) index.byPayload.set(value, task);
      if (!index.byKey.has(task.state.keyNode)) index.byKey.set(task.state.keyNode, task);
    }
    indexes.set(parsed, index);
  }
  return index;
}

/** The SageMaker task whose state's key is `keyNode`, if any. */
export function taskNamedBy(parsed: ParsedDocument, keyNode: AstNode): SageMakerTask | undefined {
  return taskIndex(parsed).byKey.get(keyNode);
}

/**
 * The SageMaker payload holding `node` (or being it), with the path from the payload to the node: `payloadAt` for
 * a node of the tree, found by walking up the node's ancestors (its depth) instead of over every task.
 */
export function payloadOf(parsed: ParsedDocument, node: AstNode): (PayloadContext & { relative: JSONPath }) | undefined {
  const { byPayload } = taskIndex(parsed);
  const relative: JSONPath = [];
  // A key stands where its value does (getNodePath gives both the same path).
  const start = node.parent?.type === 'property' && node.parent.children?.[0] === node ? (node.parent.children[1] ?? node) : node;
  for (let n: AstNode | undefined = start; n; n = n.parent) {
    const task = byPayload.get(n);
    if (task) {
      const integration = integrationOf(task);
      return integration ? { task, integration, payloadPath: getNodePath(n), relative: relative.reverse() } : undefined;
    }
    const parent = n.parent;
    if (parent?.type === 'property') relative.push(parent.children![0].value as string);
    else if (parent?.type === 'array') {
      const index = parent.children!.indexOf(n);
      if (index !== -1) relative.push(index);
    }
  }
  return undefined;
}

/** The SageMaker payload whose value contains `offset`, found from the tree without scanning the text. */
export function payloadContaining(parsed: ParsedDocument, offset: number): (PayloadContext & { value: AstNode }) | undefined {
  for (const task of tasksOf(parsed)) {
    const value = task.payloadProperty?.children?.[1];
    if (!value || offset <= value.offset || offset >= value.offset + value.length) continue;
    const integration = integrationOf(task);
    return integration ? { task, integration, payloadPath: getNodePath(value), value } : undefined;
  }
  return undefined;
}

export interface ShapeStep {
  shape: Shape;
  /** The member that led here, for structures' members (not for list items or map values). */
  member?: Member;
  /** The structure that holds `member`. */
  parent?: Shape;
  /** The key was written `X.$`: the value is a path, not a value of the shape. */
  dynamic: boolean;
}

/** Follows a path relative to the payload through the request shape. Undefined when it leaves the shape. */
export function shapeAt(request: Shape, relative: JSONPath, jsonata: boolean): ShapeStep | undefined {
  let step: ShapeStep = { shape: request, dynamic: false };
  for (const seg of relative) {
    if (step.dynamic) return undefined;
    const shape = step.shape;
    if (shape.kind === 'structure' && typeof seg === 'string') {
      const dynamic = !jsonata && seg.endsWith('.$');
      const member = shape.members!.get(dynamic ? seg.slice(0, -2) : seg);
      if (!member) return undefined;
      step = { shape: member.shape, member, parent: shape, dynamic };
    } else if (shape.kind === 'list' && typeof seg === 'number') {
      step = { shape: shape.items!, dynamic: false };
    } else if (shape.kind === 'map' && typeof seg === 'string') {
      step = { shape: shape.value!, dynamic: !jsonata && seg.endsWith('.$') };
    } else return undefined;
  }
  return step;
}

/** The page of the API reference that documents a member: the request page for top-level members. */
export function referenceLink(integration: Integration, member: Member | undefined, parent: Shape | undefined): string | undefined {
  if (!member || !parent) return integration.apiReference;
  if (parent === integration.request) return `${integration.apiReference}#sagemaker-${integration.operation}-request-${member.name}`;
  return `https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_${parent.name}.html#sagemaker-Type-${parent.name}-${member.name}`;
}

/** The constraints of a shape in one line, as the API reference states them. */
export function describeConstraints(shape: Shape): string[] {
  const out: string[] = [];
  const range = (what: string) =>
    shape.min !== undefined && shape.max !== undefined
      ? `${what} ${shape.min}–${shape.max}`
      : shape.min !== undefined
        ? `${what} at least ${shape.min}`
        : shape.max !== undefined
          ? `${what} at most ${shape.max}`
          : undefined;
  const r =
    shape.kind === 'string' ? range('Length') : shape.kind === 'list' ? range('Items') : shape.kind === 'map' ? range('Entries') : shape.kind === 'integer' || shape.kind === 'number' ? range('Range') : undefined;
  if (r && !shape.enum) out.push(r);
  if (shape.awsPattern && shape.awsPattern !== '.*') out.push(`Pattern: \`${shape.awsPattern}\`${shape.patternDescription ? ` (${shape.patternDescription})` : ''}`);
  if (shape.enum) out.push(`${shape.enum.length} allowed values${shape.enum.length <= 12 ? ': ' + shape.enum.map((e) => `\`${e}\``).join(', ') : ''}`);
  return out;
}

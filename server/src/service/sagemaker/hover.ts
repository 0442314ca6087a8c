// Hover on keys and values inside SageMaker payloads (the member's documentation, type, required or not,
// constraints, a link to the API reference) and on a SageMaker Resource (the API's documentation).
import { findNodeAtOffset, getNodePath } from 'jsonc-parser';
import type { OffsetRange, ParsedDocument } from '../core/types';
import { describeConstraints, payloadAt, referenceLink, shapeAt } from './payloadLocation';
import { describeType, getIntegration } from './shapes';
import { tasksOf } from './tasks';

/** What a hover shows (Markdown) and the span it is about. */
export interface HoverText {
  markdown: string;
  range: OffsetRange;
}

const span = (n: OffsetRange): OffsetRange => ({ offset: n.offset, length: n.length });

export function sageMakerHover(parsed: ParsedDocument, offset: number): HoverText | null {
  const node = findNodeAtOffset(parsed.root!, offset, true);
  if (!node || !parsed.root) return null;

  // The Resource of a SageMaker task: what the API does.
  for (const task of tasksOf(parsed)) {
    if (task.resourceNode === node) {
      const integration = getIntegration(task.api);
      if (!integration) return null;
      const doc0 = integration.request.doc ?? '';
      const pattern = { requestResponse: 'request-response: the state ends when SageMaker accepts the request', sync: '.sync: the state waits until the job completes', waitForTaskToken: '.waitForTaskToken: not supported by SageMaker' }[task.integrationPattern];
      return {
        markdown: [`**SageMaker ${integration.operation}** (${pattern})`, doc0, `[${integration.operation} API reference](${integration.apiReference})`].filter(Boolean).join('\n\n'),
        range: span(node),
      };
    }
  }

  const isKey = node.parent?.type === 'property' && node.parent.children?.[0] === node;
  const valueNode = isKey ? node.parent!.children?.[1] : node;
  const path = isKey ? (valueNode ? getNodePath(valueNode) : [...getNodePath(node.parent!.parent!), node.value as string]) : getNodePath(node);
  const ctx = payloadAt(parsed, path);
  if (!ctx || ctx.relative.length === 0) return null;
  const step = shapeAt(ctx.integration.request, ctx.relative, ctx.task.state.queryLanguage === 'JSONata');
  if (!step) return null;
  const member = step.member;
  const shape = step.shape;
  const parts: string[] = [];
  const name = member?.name ?? String(ctx.relative[ctx.relative.length - 1]);
  parts.push(`**${name}**${step.dynamic ? ' (from a JSONPath, `.$`)' : ''} — ${describeType(shape)}${member ? (member.required ? ', **required**' : ', optional') : ''}${member?.deprecated ? ', deprecated' : ''}`);
  if (!isKey && shape.enum && node.type === 'string' && shape.enum.includes(node.value as string)) {
    parts.push(`\`${node.value}\` is one of ${shape.enum.length} values of ${shape.name}.`);
  }
  const docText = member?.doc ?? shape.doc;
  if (docText) parts.push(docText);
  const constraints = describeConstraints(shape);
  if (constraints.length) parts.push(constraints.join(' · '));
  const link = referenceLink(ctx.integration, member, step.parent);
  if (link) parts.push(`[${ctx.integration.operation} API reference](${link})`);
  return { markdown: parts.join('\n\n'), range: span(node) };
}

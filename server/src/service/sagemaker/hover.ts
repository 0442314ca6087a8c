// Hover on keys and values inside SageMaker payloads (the member's documentation, type, required or not,
// constraints, a link to the API reference) and on a SageMaker Resource (the API's documentation).
import { getNodePath } from 'jsonc-parser';
import { nodeAt } from '../core/tree';
import type { AstNode, OffsetRange, ParsedDocument } from '../core/types';
import { knownStringOf, type KnownContext } from '../expressions/index';
import { documentedRulesAt } from './documentedRules';
import { describeConstraints, payloadAt, referenceLink, shapeAt } from './payloadLocation';
import { describeType, integrationOf, type Shape } from './shapes';
import { knownContext, tasksOf } from './tasks';
import { markdownText } from '../core/text';
import { ruleCheck } from '../../../../schemas/ruleText.mjs';

/** An item of a list by its list's name and index, `InputDataConfig[1]` (ux44: `**1**` read like a value). */
function itemName(path: readonly (string | number)[]): string {
  let i = path.length;
  while (i > 0 && typeof path[i - 1] === 'number') i--;
  const list = i > 0 ? String(path[i - 1]).replace(/\.\$$/, '') : '';
  return `${list}${path.slice(i).map((n) => `[${n}]`).join('')}`;
}

/** What a hover shows (Markdown) and the span it is about. */
export interface HoverText {
  markdown: string;
  range: OffsetRange;
}

const span = (n: OffsetRange): OffsetRange => ({ offset: n.offset, length: n.length });

export function sageMakerHover(parsed: ParsedDocument, offset: number, at?: AstNode): HoverText | null {
  const node = at ?? nodeAt(parsed.root, offset);
  if (!node) return null;

  // The Resource of a SageMaker task: what the API does.
  for (const task of tasksOf(parsed)) {
    if (task.resourceNode === node) {
      const integration = integrationOf(task);
      if (!integration) return null;
      const doc0 = integration.request.doc ?? '';
      const pattern = task.sdk
        ? `AWS SDK integration, ${task.integrationPattern === 'waitForTaskToken' ? '.waitForTaskToken: the state waits until a task token is sent back' : 'request-response: the state ends when the call returns'}`
        : task.unsupportedSuffix !== undefined ? `${task.unsupportedSuffix}: not an integration pattern of SageMaker` : { requestResponse: 'request-response: the state ends when SageMaker accepts the request', sync: '.sync: the state waits until the job completes', waitForTaskToken: '.waitForTaskToken: not supported by SageMaker' }[task.integrationPattern];
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
  // A map's key is its own name; written `epochs.$` it reads as `epochs`, as a member's does (ux42).
  const key = String(ctx.relative[ctx.relative.length - 1]);
  const name = member?.name ?? (step.dynamic && key.endsWith('.$') ? key.slice(0, -2) : typeof ctx.relative[ctx.relative.length - 1] === 'number' ? itemName(ctx.relative) : key);
  parts.push(`**${markdownText(name)}**${step.dynamic ? ' (from a JSONPath, `.$`)' : ''} — ${describeType(shape)}${member ? (member.required ? ', **required**' : ', optional') : ''}${member?.deprecated ? ', deprecated' : ''}`);
  if (!isKey && shape.enum && node.type === 'string' && shape.enum.includes(node.value as string)) {
    parts.push(`\`${node.value}\` is one of ${shape.enum.length} values of ${shape.name}.`);
  }
  // A union (the model's `union: true`) and its members say so: the check (union-members) takes exactly one (ux44).
  if (shape.union && shape.members) parts.push(`A union: exactly one member is set, one of ${[...shape.members.keys()].map((k) => `\`${k}\``).join(', ')}.`);
  if (member && step.parent?.union) parts.push(`A member of the union ${markdownText(step.parent.name)}: exactly one of its members is set.`);
  const docText = member?.doc ?? shape.doc;
  if (docText) parts.push(docText);
  const constraints = describeConstraints(shape);
  if (constraints.length) parts.push(constraints.join(' · '));
  const length = valueNode && step.dynamic ? lengthNote(valueNode, name, shape, knownContext(ctx.task)) : undefined;
  if (length) parts.push(length);
  const rules = documentedRulesAt(ctx.integration.request, ctx.relative, ctx.task.state.queryLanguage === 'JSONata');
  // Several rules may rest on one sentence (a when and its default, one sentence per kind of member): quoted once.
  // The sentences about this member come first; those about others that name it (VolumeKmsKeyId's rule on the instance
  // type) say so in their heading, since a reader of InstanceType's hover would otherwise take them for its own.
  // Each sentence with what is checked on it (ux40, walk40: a sentence that only describes a member read as a rule of
  // its own), and the page that states it where the rule rests on one.
  const quotesOf = (own: boolean) => {
    const checks = new Map<string, Set<string>>();
    for (const r of rules.filter((r) => (r.source.member === member?.name && r.source.shape === step.parent?.name) === own)) {
      const sentence = `${r.source.quote} — *${r.source.shape}${r.source.member ? '.' + r.source.member : ''}*${(r.pages ?? []).map((p) => ` ${p.title}: "${p.quote}"`).join('')}`;
      // A warning's check is said as one: what it flags may still run (ux41: `1 ≤ MaxPayloadInMB` read as absolute,
      // where 0 is for containers that take chunked encoding).
      // What would make it right after all, and SageMaker's own answer where that is what the rule rests on (ux41: the
      // sentence on ManagedInstanceScaling only describes it).
      const check = `\`${ruleCheck(r)}\`${r.severity === 'warning' ? ' (a warning)' : ''}${r.unless ? `, unless ${r.unless}` : ''}${r.refusal ? ` (SageMaker answers "${r.refusal.quote}", reported in ${r.refusal.reported})` : ''}`;
      (checks.get(sentence) ?? checks.set(sentence, new Set()).get(sentence)!).add(check);
    }
    return [...checks].map(([sentence, what]) => `> ${[...what].join('; ')}: ${sentence}`);
  };
  const own = quotesOf(true), others = quotesOf(false);
  if (own.length) parts.push(`SageMaker's documentation adds (checked here):\n\n${own.join('\n>\n')}`);
  if (others.length) parts.push(`SageMaker's documentation adds, on members whose rules involve ${markdownText(name)} (checked here):\n\n${others.join('\n>\n')}`);
  const link = referenceLink(ctx.integration, member, step.parent);
  if (link) parts.push(`[${ctx.integration.operation} API reference](${link})`);
  return { markdown: parts.join('\n\n'), range: span(node) };
}

/**
 * Why a length finding on a `.$` value is information or a warning: the longest value the expression can produce
 * against the length the text shows with the usual names (an execution started without a name gets a UUID).
 */
function lengthNote(valueNode: AstNode, name: string, shape: Shape, known: KnownContext): string | undefined {
  if (valueNode.type !== 'string' || shape.kind !== 'string' || shape.max === undefined) return undefined;
  const value = valueNode.value as string;
  const { max: bound, shown: showsAs } = knownStringOf(value, true, known) ?? {};
  if (bound === undefined || bound <= shape.max) return undefined;
  const shown = showsAs ?? bound;
  const execution = value.includes('$$.Execution.Name');
  const once = value.split('$$.Execution.Name').length === 2;
  const lines = [
    `**Length.** This value can be up to ${bound} characters long: execution, state machine and state names may have up to 80. ${name} allows at most ${shape.max}.`,
    execution
      ? `An execution started without a name (the console's and most AWS samples' default) is named by a 36-character UUID, which makes this value ${shown} characters long: ${shown <= shape.max ? `it fits. Only ${once ? `an execution given a name longer than ${shape.max - (shown - 36)} characters` : 'a long execution name'} at StartExecution would make the job fail to start` : `too long, so the job fails to start even then`}.`
      : shown <= shape.max ? `It fits when the names it is made of are short enough.` : `Even with one-character names it is ${shown} characters long, so the job fails to start.`,
  ];
  return lines.join(' ');
}


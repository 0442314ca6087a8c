// CloudFormation intrinsic functions inside an embedded state machine, read the way the deployed definition will
// be: a `!Sub` / `Fn::Sub` string is a string with `${…}` placeholders (so `Resource: !Sub arn:${AWS::Partition}:…`
// is a SageMaker task and `!Sub churn model ${Stage}` still a job name with spaces); every other intrinsic
// (`!Ref`, `!GetAtt`, `Fn::Join`, `!If`, …) is a value known only at deployment: a placeholder string over the
// same span, which every check already treats like a `.$` value. Done once per parse, in place, iteratively.
import { setAlternatives } from '../core/alternatives';
import { Code } from '../core/codes';
import { markRewritten } from '../core/findingsCache';
import type { AstNode, Problem } from '../core/types';

/**
 * CloudFormation's short-form tags: the YAML forms of its intrinsic and condition functions (the CloudFormation
 * User Guide's "Intrinsic function reference"; `!Length` and `!ToJsonString` with the AWS::LanguageExtensions
 * transform). Any other local tag (`!Foo`) is no intrinsic: unknownTagWarning.
 */
export const CLOUDFORMATION_TAGS: ReadonlySet<string> = new Set([
  '!Ref', '!Condition', '!Sub', '!GetAtt', '!Join', '!Select', '!Split', '!If', '!Equals', '!And', '!Or', '!Not',
  '!FindInMap', '!ImportValue', '!Base64', '!Cidr', '!GetAZs', '!Transform', '!Length', '!ToJsonString',
]);

/** The long form of a short tag (`!Ref` → Ref, `!GetAtt` → Fn::GetAtt); undefined for tags that are not intrinsics. */
function intrinsicOfTag(tag: string | undefined): string | undefined {
  if (!tag || !CLOUDFORMATION_TAGS.has(tag)) return undefined;
  const name = tag.slice(1);
  return name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`;
}

/**
 * A local tag that is neither CloudFormation's nor YAML's own (`!!str` and the like are resolved by the parser and
 * never kept), such as `!Foo`: nothing that deploys the file gives it a meaning, and what its value stands for is
 * not known. `!` alone (YAML's non-specific tag: the value as written) is not one.
 */
const isUnknownTag = (tag: string | undefined): tag is string => !!tag && tag !== '!' && !CLOUDFORMATION_TAGS.has(tag);

/** The placeholder name a Sub would write for a reference (`!Ref X`: X, `!GetAtt A.B` or `[A, B]`: A.B), else undefined. */
export function referenceName(name: string, arg: AstNode | undefined): string | undefined {
  if (name === 'Ref') return arg?.type === 'string' ? String(arg.value) : undefined;
  if (name !== 'Fn::GetAtt') return undefined;
  if (arg?.type === 'string') return String(arg.value);
  const parts = arg?.type === 'array' ? (arg.children ?? []) : [];
  return parts.length === 2 && parts.every((p) => p.type === 'string') ? `${parts[0].value}.${parts[1].value}` : undefined;
}

/** The long form `{ "Ref": … }` / `{ "Fn::X": … }`: an object of exactly that one member. */
function intrinsicOfObject(node: AstNode): { name: string; arg: AstNode | undefined } | undefined {
  if (node.type !== 'object' || node.children?.length !== 1) return undefined;
  const [key, arg] = node.children[0].children ?? [];
  const name = key?.value;
  if (typeof name !== 'string' || !(name === 'Ref' || name.startsWith('Fn::'))) return undefined;
  return { name, arg };
}

/** The intrinsic a node is (`{ "Ref": … }` / `{ "Fn::X": … }`, or a YAML tag such as `!Ref`, `!Sub`), with its argument. */
export function intrinsicAt(node: AstNode): { name: string; arg: AstNode | undefined } | undefined {
  const tagged = intrinsicOfTag(node.tag);
  return tagged ? { name: tagged, arg: node } : intrinsicOfObject(node);
}

/** A Join's argument `[delimiter, [items…]]`: its delimiter node and its items; undefined when it is not of that shape. */
export function joinParts(arg: AstNode | undefined): { delimiter: AstNode & { value: string }; items: AstNode[] } | undefined {
  const [delimiter, list] = arg?.type === 'array' ? (arg.children ?? []) : [];
  if (delimiter?.type !== 'string' || list?.type !== 'array') return undefined;
  return { delimiter: delimiter as AstNode & { value: string }, items: list.children ?? [] };
}

/** The string a Sub stands for: its argument, or the first item of `[string, { variables }]`. */
export function subString(arg: AstNode | undefined): AstNode | undefined {
  if (arg?.type === 'string') return arg;
  if (arg?.type === 'array' && arg.children?.[0]?.type === 'string') return arg.children[0];
  return undefined;
}

// The intrinsic each placeholder of replacementOf stands for: Validate with AWS (awsDiagnostics.ts) asks a value
// for a `!Ref X` as `${X}` and a `!GetAtt A.B` as `${A.B}`, the names a Sub would write.
const standsFor = new WeakMap<AstNode, { name: string; arg: AstNode | undefined }>();

/** The intrinsic (its long name and argument node) a placeholder string made by resolveIntrinsics stands for. */
export const intrinsicOf = (node: AstNode) => standsFor.get(node);

// The strings that were a Sub's: kept by node, as a JSON tree is re-parsed in place (json/incrementalParse.ts) and
// an unchanged Sub string is then no longer found as one by the next resolveIntrinsics.
const subStrings = new WeakSet<AstNode>();

/** Whether a string node was a `!Sub` / `Fn::Sub` (CloudFormation replaces its `${…}` before the definition's own). */
export const isSubString = (node: AstNode) => subStrings.has(node);

// Of those, the strings a Join of references was read as (their `${…}` are the references, as a Sub would write them).
const joinStrings = new WeakSet<AstNode>();

/** Whether a string node is what a Join of text and references reads as, not a Sub the template writes. */
export const isJoinString = (node: AstNode) => joinStrings.has(node);

// A Sub string's own variables (`!Sub [string, { Var: value }]`), which CloudFormation replaces before anything else.
const subVariables = new WeakMap<AstNode, AstNode>();

/** The variables map of the Sub a string node was, if it was written with one. */
export const subVariablesOf = (node: AstNode) => subVariables.get(node);

// The strings of the Subs whose variables are not a map written out (`!Sub [string, !If …]`): which names they give is not known.
const subVariablesUnwritten = new WeakSet<AstNode>();

/** Whether the Sub a string node was has variables whose names are not written out (an intrinsic, not a map). */
export const subVariablesUnknown = (node: AstNode) => subVariablesUnwritten.has(node);

/** Whether a Sub's list form (`[string, variables]`) gives variables whose names are not written out. */
export function variablesUnknown(arg: AstNode | undefined): boolean {
  const second = arg?.type === 'array' ? arg.children?.[1] : undefined;
  return !!second && (second.type !== 'object' || !!second.tag || !!intrinsicAt(second));
}

/** What an intrinsic is replaced with: the Sub string (untagged), or a placeholder over the intrinsic's span. */
function replacementOf(node: AstNode, name: string, arg: AstNode | undefined, start: number): AstNode {
  const sub = name === 'Fn::Sub' ? subString(arg) : undefined;
  if (sub) {
    if (sub === node) delete node.tag;
    subStrings.add(sub);
    const variables = arg?.type === 'array' && arg.children?.[1]?.type === 'object' ? arg.children[1] : undefined;
    if (variables) subVariables.set(sub, variables);
    if (variablesUnknown(arg)) subVariablesUnwritten.add(sub);
    return sub;
  }
  const joined = name === 'Fn::Join' ? joinString(arg, node, start) : undefined;
  if (joined) {
    subStrings.add(joined);
    joinStrings.add(joined);
    return joined;
  }
  const placeholder: AstNode = { type: 'string', value: `\${${name}}`, offset: start, length: node.offset + node.length - start };
  standsFor.set(placeholder, { name, arg });
  // `!If [Cond, a, b]` of two literal scalars deploys as a or b: both are known.
  const branches = name === 'Fn::If' && arg?.type === 'array' && arg.children?.length === 3 ? arg.children.slice(1) : [];
  if (branches.length && branches.every((b) => (b.type === 'string' || b.type === 'number' || b.type === 'boolean') && !intrinsicAt(b))) setAlternatives(placeholder, branches);
  return placeholder;
}

/**
 * A Join of strings, numbers and references (`!Join ['', ['arn:', !Ref AWS::Partition, ':states:::…']]`, a
 * partition-aware Resource): the string it gives, each reference as the placeholder a Sub would write
 * (`${AWS::Partition}`), read as a Sub's string is; undefined when a piece computes a value (a Join, !If, !Select…).
 */
function joinString(arg: AstNode | undefined, node: AstNode, start: number): AstNode | undefined {
  const join = joinParts(arg);
  if (!join) return undefined;
  const parts: string[] = [];
  for (const item of join.items) {
    const intrinsic = intrinsicAt(item);
    const ref = intrinsic && referenceName(intrinsic.name, intrinsic.arg);
    if (ref !== undefined) parts.push(`\${${ref}}`);
    else if (!intrinsic && (item.type === 'string' || item.type === 'number')) parts.push(String(item.value));
    else return undefined;
  }
  return { type: 'string', value: parts.join(join.delimiter.value), offset: start, length: node.offset + node.length - start };
}

/**
 * Replaces the intrinsics under `root` (not `root` itself) as described above, in place. `tagsOnly`: only those
 * written as YAML short tags (a standalone YAML state machine, where `{ Ref: X }` is an object like any other but
 * `!Ref X` can only be CloudFormation's, as in a definition pasted from a template or a DefinitionUri file). Returns the strings that
 * were a Sub's, each with its variable map (`[string, { Var: value }]`) if any, for substitutions to be followed.
 */
export function resolveIntrinsics(root: AstNode, text: string, { tagsOnly = false, warnings }: { tagsOnly?: boolean; warnings?: Problem[] } = {}): Map<AstNode, AstNode | undefined> {
  const subs = new Map<AstNode, AstNode | undefined>();
  const stack: AstNode[] = [root];
  const warned = new Set<number>();
  while (stack.length) {
    const node = stack.pop()!;
    for (let i = 0; i < (node.children?.length ?? 0); i++) {
      const child = node.children![i];
      // A tag nothing gives a meaning to (`Type: !Foo Tusk`): a value not known, as an intrinsic's, and a warning.
      const unknown = isUnknownTag(child.tag) ? child.tag : undefined;
      const intrinsic = unknown
        ? { name: unknown, arg: child }
        : tagsOnly ? (intrinsicOfTag(child.tag) ? { name: intrinsicOfTag(child.tag)!, arg: child } : undefined) : intrinsicAt(child);
      if (!intrinsic) {
        stack.push(child);
        continue;
      }
      const { name, arg } = intrinsic;
      // A short tag's span starts at the tag (the yaml package's range starts after it).
      // (Looked for in the 200 characters before: an alias's copy is placed at the alias, with no tag written there.)
      const from = Math.max(0, child.offset - 200);
      const tagAt = arg === child ? text.slice(from, child.offset).lastIndexOf(child.tag!) : -1;
      const start = tagAt >= 0 ? from + tagAt : child.offset;
      if (unknown && warnings && !warned.has(start)) {
        warned.add(start);
        warnings.push({
          offset: start,
          length: tagAt >= 0 ? unknown.length : child.length,
          message: `${unknown} is not a YAML or CloudFormation tag; the value is not checked`,
          severity: 'warning',
          source: 'yaml',
          code: Code.unknownTag,
        });
      }
      const replacement = replacementOf(child, name, arg, start);
      // A Sub read as its string (not one that became a placeholder): its variables go with it.
      if (name === 'Fn::Sub' && replacement.value !== '${Fn::Sub}') subs.set(replacement, arg?.type === 'array' && arg.children?.[1]?.type === 'object' ? arg.children[1] : undefined);
      replacement.parent = node;
      node.children![i] = replacement;
      // What holds it no longer reads as its text: not cached by text (core/findingsCache.ts).
      markRewritten(node);
    }
  }
  return subs;
}

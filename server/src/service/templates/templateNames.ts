// What a template's `!Sub` / `Fn::Sub` strings may name, and the transforms that run on the template before
// CloudFormation reads it. Fn::Sub (CloudFormation User Guide, intrinsic-function-reference-sub): "Variables can be
// template parameter names, resource logical IDs, resource attributes, or a variable in a key-value map", and
// "${!Literal}" writes ${Literal}; a name that is none of them fails the template's validation ("Template format
// error: Unresolved resource dependencies [X] in the Resources block of the template"). A macro can add Parameters and
// resources, and SAM adds resources of its own (MyFunctionRole, ServerlessRestApi, MyFunctionAliaslive…): a template
// with a transform other than SAM's is not judged, and in a SAM template a name SAM could have made is not either.
import { closest } from '../core/text';
import { property } from '../core/tree';
import type { AstNode, Problem } from '../core/types';
import { sourceOffset } from '../expressions/index';
import { scanPlaceholders } from '../expressions/placeholders';
import { intrinsicAt } from './intrinsics';
import { TemplateCode } from './substitutions';

const SAM_TRANSFORM = 'AWS::Serverless-2016-10-31';

/** Whether SAM's transform is the only one the template declares (`Transform: AWS::Serverless-2016-10-31`, or a list of it alone). */
export function samTransformOnly(root: AstNode | undefined): boolean {
  const t = property(root, 'Transform');
  if (t?.type === 'string') return t.value === SAM_TRANSFORM && !t.tag;
  return t?.type === 'array' && !t.tag && !!t.children?.length && t.children.every((c) => c.type === 'string' && c.value === SAM_TRANSFORM && !c.tag);
}

/** The names a Sub of the template may use: its Parameters and resources, and what SAM or a module may add. */
export interface TemplateNames {
  known: Set<string>;
  /** Logical IDs a name that starts with may be a resource SAM (a SAM resource's) or a module makes. */
  prefixes: ReadonlySet<string>;
  sam: boolean;
}

// The endings of the names SAM gives the resources it makes (MyFunctionRole, MyStateMachineRole, MyApiProdStage,
// MyApiDeployment…, ServerlessRestApi, CodeDeployServiceRole, a connector's …Policy, MyFunctionVersion…).
const SAM_ENDINGS = ['Role', 'Policy', 'Alias', 'Version', 'Api', 'Stage', 'Deployment', 'Permission'];

/**
 * Letters, digits and underscores: a logical ID's letters and digits ("The logical ID must be alphanumeric (A-Za-z0-9)"),
 * and the underscore of a shell variable written in a Sub (`${MODEL_BUCKET}` where `${!MODEL_BUCKET}` was meant), which no
 * Parameter or resource can name either (tpl45). A name of other characters is not judged.
 */
function nameLike(s: string): boolean {
  if (!s) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95)) return false;
  }
  return true;
}

/**
 * The names a template's Subs may use; undefined when that is not known here: a transform other than SAM's (a macro,
 * AWS::LanguageExtensions, AWS::Include) may add Parameters or resources, and so may an `Fn::Transform` or
 * `Fn::ForEach` in the Resources or Parameters.
 */
export function templateNames(root: AstNode | undefined): TemplateNames | undefined {
  if (root?.type !== 'object') return undefined;
  if (property(root, 'Transform') && !samTransformOnly(root)) return undefined;
  // SAM's names are allowed for where SAM's resources are (with its Transform, or a template written without one).
  let sam = false;
  const known = new Set<string>();
  const prefixes = new Set<string>();
  for (const section of ['Parameters', 'Resources']) {
    const node = property(root, section);
    if (!node) continue;
    if (node.type !== 'object' || node.tag || intrinsicAt(node)) return undefined;
    for (const p of node.children ?? []) {
      const key = p.children?.[0]?.value;
      if (typeof key !== 'string' || key.startsWith('Fn::')) return undefined;
      known.add(key);
      if (section !== 'Resources') continue;
      // A SAM resource's own (MyFunctionRole, MyFunctionAliaslive, MyApiProdStage) and a module's resources
      // (its logical ID then the module's own) start with its logical ID.
      const type = property(p.children?.[1], 'Type')?.value;
      const samResource = typeof type === 'string' && type.startsWith('AWS::Serverless::');
      sam ||= samResource;
      if (samResource || (typeof type === 'string' && type.endsWith('::MODULE'))) prefixes.add(key);
    }
  }
  return { known, prefixes, sam: sam || samTransformOnly(root) };
}

/** CloudFormation's pseudo parameters (pseudo-parameter-reference): every `AWS::` name a Ref or a Sub may use. */
export const PSEUDO_PARAMETERS: readonly string[] = ['AWS::AccountId', 'AWS::NotificationARNs', 'AWS::NoValue', 'AWS::Partition', 'AWS::Region', 'AWS::StackId', 'AWS::StackName', 'AWS::URLSuffix'];

/** Whether `name` (a Sub's `${name}`, a Ref's or a GetAtt's name) may name something of the template, or is not one this judges. */
export function mayName(names: TemplateNames, name: string): boolean {
  if (name.startsWith('!')) return true; // ${!Literal}
  if (name.startsWith('AWS::')) return PSEUDO_PARAMETERS.includes(name);
  const dot = name.indexOf('.');
  const id = dot < 0 ? name : name.slice(0, dot); // MyResource.Arn: the resource
  if (!nameLike(id) || names.known.has(id)) return true;
  // A name SAM makes from a resource's logical ID (`MyFunctionRole`): each beginning of the name looked up, not each
  // resource tried (the review of the day: 30,000 SAM functions × unknown names took seconds).
  for (let end = 1; end <= id.length; end++) if (names.prefixes.has(id.slice(0, end))) return true;
  return names.sam && (id.startsWith('Serverless') || SAM_ENDINGS.some((e) => id.endsWith(e)));
}

/**
 * Each `${Name}` of a Sub's string `str` that names no Parameter, resource (with or without an attribute), pseudo
 * parameter or key of the Sub's `variables` map: an error where it is written. `str` is the string node as the
 * template writes it (a YAML scalar or block, a JSON string), `text` the template's; `substitutionKeys`, the keys of
 * the resource's DefinitionSubstitutions (read once per definition), which the message names.
 */
export function unresolvedSubVariables(str: AstNode, variables: AstNode | undefined, names: TemplateNames, text: string, substitutionKeys?: ReadonlySet<string>): Problem[] {
  const out: Problem[] = [];
  if (str.type !== 'string' || typeof str.value !== 'string') return out;
  const own = new Set<string>();
  for (const p of variables?.children ?? []) if (typeof p.children?.[0]?.value === 'string') own.add(p.children[0].value);
  const raw = text.slice(str.offset, str.offset + str.length);
  for (const p of scanPlaceholders(str.value)) {
    if (own.has(p.name) || mayName(names, p.name)) continue;
    const start = str.offset + sourceOffset(raw, p.start);
    const end = str.offset + sourceOffset(raw, p.end);
    // Meant for the resource's DefinitionSubstitutions: the Sub reads it first, and finds nothing.
    const pseudo = p.name.startsWith('AWS::') ? nearPseudoParameter(p.name) : undefined;
    const meant = p.name.startsWith('AWS::') ? (pseudo ? `; did you mean ${pseudo}?` : '') : substitutionKeys?.has(p.name) ? `; it is a key of DefinitionSubstitutions, but the Sub replaces its string's \${…} first: write \${!${p.name}} to leave \${${p.name}} for them` : `; to write the text \${${p.name}}, write \${!${p.name}}`;
    const what = p.name.startsWith('AWS::') ? `a pseudo parameter (${PSEUDO_PARAMETERS.join(', ')})` : variables ? 'a Parameter, a resource or a variable of this Sub' : 'a Parameter or a resource of this template, and this Sub has no variables';
    out.push({
      offset: start,
      length: Math.max(1, end - start),
      message: `\${${p.name}} is not ${what}: CloudFormation refuses the template ("Unresolved resource dependencies"; Fn::Sub: "Variables can be template parameter names, resource logical IDs, resource attributes, or a variable in a key-value map")${meant}`,
      severity: 'error',
      source: 'asl',
      code: TemplateCode.unresolvedSubVariable,
      data: { name: p.name },
    });
  }
  return out;
}

/** The pseudo parameter a misspelt `AWS::` name is meant as (`AWS::Partiton`: AWS::Partition), if one is close. */
export function nearPseudoParameter(name: string): string | undefined {
  return closest(name, PSEUDO_PARAMETERS, 1)[0] ?? PSEUDO_PARAMETERS.find((p) => p.toLowerCase() === name.toLowerCase());
}

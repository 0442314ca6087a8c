// A template's state machine as CloudFormation would deploy it, for Validate with AWS (awsDiagnostics.ts), which
// sends it on its own as JSON: the name of its resource, its intrinsics as the placeholders a Sub would write
// (`!Ref X` is `${X}`, `!GetAtt A.B` is `${A.B}`), and the values the template itself gives placeholders
// (its resource's DefinitionSubstitutions, the Parameters' literal Defaults). An intrinsic that computes a value
// (`Fn::Join`, `!If`, `!Select`, …) has no value before deployment, and the definition is not sent.
import { toValue } from '../core/tree';
import type { AstNode, ParsedDocument } from '../core/types';
import { intrinsicAt, intrinsicOf, referenceName, subString, subVariablesOf } from './intrinsics';
import { substitutePlaceholders } from '../expressions/placeholders';
import { entries, parameterDefaults } from './substitutions';
import { machineOwner } from './embedded';
import { computedIntrinsicOf } from './encodedDefinition';

export interface DeployedDefinition {
  /** The resource's logical ID (CloudFormation, SAM) or the state machine's key (Serverless). */
  name: string;
  /** The definition, its placeholders as `${name}` strings. */
  value: unknown;
  /** Values the template gives placeholders. */
  known: Record<string, string>;
  /** Why it cannot be sent, when an intrinsic computes a value. */
  error?: string;
}


/** `machine`, one of `template`'s embedded state machines (templates/embedded.ts), as it would be deployed. */
export function deployedDefinition(template: ParsedDocument, machine: ParsedDocument): DeployedDefinition {
  const root = machine.root!;
  const owner = machineOwner(machine);
  const known = templateValues(template, machine);
  const { value, computed: inTree } = deployedValue(root);
  // A definition written inside a string records the intrinsics it holds that compute a value (encodedDefinition.ts).
  const computed = computedIntrinsicOf(machine) ?? inTree;
  const name = owner?.name ?? 'the state machine';
  if (!computed) return { name, value, known };
  const line = template.text.slice(0, computed.offset).split('\n').length;
  return { name, value, known, error: `${computed.name} on line ${line} (in ${name}) is computed by CloudFormation at deployment, so the definition has no value to send there; only !Ref, !GetAtt and !Sub values can be filled in.` };
}

/** The values `template` itself gives the placeholders of `machine`: the Parameters' literal Defaults, then its resource's DefinitionSubstitutions. */
export function templateValues(template: ParsedDocument, machine: ParsedDocument): Record<string, string> {
  const params = parameterDefaults(template.root);
  const known: Record<string, string> = {};
  for (const [name, node] of params) known[name] = String(node.value);
  for (const [name, node] of entries(machineOwner(machine)?.substitutions, params)) known[name] = String(node.value);
  return known;
}

/**
 * A part of a template's state machine as a JSON value, as it would be deployed: `!Ref X` as `${X}`, `!GetAtt A.B`
 * as `${A.B}` (the placeholders a launch asks values for, as Validate with AWS does), a `!Sub [string, { Var: … }]`
 * string with its variables put in (a literal as its text, a reference as the placeholder it names); an intrinsic
 * that computes a value (`!If`, `!Select`, `!Join`) has none before deployment: the first one is `computed`.
 */
export function deployedValue(node: AstNode): { value: unknown; computed?: { name: string; offset: number } } {
  let computed: { name: string; offset: number } | undefined;
  const value = toValue(node, (n) => {
    const variables = subVariablesOf(n);
    if (variables && typeof n.value === 'string') {
      return substitutePlaceholders(n.value, (name) => {
        const v = variableOf(variables, name);
        const text = v && variableText(v);
        if (v && text === undefined) computed ??= { name: intrinsicAt(v)?.name ?? 'A Sub variable', offset: v.offset };
        return text ?? `\${${name}}`;
      });
    }
    const intrinsic = intrinsicOf(n);
    if (!intrinsic) return n.value;
    const ref = referenceName(intrinsic.name, intrinsic.arg);
    if (ref !== undefined) return `\${${ref}}`;
    computed ??= { name: intrinsic.name, offset: n.offset };
    return n.value;
  });
  return computed ? { value, computed } : { value };
}

/** The value node a Sub's variables map gives `name`, if it names it. */
function variableOf(variables: AstNode, name: string): AstNode | undefined {
  const p = variables.children?.find((c) => c.children?.[0]?.value === name);
  return p?.children?.[1];
}

/**
 * What a Sub variable puts in its string: a literal's text, a reference's placeholder (`!Ref X`: `${X}`), a Sub's
 * own string (without variables of its own); undefined for a value CloudFormation computes.
 */
function variableText(v: AstNode): string | undefined {
  const intrinsic = intrinsicAt(v);
  if (!intrinsic) return v.type === 'string' || v.type === 'number' || v.type === 'boolean' ? String(v.value) : undefined;
  const ref = referenceName(intrinsic.name, intrinsic.arg);
  if (ref !== undefined) return `\${${ref}}`;
  const sub = intrinsic.name === 'Fn::Sub' ? subString(intrinsic.arg) : undefined;
  return sub && intrinsic.arg === sub ? String(sub.value) : undefined;
}

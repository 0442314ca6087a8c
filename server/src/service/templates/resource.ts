// What a state machine resource says of itself, apart from its definition, that CloudFormation or SAM refuses: the
// resource schema of AWS::StepFunctions::StateMachine (aws-cloudformation-resource-providers-stepfunctions,
// aws-stepfunctions-statemachine.json), its DefinitionProcessor, and SAM's translator (generators.py). Only what is
// written as plain text is judged: an intrinsic's value is known only when the stack deploys.
import { STATE_MACHINE_NAME } from '../asl/iamPolicy';
import { listOf } from '../core/append';
import { closest } from '../core/text';
import { property, propertyNode } from '../core/tree';
import type { AstNode, Problem } from '../core/types';
import { intrinsicAt, intrinsicOf } from './intrinsics';
import { mayName, nearPseudoParameter, PSEUDO_PARAMETERS, templateNames, type TemplateNames } from './templateNames';
import { TemplateCode } from './substitutions';

const CFN = 'AWS::StepFunctions::StateMachine';
const SAM = 'AWS::Serverless::StateMachine';

const error = (node: AstNode, code: string, message: string): Problem => ({ offset: node.offset, length: Math.max(1, node.length), message, severity: 'error', source: 'asl', code });

/** Written as plain text: a string with no tag but `!Sub` and no `${`, a number or a boolean (not an intrinsic). */
const plainText = (node: AstNode | undefined): node is AstNode =>
  !!node && (node.type === 'string' ? (!node.tag || node.tag === '!Sub') && !String(node.value).includes('${') : (node.type === 'number' || node.type === 'boolean') && !node.tag);

/** A property that may be left out when the stack deploys (`!If [C, …, !Ref AWS::NoValue]`): not counted as given. */
const maybeAbsent = (node: AstNode | undefined) => !node || intrinsicAt(node)?.name === 'Fn::If';

/** The definition properties a resource gives, more than one of which it may not. */
function definitionConflict(props: AstNode, sam: boolean, out: Problem[]) {
  const keys = sam ? ['Definition', 'DefinitionUri'] : ['Definition', 'DefinitionString', 'DefinitionS3Location'];
  const given = keys.map((k) => propertyNode(props, k)).filter((p): p is AstNode => !!p && !maybeAbsent(p.children?.[1]));
  if (given.length < 2) return;
  const names = given.map((p) => String(p.children?.[0]?.value));
  const message = sam
    ? `Give either Definition or DefinitionUri, not both: SAM refuses the resource ("Specify either 'Definition' or 'DefinitionUri' property and not both.", samtranslator generators.py)`
    : `${names.join(' and ')} are both given: CloudFormation refuses the resource ("Property validation failed. Please use one of [DefinitionS3Location], [DefinitionString] or [Definition].", the Step Functions resource provider's DefinitionProcessor)`;
  // On each but the first in the order listed (Definition, the one this server checks, kept).
  for (const p of given.slice(1)) out.push(error(p.children![0], TemplateCode.definitionConflict, message));
}

/** DefinitionSubstitutions that the resource schema or DefinitionProcessor refuses: an empty map, a value of another type. */
function substitutionValues(map: AstNode | undefined, out: Problem[]) {
  if (map?.type !== 'object' || map.tag || intrinsicAt(map)) return;
  if (!map.children?.length) {
    out.push(error(map, TemplateCode.emptySubstitutions, 'DefinitionSubstitutions is empty: the resource schema requires at least one entry ("minProperties": 1, aws-stepfunctions-statemachine.json); leave the property out instead'));
    return;
  }
  for (const p of map.children) {
    const value = p.children?.[1];
    if (!value || value.tag || intrinsicAt(value)) continue; // an intrinsic resolves to a string
    const wrong = value.type === 'array' ? 'a list' : value.type === 'object' ? 'a map' : value.type === 'number' && !Number.isInteger(value.value) ? 'a number that is not an integer' : undefined;
    if (wrong) out.push(error(value, TemplateCode.substitutionType, `${String(p.children?.[0]?.value)} is ${wrong}: CloudFormation refuses it ("Invalid definition substitution type. Input should be either String, Integer, or Boolean", DefinitionProcessor; the resource schema's anyOf string | integer | boolean)`));
  }
}

/** StateMachineType (SAM: Type) outside the schema's enum, ["STANDARD", "EXPRESS"]: case matters. */
function workflowType(node: AstNode | undefined, key: string, out: Problem[]) {
  if (!plainText(node) || node.value === 'STANDARD' || node.value === 'EXPRESS') return;
  const upper = String(node.value).toUpperCase();
  const hint = upper === 'STANDARD' || upper === 'EXPRESS' ? ` (write ${upper})` : '';
  out.push(error(node, TemplateCode.stateMachineType, `${key} must be STANDARD or EXPRESS, exactly${hint}: the resource schema's "enum": ["STANDARD", "EXPRESS"] (aws-stepfunctions-statemachine.json)`));
}

/** StateMachineName (SAM: Name) that CreateStateMachine refuses: 1 to 80 characters, none of those a name may not contain. */
function stateMachineName(node: AstNode | undefined, key: string, out: Problem[]) {
  if (!plainText(node) || node.type !== 'string' || STATE_MACHINE_NAME.test(String(node.value))) return;
  const n = String(node.value).length;
  const why = n < 1 || n > 80 ? `has ${n} characters; a name has 1 to 80 ("minLength": 1, "maxLength": 80 in the resource schema; CreateStateMachine "Length Constraints")` : 'has a character a name may not contain (CreateStateMachine: "A name must not contain: white space; brackets < > { } [ ]; wildcard characters ? *; special characters " # % \\ ^ | ~ ` $ & , ; : /; control characters")';
  out.push(error(node, TemplateCode.stateMachineName, `${key} ${why}: Step Functions refuses the state machine`));
}

// The properties each resource takes, and no other: AWS::StepFunctions::StateMachine's resource schema has
// "additionalProperties": false (CloudFormation: "extraneous key [X] is not permitted"; EncryptionConfiguration is
// the Template Reference's, added after the schema's last public copy), and SAM's translator refuses any property its
// SamStateMachine does not define ("property X not defined for resource of type AWS::Serverless::StateMachine"; the
// SAM specification's list).
const CFN_PROPERTIES = ['Definition', 'DefinitionS3Location', 'DefinitionString', 'DefinitionSubstitutions', 'EncryptionConfiguration', 'LoggingConfiguration', 'RoleArn', 'StateMachineName', 'StateMachineType', 'Tags', 'TracingConfiguration'];
/** The schema's read-only properties: what the resource returns (Fn::GetAtt), never what a template sets. */
const CFN_READ_ONLY = ['Arn', 'Name', 'StateMachineRevisionId'];
const SAM_PROPERTIES = ['AutoPublishAlias', 'Definition', 'DefinitionSubstitutions', 'DefinitionUri', 'DeploymentPreference', 'Events', 'Logging', 'Name', 'PermissionsBoundary', 'Policies', 'PropagateTags', 'Role', 'RolePath', 'Tags', 'Tracing', 'Type', 'UseAliasAsEventTarget'];
/** One resource type's name for what the other calls otherwise (SAM's Type is CloudFormation's StateMachineType). */
const SAM_FOR_CFN: Readonly<Record<string, string>> = { StateMachineType: 'Type', StateMachineName: 'Name', RoleArn: 'Role', LoggingConfiguration: 'Logging', TracingConfiguration: 'Tracing', DefinitionString: 'Definition', DefinitionS3Location: 'DefinitionUri' };
const CFN_FOR_SAM: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(SAM_FOR_CFN).map(([c, s]) => [s, c]));

/**
 * A property the resource does not take. A name of the other resource type's (SAM's Type on CloudFormation's
 * resource) or close to one of its own (Defintion, RoleARN) is an error with the name meant, which the quick fix
 * writes; another one a warning, as a property added to the resource after this list was made would be one.
 */
function unknownProperties(props: AstNode, sam: boolean, out: Problem[]) {
  const own = sam ? SAM_PROPERTIES : CFN_PROPERTIES;
  const type = sam ? SAM : CFN;
  for (const p of props.children ?? []) {
    const key = p.children?.[0];
    if (key?.type !== 'string' || own.includes(key.value) || key.value === '<<' || key.value.startsWith('Fn::')) continue;
    const name = key.value;
    if (!sam && CFN_READ_ONLY.includes(name)) {
      out.push({ ...error(key, TemplateCode.unknownProperty, `${name} is what ${type} returns (Fn::GetAtt), not a property a template sets${name === 'Name' ? ': the state machine\'s name is StateMachineName' : ''}`), severity: 'warning', ...(name === 'Name' ? { data: { closest: 'StateMachineName' } } : {}) });
      continue;
    }
    // The other resource type's property: its name here, if it has one (SAM's Type, CloudFormation's StateMachineType).
    const theirs = (sam ? CFN_PROPERTIES : SAM_PROPERTIES).includes(name);
    const counterpart = sam ? SAM_FOR_CFN[name] : CFN_FOR_SAM[name];
    const meant = counterpart ?? closest(name, own, 1)[0] ?? own.find((o) => o.toLowerCase() === name.toLowerCase());
    const otherType = sam ? `CloudFormation's ${CFN}` : `SAM's ${SAM}`;
    const refused = sam ? `SAM refuses the resource ("property ${name} not defined for resource of type ${SAM}")` : `CloudFormation refuses the resource (the resource schema's "additionalProperties": false: "extraneous key [${name}] is not permitted")`;
    const message = `${type} has no property ${name}${theirs ? ` (${otherType} has)` : ''}${meant ? `: did you mean ${meant}?` : ` (its properties: ${own.join(', ')})`} ${refused}`;
    out.push({ ...error(key, TemplateCode.unknownProperty, message), ...(meant ? { data: { closest: meant } } : {}), ...(theirs || meant ? {} : { severity: 'warning' as const }) });
  }
}

/** YAML 1.1's words for true and false, which CloudFormation reads as booleans when they are written plain (aws/aws-cli#5257). */
const YAML11_BOOLEAN = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$/;

/**
 * The resource schema's own types of the objects a CloudFormation state machine takes, written plainly:
 * DefinitionS3Location needs Bucket and Key ("required": ["Bucket", "Key"]); TracingConfiguration.Enabled and
 * LoggingConfiguration.IncludeExecutionData are booleans ("true"/"false" text passes, as CloudFormation reads it, and
 * a plain YAML 1.1 boolean word); LoggingConfiguration.Level is one of its enum.
 */
function propertyValues(props: AstNode, text: string, out: Problem[]) {
  const location = property(props, 'DefinitionS3Location');
  if (location?.type === 'object' && !location.tag && !intrinsicAt(location)) {
    const missing = ['Bucket', 'Key'].filter((k) => !propertyNode(location, k));
    const key = propertyNode(props, 'DefinitionS3Location')?.children?.[0];
    // On the key and the object's opening brace, where that is one line (what the object lacks; not the whole object).
    const gap = key ? location.offset - (key.offset + key.length) : -1;
    const at = key && gap >= 0 && gap <= 3 ? { ...key, length: location.offset + 1 - key.offset } : key;
    if (missing.length && at) out.push(error(at, TemplateCode.propertyValue, `DefinitionS3Location needs ${missing.join(' and ')}: the resource schema's S3Location has "required": ["Bucket", "Key"], and CloudFormation refuses the resource without ${missing.length > 1 ? 'them' : 'it'}`));
  }
  for (const [object, member] of [['TracingConfiguration', 'Enabled'], ['LoggingConfiguration', 'IncludeExecutionData']]) {
    const v = property(property(props, object), member);
    // A plain (unquoted) YAML 1.1 boolean word is one (`Enabled: yes`); quoted, it is the text.
    const plainWord = YAML11_BOOLEAN.test(String(v?.value)) && v !== undefined && text[v.offset] !== '"' && text[v.offset] !== "'";
    if (plainText(v) && v.type === 'string' && !/^(?:true|false)$/i.test(String(v.value)) && !plainWord)
      out.push(error(v, TemplateCode.propertyValue, `${object}.${member} is a boolean (the resource schema's "type": "boolean"), not ${JSON.stringify(v.value)}: write true or false`));
  }
  const level = property(property(props, 'LoggingConfiguration'), 'Level');
  if (plainText(level) && !['ALL', 'ERROR', 'FATAL', 'OFF'].includes(String(level.value)))
    out.push(error(level, TemplateCode.propertyValue, `LoggingConfiguration.Level must be ALL, ERROR, FATAL or OFF, exactly (the resource schema's "enum"), not ${JSON.stringify(level.value)}`));
}

/**
 * Each `!Ref X` / `Ref: X` and `!GetAtt X.Attr` / `Fn::GetAtt: [X, Attr]` in a state machine resource's properties
 * (its definition and substitutions too) that names no Parameter, resource or pseudo parameter of the template, but
 * one close to it:
 * CloudFormation refuses the template ("Unresolved resource dependencies [X] in the Resources block of the
 * template"). Not judged where the names are not known (templateNames: a macro's transform; a name SAM may make).
 */
function unresolvedReferences(props: AstNode, names: TemplateNames, near: (name: string) => string | undefined, out: Problem[]) {
  const stack: AstNode[] = [props];
  while (stack.length) {
    const node = stack.pop()!;
    const intrinsic = intrinsicAt(node) ?? intrinsicOf(node);
    const ref = intrinsic?.name === 'Ref' ? intrinsic.arg : intrinsic?.name === 'Fn::GetAtt' ? (intrinsic.arg?.type === 'array' ? intrinsic.arg.children?.[0] : intrinsic.arg) : undefined;
    if (ref?.type === 'string' && intrinsic) {
      const written = String(ref.value);
      const name = intrinsic.name === 'Fn::GetAtt' && intrinsic.arg?.type !== 'array' ? written.split('.')[0] : written;
      // Only a name close to one the template has (a misspelt one, whose fix is plain): one near nothing is left to the
      // template's own linter (cfn-lint), as in a template still being written, or a snippet, whose resources are elsewhere.
      const meant = name && !mayName(names, name) ? (name.startsWith('AWS::') ? nearPseudoParameter(name) : near(name)) : undefined;
      if (meant) {
        const what = name.startsWith('AWS::') ? `no pseudo parameter (${PSEUDO_PARAMETERS.join(', ')})` : intrinsic.name === 'Ref' ? 'no Parameter or resource of this template' : 'no resource of this template';
        out.push({ offset: ref.offset, length: Math.max(1, ref.length), message: `${intrinsic.name === 'Ref' ? 'Ref' : 'Fn::GetAtt'} ${name} names ${what}: CloudFormation refuses the template ("Unresolved resource dependencies [${name}] in the Resources block of the template"); did you mean ${meant}?`, severity: 'error', source: 'asl', code: TemplateCode.unresolvedReference });
      }
      continue;
    }
    for (const c of node.children ?? []) stack.push(c);
  }
}

/**
 * The Parameter or resource a misspelt name is close to, if one is: a letter or so in a quarter of its length (`F` is
 * near no `M`). Made once per template: the names of each length apart, each name asked once, and at most
 * NEAR_NAMES_ASKED names asked (the review of the day: 5,000 misspelt Refs against 5,000 resources took 26 s).
 */
const NEAR_NAMES_ASKED = 200;
function nearNames(names: TemplateNames): (name: string) => string | undefined {
  const byLength = new Map<number, string[]>();
  for (const n of names.known) listOf(byLength, n.length).push(n);
  const answers = new Map<string, string | undefined>();
  return (name) => {
    if (name.length < 3) return undefined;
    if (answers.has(name)) return answers.get(name);
    if (answers.size >= NEAR_NAMES_ASKED) return undefined;
    const limit = Math.max(1, Math.floor(name.length / 4));
    const candidates: string[] = [];
    for (let len = name.length - limit; len <= name.length + limit; len++) for (const n of byLength.get(len) ?? []) candidates.push(n);
    const found = closest(name, candidates, 1, limit)[0];
    answers.set(name, found);
    return found;
  };
}

/** A state machine resource of a template: its logical ID, its Properties, whether SAM's, whether a Serverless file's own. */
export interface StateMachineResource {
  name: string;
  props: AstNode | undefined;
  sam: boolean;
  serverlessFile: boolean;
}

/**
 * The state machine resources of a template, in document order: its Resources, and a Serverless Framework file's own
 * CloudFormation (`resources: Resources:`, deployed with its stack as written). What the definitions are read from
 * (embedded.ts) and the resources' own properties judged in (resourceFindings).
 */
export function stateMachineResources(root: AstNode | undefined): StateMachineResource[] {
  const out: StateMachineResource[] = [];
  if (root?.type !== 'object') return out;
  for (const [resources, serverlessFile] of [[property(root, 'Resources'), false], [property(property(root, 'resources'), 'Resources'), true]] as const) {
    if (resources?.type !== 'object') continue;
    for (const r of resources.children ?? []) {
      const resource = r.children?.[1];
      const type = property(resource, 'Type');
      if (type?.type !== 'string' || (type.value !== CFN && type.value !== SAM)) continue;
      out.push({ name: String(r.children?.[0]?.value ?? ''), props: property(resource, 'Properties'), sam: type.value === SAM, serverlessFile });
    }
  }
  return out;
}

/** The findings about each state machine resource's own properties in a template (its Resources, a Serverless file's `resources: Resources:`). */
export function resourceFindings(root: AstNode | undefined, text: string, namesOf: () => TemplateNames | undefined = () => templateNames(root)): Problem[] {
  const out: Problem[] = [];
  if (root?.type !== 'object') return out;
  let near: ((name: string) => string | undefined) | undefined;
  for (const { props, sam, serverlessFile } of stateMachineResources(root)) {
    if (props?.type !== 'object' || props.tag) continue;
    unknownProperties(props, sam, out);
    // Not in a Serverless Framework file's resources: the framework adds its own (HelloLambdaFunction, IamRoleLambdaExecution…).
    const names = serverlessFile ? undefined : namesOf();
    if (names) unresolvedReferences(props, names, (near ??= nearNames(names)), out);
    if (!sam) propertyValues(props, text, out);
    definitionConflict(props, sam, out);
    substitutionValues(property(props, 'DefinitionSubstitutions'), out);
    workflowType(property(props, sam ? 'Type' : 'StateMachineType'), sam ? 'Type' : 'StateMachineType', out);
    stateMachineName(property(props, sam ? 'Name' : 'StateMachineName'), sam ? 'Name' : 'StateMachineName', out);
  }
  return out;
}

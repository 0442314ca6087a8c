// State machines where they live in infrastructure templates: CloudFormation (`AWS::StepFunctions::StateMachine`
// with `Definition`, or `DefinitionString`), SAM (`AWS::Serverless::StateMachine`) and the Serverless Framework
// (`stepFunctions.stateMachines.*.definition`, and a CloudFormation resource in its `resources: Resources:`), in YAML or JSON. Each embedded machine is a ParsedDocument of its
// own over the same text: its root is the definition's node, its offsets the template's, so every feature works
// on it unchanged. Detection reads a few top-level members only: a file that is no template costs nothing.
import { isStateMachine } from '../asl/model';
import { column } from '../core/text';
import { property, propertyNode } from '../core/tree';
import type { AstNode, ParsedDocument, Problem, WorkflowType } from '../core/types';
import { parseJson } from '../json/parse';
import { markHoldsForeign, markRewritten } from '../core/findingsCache';
import { encodedDefinition } from './encodedDefinition';
import { intrinsicAt, resolveIntrinsics, subString, variablesUnknown } from './intrinsics';
import { followSubstitutions, followSubstitutionsInText, markStringPlaceholders, parameterDefaults, placeholderFindings, substitutionKeys } from './substitutions';
import { samTransformOnly, templateNames, unresolvedSubVariables, type TemplateNames } from './templateNames';
import { append } from '../core/append';
import { resourceFindings, stateMachineResources } from './resource';

/** A definition found in a template, with the name it is declared under (the resource's logical ID, the Serverless key). */
interface Definition {
  node: AstNode;
  substitutions: AstNode | undefined;
  string: boolean;
  name: string;
  /** A Serverless Framework definition: serverless-step-functions reads `#{AWS::Region}` as `${AWS::Region}`. */
  serverless?: boolean;
  /** A SAM resource's (AWS::Serverless::StateMachine): SAM turns its Definition into a DefinitionString. */
  sam?: boolean;
  /** In a Serverless Framework file (its own `resources:`): the framework resolves its `${…}` variables first. */
  serverlessFile?: boolean;
  /** The workflow type the resource declares, when it says one in plain text. */
  workflowType?: WorkflowType;
  /** The state machine's name, when the resource gives it as plain text (CloudFormation's StateMachineName, SAM's Name, Serverless's name). */
  stateMachineName?: string;
}

/** A name written as plain text: no placeholder, no intrinsic (`!Ref Name` names a Parameter, not the machine; a `!Sub` without `${` is text). */
const plainName = (node: AstNode | undefined): string | undefined =>
  node?.type === 'string' && node.value && (!node.tag || node.tag === '!Sub') && !String(node.value).includes('${') ? String(node.value) : undefined;

/** A declared workflow type (`StateMachineType: EXPRESS`, SAM's `Type`, Serverless's `type: express`), when written as text. */
function workflowTypeOf(node: AstNode | undefined): Definition['workflowType'] {
  const v = node?.type === 'string' ? String(node.value).toUpperCase() : undefined;
  return v === 'EXPRESS' || v === 'STANDARD' ? v : undefined;
}

/**
 * The `Definition` / `DefinitionString` / `definition` value nodes of a template's state machines, in document
 * order. A DefinitionString is read as JSON where its text is the document's text (a YAML block literal, `|`,
 * possibly under `!Sub`), else as the JSON its string or `Fn::Join` decodes to (templates/encodedDefinition.ts).
 */
function definitionsOf(root: AstNode | undefined): Definition[] {
  if (root?.type !== 'object') return [];
  const out: Definition[] = [];
  // A CloudFormation/SAM template's state machine resources (a Serverless Framework file's own too).
  for (const { name, props, sam, serverlessFile } of stateMachineResources(root)) {
    const substitutions = property(props, 'DefinitionSubstitutions');
    // CloudFormation's StateMachineType, SAM's Type (STANDARD unless one says EXPRESS).
    const workflowType = workflowTypeOf(property(props, sam ? 'Type' : 'StateMachineType'));
    const stateMachineName = plainName(property(props, sam ? 'Name' : 'StateMachineName'));
    const definition = property(props, 'Definition');
    if (definition) out.push({ node: definition, substitutions, string: false, name, workflowType, serverlessFile, stateMachineName, sam });
    const definitionString = property(props, 'DefinitionString');
    if (definitionString) out.push({ node: definitionString, substitutions, string: true, name, workflowType, serverlessFile, stateMachineName, sam });
  }
  // Serverless Framework (serverless-step-functions): stepFunctions.stateMachines.<name>.definition.
  const machines = property(property(root, 'stepFunctions'), 'stateMachines');
  if (machines?.type === 'object') {
    for (const m of machines.children ?? []) {
      const definition = property(m.children?.[1], 'definition');
      if (definition) out.push({ node: definition, substitutions: undefined, string: false, name: String(m.children?.[0]?.value ?? ''), serverless: true, workflowType: workflowTypeOf(property(m.children?.[1], 'type')), stateMachineName: plainName(property(m.children?.[1], 'name')) });
    }
  }
  return out;
}

/**
 * The JSON text of a DefinitionString that is the document's own text: a YAML block literal (`|`, `|-`, `|+`), or a
 * folded block (`>`) that parses so (folding turns its line breaks into spaces, which JSON reads alike outside
 * strings; one with a string across lines is read as the string it folds to, templates/encodedDefinition.ts);
 * `sub`, when it is a `!Sub` string, with the Sub's variable map (its list form's second item).
 */
function definitionStringView(parsed: ParsedDocument, node: AstNode): { view: ParsedDocument; sub: { variables: AstNode | undefined } | undefined } | undefined {
  // `!Sub |` reads as its string; `Fn::Sub: |` too; and the list form (`!Sub` / `Fn::Sub:` with `- |` then the
  // variables), whose first item is the string.
  const intrinsic = intrinsicAt(node);
  const sub = intrinsic?.name === 'Fn::Sub' ? intrinsic.arg : undefined;
  const value = sub ? subString(sub) : node;
  const header = value?.type === 'string' && parsed.language === 'yaml' ? /^([|>])[0-9+-]*[ \t]*(#.*)?\r?\n/.exec(parsed.text.slice(value.offset, value.offset + 80)) : null;
  if (!value || !header) return undefined;
  const start = parsed.text.indexOf('\n', value.offset) + 1;
  const end = value.offset + value.length;
  const body = parsed.text.slice(start, end);
  if (!body.trimStart().startsWith('{')) return undefined;
  // Padded so every offset is the document's; a bare ${…} (text substitution) is a placeholder, as in any definition.
  const inner = parseJson(' '.repeat(start) + body, false);
  if (header[1] === '>' && inner.syntaxErrors.length) return undefined;
  const variables = sub?.type === 'array' && sub.children?.[1]?.type === 'object' ? sub.children[1] : undefined;
  return { view: { text: parsed.text, language: 'json', root: inner.root, syntaxErrors: inner.syntaxErrors }, sub: sub ? { variables } : undefined };
}

/**
 * serverless-step-functions rewrites every `#{X}` of a definition to `${X}` and deploys it under Fn::Sub (its
 * replacePseudoParameters: "#{AWS::Region}", "#{AWS::AccountId}"), as the serverless-cf-vars and
 * serverless-pseudo-parameters plugins do in a serverless.yml's own resources: the same placeholders, read the same way. The
 * string values are rewritten in place; `#{` and `${` have the same length, so every offset into them holds.
 */
function pseudoParameters(definition: AstNode) {
  const stack = [definition];
  while (stack.length) {
    const node = stack.pop()!;
    // `[^{}]`, not `[^}]`: a scan stops at the next `{`, so a string of many `#{` without `}` costs its length, not
    // its square (hostile28: 160,000 characters took seconds).
    if (node.type === 'string' && node.value.includes('#{') && /#\{[^{}]*\}/.test(node.value)) {
      node.value = node.value.replace(/#\{([^{}]*)\}/g, '$${$1}');
      // What holds it no longer reads as its text: not cached by text (core/findingsCache.ts).
      if (node.parent) markRewritten(node.parent);
    }
    for (const c of node.children ?? []) stack.push(c);
  }
}

/**
 * Whether a state machine resource's definition is one to check: a machine (StartAt and States), or an object with
 * either of them, which the resource declares a machine all the same (CloudFormation deploys it, and Step Functions
 * refuses what it lacks: the checks say what). An intrinsic in its place (`Fn::Transform`, `!If`) is not.
 */
function isDefinition(node: AstNode | undefined): boolean {
  if (isStateMachine(node)) return true;
  // An `Fn::Transform` (AWS::Include) beside the fields brings in what else the definition has: not judged here.
  const intrinsicMember = node?.children?.some((p) => /^(Fn::|Ref$)/.test(String(p.children?.[0]?.value)));
  return node?.type === 'object' && !intrinsicAt(node) && !intrinsicMember && (!!propertyNode(node, 'States') || !!propertyNode(node, 'StartAt'));
}

// Once per parse: the embedded machines, and the intrinsics inside them resolved (in place) once.
const cache = new WeakMap<ParsedDocument, ParsedDocument[]>();
// The template's own findings about them (substitutions.ts placeholderFindings, templateNames.ts, resource.ts), made with them.
const ownFindings = new WeakMap<ParsedDocument, Problem[]>();

/** What a template says wrongly about its machines (a `${Name}` no substitution replaces), once they were looked for. */
export const templateFindings = (parsed: ParsedDocument): Problem[] => ownFindings.get(parsed) ?? [];
interface Owner {
  name: string;
  substitutions: AstNode | undefined;
  /** The state machine's name, when the resource writes it as plain text. */
  stateMachineName?: string;
  /** The definition is a Fn::Sub's string: a `${` in it is the Sub's placeholder, written `${!` to mean the text. */
  sub?: true;
}
const owners = new WeakMap<ParsedDocument, Owner>();

/** The name an embedded machine is declared under in its template (`ChurnPipeline`); undefined for any other document. */
export function machineName(machine: ParsedDocument): string | undefined {
  return owners.get(machine)?.name;
}

/** The resource (or Serverless state machine) that declares an embedded machine: its name, DefinitionSubstitutions and the machine's name. */
export function machineOwner(machine: ParsedDocument): Owner | undefined {
  return owners.get(machine);
}

/** The embedded machines of a parse if they were looked for, without looking. */
export const knownEmbeddedMachines = (parsed: ParsedDocument): ParsedDocument[] | undefined => cache.get(parsed);

/**
 * The state machines embedded in a template, each a ParsedDocument over the template's text whose root is the
 * definition (only those with StartAt and States, or a DefinitionString that does not read). Empty for anything else.
 */
export function embeddedMachines(parsed: ParsedDocument): ParsedDocument[] {
  let found = cache.get(parsed);
  if (found) return found;
  found = [];
  let params: Map<string, AstNode> | undefined;
  // What the template's Subs, Refs and GetAtts may name (null: not known here, templates/templateNames.ts), once it is asked.
  let names: TemplateNames | null | undefined;
  const namesOf = () => (names === undefined ? (names = templateNames(parsed.root) ?? null) : names) ?? undefined;
  const own: Problem[] = resourceFindings(parsed.root, parsed.text, namesOf);
  let samOnly: boolean | undefined;
  for (const d of definitionsOf(parsed.root)) {
    if (d.string) {
      // A Sub's string: each of its `${…}` must name something of the template (asl41 t15), a DefinitionSubstitutions
      // key included, which the Sub reads first.
      const sub = d.serverlessFile ? undefined : intrinsicAt(d.node);
      const subText = sub?.name === 'Fn::Sub' && !variablesUnknown(sub.arg) ? subString(sub.arg) : undefined;
      const subNames = subText && namesOf();
      if (subText && subNames) append(own, unresolvedSubVariables(subText, sub!.arg?.type === 'array' ? sub!.arg.children?.[1] : undefined, subNames, parsed.text, substitutionKeys(d.substitutions)));
      const read = definitionStringView(parsed, d.node);
      // JSON written inside a string (escaped, quoted, or joined with intrinsics): read as what it decodes to. Its
      // `${…}` are DefinitionSubstitutions' as in a block, when it is one plain string: a Join's stand for the
      // intrinsics joined in too, and a Sub replaces its own (neither judged here).
      const view = read?.view ?? encodedDefinition(parsed, d.node);
      // One plain string, or a Sub of one (its string in a JSON template, or a quoted YAML one: tpl46), whose map's
      // values are followed as a block's are.
      const subOfString = !read && subText && !intrinsicAt(subText) && !variablesUnknown(sub!.arg) ? { sub: { variables: sub!.arg?.type === 'array' ? sub!.arg.children?.[1] : undefined } } : undefined;
      const plain = read ?? (d.node.type === 'string' && !intrinsicAt(d.node) ? { sub: undefined } : subOfString);
      // A serverless.yml's resources: its plugins (serverless-cf-vars, serverless-pseudo-parameters) rewrite `#{X}`
      // to `${X}` for CloudFormation, as serverless-step-functions does in its own section (fp40: a workshop's
      // "#{dataCheckingLambdaArn}" Resource under a Sub was called no ARN).
      if (d.serverlessFile && view?.root && !view.syntaxErrors.length) pseudoParameters(view.root);
      if (plain && view?.root && !view.syntaxErrors.length) {
        // A Sub's string: the Sub replaces its `${…}` (its variables, Parameters, resources) before anything else.
        if (!d.serverlessFile && isDefinition(view.root)) append(own, placeholderFindings(view.root, plain.sub ? plain.sub.variables : d.substitutions, parsed.text, { encoded: !read, inText: true, sub: !!plain.sub }));
        followSubstitutionsInText(view.root, parsed.text, plain.sub, d.substitutions, (params ??= parameterDefaults(parsed.root)));
        markStringPlaceholders(view.root, parsed.text);
      }
      if (view && (view.syntaxErrors.length || isDefinition(view.root))) {
        if (d.workflowType) view.workflowType = d.workflowType;
        found.push(view);
        owners.set(view, { name: d.name, substitutions: d.substitutions, stateMachineName: d.stateMachineName, ...(plain?.sub && { sub: true as const }) });
      }
      continue;
    }
    if (!isDefinition(d.node)) continue;
    if (d.serverless || d.serverlessFile) pseudoParameters(d.node);
    const subs = resolveIntrinsics(d.node, parsed.text, { warnings: own });
    // serverless-step-functions resolves `${…}` itself (Serverless variables, pseudo parameters under its Fn::Sub),
    // and the framework its variables (`${self:…}`, `${opt:…}`) in its file's own resources too.
    if (!d.serverless && !d.serverlessFile) append(own, placeholderFindings(d.node, d.substitutions, parsed.text, { names: namesOf() }));
    // A literal put in place of a placeholder lies outside the definition: a JSON tree that holds one is parsed
    // again whole after an edit, not incrementally in place (json/incrementalParse.ts would misplace it).
    if (followSubstitutions(d.node, d.substitutions, subs, (params ??= parameterDefaults(parsed.root))) && parsed.language === 'json') markHoldsForeign(parsed.root!);
    // In a SAM Definition an intrinsic deploys as a string too, when SAM is the only transform (another, such as
    // AWS::LanguageExtensions, may resolve it first).
    if (!d.serverless && !d.serverlessFile) markStringPlaceholders(d.node, undefined, d.sam && (samOnly ??= samTransformOnly(parsed.root)) ? { text: parsed.text } : undefined);
    const machine: ParsedDocument = { text: parsed.text, language: parsed.language, root: d.node, syntaxErrors: [], ...(d.workflowType ? { workflowType: d.workflowType } : {}) };
    // As the definition is written out when deployed, for its size: the resource provider's pretty printer, SAM's json.dumps.
    if (!d.serverless && !d.serverlessFile) machine.deployedAs = d.sam ? 'sam' : 'jackson';
    found.push(machine);
    owners.set(machine, { name: d.name, substitutions: d.substitutions, stateMachineName: d.stateMachineName });
  }
  cache.set(parsed, found);
  ownFindings.set(parsed, own);
  return found;
}

/**
 * The embedded machine whose definition spans `offset` (ends inclusive), or, in YAML, whose block the cursor is still
 * in past its last node: typing after the definition's last value (`Type: ‸` at the end of the file) or on a new line
 * indented more than the definition's key.
 */
export function machineAt(machines: ParsedDocument[], offset: number): ParsedDocument | undefined {
  const inside = machines.find((m) => m.root && m.root.offset <= offset && offset <= m.root.offset + m.root.length);
  if (inside) return inside;
  // Past every definition's end: only the one that ends last before the cursor can hold it in its block (reading the
  // text from each one's end to the cursor was quadratic: 20 s at the end of a template of 10,000 machines).
  let last: ParsedDocument | undefined;
  for (const m of machines) if (m.root && m.root.offset + m.root.length <= offset && (!last || m.root.offset + m.root.length > last.root!.offset + last.root!.length)) last = m;
  return last && inBlockAfter(last, offset) ? last : undefined;
}

/**
 * The embedded machine whose declaring resource spans `offset` (its RoleArn, DefinitionSubstitutions, … as well as
 * its definition): the object under the key that names it, around the definition.
 */
export function machineOfResourceAt(machines: ParsedDocument[], offset: number): ParsedDocument | undefined {
  return machines.find((m) => {
    const name = machineName(m);
    for (let n = m.root?.parent; n; n = n.parent) {
      const key = n.parent?.type === 'property' ? n.parent.children?.[0] : undefined;
      if (n.type === 'object' && key?.value === name) return n.offset <= offset && offset <= n.offset + n.length;
    }
    return false;
  });
}

function inBlockAfter(m: ParsedDocument, offset: number): boolean {
  const root = m.root;
  const key = root?.parent?.type === 'property' ? root.parent.children?.[0] : undefined;
  if (m.language !== 'yaml' || !root || !key || offset < root.offset + root.length) return false;
  const keyColumn = column(m.text, key.offset);
  const lines = m.text.slice(root.offset + root.length, offset).split(/\r\n|\r|\n/);
  // The rest of the last node's line (a value being typed), then lines blank or indented deeper than the key, the
  // cursor's own line included.
  if (lines[0].includes('#')) return false;
  for (let i = 1; i < lines.length; i++) {
    const indent = /^[ \t]*/.exec(lines[i])![0].length;
    const blank = indent === lines[i].length;
    if (indent <= keyColumn && (!blank || i === lines.length - 1)) return false;
  }
  return true;
}

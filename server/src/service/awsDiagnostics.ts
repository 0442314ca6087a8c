// "Validate with AWS": what is sent to Step Functions' ValidateStateMachineDefinition, and where its answers
// belong in the text. The service locates a diagnostic with a JSON-pointer-like `location`
// (`/States/P/Branches/1/States/x~1y/Next`) and no line or column; here that path is walked down the document's
// own tree (JSON or YAML alike), so the editor and the CLI show each finding on the exact member it names.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AwsDefinitionResult, AwsDiagnostic, AwsEmbeddedDefinition, MapAwsDiagnosticsResult } from '../protocol';
import { MAX_DEFINITION_CHARS } from './asl/machineRules';
import { isStateMachine } from './asl/model';
import { propertyNode, toValue } from './core/tree';
import type { AstNode, OffsetRange, ParsedDocument, Problem, WorkflowType } from './core/types';
import type { DocumentStore } from './documentStore';
import { scanPlaceholders, substitutePlaceholders } from './expressions/placeholders';
import { lineOf, toRange } from './lsp';
import { deployedDefinition } from './templates/deployed';

/** The segments of a location: `/a/b~1c` and `a/b~1c` are [a, b/c]; `~1` is `/` and `~0` is `~` (RFC 6901). */
function locationSegments(location: string): string[] {
  const path = location.trim().replace(/^\//, '');
  if (!path) return [];
  return path.split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The part of a node on its first line: a whole Branch or state would be a wall of squiggles. */
function firstLine(text: string, node: AstNode): OffsetRange {
  const newline = text.slice(node.offset, node.offset + node.length).search(/\r?\n/);
  return { offset: node.offset, length: newline < 0 ? node.length : newline };
}

const isContainer = (n: AstNode | undefined) => n?.type === 'object' || n?.type === 'array';

/**
 * The text a `location` names:
 * - a member with a scalar value (`/States/Train/Next`): the whole member, key and value (`"Next": "Evaluat"`);
 * - a member with an object or array value (`/States/Orphan`): its key, the state's or field's name;
 * - an array element (`/States/T/Retry/1`): the element, on its first line;
 * - a path that leaves the tree (a field the service misses, `/States/T/Next` on a state without Next): the
 *   deepest member that exists, which is where the missing field belongs;
 * - no location, or `/`: the StartAt member, else the first line of the text.
 * Segments are escaped as JSON pointers (`~1` `/`, `~0` `~`); a state name written unescaped with `/` in it is
 * found too (the longest run of segments that names a member wins).
 */
function locationRange(parsed: ParsedDocument, location: string | undefined): OffsetRange {
  const root = parsed.root;
  const whole = (): OffsetRange => {
    const startAt = propertyNode(root, 'StartAt');
    if (startAt) return { offset: startAt.offset, length: startAt.length };
    const end = parsed.text.search(/\r?\n/);
    return { offset: 0, length: end < 0 ? parsed.text.length : end };
  };
  if (!root || location === undefined) return whole();
  const segments = locationSegments(location);
  let node: AstNode = root;
  /** The member (property node) or element the walk reached last. */
  let reached: AstNode | undefined;
  for (let i = 0; i < segments.length; i++) {
    let next: AstNode | undefined;
    if (node.type === 'object') {
      // A name with `/` the service left unescaped: the longest run of segments that names a member, grown one
      // segment at a time and never past the longest key here (a hostile endpoint's 50 kB location took 22 s when
      // every run was tried).
      let longest = 0;
      for (const p of node.children ?? []) longest = Math.max(longest, String(p.children?.[0]?.value ?? '').length);
      let joined = '', end = i;
      for (let j = i; j < segments.length; j++) {
        joined = j === i ? segments[j] : `${joined}/${segments[j]}`;
        if (joined.length > longest) break;
        const member = propertyNode(node, joined);
        if (member) {
          next = member;
          end = j;
        }
      }
      i = end;
    } else if (node.type === 'array' && /^\d+$/.test(segments[i])) {
      next = node.children?.[Number(segments[i])];
    }
    if (!next) break;
    reached = next;
    const value = next.type === 'property' ? next.children?.[1] : next;
    if (!value) break;
    node = value;
  }
  if (!reached) return whole();
  if (reached.type !== 'property') return firstLine(parsed.text, reached);
  const [key, value] = reached.children ?? [];
  if (!key) return firstLine(parsed.text, reached);
  if (!value || isContainer(value)) return { offset: key.offset, length: key.length };
  // A followed substitution's value sits where the template writes it (templates/substitutions.ts): the member as written.
  if (value.offset < key.offset) return { offset: reached.offset, length: reached.length };
  return { offset: key.offset, length: value.offset + value.length - key.offset };
}

const SEVERITY: Record<string, Problem['severity']> = { ERROR: 'error', WARNING: 'warning' };

/** The service's diagnostics as findings of this document (source `aws`), each on the text its location names. */
export function awsProblems(parsed: ParsedDocument, diagnostics: readonly AwsDiagnostic[]): Problem[] {
  // What AWS answered, passed on by the client: an entry that is no object is skipped, a field of another type unread.
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  return diagnostics.filter((d) => typeof d === 'object' && d !== null).map((d) => ({
    ...locationRange(parsed, typeof d.location === 'string' ? d.location : undefined),
    message: text(d.message) || text(d.code) || 'Step Functions reported a problem',
    severity: SEVERITY[String(d.severity).toUpperCase()] ?? 'information',
    source: 'aws',
    code: text(d.code) || 'aws',
  }));
}

/** Every `${name}` in the document's strings (keys included), once each, in order. */
function placeholderNames(root: AstNode): string[] {
  const names = new Set<string>();
  const stack: AstNode[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'string') for (const p of scanPlaceholders(String(n.value))) names.add(p.name);
    if (n.children) for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
  }
  return [...names];
}

/**
 * A value as the tree reads it, but a placeholder written bare (outside quotes: `"Seconds": ${WaitSeconds}`, a YAML
 * plain `${X}`) is the JSON its value reads as, as the deployment's text substitution makes it (ux43: 60 was sent as
 * the string "60", which the service refused); a value that is no JSON stays the text.
 */
function bareFilled(text: string, values: Record<string, string>): (n: AstNode) => unknown {
  return (n) => {
    if (n.type !== 'string' || typeof n.value !== 'string' || n.value.length < 4 || text[n.offset] === '"' || text[n.offset] === "'") return n.value;
    const [only] = scanPlaceholders(n.value);
    const written = only && only.start === 0 && only.end === n.value.length ? values[only.name] : undefined;
    if (written === undefined) return n.value;
    try {
      return JSON.parse(written);
    } catch {
      return n.value;
    }
  };
}

/** Every `${name}` in a value's strings (keys included), once each, in order, added to `names`. */
function placeholdersIn(value: unknown, names: Set<string>): Set<string> {
  const stack: unknown[] = [value];
  while (stack.length) {
    const v = stack.pop();
    if (typeof v === 'string') for (const p of scanPlaceholders(v)) names.add(p.name);
    else if (Array.isArray(v)) for (let i = v.length - 1; i >= 0; i--) stack.push(v[i]);
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v).reverse()) stack.push(x, k);
  }
  return names;
}

/** The value with `${name}` replaced in every string and key, without recursion on the user's nesting. */
function substitute(value: unknown, values: Record<string, string>): unknown {
  const valueOf = (name: string) => values[name];
  const fill = (v: unknown): unknown => (typeof v === 'string' ? substitutePlaceholders(v, valueOf) : v);
  const root = { v: value };
  const stack: unknown[] = [root];
  while (stack.length) {
    const container = stack.pop() as Record<string, unknown> | unknown[];
    if (Array.isArray(container)) {
      for (let i = 0; i < container.length; i++) {
        container[i] = fill(container[i]);
        if (container[i] && typeof container[i] === 'object') stack.push(container[i]);
      }
    } else {
      for (const key of Object.keys(container)) {
        const v = fill(container[key]);
        const k = fill(key) as string;
        if (k !== key) delete container[key];
        // Its own member even when named `__proto__` (a placeholder's value), which assignment would make the prototype.
        Object.defineProperty(container, k, { value: v, enumerable: true, writable: true, configurable: true });
        if (v && typeof v === 'object') stack.push(v);
      }
    }
  }
  return root.v;
}

/**
 * The characters a value's strings and keys hold once `values` fill their placeholders, counted no further than just
 * past `limit`: a lower bound of the JSON sent, known before it is written (a template may repeat one long
 * substitution thousands of times: gigabytes).
 */
function filledLength(value: unknown, values: Record<string, string>, limit: number): number {
  const length = (s: string) => scanPlaceholders(s).reduce((n, p) => n + (values[p.name]?.length ?? 0) - (p.end - p.start), s.length);
  let size = 0;
  const stack: unknown[] = [value];
  while (stack.length && size <= limit) {
    const v = stack.pop();
    if (typeof v === 'string') size += length(v);
    else if (Array.isArray(v)) for (const x of v) stack.push(x);
    else if (v && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) {
        size += length(k);
        stack.push(x);
      }
  }
  return size;
}

/** Why a definition is not sent when filling its placeholders makes it larger than the service accepts, else undefined. */
function tooLargeFilled(value: unknown, values: Record<string, string>, name?: string): string | undefined {
  if (filledLength(value, values, MAX_DEFINITION_CHARS) <= MAX_DEFINITION_CHARS) return undefined;
  const filled = placeholdersIn(value, new Set()).size ? ' with its placeholders filled in' : ' as JSON';
  return `The definition${name ? ` of ${name}` : ''} would be over ${MAX_DEFINITION_CHARS.toLocaleString('en-US')} characters${filled}, more than Step Functions accepts: it is not sent.`;
}

/**
 * The definition to send, as JSON: a JSON file as written (so the service sees what would be deployed, duplicate
 * keys included), a YAML or commented file converted; a template's state machines each on their own (`embedded`). `${…}` placeholders stand for values the deployment fills
 * in; they are filled from `values`, and while one has no value nothing is sent.
 */
export function awsDefinition(store: DocumentStore, doc: TextDocument, values: Record<string, string> = {}): AwsDefinitionResult {
  const version = doc.version;
  const parsed = store.stateMachine(doc);
  if (!parsed?.root) return { version, placeholders: [], error: 'This file is not a state machine (no StartAt and States).' };
  const syntax = parsed.syntaxErrors[0];
  // A YAML file that does not read has no JSON form; broken JSON would get the service's INVALID_JSON_DESCRIPTION,
  // with no location, which Problems already shows where it is: neither is sent (new-user walk: the answer landed
  // on another line, a second copy of the editor's own).
  // What is sent is a definition: a half-typed machine, or a template around one, is not (yet) one.
  // A template: its state machines, each on its own (a template that does not read has none to send).
  const embedded = isStateMachine(parsed.root) ? [] : store.machines(doc).filter((m) => m.root && m.root !== parsed.root && (m.syntaxErrors.length || isStateMachine(m.root)));
  if (syntax) {
    const what = embedded.length ? 'template' : parsed.language === 'yaml' ? 'YAML' : 'JSON';
    return { version, placeholders: [], error: `The ${what} does not read (line ${lineOf(doc, syntax.offset) + 1}: ${syntax.message}), so nothing is sent: fix it first.` };
  }
  if (embedded.length) return templateDefinitions(parsed, embedded, version, values);
  if (!isStateMachine(parsed.root)) return { version, placeholders: [], error: 'The definition needs StartAt and States at its top level.' };
  const placeholders = placeholderNames(parsed.root);
  const missing = placeholders.filter((name) => typeof values[name] !== 'string');
  if (missing.length) return { version, placeholders, error: `No value for ${missing.map((n) => `\${${n}}`).join(', ')}: the definition is sent with its placeholders filled in.` };
  const asWritten = parsed.language === 'json' && doc.languageId !== 'jsonc' && !placeholders.length;
  const value = asWritten ? undefined : toValue(parsed.root, bareFilled(parsed.text, values));
  const tooLarge = asWritten ? undefined : tooLargeFilled(value, values);
  if (tooLarge) return { version, placeholders, error: tooLarge };
  const definition = asWritten ? parsed.text : JSON.stringify(substitute(value, values), null, 2);
  const type = store.workflowType(doc.uri);
  return { version, placeholders, definition, ...(type ? { type } : {}) };
}

/**
 * A template's state machines, each sent on its own (CloudFormation deploys each resource's definition alone): as
 * JSON, its intrinsics and `${…}` filled from the template's own values (templates/deployed.ts), then from
 * `values`; while a placeholder has no value, or a value is computed at deployment, nothing is sent.
 */
function templateDefinitions(template: ParsedDocument, machines: ParsedDocument[], version: number, values: Record<string, string>): AwsDefinitionResult {
  const names = new Set<string>();
  const ready: { name: string; at: number; value: unknown; known: Record<string, string>; type?: WorkflowType }[] = [];
  for (const m of machines) {
    const deployed = deployedDefinition(template, m);
    const syntax = m.syntaxErrors[0];
    if (syntax) return { version, placeholders: [], error: `The DefinitionString of ${deployed.name} does not read as JSON, so it cannot be sent: ${syntax.message}` };
    if (deployed.error) return { version, placeholders: [], error: deployed.error };
    // `${!Name}` in a Sub is the text `${Name}` once deployed.
    for (const name of placeholdersIn(deployed.value, new Set())) {
      if (name.startsWith('!')) deployed.known[name] = `\${${name.slice(1)}}`;
      else if (deployed.known[name] === undefined) names.add(name);
    }
    ready.push({ name: deployed.name, at: m.root!.offset, value: deployed.value, known: deployed.known, ...(m.workflowType ? { type: m.workflowType } : {}) });
  }
  const placeholders = [...names];
  const missing = placeholders.filter((name) => typeof values[name] !== 'string');
  if (missing.length) return { version, placeholders, error: `No value for ${missing.map((n) => `\${${n}}`).join(', ')}: the definition is sent with its placeholders filled in.` };
  for (const r of ready) {
    const tooLarge = tooLargeFilled(r.value, { ...r.known, ...values }, r.name);
    if (tooLarge) return { version, placeholders, error: tooLarge };
  }
  const embedded: AwsEmbeddedDefinition[] = ready.map((r) => ({ name: r.name, at: r.at, definition: JSON.stringify(substitute(r.value, { ...r.known, ...values }), null, 2), ...(r.type ? { type: r.type } : {}) }));
  return { version, placeholders, embedded };
}

/** The state machine a definition was sent from: the document's own, or the embedded one whose definition starts at `at`. */
export function sentMachine(store: DocumentStore, doc: TextDocument, at?: number): ParsedDocument {
  return (at !== undefined && store.machines(doc).find((m) => m.root?.offset === at)) || store.parse(doc);
}

/**
 * The service's diagnostics on a document's text, for the editor; `stale` when the document changed since `version`.
 * `at` names the embedded state machine they are about (AwsEmbeddedDefinition.at) in a template.
 */
export function mapAwsDiagnostics(store: DocumentStore, doc: TextDocument, version: number, diagnostics: readonly AwsDiagnostic[], at?: number): MapAwsDiagnosticsResult {
  if (doc.version !== version) return { stale: true, diagnostics: [] };
  return {
    stale: false,
    diagnostics: awsProblems(sentMachine(store, doc, at), diagnostics).map((p) => ({ range: toRange(doc, p), severity: p.severity, code: p.code, message: p.message })),
  };
}

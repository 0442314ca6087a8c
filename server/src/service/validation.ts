// The findings of a state machine document: its syntax, the SageMaker requests (sagemaker/validation.ts) and the
// ASL structure (asl/validateStructure.ts), which leaves the SageMaker Tasks and payloads to the SageMaker checks
// (sageMakerCheckedElsewhere: asl/ knows no integration module; this file wires the two).
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { isStateMachine } from './asl/model';
import { AslCode } from './asl/codes';
import { Code } from './core/codes';
import { aslProblem } from './asl/problem';
import { validateStructure } from './asl/validateStructure';
import { SageMakerCode } from './sagemaker/codes';
import { validateDataflow } from './dataflow/validation';
import type { AstNode, ParsedDocument, Problem, WorkflowType } from './core/types';
import { nodeAt } from './core/tree';
import { column, indentOfLine, lineStart } from './core/text';
import { declaresStateMachine, type DocumentStore } from './documentStore';
import { toDiagnostic } from './lsp';
import { sageMakerCheckedElsewhere, tasksOf } from './sagemaker/tasks';
import { validateSageMakerTasks } from './sagemaker/validation';
import { repeatedJobNames } from './sagemaker/jobNames';
import { isJobSpec, softenSkeletonValues } from './sagemaker/jobSpecs';
import { machineName, templateFindings } from './templates/embedded';
import { TemplateCode } from './templates/substitutions';
import { append } from './core/append';

/** The URI scheme of a launch's resolved request checked as a job spec (checkRequest.ts). */
export const RESOLVED_REQUEST_SCHEME = 'sagemaker-request:';

/** Findings that an incomplete tree (after a syntax error) would produce falsely (a relation between fields, too). */
const INCOMPLETE_TREE_CODES = new Set<string>([SageMakerCode.missingRequired, SageMakerCode.tooFewItems, SageMakerCode.tooFewEntries, SageMakerCode.documentedRule]);

function check(store: DocumentStore, doc: TextDocument, parsed: ParsedDocument): Problem[] {
  const problems = [...parsed.syntaxErrors, ...(parsed.readWarnings ?? [])];
  // The document itself, or each state machine embedded in it (a template: templates/embedded.ts).
  const machines = isStateMachine(parsed.root) ? [parsed] : store.machines(doc);
  // An *.asl.json / *.asl.yaml document is a state machine even when it lacks StartAt or States (not a template's).
  const declared = declaresStateMachine(doc);
  for (const m of machines) {
    if (m !== parsed) append(problems, m.syntaxErrors);
    // A template's machine is declared by its resource: one that lacks StartAt or States is still checked.
    const declaredHere = m === parsed ? declared : machineName(m) !== undefined;
    // A template's syntax errors leave its machines' trees incomplete too.
    const errors = m === parsed ? parsed.syntaxErrors : [...parsed.syntaxErrors, ...m.syntaxErrors];
    append(problems, checkMachine(store, m, errors, doc.uri, declaredHere, m === parsed ? store.workflowType(doc.uri) : m.workflowType));
  }
  // What a template says of its machines' placeholders needs its DefinitionSubstitutions read as written: not while
  // a syntax error stands (tpl34: "the state machine has none" where the error had cut them off).
  if (machines[0] !== parsed) append(problems, parsed.syntaxErrors.length ? templateFindings(parsed).filter((p) => p.code !== TemplateCode.unmatchedPlaceholder) : templateFindings(parsed));
  // A state machine file is one YAML document: each other one is an error (the machine read is still checked).
  if (parsed.otherDocuments && machines.includes(parsed)) append(problems, parsed.otherDocuments);
  return parsed.unread ? problems.filter(readAt(parsed.unread)) : problems;
}

/** Whether a finding is on text that was read: none on an alias past the budget (ParsedDocument's `unread`). */
function readAt(unread: readonly { offset: number; length: number }[]): (p: Problem) => boolean {
  const ranges = [...unread].sort((a, b) => a.offset - b.offset);
  return (p) => {
    if (p.code === Code.tooLarge) return true;
    // The last range starting before the finding ends: the only one that can overlap it (aliases do not nest).
    let lo = 0, hi = ranges.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ranges[mid].offset < p.offset + Math.max(p.length, 1)) lo = mid + 1;
      else hi = mid;
    }
    const r = ranges[lo - 1];
    return !r || r.offset + r.length <= p.offset;
  };
}

function checkMachine(store: DocumentStore, parsed: ParsedDocument, syntaxErrors: readonly Problem[], uri: string, declared: boolean, workflowType: WorkflowType | undefined): Problem[] {
  const incomplete = syntaxErrors.length > 0;
  const problems: Problem[] = [];
  // A standalone job spec is a request, not a state machine: the request checks only, skeleton blanks softened.
  // (Not a launch's resolved request, checkRequest.ts: its blanks are what would be sent.)
  if (isJobSpec(parsed)) {
    const request = validateSageMakerTasks(tasksOf(parsed), parsed.text, parsed.language);
    return uri.startsWith(RESOLVED_REQUEST_SCHEME) ? request : softenSkeletonValues(parsed, request);
  }
  // A state machine file whose whole document is no object (`[]`, `null`, a number): nothing else can be read.
  const root = parsed.root;
  if (declared && !incomplete && root && root.type !== 'object' && !(root.type === 'null' && root.length === 0)) {
    const what = root.type === 'array' ? 'an array' : root.type === 'null' ? 'null' : `a ${root.type}`;
    return [aslProblem(root.offset, root.type === 'array' ? 1 : Math.max(root.length, 1), AslCode.invalidValue, `A state machine is an object with StartAt and States, not ${what}`)];
  }
  if (!parsed.root || !(isStateMachine(parsed.root) || (declared && parsed.root.type === 'object'))) return problems;
  const sagemaker = validateSageMakerTasks(tasksOf(parsed), parsed.text, parsed.language);
  // A syntax error leaves the tree incomplete: what is missing is a consequence of it, not a finding; nor is what
  // the object or list being typed holds (an unclosed string's text read as a key, the value after it as another).
  if (incomplete) {
    const broken = brokenContainers(parsed, syntaxErrors);
    const misplaced = misplacedByRecovery(parsed, syntaxErrors);
    append(problems, sagemaker.filter((p) => !INCOMPLETE_TREE_CODES.has(p.code) && !guessedByRecovery(parsed, broken, p) && !misplaced(p)));
  } else append(problems, sagemaker);
  // The structure of a half-typed document says more about the typing than about the state machine: judged
  // only when it reads completely (the SageMaker checks above keep working meanwhile).
  if (!incomplete) append(problems, withoutMoot(validateStructure(parsed.root, parsed.text, store.model(parsed), parsed.language, sageMakerCheckedElsewhere(parsed), workflowType, parsed.deployedAs), sagemaker));
  // What the paths read (dataflow/): warnings only, and only on a complete tree.
  if (!incomplete) append(problems, validateDataflow(parsed, store.executionInput(uri)));
  // Between tasks: a literal job name that one execution sends twice.
  if (!incomplete) append(problems, repeatedJobNames(tasksOf(parsed)));
  return problems;
}

/** The object or list of `parsed` that holds each syntax error, with where the error is (found once per check). */
function brokenContainers(parsed: ParsedDocument, syntaxErrors: readonly Problem[]): { container: AstNode; from: number }[] {
  const out: { container: AstNode; from: number }[] = [];
  for (const e of syntaxErrors) {
    const container = containerOf(nodeAt(parsed.root, e.offset));
    if (container) out.push({ container, from: e.offset });
  }
  return out;
}

/**
 * Whether finding `p` is about a member the parser's recovery made up: one of the object or list that holds a syntax
 * error, written at or after it (an unclosed string's text read as a key, the value after it as another), or a value
 * the error cuts short (`{S3OutputPath: ${Out}}` in YAML reads `$`, then fails at its `{`). Findings before the
 * error, and inside other members' values, stand.
 */
function guessedByRecovery(parsed: ParsedDocument, broken: readonly { container: AstNode; from: number }[], p: Problem): boolean {
  if (!broken.length) return false;
  const container = containerOf(nodeAt(parsed.root, p.offset)?.parent);
  return !!container && broken.some((b) => b.container === container && b.from <= p.offset + p.length);
}

/**
 * Whether a finding lies in a member the recovery put in the wrong object (JSON): a `}` deleted above leaves its
 * object open, and the parser reads the members after it (its siblings', its parent's) as its own, so "Unknown
 * parameter TrainingJobDefinition in HyperParameterTuningJobConfig" (new-user walk, session 33). The indentation
 * tells what the braces no longer do: in an object whose members are indented deeper than the line that opened it (or
 * that opened inline), a member that starts its line no deeper than that line, or at another depth than the first
 * member on a line of its own, is not where the tree has it; it and the members after it are not judged while the
 * syntax error stands. Not after an error that leaves every member where it was (a comment, a
 * trailing comma), nor in an object whose indentation says nothing (unindented JSON). (YAML's indentation is its
 * syntax: not needed.)
 */
function misplacedByRecovery(parsed: ParsedDocument, syntaxErrors: readonly Problem[]): (p: Problem) => boolean {
  if (parsed.language !== 'json' || !syntaxErrors.some((e) => movesMembers(parsed.text, e))) return () => false;
  const text = parsed.text;
  /** The indentation (a tab as 4 columns) of the line `offset` is on, and whether `offset` is the first thing on it. */
  const lineOf = (offset: number) => {
    const lead = indentOfLine(text, offset);
    return { indent: lead.length + 3 * (lead.split('\t').length - 1), first: lead.length === column(text, offset) };
  };
  // Where each object's first misplaced member starts (Infinity: none), found once per object: a finding is in a
  // misplaced member when it lies at or after it (30,000 states' findings must not each walk the States object).
  const firstMisplaced = new Map<AstNode, number>();
  const firstOf = (object: AstNode): number => {
    let at = firstMisplaced.get(object);
    if (at !== undefined) return at;
    at = Infinity;
    const opened = lineOf(object.offset).indent;
    const line = lineStart(text, object.offset);
    let inline = false;
    let first: number | undefined;
    for (const m of object.children ?? []) {
      // Members written on the line that opened the object: it was meant to close on that line.
      if (lineStart(text, m.offset) === line) {
        inline = true;
        continue;
      }
      const { indent, first: starts } = lineOf(m.offset);
      if (!starts) continue;
      // Unless written inline, the first member on a line of its own says whether the members are indented at all.
      if (first === undefined && !inline && indent <= opened) break;
      first ??= indent;
      if (indent <= opened || indent !== first) {
        at = m.offset;
        break;
      }
    }
    firstMisplaced.set(object, at);
    return at;
  };
  return (p) => {
    for (let n = nodeAt(parsed.root, p.offset); n; n = n.parent) {
      if (n.type === 'property' && n.parent?.type === 'object' && n.offset >= firstOf(n.parent)) return true;
    }
    return false;
  };
}

/** Whether a syntax error may have moved members between objects: not a comment, nor a comma before a closing bracket. */
function movesMembers(text: string, e: Problem): boolean {
  if (/comment/.test(e.message)) return false;
  if (text[e.offset] === '}' || text[e.offset] === ']') {
    let i = e.offset - 1;
    while (i >= 0 && /\s/.test(text[i])) i--;
    if (text[i] === ',') return false;
  }
  return true;
}

/** The nearest object or list at or above `n`. */
function containerOf(n: AstNode | undefined): AstNode | undefined {
  while (n && n.type !== 'object' && n.type !== 'array') n = n.parent;
  return n;
}

/**
 * The structure's findings without the warning that a .waitForTaskToken request never passes its token on a
 * Resource whose integration's own checks refuse the pattern: a SageMaker task has no .waitForTaskToken at all, and
 * waiting for a token it never sends is moot. Every other finding there stays.
 */
function withoutMoot(structure: Problem[], integration: readonly Problem[]): Problem[] {
  const refused = new Set(integration.filter((p) => p.code === SageMakerCode.unsupportedIntegrationPattern).map((p) => p.offset));
  return refused.size ? structure.filter((p) => !(p.data?.tokenNeverPassed === true && refused.has(p.offset))) : structure;
}

/** Findings in offsets (for the CLI and quick fixes), once per parse. */
export function validate(store: DocumentStore, doc: TextDocument): Problem[] {
  const parsed = store.stateMachine(doc);
  if (!parsed) return [];
  return store.findings(doc, parsed, (p) => check(store, doc, p));
}

export function doValidation(store: DocumentStore, doc: TextDocument): Diagnostic[] {
  // A new, empty file in the editor is not yet a document with an error (as VS Code's JSON says nothing of one): its
  // completion offers whole state machines to start from. The CLI still says an empty file is no state machine.
  if (!/\S/.test(doc.getText())) return [];
  return validate(store, doc).map((p) => toDiagnostic(doc, p));
}

// The findings of a state machine document: its syntax, the SageMaker requests (sagemaker/validation.ts) and the
// ASL structure (asl/validateStructure.ts), which leaves the SageMaker payloads to the SageMaker checks.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { isStateMachine } from './asl/model';
import { validateStructure } from './asl/validateStructure';
import { Code } from './core/codes';
import { validateDataflow } from './dataflow/validation';
import type { ParsedDocument, Problem } from './core/types';
import type { DocumentStore } from './documentStore';
import { toDiagnostic } from './lsp';
import { sageMakerPayloads, tasksOf } from './sagemaker/tasks';
import { validateSageMakerTasks } from './sagemaker/validation';

/** Findings that an incomplete tree (after a syntax error) would produce falsely. */
const INCOMPLETE_TREE_CODES = new Set<string>([Code.missingRequired, Code.tooFewItems, Code.tooFewEntries]);

function check(store: DocumentStore, parsed: ParsedDocument): Problem[] {
  const problems = [...parsed.syntaxErrors];
  if (!parsed.root || !isStateMachine(parsed.root)) return problems;
  const sagemaker = validateSageMakerTasks(tasksOf(parsed), parsed.text, parsed.language);
  // A syntax error leaves the tree incomplete: what is missing is a consequence of it, not a finding.
  problems.push(...(parsed.syntaxErrors.length ? sagemaker.filter((p) => !INCOMPLETE_TREE_CODES.has(p.code)) : sagemaker));
  // The structure of a half-typed document says more about the typing than about the state machine: judged
  // only when it reads completely (the SageMaker checks above keep working meanwhile).
  if (!parsed.syntaxErrors.length) problems.push(...validateStructure(parsed.root, parsed.text, store.model(parsed), parsed.language, sageMakerPayloads(parsed)));
  // What the paths read (dataflow/): warnings only, and only on a complete tree.
  if (!parsed.syntaxErrors.length) problems.push(...validateDataflow(parsed));
  return problems;
}

/** Findings in offsets (for the CLI and quick fixes), once per parse. */
export function validate(store: DocumentStore, doc: TextDocument): Problem[] {
  const parsed = store.stateMachine(doc);
  if (!parsed) return [];
  return store.findings(doc, parsed, (p) => check(store, p));
}

export function doValidation(store: DocumentStore, doc: TextDocument): Diagnostic[] {
  return validate(store, doc).map((p) => toDiagnostic(doc, p));
}

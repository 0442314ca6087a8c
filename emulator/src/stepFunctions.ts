// Step Functions' ValidateStateMachineDefinition (AWS JSON 1.0, `X-Amz-Target:
// AWSStepFunctions.ValidateStateMachineDefinition`), answered with the project's own checks of what Step Functions
// itself judges (the definition's syntax, structure and expressions, the integration a Task names; not a SageMaker
// request's members or the data flow, which only this project reports): the language service finds the problems in
// offsets, and each offset becomes a `location` the way the service writes it (`/States/Train/Next`,
// `/States/P/Branches/0/States/X`), so "Validate with AWS" and `lint --aws` can be tested offline with the real SDK,
// locations included.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { findNodeAtOffset, getNodePath, parseTree, type Node } from 'jsonc-parser';
import { getLanguageService } from '../../server/src/service/languageService';
import type { Problem } from '../../server/src/service/core/types';
import { AWS_CODE } from '../../server/src/service/asl/codes';
import { MAX_DEFINITION_CHARS } from '../../server/src/service/asl/machineRules';
import { ApiError } from './sagemaker';

type Json = Record<string, any>;
type Severity = 'ERROR' | 'WARNING';

export interface Diagnostic {
  severity: Severity;
  code: string;
  message: string;
  location?: string;
}

const MAX_RESULTS = 100;

/** The codes the service documents, with the severity it gives them. */
const DOCUMENTED: Record<string, Severity> = {
  NO_DOLLAR: 'WARNING',
  NO_PATH: 'WARNING',
  PASS_RESULT_IS_STATIC: 'WARNING',
  INVALID_JSON_DESCRIPTION: 'ERROR',
  MISSING_DESCRIPTION: 'ERROR',
  SCHEMA_VALIDATION_FAILED: 'ERROR',
  INVALID_RESOURCE: 'ERROR',
  MISSING_END_STATE: 'ERROR',
  DUPLICATE_STATE_NAME: 'ERROR',
  INVALID_STATE_NAME: 'ERROR',
  MISSING_TRANSITION_TARGET: 'ERROR',
  TOO_DEEPLY_NESTED: 'ERROR',
  DUPLICATE_LABEL_NAME: 'ERROR',
  INVALID_LABEL_NAME: 'ERROR',
  // Observed, not documented.
  INVALID_JSONATA_EXPRESSION: 'ERROR',
  UNSUPPORTED_JSONATA_EXPRESSION: 'ERROR',
};

/**
 * The service's codes of the findings that carry none (data.awsCode, which the ASL checks' errors do): asl/codes.ts
 * AWS_CODE first (the expression codes of a SageMaker payload, a warning's), then the codes only a definition sent
 * here can get. A code `asl-duplicate-state-name` (or `DUPLICATE_STATE_NAME`) maps to DUPLICATE_STATE_NAME by its
 * name; everything else the service reports as SCHEMA_VALIDATION_FAILED.
 */
const SERVICE_CODE: Record<string, string> = {
  'path-without-dollar-suffix': 'NO_DOLLAR',
  syntax: 'INVALID_JSON_DESCRIPTION',
  'too-large': 'TOO_DEEPLY_NESTED',
};
/** Codes the service reports without a location (observed for MISSING_END_STATE). */
const NO_LOCATION = new Set(['MISSING_END_STATE', 'INVALID_JSON_DESCRIPTION', 'MISSING_DESCRIPTION', 'TOO_DEEPLY_NESTED']);

function serviceCode(code: string): string {
  const known = AWS_CODE[code] ?? SERVICE_CODE[code];
  if (known) return known;
  const byName = code.replace(/^asl-/, '').replace(/-/g, '_').toUpperCase();
  return Object.hasOwn(DOCUMENTED, byName) ? byName : 'SCHEMA_VALIDATION_FAILED';
}

/** RFC 6901: `~` and `/` inside a segment are escaped, so a state named "a/b" stays one segment. */
const pointer = (path: (string | number)[]) => path.map((s) => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');

const validationError = (member: string, value: unknown, constraint: string) =>
  new ApiError({
    status: 400,
    type: 'ValidationException',
    message: `1 validation error detected: Value ${value === undefined || value === null ? 'null' : `'${String(value).slice(0, 80)}'`} at '${member}' failed to satisfy constraint: ${constraint}`,
  });

function checkInput(input: Json): { definition: string; severity: Severity; maxResults: number; type: string } {
  const { definition, type = 'STANDARD', severity = 'ERROR', maxResults = 0 } = input;
  if (typeof definition !== 'string') throw validationError('definition', definition, definition == null ? 'Member must not be null' : 'Member must be a string');
  // The service's limit on a definition (characters, its API reference and quotas page): the one the editor warns of.
  if (definition.length > MAX_DEFINITION_CHARS) throw validationError('definition', `${definition.slice(0, 40)}...`, `Member must have length less than or equal to ${MAX_DEFINITION_CHARS}`);
  if (type !== 'STANDARD' && type !== 'EXPRESS') throw validationError('type', type, 'Member must satisfy enum value set: [STANDARD, EXPRESS]');
  if (severity !== 'ERROR' && severity !== 'WARNING') throw validationError('severity', severity, 'Member must satisfy enum value set: [ERROR, WARNING]');
  if (typeof maxResults !== 'number' || !Number.isInteger(maxResults) || maxResults < 0 || maxResults > MAX_RESULTS) {
    throw validationError('maxResults', maxResults, `Member must be an integer from 0 to ${MAX_RESULTS}`);
  }
  return { definition, type, severity, maxResults: maxResults || MAX_RESULTS };
}

/** Every finding of the project's checks on a definition, in document order, as the service words them. */
function diagnoseDefinition(definition: string, type = 'STANDARD'): Diagnostic[] {
  if (!definition.trim()) return [{ severity: 'ERROR', code: 'MISSING_DESCRIPTION', message: 'The state machine definition is empty' }];
  const doc = TextDocument.create('emulator://definition.asl.json', 'asl', 1, definition);
  const service = getLanguageService();
  // An EXPRESS machine is judged as one (what it cannot do, asl/validateStructure.ts expressOf, is an error).
  service.setWorkflowType(doc.uri, type === 'EXPRESS' ? 'EXPRESS' : undefined);
  const all = service.validate(doc);
  const problems = all.filter(reportedByStepFunctions).sort((a, b) => a.offset - b.offset);
  const out: Diagnostic[] = [];
  const broken = all.some((p) => p.code === 'syntax' || p.code === 'too-large');
  // The service's paths: parsed here from the root (the service's parse may move or stay in its own module);
  // only for a definition that parses, within the nesting the language service accepts.
  const root: Node | undefined = broken ? undefined : parseTree(definition, [], { disallowComments: true });
  // A definition is a state machine by its name here (definition.asl.json): the checks report a missing StartAt or
  // States, and a definition that is no object at all, themselves.
  for (const p of problems) out.push(toDiagnostic(p, root));
  return out;
}

/** The SageMaker checks' findings Step Functions makes itself: the integration a Task names and its pattern. */
const INTEGRATION_CODES = new Set(['unknown-integration', 'unsupported-integration-pattern']);

/**
 * What Step Functions itself reports: the definition's errors (its syntax, its structure, its expressions wherever
 * they are, the integration a Task names) and the warnings it documents (NO_DOLLAR…); not what this project adds (a
 * SageMaker request's members, the data flow, what may fail at run time), which the editor shows already.
 */
function reportedByStepFunctions(p: Problem): boolean {
  const code = typeof p.data?.awsCode === 'string' ? p.data.awsCode : serviceCode(p.code);
  // A code of the service's own (not the SCHEMA_VALIDATION_FAILED everything else maps to) is its finding.
  if (code !== 'SCHEMA_VALIDATION_FAILED' && Object.hasOwn(DOCUMENTED, code)) return true;
  if (p.severity !== 'error') return false;
  if (p.source === 'asl' || p.source === 'json' || p.source === 'yaml') return true;
  return p.source === 'sagemaker' && (Object.hasOwn(AWS_CODE, p.code) || Object.hasOwn(SERVICE_CODE, p.code) || INTEGRATION_CODES.has(p.code));
}

function toDiagnostic(p: Problem, root: Node | undefined): Diagnostic {
  // The service's code where the check names it (asl/codes.ts AWS_CODE), else the mapping from ours.
  const code = typeof p.data?.awsCode === 'string' ? p.data.awsCode : serviceCode(p.code);
  // A documented code carries the service's severity (an unreachable state is refused, not a warning there).
  const severity = code !== 'SCHEMA_VALIDATION_FAILED' ? DOCUMENTED[code] : p.severity === 'error' ? 'ERROR' : 'WARNING';
  // Our messages end with the service's code for the editor's user; the service's own messages carry it apart.
  const d: Diagnostic = { severity, code, message: p.message.endsWith(` (${code})`) ? p.message.slice(0, -code.length - 3) : p.message };
  if (root && !NO_LOCATION.has(code)) {
    const node = findNodeAtOffset(root, p.offset, false);
    if (node) {
      const location = pointer(getNodePath(node));
      if (location) d.location = location;
    }
  }
  return d;
}

/** ValidateStateMachineDefinition: `result` FAIL when any error is found, diagnostics cut at `maxResults`. */
function validateStateMachineDefinition(input: Json): Json {
  const { definition, type, severity, maxResults } = checkInput(input);
  const all = diagnoseDefinition(definition, type);
  const shown = all.filter((d) => severity === 'WARNING' || d.severity === 'ERROR');
  return {
    result: all.some((d) => d.severity === 'ERROR') ? 'FAIL' : 'OK',
    diagnostics: shown.slice(0, maxResults),
    truncated: shown.length > maxResults,
  };
}

/** The Step Functions operations this emulates, by X-Amz-Target. */
export const STEP_FUNCTIONS_OPERATIONS = new Map<string, (input: Json) => Json>([
  ['AWSStepFunctions.ValidateStateMachineDefinition', validateStateMachineDefinition],
]);

// Stable codes of the ASL structure checks (source 'asl'). Quick fixes and the CLI key on them: never rename one.
import { Code } from '../core/codes';

export const AslCode = {
  /** StartAt, Next, Default or a catcher's Next names no state of its machine. */
  unknownState: 'asl-unknown-state',
  /** No StartAt/Next/Default/Catch path leads to the state (the service refuses it as MISSING_TRANSITION_TARGET). */
  unreachableState: 'asl-unreachable-state',
  /** No state of a machine ends it (End: true, Succeed or Fail). */
  noTerminalState: 'asl-no-terminal-state',
  /** A required field is missing (Type, Resource, StartAt, Next or End, ErrorEquals…). */
  missingField: 'asl-missing-field',
  /** A field the state type, rule, retrier or catcher does not have. */
  unknownField: 'asl-unknown-field',
  /** A field of the other query language (Parameters in a JSONata state, Arguments in a JSONPath state…). */
  wrongQueryLanguage: 'asl-wrong-query-language',
  /** Two fields that exclude each other (Next and End, TimeoutSeconds and TimeoutSecondsPath…). */
  exclusiveFields: 'asl-exclusive-fields',
  /** A value of the wrong JSON type or out of its range or enumeration. */
  invalidValue: 'asl-invalid-value',
  /** A Choice rule without exactly one comparison (or And/Or/Not, or Condition in JSONata). */
  invalidChoiceRule: 'asl-invalid-choice-rule',
  /** Type names no state type. */
  unknownStateType: 'asl-unknown-state-type',
  /** Two states of one name anywhere in the state machine, branches and Map processors included. */
  duplicateStateName: 'asl-duplicate-state-name',
  /** A state name longer than 80 characters. */
  invalidStateName: 'asl-invalid-state-name',
  /** The same key twice in one JSON object: a warning, the last value is the one read. */
  duplicateKey: 'asl-duplicate-key',
  /** A payload template with both `X` and `X.$`. */
  duplicatePayloadField: 'asl-duplicate-payload-field',
  /** A Resource no service accepts (not an ARN, a Lambda ARN with an empty or invalid qualifier…). */
  invalidResource: 'asl-invalid-resource',
  /** An optimized integration (arn:aws:states:::service:action[.pattern]) Step Functions does not have: service, action or pattern. */
  unknownIntegration: 'asl-unknown-integration',
  /** A JSONata string that opens {% and never closes it (or the reverse), $eval, States.* inside {% %}. */
  invalidJsonata: 'asl-invalid-jsonata',
  /** A variable that no state assigns where it is read (warning), or $states.result/errorOutput where there is none. */
  unknownVariable: 'asl-unknown-variable',
  /** A Distributed Map Label that is too long or has characters the service forbids. */
  invalidLabel: 'asl-invalid-label',
  /** Two Distributed Maps with the same Label. */
  duplicateLabel: 'asl-duplicate-label',
  /** The definition is larger than the service's quota (1,048,576 characters). */
  definitionTooLarge: 'asl-definition-too-large',
  /** An Assign name that is not a variable name (over 80 characters, not a Unicode identifier, the reserved `states`). */
  invalidVariableName: 'asl-invalid-variable-name',
  /** A Parallel branch or inline Map iteration assigns a variable that a machine around it assigns. */
  outerVariableAssigned: 'asl-outer-variable-assigned',
  /** A `States.` error name in ErrorEquals that is a predefined one in the wrong case, or a typo of one no Fail state raises: it never matches (warning). */
  unknownErrorName: 'asl-unknown-error-name',
  /** A JSONata expression reads the input document (`$`, `$$`, a field name at its top level): warning. */
  jsonataInputDocument: 'asl-jsonata-input-document',
  /**
   * What an execution cannot do: a .sync, .waitForTaskToken or activity task in an Express workflow (an error where the
   * template declares the machine EXPRESS, which deploy refuses; a warning in a Distributed Map's Express children), a
   * Wait longer than the execution may last, a Pass state's Result over the 256 KiB output quota (warnings).
   */
  executionLimit: 'asl-execution-limit',
  /** A Distributed Map's field (ItemReader, ItemBatcher, ResultWriter, ToleratedFailure…, Label) on a Map that runs inline: warning. */
  distributedOnlyField: 'asl-distributed-only-field',
  /** A key ending in `.$` in a JSONata state, where nothing marks a value as a path: the key and its string are passed on as written (warning). */
  jsonPathKey: 'asl-jsonpath-key',
  /** A `{% … $states… %}` string in a JSONPath state: passed on as text. */
  jsonataInJsonPath: 'asl-jsonata-in-jsonpath-state',
} as const;

/**
 * The code Step Functions itself gives a finding at deploy (CreateStateMachine, ValidateStateMachineDefinition),
 * where it documents one: named in the message and in `data.awsCode` so a user recognises the deploy error.
 */
export const AWS_CODE: Record<string, string> = {
  [AslCode.unknownState]: 'MISSING_TRANSITION_TARGET',
  [AslCode.unreachableState]: 'MISSING_TRANSITION_TARGET',
  [AslCode.noTerminalState]: 'MISSING_END_STATE',
  [AslCode.missingField]: 'SCHEMA_VALIDATION_FAILED',
  [AslCode.unknownField]: 'SCHEMA_VALIDATION_FAILED',
  [AslCode.wrongQueryLanguage]: 'SCHEMA_VALIDATION_FAILED',
  [AslCode.exclusiveFields]: 'SCHEMA_VALIDATION_FAILED',
  [AslCode.invalidValue]: 'SCHEMA_VALIDATION_FAILED',
  [AslCode.invalidChoiceRule]: 'SCHEMA_VALIDATION_FAILED',
  [AslCode.unknownStateType]: 'SCHEMA_VALIDATION_FAILED',
  [AslCode.duplicateStateName]: 'DUPLICATE_STATE_NAME',
  [AslCode.invalidStateName]: 'INVALID_STATE_NAME',
  [AslCode.duplicatePayloadField]: 'SCHEMA_VALIDATION_FAILED',
  [AslCode.invalidResource]: 'INVALID_RESOURCE',
  // "SCHEMA_VALIDATION_FAILED: The resource provided arn:…:states:::dynamodb:query is not recognized" (LocalStack's AWS-recorded snapshot).
  [AslCode.unknownIntegration]: 'SCHEMA_VALIDATION_FAILED',
  [AslCode.invalidJsonata]: 'INVALID_JSONATA_EXPRESSION',
  [AslCode.invalidLabel]: 'INVALID_LABEL_NAME',
  [AslCode.duplicateLabel]: 'DUPLICATE_LABEL_NAME',
  [AslCode.executionLimit]: 'SCHEMA_VALIDATION_FAILED',
  [Code.invalidJsonata]: 'INVALID_JSONATA_EXPRESSION',
  [Code.invalidPath]: 'SCHEMA_VALIDATION_FAILED',
  [Code.invalidIntrinsic]: 'SCHEMA_VALIDATION_FAILED',
};
// Expression syntax findings keep the expressions module's codes: invalid-path, invalid-intrinsic, invalid-jsonata.

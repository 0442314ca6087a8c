// Stable codes of the ASL structure checks (source 'asl'). Quick fixes and the CLI key on them: never rename one.
export const AslCode = {
  /** StartAt, Next, Default or a catcher's Next names no state of its machine. */
  unknownState: 'asl-unknown-state',
  /** No StartAt/Next/Default/Catch path leads to the state (warning). */
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
} as const;
// Expression syntax findings keep the expressions module's codes: invalid-path, invalid-intrinsic, invalid-jsonata.

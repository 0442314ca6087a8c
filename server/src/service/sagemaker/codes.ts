// Stable codes of the SageMaker request checks (source 'sagemaker'). Quick fixes, the CLI's output and users'
// suppressions key on these strings: never rename one, only add.
export const SageMakerCode = {
  unknownKey: 'unknown-key',
  missingRequired: 'missing-required',
  wrongType: 'wrong-type',
  enumValue: 'enum-value',
  pattern: 'pattern',
  pathWithoutDollarSuffix: 'path-without-dollar-suffix',
  /** A `{% %}` JSONata expression in a JSONPath state: sent as text. */
  jsonataInJsonPath: 'jsonata-in-jsonpath-state',
  tooShort: 'too-short',
  tooLong: 'too-long',
  outOfRange: 'out-of-range',
  tooFewItems: 'too-few-items',
  tooManyItems: 'too-many-items',
  tooFewEntries: 'too-few-entries',
  tooManyEntries: 'too-many-entries',
  deprecated: 'deprecated',
  unsupportedIntegrationPattern: 'unsupported-integration-pattern',
  unknownIntegration: 'unknown-integration',
  /** A rule SageMaker states only in its API documentation (schemas/documented-rules.json). */
  documentedRule: 'documented-rule',
  /** A dynamic value (`.$`, an intrinsic) that can break a member's limit when it runs. */
  likelyRuntimeFailure: 'likely-runtime-failure',
  /** A union structure (the model's `union: true`) with no member or more than one set. */
  unionMembers: 'union-members',
  /** A literal job name one execution sends twice (a Map's items, two Parallel branches): names must be unique. */
  repeatedJobName: 'repeated-job-name',
} as const;

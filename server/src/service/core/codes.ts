// The stable `code` of every diagnostic. Quick fixes, the CLI's output and users' suppressions key on these
// strings: never rename one, only add.
export const Code = {
  // SageMaker request checks (source "sagemaker")
  unknownKey: 'unknown-key',
  missingRequired: 'missing-required',
  wrongType: 'wrong-type',
  enumValue: 'enum-value',
  pattern: 'pattern',
  pathWithoutDollarSuffix: 'path-without-dollar-suffix',
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
  // Dynamic values
  invalidPath: 'invalid-path',
  invalidIntrinsic: 'invalid-intrinsic',
  invalidJsonata: 'invalid-jsonata',
  likelyRuntimeFailure: 'likely-runtime-failure',
  // The file itself
  syntax: 'syntax',
  tooLarge: 'too-large',
} as const;

/**
 * The code action kind of this extension's fix-all (a sub-kind of `source.fixAll`), so a user can run it on save
 * without every other fix-all: `"editor.codeActionsOnSave": { "source.fixAll.sagemaker": "explicit" }`. Here, in a
 * module without dependencies, so the client (through protocol.ts) and the CLI read the same string.
 */
export const FIX_ALL_KIND = 'source.fixAll.sagemaker';

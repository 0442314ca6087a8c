// The stable `code` of the findings every part of the service shares (expression syntax, the file itself); the ASL
// checks' are in asl/codes.ts, the SageMaker request checks' in sagemaker/codes.ts, the data flow's in
// dataflow/validation.ts. Quick fixes, the CLI's output and users' suppressions key on these strings: never rename
// one, only add.
export const Code = {
  // Expression syntax (JSONPath, intrinsic functions, JSONata), wherever an expression is checked.
  invalidPath: 'invalid-path',
  invalidIntrinsic: 'invalid-intrinsic',
  invalidJsonata: 'invalid-jsonata',
  // The file itself
  syntax: 'syntax',
  tooLarge: 'too-large',
  /** A YAML key given twice in its mapping (a warning: the last one is read). */
  duplicateKey: 'duplicate-key',
  /** A YAML tag that is neither YAML's own nor CloudFormation's (`!Foo`): its value is not checked. */
  unknownTag: 'unknown-tag',
  /** A YAML state machine file of more than one document (`---` starting another). */
  multipleDocuments: 'multiple-documents',
} as const;

/** The code of a mistake inside an expression (expressions/types.ts ExpressionError). */
export type ExpressionCode = (typeof Code)['invalidPath' | 'invalidIntrinsic' | 'invalidJsonata'];

/**
 * The code action kind of this extension's fix-all (a sub-kind of `source.fixAll`), so a user can run it on save
 * without every other fix-all: `"editor.codeActionsOnSave": { "source.fixAll.sagemaker": "explicit" }`. Here, in a
 * module without dependencies, so the client (through protocol.ts) and the CLI read the same string.
 */
export const FIX_ALL_KIND = 'source.fixAll.sagemaker';

// Entry of dist/jobs.js: everything that needs the AWS SDK or jsonata. The extension requires it on the first
// launch, stop or resume, never at activation (the SDK alone takes longer to load than the activation budget).
export { JobRunner } from './jobRunner';
export type { Caller, StartResult } from './jobRunner';
export { resolveRequest, makeExecutionContext, findPlaceholders } from './resolveRequest';
export { redact, secretValues, MaskPolicy } from './mask';
export { explainError, JobError } from './awsErrors';
export { validateDefinition, VALIDATE_OPERATION } from './validateDefinition';
export type { DefinitionValidation } from './validateDefinition';

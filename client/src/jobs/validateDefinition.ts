// Step Functions' ValidateStateMachineDefinition, for "Validate with AWS" in the editor and `lint --aws` on the
// command line: one call, with the client settings and credentials rule of the jobs (endpoint.ts), and failures
// explained the way a launch explains them (awsErrors.ts). Lives in dist/jobs.js: it needs the AWS SDK.
import { SFNClient, ValidateStateMachineDefinitionCommand } from '@aws-sdk/client-sfn';
import type { AwsDiagnostic } from '../../../server/src/protocol';
import { explainError, JobError } from './awsErrors';
import { clientSettings, guardDestination, type ClientSettings } from './endpoint';

export interface DefinitionValidation {
  /** OK or FAIL, as the service says. */
  result: string;
  diagnostics: AwsDiagnostic[];
  /** The service listed only the first diagnostics. */
  truncated: boolean;
}

export const VALIDATE_OPERATION = 'states:ValidateStateMachineDefinition';

/**
 * Sends `definition` (JSON text), as the workflow `type` a template declares when it does (an Express machine is
 * validated as one); warnings are asked for too. Throws a JobError that says what went wrong.
 */
export async function validateDefinition(definition: string, settings: ClientSettings, signal?: AbortSignal, type?: 'STANDARD' | 'EXPRESS'): Promise<DefinitionValidation> {
  const client = new SFNClient({
    ...clientSettings(settings),
    // One call, not a watch: the SDK's own retries (with backoff on throttling) are the right ones.
    maxAttempts: 3,
    requestHandler: { requestTimeout: 30_000, connectionTimeout: 10_000, throwOnRequestTimeout: true },
  });
  guardDestination(client, settings);
  try {
    const out = await client.send(new ValidateStateMachineDefinitionCommand({ definition, severity: 'WARNING', ...(type ? { type } : {}) }), { abortSignal: signal });
    return {
      result: out.result ?? 'FAIL',
      diagnostics: (out.diagnostics ?? []).map((d) => ({ severity: d.severity, code: d.code, message: d.message, location: d.location })),
      truncated: out.truncated === true,
    };
  } catch (e) {
    if (signal?.aborted) throw e;
    throw new JobError(explainError(e, { ...settings, operation: VALIDATE_OPERATION, service: 'Step Functions' }), e);
  } finally {
    client.destroy();
  }
}

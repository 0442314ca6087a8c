// Step Functions' ValidateStateMachineDefinition, for "Validate with AWS" in the editor and `lint --aws` on the
// command line: one call, with the client settings and credentials rule of the jobs (endpoint.ts), and failures
// explained the way a launch explains them (awsErrors.ts). Lives in dist/jobs.js: it needs the AWS SDK.
import { SFNClient, ValidateStateMachineDefinitionCommand } from '@aws-sdk/client-sfn';
import type { RetryStrategyV2 } from '@smithy/types';
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

/** At most this many of the service's diagnostics are kept (the rest: `truncated`). */
const MAX_DIAGNOSTICS = 1000;
/** A value of the answer as text of at most `max` characters, control characters as spaces; not a string: empty. */
const plainText = (v: unknown, max: number): string => (typeof v === 'string' ? v.slice(0, max).replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ') : '');

/**
 * Sends `definition` (JSON text), as the workflow `type` a template declares when it does (an Express machine is
 * validated as one); warnings are asked for too. Throws a JobError that says what went wrong.
 */
export async function validateDefinition(definition: string, settings: ClientSettings, signal?: AbortSignal, type?: 'STANDARD' | 'EXPRESS'): Promise<DefinitionValidation> {
  const client = new SFNClient({
    ...clientSettings(settings),
    // One call, not a watch: the SDK's own retries (with backoff on throttling) are the right ones, but for a timeout.
    maxAttempts: 3,
    requestHandler: { requestTimeout: 30_000, connectionTimeout: 10_000, throwOnRequestTimeout: true },
  });
  guardDestination(client, settings);
  noRetryAfterTimeout(client);
  try {
    const out = await client.send(new ValidateStateMachineDefinitionCommand({ definition, severity: 'WARNING', ...(type ? { type } : {}) }), { abortSignal: signal });
    // What the endpoint answered is shown in an editor and printed to a terminal: text only, no control characters
    // (a terminal's escape sequences), bounded in number and length. The endpoint is AWS, or one the user allowed.
    const all = Array.isArray(out.diagnostics) ? out.diagnostics : [];
    return {
      result: out.result === 'OK' ? 'OK' : 'FAIL',
      diagnostics: all.slice(0, MAX_DIAGNOSTICS).map((d) => ({
        severity: d?.severity === 'WARNING' ? 'WARNING' : 'ERROR',
        code: plainText(d?.code, 100).replace(/[^A-Za-z0-9_.:-]/g, '_'),
        message: plainText(d?.message, 2000),
        location: d?.location === undefined ? undefined : plainText(d.location, 1000),
      })),
      truncated: out.truncated === true || all.length > MAX_DIAGNOSTICS,
    };
  } catch (e) {
    if (signal?.aborted) throw e;
    // The SDK's retries are spent: nothing retries it now.
    throw new JobError(explainError(e, { ...settings, operation: VALIDATE_OPERATION, service: 'Step Functions', final: true }), e);
  } finally {
    client.destroy();
  }
}

/**
 * A request that timed out is not sent again: an endpoint that takes the connection and never answers (a hung local
 * emulator, a firewall that drops packets) cost three attempts of 30 s, 91 s before `lint --aws` said so. Throttling,
 * server errors and dropped connections are still retried as the SDK's own strategy retries them.
 */
export function noRetryAfterTimeout(client: SFNClient): void {
  const config = client.config as { retryStrategy?: () => Promise<unknown> };
  const own = config.retryStrategy;
  if (typeof own !== 'function') return;
  config.retryStrategy = async () => {
    const strategy = (await own()) as RetryStrategyV2;
    if (typeof strategy?.refreshRetryTokenForRetry !== 'function') return strategy;
    return {
      acquireInitialRetryToken: (scope) => strategy.acquireInitialRetryToken(scope),
      refreshRetryTokenForRetry: (token, info) => ((info.error as { name?: unknown } | undefined)?.name === 'TimeoutError' ? Promise.reject(info.error) : strategy.refreshRetryTokenForRetry(token, info)),
      recordSuccess: (token) => strategy.recordSuccess(token),
    } satisfies RetryStrategyV2;
  };
}

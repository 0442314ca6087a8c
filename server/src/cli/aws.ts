// `lint --aws`: each state machine is also sent to Step Functions' ValidateStateMachineDefinition, and the
// service's findings join the local ones (source `aws`, on the ranges awsDiagnostics.ts maps). Where the call goes
// and with which credentials follows the editor's rule, needsConsent in client/src/jobs/endpoint.ts: a local
// endpoint gets placeholder credentials unless a profile is given; one that needs consent (not https to AWS, or
// local with a profile) gets real ones only with --trust-endpoint, the command line's "Allow". The SDK is in
// dist/jobs.js, required only when --aws is given.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type * as Runtime from '../../../client/src/jobs/runtime';
import { classifyEndpoint, consentReason, credentialsSent, endpointRefusal, needsConsent, shownEndpoint, type ClientSettings } from '../../../client/src/jobs/endpoint';

export interface AwsOptions {
  region?: string;
  profile?: string;
  endpoint?: string;
  trustEndpoint?: boolean;
  placeholder?: string[];
}

export interface AwsTarget {
  settings: ClientSettings;
  /** `${name}` values from --placeholder NAME=VALUE. */
  placeholders: Record<string, string>;
  /** dist/jobs.js, once loaded. */
  runtime?: typeof Runtime;
}

/** The settings of `--aws` from the options and the environment, or why the call must not be made. */
export function awsTarget(o: AwsOptions, env: NodeJS.ProcessEnv): AwsTarget | { error: string } {
  const placeholders: Record<string, string> = {};
  for (const p of o.placeholder ?? []) {
    const eq = p.indexOf('=');
    if (eq <= 0) return { error: `--placeholder ${p}: write NAME=VALUE` };
    placeholders[p.slice(0, eq)] = p.slice(eq + 1);
  }
  const text = (v: string | undefined) => v?.trim() || undefined;
  // What the SDK itself would read, named here so the rule below judges the endpoint actually used.
  const endpoint = text(o.endpoint) ?? text(env.AWS_ENDPOINT_URL_SFN) ?? text(env.AWS_ENDPOINT_URL);
  const profile = text(o.profile) ?? text(env.AWS_PROFILE);
  let info;
  try {
    info = classifyEndpoint(endpoint);
  } catch (e) {
    return { error: `the endpoint "${shownEndpoint(endpoint ?? '')}" ${endpointRefusal(e)}` };
  }
  if (needsConsent(info, profile) && !o.trustEndpoint) {
    return { error: `--aws would send ${credentialsSent(profile)} to ${info.host} (${consentReason(info, profile)}); add --trust-endpoint if you run that server` };
  }
  return { settings: { region: text(o.region), profile, endpoint, surface: 'cli' }, placeholders };
}

/** dist/jobs.js, beside the CLI: the AWS SDK stays out of every run without --aws. Throws a message for the user when missing. */
export function loadRuntime(): typeof Runtime {
  // A computed path keeps esbuild from bundling the runtime into cli.js.
  const file = join(__dirname, 'jobs.js');
  if (!existsSync(file)) throw new Error(`--aws needs jobs.js (the AWS SDK, built into dist/ with the CLI) beside the CLI: ${file} is missing`);
  // The SDK inside dist/jobs.js is ours, pinned in the build: its notice about its own future Node versions is
  // nothing the CI log's reader can act on.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  return require(file) as typeof Runtime;
}

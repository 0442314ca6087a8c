// Where requests go, and whether real credentials may follow them. No VS Code and no SDK here: the runner (which
// picks the credentials) and the commands (which ask the user) use the same answer.
//
//   local  loopback (127.0.0.0/8, ::1, localhost, IPv4-mapped 127.x) and unspecified addresses (0.0.0.0, ::),
//          as Docker publishes ports: placeholder credentials, unless a profile is set on purpose;
//   aws    https to an endpoint of a service the product calls (SageMaker, CloudWatch Logs, Step Functions, STS)
//          as the AWS SDK names it (AWS_SERVICE_HOST below); not any host under amazonaws.com, where anyone can own
//          one (API Gateway's abc.execute-api.us-east-1.amazonaws.com, S3 websites, load balancers);
//   other  anything else, or plain http to a host that is not local: the credential chain would go there, so
//          the user confirms that host once (remembered).

import { pipeline, Transform, type Readable } from 'node:stream';

export type EndpointKind = 'local' | 'aws' | 'other';

export interface EndpointInfo {
  kind: EndpointKind;
  /** The host as the URL names it (brackets around IPv6). */
  host: string;
  /** The URL's origin (scheme, host, port): what a confirmation is remembered for. */
  origin: string;
  https: boolean;
  /** The host is an endpoint of an AWS service the product calls (whatever the scheme). */
  awsHost: boolean;
}

// The endpoints of the services the extension and the CLI call, in every form the AWS SDK's endpoint rules give
// (client-sagemaker, client-cloudwatch-logs, client-sfn, and client-sts for the account a launch names; the
// credential chain's own STS calls never take the endpoint setting): <service>[-fips].<region>.
// <suffix>, with each partition's DNS suffix and its dual-stack suffix (@aws-sdk/core's partitions.json), and
// api-fips.sagemaker.<region>.amazonaws.com. Also the short sagemaker.<region> host and VPC interface endpoints
// (vpce-….<service>.<region>.vpce.amazonaws.com, the AWS service's own endpoint inside a VPC). The whole host
// must match: the first label is the service's, so no customer-named resource (a bucket, an API, a load
// balancer, all of which sit under amazonaws.com with a valid certificate) can be one.
const SERVICES = '(?:api\\.sagemaker|sagemaker|logs|states|sts)';
const REGION = '[a-z]{2,4}(?:-[a-z]+)+-\\d{1,2}';
const SUFFIXES = [
  'amazonaws.com', 'api.aws', // aws, aws-us-gov
  'amazonaws.com.cn', 'api.amazonwebservices.com.cn', // aws-cn
  'amazonaws.eu', 'api.amazonwebservices.eu', // aws-eusc
  'c2s.ic.gov', 'api.aws.ic.gov', // aws-iso
  'sc2s.sgov.gov', 'api.aws.scloud', // aws-iso-b
  'cloud.adc-e.uk', 'api.cloud-aws.adc-e.uk', // aws-iso-e
  'csp.hci.ic.gov', 'api.aws.hci.ic.gov', // aws-iso-f
].map((x) => x.replace(/[.-]/g, '\\$&')).join('|');
const AWS_SERVICE_HOST = new RegExp(
  `^(?:${SERVICES}(?:-fips)?\\.${REGION}\\.(?:${SUFFIXES})` +
    `|api-fips\\.sagemaker\\.${REGION}\\.amazonaws\\.com` +
    `|vpce-[a-z0-9-]+\\.${SERVICES}(?:-fips)?\\.${REGION}\\.vpce\\.(?:amazonaws\\.com|amazonaws\\.com\\.cn))$`,
);

/**
 * Loopback or unspecified, after the URL parser's normalisation (http://127.1 is 127.0.0.1, http://0 is 0.0.0.0,
 * http://127.0.0.1. is 127.0.0.1). `localhost.` is not: the final dot makes it a name for DNS, which the system's
 * hosts file need not answer (glibc without systemd-resolved asks the network's resolver).
 */
function isLocalHost(hostname: string): boolean {
  const h = hostname.toLowerCase();
  if (h === 'localhost' || h === '0.0.0.0' || h === '[::1]' || h === '[::]') return true;
  if (/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h)) return true;
  // IPv4-mapped: [::ffff:127.0.0.2] is written [::ffff:7f00:2]; [::ffff:0.0.0.0] is [::ffff:0:0].
  return /^\[::ffff:(7f[0-9a-f]{2}:[0-9a-f]{1,4}|0:0)\]$/.test(h);
}

/** undefined when there is no endpoint (the SDK's AWS endpoints); throws when the setting is not a URL. */
export function classifyEndpoint(endpoint: string | undefined): EndpointInfo | undefined {
  if (!endpoint) return undefined;
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new EndpointError('is not an http or https URL');
  }
  // The SDK speaks http or https; another scheme (ftp://) it spoke as http, to the host the user did not mean so.
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new EndpointError('is not an http or https URL');
  // A user name or password in the URL (`https://user:token@proxy`) is no credential the SDK sends (it signs with the
  // profile's), and every message that names the endpoint would show it (the review of the day): refused.
  if (url.username || url.password) throw new EndpointError('holds a user name or password (user:password@host), which is not sent as credentials (requests are signed with the profile\'s) and would be shown wherever the endpoint is named: remove it from the URL');
  const https = url.protocol === 'https:';
  // A final dot names the same host (sagemaker.us-east-1.amazonaws.com.).
  const awsHost = AWS_SERVICE_HOST.test(url.hostname.toLowerCase().replace(/\.$/, ''));
  const kind: EndpointKind = isLocalHost(url.hostname) ? 'local' : https && awsHost ? 'aws' : 'other';
  return { kind, host: url.host, origin: url.origin, https, awsHost };
}

/** Why an endpoint setting is refused, in words that follow its name ("sagemakerAsl.aws.endpoint is not an http or https URL"). */
export class EndpointError extends TypeError {}

/**
 * An endpoint as messages may show it: without a user name or password written in it (`https://user:token@proxy` →
 * `https://proxy/`), read as the URL parser reads it (the user info runs to the last `@`; `https:user:pw@host` and
 * backslashes are URLs too: the review of the day saw a regex miss them). Text that is no URL is shown from its last
 * `@` on, if it has one.
 */
export function shownEndpoint(endpoint: string): string {
  try {
    const url = new URL(endpoint);
    // Only an http or https URL is shown as it parses: `admin:s3cret@proxy:8443` parses as a URL of the scheme
    // `admin:` with no user info (the review of the day), and is cut as text that is no URL.
    if (url.protocol === 'http:' || url.protocol === 'https:') {
      if (!url.username && !url.password) return endpoint;
      url.username = '';
      url.password = '';
      return url.href;
    }
  } catch {
    // no URL: cut below
  }
  const at = endpoint.lastIndexOf('@');
  return at < 0 ? endpoint : `…${endpoint.slice(at)}`;
}

/** What is wrong with an endpoint classifyEndpoint refused, after its name. */
export const endpointRefusal = (e: unknown): string => (e instanceof EndpointError ? e.message : 'is not an http or https URL');

/**
 * The one rule for real credentials: they go to an endpoint without the user's agreement (the editor's dialog,
 * the CLI's --trust-endpoint) only when it is https to AWS, or local with no profile set (then placeholder
 * credentials go, clientSettings). No endpoint is the SDK's own AWS endpoints.
 */
export function needsConsent(info: EndpointInfo | undefined, profile: string | undefined): info is EndpointInfo {
  return !!info && (info.kind === 'other' || (info.kind === 'local' && !!profile));
}

/** Why an endpoint that needs consent does (one clause: after "It is" in the dialog, in parentheses on the command line). */
export function consentReason(info: EndpointInfo, profile: string | undefined): string {
  if (info.kind === 'local') return `a local server, and the profile "${profile}" is set`;
  return [!info.awsHost ? 'not an AWS service host' : undefined, !info.https ? 'plain http' : undefined].filter(Boolean).join(' and ');
}

/** Whose credentials a call sends, in the consent's words. */
export function credentialsSent(profile: string | undefined): string {
  return profile ? `the credentials of profile "${profile}"` : 'your AWS credentials (the default credential chain)';
}

export function isLocalEndpoint(endpoint: string | undefined): boolean {
  try {
    return classifyEndpoint(endpoint)?.kind === 'local';
  } catch {
    return false;
  }
}

export interface ClientSettings {
  region?: string;
  profile?: string;
  endpoint?: string;
  /** Explicit credentials (tests); otherwise the profile or the default credential chain. */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  /** Where the settings come from, for what an error tells the user to change: the editor's settings, or the CLI's options. */
  surface?: 'editor' | 'cli';
}

/** A local endpoint (the emulator) without a profile or explicit credentials: placeholder credentials go there. */
function placeholderCredentials(s: ClientSettings): boolean {
  return !s.profile && !s.credentials && isLocalEndpoint(s.endpoint);
}

/**
 * The region calls go to, as far as the settings and the environment say: the setting (or --region), else
 * AWS_REGION (which the SDK reads too), else us-east-1 for a local endpoint with placeholder credentials (the
 * emulator needs one and no profile names one). undefined leaves it to the SDK: the profile's region in
 * ~/.aws/config. The SDK's clients (clientSettings) and the $$ ARNs of a launch both take it from here, so they
 * name the same region.
 */
export function regionOf(s: ClientSettings, env: Record<string, string | undefined> = process.env): string | undefined {
  return s.region ?? (env.AWS_REGION?.trim() || undefined) ?? (placeholderCredentials(s) ? 'us-east-1' : undefined);
}

/**
 * What every AWS client of the extension and the CLI is built with. A local endpoint (the emulator) without a
 * profile gets placeholder credentials: the demo works on a machine without AWS credentials, and real credentials
 * are never sent to a local server nobody asked them for.
 */
export function clientSettings(s: ClientSettings): ClientSettings {
  const local = placeholderCredentials(s);
  return {
    region: regionOf(s),
    profile: s.profile,
    endpoint: s.endpoint,
    credentials: s.credentials ?? (local ? { accessKeyId: 'local-emulator', secretAccessKey: 'local-emulator' } : undefined),
  };
}

/**
 * What names an endpoint the settings do not: the SDK's environment variables (AWS_ENDPOINT_URL, or one of a
 * service, AWS_ENDPOINT_URL_SAGEMAKER), else the AWS config file (an endpoint_url, a profile's or a services section's).
 */
function endpointOrigin(destination: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  // Only a variable that names the refused destination (AWS_ENDPOINT_URL_S3 says nothing of a SageMaker call).
  const names = (k: string) => {
    try {
      return new URL(env[k]!.trim()).origin === destination;
    } catch {
      return false;
    }
  };
  const vars = Object.keys(env).filter((k) => /^AWS_ENDPOINT_URL(_[A-Z0-9_]+)?$/.test(k) && env[k]?.trim() && names(k)).sort();
  return vars.length ? `the environment (${vars.join(', ')})` : 'the AWS configuration (an endpoint_url in the config file or its profile)';
}

/** What `guardDestination` needs of an SDK client: its middleware stack. */
interface WithMiddleware {
  // The SDK's overloads per step; this module only adds one build-step middleware (typed where it is written).
  middlewareStack: { add(middleware: never, options: never): void };
}
type BuildNext = (args: { request: unknown }) => Promise<unknown>;

/**
 * The destination rule applied to each request as the SDK built it, before it is signed: the endpoint the settings
 * name was judged (the editor's consent, the CLI's --trust-endpoint), but the SDK also reads `endpoint_url` from the
 * AWS config file (a profile's, or a file AWS_CONFIG_FILE names, which a cloned repository may hold). A request
 * that goes anywhere but that endpoint or an https AWS service host is refused: it would carry real credentials.
 */
export function guardDestination(client: WithMiddleware, settings: ClientSettings): void {
  let allowed: string | undefined;
  try {
    allowed = classifyEndpoint(settings.endpoint)?.origin;
  } catch {
    allowed = undefined;
  }
  const middleware = (next: BuildNext): BuildNext => async (args) => {
      const req = args.request as { protocol?: string; hostname?: string; port?: number } | undefined;
      if (req && typeof req.hostname === 'string') {
        const host = req.hostname.includes(':') && !req.hostname.startsWith('[') ? `[${req.hostname}]` : req.hostname;
        const destination = `${req.protocol ?? 'https:'}//${host}${req.port ? `:${req.port}` : ''}`;
        let info: EndpointInfo | undefined;
        try {
          info = classifyEndpoint(destination);
        } catch {
          info = undefined;
        }
        if (!info || (info.origin !== allowed && info.kind !== 'aws')) {
          const why = info ? (info.kind === 'local' ? 'a local server' : consentReason(info, undefined)) : 'not a URL';
          throw new Error(`Refused to send your AWS credentials to ${info?.host ?? destination} (${why}): ${endpointOrigin(info?.origin)} sends the call there. Set it as the endpoint (the sagemakerAsl endpoint setting, or --endpoint with --trust-endpoint) to be asked first, or remove it.`);
        }
      }
      return next(args);
  };
  client.middlewareStack.add(middleware as never, { step: 'build', name: 'sagemakerAslDestinationGuard' } as never);
  client.middlewareStack.add(limitAnswer as never, { step: 'deserialize', priority: 'low', name: 'sagemakerAslAnswerLimit' } as never);
}

/**
 * The most of an answer's body that is read. The calls made (describe, list, log events, a definition's
 * validation) answer in kilobytes, CloudWatch Logs' GetLogEvents in at most 1 MB; an endpoint the user allowed may
 * still be hostile or broken, and a 400 MB answer was read whole into memory.
 */
export const MAX_ANSWER_BYTES = 16 * 1024 * 1024;
/** The error a too large answer ends with: its name, and its message, which an SDK error wrapping it keeps (awsErrors.ts explains either). */
export const ANSWER_TOO_LARGE = 'AnswerTooLargeError';
export const ANSWER_TOO_LARGE_MESSAGE = `the answer is larger than ${MAX_ANSWER_BYTES / 1024 / 1024} MiB`;
/**
 * Its own `$metadata`, without a status: the SDK's deserializer then leaves it so instead of giving it the answer's
 * status, and the retry strategy does not ask again for a cut answer that came with a 5xx (three answers of 16 MiB).
 */
const tooLarge = () => Object.assign(new Error(ANSWER_TOO_LARGE_MESSAGE), { name: ANSWER_TOO_LARGE, $metadata: {} });

/** Inside the SDK's deserializer (priority low): the raw response's body is counted as the deserializer reads it. */
const limitAnswer = (next: (args: unknown) => Promise<unknown>) => async (args: unknown) => {
  const out = (await next(args)) as { response?: { headers?: Record<string, string>; body?: unknown } };
  const response = out?.response;
  const body = response?.body as Readable | undefined;
  if (!response || !body || typeof body.pipe !== 'function') return out;
  if (Number(response.headers?.['content-length']) > MAX_ANSWER_BYTES) {
    body.destroy();
    throw tooLarge();
  }
  let seen = 0;
  const counted = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      done(seen > MAX_ANSWER_BYTES ? tooLarge() : null, chunk);
    },
  });
  // An error on either side ends both: the socket is not read on after the limit.
  pipeline(body, counted, () => undefined);
  response.body = counted;
  return out;
};


// What is shown to the user (confirm dialog, output channel, the request opened as JSON) never carries secrets:
// Environment values whose name looks secret are masked, and anything that looks like an AWS key is redacted.

const SECRET_NAME = /KEY|SECRET|TOKEN|PASSWORD/i;
export const MASK = '********';

/** A copy of the request with the values of secret-looking Environment keys replaced by ********. */
export function maskSecrets<T>(request: T): T {
  const walk = (v: unknown, parentKey: string): unknown => {
    if (Array.isArray(v)) return v.map((x) => walk(x, ''));
    if (!v || typeof v !== 'object') return v;
    return Object.fromEntries(
      Object.entries(v).map(([k, x]) => [k, parentKey === 'Environment' && SECRET_NAME.test(k) ? MASK : walk(x, k)]),
    );
  };
  return walk(request, '') as T;
}

/** Redacts AWS access key ids and anything labelled as a secret in free text (error messages, log lines). */
export function redact(text: string): string {
  return text
    .replace(/\b(AKIA|ASIA)[A-Z0-9]{16}\b/g, '$1****************')
    .replace(/((?:secret|session|token|password)[\w-]*["']?\s*[:=]\s*["']?)[^\s"',;]+/gi, `$1${MASK}`);
}

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

/** The values of a request's secret-looking Environment keys: a job may print them, and they are blanked out there too. */
export function secretValues(request: unknown): string[] {
  const out: string[] = [];
  const walk = (v: unknown, parentKey: string): void => {
    if (Array.isArray(v)) return v.forEach((x) => walk(x, ''));
    if (!v || typeof v !== 'object') return;
    for (const [k, x] of Object.entries(v)) {
      // Short values ("1", "yes") would blank out ordinary text; they are masked in the request all the same.
      if (parentKey === 'Environment' && SECRET_NAME.test(k) && typeof x === 'string' && x.length >= 6) out.push(x);
      else walk(x, k);
    }
  };
  walk(request, '');
  return out.sort((a, b) => b.length - a.length);
}

/**
 * Redacts AWS access key ids, anything labelled as a secret, and the given secret values in free text (error
 * messages, status messages, log lines).
 */
export function redact(text: string, secrets: readonly string[] = []): string {
  for (const secret of secrets) text = text.split(secret).join(MASK);
  return text
    .replace(/\b(AKIA|ASIA)[A-Z0-9]{16}\b/g, '$1****************')
    .replace(/((?:secret|session|token|password)[\w-]*["']?\s*[:=]\s*["']?)[^\s"',;]+/gi, `$1${MASK}`);
}

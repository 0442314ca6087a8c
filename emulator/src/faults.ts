// Faults the emulator injects on purpose, so clients can be tested against throttling, server errors, slow or
// dropped connections and expiring credentials. Rules are added at runtime (POST /_emulator/faults) or with
// --fault on the command line, and each fires a limited number of times.

export type FaultKind =
  | 'throttle' // 400 ThrottlingException
  | 'error500' // 500 InternalFailure
  | 'error503' // 503 ServiceUnavailable
  | 'delay' // answer after delayMs (longer than the client's timeout = a timeout)
  | 'drop' // close the connection without answering
  | 'dropResponse' // do the work, then close the connection without answering (the client cannot know it worked)
  | 'expiredToken' // 400 ExpiredTokenException
  | 'accessDenied' // 400 AccessDeniedException
  | 'resourceLimit'; // 400 ResourceLimitExceeded

const FAULT_KINDS: FaultKind[] = ['throttle', 'error500', 'error503', 'delay', 'drop', 'dropResponse', 'expiredToken', 'accessDenied', 'resourceLimit'];

export interface FaultRule {
  /** Operation to hit: `DescribeTrainingJob`, `SageMaker.*`, `Logs_20140328.GetLogEvents`, or `*` (the default). */
  target?: string;
  fault: FaultKind;
  /** How many matching requests fail; 0 means every one until the rules are cleared. Default 1. */
  count?: number;
  /** Let this many matching requests through first. Default 0. */
  skip?: number;
  /** For `delay`. Default 30000. */
  delayMs?: number;
}

export interface ErrorAnswer {
  status: number;
  type: string;
  message: string;
}

export type FaultAction = { kind: 'error'; error: ErrorAnswer } | { kind: 'drop' | 'dropResponse' } | { kind: 'delay'; ms: number };

const ERRORS: Partial<Record<FaultKind, ErrorAnswer>> = {
  throttle: { status: 400, type: 'ThrottlingException', message: 'Rate exceeded' },
  error500: { status: 500, type: 'InternalFailure', message: 'An internal error occurred. Try again.' },
  error503: { status: 503, type: 'ServiceUnavailable', message: 'Service is unavailable. Try again later.' },
  expiredToken: { status: 400, type: 'ExpiredTokenException', message: 'The security token included in the request is expired' },
  accessDenied: {
    status: 400,
    type: 'AccessDeniedException',
    message: 'User: arn:aws:iam::123456789012:user/emulator is not authorized to perform this action because no identity-based policy allows it',
  },
  resourceLimit: {
    status: 400,
    type: 'ResourceLimitExceeded',
    message: "The account-level service limit 'ml.m5.xlarge for training job usage' is 0 Instances, with current utilization of 0 Instances and a request delta of 1 Instances.",
  },
};

/** Parses the command-line shorthand `KIND[:TARGET[:COUNT]]`, e.g. `throttle:DescribeTrainingJob:3`; check it with checkRule. */
export function parseFaultFlag(flag: string): FaultRule {
  const [fault, target, count] = flag.split(':');
  if (!FAULT_KINDS.includes(fault as FaultKind)) throw new Error(`--fault ${flag}: the kind must be one of ${FAULT_KINDS.join(', ')}`);
  return { fault: fault as FaultKind, target: target || undefined, count: count === undefined ? 1 : Number(count) };
}

/** The longest delay a rule may ask for (10 minutes): longer would only hold a socket open. */
const MAX_DELAY_MS = 600_000;
/** Rules kept at once; a client adding rules in a loop gets an error instead of a growing list. */
export const MAX_RULES = 100;

const RULE_KEYS = new Set(['target', 'fault', 'count', 'skip', 'delayMs']);
const isCount = (v: unknown) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/**
 * A rule as given by a client, checked: a known fault kind, a target naming one of `operations`
 * (`Service.Op`, `Op`, `Service.*` or `*`), counts that are non-negative integers. Throws an Error saying what is wrong.
 */
export function checkRule(rule: unknown, operations: readonly string[]): FaultRule {
  if (!rule || typeof rule !== 'object' || Array.isArray(rule)) throw new Error('a fault rule is an object: {"fault": KIND, "target": OPERATION, "count": N}');
  const r = rule as Record<string, unknown>;
  const unknown = Object.keys(r).filter((k) => !RULE_KEYS.has(k));
  if (unknown.length) throw new Error(`a fault rule has no field ${unknown.map((k) => JSON.stringify(k)).join(', ')}; its fields: ${[...RULE_KEYS].join(', ')}`);
  if (typeof r.fault !== 'string' || !FAULT_KINDS.includes(r.fault as FaultKind)) throw new Error(`a fault rule needs "fault": one of ${FAULT_KINDS.join(', ')}`);
  if (r.target !== undefined) {
    const services = new Set(operations.map((o) => o.slice(0, o.indexOf('.'))));
    const names = new Set(operations.map((o) => o.slice(o.indexOf('.') + 1)));
    const t = r.target;
    const known = typeof t === 'string' && (t === '*' || operations.includes(t) || names.has(t) || (t.endsWith('.*') && services.has(t.slice(0, -2))));
    if (!known) {
      throw new Error(`"target" must name an operation (DescribeTrainingJob, SageMaker.DescribeTrainingJob), a service (${[...services].map((s) => `${s}.*`).join(', ')}) or *; got ${JSON.stringify(t)}`);
    }
  }
  for (const key of ['count', 'skip'] as const) {
    if (r[key] !== undefined && !isCount(r[key])) throw new Error(`"${key}" must be a non-negative integer; got ${JSON.stringify(r[key])}`);
  }
  if (r.delayMs !== undefined && !(isCount(r.delayMs) && (r.delayMs as number) <= MAX_DELAY_MS)) {
    throw new Error(`"delayMs" must be an integer from 0 to ${MAX_DELAY_MS}; got ${JSON.stringify(r.delayMs)}`);
  }
  return { ...(r as unknown as FaultRule) };
}

export class Faults {
  private rules: (FaultRule & { seen: number; fired: number })[] = [];
  injected = 0;

  /** Adds checked rules, all or none. */
  add(rules: FaultRule[]): void {
    if (this.rules.length + rules.length > MAX_RULES) throw new Error(`at most ${MAX_RULES} fault rules at once; DELETE /_emulator/faults clears them`);
    for (const rule of rules) this.rules.push({ ...rule, seen: 0, fired: 0 });
  }

  clear(): void {
    this.rules = [];
  }

  list(): FaultRule[] {
    return this.rules.map((r) => ({ ...r }));
  }

  /** The fault to inject for this request (`SageMaker.CreateTrainingJob`), if a rule matches and has fires left. */
  take(target: string): FaultAction | undefined {
    const op = target.split('.').pop();
    for (const rule of this.rules) {
      const t = rule.target ?? '*';
      const matches = t === '*' || t === target || t === op || (t.endsWith('.*') && target.startsWith(t.slice(0, -1)));
      if (!matches) continue;
      rule.seen++;
      if (rule.seen <= (rule.skip ?? 0)) continue;
      const count = rule.count ?? 1;
      if (count !== 0 && rule.fired >= count) continue;
      rule.fired++;
      this.injected++;
      if (rule.fault === 'drop' || rule.fault === 'dropResponse') return { kind: rule.fault };
      if (rule.fault === 'delay') return { kind: 'delay', ms: rule.delayMs ?? 30000 };
      return { kind: 'error', error: ERRORS[rule.fault]! };
    }
    return undefined;
  }
}

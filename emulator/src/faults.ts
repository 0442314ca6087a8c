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

export const FAULT_KINDS: FaultKind[] = ['throttle', 'error500', 'error503', 'delay', 'drop', 'dropResponse', 'expiredToken', 'accessDenied', 'resourceLimit'];

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

/** Parses the command-line shorthand `KIND[:TARGET[:COUNT]]`, e.g. `throttle:DescribeTrainingJob:3`. */
export function parseFaultFlag(flag: string): FaultRule {
  const [fault, target, count] = flag.split(':');
  if (!FAULT_KINDS.includes(fault as FaultKind)) throw new Error(`--fault ${flag}: the kind must be one of ${FAULT_KINDS.join(', ')}`);
  return { fault: fault as FaultKind, target: target || undefined, count: count === undefined ? 1 : Number(count) };
}

export function checkRule(rule: unknown): FaultRule {
  const r = rule as FaultRule;
  if (!r || typeof r !== 'object' || !FAULT_KINDS.includes(r.fault)) throw new Error(`a fault rule needs "fault": one of ${FAULT_KINDS.join(', ')}`);
  return { ...r };
}

export class Faults {
  private rules: (FaultRule & { seen: number; fired: number })[] = [];
  injected = 0;

  add(rule: FaultRule): void {
    this.rules.push({ ...rule, seen: 0, fired: 0 });
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

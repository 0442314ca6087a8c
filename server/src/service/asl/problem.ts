// One way to make an ASL finding: an error the service refuses at deploy names the service's own code (at the end
// of the message and in data.awsCode), so a user recognises the error CreateStateMachine would give.
import type { Problem, Severity } from '../core/types';
import { AWS_CODE } from './codes';

export function aslProblem(offset: number, length: number, code: string, message: string, severity: Severity = 'error', data?: Record<string, unknown>): Problem {
  const awsCode = severity === 'error' ? AWS_CODE[code] : undefined;
  if (awsCode) return { offset, length, message: `${message} (${awsCode})`, severity, source: 'asl', code, data: { ...data, awsCode } };
  return { offset, length, message, severity, source: 'asl', code, ...(data ? { data } : {}) };
}

// A step counter for proofs of linear time without a clock: V8's precise block coverage counts how many times
// each block of JavaScript runs, the same count on every run and on any machine, however loaded. A scanner that
// is linear in its input doubles its count when the input doubles; one that rescans quadruples it. What it does
// not see is the work inside built-ins (a RegExp's backtracking, an indexOf): those need their own argument.
// Counting starts when this module loads: a function compiled before that has no block counters, so a test file
// imports this first.
import { Session } from 'node:inspector';

const session = new Session();
session.connect();
post('Profiler.enable');
post('Profiler.startPreciseCoverage', { callCount: true, detailed: true });

function post<T>(method: string, params?: object): T {
  let result: T | undefined;
  let error: Error | null = null;
  // A session on the same thread answers synchronously.
  session.post(method, params as object, (e: Error | null, r: unknown) => {
    error = e;
    result = r as T;
  });
  if (error) throw error;
  return result as T;
}

interface Coverage {
  result: { functions: { ranges: { count: number }[] }[] }[];
}

/**
 * How many blocks of JavaScript `run` executes; Infinity when a block's counter wrapped (they are 32-bit, and
 * reported signed): keep the sizes small enough that quadratic work stays below 2^31 and shows as such.
 */
export function countSteps(run: () => unknown): number {
  post('Profiler.takePreciseCoverage'); // resets the counters
  run();
  let steps = 0;
  for (const script of post<Coverage>('Profiler.takePreciseCoverage').result) for (const f of script.functions) for (const r of f.ranges) steps += r.count < 0 ? Infinity : r.count;
  return steps;
}

/**
 * Why `work` is not linear in n, or undefined: its steps on inputs of size n/4, n/2 and n must at most
 * double (within `slack`) at each doubling, and grow at all (a count that sees no scan proves nothing).
 */
export function notLinear(work: (n: number) => () => unknown, n: number, slack = 0.2): string | undefined {
  countSteps(work(Math.round(n / 8))); // once before counting: first-use work (compiling, caches) is not growth
  const counts = [n / 4, n / 2, n].map((k) => countSteps(work(Math.round(k))));
  const [a, b, c] = counts;
  if (c <= a) return `no growth: ${counts.join(', ')} steps`;
  if (b > (2 + slack) * a || c > (2 + slack) * b) return `more than doubles: ${counts.join(', ')} steps for sizes ${n / 4}, ${n / 2}, ${n}`;
  return undefined;
}

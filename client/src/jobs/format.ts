// How jobs are written in the output channel and the final notification.
import type { JobSummary, StatusTransition } from './jobRunner';

export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return [h && `${h} h`, m && `${m} min`, s && `${s} s`].filter(Boolean).join(' ');
}

/** A status change: the output channel dates the line, so no second time here. */
export function formatTransition(t: StatusTransition): string {
  return `${t.status}${t.message ? ` - ${t.message}` : ''}`;
}

/**
 * A multi-line message for the log output channel, its continuation lines indented under the text of the first
 * (past the channel's "2026-11-22 10:01:02.345 [info] "), so that no line stands without its timestamp. Every
 * line break the editor shows counts (a lone \r, U+2028, U+2029 too): a state name or an AWS message cannot forge a
 * line of its own that looks like the extension's.
 */
export function indentContinuation(text: string, level: 'info' | 'warning' | 'error'): string {
  const lines = text.split(/\r\n|[\r\n\u2028\u2029]/);
  if (lines.length === 1) return text;
  const indent = ' '.repeat('2026-11-22 10:01:02.345 '.length + `[${level}] `.length);
  return lines.map((l, i) => (i ? indent + l : l)).join('\n');
}

export function formatSummary(s: JobSummary): string[] {
  return [
    `status ${s.status}${s.secondaryStatus && s.secondaryStatus !== s.status ? ` (${s.secondaryStatus})` : ''}`,
    s.durationSeconds !== undefined ? `duration ${formatDuration(s.durationSeconds)}` : undefined,
    s.billableSeconds !== undefined ? `billable ${formatDuration(s.billableSeconds)}` : undefined,
    s.modelArtifacts ? `model artifacts ${s.modelArtifacts}` : undefined,
    s.outputPath ? `output ${s.outputPath}` : undefined,
    s.bestTrainingJob ? `best training job ${s.bestTrainingJob}` : undefined,
    s.failureReason ? `failure reason: ${s.failureReason}` : undefined,
  ].filter((l): l is string => Boolean(l));
}

/** "1 error", "2 errors". */
export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * What a job's resources ask for, as its confirmation says it (what the launch costs): an instance type and count, each
 * instance group and the sum of them, or the instance preferences (a tuning job's instance configs) it picks the first
 * available of. A count the request does not give is `?`, never a guessed 1 (review sec37: two groups of 16
 * ml.p4d.24xlarge read "instance groups × 1").
 */
export function describeInstances(resources: unknown): string {
  const r = (resources && typeof resources === 'object' ? resources : {}) as Record<string, unknown>;
  const count = (c: unknown) => (typeof c === 'number' ? String(c) : '?');
  const one = (x: Record<string, unknown>, fallbackCount?: unknown) => `${typeof x.InstanceType === 'string' ? x.InstanceType : '?'} × ${count(x.InstanceCount ?? fallbackCount)}`;
  const items = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is Record<string, unknown> => !!x && typeof x === 'object') : []);
  const groups = items(r.InstanceGroups);
  if (groups.length) {
    const named = groups.map((g) => `${one(g)}${typeof g.InstanceGroupName === 'string' ? ` (${g.InstanceGroupName})` : ''}`).join(', ');
    if (groups.length === 1) return named;
    const total = groups.every((g) => typeof g.InstanceCount === 'number') ? groups.reduce((n, g) => n + (g.InstanceCount as number), 0) : '?';
    return `${named}: ${total} instances in all`;
  }
  const listed = items(r.InstancePreferences);
  const preferences = listed.length ? listed : items(r.InstanceConfigs);
  if (preferences.length) return `the first available of ${preferences.map((p) => one(p, r.InstanceCount)).join(', ')}`;
  return one(r);
}

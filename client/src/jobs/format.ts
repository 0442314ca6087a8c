// How jobs are written in the output channel and the final notification.
import type { JobSummary, StatusTransition } from './jobRunner';

export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return [h && `${h} h`, m && `${m} min`, s && `${s} s`].filter(Boolean).join(' ');
}

export function formatTransition(t: StatusTransition): string {
  return `${t.startTime.toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z')} ${t.status}${t.message ? ` — ${t.message}` : ''}`;
}

export function formatSummary(s: JobSummary): string[] {
  return [
    `status ${s.status}${s.secondaryStatus && s.secondaryStatus !== s.status ? ` (${s.secondaryStatus})` : ''}`,
    s.durationSeconds !== undefined ? `duration ${formatDuration(s.durationSeconds)}` : undefined,
    s.billableSeconds !== undefined ? `billable ${formatDuration(s.billableSeconds)}` : undefined,
    s.modelArtifacts ? `model artifacts ${s.modelArtifacts}` : undefined,
    s.outputPath ? `output ${s.outputPath}` : undefined,
    s.failureReason ? `failure reason: ${s.failureReason}` : undefined,
  ].filter((l): l is string => Boolean(l));
}

// The one typed view of the job settings (contributes.configuration, prefix sagemakerAsl.).
import * as vscode from 'vscode';

export interface JobSettings {
  /** Profile from ~/.aws/config; undefined = the default credential chain. */
  profile?: string;
  region?: string;
  /** One endpoint for SageMaker and CloudWatch Logs, e.g. the local emulator http://127.0.0.1:4566. */
  endpoint?: string;
  /** Which settings the endpoint comes from, for the confirmation of a host that is not AWS. */
  endpointSource?: SettingSource;
  pollIntervalSeconds: number;
  /** More names whose values are masked (whole names or words of a name). */
  secretNames: string[];
}

export type SettingSource = 'user settings' | 'workspace settings' | 'workspace folder settings';

/** Bounds of sagemakerAsl.jobs.pollIntervalSeconds (as in package.json): setTimeout overflows past 24 days, NaN polls at once. */
const POLL_INTERVAL = { default: 15, min: 0.2, max: 300 } as const;

export function pollIntervalSeconds(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return POLL_INTERVAL.default;
  return Math.min(POLL_INTERVAL.max, Math.max(POLL_INTERVAL.min, value));
}

export function readJobSettings(): JobSettings {
  const c = vscode.workspace.getConfiguration('sagemakerAsl');
  const text = (key: string) => {
    const v = c.get<unknown>(key);
    return typeof v === 'string' ? v.trim() || undefined : undefined;
  };
  const endpoint = text('aws.endpoint');
  const names = c.get<unknown>('jobs.secretNames');
  return {
    profile: text('aws.profile'),
    region: text('aws.region'),
    endpoint,
    endpointSource: endpoint ? sourceOf(c.inspect?.('aws.endpoint')) : undefined,
    pollIntervalSeconds: pollIntervalSeconds(c.get<unknown>('jobs.pollIntervalSeconds')),
    secretNames: Array.isArray(names) ? names.filter((n): n is string => typeof n === 'string' && n.trim() !== '') : [],
  };
}

function sourceOf(i: { workspaceFolderValue?: unknown; workspaceValue?: unknown } | undefined): SettingSource {
  if (i?.workspaceFolderValue !== undefined) return 'workspace folder settings';
  if (i?.workspaceValue !== undefined) return 'workspace settings';
  return 'user settings';
}

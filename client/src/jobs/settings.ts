// The one typed view of the job settings (contributes.configuration, prefix sagemakerAsl.).
import * as vscode from 'vscode';

export interface JobSettings {
  /** Profile from ~/.aws/config; undefined = the default credential chain. */
  profile?: string;
  region?: string;
  /** One endpoint for SageMaker and CloudWatch Logs, e.g. the local emulator http://127.0.0.1:4566. */
  endpoint?: string;
  pollIntervalSeconds: number;
}

export function readJobSettings(): JobSettings {
  const c = vscode.workspace.getConfiguration('sagemakerAsl');
  const text = (key: string) => c.get<string>(key)?.trim() || undefined;
  return {
    profile: text('aws.profile'),
    region: text('aws.region'),
    endpoint: text('aws.endpoint'),
    pollIntervalSeconds: Math.max(0.2, c.get<number>('jobs.pollIntervalSeconds') ?? 15),
  };
}

/** Where requests go, in words for the confirm dialog. */
export function describeTarget(s: JobSettings): string {
  const region = s.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'the region of the profile';
  return `${region} · ${s.profile ? `profile ${s.profile}` : 'default credentials'}${s.endpoint ? ` · endpoint ${s.endpoint}` : ''}`;
}

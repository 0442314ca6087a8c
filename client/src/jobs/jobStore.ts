// The jobs launched from this workspace, kept in workspaceState so that "Show Jobs" lists them and a window
// reload resumes watching the ones still running. Requests are stored masked.
import type * as vscode from 'vscode';
import { isTerminalStatus, type JobKind } from '../../../server/src/jobKinds';
import type { SettingSource } from './settings';

export interface JobRecord {
  kind: JobKind;
  name: string;
  arn?: string;
  /** The state machine file and the Task state it came from. */
  uri: string;
  stateName: string;
  startedAt: string;
  status: string;
  /** Where it runs, so watching after a reload talks to the same account and endpoint. */
  profile?: string;
  region?: string;
  endpoint?: string;
  /** Which settings the endpoint came from, for the confirmation of a host that is not AWS. */
  endpointSource?: SettingSource;
  /** The request as sent, with secrets masked (never in clear: a reload finds the secrets in the job's description). */
  maskedRequest: unknown;
  summary?: string;
}

/** Where a job runs: its name is unique only within an account and region, so two endpoints may each have one of it. */
export type JobPlace = Pick<JobRecord, 'profile' | 'region' | 'endpoint'>;

/**
 * A job's identity: its kind and name where it runs (the review of the day: keyed by name alone, a second job of the
 * name at another endpoint replaced the first's record, went unwatched, and Stop stopped it instead of the first).
 */
export const jobKey = (job: { kind: JobKind; name: string } & JobPlace): string => JSON.stringify([job.kind, job.name, job.endpoint ?? null, job.region ?? null, job.profile ?? null]);

const KEY = 'sagemakerAsl.jobs';
/** The prefix of the keys of the remembered execution inputs, one per state machine URI. */
const INPUT = 'sagemakerAsl.input:';
// The input of one state that does not start with the execution input (a Map's item, a later state's input), by
// machine and state: never offered as, or shared as, the execution input.
const STATE_INPUT = 'sagemakerAsl.stateInput:';
const LIMIT = 50;

export class JobStore {
  constructor(private readonly state: vscode.Memento) {}

  all(): JobRecord[] {
    return this.state.get<JobRecord[]>(KEY, []);
  }

  running(): JobRecord[] {
    return this.all().filter((j) => !isTerminalStatus(j.status));
  }

  /** The record of the job of this kind and name at `place`. */
  find(kind: JobKind, name: string, place: JobPlace): JobRecord | undefined {
    const key = jobKey({ kind, name, ...place });
    return this.all().find((j) => jobKey(j) === key);
  }

  async save(record: JobRecord): Promise<void> {
    const key = jobKey(record);
    const others = this.all().filter((j) => jobKey(j) !== key);
    await this.state.update(KEY, [record, ...others].slice(0, LIMIT));
  }

  /** Changes the record of `job` (its kind, name and place), if there is one. */
  async update(job: { kind: JobKind; name: string } & JobPlace, change: Partial<JobRecord>): Promise<void> {
    const record = this.find(job.kind, job.name, job);
    if (record) await this.save({ ...record, ...change });
  }

  /** Masks the stored requests again: records written before the current masking policy may hold secrets it finds. */
  async remask(mask: (request: unknown) => unknown): Promise<void> {
    const all = this.all();
    const masked = all.map((r) => ({ ...r, maskedRequest: mask(r.maskedRequest) }));
    if (JSON.stringify(masked) !== JSON.stringify(all)) await this.state.update(KEY, masked);
  }

  /**
   * The execution input last used for a state machine; with `state` (uri#machine#state), the input last given for
   * that state where it is not the execution input (review of the day: the two were one, and mixed).
   */
  lastInput(uri: string, state?: string): string | undefined {
    return this.state.get<string>(state === undefined ? `${INPUT}${uri}` : `${STATE_INPUT}${state}`);
  }

  async rememberInput(uri: string, json: string, state?: string): Promise<void> {
    await this.state.update(state === undefined ? `${INPUT}${uri}` : `${STATE_INPUT}${state}`, json);
  }

  /** Every remembered execution input, by state machine (for the language server: executionInputs.ts). */
  rememberedInputs(): { uri: string; input: string }[] {
    return this.state
      .keys()
      .filter((k) => k.startsWith(INPUT))
      .map((k) => ({ uri: k.slice(INPUT.length), input: this.state.get<unknown>(k) }))
      .filter((e): e is { uri: string; input: string } => typeof e.input === 'string');
  }

  placeholderValues(uri: string): Record<string, string> {
    return this.state.get<Record<string, string>>(`sagemakerAsl.placeholders:${uri}`, {});
  }

  async rememberPlaceholders(uri: string, values: Record<string, string>): Promise<void> {
    await this.state.update(`sagemakerAsl.placeholders:${uri}`, values);
  }
}

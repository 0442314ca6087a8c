// Starts the built emulator (dist/emulator.js) as a child process, the way the demo and CI do, for the tests.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { after, before } from 'node:test';

export interface RunningEmulator {
  url: string;
  process: ChildProcess;
  stderr: string[];
  /** Adds fault rules (POST /_emulator/faults). */
  faults(rules: object[]): Promise<void>;
  clearFaults(): Promise<void>;
  stats(): Promise<{ requests: Record<string, number>; faultsInjected: number }>;
  stop(): Promise<void>;
}

/** The control endpoints take JSON only (a web page cannot send it cross-origin without a preflight). */
export const JSON_HEADERS = { 'Content-Type': 'application/json' };

export async function startEmulator(args: string[] = []): Promise<RunningEmulator> {
  if (!existsSync('dist/emulator.js')) spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  const child = spawn(process.execPath, ['dist/emulator.js', '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const stderr: string[] = [];
  createInterface({ input: child.stderr! }).on('line', (l) => stderr.push(l));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the emulator did not start: ${stderr.join('\n')}`)), 10_000);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const m = /^SageMaker emulator listening on (http:\/\/\S+)$/.exec(line);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.on('exit', (code) => reject(new Error(`the emulator exited (${code}): ${stderr.join('\n')}`)));
  });
  const control = async (path: string, method: string, body?: unknown): Promise<any> => {
    const send = () => fetch(`${url}/_emulator/${path}`, { method, headers: JSON_HEADERS, body: body === undefined ? undefined : JSON.stringify(body) });
    // Once more on a connection the emulator closed: a test that blocks its event loop (a spawnSync of the CLI) past
    // the server's keep-alive leaves fetch a pooled socket the other side has closed ("fetch failed" under load in
    // session 41). Every control request is idempotent.
    const res = await send().catch((e: unknown) => (e instanceof TypeError ? send() : Promise.reject(e)));
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return res.json();
  };
  return {
    url,
    process: child,
    stderr,
    faults: async (rules) => void (await control('faults', 'POST', { rules })),
    clearFaults: async () => void (await control('faults', 'DELETE')),
    stats: () => control('stats', 'GET'),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/**
 * An emulator for the tests around this call: started in `before`, stopped in `after`. The returned object
 * stands for the running emulator once started (`emu.url` inside a test).
 */
export function useEmulator(args: string[] = []): RunningEmulator {
  let emu: RunningEmulator | undefined;
  before(async () => {
    emu = await startEmulator(args);
  });
  after(() => emu?.stop());
  return new Proxy({} as RunningEmulator, {
    get(_, key) {
      if (!emu) throw new Error(`the emulator is not started yet (emu.${String(key)} outside a test)`);
      const value = emu[key as keyof RunningEmulator];
      return typeof value === 'function' ? value.bind(emu) : value;
    },
  });
}

/** One AWS JSON 1.1 call without the SDK, to see the wire format. */
export async function callJson(url: string, target: string, body: unknown): Promise<{ status: number; headers: Headers; json: any }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': target, Authorization: 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261122/us-east-1/sagemaker/aws4_request, SignedHeaders=host, Signature=0' },
    body: JSON.stringify(body),
  });
  return { status: res.status, headers: res.headers, json: await res.json() };
}

export const ROLE = 'arn:aws:iam::123456789012:role/SageMakerRole';

export function trainingRequest(name: string, extra: Record<string, unknown> = {}): Record<string, any> {
  return {
    TrainingJobName: name,
    RoleArn: ROLE,
    AlgorithmSpecification: { TrainingImage: '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1', TrainingInputMode: 'File' },
    InputDataConfig: [{ ChannelName: 'train', DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: 's3://bucket/train/' } } }],
    OutputDataConfig: { S3OutputPath: 's3://bucket/models' },
    ResourceConfig: { InstanceType: 'ml.m5.xlarge', InstanceCount: 1, VolumeSizeInGB: 30 },
    StoppingCondition: { MaxRuntimeInSeconds: 3600 },
    ...extra,
  };
}

/** A tuning job of `total` training jobs, `parallel` at a time, toward `objective`, each on one instance of `instanceType`. */
export function tuningRequest(name: string, { total, parallel, objective, instanceType = 'ml.m5.xlarge' }: { total: number; parallel: number; objective: { Type: string; MetricName: string }; instanceType?: string }): Record<string, any> {
  return {
    HyperParameterTuningJobName: name,
    HyperParameterTuningJobConfig: { Strategy: 'Random', ResourceLimits: { MaxNumberOfTrainingJobs: total, MaxParallelTrainingJobs: parallel }, HyperParameterTuningJobObjective: objective },
    TrainingJobDefinition: {
      RoleArn: ROLE,
      AlgorithmSpecification: { TrainingImage: 'img:1', TrainingInputMode: 'File' },
      OutputDataConfig: { S3OutputPath: 's3://b/o' },
      ResourceConfig: { InstanceType: instanceType, InstanceCount: 1, VolumeSizeInGB: 1 },
      StoppingCondition: { MaxRuntimeInSeconds: 60 },
    },
  };
}

export function transformRequest(name: string): Record<string, any> {
  return {
    TransformJobName: name,
    ModelName: 'churn-model',
    TransformInput: { DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: 's3://bucket/batch/' } }, ContentType: 'text/csv' },
    TransformOutput: { S3OutputPath: 's3://bucket/predictions' },
    TransformResources: { InstanceType: 'ml.m5.large', InstanceCount: 1 },
  };
}

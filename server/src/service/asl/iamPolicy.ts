// IAM policy documents, and what a state machine's role needs for its Distributed Map states, as the Step
// Functions developer guide publishes it ("IAM policies for using Distributed Map states",
// https://docs.aws.amazon.com/step-functions/latest/dg/iam-policies-eg-dist-map.html): states:StartExecution on the
// state machine itself (each item runs as a child execution of it) and states:DescribeExecution on its executions;
// s3:GetObject (and s3:ListBucket for a prefix) on the dataset its ItemReader reads; and for a ResultWriter,
// s3:PutObject, s3:GetObject, s3:ListMultipartUploadParts and s3:AbortMultipartUpload where the results are written.
// Pure functions of plain values: the SageMaker tasks' statements (sagemaker/iamPolicy.ts) use the same helpers,
// and ../iamPolicy.ts puts both in one document.
import { isJsonata, scanPlaceholders } from '../expressions/index';
import { parseIntegrationArn } from './integrations';

/**
 * A state machine's name as Step Functions takes one (CreateStateMachine: 1 to 80 characters, no whitespace,
 * brackets, wildcards, special or control characters): what may go into a state machine's ARN as written.
 */
export const STATE_MACHINE_NAME = /^[^\s<>{}[\]?*"#%\\^|~`$&,;:/\u0000-\u001f\u007f-\u009f]{1,80}$/;

export interface PolicyOptions {
  /** Defaults: aws, and `*` for region and account (replace them with yours for a tighter policy). */
  partition?: string;
  region?: string;
  account?: string;
  /** The state machine's name, for what a Distributed Map starts (default `*`: the name is not in its definition). */
  stateMachineName?: string;
}

export interface PolicyStatement {
  Sid: string;
  Effect: 'Allow';
  Action: string[];
  Resource: string[];
  Condition?: Record<string, Record<string, string | string[]>>;
}

export interface PolicyDocument {
  Version: '2012-10-17';
  Statement: PolicyStatement[];
}

/**
 * Text written into a policy as itself: a `*` or `?` the user wrote (no SageMaker name, S3 bucket or role ARN may hold
 * one, but a policy is written from text that may be wrong) is IAM's `${*}` / `${?}`, not a wildcard that would grant
 * every name it matches (`role/*`: iam:PassRole on every role). Placeholders `${…}` stay as written.
 */
export function asWritten(s: string): string {
  const escape = (t: string) => t.replace(/[*?]/g, (c) => `\${${c}}`);
  let out = '';
  let at = 0;
  for (const p of scanPlaceholders(s)) {
    out += escape(s.slice(at, p.start)) + s.slice(p.start, p.end);
    at = p.end;
  }
  return out + escape(s.slice(at));
}

/**
 * A template's value that is an intrinsic's (`!GetAtt SageMakerRole.Arn`, `!Ref Stage` inside a Definition read as
 * `${Fn::GetAtt}`, `${Ref}`): computed at deployment, and no name a template engine could fill it by.
 */
export const INTRINSIC_PLACEHOLDER = /\$\{(?:Ref|Fn::[A-Za-z]+)\}/g;

/** A string value of a plain JSON object member. */
export const str = (o: unknown, key: string): string | undefined => {
  const v = o && typeof o === 'object' && !Array.isArray(o) ? (o as Record<string, unknown>)[key] : undefined;
  return typeof v === 'string' ? v : undefined;
};

/**
 * IAM's size limits ("IAM and AWS STS quotas"): a managed policy holds at most 6,144 characters, and all the inline
 * policies of a role together 10,240; whitespace does not count.
 */
export const MANAGED_POLICY_MAX = 6144;
export const ROLE_INLINE_POLICIES_MAX = 10240;

/** What IAM would refuse of `policy` for its size, in words; undefined when it fits in a managed policy. */
export function policySizeProblem(policy: PolicyDocument): string | undefined {
  const size = JSON.stringify(policy).replace(/\s+/g, '').length;
  if (size <= MANAGED_POLICY_MAX) return undefined;
  const where = size <= ROLE_INLINE_POLICIES_MAX ? `it fits only as an inline policy of the role (${ROLE_INLINE_POLICIES_MAX.toLocaleString('en-US')} for all of them)` : `more than the ${ROLE_INLINE_POLICIES_MAX.toLocaleString('en-US')} all the inline policies of a role may hold too`;
  return `the policy has ${size.toLocaleString('en-US')} characters without whitespace: IAM refuses a managed policy over ${MANAGED_POLICY_MAX.toLocaleString('en-US')}, and ${where}; split it, or name its resources with wildcards`;
}

/** A statement id from a state name: letters and digits only (IAM's rule), each word capitalised. */
export function sidOf(stateName: string): string {
  const words = stateName.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const sid = words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
  return sid || 'State';
}

/** The states a statement serves, for its Sid (each a sidOf already): each one's name up to three, else the first two and how many more. */
export function statesOf(states: readonly string[]): string {
  const names = [...new Set(states)];
  // At most about a hundred characters of names: a Sid counts against the policy's size.
  return names.length <= 3 ? names.join('').slice(0, 100) : `${names.slice(0, 2).join('').slice(0, 90)}And${names.length - 2}More`;
}

/** The statements with every Sid unique: a repeated one gets 2, 3, … (IAM refuses a policy with two alike). */
export function withUniqueSids(statements: PolicyStatement[]): PolicyStatement[] {
  const used = new Set<string>();
  return statements.map((s) => {
    let sid = s.Sid;
    for (let i = 2; used.has(sid); i++) sid = `${s.Sid}${i}`;
    used.add(sid);
    return sid === s.Sid ? s : { ...s, Sid: sid };
  });
}

/** A Distributed Map state as plain values: its name, ItemReader and ResultWriter, and its query language. */
export interface DistributedMapTask {
  stateName: string;
  itemReader: unknown;
  resultWriter: unknown;
  jsonata: boolean;
}

/**
 * A part of an S3 ARN (bucket, key, prefix) from a request member: the literal as written, or `*` where it is
 * computed (a `.$` path, JSONata, an intrinsic's value); undefined when the request does not set it.
 */
function s3Part(request: unknown, member: string): string | undefined {
  const literal = str(request, member);
  if (literal !== undefined && !isJsonata(literal)) return asWritten(literal).replace(INTRINSIC_PLACEHOLDER, '*');
  if (literal !== undefined || str(request, `${member}.$`) !== undefined) return '*';
  const v = request && typeof request === 'object' ? (request as Record<string, unknown>)[member] : undefined;
  return v === undefined ? undefined : '*';
}

/** The request of an ItemReader or ResultWriter: Arguments in JSONata, Parameters in JSONPath; `*` everywhere when computed. */
function requestOf(field: unknown, jsonata: boolean): unknown {
  const request = field && typeof field === 'object' ? (field as Record<string, unknown>)[jsonata ? 'Arguments' : 'Parameters'] : undefined;
  return typeof request === 'string' ? {} : request;
}

/** The S3 action a field's Resource names (`arn:aws:states:::s3:getObject` → getObject), else undefined. */
const s3Action = (field: unknown): string | undefined => {
  const read = parseIntegrationArn(str(field, 'Resource'));
  return read?.service === 's3' && read.suffix === '' ? read.action : undefined;
};

/** `a/b/` + `c` → `a/b/c`: one slash between a prefix and what follows it. */
function under(prefix: string, rest: string): string {
  let end = prefix.length;
  while (end > 0 && prefix[end - 1] === '/') end--;
  return prefix === '' ? rest : `${prefix.slice(0, end)}/${rest}`;
}

/** The statements the role needs for these Distributed Map states (none when there are none). */
export function distributedMapStatements(maps: readonly DistributedMapTask[], options: PolicyOptions = {}): PolicyStatement[] {
  if (!maps.length) return [];
  const partition = options.partition ?? 'aws';
  const region = options.region ?? '*';
  const account = options.account ?? '*';
  const name = options.stateMachineName === undefined ? '*' : asWritten(options.stateMachineName);
  const states = statesOf(maps.map((m) => sidOf(m.stateName)));
  const s3 = (bucket: string, key?: string) => `arn:${partition}:s3:::${bucket}${key === undefined ? '' : `/${key}`}`;
  const statements: PolicyStatement[] = [
    { Sid: `${states}StartExecution`, Effect: 'Allow', Action: ['states:StartExecution'], Resource: [`arn:${partition}:states:${region}:${account}:stateMachine:${name}`] },
    { Sid: `${states}DescribeExecution`, Effect: 'Allow', Action: ['states:DescribeExecution'], Resource: [`arn:${partition}:states:${region}:${account}:execution:${name}:*`] },
  ];
  for (const m of maps) {
    const state = sidOf(m.stateName);
    const reader = requestOf(m.itemReader, m.jsonata);
    const bucket = s3Part(reader, 'Bucket') ?? '*';
    switch (s3Action(m.itemReader)) {
      case 'getObject': {
        // One object (CSV, JSON, JSONL, Parquet); an S3 inventory's manifest.json lists data files under its
        // configuration's data/ folder, beside the dated folder the manifest is in.
        const key = s3Part(reader, 'Key') ?? '*';
        const inputType = str((m.itemReader as Record<string, unknown>).ReaderConfig, 'InputType');
        const parts = key.split('/');
        const data = inputType === 'MANIFEST' ? (key !== '*' && parts.length >= 3 ? [s3(bucket, `${parts.slice(0, -2).join('/')}/data/*`)] : [s3(bucket, '*')]) : [];
        statements.push({ Sid: `${state}ItemReader`, Effect: 'Allow', Action: ['s3:GetObject'], Resource: [s3(bucket, key), ...data] });
        break;
      }
      case 'listObjectsV2': {
        // Listing the bucket (ListBucket, narrowed to the prefix when it is known) and reading what it lists.
        const prefix = s3Part(reader, 'Prefix');
        const narrowed = prefix !== undefined && prefix !== '*' && prefix !== '';
        statements.push({ Sid: `${state}ItemReaderList`, Effect: 'Allow', Action: ['s3:ListBucket'], Resource: [s3(bucket)], ...(narrowed && { Condition: { StringLike: { 's3:prefix': [`${prefix}*`] } } }) });
        statements.push({ Sid: `${state}ItemReader`, Effect: 'Allow', Action: ['s3:GetObject'], Resource: [s3(bucket, `${prefix === undefined || prefix === '*' ? '' : prefix}*`)] });
        break;
      }
    }
    if (s3Action(m.resultWriter) === 'putObject') {
      const writer = requestOf(m.resultWriter, m.jsonata);
      const prefix = s3Part(writer, 'Prefix');
      statements.push({
        Sid: `${state}ResultWriter`,
        Effect: 'Allow',
        Action: ['s3:PutObject', 's3:GetObject', 's3:ListMultipartUploadParts', 's3:AbortMultipartUpload'],
        Resource: [s3(s3Part(writer, 'Bucket') ?? '*', prefix === undefined || prefix === '*' ? '*' : under(prefix, '*'))],
      });
    }
  }
  return statements;
}

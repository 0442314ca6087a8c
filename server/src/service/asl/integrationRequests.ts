// The requests of optimized integrations other than SageMaker's (sagemaker/ checks those against SageMaker's API
// model): what a service's page of the developer guide says its request must hold. Each is a warning: the pages do
// not say Step Functions refuses the definition at creation, and the task fails when it runs. Only what is written
// out is judged: a `.$` member, a JSONata expression or a template placeholder may hold anything.
import { hasPlaceholder, standsForValue } from '../expressions/index';
import { list, quote } from '../core/text';
import type { AstNode, OffsetRange } from '../core/types';
import { AslCode } from './codes';
import { parseIntegrationArn } from './integrations';
import type { QueryLanguage } from './model';

export interface RequestFinding {
  node: OffsetRange;
  code: string;
  message: string;
}

const keyOf = (p: AstNode) => p.children?.[0];
const valueOf = (p: AstNode) => p.children?.[1];

/** The members of a request object as written: each literal member's key and value, and the names given at all. */
function membersOf(payload: AstNode, ql: QueryLanguage) {
  const literal = new Map<string, { key: AstNode; value: AstNode }>();
  const named = new Map<string, AstNode>();
  for (const p of payload.children ?? []) {
    const k = keyOf(p), v = valueOf(p);
    if (typeof k?.value !== 'string' || !v) continue;
    const dynamic = ql === 'JSONPath' && k.value.endsWith('.$');
    const name = dynamic ? k.value.slice(0, -2) : k.value;
    named.set(name, k);
    if (!dynamic && !(v.type === 'string' && standsForValue(v.value as string, ql === 'JSONata'))) literal.set(name, { key: k, value: v });
  }
  return { literal, named };
}

/**
 * A literal member that is not one of `values`: a warning, with the capitals to write when only the case is wrong
 * (`note`: what follows the list, such as the value taken when the member is left out).
 */
function valueNotIn(member: { value: AstNode } | undefined, name: string, values: readonly string[], note = ''): RequestFinding | undefined {
  const node = member?.value;
  if (!node || (node.type === 'string' && values.includes(node.value as string))) return undefined;
  const upper = node.type === 'string' ? String(node.value).toUpperCase() : undefined;
  const capitals = upper !== undefined && values.includes(upper) ? ` (in capitals: ${upper})` : '';
  return { node, code: AslCode.invalidValue, message: `${name} must be ${values.length > 2 ? 'one of ' : ''}${list(values, 'or')}${note}${capitals}: the task fails when it runs` };
}

// The request of Lambda's Invoke (Lambda API reference, API_Invoke: its URI parameters, header and body), which
// connect-lambda.html names as the optimized integration's API. TenantId is Invoke's newest member: accepted, as a
// diagnostic is a promise.
export const LAMBDA_INVOKE_MEMBERS = ['ClientContext', 'FunctionName', 'InvocationType', 'LogType', 'Payload', 'Qualifier', 'TenantId'];

// connect-api-gateway.html, "Required request parameters" and "Optional request parameters".
const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'];
const BODY_METHODS = ['PATCH', 'POST', 'PUT'];
const AUTH_TYPES = ['NO_AUTH', 'IAM_ROLE', 'RESOURCE_POLICY'];
// "For security considerations, the following HTTP header keys are not currently permitted: Anything prefixed with
// X-Forwarded, X-Amz or X-Amzn. Authorization Connection Content-md5 Expect Host Max-Forwards Proxy-Authenticate
// Server TE Transfer-Encoding Trailer Upgrade Via Www-Authenticate" (as written: the page gives them so).
// Compared in lower case: HTTP header names are case-insensitive (review of the day: `authorization` passed).
const FORBIDDEN_HEADER_PREFIXES = ['x-forwarded', 'x-amz'];
const FORBIDDEN_HEADERS = new Set(['authorization', 'connection', 'content-md5', 'expect', 'host', 'max-forwards', 'proxy-authenticate', 'server', 'te', 'transfer-encoding', 'trailer', 'upgrade', 'via', 'www-authenticate']);

// The HTTP Task (call-https-apis.html): "Method (Required) ... You can specify one of these methods in your HTTP Task: GET,
// POST, PUT, DELETE, PATCH, OPTIONS, or HEAD"; "You must include the connection ARN in any HTTP Task that calls an HTTPS
// API" ("use either the Authentication or InvocationConfig field"); "RequestBodyEncoding ... NONE or URL_ENCODED"; the
// array encodings INDICES, REPEAT, COMMAS and BRACKETS; and "You can't use the following headers in your HTTP Task
// definition. If you use these headers, the HTTP Task fails with the States.Runtime error", of which these are the ones
// quoted here (the page lists more: only what is quoted is judged).
const HTTP_METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'];
const HTTP_BODY_ENCODINGS = ['NONE', 'URL_ENCODED'];
const HTTP_ARRAY_FORMATS = ['INDICES', 'REPEAT', 'COMMAS', 'BRACKETS'];
const HTTP_FORBIDDEN_HEADERS = new Set(['a-im', 'accept-charset', 'accept-datetime', 'accept-encoding', 'authorization', 'cache-control', 'host']);
const HTTP_FORBIDDEN_HEADER_PREFIXES = ['x-forwarded-', 'x-amz-', 'x-amzn-'];

// The members an optimized integration's request must hold: those its service's API reference marks "Required: Yes"
// for the action the integration calls (`api`), or the developer guide's page of the integration marks required
// (`guide`), in the names Step Functions passes them by (each connect-*.html page's supported parameters, PascalCase).
// Without one the service refuses the call, and the task fails when it runs.
const REQUIRED_MEMBERS: Readonly<Record<string, { members: readonly string[] } & ({ api: string } | { guide: string })>> = {
  'lambda:invoke': { api: "Lambda's Invoke", members: ['FunctionName'] },
  // connect-api-gateway.html, "Required request parameters".
  'apigateway:invoke': { guide: "the developer guide's required request parameters", members: ['ApiEndpoint', 'Method'] },
  // call-https-apis.html: "Method (Required)", "ApiEndpoint (Required)".
  'http:invoke': { guide: 'the developer guide: "Required"', members: ['ApiEndpoint', 'Method'] },
  'sqs:sendMessage': { api: "SQS's SendMessage", members: ['QueueUrl', 'MessageBody'] },
  'sns:publish': { api: "SNS's Publish", members: ['Message'] },
  'dynamodb:getItem': { api: "DynamoDB's GetItem", members: ['TableName', 'Key'] },
  'dynamodb:putItem': { api: "DynamoDB's PutItem", members: ['TableName', 'Item'] },
  'dynamodb:deleteItem': { api: "DynamoDB's DeleteItem", members: ['TableName', 'Key'] },
  'dynamodb:updateItem': { api: "DynamoDB's UpdateItem", members: ['TableName', 'Key'] },
  'events:putEvents': { api: "EventBridge's PutEvents", members: ['Entries'] },
  'states:startExecution': { api: "Step Functions' StartExecution", members: ['StateMachineArn'] },
  'glue:startJobRun': { api: "Glue's StartJobRun", members: ['JobName'] },
  'batch:submitJob': { api: "Batch's SubmitJob", members: ['JobName', 'JobQueue', 'JobDefinition'] },
  'ecs:runTask': { api: "ECS's RunTask", members: ['TaskDefinition'] },
  'athena:startQueryExecution': { api: "Athena's StartQueryExecution", members: ['QueryString'] },
  'athena:getQueryExecution': { api: "Athena's GetQueryExecution", members: ['QueryExecutionId'] },
  'athena:getQueryResults': { api: "Athena's GetQueryResults", members: ['QueryExecutionId'] },
  'athena:stopQueryExecution': { api: "Athena's StopQueryExecution", members: ['QueryExecutionId'] },
  'codebuild:startBuild': { api: "CodeBuild's StartBuild", members: ['ProjectName'] },
  'bedrock:invokeModel': { api: "Bedrock's InvokeModel", members: ['ModelId'] },
};

/** What the request of the Task whose Resource is `arn` lacks or breaks (`payload`: its Parameters or Arguments). */
export function integrationRequestFindings(arn: string | undefined, payload: AstNode | undefined, ql: QueryLanguage): RequestFinding[] {
  if (!arn || payload?.type !== 'object') return [];
  const request = ql === 'JSONata' ? 'Arguments' : 'Parameters';
  // What the request lacks is said on its key and its opening brace: one line that both the field's name and the
  // object it opens overlap (the whole object would underline everything in it).
  const key = payload.parent?.type === 'property' ? keyOf(payload.parent) : undefined;
  // (A YAML block mapping opens on the next line: its key alone.)
  const gap = key ? payload.offset - (key.offset + key.length) : -1;
  const where = !key || gap < 0 ? { offset: payload.offset, length: 1 } : gap <= 3 ? { offset: key.offset, length: payload.offset + 1 - key.offset } : key;
  const { literal, named } = membersOf(payload, ql);
  const out: RequestFinding[] = [];
  // The action as an ARN in any partition names it, a template's `arn:${AWS::Partition}:…` too (read as a mark).
  const integration = parseIntegrationArn(arn.replace(/^arn:[^:]*:/, 'arn:aws:'));
  const action = integration && integration.service !== 'aws-sdk' ? `${integration.service}:${integration.action}` : '';
  // A key a template fills in (`${Key}`) may be any of the members asked for.
  if (Object.hasOwn(REQUIRED_MEMBERS, action) && ![...named.keys()].some((k) => hasPlaceholder(k))) {
    const required = REQUIRED_MEMBERS[action];
    const missing = required.members.filter((m) => !named.has(m));
    const why = 'api' in required ? `${required.api} requires ${missing.length > 1 ? 'them' : 'it'}` : required.guide;
    if (missing.length) out.push({ node: where, code: AslCode.missingField, message: `${action} needs ${list(missing, 'and')} in its ${request} (${why}): the task fails when it runs` });
  }
  if (action === 'lambda:invoke') {
    // Any other member is not passed on: the task fails when it runs ("The field "TaskToken" is not supported by
    // Step Functions", measured against AWS in an emulator's issue; validation accepts the definition).
    for (const [name, key] of named) {
      // A JSONata state's `X.$` key is said to be a mistake where it is written (validateStructure.ts).
      if (LAMBDA_INVOKE_MEMBERS.includes(name) || hasPlaceholder(name) || (ql === 'JSONata' && name.endsWith('.$'))) continue;
      const hint = name === 'TaskToken' ? `; a task token goes inside Payload ("Payload": { "TaskToken${ql === 'JSONPath' ? '.$": "$$.Task.Token"' : '": "{% $states.context.Task.Token %}"'} })` : '';
      out.push({ node: key, code: AslCode.unknownField, message: `lambda:invoke takes no ${quote(name)}: Step Functions passes Lambda's Invoke only ${list(LAMBDA_INVOKE_MEMBERS, 'and')}, and the task fails when it runs ("The field ${JSON.stringify(name)} is not supported by Step Functions")${hint}` });
    }
    return out;
  }
  if (action === 'http:invoke') return [...out, ...httpTaskFindings(payload, where, request, ql)];
  if (action !== 'apigateway:invoke') return out;
  const method = literal.get('Method')?.value;
  const badMethod = valueNotIn(literal.get('Method'), 'Method', METHODS);
  if (badMethod) out.push(badMethod);
  // Any RequestBody, computed ones too: a GET sends none.
  const body = named.get('RequestBody');
  if (body && method?.type === 'string' && METHODS.includes(method.value as string) && !BODY_METHODS.includes(method.value as string))
    out.push({ node: body, code: AslCode.invalidValue, message: `RequestBody is only supported for ${list(BODY_METHODS, 'and')} (the developer guide), not ${method.value}: the task fails when it runs` });
  const badAuth = valueNotIn(literal.get('AuthType'), 'AuthType', AUTH_TYPES, ' (NO_AUTH if left out)');
  if (badAuth) out.push(badAuth);
  const headers = literal.get('Headers')?.value;
  if (headers?.type === 'object') {
    const h = membersOf(headers, ql);
    for (const [name, key] of h.named) {
      const lower = name.toLowerCase();
      const value = h.literal.get(name)?.value;
      if (FORBIDDEN_HEADERS.has(lower) || FORBIDDEN_HEADER_PREFIXES.some((x) => lower.startsWith(x)))
        out.push({ node: key, code: AslCode.invalidValue, message: `The header ${quote(name)} is not permitted in an API Gateway call from Step Functions ("for security considerations", the developer guide: X-Forwarded*, X-Amz*, Authorization, Host and others): the task fails when it runs` });
      // "HTTP headers allow a list of values associated with the same key": each header's value is a list.
      else if (value && value.type !== 'array')
        out.push({ node: value, code: AslCode.invalidValue, message: `A header's value is a list of strings (${quote(name)}: [${value.type === 'string' ? JSON.stringify(value.value) : '…'}]): Step Functions does not start the task with any other (The value of the field 'Headers' has an invalid format)` });
    }
  }
  return out;
}

/** An HTTP Task's request (`http:invoke`): each finding is a warning, as the task fails when it runs. */
function httpTaskFindings(payload: AstNode, where: OffsetRange, request: string, ql: QueryLanguage): RequestFinding[] {
  const out: RequestFinding[] = [];
  const { literal, named } = membersOf(payload, ql);
  // The connection: Authentication's or InvocationConfig's ConnectionArn, either written out or computed as a whole.
  const connection = ['Authentication', 'InvocationConfig'].some((m) => {
    if (!named.has(m)) return false;
    const v = literal.get(m)?.value;
    return v?.type !== 'object' || membersOf(v, ql).named.has('ConnectionArn');
  });
  if (!connection) out.push({ node: where, code: AslCode.missingField, message: `http:invoke needs a connection: Authentication or InvocationConfig with a ConnectionArn in its ${request} ("You must include the connection ARN in any HTTP Task that calls an HTTPS API"): the task fails when it runs` });
  const badMethod = valueNotIn(literal.get('Method'), 'Method', HTTP_METHODS);
  if (badMethod) out.push(badMethod);
  const headers = literal.get('Headers')?.value;
  if (headers?.type === 'object') {
    for (const [name, key] of membersOf(headers, ql).named) {
      const lower = name.toLowerCase();
      if (HTTP_FORBIDDEN_HEADERS.has(lower) || HTTP_FORBIDDEN_HEADER_PREFIXES.some((x) => lower.startsWith(x)))
        out.push({ node: key, code: AslCode.invalidValue, message: `The header ${quote(name)} cannot be used in an HTTP Task: it fails with States.Runtime when it runs (the developer guide's list: A-IM, Accept-Charset, Accept-Datetime, Accept-Encoding, Authorization, Cache-Control, Host, x-forwarded-*, x-amz-*, x-amzn-* and others; a connection sets authorization)` });
    }
  }
  const transform = literal.get('Transform')?.value;
  if (transform?.type === 'object') {
    const t = membersOf(transform, ql).literal;
    const options = t.get('RequestEncodingOptions')?.value;
    const findings = [
      valueNotIn(t.get('RequestBodyEncoding'), 'RequestBodyEncoding', HTTP_BODY_ENCODINGS),
      valueNotIn(options?.type === 'object' ? membersOf(options, ql).literal.get('ArrayFormat') : undefined, 'ArrayFormat', HTTP_ARRAY_FORMATS),
    ];
    for (const f of findings) if (f) out.push(f);
  }
  return out;
}

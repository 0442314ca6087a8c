#!/usr/bin/env node
// Generates one JSON Schema per Step Functions-optimized SageMaker API from the AWS SageMaker API model
// (botocore's service-2.json, copied with its licence into schemas/aws-model/). The schemas are committed;
// never edit them by hand: change this script or the model and run `npm run schemas`.
//
// Each schema is self-contained: the request shape is the root, every shape it reaches is in $defs.
// Standard JSON Schema keywords carry the constraints (type, properties, required, additionalProperties,
// pattern, minLength/maxLength, minimum/maximum, enum, items, minItems/maxItems, propertyNames,
// minProperties/maxProperties); documentation is Markdown in `markdownDescription`. `x-awsShape` names the
// model's shape and `x-awsPattern` keeps the model's own (unanchored, Java-style) pattern for messages; `x-union` marks
// a structure that is a Smithy union (exactly one member set).
import { readFileSync, writeFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const MODEL = join(here, 'aws-model', 'sagemaker-2017-07-24.service-2.json');
const OUT = join(here, 'sagemaker');

// The Step Functions-optimized SageMaker integrations: resource name → (API operation, supports `.sync`).
// Adding an integration starts with a line here; its IAM policy (server/src/service/sagemaker/iamPolicy.ts) and its
// label in the graph (server/src/service/graph/graphModel.ts) follow, which test/unit/iamPolicy.test.ts holds to
// this list; a job kind the editor starts is one more entry in server/src/jobKinds.ts.
const INTEGRATIONS = [
  ['createEndpoint', 'CreateEndpoint', false],
  ['createEndpointConfig', 'CreateEndpointConfig', false],
  ['createHyperParameterTuningJob', 'CreateHyperParameterTuningJob', true],
  ['createLabelingJob', 'CreateLabelingJob', true],
  ['createModel', 'CreateModel', false],
  ['createProcessingJob', 'CreateProcessingJob', true],
  ['createTrainingJob', 'CreateTrainingJob', true],
  ['createTransformJob', 'CreateTransformJob', true],
  ['updateEndpoint', 'UpdateEndpoint', false],
];

// Java regex classes that JavaScript does not know, as the characters they stand for (POSIX, US-ASCII).
const JAVA_CLASSES = {
  Alnum: 'A-Za-z0-9', Alpha: 'A-Za-z', Digit: '0-9', Upper: 'A-Z', Lower: 'a-z', XDigit: '0-9A-Fa-f',
  Space: ' \\t\\n\\x0B\\f\\r', Punct: '!-\\/:-@\\[-`{-~', ASCII: '\\x00-\\x7F',
};

// Where Java and JavaScript read the same pattern differently (java.util.regex.Pattern without flags, as the
// service matches): Java's `\s` is ASCII whitespace only, while JavaScript's also holds U+00A0, U+2028, U+FEFF and
// the other Unicode spaces (so `[\S]+` would refuse a no-break space that AWS accepts), and Java's `.` also stops
// at U+0085 (NEXT LINE), which JavaScript's `.` lets through.
const JAVA_SPACE = ' \\t\\n\\x0B\\f\\r';
const JAVA_DOT = '[^\\n\\r\\u0085\\u2028\\u2029]';

/** The model's pattern as an anchored JavaScript pattern (compiled with the `u` flag) that matches what Java's does. */
export function toJsPattern(javaPattern) {
  let out = '';
  // Inside a class: its text so far, and whether it holds `\S` (a union JavaScript cannot write in one class).
  let cls;
  for (let i = 0; i < javaPattern.length; i++) {
    const c = javaPattern[i];
    let piece;
    if (c === '\\') {
      const next = javaPattern[i + 1];
      const java = /^p\{(\w+)\}/.exec(javaPattern.slice(i + 1));
      if (java && JAVA_CLASSES[java[1]]) {
        piece = cls ? JAVA_CLASSES[java[1]] : `[${JAVA_CLASSES[java[1]]}]`;
        i += java[0].length;
      } else if (next === 's') {
        piece = cls ? JAVA_SPACE : `[${JAVA_SPACE}]`;
        i++;
      } else if (next === 'S') {
        i++;
        if (!cls) piece = `[^${JAVA_SPACE}]`;
        else if (cls.negated) throw new Error(`toJsPattern: \\S in a negated class is not translated: ${javaPattern}`);
        else { cls.nonSpace = true; continue; }
      } else {
        // With the `u` flag an escaped character that is not syntax is an error (`\_`, `\ `, and `\-` outside a class),
        // where Java reads any escaped non-letter as itself.
        const literal = !/[A-Za-z0-9]/.test(next) && !'^$\\.*+?()[]{}|/'.includes(next) && !(next === '-' && cls);
        piece = literal ? next : c + next;
        i++;
      }
    } else if (c === '[' && !cls) {
      cls = { text: '', negated: javaPattern[i + 1] === '^', nonSpace: false };
      if (cls.negated) i++;
      continue;
    } else if (c === ']' && cls) {
      const body = `[${cls.negated ? '^' : ''}${cls.text}]`;
      // `[a\S]` is "a, or anything but Java's whitespace"; `[\s\S]` is any character, in both languages.
      if (!cls.nonSpace) out += body;
      else if (cls.text === JAVA_SPACE) out += '[\\s\\S]';
      else out += cls.text ? `(?:${body}|[^${JAVA_SPACE}])` : `[^${JAVA_SPACE}]`;
      cls = undefined;
      continue;
    } else if ((c === '$' || c === '^') && !cls) {
      // Java lets an assertion take a quantifier (`${1,128}`, in a tag pattern): once or more is once, and a quantifier
      // that allows none makes it no assertion at all. JavaScript refuses the quantifier.
      const q = /^(?:\{(\d+)(?:,\d*)?\}|[*+?])/.exec(javaPattern.slice(i + 1));
      piece = q && (q[0] === '*' || q[0] === '?' || q[1] === '0') ? '' : c;
      if (q) i += q[0].length;
    } else piece = c === '.' && !cls ? JAVA_DOT : c;
    if (cls) cls.text += piece;
    else out += piece;
  }
  if (cls) throw new Error(`toJsPattern: unclosed class in ${javaPattern}`);
  const anchored = `^(?:${out})$`;
  new RegExp(anchored, 'u'); // throws when the translation is incomplete: the generator must fail loudly
  return anchored;
}

const CHARACTER_NAMES = {
  '-': 'hyphens', _: 'underscores', '.': 'periods', ':': 'colons', '/': 'slashes', '=': 'equals signs', '+': 'plus signs',
  '@': 'at signs', ' ': 'spaces', ',': 'commas',
};

/**
 * The characters a simple pattern allows, in words ("letters, digits and hyphens"), for messages. Only for
 * patterns made of character classes and quantifiers; anything with fixed text, `.`, negation or lookaround
 * gets no description (the pattern itself is always shown).
 */
export function describePattern(javaPattern) {
  const names = new Set();
  const add = (from, to) => {
    const r = `${from}-${to}`;
    if (r === 'a-z' || r === 'A-Z') names.add('letters');
    else if (r === '0-9') names.add('digits');
    else return false;
    return true;
  };
  const single = (c) => {
    if (!CHARACTER_NAMES[c]) return false;
    names.add(CHARACTER_NAMES[c]);
    return true;
  };
  const p = javaPattern;
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '[') {
      if (p[i + 1] === '^') return undefined;
      for (i++; i < p.length && p[i] !== ']'; i++) {
        let ch = p[i];
        const cls = /^\\p\{(\w+)\}/.exec(p.slice(i));
        if (cls) {
          const n = { L: 'letters', N: 'digits', Z: 'spaces', Alnum: 'letters and digits' }[cls[1]];
          if (!n) return undefined;
          n.split(' and ').forEach((x) => names.add(x));
          i += cls[0].length - 1;
          continue;
        }
        if (ch === '\\') {
          ch = p[++i];
          if (ch === 'd') { names.add('digits'); continue; }
          if (/[a-zA-Z]/.test(ch)) return undefined;
        }
        if (p[i + 1] === '-' && p[i + 2] && p[i + 2] !== ']') {
          if (!add(ch, p[i + 2])) return undefined;
          i += 2;
        } else if (!single(ch)) return undefined;
      }
    } else if ('()*+?|'.includes(c)) {
      if (c === '(' && p[i + 1] === '?') return undefined;
    } else if (c === '{') {
      const q = /^\{\d+(,\d*)?\}/.exec(p.slice(i));
      if (!q) return undefined;
      i += q[0].length - 1;
    } else if (c === '\\') {
      const next = p[++i];
      if (next === 'd') names.add('digits');
      else if (!single(next)) return undefined;
    } else if (c === '.' || !single(c)) return undefined; // any character, or fixed text such as "arn:"
  }
  if (!names.size) return undefined;
  const order = ['letters', 'digits', ...Object.values(CHARACTER_NAMES)];
  const list = order.filter((n) => names.has(n));
  return list.length === 1 ? `${list[0]} only` : `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`;
}

/** The model's documentation (HTML) as Markdown. */
export function htmlToMarkdown(html) {
  if (!html) return undefined;
  let s = html
    .replace(/\s+/g, ' ')
    .replace(/<a [^>]*href="([^"]*)"[^>]*>(.*?)<\/a>/g, (_, href, text) => `[${text.trim()}](${href})`)
    // A span's own spaces (`<code> File </code>`, `<b> Pipe mode </b>`) go, or Markdown would not read it as a span;
    // the words around it keep theirs. A tag left without its pair is dropped below, so marks always pair up.
    .replace(/<(code|i|b|em|strong)>\s*(.*?)\s*<\/\1>/g, (_, tag, text) => {
      const mark = { code: '`', i: '_', em: '_', b: '**', strong: '**' }[tag];
      return text ? `${mark}${text}${mark}` : '';
    })
    .replace(/<note>/g, '\n\n> **Note:** ').replace(/<\/note>/g, '\n\n')
    .replace(/<important>/g, '\n\n> **Important:** ').replace(/<\/important>/g, '\n\n')
    .replace(/<li>\s*/g, '\n- ').replace(/<\/li>/g, '')
    .replace(/<\/?(ul|ol)>/g, '\n\n')
    .replace(/<p>\s*/g, '\n\n').replace(/<\/p>/g, '\n\n')
    .replace(/<br\s*\/?>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;|&apos;/g, "'").replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&');
  s = s.split('\n').map((l) => l.trim()).join('\n').replace(/\n-\n+/g, '\n- ').replace(/\n(> \*\*(?:Note|Important):\*\*)\s*\n+/g, '\n$1 ');
  s = s.replace(/\n{3,}/g, '\n\n').trim();
  return s || undefined;
}

function shapeSchema(model, name) {
  const shape = model.shapes[name];
  const ref = (target) => ({ $ref: `#/$defs/${target}` });
  const s = { 'x-awsShape': name };
  const doc = htmlToMarkdown(shape.documentation);
  if (doc) s.markdownDescription = doc;
  switch (shape.type) {
    case 'structure': {
      s.type = 'object';
      s.properties = {};
      for (const [member, m] of Object.entries(shape.members ?? {})) {
        const p = ref(m.shape);
        const mdoc = htmlToMarkdown(m.documentation);
        if (mdoc) p.markdownDescription = mdoc;
        if (m.deprecated) p.deprecated = true;
        s.properties[member] = p;
      }
      // An idempotency token (StartPipelineExecution's ClientRequestToken) is required by the model, but the AWS SDKs
      // fill it in when it is not given (Smithy's @idempotencyToken), Step Functions' SDK integration too: not required.
      const required = (shape.required ?? []).filter((member) => !shape.members?.[member]?.idempotencyToken);
      if (required.length) s.required = required;
      // A Smithy union (the model's `union: true`): exactly one member is set.
      if (shape.union) s['x-union'] = true;
      s.additionalProperties = false;
      break;
    }
    case 'list':
      s.type = 'array';
      s.items = ref(shape.member.shape);
      if (shape.min !== undefined) s.minItems = shape.min;
      if (shape.max !== undefined) s.maxItems = shape.max;
      break;
    case 'map':
      s.type = 'object';
      s.propertyNames = ref(shape.key.shape);
      s.additionalProperties = ref(shape.value.shape);
      if (shape.min !== undefined) s.minProperties = shape.min;
      if (shape.max !== undefined) s.maxProperties = shape.max;
      break;
    case 'string':
      s.type = 'string';
      if (shape.enum) s.enum = [...shape.enum];
      if (shape.min !== undefined) s.minLength = shape.min;
      if (shape.max !== undefined) s.maxLength = shape.max;
      if (shape.pattern !== undefined) {
        s.pattern = toJsPattern(shape.pattern);
        s['x-awsPattern'] = shape.pattern;
        const description = describePattern(shape.pattern);
        if (description) s['x-patternDescription'] = description;
      }
      break;
    case 'integer':
    case 'long':
      s.type = 'integer';
      // Smithy's integer is "a 32-bit signed integer" (long is 64-bit): SageMaker cannot read a larger number.
      s.format = shape.type === 'integer' ? 'int32' : 'int64';
      if (shape.min !== undefined) s.minimum = shape.min;
      if (shape.max !== undefined) s.maximum = shape.max;
      break;
    case 'float':
    case 'double':
      s.type = 'number';
      if (shape.min !== undefined) s.minimum = shape.min;
      if (shape.max !== undefined) s.maximum = shape.max;
      break;
    case 'boolean':
      s.type = 'boolean';
      break;
    case 'timestamp':
      s.type = ['string', 'number'];
      break;
    default:
      throw new Error(`shape ${name}: type ${shape.type} has no JSON Schema mapping yet`);
  }
  return s;
}

function closure(model, root) {
  const seen = new Set();
  const visit = (name) => {
    if (seen.has(name)) return;
    seen.add(name);
    const shape = model.shapes[name];
    if (!shape) throw new Error(`shape ${name} is not in the model`);
    for (const k of ['member', 'key', 'value']) if (shape[k]) visit(shape[k].shape);
    for (const m of Object.values(shape.members ?? {})) visit(m.shape);
  };
  visit(root);
  return [...seen].sort();
}

// The result of each integration, for the data-flow analysis (server/src/service/dataflow/): request-response
// returns the operation's response, `.sync` the response of the Describe… call Step Functions polls. One small
// file for all of them: shapes by name, members with their shape and the first sentence of their documentation.
const SYNC_RESULT = {
  CreateHyperParameterTuningJob: 'DescribeHyperParameterTuningJob',
  CreateLabelingJob: 'DescribeLabelingJob',
  CreateProcessingJob: 'DescribeProcessingJob',
  CreateTrainingJob: 'DescribeTrainingJob',
  CreateTransformJob: 'DescribeTransformJob',
};

/** The first sentence of the model's documentation, as plain Markdown of at most 200 characters. */
function shortDoc(html) {
  const md = htmlToMarkdown(html);
  if (!md) return undefined;
  const first = md.split('\n')[0];
  const sentence = /^(.*?[.!?])(\s|$)/.exec(first)?.[1] ?? first;
  return sentence.length > 200 ? sentence.slice(0, 197) + '...' : sentence;
}

function outputShape(model, name) {
  const shape = model.shapes[name];
  switch (shape.type) {
    case 'structure': {
      const members = {};
      for (const [member, m] of Object.entries(shape.members ?? {})) {
        const doc = shortDoc(m.documentation);
        members[member] = doc ? [m.shape, doc] : [m.shape];
      }
      return { type: 'object', members };
    }
    case 'list':
      return { type: 'array', items: shape.member.shape };
    case 'map':
      return { type: 'map', values: shape.value.shape };
    case 'string':
      return shape.enum ? { type: 'string', enum: [...shape.enum] } : { type: 'string' };
    case 'integer':
    case 'long':
      return { type: 'integer' };
    case 'float':
    case 'double':
      return { type: 'number' };
    case 'boolean':
      return { type: 'boolean' };
    case 'timestamp':
      return { type: 'timestamp' };
    case 'blob':
      return { type: 'string' };
    default:
      throw new Error(`shape ${name}: type ${shape.type} has no output mapping yet`);
  }
}

/** The integrations' result shapes: { integrations: resource → pattern → {operation, shape}, shapes: name → shape }. */
export function generateOutputs(model) {
  const integrations = {};
  const roots = [];
  for (const [resource, operation, sync] of INTEGRATIONS) {
    const patterns = { requestResponse: { operation, shape: model.operations[operation].output.shape } };
    if (sync) {
      const describe = SYNC_RESULT[operation];
      if (!describe || !model.operations[describe]) throw new Error(`${operation}.sync: no Describe… operation known`);
      patterns.sync = { operation: describe, shape: model.operations[describe].output.shape };
    }
    for (const p of Object.values(patterns)) roots.push(p.shape);
    integrations[resource] = patterns;
  }
  const names = new Set();
  for (const root of roots) for (const n of closure(model, root)) names.add(n);
  const shapes = {};
  for (const n of [...names].sort()) shapes[n] = outputShape(model, n);
  return { modelVersion: `${model.metadata.uid} (botocore 1.43.107)`, integrations, shapes };
}

/**
 * The result of each AWS SDK integration action (aws-sdk:sagemaker:<action>, request-response): the operation's
 * response as the API writes it, for the data flow. A file of its own, read only for a machine with such a task.
 */
export function generateSdkOutputs(model) {
  const operations = {};
  const names = new Set();
  for (const [operation, op] of Object.entries(model.operations).sort(([a], [b]) => a.localeCompare(b))) {
    if (!op.input || !op.output) continue;
    operations[operation.charAt(0).toLowerCase() + operation.slice(1)] = { operation, shape: op.output.shape };
    for (const n of closure(model, op.output.shape)) names.add(n);
  }
  const shapes = {};
  for (const n of [...names].sort()) shapes[n] = outputShape(model, n);
  return { modelVersion: `${model.metadata.uid} (botocore 1.43.107)`, operations, shapes };
}

export function generate(model) {
  const schemas = {};
  for (const [resource, operation, sync] of INTEGRATIONS) {
    const op = model.operations[operation];
    if (!op) throw new Error(`operation ${operation} is not in the model`);
    const root = op.input.shape;
    const defs = {};
    for (const name of closure(model, root)) defs[name] = shapeSchema(model, name);
    schemas[resource] = {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: `sagemaker/${resource}.schema.json`,
      title: `${operation} request`,
      markdownDescription: htmlToMarkdown(op.documentation),
      'x-awsOperation': operation,
      'x-stepFunctionsResource': resource,
      'x-integrationPatterns': sync ? ['requestResponse', 'sync'] : ['requestResponse'],
      'x-apiReference': `https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_${operation}.html`,
      'x-modelVersion': `${model.metadata.uid} (botocore 1.43.107)`,
      $ref: `#/$defs/${root}`,
      $defs: defs,
    };
  }
  return schemas;
}

/**
 * Every SageMaker operation's request, for the AWS SDK integration (arn:aws:states:::aws-sdk:sagemaker:<action>,
 * the operation's name with its first letter in lowercase): one schema whose $defs hold every shape some request
 * reaches, with the operations in `x-operations`. Loaded only when a state machine calls SageMaker that way.
 */
export function generateSdk(model) {
  const operations = {};
  const defs = {};
  for (const [operation, op] of Object.entries(model.operations).sort(([a], [b]) => a.localeCompare(b))) {
    if (!op.input) continue;
    const action = operation.charAt(0).toLowerCase() + operation.slice(1);
    operations[action] = { operation, request: op.input.shape };
    for (const name of closure(model, op.input.shape)) defs[name] ??= shapeSchema(model, name);
  }
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'sagemaker/sdk-requests.json',
    title: 'SageMaker requests through the AWS SDK integration',
    'x-modelVersion': `${model.metadata.uid} (botocore 1.43.107)`,
    'x-operations': operations,
    $defs: Object.fromEntries(Object.entries(defs).sort(([a], [b]) => a.localeCompare(b))),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const model = JSON.parse(readFileSync(MODEL, 'utf8'));
  const schemas = generate(model);
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  for (const [resource, schema] of Object.entries(schemas)) {
    writeFileSync(join(OUT, `${resource}.schema.json`), JSON.stringify(schema, null, 1) + '\n');
  }
  writeFileSync(join(OUT, 'outputs.json'), JSON.stringify(generateOutputs(model)) + '\n');
  const sdk = generateSdk(model);
  writeFileSync(join(OUT, 'sdk-requests.json'), JSON.stringify(sdk) + '\n');
  writeFileSync(join(OUT, 'sdk-outputs.json'), JSON.stringify(generateSdkOutputs(model)) + '\n');
  // The index the language service imports. Each schema is loaded on first use, so the server starts without
  // evaluating half a megabyte of schemas it may never need.
  const names = Object.keys(schemas);
  writeFileSync(
    join(OUT, 'index.ts'),
    '// Generated by schemas/generate.mjs — do not edit.\n' +
      'export const sageMakerSchemas: Record<string, () => Record<string, any>> = {\n' +
      names.map((n) => `  ${n}: () => require('./${n}.schema.json'),`).join('\n') +
      '\n};\n' +
      '/** The integrations\' results (request-response: the response; .sync: the Describe… response), for the data flow. */\n' +
      'export const sageMakerOutputs = (): Record<string, any> => require(\'./outputs.json\');\n' +
      '/** Every operation\'s response, the AWS SDK integration\'s results (aws-sdk:sagemaker:<action>), for the data flow. */\n' +
      'export const sageMakerSdkOutputs = (): Record<string, any> => require(\'./sdk-outputs.json\');\n' +
      '/** Every operation\'s request, for the AWS SDK integration (aws-sdk:sagemaker:<action>). */\n' +
      'export const sageMakerSdkSchema = (): Record<string, any> => require(\'./sdk-requests.json\');\n' +
      '/** The model patterns whose matching backtracks (recheck\'s verdicts, schemas/backtracking.mjs): exponential or polynomial. */\n' +
      'export const sageMakerBacktrackingPatterns = (): Record<string, string> => require(\'./backtracking.json\').backtracking;\n' +
      '/** The AWS SDK integration\'s actions, without reading their requests (completion, did-you-mean). */\n' +
      `export const sageMakerSdkActions: readonly string[] = ${JSON.stringify(Object.keys(sdk['x-operations']))};\n`,
  );
  console.log(`schemas: ${names.length} integrations → ${OUT} (${readdirSync(OUT).length} files)`);
}

// The characters a model pattern allows anywhere (sagemaker/patternAlphabet.ts), what a value with `${…}`
// placeholders is judged by, the text around placeholders that every substitution keeps (literalParts), and
// whether a value beginning or ending with known text can match (what a computed string is judged by).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { patternAlphabet, refusedBeginning, refusedEnding, refusedPart } from '../../server/src/service/sagemaker/patternAlphabet';
import { dynamicReferences, hasPlaceholder, literalParts } from '../../server/src/service/expressions/placeholders';

const allowed = (source: string, chars: string) => {
  const a = patternAlphabet(source);
  assert.ok(a, source);
  return [...chars].filter((c) => a.test(c)).join('');
};

test('a name pattern allows letters, digits and hyphens: no space, underscore or dot', () => {
  const name = '^(?:[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62})$';
  assert.equal(patternAlphabet(name)!.source, '^(?:[a-zA-Z0-9]|-)$');
  assert.equal(allowed(name, 'aZ09- _.:/${}é'), 'aZ09-');
});

test('classes, escapes and sets are read by the engine itself: \\d, \\w, \\S, ., \\p{…}, ranges and escaped hyphens', () => {
  assert.equal(allowed('^(?:arn:aws[a-z\\-]*:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+)$', 'az:/-_+=,.@ 9*'), 'az:/-_+=,.@9');
  assert.equal(allowed('^(?:[\\S]+)$', 'a \t\n'), 'a');
  assert.equal(allowed('^(?:.+)$', 'a \n\u2028'), 'a ');
  assert.equal(allowed('^(?:([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*))$', 'aé 1_*#'), 'aé 1_');
  assert.equal(allowed('^(?:[A-Za-z0-9]+( [A-Za-z0-9]+)*)$', 'a -'), 'a ');
  // Beyond the BMP, as the `u` flag reads the pattern: U+10000–U+10FFFF written as surrogate pairs.
  assert.equal(allowed('^(?:[\\u0020-\\uD7FF\\uE000-\\uFFFD\\uD800\\uDC00-\\uDBFF\\uDFFF\\t]*)$', 'a😀\n'), 'a😀');
});

test('what a lookaround tests is consumed by nothing: its characters are not allowed by it', () => {
  assert.equal(allowed('^(?:/(?!.*\\.\\.)[a-zA-Z0-9/_.\\-]+)$', '/a. '), '/a.');
  assert.equal(allowed('^(?:(?=x)[a-z])$', 'xA'), 'x');
  assert.equal(allowed('^$', 'a '), '');
});

test('no alphabet (anything may appear) where the pattern does not bind the whole value', () => {
  assert.equal(patternAlphabet('[a-z]+'), undefined); // test() finds it inside any text
  assert.equal(patternAlphabet('^[a-z]+'), undefined);
  assert.equal(patternAlphabet('^a$|b'), undefined);
  assert.equal(patternAlphabet('^(?i:a)$'), undefined); // a case modifier
  assert.equal(patternAlphabet('^(?:['), undefined); // unreadable
});

test('every pattern of the generated SageMaker schemas has an alphabet', () => {
  const dir = join(__dirname, '..', '..', '..', 'schemas', 'sagemaker');
  const patterns = new Set<string>();
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.schema.json'))) {
    for (const d of Object.values<any>(JSON.parse(readFileSync(join(dir, f), 'utf8')).$defs)) if (d.pattern) patterns.add(d.pattern);
  }
  assert.ok(patterns.size > 40);
  for (const p of patterns) {
    const a = patternAlphabet(new RegExp(p, 'u').source);
    assert.ok(a, p);
    // Sound: every character of a value the pattern accepts is in it.
    const samples = [
      'a', 'abc-1', 'A_b.9', 'a b', 'x\ty', '/opt/ml/input', '12K', 'fs-0123abcd', 's3://bucket/key', 'https://b/k', 's://b/k', 'é😀',
      'arn:aws:iam::123456789012:role/service-role/Role+=,.@-_', 'arn:aws:sagemaker:us-east-1:123456789012:model/m',
      'arn:aws:sagemaker:us-east-1:123456789012:hub-content/hub/Model/m/1.0.0', 'arn:aws:lambda:us-east-1:123456789012:function:f',
      'arn:aws:sns:us-east-1:123456789012:topic', '123456789012.dkr.ecr.us-east-1.amazonaws.com/image:1', 'a/b+c.d',
    ];
    for (const sample of samples) {
      if (new RegExp(p, 'u').test(sample)) for (const c of sample) assert.ok(a.test(c), `${p} accepts ${sample} but not ${c}`);
    }
  }
});

const S3_URI = '^(?:(https|s3)://([^/]+)/?(.*))$';
const JOB_NAME = '^(?:[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62})$';

test('a beginning no value can have: the shortest part of it that already cannot', () => {
  assert.equal(refusedBeginning(S3_URI, 's3//'), 's3/');
  assert.equal(refusedBeginning(S3_URI, 'S3://'), 'S'); // the pattern is case-sensitive
  assert.equal(refusedBeginning(S3_URI, 'http://b/'), 'http:');
  assert.equal(refusedBeginning(S3_URI, 's3:///'), 's3:///'); // the bucket must not be empty
  assert.equal(refusedBeginning(JOB_NAME, '-train'), '-');
  assert.equal(refusedBeginning(JOB_NAME, 'a_'), 'a_');
  assert.equal(refusedBeginning('^(?:arn:aws[a-z\\-]*:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+)$', 'arn:aws:iam::1234:'), 'arn:aws:iam::1234:');
  assert.equal(refusedBeginning('^(?:\\d+K)$', '12KB'), '12KB'); // nothing follows the end
  assert.equal(refusedBeginning('^(?:a😀b)$', 'a😀c'), 'a😀c'); // read in code points
});

test('a beginning some value may have: no answer', () => {
  for (const prefix of ['', 's', 's3', 's3:', 's3://', 's3://b', 's3://b/k/', 'https://', 'http']) assert.equal(refusedBeginning(S3_URI, prefix), undefined, prefix);
  assert.equal(refusedBeginning(JOB_NAME, 'train--x-'), undefined);
  assert.equal(refusedBeginning('^(?:\\d+K)$', '12K'), undefined);
});

test('an ending no value can have, read backwards from the end', () => {
  assert.equal(refusedEnding(JOB_NAME, 'x-'), '-');
  assert.equal(refusedEnding(JOB_NAME, 'a b'), ' b');
  assert.equal(refusedEnding('^(?:\\d+K)$', '1M'), 'M');
  assert.equal(refusedEnding('^(?:[a-z]+\\.json)$', '.yaml'), 'l');
  assert.equal(refusedEnding(S3_URI, 'x y'), undefined); // anything may end a key
  assert.equal(refusedEnding(JOB_NAME, 'a-b'), undefined);
  assert.equal(refusedEnding('^(?:[a-z]+\\.json)$', 'x.json'), undefined);
});

test('never an answer where the pattern does not bind that end, or where it is not read', () => {
  assert.equal(refusedBeginning('(https|s3)://([^/]+)/?(.*)', 'S3://'), undefined); // test() finds it anywhere
  assert.equal(refusedBeginning('^a|b', 'c'), undefined);
  assert.equal(refusedEnding('^[a-z]+', '-'), undefined);
  assert.equal(refusedBeginning('^(?i:s3)://$', 'S3'), undefined); // a case modifier
  assert.equal(refusedBeginning('^(?:[', 'x'), undefined); // unreadable
});

test('what is not followed exactly is widened, never narrowed: lookarounds pass, a backreference is any text, long repeats any number', () => {
  assert.equal(refusedBeginning('^(?!s3)[a-z0-9]+$', 's3'), undefined);
  assert.equal(refusedBeginning('^(?:/(?!.*\\.\\.)[a-z.]+)$', '/a..'), undefined);
  assert.equal(refusedBeginning('^(a)\\1b$', 'ax'), undefined);
  assert.equal(refusedBeginning(JOB_NAME, 'a'.repeat(100)), undefined); // {0,62}: read as any number of times
  assert.equal(refusedBeginning('^(?:\\d{12})$', '1234567890123'), undefined);
  // Short repeats are followed exactly.
  assert.equal(refusedBeginning('^(?:a{2}b)$', 'aaa'), 'aaa');
  assert.equal(refusedBeginning('^(?:a{1,3}b)$', 'aaaa'), 'aaaa');
  assert.equal(refusedBeginning('^(?:a{1,3}b)$', 'aaab'), undefined);
  assert.equal(refusedBeginning('^(?:x?y)$', 'xx'), 'xx');
});

test('sound on every pattern of the generated SageMaker schemas: no beginning or ending of a value it accepts is refused', () => {
  const dir = join(__dirname, '..', '..', '..', 'schemas', 'sagemaker');
  const patterns = new Set<string>();
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.schema.json'))) {
    for (const d of Object.values<any>(JSON.parse(readFileSync(join(dir, f), 'utf8')).$defs)) if (d.pattern) patterns.add(d.pattern);
  }
  const samples = [
    'a', 'abc-1', 'a--b', 'A_b.9', 'a b', 'x\ty', '/opt/ml/input', '12K', 'fs-0123abcd', 's3://bucket/key', 'https://b/k', 's3://b', 'é😀',
    'arn:aws:iam::123456789012:role/service-role/Role+=,.@-_', 'arn:aws:sagemaker:us-east-1:123456789012:model/m',
    'arn:aws:sagemaker:us-east-1:123456789012:hub-content/hub/Model/m/1.0.0', 'arn:aws:lambda:us-east-1:123456789012:function:f',
    'arn:aws:sns:us-east-1:123456789012:topic', '123456789012.dkr.ecr.us-east-1.amazonaws.com/image:1', 'a/b+c.d', 'a'.repeat(70),
    'arn:aws:sagemaker:us-east-1:123456789012:model-package/churn/3', 'churn-model/7',
  ];
  let accepted = 0;
  for (const p of patterns) {
    const source = new RegExp(p, 'u').source;
    for (const sample of samples) {
      if (!new RegExp(p, 'u').test(sample)) continue;
      accepted++;
      const chars = [...sample];
      for (let n = 0; n <= chars.length; n++) {
        assert.equal(refusedBeginning(source, chars.slice(0, n).join('')), undefined, `${p} accepts ${sample}`);
        assert.equal(refusedEnding(source, chars.slice(chars.length - n).join('')), undefined, `${p} accepts ${sample}`);
      }
    }
  }
  assert.ok(accepted > 100, String(accepted));
});

test('the written text around placeholders: nested ones, unclosed ones and Terraform directives', () => {
  const parts = (s: string) => literalParts(s).map((p) => s.slice(p.start, p.end));
  assert.deepEqual(parts('churn model ${Stage}'), ['churn model ']);
  assert.deepEqual(parts('${A}-x-${B}y'), ['-x-', 'y']);
  assert.deepEqual(parts('a ${self:custom.${opt:stage}} b'), ['a ', ' b']);
  assert.deepEqual(parts('a ${x} b ${c'), ['a ', ' b ']);
  assert.deepEqual(parts('${x}'), []);
  assert.deepEqual(parts('a%{ if x }b%{ endif }'), []);
});

test('CloudFormation dynamic references are placeholders: {{resolve:…}}, a ${…} inside (a !Sub fills it first), several, unclosed', () => {
  const parts = (s: string) => literalParts(s).map((p) => s.slice(p.start, p.end));
  assert.deepEqual(parts('{{resolve:ssm:/ml/role-arn}}'), []);
  assert.deepEqual(parts('arn:aws:iam::123456789012:role/{{resolve:ssm:/ml/${Stage}}}'), ['arn:aws:iam::123456789012:role/']);
  assert.deepEqual(parts('a{{resolve:ssm:x}}b${C}d{{resolve:secretsmanager:s:SecretString:k}}e'), ['a', 'b', 'd', 'e']);
  assert.deepEqual(parts('${A}{{resolve:ssm:x}}'), []);
  assert.deepEqual(parts('{{resolve:ssm:x'), ['{{resolve:ssm:x']);
  assert.equal(hasPlaceholder('{{resolve:ssm:/ml/instance-type}}'), true);
  assert.equal(hasPlaceholder('{{resolve:ssm:/ml/instance-type'), false);
  assert.equal(hasPlaceholder('{{ not a reference }}'), false);
  // Linear on hostile text: 100,000 openings, none closed; and 50,000 references.
  assert.deepEqual(dynamicReferences('{{resolve:${'.repeat(100_000)), []);
  assert.equal(dynamicReferences('{{resolve:a}}'.repeat(50_000)).length, 50_000);
  assert.equal(literalParts('x{{resolve:a}}'.repeat(50_000)).length, 50_000);
});

const ROLE_ARN = '^(?:arn:aws[a-z\\-]*:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+)$';
const partsOf = (v: string) => literalParts(v);

test('written parts between placeholders no value can hold where they stand: the part, and how far it read', () => {
  const refused = (source: string, v: string) => {
    const r = refusedPart(source, v, partsOf(v));
    return r && [...v.slice(partsOf(v)[r.part].start, partsOf(v)[r.part].end)].slice(0, r.length).join('');
  };
  assert.equal(refused(ROLE_ARN, 'arn:${AWS::Partition}:iam::${AWS::AccountId}:user/x'), ':u');
  assert.equal(refused(ROLE_ARN, 'arn:${AWS::Partition}:iam::${AWS::AccountId}:role/${Name}'), undefined);
  assert.equal(refused(ROLE_ARN, '${RoleArn}'), undefined);
  assert.equal(refused(ROLE_ARN, 'arn:${P}:iam::${A}'), undefined); // the rest may be in the placeholder
  assert.equal(refused(S3_URI, 's3//${Bucket}/x'), 's3/');
  assert.equal(refused(S3_URI, '${Scheme}://${Bucket}/x y'), undefined);
  assert.equal(refused(JOB_NAME, '${Prefix}--x'), undefined);
  assert.equal(refused(JOB_NAME, '${Prefix}-'), '-'); // nothing may end a name with a hyphen
  assert.equal(refused('^(?:\\d+K)$', '${N}KB'), 'KB');
  assert.equal(refused('[a-z]+', '${X}-'), undefined); // unanchored: found anywhere
});

test('a value some substitution makes match is never refused: any slice of a matching value made a placeholder (every pattern of the schemas, generated values)', () => {
  const dir = join(__dirname, '..', '..', '..', 'schemas', 'sagemaker');
  const patterns = new Set<string>();
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.schema.json'))) {
    for (const d of Object.values<any>(JSON.parse(readFileSync(join(dir, f), 'utf8')).$defs)) if (d.pattern) patterns.add(d.pattern);
  }
  let checked = 0;
  for (const p of patterns) {
    const re = new RegExp(p, 'u');
    let values: string[];
    try {
      values = fc.sample(fc.stringMatching(re, { size: 'small' }), { numRuns: 30, seed: 14 });
    } catch {
      continue; // a pattern fast-check cannot generate from
    }
    for (const v of values.filter((v) => re.test(v) && !v.includes('${'))) {
      const chars = [...v]; // cut between code points
      const n = chars.length;
      for (const [i, j] of [[0, 1], [n >> 1, (n >> 1) + 1], [n - 1, n], [1, n - 1], [n >> 2, (3 * n) >> 2]]) {
        if (i < 0 || j > n || i >= j) continue;
        const w = `${chars.slice(0, i).join('')}\${X}${chars.slice(j).join('')}`;
        assert.equal(refusedPart(re.source, w, partsOf(w)), undefined, `${p}: ${JSON.stringify(v)} as ${JSON.stringify(w)}`);
        checked++;
      }
    }
  }
  assert.ok(checked > 1000, String(checked));
});

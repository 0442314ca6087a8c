// The characters a model pattern allows anywhere (sagemaker/patternAlphabet.ts), what a value with `${…}`
// placeholders is judged by, and the text around placeholders that every substitution keeps (literalParts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { patternAlphabet } from '../../server/src/service/sagemaker/patternAlphabet';
import { literalParts } from '../../server/src/service/expressions/placeholders';

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

test('the written text around placeholders: nested ones, unclosed ones and Terraform directives', () => {
  const parts = (s: string) => literalParts(s).map((p) => s.slice(p.start, p.end));
  assert.deepEqual(parts('churn model ${Stage}'), ['churn model ']);
  assert.deepEqual(parts('${A}-x-${B}y'), ['-x-', 'y']);
  assert.deepEqual(parts('a ${self:custom.${opt:stage}} b'), ['a ', ' b']);
  assert.deepEqual(parts('a ${x} b ${c'), ['a ', ' b ']);
  assert.deepEqual(parts('${x}'), []);
  assert.deepEqual(parts('a%{ if x }b%{ endif }'), []);
});

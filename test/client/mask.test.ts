// Secrets never shown: Environment values with secret-looking names, and AWS key ids in messages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { maskSecrets, redact, secretValues } from '../../client/src/jobs/mask';
import { explainError } from '../../client/src/jobs/awsErrors';

test('Environment values whose key contains KEY, SECRET, TOKEN or PASSWORD are masked; the rest is kept', () => {
  const request = {
    TrainingJobName: 'j',
    Environment: { API_KEY: 'abc', db_password: 'hunter2', SessionToken: 't', MY_SECRET_NAME: 's', REGION: 'eu-west-1' },
    ResourceConfig: { VolumeKmsKeyId: 'alias/my-key' },
  };
  assert.deepEqual(maskSecrets(request), {
    TrainingJobName: 'j',
    Environment: { API_KEY: '********', db_password: '********', SessionToken: '********', MY_SECRET_NAME: '********', REGION: 'eu-west-1' },
    ResourceConfig: { VolumeKmsKeyId: 'alias/my-key' },
  });
  assert.equal(request.Environment.API_KEY, 'abc', 'the request itself is not changed');
});

test('access key ids and labelled secrets are redacted from text', () => {
  assert.equal(redact('key AKIAIOSFODNN7EXAMPLE failed'), 'key AKIA**************** failed');
  assert.equal(redact('aws_secret_access_key=wJalrXUtnFEMI/K7MDENG'), 'aws_secret_access_key=********');
  assert.equal(redact('nothing secret here'), 'nothing secret here');
});

test('the values of secret Environment keys are blanked out of what the job prints (short ones would blank ordinary words)', () => {
  const secrets = secretValues({ Environment: { API_KEY: 'sk-live-123', DB_PASSWORD: 'hunter2!', TOKEN: '1', MODE: 'sk-live-123-not-secret-key' } });
  assert.deepEqual(secrets, ['sk-live-123', 'hunter2!']);
  assert.equal(redact('API_KEY=sk-live-123 and conn=postgres://u:hunter2!@db', secrets), 'API_KEY=******** and conn=postgres://u:********@db');
});

test('each AWS failure is explained with what to do', () => {
  const err = (name: string, message: string, status = 400) => Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status } });
  const cases: [unknown, string, boolean, RegExp][] = [
    [err('AccessDeniedException', 'not authorized'), 'accessDenied', false, /iam:PassRole/],
    [err('ValidationException', 'bad'), 'validation', false, /resolved request is kept/],
    [err('ResourceLimitExceeded', 'limit'), 'resourceLimit', false, /Service Quotas/],
    [err('ThrottlingException', 'Rate exceeded'), 'throttling', true, /retried with backoff/],
    [err('ServiceUnavailable', 'down', 503), 'serverError', true, /retried/],
    [err('ExpiredTokenException', 'The security token included in the request is expired'), 'expiredCredentials', true, /aws sso login --profile dev/],
    [Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' }), 'missingCredentials', false, /sagemakerAsl\.aws\.profile/],
    [new Error('Region is missing'), 'noRegion', false, /sagemakerAsl\.aws\.region/],
    [Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }), 'network', true, /sagemakerAsl\.aws\.endpoint/],
  ];
  for (const [error, kind, retryable, action] of cases) {
    const x = explainError(error, { profile: 'dev' });
    assert.equal(x.kind, kind, String(error));
    assert.equal(x.retryable, retryable, kind);
    assert.match(x.action, action, kind);
  }
});

test('an explanation never repeats a key id from the error', () => {
  const x = explainError(Object.assign(new Error('The security token AKIAIOSFODNN7EXAMPLE is invalid'), { name: 'UnrecognizedClientException' }));
  assert.doesNotMatch(x.message, /AKIAIOSFODNN7EXAMPLE/);
});

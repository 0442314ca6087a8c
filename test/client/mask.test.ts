// Secrets never shown: Environment values with secret-looking names, and AWS key ids in messages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { redact, secretValues, MaskPolicy, MASK, standIn } from '../../client/src/jobs/mask';
import { explainError } from '../../client/src/jobs/awsErrors';

test('Environment values whose key contains KEY, SECRET, TOKEN or PASSWORD are masked; the rest is kept', () => {
  const request = {
    TrainingJobName: 'j',
    Environment: { API_KEY: 'abc', db_password: 'hunter2', SessionToken: 't', MY_SECRET_NAME: 's', REGION: 'eu-west-1' },
    ResourceConfig: { VolumeKmsKeyId: 'alias/my-key' },
  };
  assert.deepEqual(new MaskPolicy().maskRequest(request), {
    TrainingJobName: 'j',
    Environment: { API_KEY: '********', db_password: '********', SessionToken: '********', MY_SECRET_NAME: '********', REGION: 'eu-west-1' },
    ResourceConfig: { VolumeKmsKeyId: 'alias/my-key' },
  });
  assert.equal(request.Environment.API_KEY, 'abc', 'the request itself is not changed');
});

test('an execution input: a member whose name says secret is masked at any depth, recognised secrets in any string (walk39)', () => {
  const input = { run: 'r9', dbPassword: 'hunter2', nested: { api_token: 'abc', keys: ['AKIAIOSFODNN7EXAMPLE'], url: 'postgres://admin:pw@db/x' } };
  const masked = new MaskPolicy().maskInput(input);
  assert.equal(masked.run, 'r9');
  assert.equal(masked.dbPassword, MASK);
  assert.equal(masked.nested.api_token, MASK);
  assert.ok(!JSON.stringify(masked).includes('AKIAIOSFODNN7EXAMPLE'));
  assert.ok(!masked.nested.url.includes(':pw@'), masked.nested.url);
  assert.deepEqual(input.dbPassword, 'hunter2', 'the input itself is not changed');
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
    // An answer cut at the limit, whatever its status, bare or wrapped by the SDK's deserializer (review25).
    [err('AnswerTooLargeError', 'the answer is larger than 16 MiB', 503), 'badAnswer', false, /no AWS service/],
    [err('AccessDeniedException', 'the answer is larger than 16 MiB\n  Deserialization error: to see the raw response…', 403), 'badAnswer', false, /no AWS service/],
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

// ---- Issue 19: one masking policy ------------------------------------------------------------------------------

test('names the old rule missed are secrets; a name that only contains a secret word as part of another word is not', () => {
  const policy = new MaskPolicy();
  for (const name of ['DB_PASSWD', 'DB_PWD', 'MY_PASS', 'PASSPHRASE', 'Authorization', 'CREDENTIALS', 'GITHUB_PAT', 'COOKIE', 'SENTRY_DSN', 'wandb_api_key', 'hf_token', 'apiKey', 'APIKey', 'x-api-key', 'ACCESS_KEY', 'CLIENT_SECRET', 'DB_PW', 'pw', 'PGPASS']) {
    assert.equal(policy.classifyName(name), 'secret', name);
  }
  for (const name of ['TOKENIZER_NAME', 'COMPASS', 'BYPASS_CACHE', 'eos_token', 'pad_token', 'MAX_TOKENS', 'EPOCHS']) assert.equal(policy.classifyName(name), 'plain', name);
  // A bare KEY is a lookup key as often as a credential: its value decides.
  for (const name of ['CACHE_KEY', 'KMS_KEY_ID', 'VolumeKmsKeyId']) assert.equal(policy.classifyName(name), 'ifRandom', name);
});

test('the setting adds names: whole names or words of a name', () => {
  const policy = new MaskPolicy({ extraNames: ['LICENSE_CODE', 'seed phrase'] });
  assert.equal(policy.classifyName('MY_LICENSE_CODE'), 'secret');
  assert.equal(policy.classifyName('seedPhrase'), 'secret');
  assert.equal(policy.classifyName('LICENSE'), 'plain');
  assert.deepEqual(new MaskPolicy({ extraNames: ['license code'] }).maskRequest({ Environment: { LICENSE_CODE: 'abc-123', MODE: 'x' } }), { Environment: { LICENSE_CODE: MASK, MODE: 'x' } });
});

test('in the request: Environment and HyperParameters by name, argument lists by flag, recognised values anywhere, only the password of a URL', () => {
  const request = {
    Environment: {
      DB_PASSWD: 'x', DB_PWD: 'y', MY_PASS: 'z', PASSPHRASE: 'correct horse', Authorization: 'Bearer abc', CREDENTIALS: '{"a":1}', GITHUB_PAT: 'p', COOKIE: 'c=1',
      DATABASE_URL: 'postgres://admin:s3cr3t@db:5432/app', SENTRY_DSN: 'https://abc:def@o0.ingest.sentry.io/1',
      TOKENIZER_NAME: 'bert-base-uncased', CACHE_KEY: 'daily', SIGNING_SALT_KEY: 'Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5',
    },
    HyperParameters: { wandb_api_key: '0123456789abcdef0123456789abcdef01234567', hf_token: 'hf_x', epochs: '5' },
    AlgorithmSpecification: {
      TrainingImage: 'img:1',
      ContainerEntrypoint: ['python', 'train.py', '--hf-token', 'hf_abcdefghijklmnopqrstuvwxyz0123456'],
      ContainerArguments: ['--api-key', 'sk-live-1234567', '--token=abcdef', 'OPENAI_API_KEY=sk-x', '--epochs', '3', '--notes', 'key AKIAIOSFODNN7EXAMPLE', '--pw', 'hunter22'],
    },
    OutputDataConfig: { S3OutputPath: 's3://bucket/models', KmsKeyId: 'alias/my-key' },
  };
  assert.deepEqual(new MaskPolicy().maskRequest(request), {
    Environment: {
      DB_PASSWD: MASK, DB_PWD: MASK, MY_PASS: MASK, PASSPHRASE: MASK, Authorization: MASK, CREDENTIALS: MASK, GITHUB_PAT: MASK, COOKIE: MASK,
      DATABASE_URL: `postgres://admin:${MASK}@db:5432/app`, SENTRY_DSN: MASK,
      TOKENIZER_NAME: 'bert-base-uncased', CACHE_KEY: 'daily', SIGNING_SALT_KEY: MASK,
    },
    HyperParameters: { wandb_api_key: MASK, hf_token: MASK, epochs: '5' },
    AlgorithmSpecification: {
      TrainingImage: 'img:1',
      ContainerEntrypoint: ['python', 'train.py', '--hf-token', MASK],
      ContainerArguments: ['--api-key', MASK, `--token=${MASK}`, `OPENAI_API_KEY=${MASK}`, '--epochs', '3', '--notes', 'key AKIA****************', '--pw', MASK],
    },
    OutputDataConfig: { S3OutputPath: 's3://bucket/models', KmsKeyId: 'alias/my-key' },
  });
});

test('values recognised in free text: key ids (also lower-case or suffixed), secret keys, session tokens, bearer tokens, JWTs, URL passwords, API key formats', () => {
  const sessionToken = `IQoJb3JpZ2luX2VjEJr${'AbCdEfGh0123456789'.repeat(8)}+/Zz==`;
  const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';
  const cases: [string, string][] = [
    ['id akiaiosfodnn7example here', 'id akia**************** here'],
    ['id AKIAIOSFODNN7EXAMPLE2024 here', 'id AKIA**************** here'],
    ['ASIAY34FZKBOKMUTVV7A.', 'ASIA****************.'],
    ['secret wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY end', `secret ${MASK} end`],
    [`token ${sessionToken}`, `token ${MASK}`],
    ['curl -H "Authorization: Bearer abcdef1234567890"', `curl -H "Authorization: Bearer ${MASK}"`],
    [`jwt ${jwt}`, `jwt ${MASK}`],
    // After a word joined by a hyphen (review of the day: no longer masked there), the whole run; and a long run of
    // "-eyJ" repeated is read once (no JWT in it).
    [`id-${jwt} end`, `${MASK} end`],
    ['-eyJ'.repeat(20) + '.eyJ', '-eyJ'.repeat(20) + '.eyJ'],
    ['connecting to mysql://root:hunter2@db:3306/x', `connecting to mysql://root:${MASK}@db:3306/x`],
    ['openai sk-proj-abcdefghijklmnopqrstuvwxyz012345', `openai ${MASK}`],
    ['ghp_abcdefghijklmnopqrstuvwxyz0123456789 hf_abcdefghijklmnopqrstuvwxyz01234567', `${MASK} ${MASK}`],
    ['github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz', MASK],
    ['xoxb-123456789012-abcdefghij glpat-abcdefghij0123456789 AIzaSyA-abcdefghijklmnopqrstuvwxyz01234', `${MASK} ${MASK} ${MASK}`],
  ];
  for (const [text, expected] of cases) assert.equal(redact(text), expected, text);
});

test('values labelled as secrets in free text: key and auth labels, JSON (also escaped), command lines, quoted values with spaces', () => {
  const cases: [string, string][] = [
    ['{"wandb_api_key": "0123456789abcdef", "lr": 0.1}', `{"wandb_api_key": "${MASK}", "lr": 0.1}`],
    ['{\\"hf_token\\": \\"abc123456\\"}', `{\\"hf_token\\": \\"${MASK}\\"}`],
    ['python train.py --api-key sk-live-123 --epochs 3', `python train.py --api-key ${MASK} --epochs 3`],
    ['db_password: "correct horse battery"', `db_password: "${MASK}"`],
    ['auth=abcdef;mode=fast', `auth=${MASK};mode=fast`],
    ['Authorization: Basic dXNlcjpwYXNzd29yZA==', `Authorization: Basic ${MASK}`],
  ];
  for (const [text, expected] of cases) assert.equal(redact(text), expected, text);
});

test('no over-masking: ordinary values under names or labels that merely contain a secret word stay', () => {
  const secrets = secretValues({ Environment: { TOKENIZER_NAME: 'bert-base-uncased', SECRET_NAME: 'prod/db-password', CACHE_KEY: 'daily', TOKEN_TYPE: 'bearer', MODE: 'fast' } });
  assert.deepEqual(secrets, []);
  for (const text of [
    'TOKENIZER_NAME=bert-base-uncased loaded bert-base-uncased',
    "eos_token='</s>' pad_token=[PAD] max_tokens=512",
    'the token expired; the password is wrong',
    'commit 3f786850e387550fdab836ed7e6dc881de23001b',
    'secret_name=prod/db sort key: label',
    's3://bucket/train/part-0000.csv',
  ]) assert.equal(redact(text, secrets), text);
});

test('the secret values to blank out of logs: by name (long enough), by flag, and recognised inside other values', () => {
  const secrets = secretValues({
    Environment: { DB_PASSWD: 'hunter22', DATABASE_URL: 'postgres://admin:s3cr3t@db/x', TOKEN: '1', CACHE_KEY: 'Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5' },
    HyperParameters: { wandb_api_key: '0123456789abcdef0123456789abcdef01234567' },
    AlgorithmSpecification: { ContainerArguments: ['--api-key', 'sk-live-1234567'] },
  });
  assert.deepEqual(secrets, ['0123456789abcdef0123456789abcdef01234567', 'Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5', 'sk-live-1234567', 'hunter22', 's3cr3t']);
});

test('a job description gives the same secrets as its request (after a reload nothing is stored in clear)', () => {
  const request = { TrainingJobName: 'j', Environment: { API_KEY: 'sk-live-123' }, HyperParameters: { hf_token: 'hf_secret_value' }, AlgorithmSpecification: { ContainerArguments: ['--token', 'tok-123456'] } };
  const description = { ...request, TrainingJobArn: 'arn:aws:sagemaker:us-east-1:1:training-job/j', TrainingJobStatus: 'InProgress' };
  assert.deepEqual(secretValues(description), secretValues(request));
  assert.deepEqual(secretValues(request), ['hf_secret_value', 'sk-live-123', 'tok-123456']);
});

test('log events: JSON-escaped and URL-encoded secrets, a secret split across two events of one stream, #011 as a tab', () => {
  const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEX"pass\\word';
  const logs = new MaskPolicy().logRedactor([secret, 'hunter2!pw']);
  assert.equal(logs.event('a', `{"aws_secret": ${JSON.stringify(secret)}}`), `{"aws_secret": "${MASK}"}`);
  assert.equal(logs.event('a', `escaped twice: ${JSON.stringify(JSON.stringify(secret))}`), `escaped twice: "\\"${MASK}\\""`);
  assert.equal(logs.event('a', `dsn=postgres://u:${encodeURIComponent('hunter2!pw')}@db`), `dsn=postgres://u:${MASK}@db`);
  assert.equal(logs.event('a', 'slashes escaped: wJalrXUtnFEMI\\/K7MDENG\\/bPxRfiCYEX\\"pass\\\\word.'), `slashes escaped: ${MASK}.`);
  // The first part ends one event, the rest starts the next: neither half is shown.
  assert.equal(logs.event('b', 'connecting with hunter'), `connecting with ${MASK}`);
  assert.equal(logs.event('b', '2!pw now'), `${MASK} now`);
  // Events of another stream do not complete it.
  assert.equal(logs.event('c', '2!pw is not a secret here'), '2!pw is not a secret here');
  assert.equal(logs.event('c', '[0]#011train-rmse:0.47#011validation-rmse:0.48'), '[0]\ttrain-rmse:0.47\tvalidation-rmse:0.48');
});

test('secrets learnt later (from the job description) are blanked out from then on', () => {
  const logs = new MaskPolicy().logRedactor();
  assert.equal(logs.event('a', 'API_KEY=plainvalue1'), `API_KEY=${MASK}`);
  assert.equal(logs.event('a', 'echo plainvalue1'), 'echo plainvalue1');
  logs.add(['plainvalue1']);
  assert.equal(logs.event('a', 'echo plainvalue1'), `echo ${MASK}`);
});

test('a whole secret at the end of an event is not taken for the beginning of another', () => {
  const logs = new MaskPolicy().logRedactor(['hunter2hunter2', 'ghp_abcdefghijklmnopqrstuvwxyz0123456789', '0123456789abcdef']);
  assert.equal(logs.event('a', 'DB_PASSWD=hunter2hunter2'), `DB_PASSWD=${MASK}`);
  assert.equal(logs.event('a', 'GITHUB_PAT=ghp_abcdefghijklmnopqrstuvwxyz0123456789'), `GITHUB_PAT=${MASK}`);
  assert.equal(logs.event('a', 'next line'), 'next line');
});

test('a secret word joined to others or followed by digits is still one; KEY only after a qualifier, PRIVATE only at the end', () => {
  const policy = new MaskPolicy();
  for (const name of ['PGPASSWORD', 'PASSWORD1', 'ADMIN_PASSWD2', 'SECRETKEY', 'SSH_PRIVATE', 'SSH_PRIVATE2', 'CLIENTSECRET', 'HFTOKEN', 'GithubAccesstoken', 'ACCESSKEY', 'API_KEY2', 'db2Password', 'mysqlRootPasswd']) {
    assert.equal(policy.classifyName(name), 'secret', name);
  }
  for (const name of ['KEYBOARD_LAYOUT', 'MONKEY', 'PRIVATE_SUBNET', 'IS_PRIVATE_REPO', 'PADTOKEN', 'TOKENIZER_NAME', 'TOKENIZER2', 'COMPASS', 'EPOCHS2', 'S3_BUCKET']) {
    assert.equal(policy.classifyName(name), 'plain', name);
  }
  assert.equal(policy.classifyName('CACHE_KEY2'), 'ifRandom');
});

test('values that carry credentials are masked under any name: a connection string\'s password, a Slack webhook, a URL\'s password', () => {
  const request = {
    Environment: {
      CONN: 'Server=db;User Id=sa;Password=hunter2;',
      SLACK_WEBHOOK: 'https://hooks.slack.com/services/T000/B000/XXXXXXXXXXXXXXXXXXXXXXXX',
      NOTIFY: 'https://hooks.slack.com/services/T0A1B2C3D/B0A1B2C3D/abcdefghijklmnopqrstuvwx',
      REDIS_URL: 'redis://:hunter2@cache:6379',
      PGPASSWORD: 'hunter2hunter2', PASSWORD1: 'p1', ADMIN_PASSWD2: 'p2', SECRETKEY: 'k', SSH_PRIVATE: 'pem',
      KEYBOARD_LAYOUT: 'us', MONKEY: 'see', DOCS: 'https://api.slack.com/messaging/webhooks',
    },
    HyperParameters: { db: 'host=db user=app password=s3cr3t-pw dbname=x', epochs: '5' },
  };
  assert.deepEqual(new MaskPolicy().maskRequest(request), {
    Environment: {
      CONN: `Server=db;User Id=sa;Password=${MASK};`,
      SLACK_WEBHOOK: `https://hooks.slack.com/services/${MASK}`,
      NOTIFY: `https://hooks.slack.com/services/${MASK}`,
      REDIS_URL: `redis://:${MASK}@cache:6379`,
      PGPASSWORD: MASK, PASSWORD1: MASK, ADMIN_PASSWD2: MASK, SECRETKEY: MASK, SSH_PRIVATE: MASK,
      KEYBOARD_LAYOUT: 'us', MONKEY: 'see', DOCS: 'https://api.slack.com/messaging/webhooks',
    },
    HyperParameters: { db: `host=db user=app password=${MASK} dbname=x`, epochs: '5' },
  });
  // The same values are blanked out of what the job prints.
  const secrets = secretValues(request);
  for (const s of ['hunter2', 'T0A1B2C3D/B0A1B2C3D/abcdefghijklmnopqrstuvwx', 's3cr3t-pw', 'hunter2hunter2']) assert.ok(secrets.includes(s), s);
  const logs = new MaskPolicy().logRedactor(secrets);
  assert.equal(
    logs.event('s', 'connecting with Password=hunter2; posting to https://hooks.slack.com/services/T0A1B2C3D/B0A1B2C3D/abcdefghijklmnopqrstuvwx; PGPASSWORD=hunter2hunter2'),
    `connecting with Password=${MASK}; posting to https://hooks.slack.com/services/${MASK}; PGPASSWORD=${MASK}`,
  );
});

test('an error text an endpoint made huge is explained in one pass ("profile " 100,000 times took minutes: .* before "could not be found")', () => {
  const x = explainError(new Error('profile '.repeat(100_000)));
  assert.notEqual(x.kind, 'missingCredentials');
  assert.equal(explainError(new Error('Profile ml-dev could not be found or parsed in shared credentials file.')).kind, 'missingCredentials');
});

test('standIns: every string maskRequest masks, whole or in part, by one of its length and kind of character (short, all-digit and non-ASCII secrets too); the rest as it was', () => {
  const policy = new MaskPolicy({ values: ['s3cr3t-given'] });
  const request = { Environment: { DB_PASSWORD: 'pw123', API_TOKEN: '7391824', PASSPHRASE: 'пароль-Вход2024', MODE: 'fast', URL: 'postgres://u:Pw-9x@db/app' }, HyperParameters: { wandb_api_key: 'k9x2', epochs: '3', note: 'a s3cr3t-given b' }, N: 3 };
  const sent = policy.standIns(request);
  assert.deepEqual(sent.Environment, { DB_PASSWORD: 'xx000', API_TOKEN: '0000000', PASSPHRASE: 'xxxxxx-Xxxx0000', MODE: 'fast', URL: sent.Environment.URL });
  assert.equal(sent.Environment.URL.length, request.Environment.URL.length);
  assert.ok(!sent.Environment.URL.includes('Pw-9x'));
  assert.deepEqual([sent.HyperParameters.wandb_api_key, sent.HyperParameters.epochs, sent.N], ['x0x0', '3', 3]);
  assert.ok(!JSON.stringify(sent).includes('s3cr3t-given'));
  assert.equal(standIn('ñÑ٣😀'), 'xX0--');
  assert.equal(standIn('!@#$ %^'), '---- --');
  // A secret written again under a plain name.
  const again = new MaskPolicy({}).standIns({ Environment: { DB_PASSWORD: 'Zq8vR3kLp9Tw2mXy', DB_HOST: 'db' }, HyperParameters: { conn: 'db:Zq8vR3kLp9Tw2mXy' } });
  assert.ok(!JSON.stringify(again).includes('Zq8vR3kLp9Tw2mXy'));
  assert.equal(again.HyperParameters.conn, 'xx-Xx0xX0xXx0Xx0xXx');
  // And the confirmation masks it there too.
  assert.equal(new MaskPolicy({}).maskRequest({ Environment: { DB_PASSWORD: 'Zq8vR3kLp9Tw2mXy' }, HyperParameters: { conn: 'db:Zq8vR3kLp9Tw2mXy' } }).HyperParameters.conn, `db:${MASK}`);
});

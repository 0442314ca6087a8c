// `lint --aws`: the built CLI sends each state machine to the emulator's ValidateStateMachineDefinition with the
// real SDK and merges the service's findings (source aws) into text, JSON and SARIF, each on the range its
// `location` names; credentials go only where meant, and what cannot be sent or validated is said (exit 2).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { useEmulator } from '../client/emulator';
import { cli, run, tempDir } from './helpers';

const emu = useEmulator(['--quiet']);
let dir: string;
/** No AWS settings from the machine running the tests. */
const env = { PATH: process.env.PATH, HOME: '/nonexistent' };

const NESTED = `{
  "StartAt": "P",
  "States": {
    "P": {
      "Type": "Parallel",
      "End": true,
      "Branches": [
        { "StartAt": "x/y", "States": { "x/y": { "Type": "Pass", "Next": "Nope" } } }
      ]
    }
  }
}
`;
const YAML = 'StartAt: A\nStates:\n  A:\n    Type: Pass\n    End: true\n    Foo: 1\n';

before(async () => {
  dir = tempDir();
  writeFileSync(join(dir, 'nested.asl.json'), NESTED);
  writeFileSync(join(dir, 'flow.asl.yaml'), YAML);
  writeFileSync(join(dir, 'ok.asl.json'), '{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}\n');
  writeFileSync(join(dir, 'templated.asl.json'), '{"StartAt": "A", "States": {"A": {"Type": "Pass", "Result": "s3://${Bucket}/x", "End": true}}}\n');
});

const lint = (...args: string[]) => run(dir, ['lint', ...args], { env });

test('text: the service findings join the local ones as aws/CODE, on the member each location names (YAML sent as JSON)', () => {
  const r = lint('--aws', '--endpoint', emu.url, 'nested.asl.json', 'flow.asl.yaml');
  assert.equal(r.err, '');
  const aws = r.out.split('\n').filter((l) => l.includes(' aws/'));
  assert.deepEqual(aws, [
    'flow.asl.yaml:6:5 error aws/SCHEMA_VALIDATION_FAILED "Foo" is not a field of a Pass state',
    // No location: the StartAt member.
    'nested.asl.json:2:3 error aws/MISSING_END_STATE No state ends this machine: give one state "End": true, or add a Succeed or Fail state',
    // /States/P/Branches/0/States/x~1y/Next, in a branch, through an escaped name.
    'nested.asl.json:8:66 error aws/MISSING_TRANSITION_TARGET Next "Nope" is not a state of this Parallel branch',
  ]);
  assert.match(r.out, /^6 errors, 0 warnings in 2 files \(2 checked\)$/m);
  assert.equal(r.status, 1);
});

test('JSON and SARIF carry the source: "source": "aws" with the service code, a rule aws/CODE', () => {
  const json = JSON.parse(lint('--aws', '--endpoint', emu.url, '--format', 'json', 'flow.asl.yaml').out);
  assert.deepEqual(json[1], { file: 'flow.asl.yaml', line: 6, column: 5, endLine: 6, endColumn: 11, severity: 'error', code: 'SCHEMA_VALIDATION_FAILED', message: '"Foo" is not a field of a Pass state', source: 'aws' });
  assert.equal(json[0].source, undefined);
  const sarif = JSON.parse(lint('--aws', '--endpoint', emu.url, '--format', 'sarif', 'flow.asl.yaml').out);
  const result = sarif.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'aws/SCHEMA_VALIDATION_FAILED');
  assert.deepEqual(result.locations[0].physicalLocation.region, { startLine: 6, startColumn: 5, endLine: 6, endColumn: 11 });
  assert.ok(sarif.runs[0].tool.driver.rules.some((rule: { id: string }) => rule.id === 'aws/SCHEMA_VALIDATION_FAILED'));
});

test('a state machine Step Functions accepts: exit 0; the endpoint may come from AWS_ENDPOINT_URL', () => {
  const r = run(dir, ['lint', '--aws', 'ok.asl.json'], { env: { ...env, AWS_ENDPOINT_URL: emu.url } });
  assert.deepEqual([r.status, r.out, r.err], [0, '0 errors, 0 warnings in 0 files (1 checked)\n', '']);
});

test('placeholders: a file with one without a value is not sent (exit 2); --placeholder fills it in', () => {
  const missing = lint('--aws', '--endpoint', emu.url, 'templated.asl.json');
  assert.equal(missing.status, 2);
  assert.equal(missing.err, 'sagemaker-asl: templated.asl.json: not sent to Step Functions: No value for ${Bucket}: the definition is sent with its placeholders filled in. (give values with --placeholder NAME=VALUE)\n');
  const filled = lint('--aws', '--endpoint', emu.url, '--placeholder', 'Bucket=ml-bucket', 'templated.asl.json');
  assert.deepEqual([filled.status, filled.err], [0, '']);
});

// A SAM template (YAML) with a Definition and a DefinitionString, and a CloudFormation template (JSON).
const SAM = `Transform: AWS::Serverless-2016-10-31
Resources:
  Train:
    Type: AWS::Serverless::StateMachine
    Properties:
      DefinitionSubstitutions:
        Bucket: ml-bucket
      Definition:
        StartAt: Go
        States:
          Go:
            Type: Task
            Resource: !GetAtt Fn.Arn
            Parameters:
              Out: s3://\${Bucket}/out
            Next: Nope
  Score:
    Type: AWS::StepFunctions::StateMachine
    Properties:
      DefinitionString: !Sub |
        {"StartAt": "A", "States": {"A": {"Type": "Succeed"},
          "Lost": {"Type": "Succeed"}}}
`;
const CFN = `{
  "Resources": {
    "Flow": {
      "Type": "AWS::StepFunctions::StateMachine",
      "Properties": {
        "Definition": {
          "StartAt": "A",
          "States": {
            "A": { "Type": "Pass", "Result": { "q": { "Ref": "Queue" } }, "Next": "Gone" }
          }
        }
      }
    }
  }
}
`;

test('templates: each embedded state machine is sent as JSON on its own, and each finding lands on the template\'s text', () => {
  writeFileSync(join(dir, 'template.yaml'), SAM);
  writeFileSync(join(dir, 'cfn.json'), CFN);
  const missing = lint('--aws', '--endpoint', emu.url, 'template.yaml');
  assert.equal(missing.status, 2);
  assert.equal(missing.err, 'sagemaker-asl: template.yaml: not sent to Step Functions: No value for ${Fn.Arn}: the definition is sent with its placeholders filled in. (give values with --placeholder NAME=VALUE)\n');
  const r = lint('--aws', '--endpoint', emu.url, '--placeholder', 'Fn.Arn=arn:aws:lambda:us-east-1:111122223333:function:f', '--placeholder', 'Queue=q', 'template.yaml', 'cfn.json');
  assert.equal(r.err, '');
  assert.deepEqual(r.out.split('\n').filter((l) => l.includes(' aws/')), [
    // No location: the StartAt of the machine it is about.
    'cfn.json:7:11 error aws/MISSING_END_STATE No state ends this machine: give one state "End": true, or add a Succeed or Fail state',
    'cfn.json:9:75 error aws/MISSING_TRANSITION_TARGET Next "Gone" is not a state',
    'template.yaml:9:9 error aws/MISSING_END_STATE No state ends this machine: give one state "End": true, or add a Succeed or Fail state',
    // Next: Nope in the Definition; the unreachable state of the DefinitionString, inside the block literal.
    'template.yaml:16:13 error aws/MISSING_TRANSITION_TARGET Next "Nope" is not a state',
    'template.yaml:22:11 error aws/MISSING_TRANSITION_TARGET State "Lost" is not reachable: no StartAt, Next, Default or Catch leads to it',
  ]);
  assert.equal(r.status, 1);
});

test('a template that declares the machine EXPRESS sends it as EXPRESS: Step Functions\' answer says what Express refuses', () => {
  const express = ['Resources:', '  Pipeline:', '    Type: AWS::StepFunctions::StateMachine', '    Properties:', '      StateMachineType: EXPRESS', '      Definition:', '        StartAt: Train', '        States:', '          Train:', '            Type: Task', '            Resource: arn:aws:states:::glue:startJobRun.sync', '            End: true', ''].join('\n');
  writeFileSync(join(dir, 'express.yaml'), express);
  const r = lint('--aws', '--endpoint', emu.url, 'express.yaml');
  assert.deepEqual(r.out.split('\n').filter((l) => l.includes(' aws/')), [
    "express.yaml:11:13 error aws/SCHEMA_VALIDATION_FAILED Express state machine does not support '.sync' service integration: this state machine is declared EXPRESS, whose tasks are request-response integrations only",
  ]);
});

test('--type EXPRESS: a plain machine is checked as an Express workflow and sent to Step Functions as one', () => {
  const sync = JSON.stringify({ StartAt: 'Train', States: { Train: { Type: 'Task', Resource: 'arn:aws:states:::glue:startJobRun.sync', End: true } } }, null, 2);
  writeFileSync(join(dir, 'plain-express.asl.json'), sync);
  // Standard by default: nothing to say.
  assert.equal(lint('plain-express.asl.json').status, 0);
  const local = lint('--type', 'express', 'plain-express.asl.json');
  assert.equal(local.status, 1);
  assert.match(local.out, /^plain-express\.asl\.json:6:19 error asl-execution-limit .*declared EXPRESS/m);
  const sent = lint('--type', 'EXPRESS', '--aws', '--endpoint', emu.url, 'plain-express.asl.json');
  assert.deepEqual(sent.out.split('\n').filter((l) => l.includes(' aws/')), [
    "plain-express.asl.json:6:7 error aws/SCHEMA_VALIDATION_FAILED Express state machine does not support '.sync' service integration: this state machine is declared EXPRESS, whose tasks are request-response integrations only",
  ]);
  const wrong = lint('--type', 'FAST', 'plain-express.asl.json');
  assert.deepEqual([wrong.status, wrong.err], [2, 'sagemaker-asl: unknown --type "FAST" (STANDARD or EXPRESS)\n']);
});

test('credentials only where meant: a host that is not https to AWS needs --trust-endpoint, from the option or the environment', () => {
  const refused = lint('--aws', '--endpoint', 'http://sfn.example.test:4566', 'ok.asl.json');
  assert.deepEqual([refused.status, refused.out], [2, '']);
  assert.equal(refused.err, 'sagemaker-asl: --aws would send your AWS credentials (the default credential chain) to sfn.example.test:4566 (not an AWS service host and plain http); add --trust-endpoint if you run that server\n');
  const fromEnv = run(dir, ['lint', '--aws', 'ok.asl.json'], { env: { ...env, AWS_ENDPOINT_URL_SFN: 'https://sfn.example.test' } });
  assert.equal(fromEnv.status, 2);
  assert.match(fromEnv.err, /to sfn\.example\.test \(not an AWS service host\)/);
  // A local endpoint with a profile given: that profile's credentials would go there.
  const profile = lint('--aws', '--endpoint', emu.url, '--profile', 'work', 'ok.asl.json');
  assert.equal(profile.status, 2);
  assert.match(profile.err, /the credentials of profile "work" to 127\.0\.0\.1:\d+ \(a local server, and the profile "work" is set\)/);
  // A user name or password in the endpoint: refused, and not printed (CI logs keep what the CLI prints).
  const userinfo = lint('--aws', '--endpoint', 'http://ci-bot:Pr0xyT0ken@127.0.0.1:9', 'ok.asl.json');
  assert.equal(userinfo.status, 2);
  assert.match(userinfo.err, /the endpoint "http:\/\/127\.0\.0\.1:9\/" holds a user name or password/);
  assert.doesNotMatch(userinfo.err + userinfo.out, /Pr0xyT0ken|ci-bot/);
});

test("an endpoint_url in the AWS config file (AWS_CONFIG_FILE, a repository's own): refused before the request is signed, nothing sent (hostile23)", async () => {
  const config = join(dir, 'aws-config');
  writeFileSync(config, `[default]\nregion = us-east-1\nendpoint_url = ${emu.url}\n`);
  const before = (await emu.stats()).requests['AWSStepFunctions.ValidateStateMachineDefinition'] ?? 0;
  const r = run(dir, ['lint', '--aws', 'ok.asl.json'], { env: { ...env, AWS_CONFIG_FILE: config, AWS_ACCESS_KEY_ID: 'AKIAREALKEY', AWS_SECRET_ACCESS_KEY: 'real-secret' } });
  assert.equal(r.status, 2);
  assert.match(r.err, /Refused to send your AWS credentials to 127\.0\.0\.1:\d+ \(a local server\): the AWS configuration \(an endpoint_url in the config file or its profile\) sends the call there/);
  assert.equal((await emu.stats()).requests['AWSStepFunctions.ValidateStateMachineDefinition'] ?? 0, before);
  // Named as the endpoint, it is judged as one: local, no profile, placeholder credentials go.
  assert.equal(run(dir, ['lint', '--aws', '--endpoint', emu.url, 'ok.asl.json'], { env: { ...env, AWS_CONFIG_FILE: config } }).status, 0);
});

test('what to change is said in the options of the command line, not the editor\'s settings (walk40): no region, no credentials', () => {
  const bare = { ...env, AWS_CONFIG_FILE: join(dir, 'none-config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'none-credentials'), AWS_EC2_METADATA_DISABLED: 'true' };
  for (const k of ['AWS_REGION', 'AWS_DEFAULT_REGION', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_PROFILE']) delete (bare as Record<string, string | undefined>)[k];
  const noRegion = run(dir, ['lint', '--aws', 'ok.asl.json'], { env: bare });
  assert.equal(noRegion.status, 2);
  assert.match(noRegion.err, /Set --region, or a region in your AWS profile/);
  const noCredentials = run(dir, ['lint', '--aws', '--region', 'us-east-1', 'ok.asl.json'], { env: bare });
  assert.equal(noCredentials.status, 2);
  assert.match(noCredentials.err, /\. Configure credentials \(aws configure, or aws sso login\), or choose a profile with --profile\.\n/);
  assert.doesNotMatch(noRegion.err + noCredentials.err, /sagemakerAsl\./);
});

test('AWS failures are said once with the launch\'s explanation, the later files are not sent, exit 2', async () => {
  await emu.faults([{ fault: 'throttle', target: 'AWSStepFunctions.ValidateStateMachineDefinition', count: 0 }]);
  const r = lint('--aws', '--endpoint', emu.url, 'nested.asl.json', 'ok.asl.json');
  await emu.clearFaults();
  assert.equal(r.status, 2);
  assert.equal(
    r.err,
    'sagemaker-asl: nested.asl.json: Step Functions could not validate it: AWS is throttling the requests (ThrottlingException). Try again in a moment.\n' +
      'sagemaker-asl: 1 more file was not sent to Step Functions after that failure\n',
  );
  // The local findings are still reported.
  assert.match(r.out, /nested\.asl\.json:8:74 error asl-unknown-state /);
});

test('what an endpoint answers is printed as text: control characters (a terminal\'s escape sequences) out, at most 1000 findings, a message that is not text dropped (hostile23)', async () => {
  const { createServer } = await import('node:http');
  const diagnostics = [
    { severity: 'ERROR', code: 'X\u001b]0;pwn\u0007', message: 'evil \u001b[2J\u001b[31mRED\nfake.asl.json:1:1 error spoofed', location: '/States/A' },
    { severity: 'WARNING', code: 'Y', message: { not: 'text' } },
    ...Array.from({ length: 1500 }, (_, i) => ({ severity: 'ERROR', code: 'M', message: `m${i}` })),
  ];
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/x-amz-json-1.0' });
      res.end(JSON.stringify({ result: 'FAIL', diagnostics }));
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  try {
    const { port } = server.address() as { port: number };
    // Spawned without blocking: the server answers from this process.
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, [cli, 'lint', '--aws', '--endpoint', `http://127.0.0.1:${port}`, 'ok.asl.json'], { cwd: dir, env });
    let out = '', err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    await new Promise((done) => child.on('close', done));
    const r = { out, err };
    assert.doesNotMatch(r.out + r.err, /[\u0000-\u0008\u000b-\u001f\u007f]/);
    const aws = r.out.split('\n').filter((l) => l.includes(' aws/'));
    assert.equal(aws.length, 1000);
    // The escapes' bytes are left as text, the line break a space: no new line looks like another file's finding.
    assert.match(aws.find((l) => l.includes('X__0_pwn')) ?? '', /error aws\/X__0_pwn_ evil {2}\[2J \[31mRED fake\.asl\.json:1:1 error spoofed$/);
  } finally {
    server.close();
  }
});

test('an answer larger than 16 MiB is not read, whether its length is declared or it streams on, and not asked again when its status says try again: said once, exit 2 (hostile23, review25)', async () => {
  const { createServer } = await import('node:http');
  const { spawn } = await import('node:child_process');
  let requests = 0;
  const server = createServer((req, res) => {
    requests++;
    req.resume();
    req.on('end', () => {
      if (requests === 1) {
        // A length of 400 MB declared, and no more than the first bytes ever sent.
        res.writeHead(200, { 'content-type': 'application/x-amz-json-1.0', 'content-length': String(400 * 1024 * 1024) });
        res.write('{"result": "OK", "diagnostics": [');
        return;
      }
      // No length: 1 MiB chunks until the client stops reading; the third time under a 503, which the SDK would retry.
      res.writeHead(requests === 2 ? 200 : 503, { 'content-type': 'application/x-amz-json-1.0' });
      const chunk = Buffer.alloc(1024 * 1024, 32);
      res.write('{"result": "OK", "diagnostics": [');
      let sent = 0;
      const more = () => {
        while (sent < 64 && !res.destroyed) {
          sent++;
          if (!res.write(chunk)) return void res.once('drain', more);
        }
        res.end(']}');
      };
      more();
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  try {
    const { port } = server.address() as { port: number };
    for (const way of ['declared', 'streamed', 'streamed with a 503']) {
      const child = spawn(process.execPath, [cli, 'lint', '--aws', '--endpoint', `http://127.0.0.1:${port}`, 'ok.asl.json'], { cwd: dir, env });
      let out = '', err = '';
      child.stdout.on('data', (d) => (out += d));
      child.stderr.on('data', (d) => (err += d));
      const status = await new Promise((done) => child.on('close', done));
      assert.equal(status, 2, way);
      assert.equal(err, `sagemaker-asl: ok.asl.json: Step Functions could not validate it: http://127.0.0.1:${port} answered states:ValidateStateMachineDefinition with more than 16 MiB, far more than AWS ever does: the answer was not read. Check the endpoint (--endpoint, or an endpoint_url in the AWS configuration): it is no AWS service, or not a working one.\n`, way);
      assert.equal(out, '0 errors, 0 warnings in 0 files (1 checked)\n', way);
    }
    // One request each: an answer cut at the limit is never asked for again.
    assert.equal(requests, 3);
  } finally {
    server.closeAllConnections();
    server.close();
  }
});

test('the AWS options go with --aws', () => {
  const r = lint('--region', 'eu-west-1', 'ok.asl.json');
  assert.deepEqual([r.status, r.err], [2, 'sagemaker-asl: --region goes with --aws\n']);
});

test('--aws with the CLI copied alone (no jobs.js beside it) says what is missing, before any file', () => {
  const alone = tempDir();
  copyFileSync(cli, join(alone, 'sagemaker-asl.js'));
  const r = run(dir, ['lint', '--aws', '--endpoint', emu.url, 'ok.asl.json'], { env, program: join(alone, 'sagemaker-asl.js') });
  assert.deepEqual([r.status, r.out], [2, '']);
  assert.equal(r.err, `sagemaker-asl: --aws needs jobs.js (the AWS SDK, built into dist/ with the CLI) beside the CLI: ${join(alone, 'jobs.js')} is missing\n`);
});

// The example execution input over the wire (dist/server.js over stdio): `NAME.input.json` beside a machine is
// what the data flow starts from (completion of its fields in `.$` paths, hover "the execution input in …", a
// warning for a field it lacks, none for a field it has), read again on workspace/didChangeWatchedFiles; the launch
// flow's input arrives by the sagemaker/executionInput notification and counts only where no file is.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
// @ts-expect-error: a plain ES module without types, vendored from the shared tools
import { LspClient, positionAt } from './lsp-client.mjs';
import { ExecutionInputNotification } from '../../server/src/protocol';

const root = join(__dirname, '..', '..', '..');
const TRAIN = 'arn:aws:states:::sagemaker:createTrainingJob.sync';
const CHANGED = 2;
const CREATED = 1;
const DELETED = 3;

/** A training task reading the job's name and output location from the execution input. */
const JSON_MACHINE = JSON.stringify(
  {
    StartAt: 'Train',
    States: {
      Train: {
        Type: 'Task',
        Resource: TRAIN,
        Parameters: {
          'TrainingJobName.$': '$.jobName',
          RoleArn: 'arn:aws:iam::111122223333:role/R',
          AlgorithmSpecification: { TrainingImage: 'img:1', TrainingInputMode: 'File' },
          OutputDataConfig: { 'S3OutputPath.$': '$.outputS3Uri' },
          ResourceConfig: { InstanceCount: 1, InstanceType: 'ml.m5.large', VolumeSizeInGB: 10 },
          StoppingCondition: { MaxRuntimeInSeconds: 3600 },
        },
        End: true,
      },
    },
  },
  null,
  2,
);

const YAML_MACHINE = `StartAt: Train
States:
  Train:
    Type: Task
    Resource: ${TRAIN}
    Parameters:
      TrainingJobName.$: $.jobName
      RoleArn: arn:aws:iam::111122223333:role/R
      AlgorithmSpecification:
        TrainingImage: img:1
        TrainingInputMode: File
      OutputDataConfig:
        S3OutputPath.$: $.outputS3Uri
      ResourceConfig:
        InstanceCount: 1
        InstanceType: ml.m5.large
        VolumeSizeInGB: 10
      StoppingCondition:
        MaxRuntimeInSeconds: 3600
    End: true
`;

const FULL_INPUT = JSON.stringify({ jobName: 'churn-1', outputS3Uri: 's3://b/out', epochs: 5 });
const TYPO_INPUT = JSON.stringify({ jobName: 'churn-1', outputS3URI: 's3://b/out' });

const dataflow = (diags: any[]) => diags.filter((d: any) => d.source === 'dataflow').map((d: any) => [d.code, d.severity, d.message]);
const labels = (items: any) => (Array.isArray(items) ? items : items.items).map((i: any) => i.label);

describe('the example execution input over LSP', () => {
  let client: any;
  let dir: string;
  const file = (name: string) => join(dir, name);
  const uriOf = (name: string) => pathToFileURL(file(name)).href;
  /** Writes (or with undefined, deletes) `name` and tells the server, as the editor's file watcher does. */
  async function fileChanged(name: string, text: string | undefined, type: number, machine: string) {
    if (text === undefined) rmSync(file(name), { force: true });
    else writeFileSync(file(name), text);
    const t0 = performance.now();
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(name), type }] });
    return client.diagnosticsFor(uriOf(machine), t0);
  }
  /** The completion labels right after `$.` in the value `"$.<path>"`. */
  async function completeAfter(uri: string, text: string, path: string) {
    const at = text.indexOf(path) + 2;
    const edited = text.slice(0, at) + text.slice(at + path.length - 2);
    await client.change(uri, edited);
    return labels(await client.completion(uri, positionAt(edited, at)));
  }

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sagemaker-asl-input-'));
    client = await LspClient.start(['node', 'dist/server.js', '--stdio'], root);
  });
  after(async () => {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  for (const [language, machineName, inputName, text] of [
    ['asl', 'train.asl.json', 'train.input.json', JSON_MACHINE],
    ['asl-yaml', 'pipeline.asl.yaml', 'pipeline.input.json', YAML_MACHINE],
  ] as const) {
    test(`${language}: without ${inputName} the input is unknown: no field offered, no finding`, async () => {
      const uri = uriOf(`none-${machineName}`);
      writeFileSync(file(`none-${machineName}`), text);
      assert.deepEqual(dataflow(await client.open(uri, language, text)), []);
      const hover = await client.hover(uri, positionAt(text, text.indexOf('$.jobName') + 3));
      assert.equal(hover.contents.value.split('\n')[0], 'Reads the state input: `jobName`, not known before run time');
      assert.deepEqual(await completeAfter(uri, text, '$.jobName'), []);
      client.close(uri);
    });

    test(`${language}: ${inputName} beside the machine: its fields completed, hover names it, a field it has is no finding`, async () => {
      writeFileSync(file(inputName), FULL_INPUT);
      const uri = uriOf(machineName);
      writeFileSync(file(machineName), text);
      assert.deepEqual(dataflow(await client.open(uri, language, text)), []);
      const hover = await client.hover(uri, positionAt(text, text.indexOf('$.jobName') + 3));
      assert.equal(hover.contents.value.split('\n')[0], `the execution input in ${inputName}: \`jobName\`, string`);
      const items = await client.completion(uri, positionAt(text, text.indexOf('$.jobName') + 2));
      const job = (Array.isArray(items) ? items : items.items).find((i: any) => i.label === 'jobName');
      assert.equal(job.detail, 'string');
      assert.deepEqual(labels(items).sort(), ['epochs', 'jobName', 'outputS3Uri']);
      client.close(uri);
    });

    test(`${language}: a field the input file lacks is a warning; a change of the file validates the machine again`, async () => {
      // Another machine (a URI is not opened twice here: the close's empty diagnostics could pass for the open's).
      const [machine, input] = [`typo-${machineName}`, `typo-${inputName}`];
      writeFileSync(file(input), TYPO_INPUT);
      const uri = uriOf(machine);
      assert.deepEqual(dataflow(await client.open(uri, language, text)), [
        ['path-not-in-input', 2, `$.outputS3Uri: the state input (the execution input in ${input}) has no field outputS3Uri; did you mean $.outputS3URI?`],
      ]);
      assert.deepEqual(dataflow(await fileChanged(input, FULL_INPUT, CHANGED, machine)), []);
      assert.equal(dataflow(await fileChanged(input, TYPO_INPUT, CHANGED, machine)).length, 1);
      // Deleted: the input is unknown again, so nothing can be said.
      assert.deepEqual(dataflow(await fileChanged(input, undefined, DELETED, machine)), []);
      assert.equal(dataflow(await fileChanged(input, TYPO_INPUT, CREATED, machine)).length, 1);
      client.close(uri);
    });
  }

  test('a file that is not JSON, or larger than Step Functions accepts (256 KiB), is no input; the server carries on', async () => {
    const machine = 'bad.asl.json';
    writeFileSync(file('bad.input.json'), TYPO_INPUT);
    const uri = uriOf(machine);
    assert.equal(dataflow(await client.open(uri, 'asl', JSON_MACHINE)).length, 1);
    assert.deepEqual(dataflow(await fileChanged('bad.input.json', '{"jobName": ', CHANGED, machine)), []);
    assert.equal(dataflow(await fileChanged('bad.input.json', TYPO_INPUT, CHANGED, machine)).length, 1);
    const huge = JSON.stringify({ jobName: 'x', padding: 'p'.repeat(256 * 1024) });
    assert.deepEqual(dataflow(await fileChanged('bad.input.json', huge, CHANGED, machine)), []);
    const hover = await client.hover(uri, positionAt(JSON_MACHINE, JSON_MACHINE.indexOf('$.jobName') + 3));
    assert.match(hover.contents.value, /^Reads the state input/);
    client.close(uri);
  });

  test('the Data Science SDK case: an input that provides the root field leaves no hint', async () => {
    const text = JSON.stringify({
      StartAt: 'Training Step',
      States: {
        'Training Step': { Type: 'Task', Resource: TRAIN, Parameters: { 'TrainingJobName.$': '$$.Execution.Name' }, ResultPath: '$.TrainingStepResults', Next: 'Save Model' },
        'Save Model': {
          Type: 'Task',
          Resource: 'arn:aws:states:::sagemaker:createModel',
          Parameters: { 'ModelName.$': '$.TrainingStepResults.TrainingJobName', ExecutionRoleArn: 'arn:aws:iam::111122223333:role/R', PrimaryContainer: { Image: 'i', 'ModelDataUrl.$': "$['ModelArtifacts']['S3ModelArtifacts']" } },
          End: true,
        },
      },
    });
    const uri = uriOf('dssdk.asl.json');
    assert.deepEqual(dataflow(await client.open(uri, 'asl', text)).map(([code]) => code), ['path-elsewhere']);
    assert.deepEqual(dataflow(await fileChanged('dssdk.input.json', JSON.stringify({ ModelArtifacts: { S3ModelArtifacts: 's3://b/m.tar.gz' } }), CREATED, 'dssdk.asl.json')), []);
    client.close(uri);
  });

  test('a template: its NAME.input.json serves the machine it embeds', async () => {
    const text = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Pipeline:
    Type: AWS::StepFunctions::StateMachine
    Properties:
      Definition:
        StartAt: Prepare
        States:
          Prepare:
            Type: Pass
            Parameters:
              name.$: $.jobNam
            End: true
`;
    writeFileSync(file('template.input.json'), FULL_INPUT);
    const uri = uriOf('template.yaml');
    assert.deepEqual(dataflow(await client.open(uri, 'yaml', text)), [
      ['path-not-in-input', 2, '$.jobNam: the state input (the execution input in template.input.json) has no field jobNam; did you mean $.jobName?'],
    ]);
    const hover = await client.hover(uri, positionAt(text, text.indexOf('$.jobNam') + 3));
    assert.match(hover.contents.value, /^Reads the state input \(the execution input in template\.input\.json\)/);
    client.close(uri);
  });

  test('the launch flow\'s input (sagemaker/executionInput) completes and hovers, warns of nothing, and yields to a file', async () => {
    const machine = 'launched.asl.json';
    const uri = uriOf(machine);
    await client.open(uri, 'asl', JSON_MACHINE);
    const t0 = performance.now();
    client.notify(ExecutionInputNotification.method, { uri, input: TYPO_INPUT });
    // The launch's input may hold fewer fields than the machine reads (it fed one job): never a warning.
    assert.deepEqual(dataflow(await client.diagnosticsFor(uri, t0)), []);
    const hover = await client.hover(uri, positionAt(JSON_MACHINE, JSON_MACHINE.indexOf('$.jobName') + 3));
    assert.equal(hover.contents.value.split('\n')[0], 'the execution input of the last launch: `jobName`, string');
    assert.deepEqual(labels(await client.completion(uri, positionAt(JSON_MACHINE, JSON_MACHINE.indexOf('$.jobName') + 2))).sort(), ['jobName', 'outputS3URI']);
    // A file beside the machine wins.
    assert.equal(dataflow(await fileChanged('launched.input.json', TYPO_INPUT, CREATED, machine)).length, 1);
    const fromFile = await client.hover(uri, positionAt(JSON_MACHINE, JSON_MACHINE.indexOf('$.jobName') + 3));
    assert.match(fromFile.contents.value, /^the execution input in launched\.input\.json: /);
    // Deleted: the launch's input again.
    assert.deepEqual(dataflow(await fileChanged('launched.input.json', undefined, DELETED, machine)), []);
    const again = await client.hover(uri, positionAt(JSON_MACHINE, JSON_MACHINE.indexOf('$.jobName') + 3));
    assert.match(again.contents.value, /^the execution input of the last launch: /);
    // Forgotten (no input): unknown again. The hover answers after the notification (one connection, in order).
    client.notify(ExecutionInputNotification.method, { uri });
    const none = await client.hover(uri, positionAt(JSON_MACHINE, JSON_MACHINE.indexOf('$.jobName') + 3));
    assert.match(none.contents.value, /^Reads the state input: /);
    // Malformed notifications are ignored.
    client.notify('workspace/didChangeWatchedFiles', { changes: 'all' });
    client.notify('workspace/didChangeWatchedFiles', { changes: [null, { uri: 7 }] });
    client.notify(ExecutionInputNotification.method, { uri: 42, input: {} });
    client.notify(ExecutionInputNotification.method, null);
    client.notify(ExecutionInputNotification.method, { uri, input: 'not json' });
    assert.match((await client.hover(uri, positionAt(JSON_MACHINE, JSON_MACHINE.indexOf('$.jobName') + 3))).contents.value, /^Reads the state input: /);
    const errors = client.notifications.filter((n: any) => n.method === 'window/logMessage' && n.params.type === 1).map((n: any) => n.params.message);
    assert.deepEqual(errors, []);
    client.close(uri);
  });
});

describe('watching the example files', () => {
  /** The LSP messages in a stream's bytes. */
  function messagesIn(bytes: Buffer): any[] {
    const out = [];
    for (let at = 0, sep; (sep = bytes.indexOf('\r\n\r\n', at)) >= 0; ) {
      const length = Number(/Content-Length: *(\d+)/i.exec(bytes.subarray(at, sep).toString('ascii'))![1]);
      out.push(JSON.parse(bytes.subarray(sep + 4, sep + 4 + length).toString('utf8')));
      at = sep + 4 + length;
    }
    return out;
  }

  /** Starts a server whose client can register file watchers; the registrations it asked for once it answered. */
  async function registrations(initializationOptions: unknown, capabilities: object = { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } }, answered?: (capabilities: any) => void): Promise<unknown[]> {
    const client = new LspClient(['node', 'dist/server.js', '--stdio'], root, {});
    const chunks: Buffer[] = [];
    client.proc.stdout.on('data', (d: Buffer) => chunks.push(d));
    const init: any = await client.request('initialize', { processId: process.pid, rootUri: null, initializationOptions, capabilities });
    answered?.(init.capabilities);
    client.notify('initialized', {});
    // Answered after the initialized notification's registration was written (one stream, in order).
    await client.request('textDocument/hover', { textDocument: { uri: 'file:///w/none.asl.json' }, position: { line: 0, character: 0 } });
    await client.stop();
    return messagesIn(Buffer.concat(chunks))
      .filter((m) => m.method === 'client/registerCapability')
      .flatMap((m) => m.params.registrations.map((r: any) => [r.method, r.registerOptions]));
  }

  test('a client that can is asked to watch **/*.input.json; the extension, which watches them itself, is not', async () => {
    assert.deepEqual(await registrations(undefined), [['workspace/didChangeWatchedFiles', { watchers: [{ globPattern: '**/*.input.json' }] }]]);
    assert.deepEqual(await registrations({ inputFilesWatched: true }), []);
  });

  test('formatting and folding are registered for asl (folding asl-yaml too) where the client can take it, not claimed for every JSON and YAML file (ux42)', async () => {
    const dynamic = { dynamicRegistration: true };
    let claimed: any;
    const asked = await registrations({ inputFilesWatched: true }, { textDocument: { formatting: dynamic, rangeFormatting: dynamic, foldingRange: dynamic } }, (c) => (claimed = c));
    assert.equal(claimed.documentFormattingProvider, undefined);
    assert.equal(claimed.foldingRangeProvider, undefined);
    assert.deepEqual(asked, [
      ['textDocument/formatting', { documentSelector: [{ language: 'asl' }] }],
      ['textDocument/rangeFormatting', { documentSelector: [{ language: 'asl' }] }],
      ['textDocument/foldingRange', { documentSelector: [{ language: 'asl' }, { language: 'asl-yaml' }] }],
    ]);
    // A client that cannot: claimed as before.
    await registrations({ inputFilesWatched: true }, {}, (c) => (claimed = c));
    assert.equal(claimed.documentFormattingProvider, true);
    assert.equal(claimed.foldingRangeProvider, true);
  });
});

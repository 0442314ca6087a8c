// Quick fixes after edits, as the server receives them: typing, a Replace All (one didChange of many ranges,
// applied by the server's own updateDocument), members added above a task, the query language switched; the parse
// brought up to date as each change arrives (prepare), checked now and then. The findings are kept per task, per
// request member and per object of a request (sagemaker/validation.ts, documentedRules.ts), and a fix carries
// offsets relative to its finding: whatever was kept, every quick fix and fix-all must write exactly the text they
// write on a fresh open of the final text, under the same kind of name (a name can declare a state machine). The
// reference runs in a worker (a separate instance of every module-level cache), and fixes are compared by the text
// they produce, not by offsets.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { Worker, isMainThread, parentPort } from 'node:worker_threads';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver-types';
import { getLanguageService, type LanguageService } from '../../server/src/service/languageService';
import { SyncedDocument, updateDocument } from '../../server/src/textSync';
import { checkAsync, fuzzParams, Tally } from './generators';

type G = fc.GeneratorValue;
const pick = <T>(g: G, items: readonly T[]): T => g(fc.constantFrom, ...items);
const chance = (g: G, percent: number): boolean => g(fc.integer, { min: 0, max: 99 }) < percent;

/** A training request with the mistakes that have fixes: spot training without MaxWait, typos, wrong types, limits. */
function training(g: G, template: boolean): Record<string, unknown> {
  const stopping: Record<string, unknown> = { MaxRuntimeInSeconds: pick(g, [3600, 3600, 2419201]) };
  if (chance(g, 30)) stopping.MaxWaitTimeInSeconds = pick(g, [1800, 3600, 7200]);
  const request: Record<string, unknown> = {
    TrainingJobName: pick(g, ['train-1', 'train_1', 'train-2']),
    RoleArn: template && chance(g, 50) ? { 'Fn::GetAtt': ['TrainingRole', 'Arn'] } : 'arn:aws:iam::111122223333:role/SageMakerRole',
    AlgorithmSpecification: { TrainingImage: '382416733822.dkr.ecr.us-east-1.amazonaws.com/xgboost:1', TrainingInputMode: pick(g, ['File', 'File', 'file', 'Pip']) },
    OutputDataConfig: { S3OutputPath: 's3://bucket/output' },
    ResourceConfig: { InstanceCount: pick(g, [1, 1, '1', 0]), InstanceType: pick(g, ['ml.m5.large', 'ml.m5.large', 'ml.m5.larg']), VolumeSizeInGB: 10 },
    StoppingCondition: stopping,
  };
  if (chance(g, 60)) request.EnableManagedSpotTraining = pick(g, [true, true, false]);
  if (chance(g, 10)) delete request.OutputDataConfig;
  if (chance(g, 10)) request.Tags = [{ Key: 'team', Value: 'ml' }, { Key: 'team', Valu: 'x' }];
  // A big request: at least 16 members, and a map and a list of at least 16, so a Replace All inside it re-parses
  // it member by member too, and the unchanged members keep their nodes (and what was found in them).
  if (chance(g, 40)) {
    Object.assign(request, {
      EnableNetworkIsolation: false, EnableInterContainerTrafficEncryption: pick(g, [false, 'false']), RetryStrategy: { MaximumRetryAttempts: pick(g, [1, 31]) },
      CheckpointConfig: { S3Uri: 's3://bucket/checkpoints' }, ExperimentConfig: { ExperimentName: 'exp-1' }, VpcConfig: { SecurityGroupIds: ['sg-1'], Subnets: ['subnet-1'] },
      Environment: { MODE: 'train' }, TensorBoardOutputConfig: { S3OutputPath: 's3://bucket/tb' }, DebugHookConfig: { S3OutputPath: 's3://bucket/debug' },
    });
    request.HyperParameters = Object.fromEntries(Array.from({ length: g(fc.integer, { min: 16, max: 18 }) }, (_, i) => [`hp${i}`, pick(g, ['1', '0.5', 'x'.repeat(2600), 1])]));
    request.InputDataConfig = Array.from({ length: g(fc.integer, { min: 16, max: 21 }) }, (_, i) => ({
      ChannelName: pick(g, [`train${i}`, 'train', 'bad name']),
      DataSource: { S3DataSource: { S3DataType: pick(g, ['S3Prefix', 's3prefix']), S3Uri: 's3://bucket/in' } },
    }));
  }
  return request;
}

/** A transform request: MultiRecord without SplitType, payload and instance limits. */
function transform(g: G, template: boolean): Record<string, unknown> {
  const input: Record<string, unknown> = { DataSource: { S3DataSource: { S3DataType: pick(g, ['S3Prefix', 'S3Prefix', 's3prefix']), S3Uri: 's3://bucket/in' } } };
  if (chance(g, 40)) input.SplitType = pick(g, ['Line', 'None']);
  return {
    TransformJobName: pick(g, ['score-1', 'score 1']),
    ModelName: 'model-1',
    BatchStrategy: pick(g, ['MultiRecord', 'SingleRecord']),
    MaxPayloadInMB: pick(g, [6, 6, 101]),
    TransformInput: input,
    TransformOutput: { S3OutputPath: 's3://bucket/out' },
    TransformResources: { InstanceType: template && chance(g, 50) ? { Ref: 'InstanceType' } : 'ml.m5.large', InstanceCount: pick(g, [1, 1, 101]) },
  };
}

/** A processing request: its inputs' rules (Gzip needs Pipe, the local path) sit two levels under the request. */
function processing(g: G): Record<string, unknown> {
  return {
    ProcessingJobName: pick(g, ['process-1', 'process_1']),
    RoleArn: 'arn:aws:iam::111122223333:role/SageMakerRole',
    AppSpecification: { ImageUri: '382416733822.dkr.ecr.us-east-1.amazonaws.com/sklearn:1' },
    ProcessingResources: { ClusterConfig: { InstanceCount: pick(g, [1, 0]), InstanceType: pick(g, ['ml.m5.large', 'ml.m5.larg']), VolumeSizeInGB: 30 } },
    ProcessingInputs: Array.from({ length: g(fc.integer, { min: 1, max: 3 }) }, (_, i) => ({
      InputName: `in${i}`,
      S3Input: {
        S3Uri: 's3://bucket/in',
        LocalPath: pick(g, ['/opt/ml/processing/in', 'opt/in']),
        S3DataType: 'S3Prefix',
        S3InputMode: pick(g, ['File', 'File', 'Pipe']),
        ...(chance(g, 70) ? { S3CompressionType: pick(g, ['Gzip', 'Gzip', 'None']) } : {}),
      },
    })),
  };
}

/**
 * At least 16 states, so a Replace All across States re-parses member by member (json/incrementalParse.ts); now and
 * then embedded in a CloudFormation template, with intrinsics (rewritten in place: templates/intrinsics.ts).
 */
function machineText(g: G): string {
  const template = chance(g, 25);
  const n = g(fc.integer, { min: 16, max: 20 });
  const states: Record<string, unknown> = {};
  for (let i = 0; i < n; i++) {
    const api = pick(g, ['createTrainingJob', 'createTrainingJob', 'createTransformJob', 'createProcessingJob'] as const);
    const state: Record<string, unknown> = { Type: 'Task', Resource: `arn:aws:states:::sagemaker:${api}.sync` };
    state[chance(g, 10) ? 'Arguments' : 'Parameters'] = api === 'createTrainingJob' ? training(g, template) : api === 'createTransformJob' ? transform(g, template) : processing(g);
    if (i < n - 1) state.Next = `S${i + 1}`;
    else state.End = true;
    states[`S${i}`] = state;
  }
  const machine: Record<string, unknown> = chance(g, 15) ? { QueryLanguage: 'JSONata' } : {};
  Object.assign(machine, { Comment: 'fixes', StartAt: 'S0', States: states });
  const resource = { Type: 'AWS::StepFunctions::StateMachine', Properties: { Definition: machine } };
  return JSON.stringify(template ? { Resources: { Pipeline: resource } } : machine, null, pick(g, [2, 4]));
}

/** Replace All pairs: the same change at every place (each way round). */
const REPLACE_ALL: [string, string][] = [
  ['3600', '7200'], ['true', 'false'], ['"MultiRecord"', '"SingleRecord"'], ['"ml.m5.large"', '"ml.m5.larg"'], ['MaxWaitTimeInSeconds', 'MaxWaitTimeInSecond'],
  ['"InstanceCount": 1', '"InstanceCount": 101'], ['"File"', '"file"'], ['"Line"', '"None"'], ['101', '100'], ['"train-1"', '"train_1"'],
  ['"StoppingCondition": {', '"StoppingCondition": { "MaxWaitTimeInSeconds": 60,'], ['"EnableManagedSpotTraining": true', '"EnableManagedSpotTraining": true, "Extra": 1'],
  ['"Parameters"', '"Arguments"'], ['"Gzip"', '"None"'], ['"Pipe"', '"File"'], ['"/opt/ml/processing/in"', '"opt/in"'], ['"S3CompressionType"', '"S3CompressionTyp"'], ['"1"', '1'], ['"train"', '"train-0"'], ['"hp1"', '"hp1.$"'], ['"ChannelName"', '"ChannelNam"'], ['"ml.m5.large"', '{ "Ref": "InstanceType" }'], ['"Ref"', '"Rf"'], ['"Fn::GetAtt"', '"Fn::GetAt"'], ['"S3Prefix"', '"ManifestFile"'], ['"SplitType": "Line",', ''], ['"TransformInput": {', '"TransformInput": { "SplitType": "Line",'],
];
const TYPED = ['1', '0', '"', ' ', '\n', ',', 'a', '-', '}', '{', ':'];

type Change = { range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string };
const rangeOf = (doc: TextDocument, at: number, length: number) => ({ start: doc.positionAt(at), end: doc.positionAt(at + length) });

/** One didChange's content changes. */
function edit(g: G, doc: TextDocument, tally: Tally): Change[] {
  const text = doc.getText();
  const kind = pick(g, ['type', 'type', 'replaceAll', 'replaceAll', 'replaceAll', 'member', 'queryLanguage']);
  tally.add(`edit:${kind}`);
  switch (kind) {
    case 'replaceAll': {
      let [from, to] = pick(g, REPLACE_ALL);
      if (chance(g, 50)) [from, to] = [to, from];
      const places: number[] = [];
      for (let i = text.indexOf(from); i >= 0 && from; i = text.indexOf(from, i + from.length)) places.push(i);
      // As VS Code sends a Replace All: the last place first.
      return places.reverse().map((at) => ({ range: rangeOf(doc, at, from.length), text: to }));
    }
    case 'member': {
      // A member added at the top of an object (moving everything after it), or a line deleted.
      const opens = [...text.matchAll(/\{/g)].map((m) => m.index!);
      if (chance(g, 60) && opens.length) return [{ range: rangeOf(doc, pick(g, opens) + 1, 0), text: pick(g, [' "Comment": "moved",', '\n"Comment": "a longer comment that moves what follows",']) }];
      const lines = [...text.matchAll(/\n/g)].map((m) => m.index!);
      if (lines.length < 2) return [];
      const i = g(fc.integer, { min: 0, max: lines.length - 2 });
      return [{ range: rangeOf(doc, lines[i], lines[i + 1] - lines[i]), text: '' }];
    }
    case 'queryLanguage': {
      const at = text.indexOf('"QueryLanguage": "JSONata",');
      if (at >= 0) return [{ range: rangeOf(doc, at, '"QueryLanguage": "JSONata",'.length), text: '' }];
      // Beside the machine's Comment: the machine's own field, in a template too.
      const comment = text.indexOf('"Comment": "fixes"');
      return comment >= 0 ? [{ range: rangeOf(doc, comment, 0), text: '"QueryLanguage": "JSONata",' }] : [];
    }
    default: {
      // Mostly a keystroke inside a string or a number, which keeps the document reading (re-parsed in place).
      const tokens = [...text.matchAll(/"[^"\\\n]*"|\d+/g)];
      if (tokens.length && chance(g, 85)) {
        const m = pick(g, tokens);
        const inside = m[0].startsWith('"') ? [1, m[0].length - 1] : [0, m[0].length];
        const at = m.index! + g(fc.integer, { min: inside[0], max: inside[1] });
        const typed = m[0].startsWith('"') ? pick(g, ['a', '-', '_', ' ', '1', 'é']) : pick(g, ['0', '1', '9']);
        return [chance(g, 60) || at === m.index! + inside[1] ? { range: rangeOf(doc, at, 0), text: typed } : { range: rangeOf(doc, at, 1), text: '' }];
      }
      const at = g(fc.integer, { min: 0, max: text.length });
      return [chance(g, 50) || at === text.length ? { range: rangeOf(doc, at, 0), text: pick(g, TYPED) } : { range: rangeOf(doc, at, 1), text: '' }];
    }
  }
}

const applyEdits = (text: string, edits: TextEdit[]) => TextDocument.applyEdits(TextDocument.create('file:///x', 'asl', 1, text), edits);

/** What the findings and their fixes write, without offsets: fix-all's text, each quick fix's title and text. */
function fixesOf(service: LanguageService, doc: TextDocument) {
  const text = doc.getText();
  const problems = service.validate(doc);
  const quickFixes = problems.map((p) => {
    const range = { start: doc.positionAt(p.offset), end: doc.positionAt(p.offset + p.length) };
    const actions = service.getCodeActions(doc, range, ['quickfix']);
    return {
      finding: `${p.code} ${JSON.stringify(text.slice(p.offset, p.offset + p.length))} ${p.message}`,
      fixes: actions.map((a) => `${a.isPreferred ? '* ' : ''}${a.title}\n${applyEdits(text, a.edit?.changes?.[doc.uri] ?? [])}`),
    };
  });
  return { fixAll: applyEdits(text, service.fixAll(doc)), quickFixes };
}

let reference: Worker | undefined;
let requests = 0;
function freshInWorker(languageId: string, text: string): Promise<ReturnType<typeof fixesOf>> {
  reference ??= new Worker(__filename);
  const id = requests++;
  return new Promise((resolve, reject) => {
    const onMessage = (m: { id: number; result: ReturnType<typeof fixesOf> }) => {
      if (m.id !== id) return;
      reference!.off('message', onMessage).off('error', reject);
      resolve(m.result);
    };
    reference!.on('message', onMessage).once('error', reject);
    reference!.postMessage({ id, languageId, text });
  });
}

if (!isMainThread) {
  const service = getLanguageService();
  let n = 0;
  parentPort!.on('message', ({ id, languageId, text }: { id: number; languageId: string; text: string }) => {
    parentPort!.postMessage({ id, result: fixesOf(service, TextDocument.create(`file:///reference/${n++}.json`, languageId, 1, text)) });
  });
} else {
  after(() => reference?.terminate());

  test('JSON: after typing, Replace All and moved members, every quick fix and fix-all write what they write on a fresh open', async (t) => {
    const service = getLanguageService();
    const tally = new Tally();
    const params = fuzzParams('fixes after edits', 40);
    t.diagnostic(`seed ${params.seed}, ${params.numRuns} runs (FUZZ_SEED / FUZZ_RUNS to change)`);
    let uris = 0;
    await checkAsync(
      fc.asyncProperty(fc.gen(), async (g) => {
        const languageId = pick(g, ['asl', 'json']);
        let doc = SyncedDocument.create(`file:///fixes/${uris++}.json`, languageId, 1, machineText(g));
        service.validate(doc);
        let checked = service.parse(doc).root;
        const log: string[] = [];
        const edits = g(fc.integer, { min: 1, max: 8 });
        for (let i = 0; i < edits; i++) {
          const changes = edit(g, doc, tally);
          if (!changes.length) continue;
          log.push(JSON.stringify(changes).slice(0, 300));
          doc = updateDocument(doc, changes, doc.version + 1);
          // As the server does on every change; the checks run after a pause, so not after every version.
          service.prepare(doc);
          if (chance(g, 50)) {
            const root = checked;
            service.validate(doc);
            checked = service.parse(doc).root;
            tally.add(checked && checked === root ? 'checked-in-place' : 'checked-after-full-parse');
          }
          if (chance(g, 20)) service.fixAll(doc);
        }
        const here = fixesOf(service, doc);
        const fresh = await freshInWorker(languageId, doc.getText());
        tally.add('documents');
        tally.add('quick-fixes', here.quickFixes.reduce((n, q) => n + q.fixes.length, 0));
        if (here.fixAll !== doc.getText()) tally.add('fix-all-changes');
        assert.deepEqual(here.quickFixes.map((q) => q.finding), fresh.quickFixes.map((q) => q.finding), `findings after the edits equal a fresh open's:\n${log.join('\n')}`);
        assert.deepEqual(here.quickFixes, fresh.quickFixes, `quick fixes after the edits write what a fresh open's write:\n${log.join('\n')}`);
        assert.equal(here.fixAll, fresh.fixAll, `fix-all after the edits writes what a fresh open's writes:\n${log.join('\n')}`);
      }),
      params,
    );
    t.diagnostic(`${tally}`);
  });
}

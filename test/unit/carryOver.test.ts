// After an edit the model, the SageMaker tasks and the data flow are taken over when the edit cannot change them
// (service/carryOver.ts), and findings are moved with the text (core/findingsCache.ts, machine findings per model).
// Whatever was taken over, the findings must be exactly those of a fresh open of the same text, at the same places.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../../server/src/service/languageService';

const machine = {
  Comment: 'carry-over',
  StartAt: 'Train',
  States: {
    Train: {
      Type: 'Task',
      Resource: 'arn:aws:states:::sagemaker:createTrainingJob.sync',
      Parameters: {
        TrainingJobName: 'train-1',
        RoleArn: 'arn:aws:iam::111122223333:role/SageMakerRole',
        AlgorithmSpecification: { TrainingImage: '382416733822.dkr.ecr.us-east-1.amazonaws.com/xgboost:1', TrainingInputMode: 'File' },
        OutputDataConfig: { S3OutputPath: 's3://bucket/output' },
        ResourceConfig: { InstanceCount: 1, InstanceType: 'ml.m5.large', VolumeSizeInGB: 10 },
        StoppingCondition: { MaxRuntimeInSeconds: 3600 },
      },
      ResultPath: '$.train',
      Next: 'Model',
    },
    Model: {
      Type: 'Task',
      Resource: 'arn:aws:states:::sagemaker:createModel',
      Parameters: {
        ModelName: 'model-1',
        ExecutionRoleArn: 'arn:aws:iam::111122223333:role/SageMakerRole',
        PrimaryContainer: { Image: '382416733822.dkr.ecr.us-east-1.amazonaws.com/xgboost:1', 'ModelDataUrl.$': '$.train.ModelArtifacts.S3ModelArtifacts' },
      },
      Next: 'Orphan',
    },
    Orphan: { Type: 'Pass', Comment: 'first', Next: 'Done' },
    Done: { Type: 'Succeed' },
    Unreachable: { Type: 'Succeed' },
  },
};

const fresh = (text: string, languageId: string) => getLanguageService().validate(TextDocument.create('file:///fresh.json', languageId, 1, text));

function replaceAt(doc: TextDocument, from: string, to: string, version: number): TextDocument {
  const text = doc.getText();
  const at = text.indexOf(from);
  assert.ok(at >= 0, from);
  return TextDocument.update(doc, [{ range: { start: doc.positionAt(at), end: doc.positionAt(at + from.length) }, text: to }], version);
}

/** Each edit in turn, validated after each: the findings equal a fresh open's, and `expect` holds on them. */
function walk(languageId: string, text: string, edits: [string, string, (codes: string[], messages: string[]) => void][]) {
  const service = getLanguageService();
  let doc = TextDocument.create('file:///edited.json', languageId, 1, text);
  service.validate(doc);
  let version = 1;
  for (const [from, to, expect] of edits) {
    doc = replaceAt(doc, from, to, ++version);
    const problems = service.validate(doc);
    assert.deepEqual(problems, fresh(doc.getText(), languageId), `after ${from} -> ${to}`);
    expect(problems.map((p) => p.code), problems.map((p) => p.message));
  }
}

const has = (code: string) => (codes: string[]) => assert.ok(codes.includes(code), `${code} in ${codes.join(', ')}`);
const hasNot = (code: string) => (codes: string[]) => assert.ok(!codes.includes(code), `no ${code} in ${codes.join(', ')}`);

test('edits inside a Task payload, a comment and elsewhere keep every finding right and in place', () => {
  walk('asl', JSON.stringify(machine, null, 2), [
    // Inside the model's Parameters: a data-flow typo appears, then goes, the unreachable state stays reported.
    ['S3ModelArtifacts"', 'S3ModelArtifact"', has('path-not-in-input')],
    ['S3ModelArtifact"', 'S3ModelArtifacts"', hasNot('path-not-in-input')],
    // Text inserted before everything moves the findings of the carried-over model.
    ['"Comment": "carry-over"', '"Comment": "carry-over, now with a much longer comment"', has('asl-unreachable-state')],
    // A state's own comment, and a payload value that changes the SageMaker findings.
    ['"first"', '"second, longer"', has('asl-unreachable-state')],
    ['"train-1"', '"train_1"', has('pattern')],
    ['"train_1"', '"train-1"', hasNot('pattern')],
    // A transition: the model is rebuilt.
    ['"Next": "Done"', '"Next": "Unreachable"', has('asl-unreachable-state')],
  ]);
});

test('an edit in one machine of a template keeps the other machine\'s findings in place', () => {
  const template = JSON.stringify({
    Resources: {
      First: { Type: 'AWS::StepFunctions::StateMachine', Properties: { Definition: machine } },
      Second: { Type: 'AWS::StepFunctions::StateMachine', Properties: { Definition: { ...machine, Comment: 'second' } } },
    },
  }, null, 2);
  walk('json', template, [
    ['S3ModelArtifacts"', 'S3ModelArtifact"', has('path-not-in-input')],
    ['"carry-over"', '"carry-over, longer"', has('path-not-in-input')],
    ['S3ModelArtifact"', 'S3ModelArtifacts"', hasNot('path-not-in-input')],
  ]);
});

test('a documented rule\'s quick fix still lands in place after an edit above its task moved it', () => {
  const spot = structuredClone(machine) as any;
  spot.States.Train.Parameters.EnableManagedSpotTraining = true; // then MaxWaitTimeInSeconds is required: fix copies MaxRuntimeInSeconds
  const service = getLanguageService();
  let doc = TextDocument.create('file:///spot.json', 'asl', 1, JSON.stringify(spot, null, 2));
  const fixed = (d: TextDocument) => JSON.parse(TextDocument.applyEdits(d, service.fixAll(d))).States.Train.Parameters.StoppingCondition;
  assert.deepEqual(fixed(doc), { MaxRuntimeInSeconds: 3600, MaxWaitTimeInSeconds: 3600 });
  // The finding (cached with its task) moves with the text; the fix it carries must move with it.
  doc = replaceAt(doc, '"carry-over"', '"carry-over, with a comment long enough to move every state"', 2);
  assert.deepEqual(fixed(doc), { MaxRuntimeInSeconds: 3600, MaxWaitTimeInSeconds: 3600 });
  // The same task text in another document at another place (the findings cache is keyed by the task's text too).
  const other = TextDocument.create('file:///other.json', 'asl', 1, `\n\n    ${JSON.stringify(spot, null, 2)}`);
  assert.deepEqual(fixed(other), { MaxRuntimeInSeconds: 3600, MaxWaitTimeInSeconds: 3600 });
});

test('an edit inside the Parameters of a Task whose TimeoutSecondsPath is judged against them: the verdict follows the text (review of the day)', () => {
  const m = {
    StartAt: 'P',
    States: {
      P: { Type: 'Pass', Result: { a: 1 }, Next: 'T' },
      T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: 'f', Payload: { zz: 1 } }, TimeoutSecondsPath: '$.Payload.t', End: true },
    },
  };
  walk('asl', JSON.stringify(m, null, 2), [
    ['"zz"', '"t"', hasNot('path-not-in-input')],
    ['"t": 1', '"zz": 1', has('path-not-in-input')],
  ]);
});

// Living next to the AWS Toolkit: `sagemakerAsl.validation.structure: false` leaves the ASL structure findings to
// the other tool and keeps the SageMaker ones, whether it comes as initializationOptions or as a setting.
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
// @ts-expect-error: a plain ES module without types, vendored from the shared tools
import { LspClient } from './lsp-client.mjs';
import { root, SERVER } from './setup';

// A structure mistake (a state nothing leads to) and a SageMaker one (a training job name with "_").
const text = JSON.stringify({
  StartAt: 'Train',
  States: {
    Train: { Type: 'Task', Resource: 'arn:aws:states:::sagemaker:createTrainingJob.sync', End: true,
      Parameters: { TrainingJobName: 'bad_name', RoleArn: 'arn:aws:iam::123456789012:role/r', OutputDataConfig: { S3OutputPath: 's3://b/o' },
        AlgorithmSpecification: { TrainingImage: '382416733822.dkr.ecr.us-east-1.amazonaws.com/linear-learner:1', TrainingInputMode: 'File' },
        ResourceConfig: { InstanceCount: 1, InstanceType: 'ml.m5.xlarge', VolumeSizeInGB: 10 } } },
    Lost: { Type: 'Succeed' },
  },
}, null, 2);
const sources = (diags: { source: string; code: string }[]) => diags.map((d) => `${d.source} ${d.code}`).sort();
const BOTH = ['asl asl-unreachable-state', 'sagemaker pattern'];

describe('sagemakerAsl.validation.structure', () => {
  const clients: any[] = [];
  const start = async (options: object) => {
    const c = await LspClient.start(SERVER, root, options);
    clients.push(c);
    return c;
  };
  after(async () => {
    for (const c of clients) await c.stop();
  });

  test('by default both the structure and the SageMaker findings are shown', async () => {
    const c = await start({});
    assert.deepEqual(sources(await c.open('file:///w/a.asl.json', 'asl', text)), BOTH);
  });
  test('false in initializationOptions: only the SageMaker findings', async () => {
    const c = await start({ initializationOptions: { validation: { structure: false } } });
    assert.deepEqual(sources(await c.open('file:///w/a.asl.json', 'asl', text)), ['sagemaker pattern']);
  });
  test('false as a setting, and back to true when the setting changes', async () => {
    const c = await start({ settings: { sagemakerAsl: { validation: { structure: false } } } });
    assert.deepEqual(sources(await c.open('file:///w/a.asl.json', 'asl', text)), ['sagemaker pattern']);
    c.settings = { sagemakerAsl: { validation: { structure: true } } };
    const t0 = performance.now();
    c.notify('workspace/didChangeConfiguration', { settings: null });
    assert.deepEqual(sources(await c.diagnosticsFor('file:///w/a.asl.json', t0)), BOTH);
  });
});

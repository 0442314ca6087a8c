// Hover on the States Language's keywords over the wire (dist/server.js over stdio): the quotes come from
// dist/schemas/asl-docs.json, which the server reads on the first hover (scripts/build.mjs puts it there).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
// @ts-expect-error: a plain ES module without types, vendored from the shared tools
import { positionAt } from './lsp-client.mjs';
import { useServer } from './setup';

const MACHINE = JSON.stringify(
  {
    StartAt: 'Train',
    States: {
      Train: {
        Type: 'Task',
        Resource: 'arn:aws:states:::sagemaker:createTrainingJob.sync',
        Parameters: { TrainingJobName: 'churn' },
        TimeoutSeconds: 3600,
        Retry: [{ ErrorEquals: ['States.TaskFailed'], IntervalSeconds: 10, MaxAttempts: 2 }],
        End: true,
      },
    },
  },
  null,
  2,
);

describe('hover on ASL keywords over LSP', () => {
  const client = useServer();

  test('a state field, a retrier field, an error name: quotes with their sources; a request key keeps its SageMaker hover', async () => {
    const uri = 'file:///w/asl-hover.asl.json';
    await client.open(uri, 'asl', MACHINE);
    const hoverAt = async (find: string, shift = 2) => (await client.hover(uri, positionAt(MACHINE, MACHINE.indexOf(find) + shift))) as any;

    const retry = await hoverAt('"Retry"');
    assert.equal(retry.contents.kind, 'markdown');
    assert.match(retry.contents.value, /^\*\*Retry\*\* · field of Task, Parallel and Map states\n\n> Task States, Parallel States, and Map States MAY have a field named "Retry"/);
    assert.match(retry.contents.value, /\[Amazon States Language\]\(https:\/\/states-language\.net\/spec\.html#retrying-after-error\)$/);
    assert.deepEqual(retry.range, { start: positionAt(MACHINE, MACHINE.indexOf('"Retry"')), end: positionAt(MACHINE, MACHINE.indexOf('"Retry"') + '"Retry"'.length) });

    assert.match((await hoverAt('"TimeoutSeconds"')).contents.value, /^\*\*TimeoutSeconds\*\* · field of a Task state\n\n> Timeouts/);
    assert.match((await hoverAt('"MaxAttempts"')).contents.value, /^\*\*MaxAttempts\*\* · field of a retrier \(Retry\)/);
    assert.match((await hoverAt('"States.TaskFailed"', 9)).contents.value, /^\*\*States\.TaskFailed\*\* · predefined error name\n\n> A Task State failed during the execution\./);
    assert.match((await hoverAt('"TrainingJobName"')).contents.value, /^\*\*TrainingJobName\*\* — string, \*\*required\*\*/);
    assert.match((await hoverAt('"Parameters"')).contents.value, /^\*\*Parameters\*\* · field of Task, Pass, Parallel and Map states · JSONPath only\n/);
  });

  test('a Distributed Map\'s settings field and a value the language fixes', async () => {
    const uri = 'file:///w/asl-hover-settings.asl.yaml';
    const text = [
      'StartAt: Each',
      'States:',
      '  Each:',
      '    Type: Map',
      '    ItemProcessor:',
      '      ProcessorConfig: {Mode: DISTRIBUTED, ExecutionType: STANDARD}',
      '      StartAt: P',
      '      States:',
      '        P: {Type: Pass, End: true}',
      '    ItemBatcher:',
      '      MaxItemsPerBatch: 10',
      '    Retry:',
      '      - ErrorEquals: [States.ALL]',
      '        JitterStrategy: FULL',
      '    End: true',
      '',
    ].join('\n');
    await client.open(uri, 'asl-yaml', text);
    const at = async (find: string) => ((await client.hover(uri, positionAt(text, text.indexOf(find) + 2))) as any).contents.value as string;
    assert.match(await at('MaxItemsPerBatch'), /^\*\*MaxItemsPerBatch\*\* · field of ItemBatcher\n\n> An ItemBatcher Configuration MAY have a "MaxItemsPerBatch" field/);
    assert.match(await at('Mode'), /^\*\*Mode\*\* · field of ProcessorConfig · one of INLINE, DISTRIBUTED\n/);
    assert.match(await at('DISTRIBUTED'), /^\*\*DISTRIBUTED\*\* · value of ProcessorConfig\.Mode\n[^]*> Distributed – High-concurrency mode\./);
    assert.match(await at('FULL'), /^\*\*FULL\*\* · value of JitterStrategy\n\n> a field named "JitterStrategy"[^]*\[AWS Step Functions Developer Guide\]\(https:\/\/docs\.aws\.amazon\.com\/step-functions\/latest\/dg\/concepts-error-handling\.html#error-handling-retrying-after-an-error\)$/);
  });

  test('YAML: the same keywords', async () => {
    const uri = 'file:///w/asl-hover.asl.yaml';
    const text = 'StartAt: Wait\nStates:\n  Wait:\n    Type: Wait\n    Seconds: 10\n    End: true\n';
    await client.open(uri, 'asl-yaml', text);
    const seconds = (await client.hover(uri, positionAt(text, text.indexOf('Seconds') + 2))) as any;
    assert.match(seconds.contents.value, /^\*\*Seconds\*\* · field of a Wait state\n\n> The time can be specified as a wait duration, specified in seconds/);
    const type = (await client.hover(uri, positionAt(text, text.indexOf('Type: Wait') + 7))) as any;
    assert.match(type.contents.value, /^\*\*Wait\*\* · state type\n/);
  });
});

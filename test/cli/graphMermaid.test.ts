// `sagemaker-asl graph --format mermaid` is read by Mermaid's own parser (the `mermaid` package, in jsdom), not
// by a look-alike: the built CLI on machines with every state type, nested groups, missing states and hostile
// names and conditions, in JSON and YAML; the CLI's own function on every machine of the corpus (one process
// per file would take minutes) and on generated names; and Mermaid's default size limits.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { graphCommand } from '../../server/src/cli/graph';
import { MERMAID_MAX_LINKS, MERMAID_MAX_TEXT } from '../../server/src/service/graph/renderMermaid';
import { checkAsync, fuzzParams } from '../fuzz/generators';
import { root, run, tempDir } from './helpers';

let parse: (text: string) => Promise<unknown>;
let defaults: { maxEdges?: number; maxTextSize?: number };

before(async () => {
  // Mermaid needs a DOM (DOMPurify) even to parse.
  const { JSDOM } = await import('jsdom');
  const dom = new JSDOM('');
  Object.assign(globalThis, { window: dom.window, document: dom.window.document });
  const { default: mermaid } = await import('mermaid');
  parse = (text) => mermaid.parse(text);
  defaults = mermaid.mermaidAPI.getConfig();
});

/** Why Mermaid's parser refuses `text`, or undefined. */
async function mermaidRefusal(text: string): Promise<string | undefined> {
  try {
    await parse(text);
    return undefined;
  } catch (e) {
    return String((e as Error).message ?? e).slice(0, 600);
  }
}

const dir = tempDir();
after(() => rmSync(dir, { recursive: true, force: true }));

/** The built CLI's Mermaid for `text` saved as `file`; fails on a non-zero exit or anything on stderr. */
function cliMermaid(file: string, text: string): string {
  writeFileSync(join(dir, file), text);
  const r = run(dir, ['graph', '--format', 'mermaid', file]);
  assert.equal(r.status, 0, `${file}: ${r.err}`);
  assert.equal(r.err, '', file);
  return r.out;
}

async function assertParses(file: string, text: string) {
  const out = cliMermaid(file, text);
  assert.equal(await mermaidRefusal(out), undefined, `${file}:\n${out}`);
  return out;
}

const sagemaker = (api: string, parameters: object, extra: object = {}) => ({ Type: 'Task', Resource: `arn:aws:states:::sagemaker:${api}`, Parameters: parameters, ...extra });

/** One state of every type, and every kind of Task the graph names differently. */
const EVERY_TYPE = {
  Comment: 'every state type',
  StartAt: 'Train',
  States: {
    Train: sagemaker('createTrainingJob.sync', { TrainingJobName: 'bad_name', ResourceConfig: { InstanceType: 'ml.m5.large', InstanceCount: 2 }, StoppingCondition: { MaxRuntimeInSeconds: 3600 } }, {
      Retry: [{ ErrorEquals: ['SageMaker.AmazonSageMakerException'], MaxAttempts: 2 }],
      Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Failed' }],
      Next: 'Model',
    }),
    Model: sagemaker('createModel', { ModelName: 'm', ExecutionRoleArn: 'arn:aws:iam::1:role/R' }, { Next: 'Invoke' }),
    Invoke: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: 'f' }, Next: 'Activity' },
    Activity: { Type: 'Task', Resource: 'arn:aws:states:us-east-1:111122223333:activity:approve', Next: 'Wait' },
    Wait: { Type: 'Wait', Seconds: 5, Next: 'Shape' },
    Shape: { Type: 'Pass', Result: { a: 1 }, Next: 'Route' },
    Route: {
      Type: 'Choice',
      Choices: [
        { Variable: '$.n', NumericGreaterThanEquals: 0.8, Next: 'Fan' },
        { And: [{ Variable: '$.a', IsPresent: true }, { Not: { Variable: '$.b', StringMatches: 'x*' } }], Next: 'Each' },
        { Or: [{ Variable: '$.t', TimestampLessThanPath: '$.u' }, { Variable: '$.c', BooleanEquals: false }], Next: 'Old map' },
      ],
      Default: 'Odd',
    },
    Fan: { Type: 'Parallel', Next: 'Done', Branches: [
      { StartAt: 'A', States: { A: { Type: 'Pass', End: true } } },
      { StartAt: 'B', States: { B: { Type: 'Succeed' } } },
    ] },
    Each: { Type: 'Map', Next: 'Done', ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, StartAt: 'Transform', States: {
      Transform: sagemaker('createTransformJob.sync', { TransformJobName: 't', ModelName: 'm', TransformResources: { InstanceType: 'ml.m5.xlarge', InstanceCount: 1 } }, { End: true }),
    } } },
    'Old map': { Type: 'Map', Next: 'Done', Iterator: { StartAt: 'Process', States: { Process: sagemaker('createProcessingJob', { ProcessingJobName: 'p' }, { End: true }) } } },
    Odd: { Type: 'Loop', Next: 'Typeless' },
    Typeless: { Next: 'Done' },
    Done: { Type: 'Succeed' },
    Failed: { Type: 'Fail', Error: 'E', Cause: 'c' },
  },
};

const EVERY_TYPE_YAML = `Comment: every state type, in YAML
StartAt: Train
States:
  Train:
    Type: Task
    Resource: arn:aws:states:::sagemaker:createHyperParameterTuningJob.sync
    Parameters:
      HyperParameterTuningJobName: tune
      TrainingJobDefinition:
        ResourceConfig: {InstanceType: ml.c5.xlarge, InstanceCount: 4}
        StoppingCondition: {MaxRuntimeInSeconds: 86400}
    Retry:
      - ErrorEquals: [States.Timeout]
    Catch:
      - ErrorEquals: [States.ALL]
        Next: Failed
    Next: Endpoint
  Endpoint:
    Type: Task
    Resource: arn:aws:states:::sagemaker:createEndpoint
    Parameters: {EndpointName: e, EndpointConfigName: c}
    Next: Wait
  Wait: {Type: Wait, SecondsPath: $.wait, Next: Route}
  Route:
    Type: Choice
    QueryLanguage: JSONata
    Choices:
      - Condition: '{% $states.input.score > 0.8 and $states.input.name = "a|b" %}'
        Next: Fan
    Default: Each
  Fan:
    Type: Parallel
    End: true
    Branches:
      - StartAt: P
        States:
          P: {Type: Pass, End: true}
  Each:
    Type: Map
    ItemProcessor:
      StartAt: Label
      States:
        Label:
          Type: Task
          Resource: arn:aws:states:::sagemaker:createLabelingJob
          Parameters: {LabelingJobName: l}
          End: true
    Next: Failed
  Failed: {Type: Fail}
`;

/** Parallel in Map in Parallel…, `depth` levels, with empty branches and a Map without a processor on the way. */
function nested(depth: number): object {
  let inner: object = { StartAt: 'Leaf', States: { Leaf: { Type: 'Pass', End: true } } };
  for (let d = depth; d > 0; d--) {
    const name = `Level ${d}`;
    const state = d % 2
      ? { Type: 'Parallel', End: true, Branches: [inner, { States: {} }, { StartAt: `Side ${d}`, States: { [`Side ${d}`]: { Type: 'Map', End: true } } }] }
      : { Type: 'Map', End: true, ItemProcessor: inner };
    inner = { StartAt: name, States: { [name]: state } };
  }
  return inner;
}

/** Names, values and conditions that mean something to Mermaid's lexer, HTML, Markdown or a terminal. */
const HOSTILE = [
  'a"b', "a'b", '""', '[x]', '(x)', '{x}', '{{x}}', '((x))', '>x]', '[/x/]', 'a]b', '"]', ']]', 'a|b', '||', '#x', '#quot;', '#35;',
  '&amp;', '&', '&#123;', 'a;b', ';', '<b>x</b>', '<br/>', '<script>alert(1)</script>', '%%x', '%% x %%', '%%{init: {"theme": "dark"}}%%',
  '%', '`x`', '`x', 'x`', '"`x`"', '```', '**bold**', '$x', '\\', 'a\\b', 'a\nb', 'a\r\nb', 'a\tb', '-->', '--x', 'x-->y', 'x -.-> y',
  '==>', 'end', 'END', 'subgraph', 'direction', 'click', 'style', 'classDef', 'class', 'linkStyle', 'a:::b', '@{ shape: rect }', 'A&B', 'x---y',
  'ünï©ødé', '日本語の状態', '🚀 deploy', 'مرحبا', '\u200b', '\u2028', '\ufeff', ' ', '  lead and trail  ', '__proto__', 'constructor',
  'A'.repeat(300),
];

function hostileMachine(): object {
  const states: Record<string, object> = {};
  HOSTILE.forEach((name, i) => {
    const next = HOSTILE[i + 1] ?? 'Route';
    states[name] = i % 3 === 0
      ? { Type: 'Task', Resource: `arn:aws:lambda:us-east-1:111122223333:function:${name}`, Retry: [{ ErrorEquals: [name] }], Catch: [{ ErrorEquals: [name, 'States.ALL'], Next: 'Route' }], Next: next }
      : i % 3 === 1
        ? { Type: name, Next: next }
        : { Type: 'Pass', Next: next };
  });
  states.Route = {
    Type: 'Choice',
    Choices: [
      ...HOSTILE.map((name, i) => ({ Variable: `$['${name}']`, StringEquals: name, Next: HOSTILE[(i + 7) % HOSTILE.length] })),
      { Variable: '$.x', StringEquals: `${'q'.repeat(500)}"|\`%%;#<>`, Next: 'missing "|`%%;#<>' },
      { And: HOSTILE.slice(0, 40).map((name) => ({ Variable: `$.${name}`, StringMatches: `*${name}*` })), Next: 'Sage' },
      { Not: { Or: [{ Variable: '$.a', NumericLessThanPath: '$.b[?(@.c > 1)]' }, { Variable: '$.d', IsNull: true }] }, Next: 'Sage' },
    ],
    Default: '%%',
  };
  states.Sage = sagemaker('createTrainingJob', { TrainingJobName: 'x`|"#;<>', ResourceConfig: { InstanceType: 'ml.<"`|#%%;>', InstanceCount: 3 } }, { End: true });
  return { StartAt: HOSTILE[0], States: states };
}

const JSONATA_HOSTILE = {
  QueryLanguage: 'JSONata',
  StartAt: 'Route',
  States: {
    Route: {
      Type: 'Choice',
      Choices: [
        { Condition: '{% $states.input.a = "a|b" and `q` %%; #<> %}', Next: 'nowhere"|`' },
        { Condition: `{% ${HOSTILE.slice(0, 30).map((n) => JSON.stringify(n)).join(' & ')} %}`, Next: 'Done' },
        { Condition: '{% $x = "]]" or $y = "\\"\\"" %}', Next: '`end`' },
      ],
      Default: 'Done',
    },
    Done: { Type: 'Succeed' },
  },
};

describe('Mermaid parses the CLI\'s flowcharts', () => {
  test('the parser is the real one: it refuses what Mermaid cannot read', async () => {
    for (const bad of ['flowchart TD\n  a["x"y"]', 'flowchart TD\n  a["`x"]', 'flowchart TD\n  subgraph a["x"]\n  b --> c\n  end\n  end', 'flowchart TD\n  a[x] -->|"l| b'])
      assert.notEqual(await mermaidRefusal(bad), undefined, bad);
    assert.equal(await mermaidRefusal('flowchart TD\n  a["#96;x#96; #quot;#35;"] --> b(("y"))'), undefined);
  });

  test('every state type, in JSON and in YAML', async () => {
    const json = await assertParses('types.asl.json', JSON.stringify(EVERY_TYPE, null, 2));
    for (const shape of ['s0["Train<br/>SageMaker training .sync<br/>ml.m5.large × 2 · max 1 h ↻<br/>⛔', '{{"Route<br/>Choice<br/>⚠️', '[/"Wait<br/>Wait"/]', '("Shape<br/>Pass")', '(["Done<br/>Succeed"])', '(["Failed<br/>Fail"])', 'subgraph', '"Odd<br/>Type Loop?', '"Typeless<br/>no Type'])
      assert.ok(json.includes(shape), `${shape}\n${json}`);
    const yaml = await assertParses('types.asl.yaml', EVERY_TYPE_YAML);
    // A tuning job's instances and time limit are each training job's.
    assert.ok(yaml.includes('SageMaker tuning .sync<br/>each ml.c5.xlarge × 4 · max 1 d'), yaml);
  });

  test('groups nested twelve deep, empty branches and a Map without a processor', async () => {
    const out = await assertParses('nested.asl.json', JSON.stringify(nested(12)));
    assert.equal((out.match(/^\s*subgraph /gm) ?? []).length, (out.match(/^\s*end$/gm) ?? []).length);
    assert.ok((out.match(/^\s*subgraph /gm) ?? []).length >= 12 + 12);
  });

  test('transitions to states that do not exist, at the top and inside groups', async () => {
    const text = JSON.stringify({
      StartAt: 'Nope',
      States: {
        A: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Next: 'Gone', Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Gone "too"' }] },
        C: { Type: 'Choice', Choices: [{ Variable: '$.x', IsString: true, Next: 'Gone' }], Default: '<Gone>' },
        P: { Type: 'Parallel', Next: 'A', Branches: [{ StartAt: 'X', States: { X: { Type: 'Pass', Next: 'Gone' } } }, { StartAt: 'Absent', States: {} }] },
      },
    });
    const out = await assertParses('missing.asl.json', text);
    assert.equal((out.match(/>"[^"]*<br\/>missing state"\]/g) ?? []).length, 6, out);
  });

  test('hostile names, types, resources, errors and long conditions, in JSONPath and JSONata', async () => {
    const out = await assertParses('hostile.asl.json', JSON.stringify(hostileMachine(), null, 1));
    assert.ok(out.includes('#96;x#96;'), 'a backtick is an entity code');
    assert.ok(out.includes('#lt;br/#gt;'), 'a name holding <br/> shows it');
    assert.ok(!out.includes('%%'), 'no directive or comment: every % is an entity code');
    await assertParses('jsonata.asl.json', JSON.stringify(JSONATA_HOSTILE));
    // The same hostile names as YAML keys and values.
    const yaml = ['StartAt: Route', 'States:', '  Route:', '    Type: Choice', '    Choices:', ...HOSTILE.filter((n) => !/[\r\n\u2028]/.test(n)).flatMap((n) => [`      - Variable: $.x`, `        StringEquals: ${JSON.stringify(n)}`, `        Next: ${JSON.stringify(n)}`]), '    Default: Route'].join('\n');
    await assertParses('hostile.asl.yaml', yaml);
  });

  test('every machine of the corpus (graphCommand, what the CLI prints)', async () => {
    const corpus = join(root, 'test', 'fixtures', 'corpus');
    const files = readdirSync(corpus).filter((f) => /\.(json|ya?ml)$/.test(f)).sort();
    assert.ok(files.length >= 300);
    for (const f of files) {
      const out = graphCommand(readFileSync(join(corpus, f), 'utf8'), /\.ya?ml$/.test(f) ? 'asl-yaml' : 'asl', 'mermaid');
      assert.equal(await mermaidRefusal(out), undefined, f);
    }
  });

  test('generated state names, Choice values and catcher errors', async () => {
    const char = fc.oneof(fc.constantFrom(...'"\'`#;|[](){}<>%&\\/:-.=*@ \n\t'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }));
    const name = fc.string({ unit: char, minLength: 1, maxLength: 40 });
    await checkAsync(
      fc.asyncProperty(fc.uniqueArray(name, { minLength: 1, maxLength: 6 }), name, async (names, value) => {
        const states: Record<string, object> = {};
        names.forEach((n, i) => {
          states[n] = i === 0
            ? { Type: 'Choice', Choices: [{ Variable: '$.v', StringEquals: value, Next: names[names.length - 1] }], Default: value }
            : { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Catch: [{ ErrorEquals: [value], Next: names[0] }], End: true };
        });
        const out = graphCommand(JSON.stringify({ StartAt: names[0], States: states }), 'asl', 'mermaid');
        const refusal = await mermaidRefusal(out);
        assert.equal(refusal, undefined, `${refusal}\n${out}`);
      }),
      fuzzParams('graph mermaid names', 100),
    );
  });
});

describe('Mermaid\'s default limits', () => {
  test('are the ones the CLI warns about', () => {
    assert.deepEqual([defaults.maxEdges, defaults.maxTextSize], [MERMAID_MAX_LINKS, MERMAID_MAX_TEXT]);
  });

  /** A chain of `n` Pass states: n + 1 links with the start and the end. */
  const chain = (n: number) => JSON.stringify({ StartAt: 'S0', States: Object.fromEntries(Array.from({ length: n }, (_, i) => [`S${i}`, i + 1 < n ? { Type: 'Pass', Next: `S${i + 1}` } : { Type: 'Succeed' }])) });

  test('at the link limit Mermaid parses it and the CLI is quiet; one more and Mermaid refuses, and the CLI says so', async () => {
    const atLimit = await assertParses('limit.asl.json', chain(MERMAID_MAX_LINKS - 1));
    assert.equal((atLimit.match(/ -\.?-> /g) ?? []).length, MERMAID_MAX_LINKS);
    writeFileSync(join(dir, 'over.asl.json'), chain(MERMAID_MAX_LINKS));
    const r = run(dir, ['graph', '--format', 'mermaid', 'over.asl.json']);
    assert.equal(r.status, 0, r.err);
    assert.match(await mermaidRefusal(r.out) ?? '', /Edge limit exceeded/);
    assert.equal(r.err, `sagemaker-asl: warning: over.asl.json: the flowchart has ${MERMAID_MAX_LINKS + 1} links, and Mermaid's default limit is ${MERMAID_MAX_LINKS} (maxEdges): Mermaid refuses to draw it unless set up with a higher one (--format svg draws any size)\n`);
  });

  test('a text over the size limit: the CLI says so (Mermaid replaces it with an error when drawing, not when parsing)', () => {
    // 400 SageMaker jobs with long names: fewer links than the limit, more text.
    const states = Object.fromEntries(Array.from({ length: 400 }, (_, i) => [`Train the customer churn model, step ${i}`, sagemaker('createTrainingJob.sync', { ResourceConfig: { InstanceType: 'ml.m5.large', InstanceCount: 2 }, StoppingCondition: { MaxRuntimeInSeconds: 3600 } }, i < 399 ? { Next: `Train the customer churn model, step ${i + 1}` } : { End: true })]));
    writeFileSync(join(dir, 'long.asl.json'), JSON.stringify({ StartAt: 'Train the customer churn model, step 0', States: states }));
    const r = run(dir, ['graph', '--format', 'mermaid', 'long.asl.json']);
    assert.equal(r.status, 0, r.err);
    assert.ok(r.out.length > MERMAID_MAX_TEXT);
    assert.equal(r.err, `sagemaker-asl: warning: long.asl.json: the flowchart has ${r.out.length} characters, and Mermaid's default limit is ${MERMAID_MAX_TEXT} (maxTextSize): Mermaid refuses to draw it unless set up with a higher one (--format svg draws any size)\n`);
  });
});

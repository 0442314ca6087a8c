// Hover on the States Language's own keywords (asl/hover.ts): what a key is depends on where it is in the machine,
// the words are quotes with their source (schemas/asl-docs.json), and every field the structure checks know has them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { aslDoc, aslDocs, CHOICE_RULE_KEYS, FIELD_VALUES, type AslDocKind } from '../../server/src/service/asl/hover';
import {
  CATCHER_FIELDS, COMMON_FIELDS, COMPARATORS, JITTER_STRATEGIES, LOGICAL, PREDEFINED_ERRORS, QUERY_LANGUAGES, RETRIER_FIELDS, ROOT_FIELDS, SETTINGS,
  STATE_FIELDS, STATE_TYPES,
} from '../../server/src/service/asl/fields';
import { INTRINSIC_FUNCTIONS, jsonataFunctions } from '../../server/src/service/expressions/index';
import { cursor, doc, service } from './helpers';

/** The functions a hover documents: the intrinsic functions and those Step Functions adds to JSONata. */
const FUNCTION_NAMES = [...INTRINSIC_FUNCTIONS.keys(), ...jsonataFunctions().filter((f) => f.stepFunctions).map((f) => `$${f.name}`)];

function hover(marked: string, languageId = 'asl'): { text: string; covers: string } {
  const [text, offset] = cursor(marked);
  const d = doc(text, languageId);
  const h = service.doHover(d, d.positionAt(offset));
  if (!h) return { text: '', covers: '' };
  return { text: (h.contents as { value: string }).value, covers: h.range ? text.slice(d.offsetAt(h.range.start), d.offsetAt(h.range.end)) : '' };
}
const md = (marked: string, languageId?: string) => hover(marked, languageId).text;

const SPEC = 'https://states-language.net/spec.html';

const TRAIN = `{
  "Comment": "train",
  "StartAt": "Train",
  "TimeoutSeconds": 86400,
  "States": {
    "Train": {
      "Type": "Task",
      "Resource": "arn:aws:states:::sagemaker:createTrainingJob.sync",
      "Parameters": { "TrainingJobName": "t", "Tags": [{ "Key": "Type", "Value": "x" }] },
      "TimeoutSeconds": 3600,
      "Retry": [ { "ErrorEquals": [ "States.TaskFailed", "MyError" ], "IntervalSeconds": 10, "MaxAttempts": 2, "BackoffRate": 2 } ],
      "Catch": [ { "ErrorEquals": [ "States.ALL" ], "ResultPath": "$.error", "Next": "Failed" } ],
      "Next": "Done"
    },
    "Done": { "Type": "Succeed" },
    "Failed": { "Type": "Fail", "Error": "TrainingFailed" }
  }
}`;
/** TRAIN with ‸ put before the n-th (from 0) occurrence of `at` plus `shift` characters. */
const at = (text: string, find: string, shift = 1, nth = 0) => {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = text.indexOf(find, i + 1);
  assert.ok(i >= 0, `${find} in the text`);
  return text.slice(0, i + shift) + '‸' + text.slice(i + shift);
};

test('a state field: the quote, its source, the state types that take it', () => {
  const h = hover(at(TRAIN, '"Retry"', 3));
  assert.equal(h.covers, '"Retry"');
  assert.equal(
    h.text,
    [
      '**Retry** · field of Task, Parallel and Map states',
      '> Task States, Parallel States, and Map States MAY have a field named "Retry", whose value MUST be an array of objects, called Retriers.',
      `[Amazon States Language](${SPEC}#retrying-after-error)`,
    ].join('\n\n'),
  );
  assert.match(md(at(TRAIN, '"TimeoutSeconds": 3600')), /^\*\*TimeoutSeconds\*\* · field of a Task state\n\n> Timeouts \(the "TimeoutSeconds" and "HeartbeatSeconds" fields\) are specified in seconds/);
  assert.match(md(at(TRAIN, '"Next": "Done"')), /^\*\*Next\*\* · field of Task, Pass, Wait, Parallel and Map states\n\n> All non-terminal states MUST have a "Next" field/);
  assert.match(md(at(TRAIN, '"Type"', 2)), /^\*\*Type\*\* · field of every state · one of Task, Pass, Choice, Wait, Succeed, Fail, Parallel or Map\n\n> All states MUST have a "Type" field\./);
  // End: what the states language asks of it, and what it does (the developer guide).
  assert.match(md(at('{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}', '"End"')), /> Designates this state as a terminal state \(ends the execution\) if set to true\./);
});

test('a field of one query language says so, and when the state has the other', () => {
  assert.match(md(at(TRAIN, '"Parameters"')), /^\*\*Parameters\*\* · field of Task, Pass, Parallel and Map states · JSONPath only\n/);
  const jsonata = TRAIN.replace('"Type": "Task",', '"Type": "Task", "QueryLanguage": "JSONata",');
  assert.match(md(at(jsonata, '"Parameters"')), /· JSONPath only \(this state's query language is JSONata\)\n/);
  assert.match(md(at(jsonata.replace('"Parameters"', '"Arguments"'), '"Arguments"')), /^\*\*Arguments\*\* · field of Task and Parallel states · JSONata only\n\n> The value of "Arguments" MUST be a JSON text/);
  // A field of another state type: the hover says so (the structure check reports it).
  assert.match(md(`{"StartAt":"A","States":{"A":{"Type":"Succeed","Res‸ult":1}}}`), /^\*\*Result\*\* · field of a Pass state · JSONPath only · not a field of a Succeed state\n\n> A Pass State MAY have a field named "Result"/);
});

test('the Map\'s Parameters: its own entry (deprecated there)', () => {
  const map = `{"StartAt":"M","States":{"M":{"Type":"Map","Para‸meters":{},"ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}}}`;
  assert.match(md(map), /> In a JSONPath Map State, the "ItemSelector" field performs the same function as the "Parameters" field, which is now deprecated in the Map State\./);
});

test('a top-level field, and the same names in a branch and an ItemProcessor', () => {
  assert.match(md(at(TRAIN, '"StartAt"')), /^\*\*StartAt\*\* · top-level field of the state machine\n\n> A State Machine MUST have a string field named "StartAt"/);
  assert.match(md(at(TRAIN, '"TimeoutSeconds": 86400')), /^\*\*TimeoutSeconds\*\* · top-level field of the state machine\n\n> A State Machine MAY have an integer field named "TimeoutSeconds"/);
  assert.match(md(at(TRAIN, '"Comment"')), /^\*\*Comment\*\* · top-level field of the state machine\n\n> A State Machine MAY have a string field named "Comment"/);
  const nested = `{"StartAt":"P","States":{"P":{"Type":"Parallel","Branches":[{"Start‸At":"A","States":{"A":{"Type":"Map","ItemProcessor":{"ProcessorConfig":{"Mode":"INLINE"},"QueryLanguage":"JSONata","StartAt":"B","States":{"B":{"Type":"Pass","End":true}}},"End":true}}}],"End":true}}}`;
  assert.match(md(nested), /^\*\*StartAt\*\* · field of a Parallel branch\n/);
  assert.match(md(nested.replace('‸', '').replace('"ProcessorConfig"', '"Processor‸Config"')), /^\*\*ProcessorConfig\*\* · field of a Map's ItemProcessor\n\n> The "ItemProcessor" field MAY contain a field named "ProcessorConfig"/);
  assert.match(md(nested.replace('‸', '').replace('"QueryLanguage"', '"Query‸Language"')), /^\*\*QueryLanguage\*\* · field of a Map's ItemProcessor · not a field of a Map's ItemProcessor\n/);
  // A JSON object that is no state machine has no top-level fields.
  assert.equal(md('{"Com‸ment": "x", "Version": "1.0"}', 'json'), '');
});

test('a retrier\'s and a catcher\'s fields', () => {
  assert.match(md(at(TRAIN, '"IntervalSeconds"')), /^\*\*IntervalSeconds\*\* · field of a retrier \(Retry\)\n\n> a field named "IntervalSeconds", whose value MUST be a positive integer, representing the number of seconds before the first retry attempt \(default value: 1\)\n/);
  assert.match(md(at(TRAIN, '"BackoffRate"')), /> a field named "BackoffRate", a number which is the multiplier that increases the retry interval on each attempt \(default: 2\.0\)/);
  assert.match(md(at(TRAIN, '"ErrorEquals"')), /^\*\*ErrorEquals\*\* · field of a retrier \(Retry\)\n\n> Each Retrier MUST contain a field named "ErrorEquals"/);
  assert.match(md(at(TRAIN, '"ErrorEquals"', 1, 1)), /^\*\*ErrorEquals\*\* · field of a catcher \(Catch\)\n\n> Each Catcher MUST contain a field named "ErrorEquals"/);
  assert.match(md(at(TRAIN, '"ResultPath"')), /^\*\*ResultPath\*\* · field of a catcher \(Catch\) · JSONPath only\n\n> In JSONPath States, a Catcher MAY have a "ResultPath" field/);
  assert.match(md(at(TRAIN, '"Next": "Failed"')), /^\*\*Next\*\* · field of a catcher \(Catch\)\n/);
  // Not a field of a retrier: nothing to say.
  assert.equal(md(at(TRAIN.replace('"MaxAttempts"', '"MaxTries"'), '"MaxTries"')), '');
});

test('a predefined error name in ErrorEquals; a name of one\'s own has no hover', () => {
  const h = hover(at(TRAIN, '"States.TaskFailed"', 8));
  assert.equal(h.covers, '"States.TaskFailed"');
  assert.equal(
    h.text,
    [
      '**States.TaskFailed** · predefined error name',
      '> A Task State failed during the execution.\n>\n> When used in a retry or catch, `States.TaskFailed` acts as a wildcard that matches any known error name except for `States.Timeout`.',
      `[Amazon States Language](${SPEC}#appendix-a) · [AWS Step Functions Developer Guide](https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html)`,
    ].join('\n\n'),
  );
  assert.match(md(at(TRAIN, '"States.ALL"', 3)), /^\*\*States\.ALL\*\* · predefined error name\n\n> A wildcard which matches any Error Name\./);
  assert.equal(md(at(TRAIN, '"MyError"', 3)), '');
  // The Fail state's Error is a field; its value is no ErrorEquals entry.
  assert.equal(md(at(TRAIN, '"TrainingFailed"', 3)), '');
});

test('a state\'s Type value', () => {
  const h = hover(at(TRAIN, '"Task"', 2));
  assert.equal(h.covers, '"Task"');
  assert.match(h.text, /^\*\*Task\*\* · state type\n\n> The Task State \(identified by `"Type":"Task"`\) causes the interpreter to execute the work identified by the state’s "Resource" field\.\n\n\[Amazon States Language\]\(https:\/\/states-language\.net\/spec\.html#task-state\)$/);
  assert.match(md(at(TRAIN, '"Succeed"', 2)), /^\*\*Succeed\*\* · state type\n/);
  assert.equal(md(`{"StartAt":"A","States":{"A":{"Type":"Tas‸c","End":true}}}`), '');
});

const CHOICE = `{
  "StartAt": "C",
  "States": {
    "C": {
      "Type": "Choice",
      "Choices": [
        { "Not": { "Variable": "$.type", "StringEquals": "Private" }, "Next": "P" },
        { "And": [ { "Variable": "$.value", "IsPresent": true }, { "Variable": "$.value", "NumericGreaterThanPath": "$.min" } ], "Next": "P" }
      ],
      "Default": "P"
    },
    "P": { "Type": "Pass", "End": true }
  }
}`;

test('a Choice rule\'s comparison, Boolean expression and fields, at any depth', () => {
  assert.match(md(at(CHOICE, '"StringEquals"')), /^\*\*StringEquals\*\* · comparison of a Choice rule, its value a string · JSONPath only\n\n> Each choice rule MUST contain exactly one field containing a comparison operator\.\n>\n> The various String comparators compare strings character-by-character/);
  assert.match(md(at(CHOICE, '"IsPresent"')), /^\*\*IsPresent\*\* · comparison of a Choice rule, its value true or false · JSONPath only\n[^]*> Note: In this case, if the Variable-field Path fails to match anything/);
  assert.match(md(at(CHOICE, '"NumericGreaterThanPath"')), /^\*\*NumericGreaterThanPath\*\* · comparison of a Choice rule, its value a Path to the value to compare with · JSONPath only\n\n> For those operators that end with "Path"/);
  assert.match(md(at(CHOICE, '"Not"')), /^\*\*Not\*\* · Boolean expression of a Choice rule · JSONPath only\n\n> The value of a Boolean Expression containing a "Not" field MUST be a single Choice Rule/);
  assert.match(md(at(CHOICE, '"And"')), /^\*\*And\*\* · Boolean expression of a Choice rule · JSONPath only\n\n> If the field name is "And" or "Or"/);
  assert.match(md(at(CHOICE, '"Variable"', 1, 2)), /^\*\*Variable\*\* · field of a Choice rule · JSONPath only\n\n> A Data-test Expression MUST contain a field named "Variable" whose value MUST be a Path\./);
  assert.match(md(at(CHOICE, '"Next": "P"')), /^\*\*Next\*\* · field of a Choice rule\n\n> A Choice Rule at the top level/);
  assert.match(md(at(CHOICE, '"Default"')), /^\*\*Default\*\* · field of a Choice state\n\n> A Choice State MAY have a "Default" field/);
  assert.match(md(at(CHOICE, '"Choices"')), /^\*\*Choices\*\* · field of a Choice state\n/);
});

test('JSONata: a Choice rule\'s Condition and Output, a state\'s Output', () => {
  const text = `{
  "QueryLanguage": "JSONata",
  "StartAt": "C",
  "States": {
    "C": { "Type": "Choice", "Choices": [ { "Condition": "{% $states.input.n > 1 %}", "Output": {}, "Next": "P" } ], "Default": "P" },
    "P": { "Type": "Pass", "Output": "{% $states.input %}", "End": true }
  }
}`;
  assert.match(md(at(text, '"Condition"')), /^\*\*Condition\*\* · field of a Choice rule · JSONata only\n\n> In a JSONata Choice State, each Choice Rule MUST have a "Condition" field\./);
  assert.match(md(at(text, '"Output"')), /^\*\*Output\*\* · field of a Choice rule · JSONata only\n\n> Each Choice Rule MAY have an "Output" field/);
  assert.match(md(at(text, '"Output"', 1, 1)), /^\*\*Output\*\* · field of Task, Pass, Choice, Wait, Succeed, Parallel and Map states · JSONata only\n\n> The value of "Output" MUST be a JSON text/);
  assert.match(md(at(text, '"QueryLanguage"')), /^\*\*QueryLanguage\*\* · top-level field of the state machine\n\n> A State Machine MAY have a string field named "QueryLanguage"[^]*> The States Language supports JSONPath and JSONata/);
});

test('a key inside a SageMaker request keeps the SageMaker hover; a member named Type in a request is no ASL field', () => {
  assert.match(md(at(TRAIN, '"TrainingJobName"', 3)), /^\*\*TrainingJobName\*\* — string, \*\*required\*\*/);
  // Tags[].Key "Type": a value in the request (the SageMaker hover's), never a state's Type.
  assert.match(md(at(TRAIN, '"Type", "Value"', 3)), /^\*\*Key\*\* — string/);
  const typeKey = TRAIN.replace('"TrainingJobName": "t",', '"TrainingJobName": "t", "Ty‸pe": "Task",');
  assert.doesNotMatch(md(typeKey), /All states MUST have a "Type" field/);
  // A Pass state's Result is free JSON: its members are no fields.
  assert.equal(md(`{"StartAt":"A","States":{"A":{"Type":"Pass","Result":{"Ty‸pe":"Task","Next":"B"},"End":true}}}`), '');
});

test('YAML: the same answers where the same keys are', () => {
  const yaml = `StartAt: Train
States:
  Train:
    Type: Task
    Resource: arn:aws:states:::sagemaker:createTrainingJob.sync
    Parameters:
      TrainingJobName: t
    TimeoutSeconds: 3600
    Retry:
      - ErrorEquals: [States.Timeout]
        MaxAttempts: 2
    End: true
`;
  const h = hover(at(yaml, 'Retry', 2), 'asl-yaml');
  assert.equal(h.covers, 'Retry');
  assert.match(h.text, /^\*\*Retry\*\* · field of Task, Parallel and Map states\n/);
  assert.match(md(at(yaml, 'MaxAttempts', 2), 'asl-yaml'), /^\*\*MaxAttempts\*\* · field of a retrier \(Retry\)\n\n> a field named "MaxAttempts" whose value MUST be a non-negative integer/);
  assert.match(md(at(yaml, 'States.Timeout', 8), 'asl-yaml'), /^\*\*States\.Timeout\*\* · predefined error name\n\n> A Task State either ran longer than the "TimeoutSeconds" value/);
  assert.match(md(at(yaml, 'Task', 1), 'asl-yaml'), /^\*\*Task\*\* · state type\n/);
  assert.match(md(at(yaml, 'StartAt', 2), 'asl-yaml'), /^\*\*StartAt\*\* · top-level field of the state machine\n/);
  assert.match(md(at(yaml, 'TrainingJobName', 2), 'asl-yaml'), /^\*\*TrainingJobName\*\* — string/);
});

const DISTRIBUTED = `{
  "StartAt": "Each",
  "States": {
    "Each": {
      "Type": "Map",
      "ItemReader": { "Resource": "arn:aws:states:::s3:getObject", "ReaderConfig": { "InputType": "CSV", "CSVHeaderLocation": "GIVEN", "CSVHeaders": ["a"], "MaxItemsPath": "$.max" }, "Parameters": { "Bucket": "b", "Key": "k" } },
      "ItemBatcher": { "MaxItemsPerBatch": 10, "BatchInput": {} },
      "ItemProcessor": { "ProcessorConfig": { "Mode": "DISTRIBUTED", "ExecutionType": "STANDARD" }, "StartAt": "P", "States": { "P": { "Type": "Pass", "End": true } } },
      "ResultWriter": { "WriterConfig": { "Transformation": "FLATTEN", "OutputType": "JSONL" }, "Resource": "arn:aws:states:::s3:putObject", "Parameters": { "Bucket": "b", "Prefix": "p" } },
      "Next": "Train"
    },
    "Train": {
      "Type": "Task",
      "Resource": "arn:aws:states:::sagemaker:createModel",
      "Credentials": { "RoleArn": "arn:aws:iam::111122223333:role/R" },
      "Parameters": { "ModelName": "m", "ExecutionRoleArn": "arn:aws:iam::111122223333:role/R" },
      "Retry": [ { "ErrorEquals": ["States.ALL"], "JitterStrategy": "FULL" } ],
      "End": true
    }
  }
}`;
const DG = 'https://docs.aws.amazon.com/step-functions/latest/dg/';

test('a Distributed Map\'s settings: ProcessorConfig, ItemReader and its ReaderConfig, ItemBatcher, ResultWriter and its WriterConfig', () => {
  const h = hover(at(DISTRIBUTED, '"Mode"', 2));
  assert.equal(h.covers, '"Mode"');
  assert.equal(
    h.text,
    [
      '**Mode** · field of ProcessorConfig · one of INLINE, DISTRIBUTED',
      '> Step Functions provides the following processing modes for the `Map` state depending on how you want to process the items in a dataset.\n>\n> By default, `Map` states run in Inline mode.',
      `[AWS Step Functions Developer Guide](${DG}state-map.html#concepts-map-process-modes)`,
    ].join('\n\n'),
  );
  assert.match(md(at(DISTRIBUTED, '"ExecutionType"')), /^\*\*ExecutionType\*\* · field of ProcessorConfig · one of STANDARD, EXPRESS\n\n> Specifies the execution type for the Map workflow/);
  assert.match(md(at(DISTRIBUTED, '"Resource": "arn:aws:states:::s3:get')), /^\*\*Resource\*\* · field of ItemReader · one of arn:aws:states:::s3:getObject, arn:aws:states:::s3:listObjectsV2\n\n> The ItemReader Configuration MUST have a "Resource" field[^]*> The Amazon S3 API integration action/);
  assert.match(md(at(DISTRIBUTED, '"ReaderConfig"')), /^\*\*ReaderConfig\*\* · field of ItemReader\n\n> The ItemReader Configuration MAY have a "ReaderConfig" field/);
  assert.match(md(at(DISTRIBUTED, '"Parameters"')), /^\*\*Parameters\*\* · field of ItemReader · JSONPath only\n\n> In a JSONPath Map State, the ItemReader Configuration MAY have a "Parameters" field/);
  assert.match(md(at(DISTRIBUTED, '"InputType"')), /^\*\*InputType\*\* · field of ReaderConfig · one of CSV, JSON, JSONL, PARQUET, MANIFEST\n\n> Accepts one of the following values/);
  assert.match(md(at(DISTRIBUTED, '"CSVHeaders"')), /^\*\*CSVHeaders\*\* · field of ReaderConfig\n/);
  assert.match(md(at(DISTRIBUTED, '"MaxItemsPath"')), /^\*\*MaxItemsPath\*\* · field of ReaderConfig · JSONPath only\n\n> In a JSONPath Map State, a "ReaderConfig" field MAY have "MaxItemsPath" field/);
  assert.match(md(at(DISTRIBUTED, '"MaxItemsPerBatch"')), /^\*\*MaxItemsPerBatch\*\* · field of ItemBatcher\n\n> An ItemBatcher Configuration MAY have a "MaxItemsPerBatch" field[^]*the number of items batched in the `Items` array/);
  assert.match(md(at(DISTRIBUTED, '"BatchInput"')), /^\*\*BatchInput\*\* · field of ItemBatcher\n/);
  assert.match(md(at(DISTRIBUTED, '"WriterConfig"')), /^\*\*WriterConfig\*\* · field of ResultWriter\n/);
  assert.match(md(at(DISTRIBUTED, '"Transformation"')), /^\*\*Transformation\*\* · field of WriterConfig · one of NONE, COMPACT, FLATTEN\n/);
  assert.match(md(at(DISTRIBUTED, '"Resource": "arn:aws:states:::s3:put')), /^\*\*Resource\*\* · field of ResultWriter · one of arn:aws:states:::s3:putObject\n\n> The ResultWriter Configuration MUST have a "Resource" field/);
  // In a JSONata Map, the reader's Parameters says so (the structure check reports it and renames it to Arguments).
  const jsonata = DISTRIBUTED.replace('"Type": "Map",', '"Type": "Map", "QueryLanguage": "JSONata",');
  assert.match(md(at(jsonata, '"Parameters"')), /· JSONPath only \(this state's query language is JSONata\)\n/);
  assert.match(md(at(jsonata.replace('"Parameters": { "Bucket": "b", "Key"', '"Arguments": { "Bucket": "b", "Key"'), '"Arguments"')), /^\*\*Arguments\*\* · field of ItemReader · JSONata only\n\n> In a JSONata Map State, the ItemReader Configuration MAY have an "Arguments" field/);
});

test('a Task\'s Credentials: RoleArn (and RoleArn.$ with a path)', () => {
  assert.match(md(at(DISTRIBUTED, '"RoleArn"')), /^\*\*RoleArn\*\* · field of Credentials\n\n> Specifies a target role the state machine's execution role must assume before invoking the specified `Resource`\./);
  assert.match(md(at(DISTRIBUTED.replace('"RoleArn":', '"RoleArn.$":'), '"RoleArn.$"')), /^\*\*RoleArn\.\$\*\* · field of Credentials · JSONPath only\n/);
  // The request's own ExecutionRoleArn keeps the SageMaker hover.
  assert.doesNotMatch(md(at(DISTRIBUTED, '"ExecutionRoleArn"', 3)), /field of Credentials/);
  // Credentials itself: what Step Functions takes in it (the specification leaves that to the interpreter), and the guide's words.
  const credentials = md(at(DISTRIBUTED, '"Credentials"'));
  assert.match(credentials, /^\*\*Credentials\*\* · field of a Task state · holds RoleArn \(or RoleArn\.\$\), the role to assume\n\n> A Task State MAY include a "Credentials" field/);
  assert.match(credentials, /\n>\n> Specifies a target role the state machine's execution role must assume before invoking the specified `Resource`\./);
  assert.match(md(at(DISTRIBUTED.replace('"Type": "Task",', '"Type": "Task", "QueryLanguage": "JSONata",'), '"Credentials"')), /· holds RoleArn, the role to assume\n/);
});

test('a value the language fixes: the field\'s words, then the value\'s', () => {
  const h = hover(at(DISTRIBUTED, '"FULL"', 2));
  assert.equal(h.covers, '"FULL"');
  assert.equal(
    h.text,
    [
      '**FULL** · value of JitterStrategy',
      [
        '> a field named "JitterStrategy", whose value MUST be a string, representing the jitter strategy to use in the retry interval calculation',
        '> Jitter reduces simultaneous retry attempts by spreading these out over a randomized delay interval.',
        '> If you set `JitterStrategy` as `FULL`, the first retry interval is randomized between 0 and 2 seconds, the second retry interval is randomized between 0 and 4 seconds, and the third retry interval is randomized between 0 and 8 seconds.',
      ].join('\n>\n'),
      `[Amazon States Language](${SPEC}#retrying-after-error) · [AWS Step Functions Developer Guide](${DG}concepts-error-handling.html#error-handling-retrying-after-an-error)`,
    ].join('\n\n'),
  );
  assert.match(md(at(DISTRIBUTED, '"DISTRIBUTED"', 2)), /^\*\*DISTRIBUTED\*\* · value of ProcessorConfig\.Mode\n\n> Step Functions provides the following processing modes[^]*> Distributed – High-concurrency mode\./);
  assert.match(md(at(DISTRIBUTED, '"STANDARD"', 2)), /^\*\*STANDARD\*\* · value of ProcessorConfig\.ExecutionType\n[^]*> Standard Workflows are ideal for long-running/);
  assert.match(md(at(DISTRIBUTED, '"CSV"', 2)), /^\*\*CSV\*\* · value of ReaderConfig\.InputType\n[^]*> A Distributed Map state can accept a text delimited file/);
  assert.match(md(at(DISTRIBUTED, '"GIVEN"', 2)), /^\*\*GIVEN\*\* · value of ReaderConfig\.CSVHeaderLocation\n[^]*> `GIVEN` – Use this option to specify the header within the state machine definition\./);
  assert.match(md(at(DISTRIBUTED, '"FLATTEN"', 2)), /^\*\*FLATTEN\*\* · value of WriterConfig\.Transformation\n[^]*> `FLATTEN` - returns the output of the child workflow executions\. If a child workflow execution returns an array/);
  assert.match(md(at(DISTRIBUTED, '"JSONL"', 2)), /^\*\*JSONL\*\* · value of WriterConfig\.OutputType\n[^]*> `JSONL` - formats the results as JSON Lines\./);
  // The same word in another field: JSON Lines as a reader's input is another value.
  assert.match(md(at(DISTRIBUTED.replace('"InputType": "CSV"', '"InputType": "JSONL"'), '"JSONL"', 2)), /^\*\*JSONL\*\* · value of ReaderConfig\.InputType\n[^]*JSON Lines file that's stored in an Amazon S3 bucket/);
  const ql = `{"QueryLanguage":"JSONata","StartAt":"A","States":{"A":{"Type":"Pass","QueryLanguage":"JSONata","End":true}}}`;
  assert.match(md(at(ql, '"JSONata"', 2)), /^\*\*JSONata\*\* · value of QueryLanguage\n\n> A State Machine MAY have a string field named "QueryLanguage"[^]*> When a state's query language is JSONata, the interpreter supports fields and syntax/);
  assert.match(md(at(ql, '"JSONata"', 2, 1)), /^\*\*JSONata\*\* · value of QueryLanguage\n\n> Any state MAY have a "QueryLanguage" field/);
  // A value the tables do not have, or a field that fixes none: nothing.
  assert.equal(md(at(DISTRIBUTED.replace('"FULL"', '"HALF"'), '"HALF"', 2)), '');
  assert.equal(md(at(DISTRIBUTED.replace('"Mode": "DISTRIBUTED"', '"Mode": "Distributed"'), '"Distributed"', 2)), '');
  // The S3 action a reader or a writer uses: the guide's words for that action.
  assert.match(md(at(DISTRIBUTED, '"arn:aws:states:::s3:getObject"', 3)), /^\*\*arn:aws:states:::s3:getObject\*\* · value of ItemReader\.Resource\n[^]*> When the workflow execution reaches the `Map` state, Step Functions invokes the GetObject API action/);
  assert.match(md(at(DISTRIBUTED, '"arn:aws:states:::s3:putObject"', 3)), /^\*\*arn:aws:states:::s3:putObject\*\* · value of ResultWriter\.Resource\n[^]*> The Amazon S3 API action that Step Functions invokes to export the execution results\./);
  // A reader's Transformation is not the writer's: its own values and words.
  const flatten = DISTRIBUTED.replace('"InputType": "CSV",', '"InputType": "CSV", "Transformation": "LOAD_AND_FLATTEN",');
  assert.match(md(at(flatten, '"Transformation"')), /^\*\*Transformation\*\* · field of ReaderConfig · one of NONE, LOAD_AND_FLATTEN\n/);
  assert.match(md(at(flatten, '"LOAD_AND_FLATTEN"', 2)), /^\*\*LOAD_AND_FLATTEN\*\* · value of ReaderConfig\.Transformation\n[^]*map will read and process the actual data objects/);
  // A value's sentence that its field's quote already holds is said once.
  const once = (text: string, sentence: string) => assert.equal(text.split(sentence).length - 1, 1, `${sentence} in ${text}`);
  once(md(at(flatten, '"LOAD_AND_FLATTEN"', 2)), 'map will read and process the actual data objects');
  once(md(at(DISTRIBUTED, '"arn:aws:states:::s3:putObject"', 3)), 'invokes to export the execution results');
});

test('settings keys elsewhere are no settings: a request\'s members, a ReaderConfig under a ResultWriter', () => {
  // ItemReader's Parameters is the S3 request: its members are no fields of the language.
  assert.equal(md(at(DISTRIBUTED, '"Key"')), '');
  assert.equal(md(at(DISTRIBUTED.replace('"WriterConfig"', '"ReaderConfig"'), '"Transformation"')), '');
  // ProcessorConfig's fields only under a Map's ItemProcessor: in a Pass state's Result they are data.
  assert.equal(md(`{"StartAt":"A","States":{"A":{"Type":"Pass","Result":{"ProcessorConfig":{"Mo‸de":"INLINE"}},"End":true}}}`), '');
});

test('YAML: settings fields and values', () => {
  const yaml = `StartAt: Each
States:
  Each:
    Type: Map
    ItemProcessor:
      ProcessorConfig:
        Mode: DISTRIBUTED
        ExecutionType: EXPRESS
      StartAt: P
      States:
        P: {Type: Pass, End: true}
    ItemBatcher:
      MaxInputBytesPerBatch: 1024
    Retry:
      - ErrorEquals: [States.ALL]
        JitterStrategy: NONE
    End: true
`;
  const h = hover(at(yaml, 'Mode', 2), 'asl-yaml');
  assert.equal(h.covers, 'Mode');
  assert.match(h.text, /^\*\*Mode\*\* · field of ProcessorConfig · one of INLINE, DISTRIBUTED\n/);
  assert.match(md(at(yaml, 'DISTRIBUTED', 2), 'asl-yaml'), /^\*\*DISTRIBUTED\*\* · value of ProcessorConfig\.Mode\n/);
  assert.match(md(at(yaml, 'EXPRESS', 2), 'asl-yaml'), /^\*\*EXPRESS\*\* · value of ProcessorConfig\.ExecutionType\n[^]*> Express Workflows are ideal for high-volume/);
  assert.match(md(at(yaml, 'MaxInputBytesPerBatch', 2), 'asl-yaml'), /^\*\*MaxInputBytesPerBatch\*\* · field of ItemBatcher\n[^]*up to 256 KiB/);
  assert.match(md(at(yaml, 'NONE', 2), 'asl-yaml'), /^\*\*NONE\*\* · value of JitterStrategy\n[^]*> This string accepts `FULL` or `NONE` as its values\. The default value is `NONE`\./);
});

// The data: every field the structure checks know has its words, each quote its source, nothing undocumented slips in.

test('every field of the structure checks\' tables has an entry in schemas/asl-docs.json', () => {
  const missing: string[] = [];
  const need = (kind: AslDocKind, name: string, type?: string) => {
    if (!aslDoc(kind, name, type)) missing.push(`${kind} ${name}${type ? ` (${type})` : ''}`);
  };
  for (const type of STATE_TYPES) for (const f of [...COMMON_FIELDS, ...STATE_FIELDS[type]]) need('state', f, type);
  for (const f of new Set(Object.values(ROOT_FIELDS).flat())) need('machine', f);
  for (const f of RETRIER_FIELDS) need('retrier', f);
  for (const f of CATCHER_FIELDS) need('catcher', f);
  for (const f of [...CHOICE_RULE_KEYS, ...LOGICAL, ...Object.keys(COMPARATORS)]) need('choiceRule', f);
  for (const t of STATE_TYPES) need('stateType', t);
  for (const e of PREDEFINED_ERRORS) need('error', e);
  assert.deepEqual(missing, []);
});

test('every function a value can call has an entry: the intrinsic functions, Step Functions\' JSONata functions and JSONata\'s own', () => {
  assert.deepEqual(FUNCTION_NAMES.filter((f) => !aslDoc('function', f)), []);
  assert.equal(FUNCTION_NAMES.length, 24);
  // JSONata 2.0.6's documentation has a section for each but $clone (which it does not document).
  const own = jsonataFunctions().filter((f) => !f.stepFunctions).map((f) => `$${f.name}`);
  assert.deepEqual(own.filter((f) => !aslDoc('function', f)), ['$clone']);
  const substring = aslDoc('function', '$substring')!;
  assert.deepEqual(substring.quotes.map((q) => q.source), ['https://docs.jsonata.org/string-functions#substring', 'https://docs.jsonata.org/string-functions#substring']);
  assert.equal(substring.quotes[0].text, 'Signature: `$substring(str, start[, length])`');
});

test('every settings field and every value the tables fix has an entry', () => {
  const missing: string[] = [];
  const need = (kind: AslDocKind, name: string, within: string) => {
    if (!aslDoc(kind, name, within)) missing.push(`${kind} ${name} (${within})`);
  };
  // Every settings object of SETTINGS (ProcessorConfig, ItemReader, ReaderConfig, ItemBatcher, ResultWriter, WriterConfig, Credentials).
  for (const [o, { fields }] of Object.entries(SETTINGS)) {
    for (const [f, values] of Object.entries(fields as Record<string, readonly string[] | undefined>)) {
      need('setting', f, o);
      for (const v of values ?? []) need('value', v, `${o}.${f}`);
    }
  }
  for (const v of JITTER_STRATEGIES) need('value', v, 'JitterStrategy');
  for (const v of QUERY_LANGUAGES) need('value', v, 'QueryLanguage');
  assert.deepEqual(missing, []);
});

test('every entry names only what the tables know, and every quote is short and has its source', () => {
  const docs = aslDocs();
  const SETTINGS_FIELDS = Object.fromEntries(Object.entries(SETTINGS).map(([o, { fields }]) => [o, Object.keys(fields)]));
  const known: Record<AslDocKind, Set<string>> = {
    state: new Set([...COMMON_FIELDS, ...Object.values(STATE_FIELDS).flat()]),
    machine: new Set(Object.values(ROOT_FIELDS).flat()),
    retrier: new Set(RETRIER_FIELDS),
    catcher: new Set(CATCHER_FIELDS),
    choiceRule: new Set([...CHOICE_RULE_KEYS, ...LOGICAL, ...Object.keys(COMPARATORS)]),
    stateType: new Set(STATE_TYPES),
    error: new Set(PREDEFINED_ERRORS),
    setting: new Set(Object.values(SETTINGS_FIELDS).flat()),
    value: new Set(Object.values(FIELD_VALUES).flat()),
    function: new Set([...FUNCTION_NAMES, ...jsonataFunctions().map((f) => `$${f.name}`)]),
  };
  // A setting is a field of each object its entry names; a value is one of each field's.
  const within: Partial<Record<AslDocKind, Record<string, readonly string[]>>> = { setting: SETTINGS_FIELDS, value: FIELD_VALUES };
  const wrong: string[] = [];
  for (const kind of Object.keys(known) as AslDocKind[]) {
    for (const entry of docs[kind]) {
      for (const name of entry.names) if (!known[kind].has(name)) wrong.push(`${kind}: ${name} is in no table`);
      const tables = within[kind];
      if (tables && !entry.in?.length) wrong.push(`${kind}: ${entry.names} says not where (in)`);
      if (!tables && entry.in) wrong.push(`${kind}: ${entry.names} has an "in"`);
      for (const o of entry.in ?? []) if (!tables?.[o] || !entry.names.every((n) => tables[o].includes(n))) wrong.push(`${kind}: ${entry.names} is not in ${o}`);
      for (const t of entry.types ?? []) if (!STATE_TYPES.includes(t) || !entry.names.every((n) => STATE_FIELDS[t].includes(n))) wrong.push(`${kind}: ${entry.names} is no field of a ${t} state`);
      if (!entry.quotes.length) wrong.push(`${kind}: ${entry.names} quotes nothing`);
      for (const q of entry.quotes) {
        if (!/^https:\/\/\S+$/.test(q.source) || !Object.keys(docs.sources).some((prefix) => q.source.startsWith(prefix))) wrong.push(`${kind}: ${entry.names} cites ${q.source}`);
        if (!q.text.trim() || q.text.length > 360) wrong.push(`${kind}: ${entry.names}: a quote of ${q.text.length} characters`);
      }
    }
  }
  assert.deepEqual(wrong, []);
});

test('hover on a function a value calls: an intrinsic (nested ones too, inside a SageMaker request), a Step Functions JSONata function, a JSONata one', () => {
  const pass = (params: string) => `{ "StartAt": "P", "States": { "P": { "Type": "Pass", "Parameters": ${params}, "End": true } } }`;
  const format = hover(pass(`{ "id.$": "States.For‸mat('job-{}', States.UUID())" }`));
  assert.match(format.text, /^\*\*States\.Format\*\* · intrinsic function, 1 or more arguments\n\n> Use the States\.Format intrinsic function to construct a string/);
  assert.match(format.text, /\[AWS Step Functions Developer Guide\]\(https:\/\/docs\.aws\.amazon\.com\/step-functions\/latest\/dg\/intrinsic-functions\.html#asl-intrsc-func-generic\)/);
  assert.equal(format.covers, 'States.Format');
  const uuid = hover(pass(`{ "id.$": "States.Format('job-{}', States.UU‸ID())" }`));
  assert.match(uuid.text, /^\*\*States\.UUID\*\* · intrinsic function, 0 arguments/);
  assert.equal(uuid.covers, 'States.UUID');
  // What a call must pass, as the guide says it: States.Hash's algorithms, States.JsonMerge's shallow merge only.
  assert.match(hover(pass(`{ "h.$": "States.Ha‸sh($.a, 'SHA-1')" }`)).text, /MD5, SHA-1, SHA-256, SHA-384, SHA-512/);
  assert.match(hover(pass(`{ "m.$": "States.JsonMer‸ge($.a, $.b, false)" }`)).text, /only supports the shallow merging mode/);
  // Not a call: the name inside a string argument, a value whose key has no .$, the arguments.
  assert.equal(md(pass(`{ "id.$": "States.Format('States.Ar‸ray {}', $.x)" }`)), '');
  assert.equal(md(pass(`{ "id": "States.UU‸ID()" }`)), '');
  assert.equal(md(pass(`{ "id.$": "States.Format('{}', $.na‸me)" }`)).includes('intrinsic'), false);
  // In a SageMaker request the call is the function's; the key is still the request member's.
  const sagemaker = `{ "StartAt": "T", "States": { "T": { "Type": "Task", "Resource": "arn:aws:states:::sagemaker:createTrainingJob.sync",
    "Parameters": { "TrainingJobName.$": "States.Format('churn-{}', States.UU‸ID())" }, "End": true } } }`;
  assert.match(md(sagemaker), /^\*\*States\.UUID\*\*/);
  assert.doesNotMatch(md(sagemaker.replace('‸', '').replace('TrainingJobName.$', 'TrainingJob‸Name.$')), /intrinsic/);
  // YAML, with the escapes of a double-quoted scalar before the name.
  const yaml = ['StartAt: P', 'States:', '  P:', '    Type: Pass', '    Parameters:', '      id.$: "States.Format(\'\\u0061{}\', States.Array‸Length($.xs))"', '    End: true', ''].join('\n');
  assert.equal(hover(yaml, 'asl-yaml').covers, 'States.ArrayLength');
  const jsonata = (output: string) => `{ "QueryLanguage": "JSONata", "StartAt": "P", "States": { "P": { "Type": "Pass", "Output": ${output}, "End": true } } }`;
  const partition = hover(jsonata(`"{% $parti‸tion($states.input.rows, 10) %}"`));
  assert.match(partition.text, /^\*\*\$partition\*\* · \$partition\(array, chunkSize\) · a function Step Functions adds to JSONata\n\n> JSONata equivalent of States\.ArrayPartition/);
  assert.equal(partition.covers, '$partition');
  // JSONata's own functions where they are called: how each is called, from the jsonata package's signature.
  const substring = hover(jsonata(`"{% $substr‸ing($states.input.s, 0, 5) %}"`));
  // …and what it does, in JSONata's documentation.
  assert.match(substring.text, /^\*\*\$substring\*\* · \$substring\(a string \(else the context\), a number, a number\?\) · a JSONata function \(2\.0\.6, as Step Functions runs it\)\n\n> Signature: `\$substring\(str, start\[, length\]\)`\n>\n> Returns a string containing the characters in the first parameter `str` starting at position `start` \(zero-offset\)\./);
  assert.equal(substring.covers, '$substring');
  // Not a variable of the same name read as a value, nor a function the expression binds itself.
  assert.equal(md(jsonata(`"{% $cou‸nt %}"`)).includes('JSONata function'), false);
  assert.equal(md(jsonata(`"{% ($join := function($x) { $x }; $jo‸in(1)) %}"`)).includes('JSONata function'), false);
  // Only where Step Functions evaluates the value: not a Pass state's Result (a literal), not a .$ key in a JSONata
  // state (a plain key there), not {% %} in a JSONPath state (a literal); on the opening quote, nothing yet.
  assert.equal(md(`{ "StartAt": "P", "States": { "P": { "Type": "Pass", "Result": { "a.$": "States.UU‸ID()" }, "End": true } } }`), '');
  assert.match(md(pass(`{ "Result": { "a.$": "States.UU‸ID()" } }`)), /^\*\*States\.UUID\*\*/);
  assert.equal(md(jsonata(`{ "o.$": "States.UU‸ID()" }`)), '');
  assert.equal(md(pass(`{ "o": "{% $uu‸id() %}" }`)), '');
  assert.equal(md(pass(`{ "id.$": ‸"States.UUID()" }`)), '');
  // Text Step Functions does not evaluate: a Comment.
  assert.equal(md(jsonata(`"{% $states.input %}", "Comment": "{% $uu‸id() %}"`)), '');
  // A YAML block scalar is no copy of its value: no hover rather than a wrong span.
  const block = ['QueryLanguage: JSONata', 'StartAt: P', 'States:', '  P:', '    Type: Pass', '    Output:', '      x: |-', "        {% 'aaaaaaaaaaaa' & $uu‸id() %}", '    End: true', ''].join('\n');
  const h = hover(block, 'asl-yaml');
  assert.ok(h.text === '' || h.covers === '$uuid', h.covers);
  // A function passed as a value is the function too.
  assert.equal(hover(jsonata(`"{% $map($states.input.bodies, $pa‸rse) %}"`)).covers, '$parse');
  // A {% %} string as an array item is evaluated too.
  assert.equal(hover(jsonata(`{ "b": ["{% $uu‸id() %}"] }`)).covers, '$uuid');
  // JSONata's own functions say so (they are not Step Functions'); a name the expression binds itself is not a function of either.
  assert.match(md(jsonata(`"{% $su‸m([1, 2]) %}"`)), /^\*\*\$sum\*\* · \$sum\(an array of numbers\) · a JSONata function/);
  assert.equal(md(jsonata(`"{% ($uuid := function() { 'x' }; $uu‸id()) %}"`)), '');
});

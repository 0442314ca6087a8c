import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cursor, doc, service } from './helpers';

function hover(marked: string): string {
  const [text, offset] = cursor(marked);
  const d = doc(text);
  const h = service.doHover(d, d.positionAt(offset));
  return h ? (h.contents as { value: string }).value : '';
}

const TASK = (params: string, resource = 'arn:aws:states:::sagemaker:createTrainingJob.sync') => `{
  "StartAt": "Train",
  "States": { "Train": { "Type": "Task", "Resource": "${resource}", "Parameters": ${params}, "End": true } }
}`;

test('a top-level key: documentation, type, required, constraints and the API reference', () => {
  const md = hover(TASK('{ "Role‸Arn": "arn:aws:iam::111122223333:role/R" }'));
  assert.match(md, /^\*\*RoleArn\*\* — string, \*\*required\*\*/);
  assert.match(md, /The Amazon Resource Name \(ARN\) of an IAM role/);
  assert.match(md, /Length 20–2048 · Pattern: `arn:aws\[a-z\\-\]\*:iam::\\d\{12\}:role/);
  assert.match(md, /\[CreateTrainingJob API reference\]\(https:\/\/docs\.aws\.amazon\.com\/sagemaker\/latest\/APIReference\/API_CreateTrainingJob\.html#sagemaker-CreateTrainingJob-request-RoleArn\)$/);
});

test('a nested key links to its structure page', () => {
  const md = hover(TASK('{ "ResourceConfig": { "Instance‸Count": 1 } }'));
  assert.match(md, /^\*\*InstanceCount\*\* — integer, optional/);
  assert.match(md, /API_ResourceConfig\.html#sagemaker-Type-ResourceConfig-InstanceCount\)$/);
});

test('an item of a list is titled by its list and index (ux44: **1** read like a value)', () => {
  const md = hover(TASK('{ "InputDataConfig": [ { "ChannelName": "train" }, ‸{ "ChannelName": "validation" } ] }'));
  assert.match(md, /^\*\*InputDataConfig\\\[1\\\]\*\* — object \(Channel\)/);
});

test('an enum value says how many values there are', () => {
  const md = hover(TASK('{ "ResourceConfig": { "InstanceType": "ml.m5.la‸rge" } }'));
  assert.match(md, /`ml\.m5\.large` is one of \d+ values of TrainingInstanceType\./);
});

test('the documentation is Markdown converted from the model HTML', () => {
  const md = hover(TASK('{ "Hyper‸Parameters": {} }'));
  assert.match(md, /\[Algorithms\]\(https:\/\/docs\.aws\.amazon\.com\/sagemaker\/latest\/dg\/algos\.html\)/);
  assert.ok(!/<p>|<\/?code>/.test(md));
});

test('a .$ key', () => {
  assert.match(hover(TASK('{ "TrainingJob‸Name.$": "$.name" }')), /^\*\*TrainingJobName\*\* \(from a JSONPath, `\.\$`\) — string/);
});

test('the Resource: what the API does', () => {
  const md = hover(TASK('{}', 'arn:aws:states:::sagemaker:createTransformJob.sync').replace('createTransformJob.sync"', 'createTransformJob.sync‸"'));
  assert.match(md, /^\*\*SageMaker CreateTransformJob\*\* \(\.sync: the state waits until the job completes\)/);
});

test('an AWS SDK integration\'s Resource and members: the operation, how the state waits, the members\' documentation', () => {
  const resource = 'arn:aws:states:::aws-sdk:sagemaker:describeTrainingJob';
  assert.match(hover(TASK('{}', resource).replace('Job"', 'Job‸"')), /^\*\*SageMaker DescribeTrainingJob\*\* \(AWS SDK integration, request-response: the state ends when the call returns\)/);
  assert.match(hover(TASK('{}', `${resource}.waitForTaskToken`).replace('Token"', 'Token‸"')), /\(AWS SDK integration, \.waitForTaskToken: the state waits until a task token is sent back\)/);
  const md = hover(TASK('{ "TrainingJob‸Name": "j" }', resource));
  assert.match(md, /^\*\*TrainingJobName\*\* — string, \*\*required\*\*/);
  assert.match(md, /API_DescribeTrainingJob\.html#sagemaker-DescribeTrainingJob-request-TrainingJobName\)$/);
});

test('a Resource with a pattern SageMaker does not have: the hover says so', () => {
  const md = hover(TASK('{}', 'arn:aws:states:::sagemaker:createTrainingJob.sync:2').replace('.sync:2"', '.sync:2‸"'));
  assert.match(md, /^\*\*SageMaker CreateTrainingJob\*\* \(\.sync:2: not an integration pattern of SageMaker\)/);
});

test('nothing outside SageMaker payloads but the States Language\'s own keywords (asl/hover.ts): a member of a Pass state\'s Result has none', () => {
  assert.equal(hover(`{"StartAt":"A","States":{"A":{"Type":"Pass","Result":{"Res‸ult":{}},"End":true}}}`), '');
});

test('a job name from $$.Execution.Name: the hover explains why it is information, not a warning', () => {
  const md = hover(TASK('{ "TrainingJobName.$": "$$.Execution‸.Name" }'));
  assert.match(md, /\*\*Length\.\*\* This value can be up to 80 characters long: execution, state machine and state names may have up to 80\. TrainingJobName allows at most 63\. An execution started without a name \(the console's and most AWS samples' default\) is named by a 36-character UUID, which makes this value 36 characters long: it fits\. Only an execution given a name longer than 63 characters at StartExecution would make the job fail to start\./);
});

test('a job name whose literal prefix overflows even with a UUID: the hover says so', () => {
  const md = hover(TASK(`{ "TrainingJobName.$": "States.Format('customer-churn-xgboost-training-{}', $$.Execu‸tion.Name)" }`));
  assert.match(md, /which makes this value 68 characters long: too long, so the job fails to start even then\./);
});

test('a field that a documented rule involves quotes the documentation', () => {
  const md = hover(TASK('{ "EnableManaged‸SpotTraining": true }'));
  assert.match(md, /SageMaker's documentation adds, on members whose rules involve EnableManagedSpotTraining \(checked here\):/);
  // What is checked, then the sentence it rests on.
  assert.match(md, /> `StoppingCondition\.MaxWaitTimeInSeconds required when EnableManagedSpotTraining = true`(; `[^`]*`( \(a warning\))?( \(SageMaker answers "[^"]*", reported in [^)]*\))?)*: The maximum length of time, in seconds, that a managed Spot training job has to complete\. — \*StoppingCondition\.MaxWaitTimeInSeconds\*/);
});

test("a member's own documented rules come before those of other members that name it, under their own heading", () => {
  const md = hover(TASK('{ "ResourceConfig": { "Instance‸Type": "ml.m5.xlarge", "InstanceCount": 1, "VolumeSizeInGB": 10 } }'));
  assert.match(md, /SageMaker's documentation adds, on members whose rules involve InstanceType \(checked here\):\n\n> [^]*You can't request a VolumeKmsKeyId when using an instance type with local storage\. — \*ResourceConfig\.VolumeKmsKeyId\*/);
  assert.doesNotMatch(md, /SageMaker's documentation adds \(checked here\)/);
  const own = hover(TASK('{ "ResourceConfig": { "InstanceType": "ml.m5.xlarge", "InstanceCount": 1, "VolumeKms‸KeyId": "k" } }'));
  assert.match(own, /SageMaker's documentation adds \(checked here\):\n\n> [^]*You can't request a VolumeKmsKeyId[^]*— \*ResourceConfig\.VolumeKmsKeyId\*/);
});

test("a warning's rule is said as one in the hover (ux41: 1 ≤ MaxPayloadInMB read as absolute)", () => {
  const md = hover(TASK('{ "MaxPayload‸InMB": 0 }', 'arn:aws:states:::sagemaker:createTransformJob.sync'));
  assert.match(md, /`1 ≤ MaxPayloadInMB` \(a warning\), unless the model's container supports HTTP chunked encoding, which 0 asks for: /);
});

test("a rule that rests on SageMaker's answer to such a request says that answer, in the hover and the finding (ux41)", () => {
  const task = TASK('{ "EndpointConfigName": "c", "ProductionVariants": [{ "VariantName": "v", "ModelName": "m", "InstanceType": "ml.m5.xlarge", "InitialInstanceCount": 1, "ManagedInstance‸Scaling": { "Status": "ENABLED", "MinInstanceCount": 1, "MaxInstanceCount": 2 } }] }', 'arn:aws:states:::sagemaker:createEndpointConfig');
  assert.match(hover(task), /`ManagedInstanceScaling not with ModelName` \(SageMaker answers "ManagedInstanceScaling is only supported for inference component endpoints\.", reported in hashicorp\/terraform-provider-aws#45926\): /);
});

test('a nested field: MaxRuntimeInSeconds quotes the rule relating it to MaxWaitTimeInSeconds', () => {
  const md = hover(TASK('{ "StoppingCondition": { "MaxRuntime‸InSeconds": 3600 } }'));
  assert.match(md, /> `[^`]*MaxRuntimeInSeconds[^`]*MaxWaitTimeInSeconds[^`]*`( \(a warning\))?(; `[^`]*`( \(a warning\))?)*: It must be equal to or greater than MaxRuntimeInSeconds\. — \*StoppingCondition\.MaxWaitTimeInSeconds\*/);
  // Two rules rest on that sentence (with MaxRuntimeInSeconds set, and with its default): it is quoted once.
  assert.equal(md.split('It must be equal to or greater than MaxRuntimeInSeconds.').length, 2);
});

test("a map's key written with .$ is named without it, as a member is (ux42: **epochs\\.\\$**)", () => {
  const md = hover(TASK('{ "HyperParameters": { "epo‸chs.$": "$.epochs" } }'));
  assert.match(md, /^\*\*epochs\*\* \(from a JSONPath, `\.\$`\)/);
});

test('a union and its members say exactly one member is set (ux44: the union-members Error came unannounced)', () => {
  const automl = (config: string) => TASK(`{ "AutoMLJobName": "a", "AutoMLProblemTypeConfig": ${config} }`, 'arn:aws:states:::aws-sdk:sagemaker:createAutoMLJobV2');
  const union = hover(automl('{ "TabularJobConfig": { "TargetAttributeName": "churn" } }').replace('"AutoMLProblemTypeConfig"', '"AutoML‸ProblemTypeConfig"'));
  assert.match(union, /A union: exactly one member is set, one of `ImageClassificationJobConfig`, .*`TabularJobConfig`/);
  const member = hover(automl('{ "Tabular‸JobConfig": { "TargetAttributeName": "churn" } }'));
  assert.match(member, /A member of the union AutoMLProblemTypeConfig: exactly one of its members is set\./);
  assert.doesNotMatch(hover(TASK('{ "Resource‸Config": {} }')), /union/);
});

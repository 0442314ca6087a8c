// Quick in-process timing of the service on a generated machine (a development aid; `npm run bench` is the proof).
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../../server/src/service/languageService';
const N = Number(process.argv[2] ?? 2000);
const states: Record<string, unknown> = {};
for (let i = 0; i < N; i++) {
  const next = i < N - 1 ? { Next: `S${i + 1}` } : { End: true };
  states[`S${i}`] = i % 5 === 0 ? { Type: 'Task', Resource: 'arn:aws:states:::sagemaker:createTrainingJob.sync', Parameters: { TrainingJobName: `job-${i}`, RoleArn: 'arn:aws:iam::111122223333:role/R', AlgorithmSpecification: { TrainingImage: 'img', TrainingInputMode: 'File' }, OutputDataConfig: { S3OutputPath: 's3://b/o' }, ResourceConfig: { InstanceCount: 1, InstanceType: 'ml.m5.large', VolumeSizeInGB: 10 }, StoppingCondition: { MaxRuntimeInSeconds: 3600 }, HyperParameters: { a: '1', b: '2' } }, ...next }
    : { Type: 'Pass', Result: { x: i, y: [1, 2, 3] }, ...next };
}
const text = JSON.stringify({ StartAt: 'S0', States: states }, null, 2);
const ls = getLanguageService();
const doc = TextDocument.create('file:///big.asl.json', 'asl', 1, text);
ls.doValidation(doc);
const at = text.indexOf(`"InstanceType": "ml.m5.large"`, text.indexOf(`"job-1000"`)) + 20;
for (let k = 0; k < 15; k++) {
  const t0 = performance.now();
  TextDocument.update(doc, [{ range: { start: doc.positionAt(at), end: doc.positionAt(at + 1) }, text: String(k % 10) }], k + 2);
  const d = ls.doValidation(doc);
  const t1 = performance.now();
  const c = ls.doComplete(doc, doc.positionAt(at));
  const t2 = performance.now();
  ls.doHover(doc, doc.positionAt(at));
  const t3 = performance.now();
  if (k > 9) console.log(`N=${N} ${(text.length / 1e6).toFixed(2)}MB edit+validate ${(t1 - t0).toFixed(1)}ms complete ${(t2 - t1).toFixed(1)}ms hover ${(t3 - t2).toFixed(1)}ms diags=${d.length} items=${c.length}`);
}

// The documented rules on the real state machines of test/fixtures/corpus (323, 7 of them with SageMaker tasks) and the examples: no error (a diagnostic is a promise).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkDocumentedRules } from '../../server/src/service/sagemaker/documentedRules';
import { tasksOf } from '../../server/src/service/sagemaker/tasks';
import { parseJson } from '../../server/src/service/json/parse';
import { parseYaml } from '../../server/src/service/yaml/parseYaml';

test('the corpus gets no documented-rule error; the warnings are listed', () => {
  const files = ['test/fixtures/corpus', 'examples'].flatMap((dir) => readdirSync(dir).filter((n) => /\.(json|ya?ml)$/.test(n)).map((n) => join(dir, n))).filter((f) => !f.includes('with-mistakes'));
  const errors: string[] = [];
  const warnings: string[] = [];
  let tasks = 0;
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    const parsed = f.endsWith('.json') ? parseJson(text, true) : parseYaml(text);
    for (const task of tasksOf(parsed)) {
      const payload = task.payloadProperty?.children?.[1];
      if (!payload) continue;
      tasks++;
      for (const p of checkDocumentedRules(task.api, payload)) {
        (p.severity === 'error' ? errors : warnings).push(`${f}: ${p.message.split('. SageMaker')[0]}`);
      }
    }
  }
  assert.ok(tasks >= 10, `${tasks} SageMaker tasks`);
  assert.deepEqual(errors, []);
  console.log(`${tasks} SageMaker tasks; warnings:\n${warnings.join('\n')}`);
});

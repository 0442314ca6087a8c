// Members whose value SageMaker itself evaluates as a JSONPath (or JMESPath) expression, such as a transform job's
// DataProcessing.InputFilter "$[1:]". Step Functions must pass them through as written: a `$`-path there is not a
// forgotten `.$`, and renaming the key to `InputFilter.$` would make Step Functions evaluate it against the state's
// input and break the workflow. Found from the model's documentation by schemas/rules.mjs, not listed by hand.
import literal from '../../../../schemas/literal-json-paths.json';

// By shape, then member: asked for every member of every request checked, so without building a key string.
const members = new Map<string, Set<string>>();
for (const f of literal.fields) members.set(f.shape, (members.get(f.shape) ?? new Set()).add(f.member));

/** Whether `member` of the structure shape `shape` (model names, e.g. DataProcessing, InputFilter) is evaluated by SageMaker. */
export function isEvaluatedBySageMaker(shape: string, member: string): boolean {
  return members.get(shape)?.has(member) ?? false;
}

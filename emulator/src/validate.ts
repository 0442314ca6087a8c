// Validates a request against one of the generated JSON Schemas (schemas/sagemaker/*.schema.json), reporting
// the way SageMaker does: "Value 'x' at 'resourceConfig.instanceType' failed to satisfy constraint: …".
// The constraints are data from the AWS model; this file only knows the handful of keywords the generator emits.
import { patternMatcher } from '../../server/src/service/sagemaker/linearPattern';

export interface JsonSchema {
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  type?: 'string' | 'integer' | 'number' | 'boolean' | 'object' | 'array';
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  enum?: unknown[];
  pattern?: string;
  'x-awsPattern'?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  minProperties?: number;
  maxProperties?: number;
}

// The language service's matcher: linear time for the model's patterns that backtrack (a request with 28 spaces and
// U+0085 in a PipelineDefinition held the whole emulator for seconds).
const patternCache = new Map<string, (value: string) => boolean>();
function matches(pattern: string, value: string): boolean {
  let test = patternCache.get(pattern);
  if (!test) patternCache.set(pattern, (test = patternMatcher(pattern)));
  return test(value);
}

/** AWS names members in validation messages in lower camel case: TrainingJobName → trainingJobName. */
const camel = (key: string) => key.charAt(0).toLowerCase() + key.slice(1);

function show(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** Every constraint the value breaks, as SageMaker words them; empty when the request is valid. */
export function validateRequest(root: JsonSchema, value: unknown): string[] {
  const errors: string[] = [];
  const resolve = (s: JsonSchema): JsonSchema => (s.$ref ? resolve(root.$defs![s.$ref.replace('#/$defs/', '')]) : s);

  const check = (schema: JsonSchema, v: unknown, at: string): void => {
    const s = resolve(schema);
    const fail = (constraint: string): void =>
      void errors.push(`Value ${v === undefined ? 'null' : `'${show(v)}'`} at '${at}' failed to satisfy constraint: ${constraint}`);
    switch (s.type) {
      case 'string':
        if (typeof v !== 'string') return fail('Member must be a string');
        if (s.minLength !== undefined && v.length < s.minLength) fail(`Member must have length greater than or equal to ${s.minLength}`);
        // A value past its length is not matched against the pattern too: some model patterns are quadratic on
        // a long string (8 MiB of request body would take hours), as the language server knows (sagemaker/validation.ts).
        if (s.maxLength !== undefined && v.length > s.maxLength) fail(`Member must have length less than or equal to ${s.maxLength}`);
        else if (s.pattern && !matches(s.pattern, v)) fail(`Member must satisfy regular expression pattern: ${s['x-awsPattern'] ?? s.pattern}`);
        break;
      case 'integer':
      case 'number':
        if (typeof v !== 'number' || (s.type === 'integer' && !Number.isInteger(v))) return fail(`Member must be ${s.type === 'integer' ? 'an integer' : 'a number'}`);
        if (s.minimum !== undefined && v < s.minimum) fail(`Member must have value greater than or equal to ${s.minimum}`);
        if (s.maximum !== undefined && v > s.maximum) fail(`Member must have value less than or equal to ${s.maximum}`);
        break;
      case 'boolean':
        if (typeof v !== 'boolean') return fail('Member must be a boolean');
        break;
      case 'array':
        if (!Array.isArray(v)) return fail('Member must be a list');
        if (s.minItems !== undefined && v.length < s.minItems) fail(`Member must have length greater than or equal to ${s.minItems}`);
        if (s.maxItems !== undefined && v.length > s.maxItems) fail(`Member must have length less than or equal to ${s.maxItems}`);
        if (s.items) v.forEach((item, i) => check(s.items!, item, `${at}.${i + 1}.member`));
        break;
      case 'object': {
        if (typeof v !== 'object' || v === null || Array.isArray(v)) return fail('Member must be a structure');
        const obj = v as Record<string, unknown>;
        const keys = Object.keys(obj);
        const prefix = at ? `${at}.` : '';
        for (const key of s.required ?? []) if (obj[key] === undefined || obj[key] === null) {
          errors.push(`Value null at '${prefix}${camel(key)}' failed to satisfy constraint: Member must not be null`);
        }
        if (s.minProperties !== undefined && keys.length < s.minProperties) fail(`Member must have length greater than or equal to ${s.minProperties}`);
        if (s.maxProperties !== undefined && keys.length > s.maxProperties) fail(`Member must have length less than or equal to ${s.maxProperties}`);
        for (const key of keys) {
          if (obj[key] === undefined || obj[key] === null) continue;
          const member = s.properties?.[key];
          if (member) check(member, obj[key], `${prefix}${camel(key)}`);
          else if (s.additionalProperties === false) errors.push(`Unknown member '${key}' at '${at || 'request'}'`);
          else if (typeof s.additionalProperties === 'object') {
            if (s.propertyNames) check(s.propertyNames, key, `${prefix}${key}`);
            check(s.additionalProperties, obj[key], `${prefix}${key}`);
          }
        }
        break;
      }
    }
    // Instance-type enums have 200+ values: name the first few and say how many there are.
    if (s.enum && !s.enum.includes(v)) {
      const shown = s.enum.slice(0, 12).join(', ');
      fail(`Member must satisfy enum value set: [${shown}${s.enum.length > 12 ? `, … ${s.enum.length - 12} more` : ''}]`);
    }
  };

  check(root, value, '');
  return errors;
}

/** The AWS wording for a list of constraint failures. */
export function validationMessage(errors: string[]): string {
  return `${errors.length} validation error${errors.length === 1 ? '' : 's'} detected: ${errors.join('; ')}`;
}

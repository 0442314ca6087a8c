// Template placeholders `${Name}` (SAM DefinitionSubstitutions, CDK tokens, Terraform templatefile), replaced before
// deployment. Scanned by hand in linear time: the regex /\$\{([^}]+)\}/g retries from every `${` and is quadratic
// on "${${${…" without a closing brace.

/** A placeholder as written: its name and its offsets [start, end) including `${` and `}`. */
export interface Placeholder {
  name: string;
  start: number;
  end: number;
}

const RESOLVE = '{{resolve:';

/**
 * Whether the server treats a string as a template value: a `${` with a `}` after it, or a CloudFormation dynamic
 * reference (`{{resolve:ssm:/ml/role-arn}}`, resolved at deploy, also in a definition file a template takes in).
 */
export const hasPlaceholder = (s: string): boolean => {
  const open = s.indexOf('${');
  return (open >= 0 && s.indexOf('}', open + 2) >= 0) || (s.includes(RESOLVE) && dynamicReferences(s).length > 0);
};

/**
 * CloudFormation's dynamic references in `s` (`{{resolve:service:key}}`, the key possibly holding `${…}`: a `!Sub`
 * fills it first), as [start, end) ranges, in order; linear.
 */
export function dynamicReferences(s: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let open = s.indexOf(RESOLVE);
  while (open >= 0) {
    let depth = 0;
    let close = -1;
    for (let i = open + RESOLVE.length; i < s.length && close < 0; i++) {
      if (s[i] === '$' && s[i + 1] === '{') {
        depth++;
        i++;
      } else if (s[i] === '}' && depth > 0) depth--;
      else if (s[i] === '}' && s[i + 1] === '}') close = i + 2;
    }
    if (close < 0) return out;
    out.push({ start: open, end: close });
    open = s.indexOf(RESOLVE, close);
  }
  return out;
}

// Whole-value placeholders known to deploy as a string: in a CloudFormation Definition object (written out as JSON,
// then each `${key}` replaced as text inside the string it is written in) or written in quotes in a DefinitionString;
// in a SAM Definition, an intrinsic too (SAM writes its own placeholder in quotes in its place). Marked by
// templates/substitutions.ts, on the placeholder (its text unknown) or on the literal followed in its place (with
// the placeholder, where the mistake is written); the type checks read it (a number field given one).
const deploysAsText = new WeakMap<object, StringPlaceholder>();

/** What makes a value deploy as a string: the placeholder as written (its text, where it is), and whose doing it is. */
export interface StringPlaceholder {
  value?: unknown;
  offset: number;
  length: number;
  /** An intrinsic in a SAM Definition: SAM's placeholder for it is written in quotes, not CloudFormation's `${key}`. */
  sam?: true;
}

/** Marks a string node, a whole `${…}` placeholder or the literal followed for `placeholder`, as deploying as a string. */
export const markDeploysAsString = (node: object, placeholder: StringPlaceholder) => void deploysAsText.set(node, placeholder);

/** Why such a placeholder is a string, for messages: "${X} " + this. */
const DEPLOYS_AS_STRING = 'deploys as a string, whatever it stands for: CloudFormation replaces it as text inside the JSON string the definition has there';

/**
 * Why an intrinsic in a SAM Definition is a string: samtranslator's generators.py puts `"${definition_substitution_N}"`
 * in its place (`location[path[-1]] = sub_key`, sub_key "${definition_substitution_%s}") and writes the definition
 * with json.dumps, in quotes; CloudFormation then replaces that text inside them. serverless-application-model#1616
 * ("Can't use a CF parameter for TimeoutSeconds"): "SCHEMA_VALIDATION_FAILED: Expected value of type Integer".
 */
const SAM_DEPLOYS_AS_STRING = 'deploys as a string, whatever it stands for: SAM puts "${definition_substitution_N}" in its place, in quotes (generators.py), and CloudFormation replaces that text inside them';

/**
 * "X deploys as a string …" for a field's message: `placeholder` as written, `here` the value followed for it if it is
 * not the placeholder itself, and what to write instead (walk38: the message said why, not what to write).
 */
export function deploysAsStringText(field: string, placeholder: StringPlaceholder, here?: string): string {
  if (placeholder.sam) return `${String(placeholder.value)} ${SAM_DEPLOYS_AS_STRING}. Write the value itself here, or give the definition as a DefinitionUri file whose JSON has a placeholder outside quotes ("${field}": \${Name}) with DefinitionSubstitutions`;
  return `${String(placeholder.value)} ${DEPLOYS_AS_STRING}${here === undefined ? '' : ` (here ${here})`}. Write the value itself here, or give the definition as a DefinitionString whose JSON has the placeholder outside quotes ("${field}": ${String(placeholder.value)})`;
}

/** The placeholder as written, when a string node deploys as a string whatever its substitution (markDeploysAsString). */
export const deploysAsString = (node: object) => deploysAsText.get(node);

/** The name of the placeholder that is the whole of `s` (`${Items}`: Items), if it is one. */
export const wholePlaceholder = (s: string): string | undefined => /^\$\{([^}]+)\}$/.exec(s)?.[1];

/** Every `${name}` (a non-empty name without `}`), in order; what /\$\{([^}]+)\}/g matches, in linear time. */
export function scanPlaceholders(s: string): Placeholder[] {
  const out: Placeholder[] = [];
  let from = 0;
  for (;;) {
    const open = s.indexOf('${', from);
    if (open < 0) return out;
    const close = s.indexOf('}', open + 2);
    // No } after this ${: none after any later ${ either.
    if (close < 0) return out;
    if (close === open + 2) {
      from = open + 1; // `${}` names nothing; the regex moves on by one character
      continue;
    }
    out.push({ name: s.slice(open + 2, close), start: open, end: close + 1 });
    from = close + 1;
  }
}

/** The string with each placeholder replaced by `valueOf(name)`. */
export function substitutePlaceholders(s: string, valueOf: (name: string) => string): string {
  const found = scanPlaceholders(s);
  if (!found.length) return s;
  let out = '';
  let at = 0;
  for (const p of found) {
    out += s.slice(at, p.start) + valueOf(p.name);
    at = p.end;
  }
  return out + s.slice(at);
}

/**
 * The text of `s` that every substitution keeps, as [start, end) ranges: everything outside its `${…}`
 * placeholders and CloudFormation's dynamic references. Nesting counts (Serverless writes `${self:custom.${opt:stage}}`),
 * an unclosed `${` hides the rest, and a Terraform directive (`%{ if … }`, which can drop text) leaves nothing known.
 * Empty ranges are left out.
 */
export function literalParts(s: string): { start: number; end: number }[] {
  const references = dynamicReferences(s);
  return references.length ? outside(placeholderFreeParts(s), references) : placeholderFreeParts(s);
}

/** `parts` without the text of `holes` (each in order, apart from each other); linear in both. */
function outside(parts: { start: number; end: number }[], holes: { start: number; end: number }[]): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let j = 0;
  for (const p of parts) {
    let start = p.start;
    while (j < holes.length && holes[j].end <= start) j++;
    while (j < holes.length && holes[j].start < p.end) {
      const h = holes[j];
      if (h.start > start) out.push({ start, end: h.start });
      start = Math.max(start, h.end);
      if (h.end > p.end) break; // it covers the next part's start too
      j++;
    }
    if (start < p.end) out.push({ start, end: p.end });
  }
  return out;
}

function placeholderFreeParts(s: string): { start: number; end: number }[] {
  const directive = s.indexOf('%{');
  if (directive >= 0 && s.indexOf('}', directive) > 0) return [];
  const out: { start: number; end: number }[] = [];
  let from = 0;
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    if (depth === 0) {
      if (s[i] === '$' && s[i + 1] === '{') {
        if (i > from) out.push({ start: from, end: i });
        depth = 1;
        i++;
      }
    } else if (s[i] === '{') depth++;
    else if (s[i] === '}' && --depth === 0) from = i + 1;
  }
  if (depth === 0 && s.length > from) out.push({ start: from, end: s.length });
  return out;
}

// What a documented rule checks, in one line ("InstanceGroups not with InstanceType, InstanceCount"): the README's
// rule table (rules.mjs --markdown) and the hover of a member a rule involves (server/src/service/sagemaker/hover.ts)
// say it the same way. Plain JavaScript, so the script reads it as is and the server's bundle takes it in.

/** A prefix or suffix rule's texts: one, or a list. */
export const affixTexts = (x) => (typeof x === 'string' ? [x] : Array.isArray(x) ? x : []);

const v = (x) => (typeof x === 'string' ? x : JSON.stringify(x));
const cond = (c) =>
  c.means ? `${c.field} ${c.means}`
  : c.present !== undefined ? `${c.field} ${c.present ? '' : 'not '}set`
  : c.alone ? `${c.field} the only one set`
  : c.minItems !== undefined ? `${c.field} has ≥ ${c.minItems} items`
  : c.equals !== undefined ? `${c.field} = ${v(c.equals)}`
  : c.oneOf ? `${c.field} ∈ {${c.oneOf.map(v)}}`
  : c.startsWithOneOf ? `${c.field} ∈ {${c.startsWithOneOf.map((p) => p + '*')}}`
  : c.bucketEndsWith ? `${c.field}'s bucket ∈ {${c.bucketEndsWith.map((p) => '*' + p)}}`
  : `${c.field} ∉ {${c.notOneOf.map(v)}}`;

/** What rule `r` of documented-rules.json checks, in one line, its conditions after "when". */
export function ruleCheck(r) {
  const what = {
    requires: () => `${r.field} required`,
    forbidden: () => `no ${r.field}`,
    exclusive: () => `${r.field} not with ${r.with.join(', ')}`,
    exactlyOne: () => `exactly one of ${r.fields.join(', ')}`,
    atLeastOne: () => `at least one of ${r.fields.join(', ')}`,
    lessOrEqual: () => `${r.lhs.join(' + ')} ${r.strict ? '<' : '≤'} ${r.rhs.join(' + ')}`,
    max: () => `${r.field} ≤ ${r.max}`,
    range: () =>
      [r.min !== undefined ? `${r.min} ≤` : r.exclusiveMin !== undefined ? `${r.exclusiveMin} <` : '', r.field, r.max !== undefined ? `≤ ${r.max}` : r.exclusiveMax !== undefined ? `< ${r.exclusiveMax}` : '']
        .filter(Boolean)
        .join(' '),
    productMax: () => `${r.fields.join(' × ')} ≤ ${r.max}`,
    countMax: () => `items of ${r.lists.join(' + ')} ≤ ${r.max}`,
    unique: () => (r.fields?.length === 2 && !r.fields.some((f) => f.includes('[]')) ? `${r.fields[0]} ≠ ${r.fields[1]}` : r.fields ? `${r.fields.join(', ')} unique together` : r.oneOf ? `${r.list}[].${r.key} = ${r.oneOf.map(v).join(' or ')} in one item at most` : `${r.list}[].${r.key} unique`),
    allOrNone: () => `${r.list}[].${r.key} on all items or none`,
    sameValue: () => `${r.list}[].${r.key} the same in every item`,
    keysIn: () => `keys of ${r.field}${r.whereValueHas ? ` that set ${r.whereValueHas}` : ''} ∈ {${r.namedBy.join(', ')}}`,
    format: () => `${r.field} is ${{ base64: 'base64 text', json: 'JSON text', jsonObject: 'a JSON object', number: 'a number', integer: 'an integer', isoDuration: 'an ISO 8601 duration', pattern: r.form }[r.format]}`,
    spanMax: () => `${r.fields[1]} − ${r.fields[0]} ≤ ${r.max} s`,
    matchesPattern: () => `${r.field} matches one of ${r.globs ? `{${r.globs}}` : `${r.wildcards}[]`}`,
    priceIn: () => (r.oneOf ? `${r.field} (USD) ∈ {${r.oneOf}}` : `${r.field} (USD) ∉ {${r.notOneOf}}`),
    namedIn: () => `${r.field} ∈ ${r.list}[].${r.key}${r.itemValue ? `, whose ${r.itemValue.field} ∈ {${r.itemValue.oneOf.map(v)}}` : ''}`,
    requiresValue: () => (r.notOneOf ? `${r.field} ∉ {${r.notOneOf.map(v)}}` : `${r.field} ∈ {${r.oneOf.map(v)}}${r.default !== undefined ? ` (absent = ${v(r.default)})` : ''}`) + (r.defaultFrom ? ` (absent = the ${r.defaultFrom.path} around it)` : ''),
    affix: () => {
      const texts = affixTexts(r.prefix ?? r.suffix);
      return `${r.field} ${r.prefix !== undefined ? (r.not ? 'does not start' : 'starts') : r.not ? 'does not end' : 'ends'} with ${texts.length > 1 ? `one of {${texts}}` : texts[0]}`;
    },
    totalLengthMax: () => `bytes of ${r.maps.join(' + ')} ≤ ${r.max}`,
    entryBytesMax: () => `bytes of each key and value of ${r.maps.join(', ')} ≤ ${r.max}`,
    bytesMax: () => `bytes of ${r.field} ≤ ${r.max}`,
    lengthMax: () => `characters of ${r.field} ≤ ${r.max}`,
    countMin: () => `items of ${r.field} ≥ ${r.min}`,
    sumMax: () => `sum of ${r.field} ≤ ${r.max}`,
    listContains: () => `${r.field} holds ${r.oneOf.length > 1 ? 'one of ' : ''}${r.oneOf.map(v).join(', ')}`,
    samePart: () => `one ${r.part} in ${r.fields.join(', ')}`,
    combinationsAtLeast: () => `${r.field} ≤ the combinations of ${r.valuesIn}[].Values × the integers of ${r.spansIn}[] (none in ${r.unbounded.join(', ')})`,
  }[r.kind]();
  const when = [r.when ?? []].flat().map(cond).join(' and ');
  const defaults = Object.entries(r.defaults ?? {}).map(([f, d]) => ` (absent ${f} = ${v(d)})`).join('');
  return when ? `${what}${defaults} when ${when}` : `${what}${defaults}`;
}

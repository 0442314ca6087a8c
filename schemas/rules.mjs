#!/usr/bin/env node
// Keeps the data beside the generated schemas honest against the API model (schemas/aws-model):
//  - documented-rules.json: SageMaker's rules that live only in documentation sentences. Each rule quotes its
//    sentence; this script fails when a quote is no longer in the documentation of the shape/member it names,
//    when a path does not resolve from a scope shape, or when a value it compares with is not one the shape allows.
//  - literal-json-paths.json: the members SageMaker itself evaluates as a JSONPath (or JMESPath) expression, found
//    from the documentation ("A JSONPath expression used to select …"), with their paths in each request. Step
//    Functions must pass them through literally, so "$[1:]" there is not a forgotten ".$". Generated: `--write`.
//   node schemas/rules.mjs           check both files (exit 1 on a problem)
//   node schemas/rules.mjs --write   regenerate literal-json-paths.json, then check
//   node schemas/rules.mjs --markdown print the rules as a Markdown table (for the README)
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { affixTexts, ruleCheck } from './ruleText.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const MODEL = join(here, 'aws-model', 'sagemaker-2017-07-24.service-2.json');
export const RULES = join(here, 'documented-rules.json');
export const LITERAL_PATHS = join(here, 'literal-json-paths.json');

/** The model's HTML documentation as the plain text the rules quote: tags dropped, entities decoded, spaces collapsed. */
export function documentationText(html) {
  return (html ?? '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;|&apos;/g, "'").replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .replace(/ ([.,;:)])/g, '$1')
    .replace(/\( /g, '(')
    .trim();
}

/** The SageMaker operations of the Step Functions integrations, from the generated schemas (one source of truth). */
export function integrationOperations() {
  const dir = join(here, 'sagemaker');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.schema.json'))
    .map((f) => {
      const s = JSON.parse(readFileSync(join(dir, f), 'utf8'));
      return { api: s['x-stepFunctionsResource'], operation: s['x-awsOperation'] };
    });
}

function closure(model, root) {
  const seen = new Set();
  const stack = [root];
  while (stack.length) {
    const name = stack.pop();
    if (seen.has(name)) continue;
    seen.add(name);
    const s = model.shapes[name];
    if (s.type === 'structure') for (const m of Object.values(s.members)) stack.push(m.shape);
    if (s.type === 'list') stack.push(s.member.shape);
    if (s.type === 'map') stack.push(s.key.shape, s.value.shape);
  }
  return seen;
}

/** The shape a rule path ("A.B[].C") reaches from `shape`, or an error message. */
function resolve(model, shape, path) {
  let current = shape;
  for (const part of path.split('.')) {
    const list = part.endsWith('[]');
    const name = list ? part.slice(0, -2) : part;
    const s = model.shapes[current];
    // A map is read as a structure of its keys: those of its enum (a filling method's options), or any name
    // (a hyperparameter: StaticHyperParameters.epochs).
    if (s?.type === 'map' && !list) {
      if (model.shapes[s.key.shape].enum && !model.shapes[s.key.shape].enum.includes(name)) return { error: `${current} has no key ${name}` };
      current = s.value.shape;
      continue;
    }
    if (s?.type !== 'structure' || !s.members[name]) return { error: `${current} has no member ${name}` };
    current = s.members[name].shape;
    if (list) {
      if (model.shapes[current].type !== 'list') return { error: `${name} in ${path} is not a list` };
      current = model.shapes[current].member.shape;
    }
  }
  return { shape: current };
}

/** The member a rule path ends at (its documentation), or undefined. */
function memberOf(model, shape, path) {
  const parts = path.split('.');
  const last = parts.pop().replace(/\[\]$/, '');
  const parent = parts.length ? resolve(model, shape, parts.join('.')) : { shape };
  return parent.error ? undefined : model.shapes[parent.shape]?.members?.[last];
}

/** Whether `value` is one the shape allows (enum member, or the right JSON type). */
function fits(model, shapeName, value) {
  const s = model.shapes[shapeName];
  if (s.enum) return s.enum.includes(value);
  if (s.type === 'boolean') return typeof value === 'boolean';
  if (s.type === 'integer' || s.type === 'long') return Number.isInteger(value);
  if (s.type === 'string') return typeof value === 'string';
  return typeof value === 'number';
}

const PATH_PARAMS = { field: 'one', at: 'oneOrMany', fixFrom: 'one', list: 'one', fields: 'many', with: 'many', lhs: 'many', rhs: 'many', lists: 'many', maps: 'many', namedBy: 'many', valuesIn: 'one', spansIn: 'one', unbounded: 'many' };
/** format: the word a rule's quotes must use for each format. */
const FORMAT_WORDS = { base64: /base64/i, json: /JSON/, jsonObject: /dictionary|JSON object/i, number: /floating-point|number/i, integer: /integer/i, isoDuration: /ISO 8601 duration/, pattern: /./ };
/** EC2's instance type names (instance-type-names.html): the additional capability that says an instance has instance store volumes. */
const INSTANCE_STORE_NAMING = 'd – Instance store volumes';
/** An instance type's or family prefix's family (`ml.r5d.`) and whether its name says instance store (the d among its capabilities). */
function familyOf(value) {
  const m = /^(ml\.[a-z]+\d+([a-z-]*)\.)/.exec(value);
  return m ? { prefix: m[1], instanceStore: m[2].includes('d') } : undefined;
}
const KINDS = ['requires', 'forbidden', 'exclusive', 'exactlyOne', 'atLeastOne', 'lessOrEqual', 'max', 'range', 'productMax', 'countMax', 'unique', 'allOrNone', 'requiresValue', 'affix', 'totalLengthMax', 'entryBytesMax', 'bytesMax', 'listContains', 'samePart', 'sameValue', 'namedIn', 'keysIn', 'format', 'spanMax', 'priceIn', 'matchesPattern', 'lengthMax', 'countMin', 'combinationsAtLeast', 'sumMax'];
/** A scope is a structure, or a map whose keys are an enum (its keys read as members). */
const scopeShape = (model, name) => model.shapes[name]?.type === 'structure' || (model.shapes[name]?.type === 'map' && !!model.shapes[model.shapes[name].key.shape].enum);

/** Every way the rules file disagrees with the model; empty when it is in step. */
export function checkRules(model, data) {
  const problems = [];
  // Any operation's request is checked (the AWS SDK integration calls every one): a scope must be in one of them.
  const reachable = new Set();
  for (const op of Object.values(model.operations)) if (op.input) for (const n of closure(model, op.input.shape)) reachable.add(n);
  const ids = new Set();
  for (const rule of data.rules) {
    const say = (msg) => problems.push(`${rule.id}: ${msg}`);
    if (ids.has(rule.id)) say('duplicate id');
    ids.add(rule.id);
    if (!KINDS.includes(rule.kind)) say(`unknown kind ${rule.kind}`);
    // What the rule quotes: the texts, formats and prices it names must be the documentation's own words.
    const quotes = [rule.source ?? {}, ...(rule.alsoQuotes ?? [])].map((q) => q.quote ?? '');
    // Pages outside the model the rule rests on too (EC2's instance type names): their words, as given.
    const pageQuotes = (rule.pages ?? []).map((p) => (typeof p?.title === 'string' && typeof p.url === 'string' && /^https:\/\/docs\.aws\.amazon\.com\//.test(p.url) && typeof p.quote === 'string' ? p.quote : (say('a page needs a title, a docs.aws.amazon.com url and a quote'), '')));
    // The service's own answer to such a request, where a report of it is what the rule rests on: its words are the
    // note's quote of that report, and where it was reported an issue or pull request the note names.
    if (rule.refusal !== undefined) {
      const { quote, reported } = rule.refusal ?? {};
      if (typeof quote !== 'string' || !quote || !(rule.note ?? '').includes(quote)) say('refusal.quote must be a text the note quotes');
      if (typeof reported !== 'string' || !/^[\w.-]+\/[\w.-]+#\d+$/.test(reported) || !(rule.note ?? '').includes(reported.split('#')[0]) || !(rule.note ?? '').includes(`#${reported.split('#')[1]}`)) say('refusal.reported must be owner/repo#number, named in the note');
    }
    // An affix without its text would test for "undefined" and flag every value.
    if (rule.kind === 'affix') {
      const given = [rule.prefix, rule.suffix].filter((x) => x !== undefined);
      const texts = affixTexts(given[0]);
      if (given.length !== 1 || !texts.length || texts.some((t) => typeof t !== 'string' || t === '')) say('affix needs exactly one of prefix and suffix, a non-empty string or a list of them');
      // The texts are the documentation's own: each is in a sentence the rule quotes, or a page it cites gives ("/" as a
      // prefix where one says "absolute path": a path that does not begin with / is none, whatever the system).
      const said = (t) => pageQuotes.some((q) => q.includes(t)) || quotes.some((q) => q.includes(t) || (t === '/' && rule.prefix === '/' && /\babsolute path\b/.test(q)));
      for (const t of texts) if (typeof t === 'string' && t && !said(t)) say(`affix ${JSON.stringify(t)} is in none of the rule's quotes`);
    }
    // A pattern that does not compile, or captures nothing, would make every value name no part: a rule that never fires.
    if (rule.kind === 'samePart') {
      if (typeof rule.part !== 'string' || !rule.part) say('samePart needs `part`, what the patterns capture (for the message)');
      if (!Array.isArray(rule.patterns) || !rule.patterns.length) say('samePart needs `patterns`, a non-empty list');
      for (const p of rule.patterns ?? []) {
        try {
          if (new RegExp(`${p}|`).exec('').length < 2) say(`pattern ${p} captures no group`);
        } catch (e) {
          say(`pattern ${p}: ${e.message}`);
        }
      }
    }
    if (!['error', 'warning'].includes(rule.severity)) say(`severity ${rule.severity}`);
    for (const { shape, member, quote, endsDocumentation, operation } of [rule.source ?? {}, ...(rule.alsoQuotes ?? [])]) {
      const doc = operation ? !member && model.operations[shape]?.documentation : model.shapes[shape] && (member ? model.shapes[shape].members?.[member]?.documentation : model.shapes[shape].documentation);
      if (!doc) say(`no documentation for ${shape}${member ? '.' + member : ''}`);
      else if (!documentationText(doc).includes(quote)) say(`the quote is no longer in ${shape}${member ? '.' + member : ''}: "${quote}"`);
      else if (endsDocumentation && !documentationText(doc).endsWith(quote)) say(`the documentation of ${shape}${member ? '.' + member : ''} goes on after the quote (a list that grew?): "${quote}"`);
    }
    for (const scope of rule.scope) {
      if (!reachable.has(scope)) say(`scope ${scope} is in no operation's request`);
      if (!scopeShape(model, scope)) {
        say(`scope ${scope} is neither a structure nor a map with enum keys`);
        continue;
      }
      for (const [param, arity] of Object.entries(PATH_PARAMS)) {
        if (rule[param] === undefined) continue;
        for (const p of arity === 'one' || (arity === 'oneOrMany' && !Array.isArray(rule[param])) ? [rule[param]] : rule[param]) {
          const r = resolve(model, scope, p);
          if (r.error) say(`${param} ${p} from ${scope}: ${r.error}`);
        }
      }
      if (rule.defaultFrom) {
        const { path, within } = rule.defaultFrom;
        if (!Array.isArray(within) || !within.length) say('defaultFrom needs `within`, the shapes that hold its path');
        for (const w of within ?? []) {
          if (!reachable.has(w)) say(`defaultFrom within ${w} is in no operation's request`);
          else if (!closure(model, w).has(scope)) say(`defaultFrom within ${w} does not hold the scope ${scope}`);
          const r = resolve(model, w, path);
          if (r.error) say(`defaultFrom ${path} from ${w}: ${r.error}`);
        }
      }
      for (const w of [rule.when ?? []].flat()) {
        const r = resolve(model, scope, w.field);
        if (r.error) say(`when ${w.field} from ${scope}: ${r.error}`);
        else for (const v of [w.equals, ...(w.oneOf ?? []), ...(w.notOneOf ?? []), w.default].filter((x) => x !== undefined)) {
          if (!fits(model, r.shape, v)) say(`when ${w.field}: ${JSON.stringify(v)} is not a value of ${r.shape}`);
        }
        for (const prefix of w.startsWithOneOf ?? []) {
          // A field of listed values: some value begins so. Free text (a path): the beginning is the documentation's
          // own, in a sentence the rule quotes or a page it cites (/, the root of an absolute path).
          const enumerated = !r.error && model.shapes[r.shape].enum;
          if (enumerated && !enumerated.some((e) => e.startsWith(prefix))) say(`when ${w.field}: no value of ${r.shape} starts with ${prefix}`);
          if (!r.error && !enumerated && !(typeof prefix === 'string' && prefix && [...quotes, ...pageQuotes].some((q) => q.includes(prefix)))) say(`when ${w.field}: ${JSON.stringify(prefix)} is in none of the rule's quotes`);
          // Each instance family is one the quotes name, or a page the rule cites names in words ("Inf1 (Inferentia-based)
          // instances" for ml.inf1.), or, where the rule cites EC2's naming of instance store volumes, one whose name has
          // d among its additional capabilities (ml.r5d., ml.p3dn.; not ml.g5.).
          const family = familyOf(prefix);
          const named = (q) => new RegExp(`\\b${prefix.slice('ml.'.length, -1)}\\b`, 'i').test(q);
          if (family?.prefix === prefix && !quotes.some((q) => q.includes(prefix.slice(0, -1))) && !pageQuotes.some(named) && !(pageQuotes.includes(INSTANCE_STORE_NAMING) && family.instanceStore))
            say(`when ${w.field}: the instance family ${prefix} is in none of the rule's quotes, nor named for instance store volumes (with EC2's naming page cited)`);
        }
        // Citing the naming, the rule holds every family of the field that carries the d: a new one in the model is noticed.
        if (!r.error && w.startsWithOneOf && pageQuotes.includes(INSTANCE_STORE_NAMING)) {
          const families = new Set((model.shapes[r.shape].enum ?? []).map(familyOf).filter((f) => f?.instanceStore).map((f) => f.prefix));
          for (const f of families) if (!w.startsWithOneOf.includes(f)) say(`when ${w.field}: ${r.shape} has the instance family ${f}, named for instance store volumes, which the rule does not list`);
        }
        // An ending the condition tests is one the field's own documentation gives (a listed Lambda's function name), or
        // a page the rule cites (the Mechanical Turk work team's ARN, which the model does not give); with everyMatch,
        // the list holds every one the documentation gives, so a new one is noticed.
        const endings = w.endsWithOneOf ?? w.notEndsWithOneOf;
        if (endings && !r.error) {
          const doc = documentationText(memberOf(model, scope, w.field)?.documentation);
          for (const t of endings) if (typeof t !== 'string' || !t || !(doc.includes(t) || pageQuotes.some((q) => q.includes(t)))) say(`when ${w.field}: ${JSON.stringify(t)} is not in its documentation nor in a page the rule cites`);
          if (w.everyMatch) for (const m of new Set(doc.match(new RegExp(w.everyMatch, 'g')) ?? [])) if (!endings.includes(m)) say(`when ${w.field}: its documentation gives ${m}, which the list does not hold`);
        }
      }
      if (rule.kind === 'requiresValue' || rule.kind === 'listContains') {
        const r = resolve(model, scope, rule.kind === 'listContains' ? `${rule.field}[]` : rule.field);
        if (r.error && rule.kind === 'listContains') say(`${rule.field}[] from ${scope}: ${r.error}`);
        if (!r.error) for (const v of [...(rule.oneOf ?? rule.notOneOf ?? []), rule.default, rule.fix].filter((x) => x !== undefined)) {
          if (!fits(model, r.shape, v)) say(`${rule.field}: ${JSON.stringify(v)} is not a value of ${r.shape}`);
        }
      }
      for (const [field, value] of Object.entries(rule.defaults ?? {})) {
        const r = resolve(model, scope, field);
        if (![...(rule.fields ?? []), ...(rule.lhs ?? []), ...(rule.rhs ?? [])].includes(field)) say(`defaults ${field} is not one of the rule's fields`);
        else if (!r.error && !fits(model, r.shape, value)) say(`defaults ${field}: ${JSON.stringify(value)} is not a value of ${r.shape}`);
      }
      // unique `fields`: paths, through lists or not (resolved as PATH_PARAMS), whose values together must not repeat.
      if (rule.kind === 'unique' && rule.fields) {
        if (rule.list !== undefined || rule.key !== undefined || rule.oneOf || rule.fields.length < 2) say('unique takes `list` and `key`, or `fields`: two or more paths, without `oneOf`');
      } else if (rule.kind === 'unique' || rule.kind === 'allOrNone' || rule.kind === 'sameValue' || rule.kind === 'namedIn') {
        const r = resolve(model, scope, `${rule.list}[].${rule.key}`);
        if (r.error) say(`${rule.list}[].${rule.key} from ${scope}: ${r.error}`);
        // unique `oneOf`: the values that may not repeat are values of the key.
        else if (rule.kind === 'unique') for (const v of rule.oneOf ?? []) if (!fits(model, r.shape, v)) say(`${rule.key}: ${JSON.stringify(v)} is not a value of ${r.shape}`);
      }
      if (rule.kind === 'format') {
        if (!Object.keys(FORMAT_WORDS).includes(rule.format)) say(`format needs \`format\`: one of ${Object.keys(FORMAT_WORDS).join(', ')}`);
        // The format is the documentation's own word.
        else if (!FORMAT_WORDS[rule.format].test(quotes.join(' '))) say(`format ${rule.format} is in none of the rule's quotes`);
        if (rule.format === 'pattern') {
          if (typeof rule.form !== 'string' || typeof rule.pattern !== 'string') say('format pattern needs `pattern` (a regular expression) and `form` (it in words)');
          else if (!rule.pattern.startsWith('^') || !rule.pattern.endsWith('$')) say('format pattern: `pattern` must match the whole value (^…$)');
          else {
            // Every example the quotes give in code form must match the pattern: it says no less than they do.
            const examples = quotes.join(' ').match(rule.examples ? new RegExp(rule.examples, 'g') : /$^/g) ?? [];
            for (const e of examples) if (!new RegExp(rule.pattern).test(e)) say(`format pattern: the quoted example ${e} does not match ${rule.pattern}`);
            if (rule.examples && !examples.length) say('format pattern: `examples` finds no example in the quotes');
          }
        }
      }
      if (rule.kind === 'matchesPattern' && (rule.wildcards === undefined) === (rule.globs === undefined)) say('matchesPattern needs exactly one of `wildcards` (a list in the request) and `globs` (the patterns)');
      else if (rule.kind === 'matchesPattern' && rule.globs) {
        if (!Array.isArray(rule.globs) || !rule.globs.length || rule.globs.some((g) => typeof g !== 'string' || !g.includes('*'))) say('matchesPattern `globs` needs a non-empty list of * patterns');
        // The form is the documentation's own: the text between the *s of the first pattern is in a quote; the others
        // are variants of it (other partitions' hosts) the note explains.
        else if (!quotes.some((q) => rule.globs[0].split('*').every((t) => q.includes(t)))) say(`matchesPattern: the text of ${rule.globs[0]} is in none of the rule's quotes`);
      } else if (rule.kind === 'matchesPattern') {
        const r = resolve(model, scope, `${rule.wildcards}[]`);
        if (r.error) say(`${rule.wildcards}[] from ${scope}: ${r.error}`);
        // The wildcard is the documentation's own.
        if (!/wildcard matching using \*/.test(documentationText(memberOf(model, scope, rule.wildcards)?.documentation))) say(`matchesPattern: the documentation of ${rule.wildcards} does not say its patterns use * wildcards`);
      }
      if (rule.kind === 'priceIn') {
        // The prices are the documentation's own, each written as it writes them (three decimals).
        const quoted = quotes.join(' ');
        const prices = rule.oneOf ?? rule.notOneOf ?? [];
        if (!prices.length || (rule.oneOf && rule.notOneOf)) say('priceIn needs one of `oneOf` and `notOneOf`');
        for (const x of prices) if (typeof x !== 'string' || !/^\d+\.\d{3}$/.test(x) || !new RegExp(`(^|\\s)${x.replace('.', '\\.')}(\\s|$)`).test(quoted)) say(`price ${JSON.stringify(x)} is in none of the rule's quotes`);
        const r = resolve(model, scope, rule.field);
        if (!r.error && !['Dollars', 'Cents', 'TenthFractionsOfACent'].every((m) => model.shapes[r.shape].members?.[m])) say(`priceIn ${rule.field} is no USD amount`);
      }
      if (rule.kind === 'spanMax') {
        if (rule.fields?.length !== 2 || typeof rule.max !== 'number') say('spanMax needs two `fields` (from, to) and `max` seconds');
        for (const f of rule.fields ?? []) {
          const r = resolve(model, scope, f);
          if (!r.error && model.shapes[r.shape].type !== (rule.offsets ? 'string' : 'timestamp')) say(`spanMax ${f} is not a ${rule.offsets ? 'string' : 'timestamp'}`);
          if (!r.error && rule.offsets && !documentationText(memberOf(model, scope, f)?.documentation).includes('ISO 8601 duration')) say(`spanMax ${f}: its documentation does not say it is an ISO 8601 duration`);
        }
      }
      if (rule.kind === 'lengthMax' || rule.kind === 'countMin') {
        // A string's length or a list's items where the documentation says more than the model's own bound (which
        // the schema checks already), with the number in the documentation's own words.
        const bound = rule.kind === 'lengthMax' ? rule.max : rule.min;
        const type = rule.kind === 'lengthMax' ? 'string' : 'list';
        const r = resolve(model, scope, rule.field);
        const shape = r.error ? undefined : model.shapes[r.shape];
        if (typeof bound !== 'number') say(`${rule.kind} needs \`${rule.kind === 'lengthMax' ? 'max' : 'min'}\`, a number`);
        else if (shape && shape.type !== type) say(`${rule.kind} ${rule.field} is not a ${type}`);
        else if (shape && (rule.kind === 'lengthMax' ? (shape.max ?? Infinity) <= bound : (shape.min ?? 0) >= bound)) say(`${rule.kind} ${rule.field}: the model's own bound already says as much`);
        if (typeof bound === 'number' && !quotes.some((q) => new RegExp(`(^|[^\\d.])${bound}([^\\d]|$)`).test(q))) say(`${rule.kind} ${bound} is in none of the rule's quotes`);
      }
      if (rule.kind === 'sumMax') {
        // A number in every item of a list, summed over the list (the nodes added to a cluster's instance groups in
        // one request), with the bound in the documentation's own words.
        const r = resolve(model, scope, rule.field);
        const type = r.error ? undefined : model.shapes[r.shape].type;
        if (!rule.field?.includes('[]')) say('sumMax needs a `field` through a list (A[].B)');
        else if (type !== undefined && type !== 'integer' && type !== 'long') say(`sumMax ${rule.field} is not an integer`);
        if (typeof rule.max !== 'number') say('sumMax needs `max`, a number');
        else if (!quotes.some((q) => new RegExp(`(^|[^\\d.])${rule.max}([^\\d]|$)`).test(q))) say(`sumMax ${rule.max} is in none of the rule's quotes`);
      }
      if (rule.kind === 'combinationsAtLeast') {
        // The members each kind of range is counted by: a categorical range's Values, an integer range's bounds.
        if (!rule.valuesIn || !rule.spansIn || !Array.isArray(rule.unbounded)) say('combinationsAtLeast needs `valuesIn`, `spansIn` and `unbounded`');
        else for (const p of [`${rule.valuesIn}[].Values`, `${rule.spansIn}[].MinValue`, `${rule.spansIn}[].MaxValue`]) {
          const r = resolve(model, scope, p);
          if (r.error) say(`${p} from ${scope}: ${r.error}`);
        }
      }
      if (rule.kind === 'keysIn') {
        const r = resolve(model, scope, rule.field);
        if (!r.error && model.shapes[r.shape].type !== 'map') say(`keysIn ${rule.field} is not a map`);
        if (!Array.isArray(rule.namedBy) || !rule.namedBy.length) say('keysIn needs `namedBy`, the fields that name the allowed keys');
        if (rule.whereValueHas !== undefined && !quotes.some((q) => q.includes(rule.whereValueHas))) say(`keysIn whereValueHas ${rule.whereValueHas} is in none of the rule's quotes`);
      }
      if (rule.itemValue) {
        const r = resolve(model, scope, `${rule.list}[].${rule.itemValue.field}`);
        if (r.error) say(`${rule.list}[].${rule.itemValue.field} from ${scope}: ${r.error}`);
        else for (const x of rule.itemValue.oneOf) if (!fits(model, r.shape, x)) say(`itemValue: ${JSON.stringify(x)} is not a value of ${r.shape}`);
      }
    }
  }
  for (const n of data.notEncoded ?? []) {
    const doc = n.member ? model.shapes[n.shape]?.members?.[n.member]?.documentation : model.shapes[n.shape]?.documentation;
    if (!doc || !documentationText(doc).includes(n.quote)) problems.push(`notEncoded ${n.shape}.${n.member}: the quote is no longer in the model: "${n.quote}"`);
  }
  return problems;
}

const EXPRESSION = /\b(JSONPath|JMESPath)\b[^.]{0,40}\bexpression\b/;

/** Members whose value SageMaker evaluates as a JSONPath or JMESPath expression, with their paths in each request. */
export function literalJsonPaths(model) {
  const fields = [];
  const ops = integrationOperations().sort((a, b) => a.api.localeCompare(b.api));
  const names = new Set();
  for (const { operation } of ops) for (const n of closure(model, model.operations[operation].input.shape)) names.add(n);
  for (const shape of [...names].sort()) {
    const s = model.shapes[shape];
    if (s.type !== 'structure') continue;
    for (const [member, m] of Object.entries(s.members)) {
      const text = documentationText(m.documentation);
      const found = EXPRESSION.exec(text);
      if (!found) continue;
      const sentence = text.slice(0, text.indexOf('.', found.index) + 1);
      fields.push({ shape, member, language: found[1], quote: sentence, paths: {} });
    }
  }
  // Where each member sits in each request: every path from the request to the member (no shape twice on a path).
  for (const { api, operation } of ops) {
    const stack = [{ shape: model.operations[operation].input.shape, path: '', seen: new Set() }];
    while (stack.length) {
      const { shape, path, seen } = stack.pop();
      const s = model.shapes[shape];
      if (s.type !== 'structure' || seen.has(shape)) continue;
      const nextSeen = new Set(seen).add(shape);
      for (const [member, m] of Object.entries(s.members)) {
        const here = path ? `${path}.${member}` : member;
        const field = fields.find((f) => f.shape === shape && f.member === member);
        if (field) (field.paths[api] ??= []).push(here);
        const t = model.shapes[m.shape];
        if (t.type === 'structure') stack.push({ shape: m.shape, path: here, seen: nextSeen });
        if (t.type === 'list' && model.shapes[t.member.shape].type === 'structure') stack.push({ shape: t.member.shape, path: `${here}[]`, seen: nextSeen });
      }
    }
  }
  for (const f of fields) for (const api of Object.keys(f.paths)) f.paths[api].sort();
  return {
    $comment: 'Generated by schemas/rules.mjs --write from the model\'s documentation: members SageMaker evaluates itself as a JSONPath or JMESPath expression. Their values are literals to Step Functions ("$[1:]" is not a forgotten ".$"). Do not edit.',
    fields,
  };
}

/** The rules as a Markdown table: what is checked, where, how severe, and the sentence it rests on. */
export function rulesTable(data) {
  // A pipe would end the cell; a `<` before a letter would open an HTML tag that renderers hide (`<acct-id>`).
  const cell = (s) => String(s).replace(/\|/g, '\\|').replace(/<(?=[A-Za-z/!?])/g, '&lt;');
  const rows = data.rules.map((r) => {
    const where = r.scope.length > 3 ? `${r.scope.slice(0, 3).join(', ')} …` : r.scope.join(', ');
    const doc = `${r.source.shape}${r.source.member ? '.' + r.source.member : ''}: "${r.source.quote}"`;
    return `| \`${r.id}\` | ${cell(ruleCheck(r))} | ${cell(where)} | ${r.severity} | ${cell(doc)} |`;
  });
  return ['| Rule | Check | In (shape) | Severity | The documentation it quotes |', '|---|---|---|---|---|', ...rows].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--markdown')) {
    console.log(rulesTable(JSON.parse(readFileSync(RULES, 'utf8'))));
    process.exit(0);
  }
  const model = JSON.parse(readFileSync(MODEL, 'utf8'));
  const literal = literalJsonPaths(model);
  if (process.argv.includes('--write')) writeFileSync(LITERAL_PATHS, JSON.stringify(literal, null, 1) + '\n');
  const problems = checkRules(model, JSON.parse(readFileSync(RULES, 'utf8')));
  if (readFileSync(LITERAL_PATHS, 'utf8') !== JSON.stringify(literal, null, 1) + '\n') problems.push('literal-json-paths.json is stale: run node schemas/rules.mjs --write');
  for (const p of problems) console.error(p);
  console.log(`documented rules: ${problems.length ? problems.length + ' problem(s)' : 'in step with the model'}; literal JSONPath members: ${literal.fields.map((f) => `${f.shape}.${f.member}`).join(', ')}`);
  process.exit(problems.length ? 1 : 0);
}

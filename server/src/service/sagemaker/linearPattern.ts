// How a value is matched against a model pattern. V8's engine backtracks, and a few of the model's patterns take
// exponential or polynomial time on a hostile value: 28 spaces and U+0085 in a createPipeline's PipelineDefinition
// held the server for seconds, each more space doubling it. recheck judged every pattern the schemas carry
// (schemas/backtracking.mjs → schemas/sagemaker/backtracking.json); those it found vulnerable are matched by re2js,
// a port of RE2, whose automaton takes time linear in the value. The others keep V8's engine, many times faster on
// the values every keystroke checks; so does a polynomial one on a value short enough that its worst case is a few
// million steps (an S3 URI's is quadratic: every training job has one, and loading re2js for it slowed every start).
// Both libraries are loaded on first use (scripts/build.mjs).
import type * as Regexpp from '@eslint-community/regexpp';
import type * as Re2js from 're2js';
import { sageMakerBacktrackingPatterns } from '../../../../schemas/sagemaker/index';

/** RE2 refuses a count above 1,000 (`{3,1016}`): re2Source rewrites such a count. */
const RE2_MAX_REPEAT = 1000;

let backtracking: Record<string, string> | undefined;

/** The most steps a polynomial pattern may take in V8 (length ** degree): a few milliseconds. */
const V8_STEPS = 4_000_000;

/**
 * A test of `value` against the pattern `source` (compiled with the `u` flag), in linear time where V8's would not
 * be. `v8`: the pattern already compiled, where the caller keeps one (a shape's `pattern`).
 */
export function patternMatcher(source: string, v8 = new RegExp(source, 'u')): (value: string) => boolean {
  backtracking ??= sageMakerBacktrackingPatterns();
  if (!Object.hasOwn(backtracking, source)) return (value) => v8.test(value);
  const degree = /^polynomial (\d+)$/.exec(backtracking[source])?.[1];
  const shortUpTo = degree ? Math.floor(V8_STEPS ** (1 / Number(degree))) : -1;
  let re: Re2js.RE2JS | undefined;
  return (value) => {
    if (value.length <= shortUpTo) return v8.test(value);
    re ??= (require('re2js') as typeof Re2js).RE2JS.compile(re2Source(source));
    return re.matcher(value).find();
  };
}

/**
 * A JavaScript pattern (`u` flag) in RE2's syntax: `\uXXXX` and `\u{…}` as `\x{…}`; a count above 1,000 (RE2's
 * limit) made open-ended (`{3,1016}` → `{3,}`), a minimum above it split. Open-ended matches a little more: only
 * values longer than such a count (over 1,000 characters; the model's length bound then speaks), never a valid value
 * refused; and 1,016 copies of a group made each check of a 1,024-character URL take 50 ms.
 */
export function re2Source(source: string): string {
  const regexpp = require('@eslint-community/regexpp') as typeof Regexpp;
  const tree = new regexpp.RegExpParser({ ecmaVersion: 2025 }).parsePattern(source, 0, source.length, { unicode: true });
  const big: Regexpp.AST.Quantifier[] = [];
  regexpp.visitRegExpAST(tree, { onQuantifierEnter: (q) => void ((q.min > RE2_MAX_REPEAT || (q.max !== Infinity && q.max > RE2_MAX_REPEAT)) && big.push(q)) });
  let out = source;
  // From the last to the first, so the offsets of those before stay right; one inside another is not written here.
  for (const q of big.sort((a, b) => b.start - a.start)) {
    if (big.some((o) => o !== q && o.start <= q.start && q.end <= o.end)) throw new Error(`a count above ${RE2_MAX_REPEAT} inside another: ${source}`);
    const element = `(?:${q.element.raw})`;
    let written = '';
    let min = q.min;
    while (min > RE2_MAX_REPEAT) {
      written += `${element}{${RE2_MAX_REPEAT}}`;
      min -= RE2_MAX_REPEAT;
    }
    written += `${element}{${min},}`;
    out = out.slice(0, q.start) + written + out.slice(q.end);
  }
  // An escape's backslash is the odd one of a run: `\\u0085` is a backslash and the text u0085.
  return out.replace(/(?<!\\)((?:\\\\)*)\\u(?:\{([0-9a-fA-F]+)\}|([0-9a-fA-F]{4}))/g, (_, run: string, braced?: string, four?: string) => `${run}\\x{${braced ?? four}}`);
}

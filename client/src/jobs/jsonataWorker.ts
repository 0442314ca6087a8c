// Entry of dist/jsonata-worker.js: evaluates a launch's JSONata expressions outside the extension host, in a child
// process that resolveRequest.ts kills at its deadline and starts with a capped heap. An expression from a state
// machine someone else wrote can loop forever (`$f := function($x){ $f($x + 1) }`) or build an enormous value
// (`[1..10000000].([1..10000000])`): here that costs the child, never the extension host.
// Not a worker thread: a worker that reaches its resourceLimits while allocating one large array aborts the whole
// process ("FATAL ERROR: Reached heap limit", Node 20), which would be the extension host.
import jsonata from 'jsonata';
import { stepFunctionsJsonataBindings } from '../../../server/src/service/expressions/index';

/** One expression to evaluate, with the `$states` it sees. */
export interface JsonataJob {
  id: number;
  expression: string;
  input: unknown;
  context: unknown;
}

/** The value as JSON (undefined: no value), or the evaluation's error message. */
export interface JsonataAnswer {
  id: number;
  json?: string;
  error?: string;
}

// Object's legacy accessors hand an expression the getters and setters it could not name otherwise (the way to the
// Function constructor an attacker's review found); JSONata needs none of them. resolveRequest.ts also starts this
// process refusing code from strings.
for (const name of ['__lookupGetter__', '__lookupSetter__', '__defineGetter__', '__defineSetter__'] as const) delete (Object.prototype as unknown as Record<string, unknown>)[name];

/** Step Functions' own JSONata functions ($partition, $range, $hash, …), beside JSONata's library. */
const STEP_FUNCTIONS_JSONATA = stepFunctionsJsonataBindings();

process.on('message', (job: JsonataJob) => {
  void (async () => {
    let answer: JsonataAnswer;
    try {
      const value = await jsonata(job.expression).evaluate(job.input, { states: { input: job.input, context: job.context }, ...STEP_FUNCTIONS_JSONATA });
      // JSON drops JSONata's `sequence` marks on arrays (and a function value, which is no JSON value).
      answer = { id: job.id, json: value === undefined ? undefined : JSON.stringify(value) };
    } catch (e) {
      answer = { id: job.id, error: (e as Error)?.message ?? String(e) };
    }
    process.send?.(answer);
  })();
});

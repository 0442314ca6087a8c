// node dist/emulator.js --port N — a local SageMaker + CloudWatch Logs (and Step Functions'
// ValidateStateMachineDefinition) for tests and demos.
import { parseArgs as parseNodeArgs } from 'node:util';
import { createEmulatorServer } from './server';
import { checkRule, parseFaultFlag } from './faults';
import { checkSettings, type EmulatorOptions } from './sagemaker';

const USAGE = `Usage: node dist/emulator.js [options]
  --port N             port to listen on (0 = any free port; default 4566)
  --host H             address to bind (default 127.0.0.1)
  --allow-host NAME    also accept requests whose Host header names NAME (e.g. a Docker service name); repeatable
  --step-ms N          milliseconds between two job status changes (default 2000)
  --training-steps N   how many steps the Training phase lasts (default 3)
  --fail-name S        a job whose name contains S fails (default "fail"; repeatable; "" for none)
  --instance-limit N   instances of one type that may run at once before ResourceLimitExceeded (default 20)
  --region R           region in ARNs (default us-east-1)
  --account A          account in ARNs (default 123456789012)
  --fault K[:OP[:N]]   inject fault K (throttle, error500, error503, delay, drop, dropResponse, expiredToken,
                       accessDenied, resourceLimit) on operation OP (default all) N times (0 = always; default 1); repeatable
  --quiet              do not log faults
Runtime control: POST /_emulator/faults {"rules":[{"fault":"throttle","target":"DescribeTrainingJob","count":2}]},
DELETE /_emulator/faults, POST /_emulator/config {"stepMs":500,"failNames":["fail"],"instanceLimit":20},
GET /_emulator/stats, POST /_emulator/reset (Content-Type: application/json).
Requests with an Origin header (web pages) or a Host header naming another address are refused.`;

const FLAGS = {
  port: { type: 'string' }, host: { type: 'string' }, 'allow-host': { type: 'string', multiple: true },
  'step-ms': { type: 'string' }, 'training-steps': { type: 'string' }, 'fail-name': { type: 'string', multiple: true },
  'instance-limit': { type: 'string' }, region: { type: 'string' }, account: { type: 'string' },
  fault: { type: 'string', multiple: true }, quiet: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
} as const;

/** Node's parseArgs error, said the emulator's way: the flag and what it lacks (Node's wording is long). */
function flagError(e: { code?: string; message: string }): string {
  const named = /'([^' ]*)/.exec(e.message)?.[1] ?? '';
  if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' || e.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return `unknown option ${named}`;
  // `--host --quiet`: Node takes no value starting with a dash but in `--host=-x` form.
  if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && !e.message.includes('does not take')) return `${named} needs a value${e.message.includes('ambiguous') ? ` (one that starts with - is written ${named}=…)` : ''}`;
  return e.message.split('\n')[0];
}

const readFlags = (argv: string[]) => parseNodeArgs({ args: argv, options: FLAGS, strict: true, allowPositionals: false }).values;

function parseArgs(argv: string[]) {
  let values: ReturnType<typeof readFlags>;
  try {
    values = readFlags(argv);
  } catch (e) {
    throw new Error(flagError(e as Error & { code?: string }), { cause: e });
  }
  if (values.help) {
    console.log(USAGE);
    return process.exit(0);
  }
  const number = (flag: keyof typeof FLAGS, fallback: number) => {
    const text = values[flag] as string | undefined;
    if (text === undefined) return fallback;
    const v = Number(text);
    if (!Number.isFinite(v) || v < 0) throw new Error(`--${flag} needs a non-negative number`);
    return v;
  };
  const port = number('port', 4566);
  if (!Number.isInteger(port) || port > 65535) throw new Error('--port needs an integer from 0 to 65535');
  const options: EmulatorOptions = {
    stepMs: number('step-ms', 2000),
    trainingSteps: Math.max(1, number('training-steps', 3)),
    // None given: names with "fail" fail; `--fail-name ""` alone: none does.
    failNames: values['fail-name'] ?? ['fail'],
    region: values.region ?? 'us-east-1',
    account: values.account ?? '123456789012',
    instanceLimit: number('instance-limit', 20),
  };
  const faults = (values.fault ?? []).map((f) => parseFaultFlag(f));
  // The same ranges as POST /_emulator/config.
  checkSettings({ stepMs: options.stepMs, trainingSteps: options.trainingSteps, instanceLimit: options.instanceLimit, failNames: options.failNames });
  return { options, port, host: values.host ?? '127.0.0.1', quiet: values.quiet ?? false, faults, allowHosts: values['allow-host'] ?? [] };
}

let args: ReturnType<typeof parseArgs>;
try {
  args = parseArgs(process.argv.slice(2));
} catch (e) {
  console.error(`${(e as Error).message}\n\n${USAGE}`);
  process.exit(2);
}
const emulator = createEmulatorServer(args.options, args.quiet ? undefined : (line) => console.error(line), { allowHosts: args.allowHosts });
try {
  emulator.faults.add(args.faults.map((f) => checkRule(f, emulator.operations)));
} catch (e) {
  console.error(`--fault: ${(e as Error).message}\n\n${USAGE}`);
  process.exit(2);
}
emulator.server.on('error', (e) => {
  console.error(`SageMaker emulator: ${e.message}`);
  process.exit(1);
});
emulator.server.listen(args.port, args.host, () => {
  const address = emulator.server.address();
  const port = typeof address === 'object' && address ? address.port : args.port;
  console.log(`SageMaker emulator listening on http://${args.host}:${port}`);
  // Bound beyond the loopback interface, any machine that reaches this one can call it (its Host check still holds).
  if (!/^(?:127\.\d+\.\d+\.\d+|::1|localhost)$/i.test(args.host))
    console.error(`SageMaker emulator: warning: bound to ${args.host}, not a loopback address: other machines on the network can reach it`);
});
const shutdown = () => {
  emulator.server.close(() => process.exit(0));
  emulator.server.closeAllConnections();
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);

// node dist/emulator.js --port N — a local SageMaker + CloudWatch Logs (and Step Functions'
// ValidateStateMachineDefinition) for tests and demos.
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

function parseArgs(argv: string[]) {
  const options: EmulatorOptions = { stepMs: 2000, trainingSteps: 3, failNames: [], region: 'us-east-1', account: '123456789012', instanceLimit: 20 };
  let port = 4566;
  let host = '127.0.0.1';
  let quiet = false;
  const allowHosts: string[] = [];
  let failNames: string[] | undefined;
  const faults = [];
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    const number = () => {
      const v = Number(value());
      if (!Number.isFinite(v) || v < 0) throw new Error(`${flag} needs a non-negative number`);
      return v;
    };
    switch (flag) {
      case '--port':
        port = number();
        if (!Number.isInteger(port) || port > 65535) throw new Error('--port needs an integer from 0 to 65535');
        break;
      case '--host': host = value(); break;
      case '--allow-host': allowHosts.push(value()); break;
      case '--step-ms': options.stepMs = number(); break;
      case '--training-steps': options.trainingSteps = Math.max(1, number()); break;
      case '--fail-name': (failNames ??= []).push(value()); break;
      case '--instance-limit': options.instanceLimit = number(); break;
      case '--region': options.region = value(); break;
      case '--account': options.account = value(); break;
      case '--fault': faults.push(parseFaultFlag(value())); break;
      case '--quiet': quiet = true; break;
      case '--help': case '-h': console.log(USAGE); return process.exit(0);
      default: throw new Error(`unknown option ${flag}`);
    }
  }
  options.failNames = failNames ?? ['fail'];
  // The same ranges as POST /_emulator/config.
  checkSettings({ stepMs: options.stepMs, trainingSteps: options.trainingSteps, instanceLimit: options.instanceLimit, failNames: options.failNames });
  return { options, port, host, quiet, faults, allowHosts };
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

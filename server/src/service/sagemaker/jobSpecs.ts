// Standalone SageMaker job specs: a .json/.yaml file whose top level is the request of one of the integrations
// (`aws sagemaker create-training-job --cli-input-json file://job.json`, or its YAML twin). Recognised from its
// members (the request's name member, e.g. TrainingJobName, with two more of its required members, or two more
// members where the name is its only required one, and nothing that is not a member), or from the file name
// (`*.training-job.json`, `*.transform-job.yaml`, …) when it is still empty or at least half of what it holds are
// members of that request (a LoopBack `user.model.json` or an LLM's `llm.model.json` is no CreateModel request).
// The view is the document itself with one synthetic task (tasks.ts), so the payload features work unchanged.
import type { AstNode, ParsedDocument, Problem } from '../core/types';
import { getIntegration, integrationNames } from './shapes';
import { registerStandaloneTask } from './tasks';

/** The request a top-level object is, from its members; undefined when it is not clearly one. */
function requestOf(root: AstNode): string | undefined {
  const keys = new Set((root.children ?? []).map((p) => p.children?.[0]?.value).filter((k): k is string => typeof k === 'string'));
  if (!keys.size) return undefined;
  let best: { api: string; score: number } | undefined;
  for (const api of integrationNames) {
    if (api === 'updateEndpoint') continue; // the same members as createEndpoint: a file is read as the create
    const request = getIntegration(api)?.request;
    if (!request?.members) continue;
    // Every member must belong to the request, its name member must be there, and another required one.
    if (![...keys].every((k) => request.members!.has(k))) continue;
    const required = request.required ?? [];
    const nameMember = required.find((r) => r.endsWith('Name') && request.members!.get(r)?.shape.kind === 'string');
    if (!nameMember || !keys.has(nameMember)) continue;
    // Besides the name, two more of its required members (one where it has only two: CreateEndpointConfig), or,
    // for a request whose name is its only required member (CreateModel), two members of any kind: a file of a
    // name and a role (`TrainingJobName`, `RoleArn`) may be a launcher's settings, not a request.
    const score = required.filter((r) => keys.has(r)).length;
    if (score - 1 < Math.min(2, required.length - 1) || (required.length === 1 && keys.size < 3)) continue;
    if (!best || score > best.score) best = { api, score };
  }
  return best?.api;
}

/** `churn.training-job.json` → createTrainingJob: `<kind>-job` / `endpoint-config` / `model` before the extension. */
export function requestOfName(uri: string): string | undefined {
  const m = /\.([a-z-]+)\.(json|ya?ml)$/i.exec(uri);
  if (!m) return undefined;
  const words = m[1].toLowerCase().split('-');
  const api = 'create' + words.map((w) => w[0].toUpperCase() + w.slice(1)).join('').replace(/^Hyperparameter/, 'HyperParameter');
  return integrationNames.includes(api) ? api : undefined;
}

/**
 * Whether a file named as the request `api` is one: nothing in it yet, or members of the request for at least half of
 * what it holds (an LLM's `llm.model.json` of ModelName, Temperature, MaxTokens and SystemPrompt is no CreateModel
 * request: tpl45; a request with a misspelt member still is).
 */
function namedFits(root: AstNode, api: string): boolean {
  const members = getIntegration(api)?.request?.members;
  const keys = (root.children ?? []).map((p) => p.children?.[0]?.value);
  const own = keys.filter((k) => typeof k === 'string' && !!members?.has(k)).length;
  return !keys.length || (own > 0 && own * 2 >= keys.length);
}

const cache = new WeakMap<ParsedDocument, ParsedDocument | null>();
const views = new WeakSet<ParsedDocument>();

/** The job-spec view of a document (its only "machine"), or undefined when the document is not a job spec. */
export function jobSpecOf(parsed: ParsedDocument, uri: string): ParsedDocument | undefined {
  const hit = cache.get(parsed);
  if (hit !== undefined) return hit ?? undefined;
  let view: ParsedDocument | null = null;
  const root = parsed.root;
  if (root?.type === 'object') {
    const named = requestOfName(uri);
    const api = named && namedFits(root, named) ? named : requestOf(root);
    const integration = api ? getIntegration(api) : undefined;
    if (api && integration) {
      view = { text: parsed.text, language: parsed.language, root, syntaxErrors: [] };
      registerStandaloneTask(view, api, integration.operation);
      views.add(view);
    }
  }
  cache.set(parsed, view);
  return view ?? undefined;
}

/** Whether a view is a job spec (checked as a request only: no state machine structure). */
export const isJobSpec = (view: ParsedDocument): boolean => views.has(view);

const isBlank = (n: AstNode): boolean =>
  (n.type === 'string' && n.value === '') || (n.type === 'number' && n.value === 0) || ((n.type === 'array' || n.type === 'object') && !n.children?.length);

/**
 * `--generate-cli-skeleton` output is a request full of empty values ("", 0, [], {}): in a document where at least
 * half the values are such blanks, what they break is information (fill this in), not an error. Everything else
 * keeps its severity, and so does a blank in a spec written out (`MaxRuntimeInSeconds: 0` is refused).
 */
export function softenSkeletonValues(view: ParsedDocument, problems: Problem[]): Problem[] {
  let values = 0;
  let blanks = 0;
  const stack = view.root ? [view.root] : [];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'property') {
      if (n.children?.[1]) stack.push(n.children[1]);
      continue;
    }
    const blank = isBlank(n);
    if (blank) blanks++;
    if (blank || (n.type !== 'object' && n.type !== 'array')) values++;
    else for (const c of n.children ?? []) stack.push(c);
  }
  if (blanks * 2 < values) return problems;
  const text = view.text;
  return problems.map((p) => {
    // The blank itself, or a member whose value it is (what a rule forbids is said on its key and value).
    const written = text.slice(p.offset, p.offset + p.length).trim().replace(/^(?:"[^"\n]*"|[\w.-]+)\s*:\s*/, '');
    const empty = written === '""' || written === "''" || written === '0' || written === '[]' || written === '{}' || written === '';
    if (p.severity === 'information' || p.severity === 'hint') return p;
    if (empty) return { ...p, severity: 'information', message: `${p.message} (an empty placeholder value: fill it in)` };
    // A skeleton lists every member, those that exclude each other too (InstanceType and InstanceGroups): the user
    // keeps the one they use.
    if (p.data?.kind === 'exclusive') return { ...p, severity: 'information', message: `${p.message} (a skeleton lists every member: keep the one you use)` };
    return p;
  });
}

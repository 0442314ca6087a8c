// One masking policy for everything the extension shows of a job: the confirmation, the request opened as JSON,
// the job list, status and failure messages, and the job's log lines. Nothing here is stored: after a reload the
// secrets are found again in the job's description (DescribeTrainingJob returns Environment and HyperParameters).
//
// A value is a secret when
//   - its name says so: a word of the name (API_KEY → API, KEY; hfToken → HF, TOKEN) is one of SECRET_WORDS, or
//     KEY with a qualifier (API_KEY, ACCESS_KEY, PRIVATE_KEY…), or a word holds one joined to others (joinedSecret:
//     PGPASSWORD, SECRETKEY, HFTOKEN, ACCESSKEY), or PRIVATE ends the name (SSH_PRIVATE), or it matches a name of
//     the setting sagemakerAsl.jobs.secretNames. Digits after a word do not change it (PASSWORD1, ADMIN_PASSWD2).
//     A bare KEY (CACHE_KEY, KMS_KEY_ID) only when the value looks random;
//   - or the value itself is recognised: AWS access key ids (also lower-case or with a suffix), 40-character
//     secret access keys, session tokens, bearer and basic credentials, JWTs, the password of a URL, Slack webhook
//     URLs, a labelled secret inside a value (a connection string's `Password=…;`), and the usual
//     API key formats (sk-…, ghp_…, github_pat_…, hf_…, xox…-, glpat-…, AIza…, npm_…, pypi-…).
// Names are looked at in Environment, HyperParameters and StaticHyperParameters maps and in ContainerArguments/ContainerEntrypoint lists
// (`--api-key sk-…`, `--token=…`, `API_KEY=…`); recognised values anywhere.
//
// In free text (logs, messages) a value is blanked out when it is one of the job's known secret values (also
// JSON-escaped or URL-encoded), when it is recognised, or when it follows a secret label (`"wandb_api_key": "…"`,
// `password=…`, `--api-key …`, `Authorization: Bearer …`). Only values that look like secrets are blanked out of
// logs: TOKENIZER_NAME=bert-base-uncased is not a secret (TOKENIZER is not TOKEN), and a value too short or too
// plain to be one would blank out ordinary words everywhere.

export const MASK = '********';

/** Words of a name that make its value a secret (README, "Running SageMaker jobs from the editor"). */
const SECRET_WORDS = [
  'PASSWORD', 'PASSWORDS', 'PASSWD', 'PWD', 'PW', 'PASS', 'PGPASS', 'PASSPHRASE', 'SECRET', 'SECRETS', 'TOKEN', 'APIKEY', 'AUTH',
  'AUTHORIZATION', 'CREDENTIAL', 'CREDENTIALS', 'CREDS', 'COOKIE', 'COOKIES', 'PAT', 'DSN', 'BEARER', 'JWT', 'OTP',
  'PRIVATEKEY', 'SIGNATURE', 'SAS', 'SESSIONID', 'CONNECTIONSTRING',
];
/** Words before KEY that make it a credential rather than a lookup key (API_KEY, but not SORT_KEY). */
const KEY_QUALIFIERS = new Set(['API', 'ACCESS', 'SECRET', 'PRIVATE', 'SIGNING', 'ENCRYPTION', 'MASTER', 'LICENSE', 'CLIENT', 'APP', 'SERVICE', 'AUTH', 'SSH', 'GPG', 'PGP', 'HMAC', 'WEBHOOK', 'SESSION', 'SUBSCRIPTION', 'SHARED', 'ACCOUNT']);
/** Words before TOKEN that name a vocabulary token of a tokenizer, not a credential (eos_token='</s>'). */
const VOCABULARY_TOKENS = new Set(['PAD', 'EOS', 'BOS', 'UNK', 'SEP', 'CLS', 'MASK', 'SPECIAL', 'START', 'END', 'NEW', 'MAX', 'NUM', 'ADDITIONAL', 'DECODER', 'PREFIX', 'SUFFIX', 'MIDDLE', 'IMAGE', 'AUDIO', 'VIDEO']);
/** A last word that makes the name describe a secret rather than hold one (SECRET_NAME, TOKEN_URL, PASSWORD_FILE). */
const DESCRIPTORS = new Set(['NAME', 'NAMES', 'TYPE', 'FILE', 'PATH', 'DIR', 'ARN', 'ID', 'IDS', 'URL', 'URI', 'ENDPOINT', 'HOST', 'HEADER', 'LENGTH', 'LEN', 'SIZE', 'TTL', 'EXPIRY', 'EXPIRATION', 'EXPIRES', 'ENABLED', 'MODE', 'PREFIX', 'FIELD', 'COLUMN', 'VERSION', 'REGION', 'COUNT', 'LIMIT', 'TIMEOUT', 'METHOD', 'PROVIDER', 'ALGORITHM', 'FORMAT', 'LOCATION', 'SOURCE', 'POLICY', 'ROTATION', 'REF']);

/** The words of a name: API_KEY, apiKey, api-key and APIKey all give API, KEY. */
function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z])(?=[A-Z][a-z])/g, '$1 ')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    // Digits after letters number a name, they do not make a new word: PASSWORD1, ADMIN_PASSWD2, API_KEY2.
    .map((w) => w.toUpperCase().replace(/(?<=[A-Z])\d+$/, ''));
}

/**
 * A word that holds a secret word joined to others (no separator, no case change): it contains PASSWORD, PASSWD or
 * SECRET (PGPASSWORD, SECRETKEY, CLIENTSECRET; also SECRETARY, a price worth paying), ends with TOKEN after anything
 * but a tokenizer's word (HFTOKEN, not PADTOKEN; TOKENIZER does not end with it), or ends with KEY after a qualifier
 * (ACCESSKEY, SSHKEY; not MONKEY, not KEYBOARD).
 */
function joinedSecret(w: string): boolean {
  if (/PASSWORD|PASSWD|SECRET/.test(w)) return true;
  if (w.length > 5 && w.endsWith('TOKEN') && !VOCABULARY_TOKENS.has(w.slice(0, -5))) return true;
  return w.length > 3 && w.endsWith('KEY') && KEY_QUALIFIERS.has(w.slice(0, -3));
}

/** What a name says of its value: a secret, a secret only if the value looks random (a bare KEY), or nothing. */
export type NameClass = 'secret' | 'ifRandom' | 'plain';

export interface MaskOptions {
  /** More names whose values are secrets (sagemakerAsl.jobs.secretNames): whole names or words of a name. */
  extraNames?: readonly string[];
  /**
   * Values known to be secrets by where they came from, whatever member holds them: what a placeholder named as a
   * secret (`${DbPassword}`) was given (sec40 review: under a plain key it was shown and stored in clear).
   */
  values?: readonly string[];
}

export class MaskPolicy {
  private readonly extra: string[][];

  private readonly known: string[];

  constructor(options: MaskOptions = {}) {
    this.extra = (options.extraNames ?? []).map(nameWords).filter((w) => w.length);
    // Every written form (as is, JSON-escaped, URL-encoded), longest first; an empty value blanks nothing.
    this.known = secretForms((options.values ?? []).filter((v) => v !== ''));
  }

  classifyName(name: string): NameClass {
    const words = nameWords(name);
    if (!words.length) return 'plain';
    if (this.extra.some((e) => containsRun(words, e))) return 'secret';
    // Joined pairs catch API_KEY written as one word (APIKEY) and two (API, KEY) alike.
    let result: NameClass = 'plain';
    for (let i = 0; i < words.length; i++) {
      const w = words[i];
      const before = words[i - 1];
      if (w === 'TOKEN' && before && VOCABULARY_TOKENS.has(before)) continue;
      if (SECRET_WORDS.includes(w) || (before && SECRET_WORDS.includes(before + w)) || joinedSecret(w)) return 'secret';
      // PRIVATE as the last word is a private key (SSH_PRIVATE); before another word it is a kind (PRIVATE_SUBNET).
      if (w.endsWith('PRIVATE') && i === words.length - 1) return 'secret';
      if (w === 'KEY' || w === 'KEYS') {
        if (before && KEY_QUALIFIERS.has(before)) return 'secret';
        result = 'ifRandom';
      }
    }
    return result;
  }

  /** For free text: a name that holds a secret (not one that describes it, as SECRET_NAME or TOKEN_URL do). */
  private labelClass(name: string): NameClass {
    const words = nameWords(name);
    if (words.length > 1 && DESCRIPTORS.has(words[words.length - 1]) && !this.extra.some((e) => containsRun(words, e))) {
      // ACCESS_KEY_ID is a key id: recognised by its value (AKIA…), not by its name.
      return 'plain';
    }
    return this.classifyName(name);
  }

  private isSecretValue(name: string, value: string, forLogs: boolean): boolean {
    const c = forLogs ? this.labelClass(name) : this.classifyName(name);
    if (c === 'secret') return forLogs ? looksLikeSecret(value) : value !== '';
    if (c === 'ifRandom') return looksRandom(value) || recognised(value);
    return false;
  }

  /**
   * A copy of the request in which every string maskRequest masks, whole or in part, is a stand-in of it (standIn):
   * what the language server checks a launch's request with, so that no secret crosses the LSP connection, whose
   * verbose trace logs every message (the review of the day: secrets, and then short ones and non-ASCII letters, did).
   */
  standIns<T>(request: T): T {
    // And a secret value written again under a plain name (`conn: db:<the password>`): replaced wherever it is.
    const secrets = this.secretValues(request).sort((a, b) => b.length - a.length);
    const inText = (v: string) => secrets.reduce((t, x) => (t.includes(x) ? t.split(x).join(standIn(x)) : t), v);
    const walk = (v: unknown, masked: unknown): unknown =>
      typeof v === 'string' ? (v === masked ? inText(v) : standIn(v))
      : Array.isArray(v) ? v.map((x, i) => walk(x, Array.isArray(masked) ? masked[i] : undefined))
      : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, masked && typeof masked === 'object' ? (masked as Record<string, unknown>)[k] : undefined)]))
      : v;
    return walk(request, this.maskRequest(request)) as T;
  }

  /** A copy of the request with secret values replaced by ********, and recognised secrets inside other strings. */
  maskRequest<T>(request: T): T {
    // The known secrets, and the request's own secret values wherever else they are written (`conn: db:<password>`,
    // shown in clear before: the review of the day).
    const own = this.secretValues(request);
    const known = own.length ? [...new Set([...this.known, ...secretForms(own)])].sort((a, b) => b.length - a.length) : this.known;
    const walk = (v: unknown, parentKey: string): unknown => {
      // A value that carries a labelled secret (a connection string's Password=…;) under any name, or a known one.
      if (typeof v === 'string') return this.redactForms(v, known);
      if (Array.isArray(v)) return ARGUMENT_LISTS.has(parentKey) ? this.maskArguments(v) : v.map((x) => walk(x, ''));
      if (!v || typeof v !== 'object') return v;
      return Object.fromEntries(
        Object.entries(v).map(([k, x]) => [k, NAMED_MAPS.has(parentKey) && typeof x === 'string' && this.isSecretValue(k, x, false) ? MASK : walk(x, k)]),
      );
    };
    return walk(request, '') as T;
  }

  /**
   * A copy of an execution input (any JSON, no request's shape) with the value of every member whose name says it is
   * a secret replaced by ********, at any depth, and recognised secrets inside other strings.
   */
  maskInput<T>(input: T): T {
    const walk = (v: unknown): unknown => {
      if (typeof v === 'string') return this.redactLabels(redactRecognised(v));
      if (Array.isArray(v)) return v.map(walk);
      if (!v || typeof v !== 'object') return v;
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, typeof x === 'string' && this.isSecretValue(k, x, false) ? MASK : walk(x)]));
    };
    return walk(input) as T;
  }

  private maskArguments(args: unknown[]): unknown[] {
    const out = [...args];
    for (const { index, start, end } of this.argumentSecrets(args)) {
      const s = out[index] as string;
      out[index] = s.slice(0, start) + MASK + s.slice(end);
    }
    return out.map((x) => (typeof x === 'string' && !x.includes(MASK) ? this.redactLabels(redactRecognised(x)) : x));
  }

  /** Secret values in an argument list: after a secret flag (`--api-key X`, `--token=X`) or an assignment (`API_KEY=X`). */
  private argumentSecrets(args: unknown[]): { index: number; start: number; end: number }[] {
    const found: { index: number; start: number; end: number }[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      if (typeof a !== 'string') continue;
      const assigned = /^(-{0,2})([A-Za-z_][\w.-]*)=(.+)$/s.exec(a);
      if (assigned && this.isSecretValue(assigned[2], assigned[3], false)) found.push({ index: i, start: a.length - assigned[3].length, end: a.length });
      const flag = /^--?([A-Za-z_][\w.-]*)$/.exec(a);
      const next = args[i + 1];
      if (flag && typeof next === 'string' && !next.startsWith('-') && this.isSecretValue(flag[1], next, false)) {
        found.push({ index: i + 1, start: 0, end: next.length });
        i++;
      }
    }
    return found;
  }

  /**
   * The secret values of a request or of a job's description (same member names), to blank out of what the job
   * prints. Only values that look like secrets: a short or plain value would blank out ordinary text.
   */
  secretValues(request: unknown): string[] {
    const out = new Set<string>();
    const add = (s: string) => {
      if (s.length >= MIN_SECRET_LENGTH) out.add(s);
    };
    const walk = (v: unknown, parentKey: string): void => {
      if (typeof v === 'string') {
        recognisedIn(v).forEach(add);
        return void this.redactLabels(v, add);
      }
      if (Array.isArray(v)) {
        if (ARGUMENT_LISTS.has(parentKey)) {
          for (const { index, start, end } of this.argumentSecrets(v)) {
            const s = (v[index] as string).slice(start, end);
            if (looksLikeSecret(s)) add(s);
          }
        }
        return v.forEach((x) => walk(x, ''));
      }
      if (!v || typeof v !== 'object') return;
      for (const [k, x] of Object.entries(v)) {
        if (NAMED_MAPS.has(parentKey) && typeof x === 'string' && this.isSecretValue(k, x, true)) add(x);
        walk(x, k);
      }
    };
    walk(request, '');
    // The known ones, whatever their length: they are secrets by where they came from.
    for (const form of this.known) out.add(form);
    return [...out].sort((a, b) => b.length - a.length);
  }

  /** Blanks out the given secret values (in every written form), recognised secrets, and labelled values. */
  redact(text: string, secrets: readonly string[] = []): string {
    return this.redactForms(text, secretForms(secrets));
  }

  /** redact() with the written forms of the secrets already worked out (a log redactor keeps them). */
  redactForms(text: string, forms: readonly string[]): string {
    for (const form of forms) text = text.split(form).join(MASK);
    return this.redactLabels(redactRecognised(text));
  }

  /**
   * `label: value`, `label=value`, `"label": "value"` (also JSON-escaped), `--label value` with a secret label; each
   * secret blanked out is also given to `found`.
   */
  private redactLabels(text: string, found?: (secret: string) => void): string {
    // A label starts where no name character is before it: each match is tried from a run's first character only,
    // so a long run costs its length once (from every character of it, it was quadratic).
    const label = /(?<![A-Za-z0-9_.-])(--?)?([A-Za-z_][A-Za-z0-9_.-]*)(\\*["'])?([ \t]*[:=][ \t]*|[ \t]+)/g;
    let out = '';
    let last = 0;
    for (let m: RegExpExecArray | null; (m = label.exec(text)); ) {
      const [whole, dashes, name, quote, separator] = m;
      const bySpace = !/[:=]/.test(separator);
      // A space separates a label from its value only on a command line (--api-key X); prose ("the token expired") is left alone.
      if (bySpace && !dashes) continue;
      const c = this.labelClass(name);
      if (c === 'plain') continue;
      if (bySpace && quote) continue;
      const at = m.index + whole.length;
      const rest = text.slice(at, at + 1024);
      // A quoted value runs to its closing quote (spaces and all); a bare one to the next space or delimiter.
      const open = /^\\*["']/.exec(rest)?.[0];
      const close = open ? rest.indexOf(open, open.length) : -1;
      let value: { offset: number; text: string } | undefined;
      if (open && close > open.length) value = { offset: open.length, text: rest.slice(open.length, close) };
      else {
        const bare = /^(?:\\*["'])?(?:(?:Bearer|Basic)[ \t]+)?([^\s"'\\,;&|)}\]]+)/.exec(rest);
        if (bare) value = { offset: bare[0].length - bare[1].length, text: bare[1] };
      }
      if (!value) continue;
      const secret = value.text;
      if (secret.includes(MASK) || NOT_SECRETS.has(secret.toLowerCase())) continue;
      if (c === 'ifRandom' && !looksRandom(secret) && !recognised(secret)) continue;
      const start = at + value.offset;
      found?.(secret);
      out += text.slice(last, start) + MASK;
      last = start + secret.length;
      label.lastIndex = last;
    }
    return out + text.slice(last);
  }

  /** A masker for one job's log streams: knows its secrets, and what the previous event of a stream ended with. */
  logRedactor(secrets: readonly string[] = []): LogRedactor {
    return new LogRedactor(this, secrets);
  }
}

/**
 * Blanks secrets out of a job's log events. A secret split across two events of one stream (a long line cut by
 * the log agent) is masked on both sides: the end of an event that begins a known secret, and the start of the
 * next one that completes it.
 */
export class LogRedactor {
  /** The secrets in every written form, longest first. */
  private secrets: string[] = [];
  private readonly carry = new Map<string, string>();

  constructor(private readonly policy: MaskPolicy, secrets: readonly string[]) {
    this.add(secrets);
  }

  /** Secrets learnt later (from the job's description after a reload). */
  add(secrets: readonly string[]): void {
    this.secrets = [...new Set([...this.secrets, ...secretForms(secrets)])].sort((a, b) => b.length - a.length);
  }

  /** Text that is not a log event (a status message, an error, the summary), with no secret. */
  text(message: string): string {
    return this.policy.redactForms(message, this.secrets);
  }

  /** One log event of a stream, with CloudWatch's #011 shown as the tab it is, and no secret. */
  event(stream: string, message: string): string {
    const text = message.replace(/#011/g, '\t');
    const previous = this.carry.get(stream) ?? '';
    // Completes a secret that the previous event began.
    let head = 0;
    const last = previous.charCodeAt(previous.length - 1);
    for (const s of this.secrets) {
      for (let k = Math.min(s.length - 1, previous.length); k >= MIN_SPLIT; k--) {
        // The cheap test first: a long secret (a session token) would otherwise cost its length squared.
        if (s.charCodeAt(k - 1) === last && s.charCodeAt(k) === text.charCodeAt(0) && previous.endsWith(s.slice(0, k)) && text.startsWith(s.slice(k))) {
          head = Math.max(head, s.length - k);
          break;
        }
      }
    }
    // Begins a secret that the next event may complete (after the last whole secret: "hunter2hunter2" ends with
    // "hunter2", a beginning of itself, but is already whole).
    let whole = head;
    for (const s of this.secrets) {
      const at = text.lastIndexOf(s);
      if (at >= 0) whole = Math.max(whole, at + s.length);
    }
    let tail = text.length;
    const end = text.charCodeAt(text.length - 1);
    for (const s of this.secrets) {
      for (let k = Math.min(s.length - 1, text.length - whole); k >= MIN_SPLIT; k--) {
        if (s.charCodeAt(k - 1) === end && text.endsWith(s.slice(0, k))) {
          tail = Math.min(tail, text.length - k);
          break;
        }
      }
    }
    this.carry.set(stream, text.slice(-MAX_CARRY));
    if (tail < head) tail = head;
    const middle = this.policy.redactForms(text.slice(head, tail), this.secrets);
    return (head ? MASK : '') + middle + (tail < text.length ? MASK : '');
  }
}

const MIN_SECRET_LENGTH = 6;
/** The shortest part of a known secret that counts as a piece of it at an event boundary. */
const MIN_SPLIT = 4;
const MAX_CARRY = 4096;
// A tuning job's fixed hyperparameters are StaticHyperParameters (its training jobs' HyperParameters).
const NAMED_MAPS = new Set(['Environment', 'HyperParameters', 'StaticHyperParameters']);
const ARGUMENT_LISTS = new Set(['ContainerArguments', 'ContainerEntrypoint']);
const NOT_SECRETS = new Set(['true', 'false', 'null', 'none', 'undefined', 'required', 'optional', 'missing', 'redacted', 'hidden', 'set', 'unset', 'yes', 'no', '<redacted>']);

function containsRun(words: string[], run: string[]): boolean {
  for (let i = 0; i + run.length <= words.length; i++) if (run.every((w, j) => words[i + j] === w)) return true;
  return false;
}

/** A value under a secret name that is worth blanking out of logs: long enough, and not a plain word or number. */
function looksLikeSecret(value: string): boolean {
  if (value.length < MIN_SECRET_LENGTH || NOT_SECRETS.has(value.toLowerCase())) return false;
  return !/^\d{1,7}$/.test(value);
}

/** A value that looks generated rather than chosen: long, no spaces, letters and digits, not a path, URI or ARN. */
function looksRandom(value: string): boolean {
  return value.length >= 16 && !/\s/.test(value) && /[A-Za-z]/.test(value) && /\d/.test(value) && !/^(arn:|alias\/|[a-z][a-z0-9+.-]*:\/\/|\/)/i.test(value);
}

/** The forms a secret takes in text: as is, JSON-escaped (also with \/ and twice), URL-encoded. */
function secretForms(secrets: readonly string[]): string[] {
  const forms = new Set<string>();
  for (const s of secrets) {
    if (!s) continue;
    const json = JSON.stringify(s).slice(1, -1);
    for (const f of [s, json, json.replace(/\//g, '\\/'), JSON.stringify(json).slice(1, -1), encodeURIComponent(s)]) forms.add(f);
  }
  return [...forms].sort((a, b) => b.length - a.length);
}

// ---- Values recognised by their form ---------------------------------------------------------------------------
// Every pattern is linear: anchored on a literal prefix with bounded or possessive-like runs, or a run scan.

interface Recogniser {
  /** Group 1: kept before the secret; group 2: the secret; group 3 (optional): kept after it. */
  pattern: RegExp;
  /** A further test of the secret, where the pattern alone would take ordinary text. */
  check?(secret: string): boolean;
  /** What the secret becomes (default ********). */
  mask?: string;
}

const RECOGNISERS: Recogniser[] = [
  // The password of a URL: postgres://user:password@host, https://key:secret@sentry.io.
  { pattern: /\b([a-z][a-z0-9+.-]{1,20}:\/\/[^\s:@/?#]{0,256}:)([^\s@/?#]{1,256})(@)/gi },
  { pattern: /\b((?:Bearer|Basic)[ \t]+)([A-Za-z0-9._~+/=-]{8,})/g },
  // A Slack webhook's URL is its credential: whoever has it posts to the channel.
  { pattern: /\b(https:\/\/hooks\.slack(?:-gov)?\.com\/(?:services|workflows|triggers)\/)([A-Za-z0-9_/-]{8,256})/g },
  // A JWT (header.payload.signature, both first parts base64url JSON: eyJ…), found as a whole dotted run of its
  // characters, from where the run starts, and judged in code: from \b, a run of "-eyJ" repeated was scanned to its
  // end again from each eyJ in it (sec40: 200 KB in a request's value held the extension host for 20 s), and from a
  // run's start alone, "id-eyJ…" was no longer masked (review of the day). The whole run is blanked out.
  { pattern: /(?<![A-Za-z0-9_.-])()([A-Za-z0-9_-]+\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*)/g, check: (run) => jwtHeaderIn(run) },
  // Access key ids, as written or lower-cased, also with characters after the 16.
  { pattern: /(AKIA|ASIA)([A-Z0-9]{16}[A-Z0-9]*)/gi, mask: '****************' },
  { pattern: /\b()(sk-(?:(?:proj|svcacct|admin|ant-api\d\d)-[A-Za-z0-9_-]{20,}|[A-Za-z0-9]{20,}))/g, check: (key) => /\d/.test(key) },
  { pattern: /\b()([rs]k_(?:live|test)_[A-Za-z0-9]{16,})/g },
  { pattern: /\b()(gh[pousr]_[A-Za-z0-9]{30,})/g },
  { pattern: /\b()(github_pat_[A-Za-z0-9_]{22,})/g },
  { pattern: /\b()(hf_[A-Za-z0-9]{30,})/g },
  { pattern: /\b()(xox[abposr]-[A-Za-z0-9-]{10,})/g },
  { pattern: /\b()(glpat-[A-Za-z0-9_-]{20,})/g },
  { pattern: /\b()(AIza[0-9A-Za-z_-]{35})/g },
  { pattern: /\b()(npm_[A-Za-z0-9]{36})/g },
  { pattern: /\b()(pypi-[A-Za-z0-9_-]{50,})/g },
  // Runs of base64: exactly 40 of mixed case with a digit or / + is a secret access key; 100 or more, a session token.
  {
    pattern: /()([A-Za-z0-9/+]{40,}={0,2})/g,
    check: (run) => {
      let end = run.length;
      while (end > 0 && run[end - 1] === '=') end--; // by hand: /=+$/ retries from every = of a long run
      const body = run.slice(0, end);
      const slashes = body.match(/\//g)?.length ?? 0;
      if (body.length === 40) return /[A-Z]/.test(body) && /[a-z]/.test(body) && /[0-9/+]/.test(body) && slashes <= 4;
      return body.length >= 100 && /[A-Z]/.test(body) && /[a-z]/.test(body) && /[0-9]/.test(body) && slashes <= body.length / 20;
    },
  },
];

/** Whether the first part of a dotted run holds a JWT's header at its end: eyJ and at least 8 characters after it. */
function jwtHeaderIn(run: string): boolean {
  const header = run.slice(0, run.indexOf('.'));
  const at = header.indexOf('eyJ');
  return at >= 0 && header.length - at >= 11;
}

function redactRecognised(text: string): string {
  for (const r of RECOGNISERS) {
    text = text.replace(r.pattern, (whole: string, before: string, secret: string, after?: string) =>
      r.check && !r.check(secret) ? whole : `${before}${r.mask ?? MASK}${typeof after === 'string' ? after : ''}`,
    );
  }
  return text;
}

function recognised(value: string): boolean {
  return redactRecognised(value) !== value;
}

/** The recognised secrets inside a string (the password of a URL, a key id…), to blank out of logs as well. */
function recognisedIn(value: string): string[] {
  const found: string[] = [];
  for (const r of RECOGNISERS) for (const m of value.matchAll(r.pattern)) if (!r.check || r.check(m[2])) found.push(r.mask ? m[0] : m[2]);
  return found;
}

// The default policy (no extra names), for callers that have no settings (error messages).
const DEFAULT_POLICY = new MaskPolicy();

/** The secret values of a request or a job's description, to blank out of what the job prints. */
export function secretValues(request: unknown, options?: MaskOptions): string[] {
  return (options ? new MaskPolicy(options) : DEFAULT_POLICY).secretValues(request);
}

/** Redacts the given secret values, recognised secrets and labelled values in free text. */
export function redact(text: string, secrets: readonly string[] = []): string {
  return DEFAULT_POLICY.redact(text, secrets);
}

/**
 * A stand-in for a secret: the same length, and the same kind of character at each place (an upper-case letter of any
 * script by X, any other letter by x, a digit by 0, a space kept, anything else by -), so that a length or a pattern
 * of letters and digits judges it as it would the secret.
 */
export function standIn(secret: string): string {
  // One pass, each character judged once (a replaced X is a letter too); punctuation all one (a secret of it told nothing).
  return secret.replace(/[^ ]/gu, (c) => (/\p{Lu}/u.test(c) ? 'X' : /\p{L}/u.test(c) ? 'x' : /\p{N}/u.test(c) ? '0' : '-').repeat(c.length));
}

// The server's stdio transport: LSP framing and the lifecycle, guarded against any client. vscode-jsonrpc's
// stream reader trusts its input: a bad, negative or missing Content-Length or LF-only headers leave it waiting
// (or misreading every later message) for good, and the library answers requests sent before `initialize` or
// after `shutdown` as if nothing were wrong. This reader answers a frame it cannot read with a parse error and
// resynchronises at the next `Content-Length` header, and it answers requests outside the lifecycle as the
// specification says (-32002 before `initialize`, InvalidRequest after `shutdown`).
import {
  AbstractMessageReader,
  ErrorCodes,
  StreamMessageWriter,
  type DataCallback,
  type Disposable,
  type Message,
  type MessageReader,
  type MessageWriter,
} from 'vscode-languageserver/node';

/** Larger headers are not LSP headers: the reader resynchronises rather than buffering them. */
const MAX_HEADER_BYTES = 8192;
/** A body larger than V8's largest string cannot be read; refused at the header. */
const MAX_BODY_BYTES = 0x1fffffe8;
const CRLFCRLF = Buffer.from('\r\n\r\n');
/** How much of the input one step of the search for the next header reads. */
const RESYNC_WINDOW = 4096;
/** Errors about messages that name no request (unreadable frames, not JSON, a bad id): beyond these many in a second, unsent. */
const UNADDRESSED_ERRORS_PER_SECOND = 100;

type Phase = 'new' | 'running' | 'shutdown';

class GuardedStdioReader extends AbstractMessageReader implements MessageReader {
  private callback: DataCallback | undefined;
  /** Header state: the bytes not read yet. Body state: the body's first bytes. */
  private pending: Buffer = Buffer.alloc(0);
  private body: Buffer[] = [];
  private bodyBytes = 0;
  /** The length of the body being read, or -1 while reading a header. */
  private expected = -1;
  private phase: Phase = 'new';
  /** After a bad frame: skip to the next `Content-Length` header. */
  private resyncing = false;
  /** The errors about messages that name no request answered in the second that began at `unaddressedSince` (ms). */
  private unaddressed = 0;
  private unaddressedSince = 0;

  constructor(
    private readonly input: NodeJS.ReadableStream,
    private readonly writer: MessageWriter,
  ) {
    super();
  }

  get shutDown(): boolean {
    return this.phase === 'shutdown';
  }

  listen(callback: DataCallback): Disposable {
    this.callback = callback;
    const onData = (chunk: Buffer) => this.onData(chunk);
    const onError = (e: Error) => this.fireError(e);
    const onClose = () => this.fireClose();
    this.input.on('data', onData);
    this.input.on('error', onError);
    this.input.on('end', onClose);
    this.input.on('close', onClose);
    return {
      dispose: () => {
        this.input.off('data', onData);
        this.input.off('error', onError);
        this.input.off('end', onClose);
        this.input.off('close', onClose);
      },
    };
  }

  private reply(id: number | string | null, code: number, message: string) {
    void this.writer.write({ jsonrpc: '2.0', id, error: { code, message } } as Message).catch(() => undefined);
  }

  /**
   * An error about a message that names no request (id null): at most UNADDRESSED_ERRORS_PER_SECOND of them. Each is a
   * write the library queues, and a flood of 200,000 bad frames (4 MB) held the next request for 42 s behind their
   * answers. The messages beyond are skipped all the same, unanswered.
   */
  private rationed(code: number, message: string) {
    const now = Date.now();
    if (now - this.unaddressedSince >= 1000) {
      this.unaddressedSince = now;
      this.unaddressed = 0;
    }
    if (this.unaddressed++ < UNADDRESSED_ERRORS_PER_SECOND) this.reply(null, code, message);
  }

  private bad(reason: string, skipTo: number) {
    this.rationed(ErrorCodes.ParseError, `Unreadable message frame: ${reason}. Skipped to the next Content-Length header.`);
    this.pending = this.pending.subarray(skipTo);
    this.resyncing = true;
  }

  private onData(chunk: Buffer) {
    if (this.expected >= 0) {
      this.body.push(chunk);
      this.bodyBytes += chunk.length;
    } else this.pending = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    for (;;) {
      if (this.expected < 0 && !this.readHeader()) return;
      if (this.bodyBytes < this.expected) return;
      const all = this.body.length === 1 ? this.body[0] : Buffer.concat(this.body, this.bodyBytes);
      const body = all.subarray(0, this.expected);
      this.pending = all.subarray(this.expected);
      this.body = [];
      this.bodyBytes = 0;
      this.expected = -1;
      // A throw while a message is handed over (the library's, on a message nothing above foresaw) must not leave
      // the messages after it in this chunk unread until more input comes.
      try {
        this.onBody(body);
      } catch (e) {
        process.stderr.write(`sagemaker-asl language server: a message could not be handled: ${(e as Error).message}\n`);
      }
    }
  }

  /** Reads one header block from `pending`; true when a body is now expected. */
  private readHeader(): boolean {
    for (;;) {
      // Searched a window at a time: the whole pending input read as text for each bad frame was quadratic in a
      // chunk of many.
      while (this.resyncing) {
        const window = this.pending.subarray(0, RESYNC_WINDOW);
        const at = /content-length\s*:/i.exec(window.toString('latin1'));
        if (at) {
          this.pending = this.pending.subarray(at.index);
          this.resyncing = false;
        } else if (this.pending.length > RESYNC_WINDOW) {
          // Keep a possible beginning of the header name for the next window.
          this.pending = this.pending.subarray(RESYNC_WINDOW - 20);
        } else {
          // ... and for the next chunk.
          this.pending = this.pending.subarray(Math.max(0, this.pending.length - 20));
          return false;
        }
      }
      // Read no further than a header can be long: searched and read whole, a chunk of many bad frames was
      // quadratic (one 64 KB chunk of LF-only frames took 0.1 s).
      const end = this.pending.subarray(0, MAX_HEADER_BYTES + CRLFCRLF.length).indexOf(CRLFCRLF);
      const head = this.pending.subarray(0, end < 0 ? MAX_HEADER_BYTES + 1 : end).toString('latin1');
      const lf = /(^|[^\r])\n/.exec(head);
      if (lf) {
        this.bad('header lines must end with \\r\\n', lf.index + lf[0].length);
        continue;
      }
      if (end < 0) {
        // Past the header's limit: the search for the next header starts there (a message may follow in this chunk).
        if (this.pending.length > MAX_HEADER_BYTES) this.bad('header too long', MAX_HEADER_BYTES);
        else return false;
        continue;
      }
      let length: number | undefined;
      let problem: string | undefined;
      for (const line of head.split('\r\n')) {
        const colon = line.indexOf(':');
        if (colon < 0) problem ??= `a header line without ':' (${JSON.stringify(line.slice(0, 40))})`;
        else if (line.slice(0, colon).trim().toLowerCase() === 'content-length') {
          const value = line.slice(colon + 1).trim();
          if (!/^\d+$/.test(value) || Number(value) > MAX_BODY_BYTES) problem ??= `Content-Length must be a byte count, not ${JSON.stringify(value.slice(0, 40))}`;
          else length = Number(value);
        }
      }
      if (!problem && length === undefined) problem = 'no Content-Length header';
      if (problem) {
        this.bad(problem, end + CRLFCRLF.length);
        continue;
      }
      const rest = this.pending.subarray(end + CRLFCRLF.length);
      this.pending = Buffer.alloc(0);
      this.expected = length!;
      this.body = rest.length ? [rest] : [];
      this.bodyBytes = rest.length;
      return true;
    }
  }

  private onBody(body: Buffer) {
    let msg: any;
    try {
      msg = JSON.parse(body.toString('utf8'));
    } catch (e) {
      this.rationed(ErrorCodes.ParseError, `The message is not JSON: ${(e as Error).message}`);
      return;
    }
    if (typeof msg !== 'object' || msg === null || Array.isArray(msg)) {
      this.rationed(ErrorCodes.InvalidRequest, 'A message must be a JSON object');
      return;
    }
    const isRequest = typeof msg.method === 'string' && msg.id !== undefined && msg.id !== null;
    const isNotification = typeof msg.method === 'string' && !isRequest;
    const id = typeof msg.id === 'number' || typeof msg.id === 'string' ? msg.id : null;
    // JSON-RPC: an id is a string, a number or null. The library drops any other unanswered, and a shutdown or an
    // initialize with one would still have moved the lifecycle here.
    if (isRequest && id === null) return this.rationed(ErrorCodes.InvalidRequest, 'A request id must be a string or a number');
    if (this.phase === 'new') {
      if (isRequest && msg.method === 'initialize') {
        // The library's handler reads params.capabilities: without them it throws, and the server would run on
        // uninitialized.
        const caps = msg.params?.capabilities;
        if (typeof msg.params !== 'object' || msg.params === null || typeof caps !== 'object' || caps === null || Array.isArray(caps)) {
          return this.reply(id, ErrorCodes.InvalidParams, 'initialize needs params with a capabilities object');
        }
        this.phase = 'running';
      }
      else if (isRequest) return this.reply(id, ErrorCodes.ServerNotInitialized, `The server is not initialized: send "initialize" before "${msg.method}"`);
      else if (isNotification && msg.method !== 'exit') return; // the specification: dropped
    } else if (this.phase === 'running') {
      if (isRequest && msg.method === 'shutdown') this.phase = 'shutdown';
      // JSON-RPC: params, when present, is an object or an array. The library's handlers read a property of any
      // other value (null: "Cannot read properties of null"), which would be its message, not the client's mistake.
      else if (isRequest && (msg.params === null || (msg.params !== undefined && typeof msg.params !== 'object'))) {
        return this.reply(id, ErrorCodes.InvalidParams, `The request's params must be an object, not ${msg.params === null ? 'null' : typeof msg.params}`);
      }
    } else if (isRequest) return this.reply(id, ErrorCodes.InvalidRequest, `The server is shut down: only "exit" is accepted, not "${msg.method}"`);
    else if (isNotification && msg.method !== 'exit') return;
    // A notification cannot be answered: one whose params JSON-RPC refuses (null, a scalar), or a cancellation
    // naming no request, is dropped. The library reads `params.id` of a cancellation as it arrives, and its throw
    // there lost the rest of the chunk it came in: the requests after it went unanswered.
    // `exit` carries no params, and is honoured whatever it carries: a client that wrote `"params": null` there
    // (JSON-RPC's "no params" as some clients spell it) would otherwise leave the server running after its shutdown,
    // killed later without its exit handlers (start.ts writes V8's code cache in one).
    if (isNotification && msg.method !== 'exit' && (msg.params === null || (msg.params !== undefined && typeof msg.params !== 'object'))) return;
    if (isNotification && msg.method === '$/cancelRequest' && !(typeof msg.params?.id === 'number' || typeof msg.params?.id === 'string')) return;
    this.callback?.(msg as Message);
  }
}

/** The reader and writer of a server on this process's stdin and stdout. */
export function guardedStdio(): { reader: MessageReader & { readonly shutDown: boolean }; writer: MessageWriter } {
  const writer = new StreamMessageWriter(process.stdout);
  return { reader: new GuardedStdioReader(process.stdin, writer), writer };
}

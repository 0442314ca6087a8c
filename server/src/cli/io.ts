// Where the CLI's commands write, and how each says what went wrong: one `sagemaker-asl: ` line a problem on stderr,
// whatever a file's name or a document's text in it holds (oneLine), then the exit status 2.
import { oneLine } from './formats';

export interface Io {
  out(s: string): void;
  err(s: string): void;
}

/** Says what went wrong, one line a problem, and gives the exit status for it. */
export const fail = (io: Io, ...messages: string[]) => {
  for (const m of messages) io.err(`sagemaker-asl: ${oneLine(m)}\n`);
  return 2;
};

/** A usage mistake: the line that says it, then the command's usage text on lines of its own. */
export const usage = (io: Io, text: string, message: string) => (fail(io, message), io.err(`\n${text}\n`), 2);

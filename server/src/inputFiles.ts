// Reads a state machine's example execution input file (`NAME.input.json`, service/executionInput.ts) from disk,
// for the language server and the CLI alike. Only a regular file of a file: URI (not through a link out of its
// folder, links.ts), at most the size Step Functions accepts as an input; anything else (absent, a folder, unreadable, too large) is no input, never an error, and
// the caller is told why when the file is there but not read.
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MAX_EXECUTION_INPUT_BYTES } from './service/executionInput';
import { linksOutOfItsFolder } from './links';

/** Why a file that is there cannot be an execution input, or undefined when it can. */
const unreadable = (s: Stats): string | undefined =>
  !s.isFile() ? 'it is not a regular file' : s.size > MAX_EXECUTION_INPUT_BYTES ? `it is ${s.size} bytes, more than the ${MAX_EXECUTION_INPUT_BYTES} bytes (256 KiB) Step Functions accepts as an execution input` : undefined;

/** The reason in an fs error, without the code and the path Node puts around it. */
export function reason(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (err.code === 'ELOOP') return 'too many levels of symbolic links';
  return /^[A-Z0-9_]+: ([^,]+)/.exec(err.message ?? '')?.[1] ?? String(err.message ?? e);
}

/**
 * The text of the file at `uri`, or undefined. `skipped` hears why a file that is there is not read (a folder, a
 * FIFO, too large, unreadable); an absent file is no news.
 */
export function readInputFile(uri: string | undefined, skipped?: (why: string) => void): string | undefined {
  const path = pathOf(uri);
  if (!path) return undefined;
  let fd: number | undefined;
  const skip = (why: string | undefined) => {
    if (why) skipped?.(why);
    return undefined;
  };
  try {
    if (linksOutOfItsFolder(path)) return skip('it is a symbolic link to a file outside its folder');
    // Checked by stat before opening (opening a FIFO would wait for a writer), and again through the descriptor.
    let why = unreadable(statSync(path));
    if (why) return skip(why);
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const stat = fstatSync(fd);
    if ((why = unreadable(stat))) return skip(why);
    // One byte more than the file's size: a file that grew since the check is refused, not cut.
    const buffer = Buffer.alloc(stat.size + 1);
    let length = 0;
    for (let n; length < buffer.length && (n = readSync(fd, buffer, length, buffer.length - length, null)) > 0; ) length += n;
    return length > stat.size ? skip('it grew while being read') : buffer.toString('utf8', 0, length);
  } catch (e) {
    return skip((e as NodeJS.ErrnoException).code === 'ENOENT' ? undefined : reason(e));
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The local path of a file: URI, undefined for another scheme or a malformed one. */
export function pathOf(uri: string | undefined): string | undefined {
  if (!uri || !/^file:/i.test(uri)) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

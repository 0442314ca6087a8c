// Reads a state machine's example execution input file (`NAME.input.json`, service/executionInput.ts) from disk,
// for the language server and the CLI alike. Only a regular file of a file: URI, at most the size Step Functions
// accepts as an input; anything else (absent, a folder, unreadable, too large) is no input, never an error.
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MAX_EXECUTION_INPUT_BYTES } from './service/executionInput';

const readable = (s: Stats) => s.isFile() && s.size <= MAX_EXECUTION_INPUT_BYTES;

/** The text of the file at `uri`, or undefined. */
export function readInputFile(uri: string | undefined): string | undefined {
  const path = pathOf(uri);
  if (!path) return undefined;
  let fd: number | undefined;
  try {
    // Checked by stat before opening (opening a FIFO would wait for a writer), and again through the descriptor.
    if (!readable(statSync(path))) return undefined;
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const stat = fstatSync(fd);
    if (!readable(stat)) return undefined;
    // One byte more than the file's size: a file that grew since the check is refused, not cut.
    const buffer = Buffer.alloc(stat.size + 1);
    let length = 0;
    for (let n; length < buffer.length && (n = readSync(fd, buffer, length, buffer.length - length, null)) > 0; ) length += n;
    return length > stat.size ? undefined : buffer.toString('utf8', 0, length);
  } catch {
    return undefined;
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

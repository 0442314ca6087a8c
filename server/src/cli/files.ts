// Which files the command line names, and reading them safely. Arguments are files, directories (searched) or
// globs (picomatch: `*`, `**`, `?`, `{a,b}`, `[…]`; fdir walks the tree). Symbolic links are followed, never in a loop; every path
// that cannot be read is reported, never skipped in silence; a file is stat'ed before it is read, so a device,
// a FIFO or a huge file is refused instead of read forever.
import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, readdirSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { reason } from '../inputFiles';
import { textPath } from './formats';
// The CommonJS builds, required: fdir's ES module build calls createRequire(import.meta.url), which has no URL once
// bundled into CommonJS (dist/cli.js) and throws at start-up.
const { fdir } = require('fdir') as typeof import('fdir');
type Picomatch = ((glob: string | string[], options: { dot: boolean; posix: boolean; flags: string }) => (path: string) => boolean) & { scan(glob: string): { isGlob: boolean } };
const picomatch = require('picomatch') as Picomatch;
/** Whether an argument is a glob rather than a path (picomatch's own reading: `*`, `?`, `[…]`, `{a,b}`, extglobs). */
const isDynamicPattern = (arg: string) => picomatch.scan(arg).isGlob;

/** Files above this size are refused, not read (a state machine is kilobytes; 64 MiB is far beyond any real one). */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

/** A problem with one path: the message says which and why, and the run ends with exit status 2. */
export class PathError extends Error {}

/**
 * A file to check: its absolute path as named (symbolic links not resolved), whether an argument named it, and for a
 * file a folder search or a glob found, the real path of the folder searched (a link found there may lead outside it).
 */
export interface Candidate {
  path: string;
  explicit: boolean;
  within?: string;
}

/**
 * Why a found file may not be written (`lint --fix`): a link found in a folder that leads to a file outside it. A
 * repository's link must not make `lint --fix .` rewrite the user's files elsewhere; a file named on the command line
 * is written wherever its link leads, as named.
 */
export function outsideSearch(c: Candidate): string | undefined {
  if (!c.within) return undefined;
  let real: string;
  try {
    real = realpathSync(c.path);
  } catch {
    return undefined; // a broken link: replaceFile reports it
  }
  const rel = relative(c.within, real);
  // (A folder named `..x` inside is inside: only `..` itself as the first part leads out.)
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel)) ? undefined : real;
}

/** Directory searches take these; a glob takes what its pattern names. */
// Plain .json/.yaml/.yml files found count only when they hold a state machine (themselves, or a template's).
const FOUND_IN_DIRS = /\.(asl\.json|asl\.ya?ml|asl|json|ya?ml)$/i;
/** Dependencies, version control and build output (CDK's cdk.out, SAM's .aws-sam copy every template) are not searched. */
const SKIP_DIRS = ['node_modules', '.git', 'cdk.out', '.aws-sam'];

/** The language a file is checked as, by its name; undefined for a file this tool does not read. */
export function languageOf(file: string, explicit: boolean): string | undefined {
  if (/\.asl(\.json)?$/i.test(file)) return 'asl';
  if (/\.asl\.ya?ml$/i.test(file)) return 'asl-yaml';
  if (/\.jsonc$/i.test(file)) return 'jsonc';
  if (/\.json$/i.test(file)) return 'json';
  // A YAML file named on the command line is a state machine; one a glob found counts only when it is one
  // (StartAt and States), like a plain .json file.
  if (/\.ya?ml$/i.test(file)) return explicit ? 'asl-yaml' : 'yaml';
  return undefined;
}

/** The path as the output shows it: relative to the working directory, with `/`. */
export const displayPath = (path: string, cwd: string) => relative(cwd, path).split(sep).join('/') || '.';
/** The path as a message on stderr says it: displayPath on one line (a name cannot forge a line of its own). */
export const saidPath = (path: string, cwd: string) => textPath(displayPath(path, cwd));


export interface Expansion {
  files: Candidate[];
  /** Paths the arguments lead to that cannot be read (unreadable directories): reported, the rest still checked. */
  problems: string[];
}

/**
 * The files the arguments name: files as given, directories searched, globs expanded. An argument that names
 * nothing is a PathError (a mistyped path in CI must not pass by checking nothing). Sorted, each real file once.
 */
export function expand(args: string[], cwd: string): Expansion {
  const problems: string[] = [];
  const found: Candidate[] = [];
  const fatal: string[] = [];
  for (const arg of args) {
    const path = resolve(cwd, arg);
    let stat: Stats | undefined;
    try {
      stat = statSync(path);
    } catch (e) {
      if (!isDynamicPattern(arg)) {
        fatal.push(`cannot read ${textPath(arg)}: ${brokenLink(path) ? 'broken symbolic link' : reason(e)}`);
        continue;
      }
    }
    if (stat?.isDirectory()) {
      const within = safeRealpath(path);
      for (const file of searchDirectory(path, cwd, problems)) found.push({ path: file, explicit: false, within });
    } else if (stat?.isFile()) {
      found.push({ path, explicit: true });
    } else if (stat) {
      fatal.push(`cannot read ${textPath(arg)}: ${kindOf(stat)}, not a regular file`);
    } else if (tooManyStars(arg)) {
      fatal.push(`${textPath(arg)}: a part of a glob has more than ${MAX_STARS} '*'; matching it against long names can take exponential time, so write it with fewer`);
    } else {
      const { base, pattern } = splitGlob(arg, cwd);
      const matched = search(base, pattern, cwd, problems).filter((f) => languageOf(f, false));
      if (!matched.length) fatal.push(`${textPath(arg)} matches no file`);
      const within = safeRealpath(base);
      for (const file of matched) found.push({ path: file, explicit: false, within });
    }
  }
  // Why a glob matched nothing may be an unreadable folder: say both.
  if (fatal.length) throw new PathError([...problems, ...fatal].join('\n'));
  return { files: unique(found), problems };
}

/** `flows/**\/*.json` → base `<cwd>/flows`, pattern `**\/*.json`: the search starts below the fixed folders. */
function splitGlob(arg: string, cwd: string): { base: string; pattern: string } {
  const parts = arg.split('/');
  let fixed = 0;
  // A brace group may span a `/` ({flows/a,flows/b}): the fixed folders end before its first part.
  while (fixed < parts.length - 1 && !isDynamicPattern(parts[fixed]) && !/[\\{}]/.test(parts[fixed])) fixed++;
  const prefix = parts.slice(0, fixed).join('/');
  return { base: prefix === '' && fixed > 0 ? '/' : resolve(cwd, prefix || '.'), pattern: parts.slice(fixed).join('/') };
}

/** Sorted by path; a file reached twice (through a link) is checked once, under the first path. */
function unique(found: Candidate[]): Candidate[] {
  // A file both named and found counts as named (a named .yaml file is a state machine).
  found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : Number(b.explicit) - Number(a.explicit)));
  const seen = new Set<string>();
  const out: Candidate[] = [];
  for (const c of found) {
    let key = c.path;
    try {
      key = realpathSync(c.path);
    } catch {
      // a broken link is its own file; reading it reports it
    }
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(c);
  }
  return out;
}

function safeRealpath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

function brokenLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/**
 * The most single `*` one part of a glob may hold. A glob becomes a regular expression (picomatch),
 * and `*a*a*a*a*b` against a 200-character name backtracks for minutes: more than a few stars in one part is no
 * pattern anyone needs. `**` (any folders) is no such star.
 */
const MAX_STARS = 3;
const tooManyStars = (glob: string) => glob.split(/[\\/]/).some((part) => part !== '**' && (part.match(/\*+/g) ?? []).length > MAX_STARS);

/**
 * How the searches read the tree (fdir takes it as its `fs`): (1) each directory that cannot be read
 * is recorded, (2) a link to a directory that contains the link (a loop) is not entered, and (3) FIFOs, devices and
 * broken links are handed on as files, so the name decides whether they matter and reading them reports them.
 */
function treeReader(base: string, cwd: string, problems: string[]) {
  const realCache = new Map<string, string>();
  const real = (p: string) => {
    let r = realCache.get(p);
    if (r === undefined) realCache.set(p, (r = realpathSync(p)));
    return r;
  };
  return {
    readdirSync(path: string, options: { withFileTypes: true }): Dirent[] {
      let entries: Dirent[];
      try {
        entries = readdirSync(path, options);
      } catch (e) {
        // A glob's fixed folders that do not exist are no problem of their own: the glob then matches no file.
        if (!((e as NodeJS.ErrnoException).code === 'ENOENT' && resolve(path) === base)) problems.push(`cannot read ${saidPath(resolve(path), cwd)}: ${reason(e)}`);
        throw e;
      }
      for (const entry of entries) {
        if (!entry.isFile() && !entry.isDirectory() && !entry.isSymbolicLink()) entry.isFile = () => true;
      }
      return entries;
    },
    realpathSync(path: string): string {
      let target: string;
      try {
        target = real(path);
      } catch {
        return path; // broken or looping link: statSync below fails, and it goes on as a file
      }
      if (isDirectory(target)) {
        for (let dir = dirname(path); ; dir = dirname(dir)) {
          // A link to a folder above itself: the files there are found without it.
          if (safeReal(real, dir) === target) throw Object.assign(new Error(`symbolic link loop at ${path}`), { code: 'ELOOP' });
          if (dirname(dir) === dir) break;
        }
      }
      return target;
    },
    statSync(path: string): Stats | { isDirectory(): boolean } {
      try {
        return statSync(path);
      } catch {
        return { isDirectory: () => false };
      }
    },
  };
}

/**
 * The files below `base` that `pattern` matches, as absolute paths, following symbolic links. A pattern that names
 * folders (`flows/{train,serve}`) stands for the files in them too; one ending in `/` for those only. The `s` flag
 * lets `*` and `**` match names holding a line break, as a shell's do: without it such a file was left out in silence.
 */
function search(base: string, pattern: string, cwd: string, problems: string[]): string[] {
  const skip = SKIP_DIRS.filter((d) => !pattern.split('/').includes(d));
  const options = { dot: true, posix: true, flags: 's' };
  const named = pattern.replace(/\/$/, '');
  const folders = !pattern.endsWith('*');
  // A pattern ending in `/` names folders only, as a shell reads it: a file its last part matches is not taken.
  // (`**/` alone: every folder below, not the base itself, whose files `**` would take as it matches no folder.)
  const matches = picomatch(pattern.endsWith('/') ? (named === '**' ? '*/**/*' : `${named}/**/*`) : folders ? [named, `${named}/**`] : named, options);
  const couldHold = folderFilter(named, folders, options);
  const exclude = (name: string, path: string) => skip.includes(name) || !couldHold(relative(base, path).split(sep).join('/'));
  return walk(base, cwd, problems, exclude, matches);
}

/**
 * The files below `base` whose path (relative to it, with `/`) `keep` takes, as absolute paths: fdir walks the tree
 * through treeReader, following symbolic links, and does not enter a folder `exclude` names.
 */
function walk(base: string, cwd: string, problems: string[], exclude: (name: string, path: string) => boolean, keep: (path: string) => boolean): string[] {
  return new fdir({ fs: treeReader(base, cwd, problems) as never, resolveSymlinks: true, relativePaths: true, pathSeparator: '/', exclude, filters: [(path) => keep(path)] })
    .crawl(base)
    .sync()
    .map((p) => join(base, p));
}

/**
 * Whether a folder (its path below the search's base) could hold a file the pattern matches, so that a glob walks
 * only the folders its parts can name (`flows/*.json` does not walk every folder below flows): each folder name
 * must match the pattern's part at its depth, up to a `**` part (anything below) or, when the pattern may name
 * folders (`folders`), below a folder the whole pattern names. A brace group or an extglob (`@(a/b|c)`) that spans a
 * `/` is not split: no pruning.
 */
function folderFilter(pattern: string, folders: boolean, options: { dot: boolean; posix: boolean; flags: string }): (folder: string) => boolean {
  const parts = pattern.split('/');
  const count = (p: string, c: RegExp) => (p.match(c) ?? []).length;
  if (parts.some((p) => count(p, /(?<!\\)\{/g) !== count(p, /(?<!\\)\}/g) || count(p, /(?<!\\)\(/g) !== count(p, /(?<!\\)\)/g))) return () => true;
  const globstar = parts.findIndex((p) => p.includes('**'));
  const part = parts.map((p) => picomatch(p, options));
  return (folder) => {
    const names = folder.split('/');
    for (let i = 0; i < names.length; i++) {
      if (i === globstar) return true;
      // A folder at the depth of the pattern's last part holds matches only when the pattern names folders.
      if (i === parts.length - 1 && !folders) return false;
      if (i === parts.length) return true;
      if (!part[i](names[i])) return false;
    }
    return true;
  };
}

/**
 * The files a directory argument stands for: every file below it with a state machine's extension, as absolute
 * paths, following symbolic links.
 */
function searchDirectory(base: string, cwd: string, problems: string[]): string[] {
  return walk(base, cwd, problems, (name) => SKIP_DIRS.includes(name), (path) => FOUND_IN_DIRS.test(path));
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function safeReal(real: (p: string) => string, path: string): string | undefined {
  try {
    return real(path);
  } catch {
    return undefined;
  }
}

/** What `--fix` compares before it replaces a file: the file must still be exactly what was read. */
export interface Snapshot {
  path: string;
  size: number;
  mtimeNs: bigint;
  mode: number;
  uid: number;
  gid: number;
  sha256: string;
}

export interface Source {
  /** The text the checks see: a leading UTF-8 byte order mark removed, as the editor does. */
  text: string;
  bom: boolean;
  /** Whether the bytes are UTF-8 text (else `--fix` refuses to write the file: its other bytes would be lost). */
  utf8: boolean;
  snapshot: Snapshot;
}

const KINDS: [keyof Stats, string][] = [
  ['isDirectory', 'a directory'],
  ['isFIFO', 'a FIFO'],
  ['isSocket', 'a socket'],
  ['isCharacterDevice', 'a character device'],
  ['isBlockDevice', 'a block device'],
];

/** What a path is when it is not a regular file, in words. */
const kindOf = (s: Stats) => KINDS.find(([k]) => (s[k] as () => boolean).call(s))?.[1] ?? 'not a regular file';

const megabytes = (n: number) => `${(n / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MiB`;

const tooLarge = (shown: string, what: string) => new PathError(`cannot read ${shown}: ${what} more than the limit of ${megabytes(MAX_FILE_BYTES)} for one file`);

/** Refuses anything but a regular file of at most MAX_FILE_BYTES, and says why. */
function checkStat(s: Stats, shown: string) {
  if (!s.isFile()) throw new PathError(`cannot read ${shown}: ${kindOf(s)}, not a regular file`);
  if (s.size > MAX_FILE_BYTES) throw tooLarge(shown, `${megabytes(s.size)},`);
}

/** The file's bytes, checked first by stat (before opening: opening a FIFO would wait for a writer) and again by fstat. */
export function readBytes(path: string, shown: string): { bytes: Buffer; stat: Stats; mtimeNs: bigint } {
  let s: Stats;
  try {
    s = statSync(path);
  } catch (e) {
    throw new PathError(`cannot read ${shown}: ${brokenLink(path) ? 'broken symbolic link' : reason(e)}`);
  }
  checkStat(s, shown);
  let fd: number;
  try {
    // O_NONBLOCK: should the path have become a FIFO since the stat, opening it does not wait for a writer.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    throw new PathError(`cannot read ${shown}: ${reason(e)}`);
  }
  try {
    s = fstatSync(fd);
    checkStat(s, shown);
    const { mtimeNs } = fstatSync(fd, { bigint: true });
    // Read to the end, but never more than one byte past the limit: a file growing while it is read is refused.
    let buf = Buffer.allocUnsafe(s.size + 1);
    let total = 0;
    for (;;) {
      if (total === buf.length) {
        if (total > MAX_FILE_BYTES) throw tooLarge(shown, 'it grew while being read to');
        const bigger = Buffer.allocUnsafe(Math.min(buf.length * 2, MAX_FILE_BYTES + 1));
        buf.copy(bigger, 0, 0, total);
        buf = bigger;
      }
      const n = readSync(fd, buf, total, buf.length - total, null);
      if (n === 0) break;
      total += n;
    }
    return { bytes: buf.subarray(0, total), stat: s, mtimeNs };
  } catch (e) {
    if (e instanceof PathError) throw e;
    throw new PathError(`cannot read ${shown}: ${reason(e)}`);
  } finally {
    closeSync(fd);
  }
}

export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Reads a file to check: regular files only, size-limited, a UTF-8 BOM set apart. */
export function readSource(path: string, shown: string): Source {
  const { bytes, stat, mtimeNs } = readBytes(path, shown);
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const text = bytes.toString('utf8', bom ? 3 : 0);
  return {
    text,
    bom,
    // Bytes that are no UTF-8 read as U+FFFD: written back, they would be lost.
    utf8: !text.includes('\uFFFD') || isUtf8(bytes),
    snapshot: { path, size: bytes.length, mtimeNs, mode: stat.mode, uid: stat.uid, gid: stat.gid, sha256: sha256(bytes) },
  };
}

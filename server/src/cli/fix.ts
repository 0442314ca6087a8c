// `--fix`: the language service's unambiguous quick fixes applied to a file, what they changed, and replacing
// the file so that no failure and no concurrent save can lose a byte.
import { randomBytes } from 'node:crypto';
import { accessSync, closeSync, constants, fchmodSync, fchownSync, fsyncSync, openSync, realpathSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { LanguageService } from '../service/languageService';
import type { OffsetEdit, Problem } from '../service/core/types';
import { applyOffsetEdits } from '../service/core/text';
import { reason } from '../inputFiles';
import { PathError, readBytes, sha256, type Snapshot } from './files';


export interface FixResult {
  /** The fixed document (validated already: the service caches its findings). */
  doc: TextDocument;
  applied: number;
  /** Counts by code, in the order the codes first appear among the findings before the fixes. */
  cleared: Map<string, number>;
  /** Findings the fixes brought (an inserted member with a placeholder value, say), by code. */
  added: Map<string, number>;
}

/**
 * Applies the preferred quick fixes until nothing changes (at most 5 passes). What they cleared is counted per
 * finding, not per code: each finding from before is carried through the edits to where it would be now, and
 * it was cleared when no finding with the same code, message and place is there. Comparing only the codes
 * would let a new finding of the same code (a placeholder inserted by the fix) hide a cleared one.
 */
export function applyFixes(service: LanguageService, doc: TextDocument): FixResult {
  const before = service.validate(doc);
  let carried: (Problem | undefined)[] = [...before];
  let current = doc;
  let applied = 0;
  for (let pass = 1; pass <= 5; pass++) {
    const textEdits = service.fixAll(current);
    if (!textEdits.length) break;
    const edits: OffsetEdit[] = textEdits
      .map((e) => ({ offset: current.offsetAt(e.range.start), length: current.offsetAt(e.range.end) - current.offsetAt(e.range.start), newText: e.newText }))
      .sort((a, b) => a.offset - b.offset);
    carried = carryAll(carried, edits);
    current = TextDocument.create(doc.uri, doc.languageId, current.version + 1, applyOffsetEdits(current.getText(), edits));
    applied += textEdits.length;
  }
  const cleared = new Map<string, number>();
  const added = new Map<string, number>();
  if (applied) {
    const key = (p: Problem) => `${p.code}\0${p.offset}\0${p.length}\0${p.message}`;
    const after = new Map<string, number>();
    const afterProblems = service.validate(current);
    for (const p of afterProblems) after.set(key(p), (after.get(key(p)) ?? 0) + 1);
    for (const code of before.map((p) => p.code)) cleared.set(code, 0);
    before.forEach((p, i) => {
      const now = carried[i];
      const left = now ? (after.get(key(now)) ?? 0) : 0;
      if (left) after.set(key(now!), left - 1);
      else cleared.set(p.code, cleared.get(p.code)! + 1);
    });
    for (const p of afterProblems) {
      const left = after.get(key(p)) ?? 0;
      if (!left) continue;
      after.set(key(p), left - 1);
      added.set(p.code, (added.get(p.code) ?? 0) + 1);
    }
    for (const [code, n] of cleared) if (!n) cleared.delete(code);
  }
  return { doc: current, applied, cleared, added };
}

/**
 * The findings moved by the edits made around them; undefined for one an edit touches (its text is not the same).
 * One sweep over both, sorted by offset: linear, however many fixes a large file gets.
 */
function carryAll(problems: (Problem | undefined)[], edits: OffsetEdit[]): (Problem | undefined)[] {
  const order = problems.map((_, i) => i).filter((i) => problems[i]);
  // At one offset, an empty finding first: an insertion there is after it, but before a non-empty one.
  order.sort((a, b) => problems[a]!.offset - problems[b]!.offset || problems[a]!.length - problems[b]!.length);
  const out: (Problem | undefined)[] = problems.map(() => undefined);
  let j = 0, shift = 0;
  for (const i of order) {
    const p = problems[i]!;
    const start = p.offset, end = p.offset + p.length;
    // Before it: ends earlier, or ends at its start (a replacement, or an insertion in front of a non-empty finding).
    for (; j < edits.length; j++) {
      const e = edits[j], eEnd = e.offset + e.length;
      if (!(eEnd < start || (eEnd === start && (e.length > 0 || p.length > 0)))) break;
      shift += e.newText.length - e.length;
    }
    const next = edits[j];
    if (!next || next.offset >= end) out[i] = { ...p, offset: start + shift };
  }
  return out;
}

export function summary(result: FixResult): string {
  const counts = (m: Map<string, number>) => [...m].map(([code, n]) => `${n} ${code}`).join(', ');
  const parts = [result.cleared.size ? `cleared: ${counts(result.cleared)}` : '', result.added.size ? `new: ${counts(result.added)}` : ''].filter(Boolean);
  return `applied ${result.applied} fix${result.applied === 1 ? '' : 'es'}${parts.length ? ` (${parts.join('; ')})` : ''}`;
}

/** Throws a PathError when the file is no longer what was read: another program (an editor's save) wrote it. */
function assertUnchanged(snapshot: Snapshot, shown: string) {
  let now;
  try {
    now = readBytes(snapshot.path, shown);
  } catch (e) {
    throw new PathError(`not writing ${shown}: it changed since it was read (${e instanceof PathError ? e.message : reason(e)}); run again`);
  }
  if (now.bytes.length !== snapshot.size || now.mtimeNs !== snapshot.mtimeNs || sha256(now.bytes) !== snapshot.sha256) {
    throw new PathError(`not writing ${shown}: it changed since it was read; run again`);
  }
}

/**
 * Replaces the file with `content`, all or nothing: the new text goes to a temporary file in the same folder
 * (same file system, so the rename is atomic), with the file's mode (and owner, where allowed), is flushed to
 * disk, and only then renamed over the file, after checking the file is still the one that was read. A full
 * disk or any other failure leaves the original as it was. A symbolic link stays a link: its target is replaced.
 * A file with other hard links is refused: the rename would give this name a new file and leave the other names
 * the old text, and writing in place instead would not be all or nothing.
 */
export function replaceFile(snapshot: Snapshot, content: Buffer, shown: string) {
  let target: string;
  let links: number;
  try {
    target = realpathSync(snapshot.path);
    links = statSync(target).nlink;
  } catch (e) {
    throw new PathError(`cannot write ${shown}: ${reason(e)}`);
  }
  if (links > 1) throw new PathError(`not writing ${shown}: it has ${links} hard links, and replacing it would leave the other ${links - 1 === 1 ? 'name' : `${links - 1} names`} with the old text; the file is unchanged (copy it to a file of its own to fix it)`);
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  let fd = -1;
  try {
    // The rename needs only the folder's permission: a read-only file must stay as unwritable as it was before. Its
    // mode says so for root too, whom the access check lets write anything.
    if ((snapshot.mode & 0o222) === 0) throw new PathError(`cannot write ${shown}: it is read-only; the file is unchanged`);
    accessSync(target, constants.W_OK);
    fd = openSync(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
    fchmodSync(fd, snapshot.mode & 0o7777);
    try {
      fchownSync(fd, snapshot.uid, snapshot.gid);
    } catch {
      // Only root may give a file to another user; everyone else's files are theirs already.
    }
    for (let written = 0; written < content.length; ) written += writeSync(fd, content, written, content.length - written);
    fsyncSync(fd);
    closeSync(fd);
    fd = -1;
    assertUnchanged(snapshot, shown);
    renameSync(temp, target);
  } catch (e) {
    if (fd >= 0) closeSync(fd);
    rmSync(temp, { force: true });
    if (e instanceof PathError) throw e;
    throw new PathError(`cannot write ${shown}: ${reason(e)}; the file is unchanged`);
  }
  syncDirectory(dirname(target));
}

/** Makes the rename itself durable; some file systems cannot fsync a directory, and then it is the OS's to do. */
function syncDirectory(dir: string) {
  try {
    const fd = openSync(dir, constants.O_RDONLY);
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // best effort
  }
}


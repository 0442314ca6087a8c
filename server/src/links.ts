// Whether a file is a symbolic link out of its own folder: such a file is not read as what its name says, by the
// language server (a machine's example input, inputFiles.ts) and the extension (the launch's input picker) alike.
// A cloned repository's `train.input.json` linked to `~/.docker/config.json` would put that file in a job's request
// (sec40). Node's fs only: the extension and the CLI load it for nothing.
import { lstatSync, realpathSync } from 'node:fs';
import { dirname, sep } from 'node:path';

/** True when `path` is a symbolic link whose target, all links followed, is not inside the folder that holds it. */
export function linksOutOfItsFolder(path: string): boolean {
  try {
    if (!lstatSync(path).isSymbolicLink()) return false;
    const folder = realpathSync(dirname(path));
    return !realpathSync(path).startsWith(folder.endsWith(sep) ? folder : folder + sep);
  } catch {
    // A link that does not resolve: nothing is read through it either way.
    return false;
  }
}

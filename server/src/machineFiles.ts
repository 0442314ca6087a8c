// The files a state machine is written in, as data shared by the language server (which NAME.input.json serves a
// machine) and the extension (the $$.StateMachine.Name of a launch, the graph export's file name, the example input
// the launch's input picker offers). No imports.

/** A state machine file's extensions, the longest that applies: .asl.json, .asl.yaml, .asl.yml, .asl, .json, .jsonc, .yaml, .yml. */
const MACHINE_EXTENSION = /\.(asl\.json|asl\.ya?ml|asl|jsonc?|ya?ml)$/i;

/**
 * The machine's name from its file's path or URI (the part after the last `/`) without the machine extension:
 * `file:///w/train.asl.yaml` → `train`, `x.jsonc` → `x`, `x.asl` → `x`. The whole name when it has no such
 * extension, or is nothing but one.
 */
export function machineBaseName(pathOrUri: string): string {
  const name = pathOrUri.slice(pathOrUri.lastIndexOf('/') + 1);
  return name.replace(MACHINE_EXTENSION, '') || name;
}

/**
 * The URI of the example input file of the machine at `uri`: `file:///w/train.asl.yaml` → `file:///w/train.input.json`.
 * Only for file: URIs of machine files (not for the example file itself).
 */
export function exampleInputUri(uri: string): string | undefined {
  if (!/^file:\/\//i.test(uri) || /[?#]/.test(uri)) return undefined;
  const slash = uri.lastIndexOf('/');
  const name = uri.slice(slash + 1);
  if (/\.input\.json$/i.test(name)) return undefined;
  // The same name the extension gives the machine (machineBaseName); a file without a machine extension has none.
  const base = machineBaseName(name);
  return base !== name ? `${uri.slice(0, slash + 1)}${base}.input.json` : undefined;
}

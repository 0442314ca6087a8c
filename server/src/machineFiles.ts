// The files a state machine is written in, as data shared by the language server (which NAME.input.json serves a
// machine) and the extension (the $$.StateMachine.Name of a launch, the graph export's file name). No imports.

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

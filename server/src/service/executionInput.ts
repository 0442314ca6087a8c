// The example execution input of a state machine: what the data-flow analysis (dataflow/) starts from instead of
// an unknown input. Two sources, per document URI:
// - the file `NAME.input.json` beside the machine `NAME.asl.json` / `.asl.yaml` / `.asl.yml` / `.asl` / `.json` /
//   `.jsonc` / `.yaml` / `.yml` (a template's file serves every machine the template embeds). The language server
//   and the CLI read it (server/src/inputFiles.ts); it is exact: a path reading a field it lacks is a warning.
// - the input the editor's launch flow last used for this machine (sent by the client, protocol.ts's
//   ExecutionInputNotification): a hint only, for completion and hover.
// The file wins. Text that is not JSON, or more than Step Functions accepts as an execution input, is ignored.
import { exampleInputShape } from './dataflow/executionInput';
import { exampleInputUri } from '../machineFiles';
import type { Shape } from './dataflow/shapes';

export type ExecutionInputSource = 'file' | 'launch';

/** Step Functions' limit on an execution's input (256 KiB): a larger example is not an input any run could have. */
export const MAX_EXECUTION_INPUT_BYTES = 256 * 1024;

/** The value of an example input's text, undefined when it is too large or not JSON. */
function parseInput(text: string): { value: unknown } | undefined {
  if (text.length > MAX_EXECUTION_INPUT_BYTES || new TextEncoder().encode(text).length > MAX_EXECUTION_INPUT_BYTES) return undefined;
  try {
    return { value: JSON.parse(text.replace(/^\uFEFF/, '')) };
  } catch {
    return undefined;
  }
}

function fileName(uri: string | undefined): string {
  const name = uri?.slice(uri.lastIndexOf('/') + 1) ?? 'example';
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/**
 * How many launch inputs of documents that are not open are kept, the most recently set ones. The editor sends
 * every input it remembers when the server starts, for files that are not open; an open document's inputs are kept.
 */
const MAX_LAUNCH_INPUTS = 200;

/** The example inputs of the documents, by URI and source. */
export class ExecutionInputs {
  private readonly byUri = new Map<string, Partial<Record<ExecutionInputSource, { text: string; shape: Shape }>>>();

  /** `isOpen`: whether the editor has the document open (its inputs are never dropped). */
  constructor(private readonly isOpen: (uri: string) => boolean = () => false) {}

  /** The shape the analysis of `uri` starts from (the file's, else the launch's), undefined when none is known. */
  shapeOf(uri: string): Shape | undefined {
    const entry = this.byUri.get(uri);
    return (entry?.file ?? entry?.launch)?.shape;
  }

  /** Sets (text) or clears (undefined) one source of `uri`'s input; whether the shape in effect changed. */
  set(uri: string, source: ExecutionInputSource, text: string | undefined): boolean {
    const before = this.shapeOf(uri);
    const entry = this.byUri.get(uri) ?? {};
    const parsed = text === undefined ? undefined : parseInput(text);
    if (!parsed) delete entry[source];
    else if (entry[source]?.text !== text) {
      const origin = source === 'file' ? `the execution input in ${fileName(exampleInputUri(uri))}` : 'the execution input of the last launch';
      entry[source] = { text: text!, shape: exampleInputShape(parsed.value, origin, source === 'file') };
    }
    // Inserted again, so the map's order is the order the entries were last set in.
    this.byUri.delete(uri);
    if (entry.file || entry.launch) this.byUri.set(uri, entry);
    if (source === 'launch' && parsed) this.forgetOldLaunches();
    return this.shapeOf(uri) !== before;
  }

  /**
   * Above MAX_LAUNCH_INPUTS of documents not open, those set longest ago are dropped: no findings rest on them, and
   * the editor sends an input again when it launches the machine.
   */
  private forgetOldLaunches() {
    let launches = 0;
    for (const [uri, entry] of this.byUri) if (entry.launch && !this.isOpen(uri)) launches++;
    for (const [uri, entry] of this.byUri) {
      if (launches <= MAX_LAUNCH_INPUTS) break;
      if (!entry.launch || this.isOpen(uri)) continue;
      delete entry.launch;
      launches--;
      if (!entry.file) this.byUri.delete(uri);
    }
  }
}

// Applies an LSP WorkspaceEdit's text edits to a document's text, as an editor does (from the end backwards).
// @ts-expect-error: a plain ES module without types, vendored from the shared tools
import { offsetAt } from './lsp-client.mjs';

export function applyEdits(source: string, edits: { range: any; newText: string }[]): string {
  const abs = edits.map((e) => [offsetAt(source, e.range.start), offsetAt(source, e.range.end), e.newText] as const).sort((a, b) => b[0] - a[0]);
  for (const [s, e, t] of abs) source = source.slice(0, s) + t + source.slice(e);
  return source;
}

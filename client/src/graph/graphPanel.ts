// Show Graph: the state machine as a live picture in a webview beside the editor. The language server computes
// the graph model (`sagemaker/graph`); the webview lays it out and draws it (dist/graph/webview.js), so the
// extension host only relays messages. The graph follows the text (debounced), keeps the last good graph while
// the text does not parse, reveals the state of a clicked node, and highlights the node under the cursor.
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { notify } from '../notify';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { GraphRequest, HasGraphRequest, type GraphModel, type GraphResult } from '../../../server/src/protocol';
import { STANDALONE_STYLE } from '../../../server/src/service/graph/style';
import { machineBaseName } from '../../../server/src/machineFiles';
import type { FromWebview, ToWebview } from './messages';

const VIEW_TYPE = 'sagemakerAsl.graph';
const ASL_LANGUAGES = new Set(['asl', 'asl-yaml']);
/** Languages whose documents are state machines when their top level has StartAt and States, or templates holding some. */
const DETECTED_LANGUAGES = new Set(['json', 'jsonc', 'yaml']);
const UPDATE_DELAY_MS = 250;
/** Context key: the active editor shows a state machine (Show Graph's editor title button). */
const CONTEXT_KEY = 'sagemakerAsl.isStateMachine';

export function registerGraphCommands(context: vscode.ExtensionContext, client: LanguageClient): void {
  const panels = new GraphPanels(context, client);
  context.subscriptions.push(
    vscode.commands.registerCommand('sagemakerAsl.showGraph', (uri?: vscode.Uri) => panels.show(uri)),
    // A graph open when the window closed or reloaded comes back beside its document (the webview's state names it).
    vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, { deserializeWebviewPanel: (panel, state) => panels.restore(panel, state) }),
    panels,
  );
}

async function running(client: LanguageClient): Promise<void> {
  if (client.state === State.Running) return;
  await new Promise<void>((resolve) => {
    const sub = client.onDidChangeState((e) => {
      if (e.newState === State.Running) {
        sub.dispose();
        resolve();
      }
    });
  });
}

class GraphPanels implements vscode.Disposable {
  private readonly panels = new Map<string, GraphPanel>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly context: vscode.ExtensionContext, private readonly client: LanguageClient) {
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor((e) => void this.updateContext(e)),
      // A deleted file's graph goes with its editor (walk32: it stayed, and a click on a node opened "file not
      // found"); a renamed one's follows the file (or the folder it is in).
      vscode.workspace.onDidDeleteFiles((e) => {
        for (const uri of e.files) for (const [, panel] of this.under(uri)) panel.dispose();
      }),
      vscode.workspace.onDidRenameFiles((e) => {
        for (const { oldUri, newUri } of e.files) {
          for (const [key, panel] of this.under(oldUri)) {
            panel.dispose();
            void this.show(vscode.Uri.parse(newUri.toString() + key.slice(oldUri.toString().length), true)).then(undefined, () => undefined);
          }
        }
      }),
    );
    void this.updateContext(vscode.window.activeTextEditor);
  }

  /** The open graphs of the file `uri`, or of the files under it when it is a folder. */
  private under(uri: vscode.Uri): [string, GraphPanel][] {
    const at = uri.toString();
    const folder = at.endsWith('/') ? at : `${at}/`;
    return [...this.panels].filter(([key]) => key === at || key.startsWith(folder));
  }

  /** Plain JSON files get the editor title button only when the server says they are state machines. */
  private async updateContext(editor: vscode.TextEditor | undefined) {
    const doc = editor?.document;
    let is = !!doc && ASL_LANGUAGES.has(doc.languageId);
    if (doc && !is && DETECTED_LANGUAGES.has(doc.languageId)) {
      await running(this.client);
      is = await this.client.sendRequest(HasGraphRequest, { uri: doc.uri.toString() }).then(undefined, () => false);
    }
    if (editor === vscode.window.activeTextEditor) void vscode.commands.executeCommand('setContext', CONTEXT_KEY, is);
  }

  async show(uri?: vscode.Uri): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    const doc = uri ? await vscode.workspace.openTextDocument(uri) : editor?.document;
    if (!doc) {
      void notify.info('Open a state machine (.asl.json, .asl.yaml) to show its graph.');
      return;
    }
    const key = doc.uri.toString();
    const open = this.panels.get(key);
    if (open) {
      open.reveal();
      return;
    }
    const column = vscode.window.visibleTextEditors.find((e) => e.document === doc)?.viewColumn ?? editor?.viewColumn ?? vscode.ViewColumn.One;
    const panel = new GraphPanel(this.context, this.client, doc, column, () => this.panels.delete(key));
    this.panels.set(key, panel);
  }

  /** A panel VS Code restores after a reload: the graph of the document its state names, if that still opens. */
  async restore(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const uri = typeof (state as { uri?: unknown } | undefined)?.uri === 'string' ? (state as { uri: string }).uri : undefined;
    let doc: vscode.TextDocument | undefined;
    try {
      const target = uri ? vscode.Uri.parse(uri, true) : undefined;
      // Opened only when it is the workspace's (below); an untitled one only if the window has it open still.
      doc = !target ? undefined : target.scheme === 'untitled' ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === target.toString()) : vscode.workspace.getWorkspaceFolder(target) ? await vscode.workspace.openTextDocument(target) : undefined;
    } catch {
      doc = undefined;
    }
    const key = doc?.uri.toString();
    // What a webview says is checked like any input: a document of the workspace (or one the window had open), never
    // a file elsewhere that the state would have it read.
    const known = !!doc && (!!vscode.workspace.getWorkspaceFolder(doc.uri) || doc.isUntitled);
    if (!doc || !key || !known || this.panels.has(key)) return void panel.dispose();
    const column = vscode.window.visibleTextEditors.find((e) => e.document === doc)?.viewColumn ?? vscode.ViewColumn.One;
    this.panels.set(key, new GraphPanel(this.context, this.client, doc, column, () => this.panels.delete(key), panel));
  }

  dispose(): void {
    for (const p of this.panels.values()) p.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}

class GraphPanel implements vscode.Disposable {
  private readonly panel: vscode.WebviewPanel;
  private readonly subscriptions: vscode.Disposable[] = [];
  private graph: GraphModel | undefined;
  /** In a template: the machine drawn, and the version it was drawn at (the cursor chooses among several). */
  private drawn: { machine: string | undefined; version: number } | undefined;
  /** In a template with several machines, the span of the one drawn: a cursor inside it changes nothing. */
  private drawnSpan: { offset: number; length: number } | undefined;
  private severalMachines = false;
  /** Where the cursor last moved in an editor of the document (the one the user works in, of several). */
  private cursor: vscode.Position | undefined;
  private timer: NodeJS.Timeout | undefined;
  private request = 0;
  private ready = false;

  constructor(
    context: vscode.ExtensionContext,
    private readonly client: LanguageClient,
    private readonly doc: vscode.TextDocument,
    private readonly editorColumn: vscode.ViewColumn,
    private readonly onDispose: () => void,
    restored?: vscode.WebviewPanel,
  ) {
    const media = vscode.Uri.joinPath(context.extensionUri, 'dist', 'graph');
    const options = { enableScripts: true, localResourceRoots: [media], retainContextWhenHidden: true };
    this.panel = restored ?? vscode.window.createWebviewPanel(VIEW_TYPE, `Graph: ${path.basename(doc.uri.path)}`, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, options);
    if (restored) {
      restored.webview.options = options;
      restored.title = `Graph: ${path.basename(doc.uri.path)}`;
    }
    this.panel.webview.html = html(this.panel.webview, vscode.Uri.joinPath(media, 'webview.js'));
    this.subscriptions.push(
      this.panel.webview.onDidReceiveMessage((m: FromWebview) => void this.onMessage(m)),
      this.panel.onDidDispose(() => this.dispose()),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === this.doc && e.contentChanges.length) this.schedule();
      }),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (e.textEditor.document !== this.doc) return;
        const cursor = (this.cursor = e.selections[0]?.active);
        this.postCursor(cursor);
        // In a template with several machines the graph follows the one the cursor is in (the server says which).
        if (this.severalMachines && cursor && !this.inDrawn(this.doc.offsetAt(cursor))) this.schedule();
      }),
    );
  }

  reveal() {
    this.panel.reveal(undefined, true);
  }

  private post(m: ToWebview) {
    void this.panel.webview.postMessage(m);
  }

  private schedule() {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), UPDATE_DELAY_MS);
  }

  private async refresh() {
    const seq = ++this.request;
    await running(this.client);
    let result: GraphResult | null;
    try {
      const cursor = this.cursor ?? vscode.window.visibleTextEditors.find((e) => e.document === this.doc)?.selection.active;
      result = await this.client.sendRequest(GraphRequest, { uri: this.doc.uri.toString(), position: cursor && { line: cursor.line, character: cursor.character }, machine: this.drawn?.machine });
    } catch (e) {
      this.post({ type: 'stale', message: `the language server did not answer (${(e as Error).message})` });
      return;
    }
    if (seq !== this.request) return; // a newer edit asked again
    if (!result) {
      this.post({ type: 'stale', message: 'this document is not a state machine (no StartAt and States at the top level)' });
      return;
    }
    if (result.syntaxError) {
      // The last good graph stays; with none yet, what could be read is better than nothing.
      if (!this.graph) this.post({ type: 'graph', graph: result.graph, version: result.version, uri: this.doc.uri.toString() });
      this.post({ type: 'stale', message: result.syntaxError });
      return;
    }
    this.severalMachines = (result.machines?.length ?? 0) > 1;
    this.drawnSpan = result.machineSpan;
    const drawn = { machine: result.machine, version: result.version };
    if (this.graph && this.drawn?.machine === drawn.machine && this.drawn?.version === drawn.version) return; // the cursor moved within it
    this.drawn = drawn;
    this.panel.title = `Graph: ${path.basename(this.doc.uri.path)}${result.machine ? ` (${result.machine})` : ''}`;
    this.graph = result.graph;
    this.post({ type: 'graph', graph: result.graph, version: result.version, uri: this.doc.uri.toString() });
    const editor = vscode.window.visibleTextEditors.find((e) => e.document === this.doc);
    if (editor) this.postCursor(editor.selection.active);
  }

  private inDrawn(offset: number): boolean {
    return !!this.drawnSpan && offset >= this.drawnSpan.offset && offset <= this.drawnSpan.offset + this.drawnSpan.length;
  }

  /** The innermost state whose text holds the cursor. */
  private postCursor(position: vscode.Position | undefined) {
    if (!this.graph || !position || !this.ready) return;
    const offset = this.doc.offsetAt(position);
    let best: GraphModel['nodes'][number] | undefined;
    for (const n of this.graph.nodes) {
      if (n.kind === 'Missing' || offset < n.range.offset || offset > n.range.offset + n.range.length) continue;
      if (!best || n.range.length < best.range.length) best = n;
    }
    this.post({ type: 'cursor', id: best?.id });
  }

  private async onMessage(m: FromWebview) {
    if (typeof m !== 'object' || m === null) return;
    if (m.type === 'ready') {
      this.ready = true;
      this.graph = undefined;
      await this.refresh();
    } else if (m.type === 'reveal') {
      const node = this.graph?.nodes.find((n) => n.id === m.id);
      if (!node) return;
      const range = new vscode.Range(this.doc.positionAt(node.selection.offset), this.doc.positionAt(node.selection.offset + node.selection.length));
      const editor = await vscode.window.showTextDocument(this.doc, { viewColumn: this.editorColumn, selection: range, preserveFocus: false });
      editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    } else if (m.type === 'export') {
      // The webview is a page: what it sends is checked like any input before it names or fills a file.
      if ((m.format !== 'svg' && m.format !== 'png') || typeof m.data !== 'string') return;
      if (m.data.length > MAX_EXPORT_CHARS) {
        // Not written, and said: a machine whose picture is that large is better drawn outside the editor.
        const what = m.format === 'svg' ? 'SVG' : 'PNG';
        void notify.warning(`The graph's ${what} is ${Math.round(m.data.length / 1024 / 1024)} MiB, over the ${MAX_EXPORT_CHARS / 1024 / 1024} MiB an export may be: nothing was saved. The command line draws any size: sagemaker-asl graph --format svg FILE`);
        return;
      }
      const file = this.doc.uri.path;
      const target = await vscode.window.showSaveDialog({
        defaultUri: this.doc.uri.with({ path: `${file.slice(0, file.lastIndexOf('/') + 1)}${machineBaseName(file)}.${m.format}` }),
        filters: m.format === 'svg' ? { 'SVG image': ['svg'] } : { 'PNG image': ['png'] },
        title: `Export the graph as ${m.format.toUpperCase()}`,
      });
      if (!target) return;
      await vscode.workspace.fs.writeFile(target, m.format === 'svg' ? Buffer.from(m.data, 'utf8') : Buffer.from(m.data, 'base64'));
      void notify.info(`Graph saved to ${vscode.workspace.asRelativePath(target)}`);
    }
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const s of this.subscriptions) s.dispose();
    this.subscriptions.length = 0;
    this.panel.dispose();
    this.onDispose();
  }
}

/** The largest export the panel writes (SVG text or PNG base64): 64 MiB, several times a 2,000-state machine's. */
const MAX_EXPORT_CHARS = 64 * 1024 * 1024;

/** The theme's colours for the graph's custom properties (style.ts), and the page around it. */
const PAGE_STYLE = `
body{margin:0;padding:0;height:100vh;display:flex;flex-direction:column;overflow:hidden;color:var(--vscode-foreground);background:var(--vscode-editor-background);font-family:var(--vscode-font-family);font-size:var(--vscode-font-size)}
body .asl-graph{--fg:var(--vscode-editor-foreground);--bg:var(--vscode-editor-background);--muted:var(--vscode-descriptionForeground);--edge:var(--vscode-editorLineNumber-foreground);--group:color-mix(in srgb,var(--vscode-editor-foreground) 4%,var(--vscode-editor-background));--group-line:var(--vscode-widget-border,var(--vscode-editorGroup-border));--task:color-mix(in srgb,var(--vscode-charts-blue) 16%,var(--vscode-editor-background));--task-line:var(--vscode-charts-blue);--sm:color-mix(in srgb,var(--vscode-charts-orange) 16%,var(--vscode-editor-background));--sm-line:var(--vscode-charts-orange);--choice:color-mix(in srgb,var(--vscode-charts-purple) 16%,var(--vscode-editor-background));--choice-line:var(--vscode-charts-purple);--pass:color-mix(in srgb,var(--vscode-editor-foreground) 7%,var(--vscode-editor-background));--pass-line:var(--vscode-descriptionForeground);--wait:color-mix(in srgb,var(--vscode-charts-yellow) 16%,var(--vscode-editor-background));--wait-line:var(--vscode-charts-yellow);--ok:color-mix(in srgb,var(--vscode-charts-green) 16%,var(--vscode-editor-background));--ok-line:var(--vscode-charts-green);--fail:color-mix(in srgb,var(--vscode-charts-red) 16%,var(--vscode-editor-background));--fail-line:var(--vscode-charts-red);--error:var(--vscode-editorError-foreground);--warning:var(--vscode-editorWarning-foreground);--catch:var(--vscode-editorError-foreground);--focus:var(--vscode-focusBorder);font-family:var(--vscode-font-family)}
body.vscode-high-contrast .asl-graph,body.vscode-high-contrast-light .asl-graph{--group:var(--bg);--task:var(--bg);--sm:var(--bg);--choice:var(--bg);--pass:var(--bg);--wait:var(--bg);--ok:var(--bg);--fail:var(--bg);--task-line:var(--vscode-contrastBorder);--sm-line:var(--vscode-contrastBorder);--choice-line:var(--vscode-contrastBorder);--pass-line:var(--vscode-contrastBorder);--wait-line:var(--vscode-contrastBorder);--ok-line:var(--vscode-contrastBorder);--fail-line:var(--vscode-contrastBorder);--group-line:var(--vscode-contrastBorder);--edge:var(--vscode-editor-foreground);--focus:var(--vscode-contrastActiveBorder)}
.toolbar{display:flex;gap:4px;align-items:center;padding:4px 8px;border-bottom:1px solid var(--vscode-panel-border,transparent)}
.toolbar button{background:var(--vscode-button-secondaryBackground);color:var(--vscode-button-secondaryForeground);border:1px solid var(--vscode-button-border,transparent);border-radius:2px;padding:2px 8px;cursor:pointer;font:inherit}
.toolbar button:hover{background:var(--vscode-button-secondaryHoverBackground)}
.toolbar button:focus-visible{outline:1px solid var(--vscode-focusBorder);outline-offset:1px}
#status{flex:1;color:var(--vscode-descriptionForeground);white-space:nowrap;overflow:hidden;text-overflow:ellipsis;padding-left:8px}
body.stale #status{color:var(--vscode-editorWarning-foreground)}
#viewport{flex:1;position:relative;overflow:hidden;cursor:grab;outline:none}
#viewport.panning{cursor:grabbing}
#viewport svg{position:absolute;left:0;top:0;transform-origin:0 0}
body.stale #viewport svg{opacity:.55}
.asl-graph .node{cursor:pointer;outline:none}
.asl-graph .node:focus-visible .shape,.asl-graph .node.selected .shape{stroke:var(--focus);stroke-width:3}
.asl-graph .node:focus-visible .shape{stroke-dasharray:none}
`;

function html(webview: vscode.Webview, script: vscode.Uri): string {
  const nonce = randomBytes(16).toString('hex');
  // No remote source, no inline script or style without the nonce; images and the layout worker from blobs
  // the page makes itself (export, worker), the worker's code fetched from the extension's own folder.
  const csp = [
    "default-src 'none'",
    `style-src 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
    `img-src ${webview.cspSource} blob: data:`,
    'worker-src blob:',
    `connect-src ${webview.cspSource}`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<style nonce="${nonce}">${STANDALONE_STYLE}${PAGE_STYLE}</style>
</head>
<body>
<div class="toolbar" role="toolbar" aria-label="Graph">
<button id="zoom-out" title="Zoom out (-)" aria-label="Zoom out">−</button>
<button id="zoom-in" title="Zoom in (+)" aria-label="Zoom in">+</button>
<button id="fit" title="Fit to window (0)">Fit</button>
<button id="export-svg" title="Export as SVG">SVG</button>
<button id="export-png" title="Export as PNG">PNG</button>
<div id="status" role="status" aria-live="polite">Loading…</div>
</div>
<div id="viewport" aria-label="State machine graph: Tab moves between states, Enter shows one in the editor, C opens or closes a Parallel or Map; drag or scroll to pan, Ctrl+scroll to zoom"></div>
<script nonce="${nonce}" src="${webview.asWebviewUri(script)}"></script>
</body>
</html>`;
}

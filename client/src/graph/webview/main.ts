/// <reference lib="dom" />
// The graph view's page script (bundled to dist/graph/webview.js, run in the webview, never in the extension
// host). It lays out the graph model the extension sends, draws it as SVG, and handles zoom, pan, fit,
// selection, keyboard navigation, collapsing and export. The same file is also its own layout worker: loaded
// in a Worker (no `document`), it only answers layout requests, so a big machine never blocks the page.
import type { GraphModel } from '../../../../server/src/protocol';
import { collapseToBudget, layoutGraph, type GraphLayout } from '../../../../server/src/service/graph/layout';
import { renderSvg } from '../../../../server/src/service/graph/renderSvg';
import { STANDALONE_STYLE } from '../../../../server/src/service/graph/style';
import type { FromWebview, ToWebview } from '../messages';

interface LayoutRequest {
  seq: number;
  graph: GraphModel;
  collapsed: string[];
}
interface LayoutResponse {
  seq: number;
  layout?: GraphLayout;
  error?: string;
}

/** Above this many states, the biggest Parallel/Map groups start collapsed. */
const VISIBLE_BUDGET = 400;

if (typeof document === 'undefined') runWorker();
else runPage();

function runWorker() {
  const scope = self as unknown as { onmessage: (e: MessageEvent<LayoutRequest>) => void; postMessage(m: LayoutResponse): void };
  scope.onmessage = (e) => {
    const { seq, graph, collapsed } = e.data;
    try {
      scope.postMessage({ seq, layout: layoutGraph(graph, { collapsed: new Set(collapsed) }) });
    } catch (err) {
      scope.postMessage({ seq, error: String(err) });
    }
  };
}

function runPage() {
  const vscode = acquireVsCodeApi();
  const post = (m: FromWebview) => vscode.postMessage(m);
  const scriptSrc = (document.currentScript as HTMLScriptElement | null)?.src;
  const viewport = document.getElementById('viewport')!;
  const status = document.getElementById('status')!;

  let graph: GraphModel | undefined;
  let layout: GraphLayout | undefined;
  let svg: SVGSVGElement | undefined;
  let selected: string | undefined;
  /** Parallel/Map states the user opened or closed; the others follow the size budget. */
  const toggled = new Map<string, boolean>();
  let view = { x: 0, y: 0, k: 1 };
  let fitPending = true;
  /**
   * Whether the view still shows the whole graph as fitted: each redraw fits it again (states added at the end stay
   * in view), until the user zooms or pans; Fit (or 0) starts following again.
   */
  let following = true;
  let stale: string | undefined;
  /** The node keeping the keyboard focus across a redraw (a collapse toggled with C). */
  let focusAfterDraw: string | undefined;

  // --- Layout, in a worker when the page may start one (the script fetched as a blob), else here. ---
  let workerCode: string | undefined;
  let worker: Worker | undefined;
  let busy = false;
  let seq = 0;
  async function startWorker(): Promise<Worker | undefined> {
    try {
      workerCode ??= scriptSrc ? await (await fetch(scriptSrc)).text() : undefined;
      if (!workerCode) return undefined;
      const w = new Worker(URL.createObjectURL(new Blob([workerCode], { type: 'text/javascript' })));
      w.onmessage = (e: MessageEvent<LayoutResponse>) => {
        busy = false;
        if (e.data.seq === seq) e.data.layout ? draw(e.data.layout) : showStatus(`Layout failed: ${e.data.error}`);
      };
      return w;
    } catch {
      return undefined;
    }
  }

  function collapsedSet(g: GraphModel): Set<string> {
    const auto = collapseToBudget(g, VISIBLE_BUDGET);
    const out = new Set<string>();
    for (const grp of g.groups) {
      const want = toggled.get(grp.owner) ?? auto.has(grp.owner);
      if (want) out.add(grp.owner);
    }
    return out;
  }

  async function relayout() {
    if (!graph) return;
    const request: LayoutRequest = { seq: ++seq, graph, collapsed: [...collapsedSet(graph)] };
    // A worker still busy with an older graph is replaced: its answer would be thrown away anyway.
    if (worker && busy) {
      worker.terminate();
      worker = undefined;
    }
    worker ??= await startWorker();
    if (worker) {
      busy = true;
      worker.postMessage(request);
      return;
    }
    try {
      draw(layoutGraph(graph, { collapsed: new Set(request.collapsed) }));
    } catch (err) {
      showStatus(`Layout failed: ${String(err)}`);
    }
  }

  // --- Drawing ---
  function draw(next: GraphLayout) {
    if (!graph) return;
    layout = next;
    const doc = new DOMParser().parseFromString(renderSvg(graph, layout, { selected: selected ? new Set([selected]) : undefined }), 'image/svg+xml');
    const el = document.importNode(doc.documentElement, true) as unknown as SVGSVGElement;
    viewport.replaceChildren(el);
    svg = el;
    if (fitPending || following) {
      fit();
      fitPending = false;
    } else apply();
    if (focusAfterDraw) (svg.querySelector(`.node[data-id="${CSS.escape(focusAfterDraw)}"]`) as SVGGElement | null)?.focus();
    focusAfterDraw = undefined;
    updateStatus();
  }

  function updateStatus() {
    if (!graph) return;
    const states = graph.nodes.filter((n) => n.kind !== 'Missing').length;
    const problems = graph.nodes.reduce((a, n) => a + n.findings.count, 0);
    const hidden = layout ? graph.nodes.length - layout.nodes.length : 0;
    const parts = [`${states} state${states === 1 ? '' : 's'}`];
    if (problems) parts.push(`${problems} problem${problems === 1 ? '' : 's'}`);
    if (hidden) parts.push(`${hidden} in collapsed groups (double-click or press C on a Parallel/Map to open)`);
    showStatus(stale ? `Not updated: the document does not parse (${stale}). Showing the last graph that did.` : parts.join(' · '));
    document.body.classList.toggle('stale', !!stale);
  }

  function showStatus(text: string) {
    status.textContent = text;
  }

  // --- Zoom, pan, fit ---
  function apply() {
    if (svg) svg.style.transform = `translate(${view.x}px, ${view.y}px) scale(${view.k})`;
  }
  function fit() {
    if (!layout) return;
    const w = viewport.clientWidth || 800;
    const h = viewport.clientHeight || 600;
    const k = Math.min(1.5, Math.max(0.05, Math.min(w / layout.width, h / layout.height) * 0.95));
    view = { k, x: (w - layout.width * k) / 2, y: Math.max(8, (h - layout.height * k) / 2) };
    following = true;
    apply();
  }
  function zoom(factor: number, cx = viewport.clientWidth / 2, cy = viewport.clientHeight / 2) {
    following = false;
    const k = Math.min(4, Math.max(0.05, view.k * factor));
    view = { k, x: cx - ((cx - view.x) * k) / view.k, y: cy - ((cy - view.y) * k) / view.k };
    apply();
  }
  /** Pans the least needed to bring a node into view. */
  function ensureVisible(id: string) {
    const box = layout?.nodes.find((n) => n.id === id);
    if (!box) return;
    const w = viewport.clientWidth;
    const h = viewport.clientHeight;
    const left = view.x + box.x * view.k;
    const top = view.y + box.y * view.k;
    const right = left + box.width * view.k;
    const bottom = top + box.height * view.k;
    if (left < 0) view.x -= left - 16;
    else if (right > w) view.x -= Math.min(right - w + 16, left - 16);
    if (top < 0) view.y -= top - 16;
    else if (bottom > h) view.y -= Math.min(bottom - h + 16, top - 16);
    // Moved to show it: the next redraw keeps this view rather than fitting the whole graph again.
    if (left < 0 || right > w || top < 0 || bottom > h) following = false;
    apply();
  }

  // As in VS Code's previews: the wheel (two fingers on a trackpad) pans, Ctrl/Cmd + wheel (a pinch) zooms.
  viewport.addEventListener(
    'wheel',
    (e) => {
      e.preventDefault();
      const r = viewport.getBoundingClientRect();
      if (e.ctrlKey || e.metaKey) zoom(Math.exp(-e.deltaY * 0.01), e.clientX - r.left, e.clientY - r.top);
      else {
        following = false;
        view.x -= e.shiftKey ? e.deltaY : e.deltaX;
        view.y -= e.shiftKey ? 0 : e.deltaY;
        apply();
      }
    },
    { passive: false },
  );
  // A drag pans (from anywhere, a state too) once the pointer has moved a little; a click stays a click.
  let drag: { x: number; y: number; id: number; moving: boolean } | undefined;
  let dragged = false;
  viewport.addEventListener('pointerdown', (e) => {
    if (e.button !== 0) return;
    drag = { x: e.clientX, y: e.clientY, id: e.pointerId, moving: false };
    dragged = false;
  });
  viewport.addEventListener('pointermove', (e) => {
    if (!drag || e.pointerId !== drag.id) return;
    if (!drag.moving) {
      if (Math.abs(e.clientX - drag.x) + Math.abs(e.clientY - drag.y) < 4) return;
      drag.moving = dragged = true;
      following = false;
      viewport.setPointerCapture(e.pointerId);
      viewport.classList.add('panning');
    }
    view.x += e.clientX - drag.x;
    view.y += e.clientY - drag.y;
    drag.x = e.clientX;
    drag.y = e.clientY;
    apply();
  });
  const endDrag = () => {
    drag = undefined;
    viewport.classList.remove('panning');
  };
  viewport.addEventListener('pointerup', endDrag);
  viewport.addEventListener('pointercancel', endDrag);

  // --- Selection, reveal, keyboard, collapsing ---
  const nodeOf = (target: EventTarget | null) => (target as Element | null)?.closest?.('.node') as SVGGElement | null;
  function select(id: string | undefined) {
    svg?.querySelector('.node.selected')?.classList.remove('selected');
    selected = id;
    if (id) svg?.querySelector(`.node[data-id="${CSS.escape(id)}"]`)?.classList.add('selected');
  }
  function reveal(id: string) {
    select(id);
    if (graph?.nodes.some((n) => n.id === id)) post({ type: 'reveal', id });
  }
  function toggle(id: string) {
    if (!graph?.groups.some((g) => g.owner === id)) return;
    const now = !!layout?.nodes.find((n) => n.id === id)?.collapsed;
    toggled.set(id, !now);
    focusAfterDraw = id;
    void relayout();
  }
  viewport.addEventListener('click', (e) => {
    const node = nodeOf(e.target);
    if (node?.dataset.id && e.detail === 1 && !dragged) reveal(node.dataset.id);
  });
  viewport.addEventListener('dblclick', (e) => {
    const node = nodeOf(e.target);
    if (node?.dataset.id) toggle(node.dataset.id);
  });
  viewport.addEventListener('keydown', (e) => {
    const node = nodeOf(e.target);
    if (!node?.dataset.id) return;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      reveal(node.dataset.id);
    } else if (e.key === 'c' || e.key === 'C') toggle(node.dataset.id);
  });
  viewport.addEventListener('focusin', (e) => {
    const node = nodeOf(e.target);
    if (node?.dataset.id) ensureVisible(node.dataset.id);
  });

  // --- Toolbar and keys ---
  const on = (id: string, run: () => void) => document.getElementById(id)?.addEventListener('click', run);
  on('zoom-in', () => zoom(1.25));
  on('zoom-out', () => zoom(0.8));
  on('fit', fit);
  on('export-svg', () => graph && layout && post({ type: 'export', format: 'svg', data: exportSvg() }));
  on('export-png', () => void exportPng());
  document.addEventListener('keydown', (e) => {
    if (nodeOf(e.target) && (e.key === 'Enter' || e.key === ' ')) return;
    if (e.key === '+' || e.key === '=') zoom(1.25);
    else if (e.key === '-') zoom(0.8);
    else if (e.key === '0') fit();
  });
  // A view that still shows the whole graph fits it again when the panel is resized (walk38: hiding the sidebar
  // left the graph small until Fit); one the user zoomed or panned stays as it is.
  window.addEventListener('resize', () => (following ? fit() : apply()));

  // --- Export: the standalone SVG, coloured as the current theme shows it ---
  function exportSvg(): string {
    const vars = ['--fg', '--bg', '--muted', '--edge', '--group', '--group-line', '--task', '--task-line', '--sm', '--sm-line', '--choice', '--choice-line', '--pass', '--pass-line', '--wait', '--wait-line', '--ok', '--ok-line', '--fail', '--fail-line', '--error', '--warning', '--catch', '--focus'];
    const computed = svg ? getComputedStyle(svg) : undefined;
    const theme = computed ? `svg.asl-graph{${vars.map((v) => `${v}:${computed.getPropertyValue(v).trim()}`).join(';')}}` : '';
    return renderSvg(graph!, layout!, { standalone: true }).replace(STANDALONE_STYLE, `${STANDALONE_STYLE}${theme}`);
  }
  async function exportPng() {
    if (!graph || !layout) return;
    const url = URL.createObjectURL(new Blob([exportSvg()], { type: 'image/svg+xml' }));
    try {
      const img = new Image();
      await new Promise<void>((resolve, reject) => {
        img.onload = () => resolve();
        img.onerror = () => reject(new Error('the SVG did not load as an image'));
        img.src = url;
      });
      // Twice the size for sharp text, within what a canvas holds.
      const scale = Math.min(2, 16000 / Math.max(layout.width, layout.height));
      const canvas = document.createElement('canvas');
      canvas.width = Math.ceil(layout.width * scale);
      canvas.height = Math.ceil(layout.height * scale);
      const ctx = canvas.getContext('2d')!;
      ctx.scale(scale, scale);
      ctx.drawImage(img, 0, 0, layout.width, layout.height);
      post({ type: 'export', format: 'png', data: canvas.toDataURL('image/png').replace(/^data:image\/png;base64,/, '') });
    } catch (err) {
      showStatus(`PNG export failed: ${String(err)}`);
    } finally {
      URL.revokeObjectURL(url);
    }
  }

  // --- Messages from the extension ---
  window.addEventListener('message', (e: MessageEvent<ToWebview>) => {
    const m = e.data;
    if (m.type === 'graph') {
      stale = undefined;
      if (!graph) fitPending = true;
      graph = m.graph;
      // The document it draws, for VS Code to give back when it restores the panel after a reload.
      vscode.setState({ version: m.version, uri: m.uri });
      if (!graph.nodes.length) {
        viewport.replaceChildren();
        layout = undefined;
        showStatus('No states to draw yet: add StartAt and States.');
        return;
      }
      void relayout();
    } else if (m.type === 'stale') {
      stale = m.message;
      if (graph) updateStatus();
      else showStatus(`The document does not parse: ${m.message}`);
    } else if (m.type === 'cursor') {
      select(m.id);
      if (m.id) ensureVisible(m.id);
    }
  });
  post({ type: 'ready' });
}

declare function acquireVsCodeApi(): { postMessage(m: unknown): void; setState(s: unknown): void; getState(): unknown };

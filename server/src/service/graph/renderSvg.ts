// The graph as SVG, from its layout: for the CLI (a standalone file with its own light/dark style) and for the
// editor's graph view (the same markup, styled by the view's stylesheet from the VS Code theme). Every colour
// is a class, so a Content-Security-Policy without inline styles shows it unchanged.
import type { GraphModel, GraphNode } from './graphModel';
import { FONT_SIZE, LINE_HEIGHT, PADDING, START_RADIUS, type EdgePath, type GraphLayout, type NodeBox } from './layout';
import { STANDALONE_STYLE } from './style';
import { append } from '../core/append';
import { visibleText } from '../core/text';

export interface SvgOptions {
  /** Include a <style> element (a file on its own); the graph view styles the markup itself. */
  standalone?: boolean;
  /** Node ids marked as the cursor's state. */
  selected?: ReadonlySet<string>;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Text for XML content and attribute values; characters XML 1.0 cannot hold are dropped. */
export function xml(s: string): string {
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

const n1 = (x: number) => (Math.round(x * 10) / 10).toString();


function shape(node: NodeBox, kind: GraphNode['kind']): string {
  const { x, y, width: w, height: h } = node;
  if (kind === 'Choice' && !node.container) {
    const d = Math.min(14, h / 2);
    return `<path class="shape" d="M${n1(x + d)} ${n1(y)}H${n1(x + w - d)}L${n1(x + w)} ${n1(y + h / 2)}L${n1(x + w - d)} ${n1(y + h)}H${n1(x + d)}L${n1(x)} ${n1(y + h / 2)}Z"/>`;
  }
  const rx = node.container ? 8 : kind === 'Succeed' || kind === 'Fail' ? h / 2 : kind === 'Pass' ? 12 : 5;
  return `<rect class="shape" x="${n1(x)}" y="${n1(y)}" width="${n1(w)}" height="${n1(h)}" rx="${n1(rx)}"/>`;
}

function nodeSvg(box: NodeBox, node: GraphNode, selected: boolean, interactive: boolean): string {
  const classes = ['node', `k-${node.kind}`];
  if (node.sagemaker) classes.push('sagemaker');
  if (node.findings.count) classes.push(node.findings.severity === 'error' ? 'has-error' : 'has-warning');
  if (box.container) classes.push('container');
  if (box.collapsed !== undefined) classes.push('collapsed');
  if (selected) classes.push('selected');
  const label = `${visibleText(node.name)}, ${box.lines.slice(1).join(', ')}${node.findings.count ? `, ${node.findings.count} problem${node.findings.count > 1 ? 's' : ''}` : ''}`;
  // In the graph view a state is a button reached with Tab; in a file it is a picture.
  const focus = interactive ? ` tabindex="0" role="button" aria-label="${xml(label)}"` : '';
  const out = [`<g class="${classes.join(' ')}" data-id="${xml(node.id)}"${focus}>`];
  out.push(`<title>${xml(titleOf(node, box))}</title>`);
  out.push(shape(box, node.kind));
  // A container's text is its header; a state's text is centred in its box.
  const cx = box.x + box.width / 2;
  let ty = box.y + PADDING + FONT_SIZE - 1;
  box.lines.forEach((line, i) => {
    out.push(`<text x="${n1(cx)}" y="${n1(ty)}" text-anchor="middle"${i ? ' class="sub"' : ' class="name"'}>${xml(line)}</text>`);
    ty += LINE_HEIGHT;
  });
  if (node.retry) {
    out.push(`<text class="retry" x="${n1(box.x + 6)}" y="${n1(box.y + 13)}">↻${node.retry.count > 1 ? node.retry.count : ''}<title>${xml(`Retry: ${node.retry.errors.join(', ') || 'no errors listed'}`)}</title></text>`);
  }
  if (node.findings.count) {
    const bx = box.x + box.width - 2;
    const by = box.y + 2;
    out.push(`<g class="badge ${node.findings.severity === 'error' ? 'error' : 'warning'}"><title>${xml(node.findings.messages.join('\n'))}</title><circle cx="${n1(bx)}" cy="${n1(by)}" r="8"/><text x="${n1(bx)}" y="${n1(by + 3.5)}" text-anchor="middle">${node.findings.count > 99 ? '99+' : node.findings.count}</text></g>`);
  }
  out.push('</g>');
  return out.join('');
}

function titleOf(node: GraphNode, box: NodeBox): string {
  const lines = [visibleText(node.name), ...box.lines.slice(1)];
  if (node.retry) lines.push(`Retry ×${node.retry.count}: ${node.retry.errors.join(', ')}`);
  append(lines, node.findings.messages);
  return lines.join('\n');
}

/** A polyline through dagre's points, rounded at its bends. */
function edgePathData(points: EdgePath['points']): string {
  if (!points.length) return '';
  let d = `M${n1(points[0].x)} ${n1(points[0].y)}`;
  for (let i = 1; i < points.length - 1; i++) {
    const p = points[i];
    const next = points[i + 1];
    d += `Q${n1(p.x)} ${n1(p.y)} ${n1((p.x + next.x) / 2)} ${n1((p.y + next.y) / 2)}`;
  }
  const last = points[points.length - 1];
  return `${d}L${n1(last.x)} ${n1(last.y)}`;
}

function edgeSvg(e: EdgePath): string {
  const cls = e.kind === 'choice' || e.kind === 'start' || e.kind === 'end' ? 'next' : e.kind;
  const marker = e.kind === 'catch' ? 'url(#arrow-catch)' : 'url(#arrow)';
  let out = `<g class="edge ${cls}" data-from="${xml(e.from)}" data-to="${xml(e.to)}"><path d="${edgePathData(e.points)}" marker-end="${marker}"/>`;
  if (e.label && e.labelAt) {
    const w = e.label.length * 6.3 + 8;
    out += `<g class="label"><rect x="${n1(e.labelAt.x - w / 2)}" y="${n1(e.labelAt.y - 8)}" width="${n1(w)}" height="16" rx="3"/><text x="${n1(e.labelAt.x)}" y="${n1(e.labelAt.y + 4)}" text-anchor="middle">${xml(e.label)}</text></g>`;
  }
  return `${out}</g>`;
}

/** SVG markup of a laid-out graph. */
export function renderSvg(graph: GraphModel, layout: GraphLayout, options: SvgOptions = {}): string {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const w = Math.max(1, Math.ceil(layout.width));
  const h = Math.max(1, Math.ceil(layout.height));
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="asl-graph" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" role="${options.standalone ? 'img' : 'group'}" aria-label="State machine graph, ${graph.nodes.length} states">`,
  ];
  if (options.standalone) out.push(`<style>${STANDALONE_STYLE}</style>`, `<rect class="bg" width="100%" height="100%"/>`);
  out.push(
    '<defs>',
    '<marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path class="arrow" d="M0 0L10 5L0 10z"/></marker>',
    '<marker id="arrow-catch" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path class="arrow-catch" d="M0 0L10 5L0 10z"/></marker>',
    '</defs>',
  );
  // Groups, then edges, then the states in document order (Tab follows the text); a Parallel or Map drawn
  // around its groups is transparent inside, so drawing it after them hides nothing.
  for (const g of layout.groups) {
    out.push(`<g class="group" data-id="${xml(g.id)}"><rect x="${n1(g.x)}" y="${n1(g.y)}" width="${n1(g.width)}" height="${n1(g.height)}" rx="6"/><text x="${n1(g.x + 8)}" y="${n1(g.y + 13)}">${xml(g.label)}</text></g>`);
  }
  for (const e of layout.edges) out.push(edgeSvg(e));
  if (layout.start) out.push(`<circle class="terminal start" cx="${n1(layout.start.x)}" cy="${n1(layout.start.y)}" r="${START_RADIUS}"><title>Start</title></circle>`);
  if (layout.end) out.push(`<circle class="terminal end" cx="${n1(layout.end.x)}" cy="${n1(layout.end.y)}" r="${START_RADIUS - 1.5}"><title>End</title></circle>`);
  const inOrder = [...layout.nodes].sort((a, b) => byId.get(a.id)!.range.offset - byId.get(b.id)!.range.offset);
  for (const box of inOrder) out.push(nodeSvg(box, byId.get(box.id)!, !!options.selected?.has(box.id), !options.standalone));
  out.push('</svg>');
  return out.join('\n');
}

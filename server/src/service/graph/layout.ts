// Positions for the graph model: a box per state, a box per Parallel branch or Map processor, a polyline per
// transition. Each machine (the top level, each branch, each processor) is laid out by @dagrejs/dagre on its
// own, innermost first, and a Parallel or Map state becomes a box big enough for its laid-out groups side by
// side; transitions never cross a machine's border, so nothing is lost by laying machines out apart, and it
// keeps each call small. Synchronous and DOM-free: the CLI renders SVG with it in Node, the graph view in its
// webview (off the extension host). Text is measured by an estimate, so both draw the same picture.
import { graphlib, layout as dagreLayout } from '@dagrejs/dagre';
import type { GraphEdge, GraphModel, GraphNode } from './graphModel';
import { listOf } from '../core/append';
import { visibleText } from '../core/text';

export interface Point {
  x: number;
  y: number;
}

/** Top-left corner and size. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface NodeBox extends Box {
  id: string;
  /** The text lines of the box: the name, then what the state does. */
  lines: string[];
  /** A Parallel or Map state drawn around its groups. */
  container: boolean;
  /** A Parallel or Map state whose groups are hidden (how many states they hold). */
  collapsed?: number;
}

export interface GroupBox extends Box {
  id: string;
  label: string;
}

export interface EdgePath {
  id: string;
  from: string;
  to: string;
  kind: GraphEdge['kind'] | 'start' | 'end';
  label?: string;
  points: Point[];
  /** Centre of the label. */
  labelAt?: Point;
}

export interface GraphLayout {
  width: number;
  height: number;
  nodes: NodeBox[];
  groups: GroupBox[];
  edges: EdgePath[];
  /** The Start and End circles of the top level (radius START_RADIUS), when there are states. */
  start?: Point;
  end?: Point;
}

export interface LayoutOptions {
  /** Parallel/Map state ids whose groups are hidden. */
  collapsed?: ReadonlySet<string>;
}

export const FONT_SIZE = 12;
/** Average advance of a 12px sans-serif character; bold names a little wider. */
const CHAR_WIDTH = 6.8;
const NAME_CHAR_WIDTH = 7.4;
export const LINE_HEIGHT = 16;
export const PADDING = 10;
const MIN_WIDTH = 110;
const MAX_CHARS = 34;
const GROUP_GAP = 16;
const GROUP_LABEL = 18;
export const START_RADIUS = 9;
const LAYOUT = { rankdir: 'TB', nodesep: 28, edgesep: 12, ranksep: 36, marginx: 12, marginy: 12 };

/** Text for a box: made visible (core/text.ts: a hidden or reordering character shows as \uXXXX), then clipped. */
const clip = (text: string) => {
  const s = visibleText(text);
  return s.length > MAX_CHARS ? `${s.slice(0, MAX_CHARS - 1)}…` : s;
};

function duration(seconds: number): string {
  if (seconds % 86400 === 0) return `${seconds / 86400} d`;
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}

/** The text of a state's box: its name, what it is, and for a SageMaker job its instances and time limit. */
export function nodeLines(n: GraphNode): string[] {
  const lines = [clip(n.name)];
  if (n.kind === 'Missing') lines.push('missing state');
  else if (n.sagemaker) {
    const sm = n.sagemaker;
    lines.push(`SageMaker ${sm.integration}${sm.sync ? ' .sync' : sm.waitForTaskToken ? ' .waitForTaskToken' : ''}`);
    // A tuning job runs a fleet of training jobs: how many, then each one's instances and time limit.
    const fleet = sm.trainingJobs;
    if (fleet?.max !== undefined) lines.push(`≤ ${fleet.max} training jobs${fleet.parallel === undefined ? '' : `, ${fleet.parallel} at a time`}`);
    else if (fleet?.parallel !== undefined) lines.push(`training jobs ${fleet.parallel} at a time`);
    const detail: string[] = [];
    if (sm.instanceType !== undefined || sm.instanceCount !== undefined) detail.push(`${sm.instanceType ?? '?'} × ${sm.instanceCount ?? '?'}`);
    if (sm.maxRuntimeSeconds !== undefined) detail.push(`max ${duration(sm.maxRuntimeSeconds)}`);
    if (detail.length) lines.push(`${fleet ? 'each ' : ''}${detail.join(' · ')}`);
  } else if (n.kind === 'Task') lines.push(clip(n.resource ?? 'Task'));
  else if (n.kind === 'Unknown') lines.push(n.typeText === undefined ? 'no Type' : clip(`Type ${n.typeText}?`));
  else lines.push(n.kind);
  return lines;
}

const textWidth = (lines: string[]) => Math.max(...lines.map((l, i) => l.length * (i === 0 ? NAME_CHAR_WIDTH : CHAR_WIDTH)));
const boxSize = (lines: string[]) => ({ width: Math.max(MIN_WIDTH, Math.ceil(textWidth(lines)) + 2 * PADDING), height: lines.length * LINE_HEIGHT + 2 * PADDING - 4 });

interface Level {
  /** Nodes of this machine with their sizes (containers already sized by their groups). */
  nodes: { id: string; width: number; height: number }[];
  edges: GraphEdge[];
}

interface LevelResult {
  width: number;
  height: number;
  /** Relative to the level's top-left corner. */
  nodes: Map<string, Box>;
  edges: EdgePath[];
}

/**
 * Above this many states in one machine, dagre's recursive steps (cycle breaking, longest-path ranking, initial
 * order) overflow the stack near 2,000 states in a row, and its network-simplex ranking and crossing sweeps
 * cost seconds: big machines get dagre's greedy cycle breaking and iterative forms of the two recursive steps
 * (the same results), without the crossing sweeps. Measured in test/bench/graph-layout.md.
 */
const BIG_LEVEL = 300;

type DagreGraph = InstanceType<typeof graphlib.Graph>;

/** dagre's longest-path ranking (every node as low as its successors allow), without recursion. */
function longestPathRanker(g: DagreGraph) {
  const waiting = new Map<string, number>();
  const ready: string[] = [];
  for (const v of g.nodes()) {
    const n = g.outEdges(v)?.length ?? 0;
    waiting.set(v, n);
    if (!n) ready.push(v);
  }
  while (ready.length) {
    const v = ready.pop()!;
    let rank = Infinity;
    for (const e of g.outEdges(v) ?? []) rank = Math.min(rank, (g.node(e.w) as { rank: number }).rank - (g.edge(e) as { minlen: number }).minlen);
    (g.node(v) as { rank: number }).rank = rank === Infinity ? 0 : rank;
    for (const e of g.inEdges(v) ?? []) {
      const left = waiting.get(e.v)! - 1;
      waiting.set(e.v, left);
      if (!left) ready.push(e.v);
    }
  }
}

/** dagre's initial order (depth first from the top ranks, each node after its predecessor), without recursion. */
function depthFirstOrder(g: DagreGraph) {
  const seen = new Set<string>();
  const layers: string[][] = [];
  const rankOf = (v: string) => (g.node(v) as { rank: number }).rank;
  const roots = g.nodes().filter((v) => !g.children(v).length).sort((a, b) => rankOf(a) - rankOf(b));
  for (const root of roots) {
    const stack = [root];
    while (stack.length) {
      const v = stack.pop()!;
      if (seen.has(v)) continue;
      seen.add(v);
      (layers[rankOf(v)] ??= []).push(v);
      const next = g.successors(v) ?? [];
      for (let i = next.length - 1; i >= 0; i--) if (!seen.has(next[i])) stack.push(next[i]);
    }
  }
  for (const layer of layers) layer?.forEach((v, i) => ((g.node(v) as { order: number }).order = i));
}

/**
 * dagre adds a placeholder node on every rank an edge crosses, and orders and places them all: a Choice whose 250
 * rules jump down a chain of 250 states (31,000 placeholders) took 22 s and 1 GB, 1,000 of them never finished.
 * Above this many placeholders in one machine, the edges that span most ranks are left out of dagre's layout and
 * drawn around it, down its right side (`routeAround`), until the rest need at most this many. An estimate:
 * ranks by longest path from the sources once the depth-first back edges are turned (what dagre starts from).
 */
const MAX_PLACEHOLDERS = 2000;
/** Space between the laid-out level and the first edge routed around it, and between those edges. */
const AROUND_MARGIN = 16;
const AROUND_STEP = 6;
/** Lanes for the edges routed around: more edges share them. */
const AROUND_LANES = 40;

/**
 * The edges to route around dagre (none for most machines), longest first, and the back edges of a depth-first
 * walk: a big level gives them to dagre turned, so it lays out a graph without cycles (its greedy cycle breaking
 * turned chain edges on a chain whose states catch back to the first: 40 such catchers on 500 states took 4 s).
 */
function analyseEdges(nodes: readonly string[], edges: readonly EdgePath[]): { around: EdgePath[]; back: Set<EdgePath> } {
  const out = new Map<string, EdgePath[]>();
  for (const e of edges) listOf(out, e.from).push(e);
  // Depth first (iteratively): the back edges, and a post-order whose reverse orders the rest topologically.
  const state = new Map<string, 'open' | 'done'>();
  const back = new Set<EdgePath>();
  const post: string[] = [];
  for (const root of nodes) {
    if (state.has(root)) continue;
    state.set(root, 'open');
    const stack: [string, number][] = [[root, 0]];
    while (stack.length) {
      const top = stack[stack.length - 1];
      const next = out.get(top[0])?.[top[1]++];
      if (!next) {
        state.set(top[0], 'done');
        post.push(top[0]);
        stack.pop();
      } else if (state.get(next.to) === 'open') {
        // A state's transition to itself closes no cycle dagre has to break: left as written.
        if (next.to !== top[0]) back.add(next);
      }
      else if (!state.has(next.to)) {
        state.set(next.to, 'open');
        stack.push([next.to, 0]);
      }
    }
  }
  const rank = new Map<string, number>();
  for (let i = post.length - 1; i >= 0; i--) {
    const v = post[i], r = rank.get(v) ?? 0;
    for (const e of out.get(v) ?? []) if (!back.has(e)) rank.set(e.to, Math.max(rank.get(e.to) ?? 0, r + 1));
  }
  const span = (e: EdgePath) => Math.abs((rank.get(e.to) ?? 0) - (rank.get(e.from) ?? 0));
  let placeholders = 0;
  for (const e of edges) placeholders += Math.max(0, span(e) - 1);
  const around: EdgePath[] = [];
  if (placeholders <= MAX_PLACEHOLDERS) return { around, back };
  for (const e of [...edges].sort((a, b) => span(b) - span(a))) {
    if (placeholders <= MAX_PLACEHOLDERS) break;
    around.push(e);
    placeholders -= Math.max(0, span(e) - 1);
  }
  return { around, back };
}

/** An edge left out of dagre's layout: from its source's right side out past the level, down or up, into its target's. */
function routeAround(e: EdgePath, from: Box, to: Box, x: number) {
  const a = { x: from.x + from.width, y: from.y + from.height / 2 };
  const b = { x: to.x + to.width, y: to.y + to.height / 2 };
  e.points = [a, { x, y: a.y }, { x, y: b.y }, b];
  if (e.label) e.labelAt = { x, y: (a.y + b.y) / 2 };
}

/** The size of a branch without states (dagre measures an empty graph as -Infinity wide). */
const EMPTY_LEVEL = { width: 80, height: 28 };

function layoutLevel(level: Level, startEnd?: { start: string | undefined; ends: string[] }): LevelResult {
  if (!level.nodes.length) return { ...EMPTY_LEVEL, nodes: new Map(), edges: [] };
  const g = new graphlib.Graph({ multigraph: true });
  const big = level.nodes.length > BIG_LEVEL;
  g.setGraph(big ? { ...LAYOUT, ranker: longestPathRanker as unknown as string, acyclicer: 'greedy' } : { ...LAYOUT });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of level.nodes) g.setNode(n.id, { width: n.width, height: n.height });
  const edges: EdgePath[] = level.edges.map((e) => ({ id: e.id, from: e.from, to: e.to, kind: e.kind, label: e.label, points: [] }));
  if (startEnd?.start !== undefined) {
    g.setNode(START, { width: 2 * START_RADIUS, height: 2 * START_RADIUS });
    edges.push({ id: START, from: START, to: startEnd.start, kind: 'start', points: [] });
  }
  if (startEnd?.ends.length) {
    g.setNode(END, { width: 2 * START_RADIUS, height: 2 * START_RADIUS });
    for (const id of startEnd.ends) edges.push({ id: `${id}->end`, from: id, to: END, kind: 'end', points: [] });
  }
  // The walk starts at the Start circle, so the machine's way in is never the edge it turns.
  const analysed = analyseEdges(g.hasNode(START) ? [START, ...g.nodes().filter((v) => v !== START)] : g.nodes(), edges);
  const around = new Set(analysed.around);
  const turned = big ? analysed.back : new Set<EdgePath>();
  for (const e of edges) {
    if (around.has(e)) continue;
    const label = e.label ? { width: Math.ceil(e.label.length * CHAR_WIDTH * 0.92) + 8, height: LINE_HEIGHT, labelpos: 'c' as const } : {};
    // Catch and Default paths are the exceptions: they should not pull the main line out of shape.
    const [from, to] = turned.has(e) ? [e.to, e.from] : [e.from, e.to];
    g.setEdge(from, to, { ...label, weight: e.kind === 'next' || e.kind === 'start' ? 2 : 1 }, e.id);
  }
  dagreLayout(g, big ? { customOrder: depthFirstOrder } : {});
  const nodes = new Map<string, Box>();
  for (const id of g.nodes()) {
    const n = g.node(id) as { x: number; y: number; width: number; height: number };
    nodes.set(id, { x: n.x - n.width / 2, y: n.y - n.height / 2, width: n.width, height: n.height });
  }
  const size = g.graph() as { width?: number; height?: number };
  let width = size.width ?? 0;
  let k = 0;
  for (const e of edges) {
    if (around.has(e)) {
      routeAround(e, nodes.get(e.from)!, nodes.get(e.to)!, width + AROUND_MARGIN + AROUND_STEP * (k++ % AROUND_LANES));
      continue;
    }
    const d = (turned.has(e) ? g.edge(e.to, e.from, e.id) : g.edge(e.from, e.to, e.id)) as { points?: Point[]; x?: number; y?: number };
    e.points = (d.points ?? []).map((p) => ({ x: p.x, y: p.y }));
    if (turned.has(e)) e.points.reverse();
    if (e.label && d.x !== undefined && d.y !== undefined) e.labelAt = { x: d.x, y: d.y };
  }
  if (k) width += AROUND_MARGIN + AROUND_STEP * Math.min(k, AROUND_LANES);
  return { width, height: size.height ?? 0, nodes, edges };
}

const START = '\0start';
const END = '\0end';

/** Lays the graph out: absolute positions of every visible node, group and edge. */
export function layoutGraph(graph: GraphModel, options: LayoutOptions = {}): GraphLayout {
  const collapsed = options.collapsed ?? new Set<string>();
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const groupsOf = new Map<string, string[]>();
  for (const grp of graph.groups) listOf(groupsOf, grp.owner).push(grp.id);
  const groupById = new Map(graph.groups.map((grp) => [grp.id, grp]));
  const levelNodes = new Map<string, GraphNode[]>(); // '' = top level
  for (const n of graph.nodes) listOf(levelNodes, n.group ?? '').push(n);
  const levelEdges = new Map<string, GraphEdge[]>();
  for (const e of graph.edges) listOf(levelEdges, byId.get(e.from)?.group ?? '').push(e);
  const stateCount = statesInside(graph);

  const lines = new Map(graph.nodes.map((n) => [n.id, nodeLines(n)]));
  const levels = new Map<string, LevelResult>();
  /** Size of each container's content: its groups side by side under its header. */
  const containerSize = new Map<string, { width: number; height: number; header: number }>();

  // Groups come parents first from the model; reversed, every group is laid out before the one holding it.
  const order = [...graph.groups].reverse();
  const sizeOf = (n: GraphNode) => {
    const inner = containerSize.get(n.id);
    return inner ? { width: inner.width, height: inner.height } : boxSize(lines.get(n.id)!);
  };
  const contain = (owner: string) => {
    const ids = groupsOf.get(owner)!;
    const header = boxSize(lines.get(owner)!);
    if (collapsed.has(owner)) {
      const count = stateCount.get(owner) ?? 0;
      lines.get(owner)!.push(`+ ${count} state${count === 1 ? '' : 's'}`);
      return;
    }
    const widths = ids.map((id) => levels.get(id)!.width);
    const heights = ids.map((id) => levels.get(id)!.height + GROUP_LABEL);
    containerSize.set(owner, {
      width: Math.max(header.width, widths.reduce((a, b) => a + b, 0) + GROUP_GAP * (ids.length + 1)),
      height: header.height + Math.max(0, ...heights) + GROUP_GAP,
      header: header.height,
    });
  };
  const pendingOwners = new Set(groupsOf.keys());
  const runLevel = (levelId: string, startEnd?: { start: string | undefined; ends: string[] }) => {
    const members = levelNodes.get(levelId) ?? [];
    // An owner's groups are all laid out by now (they come later in the model, so earlier in `order`).
    for (const n of members) if (pendingOwners.delete(n.id)) contain(n.id);
    levels.set(levelId, layoutLevel({ nodes: members.map((n) => ({ id: n.id, ...sizeOf(n) })), edges: levelEdges.get(levelId) ?? [] }, startEnd));
  };
  // Groups inside a collapsed state are not drawn, so not laid out.
  const hidden = new Set<string>();
  for (const grp of graph.groups) {
    const ownerGroup = byId.get(grp.owner)?.group;
    if (collapsed.has(grp.owner) || (ownerGroup !== undefined && hidden.has(ownerGroup))) hidden.add(grp.id);
  }
  for (const grp of order) if (!hidden.has(grp.id)) runLevel(grp.id);
  const top = levelNodes.get('') ?? [];
  runLevel('', top.length ? { start: top.find((n) => n.start)?.id, ends: top.filter((n) => n.end).map((n) => n.id) } : undefined);

  // Place every level at its absolute position, outside in.
  const out: GraphLayout = { width: levels.get('')!.width, height: levels.get('')!.height, nodes: [], groups: [], edges: [] };
  const place = (levelId: string, dx: number, dy: number) => {
    const level = levels.get(levelId)!;
    for (const e of level.edges) out.edges.push({ ...e, points: e.points.map((p) => ({ x: p.x + dx, y: p.y + dy })), labelAt: e.labelAt && { x: e.labelAt.x + dx, y: e.labelAt.y + dy } });
    for (const [id, b] of level.nodes) {
      const x = b.x + dx;
      const y = b.y + dy;
      if (id === START || id === END) {
        out[id === START ? 'start' : 'end'] = { x: x + START_RADIUS, y: y + START_RADIUS };
        continue;
      }
      const inner = containerSize.get(id);
      const node: NodeBox = { id, x, y, width: b.width, height: b.height, lines: lines.get(id)!, container: !!inner };
      if (collapsed.has(id) && groupsOf.has(id)) node.collapsed = stateCount.get(id);
      out.nodes.push(node);
      if (!inner) continue;
      const ids = groupsOf.get(id)!;
      const total = ids.reduce((a, gid) => a + levels.get(gid)!.width, 0) + GROUP_GAP * (ids.length - 1);
      let gx = x + (b.width - total) / 2;
      for (const gid of ids) {
        const gl = levels.get(gid)!;
        out.groups.push({ id: gid, label: groupById.get(gid)!.label, x: gx, y: y + inner.header, width: gl.width, height: gl.height + GROUP_LABEL });
        place(gid, gx, y + inner.header + GROUP_LABEL);
        gx += gl.width + GROUP_GAP;
      }
    }
  };
  place('', 0, 0);
  return out;
}

/** Parallel/Map states to collapse so that at most `budget` states stay visible: the biggest groups first. */
export function collapseToBudget(graph: GraphModel, budget: number): Set<string> {
  const collapsed = new Set<string>();
  let visible = graph.nodes.length;
  if (visible <= budget) return collapsed;
  const inside = statesInside(graph);
  // Outermost owners hide the most; a collapsed owner hides its nested owners with it.
  const owners = [...inside.entries()].sort((a, b) => b[1] - a[1]);
  const parentOwner = new Map(graph.groups.map((grp) => [grp.id, grp.owner]));
  const groupOf = new Map(graph.nodes.map((n) => [n.id, n.group]));
  const ownerOf = (id: string) => {
    const group = groupOf.get(id);
    return group ? parentOwner.get(group) : undefined;
  };
  for (const [owner, count] of owners) {
    if (visible <= budget) break;
    let hidden = false;
    for (let o = ownerOf(owner); o; o = ownerOf(o)) if (collapsed.has(o)) hidden = true;
    if (hidden) continue;
    collapsed.add(owner);
    visible -= count;
  }
  return collapsed;
}

/** How many states each Parallel/Map state holds, at any depth. */
function statesInside(graph: GraphModel): Map<string, number> {
  const inside = new Map<string, number>();
  for (const grp of [...graph.groups].reverse()) {
    let n = 0;
    for (const id of grp.nodes) n += 1 + (inside.get(id) ?? 0);
    inside.set(grp.owner, (inside.get(grp.owner) ?? 0) + n);
  }
  return inside;
}

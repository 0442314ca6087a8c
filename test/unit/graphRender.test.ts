// The CLI's graph formats: SVG (well-formed XML, one box per state, text escaped), Mermaid (the flowchart
// syntax, checked line by line) and DOT, from JSON and YAML, and on every machine of the corpus.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTree } from 'jsonc-parser';
import { graphCommand } from '../../server/src/cli/graph';
import { buildGraphModel } from '../../server/src/service/graph/graphModel';
import { collapseToBudget, layoutGraph } from '../../server/src/service/graph/layout';
import { renderDot } from '../../server/src/service/graph/renderDot';
import { renderMermaid } from '../../server/src/service/graph/renderMermaid';
import { renderSvg } from '../../server/src/service/graph/renderSvg';
import { parseYaml } from '../../server/src/service/yaml/parseYaml';
import type { AstNode } from '../../server/src/service/core/types';

/** Why `text` is not well-formed XML 1.0, or undefined: one root, nested tags, quoted unique attributes, known entities. */
export function xmlError(text: string): string | undefined {
  const NAME = '[A-Za-z_:][-A-Za-z0-9_:.]*';
  const ENTITY = /&(?!(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);)/;
  const tag = new RegExp(`^<(/?)(${NAME})((?:\\s+${NAME}\\s*=\\s*(?:"[^"<]*"|'[^'<]*'))*)\\s*(/?)>`);
  const stack: string[] = [];
  let roots = 0;
  let i = text.startsWith('<?xml') ? text.indexOf('?>') + 2 : 0;
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    const chunk = text.slice(i, lt < 0 ? text.length : lt);
    if (ENTITY.test(chunk)) return `bad & in text at ${i}`;
    if (!stack.length && chunk.trim()) return `text outside the root at ${i}`;
    if (lt < 0) break;
    if (text.startsWith('<!--', lt)) {
      const end = text.indexOf('-->', lt + 4);
      if (end < 0) return 'unclosed comment';
      i = end + 3;
      continue;
    }
    const m = tag.exec(text.slice(lt));
    if (!m) return `malformed tag at ${lt}: ${text.slice(lt, lt + 40)}`;
    const [whole, close, name, attrs, selfClose] = m;
    if (close) {
      if (attrs || selfClose) return `end tag with attributes at ${lt}`;
      if (stack.pop() !== name) return `</${name}> does not close the open element at ${lt}`;
    } else {
      const names = [...attrs.matchAll(new RegExp(`(${NAME})\\s*=`, 'g'))].map((a) => a[1]);
      if (new Set(names).size !== names.length) return `duplicate attribute in <${name}> at ${lt}`;
      if (ENTITY.test(attrs)) return `bad & in an attribute at ${lt}`;
      if (!stack.length && ++roots > 1) return 'more than one root element';
      if (!selfClose) stack.push(name);
    }
    i = lt + whole.length;
  }
  return stack.length ? `unclosed <${stack[stack.length - 1]}>` : roots ? undefined : 'no root element';
}

/**
 * Why `text` is not a Mermaid flowchart as this renderer writes one, or undefined. Every line must be one of
 * the statements of the flowchart grammar we use; quoted text holds no quote; subgraph/end balance; every
 * edge's ends are declared; no id is the keyword `end`.
 */
export function mermaidError(text: string): string | undefined {
  const lines = text.trimEnd().split('\n');
  if (lines[0] !== 'flowchart TD') return 'first line is not "flowchart TD"';
  const ID = '[A-Za-z][A-Za-z0-9_]*';
  const Q = '"[^"]*"';
  const SHAPE = `(?:\\[${Q}\\]|\\(${Q}\\)|\\{\\{${Q}\\}\\}|\\[/${Q}/\\]|\\(\\[${Q}\\]\\)|>${Q}\\]|\\(\\(${Q}\\)\\))`;
  const node = new RegExp(`^\\s*(${ID})${SHAPE}$`);
  const subgraph = new RegExp(`^\\s*subgraph (${ID})\\[${Q}\\]$`);
  const endpoint = `(${ID})(${SHAPE})?`;
  const edge = new RegExp(`^\\s*${endpoint} (?:-->|-\\.->)(?:\\|${Q}\\|)? ${endpoint}$`);
  const declared = new Set<string>();
  let depth = 0;
  for (const [n, line] of lines.slice(1).entries()) {
    const at = `line ${n + 2}: ${line}`;
    if ((line.match(/"/g) ?? []).length % 2) return `unbalanced quotes, ${at}`;
    let m: RegExpExecArray | null;
    if ((m = subgraph.exec(line))) {
      depth++;
      declared.add(m[1]);
    } else if (/^\s*end$/.test(line)) {
      if (--depth < 0) return `end without subgraph, ${at}`;
    } else if (/^\s*direction (TB|TD|BT|LR|RL)$/.test(line)) {
      if (!depth) return `direction outside a subgraph, ${at}`;
    } else if ((m = node.exec(line))) {
      declared.add(m[1]);
    } else if ((m = edge.exec(line))) {
      if (m[2]) declared.add(m[1]);
      if (m[4]) declared.add(m[3]);
      if (!declared.has(m[1]) || !declared.has(m[3])) return `edge to an undeclared id, ${at}`;
    } else if (/^\s*classDef [a-z]+ [-a-z]+:[^ ,]+(,[-a-z]+:[^,]+)*$/.test(line) || new RegExp(`^\\s*class ${ID}(,${ID})* [a-z]+$`).test(line)) {
      // styling
    } else if (/^\s*linkStyle \d+(,\d+)* stroke:#[0-9a-f]{6}$/.test(line)) {
      // styling
    } else return `not a flowchart statement, ${at}`;
    if (m && [m[1], m[3]].some((id) => id?.toLowerCase() === 'end')) return `"end" used as an id, ${at}`;
  }
  return depth ? 'subgraph without end' : undefined;
}

/** Why `text` is not DOT as this renderer writes it: balanced braces and brackets, closed strings, `;`-ended statements. */
function dotError(text: string): string | undefined {
  if (!text.startsWith('digraph StateMachine {')) return 'not a digraph';
  let depth = 0;
  let brackets = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      if (i >= text.length) return 'unclosed string';
    } else if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (c === '[') brackets++;
    else if (c === ']') brackets--;
    if (depth < 0 || brackets < 0) return `unbalanced at ${i}`;
  }
  return depth || brackets ? 'unbalanced' : undefined;
}

const MACHINE = JSON.stringify({
  StartAt: 'Train <"model"> & more',
  States: {
    'Train <"model"> & more': { Type: 'Task', Resource: 'arn:aws:states:::sagemaker:createTrainingJob.sync', Parameters: { TrainingJobName: 'bad_name', AlgorithmSpecification: { TrainingImage: '382416733822.dkr.ecr.us-east-1.amazonaws.com/linear-learner:1', TrainingInputMode: 'File' }, 'ResourceConfig.$': '$.resources' }, Next: 'Fan', Retry: [{ ErrorEquals: ['States.ALL'] }], Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Oops' }] },
    Fan: { Type: 'Parallel', Next: 'Route', Branches: [
      { StartAt: 'end', States: { end: { Type: 'Pass', End: true } } },
      { StartAt: 'Each', States: { Each: { Type: 'Map', ItemsPath: '$.HyperParameters.list', End: true, ItemProcessor: { StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 1, End: true } } } } } },
    ] },
    // Route reads fields of Fan's output, an array: two data-flow warnings (Jayway fails both reads) and its missing Next.
    Route: { Type: 'Choice', Choices: [{ Variable: '$.a#b', StringEquals: 'x"y', Next: 'Done' }, { Variable: '$.n', NumericLessThan: 1, Next: 'Nowhere' }], Default: 'Oops' },
    Done: { Type: 'Succeed' },
    Oops: { Type: 'Fail' },
  },
}, null, 2);
const STATES = 8; // 'Train…', Fan, end, Each, W, Route, Done, Oops

describe('graph as SVG', () => {
  test('well-formed, one box per state and per missing state, names escaped, the style inside', () => {
    const svg = graphCommand(MACHINE, 'asl', 'svg');
    assert.equal(xmlError(svg), undefined);
    assert.doesNotMatch(svg, /NaN|Infinity/);
    assert.equal((svg.match(/<g class="node /g) ?? []).length, STATES + 1);
    assert.ok(svg.includes('Train &lt;&quot;model&quot;&gt; &amp; more'));
    assert.ok(svg.includes('<style>'));
    assert.ok(svg.includes('class="node k-Missing"'));
    assert.ok(svg.includes('class="node k-Task sagemaker has-error"'));
  });

  test('the checker itself rejects what is not well-formed', () => {
    for (const bad of ['<a><b></a></b>', '<a x="1" x="2"/>', '<a>&nbsp;</a>', '<a/><b/>', '<a>', 'text', '<a b=1/>'])
      assert.notEqual(xmlError(bad), undefined, bad);
    assert.equal(xmlError('<?xml version="1.0"?>\n<a x="&amp;"><!-- c --><b/>t&#38;</a>\n'), undefined);
  });

  test('a collapsed Parallel hides its branches and says how many states they hold', () => {
    const yaml = ['StartAt: P', 'States:', '  P:', '    Type: Parallel', '    End: true', '    Branches:', '      - StartAt: A', '        States: {A: {Type: Pass, End: true}}', '      - StartAt: B', '        States: {B: {Type: Pass, Next: C}, C: {Type: Succeed}}'].join('\n');
    const g = buildGraphModel(parseYaml(yaml).root);
    const layout = layoutGraph(g, { collapsed: new Set(['/P']) });
    assert.deepEqual(layout.nodes.map((n) => [n.id, n.lines, n.collapsed]), [['/P', ['P', 'Parallel', '+ 3 states'], 3]]);
    assert.deepEqual(layout.groups, []);
    assert.equal(xmlError(renderSvg(g, layout)), undefined);
    assert.deepEqual([...collapseToBudget(g, 2)], ['/P']);
    assert.deepEqual([...collapseToBudget(g, 4)], []);
  });

  test('empty machines and branches still have a size: nothing to draw is not NaN', () => {
    for (const text of [
      '{"StartAt": "A", "States": {}}',
      '{"StartAt": "A", "States": {"A": {"Type": "Parallel", "End": true, "Branches": [{"States": {}}, {"StartAt": "X", "States": {"X": {"Type": "Pass", "End": true}}}]}}}',
      '{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "A"}}}',
    ]) {
      const svg = graphCommand(text, 'asl', 'svg');
      assert.equal(xmlError(svg), undefined, text);
      assert.doesNotMatch(svg, /NaN|Infinity/, text);
    }
  });

  test('every state inside its group, every group inside its Parallel or Map', () => {
    const graph = buildGraphModel(parseTree(MACHINE) as AstNode);
    const layout = layoutGraph(graph);
    const box = new Map([...layout.nodes, ...layout.groups].map((b) => [b.id, b]));
    const inside = (a: { x: number; y: number; width: number; height: number }, b: typeof a) => a.x >= b.x && a.y >= b.y && a.x + a.width <= b.x + b.width && a.y + a.height <= b.y + b.height;
    for (const n of graph.nodes) if (n.group) assert.ok(inside(box.get(n.id)!, box.get(n.group)!), n.name);
    for (const grp of graph.groups) assert.ok(inside(box.get(grp.id)!, box.get(grp.owner)!), grp.id);
    assert.equal(layout.edges.filter((e) => e.kind !== 'start' && e.kind !== 'end').length, graph.edges.length);
    for (const e of layout.edges) assert.ok(e.points.length >= 2, e.id);
  });
});

test('names that hide or reorder text show their invisible characters as \\uXXXX in every format', () => {
  const text = JSON.stringify({ StartAt: 'Approve', States: { Approve: { Type: 'Pass', Next: 'Approve\u200b' }, 'Approve\u200b': { Type: 'Choice', Choices: [{ Variable: '$.x', StringEquals: 'a\u202eb', Next: 'txe.exe\u202e' }], Default: 'Approve' }, 'txe.exe\u202e': { Type: 'Succeed' } } });
  const graph = buildGraphModel(parseTree(text) as AstNode);
  // The SVG's data-* attributes keep the ids (what the view matches on), never shown.
  const svg = renderSvg(graph, layoutGraph(graph)).replace(/ data-(id|from|to)="[^"]*"/g, '');
  // DOT writes a backslash as two.
  for (const [out, slash] of [[svg, '\\'], [renderMermaid(graph), '\\'], [renderDot(graph), '\\\\']]) {
    assert.ok(!/[\u200b\u202e]/.test(out), out);
    for (const shown of ['Approve\u200b', 'txe.exe\u202e', 'a\u202eb']) assert.ok(out.includes(shown.replace(/[\u200b\u202e]/, (c) => `${slash}u${c.charCodeAt(0).toString(16)}`)), shown);
  }
});

describe('graph layout of many long transitions', () => {
  // A Choice jumping to each state of a chain, and a chain whose every state catches back to the first: dagre puts
  // a placeholder on every rank a transition crosses (N²/2 of them), which took minutes and gigabytes at 1,000.
  const chain = (n: number, state: (i: number) => object) => JSON.stringify({ StartAt: 'c', States: Object.fromEntries([['c', { Type: 'Choice', Choices: Array.from({ length: n }, (_, i) => ({ Variable: '$.x', NumericEquals: i, Next: `s${i}` })), Default: 's0' }], ...Array.from({ length: n }, (_, i) => [`s${i}`, state(i)])]) });
  const fan = chain(1000, (i) => (i < 999 ? { Type: 'Pass', Next: `s${i + 1}` } : { Type: 'Succeed' }));
  const catchAll = JSON.stringify({ StartAt: 's0', States: Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`s${i}`, { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', ...(i < 999 ? { Next: `s${i + 1}` } : { End: true }), Catch: [{ ErrorEquals: ['States.ALL'], Next: 's0' }] }])) });
  for (const [name, text] of [['a Choice with 1,000 rules down a chain', fan], ['1,000 states catching back to the first', catchAll]] as const) {
    test(`${name}: laid out, the longest transitions drawn around the level, from their state to their target`, () => {
      const graph = buildGraphModel(parseTree(text) as AstNode);
      const layout = layoutGraph(graph);
      assert.equal(layout.edges.filter((e) => e.kind !== 'start' && e.kind !== 'end').length, graph.edges.length);
      assert.ok(layout.edges.every((e) => e.points.length >= 2 && e.points.every((p) => Number.isFinite(p.x) && Number.isFinite(p.y))));
      const box = new Map(layout.nodes.map((n) => [n.id, n]));
      // Routed around: out of the state's right side, past every box, into the target's right side.
      const around = layout.edges.filter((e) => e.points.length === 4 && e.points[1].x > Math.max(...layout.nodes.map((n) => n.x + n.width)));
      assert.ok(around.length > 500, `${around.length} routed around`);
      for (const e of around) {
        const [from, to] = [box.get(e.from)!, box.get(e.to)!];
        assert.deepEqual([e.points[0].x, e.points[3].x], [from.x + from.width, to.x + to.width]);
        assert.ok(e.points[2].x <= layout.width);
      }
      assert.equal(xmlError(renderSvg(graph, layout)), undefined);
    });
  }
});

describe('graph as Mermaid', () => {
  test('the flowchart: shapes by type, subgraphs for Parallel branches and Map, labelled Choice and Catch edges', () => {
    const text = graphCommand(MACHINE, 'asl', 'mermaid');
    assert.equal(mermaidError(text), undefined);
    assert.equal(text, [
      'flowchart TD',
      '  s0["Train #lt;#quot;model#quot;#gt; & more<br/>SageMaker training .sync ↻<br/>⛔ 2"]',
      '  subgraph s1["Fan<br/>Parallel"]',
      '    direction TB',
      '    subgraph g0["Branch 1"]',
      '      s6("end<br/>Pass")',
      '    end',
      '    subgraph g1["Branch 2"]',
      '      subgraph s7["Each<br/>Map"]',
      '        direction TB',
      '        subgraph g2["Item processor"]',
      '          s8[/"W<br/>Wait"/]',
      '        end',
      '      end',
      '    end',
      '  end',
      '  s2{{"Route<br/>Choice<br/>⛔ 3"}}',
      '  s3(["Done<br/>Succeed"])',
      '  s4(["Oops<br/>Fail"])',
      '  s5>"Nowhere<br/>missing state"]',
      '  begin_(("Start")) --> s0',
      '  s0 --> s1',
      '  s0 -.->|"catch States.ALL"| s4',
      '  s1 --> s2',
      '  s2 -->|"$.a#35;b == #quot;x\\#quot;y#quot;"| s3',
      '  s2 -->|"$.n #lt; 1"| s5',
      '  s2 -.->|"default"| s4',
      '  s3 --> finish_(("End"))',
      '  s4 --> finish_(("End"))',
      '  classDef sagemaker fill:#fff1e5,stroke:#bc4c00',
      '  classDef fail fill:#ffebe9,stroke:#cf222e',
      '  classDef missing fill:#fff,stroke:#cf222e,stroke-dasharray:5 3',
      '  classDef unknown fill:#fff,stroke:#cf222e,stroke-dasharray:5 3',
      '  classDef error stroke:#cf222e,stroke-width:3px',
      '  class s0 sagemaker',
      '  class s0,s2 error',
      '  class s4 fail',
      '  class s5 missing',
      '  linkStyle 2 stroke:#cf222e',
      '',
    ].join('\n'));
  });

  test('the checker itself rejects what Mermaid would not read', () => {
    for (const bad of ['graph', 'flowchart TD\n  a["x"y"]', 'flowchart TD\n  subgraph a["x"]', 'flowchart TD\n  a --> b', 'flowchart TD\n  end["x"]', 'flowchart TD\n  a[x]'])
      assert.notEqual(mermaidError(bad), undefined, bad);
  });
});

describe('graph as DOT', () => {
  test('clusters for Parallel and Map, transitions clipped at them, labels escaped', () => {
    const text = graphCommand(MACHINE, 'asl', 'dot');
    assert.equal(dotError(text), undefined);
    assert.ok(text.includes('s0 [label="Train <\\"model\\"> & more\\nSageMaker training .sync\\n↻ retry ×1\\n⛔ 2 problems"'));
    assert.ok(text.includes('subgraph cluster_s1 {'));
    assert.ok(text.includes('s0 -> s1 [lhead=cluster_s1];'));
    assert.ok(text.includes('s1 -> s2 [ltail=cluster_s1];'));
    assert.ok(text.includes('s2 -> s4 [label="default", style=dashed];'));
    assert.equal((text.match(/^\s*s\d+ \[label=/gm) ?? []).length, STATES + 1);
  });

  test('the whole text: clusters nested like the Mermaid subgraphs, in the same order', () => {
    assert.equal(graphCommand(MACHINE, 'asl', 'dot'), [
      'digraph StateMachine {',
      '  compound=true;',
      '  node [fontname="Helvetica", fontsize=11];',
      '  edge [fontname="Helvetica", fontsize=10, color="#59636e"];',
      '  s0 [label="Train <\\"model\\"> & more\\nSageMaker training .sync\\n↻ retry ×1\\n⛔ 2 problems", shape=box, style="rounded,filled", fillcolor="#fff1e5", color="#cf222e", penwidth=2.5, tooltip="TrainingJobName \\"bad_name\\" must match [a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}: letters, digits and hyphens\\nCreateTrainingJob request is missing the required parameters RoleArn and OutputDataConfig"];',
      '  subgraph cluster_s1 {',
      '    label=""; style="rounded"; color="#818b98";',
      '    s1 [label="Fan\\nParallel", shape=box, style="rounded,filled", fillcolor="#f6f8fa", color="#818b98"];',
      '    subgraph cluster_g0 {',
      '      label="Branch 1"; style="dashed,rounded"; color="#d1d9e0";',
      '      s6 [label="end\\nPass", shape=box, style="rounded,filled", fillcolor="#f6f8fa", color="#818b98"];',
      '    }',
      '    subgraph cluster_g1 {',
      '      label="Branch 2"; style="dashed,rounded"; color="#d1d9e0";',
      '      subgraph cluster_s7 {',
      '        label=""; style="rounded"; color="#818b98";',
      '        s7 [label="Each\\nMap", shape=box, style="rounded,filled", fillcolor="#f6f8fa", color="#818b98"];',
      '        subgraph cluster_g2 {',
      '          label="Item processor"; style="dashed,rounded"; color="#d1d9e0";',
      '          s8 [label="W\\nWait", shape=parallelogram, style=filled, fillcolor="#fff8c5", color="#9a6700"];',
      '        }',
      '      }',
      '    }',
      '  }',
      '  s2 [label="Route\\nChoice\\n⛔ 3 problems", shape=hexagon, style=filled, fillcolor="#fbefff", color="#cf222e", penwidth=2.5, tooltip="Next \\"Nowhere\\" is not a state (MISSING_TRANSITION_TARGET)\\n$.a#b: the state input (Fan\'s branch outputs) is an array, it has no field a#b\\n$.n: the state input (Fan\'s branch outputs) is an array, it has no field n"];',
      '  s3 [label="Done\\nSucceed", shape=box, style="rounded,filled", fillcolor="#dafbe1", color="#1a7f37"];',
      '  s4 [label="Oops\\nFail", shape=box, style="rounded,filled", fillcolor="#ffebe9", color="#cf222e"];',
      '  s5 [label="Nowhere\\nmissing state", shape=box, style="dashed", color="#cf222e"];',
      '  start_ [shape=circle, label="", width=0.25, style=filled, fillcolor="#1f2328"];',
      '  start_ -> s0;',
      '  s0 -> s1 [lhead=cluster_s1];',
      '  s0 -> s4 [label="catch States.ALL", style=dotted, color="#cf222e", fontcolor="#cf222e"];',
      '  s1 -> s2 [ltail=cluster_s1];',
      '  s2 -> s3 [label="$.a#b == \\"x\\\\\\"y\\""];',
      '  s2 -> s5 [label="$.n < 1"];',
      '  s2 -> s4 [label="default", style=dashed];',
      '  end_ [shape=doublecircle, label="", width=0.2, style=filled, fillcolor="#1f2328"];',
      '  s3 -> end_;',
      '  s4 -> end_;',
      '}',
      '',
    ].join('\n'));
  });
});

describe('graph command', () => {
  test('YAML draws the same graph as JSON', () => {
    const yaml = ['StartAt: A', 'States:', '  A: {Type: Pass, Next: B}', '  B: {Type: Succeed}'].join('\n');
    const json = JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Pass', Next: 'B' }, B: { Type: 'Succeed' } } });
    assert.equal(graphCommand(yaml, 'asl-yaml', 'mermaid'), graphCommand(json, 'asl', 'mermaid'));
    assert.equal(graphCommand(yaml, 'asl-yaml', 'dot'), graphCommand(json, 'json', 'dot'));
  });

  test('refuses what is not a state machine, and a file that does not parse', () => {
    assert.throws(() => graphCommand('{"a": 1}', 'json', 'svg'), /not a state machine/);
    assert.throws(() => graphCommand('{"StartAt": "A", "States": {', 'asl', 'mermaid'), /does not parse/);
  });

  test('every machine of the corpus: a valid flowchart and balanced DOT; well-formed SVG for a third of them', () => {
    const dir = join('test', 'fixtures', 'corpus');
    const files = readdirSync(dir).filter((f) => /\.(json|ya?ml)$/.test(f)).sort();
    assert.ok(files.length >= 300);
    for (const [i, f] of files.entries()) {
      const text = readFileSync(join(dir, f), 'utf8');
      // The model without findings: the corpus has none, and validation has its own corpus test.
      const graph = buildGraphModel(/\.ya?ml$/.test(f) ? parseYaml(text).root : (parseTree(text) as AstNode));
      assert.equal(mermaidError(renderMermaid(graph)), undefined, f);
      assert.equal(dotError(renderDot(graph)), undefined, f);
      // Laying out all 323 takes seconds; every third (sorted by name, so a fixed set) keeps the suite quick,
      // and test/bench/graph.mjs draws them all.
      if (i % 3) continue;
      const svg = renderSvg(graph, layoutGraph(graph), { standalone: true });
      assert.equal(xmlError(svg), undefined, f);
      assert.doesNotMatch(svg, /NaN|Infinity/, f);
    }
  });
});

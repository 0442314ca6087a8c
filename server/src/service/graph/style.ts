// The graph's stylesheet, apart from the renderer so the editor's graph view can put it in its page without
// the layout code: colours are custom properties (light, dark when the viewer prefers it, high contrast in
// forced-colors mode), and the view maps them to the VS Code theme's.
/** Light colours by default, dark ones when the viewer prefers dark; high contrast in forced-colors mode. */
export const STANDALONE_STYLE = `
.asl-graph{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;font-size:12px;--fg:#1f2328;--bg:#ffffff;--muted:#59636e;--edge:#59636e;--group:#f6f8fa;--group-line:#d1d9e0;--task:#ddf4ff;--task-line:#0969da;--sm:#fff1e5;--sm-line:#bc4c00;--choice:#fbefff;--choice-line:#8250df;--pass:#f6f8fa;--pass-line:#818b98;--wait:#fff8c5;--wait-line:#9a6700;--ok:#dafbe1;--ok-line:#1a7f37;--fail:#ffebe9;--fail-line:#cf222e;--error:#cf222e;--warning:#9a6700;--catch:#cf222e;--focus:#0969da}
@media (prefers-color-scheme:dark){.asl-graph{--fg:#e6edf3;--bg:#0d1117;--muted:#9198a1;--edge:#9198a1;--group:#151b23;--group-line:#3d444d;--task:#0c2d6b;--task-line:#4493f8;--sm:#3d1d00;--sm-line:#f0883e;--choice:#2e1a4d;--choice-line:#ab7df8;--pass:#212830;--pass-line:#9198a1;--wait:#3b2e00;--wait-line:#d29922;--ok:#0f2d1a;--ok-line:#3fb950;--fail:#3c1618;--fail-line:#f85149;--error:#f85149;--warning:#d29922;--catch:#f85149;--focus:#4493f8}}
.asl-graph .bg{fill:var(--bg)}
.asl-graph text{fill:var(--fg)}
.asl-graph .sub{fill:var(--muted)}
.asl-graph .name{font-weight:600}
.asl-graph .shape{stroke-width:1.5;fill:var(--pass);stroke:var(--pass-line)}
.asl-graph .k-Task .shape{fill:var(--task);stroke:var(--task-line)}
.asl-graph .sagemaker .shape{fill:var(--sm);stroke:var(--sm-line)}
.asl-graph .k-Choice .shape{fill:var(--choice);stroke:var(--choice-line)}
.asl-graph .k-Wait .shape{fill:var(--wait);stroke:var(--wait-line)}
.asl-graph .k-Succeed .shape{fill:var(--ok);stroke:var(--ok-line)}
.asl-graph .k-Fail .shape{fill:var(--fail);stroke:var(--fail-line)}
.asl-graph .k-Parallel .shape,.asl-graph .k-Map .shape{fill:none;stroke:var(--pass-line)}
.asl-graph .collapsed .shape{fill:var(--pass);stroke-dasharray:none;stroke-width:2.5}
.asl-graph .k-Missing .shape,.asl-graph .k-Unknown .shape{fill:var(--bg);stroke:var(--error);stroke-dasharray:5 3}
.asl-graph .group rect{fill:var(--group);stroke:var(--group-line);stroke-dasharray:3 3}
.asl-graph .group text{fill:var(--muted);font-size:11px}
.asl-graph .edge path{fill:none;stroke:var(--edge);stroke-width:1.4}
.asl-graph .edge.default path{stroke-dasharray:6 4}
.asl-graph .edge.catch path{stroke:var(--catch);stroke-dasharray:2 3}
.asl-graph .edge .label rect{fill:var(--bg);opacity:.9}
.asl-graph .edge .label text{fill:var(--muted);font-size:11px}
.asl-graph .edge.catch .label text{fill:var(--catch)}
.asl-graph .arrow{fill:var(--edge)}
.asl-graph .arrow-catch{fill:var(--catch)}
.asl-graph .terminal{fill:var(--fg)}
.asl-graph .terminal.end{fill:var(--bg);stroke:var(--fg);stroke-width:3}
.asl-graph .badge circle{fill:var(--warning)}
.asl-graph .badge.error circle{fill:var(--error)}
.asl-graph .badge text{fill:#fff;font-size:10px;font-weight:700}
.asl-graph .retry{fill:var(--muted);font-size:11px}
.asl-graph .selected .shape{stroke:var(--focus);stroke-width:3}
@media (forced-colors:active){.asl-graph *{forced-color-adjust:auto}.asl-graph .shape{fill:Canvas;stroke:CanvasText}.asl-graph text{fill:CanvasText}.asl-graph .edge path{stroke:CanvasText}}
`;

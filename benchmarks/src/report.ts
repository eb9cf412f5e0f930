// `pnpm bench:report`: renders benchmarks/results/report.html from the history
// files: per hardware id, one hand-drawn SVG line chart per row showing the
// cost vs hand-written over recorded runs (prepared solid, executeBridge
// dashed), with the row's target and the reference interpreter as guides.
import { mkdirSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { readAllHistory, type HistoryLine } from "./history.js";
import { isMain, REPO_ROOT, RESULTS_DIR } from "./paths.js";
import { referenceFor } from "./reference.js";
import { ROW_IDS } from "./scenarios/index.js";

const W = 420;
const H = 200;
const PAD = { l: 44, r: 12, t: 22, b: 34 };

const esc = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function chart(id: string, lines: HistoryLine[]): string {
  const series = [
    { key: "prepared", colour: "#1f6feb", dash: "" },
    { key: "executeBridge", colour: "#d29922", dash: "5 4" },
    { key: "parseBridge", colour: "#1f6feb", dash: "" },
  ];
  const points = (key: string): [number, number][] =>
    lines.flatMap((l, i): [number, number][] => {
      const v = l.cost[id]?.[key];
      return v === undefined ? [] : [[i, v]];
    });
  const ref = referenceFor(id);
  const values = series.flatMap((s) => points(s.key).map((p) => p[1]));
  if (values.length === 0) return "";
  const guides = ref ? [ref.target, ref.interpreter] : [];
  const yMax = Math.max(...values, ...guides) * 1.1;
  const n = Math.max(lines.length - 1, 1);
  const x = (i: number): number => PAD.l + ((W - PAD.l - PAD.r) * i) / n;
  const y = (v: number): number => H - PAD.b - ((H - PAD.t - PAD.b) * v) / yMax;
  const parts: string[] = [
    `<text x="${PAD.l}" y="14" font-weight="bold">${esc(id)}</text>`,
    `<line x1="${PAD.l}" y1="${y(0)}" x2="${W - PAD.r}" y2="${y(0)}" stroke="#888"/>`,
    `<line x1="${PAD.l}" y1="${PAD.t}" x2="${PAD.l}" y2="${y(0)}" stroke="#888"/>`,
  ];
  for (const t of [0, 0.5, 1].map((f) => f * yMax)) {
    parts.push(`<text x="${PAD.l - 4}" y="${y(t) + 4}" text-anchor="end">${t.toFixed(t < 10 ? 1 : 0)}x</text>`);
  }
  if (ref) {
    for (const [v, label, colour] of [[ref.target, "target", "#2da44e"], [ref.interpreter, "ref interp", "#cf222e"]] as const) {
      parts.push(`<line x1="${PAD.l}" y1="${y(v)}" x2="${W - PAD.r}" y2="${y(v)}" stroke="${colour}" stroke-dasharray="2 3"/>`);
      parts.push(`<text x="${W - PAD.r}" y="${y(v) - 3}" text-anchor="end" fill="${colour}">${label} ${v}x</text>`);
    }
  }
  for (const s of series) {
    const pts = points(s.key);
    if (pts.length === 0) continue;
    const d = pts.map(([i, v]) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(" ");
    parts.push(`<polyline fill="none" stroke="${s.colour}" stroke-width="2" stroke-dasharray="${s.dash}" points="${d}"/>`);
    for (const [i, v] of pts) {
      const l = lines[i]!;
      parts.push(`<circle cx="${x(i).toFixed(1)}" cy="${y(v).toFixed(1)}" r="3" fill="${s.colour}"><title>${s.key} ${v.toFixed(2)}x — ${l.commit.slice(0, 8)}${l.dirty ? "+" : ""} ${l.date.slice(0, 16)} (${l.mode})</title></circle>`);
    }
  }
  lines.forEach((l, i) => {
    if (lines.length <= 8 || i % Math.ceil(lines.length / 8) === 0) {
      parts.push(`<text x="${x(i)}" y="${H - PAD.b + 14}" text-anchor="middle">${l.commit.slice(0, 7)}</text>`);
    }
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="sans-serif" font-size="10">${parts.join("")}</svg>`;
}

export function renderReport(): string {
  const sections: string[] = [];
  for (const [hw, lines] of readAllHistory()) {
    const charts = ROW_IDS.map((id) => chart(id, lines)).filter(Boolean);
    sections.push(`<h2>${esc(hw)}</h2><p>${lines.length} recorded runs. Cost = time per op ÷ hand-written time per op in the same run (parse rows: ÷ JSON.parse). Solid: prepared engine; dashed: executeBridge. Hover a point for its commit.</p><div class="grid">${charts.join("\n")}</div>`);
  }
  if (sections.length === 0) sections.push("<p>No history yet: run <code>pnpm bench -- --history</code> or <code>pnpm bench:baseline</code>.</p>");
  return `<!doctype html><html><head><meta charset="utf-8"><title>bridgekit bench history</title><style>body{font-family:sans-serif;margin:2em}.grid{display:flex;flex-wrap:wrap;gap:12px}svg{border:1px solid #ddd}</style></head><body><h1>bridgekit: cost vs hand-written over commits</h1>${sections.join("\n")}</body></html>\n`;
}

if (isMain(import.meta.url)) {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = join(RESULTS_DIR, "report.html");
  writeFileSync(file, renderReport());
  console.log(`report: ${relative(REPO_ROOT, file)}`);
}

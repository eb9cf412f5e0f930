// `node dist/markdown.js [results.json]`: prints a results file as the
// markdown table used in PERFORMANCE.md ("Current figures for this hardware").
// Default input: results/latest.json.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { isMain, RESULTS_DIR } from "./paths.js";
import type { SuiteResult } from "./suite.js";
import { fmtNs, fmtOps, fmtX } from "./table.js";

export function markdownTable(r: SuiteResult): string {
  const out = [
    `Hardware \`${r.hardware.id}\` (${r.hardware.cpu}, ${r.hardware.cores} cores, Node ${r.hardware.node}), commit \`${r.commit.slice(0, 8)}\`${r.dirty ? " + uncommitted changes" : ""}, ${r.date.slice(0, 16).replace("T", " ")} UTC, ${r.mode} run (${r.settings.rounds} rounds x ${r.settings.batchMs} ms).`,
    "",
    "| row | prepared ops/s | mean (CPU) | p99 (wall) | cost: prepared | cost: executeBridge | ref interp | ref AOT | target |",
    "|---|---|---|---|---|---|---|---|---|",
  ];
  for (const row of Object.values(r.rows)) {
    if (row.status !== "ok") {
      out.push(`| ${row.id} | skipped: ${row.reason ?? ""} | | | | | | | |`);
      continue;
    }
    if (row.kind === "parse") {
      const p = row.variants.parseBridge;
      out.push(`| ${row.id} | ${fmtOps(p?.opsPerSec)} | ${fmtNs(p?.meanNs)} | ${fmtNs(p?.p99Ns)} | ${fmtX(p?.cost)} of JSON.parse | | ~${row.referenceParseUs} µs | | |`);
      continue;
    }
    const p = row.variants.prepared;
    const ref = row.reference;
    out.push(`| ${row.id} | ${fmtOps(p?.opsPerSec)} | ${fmtNs(p?.meanNs)} | ${fmtNs(p?.p99Ns)} | **${fmtX(p?.cost)}** | ${fmtX(row.variants.executeBridge?.cost)} | ${fmtX(ref?.interpreter)} | ${fmtX(ref?.compiler)} | ${fmtX(ref?.target)} |`);
  }
  return out.join("\n");
}

if (isMain(import.meta.url)) {
  const file = process.argv[2] ?? join(RESULTS_DIR, "latest.json");
  console.log(markdownTable(JSON.parse(readFileSync(file, "utf8")) as SuiteResult));
}

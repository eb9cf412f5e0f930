// `node dist/compare.js [before.json] [after.json]`: compares two suite result
// files row by row on cost vs hand-written (the same-run ratio, which survives
// machine noise far better than ops/sec). Defaults: this hardware's baseline
// vs results/latest.json. Refuses to compare different hardware ids.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { baselinePath } from "./baseline.js";
import { isMain, RESULTS_DIR } from "./paths.js";
import type { SuiteResult } from "./suite.js";
import { fmtX, renderTable } from "./table.js";

function load(file: string): SuiteResult {
  if (!existsSync(file)) throw new Error(`no results file at ${file}`);
  return JSON.parse(readFileSync(file, "utf8")) as SuiteResult;
}

export function compareResults(before: SuiteResult, after: SuiteResult): string {
  if (before.hardware.id !== after.hardware.id) {
    return `different hardware: ${before.hardware.id} vs ${after.hardware.id}; ratios are only compared within one hardware id`;
  }
  const body: string[][] = [];
  for (const [id, a] of Object.entries(after.rows)) {
    const b = before.rows[id];
    for (const name of a.kind === "parse" ? ["parseBridge"] : ["prepared", "executeBridge"]) {
      const x = b?.variants[name as "prepared"]?.cost;
      const y = a.variants[name as "prepared"]?.cost;
      const change = x && y ? `${((y / x - 1) * 100).toFixed(0)}%` : "-";
      body.push([id, name, fmtX(x), fmtX(y), change]);
    }
  }
  const head = `${before.commit.slice(0, 8)} (${before.date.slice(0, 10)}) -> ${after.commit.slice(0, 8)} (${after.date.slice(0, 10)}) on ${after.hardware.id}\n`;
  return head + renderTable([["row", "variant", "before", "after", "change"]], body);
}

if (isMain(import.meta.url)) {
  const [a, b] = process.argv.slice(2);
  console.log(compareResults(load(a ?? baselinePath()), load(b ?? join(RESULTS_DIR, "latest.json"))));
}

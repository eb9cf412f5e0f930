// Writes suite results: the JSON results file (rows by id) and Bencher Metric
// Format (latency in ns, throughput in ops/s, cost ratio), both under
// benchmarks/results/ (gitignored).
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { RESULTS_DIR } from "./paths.js";
import type { SuiteResult } from "./suite.js";

interface Metric {
  value: number;
  lower_value?: number;
  upper_value?: number;
}

export function bencherFormat(result: SuiteResult): Record<string, Record<string, Metric>> {
  const out: Record<string, Record<string, Metric>> = {};
  for (const row of Object.values(result.rows)) {
    if (row.status !== "ok") continue;
    for (const [name, v] of Object.entries(row.variants)) {
      const key = name === row.headline ? row.id : `${row.id}/${name}`;
      out[key] = {
        latency: { value: v.medianNs, lower_value: v.minRoundNs, upper_value: v.maxRoundNs },
        throughput: { value: v.opsPerSec, lower_value: 1e9 / v.maxRoundNs, upper_value: 1e9 / v.minRoundNs },
        ...(name === row.floor ? {} : { "cost-vs-floor": { value: v.cost } }),
      };
    }
  }
  return out;
}

export function writeResults(result: SuiteResult, file = join(RESULTS_DIR, "latest.json")): { json: string; bencher: string } {
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(file, JSON.stringify(result, null, 2) + "\n");
  const bencher = join(RESULTS_DIR, "bencher.json");
  writeFileSync(bencher, JSON.stringify(bencherFormat(result), null, 2) + "\n");
  return { json: file, bencher };
}

// `pnpm bench:baseline`: runs the full suite (or --quick) and writes
// baselines/<hardware-id>.json with the hardware fields, the commit and date,
// and the results. The gate uses that file's commit as its default base; the
// compare script diffs later runs against it. Also appends to history/.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { hardwareInfo } from "./hardware.js";
import { appendHistory } from "./history.js";
import { writeResults } from "./output.js";
import { BASELINES_DIR, isMain, REPO_ROOT } from "./paths.js";
import { parseFlags } from "./progress.js";
import { printReport, runAll } from "./run.js";
import type { SuiteResult } from "./suite.js";

export function baselinePath(hardwareId = hardwareInfo().id): string {
  return join(BASELINES_DIR, `${hardwareId}.json`);
}

export function readBaseline(hardwareId = hardwareInfo().id): SuiteResult | undefined {
  const file = baselinePath(hardwareId);
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as SuiteResult) : undefined;
}

async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2));
  const result = await runAll(flags);
  printReport(result);
  writeResults(result);
  mkdirSync(BASELINES_DIR, { recursive: true });
  const file = baselinePath(result.hardware.id);
  writeFileSync(file, JSON.stringify(result, null, 2) + "\n");
  console.log(`\nbaseline: ${relative(REPO_ROOT, file)} (commit ${result.commit.slice(0, 12)}${result.dirty ? ", working tree had uncommitted package changes" : ""})`);
  console.log(`history: ${relative(REPO_ROOT, appendHistory(result))}`);
}

if (isMain(import.meta.url)) await main();

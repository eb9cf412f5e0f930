// `pnpm bench` / `pnpm bench:quick`: runs the suite, prints the tables, the
// memory and cold-start figures, and writes results/latest.json and
// results/bencher.json. Flags: --quick, --history (append to history/),
// --rows a,b (subset), --no-memory, --no-coldstart, --out <file>.
import { relative } from "node:path";
import { measureColdStart, type ColdStart } from "./coldstart.js";
import { appendHistory } from "./history.js";
import { FULL, QUICK } from "./measure.js";
import { measureMemory, type MemoryRow } from "./memory.js";
import { writeResults } from "./output.js";
import { isMain, REPO_ROOT } from "./paths.js";
import { parseFlags, progress, progressDone, rowFilter } from "./progress.js";
import { runSuite, type SuiteResult } from "./suite.js";
import { costTable, renderTable, timingTable } from "./table.js";

export async function runAll(flags: Map<string, string | true>): Promise<SuiteResult> {
  const quick = flags.has("quick");
  const result = await runSuite(quick ? "quick" : "full", quick ? QUICK : FULL, rowFilter(flags));
  if (!flags.has("no-memory")) {
    progress("memory: bytes allocated per op");
    result.memory = measureMemory();
  }
  if (!flags.has("no-coldstart")) {
    progress("cold start: spawning node processes");
    result.coldstart = await measureColdStart(quick ? 5 : 11);
  }
  progressDone();
  return result;
}

function failedSelfcheck(row: SuiteResult["rows"][string]): boolean {
  return row.problems?.some((p) => p.includes("differs") || p.includes("threw")) ?? false;
}

function memoryTable(memory: Record<string, MemoryRow | { error: string }>): string {
  const body = Object.entries(memory).map(([id, m]) => {
    if ("error" in m) return [id, `error: ${m.error}`];
    const b = m.bytesPerOp;
    const hw = b.handwritten;
    const kb = (x: number | undefined): string => (x === undefined ? "-" : `${(x / 1024).toFixed(1)} KB`);
    const rel = (x: number | undefined): string => (x === undefined || !hw ? "-" : `${(x / hw).toFixed(2)}x`);
    return [id, kb(b.prepared), rel(b.prepared), kb(b.executeBridge), rel(b.executeBridge), kb(hw)];
  });
  return renderTable([["row", "prepared", "vs hw", "executeBridge", "vs hw", "hand-written"]], body);
}

export function printReport(result: SuiteResult): void {
  const { hardware: hw } = result;
  console.log(`bridgekit bench (${result.mode}) on ${hw.id} (${hw.cpu}, ${hw.cores} cores, node ${hw.node})`);
  console.log(`commit ${result.commit.slice(0, 12)}${result.dirty ? " + uncommitted changes" : ""}, ${result.date}`);
  console.log(`${result.settings.rounds} interleaved rounds x ${result.settings.batchMs} ms batches, GC before each batch: ${result.gc ? "yes" : "NO"}`);
  for (const n of result.notes) console.log(`note: ${n}`);
  console.log("\nTimings (ops/s and mean: CPU time per op from the batches, median round; p99: wall time of single ops)\n");
  console.log(timingTable(result));
  console.log("\nCost vs hand-written, same run (time/op ÷ hand-written time/op; lower is better)\n");
  console.log(costTable(result));
  const rows = Object.values(result.rows);
  for (const row of rows) {
    for (const p of row.problems ?? []) console.log(`${row.id}: ${p}`);
  }
  const failedCheck = rows.filter(failedSelfcheck).length;
  const measured = rows.filter((r) => r.status === "ok").length;
  console.log(`
self-check (engine output == hand-written output): ${measured} rows measured, ${failedCheck} failed, ${rows.length - measured} skipped`);
  if (result.memory) {
    console.log("\nAllocated bytes per op (GC-free window, heapUsed delta)\n");
    console.log(memoryTable(result.memory as Record<string, MemoryRow | { error: string }>));
  }
  const cs = result.coldstart as ColdStart | { error: string } | undefined;
  if (cs && "error" in cs) console.log(`\ncold start: ${cs.error}`);
  else if (cs) {
    console.log(`\nCold start, simple chain, median of ${cs.spawns} spawns, minus bare node (${cs.bareMs.startToCode} ms to first code):`);
    console.log(`  with parser:      ${cs.startToResultMs.parser} ms to first result (wall ${cs.wallMs.parser} ms)`);
    console.log(`  pre-parsed JSON:  ${cs.startToResultMs.json} ms to first result (wall ${cs.wallMs.json} ms)`);
  }
}

async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2));
  const result = await runAll(flags);
  printReport(result);
  const out = typeof flags.get("out") === "string" ? (flags.get("out") as string) : undefined;
  const files = writeResults(result, out);
  console.log(`\nresults: ${relative(REPO_ROOT, files.json)}  bencher: ${relative(REPO_ROOT, files.bencher)}`);
  if (flags.has("history")) console.log(`history: ${relative(REPO_ROOT, appendHistory(result))}`);
  const bad = Object.values(result.rows).filter(failedSelfcheck);
  if (bad.length) {
    console.log(`\nself-check failed for: ${bad.map((r) => r.id).join(", ")}`);
    process.exitCode = 1;
  }
}

if (isMain(import.meta.url)) await main();

// `pnpm bench:gate [--base <ref>] [--quick] [--threshold 0.10] [--rows a,b]
//  [--keep-worktree] [--base-dir <built checkout>]`: the regression gate
// (threshold default 0.20).
//
// Base = --base, else the commit of baselines/<hardware-id>.json, else HEAD~1.
// The base is checked out into a temporary worktree, installed and built; the
// head is this checkout's build. Each row is measured in its own fresh child
// process that imports BOTH builds and interleaves their batches (same rounds,
// GC before each batch, CPU-time clock). Per round we take the paired ratio
// head time/op ÷ base time/op.
//
// Rule: a row regresses when the lower bound of the 95% bootstrap confidence
// interval of the median paired ratio exceeds 1 + threshold (default 1.20:
// on the shared 2-core machines, two loaded copies of the SAME code showed
// single-process CI lower bounds up to 1.14, from JIT variance between the
// copies that round-to-round resampling cannot see).
// A flagged row is measured again in another fresh process (the other side
// set up first); it fails only if that measurement flags it too. Exec rows are
// judged on prepared execute and on executeBridge, parse rows on parseBridge.
// Exit code 1 on any regression, or when head cannot run a row the base ran.
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { prepareWorktree, resolveBase, type Worktree } from "./gate-worktree.js";
import { currentCommit, hardwareInfo } from "./hardware.js";
import { loadImpl } from "./load.js";
import { measureInterleaved, pairedRatios, type MeasureSettings } from "./measure.js";
import { IMPL_ROOT, isMain, RESULTS_DIR } from "./paths.js";
import { parseFlags, progress, progressDone, rowFilter } from "./progress.js";
import { checkRow, setupRow, type RowSetup, type Variant } from "./rows.js";
import { buildScenarios } from "./scenarios/index.js";
import { bootstrapMedianCI, median } from "./stats.js";
import { fmtNs, renderTable } from "./table.js";

const GATE_FULL: MeasureSettings = { rounds: 40, batchMs: 15, warmupMs: 300, latencyOps: 0 };
const GATE_QUICK: MeasureSettings = { rounds: 24, batchMs: 8, warmupMs: 150, latencyOps: 0 };

type Verdict = "ok" | "faster" | "regression" | "skipped" | "broken";

interface PairResult {
  row: string;
  variant: string;
  baseNs?: number;
  headNs?: number;
  ratio?: number;
  ci?: [number, number];
  verdict: Verdict;
  note?: string;
  remeasured?: boolean;
}

function judge([lo, hi]: [number, number], threshold: number): Verdict {
  if (lo > 1 + threshold) return "regression";
  if (hi < 1 / (1 + threshold)) return "faster";
  return "ok";
}

/** Child side: measures one row, base and head interleaved. */
async function measureRow(base: RowSetup, head: RowSetup, s: MeasureSettings, threshold: number, headFirst: boolean): Promise<PairResult[]> {
  const id = base.scenario.id;
  const baseProblems = [...base.missing, ...(await checkRow(base))];
  const headProblems = [...head.missing, ...(await checkRow(head))];
  const has = (row: RowSetup, n: string): Variant | undefined => row.variants.find((v) => v.name === n);
  const out: PairResult[] = [];
  const names: string[] = [];
  for (const n of base.scenario.kind === "parse" ? ["parseBridge"] : ["prepared", "executeBridge"]) {
    if (has(base, n) && has(head, n)) names.push(n);
    else if (has(base, n)) out.push({ row: id, variant: n, verdict: "broken", note: `head cannot run it: ${headProblems.join("; ")}` });
    else out.push({ row: id, variant: n, verdict: "skipped", note: `base cannot run it: ${baseProblems.join("; ") || "not available"}` });
  }
  if (names.length === 0) return out;
  const runnables = names.flatMap((n) => {
    const pair = [
      { name: `base:${n}`, run: has(base, n)!.run },
      { name: `head:${n}`, run: has(head, n)!.run },
    ];
    return headFirst ? pair.reverse() : pair;
  });
  const stats = await measureInterleaved(runnables, s);
  const pairs = names.map((n): PairResult => {
    const b = stats.get(`base:${n}`)!;
    const h = stats.get(`head:${n}`)!;
    const ratios = pairedRatios(h, b);
    const ci = bootstrapMedianCI(ratios);
    return { row: id, variant: n, baseNs: b.medianNs, headNs: h.medianNs, ratio: median(ratios), ci, verdict: judge(ci, threshold) };
  });
  return [...pairs, ...out];
}

async function child(flags: Map<string, string | true>, s: MeasureSettings, threshold: number): Promise<void> {
  const baseImpl = await loadImpl(flags.get("base-dir") as string, "base");
  const headImpl = await loadImpl(IMPL_ROOT, "head", true);
  const id = flags.get("rows") as string;
  // Separate scenario lists: each side gets its own tool closures.
  const b = buildScenarios().find((sc) => sc.id === id);
  const h = buildScenarios().find((sc) => sc.id === id);
  const out = b && h ? await measureRow(setupRow(b, baseImpl), setupRow(h, headImpl), s, threshold, flags.has("head-first")) : [];
  process.stdout.write(JSON.stringify(out));
}

/** Parent side: runs one row in a fresh process of this script. */
function spawnRow(id: string, baseDir: string, quick: boolean, threshold: number, headFirst: boolean): PairResult[] {
  const args = ["--expose-gc", fileURLToPath(import.meta.url), "--child", "--base-dir", baseDir, "--rows", id, "--threshold", String(threshold)];
  if (quick) args.push("--quick");
  if (headFirst) args.push("--head-first");
  const r = spawnSync(process.execPath, args, { encoding: "utf8", timeout: 10 * 60_000 });
  try {
    return JSON.parse(r.stdout) as PairResult[];
  } catch {
    const why = (r.stderr || `exit ${r.status}`).trim().split("\n").slice(-12).join(" | ");
    return [{ row: id, variant: "-", verdict: "broken", note: `measurement process failed: ${why}` }];
  }
}

const fmtRatio = (x: number | undefined): string => (x === undefined ? "-" : x.toFixed(3));
const fmtCI = (ci: [number, number] | undefined): string => (ci ? `${ci[0].toFixed(3)}–${ci[1].toFixed(3)}` : "-");

function printTable(results: PairResult[]): void {
  const body = results.map((r) => [
    r.row,
    r.variant,
    fmtNs(r.baseNs),
    fmtNs(r.headNs),
    fmtRatio(r.ratio),
    fmtCI(r.ci),
    r.verdict + (r.remeasured ? " (re-measured)" : ""),
  ]);
  console.log(renderTable([["row", "variant", "base", "head", "head/base", "95% CI", "verdict"]], body));
}

async function main(): Promise<number> {
  const flags = parseFlags(process.argv.slice(2));
  const quick = flags.has("quick");
  const settings = quick ? GATE_QUICK : GATE_FULL;
  const threshold = typeof flags.get("threshold") === "string" ? Number(flags.get("threshold")) : 0.2;
  if (flags.has("child")) {
    await child(flags, settings, threshold);
    return 0;
  }
  const hw = hardwareInfo();
  const baseFlag = flags.get("base");
  const base = resolveBase(typeof baseFlag === "string" ? baseFlag : undefined, hw.id);
  const head = currentCommit();
  console.log(`bench gate on ${hw.id}: base ${base.ref} (${base.sha.slice(0, 12)}, from ${base.source}) vs head ${head.commit.slice(0, 12)}${head.dirty ? " + working tree" : ""}`);
  console.log(`rule: regression when the 95% bootstrap CI of the median paired ratio head/base lies above ${(1 + threshold).toFixed(2)}, twice (the second time in a fresh process)`);
  console.log(`${settings.rounds} interleaved rounds x ${settings.batchMs} ms batches per row, CPU-time clock, one process per row`);
  const baseDir = flags.get("base-dir");
  let wt: Worktree | undefined;
  try {
    wt = typeof baseDir === "string" ? { dir: baseDir, notes: [], remove() {} } : prepareWorktree(base.sha, flags.has("keep-worktree"));
    progressDone();
    for (const n of wt.notes) console.log(`note: ${n}`);
    for (const n of (await loadImpl(wt.dir, "base")).notes) console.log(`note (base): ${n}`);
    const headImpl = await loadImpl(IMPL_ROOT, "head", true);
    for (const n of headImpl.notes) console.log(`note (head): ${n}`);
    if (headImpl.injectedUs) console.log(`note (head): BRIDGE_BENCH_INJECT_SLOWDOWN_US=${headImpl.injectedUs}: every head execute busy-waits ${headImpl.injectedUs} µs`);
    const filter = rowFilter(flags);
    const ids = buildScenarios().map((sc) => sc.id).filter((id) => !filter || filter(id));
    const results: PairResult[] = [];
    for (const [i, id] of ids.entries()) {
      progress(`[${i + 1}/${ids.length}] ${id}`);
      let rows = spawnRow(id, wt.dir, quick, threshold, i % 2 === 1);
      if (rows.some((r) => r.verdict === "regression")) {
        progress(`[${i + 1}/${ids.length}] ${id}: flagged, measuring again in a fresh process`);
        rows = spawnRow(id, wt.dir, quick, threshold, i % 2 === 0).map((r) => ({ ...r, remeasured: true }));
      }
      results.push(...rows);
    }
    progressDone();
    console.log("");
    printTable(results);
    mkdirSync(RESULTS_DIR, { recursive: true });
    writeFileSync(join(RESULTS_DIR, "gate.json"), JSON.stringify({ hardware: hw, base, head, threshold, settings, results }, null, 2) + "\n");
    for (const r of results.filter((x) => x.verdict === "skipped")) console.log(`skipped: ${r.row} ${r.variant}: ${r.note}`);
    const failed = results.filter((r) => r.verdict === "regression" || r.verdict === "broken");
    for (const r of failed) {
      const why = r.verdict === "broken" ? r.note : `head/base ${fmtRatio(r.ratio)}, 95% CI ${fmtCI(r.ci)} above ${(1 + threshold).toFixed(2)} twice`;
      console.log(`regression: ${r.row} (${r.variant}): ${why}`);
    }
    const judged = results.filter((r) => r.verdict !== "skipped").length;
    console.log(failed.length ? `\ngate FAILED: ${failed.length} regression(s)` : `\ngate passed: ${judged} comparisons, no regression`);
    return failed.length ? 1 : 0;
  } finally {
    progressDone();
    wt?.remove();
  }
}

if (isMain(import.meta.url)) process.exitCode = await main();

// Bytes allocated per operation, for flat-1000 and tool-per-element-100, for
// each engine variant and the hand-written code.
//
// Method: a child process runs with --expose-gc and a 64 MB semi-space, so the
// young generation can absorb many operations without a scavenge. After a
// warm-up and a full GC, it reads process.memoryUsage().heapUsed, runs N
// operations, and reads it again: with no GC in between, the delta is exactly
// what those N operations allocated on the V8 heap (surviving or not). A
// PerformanceObserver on "gc" entries checks that no GC ran inside the window;
// if one did, N is halved and the window repeated. Off-heap memory (Buffers)
// is not counted; the scenarios allocate none.
import { spawnSync } from "node:child_process";
import { PerformanceObserver } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { loadImpl } from "./load.js";
import { IMPL_ROOT, isMain } from "./paths.js";
import { checkRow, setupRow, type Variant } from "./rows.js";
import { buildScenarios } from "./scenarios/index.js";

export const MEMORY_ROWS = ["flat-1000", "tool-per-element-100"];

export interface MemoryRow {
  /** variant -> bytes per op */
  bytesPerOp: Record<string, number>;
  /** variant -> ops in the GC-free window */
  ops: Record<string, number>;
  problems: string[];
}

type Gc = () => void;

async function runOps(v: Variant, n: number): Promise<void> {
  for (let i = 0; i < n; i++) await v.run();
}

const gcStarts: number[] = [];

async function window(v: Variant, n: number): Promise<{ bytes: number; clean: boolean }> {
  (globalThis as { gc?: Gc }).gc!();
  await new Promise((r) => setImmediate(r));
  const t0 = performance.now();
  const before = process.memoryUsage().heapUsed;
  await runOps(v, n);
  const after = process.memoryUsage().heapUsed;
  const t1 = performance.now();
  await new Promise((r) => setTimeout(r, 5)); // let the observer deliver gc entries
  const clean = !gcStarts.some((t) => t >= t0 && t <= t1);
  return { bytes: (after - before) / n, clean };
}

async function child(rowId: string): Promise<MemoryRow> {
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) gcStarts.push(e.startTime);
  }).observe({ entryTypes: ["gc"] });
  const impl = await loadImpl(IMPL_ROOT, "head");
  const scenario = buildScenarios().find((s) => s.id === rowId)!;
  const row = setupRow(scenario, impl);
  const problems = [...row.missing, ...(await checkRow(row))];
  const out: MemoryRow = { bytesPerOp: {}, ops: {}, problems };
  for (const v of row.variants) await runOps(v, 200); // warm-up: JIT and inline caches
  for (const v of row.variants) {
    const pilot = await window(v, 3);
    let n = Math.max(5, Math.min(500, Math.floor((16 * 2 ** 20) / Math.max(pilot.bytes, 1))));
    for (let attempt = 0; attempt < 5; attempt++, n = Math.max(1, n >> 1)) {
      const w = await window(v, n);
      if (w.clean || attempt === 4) {
        out.bytesPerOp[v.name] = Math.round(w.bytes);
        out.ops[v.name] = n;
        if (!w.clean) problems.push(`${v.name}: a GC ran inside every window; figure is a lower bound`);
        break;
      }
    }
  }
  return out;
}

/** Spawns one child per memory row; returns row id -> result. */
export function measureMemory(rows = MEMORY_ROWS): Record<string, MemoryRow | { error: string }> {
  const out: Record<string, MemoryRow | { error: string }> = {};
  const self = fileURLToPath(import.meta.url);
  for (const id of rows) {
    const r = spawnSync(process.execPath, ["--expose-gc", "--max-semi-space-size=64", self, "--child", id], {
      encoding: "utf8",
      timeout: 120_000,
    });
    try {
      out[id] = JSON.parse(r.stdout) as MemoryRow;
    } catch {
      out[id] = { error: (r.stderr || r.stdout || `exit ${r.status}`).trim().split("\n").slice(-3).join(" | ") };
    }
  }
  return out;
}

if (isMain(import.meta.url)) {
  if (process.argv[2] === "--child" && process.argv[3]) process.stdout.write(JSON.stringify(await child(process.argv[3])));
  else console.log(JSON.stringify(measureMemory(), null, 2));
}

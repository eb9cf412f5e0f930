// Interleaved measurement. For one row, every variant is calibrated and warmed
// up, then measured in rounds: each round runs one batch of every variant (the
// order rotates per round), so all variants see the same machine load within a
// round. A variant's time/op is the median over rounds; ratios are computed per
// round (paired) by the callers.
//
// GC: one full GC before warm-up, then a young-generation GC before each batch,
// so no batch pays for the garbage of the previous one. Not a full GC per
// batch: a forced mark-compact deoptimises optimised code that embedded
// objects it freed ("weak objects"), and repeated every batch it kept the
// engine out of optimised code altogether (PERFORMANCE.md, entry 4).
// Batches time the whole loop only (no per-op timer overhead); p99 comes from
// a short per-op-timed pass after each batch (wall clock).
//
// Clock: by default a batch is timed in process CPU time (user + system, µs
// resolution), not wall time. On a shared, oversubscribed machine a batch is
// often descheduled for milliseconds; wall time then measures the neighbours,
// and a short batch suffers more than a long one. CPU time does not count
// time off-CPU. It does count this process's background threads (GC helpers,
// the optimising compiler), which is why every variant is warmed up first.
// `clock: "wall"` switches back to wall time.
import { Bench } from "tinybench";
import { mean, median, quantile } from "./stats.js";

export interface MeasureSettings {
  rounds: number;
  /** Target duration of one batch. */
  batchMs: number;
  /** Warm-up per variant before the first round. */
  warmupMs: number;
  /** Per-op-timed operations per variant per round (for p99). */
  latencyOps: number;
  /** How batches are timed. Default "cpu". */
  clock?: "cpu" | "wall";
}

export const FULL: MeasureSettings = { rounds: 12, batchMs: 60, warmupMs: 300, latencyOps: 200 };
export const QUICK: MeasureSettings = { rounds: 6, batchMs: 20, warmupMs: 80, latencyOps: 50 };

export interface Runnable {
  name: string;
  run: () => unknown;
}

export interface VariantStats {
  /** Mean time/op of each round's batch, ns, in round order. */
  perRoundNs: number[];
  medianNs: number;
  meanNs: number;
  p99Ns: number;
  opsPerSec: number;
  opsPerBatch: number;
}

type Gc = (options?: { type?: "major" | "minor" }) => void;
const gc: Gc | undefined = (globalThis as { gc?: Gc }).gc;

function minorGc(): void {
  try {
    gc?.({ type: "minor" });
  } catch {
    gc?.();
  }
}

export function gcAvailable(): boolean {
  return typeof gc === "function";
}

function isThenable(x: unknown): x is PromiseLike<unknown> {
  return typeof x === "object" && x !== null && typeof (x as { then?: unknown }).then === "function";
}

let clock: "cpu" | "wall" = "cpu";

/** Runs fn n times (awaiting results that are promises); returns the elapsed ns on the active clock. */
async function runBatch(fn: () => unknown, n: number): Promise<number> {
  if (clock === "wall") {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < n; i++) {
      const r = fn();
      if (isThenable(r)) await r;
    }
    return Number(process.hrtime.bigint() - t0);
  }
  const c0 = process.cpuUsage();
  for (let i = 0; i < n; i++) {
    const r = fn();
    if (isThenable(r)) await r;
  }
  const d = process.cpuUsage(c0);
  return (d.user + d.system) * 1000;
}

/**
 * Per-op latency samples (ns) for p99, taken with tinybench: `n` timed
 * iterations of `fn`, awaited when it returns a promise.
 */
async function sampleLatency(fn: () => unknown, n: number, into: number[]): Promise<void> {
  const bench = new Bench({ iterations: n, time: 0, warmup: false, throws: true, retainSamples: true });
  bench.add("op", fn);
  await bench.run();
  const result = bench.tasks[0]?.result;
  if (result?.state !== "completed") throw new Error(`latency sampling did not complete: ${result?.state}`);
  for (const ms of result.latency.samples ?? []) into.push(ms * 1e6);
}

/** Code needs a few thousand calls to reach its optimised tier (the parser ~2,500). */
const MIN_WARMUP_OPS = 4000;
const MAX_WARMUP_MS = 5000;

/**
 * Doubles the batch until it takes a quarter of batchMs, then keeps running
 * until warmupMs passed and at least MIN_WARMUP_OPS ran (capped at
 * MAX_WARMUP_MS); returns ops per batch, from the last (warmest) batch.
 */
async function calibrate(fn: () => unknown, s: MeasureSettings): Promise<number> {
  const start = performance.now();
  let n = 1;
  let ns = await runBatch(fn, n);
  let ops = n;
  while (ns < (s.batchMs * 1e6) / 4 && n < 1 << 24) {
    n *= 2;
    ns = await runBatch(fn, n);
    ops += n;
  }
  for (;;) {
    const elapsed = performance.now() - start;
    if (elapsed >= MAX_WARMUP_MS || (elapsed >= s.warmupMs && ops >= MIN_WARMUP_OPS)) break;
    ns = await runBatch(fn, n);
    ops += n;
  }
  return Math.max(1, Math.round((s.batchMs * 1e6) / (ns / n)));
}

export async function measureInterleaved(
  variants: readonly Runnable[],
  s: MeasureSettings,
  onRound?: (round: number) => void,
): Promise<Map<string, VariantStats>> {
  clock = s.clock ?? "cpu";
  const batch = new Map<string, number>();
  gc?.(); // full GC first: warm-up then re-optimises whatever it deoptimised
  for (const v of variants) batch.set(v.name, await calibrate(v.run, s));
  const perRound = new Map<string, number[]>(variants.map((v) => [v.name, []]));
  const latency = new Map<string, number[]>(variants.map((v) => [v.name, []]));
  for (let r = 0; r < s.rounds; r++) {
    onRound?.(r);
    for (let k = 0; k < variants.length; k++) {
      const v = variants[(k + r) % variants.length]!;
      const n = batch.get(v.name)!;
      minorGc();
      perRound.get(v.name)!.push((await runBatch(v.run, n)) / n);
      const samples = Math.min(n, s.latencyOps);
      if (samples > 0) await sampleLatency(v.run, samples, latency.get(v.name)!);
    }
  }
  const out = new Map<string, VariantStats>();
  for (const v of variants) {
    const rounds = perRound.get(v.name)!;
    const med = median(rounds);
    out.set(v.name, {
      perRoundNs: rounds,
      medianNs: med,
      meanNs: mean(rounds),
      p99Ns: quantile(latency.get(v.name)!, 0.99),
      opsPerSec: 1e9 / med,
      opsPerBatch: batch.get(v.name)!,
    });
  }
  return out;
}

/** Per-round ratios a/b (paired by round). */
export function pairedRatios(a: VariantStats, b: VariantStats): number[] {
  return a.perRoundNs.map((x, i) => x / b.perRoundNs[i]!);
}

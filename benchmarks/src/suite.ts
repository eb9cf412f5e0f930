// The main suite: every row of benchmarks.md, each measured interleaved
// against its floor (hand-written code, or JSON.parse for parse rows), with
// the cost ratio taken per round and the median reported.
import { hardwareInfo, currentCommit, type Hardware } from "./hardware.js";
import { loadImpl } from "./load.js";
import { gcAvailable, measureInterleaved, pairedRatios, type MeasureSettings } from "./measure.js";
import { IMPL_ROOT } from "./paths.js";
import { progress, progressDone } from "./progress.js";
import { referenceFor, REFERENCE_PARSE_US, type ReferenceFigures } from "./reference.js";
import { checkRow, setupRow, type VariantName } from "./rows.js";
import { buildScenarios } from "./scenarios/index.js";
import { median } from "./stats.js";

export interface VariantResult {
  opsPerSec: number;
  meanNs: number;
  medianNs: number;
  p99Ns: number;
  minRoundNs: number;
  maxRoundNs: number;
  /** Median over rounds of (this variant's time/op ÷ the floor's time/op in the same round). */
  cost: number;
}

export interface RowResult {
  id: string;
  title: string;
  kind: "parse" | "exec";
  /** "ok", or "skipped" with a reason. */
  status: "ok" | "skipped";
  reason?: string;
  problems?: string[];
  floor: VariantName;
  headline: VariantName;
  /** The headline variant's cost (prepared for exec rows, parseBridge for parse rows). */
  cost?: number;
  variants: Partial<Record<VariantName, VariantResult>>;
  reference?: ReferenceFigures;
  referenceParseUs?: number;
}

export interface SuiteResult {
  version: 1;
  mode: "full" | "quick";
  hardware: Hardware;
  commit: string;
  dirty: boolean;
  date: string;
  gc: boolean;
  settings: MeasureSettings;
  notes: string[];
  rows: Record<string, RowResult>;
  memory?: unknown;
  coldstart?: unknown;
}

export async function runSuite(
  mode: "full" | "quick",
  settings: MeasureSettings,
  filter?: (id: string) => boolean,
): Promise<SuiteResult> {
  const impl = await loadImpl(IMPL_ROOT, "head");
  const { commit, dirty } = currentCommit();
  const result: SuiteResult = {
    version: 1,
    mode,
    hardware: hardwareInfo(),
    commit,
    dirty,
    date: new Date().toISOString(),
    gc: gcAvailable(),
    settings,
    notes: [...impl.notes],
    rows: {},
  };
  if (!result.gc) result.notes.push("no --expose-gc: batches run without a GC before them (noisier)");
  const scenarios = buildScenarios().filter((s) => !filter || filter(s.id));
  let i = 0;
  for (const scenario of scenarios) {
    i++;
    const row = setupRow(scenario, impl);
    const base: RowResult = {
      id: scenario.id,
      title: scenario.title,
      kind: scenario.kind,
      status: "skipped",
      floor: row.floor,
      headline: row.headline,
      variants: {},
      reference: referenceFor(scenario.id),
      referenceParseUs: REFERENCE_PARSE_US[scenario.id],
    };
    result.rows[scenario.id] = base;
    progress(`[${i}/${scenarios.length}] ${scenario.id}: checking`);
    const problems = [...row.missing, ...(await checkRow(row))];
    if (problems.length) base.problems = problems;
    if (row.variants.length === 0) {
      base.reason = problems.join("; ") || "nothing to measure";
      continue;
    }
    const stats = await measureInterleaved(row.variants, settings, (r) =>
      progress(`[${i}/${scenarios.length}] ${scenario.id}: round ${r + 1}/${settings.rounds}`),
    );
    const floor = stats.get(row.floor)!;
    for (const [name, st] of stats) {
      base.variants[name as VariantName] = {
        opsPerSec: st.opsPerSec,
        meanNs: st.meanNs,
        medianNs: st.medianNs,
        p99Ns: st.p99Ns,
        minRoundNs: Math.min(...st.perRoundNs),
        maxRoundNs: Math.max(...st.perRoundNs),
        cost: median(pairedRatios(st, floor)),
      };
    }
    base.status = "ok";
    base.cost = base.variants[row.headline]?.cost;
  }
  progressDone();
  return result;
}

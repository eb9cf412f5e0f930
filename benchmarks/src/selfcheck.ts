// Self-check: runs every row once per variant and checks that each engine's
// output equals the hand-written output (and that parse rows parse). Exits 1
// on a mismatch or a throw; rows the engine cannot run yet are listed as skipped.
import { loadImpl } from "./load.js";
import { IMPL_ROOT, isMain } from "./paths.js";
import { checkRow, setupRow } from "./rows.js";
import { buildScenarios } from "./scenarios/index.js";

export async function selfcheck(): Promise<number> {
  const impl = await loadImpl(IMPL_ROOT, "head");
  for (const n of impl.notes) console.log(`note: ${n}`);
  let failed = 0;
  let passed = 0;
  for (const scenario of buildScenarios()) {
    const row = setupRow(scenario, impl);
    const problems = await checkRow(row);
    if (problems.length) {
      failed++;
      for (const p of problems) console.log(`FAIL ${scenario.id}: ${p}`);
    } else if (row.variants.length === 0) {
      console.log(`skip ${scenario.id}: ${row.missing.join("; ")}`);
    } else {
      passed++;
      const extra = row.missing.length ? ` (missing: ${row.missing.join("; ")})` : "";
      console.log(`ok   ${scenario.id}: ${row.variants.map((v) => v.name).join(", ")}${extra}`);
    }
  }
  console.log(`selfcheck: ${passed} ok, ${failed} failed`);
  return failed;
}

if (isMain(import.meta.url)) process.exitCode = (await selfcheck()) > 0 ? 1 : 0;

// Where the bench package lives and where it writes. Resolved from this
// module's own URL (dist/paths.js), so the scripts work from any cwd.
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const BENCH_DIR = fileURLToPath(new URL("..", import.meta.url));
export const REPO_ROOT = join(BENCH_DIR, "..");
export const RESULTS_DIR = join(BENCH_DIR, "results");
export const BASELINES_DIR = join(BENCH_DIR, "baselines");
export const HISTORY_DIR = join(BENCH_DIR, "history");

/** True when the module with this URL is the script node was started with. */
export function isMain(moduleUrl: string): boolean {
  return process.argv[1] !== undefined && fileURLToPath(moduleUrl) === process.argv[1];
}

/** The checkout whose parser/engine builds the suite measures (override to test the harness elsewhere). */
export const IMPL_ROOT = process.env.BRIDGE_BENCH_IMPL_ROOT ?? REPO_ROOT;

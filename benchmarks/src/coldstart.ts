// Cold start: time from process start to the first result of the simple
// chain, in a fresh `node` process, minus the same for a bare node process.
// The bare process runs an ESM file that only prints the time, rather than
// `node -e ""`, so both go through the same module loader start-up.
// Two variants: parsing the bridge text with the parser, and loading a
// pre-parsed JSON document (the engine alone, as an app shipping JSON would).
// Each child prints performance.now() at its first result (ms since its own
// process start); the parent also records wall time spawn -> exit. Spawns are
// interleaved (bare, parser, json, bare, ...) and the medians reported.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { loadImpl } from "./load.js";
import { IMPL_ROOT } from "./paths.js";
import { SIMPLE } from "./scenarios/texts.js";
import { median } from "./stats.js";

export interface ColdStart {
  spawns: number;
  /** Child-reported ms from process start to first result, minus bare node's ms to first user code. */
  startToResultMs: { parser: number; json: number };
  /** Wall-clock spawn -> exit, minus bare node's. */
  wallMs: { parser: number; json: number };
  bareMs: { startToCode: number; wall: number };
}

const url = (pkg: string): string => pathToFileURL(join(IMPL_ROOT, "packages", pkg, "dist", "index.js")).href;

function script(variant: "parser" | "json", docFile: string): string {
  const load =
    variant === "parser"
      ? `import { parseBridge } from ${JSON.stringify(url("parser"))};\nconst document = parseBridge(${JSON.stringify(SIMPLE)});`
      : `import { readFileSync } from "node:fs";\nconst document = JSON.parse(readFileSync(${JSON.stringify(docFile)}, "utf8"));`;
  return `${load}
import { executeBridge } from ${JSON.stringify(url("engine"))};
const r = await executeBridge({ document, operation: "Query.simple", input: { q: "hello" },
  tools: { api: async (p) => ({ answer: p.q + "!" }) } });
const t = performance.now();
if (r.data?.result !== "hello!") { console.error("wrong result", JSON.stringify(r.data)); process.exit(2); }
process.stdout.write(String(t));
`;
}

function spawnTimed(args: string[]): { wall: number; reported: number } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { encoding: "utf8", timeout: 60_000 });
  const wall = performance.now() - t0;
  if (r.status !== 0) throw new Error(`cold-start child failed: ${(r.stderr || "").trim().split("\n")[0]}`);
  return { wall, reported: Number(r.stdout) };
}

export async function measureColdStart(spawns: number): Promise<ColdStart | { error: string }> {
  const impl = await loadImpl(IMPL_ROOT, "head");
  if (!impl.parseBridge || !impl.executeBridge) return { error: `needs parseBridge and executeBridge (${impl.notes.join("; ")})` };
  const dir = mkdtempSync(join(tmpdir(), "bridgekit-coldstart-"));
  try {
    const docFile = join(dir, "simple.json");
    writeFileSync(docFile, JSON.stringify(impl.parseBridge(SIMPLE)));
    const files = { bare: join(dir, "bare.mjs"), parser: join(dir, "parser.mjs"), json: join(dir, "json.mjs") };
    writeFileSync(files.bare, "process.stdout.write(String(performance.now()));\n");
    writeFileSync(files.parser, script("parser", docFile));
    writeFileSync(files.json, script("json", docFile));
    const bare: { wall: number; reported: number }[] = [];
    const parser: typeof bare = [];
    const json: typeof bare = [];
    for (let i = 0; i < spawns; i++) {
      bare.push(spawnTimed([files.bare]));
      parser.push(spawnTimed([files.parser]));
      json.push(spawnTimed([files.json]));
    }
    const m = (xs: typeof bare, k: "wall" | "reported"): number => median(xs.map((x) => x[k]));
    const round = (x: number): number => Number(x.toFixed(2));
    return {
      spawns,
      startToResultMs: { parser: round(m(parser, "reported") - m(bare, "reported")), json: round(m(json, "reported") - m(bare, "reported")) },
      wallMs: { parser: round(m(parser, "wall") - m(bare, "wall")), json: round(m(json, "wall") - m(bare, "wall")) },
      bareMs: { startToCode: round(m(bare, "reported")), wall: round(m(bare, "wall")) },
    };
  } catch (err) {
    return { error: (err as Error).message };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

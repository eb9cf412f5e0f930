/**
 * A seeded random sample of the engine and parser sources for mutation
 * testing, for an unbiased estimate of the mutation score when the full run
 * (about 7,000 mutants) is too long for the machine. The sources are cut into
 * windows of `--window` lines (default 10); each window is kept with
 * probability `--fraction` (default 0.06), independently, so every line of
 * every file has the same chance to be in the sample. Prints the `--mutate`
 * argument for Stryker (`file:start-end` ranges, comma-separated):
 *
 *   pnpm mutants --mutate "$(node scripts/mutation-sample.mjs --seed 7)"
 *
 * The files are those of stryker.config.mjs: engine and parser `src/**.ts`
 * without the AST types, declaration files and index files.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? Number(args[i + 1]) : fallback;
};
const seed = option("seed", 1);
const fraction = option("fraction", 0.06);
const window = option("window", 10);
if (!(fraction > 0 && fraction <= 1) || !(window >= 1)) {
  console.error("usage: node scripts/mutation-sample.mjs [--seed n] [--fraction 0..1] [--window lines]");
  process.exit(2);
}

/** mulberry32: a small seeded generator, so a sample can be named by its seed. */
function random(a) {
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sources(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) {
      if (full !== path.join("packages", "engine", "src", "ast")) out.push(...sources(full));
    } else if (name.endsWith(".ts") && !name.endsWith(".d.ts") && name !== "index.ts") out.push(full);
  }
  return out;
}

const next = random(seed);
const ranges = [];
let lines = 0;
let kept = 0;
for (const file of [...sources("packages/engine/src"), ...sources("packages/parser/src")]) {
  const count = readFileSync(file, "utf8").split("\n").length;
  lines += count;
  for (let start = 1; start <= count; start += window) {
    if (next() >= fraction) continue;
    const end = Math.min(count, start + window - 1);
    kept += end - start + 1;
    ranges.push(`${file.split(path.sep).join("/")}:${start}-${end}`);
  }
}
console.error(`mutation sample (seed ${seed}): ${ranges.length} windows, ${kept} of ${lines} lines (${((kept / lines) * 100).toFixed(1)}%)`);
console.log(ranges.join(","));

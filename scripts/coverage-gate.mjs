/**
 * Coverage report for CI: reads coverage/coverage-summary.json (vitest's
 * json-summary reporter, written by `pnpm test`, which runs the whole suite
 * with coverage and then this script with `--fail-under 95`), prints line and
 * branch coverage for the engine and the parser, and lists their files below
 * the target (95% lines or branches): the gaps to close. It informs, it does
 * not fail the build, unless `--fail-under <percent>` is given, in which case
 * it exits 1 when a package's line or branch total is below that percent.
 *
 *   node scripts/coverage-gate.mjs [--summary coverage/coverage-summary.json] [--target 95] [--fail-under 90]
 */
import { readFileSync } from "node:fs";
import path from "node:path";

const options = parseArgs(process.argv.slice(2));
const summaryPath = path.resolve(options.summary ?? "coverage/coverage-summary.json");
const target = Number(options.target ?? 95);
const failUnder = options["fail-under"] === undefined ? undefined : Number(options["fail-under"]);

let summary;
try {
  summary = JSON.parse(readFileSync(summaryPath, "utf8"));
} catch (err) {
  console.error(`cannot read ${summaryPath} (run \`pnpm test\` first): ${err.message}`);
  process.exit(2);
}

const PACKAGES = ["engine", "parser"];
const root = process.cwd();
const pct = (covered, total) => (total === 0 ? 100 : (covered / total) * 100);
const show = (p) => `${p.toFixed(2).padStart(6)}%`;

let failed = false;
for (const pkg of PACKAGES) {
  const prefix = path.join(root, "packages", pkg, "src") + path.sep;
  const files = Object.entries(summary).filter(([file]) => file !== "total" && path.resolve(file).startsWith(prefix));
  if (files.length === 0) {
    console.log(`${pkg}: no files in the summary`);
    continue;
  }
  const sum = { lines: [0, 0], branches: [0, 0] };
  const gaps = [];
  for (const [file, m] of files) {
    sum.lines[0] += m.lines.covered;
    sum.lines[1] += m.lines.total;
    sum.branches[0] += m.branches.covered;
    sum.branches[1] += m.branches.total;
    const lines = pct(m.lines.covered, m.lines.total);
    const branches = pct(m.branches.covered, m.branches.total);
    if (lines < target || branches < target) gaps.push({ file: path.relative(root, path.resolve(file)), lines, branches, m });
  }
  const lines = pct(...sum.lines);
  const branches = pct(...sum.branches);
  console.log(`${pkg}: lines ${show(lines)} (${sum.lines[0]}/${sum.lines[1]}), branches ${show(branches)} (${sum.branches[0]}/${sum.branches[1]}), ${files.length} files`);
  if (gaps.length === 0) console.log(`  every file at or above ${target}%`);
  else {
    console.log(`  ${gaps.length} file(s) below ${target}% (lines / branches, uncovered counts):`);
    gaps.sort((a, b) => Math.min(a.lines, a.branches) - Math.min(b.lines, b.branches));
    for (const g of gaps) {
      const missing = `${g.m.lines.total - g.m.lines.covered} lines, ${g.m.branches.total - g.m.branches.covered} branches uncovered`;
      console.log(`    ${show(g.lines)} / ${show(g.branches)}  ${g.file}  (${missing})`);
    }
  }
  if (failUnder !== undefined && (lines < failUnder || branches < failUnder)) {
    console.error(`  ${pkg} is below --fail-under ${failUnder}%`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);

function parseArgs(argv) {
  const out = {};
  for (let k = 0; k < argv.length; k += 2) {
    const m = /^--(summary|target|fail-under)$/.exec(argv[k]);
    if (!m || argv[k + 1] === undefined) throw new Error(`usage: coverage-gate.mjs [--summary file] [--target 95] [--fail-under 90]; got ${argv[k]}`);
    out[m[1]] = argv[k + 1];
  }
  return out;
}

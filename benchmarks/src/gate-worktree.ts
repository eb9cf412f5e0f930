// The gate's base checkout: resolves the base ref, creates a detached
// `git worktree` of it in the temp dir, installs (frozen lockfile, offline
// first) and builds the parser and engine there, and removes it afterwards.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readBaseline } from "./baseline.js";
import { git } from "./hardware.js";
import { REPO_ROOT } from "./paths.js";
import { progress } from "./progress.js";

export interface BaseRef {
  ref: string;
  sha: string;
  /** Why this base was chosen. */
  source: string;
}

export function resolveBase(flag: string | undefined, hardwareId: string): BaseRef {
  let ref: string;
  let source: string;
  const baselineCommit = readBaseline(hardwareId)?.commit;
  if (flag) [ref, source] = [flag, "--base"];
  else if (baselineCommit && baselineCommit !== "unknown") [ref, source] = [baselineCommit, `baselines/${hardwareId}.json`];
  else [ref, source] = ["HEAD~1", "default (HEAD~1)"];
  const sha = git(["rev-parse", "--verify", `${ref}^{commit}`]);
  return { ref, sha, source };
}

function hasCommand(cmd: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${cmd}`], { stdio: "ignore" }).status === 0;
}

function run(cmd: string, args: string[], cwd: string, what: string): { ok: boolean; tail: string } {
  const r = spawnSync(cmd, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], timeout: 15 * 60_000 });
  const tail = `${r.stdout ?? ""}\n${r.stderr ?? ""}`.trim().split("\n").slice(-8).join("\n");
  if (r.status !== 0) progress(`gate: ${what} failed (exit ${r.status})`);
  return { ok: r.status === 0, tail };
}

export interface Worktree {
  dir: string;
  notes: string[];
  remove(): void;
}

/**
 * Creates (or reuses, when --keep-worktree left one behind) a worktree of `sha`,
 * then installs and builds @bridgekit/parser and its dependencies in it.
 * Failures are returned as notes: the caller skips what the base cannot run.
 */
export function prepareWorktree(sha: string, keep: boolean): Worktree {
  const dir = join(tmpdir(), `bridgekit-gate-${sha.slice(0, 12)}`);
  const notes: string[] = [];
  let reuse = false;
  try {
    reuse = existsSync(join(dir, ".git")) && git(["rev-parse", "HEAD"], dir) === sha;
  } catch {
    reuse = false;
  }
  if (!reuse) {
    if (existsSync(dir)) {
      // left behind by an interrupted run: drop it, registered or not
      rmSync(dir, { recursive: true, force: true });
      git(["worktree", "prune"]);
    }
    progress(`gate: creating worktree of ${sha.slice(0, 12)} in ${dir}`);
    git(["worktree", "add", "--detach", dir, sha]);
  }
  const lock = process.env.BRIDGE_BENCH_PNPM_LOCK ?? join(tmpdir(), "pnpm.lock");
  const pnpmInstall = (frozen: boolean): { ok: boolean; tail: string } => {
    const install = ["pnpm", "install", frozen ? "--frozen-lockfile" : "--no-frozen-lockfile", "--prefer-offline"];
    progress(`gate: installing base dependencies (${install.join(" ")})`);
    return hasCommand("flock") ? run("flock", [lock, ...install], dir, "install") : run(install[0]!, install.slice(1), dir, "install");
  };
  let inst = pnpmInstall(true);
  if (!inst.ok) {
    // A base whose lockfile lags its package.json files is still worth measuring.
    notes.push(`base: frozen-lockfile install failed, installed with --no-frozen-lockfile (${inst.tail.split("\n").slice(-2).join(" ")})`);
    inst = pnpmInstall(false);
  }
  if (!inst.ok) notes.push(`base install failed:\n${inst.tail}`);
  progress("gate: building base parser and engine");
  const build = run("pnpm", ["exec", "turbo", "run", "build", "--filter=@bridgekit/parser...", "--filter=@bridgekit/engine...", "--output-logs=errors-only"], dir, "build");
  if (!build.ok) notes.push(`base build failed (rows it cannot run are skipped):\n${build.tail}`);
  return {
    dir,
    notes,
    remove() {
      if (keep) return;
      try {
        execFileSync("git", ["worktree", "remove", "--force", dir], { cwd: REPO_ROOT, stdio: "ignore" });
      } catch {
        // already gone
      }
    },
  };
}

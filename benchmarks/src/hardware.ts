// Hardware identity and git provenance of a run. Absolute figures are only
// comparable within one hardware id: CPU model slug + core count + Node major,
// e.g. "amd-epyc-2c-node20".
import { execFileSync } from "node:child_process";
import { cpus, totalmem } from "node:os";
import { IMPL_ROOT, REPO_ROOT } from "./paths.js";

export interface Hardware {
  id: string;
  cpu: string;
  cores: number;
  node: string;
  platform: string;
  arch: string;
  memoryGb: number;
}

export function cpuSlug(model: string): string {
  return model
    .toLowerCase()
    .replace(/\((r|tm)\)/g, "")
    .replace(/@.*$/, "")
    .replace(/\b(cpu|processor|\d+-core)\b/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

export function hardwareInfo(): Hardware {
  const list = cpus();
  const cpu = (list[0]?.model ?? "unknown-cpu").trim();
  const cores = list.length;
  const major = process.versions.node.split(".")[0];
  return {
    id: `${cpuSlug(cpu) || "unknown-cpu"}-${cores}c-node${major}`,
    cpu,
    cores,
    node: process.versions.node,
    platform: process.platform,
    arch: process.arch,
    memoryGb: Math.round(totalmem() / 2 ** 30),
  };
}

export function git(args: string[], cwd = REPO_ROOT): string {
  return execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();
}

/** HEAD commit of the measured checkout, and whether its packages/ have uncommitted changes. */
export function currentCommit(): { commit: string; dirty: boolean } {
  let commit = "unknown";
  let dirty = false;
  try {
    commit = git(["rev-parse", "HEAD"], IMPL_ROOT);
    dirty = git(["status", "--porcelain", "--", "packages"], IMPL_ROOT).length > 0;
  } catch {
    // not a git checkout: leave "unknown"
  }
  return { commit, dirty };
}

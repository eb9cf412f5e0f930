// History: one JSON line per recorded run in benchmarks/history/<hardware-id>.jsonl
// (commit, date, mode, and per row the cost vs hand-written of each engine
// variant). The report draws its charts from these files.
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { HISTORY_DIR } from "./paths.js";
import type { SuiteResult } from "./suite.js";

export interface HistoryLine {
  commit: string;
  dirty: boolean;
  date: string;
  mode: "full" | "quick";
  /** row id -> { variant -> cost vs floor } */
  cost: Record<string, Record<string, number>>;
}

export function historyLine(result: SuiteResult): HistoryLine {
  const cost: HistoryLine["cost"] = {};
  for (const row of Object.values(result.rows)) {
    if (row.status !== "ok") continue;
    const entry: Record<string, number> = {};
    for (const [name, v] of Object.entries(row.variants)) {
      if (name !== row.floor) entry[name] = Number(v.cost.toFixed(4));
    }
    cost[row.id] = entry;
  }
  return { commit: result.commit, dirty: result.dirty, date: result.date, mode: result.mode, cost };
}

export function appendHistory(result: SuiteResult): string {
  mkdirSync(HISTORY_DIR, { recursive: true });
  const file = join(HISTORY_DIR, `${result.hardware.id}.jsonl`);
  appendFileSync(file, JSON.stringify(historyLine(result)) + "\n");
  return file;
}

/** Every history file: hardware id -> lines in file order. */
export function readAllHistory(): Map<string, HistoryLine[]> {
  const out = new Map<string, HistoryLine[]>();
  if (!existsSync(HISTORY_DIR)) return out;
  for (const f of readdirSync(HISTORY_DIR).filter((n) => n.endsWith(".jsonl")).sort()) {
    const lines = readFileSync(join(HISTORY_DIR, f), "utf8")
      .split("\n")
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as HistoryLine);
    out.set(f.replace(/\.jsonl$/, ""), lines);
  }
  return out;
}

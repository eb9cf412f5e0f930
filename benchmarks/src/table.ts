// Terminal tables for suite results: absolute timings per variant, then the
// cost ratios beside the reference implementation's and our targets.
import type { VariantName } from "./rows.js";
import type { RowResult, SuiteResult } from "./suite.js";

export function fmtNs(ns: number | undefined): string {
  if (ns === undefined || !Number.isFinite(ns)) return "-";
  if (ns < 1e3) return `${ns.toFixed(0)} ns`;
  if (ns < 1e6) return `${(ns / 1e3).toFixed(ns < 1e4 ? 2 : 1)} µs`;
  return `${(ns / 1e6).toFixed(2)} ms`;
}

export function fmtOps(ops: number | undefined): string {
  if (ops === undefined || !Number.isFinite(ops)) return "-";
  if (ops >= 1e6) return `${(ops / 1e6).toFixed(2)}M`;
  if (ops >= 1e4) return `${(ops / 1e3).toFixed(1)}K`;
  return ops.toFixed(0);
}

export function fmtX(x: number | undefined): string {
  if (x === undefined || !Number.isFinite(x)) return "-";
  return `${x < 10 ? x.toFixed(2) : x.toFixed(1)}x`;
}

/** Renders rows of cells with padded columns; the first column is left-aligned. */
export function renderTable(header: string[][], body: string[][]): string {
  const all = [...header, ...body];
  const cols = Math.max(...all.map((r) => r.length));
  const widths = Array.from({ length: cols }, (_, c) => Math.max(...all.map((r) => (r[c] ?? "").length)));
  const line = (r: string[]): string =>
    r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join("  ").trimEnd();
  const rule = widths.map((w) => "-".repeat(w)).join("  ");
  return [...header.map(line), rule, ...body.map(line)].join("\n");
}

const EXEC_ORDER: VariantName[] = ["prepared", "executeBridge", "handwritten"];
const PARSE_ORDER: VariantName[] = ["parseBridge", "JSON.parse"];

function timingCells(row: RowResult, order: VariantName[]): string[] {
  return order.flatMap((name) => {
    const v = row.variants[name];
    return v ? [fmtOps(v.opsPerSec), fmtNs(v.meanNs), fmtNs(v.p99Ns)] : ["-", "-", "-"];
  });
}

export function timingTable(result: SuiteResult): string {
  const rows = Object.values(result.rows);
  const header = [
    ["", "prepared", "", "", "executeBridge", "", "", "hand-written", "", ""],
    ["row", "ops/s", "mean", "p99", "ops/s", "mean", "p99", "ops/s", "mean", "p99"],
  ];
  const body = rows.map((r) => {
    if (r.status !== "ok") return [r.id, `skipped: ${r.reason ?? ""}`];
    if (r.kind === "parse") {
      const [a, b, c, d, e, f] = timingCells(r, PARSE_ORDER);
      return [`${r.id} (parseBridge | JSON.parse)`, a!, b!, c!, "", "", "", d!, e!, f!];
    }
    return [r.id, ...timingCells(r, EXEC_ORDER)];
  });
  return renderTable(header, body);
}

export function costTable(result: SuiteResult): string {
  const header = [
    ["", "ours (same run)", "", "reference", "", "", ""],
    ["row", "prepared", "executeBridge", "interp", "AOT", "target", "meets"],
  ];
  const body = Object.values(result.rows).map((r) => {
    if (r.kind === "parse") {
      const p = r.variants.parseBridge;
      const us = p ? `${(p.medianNs / 1e3).toFixed(1)} µs/parse` : "-";
      const ref = r.referenceParseUs ? `ref ~${r.referenceParseUs} µs` : "";
      return [`${r.id} (vs JSON.parse)`, fmtX(p?.cost), us, ref, "", "", ""];
    }
    const cost = r.variants.prepared?.cost;
    const ref = r.reference;
    const meets = cost === undefined || !ref ? "-" : cost <= ref.target ? "yes" : "no";
    return [r.id, fmtX(cost), fmtX(r.variants.executeBridge?.cost), fmtX(ref?.interpreter), fmtX(ref?.compiler), fmtX(ref?.target), meets];
  });
  return renderTable(header, body);
}

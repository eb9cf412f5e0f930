// Tool-per-element rows: an array whose every element goes through a pipe
// tool (`enrich:it`), once with async tools and once with tools marked
// `.bridge = { sync: true }`, which an engine may call without awaiting.
import { ENRICHED } from "./texts.js";
import type { BenchTool, BenchTools, ExecScenario } from "./types.js";

interface Item {
  id: number;
  name: string;
}

function enrichTools(n: number): BenchTools {
  return {
    api: async () => ({
      items: Array.from({ length: n }, (_, i) => ({ id: i, name: `item-${i}` })),
    }),
    enrich: async (p: { in: Item }) => ({ a: p.in.id * 10, b: p.in.name.toUpperCase() }),
  };
}

function enrichSyncTools(n: number): BenchTools {
  const api: BenchTool = () => ({
    items: Array.from({ length: n }, (_, i) => ({ id: i, name: `item-${i}` })),
  });
  api.bridge = { sync: true };
  const enrich: BenchTool = (p: { in: Item }) => ({ a: p.in.id * 10, b: p.in.name.toUpperCase() });
  enrich.bridge = { sync: true };
  return { api, enrich };
}

export function toolPerElementScenarios(): ExecScenario[] {
  const list: ExecScenario[] = [];
  for (const [prefix, label, make] of [
    ["tool-per-element", "array + tool-per-element", enrichTools],
    ["sync-tool-per-element", "array + SYNC tool-per-element", enrichSyncTools],
  ] as const) {
    for (const n of [10, 100]) {
      list.push({
        id: `${prefix}-${n}`,
        title: `exec: ${label} ${n}`,
        kind: "exec",
        text: ENRICHED,
        operation: "Query.enriched",
        input: () => ({}),
        tools: make(n),
      });
    }
  }
  return list;
}

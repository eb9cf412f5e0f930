// Array rows: a flat array of N items and nested arrays of O x I items, each
// produced by one async tool. The tools build their arrays with
// Array.from({ length }, fn) on purpose: that generic array-like path is part
// of every figure (engines and hand-written alike), as in the reference bench.
import { FLAT, NESTED } from "./texts.js";
import type { BenchTools, ExecScenario } from "./types.js";

function flatTools(n: number): BenchTools {
  return {
    api: async () => ({
      items: Array.from({ length: n }, (_, i) => ({ id: i, name: `item-${i}`, value: i * 10 })),
    }),
  };
}

function nestedTools(outer: number, inner: number): BenchTools {
  return {
    api: async () => ({
      connections: Array.from({ length: outer }, (_, i) => ({
        id: `c${i}`,
        sections: Array.from({ length: inner }, (_, j) => ({
          name: `Train-${i}-${j}`,
          departure: `Station-A-${j}`,
          arrival: `Station-B-${j}`,
        })),
      })),
    }),
  };
}

export function arrayScenarios(): ExecScenario[] {
  const list: ExecScenario[] = [];
  for (const n of [10, 100, 1000]) {
    list.push({
      id: `flat-${n}`,
      title: `exec: flat array ${n} items`,
      kind: "exec",
      text: FLAT,
      operation: "Query.flatArray",
      input: () => ({}),
      tools: flatTools(n),
    });
  }
  for (const [outer, inner] of [
    [5, 5],
    [10, 10],
    [20, 10],
  ] as const) {
    list.push({
      id: `nested-${outer}x${inner}`,
      title: `exec: nested array ${outer}x${inner}`,
      kind: "exec",
      text: NESTED,
      operation: "Query.nested",
      input: () => ({}),
      tools: nestedTools(outer, inner),
    });
  }
  return list;
}

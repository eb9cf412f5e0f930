// Scalar exec rows: no tools, an overdefinition bypass, one tool, and a chain
// of three tools. They measure the fixed cost of one execution.
import { CHAINED, PASSTHROUGH, SHORT_CIRCUIT, SIMPLE } from "./texts.js";
import type { ExecScenario } from "./types.js";

export function basicScenarios(): ExecScenario[] {
  return [
    {
      id: "passthrough",
      title: "exec: passthrough (no tools)",
      kind: "exec",
      text: PASSTHROUGH,
      operation: "Query.passthrough",
      input: () => ({ id: "123", name: "Alice" }),
      tools: {},
    },
    {
      id: "short-circuit",
      title: "exec: short-circuit (overdefinition bypass)",
      kind: "exec",
      text: SHORT_CIRCUIT,
      operation: "Query.shortCircuit",
      input: () => ({ cached: "instant_data" }),
      tools: {
        expensiveApi: async () => {
          throw new Error("Should not be called!");
        },
      },
    },
    {
      id: "simple-chain",
      title: "exec: simple chain (1 tool)",
      kind: "exec",
      text: SIMPLE,
      operation: "Query.simple",
      input: () => ({ q: "hello" }),
      tools: { api: async (p: { q: string }) => ({ answer: p.q + "!" }) },
    },
    {
      id: "chained-3",
      title: "exec: chained 3-tool fan-out",
      kind: "exec",
      text: CHAINED,
      operation: "Query.chained",
      input: () => ({ q: "test" }),
      tools: {
        svcA: async () => ({ lat: 52.53, lon: 13.38 }),
        svcB: async () => ({ id: "b-42" }),
        svcC: async () => ({ name: "Berlin", score: 95 }),
      },
    },
  ];
}

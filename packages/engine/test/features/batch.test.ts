/**
 * Batched tools and the caller's signal (R-BATCH-3, R-BATCH-5, R-ABORT-1..3):
 * chunks run one after another, and the signal is checked before each chunk,
 * so an abort during one chunk fails the items of every later chunk with the
 * fatal BridgeAbortError without calling the function again. (Batching over
 * JSON values is in test/fixtures/batch.)
 */
import { expect } from "vitest";
import { defineSuite, sleep, tool, type HardeningCase } from "../hardening/support.js";

/** `o <- i.ids[] as id { … }` with a loop-scoped batched `people`; `.name` has a catch. */
const SOURCE = `version 1.5
bridge Query.run {
  with input as i
  with output as o
  o <- i.ids[] as id {
    with people as p
    p.id <- id
    .name <- p.name catch "unknown"
  }
}`;

/** A batched tool with chunks of `size` that takes 30 ms per chunk and records each chunk's ids in `state.chunks`. */
const people = (size: number) => (state: Record<string, unknown>) => {
  const chunks: unknown[][] = (state.chunks = []);
  return {
    people: tool(
      async (inputs: { id: string }[]) => {
        chunks.push(inputs.map((x) => x.id));
        await sleep(30);
        return inputs.map((x) => ({ name: `p-${x.id}` }));
      },
      { batch: { maxBatchSize: size } },
    ),
  };
};

const cases: HardeningCase[] = [
  {
    name: "R-ABORT-1: an abort during a chunk fails the later chunks without calling them (catch does not absorb it)",
    source: SOURCE,
    input: () => ({ ids: ["a", "b", "c"] }),
    tools: people(1),
    options: { abortAfterMs: 5 },
    expect: { error: { class: "BridgeAbortError", message: "Execution aborted by external signal" } },
    check: async ({ built }) => {
      await sleep(50);
      expect(built.state.chunks).toEqual([["a"]]);
    },
  },
  {
    name: "R-BATCH-3: without an abort every chunk runs, one after another",
    source: SOURCE,
    input: () => ({ ids: ["a", "b", "c"] }),
    tools: people(2),
    expect: { data: [{ name: "p-a" }, { name: "p-b" }, { name: "p-c" }] },
    check: ({ built }) => {
      expect(built.state.chunks).toEqual([["a", "b"], ["c"]]);
    },
  },
];

defineSuite("features-batch", { "batch chunks and the caller's signal (R-BATCH-3, R-ABORT-1)": cases });

/**
 * Errors in overdefinition groups of tool inputs vs output fields (R-OVER-4,
 * Q-27): in an output group an error of an earlier wire is raised when no
 * later wire yields a non-nullish value; in a tool-input group the error is
 * forgotten as soon as a later wire succeeds with a nullish value (the tool
 * is then called with that value). An error after a nullish value, or two
 * errors, still fail in both. Rows cover synchronous and asynchronous wires,
 * and an async wire yielding `undefined` (not only `null`) falls through
 * (R-OVER-2).
 */
import { describe, expect, it } from "vitest";
import { run, runError, tool } from "../behaviour/support.js";

/** `e.q` (an input of tool `echo`) and `o.x` are each written by `wires`, in order. */
const S = (target: "input" | "output", wires: string[]): string => `version 1.5
bridge Query.run {
  with input as i
  with t1
  with t2
  with slow
  with echo as e
  with output as o
${wires.map((w) => (target === "input" ? `  e.q <- ${w}` : `  o.x <- ${w}`)).join("\n")}
${target === "input" ? "  o.x <- e.q" : ""}
}`;

interface Row {
  name: string;
  wires: string[];
  /** Data of the input-group bridge, or its error message. */
  input: { x: unknown } | { error: string };
  /** Data of the output-group bridge, or its error message. */
  output: { x: unknown } | { error: string };
  /** Tools called (besides echo), in order; the same for both bridges. */
  calls: string[];
}

const DEEP = "Cannot read properties of undefined (reading 'deep')";

const rows: Row[] = [
  {
    name: "Q-27: a sync error then a nullish value",
    wires: ["i.nope.deep", "i.n"],
    input: { x: null },
    output: { error: DEEP },
    calls: [],
  },
  {
    name: "R-OVER-4: a nullish value then a sync error fails both",
    wires: ["i.n", "i.nope.deep"],
    input: { error: DEEP },
    output: { error: DEEP },
    calls: [],
  },
  {
    name: "R-OVER-4: a sync error then a value wins in both",
    wires: ["i.nope.deep", "i.s"],
    input: { x: "S" },
    output: { x: "S" },
    calls: [],
  },
  {
    name: "Q-27: an async failure then an async nullish value",
    wires: ["t1.v", "t2.v"],
    input: { x: null },
    output: { error: "t1 down" },
    calls: ["t1", "t2"],
  },
  {
    name: "Q-27: an async failure then a sync nullish value (cost 5)",
    wires: ["t1.v", "slow.v"],
    input: { x: null },
    output: { error: "t1 down" },
    calls: ["t1", "slow"],
  },
  {
    name: "R-OVER-4: an async failure then an async failure keeps the last error",
    wires: ["t1.v", "t1.w"],
    input: { error: "t1 down" },
    output: { error: "t1 down" },
    calls: ["t1"],
  },
];

describe("errors in input vs output overdefinition groups (R-OVER-4, Q-27)", () => {
  for (const target of ["input", "output"] as const) {
    it.each(rows)(`${target} group: $name`, async (row) => {
      const calls: string[] = [];
      const tools = {
        t1: tool(async () => {
          calls.push("t1");
          await Promise.resolve();
          throw new Error("t1 down");
        }),
        t2: tool(async () => {
          calls.push("t2");
          await Promise.resolve();
          return { v: null };
        }),
        slow: tool(
          () => {
            calls.push("slow");
            return { v: null };
          },
          { sync: true, cost: 5 },
        ),
        echo: tool((x: { q?: unknown }) => x),
      };
      const options = { input: { n: null, s: "S" }, tools };
      const want = row[target];
      if ("error" in want) {
        const err = await runError(S(target, row.wires), options);
        expect({ class: err.name, message: err.message }).toEqual({ class: "BridgeRuntimeError", message: want.error });
      } else {
        const r = await run(S(target, row.wires), options);
        expect(r.data).toStrictEqual(want);
      }
      expect(calls).toEqual(row.calls);
    });
  }
});

describe("an async wire yielding undefined falls through (R-OVER-2)", () => {
  it("R-OVER-2: the next wire is tried and wins", async () => {
    const calls: string[] = [];
    const make = (name: string, result: Record<string, unknown>) =>
      tool(async () => {
        calls.push(name);
        await Promise.resolve();
        return result;
      });
    const source = `version 1.5
bridge Query.run {
  with t1
  with t2
  with output as o
  o.x <- t1.v
  o.x <- t2.v
}`;
    const r = await run(source, { tools: { t1: make("t1", {}), t2: make("t2", { v: "T2" }) } });
    expect(r.data).toStrictEqual({ x: "T2" });
    expect(calls).toEqual(["t1", "t2"]);
  });
});

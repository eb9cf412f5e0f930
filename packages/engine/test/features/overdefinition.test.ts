/**
 * Overdefinition groups (R-OVER-1..4): wires to one target are tried in cost
 * order (R-OVER-3: input references cost 0, async tools 2, ties keep source
 * order) until one yields a non-nullish value (R-OVER-2); errors of earlier
 * wires are raised only when no later wire yields a value (R-OVER-4), and a
 * fatal error (panic) stops the group. Rows cover synchronous and
 * asynchronous (Promise-returning) wires.
 */
import { describe, expect, it } from "vitest";
import { run, runError, tool } from "../behaviour/support.js";

/** A bridge whose output field `x` is written by each of `wires` in order. */
const S = (wires: string[]): string => `version 1.5
bridge Query.run {
  with input as i
  with t1
  with t2
  with output as o
${wires.map((w) => `  o.x <- ${w}`).join("\n")}
}`;

interface Row {
  name: string;
  wires: string[];
  input?: Record<string, unknown>;
  /** Outcome of each tool: a value for `.v`, or an Error to throw (asynchronously). */
  t1?: unknown;
  t2?: unknown;
  expect: { x: unknown } | { error: string; class: string };
  /** Tools called, in order. */
  calls: string[];
}

const rows: Row[] = [
  { name: "R-OVER-2: a null first wire falls through to the next", wires: ["i.a", "i.b"], input: { a: null, b: "B" }, expect: { x: "B" }, calls: [] },
  { name: "R-OVER-2: an undefined first wire falls through to the next", wires: ["i.a", "i.b"], input: { b: "B" }, expect: { x: "B" }, calls: [] },
  { name: "R-OVER-2: a non-nullish first wire wins", wires: ["i.a", "i.b"], input: { a: "A", b: "B" }, expect: { x: "A" }, calls: [] },
  { name: "R-OVER-2: a falsy non-nullish first wire wins", wires: ["i.a", "i.b"], input: { a: 0, b: "B" }, expect: { x: 0 }, calls: [] },
  { name: "R-OVER-2: all nullish gives the last value", wires: ["i.a", "i.b"], input: { a: undefined, b: null }, expect: { x: null }, calls: [] },
  { name: "R-OVER-2: an async wire's non-nullish value wins", wires: ["t1.v", "t2.v"], t1: "T1", t2: "T2", expect: { x: "T1" }, calls: ["t1"] },
  { name: "R-OVER-2: an async wire's nullish value falls through", wires: ["t1.v", "t2.v"], t1: null, t2: "T2", expect: { x: "T2" }, calls: ["t1", "t2"] },
  {
    name: "R-OVER-4: an async wire's failure falls through to the next wire",
    wires: ["t1.v", "t2.v"],
    t1: new Error("t1 down"),
    t2: "T2",
    expect: { x: "T2" },
    calls: ["t1", "t2"],
  },
  {
    name: "R-OVER-4: an async wire's failure is raised when no later wire yields a value",
    wires: ["t1.v", "t2.v"],
    t1: new Error("t1 down"),
    t2: null,
    expect: { error: "t1 down", class: "BridgeRuntimeError" },
    calls: ["t1", "t2"],
  },
  {
    name: "R-OVER-4: a panic after an async wire stops the group",
    wires: ['t1.v || panic "stop"', "t2.v"],
    t1: null,
    t2: "T2",
    expect: { error: "stop", class: "BridgePanicError" },
    calls: ["t1"],
  },
  {
    name: "R-OVER-3: an input wire (cost 0) is tried before an earlier async tool wire (cost 2)",
    wires: ["t1.v", "i.a"],
    input: { a: "A" },
    t1: "T1",
    expect: { x: "A" },
    calls: [],
  },
  {
    name: "R-OVER-3: the async tool wire is tried after a nullish input wire",
    wires: ["t1.v", "i.a"],
    input: {},
    t1: "T1",
    expect: { x: "T1" },
    calls: ["t1"],
  },
];

describe("overdefinition groups (R-OVER-2..4)", () => {
  it.each(rows)("$name", async (row) => {
    const calls: string[] = [];
    const make = (name: string, outcome: unknown) =>
      tool(async () => {
        calls.push(name);
        await Promise.resolve();
        if (outcome instanceof Error) throw outcome;
        return { v: outcome };
      });
    const options = { input: row.input ?? {}, tools: { t1: make("t1", row.t1), t2: make("t2", row.t2) } };
    if ("error" in row.expect) {
      const err = await runError(S(row.wires), options);
      expect({ class: err.name, message: err.message }).toEqual({ class: row.expect.class, message: row.expect.error });
    } else {
      const r = await run(S(row.wires), options);
      expect(r.data).toStrictEqual(row.expect);
    }
    expect(calls).toEqual(row.calls);
  });
});

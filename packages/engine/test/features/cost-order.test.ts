/**
 * Cost order of an overdefinition group by expression kind (R-OVER-3): a
 * define reference costs 2, a pipe and an array mapping cost their source
 * (Q-26: the piped tool is not counted), `not` its operand, binary
 * operators, ternaries and templates the maximum over their parts, inputs 0,
 * and a tool reference its `.bridge.cost`. Wires are written dearest first,
 * so every row shows the cost order overriding source order: the tools that
 * get called, in order, and the value that wins (R-OVER-2).
 */
import { describe, expect, it } from "vitest";
import { run, tool } from "../behaviour/support.js";

/** Output field `x` written by each of `wires` in source order. */
const S = (wires: string[]): string => `version 1.5
define dfn {
  with dt
  with output as out
  out.v <- dt.v
}
bridge Query.run {
  with input as i
  with t1
  with t3
  with p
  with dfn as d
  with output as o
${wires.map((w) => `  o.x <- ${w}`).join("\n")}
}`;

interface Row {
  name: string;
  wires: string[];
  /** `.v` of t1 (cost 1), t3 (cost 3) and dt (the define's tool); defaults 10, 30, 20. */
  t1?: unknown;
  t3?: unknown;
  dt?: unknown;
  x: unknown;
  calls: string[];
}

const input = { a: 1, b: 2, s: "S" };

const rows: Row[] = [
  { name: "a define (2) is tried after a cost-1 tool written after it", wires: ["d.v", "t1.v"], x: 10, calls: ["t1"] },
  { name: "a define (2) is tried when the cost-1 tool gives null", wires: ["d.v", "t1.v"], t1: null, x: 20, calls: ["t1", "dt"] },
  { name: "a define (2) is tried before a cost-3 tool written before it", wires: ["t3.v", "d.v"], x: 20, calls: ["dt"] },
  { name: "Q-26: a pipe of an input costs 0 though its tool costs 3", wires: ["t1.v", "p:i.a"], x: { piped: 1 }, calls: ["p"] },
  { name: "a pipe of a cost-3 tool costs 3", wires: ["t3.v", "p:t3.v", "t1.v"], x: 10, calls: ["t1"] },
  { name: "a pipe of a cost-3 tool is tried after a null cost-1 tool", wires: ["p:t3.v", "t1.v"], t1: null, x: { piped: 30 }, calls: ["t1", "t3", "p"] },
  { name: "`not` of a cost-3 tool costs 3", wires: ["not t3.v", "t1.v"], x: 10, calls: ["t1"] },
  { name: "`not` of an input costs 0", wires: ["t1.v", "not i.a"], x: false, calls: [] },
  { name: "a binary with a cost-3 right operand costs 3", wires: ["i.a + t3.v", "t1.v"], x: 10, calls: ["t1"] },
  { name: "a binary with a cost-3 operand deep in its left spine costs 3", wires: ["t3.v + i.a + i.b", "t1.v"], x: 10, calls: ["t1"] },
  { name: "a binary over inputs costs 0", wires: ["t1.v", "i.a + i.b"], x: 3, calls: [] },
  { name: "a binary is tried after a null cost-1 tool", wires: ["i.a + t3.v", "t1.v"], t1: null, x: 31, calls: ["t1", "t3"] },
  { name: "a ternary with a cost-3 else branch costs 3", wires: ["i.a ? i.b : t3.v", "t1.v"], x: 10, calls: ["t1"] },
  { name: "a ternary with a cost-3 then branch costs 3", wires: ["i.a ? t3.v : i.b", "t1.v"], x: 10, calls: ["t1"] },
  { name: "a ternary with a cost-3 condition costs 3", wires: ["t3.v ? i.a : i.b", "t1.v"], x: 10, calls: ["t1"] },
  { name: "a ternary over inputs costs 0", wires: ["t1.v", "i.a ? i.b : i.s"], x: 2, calls: [] },
  { name: "a template with a cost-3 placeholder costs 3", wires: ['"n={t3.v}"', "t1.v"], x: 10, calls: ["t1"] },
  { name: "a template's cost is its dearest placeholder", wires: ['"{i.s}-{t3.v}-{i.a}"', "t1.v"], x: 10, calls: ["t1"] },
  { name: "a template of inputs costs 0", wires: ["t1.v", '"n={i.s}"'], x: "n=S", calls: [] },
];

const arrayRows: Row[] = [
  {
    name: "an array mapping of a cost-3 tool costs 3",
    wires: ["t3.items[] as it {\n    .n <- it\n  }", "t1.items"],
    x: [1],
    calls: ["t1"],
  },
  {
    name: "an array mapping of an input costs 0",
    wires: ["t1.items", "i.xs[] as it {\n    .n <- it\n  }"],
    x: [{ n: 7 }],
    calls: [],
  },
];

describe("cost order by expression kind (R-OVER-3)", () => {
  it.each([...rows, ...arrayRows])("R-OVER-3: $name", async (row) => {
    const calls: string[] = [];
    const make = (name: string, v: unknown, cost?: number) =>
      tool(
        () => {
          calls.push(name);
          return { v, items: [v === 10 ? 1 : 3] };
        },
        cost === undefined ? undefined : { cost },
      );
    const tools = {
      t1: make("t1", row.t1 === undefined ? 10 : row.t1, 1),
      t3: make("t3", row.t3 === undefined ? 30 : row.t3, 3),
      dt: make("dt", row.dt === undefined ? 20 : row.dt),
      p: tool(
        (x: { in: unknown }) => {
          calls.push("p");
          return { piped: x.in };
        },
        { cost: 3 },
      ),
    };
    const r = await run(S(row.wires), { input: { ...input, xs: [7] }, tools });
    expect(r.data).toStrictEqual({ x: row.x });
    expect(calls).toEqual(row.calls);
  });
});

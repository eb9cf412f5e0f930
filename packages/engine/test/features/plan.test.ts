/**
 * Element aliases read by plain field reads (lanes, prepare/plan.ts): an
 * element alias is evaluated once per element however many fields read it
 * (R-ALIAS-2, R-PIPE-1), whether its reads are consecutive plain fields, are
 * interleaved with other fields, or include reads inside expressions. Each row
 * pipes the element into `enrich` and checks the data and the calls made.
 */
import { describe, expect, it } from "vitest";
import { run, tool } from "../behaviour/support.js";
import { PIPE, enrichItems as S } from "./sources.js";

/** Runs the body over two elements; `enrich` answers synchronously or with a Promise. */
async function mapItems(body: string[], answer: "sync" | "async"): Promise<{ data: unknown; seen: number[] }> {
  const seen: number[] = [];
  const enrich = tool((input: { in: { id: number } }) => {
    seen.push(input.in.id);
    const result = { a: input.in.id * 10, b: `b${input.in.id}` };
    return answer === "sync" ? result : Promise.resolve(result);
  });
  const r = await run(S(body), { input: { items: [{ id: 1, x: "x1" }, { id: 2, x: "x2" }] }, tools: { enrich } });
  return { data: r.data, seen };
}

const rows: { name: string; body: string[]; data: unknown }[] = [
  {
    name: "consecutive plain reads of the alias",
    body: [PIPE, ".a <- r.a", ".b <- r.b"],
    data: [
      { a: 10, b: "b1" },
      { a: 20, b: "b2" },
    ],
  },
  {
    name: "a plain read followed by a read inside an expression",
    body: [PIPE, ".a <- r.a", ".b <- r.a + 1"],
    data: [
      { a: 10, b: 11 },
      { a: 20, b: 21 },
    ],
  },
  {
    name: "a read inside an expression followed by plain reads",
    body: [PIPE, ".c <- r.a * 2", ".a <- r.a", ".b <- r.b"],
    data: [
      { c: 20, a: 10, b: "b1" },
      { c: 40, a: 20, b: "b2" },
    ],
  },
  {
    name: "plain reads separated by an iterator field",
    body: [PIPE, ".a <- r.a", ".x <- it.x", ".b <- r.b"],
    data: [
      { a: 10, x: "x1", b: "b1" },
      { a: 20, x: "x2", b: "b2" },
    ],
  },
  {
    name: "plain reads separated by a read of another alias",
    body: [PIPE, "alias q <- it.x", ".a <- r.a", ".x <- q", ".b <- r.b"],
    data: [
      { a: 10, x: "x1", b: "b1" },
      { a: 20, x: "x2", b: "b2" },
    ],
  },
  {
    name: "an iterator field before the plain reads",
    body: [PIPE, ".x <- it.x", ".a <- r.a", ".b <- r.b"],
    data: [
      { x: "x1", a: 10, b: "b1" },
      { x: "x2", a: 20, b: "b2" },
    ],
  },
];

describe("element alias reads (R-ALIAS-2, R-PIPE-1)", () => {
  // A mapping that waited for calls that were never pending would never settle: the short timeout fails it.
  const table = rows.flatMap((row) => (["sync", "async"] as const).map((answer) => ({ ...row, answer })));
  it.each(table)("R-ALIAS-2: $name, enrich answering $answer: one call per element", { timeout: 5000 }, async ({ body, data, answer }) => {
    const out = await mapItems(body, answer);
    expect(out.data).toStrictEqual(data);
    expect(out.seen).toEqual([1, 2]);
  });
});

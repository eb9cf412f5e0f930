/**
 * Memo keys for values JSON cannot write (R-MEMO-1, D-6): every input that a
 * tool could tell apart gets its own key, and equal inputs share one call.
 * Primitive kinds are type-tagged (`1`, `1n`, `"1"`, `true` differ; `-0` is
 * not `0`), Dates are keyed by time, and values with no structural encoding
 * (functions, symbols, class instances) by identity.
 *
 * Each row maps `i.xs` with a memoized loop-scoped tool (R-MEMO-2: one cache
 * per declaration, shared by all elements) that returns its call number, so
 * the data shows which elements shared a call.
 */
import { describe, expect, it } from "vitest";
import { run, tool } from "../behaviour/support.js";

const SOURCE = `version 1.5
bridge Query.run {
  with input as i
  with output as o
  o <- i.xs[] as x {
    with probe as p memoize
    p.v <- x.v
    .n <- p.n
  }
}`;

/** Runs SOURCE over elements `{ v }` for each value; returns the call number per element and the inputs seen. */
async function memoRun(values: unknown[]): Promise<{ calls: number[]; seen: unknown[] }> {
  const seen: unknown[] = [];
  const probe = tool(
    (input: { v: unknown }) => {
      seen.push(input.v);
      return { n: seen.length };
    },
    { sync: true },
  );
  const r = await run<{ n: number }[]>(SOURCE, { input: { xs: values.map((v) => ({ v })) }, tools: { probe } });
  return { calls: r.data.map((e) => e.n), seen };
}

class Point {
  constructor(
    readonly x: number,
    readonly y: number,
  ) {}
}

/** An object without a prototype holding `fields`. */
function bare(fields: Record<string, unknown>): object {
  return Object.assign(Object.create(null) as object, fields);
}

const f1 = () => 1;
const f2 = () => 1;
const s1 = Symbol("s");
const s2 = Symbol("s");
const p1 = new Point(1, 2);
const p2 = new Point(1, 2);

interface Row {
  name: string;
  values: unknown[];
  /** The call number each element got (1-based, in call order). */
  calls: number[];
}

const rows: Row[] = [
  { name: "-0 and 0 are different keys; equal zeros share a call", values: [0, -0, 0, -0], calls: [1, 2, 1, 2] },
  { name: "true, false and \"true\" are three keys", values: [true, false, true, "true", false], calls: [1, 2, 1, 3, 2] },
  { name: "a bigint differs from the number and the string of its digits", values: [1n, 1, "1", 1n, 2n], calls: [1, 2, 3, 1, 4] },
  { name: "symbols are keyed by identity, not description", values: [s1, s2, s1], calls: [1, 2, 1] },
  { name: "functions inside an input object are keyed by identity", values: [{ f: f1 }, { f: f2 }, { f: f1 }], calls: [1, 2, 1] },
  { name: "Dates are keyed by their time", values: [new Date(0), new Date(0), new Date(1)], calls: [1, 1, 2] },
  { name: "class instances are keyed by identity, not their fields", values: [p1, p2, p1], calls: [1, 2, 1] },
  { name: "null and undefined are distinct keys", values: [null, undefined, null], calls: [1, 2, 1] },
  { name: "object key order does not matter", values: [{ a: 1, b: 2 }, { b: 2, a: 1 }, { a: 2, b: 1 }], calls: [1, 1, 2] },
  { name: "arrays are keyed by content, not identity", values: [[1, [2]], [1, [2]], [[1, 2]], [1, 2]], calls: [1, 1, 2, 3] },
  { name: "a field holding undefined differs from a missing field", values: [{ a: undefined }, {}, { a: undefined }], calls: [1, 2, 1] },
  { name: "objects without a prototype are keyed by content", values: [bare({ a: 1 }), bare({ a: 1 }), { a: 1 }, bare({ a: 2 })], calls: [1, 1, 1, 2] },
];

describe("memo keys for non-JSON values (R-MEMO-1, R-MEMO-2, D-6)", () => {
  for (const row of rows) {
    it(row.name, async () => {
      const { calls, seen } = await memoRun(row.values);
      expect(calls).toEqual(row.calls);
      // The tool saw the first value of each key, unchanged (toEqual tells -0 from 0).
      const firsts = row.values.filter((_, k) => row.calls.indexOf(row.calls[k]!) === k);
      expect(seen).toEqual(firsts);
    });
  }
});

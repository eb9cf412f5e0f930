/**
 * Trace entries in detail (R-TRACE-*): `durationMs` is end minus start,
 * `startedAt` is the start relative to the execution's start (never an
 * absolute clock reading), failed calls carry `error` and no `output`, and
 * the bounded input copy of level `full` (R-TRACE-3) cuts nested arrays by
 * depth, copies plain and null-prototype objects, keeps other objects as they
 * are, and stores an own `__proto__` key as ordinary writable data.
 * White-box where the engine cannot reach a case (an error entry with an
 * output), through executeBridge otherwise.
 */
import { describe, expect, it } from "vitest";
import { boundedCopy, createTraceCollector, TraceCollector } from "../../src/trace.js";
import { run, tool } from "../behaviour/support.js";

describe("R-TRACE: entry timing", () => {
  it("startedAt is relative to the collector's creation and durationMs is end - start", () => {
    const before = performance.now();
    const c = new TraceCollector("basic");
    const after = performance.now();
    const start = after + 5;
    const end = after + 12.5;
    c.add("t", "fn", start, end, { a: 1 }, { b: 2 }, undefined);
    const [e] = c.traces;
    expect(e!.durationMs).toBe(7.5);
    expect(e!.startedAt).toBeGreaterThanOrEqual(start - after - 0.01);
    expect(e!.startedAt).toBeLessThanOrEqual(start - before + 0.01);
    // level basic: no input/output
    expect(Object.keys(e!).sort()).toEqual(["durationMs", "fn", "startedAt", "tool"]);
  });

  it("an execution's entries start at small offsets from its start", async () => {
    const src = `version 1.5
bridge Query.run {
  with input as i
  with echo as e
  with output as o
  e.v <- i.v
  o.v <- e.v
}`;
    const r = await run(src, { input: { v: 1 }, tools: { echo: tool((x: unknown) => x) }, trace: "basic" });
    expect(r.traces).toHaveLength(1);
    const t = r.traces[0]!;
    expect(t.startedAt).toBeGreaterThanOrEqual(-0.01);
    expect(t.startedAt).toBeLessThan(5_000);
    expect(t.durationMs).toBeGreaterThanOrEqual(0);
  });
});

describe("R-TRACE: error entries", () => {
  it("a failed call has its error and, at level full, its input but no output", () => {
    const c = createTraceCollector("full")!;
    c.add("t", "fn", 1, 2, { a: 1 }, { partial: true }, "boom");
    expect(c.traces[0]).toMatchObject({ tool: "t", fn: "fn", error: "boom", input: { a: 1 } });
    expect("output" in c.traces[0]!).toBe(false);
  });

  it("a successful call at level full has input and output and no error", () => {
    const c = createTraceCollector("full")!;
    c.add("t", "fn", 1, 2, { a: 1 }, { b: 2 }, undefined);
    expect(c.traces[0]).toMatchObject({ input: { a: 1 }, output: { b: 2 } });
    expect("error" in c.traces[0]!).toBe(false);
  });

  it("an empty error string is not recorded as an error", () => {
    const c = createTraceCollector("basic")!;
    c.add("t", "fn", 1, 2, undefined, undefined, "");
    expect("error" in c.traces[0]!).toBe(false);
  });

  it("levels: off creates no collector", () => {
    expect(createTraceCollector("off")).toBeNull();
    expect(createTraceCollector(undefined)).toBeNull();
    expect(createTraceCollector("basic")!.full).toBe(false);
    expect(createTraceCollector("full")!.full).toBe(true);
  });
});

describe("R-TRACE-3: bounded input copies", () => {
  it("keeps null and primitives, copies nested values", () => {
    const input = { a: null, b: [null, 1, "s", true], c: { d: null } };
    const copy = boundedCopy(input, 0) as typeof input;
    expect(copy).toEqual(input);
    expect(copy).not.toBe(input);
    expect(copy.b).not.toBe(input.b);
    expect(copy.c).not.toBe(input.c);
  });

  it("cuts nesting deeper than five levels, in arrays as in objects", () => {
    expect(boundedCopy([[[[[[[1]]]]]]], 0)).toEqual([[[[[["[depth limit]"]]]]]]);
    expect(boundedCopy([[[[[[1]]]]]], 0)).toEqual([[[[[[1]]]]]]);
    expect(boundedCopy({ a: { b: { c: { d: { e: { f: { g: 1 } } } } } } }, 0)).toEqual({
      a: { b: { c: { d: { e: { f: "[depth limit]" } } } } },
    });
  });

  it("keeps non-plain objects as they are and copies null-prototype objects", () => {
    const date = new Date(0);
    const map = new Map([["k", 1]]);
    const copy = boundedCopy({ date, map }, 0) as { date: Date; map: Map<string, number> };
    expect(copy.date).toBe(date);
    expect(copy.map).toBe(map);
    const bare = Object.assign(Object.create(null) as Record<string, unknown>, { s: "x".repeat(2000) });
    const out = boundedCopy(bare, 0) as Record<string, unknown>;
    expect(out).not.toBe(bare);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(out.s).toBe(`${"x".repeat(1024)}... (2000 chars)`);
  });

  it("stores an own __proto__ key as an ordinary data property", () => {
    const input = JSON.parse('{"__proto__": {"x": 1}, "k": 2}') as Record<string, unknown>;
    const copy = boundedCopy(input, 0) as Record<string, unknown>;
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(copy, "__proto__")).toEqual({ value: { x: 1 }, enumerable: true, writable: true, configurable: true });
    expect(Object.getOwnPropertyDescriptor(copy, "k")).toEqual({ value: 2, enumerable: true, writable: true, configurable: true });
    expect(Object.keys(copy)).toEqual(["__proto__", "k"]);
  });

  it("a traced input with nulls is recorded as given (through the engine)", async () => {
    const src = `version 1.5
bridge Query.run {
  with input as i
  with echo as e
  with output as o
  e.v <- i.v
  e.n <- i.n
  o.v <- e.v
}`;
    const r = await run(src, { input: { v: 1, n: null }, tools: { echo: tool((x: unknown) => x) }, trace: "full" });
    expect(r.traces[0]).toMatchObject({ tool: "echo", input: { v: 1, n: null }, output: { v: 1, n: null } });
  });
});

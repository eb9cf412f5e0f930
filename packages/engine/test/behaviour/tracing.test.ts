// Trace levels and entry fields (R-TRACE-1..5), startedAt from execution start, batch entries (R-BATCH-6).
import { describe, expect, it } from "vitest";
import type { ToolTrace } from "../../src/index.js";
import { run, runError, sleep, tool } from "./support.js";

const blocks = `version 1.5
tool bookApi from lib.http {
  .base = "https://books.test"
}
tool bookApi.search from bookApi {
  .path = "/search"
}
bridge Query.run {
  with bookApi.search as s
  with input as i
  with output as o
  s.q <- i.q
  o.items <- s.items
}`;

const http = tool(async (input: Record<string, unknown>) => ({ items: [input.q] }));

describe("trace levels (R-TRACE-1)", () => {
  it("off by default: traces is empty", async () => {
    const { traces } = await run(blocks, { tools: { "lib.http": http }, input: { q: "x" } });
    expect(traces).toEqual([]);
  });

  it('"off" collects nothing, also on errors', async () => {
    const err = await runError(blocks, { tools: { "lib.http": tool(() => Promise.reject(new Error("down"))) }, trace: "off" });
    expect(err.traces).toEqual([]);
  });

  it("basic: tool, fn, durationMs, startedAt; tool is the block name, fn the root function (R-TRACE-3)", async () => {
    const { traces } = await run(blocks, { tools: { "lib.http": http }, input: { q: "x" }, trace: "basic" });
    expect(traces).toHaveLength(1);
    const t = traces[0]!;
    expect(Object.keys(t).sort()).toEqual(["durationMs", "fn", "startedAt", "tool"]);
    expect(t.tool).toBe("bookApi.search");
    expect(t.fn).toBe("lib.http");
    expect(t.durationMs).toBeGreaterThanOrEqual(0);
    expect(t.startedAt).toBeGreaterThanOrEqual(0);
  });

  it("full: input is the assembled input, output the result as returned", async () => {
    const result = { items: ["fixed"] };
    const { traces } = await run(blocks, { tools: { "lib.http": tool(() => result) }, input: { q: "x" }, trace: "full" });
    const t = traces[0]!;
    expect(t.input).toEqual({ base: "https://books.test", path: "/search", q: "x" });
    expect(t.output).toBe(result);
    expect(t.error).toBeUndefined();
  });

  it("full: output is omitted when the result is undefined", async () => {
    const safe = blocks.replace("o.items <- s.items", "o.items <- s?.items");
    const { data, traces } = await run(safe, { tools: { "lib.http": tool(() => undefined) }, input: { q: "x" }, trace: "full" });
    expect(data).toEqual({ items: undefined });
    expect("output" in traces[0]!).toBe(false);
  });
});

describe("failed calls (R-TRACE-3, R-TRACE-5)", () => {
  it("an entry has error and never output", async () => {
    const err = await runError(blocks, { tools: { "lib.http": tool(() => Promise.reject(new Error("down"))) }, trace: "full" });
    const traces = err.traces as ToolTrace[];
    expect(traces).toHaveLength(1);
    expect(traces[0]!.error).toBe("down");
    expect("output" in traces[0]!).toBe(false);
    expect(traces[0]!.input).toEqual({ base: "https://books.test", path: "/search", q: undefined });
  });

  it("error is omitted when the message is empty", async () => {
    const err = await runError(blocks, { tools: { "lib.http": tool(() => Promise.reject(new Error(""))) }, trace: "basic" });
    const traces = err.traces as ToolTrace[];
    expect(traces).toHaveLength(1);
    expect("error" in traces[0]!).toBe(false);
  });

  it("a failure recovered by on error keeps its entry", async () => {
    const source = `version 1.5
tool guarded from lib.http {
  on error = { "items": [] }
}
bridge Query.run {
  with guarded as g
  with output as o
  o.items <- g.items
}`;
    const { data, traces } = await run(source, { tools: { "lib.http": tool(() => Promise.reject(new Error("down"))) }, trace: "basic" });
    expect(data).toEqual({ items: [] });
    expect(traces.map((t) => [t.tool, t.fn, t.error])).toEqual([["guarded", "lib.http", "down"]]);
  });
});

describe("bounded input copies at level full (R-TRACE-3)", () => {
  const echoSource = `version 1.5
bridge Query.run {
  with input as i
  with echo as e
  with output as o
  e <- i
  o.done <- e.done
}`;
  const echo = tool((input: unknown) => input);

  it("cuts strings longer than 1024 characters", async () => {
    const long = "x".repeat(2000);
    const { traces } = await run(echoSource, { tools: { echo }, input: { s: long, short: "y".repeat(1024) }, trace: "full" });
    const input = traces[0]!.input as { s: string; short: string };
    expect(input.short).toBe("y".repeat(1024));
    expect(input.s.startsWith("x".repeat(1024))).toBe(true);
    expect(input.s.endsWith("... (2000 chars)")).toBe(true);
    expect(input.s.length).toBe(1024 + "... (2000 chars)".length);
  });

  it("cuts arrays longer than 100 items and appends a marker item", async () => {
    const list = Array.from({ length: 150 }, (_, k) => k);
    const ok = Array.from({ length: 100 }, (_, k) => k);
    const { traces } = await run(echoSource, { tools: { echo }, input: { list, ok }, trace: "full" });
    const input = traces[0]!.input as { list: unknown[]; ok: unknown[] };
    expect(input.ok).toEqual(ok);
    expect(input.list).toHaveLength(101);
    expect(input.list.slice(0, 100)).toEqual(ok);
    expect(input.list[100]).toBe("... (150 items)");
  });

  it("replaces nesting deeper than 5 levels with a marker", async () => {
    let deep: Record<string, unknown> = { leaf: true };
    for (let k = 0; k < 10; k++) deep = { next: deep };
    const shallow = { a: { b: { c: 1 } } };
    const { traces } = await run(echoSource, { tools: { echo }, input: { deep, shallow }, trace: "full" });
    const input = traces[0]!.input as Record<string, unknown>;
    expect(input.shallow).toEqual(shallow);
    expect(JSON.stringify(input.deep)).toContain('"[depth limit]"');
    expect(JSON.stringify(input.deep)).not.toContain("leaf");
  });

  it("the copy does not alias the caller's input", async () => {
    const inner = { v: 1 };
    const { traces } = await run(echoSource, { tools: { echo }, input: { inner }, trace: "full" });
    const copy = (traces[0]!.input as Record<string, unknown>).inner;
    expect(copy).toEqual(inner);
    expect(copy).not.toBe(inner);
  });
});

describe("timing and order (R-TRACE-3, R-TRACE-4, Q-47)", () => {
  it("durationMs covers the call", async () => {
    const source = `version 1.5
bridge Query.run {
  with slow as s
  with output as o
  o.v <- s.v
}`;
    const { traces } = await run(source, { tools: { slow: tool(async () => (await sleep(30), { v: 1 })) }, trace: "basic" });
    expect(traces[0]!.durationMs).toBeGreaterThanOrEqual(25);
  });

  it("Q-47: startedAt is measured from the start of the execution, not from the first entry", async () => {
    const source = `version 1.5
bridge Query.run {
  with wait as w
  with later as l
  with output as o
  l.x <- w.v
  o.v <- l.x
}`;
    const wait = tool(async () => (await sleep(40), { v: 1 }), { trace: false });
    const later = tool((input: unknown) => input);
    const { data, traces } = await run(source, { tools: { wait, later }, trace: "basic" });
    expect(data).toEqual({ v: 1 });
    expect(traces).toHaveLength(1);
    expect(traces[0]!.startedAt).toBeGreaterThanOrEqual(35);
  });

  it("sequential calls have increasing startedAt", async () => {
    const source = `version 1.5
bridge Query.run {
  with first as a
  with second as b
  with output as o
  b.x <- a.v
  o.v <- b.x
}`;
    const first = tool(async () => (await sleep(15), { v: 1 }));
    const second = tool((input: unknown) => input);
    const { traces } = await run(source, { tools: { first, second }, trace: "basic" });
    const a = traces.find((t) => t.tool === "first")!;
    const b = traces.find((t) => t.tool === "second")!;
    expect(b.startedAt).toBeGreaterThanOrEqual(a.startedAt + a.durationMs - 1);
  });

  it("entries are appended in completion order", async () => {
    const source = `version 1.5
bridge Query.run {
  with slow as s
  with fast as f
  with output as o
  o.s <- s.v
  o.f <- f.v
}`;
    const slow = tool(async () => (await sleep(30), { v: 1 }));
    const fast = tool(async () => ({ v: 2 }));
    const { traces } = await run(source, { tools: { slow, fast }, trace: "basic" });
    expect(traces.map((t) => t.tool)).toEqual(["fast", "slow"]);
  });
});

describe("batch entries (R-BATCH-6)", () => {
  it("one entry per chunk: tool is the first queued item's tool name, fn the function; full input/output are arrays", async () => {
    const source = `version 1.5
tool people from lib.people
bridge Query.run {
  with input as i
  with output as o
  o <- i.ids[] as id {
    with people as p
    p.id <- id
    .name <- p.name
  }
}`;
    const fn = tool((inputs: Array<{ id: number }>) => inputs.map((x) => ({ name: `p${x.id}` })), { batch: true });
    const { data, traces } = await run(source, { tools: { "lib.people": fn }, input: { ids: [1, 2] }, trace: "full" });
    expect(data).toEqual([{ name: "p1" }, { name: "p2" }]);
    expect(traces).toHaveLength(1);
    expect(traces[0]!.tool).toBe("people");
    expect(traces[0]!.fn).toBe("lib.people");
    expect(traces[0]!.input).toEqual([{ id: 1 }, { id: 2 }]);
    expect(traces[0]!.output).toEqual([{ name: "p1" }, { name: "p2" }]);
  });
});

import { describe, expect, it, vi } from "vitest";
import { callTool, finishRun } from "../../src/execute/call-tool.js";
import { resolveLogLevels } from "../../src/log.js";
import { boundedCopy } from "../../src/trace.js";
import type { Logger } from "../../src/types.js";
import { bind, makeRun, makeTool, tick } from "./helpers.js";

describe("batching (R-BATCH)", () => {
  it("combines calls of one turn into one call and one trace", async () => {
    const fn = vi.fn((inputs: { id: number }[]) => inputs.map((i) => i.id * 10));
    const tool = makeTool(fn, { batch: true });
    const run = makeRun({ trace: "full" });
    const a = bind(tool, { toolName: "people.a", fnName: "people.byId" });
    const b = bind(tool, { toolName: "people.b", fnName: "people.byId" });
    const results = await Promise.all([callTool(run, a, { id: 1 }, null), callTool(run, b, { id: 2 }, null), callTool(run, a, { id: 3 }, null)]);
    expect(results).toEqual([10, 20, 30]);
    expect(fn).toHaveBeenCalledTimes(1);
    expect(fn.mock.calls[0]![0]).toEqual([{ id: 1 }, { id: 2 }, { id: 3 }]);
    const traces = finishRun(run);
    expect(traces).toHaveLength(1);
    expect(traces[0]).toMatchObject({ tool: "people.a", fn: "people.byId", input: [{ id: 1 }, { id: 2 }, { id: 3 }], output: [10, 20, 30] });
  });

  it("runs chunks of maxBatchSize one after another", async () => {
    const log: string[] = [];
    const tool = makeTool(
      async (inputs: number[]) => {
        log.push(`start ${inputs.join(",")}`);
        await tick();
        log.push(`end ${inputs.join(",")}`);
        return inputs;
      },
      { batch: { maxBatchSize: 2 } },
    );
    const run = makeRun({ trace: "basic" });
    const b = bind(tool);
    const results = await Promise.all([1, 2, 3].map((n) => callTool(run, b, n as never, null)));
    expect(results).toEqual([1, 2, 3]);
    expect(log).toEqual(["start 1,2", "end 1,2", "start 3", "end 3"]);
    expect(finishRun(run)).toHaveLength(2);
  });

  it("fails every item on a length mismatch and only item k for an Error at k", async () => {
    const run = makeRun({ trace: "basic" });
    const short = bind(makeTool(() => [1], { batch: true }), { fnName: "lib.short" });
    const settled = await Promise.allSettled([callTool(run, short, {}, null), callTool(run, short, {}, null)]);
    for (const s of settled) {
      expect(s.status).toBe("rejected");
      expect((s as PromiseRejectedResult).reason.message).toBe('Batch tool "lib.short" returned 1 items, expected 2');
    }
    const nonArray = bind(makeTool(async () => "x", { batch: true }), { fnName: "lib.str" });
    await expect(callTool(run, nonArray, {}, null)).rejects.toThrow('Batch tool "lib.str" returned string items, expected 1');

    const mixed = bind(makeTool((inputs: number[]) => inputs.map((n) => (n === 2 ? new Error("bad 2") : n)), { batch: true }), {
      onError: null,
    });
    const out = await Promise.allSettled([1, 2, 3].map((n) => callTool(run, mixed, n as never, null)));
    expect(out.map((s) => s.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    const withFallback = bind(mixed.fn, { onError: { kind: "value", value: -1 } });
    expect(await Promise.all([1, 2].map((n) => callTool(run, withFallback, n as never, null)))).toEqual([1, -1]);
    const traces = finishRun(run);
    expect(traces.filter((t) => t.error)).toHaveLength(2);
  });

  it("fails all items of a chunk when the batch call throws", async () => {
    const run = makeRun();
    const b = bind(makeTool(() => { throw new Error("all down"); }, { batch: true }));
    const out = await Promise.allSettled([callTool(run, b, {}, null), callTool(run, b, {}, null)]);
    expect(out.every((s) => s.status === "rejected" && s.reason.message === "all down")).toBe(true);
  });
});

describe("traces (R-TRACE)", () => {
  it("records basic fields, errors and nothing for trace:false tools", async () => {
    const run = makeRun({ trace: "basic" });
    callTool(run, bind(makeTool(() => 1), { toolName: "bookApi.search", fnName: "http" }), {}, null);
    await expect(callTool(run, bind(makeTool(async () => { throw new Error("x"); })), {}, null)).rejects.toThrow();
    expect(() => callTool(run, bind(makeTool(() => { throw new Error(""); }), { toolName: "empty" }), {}, null)).toThrow();
    callTool(run, bind(makeTool(() => 1, { trace: false })), {}, null);
    const traces = finishRun(run);
    expect(traces).toHaveLength(3);
    expect(Object.keys(traces[0]!).sort()).toEqual(["durationMs", "fn", "startedAt", "tool"]);
    expect(traces[0]).toMatchObject({ tool: "bookApi.search", fn: "http" });
    expect(traces[0]!.startedAt).toBeGreaterThanOrEqual(-0.01);
    expect(traces[1]!.error).toBe("x");
    expect("error" in traces[2]!).toBe(false);
    callTool(run, bind(makeTool(() => 1)), {}, null);
    expect(traces).toHaveLength(4);
  });

  it("adds a bounded input and the output at full", () => {
    const run = makeRun({ trace: "full" });
    const output = { ok: true };
    const input = { s: "x".repeat(2000), list: Array.from({ length: 150 }, (_, i) => i) };
    callTool(run, bind(makeTool(() => output)), input, null);
    callTool(run, bind(makeTool(() => undefined)), {}, null);
    const [t, u] = finishRun(run);
    expect(t!.output).toBe(output);
    const copy = t!.input as { s: string; list: unknown[] };
    expect(copy.s).toBe(`${"x".repeat(1024)}... (2000 chars)`);
    expect(copy.list).toHaveLength(101);
    expect(copy.list[100]).toBe("... (150 items)");
    expect("output" in u!).toBe(false);
  });

  it("cuts nesting deeper than five levels", () => {
    expect(boundedCopy({ a: { b: { c: { d: { e: { f: { g: 1 } } } } } } }, 0)).toEqual({
      a: { b: { c: { d: { e: { f: "[depth limit]" } } } } },
    });
    const withProto = JSON.parse('{"__proto__": {"x": 1}}');
    const copied = boundedCopy(withProto, 0) as object;
    expect(Object.getPrototypeOf(copied)).toBe(Object.prototype);
    expect(Object.keys(copied)).toEqual(["__proto__"]);
  });
});

describe("logging (R-LOG)", () => {
  it("resolves the level matrix", () => {
    expect(resolveLogLevels(undefined)).toEqual({ success: null, failure: "error" });
    expect(resolveLogLevels(false)).toEqual({ success: null, failure: null });
    expect(resolveLogLevels(true)).toEqual({ success: "info", failure: "error" });
    expect(resolveLogLevels({ execution: "info" })).toEqual({ success: "info", failure: "error" });
    expect(resolveLogLevels({ execution: true, errors: "warn" })).toEqual({ success: "debug", failure: "warn" });
    expect(resolveLogLevels({ execution: "debug", errors: false })).toEqual({ success: "debug", failure: null });
    expect(resolveLogLevels({ execution: false, errors: true })).toEqual({ success: null, failure: "error" });
  });

  it("emits the success and failure shapes, skipping missing methods", async () => {
    const logger = { info: vi.fn(), error: vi.fn(), warn: vi.fn() } satisfies Logger;
    const run = makeRun({ logger });
    callTool(run, bind(makeTool(() => 1, { log: true }), { toolName: "t1", fnName: "f1" }), {}, null);
    callTool(run, bind(makeTool(() => 1), { toolName: "quiet" }), {}, null);
    await expect(callTool(run, bind(makeTool(async () => { throw new Error("nope"); }), { toolName: "t2", fnName: "f2" }), {}, null)).rejects.toThrow();
    callTool(run, bind(makeTool(() => 1, { log: { execution: true } })), {}, null);
    expect(logger.info).toHaveBeenCalledTimes(1);
    const [fields, msg] = logger.info.mock.calls[0]!;
    expect(msg).toBe("[bridge] tool completed");
    expect(fields).toMatchObject({ tool: "t1", fn: "f1" });
    expect(typeof fields.durationMs).toBe("number");
    expect(logger.error).toHaveBeenCalledWith({ tool: "t2", fn: "f2", err: "nope" }, "[bridge] tool failed");
  });

  it("never lets a throwing logger change the result", () => {
    const run = makeRun({ logger: { info: () => { throw new Error("log down"); } } });
    expect(callTool(run, bind(makeTool(() => 5, { log: true })), {}, null)).toBe(5);
  });
});

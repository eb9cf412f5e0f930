import { afterEach, describe, expect, it, vi } from "vitest";
import { BridgeAbortError, BridgeLimitError, BridgePanicError, BridgeRuntimeError, BridgeTimeoutError } from "../../src/errors.js";
import { callTool, finishRun } from "../../src/execute/call-tool.js";
import { createMemoCache, memoKey } from "../../src/execute/memo.js";
import { DEFAULT_LIMITS } from "../../src/limits.js";
import type { ToolContext } from "../../src/types.js";
import { bind, makeRun, makeTool, tick } from "./helpers.js";

afterEach(() => vi.useRealTimers());

describe("callTool: preconditions", () => {
  it("fails for a missing function without trace and without on error", () => {
    const run = makeRun({ trace: "basic" });
    const b = bind(undefined, { toolName: "geo", fnName: "maps.geo", onError: { kind: "value", value: 1 } });
    expect(b.cost).toBe(2);
    expect(() => callTool(run, b, {}, null)).toThrow('No tool found for "maps.geo"');
    expect(finishRun(run)).toEqual([]);
  });

  it("refuses to call when the caller signal is aborted (fatal, no trace)", () => {
    const controller = new AbortController();
    controller.abort();
    const fn = vi.fn(() => 1);
    const run = makeRun({ trace: "basic", signal: controller.signal });
    const b = bind(makeTool(fn), { onError: { kind: "value", value: 0 } });
    expect(() => callTool(run, b, {}, null)).toThrow(BridgeAbortError);
    expect(fn).not.toHaveBeenCalled();
    expect(finishRun(run)).toEqual([]);
  });

  it("enforces maxToolCalls with a BridgeLimitError that on error does not absorb", () => {
    const run = makeRun({ limits: { ...DEFAULT_LIMITS, maxToolCalls: 2 } });
    const b = bind(makeTool(() => 1), { onError: { kind: "value", value: 0 } });
    callTool(run, b, {}, null);
    callTool(run, b, {}, null);
    let err: unknown;
    try {
      callTool(run, b, {}, null);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(BridgeLimitError);
    expect((err as Error).message).toMatch(/^Limit maxToolCalls \(2\) exceeded/);
  });
});

describe("callTool: direct calls", () => {
  it("returns sync results without a Promise and passes logger and signal", () => {
    let seen: ToolContext | undefined;
    const fn = makeTool((input: { a: number }, ctx: ToolContext) => {
      seen = ctx;
      return input.a + 1;
    });
    const run = makeRun();
    expect(callTool(run, bind(fn), { a: 1 }, null)).toBe(2);
    expect(typeof seen!.logger.info).toBe("function");
    expect(seen!.signal).toBeInstanceOf(AbortSignal);
    expect(seen!.signal.aborted).toBe(false);
  });

  it("throws the raw error of a failing sync tool and rejects for async ones", async () => {
    const boom = new Error("boom");
    const run = makeRun();
    expect(() => callTool(run, bind(makeTool(() => { throw boom; })), {}, null)).toThrow(boom);
    await expect(callTool(run, bind(makeTool(async () => { throw boom; })), {}, null)).rejects.toBe(boom);
  });

  it("awaits a sync tool that returns a Promise, warns, and never leaves a rejection unhandled (D-5)", async () => {
    const unhandled = vi.fn();
    process.on("unhandledRejection", unhandled);
    try {
      const warn = vi.fn();
      const run = makeRun({ trace: "basic", logger: { warn } });
      const ok = makeTool(async () => ({ v: 1 }), { sync: true });
      await expect(callTool(run, bind(ok, { toolName: "s", fnName: "lib.s" }), {}, null)).resolves.toEqual({ v: 1 });
      expect(warn).toHaveBeenCalledWith({ tool: "s", fn: "lib.s" }, expect.stringContaining("declared {sync:true} but returned a Promise"));
      const failing = makeTool(() => Promise.reject(new Error("late")), { sync: true });
      await expect(callTool(run, bind(failing, { toolName: "s", fnName: "lib.s" }), {}, null)).rejects.toThrow("late");
      const recovered = bind(failing, { onError: { kind: "value", value: "fallback" } });
      await expect(callTool(run, recovered, {}, null)).resolves.toBe("fallback");
      await tick();
      await tick();
      expect(unhandled).not.toHaveBeenCalled();
      const traces = finishRun(run);
      expect(traces).toHaveLength(3);
      expect(traces.filter((t) => t.error === "late")).toHaveLength(2);
    } finally {
      process.off("unhandledRejection", unhandled);
    }
  });

  it("maps an AbortError rejection to BridgeAbortError while the caller is aborted (R-ABORT-2)", async () => {
    const controller = new AbortController();
    const run = makeRun({ signal: controller.signal });
    const fn = makeTool(
      (_: unknown, ctx: ToolContext) =>
        new Promise((_resolve, reject) => {
          ctx.signal.addEventListener("abort", () => reject(new DOMException("stop", "AbortError")));
        }),
    );
    const pending = callTool(run, bind(fn, { onError: { kind: "value", value: 0 } }), {}, null);
    controller.abort();
    await expect(pending).rejects.toBeInstanceOf(BridgeAbortError);
    finishRun(run);
  });
});

describe("callTool: per-call signals and timeouts (D-3, R-TIMEOUT)", () => {
  it("times out with BridgeTimeoutError, aborts the call's signal, and clears the timer", async () => {
    let signal: AbortSignal | undefined;
    const fn = makeTool((_: unknown, ctx: ToolContext) => {
      signal = ctx.signal;
      return new Promise(() => {});
    });
    const run = makeRun({ toolTimeoutMs: 20, trace: "basic" });
    const started = performance.now();
    const err = await (callTool(run, bind(fn, { toolName: "slow", fnName: "lib.slow" }), {}, null) as Promise<unknown>).catch(
      (e: unknown) => e,
    );
    expect(performance.now() - started).toBeGreaterThanOrEqual(19);
    expect(err).toBeInstanceOf(BridgeTimeoutError);
    expect((err as Error).message).toBe('Tool "slow" timed out after 20ms');
    expect(signal!.aborted).toBe(true);
    expect(signal!.reason).toBe(err);
    expect(run.timer).toBeNull();
    expect(finishRun(run)[0]!.error).toBe('Tool "slow" timed out after 20ms');
  });

  it("gives the timed-out signal to a tool that reads it late", async () => {
    let late: AbortSignal | undefined;
    let resume!: () => void;
    const fn = makeTool(async (_: unknown, ctx: ToolContext) => {
      await new Promise<void>((r) => (resume = r));
      late = ctx.signal;
    });
    const run = makeRun({ toolTimeoutMs: 5 });
    await expect(callTool(run, bind(fn), {}, null)).rejects.toBeInstanceOf(BridgeTimeoutError);
    resume();
    await tick();
    expect(late!.aborted).toBe(true);
  });

  it("does not time out sync tools and arms no timer for them", () => {
    const run = makeRun({ toolTimeoutMs: 1 });
    expect(callTool(run, bind(makeTool(() => "ok")), {}, null)).toBe("ok");
    expect(run.timer).toBeNull();
  });

  it("arms no timer for async calls that settle at once", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const spy = vi.spyOn(globalThis, "setTimeout");
    const run = makeRun({ toolTimeoutMs: 1000 });
    const b = bind(makeTool(async (i: { n: number }) => i.n));
    const results = await Promise.all(Array.from({ length: 100 }, (_, n) => callTool(run, b, { n }, null)));
    expect(results[99]).toBe(99);
    expect(spy).not.toHaveBeenCalled();
    expect(run.timer).toBeNull();
    spy.mockRestore();
  });

  it("uses one timer for many pending calls and clears it when the last settles", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const spy = vi.spyOn(globalThis, "setTimeout");
    const run = makeRun({ toolTimeoutMs: 1000 });
    const release: (() => void)[] = [];
    const b = bind(makeTool((i: { n: number }) => new Promise((resolve) => release.push(() => resolve(i.n)))));
    const calls = Array.from({ length: 100 }, (_, n) => callTool(run, b, { n }, null));
    for (let k = 0; k < 10; k++) await Promise.resolve();
    expect(spy).toHaveBeenCalledTimes(1);
    expect(run.timer).not.toBeNull();
    for (const r of release) r();
    const results = await Promise.all(calls);
    expect(results[99]).toBe(99);
    expect(spy).toHaveBeenCalledTimes(1);
    expect(run.timer).toBeNull();
    expect(vi.getTimerCount()).toBe(0);
    spy.mockRestore();
  });

  it("re-arms for later deadlines and times each call out on its own deadline", async () => {
    const run = makeRun({ toolTimeoutMs: 30 });
    const hang = bind(makeTool(() => new Promise(() => {})));
    const first = callTool(run, hang, {}, null) as Promise<unknown>;
    await new Promise((r) => setTimeout(r, 15));
    const second = callTool(run, hang, {}, null) as Promise<unknown>;
    const t0 = performance.now();
    await expect(first).rejects.toBeInstanceOf(BridgeTimeoutError);
    expect(run.timer).not.toBeNull();
    await expect(second).rejects.toBeInstanceOf(BridgeTimeoutError);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(10);
    expect(run.timer).toBeNull();
  });

  it("aborts per-call signals on caller abort, and on a fatal finish only", async () => {
    const signals: AbortSignal[] = [];
    const fn = makeTool((_: unknown, ctx: ToolContext) => {
      signals.push(ctx.signal);
      return new Promise(() => {});
    });
    const controller = new AbortController();
    const runA = makeRun({ signal: controller.signal });
    void callTool(runA, bind(fn), {}, null);
    controller.abort(new Error("user"));
    expect(signals[0]!.aborted).toBe(true);
    expect(signals[0]!.reason.message).toBe("user");
    finishRun(runA);

    const runB = makeRun({ toolTimeoutMs: 1000 });
    void callTool(runB, bind(fn), {}, null);
    finishRun(runB, new Error("not fatal"));
    expect(signals[1]!.aborted).toBe(false);

    const runC = makeRun({ toolTimeoutMs: 1000 });
    void callTool(runC, bind(fn), {}, null);
    const panic = new BridgePanicError("stop");
    finishRun(runC, panic);
    expect(signals[2]!.aborted).toBe(true);
    expect(signals[2]!.reason).toBe(panic);
    expect(runC.timer).toBeNull();
  });
});

describe("callTool: on error (R-TOOL-9, Q-11)", () => {
  const failing = makeTool(() => {
    throw new Error("down");
  });
  it("returns a fresh copy of a JSON fallback per use", () => {
    const run = makeRun();
    const b = bind(failing, { onError: { kind: "value", value: { items: [1], __proto__: { x: 1 } } as never } });
    const a = callTool(run, b, {}, null) as { items: number[] };
    a.items.push(2);
    const c = callTool(run, b, {}, null) as { items: number[] };
    expect(c.items).toEqual([1]);
    expect(Object.getPrototypeOf(c)).toBe(Object.prototype);
  });

  it("reads context and const paths strictly", async () => {
    const run = makeRun({ context: { fb: { v: 7 } }, consts: { defaults: { name: "n" } } });
    expect(callTool(run, bind(failing, { onError: { kind: "context", path: ["fb", "v"] } }), {}, null)).toBe(7);
    expect(callTool(run, bind(failing, { onError: { kind: "const", path: ["defaults", "name"] } }), {}, null)).toBe("n");
    expect(() => callTool(run, bind(failing, { onError: { kind: "context", path: ["nope", "v"] } }), {}, null)).toThrow(
      "Cannot read properties of undefined (reading 'v')",
    );
    expect(() => callTool(run, bind(failing, { onError: { kind: "const", path: ["missing"] } }), {}, null)).toThrow(
      'Const "missing" not found',
    );
    expect(callTool(run, bind(failing, { onError: { kind: "context", path: ["toString"] } }), {}, null)).toBeUndefined();
    const asyncFailing = makeTool(async () => {
      throw new Error("down");
    });
    await expect(callTool(run, bind(asyncFailing, { onError: { kind: "value", value: 3 } }), {}, null)).resolves.toBe(3);
  });

  it("never replaces fatal errors", () => {
    const panic = new BridgePanicError("p");
    const run = makeRun();
    const b = bind(makeTool(() => { throw panic; }), { onError: { kind: "value", value: 1 } });
    expect(() => callTool(run, b, {}, null)).toThrow(panic);
  });

  it("recovers timeouts", async () => {
    const run = makeRun({ toolTimeoutMs: 5 });
    const b = bind(makeTool(() => new Promise(() => {})), { onError: { kind: "value", value: "late" } });
    await expect(callTool(run, b, {}, null)).resolves.toBe("late");
  });
});

describe("memoize (R-MEMO, D-6)", () => {
  it("reuses results per key, including pending ones and failures", async () => {
    const fn = vi.fn(async (i: { id: string }) => ({ id: i.id }));
    const run = makeRun({ trace: "basic" });
    const memo = createMemoCache();
    const b = bind(makeTool(fn));
    const p1 = callTool(run, b, { id: "m1" }, memo);
    const p2 = callTool(run, b, { id: "m1" }, memo);
    const p3 = callTool(run, b, { id: "m2" }, memo);
    expect(p2).toBe(p1);
    await Promise.all([p1, p3]);
    expect(fn).toHaveBeenCalledTimes(2);
    expect(finishRun(run)).toHaveLength(2);

    const failing = vi.fn(() => {
      throw new Error("f");
    });
    const fb = bind(makeTool(failing));
    expect(() => callTool(run, fb, { a: 1 }, memo)).toThrow("f");
    expect(() => callTool(run, fb, { a: 1 }, memo)).toThrow("f");
    expect(failing).toHaveBeenCalledTimes(1);
  });

  it("ignores memo for pipe stages", () => {
    const fn = vi.fn(() => 1);
    const run = makeRun();
    const memo = createMemoCache();
    callTool(run, bind(makeTool(fn)), {}, memo, { pipe: true });
    callTool(run, bind(makeTool(fn)), {}, memo, { pipe: true });
    expect(fn).toHaveBeenCalledTimes(2);
  });

  it("builds keys that never collide", () => {
    const m = createMemoCache();
    const k = (v: unknown) => memoKey(m, v);
    expect(k({ a: "1,b:2" })).not.toBe(k({ a: "1", b: 2 }));
    expect(k({ a: 1 })).not.toBe(k({ a: "1" }));
    expect(k({ a: null })).not.toBe(k({ a: "null" }));
    expect(k({ a: undefined })).not.toBe(k({}));
    expect(k(["a,b"])).not.toBe(k(["a", "b"]));
    expect(k({ b: 1, a: 2 })).toBe(k({ a: 2, b: 1 }));
    expect(k(new Map())).not.toBe(k(new Map()));
    const holey: unknown[] = [];
    holey[1] = 1;
    expect(k(holey)).not.toBe(k([undefined, 1]));
  });

  it("refuses cyclic and too-deep inputs with a Bridge error", () => {
    const m = createMemoCache();
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => memoKey(m, cyclic)).toThrow(BridgeRuntimeError);
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = { d: deep };
    expect(() => memoKey(m, deep)).toThrow(/deeper than 100/);
    const shared = { x: 1 };
    expect(() => memoKey(m, { a: shared, b: shared })).not.toThrow();
  });
});

import { describe, expect, it } from "vitest";
import {
  BridgeAbortError,
  BridgeLimitError,
  BridgePanicError,
  BridgeRuntimeError,
  BridgeTimeoutError,
  finalizeError,
  isFatal,
  locate,
  toError,
} from "../../src/errors.js";
import { DEFAULT_LIMITS, limitError, resolveLimits } from "../../src/limits.js";

const L1 = { startLine: 1, startColumn: 2, endLine: 1, endColumn: 5 };
const L2 = { startLine: 9, startColumn: 1, endLine: 9, endColumn: 3 };

describe("error classes", () => {
  it("use class names and default messages", () => {
    expect(new BridgeRuntimeError("x").name).toBe("BridgeRuntimeError");
    expect(new BridgePanicError("p").name).toBe("BridgePanicError");
    const abort = new BridgeAbortError();
    expect(`${abort.name} ${abort.message}`).toBe("BridgeAbortError Execution aborted by external signal");
    const timeout = new BridgeTimeoutError("api.get", 50);
    expect(`${timeout.name} ${timeout.message}`).toBe('BridgeTimeoutError Tool "api.get" timed out after 50ms');
    expect(timeout.traces).toEqual([]);
  });

  it("make limit errors fatal panics", () => {
    const err = limitError("maxArrayLength", 100000, "source has 200000 elements");
    expect(err).toBeInstanceOf(BridgeLimitError);
    expect(err).toBeInstanceOf(BridgePanicError);
    expect(err.name).toBe("BridgeLimitError");
    expect(err.message).toBe("Limit maxArrayLength (100000) exceeded: source has 200000 elements");
    expect(isFatal(err)).toBe(true);
    expect(limitError("maxDepth", 31).message).toBe(
      "Maximum execution depth exceeded (31). Check for infinite recursion or circular array mappings.",
    );
  });

  it("classify fatal errors", () => {
    expect(isFatal(new BridgePanicError("p"))).toBe(true);
    expect(isFatal(new BridgeAbortError())).toBe(true);
    expect(isFatal(new BridgeTimeoutError("t", 1))).toBe(false);
    expect(isFatal(new BridgeRuntimeError("r"))).toBe(false);
    expect(isFatal("panic")).toBe(false);
  });

  it("toError converts non-Errors", () => {
    const e = new TypeError("t");
    expect(toError(e)).toBe(e);
    expect(toError("boom").message).toBe("boom");
    expect(toError(Object.create(null)).message).toBe("[object Object]");
  });
});

describe("locate", () => {
  it("wraps plain errors without mutating them and keeps the first location", () => {
    const original = new Error("down");
    const located = locate(original, L1);
    expect(located).toBeInstanceOf(BridgeRuntimeError);
    expect(located.message).toBe("down");
    expect(located.cause).toBe(original);
    expect((located as BridgeRuntimeError).loc).toBe(L1);
    expect("loc" in original).toBe(false);
    expect(locate(located, L2)).toBe(located);
    expect((located as BridgeRuntimeError).loc).toBe(L1);
  });

  it("stringifies non-Error values", () => {
    const located = locate(42, undefined);
    expect(located.message).toBe("42");
    expect(located.cause).toBe(42);
    expect((located as BridgeRuntimeError).loc).toBeUndefined();
  });

  it("keeps fatal errors and adds a missing location", () => {
    const panic = new BridgePanicError("p");
    expect(locate(panic, L1)).toBe(panic);
    expect(panic.loc).toBe(L1);
    locate(panic, L2);
    expect(panic.loc).toBe(L1);
  });
});

describe("finalizeError", () => {
  const traces = [{ tool: "a", fn: "a", durationMs: 1, startedAt: 0 }];
  it("wraps non-fatal errors and attaches traces, source and filename", () => {
    const timeout = new BridgeTimeoutError("t", 5);
    const out = finalizeError(timeout, { traces, source: "src", filename: "f.bridge" }) as BridgeRuntimeError;
    expect(out).toBeInstanceOf(BridgeRuntimeError);
    expect(out.cause).toBe(timeout);
    expect(out.message).toBe(timeout.message);
    expect(out.traces).toBe(traces);
    expect(out.source).toBe("src");
    expect(out.filename).toBe("f.bridge");
  });
  it("keeps runtime and fatal errors", () => {
    const rt = new BridgeRuntimeError("r", { loc: L1 });
    expect(finalizeError(rt, { traces: [] })).toBe(rt);
    const abort = new BridgeAbortError();
    expect(finalizeError(abort, { traces })).toBe(abort);
    expect(abort.traces).toBe(traces);
    expect(finalizeError("s", { traces: [] }).message).toBe("s");
  });
});

describe("limits", () => {
  it("has frozen defaults", () => {
    expect(DEFAULT_LIMITS).toEqual({ maxDepth: 30, maxArrayLength: 100000, maxToolCalls: 10000, maxOutputElements: 1000000 });
    expect(Object.isFrozen(DEFAULT_LIMITS)).toBe(true);
    expect(resolveLimits({})).toBe(DEFAULT_LIMITS);
  });
  it("merges overrides and the maxDepth shorthand", () => {
    expect(resolveLimits({ maxDepth: 3 }).maxDepth).toBe(3);
    const l = resolveLimits({ limits: { maxToolCalls: 5 } });
    expect(l).toEqual({ ...DEFAULT_LIMITS, maxToolCalls: 5 });
    expect(resolveLimits({ maxDepth: 2, limits: { maxDepth: 9 } }).maxDepth).toBe(2);
  });
  it("rejects unknown keys and bad values", () => {
    expect(() => resolveLimits({ limits: { maxDeph: 3 } as never })).toThrow(/Unknown limit "maxDeph"/);
    expect(() => resolveLimits({ maxDepth: 0 })).toThrow(TypeError);
    expect(() => resolveLimits({ limits: { maxArrayLength: 1.5 } })).toThrow(/positive integer, got 1.5/);
    expect(() => resolveLimits({ limits: { maxToolCalls: "3" as never } })).toThrow(/got "3"/);
  });
});

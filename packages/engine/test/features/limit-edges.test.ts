/**
 * Limit options that are not objects (D-4: refused up front, never read as a
 * bag of keys), and the execution boundary's error finishing (R-ERR: an
 * error keeps the source and filename it already carries when the execution
 * has none; messages of values that cannot even be printed).
 */
import { describe, expect, it } from "vitest";
import { BridgeRuntimeError, finalizeError, safeString } from "../../src/errors.js";
import { createEngine } from "../../src/index.js";
import { resolveLimits } from "../../src/limits.js";
import type { ExecuteBridgeOptions } from "../../src/types.js";
import { run, tool } from "../behaviour/support.js";
import { ECHO } from "./sources.js";

describe("D-4: option `limits` must be an object", () => {
  const rows: [string, unknown][] = [
    ["a number", 5],
    ["a string", "maxDepth"],
    ["a boolean", true],
    ["a function", () => 1],
    ["null", null],
    ["an array", [1]],
  ];
  for (const [label, value] of rows) {
    it(`${label} is refused`, async () => {
      const limits = value as ExecuteBridgeOptions["limits"];
      const error = new TypeError("Option `limits` must be an object");
      expect(() => resolveLimits({ limits })).toThrow(error);
      expect(() => createEngine({ limits })).toThrow(error);
      await expect(run(ECHO, { input: { v: 1 }, tools: { echo: tool((x: unknown) => x) }, limits })).rejects.toThrow(error);
    });
  }

  it("an empty object keeps every default", () => {
    expect(resolveLimits({ limits: {} })).toEqual({ maxDepth: 30, maxArrayLength: 100_000, maxToolCalls: 10_000, maxOutputElements: 1_000_000 });
  });
});

describe("R-ERR: the execution boundary", () => {
  it("keeps the source and filename an error already carries when the execution gives none", () => {
    const inner = new BridgeRuntimeError("inner");
    inner.source = "bridge text";
    inner.filename = "inner.bridge";
    const e = finalizeError(inner, { traces: [] }) as BridgeRuntimeError;
    expect(e).toBe(inner);
    expect({ source: e.source, filename: e.filename }).toEqual({ source: "bridge text", filename: "inner.bridge" });
    const outer = finalizeError(inner, { traces: [], source: "outer text", filename: "outer.bridge" }) as BridgeRuntimeError;
    expect({ source: outer.source, filename: outer.filename }).toEqual({ source: "outer text", filename: "outer.bridge" });
  });

  it("wraps a non-Bridge error with the traces, and no source or filename when none is given", () => {
    const traces = [{ tool: "t", fn: "t", durationMs: 1, startedAt: 0 }];
    const e = finalizeError(new Error("plain"), { traces }) as BridgeRuntimeError;
    expect(e).toBeInstanceOf(BridgeRuntimeError);
    expect({ message: e.message, traces: e.traces, source: e.source, filename: e.filename }).toEqual({
      message: "plain",
      traces,
      source: undefined,
      filename: undefined,
    });
  });

  it("safeString: a value that cannot be printed at all becomes [unprintable value]", () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error("no access");
        },
        getPrototypeOf() {
          throw new Error("no prototype");
        },
      },
    );
    expect(safeString(hostile)).toBe("[unprintable value]");
    expect(safeString(Object.create(null))).toBe("[object Object]");
    expect(safeString(5)).toBe("5");
  });
});

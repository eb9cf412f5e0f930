/**
 * Host options and tool metadata at their less common values: limit values of
 * every JavaScript type (the message names the value, D-4), an undefined
 * limit keeping its default, `.bridge.log` values outside the documented
 * forms (R-LOG-2 default), the logger tools get when the host configured
 * none (R-EXEC-11), and the bounded input copy of `full` traces for
 * non-plain objects (R-TRACE-3).
 */
import { describe, expect, it } from "vitest";
import { createEngine, executeBridge } from "../../src/index.js";
import type { ExecuteBridgeOptions, ToolContext } from "../../src/types.js";
import { parse, recordingLogger, run, tool } from "../behaviour/support.js";
import { ECHO } from "./sources.js";

describe("limit values (D-4)", () => {
  const rows: [string, unknown, string][] = [
    ["true", true, "got true"],
    ["null", null, "got null"],
    ["an object", { n: 1 }, "got object"],
    ["a bigint", 5n, "got bigint"],
  ];
  for (const [label, value, got] of rows) {
    it(`limits.maxToolCalls ${label} is refused, naming the value's kind`, async () => {
      const message = `Option \`limits.maxToolCalls\` must be a positive integer, ${got}`;
      const limits = { maxToolCalls: value } as unknown as ExecuteBridgeOptions["limits"];
      expect(() => createEngine({ limits })).toThrow(new TypeError(message));
      await expect(run(ECHO, { limits })).rejects.toThrow(new TypeError(message));
    });
  }

  it("a limit given as undefined keeps its default", async () => {
    const echo = tool((x: unknown) => x);
    const r = await run(ECHO, { input: { v: 1 }, tools: { echo }, limits: { maxToolCalls: undefined, maxDepth: 2 } });
    expect(r.data).toEqual({ v: 1 });
    // maxToolCalls stays 10,000, so one call passes; maxDepth 2 is applied.
    const deep = `version 1.5
bridge Query.run {
  with input as i
  with output as o
  o <- i.a[] as x {
    .b <- x.b[] as y {
      .c <- y.c[] as z {
        .v <- z
      }
    }
  }
}`;
    await expect(run(deep, { input: { a: [{ b: [{ c: [1] }] }] }, limits: { maxToolCalls: undefined, maxDepth: 2 } })).rejects.toMatchObject({
      name: "BridgeLimitError",
      message: "Maximum execution depth exceeded (3). Check for infinite recursion or circular array mappings.",
    });
  });
});

describe("tool logging and the tool's logger (R-LOG-2, R-EXEC-11)", () => {
  it("a .bridge.log value that is neither boolean nor object logs failures at error only (the default)", async () => {
    const { logger, lines } = recordingLogger();
    const ok = tool((x: unknown) => x, { log: "verbose" as unknown as boolean });
    const bad = tool(
      () => {
        throw new Error("down");
      },
      { log: 1 as unknown as boolean },
    );
    await run(ECHO, { input: { v: 1 }, tools: { echo: ok }, logger });
    expect(lines).toEqual([]);
    await expect(run(ECHO, { input: { v: 1 }, tools: { echo: bad }, logger })).rejects.toThrow("down");
    expect(lines).toEqual([{ level: "error", args: [{ tool: "echo", fn: "echo", err: "down" }, "[bridge] tool failed"] }]);
  });

  it("without a host logger, tools still get a logger whose methods do nothing", async () => {
    const calls: unknown[] = [];
    const echo = tool((x: { v: unknown }, ctx: ToolContext) => {
      for (const level of ["debug", "info", "warn", "error"] as const) calls.push(ctx.logger[level]?.({ level }, "from the tool"));
      return x;
    });
    const r = await run(ECHO, { input: { v: 2 }, tools: { echo } });
    expect(r.data).toEqual({ v: 2 });
    expect(calls).toEqual([undefined, undefined, undefined, undefined]);
  });
});

describe("full traces copy the input boundedly (R-TRACE-3)", () => {
  class Money {
    constructor(readonly cents: number) {}
  }

  it("a class instance in the input is kept as is, a null-prototype object is copied as a plain object", async () => {
    const money = new Money(5);
    const bare = Object.assign(Object.create(null) as Record<string, unknown>, { k: 1 });
    const echo = tool((x: unknown) => x);
    const r = await executeBridge({
      document: parse(ECHO),
      operation: "Query.run",
      input: { v: 1, money, bare },
      tools: { echo },
      trace: "full",
    });
    expect(r.traces).toHaveLength(1);
    const input = r.traces[0]!.input as Record<string, unknown>;
    expect(input.money).toBe(money);
    expect(input.bare).toEqual({ k: 1 });
    expect(input.bare).not.toBe(bare);
    expect(Object.getPrototypeOf(input.bare)).toBe(Object.prototype);
  });
});

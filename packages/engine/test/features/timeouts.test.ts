/**
 * Timeouts of calls started at different moments (R-TIMEOUT-1..3, D-3): each
 * call fails `toolTimeoutMs` after its own start, a call that settled in time
 * is unaffected when an older deadline fires, and a call started later still
 * times out at its own deadline. Every timed-out call's signal is aborted.
 */
import { describe, expect, it } from "vitest";
import type { ToolContext } from "../../src/types.js";
import { run, sleep, tool } from "../behaviour/support.js";

const SOURCE = `version 1.5
bridge Query.run {
  with quick as a
  with stuck as c
  with later as b
  with output as o
  b.from <- a.v
  o.a <- a.v
  o.c <- c.v catch "c timed out"
  o.b <- b.v catch "b timed out"
}`;

/** A tool that never settles by itself: it resolves only when its signal aborts, and records that signal. */
const hanging = (signals: AbortSignal[]) =>
  tool(
    (_input: unknown, ctx: ToolContext) =>
      new Promise((resolve) => {
        signals.push(ctx.signal);
        ctx.signal.addEventListener("abort", () => resolve({ v: "too late" }));
      }),
  );

describe("timeouts of calls started at different moments (R-TIMEOUT-1, R-TIMEOUT-3, D-3)", () => {
  it("an early call settles in time, an older stuck call and a later stuck call each time out", async () => {
    const signals: AbortSignal[] = [];
    let laterStartedAt = 0;
    const start = performance.now();
    const quick = tool(async () => {
      await sleep(5);
      return { v: 1 };
    });
    const stuck = hanging(signals);
    const later = tool((input: unknown, ctx: ToolContext) => {
      laterStartedAt = performance.now() - start;
      return hanging(signals)(input, ctx);
    });
    const r = await run(SOURCE, { tools: { quick, stuck, later }, toolTimeoutMs: 40, trace: "basic" });
    const elapsed = performance.now() - start;
    expect(r.data).toEqual({ a: 1, c: "c timed out", b: "b timed out" });
    expect(r.traces.map((t) => [t.tool, t.error]).sort()).toEqual([
      ["later", 'Tool "later" timed out after 40ms'],
      ["quick", undefined],
      ["stuck", 'Tool "stuck" timed out after 40ms'],
    ]);
    expect(signals).toHaveLength(2);
    for (const s of signals) expect(s.aborted).toBe(true);
    // The later call had its own 40 ms: the execution outlived the first deadline by its start time.
    expect(laterStartedAt).toBeGreaterThanOrEqual(4);
    expect(elapsed).toBeGreaterThanOrEqual(40 + laterStartedAt - 2);
  });
});

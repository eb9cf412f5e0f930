/**
 * Which failures abort the per-call signals of tools still running (D-3):
 * only a fatal error (panic, abort, limit) does, and the reason the signals
 * carry is the first fatal error, the one the execution fails with. A
 * non-fatal failure of one output field waits for the other fields and
 * leaves their calls alone. Tools here wait on deferreds released by the
 * test, so the order of events is fixed.
 */
import { describe, expect, it } from "vitest";
import { BridgePanicError, BridgeRuntimeError } from "../../src/index.js";
import { deferred, runError, sleep, tool } from "../behaviour/support.js";

describe("per-call signals on failures (D-3)", () => {
  it("D-3, R-CTRL-2: a non-fatal `throw` in one field does not abort a call still running for another field", async () => {
    const release = deferred();
    let signal: AbortSignal | undefined;
    let abortedWhenReleased: boolean | undefined;
    const slow = tool(async (_input, ctx: { signal: AbortSignal }) => {
      signal = ctx.signal;
      await release.promise;
      abortedWhenReleased = ctx.signal.aborted;
      return { v: 1 };
    });
    const source = `version 1.5
bridge Query.run {
  with input as i
  with slow as s
  with output as o
  o.a <- i.a ?? throw "a required"
  o.b <- s.v
}`;
    const pending = runError(source, { input: {}, tools: { slow } });
    await sleep(0);
    expect(signal?.aborted).toBe(false);
    release.resolve();
    const err = await pending;
    expect(err).toBeInstanceOf(BridgeRuntimeError);
    expect(err.message).toBe("a required");
    expect(abortedWhenReleased).toBe(false);
    expect(signal?.aborted).toBe(false);
  });

  it("D-3, R-CTRL-3: the signal of a call still running is aborted with the first panic, the error the execution fails with", async () => {
    const first = deferred();
    const second = deferred();
    const watcherGo = deferred();
    let reason: unknown;
    let aborted: boolean | undefined;
    const tools = {
      first: tool(async () => {
        await first.promise;
        return {};
      }),
      second: tool(async () => {
        await second.promise;
        return {};
      }),
      // Reads its signal only after both panics happened (as a tool passing it to a late fetch would).
      watcher: tool(async (_input, ctx: { signal: AbortSignal }) => {
        await watcherGo.promise;
        reason = ctx.signal.reason;
        aborted = ctx.signal.aborted;
        return { v: 1 };
      }),
    };
    const source = `version 1.5
bridge Query.run {
  with first as f
  with second as s
  with watcher as w
  with output as o
  o.a <- f.v ?? panic "first"
  o.b <- s.v ?? panic "second"
  o.c <- w.v
}`;
    const pending = runError(source, { tools });
    await sleep(0);
    first.resolve();
    await sleep(0);
    second.resolve();
    await sleep(0);
    watcherGo.resolve();
    const err = await pending;
    expect(err).toBeInstanceOf(BridgePanicError);
    expect(err.message).toBe("first");
    expect(aborted).toBe(true);
    expect(reason).toBe(err);
  });
});

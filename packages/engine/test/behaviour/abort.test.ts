// Cancellation: the caller's AbortSignal (R-ABORT-1..5), per-call signals (D-3), panic never aborts.
import { describe, expect, it } from "vitest";
import { BridgeAbortError, BridgePanicError } from "../../src/index.js";
import { deferred, run, runError, sleep, tool } from "./support.js";

const ABORTED = "Execution aborted by external signal";

const oneTool = `version 1.5
bridge Query.run {
  with lookup as l
  with output as o
  o.v <- l.v
}`;

describe("caller's AbortSignal", () => {
  it("a pre-aborted signal fails the first tool call with BridgeAbortError and zero traces (R-ABORT-1, R-ABORT-4)", async () => {
    let calls = 0;
    const lookup = tool(() => {
      calls++;
      return { v: 1 };
    });
    const err = await runError(oneTool, { tools: { lookup }, signal: AbortSignal.abort(), trace: "basic" });
    expect(err).toBeInstanceOf(BridgeAbortError);
    expect(err.name).toBe("BridgeAbortError");
    expect(err.message).toBe(ABORTED);
    expect(err.traces).toEqual([]);
    expect(calls).toBe(0);
  });

  it("the signal is not checked at execution start: a bridge without tools completes (R-ABORT-4)", async () => {
    const source = `version 1.5
bridge Query.run {
  with input as i
  with output as o
  o.v <- i.v
}`;
    const { data } = await run(source, { input: { v: 1 }, signal: AbortSignal.abort() });
    expect(data).toEqual({ v: 1 });
  });

  it("an abort during execution prevents later calls; earlier calls stay traced (R-ABORT-1)", async () => {
    const controller = new AbortController();
    const source = `version 1.5
bridge Query.run {
  with first as a
  with second as b
  with output as o
  b.x <- a.v
  o.v <- b.x
}`;
    let secondCalls = 0;
    const first = tool(async () => {
      controller.abort();
      return { v: 1 };
    });
    const second = tool((input) => {
      secondCalls++;
      return input;
    });
    const err = await runError(source, { tools: { first, second }, signal: controller.signal, trace: "basic" });
    expect(err).toBeInstanceOf(BridgeAbortError);
    expect(secondCalls).toBe(0);
    expect((err.traces as Array<{ tool: string }>).map((t) => t.tool)).toEqual(["first"]);
  });

  it("BridgeAbortError bypasses ?., catch and on error (R-ABORT-3)", async () => {
    const source = `version 1.5
tool guarded from lookup {
  on error = { "v": "fallback" }
}
bridge Query.run {
  with guarded as g
  with lookup as l
  with output as o
  o.a <- g?.v catch "caught"
  o.b <- l.v catch "caught"
}`;
    const err = await runError(source, { tools: { lookup: tool(() => ({ v: 1 })) }, signal: AbortSignal.abort() });
    expect(err).toBeInstanceOf(BridgeAbortError);
    expect(err.message).toBe(ABORTED);
  });

  it("pipe stages and batched calls check the signal before running (R-ABORT-1)", async () => {
    let calls = 0;
    const up = tool(() => {
      calls++;
      return "x";
    });
    const people = tool(
      (inputs: unknown[]) => {
        calls++;
        return inputs.map(() => ({ name: "n" }));
      },
      { batch: true },
    );
    const pipe = `version 1.5
bridge Query.run {
  with input as i
  with up as u
  with output as o
  o.v <- u:i.x
}`;
    const batch = `version 1.5
bridge Query.run {
  with input as i
  with output as o
  o <- i.ids[] as id {
    with people as p
    p.id <- id
    .name <- p.name catch "caught"
  }
}`;
    const signal = AbortSignal.abort();
    expect(await runError(pipe, { tools: { up }, input: { x: 1 }, signal })).toBeInstanceOf(BridgeAbortError);
    expect(await runError(batch, { tools: { people }, input: { ids: [1, 2] }, signal })).toBeInstanceOf(BridgeAbortError);
    expect(calls).toBe(0);
  });

  it("a DOMException AbortError from a tool while the signal is aborted is a BridgeAbortError (R-ABORT-2)", async () => {
    const controller = new AbortController();
    const started = deferred();
    const lookup = tool(
      (_input, ctx: { signal: AbortSignal }) =>
        new Promise((_resolve, reject) => {
          ctx.signal.addEventListener("abort", () => reject(new DOMException("The operation was aborted.", "AbortError")));
          started.resolve();
        }),
    );
    const pending = runError(oneTool.replace("o.v <- l.v", 'o.v <- l.v catch "caught"'), {
      tools: { lookup },
      signal: controller.signal,
      toolTimeoutMs: 0,
    });
    await started.promise;
    controller.abort();
    const err = await pending;
    expect(err).toBeInstanceOf(BridgeAbortError);
    expect(err.name).toBe("BridgeAbortError");
  });

  it("tools receive the signal in their context and should pass it on (R-ABORT-5, D-3)", async () => {
    const controller = new AbortController();
    let seen: AbortSignal | undefined;
    const started = deferred();
    const lookup = tool(
      (_input, ctx: { signal: AbortSignal }) =>
        new Promise((_resolve, reject) => {
          seen = ctx.signal;
          ctx.signal.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError")));
          started.resolve();
        }),
    );
    const pending = runError(oneTool, { tools: { lookup }, signal: controller.signal, toolTimeoutMs: 0 });
    await started.promise;
    expect(seen).toBeInstanceOf(AbortSignal);
    expect(seen?.aborted).toBe(false);
    controller.abort();
    await pending;
    expect(seen?.aborted).toBe(true);
  });
});

describe("the engine never aborts the caller's signal", () => {
  it("Q-34: panic does not abort the caller's signal (R-CTRL-3, R-ABORT-5)", async () => {
    const controller = new AbortController();
    const source = `version 1.5
bridge Query.run {
  with input as i
  with lookup as l
  with output as o
  o.a <- i.a ?? panic "stop"
  o.b <- l.v
}`;
    const err = await runError(source, { tools: { lookup: tool(async () => ({ v: 1 })) }, signal: controller.signal, input: {} });
    expect(err).toBeInstanceOf(BridgePanicError);
    expect(err.message).toBe("stop");
    expect(controller.signal.aborted).toBe(false);
  });

  it("a failed execution leaves the caller's signal untouched", async () => {
    const controller = new AbortController();
    await runError(oneTool, { tools: { lookup: tool(() => Promise.reject(new Error("down"))) }, signal: controller.signal });
    expect(controller.signal.aborted).toBe(false);
  });
});

describe("per-call signals (D-3)", () => {
  it("every call gets its own signal, never the caller's object and never undefined", async () => {
    const controller = new AbortController();
    const signals: AbortSignal[] = [];
    const source = `version 1.5
bridge Query.run {
  with lookup as a
  with lookup as b
  with output as o
  o.a <- a.v
  o.b <- b.v
}`;
    const lookup = tool((_input, ctx: { signal: AbortSignal }) => {
      signals.push(ctx.signal);
      return { v: 1 };
    });
    await run(source, { tools: { lookup }, signal: controller.signal });
    await run(source, { tools: { lookup } });
    expect(signals).toHaveLength(4);
    for (const s of signals) {
      expect(s).toBeInstanceOf(AbortSignal);
      expect(s).not.toBe(controller.signal);
    }
    expect(signals[0]).not.toBe(signals[1]);
  });

  it("the call's signal is aborted when the call times out", async () => {
    let seen: AbortSignal | undefined;
    const slow = tool((_input, ctx: { signal: AbortSignal }) => {
      seen = ctx.signal;
      return new Promise(() => {});
    });
    const source = `version 1.5
bridge Query.run {
  with slow as s
  with output as o
  o.v <- s.v catch "late"
}`;
    const { data } = await run(source, { tools: { slow }, toolTimeoutMs: 20 });
    expect(data).toEqual({ v: "late" });
    expect(seen?.aborted).toBe(true);
  });

  it("a fire-and-forget call still running is aborted when the execution fails fatally", async () => {
    let seen: AbortSignal | undefined;
    const started = deferred();
    const background = tool((_input, ctx: { signal: AbortSignal }) => {
      seen = ctx.signal;
      started.resolve();
      return new Promise((resolve) => ctx.signal.addEventListener("abort", () => resolve({ v: "stopped" })));
    });
    const source = `version 1.5
bridge Query.run {
  with input as i
  with background as b
  with output as o
  force b catch null
  o.v <- i.a ?? panic "fatal"
}`;
    const err = await runError(source, { tools: { background }, input: {}, toolTimeoutMs: 0 });
    expect(err).toBeInstanceOf(BridgePanicError);
    await started.promise;
    await sleep(0);
    expect(seen?.aborted).toBe(true);
  });
});

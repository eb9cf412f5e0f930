// Caller signals shared by many executions (R-TOOL-CTX signal, D-4 limits untouched):
// one abort listener per signal, whatever the number of executions watching it.
import { getEventListeners } from "node:events";
import { parseBridge } from "@bridgekit/parser";
import { describe, expect, it } from "vitest";
import { BridgeAbortError, createEngine, executeBridge } from "../../src/index.js";
import { watchAbort } from "../../src/execute/abort-watch.js";

const document = parseBridge(`version 1.5
bridge Query.wait {
  with slow as s
  with input as i
  with output as o
  s.id <- i.id
  o.id <- s.id
}`);

/** A tool that answers when released, or honours its signal (AbortError) on abort. */
function gate() {
  const waiting: (() => void)[] = [];
  const slow = (p: { id: number }, ctx: { signal: AbortSignal }) =>
    new Promise((resolve, reject) => {
      ctx.signal.addEventListener("abort", () => reject(new DOMException("gone", "AbortError")), { once: true });
      waiting.push(() => resolve({ id: p.id }));
    });
  return { slow, release: () => waiting.splice(0).forEach((f) => f()) };
}

describe("caller signal shared by concurrent executions", () => {
  it("has one listener for 50 executions and none once they finish", async () => {
    const controller = new AbortController();
    const { slow, release } = gate();
    const prepared = createEngine({ tools: { slow } }).prepare(document);
    const runs = Array.from({ length: 50 }, (_, id) =>
      prepared.execute({ operation: "Query.wait", input: { id }, signal: controller.signal }),
    );
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 0));
    release();
    const results = await Promise.all(runs);
    expect(results.map((r) => r.data)).toEqual(Array.from({ length: 50 }, (_, id) => ({ id })));
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });

  it("aborts every execution watching the signal, with no MaxListenersExceededWarning", async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.name);
    process.on("warning", onWarning);
    try {
      const controller = new AbortController();
      const { slow } = gate();
      const runs = Array.from({ length: 30 }, (_, id) =>
        executeBridge({ document, operation: "Query.wait", input: { id }, tools: { slow }, signal: controller.signal }),
      );
      await new Promise((r) => setTimeout(r, 0));
      controller.abort(new Error("shutting down"));
      const outcomes = await Promise.allSettled(runs);
      expect(outcomes.every((o) => o.status === "rejected" && o.reason instanceof BridgeAbortError)).toBe(true);
      await new Promise((r) => setTimeout(r, 0));
      expect(warnings).not.toContain("MaxListenersExceededWarning");
    } finally {
      process.off("warning", onWarning);
    }
  });

  it("stops calling a callback once unwatched and keeps the others", () => {
    const controller = new AbortController();
    const calls: string[] = [];
    const stopA = watchAbort(controller.signal, () => calls.push("a"));
    watchAbort(controller.signal, () => calls.push("b"));
    stopA();
    stopA();
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(1);
    controller.abort();
    expect(calls).toEqual(["b"]);
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });
});

/**
 * Fire-and-forget forces (R-FORCE-3): `force h catch null` does not hold up
 * the result, but a call that settles quickly (here: after one timer tick,
 * while the outputs are already done) is still in the traces the result
 * carries, whether it succeeded or failed.
 */
import { describe, expect, it } from "vitest";
import { run, tool } from "../behaviour/support.js";

const source = `version 1.5
bridge Query.run {
  with audit as a
  with output as o
  force a catch null
  o.ok = true
}`;

/** A tool settling on the next timer tick (a quick async call). */
const nextTick = (fail: boolean) =>
  tool(() => new Promise((resolve, reject) => setTimeout(() => (fail ? reject(new Error("down")) : resolve({ logged: true })), 0)));

describe("fire-and-forget forces that settle quickly (R-FORCE-3)", () => {
  it("R-FORCE-3: a quick successful fire-and-forget call is in the result's traces", async () => {
    const result = await run(source, { tools: { audit: nextTick(false) }, trace: "basic" });
    const traced = result.traces.map((t) => ({ tool: t.tool, error: t.error }));
    expect(result.data).toEqual({ ok: true });
    expect(traced).toEqual([{ tool: "audit", error: undefined }]);
  });

  it("R-FORCE-3: a quick failing fire-and-forget call is swallowed and still traced with its error", async () => {
    const result = await run(source, { tools: { audit: nextTick(true) }, trace: "basic" });
    const traced = result.traces.map((t) => ({ tool: t.tool, error: t.error }));
    expect(result.data).toEqual({ ok: true });
    expect(traced).toEqual([{ tool: "audit", error: "down" }]);
  });
});

// Tool timeouts beyond the fixtures: error wrapping and cause (R-TIMEOUT-1, R-TIMEOUT-3), default limit and timer cleanup (D-3).
import { afterEach, describe, expect, it, vi } from "vitest";
import { BridgeRuntimeError, BridgeTimeoutError } from "../../src/index.js";
import { run, runError, tool } from "./support.js";

const source = `version 1.5
tool api from lib.slow
bridge Query.run {
  with api as a
  with output as o
  o.v <- a.v
}`;

const never = tool(() => new Promise(() => {}));

const fakeTimers = () =>
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "setInterval", "clearInterval", "Date", "performance"] });

afterEach(() => {
  vi.useRealTimers();
});

describe("timeouts", () => {
  it("an unhandled timeout is a BridgeRuntimeError whose cause is the BridgeTimeoutError (R-TIMEOUT-3)", async () => {
    const err = await runError(source, { tools: { "lib.slow": never }, toolTimeoutMs: 20 });
    expect(err).toBeInstanceOf(BridgeRuntimeError);
    expect(err.name).toBe("BridgeRuntimeError");
    expect(err.message).toBe('Tool "api" timed out after 20ms');
    expect(err.cause).toBeInstanceOf(BridgeTimeoutError);
    expect((err.cause as Error).name).toBe("BridgeTimeoutError");
    expect((err.cause as Error).message).toBe('Tool "api" timed out after 20ms');
    expect(err.loc).toEqual({ startLine: 6, startColumn: 10, endLine: 6, endColumn: 12 });
  });

  it("the timed-out call is traced with the timeout message", async () => {
    const err = await runError(source, { tools: { "lib.slow": never }, toolTimeoutMs: 20, trace: "basic" });
    expect(err.traces).toEqual([expect.objectContaining({ tool: "api", fn: "lib.slow", error: 'Tool "api" timed out after 20ms' })]);
  });

  it("the default limit is 15000 ms (R-TIMEOUT-1)", async () => {
    fakeTimers();
    const pending = runError(source, { tools: { "lib.slow": never } });
    await vi.advanceTimersByTimeAsync(14_999);
    let settled = false;
    void pending.then(() => {
      settled = true;
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const err = await pending;
    expect(err.message).toBe('Tool "api" timed out after 15000ms');
  });

  it("timers are cleared when calls settle (D-3)", async () => {
    fakeTimers();
    const quick = tool(async () => ({ v: 1 }));
    const { data } = await run(source, { tools: { "lib.slow": quick }, toolTimeoutMs: 1000 });
    expect(data).toEqual({ v: 1 });
    expect(vi.getTimerCount()).toBe(0);
  });

  it("the late result of a timed-out call is ignored", async () => {
    let resolveLate!: (v: unknown) => void;
    const late = tool(() => new Promise((resolve) => (resolveLate = resolve)));
    const caught = source.replace("o.v <- a.v", 'o.v <- a.v catch "timed out"');
    const { data } = await run(caught, { tools: { "lib.slow": late }, toolTimeoutMs: 20 });
    resolveLate({ v: "late" });
    expect(data).toEqual({ v: "timed out" });
  });
});

// Per-call logging (R-LOG-1..3), its defaults, std.audit through the same logger (R-LOG-4).
import { describe, expect, it } from "vitest";
import type { ToolMetadata } from "../../src/index.js";
import { recordingLogger, run, tool } from "./support.js";

const source = `version 1.5
tool api from lib.call
bridge Query.run {
  with api as a
  with output as o
  o.v <- a.v catch "caught"
}`;

const ok = (meta?: ToolMetadata) => tool(async () => ({ v: 1 }), meta);
const bad = (meta?: ToolMetadata) => tool(async () => Promise.reject(new Error("down")), meta);

type Row = [name: string, meta: ToolMetadata | undefined, success: string[], failure: string[]];

// [levels logged for a success, levels logged for a failure]
const table: Row[] = [
  ["absent metadata (Q-48: successes not logged)", undefined, [], ["error"]],
  ["log: false", { log: false }, [], []],
  ["log: true", { log: true }, ["info"], ["error"]],
  ['execution: "info"', { log: { execution: "info" } }, ["info"], ["error"]],
  ['execution: "debug"', { log: { execution: "debug" } }, ["debug"], ["error"]],
  ["execution: true", { log: { execution: true } }, ["debug"], ["error"]],
  ["execution: false", { log: { execution: false } }, [], ["error"]],
  ['errors: "warn"', { log: { errors: "warn" } }, [], ["warn"]],
  ['errors: "error"', { log: { errors: "error" } }, [], ["error"]],
  ["errors: true", { log: { errors: true } }, [], ["error"]],
  ["errors: false", { log: { errors: false } }, [], []],
  ['execution: "info", errors: "warn"', { log: { execution: "info", errors: "warn" } }, ["info"], ["warn"]],
];

describe("log levels per metadata (R-LOG-2)", () => {
  for (const [name, meta, success, failure] of table) {
    it(`${name}: success`, async () => {
      const { logger, lines } = recordingLogger();
      await run(source, { tools: { "lib.call": ok(meta) }, logger });
      expect(lines.map((l) => l.level)).toEqual(success);
    });
    it(`${name}: failure`, async () => {
      const { logger, lines } = recordingLogger();
      const { data } = await run(source, { tools: { "lib.call": bad(meta) }, logger });
      expect(data).toEqual({ v: "caught" });
      expect(lines.map((l) => l.level)).toEqual(failure);
    });
  }
});

describe("log line shapes (R-LOG-3)", () => {
  it("success: ({ tool, fn, durationMs }, '[bridge] tool completed')", async () => {
    const { logger, lines } = recordingLogger();
    await run(source, { tools: { "lib.call": ok({ log: true }) }, logger });
    expect(lines).toHaveLength(1);
    const [fields, message] = lines[0]!.args as [Record<string, unknown>, string];
    expect(message).toBe("[bridge] tool completed");
    expect(Object.keys(fields).sort()).toEqual(["durationMs", "fn", "tool"]);
    expect(fields.tool).toBe("api");
    expect(fields.fn).toBe("lib.call");
    expect(typeof fields.durationMs).toBe("number");
    expect(fields.durationMs as number).toBeGreaterThanOrEqual(0);
  });

  it("failure: ({ tool, fn, err }, '[bridge] tool failed') even when catch recovers", async () => {
    const { logger, lines } = recordingLogger();
    await run(source, { tools: { "lib.call": bad() }, logger });
    expect(lines).toEqual([{ level: "error", args: [{ tool: "api", fn: "lib.call", err: "down" }, "[bridge] tool failed"] }]);
  });

  it("a failure replaced by on error is still logged", async () => {
    const guarded = `version 1.5
tool api from lib.call {
  on error = { "v": "fallback" }
}
bridge Query.run {
  with api as a
  with output as o
  o.v <- a.v
}`;
    const { logger, lines } = recordingLogger();
    const { data } = await run(guarded, { tools: { "lib.call": bad() }, logger });
    expect(data).toEqual({ v: "fallback" });
    expect(lines.map((l) => l.level)).toEqual(["error"]);
  });

  it("one log line per real call: cache reuse and memo hits are not logged", async () => {
    const memo = `version 1.5
bridge Query.run {
  with input as i
  with lib.call as shared
  with output as o
  o.a <- shared.v
  o.b <- shared.v
  o.rows <- i.ids[] as id {
    with lib.call as m memoize
    m.id <- id
    .v <- m.v
  }
}`;
    const { logger, lines } = recordingLogger();
    await run(memo, { tools: { "lib.call": ok({ log: true }) }, logger, input: { ids: [1, 1, 2] } });
    expect(lines).toHaveLength(3);
  });

  it("one log line per batch chunk", async () => {
    const batch = `version 1.5
bridge Query.run {
  with input as i
  with output as o
  o <- i.ids[] as id {
    with people as p
    p.id <- id
    .name <- p.name
  }
}`;
    const people = tool((inputs: unknown[]) => inputs.map(() => ({ name: "n" })), { batch: { maxBatchSize: 2 }, log: true });
    const { logger, lines } = recordingLogger();
    await run(batch, { tools: { people }, logger, input: { ids: [1, 2, 3] } });
    expect(lines.map((l) => l.level)).toEqual(["info", "info"]);
  });
});

describe("logger configuration (R-LOG-1)", () => {
  it("missing logger methods are skipped", async () => {
    const calls: unknown[] = [];
    const { data } = await run(source, { tools: { "lib.call": bad() }, logger: { info: (...a: unknown[]) => calls.push(a) } });
    expect(data).toEqual({ v: "caught" });
    expect(calls).toEqual([]);
  });

  it("without a logger nothing is logged and tools still get a usable logger", async () => {
    let received: unknown;
    const probe = tool((_input, ctx: { logger: Record<string, unknown> }) => {
      received = ctx.logger;
      return { v: 1 };
    });
    const { data } = await run(source, { tools: { "lib.call": probe } });
    expect(data).toEqual({ v: 1 });
    expect(typeof received).toBe("object");
    expect(received).not.toBeNull();
  });

  it("tools receive the execution's logger", async () => {
    const { logger, lines } = recordingLogger();
    const chatty = tool((_input, ctx: { logger: { warn?: (...a: unknown[]) => void } }) => {
      ctx.logger.warn?.({ from: "tool" }, "hello");
      return { v: 1 };
    });
    await run(source, { tools: { "lib.call": chatty }, logger });
    expect(lines).toEqual([{ level: "warn", args: [{ from: "tool" }, "hello"] }]);
  });
});

describe("std.audit (R-LOG-4)", () => {
  const audit = `version 1.5
bridge Mutation.returnBook {
  with lib.return as r
  with std.audit as audit
  with input as i
  with output as o
  r.copy <- i.copyId
  audit.event = "book-returned"
  audit.copy <- i.copyId
  audit.late <- r.daysLate
  audit.level = "warn"
  force audit
  o.ok <- r.ok
}`;

  it("logs its input without level at the chosen level, untraced", async () => {
    const { logger, lines } = recordingLogger();
    const { data, traces } = await run(audit, {
      operation: "Mutation.returnBook",
      tools: { "lib.return": tool(() => ({ ok: true, daysLate: 3 })) },
      input: { copyId: "c-1" },
      logger,
      trace: "basic",
    });
    expect(data).toEqual({ ok: true });
    expect(lines).toEqual([{ level: "warn", args: [{ event: "book-returned", copy: "c-1", late: 3 }, "[bridge:audit]"] }]);
    expect(traces.map((t) => t.tool)).toEqual(["lib.return"]);
  });
});

describe("sync tools returning a Promise (D-5)", () => {
  it("the Promise is awaited and a warning is logged", async () => {
    const { logger, lines } = recordingLogger();
    const liar = tool(async () => ({ v: 1 }), { sync: true });
    const { data } = await run(source, { tools: { "lib.call": liar }, logger });
    expect(data).toEqual({ v: 1 });
    expect(lines.map((l) => l.level)).toEqual(["warn"]);
  });

  it("a rejection is handled like any tool failure, never left unhandled", async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);
    try {
      const { logger, lines } = recordingLogger();
      const liar = tool(() => Promise.reject(new Error("late")), { sync: true });
      const { data } = await run(source, { tools: { "lib.call": liar }, logger });
      expect(data).toEqual({ v: "caught" });
      expect(lines.map((l) => l.level)).toEqual(["warn", "error"]);
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(unhandled).toEqual([]);
    } finally {
      process.off("unhandledRejection", onUnhandled);
    }
  });
});

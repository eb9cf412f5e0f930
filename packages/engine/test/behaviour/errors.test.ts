// Error classes and wrapping at the execution boundary (R-ERR-1, R-ERR-2), plain Errors of R-EXEC-1, limits (D-4).
import { describe, expect, it } from "vitest";
import {
  BridgeAbortError,
  BridgeLimitError,
  BridgePanicError,
  BridgeRuntimeError,
  BridgeTimeoutError,
  executeBridge,
} from "../../src/index.js";
import { parse, run, runError, tool } from "./support.js";

const readTool = `version 1.5
bridge Query.run {
  with lookup as l
  with output as o
  o.v <- l.v
}`;

describe("wrapping (R-ERR-2)", () => {
  it("a tool error becomes a BridgeRuntimeError with the original as cause", async () => {
    const original = new TypeError("bad type");
    const err = await runError(readTool, { tools: { lookup: tool(() => Promise.reject(original)) } });
    expect(err).toBeInstanceOf(BridgeRuntimeError);
    expect(err.name).toBe("BridgeRuntimeError");
    expect(err.message).toBe("bad type");
    expect(err.cause).toBe(original);
    expect(err.loc).toEqual({ startLine: 5, startColumn: 10, endLine: 5, endColumn: 12 });
  });

  it("a non-Error value is converted with String() and kept as cause", async () => {
    const err = await runError(readTool, { tools: { lookup: tool(() => Promise.reject(42)) } });
    expect(err).toBeInstanceOf(BridgeRuntimeError);
    expect(err.message).toBe("42");
    expect(err.cause).toBe(42);
  });

  it("a BridgeRuntimeError thrown by a tool is kept", async () => {
    const own = new BridgeRuntimeError("already wrapped");
    const err = await runError(readTool, { tools: { lookup: tool(() => Promise.reject(own)) } });
    expect(err).toBe(own);
  });

  it("errors carry traces ([] when tracing is off), the source and the filename", async () => {
    const document = parse(readTool, "read.bridge");
    const lookup = tool(() => Promise.reject(new Error("down")));
    let err: (Error & Record<string, unknown>) | undefined;
    try {
      await executeBridge({ document, operation: "Query.run", tools: { lookup } });
    } catch (e) {
      err = e as Error & Record<string, unknown>;
    }
    expect(err?.traces).toEqual([]);
    expect(err?.source).toBe(readTool);
    expect(err?.filename).toBe("read.bridge");
  });

  it("errors carry the traces collected so far", async () => {
    const err = await runError(readTool, { tools: { lookup: tool(() => Promise.reject(new Error("down"))) }, trace: "basic" });
    expect(err.traces).toEqual([expect.objectContaining({ tool: "lookup", fn: "lookup", error: "down" })]);
  });

  it("fatal errors are thrown as themselves", async () => {
    const panic = await runError(`version 1.5
bridge Query.run {
  with input as i
  with output as o
  o.v <- i.a ?? panic "fatal"
}`, { input: {} });
    expect(panic).toBeInstanceOf(BridgePanicError);
    expect(panic).not.toBeInstanceOf(BridgeRuntimeError);
    expect(panic.name).toBe("BridgePanicError");
    expect(panic.loc).toEqual({ startLine: 5, startColumn: 17, endLine: 5, endColumn: 29 });
  });

  it("a throw is an ordinary error, not a panic (R-ERR-1)", async () => {
    const err = await runError(`version 1.5
bridge Query.run {
  with input as i
  with output as o
  o.v <- i.a ?? throw "ordinary"
}`, { input: {} });
    expect(err).toBeInstanceOf(BridgeRuntimeError);
    expect(err).not.toBeInstanceOf(BridgePanicError);
  });

  it("class names are the error names", () => {
    expect(new BridgeRuntimeError("m").name).toBe("BridgeRuntimeError");
    expect(new BridgePanicError("m").name).toBe("BridgePanicError");
    expect(new BridgeAbortError().name).toBe("BridgeAbortError");
    expect(new BridgeAbortError().message).toBe("Execution aborted by external signal");
  });
});

describe("plain Errors before execution (R-EXEC-1)", () => {
  const cases: Array<[string, string]> = [
    ["Query", 'Invalid operation "Query" — expected "Type.field" (e.g. "Query.myField")'],
    ["Query.run.x", 'Invalid operation "Query.run.x" — expected "Type.field" (e.g. "Query.myField")'],
    ["Query.missing", 'Bridge "Query.missing" not found in document'],
  ];
  for (const [operation, message] of cases) {
    it(`${operation}: ${message}`, async () => {
      const err = await runError(readTool, { operation });
      expect(err).toBeInstanceOf(Error);
      expect(err).not.toBeInstanceOf(BridgeRuntimeError);
      expect(err).not.toBeInstanceOf(BridgePanicError);
      expect(err.name).toBe("Error");
      expect(err.message).toBe(message);
    });
  }
});

describe("limits (D-4, R-ARR-12)", () => {
  const nested = `version 1.5
bridge Query.run {
  with input as i
  with output as o
  o.rows <- i.rows[] as r {
    .kids <- r.kids[] as k { .v <- k }
  }
}`;

  it("maxDepth: a BridgeLimitError that is also a BridgePanicError", async () => {
    const err = await runError(nested, { input: { rows: [{ kids: [1] }] }, maxDepth: 1 });
    expect(err).toBeInstanceOf(BridgeLimitError);
    expect(err).toBeInstanceOf(BridgePanicError);
    expect(err.name).toBe("BridgeLimitError");
    expect(err.message).toBe("Maximum execution depth exceeded (2). Check for infinite recursion or circular array mappings.");
  });

  it("maxDepth: N levels pass, N + 1 fail", async () => {
    const input = { rows: [{ kids: [1] }] };
    await expect(run(nested, { input, maxDepth: 2 })).resolves.toEqual({ data: { rows: [{ kids: [{ v: 1 }] }] }, traces: [] });
    await expect(run(nested, { input, maxDepth: 1 })).rejects.toBeInstanceOf(BridgeLimitError);
  });

  const flat = `version 1.5
bridge Query.run {
  with input as i
  with output as o
  o.rows <- i.rows[] as r { .v <- r } catch []
}`;

  it("maxArrayLength: at the limit passes, above fails; fatal, so catch does not absorb it", async () => {
    const ok = await run(flat, { input: { rows: [1, 2, 3] }, limits: { maxArrayLength: 3 } });
    expect(ok.data).toEqual({ rows: [{ v: 1 }, { v: 2 }, { v: 3 }] });
    const err = await runError(flat, { input: { rows: [1, 2, 3, 4] }, limits: { maxArrayLength: 3 } });
    expect(err).toBeInstanceOf(BridgeLimitError);
    expect(err).toBeInstanceOf(BridgePanicError);
    expect(err.message).toContain("maxArrayLength");
    expect(err.message).toContain("3");
  });

  it("maxArrayLength: an array-like with a huge length is refused before iterating", async () => {
    let reads = 0;
    const sparse = new Proxy([] as unknown[], {
      get(target, key, receiver) {
        if (key === "length") return 10_000_000;
        if (typeof key === "string" && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key, receiver);
      },
    });
    const source = `version 1.5
bridge Query.run {
  with src as s
  with output as o
  o.rows <- s.list[] as r { .v <- r }
}`;
    const err = await runError(source, { tools: { src: tool(() => ({ list: sparse })) } });
    expect(err).toBeInstanceOf(BridgeLimitError);
    expect(err.message).toContain("maxArrayLength");
    expect(reads).toBe(0);
  });

  it("maxToolCalls: at the limit passes, above fails", async () => {
    const source = `version 1.5
bridge Query.run {
  with input as i
  with output as o
  o <- i.ids[] as id {
    with lookup as l
    l.id <- id
    .v <- l.id catch "caught"
  }
}`;
    const lookup = tool((input: unknown) => input);
    const ok = await run(source, { tools: { lookup }, input: { ids: [1, 2] }, limits: { maxToolCalls: 2 } });
    expect(ok.data).toEqual([{ v: 1 }, { v: 2 }]);
    const err = await runError(source, { tools: { lookup }, input: { ids: [1, 2, 3] }, limits: { maxToolCalls: 2 } });
    expect(err).toBeInstanceOf(BridgeLimitError);
    expect(err.message).toContain("maxToolCalls");
    expect(err.message).toContain("2");
  });
});

describe("timeout class (R-ERR-1)", () => {
  it("BridgeTimeoutError is not fatal: catch absorbs it", async () => {
    const source = `version 1.5
bridge Query.run {
  with lookup as l
  with output as o
  o.v <- l.v catch "caught"
}`;
    const { data } = await run(source, { tools: { lookup: tool(() => new Promise(() => {})) }, toolTimeoutMs: 10 });
    expect(data).toEqual({ v: "caught" });
    expect(new BridgeTimeoutError("t", 5).message).toBe('Tool "t" timed out after 5ms');
  });
});

// Interleaving that fixtures cannot express: parallel groups, sequential chains, operand and element
// concurrency (R-EXEC-4, R-ARR-7), waiting rules (R-EXEC-5), self-wires before caller wires, batch chunks (R-BATCH-2, R-BATCH-3).
import { describe, expect, it } from "vitest";
import { deferred, run, runError, sleep, tool } from "./support.js";

/** Two tools that each wait for the other to have started: only concurrent execution finishes. */
function rendezvous() {
  const aStarted = deferred();
  const bStarted = deferred();
  const a = tool(async () => {
    aStarted.resolve();
    await bStarted.promise;
    return { v: "a" };
  });
  const b = tool(async () => {
    bStarted.resolve();
    await aStarted.promise;
    return { v: "b" };
  });
  return { a, b };
}

describe("concurrency (R-EXEC-4)", () => {
  it("independent output groups run in parallel", async () => {
    const source = `version 1.5
bridge Query.run {
  with a as a
  with b as b
  with output as o
  o.a <- a.v
  o.b <- b.v
}`;
    const { data } = await run(source, { tools: rendezvous(), toolTimeoutMs: 1000 });
    expect(data).toEqual({ a: "a", b: "b" });
  });

  it("both operands of a binary operator run concurrently", async () => {
    const source = `version 1.5
bridge Query.run {
  with a as a
  with b as b
  with output as o
  o.v <- a.v == b.v
}`;
    const { data } = await run(source, { tools: rendezvous(), toolTimeoutMs: 1000 });
    expect(data).toEqual({ v: false });
  });

  it("template placeholders run concurrently", async () => {
    const source = `version 1.5
bridge Query.run {
  with a as a
  with b as b
  with output as o
  o.v <- "{a.v}{b.v}"
}`;
    const { data } = await run(source, { tools: rendezvous(), toolTimeoutMs: 1000 });
    expect(data).toEqual({ v: "ab" });
  });

  it("the input wires of one tool run concurrently", async () => {
    const source = `version 1.5
bridge Query.run {
  with a as a
  with b as b
  with echo as e
  with output as o
  e.x <- a.v
  e.y <- b.v
  o.v <- e
}`;
    const echo = tool((input: unknown) => input);
    const { data } = await run(source, { tools: { ...rendezvous(), echo }, toolTimeoutMs: 1000 });
    expect(data).toEqual({ v: { x: "a", y: "b" } });
  });

  it("array elements run concurrently (R-ARR-7)", async () => {
    const source = `version 1.5
bridge Query.run {
  with input as i
  with output as o
  o <- i.ids[] as id {
    with lookup as l
    l.id <- id
    .v <- l.id
  }
}`;
    const started: number[] = [];
    const all = deferred();
    const lookup = tool(async (input: { id: number }) => {
      started.push(input.id);
      if (started.length === 3) all.resolve();
      await all.promise;
      return input;
    });
    const { data } = await run(source, { tools: { lookup }, input: { ids: [1, 2, 3] }, toolTimeoutMs: 1000 });
    expect(data).toEqual([{ v: 1 }, { v: 2 }, { v: 3 }]);
  });

  it("a chain a -> b -> c runs sequentially", async () => {
    const log: string[] = [];
    const step = (name: string) =>
      tool(async (input: Record<string, unknown>) => {
        log.push(`start ${name}`);
        await sleep(5);
        log.push(`end ${name}`);
        return { v: `${String(input.x ?? "")}${name}` };
      });
    const source = `version 1.5
bridge Query.run {
  with a as a
  with b as b
  with c as c
  with output as o
  b.x <- a.v
  c.x <- b.v
  o.v <- c.v
}`;
    const { data } = await run(source, { tools: { a: step("a"), b: step("b"), c: step("c") } });
    expect(data).toEqual({ v: "abc" });
    expect(log).toEqual(["start a", "end a", "start b", "end b", "start c", "end c"]);
  });

  it("and, or and ternaries are sequential", async () => {
    const log: string[] = [];
    const flag = (name: string, value: boolean) =>
      tool(async () => {
        log.push(`start ${name}`);
        await sleep(5);
        log.push(`end ${name}`);
        return { v: value };
      });
    const source = `version 1.5
bridge Query.run {
  with a as a
  with b as b
  with c as c
  with output as o
  o.and <- a.v and b.v
  o.pick <- c.v ? "yes" : "no"
}`;
    const { data } = await run(source, { tools: { a: flag("a", true), b: flag("b", true), c: flag("c", false) } });
    expect(data).toEqual({ and: true, pick: "no" });
    expect(log.indexOf("start b")).toBeGreaterThan(log.indexOf("end a"));
  });

  it("a tool block's self-wires finish before the caller's wires start", async () => {
    const log: string[] = [];
    const dep = tool(async () => {
      log.push("start dep");
      await sleep(10);
      log.push("end dep");
      return { token: "t" };
    });
    const caller = tool(async () => {
      log.push("start caller");
      return { v: "c" };
    });
    const source = `version 1.5
tool api from echo {
  with dep as d
  .token <- d.token
}
bridge Query.run {
  with api as a
  with caller as c
  with output as o
  a.value <- c.v
  o.v <- a
}`;
    const { data } = await run(source, { tools: { dep, caller, echo: tool((input: unknown) => input) } });
    expect(data).toEqual({ v: { token: "t", value: "c" } });
    expect(log).toEqual(["start dep", "end dep", "start caller"]);
  });
});

describe("failure and waiting rules (R-EXEC-5)", () => {
  it("a failing group does not cancel others; the engine waits for them before rejecting", async () => {
    let slowFinished = false;
    const slow = tool(async () => {
      await sleep(30);
      slowFinished = true;
      return { v: 1 };
    });
    const source = `version 1.5
bridge Query.run {
  with input as i
  with slow as s
  with output as o
  o.a <- i.a ?? throw "fails fast"
  o.b <- s.v
}`;
    const err = await runError(source, { tools: { slow }, input: {}, trace: "basic" });
    expect(err.message).toBe("fails fast");
    expect(slowFinished).toBe(true);
    expect((err.traces as unknown[]).length).toBe(1);
  });

  it("a panic also waits for running wires (R-CTRL-3)", async () => {
    let slowFinished = false;
    const slow = tool(async () => {
      await sleep(30);
      slowFinished = true;
      return { v: 1 };
    });
    const source = `version 1.5
bridge Query.run {
  with input as i
  with slow as s
  with output as o
  o.b <- s.v
  o.a <- i.a ?? panic "stop"
}`;
    const err = await runError(source, { tools: { slow }, input: {} });
    expect(err.name).toBe("BridgePanicError");
    expect(slowFinished).toBe(true);
  });

  it("a critical force that fails rejects without waiting for output groups", async () => {
    let slowFinished = false;
    const slow = tool(async () => {
      await sleep(200);
      slowFinished = true;
      return { v: 1 };
    });
    const source = `version 1.5
bridge Query.run {
  with slow as s
  with fail as f
  with output as o
  force f
  o.v <- s.v
}`;
    const err = await runError(source, { tools: { slow, fail: tool(async () => Promise.reject(new Error("down"))) } });
    expect(err.message).toBe("down");
    expect(slowFinished).toBe(false);
  });
});

describe("batch queueing (R-BATCH-2, R-BATCH-3)", () => {
  it("chunks are invoked one after another", async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const chunks: number[][] = [];
    const people = tool(
      async (inputs: Array<{ id: number }>) => {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        chunks.push(inputs.map((x) => x.id));
        await sleep(5);
        inFlight--;
        return inputs.map((x) => ({ name: `p${x.id}` }));
      },
      { batch: { maxBatchSize: 2 } },
    );
    const source = `version 1.5
bridge Query.run {
  with input as i
  with output as o
  o <- i.ids[] as id {
    with people as p
    p.id <- id
    .name <- p.name
  }
}`;
    const { data } = await run(source, { tools: { people }, input: { ids: [1, 2, 3, 4, 5] } });
    expect(data).toEqual([1, 2, 3, 4, 5].map((k) => ({ name: `p${k}` })));
    expect(maxInFlight).toBe(1);
    expect(chunks).toEqual([[1, 2], [3, 4], [5]]);
  });

  it("calls of one function through different tool names share a queue", async () => {
    const seen: string[][] = [];
    const fn = tool(
      (inputs: Array<{ id: string }>) => {
        seen.push(inputs.map((x) => x.id));
        return inputs.map((x) => ({ name: x.id }));
      },
      { batch: true },
    );
    const source = `version 1.5
bridge Query.run {
  with input as i
  with output as o
  o <- i.ids[] as id {
    with a.byId as a
    with b.byId as b
    a.id <- id
    b.id <- id
    .a <- a.name
    .b <- b.name
  }
}`;
    const { data } = await run(source, { tools: { "a.byId": fn, "b.byId": fn }, input: { ids: ["x", "y"] } });
    expect(data).toEqual([
      { a: "x", b: "x" },
      { a: "y", b: "y" },
    ]);
    expect(seen).toHaveLength(1);
    expect([...seen[0]!].sort()).toEqual(["x", "x", "y", "y"]);
  });
});

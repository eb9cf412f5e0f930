// Per-execution state and value identity: caches never outlive an execution (R-EXEC-3, R-MEMO-2),
// input read as given (R-EXEC-7), values not cloned (R-EXEC-10), prototypes of data (D-2), errors without location (R-LOC-2).
import { describe, expect, it } from "vitest";
import { createEngine, executeBridge } from "../../src/index.js";
import { parse, run, runError, tool } from "./support.js";

describe("caches live for one execution (R-EXEC-3, R-MEMO-2)", () => {
  const source = `version 1.5
bridge Query.run {
  with input as i
  with lookup as l
  with output as o
  l.id <- i.id
  o.a <- l.v
  o.rows <- i.ids[] as id {
    with lookup as m memoize
    m.id <- id
    .v <- m.v
  }
}`;

  it("repeated executions of one prepared document call tools again", async () => {
    let calls = 0;
    const lookup = tool((input: { id: unknown }) => {
      calls++;
      return { v: input.id };
    });
    const prepared = createEngine({ tools: { lookup } }).prepare(parse(source));
    const first = await prepared.execute({ operation: "Query.run", input: { id: 1, ids: [1, 1] } });
    const second = await prepared.execute({ operation: "Query.run", input: { id: 1, ids: [1, 1] } });
    expect(first.data).toEqual({ a: 1, rows: [{ v: 1 }, { v: 1 }] });
    expect(second.data).toEqual(first.data);
    expect(calls).toBe(4);
  });

  it("concurrent executions do not share results", async () => {
    const lookup = tool(async (input: { id: unknown }) => ({ v: input.id }));
    const document = parse(source);
    const [a, b] = await Promise.all([
      executeBridge({ document, operation: "Query.run", tools: { lookup }, input: { id: "a", ids: ["a"] } }),
      executeBridge({ document, operation: "Query.run", tools: { lookup }, input: { id: "b", ids: ["b"] } }),
    ]);
    expect(a.data).toEqual({ a: "a", rows: [{ v: "a" }] });
    expect(b.data).toEqual({ a: "b", rows: [{ v: "b" }] });
  });
});

describe("identity of values", () => {
  it("reading the whole input returns the input object itself (R-EXEC-7)", async () => {
    const input = { x: { y: 1 } };
    const { data } = await run<{ all: unknown; x: unknown }>(
      `version 1.5
bridge Query.run {
  with input as i
  with output as o
  o.all <- i
  o.x <- i.x
}`,
      { input },
    );
    expect(data.all).toBe(input);
    expect(data.x).toBe(input.x);
  });

  it("tool input values are not cloned (R-EXEC-10)", async () => {
    const obj = { deep: [1, 2] };
    let received: unknown;
    const probe = tool((input: { obj: unknown }) => {
      received = input.obj;
      return {};
    });
    await run(
      `version 1.5
bridge Query.run {
  with input as i
  with probe as p
  with output as o
  p.obj <- i.obj
  o.done <- p.done
}`,
      { input: { obj }, tools: { probe } },
    );
    expect(received).toBe(obj);
  });

  it("the input object passed to a tool is fresh per call (R-EXEC-10)", async () => {
    const seen: unknown[] = [];
    const probe = tool((input: unknown) => {
      seen.push(input);
      return { v: 1 };
    });
    await run(
      `version 1.5
bridge Query.run {
  with input as i
  with probe as a
  with probe as b
  with output as o
  a <- i
  b <- i
  o.a <- a.v
  o.b <- b.v
}`,
      { input: { k: 1 }, tools: { probe } },
    );
    expect(seen).toHaveLength(2);
    expect(seen[0]).not.toBe(seen[1]);
  });
});

describe("prototypes in data (D-2)", () => {
  it("every object in data has Object.prototype, arrays Array.prototype", async () => {
    const input = JSON.parse('{"obj": {"__proto__": {"polluted": true}, "a": {"b": 1}}, "rows": [{"n": 1}]}') as Record<string, unknown>;
    const { data } = await run(
      `version 1.5
const k = {"c": {"d": [1, {"e": 2}]}}
bridge Query.run {
  with input as i
  with const as k
  with output as o
  o.merged {
    ... <- i.obj
  }
  o.konst <- k.k
  o.rows <- i.rows[] as r {
    .n <- r.n
    .m { .x <- r.n }
  }
  o.lit <- i.none ?? {"x": {"y": []}}
}`,
      { input },
    );
    const check = (value: unknown): void => {
      if (Array.isArray(value)) {
        expect(Object.getPrototypeOf(value)).toBe(Array.prototype);
        value.forEach(check);
      } else if (value !== null && typeof value === "object") {
        expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
        Object.values(value).forEach(check);
      }
    };
    check(data);
    expect(data).toEqual({ merged: { a: { b: 1 } }, konst: { c: { d: [1, { e: 2 }] } }, rows: [{ n: 1, m: { x: 1 } }], lit: { x: { y: [] } } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("errors without a location (R-LOC-2)", () => {
  it("throw as a catch handler has no location", async () => {
    const err = await runError(`version 1.5
bridge Query.run {
  with fail as f
  with output as o
  o.v <- f.v catch throw "handler"
}`, { tools: { fail: tool(() => Promise.reject(new Error("down"))) } });
    expect(err.message).toBe("handler");
    expect(err.loc).toBeUndefined();
  });

  it("panic as a catch handler has no location", async () => {
    const err = await runError(`version 1.5
bridge Query.run {
  with fail as f
  with output as o
  o.v <- f.v catch panic "handler"
}`, { tools: { fail: tool(() => Promise.reject(new Error("down"))) } });
    expect(err.name).toBe("BridgePanicError");
    expect(err.loc).toBeUndefined();
  });

  it("a failing critical force that nothing else reads has no location", async () => {
    const err = await runError(`version 1.5
bridge Query.run {
  with fail as f
  with output as o
  force f
  o.ok = true
}`, { tools: { fail: tool(() => Promise.reject(new Error("down"))) } });
    expect(err.message).toBe("down");
    expect(err.loc).toBeUndefined();
  });
});

// Executions never share mutable state, and never mutate what the host passes in.
import { describe, expect, it } from "vitest";
import { parseBridge } from "@bridgekit/parser";
import { createEngine, executeBridge } from "@bridgekit/engine";

function deepFreeze<T>(v: T): T {
  if (v !== null && (typeof v === "object" || typeof v === "function")) {
    for (const k of Object.keys(v as object)) deepFreeze((v as Record<string, unknown>)[k]);
    Object.freeze(v);
  }
  return v;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("concurrency isolation", () => {
  it("interleaved executions of one prepared document see only their own values, caches and memos", async () => {
    let calls = 0;
    const tools = {
      slow: async (input: { id: number }) => {
        calls++;
        await sleep(input.id % 3);
        return { id: input.id, twice: input.id * 2 };
      },
    };
    const doc = parseBridge(`version 1.5
bridge Query.q {
  with slow as s memoize
  with input as i
  with output as o
  s.id <- i.id
  o.id <- s.id
  o.twice <- s.twice
  o.items <- i.list[] as x {
    with slow as t memoize
    t.id <- x
    .v <- t.twice
  }
}`);
    const prepared = createEngine({ tools }).prepare(doc);
    const runs = Array.from({ length: 30 }, (_, k) =>
      prepared.execute({ operation: "Query.q", input: { id: k, list: [k, k, k + 1] } }),
    );
    const results = await Promise.all(runs);
    results.forEach((r, k) => {
      expect(r.data).toEqual({ id: k, twice: 2 * k, items: [{ v: 2 * k }, { v: 2 * k }, { v: 2 * k + 2 }] });
    });
    // per execution: 1 root call + 2 distinct memoized element calls
    expect(calls).toBe(30 * 3);
  });
});

describe("no mutation of input, context, tools or tool results", () => {
  it("works on deeply frozen inputs and results (strict mode would throw on any write)", async () => {
    const shared = deepFreeze({ a: { b: 1 }, list: [{ n: 1 }, { n: 2 }], __proto__x: 1 });
    const tools = deepFreeze({
      api: () => shared,
      echo: (input: unknown) => input,
    });
    const doc = parseBridge(`version 1.5
bridge Query.q {
  with api
  with echo as e
  with input as i
  with context as ctx
  with output as o
  e <- i.obj
  e.a.c <- ctx.flag
  o <- api
  o.a.extra <- i.obj.a.b
  o.copy {
    ... <- i.obj
    .z = 1
  }
  o.echoed <- e
  o.rows <- api.list[] as r {
    ... <- r
    .m <- r.n
  }
}`);
    const input = deepFreeze({ obj: { a: { b: 5 } } });
    const context = deepFreeze({ flag: true });
    const r = await executeBridge({ document: doc, operation: "Query.q", input, context, tools });
    expect(r.data).toEqual({
      a: { b: 1, extra: 5 },
      list: [{ n: 1 }, { n: 2 }],
      __proto__x: 1,
      copy: { a: { b: 5 }, z: 1 },
      echoed: { a: { b: 5, c: true } },
      rows: [
        { n: 1, m: 1 },
        { n: 2, m: 2 },
      ],
    });
    expect(shared.a).toEqual({ b: 1 });
    expect(input.obj.a).toEqual({ b: 5 });
  });

  it("treats __proto__ keys as data and returns plain prototypes (D-2)", async () => {
    const payload = JSON.parse('{"__proto__": {"polluted": true}, "ok": 1}') as Record<string, unknown>;
    const doc = parseBridge(`version 1.5
bridge Query.q {
  with input as i
  with output as o
  o <- i.p
  o.inner {
    ... <- i.p
  }
}`);
    const r = await executeBridge({ document: doc, operation: "Query.q", input: { p: payload } });
    const data = r.data as Record<string, unknown>;
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(data.inner)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((data as { polluted?: unknown }).polluted).toBeUndefined();
    expect(data.ok).toBe(1);
  });
});

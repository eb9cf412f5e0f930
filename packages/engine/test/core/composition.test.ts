// Several features composed in one bridge: tool-block dependencies and `on error <- ctx`
// (R-TOOL-8/9), define with force and arrays (Q-15, R-DEF-3), pipes through tool
// blocks (R-PIPE-3), nested arrays reading an outer iterator (R-ARR-4).
import { test, expect } from "vitest";
import { parseBridge } from "@bridgekit/parser";
import { executeBridge } from "@bridgekit/engine";
test("features compose", async () => {
  const calls: string[] = [];
  const tools = {
    audit: (x: unknown) => { calls.push("audit"); return x; },
    tok: (x: { user?: string }) => { calls.push("tok"); return { token: "T-" + x.user }; },
    api: async (x: Record<string, unknown>) => { calls.push("api"); if (x.fail) throw new Error("boom"); return { got: x }; },
    fx: (x: { in: number; rate: number }) => ({ v: x.in * x.rate }),
  };
  const doc = parseBridge(`version 1.5
tool authed from api {
  with tok as t
  with context as ctx
  t.user <- ctx.user
  .token <- t.token
  .static = 1
  on error <- ctx.fallback
}
tool conv from fx {
  .rate = 2
}
define wrap {
  with audit as a
  with input as i
  with output as out
  force a
  a.x <- i.x
  out.y <- i.x
  out.list <- i.xs[] as e {
    .n <- e
    .outer <- i.x
  }
}
bridge Query.q {
  with authed as au
  with conv
  with wrap as w
  with input as i
  with context as ctx
  with output as o
  au.fail <- i.fail
  w.x <- i.x
  w.xs <- i.xs
  o.au <- au
  o.w <- w
  o.piped <- conv:i.x
  o.rows <- i.rows[] as r {
    .k <- r.k
    .sub <- r.subs[] as s {
      .s <- s
      .k <- r.k
    }
    .c <- conv:r.k
  }
}`);
  const r = await executeBridge({ document: doc, operation: "Query.q", tools, input: { x: 3, xs: [1, 2], rows: [{ k: 1, subs: [7] }] }, context: { user: "ann", fallback: { fb: true } } });
  expect(r.data).toEqual({
    au: { got: { token: "T-ann", static: 1, fail: undefined } },
    w: { y: 3, list: [{ n: 1, outer: 3 }, { n: 2, outer: 3 }] },
    piped: { v: 6 },
    rows: [{ k: 1, sub: [{ s: 7, k: 1 }], c: { v: 2 } }],
  });
  expect(calls.filter((c) => c === "audit").length).toBe(1);
  const r2 = await executeBridge({ document: doc, operation: "Query.q", tools, input: { x: 3, xs: [], rows: [], fail: true }, context: { user: "ann", fallback: { fb: true } } });
  expect((r2.data as { au: unknown }).au).toEqual({ fb: true });
});

/**
 * `force` inside a define body (Q-15 fix, R-FORCE-3): the forced tool starts
 * when the define instance is first read; a critical force holds up the
 * define's outputs (and fails them), a fire-and-forget one (`catch null`)
 * does not. A define whose forced tool settles synchronously is read
 * synchronously: values that are already there never go through a Promise
 * (docs/engine.md, "What is fast"), so the reader's tool is called before
 * the next output field's tool. The order of calls shows both.
 */
import { describe, expect, it } from "vitest";
import { run, runError, tool } from "../behaviour/support.js";

const S = (force: string): string => `version 1.5
define dfn {
  with audit as a
  with input as i
  with output as out
  ${force}
  a.x <- i.x
  out.v <- i.x
}
bridge Query.run {
  with input as i
  with dfn as d
  with t1
  with t2
  with output as o
  d.x <- i.x
  t1.in <- d.v
  o.a <- t1.v
  o.b <- t2.v
}`;

type Audit = "sync" | "sync-fail" | "async" | "async-fail";

interface Row {
  name: string;
  force: string;
  audit: Audit;
  requestedFields?: string[];
  expect: { data: unknown } | { error: string };
  calls: string[];
}

const rows: Row[] = [
  {
    name: "fire-and-forget, sync tool: the define is read synchronously",
    force: "force a catch null",
    audit: "sync",
    expect: { data: { a: 1, b: "B" } },
    calls: ["audit", "t1", "t2"],
  },
  {
    name: "critical, sync tool: the define is read synchronously",
    force: "force a",
    audit: "sync",
    expect: { data: { a: 1, b: "B" } },
    calls: ["audit", "t1", "t2"],
  },
  {
    name: "R-FORCE-3: critical, async tool: the define's outputs wait for it",
    force: "force a",
    audit: "async",
    expect: { data: { a: 1, b: "B" } },
    calls: ["audit", "t2", "audit:done", "t1"],
  },
  {
    name: "R-FORCE-3: fire-and-forget, async tool: the define's outputs do not wait",
    force: "force a catch null",
    audit: "async",
    expect: { data: { a: 1, b: "B" } },
    calls: ["audit", "t1", "t2", "audit:done"],
  },
  {
    name: "R-FORCE-3: critical, failing async tool: reading the define fails",
    force: "force a",
    audit: "async-fail",
    expect: { error: "audit down" },
    calls: ["audit", "t2", "audit:failed"],
  },
  {
    name: "R-FORCE-3: fire-and-forget, failing async tool: the failure is swallowed",
    force: "force a catch null",
    audit: "async-fail",
    expect: { data: { a: 1, b: "B" } },
    calls: ["audit", "t1", "t2", "audit:failed"],
  },
  {
    name: "R-FORCE-3: critical, synchronously failing tool: reading the define fails",
    force: "force a",
    audit: "sync-fail",
    expect: { error: "audit down" },
    calls: ["audit", "t2"],
  },
  {
    name: "R-FORCE-3: fire-and-forget, synchronously failing tool: the failure is swallowed",
    force: "force a catch null",
    audit: "sync-fail",
    expect: { data: { a: 1, b: "B" } },
    calls: ["audit", "t1", "t2"],
  },
  {
    name: "Q-15 fix: a define that is not read does not run its forces",
    force: "force a",
    audit: "sync",
    requestedFields: ["b"],
    expect: { data: { b: "B" } },
    calls: ["t2"],
  },
];

describe("force inside a define body (Q-15 fix, R-FORCE-3)", () => {
  it.each(rows)("$name", async (row) => {
    const calls: string[] = [];
    const audit = (mode: Audit) =>
      mode === "sync" || mode === "sync-fail"
        ? tool(
            () => {
              calls.push("audit");
              if (mode === "sync-fail") throw new Error("audit down");
              return { ok: true };
            },
            { sync: true },
          )
        : tool(async () => {
            calls.push("audit");
            await Promise.resolve();
            calls.push(mode === "async" ? "audit:done" : "audit:failed");
            if (mode === "async-fail") throw new Error("audit down");
            return { ok: true };
          });
    const sync = (name: string, result: (x: { in?: unknown }) => unknown) =>
      tool(
        (x: { in?: unknown }) => {
          calls.push(name);
          return result(x);
        },
        { sync: true },
      );
    const tools = { audit: audit(row.audit), t1: sync("t1", (x) => ({ v: x.in })), t2: sync("t2", () => ({ v: "B" })) };
    const options = { input: { x: 1 }, tools, requestedFields: row.requestedFields };
    if ("error" in row.expect) {
      const err = await runError(S(row.force), options);
      expect({ class: err.name, message: err.message }).toEqual({ class: "BridgeRuntimeError", message: row.expect.error });
    } else {
      const r = await run(S(row.force), options);
      expect(r.data).toStrictEqual(row.expect.data);
    }
    expect(calls).toEqual(row.calls);
  });
});

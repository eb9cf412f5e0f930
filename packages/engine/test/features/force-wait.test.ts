/**
 * With forces in a bridge, the result still waits for every output field
 * (R-FORCE-3, R-EXEC-5): a critical force or a quick fire-and-forget force
 * that settles before a slow output field does not let the result complete
 * early; the field's value (or its failure) is what the result carries.
 * Output tools here settle after a timer, later than the forced tool.
 */
import { describe, expect, it } from "vitest";
import { run, runError, sleep, tool } from "../behaviour/support.js";

const S = (force: string): string => `version 1.5
bridge Query.run {
  with audit as a
  with slow as s
  with output as o
  ${force}
  o.v <- s.v
  o.w = "now"
}`;

interface Row {
  name: string;
  force: string;
  /** Audit settles after this many ms (0: synchronously, as a plain value). */
  auditMs: number;
  slowFails?: boolean;
  expect: { data: unknown } | { error: string };
}

const rows: Row[] = [
  { name: "R-EXEC-5: a critical force settling first waits for the slow field", force: "force a", auditMs: 1, expect: { data: { v: "slow", w: "now" } } },
  { name: "R-EXEC-5: a critical sync force waits for the slow field", force: "force a", auditMs: 0, expect: { data: { v: "slow", w: "now" } } },
  {
    name: "R-FORCE-3: a quick fire-and-forget force waits for the slow field",
    force: "force a catch null",
    auditMs: 1,
    expect: { data: { v: "slow", w: "now" } },
  },
  {
    name: "R-EXEC-5: with a critical force, a slow field's failure fails the result",
    force: "force a",
    auditMs: 1,
    slowFails: true,
    expect: { error: "slow down" },
  },
];

describe("forces and slow output fields (R-FORCE-3, R-EXEC-5)", () => {
  it.each(rows)("$name", async (row) => {
    const events: string[] = [];
    const audit =
      row.auditMs === 0
        ? tool(
            () => {
              events.push("audit");
              return { ok: true };
            },
            { sync: true },
          )
        : tool(async () => {
            await sleep(row.auditMs);
            events.push("audit");
            return { ok: true };
          });
    const slow = tool(async () => {
      await sleep(30);
      events.push("slow");
      if (row.slowFails === true) throw new Error("slow down");
      return { v: "slow" };
    });
    const options = { tools: { audit, slow } };
    if ("error" in row.expect) {
      const err = await runError(S(row.force), options);
      expect({ class: err.name, message: err.message }).toEqual({ class: "BridgeRuntimeError", message: row.expect.error });
    } else {
      const r = await run(S(row.force), options);
      expect(r.data).toStrictEqual(row.expect.data);
    }
    expect(events).toEqual(["audit", "slow"]);
  });
});

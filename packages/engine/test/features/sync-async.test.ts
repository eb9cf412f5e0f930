/**
 * Sync and async tools must give the same outcome (the property in
 * hardening/properties.test.ts, which found this case). Operands of a binary
 * operator run concurrently (R-EXEC-4, R-EXPR-6), so the right operand is
 * demanded even when the left one fails; a cycle it re-enters is a fatal
 * BridgePanicError (R-CYCLE-1) that no `catch` absorbs.
 *
 * With a sync tool the left operand throws before the right one is
 * evaluated; the engine still starts the right operand (and later template
 * placeholders), so the cycle is entered and panics as with async tools.
 */
import { describe, expect, it } from "vitest";
import { run, tool } from "../behaviour/support.js";

const SOURCE = `version 1.5
bridge Query.run {
  with fail as f
  with echo as e
  with output as o
  e.a <- f.x * e.b
  o.v <- e.a catch "caught"
}`;

async function outcome(mode: "sync" | "async"): Promise<string> {
  const fn = (f: (x: unknown) => unknown) => (mode === "sync" ? tool(f, { sync: true }) : tool(async (x: unknown) => f(x)));
  const tools = {
    echo: fn((x) => x),
    fail: fn(() => {
      throw new Error("down");
    }),
  };
  return run(SOURCE, { tools }).then(
    (r) => `data ${JSON.stringify(r.data)}`,
    (e: Error & { loc?: unknown }) => `${e.name}: ${e.message} at ${JSON.stringify(e.loc)}`,
  );
}

const CYCLE = 'BridgePanicError: Circular dependency detected: "_:Tools:echo:1" depends on itself at {"startLine":6,"startColumn":16,"endLine":6,"endColumn":18}';

describe("a failing left operand next to a right operand that re-enters its tool (R-EXEC-4, R-CYCLE-1)", () => {
  it("async tools: the right operand runs and the cycle panics through catch", async () => {
    expect(await outcome("async")).toBe(CYCLE);
  });

  it("sync tools: the same outcome (the right operand still starts after the left one's sync throw)", async () => {
    expect(await outcome("sync")).toBe(CYCLE);
  });
});

const TEMPLATE = `version 1.5
bridge Query.run {
  with fail as f
  with echo as e
  with output as o
  e.a <- "{f.x}-{e.b}"
  o.v <- e.a catch "caught"
}`;

describe("template placeholders after one that fails synchronously (R-EXEC-4, R-STR-*)", () => {
  for (const mode of ["sync", "async"] as const) {
    it(`${mode} tools: the later placeholder still runs and its cycle panics through catch`, async () => {
      const fn = (f: (x: unknown) => unknown) => (mode === "sync" ? tool(f, { sync: true }) : tool(async (x: unknown) => f(x)));
      const tools = { echo: fn((x) => x), fail: fn(() => { throw new Error("down"); }) };
      const outcome = await run(TEMPLATE, { tools }).then(
        (r) => `data ${JSON.stringify(r.data)}`,
        (e: Error) => `${e.name}: ${e.message}`,
      );
      expect(outcome).toBe('BridgePanicError: Circular dependency detected: "_:Tools:echo:1" depends on itself');
    });
  }

  it("an ordinary failure of a later operand does not replace the first one", async () => {
    const tools = {
      first: tool(() => { throw new Error("first down"); }, { sync: true }),
      second: tool(() => { throw new Error("second down"); }, { sync: true }),
    };
    const source = `version 1.5
bridge Query.run {
  with first as a
  with second as b
  with output as o
  o.v <- a.x + b.x
  o.t <- "{a.x}{b.x}"
}`;
    await expect(run(source, { tools })).rejects.toThrow("first down");
  });
});

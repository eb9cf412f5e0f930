/**
 * Sanity tests of the conformance runner itself (tool specs, the forced-async
 * pass, expectation helpers, fixture validation), independent of the engine.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ToolContext, ToolFn } from "../../src/types.js";
import { reviveExpected } from "./expected.js";
import { loadFixture } from "./fixtures.js";
import { buildTools } from "./tools.js";

const ctx = { logger: {}, signal: new AbortController().signal } as ToolContext;
const call = (fn: unknown, input: unknown): unknown => (fn as ToolFn)(input, ctx);

describe("conformance runner: tool specs", () => {
  it("builds echo, fail, returns, throws and js tools as written", async () => {
    const { tools, calls } = buildTools(
      {
        echo: "echo",
        fail: "fail",
        r: { returns: { a: 1 } },
        t: { throws: "nope" },
        s: { returns: 5, sync: true },
        j: { js: "(input) => input.x * 2" },
      },
      "written",
    );
    const e = call(tools.echo, { q: 1 });
    expect(e).toBeInstanceOf(Promise);
    expect(await e).toEqual({ q: 1 });
    await expect(call(tools.fail, {})).rejects.toThrow("down");
    expect(await call(tools.r, {})).toEqual({ a: 1 });
    await expect(call(tools.t, {})).rejects.toThrow("nope");
    expect(call(tools.s, {})).toBe(5);
    expect((tools.s as ToolFn).bridge).toEqual({ sync: true });
    expect(call(tools.j, { x: 4 })).toBe(8);
    expect(calls).toEqual({ echo: 1, fail: 1, r: 1, t: 1, s: 1, j: 1 });
  });

  it("returns a fresh copy of `returns` on every call", async () => {
    const { tools } = buildTools({ r: { returns: { list: [1] } } }, "written");
    const first = (await call(tools.r, {})) as { list: number[] };
    first.list.push(2);
    expect(await call(tools.r, {})).toEqual({ list: [1] });
  });

  it("forces every tool async, dropping sync and keeping the cost", async () => {
    const { tools } = buildTools(
      { s: { returns: 5, sync: true }, c: { returns: 1, cost: 7 }, a: "echo", j: { js: "() => 3", sync: true, batch: true } },
      "async",
    );
    const s = call(tools.s, {});
    expect(s).toBeInstanceOf(Promise);
    expect(await s).toBe(5);
    expect((tools.s as ToolFn).bridge).toEqual({ cost: 1 });
    expect((tools.c as ToolFn).bridge).toEqual({ cost: 7 });
    expect((tools.a as ToolFn).bridge).toEqual({ cost: 2 });
    expect((tools.j as ToolFn).bridge).toEqual({ cost: 1, batch: true });
    expect(await call(tools.j, {})).toBe(3);
  });

  it("delays delayMs tools and keeps their metadata as written", async () => {
    const { tools } = buildTools({ d: { returns: "late", delayMs: 5, sync: true } }, "written");
    const started = Date.now();
    const p = call(tools.d, {});
    expect(p).toBeInstanceOf(Promise);
    expect(await p).toBe("late");
    expect(Date.now() - started).toBeGreaterThanOrEqual(4);
    expect((tools.d as ToolFn).bridge).toEqual({ sync: true });
  });

  it("sync fail throws synchronously", () => {
    const { tools } = buildTools({ f: { fail: true, sync: true } }, "written");
    expect(() => call(tools.f, {})).toThrow("down");
  });
});

describe("conformance runner: expectations and fixture files", () => {
  it("revives $undefined at any depth", () => {
    const v = reviveExpected({ a: "$undefined", b: [1, "$undefined"], c: { d: "x" } }) as Record<string, unknown>;
    expect("a" in v && v.a === undefined).toBe(true);
    expect(v).toStrictEqual({ a: undefined, b: [1, undefined], c: { d: "x" } });
    expect(reviveExpected("$undefined")).toBeUndefined();
    expect(reviveExpected(["$NaN", "$Infinity", "$-Infinity", "$other"])).toStrictEqual([NaN, Infinity, -Infinity, "$other"]);
  });

  it("rejects unknown keys and a missing operation", () => {
    const dir = mkdtempSync(join(tmpdir(), "bk-fixture-"));
    writeFileSync(join(dir, "g.bridge"), "version 1.5\n");
    writeFileSync(
      join(dir, "g.json"),
      JSON.stringify({ rules: ["R-X-1"], cases: [{ name: "a", expect: { data: 1 } }, { name: "b", operation: "Q.b", expected: {} }] }),
    );
    const file = loadFixture(dir, join(dir, "g.json"));
    expect(file.cases).toEqual([]);
    expect(file.problems.join("\n")).toContain(`case a: "operation" is required`);
    expect(file.problems.join("\n")).toContain(`case b: unknown key "expected"`);
  });
});

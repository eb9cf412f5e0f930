// Tool-map shapes that fixtures cannot express: namespaces, flat keys over nesting, replacing std
// (R-EXEC-14), host getters (D-1), and memo keys for cyclic or deep inputs (D-6).
import { describe, expect, it } from "vitest";
import { run, runError, tool } from "./support.js";

const member = `version 1.5
bridge Query.run {
  with lib.member as m
  with output as o
  o.name <- m.name
}`;

describe("tool lookup (R-EXEC-14)", () => {
  it("nested namespace objects", async () => {
    const { data } = await run(member, { tools: { lib: { member: tool(() => ({ name: "nested" })) } } });
    expect(data).toEqual({ name: "nested" });
  });

  it("a flat key wins over nesting", async () => {
    const tools = { "lib.member": tool(() => ({ name: "flat" })), lib: { member: tool(() => ({ name: "nested" })) } };
    const { data } = await run(member, { tools });
    expect(data).toEqual({ name: "flat" });
  });

  const notFound: Array<[string, Record<string, unknown>]> = [
    ["a non-object along the way", { lib: 5 }],
    ["a final value that is not a function", { lib: { member: { name: "x" } } }],
    ["a missing segment", { lib: {} }],
  ];
  for (const [name, tools] of notFound) {
    it(`not found: ${name}`, async () => {
      const err = await runError(member, { tools: tools as never });
      expect(err.message).toBe('No tool found for "lib.member"');
    });
  }

  it("a user std key replaces the whole standard namespace", async () => {
    const source = `version 1.5
bridge Query.run {
  with input as i
  with std.str.toUpperCase as up
  with std.str.toLowerCase as low
  with output as o
  o.up <- up:i.s
  o.low <- low:i.s catch "gone"
}`;
    const std = { str: { toUpperCase: tool((input: { in: string }) => `custom:${input.in}`) } };
    const { data } = await run(source, { tools: { std }, input: { s: "Ab" } });
    expect(data).toEqual({ up: "custom:Ab", low: "gone" });
  });

  it("tool maps are not mutated", async () => {
    const tools = { lib: { member: tool(() => ({ name: "n" })) } };
    const keys = JSON.stringify(Object.keys(tools));
    await run(member, { tools });
    expect(JSON.stringify(Object.keys(tools))).toBe(keys);
    expect(Object.keys(tools.lib)).toEqual(["member"]);
  });
});

describe("host objects (D-1)", () => {
  it("getters inherited from a host class on the context read normally", async () => {
    class RequestContext {
      get region() {
        return "eu";
      }
    }
    const source = `version 1.5
bridge Query.run {
  with context as ctx
  with output as o
  o.region <- ctx.region
  o.str <- ctx.toString
}`;
    const { data } = await run(source, { context: new RequestContext() as unknown as Record<string, unknown> });
    expect(data).toEqual({ region: "eu", str: undefined });
  });
});

describe("memo keys (D-6)", () => {
  const source = `version 1.5
bridge Query.run {
  with make as mk
  with lookup as l memoize
  with output as o
  l <- mk
  o.v <- l.v
}`;

  it("a cyclic input fails with a Bridge error, not a stack overflow", async () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    const err = await runError(source, { tools: { make: tool(() => cyclic), lookup: tool(() => ({ v: 1 })) } });
    expect(err.name.startsWith("Bridge")).toBe(true);
    expect(err).not.toBeInstanceOf(RangeError);
  });

  it("a very deep input fails with a Bridge error, not a stack overflow", async () => {
    let deep: Record<string, unknown> = {};
    for (let k = 0; k < 100_000; k++) deep = { d: deep };
    const err = await runError(source, { tools: { make: tool(() => deep), lookup: tool(() => ({ v: 1 })) } });
    expect(err.name.startsWith("Bridge")).toBe(true);
    expect(err).not.toBeInstanceOf(RangeError);
  });

  it("a moderately nested input is a normal key", async () => {
    const nested = { a: { b: { c: [1, { d: "x" }] } } };
    const { data } = await run(source, { tools: { make: tool(() => nested), lookup: tool(() => ({ v: 1 })) } });
    expect(data).toEqual({ v: 1 });
  });
});

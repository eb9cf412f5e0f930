/**
 * Path reads at run time (R-PATH-3 steps 2-4, R-SAFE-1, D-1) in positions
 * without the error-safety of R-SAFE-2 (ternary branches, R-SAFE-3, and
 * references without `?.`), so each step's own outcome is visible: a safe
 * segment on a nullish value or on a primitive without the key yields
 * `undefined`, a strict one fails with the exact message; a function value
 * reads as `undefined` (D-1), also when a path continues past it. Also: a
 * const read of a missing key is `undefined` (R-CONST-5 copies only values),
 * and a spread of `null` does nothing (R-SPREAD-2).
 */
import { describe, expect, it } from "vitest";
import { run, runError, tool } from "../behaviour/support.js";

/** `o.v <- i.on ? <expr> : "off"`: the branch has segment-local safety only (R-SAFE-3). */
const branch = (expr: string): string => `version 1.5
bridge Query.run {
  with input as i
  with output as o
  o.v <- i.on ? ${expr} : "off"
}`;

/** `o.v <- <expr>` with a tool `f` returning the function `fn` (D-1). */
const withTool = (expr: string): string => `version 1.5
bridge Query.run {
  with input as i
  with f as t
  with output as o
  t.x <- i.x
  o.v <- ${expr}
}`;

const fn = function namedFn() {
  return 1;
};

describe("R-PATH-3 / R-SAFE-1: safe segments in a ternary branch", () => {
  const rows: { label: string; expr: string; input: Record<string, unknown>; data: unknown }[] = [
    { label: "null?.b is undefined", expr: "i.a?.b", input: { on: true, a: null }, data: {} },
    { label: "missing?.b is undefined", expr: "i.a?.b", input: { on: true }, data: {} },
    { label: "a safe segment on null then a safe one", expr: "i.a?.b?.c", input: { on: true, a: null }, data: {} },
    { label: '"abc"?.foo (a primitive without the key) is undefined', expr: "i.s?.foo", input: { on: true, s: "abc" }, data: {} },
    { label: "5?.foo is undefined", expr: "i.n?.foo", input: { on: true, n: 5 }, data: {} },
    { label: '"abc"?.length is 3 (the primitive has the key)', expr: "i.s?.length", input: { on: true, s: "abc" }, data: { v: 3 } },
    { label: "an object's present key through ?.", expr: "i.a?.b", input: { on: true, a: { b: 7 } }, data: { v: 7 } },
    { label: "a null value read through ?. stays null", expr: "i.a?.b", input: { on: true, a: { b: null } }, data: { v: null } },
  ];
  it.each(rows)("$label", async ({ expr, input, data }) => {
    expect((await run(branch(expr), { input })).data).toEqual(data);
  });

  it("R-SAFE-1: only the marked segment is safe: null?.b.c fails in a branch", async () => {
    const err = await runError(branch("i.a?.b.c"), { input: { on: true, a: null } });
    expect(err.message).toBe("Cannot read properties of undefined (reading 'c')");
  });
});

describe("R-PATH-3: strict reads fail with the exact message", () => {
  const SOURCE = `version 1.5
bridge Query.run {
  with input as i
  with output as o
  o.v <- i.a.toString
}`;
  const rows: { label: string; input: Record<string, unknown>; message: string }[] = [
    // `toString` exists on every boxed value: the nullish check must come first.
    { label: "null.toString", input: { a: null }, message: "Cannot read properties of null (reading 'toString')" },
    { label: "undefined.toString", input: {}, message: "Cannot read properties of undefined (reading 'toString')" },
  ];
  it.each(rows)("$label fails", async ({ input, message }) => {
    const err = await runError(SOURCE, { input });
    expect({ name: err.name, message: err.message }).toEqual({ name: "BridgeRuntimeError", message });
  });

  it("D-1: an inherited method of a present value reads as undefined", async () => {
    expect((await run(SOURCE, { input: { a: { b: 1 } } })).data).toEqual({});
    expect((await run(SOURCE, { input: { a: "text" } })).data).toEqual({});
  });

  it("a primitive without the key names the primitive", async () => {
    const src = SOURCE.replace("i.a.toString", "i.a.foo");
    expect((await runError(src, { input: { a: 5 } })).message).toBe("Cannot read properties of 5 (reading 'foo')");
    expect((await runError(src, { input: { a: false } })).message).toBe("Cannot read properties of false (reading 'foo')");
  });
});

describe("D-1: a tool result that is a function reads as undefined", () => {
  const tools = { f: tool(() => fn) };
  it("reading a key of it fails like reading from undefined (not naming the function)", async () => {
    for (const key of ["name", "length", "other"]) {
      const err = await runError(withTool(`t.${key}`), { input: { x: 1 }, tools });
      expect(err.message).toBe(`Cannot read properties of undefined (reading '${key}')`);
    }
  });

  it("a deeper path fails at its first segment", async () => {
    const err = await runError(withTool("t.name.length"), { input: { x: 1 }, tools });
    expect(err.message).toBe("Cannot read properties of undefined (reading 'name')");
  });

  it("a safe segment on it yields undefined (in a branch, R-SAFE-3) and the whole value is undefined", async () => {
    const src = withTool(`i.on ? t?.name : "off"`);
    expect((await run(src, { input: { x: 1, on: true }, tools })).data).toEqual({});
    expect((await run(withTool("t"), { input: { x: 1 }, tools })).data).toEqual({});
  });

  it("a function inside a result reads as undefined, and reading past it fails", async () => {
    const inner = { f: tool(() => ({ g: fn, n: 2 })) };
    expect((await run(withTool("t.g"), { input: { x: 1 }, tools: inner })).data).toEqual({});
    expect((await run(withTool("t.n"), { input: { x: 1 }, tools: inner })).data).toEqual({ v: 2 });
    const err = await runError(withTool("t.g.name"), { input: { x: 1 }, tools: inner });
    expect(err.message).toBe("Cannot read properties of undefined (reading 'name')");
  });
});

describe("R-CONST-5: const reads", () => {
  const SOURCE = `version 1.5
const c = { "a": 1, "s": "x", "n": null, "o": { "k": [1, 2] } }
bridge Query.run {
  with const
  with output as o
  o.a <- const.c.a
  o.s <- const.c.s
  o.n <- const.c.n
  o.o <- const.c.o
  o.missing <- const.c.nope
  o.k <- const.c.o.k
}`;
  it("reads primitives, null and copies; a missing key is undefined", async () => {
    const r = await run(SOURCE);
    expect(r.data).toEqual({ a: 1, s: "x", n: null, o: { k: [1, 2] }, k: [1, 2] });
    expect((r.data as Record<string, unknown>).missing).toBeUndefined();
  });
});

describe("R-SPREAD-2: a spread of a non-object does nothing", () => {
  const SOURCE = `version 1.5
bridge Query.run {
  with input as i
  with output as o
  o.x {
    ... <- i.a
    .k <- i.k
  }
}`;
  const rows: { label: string; a: unknown; data: unknown }[] = [
    { label: "null", a: null, data: { x: { k: 1 } } },
    { label: "a string", a: "str", data: { x: { k: 1 } } },
    { label: "an array", a: [1, 2], data: { x: { k: 1 } } },
    { label: "a plain object (copied)", a: { m: 2 }, data: { x: { m: 2, k: 1 } } },
  ];
  it.each(rows)("spreading $label", async ({ a, data }) => {
    expect((await run(SOURCE, { input: { a, k: 1 } })).data).toEqual(data);
  });
});

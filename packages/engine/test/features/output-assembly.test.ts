/**
 * Output assembly (R-OUT-*, R-DEF-5, R-EXEC-10, R-SPREAD-2/3): how group
 * values become the result, a define's output or a tool input, end-to-end
 * and through white-box tests of execute/output.ts (`collect`,
 * `writeGroups`, `assemble`). Writes happen in statement order after the
 * values are known: root merge first, explicit fields after it (Q-43 fix),
 * spreads last (Q-21 mirror). A value no longer needed after a synchronous
 * failure must not leave an unhandled rejection behind.
 */
import { describe, expect, it } from "vitest";
import { assemble, collect, writeGroups } from "../../src/execute/output.js";
import { CONTINUE } from "../../src/execute/scope.js";
import type { Group } from "../../src/prepare/scope-index.js";
import { run, tool } from "../behaviour/support.js";

function group(key: string, index: number, spread = false): Group {
  return { path: key === "" ? [] : key.split("."), key, ev: () => undefined, wires: [], index, spread, lane: null };
}

const groupsOf = (n: number) => Array.from({ length: n }, (_, k) => group(`f${k}`, k));

/** Runs `fn`, waits a macrotask and returns the unhandled rejections seen meanwhile. */
async function unhandledDuring(fn: () => void): Promise<unknown[]> {
  const seen: unknown[] = [];
  const on = (reason: unknown) => seen.push(reason);
  process.on("unhandledRejection", on);
  try {
    fn();
    await new Promise((resolve) => setTimeout(resolve, 20));
  } finally {
    process.off("unhandledRejection", on);
  }
  return seen;
}

describe("collect: group values gathered in index order", () => {
  it("synchronous values come back synchronously, as an array (sync fast path)", () => {
    const values = collect(groupsOf(3), (g) => g.index * 10);
    expect(values).toStrictEqual([0, 10, 20]);
    expect(collect([], () => 1)).toStrictEqual([]);
  });

  it("one pending value: one promise of all values in order", async () => {
    const values = collect(groupsOf(3), (g) => (g.index === 1 ? Promise.resolve("p") : g.index));
    expect(values).toBeInstanceOf(Promise);
    expect(await values).toStrictEqual([0, "p", 2]);
  });

  it("several pending values: index order, whatever finishes first", async () => {
    const later = new Promise((resolve) => setTimeout(() => resolve("slow"), 5));
    const values = collect(groupsOf(4), (g) => (g.index === 0 ? later : g.index === 2 ? Promise.resolve("fast") : g.index));
    expect(await values).toStrictEqual(["slow", 1, "fast", 3]);
  });

  it("a pending value that rejects rejects the whole collection with its error", async () => {
    const one = collect(groupsOf(2), (g) => (g.index === 1 ? Promise.reject(new Error("late")) : 0));
    await expect(one).rejects.toThrow(new Error("late"));
    const two = collect(groupsOf(3), (g) => (g.index === 0 ? Promise.resolve(1) : g.index === 1 ? Promise.reject(new Error("second")) : 2));
    await expect(two).rejects.toThrow(new Error("second"));
  });

  it("a synchronous throw wins and leaves no unhandled rejection of the abandoned pending values", async () => {
    let thrown: unknown;
    const unhandled = await unhandledDuring(() => {
      try {
        collect(groupsOf(5), (g) => {
          if (g.index === 0) return "plain";
          if (g.index === 1) return Promise.reject(new Error("abandoned 1"));
          if (g.index === 2) return undefined;
          if (g.index === 3) return Promise.reject(new Error("abandoned 3"));
          throw new Error("sync failure");
        });
      } catch (e) {
        thrown = e;
      }
    });
    expect(thrown).toStrictEqual(new Error("sync failure"));
    expect(unhandled).toStrictEqual([]);
  });

  it("a synchronous throw with only synchronous values before it is rethrown unchanged", () => {
    const err = new Error("first");
    expect(() => collect(groupsOf(3), (g) => {
      if (g.index === 1) throw err;
      return g.index;
    })).toThrow(err);
  });
});

describe("writeGroups: root merge first, fields after it, spreads last (R-EXEC-10, R-OUT-2, R-SPREAD-3)", () => {
  it("an explicit field wins over the root merge written after it in the list (Q-43 fix)", () => {
    const roots: unknown[] = [];
    const target: Record<string, unknown> = {};
    writeGroups(target, [group("a", 0), group("", 1)], [1, { a: 5, b: 2 }], 0, 2, (v) => roots.push(v));
    expect({ target, roots }).toStrictEqual({ target: { a: 1, b: 2 }, roots: [] });
  });

  it("reads the values at offset + index, only for groups in [from, to)", () => {
    const roots: unknown[] = [];
    const target: Record<string, unknown> = {};
    const groups = [group("skip", 0), group("a", 1), group("", 2), group("b.c", 3), group("late", 4)];
    const values = ["x", "y", "s0", "a1", { r: 1 }, "bc3", "l4"];
    writeGroups(target, groups, values, 1, 4, (v) => roots.push(v), 2);
    expect({ target, roots }).toStrictEqual({ target: { r: 1, a: "a1", b: { c: "bc3" } }, roots: [] });
  });

  it.each([["str"], [[1, 2]], [null], [undefined], [7]])("a non-object root value %j goes to onRootValue, not into the target", (v) => {
    const roots: unknown[] = [];
    const target: Record<string, unknown> = {};
    writeGroups(target, [group("a", 0), group("", 1)], [1, v], 0, 2, (r) => roots.push(r));
    expect({ target, roots }).toStrictEqual({ target: { a: 1 }, roots: [v] });
  });

  it("without onRootValue a non-object root value is dropped", () => {
    const target: Record<string, unknown> = {};
    writeGroups(target, [group("", 0), group("a", 1)], ["str", 1], 0, 2, null);
    expect(target).toStrictEqual({ a: 1 });
  });

  it("R-SPREAD-2: a plain object spread merges at its path (in list order with fields); anything else does nothing", () => {
    const target: Record<string, unknown> = {};
    const groups = [group("book.title", 0), group("book", 1, true), group("x", 2, true), group("", 3, true), group("", 4, true)];
    const values = ["Override", { title: "Dune", year: 1965 }, "str", [9], { top: true }];
    writeGroups(target, groups, values, 0, 5, () => {
      throw new Error("a spread is not a root value");
    });
    expect(target).toStrictEqual({ book: { title: "Dune", year: 1965 }, top: true });
  });

  it("a loop signal leaves its root, field or spread unwritten (R-CTRL-4)", () => {
    const roots: unknown[] = [];
    const target: Record<string, unknown> = {};
    const groups = [group("", 0), group("a", 1), group("b.c", 2), group("s", 3, true), group("d", 4)];
    writeGroups(target, groups, [CONTINUE, CONTINUE, CONTINUE, CONTINUE, 4], 0, 5, (v) => roots.push(v));
    expect({ target, roots }).toStrictEqual({ target: { d: 4 }, roots: [] });
  });
});

describe("assemble: an output object from field groups and spreads (R-OUT-1, R-OUT-2, R-OUT-4)", () => {
  it.each([["str"], [[1, 2]], [null], [undefined], [0]])("R-OUT-2: a non-object root value %j is the whole result", (v) => {
    expect(assemble([group("a", 0), group("", 1)], [1, v], [], null)).toStrictEqual(v);
  });

  it("R-OUT-2: a root object merges first, explicit fields win whatever their position", () => {
    const groups = [group("a", 0), group("", 1), group("b.c", 2)];
    expect(assemble(groups, ["pad", 1, { a: 5, z: 2 }, "bc"], [], null, 1)).toStrictEqual({ a: 1, z: 2, b: { c: "bc" } });
  });

  it("a loop signal leaves the root or field unwritten (R-OUT-3)", () => {
    const groups = [group("", 0), group("a", 1), group("b", 2)];
    expect(assemble(groups, [CONTINUE, CONTINUE, 2], [], null)).toStrictEqual({ b: 2 });
  });

  it("R-OUT-4: spreads are written last from their own offset; null spread values mean none", () => {
    const groups = [group("a", 0)];
    const spreads = [group("", 0, true)];
    expect(assemble(groups, [1, { a: 9, s: 1 }], spreads, [1, { a: 9, s: 1 }], 0, 1)).toStrictEqual({ a: 9, s: 1 });
    expect(assemble(groups, [1], spreads, null)).toStrictEqual({ a: 1 });
  });
});

describe("assembly through executeBridge (R-OUT-2, R-EXEC-10, R-SPREAD-2, R-DEF-5)", () => {
  it("R-OUT-2: a root object merges, an explicit field written before it still wins (Q-43 fix)", async () => {
    const source = `version 1.5
bridge Query.run {
  with input as i
  with output as o
  o.a <- i.a
  o <- i.obj
}`;
    const r = await run(source, { input: { a: 1, obj: { b: 2, a: 5 } } });
    expect(r.data).toStrictEqual({ b: 2, a: 1 });
    const scalar = await run(source, { input: { a: 1, obj: "whole" } });
    expect(scalar.data).toBe("whole");
  });

  it("Q-42: a tool root input wire with a non-object value is passed as __rootValue__ next to the fields", async () => {
    const inputs: unknown[] = [];
    const echo = tool((x: unknown) => {
      inputs.push(x);
      return x;
    });
    const source = `version 1.5
bridge Query.run {
  with input as i
  with echo as e
  with output as o
  e.a <- i.a
  e <- i.s
  o.v <- e
}`;
    const r = await run(source, { input: { a: 1, s: "str" }, tools: { echo } });
    expect({ data: r.data, inputs }).toStrictEqual({ data: { v: { __rootValue__: "str", a: 1 } }, inputs: [{ __rootValue__: "str", a: 1 }] });
  });

  it("R-SPREAD-2: spreading a non-object does nothing, in a scope block and in an element", async () => {
    const source = `version 1.5
bridge Query.run {
  with input as i
  with output as o
  o.book {
    ... <- i.s
    .t = "x"
  }
  o.items <- i.items[] as it {
    ... <- it
    .z = 1
  }
}`;
    const r = await run(source, { input: { s: "str", items: ["ab", { q: 1 }, [5]] } });
    expect(r.data).toStrictEqual({ book: { t: "x" }, items: [{ z: 1 }, { z: 1, q: 1 }, { z: 1 }] });
  });

  it("R-DEF-3, R-DEF-5: a define input root wire with a non-object value is the define's whole input", async () => {
    const source = `version 1.5
define d {
  with input as i
  with output as o
  o.whole <- i
}
bridge Query.run {
  with input as x
  with d as h
  with output as o
  h.a <- x.a
  h <- x.s
  o.v <- h.whole
}`;
    const r = await run(source, { input: { a: 1, s: "str" } });
    expect(r.data).toStrictEqual({ v: "str" });
    const merged = await run(source, { input: { a: 1, s: { b: 2, a: 3 } } });
    expect(merged.data).toStrictEqual({ v: { b: 2, a: 1 } });
  });
});

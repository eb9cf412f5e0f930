/**
 * The synchronous array path (R-ARR-3, R-ARR-4) in all its loops: the four
 * copies of the unrolled two- and three-field loops (arrays-flat.ts), the
 * general fast loop, and nested fast mappings. Each copy must give the same
 * elements as the general path: a function read as `undefined` (D-1), a
 * string's or array's `length` read (R-PATH-3 step 4), and a strict read of a
 * null element failing with the R-PATH-3 message at the reference.
 *
 * A copy is chosen per distinct element shape, in turn, when a document is
 * prepared. Four shapes of one width prepared one after another therefore
 * use all four copies, whatever shapes earlier tests prepared.
 */
import { describe, expect, it } from "vitest";
import { createEngine } from "../../src/index.js";

/** An element field read two segments deep (`it.a.b`). */
const DEEP_READ = `version 1.5
bridge Query.run {
  with input as i
  with output as o
  o <- i.items[] as it {
    .x <- it.a.b
  }
}`;
import { parse } from "../behaviour/support.js";

const fn = () => "called";

/** A bridge mapping `i.items` with `.<f> <- it?.<f>` per field (safe reads). */
function safeBody(fields: readonly string[]): string {
  return `version 1.5
bridge Query.run {
  with input as i
  with output as o
  o <- i.items[] as it {
${fields.map((f) => `    .${f} <- it?.${f}`).join("\n")}
  }
}`;
}

async function mapItems(source: string, items: unknown[]): Promise<unknown> {
  const prepared = createEngine().prepare(parse(source));
  const r = await prepared.execute({ operation: "Query.run", input: { items } });
  return r.data;
}

/** Elements with a function in each field in turn, a null and a primitive, and what safe reads map them to. */
function rowsFor(fields: readonly string[]): { items: unknown[]; expected: Record<string, unknown>[] } {
  const items: unknown[] = [];
  const expected: Record<string, unknown>[] = [];
  // One element per field holding a function there (D-1: read as undefined), the others plain values.
  fields.forEach((f, k) => {
    const el: Record<string, unknown> = {};
    const want: Record<string, unknown> = {};
    for (const g of fields) {
      el[g] = g === f ? fn : `${g}${k}`;
      want[g] = g === f ? undefined : `${g}${k}`;
    }
    items.push(el);
    expected.push(want);
  });
  // `?.` reads of a null or primitive element give undefined (R-SAFE-1).
  items.push(null, 7);
  const none = Object.fromEntries(fields.map((f) => [f, undefined]));
  expected.push(none, { ...none });
  return { items, expected };
}

/** A bridge mapping `i.items` with `.<key> <- it.length` per key (strict one-segment reads: the unrolled loops). */
function lengthBody(keys: readonly string[]): string {
  return `version 1.5
bridge Query.run {
  with input as i
  with output as o
  o <- i.items[] as it {
${keys.map((k) => `    .${k} <- it.length`).join("\n")}
  }
}`;
}

describe("unrolled loops: every copy (R-ARR-3, R-PATH-3, D-1)", () => {
  for (const width of [2, 3]) {
    it(`maps ${width}-field elements identically in all four copies`, async () => {
      const shapes = [0, 1, 2, 3].map((copy) => Array.from({ length: width }, (_, k) => `w${width}c${copy}f${k}`));
      // Prepared one after another: four new shapes of one width take the four copies.
      const prepared = shapes.map((keys) => createEngine().prepare(parse(lengthBody(keys))));
      for (let copy = 0; copy < 4; copy++) {
        const keys = shapes[copy]!;
        const all = (v: unknown) => Object.fromEntries(keys.map((k) => [k, v]));
        // An object's own `length` (a function reads as undefined), an array's and a string's length.
        const items = [{ length: fn }, { length: 2 }, "abc", [1, 2, 3, 4]];
        const r = await prepared[copy]!.execute({ operation: "Query.run", input: { items } });
        expect(r.data).toStrictEqual([all(undefined), all(2), all(3), all(4)]);
        for (const o of r.data as object[]) expect(Object.keys(o)).toEqual(keys);
        // A null element fails at the first reference (R-PATH-3 step 2).
        const err = await prepared[copy]!.execute({ operation: "Query.run", input: { items: [{ length: 1 }, null] } }).then(
          () => null,
          (e: unknown) => e as Error & { loc?: unknown },
        );
        expect(err?.name).toBe("BridgeRuntimeError");
        expect(err?.message).toBe("Cannot read properties of null (reading 'length')");
        expect(err?.loc).toEqual({ startLine: 6, startColumn: 10 + keys[0]!.length, endLine: 6, endColumn: 18 + keys[0]!.length });
        // A number element has no length: it takes the general loop's strict read, which fails (R-PATH-3 step 4).
        await expect(prepared[copy]!.execute({ operation: "Query.run", input: { items: [{ length: 1 }, 5] } })).rejects.toMatchObject({
          name: "BridgeRuntimeError",
          message: "Cannot read properties of 5 (reading 'length')",
        });
      }
    });
  }

  it("R-PATH-3: a number element has no length: the read fails", async () => {
    await expect(mapItems(lengthBody(["n1", "n2"]), ["ab", 5])).rejects.toMatchObject({
      name: "BridgeRuntimeError",
      message: "Cannot read properties of 5 (reading 'length')",
    });
  });

  it("R-SAFE-1: with ?. reads, null and primitive elements give undefined fields", async () => {
    const fields = ["safe1", "safe2", "safe3"];
    const { items, expected } = rowsFor(fields);
    expect(await mapItems(safeBody(fields), items)).toStrictEqual(expected);
  });
});

describe("general fast loop (R-ARR-3, R-ARR-4, D-1)", () => {
  it("one field: a function value reads as undefined, other values are copied", async () => {
    const data = await mapItems(lengthBody(["only"]).replace("it.length", "it.only"), [{ only: fn }, { only: [1] }]);
    expect(data).toStrictEqual([{ only: undefined }, { only: [1] }]);
  });

  it("a function element read through a deeper path fails as undefined would (D-1, R-PATH-3)", async () => {
    await expect(mapItems(DEEP_READ, [{ a: { b: 1 } }, { a: fn }])).rejects.toMatchObject({
      name: "BridgeRuntimeError",
      message: "Cannot read properties of undefined (reading 'b')",
      loc: { startLine: 6, startColumn: 11, endLine: 6, endColumn: 16 },
    });
  });

  it("a deep read that reaches a function gives undefined (D-1)", async () => {
    expect(await mapItems(DEEP_READ, [{ a: { b: fn } }, { a: { b: 2 } }])).toStrictEqual([{ x: undefined }, { x: 2 }]);
  });

  it("R-ARR-2: a nested fast mapping over a non-array value yields [], over null yields null", async () => {
    const source = `version 1.5
bridge Query.run {
  with input as i
  with output as o
  o <- i.items[] as it {
    .id <- it.id
    .tags <- it.tags[] as t {
      .n <- t.n
    }
  }
}`;
    const data = await mapItems(source, [
      { id: 1, tags: { n: 1 } },
      { id: 2, tags: "ab" },
      { id: 3, tags: null },
      { id: 4, tags: [{ n: 5 }] },
    ]);
    expect(data).toStrictEqual([
      { id: 1, tags: [] },
      { id: 2, tags: [] },
      { id: 3, tags: null },
      { id: 4, tags: [{ n: 5 }] },
    ]);
  });

  it("R-FIELDS-3: requested fields narrow a nested fast mapping to the requested sub-fields", async () => {
    const source = `version 1.5
bridge Query.run {
  with input as i
  with output as o
  o.list <- i.items[] as it {
    .name <- it.name
    .id <- it.id
    .tags <- it.tags[] as t {
      .n <- t.n
      .m <- t.m
    }
    .more <- it.tags[] as t {
      .n <- t.n
      .m <- t.m
    }
  }
}`;
    const prepared = createEngine().prepare(parse(source));
    const items = [
      { name: "a", id: 1, tags: [{ n: 1, m: 2 }] },
      { name: "b", id: 2, tags: [{ n: 3, m: 4 }, { n: 5, m: 6 }] },
    ];
    const run = (requestedFields: string[]) => prepared.execute({ operation: "Query.run", input: { items }, requestedFields }).then((r) => r.data);
    // `list.tags.m` narrows to `m` inside `tags`; `list.more` selects the whole of `more`; `name` is not requested.
    expect(await run(["list.id", "list.tags.m", "list.more"])).toStrictEqual({
      list: [
        { id: 1, tags: [{ m: 2 }], more: [{ n: 1, m: 2 }] },
        { id: 2, tags: [{ m: 4 }, { m: 6 }], more: [{ n: 3, m: 4 }, { n: 5, m: 6 }] },
      ],
    });
    // The nested mapping first in the element, with one sub-field requested in each.
    expect(await run(["list.more.n", "list.tags.m"])).toStrictEqual({
      list: [
        { tags: [{ m: 2 }], more: [{ n: 1 }] },
        { tags: [{ m: 4 }, { m: 6 }], more: [{ n: 3 }, { n: 5 }] },
      ],
    });
  });
});

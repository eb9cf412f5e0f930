/**
 * Sparse fieldsets (R-FIELDS-*): which output wire groups `requestedFields`
 * selects (R-FIELDS-2), how the patterns are narrowed for the body of an
 * array mapping (R-FIELDS-3), and that unselected wires never run their
 * tools (R-FIELDS-2, R-OUT-3). End-to-end through executeBridge, plus
 * white-box tables of the selection helpers of execute/output.ts.
 */
import { describe, expect, it } from "vitest";
import { narrow, selectGroups, selects } from "../../src/execute/output.js";
import type { Group } from "../../src/prepare/scope-index.js";
import { run, tool } from "../behaviour/support.js";

const FLAT = `version 1.5
bridge Query.run {
  with input as i
  with pricing as p
  with output as o
  o <- i.base
  o.id <- i.id
  o.legs.a.b <- i.b
  o.legs.c <- i.c
  o.legsX <- i.x
  o.price <- p.amount
}`;

const INPUT = { base: { kind: "trip" }, id: 1, b: "B", c: "C", x: "X" };
const ALL = { kind: "trip", id: 1, legs: { a: { b: "B" }, c: "C" }, legsX: "X", price: 5 };

async function flat(requestedFields: string[] | undefined): Promise<{ data: unknown; calls: number }> {
  let calls = 0;
  const pricing = tool(() => {
    calls++;
    return { amount: 5 };
  });
  const r = await run(FLAT, { input: INPUT, tools: { pricing }, ...(requestedFields ? { requestedFields } : {}) });
  return { data: r.data, calls };
}

const flatRows: { name: string; fields: string[] | undefined; data: unknown; calls: number }[] = [
  { name: "R-FIELDS-1: no list selects every wire", fields: undefined, data: ALL, calls: 1 },
  { name: "R-FIELDS-1: an empty list selects every wire", fields: [], data: ALL, calls: 1 },
  { name: 'R-FIELDS-2: the bare pattern "*" selects every wire', fields: ["*"], data: ALL, calls: 1 },
  { name: "R-FIELDS-2: the root wire is always selected", fields: ["nomatch"], data: { kind: "trip" }, calls: 0 },
  {
    name: "R-FIELDS-2: q.* selects every descendant of q, not a sibling sharing its prefix",
    fields: ["legs.*"],
    data: { kind: "trip", legs: { a: { b: "B" }, c: "C" } },
    calls: 0,
  },
  {
    name: "R-FIELDS-2: a pattern selects its whole subtree, not a sibling sharing its prefix",
    fields: ["legs"],
    data: { kind: "trip", legs: { a: { b: "B" }, c: "C" } },
    calls: 0,
  },
  { name: "R-FIELDS-2: a pattern selects the wire of an ancestor", fields: ["legs.a.b.deep"], data: { kind: "trip", legs: { a: { b: "B" } } }, calls: 0 },
  { name: "R-FIELDS-2: a pattern below a sibling sharing a prefix selects nothing", fields: ["legs.cz", "leg"], data: { kind: "trip" }, calls: 0 },
  { name: "R-FIELDS-2: only the tool feeding a selected field is called", fields: ["price", "id"], data: { kind: "trip", id: 1, price: 5 }, calls: 1 },
];

describe("selection of output wire groups through executeBridge (R-FIELDS-1, R-FIELDS-2, R-OUT-3)", () => {
  it.each(flatRows)("$name", async ({ fields, data, calls }) => {
    expect(await flat(fields)).toStrictEqual({ data, calls });
  });
});

const ITEMS = `version 1.5
bridge Query.run {
  with input as i
  with output as o
  o.items <- i.items[] as it {
    .id <- it.id
    .name <- it.name
  }
  o.n <- i.n
}
bridge Query.root {
  with input as i
  with output as o
  o <- i.items[] as it {
    .id <- it.id
    .name <- it.name
  }
}`;

const ITEMS_INPUT = { items: [{ id: 1, name: "a" }, { id: 2, name: "b" }], n: 7 };
const FULL_ITEMS = [{ id: 1, name: "a" }, { id: 2, name: "b" }];

const narrowRows: { name: string; operation: string; fields: string[]; data: unknown }[] = [
  { name: "a pattern below the wire narrows the body", operation: "Query.run", fields: ["items.id"], data: { items: [{ id: 1 }, { id: 2 }] } },
  { name: "a pattern equal to the wire key leaves the body unrestricted", operation: "Query.run", fields: ["items"], data: { items: FULL_ITEMS } },
  { name: "k.* leaves the body unrestricted", operation: "Query.run", fields: ["items.*"], data: { items: FULL_ITEMS } },
  { name: '"*" leaves the body unrestricted', operation: "Query.run", fields: ["*"], data: { items: FULL_ITEMS, n: 7 } },
  { name: "only the patterns below the wire reach the body", operation: "Query.run", fields: ["n", "items.name"], data: { items: [{ name: "a" }, { name: "b" }], n: 7 } },
  { name: 'the root wire (key "") passes the patterns through unchanged', operation: "Query.root", fields: ["id"], data: [{ id: 1 }, { id: 2 }] },
  { name: "the root wire with an empty list maps every field", operation: "Query.root", fields: [], data: FULL_ITEMS },
];

describe("patterns narrowed for array bodies through executeBridge (R-FIELDS-3)", () => {
  it.each(narrowRows)("$name", async ({ operation, fields, data }) => {
    const r = await run(ITEMS, { operation, input: ITEMS_INPUT, requestedFields: fields });
    expect(r.data).toStrictEqual(data);
  });

  it("a narrowed body does not call the element tool of an unselected field (general path)", async () => {
    const names: unknown[] = [];
    const upper = tool((x: { s: string }) => {
      names.push(x.s);
      return { s: x.s.toUpperCase() };
    });
    const source = `version 1.5
bridge Query.run {
  with input as i
  with output as o
  o.items <- i.items[] as it {
    with upper as u
    u.s <- it.name
    .id <- it.id
    .up <- u.s
  }
}`;
    const narrowed = await run(source, { input: ITEMS_INPUT, tools: { upper }, requestedFields: ["items.id"] });
    expect({ data: narrowed.data, names }).toStrictEqual({ data: { items: [{ id: 1 }, { id: 2 }] }, names: [] });
    const full = await run(source, { input: ITEMS_INPUT, tools: { upper }, requestedFields: ["items.up"] });
    expect({ data: full.data, names }).toStrictEqual({ data: { items: [{ up: "A" }, { up: "B" }] }, names: ["a", "b"] });
  });
});

describe("selects: the group selection predicate (R-FIELDS-2, white-box)", () => {
  const rows: [patterns: string[], key: string, selected: boolean][] = [
    [["x"], "", true],
    [[], "", true],
    [["*"], "a.b", true],
    [["x", "*"], "a", true],
    [["legs.*"], "legs", true],
    [["legs.*"], "legs.a", true],
    [["legs.*"], "legs.a.b", true],
    [["legs.*"], "legsX", false],
    [["legs.*"], "leg", false],
    [["legs.a.*"], "legs", true],
    [["legs.a.*"], "legs.c", false],
    [["legs"], "legs", true],
    [["legs"], "legs.a.b", true],
    [["legs"], "legsX", false],
    [["leg"], "legs", false],
    [["legs"], "x.legs", false],
    [["legs.a.b"], "legs", true],
    [["legs.a.b"], "legs.a", true],
    [["legs.a.b"], "b", false],
    [["legs.cz"], "legs.c", false],
    [["legs.a"], "legs.ab", false],
    [[], "a", false],
    [["nomatch", "id"], "id", true],
  ];
  it.each(rows)("selects(%j, %j) is %s", (patterns, key, selected) => {
    expect(selects(patterns, key)).toBe(selected);
  });
});

function group(key: string, index: number): Group {
  return { path: key === "" ? [] : key.split("."), key, ev: () => undefined, wires: [], index, spread: false, lane: null };
}

describe("selectGroups (R-FIELDS-1, R-FIELDS-2, white-box)", () => {
  const groups = [group("", 0), group("id", 1), group("legs.a", 2), group("legs.c", 3), group("price", 4)];
  const keys = (gs: readonly Group[]) => gs.map((g) => g.key);

  it("keeps index order and drops the unselected groups", () => {
    expect(keys(selectGroups(groups, ["price", "legs.a"]))).toStrictEqual(["", "legs.a", "price"]);
    expect(keys(selectGroups(groups, ["nomatch"]))).toStrictEqual([""]);
  });

  // arrays-fast.ts reuses the per-plan shape only when it gets the very same list back.
  it("returns the same list when nothing is dropped: null, an empty list, or every group selected", () => {
    expect(selectGroups(groups, null)).toBe(groups);
    expect(selectGroups(groups, [])).toBe(groups);
    expect(selectGroups(groups, ["*"])).toBe(groups);
    expect(selectGroups(groups, ["id", "legs", "price"])).toBe(groups);
    const some = selectGroups(groups, ["id", "legs"]);
    expect(some).not.toBe(groups);
    expect(keys(some)).toStrictEqual(["", "id", "legs.a", "legs.c"]);
  });
});

describe("narrow: the patterns of a mapping body (R-FIELDS-3, white-box)", () => {
  const rows: [patterns: string[] | null, key: string | null, narrowed: string[] | null][] = [
    [null, "items", null],
    [[], "items", []],
    [["items.id"], null, ["items.id"]],
    [["id", "x.y"], "", ["id", "x.y"]],
    [["items.id"], "items", ["id"]],
    [["n", "items.id", "items.tags.n"], "items", ["id", "tags.n"]],
    [["items.id", "*"], "items", null],
    [["items.id", "items"], "items", null],
    [["items.id", "items.*"], "items", null],
    [["items.*.x"], "items", ["*.x"]],
    [["n"], "items", null],
    [["a"], "a.items", null],
    [["a.*"], "a.items", null],
    [["itemsX.id", "items"], "items", null],
    [["itemsX.id", "item.id"], "items", null],
    [["itemsX.id", "items.id"], "items", ["id"]],
    [["a.items.id"], "a.items", ["id"]],
  ];
  it.each(rows)("narrow(%j, %j) is %j", (patterns, key, narrowed) => {
    expect(narrow(patterns, key)).toStrictEqual(narrowed);
  });
});

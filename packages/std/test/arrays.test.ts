// std.arr.* (std.md §5): filter/find criteria, first (strict messages), toArray.
import { describe, expect, it } from "vitest";
import { std } from "../src/index.js";

const books = [{ g: "sf", n: 1 }, { g: "bio", n: 2 }, 7, { g: "sf", n: 3 }];

describe("std.arr.filter", () => {
  it.each<[string, Record<string, unknown>, unknown]>([
    ["spec example", { in: books, g: "sf" }, [{ g: "sf", n: 1 }, { g: "sf", n: 3 }]],
    ["empty array", { in: [] }, []],
    ["non-objects dropped without criteria", { in: [1, { a: 1 }] }, [{ a: 1 }]],
    ["null and strings dropped", { in: [null, "x", { a: 1 }] }, [{ a: 1 }]],
    ["arrays count as objects", { in: [[1], 2] }, [[1]]],
    ["strict equality: 1 !== \"1\"", { in: [{ n: 1 }, { n: "1" }], n: "1" }, [{ n: "1" }]],
    ["several criteria", { in: books, g: "sf", n: 3 }, [{ g: "sf", n: 3 }]],
    ["undefined criterion matches elements lacking the key", { in: [{ a: 1 }, { a: 1, b: 2 }], b: undefined }, [{ a: 1 }]],
    ["inherited members are not element keys", { in: [{ a: 1 }], toString: undefined }, [{ a: 1 }]],
    ["not an array", { in: "abc" }, undefined],
    ["missing in", {}, undefined],
  ])("%s", (_name, input, expected) => {
    expect(std.arr.filter(input)).toEqual(expected);
  });

  it("object criteria match only the identical object", () => {
    const tag = { t: 1 };
    expect(std.arr.filter({ in: [{ tag }, { tag: { t: 1 } }], tag })).toEqual([{ tag }]);
    expect(std.arr.filter({ in: [{ tag }, { tag: { t: 1 } }], tag })![0]).toMatchObject({ tag });
  });

  it("returns a new array", () => {
    const list = [{ a: 1 }];
    expect(std.arr.filter({ in: list })).not.toBe(list);
  });
});

describe("std.arr.find", () => {
  it.each<[string, Record<string, unknown>, unknown]>([
    ["first match", { in: books, g: "sf" }, { g: "sf", n: 1 }],
    ["no match", { in: books, g: "poetry" }, undefined],
    ["skips non-objects", { in: [7, "x", { a: 1 }] }, { a: 1 }],
    ["not an array", { in: { g: "sf" }, g: "sf" }, undefined],
  ])("%s", (_name, input, expected) => {
    expect(std.arr.find(input)).toEqual(expected);
  });

  it("returns the element itself", () => {
    const hit = { id: 1 };
    expect(std.arr.find({ in: [hit], id: 1 })).toBe(hit);
  });
});

describe("std.arr.first", () => {
  it.each<[string, Record<string, unknown>, unknown]>([
    ["non-strict first element", { in: [3, 4] }, 3],
    ["non-strict empty", { in: [] }, undefined],
    ["non-strict not an array", { in: "ab" }, undefined],
    ["strict single element", { in: [{ a: 1 }], strict: true }, { a: 1 }],
    ["strict via \"true\"", { in: [9], strict: "true" }, 9],
    ["\"yes\" is not strict", { in: [1, 2], strict: "yes" }, 1],
    ["1 is not strict", { in: [1, 2], strict: 1 }, 1],
  ])("%s", (_name, input, expected) => {
    expect(std.arr.first(input)).toEqual(expected);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ["empty", { in: [], strict: true }, "pickFirst: expected a non-empty array"],
    ["not an array", { in: "x", strict: "true" }, "pickFirst: expected a non-empty array"],
    ["missing in", { strict: true }, "pickFirst: expected a non-empty array"],
    ["two elements", { in: [1, 2], strict: true }, "pickFirst: expected exactly one element but got 2"],
    ["three elements", { in: [1, 2, 3], strict: "true" }, "pickFirst: expected exactly one element but got 3"],
  ])("strict %s throws %s", (_name, input, message) => {
    expect(() => std.arr.first(input)).toThrowError(new Error(message));
  });
});

describe("std.arr.toArray", () => {
  it("returns the same array", () => {
    const list = [1];
    expect(std.arr.toArray({ in: list })).toBe(list);
  });

  it.each<[unknown, unknown[]]>([
    [1, [1]],
    ["a", ["a"]],
    [{ a: 1 }, [{ a: 1 }]],
    [null, [null]],
    [undefined, [undefined]],
  ])("%j → %j", (value, expected) => {
    expect(std.arr.toArray({ in: value })).toEqual(expected);
  });

  it("missing in → [undefined]", () => {
    const result = std.arr.toArray({});
    expect(result).toHaveLength(1);
    expect(result[0]).toBeUndefined();
  });
});

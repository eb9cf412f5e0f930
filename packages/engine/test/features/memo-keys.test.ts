/**
 * White-box tests of the memo key encoder (R-MEMO-1, D-6). `memoKey` is the
 * internal function that turns the complete tool input into the cache key of
 * a `with … memoize` declaration: a deterministic, type-tagged canonical
 * encoding with sorted object keys, so equal inputs share a key and inputs a
 * tool could tell apart never do. Values without a structural encoding
 * (functions, symbols, class instances) are keyed by identity; cyclic or too
 * deep inputs fail with a BridgeRuntimeError instead of overflowing the stack.
 */
import { describe, expect, it } from "vitest";
import { BridgeRuntimeError } from "../../src/errors.js";
import { createMemoCache, memoKey } from "../../src/execute/memo.js";

class Point {
  constructor(readonly x: number) {}
}

const fnA = () => 1;
const fnB = () => 1;
const symA = Symbol("s");
const symB = Symbol("s");
const pointA = new Point(1);

/** An array of length `length` with only the listed indexes set. */
function sparse(length: number, set: Record<number, unknown>): unknown[] {
  const arr: unknown[] = new Array(length);
  for (const [k, v] of Object.entries(set)) arr[Number(k)] = v;
  return arr;
}

/** An object without a prototype holding `fields`. */
function bare(fields: Record<string, unknown>): object {
  return Object.assign(Object.create(null) as object, fields);
}

/** A function whose prototype chain was cut (still a function: identity key). */
function protolessFn(): () => number {
  const f = () => 1;
  Object.setPrototypeOf(f, null);
  return f;
}

/** `levels` arrays nested in each other around the number 1. */
function nestArrays(levels: number): unknown {
  let v: unknown = 1;
  for (let k = 0; k < levels; k++) v = [v];
  return v;
}

/** `levels` objects nested in each other around the number 1. */
function nestObjects(levels: number): unknown {
  let v: unknown = 1;
  for (let k = 0; k < levels; k++) v = { d: v };
  return v;
}

// Pairs that MUST share a key (computed in one cache): the tool cannot tell them apart.
const equalPairs: [string, unknown, unknown][] = [
  ["object key order is irrelevant (sorted keys)", { a: 1, b: 2 }, { b: 2, a: 1 }],
  ["nested key order is irrelevant", { o: { x: [1, { p: 1, q: 2 }] } }, { o: { x: [1, { q: 2, p: 1 }] } }],
  ["two equal arrays (different objects)", [1, "a", [true]], [1, "a", [true]]],
  ["two Dates with the same time", new Date(5), new Date(5)],
  ["null-prototype objects are structural", bare({ a: 1, b: [2] }), bare({ b: [2], a: 1 })],
  ["a null-prototype object equals the plain object", bare({ a: 1 }), { a: 1 }],
  ["NaN equals NaN", NaN, NaN],
  ["equal bigints", 10n ** 30n, 10n ** 30n],
  ["undefined equals undefined", undefined, undefined],
  ["the same function", fnA, fnA],
  ["the same unregistered symbol", symA, symA],
  ["the same registered symbol", Symbol.for("memo-keys.k"), Symbol.for("memo-keys.k")],
  ["the same class instance", pointA, pointA],
  ["the same function without a prototype", protolessFn, protolessFn],
  ["the same identity value nested in equal objects", { f: fnA, s: [symA] }, { s: [symA], f: fnA }],
];

const protoless = protolessFn();

// Pairs that MUST get different keys: a tool could tell them apart.
const differentPairs: [string, unknown, unknown][] = [
  ["number 1 vs string '1'", 1, "1"],
  ["bigint 1n vs number 1", 1n, 1],
  ["bigint 1n vs string '1n'", 1n, "1n"],
  ["-0 vs 0", -0, 0],
  ["true vs false", true, false],
  ["true vs 'true'", true, "true"],
  ["null vs undefined", null, undefined],
  ["null vs 'null'", null, "null"],
  ["undefined vs missing field", { a: undefined }, {}],
  ["a hole vs undefined", sparse(2, { 1: 1 }), [undefined, 1]],
  ["a hole vs no element", sparse(1, {}), []],
  ["[-0] vs []", [-0], []],
  ["[true] vs []", [true], []],
  ["[false] vs []", [false], []],
  ["[undefined] vs []", [undefined], []],
  ["[null] vs []", [null], []],
  ["[1n] vs []", [1n], []],
  ["[symbol] vs []", [symA], []],
  ["[function] vs []", [fnA], []],
  ["[Date] vs []", [new Date(0)], []],
  ["[[1,2]] vs [1,[2]]", [[1, 2]], [1, [2]]],
  ["array vs object with index keys", [1], { 0: 1 }],
  ["Date vs its time as a number", new Date(7), 7],
  ["Dates with different times", new Date(0), new Date(1)],
  ["equal-looking functions", fnA, fnB],
  ["symbols with the same description", symA, symB],
  ["a function without a prototype vs an empty object", protoless, {}],
  ["a class instance vs a plain object with its fields", pointA, { x: 1 }],
  ["two class instances with equal fields", new Point(1), new Point(1)],
  ["two null-prototype objects with different fields", bare({ a: 1 }), bare({ a: 2 })],
  ["{a:1,b:2} vs {a:1}", { a: 1, b: 2 }, { a: 1 }],
  ["string with quote vs split strings", ['a","b'], ["a", "b"]],
];

describe("memoKey: equal inputs share a key (R-MEMO-1)", () => {
  for (const [name, a, b] of equalPairs) {
    it(name, () => {
      const cache = createMemoCache();
      expect(memoKey(cache, a)).toBe(memoKey(cache, b));
    });
  }
});

describe("memoKey: distinguishable inputs never share a key (R-MEMO-1, D-6)", () => {
  for (const [name, a, b] of differentPairs) {
    it(name, () => {
      const cache = createMemoCache();
      expect(memoKey(cache, a)).not.toBe(memoKey(cache, b));
    });
  }
});

describe("memoKey: identity keys (R-MEMO-1, D-6)", () => {
  it("interleaved symbols, functions and instances all get distinct, stable keys", () => {
    const cache = createMemoCache();
    const values = [symA, fnA, symB, fnB, pointA, new Point(1), Symbol.for("memo-keys.r")];
    const first = values.map((v) => memoKey(cache, v));
    expect(new Set(first).size).toBe(values.length);
    // Asking again (in reverse order) returns the same keys.
    const again = [...values].reverse().map((v) => memoKey(cache, v));
    expect(again.reverse()).toEqual(first);
  });

  it("identity numbers are per cache: a fresh cache numbers from the start", () => {
    const one = createMemoCache();
    memoKey(one, fnA);
    const two = createMemoCache();
    expect(memoKey(two, fnB)).toBe(memoKey(one, fnA));
  });
});

describe("memoKey: canonical encoding (R-MEMO-1: type tags, sorted keys)", () => {
  const golden: [string, unknown, string][] = [
    ["string", 'a"b', '"a\\"b"'],
    ["number", 1.5, "n1.5"],
    ["zero", 0, "n0"],
    ["negative zero", -0, "n-0"],
    ["NaN", NaN, "nNaN"],
    ["true", true, "T"],
    ["false", false, "F"],
    ["undefined", undefined, "U"],
    ["null", null, "N"],
    ["bigint", 12n, "b12"],
    ["Date", new Date(42), "d42"],
    ["empty array", [], "[]"],
    ["array with a hole", sparse(3, { 0: 1, 2: "x" }), '[n1,H,"x"]'],
    ["empty object", {}, "{}"],
    ["object with sorted keys", { b: [true], a: { c: null } }, '{"a":{"c":N},"b":[T]}'],
    ["first identity values", [fnA, symA, pointA], "[f0,s1,o2]"],
  ];
  for (const [name, value, key] of golden) {
    it(`${name} encodes as ${key}`, () => {
      expect(memoKey(createMemoCache(), value)).toBe(key);
    });
  }
});

describe("memoKey: cyclic and deep inputs fail with a Bridge error (D-6)", () => {
  const deepMessage = "Cannot memoize tool input: nesting deeper than 100 levels";
  const cycleMessage = "Cannot memoize tool input: it contains a cycle";

  it.each([
    ["arrays", nestArrays],
    ["objects", nestObjects],
  ])("100 nested %s are a normal key, 101 are too deep", (_, nest) => {
    const cache = createMemoCache();
    expect(memoKey(cache, nest(100))).toBe(memoKey(cache, nest(100)));
    expect(() => memoKey(cache, nest(101))).toThrow(new BridgeRuntimeError(deepMessage));
    expect(() => memoKey(cache, nest(101))).toThrow(BridgeRuntimeError);
  });

  it("an object cycle fails with the cycle message", () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(() => memoKey(createMemoCache(), cyclic)).toThrow(new BridgeRuntimeError(cycleMessage));
  });

  it("an array cycle fails with the cycle message", () => {
    const cyclic: unknown[] = [1];
    cyclic.push([cyclic]);
    expect(() => memoKey(createMemoCache(), cyclic)).toThrow(new BridgeRuntimeError(cycleMessage));
  });

  it("a value shared by siblings is not a cycle", () => {
    const shared = { a: [1] };
    const cache = createMemoCache();
    expect(memoKey(cache, { x: shared, y: [shared, shared] })).toBe(memoKey(cache, { y: [{ a: [1] }, shared], x: { a: [1] } }));
  });
});

// std.str.* (std.md §4): every example, non-strings → undefined, never throws.
import { describe, expect, it } from "vitest";
import { std } from "../src/index.js";

const cases: [keyof typeof std.str, unknown, unknown][] = [
  ["toUpperCase", "ab1c", "AB1C"],
  ["toUpperCase", "", ""],
  ["toUpperCase", 42, undefined],
  ["toLowerCase", "Mixed-Case_9", "mixed-case_9"],
  ["toLowerCase", "  Ann@Lib.TEST ", "  ann@lib.test "],
  ["toLowerCase", 5, undefined],
  ["trim", "\t shelf \n", "shelf"],
  ["trim", "  ann@lib.test ", "ann@lib.test"],
  ["trim", undefined, undefined],
  ["length", "a b c", 5],
  ["length", "", 0],
  ["length", "😀", 2],
  ["length", ["a", "b"], undefined],
];

describe("std.str", () => {
  it.each(cases)("%s(%j) → %j", (tool, value, expected) => {
    expect(std.str[tool]({ in: value })).toBe(expected);
  });

  it.each(Object.keys(std.str) as (keyof typeof std.str)[])("%s returns undefined for non-strings and never throws", (tool) => {
    for (const value of [42, true, null, undefined, {}, [], new String("boxed")]) {
      expect(std.str[tool]({ in: value })).toBeUndefined();
    }
    expect(std.str[tool]({})).toBeUndefined();
  });

  it("pipe chain example: trim:lower:i.rawEmail || \"unknown\"", () => {
    const chain = (raw: unknown) => std.str.trim({ in: std.str.toLowerCase({ in: raw }) }) || "unknown";
    expect(chain("  Ann@Lib.TEST ")).toBe("ann@lib.test");
    expect(chain(5)).toBe("unknown");
  });
});

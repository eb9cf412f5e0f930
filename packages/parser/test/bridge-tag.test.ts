/**
 * The `bridge` template tag dedents exactly as R-LOC-4 describes.
 */
import { describe, expect, test } from "vitest";
import { bridge } from "../src/bridge-tag.js";

describe("bridge tag (R-LOC-4)", () => {
  test("drops the blank first and last line and the common indentation", () => {
    const text = bridge`
      version 1.5
      bridge Query.x {
        with output as o
      }
    `;
    expect(text).toBe("version 1.5\nbridge Query.x {\n  with output as o\n}");
  });

  test("interpolates values with String()", () => {
    const n = 42;
    const op = "Query.x";
    expect(bridge`
      bridge ${op} {
        o.n = ${n} ${null} ${undefined} ${true}
      }`).toBe("bridge Query.x {\n  o.n = 42 null undefined true\n}");
  });

  test.each<[string, string[], string]>([
    ["no blank first line: kept", ["version 1.5\n  x"], "version 1.5\n  x"],
    ["first line whitespace-only with spaces", ["   \n    a\n      b\n  "], "a\n  b"],
    ["blank lines in the middle ignored for the width", ["\n    a\n\n      b\n"], "a\n\n  b"],
    ["whitespace-only middle line shorter than the indent", ["\n    a\n  \n    b\n"], "a\n\nb"],
    ["tabs count as one character each", ["\n\t\ta\n\t\t\tb\n"], "a\n\tb"],
    ["only the first and last line are dropped", ["\n\n  a\n\n"], "\na\n"],
    ["empty template", [""], ""],
    ["whitespace only", ["  \n  "], ""],
    ["single blank line", ["   "], ""],
    ["no trailing newline added", ["\n  a"], "a"],
    ["CRLF: \\r stays part of the line", ["\r\n  a\r\n  b\r\n"], "a\r\nb\r"],
  ])("%s", (_name, parts, expected) => {
    expect(bridge(parts)).toBe(expected);
  });

  test("parts are cooked: JS escapes are decoded; invalid escapes fall back to the raw text", () => {
    expect(bridge`
      o.x = "a\tb"
    `).toBe('o.x = "a\tb"');
    expect(bridge`o.x <- "\u{zz}"`).toBe('o.x <- "\\u{zz}"');
  });

  test("called with a plain array, a missing part counts as empty text", () => {
    expect(bridge(["o.n = ", " + "], 1, 2)).toBe("o.n = 1 + 2");
    expect(bridge([], "only")).toBe("only");
  });

  test("interpolated values may change the indentation", () => {
    const indent = "  ";
    expect(bridge`
      a
      ${indent}b
    `).toBe("a\n  b");
  });
});

/**
 * Comments touching the braces of a body, and the blank line after a body
 * whose only content was an end-of-line comment. The writer places a comment
 * by its source offset relative to the body's closing `}`, so these pin where
 * that `}` is taken to be (the last character of the block or scope).
 */
import { describe, expect, test } from "vitest";
import { formatBridge } from "../../src/index.js";

const lines = (...ls: string[]): string => `${ls.join("\n")}\n`;

describe("formatBridge: comments at closing braces", () => {
  test("a comment right after the `}` of a scope block stays its end-of-line comment, outside the body", () => {
    const input = lines("version 1.5", "bridge Query.x {", "  with output as o", "  o.a {", "    .b = 1", "  }# done", "  o.c = 2", "}");
    const expected = lines("version 1.5", "", "bridge Query.x {", "  with output as o", "  o.a {", "    .b = 1", "  }  # done", "  o.c = 2", "}");
    expect(formatBridge(input)).toBe(expected);
    expect(formatBridge(expected)).toBe(expected);
  });

  test("a comment right after an empty bridge body `{}` is not moved into the body", () => {
    expect(formatBridge("version 1.5\nbridge Query.x {}# done\n")).toBe("version 1.5\n\nbridge Query.x {}  # done\n");
  });

  test("the blank line after a body holding only an end-of-line comment is kept", () => {
    const input = lines("version 1.5", "bridge Query.x {", "  with output as o", "  o.a {  # nothing yet", "  }", "", "  o.b = 1", "}");
    const expected = lines("version 1.5", "", "bridge Query.x {", "  with output as o", "  o.a {  # nothing yet", "  }", "", "  o.b = 1", "}");
    expect(formatBridge(input)).toBe(expected);
    expect(formatBridge(expected)).toBe(expected);
  });
});

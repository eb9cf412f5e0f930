/**
 * Table-driven formatter tests: each case formats to its canonical text, the
 * canonical text is a fixed point, and formatting never changes the parsed
 * document (round trip, ignoring locations).
 */
import { describe, expect, test } from "vitest";
import { parseBridge } from "../../src/parse.js";
import { formatBridge } from "../../src/format/index.js";
import { normalizeDocument } from "../support/normalize-document.js";
import { cases } from "./cases.js";

describe("formatBridge", () => {
  describe.each(cases)("$name", ({ input, expected }) => {
    test("formats to the canonical text", () => {
      expect(formatBridge(input)).toBe(expected);
    });
    test("is idempotent", () => {
      expect(formatBridge(expected)).toBe(expected);
    });
    test("keeps the parsed document", () => {
      expect(normalizeDocument(parseBridge(formatBridge(input)))).toEqual(normalizeDocument(parseBridge(input)));
    });
  });

  test("rejects invalid input with the parser's error", () => {
    expect(() => formatBridge("bridge Query.x {}")).toThrow();
  });
});

/** Parser limits (D-4): nesting depth and source size fail cleanly, at their edges. */
import { describe, expect, test } from "vitest";
import { BridgeSyntaxError, PARSER_LIMITS, parseBridge, parseBridgeDiagnostics } from "../src/index.js";

const nested = (depth: number) =>
  `version 1.5\nbridge Query.a {\n  with output as o\n  o.x ${"{ .a ".repeat(depth - 2)}{ .b = 1 ${"}".repeat(depth - 1)}\n}\n`;

describe("limits", () => {
  test(`nesting of exactly ${PARSER_LIMITS.maxNesting} blocks parses`, () => {
    expect(() => parseBridge(nested(PARSER_LIMITS.maxNesting))).not.toThrow();
  });

  test(`nesting of ${PARSER_LIMITS.maxNesting + 1} blocks is a BridgeSyntaxError naming the limit`, () => {
    expect(() => parseBridge(nested(PARSER_LIMITS.maxNesting + 1))).toThrow(BridgeSyntaxError);
    expect(() => parseBridge(nested(PARSER_LIMITS.maxNesting + 1))).toThrow(/maxNesting \(256/);
  });

  test("5,000 nested scope blocks and parentheses fail cleanly, no stack overflow", () => {
    expect(() => parseBridge(nested(5000))).toThrow(BridgeSyntaxError);
    const parens = `version 1.5\nbridge Query.a {\n  with input as i\n  with output as o\n  o.x <- ${"(".repeat(5000)}i.a${")".repeat(5000)}\n}\n`;
    expect(() => parseBridge(parens)).toThrow(/maxNesting/);
    expect(parseBridgeDiagnostics(nested(5000)).diagnostics[0]!.message).toMatch(/maxNesting/);
  });

  test(`expressions with more than ${PARSER_LIMITS.maxOperators} operators are refused, at the edge`, () => {
    const expr = (n: number) => `version 1.5\nbridge Query.a {\n  with input as i\n  with output as o\n  o.x <- i.a${" + i.a".repeat(n)}\n}\n`;
    expect(() => parseBridge(expr(PARSER_LIMITS.maxOperators))).not.toThrow();
    expect(() => parseBridge(expr(PARSER_LIMITS.maxOperators + 1))).toThrow(/maxOperators \(1024/);
    expect(() => parseBridge(expr(200_000))).toThrow(BridgeSyntaxError);
  });

  test("sources over 4 MB are refused", () => {
    const big = `version 1.5\n${"#".repeat(PARSER_LIMITS.maxSourceLength)}\n`;
    expect(() => parseBridge(big)).toThrow(/maxSourceLength \(4194304/);
    expect(parseBridgeDiagnostics(big).diagnostics[0]!.message).toMatch(/maxSourceLength/);
  });

  test("a source of exactly the limit is accepted", () => {
    const prefix = "version 1.5\n";
    const edge = prefix + "#".repeat(PARSER_LIMITS.maxSourceLength - prefix.length);
    expect(() => parseBridge(edge)).not.toThrow();
  });
});

/**
 * Text with a lexical error (R-LEX-12) is lexed by the recovering lexer, which
 * must still tokenise every valid character around the bad one: only the bad
 * character is reported (R-LEX-13 for parseBridge, R-DIAG-1 for diagnostics).
 */
import { describe, expect, test } from "vitest";
import { BridgeSyntaxError, parseBridge, parseBridgeDiagnostics } from "../src/index.js";

/** A comma-separated const (R-CONST-1) before the one bad character `%` on line 5. */
const source = [
  "version 1.5",
  'const c = {"a": 1, "b": [1, 2]}',
  "bridge Query.x {",
  "  with output as o",
  "  o.a = 1 %",
  "}",
  "",
].join("\n");

describe("lexical errors next to valid punctuation", () => {
  test("R-LEX-13: parseBridge reports the `%`, not the commas of the JSON before it", () => {
    let error: unknown;
    try {
      parseBridge(source);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BridgeSyntaxError);
    const e = error as BridgeSyntaxError;
    expect({ message: e.message, line: e.line, column: e.column }).toEqual({ message: 'Line 5, column 11: Unexpected character "%"', line: 5, column: 11 });
  });

  test("R-DIAG-1: diagnostics hold exactly one lexical error, at the `%`", () => {
    const { document, diagnostics } = parseBridgeDiagnostics(source);
    expect(document).toBeNull();
    expect(diagnostics).toEqual([
      {
        severity: "error",
        message: 'Line 5, column 11: Unexpected character "%"',
        range: { start: { line: 5, column: 11 }, end: { line: 5, column: 11 } },
      },
    ]);
  });
});

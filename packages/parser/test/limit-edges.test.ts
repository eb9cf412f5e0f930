/**
 * Parser limits at their edges (D-4) and the error object they produce
 * (R-LOC-1, R-DIAG-4): exact messages, lines, columns and spans; nesting is
 * the current depth of `{` `[` `(` (closing brackets end a level), not a
 * count of all openings.
 */
import { describe, expect, test } from "vitest";
import { BridgeSyntaxError, PARSER_LIMITS, parseBridge, parseBridgeDiagnostics } from "../src/index.js";
import { pointLoc } from "../src/errors.js";

const header = "version 1.5\nbridge Query.a {\n  with input as i\n  with output as o\n";
/** A bridge whose body lines start on line 5. */
const doc = (lines: string[]) => `${header}${lines.map((l) => `  ${l}\n`).join("")}}\n`;

function caught(source: string, filename?: string): BridgeSyntaxError {
  try {
    parseBridge(source, filename === undefined ? {} : { filename });
  } catch (e) {
    expect(e).toBeInstanceOf(BridgeSyntaxError);
    return e as BridgeSyntaxError;
  }
  throw new Error("expected a BridgeSyntaxError");
}

const nestingMessage = (line: number, column: number) =>
  `Line ${line}, column ${column}: nesting exceeds the parser limit maxNesting (256 nested blocks, brackets or parentheses)`;

describe("maxNesting counts the current depth (D-4)", () => {
  const many = 300;
  const siblings = (make: (n: number) => string) => doc(Array.from({ length: many }, (_, n) => make(n)));

  test.each([
    ["scope blocks `{ }`", (n: number) => `o.f${n} { .a = 1 }`],
    ["indices `[ ]`", (n: number) => `o.f${n} <- i.a[${n}]`],
    ["parentheses `( )`", (n: number) => `o.f${n} <- (i.a + 1)`],
  ])(`${many} sibling %s never nest deeper than 2 and parse`, (_kind, make) => {
    const parsed = parseBridge(siblings(make));
    const block = parsed.blocks[0]!;
    expect(block.kind === "Bridge" && block.body.length).toBe(2 + many);
  });

  /** Parentheses nested `depth` deep inside the bridge block (line 5, the first `(` at column 10). */
  const parens = (depth: number) => doc([`o.x <- ${"(i.a + ".repeat(depth)}i.a${")".repeat(depth)}`]);

  test("255 nested parentheses in a bridge (256 levels) parse; 256 fail at the 256th `(`", () => {
    expect(() => parseBridge(parens(PARSER_LIMITS.maxNesting - 1))).not.toThrow();
    const column = 10 + 7 * (PARSER_LIMITS.maxNesting - 1);
    const e = caught(parens(PARSER_LIMITS.maxNesting), "deep.bridge");
    expect(e.message).toBe(nestingMessage(5, column));
    expect({ line: e.line, column: e.column, loc: e.loc, filename: e.filename }).toEqual({
      line: 5,
      column,
      loc: { startLine: 5, startColumn: column, endLine: 5, endColumn: column },
      filename: "deep.bridge",
    });
  });

  test("the diagnostics API reports the same message at the same token (R-DIAG-4)", () => {
    const column = 10 + 7 * (PARSER_LIMITS.maxNesting - 1);
    const { diagnostics } = parseBridgeDiagnostics(parens(PARSER_LIMITS.maxNesting));
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]!.message).toBe(nestingMessage(5, column));
    expect(parseBridgeDiagnostics(parens(PARSER_LIMITS.maxNesting - 1)).diagnostics).toEqual([]);
  });

  test("two expressions each at the full depth of 256 parse one after the other", () => {
    const inner = `o.x <- ${"(i.a + ".repeat(255)}i.a${")".repeat(255)}`;
    expect(() => parseBridge(doc([inner, inner.replace("o.x", "o.y")]))).not.toThrow();
  });
});

describe("maxOperators (D-4)", () => {
  const expr = (n: number) => doc([`o.x <- i.a${" + i.a".repeat(n)}`]);

  test("1024 operators parse; the 1025th is refused at that operator", () => {
    expect(() => parseBridge(expr(PARSER_LIMITS.maxOperators))).not.toThrow();
    const column = 14 + 6 * PARSER_LIMITS.maxOperators;
    const e = caught(expr(PARSER_LIMITS.maxOperators + 1));
    expect(e.message).toBe(`Line 5, column ${column}: expression exceeds the parser limit maxOperators (1024 operators in one expression)`);
    expect(e.loc).toEqual({ startLine: 5, startColumn: column, endLine: 5, endColumn: column });
  });
});

describe("maxSourceLength (D-4)", () => {
  test("one character over 4 MB is refused at 1:1 with the exact size", () => {
    const prefix = "version 1.5\n";
    const e = caught(prefix + "#".repeat(PARSER_LIMITS.maxSourceLength - prefix.length + 1), "big.bridge");
    expect(e.message).toBe("Source too large: 4194305 characters exceeds the parser limit maxSourceLength (4194304, 4 MB)");
    expect({ line: e.line, column: e.column, loc: e.loc, filename: e.filename }).toEqual({
      line: 1,
      column: 1,
      loc: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 },
      filename: "big.bridge",
    });
  });
});

describe("BridgeSyntaxError (R-LOC-1)", () => {
  test("carries the location, the source and the filename it was given", () => {
    const loc = { startLine: 3, startColumn: 4, endLine: 5, endColumn: 6 };
    const e = new BridgeSyntaxError("Line 3: boom", { loc, source: "src", filename: "f.bridge" });
    expect(e).toBeInstanceOf(Error);
    expect({ name: e.name, message: e.message, line: e.line, column: e.column, loc: e.loc, source: e.source, filename: e.filename }).toEqual({
      name: "BridgeSyntaxError",
      message: "Line 3: boom",
      line: 3,
      column: 4,
      loc,
      source: "src",
      filename: "f.bridge",
    });
    const bare = new BridgeSyntaxError("m", { loc });
    expect([bare.source, bare.filename]).toEqual([undefined, undefined]);
  });

  test("a parse failure keeps the whole source and the filename for formatting", () => {
    const source = doc(["o.x <- nope.a"]);
    const e = caught(source, "shelf.bridge");
    expect(e.source).toBe(source);
    expect(e.filename).toBe("shelf.bridge");
    expect(caught(source).filename).toBeUndefined();
  });

  test.each([
    [3, 7, undefined, 7],
    [3, 7, 1, 7],
    [3, 7, 4, 10],
    [2, 5, 0, 5],
  ])("pointLoc(%i, %i, %s) ends at column %i (inclusive)", (line, column, length, endColumn) => {
    expect(pointLoc(line, column, length)).toEqual({ startLine: line, startColumn: column, endLine: line, endColumn });
  });

  test("lexical errors are located at the offending character, which may be two UTF-16 units wide", () => {
    const wide = caught(doc(["o.x <- 😀"]));
    expect(wide.message).toBe(`Line 5, column 10: Unexpected character "😀"`);
    expect(wide.loc).toEqual({ startLine: 5, startColumn: 10, endLine: 5, endColumn: 11 });
    const narrow = caught(doc(["o.x <- i.a % 2"]));
    expect(narrow.message).toBe(`Line 5, column 14: Unexpected character "%"`);
    expect(narrow.loc).toEqual({ startLine: 5, startColumn: 14, endLine: 5, endColumn: 14 });
  });
});

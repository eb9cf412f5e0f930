/**
 * References, pipe chains and wire targets as AST (R-PATH-1, R-SAFE-1,
 * R-PIPE-1, R-WIRE-1/2, R-LOC-1): exact path segments, safe flags, indices,
 * spans, and the parse-time errors of R-DIAG-3 with their locations.
 */
import { describe, expect, test } from "vitest";
import type { PipeExpr, PullWire, RefExpr, ScopeBlock } from "@bridgekit/engine";
import { BridgeSyntaxError, parseBridge } from "../src/index.js";

/** Line 6 of every document is the wire under test (it starts at column 3). */
const doc = (line: string) =>
  `version 1.5\nbridge Query.a {\n  with std.str.toUpperCase as up\n  with input as i\n  with output as o\n  ${line}\n}\n`;

function firstWire(line: string): PullWire {
  const block = parseBridge(doc(line)).blocks[0]!;
  if (block.kind !== "Bridge") throw new Error("expected a bridge");
  return block.body[3] as PullWire;
}

const head = (line: string) => firstWire(line).chain.head;

/** The span of a location in R-LOC-1 terms, as `L:C-L:C`. */
const span = (loc: { startLine: number; startColumn: number; endLine: number; endColumn: number }) =>
  `${loc.startLine}:${loc.startColumn}-${loc.endLine}:${loc.endColumn}`;

function failure(line: string): { message: string; span: string; line: number; column: number } {
  try {
    parseBridge(doc(line));
  } catch (e) {
    expect(e).toBeInstanceOf(BridgeSyntaxError);
    const err = e as BridgeSyntaxError;
    return { message: err.message, span: span(err.loc), line: err.line, column: err.column };
  }
  throw new Error(`expected ${line} to fail`);
}

describe("references (R-PATH-1, R-SAFE-1)", () => {
  test.each([
    ["o.x <- i", []],
    ["o.x <- i.a", [{ key: "a", safe: false }]],
    ["o.x <- i?.a.b", [{ key: "a", safe: true }, { key: "b", safe: false }]],
    ["o.x <- i.a[12]", [{ key: "a", safe: false }, { key: 12, safe: false }]],
    ["o.x <- i[3]", [{ key: 3, safe: false }]],
    [
      "o.x <- i.a[-3].b?.c[7]",
      [
        { key: "a", safe: false },
        { key: -3, safe: false },
        { key: "b", safe: false },
        { key: "c", safe: true },
        { key: 7, safe: false },
      ],
    ],
    ["o.x <- i[0][10].z", [{ key: 0, safe: false }, { key: 10, safe: false }, { key: "z", safe: false }]],
  ])("%s reads the exact path", (line, path) => {
    const ref = head(line) as RefExpr;
    expect(ref).toMatchObject({ kind: "Ref", root: "i" });
    expect(ref.path).toEqual(path);
  });

  test.each([
    ["o.x <- i", "6:10-6:10"],
    ["o.x <- i.abc", "6:10-6:14"],
    ["o.x <- i.a[12]", "6:10-6:16"],
    ["o.x <- i.a[1].bc", "6:10-6:18"],
    ["o.x <- i[0][10]", "6:10-6:17"],
  ])("%s is located at the whole reference (R-LOC-1)", (line, where) => {
    expect(span(head(line).loc)).toBe(where);
  });

  test.each([
    ["o.x <- i.a[1.5]", `Line 6: Array indices must be integers, found "1.5"`, "6:14-6:16"],
    ["o.x <- i[0].a[2.25]", `Line 6: Array indices must be integers, found "2.25"`, "6:17-6:20"],
  ])("R-PATH-1: %s is refused at the number", (line, message, where) => {
    expect(failure(line)).toMatchObject({ message, span: where });
  });

  test("an undeclared root names a handle with a path and a reference without one (R-WITH-4)", () => {
    expect(failure("o.x <- x.y")).toEqual({
      message: `Line 6: Undeclared handle "x". Add 'with x' or 'with x as x' to the bridge header.`,
      span: "6:10-6:12",
      line: 6,
      column: 10,
    });
    expect(failure("o.x <- x").message).toBe(
      `Line 6: Undeclared reference "x". Add 'with output as o' for output fields, or 'with x' for a tool.`,
    );
  });
});

describe("pipe chains (R-PIPE-1)", () => {
  test("stages, input paths and the source reference, with their spans", () => {
    const pipe = head("o.x <- up.p.q:up:i.a?.b[12]") as PipeExpr;
    expect(pipe.stages.map((s) => ({ handle: s.handle, inputPath: s.inputPath, at: span(s.loc) }))).toEqual([
      { handle: "up", inputPath: ["p", "q"], at: "6:10-6:15" },
      { handle: "up", inputPath: [], at: "6:17-6:18" },
    ]);
    expect(pipe.source.root).toBe("i");
    expect(pipe.source.path).toEqual([
      { key: "a", safe: false },
      { key: "b", safe: true },
      { key: 12, safe: false },
    ]);
    expect(span(pipe.source.loc)).toBe("6:20-6:29");
    expect(span(pipe.loc)).toBe("6:10-6:29");
  });

  test.each([
    ["o.x <- up:i", [], "6:13-6:13"],
    ["o.x <- up:i[-1]", [{ key: -1, safe: false }], "6:13-6:17"],
    ["o.x <- up:i.abc.d", [{ key: "abc", safe: false }, { key: "d", safe: false }], "6:13-6:19"],
  ])("the source of %s is an exact reference", (line, path, where) => {
    const { source } = head(line) as PipeExpr;
    expect(source.path).toEqual(path);
    expect(span(source.loc)).toBe(where);
  });

  test.each([
    ["o.x <- up:i.a[1.5]", `Line 6: Array indices must be integers, found "1.5"`, "6:17-6:19"],
    ["o.x <- up:i[10.0]", `Line 6: Array indices must be integers, found "10.0"`, "6:15-6:18"],
  ])("R-PATH-1: %s is refused at the number", (line, message, where) => {
    expect(failure(line)).toMatchObject({ message, span: where });
  });

  test.each([
    ["o.x <- up.p[0]:i.a", "6:10-6:16"],
    ["o.x <- up[12].p:i.a", "6:10-6:17"],
  ])("a stage input path with an index is refused: %s", (line, where) => {
    expect(failure(line)).toMatchObject({ message: "Line 6: A pipe stage input path cannot contain an array index", span: where });
  });

  test("stage errors are located at the whole stage, source errors at the source (R-WITH-4, R-PIPE-4)", () => {
    expect(failure("o.x <- i.p:i.a")).toMatchObject({ message: `Line 6: Pipe handle "i" must reference a tool, got "input"`, span: "6:10-6:12" });
    expect(failure("o.x <- zz.p.q:i.a")).toMatchObject({ message: expect.stringMatching(/^Line 6: Undeclared handle in pipe: "zz"\./), span: "6:10-6:15" });
    expect(failure("o.x <- up:x.y")).toEqual({
      message: `Line 6: Undeclared handle "x". Add 'with x' or 'with x as x' to the bridge header.`,
      span: "6:13-6:15",
      line: 6,
      column: 13,
    });
    expect(failure("o.x <- up:x")).toMatchObject({
      message: `Line 6: Undeclared reference "x". Add 'with output as o' for output fields, or 'with x' for a tool.`,
      span: "6:13-6:13",
    });
  });
});

describe("wire targets (R-WIRE-1, R-WIRE-2)", () => {
  test("`?.` in a target reads as `.`, and the target spans the address", () => {
    const { target } = firstWire("o.a?.bc <- i.x");
    expect(target).toMatchObject({ kind: "Target", root: "o", path: ["a", "bc"] });
    expect(span(target.loc)).toBe("6:3-6:9");
  });

  test("an explicit index in a target is refused, located at the whole target", () => {
    expect(failure("o.a[0].b <- i.x")).toEqual({
      message: "Line 6: Explicit array index in wire target is not supported. Use array mapping (`[] as iter { }`) instead.",
      span: "6:3-6:10",
      line: 6,
      column: 3,
    });
  });

  test("a scope line's relative target spans from the dot to its last segment", () => {
    const block = parseBridge(doc("o.x { .ab.cd = 1 }")).blocks[0]!;
    if (block.kind !== "Bridge") throw new Error("expected a bridge");
    const scope = block.body[3] as ScopeBlock;
    const inner = scope.body[0]!;
    if (!("target" in inner)) throw new Error("expected a wire");
    expect(inner.target).toMatchObject({ kind: "Target", root: null, path: ["ab", "cd"] });
    expect(span(inner.target.loc)).toBe("6:9-6:14");
  });
});

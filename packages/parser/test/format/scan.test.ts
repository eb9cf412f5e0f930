/**
 * The formatter's source scanners (src/format/scan.ts): the `{` that opens a
 * body and the `version` declaration are found past comments; multi-line
 * JSON is re-indented without touching its first line or its relative
 * indentation.
 */
import { describe, expect, test } from "vitest";
import { findBrace, findVersion, reindentJson } from "../../src/format/scan.js";

describe("findBrace", () => {
  test.each<[string, string, number, number]>([
    ["the brace after a header", "tool a from b {", 0, 14],
    ["a brace inside a comment is skipped", "tool a from b # not { this\n  {", 0, 29],
    ["comments on several lines", "o.x # {\n# {\n{", 3, 12],
    ["searching from inside the text", "a { b {", 2, 2],
    ["no brace: the end of the source", "bridge Query.x", 0, 14],
    ["a comment that runs to the end: the end of the source", "define d # {", 0, 12],
  ])("%s", (_name, source, from, expected) => {
    expect(findBrace(source, from)).toBe(expected);
  });
});

describe("findVersion", () => {
  test.each<[string, string, { start: number; end: number }]>([
    ["at the start", "version 1.5\nconst a = 1", { start: 0, end: 11 }],
    ["after comments and blank lines", "# a\n\n  # b\nversion 1.5 # c", { start: 11, end: 22 }],
    ["any case, CRLF", "#x\r\nVERSION   1.5\r\n", { start: 4, end: 17 }],
    ["no version text: an empty span where it would be", "# only a comment", { start: 16, end: 16 }],
    ["empty source", "", { start: 0, end: 0 }],
  ])("%s", (_name, source, expected) => {
    expect(findVersion(source)).toEqual(expected);
  });
});

describe("reindentJson", () => {
  test.each<[string, string, number, string]>([
    ["one line is kept as is", '{ "a": 1 }', 3, '{ "a": 1 }'],
    ["continuation lines get two spaces per level", '{\n      "a": 1\n    }', 1, '{\n    "a": 1\n  }'],
    ["relative indentation and blank lines kept, CRLF becomes LF", '[\r\n\t1,\r\n\r\n\t\t2\r\n\t]', 0, "[\n1,\n\n\t2\n]"],
  ])("%s", (_name, raw, depth, expected) => {
    expect(reindentJson(raw, depth)).toBe(expected);
  });
});

/**
 * White-box tests of the formatter's line writer (format/writer.ts): where
 * `#` comments of the source land between output lines, and where blank
 * lines are kept (one where the source had at least one, none at the start
 * of a body, exactly one between top-level blocks).
 */
import type { Comment } from "@bridgekit/engine";
import { describe, expect, test } from "vitest";
import { LineWriter } from "../../src/format/writer.js";

/** Every `#` comment of `source` as the parser reports it (text without the `#`). */
function commentsOf(source: string): Comment[] {
  return [...source.matchAll(/#[^\n]*/g)].map((m) => {
    const start = m.index;
    const loc = { start, end: start + m[0].length, startLine: 0, startColumn: 0, endLine: 0, endColumn: 0 };
    return { kind: "Comment", text: m[0].slice(1), loc };
  });
}

function writer(source: string): LineWriter {
  return new LineWriter(source, commentsOf(source));
}

describe("LineWriter comments", () => {
  test("flushComments writes only the comments that start before the offset, at the given depth", () => {
    const source = "# one\n# two\nx";
    const w = writer(source);
    w.flushComments(source.indexOf("# two"), 1);
    w.line(0, "x", source.indexOf("x"), source.length);
    expect(w.finish()).toBe("  # one\n# two\nx\n");
  });

  test("a comment after the last token on the same source line is the line's end-of-line comment", () => {
    const source = "a   #  note  \nb # other\n";
    const w = writer(source);
    w.line(0, "a", 0, 1);
    w.line(1, "b", source.indexOf("b"), source.indexOf("b") + 1);
    expect(w.finish()).toBe("a  #  note\n  b  # other\n");
  });

  test("a comment on the next source line is not an end-of-line comment", () => {
    const source = "a\n# below\nb";
    const w = writer(source);
    w.line(0, "a", 0, 1);
    w.line(0, "b", source.indexOf("b"), source.length);
    expect(w.finish()).toBe("a\n# below\nb\n");
  });

  test("comments left at the end follow one blank line", () => {
    const source = "a\n# end";
    const w = writer(source);
    w.line(0, "a", 0, 1);
    expect(w.finish()).toBe("a\n\n# end\n");
  });

  test("hasCommentWithin sees only unwritten comments starting inside start..end", () => {
    const source = "{ # c\n}";
    const w = writer(source);
    expect([w.hasCommentWithin(0, 6), w.hasCommentWithin(3, 6), w.hasCommentWithin(0, 2)]).toEqual([true, false, false]);
  });
});

describe("LineWriter blank lines", () => {
  test("one blank line is kept where the source had one or more", () => {
    const source = "a\n\n\n\nb\nc";
    const w = writer(source);
    w.line(0, "a", 0, 1);
    w.line(0, "b", source.indexOf("b"), source.indexOf("b") + 1);
    w.line(0, "c", source.indexOf("c"), source.length);
    expect(w.finish()).toBe("a\n\nb\nc\n");
  });

  test("no blank line before the first item of a body, none before its closing line", () => {
    const source = "{\n\n  x\n\n}";
    const w = writer(source);
    w.line(0, "{", 0, 1);
    w.openBody();
    w.line(1, "x", source.indexOf("x"), source.indexOf("x") + 1);
    w.closeLine(0, "}", source.indexOf("}"), source.length);
    expect(w.finish()).toBe("{\n  x\n}\n");
  });

  test("blockBreak asks for exactly one blank line even where the source had none", () => {
    const source = "a\nb";
    const w = writer(source);
    w.line(0, "a", 0, 1);
    w.blockBreak();
    w.line(0, "b", 2, 3);
    expect(w.finish()).toBe("a\n\nb\n");
  });

  test("the first output line never starts with a blank line", () => {
    const source = "\n\n# lead\n\nx";
    const w = writer(source);
    w.blockBreak();
    w.line(0, "x", source.indexOf("x"), source.length);
    expect(w.finish()).toBe("# lead\n\nx\n");
  });
});

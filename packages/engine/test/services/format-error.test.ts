import { describe, expect, it } from "vitest";
import { BridgeRuntimeError } from "../../src/errors.js";
import { formatBridgeError } from "../../src/format-error.js";

const SHELF = [
  "version 1.5",
  "bridge Query.shelf {",
  "  with cat",
  "  with input as i",
  "  with output as o",
  "  o.cover <- cat.images.front.url",
  '  o.code  <- i.code ?? throw "code missing"',
  '  o.tier  <- i.vip ? "gold" : i.plan.name',
  "}",
].join("\n");

describe("formatBridgeError", () => {
  it("renders the single-line example", () => {
    const err = new BridgeRuntimeError("code missing", { loc: { startLine: 7, startColumn: 24, endLine: 7, endColumn: 43 } });
    expect(formatBridgeError(err, { source: SHELF, filename: "shelf.bridge" })).toBe(
      [
        "Bridge Execution Error: code missing",
        "  --> shelf.bridge:7:24",
        "  |",
        "6 |   o.cover <- cat.images.front.url",
        '7 |   o.code  <- i.code ?? throw "code missing"',
        "  |                        ^^^^^^^^^^^^^^^^^^^^",
        '8 |   o.tier  <- i.vip ? "gold" : i.plan.name',
      ].join("\n"),
    );
  });

  it("renders the whole-wire example with source and filename from the error", () => {
    const err = new BridgeRuntimeError("Cannot read properties of undefined (reading 'name')", {
      loc: { startLine: 8, startColumn: 3, endLine: 8, endColumn: 41 },
    });
    err.source = SHELF.replace(/\n/g, "\r\n");
    err.filename = "shelf.bridge";
    expect(formatBridgeError(err)).toBe(
      [
        "Bridge Execution Error: Cannot read properties of undefined (reading 'name')",
        "  --> shelf.bridge:8:3",
        "  |",
        '7 |   o.code  <- i.code ?? throw "code missing"',
        '8 |   o.tier  <- i.vip ? "gold" : i.plan.name',
        "  |   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^",
        "9 | }",
      ].join("\n"),
    );
  });

  it("widens the gutter for the following line and handles multi-line spans", () => {
    const source = Array.from({ length: 10 }, (_, i) => `line${i + 1}`).join("\r");
    const err = { message: "m", loc: { startLine: 9, startColumn: 2, endLine: 10, endColumn: 1 } };
    const e = Object.assign(new Error("m"), err);
    expect(formatBridgeError(e, { source })).toBe(
      ["Bridge Execution Error: m", "  --> <bridge>:9:2", "   |", " 8 | line8", " 9 | line9", "   |  ^^^^", "10 | line10"].join("\n"),
    );
  });

  it("renders first-line errors and at least one caret", () => {
    const e = new BridgeRuntimeError("x", { loc: { startLine: 1, startColumn: 5, endLine: 1, endColumn: 2 } });
    expect(formatBridgeError(e, { source: "abc" })).toBe(
      ["Bridge Execution Error: x", "  --> <bridge>:1:5", "  |", "1 | abc", "  |     ^"].join("\n"),
    );
  });

  it("omits the snippet without source and the location without loc", () => {
    const e = new BridgeRuntimeError("x", { loc: { startLine: 2, startColumn: 1, endLine: 2, endColumn: 1 } });
    expect(formatBridgeError(e, { filename: "a.bridge" })).toBe("Bridge Execution Error: x\n  --> a.bridge:2:1");
    expect(formatBridgeError(new Error("plain"))).toBe("Bridge Execution Error: plain");
  });

  it("accepts any value and never throws (D-7)", () => {
    expect(formatBridgeError("boom")).toBe("Bridge Execution Error: boom");
    expect(formatBridgeError(null)).toBe("Bridge Execution Error: null");
    expect(formatBridgeError(undefined)).toBe("Bridge Execution Error: undefined");
    expect(formatBridgeError(Object.create(null))).toBe("Bridge Execution Error: [object Object]");
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error("trap");
        },
        getPrototypeOf() {
          throw new Error("trap");
        },
      },
    );
    expect(() => formatBridgeError(hostile)).not.toThrow();
    expect(formatBridgeError({ loc: { startLine: "x" } }, { source: "a" })).toBe("Bridge Execution Error: [object Object]");
  });

  it("renders syntax-error-like objects with line and column", () => {
    const e = Object.assign(new Error("expected `<-`"), { name: "BridgeSyntaxError", line: 2, column: 3 });
    expect(formatBridgeError(e, { source: "a\nbcdef", filename: "x.bridge" })).toBe(
      ["Bridge Syntax Error: expected `<-`", "  --> x.bridge:2:3", "  |", "1 | a", "2 | bcdef", "  |   ^"].join("\n"),
    );
  });
});

// formatBridgeError (R-FMT-1..3, D-7) on the R-LOC-3 document (E-12), and the bridge tag's dedent (R-LOC-4).
import { describe, expect, it } from "vitest";
import { BridgeRuntimeError, executeBridge, formatBridgeError } from "../../src/index.js";
import { parse, parser, runError, tool } from "./support.js";

const shelf = [
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

const cat = tool(() => ({ images: { front: { url: "u" } } }));

async function shelfError(input: Record<string, unknown>, filename?: string) {
  try {
    await executeBridge({ document: parse(shelf, filename), operation: "Query.shelf", input, tools: { cat } });
  } catch (err) {
    return err;
  }
  throw new Error("expected the execution to fail");
}

describe("formatBridgeError with a location (R-FMT-3, E-12)", () => {
  it("renders the throw clause of R-LOC-3 exactly", async () => {
    const err = await shelfError({ vip: true });
    expect(formatBridgeError(err, { filename: "shelf.bridge" })).toBe(
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

  it("renders the whole-wire span of R-LOC-3 exactly, with the closing brace as the last line", async () => {
    const err = await shelfError({ code: "c", vip: false });
    expect(formatBridgeError(err, { filename: "shelf.bridge" })).toBe(
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

  it("uses the filename stored with the document when no option is given", async () => {
    const err = await shelfError({ vip: true }, "stored.bridge");
    expect(formatBridgeError(err).split("\n")[1]).toBe("  --> stored.bridge:7:24");
  });

  it("falls back to <bridge> without any filename", async () => {
    const err = await shelfError({ vip: true });
    expect(formatBridgeError(err).split("\n")[1]).toBe("  --> <bridge>:7:24");
  });

  it("options.filename wins over the stored filename", async () => {
    const err = await shelfError({ vip: true }, "stored.bridge");
    expect(formatBridgeError(err, { filename: "given.bridge" }).split("\n")[1]).toBe("  --> given.bridge:7:24");
  });

  it("options.source is used for the snippet", async () => {
    const err = await shelfError({ vip: true });
    const other = shelf.replace("o.cover <- cat.images.front.url", "# replaced line");
    expect(other).not.toBe(shelf);
    expect(formatBridgeError(err, { source: other }).split("\n")[3]).toBe("6 |   # replaced line");
  });

  it("without any source only the header and the arrow are printed", () => {
    const err = new BridgeRuntimeError("boom", { loc: { startLine: 2, startColumn: 3, endLine: 2, endColumn: 5 } });
    expect(formatBridgeError(err)).toBe("Bridge Execution Error: boom\n  --> <bridge>:2:3");
  });

  it("the first line has no line before it; widths follow the following line's number", () => {
    const source = Array.from({ length: 10 }, (_, k) => `line${k + 1}`).join("\n");
    const first = new BridgeRuntimeError("m", { loc: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 5 } });
    expect(formatBridgeError(first, { source, filename: "f" })).toBe(
      ["Bridge Execution Error: m", "  --> f:1:1", "  |", "1 | line1", "  | ^^^^^", "2 | line2"].join("\n"),
    );
    const ninth = new BridgeRuntimeError("m", { loc: { startLine: 9, startColumn: 2, endLine: 9, endColumn: 2 } });
    expect(formatBridgeError(ninth, { source, filename: "f" })).toBe(
      ["Bridge Execution Error: m", "  --> f:9:2", "   |", " 8 | line8", " 9 | line9", "   |  ^", "10 | line10"].join("\n"),
    );
  });

  it("the last line has no following line; a multi-line span marks to the end of its first line", () => {
    const source = "a\nbb\nccc";
    const last = new BridgeRuntimeError("m", { loc: { startLine: 3, startColumn: 2, endLine: 3, endColumn: 3 } });
    expect(formatBridgeError(last, { source, filename: "f" })).toBe(
      ["Bridge Execution Error: m", "  --> f:3:2", "  |", "2 | bb", "3 | ccc", "  |  ^^"].join("\n"),
    );
    const multi = new BridgeRuntimeError("m", { loc: { startLine: 2, startColumn: 1, endLine: 3, endColumn: 2 } });
    expect(formatBridgeError(multi, { source, filename: "f" })).toBe(
      ["Bridge Execution Error: m", "  --> f:2:1", "  |", "1 | a", "2 | bb", "  | ^^", "3 | ccc"].join("\n"),
    );
  });

  it("at least one caret; CRLF and CR line breaks split lines", () => {
    const err = new BridgeRuntimeError("m", { loc: { startLine: 2, startColumn: 3, endLine: 2, endColumn: 1 } });
    expect(formatBridgeError(err, { source: "x\r\nab\rc", filename: "f" })).toBe(
      ["Bridge Execution Error: m", "  --> f:2:3", "  |", "1 | x", "2 | ab", "  |   ^", "3 | c"].join("\n"),
    );
  });
});

describe("formatBridgeError without a location (R-FMT-1, R-FMT-2, D-7)", () => {
  const cases: Array<[string, unknown, string]> = [
    ["an Error", new Error("plain"), "Bridge Execution Error: plain"],
    ["a string", "just text", "Bridge Execution Error: just text"],
    ["null", null, "Bridge Execution Error: null"],
    ["undefined", undefined, "Bridge Execution Error: undefined"],
    ["a number", 42, "Bridge Execution Error: 42"],
    ["a runtime error without loc", new BridgeRuntimeError("no loc"), "Bridge Execution Error: no loc"],
  ];
  for (const [name, value, expected] of cases) {
    it(name, () => {
      expect(formatBridgeError(value)).toBe(expected);
    });
  }

  it("never throws: objects without a prototype and values whose conversion throws", () => {
    const bare = Object.create(null) as object;
    const hostile = {
      toString() {
        throw new Error("no");
      },
    };
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    for (const value of [bare, hostile, revoked.proxy, Symbol("s")]) {
      const text = formatBridgeError(value);
      expect(typeof text).toBe("string");
      expect(text.startsWith("Bridge Execution Error: ")).toBe(true);
    }
  });

  it("errors from executions carry enough to format them without options (R-ERR-2)", async () => {
    const err = await runError(`version 1.5
bridge Query.run {
  with input as i
  with output as o
  o.v <- i.a.b
}`, { input: {} });
    expect(formatBridgeError(err)).toBe(
      [
        "Bridge Execution Error: Cannot read properties of undefined (reading 'b')",
        "  --> <bridge>:5:10",
        "  |",
        "4 |   with output as o",
        "5 |   o.v <- i.a.b",
        "  |          ^^^^^",
        "6 | }",
      ].join("\n"),
    );
  });
});

describe("the bridge tag (R-LOC-4)", () => {
  it("drops a blank first and last line and removes the common indentation", () => {
    const text = parser.bridge`
      version 1.5
      bridge Query.run {
        with output as o
      }
    `;
    expect(text).toBe("version 1.5\nbridge Query.run {\n  with output as o\n}");
  });

  it("joins interpolations with String() before dedenting", () => {
    const n = 5;
    const text = parser.bridge`
      version 1.${n}
        x ${true}
    `;
    expect(text).toBe("version 1.5\n  x true");
  });

  it("ignores blank lines when measuring the indentation", () => {
    const text = parser.bridge`
        a

          b
    `;
    expect(text).toBe("a\n\n  b");
  });

  it("error positions match the tagged text", async () => {
    const source = parser.bridge`
      version 1.5
      bridge Query.run {
        with input as i
        with output as o
        o.v <- i.a ?? throw "missing"
      }
    `;
    const err = await runError(source, { input: {} });
    expect(err.loc).toEqual({ startLine: 5, startColumn: 17, endLine: 5, endColumn: 31 });
  });
});

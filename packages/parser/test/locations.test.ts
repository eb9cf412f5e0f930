/** Source locations (R-LOC-1..R-LOC-3): exact spans of references, control clauses, wires and array clauses. */
import { describe, expect, test } from "vitest";
import type { ArrayMapExpr, BridgeBlock, ControlExpr, PullWire, RefExpr, SourceLocation, TemplateExpr } from "@bridgekit/engine";
import { parseBridge } from "../src/index.js";

const SHELF = `version 1.5
bridge Query.shelf {
  with cat
  with input as i
  with output as o
  o.cover <- cat.images.front.url
  o.code  <- i.code ?? throw "code missing"
  o.tier  <- i.vip ? "gold" : i.plan.name
}`;

const span = (l: SourceLocation) => `${l.startLine}:${l.startColumn}-${l.endLine}:${l.endColumn}`;

function wires(source: string): PullWire[] {
  const bridge = parseBridge(source).blocks.find((b) => b.kind === "Bridge") as BridgeBlock;
  return bridge.body.filter((s): s is PullWire => s.kind === "PullWire");
}

describe("R-LOC-3 examples", () => {
  const [cover, code, tier] = wires(SHELF);

  test("reference span cat.images.front.url is 6:14-6:33", () => {
    expect(span((cover!.chain.head as RefExpr).loc)).toBe("6:14-6:33");
  });

  test("throw clause span is 7:24-7:43", () => {
    const control = code!.chain.fallbacks[0]!.value as ControlExpr;
    expect(control.kind).toBe("Control");
    expect(span(control.loc)).toBe("7:24-7:43");
  });

  test("the whole wire statement is 8:3-8:41", () => {
    expect(span(tier!.loc)).toBe("8:3-8:41");
  });

  test("targets span their address", () => {
    expect(span(cover!.target.loc)).toBe("6:3-6:9");
    expect(span(tier!.target.loc)).toBe("8:3-8:8");
  });

  test("offsets are 0-based and end-exclusive (R-LOC-1)", () => {
    const ref = cover!.chain.head as RefExpr;
    expect(SHELF.slice(ref.loc.start, ref.loc.end)).toBe("cat.images.front.url");
    expect(SHELF.slice(tier!.loc.start, tier!.loc.end)).toBe('o.tier  <- i.vip ? "gold" : i.plan.name');
  });
});

describe("other spans", () => {
  const src = `version 1.5
bridge Query.a {
  with input as i
  with output as o
  o.rows <- i.rows[] as r {
    .n <- r.n
  } catch []
  o.t <- "a {i.x} b"
}`;
  const [rows, t] = wires(src);

  test("ArrayMap loc spans source to `}`, clauseLoc spans `[] as r { … }`", () => {
    const map = rows!.chain.head as ArrayMapExpr;
    expect(span(map.loc)).toBe("5:13-7:3");
    expect(span(map.clauseLoc)).toBe("5:19-7:3");
    expect(src.slice(map.clauseLoc.start, map.clauseLoc.end)).toMatch(/^\[\] as r \{[\s\S]*\}$/);
  });

  test("catch value carries its own span", () => {
    expect(span(rows!.chain.catch!.value.loc)).toBe("7:11-7:12");
    expect(span(rows!.chain.catch!.loc)).toBe("7:5-7:12");
  });

  test("template placeholders are located inside the string", () => {
    const tpl = t!.chain.head as TemplateExpr;
    const ph = tpl.parts[1]!;
    expect(ph.kind).toBe("Placeholder");
    if (ph.kind === "Placeholder") {
      expect(src.slice(ph.loc.start, ph.loc.end)).toBe("{i.x}");
      expect(src.slice(ph.expr.loc.start, ph.expr.loc.end)).toBe("i.x");
      expect(span(ph.expr.loc)).toBe("8:14-8:16");
    }
  });

  test("pipes, indexed references and fallback alternatives carry their own spans", () => {
    const text = `version 1.5
bridge Query.p {
  with up
  with input as i
  with output as o
  o.a <- not up:i.x[0] || i.list[2].y catch up:i.z
}`;
    const [w] = wires(text);
    const not = w!.chain.head;
    expect(not.kind).toBe("Not");
    if (not.kind === "Not") expect(text.slice(not.operand.loc.start, not.operand.loc.end)).toBe("up:i.x[0]");
    expect(text.slice(w!.chain.fallbacks[0]!.value.loc.start, w!.chain.fallbacks[0]!.value.loc.end)).toBe("i.list[2].y");
    expect(text.slice(w!.chain.catch!.value.loc.start, w!.chain.catch!.value.loc.end)).toBe("up:i.z");
    expect(span(w!.loc)).toBe("6:3-6:50");
  });

  test("comments are kept with their text and location", () => {
    const doc = parseBridge("# head\nversion 1.5 # v\n");
    expect(doc.comments!.map((c) => [c.text, span(c.loc)])).toEqual([[" head", "1:1-1:6"], [" v", "2:13-2:15"]]);
    expect(doc.source).toBe("# head\nversion 1.5 # v\n");
  });

  test("the document spans the whole source, ending at its last character", () => {
    expect(span(parseBridge("version 1.5").loc)).toBe("1:1-1:11");
    expect(span(parseBridge("version 1.5\n# c\n").loc)).toBe("1:1-2:4");
    expect(span(parseBridge("version 1.5\n\n  ").loc)).toBe("1:1-3:2");
  });

  test("a lone CR is a line break, also for template placeholders and semantic errors (R-LOC-1)", () => {
    const src = "version 1.5\rbridge Query.a {\r  with input as i\r  with output as o\r  o.t <- \"a {i.x} b\"\r}\r";
    const tpl = wires(src)[0]!.chain.head as TemplateExpr;
    const ph = tpl.parts[1]!;
    expect(ph.kind).toBe("Placeholder");
    if (ph.kind === "Placeholder") expect([span(ph.loc), span(ph.expr.loc)]).toEqual(["5:13-5:17", "5:14-5:16"]);
    expect(() => parseBridge(src.replace("i.x", "nope.x"))).toThrow(expect.objectContaining({ message: expect.stringMatching(/^Line 5: Undeclared handle "nope"/), line: 5, column: 14 }));
  });

  test("CRLF counts as one line break", () => {
    const doc = parseBridge("version 1.5\r\nbridge Query.a {\r\n  with output as o\r\n  o.x = 1\r\n}\r\n");
    const bridge = doc.blocks[0] as BridgeBlock;
    expect(span(bridge.body[1]!.loc)).toBe("4:3-4:9");
  });
});

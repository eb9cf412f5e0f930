/** parseBridgeDiagnostics (R-DIAG-4, R-DIAG-5, R-DIAG-6): never throws, reports everything, warns on quirks. */
import { describe, expect, test } from "vitest";
import { parseBridgeDiagnostics } from "../src/index.js";

const messages = (source: string, severity?: "error" | "warning") =>
  parseBridgeDiagnostics(source).diagnostics.filter((d) => !severity || d.severity === severity).map((d) => d.message);

describe("parseBridgeDiagnostics", () => {
  test("a valid document has a document and no diagnostics", () => {
    const r = parseBridgeDiagnostics("version 1.5\nbridge Query.a {\n  with output as o\n  o.x = 1\n}\n");
    expect(r.document?.kind).toBe("Document");
    expect(r.diagnostics).toEqual([]);
  });

  test("reports every lexical error", () => {
    const errors = messages("version 1.5\nbridge Query.a {\n  o.x <- 'a' % 2 & 3\n}\n", "error");
    expect(errors.filter((m) => m.includes("Unexpected character")).length).toBe(4);
  });

  test("reports several syntax errors with recovery", () => {
    const r = parseBridgeDiagnostics("version 1.5\nbridge Query.a {\n  with output as o\n  o.x 1\n  o.y <- \n  o.z = 2\n}\nbridge Query.b {\n  with output as o\n  o.q 3\n}\n");
    expect(r.document).toBeNull();
    expect(r.diagnostics.filter((d) => d.severity === "error").length).toBeGreaterThanOrEqual(2);
    expect(r.diagnostics.every((d) => /^Line \d+, column \d+: /.test(d.message))).toBe(true);
  });

  test("the first semantic error covers its whole line (R-DIAG-4)", () => {
    const r = parseBridgeDiagnostics("version 1.5\nbridge Query.a {\n  with output as o\n  o.x <- nope.y\n}\n");
    expect(r.document).toBeNull();
    expect(r.diagnostics).toEqual([{
      severity: "error",
      message: "Line 4: Undeclared handle \"nope\". Add 'with nope' or 'with nope as nope' to the bridge header.",
      range: { start: { line: 4, column: 1 }, end: { line: 4, column: 15 } },
    }]);
  });

  test("warns on duplicate block names (Q-04)", () => {
    const w = messages("version 1.5\nconst a = 1\nconst a = 2\nbridge Query.x {\n}\nbridge Query.x {\n}\n", "warning");
    expect(w).toEqual(["Duplicate const a: the first declaration wins (Q-04)", "Duplicate bridge Query.x: the first declaration wins (Q-04)"]);
  });

  test("warns on duplicate define and tool names too, at the later block (Q-04, R-FILE-6)", () => {
    const r = parseBridgeDiagnostics("version 1.5\ndefine d {\n}\ntool t from echo\ndefine d {\n}\ntool t from echo\n");
    expect(r.document?.blocks.map((b) => b.kind)).toEqual(["Define", "Tool", "Define", "Tool"]);
    expect(r.diagnostics).toEqual([
      { severity: "warning", message: "Duplicate define d: the first declaration wins (Q-04)", range: { start: { line: 5, column: 1 }, end: { line: 6, column: 1 } } },
      { severity: "warning", message: "Duplicate tool t: the first declaration wins (Q-04)", range: { start: { line: 7, column: 1 }, end: { line: 7, column: 16 } } },
    ]);
  });

  test("warns when `from` names a later tool block (Q-07)", () => {
    const w = messages("version 1.5\ntool a from b\ntool b from echo\n", "warning");
    expect(w).toHaveLength(1);
    expect(w[0]).toMatch(/"b" names a tool block declared later.*Q-07/);
  });

  test("warns when a define uses a define (Q-14)", () => {
    const w = messages("version 1.5\ndefine a {\n}\ndefine b {\n  with a\n}\n", "warning");
    expect(w).toHaveLength(1);
    expect(w[0]).toMatch(/Q-14/);
  });

  test("unknown std namespaces are errors, comment lines skipped (R-DIAG-5)", () => {
    const src = "version 1.5\n# std.nope in a comment\nbridge Query.a {\n  with std.math.add as m\n  with std.str.toUpperCase as u\n}\n";
    const r = parseBridgeDiagnostics(src);
    expect(r.document).not.toBeNull();
    expect(r.diagnostics).toEqual([{ severity: "error", message: 'Unknown built-in tool "std.math"', range: { start: { line: 4, column: 8 }, end: { line: 4, column: 15 } } }]);
  });

  test("std version tags beyond the bundled std warn (R-DIAG-5)", () => {
    const w = messages("version 1.5\nbridge Query.a {\n  with std.str.toUpperCase@1.7 as u\n  with std.str.trim@1.3 as t\n}\n", "warning");
    expect(w).toEqual(['"std.str.toUpperCase@1.7" exceeds bundled std 1.5.0. Provide this tool version at runtime via the tools map.']);
  });

  test("std version tags with another major warn, lower or higher (R-WITH-7 rule 3, R-DIAG-5)", () => {
    const r = parseBridgeDiagnostics("version 1.5\nbridge Query.a {\n  with std.str.trim@2.0 as a\n  with std.str.trim@0.9 as b\n  with std.str.trim@1 as c\n}\n");
    expect(r.diagnostics).toEqual([
      { severity: "warning", message: '"std.str.trim@2.0" exceeds bundled std 1.5.0. Provide this tool version at runtime via the tools map.', range: { start: { line: 3, column: 3 }, end: { line: 3, column: 28 } } },
      { severity: "warning", message: '"std.str.trim@0.9" exceeds bundled std 1.5.0. Provide this tool version at runtime via the tools map.', range: { start: { line: 4, column: 3 }, end: { line: 4, column: 28 } } },
    ]);
  });

  test("a document version above the bundled std warns (R-FILE-4)", () => {
    expect(messages("version 1.7\n", "warning")[0]).toMatch(/^Bridge version 1.7 requires standard library ≥ 1.7/);
  });

  test("a source whose text conversion throws is reported, not thrown (R-DIAG-4)", () => {
    const at = { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
    const throwing = (thrown: unknown) => ({ toString: () => { throw thrown; } }) as unknown as string;
    expect(parseBridgeDiagnostics(throwing(new Error("no text")))).toEqual({
      document: null,
      diagnostics: [{ severity: "error", message: "Internal parser error: no text", range: at }],
    });
    expect(parseBridgeDiagnostics(throwing("plain string"))).toEqual({
      document: null,
      diagnostics: [{ severity: "error", message: "Internal parser error: plain string", range: at }],
    });
  });

  test("never throws, whatever the input", () => {
    for (const src of ["", "version", "version 1.5\nbridge", "version 2.0", "\u0000", "version 1.5\n" + "{".repeat(10000), 42 as unknown as string]) {
      expect(() => parseBridgeDiagnostics(src)).not.toThrow();
    }
  });
});

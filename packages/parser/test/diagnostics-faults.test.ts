/**
 * parseBridgeDiagnostics never throws (R-DIAG-4), not even when the parser
 * itself fails. No input reaches these paths (the property tests check that
 * no "Internal parser error" is ever reported), so the faults are injected:
 * the tokenizer or the AST builder of parse.ts throws a non-Bridge error, and
 * the result must be that error as one diagnostic, not a throw, not silence.
 */
import { afterEach, describe, expect, test, vi } from "vitest";
import { parseBridgeDiagnostics } from "../src/index.js";
import type * as Parse from "../src/parse.js";

const fault = vi.hoisted(() => ({ in: undefined as "tokenize" | "toDocument" | undefined }));

vi.mock("../src/parse.js", async (importOriginal) => {
  const real = await importOriginal<typeof Parse>();
  return {
    ...real,
    tokenize: (...args: Parameters<typeof real.tokenize>) => {
      if (fault.in === "tokenize") throw new RangeError("tokenizer broke");
      return real.tokenize(...args);
    },
    toDocument: (...args: Parameters<typeof real.toDocument>) => {
      if (fault.in === "toDocument") throw new TypeError("builder broke");
      return real.toDocument(...args);
    },
  };
});

afterEach(() => {
  fault.in = undefined;
});

const VALID = "version 1.5\nbridge Query.a {\n  with output as o\n  o.x = 1\n}\n";
const internal = (message: string) => ({
  document: null,
  diagnostics: [{ severity: "error", message: `Internal parser error: ${message}`, range: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } } }],
});

describe("parseBridgeDiagnostics with a failing parser (R-DIAG-4)", () => {
  test("the injection is off by default: the valid text has a document", () => {
    const r = parseBridgeDiagnostics(VALID);
    expect(r.document?.kind).toBe("Document");
    expect(r.diagnostics).toEqual([]);
  });

  test.each([
    ["tokenize", "tokenizer broke"],
    ["toDocument", "builder broke"],
  ] as const)("an error thrown by %s is one internal-error diagnostic", (where, message) => {
    fault.in = where;
    expect(parseBridgeDiagnostics(VALID)).toEqual(internal(message));
  });
});

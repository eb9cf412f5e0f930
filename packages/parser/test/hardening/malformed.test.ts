/**
 * Malformed texts (cases/malformed.ts): every row must make `parseBridge`
 * throw a BridgeSyntaxError carrying the tabled line and column and message
 * (exact, or a prefix for syntax errors), and `parseBridgeDiagnostics` must
 * return (never throw) at least one error on the same line (§13, D-4). Rows
 * just inside a limit must parse. Known gaps are read from the engine's
 * hardening known-failures.json (suite "parser-malformed") and run with
 * `it.fails`.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { BridgeSyntaxError, parseBridge, parseBridgeDiagnostics } from "../../src/index.js";
import { malformedGroups, validEdges } from "./cases/malformed.js";
import type { MalformedCase } from "./cases/malformed.js";

const KNOWN = new Map(
  (
    JSON.parse(readFileSync(fileURLToPath(new URL("../../../engine/test/hardening/known-failures.json", import.meta.url)), "utf8")) as {
      suite: string;
      case: string;
      reason: string;
    }[]
  )
    .filter((k) => k.suite === "parser-malformed")
    .map((k) => [k.case, k.reason]),
);

function thrown(source: string): unknown {
  try {
    parseBridge(source);
  } catch (err) {
    return err;
  }
  return undefined;
}

function check(c: MalformedCase): void {
  const source = typeof c.source === "string" ? c.source : c.source();
  const err = thrown(source);
  if (!(err instanceof BridgeSyntaxError)) {
    throw new Error(`expected a BridgeSyntaxError, got ${err === undefined ? "a document" : String(err)}`);
  }
  expect(err.name).toBe("BridgeSyntaxError");
  // Syntax messages are compared by their author-facing head; messages that
  // quote the runtime's JSON parser (expected text ending in ":") only up to
  // that quote, since V8 words JSON errors differently across Node versions.
  const prefixOnly = c.kind === "syntactic" || c.message.endsWith(":");
  const message = prefixOnly ? err.message.slice(0, c.message.length) : err.message;
  expect({ line: err.line, column: err.column, message }).toEqual({ line: c.line, column: c.column, message: c.message });
  expect({ line: err.loc.startLine, column: err.loc.startColumn }).toEqual({ line: c.line, column: c.column });
  const { diagnostics } = parseBridgeDiagnostics(source);
  const errors = diagnostics.filter((d) => d.severity === "error");
  expect(errors.length, "parseBridgeDiagnostics reports an error").toBeGreaterThan(0);
  expect(errors.some((d) => d.range.start.line === c.line), `a diagnostic on line ${c.line}`).toBe(true);
}

const names = new Set<string>();
for (const [kind, cases] of Object.entries(malformedGroups)) {
  describe(kind, () => {
    for (const c of cases) {
      names.add(c.name);
      const title = `${c.name} [${c.rule}]`;
      const reason = KNOWN.get(c.name);
      if (reason === undefined) it(title, () => check(c));
      else it.fails(`${title} [known failure: ${reason}]`, () => check(c));
    }
  });
}

describe("just inside the limits", () => {
  for (const c of validEdges) {
    it(`${c.name} [${c.rule}]`, () => {
      const document = parseBridge(c.source());
      expect(document.version).toBe("1.5");
    });
  }
});

it("known-failures.json names only existing malformed rows", () => {
  expect([...KNOWN.keys()].filter((name) => !names.has(name))).toEqual([]);
});

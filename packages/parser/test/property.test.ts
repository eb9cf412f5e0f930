/**
 * Property tests (fast-check): `parseBridge` throws nothing but
 * `BridgeSyntaxError` on arbitrary text, and `parseBridgeDiagnostics` never
 * throws and never reports an internal error. A token-biased generator
 * builds text from Bridge tokens so the runs reach deep into the grammar.
 * CI sizes; `BRIDGE_PROP_SCALE` multiplies the runs (support/prop-scale.ts).
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { BridgeSyntaxError, parseBridge, parseBridgeDiagnostics } from "../src/index.js";
import { runs, timeoutFor } from "./support/prop-scale.js";

const TOKENS = [
  "version", "1.5", "bridge", "Query.a", "tool", "define", "const", "with", "as", "memoize", "from", "input", "output",
  "context", "on", "error", "force", "alias", "catch", "and", "or", "not", "throw", "panic", "continue", "break",
  "true", "false", "null", "i", "o", "t", "it", "x", "std.str.trim", "<-", "=", "||", "??", "?.", "?", ":", ".", "...",
  "{", "}", "[", "]", "(", ")", "[]", "+", "-", "*", "/", "==", "!=", ">=", "<", ",", "0", "-1", "2", "1.5", "\"s\"",
  "\"{i.x}\"", "\"{.x}\"", "/path", "@1.2", "#c", "\n", "\n", "\n", "'", "%", "ä",
];

const HEADER = "version 1.5\nbridge Query.a {\n  with input as i\n  with output as o\n  with t\n";

const tokenText = fc.array(fc.constantFrom(...TOKENS), { maxLength: 40 }).map((ts) => ts.join(" "));
const bridgeBody = tokenText.map((body) => `${HEADER}${body}\n}\n`);
/** Statements built from grammar pieces (mostly valid), optionally with one token dropped or inserted. */
const ref = fc.constantFrom("i.a", "i?.b.c", "t.x", "i.l[0]", "i", "t", "t.y:i.a", "a1", "i.a", "t?.z");
const lit = fc.constantFrom("1", "-2.5", "true", "null", "\"s\"", "\"{i.a}\"", "{\"k\": 1}", "[]");
const op = fc.constantFrom("+", "-", "*", "/", "==", "!=", ">=", "and", "or");
const expr = fc.oneof(
  ref,
  fc.tuple(ref, op, fc.oneof(ref, lit)).map(([a, o, b]) => `${a} ${o} ${b}`),
  ref.map((r) => `not ${r}`),
  fc.tuple(ref, lit, ref).map(([c, a, b]) => `${c} ? ${a} : ${b}`),
  fc.tuple(ref, op, ref).map(([a, o, b]) => `(${a} ${o} ${b})`),
  fc.constantFrom("\"x {i.a} y\"", "\"{.self}\""),
);
const alt = fc.oneof(ref, lit, fc.constantFrom("throw \"m\"", "panic \"p\"", "continue", "break 2", "continue 0"));
const chain = fc.tuple(expr, fc.boolean(), fc.array(fc.tuple(fc.constantFrom("||", "??"), alt), { maxLength: 2 }), fc.option(alt))
  .map(([e, map, gates, c]) => `${e}${map ? " [] as it { .v <- it.v ?? continue }" : ""}${gates.map(([g, a]) => ` ${g} ${a}`).join("")}${c ? ` catch ${c}` : ""}`);
const target = fc.constantFrom("o.x", "o", "t.q", "o.a.b", "t");
const statement = fc.oneof(
  fc.tuple(target, chain).map(([t, c]) => `${t} <- ${c}`),
  fc.tuple(target, fc.constantFrom("1", "POST", "/p", "\"true\"", "null")).map(([t, v]) => `${t} = ${v}`),
  chain.map((c) => `alias a1 <- ${c}`),
  fc.constantFrom("force t", "force i", "force a1 catch null", "with t as t2", "with std.str.trim@1.9 as tr"),
  fc.tuple(target, chain).map(([t, c]) => `${t} {\n .p <- ${c}\n ... <- i\n}`),
);
const grammarText = fc.tuple(fc.array(statement, { minLength: 1, maxLength: 6 }), fc.nat(), fc.constantFrom(...TOKENS), fc.nat(3))
  .map(([lines, at, token, mode]) => {
    const body = lines.join("\n");
    if (mode === 0) return `${HEADER}${body}\n}\n`;
    const words = body.split(" ");
    const k = at % words.length;
    if (mode === 1) words.splice(k, 1);
    else words.splice(k, 0, token);
    return `${HEADER}${words.join(" ")}\n}\n`;
  });

const anyText = fc.oneof(grammarText, grammarText,fc.string({ maxLength: 200 }), fc.string({ unit: "grapheme", maxLength: 80 }), tokenText, bridgeBody);

function onlySyntaxErrors(source: string): void {
  try {
    parseBridge(source);
  } catch (e) {
    if (!(e instanceof BridgeSyntaxError)) throw e;
    expect(e.message).toMatch(/^(Line \d+(, column \d+)?: |Unsupported bridge major version )/);
    expect(e.message).not.toMatch(/Expecting|Token sequences|-->|expected undefined|found undefined/);
    expect(e.line).toBeGreaterThanOrEqual(1);
    expect(e.column).toBeGreaterThanOrEqual(1);
  }
}

function diagnosticsNeverThrow(source: string): void {
  const r = parseBridgeDiagnostics(source);
  for (const d of r.diagnostics) expect(d.message).not.toMatch(/^Internal parser error/);
}

describe("property", () => {
  test(`parseBridge throws only BridgeSyntaxError (${runs(10_000)} runs)`, () => {
    fc.assert(fc.property(anyText, onlySyntaxErrors), { numRuns: runs(10_000) });
  }, timeoutFor(60_000));

  test(`parseBridgeDiagnostics never throws (${runs(3_000)} runs)`, () => {
    fc.assert(fc.property(anyText, diagnosticsNeverThrow), { numRuns: runs(3_000) });
  }, timeoutFor(60_000));

  test(`a successful parse is plain JSON (${runs(2_000)} runs)`, () => {
    fc.assert(fc.property(grammarText, (source) => {
      let doc;
      try {
        doc = parseBridge(source);
      } catch {
        return;
      }
      expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
    }), { numRuns: runs(2_000) });
  }, timeoutFor(60_000));
});

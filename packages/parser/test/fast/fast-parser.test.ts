/**
 * The hand-written scanner and parser (src/fast/) must be indistinguishable
 * from chevrotain's lexer and parser: on every corpus text the scanner yields
 * the chevrotain tokens (or gives up exactly when chevrotain reports a
 * lexical error) and the parser yields the chevrotain CST (its `children`
 * objects have the Object prototype, chevrotain's none; or gives up
 * exactly when chevrotain reports a syntax error). The lookahead each
 * chevrotain decision computes is pinned in lookahead-paths.txt: a grammar
 * change that moves it fails here until src/fast/ follows.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { getLookaheadPaths } from "chevrotain";
import type { IProduction, IToken, TokenType } from "chevrotain";
import { describe, expect, test } from "vitest";
import { BridgeParser } from "../../src/grammar.js";
import { lex } from "../../src/lexer.js";
import { scan } from "../../src/fast/scan.js";
import { parseCst } from "../../src/fast/parser.js";
import { arbitraryDocument } from "../support/arbitrary-document.js";
import { runs, timeoutFor } from "../support/prop-scale.js";
import { corpus } from "./corpus.js";

const texts = corpus(6);
const strict = new BridgeParser(false);
const recovering = new BridgeParser(true);

/** Tokens with their type by name (deep-comparing token type objects is slow). */
const plain = (ts: IToken[]) => ts.map((t) => ({ ...t, tokenType: t.tokenType.name }));
/** JSON of a CST, token types by name. */
const json = (cst: unknown) => JSON.stringify(cst, (key, value: { name?: string }) => (key === "tokenType" ? value.name : value));

/** Compare the fast path with chevrotain on one text; returns what happened. */
function compare(text: string): "same" | "lexical error" | "syntax error" {
  const reference = lex(text);
  const fast = scan(text);
  if (reference.errors.length > 0) {
    expect(fast, text).toBeUndefined();
    return "lexical error";
  }
  expect(fast, text).toBeDefined();
  expect(plain(fast!.tokens), text).toEqual(plain(reference.tokens));
  expect(plain(fast!.groups["comments"]!), text).toEqual(plain(reference.groups["comments"]!));
  strict.input = reference.tokens;
  const cst = strict.document();
  const mine = parseCst(reference.tokens);
  if (strict.errors.length > 0) {
    expect(mine, text).toBeUndefined();
    return "syntax error";
  }
  expect(mine, text).toBeDefined();
  expect(json(mine), text).toBe(json(cst));
  recovering.input = reference.tokens;
  expect(json(recovering.document()), text).toBe(json(cst));
  return "same";
}

describe("fast scanner and parser", () => {
  test(`agree with chevrotain on ${texts.length} corpus texts`, () => {
    const seen = { same: 0, "lexical error": 0, "syntax error": 0 };
    for (const t of texts) seen[compare(t)]++;
    expect(seen.same).toBeGreaterThan(400);
    expect(seen["syntax error"]).toBeGreaterThan(1000);
    expect(seen["lexical error"]).toBeGreaterThan(50);
  }, 180_000);

  test(`agree with chevrotain on generated valid documents (${runs(200)} runs)`, () => {
    fc.assert(fc.property(arbitraryDocument(), (text) => { expect(compare(text)).toBe("same"); }), { numRuns: runs(200) });
  }, timeoutFor(30_000));

  test("line breaks and multi-line strings are located like chevrotain does", () => {
    for (const t of ["version 1.5\r\nconst a = \"x\r\ny\"\rconst b = 1\n\r\n", "version 1.5\n\n\rconst c = \"a\\\r\nb\" # c\r"]) compare(t);
  });
});

describe("chevrotain lookahead the fast parser mirrors", () => {
  test("every decision of the grammar has the pinned lookahead", () => {
    const lines: string[] = [];
    const names = (paths: TokenType[][][]) => paths.map((alt) => alt.map((p) => p.map((tt) => tt.name).join(" ")).join(" | ")).join("  ||  ");
    const walk = (ruleName: string, rule: IProduction, prod: { definition?: IProduction[] }) => {
      for (const d of prod.definition ?? []) {
        const type = d.constructor.name;
        const idx = (d as { idx?: number }).idx;
        if (type === "Alternation" || type === "Option" || type === "Repetition") {
          const paths = getLookaheadPaths({ occurrence: idx!, rule: rule as never, prodType: type, maxLookahead: 3 });
          lines.push(`${ruleName} ${type}${idx}: ${names(paths)}`);
        }
        if (type !== "NonTerminal" && type !== "Terminal") walk(ruleName, rule, d as { definition?: IProduction[] });
      }
    };
    for (const [name, rule] of Object.entries(strict.getGAstProductions())) walk(name, rule, rule);
    const pinned = readFileSync(fileURLToPath(new URL("./lookahead-paths.txt", import.meta.url)), "utf8");
    expect(`${lines.join("\n")}\n`).toBe(pinned);
  });
});

/**
 * Production parsers and the lexer skip chevrotain's self-checks (they cost
 * most of the construction time); this test builds them with every check on,
 * so grammar and token-pattern mistakes still fail CI.
 */
import { describe, expect, it } from "vitest";
import { BridgeParser } from "../src/grammar.js";
import { createLexer } from "../src/lexer.js";

describe("grammar validation", () => {
  it("the fail-fast parser passes chevrotain's grammar validations", () => {
    expect(() => new BridgeParser(false, true)).not.toThrow();
  });

  it("the error-recovering parser passes chevrotain's grammar validations", () => {
    expect(() => new BridgeParser(true, true)).not.toThrow();
  });

  it("the lexer passes chevrotain's token-pattern validations", () => {
    const lexer = createLexer(true);
    expect(lexer.lexerDefinitionErrors).toEqual([]);
    expect(lexer.tokenize("version 1.5").errors).toEqual([]);
  });
});

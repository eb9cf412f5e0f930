/**
 * The lexer's token vocabulary (language.md §1): every operator, punctuation
 * mark and keyword lexes to its own token type, whose name is stable and
 * whose LABEL is the text authors see in syntax errors ("expected `<-` ...").
 */
import type { TokenType } from "chevrotain";
import { describe, expect, test } from "vitest";
import * as T from "../src/lexer.js";
import { CASE_INSENSITIVE_KEYWORDS, CASE_SENSITIVE_KEYWORDS, lex } from "../src/lexer.js";

/** [source text, token type name] for every punctuation token (R-LEX-8 ... R-LEX-11); the label is the text in backquotes. */
const PUNCTUATION: [string, string][] = [
  ["<-", "Arrow"], ["||", "OrOr"], ["??", "QQ"], ["?.", "QDot"], ["?", "Question"],
  [">=", "Gte"], ["<=", "Lte"], ["==", "EqEq"], ["!=", "NotEq"], [">", "Gt"], ["<", "Lt"],
  ["*", "Star"], ["+", "Plus"], ["-", "Minus"], ["/", "Slash"],
  ["(", "LParen"], [")", "RParen"], ["{", "LCurly"], ["}", "RCurly"], ["[", "LBracket"], ["]", "RBracket"],
  ["...", "Ellipsis"], [".", "Dot"], ["=", "Equals"], [":", "Colon"], [",", "Comma"],
];

function only(source: string): TokenType {
  const { tokens, errors } = lex(source);
  expect(errors).toEqual([]);
  expect(tokens).toHaveLength(1);
  return tokens[0]!.tokenType;
}

describe("R-LEX punctuation: token type name and author-facing label", () => {
  test.each(PUNCTUATION)("`%s` lexes to %s labelled with its own text", (text, name) => {
    const type = only(text);
    expect(type.name).toBe(name);
    expect(type.LABEL).toBe(`\`${text}\``);
  });

  test("operators lex longest-first: `>=` is one Gte token, `> =` is Gt then Equals", () => {
    expect(lex(">=<=").tokens.map((t) => t.tokenType.name)).toEqual(["Gte", "Lte"]);
    expect(lex("> =").tokens.map((t) => t.tokenType.name)).toEqual(["Gt", "Equals"]);
    expect(lex("?.?").tokens.map((t) => t.tokenType.name)).toEqual(["QDot", "Question"]);
  });
});

describe("R-LEX-5 keywords: token type name and author-facing label", () => {
  test.each([...CASE_INSENSITIVE_KEYWORDS, ...CASE_SENSITIVE_KEYWORDS])("`%s`", (word) => {
    const type = only(word);
    expect(type.name).toBe(word[0]!.toUpperCase() + word.slice(1));
    expect(type.LABEL).toBe(`\`${word}\``);
  });
});

describe("every exported token type", () => {
  const types = Object.values(T).filter((v): v is TokenType => typeof v === "object" && v !== null && "tokenTypeIdx" in v);

  test("has a distinct non-empty name", () => {
    const names = types.map((t) => t.name);
    expect(names.every((n) => n.length > 0)).toBe(true);
    expect(new Set(names).size).toBe(names.length);
  });

  test("that can appear in an error message has a non-empty label", () => {
    const unlabelled = types.filter((t) => !t.LABEL || t.LABEL === "``").map((t) => t.name);
    expect(unlabelled.sort()).toEqual(["Comment", "WhiteSpace"]);
  });

  test("the binary operators (R-EXPR-3) map to their AST names", () => {
    const ops = [...T.OPERATORS].map(([type, { op, prec }]) => [type.name, op, prec]);
    expect(ops).toEqual([
      ["Star", "mul", 4], ["Slash", "div", 4], ["Plus", "add", 3], ["Minus", "sub", 3],
      ["EqEq", "eq", 2], ["NotEq", "neq", 2], ["Gt", "gt", 2], ["Gte", "gte", 2],
      ["Lt", "lt", 2], ["Lte", "lte", 2], ["And", "and", 1], ["Or", "or", 0],
    ]);
  });
});

/**
 * Parser limits (D-4): the largest accepted source and the deepest nesting
 * of blocks, brackets and parentheses. Nesting is measured on the token
 * stream before the recursive-descent parser runs, so a pathological input
 * fails with a clean `BridgeSyntaxError` instead of a stack overflow.
 */
import type { IToken } from "chevrotain";
import { BridgeSyntaxError, pointLoc } from "./errors.js";
import * as T from "./lexer.js";

export const PARSER_LIMITS = Object.freeze({
  /** maximum source length in UTF-16 code units (4 MB). */
  maxSourceLength: 4 * 1024 * 1024,
  /** maximum nesting of `{` `[` `(`. */
  maxNesting: 256,
  /** maximum binary operators in one expression (each one nests the expression tree a level deeper). */
  maxOperators: 1024,
});

/** Throw if the source is longer than `maxSourceLength`. */
export function checkSourceSize(source: string, filename: string | undefined): void {
  if (source.length > PARSER_LIMITS.maxSourceLength) {
    throw new BridgeSyntaxError(
      `Source too large: ${source.length} characters exceeds the parser limit maxSourceLength (${PARSER_LIMITS.maxSourceLength}, 4 MB)`,
      { loc: pointLoc(1, 1), filename },
    );
  }
}

/** The first token that nests deeper than `maxNesting`, if any. */
export function findExcessiveNesting(tokens: IToken[]): IToken | undefined {
  let depth = 0;
  for (const t of tokens) {
    const tt = t.tokenType;
    if (tt === T.LCurly || tt === T.LBracket || tt === T.LParen) {
      if (++depth > PARSER_LIMITS.maxNesting) return t;
    } else if (tt === T.RCurly || tt === T.RBracket || tt === T.RParen) {
      depth--;
    }
  }
  return undefined;
}

/** The message for a nesting violation at token `t`. */
export function nestingMessage(t: IToken): string {
  return `Line ${t.startLine}, column ${t.startColumn}: nesting exceeds the parser limit maxNesting (${PARSER_LIMITS.maxNesting} nested blocks, brackets or parentheses)`;
}

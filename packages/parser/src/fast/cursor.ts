/**
 * The token cursor and CST-building helpers of the hand-written parser
 * (`fast/parser.ts`). Nodes are built exactly as chevrotain's CstParser
 * builds them with `nodeLocationTracking: "full"`: `{ name, children,
 * location }`, children keyed by rule name, token type name or label in
 * the order they are first added, the location spanning the first and last
 * token of the rule. Only `children` differs: a plain object, where
 * chevrotain makes one without prototype (a dictionary in V8, slower to
 * fill and read). The rules add children with a literal key at each site
 * (`c.Name = [...]`, `(c.Sep ??= []).push(...)`): one generic "add under
 * this key" function would make every access a slow keyed lookup. Any mismatch throws `MISMATCH`; the caller then parses
 * with chevrotain, which reports the error.
 */
import type { CstNode, IToken, TokenType } from "chevrotain";
import * as T from "../lexer.js";

/** Thrown on the first token the hand-written parser cannot accept. */
export const MISMATCH = new Error("the fast parser does not accept this input");

/** Membership of token type indices in a token type (itself and the types in its category). */
export type TokenSet = Uint8Array;

const SIZE = Math.max(...T.allTokens.map((tt) => tt.tokenTypeIdx!)) + 1;

/** The token types a token type matches, as in `tokenMatcher`. */
export function set(tt: TokenType): TokenSet {
  const s = new Uint8Array(SIZE);
  s[tt.tokenTypeIdx!] = 1;
  for (const idx in tt.categoryMatchesMap!) s[Number(idx)] = 1;
  return s;
}

export const S = {
  Name: set(T.Name), Segment: set(T.Segment), Sep: set(T.Sep), BareValue: set(T.BareValue), LiteralTok: set(T.LiteralTok),
  GateTok: set(T.GateTok), BinOp: set(T.BinOp), JsonAtom: set(T.JsonAtom),
};

const EOF_TOKEN = { tokenTypeIdx: -1, startOffset: NaN, startLine: NaN, endLine: NaN } as IToken;

export class Cursor {
  protected pos = 0;
  // Stryker disable next-line ArrayDeclaration: never read before `reset` (parseCst resets before every parse and after it); the initial list is unobservable
  protected tokens: IToken[] = [];

  /** Start on a new token list. */
  reset(tokens: IToken[]): void {
    this.tokens = tokens;
    this.pos = 0;
  }

  /** The k-th next token (1 = next), or an end-of-input token. */
  protected la(k: number): IToken {
    return this.tokens[this.pos + k - 1] ?? EOF_TOKEN;
  }

  /** The type index of the k-th next token. */
  protected t(k = 1): number {
    return (this.tokens[this.pos + k - 1] ?? EOF_TOKEN).tokenTypeIdx;
  }

  protected at(tt: TokenType, k = 1): boolean {
    return this.t(k) === tt.tokenTypeIdx;
  }

  protected in(s: TokenSet, k = 1): boolean {
    return s[this.t(k)] === 1;
  }

  get done(): boolean {
    return this.pos === this.tokens.length;
  }

  /** A rule's node, its location starting at the next token. */
  protected open(name: string): CstNode {
    const first = this.la(1);
    return {
      name,
      children: {} as CstNode["children"],
      location: {
        startOffset: first.startOffset, startLine: first.startLine, startColumn: first.startColumn,
        endOffset: NaN, endLine: NaN, endColumn: NaN,
      },
    };
  }

  /** Close a rule's node: its location ends at the last consumed token. */
  protected close(n: CstNode): CstNode {
    const last = this.tokens[this.pos - 1]!;
    const loc = n.location!;
    loc.endOffset = last.endOffset;
    loc.endLine = last.endLine;
    loc.endColumn = last.endColumn;
    return n;
  }

  /** Consume the next token if it is of exactly type `tt`. */
  protected take(tt: TokenType): IToken {
    const tok = this.tokens[this.pos];
    if (tok === undefined || tok.tokenTypeIdx !== tt.tokenTypeIdx) throw MISMATCH;
    this.pos++;
    return tok;
  }

  /** Consume the next token if its type is in `s`. */
  protected takeIn(s: TokenSet): IToken {
    const tok = this.tokens[this.pos];
    if (tok === undefined || s[tok.tokenTypeIdx] !== 1) throw MISMATCH;
    this.pos++;
    return tok;
  }

  /** R-LEX-14: does the next `.`/`?.`/`[` continue the current path? (`BridgeParser.continuesPath`) */
  protected continuesPath(): boolean {
    const next = this.la(1);
    if (next.tokenTypeIdx === T.LBracket.tokenTypeIdx) return this.at(T.NumberLit, 2);
    if (next.tokenTypeIdx !== T.Dot.tokenTypeIdx && next.tokenTypeIdx !== T.QDot.tokenTypeIdx) return false;
    return next.startLine === this.tokens[this.pos - 1]!.endLine;
  }
}

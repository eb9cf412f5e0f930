/**
 * A hand-written scanner for the tokens of `lexer.ts`, producing exactly
 * what the chevrotain lexer produces for text without lexical errors: the
 * same token types (keywords already re-typed), images, offsets, lines and
 * columns (`\n`, `\r\n` and `\r` end a line), comments in the `comments`
 * group and whitespace skipped. It returns `undefined` at the first
 * character no token can start with; the caller then runs the chevrotain
 * lexer, which reports the error and recovers.
 */
import type { ILexingResult, IToken, TokenType } from "chevrotain";
import * as T from "../lexer.js";

const enum Ch {
  Tab = 9, LF = 10, CR = 13, Space = 32, Bang = 33, Quote = 34, Hash = 35, LParen = 40, RParen = 41, Star = 42,
  Plus = 43, Comma = 44, Minus = 45, Dot = 46, Slash = 47, D0 = 48, D1 = 49, D9 = 57, Colon = 58, Lt = 60,
  Eq = 61, Gt = 62, Question = 63, At = 64, A = 65, E = 69, Z = 90, LBracket = 91, Backslash = 92, RBracket = 93,
  Underscore = 95, a = 97, e = 101, x = 120, z = 122, LCurly = 123, Pipe = 124, RCurly = 125,
}

const isDigit = (c: number): boolean => c >= Ch.D0 && c <= Ch.D9;
const isIdentStart = (c: number): boolean => (c >= Ch.a && c <= Ch.z) || (c >= Ch.A && c <= Ch.Z) || c === Ch.Underscore;
const isIdentPart = (c: number): boolean => isIdentStart(c) || isDigit(c) || c === Ch.Minus;
/** `[A-Za-z0-9_./-]`, the characters after the `/` of a path literal. */
const isPathPart = (c: number): boolean => isIdentPart(c) || c === Ch.Dot || c === Ch.Slash;

/** Single-character punctuation by character code. */
const SINGLE: Array<TokenType | undefined> = [];
for (const [ch, tt] of [
  ["*", T.Star], ["+", T.Plus], ["(", T.LParen], [")", T.RParen], ["{", T.LCurly], ["}", T.RCurly],
  ["[", T.LBracket], ["]", T.RBracket], [":", T.Colon], [",", T.Comma],
] as const) SINGLE[ch.charCodeAt(0)] = tt;

/** End (exclusive) of the number literal starting at `i` (`-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`). */
function numberEnd(s: string, i: number): number {
  if (s.charCodeAt(i) === Ch.Minus) i++;
  if (s.charCodeAt(i) === Ch.D0) i++;
  else while (isDigit(s.charCodeAt(i))) i++;
  if (s.charCodeAt(i) === Ch.Dot && isDigit(s.charCodeAt(i + 1))) {
    i += 2;
    while (isDigit(s.charCodeAt(i))) i++;
  }
  const c = s.charCodeAt(i);
  if (c === Ch.e || c === Ch.E) {
    let j = i + 1;
    const sign = s.charCodeAt(j);
    if (sign === Ch.Plus || sign === Ch.Minus) j++;
    if (isDigit(s.charCodeAt(j))) {
      i = j + 1;
      while (isDigit(s.charCodeAt(i))) i++;
    }
  }
  return i;
}

/** End (exclusive) of the string literal starting at `i`, or -1 if it is not terminated. */
function stringEnd(s: string, i: number): number {
  const n = s.length;
  for (let j = i + 1; j < n; j++) {
    const c = s.charCodeAt(j);
    if (c === Ch.Quote) return j + 1;
    if (c === Ch.Backslash) {
      if (j + 1 >= n) return -1;
      j++;
    }
  }
  return -1;
}

/** The operator starting with `c` at `i` (longest match first), or `undefined` if no token starts with `c`. */
function operator(s: string, i: number, c: number): TokenType | undefined {
  const d = s.charCodeAt(i + 1);
  switch (c) {
    case Ch.Lt: return d === Ch.Minus ? T.Arrow : d === Ch.Eq ? T.Lte : T.Lt;
    case Ch.Gt: return d === Ch.Eq ? T.Gte : T.Gt;
    case Ch.Eq: return d === Ch.Eq ? T.EqEq : T.Equals;
    case Ch.Bang: return d === Ch.Eq ? T.NotEq : undefined;
    case Ch.Pipe: return d === Ch.Pipe ? T.OrOr : undefined;
    case Ch.Question: return d === Ch.Question ? T.QQ : d === Ch.Dot ? T.QDot : T.Question;
    case Ch.Dot: return d === Ch.Dot && s.charCodeAt(i + 2) === Ch.Dot ? T.Ellipsis : T.Dot;
    default: return undefined;
  }
}

/** For each lower-case first letter, one bit per length of the keywords starting with it: most identifiers skip the lookup. */
const KEYWORD_LENGTHS = new Uint16Array(128);
for (const w of [...T.CASE_INSENSITIVE_KEYWORDS, ...T.CASE_SENSITIVE_KEYWORDS]) KEYWORD_LENGTHS[w.charCodeAt(0)]! |= 1 << w.length;

/** Length of each operator token, by token type index. */
const LENGTH = new Uint8Array(Math.max(...T.allTokens.map((tt) => tt.tokenTypeIdx!)) + 1).fill(1);
for (const tt of [T.Arrow, T.Lte, T.Gte, T.EqEq, T.NotEq, T.OrOr, T.QQ, T.QDot]) LENGTH[tt.tokenTypeIdx!] = 2;
LENGTH[T.Ellipsis.tokenTypeIdx!] = 3;

function token(image: string, type: TokenType, start: number, startLine: number, startColumn: number, endLine: number, endColumn: number): IToken {
  return {
    image, startOffset: start, endOffset: start + image.length - 1, startLine, endLine, startColumn, endColumn,
    tokenTypeIdx: type.tokenTypeIdx!, tokenType: type,
  };
}

/** Tokenize `source`, or `undefined` if it has a lexical error. */
export function scan(source: string): ILexingResult | undefined {
  const tokens: IToken[] = [];
  const comments: IToken[] = [];
  const n = source.length;
  let line = 1;
  let lineStart = 0;
  let i = 0;
  while (i < n) {
    const c = source.charCodeAt(i);
    if (c === Ch.Space || c === Ch.Tab) {
      i++;
      continue;
    }
    if (c === Ch.LF || c === Ch.CR) {
      i++;
      if (c === Ch.LF || source.charCodeAt(i) !== Ch.LF) {
        line++;
        lineStart = i;
      }
      continue;
    }
    const column = i - lineStart + 1;
    let type: TokenType | undefined;
    let end: number;
    if (isIdentStart(c)) {
      let upper = c <= Ch.Z;
      end = i + 1;
      for (let d = source.charCodeAt(end); isIdentPart(d); d = source.charCodeAt(++end)) if (d <= Ch.Z && d >= Ch.A) upper = true;
      const image = source.substring(i, end);
      const length = end - i;
      const maybeKeyword = length < 16 && (KEYWORD_LENGTHS[c | 0x20]! >> length) & 1;
      type = (maybeKeyword ? (upper ? T.keywordOf(image) : T.lowerCaseKeywordOf(image)) : undefined) ?? T.Identifier;
      tokens.push(token(image, type, i, line, column, line, end - lineStart));
      i = end;
      continue;
    }
    if ((type = SINGLE[c]) !== undefined) {
      end = i + 1;
    } else if (isDigit(c) || (c === Ch.Minus && isDigit(source.charCodeAt(i + 1)))) {
      type = T.NumberLit;
      end = numberEnd(source, i);
    } else if (c === Ch.Minus) {
      type = T.Minus;
      end = i + 1;
    } else if (c === Ch.Quote) {
      end = stringEnd(source, i);
      if (end < 0) return undefined;
      const startLine = line;
      for (let j = i + 1; j < end; j++) {
        const d = source.charCodeAt(j);
        if (d === Ch.LF || (d === Ch.CR && source.charCodeAt(j + 1) !== Ch.LF)) {
          line++;
          lineStart = j + 1;
        }
      }
      tokens.push(token(source.substring(i, end), T.StringLit, i, startLine, column, line, end - lineStart));
      i = end;
      continue;
    } else if (c === Ch.Hash) {
      end = i + 1;
      for (let d = source.charCodeAt(end); end < n && d !== Ch.LF && d !== Ch.CR; d = source.charCodeAt(++end));
      comments.push(token(source.substring(i, end), T.Comment, i, line, column, line, end - lineStart));
      i = end;
      continue;
    } else if (c === Ch.Slash) {
      end = i + 1;
      while (isPathPart(source.charCodeAt(end))) end++;
      type = end > i + 1 ? T.PathLit : T.Slash;
    } else if (c === Ch.At) {
      if (!isDigit(source.charCodeAt(i + 1))) return undefined;
      end = i + 2;
      for (let d = source.charCodeAt(end); isDigit(d) || d === Ch.Dot; d = source.charCodeAt(++end));
      if (source.charCodeAt(end) === Ch.x) end++;
      type = T.VersionTag;
    } else {
      type = operator(source, i, c);
      if (type === undefined) return undefined;
      end = i + LENGTH[type.tokenTypeIdx!]!;
    }
    tokens.push(token(source.substring(i, end), type, i, line, column, line, end - lineStart));
    i = end;
  }
  return { tokens, groups: { comments }, errors: [] };
}

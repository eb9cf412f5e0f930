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
function punctuation(s: string, i: number, c: number): { type: TokenType; end: number } | undefined {
  const d = s.charCodeAt(i + 1);
  switch (c) {
    case Ch.Lt: return d === Ch.Minus ? { type: T.Arrow, end: i + 2 } : d === Ch.Eq ? { type: T.Lte, end: i + 2 } : { type: T.Lt, end: i + 1 };
    case Ch.Gt: return d === Ch.Eq ? { type: T.Gte, end: i + 2 } : { type: T.Gt, end: i + 1 };
    case Ch.Eq: return d === Ch.Eq ? { type: T.EqEq, end: i + 2 } : { type: T.Equals, end: i + 1 };
    case Ch.Bang: return d === Ch.Eq ? { type: T.NotEq, end: i + 2 } : undefined;
    case Ch.Pipe: return d === Ch.Pipe ? { type: T.OrOr, end: i + 2 } : undefined;
    case Ch.Question: return d === Ch.Question ? { type: T.QQ, end: i + 2 } : d === Ch.Dot ? { type: T.QDot, end: i + 2 } : { type: T.Question, end: i + 1 };
    case Ch.Dot: return d === Ch.Dot && s.charCodeAt(i + 2) === Ch.Dot ? { type: T.Ellipsis, end: i + 3 } : { type: T.Dot, end: i + 1 };
    default: return undefined;
  }
}

/** Tokenize `source`, or `undefined` if it has a lexical error. */
export function scan(source: string): ILexingResult | undefined {
  const tokens: IToken[] = [];
  const comments: IToken[] = [];
  const n = source.length;
  let line = 1;
  let lineStart = 0;
  let i = 0;
  /** Count the line breaks in `[from, to)`. */
  const lines = (from: number, to: number): void => {
    for (let j = from; j < to; j++) {
      const c = source.charCodeAt(j);
      if (c === Ch.LF || (c === Ch.CR && source.charCodeAt(j + 1) !== Ch.LF)) {
        line++;
        lineStart = j + 1;
      }
    }
  };
  const push = (list: IToken[], type: TokenType, start: number, end: number, startLine: number, startColumn: number): void => {
    list.push({
      image: source.substring(start, end),
      startOffset: start,
      endOffset: end - 1,
      startLine,
      endLine: line,
      startColumn,
      endColumn: end - lineStart,
      tokenTypeIdx: type.tokenTypeIdx!,
      tokenType: type,
    });
  };
  while (i < n) {
    const c = source.charCodeAt(i);
    const column = i - lineStart + 1;
    if (c === Ch.Space || c === Ch.Tab || c === Ch.LF || c === Ch.CR) {
      let j = i + 1;
      for (let d = source.charCodeAt(j); d === Ch.Space || d === Ch.Tab || d === Ch.LF || d === Ch.CR; d = source.charCodeAt(++j));
      lines(i, j);
      i = j;
      continue;
    }
    if (isIdentStart(c)) {
      let j = i + 1;
      while (isIdentPart(source.charCodeAt(j))) j++;
      push(tokens, T.keywordOf(source.substring(i, j)) ?? T.Identifier, i, j, line, column);
      i = j;
      continue;
    }
    let type: TokenType;
    let end: number;
    const single = SINGLE[c];
    if (single) {
      type = single;
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
      lines(i, end);
      push(tokens, T.StringLit, i, end, startLine, column);
      i = end;
      continue;
    } else if (c === Ch.Hash) {
      let j = i + 1;
      for (let d = source.charCodeAt(j); j < n && d !== Ch.LF && d !== Ch.CR; d = source.charCodeAt(++j));
      push(comments, T.Comment, i, j, line, column);
      i = j;
      continue;
    } else if (c === Ch.Slash) {
      let j = i + 1;
      while (isPathPart(source.charCodeAt(j))) j++;
      type = j > i + 1 ? T.PathLit : T.Slash;
      end = j > i + 1 ? j : i + 1;
    } else if (c === Ch.At) {
      if (!isDigit(source.charCodeAt(i + 1))) return undefined;
      let j = i + 2;
      for (let d = source.charCodeAt(j); isDigit(d) || d === Ch.Dot; d = source.charCodeAt(++j));
      if (source.charCodeAt(j) === Ch.x) j++;
      type = T.VersionTag;
      end = j;
    } else {
      const p = punctuation(source, i, c);
      if (!p) return undefined;
      type = p.type;
      end = p.end;
    }
    push(tokens, type, i, end, line, column);
    i = end;
  }
  return { tokens, groups: { comments }, errors: [] };
}

/**
 * Author-facing wording for chevrotain's syntax errors. Chevrotain calls the
 * provider below while parsing; it names what was expected in Bridge terms
 * ("expected `<-`, `=` or `{` after `o.name`") instead of listing token
 * sequences. The text of the reference the author was writing (`o.name`) is
 * recovered from the token stream, which `setMessageContext` makes
 * available for the duration of one parse.
 */
import { EOF, tokenMatcher } from "chevrotain";
import type { IParserErrorMessageProvider, IToken, TokenType } from "chevrotain";
import * as T from "./lexer.js";

let tokens: IToken[] = [];
let source = "";

/** Make the current token stream available to the message builder. */
export function setMessageContext(toks: IToken[], src: string): void {
  tokens = toks;
  source = src;
}

function label(tt: TokenType): string {
  if (tt === EOF) return "end of file";
  return tt.LABEL ?? tt.name;
}

function show(tok: IToken | undefined): string {
  if (!tok || tok.tokenType === EOF) return "end of file";
  const text = tok.image.length > 40 ? `${tok.image.slice(0, 37)}...` : tok.image;
  return `\`${text}\``;
}

function oneOf(labels: string[]): string {
  const unique = [...new Set(labels)];
  if (unique.length <= 1) return unique[0] ?? "something else";
  return `${unique.slice(0, -1).join(", ")} or ${unique[unique.length - 1]}`;
}

const PATH_PARTS = [T.Name, T.Segment, T.Dot, T.QDot, T.LBracket, T.RBracket, T.NumberLit];

function indexOfToken(tok: IToken): number {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = tokens[mid]!;
    if (t.startOffset === tok.startOffset) return mid;
    if (t.startOffset < tok.startOffset) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** The text before the error: the whole path `o.name` when the previous token ends one. */
function context(prev: IToken | undefined): string {
  if (!prev || prev.tokenType === EOF || Number.isNaN(prev.startOffset)) return "";
  let i = indexOfToken(prev);
  if (i < 0) return ` after ${show(prev)}`;
  const isPart = (t: IToken): boolean => PATH_PARTS.some((p) => tokenMatcher(t, p));
  const isSep = (t: IToken): boolean => [T.Dot, T.QDot, T.LBracket, T.RBracket, T.NumberLit].some((p) => tokenMatcher(t, p));
  while (i > 0 && isPart(prev) && isPart(tokens[i - 1]!) && tokens[i - 1]!.endLine === prev.startLine
    && (isSep(tokens[i - 1]!) || isSep(tokens[i]!))) i--;
  const start = tokens[i]!.startOffset;
  const text = source.slice(start, (prev.endOffset ?? prev.startOffset) + 1);
  return ` after ${show({ ...prev, image: text })}`;
}

const LITERALS = [T.NumberLit, T.True, T.False, T.Null];

/** Advice for a token that cannot start an operand or an alternative. */
function altHint(ruleName: string, t: IToken | undefined): string {
  if (!t) return "";
  if (ruleName === "alt" && (tokenMatcher(t, T.Not) || tokenMatcher(t, T.LParen))) {
    return " (a fallback alternative cannot start with `not` or `(`, R-FALL-2)";
  }
  if (tokenMatcher(t, T.Not)) return " (`not` can only start an expression; write `(not …)`, R-EXPR-2)";
  return "";
}

/** Extra advice for tokens that usually mean a known mistake. */
function hint(t: IToken): string {
  if (tokenMatcher(t, T.NumberLit) && t.image.startsWith("-")) return " (write `- 1` with a space for subtraction, R-LEX-7)";
  if (tokenMatcher(t, T.PathLit)) return " (write `/ 2` with a space for division, R-LEX-9)";
  if (tokenMatcher(t, T.Ellipsis)) return " (a spread is only allowed in a scope block, an array body or a tool body, R-SPREAD-1)";
  if (tokenMatcher(t, T.Dot)) return " (a line starting with `.` needs an enclosing block, R-WIRE-1)";
  if (tokenMatcher(t, T.Question)) return " (a ternary cannot follow `||`, `??` or another ternary, R-TERN-1)";
  if (tokenMatcher(t, T.Force)) return " (`force` is only allowed directly in a bridge or define body, R-FORCE-1)";
  if (tokenMatcher(t, T.Colon)) return " (ternary branches cannot be pipes, R-TERN-1)";
  if (tokenMatcher(t, T.BinOp)) return " (constant values, spreads and ternary branches take no operators, R-WIRE-4, R-SPREAD-1, R-TERN-1)";
  return "";
}

/**
 * When the first tokens did match some alternative, name what could follow
 * them and the token that was found instead (the error stays located at the
 * first token, where the statement or expression went wrong).
 */
function deeperMismatch(paths: TokenType[][], actual: IToken[]): string | undefined {
  const matched = (path: TokenType[]): number => {
    let m = 0;
    while (m < path.length && m < actual.length && tokenMatcher(actual[m]!, path[m]!)) m++;
    return m;
  };
  const best = Math.max(0, ...paths.map(matched));
  if (best === 0 || best >= actual.length) return undefined;
  const labels = paths.filter((p) => matched(p) === best && p.length > best).map((p) => label(p[best]!));
  if (labels.length === 0) return undefined;
  return `unexpected ${show(actual[0])}: expected ${oneOf(labels)}${context(actual[best - 1])}, found ${show(actual[best])}${hint(actual[best]!)}`;
}

/** The provider given to the chevrotain parser (conventions.md item 7). */
export const errorMessageProvider: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual, previous, ruleName }) {
    if (ruleName === "document" && expected === T.Version) {
      return `expected a \`version\` declaration (e.g. \`version 1.5\`) at the start of the file, found ${show(actual)}`;
    }
    if (expected === T.RCurly && actual.tokenType !== EOF) {
      return `unexpected ${show(actual)}: expected another statement or \`}\`${hint(actual)}`;
    }
    return `expected ${label(expected)}${context(previous)}, found ${show(actual)}`;
  },
  buildNotAllInputParsedMessage({ firstRedundant }) {
    return `unexpected ${show(firstRedundant)}: expected \`const\`, \`tool\`, \`define\` or \`bridge\` at the top level`;
  },
  buildNoViableAltMessage({ expectedPathsPerAlt, actual, previous, ruleName }) {
    const first = actual[0];
    if (ruleName === "rhs" && first && LITERALS.some((l) => tokenMatcher(first, l))) {
      return `a literal cannot start a pull wire: found ${show(first)}${context(previous)} (use \`=\` for constant values, R-WIRE-8)`;
    }
    const deeper = deeperMismatch(expectedPathsPerAlt.flat(), actual);
    if (deeper) return deeper;
    const labels = expectedPathsPerAlt.flatMap((alt) => alt.map((path) => label(path[0] ?? EOF)));
    return `expected ${oneOf(labels)}${context(previous)}, found ${show(first)}${altHint(ruleName, first)}`;
  },
  buildEarlyExitMessage({ expectedIterationPaths, actual, previous }) {
    const labels = expectedIterationPaths.map((path) => label(path[0] ?? EOF));
    return `expected at least one of ${oneOf(labels)}${context(previous)}, found ${show(actual[0])}`;
  },
};

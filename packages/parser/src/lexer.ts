/**
 * Tokens of the Bridge language (language.md §1) as chevrotain token types,
 * and the single lexer built from them.
 *
 * Keywords are lexed as identifiers and then re-typed by one table lookup
 * (much faster than one regex per keyword): a word is a keyword only when
 * the whole identifier matches, so `versions` or `toolbox` stay identifiers
 * (R-LEX-4 allows `-` after the first character). The case rules of
 * R-LEX-5 live in that lookup: the first group case-insensitively, the
 * second in lower case only.
 * Token categories say where keywords may stand in for names:
 * `Name` (R-NAME-1), `Segment` (R-NAME-2), `BareValue` (R-WIRE-4) and
 * `JsonAtom` (every token that is not a bracket, for balanced JSON runs).
 * The reserved-word lists of R-NAME-3 live here too, so the lexer and the
 * AST builder share exactly one definition.
 */
import { createToken, Lexer } from "chevrotain";
import type { ILexingResult, TokenType } from "chevrotain";

/** Keywords matched case-insensitively (R-LEX-5, first group). */
export const CASE_INSENSITIVE_KEYWORDS = [
  "version", "tool", "bridge", "define", "const", "with", "as", "memoize", "from",
  "input", "output", "context", "on", "error", "force", "alias", "catch",
] as const;

/** Keywords matched in lower case only (R-LEX-5, second group). */
export const CASE_SENSITIVE_KEYWORDS = [
  "and", "or", "not", "throw", "panic", "continue", "break", "true", "false", "null",
] as const;

/** Reserved-name lists of R-NAME-3 (compared case-insensitively). */
export const RESERVED = {
  /** const, define and tool names. */
  blockKeywords: new Set([
    "bridge", "with", "as", "memoize", "from", "const", "tool", "version", "define",
    "alias", "throw", "panic", "continue", "break",
  ]),
  /** explicit `as` names on tool/define handles, aliases in array bodies. */
  handleKeywords: new Set([
    "version", "tool", "bridge", "define", "const", "with", "as", "from", "extends",
    "alias", "force", "catch", "throw", "panic", "continue", "break", "not", "and",
    "or", "memoize", "true", "false", "null",
  ]),
  /** source identifiers, reserved in both positions above. */
  sourceIdentifiers: new Set(["input", "output", "context"]),
} as const;

const NA = Lexer.NA;
export const Name = createToken({ name: "Name", pattern: NA, label: "a name" });
export const Segment = createToken({ name: "Segment", pattern: NA, label: "a field name" });
export const JsonAtom = createToken({ name: "JsonAtom", pattern: NA, label: "a JSON value" });
export const Sep = createToken({ name: "Sep", pattern: NA, label: "`.`" });
export const LiteralTok = createToken({ name: "LiteralTok", pattern: NA, label: "a literal" });
export const GateTok = createToken({ name: "GateTok", pattern: NA, label: "`||` or `??`" });
export const BinOp = createToken({ name: "BinOp", pattern: NA, label: "an operator" });
export const BareValue = createToken({ name: "BareValue", pattern: NA, label: "a value" });

export const WhiteSpace = createToken({ name: "WhiteSpace", pattern: /[ \t\r\n]+/, group: Lexer.SKIPPED, line_breaks: true });
export const Comment = createToken({ name: "Comment", pattern: /#[^\r\n]*/, group: "comments" });

export const Identifier = createToken({
  name: "Identifier",
  pattern: /[A-Za-z_][A-Za-z0-9_-]*/,
  categories: [Name, Segment, BareValue, JsonAtom],
  label: "a name",
});

const NAME_WORDS = new Set(["input", "output", "context", "const", "error", "on", "from", "as", "tool", "bridge", "define", "with", "version", "alias"]);
const SEGMENT_WORDS = new Set([...NAME_WORDS, "true", "false", "null", "and", "or", "not"]);
SEGMENT_WORDS.delete("alias");
const LITERAL_WORDS = new Set(["true", "false", "null"]);
const BARE_WORDS = new Set(["input", "output", "error", "on", "from", "as", "alias", ...LITERAL_WORDS]);

/** A keyword token type (never matched by the lexer itself, see `lex`), with the categories it belongs to. */
function keyword(word: string): TokenType {
  const cats = [JsonAtom];
  if (NAME_WORDS.has(word)) cats.push(Name);
  if (SEGMENT_WORDS.has(word)) cats.push(Segment);
  if (BARE_WORDS.has(word)) cats.push(BareValue);
  if (LITERAL_WORDS.has(word)) cats.push(LiteralTok);
  if (word === "and" || word === "or") cats.push(BinOp);
  const tokenName = word[0]!.toUpperCase() + word.slice(1);
  return createToken({ name: tokenName, pattern: NA, categories: cats, label: `\`${word}\`` });
}

const kw = new Map<string, TokenType>();
for (const word of [...CASE_INSENSITIVE_KEYWORDS, ...CASE_SENSITIVE_KEYWORDS]) kw.set(word, keyword(word));
const K = (w: string): TokenType => kw.get(w)!;

export const Version = K("version");
export const Tool = K("tool");
export const Bridge = K("bridge");
export const Define = K("define");
export const Const = K("const");
export const With = K("with");
export const As = K("as");
export const Memoize = K("memoize");
export const From = K("from");
export const Input = K("input");
export const Output = K("output");
export const Context = K("context");
export const On = K("on");
export const ErrorKw = K("error");
export const Force = K("force");
export const Alias = K("alias");
export const Catch = K("catch");
export const And = K("and");
export const Or = K("or");
export const Not = K("not");
export const Throw = K("throw");
export const Panic = K("panic");
export const Continue = K("continue");
export const Break = K("break");
export const True = K("true");
export const False = K("false");
export const Null = K("null");

function punct(name: string, pattern: RegExp | string, label: string, extra: TokenType[] = [JsonAtom]): TokenType {
  return createToken({ name, pattern, label: `\`${label}\``, categories: extra });
}

export const StringLit = createToken({
  name: "StringLit",
  pattern: /"(?:[^"\\]|\\[\s\S])*"/,
  line_breaks: true,
  categories: [JsonAtom, BareValue, LiteralTok],
  label: "a string",
});
export const NumberLit = createToken({
  name: "NumberLit",
  pattern: /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/,
  categories: [JsonAtom, BareValue, LiteralTok],
  label: "a number",
});
export const PathLit = createToken({ name: "PathLit", pattern: /\/[A-Za-z0-9_./-]+/, categories: [JsonAtom, BareValue], label: "a path" });
export const VersionTag = createToken({ name: "VersionTag", pattern: /@[0-9][0-9.]*x?/, categories: [JsonAtom], label: "a version tag" });

export const Arrow = punct("Arrow", "<-", "<-");
export const OrOr = punct("OrOr", "||", "||", [JsonAtom, GateTok]);
export const QQ = punct("QQ", "??", "??", [JsonAtom, GateTok]);
export const QDot = punct("QDot", "?.", "?.", [JsonAtom, Sep]);
export const Question = punct("Question", "?", "?");
export const Gte = punct("Gte", ">=", ">=", [JsonAtom, BinOp]);
export const Lte = punct("Lte", "<=", "<=", [JsonAtom, BinOp]);
export const EqEq = punct("EqEq", "==", "==", [JsonAtom, BinOp]);
export const NotEq = punct("NotEq", "!=", "!=", [JsonAtom, BinOp]);
export const Gt = punct("Gt", ">", ">", [JsonAtom, BinOp]);
export const Lt = punct("Lt", "<", "<", [JsonAtom, BinOp]);
export const Star = punct("Star", "*", "*", [JsonAtom, BinOp]);
export const Plus = punct("Plus", "+", "+", [JsonAtom, BinOp]);
export const Minus = punct("Minus", "-", "-", [JsonAtom, BinOp]);
export const Slash = punct("Slash", "/", "/", [JsonAtom, BinOp]);
export const LParen = punct("LParen", "(", "(");
export const RParen = punct("RParen", ")", ")");
export const LCurly = punct("LCurly", "{", "{", []);
export const RCurly = punct("RCurly", "}", "}", []);
export const LBracket = punct("LBracket", "[", "[", []);
export const RBracket = punct("RBracket", "]", "]", []);
export const Ellipsis = punct("Ellipsis", "...", "...");
export const Dot = punct("Dot", ".", ".", [JsonAtom, Sep]);
export const Equals = punct("Equals", "=", "=");
export const Colon = punct("Colon", ":", ":");
export const Comma = punct("Comma", ",", ",");

/** Binary operator tokens and their AST names (R-EXPR-3), with precedence. */
export const OPERATORS = new Map<TokenType, { op: "mul" | "div" | "add" | "sub" | "eq" | "neq" | "gt" | "gte" | "lt" | "lte" | "and" | "or"; prec: number }>([
  [Star, { op: "mul", prec: 4 }], [Slash, { op: "div", prec: 4 }],
  [Plus, { op: "add", prec: 3 }], [Minus, { op: "sub", prec: 3 }],
  [EqEq, { op: "eq", prec: 2 }], [NotEq, { op: "neq", prec: 2 }],
  [Gt, { op: "gt", prec: 2 }], [Gte, { op: "gte", prec: 2 }],
  [Lt, { op: "lt", prec: 2 }], [Lte, { op: "lte", prec: 2 }],
  [And, { op: "and", prec: 1 }], [Or, { op: "or", prec: 0 }],
]);

/** Every token type, in matching order (first match wins; longer operators first). */
export const allTokens: TokenType[] = [
  WhiteSpace, Comment, StringLit, NumberLit, PathLit, VersionTag,
  Arrow, OrOr, QQ, QDot, Question, Gte, Lte, EqEq, NotEq, Gt, Lt,
  Star, Plus, Minus, Slash, LParen, RParen, LCurly, RCurly, LBracket, RBracket,
  Ellipsis, Dot, Equals, Colon, Comma,
  ...kw.values(),
  Identifier,
  Name, Segment, JsonAtom, BinOp, BareValue, Sep, LiteralTok, GateTok,
];

const CI_KEYWORDS = new Map<string, TokenType>(CASE_INSENSITIVE_KEYWORDS.map((w) => [w, kw.get(w)!]));
const CS_KEYWORDS = new Map<string, TokenType>(CASE_SENSITIVE_KEYWORDS.map((w) => [w, kw.get(w)!]));
const MAX_KEYWORD_LENGTH = 8;

const ALL_KEYWORDS = new Map<string, TokenType>([...CS_KEYWORDS, ...CI_KEYWORDS]);

/** The keyword token type for an identifier text, if it is one (R-LEX-5). */
export function keywordOf(image: string): TokenType | undefined {
  if (image.length > MAX_KEYWORD_LENGTH) return undefined;
  return CS_KEYWORDS.get(image) ?? CI_KEYWORDS.get(image.toLowerCase());
}

/** `keywordOf` for an identifier without upper-case letters (one lookup, no case folding; the scanner only asks for keyword lengths). */
export function lowerCaseKeywordOf(image: string): TokenType | undefined {
  return ALL_KEYWORDS.get(image);
}

/** The lexer; `validate` runs chevrotain's token-pattern checks (done in a test, skipped in production). */
export function createLexer(validate = false): Lexer {
  return new Lexer(allTokens, { positionTracking: "full", ensureOptimizations: true, skipValidations: !validate });
}

let lexer: Lexer | undefined;

/** Tokenize `source`: chevrotain lexing, then keywords re-typed from identifiers. */
export function lex(source: string): ILexingResult {
  lexer ??= createLexer();
  const result = lexer.tokenize(source);
  for (const t of result.tokens) {
    if (t.tokenType !== Identifier) continue;
    const k = keywordOf(t.image);
    if (k) {
      t.tokenType = k;
      t.tokenTypeIdx = k.tokenTypeIdx!;
    }
  }
  return result;
}

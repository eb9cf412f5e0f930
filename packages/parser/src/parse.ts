/**
 * `parseBridge`: text → tokens → CST → AST, failing on the first error with
 * a located `BridgeSyntaxError` (api.md). Lexical errors (R-DIAG-1, R-LEX-13)
 * and chevrotain syntax errors are converted here; semantic errors come from
 * the AST builders. Valid text is lexed and parsed by the hand-written
 * scanner and parser (`fast/`); chevrotain's lexer and parser are built and
 * run only for text those reject, so its messages stay the reference.
 */
import type { ILexingError, IRecognitionException, IToken } from "chevrotain";
import type { BridgeDocument } from "@bridgekit/engine";
import { BridgeSyntaxError, pointLoc } from "./errors.js";
import type { SyntaxErrorLocation } from "./errors.js";
import { lex } from "./lexer.js";
import { getParser } from "./grammar.js";
import { scan } from "./fast/scan.js";
import { parseCst } from "./fast/parser.js";
import { setMessageContext } from "./messages.js";
import { checkSourceSize, findExcessiveNesting, nestingMessage } from "./limits.js";
import { createContext } from "./to-ast/cst.js";
import type { BuildContext } from "./to-ast/cst.js";
import { buildDocument } from "./to-ast/document.js";

/** Options of `parseBridge` and `parseBridgeDiagnostics`. */
export interface ParseOptions {
  /** file name stored on the document and on errors (for `formatBridgeError`). */
  filename?: string;
}

/** Text and location of a lexical error (the lexer tracks full positions, so `line` and `column` are set). */
export function lexErrorInfo(source: string, e: ILexingError): { message: string; loc: SyntaxErrorLocation } {
  const ch = String.fromCodePoint(source.codePointAt(e.offset)!);
  const line = e.line!;
  const column = e.column!;
  if (ch === '"') return { message: `Line ${line}, column ${column}: Unterminated string literal (R-LEX-6)`, loc: pointLoc(line, column) };
  const hint = ch === "'" ? " (strings use double quotes, R-LEX-6)" : "";
  return { message: `Line ${line}, column ${column}: Unexpected character "${ch}"${hint}`, loc: pointLoc(line, column, ch.length) };
}

/** Text and location of a chevrotain syntax error. */
export function syntaxErrorInfo(e: IRecognitionException, tokens: IToken[]): { message: string; loc: SyntaxErrorLocation } {
  const t = e.token;
  if (Number.isNaN(t.startOffset) || t.startLine === undefined) {
    const last = tokens[tokens.length - 1];
    if (!last) return { message: `Line 1, column 1: ${e.message}`, loc: pointLoc(1, 1) };
    const loc = pointLoc(last.endLine!, last.endColumn! + 1);
    return { message: `Line ${loc.startLine}, column ${loc.startColumn}: ${e.message}`, loc };
  }
  const loc: SyntaxErrorLocation = { startLine: t.startLine!, startColumn: t.startColumn!, endLine: t.endLine!, endColumn: t.endColumn! };
  return { message: `Line ${loc.startLine}, column ${loc.startColumn}: ${e.message}`, loc };
}

/**
 * Lex and check limits; shared with the diagnostics entry point. The
 * hand-written scanner handles text without lexical errors; the chevrotain
 * lexer reports and recovers from them. Both always return the `comments`
 * group (chevrotain creates every group its tokens name).
 */
export function tokenize(source: string, filename: string | undefined) {
  checkSourceSize(source, filename);
  return scan(source) ?? lex(source);
}

/** Build the AST from the CST of a document (so `tokens` holds at least `version 1.x`); throws `BridgeSyntaxError` for semantic errors. */
export function toDocument(ctx: BuildContext, cst: Parameters<typeof buildDocument>[1], tokens: IToken[], comments: IToken[]): BridgeDocument {
  const lastTok = tokens[tokens.length - 1]!;
  const lastComment = comments[comments.length - 1];
  const last = lastComment && lastComment.startOffset > lastTok.startOffset ? lastComment : lastTok;
  return buildDocument(ctx, cst, comments, last);
}

/** Parse Bridge source text into a document; throws `BridgeSyntaxError` on the first error. */
export function parseBridge(source: string, options: ParseOptions = {}): BridgeDocument {
  if (typeof source !== "string") throw new TypeError(`parseBridge expects the source text as a string, got ${typeof source}`);
  const { filename } = options;
  const lexed = tokenize(source, filename);
  const fail = (info: { message: string; loc: SyntaxErrorLocation }): never => {
    throw new BridgeSyntaxError(info.message, { loc: info.loc, source, filename });
  };
  if (lexed.errors.length > 0) fail(lexErrorInfo(source, lexed.errors[0]!));
  const deep = findExcessiveNesting(lexed.tokens);
  if (deep) fail({ message: nestingMessage(deep), loc: pointLoc(deep.startLine!, deep.startColumn!) });
  let cst = parseCst(lexed.tokens);
  if (!cst) {
    const parser = getParser();
    setMessageContext(lexed.tokens, source);
    parser.input = lexed.tokens;
    cst = parser.document();
    const firstError = parser.errors[0];
    const info = firstError && syntaxErrorInfo(firstError, lexed.tokens);
    setMessageContext([], "");
    if (info) fail(info);
  }
  const ctx = createContext(source, filename);
  return toDocument(ctx, cst, lexed.tokens, lexed.groups["comments"]!);
}

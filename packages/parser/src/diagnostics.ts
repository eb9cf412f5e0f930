/**
 * `parseBridgeDiagnostics`: the editor entry point. It never throws. It
 * reports every lexical error, every syntax error found by the
 * error-recovering parser (a separate instance from the fail-fast one), the
 * first semantic error (R-DIAG-4), and warnings: duplicate blocks,
 * `from` naming a later tool block, defines inside defines,
 * unknown `std.*` tools and std version checks (R-DIAG-5).
 */
import type { BridgeDocument, SourceLocation } from "@bridgekit/engine";
import { BridgeSyntaxError } from "./errors.js";
import { getRecoveringParser } from "./grammar.js";
import { parseCst } from "./fast/parser.js";
import { setMessageContext } from "./messages.js";
import { findExcessiveNesting, nestingMessage } from "./limits.js";
import { lexErrorInfo, syntaxErrorInfo, tokenize, toDocument } from "./parse.js";
import type { ParseOptions } from "./parse.js";
import { createContext } from "./to-ast/cst.js";
import { stdDiagnostics } from "./std-checks.js";

/** One problem found in a document; lines and columns are 1-based. */
export interface BridgeDiagnostic {
  severity: "error" | "warning";
  message: string;
  range: { start: { line: number; column: number }; end: { line: number; column: number } };
}

export interface DiagnosticsResult {
  document: BridgeDocument | null;
  diagnostics: BridgeDiagnostic[];
}

type Loc = { startLine: number; startColumn: number; endLine: number; endColumn: number };

export function rangeOf(loc: Loc): BridgeDiagnostic["range"] {
  return { start: { line: loc.startLine, column: loc.startColumn }, end: { line: loc.endLine, column: loc.endColumn } };
}

/** A semantic error covers its whole line (R-DIAG-4); `line` is the line of a token, so it exists. */
function lineRange(source: string, line: number): BridgeDiagnostic["range"] {
  const text = source.split(/\r\n|\r|\n/)[line - 1]!;
  return { start: { line, column: 1 }, end: { line, column: Math.max(text.length, 1) } };
}

/** `diagnose`, with the one `BridgeSyntaxError` it may throw turned into a diagnostic; anything else is an internal failure. */
function collect(source: string, options: ParseOptions, out: BridgeDiagnostic[]): BridgeDocument | null {
  try {
    return diagnose(source, options, out);
  } catch (e) {
    if (!(e instanceof BridgeSyntaxError)) throw e;
    // The source size limit and the first semantic error (R-DIAG-4).
    const semantic = /^Line \d+: /.test(e.message);
    out.push({ severity: "error", message: e.message, range: semantic ? lineRange(source, e.line) : rangeOf(e.loc) });
    return null;
  }
}

/**
 * Lexical and syntax errors into `out`; the document when there are none.
 * Throws the source-size error and the first semantic error.
 */
function diagnose(source: string, options: ParseOptions, out: BridgeDiagnostic[]): BridgeDocument | null {
  const error = (message: string, range: BridgeDiagnostic["range"]): void => { out.push({ severity: "error", message, range }); };
  const lexed = tokenize(source, options.filename);
  for (const e of lexed.errors) {
    const info = lexErrorInfo(source, e);
    error(info.message, rangeOf(info.loc));
  }
  const deep = findExcessiveNesting(lexed.tokens);
  if (deep) {
    error(nestingMessage(deep), rangeOf({ startLine: deep.startLine!, startColumn: deep.startColumn!, endLine: deep.endLine!, endColumn: deep.endColumn! }));
    return null;
  }
  let cst = out.length === 0 ? parseCst(lexed.tokens) : undefined;
  if (!cst) {
    const parser = getRecoveringParser();
    setMessageContext(lexed.tokens, source);
    parser.input = lexed.tokens;
    cst = parser.document();
    for (const e of parser.errors) {
      const info = syntaxErrorInfo(e, lexed.tokens);
      error(info.message, rangeOf(info.loc));
    }
    setMessageContext([], "");
  }
  if (out.length > 0) return null;
  const ctx = createContext(source, options.filename, true);
  const doc = toDocument(ctx, cst, lexed.tokens, lexed.groups["comments"]!);
  for (const w of ctx.warnings) out.push({ severity: "warning", message: w.message, range: rangeOf(w.loc as SourceLocation) });
  return doc;
}

/** Parse for an editor: never throws; returns the document (or null) and every diagnostic. */
export function parseBridgeDiagnostics(source: string, options: ParseOptions = {}): DiagnosticsResult {
  const diagnostics: BridgeDiagnostic[] = [];
  let document: BridgeDocument | null = null;
  try {
    document = collect(String(source), options, diagnostics);
    diagnostics.push(...stdDiagnostics(String(source), document));
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    diagnostics.push({ severity: "error", message: `Internal parser error: ${message}`, range: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } } });
    document = null;
  }
  return { document, diagnostics };
}

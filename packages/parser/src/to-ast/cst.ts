/**
 * Shared helpers for turning the chevrotain CST into AST nodes: reading CST
 * children, building `loc` objects (R-LOC-1), and raising located errors.
 * Everything the builders need about the document being parsed travels in
 * one `BuildContext`.
 */
import type { CstElement, CstNode, IToken } from "chevrotain";
import type { SourceLocation } from "@bridgekit/engine";
import { BridgeSyntaxError } from "../errors.js";

/** A warning collected while building (reported by `parseBridgeDiagnostics`). */
export interface BuildWarning {
  message: string;
  loc: SourceLocation;
}

/** What every builder may need about the document. */
export interface BuildContext {
  source: string;
  filename: string | undefined;
  /** define name → start offset of its first declaration (R-DEF-2, source order). */
  defines: Map<string, number>;
  /** tool block name → start offsets of its declarations (R-TOOL-3, Q-07). */
  toolBlocks: Map<string, number[]>;
  warnings: BuildWarning[];
  /** warnings are only wanted by `parseBridgeDiagnostics`. */
  collectWarnings: boolean;
  lineStarts: number[] | null;
}

export function createContext(source: string, filename: string | undefined, collectWarnings = false): BuildContext {
  return { source, filename, defines: new Map(), toolBlocks: new Map(), warnings: [], collectWarnings, lineStarts: null };
}

/*
 * Reading children: `tok(n, "Name")` is short, but a property key passed as
 * an argument makes the lookup inside the helper a slow keyed one. Hot
 * builders write the key at the site instead: `firstToken(n.children.Name)`.
 */

/** The first token of a CST child list. */
export function firstToken(list: CstElement[] | undefined): IToken | undefined {
  return list?.[0] as IToken | undefined;
}

/** The first node of a CST child list. */
export function firstNode(list: CstElement[] | undefined): CstNode | undefined {
  return list?.[0] as CstNode | undefined;
}

/** A CST child list of tokens (empty if absent). */
export function tokensOf(list: CstElement[] | undefined): IToken[] {
  return (list ?? []) as IToken[];
}

/** A CST child list of nodes (empty if absent). */
export function nodesOf(list: CstElement[] | undefined): CstNode[] {
  return (list ?? []) as CstNode[];
}

export function tok(n: CstNode, key: string, i = 0): IToken | undefined {
  return n.children[key]?.[i] as IToken | undefined;
}

export function toks(n: CstNode, key: string): IToken[] {
  return (n.children[key] ?? []) as IToken[];
}

export function sub(n: CstNode, key: string, i = 0): CstNode | undefined {
  return n.children[key]?.[i] as CstNode | undefined;
}

export function subs(n: CstNode, key: string): CstNode[] {
  return (n.children[key] ?? []) as CstNode[];
}

/** The child nodes under `keys`, in source order (for alternations inlined into a loop). */
export function items(n: CstNode, keys: readonly string[]): Array<[string, CstNode]> {
  const out: Array<[string, CstNode]> = [];
  for (const key of keys) for (const el of n.children[key] ?? []) out.push([key, el as CstNode]);
  for (let i = 1; i < out.length; i++) {
    if (out[i]![1].location!.startOffset < out[i - 1]![1].location!.startOffset) {
      out.sort((a, b) => a[1].location!.startOffset - b[1].location!.startOffset);
      break;
    }
  }
  return out;
}

/** The single child of a node that wraps an alternation (e.g. `bodyLine`). */
export function only(n: CstNode): [string, CstElement] {
  for (const key in n.children) return [key, n.children[key]![0]!];
  throw new Error("empty CST node");
}

/** All tokens directly under `n`, in source order. */
export function orderedTokens(n: CstNode): IToken[] {
  const out: IToken[] = [];
  for (const key in n.children) for (const el of n.children[key]!) if ("image" in el) out.push(el);
  return out.sort((a, b) => a.startOffset - b.startOffset);
}

export function tokenLoc(a: IToken, b: IToken = a): SourceLocation {
  return {
    start: a.startOffset,
    end: b.endOffset! + 1,
    startLine: a.startLine!,
    startColumn: a.startColumn!,
    endLine: b.endLine!,
    endColumn: b.endColumn!,
  };
}

export function nodeLoc(n: CstNode): SourceLocation {
  const l = n.location!;
  return {
    start: l.startOffset,
    end: l.endOffset! + 1,
    startLine: l.startLine!,
    startColumn: l.startColumn!,
    endLine: l.endLine!,
    endColumn: l.endColumn!,
  };
}

export function spanLoc(a: SourceLocation, b: SourceLocation): SourceLocation {
  return { start: a.start, end: b.end, startLine: a.startLine, startColumn: a.startColumn, endLine: b.endLine, endColumn: b.endColumn };
}

function lineStarts(ctx: BuildContext): number[] {
  if (ctx.lineStarts) return ctx.lineStarts;
  const starts = [0];
  const s = ctx.source;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13 && s.charCodeAt(i + 1) !== 10) starts.push(i + 1);
  }
  ctx.lineStarts = starts;
  return starts;
}

/** Line and column (1-based) of a source offset. */
export function position(ctx: BuildContext, offset: number): { line: number; column: number } {
  const starts = lineStarts(ctx);
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo]! + 1 };
}

/** A location for the offsets `[start, end)` (end exclusive). */
export function offsetLoc(ctx: BuildContext, start: number, end: number): SourceLocation {
  const a = position(ctx, start);
  const b = position(ctx, Math.max(start, end - 1));
  return { start, end, startLine: a.line, startColumn: a.column, endLine: b.line, endColumn: b.column };
}

/** A semantic error: `Line <n>: <text>` (R-DIAG-3). */
export function semanticError(ctx: BuildContext, loc: SourceLocation, text: string): BridgeSyntaxError {
  return new BridgeSyntaxError(`Line ${loc.startLine}: ${text}`, {
    loc: { startLine: loc.startLine, startColumn: loc.startColumn, endLine: loc.endLine, endColumn: loc.endColumn },
    source: ctx.source,
    filename: ctx.filename,
  });
}

/** A syntax error found while building: `Line <n>, column <c>: <text>`. */
export function syntaxError(ctx: BuildContext, loc: SourceLocation, text: string): BridgeSyntaxError {
  return new BridgeSyntaxError(`Line ${loc.startLine}, column ${loc.startColumn}: ${text}`, {
    loc: { startLine: loc.startLine, startColumn: loc.startColumn, endLine: loc.endLine, endColumn: loc.endColumn },
    source: ctx.source,
    filename: ctx.filename,
  });
}

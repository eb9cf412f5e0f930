/**
 * The document: version check (R-FILE-2, R-FILE-3), the source-order
 * tables for defines and tool blocks (R-FILE-5), every block, the comments,
 * and the duplicate-name warnings.
 */
import type { CstNode, IToken } from "chevrotain";
import type { Block, BridgeDocument, Comment, SourceLocation } from "@bridgekit/engine";
import type { BuildContext } from "./cst.js";
import { BridgeSyntaxError } from "../errors.js";
import { items, sub, tok, tokenLoc } from "./cst.js";
import { dottedText } from "./paths.js";
import { buildConst } from "./const.js";
import { buildTool } from "./tool.js";
import { buildDefine } from "./define.js";
import { buildBridge } from "./bridge.js";

const BLOCK_KINDS = ["constBlock", "toolBlock", "defineBlock", "bridgeBlock"];

function registerBlocks(ctx: BuildContext, blocks: Array<[string, CstNode]>): void {
  for (const [key, node] of blocks) {
    const at = node.location!.startOffset;
    if (key === "defineBlock") {
      const name = tok(node, "Name")!.image;
      if (!ctx.defines.has(name)) ctx.defines.set(name, at);
    } else if (key === "toolBlock") {
      const name = dottedText(sub(node, "name")!).text;
      const list = ctx.toolBlocks.get(name) ?? [];
      list.push(at);
      ctx.toolBlocks.set(name, list);
    }
  }
}

function blockKey(b: Block): string {
  switch (b.kind) {
    case "Bridge": return `bridge ${b.type}.${b.field}`;
    case "Const": return `const ${b.name}`;
    case "Tool": return `tool ${b.name}`;
    default: return `define ${b.name}`;
  }
}

function warnDuplicates(ctx: BuildContext, blocks: Block[]): void {
  const seen = new Set<string>();
  for (const b of blocks) {
    const key = blockKey(b);
    if (seen.has(key)) ctx.warnings.push({ loc: b.loc, message: `Duplicate ${key}: the first declaration wins (Q-04)` });
    seen.add(key);
  }
}

function checkVersion(ctx: BuildContext, t: IToken): string {
  if (!/^1(?:\.|$)/.test(t.image)) {
    const loc = tokenLoc(t);
    throw new BridgeSyntaxError(`Unsupported bridge major version "${t.image}". This parser supports version 1.x`, {
      loc: { startLine: loc.startLine, startColumn: loc.startColumn, endLine: loc.endLine, endColumn: loc.endColumn },
      source: ctx.source,
      filename: ctx.filename,
    });
  }
  return t.image;
}

/** The whole source; its end is the last character (R-LOC-1), counted on from the last token instead of rescanning the text. */
function documentLoc(ctx: BuildContext, last: IToken): SourceLocation {
  const s = ctx.source;
  let line = last.endLine!;
  let column = last.endColumn!;
  let afterBreak = false;
  for (let i = last.endOffset! + 1; i < s.length; i++) {
    if (afterBreak) {
      line++;
      column = 1;
    } else {
      column++;
    }
    const c = s.charCodeAt(i);
    afterBreak = c === 10 || (c === 13 && s.charCodeAt(i + 1) !== 10);
  }
  return { start: 0, end: s.length, startLine: 1, startColumn: 1, endLine: line, endColumn: Math.max(column, 1) };
}

/** The document of `cst`; `lastToken` is its last token or comment (the document's end is counted on from it). */
export function buildDocument(ctx: BuildContext, cst: CstNode, commentTokens: IToken[], lastToken: IToken): BridgeDocument {
  const version = checkVersion(ctx, tok(cst, "versionNumber")!);
  const blockNodes = items(cst, BLOCK_KINDS);
  registerBlocks(ctx, blockNodes);
  const blocks: Block[] = blockNodes.map(([key, node]) => {
    switch (key) {
      case "constBlock": return buildConst(ctx, node);
      case "toolBlock": return buildTool(ctx, node);
      case "defineBlock": return buildDefine(ctx, node);
      default: return buildBridge(ctx, node);
    }
  });
  if (ctx.collectWarnings) warnDuplicates(ctx, blocks);
  const comments: Comment[] = commentTokens.map((c) => ({ kind: "Comment", text: c.image.slice(1), loc: tokenLoc(c) }));
  const doc: BridgeDocument = {
    kind: "Document", version, blocks, comments, source: ctx.source,
    loc: documentLoc(ctx, lastToken),
  };
  if (ctx.filename !== undefined) doc.filename = ctx.filename;
  return doc;
}

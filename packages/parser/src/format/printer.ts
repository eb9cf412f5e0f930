/**
 * Prints a parsed Bridge document in the canonical layout:
 * `version` first, one blank line between top-level blocks, two-space
 * indentation, one statement per line in source order, `{` at the end of the
 * opening line and `}` on its own line, a trailing newline. Literal values are
 * printed from their `raw` source text (multi-line JSON re-indented to the
 * statement's level); comments are placed by `LineWriter`.
 */
import type {
  Block,
  BridgeDocument,
  Comment,
  Statement,
  Target,
  WithStatement,
} from "@bridgekit/engine";
import { chainPieces, printRef, printSource, type ChainContext, type Piece } from "./expressions.js";
import { findBrace, findVersion, reindentJson } from "./scan.js";
import { LineWriter } from "./writer.js";

interface Context {
  w: LineWriter;
  findBrace(from: number): number;
}

/** Formats `doc`, which was parsed from `source` (offsets in its `loc`s refer to `source`). */
export function printDocument(doc: BridgeDocument, source: string): string {
  const comments: Comment[] = [...(doc.comments ?? [])].sort((a, b) => a.loc.start - b.loc.start);
  const ctx: Context = { w: new LineWriter(source, comments), findBrace: (from) => findBrace(source, from) };
  if (doc.version !== undefined) {
    const { start, end } = findVersion(source);
    ctx.w.line(0, `version ${doc.version}`, start, end);
  }
  for (const block of doc.blocks) {
    ctx.w.blockBreak();
    printBlock(ctx, block);
  }
  return ctx.w.finish();
}

function printBlock(ctx: Context, block: Block): void {
  const { start, end } = block.loc;
  switch (block.kind) {
    case "Const":
      ctx.w.line(0, `const ${block.name} = ${reindentJson(block.raw, 0)}`, start, end);
      return;
    case "Tool": {
      const header = `tool ${block.name} from ${block.source}`;
      if (!block.braces) ctx.w.line(0, header, start, end);
      else printBody(ctx, 0, header, block.loc, block.body);
      return;
    }
    case "Define":
      printBody(ctx, 0, `define ${block.name}`, block.loc, block.body);
      return;
    case "Bridge": {
      const header = `bridge ${block.type}.${block.field}`;
      if (block.passthrough !== null) ctx.w.line(0, `${header} with ${block.passthrough}`, start, end);
      else printBody(ctx, 0, header, block.loc, block.body);
      return;
    }
  }
}

/** `header {` … `}` where the braces are the first `{` after `loc.start` and the last character of `loc`. */
function printBody(ctx: Context, depth: number, header: string, loc: Block["loc"], body: Statement[], from = loc.start): void {
  const open = ctx.findBrace(from);
  renderPieces(ctx, depth, [header, { kind: "body", statements: body, open, close: loc.end - 1 }], loc.start, loc.end);
}

/** Writes text pieces and array/scope bodies as lines: `text {`, the body one level deeper, `} more text`. */
function renderPieces(ctx: Context, depth: number, pieces: Piece[], start: number, end: number): void {
  let text = "";
  let closeAt: number | null = null;
  const emit = (lineText: string, lineEnd: number): void => {
    if (closeAt === null) ctx.w.line(depth, lineText, start, lineEnd);
    else ctx.w.closeLine(depth, lineText, closeAt, lineEnd);
  };
  for (const piece of pieces) {
    if (typeof piece === "string") {
      text += piece;
      continue;
    }
    if (piece.statements.length === 0 && !ctx.w.hasCommentWithin(piece.open, piece.close)) {
      text += " {}";
      continue;
    }
    emit(text + " {", piece.open + 1);
    ctx.w.openBody();
    for (const statement of piece.statements) printStatement(ctx, depth + 1, statement);
    text = "}";
    closeAt = piece.close;
  }
  emit(text, end);
}

function printStatement(ctx: Context, depth: number, s: Statement): void {
  const { start, end } = s.loc;
  const line = (text: string): void => ctx.w.line(depth, text, start, end);
  const chain: ChainContext = {
    findBrace: ctx.findBrace,
    json: (literal) => reindentJson(literal.raw, depth),
  };
  switch (s.kind) {
    case "With":
      return line(printWith(s));
    case "ConstantWire":
      return line(`${printTarget(s.target)} = ${s.raw}`);
    case "PullWire":
      return renderPieces(ctx, depth, [`${printTarget(s.target)} <- `, ...chainPieces(s.chain, chain)], start, end);
    case "Alias":
      return renderPieces(ctx, depth, [`alias ${s.name} <- `, ...chainPieces(s.chain, chain)], start, end);
    case "ScopeBlock":
      return printBody(ctx, depth, printTarget(s.target), s.loc, s.body, s.target.loc.end);
    case "Spread":
      return line(`... <- ${printSource(s.source)}`);
    case "Force":
      return line(`force ${s.handle}${s.catchNull ? " catch null" : ""}`);
    case "OnError":
      return line(s.ref ? `on error <- ${printRef(s.ref)}` : `on error = ${reindentJson(s.raw ?? JSON.stringify(s.value ?? null), depth)}`);
  }
}

function printTarget(target: Target): string {
  const path = target.path.map((seg) => "." + seg).join("");
  return target.root === null ? path : target.root + path;
}

/** `with name[@version] [as handle] [memoize]`; `as` is omitted when it repeats the default handle (R-WITH-1). */
function printWith(s: WithStatement): string {
  const defaultHandle = s.binding === "tool" ? s.name.slice(s.name.lastIndexOf(".") + 1) : s.name;
  let text = `with ${s.name}`;
  if (s.version !== null) text += `@${s.version}`;
  if (s.handle !== defaultHandle) text += ` as ${s.handle}`;
  if (s.memoize) text += " memoize";
  return text;
}

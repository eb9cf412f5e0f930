/**
 * Prints expressions and source chains for the formatter.
 *
 * The AST has no parenthesis node, so parentheses are derived from the
 * operator levels of R-EXPR-3 (`*` `/` > `+` `-` > comparisons > `and` >
 * `or`, all left-associative): a left operand is wrapped when its level is
 * lower than its parent's, a right operand when it is lower or equal. A `not`
 * in operand position is always wrapped, `(not …)`, because a leading `not`
 * covers the whole rest of the expression (R-EXPR-4). Literals, constant
 * values and templates are printed from their `raw` text so the round trip
 * is exact (multi-line JSON literals are re-indented by the statement printer).
 *
 * A chain that maps an array is returned as pieces: text plus the array body,
 * which the statement printer lays out over several lines.
 */
import type { ArrayMapExpr, BinaryOperator, ControlExpr, Expr, LiteralExpr, PipeExpr, RefExpr, SourceChain, Statement } from "@bridgekit/engine";

/** A body (block, scope block or array mapping); `open`/`close` are the source offsets of its braces. */
export interface BodyPiece {
  kind: "body";
  statements: readonly Statement[];
  open: number;
  close: number;
}

export type Piece = string | BodyPiece;

const LEVEL: Record<BinaryOperator, number> = {
  mul: 4,
  div: 4,
  add: 3,
  sub: 3,
  eq: 2,
  neq: 2,
  gt: 2,
  gte: 2,
  lt: 2,
  lte: 2,
  and: 1,
  or: 0,
};

const SYMBOL: Record<BinaryOperator, string> = {
  mul: "*",
  div: "/",
  add: "+",
  sub: "-",
  eq: "==",
  neq: "!=",
  gt: ">",
  gte: ">=",
  lt: "<",
  lte: "<=",
  and: "and",
  or: "or",
};

/** `root.a?.b[0]` */
export function printRef(ref: RefExpr): string {
  let text = ref.root;
  for (const seg of ref.path) {
    if (typeof seg.key === "number") text += `[${seg.key}]`;
    else text += (seg.safe ? "?." : ".") + seg.key;
  }
  return text;
}

/** `h1:h2.field:source` */
export function printPipe(pipe: PipeExpr): string {
  const stages = pipe.stages.map((stage) => [stage.handle, ...stage.inputPath].join("."));
  return [...stages, printRef(pipe.source)].join(":");
}

/** A reference or a pipe chain. */
export function printSource(expr: RefExpr | PipeExpr): string {
  return expr.kind === "Ref" ? printRef(expr) : printPipe(expr);
}

/** `throw "m"`, `panic "m"`, `continue [n]`, `break [n]`. */
export function printControl(expr: ControlExpr): string {
  if (expr.control === "throw" || expr.control === "panic") {
    return `${expr.control} ${JSON.stringify(expr.message ?? "")}`;
  }
  return expr.level !== undefined && expr.level !== 1 ? `${expr.control} ${expr.level}` : expr.control;
}

/**
 * A primary expression in wire/alias position: an optional leading `not`
 * that covers everything after it, then operators, then an optional ternary.
 */
export function printExpr(expr: Expr): string {
  if (expr.kind === "Not") return "not " + printNotBody(expr.operand);
  return printNotBody(expr);
}

function printNotBody(expr: Expr): string {
  if (expr.kind === "Ternary") {
    return `${printCondition(expr.condition)} ? ${printOperand(expr.then)} : ${printOperand(expr.else)}`;
  }
  return printOperators(expr);
}

function printCondition(expr: Expr): string {
  return expr.kind === "Not" ? printOperand(expr) : printOperators(expr);
}

/** An operator expression without surrounding parentheses. */
function printOperators(expr: Expr): string {
  if (expr.kind !== "Binary") return printOperand(expr);
  const level = LEVEL[expr.op];
  return `${printChild(expr.left, level, false)} ${SYMBOL[expr.op]} ${printChild(expr.right, level, true)}`;
}

function printChild(child: Expr, parentLevel: number, right: boolean): string {
  if (child.kind !== "Binary") return printOperand(child);
  const level = LEVEL[child.op];
  const wrap = level < parentLevel || (right && level === parentLevel);
  return wrap ? `(${printOperators(child)})` : printOperators(child);
}

/** A single operand: parenthesised when it is itself an expression. */
function printOperand(expr: Expr): string {
  switch (expr.kind) {
    case "Ref":
      return printRef(expr);
    case "Pipe":
      return printPipe(expr);
    case "Literal":
    case "Template":
      return expr.raw;
    case "Control":
      return printControl(expr);
    case "Not":
      return `(not ${printOperators(expr.operand)})`;
    case "Binary":
      return `(${printOperators(expr)})`;
    case "Ternary":
      return `(${printNotBody(expr)})`;
    case "ArrayMap":
      return `${printExpr(expr.source)}[] as ${expr.iterator} {}`;
  }
}

/** What chain printing needs from the statement printer. */
export interface ChainContext {
  /** Offset of the `{` that opens an array body, searching from `from` (comments skipped). */
  findBrace(from: number): number;
  /** Text of a JSON object/array literal alternative (may span lines). */
  json(literal: LiteralExpr): string;
}

function mapPieces(expr: ArrayMapExpr, source: string, ctx: ChainContext): Piece[] {
  const open = ctx.findBrace(expr.clauseLoc.start);
  return [
    `${source}[] as ${expr.iterator}`,
    { kind: "body", statements: expr.body, open, close: expr.clauseLoc.end - 1 },
  ];
}

function alternativePieces(expr: Expr, ctx: ChainContext): Piece[] {
  if (expr.kind === "ArrayMap") return mapPieces(expr, printOperators(expr.source), ctx);
  if (expr.kind === "Literal") return [ctx.json(expr)];
  return [printOperators(expr)];
}

/** The right-hand side of a pull wire or alias: primary, gates, catch. */
export function chainPieces(chain: SourceChain, ctx: ChainContext): Piece[] {
  const head = chain.head;
  const pieces: Piece[] = head.kind === "ArrayMap" ? mapPieces(head, printExpr(head.source), ctx) : [printExpr(head)];
  for (const fallback of chain.fallbacks) {
    pieces.push(` ${fallback.gate} `, ...alternativePieces(fallback.value, ctx));
  }
  if (chain.catch) pieces.push(" catch ", ...alternativePieces(chain.catch.value, ctx));
  return pieces;
}

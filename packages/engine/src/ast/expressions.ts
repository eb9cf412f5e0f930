import type { BaseNode, JsonValue } from "./location.js";
import type { PipeExpr, RefExpr } from "./refs.js";
import type { ArrayStatement } from "./statements.js";

/** Binary operator names (R-EXPR-3). */
export type BinaryOperator = "mul" | "div" | "add" | "sub" | "eq" | "neq" | "gt" | "gte" | "lt" | "lte" | "and" | "or";

/**
 * A literal value: number, boolean, null, a JSON-decoded plain string, or a
 * JSON object/array (fallback and catch literals, R-FALL-2).
 * `raw` is the exact source text of the literal (used by the formatter).
 */
export interface LiteralExpr extends BaseNode {
  kind: "Literal";
  value: JsonValue;
  raw: string;
}

/** Text between placeholders of a template (escape rules: R-STR-3). */
export interface TemplateText {
  kind: "Text";
  text: string;
}

/** A `{ path }` placeholder (R-STR-2): a reference (only `.` steps) or a pipe whose stages have no input path. */
export interface TemplatePlaceholder extends BaseNode {
  kind: "Placeholder";
  expr: RefExpr | PipeExpr;
}

/** An interpolated string: at least one non-empty `{…}` placeholder (R-STR-1). `raw` is the source text with quotes. */
export interface TemplateExpr extends BaseNode {
  kind: "Template";
  parts: Array<TemplateText | TemplatePlaceholder>;
  raw: string;
}

/** `left op right` (R-EXPR-3..R-EXPR-10). */
export interface BinaryExpr extends BaseNode {
  kind: "Binary";
  op: BinaryOperator;
  left: Expr;
  right: Expr;
}

/** `not operand` (R-EXPR-4, R-EXPR-11). A leading `not` covers the whole following expression including a ternary. */
export interface NotExpr extends BaseNode {
  kind: "Not";
  operand: Expr;
}

/** `condition ? then : else` (R-TERN-*). Branches are literals, templates or plain references. */
export interface TernaryExpr extends BaseNode {
  kind: "Ternary";
  condition: Expr;
  then: Expr;
  else: Expr;
}

/**
 * `source[] as iterator { body }` (R-ARR-1). `loc` spans the whole
 * expression; `clauseLoc` spans the array clause `[] as x { … }` (the
 * location of depth-limit errors, R-LOC-2).
 */
export interface ArrayMapExpr extends BaseNode {
  kind: "ArrayMap";
  source: Expr;
  iterator: string;
  body: ArrayStatement[];
  clauseLoc: BaseNode["loc"];
}

/**
 * Control keywords (R-CTRL-*), allowed only as a fallback alternative or a
 * catch handler. `message` for throw/panic (JSON-decoded); `level` (≥ 1) for
 * continue/break (default 1).
 */
export interface ControlExpr extends BaseNode {
  kind: "Control";
  control: "throw" | "panic" | "continue" | "break";
  message?: string;
  level?: number;
}

/** Every expression form. */
export type Expr =
  | RefExpr
  | PipeExpr
  | LiteralExpr
  | TemplateExpr
  | BinaryExpr
  | NotExpr
  | TernaryExpr
  | ArrayMapExpr
  | ControlExpr;

/** `|| alt` or `?? alt` (R-FALL-1). */
export interface Fallback extends BaseNode {
  kind: "Fallback";
  gate: "||" | "??";
  value: Expr;
}

/** `catch handler` (R-FALL-4). */
export interface CatchClause extends BaseNode {
  kind: "Catch";
  value: Expr;
}

/**
 * The right-hand side of a pull wire or alias (R-WIRE-8): the primary
 * expression (`head`, which is an ArrayMap when the wire maps an array), the
 * fallback alternatives in order, and an optional catch.
 */
export interface SourceChain extends BaseNode {
  kind: "Chain";
  head: Expr;
  fallbacks: Fallback[];
  catch: CatchClause | null;
}

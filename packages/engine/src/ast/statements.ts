import type { BaseNode, JsonValue } from "./location.js";
import type { SourceChain } from "./expressions.js";
import type { PipeExpr, RefExpr, Target } from "./refs.js";

/**
 * `with …` (R-WITH-1). `binding` says what the handle denotes; the parser
 * decides `tool` vs `define` by source order (R-DEF-2: a define binds only
 * if declared earlier in the file).
 * - `name`: the tool/define name as written (`std.str.trim`); for the four
 *   built-in sources it is the keyword in lower case (`input`, …).
 * - `handle`: the explicit `as` name, else the default (R-WITH-1).
 * - `version`: the `@…` tag without `@` (R-WITH-7), tools only.
 */
export interface WithStatement extends BaseNode {
  kind: "With";
  binding: "input" | "output" | "context" | "const" | "tool" | "define";
  name: string;
  handle: string;
  version: string | null;
  memoize: boolean;
}

/**
 * `target = value` (R-WIRE-4..7). `value` is already coerced as the
 * reference does (R-WIRE-5, R-WIRE-6: quoted text is re-interpreted);
 * `raw` is the source text of the value token.
 */
export interface ConstantWire extends BaseNode {
  kind: "ConstantWire";
  target: Target;
  value: JsonValue;
  raw: string;
}

/** `target <- chain` (R-WIRE-8). */
export interface PullWire extends BaseNode {
  kind: "PullWire";
  target: Target;
  chain: SourceChain;
}

/**
 * `target { lines }` (R-BLOCK-*). Lines inside have relative targets
 * (`root: null`), resolved against `target`.
 */
export interface ScopeBlock extends BaseNode {
  kind: "ScopeBlock";
  target: Target;
  body: ScopeStatement[];
}

/** `... <- source` (R-SPREAD-*): a reference or a pipe chain. */
export interface SpreadStatement extends BaseNode {
  kind: "Spread";
  source: RefExpr | PipeExpr;
}

/** `alias name <- chain` (R-ALIAS-*). */
export interface AliasStatement extends BaseNode {
  kind: "Alias";
  name: string;
  chain: SourceChain;
}

/** `force handle [catch null]` (R-FORCE-*). `catchNull` marks fire-and-forget. */
export interface ForceStatement extends BaseNode {
  kind: "Force";
  handle: string;
  catchNull: boolean;
}

/**
 * `on error = json` or `on error <- handle.path` (R-TOOL-9); tool bodies only.
 * Exactly one of `value` (with `raw`) and `ref` is set.
 */
export interface OnErrorStatement extends BaseNode {
  kind: "OnError";
  value?: JsonValue;
  raw?: string;
  ref?: RefExpr;
}

/** Lines allowed inside a scope block. */
export type ScopeStatement = ConstantWire | PullWire | ScopeBlock | SpreadStatement | AliasStatement;

/** Lines of a bridge or define body (R-BRIDGE-2, R-DEF-1). */
export type BodyStatement = WithStatement | ConstantWire | PullWire | ScopeBlock | AliasStatement | ForceStatement;

/** Lines of a tool body (R-TOOL-5). Self-wires are wires whose target root is `null`. */
export type ToolStatement = WithStatement | ConstantWire | PullWire | ScopeBlock | SpreadStatement | OnErrorStatement;

/** Lines of an array-mapping body (R-ARR-5). Element lines are wires whose target root is `null`. */
export type ArrayStatement = WithStatement | ConstantWire | PullWire | ScopeBlock | SpreadStatement | AliasStatement;

/** Any statement. */
export type Statement = BodyStatement | ToolStatement | ArrayStatement;

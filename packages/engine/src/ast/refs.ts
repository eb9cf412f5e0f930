import type { BaseNode } from "./location.js";

/**
 * One step of a reference path.
 * - `key: string` is a property read (`.name` or `?.name`);
 * - `key: number` is an index read (`[0]`); index steps are never safe.
 * `safe` is true when the step was written with `?.` (R-SAFE-1).
 */
export interface PathSegment {
  key: string | number;
  safe: boolean;
}

/**
 * A reference: a root name followed by a path (R-PATH-1).
 * The root is a handle, an alias or an iterator name; which one is decided by
 * scope (the parser checks it exists, the engine resolves it at prepare time).
 * `i.user?.name[0]` → `{ root: "i", path: [{key:"user",safe:false},{key:"name",safe:true},{key:0,safe:false}] }`.
 */
export interface RefExpr extends BaseNode {
  kind: "Ref";
  root: string;
  path: PathSegment[];
}

/**
 * One stage of a pipe chain: a tool handle and, optionally, the input field
 * path the piped value is written to (`conv.amount:` → `["amount"]`; empty
 * means the field `in`, R-PIPE-3).
 */
export interface PipeStage extends BaseNode {
  kind: "PipeStage";
  handle: string;
  inputPath: string[];
}

/**
 * A pipe chain `h1:h2:source` (R-PIPE-1). `stages` are in source order
 * (left to right); evaluation runs right to left: `source`, then the last
 * stage, …, then `stages[0]`.
 */
export interface PipeExpr extends BaseNode {
  kind: "Pipe";
  stages: PipeStage[];
  source: RefExpr;
}

/**
 * A wire target (R-WIRE-1). `root` is the handle name, or `null` for a
 * relative target written with a leading dot (`.field` in array bodies, scope
 * blocks and tool self-wires). `path` are plain property names (no indices:
 * R-WIRE-2; `?.` in a target reads as `.`). `o` alone has `path: []`.
 */
export interface Target extends BaseNode {
  kind: "Target";
  root: string | null;
  path: string[];
}

/**
 * The static scope index: what prepare knows about one body (a bridge, a
 * define, an array body, a tool block) before anything runs.
 *
 * Every handle name is resolved here once, to a binding that says what it
 * denotes and which body owns it; every tool, define and alias declaration
 * gets a slot number in its owning body. Runtime scopes only carry a pointer
 * to this index plus a lazily allocated slot array, so nothing here is ever
 * mutated after prepare.
 */
import type { Loc } from "../errors.js";
import type { Seg } from "../execute/paths.js";
import type { Ev } from "../execute/scope.js";
import type { ToolBinding } from "../execute/call-tool.js";
import type { FastShape } from "../execute/arrays-fast.js";

export type BodyKind = "bridge" | "define" | "array" | "tool";

/** A group of wires writing one path (R-OVER-1), compiled to one evaluator. */
export interface Group {
  path: string[];
  /** Dot-joined path, the key matched by requestedFields (R-FIELDS-2). */
  key: string;
  ev: Ev;
  /** Compile-time only: the wires of the group before ordering. */
  wires: WireInfo[];
  /** Position in its owning list (define instances cache group values by it). */
  index: number;
  /** A spread (`... <- src`) merging into the object at `path` rather than a field write. */
  spread: boolean;
  /** Set when the group is one plain read of an alias or tool instance (see execute/lanes.ts). */
  lane: SlotRead | null;
}

/** Compile-time description of one wire in a group. */
export interface WireInfo {
  ev: Ev;
  cost: number;
  /** Set when the wire is a plain read of the body's own iterator (array fast path). */
  plain: FastRead | null;
  /** Set when the wire is a plain read of an alias or tool instance (element fields: of the element's own). */
  slot?: SlotRead | null;
}

/** A plain strict read of an alias or tool instance: a lane (execute/lanes.ts). */
export interface SlotRead {
  decl: AliasDecl | ToolDecl;
  /** Lexical levels from the reading scope up to the instance's owner. */
  up: number;
  segs: Seg[];
  loc: Loc | undefined;
  /**
   * Element lanes only: every read of the alias is a lane of one run of
   * consecutive element fields, so the element evaluates it directly, without
   * its slot (set by buildPlan).
   */
  direct: boolean;
}

/**
 * One element field of the synchronous array path: a strict read of the
 * iterator (`.f <- it.a.b`), a constant (`.f = 1`), or a nested mapping of
 * an iterator path whose body is itself fast.
 */
export interface FastRead {
  kind: "read" | "const" | "array";
  segs: Seg[];
  /** The key of a one-segment safe-to-read path (`it.name`), read inline. */
  single: string | number | null;
  value: unknown;
  loc: Loc | undefined;
  plan: ArrayPlan | null;
}

/** A tool block or plain tool resolved once per document (R-TOOL-*, R-EXEC-9). */
export interface ToolDef {
  name: string;
  fnName: string;
  binding: ToolBinding;
  /** The merged tool-block body (deps, self-wires), or null for a plain function. */
  body: BodyIndex | null;
  /** Self-wires, one group per wire in statement order (Q-09: later wins), then self spreads. */
  self: Group[];
  /** Set when an `extends` chain names an unknown block (R-TOOL-4). */
  error: string | null;
  cost: number;
  /** The function was not found in the tool map (strict prepare reports it). */
  missing: boolean;
}

export interface ToolDecl {
  kind: "tool";
  slot: number;
  handle: string;
  /** Instance key `<module>:Tools:<field>:<n>` (R-WITH-8, §11.2). */
  key: string;
  def: ToolDef;
  memo: number;
  /** Caller wire groups for this instance's input, then spreads (Q-22 fix). */
  inputs: Group[];
  /** True for dependencies declared in tool blocks (R-TOOL-8). */
  dep: boolean;
}

export interface DefineDef {
  name: string;
  body: BodyIndex;
}

export interface DefineDecl {
  kind: "define";
  slot: number;
  handle: string;
  def: DefineDef;
  inputs: Group[];
}

export interface AliasDecl {
  kind: "alias";
  slot: number;
  name: string;
  ev: Ev;
  /** Where failures not located inside the chain belong (the heading pipe), else the reader. */
  errLoc: Loc | undefined;
  /** The alias of the same body that this alias's primary reads (always evaluated first), and that read's span. */
  dep: AliasDecl | null;
  depLoc: Loc | undefined;
  /** Compiled reads of this alias (references and forces), counted at prepare time. */
  refs: number;
  /** Set when the alias is `tool:it.path` in an array body (one stage, iterator source): see execute/arrays.ts. */
  pipe: PipeCall | null;
}

/** An alias that pipes the element (or a path of it) into one tool. */
export interface PipeCall {
  /** The iterator path piped (strict read, located at `srcLoc`). */
  segs: Seg[];
  srcLoc: Loc | undefined;
  tool: ToolDecl;
  /** The input path of the piped value (`["in"]` by default). */
  path: string[];
  /** The pipe's span (where call failures are located). */
  loc: Loc | undefined;
}

export type Binding =
  | { kind: "input" | "output" | "context" | "const" | "iter"; body: BodyIndex }
  | { kind: "tool"; body: BodyIndex; decl: ToolDecl }
  | { kind: "define"; body: BodyIndex; decl: DefineDecl }
  | { kind: "alias"; body: BodyIndex; decl: AliasDecl };

export interface ForceInfo {
  ev: Ev;
  critical: boolean;
}

/** The array execution plan of one mapping (R-ARR-*). */
export interface ArrayPlan {
  body: BodyIndex;
  /** One fast read per element group when every group is plain (sync loop), else null. */
  reads: FastRead[] | null;
  clauseLoc: Loc | undefined;
  /** Loop shape of the unnarrowed fast body (null when `reads` is). */
  shape: FastShape | null;
}

export interface BodyIndex {
  kind: BodyKind;
  /** Lexical nesting level inside its tree (bridge/define/tool root = 0). */
  level: number;
  parent: BodyIndex | null;
  names: Map<string, Binding>;
  nslots: number;
  /** Output groups (bridge/define root) or element groups (array body), in index order. */
  outputs: Group[];
  /** Spreads of this scope, applied after its field writes (R-SPREAD-3, Q-21). */
  spreads: Group[];
  forces: ForceInfo[];
  /** Tool declarations owned by this body, for strict validation. */
  tools: ToolDecl[];
}

export function newBody(kind: BodyKind, parent: BodyIndex | null): BodyIndex {
  return {
    kind,
    level: parent ? parent.level + 1 : 0,
    parent,
    names: new Map(),
    nslots: 0,
    outputs: [],
    spreads: [],
    forces: [],
    tools: [],
  };
}

/** Resolves a name through the lexical chain of bodies (R-EXEC-6). */
export function lookup(body: BodyIndex, name: string): Binding | undefined {
  for (let b: BodyIndex | null = body; b !== null; b = b.parent) {
    const found = b.names.get(name);
    if (found) return found;
  }
  return undefined;
}

/**
 * Compiles bodies (bridge, define, array, tool block) into their static
 * scope index: declarations get slots, wires are grouped by target (scope
 * blocks expanded in place, R-BLOCK-3) and compiled to closures, aliases are
 * bound in source order (R-ALIAS-3), forces are listed (R-FORCE-*).
 *
 * Targets: output paths (bridge/define root), element paths (array bodies),
 * the input of a tool or define declared in the same body, and self-wires of
 * a tool block. Wires the language rejects at parse time
 * are ignored here so hand-built documents never crash the engine.
 */
import type { ArrayMapExpr, BodyStatement, ConstantWire, PipeExpr, PullWire, Statement, WithStatement } from "../ast/index.js";
import type { Ev } from "../execute/scope.js";
import { resolveAlias, resolveTool } from "../execute/instances.js";
import { isUnsafeKey } from "../execute/paths.js";
import { compileChain, compileGroup, costOf } from "./compile-chain.js";
import { compileExpr, toLoc, toSegs, type Ctx } from "./compile-expr.js";
import type { DocCtx } from "./doc.js";
import { buildPlan } from "./plan.js";
import type { AliasDecl, ArrayPlan, BodyIndex, BodyKind, FastRead, Group, PipeCall, SlotRead, ToolDecl, WireInfo } from "./scope-index.js";
import { lookup, newBody } from "./scope-index.js";

/** Collects the wires of one kind of target, grouped by path (or one group per wire). */
class Collector {
  readonly groups = new Map<string, { path: string[]; wires: WireInfo[] }>();
  readonly spreads: { path: string[]; ev: Ev }[] = [];
  private n = 0;
  constructor(readonly merge: boolean) {}

  add(path: string[], wire: WireInfo): void {
    const k = this.merge ? path.join("\u0000") : String(this.n++);
    const g = this.groups.get(k);
    if (g) g.wires.push(wire);
    else this.groups.set(k, { path, wires: [wire] });
  }

  /** Field groups then spreads, each with its index (R-OVER-1). */
  build(inputRule: boolean): { groups: Group[]; spreads: Group[] } {
    const groups: Group[] = [];
    for (const { path, wires } of this.groups.values()) {
      const unsafe = path.find(isUnsafeKey);
      const ev = unsafe !== undefined ? failing(`Unsafe assignment key: ${unsafe}`) : compileGroup(wires, inputRule);
      const lane = unsafe === undefined && wires.length === 1 ? (wires[0]!.slot ?? null) : null;
      groups.push({ path, key: path.join("."), ev, wires, index: groups.length, spread: false, lane });
    }
    const spreads = this.spreads.map(({ path, ev }, index): Group => {
      const unsafe = path.find(isUnsafeKey);
      return {
        path,
        key: path.join("."),
        ev: unsafe !== undefined ? failing(`Unsafe assignment key: ${unsafe}`) : ev,
        wires: [],
        index,
        spread: true,
        lane: null,
      };
    });
    return { groups, spreads };
  }
}

function failing(message: string): Ev {
  return () => {
    throw new Error(message);
  };
}

/** Where a target writes. */
interface Resolved {
  sink: Collector;
  path: string[];
  /** Output or element field: its key owns array narrowing (R-FIELDS-3). */
  field: boolean;
}

/** Compile state of one body. */
interface BodyCtx {
  doc: DocCtx;
  /** Instance numbering per tool name inside one bridge/define/tool body tree (R-WITH-8). */
  counters: Map<string, number>;
  /** Defines are not available (inside define and tool trees, Q-14). */
  noDefines: boolean;
  body: BodyIndex;
  out: Collector | null;
  self: Collector | null;
  inputs: Map<object, Collector>;
}

function treeRoot(body: BodyIndex): BodyIndex {
  let b = body;
  while (b.parent !== null) b = b.parent;
  return b;
}

function exprCtx(b: BodyCtx, stmtLoc: Statement["loc"] | undefined, key: string | null): Ctx {
  return {
    body: b.body,
    safe: true,
    loc: undefined,
    stmtLoc: toLoc(stmtLoc),
    key,
    consts: b.doc.consts,
    problems: b.doc.problems,
    compileArray: (e, ctx) => compileArray(e, ctx, b),
  };
}

/** Declares the `with` lines of a body (R-WITH-1, R-WITH-2; first declaration of a handle wins). */
export function declareWiths(stmts: readonly Statement[], b: BodyCtx, dep: boolean): void {
  const root = treeRoot(b.body);
  for (const st of stmts) {
    if (st.kind !== "With" || b.body.names.has(st.handle)) continue;
    if (st.binding === "tool" || st.binding === "define") declareInstance(st, b, dep);
    else b.body.names.set(st.handle, { kind: st.binding, body: root });
  }
}

function declareInstance(st: WithStatement, b: BodyCtx, dep: boolean): void {
  const body = b.body;
  if (st.binding === "define" && !b.noDefines) {
    const def = b.doc.defineDef(st.name);
    if (def !== null) {
      const decl = { kind: "define" as const, slot: body.nslots++, handle: st.handle, def, inputs: [] as Group[] };
      body.names.set(st.handle, { kind: "define", body, decl });
      b.inputs.set(decl, new Collector(true));
      return;
    }
  }
  const n = (b.counters.get(st.name) ?? 0) + 1;
  b.counters.set(st.name, n);
  const dot = st.name.lastIndexOf(".");
  const key = `${dot < 0 ? "_" : st.name.slice(0, dot)}:Tools:${st.name.slice(dot + 1)}:${n}`;
  const decl: ToolDecl = {
    kind: "tool",
    slot: body.nslots++,
    handle: st.handle,
    key,
    def: b.doc.toolDef(st.name),
    memo: st.memoize && !dep ? b.doc.memoCount++ : -1,
    inputs: [],
    dep,
  };
  body.names.set(st.handle, { kind: "tool", body, decl });
  body.tools.push(decl);
  b.inputs.set(decl, new Collector(true));
}

function resolveTarget(root: string | null, path: readonly string[], prefix: Resolved | null, b: BodyCtx): Resolved | null {
  if (root === null) {
    if (prefix !== null) return { ...prefix, path: prefix.path.concat(path) };
    if (b.body.kind === "array" && b.out) return { sink: b.out, path: [...path], field: true };
    if (b.body.kind === "tool" && b.self) return { sink: b.self, path: [...path], field: false };
    return null;
  }
  const bind = lookup(b.body, root);
  if (bind === undefined || bind.body !== b.body) {
    return null;
  }
  if (bind.kind === "output" && b.out && b.body.kind !== "array") return { sink: b.out, path: [...path], field: true };
  if (bind.kind === "tool" || bind.kind === "define") {
    const sink = b.inputs.get(bind.decl);
    if (sink) return { sink, path: [...path], field: false };
  }
  return null;
}

function constantWire(st: ConstantWire): WireInfo {
  const v = st.value;
  const ev: Ev = v !== null && typeof v === "object" ? () => JSON.parse(JSON.stringify(v)) as unknown : () => v;
  const plain: FastRead = { kind: "const", segs: [], single: null, value: v, loc: undefined, plan: null };
  return { ev, cost: 0, plain };
}

function pullWire(st: PullWire, t: Resolved, b: BodyCtx): WireInfo {
  const ctx = exprCtx(b, st.loc, t.field ? t.path.join(".") : null);
  const ev = compileChain(st.chain, ctx);
  const cost = costOf(st.chain.head, ctx);
  const element = t.field && b.body.kind === "array";
  const input = !t.field && t.sink !== b.self;
  return {
    ev,
    cost,
    plain: element ? plainRead(st, b) : null,
    slot: element || input ? slotRead(st, b, element) : null,
  };
}

/**
 * Recognises `x <- h.path` where `h` is an alias or tool instance (declared in
 * this body when `own`, as element fields need).
 */
function slotRead(st: PullWire, b: BodyCtx, own: boolean): SlotRead | null {
  const chain = st.chain;
  if (chain.fallbacks.length > 0 || chain.catch) return null;
  const head = chain.head;
  if (head.kind !== "Ref" || head.path.some((p) => p.safe)) return null;
  const bind = lookup(b.body, head.root);
  if (bind === undefined || (bind.kind !== "alias" && bind.kind !== "tool")) return null;
  if (own && bind.body !== b.body) return null;
  return { decl: bind.decl, up: b.body.level - bind.body.level, segs: toSegs(head.path), loc: toLoc(head.loc), direct: false };
}

/** Recognises `.f <- it.path` and `.f <- it.path[] as x { fast body }` on the body's own iterator. */
function plainRead(st: PullWire, b: BodyCtx): FastRead | null {
  const chain = st.chain;
  if (chain.fallbacks.length > 0 || chain.catch) return null;
  const head = chain.head;
  const ref = head.kind === "Ref" ? head : head.kind === "ArrayMap" && head.source.kind === "Ref" ? head.source : null;
  if (ref === null || ref.path.some((p) => p.safe)) return null;
  const bind = lookup(b.body, ref.root);
  if (bind === undefined || bind.kind !== "iter" || bind.body !== b.body) return null;
  const segs = toSegs(ref.path);
  const single = segs.length === 1 && !segs[0]!.unsafe ? segs[0]!.key : null;
  if (head.kind === "Ref") return { kind: "read", segs, single, value: undefined, loc: toLoc(ref.loc), plan: null };
  const plan = b.doc.arrayPlans.get(head as ArrayMapExpr);
  if (!plan || plan.reads === null) return null;
  return { kind: "array", segs, single, value: undefined, loc: toLoc(ref.loc), plan };
}

function declareAlias(st: Extract<Statement, { kind: "Alias" }>, b: BodyCtx): void {
  const ctx = exprCtx(b, st.loc, null);
  const head = st.chain.head;
  const pipeHead = head.kind === "Pipe" && st.chain.fallbacks.length === 0 && !st.chain.catch;
  if (pipeHead) ctx.pipeLocatedByAlias = true;
  const ev = compileChain(st.chain, ctx);
  const errLoc = pipeHead ? toLoc(head.loc) : undefined;
  const depBind = head.kind === "Ref" ? b.body.names.get(head.root) : undefined;
  const dep = depBind?.kind === "alias" ? depBind.decl : null;
  const depLoc = dep !== null ? toLoc(head.loc) : undefined;
  const pipe = pipeHead && b.body.kind === "array" ? pipeCall(head, b) : null;
  const existing = b.body.names.get(st.name);
  if (existing !== undefined && existing.kind === "alias" && existing.body === b.body) {
    existing.decl.ev = ev; // the last declaration is used by every reader
    existing.decl.errLoc = errLoc;
    existing.decl.dep = dep === existing.decl ? null : dep;
    existing.decl.depLoc = depLoc;
    existing.decl.pipe = pipe;
    return;
  }
  const decl: AliasDecl = { kind: "alias", slot: b.body.nslots++, name: st.name, ev, errLoc, dep, depLoc, refs: 0, pipe };
  b.body.names.set(st.name, { kind: "alias", body: b.body, decl });
}

/** Recognises `tool:it.path` (one stage, a strict read of the body's own iterator) for the element call path. */
function pipeCall(head: PipeExpr, b: BodyCtx): PipeCall | null {
  if (head.stages.length !== 1 || head.source.path.some((p) => p.safe)) return null;
  const src = lookup(b.body, head.source.root);
  if (src === undefined || src.kind !== "iter" || src.body !== b.body) return null;
  const stage = head.stages[0]!;
  const tool = lookup(b.body, stage.handle);
  if (tool === undefined || tool.kind !== "tool") return null;
  const path = stage.inputPath.length > 0 ? stage.inputPath : ["in"];
  if (path.some(isUnsafeKey)) return null;
  return { segs: toSegs(head.source.path), srcLoc: toLoc(head.source.loc), tool: tool.decl, path, loc: toLoc(head.loc) };
}

function declareForce(st: Extract<Statement, { kind: "Force" }>, b: BodyCtx): void {
  if (b.body.kind !== "bridge" && b.body.kind !== "define") return;
  const bind = b.body.names.get(st.handle);
  let ev: Ev;
  if (bind?.kind === "tool") {
    const decl = bind.decl;
    ev = (s, c) => resolveTool(s, decl, c, undefined);
  } else if (bind?.kind === "alias") {
    const decl = bind.decl;
    decl.refs++;
    ev = (s, c) => resolveAlias(s, decl, c, undefined);
  } else {
    ev = failing(`Tool "_.${st.handle}" not found in any scope`);
  }
  b.body.forces.push({ ev, critical: !st.catchNull });
}

/** Compiles the non-`with` statements of a body in source order. */
export function compileStatements(stmts: readonly Statement[], b: BodyCtx, prefix: Resolved | null): void {
  for (const st of stmts) {
    switch (st.kind) {
      case "ConstantWire": {
        const t = resolveTarget(st.target.root, st.target.path, prefix, b);
        if (t) t.sink.add(t.path, constantWire(st));
        break;
      }
      case "PullWire": {
        const t = resolveTarget(st.target.root, st.target.path, prefix, b);
        if (t) t.sink.add(t.path, pullWire(st, t, b));
        break;
      }
      case "ScopeBlock": {
        const t = resolveTarget(st.target.root, st.target.path, prefix, b);
        compileStatements(st.body, b, t ?? { sink: new Collector(true), path: [], field: false });
        break;
      }
      case "Spread": {
        const t = prefix ?? resolveTarget(null, [], null, b);
        const ev = compileExpr(st.source, exprCtx(b, st.loc, null));
        if (t) t.sink.spreads.push({ path: t.path, ev });
        break;
      }
      case "Alias":
        declareAlias(st, b);
        break;
      case "Force":
        declareForce(st, b);
        break;
      default:
        break;
    }
  }
}

/** Turns the collected wires into groups on the body and its declarations. */
function finalize(b: BodyCtx): void {
  if (b.out) {
    const { groups, spreads } = b.out.build(false);
    b.body.outputs = groups;
    b.body.spreads = spreads;
  }
  for (const [decl, col] of b.inputs) {
    const { groups, spreads } = col.build(true);
    for (const s of spreads) s.index += groups.length;
    (decl as { inputs: Group[] }).inputs = groups.concat(spreads);
  }
}

export function newBodyCtx(doc: DocCtx, kind: BodyKind, noDefines: boolean): BodyCtx {
  const body = newBody(kind, null);
  return {
    doc,
    counters: new Map(),
    noDefines,
    body,
    out: kind === "tool" ? null : new Collector(true),
    self: kind === "tool" ? new Collector(false) : null,
    inputs: new Map(),
  };
}

/** Compiles a bridge or define body (R-BRIDGE-2, R-DEF-1). */
export function compileRootBody(doc: DocCtx, kind: "bridge" | "define", stmts: readonly BodyStatement[]): BodyIndex {
  const b = newBodyCtx(doc, kind, kind === "define");
  declareWiths(stmts, b, false);
  compileStatements(stmts, b, null);
  finalize(b);
  return b.body;
}

/** Compiles a tool-block body (merged chain, root first); returns the self groups (Q-09: one per wire). */
export function compileToolBody(b: BodyCtx, stmts: readonly Statement[][]): Group[] {
  for (const list of stmts) declareWiths(list, b, true);
  for (const list of stmts) compileStatements(list, b, null);
  finalize(b);
  const { groups, spreads } = b.self!.build(false);
  for (const s of spreads) s.index += groups.length;
  return groups.concat(spreads);
}

/** Compiles an array body into its plan (R-ARR-*), once per mapping expression. */
function compileArray(e: ArrayMapExpr, ctx: Ctx, parent: BodyCtx): ArrayPlan {
  const cached = parent.doc.arrayPlans.get(e);
  if (cached) return cached;
  const body = newBody("array", ctx.body);
  const b: BodyCtx = { ...parent, body, out: new Collector(true), self: null, inputs: new Map() };
  declareWiths(e.body, b, false);
  body.names.set(e.iterator, { kind: "iter", body });
  compileStatements(e.body, b, null);
  finalize(b);
  const plan = buildPlan(body, toLoc(e.clauseLoc ?? e.loc));
  parent.doc.arrayPlans.set(e, plan);
  return plan;
}

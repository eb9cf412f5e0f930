/**
 * Compiles references (R-PATH-*, R-SAFE-*, R-CONST-3): every root name is
 * resolved once, to a closure that walks a fixed number of lexical levels to
 * the owning scope and reads a fixed slot, followed by strict traversal.
 * Errors are located at the reference (R-LOC-2) unless `ctx.loc` is null
 * (ternaries and templates take the whole wire's span).
 */
import type { Expr, RefExpr, SourceLocation } from "../ast/index.js";
import { isFatal, locate, type Loc } from "../errors.js";
import { readDefine, readDefineInput } from "../execute/defines.js";
import { resolveAlias, resolveTool } from "../execute/instances.js";
import { narrow, selectGroups } from "../execute/output.js";
import { cloneJson, isUnsafeKey, readPath, step, type Seg } from "../execute/paths.js";
import { Signal, scopeUp, type Ev } from "../execute/scope.js";
import type { ArrayPlan, BodyIndex, Binding } from "./scope-index.js";
import { lookup } from "./scope-index.js";

/** Compile-time context of one expression position. */
export interface Ctx {
  body: BodyIndex;
  /** R-SAFE-2 applies (false in ternary branches and bare catch references, Q-28). */
  safe: boolean;
  /** null: references do not attach their own location (ternary, template). */
  loc: null | undefined;
  /**
   * The pipe heading an alias chain leaves asynchronous failures unlocated:
   * the alias slot locates them at the pipe (saves one Promise per read).
   */
  pipeLocatedByAlias?: boolean;
  /** The enclosing wire statement's span. */
  stmtLoc: Loc | undefined;
  /** Output/element group key owning this expression (array narrowing), null = unrestricted. */
  key: string | null;
  consts: Map<string, unknown>;
  /** Problems found while compiling (strict prepare refuses the document). */
  problems: string[];
  compileArray: (expr: Extract<Expr, { kind: "ArrayMap" }>, ctx: Ctx) => ArrayPlan;
}

export function toLoc(l: SourceLocation | undefined): Loc | undefined {
  if (!l || typeof l.startLine !== "number") return undefined;
  return { startLine: l.startLine, startColumn: l.startColumn, endLine: l.endLine, endColumn: l.endColumn };
}

export function lineOf(l: SourceLocation | undefined): string {
  return l && typeof l.startLine === "number" ? ` at line ${l.startLine}` : "";
}

export function toSegs(path: RefExpr["path"]): Seg[] {
  return path.map((p) => ({ key: p.key, safe: p.safe === true, unsafe: isUnsafeKey(p.key) }));
}

function fail(message: string): Ev {
  return () => {
    throw new Error(message);
  };
}

export const levelsUp = (ctx: Ctx, b: Binding): number => ctx.body.level - b.body.level;

/** Closure reading the root value of a reference (before its path). */
function compileRoot(ref: RefExpr, b: Binding, ctx: Ctx, loc: Loc | undefined): Ev {
  const up = levelsUp(ctx, b);
  switch (b.kind) {
    case "context":
      return (s) => s.run.context;
    case "iter":
      return up === 0 ? (s) => s.element : (s) => scopeUp(s, up).element;
    case "tool": {
      const decl = b.decl;
      return up === 0 ? (s, c) => resolveTool(s, decl, c, loc) : (s, c) => resolveTool(scopeUp(s, up), decl, c, loc);
    }
    case "alias": {
      const decl = b.decl;
      decl.refs++;
      return (s, c) => resolveAlias(scopeUp(s, up), decl, c, loc);
    }
    default:
      return (s) => s.run.input;
  }
}

/** A reference `root.path…` (R-PATH-*), with R-SAFE-2 error-safety when `ctx.safe`. */
export function compileRef(ref: RefExpr, ctx: Ctx): Ev {
  const segs = toSegs(ref.path);
  const loc = ctx.loc === null ? undefined : toLoc(ref.loc);
  const b = lookup(ctx.body, ref.root);
  let ev: Ev;
  if (b === undefined) {
    ctx.problems.push(`undeclared handle "${ref.root}"${lineOf(ref.loc)}`);
    ev = fail(`Undeclared handle "${ref.root}"`);
  }
  else if (b.kind === "const") ev = compileConstRef(segs, ctx, loc);
  else if (b.kind === "define") {
    const decl = b.decl;
    const up = levelsUp(ctx, b);
    const first = segs[0];
    if (first !== undefined) {
      const groups = typeof first.key === "string" ? selectGroups(decl.def.body.outputs, [first.key]) : null;
      ev = located((s, c) => readDefine(scopeUp(s, up), decl, groups, segs, c, loc), loc);
    } else {
      // A whole-define read forwards the caller's narrowed patterns (R-FIELDS-3).
      const key = ctx.key;
      const outputs = decl.def.body.outputs;
      ev = located((s, c) => {
        const fields = key === null ? null : narrow(s.fields, key);
        return readDefine(scopeUp(s, up), decl, fields === null ? null : selectGroups(outputs, fields), segs, c, loc);
      }, loc);
    }
  } else if ((b.kind === "input" || b.kind === "output") && b.body.kind === "define") {
    const up = levelsUp(ctx, b);
    ev = located((s, c) => readDefineInput(scopeUp(s, up), segs, c, loc), loc);
  } else ev = withPath(compileRoot(ref, b, ctx, loc), segs, loc, b.kind === "alias");
  if (ctx.safe && segs.some((x) => x.safe)) return errorSafe(ev);
  return ev;
}

function compileConstRef(segs: Seg[], ctx: Ctx, loc: Loc | undefined): Ev {
  const first = segs[0];
  if (first === undefined) return () => undefined;
  const name = String(first.key);
  if (first.unsafe) return fail2(`Unsafe property traversal: ${name}`, loc);
  if (!ctx.consts.has(name)) return fail2(`Const "${name}" not found`, loc);
  const value = ctx.consts.get(name);
  return () => {
    try {
      return cloneJson(readPath(value, segs, 1));
    } catch (e) {
      throw locate(e, loc);
    }
  };
}

function fail2(message: string, loc: Loc | undefined): Ev {
  return () => {
    throw locate(new Error(message), loc);
  };
}

/** Locates errors (thrown or rejected) of `inner` at `loc` (R-LOC-1: the first location is kept). */
export function located(inner: Ev, loc: Loc | undefined): Ev {
  const onErr = (e: unknown): never => {
    throw locate(e, loc);
  };
  return (s, c) => {
    let v: unknown;
    try {
      v = inner(s, c);
    } catch (e) {
      throw locate(e, loc);
    }
    return v instanceof Promise ? v.then(undefined, onErr) : v;
  };
}

/** Appends strict path traversal to a root reader. */
const noFunction = (v: unknown): unknown => (typeof v === "function" ? undefined : v);

function withPath(root: Ev, segs: Seg[], loc: Loc | undefined, signals: boolean): Ev {
  if (segs.length === 0) {
    // D-1: a function value never surfaces, also when read whole.
    return (s, c) => {
      const v = root(s, c);
      if (v instanceof Promise) return v.then(noFunction);
      return typeof v === "function" ? undefined : v;
    };
  }
  const walk = (v: unknown): unknown => {
    if (signals && v instanceof Signal) return v;
    try {
      return readPath(v, segs);
    } catch (e) {
      throw locate(e, loc);
    }
  };
  if (segs.length === 1 && !signals) {
    const seg = segs[0]!;
    return (s, c) => {
      const v = root(s, c);
      if (v instanceof Promise) return v.then(walk);
      try {
        return step(v, seg);
      } catch (e) {
        throw locate(e, loc);
      }
    };
  }
  return (s, c) => {
    const v = root(s, c);
    return v instanceof Promise ? v.then(walk) : walk(v);
  };
}

const swallow = (e: unknown): undefined => {
  if (isFatal(e)) throw e;
  return undefined;
};

/** R-SAFE-2: any non-fatal error of the reference yields `undefined`. */
function errorSafe(inner: Ev): Ev {
  return (s, c) => {
    let v: unknown;
    try {
      v = inner(s, c);
    } catch (e) {
      return swallow(e);
    }
    return v instanceof Promise ? v.then(undefined, swallow) : v;
  };
}


/**
 * Compiles expressions (R-PIPE, R-EXPR, R-STR, R-TERN, R-CTRL, R-ARR-1) into
 * closures `(scope, chain) => value | Promise`. Values that are already
 * there are returned as they are; a Promise appears only where a tool is
 * actually asynchronous. References are compiled by compile-ref.ts.
 */
import type { Expr, PipeExpr, TemplateExpr } from "../ast/index.js";
import { BridgePanicError, locate, type Loc } from "../errors.js";
import { mapArray } from "../execute/arrays.js";
import { invokeTool } from "../execute/instances.js";
import { narrow } from "../execute/output.js";
import { cloneJson, isUnsafeKey } from "../execute/paths.js";
import { Signal, ignore, onChain, scopeUp, signal, startRest, type Chain, type Ev, type Scope } from "../execute/scope.js";
import { compileRef, levelsUp, lineOf, located, toLoc, type Ctx } from "./compile-ref.js";
import type { ToolDecl } from "./scope-index.js";
import { lookup } from "./scope-index.js";

export { compileRef, located, toLoc, toSegs, type Ctx } from "./compile-ref.js";

function fail(message: string): Ev {
  return () => {
    throw new Error(message);
  };
}

/** A pipe `h1:h2:source` (R-PIPE-*): uncached calls, right to left. */
function compilePipe(pipe: PipeExpr, ctx: Ctx): Ev {
  const source = compileRef(pipe.source, ctx);
  const loc = ctx.loc === null ? undefined : toLoc(pipe.loc);
  let ev = source;
  for (let k = pipe.stages.length - 1; k >= 0; k--) {
    const stage = pipe.stages[k]!;
    const b = lookup(ctx.body, stage.handle);
    const inner = ev;
    if (b === undefined || b.kind !== "tool") {
      const kind = b === undefined ? "undeclared" : b.kind;
      ctx.problems.push(`pipe handle "${stage.handle}" must reference a tool, got "${kind}"${lineOf(stage.loc)}`);
      ev = (s, c) => {
        const v = inner(s, c);
        ignore(v);
        throw locate(new Error(`Pipe handle "${stage.handle}" must reference a tool, got "${kind}"`), loc);
      };
      continue;
    }
    const path = stage.inputPath.length > 0 ? stage.inputPath : ["in"];
    const unsafe = path.find(isUnsafeKey);
    if (unsafe !== undefined) {
      // A write path of the tool input (R-SEC-1): refused before anything is called.
      ev = () => {
        throw locate(new Error(`Unsafe assignment key: ${unsafe}`), loc);
      };
      continue;
    }
    const outer = k === 0 && ctx.pipeLocatedByAlias === true;
    ev = compileStage(inner, b.decl, levelsUp(ctx, b), path, stage.handle, loc, !outer);
  }
  return ev;
}

function compileStage(
  inner: Ev,
  decl: ToolDecl,
  up: number,
  path: string[],
  handle: string,
  loc: Loc | undefined,
  locateAsync: boolean,
): Ev {
  const key = { pipe: handle };
  const onErr = (e: unknown): never => {
    throw locate(e, loc);
  };
  const call = (v: unknown, s: Scope, c: Chain): unknown => {
    if (v instanceof Signal) return v;
    let r: unknown;
    try {
      // A stage whose tool has no wires cannot re-enter itself: no chain entry needed.
      const leaf = decl.inputs.length === 0 && decl.def.self.length === 0;
      if (!leaf && onChain(c, null, key)) throw new BridgePanicError(`Circular dependency detected in pipe "${handle}"`);
      r = invokeTool(scopeUp(s, up), decl, leaf ? c : { owner: null, decl: key, next: c }, path, v);
    } catch (e) {
      throw locate(e, loc);
    }
    return r instanceof Promise && locateAsync ? r.then(undefined, onErr) : r;
  };
  return (s, c) => {
    const v = inner(s, c);
    if (v instanceof Promise) return v.then((x) => call(x, s, c));
    return call(v, s, c);
  };
}

/** An interpolated string (R-STR-*): placeholders concurrently, nullish → "". */
function compileTemplate(t: TemplateExpr, ctx: Ctx): Ev {
  const inner: Ctx = { ...ctx, safe: false, loc: null };
  const parts: (string | Ev)[] = t.parts.map((p) => (p.kind === "Text" ? p.text : compileExpr(p.expr, inner)));
  const join = (vals: unknown[]): string => {
    let out = "";
    for (const v of vals) out += v === null || v === undefined ? "" : String(v);
    return out;
  };
  const ev: Ev = (s, c) => {
    const vals: unknown[] = [];
    let async = false;
    let k = 0;
    try {
      for (; k < parts.length; k++) {
        const p = parts[k]!;
        const v = typeof p === "string" ? p : p(s, c);
        if (v instanceof Promise) async = true;
        vals.push(v);
      }
    } catch (e) {
      for (const v of vals) ignore(v);
      startOperands(e, parts, k + 1, s, c);
      throw e;
    }
    return async ? Promise.all(vals).then(join) : join(vals);
  };
  return located(ev, ctx.stmtLoc);
}

/** Starts the operands after a synchronous failure (startRest, R-EXEC-4); text parts and logical operands are skipped. */
function startOperands(failure: unknown, operands: readonly (Ev | string | null)[], from: number, s: Scope, c: Chain): void {
  startRest(failure, operands, from, (ev) => (typeof ev === "function" ? ev(s, c) : undefined));
}

type Arith = (a: unknown, b: unknown) => unknown;


const num = (f: (a: number, b: number) => unknown): Arith => (a, b) =>
  a === null || a === undefined || b === null || b === undefined ? null : f(Number(a), Number(b));

const OPS: Record<string, Arith> = {
  add: num((a, b) => a + b),
  sub: num((a, b) => a - b),
  mul: num((a, b) => a * b),
  div: num((a, b) => a / b),
  eq: (a, b) => a === b,
  neq: (a, b) => a !== b,
  gt: (a, b) => Number(a) > Number(b),
  gte: (a, b) => Number(a) >= Number(b),
  lt: (a, b) => Number(a) < Number(b),
  lte: (a, b) => Number(a) <= Number(b),
};

/**
 * Binary operators (R-EXPR-3..10). The left spine of a chain
 * (`((a op b) op c) op d`) is flattened and folded iteratively, so a long
 * operator chain never recurses. Operands of arithmetic and comparison
 * operators start together (R-EXPR-6); `and` / `or` operands run only when
 * the left side does not decide the result (R-EXPR-10).
 */
function compileBinary(e: Extract<Expr, { kind: "Binary" }>, ctx: Ctx): Ev {
  const ops: string[] = [];
  const rights: Expr[] = [];
  let cur: Expr = e;
  while (cur.kind === "Binary") {
    ops.push(cur.op);
    rights.push(cur.right);
    cur = cur.left;
  }
  ops.reverse();
  rights.reverse();
  const base = compileExpr(cur, ctx);
  const R = rights.map((r) => compileExpr(r, ctx));
  const n = ops.length;
  const logical = ops.map((op) => op === "and" || op === "or");
  const isAnd = ops.map((op) => op === "and");
  const fns = ops.map((op) => OPS[op] ?? null);
  const fold = (value: unknown, from: number, pre: unknown[] | null, s: Scope, c: Chain): unknown => {
    let v = value;
    for (let i = from; i < n; i++) {
      if (v instanceof Promise) return v.then((x) => fold(x, i, pre, s, c));
      if (v instanceof Signal) return v;
      if (logical[i]) {
        if (isAnd[i] ? !v : v) {
          v = !isAnd[i];
          continue;
        }
        const r = R[i]!(s, c);
        if (r instanceof Promise) {
          const next = i + 1;
          return r.then((x) => fold(x instanceof Signal ? x : Boolean(x), next, pre, s, c));
        }
        v = r instanceof Signal ? r : Boolean(r);
        continue;
      }
      const r = pre![i];
      const op = fns[i]!;
      if (r instanceof Promise) {
        const left = v;
        const next = i + 1;
        return r.then((x) => fold(x instanceof Signal ? x : op(left, x), next, pre, s, c));
      }
      v = r instanceof Signal ? r : op(v, r);
    }
    return v;
  };
  const eager = logical.some((l) => !l);
  /** The operands that start with the left one: those of arithmetic and comparison operators. */
  const concurrent = R.map((r, i) => (logical[i] ? null : r));
  return (s, c) => {
    let v: unknown;
    try {
      v = base(s, c);
    } catch (err) {
      if (eager) startOperands(err, concurrent, 0, s, c);
      throw err;
    }
    let pre: unknown[] | null = null;
    if (eager) {
      pre = new Array<unknown>(n);
      let i = 0;
      try {
        for (; i < n; i++) {
          if (logical[i]) continue;
          const r = R[i]!(s, c);
          if (r instanceof Promise) ignore(r);
          pre[i] = r;
        }
      } catch (err) {
        ignore(v);
        startOperands(err, concurrent, i + 1, s, c);
        throw err;
      }
    }
    return fold(v, 0, pre, s, c);
  };
}

function compileTernary(e: Extract<Expr, { kind: "Ternary" }>, ctx: Ctx): Ev {
  const cond = compileExpr(e.condition, { ...ctx, loc: null });
  const branchCtx: Ctx = { ...ctx, loc: null, safe: false };
  const yes = compileExpr(e.then, branchCtx);
  const no = compileExpr(e.else, branchCtx);
  const pick = (v: unknown, s: Scope, c: Chain): unknown => (v instanceof Signal ? v : v ? yes(s, c) : no(s, c));
  const ev: Ev = (s, c) => {
    const v = cond(s, c);
    return v instanceof Promise ? v.then((x) => pick(x, s, c)) : pick(v, s, c);
  };
  return located(ev, ctx.stmtLoc);
}

function compileArrayMap(e: Extract<Expr, { kind: "ArrayMap" }>, ctx: Ctx): Ev {
  const plan = ctx.compileArray(e, ctx);
  const source = compileExpr(e.source, ctx);
  const key = ctx.key;
  return (s, c) => {
    const src = source(s, c);
    const fields = key === null ? null : narrow(s.fields, key);
    if (src instanceof Promise) return src.then((v) => mapArray(plan, v, s, c, fields));
    return mapArray(plan, src, s, c, fields);
  };
}

function compileControl(e: Extract<Expr, { kind: "Control" }>, inCatch: boolean): Ev {
  const loc = inCatch ? undefined : toLoc(e.loc);
  const message = e.message ?? "";
  switch (e.control) {
    case "throw":
      return () => {
        throw locate(new Error(message), loc);
      };
    case "panic":
      return () => {
        throw new BridgePanicError(message, { loc });
      };
    default: {
      const sig = signal(e.control, e.level ?? 1);
      return () => sig;
    }
  }
}

/** Compiles any expression; `inCatch` drops control-clause locations (R-LOC-2). */
export function compileExpr(e: Expr, ctx: Ctx, inCatch = false): Ev {
  switch (e.kind) {
    case "Ref":
      return compileRef(e, ctx);
    case "Pipe":
      return compilePipe(e, ctx);
    case "Literal": {
      const v = e.value;
      if (v !== null && typeof v === "object") return () => cloneJson(v);
      return () => v;
    }
    case "Template":
      return compileTemplate(e, ctx);
    case "Binary":
      return compileBinary(e, ctx);
    case "Not": {
      const inner = compileExpr(e.operand, ctx);
      const not = (v: unknown): unknown => (v instanceof Signal ? v : !v);
      return (s, c) => {
        const v = inner(s, c);
        return v instanceof Promise ? v.then(not) : not(v);
      };
    }
    case "Ternary":
      return compileTernary(e, ctx);
    case "ArrayMap":
      return compileArrayMap(e, ctx);
    case "Control":
      return compileControl(e, inCatch);
    default:
      return fail(`Unsupported expression kind "${(e as { kind: string }).kind}"`);
  }
}

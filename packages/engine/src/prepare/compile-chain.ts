/**
 * Source chains (R-FALL-*) and overdefinition groups (R-OVER-*).
 *
 * A chain is its primary, then the `||` / `??` gates strictly left to right,
 * then `catch` for any non-fatal error that escapes. A group tries its wires
 * one after another in cost order (costs computed here, at prepare time) and
 * stops at the first non-nullish value. Both stay synchronous while their
 * parts are.
 */
import type { Expr, SourceChain } from "../ast/index.js";
import { isFatal } from "../errors.js";
import { Signal, type Chain, type Ev, type Scope } from "../execute/scope.js";
import { compileExpr, compileRef, type Ctx } from "./compile-expr.js";
import type { WireInfo } from "./scope-index.js";
import { lookup } from "./scope-index.js";

/** Compiles a chain: primary, gates, catch (R-FALL-1..6). */
export function compileChain(chain: SourceChain, ctx: Ctx): Ev {
  const head = compileExpr(chain.head, ctx);
  const alts = chain.fallbacks.map((f) => ({ nullish: f.gate === "??", ev: compileExpr(f.value, ctx) }));
  const handler = chain.catch;
  let catchEv: Ev | null = null;
  if (handler) {
    // a bare reference handler is not error-safe.
    catchEv =
      handler.value.kind === "Ref"
        ? compileRef(handler.value, { ...ctx, safe: false })
        : compileExpr(handler.value, ctx, true);
  }
  if (alts.length === 0 && catchEv === null) return head;
  const onError = (e: unknown, s: Scope, c: Chain): unknown => {
    if (catchEv === null || isFatal(e)) throw e;
    return catchEv(s, c);
  };
  const gates = (value: unknown, s: Scope, c: Chain, from: number): unknown => {
    let v = value;
    for (let k = from; k < alts.length; k++) {
      if (v instanceof Signal) return v;
      const a = alts[k]!;
      if (a.nullish ? v !== null && v !== undefined : v) continue;
      try {
        v = a.ev(s, c);
      } catch (e) {
        return onError(e, s, c);
      }
      if (v instanceof Promise) {
        const next = k + 1;
        return v.then(
          (x) => gates(x, s, c, next),
          (e: unknown) => onError(e, s, c),
        );
      }
    }
    return v;
  };
  return (s, c) => {
    let v: unknown;
    try {
      v = head(s, c);
    } catch (e) {
      return onError(e, s, c);
    }
    if (v instanceof Promise) {
      return v.then(
        (x) => gates(x, s, c, 0),
        (e: unknown) => onError(e, s, c),
      );
    }
    return gates(v, s, c, 0);
  };
}

const NONE = { none: true } as const;

/**
 * One overdefinition group: wires sorted by cost (stable), tried in order
 * until one yields a non-nullish value or a signal. `inputRule` selects the
 * tool/define-input behaviour of Q-27 (an error is forgotten after a later
 * nullish success).
 */
export function compileGroup(wires: readonly WireInfo[], inputRule: boolean): Ev {
  if (wires.length === 1) return wires[0]!.ev;
  const evs = wires
    .map((w, i) => ({ w, i }))
    .sort((a, b) => a.w.cost - b.w.cost || a.i - b.i)
    .map((x) => x.w.ev);
  const run = (s: Scope, c: Chain, from: number, lastErr: unknown, lastVal: unknown): unknown => {
    let err = lastErr;
    let val = lastVal;
    for (let k = from; k < evs.length; k++) {
      let v: unknown;
      try {
        v = evs[k]!(s, c);
      } catch (e) {
        if (isFatal(e)) throw e;
        err = e;
        continue;
      }
      if (v instanceof Promise) {
        const next = k + 1;
        const keptErr = err;
        return v.then(
          (x) => after(x, s, c, next, keptErr),
          (e: unknown) => {
            if (isFatal(e)) throw e;
            return run(s, c, next, e, undefined);
          },
        );
      }
      if (v !== null && v !== undefined) return v;
      if (inputRule) err = NONE;
      val = v;
    }
    if (err !== NONE) throw err;
    return val;
  };
  const after = (v: unknown, s: Scope, c: Chain, next: number, err: unknown): unknown => {
    if (v !== null && v !== undefined) return v;
    return run(s, c, next, inputRule ? NONE : err, v);
  };
  return (s, c) => run(s, c, 0, NONE, undefined);
}

/** The cost of an expression for overdefinition ordering (R-OVER-3). */
export function costOf(e: Expr, ctx: Ctx): number {
  switch (e.kind) {
    case "Ref": {
      const b = lookup(ctx.body, e.root);
      if (b === undefined) return 0;
      if (b.kind === "tool") return b.decl.def.cost;
      if (b.kind === "define") return 2;
      return 0;
    }
    // Stryker disable next-line ConditionalExpression: without this return a Pipe falls through to the ArrayMap case, which returns the same costOf(e.source)
    case "Pipe":
      return costOf(e.source, ctx);
    case "ArrayMap":
      return costOf(e.source, ctx);
    case "Not":
      return costOf(e.operand, ctx);
    case "Binary": {
      // Iterative over the left spine: long operator chains never recurse deeply.
      let m = 0;
      let cur: Expr = e;
      while (cur.kind === "Binary") {
        m = Math.max(m, costOf(cur.right, ctx));
        cur = cur.left;
      }
      return Math.max(m, costOf(cur, ctx));
    }
    case "Ternary":
      return Math.max(costOf(e.condition, ctx), costOf(e.then, ctx), costOf(e.else, ctx));
    case "Template": {
      let m = 0;
      for (const p of e.parts) if (p.kind === "Placeholder") m = Math.max(m, costOf(p.expr, ctx));
      return m;
    }
    default:
      return 0;
  }
}

/**
 * Array mapping at run time (R-ARR-*).
 *
 * Two paths share one contract. The fast path maps a body made only of plain
 * iterator reads, constants and nested fast mappings in one synchronous loop:
 * no scope object, no Promise. The general path creates one element scope
 * per element (pointing at the static body index; slots allocated only on
 * write), evaluates every selected field of every element, and awaits all
 * pending values with a single Promise.all over the whole array instead of
 * one per element. Signals are applied afterwards in element order, so a
 * `break` stops the whole array however long (Q-41 fix); every element is
 * still evaluated, as the reference does (R-ARR-7).
 */
import { isFatal } from "../errors.js";
import type { ArrayPlan, Group } from "../prepare/scope-index.js";
import { checkLimits, fastShape, mapFast } from "./arrays-fast.js";
import { ElementJoin, INTO, callElement, callsElement, callsOnly, directLoc, evaluateDirect, mapCalls, readDirectLater } from "./element-calls.js";
import { WAIT, readLane, readWaiting, resolveLane } from "./lanes.js";
import { assemble, selectGroups } from "./output.js";
import { Failed, Scope, Signal, ignore, signal, type Chain } from "./scope.js";

/** Maps `src` with `plan` in scope `s`; `fields` are the narrowed patterns of the body (R-FIELDS-3). */
export function mapArray(plan: ArrayPlan, src: unknown, s: Scope, c: Chain, fields: string[] | null): unknown {
  if (src === null || src === undefined) return null;
  if (!Array.isArray(src)) return [];
  const n = src.length;
  if (n === 0) return [];
  const depth = s.depth + 1;
  checkLimits(s, n, depth, plan.clauseLoc);
  if (plan.reads !== null) return mapFast(s, fastShape(plan, fields), src, depth, fields);
  const groups = selectGroups(plan.body.outputs, fields);
  if (callsOnly(groups, plan.body.spreads)) return mapCalls(s.run, groups, src);
  return mapGeneral(plan, groups, src, s, c, depth, fields);
}

/**
 * The general path: element scopes, one flat Promise.all for the whole
 * array. Fields that read an instance of their own element (`.a <- resp.a`)
 * share one `then` per element on that instance instead of one per field.
 */
function mapGeneral(
  plan: ArrayPlan,
  groups: readonly Group[],
  src: readonly unknown[],
  s: Scope,
  c: Chain,
  depth: number,
  fields: string[] | null,
): unknown {
  const body = plan.body;
  const spreads = body.spreads;
  const n = src.length;
  const G = groups.length;
  const W = G + spreads.length;
  const vals = new Array<unknown>(n * W);
  let pending: Promise<unknown>[] | null = null;
  let at: number[] | null = null;
  let join: ElementJoin | null = null;
  const run = s.run;
  // An ordinary failure thrown synchronously fails the mapping, but only after
  // every other field and element has started, as with async tools (R-EXEC-4):
  // a fatal error among them wins.
  let failure: Failed | null = null;
  for (let i = 0; i < n; i++) {
    const el = src[i];
    // Created on first use: an element whose fields only read its alias call needs none.
    let es: Scope | null = null;
    const base = i * W;
    // The instance the element's run of consecutive slot-read fields waits on.
    let wait: unknown = null;
    let open = false;
    // The value of the alias read only by direct lanes (evaluated once, no slot).
    let direct: unknown = WAIT;
    for (let j = 0; j < W; j++) {
      let v: unknown;
      try {
        const lane = j < G ? groups[j]!.lane : null;
        if (lane !== null) {
          if (!lane.direct) v = resolveLane((es ??= new Scope(run, s, body, el, depth, fields, null)), lane, c);
          else if (direct !== WAIT) v = direct;
          else if (wait === null && callsElement(lane)) {
            join ??= new ElementJoin(run, vals, W, groups, directLoc(lane));
            v = direct = callElement(join, lane, el, i);
          } else v = direct = evaluateDirect((es ??= new Scope(run, s, body, el, depth, fields, null)), lane, c);
          if (v === INTO) {
            // The element's call reports to `join`; its fields wait for it.
            if (wait === null) {
              wait = v;
              open = true;
              join!.count++;
            }
            vals[base + j] = WAIT;
            continue;
          }
          if (v instanceof Promise) {
            if (wait === null) {
              wait = v;
              open = true;
              (pending ??= []).push(readWaiting(vals, base, groups, v, lane.direct ? directLoc(lane) : null));
              (at ??= []).push(-1);
            }
            if (open && v === wait) {
              vals[base + j] = WAIT;
              continue;
            }
            v = lane.direct ? readDirectLater(lane, v) : v.then((x) => readLane(lane, x));
          } else v = readLane(lane, v);
        } else {
          es ??= new Scope(run, s, body, el, depth, fields, null);
          v = j < G ? groups[j]!.ev(es, c) : spreads[j - G]!.ev(es, c);
        }
      } catch (e) {
        if (isFatal(e)) abandon(pending, join, e);
        failure ??= new Failed(e);
        open = false;
        continue;
      }
      // Stryker disable next-line BooleanLiteral: a later field on the same instance marked WAIT is filled by readWaiting with its own lane, the same value and error as its own then
      open = false;
      if (v instanceof Promise) {
        (pending ??= []).push(v);
        (at ??= []).push(base + j);
      } else vals[base + j] = v;
    }
  }
  if (failure !== null) abandon(pending, join, failure.error);
  if (join !== null && join.count > 0) {
    // Stryker disable next-line ArrayDeclaration: the join's result is never stored (`at` -1), and an extra leading entry only moves it past the end of `at`
    (pending ??= []).push(join.wait());
    (at ??= []).push(-1);
  }
  if (pending === null) return finish(groups, spreads, vals, n, W);
  const idx = at!;
  return Promise.all(pending).then((res) => {
    for (let k = 0; k < res.length; k++) if (idx[k]! >= 0) vals[idx[k]!] = res[k];
    return finish(groups, spreads, vals, n, W);
  });
}

/** Gives up a mapping: its pending values and element calls are dropped, and `err` is thrown. */
function abandon(pending: Promise<unknown>[] | null, join: ElementJoin | null, err: unknown): never {
  if (pending !== null) for (const p of pending) ignore(p);
  join?.drop();
  throw err;
}

/** Applies signals in element order (R-ARR-13..16) and builds the element objects. */
function finish(groups: readonly Group[], spreads: readonly Group[], vals: unknown[], n: number, W: number): unknown {
  const G = groups.length;
  // Element objects are cloned from a template of their one-segment keys (no shape transitions).
  const tpl: Record<string, unknown> = {};
  let simple = W === G;
  for (const g of groups) {
    if (g.path.length === 1) tpl[g.path[0]!] = undefined;
    else simple = false;
  }
  // Two-field elements (the common `.a`/`.b` shape) get their own store sites.
  const k0 = simple && G === 2 ? groups[0]!.path[0]! : "";
  const k1 = simple && G === 2 ? groups[1]!.path[0]! : "";
  const out = new Array<unknown>(n);
  let m = 0;
  for (let i = 0; i < n; i++) {
    const base = i * W;
    let sig: Signal | null = null;
    for (let j = 0; j < G; j++) {
      const v = vals[base + j];
      if (v instanceof Signal) {
        sig = v;
        break;
      }
    }
    if (sig !== null) {
      if (sig.level > 1) return signal(sig.kind, sig.level - 1);
      if (sig.kind === "continue") continue;
      break;
    }
    if (simple) {
      const o: Record<string, unknown> = { ...tpl };
      if (G === 2) {
        o[k0] = vals[base];
        o[k1] = vals[base + 1];
      } else for (let j = 0; j < G; j++) o[groups[j]!.path[0]!] = vals[base + j];
      out[m++] = o;
    } else out[m++] = assemble(groups, vals, spreads, W > G ? vals : null, base, base + G);
  }
  if (m < n) out.length = m;
  return out;
}

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
import { locate, type Loc } from "../errors.js";
import { limitError } from "../limits.js";
import type { ArrayPlan, FastRead, Group } from "../prepare/scope-index.js";
import { assemble, narrow, selectGroups } from "./output.js";
import { cloneJson, setPath, step } from "./paths.js";
import { Scope, Signal, signal, type Chain } from "./scope.js";

/** Checks the array limits (D-4, R-ARR-12); returns the element depth. */
function checkLimits(s: Scope, n: number, depth: number, clauseLoc: Loc | undefined): void {
  const run = s.run;
  const limits = run.limits;
  if (n > limits.maxArrayLength) throw locate(limitError("maxArrayLength", limits.maxArrayLength), clauseLoc);
  if (depth > limits.maxDepth) throw locate(limitError("maxDepth", depth), clauseLoc);
  run.elements += n;
  if (run.elements > limits.maxOutputElements) {
    throw locate(limitError("maxOutputElements", limits.maxOutputElements), clauseLoc);
  }
}

/** Maps `src` with `plan` in scope `s`; `fields` are the narrowed patterns of the body (R-FIELDS-3). */
export function mapArray(plan: ArrayPlan, src: unknown, s: Scope, c: Chain, fields: string[] | null): unknown {
  if (src === null || src === undefined) return null;
  if (!Array.isArray(src)) return [];
  const n = src.length;
  if (n === 0) return [];
  const depth = s.depth + 1;
  checkLimits(s, n, depth, plan.clauseLoc);
  const groups = selectGroups(plan.body.outputs, fields);
  if (plan.reads !== null) {
    const reads = groups === plan.body.outputs ? plan.reads : groups.map((g) => plan.reads![g.index]!);
    return mapFast(s, groups, reads, src, depth, fields);
  }
  return mapGeneral(plan, groups, src, s, c, depth, fields);
}

function readFast(el: unknown, r: FastRead): unknown {
  const segs = r.segs;
  if (segs.length === 0) return typeof el === "function" ? undefined : el;
  let v = el;
  try {
    for (let k = 0; k < segs.length; k++) {
      const seg = segs[k]!;
      if (v !== null && typeof v === "object" && !seg.unsafe) {
        v = (v as Record<string | number, unknown>)[seg.key];
        if (typeof v === "function") v = undefined;
      } else v = step(v, seg);
    }
  } catch (e) {
    throw locate(e, r.loc);
  }
  return v;
}

/**
 * The synchronous loop: one object per element, no scope, no Promise. Each
 * element object is cloned from a template holding the field keys, so the
 * writes below store existing properties (no hidden-class transitions).
 */
function mapFast(
  s: Scope,
  groups: readonly Group[],
  reads: readonly FastRead[],
  src: readonly unknown[],
  depth: number,
  fields: string[] | null,
): unknown[] {
  const n = src.length;
  const G = groups.length;
  const keys: (string | null)[] = new Array<string | null>(G);
  const tpl: Record<string, unknown> = {};
  let nestedFields: (string[] | null)[] | null = null;
  for (let j = 0; j < G; j++) {
    const g = groups[j]!;
    const key = g.path.length === 1 ? g.path[0]! : null;
    keys[j] = key;
    if (key !== null) tpl[key] = undefined;
    if (reads[j]!.kind === "array" && fields !== null) (nestedFields ??= [])[j] = narrow(fields, g.key);
  }
  if ((G === 2 || G === 3) && n > 1 && nestedFields === null) {
    const flat = mapFlat(s, groups, reads, src, depth, tpl);
    if (flat !== null) return flat;
  }
  const out = new Array<unknown>(n);
  for (let i = 0; i < n; i++) {
    const el = src[i];
    const o: Record<string, unknown> = { ...tpl };
    for (let j = 0; j < G; j++) {
      const r = reads[j]!;
      let v: unknown;
      if (r.kind === "read") {
        const single = r.single;
        if (single !== null && el !== null && typeof el === "object") {
          v = (el as Record<string | number, unknown>)[single];
          if (typeof v === "function") v = undefined;
        } else v = readFast(el, r);
      } else if (r.kind === "const") v = cloneJson(r.value);
      else v = mapNestedFast(s, r, readFast(el, r), depth, nestedFields ? (nestedFields[j] ?? null) : null);
      const key = keys[j];
      if (key !== null && key !== undefined) o[key] = v;
      else setPath(o, groups[j]!.path, v);
    }
    out[i] = o;
  }
  return out;
}

/**
 * Two or three plain one-segment reads (`.a <- it.x`, the common case),
 * unrolled so each read and write has its own property-access site. An
 * element that is not an object takes the general loop (same errors).
 */
function mapFlat(
  s: Scope,
  groups: readonly Group[],
  reads: readonly FastRead[],
  src: readonly unknown[],
  depth: number,
  tpl: Record<string, unknown>,
): unknown[] | null {
  const G = groups.length;
  for (let j = 0; j < G; j++) {
    if (reads[j]!.kind !== "read" || reads[j]!.single === null || groups[j]!.path.length !== 1) return null;
  }
  const k0 = groups[0]!.path[0]!;
  const k1 = groups[1]!.path[0]!;
  const s0 = reads[0]!.single!;
  const s1 = reads[1]!.single!;
  const n = src.length;
  const out = new Array<unknown>(n);
  const slow = (el: unknown): unknown => mapFast(s, groups, reads, [el], depth, null)[0];
  if (G === 2) {
    for (let i = 0; i < n; i++) {
      const el = src[i] as Record<string | number, unknown>;
      if (el === null || typeof el !== "object") {
        out[i] = slow(el);
        continue;
      }
      const a = el[s0];
      const b = el[s1];
      const o: Record<string, unknown> = { ...tpl };
      o[k0] = typeof a === "function" ? undefined : a;
      o[k1] = typeof b === "function" ? undefined : b;
      out[i] = o;
    }
    return out;
  }
  const k2 = groups[2]!.path[0]!;
  const s2 = reads[2]!.single!;
  for (let i = 0; i < n; i++) {
    const el = src[i] as Record<string | number, unknown>;
    if (el === null || typeof el !== "object") {
      out[i] = slow(el);
      continue;
    }
    const a = el[s0];
    const b = el[s1];
    const c = el[s2];
    const o: Record<string, unknown> = { ...tpl };
    o[k0] = typeof a === "function" ? undefined : a;
    o[k1] = typeof b === "function" ? undefined : b;
    o[k2] = typeof c === "function" ? undefined : c;
    out[i] = o;
  }
  return out;
}

function mapNestedFast(s: Scope, r: FastRead, src: unknown, depth: number, fields: string[] | null): unknown {
  if (src === null || src === undefined) return null;
  if (!Array.isArray(src)) return [];
  if (src.length === 0) return [];
  const plan = r.plan!;
  checkLimits(s, src.length, depth + 1, plan.clauseLoc);
  const groups = selectGroups(plan.body.outputs, fields);
  const reads = groups === plan.body.outputs ? plan.reads! : groups.map((g) => plan.reads![g.index]!);
  return mapFast(s, groups, reads, src, depth + 1, fields);
}

/** The general path: element scopes, one flat Promise.all for the whole array. */
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
  const run = s.run;
  for (let i = 0; i < n; i++) {
    const es = new Scope(run, s, body, src[i], depth, fields, null);
    const base = i * W;
    for (let j = 0; j < W; j++) {
      let v: unknown;
      try {
        v = j < G ? groups[j]!.ev(es, c) : spreads[j - G]!.ev(es, c);
      } catch (e) {
        if (pending !== null) for (const p of pending) p.then(undefined, () => undefined);
        throw e;
      }
      if (v instanceof Promise) {
        (pending ??= []).push(v);
        (at ??= []).push(base + j);
      } else vals[base + j] = v;
    }
  }
  if (pending === null) return finish(groups, spreads, vals, n, W);
  const idx = at!;
  return Promise.all(pending).then((res) => {
    for (let k = 0; k < res.length; k++) vals[idx[k]!] = res[k];
    return finish(groups, spreads, vals, n, W);
  });
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
  const out: unknown[] = [];
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
      out.push(o);
    } else out.push(assemble(groups, vals, spreads, W > G ? vals : null, base, base + G));
  }
  return out;
}

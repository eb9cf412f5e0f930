/**
 * Reading and writing paths on plain values.
 *
 * Reads follow strict traversal (R-PATH-3) with segment-local safety
 * (R-SAFE-1), refuse unsafe segments (R-SEC-1) and never surface functions or
 * built-in prototype members (D-1: a function value reads as `undefined`; the
 * only non-function members every object inherits are unsafe keys, so the
 * function check is the whole rule on the hot path).
 * Writes copy every intermediate object they descend into, so inputs, tool
 * results and constants are never mutated, and copies skip the unsafe keys
 * (D-2, R-SEC-2).
 */

/** One compiled path step. `unsafe` is precomputed (R-SEC-1). */
export interface Seg {
  key: string | number;
  safe: boolean;
  unsafe: boolean;
}

export function isUnsafeKey(key: string | number): boolean {
  return key === "__proto__" || key === "constructor" || key === "prototype";
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

/** Reads one segment from `v` (R-PATH-3 steps 1-4). Throws plain errors; callers locate them. */
export function step(v: unknown, seg: Seg): unknown {
  if (seg.unsafe) throw new Error(`Unsafe property traversal: ${seg.key}`);
  if (v !== null && typeof v === "object") {
    const r = (v as Record<string | number, unknown>)[seg.key];
    return typeof r === "function" ? undefined : r;
  }
  if (v === undefined || v === null || typeof v === "function") {
    if (seg.safe) return undefined;
    throw new TypeError(`Cannot read properties of ${v == null ? String(v) : "undefined"} (reading '${seg.key}')`);
  }
  const boxed = Object(v) as Record<string | number, unknown>;
  if (seg.key in boxed) {
    const r = boxed[seg.key];
    return typeof r === "function" ? undefined : r;
  }
  if (seg.safe) return undefined;
  throw new TypeError(`Cannot read properties of ${String(v)} (reading '${seg.key}')`);
}

/** Reads `segs[from..]` from `v`. */
export function readPath(v: unknown, segs: readonly Seg[], from = 0): unknown {
  let cur = v;
  for (let k = from; k < segs.length; k++) cur = step(cur, segs[k]!);
  return cur;
}

/** Copies own enumerable properties of `src` into `dst`, skipping unsafe keys (D-2) and functions (D-1). */
export function copyOwn(dst: Record<string, unknown>, src: Record<string, unknown>): void {
  const keys = Object.keys(src);
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k]!;
    if (key === "__proto__" || key === "constructor" || key === "prototype") continue;
    const v = src[key];
    if (typeof v !== "function") dst[key] = v;
  }
}

/** A fresh plain copy of `v` if it is a plain object, else a fresh `{}` (R-EXEC-10 intermediates). */
function freshIntermediate(v: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (isPlainObject(v)) copyOwn(out, v);
  return out;
}

/**
 * Sets `path` in `root` to `value` (R-EXEC-10, R-OUT-1). Intermediates are
 * copied (or created / replaced by `{}` when not plain objects), so values
 * written earlier by reference are never mutated. Unsafe keys are refused at
 * prepare time (see compile-body.ts), never reach here.
 */
export function setPath(root: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let cur = root;
  const last = path.length - 1;
  for (let k = 0; k < last; k++) {
    const key = path[k]!;
    const next = freshIntermediate(cur[key]);
    cur[key] = next;
    cur = next;
  }
  cur[path[last]!] = value;
}

/** Returns the (copied) object at `path` in `root`, creating it as needed; `[]` is `root`. */
export function objectAt(root: Record<string, unknown>, path: readonly string[]): Record<string, unknown> {
  let cur = root;
  for (let k = 0; k < path.length; k++) {
    const key = path[k]!;
    const next = freshIntermediate(cur[key]);
    cur[key] = next;
    cur = next;
  }
  return cur;
}

/** A deep copy of a JSON value (R-CONST-5: each const read is a fresh value). */
export function cloneJson(v: unknown): unknown {
  if (v === null || typeof v !== "object") return v;
  return JSON.parse(JSON.stringify(v)) as unknown;
}

/**
 * The synchronous array path (R-ARR-3): a body made only of plain iterator
 * reads, constants and nested fast mappings is mapped in one loop, with no
 * scope object and no Promise.
 *
 * Element objects are cloned from a template holding the field keys, so the
 * writes store existing properties (no hidden-class transitions). The
 * template, the keys and the choice of loop depend only on the selected
 * groups, so for an unnarrowed body they are built once per plan.
 */
import { locate, type Loc } from "../errors.js";
import { limitError } from "../limits.js";
import type { ArrayPlan, FastRead, Group } from "../prepare/scope-index.js";
import { narrow, selectGroups } from "./output.js";
import { SITES, mapFlat } from "./arrays-flat.js";
import { cloneJson, setPath, step } from "./paths.js";
import type { Scope } from "./scope.js";

/** What the loop needs to know about the selected groups of a fast body. */
export interface FastShape {
  groups: readonly Group[];
  reads: readonly FastRead[];
  /** One-segment target key per group, null for deeper paths. */
  keys: (string | null)[];
  tpl: Record<string, unknown>;
  /** Two or three one-segment reads of one-segment keys: the unrolled loops apply. */
  flat: boolean;
  /** Some field is a nested mapping. */
  nested: boolean;
  /** Which copy of the unrolled loops this shape uses (arrays-flat.ts): one per distinct shape, in turn. */
  site: number;
}

/** Copy of the unrolled loops per element shape (keys and read keys), so plans of one shape share a copy. */
const sites = new Map<string, number>();
let nextSite = 0;

function siteOf(keys: readonly (string | null)[], reads: readonly FastRead[]): number {
  let sig = keys.join("\u0000");
  for (const r of reads) sig += `\u0001${String(r.single)}`;
  let site = sites.get(sig);
  if (site === undefined) {
    // Bounded: documents built on the fly must not grow it without end.
    if (sites.size >= 1024) sites.clear();
    sites.set(sig, (site = nextSite++ % SITES));
  }
  return site;
}

/** Checks the array limits (D-4, R-ARR-12). */
export function checkLimits(s: Scope, n: number, depth: number, clauseLoc: Loc | undefined): void {
  const run = s.run;
  const limits = run.limits;
  if (n > limits.maxArrayLength) throw locate(limitError("maxArrayLength", limits.maxArrayLength), clauseLoc);
  if (depth > limits.maxDepth) throw locate(limitError("maxDepth", depth), clauseLoc);
  run.elements += n;
  if (run.elements > limits.maxOutputElements) {
    throw locate(limitError("maxOutputElements", limits.maxOutputElements), clauseLoc);
  }
}

/** The loop shape of `groups` with their fast `reads`. */
export function buildShape(groups: readonly Group[], reads: readonly FastRead[]): FastShape {
  const G = groups.length;
  const keys: (string | null)[] = new Array<string | null>(G);
  const tpl: Record<string, unknown> = {};
  let flat = G === 2 || G === 3;
  let nested = false;
  for (let j = 0; j < G; j++) {
    const g = groups[j]!;
    const r = reads[j]!;
    const key = g.path.length === 1 ? g.path[0]! : null;
    keys[j] = key;
    if (key !== null) tpl[key] = undefined;
    if (r.kind === "array") nested = true;
    if (key === null || r.kind !== "read" || r.single === null) flat = false;
  }
  const site = flat ? siteOf(keys, reads) : 0;
  return { groups, reads, keys, tpl, flat, nested, site };
}

/** The shape of a fast plan for the groups selected by `fields`. */
export function fastShape(plan: ArrayPlan, fields: string[] | null): FastShape {
  const all = plan.body.outputs;
  const groups = selectGroups(all, fields);
  if (groups === all && plan.shape !== null) return plan.shape;
  return buildShape(
    groups,
    groups.map((g) => plan.reads![g.index]!),
  );
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

/** Maps `src` (an array of length > 0, limits checked) on the fast path. */
export function mapFast(s: Scope, shape: FastShape, src: readonly unknown[], depth: number, fields: string[] | null): unknown[] {
  if (shape.flat && src.length > 1) return mapFlat(s, shape, src, depth);
  return mapLoop(s, shape, src, depth, fields);
}

/** Maps one element with the general fast loop (an element of an unrolled loop that is not an object: same errors). */
export function mapOne(s: Scope, shape: FastShape, el: unknown, depth: number): unknown {
  return mapLoop(s, shape, [el], depth, null)[0];
}

/** The general fast loop: any mix of reads, constants, nested mappings and deep keys. */
function mapLoop(s: Scope, shape: FastShape, src: readonly unknown[], depth: number, fields: string[] | null): unknown[] {
  const { groups, reads, keys, tpl } = shape;
  const n = src.length;
  const G = groups.length;
  let nestedFields: (string[] | null)[] | null = null;
  // Stryker disable next-line LogicalOperator: without a nested mapping no entry is ever read, and with fields null narrow(null, k) is null, the same as no narrowing
  if (shape.nested && fields !== null) {
    // Stryker disable next-line ArrayDeclaration: an entry is written for every nested-mapping field before the loop and only those entries are read, so initial contents are never seen
    nestedFields = [];
    for (let j = 0; j < G; j++) if (reads[j]!.kind === "array") nestedFields[j] = narrow(fields, groups[j]!.key);
  }
  const out = new Array<unknown>(n);
  for (let i = 0; i < n; i++) {
    const el = src[i];
    const o: Record<string, unknown> = { ...tpl };
    for (let j = 0; j < G; j++) {
      const r = reads[j]!;
      let v: unknown;
      if (r.kind === "const") v = cloneJson(r.value);
      else {
        const single = r.single;
        if (single !== null && el !== null && typeof el === "object") {
          v = (el as Record<string | number, unknown>)[single];
          if (typeof v === "function") v = undefined;
        } else v = readFast(el, r);
        if (r.kind === "array") v = mapNested(s, r, v, depth, nestedFields === null ? null : (nestedFields[j] ?? null));
      }
      const key = keys[j];
      if (key !== null && key !== undefined) o[key] = v;
      else setPath(o, groups[j]!.path, v);
    }
    out[i] = o;
  }
  return out;
}

function mapNested(s: Scope, r: FastRead, src: unknown, depth: number, fields: string[] | null): unknown {
  if (src === null || src === undefined) return null;
  if (!Array.isArray(src)) return [];
  if (src.length === 0) return [];
  const plan = r.plan!;
  checkLimits(s, src.length, depth + 1, plan.clauseLoc);
  return mapFast(s, fastShape(plan, fields), src, depth + 1, fields);
}

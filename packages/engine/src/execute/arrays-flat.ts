/**
 * Unrolled loops of the fast array path for two and three plain one-segment
 * reads (`.a <- it.x`), each read and write with its own property-access
 * site. Their sites learn the hidden classes and keys they see; a site shared
 * by many element shapes goes megamorphic and costs about twice as much. So
 * there are four identical copies of each loop, and each distinct shape
 * (keys and read keys) is given one in turn at prepare (FastShape.site): up to
 * four shapes per copy. An element that is not an object takes the general loop.
 */
import { mapOne, type FastShape } from "./arrays-fast.js";
import type { Scope } from "./scope.js";

function flat2A(s: Scope, shape: FastShape, src: readonly unknown[], depth: number): unknown[] {
  const { keys, reads, tpl } = shape;
  const k0 = keys[0]!;
  const k1 = keys[1]!;
  const s0 = reads[0]!.single!;
  const s1 = reads[1]!.single!;
  const n = src.length;
  // Stryker disable next-line ArrayDeclaration: every index 0..n-1 is assigned in order below, so a preallocated and a growing array end up equal
  const out = new Array<unknown>(n);
  for (let i = 0; i < n; i++) {
    const el = src[i] as Record<string | number, unknown>;
    // Stryker disable next-line StringLiteral: an always-true test sends objects to mapOne too, which maps an object element exactly as this loop does
    if (el === null || typeof el !== "object") {
      out[i] = mapOne(s, shape, el, depth);
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

function flat2B(s: Scope, shape: FastShape, src: readonly unknown[], depth: number): unknown[] {
  const { keys, reads, tpl } = shape;
  const k0 = keys[0]!;
  const k1 = keys[1]!;
  const s0 = reads[0]!.single!;
  const s1 = reads[1]!.single!;
  const n = src.length;
  // Stryker disable next-line ArrayDeclaration: every index 0..n-1 is assigned in order below, so a preallocated and a growing array end up equal
  const out = new Array<unknown>(n);
  for (let i = 0; i < n; i++) {
    const el = src[i] as Record<string | number, unknown>;
    // Stryker disable next-line StringLiteral: an always-true test sends objects to mapOne too, which maps an object element exactly as this loop does
    if (el === null || typeof el !== "object") {
      out[i] = mapOne(s, shape, el, depth);
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

function flat2C(s: Scope, shape: FastShape, src: readonly unknown[], depth: number): unknown[] {
  const { keys, reads, tpl } = shape;
  const k0 = keys[0]!;
  const k1 = keys[1]!;
  const s0 = reads[0]!.single!;
  const s1 = reads[1]!.single!;
  const n = src.length;
  // Stryker disable next-line ArrayDeclaration: every index 0..n-1 is assigned in order below, so a preallocated and a growing array end up equal
  const out = new Array<unknown>(n);
  for (let i = 0; i < n; i++) {
    const el = src[i] as Record<string | number, unknown>;
    // Stryker disable next-line StringLiteral: an always-true test sends objects to mapOne too, which maps an object element exactly as this loop does
    if (el === null || typeof el !== "object") {
      out[i] = mapOne(s, shape, el, depth);
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

function flat2D(s: Scope, shape: FastShape, src: readonly unknown[], depth: number): unknown[] {
  const { keys, reads, tpl } = shape;
  const k0 = keys[0]!;
  const k1 = keys[1]!;
  const s0 = reads[0]!.single!;
  const s1 = reads[1]!.single!;
  const n = src.length;
  // Stryker disable next-line ArrayDeclaration: every index 0..n-1 is assigned in order below, so a preallocated and a growing array end up equal
  const out = new Array<unknown>(n);
  for (let i = 0; i < n; i++) {
    const el = src[i] as Record<string | number, unknown>;
    // Stryker disable next-line StringLiteral: an always-true test sends objects to mapOne too, which maps an object element exactly as this loop does
    if (el === null || typeof el !== "object") {
      out[i] = mapOne(s, shape, el, depth);
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

function flat3A(s: Scope, shape: FastShape, src: readonly unknown[], depth: number): unknown[] {
  const { keys, reads, tpl } = shape;
  const k0 = keys[0]!;
  const k1 = keys[1]!;
  const k2 = keys[2]!;
  const s0 = reads[0]!.single!;
  const s1 = reads[1]!.single!;
  const s2 = reads[2]!.single!;
  const n = src.length;
  // Stryker disable next-line ArrayDeclaration: every index 0..n-1 is assigned in order below, so a preallocated and a growing array end up equal
  const out = new Array<unknown>(n);
  for (let i = 0; i < n; i++) {
    const el = src[i] as Record<string | number, unknown>;
    // Stryker disable next-line StringLiteral: an always-true test sends objects to mapOne too, which maps an object element exactly as this loop does
    if (el === null || typeof el !== "object") {
      out[i] = mapOne(s, shape, el, depth);
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

function flat3B(s: Scope, shape: FastShape, src: readonly unknown[], depth: number): unknown[] {
  const { keys, reads, tpl } = shape;
  const k0 = keys[0]!;
  const k1 = keys[1]!;
  const k2 = keys[2]!;
  const s0 = reads[0]!.single!;
  const s1 = reads[1]!.single!;
  const s2 = reads[2]!.single!;
  const n = src.length;
  // Stryker disable next-line ArrayDeclaration: every index 0..n-1 is assigned in order below, so a preallocated and a growing array end up equal
  const out = new Array<unknown>(n);
  for (let i = 0; i < n; i++) {
    const el = src[i] as Record<string | number, unknown>;
    // Stryker disable next-line StringLiteral: an always-true test sends objects to mapOne too, which maps an object element exactly as this loop does
    if (el === null || typeof el !== "object") {
      out[i] = mapOne(s, shape, el, depth);
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

function flat3C(s: Scope, shape: FastShape, src: readonly unknown[], depth: number): unknown[] {
  const { keys, reads, tpl } = shape;
  const k0 = keys[0]!;
  const k1 = keys[1]!;
  const k2 = keys[2]!;
  const s0 = reads[0]!.single!;
  const s1 = reads[1]!.single!;
  const s2 = reads[2]!.single!;
  const n = src.length;
  // Stryker disable next-line ArrayDeclaration: every index 0..n-1 is assigned in order below, so a preallocated and a growing array end up equal
  const out = new Array<unknown>(n);
  for (let i = 0; i < n; i++) {
    const el = src[i] as Record<string | number, unknown>;
    // Stryker disable next-line StringLiteral: an always-true test sends objects to mapOne too, which maps an object element exactly as this loop does
    if (el === null || typeof el !== "object") {
      out[i] = mapOne(s, shape, el, depth);
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

function flat3D(s: Scope, shape: FastShape, src: readonly unknown[], depth: number): unknown[] {
  const { keys, reads, tpl } = shape;
  const k0 = keys[0]!;
  const k1 = keys[1]!;
  const k2 = keys[2]!;
  const s0 = reads[0]!.single!;
  const s1 = reads[1]!.single!;
  const s2 = reads[2]!.single!;
  const n = src.length;
  // Stryker disable next-line ArrayDeclaration: every index 0..n-1 is assigned in order below, so a preallocated and a growing array end up equal
  const out = new Array<unknown>(n);
  for (let i = 0; i < n; i++) {
    const el = src[i] as Record<string | number, unknown>;
    // Stryker disable next-line StringLiteral: an always-true test sends objects to mapOne too, which maps an object element exactly as this loop does
    if (el === null || typeof el !== "object") {
      out[i] = mapOne(s, shape, el, depth);
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

/** The copies of each loop, by site. */
const FLAT2 = [flat2A, flat2B, flat2C, flat2D] as const;
const FLAT3 = [flat3A, flat3B, flat3C, flat3D] as const;

/** Number of copies; FastShape.site is below it. */
export const SITES = 4;

/** Maps `src` (length > 1) with the unrolled loop of the shape's site. */
export function mapFlat(s: Scope, shape: FastShape, src: readonly unknown[], depth: number): unknown[] {
  return (shape.groups.length === 2 ? FLAT2 : FLAT3)[shape.site]!(s, shape, src, depth);
}

/**
 * Turns fixture expectations into comparable values: the strings "$undefined",
 * "$NaN", "$Infinity" and "$-Infinity" stand for values JSON cannot write
 * (a "$undefined" key is present with value `undefined`), and snapshots of
 * caller objects detect mutation by the engine.
 */

export const UNDEFINED_MARKER = "$undefined";

const MARKERS: Record<string, number | undefined> = {
  [UNDEFINED_MARKER]: undefined,
  $NaN: Number.NaN,
  $Infinity: Number.POSITIVE_INFINITY,
  "$-Infinity": Number.NEGATIVE_INFINITY,
};

/** Replaces every marker string (at any depth, also the whole value) with its value. */
export function reviveExpected(value: unknown): unknown {
  if (typeof value === "string" && Object.hasOwn(MARKERS, value)) return MARKERS[value];
  if (Array.isArray(value)) return value.map(reviveExpected);
  if (typeof value === "object" && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) out[key] = reviveExpected(v);
    return out;
  }
  return value;
}

/** A deep copy of fixture input/context (plain JSON) used to prove the engine never mutates them. */
export function snapshot<T>(value: T): T {
  return value === undefined ? value : structuredClone(value);
}

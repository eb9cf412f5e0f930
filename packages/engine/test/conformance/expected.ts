/**
 * Turns fixture expectations into comparable values: the string "$undefined"
 * stands for a key that is present with value `undefined` (JSON cannot say
 * that), and snapshots of caller objects detect mutation by the engine.
 */

export const UNDEFINED_MARKER = "$undefined";

/** Replaces every "$undefined" string (at any depth, also the whole value) with `undefined`. */
export function reviveExpected(value: unknown): unknown {
  if (value === UNDEFINED_MARKER) return undefined;
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

/**
 * Run counts of the parser's property tests. The sizes in the tests are the
 * CI sizes; `BRIDGE_PROP_SCALE` multiplies them as in the engine's property
 * tests (10 for the nightly run, 0.1 for mutation runs). Anything that is
 * not a positive number means 1.
 */
const requested = Number(process.env["BRIDGE_PROP_SCALE"]);

export const PROP_SCALE = requested > 0 ? requested : 1;

/** `n` runs at the CI size, scaled (at least one run). */
export function runs(n: number): number {
  return Math.max(1, Math.round(n * PROP_SCALE));
}

/** A test timeout of `ms` at the CI size, grown with the scale (never shrunk below `ms`). */
export function timeoutFor(ms: number): number {
  return Math.round(ms * Math.max(1, PROP_SCALE));
}

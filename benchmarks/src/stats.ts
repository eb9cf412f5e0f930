// Small statistics used by the suite and the gate: median, percentiles and a
// seeded bootstrap confidence interval of the median.

export function sorted(xs: readonly number[]): number[] {
  return [...xs].sort((a, b) => a - b);
}

/** Linear-interpolated quantile, q in [0, 1]. */
export function quantile(xs: readonly number[], q: number): number {
  if (xs.length === 0) return NaN;
  const s = sorted(xs);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo]! + (s[hi]! - s[lo]!) * (pos - lo);
}

export function median(xs: readonly number[]): number {
  return quantile(xs, 0.5);
}

export function mean(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

/** Mulberry32: a tiny seeded PRNG, so the gate's verdicts are reproducible for given data. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Percentile bootstrap CI of the median: resample the values with replacement
 * `resamples` times, take each resample's median, return the (1-level)/2 and
 * (1+level)/2 quantiles of those medians.
 */
export function bootstrapMedianCI(
  xs: readonly number[],
  level = 0.95,
  resamples = 4000,
  seed = 12345,
): [number, number] {
  if (xs.length === 0) return [NaN, NaN];
  const next = rng(seed);
  const meds = new Float64Array(resamples);
  const buf = new Array<number>(xs.length);
  for (let r = 0; r < resamples; r++) {
    for (let i = 0; i < xs.length; i++) buf[i] = xs[Math.floor(next() * xs.length)]!;
    meds[r] = median(buf);
  }
  const list = Array.from(meds);
  return [quantile(list, (1 - level) / 2), quantile(list, (1 + level) / 2)];
}

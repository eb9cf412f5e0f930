// The public reference implementation's cost relative to hand-written code
// (shared/spec/benchmarks.md), and our target per row.
//
// Target: at or below the reference AOT compiler's cost (the engine-speed
// issue's bar for the prepared path on every exec row).

export interface ReferenceFigures {
  interpreter: number;
  compiler: number;
  target: number;
}

const RAW: Record<string, [number, number]> = {
  passthrough: [29.6, 15.2],
  "short-circuit": [32.1, 16.7],
  "simple-chain": [31.7, 10.6],
  "chained-3": [35.5, 7.48],
  "flat-10": [11.9, 3.64],
  "flat-100": [6.13, 1.67],
  "flat-1000": [4.59, 1.19],
  "nested-5x5": [8.66, 1.72],
  "nested-10x10": [5.68, 1.24],
  "nested-20x10": [5.21, 1.13],
  "tool-per-element-10": [18.8, 2.03],
  "tool-per-element-100": [27.2, 1.35],
  "sync-tool-per-element-10": [31.7, 4.44],
  "sync-tool-per-element-100": [47.1, 3.11],
};

export function referenceFor(id: string): ReferenceFigures | undefined {
  const r = RAW[id];
  if (!r) return undefined;
  const [interpreter, compiler] = r;
  return { interpreter, compiler, target: compiler };
}

/** The reference parser's time per parse on the reference machines, in µs. */
export const REFERENCE_PARSE_US: Record<string, number> = {
  "parse-simple": 30,
  "parse-large": 1200,
};

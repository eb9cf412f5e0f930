// Shape of a hand-written operation: the mapping a developer would write in
// plain JavaScript instead of a bridge, calling the same tools.
import type { BenchTools } from "../scenarios/types.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Input = Record<string, any>;
export type HandwrittenOp = (input: Input, tools: BenchTools) => Promise<unknown>;

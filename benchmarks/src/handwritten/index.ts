// The hand-written "engine": dispatches on the operation name to the plain
// JavaScript mapping of each scenario. It is the practical floor of cost and
// the denominator of every exec row's ratio. No parse, no document.
import { arrayOps } from "./arrays.js";
import { basicOps } from "./basic.js";
import { enrichedOps } from "./enriched.js";
import type { HandwrittenOp, Input } from "./types.js";
import type { BenchTools } from "../scenarios/types.js";

const ops: Record<string, HandwrittenOp> = { ...basicOps, ...arrayOps, ...enrichedOps };

export async function executeHandwritten(options: {
  operation: string;
  input?: Input;
  tools?: BenchTools;
}): Promise<{ data: unknown }> {
  const op = ops[options.operation];
  if (!op) throw new Error(`handwritten: no mapping for ${options.operation}`);
  return { data: await op(options.input ?? {}, options.tools ?? {}) };
}

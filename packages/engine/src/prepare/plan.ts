/**
 * Array execution plans (R-ARR-*): decides once, at prepare time, whether a
 * mapping body can run on the synchronous fast path — every element field a
 * single plain read of the iterator, a constant, or a nested fast mapping,
 * with no loop-scoped handles, aliases or spreads — and records the reads
 * in field order so the runtime loop needs no lookups.
 */
import type { Loc } from "../errors.js";
import { buildShape } from "../execute/arrays-fast.js";
import { isUnsafeKey } from "../execute/paths.js";
import type { ArrayPlan, BodyIndex, FastRead } from "./scope-index.js";

export function buildPlan(body: BodyIndex, clauseLoc: Loc | undefined): ArrayPlan {
  let reads: FastRead[] | null = null;
  if (body.nslots === 0 && body.spreads.length === 0) {
    reads = [];
    for (const g of body.outputs) {
      const w = g.wires.length === 1 ? g.wires[0]! : null;
      if (w === null || w.plain === null || g.path.length === 0 || g.path.some(isUnsafeKey)) {
        reads = null;
        break;
      }
      reads.push(w.plain);
    }
  }
  return { body, reads, clauseLoc, shape: reads === null ? null : buildShape(body.outputs, reads) };
}

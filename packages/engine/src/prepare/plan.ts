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
  if (reads === null) markDirectLanes(body);
  return { body, reads, clauseLoc, shape: reads === null ? null : buildShape(body.outputs, reads) };
}

/**
 * Marks element lanes whose alias nothing else reads: every compiled read of
 * the alias is one of these lanes, they are consecutive element fields, and
 * the alias reads no other alias first. The element then evaluates the alias
 * once for them, without its slot (execute/arrays.ts).
 */
function markDirectLanes(body: BodyIndex): void {
  const outputs = body.outputs;
  for (const bind of body.names.values()) {
    if (bind.kind !== "alias" || bind.body !== body || bind.decl.dep !== null) continue;
    const decl = bind.decl;
    let first = -1;
    let count = 0;
    for (let j = 0; j < outputs.length; j++) {
      if (outputs[j]!.lane?.decl !== decl) continue;
      if (first < 0) first = j;
      count++;
    }
    if (count === 0 || count !== decl.refs) continue;
    let run = true;
    for (let j = first; j < first + count; j++) if (outputs[j]!.lane?.decl !== decl) run = false;
    if (run) for (let j = first; j < first + count; j++) outputs[j]!.lane!.direct = true;
  }
}

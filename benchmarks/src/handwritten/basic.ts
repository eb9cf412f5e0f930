// Hand-written versions of the scalar rows. A tool gets one input object
// built from its wires, as the bridge would pass it.
import type { HandwrittenOp } from "./types.js";

export const basicOps: Record<string, HandwrittenOp> = {
  async "Query.passthrough"(input) {
    return { id: input.id, name: input.name };
  },

  async "Query.shortCircuit"(input, tools) {
    // overdefinition: the cheap source wins when it has a value
    if (input.cached != null) return { val: input.cached };
    const r = (await tools.expensiveApi!({})) as { data: unknown };
    return { val: r.data };
  },

  async "Query.simple"(input, tools) {
    const r = (await tools.api!({ q: input.q })) as { answer: string };
    return { result: r.answer };
  },

  async "Query.chained"(input, tools) {
    const a = (await tools.svcA!({ q: input.q })) as { lat: number; lon: number };
    const b = (await tools.svcB!({ x: a.lat, y: a.lon })) as { id: string };
    const c = (await tools.svcC!({ id: b.id })) as { name: string; score: number };
    return { name: c.name, score: c.score, lat: a.lat };
  },
};

// Hand-written version of the tool-per-element rows. The pipe `enrich:it`
// passes `{ in: it }`; tools marked `.bridge.sync` are called without awaiting,
// async ones run concurrently under Promise.all.
import type { HandwrittenOp } from "./types.js";

interface Item {
  id: number;
  name: string;
}
interface Enriched {
  a: number;
  b: string;
}

export const enrichedOps: Record<string, HandwrittenOp> = {
  async "Query.enriched"(_input, tools) {
    const api = tools.api!;
    const enrich = tools.enrich!;
    if (api.bridge?.sync && enrich.bridge?.sync) {
      return (api({}) as { items: Item[] }).items.map((it) => {
        const resp = enrich({ in: it }) as Enriched;
        return { a: resp.a, b: resp.b };
      });
    }
    const { items } = (await api({})) as { items: Item[] };
    return Promise.all(
      items.map(async (it) => {
        const resp = (await enrich({ in: it })) as Enriched;
        return { a: resp.a, b: resp.b };
      }),
    );
  },
};

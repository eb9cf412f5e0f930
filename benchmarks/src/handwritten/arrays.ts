// Hand-written versions of the flat and nested array rows: one tool call,
// then Array.prototype.map over the items.
import type { HandwrittenOp } from "./types.js";

interface FlatItem {
  id: number;
  name: string;
  value: number;
}
interface Section {
  name: string;
  departure: string;
  arrival: string;
}
interface Connection {
  id: string;
  sections: Section[];
}

export const arrayOps: Record<string, HandwrittenOp> = {
  async "Query.flatArray"(_input, tools) {
    const { items } = (await tools.api!({})) as { items: FlatItem[] };
    return items.map((it) => ({ id: it.id, name: it.name, value: it.value }));
  },

  async "Query.nested"(_input, tools) {
    const { connections } = (await tools.api!({})) as { connections: Connection[] };
    return connections.map((c) => ({
      id: c.id,
      legs: c.sections.map((s) => ({
        trainName: s.name,
        origin: s.departure,
        destination: s.arrival,
      })),
    }));
  },
};

// The unrolled loops of the synchronous array path (two and three plain
// one-segment reads, four copies assigned to plans in turn) give the same
// elements as the general loop: functions read as undefined (D-1), missing
// keys stay present as undefined, and an element that is not an object fails
// with the strict-path error at the reference or maps as the general loop does.
import { describe, expect, it } from "vitest";
import { parseBridge } from "@bridgekit/parser";
import { createEngine } from "@bridgekit/engine";

function body(fields: string[]): string {
  return `version 1.5
bridge Query.q {
  with input as i
  with output as o
  o <- i.items[] as it {
${fields.map((f) => `    .${f} <- it.${f}`).join("\n")}
  }
}`;
}

async function map(fields: string[], items: unknown[]): Promise<{ data?: unknown; error?: Error & { loc?: unknown } }> {
  const prepared = createEngine().prepare(parseBridge(body(fields)));
  return prepared.execute({ operation: "Query.q", input: { items } }).then(
    (r) => ({ data: r.data }),
    (e: unknown) => ({ error: e as Error & { loc?: unknown } }),
  );
}

describe("unrolled array loops", () => {
  it("maps two and three fields over many plans (every copy of the loops)", async () => {
    for (let k = 0; k < 6; k++) {
      const two = [`a${k}`, `b${k}`];
      const three = [`a${k}`, `b${k}`, `c${k}`];
      const items = [0, 1, 2].map((n) => ({ [`a${k}`]: n, [`b${k}`]: `s${n}`, [`c${k}`]: [n], extra: true }));
      const r2 = await map(two, items);
      expect(r2.data).toEqual(items.map((it) => ({ [`a${k}`]: it[`a${k}`], [`b${k}`]: it[`b${k}`] })));
      const r3 = await map(three, items);
      expect(r3.data).toEqual(items.map((it) => ({ [`a${k}`]: it[`a${k}`], [`b${k}`]: it[`b${k}`], [`c${k}`]: it[`c${k}`] })));
    }
  });

  it("reads functions as undefined and keeps missing keys", async () => {
    const r = await map(["x", "y", "z"], [{ x: () => 1, y: 2 }, { x: 1, y: null, z: 3 }]);
    expect(r.data).toEqual([
      { x: undefined, y: 2, z: undefined },
      { x: 1, y: null, z: 3 },
    ]);
    expect(Object.keys((r.data as object[])[0]!)).toEqual(["x", "y", "z"]);
  });

  it("fails on a null element at the reference, and reads primitives like the general loop", async () => {
    const r = await map(["x", "y"], [{ x: 1, y: 2 }, null]);
    expect(r.error?.message).toBe("Cannot read properties of null (reading 'x')");
    expect(r.error?.loc).toEqual({ startLine: 6, startColumn: 11, endLine: 6, endColumn: 14 });
    const s = await map(["length", "x"], ["abc", { x: 1, length: 2 }]);
    expect(s.error?.message).toBe("Cannot read properties of abc (reading 'x')");
  });
});

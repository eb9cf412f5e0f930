// The synchronous paths really are synchronous: arrays of plain element reads
// and bodies whose tools are all `sync` are mapped without awaiting between
// elements and without creating a Promise during the execution's sync part.
import { afterEach, describe, expect, it } from "vitest";
import { parseBridge } from "@bridgekit/parser";
import { createEngine } from "@bridgekit/engine";

const realThen = Promise.prototype.then;
let thenCalls = 0;
function countThen(): void {
  thenCalls = 0;
  Promise.prototype.then = function (this: Promise<unknown>, ...args: unknown[]) {
    thenCalls++;
    return (realThen as (...a: unknown[]) => Promise<unknown>).apply(this, args);
  } as typeof Promise.prototype.then;
}
afterEach(() => {
  Promise.prototype.then = realThen;
});

describe("sync array paths", () => {
  it("maps plain element reads (nested too) in one synchronous pass", async () => {
    const api = () => ({
      rows: Array.from({ length: 50 }, (_, k) => ({ id: k, subs: [{ n: k }, { n: k + 1 }] })),
    });
    api.bridge = { sync: true };
    const doc = parseBridge(`version 1.5
bridge Query.q {
  with api
  with output as o
  o <- api.rows[] as r {
    .id <- r.id
    .subs <- r.subs[] as s { .n <- s.n }
  }
}`);
    const prepared = createEngine({ tools: { api } }).prepare(doc);
    countThen();
    const pending = prepared.execute({ operation: "Query.q" });
    const during = thenCalls;
    Promise.prototype.then = realThen;
    const r = await pending;
    expect(during).toBe(0);
    expect((r.data as unknown[]).length).toBe(50);
    expect((r.data as { subs: unknown[] }[])[3]).toEqual({ id: 3, subs: [{ n: 3 }, { n: 4 }] });
  });

  it("calls sync tools per element without a microtask in between and without Promises", async () => {
    let count = 0;
    const seenByMicrotasks: number[] = [];
    const api = () => ({ items: Array.from({ length: 20 }, (_, k) => ({ id: k })) });
    api.bridge = { sync: true };
    const enrich = (p: { in: { id: number } }) => {
      count++;
      queueMicrotask(() => seenByMicrotasks.push(count));
      return { a: p.in.id * 10 };
    };
    enrich.bridge = { sync: true };
    const doc = parseBridge(`version 1.5
bridge Query.q {
  with api
  with enrich
  with output as o
  o <- api.items[] as it {
    alias resp <- enrich:it
    .a <- resp.a
  }
}`);
    const prepared = createEngine({ tools: { api, enrich } }).prepare(doc);
    countThen();
    const pending = prepared.execute({ operation: "Query.q" });
    const during = thenCalls;
    Promise.prototype.then = realThen;
    const r = await pending;
    expect(during).toBe(0);
    expect(count).toBe(20);
    expect(seenByMicrotasks.every((c) => c === 20)).toBe(true);
    expect((r.data as { a: number }[])[19]).toEqual({ a: 190 });
  });

  it("break stops the whole array, however long (Q-41)", async () => {
    const doc = parseBridge(`version 1.5
bridge Query.q {
  with input as i
  with output as o
  o <- i.xs[] as x { .v <- x.v ?? break }
}`);
    const xs = Array.from({ length: 5000 }, (_, k) => (k === 3000 ? {} : { v: k }));
    const r = await createEngine().prepare(doc).execute({ operation: "Query.q", input: { xs } });
    expect((r.data as unknown[]).length).toBe(3000);
  });
});

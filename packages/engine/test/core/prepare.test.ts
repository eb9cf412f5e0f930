// Prepare-time behaviour: strict validation in engine.prepare, lazy tool
// errors in executeBridge, and the exact R-EXEC-1 errors.
import { describe, expect, it } from "vitest";
import { parseBridge } from "@bridgekit/parser";
import { createEngine, executeBridge } from "@bridgekit/engine";

const DOC = parseBridge(`version 1.5
bridge Query.a {
  with input as i
  with output as o
  o.x <- i.x
}
bridge Query.b {
  with missing.tool as m
  with output as o
  o.y <- m.y
}
bridge Query.c {
  with missing.tool as m
  with input as i
  with output as o
  o.x <- i.x
}`);

describe("engine.prepare", () => {
  it("refuses a document that uses an unknown tool, naming it", () => {
    expect(() => createEngine({ tools: {} }).prepare(DOC)).toThrow(/no tool found for "missing\.tool"/);
  });

  it("names the function behind a tool block", () => {
    const doc = parseBridge(`version 1.5
tool api from http.get { .x = 1 }
bridge Query.q {
  with api
  with output as o
  o.v <- api.v
}`);
    expect(() => createEngine().prepare(doc)).toThrow(/no tool found for "http\.get" \(used by tool "api"\)/);
    const ok = createEngine({ tools: { http: { get: () => ({ v: 1 }) } } }).prepare(doc);
    return expect(ok.execute({ operation: "Query.q" })).resolves.toEqual({ data: { v: 1 }, traces: [] });
  });

  it("refuses a document whose version needs a newer std", () => {
    const doc = parseBridge("version 1.7\nbridge Query.a {\n with output as o\n o.x = 1\n}");
    expect(() => createEngine().prepare(doc)).toThrow(/requires standard library ≥ 1\.7/);
  });

  it("reports bad operations with the exact R-EXEC-1 texts", async () => {
    const prepared = createEngine({ tools: { missing: { tool: () => ({}) } } }).prepare(DOC);
    await expect(prepared.execute({ operation: "Query" })).rejects.toThrow(
      'Invalid operation "Query" — expected "Type.field" (e.g. "Query.myField")',
    );
    await expect(prepared.execute({ operation: "Query.a.b" })).rejects.toThrow(/Invalid operation "Query\.a\.b"/);
    await expect(prepared.execute({ operation: ".a" })).rejects.toThrow(/Invalid operation ".a"/);
    await expect(prepared.execute({ operation: "Query.nope" })).rejects.toThrow('Bridge "Query.nope" not found in document');
  });
});

describe("executeBridge", () => {
  it("keeps missing tools lazy: only a call fails, with a catchable runtime error", async () => {
    const ok = await executeBridge({ document: DOC, operation: "Query.c", input: { x: 1 } });
    expect(ok.data).toEqual({ x: 1 });
    const err = await executeBridge({ document: DOC, operation: "Query.b" }).catch((e: unknown) => e);
    expect(err).toMatchObject({ name: "BridgeRuntimeError", message: 'No tool found for "missing.tool"' });
  });

  it("checks the operation before the std version, and both before anything runs", async () => {
    const doc = parseBridge("version 1.7\nbridge Query.a {\n with output as o\n o.x = 1\n}");
    await expect(executeBridge({ document: doc, operation: "bad" })).rejects.toThrow(/Invalid operation/);
    await expect(executeBridge({ document: doc, operation: "Query.zz" })).rejects.toThrow(/not found in document/);
    const e = await executeBridge({ document: doc, operation: "Query.a" }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(Error);
    expect((e as Error).name).toBe("Error");
    expect((e as Error).message).toMatch(/Bridge version 1\.7 requires standard library/);
  });

  it("reuses the preparation per (document, tools) and honours a different tool map", async () => {
    const t1 = { m: () => ({ v: 1 }) };
    const t2 = { m: () => ({ v: 2 }) };
    const doc = parseBridge("version 1.5\nbridge Query.q {\n with m\n with output as o\n o.v <- m.v\n}");
    expect((await executeBridge({ document: doc, operation: "Query.q", tools: t1 })).data).toEqual({ v: 1 });
    expect((await executeBridge({ document: doc, operation: "Query.q", tools: t2 })).data).toEqual({ v: 2 });
    expect((await executeBridge({ document: doc, operation: "Query.q", tools: t1 })).data).toEqual({ v: 1 });
  });

  it("runs a hand-built JSON document without crashing on unknown names", async () => {
    const loc = { start: 0, end: 1, startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 };
    const doc = {
      kind: "Document",
      loc,
      blocks: [
        {
          kind: "Bridge",
          type: "Query",
          field: "h",
          passthrough: null,
          loc,
          body: [
            { kind: "With", binding: "output", name: "output", handle: "o", version: null, memoize: false, loc },
            {
              kind: "PullWire",
              loc,
              target: { kind: "Target", root: "o", path: ["x"], loc },
              chain: {
                kind: "Chain",
                loc,
                head: { kind: "Ref", root: "nobody", path: [{ key: "y", safe: false }], loc },
                fallbacks: [],
                catch: { kind: "Catch", loc, value: { kind: "Literal", value: "fallback", raw: '"fallback"', loc } },
              },
            },
          ],
        },
      ],
    } as never;
    const r = await executeBridge({ document: JSON.parse(JSON.stringify(doc)), operation: "Query.h" });
    expect(r.data).toEqual({ x: "fallback" });
  });
});

// The std.md §7 conformance checklist, one describe per item, plus STD-2/STD-V3.
// httpCall items run against a real server.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHttpCall, createLruCacheStore, HttpError, resolveStdNamespace, std } from "../src/index.js";
import type { FetchFn } from "../src/index.js";
import { json, makeCtx, TestServer } from "./helpers/server.js";

const server = new TestServer();
let n = 0;
beforeAll(async () => {
  await server.start();
  server.on("/echo", (req, res) => json(res, 200, { n: ++n, method: req.method, body: req.body }));
  server.on("/nf", (_req, res) => json(res, 404, { why: "gone" }));
  server.on("/bad", (_req, res) => res.end("{oops"));
});
afterAll(() => server.stop());

const sync = [
  ["audit", std.audit],
  ["str.toUpperCase", std.str.toUpperCase],
  ["str.toLowerCase", std.str.toLowerCase],
  ["str.trim", std.str.trim],
  ["str.length", std.str.length],
  ["arr.filter", std.arr.filter],
  ["arr.find", std.arr.find],
  ["arr.first", std.arr.first],
  ["arr.toArray", std.arr.toArray],
] as const;

describe("§7 Namespace keys and nesting exactly as in §1.1; trace: false + sync: true on all tools except httpCall", () => {
  it("keys and nesting", () => {
    expect(Object.keys(std).sort()).toEqual(["arr", "audit", "httpCall", "str"]);
    expect(Object.keys(std.str).sort()).toEqual(["length", "toLowerCase", "toUpperCase", "trim"]);
    expect(Object.keys(std.arr).sort()).toEqual(["filter", "find", "first", "toArray"]);
  });

  it.each(sync)("std.%s has { sync: true, trace: false }", (_name, tool) => {
    expect(tool.bridge).toEqual({ sync: true, trace: false });
  });

  it("httpCall has no metadata (async, traced)", () => {
    expect(std.httpCall.bridge).toBeUndefined();
    expect(createHttpCall().bridge).toBeUndefined();
  });

  it("the namespace objects are frozen; overriding one tool by spreading keeps the rest (STD-V3)", () => {
    expect(Object.isFrozen(std) && Object.isFrozen(std.str) && Object.isFrozen(std.arr)).toBe(true);
    const myUpper = () => "X";
    const custom = { ...std, str: { ...std.str, toUpperCase: myUpper } };
    expect(custom.str.toUpperCase).toBe(myUpper);
    expect(custom.str.trim).toBe(std.str.trim);
    expect(custom.httpCall).toBe(std.httpCall);
  });

  it("STD-2: single-value tools read the field in", () => {
    expect(std.str.toUpperCase({ in: "a", value: "b" })).toBe("A");
  });
});

describe("§7 String tools return undefined for non-strings", () => {
  it.each([std.str.toUpperCase, std.str.toLowerCase, std.str.trim, std.str.length])("%#", (tool) => {
    expect(tool({ in: 42 })).toBeUndefined();
    expect(tool({ in: true })).toBeUndefined();
  });
});

describe("§7 filter/find strict equality, non-object elements skipped, all non-in fields are criteria", () => {
  it("filter", () => {
    expect(std.arr.filter({ in: [{ n: 1 }, { n: "1" }, 1, null], n: 1 })).toEqual([{ n: 1 }]);
    expect(std.arr.filter({ in: [{ a: 1, b: 2 }, { a: 1 }], a: 1, b: 2 })).toEqual([{ a: 1, b: 2 }]);
    expect(std.arr.filter({ in: [{ a: 1, strict: true }, { a: 1 }], strict: true })).toEqual([{ a: 1, strict: true }]);
  });
  it("find", () => {
    expect(std.arr.find({ in: [7, { n: "1" }, { n: 1 }], n: 1 })).toEqual({ n: 1 });
  });
});

describe("§7 first strict mode messages verbatim (pickFirst: …)", () => {
  it("messages", () => {
    expect(() => std.arr.first({ in: [], strict: true })).toThrow(/^pickFirst: expected a non-empty array$/);
    expect(() => std.arr.first({ in: [1, 2], strict: "true" })).toThrow(/^pickFirst: expected exactly one element but got 2$/);
  });
});

describe("§7 toArray wraps anything that is not an array, including undefined", () => {
  it("wraps", () => {
    expect(std.arr.toArray({ in: undefined })).toEqual([undefined]);
    expect(std.arr.toArray({ in: null })).toEqual([null]);
    const a = [1];
    expect(std.arr.toArray({ in: a })).toBe(a);
  });
});

describe("§7 audit returns its input and logs (dataWithoutLevel, \"[bridge:audit]\")", () => {
  it("audit", () => {
    const { ctx, logs } = makeCtx();
    const input = { level: "error", e: 1 };
    expect(std.audit(input, ctx)).toBe(input);
    expect(logs).toEqual([{ level: "error", args: [{ e: 1 }, "[bridge:audit]"] }]);
  });
});

describe("§7 httpCall", () => {
  const { ctx } = makeCtx();
  const call = createHttpCall();

  it("URL by concatenation + new URL", async () => {
    await call({ baseUrl: `${server.baseUrl}/`, path: "echo", cache: 0 }, ctx);
    expect(server.requestsTo("/echo").at(-1)!.url).toBe("/echo");
    await expect(call({ baseUrl: "", path: "/echo" }, ctx)).rejects.toThrow("Invalid URL");
  });

  it("\"GET\" exact-match routing", async () => {
    await call({ baseUrl: server.baseUrl, path: "/echo", method: "GET", q: 1, cache: 0 }, ctx);
    expect(server.requestsTo("/echo").at(-1)!.query.get("q")).toBe("1");
    await call({ baseUrl: server.baseUrl, path: "/echo", method: "PUT", q: 1 }, ctx);
    const put = server.requestsTo("/echo").at(-1)!;
    expect([put.method, put.query.has("q"), put.body]).toEqual(["PUT", false, '{"q":1}']);
  });

  it("nullish request-data dropped", async () => {
    await call({ baseUrl: server.baseUrl, path: "/echo", method: "POST", a: null, b: undefined, c: 0 }, ctx);
    expect(server.requestsTo("/echo").at(-1)!.body).toBe('{"c":0}');
  });

  it("Content-Type added only with a body and only if the exact key is absent", async () => {
    await call({ baseUrl: server.baseUrl, path: "/echo", method: "POST" }, ctx);
    expect(server.requestsTo("/echo").at(-1)!.headers).not.toHaveProperty("content-type");
    await call({ baseUrl: server.baseUrl, path: "/echo", method: "POST", headers: { "Content-Type": "text/x-json" }, a: 1 }, ctx);
    expect(server.requestsTo("/echo").at(-1)!.headers["content-type"]).toBe("text/x-json");
    await call({ baseUrl: server.baseUrl, path: "/echo", method: "POST", a: 1 }, ctx);
    expect(server.requestsTo("/echo").at(-1)!.headers["content-type"]).toBe("application/json");
  });

  it("status codes ignored — amended by S-2: a non-2xx raises HttpError with the parsed body", async () => {
    await expect(call({ baseUrl: server.baseUrl, path: "/nf" }, ctx)).rejects.toBeInstanceOf(HttpError);
    await expect(call({ baseUrl: server.baseUrl, path: "/nf" }, ctx)).rejects.toMatchObject({ status: 404, body: { why: "gone" } });
  });

  it("JSON parse of every response", async () => {
    await expect(call({ baseUrl: server.baseUrl, path: "/echo", cache: 0 }, ctx)).resolves.toMatchObject({ method: "GET" });
    await expect(call({ baseUrl: server.baseUrl, path: "/bad" }, ctx)).rejects.toThrow("not valid JSON");
  });

  it("cache key/modes/TTL rules of §3.3 (as amended by S-3)", async () => {
    const c = createHttpCall();
    const before = server.requestsTo("/echo").length;
    const a = await c({ baseUrl: server.baseUrl, path: "/echo", cache: 60, k: 1 }, ctx);
    expect(await c({ baseUrl: server.baseUrl, path: "/echo", cache: 60, k: 1 }, ctx)).toBe(a);
    await c({ baseUrl: server.baseUrl, path: "/echo", cache: 60, k: 2 }, ctx);
    await c({ baseUrl: server.baseUrl, path: "/echo", cache: 0, k: 1 }, ctx);
    await c({ baseUrl: server.baseUrl, path: "/echo", k: 3 }, ctx);
    await c({ baseUrl: server.baseUrl, path: "/echo", k: 3 }, ctx);
    expect(server.requestsTo("/echo").length - before).toBe(5);
  });

  it("process-wide 1024-entry LRU by default", async () => {
    const store = createLruCacheStore();
    // Before the LRU library is loaded the store answers with promises, in call order.
    const first = store.get("k0");
    expect(first).toBeInstanceOf(Promise);
    for (let i = 0; i <= 1024; i++) void store.set(`k${i}`, i, 60);
    await expect(first).resolves.toBeUndefined();
    expect(await store.get("k0")).toBeUndefined();
    // Loaded: synchronous from now on.
    expect(store.get("k1")).toBe(1);
    expect(store.get("k1024")).toBe(1024);
    expect(store.set("ttl0", 1, 0)).toBeUndefined();
    expect(store.get("ttl0")).toBeUndefined();
    store.set("null", null, 60);
    expect(store.get("null")).toBeNull();
    const { std: again } = await import("../src/index.js");
    expect(again.httpCall).toBe(std.httpCall);
  });

  it("createHttpCall(fetch?, store?) factory", async () => {
    const urls: string[] = [];
    const fetchFn: FetchFn = (url, init) => {
      urls.push(url);
      return fetch(url, init);
    };
    const seen: [string, number][] = [];
    const store = { get: () => undefined, set: (key: string, _v: unknown, ttl: number) => void seen.push([key, ttl]) };
    const c = createHttpCall(fetchFn, store);
    await c({ baseUrl: server.baseUrl, path: "/echo", cache: 5 }, ctx);
    expect(urls).toEqual([`${server.baseUrl}/echo`]);
    expect(seen.map(([, ttl]) => ttl)).toEqual([5]);
  });
});

describe("§7 Version resolution and error texts of §2", () => {
  it("resolution", () => {
    expect(resolveStdNamespace(undefined, {}).namespace).toBe(std);
    expect(resolveStdNamespace("1.5", {}).namespace).toBe(std);
    const alt = {};
    expect(resolveStdNamespace("1.7", { "std@1.8": alt })).toEqual({ namespace: alt, version: "1.8.0" });
  });
  it("error texts", () => {
    expect(() => resolveStdNamespace("1.7", {})).toThrow(
      "Bridge version 1.7 requires standard library ≥ 1.7, but the installed @bridgekit/std is 1.5.0. Update @bridgekit/std to 1.7.0 or later.",
    );
    expect(() => resolveStdNamespace("3.1", {})).toThrow(
      'Bridge version 3.1 requires a 3.x standard library, but the bundled std is 1.5.0 (major version 1). Provide a compatible std as "std@3.1" in the tools map.',
    );
  });
});

// httpCall caching against a real server: modes and TTLs (HTTP-7, HTTP-9),
// hits (HTTP-10), stores (HTTP-11, S-5), tenant-safe keys and Vary (S-3),
// and in-flight coalescing with per-caller abort (S-4).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHttpCall, std } from "../src/index.js";
import type { CacheStore } from "../src/index.js";
import { json, makeCtx, TestServer } from "./helpers/server.js";

const server = new TestServer();
let counter = 0;
/** Answers with a fresh counter value so a cached answer is recognisable. */
const counting = (path: string, headers: Record<string, string> = {}) =>
  server.on(path, (req, res) => json(res, 200, { n: ++counter, auth: req.headers.authorization ?? null, lang: req.headers["x-lang"] ?? null }, headers));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  await server.start();
  counting("/c60");
  counting("/plain");
  counting("/maxage", { "Cache-Control": "public, max-age=60" });
  counting("/smaxage", { "Cache-Control": "max-age=0, s-maxage=60" });
  counting("/nostore", { "Cache-Control": "No-Store" });
  counting("/nocache", { "Cache-Control": "no-cache, max-age=60" });
  counting("/expires", { Expires: new Date(Date.now() + 120_000).toUTCString() });
  counting("/expired", { Expires: new Date(Date.now() - 120_000).toUTCString() });
  counting("/badexpires", { Expires: "soon" });
  counting("/zero");
  counting("/post");
  counting("/tenant", { "Cache-Control": "max-age=60" });
  counting("/accept", { "Cache-Control": "max-age=60" });
  counting("/vary", { "Cache-Control": "max-age=60", Vary: "X-Lang" });
  counting("/varystar", { "Cache-Control": "max-age=60", Vary: "*" });
  counting("/short");
  counting("/store");
  counting("/shared", { "Cache-Control": "max-age=60" });
  server.on("/slow", (_req, res) => setTimeout(() => json(res, 200, { n: ++counter }, { "Cache-Control": "max-age=60" }), 80));
  server.on("/slow2", (_req, res) => setTimeout(() => json(res, 200, { n: ++counter }), 80));
  server.on("/hang-shared", () => undefined);
  server.on("/hang-one", () => undefined);
});
afterAll(() => server.stop());

const get = (call: ReturnType<typeof createHttpCall>, path: string, extra: Record<string, unknown> = {}, signal?: AbortSignal) =>
  call({ baseUrl: server.baseUrl, path, ...extra }, makeCtx(signal).ctx) as Promise<{ n: number; auth: string | null; lang: string | null }>;

describe("HTTP-7 modes", () => {
  it("cache = 60 caches a GET for 60 s, even without cache headers", async () => {
    const call = createHttpCall();
    const a = await get(call, "/c60", { cache: 60 });
    const b = await get(call, "/c60", { cache: "60" });
    expect(b).toBe(a);
    expect(server.requestsTo("/c60")).toHaveLength(1);
  });

  it("cache = 0 and \"0\" never look up or store", async () => {
    const call = createHttpCall();
    await get(call, "/zero", { cache: 60 });
    await get(call, "/zero", { cache: 0 });
    await get(call, "/zero", { cache: "0" });
    expect(server.requestsTo("/zero")).toHaveLength(3);
  });

  it("a non-positive or non-numeric mode looks up but never stores", async () => {
    const call = createHttpCall();
    for (const cache of [true, false, "abc", -5, null]) await get(call, "/plain", { cache });
    expect(server.requestsTo("/plain")).toHaveLength(5);
  });

  it("an entry expires after its TTL", async () => {
    const call = createHttpCall();
    await get(call, "/short", { cache: 0.15 });
    await get(call, "/short", { cache: 0.15 });
    expect(server.requestsTo("/short")).toHaveLength(1);
    await sleep(250);
    await get(call, "/short", { cache: 0.15 });
    expect(server.requestsTo("/short")).toHaveLength(2);
  });
});

describe("HTTP-9 auto TTL from response headers", () => {
  it.each([
    ["/maxage", 1],
    ["/smaxage", 1],
    ["/expires", 1],
    ["/plain", 2],
    ["/nostore", 2],
    ["/nocache", 2],
    ["/expired", 2],
    ["/badexpires", 2],
  ])("%s → %i upstream request(s) for two calls", async (path, expected) => {
    const call = createHttpCall();
    const before = server.requestsTo(path).length;
    await get(call, path);
    await get(call, path);
    expect(server.requestsTo(path).length - before).toBe(expected);
  });

  it("an explicit numeric cache ignores no-store", async () => {
    const call = createHttpCall();
    const before = server.requestsTo("/nostore").length;
    await get(call, "/nostore", { cache: 60 });
    await get(call, "/nostore", { cache: 60 });
    expect(server.requestsTo("/nostore").length - before).toBe(1);
  });
});

describe("S-3 what is cached and under which key", () => {
  it("POST is never cached, even with cache = 60", async () => {
    const call = createHttpCall();
    await get(call, "/post", { method: "POST", cache: 60, a: 1 });
    await get(call, "/post", { method: "POST", cache: 60, a: 1 });
    expect(server.requestsTo("/post")).toHaveLength(2);
  });

  it("tenant isolation: same URL, different Authorization → two upstream requests, each its own data", async () => {
    const call = createHttpCall();
    const alice = await get(call, "/tenant", { headers: { Authorization: "Bearer alice" } });
    const bob = await get(call, "/tenant", { headers: { authorization: "Bearer bob" } });
    expect(alice.auth).toBe("Bearer alice");
    expect(bob.auth).toBe("Bearer bob");
    expect(server.requestsTo("/tenant")).toHaveLength(2);
    const alice2 = await get(call, "/tenant", { headers: { AUTHORIZATION: "Bearer alice" } });
    expect(alice2).toBe(alice);
    const anonymous = await get(call, "/tenant");
    expect(anonymous.auth).toBeNull();
    expect(server.requestsTo("/tenant")).toHaveLength(3);
  });

  it("Cookie, Accept and Accept-Language are part of the key", async () => {
    const call = createHttpCall();
    for (const headers of [{}, { Cookie: "s=1" }, { Cookie: "s=2" }, { Accept: "text/json" }, { "Accept-Language": "fr" }, { Cookie: "s=1" }]) {
      await get(call, "/accept", { headers });
    }
    expect(server.requestsTo("/accept")).toHaveLength(5);
  });

  it("query parameters are part of the key", async () => {
    const call = createHttpCall();
    const one = await get(call, "/c60", { cache: 60, q: "one" });
    const two = await get(call, "/c60", { cache: 60, q: "two" });
    expect(one).not.toBe(two);
    expect(await get(call, "/c60", { cache: 60, q: "one" })).toBe(one);
  });

  it("Vary: a header named by the response splits entries; other headers do not", async () => {
    const call = createHttpCall();
    const en = await get(call, "/vary", { headers: { "X-Lang": "en" } });
    const de = await get(call, "/vary", { headers: { "X-Lang": "de" } });
    expect([en.lang, de.lang]).toEqual(["en", "de"]);
    expect(await get(call, "/vary", { headers: { "X-Lang": "en", "X-Other": "1" } })).toBe(en);
    expect(await get(call, "/vary", { headers: { "x-lang": "de" } })).toBe(de);
    expect(server.requestsTo("/vary")).toHaveLength(2);
  });

  it("Vary: * is never cached", async () => {
    const call = createHttpCall();
    await get(call, "/varystar");
    await get(call, "/varystar", { cache: 60 });
    expect(server.requestsTo("/varystar")).toHaveLength(2);
  });

  it("the bundled std.httpCall shares one process-wide cache", async () => {
    await get(std.httpCall as ReturnType<typeof createHttpCall>, "/shared");
    await get(std.httpCall as ReturnType<typeof createHttpCall>, "/shared");
    expect(server.requestsTo("/shared")).toHaveLength(1);
  });
});

describe("S-5 / HTTP-11 pluggable CacheStore", () => {
  it("uses an async custom store with the TTL; keys never contain the token or query", async () => {
    const entries = new Map<string, { value: unknown; ttl: number }>();
    const store: CacheStore = {
      get: async (key) => entries.get(key)?.value,
      set: async (key, value, ttl) => void entries.set(key, { value, ttl }),
    };
    const call = createHttpCall(undefined, store);
    const a = await get(call, "/store", { cache: 30, headers: { Authorization: "Bearer tok" }, apiKey: "k3y" });
    const b = await get(call, "/store", { cache: 30, headers: { Authorization: "Bearer tok" }, apiKey: "k3y" });
    expect(b).toEqual(a);
    expect(server.requestsTo("/store")).toHaveLength(1);
    expect(entries.size).toBe(1);
    for (const [key, { ttl }] of entries) {
      expect(ttl).toBe(30);
      expect(key).toContain(`GET ${server.baseUrl}/store`);
      expect(key).not.toContain("tok");
      expect(key).not.toContain("k3y");
    }
  });

  it("a failing store does not fail the call (logged as a warning)", async () => {
    const store: CacheStore = {
      get: () => Promise.reject(new Error("redis down")),
      set: () => {
        throw new Error("redis down");
      },
    };
    const call = createHttpCall(undefined, store);
    const { ctx, logs } = makeCtx();
    await expect(call({ baseUrl: server.baseUrl, path: "/store", cache: 30 }, ctx)).resolves.toMatchObject({ n: expect.any(Number) });
    expect(logs.filter((l) => l.level === "warn")).toHaveLength(2);
  });
});

describe("S-4 in-flight coalescing", () => {
  it("two concurrent identical GETs → the server sees one request, both get the result", async () => {
    const call = createHttpCall();
    const [a, b] = await Promise.all([get(call, "/slow"), get(call, "/slow")]);
    expect(a).toBe(b);
    expect(server.requestsTo("/slow")).toHaveLength(1);
  });

  it("coalesces even when the response is not stored; different tenants do not coalesce", async () => {
    const call = createHttpCall();
    const [a, b, c] = await Promise.all([
      get(call, "/slow2", { headers: { Authorization: "A" } }),
      get(call, "/slow2", { headers: { Authorization: "A" } }),
      get(call, "/slow2", { headers: { Authorization: "B" } }),
    ]);
    expect(a).toBe(b);
    expect(c).not.toBe(a);
    expect(server.requestsTo("/slow2")).toHaveLength(2);
  });

  it("a caller whose signal aborts stops waiting; the shared request continues for the others", async () => {
    const call = createHttpCall();
    const before = server.requestsTo("/slow").length;
    const quitter = new AbortController();
    const p1 = get(call, "/slow", { cache: 0.01, q: "co" }, quitter.signal);
    const p2 = get(call, "/slow", { cache: 0.01, q: "co" });
    setTimeout(() => quitter.abort(), 10);
    await expect(p1).rejects.toMatchObject({ name: "AbortError" });
    await expect(p2).resolves.toMatchObject({ n: expect.any(Number) });
    expect(server.requestsTo("/slow").length - before).toBe(1);
  });

  it("when every waiter aborts, the shared request is cancelled (server sees the socket close)", async () => {
    const call = createHttpCall();
    const c1 = new AbortController();
    const c2 = new AbortController();
    const p1 = get(call, "/hang-shared", {}, c1.signal);
    const p2 = get(call, "/hang-shared", {}, c2.signal);
    while (server.requestsTo("/hang-shared").length === 0) await sleep(5);
    c1.abort();
    await expect(p1).rejects.toMatchObject({ name: "AbortError" });
    c2.abort();
    await expect(p2).rejects.toMatchObject({ name: "AbortError" });
    await server.closedBeforeResponse("/hang-shared");
    expect(server.requestsTo("/hang-shared")).toHaveLength(1);
  });

  it("a cacheable GET with a timeout signal is cut at the socket", async () => {
    const call = createHttpCall();
    await expect(get(call, "/hang-one", {}, AbortSignal.timeout(50))).rejects.toMatchObject({ name: "TimeoutError" });
    await server.closedBeforeResponse("/hang-one");
  });
});

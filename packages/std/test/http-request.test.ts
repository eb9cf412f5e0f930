// httpCall request building against a real server: URL (HTTP-1), headers
// (HTTP-2), GET query parameters (HTTP-3), JSON bodies (HTTP-4), result (HTTP-6).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHttpCall, std } from "../src/index.js";
import { json, makeCtx, TestServer } from "./helpers/server.js";

const server = new TestServer();
const echo = (path: string) => server.on(path, (req, res) => json(res, 200, { method: req.method, url: req.url, body: req.body }));

beforeAll(async () => {
  await server.start();
  for (const p of ["/search", "/v1//search", "/loans", "/h", "/ct", "/p", "/a%20b", "/empty", "/get-lower"]) echo(p);
});
afterAll(() => server.stop());

const call = createHttpCall();
const { ctx } = makeCtx();

describe("HTTP-1 URL", () => {
  it("concatenates baseUrl and path without slash normalisation", async () => {
    await call({ baseUrl: `${server.baseUrl}/v1/`, path: "/search", cache: 0 }, ctx);
    expect(server.requestsTo("/v1//search")).toHaveLength(1);
  });

  it("percent-encodes spaces via WHATWG parsing", async () => {
    await call({ baseUrl: server.baseUrl, path: "/a b", cache: 0 }, ctx);
    expect(server.requestsTo("/a%20b")).toHaveLength(1);
  });

  it("fails with TypeError: Invalid URL for a relative URL", async () => {
    await expect(call({ path: "/x" }, ctx)).rejects.toThrow(TypeError);
    await expect(call({ path: "/x" }, ctx)).rejects.toThrow("Invalid URL");
  });

  it("keeps a query string already present in the path", async () => {
    await call({ baseUrl: server.baseUrl, path: "/search?fixed=1", cache: 0 }, ctx);
    expect(server.received.at(-1)!.query.get("fixed")).toBe("1");
  });
});

describe("HTTP-2 headers", () => {
  it("sends String(value), drops nullish values", async () => {
    await call({ baseUrl: server.baseUrl, path: "/h", headers: { "X-Num": 7, "X-Null": null, "X-Undef": undefined, "X-Bool": true }, cache: 0 }, ctx);
    const req = server.requestsTo("/h").at(-1)!;
    expect(req.headers["x-num"]).toBe("7");
    expect(req.headers["x-bool"]).toBe("true");
    expect(req.headers).not.toHaveProperty("x-null");
    expect(req.headers).not.toHaveProperty("x-undef");
  });

  it("rejects headers that are not an object", async () => {
    await expect(call({ baseUrl: server.baseUrl, path: "/h", headers: null }, ctx)).rejects.toThrow("headers must be an object");
  });
});

describe("HTTP-3 GET query parameters", () => {
  it("spec example: q and page set, nullish dropped, Accept sent, no body", async () => {
    const result = await call(
      { baseUrl: server.baseUrl, path: "/search", headers: { Accept: "application/json" }, q: "red fox", page: 2, lang: undefined, n: null, cache: 0 },
      ctx,
    );
    const req = server.requestsTo("/search").at(-1)!;
    expect(req.method).toBe("GET");
    expect(req.query.get("q")).toBe("red fox");
    expect(req.url).toContain("q=red+fox");
    expect(req.query.get("page")).toBe("2");
    expect(req.query.has("lang")).toBe(false);
    expect(req.query.has("n")).toBe(false);
    expect(req.headers.accept).toBe("application/json");
    expect(req.headers).not.toHaveProperty("content-type");
    expect(req.body).toBe("");
    expect(result).toMatchObject({ method: "GET" });
  });

  it("comma-joins arrays, stringifies objects and booleans, form-encodes &", async () => {
    await call({ baseUrl: server.baseUrl, path: "/search", ids: [1, 2], o: { a: 1 }, b: false, amp: "a&b", cache: 0 }, ctx);
    const req = server.requestsTo("/search").at(-1)!;
    expect(req.url).toContain("ids=1%2C2");
    expect(req.query.get("o")).toBe("[object Object]");
    expect(req.query.get("b")).toBe("false");
    expect(req.url).toContain("amp=a%26b");
  });

  it("replaces an existing parameter of the same name", async () => {
    await call({ baseUrl: server.baseUrl, path: "/search?page=1&keep=x", page: 3, cache: 0 }, ctx);
    const req = server.requestsTo("/search").at(-1)!;
    expect(req.query.getAll("page")).toEqual(["3"]);
    expect(req.query.get("keep")).toBe("x");
  });
});

describe("HTTP-4 JSON body", () => {
  it("spec example: POST with nested body and Content-Type, nullish top-level fields dropped", async () => {
    const result = await call({ baseUrl: server.baseUrl, path: "/loans", method: "POST", member: "m1", copy: { id: 7, x: null }, note: undefined, gone: null }, ctx);
    const req = server.requestsTo("/loans").at(-1)!;
    expect(req.method).toBe("POST");
    expect(JSON.parse(req.body)).toEqual({ member: "m1", copy: { id: 7, x: null } });
    expect(req.headers["content-type"]).toBe("application/json");
    expect(req.query.size).toBe(0);
    expect(result).toMatchObject({ method: "POST" });
  });

  it("keeps an exact Content-Type header", async () => {
    await call({ baseUrl: server.baseUrl, path: "/ct", method: "PUT", headers: { "Content-Type": "application/vnd.x+json" }, a: 1 }, ctx);
    expect(server.requestsTo("/ct").at(-1)!.headers["content-type"]).toBe("application/vnd.x+json");
  });

  it("a lowercase content-type does not prevent the added one (both are sent)", async () => {
    await call({ baseUrl: server.baseUrl, path: "/ct", method: "PATCH", headers: { "content-type": "text/plain" }, a: 1 }, ctx);
    const ct = server.requestsTo("/ct").at(-1)!.headers["content-type"];
    expect(ct).toContain("text/plain");
    expect(ct).toContain("application/json");
  });

  it("no body and no Content-Type when there is no request data", async () => {
    await call({ baseUrl: server.baseUrl, path: "/empty", method: "DELETE", x: null }, ctx);
    const req = server.requestsTo("/empty").at(-1)!;
    expect(req.method).toBe("DELETE");
    expect(req.body).toBe("");
    expect(req.headers).not.toHaveProperty("content-type");
  });

  it("lowercase \"get\" is not GET routing: data goes to a body, which fetch refuses", async () => {
    await expect(call({ baseUrl: server.baseUrl, path: "/get-lower", method: "get", q: 1 }, ctx)).rejects.toThrow(TypeError);
    const result = await call({ baseUrl: server.baseUrl, path: "/get-lower", method: "get" }, ctx);
    expect(result).toMatchObject({ method: "GET" });
  });

  it("a __proto__ data key is sent as an ordinary body field", async () => {
    const input = JSON.parse('{"__proto__": {"x": 1}, "a": 2}') as Record<string, unknown>;
    await call({ baseUrl: server.baseUrl, path: "/p", method: "POST", ...input }, ctx);
    expect(JSON.parse(server.requestsTo("/p").at(-1)!.body)).toEqual(input);
  });
});

describe("HTTP-6 result", () => {
  it("returns the parsed JSON body through the bundled std.httpCall", async () => {
    server.on("/ok", (_req, res) => json(res, 200, { items: [1, 2] }));
    await expect(std.httpCall({ baseUrl: server.baseUrl, path: "/ok", cache: 0 }, ctx)).resolves.toEqual({ items: [1, 2] });
  });

  it("works without a ctx (direct host call)", async () => {
    server.on("/noctx", (_req, res) => json(res, 200, [null]));
    await expect(call({ baseUrl: server.baseUrl, path: "/noctx" })).resolves.toEqual([null]);
  });
});

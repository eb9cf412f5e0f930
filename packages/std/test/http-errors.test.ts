// httpCall failures against a real server: non-2xx → HttpError (S-2),
// empty/invalid JSON on 2xx (HTTP-6 amended), network failure, and
// cancellation through ctx.signal reaching the socket (S-1).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHttpCall, HttpError } from "../src/index.js";
import { json, makeCtx, TestServer, text } from "./helpers/server.js";

const server = new TestServer();
const call = createHttpCall();

beforeAll(async () => {
  await server.start();
  server.on("/missing", (_req, res) => json(res, 404, { error: "no such book" }));
  server.on("/boom", (_req, res) => text(res, 500, "upstream exploded"));
  server.on("/teapot", (_req, res) => {
    res.statusCode = 418;
    res.end("");
  });
  server.on("/nocontent", (_req, res) => {
    res.statusCode = 204;
    res.end();
  });
  server.on("/empty200", (_req, res) => text(res, 200, ""));
  server.on("/html", (_req, res) => text(res, 200, "<html>nope</html>"));
  server.on("/hang", () => undefined);
  server.on("/hang-post", () => undefined);
});
afterAll(() => server.stop());

describe("S-2 non-2xx responses raise HttpError", () => {
  it("404 with a JSON body: status, statusText, parsed body; message has method, URL without query, status", async () => {
    const { ctx } = makeCtx();
    const err = await call({ baseUrl: server.baseUrl, path: "/missing", apiKey: "s3cret", cache: 0 }, ctx).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HttpError);
    const e = err as HttpError;
    expect(e.status).toBe(404);
    expect(e.statusText).toBe("Not Found");
    expect(e.body).toEqual({ error: "no such book" });
    expect(e.message).toBe(`httpCall: GET ${server.baseUrl}/missing failed with HTTP 404 Not Found`);
    expect(e.message).not.toContain("s3cret");
    expect(server.requestsTo("/missing").at(-1)!.query.get("apiKey")).toBe("s3cret");
  });

  it("500 with a text body keeps the text", async () => {
    const err = (await call({ baseUrl: server.baseUrl, path: "/boom", method: "POST", a: 1 }, makeCtx().ctx).catch((e: unknown) => e)) as HttpError;
    expect(err).toBeInstanceOf(HttpError);
    expect(err.status).toBe(500);
    expect(err.body).toBe("upstream exploded");
    expect(err.message).toContain("POST");
    expect(err.message).toContain("500");
  });

  it("a non-2xx with an empty body is still an HttpError with body \"\"", async () => {
    const err = (await call({ baseUrl: server.baseUrl, path: "/teapot" }, makeCtx().ctx).catch((e: unknown) => e)) as HttpError;
    expect(err).toBeInstanceOf(HttpError);
    expect(err.status).toBe(418);
    expect(err.body).toBe("");
  });

  it("a non-2xx response is never cached", async () => {
    const before = server.requestsTo("/missing").length;
    await call({ baseUrl: server.baseUrl, path: "/missing", cache: 60 }, makeCtx().ctx).catch(() => undefined);
    await call({ baseUrl: server.baseUrl, path: "/missing", cache: 60 }, makeCtx().ctx).catch(() => undefined);
    expect(server.requestsTo("/missing").length - before).toBe(2);
  });
});

describe("HTTP-6 (amended) empty or invalid JSON on 2xx", () => {
  it("204 No Content fails with a clear message", async () => {
    await expect(call({ baseUrl: server.baseUrl, path: "/nocontent", method: "DELETE" }, makeCtx().ctx)).rejects.toThrow(
      `httpCall: DELETE ${server.baseUrl}/nocontent returned HTTP 204 with an empty body; expected JSON`,
    );
  });

  it("HEAD has no body, so it fails with the empty-body error (documented limitation)", async () => {
    await expect(call({ baseUrl: server.baseUrl, path: "/empty200", method: "HEAD" }, makeCtx().ctx)).rejects.toThrow(
      `httpCall: HEAD ${server.baseUrl}/empty200 returned HTTP 200 with an empty body; expected JSON`,
    );
    expect(server.requestsTo("/empty200").at(-1)!.method).toBe("HEAD");
  });

  it("200 with an empty body fails", async () => {
    await expect(call({ baseUrl: server.baseUrl, path: "/empty200" }, makeCtx().ctx)).rejects.toThrow("with an empty body; expected JSON");
  });

  it("200 with invalid JSON fails and keeps the parse error as cause", async () => {
    const err = (await call({ baseUrl: server.baseUrl, path: "/html", q: "secret" }, makeCtx().ctx).catch((e: unknown) => e)) as Error;
    expect(err.message).toMatch(new RegExp(`^httpCall: GET ${server.baseUrl}/html returned HTTP 200 with a body that is not valid JSON: `));
    expect(err.message).not.toContain("secret");
    expect(err.cause).toBeInstanceOf(SyntaxError);
  });
});

describe("network failures", () => {
  it("a refused connection rejects (fetch failure)", async () => {
    const closed = new TestServer();
    await closed.start();
    const url = closed.baseUrl;
    await closed.stop();
    await expect(call({ baseUrl: url, path: "/x", cache: 0 }, makeCtx().ctx)).rejects.toThrow(TypeError);
  });
});

describe("S-1 cancellation through ctx.signal", () => {
  it("a hanging server is cut by an aborted signal; the server sees the socket close", async () => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new DOMException("timed out", "TimeoutError")), 100);
    const started = Date.now();
    const result = call({ baseUrl: server.baseUrl, path: "/hang", cache: 0 }, makeCtx(controller.signal).ctx);
    await expect(result).rejects.toMatchObject({ name: "TimeoutError" });
    clearTimeout(timer);
    expect(Date.now() - started).toBeLessThan(2000);
    await server.closedBeforeResponse("/hang");
    expect(server.requestsTo("/hang")).toHaveLength(1);
  });

  it("abort() while a POST is in flight rejects with AbortError and closes the request", async () => {
    const controller = new AbortController();
    const result = call({ baseUrl: server.baseUrl, path: "/hang-post", method: "POST", a: 1 }, makeCtx(controller.signal).ctx);
    while (server.requestsTo("/hang-post").length === 0) await new Promise((r) => setTimeout(r, 5));
    controller.abort();
    await expect(result).rejects.toMatchObject({ name: "AbortError" });
    await server.closedBeforeResponse("/hang-post");
  });

  it("an already-aborted signal fails before any request is sent", async () => {
    const controller = new AbortController();
    controller.abort();
    const before = server.received.length;
    await expect(call({ baseUrl: server.baseUrl, path: "/hang", cache: 0 }, makeCtx(controller.signal).ctx)).rejects.toMatchObject({ name: "AbortError" });
    expect(server.received.length).toBe(before);
  });
});

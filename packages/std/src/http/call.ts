/**
 * `std.httpCall`: one HTTP request per call on the platform `fetch`,
 * returning the parsed JSON body. Passes the call's abort signal to fetch
 * (S-1), turns non-2xx responses into `HttpError` (S-2), caches GET/HEAD
 * responses per tenant-safe key (S-3, HTTP-7..10) in a pluggable store
 * (S-5, HTTP-11) and coalesces identical in-flight requests (S-4).
 */
import type { StdTool, ToolContext } from "../types.js";
import { CacheKeys, cacheLookup, cacheStore, createLruCacheStore, ttlForMode, varyNames } from "./cache.js";
import type { CacheStore } from "./cache.js";
import { HttpError, parseBodyLoosely, parseJsonBody } from "./errors.js";
import { InflightRequests } from "./inflight.js";
import { buildRequest } from "./request.js";
import type { HttpRequest } from "./request.js";

/** The subset of `fetch` httpCall uses. */
export type FetchFn = (url: string, init: RequestInit) => Promise<Response>;

/** Performs the request and returns the parsed body with the response headers. */
async function perform(fetchFn: FetchFn, req: HttpRequest, signal: AbortSignal | undefined) {
  const init: RequestInit = { method: req.method, headers: req.headers, body: req.body };
  if (signal) init.signal = signal;
  const response = await fetchFn(req.url, init);
  const text = await response.text();
  if (!response.ok) {
    throw new HttpError(req.method, req.url, response.status, response.statusText, parseBodyLoosely(text));
  }
  return { value: parseJsonBody(req.method, req.url, response.status, text), headers: response.headers };
}

function isCacheable(req: HttpRequest): boolean {
  const method = req.method.toUpperCase();
  return req.cacheMode !== "0" && (method === "GET" || method === "HEAD") && req.body === undefined;
}

/** Every request header, in a canonical form, so only identical requests coalesce. */
function inflightKey(req: HttpRequest, headers: Headers): string {
  const pairs: [string, string][] = [];
  headers.forEach((value, name) => pairs.push([name, value]));
  return JSON.stringify([req.method.toUpperCase(), req.url, pairs]);
}

/** Reports a failing cache store without failing the call: the cache is an optimisation. */
function warnStoreFailure(ctx: ToolContext | undefined, op: string, error: unknown): void {
  ctx?.logger?.warn?.({ error: error instanceof Error ? error.message : String(error) }, `[bridge:httpCall] cache ${op} failed`);
}

/**
 * Builds an httpCall tool. `fetchFn` defaults to the global `fetch` (looked
 * up per call); `store` defaults to a fresh 1024-entry LRU store.
 */
export function createHttpCall(fetchFn?: FetchFn, store: CacheStore = createLruCacheStore()): StdTool<Promise<unknown>> {
  const doFetch: FetchFn = fetchFn ?? ((url, init) => globalThis.fetch(url, init));
  const inflight = new InflightRequests();

  async function fetchAndStore(req: HttpRequest, keys: CacheKeys, signal: AbortSignal, ctx: ToolContext | undefined) {
    const { value, headers } = await perform(doFetch, req, signal);
    const ttl = ttlForMode(req.cacheMode, headers);
    const vary = varyNames(headers);
    if (ttl > 0 && vary !== "*") {
      try {
        await cacheStore(store, keys, vary, value, ttl);
      } catch (error) {
        warnStoreFailure(ctx, "set", error);
      }
    }
    return value;
  }

  return async function httpCall(input, ctx) {
    const signal = ctx?.signal;
    signal?.throwIfAborted();
    const req = buildRequest(input);
    if (!isCacheable(req)) return (await perform(doFetch, req, signal)).value;
    const headers = new Headers(req.headers);
    const keys = new CacheKeys(req.method, req.url, headers);
    try {
      const hit = await cacheLookup(store, keys);
      if (hit !== undefined) return hit;
    } catch (error) {
      warnStoreFailure(ctx, "get", error);
    }
    return inflight.run(inflightKey(req, headers), signal, (shared) => fetchAndStore(req, keys, shared, ctx));
  };
}

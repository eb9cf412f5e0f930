/**
 * Builds the HTTP request of `std.httpCall` from its input object:
 * URL by plain concatenation + WHATWG parsing (HTTP-1), headers with
 * nullish values dropped (HTTP-2), request data as query parameters for
 * exactly "GET" (HTTP-3) and as a JSON body otherwise (HTTP-4).
 */
import { inputOf } from "../types.js";

/** Input fields that configure the call; every other field is request data. */
const CONTROL_FIELDS = new Set(["baseUrl", "path", "method", "headers", "cache"]);

export interface HttpRequest {
  /** The method as given (default "GET"), passed to fetch unchanged. */
  method: string;
  /** The absolute URL, query parameters applied. */
  url: string;
  /** Header entries in input order, names as written. */
  headers: [string, string][];
  /** JSON text, or undefined when there is no body. */
  body: string | undefined;
  /** The caching mode, `String(cache)` (HTTP-7). */
  cacheMode: string;
}

function orDefault(value: unknown, fallback: unknown): unknown {
  return value === undefined ? fallback : value;
}

function headerEntries(headers: unknown): [string, string][] {
  if (headers === undefined) return [];
  if (typeof headers !== "object" || headers === null || Array.isArray(headers)) {
    throw new TypeError(`httpCall: headers must be an object, got ${headers === null ? "null" : typeof headers}`);
  }
  const entries: [string, string][] = [];
  for (const name of Object.keys(headers)) {
    const value = (headers as Record<string, unknown>)[name];
    if (value !== undefined && value !== null) entries.push([name, String(value)]);
  }
  return entries;
}

/** Builds the request, throwing `TypeError: Invalid URL` for a non-absolute URL. */
export function buildRequest(raw: unknown): HttpRequest {
  const input = inputOf(raw);
  const method = String(orDefault(input.method, "GET"));
  const url = new URL(String(orDefault(input.baseUrl, "")) + String(orDefault(input.path, "")));
  const headers = headerEntries(input.headers);
  const data: [string, unknown][] = [];
  for (const key of Object.keys(input)) {
    const value = input[key];
    if (!CONTROL_FIELDS.has(key) && value !== undefined && value !== null) data.push([key, value]);
  }
  let body: string | undefined;
  if (method === "GET") {
    for (const [key, value] of data) url.searchParams.set(key, String(value));
  } else if (data.length > 0) {
    // fromEntries defines own properties, so a `__proto__` key stays data.
    body = JSON.stringify(Object.fromEntries(data));
    if (!headers.some(([name]) => name === "Content-Type")) headers.push(["Content-Type", "application/json"]);
  }
  return { method, url: url.href, headers, body, cacheMode: String(orDefault(input.cache, "auto")) };
}

/**
 * Response caching for `std.httpCall`: the pluggable `CacheStore`, the
 * default LRU store (S-5, HTTP-11), the caching mode and TTL rules
 * (HTTP-7, HTTP-9) and the cache keys (S-3).
 *
 * Keys cover the method, the full URL and the request headers that can
 * change a response (Authorization, Cookie, Accept, Accept-Language, plus
 * the names listed in the response's `Vary`). Because `Vary` is only known
 * after a response, a record under a "vary" key lists those names; a lookup
 * reads it first, then computes the variant key. A response without `Vary`
 * lives in that record directly. The URL query and header values are hashed
 * so that tokens never appear in key names of a shared store.
 */
import type { LRUCache } from "lru-cache";

/** Where httpCall keeps responses. Both methods may be sync or async. */
export interface CacheStore {
  /** Returns the stored value, or `undefined` for a miss. */
  get(key: string): unknown | undefined | Promise<unknown | undefined>;
  /** Stores `value` for `ttlSeconds`; a TTL ≤ 0 stores nothing. */
  set(key: string, value: unknown, ttlSeconds: number): void | Promise<void>;
}

/** Values are boxed: the LRU cannot hold `null`, a valid JSON response. */
type Lru = LRUCache<string, { value: unknown }>;

let lruClass: Promise<typeof LRUCache> | undefined;

/**
 * The LRU library, imported on first use: most processes never cache a
 * response, and importing it costs several milliseconds of start-up.
 */
function loadLru(): Promise<typeof LRUCache> {
  return (lruClass ??= import("lru-cache").then((m) => m.LRUCache));
}

/**
 * An in-memory LRU store bounded to `maxEntries`, each entry expiring after
 * its TTL. Until the LRU library is loaded (its first use) `get` and `set`
 * return promises, settled in call order; afterwards they are synchronous.
 */
export function createLruCacheStore(maxEntries = 1024): CacheStore {
  let lru: Lru | undefined;
  let opening: Promise<Lru> | undefined;
  const open = (): Promise<Lru> => (opening ??= loadLru().then((Lru) => (lru = new Lru({ max: maxEntries }))));
  const put = (to: Lru, key: string, value: unknown, ttlSeconds: number): void => {
    to.set(key, { value }, { ttl: Math.max(1, Math.round(ttlSeconds * 1000)) });
  };
  return {
    get: (key) => (lru !== undefined ? lru.get(key)?.value : open().then((l) => l.get(key)?.value)),
    set: (key, value, ttlSeconds) => {
      if (!(ttlSeconds > 0)) return;
      if (lru !== undefined) return put(lru, key, value, ttlSeconds);
      return open().then((l) => put(l, key, value, ttlSeconds));
    },
  };
}

/** Request headers that always take part in the key. */
const KEY_HEADERS = ["authorization", "cookie", "accept", "accept-language"];

/** TTL in seconds for mode "auto", from Cache-Control then Expires (HTTP-9). */
export function ttlFromHeaders(headers: Headers, now: number = Date.now()): number {
  const cacheControl = headers.get("cache-control");
  if (cacheControl !== null) {
    const directives = new Map<string, string>();
    for (const part of cacheControl.split(",")) {
      const [name = "", value = ""] = part.trim().split("=", 2);
      directives.set(name.trim().toLowerCase(), value.trim().replace(/^"|"$/g, ""));
    }
    if (directives.has("no-store") || directives.has("no-cache")) return 0;
    for (const name of ["s-maxage", "max-age"]) {
      const value = directives.get(name);
      if (value !== undefined && /^\d+$/.test(value)) return Number(value);
    }
  }
  const expires = headers.get("expires");
  if (expires !== null) {
    const at = Date.parse(expires);
    return Number.isNaN(at) ? 0 : Math.max(0, Math.floor((at - now) / 1000));
  }
  return 0;
}

/** How long to keep a response for a caching mode (HTTP-7); 0 means "do not store". */
export function ttlForMode(mode: string, headers: Headers): number {
  if (mode === "auto") return ttlFromHeaders(headers);
  const seconds = Number(mode);
  return seconds > 0 ? seconds : 0;
}

/** Lower-cased, sorted header names of `Vary`; `"*"` when the response varies on everything. */
export function varyNames(headers: Headers): string[] | "*" {
  const vary = headers.get("vary");
  if (vary === null) return [];
  const names = vary.split(",").map((n) => n.trim().toLowerCase()).filter((n) => n !== "");
  if (names.includes("*")) return "*";
  return [...new Set(names)].sort();
}

async function digest(text: string): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return text;
  const bytes = new Uint8Array(await subtle.digest("SHA-256", new TextEncoder().encode(text)));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** Computes the keys of one cacheable request. */
export class CacheKeys {
  private readonly prefix: string;
  private readonly identity: string;

  constructor(
    method: string,
    url: string,
    private readonly headers: Headers,
  ) {
    const u = new URL(url);
    this.prefix = `${method.toUpperCase()} ${u.origin}${u.pathname}`;
    this.identity = JSON.stringify([method.toUpperCase(), url, KEY_HEADERS.map((n) => headers.get(n))]);
  }

  /** Key of the record listing the `Vary` names of the stored response. */
  async varyKey(): Promise<string> {
    return `${this.prefix} vary:${await digest(this.identity)}`;
  }

  /** Key of the response for the given `Vary` names. */
  async responseKey(vary: readonly string[]): Promise<string> {
    const varied = vary.map((name) => [name, this.headers.get(name)]);
    return `${this.prefix} ${await digest(JSON.stringify([this.identity, varied]))}`;
  }
}

/**
 * The record stored under `varyKey`. Without `Vary` names (the common case)
 * it holds the response itself, so one response costs one store entry.
 */
interface VaryRecord {
  vary: string[];
  value?: unknown;
}

function isVaryRecord(value: unknown): value is VaryRecord {
  return typeof value === "object" && value !== null && Array.isArray((value as VaryRecord).vary);
}

/** Looks a request up; `undefined` is a miss. */
export async function cacheLookup(store: CacheStore, keys: CacheKeys): Promise<unknown> {
  const record = await store.get(await keys.varyKey());
  if (!isVaryRecord(record)) return undefined;
  if (record.vary.length === 0) return record.value;
  return await store.get(await keys.responseKey(record.vary));
}

/** Stores a response with its `Vary` names for `ttlSeconds`. */
export async function cacheStore(store: CacheStore, keys: CacheKeys, vary: string[], value: unknown, ttlSeconds: number): Promise<void> {
  if (vary.length === 0) return store.set(await keys.varyKey(), { vary, value } satisfies VaryRecord, ttlSeconds);
  await store.set(await keys.responseKey(vary), value, ttlSeconds);
  await store.set(await keys.varyKey(), { vary } satisfies VaryRecord, ttlSeconds);
}

// Unit table for the auto-TTL rules (HTTP-9) and Vary parsing (S-3).
import { describe, expect, it } from "vitest";
import { ttlForMode, ttlFromHeaders, varyNames } from "../src/http/cache.js";

const now = Date.parse("2026-01-01T00:00:00Z");
const h = (init: Record<string, string>) => new Headers(init);

describe("HTTP-9 ttlFromHeaders", () => {
  it.each<[Record<string, string>, number]>([
    [{ "Cache-Control": "max-age=120" }, 120],
    [{ "Cache-Control": "public, s-maxage=30, max-age=120" }, 30],
    [{ "Cache-Control": "max-age=120, s-maxage=30" }, 30],
    [{ "Cache-Control": "no-store, max-age=120" }, 0],
    [{ "Cache-Control": "NO-CACHE" }, 0],
    [{ "Cache-Control": 'max-age="60"' }, 60],
    [{ "Cache-Control": "x-no-store-ish, max-age=5" }, 5],
    [{ "Cache-Control": "private" }, 0],
    [{ "Cache-Control": "public", Expires: "Thu, 01 Jan 2026 00:01:30 GMT" }, 90],
    [{ Expires: "Thu, 01 Jan 2026 00:00:10 GMT" }, 10],
    [{ Expires: "Wed, 31 Dec 2025 23:00:00 GMT" }, 0],
    [{ Expires: "0" }, 0],
    [{ Expires: "not a date" }, 0],
    [{}, 0],
  ])("%j → %i", (headers, ttl) => {
    expect(ttlFromHeaders(h(headers), now)).toBe(ttl);
  });

  it("rounds down partial seconds", () => {
    expect(ttlFromHeaders(h({ Expires: "Thu, 01 Jan 2026 00:00:10 GMT" }), now + 500)).toBe(9);
  });
});

describe("HTTP-7 ttlForMode", () => {
  it.each<[string, number]>([
    ["60", 60],
    ["0.5", 0.5],
    ["true", 0],
    ["false", 0],
    ["abc", 0],
    ["-5", 0],
    ["null", 0],
  ])("mode %s → %d", (mode, ttl) => {
    expect(ttlForMode(mode, h({ "Cache-Control": "no-store" }))).toBe(ttl);
  });

  it("auto reads the headers", () => {
    expect(ttlForMode("auto", h({ "Cache-Control": "max-age=7" }))).toBe(7);
  });
});

describe("S-3 varyNames", () => {
  it.each<[Record<string, string>, string[] | "*"]>([
    [{}, []],
    [{ Vary: "X-Lang, accept-encoding" }, ["accept-encoding", "x-lang"]],
    [{ Vary: "x-b, X-B , x-a" }, ["x-a", "x-b"]],
    [{ Vary: "Accept, *" }, "*"],
  ])("%j → %j", (headers, names) => {
    expect(varyNames(h(headers))).toEqual(names);
  });
});

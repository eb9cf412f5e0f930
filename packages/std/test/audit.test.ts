// std.audit (std.md §6): logs (dataWithoutLevel, "[bridge:audit]") at the
// requested level and returns its input object.
import { describe, expect, it } from "vitest";
import { std } from "../src/index.js";
import { makeCtx } from "./helpers/server.js";

describe("std.audit", () => {
  it("spec example: warn level, data without level, tag second, returns the input itself", () => {
    const { ctx, logs } = makeCtx();
    const input = { event: "book-returned", copy: "c1", late: 3, level: "warn" };
    expect(std.audit(input, ctx)).toBe(input);
    expect(logs).toEqual([{ level: "warn", args: [{ event: "book-returned", copy: "c1", late: 3 }, "[bridge:audit]"] }]);
  });

  it("defaults to info", () => {
    const { ctx, logs } = makeCtx();
    std.audit({ orderRef: "o-1" }, ctx);
    expect(logs).toEqual([{ level: "info", args: [{ orderRef: "o-1" }, "[bridge:audit]"] }]);
  });

  it.each<[string, unknown]>([
    ["unknown level", "verbose"],
    ["null level", null],
    ["inherited Object.prototype member", "toString"],
    ["inherited __defineGetter__", "__defineGetter__"],
  ])("%s logs nothing and does not throw", (_name, level) => {
    const { ctx, logs } = makeCtx();
    const input = { a: 1, level };
    expect(std.audit(input, ctx)).toBe(input);
    expect(logs).toEqual([]);
  });

  it("no logger, or no ctx at all, is fine", () => {
    const input = { a: 1 };
    expect(std.audit(input, { signal: new AbortController().signal })).toBe(input);
    expect(std.audit(input)).toBe(input);
    expect(std.audit(input, { logger: {} })).toBe(input);
  });

  it("calls the logger method with the logger as this (pino-style)", () => {
    const seen: unknown[] = [];
    const logger = {
      sink: seen,
      info(this: { sink: unknown[] }, data: unknown, tag: unknown) {
        this.sink.push([data, tag]);
      },
    };
    std.audit({ x: 1 }, { logger });
    expect(seen).toEqual([[{ x: 1 }, "[bridge:audit]"]]);
  });

  it("uses a level method inherited from the logger's own class", () => {
    class MyLogger {
      calls: unknown[] = [];
      notice(data: unknown) {
        this.calls.push(data);
      }
    }
    const logger = new MyLogger();
    std.audit({ level: "notice", y: 2 }, { logger: logger as never });
    expect(logger.calls).toEqual([{ y: 2 }]);
  });
});

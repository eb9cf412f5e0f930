/** parseBridge takes text only (api.md): anything else is a TypeError naming what was given, before any parsing. */
import { describe, expect, test } from "vitest";
import { parseBridge } from "../src/index.js";

describe("parseBridge source argument", () => {
  test.each<[string, unknown, string]>([
    ["a number", 42, "number"],
    ["undefined", undefined, "undefined"],
    ["null", null, "object"],
    ["a String object", new String("version 1.5"), "object"],
    ["a Uint8Array", new TextEncoder().encode("version 1.5"), "object"],
  ])("%s is a TypeError", (_name, source, type) => {
    const call = () => parseBridge(source as string);
    expect(call).toThrow(TypeError);
    expect(call).toThrow(`parseBridge expects the source text as a string, got ${type}`);
  });
});

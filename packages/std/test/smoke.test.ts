// Smoke test of the public surface: the std namespace shape and version resolution.
import { describe, expect, it } from "vitest";
import { resolveStdNamespace, std, STD_VERSION } from "../src/index.js";

describe("std surface", () => {
  it("exports the namespace and version", () => {
    expect(STD_VERSION).toBe("1.5.0");
    expect(Object.keys(std).sort()).toEqual(["arr", "audit", "httpCall", "str"]);
    expect(std.str.trim({ in: " a " })).toBe("a");
    expect(resolveStdNamespace("1.5", {}).namespace).toBe(std);
  });
});

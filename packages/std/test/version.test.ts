// Version resolution (STD-V1, STD-V2) and version tags (STD-V4, R-WITH-7).
import { describe, expect, it } from "vitest";
import { checkStdVersionTag, resolveStdNamespace, std, STD_VERSION } from "../src/index.js";

const altStd = { str: {} };

describe("STD-V1", () => {
  it("bundled version is 1.5.0", () => expect(STD_VERSION).toBe("1.5.0"));
});

describe("STD-V2 resolution", () => {
  it.each([undefined, "1", "1.0", "1.3", "1.5"])("version %s → bundled std", (v) => {
    expect(resolveStdNamespace(v, {})).toEqual({ namespace: std, version: "1.5.0" });
    expect(resolveStdNamespace(v, {}).namespace).toBe(std);
  });

  it("version 1.7 with std@1.8 → that namespace, version 1.8.0", () => {
    const r = resolveStdNamespace("1.7", { "std@1.8": altStd });
    expect(r.namespace).toBe(altStd);
    expect(r.version).toBe("1.8.0");
  });

  it("bundled wins when it satisfies the document, even if std@x keys exist", () => {
    expect(resolveStdNamespace("1.2", { "std@1.8": altStd }).namespace).toBe(std);
  });

  it("scans in insertion order and takes the first satisfying key", () => {
    const first = { a: 1 };
    const second = { b: 2 };
    const tools = { "std@1.6": { too: "old" }, "std@2.9": {}, "std@1.9": first, "std@1.12": second };
    expect(resolveStdNamespace("1.7", tools)).toEqual({ namespace: first, version: "1.9.0" });
  });

  it("skips non-object and array values", () => {
    const ok = {};
    expect(resolveStdNamespace("1.7", { "std@1.7": [], "std@1.8": () => 1, "std@1.9": null, "std@1.10": ok }).namespace).toBe(ok);
  });

  it("keeps a three-part version and appends .0 to a one-part version", () => {
    expect(resolveStdNamespace("1.7", { "std@1.7.3": altStd }).version).toBe("1.7.3");
    expect(resolveStdNamespace("2", { "std@2": altStd }).version).toBe("2.0");
  });

  it("a missing minor counts as 0 (different major)", () => {
    expect(resolveStdNamespace("2", { "std@2.0": altStd }).namespace).toBe(altStd);
  });

  it("same major, minor too high → the second error text (even without std tools in use)", () => {
    expect(() => resolveStdNamespace("1.7", {})).toThrowError(
      new Error(
        "Bridge version 1.7 requires standard library ≥ 1.7, but the installed @bridgekit/std is 1.5.0. Update @bridgekit/std to 1.7.0 or later.",
      ),
    );
    expect(() => resolveStdNamespace("1.12", { "std@1.11": altStd })).toThrow("Update @bridgekit/std to 1.12.0 or later.");
  });

  it("different major → the first error text", () => {
    expect(() => resolveStdNamespace("2.0", { "std@1.9": altStd })).toThrowError(
      new Error(
        'Bridge version 2.0 requires a 2.x standard library, but the bundled std is 1.5.0 (major version 1). Provide a compatible std as "std@2.0" in the tools map.',
      ),
    );
  });

  it("errors are plain Errors", () => {
    try {
      resolveStdNamespace("1.6", {});
    } catch (e) {
      expect(Object.getPrototypeOf(e)).toBe(Error.prototype);
    }
    expect.assertions(1);
  });
});

describe("STD-V4 / R-WITH-7 version tags", () => {
  const fn = () => 1;
  it.each<[string, string, string, Record<string, unknown>]>([
    ["rule 1: flat versioned key", "std.str.trim", "1.9", { "std.str.trim@1.9": fn }],
    ["rule 2: namespace std.str@v", "std.str.toLowerCase", "2.0", { "std.str@2.0": { toLowerCase: fn } }],
    ["rule 2: namespace std@v", "std.str.toLowerCase", "2.0", { "std@2.0": { str: { toLowerCase: fn } } }],
    ["rule 3: bundled std, same major, minor ≥", "std.str.trim", "1.4", {}],
    ["rule 3: equal minor", "std.arr.first", "1.5", {}],
    ["rule 1 for a host tool", "geo.lookup", "3.1", { "geo.lookup@3.1": fn }],
  ])("%s", (_name, tool, version, tools) => {
    expect(checkStdVersionTag(tool, version, tools)).toBeUndefined();
  });

  it("rule 4 for std tools", () => {
    expect(checkStdVersionTag("std.str.trim", "1.7", {})).toBe(
      'Tool "std.str.trim@1.7" requires standard library ≥ 1.7, but the installed @bridgekit/std is 1.5.0. Either update the stdlib or provide the tool as "std.str.trim@1.7" in the tools map.',
    );
  });

  it("rule 3 uses the active std version when given", () => {
    expect(checkStdVersionTag("std.str.trim", "1.7", {}, "1.8.0")).toBeUndefined();
  });

  it("rule 4 for other tools", () => {
    expect(checkStdVersionTag("geo.lookup", "2.0", { "geo.lookup": fn })).toBe(
      'Tool "geo.lookup@2.0" is not available. Provide it as "geo.lookup@2.0" in the tools map.',
    );
  });

  it("a namespace that lacks the function does not satisfy the tag", () => {
    expect(checkStdVersionTag("std.str.trim", "2.0", { "std@2.0": { str: {} } })).toContain("requires standard library ≥ 2.0");
    expect(checkStdVersionTag("std.str.trim", "2.0", { "std@2.0": { str: { trim: "no" } } })).toContain("requires standard library");
  });
});

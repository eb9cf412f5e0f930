/**
 * Formats every `.bridge` file in the repository (examples and conformance
 * fixtures) that parses: formatting must be idempotent and keep the parsed
 * document. Files that are meant to be rejected are skipped.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { parseBridge } from "../../src/parse.js";
import { formatBridge } from "../../src/format/index.js";
import { normalizeDocument } from "../support/normalize-document.js";

const root = fileURLToPath(new URL("../../../../", import.meta.url));

function bridgeFiles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    if (name === "node_modules" || name === "dist") return [];
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return bridgeFiles(path);
    return name.endsWith(".bridge") ? [path] : [];
  });
}

const files = [join(root, "examples"), join(root, "docs"), ...["parser", "engine", "std", "bridgekit"].map((p) => join(root, "packages", p, "test"))]
  .flatMap(bridgeFiles)
  .map((path) => ({ path: relative(root, path), source: readFileSync(path, "utf8") }))
  .filter(({ source }) => {
    try {
      parseBridge(source);
      return true;
    } catch {
      return false;
    }
  });

describe("formatBridge on the repository's .bridge files", () => {
  test("finds files to format", () => {
    expect(files.length).toBeGreaterThan(0);
  });
  test.each(files)("$path", ({ source }) => {
    const once = formatBridge(source);
    expect(formatBridge(once)).toBe(once);
    expect(normalizeDocument(parseBridge(once))).toEqual(normalizeDocument(parseBridge(source)));
  });
});

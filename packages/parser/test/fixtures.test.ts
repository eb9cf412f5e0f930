/**
 * Fixture runner (conventions.md item 8). Every `fixtures/<area>/<case>.bridge`
 * must parse to the AST in `<case>.ast.json` (compared without locations,
 * source text and comments); every `fixtures/_error_/<case>.bridge` must fail
 * with the message, line and column in `<case>.error.json`.
 * Run with UPDATE_FIXTURES=1 to write missing expectation files (review them!).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { BridgeSyntaxError, parseBridge } from "../src/index.js";

const root = fileURLToPath(new URL("./fixtures/", import.meta.url));
const update = process.env["UPDATE_FIXTURES"] === "1";

/** Drop locations, the source text and comments: the fixtures pin structure only. */
function stripped(doc: object): unknown {
  const { source: _source, comments: _comments, ...rest } = doc as Record<string, unknown>;
  return JSON.parse(JSON.stringify(rest, (key, value: unknown) => (key === "loc" || key === "clauseLoc" ? undefined : value)));
}

const areas = readdirSync(root).filter((d) => d !== "_error_").sort();

for (const area of areas) {
  describe(area, () => {
    for (const file of readdirSync(join(root, area)).filter((f) => f.endsWith(".bridge")).sort()) {
      test(file, () => {
        const source = readFileSync(join(root, area, file), "utf8");
        const expectedPath = join(root, area, file.replace(/\.bridge$/, ".ast.json"));
        const actual = stripped(parseBridge(source, { filename: file }));
        if (update && !existsSync(expectedPath)) writeFileSync(expectedPath, `${JSON.stringify(actual, null, 2)}\n`);
        expect(actual).toEqual(JSON.parse(readFileSync(expectedPath, "utf8")));
      });
    }
  });
}

describe("_error_", () => {
  const dir = join(root, "_error_");
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".bridge")).sort()) {
    test(file, () => {
      const source = readFileSync(join(dir, file), "utf8");
      const expectedPath = join(dir, file.replace(/\.bridge$/, ".error.json"));
      let error: unknown;
      try {
        parseBridge(source, { filename: file });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(BridgeSyntaxError);
      const e = error as BridgeSyntaxError;
      const actual = { message: e.message, line: e.line, column: e.column };
      if (update && !existsSync(expectedPath)) writeFileSync(expectedPath, `${JSON.stringify(actual, null, 2)}\n`);
      expect(actual).toEqual(JSON.parse(readFileSync(expectedPath, "utf8")));
      expect(e.filename).toBe(file);
      expect(e.message).not.toMatch(/Expecting|Token sequences|-->/);
    });
  }
});

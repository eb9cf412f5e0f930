/**
 * The conformance suite: every `test/fixtures/<area>/<group>.json` beside its
 * `.bridge` document is parsed with parseBridge and each case executed with
 * executeBridge twice, tools as written and all tools forced async. Cases in
 * `known-gaps.json` run as `it.fails`. See test/fixtures/README.md.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { BridgeDocument } from "../../src/ast/index.js";
import { findFixtureFiles, loadFixture, loadKnownGaps, type FixtureCase, type FixtureFile } from "./fixtures.js";
import { loadImplementations } from "./load-engine.js";
import { checkSyntaxError, runCase } from "./run-case.js";
import type { ToolMode } from "./tools.js";

const root = fileURLToPath(new URL("../fixtures", import.meta.url));
const impl = await loadImplementations();
const gaps = loadKnownGaps(root);
const files = findFixtureFiles(root).map((path) => loadFixture(root, path));

const usedGaps = new Set<string>();
function isKnownGap(file: FixtureFile, testCase: FixtureCase, pass: ToolMode): boolean {
  const key = `${file.id}#${testCase.name}`;
  const gap = gaps.find((g) => g.case === key && (g.pass === undefined || g.pass === pass));
  if (gap) usedGaps.add(gap.case);
  return gap !== undefined;
}

const parsedDocs = new Map<string, { doc?: BridgeDocument; error?: unknown }>();
function parseFile(file: FixtureFile): BridgeDocument {
  let entry = parsedDocs.get(file.id);
  if (!entry) {
    const source = readFileSync(file.bridgePath, "utf8");
    try {
      entry = { doc: impl.parseBridge!(source, { filename: file.bridgeFilename }) as BridgeDocument };
    } catch (error) {
      entry = { error };
    }
    parsedDocs.set(file.id, entry);
  }
  if (entry.error !== undefined) throw entry.error;
  return entry.doc!;
}

function requireImplementations(): void {
  if (impl.problems.length > 0) throw new Error(`conformance runner: ${impl.problems.join("; ")}`);
}

describe("conformance", () => {
  it("finds fixtures", () => {
    expect(files.length).toBeGreaterThan(0);
  });

  for (const file of files) {
    describe(`${file.id.replace(/\.json$/, "")} [${file.rules.join(", ")}]`, () => {
      if (file.problems.length > 0) {
        it("fixture file is well-formed", () => {
          expect.fail(file.problems.join("\n"));
        });
      }
      for (const testCase of file.cases) {
        const label = testCase.name;
        if ("syntaxError" in testCase.expect) {
          const test = isKnownGap(file, testCase, "written") ? it.fails : it;
          test(`${label} (syntax error)`, () => {
            requireImplementations();
            const source = readFileSync(file.bridgePath, "utf8");
            checkSyntaxError(testCase, () => impl.parseBridge!(source, { filename: file.bridgeFilename }));
          });
          continue;
        }
        const passes: ToolMode[] = testCase.asyncPass === false ? ["written"] : ["written", "async"];
        for (const pass of passes) {
          const test = isKnownGap(file, testCase, pass) ? it.fails : it;
          test(`${label} (${pass === "written" ? "tools as written" : "tools forced async"})`, async () => {
            requireImplementations();
            await runCase(impl.executeBridge!, parseFile(file), testCase, pass);
          });
        }
      }
    });
  }

  it("known-gaps.json names only existing cases", () => {
    const known = new Set(files.flatMap((f) => f.cases.map((c) => `${f.id}#${c.name}`)));
    expect(gaps.map((g) => g.case).filter((key) => !known.has(key))).toEqual([]);
  });
});

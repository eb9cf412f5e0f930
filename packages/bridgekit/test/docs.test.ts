// Executes every runnable example in docs/ (see docs/README.md for the format).
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { executeBridge, parseBridge } from "bridgekit";
import type { ToolMap } from "bridgekit";
import * as demoTools from "../../../docs/demo-tools.mjs";
import { extractExamples } from "./docs-blocks.js";

/** In expected data, "$undefined" means: the key is present with the value undefined. */
function withUndefined(value: unknown): unknown {
  if (value === "$undefined") return undefined;
  if (Array.isArray(value)) return value.map(withUndefined);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withUndefined(v)]));
  }
  return value;
}

const docsDir = fileURLToPath(new URL("../../../docs/", import.meta.url));
const scratch = fileURLToPath(new URL("./.docs-scratch/", import.meta.url));
const pages = readdirSync(docsDir).filter((f) => f.endsWith(".md"));
const tools = { ...demoTools } as unknown as ToolMap;

describe.each(pages)("docs/%s", (page) => {
  const { bridges, scripts } = extractExamples(page, readFileSync(join(docsDir, page), "utf8"));
  if (bridges.length === 0 && scripts.length === 0) it("has no runnable examples", () => undefined);

  it.each(bridges.map((b) => [`line ${b.line}`, b] as const))("bridge example at %s", async (_, example) => {
    const document = parseBridge(example.source, { filename: `${page}:${example.line}` });
    const bridgesIn = document.blocks.filter((b) => b.kind === "Bridge");
    const first = bridgesIn[0];
    const operation = example.run.operation ?? (first && first.kind === "Bridge" ? `${first.type}.${first.field}` : "");
    const run = executeBridge({
      document, operation, tools,
      ...(example.run.input && { input: example.run.input }),
      ...(example.run.context && { context: example.run.context }),
      ...(example.run.requestedFields && { requestedFields: example.run.requestedFields }),
      trace: example.run.trace ?? (example.run.traces !== undefined ? "basic" : "off"),
    });
    if (example.run.error !== undefined) {
      const err = await run.then(() => undefined, (e: unknown) => e as Error);
      expect(err, "the example should fail").toBeInstanceOf(Error);
      expect(err?.message).toBe(example.run.error);
      if (example.run.errorClass) expect(err?.name).toBe(example.run.errorClass);
      return;
    }
    const result = await run;
    expect(result.data).toStrictEqual(withUndefined(example.run.data));
    if (example.run.traces !== undefined) expect(result.traces).toHaveLength(example.run.traces);
  });

  it.each(scripts.map((s) => [`line ${s.line}`, s] as const))("js example at %s runs", async (_, script) => {
    mkdirSync(scratch, { recursive: true });
    const path = join(scratch, `${page.replace(/\W/g, "_")}_${script.line}.mjs`);
    writeFileSync(path, script.code);
    await import(pathToFileURL(path).href);
  });
});

/**
 * The document printer on hand-built documents: the AST allows a document
 * without `version` and `comments` and an `on error` value without its `raw`
 * text (engine/src/ast), so the printer must lay those out from the values
 * alone, and the text must parse back to the same values.
 */
import { describe, expect, test } from "vitest";
import type { Block, BridgeDocument, OnErrorStatement, ToolBlock } from "@bridgekit/engine";
import { parseBridge } from "../../src/parse.js";
import { printDocument } from "../../src/format/printer.js";

const loc = { start: 0, end: 0, startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 };
const onError = (fields: Partial<OnErrorStatement>): OnErrorStatement => ({ kind: "OnError", loc, ...fields });
const tool = (name: string, statement: OnErrorStatement): ToolBlock => ({ kind: "Tool", loc, name, source: "echo", extends: false, braces: true, body: [statement] });
const doc = (blocks: Block[], version?: string): BridgeDocument => ({ kind: "Document", loc, blocks, ...(version === undefined ? {} : { version }) });

describe("printDocument on hand-built documents", () => {
  test("no version and no comments: the blocks only, one blank line apart", () => {
    const text = printDocument(doc([tool("a", onError({ value: { a: 1 } })), tool("b", onError({ value: null }))]), "");
    expect(text).toBe('tool a from echo {\n  on error = {"a":1}\n}\n\ntool b from echo {\n  on error = null\n}\n');
  });

  test("an `on error` value without raw text is printed as JSON and parses back to the value", () => {
    const values = [{ a: [1, "x"] }, null, "s", 0];
    const text = printDocument(doc(values.map((value, k) => tool(`t${k}`, onError({ value }))), "1.5"), "");
    expect(text.split("\n").filter((l) => l.includes("on error"))).toEqual(['  on error = {"a":[1,"x"]}', "  on error = null", '  on error = "s"', "  on error = 0"]);
    const parsed = parseBridge(text).blocks.map((b) => ((b as ToolBlock).body[0] as OnErrorStatement).value);
    expect(parsed).toEqual(values);
  });

  test("a version without version text in the source is printed first", () => {
    expect(printDocument(doc([{ kind: "Const", loc, name: "c", value: 1, raw: "1" }], "1.5"), "")).toBe("version 1.5\n\nconst c = 1\n");
  });
});

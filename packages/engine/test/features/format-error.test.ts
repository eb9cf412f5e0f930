/**
 * formatBridgeError with incomplete or odd locations and messages (R-FMT-1..3,
 * D-7): it never throws, shows the location it can read, and a snippet only
 * when the start line exists in the source. (The spec's examples are in
 * test/services/format-error.test.ts.)
 */
import { describe, expect, it } from "vitest";
import { BridgeRuntimeError } from "../../src/errors.js";
import { formatBridgeError } from "../../src/format-error.js";

const SOURCE = ["version 1.5", "bridge Query.a {", "  with output as o", "  o.x = 1", "}"].join("\n");

const rows: { name: string; err: () => unknown; source?: string; expected: string }[] = [
  {
    name: "R-FMT-3: a start line past the end of the source: headline and arrow, no snippet",
    err: () => new BridgeRuntimeError("boom", { loc: { startLine: 9, startColumn: 2, endLine: 9, endColumn: 3 } }),
    source: SOURCE,
    expected: "Bridge Execution Error: boom\n  --> <bridge>:9:2",
  },
  {
    name: "R-FMT-3: a location without end: one caret at the start",
    err: () => Object.assign(new Error("boom"), { loc: { startLine: 4, startColumn: 3 } }),
    source: SOURCE,
    expected: [
      "Bridge Execution Error: boom",
      "  --> <bridge>:4:3",
      "  |",
      "3 |   with output as o",
      "4 |   o.x = 1",
      "  |   ^",
      "5 | }",
    ].join("\n"),
  },
  {
    name: "R-FMT-3: an end before the start still gets one caret",
    err: () => Object.assign(new Error("boom"), { loc: { startLine: 1, startColumn: 5, endLine: 1.5, endColumn: 0 } }),
    source: SOURCE,
    expected: ["Bridge Execution Error: boom", "  --> <bridge>:1:5", "  |", "1 | version 1.5", "  |     ^", "2 | bridge Query.a {"].join("\n"),
  },
  {
    name: "a syntax error with a line but no usable column points at column 1",
    err: () => Object.assign(new Error("Unexpected token"), { name: "BridgeSyntaxError", line: 2, column: "7" }),
    source: SOURCE,
    expected: [
      "Bridge Syntax Error: Unexpected token",
      "  --> <bridge>:2:1",
      "  |",
      "1 | version 1.5",
      "2 | bridge Query.a {",
      "  | ^",
      "3 |   with output as o",
    ].join("\n"),
  },
  {
    name: "R-FMT-1: an Error whose message is not a string shows String(message)",
    err: () => Object.defineProperty(new Error("x"), "message", { value: 42 }),
    expected: "Bridge Execution Error: 42",
  },
  {
    name: "D-7: an Error whose message cannot be turned into a string still renders",
    err: () =>
      Object.defineProperty(new Error("x"), "message", {
        value: {
          toString() {
            throw new Error("no");
          },
        },
      }),
    expected: "Bridge Execution Error: [object Object]",
  },
];

describe("formatBridgeError edge cases (R-FMT-1..3, D-7)", () => {
  for (const row of rows) {
    it(row.name, () => {
      expect(formatBridgeError(row.err(), row.source === undefined ? undefined : { source: row.source })).toBe(row.expected);
    });
  }
});

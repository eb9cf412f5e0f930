/**
 * Property: for random valid documents, formatting is idempotent and keeps
 * the parsed document. 5,000 runs in CI; `BRIDGE_PROP_SCALE` multiplies
 * them (e.g. 10 for the nightly run, support/prop-scale.ts).
 */
import fc from "fast-check";
import { expect, test } from "vitest";
import { parseBridge } from "../../src/parse.js";
import { printDocument } from "../../src/format/printer.js";
import { arbitraryDocument } from "../support/arbitrary-document.js";
import { normalizeDocument } from "../support/normalize-document.js";
import { runs, timeoutFor } from "../support/prop-scale.js";

const numRuns = runs(5000);

test(`format is idempotent and keeps the document (${numRuns} runs)`, () => {
  fc.assert(
    fc.property(arbitraryDocument(), (text) => {
      // formatBridge(x) is printDocument(parseBridge(x), x); calling the two
      // halves directly checks both properties with two parses per run.
      const before = parseBridge(text);
      const once = printDocument(before, text);
      const after = parseBridge(once);
      expect(printDocument(after, once)).toBe(once);
      expect(normalizeDocument(after)).toEqual(normalizeDocument(before));
    }),
    { numRuns },
  );
}, timeoutFor(120_000));

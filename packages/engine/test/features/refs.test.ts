/**
 * References in hand-built documents, whose `loc` may be missing or hold no
 * line numbers (api.md: the engine runs a JSON AST without the parser).
 * An undeclared handle (R-WITH-4, R-EXEC-1): `engine.prepare` (strict)
 * refuses the document naming the handle and, when the reference has a line,
 * that line; `executeBridge` (lazy) fails the wire with
 * `Undeclared handle "<h>"`. A strict-path failure (R-PATH-*) is located at
 * the reference's span (R-LOC-2) when it has one, and unlocated otherwise.
 */
import { describe, expect, it } from "vitest";
import type { BridgeDocument } from "../../src/ast/index.js";
import { createEngine, executeBridge } from "../../src/index.js";
import { parse } from "../behaviour/support.js";

type Loose = Record<string, any>;

/** `o.v <- i.a.b` on line 5, columns 10-14. */
const SOURCE = `version 1.5
bridge Query.run {
  with input as i
  with output as o
  o.v <- i.a.b
}`;

type LocEdit = (l: Loose) => Loose | undefined;

/** The parsed document with the reference's `loc` replaced by `edit(loc)` and its root by `root`. */
function document(edit: LocEdit, root = "i"): BridgeDocument {
  const doc = parse(SOURCE) as unknown as Loose;
  const wire = (doc.blocks[0].body as Loose[]).find((st) => st.kind === "PullWire")!;
  const ref = wire.chain.head as Loose;
  expect(ref.kind).toBe("Ref");
  ref.root = root;
  const l = edit(ref.loc as Loose);
  if (l === undefined) delete ref.loc;
  else ref.loc = l;
  return doc as unknown as BridgeDocument;
}

async function failure(doc: BridgeDocument): Promise<Error & { loc?: unknown }> {
  const outcome = await executeBridge({ document: doc, operation: "Query.run", input: {} }).then(
    (r) => new Error(`expected a rejection, got ${JSON.stringify(r.data)}`),
    (e: unknown) => e as Error,
  );
  return outcome;
}

const SPAN = { startLine: 5, startColumn: 10, endLine: 5, endColumn: 14 };

const rows: { name: string; edit: LocEdit; line: string; loc: unknown }[] = [
  { name: "a full location", edit: (l) => l, line: " at line 5", loc: SPAN },
  { name: "no location", edit: () => undefined, line: "", loc: undefined },
  { name: "a location holding offsets only", edit: (l) => ({ start: l.start, end: l.end }), line: "", loc: undefined },
];

describe("references in hand-built documents (R-WITH-4, R-LOC-2)", () => {
  it.each(rows)("R-WITH-4: an undeclared handle in a reference with $name", async ({ edit, line }) => {
    expect(() => createEngine().prepare(document(edit, "nope"))).toThrow(
      new Error(`Cannot prepare document: undeclared handle "nope"${line}`),
    );
    const err = await failure(document(edit, "nope"));
    expect({ name: err.name, message: err.message }).toEqual({ name: "BridgeRuntimeError", message: 'Undeclared handle "nope"' });
  });

  it.each(rows)("R-LOC-2: a strict-path failure of a reference with $name", async ({ edit, loc }) => {
    const err = await failure(document(edit));
    expect({ name: err.name, message: err.message, loc: err.loc }).toStrictEqual({
      name: "BridgeRuntimeError",
      message: "Cannot read properties of undefined (reading 'b')",
      loc,
    });
  });
});

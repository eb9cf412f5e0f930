/**
 * Prepare-time array plans (prepare/plan.ts), white box. Two decisions are
 * design commitments that the output cannot show:
 * - the synchronous fast path (R-ARR-3): a body runs there exactly when every
 *   element field is one plain read of its own iterator (or a constant, or a
 *   nested fast mapping), with no loop-scoped instance or alias (no slots), no
 *   spread, one wire per field (R-OVER-1), a non-empty target path and no
 *   unsafe key in it (R-SEC-1); the reads are kept in field order;
 * - direct element lanes (execute/arrays.ts): an element alias whose every
 *   compiled read is one of a run of consecutive plain element fields, and
 *   that reads no other alias, is evaluated once per element without its slot.
 * Each row prepares one bridge and describes the plan of every mapping in
 * source order.
 */
import { describe, expect, it } from "vitest";
import type { ArrayMapExpr, BridgeBlock, BridgeDocument } from "../../src/ast/index.js";
import { executeBridge } from "../../src/index.js";
import { compileRootBody } from "../../src/prepare/compile-body.js";
import { createDocCtx } from "../../src/prepare/doc.js";
import type { ArrayPlan } from "../../src/prepare/scope-index.js";
import { parse } from "../behaviour/support.js";
import { PIPE, enrichItems as S } from "./sources.js";

/** The array mappings of an AST, depth first in source order. */
function arrayMaps(node: unknown, out: ArrayMapExpr[] = []): ArrayMapExpr[] {
  if (Array.isArray(node)) for (const x of node) arrayMaps(x, out);
  else if (node !== null && typeof node === "object") {
    if ((node as { kind?: unknown }).kind === "ArrayMap") out.push(node as ArrayMapExpr);
    for (const v of Object.values(node)) arrayMaps(v, out);
  }
  return out;
}

const bridgeOf = (doc: BridgeDocument): BridgeBlock => doc.blocks.find((b): b is BridgeBlock => b.kind === "Bridge")!;

interface PlanView {
  /** `kind:path` per element field when the body is fast, else null. */
  reads: string[] | null;
  /** The element fields that are lanes, with ` direct` when marked direct. */
  lanes: string[];
}

function describePlans(doc: BridgeDocument): PlanView[] {
  const ctx = createDocCtx(doc, { enrich: (x: unknown) => x });
  const block = bridgeOf(doc);
  compileRootBody(ctx, "bridge", block.body);
  return arrayMaps(block).map((e) => {
    const p: ArrayPlan = ctx.arrayPlans.get(e)!;
    return {
      reads: p.reads === null ? null : p.reads.map((r) => `${r.kind}:${r.segs.map((s) => s.key).join(".")}`),
      lanes: p.body.outputs.filter((g) => g.lane !== null).map((g) => `${g.key}${g.lane!.direct ? " direct" : ""}`),
    };
  });
}

const PIPE2 = "alias q <- enrich:it.x";
const slow = (...lanes: string[]): PlanView => ({ reads: null, lanes });

const fastRows: { name: string; body: string[]; plans: PlanView[] }[] = [
  { name: "plain reads, a deep read and a constant, in field order", body: [".b <- it.b.c", ".a <- it.a", ".k = 1"], plans: [{ reads: ["read:b.c", "read:a", "const:"], lanes: [] }] },
  { name: "one plain read of the whole element", body: [".v <- it"], plans: [{ reads: ["read:"], lanes: [] }] },
  {
    name: "a nested fast mapping",
    body: [".id <- it.id", ".subs <- it.xs[] as x {", "  .v <- x.v", "}"],
    plans: [{ reads: ["read:id", "array:xs"], lanes: [] }, { reads: ["read:v"], lanes: [] }],
  },
  {
    name: "a nested mapping that is not fast is not a fast read",
    body: [".id <- it.id", ".subs <- it.xs[] as x {", "  .v <- x.v || x.w", "}"],
    plans: [slow(), slow()],
  },
  { name: "an unread alias (a slot)", body: ["alias u <- it.x", ".a <- it.a"], plans: [slow()] },
  { name: "a loop-scoped tool (a slot)", body: ["with enrich as e", ".a <- it.a"], plans: [slow()] },
  { name: "a spread", body: [".a <- it.a", "... <- it"], plans: [slow()] },
  { name: "two wires on one field (R-OVER-1)", body: [".a <- it.a", ".a <- it.b"], plans: [slow()] },
  { name: "a fallback", body: [".a <- it.a || it.b"], plans: [slow()] },
  { name: "a safe read", body: [".a <- it?.a"], plans: [slow()] },
  { name: "a read of an outer handle", body: [".a <- it.a", ".b <- i.b"], plans: [slow()] },
  { name: "a __proto__ target key", body: [".a <- it.a", ".__proto__ <- it.b"], plans: [slow()] },
  { name: "a constructor key deeper in the target", body: [".x.constructor <- it.a"], plans: [slow()] },
  { name: "a prototype key first in the target", body: [".prototype.x <- it.a"], plans: [slow()] },
];

const laneRows: { name: string; body: string[]; plans: PlanView[] }[] = [
  { name: "one plain read", body: [PIPE, ".a <- r.a"], plans: [slow("a direct")] },
  { name: "consecutive plain reads", body: [PIPE, ".a <- r.a", ".b <- r.b"], plans: [slow("a direct", "b direct")] },
  { name: "consecutive reads before an iterator field", body: [PIPE, ".a <- r.a", ".b <- r.b", ".x <- it.x"], plans: [slow("a direct", "b direct")] },
  {
    name: "consecutive reads after two iterator fields",
    body: [PIPE, ".x <- it.x", ".y <- it.y", ".a <- r.a", ".b <- r.b"],
    plans: [slow("a direct", "b direct")],
  },
  { name: "reads interleaved with an iterator field", body: [PIPE, ".a <- r.a", ".x <- it.x", ".b <- r.b"], plans: [slow("a", "b")] },
  { name: "an extra read inside an expression", body: [PIPE, ".a <- r.a", ".b <- r.b", ".c <- r.a + 1"], plans: [slow("a", "b")] },
  { name: "an extra read with a fallback", body: [PIPE, ".a <- r.a", ".b <- r.b || it.b"], plans: [slow("a")] },
  {
    name: "an extra read inside a nested mapping",
    body: [PIPE, ".a <- r.a", ".subs <- it.xs[] as x {", "  .v <- r.v", "}"],
    plans: [slow("a"), slow()],
  },
  {
    name: "an alias reading another alias (a dependency)",
    body: [PIPE, "alias d <- r.a", ".a <- d.a", ".b <- d.b"],
    plans: [slow("a", "b")],
  },
  {
    name: "two aliases, each read consecutively",
    body: [PIPE, PIPE2, ".a <- r.a", ".b <- r.b", ".c <- q.c", ".d <- q.d"],
    plans: [slow("a direct", "b direct", "c direct", "d direct")],
  },
  {
    name: "two aliases, one interleaved with the other",
    body: [PIPE, PIPE2, ".a <- r.a", ".c <- q.c", ".b <- r.b"],
    plans: [slow("a", "c direct", "b")],
  },
  {
    name: "two aliases interleaved",
    body: [PIPE, PIPE2, ".a <- r.a", ".c <- q.c", ".b <- r.b", ".d <- q.d"],
    plans: [slow("a", "c", "b", "d")],
  },
];

describe("array plans: the synchronous fast path (R-ARR-3)", () => {
  it.each(fastRows)("$name", ({ body, plans }) => {
    expect(describePlans(parse(S(body)))).toStrictEqual(plans);
  });

  it("R-ARR-3: an element line with an empty target path is not fast, and writes the whole element", async () => {
    // Only a hand-built document has one: `.a <- it.a` with the target path removed.
    const doc = parse(S([".a <- it.a"]));
    const wire = arrayMaps(bridgeOf(doc))[0]!.body[0] as { target: { path: string[] } };
    wire.target.path = [];
    expect(describePlans(doc)).toStrictEqual([slow()]);
    const r = await executeBridge({ document: doc, operation: "Query.run", input: { items: [{ a: { x: 1 } }, { a: 2 }] } });
    expect(r.data).toStrictEqual([{ x: 1 }, 2]);
  });
});

describe("array plans: direct element lanes (R-ALIAS-2)", () => {
  it.each(laneRows)("$name", ({ body, plans }) => {
    expect(describePlans(parse(S(body)))).toStrictEqual(plans);
  });
});

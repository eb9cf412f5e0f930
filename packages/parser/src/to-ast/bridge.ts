/**
 * `bridge Type.field { … }` blocks and the passthrough shorthand
 * `bridge Type.field with name` (R-BRIDGE-1..4), plus the body builder
 * shared with `define` (R-BRIDGE-2, R-WITH-2: `with`s are declared first).
 */
import type { CstNode } from "chevrotain";
import type { BodyStatement, BridgeBlock, WithStatement } from "@bridgekit/engine";
import type { BuildContext } from "./cst.js";
import { items, nodeLoc, sub, tok } from "./cst.js";
import { createScope } from "./scope.js";
import type { Env } from "./scope.js";
import { buildAlias, buildForce, buildWire, declareBodyWiths } from "./body.js";
import { dottedText } from "./paths.js";

/** Build `{ bodyLine }` of a bridge or define in a fresh scope. */
export function buildBody(ctx: BuildContext, block: "bridge" | "define", blockStart: number, n: CstNode): BodyStatement[] {
  const env: Env = { ctx, scope: createScope(null, block, block, blockStart) };
  const lines = items(n, ["withDecl", "force", "alias", "wire"]);
  const withs = declareBodyWiths(env, lines);
  return lines.map(([key, node], i) => {
    switch (key) {
      case "withDecl": return withs[i]!;
      case "force": return buildForce(env, node);
      case "alias": return buildAlias(env, node);
      default: return buildWire(env, node, "body");
    }
  });
}

function passthroughBody(ctx: BuildContext, dotted: CstNode, blockStart: number): BodyStatement[] {
  const { text, parts } = dottedText(dotted);
  const loc = nodeLoc(dotted);
  const last = parts[parts.length - 1]!.image;
  const defineAt = ctx.defines.get(text);
  const binding = defineAt !== undefined && defineAt < blockStart ? "define" : "tool";
  const withOf = (b: WithStatement["binding"], name: string, handle: string): WithStatement =>
    ({ kind: "With", binding: b, name, handle, version: null, memoize: false, loc });
  const ref = (root: string) => ({ kind: "Ref" as const, root, path: [], loc });
  const pull = (root: string, from: string): BodyStatement => ({
    kind: "PullWire",
    target: { kind: "Target", root, path: [], loc },
    chain: { kind: "Chain", head: ref(from), fallbacks: [], catch: null, loc },
    loc,
  });
  return [withOf(binding, text, last), withOf("input", "input", "input"), withOf("output", "output", "__out"), pull(last, "input"), pull("__out", last)];
}

export function buildBridge(ctx: BuildContext, n: CstNode): BridgeBlock {
  const loc = nodeLoc(n);
  const dotted = sub(n, "dotted");
  const type = tok(n, "type")!.image;
  const field = tok(n, "field")!.image;
  if (dotted) {
    return { kind: "Bridge", type, field, body: passthroughBody(ctx, dotted, loc.start), passthrough: dottedText(dotted).text, loc };
  }
  return { kind: "Bridge", type, field, body: buildBody(ctx, "bridge", loc.start, n), passthrough: null, loc };
}

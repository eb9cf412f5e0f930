/**
 * Array mappings `source[] as it { … }` (R-ARR-1..R-ARR-10). Each body is a
 * child scope: its `with` handles are declared first (wires see all of
 * them), the iterator shadows outer names (R-ARR-4), and aliases see only
 * the `with`s declared before them.
 */
import type { CstNode } from "chevrotain";
import type { ArrayMapExpr, ArrayStatement, Expr } from "@bridgekit/engine";
import { items, nodeLoc, spanLoc, tok } from "./cst.js";
import type { Env } from "./scope.js";
import { createScope } from "./scope.js";
import { buildAlias, buildScopeLine, buildSpread, buildWire, declareBodyWiths } from "./body.js";

const NO_NESTED_MAPPING = "an input wire of a loop-scoped handle cannot map an array (R-ARR-5)";

/** `mapping = "[" , "]" , "as" , name , "{" , { arrayLine } , "}"` applied to `source`. */
export function buildMapping(env: Env, source: Expr, n: CstNode): ArrayMapExpr {
  const iterator = tok(n, "Name")!.image;
  const scope = createScope(env.scope, "array", env.scope.block, env.scope.blockStart);
  const inner: Env = { ctx: env.ctx, scope };
  const lines = items(n, ["alias", "withDecl", "spread", "scopeLine", "wire"]);
  const withs = declareBodyWiths(inner, lines);
  scope.names.set(iterator, { kind: "iterator", offset: nodeLoc(n).start, fromWith: false });
  const body: ArrayStatement[] = lines.map(([key, node], i) => {
    switch (key) {
      case "withDecl": return withs[i]!;
      case "alias": return buildAlias(inner, node);
      case "spread": return buildSpread(inner, node);
      case "scopeLine": return buildScopeLine(inner, node, "element");
      default: return buildWire(inner, node, "element", { noMapping: NO_NESTED_MAPPING });
    }
  });
  const clauseLoc = nodeLoc(n);
  return { kind: "ArrayMap", source, iterator, body, clauseLoc, loc: spanLoc(source.loc, clauseLoc) };
}


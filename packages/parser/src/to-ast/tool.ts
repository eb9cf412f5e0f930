/**
 * `tool name from source { … }` blocks (R-TOOL-1..9). Self-wires have
 * relative targets; `with` dependencies are declared first. Statements the
 * reference accepts but mishandles in tool bodies (alias, force, array
 * mappings, spreads in nested scope blocks) are rejected, and
 * `on error = <json>` is validated here.
 */
import type { CstNode } from "chevrotain";
import type { OnErrorStatement, ToolBlock, ToolStatement, WithStatement } from "@bridgekit/engine";
import { RESERVED } from "../lexer.js";
import type { BuildContext } from "./cst.js";
import { items, nodeLoc, semanticError, sub, syntaxError, tok } from "./cst.js";
import { createScope } from "./scope.js";
import type { Env } from "./scope.js";
import { resolveRead } from "./scope.js";
import { buildScopeLine, buildSpread, buildWire, checkReservedName, declareBodyWiths } from "./body.js";
import { dottedText } from "./paths.js";
import { readJson } from "./const.js";

const NO_MAPPING = "array mapping is not supported inside tool blocks (Q-08); map the array in the bridge instead";

function buildOnError(env: Env, n: CstNode): OnErrorStatement {
  const loc = nodeLoc(n);
  const json = sub(n, "json");
  if (json) {
    const { raw, value } = readJson(env.ctx, json);
    if (value === undefined) throw semanticError(env.ctx, nodeLoc(json), `Invalid JSON value for on error: ${raw}`);
    return { kind: "OnError", value, raw, loc };
  }
  const dotted = sub(n, "dotted")!;
  const { parts } = dottedText(dotted);
  const refLoc = nodeLoc(dotted);
  const root = parts[0]!.image;
  resolveRead(env, root, parts.length > 1, refLoc);
  const path = parts.slice(1).map((t) => ({ key: t.image, safe: false }));
  return { kind: "OnError", ref: { kind: "Ref", root, path, loc: refLoc }, loc };
}

function buildToolLine(env: Env, key: string, node: CstNode, w: WithStatement | undefined): ToolStatement {
  switch (key) {
    case "onError": return buildOnError(env, node);
    case "spread": return buildSpread(env, node);
    case "scopeLine": return buildScopeLine(env, node, "tool", { noMapping: NO_MAPPING });
    case "withDecl": return w!;
    case "force": throw syntaxError(env.ctx, nodeLoc(node), "`force` is not allowed inside tool blocks (Q-08)");
    case "alias": throw syntaxError(env.ctx, nodeLoc(node), "`alias` is not supported inside tool blocks (Q-08)");
    default: return buildWire(env, node, "tool", { noMapping: NO_MAPPING });
  }
}

export function buildTool(ctx: BuildContext, n: CstNode): ToolBlock {
  const loc = nodeLoc(n);
  const nameNode = sub(n, "name")!;
  const name = dottedText(nameNode);
  checkReservedName(ctx, name.text, name.parts[0]!, "tool name", RESERVED.blockKeywords);
  const source = dottedText(sub(n, "source")!).text;
  const parentAt = ctx.toolBlocks.get(source) ?? [];
  const extendsParent = parentAt.some((at) => at < loc.start);
  if (!extendsParent && parentAt.some((at) => at > loc.start)) {
    ctx.warnings.push({ loc, message: `"${source}" names a tool block declared later in the file, so "${name.text}" calls a host function "${source}" instead of extending it (Q-07)` });
  }
  const env: Env = { ctx, scope: createScope(null, "tool", "tool", loc.start) };
  const lines = items(n, ["onError", "scopeLine", "spread", "withDecl", "force", "alias", "wire"]);
  const withs = declareBodyWiths(env, lines);
  const body = lines.map(([key, node], i) => buildToolLine(env, key, node, withs[i]));
  return { kind: "Tool", name: name.text, source, extends: extendsParent, body, braces: !!tok(n, "LCurly"), loc };
}

/** `const name = json` blocks (R-CONST-1, R-NAME-3). */
import type { CstNode } from "chevrotain";
import type { ConstBlock, JsonValue } from "@bridgekit/engine";
import { RESERVED } from "../lexer.js";
import type { BuildContext } from "./cst.js";
import { nodeLoc, semanticError, sub, tok } from "./cst.js";
import { checkReservedName } from "./body.js";

/** The source text of a `json` node and its parsed value, or `undefined` if it is not strict JSON. */
export function readJson(ctx: BuildContext, n: CstNode): { raw: string; value: JsonValue | undefined } {
  const loc = nodeLoc(n);
  const raw = ctx.source.slice(loc.start, loc.end);
  try {
    return { raw, value: JSON.parse(raw) as JsonValue };
  } catch {
    return { raw, value: undefined };
  }
}

export function buildConst(ctx: BuildContext, n: CstNode): ConstBlock {
  const name = tok(n, "Name")!;
  checkReservedName(ctx, name.image, name, "const name", RESERVED.blockKeywords);
  const json = sub(n, "json")!;
  const { raw, value } = readJson(ctx, json);
  if (value === undefined) throw semanticError(ctx, nodeLoc(json), `Invalid JSON value for const "${name.image}": ${raw}`);
  return { kind: "Const", name: name.image, value, raw, loc: nodeLoc(n) };
}

/** `define name { … }` blocks (R-DEF-1, R-NAME-3); the body uses bridge-body syntax. */
import type { CstNode } from "chevrotain";
import type { DefineBlock } from "@bridgekit/engine";
import { RESERVED } from "../lexer.js";
import type { BuildContext } from "./cst.js";
import { nodeLoc, tok } from "./cst.js";
import { checkReservedName } from "./body.js";
import { buildBody } from "./bridge.js";

export function buildDefine(ctx: BuildContext, n: CstNode): DefineBlock {
  const name = tok(n, "Name")!;
  checkReservedName(ctx, name.image, name, "define name", RESERVED.blockKeywords);
  const loc = nodeLoc(n);
  return { kind: "Define", name: name.image, body: buildBody(ctx, "define", loc.start, n), loc };
}

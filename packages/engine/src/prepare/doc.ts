/**
 * Per-document compile state: the first-wins block tables (R-FILE-6), the
 * merged tool map, and memoized tool and define definitions so every
 * declaration of the same name shares one compiled definition.
 */
import type { ArrayMapExpr, BridgeDocument, DefineBlock, ToolBlock } from "../ast/index.js";
import type { ToolMap } from "../types.js";
import { compileRootBody, compileToolBody, newBodyCtx } from "./compile-body.js";
import type { ArrayPlan, DefineDef, ToolDef } from "./scope-index.js";
import { bindToolDef, plainToolDef, toolChain } from "./tools.js";
import type { OnErrorFallback } from "../execute/call-tool.js";
import { lookup } from "./scope-index.js";

export interface DocCtx {
  tools: ToolMap;
  consts: Map<string, unknown>;
  memoCount: number;
  problems: string[];
  arrayPlans: WeakMap<ArrayMapExpr, ArrayPlan>;
  toolDef(name: string): ToolDef;
  defineDef(name: string): DefineDef | null;
  /** Every tool definition compiled so far (strict validation). */
  allToolDefs(): Iterable<ToolDef>;
}

export function createDocCtx(doc: BridgeDocument, tools: ToolMap): DocCtx {
  const blocks = Array.isArray(doc.blocks) ? doc.blocks : [];
  const consts = new Map<string, unknown>();
  const toolBlocks: ToolBlock[] = [];
  const defineBlocks = new Map<string, DefineBlock>();
  for (const b of blocks) {
    if (b.kind === "Const" && !consts.has(b.name)) consts.set(b.name, b.value);
    else if (b.kind === "Tool") toolBlocks.push(b);
    else if (b.kind === "Define" && !defineBlocks.has(b.name)) defineBlocks.set(b.name, b);
  }
  const toolDefs = new Map<string, ToolDef>();
  const defines = new Map<string, DefineDef>();
  const ctx: DocCtx = {
    tools,
    consts,
    memoCount: 0,
    problems: [],
    arrayPlans: new WeakMap(),
    toolDef(name) {
      const known = toolDefs.get(name);
      if (known) return known;
      const block = toolBlocks.find((b) => b.name === name);
      if (block === undefined) {
        const def = plainToolDef(tools, name);
        toolDefs.set(name, def);
        return def;
      }
      return compileToolDef(ctx, toolBlocks, block, toolDefs);
    },
    defineDef(name) {
      const known = defines.get(name);
      if (known) return known;
      const block = defineBlocks.get(name);
      if (block === undefined) return null;
      const def: DefineDef = { name, body: null as never };
      defines.set(name, def);
      def.body = compileRootBody(ctx, "define", Array.isArray(block.body) ? block.body : []);
      return def;
    },
    allToolDefs: () => toolDefs.values(),
  };
  return ctx;
}

/** The effective definition of a tool block (R-TOOL-4, R-TOOL-7, R-TOOL-9). */
function compileToolDef(doc: DocCtx, toolBlocks: ToolBlock[], block: ToolBlock, defs: Map<string, ToolDef>): ToolDef {
  const { chain, error } = toolChain(toolBlocks, block);
  const def = plainToolDef({}, block.name);
  def.fnName = chain[0]!.source;
  def.error = error;
  defs.set(block.name, def);
  const b = newBodyCtx(doc, "tool", true);
  def.body = b.body;
  def.self = compileToolBody(b, chain.map((blk) => (Array.isArray(blk.body) ? blk.body : [])));
  let onError: OnErrorFallback = null;
  for (const blk of chain) {
    for (const st of blk.body ?? []) {
      if (st.kind !== "OnError") continue;
      if (st.ref) {
        const bind = lookup(b.body, st.ref.root);
        const path = st.ref.path.map((p) => String(p.key));
        onError = bind?.kind === "context" || bind?.kind === "const" ? { kind: bind.kind, path } : null;
      } else onError = { kind: "value", value: st.value ?? null };
    }
  }
  bindToolDef(def, doc.tools, onError);
  return def;
}

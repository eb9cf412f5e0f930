/**
 * Tool resolution at prepare time: the tool map lookup (R-EXEC-14, D-1) and
 * effective tool-block definitions (R-TOOL-3/4: extends chains, merged
 * dependencies, leaf-most `on error`), bound once per document and tool map.
 */
import type { ToolBlock } from "../ast/index.js";
import { createToolBinding, type OnErrorFallback } from "../execute/call-tool.js";
import { isUnsafeKey } from "../execute/paths.js";
import type { ToolFn, ToolMap } from "../types.js";
import type { ToolDef } from "./scope-index.js";

const BUILTIN_PROTOS: object[] = [Object.prototype, Array.prototype, Function.prototype];

/** True when reading `key` from `obj` reaches an own or host-class member (never a built-in one, D-1). */
function hasMember(obj: object, key: string): boolean {
  if (Object.prototype.hasOwnProperty.call(obj, key)) return true;
  if (!(key in obj)) return false;
  for (const p of BUILTIN_PROTOS) if (key in p) return false;
  return true;
}

/** Looks a function up: flat key first, then a nested walk (R-EXEC-14). */
export function lookupTool(tools: ToolMap, name: string): ToolFn | undefined {
  if (!isUnsafeKey(name) && hasMember(tools, name)) {
    const flat = (tools as Record<string, unknown>)[name];
    if (typeof flat === "function") return flat as ToolFn;
  }
  if (!name.includes(".")) return undefined;
  let cur: unknown = tools;
  for (const seg of name.split(".")) {
    if (isUnsafeKey(seg)) return undefined;
    if (cur === null || (typeof cur !== "object" && typeof cur !== "function")) return undefined;
    if (!hasMember(cur as object, seg)) return undefined;
    cur = (cur as Record<string, unknown>)[seg];
  }
  return typeof cur === "function" ? (cur as ToolFn) : undefined;
}

/** The blocks of an extends chain, root first (R-TOOL-4), or an error message. */
export function toolChain(blocks: readonly ToolBlock[], leaf: ToolBlock): { chain: ToolBlock[]; error: string | null } {
  const chain: ToolBlock[] = [leaf];
  const seen = new Set<ToolBlock>([leaf]);
  let cur = leaf;
  while (cur.extends) {
    const parent = blocks.find((b) => b.name === cur.source);
    if (parent === undefined || seen.has(parent)) {
      return { chain: chain.reverse(), error: `Tool "${leaf.name}" extends unknown tool "${cur.source}"` };
    }
    seen.add(parent);
    chain.push(parent);
    cur = parent;
  }
  return { chain: chain.reverse(), error: null };
}

/** A definition for a name that is not a tool block: the host function itself. */
export function plainToolDef(tools: ToolMap, name: string): ToolDef {
  const fn = lookupTool(tools, name);
  const binding = createToolBinding({ toolName: name, fnName: name, fn, onError: null });
  return { name, fnName: name, binding, body: null, self: [], error: null, cost: binding.cost, missing: fn === undefined };
}

/** Binds a tool block's function once its `on error` is known. */
export function bindToolDef(def: ToolDef, tools: ToolMap, onError: OnErrorFallback): void {
  const fn = lookupTool(tools, def.fnName);
  def.binding = createToolBinding({ toolName: def.name, fnName: def.fnName, fn, onError });
  def.cost = def.binding.cost;
  def.missing = fn === undefined;
}

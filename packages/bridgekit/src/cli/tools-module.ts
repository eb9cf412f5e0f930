/**
 * Loads `--tools <module>`: an ES module whose exports are tools. A default
 * export that is an object is used as the tool map; otherwise the named
 * exports are (`export const myApi = …`, `export const billing = { charge }`).
 */
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { ToolMap } from "@bridgekit/engine";
import { UsageError } from "./exit-codes.js";

export async function loadToolsModule(specifier: string, cwd: string): Promise<ToolMap> {
  const url = pathToFileURL(resolve(cwd, specifier)).href;
  let mod: Record<string, unknown>;
  try {
    mod = (await import(url)) as Record<string, unknown>;
  } catch (err) {
    throw new UsageError(`--tools: cannot load ${specifier}: ${(err as Error).message}`);
  }
  const fallback = mod["default"];
  if (fallback !== null && typeof fallback === "object") return fallback as ToolMap;
  const tools: ToolMap = {};
  for (const [name, value] of Object.entries(mod)) {
    if (name === "default") continue;
    if (typeof value === "function" || (value !== null && typeof value === "object")) tools[name] = value as ToolMap[string];
  }
  return tools;
}

/**
 * Public surface of `@bridgekit/std`: the `std` namespace installed under
 * the tool-map key `std`, its version, version resolution for documents,
 * and the building blocks of `std.httpCall` for hosts that customise it.
 */
import { arrays, audit, strings } from "./tools.js";
import { createHttpCall } from "./http/call.js";
import { resolveStdNamespaceWith } from "./version.js";

/** The bundled `std.httpCall`, sharing one process-wide LRU cache (HTTP-11). */
const httpCall = createHttpCall();

/** The standard library namespace, shaped exactly as std.md §1.1. */
export const std = Object.freeze({
  httpCall,
  audit,
  str: strings,
  arr: arrays,
});

/** The shape of the std namespace. */
export type StdNamespace = typeof std;

/**
 * Chooses the namespace installed under `std` for a document's `version`
 * (STD-V2): the bundled `std`, or a compatible `"std@<ver>"` entry of
 * `tools`. Throws a plain `Error` when neither satisfies the document.
 */
export function resolveStdNamespace(
  docVersion: string | undefined,
  tools: Record<string, unknown>,
): { namespace: object; version: string } {
  return resolveStdNamespaceWith(std, docVersion, tools);
}

export { STD_VERSION, checkStdVersionTag } from "./version.js";
export { createHttpCall } from "./http/call.js";
export type { FetchFn } from "./http/call.js";
export { HttpError } from "./http/errors.js";
export { createLruCacheStore } from "./http/cache.js";
export type { CacheStore } from "./http/cache.js";
export type { Logger, StdTool, ToolContext, ToolInput, ToolMetadata } from "./types.js";

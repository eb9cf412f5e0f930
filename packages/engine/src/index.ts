/**
 * Public surface of `@bridgekit/engine` (api.md): execution, the engine
 * factory, error classes and formatting, limits, and the AST and API types.
 */
export { executeBridge } from "./execute-bridge.js";
export { createEngine } from "./engine.js";
export {
  BridgeRuntimeError,
  BridgeAbortError,
  BridgeTimeoutError,
  BridgePanicError,
  BridgeLimitError,
} from "./errors.js";
export { formatBridgeError } from "./format-error.js";
export { DEFAULT_LIMITS } from "./limits.js";
export type { Loc } from "./errors.js";
export type * from "./ast/index.js";
export type * from "./types.js";

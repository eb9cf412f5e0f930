/**
 * Public surface of `@bridgekit/parser` (api.md): `parseBridge`,
 * `parseBridgeDiagnostics` and `BridgeSyntaxError`.
 */
export { parseBridge } from "./parse.js";
export type { ParseOptions } from "./parse.js";
export { parseBridgeDiagnostics } from "./diagnostics.js";
export type { BridgeDiagnostic, DiagnosticsResult } from "./diagnostics.js";
export { BridgeSyntaxError } from "./errors.js";
export { PARSER_LIMITS } from "./limits.js";
export { formatBridge } from "./format/index.js";
export { bridge } from "./bridge-tag.js";

/**
 * bridgekit: the umbrella package. Re-exports the parser, the engine and the
 * standard library, so an app needs one dependency.
 */
export * from "@bridgekit/parser";
export * from "@bridgekit/engine";
export * from "@bridgekit/std";

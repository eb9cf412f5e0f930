/**
 * bridgekit: the umbrella package. Re-exports the parser, the engine and the
 * standard library, so an app needs one dependency. The std package declares
 * its own copies of the tool types; the engine's are the ones exported here.
 */
export * from "@bridgekit/parser";
export * from "@bridgekit/engine";
export {
  std,
  STD_VERSION,
  createHttpCall,
  createLruCacheStore,
  HttpError,
  resolveStdNamespace,
  checkStdVersionTag,
} from "@bridgekit/std";
export type { CacheStore, FetchFn } from "@bridgekit/std";

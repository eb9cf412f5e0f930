/**
 * `createEngine`: tools and options fixed once, documents prepared once
 * (api.md "Engine factory"). `prepare` is strict — unknown tools and bad
 * documents fail here, not in the middle of a request — and `execute`
 * allocates only per-request state.
 */
import { resolveLimits } from "./limits.js";
import { prepareDocument, type PreparedDoc } from "./prepare/index.js";
import { runBridge } from "./execute/run.js";
import type { BridgeDocument } from "./ast/index.js";
import type { Engine, EngineOptions, ExecuteOptions, ExecuteResult, Limits, PreparedDocument } from "./types.js";

/** Executes an operation of a prepared document with engine-level options. */
export function executePrepared<T>(
  prepared: PreparedDoc,
  engine: EngineOptions,
  limits: Limits,
  options: ExecuteOptions,
): Promise<ExecuteResult<T>> {
  let body;
  try {
    body = prepared.bridge(options.operation);
  } catch (e) {
    return Promise.reject(e);
  }
  return runBridge(body, {
    input: options.input,
    context: options.context,
    requestedFields: options.requestedFields,
    signal: options.signal,
    logger: engine.logger,
    trace: engine.trace,
    toolTimeoutMs: engine.toolTimeoutMs,
    limits,
    consts: prepared.consts,
    source: prepared.source,
    filename: prepared.filename,
  }) as Promise<ExecuteResult<T>>;
}

/** Creates an engine: `engine.prepare(doc).execute({ operation, input, … })`. */
export function createEngine(options: EngineOptions = {}): Engine {
  const engineOptions: EngineOptions = { ...options };
  const limits = resolveLimits({ maxDepth: options.maxDepth, limits: options.limits });
  const tools = options.tools ?? {};
  return {
    prepare(document: BridgeDocument): PreparedDocument {
      const prepared = prepareDocument(document, tools, { strict: true });
      return {
        execute: <T = unknown>(o: ExecuteOptions) => executePrepared<T>(prepared, engineOptions, limits, o),
      };
    },
  };
}

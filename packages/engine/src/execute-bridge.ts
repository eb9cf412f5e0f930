/**
 * `executeBridge`: one document, one request (api.md). Keeps the reference's
 * lazy semantics — a missing tool is a catchable `No tool found` error only
 * when it is called — and reuses the preparation of a document it has seen
 * with the same tool map (a WeakMap lookup per call instead of a prepare).
 */
import type { BridgeDocument } from "./ast/index.js";
import { executePrepared } from "./engine.js";
import { DEFAULT_LIMITS, resolveLimits } from "./limits.js";
import { prepareDocument, type PreparedDoc } from "./prepare/index.js";
import type { ExecuteBridgeOptions, ExecuteResult, ToolMap } from "./types.js";

const NO_TOOLS: ToolMap = Object.freeze({}) as ToolMap;
const cache = new WeakMap<BridgeDocument, WeakMap<ToolMap, PreparedDoc>>();

/**
 * The last document and tool map seen, and their preparation: a request that
 * reuses them (the common case) skips both WeakMap lookups. Holds one
 * document and tool map alive until another one is executed.
 */
let lastDocument: BridgeDocument | null = null;
let lastTools: ToolMap | null = null;
let lastPrepared: PreparedDoc | null = null;

function preparedFor(document: BridgeDocument, tools: ToolMap): PreparedDoc {
  if (document === lastDocument && tools === lastTools) return lastPrepared!;
  const prepared = lookupPrepared(document, tools);
  lastDocument = document;
  lastTools = tools;
  lastPrepared = prepared;
  return prepared;
}

function lookupPrepared(document: BridgeDocument, tools: ToolMap): PreparedDoc {
  let byTools = cache.get(document);
  if (byTools === undefined) {
    byTools = new WeakMap();
    cache.set(document, byTools);
  }
  let prepared = byTools.get(tools);
  if (prepared === undefined) {
    prepared = prepareDocument(document, tools, { strict: false });
    byTools.set(tools, prepared);
  }
  return prepared;
}

/** Executes one operation of a document (R-EXEC-1). */
export function executeBridge<T = unknown>(options: ExecuteBridgeOptions): Promise<ExecuteResult<T>> {
  let prepared: PreparedDoc;
  let limits;
  try {
    const document = options.document;
    if (document === null || typeof document !== "object") throw new TypeError("executeBridge: `document` is required");
    limits = options.maxDepth === undefined && options.limits === undefined ? DEFAULT_LIMITS : resolveLimits(options);
    prepared = preparedFor(document, options.tools ?? NO_TOOLS);
  } catch (e) {
    return Promise.reject(e);
  }
  return executePrepared<T>(prepared, options, limits, options);
}

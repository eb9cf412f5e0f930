/**
 * Public types of the engine API (shared/spec/api.md). Everything here is part
 * of the published surface; internal types live beside the code that uses them.
 */
import type { BridgeDocument } from "./ast/index.js";

/** A value or a promise of it. Values that are already there never pass through a Promise. */
export type MaybePromise<T> = T | Promise<T>;

/** Structured logger; every method is optional (R-LOG-1). */
export interface Logger {
  debug?: (...args: unknown[]) => void;
  info?: (...args: unknown[]) => void;
  warn?: (...args: unknown[]) => void;
  error?: (...args: unknown[]) => void;
}

/** The second argument of every tool call (R-EXEC-11, D-3). */
export interface ToolContext {
  /** The execution's logger, or a no-op logger. */
  logger: Logger;
  /** Aborted when the caller aborts, when the call times out, or when the execution fails fatally. Never undefined. */
  signal: AbortSignal;
}

/** Optional metadata on a tool function's `.bridge` property (R-SYNC, R-BATCH, R-OVER-3, R-TRACE, R-LOG). */
export interface ToolMetadata {
  /** Promises never to return a Promise. Default false. */
  sync?: boolean;
  /** Receives an array of inputs and returns an array of results. Default off. */
  batch?: true | { maxBatchSize?: number; flush?: "microtask" };
  /** Overdefinition cost. Default 1 for sync tools, 2 otherwise. */
  cost?: number;
  /** Record traces and OpenTelemetry spans for calls. Default true. */
  trace?: boolean;
  /** Per-call logging (R-LOG-2). Default: failures at `error`, successes not logged. */
  log?: boolean | { execution?: boolean | "debug" | "info"; errors?: boolean | "warn" | "error" };
}

/** A host function callable from a bridge. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ToolFn = ((input: any, ctx: ToolContext) => unknown) & { bridge?: ToolMetadata };

/** Tools by name; nested objects are namespaces (`{ billing: { charge } }` gives `billing.charge`). */
export interface ToolMap {
  [name: string]: ToolFn | ToolMap | undefined;
}

/** One real tool call (R-TRACE-3). `input`/`output` only at level "full". */
export interface ToolTrace {
  tool: string;
  fn: string;
  durationMs: number;
  startedAt: number;
  error?: string;
  input?: unknown;
  output?: unknown;
}

export type TraceLevel = "off" | "basic" | "full";

/** Limits every execution is held to (D-4). Defaults live in `limits.ts`. */
export interface Limits {
  /** Nesting depth of array element scopes (R-ARR-12). Default 30. */
  maxDepth: number;
  /** Elements per array mapping. Default 100,000. */
  maxArrayLength: number;
  /** Real tool calls per execution. Default 10,000. */
  maxToolCalls: number;
  /** Elements produced by all array mappings of one execution together. Default 1,000,000. */
  maxOutputElements: number;
}

/** Options that stay the same for every execution of an engine. */
export interface EngineOptions {
  /** User tools, merged over the bundled std (R-EXEC-14). Default `{}`. */
  tools?: ToolMap;
  /** Logger for tool calls and `std.audit`. Default: no logging. */
  logger?: Logger;
  /** Trace level. Default "off" (no collection, no cost). */
  trace?: TraceLevel;
  /** Per-call timeout in ms; 0 or negative disables. Default 15000. */
  toolTimeoutMs?: number;
  /** Shorthand for `limits.maxDepth`. Default 30. */
  maxDepth?: number;
  /** Overrides of the default limits. */
  limits?: Partial<Limits>;
}

/** Per-request options of a prepared document. */
export interface ExecuteOptions {
  /** The operation to run: "Type.field", e.g. "Query.weather". */
  operation: string;
  /** Operation input (`with input`). Default `{}`. Never mutated. */
  input?: Record<string, unknown>;
  /** Execution context (`with context`). Default `{}`. Never mutated. */
  context?: Record<string, unknown>;
  /** Sparse fieldset, e.g. `["id", "legs.*"]` (R-FIELDS-*). Default: every field. */
  requestedFields?: string[];
  /** Cancels the execution (R-ABORT-*). */
  signal?: AbortSignal;
}

/** Options of `executeBridge`: one document, one request. */
export interface ExecuteBridgeOptions extends EngineOptions, ExecuteOptions {
  document: BridgeDocument;
}

/** What an execution returns. */
export interface ExecuteResult<T = unknown> {
  data: T;
  traces: ToolTrace[];
}

/** A document prepared once by an engine, executable many times. */
export interface PreparedDocument {
  execute<T = unknown>(options: ExecuteOptions): Promise<ExecuteResult<T>>;
}

/** An engine: tools and options set up once (api.md, "Engine factory"). */
export interface Engine {
  /** Validates the document and builds its static indexes; throws on unknown tools or bad documents. */
  prepare(document: BridgeDocument): PreparedDocument;
}

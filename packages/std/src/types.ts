/**
 * Structural types shared by the std tools. They mirror the engine's public
 * tool types (ToolFn, ToolContext, ToolMetadata) without importing
 * `@bridgekit/engine`, because the engine depends on this package.
 */

/** Structured logger; every method is optional. */
export interface Logger {
  debug?: (...args: unknown[]) => void;
  info?: (...args: unknown[]) => void;
  warn?: (...args: unknown[]) => void;
  error?: (...args: unknown[]) => void;
}

/** The second argument the engine passes to every tool call. */
export interface ToolContext {
  /** The execution's logger, or a no-op logger. */
  logger?: Logger;
  /** Aborted when the caller aborts, the call times out, or the execution fails fatally. */
  signal?: AbortSignal;
}

/** Tool metadata read by the engine from a function's `.bridge` property. */
export interface ToolMetadata {
  sync?: boolean;
  batch?: true | { maxBatchSize?: number; flush?: "microtask" };
  cost?: number;
  trace?: boolean;
  log?: boolean | { execution?: boolean | "debug" | "info"; errors?: boolean | "warn" | "error" };
}

/** The input object a tool receives (built from wires). */
export type ToolInput = Record<string, unknown>;

/** A std tool: `(input, ctx) => result`, optionally carrying metadata. */
export type StdTool<R = unknown> = ((input: ToolInput, ctx?: ToolContext) => R) & { bridge?: ToolMetadata };

/** Attaches the metadata every synchronous std tool carries (STD-1). */
export function syncTool<R>(fn: (input: ToolInput, ctx?: ToolContext) => R): StdTool<R> {
  const tool = fn as StdTool<R>;
  tool.bridge = Object.freeze({ sync: true, trace: false });
  return tool;
}

/** Reads the tool input, tolerating a missing or non-object input. */
export function inputOf(input: unknown): ToolInput {
  return typeof input === "object" && input !== null ? (input as ToolInput) : {};
}

/**
 * Per-call logging. The levels come from a tool's `.bridge.log` metadata and
 * are resolved once when the tool is bound; at call time only the two shapes
 * below are emitted. Missing logger methods are skipped and a throwing logger
 * never fails a tool call.
 */
import type { Logger, ToolMetadata } from "./types.js";

export type SuccessLevel = "debug" | "info";
export type FailureLevel = "warn" | "error";

export interface LogLevels {
  success: SuccessLevel | null;
  failure: FailureLevel | null;
}

const DEFAULT_LEVELS: LogLevels = { success: null, failure: "error" };

/** Resolves `.bridge.log` into the success and failure levels (null = not logged). */
export function resolveLogLevels(log: ToolMetadata["log"]): LogLevels {
  if (log === undefined || log === null) return DEFAULT_LEVELS;
  if (log === false) return { success: null, failure: null };
  if (log === true) return { success: "info", failure: "error" };
  if (typeof log !== "object") return DEFAULT_LEVELS;
  const { execution, errors } = log;
  return {
    success: execution === "info" ? "info" : execution ? "debug" : null,
    failure: errors === false ? null : errors === "warn" ? "warn" : "error",
  };
}

export function logSuccess(logger: Logger, level: SuccessLevel, tool: string, fn: string, durationMs: number): void {
  emit(logger, level, { tool, fn, durationMs }, "[bridge] tool completed");
}

export function logFailure(logger: Logger, level: FailureLevel, tool: string, fn: string, message: string): void {
  emit(logger, level, { tool, fn, err: message }, "[bridge] tool failed");
}

function emit(logger: Logger, level: keyof Logger, fields: Record<string, unknown>, message: string): void {
  const method = logger[level];
  if (typeof method !== "function") return;
  try {
    method.call(logger, fields, message);
  } catch {
    // A broken logger must not change the outcome of a tool call.
  }
}

const noop = (): void => {};

/** The logger tools receive when the host configured none. */
export const NOOP_LOGGER: Logger = Object.freeze({ debug: noop, info: noop, warn: noop, error: noop });

/**
 * Runtime error classes and the helpers that give errors their location and
 * wrap them at the execution boundary. Every error that leaves the engine goes
 * through `locate` (when an expression sees it) and `finalizeError` (once, when
 * the execution ends), so wrapping policy lives here and nowhere else.
 */
import type { ToolTrace } from "./types.js";

/** A 1-based source span; `endColumn` is inclusive. */
export interface Loc {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

/** Properties every Bridge error may carry. */
export interface ErrorLike {
  message: string;
  name?: string;
  loc?: Loc;
  traces?: ToolTrace[];
  source?: string;
  filename?: string;
  cause?: unknown;
}

export interface BridgeErrorOptions {
  cause?: unknown;
  loc?: Loc;
}

/** Shared base: optional location, traces, source text and filename. */
abstract class BridgeErrorBase extends Error {
  loc?: Loc;
  traces: ToolTrace[] = [];
  source?: string;
  filename?: string;

  constructor(message: string, options?: BridgeErrorOptions) {
    super(message, options && "cause" in options ? { cause: options.cause } : undefined);
    this.name = new.target.name;
    if (options?.loc) this.loc = options.loc;
  }
}

/** A non-fatal wire or tool failure that escaped an execution. */
export class BridgeRuntimeError extends BridgeErrorBase {}

/** The caller's AbortSignal was aborted. Fatal. */
export class BridgeAbortError extends BridgeErrorBase {
  constructor(message = "Execution aborted by external signal", options?: BridgeErrorOptions) {
    super(message, options);
  }
}

/** A tool call did not settle within `toolTimeoutMs`. Not fatal. */
export class BridgeTimeoutError extends BridgeErrorBase {
  readonly tool: string;
  readonly timeoutMs: number;
  constructor(tool: string, timeoutMs: number, options?: BridgeErrorOptions) {
    super(`Tool "${tool}" timed out after ${timeoutMs}ms`, options);
    this.tool = tool;
    this.timeoutMs = timeoutMs;
  }
}

/** `panic`, dependency cycles: never caught by `catch`, `?.` or `on error`. Fatal. */
export class BridgePanicError extends BridgeErrorBase {}

/** A configured limit was exceeded. Fatal (a panic). */
export class BridgeLimitError extends BridgePanicError {
  readonly limit: string;
  readonly value: number;
  constructor(limit: string, value: number, message: string, options?: BridgeErrorOptions) {
    super(message, options);
    this.limit = limit;
    this.value = value;
  }
}

/** Turns any thrown value into an Error; Errors pass through unchanged. */
export function toError(value: unknown): Error {
  if (value instanceof Error) return value;
  return new Error(safeString(value));
}

/** True for errors that nothing in a bridge may absorb: panics (incl. limits) and aborts. */
export function isFatal(err: unknown): boolean {
  return err instanceof BridgePanicError || err instanceof BridgeAbortError;
}

/** The message of any thrown value: `.message` for Errors, `String(value)` otherwise. */
export function messageOf(err: unknown): string {
  if (err instanceof Error) return err.message;
  return safeString(err);
}

/**
 * Gives an error its location. Fatal errors and Bridge runtime errors keep
 * their identity and get `loc` only if they have none; anything else is
 * wrapped in a BridgeRuntimeError (the caller's own object is never mutated).
 */
export function locate(err: unknown, loc: Loc | undefined): Error {
  if (err instanceof BridgeRuntimeError || isFatal(err)) {
    const e = err as BridgeErrorBase;
    if (loc && !e.loc) e.loc = loc;
    return e;
  }
  return new BridgeRuntimeError(messageOf(err), { cause: err, loc });
}

export interface FinalizeOptions {
  traces: ToolTrace[];
  source?: string;
  filename?: string;
}

/**
 * The execution boundary: non-fatal errors become BridgeRuntimeErrors, fatal
 * ones stay themselves; both get the traces, source and filename.
 */
export function finalizeError(err: unknown, options: FinalizeOptions): Error {
  let e: BridgeErrorBase;
  if (err instanceof BridgeRuntimeError || err instanceof BridgePanicError || err instanceof BridgeAbortError) {
    e = err;
  } else {
    e = new BridgeRuntimeError(messageOf(err), { cause: err });
  }
  e.traces = options.traces;
  if (options.source !== undefined) e.source = options.source;
  if (options.filename !== undefined) e.filename = options.filename;
  return e;
}

/** `String(value)` that never throws (objects without a prototype, hostile toString). */
export function safeString(value: unknown): string {
  try {
    return String(value);
  } catch {
    try {
      return Object.prototype.toString.call(value);
    } catch {
      return "[unprintable value]";
    }
  }
}

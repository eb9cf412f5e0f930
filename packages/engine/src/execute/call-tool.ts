/**
 * The one place where tool functions are called. `callTool` applies, in this
 * order: function lookup result, caller abort, memoization, the tool-call
 * limit, batching, the call itself with a per-call AbortSignal, sync
 * validation, timeout, AbortError mapping, trace entry, log line, OpenTelemetry
 * span and metrics, and finally the `on error` fallback. Plain, pipe and
 * batched calls all go through here, so error policy lives in one file.
 *
 * Cost model: a tool that returns a plain value gets no Promise, no closure
 * and no clock read unless tracing, logging or OpenTelemetry is active. The
 * per-call AbortController is created only when the tool reads `ctx.signal`.
 * Timeouts share one timer per execution (deadlines.ts). `callInto` hands an
 * asynchronous outcome to a sink instead of a Promise of its own (array
 * elements, element-calls.ts).
 */
import type { JsonValue } from "../ast/index.js";
import { BridgeAbortError, isFatal, messageOf } from "../errors.js";
import { limitError } from "../limits.js";
import { logFailure, logSuccess, resolveLogLevels } from "../log.js";
import type { FailureLevel, SuccessLevel } from "../log.js";
import { endToolCall, runInSpan, startToolSpan, type OtelSpan } from "../otel.js";
import type { MaybePromise, ToolFn } from "../types.js";
import { enqueueBatch } from "./batch.js";
import { memoKey } from "./memo.js";
import type { MemoCache } from "./memo.js";
import { copyJson, readFallbackPath } from "./on-error.js";
import { schedule, unschedule } from "./deadlines.js";
import { CallContext } from "./run-state.js";
import type { CallObservation, CallSink, RunState } from "./run-state.js";

export { createRunState, finishRun, RunState } from "./run-state.js";
export type { CallSink, RunStateOptions } from "./run-state.js";

/** `on error` of the effective tool block: a JSON value, or a path read from the context or the consts. */
export type OnErrorFallback = null | { kind: "value"; value: JsonValue } | { kind: "context" | "const"; path: string[] };

/** A tool resolved at prepare time, with its metadata normalized once. */
export interface ToolBinding {
  readonly toolName: string;
  readonly fnName: string;
  readonly fn: ToolFn | undefined;
  readonly sync: boolean;
  readonly batch: null | { readonly maxBatchSize: number };
  readonly cost: number;
  readonly traced: boolean;
  readonly logSuccess: SuccessLevel | null;
  readonly logFailure: FailureLevel | null;
  readonly onError: OnErrorFallback;
}

export function createToolBinding(options: {
  toolName: string;
  fnName: string;
  fn: ToolFn | undefined;
  onError: OnErrorFallback;
}): ToolBinding {
  const { toolName, fnName, fn, onError } = options;
  const raw = fn === undefined ? undefined : fn.bridge;
  const meta = raw !== null && typeof raw === "object" ? raw : {};
  const sync = meta.sync === true;
  let batch: ToolBinding["batch"] = null;
  if (meta.batch === true || (meta.batch !== null && typeof meta.batch === "object")) {
    const size = meta.batch === true ? undefined : meta.batch.maxBatchSize;
    batch = { maxBatchSize: typeof size === "number" && size >= 1 ? Math.floor(size) : Infinity };
  }
  const cost = fn === undefined ? 2 : typeof meta.cost === "number" ? meta.cost : sync ? 1 : 2;
  const levels = resolveLogLevels(meta.log);
  return Object.freeze({
    toolName,
    fnName,
    fn,
    sync,
    batch,
    cost,
    traced: meta.trace !== false,
    logSuccess: levels.success,
    logFailure: levels.failure,
    onError,
  });
}


/**
 * Calls a bound tool. Returns the value synchronously when the tool did;
 * failures of synchronous calls are thrown, of async calls rejected. Thrown
 * errors are raw (the caller locates them); fatal errors pass unchanged.
 */
export function callTool(
  run: RunState,
  binding: ToolBinding,
  input: Record<string, unknown>,
  memo: MemoCache | null,
  opts?: { pipe?: boolean },
): MaybePromise<unknown> {
  if (binding.fn === undefined) throw new Error(`No tool found for "${binding.fnName}"`);
  const signal = run.signal;
  if (signal !== undefined && signal.aborted) throw new BridgeAbortError();
  if (memo !== null && opts?.pipe !== true) return callMemoized(run, binding, input, memo);
  return callOnce(run, binding, input);
}

function callMemoized(run: RunState, binding: ToolBinding, input: Record<string, unknown>, memo: MemoCache): MaybePromise<unknown> {
  const key = memoKey(memo, input);
  const hit = memo.entries.get(key);
  if (hit !== undefined) {
    if (hit.ok) return hit.value;
    throw hit.error;
  }
  try {
    const value = callOnce(run, binding, input);
    memo.entries.set(key, { ok: true, value });
    return value;
  } catch (err) {
    if (!isFatal(err)) memo.entries.set(key, { ok: false, error: err });
    throw err;
  }
}

/** Returned by `callInto` when the outcome will be delivered to the sink. */
export const INTO = Object.freeze({ into: true });

/**
 * Calls a bound tool like `callTool` (no memo, no batch: the caller checks
 * `binding.batch`) but delivers an asynchronous outcome to `sink` instead of
 * returning a Promise: returns INTO then. Sync results and failures are
 * returned and thrown as by `callTool`.
 */
export function callInto(run: RunState, binding: ToolBinding, input: Record<string, unknown>, sink: CallSink, index: number): unknown {
  if (binding.fn === undefined) throw new Error(`No tool found for "${binding.fnName}"`);
  const signal = run.signal;
  if (signal !== undefined && signal.aborted) throw new BridgeAbortError();
  try {
    return invoke(run, binding, input, -1, sink, index);
  } catch (err) {
    return recover(run, binding, err);
  }
}

function callOnce(run: RunState, binding: ToolBinding, input: Record<string, unknown>): MaybePromise<unknown> {
  if (binding.batch !== null) return enqueueBatch(run, binding, input);
  let result: unknown;
  try {
    result = invoke(run, binding, input, -1);
  } catch (err) {
    return recover(run, binding, err);
  }
  if (result instanceof Promise && binding.onError !== null) {
    return result.then(undefined, (err: unknown) => recover(run, binding, err));
  }
  return result;
}

/** Applies `on error` to a tool failure: fatal errors and tools without a fallback rethrow. */
export function recover(run: RunState, binding: ToolBinding, err: unknown): unknown {
  const fallback = binding.onError;
  if (fallback === null || isFatal(err)) throw err;
  if (fallback.kind === "value") return copyJson(fallback.value);
  return readFallbackPath(fallback.kind === "context" ? run.context : run.consts, fallback.path, fallback.kind);
}

/**
 * One real invocation of `binding.fn` (a direct call, a pipe stage or a batch
 * chunk when `expected >= 0`): counts it, calls it, and records it once
 * settled. Resolves to the raw result; fails with the raw (or mapped) error.
 */
export function invoke(
  run: RunState,
  binding: ToolBinding,
  input: unknown,
  expected: number,
  sink: CallSink | null = null,
  index = 0,
): MaybePromise<unknown> {
  if (run.toolCalls >= run.limits.maxToolCalls) {
    throw limitError("maxToolCalls", run.limits.maxToolCalls, `more tool calls than allowed in one execution`);
  }
  run.toolCalls++;
  const fn = binding.fn!;
  const toolName = binding.toolName;
  const observed =
    (binding.traced && (run.trace !== null || run.otel !== null)) ||
    (run.logger !== null && (binding.logSuccess !== null || binding.logFailure !== null));
  const ctx = new CallContext(run, binding, input, expected, observed);
  if (sink !== null) {
    ctx.sink = sink;
    ctx.sinkIndex = index;
  }
  let result: unknown;
  let thenable: boolean;
  try {
    let span: OtelSpan | null = null;
    if (observed) {
      const obs: CallObservation = (ctx.obs = { start: performance.now(), span: null });
      if (binding.traced && run.otel !== null) span = obs.span = startToolSpan(run.otel, toolName, binding.fnName);
    }
    result = span === null ? fn(input, ctx) : runInSpan(span, fn, input, ctx);
    thenable =
      result !== null &&
      (typeof result === "object" || typeof result === "function") &&
      typeof (result as PromiseLike<unknown>).then === "function";
  } catch (err) {
    throw fail(ctx, err);
  }
  if (thenable) {
    // D-5: a `sync` tool that returns a Promise anyway is awaited like an
    // async tool, with a warning, so its rejection is never left unhandled.
    if (binding.sync && expected < 0) warnSyncPromise(run, toolName, binding.fnName);
    return awaitResult(ctx, result as PromiseLike<unknown>);
  }
  if (expected >= 0) {
    const bad = checkBatchResult(binding.fnName, result, expected);
    if (bad !== null) throw fail(ctx, bad);
  }
  succeed(ctx, result);
  return result;
}

function warnSyncPromise(run: RunState, tool: string, fn: string): void {
  const warn = run.logger?.warn;
  if (typeof warn !== "function") return;
  try {
    warn.call(run.logger, { tool, fn }, `[bridge] tool "${fn}" declared {sync:true} but returned a Promise; awaiting it`);
  } catch {
    // A throwing logger never fails a tool call.
  }
}

function checkBatchResult(fnName: string, result: unknown, expected: number): Error | null {
  if (Array.isArray(result) && result.length === expected) return null;
  const got = Array.isArray(result) ? result.length : typeof result;
  return new Error(`Batch tool "${fnName}" returned ${got} items, expected ${expected}`);
}

function awaitResult(ctx: CallContext, result: PromiseLike<unknown>): unknown {
  const run = ctx.run;
  const sink = ctx.sink;
  const promise =
    sink !== null
      ? INTO
      : new Promise<unknown>((resolve, reject) => {
          ctx.resolve = resolve;
          ctx.reject = reject;
        });
  Promise.resolve(result).then(
    (value) => {
      if (ctx.settled) return;
      unschedule(run, ctx);
      const bad = ctx.expected >= 0 ? checkBatchResult(ctx.binding.fnName, value, ctx.expected) : null;
      if (bad !== null) {
        rejectCall(ctx, fail(ctx, bad));
        return;
      }
      succeed(ctx, value);
      if (sink !== null) sink.ok(ctx, value);
      else ctx.resolve!(value);
    },
    (err: unknown) => {
      if (ctx.settled) return;
      unschedule(run, ctx);
      rejectCall(ctx, fail(ctx, err));
    },
  );
  // After the `then` above, so the first deadline check runs after the
  // reaction of a Promise that is already settled.
  if (run.timeoutMs > 0 && !run.finished) schedule(run, ctx);
  return promise;
}

/** Fails a settled call's Promise, or hands the failure to its sink after `on error`. */
export function rejectCall(ctx: CallContext, err: unknown): void {
  const sink = ctx.sink;
  if (sink === null) {
    ctx.reject!(err);
    return;
  }
  if (ctx.binding.onError === null) {
    sink.fail(ctx, err);
    return;
  }
  let value: unknown;
  try {
    value = recover(ctx.run, ctx.binding, err);
  } catch (e) {
    sink.fail(ctx, e);
    return;
  }
  sink.ok(ctx, value);
}

function succeed(ctx: CallContext, value: unknown): void {
  ctx.settled = true;
  if (ctx.ctrl !== null) ctx.run.inflight?.delete(ctx);
  if (ctx.observed) record(ctx, value, undefined, false);
}

/** Settles a failed call: maps AbortErrors, records it, and returns the error to raise. */
export function fail(ctx: CallContext, err: unknown): unknown {
  ctx.settled = true;
  const run = ctx.run;
  if (ctx.ctrl !== null) run.inflight?.delete(ctx);
  if (run.signal?.aborted && isAbortError(err)) err = new BridgeAbortError();
  if (ctx.observed) record(ctx, undefined, err, true);
  return err;
}

function isAbortError(err: unknown): boolean {
  return err !== null && typeof err === "object" && (err as { name?: unknown }).name === "AbortError";
}

function record(ctx: CallContext, value: unknown, err: unknown, failed: boolean): void {
  const end = performance.now();
  const { run, binding } = ctx;
  const toolName = binding.toolName;
  const { start, span } = ctx.obs!;
  const durationMs = end - start;
  const message = failed ? messageOf(err) : undefined;
  if (binding.traced) {
    run.trace?.add(toolName, binding.fnName, start, end, ctx.input, value, message);
    if (run.otel !== null) endToolCall(run.otel, span, toolName, binding.fnName, durationMs, err, failed);
  }
  const logger = run.logger;
  if (logger !== null) {
    if (failed) {
      if (binding.logFailure !== null) logFailure(logger, binding.logFailure, toolName, binding.fnName, message!);
    } else if (binding.logSuccess !== null) {
      logSuccess(logger, binding.logSuccess, toolName, binding.fnName, durationMs);
    }
  }
}
